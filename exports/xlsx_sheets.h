/* The workbook's sheets and the small toolkit they share. Shared by the
 * exports/xlsx_*.c files only. */
#ifndef MOAT_XLSX_SHEETS_H
#define MOAT_XLSX_SHEETS_H

#include <stdbool.h>

#include <xlsxwriter.h>

#include "exports/xlsx_workbook.h"
#include "model/agenda.h"
#include "model/bia_view.h"
#include "model/calc.h"
#include "model/checklist.h"
#include "model/msg.h"
#include "model/questionnaire.h"
#include "model/report.h"
#include "model/verify_view.h"
#include "model/store_contingency.h"
#include "model/store_response.h"

/* Columns wider than this (display columns) wrap instead. */
#define XLSX_MAX_WIDTH 60
#define XLSX_MAX_COLS 24

/* Cell formats, created once per workbook by xlsx_workbook.c. */
typedef struct {
	lxw_format *title;  /* the summary's heading */
	lxw_format *header; /* table header row: bold, bottom border */
	lxw_format *label;  /* the summary's labels: bold */
	lxw_format *text;   /* plain text, top aligned */
	lxw_format *wrap;   /* long or multi-line text, top aligned, wrapped */
	lxw_format *number; /* numbers, top and left aligned */
	lxw_format *good;   /* a good outcome: green text on light green */
	lxw_format *bad;    /* a bad outcome: red text on light red */
	/* Computed figures: money "#,##0.00", a fraction as "0.00%", a
	 * plain number with two decimals. */
	lxw_format *money;
	lxw_format *percent;
	lxw_format *decimal;
	/* The same for the calculators' inputs, in Excel's "Input" style so
	 * the reader sees what to change; in_number has no number format. */
	lxw_format *in_money;
	lxw_format *in_percent;
	lxw_format *in_number;
	lxw_format *mono; /* the response card: a fixed-width font */
	/* A paper form's cells: ruled on every side; its heading bold on
	 * grey, wrapped. */
	lxw_format *boxed;
	lxw_format *boxed_head;
} xlsx_formats;

/* A worksheet being filled: remembers the widest cell of each column and
 * the first error, so writers can write on and check once at the end. */
typedef struct {
	lxw_worksheet *ws;
	const xlsx_formats *f;
	int width[XLSX_MAX_COLS]; /* display columns of the widest cell */
	lxw_error err;            /* first failure, LXW_NO_ERROR if none */
} xlsx_sheet;

/* Adds a worksheet called name to wb and readies s for it. Returns the
 * library's error (an invalid name, no memory) and leaves s->ws NULL. */
lxw_error xlsx_sheet_add(lxw_workbook *wb, const char *name,
			 const xlsx_formats *f, xlsx_sheet *s);

/* Writes text (NULL and "" leave the cell empty) at row, col, as
 * xlsx_cell_text prepares it: invalid UTF-8 made valid, a literal
 * "_xHHHH_" kept literal, text longer than a cell can hold cut with a
 * marker that says how much more moat holds. Every sheet writes text
 * through here. With fmt NULL the cell is plain, or wrapped when the text
 * has several lines or is wider than XLSX_MAX_WIDTH. When measure is true
 * the text counts towards the column's width. */
void xlsx_put_text(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
		   const char *text, lxw_format *fmt, bool measure);

/* Writes a number (f->number when fmt is NULL); it counts towards the
 * column's width. */
void xlsx_put_number(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, double v,
		     lxw_format *fmt);

/* Writes d as YYYY-MM-DD text (nothing for a date with year 0). */
void xlsx_put_date(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, date d);

/* Writes the catalog's texts headers[0..n-1] across row in the header
 * format. */
void xlsx_put_headers(xlsx_sheet *s, lxw_row_t row, const msg_id *headers,
		      lxw_col_t n);

/* A cell's name for a formula: "B5" (xlsx_cell) or "$B$5" (xlsx_abs).
 * Returned by value, so it can be used inside the call that builds the
 * formula: xlsx_cell(r, c).s lives until the end of that expression. */
typedef struct {
	char s[LXW_MAX_CELL_NAME_LENGTH];
} xlsx_ref;

xlsx_ref xlsx_cell(lxw_row_t row, lxw_col_t col);
xlsx_ref xlsx_abs(lxw_row_t row, lxw_col_t col);

/* Writes the formula made from the printf-style ffmt and its arguments,
 * with its result cached as the number value, so readers that do not
 * recalculate show it (fmt NULL: f->number). A formula too long for the
 * buffer is not written and counts as the sheet's error. */
void xlsx_put_formula(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
		      lxw_format *fmt, double value, const char *ffmt, ...)
	__attribute__((format(printf, 6, 7)));

/* The same with a text result (shown as given, counted towards the
 * column's width). */
void xlsx_put_formula_text(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
			   lxw_format *fmt, const char *value,
			   const char *ffmt, ...)
	__attribute__((format(printf, 6, 7)));

/* text as a string literal of a formula: in double quotes, its own double
 * quotes doubled. Returns false when out is too small. */
bool xlsx_formula_string(const char *text, char *out, size_t len);

/* "='Sheet name'!$B$3:$B$7": rows first..last of column col of sheet, for
 * a chart's series. Returns false when out is too small. */
bool xlsx_column_range(char *out, size_t len, const char *sheet,
		       lxw_row_t first, lxw_row_t last, lxw_col_t col);

/* Sets the widths of columns 0..ncols-1 from what was written, capped at
 * XLSX_MAX_WIDTH. Returns s->err (the first failure of the sheet). */
lxw_error xlsx_sheet_finish(xlsx_sheet *s, lxw_col_t ncols);


/* The summary sheet: heading, then label / value rows, among them what
 * blocks the next level: the score's gaps, then the items marked done that
 * the records (fs, or NULL) do not bear out, the lines of `moat score` and
 * the maturity screen. exported_at is shown as given. */
lxw_error xlsx_write_summary(lxw_workbook *wb, const xlsx_formats *f,
			     const report *r, const findings_set *fs,
			     const char *exported_at);

/* The checklist sheet: one row per questionnaire item with its state,
 * evidence count and latest evidence, under an autofiltered header. */
lxw_error xlsx_write_checklist(lxw_workbook *wb, const xlsx_formats *f,
			       const report *r);

/* The maturity sheet: the reached level on top, then one row per criterion
 * (one for a level without criteria) with its answer, whether it is met,
 * the items it relies on, its evidence and its gaps, under a frozen,
 * autofiltered header. */
lxw_error xlsx_write_maturity(lxw_workbook *wb, const xlsx_formats *f,
			      const report *r);

/* The year-over-year sheet: the level of every year with a line chart of
 * those cells, then current compared with prev (counts, items, criteria,
 * and, when prev_bia and bia, the analyses of both years, what changed in
 * the business impact analysis as compare_bia lists it), or a line saying
 * there is no earlier year when prev is NULL. years has n entries (at
 * least one), oldest first; the entry of current's assessment is shown
 * from current itself. */
lxw_error xlsx_write_years(lxw_workbook *wb, const xlsx_formats *f,
			   const year_summary *years, size_t n,
			   const report *prev, const report *current,
			   const bia_view *prev_bia, const bia_view *bia);

/* The ROI sheet (§6.3): the inputs of d (one-off investments, yearly
 * costs, losses avoided, horizon, discount rate) as cells, the results as
 * formulas over them with d->roi's figures cached, the cumulative cash
 * year by year and a line chart of it. */
lxw_error xlsx_write_roi(lxw_workbook *wb, const xlsx_formats *f,
			 const calc_data *d);

/* The tiered investment sheet (§5): d's classes with their shares
 * (formulas) and a pie chart of them, then the scenarios' inputs as cells
 * and their results as formulas with d->invest's figures cached. */
lxw_error xlsx_write_invest(lxw_workbook *wb, const xlsx_formats *f,
			    const calc_data *d);

/* The 90-day programme sheet (§7): the start, the day of the programme on
 * g->today and the day number as a cell; one row per task of g (phase
 * with its name from q, title, checklist item, owner, status, due and
 * done dates, overdue) and one narrow column per programme day, where
 * conditional formats over the day columns draw each task's phase as a
 * bar (green when done, red when overdue) from two hidden columns holding
 * its first and last day, and mark today; below, the progress of each
 * phase and of the whole as COUNTIFS formulas with g->progress cached.
 * Frozen header and task titles. */
lxw_error xlsx_write_plan(lxw_workbook *wb, const xlsx_formats *f,
			  const agenda *g, const questionnaire *q);

/* The recurring duties sheet: one row per duty of g (title, rule in
 * words, what it is counted from, checklist item from q, first date, next
 * due, last done, overdue occurrences, their count and an overdue flag),
 * then the history of every duty, newest first, from g->events. */
lxw_error xlsx_write_duties(lxw_workbook *wb, const xlsx_formats *f,
			    const agenda *g, const questionnaire *q);

/* The business impact analysis of year (§2.1): one row per process of v
 * (critical, owner, daily volume, the MTD in force in words and minutes
 * and whether the grid suggested it or the manager chose it and why, the
 * RTO likewise, the safety margin as a formula over the minute cells with
 * v's margin cached, the RPO and planned level of its systems, its
 * reviews), then each process's impact grid (a row per outage duration:
 * the loss in currency, the ratings by their names, the overall rating,
 * the manager's words) with a heat map made by conditional formats on the
 * rating names, and the MTD sentence under it. */
lxw_error xlsx_write_bia(lxw_workbook *wb, const xlsx_formats *f,
			 const bia_view *v, int year, const char *currency);

/* The systems and DR levels of year (§3.1, §3.2): per system of v what it
 * must achieve and what sets it, the recommended and planned levels, the
 * plan in a sentence, the flags, the architecture with its verdict and
 * cost; under it the level table in use with its title, source, version,
 * note and the level rule. */
lxw_error xlsx_write_systems(lxw_workbook *wb, const xlsx_formats *f,
			     const bia_view *v, int year,
			     const char *currency);

/* The backups and verification of year (§3.3): per system of v its plan,
 * copies, the 3-2-1 sentence, the interval against its RPO, its last
 * restore test and freshness; the unit's ledger, newest first, each entry
 * with its RTA and RPA against the RTO and RPO in minutes and in words
 * and the duty occurrence of plan (may be NULL) it completed; then the
 * RTA of each system over time, oldest first, and a line chart of it with
 * a series per system. */
lxw_error xlsx_write_backups(lxw_workbook *wb, const xlsx_formats *f,
			     const verify_view *v, const agenda *plan, int year);
/* The drills sheet (§4.4): per drill its date, type, scenario, systems,
 * RTA and RTO in minutes with the verdict, the checks passed, the nine
 * checks of the evaluation sheet and the business figures (the loss in
 * currency); under it every finding with its drill, severity, owner, due
 * date and state on today. */
lxw_error xlsx_write_drills(lxw_workbook *wb, const xlsx_formats *f,
			    const xlsx_drill *drills, size_t n,
			    const drill_reference *ref, const char *currency,
			    date today);
/* The response card (§4.2) as `moat card` prints it at every level, one
 * line a row in a fixed-width font, on one A4 page; its version and
 * today's date on it. */
lxw_error xlsx_write_card(lxw_workbook *wb, const xlsx_formats *f,
			  const resp_reference *r, const resp_view *v,
			  const char *unit_name, date today);

/* The contacts in escalation order: order, role, name, phones, alternate,
 * levels, last confirmed, whether unconfirmed longer than the unit's days
 * on today, whether an example to replace. */
lxw_error xlsx_write_contacts(lxw_workbook *wb, const xlsx_formats *f,
			      const resp_reference *r, const resp_view *v,
			      date today);

/* The incidents, newest first: system, level, declared, restored and the
 * minutes between, closed, root cause, data lost, improvements; under
 * them every incident's log. */
lxw_error xlsx_write_incidents(lxw_workbook *wb, const xlsx_formats *f,
			       const resp_reference *r, const resp_view *v);

/* The contingency plans sheet: a row per plan with its state on today
 * (version, approval, reviews, review due), then each plan in full: its
 * fields, its steps, and where they changed since the approval the lines
 * added (+) and removed (-). */
lxw_error xlsx_write_contingency(lxw_workbook *wb, const xlsx_formats *f,
				 const cont_record *plans, size_t n, date today);

/* The registration forms sheet: each plan's blank 应急服务登记表 with its
 * columns, CONT_FORM_ROWS ruled rows and the back-entry deadline, one
 * form to a landscape A4 page. */
lxw_error xlsx_write_forms(lxw_workbook *wb, const xlsx_formats *f,
			   const cont_record *plans, size_t n,
			   const char *unit_name, date today);

#endif
