/* Year over year: two assessments of a unit compared item by item and
 * criterion by criterion. Pure; works on loaded reports. */
#ifndef MOAT_COMPARE_H
#define MOAT_COMPARE_H

#include "model/report.h"

typedef enum {
	CMP_UNCHANGED = 0,
	CMP_IMPROVED,
	CMP_REGRESSED,
	CMP_NEW, /* nothing was recorded in the earlier year */
} cmp_kind;

#define CMP_KIND_COUNT 4

typedef struct {
	int level_a, level_b;
	cmp_kind items[Q_MAX_ITEMS];
	cmp_kind criteria[Q_MAX_CRITERIA];
	int crit_rank_a[Q_MAX_CRITERIA]; /* 0 not met, 1 partly, 2 met */
	int crit_rank_b[Q_MAX_CRITERIA];
	size_t item_counts[CMP_KIND_COUNT];
	size_t crit_counts[CMP_KIND_COUNT];
} year_diff;

/* How far a criterion is in r: 2 when satisfied, 1 when answered "partly"
 * or its items have all started, else 0. */
int compare_crit_rank(const report *r, size_t crit);

/* Compares the earlier report a with the later b (same questionnaire). An
 * item is new when a had it not started and without evidence while b has
 * progress or evidence; a criterion is new when a had it unanswered, unmet
 * and without its own evidence while b has any of these. Otherwise the
 * state (items) or rank (criteria) decides. */
void compare_reports(const report *a, const report *b, year_diff *out);

#endif
