#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "exports/xlsx_cells.h"
#include "exports/xlsx_text.h"
#include "model/date.h"
#include "model/text.h"

/* Number formats of the calculators' figures. */
#define MONEY_FORMAT "#,##0.00;[Red]-#,##0.00"
#define PERCENT_FORMAT "0.00%;[Red]-0.00%"
#define DECIMAL_FORMAT "0.00"
/* Excel's limit for a formula is 8192 characters; ours are far shorter. */
#define XLSX_FORMULA_MAX 2048

static void keep_error(xlsx_sheet *s, lxw_error e)
{
	if (e != LXW_NO_ERROR && s->err == LXW_NO_ERROR)
		s->err = e;
}

lxw_error xlsx_sheet_add(lxw_workbook *wb, const char *name,
			 const xlsx_formats *f, xlsx_sheet *s)
{
	lxw_error e;

	memset(s, 0, sizeof *s);
	s->f = f;
	if ((e = workbook_validate_sheet_name(wb, name)) != LXW_NO_ERROR)
		return e;
	s->ws = workbook_add_worksheet(wb, name);
	return s->ws ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;
}

/* Display columns of the widest line of s; *lines counts its lines. */
static int widest_line(const char *s, int *lines)
{
	size_t n = strlen(s), pos = 0;
	int widest = 0, cur = 0;

	*lines = 1;
	while (pos < n) {
		uint32_t cp;

		pos += text_decode(s + pos, n - pos, &cp);
		if (cp == '\n') {
			(*lines)++;
			cur = 0;
			continue;
		}
		cur += text_cp_width(cp);
		if (cur > widest)
			widest = cur;
	}
	return widest;
}

void xlsx_put_text(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
		   const char *text, lxw_format *fmt, bool measure)
{
	char *shown, *stored;
	size_t cut;
	int width, lines;

	if (!s->ws || !text || !*text)
		return;
	if (!(stored = xlsx_cell_text(text, &shown, &cut))) {
		keep_error(s, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	width = widest_line(shown, &lines);
	if (!fmt)
		fmt = lines > 1 || width > XLSX_MAX_WIDTH ? s->f->wrap
							   : s->f->text;
	if (measure && col < XLSX_MAX_COLS && width > s->width[col])
		s->width[col] = width;
	keep_error(s, worksheet_write_string(s->ws, row, col, stored, fmt));
	free(shown);
	free(stored);
}

void xlsx_put_number(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, double v,
		     lxw_format *fmt)
{
	char shown[32];
	int width;

	if (!s->ws)
		return;
	width = snprintf(shown, sizeof shown, "%.15g", v);
	if (col < XLSX_MAX_COLS && width > s->width[col])
		s->width[col] = width;
	keep_error(s, worksheet_write_number(s->ws, row, col, v,
					     fmt ? fmt : s->f->number));
}

void xlsx_put_date(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, date d)
{
	char day[16];

	if (!d.y)
		return;
	date_format(d, day, sizeof day);
	xlsx_put_text(s, row, col, day, NULL, true);
}

void xlsx_put_headers(xlsx_sheet *s, lxw_row_t row, const msg_id *headers,
		      lxw_col_t n)
{
	for (lxw_col_t c = 0; c < n; c++)
		xlsx_put_text(s, row, c, msg(headers[c]), s->f->header, true);
}

xlsx_ref xlsx_cell(lxw_row_t row, lxw_col_t col)
{
	xlsx_ref r;

	lxw_rowcol_to_cell(r.s, row, col);
	return r;
}

xlsx_ref xlsx_abs(lxw_row_t row, lxw_col_t col)
{
	xlsx_ref r;

	lxw_rowcol_to_cell_abs(r.s, row, col, 1, 1);
	return r;
}

/* Display columns of a figure shown with two decimals and thousands
 * separators, the widest of the number formats used. */
static int figure_width(double v)
{
	char shown[48];
	int n = snprintf(shown, sizeof shown, "%.2f", v);
	int digits = n - 3 - (v < 0);

	if (n < 0 || (size_t)n >= sizeof shown)
		return 20;
	return n + (digits > 3 ? (digits - 1) / 3 : 0);
}

/* Formats the formula into out; false (and the sheet's error) when it
 * does not fit. */
static bool build_formula(xlsx_sheet *s, char *out, size_t len,
			  const char *ffmt, va_list ap)
{
	int n = vsnprintf(out, len, ffmt, ap);

	if (n < 0 || (size_t)n >= len) {
		keep_error(s, LXW_ERROR_PARAMETER_VALIDATION);
		return false;
	}
	return true;
}

void xlsx_put_formula(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
		      lxw_format *fmt, double value, const char *ffmt, ...)
{
	char formula[XLSX_FORMULA_MAX];
	bool ok;
	va_list ap;
	int width;

	if (!s->ws)
		return;
	va_start(ap, ffmt);
	ok = build_formula(s, formula, sizeof formula, ffmt, ap);
	va_end(ap);
	if (!ok)
		return;
	width = figure_width(value);
	if (col < XLSX_MAX_COLS && width > s->width[col])
		s->width[col] = width;
	keep_error(s, worksheet_write_formula_num(s->ws, row, col, formula,
						  fmt ? fmt : s->f->number,
						  value));
}

void xlsx_put_formula_text(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
			   lxw_format *fmt, const char *value,
			   const char *ffmt, ...)
{
	char formula[XLSX_FORMULA_MAX];
	bool ok;
	va_list ap;
	int width, lines;

	if (!s->ws)
		return;
	va_start(ap, ffmt);
	ok = build_formula(s, formula, sizeof formula, ffmt, ap);
	va_end(ap);
	if (!ok)
		return;
	if (!text_valid_utf8(value)) {
		keep_error(s, LXW_ERROR_PARAMETER_VALIDATION);
		return;
	}
	width = widest_line(value, &lines);
	if (col < XLSX_MAX_COLS && width > s->width[col])
		s->width[col] = width;
	keep_error(s, worksheet_write_formula_str(s->ws, row, col, formula,
						  fmt ? fmt : s->f->text,
						  value));
}

/* Writes text between two q characters into out, doubling every q inside,
 * as formulas quote strings (") and sheet names ('). False when out is too
 * small. */
static bool quote_with(const char *text, char q, char *out, size_t len)
{
	size_t o = 0;

	if (len < 3)
		return false;
	out[o++] = q;
	for (const char *p = text; *p; p++) {
		if (o + (*p == q ? 2 : 1) + 2 > len)
			return false;
		if (*p == q)
			out[o++] = q;
		out[o++] = *p;
	}
	out[o++] = q;
	out[o] = '\0';
	return true;
}

bool xlsx_formula_string(const char *text, char *out, size_t len)
{
	return quote_with(text, '"', out, len);
}

bool xlsx_column_range(char *out, size_t len, const char *sheet,
		       lxw_row_t first, lxw_row_t last, lxw_col_t col)
{
	char quoted[2 * LXW_MAX_SHEETNAME_LENGTH + 3];
	char range[LXW_MAX_CELL_RANGE_LENGTH + 1];
	int n;

	if (!quote_with(sheet, '\'', quoted, sizeof quoted))
		return false;
	lxw_rowcol_to_range_abs(range, first, col, last, col);
	n = snprintf(out, len, "=%s!%s", quoted, range);
	return n > 0 && (size_t)n < len;
}

lxw_error xlsx_sheet_finish(xlsx_sheet *s, lxw_col_t ncols)
{
	for (lxw_col_t c = 0; s->ws && c < ncols && c < XLSX_MAX_COLS; c++) {
		int w = s->width[c];

		if (w == 0)
			continue;
		if (w > XLSX_MAX_WIDTH)
			w = XLSX_MAX_WIDTH;
		/* Two columns of padding: Excel's unit is a digit's width. */
		keep_error(s, worksheet_set_column(s->ws, c, c, w + 2, NULL));
	}
	return s->err;
}

lxw_error xlsx_formats_create(lxw_workbook *wb, xlsx_formats *f)
{
	lxw_format *inputs[3];

	f->title = workbook_add_format(wb);
	f->header = workbook_add_format(wb);
	f->label = workbook_add_format(wb);
	f->text = workbook_add_format(wb);
	f->wrap = workbook_add_format(wb);
	f->number = workbook_add_format(wb);
	f->good = workbook_add_format(wb);
	f->bad = workbook_add_format(wb);
	f->money = workbook_add_format(wb);
	f->percent = workbook_add_format(wb);
	f->decimal = workbook_add_format(wb);
	f->in_money = workbook_add_format(wb);
	f->in_percent = workbook_add_format(wb);
	f->in_number = workbook_add_format(wb);
	f->mono = workbook_add_format(wb);
	f->boxed = workbook_add_format(wb);
	f->boxed_head = workbook_add_format(wb);
	if (!f->mono || !f->boxed || !f->boxed_head)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	format_set_border(f->boxed, LXW_BORDER_THIN);
	format_set_border(f->boxed_head, LXW_BORDER_THIN);
	format_set_bold(f->boxed_head);
	format_set_text_wrap(f->boxed_head);
	format_set_align(f->boxed_head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(f->boxed_head, 0xD9D9D9);
	/* The response card keeps its columns in a fixed-width font. */
	format_set_font_name(f->mono, "Courier New");
	format_set_font_size(f->mono, 9);
	if (!f->title || !f->header || !f->label || !f->text || !f->wrap ||
	    !f->number || !f->good || !f->bad || !f->money || !f->percent ||
	    !f->decimal || !f->in_money || !f->in_percent || !f->in_number)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	format_set_bold(f->header);
	format_set_bottom(f->header, LXW_BORDER_THIN);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
	format_set_bold(f->label);
	format_set_align(f->label, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(f->wrap);
	format_set_align(f->number, LXW_ALIGN_LEFT);
	format_set_align(f->number, LXW_ALIGN_VERTICAL_TOP);
	/* Excel's own "Good" and "Bad" cell styles. */
	format_set_align(f->good, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->good, 0x006100);
	format_set_bg_color(f->good, 0xC6EFCE);
	format_set_align(f->bad, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->bad, 0x9C0006);
	format_set_bg_color(f->bad, 0xFFC7CE);
	format_set_num_format(f->money, MONEY_FORMAT);
	format_set_num_format(f->percent, PERCENT_FORMAT);
	format_set_num_format(f->decimal, DECIMAL_FORMAT);
	format_set_num_format(f->in_money, MONEY_FORMAT);
	format_set_num_format(f->in_percent, PERCENT_FORMAT);
	/* Excel's own "Input" cell style. */
	inputs[0] = f->in_money;
	inputs[1] = f->in_percent;
	inputs[2] = f->in_number;
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		format_set_font_color(inputs[i], 0x3F3F76);
		format_set_bg_color(inputs[i], 0xFFCC99);
		format_set_border(inputs[i], LXW_BORDER_THIN);
		format_set_border_color(inputs[i], 0x7F7F7F);
	}
	return LXW_NO_ERROR;
}
