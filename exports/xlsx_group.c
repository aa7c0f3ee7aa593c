#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "exports/xlsx_load.h"
#include "exports/xlsx_sheets.h"
#include "exports/xlsx_text.h"
#include "exports/xlsx_workbook.h"
#include "model/msg.h"

/* The group sheet's columns: the figures of `moat group --csv` a reader
 * compares across units, counts as numbers so they sort and add up. */
enum {
	GC_UNIT, GC_REGION, GC_YEAR, GC_LEVEL, GC_RISK, GC_PREV,
	GC_DONE, GC_ITEMS, GC_EXPIRED, GC_EXPIRING,
	GC_DAY, GC_TASKS_DONE, GC_TASKS, GC_TASKS_LATE, GC_DUTIES_LATE,
	GC_UNTESTED, GC_WORST, GC_RTA, GC_RTO, GC_PLANS_DUE,
	GC_COUNT
};

static const msg_id headings[GC_COUNT] = {
	XL_GRP_UNIT, XL_GRP_REGION, XL_GRP_YEAR, XL_GRP_LEVEL, XL_GRP_RISK,
	XL_GRP_PREV, XL_GRP_DONE, XL_GRP_ITEMS, XL_GRP_EXPIRED,
	XL_GRP_EXPIRING, XL_GRP_DAY, XL_GRP_TASKS_DONE, XL_GRP_TASKS,
	XL_GRP_TASKS_LATE, XL_GRP_DUTIES_LATE, XL_GRP_UNTESTED, XL_GRP_WORST,
	XL_GRP_RTA, XL_GRP_RTO, XL_GRP_PLANS_DUE,
};

/* The columns the totals row adds up. */
static const int summed[] = {
	GC_EXPIRED, GC_EXPIRING, GC_TASKS_LATE, GC_DUTIES_LATE, GC_UNTESTED,
	GC_PLANS_DUE,
};

#define TITLE_ROW 0
#define HEADER_ROW 2

/* The count in column c of r into *v; false when the cell is blank (no
 * year, no programme, or not a count). */
static bool count_of(const group_row *r, int c, size_t *v)
{
	bool year = r->has_year, prog = r->has_programme;

	switch (c) {
	case GC_DONE: *v = r->items_done; return year;
	case GC_ITEMS: *v = r->items_total; return year;
	case GC_EXPIRED: *v = r->ev_expired; return year;
	case GC_EXPIRING: *v = r->ev_expiring; return year;
	case GC_UNTESTED: *v = r->untested; return year;
	case GC_TASKS_DONE: *v = r->tasks_done; return prog;
	case GC_TASKS: *v = r->tasks_total; return prog;
	case GC_TASKS_LATE: *v = r->tasks_overdue; return prog;
	/* The unit's own, with or without a year. */
	case GC_DUTIES_LATE: *v = r->duties_overdue; return true;
	case GC_PLANS_DUE: *v = r->plans_review_due; return true;
	default: return false;
	}
}

/* What is past due stands out when there is any. */
static bool to_act_on(int c)
{
	return c == GC_EXPIRED || c == GC_TASKS_LATE || c == GC_DUTIES_LATE;
}

/* One unit's row. */
static void put_row(xlsx_sheet *s, lxw_row_t row, const group_row *r)
{
	const xlsx_formats *f = s->f;
	char text[128];
	size_t v;

	xlsx_put_text(s, row, GC_UNIT, r->name, NULL, true);
	xlsx_put_text(s, row, GC_REGION, r->region, NULL, true);
	if (r->has_year) {
		xlsx_put_number(s, row, GC_YEAR, r->year, NULL);
		xlsx_put_number(s, row, GC_LEVEL, r->level,
				r->level <= 2 ? f->bad
				: r->level >= 4 ? f->good : NULL);
		xlsx_put_text(s, row, GC_RISK, r->risk, NULL, true);
	} else {
		xlsx_put_text(s, row, GC_YEAR, msg(GRP_NO_YEAR), NULL, true);
	}
	if (r->prev_level) {
		snprintf(text, sizeof text, msg(XL_GRP_PREV_FMT), r->prev_level,
			 r->prev_year);
		xlsx_put_text(s, row, GC_PREV, text, NULL, true);
	}
	if (r->has_programme)
		xlsx_put_number(s, row, GC_DAY, r->day, NULL);
	for (int c = 0; c < GC_COUNT; c++)
		if (count_of(r, c, &v))
			xlsx_put_number(s, row, (lxw_col_t)c, (double)v,
					to_act_on(c) && v ? f->bad : NULL);
	if (r->has_year && r->has_worst) {
		xlsx_put_text(s, row, GC_WORST, r->worst_system, NULL, true);
		xlsx_put_number(s, row, GC_RTA, (double)r->worst_rta,
				r->worst_rta > r->worst_rto ? f->bad : NULL);
		xlsx_put_number(s, row, GC_RTO, (double)r->worst_rto, NULL);
	}
}

/* Row total: each summed column's SUM over the units' rows. */
static void put_totals(xlsx_sheet *s, lxw_row_t row, const group_row *rows,
		       size_t n)
{
	xlsx_put_text(s, row, GC_UNIT, msg(XL_GRP_TOTAL), s->f->label, true);
	for (size_t k = 0; k < sizeof summed / sizeof summed[0]; k++) {
		int c = summed[k];
		double total = 0;
		size_t v;

		for (size_t i = 0; i < n; i++)
			if (count_of(&rows[i], c, &v))
				total += (double)v;
		xlsx_put_formula(s, row, (lxw_col_t)c, NULL, total,
				 "=SUM(%s:%s)",
				 xlsx_cell(HEADER_ROW + 1, (lxw_col_t)c).s,
				 xlsx_cell(HEADER_ROW + (lxw_row_t)n,
					   (lxw_col_t)c).s);
	}
}

lxw_error xlsx_write_group(lxw_workbook *wb, const xlsx_formats *f,
			   const group_row *rows, size_t n, const char *scope)
{
	char title[512];
	xlsx_sheet s;
	lxw_row_t row = HEADER_ROW;
	lxw_error e;

	if ((e = xlsx_sheet_add(wb, msg(XL_GRP_SHEET), f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, HEADER_ROW,
					   HEADER_ROW});
	if (n == 1)
		snprintf(title, sizeof title, msg(XL_GRP_TITLE_ONE_FMT), scope);
	else
		snprintf(title, sizeof title, msg(XL_GRP_TITLE_FMT), n, scope);
	/* The heading spills over the columns: it does not set a width. */
	xlsx_put_text(&s, TITLE_ROW, GC_UNIT, title, f->title, false);
	xlsx_put_headers(&s, HEADER_ROW, headings, GC_COUNT);
	for (size_t i = 0; i < n; i++)
		put_row(&s, ++row, &rows[i]);
	if (n) {
		put_totals(&s, row + 1, rows, n);
		if (s.err == LXW_NO_ERROR)
			s.err = worksheet_autofilter(s.ws, HEADER_ROW, 0, row,
						     GC_COUNT - 1);
	} else {
		xlsx_put_text(&s, row + 1, GC_UNIT, msg(GRP_NO_UNITS), NULL,
			      true);
	}
	worksheet_freeze_panes(s.ws, HEADER_ROW + 1, 1);
	return xlsx_sheet_finish(&s, GC_COUNT);
}

/* The group pack being written: the rows, then each unit's summary read
 * from the store as its sheet comes. A store failure stops the pack and
 * is kept here, since the library's error cannot say it. */
typedef struct {
	store *s;
	const questionnaire *q;
	const group_row *rows;
	size_t n;
	const char *scope;
	date today;
	const char *exported_at;
	char (*names)[XLSX_SHEET_NAME_MAX * 4 + 1]; /* the sheets' so far */
	size_t n_names;
	moat_status st;
	char err[1024];
} group_pack;

/* Whether a sheet is called name already (Excel ignores case). */
static bool name_taken(const group_pack *p, const char *name)
{
	for (size_t i = 0; i < p->n_names; i++)
		if (strcasecmp(p->names[i], name) == 0)
			return true;
	return false;
}

/* A sheet name for the unit called want, unlike every earlier one: the
 * name made valid, then with " (2)", " (3)"... until it is free. */
static bool unit_sheet_name(group_pack *p, const char *want)
{
	char *out = p->names[p->n_names], suffix[24];
	size_t base;

	if (!xlsx_sheet_name(want, 0, out, sizeof p->names[0]))
		return false;
	for (unsigned k = 2; name_taken(p, out); k++) {
		snprintf(suffix, sizeof suffix, " (%u)", k);
		if (!xlsx_sheet_name(want, strlen(suffix), out,
				     sizeof p->names[0]))
			return false;
		base = strlen(out);
		snprintf(out + base, sizeof p->names[0] - base, "%s", suffix);
	}
	p->n_names++;
	return true;
}

/* One unit's executive summary, on a sheet named for it. */
static lxw_error unit_sheet(lxw_workbook *wb, const xlsx_formats *f,
			    group_pack *p, const group_row *r)
{
	report rep;
	xlsx_loaded l;
	lxw_error e;

	if ((p->st = report_load(p->s, p->q, r->assessment_id, p->today,
				 &rep))) {
		snprintf(p->err, sizeof p->err, "%s", store_errmsg(p->s));
		return LXW_ERROR_PARAMETER_VALIDATION;
	}
	if ((p->st = xlsx_load(p->s, &rep, p->today, &l, p->err,
			       sizeof p->err))) {
		report_free(&rep);
		return LXW_ERROR_PARAMETER_VALIDATION;
	}
	if (!unit_sheet_name(p, rep.unit.name))
		e = LXW_ERROR_MEMORY_MALLOC_FAILED;
	else
		e = xlsx_write_executive(wb, f, &l.in, p->exported_at,
					 p->names[p->n_names - 1], NULL);
	xlsx_loaded_free(&l);
	report_free(&rep);
	return e;
}

static lxw_error fill_group(lxw_workbook *wb, const xlsx_formats *f,
			    void *ctx)
{
	group_pack *p = ctx;
	lxw_error e;

	if ((e = xlsx_write_group(wb, f, p->rows, p->n, p->scope)))
		return e;
	snprintf(p->names[p->n_names++], sizeof p->names[0], "%s",
		 msg(XL_GRP_SHEET));
	for (size_t i = 0; i < p->n && e == LXW_NO_ERROR; i++)
		if (p->rows[i].has_year)
			e = unit_sheet(wb, f, p, &p->rows[i]);
	return e;
}

moat_status xlsx_export_group(store *s, const questionnaire *q,
			      const group_row *rows, size_t n,
			      const char *region, date today, const char *path,
			      char *err, size_t errlen)
{
	char day[16], scope[256];
	group_pack p = {s, q, rows, n, NULL, today, day, NULL, 0, ST_OK, ""};
	moat_status st;

	if (!q || !path || !*path || (n && !rows)) {
		snprintf(err, errlen, "export: no units or no file name");
		return ST_INVALID;
	}
	if (region && *region)
		snprintf(scope, sizeof scope, msg(XL_GRP_REGION_FMT), region);
	else
		snprintf(scope, sizeof scope, "%s", msg(XL_GRP_ALL));
	p.scope = scope;
	date_format(today, day, sizeof day);
	/* The group sheet's name and one for each unit. */
	if (!(p.names = calloc(n + 1, sizeof *p.names))) {
		snprintf(err, errlen, "%s", status_text(ST_NOMEM));
		return ST_NOMEM;
	}
	st = xlsx_book_write(path, scope, day, fill_group, &p, err, errlen);
	free(p.names);
	if (p.st) {
		snprintf(err, errlen, "%s", p.err);
		return p.st;
	}
	return st;
}
