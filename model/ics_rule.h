/* A duty's schedule as an iCalendar recurrence rule (RFC 5545 3.3.10),
 * worked out from the rule alone. Pure. */
#ifndef MOAT_ICS_RULE_H
#define MOAT_ICS_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/recurrence.h"

/* The RRULE value that, with DTSTART first (an occurrence of r's
 * schedule), gives exactly the occurrences rec_scheduled gives from
 * first on, into out:
 *  - every N months: FREQ=MONTHLY (;INTERVAL=N when N > 1); a multiple
 *    of 12: FREQ=YEARLY (;INTERVAL=N/12) ;BYMONTH=first's month;
 *  - day 1..28: BYMONTHDAY=day;
 *  - day 29 or 30, clamped to shorter months: BYMONTHDAY=28,29(,30)
 *    ;BYSETPOS=-1 (the latest of those the month has);
 *  - day 31: BYMONTHDAY=-1 (the month's last day);
 *  - the last working day (Monday to Friday; moat has no holidays):
 *    BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;
 *  - ;UNTIL=YYYYMMDD (a DATE, as DTSTART is one) when until.y != 0.
 * Every rule moat has can be said exactly, so no RDATE list is needed.
 * False, out "", for an invalid or completion-anchored rule, a first
 * that is no date, or an out too small (ICS_RRULE_MAX bytes always do). */
#define ICS_RRULE_MAX 96
bool ics_rrule(const rec_rule *r, date first, date until, char *out,
	       size_t len);

#endif
