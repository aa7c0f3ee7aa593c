/* The programme and the recurring duties as an iCalendar file (RFC 5545)
 * that calendar programs import: every plan task on its due date, the end
 * of each phase, and the duties' occurrences, each an all-day event. */
#ifndef MOAT_ICS_H
#define MOAT_ICS_H

#include <stddef.h>

#include "model/agenda.h"
#include "model/date.h"
#include "model/status.h"

/* How many scheduled occurrences of a schedule-anchored duty follow its
 * last open one in the calendar. */
#define ICS_AHEAD 12

/* Writes a's programme and duties to path as an iCalendar file, texts in
 * the current message language, unit_name naming the calendar.
 *
 * Events (all day, DTSTART;VALUE=DATE and DTEND the next day):
 *  - each plan task on its due date, UID "task-<id>@moat";
 *  - the last day of each phase, UID "phase-<programme id>-<n>@moat";
 *  - for each duty, every open occurrence (overdue ones marked so in the
 *    summary), then for a schedule-anchored duty the next ICS_AHEAD
 *    scheduled occurrences after the last open one (leaving out any in
 *    a->events, already done or skipped); a completion-anchored duty has
 *    just its one open occurrence. UID
 *    "duty-<id>-<YYYYMMDD>@moat". No RRULE: the file holds exactly the
 *    dates moat computes (day 31 clamped, last working days).
 * DTSTAMP is today at 00:00:00Z, so the same data and day give the same
 * bytes. Text is escaped, lines are folded at 75 octets (never inside a
 * UTF-8 character) and end in CRLF; invalid UTF-8 and control characters
 * are cleaned out first.
 *
 * The file is replaced atomically (exports/atomic.h): on failure path is
 * untouched, no temporary file remains and err says why (ST_IO when the
 * file cannot be written or replaced, ST_NOMEM, ST_INVALID on bad
 * arguments). */
moat_status ics_export(const agenda *a, const char *unit_name, const char *path,
		       date today, char *err, size_t errlen);

#endif
