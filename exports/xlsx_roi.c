#include "config.h"

#include <stdio.h>

#include "exports/xlsx_sheets.h"
#include "model/msg.h"

/* The input tables: a line's name, its amount, and for a loss the
 * incidents a year and the expected loss, for a cost (which has no
 * incidents) the checklist item it advances. The results and the year
 * table use the first two columns: a label (or the year) and the figure. */
enum { COL_NAME, COL_AMOUNT, COL_INCIDENTS, COL_EXPECTED, N_COLS };

/* The heading, a blank row, then the inputs. */
#define INPUTS_ROW 2
/* The chart sits right of the year table, level with its header. */
#define CHART_COL COL_EXPECTED
/* The year table has a row for each year up to this many, or to the
 * unit's N when longer: a horizon typed into the sheet within it moves
 * the table and its chart, and the sheet says so. Thirty years keep the
 * table and the chart beside it on one printed page. */
#define SHEET_YEARS 30

/* Rows of the lines of one kind: first..last, at least one row (an empty
 * one when there are no lines) so the sums always have a range. */
typedef struct {
	lxw_row_t first, last;
} span;

/* Where the cells the formulas refer to are. */
typedef struct {
	span lines[ROI_KIND_COUNT];
	lxw_row_t horizon, rate;
	lxw_row_t one_off, recurring, losses, net, payback, net_n, roi;
	int max_years; /* the year table's last year */
} roi_cells;

/* Header text from a "... (%s)" message and the currency. */
static void put_unit_header(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
			    msg_id fmt, const char *currency)
{
	char text[256];

	snprintf(text, sizeof text, msg(fmt), currency);
	xlsx_put_text(s, row, col, text, s->f->header, true);
}

/* A result's label from a "... (%s)" message and the currency. */
static void put_unit_label(xlsx_sheet *s, lxw_row_t row, msg_id fmt,
			   const char *currency)
{
	char text[256];

	snprintf(text, sizeof text, msg(fmt), currency);
	xlsx_put_text(s, row, COL_NAME, text, s->f->label, true);
}

/* The lines of kind k under a header at row. Returns the row after the
 * table; *out says where its lines are. */
static lxw_row_t write_lines(xlsx_sheet *s, const calc_data *d,
			     const questionnaire *q, roi_kind k, lxw_row_t row,
			     span *out)
{
	static const msg_id heads[ROI_KIND_COUNT] = {
		[ROI_ONE_OFF] = XL_ROI_ONE_OFF,
		[ROI_RECURRING] = XL_ROI_RECURRING,
		[ROI_LOSS] = XL_ROI_LOSS,
	};
	static const msg_id amounts[ROI_KIND_COUNT] = {
		[ROI_ONE_OFF] = XL_AMOUNT_FMT,
		[ROI_RECURRING] = XL_AMOUNT_YEAR_FMT,
		[ROI_LOSS] = XL_LOSS_PER_INCIDENT_FMT,
	};
	const xlsx_formats *f = s->f;

	xlsx_put_text(s, row, COL_NAME, msg(heads[k]), f->header, true);
	put_unit_header(s, row, COL_AMOUNT, amounts[k], d->currency);
	if (k == ROI_LOSS) {
		xlsx_put_text(s, row, COL_INCIDENTS, msg(XL_INCIDENTS),
			      f->header, true);
		put_unit_header(s, row, COL_EXPECTED, XL_EXPECTED_FMT,
				d->currency);
	} else {
		xlsx_put_text(s, row, COL_INCIDENTS, msg(XL_COL_CHECKLIST_ITEM),
			      f->header, true);
	}
	out->first = ++row;
	for (size_t i = 0; i < d->n_lines; i++) {
		const roi_line *l = &d->lines[i];
		double expected;
		money loss;

		if (l->kind != k)
			continue;
		xlsx_put_text(s, row, COL_NAME, l->name, NULL, true);
		xlsx_put_number(s, row, COL_AMOUNT, (double)l->amount / 100.0,
				f->in_money);
		if (k != ROI_LOSS && l->item[0]) {
			int item = questionnaire_item_index(q, l->item);
			xlsx_put_text(s, row, COL_INCIDENTS,
				      item >= 0 ? q->items[item].title : l->item,
				      NULL, true);
		}
		if (k == ROI_LOSS) {
			xlsx_put_number(s, row, COL_INCIDENTS,
					l->incidents_milli / 1000.0,
					f->in_number);
			/* Rounded to the hundredth as model/ rounds it; past
			 * model/'s range, what Excel would show. */
			expected = roi_line_loss(l, &loss)
					   ? (double)loss / 100.0
					   : (double)l->amount / 100.0 *
						     (l->incidents_milli / 1000.0);
			xlsx_put_formula(s, row, COL_EXPECTED, f->money,
					 expected, "=ROUND(%s*%s,2)",
					 xlsx_cell(row, COL_AMOUNT).s,
					 xlsx_cell(row, COL_INCIDENTS).s);
		}
		row++;
	}
	if (row == out->first)
		row++;
	out->last = row - 1;
	return row;
}

/* The inputs from row on. Returns the row after them. */
static lxw_row_t write_inputs(xlsx_sheet *s, const calc_data *d,
			      const questionnaire *q, lxw_row_t row,
			      roi_cells *c)
{
	char note[256];

	xlsx_put_text(s, row, COL_NAME, msg(XL_INPUTS), s->f->label, false);
	row++;
	for (int k = 0; k < ROI_KIND_COUNT; k++)
		row = write_lines(s, d, q, (roi_kind)k, row, &c->lines[k]) + 1;
	c->horizon = row;
	xlsx_put_text(s, row, COL_NAME, msg(XL_HORIZON), s->f->label, true);
	xlsx_put_number(s, row, COL_AMOUNT, d->roi.years, s->f->in_number);
	xlsx_limit_whole(s, row, COL_AMOUNT, 1, c->max_years);
	snprintf(note, sizeof note, msg(XL_HORIZON_NOTE_FMT), c->max_years);
	/* The note spills to the right: it does not widen its column. */
	xlsx_put_text(s, row++, COL_INCIDENTS, note, NULL, false);
	c->rate = row;
	xlsx_put_text(s, row, COL_NAME, msg(XL_RATE), s->f->label, true);
	xlsx_put_number(s, row++, COL_AMOUNT, d->rate_bp / 10000.0,
			s->f->in_percent);
	return row;
}

/* "B4:B6": the amounts (or expected losses) of span sp. */
static void sum_range(const span *sp, lxw_col_t col, char *out, size_t len)
{
	snprintf(out, len, "%s:%s", xlsx_cell(sp->first, col).s,
		 xlsx_cell(sp->last, col).s);
}

/* Every result as a formula over the inputs, from row on. Returns the
 * row after them. */
static lxw_row_t write_results(xlsx_sheet *s, const calc_data *d,
			       lxw_row_t row, roi_cells *c)
{
	const xlsx_formats *f = s->f;
	const roi_result *r = &d->roi;
	char range[2 * LXW_MAX_CELL_NAME_LENGTH + 2], text[256];
	xlsx_ref one_off, recurring, losses, net, net_n, n, rate;

	xlsx_put_text(s, row++, COL_NAME, msg(XL_RESULTS), f->label, false);
	if (r->overflow) {
		xlsx_put_text(s, row++, COL_NAME, msg(ROI_OVERFLOW), f->bad,
			      false);
		return row;
	}
	n = xlsx_cell(c->horizon, COL_AMOUNT);
	rate = xlsx_cell(c->rate, COL_AMOUNT);

	c->one_off = row;
	one_off = xlsx_cell(row, COL_AMOUNT);
	put_unit_label(s, row, XL_TOTAL_ONE_OFF_FMT, d->currency);
	sum_range(&c->lines[ROI_ONE_OFF], COL_AMOUNT, range, sizeof range);
	xlsx_put_formula(s, row++, COL_AMOUNT, f->money, r->one_off / 100.0,
			 "=SUM(%s)", range);

	c->recurring = row;
	recurring = xlsx_cell(row, COL_AMOUNT);
	put_unit_label(s, row, XL_TOTAL_RECURRING_FMT, d->currency);
	sum_range(&c->lines[ROI_RECURRING], COL_AMOUNT, range, sizeof range);
	xlsx_put_formula(s, row++, COL_AMOUNT, f->money, r->recurring / 100.0,
			 "=SUM(%s)", range);

	c->losses = row;
	losses = xlsx_cell(row, COL_AMOUNT);
	put_unit_label(s, row, XL_TOTAL_LOSSES_FMT, d->currency);
	sum_range(&c->lines[ROI_LOSS], COL_EXPECTED, range, sizeof range);
	xlsx_put_formula(s, row++, COL_AMOUNT, f->money,
			 r->losses_avoided / 100.0, "=SUM(%s)", range);

	c->net = row;
	net = xlsx_cell(row, COL_AMOUNT);
	put_unit_label(s, row, XL_NET_FMT, d->currency);
	xlsx_put_formula(s, row++, COL_AMOUNT, f->money, r->yearly_net / 100.0,
			 "=%s-%s", losses.s, recurring.s);

	/* "Never pays back" when the net benefit is not positive. */
	c->payback = row;
	xlsx_put_text(s, row, COL_NAME, msg(XL_PAYBACK), f->label, true);
	if (!xlsx_formula_string(msg(ROI_NEVER), text, sizeof text))
		text[0] = '\0';
	if (r->pays_back)
		xlsx_put_formula(s, row++, COL_AMOUNT, f->decimal,
				 r->payback_years, "=IF(%s>0,%s/%s,%s)", net.s,
				 one_off.s, net.s, text);
	else
		xlsx_put_formula_text(s, row++, COL_AMOUNT, f->bad,
				      msg(ROI_NEVER), "=IF(%s>0,%s/%s,%s)",
				      net.s, one_off.s, net.s, text);

	c->net_n = row;
	net_n = xlsx_cell(row, COL_AMOUNT);
	put_unit_label(s, row, XL_NET_N_FMT, d->currency);
	xlsx_put_formula(s, row++, COL_AMOUNT, f->money, r->net_n / 100.0,
			 "=%s*%s-%s", n.s, net.s, one_off.s);

	/* The yearly net benefit discounted over N years, in closed form so
	 * a new N moves it: net x (1 - (1 + rate)^-N) / rate. */
	put_unit_label(s, row, XL_NPV_FMT, d->currency);
	xlsx_put_formula(s, row++, COL_AMOUNT, f->money, r->npv / 100.0,
			 "=IF(%s=0,%s*%s,%s*(1-(1+%s)^(-%s))/%s)-%s", rate.s,
			 n.s, net.s, net.s, rate.s, n.s, rate.s, one_off.s);

	/* Net benefit over what was put in: one-off plus N years of costs. */
	c->roi = row;
	xlsx_put_text(s, row, COL_NAME, msg(XL_ROI_PCT), f->label, true);
	if (!xlsx_formula_string(msg(XL_NO_INVESTMENT), text, sizeof text))
		text[0] = '\0';
	if (r->roi_defined)
		xlsx_put_formula(s, row++, COL_AMOUNT, f->percent,
				 r->roi_pct / 100.0,
				 "=IF(%s+%s*%s>0,%s/(%s+%s*%s),%s)", one_off.s,
				 n.s, recurring.s, net_n.s, one_off.s, n.s,
				 recurring.s, text);
	else
		xlsx_put_formula_text(s, row++, COL_AMOUNT, NULL,
				      msg(XL_NO_INVESTMENT),
				      "=IF(%s+%s*%s>0,%s/(%s+%s*%s),%s)",
				      one_off.s, n.s, recurring.s, net_n.s,
				      one_off.s, n.s, recurring.s, text);
	return row;
}

/* A chart of the cumulative cash in rows first..last, beside the table
 * whose header is at header. A scatter chart, since a line chart keeps a
 * slot on its axis for every row: the years past N are #N/A, which a
 * scatter chart leaves out, axis and all. */
static lxw_error add_chart(lxw_workbook *wb, xlsx_sheet *s, const char *sheet,
			   const calc_data *d, lxw_row_t header,
			   lxw_row_t first, lxw_row_t last)
{
	char years[LXW_MAX_FORMULA_RANGE_LENGTH * 2 + 8];
	char cash[sizeof years], name[256];
	lxw_chart_series *series;
	lxw_chart *chart;

	if (!xlsx_column_range(years, sizeof years, sheet, first, last,
			       COL_NAME) ||
	    !xlsx_column_range(cash, sizeof cash, sheet, first, last,
			       COL_AMOUNT))
		return LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED;
	if (!(chart = workbook_add_chart(
		      wb, LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS)))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	if (!(series = chart_add_series(chart, years, cash)))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	snprintf(name, sizeof name, msg(XL_CUMULATIVE_FMT), d->currency);
	chart_series_set_name(series, name);
	chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
	chart_title_set_name(chart, msg(XL_CUMULATIVE_TITLE));
	chart_axis_set_name(chart->x_axis, msg(XL_ROI_YEAR));
	chart_axis_set_name(chart->y_axis, name);
	/* Years count from 0, whole: no negative or half years on the axis. */
	chart_axis_set_min(chart->x_axis, 0);
	chart_axis_set_major_unit(chart->x_axis, 1);
	/* Year labels below the plot, where the line crosses zero or not. */
	chart_axis_set_label_position(chart->x_axis,
				      LXW_CHART_AXIS_LABEL_POSITION_LOW);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	xlsx_insert_chart(s, header, CHART_COL, chart);
	return s->err;
}

/* Years t = 0..c->max_years with the cumulative cash t x net - one-off
 * from row on, and its chart. A year past the horizon N (as the sheet
 * holds it, so a new N moves the table) is #N/A, shown blank. */
static void write_years(lxw_workbook *wb, xlsx_sheet *s, const char *sheet,
			const calc_data *d, lxw_row_t row,
			const roi_cells *c)
{
	const roi_result *r = &d->roi;
	xlsx_ref net = xlsx_abs(c->net, COL_AMOUNT);
	xlsx_ref one_off = xlsx_abs(c->one_off, COL_AMOUNT);
	xlsx_ref n = xlsx_abs(c->horizon, COL_AMOUNT);
	lxw_row_t header = row;

	xlsx_put_text(s, row, COL_NAME, msg(XL_ROI_YEAR), s->f->header, true);
	put_unit_header(s, row, COL_AMOUNT, XL_CUMULATIVE_FMT, d->currency);
	for (int t = 0; t <= c->max_years; t++) {
		xlsx_ref year = xlsx_cell(++row, COL_NAME);

		if (t <= r->years) {
			xlsx_put_formula(s, row, COL_NAME, NULL, t,
					 "=IF(%d<=%s,%d,NA())", t, n.s, t);
			xlsx_put_formula(s, row, COL_AMOUNT, s->f->money,
					 r->cumulative[t] / 100.0, "=%s*%s-%s",
					 year.s, net.s, one_off.s);
		} else {
			xlsx_put_formula_text(s, row, COL_NAME, s->f->number,
					      "#N/A", "=IF(%d<=%s,%d,NA())",
					      t, n.s, t);
			xlsx_put_formula_text(s, row, COL_AMOUNT, s->f->money,
					      "#N/A", "=%s*%s-%s", year.s,
					      net.s, one_off.s);
		}
	}
	xlsx_unseen_past(s, header + 1, row, COL_NAME, COL_AMOUNT, n.s);
	if (s->err == LXW_NO_ERROR)
		s->err = add_chart(wb, s, sheet, d, header, header + 1, row);
}

/* The inputs and results of d laid out from their first row, into c. */
static lxw_row_t write_figures(xlsx_sheet *s, const calc_data *d,
			       const questionnaire *q, roi_cells *c)
{
	c->max_years = d->roi.years > SHEET_YEARS ? d->roi.years : SHEET_YEARS;
	return write_results(s, d, write_inputs(s, d, q, INPUTS_ROW, c) + 1,
			     c);
}

bool xlsx_roi_at_of(const calc_data *d, const questionnaire *q,
		    xlsx_roi_at *out)
{
	/* The layout without a worksheet: every cell writer does nothing
	 * then, the rows still count. */
	xlsx_formats none = {0};
	xlsx_sheet dry = {.f = &none};
	roi_cells c = {0};

	if (d->roi.overflow)
		return false;
	write_figures(&dry, d, q, &c);
	*out = (xlsx_roi_at){c.horizon, c.payback, c.net_n, c.roi, COL_AMOUNT};
	return true;
}

lxw_error xlsx_write_roi(lxw_workbook *wb, const xlsx_formats *f,
			 const calc_data *d, const questionnaire *q)
{
	const char *name = msg(XL_SHEET_ROI);
	roi_cells c = {0};
	xlsx_sheet s;
	lxw_row_t row;
	lxw_error e;

	if ((e = xlsx_sheet_add(wb, name, f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){false, false, false, 0, 0});
	/* The heading spills over the columns: it does not set a width. */
	xlsx_put_text(&s, 0, COL_NAME, msg(XL_ROI_TITLE), f->title, false);
	row = write_figures(&s, d, q, &c);
	if (!d->roi.overflow)
		write_years(wb, &s, name, d, row + 1, &c);
	return xlsx_sheet_finish(&s, N_COLS);
}
