#include "config.h"

#include <stdio.h>
#include <string.h>

#include "exports/xlsx_sheets.h"
#include "model/drill_text.h"
#include "model/msg.h"

/* The drills sheet (§4.4): one row per drill with its times against the
 * RTO, the nine checks of the evaluation sheet and the business figures;
 * under it every finding with its severity, owner, due date and state. */

enum {
	COL_DATE,
	COL_TYPE,
	COL_SCENARIO,
	COL_SYSTEMS,
	COL_RTA,
	COL_RTO,
	COL_VERDICT,
	COL_PASSED,
	COL_CHECKS,                      /* the nine checks from here */
	COL_INTERRUPTION = COL_CHECKS + DRILL_CHECKS,
	COL_COMPLAINTS,
	COL_LOSS,
	N_COLS
};

_Static_assert(N_COLS <= XLSX_MAX_COLS, "the drills sheet has too many columns");

enum { FCOL_DATE, FCOL_TYPE, FCOL_FINDING, FCOL_SEVERITY, FCOL_OWNER, FCOL_DUE,
       FCOL_STATE, N_FCOLS };

static const msg_id finding_headers[N_FCOLS] = {
	XL_COL_DRILL_DATE, XL_COL_DRILL_TYPE, XL_COL_FINDING, XL_COL_SEVERITY,
	XL_COL_OWNER_DRILL, XL_COL_DUE, XL_COL_STATE,
};

#define HEADER_ROW 2

static void put_optional(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, int64_t v)
{
	if (v != BIA_UNSET)
		xlsx_put_number(s, row, col, (double)v, NULL);
}

static void put_drill(xlsx_sheet *s, lxw_row_t row, const xlsx_drill *x,
		      const drill_reference *ref)
{
	const drill_full *f = &x->f;
	drill_times t;
	drill_summary m;
	char text[2048];
	size_t used = 0;

	xlsx_put_date(s, row, COL_DATE, f->d.held_on);
	xlsx_put_text(s, row, COL_TYPE, drill_type_text(ref, f->d.type), NULL, true);
	xlsx_put_text(s, row, COL_SCENARIO, f->d.scenario, NULL, true);
	text[0] = '\0';
	for (size_t i = 0; i < f->n_systems && used < sizeof text; i++)
		used += (size_t)snprintf(text + used, sizeof text - used, "%s%s",
					 i ? msg(DRILL_LIST_SEP) : "", f->systems[i]);
	xlsx_put_text(s, row, COL_SYSTEMS, text, NULL, true);
	drill_measure(&f->d, &t);
	put_optional(s, row, COL_RTA, t.rta);
	put_optional(s, row, COL_RTO, x->rto);
	target_judgement j = verify_judge(t.rta, x->rto);
	if (j.verdict == TARGET_MET || j.verdict == TARGET_MISSED)
		xlsx_put_text(s, row, COL_VERDICT,
			      msg(j.verdict == TARGET_MET ? XL_DRILL_MET : XL_DRILL_MISSED),
			      j.verdict == TARGET_MET ? s->f->good : s->f->bad, true);
	drill_summarise(&f->d, &m);
	snprintf(text, sizeof text, "%zu/%d", m.passed, DRILL_CHECKS);
	xlsx_put_text(s, row, COL_PASSED, text, NULL, true);
	for (int i = 0; i < DRILL_CHECKS; i++) {
		int v = f->d.checks[i];
		if (v != DRILL_UNSET)
			xlsx_put_text(s, row, (lxw_col_t)(COL_CHECKS + i),
				      drill_answer_text(v),
				      v == DRILL_YES ? s->f->good : s->f->bad, true);
	}
	put_optional(s, row, COL_INTERRUPTION, f->d.interruption);
	put_optional(s, row, COL_COMPLAINTS, f->d.complaints);
	if (f->d.loss != BIA_UNSET)
		xlsx_put_number(s, row, COL_LOSS, (double)f->d.loss / 100.0,
				s->f->money);
}

lxw_error xlsx_write_drills(lxw_workbook *wb, const xlsx_formats *f,
			    const xlsx_drill *drills, size_t n,
			    const drill_reference *ref, const char *currency,
			    date today)
{
	xlsx_sheet s;
	lxw_row_t row = HEADER_ROW;
	lxw_error e;
	char head[256];

	if ((e = xlsx_sheet_add(wb, msg(XL_SHEET_DRILLS), f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, HEADER_ROW, HEADER_ROW});
	snprintf(head, sizeof head, msg(XL_DRILLS_HEAD_FMT), n);
	xlsx_put_text(&s, 0, 0, head, f->title, false);
	for (lxw_col_t c = 0; c < N_COLS; c++) {
		const char *h;
		if (c >= COL_CHECKS && c < COL_INTERRUPTION)
			h = drill_check_text((drill_check)(c - COL_CHECKS));
		else if (c == COL_LOSS)
			snprintf(head, sizeof head, msg(XL_COL_LOSS_FMT),
				 currency ? currency : ""), h = head;
		else
			h = msg(c == COL_DATE	      ? XL_COL_DRILL_DATE
				: c == COL_TYPE	      ? XL_COL_DRILL_TYPE
				: c == COL_SCENARIO   ? XL_COL_SCENARIO
				: c == COL_SYSTEMS    ? XL_COL_DRILL_SYSTEMS
				: c == COL_RTA	      ? XL_COL_RTA_MIN
				: c == COL_RTO	      ? XL_COL_RTO_MIN
				: c == COL_VERDICT    ? XL_COL_RTA_VS_RTO
				: c == COL_PASSED     ? XL_COL_PASSED
				: c == COL_INTERRUPTION ? XL_COL_INTERRUPTION_MIN
							: XL_COL_COMPLAINTS);
		xlsx_put_text(&s, HEADER_ROW, c, h, f->header, true);
	}
	for (size_t i = 0; i < n; i++)
		put_drill(&s, ++row, &drills[i], ref);
	if (n)
		worksheet_autofilter(s.ws, HEADER_ROW, 0, row, N_COLS - 1);
	row += 2;
	xlsx_put_text(&s, row, 0, msg(XL_DRILL_FINDINGS), f->label, false);
	xlsx_put_headers(&s, ++row, finding_headers, N_FCOLS);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < drills[i].f.n_findings; k++) {
			const drill_finding *x = &drills[i].f.findings[k];
			char state[128];
			row++;
			xlsx_put_date(&s, row, FCOL_DATE, drills[i].f.d.held_on);
			xlsx_put_text(&s, row, FCOL_TYPE,
				      drill_type_text(ref, drills[i].f.d.type), NULL,
				      true);
			xlsx_put_text(&s, row, FCOL_FINDING, x->text, NULL, true);
			xlsx_put_text(&s, row, FCOL_SEVERITY,
				      drill_grade_text(x->severity), NULL, true);
			xlsx_put_text(&s, row, FCOL_OWNER, x->owner, NULL, true);
			xlsx_put_date(&s, row, FCOL_DUE, x->due);
			drill_finding_state_text(x, today, state, sizeof state);
			xlsx_put_text(&s, row, FCOL_STATE, state,
				      drill_finding_open(x) ? f->bad : f->good, true);
		}
	worksheet_freeze_panes(s.ws, HEADER_ROW + 1, 0);
	return xlsx_sheet_finish(&s, N_COLS);
}
