#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "model/recurrence.h"

#define D(y, m, d) ((date){(y), (m), (d)})

/* Compares as text so a failure prints both dates readably. */
static void assert_date_is(date got, const char *want)
{
	char buf[32];
	date_format(got, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void assert_no_date(date got)
{
	assert_int_equal(got.y, 0);
}

static rec_rule rule(int every, int day, rec_anchor anchor, date start)
{
	return (rec_rule){every, day, anchor, start};
}

/* ---- days of the week ---- */

static void test_weekday_known_dates(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D(2026, 11, 25)), 2); /* Wednesday */
	assert_int_equal(date_weekday(D(1970, 1, 1)), 3);   /* Thursday */
	assert_int_equal(date_weekday(D(1969, 12, 31)), 2); /* before epoch */
	assert_int_equal(date_weekday(D(2000, 1, 1)), 5);   /* Saturday */
	assert_int_equal(date_weekday(D(2024, 2, 29)), 3);  /* Thursday */
	assert_int_equal(date_weekday(D(2026, 5, 31)), 6);  /* Sunday */
	assert_int_equal(date_weekday(D(2026, 1, 5)), 0);   /* Monday */
	assert_true(date_is_working_day(D(2026, 11, 27)));  /* Friday */
	assert_false(date_is_working_day(D(2026, 11, 28))); /* Saturday */
	assert_false(date_is_working_day(D(2026, 11, 29))); /* Sunday */
	assert_true(date_is_working_day(D(2026, 11, 30)));  /* Monday */
}

static void test_add_days_across_month_and_year_ends(void **state)
{
	(void)state;
	assert_date_is(date_add_days(D(2026, 1, 31), 1), "2026-02-01");
	assert_date_is(date_add_days(D(2026, 12, 31), 1), "2027-01-01");
	assert_date_is(date_add_days(D(2024, 2, 28), 1), "2024-02-29");
	assert_date_is(date_add_days(D(2026, 2, 28), 1), "2026-03-01");
	assert_date_is(date_add_days(D(2027, 1, 1), -1), "2026-12-31");
	assert_date_is(date_add_days(D(2024, 3, 1), -1), "2024-02-29");
	assert_date_is(date_add_days(D(2026, 11, 25), 365), "2027-11-25");
	assert_date_is(date_add_days(D(2026, 11, 25), 0), "2026-11-25");
	assert_date_is(date_add_days(D(2026, 12, 25), 10), "2027-01-04");
}

static void test_last_working_day(void **state)
{
	(void)state;
	assert_date_is(date_last_working_day(2026, 1), "2026-01-30");  /* 31 Sat */
	assert_date_is(date_last_working_day(2026, 5), "2026-05-29");  /* 31 Sun */
	assert_date_is(date_last_working_day(2026, 2), "2026-02-27");  /* 28 Sat */
	assert_date_is(date_last_working_day(2026, 10), "2026-10-30"); /* 31 Sat */
	assert_date_is(date_last_working_day(2026, 12), "2026-12-31"); /* Thu */
	assert_date_is(date_last_working_day(2026, 3), "2026-03-31");  /* Tue */
	assert_date_is(date_last_working_day(2026, 8), "2026-08-31");  /* Mon */
	assert_date_is(date_last_working_day(2024, 2), "2024-02-29");  /* Thu */
	assert_date_is(date_last_working_day(2027, 1), "2027-01-29");  /* 31 Sun */
	assert_no_date(date_last_working_day(2026, 13));
	assert_no_date(date_last_working_day(2026, 0));
}

/* ---- rules ---- */

static void test_rule_validation(void **state)
{
	rec_rule r = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 1, 1));
	rec_rule bad;
	(void)state;
	assert_true(rec_valid(&r));
	assert_false(rec_valid(NULL));
	bad = r, bad.every_months = 0;
	assert_false(rec_valid(&bad));
	bad = r, bad.every_months = 25;
	assert_false(rec_valid(&bad));
	bad = r, bad.every_months = 24;
	assert_true(rec_valid(&bad));
	bad = r, bad.day = -1;
	assert_false(rec_valid(&bad));
	bad = r, bad.day = 32;
	assert_false(rec_valid(&bad));
	bad = r, bad.day = REC_LAST_WORKING_DAY;
	assert_true(rec_valid(&bad));
	bad = r, bad.day = 31;
	assert_true(rec_valid(&bad));
	bad = r, bad.start = D(2026, 2, 29);
	assert_false(rec_valid(&bad));
	bad = r, bad.start = D(2026, 13, 1);
	assert_false(rec_valid(&bad));
	bad = r, bad.start = D(2026, 4, 0);
	assert_false(rec_valid(&bad));
	bad = r, bad.anchor = (rec_anchor)7;
	assert_false(rec_valid(&bad));
	/* Invalid rules produce nothing. */
	bad = r, bad.every_months = 0;
	assert_no_date(rec_scheduled(&bad, 0));
	assert_int_equal(rec_open(&bad, NULL, 0, NULL, D(2026, 5, 1), NULL, 0), 0);
}

static void test_due_in_month_february(void **state)
{
	rec_rule r29 = rule(1, 29, REC_ANCHOR_SCHEDULE, D(2024, 1, 1));
	rec_rule r30 = rule(1, 30, REC_ANCHOR_SCHEDULE, D(2024, 1, 1));
	rec_rule r31 = rule(1, 31, REC_ANCHOR_SCHEDULE, D(2024, 1, 1));
	rec_rule r15 = rule(1, 15, REC_ANCHOR_SCHEDULE, D(2024, 1, 1));
	(void)state;
	assert_date_is(rec_due_in_month(&r29, 2024, 2), "2024-02-29");
	assert_date_is(rec_due_in_month(&r29, 2026, 2), "2026-02-28");
	assert_date_is(rec_due_in_month(&r29, 2000, 2), "2000-02-29");
	assert_date_is(rec_due_in_month(&r29, 1900, 2), "1900-02-28");
	assert_date_is(rec_due_in_month(&r30, 2024, 2), "2024-02-29");
	assert_date_is(rec_due_in_month(&r30, 2026, 2), "2026-02-28");
	assert_date_is(rec_due_in_month(&r30, 2026, 3), "2026-03-30");
	assert_date_is(rec_due_in_month(&r31, 2026, 4), "2026-04-30");
	assert_date_is(rec_due_in_month(&r31, 2026, 12), "2026-12-31");
	assert_date_is(rec_due_in_month(&r15, 2026, 2), "2026-02-15");
	assert_no_date(rec_due_in_month(&r15, 2026, 13));
	assert_no_date(rec_due_in_month(NULL, 2026, 1));
}

/* ---- schedules ---- */

static void test_monthly_on_31(void **state)
{
	rec_rule r = rule(1, 31, REC_ANCHOR_SCHEDULE, D(2026, 1, 15));
	rec_rule leap = rule(1, 31, REC_ANCHOR_SCHEDULE, D(2024, 1, 31));
	(void)state;
	assert_date_is(rec_scheduled(&r, 0), "2026-01-31");
	assert_date_is(rec_scheduled(&r, 1), "2026-02-28");
	assert_date_is(rec_scheduled(&r, 2), "2026-03-31");
	assert_date_is(rec_scheduled(&r, 3), "2026-04-30");
	assert_date_is(rec_scheduled(&r, 4), "2026-05-31");
	assert_date_is(rec_scheduled(&r, 11), "2026-12-31");
	assert_date_is(rec_scheduled(&r, 12), "2027-01-31");
	assert_date_is(rec_scheduled(&leap, 0), "2024-01-31");
	assert_date_is(rec_scheduled(&leap, 1), "2024-02-29");
	assert_date_is(rec_scheduled(&leap, 2), "2024-03-31");
}

static void test_first_occurrence_on_or_after_start(void **state)
{
	rec_rule late = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 1, 15));
	rec_rule same = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 1, 10));
	rec_rule dec = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 12, 20));
	rec_rule lwd_late = rule(1, REC_LAST_WORKING_DAY, REC_ANCHOR_SCHEDULE,
				 D(2026, 1, 31));
	rec_rule lwd_on = rule(1, REC_LAST_WORKING_DAY, REC_ANCHOR_SCHEDULE,
			       D(2026, 1, 30));
	rec_rule q_late = rule(3, 10, REC_ANCHOR_SCHEDULE, D(2026, 11, 15));
	(void)state;
	assert_date_is(rec_scheduled(&late, 0), "2026-02-10");
	assert_date_is(rec_scheduled(&late, 1), "2026-03-10");
	assert_date_is(rec_scheduled(&same, 0), "2026-01-10");
	assert_date_is(rec_scheduled(&dec, 0), "2027-01-10");
	assert_date_is(rec_scheduled(&lwd_late, 0), "2026-02-27");
	assert_date_is(rec_scheduled(&lwd_on, 0), "2026-01-30");
	/* Quarterly, start after the day: the next month, then every 3. */
	assert_date_is(rec_scheduled(&q_late, 0), "2026-12-10");
	assert_date_is(rec_scheduled(&q_late, 1), "2027-03-10");
}

static void test_quarterly_across_year_end(void **state)
{
	rec_rule r = rule(3, 10, REC_ANCHOR_SCHEDULE, D(2026, 11, 10));
	rec_rule r31 = rule(3, 31, REC_ANCHOR_SCHEDULE, D(2026, 11, 30));
	(void)state;
	assert_date_is(rec_scheduled(&r, 0), "2026-11-10");
	assert_date_is(rec_scheduled(&r, 1), "2027-02-10");
	assert_date_is(rec_scheduled(&r, 2), "2027-05-10");
	assert_date_is(rec_scheduled(&r, 3), "2027-08-10");
	assert_date_is(rec_scheduled(&r, 4), "2027-11-10");
	assert_date_is(rec_scheduled(&r, 5), "2028-02-10");
	/* Day 31 clamps in November and February but comes back after. */
	assert_date_is(rec_scheduled(&r31, 0), "2026-11-30");
	assert_date_is(rec_scheduled(&r31, 1), "2027-02-28");
	assert_date_is(rec_scheduled(&r31, 2), "2027-05-31");
	assert_date_is(rec_scheduled(&r31, 3), "2027-08-31");
}

static void test_yearly_on_february_29(void **state)
{
	rec_rule r = rule(12, 29, REC_ANCHOR_SCHEDULE, D(2024, 2, 29));
	(void)state;
	assert_date_is(rec_scheduled(&r, 0), "2024-02-29");
	assert_date_is(rec_scheduled(&r, 1), "2025-02-28");
	assert_date_is(rec_scheduled(&r, 2), "2026-02-28");
	assert_date_is(rec_scheduled(&r, 3), "2027-02-28");
	assert_date_is(rec_scheduled(&r, 4), "2028-02-29");
	assert_date_is(rec_scheduled(&r, 76), "2100-02-28"); /* not leap */
	assert_date_is(rec_scheduled(&r, 376), "2400-02-29"); /* leap */
}

static void test_last_working_day_schedule(void **state)
{
	rec_rule r = rule(1, REC_LAST_WORKING_DAY, REC_ANCHOR_SCHEDULE,
			  D(2026, 10, 1));
	(void)state;
	assert_date_is(rec_scheduled(&r, 0), "2026-10-30");
	assert_date_is(rec_scheduled(&r, 1), "2026-11-30");
	assert_date_is(rec_scheduled(&r, 2), "2026-12-31");
	assert_date_is(rec_scheduled(&r, 3), "2027-01-29");
}

static void test_scheduled_bad_input(void **state)
{
	rec_rule r = rule(1, 1, REC_ANCHOR_SCHEDULE, D(9999, 6, 1));
	(void)state;
	assert_no_date(rec_scheduled(&r, -1));
	assert_date_is(rec_scheduled(&r, 6), "9999-12-01");
	assert_no_date(rec_scheduled(&r, 7));
	assert_no_date(rec_scheduled(NULL, 0));
}

/* ---- open occurrences, schedule-anchored ---- */

static void assert_sorted_unique(const rec_occurrence *o, size_t n)
{
	for (size_t i = 1; i < n; i++)
		assert_int_equal(date_cmp(o[i - 1].due, o[i].due), -1);
}

static void test_open_missed_stay_overdue(void **state)
{
	rec_rule r = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 1, 1));
	rec_occurrence o[16];
	size_t n;
	(void)state;
	n = rec_open(&r, NULL, 0, NULL, D(2026, 4, 15), o, 16);
	assert_int_equal(n, 5);
	assert_date_is(o[0].due, "2026-01-10");
	assert_date_is(o[1].due, "2026-02-10");
	assert_date_is(o[2].due, "2026-03-10");
	assert_date_is(o[3].due, "2026-04-10");
	assert_date_is(o[4].due, "2026-05-10");
	for (int i = 0; i < 4; i++)
		assert_true(o[i].overdue);
	assert_false(o[4].overdue);
}

static void test_open_resolving_middle_leaves_others(void **state)
{
	rec_rule r = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 1, 1));
	date resolved[] = {D(2026, 2, 10)};
	rec_occurrence o[16];
	size_t n;
	(void)state;
	n = rec_open(&r, resolved, 1, NULL, D(2026, 4, 15), o, 16);
	assert_int_equal(n, 4);
	assert_date_is(o[0].due, "2026-01-10");
	assert_date_is(o[1].due, "2026-03-10");
	assert_date_is(o[2].due, "2026-04-10");
	assert_date_is(o[3].due, "2026-05-10");
	assert_true(o[0].overdue);
	assert_true(o[1].overdue);
	assert_true(o[2].overdue);
	assert_false(o[3].overdue);
}

static void test_open_resolved_vanish_next_always_there(void **state)
{
	rec_rule r = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 1, 1));
	/* Ascending, with duplicates and dates off the schedule (any order
	 * is duty_state_compute's, tested in test_programme). */
	date resolved[] = {D(2025, 12, 10), D(2026, 1, 10), D(2026, 1, 10),
			   D(2026, 2, 10), D(2026, 3, 10), D(2026, 3, 10),
			   D(2026, 3, 11), D(2026, 4, 10)};
	rec_occurrence o[16];
	size_t n;
	(void)state;
	n = rec_open(&r, resolved, sizeof resolved / sizeof resolved[0], NULL,
		     D(2026, 4, 15), o, 16);
	assert_int_equal(n, 1);
	assert_date_is(o[0].due, "2026-05-10");
	assert_false(o[0].overdue);
}

static void test_open_next_done_early(void **state)
{
	rec_rule r = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 1, 1));
	date resolved[] = {D(2026, 1, 10), D(2026, 2, 10), D(2026, 5, 10)};
	rec_occurrence o[16];
	size_t n;
	(void)state;
	n = rec_open(&r, resolved, 3, NULL, D(2026, 4, 15), o, 16);
	assert_int_equal(n, 3);
	assert_date_is(o[0].due, "2026-03-10");
	assert_date_is(o[1].due, "2026-04-10");
	assert_date_is(o[2].due, "2026-06-10");
	assert_true(o[0].overdue);
	assert_true(o[1].overdue);
	assert_false(o[2].overdue);
}

static void test_open_today_on_due_date(void **state)
{
	rec_rule r = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 1, 1));
	date resolved[] = {D(2026, 1, 10), D(2026, 2, 10), D(2026, 3, 10)};
	rec_occurrence o[16];
	size_t n;
	(void)state;
	n = rec_open(&r, resolved, 3, NULL, D(2026, 4, 10), o, 16);
	assert_int_equal(n, 1);
	assert_date_is(o[0].due, "2026-04-10");
	assert_false(o[0].overdue);
	/* The day after, it is overdue and May is next. */
	n = rec_open(&r, resolved, 3, NULL, D(2026, 4, 11), o, 16);
	assert_int_equal(n, 2);
	assert_date_is(o[0].due, "2026-04-10");
	assert_true(o[0].overdue);
	assert_date_is(o[1].due, "2026-05-10");
	assert_false(o[1].overdue);
}

static void test_open_before_start(void **state)
{
	rec_rule r = rule(3, 31, REC_ANCHOR_SCHEDULE, D(2026, 11, 30));
	rec_occurrence o[4];
	size_t n;
	(void)state;
	n = rec_open(&r, NULL, 0, NULL, D(2026, 6, 1), o, 4);
	assert_int_equal(n, 1);
	assert_date_is(o[0].due, "2026-11-30");
	assert_false(o[0].overdue);
}

static void test_open_across_year_end(void **state)
{
	rec_rule r = rule(1, REC_LAST_WORKING_DAY, REC_ANCHOR_SCHEDULE,
			  D(2026, 11, 1));
	date resolved[] = {D(2026, 11, 30)};
	rec_occurrence o[8];
	size_t n;
	(void)state;
	n = rec_open(&r, resolved, 1, NULL, D(2027, 1, 2), o, 8);
	assert_int_equal(n, 2);
	assert_date_is(o[0].due, "2026-12-31");
	assert_true(o[0].overdue);
	assert_date_is(o[1].due, "2027-01-29");
	assert_false(o[1].overdue);
}

static void test_open_small_buffer(void **state)
{
	rec_rule r = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 1, 1));
	rec_occurrence o[3];
	size_t n;
	(void)state;
	o[2] = (rec_occurrence){D(1999, 9, 9), false};
	n = rec_open(&r, NULL, 0, NULL, D(2026, 4, 15), o, 2);
	assert_int_equal(n, 5);
	assert_date_is(o[0].due, "2026-01-10");
	assert_date_is(o[1].due, "2026-02-10");
	assert_date_is(o[2].due, "1999-09-09"); /* untouched */
	assert_int_equal(rec_open(&r, NULL, 0, NULL, D(2026, 4, 15), NULL, 0), 5);
}

/* Started in 1900 and never done: every month since is owed, none is
 * left out however many there are, and the next one follows them. */
static void test_open_long_ago_start(void **state)
{
	static rec_occurrence o[1600];
	rec_rule r = rule(1, 1, REC_ANCHOR_SCHEDULE, D(1900, 1, 1));
	size_t n;
	(void)state;
	n = rec_open(&r, NULL, 0, NULL, D(2026, 1, 15), o,
		     sizeof o / sizeof o[0]);
	/* 1900-01 .. 2026-01 is 126 * 12 + 1 months, then February. */
	assert_int_equal(n, 1514);
	assert_date_is(o[0].due, "1900-01-01");
	assert_date_is(o[1199].due, "1999-12-01");
	assert_date_is(o[1200].due, "2000-01-01");
	assert_date_is(o[1512].due, "2026-01-01");
	assert_true(o[1512].overdue);
	assert_date_is(o[1513].due, "2026-02-01");
	assert_false(o[1513].overdue);
	assert_sorted_unique(o, n);
	/* The count does not depend on the room given. */
	assert_int_equal(rec_open(&r, NULL, 0, NULL, D(2026, 1, 15), o, 3),
			 1514);
	assert_date_is(o[2].due, "1900-03-01");
}

static void test_open_is_sorted_and_unique(void **state)
{
	rec_rule r = rule(1, 31, REC_ANCHOR_SCHEDULE, D(2024, 1, 1));
	date resolved[] = {D(2024, 2, 28), D(2024, 2, 29), D(2024, 2, 29)};
	rec_occurrence o[32];
	size_t n;
	(void)state;
	n = rec_open(&r, resolved, 3, NULL, D(2025, 3, 1), o, 32);
	/* Jan 2024 .. Feb 2025 is 14 due dates, one resolved, + Mar 2025. */
	assert_int_equal(n, 14);
	assert_sorted_unique(o, n);
	assert_date_is(o[0].due, "2024-01-31");
	assert_date_is(o[1].due, "2024-03-31");
	assert_date_is(o[12].due, "2025-02-28");
	assert_date_is(o[13].due, "2025-03-31");
	assert_false(o[13].overdue);
	assert_true(o[12].overdue);
}

/* ---- open occurrences, completion-anchored ---- */

static void test_completion_done_late(void **state)
{
	rec_rule m = rule(1, 10, REC_ANCHOR_COMPLETION, D(2026, 1, 1));
	rec_rule q = rule(3, 10, REC_ANCHOR_COMPLETION, D(2026, 1, 1));
	date resolved[] = {D(2026, 3, 10)};
	date done;
	rec_occurrence o[4];
	size_t n;
	(void)state;
	done = D(2026, 3, 20);
	n = rec_open(&m, resolved, 1, &done, D(2026, 3, 25), o, 4);
	assert_int_equal(n, 1);
	assert_date_is(o[0].due, "2026-04-20");
	assert_false(o[0].overdue);
	n = rec_open(&m, resolved, 1, &done, D(2026, 4, 20), o, 4);
	assert_int_equal(n, 1);
	assert_false(o[0].overdue);
	n = rec_open(&m, resolved, 1, &done, D(2026, 6, 1), o, 4);
	assert_int_equal(n, 1); /* still one, not one per missed month */
	assert_date_is(o[0].due, "2026-04-20");
	assert_true(o[0].overdue);

	done = D(2026, 5, 20);
	n = rec_open(&q, NULL, 0, &done, D(2026, 5, 20), o, 4);
	assert_int_equal(n, 1);
	assert_date_is(o[0].due, "2026-08-20");
	done = D(2026, 5, 31);
	n = rec_open(&q, NULL, 0, &done, D(2026, 5, 31), o, 4);
	assert_int_equal(n, 1);
	assert_date_is(o[0].due, "2026-08-31");
	done = D(2026, 11, 30);
	n = rec_open(&q, NULL, 0, &done, D(2026, 12, 1), o, 4);
	assert_int_equal(n, 1);
	assert_date_is(o[0].due, "2027-02-28");
}

static void test_completion_ignores_day_rule(void **state)
{
	rec_rule r = rule(1, REC_LAST_WORKING_DAY, REC_ANCHOR_COMPLETION,
			  D(2026, 1, 1));
	date done = D(2026, 1, 15);
	rec_occurrence o[2];
	(void)state;
	assert_int_equal(rec_open(&r, NULL, 0, &done, D(2026, 1, 15), o, 2), 1);
	assert_date_is(o[0].due, "2026-02-15"); /* a Sunday, as computed */
}

static void test_completion_never_done(void **state)
{
	rec_rule r = rule(1, 10, REC_ANCHOR_COMPLETION, D(2026, 1, 15));
	rec_occurrence o[4];
	size_t n;
	(void)state;
	n = rec_open(&r, NULL, 0, NULL, D(2026, 1, 20), o, 4);
	assert_int_equal(n, 1);
	assert_date_is(o[0].due, "2026-02-10");
	assert_false(o[0].overdue);
	n = rec_open(&r, NULL, 0, NULL, D(2026, 5, 1), o, 4);
	assert_int_equal(n, 1);
	assert_date_is(o[0].due, "2026-02-10");
	assert_true(o[0].overdue);
}

static void test_completion_skipped_moves_on(void **state)
{
	rec_rule r = rule(1, 10, REC_ANCHOR_COMPLETION, D(2026, 1, 1));
	rec_rule r31 = rule(1, 31, REC_ANCHOR_COMPLETION, D(2026, 1, 15));
	date done = D(2026, 3, 20);
	date skip1[] = {D(2026, 3, 10), D(2026, 4, 20)};
	date skip2[] = {D(2026, 3, 10), D(2026, 4, 20), D(2026, 5, 20)};
	date jan31 = D(2026, 1, 31);
	date feb_skip[] = {D(2026, 2, 28)};
	date never1[] = {D(2026, 1, 31)};
	date never2[] = {D(2026, 1, 31), D(2026, 2, 28)};
	rec_occurrence o[4];
	(void)state;
	assert_int_equal(rec_open(&r, skip1, 2, &done, D(2026, 4, 25), o, 4), 1);
	assert_date_is(o[0].due, "2026-05-20");
	assert_false(o[0].overdue);
	assert_int_equal(rec_open(&r, skip2, 3, &done, D(2026, 7, 1), o, 4), 1);
	assert_date_is(o[0].due, "2026-06-20");
	assert_true(o[0].overdue);
	/* Counted from the completion: February's clamp does not stick. */
	assert_int_equal(rec_open(&r31, feb_skip, 1, &jan31, D(2026, 3, 1), o,
				  4), 1);
	assert_date_is(o[0].due, "2026-03-31");
	/* Never done: a skipped first occurrence moves along the schedule. */
	assert_int_equal(rec_open(&r31, never1, 1, NULL, D(2026, 2, 1), o, 4),
			 1);
	assert_date_is(o[0].due, "2026-02-28");
	assert_int_equal(rec_open(&r31, never2, 2, NULL, D(2026, 3, 1), o, 4),
			 1);
	assert_date_is(o[0].due, "2026-03-31");
}

/* ---- long histories ---- */

/* Appends to v (at *n) the dates on `day` (clamped to the month's end) of
 * every month from (y0, m0) to (y1, m1), leaving out those in skip. */
static void add_monthly(date *v, size_t *n, int day, int y0, int m0, int y1,
			int m1, const date *skip, size_t n_skip)
{
	for (int y = y0, m = m0; y < y1 || (y == y1 && m <= m1);) {
		int dim = date_days_in_month(y, m);
		date d = D(y, m, day < dim ? day : dim);
		bool left_out = false;

		for (size_t i = 0; i < n_skip; i++)
			left_out = left_out || date_cmp(skip[i], d) == 0;
		if (!left_out)
			v[(*n)++] = d;
		if (++m > 12)
			m = 1, y++;
	}
}

/* 100 years of monthly history, all done but one month in 1930: that one
 * is still overdue, and the next one is there. */
static void test_history_100_years(void **state)
{
	static date res[1300];
	date skip[] = {D(1930, 3, 15)};
	rec_rule r = rule(1, 15, REC_ANCHOR_SCHEDULE, D(1926, 1, 1));
	rec_occurrence o[4];
	size_t n = 0;
	(void)state;
	add_monthly(res, &n, 15, 1926, 1, 2026, 6, skip, 1);
	assert_int_equal(n, 100 * 12 + 6 - 1);
	assert_int_equal(rec_open(&r, res, n, NULL, D(2026, 6, 20), o, 4), 2);
	assert_date_is(o[0].due, "1930-03-15");
	assert_true(o[0].overdue);
	assert_date_is(o[1].due, "2026-07-15");
	assert_false(o[1].overdue);
	/* On the due day itself it is the next one. */
	assert_int_equal(rec_open(&r, res, n - 1, NULL, D(2026, 6, 15), o, 4),
			 2);
	assert_date_is(o[1].due, "2026-06-15");
	assert_false(o[1].overdue);
	/* Room for one: the old miss is written, both are counted. */
	o[1] = (rec_occurrence){D(1999, 9, 9), false};
	assert_int_equal(rec_open(&r, res, n, NULL, D(2026, 6, 20), o, 1), 2);
	assert_date_is(o[0].due, "1930-03-15");
	assert_date_is(o[1].due, "1999-09-09"); /* untouched */
	/* Everything done, two years ahead too: the next is after that. */
	n = 0;
	add_monthly(res, &n, 15, 1926, 1, 2028, 6, NULL, 0);
	assert_int_equal(rec_open(&r, res, n, NULL, D(2026, 6, 20), o, 4), 1);
	assert_date_is(o[0].due, "2028-07-15");
	assert_false(o[0].overdue);
}

/* 1,000 years on the 31st (clamped: 28 February 2900, 29 February 2400),
 * with duplicates and dates off the schedule among the resolved ones. */
static void test_history_1000_years(void **state)
{
	static date res[12100];
	static rec_occurrence o[64];
	date skip[] = {D(1901, 2, 28), D(2400, 2, 29), D(2900, 2, 28)};
	rec_rule r = rule(1, 31, REC_ANCHOR_SCHEDULE, D(1900, 1, 1));
	size_t n = 0, got;
	(void)state;
	add_monthly(res, &n, 31, 1900, 1, 1901, 1, NULL, 0);
	res[n++] = D(1901, 1, 31);  /* twice */
	res[n++] = D(1901, 2, 27);  /* off the schedule */
	add_monthly(res, &n, 31, 1901, 2, 2900, 5, skip, 3);
	assert_int_equal(n, 1000 * 12 + 5 - 3 + 2);
	got = rec_open(&r, res, n, NULL, D(2900, 6, 20), o, 64);
	assert_int_equal(got, 4);
	assert_date_is(o[0].due, "1901-02-28");
	assert_date_is(o[1].due, "2400-02-29");
	assert_date_is(o[2].due, "2900-02-28");
	assert_true(o[2].overdue);
	assert_date_is(o[3].due, "2900-06-30");
	assert_false(o[3].overdue);
	/* Nothing done in 1,000 years: every month counted, the oldest kept. */
	got = rec_open(&r, NULL, 0, NULL, D(2900, 6, 20), o, 64);
	assert_int_equal(got, 1000 * 12 + 5 + 1);
	assert_date_is(o[0].due, "1900-01-31");
	assert_date_is(o[1].due, "1900-02-28");
	assert_date_is(o[63].due, "1905-04-30");
	/* The schedule ends with year 9999: done to its end, nothing next. */
	n = 0;
	add_monthly(res, &n, 31, 9000, 1, 9999, 12, NULL, 0);
	r.start = D(9000, 1, 1);
	assert_int_equal(rec_open(&r, res, n, NULL, D(9999, 12, 31), o, 64), 0);
	assert_int_equal(rec_open(&r, res, n - 1, NULL, D(9999, 12, 31), o, 64),
			 1);
	assert_date_is(o[0].due, "9999-12-31");
	assert_false(o[0].overdue);
}

/* A century with a pause of fifty years in it: the misses on either side
 * are owed, none of the pause's, and a pause that has not ended leaves no
 * next one. */
static void test_history_with_pauses(void **state)
{
	static date res[1300];
	date skip[] = {D(1949, 12, 15), D(2010, 7, 15)};
	rec_rule r = rule(1, 15, REC_ANCHOR_SCHEDULE, D(1926, 1, 1));
	rec_pause p[] = {{D(1930, 1, 1), D(1930, 1, 1)}, /* holds no day */
			 {D(1950, 3, 1), D(2000, 1, 1)},
			 {D(2026, 8, 1), D(0, 0, 0)}};
	rec_occurrence o[4];
	size_t n = 0, before_pause;
	(void)state;
	add_monthly(res, &n, 15, 1926, 1, 1950, 2, skip, 2);
	before_pause = n;
	add_monthly(res, &n, 15, 2000, 1, 2026, 6, skip, 2);
	assert_int_equal(rec_open_paused(&r, res, n, p, 2, NULL, D(2026, 6, 20),
					 o, 4), 3);
	assert_date_is(o[0].due, "1949-12-15");
	assert_date_is(o[1].due, "2010-07-15");
	assert_date_is(o[2].due, "2026-07-15");
	assert_false(o[2].overdue);
	/* A pause from August that lasts: July is the last one owed. */
	assert_int_equal(rec_open_paused(&r, res, n, p, 3, NULL, D(2026, 6, 20),
					 o, 4), 3);
	assert_date_is(o[2].due, "2026-07-15");
	res[n++] = D(2026, 7, 15); /* done early */
	assert_int_equal(rec_open_paused(&r, res, n, p, 3, NULL, D(2026, 6, 20),
					 o, 4), 2);
	assert_date_is(o[1].due, "2010-07-15");
	/* Inside a pause nothing; inside the long one, fifty years ago. */
	assert_int_equal(rec_open_paused(&r, res, n, p, 3, NULL, D(2026, 9, 1),
					 o, 4), 0);
	assert_int_equal(rec_open_paused(&r, res, n, p, 2, NULL, D(1975, 1, 1),
					 o, 4), 0);
	/* Not one resolved: the months before and after the pause only. */
	assert_int_equal(rec_open_paused(&r, NULL, 0, p, 2, NULL, D(2026, 6, 20),
					 o, 4),
			 (1950 - 1926) * 12 + 2 + (2026 - 2000) * 12 + 6 + 1);
	assert_date_is(o[0].due, "1926-01-15");
	/* Just before the long pause, its months are not "next". */
	assert_int_equal(rec_open_paused(&r, res, before_pause, p, 2, NULL,
					 D(1950, 2, 20), o, 4), 2);
	assert_date_is(o[0].due, "1949-12-15");
	assert_date_is(o[1].due, "2000-01-15");
	assert_false(o[1].overdue);
}

/* Counted from the last completion after 1,000 years of monthly history:
 * the skips after it move it on, those before it change nothing, and a
 * pause of five centuries is passed in one step. */
static void test_history_completion(void **state)
{
	static date res[12100];
	rec_rule m = rule(1, 10, REC_ANCHOR_COMPLETION, D(1900, 1, 1));
	rec_rule q = rule(3, 10, REC_ANCHOR_COMPLETION, D(1900, 1, 1));
	rec_pause p = {D(2000, 3, 1), D(2500, 1, 1)};
	date done = D(2899, 11, 5);
	rec_occurrence o[2];
	size_t n = 0;
	(void)state;
	add_monthly(res, &n, 10, 1900, 1, 2899, 11, NULL, 0);
	res[n++] = D(2899, 12, 5);  /* skipped */
	res[n++] = D(2899, 12, 10);
	res[n++] = D(2900, 1, 5);   /* skipped */
	assert_int_equal(rec_open(&m, res, n, &done, D(2900, 3, 1), o, 2), 1);
	assert_date_is(o[0].due, "2900-02-05");
	assert_true(o[0].overdue);
	/* Never completed, every one on the schedule skipped for 1,000
	 * years: the first after them. */
	n = 0;
	add_monthly(res, &n, 10, 1900, 1, 2899, 12, NULL, 0);
	assert_int_equal(rec_open(&m, res, n, NULL, D(2900, 1, 1), o, 2), 1);
	assert_date_is(o[0].due, "2900-01-10");
	assert_false(o[0].overdue);
	/* Quarterly, done 20 January 2000, paused from March for 500 years:
	 * the first multiple of three months after the pause. */
	done = D(2000, 1, 20);
	assert_int_equal(rec_open_paused(&q, NULL, 0, &p, 1, &done,
					 D(2600, 1, 1), o, 2), 1);
	assert_date_is(o[0].due, "2500-01-20");
	assert_true(o[0].overdue);
	p.until = D(2500, 1, 21);
	assert_int_equal(rec_open_paused(&q, NULL, 0, &p, 1, &done,
					 D(2600, 1, 1), o, 2), 1);
	assert_date_is(o[0].due, "2500-04-20");
	/* No candidate before year 10000. */
	done = D(9999, 11, 30);
	assert_int_equal(rec_open(&q, NULL, 0, &done, D(9999, 12, 1), o, 2), 0);
}

/* The index of the first occurrence on or after a day, from the months
 * alone: checked against the schedule for every day of three years. */
static void test_index_on_or_after(void **state)
{
	rec_rule rules[] = {
		rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 1, 1)),
		rule(3, 31, REC_ANCHOR_SCHEDULE, D(2026, 1, 15)),
		rule(12, 29, REC_ANCHOR_COMPLETION, D(2024, 2, 1)),
		rule(5, REC_LAST_WORKING_DAY, REC_ANCHOR_SCHEDULE, D(2026, 5, 30)),
	};
	rec_rule last = rule(1, 1, REC_ANCHOR_SCHEDULE, D(9999, 1, 1));
	rec_rule bad = rule(0, 1, REC_ANCHOR_SCHEDULE, D(2026, 1, 1));
	(void)state;
	assert_int_equal(rec_index_on_or_after(&rules[0], D(2026, 1, 10)), 0);
	assert_int_equal(rec_index_on_or_after(&rules[0], D(2026, 1, 11)), 1);
	assert_int_equal(rec_index_on_or_after(&rules[0], D(1950, 5, 5)), 0);
	assert_int_equal(rec_index_on_or_after(&rules[0], D(2027, 1, 10)), 12);
	assert_int_equal(rec_index_on_or_after(&rules[0], D(3026, 1, 11)),
			 12001);
	assert_int_equal(rec_index_on_or_after(&rules[1], D(2026, 4, 30)), 1);
	assert_int_equal(rec_index_on_or_after(&rules[1], D(2026, 5, 1)), 2);
	assert_int_equal(rec_index_on_or_after(&rules[1], D(2026, 2, 1)), 1);
	/* Yearly on 29 February, clamped to the 28th in other years. */
	assert_date_is(rec_scheduled(&rules[2], 1), "2025-02-28");
	assert_int_equal(rec_index_on_or_after(&rules[2], D(2025, 2, 28)), 1);
	assert_int_equal(rec_index_on_or_after(&rules[2], D(2025, 3, 1)), 2);
	assert_int_equal(rec_index_on_or_after(&rules[2], D(2028, 2, 29)), 4);
	assert_int_equal(rec_index_on_or_after(&last, D(9999, 12, 1)), 11);
	assert_int_equal(rec_index_on_or_after(&last, D(9999, 12, 2)), 12);
	assert_no_date(rec_scheduled(&last, 12));
	assert_int_equal(rec_index_on_or_after(&bad, D(2026, 1, 1)), -1);
	assert_int_equal(rec_index_on_or_after(&rules[0], D(2026, 13, 1)), -1);
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		for (date d = D(2025, 6, 1); date_cmp(d, D(2028, 6, 1)) < 0;
		     d = date_add_days(d, 1)) {
			int k = rec_index_on_or_after(&rules[i], d);

			assert_true(k >= 0);
			assert_true(date_cmp(rec_scheduled(&rules[i], k), d) >= 0);
			if (k > 0)
				assert_true(date_cmp(rec_scheduled(&rules[i], k - 1),
						     d) < 0);
		}
}

/* ---- pauses ---- */

static void test_pause_days(void **state)
{
	rec_pause p[] = {{D(2026, 10, 5), D(2026, 12, 1)},
			 {D(2027, 3, 1), D(2027, 3, 1)}, /* resumed at once */
			 {D(2027, 6, 1), D(0, 0, 0)}};   /* still paused */
	(void)state;
	assert_null(rec_pause_on(p, 3, D(2026, 10, 4)));
	assert_ptr_equal(rec_pause_on(p, 3, D(2026, 10, 5)), &p[0]);
	assert_ptr_equal(rec_pause_on(p, 3, D(2026, 11, 30)), &p[0]);
	assert_null(rec_pause_on(p, 3, D(2026, 12, 1))); /* owed again */
	assert_null(rec_pause_on(p, 3, D(2027, 3, 1)));
	assert_null(rec_pause_on(p, 3, D(2027, 5, 31)));
	assert_ptr_equal(rec_pause_on(p, 3, D(2027, 6, 1)), &p[2]);
	assert_ptr_equal(rec_pause_on(p, 3, D(2099, 1, 1)), &p[2]);
	assert_null(rec_pause_on(NULL, 0, D(2027, 6, 1)));
	assert_null(rec_pause_on(p, 2, D(2027, 6, 1)));
}

/* Monthly on the 10th from June; paused from 5 October, resumed on 1
 * December: October and November are not owed, September's miss is. */
static void test_pause_schedule(void **state)
{
	rec_rule r = rule(1, 10, REC_ANCHOR_SCHEDULE, D(2026, 6, 1));
	date resolved[] = {D(2026, 6, 10), D(2026, 7, 10), D(2026, 8, 10)};
	rec_pause ended = {D(2026, 10, 5), D(2026, 12, 1)};
	rec_pause open = {D(2026, 10, 5), D(0, 0, 0)};
	rec_occurrence o[8];
	size_t n;
	(void)state;
	/* While paused: nothing at all, not even September's miss. */
	n = rec_open_paused(&r, resolved, 3, &open, 1, NULL, D(2026, 11, 20), o, 8);
	assert_int_equal(n, 0);
	n = rec_open_paused(&r, resolved, 3, &open, 1, NULL, D(2026, 10, 5), o, 8);
	assert_int_equal(n, 0);
	/* The day before, the miss is open, and nothing on from the pause. */
	n = rec_open_paused(&r, resolved, 3, &open, 1, NULL, D(2026, 10, 4), o, 8);
	assert_int_equal(n, 1);
	assert_date_is(o[0].due, "2026-09-10");
	assert_true(o[0].overdue);
	/* Before an ended pause the next one is the first after it. */
	n = rec_open_paused(&r, resolved, 3, &ended, 1, NULL, D(2026, 10, 4), o, 8);
	assert_int_equal(n, 2);
	assert_date_is(o[1].due, "2026-12-10");
	assert_false(o[1].overdue);
	/* Resumed: the miss before the pause is back, the pause's are gone,
	 * and the one due on the day it was resumed is owed. */
	n = rec_open_paused(&r, resolved, 3, &ended, 1, NULL, D(2026, 12, 20), o, 8);
	assert_int_equal(n, 3);
	assert_date_is(o[0].due, "2026-09-10");
	assert_date_is(o[1].due, "2026-12-10");
	assert_true(o[1].overdue);
	assert_date_is(o[2].due, "2027-01-10");
	assert_false(o[2].overdue);
	ended.until = D(2026, 12, 10);
	n = rec_open_paused(&r, resolved, 3, &ended, 1, NULL, D(2026, 12, 10), o, 8);
	assert_int_equal(n, 2);
	assert_date_is(o[1].due, "2026-12-10");
	assert_false(o[1].overdue);
	ended.until = D(2026, 12, 11);
	n = rec_open_paused(&r, resolved, 3, &ended, 1, NULL, D(2026, 12, 11), o, 8);
	assert_int_equal(n, 2);
	assert_date_is(o[1].due, "2027-01-10");
	/* Without pauses it is rec_open. */
	assert_int_equal(rec_open_paused(&r, resolved, 3, NULL, 0, NULL,
					 D(2026, 12, 20), o, 8),
			 rec_open(&r, resolved, 3, NULL, D(2026, 12, 20), o, 8));
	/* A pause that begins after today: nothing from its first day on. */
	open.from = D(2026, 12, 1);
	n = rec_open_paused(&r, resolved, 3, &open, 1, NULL, D(2026, 11, 20), o, 8);
	assert_int_equal(n, 3);
	assert_date_is(o[0].due, "2026-09-10");
	assert_date_is(o[1].due, "2026-10-10");
	assert_date_is(o[2].due, "2026-11-10");
	assert_true(o[2].overdue);
}

/* Counted from the last completion: a due date inside a pause is passed
 * over as a skipped one is, to the next multiple of the period. */
static void test_pause_completion(void **state)
{
	rec_rule q = rule(3, 15, REC_ANCHOR_COMPLETION, D(2026, 1, 1));
	date done = D(2026, 5, 20);
	rec_pause p = {D(2026, 8, 1), D(2026, 9, 1)};
	rec_pause never = {D(2026, 1, 10), D(2026, 2, 1)};
	rec_occurrence o[2];
	(void)state;
	assert_int_equal(rec_open_paused(&q, NULL, 0, &p, 1, &done, D(2026, 9, 10),
					 o, 2), 1);
	assert_date_is(o[0].due, "2026-11-20");
	assert_false(o[0].overdue);
	assert_int_equal(rec_open_paused(&q, NULL, 0, &p, 1, &done, D(2026, 8, 20),
					 o, 2), 0);
	/* Never done: the first on the schedule after the pause. */
	assert_int_equal(rec_open_paused(&q, NULL, 0, &never, 1, NULL,
					 D(2026, 3, 1), o, 2), 1);
	assert_date_is(o[0].due, "2026-04-15");
	assert_false(o[0].overdue);
}

/* ---- the 90-day programme ---- */

static void test_plan_phases(void **state)
{
	date s = D(2026, 10, 19);
	(void)state;
	assert_date_is(plan_phase_start(s, 1), "2026-10-19");
	assert_date_is(plan_phase_start(s, 2), "2026-11-18");
	assert_date_is(plan_phase_start(s, 3), "2026-12-18");
	assert_date_is(plan_phase_due(s, 1), "2026-11-17");
	assert_date_is(plan_phase_due(s, 2), "2026-12-17");
	assert_date_is(plan_phase_due(s, 3), "2027-01-16");
	assert_no_date(plan_phase_due(s, 0));
	assert_no_date(plan_phase_due(s, 4));
	assert_no_date(plan_phase_start(s, 0));
	assert_no_date(plan_phase_start(s, 4));
	/* Across a leap February. */
	assert_date_is(plan_phase_due(D(2028, 2, 1), 1), "2028-03-01");
}

static void test_plan_day_and_phase(void **state)
{
	date s = D(2026, 10, 19);
	(void)state;
	assert_int_equal(plan_day(s, D(2026, 11, 24)), 37);
	assert_int_equal(plan_day(s, s), 1);
	assert_int_equal(plan_day(s, D(2026, 10, 18)), 0);
	assert_int_equal(plan_day(s, D(2026, 10, 9)), -9);
	assert_int_equal(plan_day(s, D(2027, 1, 16)), 90);
	assert_int_equal(plan_day(s, D(2027, 1, 17)), 91);

	assert_int_equal(plan_phase_on(s, D(2026, 10, 18)), 0);
	assert_int_equal(plan_phase_on(s, s), 1);
	assert_int_equal(plan_phase_on(s, D(2026, 11, 17)), 1); /* day 30 */
	assert_int_equal(plan_phase_on(s, D(2026, 11, 18)), 2); /* day 31 */
	assert_int_equal(plan_phase_on(s, D(2026, 12, 17)), 2); /* day 60 */
	assert_int_equal(plan_phase_on(s, D(2026, 12, 18)), 3); /* day 61 */
	assert_int_equal(plan_phase_on(s, D(2027, 1, 16)), 3);  /* day 90 */
	assert_int_equal(plan_phase_on(s, D(2027, 1, 17)), 4);  /* day 91 */
	assert_int_equal(plan_phase_on(s, D(2027, 6, 1)), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekday_known_dates),
		cmocka_unit_test(test_add_days_across_month_and_year_ends),
		cmocka_unit_test(test_last_working_day),
		cmocka_unit_test(test_rule_validation),
		cmocka_unit_test(test_due_in_month_february),
		cmocka_unit_test(test_monthly_on_31),
		cmocka_unit_test(test_first_occurrence_on_or_after_start),
		cmocka_unit_test(test_quarterly_across_year_end),
		cmocka_unit_test(test_yearly_on_february_29),
		cmocka_unit_test(test_last_working_day_schedule),
		cmocka_unit_test(test_scheduled_bad_input),
		cmocka_unit_test(test_open_missed_stay_overdue),
		cmocka_unit_test(test_open_resolving_middle_leaves_others),
		cmocka_unit_test(test_open_resolved_vanish_next_always_there),
		cmocka_unit_test(test_open_next_done_early),
		cmocka_unit_test(test_open_today_on_due_date),
		cmocka_unit_test(test_open_before_start),
		cmocka_unit_test(test_open_across_year_end),
		cmocka_unit_test(test_open_small_buffer),
		cmocka_unit_test(test_open_long_ago_start),
		cmocka_unit_test(test_open_is_sorted_and_unique),
		cmocka_unit_test(test_completion_done_late),
		cmocka_unit_test(test_completion_ignores_day_rule),
		cmocka_unit_test(test_completion_never_done),
		cmocka_unit_test(test_completion_skipped_moves_on),
		cmocka_unit_test(test_history_100_years),
		cmocka_unit_test(test_history_1000_years),
		cmocka_unit_test(test_history_with_pauses),
		cmocka_unit_test(test_history_completion),
		cmocka_unit_test(test_index_on_or_after),
		cmocka_unit_test(test_pause_days),
		cmocka_unit_test(test_pause_schedule),
		cmocka_unit_test(test_pause_completion),
		cmocka_unit_test(test_plan_phases),
		cmocka_unit_test(test_plan_day_and_phase),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
