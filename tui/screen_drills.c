#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/bia_view.h"
#include "model/drill_text.h"
#include "model/store_drill.h"
#include "model/verify_text.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/drill_ui.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The unit's drills (§4.4): date, type, scenario, RTA against the RTO of
 * the systems in scope and the findings still open; below, the open
 * findings of every drill, the unit's improvement list. */
typedef struct {
	screen base;
	drill_row *rows;
	size_t n;
	int64_t *rto;        /* per row: the strictest RTO of its systems */
	drill_finding *open; /* every drill's open findings */
	size_t n_open;
	int cursor, top;
	int64_t select;      /* a drill to put the cursor on after a reload */
	bool loaded;
} drills_screen;

enum { ACT_OPEN = ACT_USER, ACT_ADD, ACT_WATCH, ACT_DELETE, ACT_SCENARIO };

static const keybinding drills_keys[] = {
	NAV_BINDINGS,
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_DRILL_OPEN, ACT_OPEN, true},
	{{'a', 0}, "a", NO_LABEL, HK_DRILL_ADD, ACT_ADD, true},
	{{'w', 0}, "w", NO_LABEL, HK_DRILL_WATCH, ACT_WATCH, true},
	{{'n', 0}, "n", NO_LABEL, HK_DRILL_SCENARIO, ACT_SCENARIO, false},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_DRILL_DELETE, ACT_DELETE, false},
};

static void drills_free(drills_screen *d)
{
	free(d->rows);
	free(d->rto);
	free(d->open);
	d->rows = NULL;
	d->rto = NULL;
	d->open = NULL;
	d->n = d->n_open = 0;
}

static void drills_reload(screen *s, app *a)
{
	drills_screen *d = (drills_screen *)s;
	const bia_view *v = app_bia(a);

	drills_free(d);
	d->loaded = true;
	if (store_drills(a->st, a->rep.unit.id, &d->rows, &d->n) ||
	    store_drill_open_findings(a->st, a->rep.unit.id, &d->open, &d->n_open)) {
		app_message(a, ROLE_BAD, "%s", store_errmsg(a->st));
		return;
	}
	d->rto = calloc(d->n ? d->n : 1, sizeof *d->rto);
	for (size_t i = 0; i < d->n; i++) {
		drill_full f;
		d->rto[i] = BIA_UNSET;
		if (d->rto && store_drill_load(a->st, d->rows[i].d.id, &f) == ST_OK) {
			d->rto[i] = drill_scope_rto(v, f.systems, f.n_systems);
			drill_full_free(&f);
		}
		if (d->select && d->rows[i].d.id == d->select)
			d->cursor = (int)i;
	}
	d->select = 0;
	if (d->cursor >= (int)d->n)
		d->cursor = (int)d->n - 1;
	if (d->cursor < 0)
		d->cursor = 0;
}

/* RTA against RTO in a few columns: "47 min ✓ 2 h", "3 h 10 ✗ 2 h". */
static void judge_short(const drill_record *r, int64_t rto, char *out,
			size_t len, draw_role *role)
{
	drill_times t;
	char a[32], b[32];
	drill_measure(r, &t);
	*role = ROLE_DIM;
	if (t.rta == BIA_UNSET) {
		snprintf(out, len, "—");
		return;
	}
	bia_minutes_format(t.rta, a, sizeof a);
	if (rto == BIA_UNSET) {
		snprintf(out, len, "%s", a);
		*role = ROLE_NORMAL;
		return;
	}
	bia_minutes_format(rto, b, sizeof b);
	target_judgement j = verify_judge(t.rta, rto);
	snprintf(out, len, "%s %s %s", a, j.verdict == TARGET_MISSED ? "✗" : "✓", b);
	*role = j.verdict == TARGET_MISSED ? ROLE_BAD : ROLE_OK;
}

enum { W_DATE = 11, W_TYPE = 18, W_RTA = 17, W_OPEN = 6 };

static void drills_draw(screen *s, app *a, rect b)
{
	drills_screen *d = (drills_screen *)s;
	if (!d->loaded)
		drills_reload(s, a);
	int open_rows = d->n_open ? (int)(d->n_open < 5 ? d->n_open : 5) + 2 : 2;
	int list_h = b.h - 3 - open_rows;
	int xs = b.x + 2 + W_DATE + W_TYPE;
	int ws = b.w - 3 - W_DATE - W_TYPE - W_RTA - W_OPEN;
	char t[256];

	snprintf(t, sizeof t, msg(DRILL_LIST_SUMMARY_FMT), d->n, d->n_open);
	draw_text(b.y, b.x + 2, b.w - 3, ROLE_DIM, t);
	draw_text(b.y + 1, b.x + 2, W_DATE - 1, ROLE_HEADING, msg(DRILL_COL_DATE));
	draw_text(b.y + 1, b.x + 2 + W_DATE, W_TYPE - 1, ROLE_HEADING,
		  msg(DRILL_COL_TYPE));
	draw_text(b.y + 1, xs, ws - 1, ROLE_HEADING, msg(DRILL_COL_SCENARIO));
	draw_text(b.y + 1, xs + ws, W_RTA - 1, ROLE_HEADING, "RTA / RTO");
	draw_text(b.y + 1, xs + ws + W_RTA, W_OPEN, ROLE_HEADING, msg(DRILL_COL_OPEN));
	if (!d->n)
		draw_paragraph((rect){b.y + 2, b.x + 2, list_h, b.w - 4}, 0, ROLE_DIM,
			       msg(DRILL_LIST_EMPTY));
	d->top = layout_scroll(d->top, d->cursor, (int)d->n, list_h);
	for (int i = 0; i < list_h && d->top + i < (int)d->n; i++) {
		size_t k = (size_t)(d->top + i);
		const drill_row *r = &d->rows[k];
		bool sel = (int)k == d->cursor;
		draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL, jr;
		int y = b.y + 2 + i;
		char day[16];

		if (sel) {
			draw_fill(y, b.x, b.w, ROLE_SELECTED);
			draw_text(y, b.x, 1, ROLE_SELECTED, ">");
		}
		date_format(r->d.held_on, day, sizeof day);
		draw_text(y, b.x + 2, W_DATE - 1, base, day);
		draw_text(y, b.x + 2 + W_DATE, W_TYPE - 1, base,
			  drill_type_text(&a->q->drill, r->d.type));
		draw_text(y, xs, ws - 1, base, r->d.scenario[0] ? r->d.scenario : "—");
		judge_short(&r->d, d->rto ? d->rto[k] : BIA_UNSET, t, sizeof t, &jr);
		draw_text(y, xs + ws, W_RTA - 1, sel ? base : jr, t);
		snprintf(t, sizeof t, "%zu/%zu", r->open, r->findings);
		draw_text(y, xs + ws + W_RTA, W_OPEN, sel ? base : r->open ? ROLE_WARN
									    : base,
			  t);
	}
	int y = b.y + 2 + list_h;
	draw_rule(y++, b.x, b.w);
	draw_text(y++, b.x + 2, b.w - 3, ROLE_HEADING, msg(DRILL_IMPROVEMENT));
	if (!d->n_open)
		draw_text(y, b.x + 4, b.w - 5, ROLE_DIM, msg(DRILL_IMPROVEMENT_NONE));
	for (size_t i = 0; i < d->n_open && y < b.y + b.h; i++, y++) {
		const drill_finding *f = &d->open[i];
		char day[16], due[16] = "—";
		date_format(f->held_on, day, sizeof day);
		if (f->due.y)
			date_format(f->due, due, sizeof due);
		if (i == 4 && d->n_open > 5) {
			draw_textf(y, b.x + 4, b.w - 5, ROLE_DIM, msg(DRILL_MORE_FMT),
				   d->n_open - 4);
			break;
		}
		draw_textf(y, b.x + 4, b.w - 5,
			   drill_finding_overdue(f, a->today) ? ROLE_WARN : ROLE_NORMAL,
			   msg(DRILL_OPEN_LINE_FMT), drill_grade_text(f->severity),
			   f->text, f->owner[0] ? f->owner : "—", due, day);
	}
}

static screen *deleted(app *a, void *ctx, bool yes)
{
	if (yes)
		drill_wrote(a, store_drill_delete(a->st, *(int64_t *)ctx, a->user));
	return NULL;
}

/* A scenario of the unit's own being typed: its name, then its trigger,
 * then what it tests (§4.4 gives each scenario those three). */
typedef struct {
	char name[TEXT_BYTES(DRILL_SCENARIO_MAX)];
	char trigger[TEXT_BYTES(DRILL_TEXT_MAX)];
} scenario_draft;

static screen *scenario_tests(app *a, void *ctx, const char *text)
{
	scenario_draft *d = ctx;
	int64_t id;
	if (drill_wrote(a, store_drill_scenario_add(a->st, a->rep.unit.id, d->name,
						    d->trigger, text, a->user, &id)))
		app_message(a, ROLE_OK, msg(DRILL_SCENARIO_ADDED_FMT), d->name);
	return NULL;
}

static screen *scenario_trigger(app *a, void *ctx, const char *text)
{
	scenario_draft *d = ctx, *next = malloc(sizeof *next);
	(void)a;
	if (!next)
		return NULL;
	*next = *d;
	snprintf(next->trigger, sizeof next->trigger, "%s", text);
	return prompt_new(msg(DRILL_Q_SCENARIO_TESTS), NULL, DRILL_TEXT_MAX,
			  DRILL_F_TESTS, scenario_tests, next, true);
}

static screen *scenario_named(app *a, void *ctx, const char *text)
{
	scenario_draft *d = calloc(1, sizeof *d);
	(void)a, (void)ctx;
	if (!d)
		return NULL;
	snprintf(d->name, sizeof d->name, "%s", text);
	return prompt_new(msg(DRILL_Q_SCENARIO_TRIGGER), NULL, DRILL_TEXT_MAX,
			  DRILL_F_TRIGGER, scenario_trigger, d, true);
}

static key_result drills_key(screen *s, app *a, int action, int key)
{
	drills_screen *d = (drills_screen *)s;
	int n = (int)d->n;
	int64_t *id;
	(void)key;

	if (keymap_move(action, &d->cursor, n))
		return result(RES_NONE);
	switch (action) {
	case ACT_ADD:
		return push(drill_form_new(a, 0, &d->select));
	case ACT_SCENARIO:
		return push(prompt_checked(prompt_new(msg(DRILL_Q_SCENARIO), NULL,
						      DRILL_SCENARIO_MAX,
						      DRILL_F_SCENARIO,
						      scenario_named, NULL, false),
					   prompt_required));
	}
	if (!n)
		return result(RES_UNUSED);
	switch (action) {
	case ACT_OPEN:
		return push(screen_drill_new(d->rows[d->cursor].d.id));
	case ACT_WATCH:
		return push(screen_stopwatch_new(d->rows[d->cursor].d.id));
	case ACT_DELETE: {
		char q[512];
		char day[16];
		if (!(id = malloc(sizeof *id)))
			return result(RES_NONE);
		*id = d->rows[d->cursor].d.id;
		date_format(d->rows[d->cursor].d.held_on, day, sizeof day);
		snprintf(q, sizeof q, msg(DRILL_Q_DELETE_FMT),
			 drill_type_text(&a->q->drill, d->rows[d->cursor].d.type), day);
		return push(confirm_new(q, deleted, id, true));
	}
	}
	return result(RES_UNUSED);
}

static void drills_destroy(screen *s)
{
	drills_free((drills_screen *)s);
	free(s);
}

static const screen_ops drills_ops = {
	.title = DRILL_TITLE,
	.keys = KEYTABLE(drills_keys),
	.draw = drills_draw,
	.handle_key = drills_key,
	.reload = drills_reload,
	.destroy = drills_destroy,
};

screen *screen_drills_new(void)
{
	drills_screen *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->base.ops = &drills_ops;
	return &d->base;
}
