#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/audit_text.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* The audit log, newest first: who changed what, when, from what to what.
 * It shows the current unit's entries, or with o the whole
 * organisation's; u filters by user, i by checklist item, x clears both.
 * Entries load a page at a time, the next as the cursor reaches the last
 * one loaded, so opening it costs the same whatever the log's size. */
#define AUDIT_PAGE 100
/* Characters of a filter: a login or an item key is far shorter. */
#define FILTER_MAX 63
/* Rows that show the selected entry in full. */
#define AUDIT_DETAIL_ROWS 3

typedef struct {
	screen base;
	audit_list log;   /* the pages loaded, newest first */
	bool more;        /* the last page was full: older entries may follow */
	bool whole;       /* the whole organisation rather than the unit */
	char user[TEXT_BYTES(FILTER_MAX)];
	char key[TEXT_BYTES(FILTER_MAX)];
	int cursor, top;
} audit_screen;

enum { ACT_USER_FILTER = ACT_USER, ACT_ITEM_FILTER, ACT_CLEAR, ACT_SCOPE };

static const keybinding audit_keys[] = {
	NAV_BINDINGS,
	{{'u', 0}, "u", NO_LABEL, HK_FILTER_USER, ACT_USER_FILTER, true},
	{{'i', 0}, "i", NO_LABEL, HK_FILTER_ITEM, ACT_ITEM_FILTER, true},
	{{'x', 0}, "x", NO_LABEL, HK_CLEAR_FILTER, ACT_CLEAR, true},
	{{'o', 0}, "o", NO_LABEL, HK_AUDIT_SCOPE, ACT_SCOPE, true},
};

/* What the screen shows: the unit or the organisation, the filters, and
 * entries older than before (0: from the newest). */
static audit_query shown(const audit_screen *l, const app *a, int64_t before)
{
	return (audit_query){
		.unit_id = l->whole ? 0 : a->rep.assessment.unit_id,
		.user = l->user[0] ? l->user : NULL,
		.key = l->key[0] ? l->key : NULL,
		.before = before,
	};
}

/* Loads the newest entries anew, as many as were shown (at least a
 * page), so a reload keeps the place of the cursor. */
static void audit_load(audit_screen *l, app *a)
{
	size_t rows = l->log.n > AUDIT_PAGE ? l->log.n : AUDIT_PAGE;
	audit_query q = shown(l, a, 0);

	audit_list_free(&l->log);
	l->more = false;
	if (store_audit_page(a->st, &q, rows, &l->log))
		app_message(a, ROLE_BAD, msg(ERR_STORE_FMT), store_errmsg(a->st));
	else
		l->more = l->log.n == rows;
	if (l->cursor >= (int)l->log.n)
		l->cursor = l->log.n ? (int)l->log.n - 1 : 0;
}

/* Appends the page of entries older than the last one loaded. */
static void audit_load_older(audit_screen *l, app *a)
{
	audit_query q = shown(l, a, l->log.v[l->log.n - 1].id);
	audit_list page;
	audit_entry *v;

	l->more = false;
	if (store_audit_page(a->st, &q, AUDIT_PAGE, &page)) {
		app_message(a, ROLE_BAD, msg(ERR_STORE_FMT), store_errmsg(a->st));
		return;
	}
	v = page.n ? realloc(l->log.v, (l->log.n + page.n) * sizeof *v) : NULL;
	if (!v) {
		audit_list_free(&page);
		return;
	}
	/* The entries' strings move with them. */
	memcpy(v + l->log.n, page.v, page.n * sizeof *v);
	l->log.v = v;
	l->log.n += page.n;
	l->more = page.n == AUDIT_PAGE;
	free(page.v);
}

static void audit_reload(screen *s, app *a)
{
	audit_load((audit_screen *)s, a);
}

/* Starts over from the newest entry (the filters or the scope changed). */
static void audit_restart(audit_screen *l, app *a)
{
	audit_list_free(&l->log);
	l->cursor = l->top = 0;
	audit_load(l, a);
}

/* The year an entry belongs to, or 0. */
static int entry_year(app *a, const audit_entry *e)
{
	size_t n;
	const year_summary *ys = app_years(a, &n);
	for (size_t i = 0; i < n; i++)
		if (ys[i].assessment.id == e->assessment_id)
			return ys[i].assessment.year;
	return 0;
}

static void audit_draw(screen *s, app *a, rect b)
{
	audit_screen *l = (audit_screen *)s;
	char filter[sizeof l->user + sizeof l->key + 512];
	/* Below the list, the selected entry in full: a line of the list
	 * cuts long values at 80 columns. */
	int rows = b.h - 1 - AUDIT_DETAIL_ROWS - 1;
	/* What an entry is about gets a third of what a wider window adds. */
	int sw = b.w > 80 ? 20 + (b.w - 80) / 3 : 20;

	char head[sizeof filter + sizeof a->rep.unit.name + 64];

	if (l->user[0] || l->key[0]) {
		char what[sizeof l->user + sizeof l->key + 256];
		int idx = questionnaire_item_index(a->q, l->key);
		snprintf(what, sizeof what, "%s%s%s", l->user,
			 l->user[0] && l->key[0] ? " · " : "",
			 idx >= 0 ? a->q->items[idx].title : l->key);
		snprintf(filter, sizeof filter, msg(AUD_FILTER_FMT), what);
	} else {
		snprintf(filter, sizeof filter, "%s", msg(AUD_ALL));
	}
	snprintf(head, sizeof head, msg(AUD_SCOPE_FMT),
		 l->whole ? msg(AUD_WHOLE) : a->rep.unit.name, filter);
	draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING, head);
	if (l->log.n == 0) {
		draw_text(b.y + 2, b.x + 2, b.w - 4, ROLE_DIM, msg(AUD_EMPTY));
		return;
	}
	l->top = layout_scroll(l->top, l->cursor, (int)l->log.n, rows);
	for (int r = 0; r < rows && l->top + r < (int)l->log.n; r++) {
		const audit_entry *e = &l->log.v[l->top + r];
		bool sel = l->top + r == l->cursor;
		draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
		int y = b.y + 1 + r, x = b.x + 1;
		char when[20], subj[256], change[600];

		stamp_format_local(e->at, when, sizeof when);
		audit_subject(a->q, e, subj, sizeof subj);
		audit_change(a->q, e, change, sizeof change);
		if (sel)
			draw_fill(y, b.x, b.w, ROLE_SELECTED);
		draw_text(y, x, 16, sel ? base : ROLE_DIM, when);
		draw_text(y, x + 17, 8, base, e->user);
		if (entry_year(a, e))
			draw_textf(y, x + 26, 4, sel ? base : ROLE_DIM, "%d",
				   entry_year(a, e));
		draw_text(y, x + 31, sw, base, subj);
		draw_text(y, x + 32 + sw, b.w - 34 - sw, base, change);
	}
	draw_rule(b.y + b.h - AUDIT_DETAIL_ROWS - 1, b.x, b.w);
	{
		const audit_entry *e = &l->log.v[l->cursor];
		char subj[256], change[600], line[1024];

		audit_subject(a->q, e, subj, sizeof subj);
		audit_change(a->q, e, change, sizeof change);
		snprintf(line, sizeof line, msg(AUD_DETAIL_FMT), subj, change);
		draw_paragraph((rect){b.y + b.h - AUDIT_DETAIL_ROWS, b.x + 1,
				      AUDIT_DETAIL_ROWS, b.w - 2},
			       0, ROLE_NORMAL, line);
	}
}

static screen *user_given(app *a, void *ctx, const char *text)
{
	audit_screen *l = ctx;
	snprintf(l->user, sizeof l->user, "%s", text);
	audit_restart(l, a);
	return NULL;
}

/* The item a filter names: its number or its key; -1 for none. */
static int named_item(const app *a, const char *text)
{
	char *end;
	long n = strtol(text, &end, 10);
	if (*text && !*end && n >= 1 && n <= (long)a->q->n_items)
		return (int)n - 1;
	return questionnaire_item_index(a->q, text);
}

static msg_id item_check(app *a, void *ctx, const char *text)
{
	(void)ctx;
	return !*text || named_item(a, text) >= 0 ? MSG__COUNT : AUD_BAD_ITEM;
}

static screen *item_given(app *a, void *ctx, const char *text)
{
	audit_screen *l = ctx;
	int idx = named_item(a, text);

	if (idx >= 0)
		snprintf(l->key, sizeof l->key, "%s", a->q->items[idx].key);
	else
		l->key[0] = '\0';
	audit_restart(l, a);
	return NULL;
}

static key_result audit_key(screen *s, app *a, int action, int key)
{
	audit_screen *l = (audit_screen *)s;
	(void)key;
	if (keymap_move(action, &l->cursor, (int)l->log.n)) {
		/* At the last entry loaded, the older ones come. */
		if (l->more && l->log.n && l->cursor == (int)l->log.n - 1)
			audit_load_older(l, a);
		return result(RES_NONE);
	}
	switch (action) {
	case ACT_USER_FILTER:
		/* The filter in force, else nothing: what is typed is the
		 * name, not added to someone else's. */
		return push(prompt_new(msg(AUD_USER_PROMPT), l->user,
				       FILTER_MAX, FIELD_USER, user_given, l,
				       false));
	case ACT_ITEM_FILTER:
		return push(prompt_checked(prompt_new(msg(AUD_ITEM_PROMPT), l->key,
						      FILTER_MAX, FIELD_ITEM,
						      item_given, l, false),
					   item_check));
	case ACT_CLEAR:
		if (!l->user[0] && !l->key[0]) {
			app_message(a, ROLE_WARN, "%s", msg(AUD_NO_FILTER));
			return result(RES_NONE);
		}
		l->user[0] = l->key[0] = '\0';
		audit_restart(l, a);
		return result(RES_NONE);
	case ACT_SCOPE:
		l->whole = !l->whole;
		audit_restart(l, a);
		return result(RES_NONE);
	}
	return result(RES_UNUSED);
}

static void audit_destroy(screen *s)
{
	audit_screen *l = (audit_screen *)s;
	audit_list_free(&l->log);
	free(l);
}

static const screen_ops audit_ops = {
	.title = AUD_TITLE,
	.keys = KEYTABLE(audit_keys),
	.draw = audit_draw,
	.handle_key = audit_key,
	.reload = audit_reload,
	.destroy = audit_destroy,
};

screen *screen_audit_new(app *a)
{
	audit_screen *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->base.ops = &audit_ops;
	audit_load(l, a);
	return &l->base;
}
