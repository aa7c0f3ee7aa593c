/* The business impact analysis of a year, as stored (schema 11): its
 * outage durations, processes with their impact grids, systems, data
 * types and the links between them. Like the answers, the analysis
 * belongs to its assessment year: starting the next year copies it, and a
 * finalised year refuses every write with ST_FROZEN. Every write is one
 * transaction with its audit entries (entities "bia_*", model/changes.h
 * maps them to PART_BIA). */
#ifndef MOAT_STORE_BIA_H
#define MOAT_STORE_BIA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/bia.h"
#include "model/store.h"

/* Unit settings (store_param_text / store_param_get) with their
 * defaults: the rating from which an outage is intolerable, the margin
 * under which a warning shows, and the months between reviews. */
#define BIA_PARAM_INTOLERABLE "bia_intolerable"
#define BIA_PARAM_MARGIN "bia_margin_permille"
#define BIA_PARAM_REVIEW_MONTHS "bia_review_months"
#define BIA_PARAM_TABLE "bia_table" /* the DR level table in use, by id */
#define BIA_DEFAULT_INTOLERABLE BIA_RATING_EXTREME
#define BIA_DEFAULT_MARGIN 500
#define BIA_DEFAULT_REVIEW_MONTHS 12

/* One year's analysis. The arrays are in the order the items were added;
 * uses and holds index into them. grids[i] belongs to processes[i] and
 * has one row per duration, in order, empty (all ratings none, no loss)
 * where nothing was entered. */
typedef struct {
	int64_t durations[BIA_MAX_DURATIONS];
	size_t n_durations;
	bia_process *processes;
	bia_grid *grids;
	size_t n_processes;
	bia_system *systems;
	size_t n_systems;
	bia_data_type *data_types;
	size_t n_data_types;
	bia_use *uses;
	size_t n_uses;
	bia_hold *holds;
	size_t n_holds;
	bia_rating intolerable; /* the unit's setting */
	int margin_permille;    /* the unit's setting */
	int review_months;      /* the unit's setting */
	char table[BIA_KEY_MAX + 1]; /* the unit's table id; "" the first */
} bia_data;

/* Reads assessment_id's analysis into *out (release with bia_data_free;
 * on failure *out is empty). */
moat_status store_bia_load(store *s, int64_t assessment_id, bia_data *out);
void bia_data_free(bia_data *d);

/* The MTD in force for process i of d: the manager's, or the one its grid
 * suggests under d's intolerable rating (BIA_UNSET when neither). */
int64_t bia_data_mtd(const bia_data *d, size_t i);

/* Replaces the year's durations (checked as bia_check_durations); the
 * grids' rows at a duration no longer listed are deleted. */
moat_status store_bia_set_durations(store *s, int64_t assessment_id,
				    const int64_t *minutes, size_t n,
				    const char *user);

/* Adds a process to the year (p->id 0; *id gets the new one) or updates
 * process p->id. Refused with ST_INVALID and the reason in the store's
 * error: a blank or too long name, a name the year has already
 * (ST_EXISTS), a chosen MTD without a reason, and an RTO that is not
 * shorter than the MTD in force (its grid's suggestion unless one is
 * chosen). */
moat_status store_bia_process_save(store *s, int64_t assessment_id,
				   const bia_process *p, const char *user,
				   int64_t *id);
moat_status store_bia_process_delete(store *s, int64_t id, const char *user);

/* Sets the row of process_id's grid at row->minutes (a duration of its
 * year), checked as bia_check_grid checks a row. */
moat_status store_bia_impact_set(store *s, int64_t process_id,
				 const bia_row *row, const char *user);

/* Adds (sys->id 0) or updates a system; a name as for processes, a
 * planned level 0..BIA_MAX_LEVELS, a production cost 0..MONEY_MAX. */
moat_status store_bia_system_save(store *s, int64_t assessment_id,
				  const bia_system *sys, const char *user,
				  int64_t *id);
moat_status store_bia_system_delete(store *s, int64_t id, const char *user);

/* Adds (t->id 0) or updates a data type. */
moat_status store_bia_data_type_save(store *s, int64_t assessment_id,
				     const bia_data_type *t, const char *user,
				     int64_t *id);
moat_status store_bia_data_type_delete(store *s, int64_t id, const char *user);

/* Links or unlinks a process and a system it uses, a system and a data
 * type it holds (of the same year); linking twice is no change. */
moat_status store_bia_use_set(store *s, int64_t process_id, int64_t system_id,
			      bool on, const char *user);
moat_status store_bia_hold_set(store *s, int64_t system_id,
			       int64_t data_type_id, bool on, const char *user);

#endif
