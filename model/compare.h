/* Year over year: two assessments of a unit compared item by item and
 * criterion by criterion. Pure; works on loaded reports. */
#ifndef MOAT_COMPARE_H
#define MOAT_COMPARE_H

#include "model/bia_view.h"
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

/* ---- The business impact analysis, year over year ---- */

/* A process as the comparison reads it: what is in force that year. */
typedef struct {
	const char *name;
	bool critical;
	int64_t mtd; /* the MTD in force; BIA_UNSET for none */
	int64_t rto; /* BIA_UNSET for none */
	int64_t rpo; /* the strictest RPO of the data its systems hold */
} cmp_bia_process;

typedef struct {
	const char *name;
	int planned;     /* the planned DR level; 0 for none */
	int recommended; /* the level that meets its targets; 0 for none */
} cmp_bia_system;

typedef struct {
	const cmp_bia_process *processes;
	size_t n_processes;
	const cmp_bia_system *systems;
	size_t n_systems;
} cmp_bia_year;

typedef enum {
	CMP_BIA_ADDED,       /* in the later year only */
	CMP_BIA_REMOVED,     /* in the earlier year only */
	CMP_BIA_CRITICAL,    /* processes: was, now 0 or 1 */
	CMP_BIA_MTD,         /* processes: minutes */
	CMP_BIA_RTO,
	CMP_BIA_RPO,
	CMP_BIA_PLANNED,     /* systems: levels, 0 for none */
	CMP_BIA_RECOMMENDED,
} cmp_bia_what;

#define CMP_BIA_NONE ((size_t)-1)

/* One difference: a process or system added or removed, or one of its
 * figures changed (one change per figure). */
typedef struct {
	bool system;       /* else a process */
	cmp_bia_what what;
	size_t a, b;       /* its index in the earlier and the later year;
			      CMP_BIA_NONE in the year it is missing from */
	int64_t was, now;  /* the figure in each year (not for added or
			      removed) */
} cmp_bia_change;

/* The differences between the earlier year a and the later b, processes
 * and systems each matched by name (exactly; a renamed one reads as
 * removed and added): first the processes in b's order (added, or each
 * figure changed in the order of cmp_bia_what), then those removed in a's
 * order, then the systems the same way. Writes at most cap and returns
 * how many there are (more than cap when they did not all fit). */
size_t compare_bia(const cmp_bia_year *a, const cmp_bia_year *b,
		   cmp_bia_change *out, size_t cap);

/* The figures of v for compare_bia, into processes[v->d.n_processes] and
 * systems[v->d.n_systems], which *out points at (names are v's). */
void compare_bia_year_of(const bia_view *v, cmp_bia_process *processes,
			 cmp_bia_system *systems, cmp_bia_year *out);

/* The name of what changed (the process's or system's, from the year
 * that has it). */
const char *compare_bia_name(const cmp_bia_year *a, const cmp_bia_year *b,
			     const cmp_bia_change *c);

/* The figure's label ("RTO", "planned level"); "" for added or removed. */
const char *compare_bia_label(const cmp_bia_change *c);

/* A figure as read in one year (later: now, else was): "15 min", "not
 * set", "level 5", "none", "critical"; "—" for added or removed. */
void compare_bia_value(const cmp_bia_change *c, bool later, char *out,
		       size_t len);

/* What happened: "added", "removed" or "changed". */
const char *compare_bia_kind(const cmp_bia_change *c);

/* "Business impact analysis: 3 changes" (or "no changes") for n. */
void compare_bia_heading(size_t n, char *out, size_t len);

/* Two years' analyses compared: their figures and every difference,
 * owned. */
typedef struct {
	cmp_bia_process *pa, *pb;
	cmp_bia_system *sa, *sb;
	cmp_bia_year a, b;
	cmp_bia_change *changes;
	size_t n_changes;
} cmp_bia_diff;

/* compare_bia of the earlier analysis va and the later vb into out (names
 * are the views', which must outlive it). ST_OK or ST_NOMEM, with out
 * empty then. Release with compare_bia_diff_free. */
moat_status compare_bia_views(const bia_view *va, const bia_view *vb,
			      cmp_bia_diff *out);

void compare_bia_diff_free(cmp_bia_diff *d);

#endif
