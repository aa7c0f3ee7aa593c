#include "config.h"

#include <string.h>

#include "model/scoring.h"

static const char *const answer_keys[CRIT_ANSWER_COUNT] = {
	"unanswered", "not_met", "partly", "met", "na"};

crit_answer scoring_next_answer(crit_answer a)
{
	/* unanswered -> met -> partly -> not met -> unanswered; "not
	 * applicable" needs a reason, so it is set on purpose, not cycled. */
	switch (a) {
	case ANS_UNANSWERED: return ANS_MET;
	case ANS_MET: return ANS_PARTLY;
	case ANS_PARTLY: return ANS_NOT_MET;
	case ANS_NOT_MET:
	case ANS_NA: break;
	}
	return ANS_UNANSWERED;
}

const char *scoring_answer_key(crit_answer a)
{
	if ((int)a < 0 || a >= CRIT_ANSWER_COUNT)
		return "?";
	return answer_keys[a];
}

bool scoring_parse_answer(const char *s, crit_answer *out)
{
	for (int i = 0; i < CRIT_ANSWER_COUNT; i++) {
		if (strcmp(s, answer_keys[i]) == 0) {
			*out = (crit_answer)i;
			return true;
		}
	}
	return false;
}

static void add_gap(score_result *r, gap_kind kind, size_t crit, size_t item,
		    item_state have, item_state need)
{
	if (r->n_gaps == SCORE_MAX_GAPS)
		return;
	r->gaps[r->n_gaps++] = (score_gap){kind, crit, item, have, need};
}

void scoring_evaluate(const questionnaire *q, const item_state *states,
		      const crit_input *answers, score_result *r)
{
	memset(r, 0, sizeof *r);
	for (size_t c = 0; c < q->n_criteria; c++) {
		const q_criterion *crit = &q->criteria[c];
		crit_input in = answers ? answers[c] : (crit_input){0};
		size_t before = r->n_gaps;

		if (in.answer == ANS_NA) {
			if (!in.has_reason)
				add_gap(r, GAP_NA_NO_REASON, c, 0, 0, 0);
		} else {
			if (in.answer == ANS_NOT_MET)
				add_gap(r, GAP_ANSWER_NOT_MET, c, 0, 0, 0);
			else if (in.answer == ANS_PARTLY)
				add_gap(r, GAP_ANSWER_PARTLY, c, 0, 0, 0);
			else if (in.answer == ANS_UNANSWERED && crit->n_relies == 0)
				add_gap(r, GAP_NEEDS_ANSWER, c, 0, 0, 0);
			for (size_t i = 0; i < crit->n_relies; i++) {
				size_t item = crit->relies_on[i];
				if (states[item] < crit->min_state)
					add_gap(r, GAP_ITEM_STATE, c, item,
						states[item], crit->min_state);
			}
		}
		r->satisfied[c] = r->n_gaps == before;
		if (!r->satisfied[c] && crit->level >= 1 && crit->level <= Q_LEVELS)
			r->open_per_level[crit->level - 1]++;
	}
	r->level = 1;
	while (r->level < Q_LEVELS && r->open_per_level[r->level] == 0)
		r->level++;
}

size_t scoring_gaps_at_level(const questionnaire *q, const score_result *r,
			     int level)
{
	size_t n = 0;
	for (size_t g = 0; g < r->n_gaps; g++)
		if (q->criteria[r->gaps[g].criterion].level == level)
			n++;
	return n;
}

size_t scoring_blocking_items(const questionnaire *q, const score_result *r,
			      int level, size_t *items, size_t cap)
{
	bool seen[Q_MAX_ITEMS] = {false};
	size_t n = 0;

	for (size_t g = 0; g < r->n_gaps; g++) {
		const score_gap *gap = &r->gaps[g];
		if (gap->kind == GAP_ITEM_STATE &&
		    q->criteria[gap->criterion].level == level)
			seen[gap->item] = true;
	}
	for (size_t i = 0; i < q->n_items && n < cap; i++)
		if (seen[i])
			items[n++] = i;
	return n;
}
