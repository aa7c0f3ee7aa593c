#include "config.h"

#include <stdio.h>
#include <string.h>

#include "exports/xlsx_sheets.h"
#include "model/explain.h"
#include "model/msg.h"

enum {
	COL_LEVEL,
	COL_LEVEL_NAME,
	COL_RISK,
	COL_CRITERION,
	COL_ANSWER,
	COL_MET,
	COL_RELIES_ON,
	COL_MIN_STATE,
	COL_OWN,
	COL_VALID,
	COL_EXPIRED,
	COL_GAPS,
	N_COLS
};

static const msg_id headers[N_COLS] = {
	[COL_LEVEL] = XL_COL_LEVEL,
	[COL_LEVEL_NAME] = XL_LEVEL_NAME,
	[COL_RISK] = XL_RISK,
	[COL_CRITERION] = XL_COL_CRITERION,
	[COL_ANSWER] = XL_COL_ANSWER,
	[COL_MET] = XL_COL_MET,
	[COL_RELIES_ON] = XL_COL_RELIES_ON,
	[COL_MIN_STATE] = XL_COL_MIN_STATE,
	[COL_OWN] = XL_COL_OWN_EVIDENCE,
	[COL_VALID] = XL_COL_VALID_EVIDENCE,
	[COL_EXPIRED] = XL_COL_EXPIRED_EVIDENCE,
	[COL_GAPS] = XL_COL_GAPS,
};

/* Row 0 holds the reached level, row 1 stays blank, the table starts at
 * HEADER_ROW. */
#define HEADER_ROW 2

/* Appends s to buf (capacity len) when it fits whole, so buf never ends in
 * half a character. Returns false, buf unchanged, when it does not. */
static bool append(char *buf, size_t len, const char *s)
{
	size_t have = strlen(buf), add = strlen(s);

	if (have + add + 1 > len)
		return false;
	memcpy(buf + have, s, add + 1);
	return true;
}

/* "3, 2": the numbers of the items c relies on, in the model's order. */
static void relied_items(const q_criterion *c, char *out, size_t len)
{
	char num[24];

	out[0] = '\0';
	for (size_t i = 0; i < c->n_relies; i++) {
		snprintf(num, sizeof num, "%s%zu", i ? ", " : "",
			 c->relies_on[i] + 1);
		if (!append(out, len, num))
			return;
	}
}

/* Every gap of criterion crit, explained, joined with "; ". */
static void criterion_gaps(const report *r, size_t crit, char *out,
			   size_t len)
{
	char detail[512];
	bool first = true;

	out[0] = '\0';
	for (size_t g = 0; g < r->score.n_gaps; g++) {
		if (r->score.gaps[g].criterion != crit)
			continue;
		explain_gap_detail(r->q, &r->score.gaps[g], detail,
				   sizeof detail);
		if ((!first && !append(out, len, "; ")) ||
		    !append(out, len, detail))
			return;
		first = false;
	}
}

static void put_level(xlsx_sheet *s, lxw_row_t row, const q_level *lv)
{
	xlsx_put_number(s, row, COL_LEVEL, lv->number, NULL);
	xlsx_put_text(s, row, COL_LEVEL_NAME, lv->name, NULL, true);
	xlsx_put_text(s, row, COL_RISK, lv->risk, NULL, true);
}

static void put_criterion(xlsx_sheet *s, lxw_row_t row, const report *r,
			  size_t crit)
{
	const q_criterion *c = &r->q->criteria[crit];
	const ev_count *own = &r->answers[crit].own;
	ev_count all = report_crit_evidence(r, crit);
	bool met = r->score.satisfied[crit];
	/* Room for every gap a criterion can have (SCORE_MAX_GAPS / criteria)
	 * at explain_gap_detail's size. */
	char buf[(2 * Q_MAX_RELIES + 2) * 514];

	xlsx_put_text(s, row, COL_CRITERION, c->text, NULL, true);
	xlsx_put_text(s, row, COL_ANSWER,
		      explain_answer(r->answers[crit].answer), NULL, true);
	xlsx_put_text(s, row, COL_MET, msg(met ? XL_YES : XL_NO),
		      met ? s->f->good : s->f->bad, true);
	relied_items(c, buf, sizeof buf);
	xlsx_put_text(s, row, COL_RELIES_ON, buf, NULL, true);
	if (c->n_relies > 0)
		xlsx_put_text(s, row, COL_MIN_STATE,
			      explain_state(c->min_state), NULL, true);
	xlsx_put_number(s, row, COL_OWN, own->valid + own->expired, NULL);
	xlsx_put_number(s, row, COL_VALID, all.valid, NULL);
	xlsx_put_number(s, row, COL_EXPIRED, all.expired, NULL);
	criterion_gaps(r, crit, buf, sizeof buf);
	xlsx_put_text(s, row, COL_GAPS, buf, NULL, true);
}

lxw_error xlsx_write_maturity(lxw_workbook *wb, const xlsx_formats *f,
			      const report *r)
{
	const questionnaire *q = r->q;
	int level = r->score.level;
	lxw_row_t row = HEADER_ROW;
	xlsx_sheet s;
	lxw_error e;

	if ((e = xlsx_sheet_add(wb, msg(XL_SHEET_MATURITY), f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, HEADER_ROW, HEADER_ROW});

	/* Above the table, one row: "Maturity level", the reached level, its
	 * name and its risk. */
	xlsx_put_text(&s, 0, COL_LEVEL, msg(XL_LEVEL), f->label, true);
	if (level >= 1 && level <= Q_LEVELS) {
		const q_level *lv = &q->levels[level - 1];

		xlsx_put_number(&s, 0, COL_LEVEL_NAME, level, NULL);
		xlsx_put_text(&s, 0, COL_RISK, lv->name, NULL, true);
		xlsx_put_text(&s, 0, COL_CRITERION, lv->risk, NULL, true);
	}

	for (lxw_col_t c = 0; c < N_COLS; c++)
		xlsx_put_text(&s, row, c, msg(headers[c]), f->header, true);

	/* Criteria are ordered by level; a level without any gets one row. */
	for (int l = 1; l <= Q_LEVELS; l++) {
		bool any = false;

		for (size_t c = 0; c < q->n_criteria; c++) {
			if (q->criteria[c].level != l)
				continue;
			put_level(&s, ++row, &q->levels[l - 1]);
			put_criterion(&s, row, r, c);
			any = true;
		}
		if (!any) {
			put_level(&s, ++row, &q->levels[l - 1]);
			xlsx_put_text(&s, row, COL_CRITERION,
				      msg(MAT_NO_CRITERIA), NULL, true);
		}
	}

	/* Filter buttons over the table; the header stays in view. */
	if (s.err == LXW_NO_ERROR)
		s.err = worksheet_autofilter(s.ws, HEADER_ROW, 0, row,
					     N_COLS - 1);
	worksheet_freeze_panes(s.ws, HEADER_ROW + 1, 0);
	return xlsx_sheet_finish(&s, N_COLS);
}
