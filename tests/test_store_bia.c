/* The business impact analysis as stored: the demo's figures read back,
 * the refusals (an RTO not under the MTD, a name twice, a finalised
 * year), the durations' replacement, deleting with the links, the audit
 * entries and the copy into the next year. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/demo.h"
#include "model/demo_bia.h"
#include "model/msg.h"
#include "model/report.h"
#include "model/store.h"
#include "model/bia_view.h"
#include "model/store_bia.h"
#include "tests/fixtures.h"

static const date today = {2026, 11, 25};

typedef fixture_demo ctx;

static long find_process(const bia_data *d, const char *name)
{
	for (size_t i = 0; i < d->n_processes; i++)
		if (strcmp(d->processes[i].name, name) == 0)
			return (long)i;
	fail_msg("no process %s", name);
	return -1;
}

static long find_system(const bia_data *d, const char *name)
{
	for (size_t i = 0; i < d->n_systems; i++)
		if (strcmp(d->systems[i].name, name) == 0)
			return (long)i;
	fail_msg("no system %s", name);
	return -1;
}

/* The demo holds the document's analysis: 8 processes (6 critical), the
 * road-rescue grid, the MTDs 1 h (suggested), 4 h and 8 h (chosen), the
 * RTOs and the margins 75 %, 50 %, 50 %; the roll-up of §1.2's RPOs. */
static void test_demo_reads_back(void **state)
{
	ctx *c = *state;
	bia_data d;
	bia_system_need need[16];
	bia_rollup_input in;
	bia_problem why;
	size_t at, critical = 0;
	long rescue, parts, booking, svc;
	int permille;

	assert_int_equal(store_bia_load(c->s, c->aid, &d), ST_OK);
	assert_int_equal(d.n_durations, 4);
	assert_int_equal(d.durations[0], 15);
	assert_int_equal(d.durations[3], 1440);
	assert_int_equal(d.n_processes, 8);
	assert_int_equal(d.n_systems, 7);
	assert_int_equal(d.n_data_types, 4);
	assert_int_equal(d.n_uses, 8);
	assert_int_equal(d.n_holds, 7);
	assert_int_equal(d.intolerable, BIA_RATING_EXTREME);
	assert_int_equal(d.margin_permille, 500);
	assert_int_equal(d.review_months, 12);
	for (size_t i = 0; i < d.n_processes; i++)
		critical += d.processes[i].critical;
	assert_int_equal(critical, 6);

	rescue = find_process(&d, "道路救援服务");
	assert_int_equal(d.processes[rescue].daily_volume, 500);
	assert_false(d.processes[rescue].mtd_chosen);
	assert_int_equal(d.grids[rescue].n_rows, 4);
	assert_int_equal(d.grids[rescue].rows[2].minutes, 240);
	assert_int_equal(d.grids[rescue].rows[2].loss, 3000);
	assert_int_equal(d.grids[rescue].rows[2].cell[BIA_REPUTATION].rating,
			 BIA_RATING_EXTREME);
	assert_string_equal(d.grids[rescue].rows[2].cell[BIA_REPUTATION].text,
			    "品牌危机");
	assert_string_equal(d.grids[rescue].rows[0].cell[BIA_FINANCIAL].text,
			    "评级为示例自拟，原文缺");
	assert_string_equal(d.grids[rescue].rows[3].cell[BIA_FINANCIAL].text, "");
	assert_int_equal(bia_data_mtd(&d, (size_t)rescue), 60);
	assert_int_equal(bia_margin(60, d.processes[rescue].rto, &permille, &why),
			 ST_OK);
	assert_int_equal(permille, 750);
	booking = find_process(&d, "预约服务");
	assert_true(d.processes[booking].mtd_chosen);
	assert_int_equal(bia_data_mtd(&d, (size_t)booking), 240);
	assert_string_equal(d.processes[booking].mtd_reason,
			    "超过4小时业务基本停滞，损失不可接受");
	/* A process without a grid has no suggestion. */
	assert_int_equal(d.grids[booking].rows[0].cell[0].rating, BIA_RATING_NONE);
	assert_int_equal(bia_data_mtd(&d, (size_t)find_process(&d, "维修作业")),
			 BIA_UNSET);
	parts = find_process(&d, "配件调配");
	assert_int_equal(bia_margin(bia_data_mtd(&d, (size_t)parts),
				    d.processes[parts].rto, &permille, &why),
			 ST_OK);
	assert_int_equal(permille, 500);

	in = (bia_rollup_input){d.processes, d.n_processes, d.data_types,
				d.n_data_types, d.n_systems, d.uses, d.n_uses,
				d.holds, d.n_holds};
	assert_int_equal(bia_rollup(&in, need, &why, &at), ST_OK);
	svc = find_system(&d, "客服管理系统");
	assert_int_equal(need[svc].rto, 120);
	assert_int_equal(need[svc].rpo, 60);
	assert_int_equal(need[svc].n_critical, 2);
	assert_true(need[svc].spof);
	assert_int_equal(need[find_system(&d, "救援调度系统")].rpo, 5);
	assert_int_equal(need[find_system(&d, "救援调度系统")].rto, 15);
	assert_int_equal(need[find_system(&d, "BI平台")].rpo, 1440);
	assert_int_equal(d.systems[find_system(&d, "库存管理系统")].planned_level, 3);
	bia_data_free(&d);
}

/* An RTO at or over the MTD in force is refused with the MTD, and so is
 * a grid change that would bring the MTD down to the RTO. */
/* The figures the screens show, on the demo: the document's three safety
 * margins, and every system whose planned level (§3.1's list) falls short
 * of what the document's own table says its targets need. */
static void test_demo_figures(void **state)
{
	ctx *c = *state;
	bia_view v;
	size_t rescue, booking, parts, repair;

	assert_int_equal(bia_view_load(c->s, c->aid, &c->q.bia, today, &v), ST_OK);
	assert_string_equal(v.table->id, c->q.bia.tables[0].id);
	rescue = (size_t)find_process(&v.d, "道路救援服务");
	booking = (size_t)find_process(&v.d, "预约服务");
	parts = (size_t)find_process(&v.d, "配件调配");
	repair = (size_t)find_process(&v.d, "维修作业");
	assert_int_equal(v.processes[rescue].mtd, 60);
	assert_true(v.processes[rescue].has_margin);
	assert_int_equal(v.processes[rescue].margin, 750);
	assert_int_equal(v.processes[booking].margin, 500);
	assert_int_equal(v.processes[parts].margin, 500);
	/* 50 % is the threshold, not under it. */
	assert_false(v.processes[booking].margin_warns);
	assert_false(v.processes[repair].has_margin);
	assert_int_equal(v.processes[rescue].rpo, 5);
	assert_int_equal(v.processes[booking].rpo, 60);
	assert_int_equal(v.processes[parts].rpo, 240);
	assert_int_equal(v.processes[rescue].level, 5);
	assert_int_equal(v.processes[parts].level, 3);
	assert_int_equal(v.processes[repair].level, 0);
	assert_int_equal(v.n_critical, 6);

	static const struct {
		const char *name;
		int recommended, planned;
		bia_plan_gap gap;
		bool weaker;
	} want[] = {
		{"救援调度系统", 6, 5, BIA_PLAN_WEAKER, true},
		{"客服管理系统", 5, 4, BIA_PLAN_WEAKER, true},
		{"工单管理系统", 6, 0, BIA_PLAN_NONE, true},
		{"库存管理系统", 5, 3, BIA_PLAN_WEAKER, true},
		{"BI平台", 2, 2, BIA_PLAN_AS_RECOMMENDED, false},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		long s = find_system(&v.d, want[i].name);
		assert_true(s >= 0);
		assert_int_equal(v.systems[s].recommended, want[i].recommended);
		assert_int_equal(v.d.systems[s].planned_level, want[i].planned);
		assert_int_equal(v.systems[s].gap, want[i].gap);
		assert_int_equal(v.systems[s].weaker, want[i].weaker);
	}
	assert_true(v.systems[find_system(&v.d, "客服管理系统")].need.spof);
	assert_false(v.systems[find_system(&v.d, "救援调度系统")].need.spof);
	assert_int_equal(v.n_weaker, 5);
	/* The five systems critical processes use; CRM and BI serve none. */
	assert_true(bia_view_critical_system(&v, find_system(&v.d, "救援调度系统")));
	assert_true(bia_view_critical_system(&v, find_system(&v.d, "财务系统")));
	assert_false(bia_view_critical_system(&v, find_system(&v.d, "CRM系统")));
	assert_false(bia_view_critical_system(&v, find_system(&v.d, "BI平台")));
	/* The demo records no reviews: each is due. */
	assert_int_equal(v.n_review_due, 8);
	assert_false(v.findings[BIA_FIND_DR_SITE].supports_done);
	/* Item 1 says the reviews are due, after what blocks it. */
	assert_int_equal(v.findings[BIA_FIND_BIA].n_lines, 2);
	assert_string_equal(v.findings[BIA_FIND_BIA].lines[1],
			    "BIA：有8个业务流程到期未评审（共8个，每12个月评审"
			    "一次）");
	/* The findings by item key, and the states they contradict. */
	assert_ptr_equal(bia_view_findings(&v, "dr_site"),
			 &v.findings[BIA_FIND_DR_SITE]);
	assert_null(bia_view_findings(&v, "backup_321"));
	assert_true(bia_view_contradicts(&v, "bia", ITEM_DONE));
	assert_false(bia_view_contradicts(&v, "bia", ITEM_IN_PROGRESS));
	assert_false(bia_view_contradicts(&v, "backup_321", ITEM_DONE));
	{
		item_state st[Q_MAX_ITEMS];
		find_source contra[Q_MAX_ITEMS];
		findings_set fs;
		const char *const done[] = {"bia", "dr_site", "backup_321", NULL};
		const char *const prog[] = {"rto_rpo", NULL};
		fixture_states(&c->q, st, done, prog);
		memset(&fs, 0, sizeof fs);
		for (int i = 0; i < BIA_FIND_ITEMS; i++)
			findings_set_add(&fs, &v.findings[i]);
		assert_int_equal(fs.n, BIA_FIND_ITEMS);
		findings_contradicted(&fs, &c->q, st, contra);
		for (size_t i = 0; i < c->q.n_items; i++)
			assert_int_equal(contra[i],
					 strcmp(c->q.items[i].key, "bia") == 0 ||
							 strcmp(c->q.items[i].key,
								"dr_site") == 0
						 ? FIND_BIA
						 : FIND_NONE);
	}
	bia_view_free(&v);
	/* Nothing loaded: no findings, nothing contradicted. */
	assert_null(bia_view_findings(&v, "bia"));
	assert_false(bia_view_contradicts(&v, "bia", ITEM_DONE));
}

/* A review a year ago is due the day after its anniversary, not on it. */
static void test_review_due(void **state)
{
	ctx *c = *state;
	bia_data d;
	bia_view v;
	long rescue;

	assert_int_equal(store_bia_load(c->s, c->aid, &d), ST_OK);
	rescue = find_process(&d, "道路救援服务");
	bia_process p = d.processes[rescue];
	bia_data_free(&d);
	p.reviewed = (date){2025, 11, 25};
	int64_t id;
	assert_int_equal(store_bia_process_save(c->s, c->aid, &p, "liwei", &id),
			 ST_OK);
	assert_int_equal(bia_view_load(c->s, c->aid, &c->q.bia, today, &v), ST_OK);
	assert_false(v.processes[rescue].review_due);
	assert_int_equal(date_cmp(v.processes[rescue].next_review,
				  (date){2026, 11, 25}), 0);
	assert_int_equal(v.n_review_due, 7);
	bia_view_free(&v);
	assert_int_equal(bia_view_load(c->s, c->aid, &c->q.bia,
				       (date){2026, 11, 26}, &v), ST_OK);
	assert_true(v.processes[rescue].review_due);
	bia_view_free(&v);
}

static void test_rto_must_stay_under_the_mtd(void **state)
{
	ctx *c = *state;
	bia_data d;
	bia_process p;
	bia_row row;
	int64_t id;
	long rescue;

	assert_int_equal(store_bia_load(c->s, c->aid, &d), ST_OK);
	rescue = find_process(&d, "道路救援服务");
	p = d.processes[rescue];
	row = d.grids[rescue].rows[1];
	bia_data_free(&d);

	p.rto = 60;
	assert_int_equal(store_bia_process_save(c->s, c->aid, &p, "zhao", &id),
			 ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "RTO必须短于MTD（1小时）");
	p.rto = 59;
	assert_int_equal(store_bia_process_save(c->s, c->aid, &p, "zhao", &id),
			 ST_OK);
	assert_int_equal(id, p.id);
	/* 极高 at 1 h makes the MTD 15 min: under the RTO, so refused. */
	row.cell[BIA_CUSTOMER].rating = BIA_RATING_EXTREME;
	assert_int_equal(store_bia_impact_set(c->s, p.id, &row, "zhao"), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "RTO必须短于MTD（15分钟）");
	p.rto = 10;
	assert_int_equal(store_bia_process_save(c->s, c->aid, &p, "zhao", &id),
			 ST_OK);
	assert_int_equal(store_bia_impact_set(c->s, p.id, &row, "zhao"), ST_OK);
	assert_int_equal(store_bia_load(c->s, c->aid, &d), ST_OK);
	assert_int_equal(bia_data_mtd(&d, (size_t)rescue), 15);
	assert_int_equal(d.processes[rescue].rto, 10);
	bia_data_free(&d);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE entity = 'bia_impact' AND user = 'zhao'"
					  " AND key = '道路救援服务@60'"), 1);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE entity = 'bia_process' AND field = 'rto'"
					  " AND user = 'zhao'"), 2);
	/* A chosen MTD needs a reason. */
	p.mtd_chosen = true;
	p.mtd = 30;
	p.mtd_reason[0] = '\0';
	assert_int_equal(store_bia_process_save(c->s, c->aid, &p, "zhao", &id),
			 ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "请说明理由：手动设定的评级或MTD须注明理由");
}

static void test_names_and_links(void **state)
{
	ctx *c = *state;
	bia_process p;
	bia_data d;
	int64_t id, sys;
	long bi;

	memset(&p, 0, sizeof p);
	p.daily_volume = p.mtd = p.rto = BIA_UNSET;
	snprintf(p.name, sizeof p.name, "%s", "道路救援服务");
	assert_int_equal(store_bia_process_save(c->s, c->aid, &p, "zhao", &id),
			 ST_EXISTS);
	assert_string_equal(store_errmsg(c->s), "本年度分析中已有“道路救援服务”。");
	snprintf(p.name, sizeof p.name, "%s", "  ");
	assert_int_equal(store_bia_process_save(c->s, c->aid, &p, "zhao", &id),
			 ST_INVALID);
	snprintf(p.name, sizeof p.name, "%s", "保险理赔");
	assert_int_equal(store_bia_process_save(c->s, c->aid, &p, "zhao", &id),
			 ST_OK);
	assert_int_equal(store_bia_load(c->s, c->aid, &d), ST_OK);
	bi = find_system(&d, "BI平台");
	sys = d.systems[bi].id;
	assert_int_equal(d.n_processes, 9);
	bia_data_free(&d);
	assert_int_equal(store_bia_use_set(c->s, id, sys, true, "zhao"), ST_OK);
	/* Twice is no change, and not audited twice. */
	assert_int_equal(store_bia_use_set(c->s, id, sys, true, "zhao"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE entity = 'bia_use' AND user = 'zhao'"), 1);
	/* Last year's links, copied from, stay as they were. */
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM bia_use"
					  " WHERE system_id = (SELECT id FROM bia_system"
					  " WHERE name = 'BI平台' AND assessment_id ="
					  " (SELECT max(id) FROM assessment))"), 2);
	/* Deleting the system takes its links, not the processes. */
	assert_int_equal(store_bia_system_delete(c->s, sys, "zhao"), ST_OK);
	assert_int_equal(store_bia_load(c->s, c->aid, &d), ST_OK);
	assert_int_equal(d.n_systems, 6);
	assert_int_equal(d.n_uses, 7);
	assert_int_equal(d.n_holds, 6);
	assert_int_equal(d.n_processes, 9);
	bia_data_free(&d);
	assert_int_equal(store_bia_system_delete(c->s, sys, "zhao"), ST_NOT_FOUND);
	assert_int_equal(store_bia_process_delete(c->s, id, "zhao"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE entity IN ('bia_system', 'bia_process')"
					  " AND field = 'deleted' AND user = 'zhao'"), 2);
}

/* Replacing the durations drops the rows at the ones no longer listed. */
static void test_durations_replace_rows(void **state)
{
	ctx *c = *state;
	static const int64_t next[] = {15, 60, 480, 1440};
	static const int64_t down[] = {60, 15};
	bia_data d;
	long rescue;

	assert_int_equal(store_bia_set_durations(c->s, c->aid, down, 2, "zhao"),
			 ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "中断时长须长于前一个时长（1小时）");
	assert_int_equal(store_bia_set_durations(c->s, c->aid, next, 4, "zhao"),
			 ST_OK);
	assert_int_equal(store_bia_load(c->s, c->aid, &d), ST_OK);
	rescue = find_process(&d, "道路救援服务");
	assert_int_equal(d.grids[rescue].rows[2].minutes, 480);
	assert_int_equal(d.grids[rescue].rows[2].loss, 0);
	assert_int_equal(d.grids[rescue].rows[3].loss, 20000);
	/* 极高 now first at 24 h: the MTD suggested is 8 h. */
	assert_int_equal(bia_data_mtd(&d, (size_t)rescue), 480);
	bia_data_free(&d);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM bia_impact"
					  " WHERE process_id IN (SELECT id FROM"
					  " bia_process WHERE assessment_id ="
					  " (SELECT max(id) FROM assessment))"), 3);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE entity = 'bia_durations' AND"
					  " old_value = '15 60 240 1440' AND"
					  " new_value = '15 60 480 1440'"), 1);
}

/* Finalising freezes the analysis; the next year starts with a copy. */
static void test_years_freeze_and_copy(void **state)
{
	ctx *c = *state;
	bia_data d, e;
	bia_system y;
	int64_t next, id;

	assert_int_equal(report_finalise(c->s, &c->q, c->aid, today, "liwei"), ST_OK);
	assert_int_equal(store_bia_load(c->s, c->aid, &d), ST_OK);
	y = d.systems[0];
	y.planned_level = 6;
	assert_int_equal(store_bia_system_save(c->s, c->aid, &y, "zhao", &id),
			 ST_FROZEN);
	assert_int_equal(store_bia_process_delete(c->s, d.processes[0].id, "zhao"),
			 ST_FROZEN);
	assert_int_equal(store_assessment_start_next(c->s, c->aid, today, "liwei",
						     &next),
			 ST_OK);
	assert_int_equal(store_bia_load(c->s, next, &e), ST_OK);
	assert_int_equal(e.n_durations, d.n_durations);
	assert_int_equal(e.n_processes, d.n_processes);
	assert_int_equal(e.n_systems, d.n_systems);
	assert_int_equal(e.n_data_types, d.n_data_types);
	assert_int_equal(e.n_uses, d.n_uses);
	assert_int_equal(e.n_holds, d.n_holds);
	for (size_t i = 0; i < d.n_processes; i++) {
		assert_string_equal(e.processes[i].name, d.processes[i].name);
		assert_true(e.processes[i].id != d.processes[i].id);
		assert_int_equal(e.processes[i].rto, d.processes[i].rto);
		assert_int_equal(bia_data_mtd(&e, i), bia_data_mtd(&d, i));
		assert_memory_equal(&e.grids[i].rows[2].cell, &d.grids[i].rows[2].cell,
				    sizeof d.grids[i].rows[2].cell);
	}
	for (size_t i = 0; i < d.n_uses; i++) {
		assert_int_equal(e.uses[i].process, d.uses[i].process);
		assert_int_equal(e.uses[i].system, d.uses[i].system);
	}
	/* The new year takes changes; the old one keeps its figures. */
	y = e.systems[0];
	y.planned_level = 6;
	assert_int_equal(store_bia_system_save(c->s, next, &y, "zhao", &id), ST_OK);
	bia_data_free(&e);
	assert_int_equal(store_bia_load(c->s, next, &e), ST_OK);
	assert_int_equal(e.systems[0].planned_level, 6);
	assert_int_equal(d.systems[0].planned_level, 5);
	bia_data_free(&e);
	bia_data_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_demo_reads_back, fixture_demo_setup_zh,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_demo_figures, fixture_demo_setup_zh,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_review_due, fixture_demo_setup_zh,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_rto_must_stay_under_the_mtd, fixture_demo_setup_zh,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_names_and_links, fixture_demo_setup_zh,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_durations_replace_rows, fixture_demo_setup_zh,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_years_freeze_and_copy, fixture_demo_setup_zh,
						fixture_demo_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
