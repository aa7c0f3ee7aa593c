/* What the emergency response records and the drills say about checklist
 * items 6 (emergency response plan) and 9 (emergency team formed and
 * trained), beside the manager's states (model/findings.h). */
#ifndef MOAT_RESPONSE_FINDINGS_H
#define MOAT_RESPONSE_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/date.h"
#include "model/drill.h"
#include "model/findings.h"
#include "model/response.h"

#define RESPF_ITEM_PLAN "emergency_plan"
#define RESPF_ITEM_TEAM "team"
/* A team counts as trained by a drill held within this many months. */
#define RESPF_TRAINED_MONTHS 12

typedef struct {
	const resp_reference *r;       /* the card's roles */
	const resp_contact *contacts;
	size_t n_contacts;
	int confirm_days;              /* a contact unconfirmed longer is stale */
	int64_t version;               /* the card's current version */
	bool printed;                  /* printed at least once */
	int64_t printed_version;       /* its last print's version */
	date printed_on;
	const drill_record *last_drill; /* the latest held; NULL: none */
	const char *last_drill_type;    /* its type in words */
	date today;
} resp_find_input;

/* The two items' findings, in that order:
 *   emergency_plan: there are contacts, every role of the card has one,
 *       none is an example to replace, and the card is printed at its
 *       current version (the one on the wall is not older than a change).
 *   team: every role of the card has someone who is not an example, no
 *       contact has gone unconfirmed past confirm_days, and a drill was
 *       held within RESPF_TRAINED_MONTHS months of today; a latest drill
 *       whose key people were not in place, or whose teams did not work
 *       together, is said and does not bear the "done" out. */
void resp_checklist_findings(const resp_find_input *in, item_findings *plan,
			     item_findings *team);

#endif
