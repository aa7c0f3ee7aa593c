#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/explain.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/criterion_answer.h"
#include "tui/evidence_list.h"
#include "tui/screens.h"

/* One criterion of the maturity model: its answer, the items it relies on
 * with their state and evidence, what is missing, and the evidence filed
 * on the criterion itself. */
typedef struct {
	screen base;
	size_t crit;
	evlist ev;
} criterion_screen;

enum { ACT_OPEN_ITEM = ACT_USER };

static const keybinding criterion_keys[] = {
	ANSWER_BINDINGS,
	EVIDENCE_BINDINGS,
	NAV_BINDINGS,
	{{'1', '2', '3', '4', '5', '6', '7', '8', '9', 0}, "1-9", NO_LABEL,
	 HK_OPEN_RELIED, ACT_OPEN_ITEM, false},
};

static void criterion_reload(screen *s, app *a)
{
	evlist_reload(&((criterion_screen *)s)->ev, a);
}

static void criterion_draw(screen *s, app *a, rect b)
{
	criterion_screen *c = (criterion_screen *)s;
	const q_criterion *cr = &a->q->criteria[c->crit];
	const q_level *lv = &a->q->levels[cr->level - 1];
	const report *r = &a->rep;
	crit_input in = r->answers[c->crit];
	bool ok = r->score.satisfied[c->crit];
	int row = 0, x = b.x + 2, w = b.w - 4, lw = 10;
	char reason[512] = "";

	if (!a->rep_loaded)
		return;
	draw_textf(b.y + row, b.x + 1, b.w - 2, ROLE_DIM, msg(CRIT_HEAD_FMT),
		   lv->number, lv->name);
	row++;
	draw_text_right(b.y + row, b.x, b.w - 2, ok ? ROLE_OK : ROLE_BAD,
			msg(ok ? CRIT_STATUS_MET : CRIT_STATUS_OPEN));
	row += draw_paragraph((rect){b.y + row, x, 2, w - 10}, 0, ROLE_HEADING,
			      cr->text);
	row++;

	draw_text(b.y + row, x, lw, ROLE_HEADING, msg(CRIT_ANSWER));
	if (in.answer == ANS_NA)
		store_answer_reason(a->st, a->assessment_id, cr->key, reason,
				    sizeof reason);
	draw_textf(b.y + row++, x + lw + 2, w - lw - 2, ROLE_NORMAL, "%s%s%s",
		   explain_answer(in.answer), reason[0] ? " · " : "", reason);

	draw_text(b.y + row, x, lw, ROLE_HEADING, msg(CRIT_RELIES));
	if (cr->n_relies == 0)
		draw_text(b.y + row++, x + lw + 2, w - lw - 2, ROLE_DIM,
			  msg(CRIT_NO_ITEMS));
	for (size_t i = 0; i < cr->n_relies && row < b.h; i++) {
		size_t it = cr->relies_on[i];
		int ix = x + lw + 2;
		char evs[64];
		snprintf(evs, sizeof evs, msg(CRIT_ITEM_EV_FMT), r->item_ev[it].valid,
			 r->item_ev[it].expired);
		ix += draw_textf(b.y + row, ix, 4, ROLE_KEY, "%zu)", i + 1) + 1;
		draw_textf(b.y + row, ix, 26, ROLE_NORMAL, "%zu %s", it + 1,
			   a->q->items[it].title);
		ix += 27;
		draw_text(b.y + row, ix, 2, draw_state_role(r->states[it]),
			  draw_state_glyph(r->states[it]));
		draw_text(b.y + row, ix + 2, 11, ROLE_NORMAL, explain_state(r->states[it]));
		draw_text(b.y + row, ix + 14, x + w - ix - 14,
			  r->item_ev[it].valid ? ROLE_DIM : ROLE_WARN, evs);
		row++;
	}
	row++;
	{
		/* What keeps the criterion open, above at least the evidence
		 * heading and two of its rows; when it does not all fit, the
		 * last row says so with "…". */
		size_t mine[SCORE_MAX_GAPS], n_mine = 0;
		rect gaps = {b.y + row, x, b.h - row - 4, w};
		int used = 0;
		for (size_t g = 0; g < r->score.n_gaps; g++)
			if (r->score.gaps[g].criterion == c->crit)
				mine[n_mine++] = g;
		for (size_t i = 0; i < n_mine && used < gaps.h; i++) {
			char line[512];
			explain_gap_detail(a->q, &r->score.gaps[mine[i]], line,
					   sizeof line);
			used += draw_bullet(gaps, used, ROLE_WARN, line, i + 1 < n_mine);
		}
		row += used < gaps.h ? used : gaps.h;
	}
	row++;
	evlist_draw(&c->ev, a, (rect){b.y + row, x, b.h - row, w}, CRIT_OWN_EVIDENCE);
}

static key_result criterion_key(screen *s, app *a, int action, int key)
{
	criterion_screen *c = (criterion_screen *)s;
	const q_criterion *cr = &a->q->criteria[c->crit];
	key_result r;

	if (!a->rep_loaded)
		return result(RES_UNUSED);
	if (criterion_answer_key(a, c->crit, action, &r) ||
	    evlist_key(&c->ev, a, action, &r))
		return r;
	if (action == ACT_OPEN_ITEM) {
		size_t n = (size_t)(key - '1');
		if (n < cr->n_relies)
			return push(screen_item_new(a, cr->relies_on[n], false));
		if (cr->n_relies == 0)
			app_message(a, ROLE_WARN, "%s", msg(CRIT_RELIES_ON_NONE));
		else
			app_message(a, ROLE_WARN, msg(CRIT_RELIES_ON_FMT),
				    cr->n_relies, cr->n_relies);
		return result(RES_NONE);
	}
	return result(RES_UNUSED);
}

static void criterion_destroy(screen *s)
{
	criterion_screen *c = (criterion_screen *)s;
	evlist_free(&c->ev);
	free(c);
}

static const screen_ops criterion_ops = {
	.title = CRIT_TITLE,
	.keys = KEYTABLE(criterion_keys),
	.draw = criterion_draw,
	.handle_key = criterion_key,
	.reload = criterion_reload,
	.destroy = criterion_destroy,
};

screen *screen_criterion_new(app *a, size_t crit)
{
	criterion_screen *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->base.ops = &criterion_ops;
	c->crit = crit < a->q->n_criteria ? crit : 0;
	if (!evlist_init(&c->ev, a, a->q->criteria[c->crit].key)) {
		free(c);
		return NULL;
	}
	return &c->base;
}
