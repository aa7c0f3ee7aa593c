/* The maturity rule (§6.2): a level is reached when every criterion of it
 * and of every level below is satisfied. Level 1 is the starting point.
 * A criterion is satisfied when it is answered "not applicable" with a
 * written reason, or when it is not answered "not met" or "partly", the
 * checklist items it relies on have reached their state, and there is
 * valid evidence: filed on the criterion itself, or else on every item it
 * relies on. Unanswered criteria with items follow the items; criteria
 * with no item need the answer "met" and evidence of their own. Pure
 * functions over plain arrays. */
#ifndef MOAT_SCORING_H
#define MOAT_SCORING_H

#include <stdbool.h>
#include <stddef.h>

#include "model/date.h"
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

/* Evidence for one item or criterion on the day of scoring. */
typedef struct {
	int valid;       /* pieces that count */
	int expired;     /* pieces whose validity has run out */
	date expired_on; /* the latest expiry among the expired pieces */
} ev_count;

typedef struct {
	crit_answer answer;
	bool has_reason; /* a written reason exists (required for ANS_NA) */
	ev_count own;    /* evidence filed on the criterion itself */
} crit_input;

typedef enum {
	GAP_ITEM_STATE,     /* a relied-on item has not reached min_state */
	GAP_NEEDS_ANSWER,   /* criterion with no items is unanswered */
	GAP_ANSWER_NOT_MET, /* answered "not met" */
	GAP_ANSWER_PARTLY,  /* answered "partly met" */
	GAP_NA_NO_REASON,   /* "not applicable" without a written reason */
	GAP_NO_EVIDENCE,    /* no evidence (for item, or the criterion) */
	GAP_EVIDENCE_EXPIRED, /* evidence exists, but none is valid any more */
} gap_kind;

typedef struct {
	gap_kind kind;
	size_t criterion; /* index into q->criteria */
	size_t item;      /* index into q->items; SCORE_NO_ITEM for evidence
			   * the criterion itself lacks */
	item_state have;  /* GAP_ITEM_STATE: the item's state */
	item_state need;  /* GAP_ITEM_STATE: the state required */
	date expired_on;  /* GAP_EVIDENCE_EXPIRED: when the last piece ran out */
} score_gap;

#define SCORE_NO_ITEM ((size_t)-1)
#define SCORE_MAX_GAPS (Q_MAX_CRITERIA * (2 * Q_MAX_RELIES + 2))

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

/* Evaluates the whole model. states and item_ev have q->n_items entries,
 * answers has q->n_criteria entries; NULL item_ev or answers mean no
 * evidence and no answers. */
void scoring_evaluate(const questionnaire *q, const item_state *states,
		      const ev_count *item_ev, const crit_input *answers,
		      score_result *out);

/* Number of gaps in r that belong to criteria of the given level. */
size_t scoring_gaps_at_level(const questionnaire *q, const score_result *r,
			     int level);

/* Indexes of the distinct checklist items that block level (by their
 * state or their evidence), written to items (capacity cap) in checklist
 * order; returns how many. */
size_t scoring_blocking_items(const questionnaire *q, const score_result *r,
			      int level, size_t *items, size_t cap);

#endif
