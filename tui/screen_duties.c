#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* A write of a duty touches the programme and duties alone. */
static bool plan_wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_PLAN);
}

/* Every recurring duty of the unit, whether or not anything of it is due:
 * its rule in words, next due, last done, what was missed and whether it
 * is paused; from here a duty is added, edited, paused or resumed,
 * removed, or its history opened. */
typedef struct {
	screen base;
	int cursor, top;
	int64_t selected; /* the duty under the cursor, kept across reloads */
} duties_screen;

enum { ACT_HISTORY = ACT_USER, ACT_ADD, ACT_EDIT, ACT_PAUSE, ACT_REMOVE };

static const keybinding duties_keys[] = {
	NAV_BINDINGS,
	{{'\n', KEY_FN(KEY_ENTER), 'h', 0}, NULL, HK_NAME_ENTER, HK_OPEN_HISTORY, ACT_HISTORY, true},
	{{'a', 0}, "a", NO_LABEL, HK_ADD_DUTY, ACT_ADD, true},
	{{'e', 0}, "e", NO_LABEL, HK_EDIT_DUTY, ACT_EDIT, true},
	{{'p', 0}, "p", NO_LABEL, HK_PAUSE, ACT_PAUSE, true},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_REMOVE_DUTY, ACT_REMOVE, false},
};

/* Columns of the list; the rule gets one only in a wide window. */
enum { C_TITLE, C_RULE, C_NEXT, C_LAST, C_OVER, C_STATE, N_C };

typedef struct {
	int x[N_C], w[N_C]; /* w 0: not shown */
} duty_columns;

static int widest(msg_id a, msg_id b, int at_least)
{
	int w = text_width(msg(a)) > text_width(msg(b)) ? text_width(msg(a))
							 : text_width(msg(b));
	return w > at_least ? w : at_least;
}

/* Lays the columns out over width cells from x, two cells between them.
 * In a wide window a rule column too: title and rule get what their
 * longest need (title_w, rule_w), or when both do not fit, shares of the
 * room in proportion to those needs. */
static duty_columns columns_for(int x, int width, int title_w, int rule_w)
{
	duty_columns c = {{0}, {0}};
	int min[N_C] = {16, 0, widest(DU_COL_NEXT, DU_COL_NEXT, 10),
			widest(DU_COL_LAST, DU_COL_LAST, 10),
			widest(DU_COL_OVERDUE, DU_COL_OVERDUE, 3),
			widest(DU_ACTIVE, DU_PAUSED, text_width(msg(DU_COL_STATE)))};
	int weight[N_C] = {1, 0, 0, 0, 0, 0}, out[N_C], fixed = 0;

	/* One more cell each, so a column and the next are two apart. */
	for (int i = 0; i < N_C - 1; i++)
		min[i]++;
	for (int i = C_NEXT; i < N_C; i++)
		fixed += min[i] + 1;
	if (width >= 108) {
		int room = width - fixed - 2;
		if (title_w + rule_w > room)
			rule_w = room * rule_w / (title_w + rule_w);
		min[C_RULE] = rule_w + 1;
	} else {
		/* No rule column: its gap goes to the title. */
		min[C_TITLE]++;
		min[C_RULE] = 0;
	}
	if (!layout_columns(width, N_C, min, weight, out))
		memcpy(out, min, sizeof out);
	for (int i = 0; i < N_C; i++) {
		c.x[i] = x;
		c.w[i] = out[i] ? out[i] - (i < N_C - 1) : 0;
		x += out[i] + (out[i] ? 1 : 0);
	}
	return c;
}

static void draw_day(int y, int x, int w, draw_role role, bool has, date d)
{
	char day[16];
	if (has)
		date_format(d, day, sizeof day);
	draw_text(y, x, w, role, has ? day : "—");
}

static void draw_row(const agenda *g, size_t i, const duty_columns *c, int y,
		     rect b, bool sel)
{
	const duty *d = &g->duties[i];
	const duty_state *st = &g->states[i];
	draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
	/* Paused now, or today falls in a pause kept from before. */
	bool paused = d->paused_on.y || st->paused;
	char buf[300];

	if (sel) {
		draw_fill(y, b.x, b.w, ROLE_SELECTED);
		draw_text(y, b.x, 1, ROLE_SELECTED, ">");
	}
	draw_text(y, c->x[C_TITLE], c->w[C_TITLE], base, d->title);
	if (c->w[C_RULE]) {
		duty_rule_words(&d->rule, true, buf, sizeof buf);
		draw_text(y, c->x[C_RULE], c->w[C_RULE], sel ? base : ROLE_DIM, buf);
	}
	draw_day(y, c->x[C_NEXT], c->w[C_NEXT], base, st->has_next, st->next);
	draw_day(y, c->x[C_LAST], c->w[C_LAST], sel ? base : ROLE_DIM, st->has_last,
		 st->last_done);
	snprintf(buf, sizeof buf, "%zu", st->n_overdue);
	draw_text_right(y, c->x[C_OVER], c->w[C_OVER],
			sel ? base : st->n_overdue ? ROLE_BAD : ROLE_DIM, buf);
	draw_text(y, c->x[C_STATE], c->w[C_STATE],
		  sel ? base : paused ? ROLE_WARN : ROLE_DIM,
		  msg(paused ? DU_PAUSED : DU_ACTIVE));
}

/* "proves item 5 Restore tests run regularly" for d. */
static void proves_text(app *a, const duty *d, char *out, size_t len)
{
	int item = d->item[0] ? questionnaire_item_index(a->q, d->item) : -1;
	if (item >= 0)
		snprintf(out, len, msg(DU_PROVES_FMT), item + 1, a->q->items[item].title);
	else if (d->item[0])
		snprintf(out, len, msg(DU_PROVES_KEY_FMT), d->item);
	else
		snprintf(out, len, "%s", msg(DU_PROVES_NOTHING));
}

/* One recorded occurrence: due, done or skipped, on, by, result or the
 * reason of a skip. */
/* One recorded occurrence on a row; sel: under the cursor. */
static void draw_event(int y, int x, int w, const duty_event *ev, bool sel)
{
	char due[16], on[16];
	date_format(ev->due, due, sizeof due);
	date_format(ev->on, on, sizeof on);
	if (sel)
		draw_fill(y, x - 2, w + 4, ROLE_SELECTED);
	draw_text(y, x, 10, sel ? ROLE_SELECTED : ROLE_DIM, due);
	draw_text(y, x + 11, 8, sel ? ROLE_SELECTED : ev->skipped ? ROLE_WARN : ROLE_OK,
		  msg(ev->skipped ? AG_SKIPPED : AG_DONE));
	draw_text(y, x + 20, 10, sel ? ROLE_SELECTED : ROLE_NORMAL, on);
	draw_text(y, x + 31, 8, sel ? ROLE_SELECTED : ROLE_DIM, ev->by);
	draw_text(y, x + 40, w - 40, sel ? ROLE_SELECTED : ROLE_NORMAL,
		  ev->skipped ? ev->note : ev->result);
}

/* The selected duty in full below the list: rule, first date, what it
 * proves, and what was missed or since when it is paused; then, as far as
 * r has rows, its latest records. */
static void draw_detail(app *a, size_t i, rect r)
{
	const duty *d = &app_plan_history(a)->duties[i];
	const duty_state *st = &app_plan_history(a)->states[i];
	char buf[DUTY_MAX_OPEN * 12 + 64], line[600], day[16];
	int y = r.y;

	draw_text(y++, r.x, r.w, ROLE_HEADING, d->title);
	duty_rule_words(&d->rule, true, buf, sizeof buf);
	draw_text(y++, r.x, r.w, ROLE_NORMAL, buf);
	date_format(d->rule.start, day, sizeof day);
	snprintf(line, sizeof line, msg(DU_FROM_FMT), day);
	proves_text(a, d, buf, sizeof buf);
	draw_textf(y++, r.x, r.w, ROLE_DIM, "%s · %s", line, buf);
	if (d->paused_on.y) {
		date_format(d->paused_on, day, sizeof day);
		draw_textf(y, r.x, r.w, ROLE_WARN, msg(DU_PAUSED_FMT), day);
	} else if (st->n_overdue) {
		duty_missed_text(st, buf, sizeof buf);
		draw_textf(y, r.x, r.w, ROLE_BAD, msg(DU_MISSED_FMT), buf);
	} else {
		draw_text(y, r.x, r.w, ROLE_OK, msg(DU_NOTHING_MISSED));
	}
	y += 2;
	if (y >= r.y + r.h)
		return;
	draw_text(y++, r.x, r.w, ROLE_HEADING, msg(DU_RECENT));
	if (app_plan_history(a)->n_events[i] == 0)
		draw_text(y, r.x, r.w, ROLE_DIM, msg(AG_NO_HISTORY));
	for (size_t k = 0; k < app_plan_history(a)->n_events[i] && y < r.y + r.h; k++)
		draw_event(y++, r.x, r.w, &app_plan_history(a)->events[i][k], false);
}

/* Rows below the list for the selected duty: its 4 lines, then a blank
 * one, a heading and its records, where the window has rows the list
 * does not need (at most 8 records). */
static int detail_rows(const agenda *g, size_t i, int body_h)
{
	int spare = body_h - 2 - (int)g->n_duties - 5;
	int want = 2 + (g->n_events[i] ? (int)g->n_events[i] : 1);

	if (want > 10)
		want = 10;
	if (spare < 3)
		return 5;
	return 5 + (spare - 1 < want ? spare - 1 : want);
}

static void duties_draw(screen *s, app *a, rect b)
{
	duties_screen *ds = (duties_screen *)s;
	const agenda *g = app_plan_history(a);
	duty_columns c;
	size_t overdue = 0, paused = 0;
	int title_w = 0, rule_w = 0;
	char words[300];
	int detail_h, list_y = b.y + 2, list_h;
	static const struct {
		int col;
		msg_id text;
	} heads[] = {{C_TITLE, DU_COL_DUTY}, {C_RULE, DU_COL_RULE},
		     {C_NEXT, DU_COL_NEXT},	 {C_LAST, DU_COL_LAST},
		     {C_STATE, DU_COL_STATE}};

	if (!a->rep_loaded)
		return;
	if (g->n_duties == 0) {
		draw_paragraph((rect){b.y + 1, b.x + 2, b.h - 2, b.w - 4}, 0,
			       ROLE_NORMAL, msg(DU_NONE));
		return;
	}
	/* A duty just added is selected once the form has said which. */
	s->ops->reload(s, a);
	for (size_t i = 0; i < g->n_duties; i++) {
		overdue += g->states[i].n_overdue;
		paused += g->duties[i].paused_on.y != 0;
		duty_rule_words(&g->duties[i].rule, true, words, sizeof words);
		if (text_width(words) > rule_w)
			rule_w = text_width(words);
		if (text_width(g->duties[i].title) > title_w)
			title_w = text_width(g->duties[i].title);
	}
	c = columns_for(b.x + 2, b.w - 3, title_w, rule_w);
	detail_h = detail_rows(g, (size_t)ds->cursor, b.h);
	list_h = b.h - detail_h - 2;
	draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(DU_HEAD_FMT),
		   g->n_duties, overdue, paused);
	for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
		draw_text(b.y + 1, c.x[heads[h].col], c.w[heads[h].col], ROLE_DIM,
			  msg(heads[h].text));
	draw_text_right(b.y + 1, c.x[C_OVER], c.w[C_OVER], ROLE_DIM,
			msg(DU_COL_OVERDUE));
	ds->top = layout_scroll(ds->top, ds->cursor, (int)g->n_duties, list_h);
	for (int i = 0; i < list_h && ds->top + i < (int)g->n_duties; i++)
		draw_row(g, (size_t)(ds->top + i), &c, list_y + i, b,
			 ds->top + i == ds->cursor);
	draw_rule(b.y + b.h - detail_h, b.x, b.w);
	draw_detail(a, (size_t)ds->cursor,
		    (rect){b.y + b.h - detail_h + 1, b.x + 2, detail_h - 1, b.w - 4});
}

/* What a confirmation or a form acts on: the duty as the screen showed
 * it. */
typedef struct {
	duty seen;
	size_t n_events;
} duty_ref;

static screen *remove_confirmed(app *a, void *ctx, bool yes)
{
	duty_ref *r = ctx;
	if (yes && plan_wrote(a, store_duty_remove(a->st, &r->seen, r->n_events,
					     a->user)))
		app_message(a, ROLE_OK, msg(DU_REMOVED_FMT), r->seen.title);
	return NULL;
}

static void toggle_pause(app *a, const duty *shown)
{
	duty d = *shown; /* the reload after the write frees the list */
	bool pause = !d.paused_on.y;
	long i;
	char day[16] = "—";

	if (!plan_wrote(a, store_duty_set_paused(a->st, &d, pause, a->today, a->user)))
		return;
	if (pause) {
		app_message(a, ROLE_OK, msg(DU_PAUSED_MSG_FMT), d.title);
		return;
	}
	i = agenda_find_duty(app_plan_history(a), d.id);
	if (i >= 0 && app_plan_history(a)->states[i].has_next)
		date_format(app_plan_history(a)->states[i].next, day, sizeof day);
	app_message(a, ROLE_OK, msg(DU_RESUMED_FMT), d.title, day);
}

static screen *duty_form_new(app *a, const duty *d, int64_t *select);

static key_result duties_key(screen *s, app *a, int action, int key)
{
	duties_screen *ds = (duties_screen *)s;
	const agenda *g = app_plan_history(a);
	const duty *d;
	duty_ref *r;
	char q[600];

	(void)key;
	if (!a->rep_loaded)
		return result(RES_UNUSED);
	if (keymap_move(action, &ds->cursor, (int)g->n_duties)) {
		if (g->n_duties)
			ds->selected = g->duties[ds->cursor].id;
		return result(RES_NONE);
	}
	if (action == ACT_ADD)
		return push(duty_form_new(a, NULL, &ds->selected));
	if (g->n_duties == 0)
		return result(RES_UNUSED);
	d = &g->duties[ds->cursor];
	switch (action) {
	case ACT_HISTORY:
		return push(screen_duty_history_new(d->id));
	case ACT_EDIT:
		return push(duty_form_new(a, d, &ds->selected));
	case ACT_PAUSE:
		toggle_pause(a, d);
		return result(RES_NONE);
	case ACT_REMOVE:
		if (!(r = malloc(sizeof *r)))
			return result(RES_NONE);
		r->seen = *d;
		r->n_events = g->n_events ? g->n_events[ds->cursor] : 0;
		if (r->n_events)
			snprintf(q, sizeof q, msg(DU_CONFIRM_REMOVE_FMT), d->title,
				 r->n_events);
		else
			snprintf(q, sizeof q, msg(DU_CONFIRM_REMOVE_NONE_FMT), d->title);
		return push(confirm_new(q, remove_confirmed, r, true));
	}
	return result(RES_UNUSED);
}

/* The cursor stays on the duty it was on (or goes to one just added),
 * wherever the reload puts it. */
static void duties_reload(screen *s, app *a)
{
	duties_screen *ds = (duties_screen *)s;
	long i = agenda_find_duty(app_plan_history(a), ds->selected);
	if (i >= 0)
		ds->cursor = (int)i;
	else if (ds->cursor >= (int)app_plan_history(a)->n_duties)
		ds->cursor = app_plan_history(a)->n_duties ? (int)app_plan_history(a)->n_duties - 1 : 0;
	if (app_plan_history(a)->n_duties)
		ds->selected = app_plan_history(a)->duties[ds->cursor].id;
}

static void duties_destroy(screen *s) { free(s); }

static const screen_ops duties_ops = {
	.title = DU_TITLE,
	.keys = KEYTABLE(duties_keys),
	.draw = duties_draw,
	.handle_key = duties_key,
	.reload = duties_reload,
	.destroy = duties_destroy,
};

screen *screen_duties_new(app *a)
{
	duties_screen *ds = calloc(1, sizeof *ds);
	if (!ds)
		return NULL;
	ds->base.ops = &duties_ops;
	duties_reload(&ds->base, a);
	return &ds->base;
}

/* The duty form: title, every N months, day of month or last working
 * day, what it is counted from, start date and the checklist item it
 * proves; below, the rule in words and where the duty would stand today
 * on it, as typed. */
enum { F_TITLE, F_EVERY, F_DAY, F_ANCHOR, F_START, F_ITEM, F_N };

typedef struct {
	screen base;
	bool adding;
	duty seen;        /* the duty when the form opened (or was refused) */
	int64_t *select;  /* where the list wants the id of what was saved */
	form form;
	form_field fields[F_N];
	const char *anchor_opts[2]; /* the anchor choice's options */
} duty_form;

static const keybinding form_keys[] = {
	{{0}, NULL, HK_NAME_TAB, HK_NEXT_FIELD, ACT_NONE, true},
	{{0}, "Ctrl-S", NO_LABEL, HK_SAVE, ACT_NONE, true},
	{{0}, NULL, HK_NAME_ESC, HK_CANCEL, ACT_NONE, true},
};

static const msg_id anchors[2] = {DF_ANCHOR_SCHEDULE, DF_ANCHOR_COMPLETION};

/* The field's text, trimmed, into out. */
static const char *field_text(duty_form *f, int i, char *out, size_t len)
{
	te_value_into(&f->fields[i].te, out, len);
	return text_trim(out);
}

/* Reads the fields into *d (from f->seen); on a bad field returns false
 * with the message for it in *err and the field in *at. An empty title
 * is one only when need_title. */
static bool read_fields(duty_form *f, app *a, bool need_title, duty *d,
			msg_id *err, int *at)
{
	char buf[TEXT_BYTES(DUTY_TITLE_MAX)], *end;
	long n;

	*d = f->seen;
	*err = MSG__COUNT;
	if (!te_value_into(&f->fields[F_TITLE].te, d->title, sizeof d->title) ||
	    (need_title && !*text_trim(d->title)))
		return *at = F_TITLE, *err = FORM_ERR_REQUIRED, false;
	n = strtol(field_text(f, F_EVERY, buf, sizeof buf), &end, 10);
	if (!*buf || *end || n < 1 || n > REC_MAX_EVERY_MONTHS)
		return *at = F_EVERY, *err = DF_ERR_EVERY, false;
	d->rule.every_months = (int)n;
	if (!duty_parse_day(field_text(f, F_DAY, buf, sizeof buf), &d->rule.day))
		return *at = F_DAY, *err = DF_ERR_DAY, false;
	d->rule.anchor = f->fields[F_ANCHOR].choice ? REC_ANCHOR_COMPLETION
						    : REC_ANCHOR_SCHEDULE;
	if (!date_parse(field_text(f, F_START, buf, sizeof buf), &d->rule.start))
		return *at = F_START, *err = FORM_ERR_DATE, false;
	field_text(f, F_ITEM, buf, sizeof buf);
	n = strtol(buf, &end, 10);
	if (!*buf)
		d->item[0] = '\0';
	else if (!*end && n >= 1 && (size_t)n <= a->q->n_items)
		snprintf(d->item, sizeof d->item, "%s", a->q->items[n - 1].key);
	else if (strcmp(buf, f->seen.item) != 0) /* a key no item has: kept */
		return *at = F_ITEM, *err = DF_ERR_ITEM, false;
	return true;
}

/* The rule as typed in words, and where the duty would stand today on
 * it with its history and pauses. */
static void draw_outlook(duty_form *f, app *a, int y, int x, int w)
{
	duty d;
	duty_state st;
	msg_id err;
	int at;
	long i = f->adding ? -1 : agenda_find_duty(app_plan_history(a), f->seen.id);
	const agenda *g = app_plan_history(a);
	char words[300], day[16] = "—";

	if (!read_fields(f, a, false, &d, &err, &at))
		return;
	duty_rule_words(&d.rule, true, words, sizeof words);
	draw_textf(y, x, w, ROLE_NORMAL, msg(DF_RULE_FMT), words);
	duty_state_compute(&d, i >= 0 ? g->events[i] : NULL, i >= 0 ? g->n_events[i] : 0,
			   i >= 0 ? g->pauses[i] : NULL, i >= 0 ? g->n_pauses[i] : 0,
			   a->today, &st);
	if (st.has_next)
		date_format(st.next, day, sizeof day);
	/* A rule that makes past occurrences overdue says how to avoid it. */
	draw_textf(y + 1, x, w, st.n_overdue ? ROLE_WARN : ROLE_DIM,
		   msg(i >= 0 && st.n_overdue > g->states[i].n_overdue
			       ? DF_OUTLOOK_MORE_FMT
			       : DF_OUTLOOK_FMT),
		   st.n_overdue, day);
}

static void form_draw_duty(screen *s, app *a, rect b)
{
	duty_form *f = (duty_form *)s;
	static const msg_id hints[F_N] = {DF_HINT_TITLE, DF_HINT_EVERY, DF_HINT_DAY,
					  DF_HINT_ANCHOR, DF_HINT_START,
					  DF_HINT_ITEM_FMT};
	size_t focus = f->form.focus;

	if (f->adding)
		draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(DF_NEW));
	else
		draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(DF_EDIT_FMT),
			   f->seen.title);
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 6, b.w - 4}, a);
	draw_outlook(f, a, b.y + b.h - 4, b.x + 2, b.w - 4);
	if (hints[focus] == DF_HINT_ITEM_FMT)
		draw_textf(b.y + b.h - 2, b.x + 2, b.w - 4, ROLE_DIM,
			   msg(DF_HINT_ITEM_FMT), a->q->n_items);
	else
		draw_text(b.y + b.h - 2, b.x + 2, b.w - 4, ROLE_DIM, msg(hints[focus]));
	draw_text(b.y + b.h - 1, b.x + 2, b.w - 4, ROLE_DIM, msg(DF_HINT_KEYS));
}

/* True when written (the form closes); a refusal keeps what was typed. */
static bool form_save(screen *s, app *a)
{
	duty_form *f = (duty_form *)s;
	duty d;
	msg_id err;
	int at;
	int64_t id = f->seen.id;
	moat_status st;
	long i;

	if (!form_validate(&f->form))
		return false;
	if (!read_fields(f, a, true, &d, &err, &at)) {
		f->form.error = err;
		f->form.error_field = (size_t)at;
		f->form.focus = (size_t)at;
		return false;
	}
	st = f->adding ? store_duty_add(a->st, a->rep.unit.id, &d, a->user, &id)
		       : store_duty_change(a->st, &f->seen, &d, a->user);
	if (plan_wrote(a, st)) {
		*f->select = id;
		app_message(a, ROLE_OK, msg(f->adding ? DU_ADDED_FMT : DU_SAVED_FMT),
			    d.title);
		return true;
	}
	/* Changed by someone meanwhile: what they wrote is what the form is
	 * now over, so a second Ctrl-S writes over it knowingly. */
	if (!f->adding && (i = agenda_find_duty(app_plan_history(a), id)) >= 0)
		f->seen = app_plan_history(a)->duties[i];
	return false;
}

static key_result form_key_duty(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((duty_form *)s)->form, a, action, key,
				  form_save);
}

static void form_destroy_duty(screen *s)
{
	duty_form *f = (duty_form *)s;
	for (int i = 0; i < F_N; i++)
		te_free(&f->fields[i].te);
	free(f);
}

static const screen_ops form_ops = {
	.title = DU_TITLE,
	.keys = KEYTABLE(form_keys),
	.text_entry = true,
	.draw = form_draw_duty,
	.handle_key = form_key_duty,
	.destroy = form_destroy_duty,
};

/* A form over d, or for a new duty (d NULL: monthly on today's day from
 * today, on a fixed schedule). */
static screen *duty_form_new(app *a, const duty *d, int64_t *select)
{
	duty_form *f = calloc(1, sizeof *f);
	static const struct {
		msg_id label;
		field_kind kind;
		bool required;
		size_t max;
	} spec[F_N] = {
		[F_TITLE] = {DF_TITLE, FIELD_TEXT, true, DUTY_TITLE_MAX},
		[F_EVERY] = {DF_EVERY, FIELD_TEXT, true, 2},
		[F_DAY] = {DF_DAY, FIELD_TEXT, true, 2},
		[F_ANCHOR] = {DF_ANCHOR, FIELD_CHOICE, false, 0},
		[F_START] = {DF_START, FIELD_DATE, true, 10},
		[F_ITEM] = {DF_ITEM, FIELD_TEXT, false, 20},
	};
	char every[8], day[8], start[16], item[64];
	const char *init[F_N];
	bool ok = true;
	int idx;

	if (!f)
		return NULL;
	f->base.ops = &form_ops;
	f->select = select;
	f->adding = !d;
	if (d) {
		f->seen = *d;
	} else {
		f->seen.rule = (rec_rule){1, a->today.d, REC_ANCHOR_SCHEDULE, a->today};
	}
	snprintf(every, sizeof every, "%d", f->seen.rule.every_months);
	if (f->seen.rule.day == REC_LAST_WORKING_DAY)
		snprintf(day, sizeof day, "L");
	else
		snprintf(day, sizeof day, "%d", f->seen.rule.day);
	date_format(f->seen.rule.start, start, sizeof start);
	idx = f->seen.item[0] ? questionnaire_item_index(a->q, f->seen.item) : -1;
	if (idx >= 0)
		snprintf(item, sizeof item, "%d", idx + 1);
	else
		snprintf(item, sizeof item, "%s", f->seen.item);
	init[F_TITLE] = f->seen.title;
	init[F_EVERY] = every;
	init[F_DAY] = day;
	init[F_START] = start;
	init[F_ITEM] = item;
	for (int i = 0; i < F_N; i++) {
		form_field *fld = &f->fields[i];
		fld->label = spec[i].label;
		fld->kind = spec[i].kind;
		fld->rows = 1;
		fld->required = spec[i].required;
		if (i == F_ANCHOR) {
			f->anchor_opts[0] = msg(anchors[0]);
			f->anchor_opts[1] = msg(anchors[1]);
			ok = ok && form_choice_init(fld, f->anchor_opts, 2,
						    f->seen.rule.anchor == REC_ANCHOR_COMPLETION);
		} else {
			ok = ok && te_init(&fld->te, init[i], false, spec[i].max);
		}
	}
	if (!ok) {
		form_destroy_duty(&f->base);
		return NULL;
	}
	form_init(&f->form, f->fields, F_N, a->today);
	return &f->base;
}

/* One duty: its rule, where it stands, its pauses and every recorded
 * occurrence. */
typedef struct {
	screen base;
	int64_t duty_id;
	int top, cursor; /* the record under the cursor */
} history_screen;

static const keybinding history_keys[] = {
	NAV_BINDINGS,
};

/* Where the duty stands: next due, last done, how many are overdue, or
 * since when it is paused. */
static void draw_standing(const duty *du, const duty_state *st, int y, rect b)
{
	char day[16];

	if (st->has_next) {
		date_format(st->next, day, sizeof day);
		draw_textf(y, b.x + 2, 24, ROLE_NORMAL, msg(AG_NEXT_FMT), day);
	}
	if (st->has_last) {
		date_format(st->last_done, day, sizeof day);
		draw_textf(y, b.x + 28, 24, ROLE_NORMAL, msg(AG_LAST_FMT), day);
	}
	if (du->paused_on.y) {
		date_format(du->paused_on, day, sizeof day);
		draw_textf(y, b.x + 54, b.w - 56, ROLE_WARN, msg(AG_PAUSED_SINCE_FMT),
			   day);
	} else if (st->n_overdue) {
		draw_textf(y, b.x + 54, b.w - 56, ROLE_BAD, msg(AG_OVERDUE_FMT),
			   st->n_overdue);
	}
}

static void history_draw(screen *s, app *a, rect b)
{
	history_screen *h = (history_screen *)s;
	const agenda *g = app_plan_history(a);
	long d = agenda_find_duty(g, h->duty_id);
	size_t ended;
	char line[300];
	int y = b.y, rows;

	if (d < 0)
		return;
	draw_text(y++, b.x + 1, b.w - 2, ROLE_HEADING, g->duties[d].title);
	duty_rule_words(&g->duties[d].rule, true, line, sizeof line);
	draw_text(y++, b.x + 2, b.w - 4, ROLE_NORMAL, line);
	draw_standing(&g->duties[d], &g->states[d], y, b);
	y += 2;
	/* The pauses that ended, whose occurrences were never owed. */
	ended = g->n_pauses[d] - (g->duties[d].paused_on.y != 0);
	if (ended) {
		draw_text(y++, b.x + 1, b.w - 2, ROLE_HEADING, msg(AG_PAUSES));
		for (size_t i = 0; i < ended && y < b.y + b.h - 2; i++) {
			char from[16], until[16];
			date_format(g->pauses[d][i].from, from, sizeof from);
			date_format(g->pauses[d][i].until, until, sizeof until);
			draw_textf(y++, b.x + 2, b.w - 4, ROLE_DIM, msg(AG_PAUSE_FMT),
				   from, until);
		}
		y++;
	}
	draw_text(y++, b.x + 1, b.w - 2, ROLE_HEADING, msg(AG_HISTORY));
	if (g->n_events[d] == 0) {
		draw_text(y, b.x + 2, b.w - 4, ROLE_DIM, msg(AG_NO_HISTORY));
		return;
	}
	rows = b.y + b.h - y;
	if (h->cursor >= (int)g->n_events[d])
		h->cursor = (int)g->n_events[d] - 1;
	h->top = layout_scroll(h->top, h->cursor, (int)g->n_events[d], rows);
	for (int i = 0; i < rows && h->top + i < (int)g->n_events[d]; i++, y++)
		draw_event(y, b.x + 2, b.w - 4, &g->events[d][h->top + i],
			   h->top + i == h->cursor);
}

static key_result history_key(screen *s, app *a, int action, int key)
{
	history_screen *h = (history_screen *)s;
	long d = agenda_find_duty(app_plan_history(a), h->duty_id);
	(void)key;
	if (d >= 0 && keymap_move(action, &h->cursor, (int)app_plan_history(a)->n_events[d]))
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

screen *screen_duty_history_new(int64_t duty_id)
{
	history_screen *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->base.ops = &history_ops;
	h->duty_id = duty_id;
	return &h->base;
}
