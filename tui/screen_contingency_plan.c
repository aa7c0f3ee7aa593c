#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/store_contingency.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/prompt.h"
#include "tui/response_ui.h"
#include "tui/screens.h"

/* One business contingency plan: its facts, steps (added, edited, moved,
 * deleted), the simplified process, the notice, the form's columns and,
 * when it changed since its approval, the difference of its steps; the
 * forms that edit it, approve and review it; the columns; the paper form
 * as it prints. */

static bool wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_RESPONSE);
}

/* A duration field's text: "" when none. */
static void duration_text(int64_t m, char *out, size_t len)
{
	if (m < 0)
		out[0] = '\0';
	else
		bia_minutes_format(m, out, len);
}

/* A duration typed (empty: none); false when it is not one. */
static bool duration_of(const char *text, int64_t *m)
{
	if (!*text) {
		*m = CONT_NONE;
		return true;
	}
	return bia_minutes_parse(text, m) == ST_OK && *m >= 0 &&
	       *m <= BIA_MAX_MINUTES;
}

typedef struct {
	msg_id label;
	int rows;
	bool required;
	size_t max;
} field_spec;

static bool fields_init(form_field *f, int n, const field_spec *spec,
			const char *const *init)
{
	for (int i = 0; i < n; i++) {
		f[i].label = spec[i].label;
		f[i].kind = FIELD_TEXT;
		f[i].rows = spec[i].rows;
		f[i].required = spec[i].required;
		if (!te_init(&f[i].te, init[i], spec[i].rows > 1, spec[i].max))
			return false;
	}
	return true;
}

/* ---- The plan's own fields ---- */

enum { PF_SYSTEM, PF_SCENARIO, PF_OUTAGE, PF_TRIGGER, PF_SIMPLIFIED,
       PF_NOTICE, PF_BACKENTRY, PF_N };

typedef struct {
	screen base;
	cont_plan seen;
	form form;
	form_field fields[PF_N];
} plan_form;

static void plan_form_draw(screen *s, app *a, rect b)
{
	plan_form *f = (plan_form *)s;
	size_t at = f->form.focus;
	draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(CONT_EDIT_PLAN_FMT),
		   f->seen.system);
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 4, b.w - 4}, a);
	draw_text(b.y + b.h - 1, b.x + 2, b.w - 4, ROLE_DIM,
		  msg(at == PF_OUTAGE || at == PF_BACKENTRY ? CONT_HINT_DURATION
		      : at == PF_SIMPLIFIED || at == PF_NOTICE ? CONT_HINT_LINES
							       : CONT_HINT_TEXT));
}

static bool plan_form_save(screen *s, app *a)
{
	plan_form *f = (plan_form *)s;
	cont_plan p = f->seen;
	char buf[BIA_DURATION_TEXT_MAX + 1];
	int64_t id;

	if (!form_validate(&f->form))
		return false;
	resp_field_text(f->fields, PF_SYSTEM, p.system, sizeof p.system);
	resp_field_text(f->fields, PF_SCENARIO, p.scenario, sizeof p.scenario);
	resp_field_text(f->fields, PF_TRIGGER, p.trigger, sizeof p.trigger);
	resp_field_text(f->fields, PF_SIMPLIFIED, p.simplified, sizeof p.simplified);
	resp_field_text(f->fields, PF_NOTICE, p.notice, sizeof p.notice);
	if (!duration_of(resp_field_text(f->fields, PF_OUTAGE, buf, sizeof buf),
			 &p.outage))
		return resp_form_refuse(&f->form, CONT_DURATION_BAD, PF_OUTAGE);
	if (!duration_of(resp_field_text(f->fields, PF_BACKENTRY, buf, sizeof buf),
			 &p.backentry))
		return resp_form_refuse(&f->form, CONT_DURATION_BAD, PF_BACKENTRY);
	return wrote(a, store_cont_save(a->st, a->rep.unit.id, &p, a->user, &id));
}

static key_result plan_form_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((plan_form *)s)->form, a, action, key,
				  plan_form_save);
}

static void plan_form_destroy(screen *s)
{
	resp_fields_free(((plan_form *)s)->fields, PF_N);
	free(s);
}

static const screen_ops plan_form_ops = {
	.title = CONT_PLAN_TITLE,
	.keys = KEYTABLE(resp_form_keys),
	.text_entry = true,
	.draw = plan_form_draw,
	.handle_key = plan_form_key,
	.destroy = plan_form_destroy,
};

static screen *plan_form_new(app *a, const cont_plan *p)
{
	static const field_spec spec[PF_N] = {
		{CONT_F_SYSTEM, 1, true, BIA_NAME_MAX},
		{CONT_F_SCENARIO, 1, false, CONT_TEXT_MAX},
		{CONT_F_OUTAGE, 1, false, 40},
		{CONT_F_TRIGGER, 1, false, CONT_TEXT_MAX},
		{CONT_F_SIMPLIFIED, 3, false, CONT_LONG_MAX},
		{CONT_F_NOTICE, 2, false, CONT_LONG_MAX},
		{CONT_F_BACKENTRY, 1, false, 40},
	};
	plan_form *f = calloc(1, sizeof *f);
	char outage[64], back[64];
	if (!f)
		return NULL;
	f->base.ops = &plan_form_ops;
	f->seen = *p;
	duration_text(p->outage, outage, sizeof outage);
	duration_text(p->backentry, back, sizeof back);
	const char *init[PF_N] = {p->system, p->scenario, outage, p->trigger,
				  p->simplified, p->notice, back};
	if (!fields_init(f->fields, PF_N, spec, init)) {
		plan_form_destroy(&f->base);
		return NULL;
	}
	form_init(&f->form, f->fields, PF_N, a->today);
	return &f->base;
}

/* ---- A step ---- */

enum { SF_TITLE, SF_LIMIT, SF_ROLE, SF_DETAIL, SF_N };

typedef struct {
	screen base;
	int64_t plan_id;
	cont_step seen; /* id 0: a new step */
	int number;
	form form;
	form_field fields[SF_N];
} step_form;

static void step_form_draw(screen *s, app *a, rect b)
{
	step_form *f = (step_form *)s;
	if (f->seen.id)
		draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(CONT_EDIT_STEP_FMT),
			   f->number);
	else
		draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(CONT_NEW_STEP));
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 4, b.w - 4}, a);
	draw_text(b.y + b.h - 1, b.x + 2, b.w - 4, ROLE_DIM,
		  msg(f->form.focus == SF_LIMIT ? CONT_HINT_DURATION
		      : f->form.focus == SF_DETAIL ? CONT_HINT_LINES : CONT_HINT_TEXT));
}

static bool step_form_save(screen *s, app *a)
{
	step_form *f = (step_form *)s;
	cont_step st = f->seen;
	char buf[BIA_DURATION_TEXT_MAX + 1];
	int64_t id;

	if (!form_validate(&f->form))
		return false;
	resp_field_text(f->fields, SF_TITLE, st.title, sizeof st.title);
	resp_field_text(f->fields, SF_ROLE, st.role, sizeof st.role);
	resp_field_text(f->fields, SF_DETAIL, st.detail, sizeof st.detail);
	if (!duration_of(resp_field_text(f->fields, SF_LIMIT, buf, sizeof buf),
			 &st.minutes))
		return resp_form_refuse(&f->form, CONT_DURATION_BAD, SF_LIMIT);
	return wrote(a, store_cont_step_save(a->st, f->plan_id, &st, a->user, &id));
}

static key_result step_form_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((step_form *)s)->form, a, action, key,
				  step_form_save);
}

static void step_form_destroy(screen *s)
{
	resp_fields_free(((step_form *)s)->fields, SF_N);
	free(s);
}

static const screen_ops step_form_ops = {
	.title = CONT_PLAN_TITLE,
	.keys = KEYTABLE(resp_form_keys),
	.text_entry = true,
	.draw = step_form_draw,
	.handle_key = step_form_key,
	.destroy = step_form_destroy,
};

static screen *step_form_new(app *a, int64_t plan_id, const cont_step *st,
			     int number)
{
	static const field_spec spec[SF_N] = {
		{CONT_F_TITLE, 1, true, CONT_TEXT_MAX},
		{CONT_F_LIMIT, 1, false, 40},
		{CONT_F_ROLE, 1, false, CONT_TEXT_MAX},
		{CONT_F_DETAIL, 5, false, CONT_LONG_MAX},
	};
	step_form *f = calloc(1, sizeof *f);
	char limit[64];
	if (!f)
		return NULL;
	f->base.ops = &step_form_ops;
	f->plan_id = plan_id;
	f->number = number;
	if (st)
		f->seen = *st;
	else
		f->seen.minutes = CONT_NONE;
	duration_text(f->seen.minutes, limit, sizeof limit);
	const char *init[SF_N] = {f->seen.title, limit, f->seen.role, f->seen.detail};
	if (!fields_init(f->fields, SF_N, spec, init)) {
		step_form_destroy(&f->base);
		return NULL;
	}
	form_init(&f->form, f->fields, SF_N, a->today);
	return &f->base;
}

/* ---- Approving ---- */

enum { AF_APPROVER, AF_DAY, AF_N };

typedef struct {
	screen base;
	int64_t plan_id, next;
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	form form;
	form_field fields[AF_N];
} approve_form;

static void approve_draw(screen *s, app *a, rect b)
{
	approve_form *f = (approve_form *)s;
	draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(CONT_APPROVE_TITLE_FMT),
		   f->system, (long long)f->next);
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 4, b.w - 4}, a);
	draw_paragraph((rect){b.y + b.h - 2, b.x + 2, 2, b.w - 4}, 0, ROLE_DIM,
		       msg(CONT_HINT_APPROVER));
}

static bool approve_save(screen *s, app *a)
{
	approve_form *f = (approve_form *)s;
	char who[TEXT_BYTES(CONT_NAME_MAX)], buf[32];
	date d;
	int64_t v;

	if (!form_validate(&f->form))
		return false;
	resp_field_text(f->fields, AF_APPROVER, who, sizeof who);
	if (!date_parse(resp_field_text(f->fields, AF_DAY, buf, sizeof buf), &d))
		return resp_form_refuse(&f->form, FORM_ERR_DATE, AF_DAY);
	if (!wrote(a, store_cont_approve(a->st, f->plan_id, who, d, a->today, a->user,
					 &v)))
		return false;
	app_message(a, ROLE_OK, msg(CONT_APPROVED_MSG_FMT), (long long)v);
	return true;
}

static key_result approve_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((approve_form *)s)->form, a, action, key,
				  approve_save);
}

static void approve_destroy(screen *s)
{
	resp_fields_free(((approve_form *)s)->fields, AF_N);
	free(s);
}

static const screen_ops approve_ops = {
	.title = CONT_PLAN_TITLE,
	.keys = KEYTABLE(resp_form_keys),
	.text_entry = true,
	.draw = approve_draw,
	.handle_key = approve_key,
	.destroy = approve_destroy,
};

static screen *approve_new(app *a, const cont_record *r)
{
	static const field_spec spec[AF_N] = {
		{CONT_F_APPROVER, 1, true, CONT_NAME_MAX},
		{CONT_F_APPROVED_ON, 1, true, 10},
	};
	approve_form *f = calloc(1, sizeof *f);
	char day[16];
	if (!f)
		return NULL;
	f->base.ops = &approve_ops;
	f->plan_id = r->plan.id;
	f->next = r->approved.version + 1;
	snprintf(f->system, sizeof f->system, "%s", r->plan.system);
	date_format(a->today, day, sizeof day);
	const char *init[AF_N] = {"", day};
	if (!fields_init(f->fields, AF_N, spec, init)) {
		approve_destroy(&f->base);
		return NULL;
	}
	f->fields[AF_DAY].kind = FIELD_PAST_DATE;
	form_init(&f->form, f->fields, AF_N, a->today);
	return &f->base;
}

/* ---- A text that scrolls: the paper form, the difference ---- */

typedef struct {
	screen base;
	msg_id title;
	char *text;
	char hint[512];
	int top;
} text_screen;

static const keybinding text_keys[] = {NAV_BINDINGS};

static void text_draw(screen *s, app *a, rect b)
{
	text_screen *t = (text_screen *)s;
	const char *p = t->text ? t->text : "";
	int line = 0, rows = b.h - 1;
	(void)a;

	for (; *p; line++) {
		size_t len = strcspn(p, "\n");
		if (line >= t->top && line - t->top < rows) {
			char buf[2048];
			draw_role role = ROLE_NORMAL;
			snprintf(buf, sizeof buf, "%.*s", (int)len, p);
			if (t->title == CONT_DIFF_TITLE && line > 0)
				role = buf[0] == '+' ? ROLE_OK : buf[0] == '-' ? ROLE_BAD
									 : ROLE_NORMAL;
			draw_text(b.y + line - t->top, b.x, b.w, role, buf);
		}
		p += len + (p[len] == '\n');
	}
	if (t->top > line - rows)
		t->top = line - rows > 0 ? line - rows : 0;
	draw_text(b.y + b.h - 1, b.x + 1, b.w - 2, ROLE_DIM, t->hint);
}

static key_result text_key(screen *s, app *a, int action, int key)
{
	(void)a, (void)key;
	/* The draw brings the last line up to the bottom. */
	if (keymap_scroll(action, &((text_screen *)s)->top, 1 << 20))
		return result(RES_NONE);
	return result(RES_UNUSED);
}

static void text_destroy(screen *s)
{
	free(((text_screen *)s)->text);
	free(s);
}

static const screen_ops preview_ops = {
	.title = CONT_FORM_TITLE,
	.keys = KEYTABLE(text_keys),
	.draw = text_draw,
	.handle_key = text_key,
	.destroy = text_destroy,
};

static const screen_ops diff_ops = {
	.title = CONT_DIFF_TITLE,
	.keys = KEYTABLE(text_keys),
	.draw = text_draw,
	.handle_key = text_key,
	.destroy = text_destroy,
};

static screen *text_new(const screen_ops *ops, msg_id title, char *text)
{
	text_screen *t = calloc(1, sizeof *t);
	if (!t) {
		free(text);
		return NULL;
	}
	t->base.ops = ops;
	t->title = title;
	t->text = text;
	return &t->base;
}

/* The form of r as it prints today. */
static screen *preview_new(app *a, const cont_record *r)
{
	cont_form f = {a->rep.unit.name, r->plan.system, r->approved.version,
		       r->approved.approved_on, a->today, r->columns, r->n_columns,
		       CONT_FORM_ROWS, r->plan.backentry};
	char *text = NULL, cmd[512];
	text_screen *t;
	if (cont_form_text(&f, &text))
		return NULL;
	if (!(t = (text_screen *)text_new(&preview_ops, CONT_FORM_TITLE, text)))
		return NULL;
	snprintf(cmd, sizeof cmd, "moat form --system '%s'", r->plan.system);
	snprintf(t->hint, sizeof t->hint, msg(CONT_PREVIEW_HINT_FMT), cmd);
	return &t->base;
}

/* ---- The form's columns ---- */

typedef struct {
	screen base;
	int64_t plan_id;
	cont_column cols[CONT_MAX_COLUMNS];
	size_t n;
	int cursor;
} columns_screen;

enum { ACT_OPEN = ACT_USER, ACT_ADD, ACT_DELETE, ACT_STEP_UP, ACT_STEP_DOWN,
       ACT_EDIT_PLAN, ACT_APPROVE, ACT_REVIEW, ACT_COLUMNS, ACT_PREVIEW,
       ACT_DIFF, ACT_RESET };

static const keybinding columns_keys[] = {
	NAV_BINDINGS,
	{{'\n', '\r', KEY_FN(KEY_ENTER), 0}, "Enter", NO_LABEL, HK_CONT_COL_RENAME,
	 ACT_OPEN, true},
	{{'a', 0}, "a", NO_LABEL, HK_CONT_COL_ADD, ACT_ADD, true},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_CONT_COL_DELETE, ACT_DELETE, true},
	{{'K', 0}, "K", NO_LABEL, HK_CONT_COL_UP, ACT_STEP_UP, true},
	{{'J', 0}, "J", NO_LABEL, HK_CONT_COL_DOWN, ACT_STEP_DOWN, true},
	{{'r', 0}, "r", NO_LABEL, HK_CONT_COL_RESET, ACT_RESET, false},
};

static void columns_reload(screen *s, app *a)
{
	columns_screen *c = (columns_screen *)s;
	cont_record r;
	c->n = 0;
	if (store_cont_load(a->st, c->plan_id, &r)) {
		app_message(a, ROLE_BAD, msg(CONT_READ_FAILED_FMT), store_errmsg(a->st));
		return;
	}
	for (size_t i = 0; i < r.n_columns && i < CONT_MAX_COLUMNS; i++)
		memcpy(c->cols[c->n++], r.columns[i], sizeof(cont_column));
	cont_record_free(&r);
	if (c->cursor >= (int)c->n)
		c->cursor = (int)c->n - 1;
	if (c->cursor < 0)
		c->cursor = 0;
}

static void columns_draw(screen *s, app *a, rect b)
{
	columns_screen *c = (columns_screen *)s;
	int w[CONT_MAX_COLUMNS];
	(void)a;
	draw_paragraph((rect){b.y, b.x + 1, 2, b.w - 2}, 0, ROLE_DIM,
		       msg(CONT_COLUMNS_HINT));
	cont_form_widths(c->cols, c->n, w);
	for (size_t i = 0; i < c->n && (int)i < b.h - 3; i++) {
		int y = b.y + 3 + (int)i;
		draw_role base = draw_row_start(y, b, (int)i == c->cursor);
		draw_textf(y, b.x + 2, 4, base, "%zu", i + 1);
		draw_text(y, b.x + 6, 44, base, c->cols[i]);
		draw_textf(y, b.x + 52, b.w - 54, base == ROLE_SELECTED ? base : ROLE_DIM,
			   "%d", w[i]);
	}
}

static void columns_write(app *a, columns_screen *c)
{
	wrote(a, store_cont_columns_set(a->st, c->plan_id, c->cols, c->n, a->user));
}

typedef struct {
	int64_t plan_id;
	int at; /* -1: a new column at the end */
} column_ctx;

static msg_id column_check(app *a, void *ctx, const char *text)
{
	(void)a, (void)ctx;
	return cont_column_ok(text) ? MSG__COUNT : CONT_COLUMN_BAD;
}

/* The columns screen in view, whose columns the prompt changes. */
static columns_screen *columns_of(app *a, int64_t plan_id)
{
	for (int i = a->depth - 1; i >= 0; i--)
		if (a->stack[i]->ops->title == CONT_COLUMNS_TITLE &&
		    ((columns_screen *)a->stack[i])->plan_id == plan_id)
			return (columns_screen *)a->stack[i];
	return NULL;
}

static screen *column_typed(app *a, void *ctx, const char *text)
{
	column_ctx *k = ctx;
	columns_screen *c = columns_of(a, k->plan_id);
	if (!c || !cont_column_ok(text))
		return NULL;
	if (k->at < 0) {
		if (c->n >= CONT_MAX_COLUMNS) {
			app_message(a, ROLE_BAD, "%s", msg(CONT_COLUMNS_RANGE));
			return NULL;
		}
		k->at = (int)c->n++;
	}
	snprintf(c->cols[k->at], sizeof c->cols[0], "%s", text);
	columns_write(a, c);
	return NULL;
}

static screen *column_prompt(columns_screen *c, int at)
{
	column_ctx *k = malloc(sizeof *k);
	if (!k)
		return NULL;
	k->plan_id = c->plan_id;
	k->at = at;
	return prompt_checked(prompt_new(msg(CONT_COLUMN_PROMPT),
					 at >= 0 ? c->cols[at] : NULL, CONT_COLUMN_MAX,
					 CONT_F_COLUMN, column_typed, k, true),
			      column_check);
}

static screen *column_deleted(app *a, void *ctx, bool yes)
{
	column_ctx *k = ctx;
	columns_screen *c = columns_of(a, k->plan_id);
	if (!yes || !c || k->at >= (int)c->n)
		return NULL;
	memmove(c->cols[k->at], c->cols[k->at + 1],
		(c->n - (size_t)k->at - 1) * sizeof c->cols[0]);
	c->n--;
	columns_write(a, c);
	return NULL;
}

static screen *columns_reset(app *a, void *ctx, bool yes)
{
	column_ctx *k = ctx;
	columns_screen *c = columns_of(a, k->plan_id);
	if (!yes || !c)
		return NULL;
	cont_default_columns(c->cols);
	c->n = CONT_DEFAULT_COLUMNS;
	columns_write(a, c);
	return NULL;
}

static key_result columns_key(screen *s, app *a, int action, int key)
{
	columns_screen *c = (columns_screen *)s;
	column_ctx *k;
	cont_column tmp;
	char q[512];
	int to;
	(void)key;

	if (keymap_move(action, &c->cursor, (int)c->n))
		return result(RES_NONE);
	switch (action) {
	case ACT_ADD:
		return push(column_prompt(c, -1));
	case ACT_RESET:
		if (!(k = calloc(1, sizeof *k)))
			return result(RES_NONE);
		k->plan_id = c->plan_id;
		return push(confirm_new(msg(CONT_COLUMNS_RESET_Q), columns_reset, k, true));
	}
	if (c->cursor >= (int)c->n)
		return result(RES_UNUSED);
	switch (action) {
	case ACT_OPEN:
		return push(column_prompt(c, c->cursor));
	case ACT_DELETE:
		if (c->n <= 1) {
			app_message(a, ROLE_BAD, "%s", msg(CONT_COLUMNS_RANGE));
			return result(RES_NONE);
		}
		if (!(k = calloc(1, sizeof *k)))
			return result(RES_NONE);
		k->plan_id = c->plan_id;
		k->at = c->cursor;
		snprintf(q, sizeof q, msg(CONT_COLUMN_DELETE_FMT), c->cols[c->cursor]);
		return push(confirm_new(q, column_deleted, k, true));
	case ACT_STEP_UP:
	case ACT_STEP_DOWN:
		to = c->cursor + (action == ACT_STEP_UP ? -1 : 1);
		if (to < 0 || to >= (int)c->n)
			return result(RES_NONE);
		memcpy(tmp, c->cols[to], sizeof tmp);
		memcpy(c->cols[to], c->cols[c->cursor], sizeof tmp);
		memcpy(c->cols[c->cursor], tmp, sizeof tmp);
		c->cursor = to;
		columns_write(a, c);
		return result(RES_NONE);
	}
	return result(RES_UNUSED);
}

static const screen_ops columns_ops = {
	.title = CONT_COLUMNS_TITLE,
	.keys = KEYTABLE(columns_keys),
	.draw = columns_draw,
	.handle_key = columns_key,
	.reload = columns_reload,
	.destroy = (void (*)(screen *))free,
};

static screen *columns_new(app *a, int64_t plan_id)
{
	columns_screen *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->base.ops = &columns_ops;
	c->plan_id = plan_id;
	columns_reload(&c->base, a);
	return &c->base;
}

/* ---- The plan ---- */

typedef struct {
	char *text;
	draw_role role;
	int step; /* the step it belongs to, -1 none */
	int indent;
	bool head; /* a step's first line */
} plan_line;

typedef struct {
	screen base;
	int64_t id;
	cont_record r;
	bool ok;
	cont_diff_line *diff;
	size_t n_diff;
	int cursor, top;
	int shown; /* the cursor the view last followed; -1 none */
	size_t had; /* steps at the last reload: a step added is selected */
	plan_line *lines;
	size_t n_lines, cap_lines;
} plan_screen;

static const keybinding plan_keys[] = {
	NAV_BINDINGS,
	{{'\n', '\r', KEY_FN(KEY_ENTER), 0}, "Enter", NO_LABEL, HK_CONT_EDIT_STEP,
	 ACT_OPEN, true},
	{{'a', 0}, "a", NO_LABEL, HK_CONT_ADD_STEP, ACT_ADD, true},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_CONT_DELETE_STEP, ACT_DELETE,
	 false},
	{{'K', 0}, "K", NO_LABEL, HK_CONT_STEP_UP, ACT_STEP_UP, false},
	{{'J', 0}, "J", NO_LABEL, HK_CONT_STEP_DOWN, ACT_STEP_DOWN, false},
	{{'e', 0}, "e", NO_LABEL, HK_CONT_EDIT_PLAN, ACT_EDIT_PLAN, true},
	{{'A', 0}, "A", NO_LABEL, HK_CONT_APPROVE, ACT_APPROVE, true},
	{{'r', 0}, "r", NO_LABEL, HK_CONT_REVIEW, ACT_REVIEW, false},
	{{'c', 0}, "c", NO_LABEL, HK_CONT_COLUMNS, ACT_COLUMNS, false},
	{{'f', 0}, "f", NO_LABEL, HK_CONT_PREVIEW, ACT_PREVIEW, true},
	{{'x', 0}, "x", NO_LABEL, HK_CONT_DIFF, ACT_DIFF, false},
};

static void lines_clear(plan_screen *p)
{
	for (size_t i = 0; i < p->n_lines; i++)
		free(p->lines[i].text);
	p->n_lines = 0;
}

static void add_line(plan_screen *p, int indent, draw_role role, int step,
		     bool head, const char *text)
{
	plan_line *more;
	if (p->n_lines == p->cap_lines) {
		size_t cap = p->cap_lines ? p->cap_lines * 2 : 64;
		if (!(more = realloc(p->lines, cap * sizeof *more)))
			return;
		p->lines = more;
		p->cap_lines = cap;
	}
	char *t = strdup(text);
	if (!t)
		return;
	p->lines[p->n_lines++] = (plan_line){t, role, step, indent, head};
}

/* text wrapped to w columns at indent, each line added. */
static void add_wrapped(plan_screen *p, int indent, int w, draw_role role,
			int step, const char *text)
{
	text_line tl[64];
	size_t n = 0;
	char buf[2048];
	if (w < 10)
		w = 10;
	if (!text_wrap(text, w - indent, tl, 64, &n))
		return;
	for (size_t i = 0; i < n && i < 64; i++) {
		snprintf(buf, sizeof buf, "%.*s", (int)tl[i].len, text + tl[i].off);
		add_line(p, indent, role, step, false, buf);
	}
	if (!n)
		add_line(p, indent, role, step, false, "");
}

/* Each non-blank line of text as a bullet. */
static void add_bullets(plan_screen *p, int indent, int w, draw_role role,
			int step, const char *text)
{
	char buf[TEXT_BYTES(CONT_LONG_MAX) + 8];
	while (*text) {
		size_t len = strcspn(text, "\n");
		if (len) {
			snprintf(buf, sizeof buf, "• %.*s", (int)len, text);
			add_wrapped(p, indent, w, role, step, buf);
		}
		text += len + (text[len] == '\n');
	}
}

static void build_lines(plan_screen *p, app *a, int w, int rows)
{
	const cont_plan *pl = &p->r.plan;
	char buf[4096], d1[64], d2[64], state[512];
	bool all_details;
	size_t detail_lines = 0;

	lines_clear(p);
	cont_state_text(&p->r.summary, a->today, state, sizeof state);
	unsigned st = cont_state(&p->r.summary, a->today);
	snprintf(buf, sizeof buf, "%s · %s", pl->system, state);
	add_wrapped(p, 0, w, (st & CONT_APPROVED) && !(st & (CONT_CHANGED | CONT_REVIEW_DUE))
				     ? ROLE_OK : ROLE_WARN, -1, buf);
	snprintf(buf, sizeof buf, msg(CONT_FACTS_FMT),
		 pl->scenario[0] ? pl->scenario : msg(CONT_NOT_GIVEN));
	add_wrapped(p, 0, w, ROLE_NORMAL, -1, buf);
	if (pl->outage >= 0)
		bia_minutes_format(pl->outage, d1, sizeof d1);
	else
		snprintf(d1, sizeof d1, "%s", msg(CONT_NOT_GIVEN));
	snprintf(buf, sizeof buf, msg(CONT_OUTAGE_FMT), d1,
		 pl->trigger[0] ? pl->trigger : msg(CONT_NOT_GIVEN));
	add_wrapped(p, 0, w, ROLE_NORMAL, -1, buf);
	add_line(p, 0, ROLE_NORMAL, -1, false, "");
	add_line(p, 0, ROLE_HEADING, -1, false, msg(CONT_F_STEPS_HEADING));
	if (!p->r.n_steps)
		add_wrapped(p, 2, w, ROLE_DIM, -1, msg(CONT_NO_STEPS));
	/* Every step's details when the window has the room, else the
	 * selected step's only. */
	for (size_t i = 0; i < p->r.n_steps; i++)
		for (const char *q = p->r.steps[i].detail; *q; q++)
			detail_lines += *q == '\n';
	all_details = (int)(p->r.n_steps * 2 + detail_lines + 12) <= rows;
	for (size_t i = 0; i < p->r.n_steps; i++) {
		const cont_step *s = &p->r.steps[i];
		d2[0] = '\0';
		if (s->minutes >= 0) {
			bia_minutes_format(s->minutes, d1, sizeof d1);
			snprintf(d2, sizeof d2, msg(CONT_STEP_LIMIT_FMT), d1);
		}
		snprintf(buf, sizeof buf, "%zu. %s%s%s%s%s", i + 1, s->title,
			 d2[0] ? msg(RESP_SEP) : "", d2, s->role[0] ? msg(RESP_SEP) : "",
			 s->role);
		add_line(p, 2, ROLE_NORMAL, (int)i, true, buf);
		if (all_details || (int)i == p->cursor)
			add_bullets(p, 6, w, ROLE_DIM, (int)i, s->detail);
	}
	if (pl->simplified[0]) {
		add_line(p, 0, ROLE_NORMAL, -1, false, "");
		add_line(p, 0, ROLE_HEADING, -1, false, msg(CONT_F_SIMPLIFIED));
		add_bullets(p, 2, w, ROLE_NORMAL, -1, pl->simplified);
	}
	if (pl->notice[0]) {
		add_line(p, 0, ROLE_NORMAL, -1, false, "");
		add_line(p, 0, ROLE_HEADING, -1, false, msg(CONT_F_NOTICE));
		add_wrapped(p, 2, w, ROLE_NORMAL, -1, pl->notice);
	}
	add_line(p, 0, ROLE_NORMAL, -1, false, "");
	if (pl->backentry >= 0) {
		bia_minutes_format(pl->backentry, d1, sizeof d1);
		snprintf(buf, sizeof buf, msg(CONT_BACKENTRY_FMT), d1);
		add_wrapped(p, 0, w, ROLE_NORMAL, -1, buf);
	}
	buf[0] = '\0';
	for (size_t i = 0; i < p->r.n_columns; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
			 i ? " | " : "", p->r.columns[i]);
	snprintf(state, sizeof state, msg(CONT_COLUMNS_LINE_FMT), buf);
	add_wrapped(p, 0, w, ROLE_NORMAL, -1, state);
	if (p->r.approved.version && cont_diff_changes(p->diff, p->n_diff)) {
		add_line(p, 0, ROLE_NORMAL, -1, false, "");
		date_format(p->r.approved.approved_on, d1, sizeof d1);
		snprintf(buf, sizeof buf, msg(CONT_DIFF_HEAD_FMT),
			 (long long)p->r.approved.version, d1);
		add_wrapped(p, 0, w, ROLE_HEADING, -1, buf);
		for (size_t i = 0; i < p->n_diff; i++) {
			snprintf(buf, sizeof buf, "%c %s", p->diff[i].sign, p->diff[i].text);
			add_line(p, 0, p->diff[i].sign == '+' ? ROLE_OK
				       : p->diff[i].sign == '-' ? ROLE_BAD : ROLE_DIM,
				 -1, false, buf);
		}
	}
}

static void plan_reload(screen *s, app *a)
{
	plan_screen *p = (plan_screen *)s;
	char *now;
	cont_record_free(&p->r);
	cont_diff_free(p->diff, p->n_diff);
	p->diff = NULL;
	p->n_diff = 0;
	p->ok = false;
	if (store_cont_load(a->st, p->id, &p->r)) {
		app_message(a, ROLE_BAD, msg(CONT_READ_FAILED_FMT), store_errmsg(a->st));
		return;
	}
	p->ok = true;
	if (p->r.approved.version && (now = cont_canonical(p->r.steps, p->r.n_steps))) {
		if (cont_diff(p->r.approved.snapshot, now, &p->diff, &p->n_diff))
			p->n_diff = 0;
		free(now);
	}
	if (p->r.n_steps > p->had && p->shown >= 0)
		p->cursor = (int)p->r.n_steps - 1;
	p->had = p->r.n_steps;
	if (p->cursor >= (int)p->r.n_steps)
		p->cursor = (int)p->r.n_steps - 1;
	if (p->cursor < 0)
		p->cursor = 0;
}

static void plan_draw(screen *s, app *a, rect b)
{
	plan_screen *p = (plan_screen *)s;
	int sel = -1, rows = b.h;
	if (!p->ok)
		return;
	build_lines(p, a, b.w - 2, rows);
	for (size_t i = 0; i < p->n_lines; i++)
		if (p->lines[i].head && p->lines[i].step == p->cursor)
			sel = (int)i;
	/* The view follows the cursor when it moved; else it scrolls freely
	 * (past the last step to what follows). */
	if (sel >= 0 && p->cursor != p->shown) {
		p->shown = p->cursor;
		if (sel < p->top)
			p->top = sel;
		if (sel >= p->top + rows)
			p->top = sel - rows + 1;
	}
	if (p->top > (int)p->n_lines - rows)
		p->top = (int)p->n_lines - rows;
	if (p->top < 0)
		p->top = 0;
	for (int r = 0; r < rows && p->top + r < (int)p->n_lines; r++) {
		const plan_line *l = &p->lines[p->top + r];
		int y = b.y + r;
		if (l->head && l->step == p->cursor) {
			draw_role base = draw_row_start(y, b, true);
			draw_text(y, b.x + 1 + l->indent, b.w - 2 - l->indent, base, l->text);
		} else {
			draw_text(y, b.x + 1 + l->indent, b.w - 2 - l->indent, l->role,
				  l->text);
		}
	}
}

typedef struct {
	int64_t plan_id, step_id;
} step_ref;

static screen *step_deleted(app *a, void *ctx, bool yes)
{
	if (yes)
		wrote(a, store_cont_step_delete(a->st, ((step_ref *)ctx)->step_id,
						a->user));
	return NULL;
}

static screen *reviewed(app *a, void *ctx, bool yes)
{
	if (yes && wrote(a, store_cont_review(a->st, *(int64_t *)ctx, a->today,
					      a->today, a->user)))
		app_message(a, ROLE_OK, "%s", msg(CONT_REVIEWED_MSG));
	return NULL;
}

/* The difference as text: its heading, then "SIGN line" each. */
static char *diff_text(const plan_screen *p)
{
	size_t len = 512;
	char *out, d[16];
	for (size_t i = 0; i < p->n_diff; i++)
		len += strlen(p->diff[i].text) + 3;
	if (!(out = calloc(1, len)))
		return NULL;
	if (!p->r.approved.version) {
		snprintf(out, len, "%s\n", msg(CONT_DIFF_NEVER));
		return out;
	}
	date_format(p->r.approved.approved_on, d, sizeof d);
	snprintf(out, len, msg(CONT_DIFF_HEAD_FMT), (long long)p->r.approved.version, d);
	strcat(out, "\n");
	if (!cont_diff_changes(p->diff, p->n_diff)) {
		snprintf(out + strlen(out), len - strlen(out), "%s\n", msg(CONT_DIFF_NONE));
		return out;
	}
	for (size_t i = 0; i < p->n_diff; i++) {
		size_t at = strlen(out);
		snprintf(out + at, len - at, "%c %s\n", p->diff[i].sign, p->diff[i].text);
	}
	return out;
}

static key_result plan_key(screen *s, app *a, int action, int key)
{
	plan_screen *p = (plan_screen *)s;
	const cont_step *st = p->cursor < (int)p->r.n_steps ? &p->r.steps[p->cursor]
							    : NULL;
	char q[1024], d[16];
	int64_t *ref;
	step_ref *sr;
	(void)key;

	if (!p->ok)
		return result(RES_UNUSED);
	/* Past the last step, Down scrolls on to what follows. */
	if (action == ACT_DOWN && p->cursor + 1 >= (int)p->r.n_steps) {
		p->top++;
		return result(RES_NONE);
	}
	if (action == ACT_UP && p->cursor == 0 && p->top > 0) {
		p->top--;
		return result(RES_NONE);
	}
	if (action == ACT_LAST) {
		p->cursor = (int)p->r.n_steps - 1;
		p->shown = p->cursor;
		p->top = 1 << 20;
		return result(RES_NONE);
	}
	if (keymap_move(action, &p->cursor, (int)p->r.n_steps))
		return result(RES_NONE);
	switch (action) {
	case ACT_ADD:
		return push(step_form_new(a, p->id, NULL, (int)p->r.n_steps + 1));
	case ACT_EDIT_PLAN:
		return push(plan_form_new(a, &p->r.plan));
	case ACT_APPROVE:
		return push(approve_new(a, &p->r));
	case ACT_REVIEW:
		if (!(ref = malloc(sizeof *ref)))
			return result(RES_NONE);
		*ref = p->id;
		date_format(a->today, d, sizeof d);
		snprintf(q, sizeof q, msg(CONT_REVIEW_Q_FMT), p->r.plan.system,
			 (long long)p->r.approved.version, d);
		return push(confirm_new(q, reviewed, ref, true));
	case ACT_COLUMNS:
		return push(columns_new(a, p->id));
	case ACT_PREVIEW:
		return push(preview_new(a, &p->r));
	case ACT_DIFF:
		return push(text_new(&diff_ops, CONT_DIFF_TITLE, diff_text(p)));
	}
	if (!st)
		return result(RES_UNUSED);
	switch (action) {
	case ACT_OPEN:
		return push(step_form_new(a, p->id, st, p->cursor + 1));
	case ACT_DELETE:
		if (!(sr = malloc(sizeof *sr)))
			return result(RES_NONE);
		sr->plan_id = p->id;
		sr->step_id = st->id;
		snprintf(q, sizeof q, msg(CONT_STEP_DELETE_FMT), p->cursor + 1, st->title);
		return push(confirm_new(q, step_deleted, sr, true));
	case ACT_STEP_UP:
	case ACT_STEP_DOWN: {
		int to = p->cursor + (action == ACT_STEP_UP ? -1 : 1);
		if (to < 0 || to >= (int)p->r.n_steps)
			return result(RES_NONE);
		if (wrote(a, store_cont_step_move(a->st, st->id,
						  action == ACT_STEP_UP ? -1 : 1,
						  a->user)))
			p->cursor = to;
		return result(RES_NONE);
	}
	}
	return result(RES_UNUSED);
}

static void plan_destroy(screen *s)
{
	plan_screen *p = (plan_screen *)s;
	cont_record_free(&p->r);
	cont_diff_free(p->diff, p->n_diff);
	lines_clear(p);
	free(p->lines);
	free(p);
}

static const screen_ops plan_ops = {
	.title = CONT_PLAN_TITLE,
	.keys = KEYTABLE(plan_keys),
	.draw = plan_draw,
	.handle_key = plan_key,
	.reload = plan_reload,
	.destroy = plan_destroy,
};

screen *screen_cont_plan_new(app *a, int64_t id)
{
	plan_screen *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->base.ops = &plan_ops;
	p->id = id;
	p->shown = -1;
	plan_reload(&p->base, a);
	return &p->base;
}
