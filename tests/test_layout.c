#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "tui/layout.h"

static void test_frame_at_80x24(void **state)
{
	frame_layout f = layout_frame(24, 80);
	(void)state;
	assert_false(f.too_small);
	assert_int_equal(f.title.y, 0);
	assert_int_equal(f.body.y, 2);
	assert_int_equal(f.body.h, 20);
	assert_int_equal(f.body.w, 80);
	assert_int_equal(f.bottom_rule.y, 22);
	assert_int_equal(f.status.y, 23);
}

static void test_too_small(void **state)
{
	(void)state;
	assert_true(layout_frame(24, 69).too_small);
	assert_true(layout_frame(19, 80).too_small);
	assert_false(layout_frame(20, 70).too_small);
}

static void test_columns_share_the_rest(void **state)
{
	int min[] = {3, 16, 14, 6, 8}, weight[] = {0, 4, 0, 0, 1}, w[5];
	(void)state;
	assert_true(layout_columns(77, 5, min, weight, w));
	/* 47 + 4 gaps = 51; 26 spare: 4/5 -> 20 to the item, 6 to owner. */
	assert_int_equal(w[0], 3);
	assert_int_equal(w[1], 36);
	assert_int_equal(w[2], 14);
	assert_int_equal(w[3], 6);
	assert_int_equal(w[4], 14);
	assert_false(layout_columns(50, 5, min, weight, w));
}

static void test_scroll_keeps_cursor_visible(void **state)
{
	(void)state;
	assert_int_equal(layout_scroll(0, 3, 10, 5), 0);
	assert_int_equal(layout_scroll(0, 7, 10, 5), 3);
	assert_int_equal(layout_scroll(5, 2, 10, 5), 2);
	assert_int_equal(layout_scroll(8, 9, 10, 5), 5);
	assert_int_equal(layout_scroll(0, 0, 3, 5), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_frame_at_80x24),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_columns_share_the_rest),
		cmocka_unit_test(test_scroll_keeps_cursor_visible),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
