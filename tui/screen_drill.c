#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/drill_text.h"
#include "model/money.h"
#include "model/verify_text.h"
#include "tui/app.h"
#include "tui/drill_ui.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* One drill: type, date and scenario with its trigger, the systems in
 * scope, participants and objectives, the times against the targets, the
 * document's evaluation sheet (technical and process checks side by side,
 * the business figures under them) and the findings with severity, owner,
 * due date and state. The cursor walks the nine checks, then the
 * findings: Space answers a check or closes a finding. */
typedef struct {
	screen base;
	int64_t id;
	drill_data data;
	int cursor; /* 0..8 the checks, then the findings */
	int top;    /* first finding shown */
} drill_screen;

enum {
	ACT_TOGGLE = ACT_USER,
	ACT_EDIT,
	ACT_FINDING,
	ACT_WATCH,
	ACT_INTERRUPTION,
	ACT_COMPLAINTS,
	ACT_LOSS,
	ACT_DELETE,
};

static const keybinding drill_keys[] = {
	NAV_BINDINGS,
	{{' ', 0}, NULL, HK_NAME_SPACE, HK_DRILL_TOGGLE, ACT_TOGGLE, true},
	{{'e', 0}, "e", NO_LABEL, HK_DRILL_EDIT, ACT_EDIT, true},
	{{'f', 0}, "f", NO_LABEL, HK_DRILL_FINDING, ACT_FINDING, true},
	{{'w', 0}, "w", NO_LABEL, HK_DRILL_WATCH, ACT_WATCH, true},
	{{'i', 0}, "i", NO_LABEL, HK_DRILL_INTERRUPTION, ACT_INTERRUPTION, false},
	{{'c', 0}, "c", NO_LABEL, HK_DRILL_COMPLAINTS, ACT_COMPLAINTS, false},
	{{'l', 0}, "l", NO_LABEL, HK_DRILL_LOSS, ACT_LOSS, false},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_DRILL_DELETE_FINDING, ACT_DELETE, false},
};

static void drill_reload(screen *s, app *a)
{
	drill_screen *d = (drill_screen *)s;
	int n;
	drill_data_load(a, d->id, &d->data);
	n = DRILL_CHECKS + (int)d->data.f.n_findings;
	if (d->cursor >= n)
		d->cursor = n - 1;
}

static int line(rect b, int y, draw_role role, const char *label,
		const char *value)
{
	char t[2048];
	snprintf(t, sizeof t, msg(DRILL_LABEL_FMT), label, value);
	return draw_text(y, b.x + 2, b.w - 3, role, t);
}

static void draw_head(drill_screen *d, app *a, rect b, int *y)
{
	const drill_full *f = &d->data.f;
	const drill_scenario *sc;
	drill_scenario *own = NULL;
	size_t n_own = 0, used = 0;
	drill_times t;
	char day[16], names[1024] = "", judge[256], part[3][32];

	date_format(f->d.held_on, day, sizeof day);
	draw_textf((*y)++, b.x + 2, b.w - 3, ROLE_HEADING, "%s · %s · %s",
		   drill_type_text(&a->q->drill, f->d.type), day,
		   f->d.scenario[0] ? f->d.scenario : "—");
	store_drill_scenarios(a->st, a->rep.unit.id, &own, &n_own);
	sc = drill_find_scenario(&a->q->drill, own, n_own, f->d.scenario);
	if (sc && sc->trigger[0])
		line(b, (*y)++, ROLE_DIM, msg(DRILL_F_TRIGGER), sc->trigger);
	drill_scenarios_free(own, n_own);
	for (size_t i = 0; i < f->n_systems && used < sizeof names; i++)
		used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
					 i ? msg(DRILL_LIST_SEP) : "", f->systems[i]);
	line(b, (*y)++, used ? ROLE_NORMAL : ROLE_WARN, msg(DRILL_R_SYSTEMS),
	     used ? names : "—");
	line(b, (*y)++, ROLE_NORMAL, msg(DRILL_F_PARTICIPANTS),
	     f->d.participants[0] ? f->d.participants : "—");
	line(b, (*y)++, ROLE_NORMAL, msg(DRILL_F_OBJECTIVES),
	     f->d.objectives[0] ? f->d.objectives : "—");
	for (int m = 0; m < DRILL_MARKS; m++) {
		if (f->d.marked[m])
			snprintf(part[m], sizeof part[m], "%02d:%02d", f->d.at[m].hour,
				 f->d.at[m].minute);
		else
			snprintf(part[m], sizeof part[m], "—");
	}
	drill_measure(&f->d, &t);
	verify_judgement_text("RTA", "RTO", t.rta, d->data.scope_rto, judge,
			      sizeof judge);
	target_judgement j = verify_judge(t.rta, d->data.scope_rto);
	draw_textf((*y)++, b.x + 2, b.w - 3,
		   j.verdict == TARGET_MISSED ? ROLE_BAD
		   : j.verdict == TARGET_MET  ? ROLE_OK
					      : ROLE_DIM,
		   msg(DRILL_TIMES_FMT), part[0], part[1], part[2], judge);
}

static void draw_check(drill_screen *d, int i, int y, int x, int w)
{
	int v = d->data.f.d.checks[i];
	bool sel = d->cursor == i;
	draw_role role = sel ? ROLE_SELECTED
			 : v == DRILL_YES ? ROLE_OK
			 : v == DRILL_NO  ? ROLE_BAD
					  : ROLE_DIM;
	if (sel)
		draw_fill(y, x - 2, w + 2, ROLE_SELECTED);
	if (sel)
		draw_text(y, x - 2, 1, ROLE_SELECTED, ">");
	draw_textf(y, x, w, role, "%s %s", drill_answer_mark(v),
		   drill_check_text((drill_check)i));
}

static void draw_sheet(drill_screen *d, app *a, rect b, int *y)
{
	const drill_record *r = &d->data.f.d;
	drill_summary m;
	char t[256], v[3][64], cur[32];
	int half = (b.w - 4) / 2;
	int xl = b.x + 4, xr = b.x + 4 + half;

	drill_summarise(r, &m);
	drill_summary_text(&m, t, sizeof t);
	draw_rule((*y)++, b.x, b.w);
	line(b, (*y)++, m.failed ? ROLE_WARN : ROLE_NORMAL, msg(DRILL_R_EVALUATION),
	     t);
	draw_text(*y, xl, half - 3, ROLE_HEADING, msg(DRILL_R_TECHNICAL));
	draw_text(*y, xr, half - 1, ROLE_HEADING, msg(DRILL_R_PROCESS));
	(*y)++;
	for (int i = 0; i < DRILL_TECH_CHECKS; i++) {
		draw_check(d, i, *y + i, xl, half - 3);
		if (DRILL_TECH_CHECKS + i < DRILL_CHECKS)
			draw_check(d, DRILL_TECH_CHECKS + i, *y + i, xr, half - 1);
	}
	*y += DRILL_TECH_CHECKS;
	if (r->interruption != BIA_UNSET)
		bia_minutes_format(r->interruption, v[0], sizeof v[0]);
	else
		snprintf(v[0], sizeof v[0], "—");
	if (r->complaints != BIA_UNSET)
		snprintf(v[1], sizeof v[1], "%lld", (long long)r->complaints);
	else
		snprintf(v[1], sizeof v[1], "—");
	if (r->loss != BIA_UNSET) {
		money_format(r->loss, v[2], sizeof v[2]);
		store_currency(a->st, a->rep.unit.id, cur, sizeof cur);
		snprintf(v[2] + strlen(v[2]), sizeof v[2] - strlen(v[2]), " %s", cur);
	} else {
		snprintf(v[2], sizeof v[2], "—");
	}
	draw_textf((*y)++, b.x + 2, b.w - 3, ROLE_NORMAL, msg(DRILL_BUSINESS_FMT),
		   v[0], v[1], v[2]);
}

static void draw_findings(drill_screen *d, app *a, rect b, int y)
{
	const drill_full *f = &d->data.f;
	int rows = b.y + b.h - y - 1;
	int sel = d->cursor - DRILL_CHECKS;
	size_t open = drill_findings_open(f->findings, f->n_findings);

	draw_rule(y++, b.x, b.w);
	draw_textf(y++, b.x + 2, b.w - 3, open ? ROLE_WARN : ROLE_HEADING,
		   msg(DRILL_R_FINDINGS_FMT), f->n_findings, open);
	if (rows < 1)
		return;
	d->top = layout_scroll(d->top, sel < 0 ? 0 : sel, (int)f->n_findings, rows);
	for (int i = 0; i < rows && d->top + i < (int)f->n_findings; i++) {
		const drill_finding *x = &f->findings[d->top + i];
		bool s = d->top + i == sel;
		char state[128], due[16] = "—";
		if (x->due.y)
			date_format(x->due, due, sizeof due);
		drill_finding_state_text(x, a->today, state, sizeof state);
		if (s) {
			draw_fill(y + i, b.x, b.w, ROLE_SELECTED);
			draw_text(y + i, b.x, 1, ROLE_SELECTED, ">");
		}
		draw_textf(y + i, b.x + 2, b.w - 3,
			   s ? ROLE_SELECTED
			   : !drill_finding_open(x)	    ? ROLE_DIM
			   : drill_finding_overdue(x, a->today) ? ROLE_WARN
						      : ROLE_NORMAL,
			   msg(DRILL_FINDING_LINE_FMT), drill_grade_text(x->severity),
			   x->text, x->owner[0] ? x->owner : "—", due, state);
	}
}

static void drill_draw(screen *s, app *a, rect b)
{
	drill_screen *d = (drill_screen *)s;
	int y = b.y;

	if (!d->data.loaded && !drill_data_load(a, d->id, &d->data))
		return;
	draw_head(d, a, b, &y);
	draw_sheet(d, a, b, &y);
	draw_findings(d, a, b, y);
}

static void toggle(drill_screen *d, app *a)
{
	drill_record r = d->data.f.d;
	int64_t id;
	if (d->cursor < DRILL_CHECKS) {
		r.checks[d->cursor] = drill_check_next(r.checks[d->cursor]);
		drill_wrote(a, store_drill_save(a->st, a->rep.unit.id, &a->q->drill,
						&r, a->user, &id));
		return;
	}
	const drill_finding *f = &d->data.f.findings[d->cursor - DRILL_CHECKS];
	drill_wrote(a, store_drill_finding_set_done(a->st, f->id,
						    drill_finding_open(f), a->today,
						    a->user));
}

static screen *finding_deleted(app *a, void *ctx, bool yes)
{
	if (yes)
		drill_wrote(a, store_drill_finding_delete(a->st, *(int64_t *)ctx,
							  a->user));
	return NULL;
}

static key_result drill_key(screen *s, app *a, int action, int key)
{
	drill_screen *d = (drill_screen *)s;
	int n = DRILL_CHECKS + (int)d->data.f.n_findings;
	(void)key;

	if (!d->data.loaded)
		return result(RES_UNUSED);
	if (keymap_move(action, &d->cursor, n))
		return result(RES_NONE);
	switch (action) {
	case ACT_TOGGLE:
		toggle(d, a);
		return result(RES_NONE);
	case ACT_EDIT:
		return push(drill_form_new(a, d->id, NULL));
	case ACT_FINDING:
		return push(drill_finding_form_new(a, d->id));
	case ACT_WATCH:
		return push(screen_stopwatch_new(d->id));
	case ACT_INTERRUPTION:
		return push(drill_figure_prompt(a, d->id, DRILL_FIG_INTERRUPTION));
	case ACT_COMPLAINTS:
		return push(drill_figure_prompt(a, d->id, DRILL_FIG_COMPLAINTS));
	case ACT_LOSS:
		return push(drill_figure_prompt(a, d->id, DRILL_FIG_LOSS));
	case ACT_DELETE:
		if (d->cursor >= DRILL_CHECKS) {
			const drill_finding *f =
				&d->data.f.findings[d->cursor - DRILL_CHECKS];
			int64_t *id = malloc(sizeof *id);
			char q[1024];
			if (!id)
				return result(RES_NONE);
			*id = f->id;
			snprintf(q, sizeof q, msg(DRILL_Q_DELETE_FINDING_FMT), f->text);
			return push(confirm_new(q, finding_deleted, id, true));
		}
		app_message(a, ROLE_WARN, "%s", msg(DRILL_PICK_FINDING));
		return result(RES_NONE);
	}
	return result(RES_UNUSED);
}

static void drill_destroy(screen *s)
{
	drill_data_free(&((drill_screen *)s)->data);
	free(s);
}

static const screen_ops drill_ops = {
	.title = DRILL_RECORD_TITLE,
	.keys = KEYTABLE(drill_keys),
	.draw = drill_draw,
	.handle_key = drill_key,
	.reload = drill_reload,
	.destroy = drill_destroy,
};

screen *screen_drill_new(int64_t id)
{
	drill_screen *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->base.ops = &drill_ops;
	d->id = id;
	return &d->base;
}
