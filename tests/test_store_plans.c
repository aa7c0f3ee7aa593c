/* Every statement the store prepares finds its rows through an index.
 *
 * The store's operations run on the demo organisation; every statement
 * they prepare stays in the connection's statement cache (store_prepare
 * is the one place statements are made), so afterwards the cache lists
 * every query the store made, a new one included as soon as an operation
 * here uses it. Each is then asked for its EXPLAIN QUERY PLAN, and a full
 * SCAN of a table fails the test, except the tables and statements listed
 * below for reading all of something small or on purpose. The schema's
 * foreign keys each need an index too (deleting a parent looks up its
 * children), which no query plan shows. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "model/demo.h"
#include "model/demo_bia.h"
#include "model/store_bia.h"
#include "model/store_drill.h"
#include "model/store_incident.h"
#include "model/store_response.h"
#include "model/store_verify.h"
#include "model/store.h"
#include "model/store_internal.h"
#include "tests/fixtures.h"

static const date today = {2026, 11, 25};

/* Tables read whole without harm: they do not grow with use. */
static const char *const small_tables[] = {
	"setting",       /* a handful of keys: the current year, the head */
	"sqlite_master", /* the schema (the identity check counts it) */
	"audit_tamper",  /* the marks of hand edits: none while moat alone
			  * writes the log */
};

/* Statements that read a whole table on purpose. */
static const char *const whole_reads[] = {
	/* The full check of the audit log (`moat audit verify`) counts and
	 * recomputes every entry; the start-up check reads only the tail. */
	"SELECT count(*) FROM audit_log",
	/* The migration that introduced the seals seals every entry once. */
	"SELECT id, at, user, assessment_id, entity, key, field, old_value,"
	" new_value, hash, NULL FROM audit_log ORDER BY id",
	/* `moat unit list` and the picker's "show archived" list every
	 * unit. */
	"SELECT u.id, u.name, u.validity_months, u.region, u.archived,"
	" coalesce(a.id, 0), coalesce(a.year, 0), coalesce(a.status, 'draft'),"
	" coalesce(a.final_level, 0) FROM org_unit u LEFT JOIN assessment a ON"
	" a.id = (SELECT b.id FROM assessment b WHERE b.unit_id = u.id ORDER BY"
	" b.year DESC LIMIT 1) ORDER BY u.name",
};

static bool listed(const char *const *v, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(v[i]) == len && strncmp(v[i], s, len) == 0)
			return true;
	return false;
}

/* Asserts that no statement of the cache is left running: each use must
 * end with store_done, or it holds a read snapshot open. */
static void idle(store *s)
{
	for (size_t i = 0; i < s->n_cache; i++)
		if (sqlite3_stmt_busy(s->cache[i].st))
			fail_msg("left running: %s", sqlite3_sql(s->cache[i].st));
}

/* Runs one call of the store and checks its status and that it left no
 * statement running. */
#define OK(call)                                                            \
	do {                                                                \
		assert_int_equal((call), ST_OK);                            \
		idle(s);                                                    \
	} while (0)
#define GIVES(call, status)                                                 \
	do {                                                                \
		assert_int_equal((call), (status));                         \
		idle(s);                                                    \
	} while (0)

static evidence proof_of(int64_t aid, const char *target, const char *body)
{
	return (evidence){.assessment_id = aid, .target = (char *)target,
			  .body = (char *)body, .reference = "", .owner = "",
			  .evidence_date = "2026-11-20", .valid_months = 12,
			  .reviewer = "", .review_date = ""};
}

/* The years, checklist, answers, evidence and settings of a unit. */
static void exercise_years(store *s, const questionnaire *q, int64_t unit_id,
			   int64_t aid)
{
	item_state states[Q_MAX_ITEMS];
	crit_input answers[Q_MAX_CRITERIA];
	char text[256];
	evidence_list l;
	evidence e = proof_of(aid, "bia", "Impact analysis"), seen;
	assessment *years, a;
	size_t n;
	unit u;
	int64_t id, u2, a2, changes, next;
	bool empty;

	OK(store_is_empty(s, &empty));
	assert_false(empty);
	OK(store_current(s, "alice", &u2, &a2));
	OK(store_set_current(s, "alice", aid));
	OK(store_current(s, "alice", &u2, &a2));
	assert_int_equal(a2, aid);
	OK(store_unit_get(s, unit_id, &u));
	OK(store_assessment_get(s, aid, &a));
	OK(store_assessment_list(s, unit_id, &years, &n));
	free(years);
	OK(store_states_load(s, aid, q, states));
	OK(store_answers_load(s, aid, q, answers));
	OK(store_state_set(s, aid, "bia", ITEM_IN_PROGRESS, "alice"));
	OK(store_state_change(s, aid, "bia", ITEM_IN_PROGRESS, ITEM_DONE, "bob"));
	GIVES(store_state_change(s, aid, "bia", ITEM_IN_PROGRESS, ITEM_DONE, "bob"),
	      ST_CONFLICT);
	OK(store_answer_set(s, aid, "l5.culture", ANS_NA, "Single site", "alice"));
	OK(store_answer_change(s, aid, "l5.culture", ANS_NA, ANS_MET, NULL, "bob"));
	OK(store_answer_reason(s, aid, "l5.culture", text, sizeof text));
	OK(store_evidence_add(s, &e, "alice", &id));
	OK(store_evidence_list(s, aid, NULL, &l));
	evidence_list_free(&l);
	OK(store_evidence_list(s, aid, "bia", &l));
	assert_string_equal(l.v[0].body, "Impact analysis");
	assert_true(evidence_copy(&l.v[0], &seen));
	evidence_list_free(&l);
	e.id = seen.id;
	e.body = "Impact analysis, reviewed";
	OK(store_evidence_update(s, &e, "alice"));
	GIVES(store_evidence_change(s, &seen, &e, "bob"), ST_CONFLICT);
	evidence_free(&seen);
	OK(store_evidence_delete(s, id, "alice"));
	OK(store_assessment_changes(s, aid, &changes));
	OK(store_unit_set_validity(s, unit_id, 24, "alice"));
	/* A year started by mistake and removed, after this one is final. */
	OK(store_assessment_finalise(s, aid, today, 2, "alice"));
	GIVES(store_state_set(s, aid, "bia", ITEM_NOT_STARTED, "bob"), ST_FROZEN);
	OK(store_assessment_start_next(s, aid, today, "alice", &next));
	OK(store_assessment_remove(s, next, "alice", NULL));
	/* A second unit. */
	OK(store_unit_create(s, "Unit B", "carol", &u2));
	OK(store_assessment_create(s, u2, 2026, "carol", &a2));
	OK(store_batch_begin(s));
	OK(store_state_set(s, a2, "bia", ITEM_DONE, "carol"));
	OK(store_batch_end(s, ST_OK));
}

/* ROI lines, investment classes and the unit's parameters. */
static void exercise_calc(store *s, int64_t unit_id)
{
	roi_line line = {.kind = ROI_ONE_OFF, .name = "Backup site",
			 .amount = 1000, .incidents_milli = 1000},
		 *lines;
	invest_class cls = {.name = "Core", .level_low = 4, .level_high = 5,
			    .amount = 30000},
		     *classes;
	invest_scenarios sc;
	char text[64];
	size_t n;
	int64_t id, v;
	int horizon, rate;

	OK(store_roi_line_add(s, unit_id, &line, "alice", &id));
	line.id = id;
	line.amount = 2000;
	OK(store_roi_line_update(s, &line, "alice"));
	OK(store_roi_lines(s, unit_id, &lines, &n));
	free(lines);
	OK(store_roi_line_delete(s, id, "alice"));
	OK(store_invest_class_add(s, unit_id, &cls, "alice", &id));
	cls.id = id;
	cls.amount = 45000;
	OK(store_invest_class_update(s, &cls, "alice"));
	OK(store_invest_classes(s, unit_id, &classes, &n));
	free(classes);
	OK(store_invest_class_delete(s, id, "alice"));
	OK(store_param_set(s, unit_id, ROI_PARAM_RATE, 800, "alice"));
	OK(store_param_get(s, unit_id, ROI_PARAM_RATE, 0, &v));
	OK(store_param_set_text(s, unit_id, PARAM_CURRENCY, "EUR", "alice"));
	OK(store_param_text(s, unit_id, PARAM_CURRENCY, "", text, sizeof text));
	OK(store_currency(s, unit_id, text, sizeof text));
	OK(store_invest_scenarios(s, unit_id, &sc));
	OK(store_roi_settings(s, unit_id, &horizon, &rate));
}

/* The programme's tasks and the recurring duties. */
static void exercise_programme(store *s, const questionnaire *q,
			       int64_t unit_id, int64_t aid)
{
	plan_task *tasks, t;
	duty *duties, d;
	duty_event ev = {0}, *events;
	rec_pause *pauses;
	evidence proof = proof_of(aid, "drills", "Drill report");
	size_t n, n_events;
	int64_t pid, id;
	date start;
	bool found;

	OK(store_programme(s, unit_id, &found, &pid, &start));
	assert_true(found);
	OK(store_tasks(s, pid, &tasks, &n));
	assert_int_equal(n, q->n_tasks);
	t = tasks[0];
	free(tasks);
	OK(store_task_add(s, pid, 2, "Call tree", "team", "alice", &id));
	{
		plan_task seen = t;
		t.status = task_next_status(t.status);
		OK(store_task_change(s, &seen, &t, today, "alice"));
		GIVES(store_task_change(s, &seen, &t, today, "bob"), ST_CONFLICT);
		t.status = TASK_BLOCKED;
		OK(store_task_update(s, &t, today, "alice"));
	}
	OK(store_task_delete(s, id, "alice"));
	OK(store_duties(s, unit_id, &duties, &n));
	assert_int_equal(n, q->n_duties);
	d = duties[0];
	free(duties);
	ev.duty_id = d.id;
	ev.due = ev.on = (date){2026, 11, 20};
	/* Recording with proof files the evidence (in this year, which is
	 * a draft again: the second unit's). */
	OK(store_duty_resolve(s, &ev, NULL, "alice", &id));
	GIVES(store_duty_resolve(s, &ev, NULL, "alice", &id), ST_EXISTS);
	ev.due = ev.on = (date){2026, 11, 21};
	OK(store_duty_resolve(s, &ev, &proof, "alice", &id));
	OK(store_duty_events(s, d.id, true, &events, &n));
	free(events);
	OK(store_duty_events(s, d.id, false, &events, &n));
	free(events);
	n_events = n;
	{
		duty seen = d;
		snprintf(d.title, sizeof d.title, "Restore test");
		OK(store_duty_change(s, &seen, &d, "alice"));
		seen = d;
		OK(store_duty_set_paused(s, &seen, true, (date){2026, 11, 1}, "alice"));
		d.paused_on = (date){2026, 11, 1};
		seen = d;
		OK(store_duty_set_paused(s, &seen, false, (date){2026, 11, 9}, "alice"));
		d.paused_on = (date){0, 0, 0};
	}
	OK(store_duty_pauses(s, d.id, &pauses, &n));
	free(pauses);
	{
		duty added = d;
		snprintf(added.title, sizeof added.title, "Call-tree test");
		OK(store_duty_add(s, unit_id, &added, "alice", &id));
		added.id = id;
		OK(store_duty_remove(s, &added, 0, "alice"));
	}
	OK(store_duty_remove(s, &d, n_events, "alice"));
}

/* The audit log: every filter, its check and the file's. */
static void exercise_audit(store *s, int64_t unit_id)
{
	audit_check check;
	audit_list l;
	char text[256];
	int64_t n;
	bool ok;

	/* Each combination of a unit, a user and a key, from the newest and
	 * on a later page. */
	for (int mask = 0; mask < 16; mask++) {
		audit_query q = {.unit_id = mask & 1 ? unit_id : 0,
				 .user = mask & 2 ? "alice" : NULL,
				 .key = mask & 4 ? "bia" : NULL,
				 .before = mask & 8 ? 10 : 0};
		OK(store_audit_page(s, &q, 5, &l));
		audit_list_free(&l);
	}
	OK(store_audit_list(s, "alice", NULL, 5, &l));
	audit_list_free(&l);
	OK(store_audit_count(s, &n));
	{
		unsigned parts = 0;
		int64_t newest;
		OK(store_audit_newest(s, &newest));
		OK(store_audit_changed_since(s, newest - 5, &parts, &newest));
	}
	OK(store_audit_verify(s, 0, &check));
	assert_true(check.ok);
	OK(store_audit_verify(s, 3, &check));
	assert_true(check.ok);
	OK(store_quick_check(s, &ok, text, sizeof text));
	OK(store_data_version(s, &n));
}

/* The business impact analysis: the demo's, copied into a year started
 * from the one exercise_years finalised, read, changed, unlinked, its
 * durations replaced, deleted. */
/* Backups and the ledger of the year aid: a plan and a copy saved,
 * read, deleted; a restore test recorded (completing the duty), listed by
 * each filter, deleted. */
static void exercise_verify(store *s, int64_t aid)
{
	backup_list l;
	backup_plan p;
	backup_copy c;
	verify_entry e, *v;
	assessment a;
	int64_t id, ev;
	size_t n;

	OK(store_assessment_get(s, aid, &a));
	OK(store_backups_load(s, aid, &l));
	memset(&p, 0, sizeof p);
	p.full_every = 10080;
	p.incr_every = p.retention_days = BIA_UNSET;
	memset(&c, 0, sizeof c);
	snprintf(c.location, sizeof c.location, "tape vault");
	c.medium = MEDIUM_TAPE;
	OK(store_backup_plan_set(s, l.v[0].system_id, &p, "alice"));
	OK(store_backup_copy_save(s, l.v[0].system_id, &c, "alice", &id));
	c.id = id;
	c.offsite = true;
	OK(store_backup_copy_save(s, l.v[0].system_id, &c, "alice", &id));
	OK(store_backup_copy_delete(s, id, "alice"));
	memset(&e, 0, sizeof e);
	snprintf(e.system, sizeof e.system, "%s", l.v[0].system);
	backup_list_free(&l);
	e.kind = VERIFY_RESTORE;
	e.started = (verify_time){today, 9, 0};
	e.rta = e.rpa = BIA_UNSET;
	e.completeness = -1;
	OK(store_verify_record(s, a.unit_id, aid, &e, "alice", &id, &ev));
	OK(store_verify_record_for(s, a.unit_id, aid, &e, ev, "alice", &id));
	verify_filter f = {NULL, -1, {2026, 1, 1}};
	OK(store_verify_list(s, a.unit_id, &f, &v, &n));
	free(v);
	f.kind = VERIFY_RESTORE;
	OK(store_verify_list(s, a.unit_id, &f, &v, &n));
	free(v);
	f.system = e.system;
	OK(store_verify_list(s, a.unit_id, &f, &v, &n));
	free(v);
	OK(store_verify_delete(s, id, "alice"));
}

static void exercise_bia(store *s, int64_t final)
{
	int64_t aid;
	bia_data d;
	bia_process p;
	bia_row row;
	bia_system y;
	bia_data_type t;
	int64_t id;
	static const int64_t durations[] = {15, 60, 480, 1440};

	/* The demo's analysis came with the year it was started from. */
	OK(store_assessment_start_next(s, final, today, "alice", &aid));
	OK(store_bia_load(s, aid, &d));
	assert_int_equal(d.n_processes, 8);
	p = d.processes[0];
	row = d.grids[0].rows[0];
	y = d.systems[0];
	t = d.data_types[0];
	bia_data_free(&d);
	OK(store_bia_process_save(s, aid, &p, "alice", &id));
	OK(store_bia_impact_set(s, p.id, &row, "alice"));
	OK(store_bia_system_save(s, aid, &y, "alice", &id));
	OK(store_bia_data_type_save(s, aid, &t, "alice", &id));
	OK(store_bia_use_set(s, p.id, y.id, false, "alice"));
	OK(store_bia_hold_set(s, y.id, t.id, false, "alice"));
	OK(store_bia_set_durations(s, aid, durations, 4, "alice"));
	OK(store_bia_data_type_delete(s, t.id, "alice"));
	OK(store_bia_system_delete(s, y.id, "alice"));
	OK(store_bia_process_delete(s, p.id, "alice"));
	/* Starting a next year copies it: exercise_years does that. */
	exercise_verify(s, aid);
}

/* The drills: the demo's listed and read with its findings, saved again,
 * a finding closed, reopened and removed, the improvement list, the
 * unit's own scenarios, the drill removed. */
static void exercise_drills(store *s, const questionnaire *q, int64_t unit_id)
{
	drill_row *rows;
	drill_full f;
	drill_finding *open;
	drill_scenario *sc;
	size_t n;
	int64_t id;

	OK(store_drills(s, unit_id, &rows, &n));
	assert_int_equal(n, 1);
	id = rows[0].d.id;
	free(rows);
	OK(store_drill_load(s, id, &f));
	f.d.complaints = 2;
	OK(store_drill_save(s, unit_id, &q->drill, &f.d, "alice", &id));
	OK(store_drill_finding_set_done(s, f.findings[0].id, true, today, "alice"));
	OK(store_drill_finding_set_done(s, f.findings[0].id, false, today, "alice"));
	OK(store_drill_open_findings(s, unit_id, &open, &n));
	free(open);
	OK(store_drill_finding_delete(s, f.findings[0].id, "alice"));
	drill_full_free(&f);
	OK(store_drill_scenario_add(s, unit_id, "Typhoon", "", "", "alice", &id));
	OK(store_drill_scenarios(s, unit_id, &sc, &n));
	drill_scenarios_free(sc, n);
	OK(store_drill_scenario_delete(s, unit_id, "Typhoon", "alice"));
	OK(store_drills(s, unit_id, &rows, &n));
	OK(store_drill_delete(s, rows[0].d.id, "alice"));
	free(rows);
}

static void exercise_response(store *s, const questionnaire *q, int64_t unit_id)
{
	resp_level levels[RESP_LEVELS];
	resp_contact *c, one;
	card_print p;
	size_t n;
	int64_t id, version;
	int days;
	bool found;

	OK(store_response_levels(s, unit_id, &q->response, levels));
	levels[1].minutes = 10;
	OK(store_response_level_set(s, unit_id, &levels[1], "alice"));
	OK(store_response_level_reset(s, unit_id, 2, "alice"));
	OK(store_contacts(s, unit_id, &c, &n));
	assert_true(n > 0);
	one = c[0];
	free(c);
	snprintf(one.phone, sizeof one.phone, "139-0000-0001");
	OK(store_contact_save(s, unit_id, &one, "alice", &id));
	OK(store_contact_confirm(s, one.id, today, today, "alice"));
	one.id = 0;
	OK(store_contact_save(s, unit_id, &one, "alice", &id));
	OK(store_contact_delete(s, id, "alice"));
	OK(store_confirm_days_set(s, unit_id, 60, "alice"));
	OK(store_confirm_days(s, unit_id, &days));
	OK(store_card_sync(s, unit_id, &q->response, "alice", &version));
	OK(store_card_print(s, unit_id, version, 2, "en", today, "alice", &id));
	OK(store_card_last_print(s, unit_id, &p, &found));

	verify_time t = {today, 9, 0}, later = {today, 11, 0};
	incident_record rec;
	incident *list;
	static const char imp[1][TEXT_BYTES(INC_IMPROVEMENT_MAX)] = {"Second DNS"};
	OK(store_incident_declare(s, unit_id, "CRM", 2, &t, version, "alice", &id));
	OK(store_incident_note(s, id, INC_ACTION, &t, "restart", "", "alice"));
	OK(store_incident_step(s, id, "notify", "Notify", &t, "alice"));
	OK(store_incident_restored(s, id, &later, "alice"));
	OK(store_incident_open(s, unit_id, &id, &found));
	OK(store_incident_close(s, id, &later, NULL, "", "disk", imp, 1,
				"emergency_plan", "alice"));
	OK(store_incident_load(s, id, &rec));
	incident_record_free(&rec);
	OK(store_incidents(s, unit_id, &list, &n));
	free(list);
}

/* Whether a line of a query plan reads a whole table outside
 * small_tables ("SCAN t" or "SCAN t USING ... INDEX"; "SCAN CONSTANT
 * ROW" is a SELECT without a table). */
static bool scans_growing_table(const char *detail)
{
	const char *name = detail + 5;
	if (strncmp(detail, "SCAN ", 5) != 0 ||
	    strcmp(name, "CONSTANT ROW") == 0)
		return false;
	return !listed(small_tables, sizeof small_tables / sizeof *small_tables,
		       name, strcspn(name, " "));
}

/* The units of a group: list, find, change, and where each person
 * opens. */
static void exercise_units(store *s, int64_t unit_id, int64_t aid)
{
	unit_row *rows;
	size_t n;
	unit u;
	int64_t b, by, cu, ca;
	OK(store_unit_list(s, true, &rows, &n));
	free(rows);
	OK(store_unit_list(s, false, &rows, &n));
	free(rows);
	OK(store_unit_find(s, "nobody's", &u) == ST_NOT_FOUND ? ST_OK : ST_DB);
	OK(store_unit_open_new(s, "Second centre", "North", 2026, "alice", &b, &by));
	OK(store_unit_rename(s, b, "Second centre, north", "alice"));
	OK(store_unit_set_archived(s, b, true, "alice"));
	OK(store_unit_latest(s, unit_id, &ca));
	OK(store_set_current(s, "bob", aid));
	OK(store_current(s, "bob", &cu, &ca));
	OK(store_current(s, "carol", &cu, &ca));
}

static void test_every_statement_uses_an_index(void **state)
{
	char path[4096], err[512], plan[4096];
	questionnaire q;
	store *s;
	int64_t aid, unit_id, a2;
	size_t bad = 0;

	(void)state;
	fixture_questionnaire("en", &q);
	fixture_db_path(path, sizeof path);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	OK(demo_load(s, &q, today, "alice", &aid));
	OK(store_current(s, "alice", &unit_id, &a2));
	exercise_audit(s, unit_id);
	exercise_years(s, &q, unit_id, aid);
	exercise_calc(s, unit_id);
	exercise_programme(s, &q, unit_id, a2);
	exercise_audit(s, unit_id);
	exercise_bia(s, aid);
	exercise_drills(s, &q, unit_id);
	exercise_response(s, &q, unit_id);
	exercise_units(s, unit_id, a2);
	/* Each statement once: the cache holds no text twice. */
	/* Every statement of the operations above, each once (a query
	 * added to one of them adds one here). */
	assert_int_equal(s->n_cache, 221);
	for (size_t i = 0; i < s->n_cache; i++)
		for (size_t j = i + 1; j < s->n_cache; j++)
			assert_string_not_equal(sqlite3_sql(s->cache[i].st),
						sqlite3_sql(s->cache[j].st));

	for (size_t i = 0; i < s->n_cache; i++) {
		const char *sql = sqlite3_sql(s->cache[i].st);
		char *eqp = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
		sqlite3_stmt *st;
		size_t len = 0;
		bool scan = false;

		assert_non_null(eqp);
		assert_int_equal(sqlite3_prepare_v2(s->db, eqp, -1, &st, NULL),
				 SQLITE_OK);
		plan[0] = '\0';
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *detail = (const char *)sqlite3_column_text(st, 3);
			scan |= scans_growing_table(detail);
			len += (size_t)snprintf(plan + len,
						len < sizeof plan ? sizeof plan - len : 0,
						"\n    %s", detail);
		}
		sqlite3_finalize(st);
		sqlite3_free(eqp);
		if (scan && !listed(whole_reads, sizeof whole_reads / sizeof *whole_reads,
				    sql, strlen(sql))) {
			print_error("full scan in: %s%s\n", sql, plan);
			bad++;
		}
	}
	store_close(s);
	questionnaire_free(&q);
	assert_int_equal(bad, 0);
}

/* Whether the columns of foreign key fk of table (its "from" columns, in
 * order) begin some index of the table. */
static bool fk_indexed(sqlite3 *db, const char *table, int fk)
{
	char from[8][64];
	int n = 0;
	bool found = false;
	sqlite3_stmt *st, *ix;
	char *sql = sqlite3_mprintf("SELECT \"from\" FROM pragma_foreign_key_list(%Q)"
				    " WHERE id = %d ORDER BY seq", table, fk);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && n < 8)
		snprintf(from[n++], sizeof from[0], "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_free(sql);
	/* A lone INTEGER PRIMARY KEY is the rowid: the table's own order. */
	sql = sqlite3_mprintf("SELECT count(*) FROM pragma_table_info(%Q) WHERE"
			      " pk = 1 AND upper(type) = 'INTEGER' AND name = %Q AND"
			      " (SELECT count(*) FROM pragma_table_info(%Q) WHERE"
			      " pk > 0) = 1", table, from[0], table);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	found = n == 1 && sqlite3_step(st) == SQLITE_ROW &&
		sqlite3_column_int(st, 0) == 1;
	sqlite3_finalize(st);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("SELECT name FROM pragma_index_list(%Q)", table);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &ix, NULL), SQLITE_OK);
	while (!found && sqlite3_step(ix) == SQLITE_ROW) {
		char *cols = sqlite3_mprintf(
			"SELECT name FROM pragma_index_info(%Q) ORDER BY seqno",
			sqlite3_column_text(ix, 0));
		int k = 0;
		assert_int_equal(sqlite3_prepare_v2(db, cols, -1, &st, NULL), SQLITE_OK);
		while (k < n && sqlite3_step(st) == SQLITE_ROW &&
		       strcmp((const char *)sqlite3_column_text(st, 0), from[k]) == 0)
			k++;
		found = k == n;
		sqlite3_finalize(st);
		sqlite3_free(cols);
	}
	sqlite3_finalize(ix);
	sqlite3_free(sql);
	return found;
}

static void test_every_foreign_key_has_an_index(void **state)
{
	char path[4096], err[512];
	store *s;
	sqlite3 *db;
	sqlite3_stmt *st;
	size_t bad = 0, checked = 0;

	(void)state;
	fixture_db_path(path, sizeof path);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	store_close(s);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT m.name, f.id FROM sqlite_master m,"
					    " pragma_foreign_key_list(m.name) f"
					    " WHERE m.type = 'table' AND f.seq = 0",
					    -1, &st, NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		checked++;
		if (!fk_indexed(db, table, sqlite3_column_int(st, 1))) {
			print_error("foreign key %d of %s has no index\n",
				    sqlite3_column_int(st, 1), table);
			bad++;
		}
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_int_equal(checked, 49);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_statement_uses_an_index),
		cmocka_unit_test(test_every_foreign_key_has_an_index),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
