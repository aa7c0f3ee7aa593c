/* The audit log as the user reads it: every value as it was typed, in the
 * unit of its field, and states and statuses as words of the current
 * language. The store writes its values in several forms (state keys such
 * as "in_progress", amounts either formatted or in hundredths, percentages
 * in hundredths, a class as one line); this is the one place that knows
 * which field holds which, so the stored log stays as it was written. */
#ifndef MOAT_AUDIT_TEXT_H
#define MOAT_AUDIT_TEXT_H

#include <stddef.h>

#include "model/questionnaire.h"
#include "model/store.h"

/* How the values of one kind of entry were written. */
typedef enum {
	AV_TEXT,        /* as typed: text, dates, numbers, formatted amounts */
	AV_MONEY,       /* hundredths of the currency unit: 30000 is 300 */
	AV_PERCENT_BP,  /* hundredths of a percent: 800 is 8 % */
	AV_PERCENT,     /* a whole percent: 30 is 30 % */
	AV_DECIMAL,     /* a decimal with trailing zeros: 1.500 is 1.5 */
	AV_MONTHS,      /* a number of months */
	AV_ITEM_STATE,  /* not_started, in_progress, done */
	AV_ANSWER,      /* unanswered, not_met, partly, met, na */
	AV_YEAR_STATUS, /* draft, final */
	AV_TASK_STATUS, /* not_started, in_progress, done, blocked */
	AV_CLASS,       /* "NAME Llow-high AMOUNT", the amount in hundredths */
	AV_ITEM_KEY,    /* a checklist item's key, "" for none */
	AV_ANCHOR,      /* a duty counted from: schedule, completion */
	AV_DUTY_DAY,    /* a duty's day of the month, 0 the last working day */
	AV_MINUTES,     /* minutes, or several apart by spaces: "15 60" */
	AV_YES_NO,      /* "1" yes, "0" no */
	AV_PERMILLE,    /* tenths of a percent: 500 is 50 % */
	AV_BIA_RATING,  /* none, low, medium, high, extreme (audit_change
			   names them by q's BIA reference) */
	AV_BIA_ROW,     /* an impact grid's row as the store writes it */
	AV_LEDGER,      /* "KIND RESULT DAY TIME rta=N rpa=N", a ledger entry */
	AV_BACKUP_COPY, /* "LOCATION | MEDIUM | offsite|onsite" */
	AV_CONTACT,     /* "ROLE | NAME | PHONES | ALTERNATE | RANK LEVELS[ example]" */
} audit_kind;

/* The kind of the old and new values of an entry about field of entity;
 * key is the entry's key (for entity "param", the parameter). */
audit_kind audit_value_kind(const char *entity, const char *field,
			    const char *key);

/* A stored value of kind k as shown, into out: "—" for none (NULL) or
 * an empty text, the first line of a longer text. A value that is not of
 * its kind after all is shown as stored, as is an AV_ITEM_KEY (which
 * audit_change names). */
void audit_value_text(audit_kind k, const char *value, char *out,
		      size_t outlen);

/* The name of a field as shown ("state", "DR levels and amount"); the
 * stored name when it is not known. */
const char *audit_field_text(const char *entity, const char *field);

/* What an entry is about: "5 Restore tests run regularly" for an item,
 * "L3 DR site in place" for a criterion, the label of a setting
 * ("Discount rate (%)", "Self-built: up front, low"), else the kind of
 * thing and its key ("task Request the budget"). */
void audit_subject(const questionnaire *q, const audit_entry *e, char *out,
		   size_t outlen);

/* The change of an entry: "state: not started → in progress"; items
 * named by q as the checklist shows them. */
void audit_change(const questionnaire *q, const audit_entry *e, char *out,
		  size_t outlen);

#endif
