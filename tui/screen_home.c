#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/xlsx_workbook.h"
#include "model/calc.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/export_prompt.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The dashboard: organisation, year, maturity and what blocks the next
 * level, checklist progress; the way to every other screen. */
typedef struct {
	screen base;
} home_screen;

enum {
	ACT_CHECKLIST = ACT_USER,
	ACT_WALK,
	ACT_MATURITY,
	ACT_YEARS,
	ACT_AUDIT,
	ACT_VALIDITY,
	ACT_ROI,
	ACT_INVEST,
	ACT_BIA,
	ACT_DRILLS,
	ACT_RESPONSE,
	ACT_PLAN,
	ACT_AGENDA,
	ACT_DUTIES,
	ACT_UNITS,
	ACT_EXPORT,
	ACT_BACKUPS,
	ACT_GROUP,
};

static const keybinding home_keys[] = {
	{{'c', 0}, "c", NO_LABEL, HK_CHECKLIST, ACT_CHECKLIST, true},
	{{'w', 0}, "w", NO_LABEL, HK_WALK, ACT_WALK, false},
	{{'m', 0}, "m", NO_LABEL, HK_MATURITY, ACT_MATURITY, true},
	{{'y', 0}, "y", NO_LABEL, HK_YEARS, ACT_YEARS, true},
	{{'a', 0}, "a", NO_LABEL, HK_AUDIT, ACT_AUDIT, false},
	{{'v', 0}, "v", NO_LABEL, HK_VALIDITY, ACT_VALIDITY, false},
	{{'p', 0}, "p", NO_LABEL, HK_PLAN, ACT_PLAN, true},
	{{'d', 0}, "d", NO_LABEL, HK_AGENDA, ACT_AGENDA, true},
	{{'D', 0}, "D", NO_LABEL, HK_DUTIES, ACT_DUTIES, false},
	{{'u', 0}, "u", NO_LABEL, HK_UNITS_HOME, ACT_UNITS, false},
	{{'r', 0}, "r", NO_LABEL, HK_ROI, ACT_ROI, true},
	{{'i', 0}, "i", NO_LABEL, HK_INVEST, ACT_INVEST, false},
	{{'b', 0}, "b", NO_LABEL, HK_BIA_HOME, ACT_BIA, false},
	{{'B', 0}, "B", NO_LABEL, HK_BACKUPS_HOME, ACT_BACKUPS, false},
	{{'e', 0}, "e", NO_LABEL, HK_DRILLS_HOME, ACT_DRILLS, false},
	{{'E', 0}, "E", NO_LABEL, HK_RESP_HOME, ACT_RESPONSE, false},
	{{'x', 0}, "x", NO_LABEL, HK_EXPORT, ACT_EXPORT, true},
	{{'G', 0}, "G", NO_LABEL, HK_GROUP_HOME, ACT_GROUP, false},
};

static void draw_label(int y, int x, const char *label)
{
	draw_text(y, x, 12, ROLE_HEADING, label);
}

/* The unit's years as a compact trend: "2025 L1 · 2026 L2". */
static void home_draw_years(app *a, int y, int x, int w)
{
	int cx = x;
	size_t n;
	const year_summary *ys = app_years(a, &n);
	for (size_t i = 0; i < n && cx < x + w; i++) {
		const year_summary *h = &ys[i];
		bool current = h->assessment.id == a->assessment_id;
		char buf[64];
		snprintf(buf, sizeof buf, "%d L%d%s", h->assessment.year,
			 h->level, i + 1 < n ? " ·" : "");
		cx += draw_text(y, cx, x + w - cx, current ? ROLE_HEADING : ROLE_DIM,
				buf) + 1;
	}
}

/* The programme's day and progress, and the first overdue and the next
 * duty; returns the next free row. */
static int home_draw_plan(app *a, int y, int x, int vx, int vw)
{
	const agenda *g = app_plan(a);
	char buf[300], due[16];

	if (g->has_programme) {
		draw_role role = g->progress.overdue ? ROLE_WARN : ROLE_NORMAL;
		draw_label(y, x, msg(HOME_PLAN));
		if (g->progress.day < 1) {
			date_format(g->start, due, sizeof due);
			draw_textf(y++, vx, vw, role, msg(HOME_PLAN_BEFORE_FMT), due,
				   g->progress.total);
		} else if (g->progress.day > PLAN_DAYS) {
			date_format(date_add_days(g->start, PLAN_DAYS - 1), due, sizeof due);
			draw_textf(y++, vx, vw, role, msg(HOME_PLAN_AFTER_FMT), due,
				   g->progress.done, g->progress.total);
		} else {
			draw_textf(y++, vx, vw, role, msg(HOME_PLAN_FMT), g->progress.day,
				   g->progress.phase, g->progress.done, g->progress.total);
		}
	}
	if (g->n_duties == 0)
		return y;
	draw_label(y, x, msg(HOME_DUTIES));
	for (size_t i = 0; i < g->n_entries && i < 2; i++) {
		const agenda_entry *e = &g->entries[i];
		const char *title = e->kind == AG_DUTY ? g->duties[e->index].title
						       : g->tasks[e->index].title;
		date_format(e->due, due, sizeof due);
		snprintf(buf, sizeof buf,
			 msg(e->overdue ? HOME_DUTY_OVERDUE_FMT : HOME_DUTY_NEXT_FMT),
			 e->overdue ? title : due + 5, e->overdue ? due + 5 : title);
		draw_text(y++, vx, vw, e->overdue ? ROLE_BAD : ROLE_NORMAL, buf);
	}
	return y;
}

/* The systems whose backups are not proven, in one line (none without
 * systems); returns the next free row. */
static int home_draw_backups(app *a, int y, int x, int vx, int vw)
{
	const verify_view *v = app_verify(a);
	char line[300];

	if (!v->backups.n)
		return y;
	verify_view_summary_text(v, line, sizeof line);
	draw_label(y, x, msg(HOME_BACKUPS));
	draw_text(y++, vx, vw, v->n_never || v->n_stale || v->n_failed ? ROLE_WARN
									: ROLE_OK,
		  line);
	return y;
}

/* The ROI in one line: payback, N-year net, ROI. */
static void home_draw_roi(app *a, int y, int x, int w)
{
	const calc_data *c = app_calc(a);
	char payback[64], net[32], roi[32], line[256];

	/* Nothing entered yet: say where to start, not "never pays back". */
	if (c->n_lines == 0) {
		draw_text(y, x, w, ROLE_DIM, msg(HOME_ROI_EMPTY));
		return;
	}
	if (c->roi.pays_back) {
		char n[32];
		num_format_double(c->roi.payback_years, 2, n, sizeof n);
		snprintf(payback, sizeof payback, msg(ROI_YEARS_FMT), n);
	} else {
		snprintf(payback, sizeof payback, "%s", msg(ROI_NEVER));
	}
	money_format(c->roi.net_n, net, sizeof net);
	if (c->roi.roi_defined) {
		num_format_double(c->roi.roi_pct, 1, roi, sizeof roi);
		strncat(roi, " %", sizeof roi - strlen(roi) - 1);
	} else {
		snprintf(roi, sizeof roi, "—");
	}
	snprintf(line, sizeof line, msg(HOME_ROI_FMT), payback, c->roi.years, net,
		 c->currency, roi);
	draw_text(y, x, w, c->roi.pays_back ? ROLE_NORMAL : ROLE_WARN, line);
}

static void home_draw(screen *s, app *a, rect b)
{
	const report *r = &a->rep;
	const questionnaire *q = a->q;
	const q_level *lv;
	/* Blank rows between the sections only where the body has room for
	 * them and the menu below. */
	int gap = b.h >= 20 ? 1 : 0;
	int x = b.x + 2, vx = b.x + 15, vw = b.w - 17, y = b.y + gap;
	size_t items[Q_MAX_ITEMS], n;

	(void)s;
	if (!a->rep_loaded)
		return;
	lv = &q->levels[r->score.level - 1];

	draw_label(y, x, msg(HOME_MATURITY));
	{
		int used = draw_textf(y, vx, vw, ROLE_NORMAL, msg(FRAME_LEVEL_FMT),
				      lv->number, lv->name);
		char risk[64];
		snprintf(risk, sizeof risk, msg(FRAME_RISK_FMT), lv->risk);
		draw_text(y, vx + used + 2, vw - used - 2,
			  r->score.level <= 2 ? ROLE_BAD
			  : r->score.level == 3 ? ROLE_WARN : ROLE_OK,
			  risk);
	}
	y++;
	/* The level's description when the window has room for it. */
	if (b.h >= 24)
		y += draw_paragraph((rect){y, vx, 2, vw}, 0, ROLE_DIM, lv->summary);
	if (r->score.level < Q_LEVELS) {
		const q_level *next = &q->levels[r->score.level];
		draw_textf(y++, vx, vw, ROLE_NORMAL, msg(HOME_NEXT_FMT),
			   next->number, next->name,
			   r->score.open_per_level[r->score.level]);
		n = scoring_blocking_items(q, &r->score, next->number, items,
					   Q_MAX_ITEMS);
		if (n > 0) {
			/* The label brings its own gap: a space in English,
			 * none after a full-width colon. */
			int used = draw_text(y, vx, vw, ROLE_DIM, msg(HOME_BLOCKING));
			int cx = vx + used;
			for (size_t i = 0; i < n; i++) {
				char buf[160];
				snprintf(buf, sizeof buf, "%zu %s%s", items[i] + 1,
					 q->items[items[i]].title,
					 i + 1 < n ? " ·" : "");
				if (cx + text_width(buf) > vx + vw) {
					y++;
					cx = vx + used;
				}
				cx += draw_text(y, cx, vx + vw - cx, ROLE_WARN, buf) + 1;
			}
			y++;
		}
	} else {
		draw_text(y++, vx, vw, ROLE_OK, msg(HOME_TOP_LEVEL));
	}
	y += gap;
	draw_label(y, x, msg(HOME_CHECKLIST));
	draw_bar(y, vx, 10, r->n_done, q->n_items);
	draw_textf(y++, vx + 12, vw - 12, ROLE_NORMAL, msg(HOME_PROGRESS_FMT),
		   r->n_done, q->n_items, r->n_in_progress, r->n_not_started);
	y += gap;
	draw_label(y, x, msg(HOME_EVIDENCE));
	{
		int cx = vx + draw_textf(y, vx, vw, ROLE_NORMAL, msg(HOME_EVIDENCE_FMT),
					 r->evidence.n);
		if (r->n_expired)
			cx += draw_text(y, cx, 3, ROLE_DIM, " · ") +
			      draw_textf(y, cx + 3, vx + vw - cx - 3, ROLE_BAD,
					 msg(HOME_EXPIRED_FMT), r->n_expired);
		if (r->n_expiring)
			cx += draw_text(y, cx, 3, ROLE_DIM, " · ") +
			      draw_textf(y, cx + 3, vx + vw - cx - 3, ROLE_WARN,
					 msg(HOME_EXPIRING_FMT), r->n_expiring);
		y++;
	}
	y += gap;
	draw_label(y, x, msg(HOME_YEARS));
	home_draw_years(a, y, vx, vw);
	y++;
	y = home_draw_backups(a, y, x, vx, vw);
	y = home_draw_plan(a, y, x, vx, vw);
	draw_label(y, x, msg(HOME_ROI));
	home_draw_roi(a, y, vx, vw);

	{
		msg_id menu[] = {HOME_MENU_CHECKLIST, HOME_MENU_WALK,
				 HOME_MENU_MATURITY, HOME_MENU_YEARS,
				 HOME_MENU_PLAN, HOME_MENU_AGENDA,
				 HOME_MENU_DUTIES,
				 HOME_MENU_ROI, HOME_MENU_INVEST, HOME_MENU_BIA,
				 HOME_MENU_BACKUPS, HOME_MENU_DRILLS,
				 HOME_MENU_RESPONSE,
				 HOME_MENU_AUDIT, HOME_MENU_VALIDITY,
				 HOME_MENU_EXPORT, HOME_MENU_UNITS,
				 HOME_MENU_GROUP};
		size_t n_menu = sizeof menu / sizeof menu[0];
		int cx = x, lines = 1;
		/* Lay the menu out once to know how many lines it takes, then
		 * draw it at the bottom of the body. */
		for (size_t i = 0; i < n_menu; i++) {
			int w = text_width(msg(menu[i]));
			if (cx + w > b.x + b.w - 1) {
				lines++;
				cx = x;
			}
			cx += w + 3;
		}
		y = b.y + b.h - lines;
		cx = x;
		for (size_t i = 0; i < n_menu; i++) {
			int w = text_width(msg(menu[i]));
			if (cx + w > b.x + b.w - 1) {
				y++;
				cx = x;
			}
			cx += draw_text(y, cx, w, ROLE_KEY, msg(menu[i])) + 3;
		}
	}
}

static moat_status write_year(app *a, void *ctx, const char *path, char *err,
			      size_t errlen)
{
	(void)ctx;
	return xlsx_export_assessment(a->st, &a->rep, a->today, path, err,
				      errlen);
}

static msg_id validity_check(app *a, void *ctx, const char *text)
{
	int m;
	(void)a, (void)ctx;
	return evidence_parse_validity(text, &m) ? MSG__COUNT : FORM_ERR_VALID;
}

static screen *set_validity(app *a, void *ctx, const char *text)
{
	int m;
	(void)ctx;
	if (evidence_parse_validity(text, &m) &&
	    app_wrote_parts(a, store_unit_set_validity(a->st, a->rep.unit.id, m,
						 a->user), PART_REPORT))
		app_message(a, ROLE_OK, msg(VALIDITY_SET_FMT), m);
	return NULL;
}

static key_result home_key(screen *s, app *a, int action, int key)
{
	char path[64];
	(void)s, (void)key;
	/* Without a readable assessment only help and quitting make sense. */
	if (!a->rep_loaded)
		return result(RES_UNUSED);
	switch (action) {
	case ACT_CHECKLIST:
		return push(screen_checklist_new());
	case ACT_WALK:
		return push(screen_item_new(a, 0, true));
	case ACT_MATURITY:
		return push(screen_maturity_new());
	case ACT_YEARS:
		return push(screen_years_new(a));
	case ACT_AUDIT:
		return push(screen_audit_new(a));
	case ACT_PLAN:
		return push(screen_plan_new());
	case ACT_AGENDA:
		return push(screen_agenda_new(a));
	case ACT_DUTIES:
		return push(screen_duties_new(a));
	case ACT_UNITS:
		return push(screen_units_new(a));
	case ACT_ROI:
		return push(screen_roi_new(a));
	case ACT_INVEST:
		return push(screen_invest_new(a));
	case ACT_BIA:
		return push(screen_bia_new());
	case ACT_BACKUPS:
		return push(screen_backups_new(0));
	case ACT_DRILLS:
		return push(screen_drills_new());
	case ACT_RESPONSE:
		return push(screen_response_new(a));
	case ACT_GROUP:
		return push(screen_group_new(a));
	case ACT_VALIDITY:
		snprintf(path, sizeof path, "%d", a->rep.unit.validity_months);
		return push(prompt_checked(prompt_new(msg(VALIDITY_PROMPT), path,
						      3, EVF_VALID, set_validity,
						      NULL, false),
					   validity_check));
	case ACT_EXPORT:
		snprintf(path, sizeof path, "moat-%d.xlsx", a->rep.assessment.year);
		return push(export_prompt_new(path, write_year, NULL));
	}
	return result(RES_UNUSED);
}

static void home_destroy(screen *s) { free(s); }

static const screen_ops home_ops = {
	.title = HOME_TITLE,
	.keys = KEYTABLE(home_keys),
	.draw = home_draw,
	.handle_key = home_key,
	.destroy = home_destroy,
};

screen *screen_home_new(void)
{
	home_screen *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->base.ops = &home_ops;
	return &h->base;
}
