/* What is due: overdue and upcoming plan tasks and duty occurrences of a
 * unit on a given day, for the agenda screen, `moat due` and calendars. */
#ifndef MOAT_AGENDA_H
#define MOAT_AGENDA_H

#include "model/programme.h"
#include "model/store.h"

/* How far ahead exports look (the agenda screen and `moat due` choose
 * their own). */
#define AGENDA_EXPORT_DAYS 90
#define AGENDA_SCREEN_DAYS 31

typedef enum { AG_TASK, AG_DUTY } agenda_kind;

typedef struct {
	agenda_kind kind;
	size_t index;     /* into tasks or duties of the agenda */
	date due;
	bool overdue;
	/* The record that resolved a duty's occurrence (into events[index]),
	 * NULL while it is open. */
	const duty_event *event;
} agenda_entry;

typedef struct {
	date today;
	bool has_programme;
	int64_t programme_id;
	date start;
	plan_task *tasks;
	size_t n_tasks;
	plan_progress progress;
	duty *duties;
	size_t n_duties;
	duty_state *states;    /* one per duty */
	duty_event **events;   /* per duty: its history, by due date
				* newest first (agenda_between relies on it) */
	size_t *n_events;      /* per duty: entries of events[d] */
	rec_pause **pauses;    /* per duty: its pauses, oldest first, the
				* current one (paused_on) last */
	size_t *n_pauses;      /* per duty: entries of pauses[d] */
	agenda_entry *entries; /* overdue first (oldest first), then by date */
	size_t n_entries;
	bool texts;            /* the history's records carry their texts */
} agenda;

/* Reads the unit's programme, tasks, duties, their history (kept in
 * events / n_events) and pauses (pauses / n_pauses), and lists every
 * overdue task or occurrence and those due within `within` days of today.
 * texts: whether the history's records carry their result, note and by
 * (as store_duty_events); a->texts says which. Release with agenda_free. */
moat_status agenda_load(store *s, int64_t unit_id, date today, int within,
			bool texts, agenda *out);
void agenda_free(agenda *a);

/* The index of duty id in a->duties, or -1 when it is not there. */
long agenda_find_duty(const agenda *a, int64_t id);

/* What falls on the days from..to (inclusive), in a new array *out
 * (free() it; NULL when *n is 0) ordered by date, duties before tasks on
 * a day, then as listed (pure):
 *  - every recorded occurrence of a duty due then, with its event;
 *  - the occurrences still owed: for schedule anchoring every one on the
 *    schedule not recorded and not in a pause (overdue when due before
 *    today), for completion anchoring the one open occurrence; none of a
 *    duty paused on today;
 *  - the plan tasks due then, done or not (overdue as task_overdue).
 * The entries point into a and live as long as it does. The cost is in
 * what falls in the days, not in the history before them: recorded ones
 * are found by binary search in events, a schedule is entered at the
 * occurrence due on from. */
moat_status agenda_between(const agenda *a, date from, date to,
			   agenda_entry **out, size_t *n);

/* How the calendar marks a day, by what falls on it: something overdue,
 * else something due, else only what is settled (recorded occurrences,
 * done tasks), else nothing. Ordered: a day takes the greatest. */
typedef enum {
	AG_MARK_NONE,
	AG_MARK_SETTLED,
	AG_MARK_DUE,
	AG_MARK_OVERDUE
} agenda_mark;

/* One month of the calendar, derived from an agenda once (when the month
 * shown or the agenda changes) so that drawing it reads what is there
 * instead of deriving the schedules again. */
typedef struct {
	int y, m;
	agenda_entry *entries;  /* agenda_between over the month, in its order */
	size_t n_entries;
	agenda_mark mark[32];   /* by day of the month, 1..31; [0] unused */
} agenda_month;

/* Fills *out with what falls in month m (1..12) of year y (1..9999) of a:
 * the entries agenda_between gives for the month and the mark of each of
 * its days (pure). The entries point into a and live as long as it does.
 * ST_INVALID for a month out of range, ST_NOMEM when out of memory; *out
 * is then empty (agenda_month_free is harmless on it). */
moat_status agenda_month_load(const agenda *a, int y, int m,
			      agenda_month *out);
void agenda_month_free(agenda_month *mo);

/* The entries of mo due on day (1..31) of its month: mo->entries[*first]
 * and the returned count after it, in agenda_between's order. */
size_t agenda_month_day(const agenda_month *mo, int day, size_t *first);

/* Builds the entries from tasks and duty states already in a (pure). */
moat_status agenda_build(agenda *a, int within);

#endif
