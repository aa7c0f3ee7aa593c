/* Backups and their verification as stored (schema 12): each system's
 * backup plan and copies, which belong to its year like the rest of the
 * analysis (a finalised year refuses them with ST_FROZEN; starting the
 * next year copies them), and the unit's verification ledger, which is a
 * record of facts in time and takes entries whatever the year. Writes are
 * audited (entities "backup" and "verify", model/changes.h maps them to
 * PART_VERIFY). */
#ifndef MOAT_STORE_VERIFY_H
#define MOAT_STORE_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/store.h"
#include "model/verify.h"

/* One system of a year with its backups. */
typedef struct {
	int64_t system_id;
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	bool has_plan;
	backup_plan plan;      /* empty (intervals BIA_UNSET) without one */
	backup_copy copies[VERIFY_MAX_COPIES];
	size_t n_copies;
} system_backup;

typedef struct {
	system_backup *v; /* in the order of the year's systems */
	size_t n;
} backup_list;

/* The backups of every system of assessment_id (release: backup_list_free). */
moat_status store_backups_load(store *s, int64_t assessment_id,
			       backup_list *out);
void backup_list_free(backup_list *l);

/* Replaces system_id's plan: schedules within VERIFY_SCHEDULE_MAX
 * characters, intervals 1..BIA_MAX_MINUTES or BIA_UNSET, retention days
 * >= 0 or BIA_UNSET. ST_INVALID with the reason in the store's error. */
moat_status store_backup_plan_set(store *s, int64_t system_id,
				  const backup_plan *p, const char *user);

/* Adds (c->id 0; *id gets the new one) or updates a copy of system_id's
 * backups; a location is required. At most VERIFY_MAX_COPIES. */
moat_status store_backup_copy_save(store *s, int64_t system_id,
				   const backup_copy *c, const char *user,
				   int64_t *id);
moat_status store_backup_copy_delete(store *s, int64_t id, const char *user);

/* The duties a ledger entry completes, by their template keys in
 * questionnaires/LANG/plan.yaml: a restore test the monthly restore test,
 * a drill the full DR drill; an automated check none. */
#define VERIFY_DUTY_RESTORE "d.restore_test"
#define VERIFY_DUTY_DRILL "d.full_drill"

/* Records e (its id, by and duty_event_id are ignored) in unit_id's
 * ledger, in one transaction that also completes the matching duty's
 * oldest open occurrence due no later than one period after the entry's
 * day (a test on 5 November counts for the one due on the 10th; an
 * overdue one is completed first), filing its evidence in assessment_id
 * (0: none) for the duty's checklist item, and links the two (*event_id
 * gets its record's id, 0 when no duty matched: the unit has no such
 * duty, it is paused, or nothing is open). A system must be one of
 * assessment_id's (by name): otherwise ST_NOT_FOUND, with "unknown system
 * NAME; the systems are: A, B, C" in the store's error. ST_INVALID for an
 * entry verify_check_entry refuses, and for an incident's kind (those
 * come only from closing an incident: store_verify_add_incident). Safe for many processes at once: each
 * takes the write lock for its one transaction. */
moat_status store_verify_record(store *s, int64_t unit_id,
				int64_t assessment_id, const verify_entry *e,
				const char *user, int64_t *id,
				int64_t *event_id);

/* The same for an occurrence recorded from the agenda (duty_event_id, a
 * record of a duty above, already made): the entry links to it and no
 * other occurrence is completed. */
moat_status store_verify_record_for(store *s, int64_t unit_id,
				    int64_t assessment_id,
				    const verify_entry *e,
				    int64_t duty_event_id, const char *user,
				    int64_t *id);

/* The agenda's one act: records occurrence ev of a duty (as
 * store_duty_resolve, with proof when not NULL) and ledger entry e linked
 * to it, in one transaction; neither is kept when either fails (an
 * occurrence already resolved gives ST_EXISTS, an unknown system
 * ST_NOT_FOUND, an entry verify_check_entry refuses ST_INVALID). *id gets
 * the entry's id, *event_id the occurrence record's. */
moat_status store_verify_record_at(store *s, int64_t unit_id,
				   int64_t assessment_id,
				   const verify_entry *e, const duty_event *ev,
				   const evidence *proof, const char *user,
				   int64_t *id, int64_t *event_id);

/* Adds the entry of a closed incident (kind VERIFY_INCIDENT, its
 * incident_id set; ST_INVALID otherwise) inside the caller's transaction:
 * for store_incident_close, which writes it with the closing. */
moat_status store_verify_add_incident(store *s, int64_t unit_id,
				      const verify_entry *e, const char *user,
				      int64_t *id);

/* Filters of store_verify_list: system NULL for all, kind -1 for all,
 * since.y 0 for no lower bound on the start day. */
typedef struct {
	const char *system;
	int kind;
	date since;
} verify_filter;

/* unit_id's ledger entries that pass f, newest start first (*out: free()
 * it). */
moat_status store_verify_list(store *s, int64_t unit_id, const verify_filter *f,
			      verify_entry **out, size_t *n);

moat_status store_verify_delete(store *s, int64_t id, const char *user);

#endif
