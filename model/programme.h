/* The 90-day programme (§7) and its recurring duties: task progress and
 * overdue rules, and where each duty stands on a given day. Pure; the
 * store reads and writes the records. */
#ifndef MOAT_PROGRAMME_H
#define MOAT_PROGRAMME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/date.h"
#include "model/evidence.h"
#include "model/recurrence.h"
#include "model/text.h"

typedef enum {
	TASK_NOT_STARTED = 0,
	TASK_IN_PROGRESS,
	TASK_DONE,
	TASK_BLOCKED,
} task_status;

#define TASK_STATUS_COUNT 4

/* Limits of what users type, in characters. */
#define TASK_TITLE_MAX 200
#define TASK_OWNER_MAX 60
#define TASK_NOTE_MAX 500
#define DUTY_TITLE_MAX 100
#define DUTY_RESULT_MAX 250
#define DUTY_NOTE_MAX 500 /* also a skip's reason */

typedef struct {
	int64_t id;
	char key[64];      /* template key, "" for tasks the user added */
	int phase;         /* 1..3 */
	char title[TEXT_BYTES(TASK_TITLE_MAX)];
	char item[64];     /* checklist item it advances, "" for none */
	char owner[TEXT_BYTES(TASK_OWNER_MAX)];
	task_status status;
	date due;          /* end of its phase */
	date done_on;      /* y == 0 when not done */
	char note[TEXT_BYTES(TASK_NOTE_MAX)];
} plan_task;

typedef struct {
	long day;          /* day of the programme, 1 on the start date */
	int phase;         /* 0 before, 1..3, 4 after */
	size_t total, done, overdue;
	size_t phase_total[PLAN_PHASES], phase_done[PLAN_PHASES];
} plan_progress;

const char *task_status_key(task_status s);
bool task_parse_status(const char *s, task_status *out);
/* not started -> in progress -> done -> blocked -> not started */
task_status task_next_status(task_status s);

/* Not done and past its due date. */
bool task_overdue(const plan_task *t, date today);

void plan_progress_compute(const plan_task *tasks, size_t n, date start,
			   date today, plan_progress *out);

typedef struct {
	int64_t id;
	char key[64];    /* template key; "user-N" for duties users added */
	char title[TEXT_BYTES(DUTY_TITLE_MAX)];
	char item[64];   /* checklist item it proves, "" for none */
	rec_rule rule;
	date paused_on;  /* the day its current pause began; y == 0 when it
			  * is not paused */
} duty;

typedef struct {
	int64_t id;
	int64_t duty_id;
	date due;        /* the occurrence it resolves */
	bool skipped;    /* skipped with a reason (in note) rather than done */
	date on;         /* when it was done or skipped */
	char result[TEXT_BYTES(DUTY_RESULT_MAX)];
	char note[TEXT_BYTES(DUTY_NOTE_MAX)];
	char by[64];
	int64_t evidence_id; /* 0 when none */
} duty_event;

#define DUTY_MAX_OPEN 64

typedef struct {
	rec_occurrence open[DUTY_MAX_OPEN]; /* oldest first */
	size_t n_open;     /* may exceed DUTY_MAX_OPEN */
	size_t n_overdue;
	bool has_next;     /* the first open occurrence that is not overdue */
	date next;
	bool has_last;     /* the latest completion (not skip) */
	date last_done;
	bool paused;       /* today falls in a pause: nothing is open */
} duty_state;

/* The evidence an occurrence of a duty files for the checklist item it
 * proves; its strings point into the struct and into d. */
typedef struct {
	evidence e;
	/* The duty's title, the due day, the result and the note. */
	char body[sizeof ((duty *)0)->title + TEXT_BYTES(DUTY_RESULT_MAX) +
		  TEXT_BYTES(DUTY_NOTE_MAX) + 64];
	char reference[64];
	char day[16];
} duty_proof;

/* Fills p for occurrence ev of d, to be filed in assessment_id by owner.
 * False when d proves no checklist item. */
bool duty_proof_make(const duty *d, const duty_event *ev,
		     int64_t assessment_id, int valid_months, const char *owner,
		     duty_proof *p);

/* Where d stands on today given its events (any order; newest or oldest
 * first costs no sort) and its pauses (any order, n_pauses of them, the
 * current one included; see rec_open_paused): while paused nothing is
 * open, and an occurrence due in a pause is never owed. However long the
 * history, every open occurrence is counted (n_open) and the oldest
 * DUTY_MAX_OPEN are kept. */
void duty_state_compute(const duty *d, const duty_event *ev, size_t n,
			const rec_pause *pauses, size_t n_pauses, date today,
			duty_state *out);

/* The events of ev (n of them, by due date newest first, as
 * store_duty_events reads a duty's history) whose occurrence is due
 * from..to (inclusive): ev[*first] and the returned count after it, newest
 * first. Found by binary search, so a long history costs its logarithm. */
size_t duty_events_between(const duty_event *ev, size_t n, date from,
			   date to, size_t *first);

/* Whether the occurrence due on due is recorded in ev (newest due first,
 * as for duty_events_between), by binary search. */
bool duty_recorded(const duty_event *ev, size_t n, date due);

/* The due dates of st's overdue occurrences, oldest first, joined with
 * ", " into out: as many whole dates as fit (all that st holds, at most
 * DUTY_MAX_OPEN, fit in DUTY_MAX_OPEN * 12 bytes); "" when none. */
void duty_missed_text(const duty_state *st, char *out, size_t len);

/* The rule of r in words, in the current language, into out: "every 3
 * months on the last working day, from the last completion", "每月10日，
 * 按固定日程". Yearly rules name their month ("every year on June 15").
 * with_anchor false leaves out what it is counted from. */
void duty_rule_words(const rec_rule *r, bool with_anchor, char *out,
		     size_t len);

/* Parses the day of a rule as typed: "1".."31", or "L" (either case) for
 * the last working day (REC_LAST_WORKING_DAY); spaces around are allowed.
 * False for anything else, *day untouched. */
bool duty_parse_day(const char *s, int *day);

#endif
