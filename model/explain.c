#include "config.h"

#include <stdio.h>

#include "model/explain.h"
#include "model/msg.h"

const char *explain_state(item_state s)
{
	static const msg_id ids[] = {STATE_NOT_STARTED, STATE_IN_PROGRESS,
				     STATE_DONE};
	return msg(ids[(unsigned)s < ITEM_STATE_COUNT ? s : 0]);
}

const char *explain_answer(crit_answer a)
{
	static const msg_id ids[] = {ANS_TEXT_UNANSWERED, ANS_TEXT_NOT_MET,
				     ANS_TEXT_PARTLY, ANS_TEXT_MET, ANS_TEXT_NA};
	return msg(ids[(unsigned)a < CRIT_ANSWER_COUNT ? a : 0]);
}

void explain_gap_detail(const questionnaire *q, const score_gap *g, char *out,
			size_t outlen)
{
	switch (g->kind) {
	case GAP_ITEM_STATE:
		snprintf(out, outlen, msg(GAPTXT_ITEM_FMT), g->item + 1,
			 q->items[g->item].title, explain_state(g->have),
			 explain_state(g->need));
		return;
	case GAP_NEEDS_ANSWER:
		snprintf(out, outlen, "%s", msg(GAPTXT_NEEDS_ANSWER));
		return;
	case GAP_ANSWER_NOT_MET:
		snprintf(out, outlen, "%s", msg(GAPTXT_NOT_MET));
		return;
	case GAP_ANSWER_PARTLY:
		snprintf(out, outlen, "%s", msg(GAPTXT_PARTLY));
		return;
	case GAP_NA_NO_REASON:
		snprintf(out, outlen, "%s", msg(GAPTXT_NA_NO_REASON));
		return;
	case GAP_NO_EVIDENCE:
		if (g->item == SCORE_NO_ITEM)
			snprintf(out, outlen, "%s", msg(GAPTXT_NO_EVIDENCE));
		else
			snprintf(out, outlen, msg(GAPTXT_ITEM_NO_EVIDENCE_FMT),
				 g->item + 1, q->items[g->item].title);
		return;
	case GAP_EVIDENCE_EXPIRED: {
		char day[16];
		date_format(g->expired_on, day, sizeof day);
		if (g->item == SCORE_NO_ITEM)
			snprintf(out, outlen, msg(GAPTXT_EXPIRED_FMT), day);
		else
			snprintf(out, outlen, msg(GAPTXT_ITEM_EXPIRED_FMT),
				 g->item + 1, q->items[g->item].title, day);
		return;
	}
	}
	snprintf(out, outlen, "?");
}

void explain_gap(const questionnaire *q, const score_gap *g, char *out,
		 size_t outlen)
{
	char detail[512];
	explain_gap_detail(q, g, detail, sizeof detail);
	snprintf(out, outlen, msg(GAPTXT_LINE_FMT), q->criteria[g->criterion].text,
		 detail);
}

size_t explain_level_entries(const questionnaire *q, const score_result *r,
			     const find_source *contradicted, int level,
			     explain_entry *out, size_t cap)
{
	size_t n = 0;

	for (size_t g = 0; g < r->n_gaps && n < cap; g++)
		if (q->criteria[r->gaps[g].criterion].level == level)
			out[n++] = (explain_entry){false, g, r->gaps[g].criterion, 0,
						   FIND_NONE};
	for (size_t c = 0; c < q->n_criteria && contradicted; c++) {
		const q_criterion *crit = &q->criteria[c];
		if (crit->level != level)
			continue;
		for (size_t i = 0; i < crit->n_relies && n < cap; i++)
			if (contradicted[crit->relies_on[i]] != FIND_NONE)
				out[n++] = (explain_entry){
					true, 0, c, crit->relies_on[i],
					contradicted[crit->relies_on[i]]};
	}
	return n;
}

size_t explain_entry_item(const score_result *r, const explain_entry *e)
{
	return e->contradiction ? e->item : r->gaps[e->gap].item;
}

void explain_entry_text(const questionnaire *q, const score_result *r,
			const explain_entry *e, char *out, size_t outlen)
{
	char detail[512];

	if (!e->contradiction) {
		explain_gap(q, &r->gaps[e->gap], out, outlen);
		return;
	}
	snprintf(detail, sizeof detail, findings_gap_fmt(e->source), e->item + 1,
		 q->items[e->item].title);
	snprintf(out, outlen, msg(GAPTXT_LINE_FMT), q->criteria[e->criterion].text,
		 detail);
}
