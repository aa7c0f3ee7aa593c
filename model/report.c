#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/report.h"

/* Adds one piece of evidence to a count. */
static void count_for(ev_count *n, const evidence *e, evidence_state st)
{
	date until;
	if (st != EV_EXPIRED) {
		n->valid++;
		return;
	}
	n->expired++;
	if (evidence_expires_on(e, &until) &&
	    (n->expired == 1 || date_cmp(until, n->expired_on) > 0))
		n->expired_on = until;
}

void report_compute(report *r)
{
	const questionnaire *q = r->q;

	memset(r->evidence_count, 0, sizeof r->evidence_count);
	memset(r->item_ev, 0, sizeof r->item_ev);
	memset(r->crit_evidence_own, 0, sizeof r->crit_evidence_own);
	memset(r->latest, 0, sizeof r->latest);
	r->n_expiring = r->n_expired = 0;
	r->n_done = r->n_in_progress = r->n_not_started = 0;
	for (size_t c = 0; c < q->n_criteria; c++)
		r->answers[c].own = (ev_count){0, 0, {0, 0, 0}};
	/* The list is newest first, so the first hit per item is the latest. */
	for (size_t i = 0; i < r->evidence.n; i++) {
		const evidence *e = &r->evidence.v[i];
		evidence_state st = evidence_state_on(e, r->today);
		int item = questionnaire_item_index(q, e->target);
		int own = questionnaire_criterion_index(q, e->target);

		if (st == EV_EXPIRED)
			r->n_expired++;
		else if (st == EV_EXPIRING)
			r->n_expiring++;
		if (item >= 0) {
			r->evidence_count[item]++;
			count_for(&r->item_ev[item], e, st);
			if (!r->latest[item])
				r->latest[item] = e;
		}
		if (own >= 0) {
			r->crit_evidence_own[own]++;
			count_for(&r->answers[own].own, e, st);
		}
	}
	for (size_t i = 0; i < q->n_items; i++) {
		if (r->states[i] == ITEM_DONE)
			r->n_done++;
		else if (r->states[i] == ITEM_IN_PROGRESS)
			r->n_in_progress++;
		else
			r->n_not_started++;
	}
	scoring_evaluate(q, r->states, r->item_ev, r->answers, &r->score);
}

ev_count report_crit_evidence(const report *r, size_t c)
{
	const q_criterion *cr = &r->q->criteria[c];
	ev_count n = r->answers[c].own;
	for (size_t i = 0; i < cr->n_relies; i++) {
		const ev_count *it = &r->item_ev[cr->relies_on[i]];
		n.valid += it->valid;
		n.expired += it->expired;
		if (it->expired && (n.expired == it->expired ||
				    date_cmp(it->expired_on, n.expired_on) > 0))
			n.expired_on = it->expired_on;
	}
	return n;
}

moat_status report_load(store *s, const questionnaire *q,
			int64_t assessment_id, date today, report *r)
{
	moat_status st;

	memset(r, 0, sizeof *r);
	r->q = q;
	r->today = today;
	if ((st = store_assessment_get(s, assessment_id, &r->assessment)))
		return st;
	/* A finalised year is judged as it stood when it was frozen. */
	if (r->assessment.status == ASSESS_FINAL && r->assessment.judged_on.y)
		r->today = r->assessment.judged_on;
	if ((st = store_unit_get(s, r->assessment.unit_id, &r->unit)) ||
	    (st = store_states_load(s, assessment_id, q, r->states)) ||
	    (st = store_answers_load(s, assessment_id, q, r->answers)) ||
	    (st = store_evidence_list(s, assessment_id, NULL, &r->evidence))) {
		report_free(r);
		return st;
	}
	report_compute(r);
	return ST_OK;
}

void report_free(report *r)
{
	evidence_list_free(&r->evidence);
	memset(r, 0, sizeof *r);
}

/* The level of one year: kept, taken from current, or scored now. */
static moat_status year_level(store *s, const questionnaire *q,
			      const assessment *y, date today,
			      const report *current, int *level)
{
	report r;
	moat_status st;

	if (y->status == ASSESS_FINAL && y->final_level) {
		*level = y->final_level;
		return ST_OK;
	}
	if (current && current->assessment.id == y->id) {
		*level = current->score.level;
		return ST_OK;
	}
	if ((st = report_load(s, q, y->id, today, &r)))
		return st;
	*level = r.score.level;
	report_free(&r);
	return ST_OK;
}

moat_status report_years(store *s, const questionnaire *q, int64_t unit_id,
			 date today, const report *current, year_summary **out,
			 size_t *n)
{
	assessment *years = NULL;
	size_t count = 0;
	moat_status st = store_assessment_list(s, unit_id, &years, &count);

	*out = NULL;
	*n = 0;
	if (st || count == 0)
		return st;
	if (!(*out = calloc(count, sizeof **out))) {
		free(years);
		return ST_NOMEM;
	}
	for (size_t i = 0; i < count && !st; i++) {
		(*out)[i].assessment = years[i];
		st = year_level(s, q, &years[i], today, current, &(*out)[i].level);
	}
	free(years);
	if (st) {
		free(*out);
		*out = NULL;
		return st;
	}
	*n = count;
	return ST_OK;
}

moat_status report_finalise(store *s, const questionnaire *q,
			    int64_t assessment_id, date today, const char *user)
{
	report r;
	moat_status st;

	if ((st = store_batch_begin(s)))
		return st;
	if (!(st = report_load(s, q, assessment_id, today, &r))) {
		/* An already final year is refused by the store. */
		st = store_assessment_finalise(s, assessment_id, today,
					       r.score.level, user);
		report_free(&r);
	}
	return store_batch_end(s, st);
}
