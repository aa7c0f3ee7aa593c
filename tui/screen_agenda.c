#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/store_verify.h"
#include "model/text.h"
#include "model/verify_text.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/prompt.h"
#include "tui/screens.h"
#include "tui/verify_edit.h"

/* The recurring duties and plan tasks that are due, beside a month
 * calendar. On this month the list holds what is overdue, due this week
 * and in the next 30 days; on another month ([ and ]) what is overdue and
 * what falls in that month, recorded or not; with a day chosen on the
 * calendar (Tab or the arrows, then h j k l), what falls on that day. A
 * duty occurrence is recorded as done (and filed as evidence for the item
 * it proves) or skipped with a reason; h opens its duty's history. */
typedef enum { SEC_OVERDUE, SEC_WEEK, SEC_SOON, SEC_LATER, SEC_MONTH, SEC_DAY } section;

typedef struct {
	agenda_entry e;
	section sec;
} agenda_row;

typedef struct {
	screen base;
	int cursor, top;
	int year, month;     /* the calendar's month */
	date day;            /* the chosen day; y == 0 for none */
	bool on_calendar;    /* the movement keys move the day */
	agenda_row *rows;    /* what the list shows */
	size_t n_rows;
	agenda_month shown;  /* what falls in the calendar's month, derived
			      * when the month or the data changes */
} agenda_screen;

enum { ACT_LOG = ACT_USER, ACT_SKIP, ACT_HISTORY, ACT_PREV_MONTH, ACT_NEXT_MONTH,
       ACT_DUTIES, ACT_DAY, ACT_FOCUS, ACT_ESC };

static const keybinding agenda_keys[] = {
	NAV_BINDINGS,
	{{'\n', KEY_FN(KEY_ENTER), 'l', 0}, NULL, HK_NAME_ENTER, HK_LOG_OR_TASK, ACT_LOG, true},
	{{'s', 0}, "s", NO_LABEL, HK_SKIP, ACT_SKIP, true},
	{{'h', 0}, "h", NO_LABEL, HK_HISTORY, ACT_HISTORY, true},
	{{'[', '<', 0}, "[", NO_LABEL, HK_MONTH_PREV, ACT_PREV_MONTH, false},
	{{']', '>', 0}, "]", NO_LABEL, HK_MONTH_NEXT, ACT_NEXT_MONTH, false},
	{{KEY_FN(KEY_LEFT), KEY_FN(KEY_RIGHT), 0}, "← →", NO_LABEL, HK_DAY, ACT_DAY, false},
	{{'\t', 0}, NULL, HK_NAME_TAB, HK_CALENDAR, ACT_FOCUS, false},
	{{KEY_ESC, 0}, NULL, HK_NAME_ESC, HK_WHOLE_MONTH, ACT_ESC, false},
	{{'u', 0}, "u", NO_LABEL, HK_DUTIES, ACT_DUTIES, false},
};

static const char *entry_title(const agenda *g, const agenda_entry *e,
			       char *buf, size_t len)
{
	if (e->kind == AG_DUTY)
		return g->duties[e->index].title;
	snprintf(buf, len, msg(AG_TASK_FMT), g->tasks[e->index].title);
	return buf;
}

/* The section of an entry of this month's list. */
static section section_of(const agenda_entry *e, date today)
{
	long days = date_to_days(e->due) - date_to_days(today);
	if (e->overdue)
		return SEC_OVERDUE;
	if (days < 7)
		return SEC_WEEK;
	return days <= 31 ? SEC_SOON : SEC_LATER;
}

static date month_first(const agenda_screen *as)
{
	return (date){as->year, as->month, 1};
}

static date month_last(const agenda_screen *as)
{
	return (date){as->year, as->month, date_days_in_month(as->year, as->month)};
}

static bool add_row(agenda_screen *as, size_t *cap, agenda_entry e, section sec)
{
	if (as->n_rows == *cap) {
		size_t n = *cap ? *cap * 2 : 32;
		agenda_row *v = realloc(as->rows, n * sizeof *v);
		if (!v)
			return false;
		as->rows = v;
		*cap = n;
	}
	as->rows[as->n_rows++] = (agenda_row){e, sec};
	return true;
}

/* Makes the list again from a->plan and the month's entries, for the
 * month and day chosen; the month's entries are derived again only when
 * stale is set (the data was re-read: the entries point into a->plan) or
 * the month is another one. */
static void rebuild(agenda_screen *as, app *a, bool stale)
{
	const agenda *g = app_plan(a);
	const agenda_month *mo = &as->shown;
	size_t cap = 0;
	bool ok = true;

	free(as->rows);
	as->rows = NULL;
	as->n_rows = 0;
	if (stale || mo->y != as->year || mo->m != as->month || !a->rep_loaded)
		agenda_month_free(&as->shown);
	if (!a->rep_loaded)
		return;
	if (!mo->y)
		ok = agenda_month_load(g, as->year, as->month, &as->shown) == ST_OK;
	if (as->day.y) {
		size_t first, n_day = agenda_month_day(mo, as->day.d, &first);
		for (size_t i = first; ok && i < first + n_day; i++)
			ok = add_row(as, &cap, mo->entries[i], SEC_DAY);
	} else if (as->year == g->today.y && as->month == g->today.m) {
		for (size_t i = 0; ok && i < g->n_entries; i++)
			ok = add_row(as, &cap, g->entries[i],
				     section_of(&g->entries[i], g->today));
	} else {
		/* What is owed now, then the month; an overdue one of the
		 * month is listed once, with the overdue. */
		for (size_t i = 0; ok && i < g->n_entries && g->entries[i].overdue; i++)
			ok = add_row(as, &cap, g->entries[i], SEC_OVERDUE);
		for (size_t i = 0; ok && i < mo->n_entries; i++)
			if (mo->entries[i].event || !mo->entries[i].overdue)
				ok = add_row(as, &cap, mo->entries[i], SEC_MONTH);
	}
	if (!ok)
		app_message(a, ROLE_BAD, msg(ERR_STORE_FMT), status_text(ST_NOMEM));
	if (as->cursor >= (int)as->n_rows)
		as->cursor = as->n_rows ? (int)as->n_rows - 1 : 0;
}

/* Shows month m (any day of it) with day chosen (y == 0: none). */
static void show(agenda_screen *as, app *a, date m, date day)
{
	as->year = m.y;
	as->month = m.m;
	as->day = day;
	as->cursor = as->top = 0;
	rebuild(as, a, false);
}

#define CAL_W 21

static void draw_calendar(agenda_screen *as, const agenda *g, int y, int x, int h)
{
	/* By agenda_mark. */
	static const char *const signs[] = {"", "·", "*", "!"};
	static const draw_role roles[] = {ROLE_NORMAL, ROLE_OK, ROLE_WARN, ROLE_BAD};
	int wd = date_weekday(month_first(as));
	int days = date_days_in_month(as->year, as->month), rows;

	draw_textf(y, x, CAL_W, ROLE_HEADING, msg(AG_MONTH_FMT), as->year, as->month);
	draw_text(y + 1, x, CAL_W, ROLE_DIM, msg(AG_CAL_HEAD));
	for (int d = 1; d <= days; d++) {
		int cell = wd + d - 1, row = y + 2 + cell / 7, col = x + (cell % 7) * 3;
		date day = {as->year, as->month, d};
		agenda_mark mark = as->shown.mark[d];
		draw_role role = date_cmp(day, as->day) == 0 ? ROLE_SELECTED
				 : date_cmp(day, g->today) == 0 ? ROLE_KEY
				 : roles[mark];
		draw_textf(row, col, 2, role, "%2d", d);
		if (mark)
			draw_text(row, col + 2, 1, roles[mark], signs[mark]);
	}
	/* The legend and, while the keys move the day, how. */
	rows = y + 2 + (wd + days + 6) / 7 + 1;
	if (rows + 1 < y + h)
		draw_text(rows++, x, CAL_W, ROLE_DIM, msg(AG_LEGEND));
	if (rows + 2 < y + h)
		draw_paragraph((rect){rows + 1, x, y + h - rows - 1, CAL_W}, 0,
			       as->on_calendar ? ROLE_KEY : ROLE_DIM,
			       msg(as->on_calendar ? AG_CAL_KEYS : AG_CAL_HINT));
}

/* The heading of a section of the list. */
static void section_text(const agenda_screen *as, section sec, char *out,
			 size_t len)
{
	static const msg_id fixed[] = {AG_OVERDUE, AG_WEEK, AG_MONTH, AG_LATER};
	char day[16];

	if (sec == SEC_MONTH) {
		snprintf(out, len, msg(AG_IN_MONTH_FMT), as->year, as->month);
	} else if (sec == SEC_DAY) {
		date_format(as->day, day, sizeof day);
		snprintf(out, len, msg(AG_ON_DAY_FMT), day);
	} else {
		snprintf(out, len, "%s", msg(fixed[sec]));
	}
}

/* What became of an entry, shown at the end of its row: "done 10-12",
 * "skipped", "overdue" (outside the overdue section), or "". */
static void entry_tag(const agenda *g, const agenda_row *r, char *out,
		      size_t len)
{
	const agenda_entry *e = &r->e;
	char on[16];

	out[0] = '\0';
	if (e->event && e->event->skipped) {
		snprintf(out, len, "%s", msg(AG_TAG_SKIPPED));
	} else if (e->event) {
		date_format(e->event->on, on, sizeof on);
		snprintf(out, len, msg(AG_TAG_DONE_FMT), on + 5);
	} else if (e->kind == AG_TASK && g->tasks[e->index].status == TASK_DONE) {
		snprintf(out, len, "%s", msg(TASK_DONE_TXT));
	} else if (e->overdue && r->sec != SEC_OVERDUE) {
		snprintf(out, len, "%s", msg(AG_TAG_OVERDUE));
	}
}

/* What the list says when it is empty. */
static void draw_empty(agenda_screen *as, const agenda *g, rect r)
{
	char text[300], day[16];

	if (as->day.y) {
		date_format(as->day, day, sizeof day);
		snprintf(text, sizeof text, msg(AG_DAY_NOTHING_FMT), day);
	} else if (as->year != g->today.y || as->month != g->today.m) {
		snprintf(text, sizeof text, "%s", msg(AG_MONTH_NOTHING));
	} else {
		snprintf(text, sizeof text, "%s",
			 msg(g->n_duties || g->has_programme ? AG_NOTHING
							     : AG_NO_DUTIES));
	}
	draw_paragraph(r, 0, g->n_duties || g->has_programme ? ROLE_OK : ROLE_DIM,
		       text);
}

static void agenda_draw(screen *s, app *a, rect b)
{
	agenda_screen *as = (agenda_screen *)s;
	const agenda *g = app_plan(a);
	int lw = b.w - CAL_W - 4, row = 0, y;
	section last = (section)-1;

	if (!a->rep_loaded)
		return;
	draw_calendar(as, g, b.y, b.x + lw + 3, b.h);
	if (as->n_rows == 0) {
		draw_empty(as, g, (rect){b.y + 1, b.x + 2, b.h - 2, lw - 2});
		return;
	}
	/* Entries with a heading before each section; scroll by entry. */
	as->top = layout_scroll(as->top, as->cursor, (int)as->n_rows, b.h - 4);
	for (int i = as->top; i < (int)as->n_rows && row < b.h; i++) {
		const agenda_row *r = &as->rows[i];
		bool sel = i == as->cursor && !as->on_calendar;
		char buf[300], due[16], tag[64];
		int tw;
		if (r->sec != last) {
			if (row + 2 > b.h)
				break;
			section_text(as, r->sec, buf, sizeof buf);
			draw_text(b.y + row++, b.x + 1, lw,
				  r->sec == SEC_OVERDUE ? ROLE_BAD : ROLE_HEADING, buf);
			last = r->sec;
		}
		y = b.y + row++;
		if (sel) {
			draw_fill(y, b.x, lw + 1, ROLE_SELECTED);
			draw_text(y, b.x, 1, ROLE_SELECTED, ">");
		}
		date_format(r->e.due, due, sizeof due);
		draw_text(y, b.x + 2, 10,
			  sel ? ROLE_SELECTED : r->e.overdue ? ROLE_BAD : ROLE_DIM, due);
		entry_tag(g, r, tag, sizeof tag);
		tw = tag[0] ? text_width(tag) + 1 : 0;
		draw_text(y, b.x + 13, lw - 13 - tw, sel ? ROLE_SELECTED : ROLE_NORMAL,
			  entry_title(g, &r->e, buf, sizeof buf));
		if (tw)
			draw_text_right(y, b.x, lw, sel ? ROLE_SELECTED
					: r->e.event || !r->e.overdue ? ROLE_OK : ROLE_BAD,
					tag);
	}
}

/* The form that records one occurrence as done. The monthly restore test
 * and the DR drill also ask which system was tested, how it went and how
 * long the recovery took: the record and its ledger entry are one act. */
enum { LF_DATE, LF_RESULT, LF_NOTE, LF_SYSTEM, LF_OUTCOME, LF_MINUTES, LF_N };

typedef struct {
	screen base;
	duty d; /* a copy: the agenda is re-read while the form is open */
	date due;
	form form;
	form_field fields[LF_N];
	size_t n_fields;       /* LF_SYSTEM and after only for a verification */
	verify_choices ch;
} log_screen;

/* The ledger's kind of a duty's occurrence; false for other duties. */
static bool duty_verifies(const duty *d, verify_kind *kind)
{
	if (strcmp(d->key, VERIFY_DUTY_RESTORE) == 0)
		*kind = VERIFY_RESTORE;
	else if (strcmp(d->key, VERIFY_DUTY_DRILL) == 0)
		*kind = VERIFY_DRILL;
	else
		return false;
	return true;
}

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

static bool log_save(screen *s, app *a)
{
	log_screen *l = (log_screen *)s;
	duty_event ev = {0};
	duty_proof proof;
	const year_summary *latest;
	size_t n_years;
	bool item, draft, proves;
	char day[16];
	int64_t id;
	moat_status st;

	verify_entry e;
	verify_kind kind;
	bool verifies = l->n_fields == LF_N && duty_verifies(&l->d, &kind);
	char minutes[TEXT_BYTES(BIA_DURATION_TEXT_MAX)];
	int64_t entry_id;

	if (!form_validate(&l->form))
		return false;
	if (verifies) {
		memset(&e, 0, sizeof e);
		te_value_into(&l->fields[LF_MINUTES].te, minutes, sizeof minutes);
		if (!verify_parse_duration(text_trim(minutes), &e.rta)) {
			l->form.error = VE_ERR_DURATION;
			l->form.error_field = l->form.focus = LF_MINUTES;
			return false;
		}
		snprintf(e.system, sizeof e.system, "%s",
			 l->ch.names[l->fields[LF_SYSTEM].choice]);
		e.kind = kind;
		e.result = (verify_result)l->fields[LF_OUTCOME].choice;
		e.rpa = BIA_UNSET;
		e.completeness = -1;
	}
	ev.duty_id = l->d.id;
	ev.due = l->due;
	te_value_into(&l->fields[0].te, day, sizeof day);
	date_parse(text_trim(day), &ev.on);
	if (!te_value_into(&l->fields[1].te, ev.result, sizeof ev.result) ||
	    !te_value_into(&l->fields[2].te, ev.note, sizeof ev.note))
		return false;
	/* A completion also proves the checklist item the duty is about. */
	/* The proof goes to the year being worked on: the unit's latest,
	 * while it is a draft, whichever year is open. */
	latest = app_years(a, &n_years);
	latest = n_years ? &latest[n_years - 1] : NULL;
	draft = latest && latest->assessment.status == ASSESS_DRAFT;
	item = questionnaire_item_index(a->q, l->d.item) >= 0;
	proves = item && draft &&
		 duty_proof_make(&l->d, &ev, latest->assessment.id,
				 a->rep.unit.validity_months, a->user, &proof);
	if (verifies) {
		e.started.day = ev.on;
		snprintf(e.note, sizeof e.note, "%s", ev.note);
		if (!ev.result[0])
			snprintf(ev.result, sizeof ev.result, "%s",
				 verify_result_text(e.result));
		/* The proof says what the ledger says. */
		if (proves)
			duty_proof_make(&l->d, &ev, latest->assessment.id,
					a->rep.unit.validity_months, a->user, &proof);
		st = store_verify_record_at(a->st, a->rep.assessment.unit_id,
					    a->assessment_id, &e, &ev,
					    proves ? &proof.e : NULL, a->user,
					    &entry_id, &id);
	} else {
		st = store_duty_resolve(a->st, &ev, proves ? &proof.e : NULL,
					a->user, &id);
	}
	if (app_wrote_parts(a, st, PART_PLAN | (proves ? PART_REPORT : 0) |
					   (verifies ? PART_VERIFY : 0))) {
		if (item && !draft && latest)
			app_message(a, ROLE_WARN, msg(AG_LOGGED_NO_PROOF_FMT),
				    l->d.title, latest->assessment.year);
		else
			app_message(a, ROLE_OK, msg(AG_LOGGED_FMT), l->d.title);
		return true;
	}
	return false;
}

static key_result log_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((log_screen *)s)->form, a, action, key,
				  log_save);
}

static void log_destroy(screen *s)
{
	log_screen *l = (log_screen *)s;
	for (int i = 0; i < LF_N; i++)
		te_free(&l->fields[i].te);
	verify_choices_free(&l->ch);
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
	static const msg_id labels[LF_N] = {AG_F_DATE, AG_F_RESULT, AG_F_NOTE,
					    VE_F_SYSTEM, AG_F_OUTCOME, VE_F_MINUTES};
	static const size_t maxes[LF_N] = {10, DUTY_RESULT_MAX, DUTY_NOTE_MAX, 0, 0,
					   40};
	verify_kind kind;
	char today[16];
	bool ok;

	if (!l)
		return NULL;
	l->base.ops = &log_ops;
	l->d = *d;
	l->due = due;
	l->n_fields = LF_SYSTEM;
	/* A restore test or drill of a year with systems is also an entry
	 * of the ledger. */
	ok = verify_choices_init(&l->ch, app_verify(a));
	if (ok && duty_verifies(d, &kind) && l->ch.n_names)
		l->n_fields = LF_N;
	date_format(a->today, today, sizeof today);
	for (size_t i = 0; ok && i < l->n_fields; i++) {
		form_field *f = &l->fields[i];
		f->label = labels[i];
		f->kind = i == LF_DATE ? FIELD_PAST_DATE : FIELD_TEXT;
		f->rows = i == LF_NOTE ? (l->n_fields == LF_N ? 2 : 3) : 1;
		f->required = i == LF_DATE;
		if (i == LF_SYSTEM)
			ok = form_choice_init(f, l->ch.name_opts, l->ch.n_names, 0);
		else if (i == LF_OUTCOME)
			ok = form_choice_init(f, l->ch.results, VERIFY_RESULTS,
					      VERIFY_PASS);
		else
			ok = te_init(&f->te, i == LF_DATE ? today : "", i == LF_NOTE,
				     maxes[i]);
	}
	if (!ok) {
		log_destroy(&l->base);
		return NULL;
	}
	form_init(&l->form, l->fields, l->n_fields, a->today);
	return &l->base;
}

/* What a skip is of: the occurrence due on due of duty duty_id. */
typedef struct {
	int64_t duty_id;
	date due;
} skip_ref;

static screen *skip_given(app *a, void *ctx, const char *reason)
{
	skip_ref *c = ctx;
	duty_event ev = {0};
	int64_t id;
	if (!*reason)
		return NULL;
	ev.duty_id = c->duty_id;
	ev.due = c->due;
	ev.on = a->today;
	ev.skipped = true;
	snprintf(ev.note, sizeof ev.note, "%s", reason);
	app_wrote_parts(a, store_duty_resolve(a->st, &ev, NULL, a->user, &id),
			PART_PLAN);
	return NULL;
}

/* The day the calendar starts on: today in today's month, else the 1st. */
static date first_day(const agenda_screen *as, date today)
{
	if (as->year == today.y && as->month == today.m)
		return today;
	return month_first(as);
}

/* Keys while they move the day: arrows and h / l a day, up and down (and
 * k / j) a week, g / G the month's ends; Enter or Tab back to the list,
 * which shows that day. */
static key_result calendar_key(agenda_screen *as, app *a, int action, int key)
{
	date d = as->day;

	switch (action) {
	case ACT_DAY:
		d = date_add_days(d, key == KEY_FN(KEY_LEFT) ? -1 : 1);
		break;
	case ACT_HISTORY: /* h */
		d = date_add_days(d, -1);
		break;
	case ACT_LOG:
		if (key != 'l') {
			as->on_calendar = false;
			return result(RES_NONE);
		}
		d = date_add_days(d, 1);
		break;
	case ACT_UP:
	case ACT_DOWN:
		d = date_add_days(d, action == ACT_UP ? -7 : 7);
		break;
	case ACT_FIRST:
		d = month_first(as);
		break;
	case ACT_LAST:
		d = month_last(as);
		break;
	case ACT_FOCUS:
		as->on_calendar = false;
		return result(RES_NONE);
	case ACT_SKIP:
		return result(RES_NONE);
	default:
		return result(RES_UNUSED);
	}
	show(as, a, d, d);
	return result(RES_NONE);
}

static key_result entry_key(app *a, const agenda_entry *e, int action)
{
	const agenda *g = app_plan(a);
	const duty *du;
	skip_ref *c;
	char q[400], due[16];

	/* A task is done in the programme: Enter opens it there; the keys
	 * for duties say they are not for tasks. */
	if (e->kind == AG_TASK) {
		if (action == ACT_LOG)
			return push(screen_plan_new_at(g->tasks[e->index].id));
		app_message(a, ROLE_WARN, "%s", msg(AG_TASK_KEYS));
		return result(RES_NONE);
	}
	du = &g->duties[e->index];
	/* A recorded occurrence is in its duty's history. */
	if (action == ACT_HISTORY || (action == ACT_LOG && e->event))
		return push(screen_duty_history_new(du->id));
	if (action == ACT_LOG)
		return push(log_new(a, du, e->due));
	if (e->event) {
		app_message(a, ROLE_WARN, "%s", msg(AG_ALREADY));
		return result(RES_NONE);
	}
	if (!(c = malloc(sizeof *c)))
		return result(RES_NONE);
	c->duty_id = du->id;
	c->due = e->due;
	date_format(e->due, due, sizeof due);
	snprintf(q, sizeof q, msg(AG_SKIP_PROMPT_FMT), du->title, due);
	return push(prompt_checked(prompt_new(q, NULL, DUTY_NOTE_MAX, FIELD_REASON,
					      skip_given, c, true),
				   prompt_required));
}

static key_result agenda_key(screen *s, app *a, int action, int key)
{
	agenda_screen *as = (agenda_screen *)s;

	if (!a->rep_loaded)
		return result(RES_UNUSED);
	switch (action) {
	case ACT_DUTIES:
		return push(screen_duties_new(a));
	case ACT_PREV_MONTH:
	case ACT_NEXT_MONTH: {
		int by = action == ACT_NEXT_MONTH ? 1 : -1;
		/* A chosen day moves with the month, to the same day or the
		 * month's last. */
		date d = as->day.y ? date_add_months(as->day, by) : as->day;
		show(as, a, date_add_months(month_first(as), by), d);
		return result(RES_NONE);
	}
	case ACT_ESC:
		if (!as->day.y && !as->on_calendar)
			return result(RES_POP);
		as->on_calendar = false;
		show(as, a, month_first(as), (date){0, 0, 0});
		return result(RES_NONE);
	}
	if (as->on_calendar)
		return calendar_key(as, a, action, key);
	if (action == ACT_DAY || action == ACT_FOCUS) {
		date d = as->day.y ? as->day : first_day(as, a->today);
		as->on_calendar = true;
		if (action == ACT_DAY && as->day.y)
			d = date_add_days(d, key == KEY_FN(KEY_LEFT) ? -1 : 1);
		show(as, a, d, d);
		return result(RES_NONE);
	}
	if (keymap_move(action, &as->cursor, (int)as->n_rows))
		return result(RES_NONE);
	if (as->n_rows == 0 ||
	    (action != ACT_LOG && action != ACT_SKIP && action != ACT_HISTORY))
		return result(RES_UNUSED);
	return entry_key(a, &as->rows[as->cursor].e, action);
}

static void agenda_reload(screen *s, app *a)
{
	rebuild((agenda_screen *)s, a, true);
}

static void agenda_destroy(screen *s)
{
	agenda_screen *as = (agenda_screen *)s;
	free(as->rows);
	agenda_month_free(&as->shown);
	free(as);
}

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
	rebuild(as, a, true);
	return &as->base;
}
