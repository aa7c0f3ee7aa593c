/* The cells of a workbook as every sheet writes them: formats, text,
 * numbers, formulas with cached values, column widths from display width.
 * Shared by the exports/xlsx_*.c files only. */
#ifndef MOAT_XLSX_CELLS_H
#define MOAT_XLSX_CELLS_H

#include <stdbool.h>

#include <xlsxwriter.h>

#include "model/date.h"
#include "model/msg.h"

/* Columns wider than this (display columns) wrap instead. */
#define XLSX_MAX_WIDTH 60
#define XLSX_MAX_COLS 24
#define XLSX_MAX_BREAKS 8
/* A chart's size in pixels: it fits a page either way round. */
#define XLSX_CHART_WIDTH 560
#define XLSX_CHART_HEIGHT 300

/* Cell formats, created once per workbook by xlsx_formats_create. */
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
	/* For conditional formats: text in the page's colour, read as
	 * blank (the #N/A of the years past the ROI horizon). */
	lxw_format *unseen;
	/* What every printed page says, as Excel's header and footer codes:
	 * the organisation, the sheet's name and the day of the export on
	 * top, "page N of M" below. */
	char page_header[256];
	char page_footer[128];
} xlsx_formats;

/* A worksheet being filled: remembers the widest cell of each column and
 * the first error, so writers can write on and check once at the end. */
typedef struct {
	lxw_worksheet *ws;
	const xlsx_formats *f;
	int width[XLSX_MAX_COLS]; /* display columns of the widest cell */
	lxw_error err;            /* first failure, LXW_NO_ERROR if none */
	/* Lines of wrapped text of each row (0: one line), since neither the
	 * library nor every viewer sizes rows to wrapped text. */
	unsigned short *lines;
	lxw_row_t n_lines;
	bool landscape;           /* as xlsx_print_setup set it */
	/* Where its charts are, to start a page with one that would be cut
	 * in two by a page break. */
	lxw_row_t chart_row[XLSX_MAX_BREAKS];
	lxw_col_t chart_col[XLSX_MAX_BREAKS];
	size_t n_charts;
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

/* Lets only whole numbers lo..hi be typed into the cell at row, col;
 * the input message says so. Errors count as the sheet's. */
void xlsx_limit_whole(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, int lo,
		      int hi);

/* Shows in f->unseen, as blank, the cells of first_row..last_row x
 * first_col..last_col whose row is more than the value of the cell
 * last_shown ("$B$18") rows below first_row: the years past the ROI
 * horizon, wherever the reader sets it. Errors count as the sheet's. */
void xlsx_unseen_past(xlsx_sheet *s, lxw_row_t first_row, lxw_row_t last_row,
		      lxw_col_t first_col, lxw_col_t last_col,
		      const char *last_shown);

/* "'Sheet name'!$B$5": a cell of another sheet, for a formula. Returns
 * false when out is too small. */
bool xlsx_sheet_cell(char *out, size_t len, const char *sheet, lxw_row_t row,
		     lxw_col_t col);

/* How a sheet prints: on A4, portrait or landscape (for wide tables),
 * one page wide (and one page tall when one_page), with rows
 * repeat_first..repeat_last atop every page when repeat is set, and the
 * page header and footer of f. */
typedef struct {
	bool landscape;
	bool one_page;
	bool repeat;
	lxw_row_t repeat_first, repeat_last;
} xlsx_print;

/* Applies p to s; every sheet calls it once, before inserting charts. */
void xlsx_print_setup(xlsx_sheet *s, const xlsx_print *p);

/* Inserts chart with its top left corner in cell row, col, at
 * XLSX_CHART_WIDTH x XLSX_CHART_HEIGHT pixels. Unless the chart surely
 * ends on the first printed page, a page starts at row, so the chart is
 * never cut by a page break. Errors count as the sheet's. */
void xlsx_insert_chart(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
		       lxw_chart *chart);

/* Sets the widths of columns 0..ncols-1 from what was written, capped at
 * XLSX_MAX_WIDTH, the heights of rows with wrapped text and the page
 * breaks before charts, and frees what s holds. Returns s->err (the first
 * failure of the sheet). */
lxw_error xlsx_sheet_finish(xlsx_sheet *s, lxw_col_t ncols);

/* Creates the formats of wb into f, with the page header naming org
 * and day (either may be ""). Returns the library's error (no memory). */
lxw_error xlsx_formats_create(lxw_workbook *wb, xlsx_formats *f,
			      const char *org, const char *day);

#endif
