#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/bia_view.h"
#include "model/money.h"
#include "model/store_bia.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/bia_edit.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* One process (§2.1 steps 2-4): its impact grid as a heat map, outage
 * durations down, the loss, the four dimensions and the overall rating
 * across; under it the MTD the grid suggests (the rule said with its
 * figures), the RTO and its margin, the review. Digits 0-4 rate the cell
 * under the cursor, Enter edits its amount or words. */
typedef struct {
	screen base;
	int64_t id;
	int row, col; /* col 0 the loss, 1..4 the dimensions, 5 the overall */
} process_screen;

#define COLS (BIA_DIMENSIONS + 2)
#define COL_OVERALL (BIA_DIMENSIONS + 1)

enum {
	ACT_LEFT = ACT_USER,
	ACT_RIGHT,
	ACT_EDIT,
	ACT_RATE,
	ACT_NO_OVERRIDE,
	ACT_MTD,
	ACT_RTO,
	ACT_CRITICAL,
	ACT_REVIEWED,
	ACT_DURATIONS,
	ACT_RENAME,
	ACT_OWNER,
	ACT_VOLUME,
};

static const keybinding process_keys[] = {
	NAV_BINDINGS,
	{{'\t', KEY_FN(KEY_RIGHT), 'l', 0}, NULL, HK_NAME_TAB, HK_NEXT_FIELD, ACT_RIGHT, false},
	{{KEY_FN(KEY_BTAB), KEY_FN(KEY_LEFT), 'h', 0}, NULL, HK_NAME_SHIFT_TAB, HK_PREV_FIELD, ACT_LEFT, false},
	{{'0', '1', '2', '3', '4', 0}, "0-4", NO_LABEL, HK_BIA_RATE, ACT_RATE, true},
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_BIA_EDIT_CELL, ACT_EDIT, true},
	{{'x', 0}, "x", NO_LABEL, HK_BIA_NO_OVERRIDE, ACT_NO_OVERRIDE, false},
	{{'m', 0}, "m", NO_LABEL, HK_BIA_MTD, ACT_MTD, true},
	{{'t', 0}, "t", NO_LABEL, HK_BIA_RTO, ACT_RTO, true},
	{{'c', 0}, "c", NO_LABEL, HK_BIA_CRITICAL, ACT_CRITICAL, false},
	{{'r', 0}, "r", NO_LABEL, HK_BIA_REVIEWED, ACT_REVIEWED, false},
	{{'D', 0}, "D", NO_LABEL, HK_BIA_DURATIONS, ACT_DURATIONS, false},
	{{'e', 0}, "e", NO_LABEL, HK_BIA_RENAME, ACT_RENAME, false},
	{{'o', 0}, "o", NO_LABEL, HK_BIA_OWNER, ACT_OWNER, false},
	{{'v', 0}, "v", NO_LABEL, HK_BIA_VOLUME, ACT_VOLUME, false},
};

enum { W_DURATION = 9, W_LOSS = 10, W_OVERALL = 10 };

/* The process's index in the view, or BIA_NO_INDEX when it is gone. */
static size_t index_of(const process_screen *p, const bia_view *v)
{
	return bia_view_process(v, p->id);
}

/* ---- Writing one row ---- */

/* What a row edit is about, kept while a prompt asks. */
typedef struct {
	int64_t id, minutes;
	int col;
	bia_rating rating; /* an override being given its reason */
} cell_ref;

/* A copy of the row at minutes of process id; false when either is gone. */
static bool row_of(app *a, int64_t id, int64_t minutes, bia_row *out)
{
	const bia_view *v = app_bia(a);
	size_t i = bia_view_process(v, id);
	if (i == BIA_NO_INDEX)
		return false;
	for (size_t r = 0; r < v->d.grids[i].n_rows; r++)
		if (v->d.grids[i].rows[r].minutes == minutes) {
			*out = v->d.grids[i].rows[r];
			return true;
		}
	return false;
}

static void save_row(app *a, int64_t id, const bia_row *row)
{
	bia_wrote(a, store_bia_impact_set(a->st, id, row, a->user));
}

static cell_ref *ref_new(int64_t id, int64_t minutes, int col)
{
	cell_ref *c = calloc(1, sizeof *c);
	if (c) {
		c->id = id;
		c->minutes = minutes;
		c->col = col;
	}
	return c;
}

static msg_id loss_check(app *a, void *ctx, const char *text)
{
	money m;
	(void)a, (void)ctx;
	return money_parse(text, false, &m) == NUM_OK && m <= MONEY_MAX
		       ? MSG__COUNT
		       : CELL_ERR_NOT_NUMBER;
}

static screen *loss_set(app *a, void *ctx, const char *text)
{
	cell_ref *c = ctx;
	bia_row row;
	money m;
	if (row_of(a, c->id, c->minutes, &row) &&
	    money_parse(text, false, &m) == NUM_OK) {
		row.loss = m;
		save_row(a, c->id, &row);
	}
	return NULL;
}

static screen *words_set(app *a, void *ctx, const char *text)
{
	cell_ref *c = ctx;
	bia_row row;
	if (row_of(a, c->id, c->minutes, &row)) {
		snprintf(row.cell[c->col - 1].text, sizeof row.cell[0].text, "%s",
			 text);
		save_row(a, c->id, &row);
	}
	return NULL;
}

static screen *override_set(app *a, void *ctx, const char *text)
{
	cell_ref *c = ctx;
	bia_row row;
	if (row_of(a, c->id, c->minutes, &row)) {
		row.overridden = true;
		row.override = c->rating;
		snprintf(row.reason, sizeof row.reason, "%s", text);
		save_row(a, c->id, &row);
	}
	return NULL;
}

/* Asks the reason for an overall rating set by hand. */
static screen *ask_override(app *a, int64_t id, const bia_row *row,
			    bia_rating r)
{
	cell_ref *c = ref_new(id, row->minutes, COL_OVERALL);
	char q[512], when[64];
	if (!c)
		return NULL;
	c->rating = r;
	bia_minutes_format(row->minutes, when, sizeof when);
	snprintf(q, sizeof q, msg(BIA_OVERRIDE_PROMPT_FMT), when,
		 a->q->bia.rating_names[r]);
	return prompt_checked(prompt_new(q, row->overridden ? row->reason : NULL,
					 BIA_REASON_MAX, FIELD_REASON,
					 override_set, c, true),
			      prompt_required);
}

static screen *rate(process_screen *p, app *a, const bia_row *cur, int key)
{
	bia_row row = *cur;
	bia_rating r = (bia_rating)(key - '0');
	if (p->col == COL_OVERALL)
		return ask_override(a, p->id, &row, r);
	if (p->col == 0) {
		app_message(a, ROLE_WARN, "%s", msg(BIA_LOSS_NOT_RATED));
		return NULL;
	}
	row.cell[p->col - 1].rating = r;
	save_row(a, p->id, &row);
	return NULL;
}

static screen *edit(process_screen *p, app *a, const bia_row *row)
{
	char q[512], when[64], now[64];
	const bia_reference *ref = &a->q->bia;
	cell_ref *c = ref_new(p->id, row->minutes, p->col);

	if (!c)
		return NULL;
	bia_minutes_format(row->minutes, when, sizeof when);
	if (p->col == 0) {
		money_format(row->loss, now, sizeof now);
		snprintf(q, sizeof q, msg(BIA_LOSS_PROMPT_FMT), when,
			 app_calc(a)->currency);
		return prompt_checked(prompt_new(q, now, 20, FIELD_NUMBER, loss_set,
						 c, true),
				      loss_check);
	}
	if (p->col == COL_OVERALL) {
		free(c);
		return ask_override(a, p->id, row, bia_overall(row));
	}
	snprintf(q, sizeof q, msg(BIA_WORDS_PROMPT_FMT),
		 ref->dimension_names[p->col - 1], when);
	return prompt_new(q, row->cell[p->col - 1].text, BIA_CELL_MAX, FIELD_NAME,
			  words_set, c, true);
}

/* ---- Drawing ---- */

static int cell_width(rect b)
{
	int w = (b.w - 2 - W_DURATION - W_LOSS - W_OVERALL - 3) / BIA_DIMENSIONS - 1;
	return w > 8 ? w : 8;
}

/* A rating as the heat map shows it: the glyph, the name and the words. */
static void draw_rating(int y, int x, int w, bia_rating r, const char *words,
			const bia_reference *ref, bool sel)
{
	draw_role role = sel ? ROLE_SELECTED : bia_heat_role(r);
	char t[256];
	draw_fill(y, x, w, role);
	snprintf(t, sizeof t, "%s %s%s%s", bia_heat_glyph(r),
		 ref->rating_names[r] ? ref->rating_names[r] : "",
		 words && *words ? " " : "", words ? words : "");
	draw_text(y, x, w, role, t);
}

static int draw_grid(process_screen *p, app *a, const bia_view *v, size_t i,
		     rect b)
{
	const bia_reference *ref = &a->q->bia;
	const bia_grid *g = &v->d.grids[i];
	int cw = cell_width(b), y = b.y;
	int x0 = b.x + 2, xl = x0 + W_DURATION + 1, xc = xl + W_LOSS + 1;
	int xo = xc + BIA_DIMENSIONS * (cw + 1);
	char t[256];

	/* Headings too wide for their column take a second row. */
	int hrows = text_width(ref->duration_name) > W_DURATION ||
				    text_width(ref->overall_name) > W_OVERALL
			    ? 2
			    : 1;
	for (int k = 0; k < BIA_DIMENSIONS; k++)
		if (text_width(ref->dimension_names[k]) > cw)
			hrows = 2;
	draw_paragraph((rect){y, x0, hrows, W_DURATION}, 0, ROLE_HEADING,
		       ref->duration_name);
	snprintf(t, sizeof t, "%s", app_calc(a)->currency);
	draw_text_right(y + hrows - 1, xl, W_LOSS, ROLE_HEADING, t);
	for (int k = 0; k < BIA_DIMENSIONS; k++)
		draw_paragraph((rect){y, xc + k * (cw + 1), hrows, cw}, 0,
			       ROLE_HEADING, ref->dimension_names[k]);
	draw_paragraph((rect){y, xo, hrows, W_OVERALL}, 0, ROLE_HEADING,
		       ref->overall_name);
	y += hrows;
	if (!g->n_rows) {
		draw_text(y++, x0, b.w - 4, ROLE_WARN, msg(BIAT_MTD_NO_DURATIONS));
		return y - b.y;
	}
	for (size_t r = 0; r < g->n_rows && y < b.y + b.h; r++, y++) {
		const bia_row *row = &g->rows[r];
		bool on = (int)r == p->row;
		bia_minutes_format(row->minutes, t, sizeof t);
		draw_text(y, x0, W_DURATION, on ? ROLE_HEADING : ROLE_NORMAL, t);
		if (on)
			draw_text(y, b.x, 1, ROLE_KEY, ">");
		money_format(row->loss, t, sizeof t);
		if (on && p->col == 0)
			draw_fill(y, xl, W_LOSS, ROLE_SELECTED);
		draw_text_right(y, xl, W_LOSS, on && p->col == 0 ? ROLE_SELECTED
							       : ROLE_NORMAL,
				t);
		for (int k = 0; k < BIA_DIMENSIONS; k++)
			draw_rating(y, xc + k * (cw + 1), cw, row->cell[k].rating,
				    row->cell[k].text, ref, on && p->col == k + 1);
		draw_rating(y, xo, W_OVERALL, bia_overall(row),
			    row->overridden ? "*" : NULL, ref,
			    on && p->col == COL_OVERALL);
	}
	return y - b.y;
}

/* The cell under the cursor in full, then the MTD, RTO and review. */
static void draw_figures(app *a, process_screen *ps, const bia_view *v,
			 size_t i, rect r)
{
	const bia_process *p = &v->d.processes[i];
	const bia_process_figures *f = &v->processes[i];
	const bia_grid *g = &v->d.grids[i];
	const bia_reference *ref = &a->q->bia;
	char line[1024], part[256];
	int y = r.y, end = r.y + r.h;

	if (g->n_rows && ps->row < (int)g->n_rows) {
		const bia_row *row = &g->rows[ps->row];
		bia_minutes_format(row->minutes, part, sizeof part);
		if (ps->col == 0) {
			money_format(row->loss, line, sizeof line);
			draw_textf(y++, r.x, r.w, ROLE_DIM, msg(BIA_CELL_LOSS_FMT), part,
				   line, app_calc(a)->currency);
		} else if (ps->col == COL_OVERALL && row->overridden) {
			draw_textf(y++, r.x, r.w, ROLE_DIM, msg(BIA_CELL_OVERRIDE_FMT),
				   part, ref->rating_names[row->override],
				   ref->rating_names[bia_worst(row)], row->reason);
		} else if (ps->col == COL_OVERALL) {
			draw_textf(y++, r.x, r.w, ROLE_DIM, msg(BIA_CELL_WORST_FMT), part,
				   ref->rating_names[bia_worst(row)]);
		} else {
			const bia_cell *c = &row->cell[ps->col - 1];
			draw_textf(y++, r.x, r.w, ROLE_DIM, msg(BIA_CELL_FMT), part,
				   ref->dimension_names[ps->col - 1],
				   ref->rating_names[c->rating], c->text);
		}
	}
	bia_mtd_text(&f->suggestion, g, ref, v->d.intolerable, line, sizeof line);
	y += draw_paragraph((rect){y, r.x, end - y, r.w}, 0,
			    p->mtd_chosen ? ROLE_DIM : ROLE_NORMAL, line);
	if (y < end && p->mtd_chosen) {
		bia_minutes_format(p->mtd, part, sizeof part);
		snprintf(line, sizeof line, msg(BIA_MTD_CHOSEN_FMT), part,
			 p->mtd_reason);
		y += draw_paragraph((rect){y, r.x, end - y, r.w}, 0, ROLE_NORMAL, line);
	}
	if (y < end)
		bia_draw_rto_line(y++, r.x, r.w, v, i);
	if (y < end)
		bia_draw_review_line(y, r.x, r.w, v, i);
}

static void process_draw(screen *s, app *a, rect b)
{
	process_screen *p = (process_screen *)s;
	const bia_view *v = app_bia(a);
	size_t i = index_of(p, v);
	char head[1024], vol[32];
	int used;

	if (i == BIA_NO_INDEX) {
		draw_text(b.y + 1, b.x + 2, b.w - 4, ROLE_WARN, msg(BIA_PROCESS_GONE));
		return;
	}
	const bia_process *pr = &v->d.processes[i];
	if (p->row >= (int)v->d.grids[i].n_rows)
		p->row = v->d.grids[i].n_rows ? (int)v->d.grids[i].n_rows - 1 : 0;
	if (pr->daily_volume >= 0)
		snprintf(vol, sizeof vol, "%" PRId64, pr->daily_volume);
	else
		snprintf(vol, sizeof vol, "—");
	snprintf(head, sizeof head, msg(BIA_PROCESS_HEAD_FMT), pr->name,
		 msg(pr->critical ? BIA_CRITICAL : BIA_NOT_CRITICAL),
		 pr->owner[0] ? pr->owner : "—", vol);
	draw_text(b.y, b.x + 2, b.w - 3, ROLE_HEADING, head);
	used = draw_grid(p, a, v, i, (rect){b.y + 2, b.x, b.h - 8, b.w});
	draw_rule(b.y + 2 + used, b.x, b.w);
	draw_figures(a, p, v, i,
		     (rect){b.y + 3 + used, b.x + 2, b.h - 3 - used, b.w - 3});
}

static key_result process_key(screen *s, app *a, int action, int key)
{
	process_screen *p = (process_screen *)s;
	const bia_view *v = app_bia(a);
	size_t i = index_of(p, v);
	int n;

	if (i == BIA_NO_INDEX)
		return result(RES_UNUSED);
	n = (int)v->d.grids[i].n_rows;
	if (keymap_move(action, &p->row, n))
		return result(RES_NONE);
	switch (action) {
	case ACT_LEFT:
		p->col = (p->col + COLS - 1) % COLS;
		return result(RES_NONE);
	case ACT_RIGHT:
		p->col = (p->col + 1) % COLS;
		return result(RES_NONE);
	case ACT_MTD: return push(bia_edit_mtd(a, p->id));
	case ACT_RTO: return push(bia_edit_rto(a, p->id));
	case ACT_DURATIONS: return push(bia_edit_durations(a));
	case ACT_RENAME: return push(bia_rename_process(a, p->id));
	case ACT_OWNER: return push(bia_edit_owner(a, p->id));
	case ACT_VOLUME: return push(bia_edit_volume(a, p->id));
	case ACT_CRITICAL:
		bia_toggle_critical(a, p->id);
		return result(RES_NONE);
	case ACT_REVIEWED:
		bia_mark_reviewed(a, p->id);
		return result(RES_NONE);
	}
	if (!n || p->row >= n)
		return result(RES_UNUSED);
	bia_row row = v->d.grids[i].rows[p->row];
	switch (action) {
	case ACT_RATE: return push(rate(p, a, &row, key));
	case ACT_EDIT: return push(edit(p, a, &row));
	case ACT_NO_OVERRIDE:
		if (row.overridden) {
			row.overridden = false;
			row.reason[0] = '\0';
			save_row(a, p->id, &row);
		}
		return result(RES_NONE);
	}
	return result(RES_UNUSED);
}

static void process_destroy(screen *s) { free(s); }

static const screen_ops process_ops = {
	.title = BIA_PROCESS_TITLE,
	.keys = KEYTABLE(process_keys),
	.draw = process_draw,
	.handle_key = process_key,
	.destroy = process_destroy,
};

screen *screen_bia_process_new(int64_t process_id)
{
	process_screen *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->base.ops = &process_ops;
	p->id = process_id;
	p->col = 1;
	return &p->base;
}
