#include "config.h"

#include <stdio.h>
#include <string.h>

#include "exports/xlsx_sheets.h"
#include "model/bia_text.h"
#include "model/msg.h"
#include "model/verify_text.h"

/* The backups-and-verification sheet (§3.3): per system of the year its
 * plan and copies, the 3-2-1 check, the interval against its RPO and its
 * last restore test; then the unit's ledger, newest first, each entry
 * against its system's RTO and RPO; then the RTA of each system over time,
 * oldest first, as a table and a line chart with one series per system. */

/* Row 0 holds the title, row 1 stays blank, the systems' header is
 * HEADER_ROW. */
#define HEADER_ROW 2
#define LINE_BYTES 2048

enum {
	S_NAME, S_RTO, S_RPO, S_FULL, S_FULL_EVERY, S_INCR, S_INCR_EVERY,
	S_REALTIME, S_RETENTION, S_COPIES, S_321, S_INTERVAL, S_LAST, S_FRESH,
	S_STANDS_OUT, N_SCOLS
};

static const msg_id system_headers[N_SCOLS] = {
	[S_NAME] = XL_VB_COL_SYSTEM, [S_RTO] = XL_VB_COL_RTO,
	[S_RPO] = XL_VB_COL_RPO, [S_FULL] = XL_VB_COL_FULL,
	[S_FULL_EVERY] = XL_VB_COL_FULL_EVERY, [S_INCR] = XL_VB_COL_INCR,
	[S_INCR_EVERY] = XL_VB_COL_INCR_EVERY, [S_REALTIME] = XL_VB_COL_REALTIME,
	[S_RETENTION] = XL_VB_COL_RETENTION, [S_COPIES] = XL_VB_COL_COPIES,
	[S_321] = XL_VB_COL_321, [S_INTERVAL] = XL_VB_COL_INTERVAL,
	[S_LAST] = XL_VB_COL_LAST, [S_FRESH] = XL_VB_COL_FRESH,
	[S_STANDS_OUT] = XL_VB_COL_STANDS_OUT,
};

enum {
	L_STARTED, L_ENDED, L_SYSTEM, L_KIND, L_RESULT, L_RTA, L_RTO, L_RTA_VS,
	L_RPA, L_RPO, L_RPA_VS, L_COMPLETENESS, L_BY, L_DUTY, L_NOTE, L_LINK,
	N_LCOLS
};

static const msg_id ledger_headers[N_LCOLS] = {
	[L_STARTED] = XL_VL_COL_STARTED, [L_ENDED] = XL_VL_COL_ENDED,
	[L_SYSTEM] = XL_VB_COL_SYSTEM, [L_KIND] = XL_VL_COL_KIND,
	[L_RESULT] = XL_VL_COL_RESULT, [L_RTA] = XL_VL_COL_RTA,
	[L_RTO] = XL_VB_COL_RTO, [L_RTA_VS] = XL_VL_COL_RTA_VS,
	[L_RPA] = XL_VL_COL_RPA, [L_RPO] = XL_VB_COL_RPO,
	[L_RPA_VS] = XL_VL_COL_RPA_VS, [L_COMPLETENESS] = XL_VL_COL_COMPLETENESS,
	[L_BY] = XL_VL_COL_BY, [L_DUTY] = XL_VL_COL_DUTY, [L_NOTE] = XL_VL_COL_NOTE,
	[L_LINK] = XL_VL_COL_LINK,
};

/* At most this many systems get a series of the chart (and a column of
 * its table, after the start column). */
#define CHART_SERIES (XLSX_MAX_COLS - 1)

static void put_minutes(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, int64_t m)
{
	if (m >= 0)
		xlsx_put_number(s, row, col, (double)m, NULL);
}

static void put_time(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
		     const verify_time *t)
{
	char buf[32];
	verify_format_time(t, buf, sizeof buf);
	xlsx_put_text(s, row, col, buf, NULL, true);
}

static lxw_row_t write_systems(xlsx_sheet *s, const verify_view *v)
{
	lxw_row_t row = HEADER_ROW;
	char line[LINE_BYTES];

	xlsx_put_headers(s, row, system_headers, N_SCOLS);
	for (size_t i = 0; i < v->backups.n; i++) {
		const system_backup *b = &v->backups.v[i];
		const verify_system *y = &v->systems[i];
		row++;
		xlsx_put_text(s, row, S_NAME, b->system, NULL, true);
		put_minutes(s, row, S_RTO, y->rto);
		put_minutes(s, row, S_RPO, y->rpo);
		xlsx_put_text(s, row, S_FULL, b->plan.full_schedule, NULL, true);
		put_minutes(s, row, S_FULL_EVERY, b->plan.full_every);
		xlsx_put_text(s, row, S_INCR, b->plan.incr_schedule, NULL, true);
		put_minutes(s, row, S_INCR_EVERY, b->plan.incr_every);
		xlsx_put_text(s, row, S_REALTIME, msg(b->plan.realtime ? XL_YES : XL_NO),
			      NULL, true);
		xlsx_put_text(s, row, S_RETENTION, b->plan.retention, NULL, true);
		verify_copies_text(b, "\n", line, sizeof line);
		xlsx_put_text(s, row, S_COPIES, line, NULL, true);
		backup_321_text(&y->r321, line, sizeof line);
		xlsx_put_text(s, row, S_321, line, y->r321.missing ? s->f->bad : s->f->good,
			      true);
		backup_interval_text(&b->plan, y->rpo, line, sizeof line);
		xlsx_put_text(s, row, S_INTERVAL, line,
			      y->interval == INTERVAL_TOO_LONG ? s->f->bad
			      : y->interval == INTERVAL_MEETS ? s->f->good : NULL,
			      true);
		if (y->fresh.last)
			xlsx_put_date(s, row, S_LAST, y->fresh.last->started.day);
		verify_freshness_text(&y->fresh, line, sizeof line);
		xlsx_put_text(s, row, S_FRESH, line,
			      y->stands_out ? s->f->bad : s->f->good, true);
		xlsx_put_text(s, row, S_STANDS_OUT, msg(y->stands_out ? XL_YES : XL_NO),
			      y->stands_out ? s->f->bad : NULL, true);
	}
	return row;
}

/* The duty occurrence an entry completed, "title (due YYYY-MM-DD)". */
static void duty_text(const agenda *g, int64_t event_id, char *out, size_t len)
{
	char due[16];
	out[0] = '\0';
	for (size_t d = 0; g && event_id && d < g->n_duties; d++)
		for (size_t k = 0; k < g->n_events[d]; k++)
			if (g->events[d][k].id == event_id) {
				date_format(g->events[d][k].due, due, sizeof due);
				snprintf(out, len, msg(VL_DUTY_FMT), g->duties[d].title,
					 due);
				return;
			}
}

static lxw_row_t write_ledger(xlsx_sheet *s, const verify_view *v,
			      const agenda *g, lxw_row_t row)
{
	char line[LINE_BYTES];

	xlsx_put_text(s, row, 0, msg(XL_VL_TITLE), s->f->label, false);
	xlsx_put_headers(s, ++row, ledger_headers, N_LCOLS);
	for (size_t i = 0; i < v->n_entries; i++) {
		const verify_entry *e = &v->entries[i];
		size_t at = verify_view_named(v, e->system);
		int64_t rto = at == BIA_NO_INDEX ? BIA_UNSET : v->systems[at].rto;
		int64_t rpo = at == BIA_NO_INDEX ? BIA_UNSET : v->systems[at].rpo;
		target_verdict rv = verify_judge(e->rta, rto).verdict;
		target_verdict pv = verify_judge(e->rpa, rpo).verdict;
		row++;
		put_time(s, row, L_STARTED, &e->started);
		if (e->has_ended)
			put_time(s, row, L_ENDED, &e->ended);
		xlsx_put_text(s, row, L_SYSTEM, e->system, NULL, true);
		xlsx_put_text(s, row, L_KIND, verify_kind_text(e->kind), NULL, true);
		xlsx_put_text(s, row, L_RESULT, verify_result_text(e->result),
			      e->result == VERIFY_PASS ? s->f->good : s->f->bad, true);
		put_minutes(s, row, L_RTA, e->rta);
		put_minutes(s, row, L_RTO, rto);
		verify_judgement_text("RTA", "RTO", e->rta, rto, line, sizeof line);
		xlsx_put_text(s, row, L_RTA_VS, line,
			      rv == TARGET_MISSED ? s->f->bad
			      : rv == TARGET_MET ? s->f->good : NULL, true);
		put_minutes(s, row, L_RPA, e->rpa);
		put_minutes(s, row, L_RPO, rpo);
		verify_judgement_text("RPA", "RPO", e->rpa, rpo, line, sizeof line);
		xlsx_put_text(s, row, L_RPA_VS, line,
			      pv == TARGET_MISSED ? s->f->bad
			      : pv == TARGET_MET ? s->f->good : NULL, true);
		if (e->completeness >= 0)
			xlsx_put_number(s, row, L_COMPLETENESS, e->completeness / 10.0,
					s->f->decimal);
		xlsx_put_text(s, row, L_BY, e->by, NULL, true);
		duty_text(g, e->duty_event_id, line, sizeof line);
		xlsx_put_text(s, row, L_DUTY, line, NULL, true);
		xlsx_put_text(s, row, L_NOTE, e->note, NULL, true);
		xlsx_put_text(s, row, L_LINK, e->link, NULL, true);
	}
	return row;
}

/* The systems with a measured RTA, in the year's order (at most
 * CHART_SERIES); returns how many. */
static size_t charted(const verify_view *v, size_t *out)
{
	size_t n = 0;
	for (size_t i = 0; i < v->backups.n && n < CHART_SERIES; i++) {
		bool any = false;
		for (size_t k = 0; k < v->n_entries && !any; k++)
			any = v->entries[k].rta >= 0 &&
			      strcmp(v->entries[k].system, v->backups.v[i].system) == 0;
		if (any)
			out[n++] = i;
	}
	return n;
}

/* The RTA table from row on (a row per measured entry, oldest first, its
 * RTA in its system's column) and its chart beside it. */
static lxw_error write_trend(lxw_workbook *wb, xlsx_sheet *s, const char *sheet,
			     const verify_view *v, lxw_row_t row)
{
	size_t cols[CHART_SERIES], n = charted(v, cols);
	lxw_row_t first, last;
	lxw_chart *chart;

	xlsx_put_text(s, row, 0, msg(XL_VB_TREND_TITLE), s->f->label, false);
	if (!n) {
		xlsx_put_text(s, row + 1, 0, msg(VE_TREND_NONE), NULL, false);
		return LXW_NO_ERROR;
	}
	xlsx_put_text(s, ++row, 0, msg(XL_VL_COL_STARTED), s->f->header, true);
	for (size_t c = 0; c < n; c++)
		xlsx_put_text(s, row, (lxw_col_t)(c + 1), v->backups.v[cols[c]].system,
			      s->f->header, true);
	first = row + 1;
	for (size_t k = v->n_entries; k-- > 0;) {
		const verify_entry *e = &v->entries[k];
		for (size_t c = 0; c < n && e->rta >= 0; c++)
			if (strcmp(e->system, v->backups.v[cols[c]].system) == 0) {
				put_time(s, ++row, 0, &e->started);
				xlsx_put_number(s, row, (lxw_col_t)(c + 1), (double)e->rta,
						NULL);
			}
	}
	last = row;
	if (!(chart = workbook_add_chart(wb, LXW_CHART_LINE)))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	for (size_t c = 0; c < n; c++) {
		char cats[LXW_MAX_FORMULA_RANGE_LENGTH * 2 + 8], vals[sizeof cats];
		lxw_chart_series *series;
		if (!xlsx_column_range(cats, sizeof cats, sheet, first, last, 0) ||
		    !xlsx_column_range(vals, sizeof vals, sheet, first, last,
				       (lxw_col_t)(c + 1)))
			return LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED;
		if (!(series = chart_add_series(chart, cats, vals)))
			return LXW_ERROR_MEMORY_MALLOC_FAILED;
		chart_series_set_name(series, v->backups.v[cols[c]].system);
		chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
	}
	chart_title_set_name(chart, msg(XL_VB_TREND_TITLE));
	chart_axis_set_name(chart->y_axis, msg(XL_VL_COL_RTA));
	chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_CONNECTED);
	xlsx_insert_chart(s, first, (lxw_col_t)(n + 2), chart);
	return s->err;
}

lxw_error xlsx_write_backups(lxw_workbook *wb, const xlsx_formats *f,
			     const verify_view *v, const agenda *plan, int year)
{
	const char *name = msg(XL_VB_SHEET);
	char title[256];
	xlsx_sheet s;
	lxw_error rc;
	lxw_row_t row;

	if ((rc = xlsx_sheet_add(wb, name, f, &s)) != LXW_NO_ERROR)
		return rc;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, HEADER_ROW, HEADER_ROW});
	snprintf(title, sizeof title, msg(XL_VB_TITLE_FMT), year, v->stale_days);
	xlsx_put_text(&s, 0, 0, title, f->title, false);
	row = write_systems(&s, v);
	row = write_ledger(&s, v, plan, row + 2);
	if (s.err == LXW_NO_ERROR)
		s.err = write_trend(wb, &s, name, v, row + 2);
	worksheet_freeze_panes(s.ws, HEADER_ROW + 1, 1);
	return xlsx_sheet_finish(&s, XLSX_MAX_COLS);
}
