#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/years.h"
#include "tui/app.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The years of the unit with their level as a trend; open one, start the
 * next year from the latest (once it is final, after saying what is
 * copied), finalise, compare with the year before, remove an empty draft
 * started by mistake. */
typedef struct {
	screen base;
	int cursor;      /* index into the unit's years */
	int64_t sel_id;  /* the year under the cursor */
	int64_t open_id; /* the open year then */
} years_screen;

enum { ACT_OPEN = ACT_USER, ACT_NEXT_YEAR, ACT_FINALISE, ACT_COMPARE, ACT_REMOVE };

static const keybinding years_keys[] = {
	NAV_BINDINGS,
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_OPEN_YEAR, ACT_OPEN, true},
	{{'c', 0}, "c", NO_LABEL, HK_COMPARE, ACT_COMPARE, true},
	{{'s', 0}, "s", NO_LABEL, HK_NEXT_YEAR, ACT_NEXT_YEAR, true},
	{{'f', 0}, "f", NO_LABEL, HK_FINALISE, ACT_FINALISE, true},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_REMOVE_YEAR, ACT_REMOVE, false},
};

static void years_draw(screen *s, app *a, rect b)
{
	years_screen *y = (years_screen *)s;
	int row = 1, top;

	draw_text(b.y, b.x + 2, 6, ROLE_HEADING, msg(YR_COL_YEAR));
	draw_text(b.y, b.x + 9, 24, ROLE_HEADING, msg(YR_COL_LEVEL));
	draw_text(b.y, b.x + 34, 12, ROLE_HEADING, msg(YR_TREND));
	draw_text(b.y, b.x + 47, b.w - 48, ROLE_HEADING, msg(YR_COL_STATUS));
	size_t n;
	const year_summary *ys = app_years(a, &n);

	top = layout_scroll(0, y->cursor, (int)n, b.h - 1);
	for (int i = top; i < (int)n && row < b.h; i++, row++) {
		const year_summary *h = &ys[i];
		const q_level *lv = &a->q->levels[h->level - 1];
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
		draw_bar(b.y + row, b.x + 34, 10, (size_t)h->level, Q_LEVELS);
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

/* The id of the year a question is about, owned by the question. */
static int64_t *year_ref(int64_t id)
{
	int64_t *p = malloc(sizeof *p);
	if (p)
		*p = id;
	return p;
}

/* Year id among the unit's years, or NULL. */
static const year_summary *year_of(app *a, int64_t id)
{
	size_t n;
	const year_summary *ys = app_years(a, &n);
	for (size_t i = 0; i < n; i++)
		if (ys[i].assessment.id == id)
			return &ys[i];
	return NULL;
}

/* The evidence of year id, valid on today and in all, for a question that
 * says what a change carries along; false (the status line saying why)
 * when it cannot be read. */
static bool year_evidence(app *a, int64_t id, size_t *valid, size_t *all)
{
	report r;
	if (report_load(a->st, a->q, id, a->today, &r)) {
		app_wrote(a, ST_DB);
		return false;
	}
	*valid = evidence_count_valid(&r.evidence, a->today);
	*all = r.evidence.n;
	report_free(&r);
	return true;
}

static screen *start_confirmed(app *a, void *ctx, bool yes)
{
	int64_t *from = ctx, next;
	const year_summary *r = from ? year_of(a, *from) : NULL;
	moat_status st;
	int year;

	if (!yes || !r)
		return NULL;
	year = r->assessment.year;
	st = store_assessment_start_next(a->st, *from, a->today, a->user, &next);
	if (st == ST_EXISTS) {
		app_message(a, ROLE_WARN, msg(YR_EXISTS_FMT), year + 1);
		return NULL;
	}
	if (app_wrote(a, st)) {
		app_open_assessment(a, next);
		app_message(a, ROLE_OK, msg(YR_STARTED_FMT), year + 1, year);
	}
	return NULL;
}

/* Asks before starting the year after r, saying what it copies. */
static screen *ask_start(app *a, const year_summary *r)
{
	size_t valid, all;
	char q[512];
	if (!year_evidence(a, r->assessment.id, &valid, &all))
		return NULL;
	snprintf(q, sizeof q, msg(YR_CONFIRM_START_FMT), r->assessment.year + 1,
		 r->assessment.year, valid, all - valid);
	return confirm_new(q, start_confirmed, year_ref(r->assessment.id), true);
}

static screen *finalise_confirmed(app *a, void *ctx, bool yes)
{
	int64_t *id = ctx;
	assessment as;
	if (!yes || !id || store_assessment_get(a->st, *id, &as) != ST_OK)
		return NULL;
	if (app_wrote(a, report_finalise(a->st, a->q, *id, a->today, a->user)))
		app_message(a, ROLE_OK, msg(YR_FINALISED_FMT), as.year);
	return NULL;
}

/* Finalising the latest year was offered on the way to the next year:
 * once it is final, the start is asked next. */
static screen *finalise_then_start(app *a, void *ctx, bool yes)
{
	int64_t *id = ctx;
	const year_summary *r;
	finalise_confirmed(a, ctx, yes);
	r = id ? year_of(a, *id) : NULL;
	return yes && r && r->assessment.status == ASSESS_FINAL ? ask_start(a, r)
								 : NULL;
}

static screen *remove_confirmed(app *a, void *ctx, bool yes)
{
	int64_t *id = ctx;
	const year_summary *r = id ? year_of(a, *id) : NULL;
	size_t n;
	int year;
	int64_t before;

	if (!yes || !r || r == app_years(a, &n))
		return NULL;
	year = r->assessment.year;
	before = r[-1].assessment.id;
	if (!app_wrote(a, store_assessment_remove(a->st, *id, a->user, NULL)))
		return NULL;
	if (a->assessment_id == *id || !year_of(a, a->assessment_id))
		app_open_assessment(a, before);
	if ((r = year_of(a, before)))
		app_message(a, ROLE_OK, msg(YR_REMOVED_FMT), year, r->assessment.year);
	return NULL;
}

/* Asks before removing the selected year, or says why it cannot go. */
static key_result ask_remove(years_screen *y, app *a)
{
	size_t n, valid, all;
	const year_summary *sel = &app_years(a, &n)[y->cursor];
	int year = sel->assessment.year;
	int64_t changes = 0;
	char q[512];

	if (store_assessment_changes(a->st, sel->assessment.id, &changes)) {
		app_wrote(a, ST_DB);
		return result(RES_NONE);
	}
	switch (year_removal_rule(sel->assessment.status,
				  y->cursor + 1 == (int)n, n,
				  changes)) {
	case YEAR_NOT_DRAFT:
		app_message(a, ROLE_WARN, msg(YR_KEEP_FINAL_FMT), year);
		return result(RES_NONE);
	case YEAR_NOT_LATEST:
		app_message(a, ROLE_WARN, msg(YR_KEEP_EARLIER_FMT), year,
			    sel[1].assessment.year);
		return result(RES_NONE);
	case YEAR_ONLY:
		app_message(a, ROLE_WARN, msg(YR_KEEP_ONLY_FMT), year);
		return result(RES_NONE);
	case YEAR_CHANGED:
		app_message(a, ROLE_WARN, msg(YR_KEEP_CHANGED_FMT), year,
			    (long long)changes);
		return result(RES_NONE);
	case YEAR_REMOVABLE:
		break;
	}
	if (!year_evidence(a, sel->assessment.id, &valid, &all))
		return result(RES_NONE);
	snprintf(q, sizeof q, msg(YR_CONFIRM_REMOVE_FMT), year,
		 sel[-1].assessment.year, all);
	return push(confirm_new(q, remove_confirmed, year_ref(sel->assessment.id),
				true));
}

static key_result years_key(screen *s, app *a, int action, int key)
{
	years_screen *y = (years_screen *)s;
	const year_summary *sel, *latest;
	size_t n;
	const year_summary *ys = app_years(a, &n);
	char q[256];

	(void)key;
	if (n == 0)
		return result(RES_UNUSED);
	if (keymap_move(action, &y->cursor, (int)n)) {
		y->sel_id = ys[y->cursor].assessment.id;
		return result(RES_NONE);
	}
	sel = &ys[y->cursor];
	latest = &ys[n - 1];
	switch (action) {
	case ACT_OPEN:
		app_open_assessment(a, sel->assessment.id);
		return result(RES_POP);
	case ACT_COMPARE:
		if (y->cursor == 0) {
			app_message(a, ROLE_WARN, "%s", msg(YR_NO_PREVIOUS));
			return result(RES_NONE);
		}
		return push(screen_compare_new(a, sel[-1].assessment.id,
					       sel->assessment.id));
	case ACT_NEXT_YEAR:
		/* The next year starts from a final one: while the latest is
		 * a draft, finalising it is offered first. */
		if (year_may_start_next(latest->assessment.status))
			return push(ask_start(a, latest));
		snprintf(q, sizeof q, msg(YR_OFFER_FINALISE_FMT),
			 latest->assessment.year, latest->assessment.year + 1,
			 latest->assessment.year);
		return push(confirm_new(q, finalise_then_start,
					year_ref(latest->assessment.id), true));
	case ACT_FINALISE:
		if (sel->assessment.status == ASSESS_FINAL) {
			app_message(a, ROLE_WARN, msg(YR_FINALISED_FMT),
				    sel->assessment.year);
			return result(RES_NONE);
		}
		snprintf(q, sizeof q, msg(YR_CONFIRM_FINALISE_FMT), sel->assessment.year);
		return push(confirm_new(q, finalise_confirmed,
					year_ref(sel->assessment.id), true));
	case ACT_REMOVE:
		return ask_remove(y, a);
	}
	return result(RES_UNUSED);
}

static void years_reload(screen *s, app *a)
{
	years_screen *y = (years_screen *)s;
	/* The cursor stays on its year; when another year was opened (one
	 * just started, or the one before a year removed), it goes there. */
	int64_t want = a->assessment_id != y->open_id ? a->assessment_id : y->sel_id;
	size_t n;
	const year_summary *ys = app_years(a, &n);
	for (size_t i = 0; i < n; i++)
		if (ys[i].assessment.id == want)
			y->cursor = (int)i;
	if (y->cursor >= (int)n)
		y->cursor = n ? (int)n - 1 : 0;
	y->open_id = a->assessment_id;
	y->sel_id = n ? ys[y->cursor].assessment.id : 0;
}

static void years_destroy(screen *s) { free(s); }

static const screen_ops years_ops = {
	.title = YR_TITLE,
	.keys = KEYTABLE(years_keys),
	.draw = years_draw,
	.handle_key = years_key,
	.reload = years_reload,
	.destroy = years_destroy,
};

screen *screen_years_new(app *a)
{
	years_screen *y = calloc(1, sizeof *y);
	if (!y)
		return NULL;
	y->base.ops = &years_ops;
	y->open_id = -1; /* so the cursor starts on the open year */
	years_reload(&y->base, a);
	return &y->base;
}
