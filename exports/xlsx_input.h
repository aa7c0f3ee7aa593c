/* What a workbook is made of: everything of one assessment that the
 * sheets show, gathered by the caller. Shared by the public export call
 * and the sheet writers, so neither needs the other's header. */
#ifndef MOAT_XLSX_INPUT_H
#define MOAT_XLSX_INPUT_H

#include <stddef.h>
#include <stdint.h>

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

#endif
