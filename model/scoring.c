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
	r->gaps[r->n_gaps++] = (score_gap){kind, crit, item, have, need, {0, 0, 0}};
}

/* Adds the evidence gap of one source (an item, or the criterion). */
static void evidence_gap(score_result *r, size_t crit, size_t item,
			 const ev_count *ev)
{
	if (ev && ev->valid > 0)
		return;
	if (ev && ev->expired > 0) {
		add_gap(r, GAP_EVIDENCE_EXPIRED, crit, item, 0, 0);
		r->gaps[r->n_gaps - 1].expired_on = ev->expired_on;
	} else {
		add_gap(r, GAP_NO_EVIDENCE, crit, item, 0, 0);
	}
}

void scoring_evaluate(const questionnaire *q, const item_state *states,
		      const ev_count *item_ev, const crit_input *answers,
		      score_result *r)
{
	memset(r, 0, sizeof *r);
	for (size_t c = 0; c < q->n_criteria; c++) {
		const q_criterion *crit = &q->criteria[c];
		crit_input in = answers ? answers[c] : (crit_input){0};
		size_t before = r->n_gaps;

		if (in.answer == ANS_NA) {
			if (!in.has_reason)
				add_gap(r, GAP_NA_NO_REASON, c, SCORE_NO_ITEM, 0, 0);
		} else {
			if (in.answer == ANS_NOT_MET)
				add_gap(r, GAP_ANSWER_NOT_MET, c, SCORE_NO_ITEM, 0, 0);
			else if (in.answer == ANS_PARTLY)
				add_gap(r, GAP_ANSWER_PARTLY, c, SCORE_NO_ITEM, 0, 0);
			else if (in.answer == ANS_UNANSWERED && crit->n_relies == 0)
				add_gap(r, GAP_NEEDS_ANSWER, c, SCORE_NO_ITEM, 0, 0);
			for (size_t i = 0; i < crit->n_relies; i++) {
				size_t item = crit->relies_on[i];
				if (states[item] < crit->min_state)
					add_gap(r, GAP_ITEM_STATE, c, item,
						states[item], crit->min_state);
			}
			/* Evidence on the criterion covers it; otherwise every
			 * item it relies on needs its own. */
			if (in.own.valid > 0)
				;
			else if (crit->n_relies == 0)
				evidence_gap(r, c, SCORE_NO_ITEM, &in.own);
			else
				for (size_t i = 0; i < crit->n_relies; i++) {
					size_t item = crit->relies_on[i];
					evidence_gap(r, c, item,
						     item_ev ? &item_ev[item] : NULL);
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
		if (gap->item != SCORE_NO_ITEM &&
		    q->criteria[gap->criterion].level == level)
			seen[gap->item] = true;
	}
	for (size_t i = 0; i < q->n_items && n < cap; i++)
		if (seen[i])
			items[n++] = i;
	return n;
}
