#include "config.h"

#include <stdio.h>

#include "exports/xlsx_sheets.h"
#include "model/compare.h"
#include "model/explain.h"
#include "model/msg.h"

/* The trend table: one row per year. */
enum { COL_YEAR, COL_LEVEL, COL_LEVEL_NAME, COL_RISK, COL_STATUS, N_TREND };

/* The comparison tables share five columns: the item's number or the
 * criterion's level, its text, before, after, the change. */
enum { COL_NO, COL_TEXT, COL_BEFORE, COL_AFTER, COL_CHANGE, N_CMP };

#define N_COLS 5
/* The trend table's header row; its years follow. */
#define TREND_HEADER 1
/* The chart sits right of the tables, one column apart, level with the
 * trend table's header. */
#define CHART_COL (N_COLS + 1)

_Static_assert(N_TREND == N_COLS && N_CMP == N_COLS,
	       "both tables of the sheet have N_COLS columns");

static const msg_id trend_headers[N_TREND] = {
	[COL_YEAR] = XL_YEAR,
	[COL_LEVEL] = XL_COL_LEVEL,
	[COL_LEVEL_NAME] = XL_LEVEL_NAME,
	[COL_RISK] = XL_RISK,
	[COL_STATUS] = XL_STATUS,
};

static const msg_id change_text[CMP_KIND_COUNT] = {
	[CMP_UNCHANGED] = XL_CMP_UNCHANGED,
	[CMP_IMPROVED] = XL_CMP_IMPROVED,
	[CMP_REGRESSED] = XL_CMP_REGRESSED,
	[CMP_NEW] = XL_CMP_NEW,
};

/* The order of the counts block. */
static const cmp_kind count_order[CMP_KIND_COUNT] = {
	CMP_IMPROVED, CMP_NEW, CMP_REGRESSED, CMP_UNCHANGED,
};

/* How a criterion reads, by compare_crit_reading. */
static const msg_id reading_text[] = {
	[CMP_READ_NOT_MET] = XL_RANK_NOT_MET,
	[CMP_READ_PARTLY] = XL_RANK_PARTLY,
	[CMP_READ_MET] = XL_RANK_MET,
	[CMP_READ_NA] = XL_RANK_NA,
	[CMP_READ_NOT_ASSESSED] = XL_RANK_NOT_ASSESSED,
};

#define N_READINGS (sizeof reading_text / sizeof reading_text[0])

static void put_change(xlsx_sheet *s, lxw_row_t row, cmp_kind k)
{
	lxw_format *fmt = NULL;

	if ((unsigned)k >= CMP_KIND_COUNT)
		return;
	if (k == CMP_IMPROVED || k == CMP_NEW)
		fmt = s->f->good;
	else if (k == CMP_REGRESSED)
		fmt = s->f->bad;
	xlsx_put_text(s, row, COL_CHANGE, msg(change_text[k]), fmt, true);
}

static void put_reading(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
			cmp_reading r)
{
	if ((size_t)r < N_READINGS)
		xlsx_put_text(s, row, col, msg(reading_text[r]), NULL, true);
}

/* The analysis's changes: process or system, what changed, the figure in
 * each year, added, removed or changed. */
static const msg_id bia_kinds[] = {
	[0] = XL_BIA_COL_PROCESS,
	[1] = BIAX_COL_SYSTEM,
};

/* Writes a header cell from a "%d" message and a year. */
static void put_year_header(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
			    msg_id fmt, int year)
{
	char text[128];

	snprintf(text, sizeof text, msg(fmt), year);
	xlsx_put_text(s, row, col, text, s->f->header, true);
}

/* One row per year from row + 1 on, under a header at row. current
 * stands for its own year, so the row agrees with the other sheets even
 * if years was read later. Returns the last row written. */
static lxw_row_t write_trend(xlsx_sheet *s, const year_summary *years,
			     size_t n, const report *current, lxw_row_t row)
{
	for (lxw_col_t c = 0; c < N_TREND; c++)
		xlsx_put_text(s, row, c, msg(trend_headers[c]), s->f->header,
			      true);
	for (size_t i = 0; i < n; i++) {
		const year_summary *y = &years[i];
		int level = y->level;

		if (y->assessment.id == current->assessment.id)
			level = current->score.level;

		row++;
		xlsx_put_number(s, row, COL_YEAR, y->assessment.year, NULL);
		xlsx_put_number(s, row, COL_LEVEL, level, NULL);
		if (level >= 1 && level <= Q_LEVELS) {
			const q_level *lv = &current->q->levels[level - 1];

			xlsx_put_text(s, row, COL_LEVEL_NAME, lv->name, NULL,
				      true);
			xlsx_put_text(s, row, COL_RISK, lv->risk, NULL, true);
		}
		xlsx_put_text(s, row, COL_STATUS,
			      msg(y->assessment.status == ASSESS_FINAL
					  ? ASSESS_TEXT_FINAL
					  : ASSESS_TEXT_DRAFT),
			      NULL, true);
	}
	return row;
}

/* A line chart of the levels in rows first..last of the trend table,
 * beside it. */
static lxw_error add_chart(lxw_workbook *wb, xlsx_sheet *s,
			   const char *sheet, lxw_row_t first, lxw_row_t last)
{
	char years[LXW_MAX_FORMULA_RANGE_LENGTH * 2 + 8];
	char levels[sizeof years];
	lxw_chart_series *series;
	lxw_chart *chart;

	if (!xlsx_column_range(years, sizeof years, sheet, first, last,
			       COL_YEAR) ||
	    !xlsx_column_range(levels, sizeof levels, sheet, first, last,
			       COL_LEVEL))
		return LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED;
	if (!(chart = workbook_add_chart(wb, LXW_CHART_LINE)))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	if (!(series = chart_add_series(chart, years, levels)))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	chart_series_set_name(series, msg(XL_COL_LEVEL));
	chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
	chart_title_set_name(chart, msg(XL_TREND_TITLE));
	chart_axis_set_name(chart->x_axis, msg(XL_YEAR));
	chart_axis_set_name(chart->y_axis, msg(XL_COL_LEVEL));
	/* The whole scale, so one year at level 2 does not fill the chart. */
	chart_axis_set_min(chart->y_axis, 0);
	chart_axis_set_max(chart->y_axis, Q_LEVELS);
	chart_axis_set_major_unit(chart->y_axis, 1);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	xlsx_insert_chart(s, TREND_HEADER, CHART_COL, chart);
	return s->err;
}

/* How many items and criteria changed each way, from row on. Returns the
 * last row written. */
static lxw_row_t write_counts(xlsx_sheet *s, const year_diff *d,
			      lxw_row_t row)
{
	xlsx_put_text(s, row, 0, msg(XL_COL_CHANGE), s->f->header, true);
	xlsx_put_text(s, row, 1, msg(XL_CMP_ITEMS), s->f->header, true);
	xlsx_put_text(s, row, 2, msg(XL_CMP_CRITERIA), s->f->header, true);
	for (size_t i = 0; i < CMP_KIND_COUNT; i++) {
		cmp_kind k = count_order[i];

		row++;
		xlsx_put_text(s, row, 0, msg(change_text[k]), NULL, true);
		xlsx_put_number(s, row, 1, (double)d->item_counts[k], NULL);
		xlsx_put_number(s, row, 2, (double)d->crit_counts[k], NULL);
	}
	return row;
}

/* Every checklist item in both years, from row on. Returns the last row
 * written. */
static lxw_row_t write_items(xlsx_sheet *s, const year_diff *d,
			     const report *a, const report *b, lxw_row_t row)
{
	const questionnaire *q = b->q;

	xlsx_put_text(s, row, COL_NO, msg(XL_COL_NO), s->f->header, true);
	xlsx_put_text(s, row, COL_TEXT, msg(XL_COL_ITEM), s->f->header, true);
	put_year_header(s, row, COL_BEFORE, XL_COL_STATE_IN_FMT,
			a->assessment.year);
	put_year_header(s, row, COL_AFTER, XL_COL_STATE_IN_FMT,
			b->assessment.year);
	xlsx_put_text(s, row, COL_CHANGE, msg(XL_COL_CHANGE), s->f->header,
		      true);
	for (size_t i = 0; i < q->n_items; i++) {
		row++;
		xlsx_put_number(s, row, COL_NO, (double)(i + 1), NULL);
		xlsx_put_text(s, row, COL_TEXT, q->items[i].title, NULL, true);
		xlsx_put_text(s, row, COL_BEFORE, explain_state(a->states[i]),
			      NULL, true);
		xlsx_put_text(s, row, COL_AFTER, explain_state(b->states[i]),
			      NULL, true);
		put_change(s, row, d->items[i]);
	}
	return row;
}

/* Every criterion in both years, from row on. Returns the last row
 * written. */
static lxw_row_t write_criteria(xlsx_sheet *s, const year_diff *d,
				const report *a, const report *b,
				lxw_row_t row)
{
	const questionnaire *q = b->q;

	xlsx_put_text(s, row, COL_NO, msg(XL_COL_LEVEL), s->f->header, true);
	xlsx_put_text(s, row, COL_TEXT, msg(XL_COL_CRITERION), s->f->header,
		      true);
	put_year_header(s, row, COL_BEFORE, XL_COL_RESULT_IN_FMT,
			a->assessment.year);
	put_year_header(s, row, COL_AFTER, XL_COL_RESULT_IN_FMT,
			b->assessment.year);
	xlsx_put_text(s, row, COL_CHANGE, msg(XL_COL_CHANGE), s->f->header,
		      true);
	for (size_t c = 0; c < q->n_criteria; c++) {
		row++;
		xlsx_put_number(s, row, COL_NO, q->criteria[c].level, NULL);
		xlsx_put_text(s, row, COL_TEXT, q->criteria[c].text, NULL,
			      true);
		put_reading(s, row, COL_BEFORE, d->crit_read_a[c]);
		put_reading(s, row, COL_AFTER, d->crit_read_b[c]);
		put_change(s, row, d->criteria[c]);
	}
	return row;
}

/* What changed in the business impact analysis from va to vb, from row
 * on: the heading, then, when there are changes, a header and a row for
 * each as the compare screen lists them. Returns the last row written. */
static lxw_row_t write_bia(xlsx_sheet *s, const bia_view *va,
			   const bia_view *vb, int year_a, int year_b,
			   lxw_row_t row)
{
	cmp_bia_diff d;
	char line[512], was[64], now[64];

	if (compare_bia_views(va, vb, &d)) {
		if (s->err == LXW_NO_ERROR)
			s->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
		return row;
	}
	compare_bia_heading(d.n_changes, line, sizeof line);
	xlsx_put_text(s, row, 0, line, s->f->label, false);
	if (d.n_changes) {
		row++;
		xlsx_put_text(s, row, COL_NO, msg(XL_CMP_BIA_COL_OF),
			      s->f->header, true);
		xlsx_put_text(s, row, COL_TEXT, msg(XL_CMP_BIA_COL_WHAT),
			      s->f->header, true);
		put_year_header(s, row, COL_BEFORE, XL_CMP_BIA_COL_IN_FMT,
				year_a);
		put_year_header(s, row, COL_AFTER, XL_CMP_BIA_COL_IN_FMT,
				year_b);
		xlsx_put_text(s, row, COL_CHANGE, msg(XL_COL_CHANGE),
			      s->f->header, true);
	}
	for (size_t i = 0; i < d.n_changes; i++) {
		const cmp_bia_change *c = &d.changes[i];
		const char *name = compare_bia_name(&d.a, &d.b, c);
		const char *label = compare_bia_label(c);

		row++;
		xlsx_put_text(s, row, COL_NO, msg(bia_kinds[c->system]), NULL,
			      true);
		if (*label)
			snprintf(line, sizeof line, msg(BIAF_CMP_ROW_FMT), name,
				 label);
		else
			snprintf(line, sizeof line, "%s", name);
		xlsx_put_text(s, row, COL_TEXT, line, NULL, true);
		compare_bia_value(c, false, was, sizeof was);
		compare_bia_value(c, true, now, sizeof now);
		xlsx_put_text(s, row, COL_BEFORE, was, NULL, true);
		xlsx_put_text(s, row, COL_AFTER, now, NULL, true);
		xlsx_put_text(s, row, COL_CHANGE, compare_bia_kind(c),
			      c->what == CMP_BIA_ADDED     ? s->f->good
			      : c->what == CMP_BIA_REMOVED ? s->f->bad
							   : NULL,
			      true);
	}
	compare_bia_diff_free(&d);
	return row;
}

lxw_error xlsx_write_years(lxw_workbook *wb, const xlsx_formats *f,
			   const year_summary *years, size_t n,
			   const report *prev, const report *current,
			   const bia_view *prev_bia, const bia_view *bia)
{
	const char *name = msg(XL_SHEET_YEARS);
	year_diff d;
	char line[256];
	xlsx_sheet s;
	lxw_row_t row;
	lxw_error e;

	if ((e = xlsx_sheet_add(wb, name, f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){false, false, false, 0, 0});
	/* The heading spills over the columns: it does not set a width. */
	xlsx_put_text(&s, 0, COL_YEAR, msg(XL_TREND_TITLE), f->title, false);
	row = write_trend(&s, years, n, current, TREND_HEADER);
	if (s.err == LXW_NO_ERROR)
		s.err = add_chart(wb, &s, name, TREND_HEADER + 1, row);

	row += 2;
	if (!prev) {
		xlsx_put_text(&s, row, 0, msg(XL_CMP_NO_PREVIOUS), f->label,
			      false);
		return xlsx_sheet_finish(&s, N_COLS);
	}
	compare_reports(prev, current, &d);
	snprintf(line, sizeof line, msg(XL_CMP_TITLE_FMT),
		 prev->assessment.year, current->assessment.year);
	xlsx_put_text(&s, row, 0, line, f->label, false);
	row = write_counts(&s, &d, row + 1);
	row = write_items(&s, &d, prev, current, row + 2);
	row = write_criteria(&s, &d, prev, current, row + 2);
	if (prev_bia && bia)
		write_bia(&s, prev_bia, bia, prev->assessment.year,
			  current->assessment.year, row + 2);
	return xlsx_sheet_finish(&s, N_COLS);
}
