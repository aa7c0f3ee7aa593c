#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/bia_view.h"
#include "model/store_bia.h"
#include "tui/app.h"
#include "tui/bia_edit.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The data types (§1.2): each with its RPO, its backup and the systems
 * that hold it. A system's RPO is the strictest of the data it holds;
 * which system holds what is set on the systems screen (h). */
typedef struct {
	screen base;
	int cursor, top;
	int64_t sel_id;
} data_screen;

enum { ACT_ADD = ACT_USER, ACT_RENAME, ACT_RPO, ACT_BACKUP, ACT_DELETE };

static const keybinding data_keys[] = {
	NAV_BINDINGS,
	{{'r', 0}, "r", NO_LABEL, HK_BIA_RPO, ACT_RPO, true},
	{{'b', 0}, "b", NO_LABEL, HK_BIA_BACKUP, ACT_BACKUP, true},
	{{'a', 0}, "a", NO_LABEL, HK_BIA_ADD_DATA, ACT_ADD, true},
	{{'e', 0}, "e", NO_LABEL, HK_BIA_RENAME, ACT_RENAME, false},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_BIA_DELETE_DATA, ACT_DELETE, false},
};

enum { W_RPO = 10, W_BACKUP = 22 };

static void clamp(data_screen *d, const bia_view *v)
{
	int n = (int)v->d.n_data_types;
	size_t at = bia_view_data_type(v, d->sel_id);
	if (at != BIA_NO_INDEX)
		d->cursor = (int)at;
	if (d->cursor >= n)
		d->cursor = n - 1;
	if (d->cursor < 0)
		d->cursor = 0;
	d->sel_id = n ? v->d.data_types[d->cursor].id : 0;
}

static bool type_of(app *a, int64_t id, bia_data_type *out)
{
	const bia_view *v = app_bia(a);
	size_t i = bia_view_data_type(v, id);
	if (i == BIA_NO_INDEX)
		return false;
	*out = v->d.data_types[i];
	return true;
}

static void save_type(app *a, const bia_data_type *t)
{
	int64_t id;
	bia_wrote(a, store_bia_data_type_save(a->st, a->assessment_id, t, a->user,
					      &id));
}

static screen *type_added(app *a, void *ctx, const char *text)
{
	bia_data_type t;
	(void)ctx;
	memset(&t, 0, sizeof t);
	snprintf(t.name, sizeof t.name, "%s", text);
	t.rpo = BIA_UNSET;
	save_type(a, &t);
	return NULL;
}

static screen *type_renamed(app *a, void *ctx, const char *text)
{
	bia_data_type t;
	if (type_of(a, *(int64_t *)ctx, &t)) {
		snprintf(t.name, sizeof t.name, "%s", text);
		save_type(a, &t);
	}
	return NULL;
}

static screen *backup_set(app *a, void *ctx, const char *text)
{
	bia_data_type t;
	if (type_of(a, *(int64_t *)ctx, &t)) {
		snprintf(t.backup, sizeof t.backup, "%s", text);
		save_type(a, &t);
	}
	return NULL;
}

static bool rpo_parse(const char *text, int64_t *out)
{
	if (!*text) {
		*out = BIA_UNSET;
		return true;
	}
	return bia_minutes_parse(text, out) == ST_OK;
}

static bool rpo_check(app *a, void *ctx, const char *text, char *why,
		      size_t len)
{
	int64_t m;
	(void)a, (void)ctx;
	if (rpo_parse(text, &m))
		return true;
	bia_minutes_hint(why, len);
	return false;
}

static screen *rpo_set(app *a, void *ctx, const char *text)
{
	bia_data_type t;
	if (type_of(a, *(int64_t *)ctx, &t) && rpo_parse(text, &t.rpo))
		save_type(a, &t);
	return NULL;
}

static screen *type_deleted(app *a, void *ctx, bool yes)
{
	if (yes)
		bia_wrote(a, store_bia_data_type_delete(a->st, *(int64_t *)ctx,
							a->user));
	return NULL;
}

static void data_draw(screen *s, app *a, rect b)
{
	data_screen *ds = (data_screen *)s;
	const bia_view *v = app_bia(a);
	int n = (int)v->d.n_data_types;
	int xr = b.x + b.w - W_RPO - W_BACKUP - 30, xb = xr + W_RPO + 1;
	int xh = xb + W_BACKUP + 1;

	if (xr < b.x + 16) {
		xr = b.x + 16;
		xb = xr + W_RPO + 1;
		xh = xb + W_BACKUP + 1;
	}
	clamp(ds, v);
	draw_text(b.y, b.x + 2, xr - b.x - 3, ROLE_HEADING, msg(BIA_COL_DATA));
	draw_text_right(b.y, xr, W_RPO - 1, ROLE_HEADING, "RPO");
	draw_text(b.y, xb, W_BACKUP, ROLE_HEADING, msg(BIA_COL_BACKUP));
	draw_text(b.y, xh, b.x + b.w - xh - 1, ROLE_HEADING, msg(BIA_COL_HELD_BY));
	if (!n) {
		draw_paragraph((rect){b.y + 2, b.x + 2, b.h - 3, b.w - 4}, 0, ROLE_DIM,
			       msg(BIA_NO_DATA_TYPES));
		return;
	}
	ds->top = layout_scroll(ds->top, ds->cursor, n, b.h - 2);
	for (int r = 0; r < b.h - 2 && ds->top + r < n; r++) {
		size_t i = (size_t)(ds->top + r);
		const bia_data_type *t = &v->d.data_types[i];
		bool sel = (int)i == ds->cursor;
		draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
		char held[512] = "";
		size_t used = 0;
		int y = b.y + 1 + r;

		if (sel) {
			draw_fill(y, b.x, b.w, ROLE_SELECTED);
			draw_text(y, b.x, 1, ROLE_SELECTED, ">");
		}
		draw_text(y, b.x + 2, xr - b.x - 3, base, t->name);
		bia_draw_minutes(y, xr, W_RPO - 1, t->rpo < 0 && !sel ? ROLE_WARN : base,
				 t->rpo);
		draw_text(y, xb, W_BACKUP, base, t->backup[0] ? t->backup : "—");
		for (size_t y2 = 0; y2 < v->d.n_systems && used < sizeof held; y2++)
			if (bia_view_holds(v, y2, i))
				used += (size_t)snprintf(held + used, sizeof held - used,
							 "%s%s",
							 used ? msg(BIAT_LIST_SEP) : "",
							 v->d.systems[y2].name);
		draw_text(y, xh, b.x + b.w - xh - 1, used || sel ? base : ROLE_WARN,
			  used ? held : msg(BIA_HELD_BY_NONE));
	}
}

static key_result data_key(screen *s, app *a, int action, int key)
{
	data_screen *ds = (data_screen *)s;
	const bia_view *v = app_bia(a);
	int n = (int)v->d.n_data_types;
	bia_data_type t;
	char q[512], now[64] = "";
	(void)key;

	clamp(ds, v);
	if (keymap_move(action, &ds->cursor, n)) {
		ds->sel_id = n ? v->d.data_types[ds->cursor].id : 0;
		return result(RES_NONE);
	}
	if (action == ACT_ADD)
		return push(prompt_checked(prompt_new(msg(BIA_ADD_DATA_PROMPT), NULL,
						      BIA_NAME_MAX, FIELD_NAME,
						      type_added, NULL, false),
					   prompt_required));
	if (!n || !type_of(a, ds->sel_id, &t))
		return result(RES_UNUSED);
	switch (action) {
	case ACT_RENAME:
		return push(prompt_checked(prompt_new(msg(BIA_RENAME_DATA_PROMPT),
						      t.name, BIA_NAME_MAX,
						      FIELD_NAME, type_renamed,
						      bia_id_ref(t.id), true),
					   prompt_required));
	case ACT_RPO:
		snprintf(q, sizeof q, msg(BIA_RPO_PROMPT_FMT), t.name);
		if (t.rpo >= 0)
			bia_minutes_format(t.rpo, now, sizeof now);
		return push(prompt_checked_text(prompt_new(q, now,
							   BIA_DURATION_TEXT_MAX,
							   FIELD_NUMBER, rpo_set,
							   bia_id_ref(t.id), true),
						rpo_check));
	case ACT_BACKUP:
		snprintf(q, sizeof q, msg(BIA_BACKUP_PROMPT_FMT), t.name);
		return push(prompt_new(q, t.backup, BIA_NAME_MAX, FIELD_NAME,
				       backup_set, bia_id_ref(t.id), true));
	case ACT_DELETE:
		snprintf(q, sizeof q, msg(BIA_DELETE_DATA_FMT), t.name);
		return push(confirm_new(q, type_deleted, bia_id_ref(t.id), true));
	}
	return result(RES_UNUSED);
}

static void data_destroy(screen *s) { free(s); }

static const screen_ops data_ops = {
	.title = BIA_DATA_TITLE,
	.keys = KEYTABLE(data_keys),
	.draw = data_draw,
	.handle_key = data_key,
	.destroy = data_destroy,
};

screen *screen_bia_data_new(void)
{
	data_screen *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->base.ops = &data_ops;
	return &d->base;
}
