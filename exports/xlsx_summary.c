#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "exports/xlsx_sheets.h"
#include "model/explain.h"
#include "model/msg.h"

enum { COL_LABEL, COL_VALUE, N_COLS };

/* Rows of the summary: the heading, a blank row, then label / value. */
#define FIRST_ROW 2

/* What keeps the next level out of reach, one row each, the first beside
 * the label: the score's gaps, then the items marked done that the
 * records (fs, NULL: none) do not bear out, as `moat score` lists them.
 * Returns the row after the last one written. */
static lxw_row_t write_blocking(xlsx_sheet *s, const report *r,
				const findings_set *fs, lxw_row_t row)
{
	const questionnaire *q = r->q;
	int next = r->score.level + 1;
	find_source contradicted[Q_MAX_ITEMS] = {FIND_NONE};
	explain_entry *entries;
	size_t n;
	char line[2048];

	xlsx_put_text(s, row, COL_LABEL, msg(XL_BLOCKING), s->f->label, true);
	if (next > Q_LEVELS) {
		xlsx_put_text(s, row, COL_VALUE, msg(MAT_ALL_REACHED), NULL,
			      true);
		return row + 1;
	}
	if (!(entries = malloc(EXPLAIN_MAX_ENTRIES * sizeof *entries))) {
		if (s->err == LXW_NO_ERROR)
			s->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
		return row + 1;
	}
	if (fs)
		findings_contradicted(fs, q, r->states, contradicted);
	n = explain_level_entries(q, &r->score, contradicted, next, entries,
				  EXPLAIN_MAX_ENTRIES);
	for (size_t i = 0; i < n; i++) {
		explain_entry_text(q, &r->score, &entries[i], line,
				   sizeof line);
		xlsx_put_text(s, row++, COL_VALUE, line, NULL, true);
	}
	free(entries);
	return n ? row : row + 1;
}

lxw_error xlsx_write_summary(lxw_workbook *wb, const xlsx_formats *f,
			     const report *r, const findings_set *fs,
			     const char *exported_at)
{
	const q_level *lv = NULL;
	int level = r->score.level;
	xlsx_sheet s;
	lxw_row_t row = FIRST_ROW;
	lxw_error e;

	if ((e = xlsx_sheet_add(wb, msg(XL_SHEET_SUMMARY), f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){false, true, false, 0, 0});
	if (level >= 1 && level <= Q_LEVELS)
		lv = &r->q->levels[level - 1];

	/* The heading spills over the columns: it does not set a width. */
	xlsx_put_text(&s, 0, COL_LABEL, msg(XL_TITLE), f->title, false);

#define LABEL(id) xlsx_put_text(&s, row, COL_LABEL, msg(id), f->label, true)
	LABEL(XL_ORG);
	xlsx_put_text(&s, row++, COL_VALUE, r->unit.name, NULL, true);
	LABEL(XL_YEAR);
	xlsx_put_number(&s, row++, COL_VALUE, r->assessment.year, NULL);
	LABEL(XL_STATUS);
	xlsx_put_text(&s, row++, COL_VALUE,
		      msg(r->assessment.status == ASSESS_FINAL
				  ? ASSESS_TEXT_FINAL
				  : ASSESS_TEXT_DRAFT),
		      NULL, true);
	LABEL(XL_LEVEL);
	xlsx_put_number(&s, row++, COL_VALUE, level, NULL);
	LABEL(XL_LEVEL_NAME);
	xlsx_put_text(&s, row++, COL_VALUE, lv ? lv->name : "", NULL, true);
	LABEL(XL_RISK);
	xlsx_put_text(&s, row++, COL_VALUE, lv ? lv->risk : "", NULL, true);
	LABEL(XL_ITEMS_DONE);
	xlsx_put_number(&s, row++, COL_VALUE, (double)r->n_done, NULL);
	LABEL(XL_ITEMS_IN_PROGRESS);
	xlsx_put_number(&s, row++, COL_VALUE, (double)r->n_in_progress, NULL);
	LABEL(XL_ITEMS_NOT_STARTED);
	xlsx_put_number(&s, row++, COL_VALUE, (double)r->n_not_started, NULL);
	row = write_blocking(&s, r, fs, row);
	LABEL(XL_EXPORTED_AT);
	xlsx_put_text(&s, row++, COL_VALUE, exported_at, NULL, true);
#undef LABEL

	/* Keep the heading in view. */
	worksheet_freeze_panes(s.ws, 1, 0);
	return xlsx_sheet_finish(&s, N_COLS);
}
