#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/msg.h"
#include "model/store_drill.h"
#include "model/store_internal.h"
#include "model/store_verify.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

#define DRILL_COLUMNS                                                          \
	"d.id, d.type_key, d.scenario, d.held_on, d.participants,"            \
	" d.objectives, d.rto_met, d.rpo_met, d.switchover_ok,"               \
	" d.data_complete, d.functions_ok, d.response_in_time,"               \
	" d.teams_coordinated, d.key_people, d.plan_complete,"                \
	" d.interruption, d.complaints, d.loss, d.declared_at,"               \
	" d.recovery_at, d.restored_at, d.created_by"
#define N_DRILL_COLUMNS 22

#define FINDING_COLUMNS                                                        \
	"f.id, f.drill_id, f.text, f.severity, f.owner, f.due_date,"          \
	" f.status, f.task_id, t.status, d.held_on, d.type_key"

static date column_date(sqlite3_stmt *st, int col)
{
	date d = {0, 0, 0};
	char t[16];
	store_column_copy(st, col, t, sizeof t);
	if (t[0])
		date_parse(t, &d);
	return d;
}

static void date_text(date d, char *out, size_t len)
{
	if (d.y)
		date_format(d, out, len);
	else
		out[0] = '\0';
}

static moat_status invalid(store *s, const char *why)
{
	snprintf(s->err, sizeof s->err, "%s", why);
	return ST_INVALID;
}

/* Reads the DRILL_COLUMNS from col on. */
static void read_drill(sqlite3_stmt *st, int col, drill_record *d)
{
	char t[32];
	drill_record_init(d);
	d->id = sqlite3_column_int64(st, col);
	store_column_copy(st, col + 1, d->type, sizeof d->type);
	store_column_copy(st, col + 2, d->scenario, sizeof d->scenario);
	d->held_on = column_date(st, col + 3);
	store_column_copy(st, col + 4, d->participants, sizeof d->participants);
	store_column_copy(st, col + 5, d->objectives, sizeof d->objectives);
	for (int i = 0; i < DRILL_CHECKS; i++)
		d->checks[i] = sqlite3_column_type(st, col + 6 + i) == SQLITE_NULL
				       ? DRILL_UNSET
				       : sqlite3_column_int(st, col + 6 + i);
	d->interruption = store_column_optional(st, col + 15);
	d->complaints = store_column_optional(st, col + 16);
	d->loss = store_column_optional(st, col + 17);
	for (int m = 0; m < DRILL_MARKS; m++) {
		store_column_copy(st, col + 18 + m, t, sizeof t);
		d->marked[m] = t[0] && verify_parse_time(t, &d->at[m]);
	}
	store_column_copy(st, col + 21, d->by, sizeof d->by);
}

moat_status store_drills(store *s, int64_t unit_id, drill_row **out, size_t *n)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT " DRILL_COLUMNS ","
		   " (SELECT count(*) FROM drill_finding f WHERE f.drill_id = d.id),"
		   " (SELECT count(*) FROM drill_finding f LEFT JOIN plan_task t"
		   "   ON t.id = f.task_id WHERE f.drill_id = d.id"
		   "   AND f.status = 'open' AND coalesce(t.status, '') <> 'done'),"
		   " (SELECT count(*) FROM drill_system y WHERE y.drill_id = d.id),"
		   " (SELECT min(system) FROM drill_system y WHERE y.drill_id = d.id)"
		   " FROM drill d WHERE d.unit_id = ? ORDER BY d.held_on DESC,"
		   " d.id DESC");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		drill_row *r;
		if (*n == cap) {
			drill_row *more;
			cap = cap ? cap * 2 : 8;
			if (!(more = realloc(*out, cap * sizeof *more))) {
				store_done(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return ST_NOMEM;
			}
			*out = more;
		}
		r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		read_drill(st, 0, &r->d);
		r->findings = (size_t)sqlite3_column_int64(st, N_DRILL_COLUMNS);
		r->open = (size_t)sqlite3_column_int64(st, N_DRILL_COLUMNS + 1);
		r->n_systems = (size_t)sqlite3_column_int64(st, N_DRILL_COLUMNS + 2);
		store_column_copy(st, N_DRILL_COLUMNS + 3, r->first, sizeof r->first);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "read drills");
	}
	return ST_OK;
}

void drill_full_free(drill_full *f)
{
	free(f->notes);
	free(f->findings);
	memset(f, 0, sizeof *f);
}

static void read_finding(sqlite3_stmt *st, drill_finding *f)
{
	char t[16];
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	f->drill_id = sqlite3_column_int64(st, 1);
	store_column_copy(st, 2, f->text, sizeof f->text);
	store_column_copy(st, 3, t, sizeof t);
	drill_parse_grade(t, &f->severity);
	store_column_copy(st, 4, f->owner, sizeof f->owner);
	f->due = column_date(st, 5);
	store_column_copy(st, 6, t, sizeof t);
	f->done = strcmp(t, "done") == 0;
	f->task_id = sqlite3_column_int64(st, 7);
	f->task_status = -1;
	if (sqlite3_column_type(st, 8) != SQLITE_NULL) {
		task_status ts;
		store_column_copy(st, 8, t, sizeof t);
		if (task_parse_status(t, &ts))
			f->task_status = (int)ts;
	}
	f->held_on = column_date(st, 9);
	store_column_copy(st, 10, f->drill_type, sizeof f->drill_type);
}

/* Steps st, which selects FINDING_COLUMNS, into a growing array. */
static moat_status read_findings(store *s, sqlite3_stmt *st,
				 drill_finding **out, size_t *n)
{
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			drill_finding *more;
			cap = cap ? cap * 2 : 8;
			if (!(more = realloc(*out, cap * sizeof *more))) {
				rc = SQLITE_NOMEM;
				break;
			}
			*out = more;
		}
		read_finding(st, &(*out)[(*n)++]);
	}
	store_done(st);
	if (rc == SQLITE_DONE)
		return ST_OK;
	free(*out);
	*out = NULL;
	*n = 0;
	return rc == SQLITE_NOMEM ? ST_NOMEM : store_fail(s, rc, "read findings");
}

static moat_status load_notes(store *s, drill_full *f)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id, at, note, entered_by FROM drill_note WHERE"
		   " drill_id = ? ORDER BY at, id");
	size_t cap = 0;
	int rc;
	char t[32];

	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, f->d.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		drill_note *e;
		if (f->n_notes == cap) {
			drill_note *more;
			cap = cap ? cap * 2 : 8;
			if (!(more = realloc(f->notes, cap * sizeof *more))) {
				store_done(st);
				return ST_NOMEM;
			}
			f->notes = more;
		}
		e = &f->notes[f->n_notes++];
		memset(e, 0, sizeof *e);
		e->id = sqlite3_column_int64(st, 0);
		store_column_copy(st, 1, t, sizeof t);
		verify_parse_time(t, &e->at);
		store_column_copy(st, 2, e->text, sizeof e->text);
		store_column_copy(st, 3, e->by, sizeof e->by);
	}
	store_done(st);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "read notes");
}

static moat_status load_systems(store *s, drill_full *f)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT system FROM drill_system WHERE drill_id = ?"
		   " ORDER BY system");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, f->d.id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	       f->n_systems < DRILL_MAX_SYSTEMS)
		store_column_copy(st, 0, f->systems[f->n_systems++],
				  sizeof f->systems[0]);
	store_done(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW
		       ? ST_OK
		       : store_fail(s, rc, "read drill systems");
}

/* The drill by id into d; ST_NOT_FOUND when absent. */
static moat_status get_drill(store *s, int64_t id, drill_record *d,
			     int64_t *unit_id)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT " DRILL_COLUMNS ", d.unit_id FROM drill d WHERE d.id = ?");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_drill(st, 0, d);
		if (unit_id)
			*unit_id = sqlite3_column_int64(st, N_DRILL_COLUMNS);
	}
	store_done(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "read drill");
	snprintf(s->err, sizeof s->err, "no drill %" PRId64, id);
	return ST_NOT_FOUND;
}

moat_status store_drill_load(store *s, int64_t id, drill_full *out)
{
	sqlite3_stmt *st;
	moat_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = get_drill(s, id, &out->d, NULL)) || (rc = load_systems(s, out)) ||
	    (rc = load_notes(s, out)))
		goto fail;
	st = store_prepare(s, "SELECT " FINDING_COLUMNS " FROM drill_finding f"
			      " JOIN drill d ON d.id = f.drill_id"
			      " LEFT JOIN plan_task t ON t.id = f.task_id"
			      " WHERE f.drill_id = ? ORDER BY f.id");
	if (!st) {
		rc = ST_DB;
		goto fail;
	}
	sqlite3_bind_int64(st, 1, id);
	if ((rc = read_findings(s, st, &out->findings, &out->n_findings)))
		goto fail;
	return ST_OK;
fail:
	drill_full_free(out);
	return rc;
}

moat_status store_drill_open_findings(store *s, int64_t unit_id,
				      drill_finding **out, size_t *n)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT " FINDING_COLUMNS " FROM drill d"
		   " JOIN drill_finding f ON f.drill_id = d.id"
		   " LEFT JOIN plan_task t ON t.id = f.task_id"
		   " WHERE d.unit_id = ? AND f.status = 'open'"
		   " AND coalesce(t.status, '') <> 'done'"
		   " ORDER BY d.held_on DESC, d.id DESC, f.id");
	*out = NULL;
	*n = 0;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	return read_findings(s, st, out, n);
}

/* ---- Writing a drill ---- */

static moat_status check_record(store *s, const drill_reference *ref,
				const drill_record *d)
{
	moat_status rc;
	if (!drill_reference_type(ref, d->type))
		return invalid(s, msg(DRILL_P_NO_TYPE));
	if (!d->held_on.y)
		return invalid(s, msg(DRILL_P_NO_DATE));
	if ((rc = store_check_text(s, d->scenario, DRILL_F_SCENARIO,
				   DRILL_SCENARIO_MAX)) ||
	    (rc = store_check_text(s, d->participants, DRILL_F_PARTICIPANTS,
				   DRILL_TEXT_MAX)) ||
	    (rc = store_check_text(s, d->objectives, DRILL_F_OBJECTIVES,
				   DRILL_TEXT_MAX)))
		return rc;
	for (int i = 0; i < DRILL_CHECKS; i++)
		if (d->checks[i] < DRILL_UNSET || d->checks[i] > DRILL_YES)
			return invalid(s, "a check is unset, 0 or 1");
	if ((d->interruption < 0 && d->interruption != BIA_UNSET) ||
	    d->interruption > BIA_MAX_MINUTES ||
	    (d->complaints < 0 && d->complaints != BIA_UNSET) ||
	    (d->loss < 0 && d->loss != BIA_UNSET))
		return invalid(s, msg(DRILL_P_FIGURE_RANGE));
	return ST_OK;
}

static moat_status audit_text(store *s, const char *user, int64_t unit_id,
			      const char *key, const char *field,
			      const char *was, const char *now)
{
	if (was && strcmp(was, now) == 0)
		return ST_OK;
	return store_audit(s, user, unit_id, 0, "drill", key, field, was, now);
}

static void figure_text(int64_t v, char *out, size_t len)
{
	if (v == BIA_UNSET)
		out[0] = '\0';
	else
		snprintf(out, len, "%" PRId64, v);
}

/* Audits every field of now that differs from was (NULL: added). */
static moat_status audit_drill(store *s, const char *user, int64_t unit_id,
			       const drill_record *was, const drill_record *now)
{
	static const char *const figures[] = {"interruption", "complaints",
					      "loss"};
	char key[24], a[32], b[32];
	const int64_t fw[] = {was ? was->interruption : 0,
			      was ? was->complaints : 0, was ? was->loss : 0};
	const int64_t fn[] = {now->interruption, now->complaints, now->loss};
	moat_status rc = ST_OK;

	snprintf(key, sizeof key, "%" PRId64, now->id);
	if (!was)
		return store_audit(s, user, unit_id, 0, "drill", key, "added",
				   NULL, now->type);
	date_text(was->held_on, a, sizeof a);
	date_text(now->held_on, b, sizeof b);
	if ((rc = audit_text(s, user, unit_id, key, "type", was->type, now->type)) ||
	    (rc = audit_text(s, user, unit_id, key, "held_on", a, b)) ||
	    (rc = audit_text(s, user, unit_id, key, "scenario", was->scenario,
			     now->scenario)) ||
	    (rc = audit_text(s, user, unit_id, key, "participants",
			     was->participants, now->participants)) ||
	    (rc = audit_text(s, user, unit_id, key, "objectives",
			     was->objectives, now->objectives)))
		return rc;
	for (int i = 0; !rc && i < DRILL_CHECKS; i++) {
		snprintf(a, sizeof a, "%d", was->checks[i]);
		snprintf(b, sizeof b, "%d", now->checks[i]);
		rc = audit_text(s, user, unit_id, key,
				drill_check_column((drill_check)i), a, b);
	}
	for (int i = 0; !rc && i < 3; i++) {
		figure_text(fw[i], a, sizeof a);
		figure_text(fn[i], b, sizeof b);
		rc = audit_text(s, user, unit_id, key, figures[i], a, b);
	}
	return rc;
}

static void bind_check(sqlite3_stmt *st, int col, int v)
{
	if (v == DRILL_UNSET)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int(st, col, v);
}

moat_status store_drill_save(store *s, int64_t unit_id,
			     const drill_reference *ref, const drill_record *d,
			     const char *user, int64_t *id)
{
	drill_record was, now = *d;
	sqlite3_stmt *st;
	char day[16];
	moat_status rc;

	if ((rc = check_record(s, ref, d)) || (rc = store_begin(s)))
		return rc;
	if (d->id) {
		int64_t owner;
		if ((rc = get_drill(s, d->id, &was, &owner)))
			return store_finish(s, rc);
		unit_id = owner;
	}
	st = store_prepare(
		s, d->id ? "UPDATE drill SET type_key = ?2, scenario = ?3,"
			   " held_on = ?4, participants = ?5, objectives = ?6,"
			   " rto_met = ?7, rpo_met = ?8, switchover_ok = ?9,"
			   " data_complete = ?10, functions_ok = ?11,"
			   " response_in_time = ?12, teams_coordinated = ?13,"
			   " key_people = ?14, plan_complete = ?15,"
			   " interruption = ?16, complaints = ?17, loss = ?18"
			   " WHERE id = ?1"
			 : "INSERT INTO drill (unit_id, type_key, scenario, held_on,"
			   " participants, objectives, rto_met, rpo_met,"
			   " switchover_ok, data_complete, functions_ok,"
			   " response_in_time, teams_coordinated, key_people,"
			   " plan_complete, interruption, complaints, loss,"
			   " created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5,"
			   " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
			   " ?17, ?18, ?19, " NOW ")");
	if (!st)
		return store_finish(s, ST_DB);
	date_format(d->held_on, day, sizeof day);
	sqlite3_bind_int64(st, 1, d->id ? d->id : unit_id);
	store_bind_text(st, 2, d->type);
	store_bind_text(st, 3, d->scenario);
	store_bind_text(st, 4, day);
	store_bind_text(st, 5, d->participants);
	store_bind_text(st, 6, d->objectives);
	for (int i = 0; i < DRILL_CHECKS; i++)
		bind_check(st, 7 + i, d->checks[i]);
	store_bind_optional(st, 16, d->interruption);
	store_bind_optional(st, 17, d->complaints);
	store_bind_optional(st, 18, d->loss);
	if (!d->id)
		store_bind_text(st, 19, user);
	if ((rc = store_run(s, st, "save drill")))
		return store_finish(s, rc);
	now.id = d->id ? d->id : sqlite3_last_insert_rowid(s->db);
	*id = now.id;
	return store_finish(s, audit_drill(s, user, unit_id, d->id ? &was : NULL,
					   &now));
}

/* The drill's unit, and its key for the audit; ST_NOT_FOUND without one. */
static moat_status drill_unit(store *s, int64_t drill_id, int64_t *unit_id,
			      char *key, size_t keylen)
{
	bool found;
	moat_status rc = store_int_by_id(s, "SELECT unit_id FROM drill WHERE id = ?",
					 drill_id, unit_id, &found);
	if (rc)
		return rc;
	if (!found) {
		snprintf(s->err, sizeof s->err, "no drill %" PRId64, drill_id);
		return ST_NOT_FOUND;
	}
	snprintf(key, keylen, "%" PRId64, drill_id);
	return ST_OK;
}

moat_status store_drill_delete(store *s, int64_t id, const char *user)
{
	int64_t unit_id;
	char key[24];
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = drill_unit(s, id, &unit_id, key, sizeof key)))
		return store_finish(s, rc);
	if (!(st = store_prepare(s, "DELETE FROM drill WHERE id = ?")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = store_run(s, st, "delete drill")))
		return store_finish(s, rc);
	return store_finish(s, store_audit(s, user, unit_id, 0, "drill", key,
					    "removed", key, NULL));
}

moat_status store_drill_systems_set(store *s, int64_t drill_id,
				    const drill_system_name *names, size_t n,
				    const char *user)
{
	drill_full was;
	char key[24], a[1024] = "", b[1024] = "";
	size_t la = 0, lb = 0;
	int64_t unit_id;
	sqlite3_stmt *st;
	moat_status rc;

	if (n > DRILL_MAX_SYSTEMS)
		return invalid(s, msg(DRILL_P_TOO_MANY_SYSTEMS));
	for (size_t i = 0; i < n; i++) {
		if (!names[i][0])
			return invalid(s, msg(DRILL_P_NO_SYSTEM));
		if ((rc = store_check_text(s, names[i], DRILL_F_SYSTEM,
					   BIA_NAME_MAX)))
			return rc;
	}
	if ((rc = store_begin(s)))
		return rc;
	memset(&was, 0, sizeof was);
	was.d.id = drill_id;
	if ((rc = drill_unit(s, drill_id, &unit_id, key, sizeof key)) ||
	    (rc = load_systems(s, &was)))
		return store_finish(s, rc);
	if (!(st = store_prepare(s, "DELETE FROM drill_system WHERE drill_id = ?")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, drill_id);
	if ((rc = store_run(s, st, "clear drill systems")))
		return store_finish(s, rc);
	for (size_t i = 0; i < n; i++) {
		st = store_prepare(s, "INSERT OR IGNORE INTO drill_system"
				      " (drill_id, system) VALUES (?, ?)");
		if (!st)
			return store_finish(s, ST_DB);
		sqlite3_bind_int64(st, 1, drill_id);
		store_bind_text(st, 2, names[i]);
		if ((rc = store_run(s, st, "add drill system")))
			return store_finish(s, rc);
	}
	for (size_t i = 0; i < was.n_systems && la < sizeof a; i++)
		la += (size_t)snprintf(a + la, sizeof a - la, "%s%s",
				       i ? ", " : "", was.systems[i]);
	was.n_systems = 0;
	if ((rc = load_systems(s, &was)))
		return store_finish(s, rc);
	for (size_t i = 0; i < was.n_systems && lb < sizeof b; i++)
		lb += (size_t)snprintf(b + lb, sizeof b - lb, "%s%s",
				       i ? ", " : "", was.systems[i]);
	return store_finish(s, audit_text(s, user, unit_id, key, "systems", a, b));
}

/* ---- The stopwatch ---- */

static moat_status mark_problem(store *s, drill_mark_problem p)
{
	static const msg_id why[] = {DRILL_P_MARK_TWICE, DRILL_P_MARK_TWICE,
				     DRILL_P_MARK_ORDER, DRILL_P_MARK_BEFORE};
	return invalid(s, msg(why[p]));
}

/* One ledger entry per system in scope of the restored drill f. */
static moat_status record_entries(store *s, int64_t unit_id,
				  int64_t assessment_id, const drill_full *f,
				  const drill_times *t, const int64_t *rtos,
				  size_t n_rtos, const char *user,
				  size_t *entries)
{
	bool full = strcmp(f->d.type, DRILL_TYPE_FULL) == 0;
	for (size_t i = 0; i < f->n_systems; i++) {
		verify_entry e;
		int64_t rto = i < n_rtos ? rtos[i] : BIA_UNSET;
		target_judgement j = verify_judge(t->rta, rto);
		int64_t id, event;
		moat_status rc;

		memset(&e, 0, sizeof e);
		snprintf(e.system, sizeof e.system, "%s", f->systems[i]);
		e.kind = VERIFY_DRILL;
		e.result = j.verdict == TARGET_MISSED ? VERIFY_PARTIAL
						      : VERIFY_PASS;
		e.started = f->d.at[DRILL_RECOVERY];
		e.has_ended = true;
		e.ended = f->d.at[DRILL_RESTORED];
		e.rta = t->rta;
		e.rpa = BIA_UNSET;
		e.completeness = -1;
		snprintf(e.note, sizeof e.note, "%s", f->d.scenario);
		e.drill_id = f->d.id;
		/* Only a full-scale drill is the yearly full DR drill. */
		if (full)
			rc = store_verify_record(s, unit_id, assessment_id, &e,
						 user, &id, &event);
		else
			rc = store_verify_record_for(s, unit_id, assessment_id,
						     &e, 0, user, &id);
		if (rc)
			return rc;
		if (entries)
			(*entries)++;
	}
	return ST_OK;
}

moat_status store_drill_mark(store *s, int64_t unit_id, int64_t assessment_id,
			     int64_t drill_id, drill_mark m,
			     const verify_time *at, const int64_t *rtos,
			     size_t n_rtos, const char *user, size_t *entries)
{
	static const char *const sql[DRILL_MARKS] = {
		"UPDATE drill SET declared_at = ?2 WHERE id = ?1",
		"UPDATE drill SET recovery_at = ?2 WHERE id = ?1",
		"UPDATE drill SET restored_at = ?2,"
		" interruption = coalesce(interruption, ?3) WHERE id = ?1",
	};
	drill_full f;
	drill_times t;
	drill_mark_problem p;
	char when[32], key[24];
	sqlite3_stmt *st;
	moat_status rc;

	if (entries)
		*entries = 0;
	if ((unsigned)m >= DRILL_MARKS)
		return invalid(s, "no such mark");
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_drill_load(s, drill_id, &f)))
		return store_finish(s, rc);
	if ((p = drill_check_mark(&f.d, m, at)) != DRILL_MARK_OK) {
		drill_full_free(&f);
		return store_finish(s, mark_problem(s, p));
	}
	f.d.marked[m] = true;
	f.d.at[m] = *at;
	drill_measure(&f.d, &t);
	verify_format_time(at, when, sizeof when);
	if (!(st = store_prepare(s, sql[m]))) {
		drill_full_free(&f);
		return store_finish(s, ST_DB);
	}
	sqlite3_bind_int64(st, 1, drill_id);
	store_bind_text(st, 2, when);
	if (m == DRILL_RESTORED)
		store_bind_optional(st, 3, t.interruption);
	snprintf(key, sizeof key, "%" PRId64, drill_id);
	rc = store_run(s, st, "mark drill");
	if (!rc)
		rc = store_audit(s, user, unit_id, 0, "drill", key,
				 drill_mark_column(m), NULL, when);
	if (!rc && m == DRILL_RESTORED)
		rc = record_entries(s, unit_id, assessment_id, &f, &t, rtos,
				    n_rtos, user, entries);
	drill_full_free(&f);
	if (rc && entries)
		*entries = 0;
	return store_finish(s, rc);
}

moat_status store_drill_note_add(store *s, int64_t drill_id,
				 const verify_time *at, const char *text,
				 const char *user, int64_t *id)
{
	int64_t unit_id;
	char when[32], key[24];
	sqlite3_stmt *st;
	moat_status rc;

	if (!text || !*text)
		return invalid(s, msg(DRILL_P_EMPTY_NOTE));
	if ((rc = store_check_text(s, text, DRILL_F_NOTE, DRILL_NOTE_MAX)) ||
	    (rc = store_begin(s)))
		return rc;
	if ((rc = drill_unit(s, drill_id, &unit_id, key, sizeof key)))
		return store_finish(s, rc);
	st = store_prepare(s, "INSERT INTO drill_note (drill_id, at, note,"
			      " entered_by) VALUES (?, ?, ?, ?)");
	if (!st)
		return store_finish(s, ST_DB);
	verify_format_time(at, when, sizeof when);
	sqlite3_bind_int64(st, 1, drill_id);
	store_bind_text(st, 2, when);
	store_bind_text(st, 3, text);
	store_bind_text(st, 4, user);
	if ((rc = store_run(s, st, "add drill note")))
		return store_finish(s, rc);
	*id = sqlite3_last_insert_rowid(s->db);
	return store_finish(s, store_audit(s, user, unit_id, 0, "drill", key,
					    "note", NULL, text));
}

/* ---- Findings ---- */

moat_status store_drill_finding_add(store *s, const drill_finding *f,
				    date today, const char *user, int64_t *id,
				    int64_t *task)
{
	int64_t unit_id, programme_id = 0, task_id = 0;
	bool has_programme = false;
	date start = {0, 0, 0};
	char key[24], due[16];
	sqlite3_stmt *st;
	moat_status rc;
	int phase;

	if (task)
		*task = 0;
	if (!f->text[0])
		return invalid(s, msg(DRILL_P_NO_FINDING));
	if ((unsigned)f->severity >= DRILL_GRADES)
		return invalid(s, "no such severity");
	if ((rc = store_check_text(s, f->text, DRILL_F_FINDING,
				   DRILL_FINDING_MAX)) ||
	    (rc = store_check_text(s, f->owner, DRILL_F_OWNER, TASK_OWNER_MAX)) ||
	    (rc = store_begin(s)))
		return rc;
	if ((rc = drill_unit(s, f->drill_id, &unit_id, key, sizeof key)) ||
	    (rc = store_programme(s, unit_id, &has_programme, &programme_id,
				  &start)))
		return store_finish(s, rc);
	phase = drill_finding_phase(has_programme, start, today);
	if (phase) {
		plan_task t;
		plan_task *all;
		size_t n;
		if ((rc = store_task_add(s, programme_id, phase, f->text, "drills",
					 user, &task_id)))
			return store_finish(s, rc);
		if (f->owner[0]) {
			if ((rc = store_tasks(s, programme_id, &all, &n)))
				return store_finish(s, rc);
			memset(&t, 0, sizeof t);
			for (size_t i = 0; i < n; i++)
				if (all[i].id == task_id)
					t = all[i];
			free(all);
			snprintf(t.owner, sizeof t.owner, "%s", f->owner);
			if ((rc = store_task_update(s, &t, today, user)))
				return store_finish(s, rc);
		}
	}
	st = store_prepare(s, "INSERT INTO drill_finding (drill_id, text,"
			      " severity, owner, due_date, task_id) VALUES"
			      " (?, ?, ?, ?, ?, ?)");
	if (!st)
		return store_finish(s, ST_DB);
	date_text(f->due, due, sizeof due);
	sqlite3_bind_int64(st, 1, f->drill_id);
	store_bind_text(st, 2, f->text);
	store_bind_text(st, 3, drill_grade_key(f->severity));
	store_bind_text(st, 4, f->owner);
	store_bind_text(st, 5, due);
	if (task_id)
		sqlite3_bind_int64(st, 6, task_id);
	else
		sqlite3_bind_null(st, 6);
	if ((rc = store_run(s, st, "add finding")))
		return store_finish(s, rc);
	*id = sqlite3_last_insert_rowid(s->db);
	if (task)
		*task = task_id;
	return store_finish(s, store_audit(s, user, unit_id, 0, "drill_finding",
					    key, "added", NULL, f->text));
}

/* The finding by id, with its drill's unit. */
static moat_status get_finding(store *s, int64_t id, drill_finding *f,
			       int64_t *unit_id)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT " FINDING_COLUMNS ", d.unit_id FROM drill_finding f"
		   " JOIN drill d ON d.id = f.drill_id"
		   " LEFT JOIN plan_task t ON t.id = f.task_id WHERE f.id = ?");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_finding(st, f);
		*unit_id = sqlite3_column_int64(st, 11);
	}
	store_done(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "read finding");
	snprintf(s->err, sizeof s->err, "no finding %" PRId64, id);
	return ST_NOT_FOUND;
}

/* Moves the finding's task along with it. */
static moat_status follow_task(store *s, const drill_finding *f, bool done,
			       date today, const char *user)
{
	int64_t programme_id;
	bool found;
	plan_task *all, t;
	size_t n;
	moat_status rc;

	if (!f->task_id)
		return ST_OK;
	if ((rc = store_int_by_id(s, "SELECT programme_id FROM plan_task WHERE"
				     " id = ?", f->task_id, &programme_id,
				  &found)) || !found ||
	    (rc = store_tasks(s, programme_id, &all, &n)))
		return rc;
	memset(&t, 0, sizeof t);
	for (size_t i = 0; i < n; i++)
		if (all[i].id == f->task_id)
			t = all[i];
	free(all);
	if ((t.status == TASK_DONE) == done)
		return ST_OK;
	t.status = done ? TASK_DONE : TASK_IN_PROGRESS;
	if (!done)
		t.done_on = (date){0, 0, 0};
	return store_task_update(s, &t, today, user);
}

moat_status store_drill_finding_set_done(store *s, int64_t id, bool done,
					 date today, const char *user)
{
	drill_finding f;
	int64_t unit_id;
	char key[24];
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = get_finding(s, id, &f, &unit_id)))
		return store_finish(s, rc);
	st = store_prepare(s, "UPDATE drill_finding SET status = ? WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	store_bind_text(st, 1, done ? "done" : "open");
	sqlite3_bind_int64(st, 2, id);
	if ((rc = store_run(s, st, "set finding")) ||
	    (rc = follow_task(s, &f, done, today, user)))
		return store_finish(s, rc);
	snprintf(key, sizeof key, "%" PRId64, f.drill_id);
	if (f.done == done)
		return store_finish(s, ST_OK);
	return store_finish(s, store_audit(s, user, unit_id, 0, "drill_finding",
					    key, f.text, f.done ? "done" : "open",
					    done ? "done" : "open"));
}

moat_status store_drill_finding_delete(store *s, int64_t id, const char *user)
{
	drill_finding f;
	int64_t unit_id;
	char key[24];
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = get_finding(s, id, &f, &unit_id)))
		return store_finish(s, rc);
	if (!(st = store_prepare(s, "DELETE FROM drill_finding WHERE id = ?")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = store_run(s, st, "delete finding")))
		return store_finish(s, rc);
	snprintf(key, sizeof key, "%" PRId64, f.drill_id);
	return store_finish(s, store_audit(s, user, unit_id, 0, "drill_finding",
					    key, "removed", f.text, NULL));
}

/* ---- The unit's own scenarios ---- */

void drill_scenarios_free(drill_scenario *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].name);
		free(v[i].trigger);
		free(v[i].tests);
	}
	free(v);
}

moat_status store_drill_scenarios(store *s, int64_t unit_id,
				  drill_scenario **out, size_t *n)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT name, trigger_text, tests FROM drill_scenario WHERE"
		   " unit_id = ? ORDER BY name");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		drill_scenario *c;
		if (*n == cap) {
			drill_scenario *more;
			cap = cap ? cap * 2 : 8;
			if (!(more = realloc(*out, cap * sizeof *more))) {
				rc = SQLITE_NOMEM;
				break;
			}
			*out = more;
		}
		c = &(*out)[(*n)++];
		c->key = NULL;
		c->name = store_column_dup(st, 0);
		c->trigger = store_column_dup(st, 1);
		c->tests = store_column_dup(st, 2);
		if (!c->name || !c->trigger || !c->tests) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	store_done(st);
	if (rc == SQLITE_DONE)
		return ST_OK;
	drill_scenarios_free(*out, *n);
	*out = NULL;
	*n = 0;
	return rc == SQLITE_NOMEM ? ST_NOMEM : store_fail(s, rc, "read scenarios");
}

moat_status store_drill_scenario_add(store *s, int64_t unit_id,
				     const char *name, const char *trigger,
				     const char *tests, const char *user,
				     int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;

	if (!name || !*name)
		return invalid(s, msg(DRILL_P_NO_SCENARIO));
	trigger = trigger ? trigger : "";
	tests = tests ? tests : "";
	if ((rc = store_check_text(s, name, DRILL_F_SCENARIO,
				   DRILL_SCENARIO_MAX)) ||
	    (rc = store_check_text(s, trigger, DRILL_F_TRIGGER, DRILL_TEXT_MAX)) ||
	    (rc = store_check_text(s, tests, DRILL_F_TESTS, DRILL_TEXT_MAX)) ||
	    (rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "INSERT INTO drill_scenario (unit_id, name,"
			      " trigger_text, tests) VALUES (?, ?, ?, ?)");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, name);
	store_bind_text(st, 3, trigger);
	store_bind_text(st, 4, tests);
	if ((rc = store_run(s, st, "add scenario")))
		return store_finish(s, rc);
	*id = sqlite3_last_insert_rowid(s->db);
	return store_finish(s, store_audit(s, user, unit_id, 0, "drill_scenario",
					    name, "added", NULL, name));
}

moat_status store_drill_scenario_delete(store *s, int64_t unit_id,
					const char *name, const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "DELETE FROM drill_scenario WHERE unit_id = ?"
			      " AND name = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, name);
	if ((rc = store_run(s, st, "delete scenario")))
		return store_finish(s, rc);
	if (sqlite3_changes(s->db) == 0) {
		snprintf(s->err, sizeof s->err, "no scenario %s", name);
		return store_finish(s, ST_NOT_FOUND);
	}
	return store_finish(s, store_audit(s, user, unit_id, 0, "drill_scenario",
					    name, "removed", name, NULL));
}
