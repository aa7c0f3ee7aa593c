/* Every figure of one year's business impact analysis, computed once from
 * what the store holds (model/store_bia.h) and the reference data
 * (model/bia_table.h): per process the suggested MTD and the one in force,
 * the margin, the strictest RPO and weakest planned level of the systems
 * it uses, its review dates; per system what it must achieve, the level
 * that can do it, how the plan compares and whether its architecture
 * meets the targets; the findings for checklist items 1-3. The screens,
 * `moat bia`, `moat score` and the workbook all read these same figures.
 * bia_view_build is pure; bia_view_load reads the store first. */
#ifndef MOAT_BIA_VIEW_H
#define MOAT_BIA_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/bia.h"
#include "model/bia_table.h"
#include "model/bia_text.h"
#include "model/date.h"
#include "model/questionnaire.h"
#include "model/status.h"
#include "model/store_bia.h"

typedef struct {
	bia_mtd_suggestion suggestion;
	int64_t mtd;        /* in force: chosen, else suggested; BIA_UNSET */
	bool has_margin;    /* mtd and rto both valid, rto < mtd */
	int margin;         /* per mille, when has_margin */
	bool margin_warns;  /* under the unit's threshold */
	int64_t rpo;        /* strictest RPO of the data its systems hold */
	int level;          /* weakest planned level of its systems; 0 none */
	size_t n_systems;   /* systems it uses */
	date next_review;   /* reviewed + the unit's months; y 0: never
			       reviewed */
	bool review_due;    /* never reviewed, or next_review before today */
} bia_process_figures;

typedef struct {
	bia_system_need need;
	bia_level_outcome outcome;
	int recommended;    /* the level bia_recommend_level gave (0: none) */
	bia_plan_gap gap;
	bool has_arch;      /* an architecture chosen and in the reference */
	bia_arch_result arch;
	bool weaker;        /* gap is BIA_PLAN_WEAKER or nothing is planned
			       while a critical process depends on it */
} bia_system_figures;

typedef struct {
	bia_data d;                  /* owned */
	const bia_reference *ref;    /* not owned */
	const bia_table *table;      /* the table in use; NULL when the
					reference has none */
	bia_process_figures *processes; /* per d.processes */
	bia_system_figures *systems;    /* per d.systems */
	item_findings findings[BIA_FIND_ITEMS];
	size_t n_critical;           /* critical processes */
	size_t n_weaker;             /* systems flagged weaker */
	size_t n_review_due;         /* processes whose review is due */
} bia_view;

/* Computes v from d, which v takes over (d is left empty; v owns it even
 * on failure), under ref with d's table (the first when d names none or
 * one ref lacks) and reviews judged as of today. ST_OK, ST_NOMEM, or ST_INVALID
 * when d links items that are not there. Release with bia_view_free. */
moat_status bia_view_build(bia_view *v, bia_data *d, const bia_reference *ref,
			   date today);

/* store_bia_load of assessment_id, then bia_view_build. */
moat_status bia_view_load(store *s, int64_t assessment_id,
			  const bia_reference *ref, date today, bia_view *v);

void bia_view_free(bia_view *v);

/* The roll-up input over v's data, for bia_need_text. */
bia_rollup_input bia_view_rollup_input(const bia_view *v);

/* The index of the process or system with this id, or BIA_NO_INDEX. */
size_t bia_view_process(const bia_view *v, int64_t id);
size_t bia_view_system(const bia_view *v, int64_t id);
size_t bia_view_data_type(const bia_view *v, int64_t id);

/* The findings for the checklist item with this key (bia_find_item_of),
 * or NULL for another item and when v holds none (not loaded). */
const item_findings *bia_view_findings(const bia_view *v, const char *item_key);

/* Whether an item in this state claims what v's findings do not bear out
 * (item_findings_contradict); false for the items the analysis does not
 * speak for. */
bool bia_view_contradicts(const bia_view *v, const char *item_key,
			  item_state state);


/* Whether process p uses system s, system s holds data type t. */
bool bia_view_uses(const bia_view *v, size_t p, size_t s);
/* Whether a critical process uses system s. */
bool bia_view_critical_system(const bia_view *v, size_t s);
bool bia_view_holds(const bia_view *v, size_t s, size_t t);

/* The flags of system s of v (BIA_FLAG_SPOF ..., model/bia_text.h). */
unsigned bia_view_system_flags(const bia_view *v, size_t s);

#endif
