#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/xlsx_workbook.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The dashboard: organisation, year, maturity and what blocks the next
 * level, checklist progress; the way to every other screen. */
typedef struct {
	screen base;
} home_screen;

enum { ACT_CHECKLIST = ACT_USER, ACT_WALK, ACT_MATURITY, ACT_EXPORT };

static const keybinding home_keys[] = {
	{{'c', 0}, "c", NO_LABEL, HK_CHECKLIST, ACT_CHECKLIST, true},
	{{'w', 0}, "w", NO_LABEL, HK_WALK, ACT_WALK, true},
	{{'m', 0}, "m", NO_LABEL, HK_MATURITY, ACT_MATURITY, true},
	{{'x', 0}, "x", NO_LABEL, HK_EXPORT, ACT_EXPORT, true},
};

static void draw_label(int y, int x, const char *label)
{
	draw_text(y, x, 12, ROLE_HEADING, label);
}

static void home_draw(screen *s, app *a, rect b)
{
	const report *r = &a->rep;
	const questionnaire *q = a->q;
	const q_level *lv;
	int x = b.x + 2, vx = b.x + 15, vw = b.w - 17, y = b.y + 1;
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
	y += draw_paragraph((rect){y, vx, 2, vw}, 0, ROLE_DIM, lv->summary);
	if (r->score.level < Q_LEVELS) {
		const q_level *next = &q->levels[r->score.level];
		draw_textf(y++, vx, vw, ROLE_NORMAL, msg(HOME_NEXT_FMT),
			   next->number, next->name,
			   r->score.open_per_level[r->score.level]);
		n = scoring_blocking_items(q, &r->score, next->number, items,
					   Q_MAX_ITEMS);
		if (n > 0) {
			int used = draw_text(y, vx, vw, ROLE_DIM, msg(HOME_BLOCKING));
			int cx = vx + used + 1;
			for (size_t i = 0; i < n; i++) {
				char buf[160];
				snprintf(buf, sizeof buf, "%zu %s%s", items[i] + 1,
					 q->items[items[i]].title,
					 i + 1 < n ? " ·" : "");
				if (cx + text_width(buf) > vx + vw) {
					y++;
					cx = vx + used + 1;
				}
				cx += draw_text(y, cx, vx + vw - cx, ROLE_WARN, buf) + 1;
			}
			y++;
		}
	} else {
		draw_text(y++, vx, vw, ROLE_OK, msg(HOME_TOP_LEVEL));
	}
	y++;
	draw_label(y, x, msg(HOME_CHECKLIST));
	draw_bar(y, vx, 10, r->n_done, q->n_items);
	draw_textf(y++, vx + 12, vw - 12, ROLE_NORMAL, msg(HOME_PROGRESS_FMT),
		   r->n_done, q->n_items, r->n_in_progress, r->n_not_started);
	y++;
	draw_label(y, x, msg(HOME_EVIDENCE));
	draw_textf(y++, vx, vw, ROLE_NORMAL, msg(HOME_EVIDENCE_FMT), r->evidence.n);

	y = b.y + b.h - 2;
	{
		msg_id menu[] = {HOME_MENU_CHECKLIST, HOME_MENU_WALK,
				 HOME_MENU_MATURITY, HOME_MENU_EXPORT};
		int cx = x;
		for (size_t i = 0; i < sizeof menu / sizeof menu[0]; i++)
			cx += draw_text(y, cx, b.x + b.w - cx, ROLE_KEY,
					msg(menu[i])) + 4;
	}
}

static screen *export_to(app *a, void *ctx, const char *path)
{
	char err[512], today[16], expanded[4096];
	const char *home = getenv("HOME");
	moat_status st;

	(void)ctx;
	if (!*path)
		return NULL;
	if (strncmp(path, "~/", 2) == 0 && home)
		snprintf(expanded, sizeof expanded, "%s/%s", home, path + 2);
	else
		snprintf(expanded, sizeof expanded, "%s", path);
	date_format(a->today, today, sizeof today);
	st = xlsx_export(&a->rep, expanded, today, err, sizeof err);
	if (st)
		app_message(a, ROLE_BAD, msg(EXPORT_FAILED_FMT), err);
	else
		app_message(a, ROLE_OK, msg(EXPORT_DONE_FMT), expanded);
	return NULL;
}

static key_result home_key(screen *s, app *a, int action, int key)
{
	char path[64];
	(void)s, (void)key;
	switch (action) {
	case ACT_CHECKLIST:
		return push(screen_checklist_new());
	case ACT_WALK:
		return push(screen_item_new(a, 0, true));
	case ACT_MATURITY:
		return push(screen_maturity_new());
	case ACT_EXPORT:
		snprintf(path, sizeof path, "moat-%d.xlsx", a->rep.assessment.year);
		return push(prompt_new(msg(EXPORT_PROMPT), path, 1024, export_to,
				       NULL, false));
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
