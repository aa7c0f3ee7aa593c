/* The maturity rule (§6.2): a level is reached when every criterion of it
 * and of every level below is satisfied. Level 1 is the starting point.
 * Pure functions over plain arrays; no database. */
#ifndef MOAT_SCORING_H
#define MOAT_SCORING_H

#include <stdbool.h>
#include <stddef.h>

#include "model/questionnaire.h"

/* A manager's answer to a criterion. Unanswered criteria that rely on
 * checklist items follow those items. */
typedef enum {
	ANS_UNANSWERED = 0,
	ANS_NOT_MET = 1,
	ANS_PARTLY = 2,
	ANS_MET = 3,
	ANS_NA = 4,
} crit_answer;

#define CRIT_ANSWER_COUNT 5

typedef struct {
	crit_answer answer;
	bool has_reason; /* a written reason exists (required for ANS_NA) */
} crit_input;

typedef enum {
	GAP_ITEM_STATE,     /* a relied-on item has not reached min_state */
	GAP_NEEDS_ANSWER,   /* criterion with no items is unanswered */
	GAP_ANSWER_NOT_MET, /* answered "not met" */
	GAP_ANSWER_PARTLY,  /* answered "partly met" */
	GAP_NA_NO_REASON,   /* "not applicable" without a written reason */
} gap_kind;

typedef struct {
	gap_kind kind;
	size_t criterion; /* index into q->criteria */
	size_t item;      /* GAP_ITEM_STATE: index into q->items */
	item_state have;  /* GAP_ITEM_STATE: the item's state */
	item_state need;  /* GAP_ITEM_STATE: the state required */
} score_gap;

#define SCORE_MAX_GAPS (Q_MAX_CRITERIA * (Q_MAX_RELIES + 1))

typedef struct {
	int level;                         /* reached level, 1..5 */
	bool satisfied[Q_MAX_CRITERIA];    /* per criterion */
	size_t open_per_level[Q_LEVELS];   /* unsatisfied criteria per level */
	score_gap gaps[SCORE_MAX_GAPS];    /* every gap, in criterion order */
	size_t n_gaps;
} score_result;

/* Answer after a when cycling on the maturity screen. */
crit_answer scoring_next_answer(crit_answer a);

/* Stable spelling of an answer for storage and exports ("met", ...). */
const char *scoring_answer_key(crit_answer a);
bool scoring_parse_answer(const char *s, crit_answer *out);

/* Evaluates the whole model. states has q->n_items entries; answers has
 * q->n_criteria entries or is NULL (all unanswered). */
void scoring_evaluate(const questionnaire *q, const item_state *states,
		      const crit_input *answers, score_result *out);

/* Number of gaps in r that belong to criteria of the given level. */
size_t scoring_gaps_at_level(const questionnaire *q, const score_result *r,
			     int level);

/* Indexes of the distinct checklist items that block level, written to
 * items (capacity cap) in checklist order; returns how many. */
size_t scoring_blocking_items(const questionnaire *q, const score_result *r,
			      int level, size_t *items, size_t cap);

#endif
