#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "exports/xlsx_sheets.h"
#include "model/bia_text.h"
#include "model/drill_text.h"
#include "model/explain.h"
#include "model/msg.h"
#include "model/verify_view.h"

enum { COL_LABEL, COL_VALUE, N_COLS };

/* What a reader takes in at a glance: the full list stays on Summary. */
#define EXEC_BLOCKING 3
#define EXEC_OVERDUE 3

#define LABEL(s, row, text) \
	xlsx_put_text((s), (row), COL_LABEL, (text), (s)->f->label, true)

/* The level and risk of r in words into out. */
static void level_text(const report *r, char *out, size_t len)
{
	int level = r->score.level;
	const q_level *lv = level >= 1 && level <= Q_LEVELS
				    ? &r->q->levels[level - 1] : NULL;

	snprintf(out, len, msg(XL_EXEC_LEVEL_FMT), level, lv ? lv->name : "",
		 lv ? lv->risk : "");
}

/* "300 万元": an amount in the calculators' currency unit. */
static void amount_text(money m, const char *currency, char *out, size_t len)
{
	char v[32];

	money_format(m, v, sizeof v);
	snprintf(out, len, msg(XL_EXEC_AMOUNT_FMT), v, currency);
}

/* Under a blocking line about checklist item `item` (SCORE_NO_ITEM for
 * none): what the ROI's costs naming that item add up to, one-off and a
 * year; nothing when no cost names it. Returns the row after. */
static lxw_row_t put_cost(xlsx_sheet *s, const calc_data *d,
			  const questionnaire *q, size_t item, lxw_row_t row)
{
	char one_off[128], yearly[128], line[512];
	roi_item_cost c;

	if (item >= q->n_items)
		return row;
	if (!roi_cost_of_item(d->lines, d->n_lines, q->items[item].key, &c)) {
		xlsx_put_text(s, row, COL_VALUE, msg(ROI_OVERFLOW), s->f->bad,
			      true);
		return row + 1;
	}
	if (!c.linked)
		return row;
	amount_text(c.one_off, d->currency, one_off, sizeof one_off);
	amount_text(c.recurring, d->currency, yearly, sizeof yearly);
	if (c.n_one_off && c.n_recurring)
		snprintf(line, sizeof line, msg(XL_EXEC_COST_BOTH_FMT), one_off,
			 yearly);
	else if (c.n_one_off)
		snprintf(line, sizeof line, msg(XL_EXEC_COST_ONE_OFF_FMT),
			 one_off);
	else
		snprintf(line, sizeof line, msg(XL_EXEC_COST_YEARLY_FMT), yearly);
	xlsx_put_text(s, row, COL_VALUE, line, NULL, true);
	return row + 1;
}

/* The first EXEC_BLOCKING of what blocks the next level, as the Summary
 * lists them, each followed by what closing it costs where the ROI knows,
 * and how many more. Returns the row after them. */
static lxw_row_t put_blocking(xlsx_sheet *s, const xlsx_input *in,
			      bool alone, lxw_row_t row)
{
	const report *r = in->current;
	find_source contradicted[Q_MAX_ITEMS] = {FIND_NONE};
	bool costed[Q_MAX_ITEMS] = {false}; /* an item's cost is said once */
	explain_entry *entries;
	char line[2048];
	size_t n;

	if (r->score.level >= Q_LEVELS)
		return row;
	snprintf(line, sizeof line, msg(XL_EXEC_BLOCKS_FMT),
		 r->score.level + 1);
	LABEL(s, row, line);
	if (!(entries = malloc(EXPLAIN_MAX_ENTRIES * sizeof *entries))) {
		if (s->err == LXW_NO_ERROR)
			s->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
		return row + 1;
	}
	if (in->findings)
		findings_contradicted(in->findings, r->q, r->states,
				      contradicted);
	n = explain_level_entries(r->q, &r->score, contradicted,
				  r->score.level + 1, entries,
				  EXPLAIN_MAX_ENTRIES);
	for (size_t i = 0; i < n && i < EXEC_BLOCKING; i++) {
		explain_entry_text(r->q, &r->score, &entries[i], line,
				   sizeof line);
		xlsx_put_text(s, row++, COL_VALUE, line, s->f->wrap, true);
		size_t item = explain_entry_item(&r->score, &entries[i]);

		if (in->calc && item < r->q->n_items && !costed[item]) {
			costed[item] = true;
			row = put_cost(s, in->calc, r->q, item, row);
		}
	}
	if (n > EXEC_BLOCKING) {
		/* Alone in a group pack, the summary has no Summary sheet
		 * beside it to point to. */
		snprintf(line, sizeof line,
			 msg(alone ? XL_EXEC_MORE_ALONE_FMT : XL_EXEC_MORE_FMT),
			 n - EXEC_BLOCKING);
		xlsx_put_text(s, row++, COL_VALUE, line, NULL, true);
	}
	free(entries);
	return n ? row : row + 1;
}

/* A figure of the ROI sheet at row: a formula reading it from roi (the
 * sheet's name) with v's value cached, or v itself when roi is NULL;
 * text (NULL: the number) in the format text_fmt instead. */
static void put_roi_figure(xlsx_sheet *s, lxw_row_t row, const char *roi,
			   const xlsx_roi_at *at, lxw_row_t at_row, double v,
			   lxw_format *fmt, const char *text,
			   lxw_format *text_fmt)
{
	char ref[2 * LXW_MAX_SHEETNAME_LENGTH + 32];

	if (!roi || !xlsx_sheet_cell(ref, sizeof ref, roi, at_row, at->col)) {
		if (text)
			xlsx_put_text(s, row, COL_VALUE, text, text_fmt, true);
		else
			xlsx_put_number(s, row, COL_VALUE, v, fmt);
	} else if (text) {
		xlsx_put_formula_text(s, row, COL_VALUE, text_fmt, text, "=%s",
				      ref);
	} else {
		xlsx_put_formula(s, row, COL_VALUE, fmt, v, "=%s", ref);
	}
}

/* Payback, net benefit and ROI over N years, as the ROI sheet has them:
 * read from it (roi, its name, or NULL when the workbook has none), so
 * a horizon or figure the reader changes there shows here too. */
static lxw_row_t put_money(xlsx_sheet *s, const calc_data *d,
			   const questionnaire *q, const char *roi, lxw_row_t row)
{
	const roi_result *r = &d->roi;
	xlsx_roi_at at;
	char text[256];

	if (!xlsx_roi_at_of(d, q, &at))
		return row;
	LABEL(s, row, msg(XL_PAYBACK));
	put_roi_figure(s, row++, roi, &at, at.payback, r->payback_years,
		       s->f->decimal, r->pays_back ? NULL : msg(ROI_NEVER),
		       s->f->bad);
	snprintf(text, sizeof text, msg(XL_NET_N_FMT), d->currency);
	LABEL(s, row, text);
	put_roi_figure(s, row++, roi, &at, at.net_n, r->net_n / 100.0,
		       s->f->money, NULL, NULL);
	LABEL(s, row, msg(XL_ROI_PCT));
	put_roi_figure(s, row++, roi, &at, at.roi, r->roi_pct / 100.0,
		       s->f->percent,
		       r->roi_defined ? NULL : msg(XL_NO_INVESTMENT), NULL);
	LABEL(s, row, msg(XL_HORIZON));
	put_roi_figure(s, row++, roi, &at, at.horizon, r->years, NULL, NULL,
		       NULL);
	return row;
}

/* The programme's day and progress, then the first EXEC_OVERDUE overdue
 * tasks and duty occurrences (the agenda lists them first). */
static lxw_row_t put_programme(xlsx_sheet *s, const agenda *g, lxw_row_t row)
{
	const plan_progress *p = &g->progress;
	char line[1024], day[16];
	size_t shown = 0;

	LABEL(s, row, msg(XL_EXEC_PROGRAMME));
	if (g->has_programme) {
		snprintf(line, sizeof line, msg(XL_EXEC_PROG_FMT), p->day,
			 p->done, p->total, p->overdue);
		xlsx_put_text(s, row++, COL_VALUE, line, NULL, true);
	} else {
		xlsx_put_text(s, row++, COL_VALUE, msg(XL_EXEC_NO_PROG), NULL,
			      true);
	}
	LABEL(s, row, msg(XL_EXEC_OVERDUE));
	for (size_t i = 0; i < g->n_entries && shown < EXEC_OVERDUE; i++) {
		const agenda_entry *e = &g->entries[i];

		if (!e->overdue)
			continue;
		date_format(e->due, day, sizeof day);
		snprintf(line, sizeof line, msg(XL_EXEC_OVERDUE_FMT),
			 e->kind == AG_TASK ? g->tasks[e->index].title
					    : g->duties[e->index].title,
			 day);
		xlsx_put_text(s, row++, COL_VALUE, line, s->f->bad, true);
		shown++;
	}
	if (!shown)
		xlsx_put_text(s, row++, COL_VALUE, msg(XL_EXEC_NOTHING),
			      s->f->good, true);
	return row;
}

/* Minutes in words, or "not measured". */
static void minutes_text(int64_t m, char *out, size_t len)
{
	if (m == BIA_UNSET)
		snprintf(out, len, "%s", msg(XL_EXEC_UNKNOWN));
	else
		bia_minutes_format(m, out, len);
}

/* The latest drill against its RTO, and the restore tests in a line. */
static lxw_row_t put_tests(xlsx_sheet *s, const xlsx_input *in,
			   lxw_row_t row)
{
	char line[1024], day[16], rta[64], rto[64];

	LABEL(s, row, msg(XL_EXEC_LAST_DRILL));
	if (in->n_drills) {
		const xlsx_drill *x = &in->drills[0];
		drill_times t;
		target_judgement j;

		drill_measure(&x->f.d, &t);
		j = verify_judge(t.rta, x->rto);
		date_format(x->f.d.held_on, day, sizeof day);
		minutes_text(t.rta, rta, sizeof rta);
		minutes_text(x->rto, rto, sizeof rto);
		snprintf(line, sizeof line, msg(XL_EXEC_DRILL_FMT), day,
			 drill_type_text(&in->current->q->drill, x->f.d.type),
			 rta, rto,
			 j.verdict == TARGET_MET	 ? msg(XL_DRILL_MET)
			 : j.verdict == TARGET_MISSED ? msg(XL_DRILL_MISSED)
						      : msg(XL_EXEC_UNKNOWN));
		xlsx_put_text(s, row++, COL_VALUE, line,
			      j.verdict == TARGET_MET	   ? s->f->good
			      : j.verdict == TARGET_MISSED ? s->f->bad
							   : NULL,
			      true);
	} else {
		xlsx_put_text(s, row++, COL_VALUE, msg(XL_EXEC_NO_DRILL), NULL,
			      true);
	}
	if (in->verify) {
		LABEL(s, row, msg(XL_EXEC_RESTORE));
		verify_view_summary_text(in->verify, line, sizeof line);
		xlsx_put_text(s, row++, COL_VALUE, line, NULL, true);
	}
	return row;
}

lxw_error xlsx_write_executive(lxw_workbook *wb, const xlsx_formats *f,
			       const xlsx_input *in, const char *exported_at,
			       const char *name, const char *roi)
{
	bool alone = name != NULL;
	const report *r = in->current;
	char line[1024];
	xlsx_sheet s;
	lxw_row_t row = 2;
	lxw_error e;

	if ((e = xlsx_sheet_add(wb, name ? name : msg(XL_SHEET_EXEC), f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){false, true, false, 0, 0});
	snprintf(line, sizeof line, msg(XL_EXEC_TITLE_FMT), r->unit.name);
	/* The heading spills over the columns: it does not set a width. */
	xlsx_put_text(&s, 0, COL_LABEL, line, f->title, false);

	LABEL(&s, row, msg(XL_YEAR));
	xlsx_put_number(&s, row++, COL_VALUE, r->assessment.year, NULL);
	LABEL(&s, row, msg(XL_LEVEL));
	level_text(r, line, sizeof line);
	xlsx_put_text(&s, row++, COL_VALUE, line, NULL, true);
	LABEL(&s, row, msg(XL_EXEC_LAST_YEAR));
	if (in->previous) {
		int was = in->previous->score.level, now = r->score.level;

		snprintf(line, sizeof line, msg(XL_EXEC_PREV_FMT),
			 in->previous->assessment.year, was,
			 msg(now > was ? XL_EXEC_UP
				       : now < was ? XL_EXEC_DOWN : XL_EXEC_SAME));
		xlsx_put_text(&s, row++, COL_VALUE, line,
			      now < was ? f->bad : NULL, true);
	} else {
		xlsx_put_text(&s, row++, COL_VALUE, msg(XL_EXEC_NO_PREV), NULL,
			      true);
	}
	row = put_blocking(&s, in, alone, row) + 1;
	if (in->calc)
		row = put_money(&s, in->calc, r->q, roi, row) + 1;
	if (in->plan)
		row = put_programme(&s, in->plan, row) + 1;
	row = put_tests(&s, in, row) + 1;
	LABEL(&s, row, msg(XL_EXPORTED_AT));
	xlsx_put_text(&s, row, COL_VALUE, exported_at, NULL, true);
	return xlsx_sheet_finish(&s, N_COLS);
}
