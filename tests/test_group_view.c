/* The group view read from a database of three units: the demo's (with
 * its last year, programme, duties, backups and plans), one created with
 * a finalised year and a draft after it holding states and evidence, and
 * one created without any year. Exact figures per row, and the rows
 * sorted and filtered as the screen and `moat group` do. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model/group_view.h"
#include "model/report.h"
#include "tests/fixtures.h"

#define OK(call) assert_int_equal((call), ST_OK)
#define EAST "East China After-Sales Service Centre"

typedef fixture_demo ctx;

static void add_evidence(ctx *c, int64_t aid, const char *target,
			 const char *day)
{
	evidence e = {0};
	int64_t id;
	e.assessment_id = aid;
	e.target = (char *)target;
	e.body = "report";
	e.reference = "";
	e.owner = "";
	e.evidence_date = (char *)day;
	e.valid_months = 12;
	e.reviewer = "";
	e.review_date = "";
	OK(store_evidence_add(c->s, &e, "carol", &id));
}

/* Beta: 2025 finalised (level 1), 2026 a draft started from it with one
 * item done, one in progress, one piece of evidence expired and one
 * expiring within 30 days of 2026-11-25. Alpha: no year at all. */
static int setup(void **state)
{
	ctx *c;
	int64_t beta, alpha, y2025, y2026;

	fixture_demo_setup_en(state);
	c = *state;
	OK(store_unit_create(c->s, "Beta centre", "carol", &beta));
	OK(store_unit_create(c->s, "Alpha centre", "carol", &alpha));
	OK(store_unit_set_region(c->s, beta, "East", "carol"));
	/* An archived unit is left out of the group. */
	{
		int64_t old;
		OK(store_unit_create(c->s, "Old depot", "carol", &old));
		OK(store_unit_set_region(c->s, old, "East", "carol"));
		OK(store_unit_set_archived(c->s, old, true, "carol"));
	}
	OK(store_assessment_create(c->s, beta, 2025, "carol", &y2025));
	OK(report_finalise(c->s, &c->q, y2025, FIXTURE_TODAY, "carol"));
	OK(store_assessment_start_next(c->s, y2025, FIXTURE_TODAY, "carol", &y2026));
	OK(store_state_set(c->s, y2026, "bia", ITEM_DONE, "carol"));
	OK(store_state_set(c->s, y2026, "rto_rpo", ITEM_IN_PROGRESS, "carol"));
	add_evidence(c, y2026, "bia", "2025-01-10");    /* expired 2026-01-10 */
	add_evidence(c, y2026, "rto_rpo", "2025-12-01"); /* until 2026-12-01 */
	add_evidence(c, y2026, "bia", "2026-06-01");    /* valid */
	return 0;
}

static const group_row *find(const group_view *v, const char *name)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->rows[i].name, name) == 0)
			return &v->rows[i];
	fail_msg("no row for %s", name);
	return NULL;
}

static void test_rows(void **state)
{
	ctx *c = *state;
	group_view v;
	const group_row *r;

	OK(group_view_load(c->s, &c->q, FIXTURE_TODAY, &v));
	assert_int_equal(v.n, 3); /* the archived one left out */
	/* By name. */
	assert_string_equal(v.rows[0].name, "Alpha centre");
	assert_string_equal(v.rows[1].name, "Beta centre");
	assert_string_equal(v.rows[2].name, EAST);

	r = find(&v, EAST);
	assert_true(r->has_year);
	assert_int_equal(r->assessment_id, c->aid);
	assert_int_equal(r->year, 2026);
	assert_int_equal(r->status, ASSESS_DRAFT);
	assert_int_equal(r->level, 2);
	assert_string_equal(r->level_name, "Repeatable");
	assert_string_equal(r->risk, "high");
	assert_int_equal(r->prev_year, 2025);
	assert_int_equal(r->prev_level, 1);
	assert_int_equal(r->items_done, 6);
	assert_int_equal(r->items_in_progress, 3);
	assert_int_equal(r->items_total, 10);
	assert_int_equal(r->ev_expired, 1);
	assert_int_equal(r->ev_expiring, 1);
	assert_true(r->has_programme);
	assert_int_equal(r->day, 37);
	assert_int_equal(r->tasks_done, 5);
	assert_int_equal(r->tasks_total, 14);
	assert_int_equal(r->tasks_overdue, 1);
	assert_int_equal(r->duties_overdue, 1);
	assert_int_equal(r->n_systems, 7);
	assert_int_equal(r->untested, 6);
	assert_int_equal(r->stale, 1);
	assert_int_equal(r->failed, 0);
	assert_true(r->has_worst);
	assert_string_equal(r->worst_system, "Customer service system");
	assert_int_equal(r->worst_rta, 47);
	assert_int_equal(r->worst_rto, 120);
	assert_int_equal(r->n_plans, 2);
	assert_int_equal(r->plans_review_due, 1);
	assert_string_equal(r->region, "");

	r = find(&v, "Beta centre");
	assert_string_equal(r->region, "East");
	assert_true(r->has_year);
	assert_int_equal(r->year, 2026);
	assert_int_equal(r->status, ASSESS_DRAFT);
	assert_int_equal(r->level, 1);
	assert_string_equal(r->risk, "very high");
	assert_int_equal(r->prev_year, 2025);
	assert_int_equal(r->prev_level, 1);
	assert_int_equal(r->items_done, 1);
	assert_int_equal(r->items_in_progress, 1);
	assert_int_equal(r->ev_expired, 1);
	assert_int_equal(r->ev_expiring, 1);
	assert_false(r->has_programme);
	assert_int_equal(r->duties_overdue, 0);
	assert_int_equal(r->n_systems, 0);
	assert_false(r->has_worst);
	assert_int_equal(r->n_plans, 0);

	r = find(&v, "Alpha centre");
	assert_false(r->has_year);
	assert_int_equal(r->assessment_id, 0);
	assert_int_equal(r->prev_level, 0);
	assert_false(r->has_programme);
	assert_int_equal(r->n_plans, 0);
	group_view_free(&v);
}

static void test_sorted(void **state)
{
	ctx *c = *state;
	group_view v;
	char line[512];

	OK(group_view_load(c->s, &c->q, FIXTURE_TODAY, &v));
	/* The highest level first; the unit without a year last. */
	group_sort(v.rows, v.n, GROUP_COL_LEVEL, true);
	assert_string_equal(v.rows[0].name, EAST);
	assert_string_equal(v.rows[1].name, "Beta centre");
	assert_string_equal(v.rows[2].name, "Alpha centre");
	assert_int_equal(group_filter_region(v.rows, v.n, NULL), 3);
	group_detail_line(&v.rows[2], 1, line, sizeof line);
	assert_string_equal(line, "No assessment yet.");
	group_detail_line(&v.rows[2], 4, line, sizeof line);
	assert_string_equal(line, "");
	group_detail_line(&v.rows[0], 4, line, sizeof line);
	assert_string_equal(line, "Restore tests: never 6 of 7 systems · stale 1"
				  " · last failed 0 · worst RTA Customer service"
				  " system: 47 min against RTO 2 h (39 %)");
	/* The region filter keeps Beta centre alone (the archived unit of
	 * the same region is not there at all). */
	assert_int_equal(group_filter_region(v.rows, v.n, "East"), 1);
	assert_string_equal(v.rows[0].name, "Beta centre");
	group_view_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rows, setup,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_sorted, setup,
						fixture_demo_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
