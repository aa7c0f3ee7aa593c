#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/compare.h"
#include "model/explain.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/screens.h"

/* Two years side by side: the level trend of every year, then each item
 * and criterion with its state in both years and whether it is new,
 * improved, regressed or unchanged. */
typedef struct {
	screen base;
	int64_t earlier_id, later_id;
	report a, b;
	bool loaded;
	year_diff d;
	/* The analysis of both years and what changed in it. */
	bia_view va, vb;
	cmp_bia_diff diff;
	int top; /* first list row shown */
} compare_screen;

static const keybinding compare_keys[] = {
	NAV_BINDINGS,
};

static const msg_id kind_text[CMP_KIND_COUNT] = {
	[CMP_UNCHANGED] = CMP_UNCHANGED_TXT,
	[CMP_IMPROVED] = CMP_IMPROVED_TXT,
	[CMP_REGRESSED] = CMP_REGRESSED_TXT,
	[CMP_NEW] = CMP_NEW_TXT,
};

static draw_role kind_role(cmp_kind k)
{
	switch (k) {
	case CMP_IMPROVED:
	case CMP_NEW: return ROLE_OK;
	case CMP_REGRESSED: return ROLE_BAD;
	case CMP_UNCHANGED: break;
	}
	return ROLE_DIM;
}

static const char *reading_text(cmp_reading r)
{
	static const msg_id ids[] = {
		[CMP_READ_NOT_MET] = CMP_RANK_0,
		[CMP_READ_PARTLY] = CMP_RANK_1,
		[CMP_READ_MET] = CMP_RANK_2,
		[CMP_READ_NA] = CMP_RANK_NA,
		[CMP_READ_NOT_ASSESSED] = ANS_TEXT_UNANSWERED,
	};
	return msg(ids[(size_t)r < sizeof ids / sizeof ids[0] ? r : 0]);
}

static void free_bia(compare_screen *c)
{
	bia_view_free(&c->va);
	bia_view_free(&c->vb);
	compare_bia_diff_free(&c->diff);
}

/* Both years' analyses and their differences; when either cannot be
 * read the list says there are none, and the status line why. */
static void load_bia(compare_screen *c, app *a)
{
	moat_status st;

	free_bia(c);
	st = bia_view_load(a->st, c->earlier_id, &a->q->bia, a->today, &c->va);
	if (!st)
		st = bia_view_load(a->st, c->later_id, &a->q->bia, a->today,
				   &c->vb);
	if (!st)
		st = compare_bia_views(&c->va, &c->vb, &c->diff);
	if (st) {
		free_bia(c);
		app_message(a, ROLE_BAD, msg(ERR_STORE_FMT),
			    st == ST_NOMEM ? status_text(st)
					   : store_errmsg(a->st));
	}
}

static void load(compare_screen *c, app *a)
{
	if (c->loaded) {
		report_free(&c->a);
		report_free(&c->b);
	}
	c->loaded = report_load(a->st, a->q, c->earlier_id, a->today, &c->a) == ST_OK;
	if (c->loaded && report_load(a->st, a->q, c->later_id, a->today, &c->b)) {
		report_free(&c->a);
		c->loaded = false;
	}
	if (!c->loaded) {
		app_message(a, ROLE_BAD, msg(ERR_STORE_FMT), store_errmsg(a->st));
		return;
	}
	compare_reports(&c->a, &c->b, &c->d);
	load_bia(c, a);
}

static void compare_reload(screen *s, app *a)
{
	load((compare_screen *)s, a);
}

/* Rows of the list: a heading, items, a heading, criteria, a heading and
 * the analysis's changes. */
static int list_rows(const compare_screen *c, const questionnaire *q)
{
	return (int)(q->n_items + q->n_criteria + c->diff.n_changes) + 3;
}

/* One change of the analysis: what, the figure in each year, the kind. */
static void draw_bia_row(compare_screen *c, const cmp_bia_change *ch,
			 int y, int x, int mid, int vw)
{
	char was[64], now[64];
	const char *name = compare_bia_name(&c->diff.a, &c->diff.b, ch);
	const char *label = compare_bia_label(ch);
	draw_role role = ch->what == CMP_BIA_ADDED     ? ROLE_OK
			 : ch->what == CMP_BIA_REMOVED ? ROLE_BAD
						       : ROLE_WARN;

	if (*label)
		draw_textf(y, x, mid - x - 1, ROLE_NORMAL, msg(BIAF_CMP_ROW_FMT),
			   name, label);
	else
		draw_text(y, x, mid - x - 1, ROLE_NORMAL, name);
	compare_bia_value(ch, false, was, sizeof was);
	compare_bia_value(ch, true, now, sizeof now);
	draw_text(y, mid, vw, ROLE_DIM, was);
	draw_text(y, mid + vw + 1, 1, ROLE_DIM, "→");
	draw_text(y, mid + vw + 3, vw, ROLE_NORMAL, now);
	draw_text(y, mid + 2 * vw + 5, 16, role, compare_bia_kind(ch));
}

/* Columns of the widest state or reading in the current language. */
static int value_width(void)
{
	int w = 0;
	for (int i = 0; i < ITEM_STATE_COUNT; i++)
		if (text_width(explain_state((item_state)i)) > w)
			w = text_width(explain_state((item_state)i));
	for (int r = CMP_READ_NOT_MET; r <= CMP_READ_NOT_ASSESSED; r++)
		if (text_width(reading_text((cmp_reading)r)) > w)
			w = text_width(reading_text((cmp_reading)r));
	return w;
}

static void draw_list_row(compare_screen *c, app *a, int row, int y, rect b)
{
	const questionnaire *q = a->q;
	int n_items = (int)q->n_items, vw = value_width();
	int x = b.x + 2, w = b.w - 4, mid = x + w - (2 * vw + 6 + 16);
	cmp_kind k;
	char was[64], now[64];

	int bia_first = n_items + (int)q->n_criteria + 2;

	if (row == 0 || row == n_items + 1) {
		draw_text(y, b.x + 1, b.w - 2, ROLE_HEADING,
			  msg(row == 0 ? CMP_ITEMS : CMP_CRITERIA));
		return;
	}
	if (row == bia_first) {
		compare_bia_heading(c->diff.n_changes, was, sizeof was);
		draw_text(y, b.x + 1, b.w - 2, ROLE_HEADING, was);
		return;
	}
	if (row > bia_first) {
		draw_bia_row(c, &c->diff.changes[row - bia_first - 1], y, x, mid, vw);
		return;
	}
	if (row <= n_items) {
		int i = row - 1;
		k = c->d.items[i];
		draw_textf(y, x, mid - x - 1, ROLE_NORMAL, "%2d %s", i + 1,
			   q->items[i].title);
		snprintf(was, sizeof was, "%s", explain_state(c->a.states[i]));
		snprintf(now, sizeof now, "%s", explain_state(c->b.states[i]));
	} else {
		int ci = row - n_items - 2;
		k = c->d.criteria[ci];
		draw_textf(y, x, mid - x - 1, ROLE_NORMAL, "L%d %s",
			   q->criteria[ci].level, q->criteria[ci].text);
		snprintf(was, sizeof was, "%s", reading_text(c->d.crit_read_a[ci]));
		snprintf(now, sizeof now, "%s", reading_text(c->d.crit_read_b[ci]));
	}
	draw_text(y, mid, vw, ROLE_DIM, was);
	draw_text(y, mid + vw + 1, 1, ROLE_DIM, "→");
	draw_text(y, mid + vw + 3, vw, ROLE_NORMAL, now);
	draw_text(y, mid + 2 * vw + 5, 16, kind_role(k), msg(kind_text[k]));
}

static void compare_draw(screen *s, app *a, rect b)
{
	compare_screen *c = (compare_screen *)s;
	int row = 0, list_h;
	size_t first, n;
	const year_summary *ys;

	if (!c->loaded)
		return;
	draw_textf(b.y + row++, b.x + 1, b.w - 2, ROLE_HEADING, msg(CMP_HEAD_FMT),
		   c->a.assessment.year, c->b.assessment.year, c->d.level_a,
		   c->d.level_b);
	/* The trend: the last five years as bars. */
	ys = app_years(a, &n);
	first = n > 5 ? n - 5 : 0;
	for (size_t i = first; i < n; i++, row++) {
		const year_summary *h = &ys[i];
		draw_textf(b.y + row, b.x + 2, 5, ROLE_NORMAL, "%d", h->assessment.year);
		draw_bar(b.y + row, b.x + 8, 20, (size_t)h->level, Q_LEVELS);
		draw_textf(b.y + row, b.x + 30, b.w - 31, ROLE_NORMAL, "L%d %s",
			   h->level, a->q->levels[h->level - 1].name);
	}
	draw_textf(b.y + row, b.x + 2, 16, ROLE_HEADING, "%s", msg(CMP_ITEMS));
	draw_textf(b.y + row++, b.x + 20, b.w - 21, ROLE_NORMAL, msg(CMP_COUNTS_FMT),
		   c->d.item_counts[CMP_NEW], c->d.item_counts[CMP_IMPROVED],
		   c->d.item_counts[CMP_REGRESSED], c->d.item_counts[CMP_UNCHANGED]);
	draw_textf(b.y + row, b.x + 2, 16, ROLE_HEADING, "%s", msg(CMP_CRITERIA));
	draw_textf(b.y + row++, b.x + 20, b.w - 21, ROLE_NORMAL, msg(CMP_COUNTS_FMT),
		   c->d.crit_counts[CMP_NEW], c->d.crit_counts[CMP_IMPROVED],
		   c->d.crit_counts[CMP_REGRESSED], c->d.crit_counts[CMP_UNCHANGED]);
	{
		char head[96];
		compare_bia_heading(c->diff.n_changes, head, sizeof head);
		draw_text(b.y + row++, b.x + 2, b.w - 3, ROLE_NORMAL, head);
	}
	draw_rule(b.y + row++, b.x, b.w);
	list_h = b.h - row;
	if (c->top > list_rows(c, a->q) - list_h)
		c->top = list_rows(c, a->q) - list_h;
	if (c->top < 0)
		c->top = 0;
	for (int i = 0; i < list_h && c->top + i < list_rows(c, a->q); i++)
		draw_list_row(c, a, c->top + i, b.y + row + i, b);
}

static key_result compare_key(screen *s, app *a, int action, int key)
{
	compare_screen *c = (compare_screen *)s;
	(void)key;
	/* The list scrolls as a whole; there is nothing to select. */
	if (keymap_scroll(action, &c->top, list_rows(c, a->q)))
		return result(RES_NONE);
	return result(RES_UNUSED);
}

static void compare_destroy(screen *s)
{
	compare_screen *c = (compare_screen *)s;
	if (c->loaded) {
		report_free(&c->a);
		report_free(&c->b);
	}
	free_bia(c);
	free(c);
}

static const screen_ops compare_ops = {
	.title = CMP_TITLE,
	.keys = KEYTABLE(compare_keys),
	.draw = compare_draw,
	.handle_key = compare_key,
	.reload = compare_reload,
	.destroy = compare_destroy,
};

screen *screen_compare_new(app *a, int64_t earlier, int64_t later)
{
	compare_screen *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->base.ops = &compare_ops;
	c->earlier_id = earlier;
	c->later_id = later;
	load(c, a);
	return &c->base;
}
