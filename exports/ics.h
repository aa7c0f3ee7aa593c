/* The programme and the recurring duties as an iCalendar file (RFC 5545)
 * that calendar programs import: every plan task on its due date, the end
 * of each phase, and each duty as one event, a recurring one when it
 * follows a schedule. All events are all day. */
#ifndef MOAT_ICS_H
#define MOAT_ICS_H

#include <stddef.h>
#include <stdint.h>

#include "model/agenda.h"
#include "model/date.h"
#include "model/status.h"

/* Writes a's programme and duties (a is unit unit_id's agenda, db_id the
 * database's identity, store_db_identity) to path as an iCalendar file,
 * texts in the current message language, unit_name naming the calendar.
 *
 * UIDs are unique across objects, units and databases:
 * "task-<id>-u<unit>-<db_id>@moat", "phase-<programme id>-<n>-u<unit>-
 * <db_id>@moat", "duty-<id>-u<unit>-<db_id>@moat".
 *
 * Events (DTSTART;VALUE=DATE, DTEND the next day):
 *  - each plan task on its due date; the last day of each phase;
 *  - a duty counted from its last completion: its one open occurrence;
 *  - a duty on a schedule: one recurring event. DTSTART is its oldest
 *    open occurrence (the oldest missed one, else the next), and the
 *    RRULE (model/ics_rule.h) gives exactly the dates moat computes, day
 *    31 clamped and last working days included, so no RDATE list is
 *    needed; it has no end unless a pause that has not ended lies ahead:
 *    then UNTIL is the day before it. EXDATE leaves out the occurrences
 *    skipped and those due in an ended pause. A done occurrence is an
 *    override (same UID, RECURRENCE-ID its due date) on the day it was
 *    done, saying so in its description: RFC 5545 makes RECURRENCE-ID
 *    the way to move one instance, whereas EXDATE plus an RDATE would
 *    turn it into a different instance. What the series shows on a past
 *    day without such an override is overdue; summaries carry the title
 *    only. Records of occurrences before DTSTART are history, not in the
 *    file. Nothing of a duty paused today.
 * DTSTAMP is today at 00:00:00Z, so the same data and day give the same
 * bytes. Text is escaped, lines are folded at 75 octets (never inside a
 * UTF-8 character) and end in CRLF; invalid UTF-8 and control characters
 * are cleaned out first.
 *
 * The file is replaced atomically (exports/atomic.h): on failure path is
 * untouched, no temporary file remains and err says why (ST_IO when the
 * file cannot be written or replaced, ST_NOMEM, ST_INVALID on bad
 * arguments, a db_id of other than letters, digits and '-' among them). */
moat_status ics_export(const agenda *a, int64_t unit_id, const char *db_id,
		       const char *unit_name, const char *path, date today,
		       char *err, size_t errlen);

#endif
