/* Tiered DR investment (§5): classes of systems with their DR level range
 * and yearly amount, their shares of the total, and the scenarios the
 * tiered plan is compared with: one size fits all at level 5, self-built
 * vs cloud vs hybrid DR over N years (as low-high ranges), and the HA
 * upgrade of §5.3. Pure. */
#ifndef MOAT_INVEST_H
#define MOAT_INVEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/money.h"
#include "model/text.h"

#define INVEST_MIN_LEVEL 1
#define INVEST_MAX_LEVEL 6 /* GB/T 20988 has six DR levels */
#define INVEST_NAME_MAX 120 /* characters in a class's name */

typedef struct {
	int64_t id;
	/* e.g. core systems (rescue, customer service) */
	char name[TEXT_BYTES(INVEST_NAME_MAX)];
	int level_low, level_high; /* DR level range, 1..6 */
	money amount;      /* yearly amount */
} invest_class;

typedef struct {
	money lo, hi;
} money_range;

/* The comparison inputs, each a low-high range where the document gives
 * one. */
typedef struct {
	money uniform_total;     /* every system at level 5, yearly */
	money_range self_upfront, self_yearly;   /* self-built DR site */
	money_range cloud_upfront, cloud_yearly; /* public cloud DR */
	int hybrid_saving_lo_pct, hybrid_saving_hi_pct; /* vs self-built */
	int horizon;             /* N years for the DR options */
	money ha_before, ha_after;       /* §5.3 cost of the two architectures */
	int ha_rto_before_min, ha_rto_after_min;
	int ha_rpo_before_min, ha_rpo_after_min;
} invest_scenarios;

typedef struct {
	bool overflow;
	money total;             /* sum of the classes */
	int share_bp[64];        /* per class, hundredths of a percent */
	money uniform_extra;     /* uniform_total - total */
	double uniform_ratio;    /* uniform_total / total (0 when total is 0) */
	money_range self_n, cloud_n, hybrid_n; /* totals over N years */
	money ha_extra;          /* ha_after - ha_before */
	double ha_extra_pct;     /* of ha_before (0 when it is 0) */
} invest_result;

#define INVEST_MAX_CLASSES 64

/* The editable scenario figures, one by one, for screens, storage and the
 * workbook. */
typedef enum {
	SC_UNIFORM,
	SC_SELF_UP_LO, SC_SELF_UP_HI, SC_SELF_YEAR_LO, SC_SELF_YEAR_HI,
	SC_CLOUD_UP_LO, SC_CLOUD_UP_HI, SC_CLOUD_YEAR_LO, SC_CLOUD_YEAR_HI,
	SC_HYBRID_LO, SC_HYBRID_HI,
	SC_HORIZON,
	SC_HA_BEFORE, SC_HA_AFTER,
	SC_HA_RTO_BEFORE, SC_HA_RTO_AFTER, SC_HA_RPO_BEFORE, SC_HA_RPO_AFTER,
	SC__COUNT
} sc_field;

typedef enum { SCF_MONEY, SCF_PERCENT, SCF_YEARS, SCF_MINUTES } sc_type;

/* The stored key ("inv.uniform") and the kind of a field. */
const char *invest_field_key(sc_field f);
sc_type invest_field_type(sc_field f);
int64_t invest_field_get(const invest_scenarios *sc, sc_field f);
void invest_field_set(invest_scenarios *sc, sc_field f, int64_t v);

typedef enum {
	SCE_OK,
	SCE_RANGE,      /* low above high */
	SCE_PERCENT,    /* not 0..100 */
	SCE_YEARS,      /* not 1..50 */
	SCE_NEGATIVE,
} sc_error;

/* Would setting f to v leave the scenarios consistent? */
sc_error invest_field_check(const invest_scenarios *sc, sc_field f, int64_t v);

/* What v must be for f on its own, before it is compared with the other
 * end of its range. */
sc_error invest_field_check_alone(sc_field f, int64_t v);

/* The other end of a low-high range (SC_SELF_UP_LO and SC_SELF_UP_HI...),
 * or SC__COUNT for a field that is no end of one; and whether f is the
 * low end. */
sc_field invest_field_partner(sc_field f);
bool invest_field_is_low(sc_field f);

/* A range typed one end at a time is checked once both ends are known:
 * f set to v and its partner to partner_v, each checked alone, then low
 * against high. The rest of sc is as stored. */
sc_error invest_pair_check(const invest_scenarios *sc, sc_field f, int64_t v,
			   int64_t partner_v);

/* Is low..high a DR level range: 1 <= low <= high <= 6? */
bool invest_levels_ok(int low, int high);

/* Computes shares, totals and comparisons. Shares are rounded half away
 * from zero and need not add up to exactly 100 %. */
void invest_compute(const invest_class *classes, size_t n,
		    const invest_scenarios *sc, invest_result *out);

/* A range over N years: upfront + N x yearly, low with low, high with high. */
bool invest_range_over(money_range upfront, money_range yearly, int years,
		       money_range *out);

/* The document's figures (§5.1-5.3), used for a new organisation and the
 * demo; amounts in hundredths of 万元. */
void invest_document_scenarios(invest_scenarios *out);

#endif
