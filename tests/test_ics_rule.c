#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "model/ics_rule.h"
#include "model/random.h"
#include "model/store.h"
#include "tests/fixtures.h"

#define D(y, m, d) ((date){(y), (m), (d)})
#define NO_DATE D(0, 0, 0)

/* The RRULE of a schedule-anchored rule (every, day, from start) with
 * DTSTART first, "" when refused. */
static const char *rrule(int every, int day, date start, date first,
			 date until)
{
	static char out[ICS_RRULE_MAX];
	rec_rule r = {every, day, REC_ANCHOR_SCHEDULE, start};

	if (!ics_rrule(&r, first, until, out, sizeof out))
		assert_string_equal(out, "");
	return out;
}

static void test_monthly_days(void **state)
{
	(void)state;
	assert_string_equal(rrule(1, 10, D(2026, 6, 1), D(2026, 11, 10), NO_DATE),
			    "FREQ=MONTHLY;BYMONTHDAY=10");
	assert_string_equal(rrule(1, 28, D(2026, 1, 1), D(2026, 1, 28), NO_DATE),
			    "FREQ=MONTHLY;BYMONTHDAY=28");
	/* Clamped to the month's end: 31 is the last day, 29 and 30 the
	 * latest of 28..day the month has. */
	assert_string_equal(rrule(1, 31, D(2026, 1, 1), D(2026, 1, 31), NO_DATE),
			    "FREQ=MONTHLY;BYMONTHDAY=-1");
	assert_string_equal(rrule(1, 30, D(2026, 1, 1), D(2026, 1, 30), NO_DATE),
			    "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1");
	assert_string_equal(rrule(1, 29, D(2026, 1, 1), D(2026, 1, 29), NO_DATE),
			    "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1");
}

static void test_intervals(void **state)
{
	(void)state;
	assert_string_equal(rrule(3, 15, D(2026, 6, 1), D(2026, 12, 15), NO_DATE),
			    "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15");
	assert_string_equal(rrule(7, 31, D(2026, 6, 1), D(2026, 6, 30), NO_DATE),
			    "FREQ=MONTHLY;INTERVAL=7;BYMONTHDAY=-1");
	/* Multiples of 12 are yearly, in the month of DTSTART. */
	assert_string_equal(rrule(12, 15, D(2026, 6, 1), D(2027, 6, 15), NO_DATE),
			    "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15");
	assert_string_equal(rrule(24, 29, D(2024, 2, 1), D(2024, 2, 29), NO_DATE),
			    "FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=28,29;"
			    "BYSETPOS=-1");
}

static void test_last_working_day(void **state)
{
	(void)state;
	assert_string_equal(rrule(3, REC_LAST_WORKING_DAY, D(2026, 6, 1),
				  D(2026, 12, 31), NO_DATE),
			    "FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;"
			    "BYSETPOS=-1");
	assert_string_equal(rrule(12, REC_LAST_WORKING_DAY, D(2026, 6, 1),
				  D(2027, 6, 30), NO_DATE),
			    "FREQ=YEARLY;BYMONTH=6;BYDAY=MO,TU,WE,TH,FR;"
			    "BYSETPOS=-1");
}

static void test_until(void **state)
{
	(void)state;
	assert_string_equal(rrule(1, 10, D(2026, 6, 1), D(2026, 11, 10),
				  D(2026, 12, 31)),
			    "FREQ=MONTHLY;BYMONTHDAY=10;UNTIL=20261231");
	/* The longest there is still fits in ICS_RRULE_MAX. */
	assert_string_equal(rrule(24, REC_LAST_WORKING_DAY, D(2026, 6, 1),
				  D(2026, 12, 31), D(9999, 12, 31)),
			    "FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYDAY=MO,TU,WE,"
			    "TH,FR;BYSETPOS=-1;UNTIL=99991231");
}

static void test_refused(void **state)
{
	rec_rule done = {3, 15, REC_ANCHOR_COMPLETION, D(2026, 6, 1)};
	rec_rule bad = {0, 15, REC_ANCHOR_SCHEDULE, D(2026, 6, 1)};
	rec_rule ok = {1, 10, REC_ANCHOR_SCHEDULE, D(2026, 6, 1)};
	char out[ICS_RRULE_MAX] = "x", tiny[8] = "x";

	(void)state;
	assert_false(ics_rrule(&done, D(2026, 6, 15), NO_DATE, out, sizeof out));
	assert_string_equal(out, "");
	assert_false(ics_rrule(&bad, D(2026, 6, 15), NO_DATE, out, sizeof out));
	assert_false(ics_rrule(NULL, D(2026, 6, 15), NO_DATE, out, sizeof out));
	assert_false(ics_rrule(&ok, NO_DATE, NO_DATE, out, sizeof out));
	assert_false(ics_rrule(&ok, D(2026, 6, 10), NO_DATE, tiny, sizeof tiny));
	assert_string_equal(tiny, "");
}

static void test_uuid_form(void **state)
{
	char a[RANDOM_UUID_LEN + 1], b[RANDOM_UUID_LEN + 1], small[8];

	(void)state;
	assert_int_equal(random_uuid(a, sizeof a), ST_OK);
	assert_int_equal(random_uuid(b, sizeof b), ST_OK);
	assert_int_equal(strlen(a), RANDOM_UUID_LEN);
	assert_string_not_equal(a, b);
	for (int i = 0; i < RANDOM_UUID_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			assert_int_equal(a[i], '-');
		else
			assert_non_null(strchr("0123456789abcdef", a[i]));
	}
	assert_int_equal(a[14], '4');                /* version 4 */
	assert_non_null(strchr("89ab", a[19]));      /* RFC 4122 variant */
	assert_int_equal(random_uuid(small, sizeof small), ST_INVALID);
}

static store *open_db(const char *path)
{
	store *s = NULL;
	char err[512];

	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err),
			 ST_OK);
	return s;
}

static void test_db_identity(void **state)
{
	char p1[4096], p2[4096];
	char a[RANDOM_UUID_LEN + 1], again[RANDOM_UUID_LEN + 1];
	char other[RANDOM_UUID_LEN + 1], second[RANDOM_UUID_LEN + 1];
	store *s1, *s1b, *s2;

	(void)state;
	fixture_db_path(p1, sizeof p1);
	fixture_db_path(p2, sizeof p2);
	s1 = open_db(p1);
	s1b = open_db(p1);
	s2 = open_db(p2);
	assert_int_equal(fixture_sql_int(p1, "SELECT count(*) FROM setting"
					     " WHERE key = 'db_identity'"), 0);
	assert_int_equal(store_db_identity(s1, a, sizeof a), ST_OK);
	assert_int_equal(strlen(a), RANDOM_UUID_LEN);
	/* Made once: the same on the next call and on another connection. */
	assert_int_equal(store_db_identity(s1, again, sizeof again), ST_OK);
	assert_string_equal(a, again);
	assert_int_equal(store_db_identity(s1b, second, sizeof second), ST_OK);
	assert_string_equal(a, second);
	assert_int_equal(fixture_sql_int(p1, "SELECT count(*) FROM setting"
					     " WHERE key = 'db_identity'"), 1);
	/* Another database has another. */
	assert_int_equal(store_db_identity(s2, other, sizeof other), ST_OK);
	assert_string_not_equal(a, other);
	store_close(s1);
	store_close(s1b);
	store_close(s2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_monthly_days),
		cmocka_unit_test(test_intervals),
		cmocka_unit_test(test_last_working_day),
		cmocka_unit_test(test_until),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_uuid_form),
		cmocka_unit_test(test_db_identity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
