/* Business contingency plans, the pure rules: the steps' canonical lines,
 * the line diff between an approved version and the steps now, review due
 * dates (29 February included), the state in words, and the paper
 * registration form as text (its width, columns and rows). */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/contingency.h"
#include "model/contingency_findings.h"
#include "model/msg.h"
#include "model/text.h"

#define OK(call) assert_int_equal((call), ST_OK)

static cont_step step(const char *title, int64_t minutes, const char *role,
		      const char *detail)
{
	cont_step s;
	memset(&s, 0, sizeof s);
	snprintf(s.title, sizeof s.title, "%s", title);
	s.minutes = minutes;
	snprintf(s.role, sizeof s.role, "%s", role);
	snprintf(s.detail, sizeof s.detail, "%s", detail);
	return s;
}

static void test_canonical_lines(void **state)
{
	cont_step steps[3];
	char *c;
	(void)state;
	steps[0] = step("Start paper registration", 10, "Service manager",
			"  Print the form \n\nHand it out\n");
	steps[1] = step("Talk\nto customers", CONT_NONE, "", "");
	steps[2] = step("立即切换到备用通讯方式", 0, "调度主管", "客户呼叫：转接到人工客服专线");
	assert_non_null(c = cont_canonical(steps, 3));
	assert_string_equal(c, "1. Start paper registration [10 min] (Service manager)\n"
			       "   - Print the form\n"
			       "   - Hand it out\n"
			       "2. Talk to customers\n"
			       "3. 立即切换到备用通讯方式 [0 min] (调度主管)\n"
			       "   - 客户呼叫：转接到人工客服专线\n");
	free(c);
	/* The same in Chinese: the lines a version froze do not depend on
	 * the language of whoever looks. */
	msg_set_lang(LANG_ZH);
	assert_non_null(c = cont_canonical(steps, 1));
	assert_string_equal(c, "1. Start paper registration [10 min] (Service manager)\n"
			       "   - Print the form\n"
			       "   - Hand it out\n");
	free(c);
	msg_set_lang(LANG_EN);
	assert_non_null(c = cont_canonical(steps, 0));
	assert_string_equal(c, "");
	free(c);
}

/* The diff as "SIGNtext" lines joined by '\n'. */
static char *diff_text(const char *old, const char *new, bool *changes)
{
	cont_diff_line *d;
	size_t n, len = 1;
	char *out;
	OK(cont_diff(old, new, &d, &n));
	for (size_t i = 0; i < n; i++)
		len += strlen(d[i].text) + 2;
	out = calloc(1, len);
	for (size_t i = 0; i < n; i++) {
		size_t at = strlen(out);
		out[at] = d[i].sign;
		strcpy(out + at + 1, d[i].text);
		strcat(out, "\n");
	}
	*changes = cont_diff_changes(d, n);
	cont_diff_free(d, n);
	return out;
}

static void expect_diff(const char *old, const char *new, const char *want,
			bool want_changes)
{
	bool changes;
	char *got = diff_text(old, new, &changes);
	assert_string_equal(got, want);
	assert_int_equal(changes, want_changes);
	free(got);
}

static void test_diff_lines(void **state)
{
	(void)state;
	expect_diff("a\nb\nc\n", "a\nc\nd\n", " a\n-b\n c\n+d\n", true);
	expect_diff("a\nb\n", "a\nb\n", " a\n b\n", false);
	expect_diff("", "x\ny\n", "+x\n+y\n", true);
	expect_diff("x\ny\n", "", "-x\n-y\n", true);
	expect_diff("", "", "", false);
	/* Both differ: the old line first, then the new one. */
	expect_diff("a\nb\n", "b\na\n", "-a\n b\n+a\n", true);
	/* The demo's change: a limit and a detail line more. */
	expect_diff("1. Start paper registration [15 min] (Service manager)\n"
		    "   - Print the form\n"
		    "2. Talk to customers (Service advisor)\n"
		    "   - Put up the notice\n"
		    "3. Enter the records afterwards [240 min]\n",
		    "1. Start paper registration [10 min] (Service manager)\n"
		    "   - Print the form\n"
		    "2. Talk to customers (Service advisor)\n"
		    "   - Put up the notice\n"
		    "   - Offer a small compensation\n"
		    "3. Enter the records afterwards [240 min]\n",
		    "-1. Start paper registration [15 min] (Service manager)\n"
		    "+1. Start paper registration [10 min] (Service manager)\n"
		    "    - Print the form\n"
		    " 2. Talk to customers (Service advisor)\n"
		    "    - Put up the notice\n"
		    "+   - Offer a small compensation\n"
		    " 3. Enter the records afterwards [240 min]\n",
		    true);
	/* A last line without '\n' is a line too. */
	expect_diff("a\nb", "a\nc", " a\n-b\n+c\n", true);
}

static cont_summary summary(int64_t version, const char *approved,
			    const char *reviewed, bool changed)
{
	cont_summary s;
	memset(&s, 0, sizeof s);
	snprintf(s.system, sizeof s.system, "客服管理系统");
	s.version = version;
	if (approved)
		assert_true(date_parse(approved, &s.approved_on));
	if (reviewed)
		assert_true(date_parse(reviewed, &s.reviewed_on));
	s.changed = changed;
	s.n_steps = 4;
	return s;
}

static void expect_due(const cont_summary *s, const char *want)
{
	char buf[16];
	date_format(cont_review_due(s), buf, sizeof buf);
	assert_string_equal(buf, want);
}

static date day(const char *s)
{
	date d;
	assert_true(date_parse(s, &d));
	return d;
}

static void test_review_due(void **state)
{
	cont_summary s;
	(void)state;
	/* 29 February: the next year's last day of February. */
	s = summary(1, "2024-02-29", NULL, false);
	expect_due(&s, "2025-02-28");
	assert_int_equal(cont_state(&s, day("2025-02-27")), CONT_APPROVED);
	assert_int_equal(cont_state(&s, day("2025-02-28")),
			 CONT_APPROVED | CONT_REVIEW_DUE);
	/* A review counts from its own day. */
	s = summary(1, "2024-02-29", "2025-01-10", false);
	expect_due(&s, "2026-01-10");
	assert_int_equal(cont_state(&s, day("2026-01-09")), CONT_APPROVED);
	assert_int_equal(cont_state(&s, day("2026-01-10")),
			 CONT_APPROVED | CONT_REVIEW_DUE);
	/* Reviewed on a 29 February. */
	s = summary(2, "2023-05-01", "2028-02-29", false);
	expect_due(&s, "2029-02-28");
	/* A review before the approval does not count. */
	s = summary(3, "2025-06-01", "2025-03-01", true);
	expect_due(&s, "2026-06-01");
	assert_int_equal(cont_state(&s, day("2025-12-31")),
			 CONT_APPROVED | CONT_CHANGED);
	/* Never approved: no due date, no state. */
	s = summary(0, NULL, NULL, false);
	assert_int_equal(cont_review_due(&s).y, 0);
	assert_int_equal(cont_state(&s, day("2030-01-01")), 0);
}

static void test_state_text(void **state)
{
	cont_summary s;
	char buf[512];
	(void)state;
	s = summary(0, NULL, NULL, false);
	cont_state_text(&s, day("2026-12-01"), buf, sizeof buf);
	assert_string_equal(buf, "never approved");
	s = summary(2, "2025-06-01", NULL, false);
	cont_state_text(&s, day("2026-05-31"), buf, sizeof buf);
	assert_string_equal(buf, "approved v2 on 2025-06-01");
	s.changed = true;
	cont_state_text(&s, day("2026-06-01"), buf, sizeof buf);
	assert_string_equal(buf, "approved v2 on 2025-06-01; changed since approval;"
				 " review due since 2026-06-01");
	msg_set_lang(LANG_ZH);
	cont_state_text(&s, day("2026-06-01"), buf, sizeof buf);
	assert_string_equal(buf, "已批准第2版（2025-06-01）；批准后已修改；"
				 "自2026-06-01起应复审");
	s = summary(0, NULL, NULL, false);
	cont_state_text(&s, day("2026-06-01"), buf, sizeof buf);
	assert_string_equal(buf, "从未批准");
	msg_set_lang(LANG_EN);
}

static void test_default_columns(void **state)
{
	cont_column c[CONT_DEFAULT_COLUMNS];
	(void)state;
	msg_set_lang(LANG_ZH);
	cont_default_columns(c);
	assert_string_equal(c[0], "时间");
	assert_string_equal(c[1], "车牌号");
	assert_string_equal(c[2], "客户姓名");
	assert_string_equal(c[3], "联系电话");
	assert_string_equal(c[4], "服务项目");
	assert_string_equal(c[5], "预计完成时间");
	assert_string_equal(c[6], "服务顾问");
	msg_set_lang(LANG_EN);
	cont_default_columns(c);
	assert_string_equal(c[0], "Time");
	assert_string_equal(c[5], "Expected completion");
	assert_true(cont_column_ok("车牌号"));
	assert_false(cont_column_ok(""));
	assert_false(cont_column_ok("a\tb"));
	assert_false(cont_column_ok("a\x1b[31m"));
	assert_false(cont_column_ok("123456789012345678901"));
	assert_true(cont_column_ok("12345678901234567890"));
}

/* Line k (0-based) of text into out; false past the end. */
static bool line_of(const char *text, int k, char *out, size_t len)
{
	for (int i = 0; i < k; i++) {
		const char *nl = strchr(text, '\n');
		if (!nl)
			return false;
		text = nl + 1;
	}
	if (!*text)
		return false;
	snprintf(out, len, "%.*s", (int)strcspn(text, "\n"), text);
	return true;
}

/* Every line at most 80 columns, nothing but '\n' below a space. */
static int check_lines(const char *text)
{
	int n = 0;
	char line[1024];
	for (const char *p = text; *p; p++)
		assert_true((unsigned char)*p >= 0x20 || *p == '\n');
	while (line_of(text, n, line, sizeof line)) {
		assert_true(text_width(line) <= CONT_FORM_COLS);
		n++;
	}
	return n;
}

static void test_form_zh(void **state)
{
	cont_column c[CONT_DEFAULT_COLUMNS];
	char *text, line[1024];
	int w[CONT_DEFAULT_COLUMNS];
	(void)state;
	msg_set_lang(LANG_ZH);
	cont_default_columns(c);
	cont_form f = {"华东售后服务中心", "客服管理系统", 2, day("2025-11-01"),
		       day("2026-12-01"), c, CONT_DEFAULT_COLUMNS, 3, 240};
	OK(cont_form_text(&f, &text));
	assert_int_equal(check_lines(text), 16);
	/* 54 columns of headings in 58: 4 more shared out from the left. */
	cont_form_widths(c, CONT_DEFAULT_COLUMNS, w);
	assert_int_equal(w[0], 5);
	assert_int_equal(w[1], 7);
	assert_int_equal(w[2], 9);
	assert_int_equal(w[3], 9);
	assert_int_equal(w[4], 8);
	assert_int_equal(w[5], 12);
	assert_int_equal(w[6], 8);
	line_of(text, 0, line, sizeof line);
	assert_string_equal(line, "                                 应急服务登记表");
	line_of(text, 2, line, sizeof line);
	assert_string_equal(line, "单位：华东售后服务中心    系统：客服管理系统");
	line_of(text, 3, line, sizeof line);
	assert_string_equal(line, "方案第2版，2025-11-01批准    打印日期：2026-12-01");
	line_of(text, 5, line, sizeof line);
	assert_string_equal(line, "+-------+---------+-----------+-----------+"
				  "----------+--------------+----------+");
	assert_int_equal(text_width(line), 80);
	line_of(text, 6, line, sizeof line);
	assert_string_equal(line, "| 时间  | 车牌号  | 客户姓名  | 联系电话  "
				  "| 服务项目 | 预计完成时间 | 服务顾问 |");
	assert_int_equal(text_width(line), 80);
	line_of(text, 8, line, sizeof line);
	assert_string_equal(line, "|       |         |           |           "
				  "|          |              |          |");
	line_of(text, 15, line, sizeof line);
	assert_string_equal(line, "事后补录：系统恢复后4小时内将本表记录补录到系统。");
	free(text);
	msg_set_lang(LANG_EN);
}

static void test_form_en_wraps_headings(void **state)
{
	cont_column c[CONT_DEFAULT_COLUMNS];
	char *text, line[1024];
	(void)state;
	cont_default_columns(c);
	cont_form f = {"East China", "Customer service system", 0, {0, 0, 0},
		       day("2026-12-01"), c, CONT_DEFAULT_COLUMNS, 2, CONT_NONE};
	OK(cont_form_text(&f, &text));
	/* Title, blank, 2 lines, blank, rule, 2 heading lines, rule, 2 x 2. */
	assert_int_equal(check_lines(text), 13);
	line_of(text, 3, line, sizeof line);
	assert_string_equal(line, "Plan not yet approved (draft)    Printed: 2026-12-01");
	line_of(text, 6, line, sizeof line);
	assert_string_equal(line, "| Time | Plate      | Customer   | Phone | Service "
				  "| Expected    | Service     |");
	line_of(text, 7, line, sizeof line);
	assert_string_equal(line, "|      | number     | name       |       |         "
				  "| completion  | advisor     |");
	assert_int_equal(text_width(line), 80);
	free(text);
}

static void test_form_limits(void **state)
{
	cont_column c[CONT_MAX_COLUMNS + 1];
	char *text;
	(void)state;
	for (int i = 0; i <= CONT_MAX_COLUMNS; i++)
		snprintf(c[i], sizeof c[i], "预计完成时间预计完成时间%d", i);
	cont_form f = {"u\x1b[31m", "s", 0, {0, 0, 0}, day("2026-12-01"), c,
		       CONT_MAX_COLUMNS, 1, CONT_NONE};
	/* Ten headings of 25 columns each still fit in 80. */
	OK(cont_form_text(&f, &text));
	check_lines(text);
	assert_null(strchr(text, '\x1b'));
	free(text);
	f.n_columns = CONT_MAX_COLUMNS + 1;
	assert_int_equal(cont_form_text(&f, &text), ST_INVALID);
	f.n_columns = 0;
	assert_int_equal(cont_form_text(&f, &text), ST_INVALID);
}

static cont_summary plan(const char *system, int64_t version, date approved,
			 bool changed, size_t steps)
{
	cont_summary s;
	memset(&s, 0, sizeof s);
	snprintf(s.system, sizeof s.system, "%s", system);
	s.version = version;
	s.approved_on = approved;
	s.changed = changed;
	s.n_steps = steps;
	return s;
}

/* Checklist item 7 by the plans against the critical systems. */
static void test_checklist_findings(void **state)
{
	static const char *const critical[] = {"WMS", "CRM"};
	cont_summary p[3];
	cont_find_input in = {p, 0, critical, 2, {2026, 11, 25}};
	item_findings f;

	(void)state;
	msg_set_lang(LANG_EN);
	cont_checklist_findings(&in, &f);
	assert_string_equal(f.item, "contingency");
	assert_int_equal(f.source, FIND_RECORDS);
	assert_false(f.supports_done);
	assert_int_equal(f.n_lines, 3);
	assert_string_equal(f.lines[0], "Plans: no business contingency plan recorded (§4.3)");
	assert_string_equal(f.lines[1], "Plans: no plan for WMS, which critical processes use");
	assert_string_equal(f.lines[2], "Plans: no plan for CRM, which critical processes use");

	/* Approved 2025-11-25 is due for review on 2026-11-25, that day. */
	p[0] = plan("WMS", 2, (date){2025, 11, 25}, false, 4);
	p[1] = plan("CRM", 1, (date){2026, 6, 1}, true, 3);
	p[2] = plan("Paper", 0, (date){0, 0, 0}, false, 2);
	in.n_plans = 3;
	cont_checklist_findings(&in, &f);
	assert_false(f.supports_done);
	assert_int_equal(f.n_lines, 3);
	assert_string_equal(f.lines[0], "Plans: the plan for WMS was due for review on 2026-11-25");
	assert_string_equal(f.lines[1], "Plans: the plan for CRM changed since v1 was approved");
	assert_string_equal(f.lines[2], "Plans: the plan for Paper was never approved");

	/* Every plan current: the done is borne out. */
	p[0].approved_on = (date){2025, 11, 26};
	p[1].changed = false;
	p[2].n_steps = 0;
	cont_checklist_findings(&in, &f);
	assert_false(f.supports_done);
	assert_int_equal(f.n_lines, 1);
	assert_string_equal(f.lines[0], "Plans: the plan for Paper has no steps");
	in.n_plans = 2;
	cont_checklist_findings(&in, &f);
	assert_true(f.supports_done);
	assert_int_equal(f.n_lines, 1);
	assert_string_equal(f.lines[0], "Plans: 2 plans approved and current, covering the 2 critical systems");
	msg_set_lang(LANG_ZH);
	cont_checklist_findings(&in, &f);
	assert_string_equal(f.lines[0], "业务应急方案：2个应急方案均已审批且在有效期内，覆盖全部2个关键系统");
	/* One critical system uncovered. */
	in.n_plans = 1;
	cont_checklist_findings(&in, &f);
	assert_false(f.supports_done);
	assert_string_equal(f.lines[0], "业务应急方案：CRM支撑关键业务流程，却没有应急方案");
	msg_set_lang(LANG_EN);
}

int main(void)
{
	/* Display widths need a UTF-8 LC_CTYPE, as moat sets at start-up. */
	setlocale(LC_CTYPE, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_lines),
		cmocka_unit_test(test_diff_lines),
		cmocka_unit_test(test_review_due),
		cmocka_unit_test(test_state_text),
		cmocka_unit_test(test_default_columns),
		cmocka_unit_test(test_form_zh),
		cmocka_unit_test(test_form_en_wraps_headings),
		cmocka_unit_test(test_form_limits),
		cmocka_unit_test(test_checklist_findings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
