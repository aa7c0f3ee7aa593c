/* The group view's pure part: sorting by every kind of column either way
 * with ties broken by name and missing values last, the region filter
 * and the regions present, column keys, cells and the layout in 80
 * columns. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model/group.h"
#include "model/msg.h"

/* A unit with a year at level, its region and some figures. */
static group_row row(int64_t id, const char *name, const char *region,
		     int level, size_t overdue)
{
	group_row r;
	memset(&r, 0, sizeof r);
	r.unit_id = id;
	snprintf(r.name, sizeof r.name, "%s", name);
	snprintf(r.region, sizeof r.region, "%s", region);
	r.has_year = level > 0;
	r.year = 2026;
	r.level = level;
	snprintf(r.risk, sizeof r.risk, "%s", level == 1 ? "very high" : "high");
	r.items_total = 10;
	r.duties_overdue = overdue;
	return r;
}

/* The names of rows, comma-separated, for one comparison. */
static const char *names(const group_row *rows, size_t n)
{
	static char buf[512];
	buf[0] = 0;
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(buf, ",");
		strcat(buf, rows[i].name);
	}
	return buf;
}

static void set_of_five(group_row v[5])
{
	v[0] = row(1, "Echo", "South", 2, 3);
	v[1] = row(2, "Alpha", "East", 1, 0);
	v[2] = row(3, "Delta", "", 0, 1); /* no year yet */
	v[3] = row(4, "Charlie", "East", 2, 3);
	v[4] = row(5, "Bravo", "South", 3, 0);
}

static void test_sort_by_name(void **state)
{
	group_row v[5];
	(void)state;
	set_of_five(v);
	group_sort(v, 5, GROUP_COL_NAME, false);
	assert_string_equal(names(v, 5), "Alpha,Bravo,Charlie,Delta,Echo");
	group_sort(v, 5, GROUP_COL_NAME, true);
	assert_string_equal(names(v, 5), "Echo,Delta,Charlie,Bravo,Alpha");
}

static void test_sort_level_ties_and_missing(void **state)
{
	group_row v[5];
	(void)state;
	set_of_five(v);
	/* Charlie and Echo tie at level 2: by name, whichever direction;
	 * Delta has no year and goes last both ways. */
	group_sort(v, 5, GROUP_COL_LEVEL, false);
	assert_string_equal(names(v, 5), "Alpha,Charlie,Echo,Bravo,Delta");
	group_sort(v, 5, GROUP_COL_LEVEL, true);
	assert_string_equal(names(v, 5), "Bravo,Charlie,Echo,Alpha,Delta");
	/* Risk is the level the other way round: the highest risk first. */
	group_sort(v, 5, GROUP_COL_RISK, false);
	assert_string_equal(names(v, 5), "Bravo,Charlie,Echo,Alpha,Delta");
}

static void test_sort_counts(void **state)
{
	group_row v[5];
	(void)state;
	set_of_five(v);
	/* Regions by name, each by unit name; Delta, without one, last. */
	group_sort(v, 5, GROUP_COL_REGION, false);
	assert_string_equal(names(v, 5), "Alpha,Charlie,Bravo,Echo,Delta");
	group_sort(v, 5, GROUP_COL_REGION, true);
	assert_string_equal(names(v, 5), "Bravo,Echo,Alpha,Charlie,Delta");
	/* Overdue duties are the unit's own: Delta has a value too. */
	group_sort(v, 5, GROUP_COL_OVERDUE, true);
	assert_string_equal(names(v, 5), "Charlie,Echo,Delta,Alpha,Bravo");
	group_sort(v, 5, GROUP_COL_OVERDUE, false);
	assert_string_equal(names(v, 5), "Alpha,Bravo,Delta,Charlie,Echo");
	/* The same sort twice gives the same order (stable, total). */
	group_sort(v, 5, GROUP_COL_OVERDUE, false);
	assert_string_equal(names(v, 5), "Alpha,Bravo,Delta,Charlie,Echo");
}

static void test_sort_ratios(void **state)
{
	group_row v[4];
	(void)state;
	v[0] = row(1, "A", "", 2, 0);
	v[1] = row(2, "B", "", 2, 0);
	v[2] = row(3, "C", "", 2, 0);
	v[3] = row(4, "D", "", 2, 0);
	/* RTA/RTO: A 90/60 = 150 %, B 30/120 = 25 %, C 60/240 = 25 %, D none. */
	v[0].has_worst = v[1].has_worst = v[2].has_worst = true;
	v[0].worst_rta = 90, v[0].worst_rto = 60;
	v[1].worst_rta = 30, v[1].worst_rto = 120;
	v[2].worst_rta = 60, v[2].worst_rto = 240;
	group_sort(v, 4, GROUP_COL_RTA, true);
	assert_string_equal(names(v, 4), "A,B,C,D");
	group_sort(v, 4, GROUP_COL_RTA, false);
	assert_string_equal(names(v, 4), "B,C,A,D");
	assert_int_equal(group_rta_percent(&v[2]), 150);
	group_sort(v, 4, GROUP_COL_NAME, false);
	/* Programme by the share done: 1/4 < 2/3 < 3/4; none last. */
	v[0].has_programme = v[1].has_programme = v[2].has_programme = true;
	v[0].tasks_done = 3, v[0].tasks_total = 4;
	v[1].tasks_done = 1, v[1].tasks_total = 4;
	v[2].tasks_done = 2, v[2].tasks_total = 3;
	group_sort(v, 4, GROUP_COL_PROGRAMME, false);
	assert_string_equal(names(v, 4), "B,C,A,D");
}

static void test_region_filter(void **state)
{
	group_row v[5];
	const char *regions[4];
	(void)state;
	set_of_five(v);
	assert_int_equal(group_regions(v, 5, regions, 4), 2);
	assert_string_equal(regions[0], "East");
	assert_string_equal(regions[1], "South");
	/* With no room the count still says how many. */
	assert_int_equal(group_regions(v, 5, NULL, 0), 2);
	assert_int_equal(group_filter_region(v, 5, NULL), 5);
	assert_int_equal(group_filter_region(v, 5, ""), 5);
	assert_int_equal(group_filter_region(v, 5, "South"), 2);
	assert_string_equal(names(v, 2), "Echo,Bravo");
	assert_int_equal(group_filter_region(v, 2, "North"), 0);
}

static void test_keys_and_cells(void **state)
{
	group_row r = row(1, "Echo", "", 2, 3);
	group_col c;
	char buf[128];
	(void)state;
	for (int i = 0; i < GROUP_COLS; i++) {
		assert_true(group_col_parse(group_col_key((group_col)i), &c));
		assert_int_equal(c, i);
	}
	assert_false(group_col_parse("Level", &c));
	r.prev_level = 1;
	group_cell_text(&r, GROUP_COL_LEVEL, buf, sizeof buf);
	assert_string_equal(buf, "L2 ↑");
	r.prev_level = 2;
	group_cell_text(&r, GROUP_COL_LEVEL, buf, sizeof buf);
	assert_string_equal(buf, "L2 →");
	r.prev_level = 0;
	group_cell_text(&r, GROUP_COL_LEVEL, buf, sizeof buf);
	assert_string_equal(buf, "L2");
	r.items_done = 6;
	group_cell_text(&r, GROUP_COL_CHECKLIST, buf, sizeof buf);
	assert_string_equal(buf, "6/10");
	group_cell_text(&r, GROUP_COL_PROGRAMME, buf, sizeof buf);
	assert_string_equal(buf, "-");
	r.has_programme = true;
	r.day = 37, r.tasks_done = 5, r.tasks_total = 14;
	group_cell_text(&r, GROUP_COL_PROGRAMME, buf, sizeof buf);
	assert_string_equal(buf, "d37 5/14");
	r.day = 91;
	group_cell_text(&r, GROUP_COL_PROGRAMME, buf, sizeof buf);
	assert_string_equal(buf, "end 5/14");
	r.has_year = false;
	group_cell_text(&r, GROUP_COL_RISK, buf, sizeof buf);
	assert_string_equal(buf, "no year");
	group_cell_text(&r, GROUP_COL_LEVEL, buf, sizeof buf);
	assert_string_equal(buf, "-");
	msg_set_lang(LANG_ZH);
	group_cell_text(&r, GROUP_COL_RISK, buf, sizeof buf);
	assert_string_equal(buf, "无评估");
	msg_set_lang(LANG_EN);
}

static void test_layout(void **state)
{
	group_row v[5];
	group_col shown[GROUP_COLS];
	int w[GROUP_COLS];
	size_t k;
	(void)state;
	set_of_five(v);
	/* Wide: every column, the region among them. */
	k = group_layout(v, 5, 200, shown, w);
	assert_int_equal(k, GROUP_COLS);
	assert_int_equal(shown[0], GROUP_COL_NAME);
	assert_int_equal(w[0], 7); /* "Charlie" */
	/* Narrow: the name, then by priority while they fit. */
	k = group_layout(v, 5, 30, shown, w);
	assert_int_equal(shown[0], GROUP_COL_NAME);
	assert_int_equal(shown[1], GROUP_COL_REGION);
	assert_int_equal(shown[2], GROUP_COL_LEVEL);
	assert_int_equal(shown[3], GROUP_COL_RISK);
	{
		int used = 0;
		for (size_t i = 0; i < k; i++)
			used += w[i] + (i ? 1 : 0);
		assert_true(used <= 30);
	}
	/* Without any region, no region column. */
	for (int i = 0; i < 5; i++)
		v[i].region[0] = 0;
	k = group_layout(v, 5, 200, shown, w);
	assert_int_equal(k, GROUP_COLS - 1);
	for (size_t i = 0; i < k; i++)
		assert_int_not_equal(shown[i], GROUP_COL_REGION);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_by_name),
		cmocka_unit_test(test_sort_level_ties_and_missing),
		cmocka_unit_test(test_sort_counts),
		cmocka_unit_test(test_sort_ratios),
		cmocka_unit_test(test_region_filter),
		cmocka_unit_test(test_keys_and_cells),
		cmocka_unit_test(test_layout),
	};
	msg_set_lang(LANG_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
