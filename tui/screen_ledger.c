#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/store_verify.h"
#include "model/text.h"
#include "model/verify_text.h"
#include "tui/app.h"
#include "tui/bia_edit.h"
#include "tui/prompt.h"
#include "tui/screens.h"
#include "tui/verify_edit.h"

/* The verification ledger (§3.3): automated checks, restore tests and DR
 * drills, newest first, filtered by system and by kind, each judged
 * against its system's RTO and RPO; the selected entry said in full with
 * the duty occurrence it completed, or its system's RTA over time as a
 * chart. Entries are recorded and deleted here. */
typedef struct {
	screen base;
	int cursor, top;
	char system[TEXT_BYTES(BIA_NAME_MAX)]; /* the filter; "" for all */
	int kind;                              /* the filter; -1 for all */
	bool chart;
	verify_entry *v;
	size_t n;
} ledger_screen;

enum {
	ACT_SYSTEM = ACT_USER,
	ACT_KIND,
	ACT_CHART,
	ACT_RECORD,
	ACT_DELETE,
};

static const keybinding ledger_keys[] = {
	NAV_BINDINGS,
	{{'a', 'r', 0}, "a", NO_LABEL, HK_VL_RECORD, ACT_RECORD, true},
	{{'s', 0}, "s", NO_LABEL, HK_VL_SYSTEM, ACT_SYSTEM, true},
	{{'t', 0}, "t", NO_LABEL, HK_VL_KIND, ACT_KIND, true},
	{{'c', 0}, "c", NO_LABEL, HK_VL_CHART, ACT_CHART, true},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_VL_DELETE, ACT_DELETE, false},
};

enum { W_WHEN = 17, W_KIND = 15, W_RESULT = 9, W_RTA = 12, W_MARK = 2 };
#define W_FIGURES (W_KIND + W_RESULT + W_RTA + W_MARK + 3)
#define DETAIL_ROWS 8

static void ledger_reload(screen *s, app *a)
{
	ledger_screen *l = (ledger_screen *)s;
	verify_filter f = {l->system[0] ? l->system : NULL, l->kind, {0, 0, 0}};
	free(l->v);
	l->v = NULL;
	l->n = 0;
	if (!a->rep_loaded)
		return;
	if (store_verify_list(a->st, a->rep.assessment.unit_id, &f, &l->v, &l->n))
		app_message(a, ROLE_BAD, msg(ERR_STORE_FMT), store_errmsg(a->st));
	if (l->cursor >= (int)l->n)
		l->cursor = l->n ? (int)l->n - 1 : 0;
}

/* The RTO and RPO of an entry's system (BIA_UNSET when it has none). */
static const verify_system *targets_of(const verify_view *v, const char *system)
{
	size_t i = verify_view_named(v, system);
	return i == BIA_NO_INDEX ? NULL : &v->systems[i];
}

static int64_t rto_of(const verify_view *v, const char *system)
{
	const verify_system *y = targets_of(v, system);
	return y ? y->rto : BIA_UNSET;
}

static int64_t rpo_of(const verify_view *v, const char *system)
{
	const verify_system *y = targets_of(v, system);
	return y ? y->rpo : BIA_UNSET;
}

/* Whether an entry missed a target (RTA over the RTO, RPA over the
 * RPO). */
static bool missed(const verify_view *v, const verify_entry *e)
{
	return verify_judge(e->rta, rto_of(v, e->system)).verdict == TARGET_MISSED ||
	       verify_judge(e->rpa, rpo_of(v, e->system)).verdict == TARGET_MISSED;
}

static bool judged(const verify_view *v, const verify_entry *e)
{
	return verify_judge(e->rta, rto_of(v, e->system)).verdict == TARGET_MET ||
	       verify_judge(e->rpa, rpo_of(v, e->system)).verdict == TARGET_MET;
}

static void draw_row(const verify_view *v, const verify_entry *e, int y, rect b,
		     bool sel)
{
	draw_role base = draw_row_start(y, b, sel);
	int x = b.x + b.w - W_FIGURES;
	char t[64];
	bool bad = missed(v, e);

	verify_format_time(&e->started, t, sizeof t);
	draw_text(y, b.x + 2, W_WHEN - 1, sel ? base : ROLE_DIM, t);
	draw_text(y, b.x + 2 + W_WHEN, x - b.x - 3 - W_WHEN, base, e->system);
	draw_text(y, x, W_KIND, base, verify_kind_text(e->kind));
	x += W_KIND + 1;
	draw_text(y, x, W_RESULT,
		  sel ? base : e->result == VERIFY_PASS ? ROLE_OK
			 : e->result == VERIFY_FAIL ? ROLE_BAD : ROLE_WARN,
		  verify_result_text(e->result));
	x += W_RESULT + 1;
	bia_draw_minutes(y, x, W_RTA - 1, sel ? base : bad ? ROLE_BAD : base, e->rta);
	x += W_RTA + 1;
	draw_text(y, x, W_MARK, sel ? base : bad ? ROLE_BAD : ROLE_OK,
		  bad ? "✗" : judged(v, e) ? "✓" : "");
}

/* Which duty occurrence an entry completed: "completed 每月恢复测试 due
 * 2026-11-10". */
static void duty_line(app *a, const verify_entry *e, char *out, size_t len)
{
	const agenda *g = app_plan(a);
	char due[16];
	snprintf(out, len, "%s", msg(e->duty_event_id ? VL_DUTY_GONE : VL_NO_DUTY));
	if (!e->duty_event_id)
		return;
	for (size_t d = 0; d < g->n_duties; d++)
		for (size_t k = 0; k < g->n_events[d]; k++)
			if (g->events[d][k].id == e->duty_event_id) {
				date_format(g->events[d][k].due, due, sizeof due);
				snprintf(out, len, msg(VL_DUTY_FMT), g->duties[d].title,
					 due);
				return;
			}
}

static void draw_detail(app *a, const verify_view *v, const verify_entry *e,
			rect r)
{
	char line[2048], pct[32], end[32];
	int y = r.y, last = r.y + r.h;
	int64_t rto = rto_of(v, e->system), rpo = rpo_of(v, e->system);
	target_judgement j = verify_judge(e->rta, rto);

	verify_judgement_text("RTA", "RTO", e->rta, rto, line, sizeof line);
	draw_text(y++, r.x, r.w, j.verdict == TARGET_MISSED ? ROLE_BAD
				 : j.verdict == TARGET_MET ? ROLE_OK : ROLE_DIM,
		  line);
	j = verify_judge(e->rpa, rpo);
	verify_judgement_text("RPA", "RPO", e->rpa, rpo, line, sizeof line);
	draw_text(y++, r.x, r.w, j.verdict == TARGET_MISSED ? ROLE_BAD
				 : j.verdict == TARGET_MET ? ROLE_OK : ROLE_DIM,
		  line);
	verify_completeness_text(e->completeness, pct, sizeof pct);
	if (e->has_ended)
		verify_format_time(&e->ended, end, sizeof end);
	else
		snprintf(end, sizeof end, "—");
	draw_textf(y++, r.x, r.w,
		   e->completeness >= 0 && e->completeness < 1000 ? ROLE_WARN
								  : ROLE_NORMAL,
		   msg(VL_FACTS_FMT), pct, end, e->by);
	duty_line(a, e, line, sizeof line);
	draw_text(y++, r.x, r.w, e->duty_event_id ? ROLE_OK : ROLE_DIM, line);
	if (y < last && e->link[0])
		draw_textf(y++, r.x, r.w, ROLE_NORMAL, msg(VL_LINK_FMT), e->link);
	if (y < last && e->note[0])
		draw_paragraph((rect){y, r.x, last - y, r.w}, 0, ROLE_NORMAL, e->note);
}

static void ledger_draw(screen *s, app *a, rect b)
{
	ledger_screen *l = (ledger_screen *)s;
	const verify_view *v = app_verify(a);
	int x = b.x + b.w - W_FIGURES;
	int list_h = b.h - 3 - DETAIL_ROWS;
	int n = (int)l->n;

	draw_textf(b.y, b.x + 2, b.w - 3, ROLE_DIM, msg(VL_FILTER_FMT),
		   l->system[0] ? l->system : msg(VL_ALL),
		   l->kind >= 0 ? verify_kind_text((verify_kind)l->kind) : msg(VL_ALL),
		   l->n);
	draw_text(b.y + 1, b.x + 2, W_WHEN, ROLE_HEADING, msg(VL_COL_WHEN));
	draw_text(b.y + 1, b.x + 2 + W_WHEN, x - b.x - 3 - W_WHEN, ROLE_HEADING,
		  msg(BIA_COL_SYSTEM));
	draw_text(b.y + 1, x, W_KIND, ROLE_HEADING, msg(VL_COL_KIND));
	x += W_KIND + 1;
	draw_text(b.y + 1, x, W_RESULT, ROLE_HEADING, msg(VL_COL_RESULT));
	x += W_RESULT + 1;
	draw_text_right(b.y + 1, x, W_RTA - 1, ROLE_HEADING, "RTA");
	if (n == 0) {
		draw_paragraph((rect){b.y + 3, b.x + 2, list_h, b.w - 4}, 0, ROLE_DIM,
			       msg(l->system[0] || l->kind >= 0 ? VL_EMPTY_FILTER
								: VL_EMPTY));
		return;
	}
	if (l->cursor >= n)
		l->cursor = n - 1;
	l->top = layout_scroll(l->top, l->cursor, n, list_h);
	for (int i = 0; i < list_h && l->top + i < n; i++)
		draw_row(v, &l->v[l->top + i], b.y + 2 + i, b, l->top + i == l->cursor);
	draw_text(b.y + 2 + list_h, b.x + 2, b.w - 3, ROLE_DIM, msg(VL_LEGEND));
	draw_rule(b.y + 3 + list_h, b.x, b.w);
	rect d = {b.y + 4 + list_h, b.x + 2, DETAIL_ROWS - 1, b.w - 3};
	const verify_entry *e = &l->v[l->cursor];
	if (l->chart)
		verify_draw_trend(v, e->system, rto_of(v, e->system), d);
	else
		draw_detail(a, v, e, d);
}

static screen *entry_deleted(app *a, void *ctx, bool yes)
{
	if (yes)
		verify_wrote(a, store_verify_delete(a->st, *(int64_t *)ctx, a->user));
	return NULL;
}

/* The next system of the year after the one filtered by ("" first),
 * after the last all again. */
static void next_system(ledger_screen *l, const verify_view *v)
{
	size_t at = l->system[0] ? verify_view_named(v, l->system) : BIA_NO_INDEX;
	size_t next = at == BIA_NO_INDEX ? 0 : at + 1;
	snprintf(l->system, sizeof l->system, "%s",
		 next < v->backups.n ? v->backups.v[next].system : "");
}

static key_result ledger_key(screen *s, app *a, int action, int key)
{
	ledger_screen *l = (ledger_screen *)s;
	const verify_view *v = app_verify(a);
	char q[512], when[32];
	(void)key;

	if (keymap_move(action, &l->cursor, (int)l->n))
		return result(RES_NONE);
	switch (action) {
	case ACT_SYSTEM:
		next_system(l, v);
		l->cursor = l->top = 0;
		ledger_reload(s, a);
		return result(RES_NONE);
	case ACT_KIND:
		l->kind = l->kind + 1 < VERIFY_KINDS ? l->kind + 1 : -1;
		l->cursor = l->top = 0;
		ledger_reload(s, a);
		return result(RES_NONE);
	case ACT_CHART:
		l->chart = !l->chart;
		return result(RES_NONE);
	case ACT_RECORD:
		return push(verify_entry_form_new(
			a, l->system[0] ? l->system
			   : l->n ? l->v[l->cursor].system : NULL));
	case ACT_DELETE:
		if (!l->n)
			return result(RES_UNUSED);
		verify_format_time(&l->v[l->cursor].started, when, sizeof when);
		snprintf(q, sizeof q, msg(VL_DELETE_FMT),
			 verify_kind_text(l->v[l->cursor].kind), l->v[l->cursor].system,
			 when);
		return push(confirm_new(q, entry_deleted, bia_id_ref(l->v[l->cursor].id),
					true));
	}
	return result(RES_UNUSED);
}

static void ledger_destroy(screen *s)
{
	free(((ledger_screen *)s)->v);
	free(s);
}

static const screen_ops ledger_ops = {
	.title = VL_TITLE,
	.keys = KEYTABLE(ledger_keys),
	.draw = ledger_draw,
	.handle_key = ledger_key,
	.reload = ledger_reload,
	.destroy = ledger_destroy,
};

screen *screen_ledger_new(app *a, const char *system)
{
	ledger_screen *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->base.ops = &ledger_ops;
	l->kind = -1;
	if (system)
		snprintf(l->system, sizeof l->system, "%s", system);
	ledger_reload(&l->base, a);
	return &l->base;
}
