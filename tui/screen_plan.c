#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The 90-day programme (§7): the three phases as a timeline across the
 * window with today marked, then every task with its own bar over the 90
 * days, its owner, due date and status; overdue ones flagged. */
typedef struct {
	screen base;
	int cursor, top;
} plan_screen;

enum { ACT_CYCLE = ACT_USER, ACT_EDIT, ACT_ADD, ACT_DELETE, ACT_OWNER, ACT_START };

static const keybinding plan_keys[] = {
	NAV_BINDINGS,
	{{' ', 0}, NULL, HK_NAME_SPACE, HK_CYCLE_STATUS, ACT_CYCLE, true},
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_EDIT_TASK, ACT_EDIT, true},
	{{'a', 0}, "a", NO_LABEL, HK_ADD_TASK, ACT_ADD, true},
	{{'o', 0}, "o", NO_LABEL, HK_OWNER, ACT_OWNER, false},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_DELETE_TASK, ACT_DELETE, false},
	{{'s', 0}, "s", NO_LABEL, HK_START, ACT_START, false},
};

const char *plan_status_text(task_status s)
{
	static const msg_id ids[] = {TASK_NOT_STARTED_TXT, TASK_IN_PROGRESS_TXT,
				     TASK_DONE_TXT, TASK_BLOCKED_TXT};
	return msg(ids[(unsigned)s < TASK_STATUS_COUNT ? s : 0]);
}

static draw_role status_role(const plan_task *t, date today)
{
	if (task_overdue(t, today))
		return ROLE_BAD;
	switch (t->status) {
	case TASK_DONE: return ROLE_OK;
	case TASK_IN_PROGRESS: return ROLE_WARN;
	case TASK_BLOCKED: return ROLE_BAD;
	case TASK_NOT_STARTED: break;
	}
	return ROLE_DIM;
}

/* Column of programme day (1..90) on a bar of w cells. */
static int day_col(long day, int w)
{
	if (day < 1)
		day = 1;
	if (day > PLAN_DAYS)
		day = PLAN_DAYS;
	return (int)((day - 1) * w / PLAN_DAYS);
}

static void draw_timeline(const agenda *g, app *a, int y, int x, int w)
{
	int lw = 24, bw = w - lw - 8, bx = x + lw;
	const plan_progress *p = &g->progress;

	draw_textf(y, bx, 3, ROLE_DIM, "1");
	draw_text(y, bx + day_col(30, bw), 3, ROLE_DIM, "30");
	draw_text(y, bx + day_col(60, bw), 3, ROLE_DIM, "60");
	draw_text(y, bx + bw - 2, 3, ROLE_DIM, "90");
	for (int ph = 1; ph <= PLAN_PHASES; ph++) {
		int from = day_col((ph - 1) * 30 + 1, bw), to = day_col(ph * 30, bw) + 1;
		size_t tot = p->phase_total[ph - 1], done = p->phase_done[ph - 1];
		int filled = tot ? (int)((to - from) * done / tot) : 0;
		int row = y + ph;
		draw_textf(row, x, lw - 1, ROLE_NORMAL, msg(PLAN_PHASE_FMT), ph,
			   a->q->phase_names[ph - 1] ? a->q->phase_names[ph - 1] : "");
		for (int c = 0; c < bw; c++)
			draw_text(row, bx + c, 1, ROLE_DIM,
				  c == day_col(30, bw) || c == day_col(60, bw) ? "|" : " ");
		for (int c = from; c < to; c++)
			draw_text(row, bx + c, 1, c - from < filled ? ROLE_OK : ROLE_DIM,
				  c - from < filled ? "█" : "░");
		draw_textf(row, bx + bw + 1, 7, ROLE_NORMAL, "%zu/%zu", done, tot);
	}
	if (p->day >= 1 && p->day <= PLAN_DAYS)
		draw_text(y + 4, bx + day_col(p->day, bw), w - lw - day_col(p->day, bw),
			  ROLE_KEY, msg(PLAN_TODAY));
}

static void draw_task(const agenda *g, app *a, const plan_task *t, int y,
		      rect b, bool sel)
{
	draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
	/* The bar grows with the window; the title takes what is left. */
	int bw = b.w >= 110 ? 36 : 18, bx = b.x + b.w - bw - 1, x = b.x + 2;
	int tw = bx - x - 8 - 6 - 13 - 4, ox = x + tw + 1, dx = ox + 9, sx = dx + 6;
	long from = (t->phase - 1) * 30 + 1, to = t->phase * 30;
	char due[8];

	if (sel) {
		draw_fill(y, b.x, b.w, ROLE_SELECTED);
		draw_text(y, b.x, 1, ROLE_SELECTED, ">");
	}
	snprintf(due, sizeof due, "%02d-%02d", t->due.m, t->due.d);
	draw_text(y, x, tw, base, t->title);
	draw_text(y, ox, 8, base, t->owner[0] ? t->owner : "—");
	draw_text(y, dx, 5, base, due);
	draw_text(y, sx, 12, sel ? base : status_role(t, a->today),
		  task_overdue(t, a->today) ? msg(PLAN_OVERDUE)
					    : plan_status_text(t->status));
	/* The task's own bar over the 90 days, today as a line. */
	for (int c = 0; c < bw; c++) {
		long d0 = (long)c * PLAN_DAYS / bw + 1;
		bool in = d0 >= from && d0 <= to;
		bool today = g->progress.day >= 1 && day_col(g->progress.day, bw) == c;
		draw_text(y, bx + c, 1,
			  today ? ROLE_KEY : in ? status_role(t, a->today) : ROLE_DIM,
			  today ? "|" : in ? (t->status == TASK_DONE ? "█" : "▒") : "·");
	}
}

static void plan_draw(screen *s, app *a, rect b)
{
	plan_screen *p = (plan_screen *)s;
	const agenda *g = &a->plan;
	char head[256], day[16];
	int list_y, list_h;

	if (!a->rep_loaded)
		return;
	if (!g->has_programme) {
		draw_paragraph((rect){b.y + 1, b.x + 2, b.h - 2, b.w - 4}, 0,
			       ROLE_NORMAL, msg(PLAN_NONE));
		return;
	}
	date_format(g->start, day, sizeof day);
	if (g->progress.day > PLAN_DAYS)
		snprintf(head, sizeof head, msg(PLAN_AFTER_FMT), day, g->progress.done,
			 g->progress.total);
	else if (g->progress.day >= 1)
		snprintf(head, sizeof head, msg(PLAN_HEAD_FMT), day, g->progress.day,
			 g->progress.done, g->progress.total);
	else
		snprintf(head, sizeof head, msg(PLAN_BEFORE_FMT), day, g->progress.total);
	draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING, head);
	if (g->progress.overdue) {
		char over[64];
		snprintf(over, sizeof over, msg(PLAN_OVERDUE_FMT), g->progress.overdue);
		draw_text_right(b.y, b.x, b.w - 1, ROLE_BAD, over);
	}
	draw_timeline(g, a, b.y + 1, b.x + 1, b.w - 2);
	draw_rule(b.y + 6, b.x, b.w);
	list_y = b.y + 7;
	list_h = b.h - 7;
	p->top = layout_scroll(p->top, p->cursor, (int)g->n_tasks, list_h);
	for (int i = 0; i < list_h && p->top + i < (int)g->n_tasks; i++)
		draw_task(g, a, &g->tasks[p->top + i], list_y + i, b,
			  p->top + i == p->cursor);
}

/* Writes t and, when it has just been done and advances a checklist item
 * that is not done, offers to mark that item done too. */
static screen *offer_item_confirmed(app *a, void *ctx, bool yes)
{
	char *item = ctx;
	if (yes)
		app_wrote(a, store_state_set(a->st, a->assessment_id, item, ITEM_DONE,
					     a->user));
	return NULL;
}

/* RES_UNUSED when the write failed (the message says why). */
static key_result save_task(app *a, const plan_task *seen, const plan_task *t)
{
	int idx;
	char q[300];
	task_status was = seen->status;

	if (!app_wrote(a, store_task_change(a->st, seen, t, a->today, a->user)))
		return result(RES_UNUSED);
	idx = t->item[0] ? questionnaire_item_index(a->q, t->item) : -1;
	if (t->status == TASK_DONE && was != TASK_DONE && idx >= 0 &&
	    a->rep.states[idx] != ITEM_DONE &&
	    a->rep.assessment.status != ASSESS_FINAL) {
		char *ctx = strdup(t->item);
		if (!ctx)
			return result(RES_NONE);
		snprintf(q, sizeof q, msg(PLAN_OFFER_ITEM_FMT), (size_t)idx + 1,
			 a->q->items[idx].title);
		return push(confirm_new(q, offer_item_confirmed, ctx, true));
	}
	return result(RES_NONE);
}

static msg_id start_check(app *a, void *ctx, const char *text)
{
	date start;
	(void)a, (void)ctx;
	return date_parse(text, &start) ? MSG__COUNT : FORM_ERR_DATE;
}

static screen *start_given(app *a, void *ctx, const char *text)
{
	date start;
	int64_t id;
	(void)ctx;
	if (!date_parse(text, &start))
		return NULL;
	app_wrote(a, store_programme_start(a->st, a->rep.unit.id, a->q, start,
					   date_add_days(start, PLAN_DAYS),
					   a->user, &id));
	return NULL;
}

static screen *title_given(app *a, void *ctx, const char *text)
{
	int *phase = ctx;
	int64_t id;
	if (*text)
		app_wrote(a, store_task_add(a->st, a->plan.programme_id, *phase, text,
					    "", a->user, &id));
	return NULL;
}

/* The task under the cursor as the screen showed it, found again by id
 * after a reload. */
typedef struct {
	int64_t id;
	plan_task seen;
} task_ref;

static plan_task *find_task(app *a, int64_t id)
{
	for (size_t i = 0; i < a->plan.n_tasks; i++)
		if (a->plan.tasks[i].id == id)
			return &a->plan.tasks[i];
	return NULL;
}

static screen *owner_given(app *a, void *ctx, const char *text)
{
	task_ref *r = ctx;
	plan_task *t = find_task(a, r->id), copy;
	if (!t)
		return NULL;
	copy = r->seen;
	snprintf(copy.owner, sizeof copy.owner, "%s", text);
	app_wrote(a, store_task_change(a->st, &r->seen, &copy, a->today, a->user));
	return NULL;
}

static screen *delete_confirmed(app *a, void *ctx, bool yes)
{
	task_ref *r = ctx;
	if (yes)
		app_wrote(a, store_task_delete(a->st, r->id, a->user));
	return NULL;
}

static key_result plan_key(screen *s, app *a, int action, int key)
{
	plan_screen *p = (plan_screen *)s;
	agenda *g = &a->plan;
	plan_task *t, copy;
	task_ref *ref;
	char buf[300], today[16];

	(void)key;
	if (!g->has_programme) {
		if (action != ACT_START)
			return result(RES_UNUSED);
		date_format(a->today, today, sizeof today);
		return push(prompt_checked(prompt_new(msg(PLAN_START_PROMPT), today,
						      10, FIELD_START, start_given,
						      NULL, false),
					   start_check));
	}
	if (keymap_move(action, &p->cursor, (int)g->n_tasks))
		return result(RES_NONE);
	if (action == ACT_ADD) {
		int *phase = malloc(sizeof *phase);
		if (!phase)
			return result(RES_NONE);
		*phase = g->n_tasks ? g->tasks[p->cursor].phase : 1;
		return push(prompt_checked(prompt_new(msg(PLAN_TASK_PROMPT), NULL,
						      TASK_TITLE_MAX, PLAN_F_TITLE,
						      title_given, phase, true),
					   prompt_required));
	}
	if (g->n_tasks == 0)
		return result(RES_UNUSED);
	t = &g->tasks[p->cursor];
	switch (action) {
	case ACT_CYCLE: {
		key_result r;
		copy = *t;
		copy.status = task_next_status(t->status);
		r = save_task(a, t, &copy);
		return r.kind == RES_UNUSED ? result(RES_NONE) : r;
	}
	case ACT_EDIT:
		return push(screen_task_new(a, t->id));
	case ACT_OWNER:
	case ACT_DELETE:
		if (!(ref = malloc(sizeof *ref)))
			return result(RES_NONE);
		ref->id = t->id;
		ref->seen = *t;
		if (action == ACT_OWNER)
			return push(prompt_new(msg(PLAN_OWNER_PROMPT), t->owner,
					       TASK_OWNER_MAX, PLAN_F_OWNER,
					       owner_given, ref, true));
		snprintf(buf, sizeof buf, msg(PLAN_CONFIRM_DELETE_FMT), t->title);
		return push(confirm_new(buf, delete_confirmed, ref, true));
	}
	return result(RES_UNUSED);
}

static void plan_destroy(screen *s) { free(s); }

static void plan_reload(screen *s, app *a)
{
	plan_screen *p = (plan_screen *)s;
	if (p->cursor >= (int)a->plan.n_tasks)
		p->cursor = a->plan.n_tasks ? (int)a->plan.n_tasks - 1 : 0;
}

static const screen_ops plan_ops = {
	.title = PLAN_TITLE,
	.keys = KEYTABLE(plan_keys),
	.draw = plan_draw,
	.handle_key = plan_key,
	.reload = plan_reload,
	.destroy = plan_destroy,
};

screen *screen_plan_new(void)
{
	plan_screen *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->base.ops = &plan_ops;
	return &p->base;
}

/* The task form: title, phase, owner, done date, note (status cycles on
 * the plan screen with Space). */
typedef struct {
	screen base;
	int64_t id;
	form form;
	form_field fields[5];
	plan_task seen; /* the task when the form opened */
} task_screen;

enum { TF_TITLE, TF_PHASE, TF_OWNER, TF_DONE, TF_NOTE };

static const keybinding task_keys[] = {
	{{0}, NULL, HK_NAME_TAB, HK_NEXT_FIELD, ACT_NONE, true},
	{{0}, "Ctrl-S", NO_LABEL, HK_SAVE, ACT_NONE, true},
	{{0}, NULL, HK_NAME_ESC, HK_CANCEL, ACT_NONE, true},
};

static void task_draw(screen *s, app *a, rect b)
{
	task_screen *t = (task_screen *)s;
	draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(PLAN_EDIT_TITLE));
	form_draw(&t->form, (rect){b.y + 2, b.x + 2, b.h - 3, b.w - 4}, a);
	draw_text(b.y + b.h - 1, b.x + 2, b.w - 4, ROLE_DIM, msg(FORM_HINT));
}

static bool task_save(task_screen *ts, app *a, key_result *out)
{
	plan_task *t = find_task(a, ts->id), copy;
	char phase[8], done[16];

	if (!t || !form_validate(&ts->form))
		return false;
	/* From the task as the form was opened on: a change someone made
	 * since is not overwritten with the form's old values. */
	copy = ts->seen;
	te_value_into(&ts->fields[TF_TITLE].te, copy.title, sizeof copy.title);
	te_value_into(&ts->fields[TF_PHASE].te, phase, sizeof phase);
	copy.phase = atoi(text_trim(phase));
	if (copy.phase < 1 || copy.phase > PLAN_PHASES) {
		ts->form.error = PLAN_ERR_PHASE;
		ts->form.error_field = TF_PHASE;
		ts->form.focus = TF_PHASE;
		return false;
	}
	if (!te_value_into(&ts->fields[TF_OWNER].te, copy.owner, sizeof copy.owner) ||
	    !te_value_into(&ts->fields[TF_NOTE].te, copy.note, sizeof copy.note))
		return false;
	te_value_into(&ts->fields[TF_DONE].te, done, sizeof done);
	copy.done_on = (date){0, 0, 0};
	if (*text_trim(done)) {
		date_parse(done, &copy.done_on);
		copy.status = TASK_DONE;
	} else if (copy.status == TASK_DONE) {
		copy.status = TASK_IN_PROGRESS;
	}
	*out = save_task(a, &ts->seen, &copy);
	/* Refused because someone changed the task meanwhile: the form keeps
	 * what was typed, and a second Ctrl-S writes it over their change,
	 * knowingly. */
	if (out->kind == RES_UNUSED && (t = find_task(a, ts->id)))
		ts->seen = *t;
	return true;
}

static key_result task_key(screen *s, app *a, int action, int key)
{
	task_screen *t = (task_screen *)s;
	key_result out;

	if (action == ACT_QUIT)
		return result(RES_UNUSED);
	switch (form_screen_key(&t->form, a, key)) {
	case FORM_SUBMIT:
		/* A refused or failed save keeps the form and what was typed. */
		if (!task_save(t, a, &out) || out.kind == RES_UNUSED)
			return result(RES_NONE);
		return out.kind == RES_PUSH ? (key_result){RES_REPLACE, out.next}
					    : result(RES_POP);
	case FORM_CANCEL:
		return result(RES_POP);
	case FORM_NONE:
		break;
	}
	return result(RES_NONE);
}

static void task_destroy(screen *s)
{
	task_screen *t = (task_screen *)s;
	for (int i = 0; i < 5; i++)
		te_free(&t->fields[i].te);
	free(t);
}

static const screen_ops task_ops = {
	.title = PLAN_EDIT_TITLE,
	.keys = KEYTABLE(task_keys),
	.text_entry = true,
	.draw = task_draw,
	.handle_key = task_key,
	.destroy = task_destroy,
};

screen *screen_task_new(app *a, int64_t id)
{
	plan_task *t = find_task(a, id);
	task_screen *ts;
	char phase[8], done[16] = "";
	static const struct {
		msg_id label;
		field_kind kind;
		int rows;
		bool required;
		size_t max;
	} spec[5] = {
		{PLAN_F_TITLE, FIELD_TEXT, 1, true, TASK_TITLE_MAX},
		{PLAN_F_PHASE, FIELD_TEXT, 1, true, 1},
		{PLAN_F_OWNER, FIELD_TEXT, 1, false, TASK_OWNER_MAX},
		{PLAN_F_DONE, FIELD_PAST_DATE, 1, false, 10},
		{PLAN_F_NOTE, FIELD_TEXT, 4, false, TASK_NOTE_MAX},
	};
	const char *init[5];

	if (!t || !(ts = calloc(1, sizeof *ts)))
		return NULL;
	ts->base.ops = &task_ops;
	ts->id = id;
	ts->seen = *t;
	snprintf(phase, sizeof phase, "%d", t->phase);
	if (t->done_on.y)
		date_format(t->done_on, done, sizeof done);
	init[TF_TITLE] = t->title;
	init[TF_PHASE] = phase;
	init[TF_OWNER] = t->owner;
	init[TF_DONE] = done;
	init[TF_NOTE] = t->note;
	for (int i = 0; i < 5; i++) {
		form_field *f = &ts->fields[i];
		f->label = spec[i].label;
		f->kind = spec[i].kind;
		f->rows = spec[i].rows;
		f->required = spec[i].required;
		if (!te_init(&f->te, init[i], spec[i].rows > 1, spec[i].max)) {
			task_destroy(&ts->base);
			return NULL;
		}
	}
	form_init(&ts->form, ts->fields, 5, a->today);
	return &ts->base;
}
