/* Makes a group database for the benchmark: the demo organisation, cloned
 * into UNITS service centres, each with YEARS assessments of EVIDENCE
 * pieces, HISTORY years of recurring-duty history, and AUDIT audit rows in
 * all (sealed, as moat writes them).
 *
 *   bench-gen DB UNITS YEARS EVIDENCE AUDIT HISTORY
 *
 * The file must not exist. Prints what it made. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "model/demo.h"
#include "model/msg.h"
#include "model/questionnaire.h"
#include "model/report.h"
#include "model/recurrence.h"
#include "model/store_internal.h"

static const date TODAY = {2026, 11, 25};

static int fail(const char *what, const char *why)
{
	fprintf(stderr, "bench-gen: %s: %s\n", what, why);
	return 1;
}

static int run(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "bench-gen: %s\n  in: %.200s\n", err, sql);
		sqlite3_free(err);
		return 1;
	}
	return 0;
}

/* Runs a statement with integer parameters ?1, ?2, ... */
static int run_ints(sqlite3 *db, const char *sql, int n, const int64_t *v)
{
	sqlite3_stmt *st;
	int rc;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail("prepare", sqlite3_errmsg(db));
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(st, i + 1, v[i]);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail("step", sqlite3_errmsg(db));
}

/* Years before the demo's two (2025 and 2026), cloned from 2025, and more
 * evidence per year. */
static int grow_years(sqlite3 *db, int years, int pieces)
{
	for (int y = 2026 - years + 1; y < 2025; y++) {
		int64_t v[1] = {y};
		if (run_ints(db,
			     "INSERT INTO assessment (unit_id, year, status, finalised_by,"
			     " finalised_at, judged_on, created_by, created_at)"
			     " SELECT unit_id, ?1, status, finalised_by,"
			     " printf('%04d', ?1) || substr(finalised_at, 5),"
			     " printf('%04d-12-31', ?1), created_by, created_at"
			     " FROM assessment WHERE year = 2025",
			     1, v) ||
		    run_ints(db,
			     "INSERT INTO item_state SELECT (SELECT id FROM assessment"
			     " WHERE year = ?1), item_key, state, updated_by, updated_at"
			     " FROM item_state WHERE assessment_id = (SELECT id FROM"
			     " assessment WHERE year = 2025)",
			     1, v) ||
		    run_ints(db,
			     "INSERT INTO criterion_answer SELECT (SELECT id FROM"
			     " assessment WHERE year = ?1), criterion_key, answer, reason,"
			     " updated_by, updated_at FROM criterion_answer WHERE"
			     " assessment_id = (SELECT id FROM assessment WHERE year = 2025)",
			     1, v))
			return 1;
	}
	/* Every year gets EVIDENCE pieces, copies of the demo's own. */
	{
		int64_t v[1] = {pieces};
		return run_ints(
			db,
			"WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n"
			" WHERE k < ?1), proto AS (SELECT * FROM evidence"
			" WHERE assessment_id = (SELECT id FROM assessment WHERE year = 2026))"
			" INSERT INTO evidence (assessment_id, target, body, reference, owner,"
			" evidence_date, valid_months, reviewer, review_date, entered_by,"
			" entered_at) SELECT a.id, p.target, p.body || ' #' || n.k, p.reference,"
			" p.owner, printf('%04d', a.year) || substr(p.evidence_date, 5),"
			" p.valid_months, p.reviewer, p.review_date, p.entered_by, p.entered_at"
			" FROM assessment a, n, proto p WHERE"
			" n.k * (SELECT count(*) FROM proto) + p.id % (SELECT count(*) FROM proto)"
			" < ?1",
			1, v);
	}
}

/* Duty history: every scheduled occurrence of the last HISTORY years done
 * on its due day. */
static int grow_history(store *s, sqlite3 *db, int history)
{
	sqlite3_stmt *q, *ins;
	int rc = 0;
	if (run(db, "DELETE FROM duty_event"))
		return 1;
	{
		char sql[160];
		snprintf(sql, sizeof sql, "UPDATE duty SET start_date = '%04d-01-01'",
			 2026 - history);
		if (run(db, sql))
			return 1;
	}
	if (sqlite3_prepare_v2(db, "SELECT id, every_months, day, anchor, start_date FROM duty",
			       -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO duty_event (duty_id, due_date, kind,"
				   " event_date, result, entered_by, entered_at) VALUES"
				   " (?1, ?2, 'done', ?2, 'passed', 'liwei', ?2 || 'T10:00:00Z')",
			       -1, &ins, NULL) != SQLITE_OK)
		return fail("prepare", sqlite3_errmsg(db));
	while (!rc && sqlite3_step(q) == SQLITE_ROW) {
		rec_rule r = {sqlite3_column_int(q, 1), sqlite3_column_int(q, 2),
			      REC_ANCHOR_SCHEDULE, {0, 0, 0}};
		date_parse((const char *)sqlite3_column_text(q, 4), &r.start);
		/* The last month stays open, as in a real programme. */
		for (int k = 0; !rc; k++) {
			date d = rec_scheduled(&r, k);
			char day[11];
			if (date_cmp(d, date_add_months(TODAY, -1)) >= 0)
				break;
			date_format(d, day, sizeof day);
			sqlite3_bind_int64(ins, 1, sqlite3_column_int64(q, 0));
			sqlite3_bind_text(ins, 2, day, -1, SQLITE_TRANSIENT);
			rc = sqlite3_step(ins) == SQLITE_DONE ? 0
							      : fail("history", sqlite3_errmsg(db));
			sqlite3_reset(ins);
		}
	}
	sqlite3_finalize(q);
	sqlite3_finalize(ins);
	(void)s;
	return rc;
}

/* Units 2..N: copies of unit 1 and everything it holds. */
static int clone_units(sqlite3 *db, int units)
{
	static const char *const steps[] = {
		"INSERT INTO org_unit (id, name, validity_months, created_by, created_at)"
		" SELECT ?1, name || ' ' || ?1, validity_months, created_by, created_at"
		" FROM org_unit WHERE id = 1",
		"CREATE TEMP TABLE amap AS SELECT id AS old, NULL AS new FROM assessment"
		" WHERE unit_id = 1",
		"INSERT INTO assessment (unit_id, year, status, finalised_by, finalised_at,"
		" judged_on, final_level, created_by, created_at) SELECT ?1, year, status,"
		" finalised_by, finalised_at, judged_on, final_level, created_by,"
		" created_at FROM assessment WHERE unit_id = 1",
		"UPDATE amap SET new = (SELECT b.id FROM assessment a, assessment b"
		" WHERE a.id = amap.old AND b.unit_id = ?1 AND b.year = a.year)",
		"INSERT INTO item_state SELECT m.new, item_key, state, updated_by, updated_at"
		" FROM item_state JOIN amap m ON m.old = assessment_id",
		"INSERT INTO criterion_answer SELECT m.new, criterion_key, answer, reason,"
		" updated_by, updated_at FROM criterion_answer JOIN amap m ON"
		" m.old = assessment_id",
		"INSERT INTO evidence (assessment_id, target, body, reference, owner,"
		" evidence_date, valid_months, reviewer, review_date, entered_by, entered_at)"
		" SELECT m.new, target, body, reference, owner, evidence_date, valid_months,"
		" reviewer, review_date, entered_by, entered_at FROM evidence JOIN amap m"
		" ON m.old = assessment_id",
		"INSERT INTO roi_line (unit_id, kind, name, amount, incidents_milli)"
		" SELECT ?1, kind, name, amount, incidents_milli FROM roi_line WHERE unit_id = 1",
		"INSERT INTO invest_class (unit_id, name, level_low, level_high, amount)"
		" SELECT ?1, name, level_low, level_high, amount FROM invest_class"
		" WHERE unit_id = 1",
		"INSERT INTO unit_param SELECT ?1, key, value FROM unit_param WHERE unit_id = 1",
		"INSERT INTO programme (unit_id, start_date, created_by, created_at)"
		" SELECT ?1, start_date, created_by, created_at FROM programme WHERE unit_id = 1",
		"INSERT INTO plan_task (programme_id, template_key, phase, title, item_key,"
		" owner, status, due_date, done_date, note) SELECT (SELECT id FROM programme"
		" WHERE unit_id = ?1), template_key, phase, title, item_key, owner, status,"
		" due_date, done_date, note FROM plan_task WHERE programme_id ="
		" (SELECT id FROM programme WHERE unit_id = 1)",
		"INSERT INTO duty (unit_id, template_key, title, every_months, day, anchor,"
		" start_date, item_key) SELECT ?1, template_key, title, every_months, day,"
		" anchor, start_date, item_key FROM duty WHERE unit_id = 1",
		"INSERT INTO duty_event (duty_id, due_date, kind, event_date, result, note,"
		" entered_by, entered_at) SELECT (SELECT n.id FROM duty n WHERE n.unit_id = ?1"
		" AND n.template_key = d.template_key), e.due_date, e.kind, e.event_date,"
		" e.result, e.note, e.entered_by, e.entered_at FROM duty_event e JOIN duty d"
		" ON d.id = e.duty_id WHERE d.unit_id = 1",
		"DROP TABLE amap",
	};
	for (int64_t u = 2; u <= units; u++)
		for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
			if (run_ints(db, steps[i], 1, &u))
				return 1;
	return 0;
}

/* Audit rows up to AUDIT in all, spread over the units' assessments and a
 * handful of users, each about its assessment's unit, then sealed as moat
 * seals them (appended whole: changing a row afterwards would trip the
 * log's tripwire, as any hand edit does). */
static int grow_audit(store *s, sqlite3 *db, int64_t audit)
{
	int64_t have = 0, v[1];
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM audit_log", -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		have = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	v[0] = audit - have;
	if (v[0] > 0 &&
	    run_ints(db,
		     "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n"
		     " WHERE k < ?1), a AS (SELECT id, unit_id, row_number() OVER (ORDER BY"
		     " id) - 1 AS i FROM assessment), c AS (SELECT count(*) AS n FROM"
		     " assessment) INSERT INTO audit_log (at, user, assessment_id, unit_id,"
		     " entity, key, field, old_value, new_value)"
		     " SELECT printf('2026-%02d-%02dT%02d:%02d:00Z',"
		     " 1 + k % 11, 1 + k % 28, k % 24, k % 60), CASE k % 5 WHEN 0 THEN"
		     " 'liwei' WHEN 1 THEN 'zhao' WHEN 2 THEN 'wang' WHEN 3 THEN 'chen'"
		     " ELSE 'sun' END, (SELECT id FROM a WHERE i = k % c.n),"
		     " (SELECT unit_id FROM a WHERE i = k % c.n), 'item',"
		     " CASE k % 3 WHEN 0 THEN 'bia' WHEN 1 THEN 'drills' ELSE 'team' END,"
		     " 'state', 'not_started', 'in_progress' FROM n, c",
		     1, v))
		return 1;
	return store_audit_seal_all(s) != ST_OK ? fail("seal", store_errmsg(s)) : 0;
}

/* The level each cloned frozen year reached, kept as finalising keeps it
 * (scored on the day it is judged on), so the database is one moat could
 * have written. */
static int keep_levels(store *s, const questionnaire *q)
{
	sqlite3_stmt *st;
	int rc = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT id FROM assessment WHERE status ="
			       " 'final' AND final_level IS NULL", -1, &st,
			       NULL) != SQLITE_OK)
		return fail("prepare", sqlite3_errmsg(s->db));
	while (!rc && sqlite3_step(st) == SQLITE_ROW) {
		report r;
		int64_t v[2];
		v[1] = sqlite3_column_int64(st, 0);
		if (report_load(s, q, v[1], TODAY, &r))
			rc = fail("score", store_errmsg(s));
		else {
			v[0] = r.score.level;
			report_free(&r);
			rc = run_ints(s->db, "UPDATE assessment SET final_level = ?1"
				      " WHERE id = ?2", 2, v);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

int main(int argc, char **argv)
{
	char err[1024], qdir[4096];
	questionnaire q;
	store *s;
	int64_t aid, audit;
	int units, years, pieces, history, rc;
	FILE *f;

	if (argc != 7) {
		fprintf(stderr, "usage: bench-gen DB UNITS YEARS EVIDENCE AUDIT HISTORY\n");
		return 2;
	}
	units = atoi(argv[2]);
	years = atoi(argv[3]);
	pieces = atoi(argv[4]);
	audit = strtoll(argv[5], NULL, 10);
	history = atoi(argv[6]);
	if (units < 1 || years < 2 || years > 50 || pieces < 1 || history < 1) {
		fprintf(stderr, "bench-gen: units >= 1, 2 <= years <= 50, evidence >= 1,"
				" history >= 1\n");
		return 2;
	}
	if ((f = fopen(argv[1], "r"))) {
		fclose(f);
		return fail(argv[1], "exists already");
	}
	msg_set_lang(LANG_ZH);
	if (questionnaire_find_dir("zh_CN", qdir, sizeof qdir) ||
	    questionnaire_load(qdir, &q, err, sizeof err))
		return fail("questionnaire", qdir);
	if (store_open(argv[1], STORE_CREATE, &s, err, sizeof err))
		return fail("open", err);
	if (demo_load(s, &q, TODAY, "liwei", &aid))
		return fail("demo", store_errmsg(s));
	rc = run(s->db, "BEGIN IMMEDIATE") || grow_years(s->db, years, pieces) ||
	     keep_levels(s, &q) ||
	     grow_history(s, s->db, history) || clone_units(s->db, units) ||
	     grow_audit(s, s->db, audit) || run(s->db, "COMMIT") ||
	     run(s->db, "PRAGMA wal_checkpoint(TRUNCATE)");
	if (!rc) {
		sqlite3_stmt *st;
		const char *sql = "SELECT (SELECT count(*) FROM org_unit), (SELECT count(*)"
				  " FROM assessment), (SELECT count(*) FROM evidence),"
				  " (SELECT count(*) FROM audit_log), (SELECT count(*) FROM"
				  " duty_event)";
		if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			printf("%s: %lld units, %lld assessments, %lld evidence, %lld audit"
			       " rows, %lld duty events\n",
			       argv[1], sqlite3_column_int64(st, 0),
			       sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
			       sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4));
		sqlite3_finalize(st);
	}
	store_close(s);
	questionnaire_free(&q);
	return rc;
}
