/* The demo organisation built from the source document: an after-sales
 * unit with two years of assessments, the 10 checklist items in a
 * plausible mix of states and a little evidence (some of it expired), in
 * the current message language. */
#ifndef MOAT_DEMO_H
#define MOAT_DEMO_H

#include "model/date.h"
#include "model/questionnaire.h"
#include "model/store.h"

/* Loads the demo into an empty store: last year's assessment (finalised)
 * and this year's draft started from it; evidence dates are set relative
 * to today. Returns ST_EXISTS if the store already holds a unit.
 * *assessment_id receives this year's assessment. */
moat_status demo_load(store *s, const questionnaire *q, date today,
		      const char *user, int64_t *assessment_id);

#endif
