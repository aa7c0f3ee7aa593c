/* The business impact analysis (§2.1) and the DR level it calls for
 * (§3.1, §3.2): per process an impact grid, the MTD it suggests, the RTO
 * checked against the MTD and the safety margin; the roll-up of the
 * processes' RTOs and the data types' RPOs to the systems; the DR level
 * that can meet a system's targets and how the planned level compares;
 * whether an architecture meets them and what it costs. Pure: plain
 * structs in, results out, nothing read or stored.
 *
 * Durations, RTOs and RPOs are whole minutes (int64_t); BIA_UNSET stands
 * for "not given". Names shown to users (ratings, columns, levels) come
 * from the reference files (model/bia_table.h), never from here. */
#ifndef MOAT_BIA_H
#define MOAT_BIA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/date.h"
#include "model/invest.h"
#include "model/money.h"
#include "model/status.h"
#include "model/text.h"

#define BIA_UNSET ((int64_t)-1)   /* a duration, target or volume not given */
#define BIA_UNBOUNDED INT64_MAX   /* an open range's upper bound (">72 h") */
#define BIA_MAX_MINUTES ((int64_t)527040) /* 366 days, the longest taken */
#define BIA_NO_INDEX SIZE_MAX     /* no process or data type */
#define BIA_MAX_DURATIONS 12      /* rows of an impact grid */
#define BIA_MAX_LEVELS 10         /* levels of a DR level table */
#define BIA_MAX_SITES 3           /* DR sites of one architecture */
#define BIA_SPOF_CRITICAL 2       /* critical processes that make a SPOF */
#define BIA_NAME_MAX 120          /* characters of a name */
#define BIA_CELL_MAX 60           /* characters of a grid cell's short text */
#define BIA_REASON_MAX 200        /* characters of a reason */
#define BIA_KEY_MAX 40            /* bytes of an architecture's key */

/* How bad an outage is, in increasing order, so "worse" is ">". The
 * reference files name them (无/低/中/高/极高). */
typedef enum {
	BIA_RATING_NONE,
	BIA_RATING_LOW,
	BIA_RATING_MEDIUM,
	BIA_RATING_HIGH,
	BIA_RATING_EXTREME,
} bia_rating;

#define BIA_RATINGS 5

/* The spelling of a rating in files and the store ("none", "low",
 * "medium", "high", "extreme"); NULL for a value outside the enum. */
const char *bia_rating_key(bia_rating r);
bool bia_parse_rating(const char *s, bia_rating *out);

/* The dimensions of the grid, in the document's column order. */
typedef enum {
	BIA_FINANCIAL,
	BIA_CUSTOMER,
	BIA_LEGAL,
	BIA_REPUTATION,
} bia_dimension;

#define BIA_DIMENSIONS 4

/* Why a value was refused or a result is missing; the screens say it in
 * the user's language. */
typedef enum {
	BIA_OK,
	BIA_DURATION_RANGE,     /* a duration outside 1..BIA_MAX_MINUTES */
	BIA_DURATION_ORDER,     /* a duration not longer than the one before */
	BIA_TOO_MANY_DURATIONS, /* more than BIA_MAX_DURATIONS */
	BIA_RATING_RANGE,       /* a value that is no bia_rating */
	BIA_AMOUNT_RANGE,       /* a loss outside 0..MONEY_MAX */
	BIA_NO_REASON,          /* an override or chosen MTD without a reason */
	BIA_MTD_RANGE,          /* an MTD outside 1..BIA_MAX_MINUTES */
	BIA_NO_MTD,             /* an RTO for a process with no MTD yet */
	BIA_RTO_RANGE,          /* an RTO outside 0..BIA_MAX_MINUTES */
	BIA_RTO_NOT_BELOW_MTD,  /* RTO >= MTD */
	BIA_BAD_USE,            /* a process-system link to neither */
	BIA_BAD_HOLD,           /* a system-data type link to neither */
	BIA_COST_RANGE,         /* a production cost outside 0..MONEY_MAX */
} bia_problem;

/* ---- The impact grid (§2.1 step 2) ---- */

/* One dimension at one duration: how bad, and the manager's words
 * ("轻微不满"). The financial dimension is rated too (the manager's
 * judgement of the amount), so that the overall rating covers it. */
typedef struct {
	bia_rating rating;
	char text[TEXT_BYTES(BIA_CELL_MAX)];
} bia_cell;

/* One outage duration of a process's grid. */
typedef struct {
	int64_t minutes;
	money loss; /* the financial loss, hundredths of the unit's currency */
	bia_cell cell[BIA_DIMENSIONS];
	bool overridden;     /* the manager set the overall rating */
	bia_rating override; /* that rating, when overridden */
	char reason[TEXT_BYTES(BIA_REASON_MAX)];
} bia_row;

/* The rows in increasing order of duration (bia_check_grid). The unit's
 * durations (15 min, 1 h, 4 h, 24 h by default) give the rows. */
typedef struct {
	bia_row rows[BIA_MAX_DURATIONS];
	size_t n_rows;
} bia_grid;

/* The worst rating of the row's dimensions (none for a row without any). */
bia_rating bia_worst(const bia_row *row);

/* The overall rating: the manager's override when there is one, else
 * bia_worst. */
bia_rating bia_overall(const bia_row *row);

/* A unit's list of durations: n in 0..BIA_MAX_DURATIONS, each in
 * 1..BIA_MAX_MINUTES and longer than the one before. ST_OK, or
 * ST_INVALID with why and the index at fault in *at. */
moat_status bia_check_durations(const int64_t *minutes, size_t n,
				bia_problem *why, size_t *at);

/* The same for a grid's rows, and each row's ratings (a bia_rating),
 * loss (0..MONEY_MAX) and override (a rating and a reason that is not
 * blank: ASCII spaces and U+3000 count as blank). */
moat_status bia_check_grid(const bia_grid *g, bia_problem *why, size_t *at);

/* ---- MTD (§2.1 step 3) ---- */

/* Rule: the suggested MTD is the duration of the last row before the first
 * row whose overall rating is the intolerable rating or worse. */
typedef enum {
	BIA_MTD_FOUND,        /* mtd is the suggestion */
	BIA_MTD_AT_FIRST,     /* the first row is intolerable already: the MTD
				 is shorter than bound, the grid's shortest
				 duration; no suggestion */
	BIA_MTD_NEVER,        /* no row is intolerable: the MTD is bound, the
				 grid's longest duration, or longer; no
				 suggestion */
	BIA_MTD_NO_DURATIONS, /* an empty grid */
} bia_mtd_outcome;

typedef struct {
	bia_mtd_outcome outcome;
	int64_t mtd;   /* BIA_MTD_FOUND: minutes; otherwise BIA_UNSET */
	size_t first;  /* the first intolerable row; n_rows when none is */
	int64_t bound; /* AT_FIRST: the first duration; NEVER: the last;
			  otherwise BIA_UNSET */
} bia_mtd_suggestion;

/* Applies the rule to g, whose rows are in increasing order (an
 * intolerable of none makes every row intolerable). Fills *out and
 * returns its outcome. */
bia_mtd_outcome bia_suggest_mtd(const bia_grid *g, bia_rating intolerable,
				bia_mtd_suggestion *out);

/* ---- Processes, systems, data types (§2.1 step 1, §1.2) ---- */

typedef struct {
	int64_t id;
	char name[TEXT_BYTES(BIA_NAME_MAX)];
	char owner[TEXT_BYTES(BIA_NAME_MAX)];
	int64_t daily_volume; /* transactions a day; BIA_UNSET when not given */
	bool critical;
	bool mtd_chosen;      /* the manager set mtd, not the suggestion */
	int64_t mtd;          /* minutes, when mtd_chosen */
	char mtd_reason[TEXT_BYTES(BIA_REASON_MAX)];
	int64_t rto;          /* minutes; BIA_UNSET until set */
	date reviewed;        /* the last review of its analysis; y 0: never */
} bia_process;

typedef struct {
	int64_t id;
	char name[TEXT_BYTES(BIA_NAME_MAX)];
	bia_rating importance;
	int planned_level;          /* the DR level planned; 0 when none */
	char arch[BIA_KEY_MAX + 1]; /* the chosen architecture's key, or "" */
	money production_cost;      /* what the production site costs */
} bia_system;

typedef struct {
	int64_t id;
	char name[TEXT_BYTES(BIA_NAME_MAX)];
	int64_t rpo; /* minutes; BIA_UNSET until set */
	char backup[TEXT_BYTES(BIA_NAME_MAX)]; /* its backup ("实时同步") */
} bia_data_type;

/* A process uses a system; a system holds a data type (indexes into the
 * arrays of bia_rollup_input). */
typedef struct {
	size_t process, system;
} bia_use;

typedef struct {
	size_t system, data_type;
} bia_hold;

/* The MTD in force: the manager's when chosen, else the suggestion's
 * (BIA_UNSET when there is none). */
int64_t bia_process_mtd(const bia_process *p, const bia_mtd_suggestion *s);

/* A chosen MTD: minutes in 1..BIA_MAX_MINUTES and a reason that is not
 * blank. ST_OK or ST_INVALID with why. */
moat_status bia_check_mtd_choice(int64_t mtd, const char *reason,
				 bia_problem *why);

/* An RTO for a process whose MTD is mtd: ST_OK when 0 <= rto < mtd; else
 * ST_INVALID with why: BIA_NO_MTD when mtd is not a valid MTD (BIA_UNSET
 * included), BIA_RTO_RANGE, or BIA_RTO_NOT_BELOW_MTD when rto >= mtd. */
moat_status bia_check_rto(int64_t rto, int64_t mtd, bia_problem *why);

/* The safety margin (MTD - RTO) / MTD in per mille, rounded down, so a
 * margin shown is never more than the real one (1 h, 15 min: 750).
 * Refused as bia_check_rto refuses the pair. */
moat_status bia_margin(int64_t mtd, int64_t rto, int *permille,
		       bia_problem *why);

/* Whether a margin warns: below the threshold (500 per mille by default),
 * not at it. Rounding down keeps this exact: a margin just under the
 * threshold is shown under it. */
bool bia_margin_warns(int permille, int threshold_permille);

/* ---- Roll-up to systems ---- */

typedef struct {
	const bia_process *processes;
	size_t n_processes;
	const bia_data_type *data_types;
	size_t n_data_types;
	size_t n_systems;
	const bia_use *uses;
	size_t n_uses;
	const bia_hold *holds;
	size_t n_holds;
} bia_rollup_input;

/* What a system must achieve, from what depends on it. */
typedef struct {
	int64_t rto;         /* the strictest RTO of the critical processes
				using it; BIA_UNSET when none has one */
	size_t rto_process;  /* the process that sets rto (of those tied, the
				lowest index); BIA_NO_INDEX when none */
	int64_t rpo;         /* the strictest RPO of the data types it holds */
	size_t rpo_data_type; /* as rto_process */
	size_t n_critical;   /* distinct critical processes using it */
	size_t missing_rto;  /* of those, how many have no RTO yet */
	size_t missing_rpo;  /* data types it holds that have no RPO yet */
	bool spof;           /* n_critical >= BIA_SPOF_CRITICAL: a single
				point of failure */
} bia_system_need;

/* Fills out[0..n_systems-1]. Non-critical processes set no RTO; a negative
 * RTO or RPO counts as not given; a link given twice counts once. ST_OK,
 * or ST_INVALID (out undefined) with why BIA_BAD_USE or BIA_BAD_HOLD and
 * the index of the link in *at when a link names an index out of range. */
moat_status bia_rollup(const bia_rollup_input *in, bia_system_need *out,
		       bia_problem *why, size_t *at);

/* ---- DR levels (§3.1) ---- */

/* A range of minutes (or hundredths, or km) with the words the source
 * gives for it ("数分钟-数小时"), which are for display only. */
typedef struct {
	int64_t lower;
	int64_t upper; /* BIA_UNBOUNDED when open */
	char *words;
} bia_range;

typedef struct {
	int number; /* 1, 2, ... in increasing order of protection */
	char *name;
	bia_range rto, rpo;
	char *cost;  /* the cost class ("较高") */
	char *suits; /* the systems it suits ("核心系统") */
} bia_level;

/* A versioned DR level table (model/bia_table.h loads them). Levels are
 * numbered 1..n_levels in order, and neither bound of a range rises from
 * one level to the next. */
typedef struct {
	char *id; /* stable, e.g. "doc-gbt20988-2007" */
	char *title, *source, *version, *note;
	char *file; /* the file it was read from */
	bia_level levels[BIA_MAX_LEVELS];
	size_t n_levels;
} bia_table;

/* What a range pair cannot guarantee, as bits. */
#define BIA_SHORT_RTO 1u
#define BIA_SHORT_RPO 2u

/* Rule: a range meets a target when its worst case, the upper bound, is
 * at or under the target (a level's best case is no promise). A target
 * below 0 is none and is met by any range. Returns the bits of the
 * targets not met; 0 when both are. */
unsigned bia_shortfall(const bia_range *rto, const bia_range *rpo,
		       int64_t rto_target, int64_t rpo_target);

typedef enum {
	BIA_LEVEL_FOUND,      /* *level is the lowest level that meets both */
	BIA_LEVEL_NO_TARGETS, /* neither target given: *level is the lowest */
	BIA_LEVEL_NONE_MEETS, /* not even the highest level meets them: 0 */
	BIA_LEVEL_EMPTY,      /* a table without levels: 0 */
} bia_level_outcome;

/* The recommended level: the lowest level of t whose RTO and RPO ranges
 * meet the targets by bia_shortfall (*level 0 when there is none). */
bia_level_outcome bia_recommend_level(const bia_table *t, int64_t rto,
				      int64_t rpo, int *level);

/* The level with this number, or NULL. */
const bia_level *bia_table_level(const bia_table *t, int number);

typedef enum {
	BIA_PLAN_NONE,        /* nothing planned (planned 0) */
	BIA_PLAN_AS_RECOMMENDED,
	BIA_PLAN_WEAKER,      /* below the recommendation, or there is none */
	BIA_PLAN_STRONGER,    /* above it */
} bia_plan_gap;

/* How the planned level compares with what bia_recommend_level gave
 * (outcome and level); without targets the lowest level is the
 * recommendation. The level table's order makes WEAKER the same as "the
 * planned level's shortfall is not 0". */
bia_plan_gap bia_plan_compare(int planned, bia_level_outcome outcome,
			      int recommended);

/* ---- Architectures (§3.2) ---- */

/* Where production fails over to ("本地→同城"). */
typedef struct {
	char *name;
	bia_range rto, rpo;
	bia_range distance; /* km */
} bia_site;

typedef struct {
	char *key; /* stable, e.g. "same_city" */
	char *name, *suits;
	bia_range cost_factor; /* hundredths of the production cost: 150..200 */
	bia_site sites[BIA_MAX_SITES]; /* the nearest first */
	size_t n_sites;
} bia_arch;

typedef struct {
	unsigned shortfall[BIA_MAX_SITES]; /* per site, as bia_shortfall */
	bool meets;       /* the first site meets both targets: it takes over
			     in an ordinary outage; the others cover regional
			     disasters, with their own figures shown */
	money_range cost; /* production cost x the factor's bounds, rounded
			     half up to the hundredth */
} bia_arch_result;

/* Checks a against the targets (below 0: none) and prices it from the
 * production cost. ST_INVALID with BIA_COST_RANGE when production is
 * outside 0..MONEY_MAX or the factor outside 0..10000. */
moat_status bia_arch_check(const bia_arch *a, int64_t rto, int64_t rpo,
			   money production, bia_arch_result *out,
			   bia_problem *why);

#endif
