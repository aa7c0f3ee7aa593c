/* The demo's past drill: last month's functional drill of the database
 * disk scenario on the customer service system, with its stopwatch marks
 * and notes, its evaluation and one finding still open. */
#ifndef MOAT_DEMO_DRILL_H
#define MOAT_DEMO_DRILL_H

#include "model/date.h"
#include "model/questionnaire.h"
#include "model/store.h"

/* Loads it into unit_id, judged against assessment_id's analysis; held
 * 45 days before today, before the demo's programme began, so its finding
 * is on the improvement list rather than a task. */
moat_status demo_drill_load(store *s, const questionnaire *q, int64_t unit_id,
			    int64_t assessment_id, date today, const char *user);

#endif
