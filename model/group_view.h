/* The group view read from the store: one row per unit (model/group.h),
 * each from the unit's latest year, with the existing loaders: the
 * year's report (level, checklist, evidence), the levels kept by the
 * years before, the unit's programme and duties, the year's backups and
 * the unit's ledger against the analysis's RTOs, and the unit's
 * contingency plans. A unit without a year yet gets a row that says so
 * (its programme, duties and plans are the unit's and still show). */
#ifndef MOAT_GROUP_VIEW_H
#define MOAT_GROUP_VIEW_H

#include "model/group.h"
#include "model/questionnaire.h"
#include "model/store.h"

typedef struct {
	group_row *rows; /* by name */
	size_t n;
} group_view;

/* Fills one row for unit u, judged on today (a finalised year as of the
 * day it was finalised, as report_load does). */
moat_status group_row_load(store *s, const questionnaire *q, const unit *u,
			   date today, group_row *out);

/* Every unit's row, by name, archived units left out. On failure *out is empty and the store's
 * message says why. Release with group_view_free. */
moat_status group_view_load(store *s, const questionnaire *q, date today,
			    group_view *out);
void group_view_free(group_view *v);

#endif
