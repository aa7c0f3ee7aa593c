/* Drills as stored (schema 12): facts of the unit in time like the
 * verification ledger, naming the systems in scope by name. A drill's
 * systems, stopwatch notes and findings go with it; the unit's own
 * scenarios sit beside the document's (questionnaires/LANG/drill.yaml).
 * Writes are audited under "drill", "drill_finding" and "drill_scenario"
 * (model/changes.h maps them to PART_VERIFY, findings to PART_PLAN too). */
#ifndef MOAT_STORE_DRILL_H
#define MOAT_STORE_DRILL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/drill.h"
#include "model/store.h"

typedef struct {
	int64_t id;
	verify_time at;
	char text[TEXT_BYTES(DRILL_NOTE_MAX)];
	char by[64];
} drill_note;

/* One drill with all that goes with it. */
typedef struct {
	drill_record d;
	drill_system_name systems[DRILL_MAX_SYSTEMS]; /* by name */
	size_t n_systems;
	drill_note *notes;        /* by time */
	size_t n_notes;
	drill_finding *findings;  /* in entry order */
	size_t n_findings;
} drill_full;

void drill_full_free(drill_full *f);

/* A line of the list of drills. */
typedef struct {
	drill_record d;
	size_t findings, open;    /* its findings, and those still open */
	size_t n_systems;
	drill_system_name first;  /* the first system in scope, by name */
} drill_row;

/* unit_id's drills, the latest held first (*out: free() it). */
moat_status store_drills(store *s, int64_t unit_id, drill_row **out,
			 size_t *n);

/* Drill id with its systems, notes and findings; ST_NOT_FOUND when there
 * is none. Release with drill_full_free. */
moat_status store_drill_load(store *s, int64_t id, drill_full *out);

/* Adds (d->id 0; *id gets the new one) or updates the type, scenario,
 * date, participants, objectives, evaluation and business figures of a
 * drill of unit_id (the marks are the stopwatch's: store_drill_mark).
 * ST_INVALID, the reason in the store's error, for a type not in ref, no
 * date, a text over its limit, a check not unset/0/1, a figure below 0.
 * Audited per changed field. */
moat_status store_drill_save(store *s, int64_t unit_id,
			     const drill_reference *ref, const drill_record *d,
			     const char *user, int64_t *id);
moat_status store_drill_delete(store *s, int64_t id, const char *user);

/* Replaces the systems in scope of a drill (names, at most
 * DRILL_MAX_SYSTEMS, none empty; duplicates are kept once). */
moat_status store_drill_systems_set(store *s, int64_t drill_id,
				    const drill_system_name *names, size_t n,
				    const char *user);

/* Stamps mark m at `at` (drill_check_mark refuses it: ST_INVALID, why in
 * the store's error). Stamping DRILL_RESTORED measures the drill: the
 * recovery time becomes its RTA, the declared-to-restored span its
 * interruption (unless one was entered), and one ledger entry of kind
 * drill per system in scope (started at the recovery mark, ended at
 * restored, result pass when the RTA met the system's rto in rtos (same
 * order as the drill's systems; BIA_UNSET when it has none), partial when
 * it missed), those of a full-scale drill completing the yearly full DR
 * drill duty as store_verify_record does, all in one transaction: a system unknown to
 * assessment_id refuses the lot. *entries gets how many were recorded
 * (NULL allowed). */
moat_status store_drill_mark(store *s, int64_t unit_id, int64_t assessment_id,
			     int64_t drill_id, drill_mark m,
			     const verify_time *at, const int64_t *rtos,
			     size_t n_rtos, const char *user, size_t *entries);

/* Adds a time-stamped note to a drill (1..DRILL_NOTE_MAX characters). */
moat_status store_drill_note_add(store *s, int64_t drill_id,
				 const verify_time *at, const char *text,
				 const char *user, int64_t *id);

/* Adds finding f to drill f->drill_id (text required). When the unit's
 * programme runs on today (drill_finding_phase), it also becomes a task
 * of that phase with the finding's text as its title, owned by its owner;
 * otherwise it stays on the improvement list. *task gets the task's id
 * (0 none; NULL allowed). */
moat_status store_drill_finding_add(store *s, const drill_finding *f,
				    date today, const char *user, int64_t *id,
				    int64_t *task);

/* Marks a finding done or open again; its task, when it has one, follows
 * (done on today, or back to in progress). */
moat_status store_drill_finding_set_done(store *s, int64_t id, bool done,
					 date today, const char *user);
moat_status store_drill_finding_delete(store *s, int64_t id,
				       const char *user);

/* The open findings of all unit_id's drills (the improvement list),
 * the latest drill first, each with its drill's date and type
 * (*out: free() it). */
moat_status store_drill_open_findings(store *s, int64_t unit_id,
				      drill_finding **out, size_t *n);

/* The unit's own scenarios, by name (*out: free with
 * drill_scenarios_free). */
moat_status store_drill_scenarios(store *s, int64_t unit_id,
				  drill_scenario **out, size_t *n);
void drill_scenarios_free(drill_scenario *v, size_t n);

/* Adds a scenario of the unit's own (a name 1..DRILL_SCENARIO_MAX
 * characters, unique in the unit: ST_EXISTS otherwise; a trigger and
 * what it tests within DRILL_TEXT_MAX). */
moat_status store_drill_scenario_add(store *s, int64_t unit_id,
				     const char *name, const char *trigger,
				     const char *tests, const char *user,
				     int64_t *id);
moat_status store_drill_scenario_delete(store *s, int64_t unit_id,
					const char *name, const char *user);

#endif
