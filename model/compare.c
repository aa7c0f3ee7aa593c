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

bool compare_crit_assessed(const report *r, size_t crit)
{
	return r->q->criteria[crit].n_relies > 0 ||
	       r->answers[crit].answer != ANS_UNANSWERED;
}

cmp_reading compare_crit_reading(const report *r, size_t crit)
{
	if (!compare_crit_assessed(r, crit))
		return CMP_READ_NOT_ASSESSED;
	if (r->answers[crit].answer == ANS_NA)
		return CMP_READ_NA;
	return (cmp_reading)compare_crit_rank(r, crit);
}

void compare_reports(const report *a, const report *b, year_diff *d)
{
	const questionnaire *q = b->q;

	memset(d, 0, sizeof *d);
	d->level_a = a->score.level;
	d->level_b = b->score.level;
	for (size_t i = 0; i < q->n_items; i++) {
		d->items[i] = by_rank((int)a->states[i], (int)b->states[i]);
		d->item_counts[d->items[i]]++;
	}
	for (size_t c = 0; c < q->n_criteria; c++) {
		int ra = compare_crit_rank(a, c), rb = compare_crit_rank(b, c);
		bool was = compare_crit_assessed(a, c), is = compare_crit_assessed(b, c);
		d->crit_rank_a[c] = ra;
		d->crit_rank_b[c] = rb;
		d->crit_read_a[c] = compare_crit_reading(a, c);
		d->crit_read_b[c] = compare_crit_reading(b, c);
		d->criteria[c] = !was && is ? CMP_NEW
				 : !was && !is ? CMP_UNCHANGED
					       : by_rank(ra, rb);
		d->crit_counts[d->criteria[c]]++;
	}
}
