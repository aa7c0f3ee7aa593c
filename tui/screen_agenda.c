#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The recurring duties and plan tasks that are due: overdue, this week,
 * this month, with a month calendar beside them. A duty occurrence is
 * recorded as done (and filed as evidence for the item it proves) or
 * skipped with a reason. */
typedef struct {
	screen base;
	int cursor, top;
	int year, month; /* the calendar's month */
} agenda_screen;

enum { ACT_LOG = ACT_USER, ACT_SKIP, ACT_HISTORY, ACT_PREV_MONTH, ACT_NEXT_MONTH };

static const keybinding agenda_keys[] = {
	NAV_BINDINGS,
	{{'\n', KEY_FN(KEY_ENTER), 'l', 0}, NULL, HK_NAME_ENTER, HK_LOG, ACT_LOG, true},
	{{'s', 0}, "s", NO_LABEL, HK_SKIP, ACT_SKIP, true},
	{{'h', 0}, "h", NO_LABEL, HK_HISTORY, ACT_HISTORY, true},
	{{'[', '<', 0}, "[", NO_LABEL, HK_MONTH_PREV, ACT_PREV_MONTH, false},
	{{']', '>', 0}, "]", NO_LABEL, HK_MONTH_NEXT, ACT_NEXT_MONTH, false},
};

static const char *entry_title(const agenda *g, const agenda_entry *e,
			       char *buf, size_t len)
{
	if (e->kind == AG_DUTY)
		return g->duties[e->index].title;
	snprintf(buf, len, msg(AG_TASK_FMT), g->tasks[e->index].title);
	return buf;
}

/* The section an entry falls in. */
static msg_id section_of(const agenda_entry *e, date today)
{
	long days = date_to_days(e->due) - date_to_days(today);
	if (e->overdue)
		return AG_OVERDUE;
	if (days < 7)
		return AG_WEEK;
	return days <= 31 ? AG_MONTH : AG_LATER;
}

/* Marks of a day on the calendar: 2 overdue, 1 due, 0 nothing. */
static int day_mark(const agenda *g, date d)
{
	int mark = 0;
	for (size_t i = 0; i < g->n_duties; i++) {
		const duty_state *st = &g->states[i];
		for (size_t k = 0; k < st->n_open && k < DUTY_MAX_OPEN; k++)
			if (date_cmp(st->open[k].due, d) == 0)
				mark = st->open[k].overdue ? 2 : mark > 1 ? mark : 1;
		/* Scheduled ones beyond the next known occurrence. */
		if (g->duties[i].rule.anchor == REC_ANCHOR_SCHEDULE && st->has_next &&
		    date_cmp(d, st->next) > 0)
			for (int k = 0; k < REC_SCAN_LIMIT; k++) {
				date o = rec_scheduled(&g->duties[i].rule, k);
				if (!o.y || date_cmp(o, d) > 0)
					break;
				if (date_cmp(o, d) == 0 && mark < 1)
					mark = 1;
			}
	}
	for (size_t t = 0; t < g->n_tasks; t++)
		if (g->tasks[t].status != TASK_DONE &&
		    date_cmp(g->tasks[t].due, d) == 0)
			mark = task_overdue(&g->tasks[t], g->today) ? 2
				: mark > 1 ? mark : 1;
	return mark;
}

static void draw_calendar(agenda_screen *s, const agenda *g, int y, int x)
{
	int wd = date_weekday((date){s->year, s->month, 1});
	int days = date_days_in_month(s->year, s->month);

	draw_textf(y, x, 20, ROLE_HEADING, msg(AG_MONTH_FMT), s->year, s->month);
	draw_text(y + 1, x, 21, ROLE_DIM, msg(AG_CAL_HEAD));
	for (int d = 1; d <= days; d++) {
		int cell = wd + d - 1, row = y + 2 + cell / 7, col = x + (cell % 7) * 3;
		date day = {s->year, s->month, d};
		int mark = day_mark(g, day);
		bool today = date_cmp(day, g->today) == 0;
		draw_role role = today ? ROLE_SELECTED
				 : mark == 2 ? ROLE_BAD
				 : mark == 1 ? ROLE_WARN : ROLE_NORMAL;
		draw_textf(row, col, 2, role, "%2d", d);
		if (mark)
			draw_text(row, col + 2, 1, mark == 2 ? ROLE_BAD : ROLE_WARN,
				  mark == 2 ? "!" : "*");
	}
}

static void agenda_draw(screen *s, app *a, rect b)
{
	agenda_screen *as = (agenda_screen *)s;
	const agenda *g = &a->plan;
	int cal_w = 22, lw = b.w - cal_w - 4, row = 0, y;
	msg_id last = MSG__COUNT;

	if (!a->rep_loaded)
		return;
	draw_calendar(as, g, b.y, b.x + lw + 3);
	if (g->n_duties == 0 && g->n_entries == 0) {
		draw_paragraph((rect){b.y + 1, b.x + 2, b.h - 2, lw - 2}, 0, ROLE_DIM,
			       msg(g->has_programme ? AG_NOTHING : AG_NO_DUTIES));
		return;
	}
	if (g->n_entries == 0) {
		draw_paragraph((rect){b.y + 1, b.x + 2, b.h - 2, lw - 2}, 0, ROLE_OK,
			       msg(AG_NOTHING));
		return;
	}
	/* Entries with a heading before each section; scroll by entry. */
	as->top = layout_scroll(as->top, as->cursor, (int)g->n_entries, b.h - 4);
	for (int i = as->top; i < (int)g->n_entries && row < b.h; i++) {
		const agenda_entry *e = &g->entries[i];
		msg_id sec = section_of(e, g->today);
		bool sel = i == as->cursor;
		char buf[300], due[16];
		if (sec != last) {
			if (row + 2 > b.h)
				break;
			draw_text(b.y + row++, b.x + 1, lw, sec == AG_OVERDUE ? ROLE_BAD
								       : ROLE_HEADING,
				  msg(sec));
			last = sec;
		}
		y = b.y + row++;
		if (sel) {
			draw_fill(y, b.x, lw + 1, ROLE_SELECTED);
			draw_text(y, b.x, 1, ROLE_SELECTED, ">");
		}
		date_format(e->due, due, sizeof due);
		draw_text(y, b.x + 2, 10, sel ? ROLE_SELECTED : e->overdue ? ROLE_BAD
									: ROLE_DIM,
			  due);
		draw_text(y, b.x + 13, lw - 13, sel ? ROLE_SELECTED : ROLE_NORMAL,
			  entry_title(g, e, buf, sizeof buf));
	}
}

/* The form that records one occurrence as done. */
typedef struct {
	screen base;
	duty d; /* a copy: the agenda is re-read while the form is open */
	date due;
	form form;
	form_field fields[3];
} log_screen;

static const keybinding log_keys[] = {
	{{0}, NULL, HK_NAME_TAB, HK_NEXT_FIELD, ACT_NONE, true},
	{{0}, "Ctrl-S", NO_LABEL, HK_SAVE, ACT_NONE, true},
	{{0}, NULL, HK_NAME_ESC, HK_CANCEL, ACT_NONE, true},
};

static void log_draw(screen *s, app *a, rect b)
{
	log_screen *l = (log_screen *)s;
	char due[16];
	date_format(l->due, due, sizeof due);
	draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(AG_LOG_TITLE_FMT),
		   l->d.title, due);
	form_draw(&l->form, (rect){b.y + 2, b.x + 2, b.h - 3, b.w - 4}, a);
	draw_text(b.y + b.h - 1, b.x + 2, b.w - 4, ROLE_DIM, msg(FORM_HINT));
}

static bool log_save(log_screen *l, app *a)
{
	duty_event ev = {0};
	duty_proof proof;
	bool proves;
	char day[16];
	int64_t id;
	moat_status st;

	if (!form_validate(&l->form))
		return false;
	ev.duty_id = l->d.id;
	ev.due = l->due;
	te_value_into(&l->fields[0].te, day, sizeof day);
	date_parse(text_trim(day), &ev.on);
	if (!te_value_into(&l->fields[1].te, ev.result, sizeof ev.result) ||
	    !te_value_into(&l->fields[2].te, ev.note, sizeof ev.note))
		return false;
	/* A completion also proves the checklist item the duty is about. */
	proves = questionnaire_item_index(a->q, l->d.item) >= 0 &&
		 duty_proof_make(&l->d, &ev, a->assessment_id,
				 a->rep.unit.validity_months, a->user, &proof);
	st = store_duty_resolve(a->st, &ev, proves ? &proof.e : NULL, a->user, &id);
	if (app_wrote(a, st)) {
		app_message(a, ROLE_OK, msg(AG_LOGGED_FMT), l->d.title);
		return true;
	}
	return false;
}

static key_result log_key(screen *s, app *a, int action, int key)
{
	log_screen *l = (log_screen *)s;
	if (action == ACT_QUIT)
		return result(RES_UNUSED);
	switch (form_screen_key(&l->form, a, key)) {
	case FORM_SUBMIT:
		return result(log_save(l, a) ? RES_POP : RES_NONE);
	case FORM_CANCEL:
		return result(RES_POP);
	case FORM_NONE:
		break;
	}
	return result(RES_NONE);
}

static void log_destroy(screen *s)
{
	log_screen *l = (log_screen *)s;
	for (int i = 0; i < 3; i++)
		te_free(&l->fields[i].te);
	free(l);
}

static const screen_ops log_ops = {
	.title = AG_TITLE,
	.keys = KEYTABLE(log_keys),
	.text_entry = true,
	.draw = log_draw,
	.handle_key = log_key,
	.destroy = log_destroy,
};

static screen *log_new(app *a, const duty *d, date due)
{
	log_screen *l = calloc(1, sizeof *l);
	static const msg_id labels[3] = {AG_F_DATE, AG_F_RESULT, AG_F_NOTE};
	static const size_t maxes[3] = {10, DUTY_RESULT_MAX, DUTY_NOTE_MAX};
	char today[16];

	if (!l)
		return NULL;
	l->base.ops = &log_ops;
	l->d = *d;
	l->due = due;
	date_format(a->today, today, sizeof today);
	for (int i = 0; i < 3; i++) {
		form_field *f = &l->fields[i];
		f->label = labels[i];
		f->kind = i == 0 ? FIELD_PAST_DATE : FIELD_TEXT;
		f->rows = i == 2 ? 3 : 1;
		f->required = i == 0;
		if (!te_init(&f->te, i == 0 ? today : "", i == 2, maxes[i])) {
			log_destroy(&l->base);
			return NULL;
		}
	}
	form_init(&l->form, l->fields, 3, a->today);
	return &l->base;
}

/* One duty: its rule, where it stands, and every recorded occurrence. */
typedef struct {
	screen base;
	int64_t duty_id;
	int top, cursor; /* the occurrence under the cursor */
} history_screen;

static const keybinding history_keys[] = {
	NAV_BINDINGS,
};

static void history_draw(screen *s, app *a, rect b)
{
	history_screen *h = (history_screen *)s;
	const agenda *g = &a->plan;
	size_t d;
	const duty *du;
	const duty_state *st;
	char line[300], day[16];
	int y = b.y, rows;

	for (d = 0; d < g->n_duties && g->duties[d].id != h->duty_id; d++)
		;
	if (d == g->n_duties)
		return;
	du = &g->duties[d];
	st = &g->states[d];
	draw_text(y++, b.x + 1, b.w - 2, ROLE_HEADING, du->title);
	if (du->rule.day)
		snprintf(line, sizeof line, msg(AG_RULE_DAY_FMT), du->rule.every_months,
			 du->rule.day);
	else
		snprintf(line, sizeof line, msg(AG_RULE_LWD_FMT), du->rule.every_months);
	draw_textf(y++, b.x + 2, b.w - 4, ROLE_NORMAL, "%s, %s", line,
		   msg(du->rule.anchor == REC_ANCHOR_COMPLETION ? AG_ANCHOR_COMPLETION
								 : AG_ANCHOR_SCHEDULE));
	if (st->has_next) {
		date_format(st->next, day, sizeof day);
		draw_textf(y, b.x + 2, 24, ROLE_NORMAL, msg(AG_NEXT_FMT), day);
	}
	if (st->has_last) {
		date_format(st->last_done, day, sizeof day);
		draw_textf(y, b.x + 28, 24, ROLE_NORMAL, msg(AG_LAST_FMT), day);
	}
	if (st->n_overdue)
		draw_textf(y, b.x + 54, b.w - 56, ROLE_BAD, msg(AG_OVERDUE_FMT),
			   st->n_overdue);
	y += 2;
	draw_text(y++, b.x + 1, b.w - 2, ROLE_HEADING, msg(AG_HISTORY));
	if (!g->n_events || g->n_events[d] == 0) {
		draw_text(y, b.x + 2, b.w - 4, ROLE_DIM, msg(AG_NO_HISTORY));
		return;
	}
	rows = b.y + b.h - y;
	if (h->cursor >= (int)g->n_events[d])
		h->cursor = (int)g->n_events[d] - 1;
	h->top = layout_scroll(h->top, h->cursor, (int)g->n_events[d], rows);
	for (int i = 0; i < rows && h->top + i < (int)g->n_events[d]; i++, y++) {
		const duty_event *ev = &g->events[d][h->top + i];
		char due[16], on[16];
		bool sel = h->top + i == h->cursor;
		if (sel)
			draw_fill(y, b.x, b.w, ROLE_SELECTED);
		date_format(ev->due, due, sizeof due);
		date_format(ev->on, on, sizeof on);
		draw_text(y, b.x + 2, 10, sel ? ROLE_SELECTED : ROLE_DIM, due);
		draw_text(y, b.x + 13, 8,
			  sel ? ROLE_SELECTED : ev->skipped ? ROLE_WARN : ROLE_OK,
			  msg(ev->skipped ? AG_SKIPPED : AG_DONE));
		draw_text(y, b.x + 22, 10, sel ? ROLE_SELECTED : ROLE_NORMAL, on);
		draw_text(y, b.x + 33, 8, sel ? ROLE_SELECTED : ROLE_DIM, ev->by);
		draw_text(y, b.x + 42, b.w - 44, sel ? ROLE_SELECTED : ROLE_NORMAL,
			  ev->skipped ? ev->note : ev->result);
	}
}

static key_result history_key(screen *s, app *a, int action, int key)
{
	history_screen *h = (history_screen *)s;
	size_t d;
	(void)key;
	for (d = 0; d < a->plan.n_duties && a->plan.duties[d].id != h->duty_id; d++)
		;
	if (d < a->plan.n_duties && a->plan.n_events &&
	    keymap_move(action, &h->cursor, (int)a->plan.n_events[d]))
		return result(RES_NONE);
	return result(RES_UNUSED);
}

static void history_destroy(screen *s) { free(s); }

static const screen_ops history_ops = {
	.title = AG_DUTY_TITLE,
	.keys = KEYTABLE(history_keys),
	.draw = history_draw,
	.handle_key = history_key,
	.destroy = history_destroy,
};

static screen *history_new(int64_t duty_id)
{
	history_screen *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->base.ops = &history_ops;
	h->duty_id = duty_id;
	return &h->base;
}

typedef struct {
	int64_t duty_id;
	date due;
} skip_ctx;

static screen *skip_given(app *a, void *ctx, const char *reason)
{
	skip_ctx *c = ctx;
	duty_event ev = {0};
	int64_t id;
	if (!*reason)
		return NULL;
	ev.duty_id = c->duty_id;
	ev.due = c->due;
	ev.on = a->today;
	ev.skipped = true;
	snprintf(ev.note, sizeof ev.note, "%s", reason);
	app_wrote(a, store_duty_resolve(a->st, &ev, NULL, a->user, &id));
	return NULL;
}

static key_result agenda_key(screen *s, app *a, int action, int key)
{
	agenda_screen *as = (agenda_screen *)s;
	const agenda *g = &a->plan;
	const agenda_entry *e;
	skip_ctx *c;
	char q[400], due[16];

	(void)key;
	switch (action) {
	case ACT_PREV_MONTH:
	case ACT_NEXT_MONTH: {
		date m = date_add_months((date){as->year, as->month, 1},
					 action == ACT_NEXT_MONTH ? 1 : -1);
		as->year = m.y;
		as->month = m.m;
		return result(RES_NONE);
	}
	}
	if (keymap_move(action, &as->cursor, (int)g->n_entries))
		return result(RES_NONE);
	if (g->n_entries == 0 ||
	    (action != ACT_LOG && action != ACT_SKIP && action != ACT_HISTORY))
		return result(RES_UNUSED);
	e = &g->entries[as->cursor];
	if (e->kind == AG_TASK)
		return action == ACT_LOG ? push(screen_plan_new()) : result(RES_NONE);
	if (action == ACT_HISTORY)
		return push(history_new(g->duties[e->index].id));
	if (action == ACT_LOG)
		return push(log_new(a, &g->duties[e->index], e->due));
	if (!(c = malloc(sizeof *c)))
		return result(RES_NONE);
	c->duty_id = g->duties[e->index].id;
	c->due = e->due;
	date_format(e->due, due, sizeof due);
	snprintf(q, sizeof q, msg(AG_SKIP_PROMPT_FMT), g->duties[e->index].title, due);
	return push(prompt_checked(prompt_new(q, NULL, DUTY_NOTE_MAX, FIELD_REASON,
					      skip_given, c, true),
				   prompt_required));
}

static void agenda_reload(screen *s, app *a)
{
	agenda_screen *as = (agenda_screen *)s;
	if (as->cursor >= (int)a->plan.n_entries)
		as->cursor = a->plan.n_entries ? (int)a->plan.n_entries - 1 : 0;
}

static void agenda_destroy(screen *s) { free(s); }

static const screen_ops agenda_ops = {
	.title = AG_TITLE,
	.keys = KEYTABLE(agenda_keys),
	.draw = agenda_draw,
	.handle_key = agenda_key,
	.reload = agenda_reload,
	.destroy = agenda_destroy,
};

screen *screen_agenda_new(app *a)
{
	agenda_screen *as = calloc(1, sizeof *as);
	if (!as)
		return NULL;
	as->base.ops = &agenda_ops;
	as->year = a->today.y;
	as->month = a->today.m;
	return &as->base;
}
