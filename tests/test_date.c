#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <time.h>

#include <cmocka.h>

#include "model/date.h"

static void test_parse(void **state)
{
	date d;
	(void)state;
	assert_true(date_parse("2026-11-25", &d));
	assert_int_equal(d.y, 2026);
	assert_int_equal(d.m, 11);
	assert_int_equal(d.d, 25);
	assert_true(date_parse("2024-02-29", &d));
	assert_false(date_parse("2026-02-29", &d));
	assert_false(date_parse("2026-13-01", &d));
	assert_false(date_parse("2026-1-01", &d));
	assert_false(date_parse("2026-01-01x", &d));
	assert_false(date_parse("20a6-01-01", &d));
	assert_false(date_parse("", &d));
	assert_true(date_parse("1900-02-28", &d));
	assert_false(date_parse("1900-02-29", &d)); /* not a leap year */
	assert_true(date_parse("2000-02-29", &d));  /* but 2000 is */
}

/* POSIX TZ strings, so the test needs no time zone database. */
static void with_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static void test_stamps_show_in_local_time(void **state)
{
	date d;
	int h, m;
	char out[20];
	(void)state;

	/* Kiritimati, UTC+14: late evening UTC is already tomorrow. */
	with_tz("LINT-14");
	assert_true(stamp_to_local("2026-12-31T20:30:00Z", &d, &h, &m));
	assert_int_equal(d.y, 2027);
	assert_int_equal(d.m, 1);
	assert_int_equal(d.d, 1);
	assert_int_equal(h, 10);
	assert_int_equal(m, 30);
	stamp_format_local("2026-12-31T20:30:00Z", out, sizeof out);
	assert_string_equal(out, "2027-01-01 10:30");
	stamp_format_local_day("2026-12-31T20:30:00Z", out, sizeof out);
	assert_string_equal(out, "2027-01-01");

	/* Shanghai at 02:00 is still the day before in UTC. */
	with_tz("CST-8");
	stamp_format_local("2026-11-30T18:00:00Z", out, sizeof out);
	assert_string_equal(out, "2026-12-01 02:00");

	/* Hawaii, UTC-10, across 29 February. */
	with_tz("HST10");
	stamp_format_local("2028-03-01T05:59:00Z", out, sizeof out);
	assert_string_equal(out, "2028-02-29 19:59");

	with_tz("UTC0");
	stamp_format_local("2026-11-25T08:09:10Z", out, sizeof out);
	assert_string_equal(out, "2026-11-25 08:09");

	/* Not a moment: shown as stored, cut to the field. */
	assert_false(stamp_to_local("2026-12-31", &d, &h, &m));
	assert_false(stamp_to_local("2026-02-30T00:00:00Z", &d, &h, &m));
	assert_false(stamp_to_local("2026-12-31T24:00:00Z", &d, &h, &m));
	assert_false(stamp_to_local("2026-12-31T20:30:00Zx", &d, &h, &m));
	assert_false(stamp_to_local(NULL, &d, &h, &m));
	stamp_format_local_day("2026-12-31", out, sizeof out);
	assert_string_equal(out, "2026-12-31");
	stamp_format_local("garbage that is long", out, sizeof out);
	assert_string_equal(out, "garbage that is ");
}

static void test_days_round_trip(void **state)
{
	(void)state;
	assert_int_equal(date_to_days((date){1970, 1, 1}), 0);
	assert_int_equal(date_to_days((date){2026, 11, 25}), 20782);
	for (long d = -1000; d < 40000; d += 37) {
		date x = date_from_days(d);
		assert_int_equal(date_to_days(x), d);
	}
}

static void test_add_months_clamps(void **state)
{
	date r;
	(void)state;
	r = date_add_months((date){2024, 1, 31}, 1);
	assert_int_equal(r.y, 2024);
	assert_int_equal(r.m, 2);
	assert_int_equal(r.d, 29);
	r = date_add_months((date){2026, 11, 25}, 12);
	assert_int_equal(r.y, 2027);
	assert_int_equal(r.m, 11);
	assert_int_equal(r.d, 25);
	r = date_add_months((date){2026, 12, 31}, 2);
	assert_int_equal(r.y, 2027);
	assert_int_equal(r.m, 2);
	assert_int_equal(r.d, 28);
	r = date_add_months((date){2026, 3, 31}, -1);
	assert_int_equal(r.m, 2);
	assert_int_equal(r.d, 28);
}

/* Found by fuzzing: a month before year 0 came out as 0 or less and read
 * days[] out of bounds (the agenda reaches it after ~23 000 months back). */
static void test_add_months_before_year_zero(void **state)
{
	date r;
	(void)state;
	r = date_add_months((date){1900, 1, 31}, -22801);
	assert_int_equal(r.y, -1);
	assert_int_equal(r.m, 12);
	assert_int_equal(r.d, 31);
	r = date_add_months((date){1900, 3, 31}, -22801);
	assert_int_equal(r.y, 0);
	assert_int_equal(r.m, 2);
	assert_int_equal(r.d, 29); /* year 0 is a leap year */
	r = date_add_months((date){1900, 1, 1}, -22813);
	assert_int_equal(r.y, -2);
	assert_int_equal(r.m, 12);
	assert_int_equal(r.d, 1);
}

static void test_compare_and_format(void **state)
{
	char buf[16];
	(void)state;
	assert_int_equal(date_cmp((date){2026, 1, 1}, (date){2025, 12, 31}), 1);
	assert_int_equal(date_cmp((date){2026, 1, 1}, (date){2026, 1, 1}), 0);
	date_format((date){2026, 3, 7}, buf, sizeof buf);
	assert_string_equal(buf, "2026-03-07");
	date_format((date){9999, 12, 31}, buf, sizeof buf);
	assert_string_equal(buf, "9999-12-31");
	date_format((date){1, 1, 1}, buf, sizeof buf);
	assert_string_equal(buf, "0001-01-01");
	date_format((date){0, 0, 0}, buf, sizeof buf);
	assert_string_equal(buf, "0000-00-00");
	/* Beyond four digits, and into a short buffer, as snprintf writes. */
	date_format((date){10000, 1, 2}, buf, sizeof buf);
	assert_string_equal(buf, "10000-01-02");
	date_format((date){2026, 3, 7}, buf, 8);
	assert_string_equal(buf, "2026-03");
	{
		date d;
		char again[16];
		/* Parsing what was formatted gives the day back, every day of
		 * a leap year and of the year 9999. */
		for (int y = 2024; y <= 9999; y += 9999 - 2024) {
			for (int m = 1; m <= 12; m++)
				for (int day = 1; day <= date_days_in_month(y, m); day++) {
					date_format((date){y, m, day}, again, sizeof again);
					assert_true(date_parse(again, &d));
					assert_int_equal(d.y, y);
					assert_int_equal(d.m, m);
					assert_int_equal(d.d, day);
				}
		}
	}
}

static void test_happened_by(void **state)
{
	date today = {2026, 11, 25};
	(void)state;
	assert_true(date_happened_by((date){2026, 11, 25}, today));
	assert_true(date_happened_by((date){2026, 11, 24}, today));
	assert_true(date_happened_by((date){1999, 12, 31}, today));
	assert_false(date_happened_by((date){2026, 11, 26}, today));
	assert_false(date_happened_by((date){2026, 12, 1}, today));
	assert_false(date_happened_by((date){2027, 1, 1}, today));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_days_round_trip),
		cmocka_unit_test(test_stamps_show_in_local_time),
		cmocka_unit_test(test_add_months_clamps),
		cmocka_unit_test(test_add_months_before_year_zero),
		cmocka_unit_test(test_compare_and_format),
		cmocka_unit_test(test_happened_by),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
