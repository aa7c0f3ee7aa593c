#include "config.h"

#include <stddef.h>
#include <string.h>

#include "model/invest.h"

bool invest_range_over(money_range upfront, money_range yearly, int years,
		       money_range *out)
{
	money a, b;
	if (__builtin_mul_overflow(yearly.lo, (money)years, &a) ||
	    __builtin_mul_overflow(yearly.hi, (money)years, &b) ||
	    __builtin_add_overflow(a, upfront.lo, &out->lo) ||
	    __builtin_add_overflow(b, upfront.hi, &out->hi))
		return false;
	return true;
}

/* v x (100 - pct) / 100, rounded half up (amounts are not negative). */
static money less_pct(money v, int pct)
{
	return (v * (100 - pct) + 50) / 100;
}

void invest_compute(const invest_class *classes, size_t n,
		    const invest_scenarios *sc, invest_result *r)
{
	bool ok = true;

	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < n && ok; i++)
		ok = !__builtin_add_overflow(r->total, classes[i].amount, &r->total);
	ok = ok && invest_range_over(sc->self_upfront, sc->self_yearly,
				     sc->horizon, &r->self_n) &&
	     invest_range_over(sc->cloud_upfront, sc->cloud_yearly, sc->horizon,
			       &r->cloud_n) &&
	     r->self_n.hi <= MONEY_MAX * 100;
	if (!ok) {
		memset(r, 0, sizeof *r);
		r->overflow = true;
		return;
	}
	for (size_t i = 0; i < n && i < INVEST_MAX_CLASSES; i++)
		r->share_bp[i] = r->total > 0
					 ? (int)((classes[i].amount * 10000 + r->total / 2) /
						 r->total)
					 : 0;
	r->uniform_extra = sc->uniform_total - r->total;
	r->uniform_ratio = r->total > 0 ? (double)sc->uniform_total / (double)r->total
					: 0;
	/* The most saved applies to the low end, the least to the high end. */
	r->hybrid_n.lo = less_pct(r->self_n.lo, sc->hybrid_saving_hi_pct);
	r->hybrid_n.hi = less_pct(r->self_n.hi, sc->hybrid_saving_lo_pct);
	r->ha_extra = sc->ha_after - sc->ha_before;
	r->ha_extra_pct = sc->ha_before > 0
				  ? (double)r->ha_extra * 100.0 / (double)sc->ha_before
				  : 0;
}

void invest_document_scenarios(invest_scenarios *s)
{
	memset(s, 0, sizeof *s);
	s->uniform_total = 1500 * 100;
	s->self_upfront = (money_range){500 * 100, 1000 * 100};
	s->self_yearly = (money_range){100 * 100, 200 * 100};
	s->cloud_upfront = (money_range){0, 0};
	s->cloud_yearly = (money_range){50 * 100, 150 * 100};
	s->hybrid_saving_lo_pct = 30;
	s->hybrid_saving_hi_pct = 50;
	s->horizon = 5;
	s->ha_before = 100 * 100;
	s->ha_after = 150 * 100;
	s->ha_rto_before_min = 24 * 60;
	s->ha_rto_after_min = 15;
	s->ha_rpo_before_min = 24 * 60;
	s->ha_rpo_after_min = 15;
}

static const struct {
	const char *key;
	sc_type type;
	size_t offset;
} fields[SC__COUNT] = {
#define F(id, key, type, member) [id] = {key, type, offsetof(invest_scenarios, member)}
	F(SC_UNIFORM, "inv.uniform", SCF_MONEY, uniform_total),
	F(SC_SELF_UP_LO, "inv.self_up_lo", SCF_MONEY, self_upfront.lo),
	F(SC_SELF_UP_HI, "inv.self_up_hi", SCF_MONEY, self_upfront.hi),
	F(SC_SELF_YEAR_LO, "inv.self_year_lo", SCF_MONEY, self_yearly.lo),
	F(SC_SELF_YEAR_HI, "inv.self_year_hi", SCF_MONEY, self_yearly.hi),
	F(SC_CLOUD_UP_LO, "inv.cloud_up_lo", SCF_MONEY, cloud_upfront.lo),
	F(SC_CLOUD_UP_HI, "inv.cloud_up_hi", SCF_MONEY, cloud_upfront.hi),
	F(SC_CLOUD_YEAR_LO, "inv.cloud_year_lo", SCF_MONEY, cloud_yearly.lo),
	F(SC_CLOUD_YEAR_HI, "inv.cloud_year_hi", SCF_MONEY, cloud_yearly.hi),
	F(SC_HYBRID_LO, "inv.hybrid_lo", SCF_PERCENT, hybrid_saving_lo_pct),
	F(SC_HYBRID_HI, "inv.hybrid_hi", SCF_PERCENT, hybrid_saving_hi_pct),
	F(SC_HORIZON, "inv.horizon", SCF_YEARS, horizon),
	F(SC_HA_BEFORE, "inv.ha_before", SCF_MONEY, ha_before),
	F(SC_HA_AFTER, "inv.ha_after", SCF_MONEY, ha_after),
	F(SC_HA_RTO_BEFORE, "inv.ha_rto_before", SCF_MINUTES, ha_rto_before_min),
	F(SC_HA_RTO_AFTER, "inv.ha_rto_after", SCF_MINUTES, ha_rto_after_min),
	F(SC_HA_RPO_BEFORE, "inv.ha_rpo_before", SCF_MINUTES, ha_rpo_before_min),
	F(SC_HA_RPO_AFTER, "inv.ha_rpo_after", SCF_MINUTES, ha_rpo_after_min),
#undef F
};

const char *invest_field_key(sc_field f)
{
	return (unsigned)f < SC__COUNT ? fields[f].key : "?";
}

sc_type invest_field_type(sc_field f)
{
	return (unsigned)f < SC__COUNT ? fields[f].type : SCF_MONEY;
}

/* Money fields are int64, the others int. */
int64_t invest_field_get(const invest_scenarios *sc, sc_field f)
{
	const char *p = (const char *)sc + fields[f].offset;
	if (fields[f].type == SCF_MONEY)
		return *(const money *)(const void *)p;
	return *(const int *)(const void *)p;
}

void invest_field_set(invest_scenarios *sc, sc_field f, int64_t v)
{
	char *p = (char *)sc + fields[f].offset;
	if (fields[f].type == SCF_MONEY)
		*(money *)(void *)p = v;
	else
		*(int *)(void *)p = (int)v;
}

sc_field invest_field_partner(sc_field f)
{
	static const sc_field pairs[][2] = {
		{SC_SELF_UP_LO, SC_SELF_UP_HI}, {SC_SELF_YEAR_LO, SC_SELF_YEAR_HI},
		{SC_CLOUD_UP_LO, SC_CLOUD_UP_HI}, {SC_CLOUD_YEAR_LO, SC_CLOUD_YEAR_HI},
		{SC_HYBRID_LO, SC_HYBRID_HI},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		if (pairs[i][0] == f)
			return pairs[i][1];
		if (pairs[i][1] == f)
			return pairs[i][0];
	}
	return SC__COUNT;
}

bool invest_field_is_low(sc_field f)
{
	return f == SC_SELF_UP_LO || f == SC_SELF_YEAR_LO || f == SC_CLOUD_UP_LO ||
	       f == SC_CLOUD_YEAR_LO || f == SC_HYBRID_LO;
}

sc_error invest_field_check_alone(sc_field f, int64_t v)
{
	if (v < 0)
		return SCE_NEGATIVE;
	if (fields[f].type == SCF_PERCENT && v > 100)
		return SCE_PERCENT;
	if (fields[f].type == SCF_YEARS && (v < 1 || v > 50))
		return SCE_YEARS;
	return SCE_OK;
}

sc_error invest_field_check(const invest_scenarios *sc, sc_field f, int64_t v)
{
	sc_field other = invest_field_partner(f);
	sc_error e = invest_field_check_alone(f, v);
	if (e == SCE_OK && other != SC__COUNT) {
		int64_t o = invest_field_get(sc, other);
		if (invest_field_is_low(f) ? v > o : v < o)
			return SCE_RANGE;
	}
	return e;
}

sc_error invest_pair_check(const invest_scenarios *sc, sc_field f, int64_t v,
			   int64_t partner_v)
{
	invest_scenarios both = *sc;
	sc_field other = invest_field_partner(f);
	sc_error e;

	if (other == SC__COUNT)
		return invest_field_check(sc, f, v);
	if ((e = invest_field_check_alone(other, partner_v)) != SCE_OK)
		return e;
	invest_field_set(&both, other, partner_v);
	return invest_field_check(&both, f, v);
}

bool invest_levels_ok(int low, int high)
{
	return low >= INVEST_MIN_LEVEL && high <= INVEST_MAX_LEVEL && low <= high;
}
