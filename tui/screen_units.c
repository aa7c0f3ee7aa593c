#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/unit_view.h"
#include "tui/app.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The unit picker (u on the home screen): every unit of the file with its
 * region, latest year and level; open one (remembered for this Unix
 * user), create, rename, set the region, archive or bring back. */
typedef struct {
	screen base;
	unit_view v;
	bool archived;  /* archived units shown too */
	int cursor;
	int64_t sel_id; /* the unit under the cursor, kept across reloads */
	bool ok;
} units_screen;

enum { ACT_OPEN = ACT_USER, ACT_NEW, ACT_RENAME, ACT_REGION, ACT_ARCHIVE,
       ACT_SHOW_ARCHIVED };

static const keybinding units_keys[] = {
	NAV_BINDINGS,
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_UNIT_OPEN, ACT_OPEN, true},
	{{'n', 0}, "n", NO_LABEL, HK_UNIT_NEW, ACT_NEW, true},
	{{'e', 0}, "e", NO_LABEL, HK_UNIT_RENAME, ACT_RENAME, true},
	{{'r', 0}, "r", NO_LABEL, HK_UNIT_REGION, ACT_REGION, true},
	{{'A', 0}, "A", NO_LABEL, HK_UNIT_ARCHIVE, ACT_ARCHIVE, true},
	{{'h', 0}, "h", NO_LABEL, HK_UNIT_SHOW_ARCHIVED, ACT_SHOW_ARCHIVED, false},
};

static const unit_view_row *selected(const units_screen *u)
{
	return u->ok && u->cursor < (int)u->v.n ? &u->v.v[u->cursor] : NULL;
}

static void units_reload(screen *s, app *a)
{
	units_screen *u = (units_screen *)s;
	int at;

	unit_view_free(&u->v);
	u->ok = unit_view_load(a->st, a->q, a->today, u->archived, &u->v) == ST_OK;
	if (!u->ok) {
		app_message(a, ROLE_BAD, msg(ERR_STORE_FMT), store_errmsg(a->st));
		return;
	}
	/* The cursor stays on its unit; at first it is on the open one. */
	at = unit_view_find(&u->v, u->sel_id ? u->sel_id : a->rep.unit.id);
	u->cursor = at >= 0 ? at : u->cursor < (int)u->v.n ? u->cursor : 0;
	u->sel_id = u->v.n ? u->v.v[u->cursor].row.u.id : 0;
}

static void units_draw(screen *s, app *a, rect b)
{
	units_screen *u = (units_screen *)s;
	const unit_view_row *sel = selected(u);
	/* Region 14, year 6, level 16 and the "open" mark 6: the name
	 * takes the rest. */
	int wn = b.w - 2 - 15 - 7 - 17 - 6, row = 1, top;
	int xr, xy, xl;

	if (!u->ok)
		return;
	if (wn < 16)
		wn = 16;
	xr = b.x + 2 + wn + 1;
	xy = xr + 15;
	xl = xy + 7;
	draw_text(b.y, b.x + 2, wn, ROLE_HEADING, msg(UNIT_COL_NAME));
	draw_text(b.y, xr, 14, ROLE_HEADING, msg(UNIT_COL_REGION));
	draw_text(b.y, xy, 6, ROLE_HEADING, msg(UNIT_PICK_COL_YEAR));
	draw_text(b.y, xl, b.x + b.w - xl, ROLE_HEADING, msg(UNIT_COL_LEVEL));
	if (!u->v.n) {
		draw_paragraph((rect){b.y + 2, b.x + 2, 3, b.w - 4}, 0, ROLE_DIM,
			       msg(u->archived ? UNIT_PICK_EMPTY : UNIT_PICK_ALL_ARCHIVED));
		return;
	}
	top = layout_scroll(0, u->cursor, (int)u->v.n, b.h - 3);
	for (int i = top; i < (int)u->v.n && row < b.h - 2; i++, row++) {
		const unit_view_row *r = &u->v.v[i];
		bool on = i == u->cursor;
		draw_role base = on ? ROLE_SELECTED : r->row.u.archived ? ROLE_DIM
									 : ROLE_NORMAL;
		int y = b.y + row;
		if (on) {
			draw_fill(y, b.x, b.w, ROLE_SELECTED);
			draw_text(y, b.x, 1, ROLE_SELECTED, ">");
		}
		draw_text(y, b.x + 2, wn, base, r->row.u.name);
		draw_text(y, xr, 14, base, r->row.u.region[0] ? r->row.u.region : "—");
		if (r->row.latest_year)
			draw_textf(y, xy, 6, base, "%d", r->row.latest_year);
		else
			draw_text(y, xy, 6, base, msg(UNIT_NO_YEAR));
		if (r->level >= 1 && r->level <= Q_LEVELS)
			draw_textf(y, xl, 16, base, msg(UNIT_LEVEL_FMT),
				   r->level, a->q->levels[r->level - 1].name);
		if (r->row.u.id == a->rep.unit.id)
			draw_text_right(y, b.x, b.w - 1, on ? base : ROLE_KEY,
					msg(YR_CURRENT));
		else if (r->row.u.archived)
			draw_text_right(y, b.x, b.w - 1, base, msg(UNIT_STATE_ARCHIVED));
	}
	/* What the keys do, or the selected unit's name in full. */
	draw_rule(b.y + b.h - 2, b.x, b.w);
	if (sel)
		draw_textf(b.y + b.h - 1, b.x + 2, b.w - 4, ROLE_DIM,
			   msg(u->archived ? UNIT_PICK_HINT_ALL_FMT : UNIT_PICK_HINT_FMT),
			   sel->row.u.name);
}

/* ---- Creating, renaming, the region ---- */

/* A unit's id for a prompt, owned by it. */
static int64_t *unit_ref(int64_t id)
{
	int64_t *p = malloc(sizeof *p);
	if (p)
		*p = id;
	return p;
}

/* A name must be free: refused at the field otherwise. */
static bool name_free(app *a, void *ctx, const char *text, char *why,
		      size_t len)
{
	int64_t *id = ctx;
	unit other;
	if (!*text) {
		snprintf(why, len, "%s", msg(UNIT_E_EMPTY));
		return false;
	}
	if (store_unit_find(a->st, text, &other) == ST_OK &&
	    (!id || other.id != *id)) {
		snprintf(why, len, msg(UNIT_E_EXISTS_FMT), text);
		return false;
	}
	return true;
}

static screen *created(app *a, void *ctx, const char *name)
{
	units_screen *u = ctx; /* the list beneath the prompt */
	int64_t unit_id, assessment_id;
	if (!app_wrote(a, store_unit_open_new(a->st, name, NULL, a->today.y,
					       a->user, &unit_id, &assessment_id)))
		return NULL;
	/* The cursor goes to the new unit, open now: the next key acts on
	 * it. */
	u->sel_id = unit_id;
	app_open_assessment(a, assessment_id);
	app_message(a, ROLE_OK, msg(UNIT_PICK_CREATED_FMT), name, a->today.y);
	return NULL;
}

static screen *renamed(app *a, void *ctx, const char *name)
{
	int64_t *id = ctx;
	if (id && app_wrote(a, store_unit_rename(a->st, *id, name, a->user)))
		app_message(a, ROLE_OK, msg(UNIT_PICK_RENAMED_FMT), name);
	return NULL;
}

static screen *region_set(app *a, void *ctx, const char *region)
{
	int64_t *id = ctx;
	if (id && app_wrote(a, store_unit_set_region(a->st, *id, region, a->user)))
		app_message(a, ROLE_OK, "%s",
			    msg(*region ? UNIT_PICK_REGION_SET : UNIT_PICK_REGION_CLEARED));
	return NULL;
}

static screen *archive_confirmed(app *a, void *ctx, bool yes)
{
	int64_t *id = ctx;
	unit u;
	if (!yes || !id || store_unit_get(a->st, *id, &u) != ST_OK)
		return NULL;
	if (app_wrote(a, store_unit_set_archived(a->st, *id, !u.archived, a->user)))
		app_message(a, ROLE_OK, msg(u.archived ? UNIT_CLI_UNARCHIVED_FMT
						       : UNIT_CLI_ARCHIVED_FMT),
			    u.name);
	return NULL;
}

static key_result units_key(screen *s, app *a, int action, int key)
{
	units_screen *u = (units_screen *)s;
	const unit_view_row *sel = selected(u);
	int64_t aid;
	char q[1024];

	(void)key;
	if (!u->ok)
		return result(RES_UNUSED);
	if (keymap_move(action, &u->cursor, (int)u->v.n)) {
		u->sel_id = u->v.n ? u->v.v[u->cursor].row.u.id : 0;
		return result(RES_NONE);
	}
	switch (action) {
	case ACT_NEW:
		return push(prompt_checked_text(
			prompt_new(msg(UNIT_PICK_NEW_Q), NULL, UNIT_NAME_MAX,
				   UNIT_COL_NAME, created, u, false),
			name_free));
	case ACT_SHOW_ARCHIVED:
		u->archived = !u->archived;
		units_reload(s, a);
		return result(RES_NONE);
	}
	if (!sel)
		return result(RES_UNUSED);
	switch (action) {
	case ACT_OPEN:
		if (sel->row.u.id == a->rep.unit.id)
			return result(RES_POP);
		if (store_unit_latest(a->st, sel->row.u.id, &aid) != ST_OK) {
			app_message(a, ROLE_WARN, msg(UNIT_CLI_NO_YEAR_FMT),
				    sel->row.u.name);
			return result(RES_NONE);
		}
		app_open_assessment(a, aid);
		return result(RES_POP);
	case ACT_RENAME:
		snprintf(q, sizeof q, msg(UNIT_PICK_RENAME_Q_FMT), sel->row.u.name);
		return push(prompt_checked_text(
			prompt_new(q, sel->row.u.name, UNIT_NAME_MAX, UNIT_COL_NAME,
				   renamed, unit_ref(sel->row.u.id), true),
			name_free));
	case ACT_REGION:
		snprintf(q, sizeof q, msg(UNIT_PICK_REGION_Q_FMT), sel->row.u.name);
		return push(prompt_new(q, sel->row.u.region, UNIT_REGION_MAX,
				       UNIT_COL_REGION, region_set,
				       unit_ref(sel->row.u.id), true));
	case ACT_ARCHIVE:
		snprintf(q, sizeof q,
			 msg(sel->row.u.archived ? UNIT_PICK_UNARCHIVE_Q_FMT
						 : UNIT_PICK_ARCHIVE_Q_FMT),
			 sel->row.u.name);
		return push(confirm_new(q, archive_confirmed, unit_ref(sel->row.u.id),
					true));
	}
	return result(RES_UNUSED);
}

static void units_destroy(screen *s)
{
	units_screen *u = (units_screen *)s;
	unit_view_free(&u->v);
	free(u);
}

static const screen_ops units_ops = {
	.title = UNIT_PICK_TITLE,
	.keys = KEYTABLE(units_keys),
	.draw = units_draw,
	.handle_key = units_key,
	.reload = units_reload,
	.destroy = units_destroy,
};

screen *screen_units_new(app *a)
{
	units_screen *u = calloc(1, sizeof *u);
	if (!u)
		return NULL;
	u->base.ops = &units_ops;
	units_reload(&u->base, a);
	return &u->base;
}
