#include "config.h"

#include <stdio.h>

#include "model/store_internal.h"

/* The schema, as numbered migrations. A file is brought up to date in one
 * transaction when it is opened (store_open). */

/* Numbered migrations: migrations[i] brings user_version i to i + 1, its
 * SQL and then, where rows need computing, a function, in one
 * transaction. */
static const struct {
	const char *sql;
	moat_status (*after)(store *s);
} migrations[] = {
	/* 1: units, assessments, answers, evidence, audit log, settings */
	{"CREATE TABLE org_unit ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),"
	"  validity_months INTEGER NOT NULL DEFAULT 12"
	"    CHECK (validity_months BETWEEN 1 AND 120),"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE assessment ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','final')),"
	"  finalised_by TEXT,"
	"  finalised_at TEXT,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (unit_id, year));"
	"CREATE TABLE item_state ("
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	"  item_key TEXT NOT NULL,"
	"  state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 2),"
	"  updated_by TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (assessment_id, item_key));"
	"CREATE TABLE criterion_answer ("
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	"  criterion_key TEXT NOT NULL,"
	"  answer TEXT NOT NULL CHECK (answer IN ('unanswered','not_met','partly','met','na')),"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  updated_by TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (assessment_id, criterion_key));"
	"CREATE TABLE evidence ("
	"  id INTEGER PRIMARY KEY,"
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	"  target TEXT NOT NULL,"
	"  body TEXT NOT NULL CHECK (length(body) > 0),"
	"  reference TEXT NOT NULL DEFAULT '',"
	"  owner TEXT NOT NULL DEFAULT '',"
	"  evidence_date TEXT NOT NULL,"
	"  valid_months INTEGER NOT NULL DEFAULT 12 CHECK (valid_months BETWEEN 1 AND 120),"
	"  reviewer TEXT NOT NULL DEFAULT '',"
	"  review_date TEXT NOT NULL DEFAULT '',"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL);"
	"CREATE INDEX evidence_by_target ON evidence (assessment_id, target);"
	"CREATE TABLE audit_log ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  user TEXT NOT NULL,"
	"  assessment_id INTEGER,"
	"  entity TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  old_value TEXT,"
	"  new_value TEXT);"
	"CREATE TABLE setting ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);",
	 NULL},
	/* 2: ROI lines, investment classes, per-unit parameters */
	{"CREATE TABLE roi_line ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('one_off','recurring','loss')),"
	"  name TEXT NOT NULL,"
	"  amount INTEGER NOT NULL CHECK (amount >= 0),"
	"  incidents_milli INTEGER NOT NULL DEFAULT 1000"
	"    CHECK (incidents_milli >= 0));"
	"CREATE INDEX roi_line_by_unit ON roi_line (unit_id, kind);"
	"CREATE TABLE invest_class ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  level_low INTEGER NOT NULL CHECK (level_low BETWEEN 1 AND 6),"
	"  level_high INTEGER NOT NULL CHECK (level_high BETWEEN level_low AND 6),"
	"  amount INTEGER NOT NULL CHECK (amount >= 0));"
	"CREATE TABLE unit_param ("
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  PRIMARY KEY (unit_id, key));",
	 NULL},
	/* 3: the 90-day programme, its tasks, recurring duties and their
	 * history; one resolution per occurrence at most. */
	{"CREATE TABLE programme ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL UNIQUE REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  start_date TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE plan_task ("
	"  id INTEGER PRIMARY KEY,"
	"  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,"
	"  template_key TEXT NOT NULL DEFAULT '',"
	"  phase INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 3),"
	"  title TEXT NOT NULL CHECK (length(title) > 0),"
	"  item_key TEXT NOT NULL DEFAULT '',"
	"  owner TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'not_started'"
	"    CHECK (status IN ('not_started','in_progress','done','blocked')),"
	"  due_date TEXT NOT NULL,"
	"  done_date TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE duty ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  template_key TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  every_months INTEGER NOT NULL CHECK (every_months BETWEEN 1 AND 24),"
	"  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 31),"
	"  anchor TEXT NOT NULL CHECK (anchor IN ('schedule','completion')),"
	"  start_date TEXT NOT NULL,"
	"  item_key TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (unit_id, template_key));"
	"CREATE TABLE duty_event ("
	"  id INTEGER PRIMARY KEY,"
	"  duty_id INTEGER NOT NULL REFERENCES duty(id) ON DELETE CASCADE,"
	"  due_date TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('done','skipped')),"
	"  event_date TEXT NOT NULL,"
	"  result TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  evidence_id INTEGER REFERENCES evidence(id) ON DELETE SET NULL,"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL,"
	"  UNIQUE (duty_id, due_date));",
	 NULL},
	/* 4: the day a finalised year is judged as of (the user's "today" when
	 * it was frozen); older files take the local day of the freeze. */
	{"ALTER TABLE assessment ADD COLUMN judged_on TEXT;"
	"UPDATE assessment SET judged_on = date(finalised_at, 'localtime')"
	"  WHERE status = 'final';",
	 NULL},

	/* 5: the audit log as a hash chain, so rewriting it shows */
	{"ALTER TABLE audit_log ADD COLUMN hash TEXT;",
	 store_audit_seal_all},

	/* 6: pausing a duty: the day its current pause began ('' when it
	 * is not paused), and the pauses that ended, whose occurrences are
	 * never owed */
	{"ALTER TABLE duty ADD COLUMN paused_on TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE duty_pause ("
	"  id INTEGER PRIMARY KEY,"
	"  duty_id INTEGER NOT NULL REFERENCES duty(id) ON DELETE CASCADE,"
	"  paused_on TEXT NOT NULL,"
	"  resumed_on TEXT NOT NULL CHECK (resumed_on > paused_on));"
	"CREATE INDEX duty_pause_by_duty ON duty_pause (duty_id, paused_on);",
	 NULL},

	/* 7: an index for every filter and join that lacked one: a
	 * programme's tasks (in the order they are listed), a unit's
	 * investment classes, the duty records citing a piece of evidence
	 * (its foreign key: deleting evidence looked through every duty's
	 * history), an assessment's audit entries, and the audit log by
	 * user and by key (each newest first by the id the index ends
	 * with) */
	{"CREATE INDEX IF NOT EXISTS plan_task_by_programme"
	"  ON plan_task (programme_id, phase);"
	"CREATE INDEX IF NOT EXISTS invest_class_by_unit ON invest_class (unit_id);"
	"CREATE INDEX IF NOT EXISTS duty_event_by_evidence"
	"  ON duty_event (evidence_id);"
	"CREATE INDEX IF NOT EXISTS audit_by_assessment"
	"  ON audit_log (assessment_id);"
	"CREATE INDEX IF NOT EXISTS audit_by_user ON audit_log (user);"
	"CREATE INDEX IF NOT EXISTS audit_by_key ON audit_log (key);",
	 NULL},

	/* 8: the unit each audit entry is about, set when it is written (and
	 * sealed with it from now on), so that a unit's log is read through
	 * an index, alone or by user or by key. Older entries take their
	 * assessment's unit, a unit's own entries the unit of that name, and
	 * in a file of one unit every entry is that unit's; what is left
	 * (the removal of a year, settings of a unit among several) shows
	 * only in the whole organisation's log. */
	{"ALTER TABLE audit_log ADD COLUMN unit_id INTEGER;"
	"UPDATE audit_log SET unit_id = (SELECT a.unit_id FROM assessment a"
	"  WHERE a.id = audit_log.assessment_id) WHERE assessment_id IS NOT NULL;"
	"UPDATE audit_log SET unit_id = (SELECT u.id FROM org_unit u"
	"  WHERE u.name = audit_log.key) WHERE unit_id IS NULL AND entity = 'unit';"
	"UPDATE audit_log SET unit_id = (SELECT min(id) FROM org_unit)"
	"  WHERE unit_id IS NULL AND (SELECT count(*) FROM org_unit) = 1;"
	"CREATE INDEX audit_by_unit ON audit_log (unit_id);"
	"CREATE INDEX audit_by_unit_user ON audit_log (unit_id, user);"
	"CREATE INDEX audit_by_unit_key ON audit_log (unit_id, key);",
	 store_audit_seal_units_from},

	/* 9: the level a year reached when it was finalised, so the trend
	 * of a unit's years reads one row per year instead of scoring each
	 * frozen year again (NULL for years frozen before: scored on use) */
	{"ALTER TABLE assessment ADD COLUMN final_level INTEGER"
	"  CHECK (final_level BETWEEN 1 AND 5);",
	 NULL},

	/* 10: a tripwire on the audit log. moat only ever appends to it (and
	 * sets an entry's seal); a row deleted or changed by hand leaves a
	 * mark here, so the check at every start sees old damage without
	 * recomputing the whole chain. Someone who drops the triggers first
	 * is still found by the full check. */
	{"CREATE TABLE audit_tamper ("
	"  entry_id INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('deleted', 'changed')),"
	"  PRIMARY KEY (entry_id, kind)) WITHOUT ROWID;"
	"CREATE TRIGGER audit_log_deleted AFTER DELETE ON audit_log BEGIN"
	"  INSERT OR IGNORE INTO audit_tamper VALUES (OLD.id, 'deleted');"
	" END;"
	"CREATE TRIGGER audit_log_changed AFTER UPDATE OF id, at, user,"
	"  assessment_id, entity, key, field, old_value, new_value, unit_id"
	"  ON audit_log BEGIN"
	"  INSERT OR IGNORE INTO audit_tamper VALUES (OLD.id, 'changed');"
	" END;",
	 NULL},

	/* 11: the business impact analysis of a year (model/bia.h): the
	 * outage durations its grids have, the processes with their grids,
	 * MTD and RTO, the systems and the data types, which process uses
	 * which system and which system holds which data. Minutes are
	 * whole; NULL is "not given"; ratings are bia_rating_key words. */
	{"CREATE TABLE bia_duration ("
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id)"
	"    ON DELETE CASCADE,"
	"  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 527040),"
	"  PRIMARY KEY (assessment_id, minutes)) WITHOUT ROWID;"
	"CREATE TABLE bia_process ("
	"  id INTEGER PRIMARY KEY,"
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id)"
	"    ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  owner TEXT NOT NULL DEFAULT '',"
	"  daily_volume INTEGER CHECK (daily_volume >= 0),"
	"  critical INTEGER NOT NULL DEFAULT 0 CHECK (critical IN (0, 1)),"
	"  mtd INTEGER CHECK (mtd BETWEEN 1 AND 527040),"
	"  mtd_reason TEXT NOT NULL DEFAULT '',"
	"  rto INTEGER CHECK (rto BETWEEN 0 AND 527040),"
	"  reviewed_on TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (assessment_id, name));"
	"CREATE TABLE bia_impact ("
	"  process_id INTEGER NOT NULL REFERENCES bia_process(id)"
	"    ON DELETE CASCADE,"
	"  minutes INTEGER NOT NULL,"
	"  loss INTEGER NOT NULL DEFAULT 0,"
	"  financial TEXT NOT NULL DEFAULT 'none',"
	"  financial_text TEXT NOT NULL DEFAULT '',"
	"  customer TEXT NOT NULL DEFAULT 'none',"
	"  customer_text TEXT NOT NULL DEFAULT '',"
	"  legal TEXT NOT NULL DEFAULT 'none',"
	"  legal_text TEXT NOT NULL DEFAULT '',"
	"  reputation TEXT NOT NULL DEFAULT 'none',"
	"  reputation_text TEXT NOT NULL DEFAULT '',"
	"  override TEXT,"
	"  override_reason TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (process_id, minutes)) WITHOUT ROWID;"
	"CREATE TABLE bia_system ("
	"  id INTEGER PRIMARY KEY,"
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id)"
	"    ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  importance TEXT NOT NULL DEFAULT 'medium',"
	"  planned_level INTEGER NOT NULL DEFAULT 0,"
	"  arch TEXT NOT NULL DEFAULT '',"
	"  production_cost INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (assessment_id, name));"
	"CREATE TABLE bia_data_type ("
	"  id INTEGER PRIMARY KEY,"
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id)"
	"    ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  rpo INTEGER CHECK (rpo BETWEEN 0 AND 527040),"
	"  backup TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (assessment_id, name));"
	"CREATE TABLE bia_use ("
	"  process_id INTEGER NOT NULL REFERENCES bia_process(id)"
	"    ON DELETE CASCADE,"
	"  system_id INTEGER NOT NULL REFERENCES bia_system(id)"
	"    ON DELETE CASCADE,"
	"  PRIMARY KEY (process_id, system_id)) WITHOUT ROWID;"
	"CREATE INDEX bia_use_by_system ON bia_use (system_id);"
	"CREATE TABLE bia_hold ("
	"  system_id INTEGER NOT NULL REFERENCES bia_system(id)"
	"    ON DELETE CASCADE,"
	"  data_type_id INTEGER NOT NULL REFERENCES bia_data_type(id)"
	"    ON DELETE CASCADE,"
	"  PRIMARY KEY (system_id, data_type_id)) WITHOUT ROWID;"
	"CREATE INDEX bia_hold_by_data_type ON bia_hold (data_type_id);",
	 NULL},
	/* 12: backups, their verification and drills (model/verify.h,
	 * model/drill.h). A system's backup plan and copies belong to its
	 * year like the rest of the analysis; the ledger and the drills are
	 * facts of the unit in time, naming systems by name, so a finalised
	 * year does not stop a backup job from recording. Times are the
	 * local wall time as typed, "YYYY-MM-DD HH:MM"; minutes are whole. */
	{"CREATE TABLE backup_plan ("
	"  system_id INTEGER PRIMARY KEY REFERENCES bia_system(id)"
	"    ON DELETE CASCADE,"
	"  full_schedule TEXT NOT NULL DEFAULT '',"
	"  full_every INTEGER CHECK (full_every BETWEEN 1 AND 527040),"
	"  incr_schedule TEXT NOT NULL DEFAULT '',"
	"  incr_every INTEGER CHECK (incr_every BETWEEN 1 AND 527040),"
	"  realtime INTEGER NOT NULL DEFAULT 0 CHECK (realtime IN (0, 1)),"
	"  retention TEXT NOT NULL DEFAULT '',"
	"  retention_days INTEGER CHECK (retention_days >= 0));"
	"CREATE TABLE backup_copy ("
	"  id INTEGER PRIMARY KEY,"
	"  system_id INTEGER NOT NULL REFERENCES bia_system(id)"
	"    ON DELETE CASCADE,"
	"  location TEXT NOT NULL CHECK (length(location) > 0),"
	"  medium TEXT NOT NULL,"
	"  offsite INTEGER NOT NULL DEFAULT 0 CHECK (offsite IN (0, 1)));"
	"CREATE INDEX backup_copy_by_system ON backup_copy (system_id);"
	"CREATE TABLE drill ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  type_key TEXT NOT NULL,"
	"  scenario TEXT NOT NULL DEFAULT '',"
	"  held_on TEXT NOT NULL,"
	"  participants TEXT NOT NULL DEFAULT '',"
	"  objectives TEXT NOT NULL DEFAULT '',"
	"  rto_met INTEGER CHECK (rto_met IN (0, 1)),"
	"  rpo_met INTEGER CHECK (rpo_met IN (0, 1)),"
	"  switchover_ok INTEGER CHECK (switchover_ok IN (0, 1)),"
	"  data_complete INTEGER CHECK (data_complete IN (0, 1)),"
	"  functions_ok INTEGER CHECK (functions_ok IN (0, 1)),"
	"  response_in_time INTEGER CHECK (response_in_time IN (0, 1)),"
	"  teams_coordinated INTEGER CHECK (teams_coordinated IN (0, 1)),"
	"  key_people INTEGER CHECK (key_people IN (0, 1)),"
	"  plan_complete INTEGER CHECK (plan_complete IN (0, 1)),"
	"  interruption INTEGER CHECK (interruption >= 0),"
	"  complaints INTEGER CHECK (complaints >= 0),"
	"  loss INTEGER CHECK (loss >= 0),"
	"  declared_at TEXT NOT NULL DEFAULT '',"
	"  recovery_at TEXT NOT NULL DEFAULT '',"
	"  restored_at TEXT NOT NULL DEFAULT '',"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX drill_by_unit ON drill (unit_id, held_on);"
	"CREATE TABLE drill_system ("
	"  drill_id INTEGER NOT NULL REFERENCES drill(id) ON DELETE CASCADE,"
	"  system TEXT NOT NULL,"
	"  PRIMARY KEY (drill_id, system)) WITHOUT ROWID;"
	"CREATE TABLE drill_note ("
	"  id INTEGER PRIMARY KEY,"
	"  drill_id INTEGER NOT NULL REFERENCES drill(id) ON DELETE CASCADE,"
	"  at TEXT NOT NULL,"
	"  note TEXT NOT NULL,"
	"  entered_by TEXT NOT NULL);"
	"CREATE INDEX drill_note_by_drill ON drill_note (drill_id, at);"
	"CREATE TABLE drill_finding ("
	"  id INTEGER PRIMARY KEY,"
	"  drill_id INTEGER NOT NULL REFERENCES drill(id) ON DELETE CASCADE,"
	"  text TEXT NOT NULL CHECK (length(text) > 0),"
	"  severity TEXT NOT NULL CHECK (severity IN ('low','medium','high')),"
	"  owner TEXT NOT NULL DEFAULT '',"
	"  due_date TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),"
	"  task_id INTEGER REFERENCES plan_task(id) ON DELETE SET NULL);"
	"CREATE INDEX drill_finding_by_drill ON drill_finding (drill_id);"
	"CREATE INDEX drill_finding_by_task ON drill_finding (task_id);"
	"CREATE TABLE drill_scenario ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL CHECK (length(name) > 0),"
	"  trigger_text TEXT NOT NULL DEFAULT '',"
	"  tests TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (unit_id, name));"
	"CREATE TABLE verify_entry ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  system TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('check','restore','drill')),"
	"  result TEXT NOT NULL CHECK (result IN ('pass','fail','partial')),"
	"  started_at TEXT NOT NULL,"
	"  ended_at TEXT NOT NULL DEFAULT '',"
	"  rta INTEGER CHECK (rta BETWEEN 0 AND 527040),"
	"  rpa INTEGER CHECK (rpa BETWEEN 0 AND 527040),"
	"  completeness INTEGER CHECK (completeness BETWEEN 0 AND 1000),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  link TEXT NOT NULL DEFAULT '',"
	"  duty_event_id INTEGER REFERENCES duty_event(id) ON DELETE SET NULL,"
	"  drill_id INTEGER REFERENCES drill(id) ON DELETE SET NULL,"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL);"
	"CREATE INDEX verify_by_system ON verify_entry (unit_id, system, started_at);"
	"CREATE INDEX verify_by_kind ON verify_entry (unit_id, kind, started_at);"
	"CREATE INDEX verify_by_started ON verify_entry (unit_id, started_at);"
	"CREATE INDEX verify_by_duty_event ON verify_entry (duty_event_id);"
	"CREATE INDEX verify_by_drill ON verify_entry (drill_id);",
	 NULL},
	/* 13: emergency response (model/store_response.h): the unit's edits
	 * of the four emergency levels, its contacts, its response card's
	 * version (with the fingerprint of the steps it was counted with),
	 * every print of the card, and the incidents with their steps
	 * checked off, their logs and improvements (model/store_incident.h;
	 * times the local wall time as typed, "YYYY-MM-DD HH:MM"). */
	{"CREATE TABLE response_level ("
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),"
	"  name TEXT NOT NULL CHECK (length(name) > 0),"
	"  definition TEXT NOT NULL,"
	"  scope TEXT NOT NULL DEFAULT '',"
	"  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 527040),"
	"  words TEXT NOT NULL,"
	"  decision TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (unit_id, level)) WITHOUT ROWID;"
	"CREATE TABLE response_contact ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  role TEXT NOT NULL CHECK (length(role) > 0),"
	"  name TEXT NOT NULL CHECK (length(name) > 0),"
	"  phone TEXT NOT NULL DEFAULT '',"
	"  phone2 TEXT NOT NULL DEFAULT '',"
	"  alternate TEXT NOT NULL DEFAULT '',"
	"  rank INTEGER NOT NULL DEFAULT 1 CHECK (rank BETWEEN 1 AND 99),"
	"  levels INTEGER NOT NULL DEFAULT 15 CHECK (levels BETWEEN 1 AND 15),"
	"  confirmed_on TEXT NOT NULL DEFAULT '',"
	"  placeholder INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0, 1)));"
	"CREATE INDEX response_contact_by_unit ON response_contact (unit_id, rank);"
	"CREATE TABLE response_card ("
	"  unit_id INTEGER PRIMARY KEY REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
	"  steps_hash INTEGER NOT NULL DEFAULT -1);"
	"CREATE TABLE card_print ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  version INTEGER NOT NULL,"
	"  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),"
	"  lang TEXT NOT NULL,"
	"  printed_on TEXT NOT NULL,"
	"  printed_by TEXT NOT NULL,"
	"  printed_at TEXT NOT NULL);"
	"CREATE INDEX card_print_by_unit ON card_print (unit_id, id);"
	"CREATE TABLE incident ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  system TEXT NOT NULL CHECK (length(system) > 0),"
	"  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),"
	"  declared_at TEXT NOT NULL,"
	"  declared_by TEXT NOT NULL,"
	"  restored_at TEXT NOT NULL DEFAULT '',"
	"  closed_at TEXT NOT NULL DEFAULT '',"
	"  data_loss TEXT NOT NULL DEFAULT '',"
	"  root_cause TEXT NOT NULL DEFAULT '',"
	"  card_version INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX incident_by_unit ON incident (unit_id, declared_at);"
	"CREATE INDEX incident_open ON incident (unit_id, closed_at, declared_at);"
	"CREATE TABLE incident_step ("
	"  incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,"
	"  step TEXT NOT NULL,"
	"  done_at TEXT NOT NULL,"
	"  done_by TEXT NOT NULL,"
	"  PRIMARY KEY (incident_id, step)) WITHOUT ROWID;"
	"CREATE TABLE incident_log ("
	"  id INTEGER PRIMARY KEY,"
	"  incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,"
	"  at TEXT NOT NULL,"
	"  who TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('action','decision','declared',"
	"    'step','restored','closed')),"
	"  what TEXT NOT NULL,"
	"  why TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX incident_log_by_incident ON incident_log (incident_id, at);"
	"CREATE TABLE incident_improvement ("
	"  id INTEGER PRIMARY KEY,"
	"  incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,"
	"  text TEXT NOT NULL CHECK (length(text) > 0),"
	"  task_id INTEGER REFERENCES plan_task(id) ON DELETE SET NULL);"
	"CREATE INDEX incident_improvement_by_incident"
	"  ON incident_improvement (incident_id);"
	"CREATE INDEX incident_improvement_by_task ON incident_improvement (task_id);",
	 NULL},
	/* 14: an incident's measured recovery goes into the verification
	 * ledger as an entry of its own kind, linked to the incident.
	 * SQLite cannot widen a CHECK in place: the table is rebuilt with
	 * its rows (nothing references it) and its indexes made again. */
	{"CREATE TABLE verify_entry_14 ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  system TEXT NOT NULL,"
	"  kind TEXT NOT NULL"
	"    CHECK (kind IN ('check','restore','drill','incident')),"
	"  result TEXT NOT NULL CHECK (result IN ('pass','fail','partial')),"
	"  started_at TEXT NOT NULL,"
	"  ended_at TEXT NOT NULL DEFAULT '',"
	"  rta INTEGER CHECK (rta BETWEEN 0 AND 527040),"
	"  rpa INTEGER CHECK (rpa BETWEEN 0 AND 527040),"
	"  completeness INTEGER CHECK (completeness BETWEEN 0 AND 1000),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  link TEXT NOT NULL DEFAULT '',"
	"  duty_event_id INTEGER REFERENCES duty_event(id) ON DELETE SET NULL,"
	"  drill_id INTEGER REFERENCES drill(id) ON DELETE SET NULL,"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL,"
	"  incident_id INTEGER REFERENCES incident(id) ON DELETE SET NULL);"
	"INSERT INTO verify_entry_14 (id, unit_id, system, kind, result,"
	"  started_at, ended_at, rta, rpa, completeness, note, link,"
	"  duty_event_id, drill_id, entered_by, entered_at)"
	"  SELECT id, unit_id, system, kind, result, started_at, ended_at, rta,"
	"  rpa, completeness, note, link, duty_event_id, drill_id, entered_by,"
	"  entered_at FROM verify_entry;"
	"DROP TABLE verify_entry;"
	"ALTER TABLE verify_entry_14 RENAME TO verify_entry;"
	"CREATE INDEX verify_by_system ON verify_entry (unit_id, system, started_at);"
	"CREATE INDEX verify_by_kind ON verify_entry (unit_id, kind, started_at);"
	"CREATE INDEX verify_by_started ON verify_entry (unit_id, started_at);"
	"CREATE INDEX verify_by_duty_event ON verify_entry (duty_event_id);"
	"CREATE INDEX verify_by_drill ON verify_entry (drill_id);"
	"CREATE UNIQUE INDEX verify_by_incident ON verify_entry (incident_id);",
	 NULL},
	/* 15: business contingency plans (model/store_contingency.h): per
	 * unit and system a plan (canon: its steps' canonical lines now,
	 * kept by every step write), its ordered steps, the columns of its
	 * paper registration form, its approved versions with the lines
	 * each froze, and its yearly reviews. */
	{"CREATE TABLE contingency ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  system TEXT NOT NULL CHECK (length(system) > 0),"
	"  scenario TEXT NOT NULL DEFAULT '',"
	"  outage INTEGER CHECK (outage BETWEEN 0 AND 527040),"
	"  trigger_text TEXT NOT NULL DEFAULT '',"
	"  simplified TEXT NOT NULL DEFAULT '',"
	"  notice TEXT NOT NULL DEFAULT '',"
	"  backentry INTEGER CHECK (backentry BETWEEN 0 AND 527040),"
	"  canon TEXT NOT NULL DEFAULT '',"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (unit_id, system));"
	"CREATE TABLE cont_step ("
	"  id INTEGER PRIMARY KEY,"
	"  plan_id INTEGER NOT NULL REFERENCES contingency(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),"
	"  title TEXT NOT NULL CHECK (length(title) > 0),"
	"  minutes INTEGER CHECK (minutes BETWEEN 0 AND 527040),"
	"  role TEXT NOT NULL DEFAULT '',"
	"  detail TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX cont_step_by_plan ON cont_step (plan_id, position);"
	"CREATE TABLE cont_column ("
	"  plan_id INTEGER NOT NULL REFERENCES contingency(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 10),"
	"  title TEXT NOT NULL CHECK (length(title) > 0),"
	"  PRIMARY KEY (plan_id, position)) WITHOUT ROWID;"
	"CREATE TABLE cont_version ("
	"  plan_id INTEGER NOT NULL REFERENCES contingency(id) ON DELETE CASCADE,"
	"  version INTEGER NOT NULL CHECK (version >= 1),"
	"  approved_by TEXT NOT NULL CHECK (length(approved_by) > 0),"
	"  approved_on TEXT NOT NULL CHECK (length(approved_on) = 10),"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL,"
	"  snapshot TEXT NOT NULL,"
	"  PRIMARY KEY (plan_id, version)) WITHOUT ROWID;"
	"CREATE TABLE cont_review ("
	"  id INTEGER PRIMARY KEY,"
	"  plan_id INTEGER NOT NULL REFERENCES contingency(id) ON DELETE CASCADE,"
	"  version INTEGER NOT NULL CHECK (version >= 1),"
	"  reviewed_on TEXT NOT NULL CHECK (length(reviewed_on) = 10),"
	"  reviewed_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL);"
	"CREATE INDEX cont_review_by_plan ON cont_review (plan_id, version,"
	"  reviewed_on);",
	 NULL},
	/* 16: a group of units. A unit may name its region and be
	 * archived (hidden from the picker, never deleted); the year a
	 * person opens on is remembered per Unix user. The file-wide
	 * choice of schema 15 (setting current_assessment) stays as the
	 * default of everyone who has not chosen yet, so no one opens on
	 * something else after the upgrade. */
	{"ALTER TABLE org_unit ADD COLUMN region TEXT NOT NULL DEFAULT ''"
	"  CHECK (length(region) <= 100);"
	"ALTER TABLE org_unit ADD COLUMN archived INTEGER NOT NULL DEFAULT 0"
	"  CHECK (archived IN (0, 1));"
	"CREATE INDEX org_unit_by_archived ON org_unit (archived, name);"
	"CREATE INDEX org_unit_by_region ON org_unit (region, name);"
	"CREATE TABLE user_current ("
	"  user_name TEXT PRIMARY KEY CHECK (length(user_name) BETWEEN 1 AND 64),"
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	"  chosen_at TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX user_current_by_assessment ON user_current (assessment_id);",
	 NULL},
	/* 17: a one-off investment or yearly cost may name the checklist
	 * item it advances, by key as plan tasks do ('' for none), so the
	 * workbook can say what closing a gap costs. A loss avoided
	 * advances nothing. */
	{"ALTER TABLE roi_line ADD COLUMN item_key TEXT NOT NULL DEFAULT ''"
	"  CHECK (length(item_key) < 64 AND (item_key = '' OR kind <> 'loss'));",
	 NULL},
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

_Static_assert(N_MIGRATIONS == STORE_SCHEMA_VERSION,
	       "STORE_SCHEMA_VERSION must match the migrations");

moat_status store_migrate(store *s)
{
	int version = 0;
	moat_status st = store_begin(s);
	char sql[64];

	if (st)
		return st;
	/* Re-read inside the transaction: another process may have
	 * migrated since we looked. */
	st = store_pragma_int(s, "PRAGMA user_version", &version);
	for (; !st && version < N_MIGRATIONS; version++) {
		st = store_exec(s, migrations[version].sql, "migrate");
		if (!st && migrations[version].after)
			st = migrations[version].after(s);
		if (!st) {
			snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
				 version + 1);
			st = store_exec(s, sql, "migrate");
		}
	}
	if (!st) {
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
			 MOAT_APPLICATION_ID);
		st = store_exec(s, sql, "migrate");
	}
	return store_finish(s, st);
}
