/* Year over year: two assessments of a unit compared item by item and
 * criterion by criterion. Pure; works on loaded reports. */
#ifndef MOAT_COMPARE_H
#define MOAT_COMPARE_H

#include "model/report.h"

typedef enum {
	CMP_UNCHANGED = 0,
	CMP_IMPROVED,
	CMP_REGRESSED,
	CMP_NEW, /* not assessed in the earlier year (see compare_reports) */
} cmp_kind;

#define CMP_KIND_COUNT 4

/* How a criterion reads in one year: its rank (0 not met, 1 partly, 2
 * met), or answered "not applicable", or not assessed at all. */
typedef enum {
	CMP_READ_NOT_MET = 0,
	CMP_READ_PARTLY = 1,
	CMP_READ_MET = 2,
	CMP_READ_NA,
	CMP_READ_NOT_ASSESSED,
} cmp_reading;

typedef struct {
	int level_a, level_b;
	cmp_kind items[Q_MAX_ITEMS];
	cmp_kind criteria[Q_MAX_CRITERIA];
	int crit_rank_a[Q_MAX_CRITERIA]; /* 0 not met, 1 partly, 2 met */
	int crit_rank_b[Q_MAX_CRITERIA];
	cmp_reading crit_read_a[Q_MAX_CRITERIA];
	cmp_reading crit_read_b[Q_MAX_CRITERIA];
	size_t item_counts[CMP_KIND_COUNT];
	size_t crit_counts[CMP_KIND_COUNT];
} year_diff;

/* How far a criterion is in r: 2 when satisfied, 1 when answered "partly"
 * or its items have all started, else 0. */
int compare_crit_rank(const report *r, size_t crit);

/* Was criterion crit assessed in r? It was when it relies on checklist
 * items (unanswered, it follows them: every item has a state) or was
 * answered; a criterion with no item left unanswered was not. */
bool compare_crit_assessed(const report *r, size_t crit);

/* How criterion crit reads in r: not assessed, "not applicable" when so
 * answered, else its rank. */
cmp_reading compare_crit_reading(const report *r, size_t crit);

/* Compares the earlier report a with the later b (same questionnaire).
 *
 * Items: every item of the checklist has a state in every year (not
 * started until it is set, as the checklist shows it), so an item is
 * compared by its state alone: not started < in progress < done, higher
 * is improved ("not started → in progress" too), lower regressed, the
 * same unchanged. Both years are read with one questionnaire, so no item
 * is missing from the earlier year and none is new.
 *
 * Criteria: new when not assessed in the earlier year (see
 * compare_crit_assessed) and assessed in the later; not assessed in both,
 * unchanged; else by rank (a satisfied "not applicable" ranks as met). */
void compare_reports(const report *a, const report *b, year_diff *out);

#endif
