#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/bia_view.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/bia_edit.h"
#include "tui/screens.h"

/* The business impact analysis of the year (§2.1): its processes with
 * critical, MTD, RTO, safety margin, RPO and DR level, the selected one's
 * figures said in full under the list. Enter opens a process with its
 * impact grid; the systems and the reference tables are a key away. */
typedef struct {
	screen base;
	int cursor;
	int top;
	int64_t sel_id; /* the process under the cursor, kept across reloads */
} bia_screen;

enum {
	ACT_OPEN = ACT_USER,
	ACT_ADD,
	ACT_RENAME,
	ACT_OWNER,
	ACT_VOLUME,
	ACT_CRITICAL,
	ACT_MTD,
	ACT_RTO,
	ACT_REVIEWED,
	ACT_DELETE,
	ACT_SYSTEMS,
	ACT_DATA,
	ACT_REFERENCE,
};

static const keybinding bia_keys[] = {
	NAV_BINDINGS,
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_BIA_OPEN, ACT_OPEN, true},
	{{'t', 0}, "t", NO_LABEL, HK_BIA_RTO, ACT_RTO, true},
	{{'m', 0}, "m", NO_LABEL, HK_BIA_MTD, ACT_MTD, true},
	{{' ', 0}, NULL, HK_NAME_SPACE, HK_BIA_CRITICAL, ACT_CRITICAL, false},
	{{'s', 0}, "s", NO_LABEL, HK_BIA_SYSTEMS, ACT_SYSTEMS, true},
	{{'f', 0}, "f", NO_LABEL, HK_BIA_REFERENCE, ACT_REFERENCE, true},
	{{'D', 0}, "D", NO_LABEL, HK_BIA_DATA, ACT_DATA, false},
	{{'a', 0}, "a", NO_LABEL, HK_BIA_ADD, ACT_ADD, true},
	{{'e', 0}, "e", NO_LABEL, HK_BIA_RENAME, ACT_RENAME, false},
	{{'o', 0}, "o", NO_LABEL, HK_BIA_OWNER, ACT_OWNER, false},
	{{'v', 0}, "v", NO_LABEL, HK_BIA_VOLUME, ACT_VOLUME, false},
	{{'r', 0}, "r", NO_LABEL, HK_BIA_REVIEWED, ACT_REVIEWED, false},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_BIA_DELETE, ACT_DELETE, false},
};

/* Columns, from the right edge: widths of critical, MTD, RTO, margin,
 * RPO and level. */
enum { W_CRIT = 4, W_MTD = 10, W_RTO = 9, W_MARGIN = 8, W_RPO = 9, W_LEVEL = 5 };
#define W_FIGURES (W_CRIT + W_MTD + W_RTO + W_MARGIN + W_RPO + W_LEVEL + 6)

/* Rows under the list for the selected process. */
#define DETAIL_ROWS 5

static void clamp(bia_screen *b, const bia_view *v)
{
	int n = (int)v->d.n_processes;
	size_t at = bia_view_process(v, b->sel_id);
	if (at != BIA_NO_INDEX)
		b->cursor = (int)at;
	if (b->cursor >= n)
		b->cursor = n - 1;
	if (b->cursor < 0)
		b->cursor = 0;
	b->sel_id = n ? v->d.processes[b->cursor].id : 0;
}

static void draw_row(const bia_view *v, size_t i, int y, rect b, bool sel)
{
	const bia_process *p = &v->d.processes[i];
	const bia_process_figures *f = &v->processes[i];
	draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
	int x = b.x + b.w - W_FIGURES;
	char t[64];

	if (sel) {
		draw_fill(y, b.x, b.w, ROLE_SELECTED);
		draw_text(y, b.x, 1, ROLE_SELECTED, ">");
	}
	draw_text(y, b.x + 2, x - b.x - 3, base, p->name);
	draw_text(y, x + 1, W_CRIT - 1, sel ? base : ROLE_KEY,
		  p->critical ? "●" : "·");
	x += W_CRIT + 1;
	if (f->mtd >= 0) {
		bia_minutes_format(f->mtd, t, sizeof t);
		/* A chosen MTD is starred; the list's foot says so. */
		draw_textf(y, x, W_MTD, base, "%s%s", t, p->mtd_chosen ? "*" : "");
	} else {
		draw_text(y, x, W_MTD, sel ? base : ROLE_WARN, "—");
	}
	x += W_MTD + 1;
	bia_draw_minutes(y, x, W_RTO - 1, base, p->rto);
	x += W_RTO + 1;
	if (f->has_margin) {
		num_format_trim(f->margin, 1, t, sizeof t);
		draw_textf(y, x, W_MARGIN, sel ? base : f->margin_warns ? ROLE_WARN
									: ROLE_OK,
			   "%5s %%", t);
	} else {
		draw_text(y, x, W_MARGIN, base, "    —");
	}
	x += W_MARGIN + 1;
	bia_draw_minutes(y, x, W_RPO - 1, base, f->rpo);
	x += W_RPO + 1;
	if (f->level)
		draw_textf(y, x, W_LEVEL, base, "%3d", f->level);
	else
		draw_text(y, x, W_LEVEL, sel ? base : f->n_systems ? ROLE_WARN : base,
			  "  —");
}

/* The selected process said in full: its MTD and why, RTO and margin,
 * systems, review. */
static void draw_detail(app *a, const bia_view *v, size_t i, rect r)
{
	const bia_process *p = &v->d.processes[i];
	const bia_process_figures *f = &v->processes[i];
	const bia_grid *g = &v->d.grids[i];
	char line[1024], part[512], names[512] = "";
	size_t used = 0;
	int y = r.y;

	if (p->mtd_chosen) {
		bia_minutes_format(p->mtd, part, sizeof part);
		snprintf(line, sizeof line, msg(BIA_MTD_CHOSEN_FMT), part,
			 p->mtd_reason);
	} else {
		bia_mtd_text(&f->suggestion, g, &a->q->bia, v->d.intolerable, line,
			     sizeof line);
	}
	y += draw_paragraph((rect){y, r.x, 2, r.w}, 0, ROLE_NORMAL, line);
	bia_draw_rto_line(y++, r.x, r.w, v, i);
	for (size_t s = 0; s < v->d.n_systems && used < sizeof names; s++)
		if (bia_view_uses(v, i, s))
			used += (size_t)snprintf(names + used, sizeof names - used,
						 "%s%s", used ? msg(BIAT_LIST_SEP) : "",
						 v->d.systems[s].name);
	draw_textf(y++, r.x, r.w, used ? ROLE_NORMAL : ROLE_WARN,
		   msg(BIA_SYSTEMS_LINE_FMT), used ? names : msg(BIA_NO_SYSTEMS));
	if (y >= r.y + r.h)
		return;
	bia_draw_review_line(y, r.x, r.w, v, i);
}

static void bia_draw(screen *s, app *a, rect b)
{
	bia_screen *bs = (bia_screen *)s;
	const bia_view *v = app_bia(a);
	int n = (int)v->d.n_processes;
	int x = b.x + b.w - W_FIGURES;
	int list_h = b.h - 3 - DETAIL_ROWS;
	char t[256];

	clamp(bs, v);
	snprintf(t, sizeof t, msg(BIA_SUMMARY_FMT), v->d.n_processes, v->n_critical,
		 v->n_weaker, v->n_review_due);
	draw_text(b.y, b.x + 2, b.w - 3, ROLE_DIM, t);
	draw_text(b.y + 1, b.x + 2, x - b.x - 3, ROLE_HEADING, msg(BIA_COL_PROCESS));
	draw_text(b.y + 1, x, W_CRIT, ROLE_HEADING, msg(BIA_COL_CRITICAL));
	x += W_CRIT + 1;
	draw_text(b.y + 1, x, W_MTD, ROLE_HEADING, "MTD");
	x += W_MTD + 1;
	draw_text_right(b.y + 1, x, W_RTO - 1, ROLE_HEADING, "RTO");
	x += W_RTO + 1;
	draw_text(b.y + 1, x, W_MARGIN, ROLE_HEADING, msg(BIA_COL_MARGIN));
	x += W_MARGIN + 1;
	draw_text_right(b.y + 1, x, W_RPO - 1, ROLE_HEADING, "RPO");
	x += W_RPO + 1;
	draw_text(b.y + 1, x, W_LEVEL, ROLE_HEADING, msg(BIA_COL_LEVEL));
	if (n == 0) {
		draw_paragraph((rect){b.y + 3, b.x + 2, list_h, b.w - 4}, 0, ROLE_DIM,
			       msg(BIA_EMPTY));
		return;
	}
	bs->top = layout_scroll(bs->top, bs->cursor, n, list_h);
	for (int i = 0; i < list_h && bs->top + i < n; i++)
		draw_row(v, (size_t)(bs->top + i), b.y + 2 + i, b,
			 bs->top + i == bs->cursor);
	draw_text(b.y + 2 + list_h, b.x + 2, b.w - 3, ROLE_DIM, msg(BIA_LEGEND));
	draw_rule(b.y + 3 + list_h, b.x, b.w);
	draw_detail(a, v, (size_t)bs->cursor,
		    (rect){b.y + 4 + list_h, b.x + 2, DETAIL_ROWS - 1, b.w - 3});
}

static key_result bia_key(screen *s, app *a, int action, int key)
{
	bia_screen *bs = (bia_screen *)s;
	const bia_view *v = app_bia(a);
	int n = (int)v->d.n_processes;
	int64_t id;
	(void)key;

	clamp(bs, v);
	id = bs->sel_id;
	if (keymap_move(action, &bs->cursor, n)) {
		bs->sel_id = n ? v->d.processes[bs->cursor].id : 0;
		return result(RES_NONE);
	}
	switch (action) {
	case ACT_ADD: return push(bia_add_process(a));
	case ACT_SYSTEMS: return push(screen_bia_systems_new());
	case ACT_DATA: return push(screen_bia_data_new());
	case ACT_REFERENCE: return push(screen_bia_reference_new());
	}
	if (!n)
		return result(RES_UNUSED);
	switch (action) {
	case ACT_OPEN: return push(screen_bia_process_new(id));
	case ACT_RENAME: return push(bia_rename_process(a, id));
	case ACT_OWNER: return push(bia_edit_owner(a, id));
	case ACT_VOLUME: return push(bia_edit_volume(a, id));
	case ACT_MTD: return push(bia_edit_mtd(a, id));
	case ACT_RTO: return push(bia_edit_rto(a, id));
	case ACT_DELETE: return push(bia_delete_process(a, id));
	case ACT_CRITICAL:
		bia_toggle_critical(a, id);
		return result(RES_NONE);
	case ACT_REVIEWED:
		bia_mark_reviewed(a, id);
		return result(RES_NONE);
	}
	return result(RES_UNUSED);
}

static void bia_destroy(screen *s) { free(s); }

static const screen_ops bia_ops = {
	.title = BIA_TITLE,
	.keys = KEYTABLE(bia_keys),
	.draw = bia_draw,
	.handle_key = bia_key,
	.destroy = bia_destroy,
};

screen *screen_bia_new(void)
{
	bia_screen *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->base.ops = &bia_ops;
	return &b->base;
}
