#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/store_response.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/prompt.h"
#include "tui/response_ui.h"
#include "tui/screens.h"

/* Emergency response (§4.1, §4.2): the four levels with the card's state
 * and the contacts' summary; the contacts; the card as it prints. */

/* What the three screens show, read again after every change. */
typedef struct {
	resp_level levels[RESP_LEVELS];
	resp_contact *contacts;
	size_t n;
	int64_t version;
	card_print last;
	bool printed;
	int days; /* a contact unconfirmed longer is flagged */
	bool ok;
} resp_data;

static void data_free(resp_data *d)
{
	free(d->contacts);
	memset(d, 0, sizeof *d);
}

static void data_load(resp_data *d, app *a)
{
	int64_t uid = a->rep.unit.id;
	moat_status st;
	data_free(d);
	if ((st = store_response_levels(a->st, uid, &a->q->response, d->levels)) ||
	    (st = store_contacts(a->st, uid, &d->contacts, &d->n)) ||
	    (st = store_card_sync(a->st, uid, &a->q->response, a->user,
				  &d->version)) ||
	    (st = store_card_last_print(a->st, uid, &d->last, &d->printed)) ||
	    (st = store_confirm_days(a->st, uid, &d->days))) {
		app_message(a, ROLE_BAD, msg(RESP_READ_FAILED_FMT), store_errmsg(a->st));
		return;
	}
	d->ok = true;
}

static bool wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_RESPONSE);
}

/* The card's state in one line: current, older on the wall, never
 * printed. */
static void draw_card_state(const resp_data *d, int y, int x, int w)
{
	char day[16];
	if (!d->printed) {
		draw_textf(y, x, w, ROLE_WARN, msg(RESP_CARD_NEVER_FMT),
			   (long long)d->version);
		return;
	}
	date_format(d->last.printed, day, sizeof day);
	if (d->last.version < d->version)
		draw_textf(y, x, w, ROLE_WARN, msg(RESP_CARD_OLDER_FMT),
			   (long long)d->last.version, day, (long long)d->version);
	else
		draw_textf(y, x, w, ROLE_OK, msg(RESP_CARD_CURRENT_FMT),
			   (long long)d->version, day);
}

static size_t count_stale(const resp_data *d, date today)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += resp_contact_stale(&d->contacts[i], today, d->days);
	return n;
}

static size_t count_examples(const resp_data *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->contacts[i].placeholder;
	return n;
}

static void draw_row_marker(int y, rect b, bool sel)
{
	if (!sel)
		return;
	draw_fill(y, b.x, b.w, ROLE_SELECTED);
	draw_text(y, b.x, 1, ROLE_SELECTED, ">");
}

/* ---- The level form ---- */

enum { LF_NAME, LF_DEFINITION, LF_SCOPE, LF_MINUTES, LF_WORDS, LF_DECISION,
       LF_N };

typedef struct {
	screen base;
	resp_level seen;
	form form;
	form_field fields[LF_N];
} level_form;

const keybinding resp_form_keys[3] = {
	{{0}, NULL, HK_NAME_TAB, HK_NEXT_FIELD, ACT_NONE, true},
	{{0}, "Ctrl-S", NO_LABEL, HK_SAVE, ACT_NONE, true},
	{{0}, NULL, HK_NAME_ESC, HK_CANCEL, ACT_NONE, true},
};

char *resp_field_text(form_field *fields, int i, char *out, size_t len)
{
	te_value_into(&fields[i].te, out, len);
	return text_trim(out);
}

bool resp_fields_init(form_field *fields, int n, const msg_id *labels,
		      const size_t *max, const bool *required,
		      const char *const *init)
{
	for (int i = 0; i < n; i++) {
		fields[i].label = labels[i];
		fields[i].kind = FIELD_TEXT;
		fields[i].rows = 1;
		fields[i].required = required[i];
		if (!te_init(&fields[i].te, init[i], false, max[i]))
			return false;
	}
	return true;
}

void resp_fields_free(form_field *fields, int n)
{
	for (int i = 0; i < n; i++)
		te_free(&fields[i].te);
}

bool resp_form_refuse(form *f, msg_id why, int at)
{
	f->error = why;
	f->error_field = (size_t)at;
	f->focus = (size_t)at;
	return false;
}

static void level_form_draw(screen *s, app *a, rect b)
{
	level_form *f = (level_form *)s;
	char label[512];
	resp_level_label(&f->seen, label, sizeof label);
	draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(RESP_EDIT_LEVEL_FMT),
		   label);
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 4, b.w - 4}, a);
	draw_text(b.y + b.h - 1, b.x + 2, b.w - 4, ROLE_DIM, msg(RESP_LEVEL_HINT));
}

static bool level_form_save(screen *s, app *a)
{
	level_form *f = (level_form *)s;
	resp_level l = f->seen;
	char buf[32];
	int64_t m;

	if (!form_validate(&f->form))
		return false;
	resp_field_text(f->fields, LF_NAME, l.name, sizeof l.name);
	resp_field_text(f->fields, LF_DEFINITION, l.definition, sizeof l.definition);
	resp_field_text(f->fields, LF_SCOPE, l.scope, sizeof l.scope);
	resp_field_text(f->fields, LF_WORDS, l.words, sizeof l.words);
	resp_field_text(f->fields, LF_DECISION, l.decision, sizeof l.decision);
	if (num_parse(resp_field_text(f->fields, LF_MINUTES, buf, sizeof buf), 0, false,
		      BIA_MAX_MINUTES, &m) != NUM_OK)
		return resp_form_refuse(&f->form, RESP_MINUTES_RANGE, LF_MINUTES);
	l.minutes = m;
	return wrote(a, store_response_level_set(a->st, a->rep.unit.id, &l, a->user));
}

static key_result level_form_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((level_form *)s)->form, a, action, key,
				  level_form_save);
}

static void level_form_destroy(screen *s)
{
	resp_fields_free(((level_form *)s)->fields, LF_N);
	free(s);
}

static const screen_ops level_form_ops = {
	.title = RESP_LEVELS_TITLE,
	.keys = KEYTABLE(resp_form_keys),
	.text_entry = true,
	.draw = level_form_draw,
	.handle_key = level_form_key,
	.destroy = level_form_destroy,
};

static screen *level_form_new(app *a, const resp_level *l)
{
	static const msg_id labels[LF_N] = {RESP_F_LEVEL_NAME, RESP_F_DEFINITION,
					    RESP_F_SCOPE, RESP_F_MINUTES,
					    RESP_F_WORDS, RESP_F_DECISION};
	static const size_t max[LF_N] = {RESP_TEXT_MAX, RESP_TEXT_MAX,
					 RESP_TEXT_MAX, 6, RESP_TEXT_MAX,
					 RESP_TEXT_MAX};
	static const bool required[LF_N] = {true, true, false, true, true, false};
	level_form *f = calloc(1, sizeof *f);
	char minutes[24];
	if (!f)
		return NULL;
	f->base.ops = &level_form_ops;
	f->seen = *l;
	snprintf(minutes, sizeof minutes, "%lld", (long long)l->minutes);
	const char *init[LF_N] = {l->name, l->definition, l->scope, minutes,
				  l->words, l->decision};
	if (!resp_fields_init(f->fields, LF_N, labels, max, required, init)) {
		level_form_destroy(&f->base);
		return NULL;
	}
	form_init(&f->form, f->fields, LF_N, a->today);
	return &f->base;
}

/* ---- The contact form ---- */

enum { CF_ROLE, CF_NAME, CF_PHONE, CF_PHONE2, CF_ALTERNATE, CF_RANK, CF_LEVELS,
       CF_CONFIRMED, CF_N };

typedef struct {
	screen base;
	resp_contact seen; /* id 0: a new contact */
	form form;
	form_field fields[CF_N];
} contact_form;

static void contact_form_draw(screen *s, app *a, rect b)
{
	contact_form *f = (contact_form *)s;
	static const msg_id hints[CF_N] = {
		RESP_HINT_ROLE, RESP_HINT_NAME, RESP_HINT_PHONE, RESP_HINT_PHONE,
		RESP_HINT_ALTERNATE, RESP_HINT_RANK, RESP_LEVELS_HINT,
		RESP_HINT_CONFIRMED};
	if (f->seen.id)
		draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING,
			   msg(RESP_EDIT_CONTACT_FMT), f->seen.name);
	else
		draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(RESP_NEW_CONTACT));
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 5, b.w - 4}, a);
	draw_paragraph((rect){b.y + b.h - 2, b.x + 2, 2, b.w - 4}, 0, ROLE_DIM,
		       msg(hints[f->form.focus]));
}

/* The role typed: a role's name or key of the questionnaire stands for
 * its key; other words are the unit's own role. */
static void role_of(const resp_reference *r, const char *typed, char *out,
		    size_t len)
{
	for (size_t i = 0; i < r->n_roles; i++)
		if (strcmp(typed, r->roles[i].name) == 0 ||
		    strcmp(typed, r->roles[i].key) == 0) {
			snprintf(out, len, "%s", r->roles[i].key);
			return;
		}
	snprintf(out, len, "%s", typed);
}

static bool contact_form_save(screen *s, app *a)
{
	contact_form *f = (contact_form *)s;
	resp_contact c = f->seen, was = f->seen;
	char buf[TEXT_BYTES(RESP_TEXT_MAX)];
	int64_t rank, id;

	if (!form_validate(&f->form))
		return false;
	role_of(&a->q->response, resp_field_text(f->fields, CF_ROLE, buf, sizeof buf),
		c.role, sizeof c.role);
	resp_field_text(f->fields, CF_NAME, c.name, sizeof c.name);
	resp_field_text(f->fields, CF_PHONE, c.phone, sizeof c.phone);
	resp_field_text(f->fields, CF_PHONE2, c.phone2, sizeof c.phone2);
	resp_field_text(f->fields, CF_ALTERNATE, c.alternate, sizeof c.alternate);
	if (num_parse(resp_field_text(f->fields, CF_RANK, buf, sizeof buf), 0, false,
		      99, &rank) != NUM_OK || rank < 1)
		return resp_form_refuse(&f->form, RESP_FORM_RANK, CF_RANK);
	c.rank = (int)rank;
	if (!resp_parse_levels(resp_field_text(f->fields, CF_LEVELS, buf, sizeof buf),
			       &c.levels))
		return resp_form_refuse(&f->form, RESP_FORM_LEVELS, CF_LEVELS);
	if (!*resp_field_text(f->fields, CF_CONFIRMED, buf, sizeof buf))
		c.confirmed = (date){0, 0, 0};
	else if (!date_parse(buf, &c.confirmed))
		return resp_form_refuse(&f->form, FORM_ERR_DATE, CF_CONFIRMED);
	/* An example edited by hand is the unit's own from now on. */
	was.placeholder = c.placeholder = false;
	if (f->seen.placeholder && memcmp(&was, &c, sizeof c) == 0)
		c.placeholder = true;
	return wrote(a, store_contact_save(a->st, a->rep.unit.id, &c, a->user, &id));
}

static key_result contact_form_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((contact_form *)s)->form, a, action, key,
				  contact_form_save);
}

static void contact_form_destroy(screen *s)
{
	resp_fields_free(((contact_form *)s)->fields, CF_N);
	free(s);
}

static const screen_ops contact_form_ops = {
	.title = RESP_CONTACTS_TITLE,
	.keys = KEYTABLE(resp_form_keys),
	.text_entry = true,
	.draw = contact_form_draw,
	.handle_key = contact_form_key,
	.destroy = contact_form_destroy,
};

/* A form over c, or (c NULL) for a new contact after the last one. */
static screen *contact_form_new(app *a, const resp_contact *c, int next_rank)
{
	static const msg_id labels[CF_N] = {
		RESP_F_ROLE, RESP_F_NAME, RESP_F_PHONE, RESP_F_PHONE2,
		RESP_F_ALTERNATE, RESP_F_RANK, RESP_F_LEVELS, RESP_F_CONFIRMED};
	static const size_t max[CF_N] = {RESP_TEXT_MAX, RESP_TEXT_MAX,
					 RESP_PHONE_MAX, RESP_PHONE_MAX,
					 RESP_TEXT_MAX, 2, 16, 10};
	static const bool required[CF_N] = {true, true, false, false,
					    false, true, true, false};
	contact_form *f = calloc(1, sizeof *f);
	char rank[8], levels[16], day[16] = "";
	if (!f)
		return NULL;
	f->base.ops = &contact_form_ops;
	if (c) {
		f->seen = *c;
	} else {
		f->seen.rank = next_rank > 99 ? 99 : next_rank;
		f->seen.levels = RESP_ALL_LEVELS;
		f->seen.confirmed = a->today;
	}
	snprintf(rank, sizeof rank, "%d", f->seen.rank);
	resp_levels_text(f->seen.levels, levels, sizeof levels);
	if (f->seen.confirmed.y)
		date_format(f->seen.confirmed, day, sizeof day);
	const char *init[CF_N] = {
		f->seen.role[0] ? resp_role_name(&a->q->response, f->seen.role) : "",
		f->seen.name, f->seen.phone, f->seen.phone2, f->seen.alternate,
		rank, levels, day};
	if (!resp_fields_init(f->fields, CF_N, labels, max, required, init)) {
		contact_form_destroy(&f->base);
		return NULL;
	}
	f->fields[CF_CONFIRMED].kind = FIELD_PAST_DATE;
	form_init(&f->form, f->fields, CF_N, a->today);
	return &f->base;
}

/* ---- The contacts ---- */

typedef struct {
	screen base;
	resp_data d;
	int cursor, top;
} contacts_screen;

enum { ACT_ADD = ACT_USER, ACT_EDIT, ACT_DELETE, ACT_CONFIRM, ACT_DAYS,
       ACT_LEVELS, ACT_CONTACTS, ACT_CARD, ACT_RESET, ACT_NEXT_LEVEL,
       ACT_INCIDENTS, ACT_PLANS };

static const keybinding contacts_keys[] = {
	NAV_BINDINGS,
	{{'\n', '\r', KEY_FN(KEY_ENTER), 0}, "Enter", NO_LABEL, HK_RESP_EDIT_CONTACT,
	 ACT_EDIT, true},
	{{'a', 0}, "a", NO_LABEL, HK_RESP_ADD_CONTACT, ACT_ADD, true},
	{{'f', 0}, "f", NO_LABEL, HK_RESP_CONFIRM, ACT_CONFIRM, true},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_RESP_DELETE_CONTACT, ACT_DELETE,
	 false},
	{{'s', 0}, "s", NO_LABEL, HK_RESP_DAYS, ACT_DAYS, false},
};

static void contacts_reload(screen *s, app *a)
{
	contacts_screen *c = (contacts_screen *)s;
	data_load(&c->d, a);
	if (c->cursor >= (int)c->d.n)
		c->cursor = (int)c->d.n - 1;
	if (c->cursor < 0)
		c->cursor = 0;
}

static void contacts_draw(screen *s, app *a, rect b)
{
	contacts_screen *c = (contacts_screen *)s;
	const resp_data *d = &c->d;
	const int wr = 3, wrole = 24, wname = 13, wphone = 15, wlv = 6;
	int xrole = b.x + 2 + wr, xname = xrole + wrole + 1;
	int xphone = xname + wname + 1, xlv = xphone + wphone + 1;
	int xconf = xlv + wlv + 1, rows = b.h - 4;

	draw_textf(b.y, b.x + 1, b.w - 2, ROLE_NORMAL, msg(RESP_CONTACTS_SUMMARY_FMT),
		   d->n, count_stale(d, a->today), d->days, count_examples(d));
	draw_text(b.y + 1, b.x + 2, wr, ROLE_HEADING, "#");
	draw_text(b.y + 1, xrole, wrole, ROLE_HEADING, msg(RESP_F_ROLE));
	draw_text(b.y + 1, xname, wname, ROLE_HEADING, msg(RESP_F_NAME));
	draw_text(b.y + 1, xphone, wphone, ROLE_HEADING, msg(RESP_F_PHONE));
	draw_text(b.y + 1, xlv, wlv, ROLE_HEADING, msg(RESP_COL_LEVELS));
	draw_text(b.y + 1, xconf, b.x + b.w - xconf, ROLE_HEADING,
		  msg(RESP_COL_CONFIRMED));
	if (!d->n) {
		draw_paragraph((rect){b.y + 3, b.x + 2, b.h - 4, b.w - 4}, 0, ROLE_DIM,
			       msg(RESP_NO_CONTACTS));
		return;
	}
	c->top = layout_scroll(c->top, c->cursor, (int)d->n, rows);
	for (int r = 0; r < rows && c->top + r < (int)d->n; r++) {
		const resp_contact *p = &d->contacts[c->top + r];
		bool sel = c->top + r == c->cursor;
		bool stale = resp_contact_stale(p, a->today, d->days);
		draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
		char lv[16], day[40];
		int y = b.y + 2 + r;

		draw_row_marker(y, b, sel);
		draw_textf(y, b.x + 2, wr, base, "%d", p->rank);
		draw_text(y, xrole, wrole, base, resp_role_name(&a->q->response, p->role));
		if (p->placeholder) {
			char shown[sizeof p->name + 8];
			snprintf(shown, sizeof shown, "%s *", p->name);
			draw_text(y, xname, wname, base, shown);
		} else {
			draw_text(y, xname, wname, base, p->name);
		}
		draw_text(y, xphone, wphone, base, p->phone[0] ? p->phone : "—");
		resp_levels_text(p->levels, lv, sizeof lv);
		draw_text(y, xlv, wlv, base, lv);
		if (p->confirmed.y)
			date_format(p->confirmed, day, sizeof day);
		else
			snprintf(day, sizeof day, "%s", msg(RESP_NEVER));
		if (stale)
			snprintf(day + strlen(day), sizeof day - strlen(day), " !");
		draw_text(y, xconf, b.x + b.w - xconf, stale && !sel ? ROLE_WARN : base,
			  day);
	}
	if (c->cursor < (int)d->n) {
		const resp_contact *p = &d->contacts[c->cursor];
		char line[1024];
		if (resp_contact_stale(p, a->today, d->days))
			snprintf(line, sizeof line, msg(RESP_STALE_FMT), p->name, d->days);
		else if (p->placeholder)
			snprintf(line, sizeof line, msg(RESP_EXAMPLE_FMT), p->name);
		else
			snprintf(line, sizeof line, msg(RESP_ALTERNATE_FMT),
				 p->alternate[0] ? p->alternate : "—");
		draw_text(b.y + b.h - 1, b.x + 1, b.w - 2,
			  resp_contact_stale(p, a->today, d->days) || p->placeholder
				  ? ROLE_WARN : ROLE_DIM, line);
	}
}

static screen *contact_deleted(app *a, void *ctx, bool yes)
{
	if (yes)
		wrote(a, store_contact_delete(a->st, *(int64_t *)ctx, a->user));
	return NULL;
}

static bool days_parse(const char *text, int *days)
{
	int64_t v;
	if (num_parse(text, 0, false, RESP_MAX_CONFIRM_DAYS, &v) != NUM_OK || v < 1)
		return false;
	*days = (int)v;
	return true;
}

static msg_id days_check(app *a, void *ctx, const char *text)
{
	int d;
	(void)a, (void)ctx;
	return days_parse(text, &d) ? MSG__COUNT : RESP_CONFIRM_DAYS_RANGE;
}

static screen *days_set(app *a, void *ctx, const char *text)
{
	int d;
	(void)ctx;
	if (days_parse(text, &d))
		wrote(a, store_confirm_days_set(a->st, a->rep.unit.id, d, a->user));
	return NULL;
}

static int64_t *id_ref(int64_t id)
{
	int64_t *p = malloc(sizeof *p);
	if (p)
		*p = id;
	return p;
}

static key_result contacts_key(screen *s, app *a, int action, int key)
{
	contacts_screen *c = (contacts_screen *)s;
	const resp_data *d = &c->d;
	const resp_contact *p = c->cursor < (int)d->n ? &d->contacts[c->cursor] : NULL;
	char q[512], days[16];
	int64_t *ref;
	(void)key;

	if (keymap_move(action, &c->cursor, (int)d->n))
		return result(RES_NONE);
	switch (action) {
	case ACT_ADD:
		return push(contact_form_new(a, NULL,
					     d->n ? d->contacts[d->n - 1].rank + 1 : 1));
	case ACT_DAYS:
		snprintf(days, sizeof days, "%d", d->days);
		return push(prompt_checked(prompt_new(msg(RESP_DAYS_PROMPT), days, 4,
						      RESP_F_DAYS, days_set, NULL,
						      false),
					   days_check));
	}
	if (!p)
		return result(RES_UNUSED);
	switch (action) {
	case ACT_EDIT:
		return push(contact_form_new(a, p, 0));
	case ACT_CONFIRM: {
		/* The write reloads the list p points into. */
		char name[sizeof p->name];
		snprintf(name, sizeof name, "%s", p->name);
		if (wrote(a, store_contact_confirm(a->st, p->id, a->today, a->today,
						   a->user)))
			app_message(a, ROLE_OK, msg(RESP_CONFIRMED_FMT), name);
		return result(RES_NONE);
	}
	case ACT_DELETE:
		if (!(ref = id_ref(p->id)))
			return result(RES_NONE);
		snprintf(q, sizeof q, msg(RESP_DELETE_FMT), p->name);
		return push(confirm_new(q, contact_deleted, ref, true));
	}
	return result(RES_UNUSED);
}

static void contacts_destroy(screen *s)
{
	data_free(&((contacts_screen *)s)->d);
	free(s);
}

static const screen_ops contacts_ops = {
	.title = RESP_CONTACTS_TITLE,
	.keys = KEYTABLE(contacts_keys),
	.draw = contacts_draw,
	.handle_key = contacts_key,
	.reload = contacts_reload,
	.destroy = contacts_destroy,
};

screen *screen_contacts_new(app *a)
{
	contacts_screen *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->base.ops = &contacts_ops;
	contacts_reload(&c->base, a);
	return &c->base;
}

/* ---- The card as it prints ---- */

typedef struct {
	screen base;
	resp_data d;
	int level; /* 0: every level */
	char *text;
	int top;
} card_screen;

static const keybinding card_keys[] = {
	NAV_BINDINGS,
	{{'l', 0}, "l", NO_LABEL, HK_RESP_NEXT_LEVEL, ACT_NEXT_LEVEL, true},
	{{'c', 0}, "c", NO_LABEL, HK_RESP_CONTACTS, ACT_CONTACTS, true},
};

static void card_reload(screen *s, app *a)
{
	card_screen *c = (card_screen *)s;
	data_load(&c->d, a);
	free(c->text);
	c->text = NULL;
	resp_card card = {a->rep.unit.name, c->level, c->d.version, a->today,
			  c->d.levels, c->d.contacts, c->d.n};
	if (c->d.ok && resp_card_text(&a->q->response, &card, &c->text))
		app_message(a, ROLE_BAD, "%s", msg(RESP_NOMEM));
}

static void card_draw(screen *s, app *a, rect b)
{
	card_screen *c = (card_screen *)s;
	const char *p = c->text;
	int line = 0, rows = b.h - 2;
	char cmd[64];
	(void)a;

	draw_card_state(&c->d, b.y, b.x + 1, b.w - 2);
	if (c->level)
		snprintf(cmd, sizeof cmd, "moat card --level %s",
			 resp_level_roman(c->level));
	else
		snprintf(cmd, sizeof cmd, "moat card");
	draw_textf(b.y + b.h - 1, b.x + 1, b.w - 2, ROLE_DIM, msg(RESP_CARD_PRINT_FMT),
		   cmd);
	if (!p)
		return;
	/* The card is 80 columns wide, as the body at 80x24. */
	for (; *p; line++) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (line >= c->top && line - c->top < rows) {
			char buf[1024];
			snprintf(buf, sizeof buf, "%.*s", (int)len, p);
			draw_text(b.y + 1 + line - c->top, b.x, b.w, ROLE_NORMAL, buf);
		}
		p += len + (end ? 1 : 0);
	}
	if (c->top > line - rows)
		c->top = line - rows > 0 ? line - rows : 0;
}

static key_result card_key(screen *s, app *a, int action, int key)
{
	card_screen *c = (card_screen *)s;
	(void)key;
	/* The draw brings the last row up to the bottom. */
	if (keymap_scroll(action, &c->top, 1 << 20))
		return result(RES_NONE);
	switch (action) {
	case ACT_NEXT_LEVEL:
		c->level = (c->level + 1) % (RESP_LEVELS + 1);
		card_reload(s, a);
		return result(RES_NONE);
	case ACT_CONTACTS:
		return push(screen_contacts_new(a));
	}
	return result(RES_UNUSED);
}

static void card_destroy(screen *s)
{
	card_screen *c = (card_screen *)s;
	data_free(&c->d);
	free(c->text);
	free(c);
}

static const screen_ops card_ops = {
	.title = RESP_CARD_TITLE,
	.keys = KEYTABLE(card_keys),
	.draw = card_draw,
	.handle_key = card_key,
	.reload = card_reload,
	.destroy = card_destroy,
};

screen *screen_card_new(app *a)
{
	card_screen *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->base.ops = &card_ops;
	card_reload(&c->base, a);
	return &c->base;
}

/* ---- The levels, with the card's and the contacts' state ---- */

typedef struct {
	screen base;
	resp_data d;
	int cursor;
} levels_screen;

static const keybinding levels_keys[] = {
	NAV_BINDINGS,
	{{'\n', '\r', KEY_FN(KEY_ENTER), 0}, "Enter", NO_LABEL, HK_RESP_EDIT_LEVEL,
	 ACT_EDIT, true},
	{{'c', 0}, "c", NO_LABEL, HK_RESP_CONTACTS, ACT_CONTACTS, true},
	{{'v', 0}, "v", NO_LABEL, HK_RESP_CARD, ACT_CARD, true},
	{{'i', 0}, "i", NO_LABEL, HK_RESP_INCIDENTS, ACT_INCIDENTS, true},
	{{'p', 0}, "p", NO_LABEL, HK_CONT_PLANS, ACT_PLANS, true},
	{{'r', 0}, "r", NO_LABEL, HK_RESP_RESET_LEVEL, ACT_RESET, false},
};

static void levels_reload(screen *s, app *a)
{
	data_load(&((levels_screen *)s)->d, a);
}

static void levels_draw(screen *s, app *a, rect b)
{
	levels_screen *ls = (levels_screen *)s;
	const resp_data *d = &ls->d;
	const int wl = 18, wr = 14, wd = 22;
	int xdef = b.x + 2 + wl, xresp = b.x + b.w - wr - wd - 2;
	int xdec = xresp + wr + 1, y = b.y + 3;
	size_t stale = count_stale(d, a->today), examples = count_examples(d);

	draw_card_state(d, b.y, b.x + 1, b.w - 2);
	draw_textf(b.y + 1, b.x + 1, b.w - 2, stale || examples ? ROLE_WARN : ROLE_NORMAL,
		   msg(RESP_CONTACTS_SUMMARY_FMT), d->n, stale, d->days, examples);
	draw_text(y, b.x + 2, wl, ROLE_HEADING, msg(RESP_COL_LEVEL));
	draw_text(y, xdef, xresp - xdef - 1, ROLE_HEADING, msg(RESP_F_DEFINITION));
	draw_text(y, xresp, wr, ROLE_HEADING, msg(RESP_F_MINUTES));
	draw_text(y, xdec, wd, ROLE_HEADING, msg(RESP_F_DECISION));
	for (int i = 0; i < RESP_LEVELS; i++) {
		const resp_level *l = &d->levels[i];
		bool sel = i == ls->cursor;
		draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
		char label[512];
		y = b.y + 4 + i;
		draw_row_marker(y, b, sel);
		resp_level_label(l, label, sizeof label);
		draw_text(y, b.x + 2, wl, base, label);
		draw_text(y, xdef, xresp - xdef - 1, base, l->definition);
		draw_text(y, xresp, wr, base, l->words);
		draw_text(y, xdec, wd, base, l->decision);
	}
	if (ls->cursor >= 0 && ls->cursor < RESP_LEVELS) {
		const resp_level *l = &d->levels[ls->cursor];
		char text[2048], label[512];
		resp_level_label(l, label, sizeof label);
		snprintf(text, sizeof text, msg(RESP_LEVEL_DETAIL_FMT), label,
			 l->definition, l->scope, l->words, (long long)l->minutes,
			 l->decision);
		draw_paragraph((rect){b.y + 9, b.x + 2, b.h - 9, b.w - 4}, 0,
			       ROLE_NORMAL, text);
	}
}

static screen *level_reset(app *a, void *ctx, bool yes)
{
	if (yes)
		wrote(a, store_response_level_reset(a->st, a->rep.unit.id,
						    *(int *)ctx, a->user));
	return NULL;
}

static key_result levels_key(screen *s, app *a, int action, int key)
{
	levels_screen *ls = (levels_screen *)s;
	char q[512], label[512];
	int *ref;
	(void)key;

	if (keymap_move(action, &ls->cursor, RESP_LEVELS))
		return result(RES_NONE);
	switch (action) {
	case ACT_EDIT:
		return push(level_form_new(a, &ls->d.levels[ls->cursor]));
	case ACT_CONTACTS:
		return push(screen_contacts_new(a));
	case ACT_CARD:
		return push(screen_card_new(a));
	case ACT_INCIDENTS:
		return push(screen_incidents_new(a));
	case ACT_PLANS:
		return push(screen_contingency_new(a));
	case ACT_RESET:
		if (!(ref = malloc(sizeof *ref)))
			return result(RES_NONE);
		*ref = ls->cursor + 1;
		resp_level_label(&a->q->response.levels[ls->cursor], label, sizeof label);
		snprintf(q, sizeof q, msg(RESP_RESET_FMT), label);
		return push(confirm_new(q, level_reset, ref, true));
	}
	return result(RES_UNUSED);
}

static void levels_destroy(screen *s)
{
	data_free(&((levels_screen *)s)->d);
	free(s);
}

static const screen_ops levels_ops = {
	.title = RESP_LEVELS_TITLE,
	.keys = KEYTABLE(levels_keys),
	.draw = levels_draw,
	.handle_key = levels_key,
	.reload = levels_reload,
	.destroy = levels_destroy,
};

screen *screen_response_new(app *a)
{
	levels_screen *ls = calloc(1, sizeof *ls);
	if (!ls)
		return NULL;
	ls->base.ops = &levels_ops;
	levels_reload(&ls->base, a);
	return &ls->base;
}
