/* Business contingency plans as stored (schema 15): per unit and system
 * (by name, as incidents and the ledger name them: a plan belongs to the
 * unit, not to a year) a plan with its ordered steps, the columns of its
 * paper registration form, its approved versions (each freezing the
 * steps' canonical lines, model/contingency.h) and its reviews. Writes
 * are audited under the entity "contingency" with the system as the key
 * (model/changes.h maps it to PART_RESPONSE); bad input is refused with
 * ST_INVALID and a message in the user's language. */
#ifndef MOAT_STORE_CONTINGENCY_H
#define MOAT_STORE_CONTINGENCY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/contingency.h"
#include "model/store.h"

/* One approved version. */
typedef struct {
	int64_t version;                        /* 1, 2, ... */
	char approved_by[TEXT_BYTES(CONT_NAME_MAX)]; /* the approver, typed */
	date approved_on;
	char entered_by[64];                    /* the Unix user */
	char *snapshot;                         /* the canonical lines */
} cont_version;

/* A plan in full. */
typedef struct {
	cont_plan plan;
	cont_step *steps;
	size_t n_steps;
	cont_column *columns;
	size_t n_columns;
	cont_version approved; /* the last; version 0 when never approved */
	date reviewed_on;      /* the last review after it; y 0: none */
	char reviewed_by[64];
	cont_summary summary;  /* as store_cont_summaries gives it */
} cont_record;

void cont_record_free(cont_record *r);

/* The unit's plans, by system name, with what their state needs
 * (cont_state); *out: free() it. For the checklist's findings. */
moat_status store_cont_summaries(store *s, int64_t unit_id, cont_summary **out,
				 size_t *n);

/* One plan in full (cont_record_free, also after a failure);
 * ST_NOT_FOUND. */
moat_status store_cont_load(store *s, int64_t plan_id, cont_record *out);

/* The plan of system in the unit; *found false when it has none. */
moat_status store_cont_find(store *s, int64_t unit_id, const char *system,
			    int64_t *plan_id, bool *found);

/* Adds (p->id 0; *id gets the new one, with the registration form's
 * default columns in the current language) or updates a plan's own
 * fields. System required and unique in the unit (ST_EXISTS), texts within
 * their limits, minutes CONT_NONE or 0..BIA_MAX_MINUTES; else ST_INVALID. */
moat_status store_cont_save(store *s, int64_t unit_id, const cont_plan *p,
			    const char *user, int64_t *id);

/* Deletes a plan with its steps, columns, versions and reviews. */
moat_status store_cont_delete(store *s, int64_t plan_id, const char *user);

/* Adds a step at the end (st->id 0; *id gets it) or replaces one. Title
 * required; at most CONT_MAX_STEPS steps. */
moat_status store_cont_step_save(store *s, int64_t plan_id,
				 const cont_step *st, const char *user,
				 int64_t *id);
moat_status store_cont_step_delete(store *s, int64_t step_id,
				   const char *user);

/* Moves a step one place up (delta -1) or down (+1); at either end it
 * stays (ST_OK, nothing written). */
moat_status store_cont_step_move(store *s, int64_t step_id, int delta,
				 const char *user);

/* Approves the plan's current steps as the next version: by approver (the
 * name typed, required, CONT_NAME_MAX characters) on day (not after
 * today, not before the last approval), entered by user. Refused without
 * steps, and when nothing changed since the last version (review it
 * instead). *version gets the new number. */
moat_status store_cont_approve(store *s, int64_t plan_id, const char *approver,
			       date day, date today, const char *user,
			       int64_t *version);

/* Records a yearly review without change on day (not after today, not
 * before the approval). Refused when never approved or when the steps
 * changed since the approval (approve the new version instead). */
moat_status store_cont_review(store *s, int64_t plan_id, date day, date today,
			      const char *user);

/* Replaces the registration form's columns with cols[0..n): 1 to
 * CONT_MAX_COLUMNS headings, each cont_column_ok. */
moat_status store_cont_columns_set(store *s, int64_t plan_id,
				   const cont_column *cols, size_t n,
				   const char *user);

/* Every plan of the unit in full, by system name (for the workbook and
 * `moat form`); cont_records_free. */
moat_status store_cont_load_all(store *s, int64_t unit_id, cont_record **out,
				size_t *n);
void cont_records_free(cont_record *r, size_t n);

#endif
