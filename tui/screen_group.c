#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/xlsx_workbook.h"
#include "model/group_view.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/export_prompt.h"
#include "tui/screens.h"

/* Every unit side by side: the table laid out for the window (the
 * columns that do not fit are in the selected unit's lines below it),
 * sorted by a column either way, filtered by region; Enter opens the
 * unit's latest year on the home screen. */
typedef struct {
	screen base;
	group_view v;       /* every unit, by name */
	group_row *rows;    /* those shown: filtered, sorted */
	size_t n;
	group_col sort;
	bool desc;
	char region[TEXT_BYTES(GROUP_REGION_MAX)]; /* "": every region */
	int cursor;
	int64_t sel_unit;   /* the unit under the cursor */
} group_screen;

enum { ACT_OPEN = ACT_USER, ACT_SORT, ACT_REVERSE, ACT_REGION, ACT_EXPORT };

static const keybinding group_keys[] = {
	NAV_BINDINGS,
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_GROUP_OPEN, ACT_OPEN, true},
	{{'s', 0}, "s", NO_LABEL, HK_GROUP_SORT, ACT_SORT, true},
	{{'S', 0}, "S", NO_LABEL, HK_GROUP_REVERSE, ACT_REVERSE, true},
	{{'r', 0}, "r", NO_LABEL, HK_GROUP_REGION, ACT_REGION, true},
	{{'x', 0}, "x", NO_LABEL, HK_GROUP_EXPORT, ACT_EXPORT, true},
};

/* Fills rows from v by the region and the sort, the cursor staying on
 * its unit when it is still shown. */
static void group_arrange(group_screen *g)
{
	free(g->rows);
	g->n = 0;
	g->rows = malloc((g->v.n ? g->v.n : 1) * sizeof *g->rows);
	if (!g->rows)
		return;
	memcpy(g->rows, g->v.rows, g->v.n * sizeof *g->rows);
	g->n = group_filter_region(g->rows, g->v.n, g->region);
	group_sort(g->rows, g->n, g->sort, g->desc);
	for (size_t i = 0; i < g->n; i++)
		if (g->rows[i].unit_id == g->sel_unit)
			g->cursor = (int)i;
	if (g->cursor >= (int)g->n)
		g->cursor = g->n ? (int)g->n - 1 : 0;
	g->sel_unit = g->n ? g->rows[g->cursor].unit_id : 0;
}

/* The role a cell is drawn in: what needs attention stands out. */
static draw_role cell_role(const group_row *r, group_col c, draw_role base)
{
	if (base == ROLE_SELECTED || !r->has_year)
		return base;
	switch (c) {
	case GROUP_COL_LEVEL:
	case GROUP_COL_RISK:
		return r->level <= 2 ? ROLE_BAD : r->level == 3 ? ROLE_WARN : ROLE_OK;
	case GROUP_COL_EXPIRED:
		return r->ev_expired ? ROLE_BAD : base;
	case GROUP_COL_EXPIRING:
		return r->ev_expiring ? ROLE_WARN : base;
	case GROUP_COL_OVERDUE:
		return r->duties_overdue ? ROLE_BAD : base;
	case GROUP_COL_UNTESTED:
		return r->untested ? ROLE_WARN : base;
	case GROUP_COL_RTA:
		return r->has_worst && r->worst_rta > r->worst_rto ? ROLE_BAD : base;
	case GROUP_COL_PLANS:
		return r->plans_review_due ? ROLE_WARN : base;
	default:
		return base;
	}
}

static void group_draw(screen *s, app *a, rect b)
{
	group_screen *g = (group_screen *)s;
	group_col shown[GROUP_COLS];
	int w[GROUP_COLS], x, top, rows, detail = 0;
	char buf[1024], lines[GROUP_DETAIL_LINES][1024];
	size_t k;

	(void)a;
	draw_textf(b.y, b.x + 2, b.w - 3, ROLE_DIM, msg(GRP_HEAD_FMT), g->n,
		   g->v.n, group_col_heading(g->sort), g->desc ? "↓" : "↑",
		   *g->region ? g->region : msg(GRP_REGION_ALL));
	if (!g->n) {
		draw_text(b.y + 2, b.x + 2, b.w - 3, ROLE_NORMAL, msg(GRP_NO_UNITS));
		return;
	}
	/* The selected unit's lines take what they need at the bottom; the
	 * table keeps at least three rows. */
	for (int i = 0; i < GROUP_DETAIL_LINES; i++) {
		group_detail_line(&g->rows[g->cursor], i, lines[i], sizeof lines[i]);
		if (*lines[i])
			detail += draw_paragraph_rows(lines[i], b.w - 4);
	}
	if (detail > b.h - 6)
		detail = b.h - 6 > 0 ? b.h - 6 : 0;
	rows = b.h - 3 - (detail ? detail + 1 : 0);
	k = group_layout(g->rows, g->n, b.w - 3, shown, w);
	x = b.x + 2;
	for (size_t c = 0; c < k; c++) {
		draw_text(b.y + 2, x, w[c], ROLE_HEADING, group_col_heading(shown[c]));
		x += w[c] + 1;
	}
	top = layout_scroll(0, g->cursor, (int)g->n, rows);
	for (int i = top, y = b.y + 3; i < (int)g->n && y < b.y + 3 + rows; i++, y++) {
		const group_row *r = &g->rows[i];
		draw_role base = draw_row_start(y, b, i == g->cursor);
		x = b.x + 2;
		for (size_t c = 0; c < k; c++) {
			group_cell_text(r, shown[c], buf, sizeof buf);
			draw_text(y, x, w[c], cell_role(r, shown[c], base), buf);
			x += w[c] + 1;
		}
	}
	if (detail) {
		int y = b.y + b.h - detail, used = 0;
		draw_rule(y - 1, b.x, b.w);
		for (int i = 0; i < GROUP_DETAIL_LINES && used < detail; i++)
			if (*lines[i])
				used += draw_paragraph((rect){y + used, b.x + 2,
							      detail - used, b.w - 4},
						       0, i == 0 ? ROLE_HEADING
								 : ROLE_NORMAL,
						       lines[i]);
	}
}

/* The next region after the one shown: every region, then each in turn. */
static void next_region(group_screen *g, app *a)
{
	const char *regions[64];
	size_t n = group_regions(g->v.rows, g->v.n, regions, 64), i = 0;

	if (n > 64)
		n = 64;
	if (!n) {
		g->region[0] = 0;
		app_message(a, ROLE_WARN, "%s", msg(GRP_NO_REGIONS));
		return;
	}
	if (*g->region) {
		while (i < n && strcmp(regions[i], g->region) != 0)
			i++;
		i++; /* the one after it; past the last: every region */
	}
	snprintf(g->region, sizeof g->region, "%s", i < n ? regions[i] : "");
	app_message(a, ROLE_OK, msg(GRP_REGION_SHOWN_FMT),
		    *g->region ? g->region : msg(GRP_REGION_ALL));
}

/* The pack of the units shown, in the order shown. */
static moat_status write_pack(app *a, void *ctx, const char *path, char *err,
			      size_t errlen)
{
	const group_screen *g = ctx;

	return xlsx_export_group(a->st, a->q, g->rows, g->n, g->region,
				 a->today, path, err, errlen);
}

static key_result group_key(screen *s, app *a, int action, int key)
{
	group_screen *g = (group_screen *)s;
	const group_row *r;

	(void)key;
	switch (action) {
	case ACT_SORT:
		g->sort = (group_col)((g->sort + 1) % GROUP_COLS);
		/* Regions sort nothing while no unit has one. */
		if (g->sort == GROUP_COL_REGION &&
		    !group_regions(g->v.rows, g->v.n, NULL, 0))
			g->sort = (group_col)(g->sort + 1);
		group_arrange(g);
		app_message(a, ROLE_OK, msg(GRP_SORTED_FMT),
			    group_col_heading(g->sort), g->desc ? "↓" : "↑");
		return result(RES_NONE);
	case ACT_REVERSE:
		g->desc = !g->desc;
		group_arrange(g);
		app_message(a, ROLE_OK, msg(GRP_SORTED_FMT),
			    group_col_heading(g->sort), g->desc ? "↓" : "↑");
		return result(RES_NONE);
	case ACT_REGION:
		next_region(g, a);
		group_arrange(g);
		return result(RES_NONE);
	case ACT_EXPORT:
		return push(export_prompt_new("moat-group.xlsx", write_pack, g));
	}
	if (!g->n)
		return result(RES_UNUSED);
	if (keymap_move(action, &g->cursor, (int)g->n)) {
		g->sel_unit = g->rows[g->cursor].unit_id;
		return result(RES_NONE);
	}
	if (action != ACT_OPEN)
		return result(RES_UNUSED);
	r = &g->rows[g->cursor];
	if (!r->has_year) {
		app_message(a, ROLE_WARN, msg(GRP_CANNOT_OPEN_FMT), r->name);
		return result(RES_NONE);
	}
	{
		/* The row goes with the screen: keep what the message says. */
		char name[sizeof r->name];
		int year = r->year;
		snprintf(name, sizeof name, "%s", r->name);
		app_open_assessment(a, r->assessment_id);
		app_message(a, ROLE_OK, msg(GRP_OPENED_FMT), name, year);
	}
	return result(RES_POP);
}

static void group_reload(screen *s, app *a)
{
	group_screen *g = (group_screen *)s;
	group_view v;

	if (group_view_load(a->st, a->q, a->today, &v)) {
		app_wrote(a, ST_DB);
		return;
	}
	group_view_free(&g->v);
	g->v = v;
	group_arrange(g);
}

static void group_resize(screen *s, app *a)
{
	/* The layout follows the window at every draw; only the cursor's
	 * row must stay in view, which the draw's scroll does. */
	(void)s, (void)a;
}

static void group_destroy(screen *s)
{
	group_screen *g = (group_screen *)s;
	group_view_free(&g->v);
	free(g->rows);
	free(g);
}

static const screen_ops group_ops = {
	.title = GRP_TITLE,
	.keys = KEYTABLE(group_keys),
	.draw = group_draw,
	.handle_key = group_key,
	.resize = group_resize,
	.reload = group_reload,
	.destroy = group_destroy,
};

screen *screen_group_new(app *a)
{
	group_screen *g = calloc(1, sizeof *g);
	if (!g)
		return NULL;
	g->base.ops = &group_ops;
	g->sort = GROUP_COL_NAME;
	/* The cursor starts on the unit open now. */
	g->sel_unit = a->rep_loaded ? a->rep.unit.id : 0;
	group_reload(&g->base, a);
	return &g->base;
}
