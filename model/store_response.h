/* Emergency response as stored (schema 13): the unit's edits of the
 * emergency levels (the questionnaire's response.yaml gives the rest), its
 * contacts, the version of its response card and every print of it.
 * The card's version rises with every change to the levels or contacts,
 * and when the steps or roles of response.yaml change (store_card_sync).
 * Writes are audited (entities "response_level", "contact" and "card",
 * which model/changes.h maps to PART_RESPONSE). */
#ifndef MOAT_STORE_RESPONSE_H
#define MOAT_STORE_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/response.h"
#include "model/store.h"

/* The unit's four levels: r's, with the unit's edits in their place. */
moat_status store_response_levels(store *s, int64_t unit_id,
				  const resp_reference *r,
				  resp_level out[RESP_LEVELS]);

/* Stores the unit's version of level l->number (1..4); texts within
 * RESP_TEXT_MAX, name, definition and words required, minutes
 * 0..BIA_MAX_MINUTES; else ST_INVALID. Raises the card's version. */
moat_status store_response_level_set(store *s, int64_t unit_id,
				     const resp_level *l, const char *user);

/* Drops the unit's edit of level number: r's text applies again. */
moat_status store_response_level_reset(store *s, int64_t unit_id, int number,
				       const char *user);

/* The unit's contacts in escalation order (rank, then entry order);
 * *out: free() it. */
moat_status store_contacts(store *s, int64_t unit_id, resp_contact **out,
			   size_t *n);

/* Adds (c->id 0; *id gets the new one) or replaces a contact. Role and
 * name required, texts within their limits, rank 1..99, levels 1..15;
 * else ST_INVALID. Raises the card's version. */
moat_status store_contact_save(store *s, int64_t unit_id,
			       const resp_contact *c, const char *user,
			       int64_t *id);
moat_status store_contact_delete(store *s, int64_t id, const char *user);

/* Records that contact id was confirmed on day (not after today);
 * the card does not change. */
moat_status store_contact_confirm(store *s, int64_t id, date day, date today,
				  const char *user);

/* The number of days after which a contact counts as unconfirmed (the
 * unit's setting, RESP_CONFIRM_DAYS by default), and its setter
 * (1..RESP_MAX_CONFIRM_DAYS). */
moat_status store_confirm_days(store *s, int64_t unit_id, int *days);
moat_status store_confirm_days_set(store *s, int64_t unit_id, int days,
				   const char *user);

/* The card's current version (1 for a unit that never changed it). When
 * r's steps or roles differ from those the version was counted with,
 * raises it first (a read-only store only reads). */
moat_status store_card_sync(store *s, int64_t unit_id, const resp_reference *r,
			    const char *user, int64_t *version);

typedef struct {
	int64_t id;
	int64_t version;
	int level; /* 0: every level */
	char lang[8];
	date printed;
	char by[64];
} card_print;

/* Records a print of version at level (0..4) in lang on day. */
moat_status store_card_print(store *s, int64_t unit_id, int64_t version,
			     int level, const char *lang, date day,
			     const char *user, int64_t *id);

/* The unit's latest print; *found false when none. */
moat_status store_card_last_print(store *s, int64_t unit_id, card_print *out,
				  bool *found);

/* Everything of a unit's emergency response at once, for the workbook:
 * its levels, contacts, the card's version and last print, the days
 * after which a contact is flagged, and every incident in full, newest
 * first. */
typedef struct {
	resp_level levels[RESP_LEVELS];
	resp_contact *contacts;
	size_t n_contacts;
	int64_t version;
	card_print last;
	bool printed;
	int days;
	struct incident_record *incidents;
	size_t n_incidents;
} resp_view;

/* Loads v for unit_id (store_card_sync's version, raised by user when r
 * changed); resp_view_free releases it, also after a failure. */
moat_status resp_view_load(store *s, int64_t unit_id, const resp_reference *r,
			   const char *user, resp_view *v);
void resp_view_free(resp_view *v);

#endif
