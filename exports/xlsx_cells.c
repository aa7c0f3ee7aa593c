#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "exports/xlsx_cells.h"
#include "exports/xlsx_text.h"
#include "model/date.h"
#include "model/msg.h"
#include "model/text.h"

/* Points a line of text takes in a row (the default font's row). */
#define XLSX_LINE_POINTS 15.0

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

/* Display columns of the widest line of s; *lines counts its lines and
 * *rows the lines it takes wrapped at XLSX_MAX_WIDTH columns. */
static int text_extent(const char *s, int *lines, int *rows)
{
	size_t n = strlen(s), pos = 0;
	int widest = 0, cur = 0;

	*lines = 1;
	*rows = 0;
	while (pos <= n) {
		uint32_t cp = '\n';

		if (pos < n)
			pos += text_decode(s + pos, n - pos, &cp);
		else
			pos++;
		if (cp == '\n') {
			*rows += cur > XLSX_MAX_WIDTH
					 ? (cur + XLSX_MAX_WIDTH - 1) / XLSX_MAX_WIDTH
					 : 1;
			if (pos <= n)
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

static int widest_line(const char *s, int *lines)
{
	int rows;

	return text_extent(s, lines, &rows);
}

/* Remembers that row takes rows lines of wrapped text. */
static void note_rows(xlsx_sheet *s, lxw_row_t row, int rows)
{
	if (rows <= 1)
		return;
	if (row >= s->n_lines) {
		lxw_row_t n = row + 64;
		unsigned short *grown = realloc(s->lines, n * sizeof *grown);

		if (!grown) {
			keep_error(s, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		memset(grown + s->n_lines, 0, (n - s->n_lines) * sizeof *grown);
		s->lines = grown;
		s->n_lines = n;
	}
	if (rows > 400)
		rows = 400; /* Excel's tallest row is 409 points */
	if (rows > s->lines[row])
		s->lines[row] = (unsigned short)rows;
}

void xlsx_put_text(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
		   const char *text, lxw_format *fmt, bool measure)
{
	char *shown, *stored;
	size_t cut;
	int width, lines, rows;

	if (!s->ws || !text || !*text)
		return;
	if (!(stored = xlsx_cell_text(text, &shown, &cut))) {
		keep_error(s, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	width = text_extent(shown, &lines, &rows);
	if (!fmt)
		fmt = lines > 1 || width > XLSX_MAX_WIDTH ? s->f->wrap
							   : s->f->text;
	if (fmt->text_wrap && measure)
		note_rows(s, row, rows);
	if (measure && col < XLSX_MAX_COLS && width > s->width[col])
		s->width[col] = width;
	keep_error(s, worksheet_write_string(s->ws, row, col, stored, fmt));
	free(shown);
	free(stored);
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

/* Display columns of v as fmt shows it, so no column is too narrow for
 * its figures (Excel shows "###" then). */
static int shown_width(const xlsx_sheet *s, const lxw_format *fmt, double v)
{
	const xlsx_formats *f = s->f;
	char shown[32];
	int n;

	if (fmt == f->percent || fmt == f->in_percent)
		return figure_width(v * 100.0) + 1;
	if (fmt == f->money || fmt == f->in_money || fmt == f->decimal)
		return figure_width(v);
	n = snprintf(shown, sizeof shown, "%.15g", v);
	return n > 0 && (size_t)n < sizeof shown ? n : 20;
}

void xlsx_put_number(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, double v,
		     lxw_format *fmt)
{
	int width;

	if (!s->ws)
		return;
	width = shown_width(s, fmt, v);
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
	width = shown_width(s, fmt ? fmt : s->f->number, value);
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

void xlsx_limit_whole(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, int lo,
		      int hi)
{
	char message[256];
	lxw_data_validation v = {0};

	if (!s->ws)
		return;
	snprintf(message, sizeof message, msg(XL_WHOLE_RANGE_FMT), lo, hi);
	v.validate = LXW_VALIDATION_TYPE_INTEGER;
	v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	v.minimum_number = lo;
	v.maximum_number = hi;
	v.input_message = message;
	v.error_message = message;
	keep_error(s, worksheet_data_validation_cell(s->ws, row, col, &v));
}

void xlsx_unseen_past(xlsx_sheet *s, lxw_row_t first_row, lxw_row_t last_row,
		      lxw_col_t first_col, lxw_col_t last_col,
		      const char *last_shown)
{
	char test[128];
	xlsx_ref top = xlsx_abs(first_row, first_col);
	lxw_conditional_format c = {0};

	if (!s->ws)
		return;
	/* The row's offset from the first, relative to each cell's row; not
	 * ISNA() of the cell, which a reader showing cached values without
	 * recalculating sees as text. */
	snprintf(test, sizeof test, "=ROW($%s)-ROW(%s)>%s",
		 xlsx_cell(first_row, first_col).s, top.s, last_shown);
	c.type = LXW_CONDITIONAL_TYPE_FORMULA;
	c.value_string = test;
	c.format = s->f->unseen;
	keep_error(s, worksheet_conditional_format_range(
			      s->ws, first_row, first_col, last_row, last_col,
			      &c));
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

/* "<lead>'Sheet name'!<where>" into out. */
static bool on_sheet(char *out, size_t len, const char *lead,
		     const char *sheet, const char *where)
{
	char quoted[2 * LXW_MAX_SHEETNAME_LENGTH + 3];
	int n;

	if (!quote_with(sheet, '\'', quoted, sizeof quoted))
		return false;
	n = snprintf(out, len, "%s%s!%s", lead, quoted, where);
	return n > 0 && (size_t)n < len;
}

bool xlsx_column_range(char *out, size_t len, const char *sheet,
		       lxw_row_t first, lxw_row_t last, lxw_col_t col)
{
	char range[LXW_MAX_CELL_RANGE_LENGTH + 1];

	lxw_rowcol_to_range_abs(range, first, col, last, col);
	return on_sheet(out, len, "=", sheet, range);
}

bool xlsx_sheet_cell(char *out, size_t len, const char *sheet, lxw_row_t row,
		     lxw_col_t col)
{
	return on_sheet(out, len, "", sheet, xlsx_abs(row, col).s);
}

/* Points a column is wide: Excel's width w in characters is 7w + 5
 * pixels of its default font. */
static double column_points(const xlsx_sheet *s, lxw_col_t c, lxw_col_t ncols)
{
	int w = c < ncols && c < XLSX_MAX_COLS ? s->width[c] : 0;

	if (w == 0)
		return 64 * 0.75; /* the default width */
	if (w > XLSX_MAX_WIDTH)
		w = XLSX_MAX_WIDTH;
	return (7.0 * (w + 2) + 5) * 0.75;
}

/* Starts a page with each chart that would not end on the page it begins
 * on. The sheet prints one page wide, so its scale is A4's printable
 * width over the width of its columns and charts; a page then holds its
 * printable height over that scale. */
static void break_before_charts(xlsx_sheet *s, lxw_col_t ncols)
{
	double paper_w = s->landscape ? 842 : 595, paper_h = s->landscape ? 595 : 842;
	/* Less the margins of xlsx_print_setup and a tenth for taller rows. */
	double avail_w = paper_w - 72, avail_h = (paper_h - 108) * 0.9;
	double wide = 0, scale, page, chart_h = XLSX_CHART_HEIGHT * 0.75;
	double row_top[XLSX_MAX_BREAKS] = {0}, y = 0, page_top = 0;
	lxw_row_t breaks[XLSX_MAX_BREAKS + 1], last = 0;
	size_t n = 0;

	for (lxw_col_t c = 0; c < ncols && c < XLSX_MAX_COLS; c++)
		wide += column_points(s, c, ncols);
	for (size_t k = 0; k < s->n_charts; k++) {
		double right = XLSX_CHART_WIDTH * 0.75;

		for (lxw_col_t c = 0; c < s->chart_col[k]; c++)
			right += column_points(s, c, ncols);
		if (right > wide)
			wide = right;
		if (s->chart_row[k] > last)
			last = s->chart_row[k];
	}
	scale = wide > avail_w ? avail_w / wide : 1.0;
	if (scale < 0.1)
		scale = 0.1; /* the smallest scale Excel prints at */
	page = avail_h / scale;
	/* The top of each chart's row in points. */
	for (lxw_row_t r = 0; r <= last; r++) {
		double h = XLSX_LINE_POINTS *
			   (r < s->n_lines && s->lines[r] > 1 ? s->lines[r] : 1);

		for (size_t k = 0; k < s->n_charts; k++)
			if (s->chart_row[k] == r)
				row_top[k] = y;
		y += h;
	}
	for (size_t k = 0; k < s->n_charts; k++) {
		double top = row_top[k];

		while (top - page_top >= page)
			page_top += page;
		if (s->chart_row[k] > 0 && top - page_top + chart_h > page &&
		    n < XLSX_MAX_BREAKS) {
			breaks[n++] = s->chart_row[k];
			page_top = top;
		}
	}
	if (n) {
		breaks[n] = 0;
		keep_error(s, worksheet_set_h_pagebreaks(s->ws, breaks));
	}
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
	for (lxw_row_t r = 0; s->ws && r < s->n_lines; r++)
		if (s->lines[r] > 1)
			keep_error(s, worksheet_set_row(s->ws, r,
							XLSX_LINE_POINTS * s->lines[r],
							NULL));
	if (s->ws && s->n_charts)
		break_before_charts(s, ncols);
	free(s->lines);
	s->lines = NULL;
	s->n_lines = 0;
	return s->err;
}

/* Copies text into out with every "&" doubled, as the header codes need,
 * cut at a character boundary when out is full. */
static void page_text(char *out, size_t len, const char *text)
{
	size_t o = strlen(out);

	for (const char *p = text; *p && o + 3 < len; p++) {
		size_t n = 1;

		while ((p[n] & 0xC0) == 0x80)
			n++;
		if (o + n + (*p == '&') + 1 >= len)
			break;
		if (*p == '&')
			out[o++] = '&';
		memcpy(out + o, p, n);
		o += n;
		p += n - 1;
	}
	out[o] = '\0';
}

void xlsx_print_setup(xlsx_sheet *s, const xlsx_print *p)
{
	/* Margins (inches) that leave room for the header and footer. */
	lxw_header_footer_options hf = {.margin = 0.3};

	if (!s->ws)
		return;
	s->landscape = p->landscape;
	worksheet_set_paper(s->ws, 9); /* A4 */
	if (p->landscape)
		worksheet_set_landscape(s->ws);
	else
		worksheet_set_portrait(s->ws);
	worksheet_set_margins(s->ws, 0.5, 0.5, 0.75, 0.75);
	worksheet_fit_to_pages(s->ws, 1, p->one_page ? 1 : 0);
	if (p->repeat)
		keep_error(s, worksheet_repeat_rows(s->ws, p->repeat_first,
						    p->repeat_last));
	keep_error(s, worksheet_set_header_opt(s->ws, s->f->page_header, &hf));
	keep_error(s, worksheet_set_footer_opt(s->ws, s->f->page_footer, &hf));
}

void xlsx_insert_chart(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
		       lxw_chart *chart)
{
	lxw_chart_options o = {.x_offset = 4, .y_offset = 4};

	if (!s->ws)
		return;
	if (s->n_charts < XLSX_MAX_BREAKS) {
		s->chart_row[s->n_charts] = row;
		s->chart_col[s->n_charts++] = col;
	}
	o.x_scale = XLSX_CHART_WIDTH / 480.0;
	o.y_scale = XLSX_CHART_HEIGHT / 288.0;
	o.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
	keep_error(s, worksheet_insert_chart_opt(s->ws, row, col, chart, &o));
}

lxw_error xlsx_formats_create(lxw_workbook *wb, xlsx_formats *f,
			      const char *org, const char *day)
{
	lxw_format *inputs[3];

	/* The organisation left, the sheet's name centred, the day right. */
	snprintf(f->page_header, sizeof f->page_header, "&L");
	page_text(f->page_header, sizeof f->page_header - 32, org);
	snprintf(f->page_header + strlen(f->page_header),
		 sizeof f->page_header - strlen(f->page_header), "&C&A&R");
	page_text(f->page_header, sizeof f->page_header, day);
	snprintf(f->page_footer, sizeof f->page_footer, "&C%s",
		 msg(XL_PAGE_OF));

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
	f->unseen = workbook_add_format(wb);
	if (!f->mono || !f->boxed || !f->boxed_head || !f->unseen)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	format_set_font_color(f->unseen, LXW_COLOR_WHITE);
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
	/* A heading may break its words over lines to keep its column
	 * narrow. */
	format_set_text_wrap(f->header);
	format_set_bold(f->label);
	format_set_align(f->label, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(f->wrap);
	format_set_align(f->number, LXW_ALIGN_LEFT);
	format_set_align(f->number, LXW_ALIGN_VERTICAL_TOP);
	/* Excel's own "Good" and "Bad" cell styles; a number in them sits
	 * left like every other (f->number). */
	format_set_align(f->good, LXW_ALIGN_LEFT);
	format_set_align(f->bad, LXW_ALIGN_LEFT);
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
