/* Rules of a unit's yearly assessments: when the next year may start and
 * when a year may be removed again. Pure; the store gathers the facts. */
#ifndef MOAT_YEARS_H
#define MOAT_YEARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/store.h"

/* The next year starts from the unit's latest year only once that year is
 * final: its copy is then the year as it was frozen, and pressing "start"
 * again cannot pile up drafts. */
bool year_may_start_next(assess_status latest);

/* May a year be removed (one started by mistake)? Only when it is a draft,
 * the unit's latest of several years, and empty: changes, the number of
 * changes made in it after it was created (see store_assessment_changes),
 * is 0. */
year_removal year_removal_rule(assess_status status, bool latest,
			       size_t n_years, int64_t changes);

#endif
