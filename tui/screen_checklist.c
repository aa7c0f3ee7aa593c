#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/explain.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/screens.h"

/* The ten items of §6.1 as a table: Space cycles the state in place. */
typedef struct {
	screen base;
	int cursor;
	int top;
} checklist_screen;

enum { ACT_CYCLE = ACT_USER, ACT_OPEN, ACT_EVIDENCE, ACT_WALK };

static const keybinding checklist_keys[] = {
	NAV_BINDINGS,
	{{' ', 0}, NULL, HK_NAME_SPACE, HK_CYCLE_STATE, ACT_CYCLE, true},
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_OPEN, ACT_OPEN, true},
	{{'e', 0}, "e", NO_LABEL, HK_ADD_EVIDENCE, ACT_EVIDENCE, true},
	{{'w', 0}, "w", NO_LABEL, HK_WALK, ACT_WALK, true},
};

/* Column layout: #, item, state, evidence, owner. */
static void columns(int width, int *w)
{
	static const int min[] = {3, 16, 15, 6, 8};
	static const int weight[] = {0, 4, 0, 0, 1};
	layout_columns(width, 5, min, weight, w);
}

static void checklist_draw(screen *s, app *a, rect b)
{
	checklist_screen *c = (checklist_screen *)s;
	const questionnaire *q = a->q;
	const report *r = &a->rep;
	int w[5], x[5], rows = b.h - 4, y = b.y + 1;
	char buf[64];

	if (!a->rep_loaded)
		return;
	columns(b.w - 3, w);
	x[0] = b.x + 2;
	for (int i = 1; i < 5; i++)
		x[i] = x[i - 1] + w[i - 1] + 1;
	snprintf(buf, sizeof buf, msg(CL_DONE_FMT), r->n_done, q->n_items);
	draw_text(b.y, x[0], w[0], ROLE_HEADING, "#");
	draw_text(b.y, x[1], w[1], ROLE_HEADING, msg(CL_COL_ITEM));
	draw_text(b.y, x[2], w[2], ROLE_HEADING, msg(CL_COL_STATE));
	draw_text(b.y, x[3], w[3], ROLE_HEADING, msg(CL_COL_EVIDENCE));
	draw_text(b.y, x[4], w[4], ROLE_HEADING, msg(CL_COL_OWNER));
	c->top = layout_scroll(c->top, c->cursor, (int)q->n_items, rows);
	for (int row = 0; row < rows && c->top + row < (int)q->n_items; row++) {
		int i = c->top + row;
		bool sel = i == c->cursor;
		draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
		item_state st = r->states[i];
		if (sel) {
			draw_fill(y + row, b.x, b.w, ROLE_SELECTED);
			draw_text(y + row, b.x, 1, ROLE_SELECTED, ">");
		}
		draw_textf(y + row, x[0], w[0], base, "%2d", i + 1);
		draw_text(y + row, x[1], w[1], base, q->items[i].title);
		draw_text(y + row, x[2], 2, sel ? base : draw_state_role(st),
			  draw_state_glyph(st));
		int sw = draw_text(y + row, x[2] + 2, w[2] - 2, base,
				   explain_state(st));
		/* A "done" the records do not bear out: marked, never
		 * changed. */
		find_source contra = findings_contradicts(app_findings(a),
							  q->items[i].key, st);
		if (contra != FIND_NONE)
			draw_text(y + row, x[2] + 3 + sw, w[2] - 3 - sw,
				  sel ? base : ROLE_WARN, findings_mark(contra));
		draw_textf(y + row, x[3], w[3], base, "%3d", r->evidence_count[i]);
		draw_text(y + row, x[4], w[4], base,
			  r->latest[i] && r->latest[i]->owner[0]
				  ? r->latest[i]->owner
				  : "—");
	}
	/* The question of the item under the cursor, and the progress. */
	draw_rule(b.y + b.h - 3, b.x, b.w);
	{
		int bw = text_width(buf);
		find_source contra = findings_contradicts(app_findings(a),
							  q->items[c->cursor].key,
							  r->states[c->cursor]);
		draw_paragraph((rect){b.y + b.h - 2, b.x + 2, 2, b.w - bw - 6}, 0,
			       contra ? ROLE_WARN : ROLE_DIM,
			       contra ? findings_contradiction_text(contra)
				      : q->items[c->cursor].question);
		draw_text_right(b.y + b.h - 2, b.x, b.w - 2, ROLE_HEADING, buf);
	}
}

static key_result checklist_key(screen *s, app *a, int action, int key)
{
	checklist_screen *c = (checklist_screen *)s;
	int n = (int)a->q->n_items;
	const char *item_key = a->q->items[c->cursor].key;
	moat_status st;

	(void)key;
	if (keymap_move(action, &c->cursor, n))
		return result(RES_NONE);
	switch (action) {
	case ACT_CYCLE:
		if (!a->rep_loaded)
			return result(RES_NONE);
		/* The next state follows what the screen shows; if another
		 * user changed it meanwhile, nothing is overwritten. */
		st = store_state_change(a->st, a->assessment_id, item_key,
					a->rep.states[c->cursor],
					checklist_next_state(a->rep.states[c->cursor]),
					a->user);
		app_wrote_parts(a, st, PART_REPORT);
		return result(RES_NONE);
	case ACT_OPEN:
		return push(screen_item_new(a, (size_t)c->cursor, false));
	case ACT_EVIDENCE:
		return push(screen_evidence_new(a, item_key, 0));
	case ACT_WALK:
		return push(screen_item_new(a, 0, true));
	}
	return result(RES_UNUSED);
}

static void checklist_destroy(screen *s) { free(s); }

static const screen_ops checklist_ops = {
	.title = CL_TITLE,
	.keys = KEYTABLE(checklist_keys),
	.draw = checklist_draw,
	.handle_key = checklist_key,
	.destroy = checklist_destroy,
};

screen *screen_checklist_new(void)
{
	checklist_screen *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->base.ops = &checklist_ops;
	return &c->base;
}
