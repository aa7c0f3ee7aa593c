#include "config.h"

#include <stdio.h>
#include <string.h>

#include "exports/xlsx_sheets.h"
#include "model/msg.h"

enum {
	COL_NO,
	COL_DUTY,
	COL_RULE,
	COL_ANCHOR,
	COL_ITEM,
	COL_FROM,
	COL_NEXT,
	COL_LAST_DONE,
	COL_N_OVERDUE,
	COL_OVERDUE,
	COL_MISSED,
	COL_PAUSED,
	N_COLS
};

static const msg_id headers[N_COLS] = {
	[COL_NO] = XL_COL_NO,
	[COL_DUTY] = XL_COL_DUTY,
	[COL_RULE] = XL_COL_RULE,
	[COL_ANCHOR] = XL_COL_ANCHOR,
	[COL_ITEM] = XL_COL_CHECKLIST_ITEM,
	[COL_FROM] = XL_COL_FROM,
	[COL_NEXT] = XL_COL_NEXT_DUE,
	[COL_LAST_DONE] = XL_COL_LAST_DONE,
	[COL_N_OVERDUE] = XL_COL_OVERDUE_COUNT,
	[COL_OVERDUE] = XL_COL_OVERDUE,
	[COL_MISSED] = XL_COL_MISSED,
	[COL_PAUSED] = XL_COL_PAUSED,
};

/* The history table below the duties, in the same columns: the duty's
 * number and title, then one event. */
enum {
	HCOL_NO,
	HCOL_DUTY,
	HCOL_DUE,
	HCOL_OUTCOME,
	HCOL_ON,
	HCOL_RESULT,
	HCOL_NOTE,
	HCOL_BY,
	N_HCOLS
};

static const msg_id history_headers[N_HCOLS] = {
	[HCOL_NO] = XL_COL_NO,
	[HCOL_DUTY] = XL_COL_DUTY,
	[HCOL_DUE] = XL_COL_DUE,
	[HCOL_OUTCOME] = XL_COL_OUTCOME,
	[HCOL_ON] = XL_COL_ON,
	[HCOL_RESULT] = XL_COL_RESULT,
	[HCOL_NOTE] = XL_COL_NOTE,
	[HCOL_BY] = XL_COL_BY,
};

/* Row 0 holds the title, row 1 stays blank, the duties start below
 * HEADER_ROW. */
#define HEADER_ROW 2

static void put_duty(xlsx_sheet *s, lxw_row_t row, size_t n, const duty *d,
		     const duty_state *st, const questionnaire *q)
{
	/* Every overdue date the state holds fits. */
	char buf[DUTY_MAX_OPEN * 12 + 1];
	int item = d->item[0] ? questionnaire_item_index(q, d->item) : -1;
	bool over = st->n_overdue > 0;

	xlsx_put_number(s, row, COL_NO, (double)n, NULL);
	xlsx_put_text(s, row, COL_DUTY, d->title, NULL, true);
	duty_rule_words(&d->rule, false, buf, sizeof buf);
	xlsx_put_text(s, row, COL_RULE, buf, NULL, true);
	xlsx_put_text(s, row, COL_ANCHOR,
		      msg(d->rule.anchor == REC_ANCHOR_COMPLETION
				  ? XL_ANCHOR_COMPLETION
				  : XL_ANCHOR_SCHEDULE),
		      NULL, true);
	xlsx_put_text(s, row, COL_ITEM,
		      item >= 0 ? q->items[item].title : d->item, NULL, true);
	xlsx_put_date(s, row, COL_FROM, d->rule.start);
	if (st->has_next)
		xlsx_put_date(s, row, COL_NEXT, st->next);
	if (st->has_last)
		xlsx_put_date(s, row, COL_LAST_DONE, st->last_done);
	xlsx_put_number(s, row, COL_N_OVERDUE, (double)st->n_overdue, NULL);
	xlsx_put_text(s, row, COL_OVERDUE, msg(over ? XL_YES : XL_NO),
		      over ? s->f->bad : NULL, true);
	duty_missed_text(st, buf, sizeof buf);
	xlsx_put_text(s, row, COL_MISSED, buf, over ? s->f->bad : NULL, true);
	/* Paused: nothing is owed, so no next date and nothing missed. */
	xlsx_put_date(s, row, COL_PAUSED, d->paused_on);
}

static void put_event(xlsx_sheet *s, lxw_row_t row, size_t n, const duty *d,
		      const duty_event *ev)
{
	xlsx_put_number(s, row, HCOL_NO, (double)n, NULL);
	xlsx_put_text(s, row, HCOL_DUTY, d->title, NULL, true);
	xlsx_put_date(s, row, HCOL_DUE, ev->due);
	xlsx_put_text(s, row, HCOL_OUTCOME,
		      msg(ev->skipped ? XL_EVENT_SKIPPED : XL_EVENT_DONE),
		      NULL, true);
	xlsx_put_date(s, row, HCOL_ON, ev->on);
	xlsx_put_text(s, row, HCOL_RESULT, ev->result, NULL, true);
	xlsx_put_text(s, row, HCOL_NOTE, ev->note, NULL, true);
	xlsx_put_text(s, row, HCOL_BY, ev->by, NULL, true);
}

lxw_error xlsx_write_duties(lxw_workbook *wb, const xlsx_formats *f,
			    const agenda *g, const questionnaire *q)
{
	char day[16], title[256];
	lxw_row_t row = HEADER_ROW;
	bool any = false;
	xlsx_sheet s;
	lxw_error e;

	if ((e = xlsx_sheet_add(wb, msg(XL_SHEET_DUTIES), f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, HEADER_ROW, HEADER_ROW});
	date_format(g->today, day, sizeof day);
	snprintf(title, sizeof title, msg(XL_DUTIES_HEAD_FMT), day);
	xlsx_put_text(&s, 0, 0, title, f->title, false);

	xlsx_put_headers(&s, row, headers, N_COLS);
	for (size_t d = 0; d < g->n_duties; d++)
		put_duty(&s, ++row, d + 1, &g->duties[d], &g->states[d], q);

	/* The history, newest first within each duty. */
	row += 2;
	xlsx_put_text(&s, row, 0, msg(XL_HISTORY_TITLE), f->label, false);
	row++;
	xlsx_put_headers(&s, row, history_headers, N_HCOLS);
	for (size_t d = 0; g->events && d < g->n_duties; d++)
		for (size_t i = 0; i < g->n_events[d]; i++) {
			put_event(&s, ++row, d + 1, &g->duties[d],
				  &g->events[d][i]);
			any = true;
		}
	if (!any)
		xlsx_put_text(&s, ++row, HCOL_DUTY, msg(XL_NO_HISTORY), NULL,
			      true);

	worksheet_freeze_panes(s.ws, HEADER_ROW + 1, 0);
	return xlsx_sheet_finish(&s, N_COLS);
}
