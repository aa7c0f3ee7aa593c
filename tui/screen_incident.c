#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/store_incident.h"
#include "model/store_response.h"
#include "tui/app.h"
#include "tui/prompt.h"
#include "tui/response_ui.h"
#include "tui/screens.h"

/* The live incident log (§4.2): the unit's incidents; one incident with
 * the card's steps and their deadlines, and its log; the forms that
 * declare, log and close. Times are typed, "YYYY-MM-DD HH:MM", and
 * start as now (today at the wall clock's time). */

static bool wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_RESPONSE | PART_PLAN | PART_VERIFY);
}

static void time_text(const verify_time *t, char *out, size_t len)
{
	verify_format_time(t, out, len);
}

/* A time field's value; false (refused at the field) when it is not one. */
static bool read_time(form *f, form_field *fields, int i, verify_time *out)
{
	char buf[32];
	if (verify_parse_time(resp_field_text(fields, i, buf, sizeof buf), out))
		return true;
	return resp_form_refuse(f, INC_TIME_FORMAT, i);
}

/* ---- Declaring ---- */

enum { DF_SYSTEM, DF_LEVEL, DF_AT, DF_N };

typedef struct {
	screen base;
	form form;
	form_field fields[DF_N];
	const char *levels[RESP_LEVELS];
	char level_text[RESP_LEVELS][512];
	int64_t *opened; /* the incidents list opens what was declared */
} declare_form;

static void declare_draw(screen *s, app *a, rect b)
{
	declare_form *f = (declare_form *)s;
	draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(INC_DECLARE_TITLE));
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 4, b.w - 4}, a);
	draw_paragraph((rect){b.y + b.h - 2, b.x + 2, 2, b.w - 4}, 0, ROLE_DIM,
		       msg(f->form.focus == DF_LEVEL ? INC_HINT_LEVEL : INC_HINT_TIME));
}

static bool declare_save(screen *s, app *a)
{
	declare_form *f = (declare_form *)s;
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	verify_time at;
	int64_t version, id;

	if (!form_validate(&f->form) || !read_time(&f->form, f->fields, DF_AT, &at))
		return false;
	resp_field_text(f->fields, DF_SYSTEM, system, sizeof system);
	if (!wrote(a, store_card_sync(a->st, a->rep.unit.id, &a->q->response,
				      a->user, &version)) ||
	    !wrote(a, store_incident_declare(a->st, a->rep.unit.id, system,
					     (int)f->fields[DF_LEVEL].choice + 1, &at,
					     version, a->user, &id)))
		return false;
	*f->opened = id;
	return true;
}

static key_result declare_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((declare_form *)s)->form, a, action, key,
				  declare_save);
}

static void declare_destroy(screen *s)
{
	resp_fields_free(((declare_form *)s)->fields, DF_N);
	free(s);
}

static const screen_ops declare_ops = {
	.title = INC_TITLE,
	.keys = KEYTABLE(resp_form_keys),
	.text_entry = true,
	.draw = declare_draw,
	.handle_key = declare_key,
	.destroy = declare_destroy,
};

static screen *declare_new(app *a, int64_t *opened)
{
	static const msg_id labels[DF_N] = {INC_F_SYSTEM, INC_F_LEVEL,
					    INC_F_DECLARED};
	static const size_t max[DF_N] = {BIA_NAME_MAX, 0, 16};
	static const bool required[DF_N] = {true, false, true};
	declare_form *f = calloc(1, sizeof *f);
	resp_level levels[RESP_LEVELS];
	verify_time now = inc_now(a->today);
	char at[32];

	if (!f)
		return NULL;
	f->base.ops = &declare_ops;
	f->opened = opened;
	time_text(&now, at, sizeof at);
	if (store_response_levels(a->st, a->rep.unit.id, &a->q->response, levels))
		memcpy(levels, a->q->response.levels, sizeof levels);
	for (int i = 0; i < RESP_LEVELS; i++) {
		char label[512];
		resp_level_label(&levels[i], label, sizeof label);
		snprintf(f->level_text[i], sizeof f->level_text[i], "%s%s%s", label,
			 msg(RESP_SEP), levels[i].definition);
		f->levels[i] = f->level_text[i];
	}
	const char *init[DF_N] = {"", "", at};
	if (!resp_fields_init(f->fields, DF_N, labels, max, required, init)) {
		declare_destroy(&f->base);
		return NULL;
	}
	te_free(&f->fields[DF_LEVEL].te);
	if (!form_choice_init(&f->fields[DF_LEVEL], f->levels, RESP_LEVELS, 1)) {
		declare_destroy(&f->base);
		return NULL;
	}
	f->fields[DF_LEVEL].required = false;
	form_init(&f->form, f->fields, DF_N, a->today);
	return &f->base;
}

/* ---- An action or a decision ---- */

enum { NF_WHAT, NF_WHY, NF_AT, NF_N };

typedef struct {
	screen base;
	int64_t id;
	inc_kind kind;
	form form;
	form_field fields[NF_N];
} note_form;

static void note_draw(screen *s, app *a, rect b)
{
	note_form *f = (note_form *)s;
	draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING,
		  msg(f->kind == INC_DECISION ? INC_DECISION_TITLE : INC_ACTION_TITLE));
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 4, b.w - 4}, a);
	draw_paragraph((rect){b.y + b.h - 2, b.x + 2, 2, b.w - 4}, 0, ROLE_DIM,
		       msg(f->form.focus == NF_AT ? INC_HINT_TIME : INC_HINT_NOTE));
}

static bool note_save(screen *s, app *a)
{
	note_form *f = (note_form *)s;
	char what[TEXT_BYTES(INC_TEXT_MAX)], why[TEXT_BYTES(INC_TEXT_MAX)];
	verify_time at;

	if (!form_validate(&f->form) || !read_time(&f->form, f->fields, NF_AT, &at))
		return false;
	resp_field_text(f->fields, NF_WHAT, what, sizeof what);
	resp_field_text(f->fields, NF_WHY, why, sizeof why);
	return wrote(a, store_incident_note(a->st, f->id, f->kind, &at, what, why,
					    a->user));
}

static key_result note_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((note_form *)s)->form, a, action, key,
				  note_save);
}

static void note_destroy(screen *s)
{
	resp_fields_free(((note_form *)s)->fields, NF_N);
	free(s);
}

static const screen_ops note_ops = {
	.title = INC_TITLE,
	.keys = KEYTABLE(resp_form_keys),
	.text_entry = true,
	.draw = note_draw,
	.handle_key = note_key,
	.destroy = note_destroy,
};

static screen *note_new(app *a, int64_t id, inc_kind kind)
{
	static const msg_id labels[NF_N] = {INC_F_WHAT, INC_F_WHY, INC_F_AT};
	static const size_t max[NF_N] = {INC_TEXT_MAX, INC_TEXT_MAX, 16};
	static const bool required[NF_N] = {true, false, true};
	note_form *f = calloc(1, sizeof *f);
	verify_time now = inc_now(a->today);
	char at[32];
	if (!f)
		return NULL;
	f->base.ops = &note_ops;
	f->id = id;
	f->kind = kind;
	time_text(&now, at, sizeof at);
	const char *init[NF_N] = {"", "", at};
	if (!resp_fields_init(f->fields, NF_N, labels, max, required, init)) {
		note_destroy(&f->base);
		return NULL;
	}
	form_init(&f->form, f->fields, NF_N, a->today);
	return &f->base;
}

/* ---- Closing ---- */

enum { CF_RESTORED, CF_AT, CF_CAUSE, CF_LOSS, CF_IMPROVEMENTS, CF_N };

typedef struct {
	screen base;
	int64_t id;
	bool was_restored;
	form form;
	form_field fields[CF_N];
} close_form;

static void close_draw(screen *s, app *a, rect b)
{
	close_form *f = (close_form *)s;
	static const msg_id hints[CF_N] = {INC_HINT_TIME, INC_HINT_TIME,
					   INC_HINT_CAUSE, INC_HINT_LOSS,
					   INC_HINT_IMPROVEMENTS};
	draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(INC_CLOSE_TITLE));
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 4, b.w - 4}, a);
	draw_paragraph((rect){b.y + b.h - 2, b.x + 2, 2, b.w - 4}, 0, ROLE_DIM,
		       msg(hints[f->form.focus]));
}

static bool close_save(screen *s, app *a)
{
	close_form *f = (close_form *)s;
	char cause[TEXT_BYTES(INC_TEXT_MAX)], loss[TEXT_BYTES(INC_TEXT_MAX)];
	char imp[INC_MAX_IMPROVEMENTS][TEXT_BYTES(INC_IMPROVEMENT_MAX)];
	char *text;
	verify_time restored, at;
	size_t n;

	if (!form_validate(&f->form) ||
	    !read_time(&f->form, f->fields, CF_RESTORED, &restored) ||
	    !read_time(&f->form, f->fields, CF_AT, &at))
		return false;
	resp_field_text(f->fields, CF_CAUSE, cause, sizeof cause);
	resp_field_text(f->fields, CF_LOSS, loss, sizeof loss);
	if (!(text = te_value(&f->fields[CF_IMPROVEMENTS].te)))
		return false;
	n = inc_split_improvements(text, imp, INC_MAX_IMPROVEMENTS);
	free(text);
	if (!wrote(a, store_incident_close(a->st, f->id, &at,
					   f->was_restored ? NULL : &restored, loss,
					   cause, (const char (*)[TEXT_BYTES(
						   INC_IMPROVEMENT_MAX)])imp,
					   n, "emergency_plan", a->user)))
		return false;
	app_message(a, ROLE_OK, msg(INC_CLOSED_FMT), n);
	return true;
}

static key_result close_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((close_form *)s)->form, a, action, key,
				  close_save);
}

static void close_destroy(screen *s)
{
	resp_fields_free(((close_form *)s)->fields, CF_N);
	free(s);
}

static const screen_ops close_ops = {
	.title = INC_TITLE,
	.keys = KEYTABLE(resp_form_keys),
	.text_entry = true,
	.draw = close_draw,
	.handle_key = close_key,
	.destroy = close_destroy,
};

static screen *close_new(app *a, const incident *inc)
{
	static const msg_id labels[CF_N] = {INC_F_RESTORED, INC_F_CLOSED,
					    INC_F_CAUSE, INC_F_LOSS,
					    INC_F_IMPROVEMENTS};
	static const size_t max[CF_N] = {16, 16, INC_TEXT_MAX, INC_TEXT_MAX,
					 INC_TEXT_MAX};
	static const bool required[CF_N] = {true, true, true, false, false};
	close_form *f = calloc(1, sizeof *f);
	verify_time now = inc_now(a->today);
	char at[32], restored[32];
	if (!f)
		return NULL;
	f->base.ops = &close_ops;
	f->id = inc->id;
	f->was_restored = inc->restored;
	time_text(&now, at, sizeof at);
	time_text(inc->restored ? &inc->restored_at : &now, restored, sizeof restored);
	const char *init[CF_N] = {restored, at, "", "", ""};
	if (!resp_fields_init(f->fields, CF_N, labels, max, required, init)) {
		close_destroy(&f->base);
		return NULL;
	}
	/* The improvements, one a line; each becomes a task. */
	te_free(&f->fields[CF_IMPROVEMENTS].te);
	if (!te_init(&f->fields[CF_IMPROVEMENTS].te, "", true, INC_TEXT_MAX)) {
		close_destroy(&f->base);
		return NULL;
	}
	f->fields[CF_IMPROVEMENTS].rows = 4;
	f->fields[CF_CAUSE].rows = 1;
	form_init(&f->form, f->fields, CF_N, a->today);
	return &f->base;
}

/* ---- One incident ---- */

typedef struct {
	screen base;
	int64_t id;
	incident_record rec;
	resp_level levels[RESP_LEVELS];
	bool loaded;
	int cursor; /* a step of the card */
	int log_top;
} incident_screen;

enum { ACT_CHECK = ACT_USER, ACT_ACTION, ACT_DECISION, ACT_RESTORED, ACT_CLOSE,
       ACT_DECLARE, ACT_OPEN };

static const keybinding incident_keys[] = {
	NAV_BINDINGS,
	{{' ', 'x', 0}, "Space", NO_LABEL, HK_INC_CHECK, ACT_CHECK, true},
	{{'a', 0}, "a", NO_LABEL, HK_INC_ACTION, ACT_ACTION, true},
	{{'d', 0}, "d", NO_LABEL, HK_INC_DECISION, ACT_DECISION, true},
	{{'r', 0}, "r", NO_LABEL, HK_INC_RESTORED, ACT_RESTORED, false},
	{{'c', 0}, "c", NO_LABEL, HK_INC_CLOSE, ACT_CLOSE, false},
};

static void incident_reload(screen *s, app *a)
{
	incident_screen *is = (incident_screen *)s;
	moat_status st;
	if (is->loaded)
		incident_record_free(&is->rec);
	is->loaded = false;
	if ((st = store_incident_load(a->st, is->id, &is->rec)) ||
	    (st = store_response_levels(a->st, a->rep.unit.id, &a->q->response,
					is->levels))) {
		if (!st)
			incident_record_free(&is->rec);
		app_message(a, ROLE_BAD, msg(RESP_READ_FAILED_FMT), store_errmsg(a->st));
		return;
	}
	is->loaded = true;
}

/* How a step in this state is drawn. */
static draw_role step_role(step_status st)
{
	switch (st) {
	case STEP_LATE:
		return ROLE_BAD;
	case STEP_WAITING:
	case STEP_NO_LIMIT:
		return ROLE_DIM;
	case STEP_DONE:
		return ROLE_OK;
	case STEP_DONE_LATE:
		return ROLE_WARN;
	case STEP_OPEN:
		break;
	}
	return ROLE_NORMAL;
}

static void incident_draw(screen *s, app *a, rect b)
{
	incident_screen *is = (incident_screen *)s;
	const incident *inc = &is->rec.inc;
	const resp_reference *r = &a->q->response;
	inc_step_view v[RESP_MAX_STEPS];
	verify_time now = inc_now(a->today), next;
	char label[512], t[32], line[2048], state[512];
	int y, rows;

	if (!is->loaded)
		return;
	resp_level_label(&is->levels[inc->level - 1], label, sizeof label);
	time_text(&inc->declared, t, sizeof t);
	draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(INC_SCREEN_HEAD_FMT),
		   (long long)inc->id, inc->system, label, t);
	if (inc->closed) {
		time_text(&inc->closed_at, t, sizeof t);
		draw_textf(b.y + 1, b.x + 1, b.w - 2, ROLE_DIM, msg(INC_CLOSED_AT_FMT), t,
			   inc->root_cause, inc->data_loss[0] ? inc->data_loss : "—");
	} else if (inc->restored) {
		char span[64];
		int64_t m = 0;
		time_text(&inc->restored_at, t, sizeof t);
		verify_minutes_between(&inc->declared, &inc->restored_at, &m);
		bia_minutes_format(m, span, sizeof span);
		draw_textf(b.y + 1, b.x + 1, b.w - 2, ROLE_OK, msg(INC_RESTORED_AT_FMT),
			   t, span);
	} else if (inc_next_report(r, &is->rec, &now, &next)) {
		time_text(&next, t, sizeof t);
		draw_textf(b.y + 1, b.x + 1, b.w - 2, ROLE_WARN, msg(INC_NEXT_REPORT_FMT),
			   t);
	}
	inc_steps_view(r, &is->rec, &now, v);
	if (is->cursor >= (int)r->n_steps)
		is->cursor = (int)r->n_steps - 1;
	for (size_t i = 0; i < r->n_steps; i++) {
		bool sel = (int)i == is->cursor;
		draw_role role = step_role(v[i].status);
		inc_step_words(&v[i], state, sizeof state);
		y = b.y + 3 + (int)i;
		if (sel) {
			draw_fill(y, b.x, b.w, ROLE_SELECTED);
			draw_text(y, b.x, 1, ROLE_SELECTED, ">");
		}
		snprintf(line, sizeof line, "%s %zu %s", v[i].done ? "[x]" : "[ ]", i + 1,
			 v[i].step->title);
		draw_text(y, b.x + 2, 22, sel ? ROLE_SELECTED : ROLE_NORMAL, line);
		draw_text(y, b.x + 25, b.w - 26, sel ? ROLE_SELECTED : role, state);
	}
	y = b.y + 4 + (int)r->n_steps;
	draw_text(y, b.x + 1, b.w - 2, ROLE_HEADING, msg(INC_LOG_HEAD));
	rows = b.y + b.h - y - 1;
	/* The newest entries show; older ones scroll off the top. */
	int first = (int)is->rec.n_log > rows ? (int)is->rec.n_log - rows : 0;
	for (int k = 0; k < rows && first + k < (int)is->rec.n_log; k++) {
		const inc_entry *e = &is->rec.log[first + k];
		const resp_step *done = e->kind == INC_STEP ? resp_step_find(r, e->why)
							    : NULL;
		char why[TEXT_BYTES(INC_TEXT_MAX) + 64] = "";
		if (e->why[0] && e->kind != INC_STEP)
			snprintf(why, sizeof why, msg(INC_WHY_FMT), e->why);
		time_text(&e->at, t, sizeof t);
		snprintf(line, sizeof line, msg(INC_SCREEN_LOG_FMT), t + 11, e->who,
			 msg(inc_kind_msg(e->kind)), done ? done->title : e->what, why);
		draw_text(y + 1 + k, b.x + 2, b.w - 3,
			  e->kind == INC_DECISION ? ROLE_HEADING : ROLE_NORMAL, line);
	}
}

static screen *step_checked(app *a, void *ctx, const char *text)
{
	incident_screen *is = ctx;
	const resp_step *st = &a->q->response.steps[is->cursor];
	verify_time at;
	if (verify_parse_time(text, &at))
		wrote(a, store_incident_step(a->st, is->id, st->key, st->title, &at,
					     a->user));
	return NULL;
}

static screen *restored_at(app *a, void *ctx, const char *text)
{
	verify_time at;
	if (verify_parse_time(text, &at))
		wrote(a, store_incident_restored(a->st, *(int64_t *)ctx, &at, a->user));
	return NULL;
}

static msg_id time_check(app *a, void *ctx, const char *text)
{
	verify_time t;
	(void)a, (void)ctx;
	return verify_parse_time(text, &t) ? MSG__COUNT : INC_TIME_FORMAT;
}

static key_result incident_key(screen *s, app *a, int action, int key)
{
	incident_screen *is = (incident_screen *)s;
	verify_time now = inc_now(a->today);
	char q[1024], t[32];
	int64_t *ref;
	(void)key;

	if (!is->loaded)
		return result(RES_UNUSED);
	if (keymap_move(action, &is->cursor, (int)a->q->response.n_steps))
		return result(RES_NONE);
	time_text(&now, t, sizeof t);
	switch (action) {
	case ACT_CHECK:
		snprintf(q, sizeof q, msg(INC_CHECK_PROMPT_FMT),
			 a->q->response.steps[is->cursor].title);
		return push(prompt_checked(prompt_new(q, t, 16, INC_F_AT, step_checked,
						      is, false),
					   time_check));
	case ACT_ACTION:
		return push(note_new(a, is->id, INC_ACTION));
	case ACT_DECISION:
		return push(note_new(a, is->id, INC_DECISION));
	case ACT_RESTORED:
		if (!(ref = malloc(sizeof *ref)))
			return result(RES_NONE);
		*ref = is->id;
		return push(prompt_checked(prompt_new(msg(INC_RESTORED_PROMPT), t, 16,
						      INC_F_AT, restored_at, ref, true),
					   time_check));
	case ACT_CLOSE:
		return push(close_new(a, &is->rec.inc));
	}
	return result(RES_UNUSED);
}

static void incident_destroy(screen *s)
{
	incident_screen *is = (incident_screen *)s;
	if (is->loaded)
		incident_record_free(&is->rec);
	free(is);
}

static const screen_ops incident_ops = {
	.title = INC_TITLE,
	.keys = KEYTABLE(incident_keys),
	.draw = incident_draw,
	.handle_key = incident_key,
	.reload = incident_reload,
	.destroy = incident_destroy,
};

static screen *incident_new(app *a, int64_t id)
{
	incident_screen *is = calloc(1, sizeof *is);
	if (!is)
		return NULL;
	is->base.ops = &incident_ops;
	is->id = id;
	incident_reload(&is->base, a);
	return &is->base;
}

/* ---- The unit's incidents ---- */

typedef struct {
	screen base;
	incident *v;
	size_t n;
	int cursor, top;
	int64_t declared; /* set by the declaration form: opened on return */
} incidents_screen;

static const keybinding incidents_keys[] = {
	NAV_BINDINGS,
	{{'\n', '\r', KEY_FN(KEY_ENTER), 0}, "Enter", NO_LABEL, HK_INC_OPEN, ACT_OPEN,
	 true},
	{{'n', 0}, "n", NO_LABEL, HK_INC_DECLARE, ACT_DECLARE, true},
};

static void incidents_reload(screen *s, app *a)
{
	incidents_screen *l = (incidents_screen *)s;
	free(l->v);
	l->v = NULL;
	l->n = 0;
	if (store_incidents(a->st, a->rep.unit.id, &l->v, &l->n))
		app_message(a, ROLE_BAD, msg(RESP_READ_FAILED_FMT), store_errmsg(a->st));
	if (l->cursor >= (int)l->n)
		l->cursor = (int)l->n - 1;
	if (l->cursor < 0)
		l->cursor = 0;
}

static void incidents_draw(screen *s, app *a, rect b)
{
	incidents_screen *l = (incidents_screen *)s;
	int rows = b.h - 2;
	(void)a;

	draw_text(b.y, b.x + 2, 4, ROLE_HEADING, "#");
	draw_text(b.y, b.x + 6, 17, ROLE_HEADING, msg(INC_F_DECLARED));
	draw_text(b.y, b.x + 24, 5, ROLE_HEADING, msg(INC_F_LEVEL));
	draw_text(b.y, b.x + 30, 28, ROLE_HEADING, msg(INC_F_SYSTEM));
	draw_text(b.y, b.x + 59, b.w - 60, ROLE_HEADING, msg(INC_COL_STATE));
	if (!l->n) {
		draw_paragraph((rect){b.y + 2, b.x + 2, b.h - 3, b.w - 4}, 0, ROLE_DIM,
			       msg(INC_NONE));
		return;
	}
	l->top = layout_scroll(l->top, l->cursor, (int)l->n, rows);
	for (int r = 0; r < rows && l->top + r < (int)l->n; r++) {
		const incident *inc = &l->v[l->top + r];
		bool sel = l->top + r == l->cursor;
		draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
		char t[32];
		int y = b.y + 1 + r;
		if (sel) {
			draw_fill(y, b.x, b.w, ROLE_SELECTED);
			draw_text(y, b.x, 1, ROLE_SELECTED, ">");
		}
		time_text(&inc->declared, t, sizeof t);
		draw_textf(y, b.x + 2, 4, base, "%lld", (long long)inc->id);
		draw_text(y, b.x + 6, 17, base, t);
		draw_text(y, b.x + 24, 5, base, resp_level_roman(inc->level));
		draw_text(y, b.x + 30, 28, base, inc->system);
		draw_text(y, b.x + 59, b.w - 60, inc->closed || sel ? base : ROLE_WARN,
			  msg(inc->closed ? INC_STATE_CLOSED
				  : inc->restored ? INC_STATE_RESTORED : INC_STATE_OPEN));
	}
}

static key_result incidents_key(screen *s, app *a, int action, int key)
{
	incidents_screen *l = (incidents_screen *)s;
	(void)key;
	if (keymap_move(action, &l->cursor, (int)l->n))
		return result(RES_NONE);
	switch (action) {
	case ACT_DECLARE:
		l->declared = 0;
		return push(declare_new(a, &l->declared));
	case ACT_OPEN:
		if (l->n)
			return push(incident_new(a, l->v[l->cursor].id));
		break;
	}
	return result(RES_UNUSED);
}

/* Coming back from a declaration: the new incident is selected. */
static void incidents_reload_open(screen *s, app *a)
{
	incidents_screen *l = (incidents_screen *)s;
	incidents_reload(s, a);
	for (size_t i = 0; l->declared && i < l->n; i++)
		if (l->v[i].id == l->declared)
			l->cursor = (int)i;
}

static void incidents_destroy(screen *s)
{
	free(((incidents_screen *)s)->v);
	free(s);
}

static const screen_ops incidents_ops = {
	.title = INC_LIST_TITLE,
	.keys = KEYTABLE(incidents_keys),
	.draw = incidents_draw,
	.handle_key = incidents_key,
	.reload = incidents_reload_open,
	.destroy = incidents_destroy,
};

screen *screen_incidents_new(app *a)
{
	incidents_screen *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->base.ops = &incidents_ops;
	incidents_reload(&l->base, a);
	return &l->base;
}
