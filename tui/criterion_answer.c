#include "config.h"

#include <stdlib.h>

#include "tui/app.h"
#include "tui/criterion_answer.h"
#include "tui/prompt.h"

static screen *na_reason_given(app *a, void *ctx, const char *reason)
{
	size_t *crit = ctx;
	if (*reason)
		app_wrote_parts(a, store_answer_set(a->st, a->assessment_id,
						    a->q->criteria[*crit].key,
						    ANS_NA, reason, a->user),
				PART_REPORT);
	return NULL;
}

bool criterion_answer_key(app *a, size_t crit, int action, key_result *out)
{
	const q_criterion *cr = &a->q->criteria[crit];
	char reason[TEXT_BYTES(ANSWER_REASON_MAX)] = "";
	size_t *ctx;

	switch (action) {
	case ACT_ANS_CYCLE:
		app_wrote_parts(a, store_answer_change(
					   a->st, a->assessment_id, cr->key,
					   a->rep.answers[crit].answer,
					   scoring_next_answer(a->rep.answers[crit].answer),
					   NULL, a->user),
				PART_REPORT);
		*out = result(RES_NONE);
		return true;
	case ACT_ANS_NA:
		*out = result(RES_NONE);
		ctx = malloc(sizeof *ctx);
		if (!ctx)
			return true;
		*ctx = crit;
		store_answer_reason(a->st, a->assessment_id, cr->key, reason,
				    sizeof reason);
		/* "Not applicable" stands only with a reason: an empty one
		 * is refused at the field. */
		*out = push(prompt_checked(prompt_new(msg(NA_REASON_PROMPT), reason,
						      ANSWER_REASON_MAX, FIELD_REASON,
						      na_reason_given, ctx, true),
					   prompt_required));
		return true;
	}
	return false;
}
