/* The words of drills in the current language: the evaluation sheet's
 * items, answers, severities, marks, and the after-action report that
 * `moat drill report` prints. */
#ifndef MOAT_DRILL_TEXT_H
#define MOAT_DRILL_TEXT_H

#include <stddef.h>

#include "model/drill.h"
#include "model/store_drill.h"

const char *drill_check_text(drill_check c);   /* "RTO met" */
const char *drill_answer_text(int v);           /* "yes", "no", "—" */
const char *drill_answer_mark(int v);           /* "✓", "✗", "·" */
const char *drill_grade_text(drill_grade g);    /* "high" */
const char *drill_mark_text(drill_mark m);      /* "Incident declared" */

/* The type's name in r, or its key when r lacks it. */
const char *drill_type_text(const drill_reference *r, const char *key);

/* The scenario named name among the document's (r) and the unit's own:
 * NULL when it is neither. */
const drill_scenario *drill_find_scenario(const drill_reference *r,
					  const drill_scenario *own,
					  size_t n_own, const char *name);

/* "7 of 9 checks passed, 2 failed" (with "not assessed" when some are). */
void drill_summary_text(const drill_summary *m, char *out, size_t len);

/* A finding's state: "open", "done", "overdue", with its task's when it
 * has one ("open · task in progress"). */
void drill_finding_state_text(const drill_finding *f, date today, char *out,
			      size_t len);

/* The after-action report of drill f (§4.4): what was tested, the times
 * against the targets (rtos: the RTO of each of f's systems, BIA_UNSET
 * where none), the evaluation, the business figures (loss in currency)
 * and the findings with their state on today, in lines of at most cols
 * display columns, every text from users made safe for a terminal.
 * Returns a malloc'd text ending in a newline, NULL when out of memory. */
char *drill_report(const drill_full *f, const drill_reference *r,
		   const drill_scenario *own, size_t n_own, const int64_t *rtos,
		   const char *currency, date today, int cols);

#endif
