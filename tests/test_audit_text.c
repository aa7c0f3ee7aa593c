#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/audit_text.h"
#include "model/store_bia.h"
#include "model/msg.h"
#include "model/store.h"
#include "tests/fixtures.h"

static char *shown(audit_kind k, const char *v)
{
	static char out[256];
	audit_value_text(k, v, out, sizeof out);
	return out;
}

static void test_each_kind_as_typed(void **state)
{
	(void)state;
	msg_set_lang(LANG_EN);
	assert_string_equal(shown(AV_MONEY, "30000"), "300");
	assert_string_equal(shown(AV_MONEY, "1250"), "12.50");
	assert_string_equal(shown(AV_PERCENT_BP, "800"), "8 %");
	assert_string_equal(shown(AV_PERCENT_BP, "850"), "8.50 %");
	assert_string_equal(shown(AV_PERCENT, "30"), "30 %");
	assert_string_equal(shown(AV_DECIMAL, "1.500"), "1.5");
	assert_string_equal(shown(AV_DECIMAL, "2"), "2");
	assert_string_equal(shown(AV_MONTHS, "12"), "12 months");
	assert_string_equal(shown(AV_ITEM_STATE, "in_progress"), "in progress");
	assert_string_equal(shown(AV_ANSWER, "na"), "not applicable");
	assert_string_equal(shown(AV_YEAR_STATUS, "final"), "final");
	assert_string_equal(shown(AV_TASK_STATUS, "blocked"), "blocked");
	assert_string_equal(shown(AV_CONTACT, "commander | Wang Wu | 137-xxxx-xxxx  |"
					      "  | 3 I/II example"),
			    "Wang Wu, 137-xxxx-xxxx, order 3, levels I/II, example");
	assert_string_equal(shown(AV_CONTACT, "it_lead | Zhang San | 139-1 139-2 |"
					      " Zhao Liu 136 | 1 I-IV"),
			    "Zhang San, 139-1 139-2, alternate Zhao Liu 136, order 1,"
			    " levels I-IV");
	assert_int_equal(audit_value_kind("contact", "added", "Wang Wu"), AV_CONTACT);
	assert_int_equal(audit_value_kind("contact", "confirmed", "Wang Wu"), AV_TEXT);
	assert_string_equal(shown(AV_CLASS, "Core (rescue, customer service) L4-5 30000"),
			    "Core (rescue, customer service), DR level 4-5, 300");
	/* Text, dates and amounts the store formatted stay as they are. */
	assert_string_equal(shown(AV_TEXT, "2026-11-10"), "2026-11-10");
	assert_string_equal(shown(AV_TEXT, "300"), "300");
	assert_string_equal(shown(AV_TEXT, "first line\nsecond"), "first line");
	assert_string_equal(shown(AV_TEXT, NULL), "—");
	assert_string_equal(shown(AV_TEXT, ""), "—");
	/* A value not of its kind is shown as stored, never misread. */
	assert_string_equal(shown(AV_MONEY, "abc"), "abc");
	assert_string_equal(shown(AV_CLASS, "no levels here"), "no levels here");
	assert_string_equal(shown(AV_TASK_STATUS, "later"), "later");

	msg_set_lang(LANG_ZH);
	assert_string_equal(shown(AV_MONTHS, "6"), "6 个月");
	assert_string_equal(shown(AV_ITEM_STATE, "done"), "已完成");
	assert_string_equal(shown(AV_YEAR_STATUS, "draft"), "草稿");
	assert_string_equal(shown(AV_TASK_STATUS, "blocked"), "受阻");
	assert_string_equal(shown(AV_ANSWER, "partly"), "部分满足");
	assert_string_equal(shown(AV_CLASS, "核心系统 L3-5 15000"), "核心系统，灾备等级3-5，150");
	msg_set_lang(LANG_EN);
}

static void test_kinds_of_what_the_store_writes(void **state)
{
	(void)state;
	assert_int_equal(audit_value_kind("invest", "class", "Core"), AV_CLASS);
	assert_int_equal(audit_value_kind("invest", "added", "Core"), AV_TEXT);
	assert_int_equal(audit_value_kind("param", "value", "roi.rate_bp"), AV_PERCENT_BP);
	assert_int_equal(audit_value_kind("param", "value", "roi.horizon"), AV_TEXT);
	assert_int_equal(audit_value_kind("param", "value", "inv.uniform"), AV_MONEY);
	assert_int_equal(audit_value_kind("param", "value", "inv.hybrid_lo"), AV_PERCENT);
	assert_int_equal(audit_value_kind("param", "value", "inv.ha_rto_after"), AV_TEXT);
	assert_int_equal(audit_value_kind("param", "value", "currency"), AV_TEXT);
	assert_int_equal(audit_value_kind("roi", "amount", "DR"), AV_TEXT);
	assert_int_equal(audit_value_kind("roi", "incidents", "DR"), AV_DECIMAL);
	assert_int_equal(audit_value_kind("roi", "item", "DR"), AV_ITEM_KEY);
	assert_int_equal(audit_value_kind("task", "status", "T"), AV_TASK_STATUS);
	assert_int_equal(audit_value_kind("item", "state", "bia"), AV_ITEM_STATE);
	assert_int_equal(audit_value_kind("assessment", "status", "2026"), AV_YEAR_STATUS);
	assert_int_equal(audit_value_kind("unit", "validity_months", "U"), AV_MONTHS);
	assert_int_equal(audit_value_kind("evidence", "valid_months", "bia"), AV_MONTHS);
	assert_int_equal(audit_value_kind("evidence", "review_date", "bia"), AV_TEXT);
}

/* The newest n entries of the log, shown as the audit screen shows them,
 * "subject | change" newest first, joined with newlines. */
static void newest(store *s, const questionnaire *q, size_t n, char *out,
		   size_t outlen)
{
	audit_list l;
	size_t used = 0;
	out[0] = '\0';
	assert_int_equal(store_audit_list(s, NULL, NULL, n, &l), ST_OK);
	for (size_t i = 0; i < l.n; i++) {
		char subj[256], change[600];
		audit_subject(q, &l.v[i], subj, sizeof subj);
		audit_change(q, &l.v[i], change, sizeof change);
		used += (size_t)snprintf(out + used, outlen - used, "%s%s | %s",
					 i ? "\n" : "", subj, change);
	}
	audit_list_free(&l);
}

/* Every kind of write, read back from the log as the screen shows it:
 * what the store wrote is shown as it was typed. */
static void test_the_log_as_written_by_the_store(void **state)
{
	questionnaire q, qz;
	char path[512], err[256], log[4096];
	store *s;
	int64_t unit_id, aid, pid;
	invest_class c = {0, "Core", 4, 5, 30000};
	roi_line l = {0, ROI_LOSS, "Outage", 15000, 1000};
	plan_task *tasks;
	size_t n;
	(void)state;

	fixture_questionnaire("en", &q);
	fixture_db_path(path, sizeof path);
	msg_set_lang(LANG_EN);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	assert_int_equal(store_unit_create(s, "U", "a", &unit_id), ST_OK);
	assert_int_equal(store_assessment_create(s, unit_id, 2026, "a", &aid), ST_OK);
	assert_int_equal(store_invest_class_add(s, unit_id, &c, "a", &c.id), ST_OK);
	c.amount = 45050;
	c.level_low = 3;
	assert_int_equal(store_invest_class_update(s, &c, "a"), ST_OK);
	snprintf(c.name, sizeof c.name, "Core systems");
	assert_int_equal(store_invest_class_update(s, &c, "a"), ST_OK);
	newest(s, &q, 1, log, sizeof log);
	assert_string_equal(log,
		"class Core systems | DR levels and amount: Core, DR level 3-5, 450.50 → "
		"Core systems, DR level 3-5, 450.50");
	snprintf(c.name, sizeof c.name, "Core");
	assert_int_equal(store_invest_class_update(s, &c, "a"), ST_OK);
	assert_int_equal(store_param_set(s, unit_id, ROI_PARAM_RATE, 800, "a"), ST_OK);
	assert_int_equal(store_param_set(s, unit_id, "inv.self_up_lo", 200000, "a"), ST_OK);
	assert_int_equal(store_param_set(s, unit_id, "inv.hybrid_hi", 45, "a"), ST_OK);
	assert_int_equal(store_roi_line_add(s, unit_id, &l, "a", &l.id), ST_OK);
	l.incidents_milli = 1500;
	assert_int_equal(store_roi_line_update(s, &l, "a"), ST_OK);
	assert_int_equal(store_state_set(s, aid, "dr_site", ITEM_IN_PROGRESS, "a"), ST_OK);
	assert_int_equal(store_unit_set_validity(s, unit_id, 6, "a"), ST_OK);
	newest(s, &q, 8, log, sizeof log);
	assert_string_equal(log,
		"unit U | default validity: 12 months → 6 months\n"
		"3 DR site / architecture | state: not started → in progress\n"
		"ROI Outage | incidents a year: 1 → 1.5\n"
		"ROI Outage | added: — → 150\n"
		"Hybrid saves (%), high | value: — → 45 %\n"
		"Self-built: up front, low | value: — → 2000\n"
		"Discount rate (%) | value: — → 8 %\n"
		"class Core | DR levels and amount: Core systems, DR level 3-5, 450.50 → "
		"Core, DR level 3-5, 450.50");
	/* A class that kept its name is named once, as the subject. */
	newest(s, &q, 20, log, sizeof log);
	assert_non_null(strstr(log, "class Core | DR levels and amount: DR level 4-5, 300 → "
				    "DR level 3-5, 450.50\n"));

	assert_int_equal(store_programme_start(s, unit_id, &q, (date){2026, 10, 20},
					       (date){2027, 1, 18}, "a", &pid), ST_OK);
	assert_int_equal(store_tasks(s, pid, &tasks, &n), ST_OK);
	tasks[0].status = TASK_BLOCKED;
	snprintf(tasks[0].note, sizeof tasks[0].note, "waiting for the budget");
	snprintf(tasks[0].item, sizeof tasks[0].item, "dr_site");
	assert_int_equal(store_task_update(s, &tasks[0], (date){2026, 11, 2}, "a"), ST_OK);
	assert_int_equal(store_assessment_finalise(s, aid, (date){2026, 11, 2}, 1, "a"), ST_OK);

	/* In Chinese, no English word but what the user typed. */
	msg_set_lang(LANG_ZH);
	fixture_questionnaire("zh_CN", &qz);
	newest(s, &qz, 3, log, sizeof log);
	{
		char want[2 * sizeof tasks[0].title + 256];
		snprintf(want, sizeof want,
			 "年度 2026 | 状态：草稿 → 已定稿\n"
			 "任务 %s | 关联检查项：1 业务影响分析 → 3 灾备架构\n"
			 "任务 %s | 备注：— → waiting for the budget",
			 tasks[0].title, tasks[0].title);
		assert_string_equal(log, want);
	}
	newest(s, &qz, 20, log, sizeof log);
	assert_non_null(strstr(log, "折现率（%） | 数值：— → 8 %"));
	assert_non_null(strstr(log, "类别 Core | 灾备等级与金额：灾备等级4-5，300 → 灾备等级3-5，450.50"));
	assert_non_null(strstr(log, "单位 U | 默认有效期：12 个月 → 6 个月"));
	assert_non_null(strstr(log, "| 状态：未开始 → 受阻"));
	msg_set_lang(LANG_EN);
	free(tasks);
	store_close(s);
	questionnaire_free(&q);
	questionnaire_free(&qz);
}

/* A cost line's checklist item reads as the item's number and title. */
static void test_the_roi_item_entries(void **state)
{
	questionnaire q, qz;
	char path[512], err[256], log[1024];
	store *s;
	int64_t unit_id;
	roi_line l = {0, ROI_ONE_OFF, "DR centre", 30000, 1000, "dr_site"};
	(void)state;

	fixture_questionnaire("en", &q);
	fixture_questionnaire("zh_CN", &qz);
	fixture_db_path(path, sizeof path);
	msg_set_lang(LANG_EN);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	assert_int_equal(store_unit_create(s, "U", "a", &unit_id), ST_OK);
	assert_int_equal(store_roi_line_add(s, unit_id, &l, "a", &l.id), ST_OK);
	snprintf(l.item, sizeof l.item, "team");
	assert_int_equal(store_roi_line_update(s, &l, "a"), ST_OK);
	l.item[0] = '\0';
	assert_int_equal(store_roi_line_update(s, &l, "a"), ST_OK);
	newest(s, &q, 4, log, sizeof log);
	assert_string_equal(log,
		"ROI DR centre | checklist item: 9 Emergency team formed and trained → —\n"
		"ROI DR centre | checklist item: 3 DR site / architecture → "
		"9 Emergency team formed and trained\n"
		"ROI DR centre | checklist item: — → 3 DR site / architecture\n"
		"ROI DR centre | added: — → 300");
	msg_set_lang(LANG_ZH);
	newest(s, &qz, 1, log, sizeof log);
	assert_string_equal(log, "投资回报 DR centre | 关联检查项：9 应急团队 → —");
	msg_set_lang(LANG_EN);
	store_close(s);
	questionnaire_free(&q);
	questionnaire_free(&qz);
}

/* The analysis's entries read as the audit screen shows them: durations
 * as written, ratings by the reference's names, no stored keys. */
static void test_the_bia_entries(void **state)
{
	questionnaire q;
	char path[512], err[256], log[4096];
	store *s;
	int64_t unit_id, aid, pid, yid;
	bia_process p;
	bia_system y;
	bia_row row;
	static const int64_t durations[] = {15, 60, 240, 1440};
	(void)state;

	msg_set_lang(LANG_ZH);
	fixture_questionnaire("zh_CN", &q);
	fixture_db_path(path, sizeof path);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	assert_int_equal(store_unit_create(s, "U", "a", &unit_id), ST_OK);
	assert_int_equal(store_assessment_create(s, unit_id, 2026, "a", &aid), ST_OK);
	assert_int_equal(store_bia_set_durations(s, aid, durations, 4, "a"), ST_OK);
	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "道路救援");
	p.daily_volume = BIA_UNSET;
	p.rto = BIA_UNSET;
	assert_int_equal(store_bia_process_save(s, aid, &p, "a", &pid), ST_OK);
	memset(&row, 0, sizeof row);
	row.minutes = 240;
	row.loss = 300000;
	row.cell[BIA_CUSTOMER].rating = BIA_RATING_HIGH;
	row.cell[BIA_REPUTATION].rating = BIA_RATING_EXTREME;
	assert_int_equal(store_bia_impact_set(s, pid, &row, "a"), ST_OK);
	p.id = pid;
	p.critical = true;
	p.mtd_chosen = true;
	p.mtd = 240;
	snprintf(p.mtd_reason, sizeof p.mtd_reason, "安全问题");
	p.rto = 90;
	assert_int_equal(store_bia_process_save(s, aid, &p, "a", &pid), ST_OK);
	memset(&y, 0, sizeof y);
	snprintf(y.name, sizeof y.name, "救援调度系统");
	assert_int_equal(store_bia_system_save(s, aid, &y, "a", &yid), ST_OK);
	y.id = yid;
	y.importance = BIA_RATING_HIGH;
	assert_int_equal(store_bia_system_save(s, aid, &y, "a", &yid), ST_OK);
	assert_int_equal(store_bia_use_set(s, pid, yid, true, "a"), ST_OK);
	assert_int_equal(store_param_set(s, unit_id, BIA_PARAM_MARGIN, 400, "a"), ST_OK);
	newest(s, &q, 11, log, sizeof log);
	assert_string_equal(log,
		"安全裕度警戒线（%） | 数值：— → 40 %\n"
		"依赖 道路救援 -> 救援调度系统 | 关联：— → 是\n"
		"系统 救援调度系统 | 重要性：无 → 高\n"
		"系统 救援调度系统 | 添加：— → 救援调度系统\n"
		"业务流程 道路救援 | RTO：— → 1小时30分钟\n"
		"业务流程 道路救援 | MTD设定理由：— → 安全问题\n"
		"业务流程 道路救援 | MTD（手动设定）：— → 4小时\n"
		"业务流程 道路救援 | 关键：否 → 是\n"
		"道路救援中断4小时的影响 | 评级：损失0；财务损失无，客户影响无，法律风险无，"
		"声誉影响无 → 损失3000；财务损失无，客户影响高，法律风险无，声誉影响极高\n"
		"业务流程 道路救援 | 添加：— → 道路救援\n"
		"中断时长 | 时长：— → 15分钟，1小时，4小时，24小时");
	store_close(s);
	questionnaire_free(&q);
	msg_set_lang(LANG_EN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_kind_as_typed),
		cmocka_unit_test(test_kinds_of_what_the_store_writes),
		cmocka_unit_test(test_the_log_as_written_by_the_store),
		cmocka_unit_test(test_the_roi_item_entries),
		cmocka_unit_test(test_the_bia_entries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
