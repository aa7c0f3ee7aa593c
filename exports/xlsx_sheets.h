/* The workbook's sheets and the small toolkit they share. Shared by the
 * exports/xlsx_*.c files only. */
#ifndef MOAT_XLSX_SHEETS_H
#define MOAT_XLSX_SHEETS_H

#include <stdbool.h>

#include <xlsxwriter.h>

#include "model/checklist.h"
#include "model/report.h"

/* Columns wider than this (display columns) wrap instead. */
#define XLSX_MAX_WIDTH 60
#define XLSX_MAX_COLS 16

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

/* Writes text (NULL and "" leave the cell empty) at row, col. Text that is
 * not valid UTF-8 is written sanitised; text longer than a cell can hold is
 * cut. With fmt NULL the cell is plain, or wrapped when the text has several
 * lines or is wider than XLSX_MAX_WIDTH. When measure is true the text
 * counts towards the column's width. */
void xlsx_put_text(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
		   const char *text, lxw_format *fmt, bool measure);

/* Writes a number (f->number when fmt is NULL); it counts towards the
 * column's width. */
void xlsx_put_number(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, double v,
		     lxw_format *fmt);

/* Sets the widths of columns 0..ncols-1 from what was written, capped at
 * XLSX_MAX_WIDTH. Returns s->err (the first failure of the sheet). */
lxw_error xlsx_sheet_finish(xlsx_sheet *s, lxw_col_t ncols);


/* The summary sheet: heading, then label / value rows. exported_at is
 * shown as given. */
lxw_error xlsx_write_summary(lxw_workbook *wb, const xlsx_formats *f,
			     const report *r, const char *exported_at);

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
 * those cells, then current compared with prev (counts, items, criteria),
 * or a line saying there is no earlier year when prev is NULL. years has n
 * entries (at least one), oldest first; the entry of current's assessment
 * is shown from current itself. */
lxw_error xlsx_write_years(lxw_workbook *wb, const xlsx_formats *f,
			   const report *years, size_t n, const report *prev,
			   const report *current);

#endif
