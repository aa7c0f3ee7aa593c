#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/store_verify.h"
#include "model/text.h"
#include "model/verify_text.h"
#include "tui/app.h"
#include "tui/bia_edit.h"
#include "tui/prompt.h"
#include "tui/screens.h"
#include "tui/verify_edit.h"

/* The backups of the year's systems (§3.3): per system its RTO and RPO,
 * whether its copies meet 3-2-1, whether its backup interval can give its
 * RPO, and when it last proved it restores; the selected one said in full
 * under the list: its plan, its copies and the three verdicts as
 * sentences. The plan and copies are edited here, the ledger a key
 * away. */
typedef struct {
	screen base;
	int cursor, top;
	int64_t sel_id;
} backups_screen;

enum {
	ACT_PLAN = ACT_USER,
	ACT_COPIES,
	ACT_ADD_COPY,
	ACT_STALE,
	ACT_LEDGER,
	ACT_RECORD,
};

static const keybinding backups_keys[] = {
	NAV_BINDINGS,
	{{'p', 0}, "p", NO_LABEL, HK_VB_PLAN, ACT_PLAN, true},
	{{'\n', KEY_FN(KEY_ENTER), 'c', 0}, "c", NO_LABEL, HK_VB_COPIES, ACT_COPIES, true},
	{{'a', 0}, "a", NO_LABEL, HK_VB_ADD_COPY, ACT_ADD_COPY, true},
	{{'r', 0}, "r", NO_LABEL, HK_VB_RECORD, ACT_RECORD, true},
	{{'l', 0}, "l", NO_LABEL, HK_VB_LEDGER, ACT_LEDGER, true},
	{{'S', 0}, "S", NO_LABEL, HK_VB_STALE, ACT_STALE, false},
};

enum { W_RTO = 9, W_RPO = 9, W_321 = 6, W_INT = 5, W_LAST = 12 };
#define W_FIGURES (W_RTO + W_RPO + W_321 + W_INT + W_LAST + 5)
#define DETAIL_ROWS 9

static void clamp(backups_screen *b, const verify_view *v)
{
	int n = (int)v->backups.n;
	b->cursor = layout_keep(b->cursor, n, verify_view_system(v, b->sel_id));
	b->sel_id = n ? v->backups.v[b->cursor].system_id : 0;
}

/* The list's short word for a freshness: "5 d ago", "never", "failed". */
static void fresh_short(const freshness *f, char *out, size_t len)
{
	switch (f->state) {
	case FRESH_NEVER: snprintf(out, len, "%s", msg(VB_SHORT_NEVER)); return;
	case FRESH_FAILED:
		snprintf(out, len, "%s", msg(f->last->result == VERIFY_PARTIAL
						     ? VB_SHORT_PARTIAL
						     : VB_SHORT_FAILED));
		return;
	default:
		if (f->days == 0)
			snprintf(out, len, "%s", msg(VB_SHORT_TODAY));
		else
			snprintf(out, len, msg(VB_SHORT_DAYS_FMT), f->days);
		return;
	}
}

static void draw_row(const verify_view *v, size_t i, int y, rect b, bool sel)
{
	const system_backup *s = &v->backups.v[i];
	const verify_system *f = &v->systems[i];
	draw_role base = draw_row_start(y, b, sel);
	int x = b.x + b.w - W_FIGURES;
	char t[64];

	draw_text(y, b.x + 2, x - b.x - 3, base, s->system);
	bia_draw_minutes(y, x, W_RTO - 1, base, f->rto);
	x += W_RTO + 1;
	bia_draw_minutes(y, x, W_RPO - 1, base, f->rpo);
	x += W_RPO + 1;
	draw_text(y, x + 2, W_321 - 2, sel ? base : f->r321.missing ? ROLE_BAD : ROLE_OK,
		  f->r321.missing ? "✗" : "✓");
	x += W_321 + 1;
	draw_text(y, x + 2, W_INT - 2,
		  sel ? base : f->interval == INTERVAL_MEETS ? ROLE_OK
			 : f->interval == INTERVAL_TOO_LONG ? ROLE_BAD : ROLE_WARN,
		  f->interval == INTERVAL_MEETS ? "✓"
		  : f->interval == INTERVAL_TOO_LONG ? "✗" : "—");
	x += W_INT + 1;
	fresh_short(&f->fresh, t, sizeof t);
	draw_text(y, x, W_LAST, sel ? base : verify_fresh_role(&f->fresh), t);
}

/* The plan in one sentence: "Full 每周日 (7 d) · incremental ... ". */
static void plan_line(const backup_plan *p, char *out, size_t len)
{
	char every[64], part[256];
	size_t used = 0;

	out[0] = '\0';
	if (p->full_schedule[0] || p->full_every >= 0) {
		bia_minutes_format(p->full_every, every, sizeof every);
		snprintf(part, sizeof part, msg(VB_FULL_FMT),
			 p->full_schedule[0] ? p->full_schedule : "—",
			 p->full_every >= 0 ? every : "—");
		used += (size_t)snprintf(out + used, len - used, "%s", part);
	}
	if (used < len && (p->incr_schedule[0] || p->incr_every >= 0)) {
		bia_minutes_format(p->incr_every, every, sizeof every);
		snprintf(part, sizeof part, msg(VB_INCR_FMT),
			 p->incr_schedule[0] ? p->incr_schedule : "—",
			 p->incr_every >= 0 ? every : "—");
		used += (size_t)snprintf(out + used, len - used, "%s%s",
					 used ? " · " : "", part);
	}
	if (used < len && p->realtime)
		used += (size_t)snprintf(out + used, len - used, "%s%s",
					 used ? " · " : "", msg(VB_REALTIME));
	if (used < len && p->retention[0])
		snprintf(out + used, len - used, "%s%s%s", used ? " · " : "",
			 msg(VB_RETENTION), p->retention);
}

static void copies_line(const system_backup *s, char *out, size_t len)
{
	size_t used = (size_t)snprintf(out, len, "%s", msg(VB_COPIES));
	if (used < len)
		verify_copies_text(s, " · ", out + used, len - used);
	if (!s->n_copies && used < len)
		snprintf(out + used, len - used, "%s", msg(VB_NO_COPIES));
}

static void draw_detail(const verify_view *v, size_t i, rect r)
{
	const system_backup *s = &v->backups.v[i];
	const verify_system *f = &v->systems[i];
	char line[2048];
	int y = r.y, end = r.y + r.h;

	if (s->has_plan) {
		plan_line(&s->plan, line, sizeof line);
		y += draw_paragraph((rect){y, r.x, end - y, r.w}, 0, ROLE_NORMAL,
				    line[0] ? line : msg(VB_EMPTY_PLAN));
	} else {
		draw_text(y++, r.x, r.w, ROLE_WARN, msg(VB_NO_PLAN));
	}
	if (y < end) {
		copies_line(s, line, sizeof line);
		y += draw_paragraph((rect){y, r.x, end - y, r.w}, 0,
				    s->n_copies ? ROLE_NORMAL : ROLE_WARN, line);
	}
	if (y < end) {
		backup_321_text(&f->r321, line, sizeof line);
		y += draw_paragraph((rect){y, r.x, end - y, r.w}, 0,
				    f->r321.missing ? ROLE_BAD : ROLE_OK, line);
	}
	if (y < end) {
		backup_interval_text(&s->plan, f->rpo, line, sizeof line);
		y += draw_paragraph((rect){y, r.x, end - y, r.w}, 0,
				    f->interval == INTERVAL_MEETS ? ROLE_OK
				    : f->interval == INTERVAL_TOO_LONG ? ROLE_BAD
								       : ROLE_WARN,
				    line);
	}
	if (y < end) {
		/* The last test's recovery time against the RTO beside it. */
		verify_freshness_text(&f->fresh, line, sizeof line);
		if (f->fresh.last && f->fresh.last->rta >= 0) {
			size_t used = strlen(line);
			snprintf(line + used, sizeof line - used, " · ");
			used = strlen(line);
			verify_judgement_text("RTA", "RTO", f->fresh.last->rta, f->rto,
					      line + used, sizeof line - used);
		}
		draw_paragraph((rect){y, r.x, end - y, r.w}, 0,
			       verify_fresh_role(&f->fresh), line);
	}
}

static void backups_draw(screen *s, app *a, rect b)
{
	backups_screen *bs = (backups_screen *)s;
	const verify_view *v = app_verify(a);
	int n = (int)v->backups.n;
	int x = b.x + b.w - W_FIGURES;
	int list_h = b.h - 3 - DETAIL_ROWS;
	char t[512];

	clamp(bs, v);
	verify_view_summary_text(v, t, sizeof t);
	draw_textf(b.y, b.x + 2, b.w - 3,
		   v->n_never || v->n_stale || v->n_failed ? ROLE_WARN : ROLE_DIM,
		   msg(VB_SUMMARY_FMT), t, v->stale_days);
	draw_text(b.y + 1, b.x + 2, x - b.x - 3, ROLE_HEADING, msg(BIA_COL_SYSTEM));
	draw_text_right(b.y + 1, x, W_RTO - 1, ROLE_HEADING, "RTO");
	x += W_RTO + 1;
	draw_text_right(b.y + 1, x, W_RPO - 1, ROLE_HEADING, "RPO");
	x += W_RPO + 1;
	draw_text(b.y + 1, x, W_321, ROLE_HEADING, "3-2-1");
	x += W_321 + 1;
	draw_text(b.y + 1, x, W_INT, ROLE_HEADING, msg(VB_COL_INTERVAL));
	x += W_INT + 1;
	draw_text(b.y + 1, x, W_LAST, ROLE_HEADING, msg(VB_COL_TESTED));
	if (n == 0) {
		draw_paragraph((rect){b.y + 3, b.x + 2, list_h, b.w - 4}, 0, ROLE_DIM,
			       msg(VB_EMPTY));
		return;
	}
	bs->top = layout_scroll(bs->top, bs->cursor, n, list_h);
	for (int i = 0; i < list_h && bs->top + i < n; i++)
		draw_row(v, (size_t)(bs->top + i), b.y + 2 + i, b,
			 bs->top + i == bs->cursor);
	draw_text(b.y + 2 + list_h, b.x + 2, b.w - 3, ROLE_DIM, msg(VB_LEGEND));
	draw_rule(b.y + 3 + list_h, b.x, b.w);
	draw_detail(v, (size_t)bs->cursor,
		    (rect){b.y + 4 + list_h, b.x + 2, DETAIL_ROWS - 1, b.w - 3});
}

/* ---- One system's copies ---- */

typedef struct {
	screen base;
	int64_t system_id;
	int cursor, top;
} copies_screen;

enum { ACT_C_ADD = ACT_USER + 50, ACT_C_EDIT, ACT_C_DELETE };

static const keybinding copies_keys[] = {
	NAV_BINDINGS,
	{{'a', 0}, "a", NO_LABEL, HK_VB_ADD_COPY, ACT_C_ADD, true},
	{{'e', '\n', KEY_FN(KEY_ENTER), 0}, "e", NO_LABEL, HK_VB_EDIT_COPY, ACT_C_EDIT, true},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_VB_DELETE_COPY, ACT_C_DELETE, true},
};

static const system_backup *copies_of(app *a, int64_t system_id)
{
	const verify_view *v = app_verify(a);
	size_t i = verify_view_system(v, system_id);
	return i == BIA_NO_INDEX ? NULL : &v->backups.v[i];
}

static void copies_draw(screen *s, app *a, rect b)
{
	copies_screen *c = (copies_screen *)s;
	const system_backup *k = copies_of(a, c->system_id);
	int n, rows = b.h - 2;

	if (!k)
		return;
	n = (int)k->n_copies;
	draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(VB_COPIES_TITLE_FMT),
		   k->system);
	if (!n) {
		draw_paragraph((rect){b.y + 2, b.x + 2, rows, b.w - 4}, 0, ROLE_DIM,
			       msg(VB_NO_COPIES_HINT));
		return;
	}
	if (c->cursor >= n)
		c->cursor = n - 1;
	c->top = layout_scroll(c->top, c->cursor, n, rows);
	for (int r = 0; r < rows && c->top + r < n; r++) {
		const backup_copy *p = &k->copies[c->top + r];
		int y = b.y + 2 + r;
		draw_role role = draw_row_start(y, b, c->top + r == c->cursor);
		draw_textf(y, b.x + 2, b.w - 3, role, "%s · %s%s", p->location,
			   backup_medium_text(p->medium),
			   p->offsite ? msg(VB_OFFSITE_TAG) : "");
	}
}

static screen *copy_deleted(app *a, void *ctx, bool yes)
{
	if (yes)
		verify_wrote(a, store_backup_copy_delete(a->st, *(int64_t *)ctx,
							 a->user));
	return NULL;
}

static key_result copies_key(screen *s, app *a, int action, int key)
{
	copies_screen *c = (copies_screen *)s;
	const system_backup *b = copies_of(a, c->system_id);
	char q[512];
	(void)key;
	if (!b)
		return result(RES_UNUSED);
	if (keymap_move(action, &c->cursor, (int)b->n_copies))
		return result(RES_NONE);
	if (action == ACT_C_ADD)
		return push(verify_copy_form_new(a, c->system_id, 0));
	if ((action != ACT_C_EDIT && action != ACT_C_DELETE) || !b->n_copies)
		return result(RES_UNUSED);
	const backup_copy *k = &b->copies[c->cursor];
	if (action == ACT_C_EDIT)
		return push(verify_copy_form_new(a, c->system_id, k->id));
	snprintf(q, sizeof q, msg(VB_DELETE_COPY_FMT), k->location);
	return push(confirm_new(q, copy_deleted, bia_id_ref(k->id), true));
}

static void plain_destroy(screen *s) { free(s); }

static const screen_ops copies_ops = {
	.title = VB_COPIES_TITLE,
	.keys = KEYTABLE(copies_keys),
	.draw = copies_draw,
	.handle_key = copies_key,
	.destroy = plain_destroy,
};

static screen *copies_new(int64_t system_id)
{
	copies_screen *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->base.ops = &copies_ops;
	c->system_id = system_id;
	return &c->base;
}

static key_result backups_key(screen *s, app *a, int action, int key)
{
	backups_screen *bs = (backups_screen *)s;
	const verify_view *v = app_verify(a);
	int n = (int)v->backups.n;
	(void)key;

	clamp(bs, v);
	if (keymap_move(action, &bs->cursor, n)) {
		bs->sel_id = n ? v->backups.v[bs->cursor].system_id : 0;
		return result(RES_NONE);
	}
	switch (action) {
	case ACT_STALE: return push(verify_stale_prompt_new(a));
	case ACT_LEDGER:
		return push(screen_ledger_new(a, n ? v->backups.v[bs->cursor].system
						   : NULL));
	}
	if (!n)
		return result(RES_UNUSED);
	switch (action) {
	case ACT_PLAN: return push(verify_plan_form_new(a, bs->sel_id));
	case ACT_COPIES: return push(copies_new(bs->sel_id));
	case ACT_ADD_COPY: return push(verify_copy_form_new(a, bs->sel_id, 0));
	case ACT_RECORD:
		return push(verify_entry_form_new(a, v->backups.v[bs->cursor].system));
	}
	return result(RES_UNUSED);
}

static const screen_ops backups_ops = {
	.title = VB_TITLE,
	.keys = KEYTABLE(backups_keys),
	.draw = backups_draw,
	.handle_key = backups_key,
	.destroy = plain_destroy,
};

screen *screen_backups_new(int64_t system_id)
{
	backups_screen *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->base.ops = &backups_ops;
	b->sel_id = system_id;
	return &b->base;
}
