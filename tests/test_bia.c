#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "model/bia.h"
#include "model/bia_table.h"
#include "tests/fixtures.h"

#define W(units) ((money)(units) * 100) /* whole units of 万元 */
#define U BIA_UNSET
#define OPEN BIA_UNBOUNDED

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
	const size_t n = sizeof row->cell[0].text;
	snprintf(row->cell[BIA_CUSTOMER].text, n, "%s", cust);
	snprintf(row->cell[BIA_LEGAL].text, n, "%s", legal);
	snprintf(row->cell[BIA_REPUTATION].text, n, "%s", rep);
}

/* The road-rescue grid of §2.1 step 2 with its losses and words. The
 * source text as we have it lacks the one-character ratings (无, 低, 中,
 * 高, 极高) but for the 24 hours' 极高; they are read from the words: a
 * brand crisis (品牌危机) at 4 h is intolerable, which gives the MTD the
 * document sets, 1 h ("超过1小时将引发严重安全问题和品牌危机"). */
static void rescue_grid(bia_grid *g)
{
	memset(g, 0, sizeof *g);
	set_row(&g->rows[0], 15, W(1), LOW, LOW, NONE, NONE);
	set_texts(&g->rows[0], "轻微不满", "", "");
	set_row(&g->rows[1], 60, W(5), MED, MED, LOW, MED);
	set_texts(&g->rows[1], "严重不满", "可能投诉", "负面舆论");
	set_row(&g->rows[2], 240, W(30), HIGH, HIGH, HIGH, EXTREME);
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
	assert_int_equal(bia_overall(&g.rows[2]), EXTREME);
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
	row = g.rows[1];
	row.overridden = true;
	row.override = BIA_RATING_LOW;
	assert_int_equal(bia_worst(&row), MED);
	assert_int_equal(bia_overall(&row), LOW);
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
	/* 极高 first at 4 h: the last duration before it is the document's
	 * MTD, 1 h. */
	expect_mtd(&g, BIA_RATING_EXTREME, BIA_MTD_FOUND, 60, 2, U);
	expect_mtd(&g, BIA_RATING_HIGH, BIA_MTD_FOUND, 60, 2, U);
	expect_mtd(&g, BIA_RATING_MEDIUM, BIA_MTD_FOUND, 15, 1, U);
	/* The first row reaches it: the MTD is under 15 min, no suggestion. */
	expect_mtd(&g, BIA_RATING_LOW, BIA_MTD_AT_FIRST, U, 0, 15);
	expect_mtd(&g, BIA_RATING_NONE, BIA_MTD_AT_FIRST, U, 0, 15);
	/* An override moves the suggestion. */
	g.rows[1].overridden = true;
	g.rows[1].override = BIA_RATING_EXTREME;
	expect_mtd(&g, BIA_RATING_EXTREME, BIA_MTD_FOUND, 15, 1, U);

	/* The MTD in force: the suggestion until the manager sets another
	 * with a reason. */
	rescue_grid(&g);
	bia_suggest_mtd(&g, BIA_RATING_EXTREME, &s);
	assert_int_equal(bia_process_mtd(&p, &s), 60);
	p.mtd_chosen = true;
	p.mtd = 30;
	snprintf(p.mtd_reason, sizeof p.mtd_reason, "%s",
		 "涉及人身安全，不可延误");
	assert_int_equal(bia_process_mtd(&p, &s), 30);
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
		g.rows[2].cell[d].rating = g.rows[3].cell[d].rating =
			BIA_RATING_HIGH;
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
	snprintf(g.rows[0].reason, sizeof g.rows[0].reason, "%s",
		 "\xE3\x80\x80救援延误");
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
	assert_int_equal(bia_check_mtd_choice(60, "\xE3\x80\x80", &why),
			 ST_INVALID);
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
	{.name = "道路救援服务", .daily_volume = 500, .critical = true,
	 .rto = 15},
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
	{RESCUE_SYS, TRANSACTIONS}, {CS_SYS, CUSTOMERS},
	{ORDER_SYS, TRANSACTIONS},  {STOCK_SYS, STOCK},
	{FIN_SYS, TRANSACTIONS},    {CRM_SYS, CUSTOMERS},
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

/* ---- The shipped reference files ---- */

static void expect_range(const bia_range *r, int64_t lower, int64_t upper)
{
	assert_int_equal(r->lower, lower);
	assert_int_equal(r->upper, upper);
	assert_non_null(r->words);
}

/* The §3.1 table as the files bound it, in minutes. */
static const int64_t doc_levels[6][4] = {
	/* RTO lower, upper; RPO lower, upper */
	{4320, OPEN, 1440, OPEN}, {1440, 4320, 240, 1440}, {720, 1440, 60, 240},
	{60, 720, 15, 60},        {15, 60, 0, 15},         {1, 15, 0, 0},
};

/* §3.2: cost factor in hundredths, then per site RTO, RPO and km. */
static const struct {
	const char *key;
	int64_t factor[2];
	size_t n_sites;
	int64_t site[2][6];
} doc_archs[] = {
	{"same_city", {150, 200}, 1, {{15, 60, 5, 15, 30, 100}}},
	{"two_sites_three_centres", {250, 300}, 2,
	 {{15, 15, 0, 1, 30, 100}, {240, 480, 0, 60, 1000, OPEN}}},
	{"remote", {120, 150}, 1, {{480, 1440, 240, 480, 1000, OPEN}}},
};

static void expect_document_numbers(const bia_reference *r)
{
	static const int64_t durations[] = {15, 60, 240, 1440};
	const bia_table *t = &r->tables[0];
	assert_int_equal(r->n_durations, 4);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(r->durations[i].minutes, durations[i]);
	assert_int_equal(r->intolerable, BIA_RATING_EXTREME);
	assert_int_equal(r->margin_threshold_permille, 500);
	assert_int_equal(r->n_tables, 1);
	assert_string_equal(t->id, "doc-gbt20988-2007");
	assert_int_equal(t->n_levels, 6);
	for (size_t i = 0; i < 6; i++) {
		const int64_t *x = doc_levels[i];
		assert_int_equal(t->levels[i].number, (int)i + 1);
		expect_range(&t->levels[i].rto, x[0], x[1]);
		expect_range(&t->levels[i].rpo, x[2], x[3]);
	}
	assert_int_equal(r->n_archs, 3);
	for (size_t a = 0; a < 3; a++) {
		const bia_arch *arch = &r->archs[a];
		assert_string_equal(arch->key, doc_archs[a].key);
		assert_ptr_equal(bia_reference_arch(r, doc_archs[a].key), arch);
		expect_range(&arch->cost_factor, doc_archs[a].factor[0],
			     doc_archs[a].factor[1]);
		assert_int_equal(arch->n_sites, doc_archs[a].n_sites);
		for (size_t s = 0; s < arch->n_sites; s++) {
			const int64_t *x = doc_archs[a].site[s];
			expect_range(&arch->sites[s].rto, x[0], x[1]);
			expect_range(&arch->sites[s].rpo, x[2], x[3]);
			expect_range(&arch->sites[s].distance, x[4], x[5]);
		}
	}
	assert_null(bia_reference_arch(r, "cloud"));
	assert_ptr_equal(bia_reference_table(r, "doc-gbt20988-2007"), t);
	assert_null(bia_reference_table(r, "gbt20988-2025"));
}

static void test_shipped_files_agree(void **state)
{
	bia_reference en, zh;
	const bia_level *l5;
	(void)state;
	fixture_bia_reference("en", &en);
	fixture_bia_reference("zh_CN", &zh);
	expect_document_numbers(&en);
	expect_document_numbers(&zh);
	/* The names come from the files, in each language. */
	assert_string_equal(zh.rating_names[BIA_RATING_NONE], "无");
	assert_string_equal(zh.rating_names[BIA_RATING_LOW], "低");
	assert_string_equal(zh.rating_names[BIA_RATING_MEDIUM], "中");
	assert_string_equal(zh.rating_names[BIA_RATING_HIGH], "高");
	assert_string_equal(zh.rating_names[BIA_RATING_EXTREME], "极高");
	assert_string_equal(en.rating_names[BIA_RATING_EXTREME], "extreme");
	assert_string_equal(zh.dimension_names[BIA_FINANCIAL], "财务损失");
	assert_string_equal(zh.dimension_names[BIA_REPUTATION], "声誉影响");
	assert_string_equal(zh.duration_name, "中断时长");
	assert_string_equal(zh.overall_name, "综合评级");
	assert_string_equal(en.dimension_names[BIA_LEGAL], "Legal risk");
	assert_string_equal(zh.durations[1].name, "1小时");
	assert_string_equal(en.durations[3].name, "24 h");
	l5 = bia_table_level(&zh.tables[0], 5);
	assert_non_null(l5);
	assert_string_equal(l5->name, "实时数据备份");
	assert_string_equal(l5->rto.words, "数分钟-数小时");
	assert_string_equal(l5->rpo.words, "数秒-数分钟");
	assert_string_equal(l5->cost, "高");
	assert_string_equal(zh.tables[0].levels[0].rto.words, ">72小时");
	assert_string_equal(en.tables[0].levels[3].rto.words, "several hours");
	assert_string_equal(zh.tables[0].version, "GB/T 20988-2007（原文示例）");
	assert_string_equal(zh.tables[0].note,
			    "本表是原文给出的示例表，并非标准条文。"
			    "GB/T 20988-2007已于2026年1月1日被"
			    "GB/T 20988-2025替代。");
	assert_string_equal(en.tables[0].note,
			    "This is the example table the document gives, "
			    "not the standard's own text. GB/T 20988-2007 "
			    "was replaced by GB/T 20988-2025 on 2026-01-01.");
	assert_string_equal(zh.archs[1].name, "两地三中心");
	assert_string_equal(zh.archs[1].sites[1].rpo.words, "<1小时");
	assert_string_equal(en.archs[0].name, "Same-city dual centre");
	bia_reference_free(&en);
	bia_reference_free(&zh);
	assert_int_equal(en.n_tables, 0);
	assert_null(en.tables[0].id);
}

/* ---- The level rule on the shipped table ---- */

static void expect_level(const bia_table *t, int64_t rto, int64_t rpo,
			 bia_level_outcome outcome, int level)
{
	int got = -1;
	assert_int_equal(bia_recommend_level(t, rto, rpo, &got), outcome);
	assert_int_equal(got, level);
}

static void test_level_rule_at_every_boundary(void **state)
{
	/* For a target of t minutes on one side alone: the level, on each
	 * side of every upper bound of the shipped table. */
	static const struct {
		int64_t t;
		int level;
	} rto[] = {
		{BIA_MAX_MINUTES, 2}, {4321, 2}, {4320, 2}, {4319, 3},
		{1441, 3}, {1440, 3}, {1439, 4}, {721, 4}, {720, 4}, {719, 5},
		{61, 5}, {60, 5}, {59, 6}, {16, 6}, {15, 6},
		{14, 0}, {1, 0}, {0, 0},
	}, rpo[] = {
		{BIA_MAX_MINUTES, 2}, {1441, 2}, {1440, 2}, {1439, 3},
		{241, 3}, {240, 3}, {239, 4}, {61, 4}, {60, 4}, {59, 5},
		{16, 5}, {15, 5}, {14, 6}, {1, 6}, {0, 6},
	};
	bia_reference r;
	const bia_table *t;
	const bia_level *l1, *l5;
	bia_table empty = {0};
	(void)state;
	fixture_bia_reference("en", &r);
	t = &r.tables[0];
	for (size_t i = 0; i < sizeof rto / sizeof rto[0]; i++) {
		expect_level(t, rto[i].t, U, rto[i].level ? BIA_LEVEL_FOUND :
			     BIA_LEVEL_NONE_MEETS, rto[i].level);
		/* The lower bounds play no part: the same with an RPO any
		 * level meets except the open level 1. */
		expect_level(t, rto[i].t, BIA_MAX_MINUTES, rto[i].level ?
			     BIA_LEVEL_FOUND : BIA_LEVEL_NONE_MEETS, rto[i].level);
	}
	for (size_t i = 0; i < sizeof rpo / sizeof rpo[0]; i++)
		expect_level(t, U, rpo[i].t, BIA_LEVEL_FOUND, rpo[i].level);
	/* Every row: its own upper bounds give that level. */
	for (int k = 2; k <= 6; k++)
		expect_level(t, doc_levels[k - 1][1], doc_levels[k - 1][3],
			     BIA_LEVEL_FOUND, k);
	/* Level 1 promises nothing finite: only a system without targets
	 * gets it. Any negative target is none. */
	expect_level(t, U, U, BIA_LEVEL_NO_TARGETS, 1);
	expect_level(t, -5, -1000, BIA_LEVEL_NO_TARGETS, 1);
	/* The stricter side decides. */
	expect_level(t, 15, 1440, BIA_LEVEL_FOUND, 6);
	expect_level(t, 4320, 0, BIA_LEVEL_FOUND, 6);
	expect_level(t, 1440, 60, BIA_LEVEL_FOUND, 4);
	expect_level(t, 14, 0, BIA_LEVEL_NONE_MEETS, 0);
	expect_level(&empty, 60, 60, BIA_LEVEL_EMPTY, 0);
	expect_level(&empty, U, U, BIA_LEVEL_EMPTY, 0);
	/* bia_shortfall names what a level cannot promise. */
	l5 = &t->levels[4];
	l1 = &t->levels[0];
	assert_int_equal(bia_shortfall(&l5->rto, &l5->rpo, 60, 15), 0);
	assert_int_equal(bia_shortfall(&l5->rto, &l5->rpo, 59, 15),
			 BIA_SHORT_RTO);
	assert_int_equal(bia_shortfall(&l5->rto, &l5->rpo, 60, 14),
			 BIA_SHORT_RPO);
	assert_int_equal(bia_shortfall(&l1->rto, &l1->rpo, BIA_MAX_MINUTES,
				       BIA_MAX_MINUTES),
			 BIA_SHORT_RTO | BIA_SHORT_RPO);
	assert_int_equal(bia_shortfall(&l1->rto, &l1->rpo, U, U), 0);
	assert_ptr_equal(bia_table_level(t, 6), &t->levels[5]);
	assert_null(bia_table_level(t, 0));
	assert_null(bia_table_level(t, 7));
	bia_reference_free(&r);
}

/* The document's four systems: RTO from §1.2, RPO of the data type each
 * holds, the level §3.1 plans ("售后服务系统推荐等级"). */
static const struct {
	const char *name;
	int64_t rto, rpo;
	int planned, recommended;
	unsigned short_of_plan;
} doc_systems[] = {
	{"道路救援", 15, 5, 5, 6, BIA_SHORT_RTO | BIA_SHORT_RPO},
	{"客服管理", 120, 60, 4, 5, BIA_SHORT_RTO},
	{"库存管理", 240, 240, 3, 5, BIA_SHORT_RTO},
	{"BI分析", 1440, 1440, 2, 3, BIA_SHORT_RTO},
};

static void test_documents_plan_against_its_table(void **state)
{
	static const struct {
		int planned;
		bia_level_outcome outcome;
		int recommended;
		bia_plan_gap gap;
	} compare[] = {
		{6, BIA_LEVEL_FOUND, 5, BIA_PLAN_STRONGER},
		{5, BIA_LEVEL_FOUND, 5, BIA_PLAN_AS_RECOMMENDED},
		{0, BIA_LEVEL_FOUND, 5, BIA_PLAN_NONE},
		{6, BIA_LEVEL_NONE_MEETS, 0, BIA_PLAN_WEAKER},
		{1, BIA_LEVEL_EMPTY, 0, BIA_PLAN_WEAKER},
		{1, BIA_LEVEL_NO_TARGETS, 1, BIA_PLAN_AS_RECOMMENDED},
		{3, BIA_LEVEL_NO_TARGETS, 1, BIA_PLAN_STRONGER},
	};
	static const int from_rollup[N_SYS] = {
		[RESCUE_SYS] = 6, [CS_SYS] = 5, [ORDER_SYS] = 6, [STOCK_SYS] = 5,
		[FIN_SYS] = 6,    [CRM_SYS] = 4, [BI_SYS] = 2,
	};
	bia_reference r;
	const bia_table *t;
	bia_rollup_input in = doc_input();
	bia_system_need need[N_SYS];
	bia_problem why;
	size_t at;
	int level;
	(void)state;
	fixture_bia_reference("zh_CN", &r);
	t = &r.tables[0];
	for (size_t i = 0; i < sizeof doc_systems / sizeof doc_systems[0];
	     i++) {
		int64_t rto = doc_systems[i].rto, rpo = doc_systems[i].rpo;
		int planned = doc_systems[i].planned;
		const bia_level *plan = bia_table_level(t, planned), *rec;
		bia_level_outcome o = bia_recommend_level(t, rto, rpo, &level);
		assert_int_equal(o, BIA_LEVEL_FOUND);
		assert_int_equal(level, doc_systems[i].recommended);
		/* Every planned level meets the RPO and falls short on the
		 * RTO: the plan follows the RPO column alone. */
		assert_int_equal(bia_plan_compare(planned, o, level),
				 BIA_PLAN_WEAKER);
		assert_int_equal(bia_shortfall(&plan->rto, &plan->rpo, rto, rpo),
				 doc_systems[i].short_of_plan);
		rec = bia_table_level(t, level);
		assert_int_equal(bia_shortfall(&rec->rto, &rec->rpo, rto, rpo), 0);
	}
	/* From the roll-up: the same for the systems with critical
	 * processes; BI, used by none, has only its RPO, which level 2 (the
	 * document's plan) meets. */
	assert_int_equal(bia_rollup(&in, need, &why, &at), ST_OK);
	for (size_t s = 0; s < N_SYS; s++) {
		assert_int_equal(bia_recommend_level(t, need[s].rto, need[s].rpo,
						     &level), BIA_LEVEL_FOUND);
		assert_int_equal(level, from_rollup[s]);
	}
	assert_int_equal(bia_plan_compare(2, BIA_LEVEL_FOUND, from_rollup[BI_SYS]),
			 BIA_PLAN_AS_RECOMMENDED);
	/* The other comparisons. */
	for (size_t i = 0; i < sizeof compare / sizeof compare[0]; i++)
		assert_int_equal(bia_plan_compare(compare[i].planned,
						  compare[i].outcome,
						  compare[i].recommended),
				 compare[i].gap);
	bia_reference_free(&r);
}

static void expect_arch(const bia_arch *a, int64_t rto, int64_t rpo,
			money production, bool meets, unsigned short0,
			unsigned short1, money lo, money hi)
{
	bia_arch_result res;
	bia_problem why = BIA_NO_MTD;
	assert_int_equal(bia_arch_check(a, rto, rpo, production, &res, &why),
			 ST_OK);
	assert_int_equal(why, BIA_OK);
	assert_int_equal(res.meets, meets);
	assert_int_equal(res.shortfall[0], short0);
	assert_int_equal(res.shortfall[1], short1);
	assert_int_equal(res.cost.lo, lo);
	assert_int_equal(res.cost.hi, hi);
}

static void test_architectures(void **state)
{
	const unsigned BOTH = BIA_SHORT_RTO | BIA_SHORT_RPO;
	bia_reference r;
	const bia_arch *same, *two, *remote;
	bia_arch_result res;
	bia_problem why;
	(void)state;
	fixture_bia_reference("en", &r);
	same = bia_reference_arch(&r, "same_city");
	two = bia_reference_arch(&r, "two_sites_three_centres");
	remote = bia_reference_arch(&r, "remote");
	/* 道路救援 (15 min, 5 min): only two sites three centres' same-city
	 * site is fast enough; its remote site covers a regional disaster. */
	expect_arch(same, 15, 5, W(100), false, BOTH, 0, W(150), W(200));
	expect_arch(two, 15, 5, W(100), true, 0, BOTH, W(250), W(300));
	expect_arch(remote, 15, 5, W(100), false, BOTH, 0, W(120), W(150));
	/* 客服管理 (2 h, 1 h). */
	expect_arch(same, 120, 60, W(100), true, 0, 0, W(150), W(200));
	expect_arch(two, 120, 60, W(100), true, 0, BIA_SHORT_RTO, W(250), W(300));
	expect_arch(remote, 120, 60, W(100), false, BOTH, 0, W(120), W(150));
	/* 库存管理 (4 h, 4 h). */
	expect_arch(same, 240, 240, W(100), true, 0, 0, W(150), W(200));
	expect_arch(two, 240, 240, W(100), true, 0, BIA_SHORT_RTO, W(250), W(300));
	expect_arch(remote, 240, 240, W(100), false, BOTH, 0, W(120), W(150));
	/* BI (24 h, 24 h): remote DR is enough; at the bounds exactly. */
	expect_arch(remote, 1440, 1440, W(100), true, 0, 0, W(120), W(150));
	expect_arch(remote, 1440, 480, W(100), true, 0, 0, W(120), W(150));
	expect_arch(remote, 1439, 479, W(100), false, BOTH, 0, W(120), W(150));
	expect_arch(remote, U, U, W(100), true, 0, 0, W(120), W(150));
	/* Cost rounded half up to the hundredth: 0.01 x 1.5 = 0.015. */
	expect_arch(same, U, U, 1, true, 0, 0, 2, 2);
	expect_arch(remote, U, U, 1, true, 0, 0, 1, 2);
	expect_arch(same, U, U, 0, true, 0, 0, 0, 0);
	expect_arch(two, U, U, MONEY_MAX, true, 0, 0, MONEY_MAX / 100 * 250,
		    MONEY_MAX * 3);
	assert_int_equal(bia_arch_check(same, U, U, -1, &res, &why), ST_INVALID);
	assert_int_equal(why, BIA_COST_RANGE);
	assert_int_equal(bia_arch_check(same, U, U, MONEY_MAX + 1, &res, &why),
			 ST_INVALID);
	assert_int_equal(why, BIA_COST_RANGE);
	bia_reference_free(&r);
}

/* ---- The loader on files that are not right ---- */

/* err must be exactly expected after the path of tests/data/ (expected
 * starts with the file's name). */
static void assert_data_error(const char *err, const char *expected)
{
	char want[4096];
	fixture_data(expected, want, sizeof want);
	assert_string_equal(err, want);
}

static void expect_refused(const char *file, const char *after)
{
	bia_reference r;
	char path[4096], err[512] = "", expected[512];
	fixture_data(file, path, sizeof path);
	assert_int_equal(bia_reference_load_file(path, &r, err, sizeof err),
			 ST_PARSE);
	snprintf(expected, sizeof expected, "%s%s", file, after);
	assert_data_error(err, expected);
	assert_int_equal(r.n_tables, 0);
	assert_int_equal(r.n_durations, 0);
	assert_int_equal(r.n_archs, 0);
}

static void test_malformed_files_name_file_and_line(void **state)
{
	/* Each file and what follows its name in the message. */
	static const char *const cases[][2] = {
		{"bad_bia_missing_cost.yaml", ":41: missing 'cost'"},
		{"bad_bia_unknown_key.yaml", ":53: unknown key 'colour'"},
		{"bad_bia_bound_text.yaml",
		 ":45: 'upper' must be a whole number from 0 to 527040, or "
		 "unbounded"},
		{"bad_bia_bound_decimal.yaml",
		 ":44: 'lower' must be a whole number from 0 to 527040"},
		{"bad_bia_bound_negative.yaml",
		 ":36: 'lower' must be a whole number from 0 to 527040"},
		{"bad_bia_bound_large.yaml",
		 ":37: 'upper' must be a whole number from 0 to 527040, or "
		 "unbounded"},
		{"bad_bia_lower_open.yaml",
		 ":32: 'lower' must be a whole number from 0 to 527040"},
		{"bad_bia_lower_above.yaml",
		 ":48: 'rpo': lower (300) is above upper (240)"},
		{"bad_bia_level_number.yaml",
		 ":41: expected level 2 here, found '3'"},
		{"bad_bia_level_missing.yaml", ":41: missing 'level'"},
		{"bad_bia_upper_rises.yaml",
		 ":48: 'rpo' upper of level 2 (1500) is above level 1's "
		 "(1440): a higher level must not promise less"},
		{"bad_bia_lower_rises.yaml",
		 ":48: 'rpo' lower of level 2 (250) is above level 1's (240): "
		 "a higher level must not promise less"},
		{"bad_bia_open_rises.yaml",
		 ":48: 'rpo' upper of level 2 (unbounded) is above level 1's "
		 "(1440): a higher level must not promise less"},
		{"bad_bia_intolerable.yaml",
		 ":20: 'intolerable' must be low, medium, high or extreme"},
		{"bad_bia_intolerable_none.yaml",
		 ":20: 'intolerable' must be low, medium, high or extreme"},
		{"bad_bia_rating_missing.yaml", ":8: missing 'extreme'"},
		{"bad_bia_rating_unknown.yaml", ":12: unknown key 'severe'"},
		{"bad_bia_duration_order.yaml",
		 ":5: 'minutes' must be more than the duration before (30)"},
		{"bad_bia_duration_zero.yaml",
		 ":3: 'minutes' must be at least 1"},
		{"bad_bia_threshold.yaml",
		 ":21: 'margin_threshold' must be a number from 0 to 100 with "
		 "at most 1 decimal"},
		{"bad_bia_threshold_decimals.yaml",
		 ":21: 'margin_threshold' must be a number from 0 to 100 with "
		 "at most 1 decimal"},
		{"bad_bia_factor_open.yaml",
		 ":62: 'cost_factor' must have an upper bound"},
		{"bad_bia_factor_text.yaml",
		 ":62: 'lower' must be a number from 0 to 100 with at most 2 "
		 "decimals"},
		{"bad_bia_arch_twice.yaml",
		 ":79: architecture 'near' is given twice"},
		{"bad_bia_id.yaml",
		 ":23: 'id' must be 1 to 40 of a-z, 0-9, '.', '_' and '-'"},
		{"bad_bia_no_levels.yaml", ":28: 'levels' is empty"},
		{"bad_bia_no_table.yaml", ":2: missing 'table'"},
		{"bad_bia_words_null.yaml",
		 ":34: 'words' must be text, not null"},
		{"bad_bia_range_list.yaml", ":31: 'rto' must be a mapping"},
		{"bad_bia_no_sites.yaml", ":65: 'sites' is empty"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect_refused(cases[i][0], cases[i][1]);
}

static void test_small_good_file(void **state)
{
	bia_reference r;
	char path[4096], err[512] = "";
	(void)state;
	fixture_data("good_bia.yaml", path, sizeof path);
	assert_int_equal(bia_reference_load_file(path, &r, err, sizeof err),
			 ST_OK);
	assert_int_equal(r.n_durations, 2);
	assert_int_equal(r.durations[1].minutes, 120);
	assert_string_equal(r.durations[1].name, "2 h");
	assert_int_equal(r.intolerable, BIA_RATING_HIGH);
	assert_int_equal(r.margin_threshold_permille, 333);
	assert_string_equal(r.dimension_names[BIA_CUSTOMER], "Customers");
	assert_string_equal(r.tables[0].file, path);
	assert_string_equal(r.tables[0].version, "1");
	expect_range(&r.tables[0].levels[0].rto, 720, OPEN);
	assert_string_equal(r.tables[0].levels[0].rto.words, "over 12 h");
	expect_range(&r.archs[0].cost_factor, 125, 200);
	expect_range(&r.archs[0].sites[0].distance, 30, OPEN);
	bia_reference_free(&r);
}

/* Copies tests/data/name to path, with the first "from" replaced by "to"
 * when from is given. */
static void copy_data(const char *name, const char *path, const char *from,
		      const char *to)
{
	char src[4096], buf[8192], *at;
	size_t n;
	FILE *f;
	fixture_data(name, src, sizeof src);
	f = fopen(src, "rb");
	assert_non_null(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	f = fopen(path, "wb");
	assert_non_null(f);
	if (from && (at = strstr(buf, from))) {
		fwrite(buf, 1, (size_t)(at - buf), f);
		fputs(to, f);
		fputs(at + strlen(from), f);
	} else {
		fputs(buf, f);
	}
	assert_int_equal(fclose(f), 0);
}

static void test_second_table_is_a_dropped_file(void **state)
{
	bia_reference r;
	char dir[4096], sub[4200], p[4300], err[1024] = "", want[9000];
	(void)state;
	fixture_dir(dir, sizeof dir);
	snprintf(p, sizeof p, "%s/bia.yaml", dir);
	copy_data("good_bia.yaml", p, NULL, NULL);
	/* No bia.d: the one table. */
	assert_int_equal(bia_reference_load(dir, &r, err, sizeof err), ST_OK);
	assert_int_equal(r.n_tables, 1);
	bia_reference_free(&r);

	snprintf(sub, sizeof sub, "%s/bia.d", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(p, sizeof p, "%s/b.yaml", sub);
	copy_data("good_bia_table.yaml", p, "test-2", "test-3");
	snprintf(p, sizeof p, "%s/a.yaml", sub);
	copy_data("good_bia_table.yaml", p, NULL, NULL);
	/* Hidden files and other names are not tables. */
	snprintf(p, sizeof p, "%s/.a.yaml", sub);
	copy_data("bad_bia_table_key.yaml", p, NULL, NULL);
	snprintf(p, sizeof p, "%s/notes.txt", sub);
	copy_data("bad_bia_table_key.yaml", p, NULL, NULL);
	assert_int_equal(bia_reference_load(dir, &r, err, sizeof err), ST_OK);
	assert_int_equal(r.n_tables, 3);
	assert_string_equal(r.tables[0].id, "test-1");
	assert_string_equal(r.tables[1].id, "test-2");
	assert_string_equal(r.tables[2].id, "test-3");
	snprintf(p, sizeof p, "%s/a.yaml", sub);
	assert_string_equal(r.tables[1].file, p);
	assert_int_equal(r.tables[1].n_levels, 1);
	expect_range(&r.tables[1].levels[0].rpo, 0, 0);
	assert_ptr_equal(bia_reference_table(&r, "test-3"), &r.tables[2]);
	bia_reference_free(&r);

	/* A table file that repeats an id fails the whole load. */
	snprintf(p, sizeof p, "%s/c.yaml", sub);
	copy_data("bad_bia_table_dup.yaml", p, NULL, NULL);
	assert_int_equal(bia_reference_load(dir, &r, err, sizeof err), ST_PARSE);
	snprintf(want, sizeof want, "%s:3: table 'test-1' is given in %s/bia.yaml "
		 "already", p, dir);
	assert_string_equal(err, want);
	assert_int_equal(r.n_tables, 0);
	assert_int_equal(remove(p), 0);

	/* bia.d that is not a folder. */
	fixture_dir(dir, sizeof dir);
	snprintf(p, sizeof p, "%s/bia.yaml", dir);
	copy_data("good_bia.yaml", p, NULL, NULL);
	snprintf(p, sizeof p, "%s/bia.d", dir);
	copy_data("good_bia_table.yaml", p, NULL, NULL);
	assert_int_equal(bia_reference_load(dir, &r, err, sizeof err), ST_IO);
	snprintf(want, sizeof want, "%s: Not a directory", p);
	assert_string_equal(err, want);
	assert_int_equal(r.n_tables, 0);

	/* No bia.yaml. */
	assert_int_equal(bia_reference_load("/nonexistent", &r, err, sizeof err),
			 ST_IO);
	assert_string_equal(err, "/nonexistent/bia.yaml: No such file or "
			    "directory");
}

static void test_table_files_refused(void **state)
{
	bia_reference r;
	char main_path[4096], p[4096], err[1024] = "", want[9000];
	(void)state;
	fixture_data("good_bia.yaml", main_path, sizeof main_path);
	assert_int_equal(bia_reference_load_file(main_path, &r, err, sizeof err),
			 ST_OK);
	/* Only bia.yaml sets durations; r keeps its one table. */
	fixture_data("bad_bia_table_key.yaml", p, sizeof p);
	assert_int_equal(bia_reference_add_table(&r, p, err, sizeof err),
			 ST_PARSE);
	assert_data_error(err, "bad_bia_table_key.yaml:2: unknown key "
			  "'durations'");
	assert_int_equal(r.n_tables, 1);
	fixture_data("bad_bia_table_dup.yaml", p, sizeof p);
	assert_int_equal(bia_reference_add_table(&r, p, err, sizeof err),
			 ST_PARSE);
	snprintf(want, sizeof want, "%s:3: table 'test-1' is given in %s "
		 "already", p, main_path);
	assert_string_equal(err, want);
	assert_int_equal(r.n_tables, 1);
	/* A main file is no table file, nor the other way round. */
	assert_int_equal(bia_reference_add_table(&r, main_path, err, sizeof err),
			 ST_PARSE);
	snprintf(want, sizeof want, "%s:2: unknown key 'durations'", main_path);
	assert_string_equal(err, want);
	fixture_data("good_bia_table.yaml", p, sizeof p);
	assert_int_equal(bia_reference_add_table(&r, p, err, sizeof err), ST_OK);
	assert_int_equal(r.n_tables, 2);
	assert_string_equal(r.tables[1].id, "test-2");
	bia_reference_free(&r);
	assert_int_equal(bia_reference_load_file(p, &r, err, sizeof err),
			 ST_PARSE);
	assert_data_error(err, "good_bia_table.yaml:2: missing 'durations'");
}

static void test_parse_from_memory(void **state)
{
	static const char broken[] = "durations: [{minutes: 15, name: a}]\n"
				     "ratings: {none: a}\n";
	bia_reference r;
	char err[512] = "";
	(void)state;
	assert_int_equal(bia_reference_parse(&r, "mem.yaml", broken,
					     sizeof broken - 1, err, sizeof err),
			 ST_PARSE);
	assert_string_equal(err, "mem.yaml:2: missing 'low'");
	assert_int_equal(r.n_durations, 0);
	assert_null(r.durations[0].name);
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
		cmocka_unit_test(test_shipped_files_agree),
		cmocka_unit_test(test_level_rule_at_every_boundary),
		cmocka_unit_test(test_documents_plan_against_its_table),
		cmocka_unit_test(test_architectures),
		cmocka_unit_test(test_malformed_files_name_file_and_line),
		cmocka_unit_test(test_small_good_file),
		cmocka_unit_test(test_second_table_is_a_dropped_file),
		cmocka_unit_test(test_table_files_refused),
		cmocka_unit_test(test_parse_from_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
