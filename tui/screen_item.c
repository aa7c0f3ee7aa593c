#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "model/explain.h"
#include "tui/app.h"
#include "tui/evidence_list.h"
#include "tui/screens.h"

/* One checklist item: why it matters, its state and its evidence. Also the
 * step of the walk-through, with n / p to move between items. */
typedef struct {
	screen base;
	size_t item;
	bool walk;
	evlist ev;
} item_screen;

enum {
	ACT_NEXT = ACT_USER,
	ACT_PREV,
	ACT_CYCLE,
	ACT_SET0,
	ACT_SET1,
	ACT_SET2,
};

static const keybinding item_keys[] = {
	{{'1', 0}, "1", NO_LABEL, HK_SET_NOT_STARTED, ACT_SET0, false},
	{{'2', 0}, "2", NO_LABEL, HK_SET_IN_PROGRESS, ACT_SET1, false},
	{{'3', 0}, "3", NO_LABEL, HK_SET_DONE, ACT_SET2, false},
	{{' ', 0}, NULL, HK_NAME_SPACE, HK_CYCLE_STATE, ACT_CYCLE, true},
	{{'n', KEY_FN(KEY_NPAGE), 0}, "n", NO_LABEL, HK_NEXT_ITEM, ACT_NEXT, true},
	{{'p', KEY_FN(KEY_PPAGE), 0}, "p", NO_LABEL, HK_PREV_ITEM, ACT_PREV, true},
	NAV_BINDINGS,
	EVIDENCE_BINDINGS,
};

static void item_reload(screen *s, app *a)
{
	evlist_reload(&((item_screen *)s)->ev, a);
}

/* A labelled paragraph in rows rows. */
static void labelled(rect b, int row, int label_w, const char *label,
		     const char *text, int rows)
{
	draw_text(b.y + row, b.x + 2, label_w, ROLE_HEADING, label);
	draw_paragraph((rect){b.y + row, b.x + 2 + label_w + 2, rows,
			      b.w - label_w - 6},
		       0, ROLE_NORMAL, text);
}

/* Rows of the body besides the texts and the evidence rows: the heading,
 * three blank rows, the state and the evidence heading. */
#define ITEM_FIXED_ROWS 6

static void item_draw(screen *s, app *a, rect b)
{
	item_screen *it = (item_screen *)s;
	const q_item *qi = &a->q->items[it->item];
	item_state st = a->rep.states[it->item];
	int row = 0, label_w, x, tw;
	/* The question, why, what counts and the evidence rows share the
	 * body: each gets what it needs when the window has room. */
	int need[4], rows[4], n_find, room;
	char head[256];
	const item_findings *f;
	bool contradicts;

	if (!a->rep_loaded)
		return;
	f = findings_for(app_findings(a), qi->key);
	contradicts = f && item_findings_contradict(f, st);
	label_w = text_width(msg(ITEM_WHY));
	if (text_width(msg(ITEM_COUNTS)) > label_w)
		label_w = text_width(msg(ITEM_COUNTS));
	if (text_width(msg(ITEM_STATE)) > label_w)
		label_w = text_width(msg(ITEM_STATE));
	if (f && text_width(findings_label(f->source)) > label_w)
		label_w = text_width(findings_label(f->source));
	tw = b.w - label_w - 6;
	need[0] = draw_paragraph_rows(qi->question, b.w - 4);
	need[1] = draw_paragraph_rows(qi->why, tw);
	need[2] = draw_paragraph_rows(qi->counts, tw);
	need[3] = it->ev.ev.n > 0 ? (int)it->ev.ev.n : 1;
	/* The analysis's lines (and a blank row after them) take what the
	 * texts leave, the contradiction first: in a window too small for
	 * both, the list's marker and footer still say it. */
	room = b.h - ITEM_FIXED_ROWS;
	layout_share(room, 4, need, rows);
	n_find = f ? (int)f->n_lines + contradicts : 0;
	if (n_find > room - 1 - rows[0] - rows[1] - rows[2] - rows[3])
		n_find = room - 1 - rows[0] - rows[1] - rows[2] - rows[3];
	if (n_find < 0)
		n_find = 0;

	snprintf(head, sizeof head, msg(ITEM_TITLE_FMT), it->item + 1,
		 a->q->n_items);
	x = b.x + 1 + draw_text(b.y, b.x + 1, b.w - 2, ROLE_DIM, head);
	draw_textf(b.y, x, b.w - x - 1, ROLE_HEADING, " · %s", qi->title);
	row = 1;
	draw_paragraph((rect){b.y + row, b.x + 2, rows[0], b.w - 4}, 0,
		       ROLE_NORMAL, qi->question);
	row += rows[0] + 1;
	labelled(b, row, label_w, msg(ITEM_WHY), qi->why, rows[1]);
	row += rows[1];
	labelled(b, row, label_w, msg(ITEM_COUNTS), qi->counts, rows[2]);
	row += rows[2] + 1;

	draw_text(b.y + row, b.x + 2, label_w, ROLE_HEADING, msg(ITEM_STATE));
	x = b.x + 2 + label_w + 2;
	for (int i = 0; i < ITEM_STATE_COUNT; i++) {
		bool on = (int)st == i;
		x += draw_textf(b.y + row, x, b.x + b.w - x, on ? draw_state_role(st)
							     : ROLE_DIM,
				"%d (%s) %s", i + 1, on ? "•" : " ",
				explain_state((item_state)i)) + 3;
	}
	row += 2;

	/* What the records say, beside the manager's state (which they
	 * never change), and where the two disagree. */
	if (n_find) {
		int rx = b.x + 2 + label_w + 2, rw = b.w - label_w - 6;
		draw_text(b.y + row, b.x + 2, label_w, ROLE_HEADING,
			  findings_label(f->source));
		/* Lines that do not fit: the last row says how many. */
		int shown = n_find - contradicts;
		bool cut = shown < (int)f->n_lines;
		if (contradicts)
			draw_text(b.y + row++, rx, rw, ROLE_WARN,
				  findings_contradiction_text(f->source));
		if (cut && shown > 0)
			shown--;
		for (int i = 0; i < shown; i++)
			draw_text(b.y + row++, rx, rw, ROLE_NORMAL, f->lines[i]);
		if (cut && n_find > contradicts)
			draw_textf(b.y + row++, rx, rw, ROLE_DIM,
				   msg(BIAF_ITEM_MORE_FMT), f->n_lines - shown);
		row++;
	}

	/* The evidence list takes what the texts left. */
	evlist_draw(&it->ev, a, (rect){b.y + row, b.x + 2, b.h - row, b.w - 4},
		    ITEM_EVIDENCE);
}

static moat_status set_state(app *a, item_screen *it, item_state st)
{
	return store_state_change(a->st, a->assessment_id,
				  a->q->items[it->item].key,
				  a->rep.states[it->item], st, a->user);
}

static key_result item_key(screen *s, app *a, int action, int key)
{
	item_screen *it = (item_screen *)s;
	key_result r;
	(void)key;

	if (evlist_key(&it->ev, a, action, &r))
		return r;
	switch (action) {
	case ACT_SET0:
	case ACT_SET1:
	case ACT_SET2:
		app_wrote_parts(a, set_state(a, it, (item_state)(action - ACT_SET0)),
				PART_REPORT);
		return result(RES_NONE);
	case ACT_CYCLE:
		app_wrote_parts(a, set_state(a, it,
					     checklist_next_state(a->rep.states[it->item])),
				PART_REPORT);
		return result(RES_NONE);
	case ACT_NEXT:
		if (it->item + 1 >= a->q->n_items && !it->walk)
			app_message(a, ROLE_WARN, "%s", msg(ITEM_IS_LAST));
		if (it->item + 1 >= a->q->n_items)
			return result(it->walk ? RES_POP : RES_NONE);
		it->item++;
		evlist_retarget(&it->ev, a, a->q->items[it->item].key);
		return result(RES_NONE);
	case ACT_PREV:
		if (it->item > 0) {
			it->item--;
			evlist_retarget(&it->ev, a, a->q->items[it->item].key);
		} else {
			app_message(a, ROLE_WARN, "%s", msg(ITEM_IS_FIRST));
		}
		return result(RES_NONE);
	}
	return result(RES_UNUSED);
}

static void item_destroy(screen *s)
{
	item_screen *it = (item_screen *)s;
	evlist_free(&it->ev);
	free(it);
}

static const screen_ops item_ops = {
	.title = CL_TITLE,
	.keys = KEYTABLE(item_keys),
	.draw = item_draw,
	.handle_key = item_key,
	.reload = item_reload,
	.destroy = item_destroy,
};

screen *screen_item_new(app *a, size_t item, bool walk)
{
	item_screen *it = calloc(1, sizeof *it);
	if (!it)
		return NULL;
	it->base.ops = &item_ops;
	it->item = item < a->q->n_items ? item : 0;
	it->walk = walk;
	if (!evlist_init(&it->ev, a, a->q->items[it->item].key)) {
		free(it);
		return NULL;
	}
	return &it->base;
}
