/* Business contingency plans as stored: the demo's two plans in both
 * languages, a plan saved and refused, its steps added, moved and deleted,
 * approved as versions and reviewed (and the refusals of both), the form's
 * columns, the audit entries in words, and a plan deleted with all it has. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "model/audit_text.h"
#include "model/msg.h"
#include "model/store_contingency.h"
#include "tests/fixtures.h"

#define OK(call) assert_int_equal((call), ST_OK)
#define PARTS "Parts inventory system"

typedef fixture_demo ctx;

static const date today = FIXTURE_TODAY; /* 2026-11-25 */

static long long sql(ctx *c, const char *q)
{
	return fixture_sql_int(c->path, q);
}

/* One text from the database with plain SQLite ("" when no row). */
static void sql_text(ctx *c, const char *q, char *out, size_t len)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	out[0] = '\0';
	assert_int_equal(sqlite3_open_v2(c->path, &db, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, len, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static date day(const char *s)
{
	date d;
	assert_true(date_parse(s, &d));
	return d;
}

static void expect_day(date d, const char *want)
{
	char buf[16];
	date_format(d, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void test_demo_plans_en(void **state)
{
	ctx *c = *state;
	cont_summary *sum;
	cont_record r;
	cont_diff_line *d;
	size_t n, nd;
	char *now;

	OK(store_cont_summaries(c->s, c->unit, &sum, &n));
	assert_int_equal(n, 2);
	assert_string_equal(sum[0].system, "Customer service system");
	assert_int_equal(sum[0].version, 1);
	expect_day(sum[0].approved_on, "2025-10-21"); /* 400 days ago */
	assert_int_equal(sum[0].reviewed_on.y, 0);
	assert_true(sum[0].changed);
	assert_int_equal(sum[0].n_steps, 4);
	assert_int_equal(cont_state(&sum[0], today),
			 CONT_APPROVED | CONT_CHANGED | CONT_REVIEW_DUE);
	expect_day(cont_review_due(&sum[0]), "2026-10-21");
	assert_string_equal(sum[1].system, "Rescue dispatch system");
	assert_int_equal(sum[1].version, 1);
	expect_day(sum[1].approved_on, "2026-09-26"); /* 60 days ago */
	assert_false(sum[1].changed);
	assert_int_equal(sum[1].n_steps, 3);
	assert_int_equal(cont_state(&sum[1], today), CONT_APPROVED);

	OK(store_cont_load(c->s, sum[0].id, &r));
	assert_string_equal(r.plan.scenario, "The customer service system is down;"
					     " recovery expected in 2 hours");
	assert_int_equal(r.plan.outage, 120);
	assert_int_equal(r.plan.backentry, 240);
	assert_string_equal(r.plan.notice, "System maintenance: service may be"
					   " slightly delayed. Thank you for your"
					   " patience.");
	assert_int_equal(r.n_steps, 4);
	assert_string_equal(r.steps[0].title, "Start paper registration at once");
	assert_int_equal(r.steps[0].minutes, 10);
	assert_string_equal(r.steps[0].role, "Service manager");
	assert_int_equal(r.steps[1].minutes, CONT_NONE);
	assert_int_equal(r.steps[3].minutes, 240);
	assert_int_equal(r.n_columns, 7);
	assert_string_equal(r.columns[0], "Time");
	assert_string_equal(r.columns[6], "Service advisor");
	assert_int_equal(r.approved.version, 1);
	assert_string_equal(r.approved.approved_by, "Chen Ming, after-sales director");
	assert_string_equal(r.approved.entered_by, "liwei");
	assert_true(r.summary.changed);
	/* The difference: step 1's limit, step 3's voucher. */
	assert_non_null(now = cont_canonical(r.steps, r.n_steps));
	OK(cont_diff(r.approved.snapshot, now, &d, &nd));
	assert_int_equal(nd, 17);
	assert_int_equal(d[0].sign, '-');
	assert_string_equal(d[0].text, "1. Start paper registration at once [15 min]"
				       " (Service manager)");
	assert_int_equal(d[1].sign, '+');
	assert_string_equal(d[1].text, "1. Start paper registration at once [10 min]"
				       " (Service manager)");
	assert_int_equal(d[2].sign, ' ');
	assert_int_equal(d[12].sign, '+');
	assert_string_equal(d[12].text, "   - Offer a small compensation (e.g. a free"
					" car wash voucher)");
	assert_int_equal(d[11].sign, ' ');
	assert_int_equal(d[13].sign, ' ');
	assert_string_equal(d[13].text, "4. Enter the records afterwards [240 min]"
					" (Service advisor)");
	cont_diff_free(d, nd);
	free(now);
	cont_record_free(&r);
	free(sum);
}

static void test_demo_plans_zh(void **state)
{
	ctx *c = *state;
	cont_record *all;
	size_t n;

	OK(store_cont_load_all(c->s, c->unit, &all, &n));
	assert_int_equal(n, 2);
	/* By name: 客 before 救. */
	assert_string_equal(all[0].plan.system, "客服管理系统");
	assert_string_equal(all[0].plan.scenario, "客服系统宕机，预计恢复时间2小时");
	assert_string_equal(all[0].plan.notice, "系统维护中，服务略有延迟，敬请谅解");
	assert_string_equal(all[0].steps[0].title, "立即启动纸质登记");
	assert_string_equal(all[0].steps[0].detail,
			    "印制《应急服务登记表》（平时预备）\n分发到各服务门店\n"
			    "服务顾问手工记录客户信息和服务需求");
	assert_string_equal(all[0].columns[1], "车牌号");
	assert_string_equal(all[0].columns[5], "预计完成时间");
	assert_string_equal(all[1].plan.system, "救援调度系统");
	assert_string_equal(all[1].steps[0].title, "立即切换到备用通讯方式");
	assert_int_equal(all[1].steps[0].minutes, 5);
	assert_string_equal(all[1].steps[2].title, "增加人员投入");
	assert_string_equal(all[1].approved.approved_by, "售后总监 陈明");
	cont_records_free(all, n);
}

static cont_step step(const char *title, int64_t minutes)
{
	cont_step s;
	memset(&s, 0, sizeof s);
	snprintf(s.title, sizeof s.title, "%s", title);
	s.minutes = minutes;
	snprintf(s.role, sizeof s.role, "Store manager");
	return s;
}

static int64_t new_plan(ctx *c)
{
	cont_plan p;
	int64_t id;
	memset(&p, 0, sizeof p);
	snprintf(p.system, sizeof p.system, PARTS);
	snprintf(p.scenario, sizeof p.scenario, "Stock lookups fail");
	p.outage = 60;
	p.backentry = CONT_NONE;
	OK(store_cont_save(c->s, c->unit, &p, "chen", &id));
	return id;
}

static void test_save_and_refuse(void **state)
{
	ctx *c = *state;
	cont_plan p;
	cont_record r;
	int64_t id = new_plan(c), other;
	bool found;
	char buf[512];

	OK(store_cont_find(c->s, c->unit, PARTS, &other, &found));
	assert_true(found);
	assert_int_equal(other, id);
	OK(store_cont_load(c->s, id, &r));
	assert_int_equal(r.plan.outage, 60);
	assert_int_equal(r.plan.backentry, CONT_NONE);
	assert_int_equal(r.n_columns, 7);
	assert_int_equal(r.approved.version, 0);
	p = r.plan;
	cont_record_free(&r);
	/* A second plan for the same system. */
	p.id = 0;
	assert_int_equal(store_cont_save(c->s, c->unit, &p, "chen", &other), ST_EXISTS);
	assert_string_equal(store_errmsg(c->s),
			    "Parts inventory system already has a contingency plan.");
	p.id = id;
	p.outage = -5;
	assert_int_equal(store_cont_save(c->s, c->unit, &p, "chen", &other), ST_INVALID);
	p.outage = 527041;
	assert_int_equal(store_cont_save(c->s, c->unit, &p, "chen", &other), ST_INVALID);
	p.outage = 90;
	p.system[0] = '\0';
	assert_int_equal(store_cont_save(c->s, c->unit, &p, "chen", &other), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "Name the system the plan is for.");
	snprintf(p.system, sizeof p.system, PARTS);
	snprintf(p.trigger, sizeof p.trigger, "\xff");
	assert_int_equal(store_cont_save(c->s, c->unit, &p, "chen", &other), ST_INVALID);
	snprintf(p.trigger, sizeof p.trigger, "Lookups fail for 15 min");
	snprintf(p.notice, sizeof p.notice, "Parts may take longer today");
	OK(store_cont_save(c->s, c->unit, &p, "chen", &other));
	assert_int_equal(other, id);
	/* Created with its two fields, then three fields changed; the
	 * refusals wrote nothing. */
	assert_int_equal(sql(c, "SELECT count(*) FROM audit_log WHERE entity ="
				" 'contingency' AND key = '" PARTS "'"), 6);
	sql_text(c, "SELECT group_concat(field, ',') FROM (SELECT field FROM"
		    " audit_log WHERE entity = 'contingency' AND key = '" PARTS
		    "' ORDER BY id)", buf, sizeof buf);
	assert_string_equal(buf, "created,scenario,outage,trigger,notice,outage");
	sql_text(c, "SELECT old_value || '>' || new_value FROM audit_log WHERE"
		    " field = 'outage' AND key = '" PARTS "' ORDER BY id DESC",
		 buf, sizeof buf);
	assert_string_equal(buf, "60>90");
	/* In words. */
	assert_string_equal(audit_field_text("contingency", "outage"), "Expected outage");
	assert_int_equal(audit_value_kind("contingency", "outage", PARTS), AV_MINUTES);
	audit_value_text(AV_MINUTES, "90", buf, sizeof buf);
	assert_string_equal(buf, "1 h 30 min");
	assert_string_equal(audit_field_text("contingency", "step_added"), "step added");
	assert_string_equal(audit_field_text("contingency", "approved"), "approved");
}

static void expect_order(ctx *c, int64_t plan, const char *want)
{
	cont_record r;
	char got[512] = "";
	OK(store_cont_load(c->s, plan, &r));
	for (size_t i = 0; i < r.n_steps; i++) {
		assert_true(strlen(got) + strlen(r.steps[i].title) + 2 < sizeof got);
		if (i)
			strcat(got, ",");
		strcat(got, r.steps[i].title);
	}
	assert_string_equal(got, want);
	assert_int_equal(r.summary.n_steps, r.n_steps);
	cont_record_free(&r);
}

static void test_steps(void **state)
{
	ctx *c = *state;
	int64_t plan = new_plan(c), a, b, x, id;
	cont_step s = step("A", 10);
	char buf[512];

	OK(store_cont_step_save(c->s, plan, &s, "chen", &a));
	s = step("B", CONT_NONE);
	OK(store_cont_step_save(c->s, plan, &s, "chen", &b));
	s = step("C", 30);
	snprintf(s.detail, sizeof s.detail, "one\ntwo");
	OK(store_cont_step_save(c->s, plan, &s, "chen", &x));
	expect_order(c, plan, "A,B,C");
	OK(store_cont_step_move(c->s, x, -1, "chen"));
	expect_order(c, plan, "A,C,B");
	/* At the ends nothing moves. */
	OK(store_cont_step_move(c->s, a, -1, "chen"));
	OK(store_cont_step_move(c->s, b, 1, "chen"));
	expect_order(c, plan, "A,C,B");
	assert_int_equal(store_cont_step_move(c->s, b, 2, "chen"), ST_INVALID);
	sql_text(c, "SELECT canon FROM contingency WHERE system = '" PARTS "'", buf,
		 sizeof buf);
	assert_string_equal(buf, "1. A [10 min] (Store manager)\n"
				 "2. C [30 min] (Store manager)\n"
				 "   - one\n   - two\n"
				 "3. B (Store manager)\n");
	/* Edited in place. */
	s = step("B2", 5);
	s.id = b;
	OK(store_cont_step_save(c->s, plan, &s, "chen", &id));
	assert_int_equal(id, b);
	expect_order(c, plan, "A,C,B2");
	OK(store_cont_step_delete(c->s, x, "chen"));
	expect_order(c, plan, "A,B2");
	sql_text(c, "SELECT group_concat(position) FROM (SELECT position FROM"
		    " cont_step t JOIN contingency p ON p.id = t.plan_id WHERE"
		    " p.system = '" PARTS "' ORDER BY position)", buf, sizeof buf);
	assert_string_equal(buf, "1,2");
	/* Refusals. */
	s = step("", 5);
	assert_int_equal(store_cont_step_save(c->s, plan, &s, "chen", &id), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "A step needs a title.");
	s = step("D", -2);
	assert_int_equal(store_cont_step_save(c->s, plan, &s, "chen", &id), ST_INVALID);
	s = step("D", 5);
	s.id = 999999;
	assert_int_equal(store_cont_step_save(c->s, plan, &s, "chen", &id),
			 ST_NOT_FOUND);
	for (int i = 2; i < CONT_MAX_STEPS; i++) {
		s = step("more", CONT_NONE);
		OK(store_cont_step_save(c->s, plan, &s, "chen", &id));
	}
	s = step("one too many", CONT_NONE);
	assert_int_equal(store_cont_step_save(c->s, plan, &s, "chen", &id), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "A plan takes at most 20 steps.");
	sql_text(c, "SELECT group_concat(field, ',') FROM (SELECT field FROM"
		    " audit_log WHERE entity = 'contingency' AND key = '" PARTS
		    "' ORDER BY id LIMIT 9)", buf, sizeof buf);
	assert_string_equal(buf, "created,scenario,outage,step_added,step_added,"
				 "step_added,step_moved,step,step_removed");
	sql_text(c, "SELECT old_value || '>' || new_value FROM audit_log WHERE"
		    " field = 'step' AND key = '" PARTS "'", buf, sizeof buf);
	assert_string_equal(buf, "3. B (Store manager)>3. B2 [5 min] (Store manager)");
}

static void test_approve_and_review(void **state)
{
	ctx *c = *state;
	int64_t plan = new_plan(c), a, v;
	cont_step s = step("A", 10);
	cont_summary *sum;
	cont_record r;
	size_t n;
	char buf[512];

	assert_int_equal(store_cont_approve(c->s, plan, "Zhao", today, today, "chen",
					    &v), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "A plan without steps cannot be"
						" approved: add its steps first.");
	assert_int_equal(store_cont_review(c->s, plan, today, today, "chen"),
			 ST_INVALID);
	assert_string_equal(store_errmsg(c->s),
			    "The plan was never approved: approve it first.");
	OK(store_cont_step_save(c->s, plan, &s, "chen", &a));
	assert_int_equal(store_cont_approve(c->s, plan, "", today, today, "chen", &v),
			 ST_INVALID);
	assert_int_equal(store_cont_approve(c->s, plan, "Zhao", day("2026-11-26"),
					    today, "chen", &v), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "The date cannot be after today.");
	OK(store_cont_approve(c->s, plan, "Zhao", day("2025-02-28"), today, "chen", &v));
	assert_int_equal(v, 1);
	assert_int_equal(store_cont_approve(c->s, plan, "Zhao", today, today, "chen",
					    &v), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "Nothing changed since the last"
						" approval: record a review instead.");
	assert_int_equal(store_cont_review(c->s, plan, day("2025-02-27"), today,
					   "chen"), ST_INVALID);
	assert_string_equal(store_errmsg(c->s),
			    "The date cannot be before the last approval.");
	OK(store_cont_review(c->s, plan, day("2026-02-27"), today, "wang"));
	OK(store_cont_load(c->s, plan, &r));
	expect_day(r.reviewed_on, "2026-02-27");
	assert_string_equal(r.reviewed_by, "wang");
	expect_day(cont_review_due(&r.summary), "2027-02-27");
	assert_int_equal(cont_state(&r.summary, today), CONT_APPROVED);
	assert_string_equal(r.approved.snapshot, "1. A [10 min] (Store manager)\n");
	cont_record_free(&r);
	/* A change: no review until it is approved again. */
	s = step("A", 15);
	s.id = a;
	OK(store_cont_step_save(c->s, plan, &s, "chen", &a));
	assert_int_equal(store_cont_review(c->s, plan, today, today, "chen"),
			 ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "The steps changed since the approval:"
						" approve the new version instead.");
	/* Changing it back is no change. */
	s.minutes = 10;
	OK(store_cont_step_save(c->s, plan, &s, "chen", &a));
	OK(store_cont_summaries(c->s, c->unit, &sum, &n));
	assert_int_equal(n, 3);
	assert_string_equal(sum[1].system, PARTS);
	assert_false(sum[1].changed);
	free(sum);
	s.minutes = 20;
	OK(store_cont_step_save(c->s, plan, &s, "chen", &a));
	OK(store_cont_approve(c->s, plan, "Zhao Lei", today, today, "chen", &v));
	assert_int_equal(v, 2);
	OK(store_cont_load(c->s, plan, &r));
	assert_int_equal(r.summary.version, 2);
	assert_false(r.summary.changed);
	/* v1's review does not count for v2. */
	assert_int_equal(r.reviewed_on.y, 0);
	assert_string_equal(r.approved.approved_by, "Zhao Lei");
	assert_string_equal(r.approved.entered_by, "chen");
	expect_day(r.approved.approved_on, "2026-11-25");
	cont_record_free(&r);
	assert_int_equal(sql(c, "SELECT count(*) FROM cont_version v JOIN contingency p"
				" ON p.id = v.plan_id WHERE p.system = '" PARTS "'"), 2);
	sql_text(c, "SELECT group_concat(new_value, ';') FROM (SELECT new_value FROM"
		    " audit_log WHERE key = '" PARTS "' AND field IN ('approved',"
		    " 'reviewed') ORDER BY id)", buf, sizeof buf);
	assert_string_equal(buf, "v1 2025-02-28 Zhao;v1 2026-02-27;"
				 "v2 2026-11-25 Zhao Lei");
}

static void test_columns(void **state)
{
	ctx *c = *state;
	int64_t plan = new_plan(c);
	cont_column cols[CONT_MAX_COLUMNS + 1];
	cont_record r;
	char buf[512];

	snprintf(cols[0], sizeof cols[0], "Time");
	snprintf(cols[1], sizeof cols[1], "Part number");
	snprintf(cols[2], sizeof cols[2], "数量");
	OK(store_cont_columns_set(c->s, plan, cols, 3, "chen"));
	OK(store_cont_load(c->s, plan, &r));
	assert_int_equal(r.n_columns, 3);
	assert_string_equal(r.columns[1], "Part number");
	assert_string_equal(r.columns[2], "数量");
	cont_record_free(&r);
	sql_text(c, "SELECT new_value FROM audit_log WHERE field = 'columns' AND key"
		    " = '" PARTS "'", buf, sizeof buf);
	assert_string_equal(buf, "Time | Part number | 数量");
	/* The same again writes nothing. */
	OK(store_cont_columns_set(c->s, plan, cols, 3, "chen"));
	assert_int_equal(sql(c, "SELECT count(*) FROM audit_log WHERE field ="
				" 'columns'"), 1);
	assert_int_equal(store_cont_columns_set(c->s, plan, cols, 0, "chen"),
			 ST_INVALID);
	for (int i = 0; i <= CONT_MAX_COLUMNS; i++)
		snprintf(cols[i], sizeof cols[i], "C%d", i);
	assert_int_equal(store_cont_columns_set(c->s, plan, cols, CONT_MAX_COLUMNS + 1,
						"chen"), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "The form takes 1 to 10 columns.");
	OK(store_cont_columns_set(c->s, plan, cols, CONT_MAX_COLUMNS, "chen"));
	snprintf(cols[0], sizeof cols[0], "a\x1b");
	assert_int_equal(store_cont_columns_set(c->s, plan, cols, 2, "chen"),
			 ST_INVALID);
	cols[0][0] = '\0';
	assert_int_equal(store_cont_columns_set(c->s, plan, cols, 2, "chen"),
			 ST_INVALID);
	assert_int_equal(sql(c, "SELECT count(*) FROM cont_column c JOIN contingency p"
				" ON p.id = c.plan_id WHERE p.system = '" PARTS "'"),
			 CONT_MAX_COLUMNS);
}

static void test_delete_cascades(void **state)
{
	ctx *c = *state;
	cont_summary *sum;
	size_t n;
	int64_t v;
	char q[256];

	OK(store_cont_summaries(c->s, c->unit, &sum, &n));
	int64_t plan = sum[0].id;
	free(sum);
	OK(store_cont_step_save(c->s, plan, &(cont_step){.title = "x", .minutes = -1},
				"chen", &v));
	OK(store_cont_approve(c->s, plan, "Zhao", today, today, "chen", &v));
	OK(store_cont_review(c->s, plan, today, today, "chen"));
	OK(store_cont_delete(c->s, plan, "chen"));
	static const char *const tables[] = {"cont_step", "cont_column",
					     "cont_version", "cont_review"};
	for (size_t i = 0; i < 4; i++) {
		snprintf(q, sizeof q, "SELECT count(*) FROM %s WHERE plan_id = %lld",
			 tables[i], (long long)plan);
		assert_int_equal(sql(c, q), 0);
	}
	assert_int_equal(sql(c, "SELECT count(*) FROM contingency"), 1);
	assert_int_equal(sql(c, "SELECT count(*) FROM audit_log WHERE field ="
				" 'removed' AND entity = 'contingency' AND key ="
				" 'Customer service system'"), 1);
	assert_int_equal(store_cont_delete(c->s, plan, "chen"), ST_NOT_FOUND);
	/* The filters have their indexes. */
	assert_int_equal(sql(c, "SELECT count(*) FROM sqlite_master WHERE type ="
				" 'index' AND name IN ('cont_step_by_plan',"
				" 'cont_review_by_plan')"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_demo_plans_en, fixture_demo_setup_en,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_demo_plans_zh, fixture_demo_setup_zh,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_save_and_refuse,
						fixture_demo_setup_en,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_steps, fixture_demo_setup_en,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_approve_and_review,
						fixture_demo_setup_en,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_columns, fixture_demo_setup_en,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_delete_cascades,
						fixture_demo_setup_en,
						fixture_demo_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
