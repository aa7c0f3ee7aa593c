#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "tui/app.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The years of the unit with their level as a trend; open one, start the
 * next year from the latest, finalise, compare with the year before. */
typedef struct {
	screen base;
	int cursor; /* index into a->history */
} years_screen;

enum { ACT_OPEN = ACT_USER, ACT_NEXT_YEAR, ACT_FINALISE, ACT_COMPARE };

static const keybinding years_keys[] = {
	NAV_BINDINGS,
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_OPEN_YEAR, ACT_OPEN, true},
	{{'c', 0}, "c", NO_LABEL, HK_COMPARE, ACT_COMPARE, true},
	{{'s', 0}, "s", NO_LABEL, HK_NEXT_YEAR, ACT_NEXT_YEAR, true},
	{{'f', 0}, "f", NO_LABEL, HK_FINALISE, ACT_FINALISE, true},
};

static void years_draw(screen *s, app *a, rect b)
{
	years_screen *y = (years_screen *)s;
	int row = 1, top;

	draw_text(b.y, b.x + 2, 6, ROLE_HEADING, msg(YR_COL_YEAR));
	draw_text(b.y, b.x + 9, 24, ROLE_HEADING, msg(YR_COL_LEVEL));
	draw_text(b.y, b.x + 34, 12, ROLE_HEADING, msg(YR_TREND));
	draw_text(b.y, b.x + 47, b.w - 48, ROLE_HEADING, msg(YR_COL_STATUS));
	top = layout_scroll(0, y->cursor, (int)a->n_history, b.h - 1);
	for (int i = top; i < (int)a->n_history && row < b.h; i++, row++) {
		const report *h = &a->history[i];
		const q_level *lv = &a->q->levels[h->score.level - 1];
		bool sel = i == y->cursor;
		draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
		char status[128];

		if (sel) {
			draw_fill(b.y + row, b.x, b.w, ROLE_SELECTED);
			draw_text(b.y + row, b.x, 1, ROLE_SELECTED, ">");
		}
		draw_textf(b.y + row, b.x + 2, 6, base, "%d", h->assessment.year);
		draw_textf(b.y + row, b.x + 9, 24, base, msg(FRAME_LEVEL_FMT),
			   lv->number, lv->name);
		draw_bar(b.y + row, b.x + 34, 10, (size_t)h->score.level, Q_LEVELS);
		if (h->assessment.status == ASSESS_FINAL) {
			char day[11];
			stamp_format_local_day(h->assessment.finalised_at, day,
					       sizeof day);
			/* The day before the name: a long login is what
			 * gets cut. */
			snprintf(status, sizeof status, msg(YR_FINAL_FMT), day,
				 h->assessment.finalised_by);
		} else {
			snprintf(status, sizeof status, "%s", msg(ASSESS_TEXT_DRAFT));
		}
		draw_text(b.y + row, b.x + 47, b.w - 48 - 6, base, status);
		if (h->assessment.id == a->assessment_id)
			draw_text_right(b.y + row, b.x, b.w - 1, sel ? base : ROLE_KEY,
					msg(YR_CURRENT));
	}
}

static screen *finalise_confirmed(app *a, void *ctx, bool yes)
{
	int64_t *id = ctx;
	assessment as;
	if (!yes || store_assessment_get(a->st, *id, &as) != ST_OK)
		return NULL;
	if (app_wrote(a, store_assessment_finalise(a->st, *id, a->today, a->user)))
		app_message(a, ROLE_OK, msg(YR_FINALISED_FMT), as.year);
	return NULL;
}

static key_result years_key(screen *s, app *a, int action, int key)
{
	years_screen *y = (years_screen *)s;
	const report *sel, *latest;
	int64_t *id, next;
	moat_status st;
	char q[256];

	(void)key;
	if (a->n_history == 0)
		return result(RES_UNUSED);
	if (keymap_move(action, &y->cursor, (int)a->n_history))
		return result(RES_NONE);
	sel = &a->history[y->cursor];
	latest = &a->history[a->n_history - 1];
	switch (action) {
	case ACT_OPEN:
		app_open_assessment(a, sel->assessment.id);
		return result(RES_POP);
	case ACT_COMPARE:
		if (y->cursor == 0) {
			app_message(a, ROLE_WARN, "%s", msg(YR_NO_PREVIOUS));
			return result(RES_NONE);
		}
		return push(screen_compare_new(a, a->history[y->cursor - 1].assessment.id,
					       sel->assessment.id));
	case ACT_NEXT_YEAR: {
		int year = latest->assessment.year;
		st = store_assessment_start_next(a->st, latest->assessment.id,
						 a->today, a->user, &next);
		if (st == ST_EXISTS) {
			app_message(a, ROLE_WARN, msg(YR_EXISTS_FMT), year + 1);
			return result(RES_NONE);
		}
		if (app_wrote(a, st)) {
			app_open_assessment(a, next);
			y->cursor = (int)a->n_history - 1;
			app_message(a, ROLE_OK, msg(YR_STARTED_FMT), year + 1, year);
		}
		return result(RES_NONE);
	}
	case ACT_FINALISE:
		if (sel->assessment.status == ASSESS_FINAL) {
			app_message(a, ROLE_WARN, msg(YR_FINALISED_FMT),
				    sel->assessment.year);
			return result(RES_NONE);
		}
		id = malloc(sizeof *id);
		if (!id)
			return result(RES_NONE);
		*id = sel->assessment.id;
		snprintf(q, sizeof q, msg(YR_CONFIRM_FINALISE_FMT), sel->assessment.year);
		return push(confirm_new(q, finalise_confirmed, id, true));
	}
	return result(RES_UNUSED);
}

static void years_destroy(screen *s) { free(s); }

static const screen_ops years_ops = {
	.title = YR_TITLE,
	.keys = KEYTABLE(years_keys),
	.draw = years_draw,
	.handle_key = years_key,
	.destroy = years_destroy,
};

screen *screen_years_new(app *a)
{
	years_screen *y = calloc(1, sizeof *y);
	if (!y)
		return NULL;
	y->base.ops = &years_ops;
	for (size_t i = 0; i < a->n_history; i++)
		if (a->history[i].assessment.id == a->assessment_id)
			y->cursor = (int)i;
	return &y->base;
}
