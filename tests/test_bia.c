#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/bia.h"

#define W(units) ((money)(units) * 100) /* whole units of 万元 */
#define U BIA_UNSET

enum { NONE = BIA_RATING_NONE, LOW = BIA_RATING_LOW, MED = BIA_RATING_MEDIUM,
       HIGH = BIA_RATING_HIGH, EXTREME = BIA_RATING_EXTREME };

static void test_rating_keys(void **state)
{
	bia_rating r = BIA_RATING_NONE;
	(void)state;
	assert_string_equal(bia_rating_key(BIA_RATING_NONE), "none");
	assert_string_equal(bia_rating_key(BIA_RATING_EXTREME), "extreme");
	assert_null(bia_rating_key((bia_rating)BIA_RATINGS));
	for (int i = 0; i < BIA_RATINGS; i++) {
		assert_true(bia_parse_rating(bia_rating_key((bia_rating)i), &r));
		assert_int_equal(r, i);
	}
	assert_false(bia_parse_rating("severe", &r));
	assert_false(bia_parse_rating("High", &r));
	assert_false(bia_parse_rating("", &r));
	assert_int_equal(r, BIA_RATING_EXTREME);
}

static void set_row(bia_row *row, int64_t minutes, money loss, int fin,
		    int cust, int legal, int rep)
{
	memset(row, 0, sizeof *row);
	row->minutes = minutes;
	row->loss = loss;
	row->cell[BIA_FINANCIAL].rating = (bia_rating)fin;
	row->cell[BIA_CUSTOMER].rating = (bia_rating)cust;
	row->cell[BIA_LEGAL].rating = (bia_rating)legal;
	row->cell[BIA_REPUTATION].rating = (bia_rating)rep;
}

static void set_texts(bia_row *row, const char *cust, const char *legal,
		      const char *rep)
{
	snprintf(row->cell[BIA_CUSTOMER].text, sizeof row->cell[0].text, "%s", cust);
	snprintf(row->cell[BIA_LEGAL].text, sizeof row->cell[0].text, "%s", legal);
	snprintf(row->cell[BIA_REPUTATION].text, sizeof row->cell[0].text, "%s",
		 rep);
}

/* The road-rescue grid of §2.1 step 2 with its losses and words. The
 * source text as we have it lacks the one-character ratings (无, 低, 中,
 * 高); they are read from the words, rising with the duration to the 极高
 * the text keeps for 24 hours. */
static void rescue_grid(bia_grid *g)
{
	memset(g, 0, sizeof *g);
	set_row(&g->rows[0], 15, W(1), LOW, LOW, NONE, NONE);
	set_texts(&g->rows[0], "轻微不满", "", "");
	set_row(&g->rows[1], 60, W(5), MED, MED, LOW, MED);
	set_texts(&g->rows[1], "严重不满", "可能投诉", "负面舆论");
	set_row(&g->rows[2], 240, W(30), HIGH, HIGH, HIGH, HIGH);
	set_texts(&g->rows[2], "客户流失", "监管介入", "品牌危机");
	set_row(&g->rows[3], 1440, W(200), EXTREME, EXTREME, EXTREME, EXTREME);
	set_texts(&g->rows[3], "大量流失", "集体诉讼", "品牌崩塌");
	g->n_rows = 4;
}

static void test_overall_is_the_worst_unless_overridden(void **state)
{
	bia_grid g;
	bia_row row;
	(void)state;
	rescue_grid(&g);
	assert_int_equal(bia_overall(&g.rows[0]), LOW);
	assert_int_equal(bia_overall(&g.rows[1]), MED);
	assert_int_equal(bia_overall(&g.rows[2]), HIGH);
	assert_int_equal(bia_overall(&g.rows[3]), EXTREME);
	/* Each dimension can be the worst, the financial one included. */
	for (int d = 0; d < BIA_DIMENSIONS; d++) {
		set_row(&row, 60, 0, LOW, LOW, LOW, LOW);
		row.cell[d].rating = BIA_RATING_HIGH;
		assert_int_equal(bia_worst(&row), HIGH);
	}
	set_row(&row, 60, 0, NONE, NONE, NONE, NONE);
	assert_int_equal(bia_overall(&row), NONE);
	/* The manager's rating wins, lower or higher than the worst. */
	row = g.rows[2];
	row.overridden = true;
	row.override = BIA_RATING_MEDIUM;
	assert_int_equal(bia_worst(&row), HIGH);
	assert_int_equal(bia_overall(&row), MED);
	row.override = BIA_RATING_EXTREME;
	assert_int_equal(bia_overall(&row), EXTREME);
}

static void expect_mtd(const bia_grid *g, bia_rating intolerable,
		       bia_mtd_outcome outcome, int64_t mtd, size_t first,
		       int64_t bound)
{
	bia_mtd_suggestion s;
	assert_int_equal(bia_suggest_mtd(g, intolerable, &s), outcome);
	assert_int_equal(s.outcome, outcome);
	assert_int_equal(s.mtd, mtd);
	assert_int_equal(s.first, first);
	assert_int_equal(s.bound, bound);
}

static void test_mtd_of_the_road_rescue_grid(void **state)
{
	bia_grid g;
	bia_mtd_suggestion s;
	bia_process p = {.mtd_chosen = false};
	(void)state;
	rescue_grid(&g);
	/* 极高 first at 24 h: the last duration before it is 4 h. */
	expect_mtd(&g, BIA_RATING_EXTREME, BIA_MTD_FOUND, 240, 3, U);
	/* With 高 intolerable the rule gives the document's MTD, 1 h. */
	expect_mtd(&g, BIA_RATING_HIGH, BIA_MTD_FOUND, 60, 2, U);
	expect_mtd(&g, BIA_RATING_MEDIUM, BIA_MTD_FOUND, 15, 1, U);
	/* The first row reaches it: the MTD is under 15 min, no suggestion. */
	expect_mtd(&g, BIA_RATING_LOW, BIA_MTD_AT_FIRST, U, 0, 15);
	expect_mtd(&g, BIA_RATING_NONE, BIA_MTD_AT_FIRST, U, 0, 15);
	/* An override moves the suggestion. */
	g.rows[1].overridden = true;
	g.rows[1].override = BIA_RATING_EXTREME;
	expect_mtd(&g, BIA_RATING_EXTREME, BIA_MTD_FOUND, 15, 1, U);

	/* The MTD in force: the suggestion until the manager sets the
	 * document's 1 h with its reason. */
	rescue_grid(&g);
	bia_suggest_mtd(&g, BIA_RATING_EXTREME, &s);
	assert_int_equal(bia_process_mtd(&p, &s), 240);
	p.mtd_chosen = true;
	p.mtd = 60;
	snprintf(p.mtd_reason, sizeof p.mtd_reason, "%s",
		 "超过1小时将引发严重安全问题和品牌危机");
	assert_int_equal(bia_process_mtd(&p, &s), 60);
	p.mtd_chosen = false;
	bia_suggest_mtd(&g, BIA_RATING_LOW, &s);
	assert_int_equal(bia_process_mtd(&p, &s), U);
	assert_int_equal(bia_process_mtd(&p, NULL), U);
}

static void test_mtd_edges(void **state)
{
	bia_grid g;
	(void)state;
	memset(&g, 0, sizeof g);
	expect_mtd(&g, BIA_RATING_EXTREME, BIA_MTD_NO_DURATIONS, U, 0, U);
	/* Nothing intolerable: the MTD is at least the longest duration. */
	rescue_grid(&g);
	for (int d = 0; d < BIA_DIMENSIONS; d++)
		g.rows[3].cell[d].rating = BIA_RATING_HIGH;
	expect_mtd(&g, BIA_RATING_EXTREME, BIA_MTD_NEVER, U, 4, 1440);
	/* One row, either side of the rating. */
	g.n_rows = 1;
	expect_mtd(&g, BIA_RATING_MEDIUM, BIA_MTD_NEVER, U, 1, 15);
	expect_mtd(&g, BIA_RATING_LOW, BIA_MTD_AT_FIRST, U, 0, 15);
	/* Reached exactly at the last row. */
	g.n_rows = 2;
	expect_mtd(&g, BIA_RATING_MEDIUM, BIA_MTD_FOUND, 15, 1, U);
	/* A rating that returns to tolerable later changes nothing: the
	 * first intolerable row decides. */
	rescue_grid(&g);
	for (int d = 0; d < BIA_DIMENSIONS; d++)
		g.rows[3].cell[d].rating = BIA_RATING_LOW;
	expect_mtd(&g, BIA_RATING_HIGH, BIA_MTD_FOUND, 60, 2, U);
}

static void expect_grid(const bia_grid *g, moat_status st, bia_problem why,
			size_t at)
{
	bia_problem w;
	size_t a;
	assert_int_equal(bia_check_grid(g, &w, &a), st);
	assert_int_equal(w, why);
	assert_int_equal(a, at);
}

static void expect_durations(const int64_t *m, size_t n, moat_status st,
			     bia_problem why, size_t at)
{
	bia_problem w;
	size_t a;
	assert_int_equal(bia_check_durations(m, n, &w, &a), st);
	assert_int_equal(w, why);
	assert_int_equal(a, at);
}

static void test_durations_and_grid_checks(void **state)
{
	/* §2.1 gives 库存管理 an MTD of 8 h: a unit adds the duration. */
	static const int64_t with_8h[] = {15, 60, 240, 480, 1440};
	static const int64_t same[] = {15, 15};
	static const int64_t down[] = {60, 15};
	static const int64_t edges[] = {1, BIA_MAX_MINUTES};
	static const int64_t zero[] = {0};
	static const int64_t over[] = {BIA_MAX_MINUTES + 1};
	int64_t many[BIA_MAX_DURATIONS + 1];
	bia_grid g;
	(void)state;
	for (size_t i = 0; i <= BIA_MAX_DURATIONS; i++)
		many[i] = (int64_t)i + 1;
	expect_durations(with_8h, 5, ST_OK, BIA_OK, 0);
	expect_durations(same, 2, ST_INVALID, BIA_DURATION_ORDER, 1);
	expect_durations(down, 2, ST_INVALID, BIA_DURATION_ORDER, 1);
	expect_durations(edges, 2, ST_OK, BIA_OK, 0);
	expect_durations(zero, 1, ST_INVALID, BIA_DURATION_RANGE, 0);
	expect_durations(over, 1, ST_INVALID, BIA_DURATION_RANGE, 0);
	expect_durations(many, BIA_MAX_DURATIONS, ST_OK, BIA_OK, 0);
	expect_durations(many, BIA_MAX_DURATIONS + 1, ST_INVALID,
			 BIA_TOO_MANY_DURATIONS, BIA_MAX_DURATIONS);
	expect_durations(NULL, 0, ST_OK, BIA_OK, 0);

	rescue_grid(&g);
	expect_grid(&g, ST_OK, BIA_OK, 0);
	g.rows[2].minutes = 60;
	expect_grid(&g, ST_INVALID, BIA_DURATION_ORDER, 2);
	rescue_grid(&g);
	g.rows[3].cell[BIA_LEGAL].rating = (bia_rating)BIA_RATINGS;
	expect_grid(&g, ST_INVALID, BIA_RATING_RANGE, 3);
	rescue_grid(&g);
	g.rows[1].loss = -1;
	expect_grid(&g, ST_INVALID, BIA_AMOUNT_RANGE, 1);
	g.rows[1].loss = MONEY_MAX;
	expect_grid(&g, ST_OK, BIA_OK, 0);
	g.rows[1].loss = MONEY_MAX + 1;
	expect_grid(&g, ST_INVALID, BIA_AMOUNT_RANGE, 1);
	/* An override needs a rating and a reason; spaces, full-width ones
	 * too, are none. */
	rescue_grid(&g);
	g.rows[0].overridden = true;
	g.rows[0].override = BIA_RATING_HIGH;
	expect_grid(&g, ST_INVALID, BIA_NO_REASON, 0);
	snprintf(g.rows[0].reason, sizeof g.rows[0].reason, " \xE3\x80\x80\t");
	expect_grid(&g, ST_INVALID, BIA_NO_REASON, 0);
	snprintf(g.rows[0].reason, sizeof g.rows[0].reason, "\xE3\x80\x80救援延误");
	expect_grid(&g, ST_OK, BIA_OK, 0);
	g.rows[0].override = (bia_rating)-1;
	expect_grid(&g, ST_INVALID, BIA_RATING_RANGE, 0);
	g.n_rows = BIA_MAX_DURATIONS + 1;
	expect_grid(&g, ST_INVALID, BIA_TOO_MANY_DURATIONS, BIA_MAX_DURATIONS);
	g.n_rows = 0;
	expect_grid(&g, ST_OK, BIA_OK, 0);
}

static void test_mtd_choice_needs_a_reason(void **state)
{
	bia_problem why;
	(void)state;
	assert_int_equal(bia_check_mtd_choice(60, "超过1小时将引发严重安全问题",
					      &why), ST_OK);
	assert_int_equal(why, BIA_OK);
	assert_int_equal(bia_check_mtd_choice(60, "", &why), ST_INVALID);
	assert_int_equal(why, BIA_NO_REASON);
	assert_int_equal(bia_check_mtd_choice(60, "\xE3\x80\x80", &why), ST_INVALID);
	assert_int_equal(why, BIA_NO_REASON);
	assert_int_equal(bia_check_mtd_choice(60, NULL, &why), ST_INVALID);
	assert_int_equal(why, BIA_NO_REASON);
	assert_int_equal(bia_check_mtd_choice(1, "r", &why), ST_OK);
	assert_int_equal(bia_check_mtd_choice(BIA_MAX_MINUTES, "r", &why), ST_OK);
	assert_int_equal(bia_check_mtd_choice(0, "r", &why), ST_INVALID);
	assert_int_equal(why, BIA_MTD_RANGE);
	assert_int_equal(bia_check_mtd_choice(BIA_MAX_MINUTES + 1, "r", &why),
			 ST_INVALID);
	assert_int_equal(why, BIA_MTD_RANGE);
}

static void expect_margin(int64_t mtd, int64_t rto, int permille)
{
	bia_problem why = BIA_NO_MTD;
	int m = -1;
	assert_int_equal(bia_margin(mtd, rto, &m, &why), ST_OK);
	assert_int_equal(why, BIA_OK);
	assert_int_equal(m, permille);
}

static void expect_rto_refused(int64_t rto, int64_t mtd, bia_problem why)
{
	bia_problem w = BIA_OK;
	int m = -7;
	assert_int_equal(bia_check_rto(rto, mtd, &w), ST_INVALID);
	assert_int_equal(w, why);
	w = BIA_OK;
	assert_int_equal(bia_margin(mtd, rto, &m, &w), ST_INVALID);
	assert_int_equal(w, why);
	assert_int_equal(m, -7);
}

static void test_rto_and_the_documents_margins(void **state)
{
	bia_problem why;
	(void)state;
	/* §2.1 step 4: 道路救援, 客服管理, 库存管理. */
	expect_margin(60, 15, 750);
	expect_margin(240, 120, 500);
	expect_margin(480, 240, 500);
	assert_false(bia_margin_warns(750, 500));
	assert_false(bia_margin_warns(500, 500)); /* at the threshold: no */
	assert_true(bia_margin_warns(499, 500));
	/* One minute more RTO takes the 50 % margins under the threshold. */
	expect_margin(240, 121, 495);
	expect_margin(480, 241, 497);
	assert_true(bia_margin_warns(495, 500));
	/* Rounded down: 2/3 is 666, 999.5 is 999. */
	expect_margin(3, 1, 666);
	expect_margin(2000, 1, 999);
	expect_margin(1000, 500, 500);
	expect_margin(1000, 501, 499);
	expect_margin(60, 0, 1000);
	expect_margin(60, 59, 16);
	expect_margin(BIA_MAX_MINUTES, BIA_MAX_MINUTES - 1, 0);
	assert_int_equal(bia_check_rto(59, 60, &why), ST_OK);
	assert_int_equal(why, BIA_OK);
	/* RTO must be shorter than the MTD. */
	expect_rto_refused(60, 60, BIA_RTO_NOT_BELOW_MTD);
	expect_rto_refused(61, 60, BIA_RTO_NOT_BELOW_MTD);
	expect_rto_refused(-1, 60, BIA_RTO_RANGE);
	expect_rto_refused(15, U, BIA_NO_MTD);
	expect_rto_refused(0, 0, BIA_NO_MTD);
	expect_rto_refused(15, BIA_MAX_MINUTES + 1, BIA_NO_MTD);
	expect_rto_refused(BIA_MAX_MINUTES + 1, BIA_MAX_MINUTES, BIA_RTO_RANGE);
}

/* §2.1 step 1's processes and their systems, with the RTOs of §1.2 and
 * step 4 where the document gives one, and §1.2's data types. Which
 * system holds which data type is this test's reading: the document
 * links them only through its recommended levels. */
enum { RESCUE_SYS, CS_SYS, ORDER_SYS, STOCK_SYS, FIN_SYS, CRM_SYS, BI_SYS,
       N_SYS };
enum { TRANSACTIONS, CUSTOMERS, STOCK, HISTORY, N_TYPES };

static const bia_process doc_processes[] = {
	{.name = "道路救援服务", .daily_volume = 500, .critical = true, .rto = 15},
	{.name = "预约服务", .daily_volume = 2000, .critical = true, .rto = 120},
	{.name = "到店接待", .daily_volume = 3000, .critical = true, .rto = 120},
	{.name = "维修作业", .daily_volume = 3000, .critical = true, .rto = U},
	{.name = "配件调配", .daily_volume = 5000, .critical = true, .rto = 240},
	{.name = "结算收款", .daily_volume = 3000, .critical = true, .rto = U},
	{.name = "客户回访", .daily_volume = 1000, .critical = false, .rto = U},
	{.name = "数据分析", .daily_volume = U, .critical = false, .rto = 1440},
};
#define N_PROC (sizeof doc_processes / sizeof doc_processes[0])

static const bia_data_type doc_types[N_TYPES] = {
	{.name = "服务交易数据", .rpo = 5, .backup = "实时同步到备库"},
	{.name = "客户信息", .rpo = 60, .backup = "每小时增量备份"},
	{.name = "配件库存数据", .rpo = 240, .backup = "每4小时增量备份"},
	{.name = "历史统计数据", .rpo = 1440, .backup = "每日全量备份"},
};

static const bia_use doc_uses[] = {
	{0, RESCUE_SYS}, {1, CS_SYS}, {2, CS_SYS}, {3, ORDER_SYS},
	{4, STOCK_SYS}, {5, FIN_SYS}, {6, CRM_SYS}, {7, BI_SYS},
};

static const bia_hold doc_holds[] = {
	{RESCUE_SYS, TRANSACTIONS}, {CS_SYS, CUSTOMERS}, {ORDER_SYS, TRANSACTIONS},
	{STOCK_SYS, STOCK}, {FIN_SYS, TRANSACTIONS}, {CRM_SYS, CUSTOMERS},
	{BI_SYS, HISTORY},
};

static bia_rollup_input doc_input(void)
{
	return (bia_rollup_input){doc_processes, N_PROC, doc_types, N_TYPES,
				  N_SYS, doc_uses,
				  sizeof doc_uses / sizeof doc_uses[0], doc_holds,
				  sizeof doc_holds / sizeof doc_holds[0]};
}

static void expect_need(const bia_system_need *n, int64_t rto, size_t by_p,
			int64_t rpo, size_t by_t, size_t critical,
			size_t missing_rto, size_t missing_rpo, bool spof)
{
	assert_int_equal(n->rto, rto);
	assert_int_equal(n->rto_process, by_p);
	assert_int_equal(n->rpo, rpo);
	assert_int_equal(n->rpo_data_type, by_t);
	assert_int_equal(n->n_critical, critical);
	assert_int_equal(n->missing_rto, missing_rto);
	assert_int_equal(n->missing_rpo, missing_rpo);
	assert_int_equal(n->spof, spof);
}

#define NOI BIA_NO_INDEX

static void test_rollup_of_the_documents_processes(void **state)
{
	bia_rollup_input in = doc_input();
	bia_system_need need[N_SYS];
	bia_problem why = BIA_NO_MTD;
	size_t at = 9;
	(void)state;
	assert_int_equal(bia_rollup(&in, need, &why, &at), ST_OK);
	assert_int_equal(why, BIA_OK);
	assert_int_equal(at, 0);
	expect_need(&need[RESCUE_SYS], 15, 0, 5, TRANSACTIONS, 1, 0, 0, false);
	/* 预约服务 and 到店接待 both need 客服管理: 2 h, set by the first,
	 * and a single point of failure. */
	expect_need(&need[CS_SYS], 120, 1, 60, CUSTOMERS, 2, 0, 0, true);
	expect_need(&need[ORDER_SYS], U, NOI, 5, TRANSACTIONS, 1, 1, 0, false);
	expect_need(&need[STOCK_SYS], 240, 4, 240, STOCK, 1, 0, 0, false);
	expect_need(&need[FIN_SYS], U, NOI, 5, TRANSACTIONS, 1, 1, 0, false);
	expect_need(&need[CRM_SYS], U, NOI, 60, CUSTOMERS, 0, 0, 0, false);
	/* 数据分析 is not critical: its 24 h sets nothing. */
	expect_need(&need[BI_SYS], U, NOI, 1440, HISTORY, 0, 0, 0, false);
}

static void expect_bad_link(const bia_rollup_input *in, bia_problem why,
			    size_t at)
{
	bia_system_need need[4];
	bia_problem w = BIA_OK;
	size_t a = 99;
	assert_true(in->n_systems <= 4);
	assert_int_equal(bia_rollup(in, need, &w, &a), ST_INVALID);
	assert_int_equal(w, why);
	assert_int_equal(a, at);
}

static void test_rollup_ties_repeats_and_bad_links(void **state)
{
	bia_process p[3] = {{.critical = true, .rto = 30},
			    {.critical = true, .rto = 30},
			    {.critical = false, .rto = 5}};
	bia_data_type t[2] = {{.rpo = U}, {.rpo = 10}};
	bia_use uses[] = {{1, 0}, {0, 0}, {2, 0}, {1, 1}, {1, 1}};
	bia_hold holds[] = {{0, 0}, {0, 1}, {0, 1}, {1, 0}};
	bia_rollup_input in = {p, 3, t, 2, 3, uses, 5, holds, 4};
	bia_system_need need[3];
	bia_problem why;
	size_t at;
	(void)state;
	assert_int_equal(bia_rollup(&in, need, &why, &at), ST_OK);
	/* A tie goes to the lower index whatever the links' order; the
	 * non-critical 5 min counts for nothing. */
	expect_need(&need[0], 30, 0, 10, 1, 2, 0, 1, true);
	/* The same link twice counts once: one critical process, no SPOF. */
	expect_need(&need[1], 30, 1, U, NOI, 1, 0, 1, false);
	/* A system nothing uses or is held by. */
	expect_need(&need[2], U, NOI, U, NOI, 0, 0, 0, false);
	/* Stricter wins over an earlier link; critical without an RTO counts. */
	p[1].rto = 20;
	p[0].rto = U;
	assert_int_equal(bia_rollup(&in, need, &why, &at), ST_OK);
	expect_need(&need[0], 20, 1, 10, 1, 2, 1, 1, true);
	/* Links to nothing. */
	uses[3].system = 3;
	expect_bad_link(&in, BIA_BAD_USE, 3);
	uses[3].system = 1;
	uses[4].process = 3;
	expect_bad_link(&in, BIA_BAD_USE, 4);
	uses[4].process = 1;
	holds[2].data_type = 2;
	expect_bad_link(&in, BIA_BAD_HOLD, 2);
	holds[2].data_type = 1;
	holds[0].system = 3;
	expect_bad_link(&in, BIA_BAD_HOLD, 0);
	/* Nothing at all. */
	in = (bia_rollup_input){0};
	assert_int_equal(bia_rollup(&in, need, &why, &at), ST_OK);
	assert_int_equal(why, BIA_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rating_keys),
		cmocka_unit_test(test_overall_is_the_worst_unless_overridden),
		cmocka_unit_test(test_mtd_of_the_road_rescue_grid),
		cmocka_unit_test(test_mtd_edges),
		cmocka_unit_test(test_durations_and_grid_checks),
		cmocka_unit_test(test_mtd_choice_needs_a_reason),
		cmocka_unit_test(test_rto_and_the_documents_margins),
		cmocka_unit_test(test_rollup_of_the_documents_processes),
		cmocka_unit_test(test_rollup_ties_repeats_and_bad_links),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
