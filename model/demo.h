/* The demo organisation built from the source document: an after-sales
 * unit with the 10 checklist items in a plausible mix of states and a
 * little evidence, in the current message language. */
#ifndef MOAT_DEMO_H
#define MOAT_DEMO_H

#include "model/date.h"
#include "model/questionnaire.h"
#include "model/store.h"

/* Loads the demo into an empty store for the year of today; evidence dates
 * are set relative to today. Returns ST_EXISTS if the store already holds
 * a unit. *assessment_id receives the demo's assessment. */
moat_status demo_load(store *s, const questionnaire *q, date today,
		      const char *user, int64_t *assessment_id);

#endif
