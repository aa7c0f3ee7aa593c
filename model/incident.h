/* A live incident (§4.2): declared for a system at a level at a moment;
 * the card's steps for that level with their deadlines counted from the
 * declaration (or from the restoration, for the steps after it), checked
 * off with their times; a time-stamped log of actions and decisions;
 * closed with the service restored, the data lost, the root cause and the
 * improvements, which become programme tasks. Times are local wall time,
 * "YYYY-MM-DD HH:MM", as typed (model/verify.h). */
#ifndef MOAT_INCIDENT_H
#define MOAT_INCIDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/bia.h"
#include "model/msg.h"
#include "model/response.h"
#include "model/text.h"
#include "model/verify.h"

#define INC_TEXT_MAX 1000 /* characters of a log entry, a cause, a loss */
#define INC_IMPROVEMENT_MAX 200 /* a programme task's title (TASK_TITLE_MAX) */
#define INC_MAX_IMPROVEMENTS 16

typedef struct {
	int64_t id;
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	int level; /* 1..4 */
	verify_time declared;
	char declared_by[64];
	bool restored, closed;
	verify_time restored_at, closed_at;
	char data_loss[TEXT_BYTES(INC_TEXT_MAX)];
	char root_cause[TEXT_BYTES(INC_TEXT_MAX)];
	int64_t card_version; /* the card in force when it was declared */
} incident;

typedef enum {
	INC_ACTION,
	INC_DECISION,
	INC_DECLARED,
	INC_STEP,
	INC_RESTORED,
	INC_CLOSED,
} inc_kind;

const char *inc_kind_key(inc_kind k);
/* The kind in words (model/msg.h). */
msg_id inc_kind_msg(inc_kind k);
bool inc_parse_kind(const char *s, inc_kind *out);

typedef struct {
	int64_t id;
	verify_time at;
	char who[64];
	inc_kind kind;
	char what[TEXT_BYTES(INC_TEXT_MAX)];
	char why[TEXT_BYTES(INC_TEXT_MAX)];
} inc_entry;

typedef struct {
	char step[TEXT_BYTES(RESP_TEXT_MAX)]; /* a step key of response.yaml */
	verify_time at;
	char by[64];
} inc_done;

typedef struct {
	int64_t id;
	char text[TEXT_BYTES(INC_IMPROVEMENT_MAX)];
	int64_t task_id; /* 0: the unit has no programme to put it in */
} inc_improvement;

/* One incident with its steps done, its log (oldest first) and its
 * improvements. */
typedef struct incident_record {
	incident inc;
	inc_done *done;
	size_t n_done;
	inc_entry *log;
	size_t n_log;
	inc_improvement *improvements;
	size_t n_improvements;
} incident_record;

void incident_record_free(incident_record *r);

/* Where one step of the card stands in an incident at now. */
typedef enum {
	STEP_OPEN,    /* a deadline ahead */
	STEP_LATE,    /* its deadline passed, not done */
	STEP_WAITING, /* counts from the restoration, not yet made */
	STEP_NO_LIMIT,/* the plan's own limits */
	STEP_DONE,
	STEP_DONE_LATE, /* done after its deadline */
} step_status;

typedef struct {
	const resp_step *step;
	bool has_deadline;
	verify_time deadline;
	const inc_done *done; /* NULL when not done */
	step_status status;
	int64_t minutes_left; /* to the deadline at now (negative: late) */
} inc_step_view;

/* The card's steps (r) for incident rec at now, in the card's order,
 * into out (r->n_steps of them). */
void inc_steps_view(const resp_reference *r, const incident_record *rec,
		    const verify_time *now, inc_step_view *out);

/* A step's state in words: "due 2026-11-25 09:05, 5 min left", "done
 * 2026-11-25 09:04 by liwei"... */
void inc_step_words(const inc_step_view *v, char *out, size_t len);

/* The next progress report due after now (the card's step that reports
 * every N minutes counts from the declaration); false when the card asks
 * for none, or the service is restored. */
bool inc_next_report(const resp_reference *r, const incident_record *rec,
		     const verify_time *now, verify_time *out);

/* today at the wall clock's hour and minute (local time): the moment a
 * step is checked off when none is given. */
verify_time inc_now(date today);

/* The improvements of text: one a line, blank lines and spaces around
 * dropped, into out (each cut to INC_IMPROVEMENT_MAX characters); the
 * number found, at most max. */
size_t inc_split_improvements(const char *text,
			      char out[][TEXT_BYTES(INC_IMPROVEMENT_MAX)],
			      size_t max);

#endif
