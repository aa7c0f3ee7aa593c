#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/explain.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/criterion_answer.h"
#include "tui/screens.h"

/* The five levels of §6.2 with their criteria, what is reached, and the
 * gap list for the next level. Space answers the criterion under the
 * cursor; Enter opens the checklist item it relies on. */
typedef struct {
	screen base;
	int cursor; /* criterion index */
	int top;    /* first row shown */
} maturity_screen;

enum { ACT_OPEN = ACT_USER, ACT_ADD_EVIDENCE };

static const keybinding maturity_keys[] = {
	NAV_BINDINGS,
	ANSWER_BINDINGS,
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_OPEN, ACT_OPEN, true},
	{{'e', 0}, "e", NO_LABEL, HK_ADD_EVIDENCE, ACT_ADD_EVIDENCE, true},
};

/* Rows of the level list: a heading per level, then its criteria. */
typedef struct {
	int level;     /* heading of this level when crit < 0 */
	int crit;      /* criterion index or -1 */
} mrow;

static int build_rows(const questionnaire *q, mrow *rows)
{
	int n = 0;
	for (int lv = 1; lv <= Q_LEVELS; lv++) {
		rows[n++] = (mrow){lv, -1};
		for (size_t c = 0; c < q->n_criteria; c++)
			if (q->criteria[c].level == lv)
				rows[n++] = (mrow){lv, (int)c};
	}
	return n;
}

static int row_of_crit(const mrow *rows, int n, int crit)
{
	for (int i = 0; i < n; i++)
		if (rows[i].crit == crit)
			return i;
	return 0;
}

static void draw_level_row(app *a, int y, rect b, int lv)
{
	const q_level *l = &a->q->levels[lv - 1];
	bool reached = a->rep.score.level >= lv;
	int x = b.x + 1;
	draw_textf(y, x, 4, ROLE_HEADING, "L%d", lv);
	draw_text(y, x + 4, 14, ROLE_HEADING, l->name);
	draw_textf(y, x + 19, 18, ROLE_DIM, msg(FRAME_RISK_FMT), l->risk);
	x += 38;
	if (reached)
		x += draw_textf(y, x, b.x + b.w - x, ROLE_OK, "✓ %s",
				msg(MAT_REACHED)) + 2;
	if (lv == 1)
		draw_text(y, x, b.x + b.w - x, ROLE_DIM, msg(MAT_NO_CRITERIA));
}

/* One line with every level: reached, or how many criteria are open. */
static void draw_overview(app *a, int y, rect b)
{
	const report *r = &a->rep;
	const q_level *lv = &a->q->levels[r->score.level - 1];
	int x = b.x + 1;
	char risk[64];

	x += draw_textf(y, x, b.w / 2, ROLE_HEADING, msg(FRAME_LEVEL_FMT),
			lv->number, lv->name);
	x += draw_text(y, x, 3, ROLE_DIM, " · ");
	snprintf(risk, sizeof risk, msg(FRAME_RISK_FMT), lv->risk);
	x += draw_text(y, x, b.x + b.w - x, ROLE_DIM, risk) + 3;
	for (int l = 1; l <= Q_LEVELS && x < b.x + b.w - 6; l++) {
		size_t open = r->score.open_per_level[l - 1];
		if (r->score.level >= l)
			x += draw_textf(y, x, 6, ROLE_OK, "L%d ✓", l) + 2;
		else
			x += draw_textf(y, x, 8, ROLE_WARN, "L%d ✗%zu", l, open) + 2;
	}
}

static void draw_crit_row(app *a, int y, rect b, int c, bool sel)
{
	const q_criterion *cr = &a->q->criteria[c];
	crit_input in = a->rep.answers[c];
	bool ok = a->rep.score.satisfied[c];

	draw_role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
	char right[96] = "";
	int rw, x = b.x + 4;

	if (sel) {
		draw_fill(y, b.x, b.w, ROLE_SELECTED);
		draw_text(y, b.x, 1, ROLE_SELECTED, ">");
	}
	draw_text(y, x, 2, sel ? base : ok ? ROLE_OK : ROLE_BAD, ok ? "✓" : "✗");
	x += 2;
	{
		ev_count ev = report_crit_evidence(&a->rep, (size_t)c);
		char evs[48];
		if (ev.expired)
			snprintf(evs, sizeof evs, msg(MAT_EVIDENCE_EXP_FMT), ev.valid,
				 ev.expired);
		else
			snprintf(evs, sizeof evs, msg(MAT_EVIDENCE_FMT), ev.valid);
		snprintf(right, sizeof right, "%s%s%s",
			 in.answer != ANS_UNANSWERED ? explain_answer(in.answer) : "",
			 in.answer != ANS_UNANSWERED ? " · " : "", evs);
	}
	rw = text_width(right);
	draw_text(y, x, b.x + b.w - x - rw - 3, base, cr->text);
	draw_text_right(y, b.x, b.w - 2, sel ? base : ROLE_DIM, right);
}

static void maturity_draw(screen *s, app *a, rect b)
{
	maturity_screen *m = (maturity_screen *)s;
	mrow rows[Q_LEVELS + Q_MAX_CRITERIA];
	int n, cur_row, list_h, gap_h, next;
	const report *r = &a->rep;
	rect gaps;

	if (!a->rep_loaded)
		return;
	n = build_rows(a->q, rows);
	draw_overview(a, b.y, b);
	b.y++;
	b.h--;
	/* The gap list gets the lower part; the levels scroll above it. */
	gap_h = b.h / 3 < 4 ? 4 : b.h / 3;
	list_h = b.h - gap_h - 1;
	cur_row = row_of_crit(rows, n, m->cursor);
	m->top = layout_scroll(m->top, cur_row, n, list_h);
	if (cur_row - m->top < list_h && m->top > 0 && rows[cur_row - 1].crit < 0 &&
	    cur_row - 1 < m->top)
		m->top--;
	for (int i = 0; i < list_h && m->top + i < n; i++) {
		const mrow *row = &rows[m->top + i];
		if (row->crit < 0)
			draw_level_row(a, b.y + i, b, row->level);
		else
			draw_crit_row(a, b.y + i, b, row->crit, row->crit == m->cursor);
	}

	draw_rule(b.y + list_h, b.x, b.w);
	gaps = (rect){b.y + list_h + 1, b.x + 2, gap_h, b.w - 4};
	next = r->score.level + 1;
	if (next > Q_LEVELS) {
		draw_text(gaps.y, gaps.x, gaps.w, ROLE_OK, msg(MAT_ALL_REACHED));
		return;
	}
	draw_textf(gaps.y, gaps.x, gaps.w, ROLE_HEADING, msg(MAT_GAPS_FMT), next,
		   a->q->levels[next - 1].name);
	{
		/* The gaps of the next level; when they do not all fit, the
		 * last row says so with "…". */
		static explain_entry shown[EXPLAIN_MAX_ENTRIES];
		find_source contradicted[Q_MAX_ITEMS];
		size_t n_shown;
		int y = 1;
		findings_contradicted(app_findings(a), a->q, r->states,
				      contradicted);
		n_shown = explain_level_entries(a->q, &r->score, contradicted,
						next, shown, EXPLAIN_MAX_ENTRIES);
		for (size_t i = 0; i < n_shown && y < gaps.h; i++) {
			char line[768];
			explain_entry_text(a->q, &r->score, &shown[i], line,
					   sizeof line);
			y += draw_bullet(gaps, y, ROLE_WARN, line, i + 1 < n_shown);
		}
	}
}

static key_result maturity_key(screen *s, app *a, int action, int key)
{
	maturity_screen *m = (maturity_screen *)s;
	key_result r;

	(void)key;
	if (a->q->n_criteria == 0 || !a->rep_loaded)
		return result(RES_UNUSED);
	if (keymap_move(action, &m->cursor, (int)a->q->n_criteria))
		return result(RES_NONE);
	if (criterion_answer_key(a, (size_t)m->cursor, action, &r))
		return r;
	switch (action) {
	case ACT_OPEN:
		return push(screen_criterion_new(a, (size_t)m->cursor));
	case ACT_ADD_EVIDENCE:
		return push(screen_evidence_new(a, a->q->criteria[m->cursor].key, 0));
	}
	return result(RES_UNUSED);
}

static void maturity_destroy(screen *s) { free(s); }

static const screen_ops maturity_ops = {
	.title = MAT_TITLE,
	.keys = KEYTABLE(maturity_keys),
	.draw = maturity_draw,
	.handle_key = maturity_key,
	.destroy = maturity_destroy,
};

screen *screen_maturity_new(void)
{
	maturity_screen *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->base.ops = &maturity_ops;
	return &m->base;
}
