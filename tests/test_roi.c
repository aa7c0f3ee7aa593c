#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "model/invest.h"
#include "model/money.h"
#include "model/roi.h"

#define W(units) ((money)(units) * 100) /* whole units of 万元 */

static void test_money_parse_and_format(void **state)
{
	money m;
	char buf[32];
	(void)state;
	assert_int_equal(money_parse("300", false, &m), NUM_OK);
	assert_int_equal(m, 30000);
	assert_int_equal(money_parse(" 12.5 ", false, &m), NUM_OK);
	assert_int_equal(m, 1250);
	assert_int_equal(money_parse("1,000.25", false, &m), NUM_OK);
	assert_int_equal(m, 100025);
	assert_int_equal(money_parse("0.01", false, &m), NUM_OK);
	assert_int_equal(m, 1);
	assert_int_equal(money_parse("1.234", false, &m), NUM_TOO_MANY_DECIMALS);
	assert_int_equal(money_parse("12a", false, &m), NUM_NOT_A_NUMBER);
	assert_int_equal(money_parse("abc", false, &m), NUM_NOT_A_NUMBER);
	assert_int_equal(money_parse("1 2", false, &m), NUM_NOT_A_NUMBER);
	assert_int_equal(money_parse("", false, &m), NUM_EMPTY);
	assert_int_equal(money_parse(".", false, &m), NUM_NOT_A_NUMBER);
	assert_int_equal(money_parse("-5", false, &m), NUM_NEGATIVE);
	assert_int_equal(money_parse("-5", true, &m), NUM_OK);
	assert_int_equal(m, -500);
	assert_int_equal(money_parse("1000000000000", false, &m), NUM_OK);
	assert_int_equal(m, MONEY_MAX);
	assert_int_equal(money_parse("1000000000000.01", false, &m), NUM_TOO_LARGE);
	assert_int_equal(money_parse("99999999999999999999999", false, &m),
			 NUM_TOO_LARGE);
	/* Re-entry never drifts: format and parse back give the same. */
	for (money v = 0; v < 100000; v += 7) {
		money back;
		money_format(v, buf, sizeof buf);
		assert_int_equal(money_parse(buf, false, &back), NUM_OK);
		assert_int_equal(back, v);
	}
	money_format(129000, buf, sizeof buf);
	assert_string_equal(buf, "1290");
	money_format(1250, buf, sizeof buf);
	assert_string_equal(buf, "12.50");
	money_format(-3005, buf, sizeof buf);
	assert_string_equal(buf, "-30.05");
	num_format_double(1.0909090909, 2, buf, sizeof buf);
	assert_string_equal(buf, "1.09");
	num_format_double(-0.001, 2, buf, sizeof buf);
	assert_string_equal(buf, "0.00");
}

/* The document's §6.3 inputs. */
static const roi_line doc_lines[] = {
	{1, ROI_ONE_OFF, "DR centre", W(300), 0},
	{2, ROI_ONE_OFF, "Backup system", W(50), 0},
	{3, ROI_ONE_OFF, "Training", W(10), 0},
	{4, ROI_RECURRING, "Leased line", W(20), 0},
	{5, ROI_LOSS, "Direct loss", W(150), 1000},
	{6, ROI_LOSS, "Customer churn", W(50), 1000},
	{7, ROI_LOSS, "Reputation", W(100), 1000},
	{8, ROI_LOSS, "Fines", W(50), 1000},
};

static void test_roi_on_the_documents_figures(void **state)
{
	roi_input in = {doc_lines, 8, 5, 0};
	roi_result r;
	(void)state;
	roi_compute(&in, &r);
	assert_false(r.overflow);
	assert_int_equal(r.one_off, W(360));
	assert_int_equal(r.recurring, W(20));
	assert_int_equal(r.losses_avoided, W(350));
	assert_int_equal(r.yearly_net, W(330));
	assert_true(r.pays_back);
	/* 360 / 330 = 1.0909...; the document's 1.03 ignores the line. */
	assert_true(fabs(r.payback_years - 360.0 / 330.0) < 1e-12);
	/* 5 x 330 - 360 = 1290 (the document prints 1190, a slip). */
	assert_int_equal(r.net_n, W(1290));
	assert_true(fabs(r.npv - (double)W(1290)) < 1e-6);
	assert_true(r.roi_defined);
	assert_true(fabs(r.roi_pct - 1290.0 * 100 / 460) < 1e-9); /* 280.43 % */
	assert_int_equal(r.years, 5);
	assert_int_equal(r.cumulative[0], -W(360));
	assert_int_equal(r.cumulative[1], -W(30));
	assert_int_equal(r.cumulative[2], W(300));
	assert_int_equal(r.cumulative[5], W(1290));
}

static void test_roi_discount_rate(void **state)
{
	roi_input in = {doc_lines, 8, 5, 800}; /* 8 % */
	roi_result r;
	double expect = -36000.0;
	(void)state;
	for (int t = 1; t <= 5; t++)
		expect += 33000.0 / pow(1.08, t);
	roi_compute(&in, &r);
	assert_true(fabs(r.npv - expect) < 1e-6);
	/* 330 x 3.99271 - 360 = 957.59 万元 */
	assert_int_equal((long)llround(r.npv), 95759);
	/* The undiscounted figures do not change with the rate. */
	assert_int_equal(r.net_n, W(1290));
}

static void test_roi_one_year_and_incidents(void **state)
{
	roi_line lines[] = {
		{1, ROI_ONE_OFF, "a", W(100), 0},
		{2, ROI_LOSS, "b", W(80), 500},    /* once in two years: 40 */
		{3, ROI_LOSS, "c", 333, 1500},     /* 3.33 x 1.5 = 4.995 -> 5.00 */
	};
	roi_input in = {lines, 3, 1, 0};
	roi_result r;
	(void)state;
	roi_compute(&in, &r);
	assert_int_equal(r.losses_avoided, W(40) + 500);
	assert_int_equal(r.yearly_net, 4500);
	assert_int_equal(r.net_n, 4500 - W(100));
	assert_int_equal(r.years, 1);
	assert_int_equal(r.cumulative[1], -5500);
	assert_true(fabs(r.payback_years - 10000.0 / 4500.0) < 1e-12);
	assert_true(fabs(r.roi_pct - (-55.0)) < 1e-9);
}

static void test_roi_never_pays_back(void **state)
{
	roi_line lines[] = {
		{1, ROI_ONE_OFF, "a", W(100), 0},
		{2, ROI_RECURRING, "b", W(30), 0},
		{3, ROI_LOSS, "c", W(30), 1000},
	};
	roi_input in = {lines, 3, 5, 0};
	roi_result r;
	(void)state;
	roi_compute(&in, &r);
	assert_int_equal(r.yearly_net, 0);
	assert_false(r.pays_back);
	assert_int_equal(r.net_n, -W(100));
	lines[1].amount = W(50);
	roi_compute(&in, &r);
	assert_int_equal(r.yearly_net, -W(20));
	assert_false(r.pays_back);
	/* Nothing invested at all: ROI is undefined, not a division by 0. */
	in.n = 0;
	roi_compute(&in, &r);
	assert_false(r.roi_defined);
	assert_false(r.pays_back);
	assert_int_equal(r.net_n, 0);
}

static void test_roi_huge_amounts(void **state)
{
	roi_line lines[] = {
		{1, ROI_LOSS, "a", MONEY_MAX, ROI_MAX_INCIDENTS_MILLI},
		{2, ROI_LOSS, "b", MONEY_MAX, ROI_MAX_INCIDENTS_MILLI},
		{3, ROI_ONE_OFF, "c", MONEY_MAX, 0},
	};
	roi_input in = {lines, 2, ROI_MAX_YEARS, 0};
	roi_result r;
	(void)state;
	/* 2 x 10^14 x 365 fits; over 50 years it does not: reported. */
	roi_compute(&in, &r);
	assert_true(r.overflow);
	in.horizon = 1;
	in.n = 1;
	lines[0].incidents_milli = 1000;
	roi_compute(&in, &r);
	assert_false(r.overflow);
	assert_int_equal(r.losses_avoided, MONEY_MAX);
	/* A horizon out of range is clamped. */
	in.horizon = 500;
	roi_compute(&in, &r);
	assert_int_equal(r.years, ROI_MAX_YEARS);
	in.horizon = 0;
	roi_compute(&in, &r);
	assert_int_equal(r.years, 1);
}

/* The document's costs as the demo links them: the DR centre and the
 * leased line advance the DR site, the backup system the 3-2-1 backups,
 * the training the emergency team. */
static void test_cost_of_an_item(void **state)
{
	roi_line lines[] = {
		{1, ROI_ONE_OFF, "DR centre", W(300), 0, "dr_site"},
		{2, ROI_ONE_OFF, "Backup system", W(50), 0, "backup_321"},
		{3, ROI_ONE_OFF, "Training", W(10), 0, "team"},
		{4, ROI_RECURRING, "Leased line", W(20), 0, "dr_site"},
		{5, ROI_LOSS, "Direct loss", W(150), 1000, ""},
		{6, ROI_ONE_OFF, "Second hall", 1234, 0, "dr_site"},
	};
	roi_item_cost c;
	(void)state;

	assert_true(roi_cost_of_item(lines, 6, "dr_site", &c));
	assert_true(c.linked);
	assert_int_equal(c.n_one_off, 2);
	assert_int_equal(c.n_recurring, 1);
	assert_int_equal(c.one_off, W(300) + 1234);
	assert_int_equal(c.recurring, W(20));
	assert_true(roi_cost_of_item(lines, 6, "backup_321", &c));
	assert_true(c.linked);
	assert_int_equal(c.n_one_off, 1);
	assert_int_equal(c.n_recurring, 0);
	assert_int_equal(c.one_off, W(50));
	assert_int_equal(c.recurring, 0);
	/* No line names it; nor does "" name anything. */
	assert_true(roi_cost_of_item(lines, 6, "drills", &c));
	assert_false(c.linked);
	assert_int_equal(c.one_off + c.recurring, 0);
	assert_true(roi_cost_of_item(lines, 6, "", &c));
	assert_false(c.linked);
	assert_int_equal(c.n_one_off + c.n_recurring, 0);
	/* A yearly cost alone, and one costing nothing, still links. */
	lines[0].item[0] = lines[5].item[0] = '\0';
	lines[3].amount = 0;
	assert_true(roi_cost_of_item(lines, 6, "dr_site", &c));
	assert_true(c.linked);
	assert_int_equal(c.n_one_off, 0);
	assert_int_equal(c.n_recurring, 1);
	assert_int_equal(c.recurring, 0);
	/* A loss never counts, even if it names the item. */
	snprintf(lines[4].item, sizeof lines[4].item, "team");
	assert_true(roi_cost_of_item(lines, 6, "team", &c));
	assert_int_equal(c.n_one_off, 1);
	assert_int_equal(c.one_off, W(10));
	assert_int_equal(c.n_recurring, 0);
	assert_int_equal(c.recurring, 0);
}

/* Sums past what an amount holds are an error, not a wrapped figure. */
static void test_cost_of_an_item_overflows(void **state)
{
	roi_line lines[] = {
		{1, ROI_RECURRING, "a", INT64_MAX - 5, 0, "dr_site"},
		{2, ROI_RECURRING, "b", 5, 0, "dr_site"},
		{3, ROI_RECURRING, "c", 1, 0, "dr_site"},
	};
	roi_item_cost c;
	(void)state;

	assert_true(roi_cost_of_item(lines, 2, "dr_site", &c));
	assert_int_equal(c.recurring, INT64_MAX);
	assert_false(roi_cost_of_item(lines, 3, "dr_site", &c));
	assert_false(c.linked);
	assert_int_equal(c.recurring, 0);
	assert_int_equal(c.n_recurring, 0);
}

static void test_tiered_investment_and_scenarios(void **state)
{
	invest_class classes[] = {
		{1, "Core", 4, 5, W(300)},
		{2, "Important", 3, 3, W(150)},
		{3, "General", 1, 2, W(50)},
	};
	invest_scenarios sc;
	invest_result r;
	(void)state;
	invest_document_scenarios(&sc);
	invest_compute(classes, 3, &sc, &r);
	assert_false(r.overflow);
	assert_int_equal(r.total, W(500));
	assert_int_equal(r.share_bp[0], 6000);
	assert_int_equal(r.share_bp[1], 3000);
	assert_int_equal(r.share_bp[2], 1000);
	assert_int_equal(r.uniform_extra, W(1000));
	assert_true(fabs(r.uniform_ratio - 3.0) < 1e-12);
	/* Over 5 years: self-built 500-1000 + 5 x 100-200. */
	assert_int_equal(r.self_n.lo, W(1000));
	assert_int_equal(r.self_n.hi, W(2000));
	assert_int_equal(r.cloud_n.lo, W(250));
	assert_int_equal(r.cloud_n.hi, W(750));
	/* Hybrid saves 30-50 %: 50 % off the low end, 30 % off the high. */
	assert_int_equal(r.hybrid_n.lo, W(500));
	assert_int_equal(r.hybrid_n.hi, W(1400));
	assert_int_equal(r.ha_extra, W(50));
	assert_true(fabs(r.ha_extra_pct - 50.0) < 1e-12);

	/* Thirds round half away from zero. */
	classes[0].amount = classes[1].amount = classes[2].amount = W(1);
	invest_compute(classes, 3, &sc, &r);
	assert_int_equal(r.share_bp[0], 3333);
	/* No classes: shares 0, no division by zero. */
	invest_compute(classes, 0, &sc, &r);
	assert_int_equal(r.total, 0);
	assert_true(r.uniform_ratio == 0);
}

static void test_scenario_fields_are_checked(void **state)
{
	invest_scenarios sc;
	(void)state;
	invest_document_scenarios(&sc);
	assert_int_equal(invest_field_get(&sc, SC_SELF_UP_HI), W(1000));
	assert_int_equal(invest_field_get(&sc, SC_HYBRID_LO), 30);
	assert_int_equal(invest_field_check(&sc, SC_SELF_UP_LO, W(1200)), SCE_RANGE);
	assert_int_equal(invest_field_check(&sc, SC_SELF_UP_HI, W(400)), SCE_RANGE);
	assert_int_equal(invest_field_check(&sc, SC_SELF_UP_LO, W(1000)), SCE_OK);
	assert_int_equal(invest_field_check(&sc, SC_HYBRID_HI, 101), SCE_PERCENT);
	assert_int_equal(invest_field_check(&sc, SC_HORIZON, 0), SCE_YEARS);
	assert_int_equal(invest_field_check(&sc, SC_UNIFORM, -1), SCE_NEGATIVE);
	invest_field_set(&sc, SC_HORIZON, 10);
	assert_int_equal(sc.horizon, 10);
	invest_field_set(&sc, SC_CLOUD_YEAR_HI, W(99));
	assert_int_equal(sc.cloud_yearly.hi, W(99));
	assert_string_equal(invest_field_key(SC_HA_RTO_AFTER), "inv.ha_rto_after");
}

static void test_ranges_are_checked_when_both_ends_are_known(void **state)
{
	invest_scenarios sc;
	(void)state;
	invest_document_scenarios(&sc); /* self-built up front 500-1000 */
	assert_int_equal(invest_field_partner(SC_SELF_UP_LO), SC_SELF_UP_HI);
	assert_int_equal(invest_field_partner(SC_HYBRID_HI), SC_HYBRID_LO);
	assert_int_equal(invest_field_partner(SC_HA_BEFORE), SC__COUNT);
	assert_true(invest_field_is_low(SC_CLOUD_YEAR_LO));
	assert_false(invest_field_is_low(SC_CLOUD_YEAR_HI));
	/* 2000-3000 typed low first: 2000 alone is above the stored 1000,
	 * with its partner 3000 the pair holds. */
	assert_int_equal(invest_field_check(&sc, SC_SELF_UP_LO, W(2000)), SCE_RANGE);
	assert_int_equal(invest_field_check_alone(SC_SELF_UP_LO, W(2000)), SCE_OK);
	assert_int_equal(invest_pair_check(&sc, SC_SELF_UP_HI, W(3000), W(2000)),
			 SCE_OK);
	assert_int_equal(invest_pair_check(&sc, SC_SELF_UP_HI, W(1500), W(2000)),
			 SCE_RANGE);
	/* Each end is still checked alone. */
	assert_int_equal(invest_pair_check(&sc, SC_HYBRID_HI, 50, 120), SCE_PERCENT);
	assert_int_equal(invest_field_check_alone(SC_SELF_UP_HI, -1), SCE_NEGATIVE);
	/* A field with no partner is checked as on its own. */
	assert_int_equal(invest_pair_check(&sc, SC_HORIZON, 0, 5), SCE_YEARS);
	assert_true(invest_levels_ok(3, 5));
	assert_true(invest_levels_ok(6, 6));
	assert_false(invest_levels_ok(3, 1));
	assert_false(invest_levels_ok(0, 2));
	assert_false(invest_levels_ok(2, 7));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_parse_and_format),
		cmocka_unit_test(test_roi_on_the_documents_figures),
		cmocka_unit_test(test_roi_discount_rate),
		cmocka_unit_test(test_roi_one_year_and_incidents),
		cmocka_unit_test(test_roi_never_pays_back),
		cmocka_unit_test(test_roi_huge_amounts),
		cmocka_unit_test(test_cost_of_an_item),
		cmocka_unit_test(test_cost_of_an_item_overflows),
		cmocka_unit_test(test_tiered_investment_and_scenarios),
		cmocka_unit_test(test_scenario_fields_are_checked),
		cmocka_unit_test(test_ranges_are_checked_when_both_ends_are_known),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
