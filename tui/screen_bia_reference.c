#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/bia_view.h"
#include "model/money.h"
#include "tui/app.h"
#include "tui/bia_edit.h"
#include "tui/screens.h"

/* The reference data in use (§3.1, §3.2): the DR level table with its
 * source, version and note, the level rule as moat applies it, the
 * architectures; and the unit's settings of the analysis (durations,
 * intolerable rating, margin threshold, review interval). Scrolls. */
typedef struct {
	screen base;
	int scroll;
	int rows;   /* what the last draw took, to bound the scroll */
	int height; /* the body's rows then */
} ref_screen;

enum {
	ACT_TABLE = ACT_USER,
	ACT_DURATIONS,
	ACT_INTOLERABLE,
	ACT_MARGIN,
	ACT_REVIEW,
};

static const keybinding ref_keys[] = {
	NAV_BINDINGS,
	{{'n', 0}, "n", NO_LABEL, HK_BIA_NEXT_TABLE, ACT_TABLE, true},
	{{'D', 0}, "D", NO_LABEL, HK_BIA_DURATIONS, ACT_DURATIONS, true},
	{{'i', 0}, "i", NO_LABEL, HK_BIA_INTOLERABLE, ACT_INTOLERABLE, true},
	{{'w', 0}, "w", NO_LABEL, HK_BIA_MARGIN, ACT_MARGIN, true},
	{{'r', 0}, "r", NO_LABEL, HK_BIA_REVIEW_MONTHS, ACT_REVIEW, false},
};

/* Rows drawn from the top of the content, shifted up by the scroll. */
typedef struct {
	rect b;
	int y; /* row of the content, from 0 */
	int scroll;
} pen;

static bool visible(const pen *p)
{
	return p->y >= p->scroll && p->y - p->scroll < p->b.h;
}

static int row_of(const pen *p)
{
	return p->b.y + p->y - p->scroll;
}

static void line(pen *p, int x, draw_role role, const char *text)
{
	if (visible(p))
		draw_text(row_of(p), p->b.x + x, p->b.w - x - 1, role, text);
	p->y++;
}

static void para(pen *p, int x, draw_role role, const char *text)
{
	int w = p->b.w - x - 1;
	int rows = draw_paragraph_rows(text, w);
	int top = p->y - p->scroll; /* its first row, from the body's top */
	int from = top > 0 ? top : 0;
	if (top + rows > 0 && from < p->b.h)
		draw_paragraph((rect){p->b.y + from, p->b.x + x, p->b.h - from, w},
			       top < 0 ? top : 0, role, text);
	p->y += rows;
}

/* "≤ 12 h", or "no bound". */
static void upper_text(int64_t upper, char *out, size_t len)
{
	char m[64];
	if (upper == BIA_UNBOUNDED) {
		snprintf(out, len, "%s", msg(BIAT_UNBOUNDED));
		return;
	}
	bia_minutes_format(upper, m, sizeof m);
	snprintf(out, len, "≤ %s", m);
}

static void draw_levels(pen *p, const bia_table *t)
{
	/* Wider windows give the words more room. */
	int extra = p->b.w > 80 ? (p->b.w - 80) / 4 : 0;
	int x = 2, wn = 20 + extra, wr = 16 + extra;
	if (visible(p)) {
		int y = row_of(p);
		draw_text(y, p->b.x + x, 3, ROLE_HEADING, "#");
		draw_text(y, p->b.x + x + 3, wn, ROLE_HEADING, msg(BIA_COL_LEVEL_NAME));
		draw_text(y, p->b.x + x + 4 + wn, wr, ROLE_HEADING, "RTO");
		draw_text(y, p->b.x + x + 5 + wn + wr, wr, ROLE_HEADING, "RPO");
		draw_text(y, p->b.x + x + 6 + wn + 2 * wr, p->b.w - (x + 7 + wn + 2 * wr),
			  ROLE_HEADING, msg(BIA_COL_COST_SUITS));
	}
	p->y++;
	for (size_t i = 0; i < t->n_levels; i++, p->y++) {
		const bia_level *l = &t->levels[i];
		char rest[256];
		if (!visible(p))
			continue;
		int y = row_of(p);
		draw_textf(y, p->b.x + x, 3, ROLE_NORMAL, "%d", l->number);
		draw_text(y, p->b.x + x + 3, wn, ROLE_NORMAL, l->name);
		draw_text(y, p->b.x + x + 4 + wn, wr, ROLE_NORMAL, l->rto.words);
		draw_text(y, p->b.x + x + 5 + wn + wr, wr, ROLE_NORMAL, l->rpo.words);
		snprintf(rest, sizeof rest, "%s · %s", l->cost ? l->cost : "—",
			 l->suits ? l->suits : "");
		draw_text(y, p->b.x + x + 6 + wn + 2 * wr, p->b.w - (x + 7 + wn + 2 * wr),
			  ROLE_NORMAL, rest);
		/* The bound the level rule goes by, under the words. */
		p->y++;
		if (!visible(p))
			continue;
		y = row_of(p);
		upper_text(l->rto.upper, rest, sizeof rest);
		draw_text(y, p->b.x + x + 4 + wn, wr, ROLE_DIM, rest);
		upper_text(l->rpo.upper, rest, sizeof rest);
		draw_text(y, p->b.x + x + 5 + wn + wr, wr, ROLE_DIM, rest);
	}
}

static void draw_archs(pen *p, const bia_reference *ref)
{
	char t[1024];
	for (size_t i = 0; i < ref->n_archs; i++) {
		const bia_arch *a = &ref->archs[i];
		snprintf(t, sizeof t, msg(BIA_ARCH_HEAD_FMT), a->name,
			 a->cost_factor.words ? a->cost_factor.words : "",
			 a->suits ? a->suits : "");
		para(p, 2, ROLE_NORMAL, t);
		for (size_t s = 0; s < a->n_sites; s++) {
			const bia_site *site = &a->sites[s];
			snprintf(t, sizeof t, msg(BIA_SITE_FMT), site->name,
				 site->rto.words, site->rpo.words,
				 site->distance.words ? site->distance.words : "");
			para(p, 4, ROLE_DIM, t);
		}
	}
}

static void ref_draw(screen *s, app *a, rect b)
{
	ref_screen *r = (ref_screen *)s;
	const bia_view *v = app_bia(a);
	const bia_reference *ref = &a->q->bia;
	const bia_table *t = v->table;
	pen p = {b, 0, r->scroll};
	char line_text[1024], list[512] = "", one[64];
	size_t used = 0;

	if (t) {
		snprintf(line_text, sizeof line_text, msg(BIA_REF_TABLE_FMT), t->title,
			 (int)(t - ref->tables) + 1, (int)ref->n_tables);
		line(&p, 2, ROLE_HEADING, line_text);
		snprintf(line_text, sizeof line_text, msg(BIA_REF_SOURCE_FMT), t->source,
			 t->version);
		para(&p, 2, ROLE_DIM, line_text);
		if (t->note && *t->note)
			para(&p, 2, ROLE_WARN, t->note);
		para(&p, 2, ROLE_NORMAL, bia_level_rule_text());
		draw_levels(&p, t);
	} else {
		line(&p, 2, ROLE_WARN, msg(BIAT_REC_EMPTY));
	}
	p.y++;
	if (ref->n_archs) {
		snprintf(line_text, sizeof line_text, msg(BIA_REF_SOURCE_FMT),
			 ref->arch_source ? ref->arch_source : "",
			 ref->arch_version ? ref->arch_version : "");
		line(&p, 2, ROLE_HEADING, ref->arch_title ? ref->arch_title : "");
		para(&p, 2, ROLE_DIM, line_text);
		draw_archs(&p, ref);
		p.y++;
	}
	line(&p, 2, ROLE_HEADING, msg(BIA_SETTINGS_HEAD));
	for (size_t i = 0; i < v->d.n_durations && used < sizeof list; i++) {
		bia_minutes_format(v->d.durations[i], one, sizeof one);
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
					 i ? msg(BIAT_LIST_SEP) : "", one);
	}
	snprintf(line_text, sizeof line_text, msg(BIA_SET_DURATIONS_FMT),
		 used ? list : "—");
	line(&p, 2, ROLE_NORMAL, line_text);
	snprintf(line_text, sizeof line_text, msg(BIA_SET_INTOLERABLE_FMT),
		 ref->rating_names[v->d.intolerable]);
	line(&p, 2, ROLE_NORMAL, line_text);
	num_format_trim(v->d.margin_permille, 1, one, sizeof one);
	snprintf(line_text, sizeof line_text, msg(BIA_SET_MARGIN_FMT), one);
	line(&p, 2, ROLE_NORMAL, line_text);
	snprintf(line_text, sizeof line_text, msg(BIA_SET_REVIEW_FMT),
		 v->d.review_months);
	line(&p, 2, ROLE_NORMAL, line_text);
	r->rows = p.y;
	r->height = b.h;
}

static key_result ref_key(screen *s, app *a, int action, int key)
{
	ref_screen *r = (ref_screen *)s;
	int max = r->rows > r->height ? r->rows - r->height : 0;
	(void)key;
	switch (action) {
	case ACT_UP:
		if (r->scroll > 0)
			r->scroll--;
		return result(RES_NONE);
	case ACT_DOWN:
		if (r->scroll < max)
			r->scroll++;
		return result(RES_NONE);
	case ACT_FIRST:
		r->scroll = 0;
		return result(RES_NONE);
	case ACT_LAST:
		r->scroll = max;
		return result(RES_NONE);
	case ACT_TABLE:
		bia_next_table(a);
		return result(RES_NONE);
	case ACT_DURATIONS: return push(bia_edit_durations(a));
	case ACT_INTOLERABLE:
		bia_step_intolerable(a);
		return result(RES_NONE);
	case ACT_MARGIN: return push(bia_edit_margin(a));
	case ACT_REVIEW: return push(bia_edit_review_months(a));
	}
	return result(RES_UNUSED);
}

static void ref_destroy(screen *s) { free(s); }

static const screen_ops ref_ops = {
	.title = BIA_REF_TITLE,
	.keys = KEYTABLE(ref_keys),
	.draw = ref_draw,
	.handle_key = ref_key,
	.destroy = ref_destroy,
};

screen *screen_bia_reference_new(void)
{
	ref_screen *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->base.ops = &ref_ops;
	return &r->base;
}
