/* The assessment as an Excel workbook (.xlsx) for people who do not use
 * moat: a summary sheet for the CFO and CEO, the checklist, the maturity
 * criteria, the years of the unit compared, and the ROI and tiered
 * investment calculators as live formulas. */
#ifndef MOAT_XLSX_WORKBOOK_H
#define MOAT_XLSX_WORKBOOK_H

#include <stddef.h>

#include "model/agenda.h"
#include "model/bia_view.h"
#include "model/calc.h"
#include "model/store_drill.h"
#include "model/report.h"
#include "model/status.h"
#include "model/verify_view.h"

/* One drill for the drills sheet: as stored, with the strictest RTO of
 * its systems (BIA_UNSET when none). */
typedef struct {
	drill_full f;
	int64_t rto;
} xlsx_drill;
#include "model/findings_view.h"
#include "model/store_contingency.h"
#include "model/store_response.h"

/* What is exported. Both reports share current's questionnaire. */
typedef struct {
	const report *current; /* the assessment exported */
	const year_summary *years; /* every year of its unit, oldest first
				    * (report_years); includes current */
	size_t n_years;
	const report *previous; /* the latest year before current's, compared
				 * with it, or NULL */
	const calc_data *calc; /* the unit's calculators (calc_load), or NULL:
				  no ROI and investment sheets */
	const agenda *plan;    /* the unit's programme and duties (agenda_load),
				  or NULL: no plan and duties sheets */
	const bia_view *bia;   /* current's business impact analysis
				  (bia_view_load), or NULL: no BIA and
				  systems sheets */
	const bia_view *previous_bia; /* previous's analysis, or NULL: the
				  year-over-year sheet leaves the analysis
				  out (so it does when bia is NULL) */
	const verify_view *verify; /* current's backups and the unit's ledger
				  (verify_view_load), or NULL: no backups
				  sheet */
	const xlsx_drill *drills; /* the unit's drills, the latest first */
	size_t n_drills;          /* 0: no drills sheet */
	const resp_view *response; /* the unit's emergency response
				  (resp_view_load), or NULL: no card,
				  contacts and incidents sheets */
	const cont_record *plans;     /* the unit's contingency plans */
	size_t n_plans;               /* 0: no plans and forms sheets */
	const findings_set *findings; /* what the records say of the
				  checklist's items (findings_view_load), or
				  NULL: nothing contradicts a state */
} xlsx_input;

/* Writes in->current to path as a workbook with the sheets Summary,
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

#endif
