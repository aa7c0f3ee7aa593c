/* The assessment as an Excel workbook (.xlsx) for people who do not use
 * moat: a summary sheet for the CFO and CEO, the checklist, the maturity
 * criteria, the years of the unit compared, and the ROI and tiered
 * investment calculators as live formulas. */
#ifndef MOAT_XLSX_WORKBOOK_H
#define MOAT_XLSX_WORKBOOK_H

#include <stddef.h>

#include "exports/xlsx_input.h"
#include "model/group.h"
#include "model/questionnaire.h"
#include "model/status.h"
#include "model/store.h"

/* Writes in->current to path as a workbook (exports/xlsx_sheets.c lists
 * its sheets and their order) with the sheets Executive summary (one
 * page for the CEO), Summary,
 * Checklist, Maturity and Year over year, then, when in->calc is set, ROI
 * and Investment, then, when in->plan is set, Plan (if it has a programme:
 * tasks and a Gantt chart made by conditional formatting) and Duties (if
 * it has duties: their state and history), then, when in->bia is set,
 * BIA (processes, impact grids with a heat map) and Systems and DR levels,
 * then, when in->verify is set, Backups and verification,
 * texts in the current message
 * language. The
 * calculators' results are formulas over their input cells, with the
 * figures model/ computed cached in them. The year-over-year sheet charts
 * the level of every year in in->years and compares in->previous with
 * current, and with in->previous_bia and in->bia what changed in the
 * business impact analysis; with n_years 0 it shows current alone. exported_at ("YYYY-MM-DD", from
 * the caller so tests can fix it) is shown on the summary and used as the
 * document's creation date. The file is replaced atomically: on failure
 * path is untouched, no temporary file remains and err says why (ST_IO when
 * the file cannot be created or replaced, ST_EXPORT when the workbook cannot
 * be written, ST_INVALID on bad arguments). Library messages that would go
 * to stderr are captured, not printed. */
moat_status xlsx_export(const xlsx_input *in, const char *path,
			const char *exported_at, char *err, size_t errlen);

/* Gathers everything of current's unit (every year, the calculators, the
 * programme and duties as of today) and writes the workbook with
 * xlsx_export. Errors as there; a store failure gives its status and
 * message. */
moat_status xlsx_export_assessment(store *s, const report *current,
				   date today, const char *path, char *err,
				   size_t errlen);

/* Writes the group pack to path: first the group sheet with rows[0..n-1]
 * in their order (as the caller filtered and sorted them) and their
 * totals, then, for each row with a year, that unit's one-page executive
 * summary (as in xlsx_export) on a sheet named for the unit (made valid
 * and unique). region, when not NULL or "", says in the title and the page
 * header that the rows are that region's. Read and judged on today; the
 * file is replaced atomically. Errors as xlsx_export; a store failure
 * gives its status and message. */
moat_status xlsx_export_group(store *s, const questionnaire *q,
			      const group_row *rows, size_t n,
			      const char *region, date today, const char *path,
			      char *err, size_t errlen);

#endif
