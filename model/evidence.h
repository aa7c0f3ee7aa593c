/* Evidence records and how they age: a piece counts from its date until
 * its validity runs out. Pure; no database. */
#ifndef MOAT_EVIDENCE_H
#define MOAT_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/date.h"
#include "model/msg.h"
#include "model/status.h"

/* Limits of the text fields, in characters. */
#define EVIDENCE_BODY_MAX 20000
#define EVIDENCE_REFERENCE_MAX 1000
#define EVIDENCE_OWNER_MAX 200
#define EVIDENCE_REVIEWER_MAX 200

/* Default validity of evidence in months, and the warning window. */
#define EVIDENCE_DEFAULT_MONTHS 12
#define EVIDENCE_WARN_DAYS 30

/* A piece of evidence. Strings are owned by the struct (evidence_free). */
typedef struct {
	int64_t id;
	int64_t assessment_id;
	char *target;        /* checklist item key or criterion key */
	char *body;          /* free text, may hold newlines */
	char *reference;     /* path, URL or document id; may be "" */
	char *owner;         /* may be "" */
	char *evidence_date; /* YYYY-MM-DD */
	int valid_months;
	char *reviewer;      /* may be "" */
	char *review_date;   /* YYYY-MM-DD or "" */
	char *entered_by;    /* set by the store from the caller's user */
	char *entered_at;    /* set by the store, UTC ISO 8601 */
} evidence;

typedef struct {
	evidence *v;
	size_t n;
} evidence_list;

void evidence_free(evidence *e);

/* Whether two records hold the same user-edited fields (text, reference,
 * owner, dates, validity, reviewer). */
bool evidence_same_fields(const evidence *a, const evidence *b);

/* A deep copy of src into *dst; false (dst empty) on no memory. */
bool evidence_copy(const evidence *src, evidence *dst);
void evidence_list_free(evidence_list *l);

/* What evidence_validate found wrong: the field's name in the database, its
 * label on screen, and its limit in characters when the text is longer
 * (0 when something else is wrong). */
typedef struct {
	const char *field;
	msg_id label;
	size_t max;
} evidence_problem;

/* Checks an evidence record before it is stored: body not empty, dates
 * valid, validity 1..120 months, all text valid UTF-8 and within its
 * limit. Returns ST_OK, or ST_INVALID with what is wrong in *why. Pure; no
 * database. */
moat_status evidence_validate(const evidence *e, evidence_problem *why);

/* Parses a validity typed by the user: a whole number of months from 1
 * to 120, spaces around allowed. False for anything else. */
bool evidence_parse_validity(const char *text, int *months);

/* The first day on which e no longer counts: its date plus its validity
 * in months (clamped to the month's end). Evidence dated 2025-11-25 valid
 * 12 months counts through 2026-11-24 and has expired on 2026-11-25.
 * Returns false when the date is not valid. */
bool evidence_expires_on(const evidence *e, date *out);

typedef enum {
	EV_VALID,    /* counts, and for more than the warning window */
	EV_EXPIRING, /* counts, but expires within EVIDENCE_WARN_DAYS */
	EV_EXPIRED,  /* no longer counts (or has no valid date) */
} evidence_state;

/* Where e stands on today. */
evidence_state evidence_state_on(const evidence *e, date today);

/* How many pieces of l still count on today (those a new year copies). */
size_t evidence_count_valid(const evidence_list *l, date today);

#endif
