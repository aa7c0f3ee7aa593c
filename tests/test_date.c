#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

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

static void test_compare_and_format(void **state)
{
	char buf[16];
	(void)state;
	assert_int_equal(date_cmp((date){2026, 1, 1}, (date){2025, 12, 31}), 1);
	assert_int_equal(date_cmp((date){2026, 1, 1}, (date){2026, 1, 1}), 0);
	date_format((date){2026, 3, 7}, buf, sizeof buf);
	assert_string_equal(buf, "2026-03-07");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_days_round_trip),
		cmocka_unit_test(test_add_months_clamps),
		cmocka_unit_test(test_compare_and_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
