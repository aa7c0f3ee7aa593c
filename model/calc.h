/* The calculators' inputs of one unit, read in one go, and their results:
 * what the ROI and investment screens, `moat roi` and the workbook share. */
#ifndef MOAT_CALC_H
#define MOAT_CALC_H

#include "model/invest.h"
#include "model/roi.h"
#include "model/store.h"

typedef struct {
	int64_t unit_id;
	char currency[TEXT_BYTES(CURRENCY_MAX)]; /* shown on every amount */
	roi_line *lines;         /* by kind, then entry order */
	size_t n_lines;
	int horizon, rate_bp;
	invest_class *classes;
	size_t n_classes;
	invest_scenarios scenarios;
	roi_result roi;          /* computed from the above */
	invest_result invest;
} calc_data;

/* Reads the unit's inputs and computes the results. Release with
 * calc_free. On failure d is empty and the store says why. */
moat_status calc_load(store *s, int64_t unit_id, calc_data *d);

/* Recomputes d->roi and d->invest after the inputs changed in memory. */
void calc_compute(calc_data *d);

void calc_free(calc_data *d);

/* Loads the document's ROI lines (§6.3), each cost naming the checklist
 * item it advances, and tiered classes (§5.1) into a unit that has none,
 * names in the current language. */
moat_status calc_load_document_figures(store *s, int64_t unit_id,
				       const char *user);

#endif
