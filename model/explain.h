/* Sentences that explain a maturity result, shared by the screens, the
 * CLI and the workbook so they all say the same thing. */
#ifndef MOAT_EXPLAIN_H
#define MOAT_EXPLAIN_H

#include <stddef.h>

#include "model/scoring.h"

/* Text of an item state / criterion answer in the current language. */
const char *explain_state(item_state s);
const char *explain_answer(crit_answer a);

/* What is missing, without the criterion: "item 3 DR site is in progress,
 * needs done" or "not assessed yet". */
void explain_gap_detail(const questionnaire *q, const score_gap *g, char *out,
			size_t outlen);

/* The whole line: "<criterion>: <detail>". */
void explain_gap(const questionnaire *q, const score_gap *g, char *out,
		 size_t outlen);

#endif
