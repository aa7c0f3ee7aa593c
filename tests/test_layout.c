#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
	assert_int_equal(layout_keep(2, 7, 5), 5);
	assert_int_equal(layout_keep(6, 7, SIZE_MAX), 6);
	assert_int_equal(layout_keep(6, 4, SIZE_MAX), 3);
	assert_int_equal(layout_keep(3, 0, SIZE_MAX), 0);
	assert_int_equal(layout_keep(3, 0, 0), 0);
	assert_int_equal(layout_scroll(0, 3, 10, 5), 0);
	assert_int_equal(layout_scroll(0, 7, 10, 5), 3);
	assert_int_equal(layout_scroll(5, 2, 10, 5), 2);
	assert_int_equal(layout_scroll(8, 9, 10, 5), 5);
	assert_int_equal(layout_scroll(0, 0, 3, 5), 0);
}

/* share(room, need...) as "a,b,c" */
static const char *share(int room, int n, const int *need)
{
	static char out[64];
	int got[8], o = 0;
	assert_true(n <= 8);
	layout_share(room, n, need, got);
	for (int i = 0; i < n; i++)
		o += snprintf(out + o, sizeof out - o, "%s%d", i ? "," : "", got[i]);
	return out;
}

static void test_share_gives_each_what_it_needs(void **state)
{
	/* The item screen: question, why, what counts, evidence rows. */
	static const int item[] = {1, 3, 3, 1}, long_texts[] = {2, 6, 5, 9};
	static const int none[] = {0, 4, 0};
	(void)state;
	/* Room for all. */
	assert_string_equal(share(14, 4, item), "1,3,3,1");
	assert_string_equal(share(8, 4, item), "1,3,3,1");
	/* Short: the small ones keep theirs, the others split the rest, the
	 * earlier taking the odd row. */
	assert_string_equal(share(7, 4, item), "1,3,2,1");
	assert_string_equal(share(12, 4, long_texts), "2,4,3,3");
	assert_string_equal(share(14, 4, long_texts), "2,4,4,4");
	/* Less room than blocks: one row each, in order. */
	assert_string_equal(share(3, 4, item), "1,1,1,0");
	assert_string_equal(share(0, 4, item), "0,0,0,0");
	assert_string_equal(share(-2, 4, item), "0,0,0,0");
	/* A block that needs nothing gets nothing. */
	assert_string_equal(share(10, 3, none), "0,4,0");
	assert_string_equal(share(2, 3, none), "0,2,0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_frame_at_80x24),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_columns_share_the_rest),
		cmocka_unit_test(test_scroll_keeps_cursor_visible),
		cmocka_unit_test(test_share_gives_each_what_it_needs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
