/* Evidence records and how they age: a piece counts from its date until
 * its validity runs out. Pure; no database. */
#ifndef MOAT_EVIDENCE_H
#define MOAT_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/date.h"
#include "model/status.h"

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
void evidence_list_free(evidence_list *l);

/* Checks an evidence record before it is stored: body not empty, dates
 * valid, validity 1..120 months, all text valid UTF-8. Returns ST_OK or
 * ST_INVALID with the field's name in *field. Pure; no database. */
moat_status evidence_validate(const evidence *e, const char **field);

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

#endif
