/* The units of a group as a picker or a group view lists them: each with
 * its region, whether it is archived, and its latest year with the level
 * that year reaches. */
#ifndef MOAT_UNIT_VIEW_H
#define MOAT_UNIT_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "model/date.h"
#include "model/questionnaire.h"
#include "model/store.h"

typedef struct {
	unit_row row;
	int level; /* 1-5 of the latest year; 0 when the unit has none */
} unit_view_row;

typedef struct {
	unit_view_row *v;
	size_t n;
} unit_view;

/* Every unit by name (archived ones only when asked) into out. A final
 * year's level is the one it was finalised at; a draft is scored as of
 * today, as report_load would. On failure out is empty and the store's
 * message says why. Release with unit_view_free. */
moat_status unit_view_load(store *s, const questionnaire *q, date today,
			   bool with_archived, unit_view *out);

void unit_view_free(unit_view *v);

/* The index of the unit with id in v, or -1. */
int unit_view_find(const unit_view *v, int64_t unit_id);

#endif
