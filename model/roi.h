/* The DR investment return (§6.3): one-off investments, yearly recurring
 * costs and yearly losses avoided give the payback period, the net benefit
 * over N years (plain and discounted) and the ROI. Pure; computed from the
 * inputs, never taken from the document's results. */
#ifndef MOAT_ROI_H
#define MOAT_ROI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/money.h"
#include "model/text.h"

/* Keys of the per-unit parameters. */
#define ROI_PARAM_HORIZON "roi.horizon"
#define ROI_PARAM_RATE "roi.rate_bp"
#define PARAM_CURRENCY "currency"
#define CURRENCY_MAX 60 /* characters of the currency unit */

typedef enum { ROI_ONE_OFF = 0, ROI_RECURRING = 1, ROI_LOSS = 2 } roi_kind;

#define ROI_KIND_COUNT 3
#define ROI_MAX_YEARS 50
#define ROI_MAX_RATE_BP 10000      /* 100 % */
#define ROI_MAX_INCIDENTS_MILLI 365000 /* once a day */
#define ROI_NAME_MAX 120  /* characters in a line's name */

typedef struct {
	int64_t id;
	roi_kind kind;
	char name[TEXT_BYTES(ROI_NAME_MAX)];
	money amount;        /* one-off total, yearly cost, or loss per incident */
	int incidents_milli; /* ROI_LOSS: expected incidents a year x 1000 */
	char item[64];       /* checklist item a cost advances, "" for none
			      * (always "" on a loss) */
} roi_line;

typedef struct {
	const roi_line *lines;
	size_t n;
	int horizon;  /* N years, 1..ROI_MAX_YEARS */
	int rate_bp;  /* discount rate in hundredths of a percent */
} roi_input;

typedef struct {
	bool overflow;         /* an amount too large to add up: nothing else holds */
	money one_off;         /* sum of the one-off investments */
	money recurring;       /* yearly recurring costs */
	money losses_avoided;  /* expected losses avoided a year (amount x incidents) */
	money yearly_net;      /* losses avoided - recurring costs */
	bool pays_back;        /* yearly_net > 0 */
	double payback_years;  /* one_off / yearly_net when pays_back */
	money net_n;           /* N x yearly_net - one_off */
	double npv;            /* in hundredths, discounted at rate_bp */
	bool roi_defined;      /* one_off + N x recurring > 0 */
	double roi_pct;        /* net_n / (one_off + N x recurring) x 100 */
	int years;             /* N */
	money cumulative[ROI_MAX_YEARS + 1]; /* year t: t x yearly_net - one_off */
} roi_result;

/* What the costs naming one checklist item add up to. */
typedef struct {
	bool linked;         /* some one-off or yearly line names the item */
	size_t n_one_off;    /* one-off lines naming it */
	size_t n_recurring;  /* yearly lines naming it */
	money one_off;       /* the sum of their one-off amounts */
	money recurring;     /* the sum of their yearly amounts */
} roi_item_cost;

/* The spelling of a kind in the store ("one_off", "recurring", "loss"). */
const char *roi_kind_key(roi_kind k);
bool roi_parse_kind(const char *s, roi_kind *out);

/* Computes every figure. A horizon outside 1..ROI_MAX_YEARS is clamped. */
void roi_compute(const roi_input *in, roi_result *out);

/* The expected yearly loss of one line: amount x incidents, rounded half
 * away from zero to the hundredth. False when it would overflow. */
bool roi_line_loss(const roi_line *l, money *out);

/* Sums the one-off and yearly amounts of the lines naming item (a
 * checklist item's key; "" names none, and a loss is never counted).
 * False, with *out zeroed, when a sum would overflow. */
bool roi_cost_of_item(const roi_line *lines, size_t n, const char *item,
		      roi_item_cost *out);

#endif
