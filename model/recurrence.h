/* Recurring duties and the 90-day programme: pure date arithmetic.
 * Nothing here reads the clock; "today" is always a parameter.
 *
 * "No date": functions that cannot give an answer (bad input, a date past
 * year 9999) return (date){0, 0, 0}; test it with y == 0. */
#ifndef MOAT_RECURRENCE_H
#define MOAT_RECURRENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/date.h"

/* ---- Days of the week. Working days are Monday to Friday; there is no
 * holiday calendar. ---- */

/* Day of the week of d: 0 = Monday .. 6 = Sunday. Any date is accepted
 * (proleptic Gregorian). */
int date_weekday(date d);

/* True for Monday to Friday. */
bool date_is_working_day(date d);

/* The last Monday-to-Friday of month m (1..12) of year y (1..9999);
 * "no date" for a month or year out of range. */
date date_last_working_day(int y, int m);

/* d plus n days (n may be negative); d must be a real calendar date. */
date date_add_days(date d, long n);

/* ---- Recurrence rules ---- */

typedef enum { REC_ANCHOR_SCHEDULE, REC_ANCHOR_COMPLETION } rec_anchor;

/* rec_rule.day value meaning "the last working day of the month". */
#define REC_LAST_WORKING_DAY 0
#define REC_MAX_EVERY_MONTHS 24

typedef struct {
	int every_months; /* 1 monthly, 3 quarterly, 12 yearly; 1..24 */
	int day;          /* 1..31: that day of the month, clamped to the
			   * month's end; REC_LAST_WORKING_DAY: the last
			   * working day of the month */
	rec_anchor anchor;
	date start;       /* first occurrence: the first due date on or after
			   * start, in start's month or the next */
} rec_rule;

/* True when r is usable: every_months 1..24, day 0..31, a known anchor and
 * start a real calendar date in 1900..9999. False for NULL. */
bool rec_valid(const rec_rule *r);

/* Due date in month (y, m) under r's day rule alone (every_months, anchor
 * and start are not consulted): day 1..31 clamped to the month's end, or
 * the month's last working day. "No date" for a NULL rule, a day out of
 * 0..31, m out of 1..12 or y out of 1..9999. */
date rec_due_in_month(const rec_rule *r, int y, int m);

/* Scheduled occurrence k (k = 0, 1, ...). Occurrence 0 is r's due date in
 * start's month if that is on or after start, else its due date in the
 * following month; occurrence k is in the month every_months * k months
 * after occurrence 0's, on the day rule (so a clamped February does not
 * pull later months back: day 31 gives 31 Jan, 28 Feb, 31 Mar).
 * Dates strictly increase with k. "No date" for an invalid rule, k < 0 or
 * an occurrence past year 9999. Constant time. */
date rec_scheduled(const rec_rule *r, int k);

/* The index k of the first scheduled occurrence due on or after d (0 when
 * d is on or before occurrence 0), computed from the months between them
 * in constant time; the index one past the last occurrence in year 9999
 * when none is (rec_scheduled gives "no date" for it). -1 for an invalid
 * rule or d's month out of 1..12. */
int rec_index_on_or_after(const rec_rule *r, date d);

typedef struct {
	date due;
	bool overdue; /* due < today */
} rec_occurrence;

/* The open occurrences of a duty on today, oldest first, no date twice.
 *
 * resolved (n_resolved entries; may be NULL when n_resolved is 0): due
 * dates of occurrences already done or skipped, ascending; duplicates and
 * dates that are not on the schedule allowed. Out of order, the result is
 * unspecified (duty_state_compute sorts a duty's history for this).
 * last_done: for REC_ANCHOR_COMPLETION, the date of the latest completion,
 * or NULL if there is none; ignored for REC_ANCHOR_SCHEDULE.
 *
 * Schedule anchoring: every scheduled occurrence due before today that is
 * not in resolved (open and overdue: a missed one stays until it is done or
 * skipped, however long ago it was due), then the first unresolved one due
 * on or after today (the next one, not overdue). Resolved dates off the
 * schedule change nothing. Occurrences past year 9999 do not exist, so
 * when every one up to then is resolved there is no "next" entry.
 *
 * Completion anchoring: exactly one open occurrence.
 *  - never completed (last_done NULL): the first scheduled occurrence not
 *    in resolved (rec_scheduled(r, 0), or if that was skipped the next on
 *    the schedule, and so on);
 *  - after a completion: last_done + every_months months, clamped to the
 *    month's end, without the day rule (a quarterly drill done on 20 May
 *    is next due 20 August); if that date is in resolved (skipped), then
 *    last_done + 2 * every_months months, and so on. Each candidate is
 *    computed from last_done, so one clamped month does not shift the
 *    later ones (done 31 Jan, monthly, 28 Feb skipped: next 31 Mar).
 *  overdue = due < today. None when every candidate up to year 9999 is
 *  resolved.
 *
 * Writes at most cap entries to out (out may be NULL when cap is 0) and
 * returns how many open occurrences there are in total, which may exceed
 * cap: call again with a bigger buffer. Returns 0 for an invalid rule or
 * a last_done that is not a real calendar date (1900..9999).
 *
 * Time: O(log n_resolved) to find where the walk starts, then linear in
 * the resolved dates and pauses it passes and the entries it writes, never
 * in the length of the schedule: runs of open occurrences beyond cap are
 * counted, not walked. Allocates nothing; the caller owns all buffers. */
size_t rec_open(const rec_rule *r, const date *resolved, size_t n_resolved,
		const date *last_done, date today, rec_occurrence *out,
		size_t cap);

/* ---- Pauses. While a duty is paused nothing of it is owed: no
 * occurrence due in a pause is ever open, not later either (it is treated
 * as skipped). Occurrences missed before a pause stay owed; they are only
 * hidden while the pause lasts. ---- */

typedef struct {
	date from;  /* the first day paused */
	date until; /* the day it was resumed, owed again from then on;
		     * y == 0 while it lasts */
} rec_pause;

/* The pause of the n in p that day d falls in (from <= d, and d < until
 * or no until), or NULL. A pause with until <= from holds no day. */
const rec_pause *rec_pause_on(const rec_pause *p, size_t n, date d);

/* rec_open for a duty with pauses (p, n_pauses; p may be NULL when
 * n_pauses is 0), ordered by their first day (from): on a today inside a
 * pause nothing is open; otherwise as rec_open, an occurrence due inside a
 * pause counting as resolved. A pause that has not ended leaves nothing
 * open from its first day on. Same input order, buffer contract, return
 * value and time as rec_open (each pause is passed in one step). */
size_t rec_open_paused(const rec_rule *r, const date *resolved,
		       size_t n_resolved, const rec_pause *p, size_t n_pauses,
		       const date *last_done, date today, rec_occurrence *out,
		       size_t cap);

/* ---- The 90-day programme (section 7): three phases of 30 days. ---- */

#define PLAN_DAYS 90
#define PLAN_PHASES 3
#define PLAN_PHASE_DAYS (PLAN_DAYS / PLAN_PHASES)

/* First day of phase 1..3 of a programme started on start: start,
 * start + 30, start + 60. "No date" for a phase out of range. */
date plan_phase_start(date start, int phase);

/* Due date of the tasks of phase 1..3: the phase's last day, start + 29,
 * + 59, + 89. "No date" for a phase out of range. */
date plan_phase_due(date start, int phase);

/* Day of the programme on today: 1 on the start date, 90 on its last day;
 * 0 or less before the start, more than 90 after the end. */
long plan_day(date start, date today);

/* The phase (1..3) today falls in; 0 before the start, 4 after day 90. */
int plan_phase_on(date start, date today);

#endif
