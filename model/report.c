#include "config.h"

#include <string.h>

#include "model/report.h"

moat_status report_load(store *s, const questionnaire *q,
			int64_t assessment_id, report *r)
{
	moat_status st;

	memset(r, 0, sizeof *r);
	r->q = q;
	if ((st = store_assessment_get(s, assessment_id, &r->assessment)) ||
	    (st = store_unit_get(s, r->assessment.unit_id, &r->unit)) ||
	    (st = store_states_load(s, assessment_id, q, r->states)) ||
	    (st = store_answers_load(s, assessment_id, q, r->answers)) ||
	    (st = store_evidence_counts(s, assessment_id, q, r->evidence_count)) ||
	    (st = store_evidence_list(s, assessment_id, NULL, &r->evidence))) {
		report_free(r);
		return st;
	}
	/* The list is newest first, so the first hit per item is the latest. */
	for (size_t e = 0; e < r->evidence.n; e++) {
		int idx = questionnaire_item_index(q, r->evidence.v[e].target);
		if (idx >= 0 && !r->latest[idx])
			r->latest[idx] = &r->evidence.v[e];
	}
	for (size_t i = 0; i < q->n_items; i++) {
		if (r->states[i] == ITEM_DONE)
			r->n_done++;
		else if (r->states[i] == ITEM_IN_PROGRESS)
			r->n_in_progress++;
		else
			r->n_not_started++;
	}
	scoring_evaluate(q, r->states, r->answers, &r->score);
	return ST_OK;
}

void report_free(report *r)
{
	evidence_list_free(&r->evidence);
	memset(r, 0, sizeof *r);
}
