#include "config.h"

#include <string.h>

#include "model/compare.h"

int compare_crit_rank(const report *r, size_t crit)
{
	const q_criterion *c = &r->q->criteria[crit];
	bool started = c->n_relies > 0;

	if (r->score.satisfied[crit])
		return 2;
	if (r->answers[crit].answer == ANS_PARTLY)
		return 1;
	for (size_t i = 0; i < c->n_relies; i++)
		if (r->states[c->relies_on[i]] == ITEM_NOT_STARTED)
			started = false;
	return started ? 1 : 0;
}

static cmp_kind by_rank(int a, int b)
{
	return b > a ? CMP_IMPROVED : b < a ? CMP_REGRESSED : CMP_UNCHANGED;
}

void compare_reports(const report *a, const report *b, year_diff *d)
{
	const questionnaire *q = b->q;

	memset(d, 0, sizeof *d);
	d->level_a = a->score.level;
	d->level_b = b->score.level;
	for (size_t i = 0; i < q->n_items; i++) {
		bool empty_a = a->states[i] == ITEM_NOT_STARTED &&
			       a->evidence_count[i] == 0;
		bool some_b = b->states[i] != ITEM_NOT_STARTED ||
			      b->evidence_count[i] > 0;
		d->items[i] = empty_a && some_b
				      ? CMP_NEW
				      : by_rank((int)a->states[i], (int)b->states[i]);
		d->item_counts[d->items[i]]++;
	}
	for (size_t c = 0; c < q->n_criteria; c++) {
		int ra = compare_crit_rank(a, c), rb = compare_crit_rank(b, c);
		bool empty_a = ra == 0 && a->answers[c].answer == ANS_UNANSWERED &&
			       a->crit_evidence_own[c] == 0;
		bool some_b = rb > 0 || b->answers[c].answer != ANS_UNANSWERED ||
			      b->crit_evidence_own[c] > 0;
		d->crit_rank_a[c] = ra;
		d->crit_rank_b[c] = rb;
		d->criteria[c] = empty_a && some_b ? CMP_NEW : by_rank(ra, rb);
		d->crit_counts[d->criteria[c]]++;
	}
}
