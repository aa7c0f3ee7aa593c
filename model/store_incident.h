/* Incidents as stored (schema 13): each incident of a unit with its
 * steps checked off, its log and its improvements. Writes are audited
 * (entity "incident", which model/changes.h maps to PART_RESPONSE and
 * PART_PLAN); a closed incident takes no more writes (ST_INVALID, saying
 * so). */
#ifndef MOAT_STORE_INCIDENT_H
#define MOAT_STORE_INCIDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/incident.h"
#include "model/store.h"

/* Declares an incident of system (required, BIA_NAME_MAX characters) at
 * level 1..4 at *at, under card_version; logged as its first entry. */
moat_status store_incident_declare(store *s, int64_t unit_id,
				   const char *system, int level,
				   const verify_time *at, int64_t card_version,
				   const char *user, int64_t *id);

/* The unit's incidents, newest declaration first (*out: free() it). */
moat_status store_incidents(store *s, int64_t unit_id, incident **out,
			    size_t *n);

/* The unit's open incident declared last; *found false when none. */
moat_status store_incident_open(store *s, int64_t unit_id, int64_t *id,
				bool *found);

/* One incident in full (incident_record_free); ST_NOT_FOUND. */
moat_status store_incident_load(store *s, int64_t id, incident_record *out);

/* Logs an action or a decision (kind INC_ACTION or INC_DECISION) at *at,
 * not before the declaration: what required, why optional, each within
 * INC_TEXT_MAX characters. */
moat_status store_incident_note(store *s, int64_t id, inc_kind kind,
				const verify_time *at, const char *what,
				const char *why, const char *user);

/* Checks off step (a key of the card) at *at; again: ST_EXISTS. */
moat_status store_incident_step(store *s, int64_t id, const char *step,
				const char *title, const verify_time *at,
				const char *user);

/* Records that the service was restored at *at (from then on the steps
 * after the restoration count their deadlines). */
moat_status store_incident_restored(store *s, int64_t id, const verify_time *at,
				    const char *user);

/* Closes the incident at *at: restored at *restored (when not recorded
 * yet; NULL keeps the one recorded, which must then be there), with the
 * data lost and the root cause (required); each improvement becomes a task
 * of the unit's programme in its last phase, linked to the checklist item
 * item_key (NULL: none), when it has a programme. The recovery, from the
 * declaration to the restoration, goes into the verification ledger as an
 * entry of kind VERIFY_INCIDENT linked to the incident. All in one
 * transaction. */
moat_status store_incident_close(store *s, int64_t id, const verify_time *at,
				 const verify_time *restored,
				 const char *data_loss, const char *root_cause,
				 const char (*improvements)[TEXT_BYTES(INC_IMPROVEMENT_MAX)],
				 size_t n_improvements, const char *item_key,
				 const char *user);

#endif
