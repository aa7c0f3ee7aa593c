#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "model/changes.h"
#include "model/demo.h"
#include "model/msg.h"
#include "model/report.h"
#include "model/store.h"
#include "model/years.h"
#include "tests/fixtures.h"

typedef struct {
	questionnaire q;
	char path[4096];
	store *s;
	int64_t unit, aid;
} ctx;

static int setup(void **state)
{
	ctx *c = calloc(1, sizeof *c);
	char err[512];
	fixture_questionnaire("en", &c->q);
	fixture_db_path(c->path, sizeof c->path);
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err), ST_OK);
	assert_int_equal(store_unit_create(c->s, "Unit A", "alice", &c->unit), ST_OK);
	assert_int_equal(store_assessment_create(c->s, c->unit, 2026, "alice", &c->aid),
			 ST_OK);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	ctx *c = *state;
	store_close(c->s);
	questionnaire_free(&c->q);
	free(c);
	return 0;
}

static void test_schema_is_migrated_and_marked(void **state)
{
	ctx *c = *state;
	char mode[16] = "";
	sqlite3 *db;
	sqlite3_stmt *st;
	assert_int_equal(fixture_sql_int(c->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(fixture_sql_int(c->path, "PRAGMA application_id"), 0x6D6F6174);
	sqlite3_open(c->path, &db);
	sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(mode, sizeof mode, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_string_equal(mode, "wal");
}

static void test_units_and_assessments(void **state)
{
	ctx *c = *state;
	int64_t id, u, a;
	unit un;
	assessment as;
	bool empty = true;
	assert_int_equal(store_unit_create(c->s, "Unit A", "bob", &id), ST_EXISTS);
	assert_int_equal(store_unit_create(c->s, "", "bob", &id), ST_INVALID);
	assert_int_equal(store_assessment_create(c->s, c->unit, 2026, "bob", &id),
			 ST_EXISTS);
	assert_int_equal(store_is_empty(c->s, &empty), ST_OK);
	assert_false(empty);
	assert_int_equal(store_unit_get(c->s, c->unit, &un), ST_OK);
	assert_string_equal(un.name, "Unit A");
	assert_int_equal(un.validity_months, 12);
	assert_int_equal(store_assessment_get(c->s, c->aid, &as), ST_OK);
	assert_int_equal(as.year, 2026);
	assert_int_equal(as.status, ASSESS_DRAFT);
	assert_int_equal(store_unit_get(c->s, 999, &un), ST_NOT_FOUND);

	/* Without a remembered choice the latest year opens; a remembered
	 * one wins. */
	assert_int_equal(store_assessment_create(c->s, c->unit, 2025, "bob", &id),
			 ST_OK);
	assert_int_equal(store_current(c->s, "alice", &u, &a), ST_OK);
	assert_int_equal(a, c->aid);
	assert_int_equal(store_set_current(c->s, "alice", id), ST_OK);
	assert_int_equal(store_current(c->s, "alice", &u, &a), ST_OK);
	assert_int_equal(a, id);
}

/* The remembered year is looked up by its id; once it is gone, the first
 * unit's latest year opens, whatever the other units hold. */
static void test_current_falls_back_to_the_first_units_latest_year(void **state)
{
	ctx *c = *state;
	int64_t u2, b, old, u, a;
	char sql[128];
	assert_int_equal(store_unit_create(c->s, "Unit B", "bob", &u2), ST_OK);
	assert_int_equal(store_assessment_create(c->s, u2, 2030, "bob", &b), ST_OK);
	assert_int_equal(store_assessment_create(c->s, c->unit, 2020, "bob", &old),
			 ST_OK);
	assert_int_equal(store_current(c->s, "alice", &u, &a), ST_OK);
	assert_int_equal(u, c->unit);
	assert_int_equal(a, c->aid);
	assert_int_equal(store_set_current(c->s, "alice", b), ST_OK);
	assert_int_equal(store_current(c->s, "alice", &u, &a), ST_OK);
	assert_int_equal(u, u2);
	assert_int_equal(a, b);
	snprintf(sql, sizeof sql, "DELETE FROM assessment WHERE id = %lld",
		 (long long)b);
	fixture_sql_exec(c->path, sql);
	assert_int_equal(store_current(c->s, "alice", &u, &a), ST_OK);
	assert_int_equal(u, c->unit);
	assert_int_equal(a, c->aid);
	fixture_sql_exec(c->path, "DELETE FROM assessment");
	assert_int_equal(store_current(c->s, "alice", &u, &a), ST_NOT_FOUND);
	assert_string_equal(store_errmsg(c->s), "no assessment yet");
}

static void test_states_are_stored_and_audited(void **state)
{
	ctx *c = *state;
	item_state st[Q_MAX_ITEMS];
	int64_t audits_before, audits_after;
	assert_int_equal(store_audit_count(c->s, &audits_before), ST_OK);
	assert_int_equal(store_state_set(c->s, c->aid, "dr_site", ITEM_IN_PROGRESS,
					 "alice"), ST_OK);
	assert_int_equal(store_state_set(c->s, c->aid, "dr_site", ITEM_DONE, "bob"),
			 ST_OK);
	/* Setting the same state again changes nothing and logs nothing. */
	assert_int_equal(store_state_set(c->s, c->aid, "dr_site", ITEM_DONE, "bob"),
			 ST_OK);
	assert_int_equal(store_audit_count(c->s, &audits_after), ST_OK);
	assert_int_equal(audits_after - audits_before, 2);
	assert_int_equal(store_states_load(c->s, c->aid, &c->q, st), ST_OK);
	assert_int_equal(st[questionnaire_item_index(&c->q, "dr_site")], ITEM_DONE);
	assert_int_equal(st[questionnaire_item_index(&c->q, "bia")], ITEM_NOT_STARTED);
	assert_int_equal(store_state_set(c->s, c->aid, "bia", (item_state)7, "bob"),
			 ST_INVALID);
	/* What another connection sees. */
	assert_int_equal(fixture_sql_int(c->path, "SELECT state FROM item_state WHERE"
					  " item_key = 'dr_site'"), 2);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log WHERE"
					  " key = 'dr_site' AND user = 'bob' AND"
					  " old_value = 'in_progress' AND"
					  " new_value = 'done'"), 1);
}

static void test_answers_need_reason_for_na(void **state)
{
	ctx *c = *state;
	crit_input in[Q_MAX_CRITERIA];
	char reason[128];
	int idx = questionnaire_criterion_index(&c->q, "l5.culture");
	assert_int_equal(store_answer_set(c->s, c->aid, "l5.culture", ANS_NA, "",
					  "alice"), ST_INVALID);
	assert_int_equal(store_answer_set(c->s, c->aid, "l5.culture", ANS_NA,
					  "Single-site unit", "alice"), ST_OK);
	assert_int_equal(store_answers_load(c->s, c->aid, &c->q, in), ST_OK);
	assert_int_equal(in[idx].answer, ANS_NA);
	assert_true(in[idx].has_reason);
	assert_int_equal(store_answer_reason(c->s, c->aid, "l5.culture", reason,
					     sizeof reason), ST_OK);
	assert_string_equal(reason, "Single-site unit");
	assert_int_equal(store_answer_set(c->s, c->aid, "l5.culture", ANS_MET, NULL,
					  "alice"), ST_OK);
	assert_int_equal(store_answers_load(c->s, c->aid, &c->q, in), ST_OK);
	assert_int_equal(in[idx].answer, ANS_MET);
	assert_false(in[idx].has_reason);
	/* Answering the same again logs nothing new. */
	assert_int_equal(store_answer_set(c->s, c->aid, "l5.culture", ANS_MET, NULL,
					  "alice"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log WHERE"
					  " entity = 'criterion'"), 2);
}

static void test_evidence_add_list_update_delete(void **state)
{
	ctx *c = *state;
	evidence e = {0}, upd;
	evidence_list l;
	int64_t id1, id2;
	evidence_problem why;

	e.assessment_id = c->aid;
	e.target = "restore_test";
	e.body = "恢复演练:CRM 47分钟\n第二行";
	e.reference = "OPS-1";
	e.owner = "wang";
	e.evidence_date = "2026-10-12";
	e.valid_months = 12;
	assert_int_equal(store_evidence_add(c->s, &e, "carol", &id1), ST_OK);
	e.body = "Older report";
	e.evidence_date = "2025-09-30";
	assert_int_equal(store_evidence_add(c->s, &e, "carol", &id2), ST_OK);

	assert_int_equal(store_evidence_list(c->s, c->aid, "restore_test", &l), ST_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].id, id1); /* newest evidence date first */
	assert_string_equal(l.v[0].body, "恢复演练:CRM 47分钟\n第二行");
	assert_string_equal(l.v[0].entered_by, "carol");
	assert_int_equal(strlen(l.v[0].entered_at), 20);
	assert_string_equal(l.v[1].evidence_date, "2025-09-30");
	evidence_list_free(&l);

	upd = e;
	upd.id = id2;
	upd.body = "Q3 restore report";
	upd.reviewer = "zhao";
	upd.review_date = "2026-01-15";
	assert_int_equal(store_evidence_update(c->s, &upd, "dave"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log WHERE"
					  " entity = 'evidence' AND user = 'dave'"),
			 3); /* body, reviewer, review date */

	assert_int_equal(store_evidence_delete(c->s, id1, "dave"), ST_OK);
	assert_int_equal(store_evidence_delete(c->s, id1, "dave"), ST_NOT_FOUND);
	assert_int_equal(store_evidence_list(c->s, c->aid, NULL, &l), ST_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].body, "Q3 restore report");
	assert_string_equal(l.v[0].reviewer, "zhao");
	evidence_list_free(&l);

	/* Validation happens before anything is written. */
	e.evidence_date = "2026-02-30";
	assert_int_equal(evidence_validate(&e, &why), ST_INVALID);
	assert_string_equal(why.field, "evidence_date");
	assert_int_equal(why.max, 0);
	assert_int_equal(store_evidence_add(c->s, &e, "carol", &id1), ST_INVALID);
	e.evidence_date = "2026-02-28";
	e.body = "";
	assert_int_equal(store_evidence_add(c->s, &e, "carol", &id1), ST_INVALID);
	e.body = "ok";
	e.valid_months = 0;
	assert_int_equal(store_evidence_add(c->s, &e, "carol", &id1), ST_INVALID);
	e.valid_months = 12;
	e.owner = "bad\xFF";
	assert_int_equal(store_evidence_add(c->s, &e, "carol", &id1), ST_INVALID);
}

/* Evidence for item bia of the current year, valid 12 months. */
static evidence bia_evidence(const ctx *c, const char *body, const char *day)
{
	evidence e = {0};
	e.assessment_id = c->aid;
	e.target = (char *)"bia";
	e.body = (char *)body;
	e.evidence_date = (char *)day;
	e.valid_months = 12;
	return e;
}

/* Limits are counted in characters and the refusal names the field and
 * its limit, in the user's language. */
static void test_text_limits_in_characters(void **state)
{
	ctx *c = *state;
	evidence e = bia_evidence(c, "b", "2026-01-10");
	evidence_problem why;
	char owner[TEXT_BYTES(EVIDENCE_OWNER_MAX + 1)] = "";
	char title[TASK_TITLE_MAX + 2];
	int64_t id;

	/* 200 Chinese characters are 600 bytes, and allowed. */
	for (int i = 0; i < EVIDENCE_OWNER_MAX; i++)
		strcat(owner, "李");
	e.owner = owner;
	assert_int_equal(evidence_validate(&e, &why), ST_OK);
	assert_int_equal(store_evidence_add(c->s, &e, "a", &id), ST_OK);
	strcat(owner, "李");
	assert_int_equal(evidence_validate(&e, &why), ST_INVALID);
	assert_string_equal(why.field, "owner");
	assert_int_equal(why.label, EVF_OWNER);
	assert_int_equal(why.max, EVIDENCE_OWNER_MAX);
	assert_int_equal(store_evidence_add(c->s, &e, "a", &id), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "Owner: at most 200 characters");
	msg_set_lang(LANG_ZH);
	assert_int_equal(store_evidence_add(c->s, &e, "a", &id), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "负责人：最多 200 个字符");
	msg_set_lang(LANG_EN);

	/* Not the length but the encoding: no limit in the problem. */
	e.owner = "\xFF";
	assert_int_equal(evidence_validate(&e, &why), ST_INVALID);
	assert_int_equal(why.max, 0);

	memset(title, 'x', sizeof title - 1);
	title[sizeof title - 1] = '\0'; /* 201 characters */
	{
		roi_line l = {.kind = ROI_ONE_OFF};
		char reason[ANSWER_REASON_MAX + 2];

		memcpy(l.name, title, ROI_NAME_MAX + 1); /* 121 */
		assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "a", &id),
				 ST_INVALID);
		assert_string_equal(store_errmsg(c->s),
				    "Name: at most 120 characters");
		memset(reason, 'r', sizeof reason - 1);
		reason[sizeof reason - 1] = '\0';
		assert_int_equal(store_answer_set(c->s, c->aid, "l5.culture",
						  ANS_NA, reason, "a"),
				 ST_INVALID);
		assert_string_equal(store_errmsg(c->s),
				    "Reason: at most 1000 characters");
		reason[ANSWER_REASON_MAX] = '\0';
		assert_int_equal(store_answer_set(c->s, c->aid, "l5.culture",
						  ANS_NA, reason, "a"),
				 ST_OK);
	}
	assert_int_equal(store_unit_create(c->s, title, "a", &id), ST_INVALID);
	assert_string_equal(store_errmsg(c->s),
			    "Organisation unit name: at most 200 characters");
	title[TASK_TITLE_MAX] = '\0';
	assert_int_equal(store_unit_create(c->s, title, "a", &id), ST_OK);
	assert_int_equal(store_param_set_text(c->s, c->unit, PARAM_CURRENCY,
					      title, "a"),
			 ST_INVALID);
	assert_string_equal(store_errmsg(c->s),
			    "Currency unit: at most 60 characters");
}

static void test_finalised_year_refuses_edits(void **state)
{
	ctx *c = *state;
	evidence e = bia_evidence(c, "x", "2026-01-01");
	int64_t id;
	fixture_sql_exec(c->path, "UPDATE assessment SET status = 'final',"
			  " finalised_by = 'ceo', finalised_at = '2026-12-31'");
	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "alice"),
			 ST_FROZEN);
	assert_int_equal(store_answer_set(c->s, c->aid, "l5.culture", ANS_MET, NULL,
					  "alice"), ST_FROZEN);
	assert_int_equal(store_evidence_add(c->s, &e, "alice", &id), ST_FROZEN);
	assert_non_null(strstr(store_errmsg(c->s), "finalised by ceo"));
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM item_state"), 0);
}

static void test_data_persists_across_reopen(void **state)
{
	ctx *c = *state;
	item_state st[Q_MAX_ITEMS];
	char err[512];
	assert_int_equal(store_state_set(c->s, c->aid, "team", ITEM_DONE, "alice"),
			 ST_OK);
	store_close(c->s);
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err), ST_OK);
	assert_int_equal(store_states_load(c->s, c->aid, &c->q, st), ST_OK);
	assert_int_equal(st[questionnaire_item_index(&c->q, "team")], ITEM_DONE);
}

static void test_foreign_files_are_refused(void **state)
{
	char path[4096], err[512];
	store *s = NULL;
	FILE *f;
	(void)state;
	fixture_db_path(path, sizeof path);
	f = fopen(path, "w");
	fputs("this is not a database, just some text that is long enough to"
	      " look like a header of some kind.......................", f);
	fclose(f);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_NOT_MOAT);
	assert_null(s);
	assert_non_null(strstr(err, "not a moat database"));

	fixture_db_path(path, sizeof path);
	fixture_sql_exec(path, "CREATE TABLE other (x)");
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_NOT_MOAT);

	fixture_db_path(path, sizeof path);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	store_close(s);
	fixture_sql_exec(path, "PRAGMA user_version = 99");
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_TOO_NEW);
}

static void test_demo_is_level_2_with_evidence(void **state)
{
	char path[4096], err[512];
	store *s;
	questionnaire q;
	report r;
	int64_t aid, unit_id, cur;
	(void)state;
	fixture_questionnaire("zh_CN", &q);
	fixture_db_path(path, sizeof path);
	msg_set_lang(LANG_ZH);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	assert_int_equal(demo_load(s, &q, (date){2026, 11, 25}, "liwei", &aid), ST_OK);
	assert_int_equal(demo_load(s, &q, (date){2026, 11, 25}, "liwei", &aid),
			 ST_EXISTS);
	assert_int_equal(store_current(s, "alice", &unit_id, &cur), ST_OK);
	assert_int_equal(cur, aid);
	assert_int_equal(report_load(s, &q, aid, (date){2026, 11, 25}, &r), ST_OK);
	assert_string_equal(r.unit.name, "华东售后服务中心");
	assert_int_equal(r.assessment.year, 2026);
	assert_int_equal(r.score.level, 2);
	assert_int_equal(r.n_done, 6);
	assert_int_equal(r.n_in_progress, 3);
	assert_int_equal(r.n_not_started, 1);
	/* Carried over: backup policy and team training; new: five. */
	assert_int_equal(r.evidence.n, 7);
	assert_int_equal(r.evidence_count[questionnaire_item_index(&q, "bia")], 1);
	/* Evidence dates follow "today": the old restore report is expired. */
	assert_string_equal(r.latest[questionnaire_item_index(&q, "restore_test")]
				    ->evidence_date,
			    "2025-10-26");
	assert_int_equal(r.item_ev[questionnaire_item_index(&q, "restore_test")].expired, 1);
	assert_int_equal(r.n_expired, 1);
	assert_int_equal(r.n_expiring, 1); /* the team training, in 15 days */
	assert_null(r.latest[questionnaire_item_index(&q, "contingency")]);
	report_free(&r);
	{
		/* The document's costs (§6.3), each naming the item it
		 * advances; the losses none. */
		static const char *const items[] = {"dr_site", "backup_321", "team",
						    "dr_site", "", "", "", ""};
		roi_line *v;
		size_t n;
		assert_int_equal(store_roi_lines(s, unit_id, &v, &n), ST_OK);
		assert_int_equal(n, 8);
		assert_string_equal(v[0].name, "灾备中心建设");
		assert_string_equal(v[3].name, "网络专线");
		for (size_t i = 0; i < n; i++)
			assert_string_equal(v[i].item, items[i]);
		free(v);
	}
	{
		/* The trend of the years: the frozen year's level as kept
		 * when it was finalised, the draft's scored now. */
		year_summary *ys;
		size_t n;
		assert_int_equal(report_years(s, &q, unit_id, (date){2026, 11, 25},
					      NULL, &ys, &n), ST_OK);
		assert_int_equal(n, 2);
		assert_int_equal(ys[0].assessment.year, 2025);
		assert_int_equal(ys[0].assessment.final_level, 1);
		assert_int_equal(ys[0].level, 1);
		assert_int_equal(ys[1].assessment.year, 2026);
		assert_int_equal(ys[1].assessment.status, ASSESS_DRAFT);
		assert_int_equal(ys[1].level, 2);
		free(ys);
		/* Kept means not scored again: a kept level that differs from
		 * the year's data (set by hand here) is what is shown... */
		fixture_sql_exec(path, "UPDATE assessment SET final_level = 4"
				       " WHERE year = 2025");
		assert_int_equal(report_years(s, &q, unit_id, (date){2026, 11, 25},
					      NULL, &ys, &n), ST_OK);
		assert_int_equal(ys[0].level, 4);
		free(ys);
		/* ...and a year frozen before levels were kept is scored. */
		fixture_sql_exec(path, "UPDATE assessment SET final_level = NULL"
				       " WHERE year = 2025");
		assert_int_equal(report_years(s, &q, unit_id, (date){2026, 11, 25},
					      NULL, &ys, &n), ST_OK);
		assert_int_equal(ys[0].level, 1);
		free(ys);
		/* The current year's report stands in for reading it again. */
		assert_int_equal(report_load(s, &q, aid,
					     (date){2026, 11, 25}, &r), ST_OK);
		r.score.level = 5;
		assert_int_equal(report_years(s, &q, unit_id, (date){2026, 11, 25},
					      &r, &ys, &n), ST_OK);
		assert_int_equal(ys[0].level, 1);
		assert_int_equal(ys[1].level, 5);
		free(ys);
		report_free(&r);
	}
	store_close(s);
	questionnaire_free(&q);
	msg_set_lang(LANG_EN);
}

static void add_piece(ctx *c, int64_t aid, const char *target, const char *day)
{
	evidence e = {0};
	int64_t id;
	e.assessment_id = aid;
	e.target = (char *)target;
	e.body = (char *)"piece";
	e.owner = (char *)"wang";
	e.evidence_date = (char *)day;
	e.valid_months = 12;
	assert_int_equal(store_evidence_add(c->s, &e, "alice", &id), ST_OK);
}

static void test_next_year_copies_answers_and_valid_evidence(void **state)
{
	ctx *c = *state;
	int64_t next, other;
	item_state st[Q_MAX_ITEMS];
	crit_input in[Q_MAX_CRITERIA];
	evidence_list l;
	assessment *years;
	size_t n;

	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "alice"), ST_OK);
	assert_int_equal(store_answer_set(c->s, c->aid, "l5.culture", ANS_NA,
					  "Shared service", "alice"), ST_OK);
	add_piece(c, c->aid, "bia", "2026-03-01");        /* valid on 2027-01-10 */
	add_piece(c, c->aid, "backup_321", "2026-01-10"); /* expires that day */
	add_piece(c, c->aid, "l5.culture", "2026-06-30"); /* valid */

	/* A draft is no start: it is finalised first. */
	assert_int_equal(store_assessment_start_next(c->s, c->aid, (date){2027, 1, 10},
						     "bob", &next), ST_INVALID);
	assert_string_equal(store_errmsg(c->s),
			    "2026 is still a draft: finalise it before starting 2027");
	assert_int_equal(store_assessment_finalise(c->s, c->aid, (date){2027, 1, 10}, 1,
						   "bob"), ST_OK);
	assert_int_equal(store_assessment_start_next(c->s, c->aid, (date){2027, 1, 10},
						     "bob", &next), ST_OK);
	assert_int_equal(store_assessment_start_next(c->s, c->aid, (date){2027, 1, 10},
						     "bob", &other), ST_EXISTS);
	assert_int_equal(store_states_load(c->s, next, &c->q, st), ST_OK);
	assert_int_equal(st[questionnaire_item_index(&c->q, "bia")], ITEM_DONE);
	assert_int_equal(store_answers_load(c->s, next, &c->q, in), ST_OK);
	assert_int_equal(in[questionnaire_criterion_index(&c->q, "l5.culture")].answer,
			 ANS_NA);
	assert_int_equal(store_evidence_list(c->s, next, NULL, &l), ST_OK);
	assert_int_equal(l.n, 2); /* the expired backup piece stays behind */
	assert_string_equal(l.v[0].target, "l5.culture");
	assert_string_equal(l.v[1].target, "bia");
	assert_string_equal(l.v[1].entered_by, "alice"); /* kept from the original */
	evidence_list_free(&l);

	assert_int_equal(store_assessment_list(c->s, c->unit, &years, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(years[0].year, 2026);
	assert_int_equal(years[1].year, 2027);
	assert_int_equal(years[1].status, ASSESS_DRAFT);
	free(years);
	/* The copy is independent: editing it leaves last year alone. */
	assert_int_equal(store_state_set(c->s, next, "bia", ITEM_IN_PROGRESS, "bob"), ST_OK);
	assert_int_equal(store_states_load(c->s, c->aid, &c->q, st), ST_OK);
	assert_int_equal(st[questionnaire_item_index(&c->q, "bia")], ITEM_DONE);
}

/* A draft started by mistake goes again while empty: nothing was set,
 * answered or filed in it after it was created. */
static void test_empty_draft_year_can_be_removed(void **state)
{
	ctx *c = *state;
	int64_t next, changes = -1, again;
	year_removal why = YEAR_REMOVABLE;

	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "alice"), ST_OK);
	add_piece(c, c->aid, "bia", "2026-03-01");
	assert_int_equal(store_assessment_changes(c->s, c->aid, &changes), ST_OK);
	assert_int_equal(changes, 2);
	/* The unit's only year, a draft with changes: kept. */
	assert_int_equal(store_assessment_remove(c->s, c->aid, "bob", &why), ST_INVALID);
	assert_int_equal(why, YEAR_ONLY);
	assert_int_equal(store_assessment_finalise(c->s, c->aid, (date){2027, 1, 10}, 1,
						   "bob"), ST_OK);
	assert_int_equal(store_assessment_start_next(c->s, c->aid, (date){2027, 1, 10},
						     "bob", &next), ST_OK);
	/* What was copied in is no change. */
	assert_int_equal(store_assessment_changes(c->s, next, &changes), ST_OK);
	assert_int_equal(changes, 0);
	assert_int_equal(store_assessment_remove(c->s, c->aid, "bob", &why), ST_INVALID);
	assert_int_equal(why, YEAR_NOT_DRAFT);
	/* Setting a state back to what it was is still a change made. */
	assert_int_equal(store_state_set(c->s, next, "bia", ITEM_IN_PROGRESS, "bob"), ST_OK);
	assert_int_equal(store_state_set(c->s, next, "bia", ITEM_DONE, "bob"), ST_OK);
	assert_int_equal(store_assessment_changes(c->s, next, &changes), ST_OK);
	assert_int_equal(changes, 2);
	assert_int_equal(store_assessment_remove(c->s, next, "bob", &why), ST_INVALID);
	assert_int_equal(why, YEAR_CHANGED);
	assert_string_equal(store_errmsg(c->s),
			    "2027 cannot be removed: it was changed since it was created");
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM assessment"), 2);

	/* A fresh start from 2026 again (2027's id may come back): empty, and
	 * removed with everything copied into it, audited under the unit. */
	fixture_sql_exec(c->path, "PRAGMA foreign_keys = ON;"
				  " DELETE FROM assessment WHERE year = 2027");
	assert_int_equal(store_assessment_start_next(c->s, c->aid, (date){2027, 1, 10},
						     "bob", &again), ST_OK);
	assert_int_equal(store_assessment_changes(c->s, again, &changes), ST_OK);
	assert_int_equal(changes, 0);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM evidence"), 2);
	assert_int_equal(store_assessment_remove(c->s, again, "bob", &why), ST_OK);
	assert_int_equal(why, YEAR_REMOVABLE);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM assessment"), 1);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM evidence"), 1);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM item_state"), 1);
	assert_int_equal(fixture_sql_int(c->path,
					 "SELECT count(*) FROM audit_log WHERE entity ="
					 " 'assessment' AND key = '2027' AND field = 'removed'"
					 " AND old_value = 'draft' AND new_value IS NULL"
					 " AND assessment_id IS NULL AND user = 'bob'"), 1);
	{
		audit_check ck;
		assert_int_equal(store_audit_verify(c->s, 0, &ck), ST_OK);
		assert_true(ck.ok);
	}
}

static void test_year_rules(void **state)
{
	(void)state;
	assert_true(year_may_start_next(ASSESS_FINAL));
	assert_false(year_may_start_next(ASSESS_DRAFT));
	assert_int_equal(year_removal_rule(ASSESS_DRAFT, true, 2, 0), YEAR_REMOVABLE);
	assert_int_equal(year_removal_rule(ASSESS_DRAFT, true, 2, 1), YEAR_CHANGED);
	assert_int_equal(year_removal_rule(ASSESS_DRAFT, false, 3, 0), YEAR_NOT_LATEST);
	assert_int_equal(year_removal_rule(ASSESS_DRAFT, true, 1, 0), YEAR_ONLY);
	assert_int_equal(year_removal_rule(ASSESS_FINAL, true, 2, 0), YEAR_NOT_DRAFT);
}

static void test_finalise_freezes_with_who_and_when(void **state)
{
	ctx *c = *state;
	assessment a;
	assert_int_equal(store_assessment_get(c->s, c->aid, &a), ST_OK);
	assert_int_equal(a.final_level, 0); /* a draft keeps none */
	/* A level is 1-5: anything else is refused, and nothing changes. */
	assert_int_equal(store_assessment_finalise(c->s, c->aid, (date){2026, 12, 20}, 0, "ceo"), ST_INVALID);
	assert_int_equal(store_assessment_finalise(c->s, c->aid, (date){2026, 12, 20}, 6, "ceo"), ST_INVALID);
	assert_int_equal(store_assessment_get(c->s, c->aid, &a), ST_OK);
	assert_int_equal(a.status, ASSESS_DRAFT);
	assert_int_equal(store_assessment_finalise(c->s, c->aid, (date){2026, 12, 20}, 3, "ceo"), ST_OK);
	assert_int_equal(store_assessment_get(c->s, c->aid, &a), ST_OK);
	assert_int_equal(a.status, ASSESS_FINAL);
	assert_int_equal(a.final_level, 3);
	assert_string_equal(a.finalised_by, "ceo");
	assert_int_equal(strlen(a.finalised_at), 20);
	/* Judged as of the day the user froze it, not the wall clock's. */
	assert_int_equal(a.judged_on.y, 2026);
	assert_int_equal(a.judged_on.m, 12);
	assert_int_equal(a.judged_on.d, 20);
	assert_int_equal(store_assessment_finalise(c->s, c->aid, (date){2026, 12, 20}, 1, "ceo"), ST_FROZEN);
	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "x"), ST_FROZEN);
}

static void test_frozen_evidence_cannot_change(void **state)
{
	ctx *c = *state;
	evidence_list l;
	evidence e;
	add_piece(c, c->aid, "bia", "2026-03-01");
	assert_int_equal(store_assessment_finalise(c->s, c->aid, (date){2026, 12, 20}, 1, "ceo"), ST_OK);
	assert_int_equal(store_evidence_list(c->s, c->aid, NULL, &l), ST_OK);
	e = l.v[0];
	e.body = "changed";
	assert_int_equal(store_evidence_update(c->s, &e, "x"), ST_FROZEN);
	assert_int_equal(store_evidence_delete(c->s, l.v[0].id, "x"), ST_FROZEN);
	evidence_list_free(&l);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM evidence WHERE body = 'piece'"), 1);
}

/* The ids of a page of the audit log, "8 6 5". */
static void page_ids(store *s, const audit_query *q, size_t limit, char *out,
		     size_t outlen)
{
	audit_list l;
	size_t n = 0;
	assert_int_equal(store_audit_page(s, q, limit, &l), ST_OK);
	out[0] = '\0';
	for (size_t i = 0; i < l.n; i++)
		n += (size_t)snprintf(out + n, outlen - n, "%s%lld", i ? " " : "",
				      (long long)l.v[i].id);
	audit_list_free(&l);
}

/* A unit's log, alone or by user or by item, page by page, newest first;
 * entries about no assessment carry their unit too. */
static void test_audit_pages_by_unit_user_and_key(void **state)
{
	ctx *c = *state;
	roi_line line = {.kind = ROI_ONE_OFF, .name = "Site", .amount = 100};
	int64_t ub, bid, id;
	char ids[64];
	audit_list l;
	audit_query q;

	/* 1 and 2 are unit A's creation and its year's. */
	assert_int_equal(store_unit_create(c->s, "Unit B", "bob", &ub), ST_OK);
	assert_int_equal(store_assessment_create(c->s, ub, 2026, "bob", &bid), ST_OK);
	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "alice"), ST_OK);
	assert_int_equal(store_state_set(c->s, c->aid, "team", ITEM_DONE, "bob"), ST_OK);
	assert_int_equal(store_state_set(c->s, bid, "bia", ITEM_DONE, "alice"), ST_OK);
	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_IN_PROGRESS, "alice"),
			 ST_OK);
	assert_int_equal(store_roi_line_add(c->s, ub, &line, "bob", &id), ST_OK);

	q = (audit_query){.unit_id = c->unit};
	page_ids(c->s, &q, 3, ids, sizeof ids);
	assert_string_equal(ids, "8 6 5");
	q.before = 5;
	page_ids(c->s, &q, 3, ids, sizeof ids);
	assert_string_equal(ids, "2 1");
	q.before = 1;
	page_ids(c->s, &q, 3, ids, sizeof ids);
	assert_string_equal(ids, "");
	q = (audit_query){.unit_id = ub};
	page_ids(c->s, &q, 10, ids, sizeof ids);
	assert_string_equal(ids, "9 7 4 3");
	q = (audit_query){.unit_id = c->unit, .user = "alice"};
	page_ids(c->s, &q, 10, ids, sizeof ids);
	assert_string_equal(ids, "8 5 2 1");
	q = (audit_query){.unit_id = c->unit, .key = "bia"};
	page_ids(c->s, &q, 10, ids, sizeof ids);
	assert_string_equal(ids, "8 5");
	q = (audit_query){.unit_id = c->unit, .user = "alice", .key = "bia", .before = 8};
	page_ids(c->s, &q, 10, ids, sizeof ids);
	assert_string_equal(ids, "5");
	q = (audit_query){.user = "alice", .key = "bia"};
	page_ids(c->s, &q, 10, ids, sizeof ids);
	assert_string_equal(ids, "8 7 5");
	q = (audit_query){.user = "bob"};
	page_ids(c->s, &q, 10, ids, sizeof ids);
	assert_string_equal(ids, "9 6 4 3");
	q = (audit_query){.key = "bia", .before = 8};
	page_ids(c->s, &q, 10, ids, sizeof ids);
	assert_string_equal(ids, "7 5");
	q = (audit_query){.before = 3};
	page_ids(c->s, &q, 2, ids, sizeof ids);
	assert_string_equal(ids, "2 1");

	q = (audit_query){0};
	assert_int_equal(store_audit_page(c->s, &q, 2, &l), ST_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].id, 9);
	assert_int_equal(l.v[0].unit_id, ub);
	assert_int_equal(l.v[0].assessment_id, 0);
	assert_string_equal(l.v[0].entity, "roi");
	assert_int_equal(l.v[1].unit_id, c->unit);
	assert_int_equal(l.v[1].assessment_id, c->aid);
	audit_list_free(&l);
}

static void test_audit_list_filters(void **state)
{
	ctx *c = *state;
	audit_list l;
	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "alice"), ST_OK);
	assert_int_equal(store_state_set(c->s, c->aid, "team", ITEM_DONE, "bob"), ST_OK);
	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_IN_PROGRESS, "bob"), ST_OK);
	assert_int_equal(store_audit_list(c->s, "bob", NULL, 100, &l), ST_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].key, "bia"); /* newest first */
	assert_string_equal(l.v[0].old_value, "done");
	assert_string_equal(l.v[0].new_value, "in_progress");
	assert_string_equal(l.v[1].key, "team");
	audit_list_free(&l);
	assert_int_equal(store_audit_list(c->s, NULL, "bia", 100, &l), ST_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[1].user, "alice");
	audit_list_free(&l);
	assert_int_equal(store_audit_list(c->s, "bob", "bia", 100, &l), ST_OK);
	assert_int_equal(l.n, 1);
	audit_list_free(&l);
	assert_int_equal(store_audit_list(c->s, NULL, NULL, 2, &l), ST_OK);
	assert_int_equal(l.n, 2);
	audit_list_free(&l);
	/* Creation of the unit has no old value. */
	assert_int_equal(store_audit_list(c->s, "alice", "Unit A", 10, &l), ST_OK);
	assert_int_equal(l.n, 1);
	assert_null(l.v[0].old_value);
	assert_string_equal(l.v[0].new_value, "Unit A");
	audit_list_free(&l);
}

/* Another user's commit is re-read by what it touched: the kinds of the
 * audit entries after the last one seen. */
static void test_changes_since_an_audit_entry(void **state)
{
	ctx *c = *state;
	int64_t seen, newest, more;
	unsigned parts;

	assert_int_equal(store_audit_newest(c->s, &seen), ST_OK);
	/* Nothing new: nothing touched, the newest stays. */
	parts = 0;
	assert_int_equal(store_audit_changed_since(c->s, seen, &parts, &newest), ST_OK);
	assert_int_equal(parts, 0);
	assert_int_equal(newest, seen);

	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "bob"), ST_OK);
	parts = 0;
	assert_int_equal(store_audit_changed_since(c->s, seen, &parts, &newest), ST_OK);
	assert_int_equal(parts, PART_REPORT);
	assert_int_equal(newest, seen + 1);
	assert_int_equal(store_audit_newest(c->s, &more), ST_OK);
	assert_int_equal(more, newest);

	assert_int_equal(store_param_set(c->s, c->unit, ROI_PARAM_HORIZON, 10, "cfo"), ST_OK);
	add_piece(c, c->aid, "bia", "2026-03-01");
	/* Both since the first look; only the later ones since the second. */
	parts = 0;
	assert_int_equal(store_audit_changed_since(c->s, seen, &parts, &more), ST_OK);
	assert_int_equal(parts, PART_REPORT | PART_CALC | PART_BIA | PART_PLAN |
				PART_RESPONSE);
	assert_int_equal(more, seen + 3);
	parts = 0;
	assert_int_equal(store_audit_changed_since(c->s, newest, &parts, &more), ST_OK);
	assert_int_equal(parts, PART_CALC | PART_BIA | PART_REPORT | PART_PLAN |
				PART_RESPONSE);
	parts = 0;
	assert_int_equal(store_audit_changed_since(c->s, newest + 1, &parts, &more), ST_OK);
	assert_int_equal(parts, PART_REPORT | PART_PLAN); /* the evidence alone */
}

static void test_change_parts_by_kind(void **state)
{
	(void)state;
	assert_int_equal(change_parts("item"), PART_REPORT);
	assert_int_equal(change_parts("criterion"), PART_REPORT);
	assert_int_equal(change_parts("evidence"), PART_REPORT | PART_PLAN);
	assert_int_equal(change_parts("task"), PART_PLAN);
	assert_int_equal(change_parts("duty"), PART_PLAN);
	assert_int_equal(change_parts("programme"), PART_PLAN);
	assert_int_equal(change_parts("roi"), PART_CALC);
	assert_int_equal(change_parts("invest"), PART_CALC);
	assert_int_equal(change_parts("param"), PART_CALC | PART_BIA | PART_RESPONSE);
	assert_int_equal(change_parts("contact"), PART_RESPONSE);
	assert_int_equal(change_parts("response_level"), PART_RESPONSE);
	assert_int_equal(change_parts("card"), PART_RESPONSE);
	assert_int_equal(change_parts("bia_process"), PART_BIA);
	assert_int_equal(change_parts("bia_impact"), PART_BIA);
	assert_int_equal(change_parts("bia_use"), PART_BIA);
	assert_int_equal(change_parts("assessment"), PART_ALL);
	assert_int_equal(change_parts("unit"), PART_ALL);
	/* A kind it does not know may touch anything. */
	assert_int_equal(change_parts("drill"),
			 PART_VERIFY | PART_PLAN | PART_REPORT);
	assert_int_equal(change_parts("drill_finding"), PART_VERIFY | PART_PLAN);
	assert_int_equal(change_parts("tombola"), PART_ALL);
	assert_int_equal(change_parts(""), PART_ALL);
	assert_int_equal(change_parts(NULL), PART_ALL);
}

static void test_unit_validity_setting(void **state)
{
	ctx *c = *state;
	unit u;
	assert_int_equal(store_unit_set_validity(c->s, c->unit, 0, "a"), ST_INVALID);
	assert_int_equal(store_unit_set_validity(c->s, c->unit, 121, "a"), ST_INVALID);
	assert_int_equal(store_unit_set_validity(c->s, c->unit, 6, "a"), ST_OK);
	assert_int_equal(store_unit_get(c->s, c->unit, &u), ST_OK);
	assert_int_equal(u.validity_months, 6);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log WHERE"
					  " field = 'validity_months' AND old_value = '12'"
					  " AND new_value = '6'"), 1);
}

static void test_roi_lines_and_params(void **state)
{
	ctx *c = *state;
	roi_line l = {0, ROI_LOSS, "Fines", 5000, 1500}, *v;
	size_t n;
	int64_t id, id2, x;
	int horizon, rate;
	char cur[64];

	assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "cfo", &id), ST_OK);
	l.kind = ROI_ONE_OFF;
	snprintf(l.name, sizeof l.name, "DR centre");
	l.amount = 30000;
	assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "cfo", &id2), ST_OK);
	assert_int_equal(store_roi_lines(c->s, c->unit, &v, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].kind, ROI_ONE_OFF); /* one-off first */
	assert_string_equal(v[1].name, "Fines");
	assert_int_equal(v[1].amount, 5000);
	assert_int_equal(v[1].incidents_milli, 1500);
	v[1].amount = 6000;
	assert_int_equal(store_roi_line_update(c->s, &v[1], "cfo"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT amount FROM roi_line WHERE name = 'Fines'"),
			 6000);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log WHERE"
					  " entity = 'roi' AND field = 'amount' AND"
					  " old_value = '50' AND new_value = '60'"), 1);
	free(v);
	/* Refused before anything is written. */
	l.amount = -1;
	assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "cfo", &x), ST_INVALID);
	l.amount = MONEY_MAX + 1;
	assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "cfo", &x), ST_INVALID);
	l.amount = 1;
	l.name[0] = '\0';
	assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "cfo", &x), ST_INVALID);
	assert_int_equal(store_roi_line_delete(c->s, id, "cfo"), ST_OK);
	assert_int_equal(store_roi_line_delete(c->s, id, "cfo"), ST_NOT_FOUND);

	assert_int_equal(store_roi_settings(c->s, c->unit, &horizon, &rate), ST_OK);
	assert_int_equal(horizon, 5);
	assert_int_equal(rate, 0);
	assert_int_equal(store_param_set(c->s, c->unit, ROI_PARAM_HORIZON, 10, "cfo"), ST_OK);
	assert_int_equal(store_param_set(c->s, c->unit, ROI_PARAM_RATE, 750, "cfo"), ST_OK);
	assert_int_equal(store_roi_settings(c->s, c->unit, &horizon, &rate), ST_OK);
	assert_int_equal(horizon, 10);
	assert_int_equal(rate, 750);
	msg_set_lang(LANG_ZH);
	assert_int_equal(store_currency(c->s, c->unit, cur, sizeof cur), ST_OK);
	assert_string_equal(cur, "万元");
	msg_set_lang(LANG_EN);
	assert_int_equal(store_param_set_text(c->s, c->unit, PARAM_CURRENCY, "k EUR",
					      "cfo"), ST_OK);
	assert_int_equal(store_currency(c->s, c->unit, cur, sizeof cur), ST_OK);
	assert_string_equal(cur, "k EUR");
}

/* A cost line names the checklist item it advances: stored, read back,
 * changed and cleared with an audit entry each time; a loss advances none. */
static void test_roi_line_items(void **state)
{
	ctx *c = *state;
	roi_line l = {0, ROI_ONE_OFF, "DR centre", 30000, 1000, "dr_site"}, *v;
	size_t n;
	int64_t id, x;

	assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "cfo", &id), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM roi_line"
					  " WHERE item_key = 'dr_site'"), 1);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE entity = 'roi' AND field = 'item'"
					  " AND key = 'DR centre' AND old_value IS NULL"
					  " AND new_value = 'dr_site'"), 1);
	l.kind = ROI_RECURRING;
	snprintf(l.name, sizeof l.name, "Leased line");
	l.item[0] = '\0';
	assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "cfo", &x), ST_OK);
	/* No item, no entry for it. */
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE field = 'item'"), 1);
	assert_int_equal(store_roi_lines(c->s, c->unit, &v, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].item, "dr_site");
	assert_string_equal(v[1].item, "");
	snprintf(v[1].item, sizeof v[1].item, "dr_site");
	assert_int_equal(store_roi_line_update(c->s, &v[1], "cfo"), ST_OK);
	snprintf(v[0].item, sizeof v[0].item, "backup_321");
	assert_int_equal(store_roi_line_update(c->s, &v[0], "ceo"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE entity = 'roi' AND field = 'item'"
					  " AND key = 'DR centre' AND user = 'ceo'"
					  " AND old_value = 'dr_site'"
					  " AND new_value = 'backup_321'"), 1);
	v[0].item[0] = '\0';
	assert_int_equal(store_roi_line_update(c->s, &v[0], "ceo"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE field = 'item' AND old_value ="
					  " 'backup_321' AND new_value = ''"), 1);
	/* Unchanged, no entry. */
	assert_int_equal(store_roi_line_update(c->s, &v[0], "ceo"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE field = 'item'"), 4);
	free(v);
	assert_int_equal(store_roi_lines(c->s, c->unit, &v, &n), ST_OK);
	assert_string_equal(v[0].item, "");
	assert_string_equal(v[1].item, "dr_site");
	free(v);

	/* A loss avoided advances nothing; a key must fit. */
	l.kind = ROI_LOSS;
	snprintf(l.item, sizeof l.item, "dr_site");
	assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "cfo", &x), ST_INVALID);
	l.kind = ROI_ONE_OFF;
	memset(l.item, 'k', sizeof l.item);
	assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "cfo", &x), ST_INVALID);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM roi_line"), 2);
	/* The schema refuses the same when written by hand. */
	{
		sqlite3 *db;
		assert_int_equal(sqlite3_open(c->path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "UPDATE roi_line SET kind = 'loss'"
					      " WHERE item_key <> ''", NULL, NULL,
					      NULL),
				 SQLITE_CONSTRAINT);
		assert_int_equal(sqlite3_exec(db, "UPDATE roi_line SET item_key ="
					      " printf('%064d', 0)", NULL, NULL,
					      NULL),
				 SQLITE_CONSTRAINT);
		sqlite3_close(db);
	}
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM roi_line"
					  " WHERE kind = 'loss'"), 0);
}

/* A file of schema 16 keeps its ROI lines, which name no item. */
static void test_migration_17_adds_roi_items(void **state)
{
	ctx *c = *state;
	char err[512];
	roi_line l = {0, ROI_ONE_OFF, "DR centre", 30000, 1000, ""}, *v;
	size_t n;
	int64_t id;

	assert_int_equal(store_roi_line_add(c->s, c->unit, &l, "cfo", &id), ST_OK);
	store_close(c->s);
	fixture_sql_exec(c->path, FIXTURE_BEFORE_SCHEMA_17 "PRAGMA user_version = 16;");
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM"
					  " pragma_table_info('roi_line')"
					  " WHERE name = 'item_key'"), 0);
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "PRAGMA user_version"), 17);
	assert_int_equal(store_roi_lines(c->s, c->unit, &v, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "DR centre");
	assert_int_equal(v[0].amount, 30000);
	assert_string_equal(v[0].item, "");
	snprintf(v[0].item, sizeof v[0].item, "dr_site");
	assert_int_equal(store_roi_line_update(c->s, &v[0], "cfo"), ST_OK);
	free(v);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM roi_line"
					  " WHERE item_key = 'dr_site'"), 1);
}

static void test_invest_classes_and_scenarios(void **state)
{
	ctx *c = *state;
	invest_class k = {0, "Core", 4, 5, 30000}, *v;
	invest_scenarios sc;
	size_t n;
	int64_t id;

	assert_int_equal(store_invest_class_add(c->s, c->unit, &k, "cfo", &id), ST_OK);
	k.level_low = 6;
	assert_int_equal(store_invest_class_add(c->s, c->unit, &k, "cfo", &id),
			 ST_INVALID); /* 6 > 5 */
	k.level_low = 0;
	assert_int_equal(store_invest_class_add(c->s, c->unit, &k, "cfo", &id),
			 ST_INVALID);
	assert_int_equal(store_invest_classes(c->s, c->unit, &v, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].level_high, 5);
	v[0].amount = 31000;
	assert_int_equal(store_invest_class_update(c->s, &v[0], "cfo"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT amount FROM invest_class"), 31000);
	free(v);

	/* Never set: the document's figures. */
	assert_int_equal(store_invest_scenarios(c->s, c->unit, &sc), ST_OK);
	assert_int_equal(sc.uniform_total, 150000);
	assert_int_equal(sc.self_upfront.hi, 100000);
	assert_int_equal(store_param_set(c->s, c->unit, invest_field_key(SC_CLOUD_YEAR_HI),
					 12000, "cfo"), ST_OK);
	assert_int_equal(store_invest_scenarios(c->s, c->unit, &sc), ST_OK);
	assert_int_equal(sc.cloud_yearly.hi, 12000);
	assert_int_equal(sc.cloud_yearly.lo, 5000);
}

/* A database made by the first release (schema 1) is brought up to date
 * on open, keeping its data. */
static void test_migration_from_schema_1(void **state)
{
	ctx *c = *state;
	char err[512];
	roi_line *v;
	size_t n;
	store_close(c->s);
	fixture_sql_exec(c->path, FIXTURE_BEFORE_SCHEMA_8
			  "DROP TABLE duty_pause;"
			  " DROP TABLE duty_event; DROP TABLE duty;"
			  " DROP TABLE plan_task; DROP TABLE programme;"
			  " DROP TABLE roi_line; DROP TABLE invest_class;"
			  " DROP TABLE unit_param;"
			  " ALTER TABLE assessment DROP COLUMN judged_on;"
			  " ALTER TABLE audit_log DROP COLUMN hash;"
			  " ALTER TABLE assessment DROP COLUMN final_level;"
			  " PRAGMA user_version = 1;");
	assert_int_equal(fixture_sql_int(c->path, "PRAGMA user_version"), 1);
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(store_roi_lines(c->s, c->unit, &v, &n), ST_OK);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM org_unit"), 1);
}

/* Schema 3 had no judged-on day: a year finalised then is judged as of the
 * local day of its freeze. */
static void test_migration_4_judges_old_years_by_their_local_day(void **state)
{
	ctx *c = *state;
	char err[512];
	assessment a;
	store_close(c->s);
	fixture_sql_exec(c->path, FIXTURE_BEFORE_SCHEMA_8
			  "ALTER TABLE assessment DROP COLUMN judged_on;"
			  " ALTER TABLE audit_log DROP COLUMN hash;"
			  " DROP TABLE duty_pause;"
			  " ALTER TABLE duty DROP COLUMN paused_on;"
			  " UPDATE assessment SET status = 'final', finalised_by = 'ceo',"
			  " finalised_at = '2026-12-31T20:30:00Z';"
			  " ALTER TABLE assessment DROP COLUMN final_level;"
			  " PRAGMA user_version = 3;");
	setenv("TZ", "CST-8", 1);
	tzset();
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(store_assessment_get(c->s, c->aid, &a), ST_OK);
	assert_int_equal(a.judged_on.y, 2027);
	assert_int_equal(a.judged_on.m, 1);
	assert_int_equal(a.judged_on.d, 1);
	unsetenv("TZ");
	tzset();
}

/* Schema 5 had no pausing: its duties come out of the upgrade running,
 * with their history, and can be paused. */
static void test_migration_6_adds_pausing(void **state)
{
	ctx *c = *state;
	char err[512];
	duty *v;
	size_t n;
	int64_t pid, id;
	duty_event ev = {0};
	assert_int_equal(store_programme_start(c->s, c->unit, &c->q, (date){2026, 10, 20},
					       (date){2026, 6, 1}, "alice", &pid), ST_OK);
	assert_int_equal(store_duties(c->s, c->unit, &v, &n), ST_OK);
	ev.duty_id = v[0].id;
	ev.due = ev.on = (date){2026, 6, 10};
	assert_int_equal(store_duty_resolve(c->s, &ev, NULL, "alice", &id), ST_OK);
	free(v);
	store_close(c->s);
	fixture_sql_exec(c->path, FIXTURE_BEFORE_SCHEMA_8
			  "DROP TABLE duty_pause;"
			  " ALTER TABLE duty DROP COLUMN paused_on;"
			  " ALTER TABLE assessment DROP COLUMN final_level;"
			  " PRAGMA user_version = 5;");
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM sqlite_master"
					  " WHERE name = 'duty_pause'"), 0);
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err), ST_OK);
	assert_int_equal(store_schema_version(c->s), 5);
	assert_int_equal(fixture_sql_int(c->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM duty"
					  " WHERE paused_on = ''"), 6);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM duty_event"), 1);
	/* The pauses are found by duty through an index. */
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM sqlite_master"
					  " WHERE name = 'duty_pause_by_duty'"), 1);
	assert_int_equal(store_duties(c->s, c->unit, &v, &n), ST_OK);
	assert_int_equal(n, 6);
	assert_int_equal(v[0].paused_on.y, 0);
	assert_int_equal(store_duty_set_paused(c->s, &v[0], true, (date){2026, 11, 1},
					       "alice"), ST_OK);
	v[0].paused_on = (date){2026, 11, 1};
	assert_int_equal(store_duty_set_paused(c->s, &v[0], false, (date){2026, 11, 9},
					       "alice"), ST_OK);
	free(v);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM duty_pause"
					  " WHERE paused_on = '2026-11-01'"
					  " AND resumed_on = '2026-11-09'"), 1);
	/* A pause must end after it began. */
	{
		sqlite3 *db;
		assert_int_equal(sqlite3_open(c->path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "INSERT INTO duty_pause (duty_id,"
					      " paused_on, resumed_on) VALUES (1,"
					      " '2026-11-09', '2026-11-09')",
					      NULL, NULL, NULL),
				 SQLITE_CONSTRAINT);
		sqlite3_close(db);
	}
}

/* Several processes writing to one file at once: with BEGIN IMMEDIATE and
 * the busy timeout none of them sees "database is locked". */
static void test_concurrent_writers_all_succeed(void **state)
{
	ctx *c = *state;
	enum { WRITERS = 4, WRITES = 40 };
	pid_t pids[WRITERS];
	const char *keys[] = {"bia", "rto_rpo", "dr_site", "team"};

	for (int w = 0; w < WRITERS; w++) {
		pids[w] = fork();
		assert_true(pids[w] >= 0);
		if (pids[w] == 0) {
			store *s;
			char err[512];
			int failures = 0;
			if (store_open(c->path, STORE_CREATE, &s, err, sizeof err) != ST_OK)
				_exit(100);
			for (int i = 0; i < WRITES; i++)
				if (store_state_set(s, c->aid, keys[w],
						    (item_state)(i % 3), "w") != ST_OK)
					failures++;
			store_close(s);
			_exit(failures);
		}
	}
	for (int w = 0; w < WRITERS; w++) {
		int status = 0;
		assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	/* Each writer changed its item WRITES times (the first write of
	 * state 0 is no change, since items start not started). */
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE user = 'w'"),
			 WRITERS * (WRITES - 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_schema_is_migrated_and_marked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_units_and_assessments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_current_falls_back_to_the_first_units_latest_year,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_states_are_stored_and_audited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answers_need_reason_for_na, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence_add_list_update_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_limits_in_characters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_finalised_year_refuses_edits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_data_persists_across_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_year_copies_answers_and_valid_evidence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_draft_year_can_be_removed, setup, teardown),
		cmocka_unit_test(test_year_rules),
		cmocka_unit_test_setup_teardown(test_finalise_freezes_with_who_and_when, setup, teardown),
		cmocka_unit_test_setup_teardown(test_frozen_evidence_cannot_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_list_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_since_an_audit_entry, setup, teardown),
		cmocka_unit_test(test_change_parts_by_kind),
		cmocka_unit_test_setup_teardown(test_audit_pages_by_unit_user_and_key, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_unit_validity_setting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roi_lines_and_params, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roi_line_items, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_17_adds_roi_items, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invest_classes_and_scenarios, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_from_schema_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_4_judges_old_years_by_their_local_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_6_adds_pausing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_writers_all_succeed, setup, teardown),
		cmocka_unit_test(test_foreign_files_are_refused),
		cmocka_unit_test(test_demo_is_level_2_with_evidence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
