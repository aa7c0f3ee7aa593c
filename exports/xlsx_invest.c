#include "config.h"

#include <stdio.h>

#include "exports/xlsx_sheets.h"
#include "model/msg.h"

/* The classes table: name, DR levels, yearly amount, share. The scenario
 * blocks use the first three columns: a label, then low and high (or
 * before and after, or one figure). */
enum { COL_NAME, COL_LEVELS, COL_AMOUNT, COL_SHARE, N_COLS };
enum { COL_LABEL = 0, COL_LOW = 1, COL_HIGH = 2 };

/* The heading, a blank row, then the classes. */
#define CLASSES_ROW 2
/* The pie sits right of the classes, one column apart, level with their
 * header. */
#define CHART_COL (N_COLS + 1)

/* Where the cells the formulas refer to are. */
typedef struct {
	lxw_row_t first, last; /* the classes, at least one row */
	lxw_row_t total;       /* their total */
} class_cells;

/* Text from a "... (%s)" message and the currency, in fmt. */
static void put_unit_text(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
			  msg_id id, const char *currency, lxw_format *fmt)
{
	char text[256];

	snprintf(text, sizeof text, msg(id), currency);
	xlsx_put_text(s, row, col, text, fmt, true);
}

/* A scenario figure as an input cell in its own format: money in units,
 * a percentage as a fraction, years and minutes as they are. */
static void put_field(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
		      const invest_scenarios *sc, sc_field fld)
{
	double v = (double)invest_field_get(sc, fld);

	switch (invest_field_type(fld)) {
	case SCF_MONEY:
		xlsx_put_number(s, row, col, v / 100.0, s->f->in_money);
		break;
	case SCF_PERCENT:
		xlsx_put_number(s, row, col, v / 100.0, s->f->in_percent);
		break;
	case SCF_YEARS:
	case SCF_MINUTES:
		xlsx_put_number(s, row, col, v, s->f->in_number);
		break;
	}
}

/* The classes with their shares of the total, and the total, from row on.
 * Returns the row after the table. */
static lxw_row_t write_classes(xlsx_sheet *s, const calc_data *d,
			       lxw_row_t row, class_cells *c)
{
	const xlsx_formats *f = s->f;
	const invest_result *r = &d->invest;
	xlsx_ref total;
	char levels[32];
	int share_sum = 0;

	xlsx_put_text(s, row, COL_NAME, msg(XL_INV_CLASS), f->header, true);
	xlsx_put_text(s, row, COL_LEVELS, msg(XL_INV_LEVELS), f->header, true);
	put_unit_text(s, row, COL_AMOUNT, XL_AMOUNT_YEAR_FMT, d->currency,
		      f->header);
	xlsx_put_text(s, row, COL_SHARE, msg(XL_INV_SHARE), f->header, true);
	c->first = ++row;
	/* The total's row is known before the shares that divide by it. */
	c->total = c->first + (d->n_classes > 0 ? (lxw_row_t)d->n_classes : 1);
	total = xlsx_abs(c->total, COL_AMOUNT);
	for (size_t i = 0; i < d->n_classes; i++, row++) {
		const invest_class *k = &d->classes[i];

		xlsx_put_text(s, row, COL_NAME, k->name, NULL, true);
		if (k->level_low == k->level_high)
			snprintf(levels, sizeof levels, "%d", k->level_low);
		else
			snprintf(levels, sizeof levels, "%d-%d", k->level_low,
				 k->level_high);
		xlsx_put_text(s, row, COL_LEVELS, levels, NULL, true);
		xlsx_put_number(s, row, COL_AMOUNT, (double)k->amount / 100.0,
				f->in_money);
		if (r->overflow || i >= INVEST_MAX_CLASSES)
			continue;
		/* Rounded to the hundredth of a percent as model/ rounds. */
		share_sum += r->share_bp[i];
		xlsx_put_formula(s, row, COL_SHARE, f->percent,
				 r->share_bp[i] / 10000.0,
				 "=IF(%s>0,ROUND(%s/%s,4),0)", total.s,
				 xlsx_cell(row, COL_AMOUNT).s, total.s);
	}
	if (d->n_classes == 0)
		row++;
	c->last = row - 1;
	xlsx_put_text(s, row, COL_NAME, msg(XL_TOTAL), f->label, true);
	if (r->overflow) {
		xlsx_put_text(s, row + 1, COL_NAME, msg(ROI_OVERFLOW), f->bad,
			      false);
		return row + 2;
	}
	xlsx_put_formula(s, row, COL_AMOUNT, f->money, r->total / 100.0,
			 "=SUM(%s:%s)", xlsx_cell(c->first, COL_AMOUNT).s,
			 xlsx_cell(c->last, COL_AMOUNT).s);
	xlsx_put_formula(s, row, COL_SHARE, f->percent, share_sum / 10000.0,
			 "=SUM(%s:%s)", xlsx_cell(c->first, COL_SHARE).s,
			 xlsx_cell(c->last, COL_SHARE).s);
	return row + 1;
}

/* A pie of the classes' amounts, right of the table. */
static lxw_error add_chart(lxw_workbook *wb, xlsx_sheet *s, const char *sheet,
			   const class_cells *c)
{
	char names[LXW_MAX_FORMULA_RANGE_LENGTH * 2 + 8];
	char amounts[sizeof names];
	lxw_chart_series *series;
	lxw_chart *chart;

	if (!xlsx_column_range(names, sizeof names, sheet, c->first, c->last,
			       COL_NAME) ||
	    !xlsx_column_range(amounts, sizeof amounts, sheet, c->first,
			       c->last, COL_AMOUNT))
		return LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED;
	if (!(chart = workbook_add_chart(wb, LXW_CHART_PIE)))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	if (!(series = chart_add_series(chart, names, amounts)))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	chart_series_set_name(series, msg(XL_INV_SHARE));
	chart_series_set_labels(series);
	chart_series_set_labels_options(series, LXW_FALSE, LXW_FALSE,
					LXW_FALSE);
	chart_series_set_labels_percentage(series);
	chart_title_set_name(chart, msg(XL_INV_SHARE_TITLE));
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	xlsx_insert_chart(s, CLASSES_ROW, CHART_COL, chart);
	return s->err;
}

/* Every system at level 5 against the tiered total, from row on. Returns
 * the row after the block. */
static lxw_row_t write_uniform(xlsx_sheet *s, const calc_data *d,
			       lxw_row_t row, const class_cells *c)
{
	const xlsx_formats *f = s->f;
	const invest_result *r = &d->invest;
	xlsx_ref total = xlsx_cell(c->total, COL_AMOUNT), uniform;

	xlsx_put_text(s, row++, COL_LABEL, msg(XL_INV_UNIFORM_HEAD), f->header,
		      true);
	uniform = xlsx_cell(row, COL_LOW);
	put_unit_text(s, row, COL_LABEL, XL_INV_UNIFORM_FMT, d->currency,
		      f->label);
	put_field(s, row++, COL_LOW, &d->scenarios, SC_UNIFORM);
	if (r->overflow)
		return row;
	put_unit_text(s, row, COL_LABEL, XL_INV_EXTRA_FMT, d->currency,
		      f->label);
	xlsx_put_formula(s, row++, COL_LOW, f->money, r->uniform_extra / 100.0,
			 "=%s-%s", uniform.s, total.s);
	xlsx_put_text(s, row, COL_LABEL, msg(XL_INV_RATIO), f->label, true);
	xlsx_put_formula(s, row++, COL_LOW, f->decimal, r->uniform_ratio,
			 "=IF(%s>0,%s/%s,0)", total.s, uniform.s, total.s);
	return row;
}

/* A low-high pair of inputs labelled from a "... (%s)" message. Returns
 * the row it was written on. */
static lxw_row_t put_pair(xlsx_sheet *s, const calc_data *d, lxw_row_t row,
			  msg_id label, sc_field lo, sc_field hi)
{
	put_unit_text(s, row, COL_LABEL, label, d->currency, s->f->label);
	put_field(s, row, COL_LOW, &d->scenarios, lo);
	put_field(s, row, COL_HIGH, &d->scenarios, hi);
	return row;
}

/* upfront + N x yearly, low with low and high with high. */
static void put_over_n(xlsx_sheet *s, const calc_data *d, lxw_row_t row,
		       msg_id label, money_range value, lxw_row_t upfront,
		       lxw_row_t yearly, xlsx_ref n)
{
	const lxw_col_t cols[2] = {COL_LOW, COL_HIGH};

	put_unit_text(s, row, COL_LABEL, label, d->currency, s->f->label);
	for (int i = 0; i < 2; i++)
		xlsx_put_formula(s, row, cols[i], s->f->money,
				 (i ? value.hi : value.lo) / 100.0, "=%s+%s*%s",
				 xlsx_cell(upfront, cols[i]).s, n.s,
				 xlsx_cell(yearly, cols[i]).s);
}

/* Self-built, cloud and hybrid DR over N years as ranges, from row on.
 * Returns the row after the block. */
static lxw_row_t write_options(xlsx_sheet *s, const calc_data *d,
			       lxw_row_t row)
{
	const xlsx_formats *f = s->f;
	const invest_result *r = &d->invest;
	lxw_row_t self_up, self_year, cloud_up, cloud_year, saving, self_n;
	xlsx_ref n;

	xlsx_put_text(s, row, COL_LABEL, msg(XL_INV_OPTIONS_HEAD), f->header,
		      true);
	xlsx_put_text(s, row, COL_LOW, msg(XL_LOW), f->header, true);
	xlsx_put_text(s, row++, COL_HIGH, msg(XL_HIGH), f->header, true);
	self_up = put_pair(s, d, row++, XL_INV_SELF_UP_FMT, SC_SELF_UP_LO,
			   SC_SELF_UP_HI);
	self_year = put_pair(s, d, row++, XL_INV_SELF_YEAR_FMT,
			     SC_SELF_YEAR_LO, SC_SELF_YEAR_HI);
	cloud_up = put_pair(s, d, row++, XL_INV_CLOUD_UP_FMT, SC_CLOUD_UP_LO,
			    SC_CLOUD_UP_HI);
	cloud_year = put_pair(s, d, row++, XL_INV_CLOUD_YEAR_FMT,
			      SC_CLOUD_YEAR_LO, SC_CLOUD_YEAR_HI);
	saving = row;
	xlsx_put_text(s, row, COL_LABEL, msg(XL_INV_HYBRID_SAVING), f->label,
		      true);
	put_field(s, row, COL_LOW, &d->scenarios, SC_HYBRID_LO);
	put_field(s, row++, COL_HIGH, &d->scenarios, SC_HYBRID_HI);
	n = xlsx_abs(row, COL_LOW);
	xlsx_put_text(s, row, COL_LABEL, msg(XL_HORIZON), f->label, true);
	put_field(s, row++, COL_LOW, &d->scenarios, SC_HORIZON);
	if (r->overflow)
		return row;

	self_n = row;
	put_over_n(s, d, row++, XL_INV_SELF_N_FMT, r->self_n, self_up,
		   self_year, n);
	put_over_n(s, d, row++, XL_INV_CLOUD_N_FMT, r->cloud_n, cloud_up,
		   cloud_year, n);
	/* The most saved applies to the low end, the least to the high end;
	 * rounded to the hundredth as model/ rounds. */
	put_unit_text(s, row, COL_LABEL, XL_INV_HYBRID_N_FMT, d->currency,
		      f->label);
	xlsx_put_formula(s, row, COL_LOW, f->money, r->hybrid_n.lo / 100.0,
			 "=ROUND(%s*(1-%s),2)", xlsx_cell(self_n, COL_LOW).s,
			 xlsx_cell(saving, COL_HIGH).s);
	xlsx_put_formula(s, row++, COL_HIGH, f->money, r->hybrid_n.hi / 100.0,
			 "=ROUND(%s*(1-%s),2)", xlsx_cell(self_n, COL_HIGH).s,
			 xlsx_cell(saving, COL_LOW).s);
	return row;
}

/* The HA upgrade of §5.3: cost, RTO and RPO before and after, and what the
 * upgrade costs more, from row on. Returns the row after the block. */
static lxw_row_t write_ha(xlsx_sheet *s, const calc_data *d, lxw_row_t row)
{
	const xlsx_formats *f = s->f;
	const invest_result *r = &d->invest;
	xlsx_ref before, after;

	xlsx_put_text(s, row, COL_LABEL, msg(XL_INV_HA_HEAD), f->header, true);
	xlsx_put_text(s, row, COL_LOW, msg(XL_BEFORE), f->header, true);
	xlsx_put_text(s, row++, COL_HIGH, msg(XL_AFTER), f->header, true);
	before = xlsx_cell(row, COL_LOW);
	after = xlsx_cell(row, COL_HIGH);
	put_pair(s, d, row++, XL_INV_HA_COST_FMT, SC_HA_BEFORE, SC_HA_AFTER);
	xlsx_put_text(s, row, COL_LABEL, msg(XL_INV_RTO), f->label, true);
	put_field(s, row, COL_LOW, &d->scenarios, SC_HA_RTO_BEFORE);
	put_field(s, row++, COL_HIGH, &d->scenarios, SC_HA_RTO_AFTER);
	xlsx_put_text(s, row, COL_LABEL, msg(XL_INV_RPO), f->label, true);
	put_field(s, row, COL_LOW, &d->scenarios, SC_HA_RPO_BEFORE);
	put_field(s, row++, COL_HIGH, &d->scenarios, SC_HA_RPO_AFTER);
	if (r->overflow)
		return row;
	put_unit_text(s, row, COL_LABEL, XL_INV_HA_EXTRA_FMT, d->currency,
		      f->label);
	xlsx_put_formula(s, row++, COL_LOW, f->money, r->ha_extra / 100.0,
			 "=%s-%s", after.s, before.s);
	xlsx_put_text(s, row, COL_LABEL, msg(XL_INV_HA_EXTRA_PCT), f->label,
		      true);
	xlsx_put_formula(s, row++, COL_LOW, f->percent, r->ha_extra_pct / 100.0,
			 "=IF(%s>0,(%s-%s)/%s,0)", before.s, after.s, before.s,
			 before.s);
	return row;
}

lxw_error xlsx_write_invest(lxw_workbook *wb, const xlsx_formats *f,
			    const calc_data *d)
{
	const char *name = msg(XL_SHEET_INVEST);
	class_cells c = {0};
	xlsx_sheet s;
	lxw_row_t row;
	lxw_error e;

	if ((e = xlsx_sheet_add(wb, name, f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){false, false, false, 0, 0});
	/* The heading spills over the columns: it does not set a width. */
	xlsx_put_text(&s, 0, COL_NAME, msg(XL_INV_TITLE), f->title, false);
	row = write_classes(&s, d, CLASSES_ROW, &c);
	if (s.err == LXW_NO_ERROR && !d->invest.overflow)
		s.err = add_chart(wb, &s, name, &c);
	row = write_uniform(&s, d, row + 1, &c);
	row = write_options(&s, d, row + 1);
	write_ha(&s, d, row + 1);
	return xlsx_sheet_finish(&s, N_COLS);
}
