#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/xlsx_sheets.h"
#include "model/bia_text.h"
#include "model/msg.h"

/* The business contingency plans (§4.3): a table of every plan's state,
 * then each plan in full with the difference of its steps since the
 * approval; and the blank registration forms, one to a printed page. */

enum { PC_SYSTEM, PC_SCENARIO, PC_OUTAGE, PC_TRIGGER, PC_VERSION, PC_APPROVER,
       PC_APPROVED_ON, PC_REVIEWED_ON, PC_REVIEW_DUE, PC_STATE, PC_STEPS,
       PC_BACKENTRY, PC_N };
enum { SC_NO, SC_TITLE, SC_LIMIT, SC_ROLE, SC_DETAIL, SC_N };

/* A duration in words ("2 h"), nothing when none is given. */
static void put_minutes(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
			int64_t minutes)
{
	char m[64];
	if (minutes == CONT_NONE)
		return;
	bia_minutes_format(minutes, m, sizeof m);
	xlsx_put_text(s, row, col, m, NULL, true);
}

static void put_state_row(xlsx_sheet *s, lxw_row_t row, const cont_record *r,
			  date today)
{
	const cont_plan *p = &r->plan;
	unsigned st = cont_state(&r->summary, today);
	char state[256];

	cont_state_text(&r->summary, today, state, sizeof state);
	xlsx_put_text(s, row, PC_SYSTEM, p->system, NULL, true);
	xlsx_put_text(s, row, PC_SCENARIO, p->scenario, NULL, true);
	put_minutes(s, row, PC_OUTAGE, p->outage);
	xlsx_put_text(s, row, PC_TRIGGER, p->trigger, NULL, true);
	if (r->approved.version) {
		xlsx_put_number(s, row, PC_VERSION, (double)r->approved.version, NULL);
		xlsx_put_text(s, row, PC_APPROVER, r->approved.approved_by, NULL, true);
		xlsx_put_date(s, row, PC_APPROVED_ON, r->approved.approved_on);
		xlsx_put_date(s, row, PC_REVIEW_DUE, cont_review_due(&r->summary));
	}
	xlsx_put_date(s, row, PC_REVIEWED_ON, r->reviewed_on);
	xlsx_put_text(s, row, PC_STATE, state,
		      st == CONT_APPROVED ? s->f->good : s->f->bad, true);
	xlsx_put_number(s, row, PC_STEPS, (double)r->n_steps, NULL);
	put_minutes(s, row, PC_BACKENTRY, p->backentry);
}

/* A label in the first column, the text beside it; nothing when the
 * text is empty. */
static lxw_row_t put_field(xlsx_sheet *s, lxw_row_t row, msg_id label,
			   const char *text)
{
	if (!*text)
		return row;
	xlsx_put_text(s, row, 0, msg(label), s->f->label, false);
	xlsx_put_text(s, row, 1, text, NULL, false);
	return row + 1;
}

/* The steps' lines that changed since the approval, "+" and "-" first. */
static lxw_row_t put_diff(xlsx_sheet *s, lxw_row_t row, const cont_record *r)
{
	cont_diff_line *d = NULL;
	size_t n = 0;
	char *now = cont_canonical(r->steps, r->n_steps);
	char head[256], day[16];

	if (!now || cont_diff(r->approved.snapshot ? r->approved.snapshot : "",
			      now, &d, &n)) {
		free(now);
		if (s->err == LXW_NO_ERROR)
			s->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
		return row;
	}
	free(now);
	date_format(r->approved.approved_on, day, sizeof day);
	snprintf(head, sizeof head, msg(CONT_DIFF_HEAD_FMT),
		 (long long)r->approved.version, day);
	xlsx_put_text(s, row++, 0, head, s->f->label, false);
	for (size_t i = 0; i < n; i++) {
		char line[TEXT_BYTES(CONT_LONG_MAX) + 4];
		if (d[i].sign == ' ')
			continue;
		snprintf(line, sizeof line, "%c %s", d[i].sign, d[i].text);
		xlsx_put_text(s, row++, 1, line,
			      d[i].sign == '+' ? s->f->good : s->f->bad, false);
	}
	cont_diff_free(d, n);
	return row;
}

static lxw_row_t put_plan(xlsx_sheet *s, lxw_row_t row, const cont_record *r)
{
	static const msg_id headers[SC_N] = {XL_COL_NO, CONT_F_TITLE, CONT_F_LIMIT,
					     CONT_F_ROLE, CONT_F_DETAIL};
	const cont_plan *p = &r->plan;
	char head[512], m[64];

	snprintf(head, sizeof head, msg(CONT_EDIT_PLAN_FMT), p->system);
	xlsx_put_text(s, row++, 0, head, s->f->title, false);
	row = put_field(s, row, CONT_F_SCENARIO, p->scenario);
	row = put_field(s, row, CONT_F_TRIGGER, p->trigger);
	row = put_field(s, row, CONT_F_SIMPLIFIED, p->simplified);
	row = put_field(s, row, CONT_F_NOTICE, p->notice);
	if (p->backentry != CONT_NONE) {
		bia_minutes_format(p->backentry, m, sizeof m);
		row = put_field(s, row, CONT_F_BACKENTRY, m);
	}
	xlsx_put_headers(s, row++, headers, SC_N);
	for (size_t i = 0; i < r->n_steps; i++, row++) {
		const cont_step *st = &r->steps[i];
		xlsx_put_number(s, row, SC_NO, (double)(i + 1), NULL);
		xlsx_put_text(s, row, SC_TITLE, st->title, NULL, true);
		put_minutes(s, row, SC_LIMIT, st->minutes);
		xlsx_put_text(s, row, SC_ROLE, st->role, NULL, true);
		xlsx_put_text(s, row, SC_DETAIL, st->detail, NULL, false);
	}
	if (r->approved.version && r->summary.changed)
		row = put_diff(s, row, r);
	return row + 1;
}

lxw_error xlsx_write_contingency(lxw_workbook *wb, const xlsx_formats *f,
				 const cont_record *plans, size_t n, date today)
{
	static const msg_id headers[PC_N] = {
		CONT_F_SYSTEM, CONT_F_SCENARIO, CONT_F_OUTAGE, CONT_F_TRIGGER,
		CONT_F_VERSION, CONT_F_APPROVER, CONT_F_APPROVED_ON,
		CONT_F_REVIEWED_ON, CONT_F_REVIEW_DUE, CONT_F_STATE, CONT_F_STEPS,
		CONT_F_BACKENTRY};
	xlsx_sheet s;
	lxw_error e = xlsx_sheet_add(wb, msg(XL_SHEET_CONTINGENCY), f, &s);
	lxw_row_t row = 2;

	if (e)
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, 1, 1});
	xlsx_put_text(&s, 0, 0, msg(CONT_TITLE), f->title, false);
	xlsx_put_headers(&s, 1, headers, PC_N);
	for (size_t i = 0; i < n; i++)
		put_state_row(&s, row++, &plans[i], today);
	row++;
	for (size_t i = 0; i < n; i++)
		row = put_plan(&s, row, &plans[i]);
	return xlsx_sheet_finish(&s, PC_N);
}

/* ---- The registration forms ---- */

#define FORM_ROW_HEIGHT 24 /* points: room to write by hand */
#define FORM_MIN_WIDTH 12  /* characters of a column to write in */

lxw_error xlsx_write_forms(lxw_workbook *wb, const xlsx_formats *f,
			   const cont_record *plans, size_t n,
			   const char *unit_name, date today)
{
	xlsx_sheet s;
	lxw_error e = xlsx_sheet_add(wb, msg(XL_SHEET_FORMS), f, &s);
	lxw_row_t row = 0, *breaks;
	int width[CONT_MAX_COLUMNS] = {0};
	size_t n_breaks = 0;
	char line[1024], what[512], day[16], printed[16], m[64];

	if (e)
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, false, 0, 0});
	/* A page break before every form but the first; the list ends in 0. */
	if (!(breaks = calloc(n + 1, sizeof *breaks)))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	date_format(today, printed, sizeof printed);
	for (size_t i = 0; i < n; i++) {
		const cont_record *r = &plans[i];
		if (i)
			breaks[n_breaks++] = row;
		xlsx_put_text(&s, row++, 0, msg(CONT_FORM_TITLE), f->title, false);
		snprintf(line, sizeof line, msg(CONT_FORM_UNIT_FMT), unit_name,
			 r->plan.system);
		xlsx_put_text(&s, row++, 0, line, NULL, false);
		if (r->approved.version) {
			date_format(r->approved.approved_on, day, sizeof day);
			snprintf(what, sizeof what, msg(CONT_FORM_VERSION_FMT),
				 (long long)r->approved.version, day);
		} else {
			snprintf(what, sizeof what, "%s", msg(CONT_FORM_DRAFT));
		}
		snprintf(line, sizeof line, msg(CONT_FORM_PRINTED_FMT), what, printed);
		xlsx_put_text(&s, row++, 0, line, NULL, false);
		for (size_t c = 0; c < r->n_columns && c < CONT_MAX_COLUMNS; c++) {
			int w = text_width(r->columns[c]) + 2;
			if (w > width[c])
				width[c] = w;
			xlsx_put_text(&s, row, (lxw_col_t)c, r->columns[c],
				      f->boxed_head, false);
		}
		row++;
		for (int k = 0; k < CONT_FORM_ROWS; k++, row++) {
			worksheet_set_row(s.ws, row, FORM_ROW_HEIGHT, NULL);
			for (size_t c = 0; c < r->n_columns; c++)
				worksheet_write_blank(s.ws, row, (lxw_col_t)c,
						      f->boxed);
		}
		if (r->plan.backentry != CONT_NONE) {
			bia_minutes_format(r->plan.backentry, m, sizeof m);
			snprintf(line, sizeof line, msg(CONT_FORM_BACKENTRY_FMT), m);
			xlsx_put_text(&s, row++, 0, line, NULL, false);
		}
		row++;
	}
	for (lxw_col_t c = 0; c < CONT_MAX_COLUMNS; c++)
		if (width[c])
			worksheet_set_column(s.ws, c, c,
					     width[c] < FORM_MIN_WIDTH ? FORM_MIN_WIDTH
								  : width[c],
					     NULL);
	if (n_breaks && s.err == LXW_NO_ERROR)
		s.err = worksheet_set_h_pagebreaks(s.ws, breaks);
	free(breaks);
	worksheet_set_margins(s.ws, 0.5, 0.5, 0.6, 0.6);
	return s.err;
}
