/* The drill reference data (questionnaires/LANG/drill.yaml) and the pure
 * rules of a drill: its evaluation, the times its marks measure against
 * the RTO, and its findings. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/drill.h"
#include "model/drill_table.h"
#include "tests/fixtures.h"

static void test_shipped_files(void **state)
{
	questionnaire en, zh;
	const drill_type *t;
	(void)state;
	fixture_questionnaire("en", &en);
	fixture_questionnaire("zh_CN", &zh);
	assert_int_equal(en.drill.n_types, 3);
	assert_int_equal(zh.drill.n_types, 3);
	assert_int_equal(en.drill.n_scenarios, 4);
	assert_int_equal(zh.drill.n_scenarios, 4);
	for (size_t i = 0; i < 3; i++)
		assert_string_equal(en.drill.types[i].key, zh.drill.types[i].key);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(en.drill.scenarios[i].key,
				    zh.drill.scenarios[i].key);

	t = drill_reference_type(&zh.drill, "tabletop");
	assert_non_null(t);
	assert_string_equal(t->name, "桌面演练");
	assert_int_equal(t->every_months, 3);
	assert_int_equal(t->cost, DRILL_LOW);
	assert_string_equal(t->duration, "2-3小时");
	assert_null(t->advice);
	t = drill_reference_type(&zh.drill, "functional");
	assert_int_equal(t->every_months, 1);
	assert_int_equal(t->cost, DRILL_MEDIUM);
	assert_string_equal(t->form, "实际操作部分环节");
	t = drill_reference_type(&zh.drill, "full");
	assert_int_equal(t->every_months, 12);
	assert_int_equal(t->cost, DRILL_HIGH);
	assert_string_equal(t->advice, "选择业务低谷期（如春节后）");
	assert_null(drill_reference_type(&zh.drill, "nope"));

	assert_string_equal(zh.drill.scenarios[0].trigger,
			    "机房主电源故障，UPS支撑30分钟");
	assert_string_equal(zh.drill.scenarios[1].name, "数据库服务器硬盘故障");
	assert_string_equal(zh.drill.scenarios[2].trigger, "勒索软件加密了生产系统");
	assert_string_equal(en.drill.scenarios[3].name, "Machine-room flood");
	assert_string_equal(en.drill.types[2].advice,
			    "Hold it in a business low, such as after the Spring "
			    "Festival");
	questionnaire_free(&en);
	questionnaire_free(&zh);
}

#define TYPE(key, every, cost)                                                \
	"  - key: " key "\n    name: N\n    every_months: " every "\n"          \
	"    form: F\n    participants: P\n    content: C\n    duration: D\n"  \
	"    cost: " cost "\n"
#define SCENARIO(key)                                                         \
	"  - key: " key "\n    name: S\n    trigger: T\n    tests: X\n"

static void expect_refusal(const char *text, const char *want)
{
	drill_reference r;
	char err[512] = "";
	assert_int_equal(drill_reference_parse(&r, "drill.yaml", text,
					       strlen(text), err, sizeof err),
			 ST_PARSE);
	assert_string_equal(err, want);
	assert_int_equal(r.n_types, 0);
	assert_int_equal(r.n_scenarios, 0);
}

static void test_good_minimal(void **state)
{
	static const char text[] = "types:\n" TYPE("a", "1", "high")
		"scenarios:\n" SCENARIO("s");
	drill_reference r;
	char err[512] = "";
	(void)state;
	assert_int_equal(drill_reference_parse(&r, "drill.yaml", text,
					       strlen(text), err, sizeof err),
			 ST_OK);
	assert_int_equal(r.n_types, 1);
	assert_string_equal(r.types[0].participants, "P");
	assert_int_equal(r.types[0].cost, DRILL_HIGH);
	assert_string_equal(r.scenarios[0].tests, "X");
	drill_reference_free(&r);
}

static void test_malformed(void **state)
{
	(void)state;
	expect_refusal("types:\n" TYPE("a", "1", "low"),
		       "drill.yaml:1: missing 'scenarios'");
	expect_refusal("types:\n" TYPE("a", "0", "low") "scenarios:\n" SCENARIO("s"),
		       "drill.yaml:4: 'every_months' must be a whole number "
		       "from 1 to 24");
	expect_refusal("types:\n" TYPE("a", "25", "low") "scenarios:\n" SCENARIO("s"),
		       "drill.yaml:4: 'every_months' must be a whole number "
		       "from 1 to 24");
	expect_refusal("types:\n" TYPE("a", "3", "cheap") "scenarios:\n" SCENARIO("s"),
		       "drill.yaml:9: 'cost' must be low, medium or high");
	expect_refusal("types:\n" TYPE("a", "3", "low") TYPE("a", "1", "low")
		       "scenarios:\n" SCENARIO("s"),
		       "drill.yaml:10: drill type 'a' is given twice");
	expect_refusal("types:\n" TYPE("a", "3", "low") "scenarios:\n"
		       SCENARIO("s") SCENARIO("t") SCENARIO("s"),
		       "drill.yaml:19: scenario 's' is given twice");
	expect_refusal("types:\n" TYPE("A b", "3", "low") "scenarios:\n" SCENARIO("s"),
		       "drill.yaml:2: 'key' must be 1 to 31 of a-z, 0-9, '.', "
		       "'_' and '-'");
	expect_refusal("types: []\nscenarios:\n" SCENARIO("s"),
		       "drill.yaml:1: 'types' is empty");
	expect_refusal("types:\n" TYPE("a", "3", "low") "scenarios: []\n",
		       "drill.yaml:10: 'scenarios' is empty");
	expect_refusal("types:\n" TYPE("a", "3", "low") "scenarios:\n"
		       "  - key: s\n    name: S\n    trigger: T\n",
		       "drill.yaml:11: missing 'tests'");
	expect_refusal("types:\n" TYPE("a", "3", "low") "    colour: red\n"
		       "scenarios:\n" SCENARIO("s"),
		       "drill.yaml:10: unknown key 'colour'");
	expect_refusal("types:\n" TYPE("a", "3", "low") "scenarios:\n"
		       "  - key: s\n    name: \"\\u202e\"\n    trigger: T\n"
		       "    tests: X\n",
		       "drill.yaml:12: 'name' contains a bidi control (U+202E)");
	expect_refusal("kinds: []\n", "drill.yaml:1: unknown key 'kinds'");
}

static void test_missing_file(void **state)
{
	drill_reference r;
	char dir[4096], err[4300] = "", want[4400];
	(void)state;
	fixture_dir(dir, sizeof dir);
	assert_int_equal(drill_reference_load(dir, &r, err, sizeof err), ST_IO);
	snprintf(want, sizeof want, "%s/drill.yaml: No such file or directory",
		 dir);
	assert_string_equal(err, want);
}


static verify_time at(const char *s)
{
	verify_time t;
	assert_true(verify_parse_time(s, &t));
	return t;
}

static void test_evaluation_summary(void **state)
{
	drill_record d;
	drill_summary m;
	(void)state;
	drill_record_init(&d);
	drill_summarise(&d, &m);
	assert_int_equal(m.unset, 9);
	assert_int_equal(m.passed, 0);
	assert_int_equal(m.failed_bits, 0);
	assert_int_equal(d.interruption, BIA_UNSET);

	d.checks[DRILL_RTO_MET] = DRILL_YES;
	d.checks[DRILL_RPO_MET] = DRILL_YES;
	d.checks[DRILL_SWITCHOVER_OK] = DRILL_NO;
	d.checks[DRILL_DATA_COMPLETE] = DRILL_YES;
	d.checks[DRILL_RESPONSE_IN_TIME] = DRILL_YES;
	d.checks[DRILL_KEY_PEOPLE] = DRILL_NO;
	d.checks[DRILL_PLAN_COMPLETE] = DRILL_NO;
	drill_summarise(&d, &m);
	assert_int_equal(m.passed, 4);
	assert_int_equal(m.failed, 3);
	assert_int_equal(m.unset, 2);
	assert_int_equal(m.tech_passed, 3);
	assert_int_equal(m.tech_failed, 1);
	assert_int_equal(m.proc_passed, 1);
	assert_int_equal(m.proc_failed, 2);
	assert_int_equal(m.failed_bits, (1u << DRILL_SWITCHOVER_OK) |
					       (1u << DRILL_KEY_PEOPLE) |
					       (1u << DRILL_PLAN_COMPLETE));
	assert_true(drill_check_is_technical(DRILL_FUNCTIONS_OK));
	assert_false(drill_check_is_technical(DRILL_RESPONSE_IN_TIME));
	assert_string_equal(drill_check_column(DRILL_TEAMS_COORDINATED),
			    "teams_coordinated");
	assert_null(drill_check_column((drill_check)DRILL_CHECKS));
	assert_int_equal(drill_check_next(DRILL_UNSET), DRILL_YES);
	assert_int_equal(drill_check_next(DRILL_YES), DRILL_NO);
	assert_int_equal(drill_check_next(DRILL_NO), DRILL_UNSET);
}

static void test_measured_times(void **state)
{
	drill_record d;
	drill_times t;
	verify_time x;
	(void)state;
	drill_record_init(&d);
	drill_measure(&d, &t);
	assert_int_equal(t.rta, BIA_UNSET);
	assert_int_equal(t.response, BIA_UNSET);

	x = at("2026-11-20 10:02");
	assert_int_equal(drill_check_mark(&d, DRILL_RECOVERY, &x),
			 DRILL_MARK_OUT_OF_ORDER);
	assert_int_equal(drill_check_mark(&d, DRILL_DECLARED, &x), DRILL_MARK_OK);
	d.marked[DRILL_DECLARED] = true;
	d.at[DRILL_DECLARED] = x;
	assert_int_equal(drill_check_mark(&d, DRILL_DECLARED, &x),
			 DRILL_MARK_TWICE);
	x = at("2026-11-20 10:01");
	assert_int_equal(drill_check_mark(&d, DRILL_RECOVERY, &x),
			 DRILL_MARK_BEFORE);
	x = at("2026-11-20 10:09");
	assert_int_equal(drill_check_mark(&d, DRILL_RECOVERY, &x), DRILL_MARK_OK);
	d.marked[DRILL_RECOVERY] = true;
	d.at[DRILL_RECOVERY] = x;
	assert_int_equal(drill_check_mark(&d, DRILL_RESTORED, &x), DRILL_MARK_OK);
	drill_measure(&d, &t);
	assert_int_equal(t.response, 7);
	assert_int_equal(t.rta, BIA_UNSET);
	assert_int_equal(t.interruption, BIA_UNSET);

	/* Over midnight: 10:09 to 02:19 the next day. */
	d.marked[DRILL_RESTORED] = true;
	d.at[DRILL_RESTORED] = at("2026-11-21 02:19");
	drill_measure(&d, &t);
	assert_int_equal(t.rta, 970);
	assert_int_equal(t.interruption, 977);

	/* Judged against the RTO: 2 h missed by 14 h 10 min; 970 min met
	 * at exactly 970. */
	target_judgement j = verify_judge(t.rta, 120);
	assert_int_equal(j.verdict, TARGET_MISSED);
	assert_int_equal(j.by, 850);
	j = verify_judge(t.rta, 970);
	assert_int_equal(j.verdict, TARGET_MET);
	assert_int_equal(verify_judge(BIA_UNSET, 120).verdict, TARGET_NO_MEASURE);
	assert_int_equal(verify_judge(t.rta, BIA_UNSET).verdict, TARGET_NO_TARGET);
}

static void test_findings(void **state)
{
	drill_finding f[3];
	const date start = {2026, 10, 20};
	(void)state;
	memset(f, 0, sizeof f);
	for (int i = 0; i < 3; i++)
		f[i].task_status = -1;
	f[0].due = (date){2026, 11, 30};
	f[1].done = true;
	f[2].task_id = 9;
	f[2].task_status = TASK_DONE;
	assert_true(drill_finding_open(&f[0]));
	assert_false(drill_finding_open(&f[1]));
	assert_false(drill_finding_open(&f[2]));
	assert_int_equal(drill_findings_open(f, 3), 1);
	f[2].task_status = TASK_BLOCKED;
	assert_int_equal(drill_findings_open(f, 3), 2);
	/* Overdue from the day after its due date. */
	assert_false(drill_finding_overdue(&f[0], (date){2026, 11, 30}));
	assert_true(drill_finding_overdue(&f[0], (date){2026, 12, 1}));
	assert_false(drill_finding_overdue(&f[1], (date){2027, 1, 1}));
	assert_false(drill_finding_overdue(&f[2], (date){2027, 1, 1}));

	/* Day 1 is the start; day 30 the end of phase 1, day 90 of phase 3. */
	assert_int_equal(drill_finding_phase(false, start, start), 0);
	assert_int_equal(drill_finding_phase(true, start, (date){2026, 10, 1}), 1);
	assert_int_equal(drill_finding_phase(true, start, start), 1);
	assert_int_equal(drill_finding_phase(true, start, (date){2026, 11, 18}), 1);
	assert_int_equal(drill_finding_phase(true, start, (date){2026, 11, 19}), 2);
	assert_int_equal(drill_finding_phase(true, start, (date){2027, 1, 17}), 3);
	assert_int_equal(drill_finding_phase(true, start, (date){2027, 1, 18}), 0);
	assert_string_equal(drill_grade_key(DRILL_MEDIUM), "medium");
	assert_null(drill_grade_key((drill_grade)3));
	drill_grade g;
	assert_true(drill_parse_grade("high", &g));
	assert_int_equal(g, DRILL_HIGH);
	assert_false(drill_parse_grade("High", &g));
	assert_string_equal(drill_mark_column(DRILL_RESTORED), "restored_at");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_files),
		cmocka_unit_test(test_good_minimal),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_evaluation_summary),
		cmocka_unit_test(test_measured_times),
		cmocka_unit_test(test_findings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
