/* The group view: every unit of the organisation side by side, one row
 * each, as the group screen and `moat group` show it. A row is plain
 * figures (model/group_view.h reads them from the store); here they are
 * sorted, filtered by region and put into words. Pure: no store, no
 * clock. */
#ifndef MOAT_GROUP_H
#define MOAT_GROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/bia.h"
#include "model/store.h"

#define GROUP_REGION_MAX UNIT_REGION_MAX /* characters of a region */
#define GROUP_RISK_BYTES 64

/* One unit in figures. A count is 0 where it does not apply; the flags
 * say whether a value exists at all. */
typedef struct {
	int64_t unit_id;
	char name[TEXT_BYTES(UNIT_NAME_MAX)];
	char region[TEXT_BYTES(GROUP_REGION_MAX)]; /* "" when none */
	bool has_year;          /* false: no assessment yet */
	int64_t assessment_id;  /* the unit's latest year */
	int year;
	assess_status status;
	int level;              /* 1..5 */
	char level_name[GROUP_RISK_BYTES]; /* the level's name */
	char risk[GROUP_RISK_BYTES]; /* the level's risk label */
	int prev_year, prev_level; /* the year before; 0 without one */
	size_t items_done, items_in_progress, items_total;
	size_t ev_expired, ev_expiring;
	bool has_programme;
	int day;                /* programme day: < 1 before it starts,
				 * > PLAN_DAYS after day 90 */
	size_t tasks_done, tasks_total, tasks_overdue;
	size_t duties_overdue;  /* overdue duty occurrences */
	size_t n_systems, untested, stale, failed; /* restore tests */
	bool has_worst;         /* a last restore test with RTA and RTO */
	char worst_system[TEXT_BYTES(BIA_NAME_MAX)];
	int64_t worst_rta, worst_rto; /* minutes */
	size_t n_plans, plans_review_due; /* contingency plans */
} group_row;

/* The columns a group table sorts by and shows, in display order. */
typedef enum {
	GROUP_COL_NAME,
	GROUP_COL_REGION,
	GROUP_COL_LEVEL,     /* level with its trend against the year before */
	GROUP_COL_RISK,      /* sorts as the level, the lowest level first */
	GROUP_COL_CHECKLIST, /* items done */
	GROUP_COL_EXPIRED,
	GROUP_COL_EXPIRING,
	GROUP_COL_PROGRAMME, /* tasks done out of all */
	GROUP_COL_OVERDUE,   /* duty occurrences overdue */
	GROUP_COL_UNTESTED,  /* systems never restore-tested */
	GROUP_COL_RTA,       /* worst RTA against its RTO */
	GROUP_COL_PLANS,     /* contingency plans past their review */
	GROUP_COLS
} group_col;

/* The column's stable key for --sort and scripts ("name", "level"...). */
const char *group_col_key(group_col c);
/* The column of key; false when there is none. */
bool group_col_parse(const char *key, group_col *out);

/* The column's abbreviated heading in the current language. */
const char *group_col_heading(group_col c);

/* Orders a row before b by column c, ascending unless desc: negative,
 * 0 or positive. A row without the value (no year, no programme, no
 * restore test measured against an RTO, no region) goes after every row
 * with one,
 * in either direction; rows alike go by name (byte order), then unit id,
 * so the order is the same on every run. */
int group_row_cmp(const group_row *a, const group_row *b, group_col c,
		  bool desc);

/* Sorts rows in place by group_row_cmp. */
void group_sort(group_row *rows, size_t n, group_col c, bool desc);

/* Keeps, in their order, the rows whose region is region (NULL or "":
 * every row); returns how many are left at the front of rows. */
size_t group_filter_region(group_row *rows, size_t n, const char *region);

/* The distinct non-empty regions of rows in byte order, written to out
 * (cap of them, each a pointer into rows); returns how many there are
 * (possibly more than cap). */
size_t group_regions(const group_row *rows, size_t n, const char **out,
		     size_t cap);

/* The worst RTA against its RTO as a whole percentage (rounded down):
 * 150 means 50 % over. Meaningful only with has_worst. */
int64_t group_rta_percent(const group_row *r);

/* A cell of the table as shown (names uncleaned, as stored): "L2 ↑",
 * "6/10", "d37 11/15", "—" where there is no value. */
void group_cell_text(const group_row *r, group_col c, char *out, size_t len);

/* The lines that say all of a row in words, for the selected unit under
 * the table: line (0..GROUP_DETAIL_LINES-1) into out; the unit and its
 * region, the year with its level and the year before's, checklist and
 * evidence, the programme and what is overdue, the restore tests with
 * the worst RTA against its RTO, the contingency plans. Without a year
 * the checklist's and the restore tests' lines are "". */
#define GROUP_DETAIL_LINES 6
void group_detail_line(const group_row *r, int line, char *out, size_t len);

/* Which columns a table width wide shows: the unit's name always, then
 * by priority (level, risk, checklist, overdue, untested, programme,
 * expired, expiring, RTA, plans), each as wide as its heading and
 * widest cell, one column apart, while they fit; the region only when a
 * row has one. The name gets what is left, at least its heading and at
 * most its widest cell. Fills shown (in display order) and widths;
 * returns how many columns are shown. */
size_t group_layout(const group_row *rows, size_t n, int width,
		    group_col shown[GROUP_COLS], int widths[GROUP_COLS]);

#endif
