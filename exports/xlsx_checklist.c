#include "config.h"

#include "exports/xlsx_sheets.h"
#include "model/explain.h"
#include "model/msg.h"

enum {
	COL_NO,
	COL_KEY,
	COL_ITEM,
	COL_QUESTION,
	COL_STATE,
	COL_EVIDENCE,
	COL_LATEST,
	COL_LATEST_DATE,
	COL_OWNER,
	N_COLS
};

static const msg_id headers[N_COLS] = {
	[COL_NO] = XL_COL_NO,
	[COL_KEY] = XL_COL_KEY,
	[COL_ITEM] = XL_COL_ITEM,
	[COL_QUESTION] = XL_COL_QUESTION,
	[COL_STATE] = XL_COL_STATE,
	[COL_EVIDENCE] = XL_COL_EVIDENCE,
	[COL_LATEST] = XL_COL_LATEST,
	[COL_LATEST_DATE] = XL_COL_LATEST_DATE,
	[COL_OWNER] = XL_COL_OWNER,
};

lxw_error xlsx_write_checklist(lxw_workbook *wb, const xlsx_formats *f,
			       const report *r)
{
	const questionnaire *q = r->q;
	xlsx_sheet s;
	lxw_error e;

	if ((e = xlsx_sheet_add(wb, msg(XL_SHEET_CHECKLIST), f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, 0, 0});
	for (lxw_col_t c = 0; c < N_COLS; c++)
		xlsx_put_text(&s, 0, c, msg(headers[c]), f->header, true);

	for (size_t i = 0; i < q->n_items; i++) {
		const q_item *it = &q->items[i];
		const evidence *ev = r->latest[i];
		lxw_row_t row = (lxw_row_t)(i + 1);

		xlsx_put_number(&s, row, COL_NO, (double)(i + 1), NULL);
		xlsx_put_text(&s, row, COL_KEY, it->key, NULL, true);
		xlsx_put_text(&s, row, COL_ITEM, it->title, NULL, true);
		xlsx_put_text(&s, row, COL_QUESTION, it->question, NULL, true);
		xlsx_put_text(&s, row, COL_STATE, explain_state(r->states[i]),
			      NULL, true);
		xlsx_put_number(&s, row, COL_EVIDENCE, r->evidence_count[i],
				NULL);
		if (ev) {
			xlsx_put_text(&s, row, COL_LATEST, ev->body, NULL, true);
			xlsx_put_text(&s, row, COL_LATEST_DATE,
				      ev->evidence_date, NULL, true);
			xlsx_put_text(&s, row, COL_OWNER, ev->owner, NULL, true);
		}
	}

	/* Filter buttons over the table; the header stays in view. */
	if (s.err == LXW_NO_ERROR)
		s.err = worksheet_autofilter(s.ws, 0, 0, (lxw_row_t)q->n_items,
					     N_COLS - 1);
	worksheet_freeze_panes(s.ws, 1, 0);
	return xlsx_sheet_finish(&s, N_COLS);
}
