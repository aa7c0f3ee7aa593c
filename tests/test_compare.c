/* The business impact analysis compared year over year: what changed,
 * matched by name, in a fixed order, with the texts in both languages. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model/compare.h"
#include "model/msg.h"

#define U BIA_UNSET

static const cmp_bia_process last_procs[] = {
	{"道路救援服务", true, 60, 15, 5},
	{"预约服务", true, 240, 120, 60},
	{"客户回访", false, U, U, 60},
};
static const cmp_bia_system last_sys[] = {
	{"救援调度系统", 5, 6},
	{"客服管理系统", 4, 5},
	{"CRM系统", 0, 5},
};

/* This year: rescue's RTO halved, booking unchanged, follow-up calls
 * made critical with an MTD, a new process; rescue dispatch planned at
 * the level it needs, CRM gone, a BI platform added. */
static const cmp_bia_process this_procs[] = {
	{"预约服务", true, 240, 120, 60},
	{"道路救援服务", true, 60, 30, 5},
	{"客户回访", true, 1440, U, 60},
	{"数据分析", false, U, 1440, 1440},
};
static const cmp_bia_system this_sys[] = {
	{"救援调度系统", 6, 6},
	{"客服管理系统", 4, 5},
	{"BI平台", 2, 2},
};

static const cmp_bia_year last = {last_procs, 3, last_sys, 3};
static const cmp_bia_year now = {this_procs, 4, this_sys, 3};

/* A change as "name|label|was|now|kind". */
static void text(const cmp_bia_year *a, const cmp_bia_year *b,
		 const cmp_bia_change *c, char *out, size_t len)
{
	char was[64], is[64];
	compare_bia_value(c, false, was, sizeof was);
	compare_bia_value(c, true, is, sizeof is);
	snprintf(out, len, "%s|%s|%s|%s|%s", compare_bia_name(a, b, c),
		 compare_bia_label(c), was, is, compare_bia_kind(c));
}

static void expect(const cmp_bia_year *a, const cmp_bia_year *b,
		   const char *const *want, size_t n_want)
{
	cmp_bia_change c[16];
	char line[256];
	size_t n = compare_bia(a, b, c, 16);
	assert_int_equal(n, n_want);
	for (size_t i = 0; i < n; i++) {
		text(a, b, &c[i], line, sizeof line);
		assert_string_equal(line, want[i]);
	}
}

static void test_changes_in_order(void **state)
{
	static const char *const en[] = {
		"道路救援服务|RTO|15 min|30 min|changed",
		"客户回访|critical|not critical|critical|changed",
		"客户回访|MTD|not set|24 h|changed",
		"数据分析||—|—|added",
		"救援调度系统|planned level|level 5|level 6|changed",
		"BI平台||—|—|added",
		"CRM系统||—|—|removed",
	};
	static const char *const zh[] = {
		"道路救援服务|RTO|15分钟|30分钟|有变更",
		"客户回访|关键|非关键|关键|有变更",
		"客户回访|MTD|未设定|24小时|有变更",
		"数据分析||—|—|新增",
		"救援调度系统|计划等级|5级|6级|有变更",
		"BI平台||—|—|新增",
		"CRM系统||—|—|已删除",
	};
	cmp_bia_change c[16];
	(void)state;
	msg_set_lang(LANG_EN);
	expect(&last, &now, en, 7);
	msg_set_lang(LANG_ZH);
	expect(&last, &now, zh, 7);
	msg_set_lang(LANG_EN);
	/* The indexes and figures of a change in both years. */
	assert_int_equal(compare_bia(&last, &now, c, 16), 7);
	assert_false(c[0].system);
	assert_int_equal(c[0].what, CMP_BIA_RTO);
	assert_int_equal(c[0].a, 0);
	assert_int_equal(c[0].b, 1);
	assert_int_equal(c[0].was, 15);
	assert_int_equal(c[0].now, 30);
	assert_int_equal(c[3].a, CMP_BIA_NONE);
	assert_int_equal(c[3].b, 3);
	assert_true(c[6].system);
	assert_int_equal(c[6].a, 2);
	assert_int_equal(c[6].b, CMP_BIA_NONE);
}

static void test_each_figure(void **state)
{
	cmp_bia_process p1 = {"P", false, U, U, U}, p2 = p1;
	cmp_bia_system s1 = {"S", 0, 0}, s2 = s1;
	cmp_bia_year a = {&p1, 1, &s1, 1}, b = {&p2, 1, &s2, 1};
	(void)state;
	msg_set_lang(LANG_EN);
	expect(&a, &b, NULL, 0);
	/* Every figure at once: one change each, in the order of the
	 * enumeration. */
	p2 = (cmp_bia_process){"P", true, 240, 120, 60};
	s2 = (cmp_bia_system){"S", 3, 4};
	static const char *const all[] = {
		"P|critical|not critical|critical|changed",
		"P|MTD|not set|4 h|changed",
		"P|RTO|not set|2 h|changed",
		"P|RPO|not set|1 h|changed",
		"S|planned level|none|level 3|changed",
		"S|recommended level|none|level 4|changed",
	};
	expect(&a, &b, all, 6);
	/* Back again: the same figures, the other way round. */
	static const char *const back[] = {
		"P|critical|critical|not critical|changed",
		"P|MTD|4 h|not set|changed",
		"P|RTO|2 h|not set|changed",
		"P|RPO|1 h|not set|changed",
		"S|planned level|level 3|none|changed",
		"S|recommended level|level 4|none|changed",
	};
	expect(&b, &a, back, 6);
	/* A renamed process reads as removed and added; names match
	 * exactly. */
	p2 = p1;
	s2 = s1;
	p2.name = "p";
	static const char *const renamed[] = {"p||—|—|added", "P||—|—|removed"};
	expect(&a, &b, renamed, 2);
}

static void test_empty_years_and_capacity(void **state)
{
	static const cmp_bia_year none = {NULL, 0, NULL, 0};
	cmp_bia_change c[2];
	(void)state;
	msg_set_lang(LANG_EN);
	expect(&none, &none, NULL, 0);
	/* All new: every process and system added. */
	assert_int_equal(compare_bia(&none, &now, c, 2), 7);
	assert_int_equal(c[0].what, CMP_BIA_ADDED);
	assert_int_equal(c[1].b, 1);
	/* All gone. */
	assert_int_equal(compare_bia(&last, &none, NULL, 0), 6);
	assert_int_equal(compare_bia(&last, &none, c, 1), 6);
	assert_int_equal(c[0].what, CMP_BIA_REMOVED);
	assert_string_equal(compare_bia_name(&last, &none, &c[0]), "道路救援服务");
}

static void test_heading(void **state)
{
	char line[96];
	(void)state;
	msg_set_lang(LANG_EN);
	compare_bia_heading(0, line, sizeof line);
	assert_string_equal(line, "Business impact analysis: no changes");
	compare_bia_heading(1, line, sizeof line);
	assert_string_equal(line, "Business impact analysis: 1 change");
	compare_bia_heading(3, line, sizeof line);
	assert_string_equal(line, "Business impact analysis: 3 changes");
	msg_set_lang(LANG_ZH);
	compare_bia_heading(0, line, sizeof line);
	assert_string_equal(line, "业务影响分析：无变化");
	compare_bia_heading(2, line, sizeof line);
	assert_string_equal(line, "业务影响分析：2处变化");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_changes_in_order),
		cmocka_unit_test(test_each_figure),
		cmocka_unit_test(test_empty_years_and_capacity),
		cmocka_unit_test(test_heading),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
