#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/item_choice.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* A write of the programme touches it alone. */
static bool plan_wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_PLAN);
}

/* The 90-day programme (§7): the three phases as a timeline across the
 * window with today marked, then each phase's heading with its tasks, each
 * task with its own bar over the 90 days, its owner, due date and status,
 * and overdue ones flagged beside the status. */
typedef struct {
	screen base;
	int cursor, top;   /* rows of the list: headings and tasks */
	int64_t cur_task;  /* the task under the cursor, 0 on a heading */
} plan_screen;

/* A row of the task list: a phase's heading (task -1) or one of its
 * tasks (an index into the agenda's tasks). */
typedef struct {
	int phase;
	int task;
} plan_row;

static int row_count(const agenda *g)
{
	return (int)g->n_tasks + PLAN_PHASES;
}

static plan_row row_at(const agenda *g, int r)
{
	int row = 0;
	for (int ph = 1; ph <= PLAN_PHASES; ph++) {
		if (row++ == r)
			return (plan_row){ph, -1};
		for (size_t i = 0; i < g->n_tasks; i++)
			if (g->tasks[i].phase == ph && row++ == r)
				return (plan_row){ph, (int)i};
	}
	return (plan_row){PLAN_PHASES, -1};
}

static int row_of_task(const agenda *g, int64_t id);

/* A cursor not placed yet goes to the task asked for, else to the first
 * task, where there is one. */
static void place_cursor(plan_screen *p, const agenda *g)
{
	plan_row first = row_at(g, 1);
	int asked = p->cur_task ? row_of_task(g, p->cur_task) : -1;
	if (p->cursor >= 0)
		return;
	if (asked >= 0) {
		p->cursor = asked;
		return;
	}
	p->cursor = first.task >= 0 ? 1 : 0;
	p->cur_task = first.task >= 0 ? g->tasks[first.task].id : 0;
}

/* The row of task id, or -1. */
static int row_of_task(const agenda *g, int64_t id)
{
	for (int r = 0; r < row_count(g); r++) {
		plan_row pr = row_at(g, r);
		if (pr.task >= 0 && g->tasks[pr.task].id == id)
			return r;
	}
	return -1;
}

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

static draw_role status_role(const plan_task *t)
{
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
	/* Phase names take a quarter of what a window wider than 80
	 * columns adds. */
	int lw = 24 + (w > 78 ? (w - 78) / 4 : 0), bw = w - lw - 8, bx = x + lw;
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

/* Columns of the widest task status in the current language. */
static int status_width(void)
{
	int w = 0;
	for (int i = 0; i < TASK_STATUS_COUNT; i++)
		if (text_width(plan_status_text((task_status)i)) > w)
			w = text_width(plan_status_text((task_status)i));
	return w;
}

static void draw_task(const agenda *g, app *a, const plan_task *t, int y,
		      rect b, bool sel)
{
	draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
	bool overdue = task_overdue(t, a->today);
	/* The bar grows with the window; the title takes what is left. The
	 * status always shows, and beside it whether the task is overdue. */
	int bw = b.w >= 110 ? 36 : 12, bx = b.x + b.w - bw - 1, x = b.x + 4;
	int sw = status_width(), fw = text_width(msg(PLAN_OVERDUE));
	int tw = bx - x - (9 + 6 + sw + 1 + fw + 2), ox = x + tw + 1, dx = ox + 9;
	int sx = dx + 6, fx = sx + sw + 1;
	long from = (t->phase - 1) * 30 + 1, to = t->phase * 30;
	char due[8];

	if (sel) {
		draw_fill(y, b.x, b.w, ROLE_SELECTED);
		draw_text(y, b.x, 1, ROLE_SELECTED, ">");
	}
	snprintf(due, sizeof due, "%02d-%02d", t->due.m, t->due.d);
	draw_text(y, x, tw, base, t->title);
	draw_text(y, ox, 8, base, t->owner[0] ? t->owner : "—");
	draw_text(y, dx, 5, sel ? base : overdue ? ROLE_BAD : ROLE_NORMAL, due);
	draw_text(y, sx, sw, sel ? base : status_role(t),
		  plan_status_text(t->status));
	if (overdue)
		draw_text(y, fx, fw, sel ? base : ROLE_BAD, msg(PLAN_OVERDUE));
	/* The task's own bar over the 90 days, today as a line. */
	for (int c = 0; c < bw; c++) {
		long d0 = (long)c * PLAN_DAYS / bw + 1;
		bool in = d0 >= from && d0 <= to;
		bool today = g->progress.day >= 1 && day_col(g->progress.day, bw) == c;
		draw_text(y, bx + c, 1,
			  today ? ROLE_KEY : in ? (overdue ? ROLE_BAD : status_role(t)) : ROLE_DIM,
			  today ? "|" : in ? (t->status == TASK_DONE ? "█" : "▒") : "·");
	}
}

/* A phase's heading in the list: its name, due date and progress. */
static void draw_phase_row(const agenda *g, app *a, int ph, int y, rect b,
			   bool sel)
{
	char due[16];
	date_format(plan_phase_due(g->start, ph), due, sizeof due);
	if (sel) {
		draw_fill(y, b.x, b.w, ROLE_SELECTED);
		draw_text(y, b.x, 1, ROLE_SELECTED, ">");
	}
	draw_textf(y, b.x + 2, b.w - 3, sel ? ROLE_SELECTED : ROLE_HEADING,
		   msg(PLAN_PHASE_ROW_FMT), ph,
		   a->q->phase_names[ph - 1] ? a->q->phase_names[ph - 1] : "", due,
		   g->progress.phase_done[ph - 1], g->progress.phase_total[ph - 1]);
}

static void plan_draw(screen *s, app *a, rect b)
{
	plan_screen *p = (plan_screen *)s;
	const agenda *g = app_plan(a);
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
	place_cursor(p, g);
	list_y = b.y + 7;
	list_h = b.h - 7;
	p->top = layout_scroll(p->top, p->cursor, row_count(g), list_h);
	for (int i = 0; i < list_h && p->top + i < row_count(g); i++) {
		plan_row r = row_at(g, p->top + i);
		bool sel = p->top + i == p->cursor;
		if (r.task < 0)
			draw_phase_row(g, a, r.phase, list_y + i, b, sel);
		else
			draw_task(g, a, &g->tasks[r.task], list_y + i, b, sel);
	}
}

/* Writes t and, when it has just been done and advances a checklist item
 * that is not done, offers to mark that item done too. */
static screen *offer_item_confirmed(app *a, void *ctx, bool yes)
{
	char *item = ctx;
	if (yes)
		app_wrote_parts(a, store_state_set(a->st, a->assessment_id, item,
						   ITEM_DONE, a->user),
				PART_REPORT);
	return NULL;
}

/* RES_UNUSED when the write failed (the message says why). */
static key_result save_task(app *a, const plan_task *seen, const plan_task *t)
{
	int idx;
	char q[300];
	task_status was = seen->status;

	if (!plan_wrote(a, store_task_change(a->st, seen, t, a->today, a->user)))
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
	plan_wrote(a, store_programme_start(a->st, a->rep.unit.id, a->q, start,
					   date_add_days(start, PLAN_DAYS),
					   a->user, &id));
	return NULL;
}

/* A task being added: to which phase, from which screen (below the
 * prompt), so the cursor can go to it. */
typedef struct {
	plan_screen *p;
	int phase;
} task_add;

static screen *title_given(app *a, void *ctx, const char *text)
{
	task_add *t = ctx;
	int64_t id;
	int row;
	if (*text &&
	    plan_wrote(a, store_task_add(a->st, app_plan(a)->programme_id,
					 t->phase, text, "", a->user, &id)) &&
	    (row = row_of_task(app_plan(a), id)) >= 0) {
		t->p->cursor = row;
		t->p->cur_task = id;
	}
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
	agenda *g = app_plan(a);
	for (size_t i = 0; i < g->n_tasks; i++)
		if (g->tasks[i].id == id)
			return &g->tasks[i];
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
	plan_wrote(a, store_task_change(a->st, &r->seen, &copy, a->today, a->user));
	return NULL;
}

static screen *delete_confirmed(app *a, void *ctx, bool yes)
{
	task_ref *r = ctx;
	if (yes)
		plan_wrote(a, store_task_delete(a->st, r->id, a->user));
	return NULL;
}

static key_result plan_key(screen *s, app *a, int action, int key)
{
	plan_screen *p = (plan_screen *)s;
	agenda *g = app_plan(a);
	plan_task *t, copy;
	plan_row here;
	task_ref *ref;
	char buf[300], today[16];

	(void)key;
	if (!g->has_programme) {
		if (action == ACT_CYCLE || action == ACT_EDIT || action == ACT_ADD ||
		    action == ACT_OWNER || action == ACT_DELETE) {
			app_message(a, ROLE_WARN, "%s", msg(PLAN_START_FIRST));
			return result(RES_NONE);
		}
		if (action != ACT_START)
			return result(RES_UNUSED);
		date_format(a->today, today, sizeof today);
		return push(prompt_checked(prompt_new(msg(PLAN_START_PROMPT), today,
						      10, FIELD_START, start_given,
						      NULL, false),
					   start_check));
	}
	if (action == ACT_START) {
		date_format(g->start, today, sizeof today);
		app_message(a, ROLE_WARN, msg(PLAN_STARTED_ON_FMT), today);
		return result(RES_NONE);
	}
	place_cursor(p, g);
	if (keymap_move(action, &p->cursor, row_count(g))) {
		plan_row r = row_at(g, p->cursor);
		p->cur_task = r.task >= 0 ? g->tasks[r.task].id : 0;
		return result(RES_NONE);
	}
	here = row_at(g, p->cursor);
	if (action == ACT_ADD) {
		/* Into the phase of the row: its heading or one of its tasks. */
		task_add *add = malloc(sizeof *add);
		if (!add)
			return result(RES_NONE);
		add->p = p;
		add->phase = here.phase;
		snprintf(buf, sizeof buf, msg(PLAN_TASK_PROMPT_FMT), here.phase,
			 a->q->phase_names[here.phase - 1]
				 ? a->q->phase_names[here.phase - 1] : "");
		return push(prompt_checked(prompt_new(buf, NULL, TASK_TITLE_MAX,
						      PLAN_F_TITLE, title_given,
						      add, true),
					   prompt_required));
	}
	if (here.task < 0) {
		/* Keys about a task, on a phase's heading: say where they work. */
		if (action == ACT_CYCLE || action == ACT_EDIT ||
		    action == ACT_OWNER || action == ACT_DELETE) {
			app_message(a, ROLE_WARN, "%s", msg(PLAN_ON_HEADING));
			return result(RES_NONE);
		}
		return result(RES_UNUSED);
	}
	t = &g->tasks[here.task];
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
	/* The cursor stays on its task when rows come and go around it. */
	int row = p->cur_task ? row_of_task(app_plan(a), p->cur_task) : -1;
	if (p->cursor < 0)
		return;
	if (row >= 0)
		p->cursor = row;
	if (p->cursor >= row_count(app_plan(a)))
		p->cursor = row_count(app_plan(a)) - 1;
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
	p->cursor = -1; /* placed when the tasks are first seen */
	return &p->base;
}

screen *screen_plan_new_at(int64_t task_id)
{
	screen *s = screen_plan_new();
	if (s)
		((plan_screen *)s)->cur_task = task_id;
	return s;
}

/* The task form: title, phase, owner, status, done date, the checklist
 * item the task advances, note. */
typedef struct {
	screen base;
	int64_t id;
	form form;
	form_field fields[7];
	plan_task seen; /* the task when the form opened */
	size_t status_was; /* the status chosen before the last key */
	const char *status_opts[TASK_STATUS_COUNT];
	item_choice items;
} task_screen;

enum { TF_TITLE, TF_PHASE, TF_OWNER, TF_STATUS, TF_DONE, TF_ITEM, TF_NOTE, TF_COUNT };

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

/* Refuses the form at field f for reason why. */
static bool refuse(task_screen *ts, int f, msg_id why)
{
	ts->form.error = why;
	ts->form.error_field = (size_t)f;
	ts->form.focus = (size_t)f;
	return false;
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
	if (copy.phase < 1 || copy.phase > PLAN_PHASES)
		return refuse(ts, TF_PHASE, PLAN_ERR_PHASE);
	if (!te_value_into(&ts->fields[TF_OWNER].te, copy.owner, sizeof copy.owner) ||
	    !te_value_into(&ts->fields[TF_NOTE].te, copy.note, sizeof copy.note))
		return false;
	copy.status = (task_status)ts->fields[TF_STATUS].choice;
	te_value_into(&ts->fields[TF_DONE].te, done, sizeof done);
	copy.done_on = (date){0, 0, 0};
	/* A done date belongs to a done task; a done task without one is
	 * done today (the store fills it in). */
	if (*text_trim(done)) {
		if (copy.status != TASK_DONE)
			return refuse(ts, TF_DONE, PLAN_ERR_DONE_ONLY);
		date_parse(done, &copy.done_on);
	}
	snprintf(copy.item, sizeof copy.item, "%s",
		 item_choice_key(&ts->fields[TF_ITEM], a->q));
	*out = save_task(a, &ts->seen, &copy);
	/* Refused because someone changed the task meanwhile: the form keeps
	 * what was typed, and a second Ctrl-S writes it over their change,
	 * knowingly. */
	if (out->kind == RES_UNUSED && (t = find_task(a, ts->id)))
		ts->seen = *t;
	return true;
}

/* After the status was chosen: done brings today's date into an empty
 * "done on", anything else takes the date away. */
static void status_chosen(task_screen *ts, app *a)
{
	size_t now = ts->fields[TF_STATUS].choice;
	textedit *te = &ts->fields[TF_DONE].te;
	char today[16];

	if (now == ts->status_was)
		return;
	if (now == TASK_DONE && te->len == 0) {
		date_format(a->today, today, sizeof today);
		te_set(te, today);
	} else if (now != TASK_DONE) {
		te_clear(te);
	}
	ts->status_was = now;
}

static key_result task_key(screen *s, app *a, int action, int key)
{
	task_screen *t = (task_screen *)s;
	key_result out;
	form_result r;

	if (action == ACT_QUIT)
		return result(RES_UNUSED);
	r = form_screen_key(&t->form, a, key);
	status_chosen(t, a);
	switch (r) {
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
	for (int i = 0; i < TF_COUNT; i++)
		te_free(&t->fields[i].te);
	item_choice_free(&t->items);
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

/* The options of the status and item choices, the item's chosen. */
static bool fill_choices(task_screen *ts, app *a, const plan_task *t)
{
	form_field *st = &ts->fields[TF_STATUS];

	for (int i = 0; i < TASK_STATUS_COUNT; i++)
		ts->status_opts[i] = plan_status_text((task_status)i);
	st->options = ts->status_opts;
	st->n_options = TASK_STATUS_COUNT;
	st->choice = (size_t)t->status < TASK_STATUS_COUNT ? (size_t)t->status : 0;
	ts->status_was = st->choice;
	te_free(&ts->fields[TF_ITEM].te);
	return item_choice_init(&ts->items, &ts->fields[TF_ITEM], a->q, t->item);
}

screen *screen_task_new(app *a, int64_t id)
{
	plan_task *t = find_task(a, id);
	task_screen *ts;
	char phase[8], done[16] = "";
	static const form_spec spec[TF_COUNT] = {
		{PLAN_F_TITLE, FIELD_TEXT, 1, true, TASK_TITLE_MAX},
		{PLAN_F_PHASE, FIELD_TEXT, 1, true, 1},
		{PLAN_F_OWNER, FIELD_TEXT, 1, false, TASK_OWNER_MAX},
		{PLAN_F_STATUS, FIELD_CHOICE, 1, false, 0},
		{PLAN_F_DONE, FIELD_PAST_DATE, 1, false, 10},
		{PLAN_F_ITEM, FIELD_CHOICE, 1, false, 0},
		{PLAN_F_NOTE, FIELD_TEXT, 4, false, TASK_NOTE_MAX},
	};
	const char *init[TF_COUNT] = {0};

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
	for (int i = 0; i < TF_COUNT; i++) {
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
	if (!fill_choices(ts, a, t)) {
		task_destroy(&ts->base);
		return NULL;
	}
	form_init(&ts->form, ts->fields, TF_COUNT, a->today);
	return &ts->base;
}
