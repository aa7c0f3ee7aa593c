/* What the business contingency plans say about checklist item 7
 * (contingency), beside the manager's state (model/findings.h). */
#ifndef MOAT_CONTINGENCY_FINDINGS_H
#define MOAT_CONTINGENCY_FINDINGS_H

#include <stddef.h>

#include "model/contingency.h"
#include "model/findings.h"

#define CONTF_ITEM "contingency"

typedef struct {
	const cont_summary *plans;
	size_t n_plans;
	const char *const *critical; /* the systems critical processes use
					(the year's analysis), by name */
	size_t n_critical;
	date today;
} cont_find_input;

/* Item 7's findings: a plan for every critical system, each approved,
 * unchanged since, not due for review, with steps; at least one plan.
 * Each gap is said by system. */
void cont_checklist_findings(const cont_find_input *in, item_findings *out);

#endif
