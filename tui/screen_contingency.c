#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/store_contingency.h"
#include "tui/app.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The business contingency plans (§4.3) of the unit: one row per plan,
 * then one per system of this year's analysis that has none yet, each
 * with its state (version, approval, changed, review due). */

typedef struct {
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	const cont_summary *plan; /* NULL: no plan yet */
} cont_row;

typedef struct {
	screen base;
	cont_summary *plans;
	size_t n_plans;
	cont_row *rows;
	size_t n;
	int cursor, top;
} list_screen;

enum { ACT_OPEN = ACT_USER, ACT_ADD, ACT_DELETE };

static const keybinding list_keys[] = {
	NAV_BINDINGS,
	{{'\n', '\r', KEY_FN(KEY_ENTER), 0}, "Enter", NO_LABEL, HK_CONT_OPEN,
	 ACT_OPEN, true},
	{{'a', 0}, "a", NO_LABEL, HK_CONT_ADD_PLAN, ACT_ADD, true},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_CONT_DELETE_PLAN, ACT_DELETE,
	 false},
};

static bool wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_RESPONSE);
}

static void list_free(list_screen *l)
{
	free(l->plans);
	free(l->rows);
	l->plans = NULL;
	l->rows = NULL;
	l->n_plans = l->n = 0;
}

static void list_reload(screen *s, app *a)
{
	list_screen *l = (list_screen *)s;
	const bia_view *v = app_bia(a);
	size_t cap;

	list_free(l);
	if (store_cont_summaries(a->st, a->rep.unit.id, &l->plans, &l->n_plans)) {
		app_message(a, ROLE_BAD, msg(CONT_READ_FAILED_FMT), store_errmsg(a->st));
		return;
	}
	cap = l->n_plans + v->d.n_systems + 1;
	if (!(l->rows = calloc(cap, sizeof *l->rows)))
		return;
	for (size_t i = 0; i < l->n_plans; i++) {
		snprintf(l->rows[l->n].system, sizeof l->rows[0].system, "%s",
			 l->plans[i].system);
		l->rows[l->n++].plan = &l->plans[i];
	}
	for (size_t i = 0; i < v->d.n_systems; i++) {
		bool has = false;
		for (size_t k = 0; k < l->n_plans; k++)
			has = has || strcmp(l->plans[k].system, v->d.systems[i].name) == 0;
		if (has)
			continue;
		snprintf(l->rows[l->n].system, sizeof l->rows[0].system, "%s",
			 v->d.systems[i].name);
		l->rows[l->n++].plan = NULL;
	}
	if (l->cursor >= (int)l->n)
		l->cursor = (int)l->n - 1;
	if (l->cursor < 0)
		l->cursor = 0;
}

static void list_draw(screen *s, app *a, rect b)
{
	list_screen *l = (list_screen *)s;
	size_t never = 0, changed = 0, due = 0;
	int cap = b.w >= 100 ? 36 : 26, wsteps = 6;
	int wsys = text_width(msg(CONT_F_SYSTEM)), xsys, xsteps, xstate;
	int rows = b.h - 4;
	char text[1024], day[16];

	/* The systems' column as wide as its longest name (up to cap): the
	 * state gets the rest. */
	for (size_t i = 0; i < l->n; i++) {
		int w = text_width(l->rows[i].system);
		if (w > wsys)
			wsys = w;
	}
	if (wsys > cap)
		wsys = cap;
	xsys = b.x + 2;
	xsteps = xsys + wsys + 1;
	xstate = xsteps + wsteps + 1;

	for (size_t i = 0; i < l->n_plans; i++) {
		unsigned st = cont_state(&l->plans[i], a->today);
		never += !(st & CONT_APPROVED);
		changed += (st & CONT_CHANGED) != 0;
		due += (st & CONT_REVIEW_DUE) != 0;
	}
	draw_textf(b.y, b.x + 1, b.w - 2, never || changed || due ? ROLE_WARN : ROLE_NORMAL,
		   msg(CONT_SUMMARY_FMT), l->n_plans, never, changed, due);
	draw_text(b.y + 1, xsys, wsys, ROLE_HEADING, msg(CONT_F_SYSTEM));
	draw_text(b.y + 1, xsteps, wsteps, ROLE_HEADING, msg(CONT_F_STEPS));
	draw_text(b.y + 1, xstate, b.x + b.w - xstate, ROLE_HEADING, msg(CONT_F_STATE));
	if (!l->n) {
		draw_paragraph((rect){b.y + 3, b.x + 2, b.h - 4, b.w - 4}, 0, ROLE_DIM,
			       msg(CONT_LIST_EMPTY));
		return;
	}
	l->top = layout_scroll(l->top, l->cursor, (int)l->n, rows);
	for (int r = 0; r < rows && l->top + r < (int)l->n; r++) {
		const cont_row *row = &l->rows[l->top + r];
		bool sel = l->top + r == l->cursor;
		int y = b.y + 2 + r;
		draw_role base = draw_row_start(y, b, sel), role = base;
		draw_text(y, xsys, wsys, base, row->system);
		if (!row->plan) {
			draw_text(y, xstate, b.x + b.w - xstate, sel ? base : ROLE_DIM,
				  msg(CONT_NO_PLAN));
			continue;
		}
		unsigned st = cont_state(row->plan, a->today);
		draw_textf(y, xsteps, wsteps, base, "%zu", row->plan->n_steps);
		cont_state_text(row->plan, a->today, text, sizeof text);
		if (!sel)
			role = !(st & CONT_APPROVED) || (st & (CONT_CHANGED | CONT_REVIEW_DUE))
				       ? ROLE_WARN : ROLE_OK;
		draw_text(y, xstate, b.x + b.w - xstate, role, text);
	}
	if (l->cursor < (int)l->n) {
		const cont_row *row = &l->rows[l->cursor];
		if (!row->plan) {
			snprintf(text, sizeof text, msg(CONT_LIST_NEW_FMT), row->system);
		} else {
			char state[512];
			cont_state_text(row->plan, a->today, state, sizeof state);
			if (row->plan->version &&
			    !(cont_state(row->plan, a->today) & CONT_REVIEW_DUE)) {
				date_format(cont_review_due(row->plan), day, sizeof day);
				snprintf(text, sizeof text, msg(CONT_NEXT_REVIEW_FMT), state, day);
			} else {
				snprintf(text, sizeof text, "%s", state);
			}
		}
		draw_text(b.y + b.h - 1, b.x + 1, b.w - 2, ROLE_DIM, text);
	}
}

/* Makes a plan for system and opens it. */
static screen *create_plan(app *a, const char *system)
{
	cont_plan p;
	int64_t id;
	memset(&p, 0, sizeof p);
	snprintf(p.system, sizeof p.system, "%s", system);
	p.outage = p.backentry = CONT_NONE;
	if (!wrote(a, store_cont_save(a->st, a->rep.unit.id, &p, a->user, &id)))
		return NULL;
	return screen_cont_plan_new(a, id);
}

static screen *plan_added(app *a, void *ctx, const char *text)
{
	(void)ctx;
	return create_plan(a, text);
}

static screen *plan_deleted(app *a, void *ctx, bool yes)
{
	if (yes)
		wrote(a, store_cont_delete(a->st, *(int64_t *)ctx, a->user));
	return NULL;
}

static key_result list_key(screen *s, app *a, int action, int key)
{
	list_screen *l = (list_screen *)s;
	const cont_row *row = l->cursor < (int)l->n ? &l->rows[l->cursor] : NULL;
	char q[1024];
	int64_t *ref;
	(void)key;

	if (keymap_move(action, &l->cursor, (int)l->n))
		return result(RES_NONE);
	switch (action) {
	case ACT_ADD:
		return push(prompt_checked(prompt_new(msg(CONT_ADD_PROMPT), NULL,
						      BIA_NAME_MAX, CONT_F_SYSTEM,
						      plan_added, NULL, false),
					   prompt_required));
	case ACT_OPEN:
		if (!row)
			return result(RES_NONE);
		if (!row->plan) {
			char system[sizeof row->system];
			snprintf(system, sizeof system, "%s", row->system);
			return push(create_plan(a, system));
		}
		return push(screen_cont_plan_new(a, row->plan->id));
	case ACT_DELETE:
		if (!row || !row->plan || !(ref = malloc(sizeof *ref)))
			return result(RES_NONE);
		*ref = row->plan->id;
		snprintf(q, sizeof q, msg(CONT_DELETE_FMT), row->system);
		return push(confirm_new(q, plan_deleted, ref, true));
	}
	return result(RES_UNUSED);
}

static void list_destroy(screen *s)
{
	list_free((list_screen *)s);
	free(s);
}

static const screen_ops list_ops = {
	.title = CONT_TITLE,
	.keys = KEYTABLE(list_keys),
	.draw = list_draw,
	.handle_key = list_key,
	.reload = list_reload,
	.destroy = list_destroy,
};

screen *screen_contingency_new(app *a)
{
	list_screen *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->base.ops = &list_ops;
	list_reload(&l->base, a);
	return &l->base;
}
