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

/* The systems (§2.1 step 4, §3.1, §3.2): what each must achieve, rolled
 * up from the critical processes that use it and the data it holds; the
 * level that can do it by the table in use, the level planned and where
 * the plan falls short; the architecture chosen, whether it meets the
 * targets and what it costs. */
typedef struct {
	screen base;
	int cursor, top;
	int64_t sel_id;
} systems_screen;

enum {
	ACT_ADD = ACT_USER,
	ACT_RENAME,
	ACT_LEVEL,
	ACT_ARCH,
	ACT_COST,
	ACT_IMPORTANCE,
	ACT_USERS,
	ACT_HOLDS,
	ACT_DELETE,
	ACT_DATA,
	ACT_REFERENCE,
	ACT_BACKUPS,
};

static const keybinding systems_keys[] = {
	NAV_BINDINGS,
	{{'l', 0}, "l", NO_LABEL, HK_BIA_LEVEL, ACT_LEVEL, true},
	{{'A', 0}, "A", NO_LABEL, HK_BIA_ARCH, ACT_ARCH, true},
	{{'u', 0}, "u", NO_LABEL, HK_BIA_USERS, ACT_USERS, true},
	{{'h', 0}, "h", NO_LABEL, HK_BIA_HOLDS, ACT_HOLDS, true},
	{{'c', 0}, "c", NO_LABEL, HK_BIA_COST, ACT_COST, false},
	{{'i', 0}, "i", NO_LABEL, HK_BIA_IMPORTANCE, ACT_IMPORTANCE, false},
	{{'a', 0}, "a", NO_LABEL, HK_BIA_ADD_SYSTEM, ACT_ADD, true},
	{{'e', 0}, "e", NO_LABEL, HK_BIA_RENAME, ACT_RENAME, false},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_BIA_DELETE_SYSTEM, ACT_DELETE, false},
	{{'D', 0}, "D", NO_LABEL, HK_BIA_DATA, ACT_DATA, false},
	{{'f', 0}, "f", NO_LABEL, HK_BIA_REFERENCE, ACT_REFERENCE, false},
	{{'b', 0}, "b", NO_LABEL, HK_BIA_BACKUPS, ACT_BACKUPS, true},
};

enum { W_RTO = 9, W_RPO = 9, W_REC = 5, W_PLAN = 5, W_FLAGS = 6 };
#define W_FIGURES (W_RTO + W_RPO + W_REC + W_PLAN + W_FLAGS + 5)
#define DETAIL_ROWS 8

static void clamp(systems_screen *y, const bia_view *v)
{
	int n = (int)v->d.n_systems;
	y->cursor = layout_keep(y->cursor, n, bia_view_system(v, y->sel_id));
	y->sel_id = n ? v->d.systems[y->cursor].id : 0;
}

/* ---- Edits ---- */

static bool system_of(app *a, int64_t id, bia_system *out)
{
	const bia_view *v = app_bia(a);
	size_t i = bia_view_system(v, id);
	if (i == BIA_NO_INDEX)
		return false;
	*out = v->d.systems[i];
	return true;
}

static void save_system(app *a, const bia_system *y)
{
	int64_t id;
	bia_wrote(a, store_bia_system_save(a->st, a->assessment_id, y, a->user,
					   &id));
}

static screen *system_added(app *a, void *ctx, const char *text)
{
	bia_system y;
	(void)ctx;
	memset(&y, 0, sizeof y);
	snprintf(y.name, sizeof y.name, "%s", text);
	save_system(a, &y);
	return NULL;
}

static screen *system_renamed(app *a, void *ctx, const char *text)
{
	bia_system y;
	if (system_of(a, *(int64_t *)ctx, &y)) {
		snprintf(y.name, sizeof y.name, "%s", text);
		save_system(a, &y);
	}
	return NULL;
}

static int levels_of(app *a)
{
	const bia_view *v = app_bia(a);
	return v->table ? (int)v->table->n_levels : 0;
}

static msg_id level_check(app *a, void *ctx, const char *text)
{
	int64_t l;
	(void)ctx;
	return num_parse(text, 0, false, levels_of(a), &l) == NUM_OK ? MSG__COUNT
								  : BIA_ERR_LEVEL;
}

static screen *level_set(app *a, void *ctx, const char *text)
{
	bia_system y;
	int64_t l;
	if (system_of(a, *(int64_t *)ctx, &y) &&
	    num_parse(text, 0, false, levels_of(a), &l) == NUM_OK) {
		y.planned_level = (int)l;
		save_system(a, &y);
	}
	return NULL;
}

static msg_id cost_check(app *a, void *ctx, const char *text)
{
	money m;
	(void)a, (void)ctx;
	return money_parse(text, false, &m) == NUM_OK && m <= MONEY_MAX
		       ? MSG__COUNT
		       : CELL_ERR_NOT_NUMBER;
}

static screen *cost_set(app *a, void *ctx, const char *text)
{
	bia_system y;
	money m;
	if (system_of(a, *(int64_t *)ctx, &y) &&
	    money_parse(text, false, &m) == NUM_OK) {
		y.production_cost = m;
		save_system(a, &y);
	}
	return NULL;
}

/* The next architecture of the reference after the chosen one; after the
 * last, none. */
static void next_arch(app *a, bia_system *y)
{
	const bia_reference *ref = &a->q->bia;
	size_t next = 0;
	for (size_t i = 0; i < ref->n_archs; i++)
		if (strcmp(ref->archs[i].key, y->arch) == 0)
			next = i + 1;
	snprintf(y->arch, sizeof y->arch, "%s",
		 next < ref->n_archs ? ref->archs[next].key : "");
}

static screen *system_deleted(app *a, void *ctx, bool yes)
{
	if (yes)
		bia_wrote(a, store_bia_system_delete(a->st, *(int64_t *)ctx, a->user));
	return NULL;
}

/* ---- The links: which processes use a system, which data it holds ---- */

typedef struct {
	screen base;
	int64_t system_id;
	bool holds; /* data types, else processes */
	int cursor, top;
} pick_screen;

enum { ACT_TOGGLE = ACT_USER + 50 };

static const keybinding pick_keys[] = {
	NAV_BINDINGS,
	{{' ', '\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_SPACE, HK_BIA_TOGGLE_LINK, ACT_TOGGLE, true},
};

static size_t pick_count(const pick_screen *p, const bia_view *v)
{
	return p->holds ? v->d.n_data_types : v->d.n_processes;
}

static void pick_draw(screen *s, app *a, rect body)
{
	pick_screen *p = (pick_screen *)s;
	const bia_view *v = app_bia(a);
	size_t sys = bia_view_system(v, p->system_id), n = pick_count(p, v);
	int h = (int)n + 2 < body.h - 4 ? (int)n + 2 : body.h - 4;
	char title[512];
	rect in;

	if (sys == BIA_NO_INDEX)
		return;
	snprintf(title, sizeof title, msg(p->holds ? BIA_HOLDS_TITLE_FMT
						   : BIA_USERS_TITLE_FMT),
		 v->d.systems[sys].name);
	in = draw_box(h < 3 ? 3 : h, body.w - 10 < 64 ? body.w - 10 : 64, title);
	if (!n) {
		draw_text(in.y, in.x, in.w, ROLE_DIM,
			  msg(p->holds ? BIA_NO_DATA_TYPES : BIA_EMPTY_SHORT));
		return;
	}
	if (p->cursor >= (int)n)
		p->cursor = (int)n - 1;
	p->top = layout_scroll(p->top, p->cursor, (int)n, in.h);
	for (int r = 0; r < in.h && p->top + r < (int)n; r++) {
		size_t i = (size_t)(p->top + r);
		bool on = p->holds ? bia_view_holds(v, sys, i)
				   : bia_view_uses(v, i, sys);
		bool sel = (int)i == p->cursor;
		draw_role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
		if (sel)
			draw_fill(in.y + r, in.x, in.w, ROLE_SELECTED);
		draw_textf(in.y + r, in.x, in.w, role, "[%s] %s", on ? "x" : " ",
			   p->holds ? v->d.data_types[i].name
				    : v->d.processes[i].name);
	}
}

static key_result pick_key(screen *s, app *a, int action, int key)
{
	pick_screen *p = (pick_screen *)s;
	const bia_view *v = app_bia(a);
	size_t sys = bia_view_system(v, p->system_id), n = pick_count(p, v);
	(void)key;
	if (keymap_move(action, &p->cursor, (int)n))
		return result(RES_NONE);
	if (action != ACT_TOGGLE || sys == BIA_NO_INDEX || !n)
		return result(RES_UNUSED);
	size_t i = (size_t)p->cursor;
	if (p->holds)
		bia_wrote(a, store_bia_hold_set(a->st, p->system_id,
						v->d.data_types[i].id,
						!bia_view_holds(v, sys, i), a->user));
	else
		bia_wrote(a, store_bia_use_set(a->st, v->d.processes[i].id,
					       p->system_id,
					       !bia_view_uses(v, i, sys), a->user));
	return result(RES_NONE);
}

static void pick_destroy(screen *s) { free(s); }

static const screen_ops pick_ops = {
	.title = BIA_LINKS_TITLE,
	.keys = KEYTABLE(pick_keys),
	.modal = true,
	.draw = pick_draw,
	.handle_key = pick_key,
	.destroy = pick_destroy,
};

static screen *pick_new(int64_t system_id, bool holds)
{
	pick_screen *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->base.ops = &pick_ops;
	p->system_id = system_id;
	p->holds = holds;
	return &p->base;
}

/* ---- Drawing ---- */

static void draw_row(const bia_view *v, const verify_view *vv, size_t i, int y,
		     rect b, bool sel)
{
	size_t k = verify_view_system(vv, v->d.systems[i].id);
	bool untested = k != BIA_NO_INDEX && vv->systems[k].stands_out;
	const bia_system *s = &v->d.systems[i];
	const bia_system_figures *f = &v->systems[i];
	draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
	int x = b.x + b.w - W_FIGURES;
	char flags[32] = "";

	if (sel) {
		draw_fill(y, b.x, b.w, ROLE_SELECTED);
		draw_text(y, b.x, 1, ROLE_SELECTED, ">");
	}
	draw_text(y, b.x + 2, x - b.x - 3, base, s->name);
	bia_draw_minutes(y, x, W_RTO - 1, base, f->need.rto);
	x += W_RTO + 1;
	bia_draw_minutes(y, x, W_RPO - 1, base, f->need.rpo);
	x += W_RPO + 1;
	if (f->recommended)
		draw_textf(y, x, W_REC, base, "%3d", f->recommended);
	else
		draw_text(y, x, W_REC, base, "  —");
	x += W_REC + 1;
	if (s->planned_level)
		draw_textf(y, x, W_PLAN, sel ? base : f->weaker ? ROLE_BAD : ROLE_OK,
			   "%3d", s->planned_level);
	else
		draw_text(y, x, W_PLAN, sel ? base : f->weaker ? ROLE_BAD : base,
			  "  —");
	x += W_PLAN + 1;
	/* ✗ the plan is short of the need, ⚑ a single point of failure, !
	 * an architecture that misses the targets, ↺ never restore-tested,
	 * stale or its last test failed. */
	snprintf(flags, sizeof flags, "%s%s%s%s", f->weaker ? "✗" : "",
		 f->need.spof ? "⚑" : "", f->has_arch && !f->arch.meets ? "!" : "",
		 untested ? "↺" : "");
	draw_text(y, x, W_FLAGS, sel ? base : ROLE_BAD, flags);
}

static void draw_detail(app *a, const bia_view *v, size_t i, rect r)
{
	const bia_system *s = &v->d.systems[i];
	const bia_system_figures *f = &v->systems[i];
	bia_rollup_input in = bia_view_rollup_input(v);
	char line[1024], cost[512];
	int y = r.y, end = r.y + r.h;

	bia_need_text(&in, &f->need, cost, sizeof cost);
	snprintf(line, sizeof line, msg(BIA_IMPORTANCE_FMT),
		 a->q->bia.rating_names[s->importance], cost);
	draw_text(y++, r.x, r.w, ROLE_NORMAL, line);
	bia_need_flags_text(&f->need, line, sizeof line);
	if (line[0])
		y += draw_paragraph((rect){y, r.x, end - y, r.w}, 0, ROLE_WARN, line);
	if (y < end && v->table) {
		bia_recommend_text(v->table, f->outcome, f->recommended, f->need.rto,
				   f->need.rpo, line, sizeof line);
		y += draw_paragraph((rect){y, r.x, end - y, r.w}, 0, ROLE_NORMAL, line);
	}
	if (y < end && v->table) {
		bia_plan_text(v->table, s->planned_level, f->outcome, f->recommended,
			      f->need.rto, f->need.rpo, line, sizeof line);
		y += draw_paragraph((rect){y, r.x, end - y, r.w}, 0,
				    f->weaker ? ROLE_BAD : ROLE_OK, line);
	}
	if (y >= end)
		return;
	const bia_arch *arch = s->arch[0] ? bia_reference_arch(&a->q->bia, s->arch)
					  : NULL;
	if (!arch) {
		draw_text(y, r.x, r.w, ROLE_DIM, msg(BIA_NO_ARCH));
		return;
	}
	if (f->has_arch) {
		bia_arch_verdict_text(arch, &f->arch, f->need.rto, f->need.rpo, line,
				      sizeof line);
		bia_arch_cost_text(arch, &f->arch, app_calc(a)->currency, cost,
				   sizeof cost);
		snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s",
			 msg(BIAT_CLAUSE_SEP), cost);
	} else {
		snprintf(line, sizeof line, "%s", arch->name);
	}
	draw_paragraph((rect){y, r.x, end - y, r.w}, 0,
		       f->has_arch && !f->arch.meets ? ROLE_WARN : ROLE_NORMAL, line);
}

static void systems_draw(screen *s, app *a, rect b)
{
	systems_screen *ys = (systems_screen *)s;
	const bia_view *v = app_bia(a);
	int n = (int)v->d.n_systems;
	int x = b.x + b.w - W_FIGURES;
	int list_h = b.h - 3 - DETAIL_ROWS;
	char t[512];

	clamp(ys, v);
	if (v->table) {
		snprintf(t, sizeof t, msg(BIA_TABLE_LINE_FMT), v->table->title);
		draw_text(b.y, b.x + 2, b.w - 3, ROLE_DIM, t);
	}
	draw_text(b.y + 1, b.x + 2, x - b.x - 3, ROLE_HEADING, msg(BIA_COL_SYSTEM));
	draw_text_right(b.y + 1, x, W_RTO - 1, ROLE_HEADING, "RTO");
	x += W_RTO + 1;
	draw_text_right(b.y + 1, x, W_RPO - 1, ROLE_HEADING, "RPO");
	x += W_RPO + 1;
	draw_text(b.y + 1, x, W_REC, ROLE_HEADING, msg(BIA_COL_NEEDS));
	x += W_REC + 1;
	draw_text(b.y + 1, x, W_PLAN, ROLE_HEADING, msg(BIA_COL_PLAN));
	x += W_PLAN + 1;
	draw_text(b.y + 1, x, W_FLAGS, ROLE_HEADING, msg(BIA_COL_FLAGS));
	if (n == 0) {
		draw_paragraph((rect){b.y + 3, b.x + 2, list_h, b.w - 4}, 0, ROLE_DIM,
			       msg(BIA_NO_SYSTEMS_YET));
		return;
	}
	ys->top = layout_scroll(ys->top, ys->cursor, n, list_h);
	for (int i = 0; i < list_h && ys->top + i < n; i++)
		draw_row(v, app_verify(a), (size_t)(ys->top + i), b.y + 2 + i, b,
			 ys->top + i == ys->cursor);
	draw_text(b.y + 2 + list_h, b.x + 2, b.w - 3, ROLE_DIM,
		  msg(BIA_SYSTEMS_LEGEND));
	draw_rule(b.y + 3 + list_h, b.x, b.w);
	draw_detail(a, v, (size_t)ys->cursor,
		    (rect){b.y + 4 + list_h, b.x + 2, DETAIL_ROWS - 1, b.w - 3});
}

static key_result systems_key(screen *s, app *a, int action, int key)
{
	systems_screen *ys = (systems_screen *)s;
	const bia_view *v = app_bia(a);
	int n = (int)v->d.n_systems;
	bia_system y;
	char q[512], now[64];
	(void)key;

	clamp(ys, v);
	if (keymap_move(action, &ys->cursor, n)) {
		ys->sel_id = n ? v->d.systems[ys->cursor].id : 0;
		return result(RES_NONE);
	}
	switch (action) {
	case ACT_ADD:
		return push(prompt_checked(prompt_new(msg(BIA_ADD_SYSTEM_PROMPT), NULL,
						      BIA_NAME_MAX, FIELD_NAME,
						      system_added, NULL, false),
					   prompt_required));
	case ACT_DATA: return push(screen_bia_data_new());
	case ACT_REFERENCE: return push(screen_bia_reference_new());
	case ACT_BACKUPS:
		return push(screen_backups_new(n ? v->d.systems[ys->cursor].id : 0));
	}
	if (!n || !system_of(a, ys->sel_id, &y))
		return result(RES_UNUSED);
	switch (action) {
	case ACT_RENAME:
		return push(prompt_checked(prompt_new(msg(BIA_RENAME_SYSTEM_PROMPT),
						      y.name, BIA_NAME_MAX,
						      FIELD_NAME, system_renamed,
						      bia_id_ref(y.id), true),
					   prompt_required));
	case ACT_LEVEL:
		snprintf(q, sizeof q, msg(BIA_LEVEL_PROMPT_FMT), y.name, levels_of(a));
		snprintf(now, sizeof now, "%d", y.planned_level);
		return push(prompt_checked(prompt_new(q, now, 2, FIELD_NUMBER,
						      level_set, bia_id_ref(y.id), true),
					   level_check));
	case ACT_COST:
		snprintf(q, sizeof q, msg(BIA_COST_PROMPT_FMT), y.name,
			 app_calc(a)->currency);
		money_format(y.production_cost, now, sizeof now);
		return push(prompt_checked(prompt_new(q, now, 20, FIELD_NUMBER,
						      cost_set, bia_id_ref(y.id), true),
					   cost_check));
	case ACT_ARCH:
		next_arch(a, &y);
		save_system(a, &y);
		return result(RES_NONE);
	case ACT_IMPORTANCE:
		y.importance = (bia_rating)((y.importance + 1) % BIA_RATINGS);
		save_system(a, &y);
		return result(RES_NONE);
	case ACT_USERS: return push(pick_new(y.id, false));
	case ACT_HOLDS: return push(pick_new(y.id, true));
	case ACT_DELETE:
		snprintf(q, sizeof q, msg(BIA_DELETE_SYSTEM_FMT), y.name);
		return push(confirm_new(q, system_deleted, bia_id_ref(y.id), true));
	}
	return result(RES_UNUSED);
}

static void systems_destroy(screen *s) { free(s); }

static const screen_ops systems_ops = {
	.title = BIA_SYSTEMS_TITLE,
	.keys = KEYTABLE(systems_keys),
	.draw = systems_draw,
	.handle_key = systems_key,
	.destroy = systems_destroy,
};

screen *screen_bia_systems_new(void)
{
	systems_screen *y = calloc(1, sizeof *y);
	if (!y)
		return NULL;
	y->base.ops = &systems_ops;
	return &y->base;
}
