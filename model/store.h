/* The SQLite store: one file holds organisation units, yearly assessments,
 * checklist states, criterion answers, evidence and the audit log.
 * Every function returns a status; on failure store_errmsg() says why.
 * Every write runs in its own BEGIN IMMEDIATE transaction and is committed
 * before the function returns. */
#ifndef MOAT_STORE_H
#define MOAT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/checklist.h"
#include "model/evidence.h"
#include "model/invest.h"
#include "model/programme.h"
#include "model/roi.h"
#include "model/questionnaire.h"
#include "model/random.h"
#include "model/scoring.h"
#include "model/status.h"
#include "model/text.h"

typedef struct store store;

/* Schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 17

/* Opens the database at path and brings its schema up to date; with
 * STORE_CREATE a missing or empty file becomes a new database. A user who
 * cannot write it gets it read-only, and never leaves behind files that
 * others cannot write. Creation and migration are serialised between
 * processes. ST_NOT_FOUND: missing (STORE_EXISTING); ST_NOT_MOAT: not a
 * moat database (or empty, with STORE_EXISTING); ST_DAMAGED: truncated or
 * corrupt; ST_TOO_NEW: written by a newer moat. On failure *out is NULL
 * and err holds "path: reason". */
typedef enum {
	STORE_CREATE,   /* make the database when missing or empty */
	STORE_EXISTING, /* it must exist: read commands never create one */
	STORE_INSPECT,  /* existing, read-only, never migrated (doctor) */
} store_open_mode;

moat_status store_open(const char *path, store_open_mode mode, store **out,
		       char *err, size_t errlen);

/* True when s was opened read-only: the user may not write the database
 * or its WAL files (or the folder to make them). Writes give
 * ST_READONLY. */
bool store_read_only(const store *s);

/* Something about the file the user should fix (e.g. WAL files others
 * cannot write), "" when nothing. */
const char *store_warning(const store *s);

/* For a read-only snapshot (opened while no one had the file open): once
 * a writer has opened it, reconnect through its WAL so new changes show.
 * *reopened says whether that happened. */
moat_status store_refresh(store *s, bool *reopened);

/* True when this open made a new database (of a missing or empty file);
 * of processes opening a new file at once, exactly one sees true. */
bool store_created(const store *s);

/* The schema version the file had when opened. */
int store_schema_version(const store *s);

/* SQLite's quick integrity check: true when the file is intact; else a
 * summary of the first problem in out. */
moat_status store_quick_check(store *s, bool *ok, char *out, size_t outlen);

/* Makes several writes one transaction: each write inside commits only
 * with the batch; store_batch_end commits when st is ST_OK, else rolls
 * everything back, and returns st or the commit's failure. */
moat_status store_batch_begin(store *s);
moat_status store_batch_end(store *s, moat_status st);

/* Closes the database; NULL is allowed. */
void store_close(store *s);

/* Message of the last failure on s (English, for logs and the CLI). */
const char *store_errmsg(const store *s);

#define UNIT_NAME_MAX 200      /* characters of a unit's name */
#define UNIT_REGION_MAX 100    /* characters of a unit's region */
#define ANSWER_REASON_MAX 1000 /* characters of a "not applicable" reason */

typedef struct {
	int64_t id;
	char name[TEXT_BYTES(UNIT_NAME_MAX)];
	int validity_months; /* default validity of new evidence */
	char region[TEXT_BYTES(UNIT_REGION_MAX)]; /* "" when none */
	bool archived;       /* hidden from the picker; its data stays */
} unit;

typedef enum { ASSESS_DRAFT = 0, ASSESS_FINAL = 1 } assess_status;

typedef struct {
	int64_t id;
	int64_t unit_id;
	int year;
	assess_status status;
	char finalised_by[64];
	char finalised_at[32]; /* UTC moment, "" for a draft */
	date judged_on;        /* scored as of this day; {0} for a draft */
	int final_level;       /* the level it was finalised at; 0 for a
				* draft or a year frozen before this was kept */
} assessment;

/* Why a year may not be removed (see year_removal_rule). */
typedef enum {
	YEAR_REMOVABLE,
	YEAR_NOT_DRAFT,  /* a finalised year is kept for good */
	YEAR_NOT_LATEST, /* a later year exists, started from it */
	YEAR_ONLY,       /* the unit's only year */
	YEAR_CHANGED,    /* something was changed in it since its creation */
} year_removal;

/* True when the database has no organisation unit yet (first run). */
moat_status store_is_empty(store *s, bool *empty);

/* Units (model/store_unit.c). Names are trimmed of surrounding spaces,
 * then must be 1..UNIT_NAME_MAX characters of valid UTF-8 without control
 * characters (ST_INVALID) and unique among all units, archived ones too
 * (ST_EXISTS); a region (trimmed, may be empty) at most UNIT_REGION_MAX.
 * Every change is audited under the unit; store_errmsg says why a change
 * was refused, in the user's language. */

/* Creates a unit without a year (see store_unit_open_new). */
moat_status store_unit_create(store *s, const char *name, const char *user,
			      int64_t *id);
moat_status store_unit_get(store *s, int64_t id, unit *out);

/* The unit named exactly name (case and all, after trimming);
 * ST_NOT_FOUND, with no message, when there is none. */
moat_status store_unit_find(store *s, const char *name, unit *out);

/* Renames a unit; ST_EXISTS when another unit has the name, ST_OK and
 * nothing written when it is the same. */
moat_status store_unit_rename(store *s, int64_t id, const char *name,
			      const char *user);

/* Sets the region ("" clears it). */
moat_status store_unit_set_region(store *s, int64_t id, const char *region,
				  const char *user);

/* Archives (true) or brings back (false) a unit. Archiving hides it from
 * the picker and from store_unit_list without archived; nothing of it is
 * deleted, and whoever stands in it keeps it until they open another.
 * ST_INVALID when it already is in that state. */
moat_status store_unit_set_archived(store *s, int64_t id, bool archived,
				    const char *user);

/* A unit as a list shows it: with its latest year (0 and id 0 when it
 * has none yet). */
typedef struct {
	unit u;
	int64_t latest_id;
	int latest_year;
	assess_status latest_status;
	int latest_final_level; /* 0 unless final with a kept level */
} unit_row;

/* Every unit by name (byte order), archived ones only when asked, in a
 * new array (*out: free() it; *n may be 0). */
moat_status store_unit_list(store *s, bool with_archived, unit_row **out,
			    size_t *n);

/* The id of the unit's latest year; ST_NOT_FOUND when it has none. */
moat_status store_unit_latest(store *s, int64_t unit_id, int64_t *assessment_id);

/* Creates a unit with its first year, `year` (the year of today, as the
 * first organisation gets: see tui/screen_firstrun.c), in one
 * transaction; *assessment_id receives the year. */
moat_status store_unit_open_new(store *s, const char *name,
				const char *region, int year, const char *user,
				int64_t *unit_id, int64_t *assessment_id);

/* Creates the assessment of unit for year (draft, no answers yet);
 * ST_EXISTS if it exists. */
moat_status store_assessment_create(store *s, int64_t unit_id, int year,
				    const char *user, int64_t *id);
moat_status store_assessment_get(store *s, int64_t id, assessment *out);

/* The unit and assessment user's session opens on (model/store_current.c):
 * the one user chose last (even in a unit archived since: it stays
 * readable); else the file's default (store_set_default_current; a file
 * of schema 15 keeps its remembered year as that default); else the first
 * unit's latest year, preferring units not archived. ST_NOT_FOUND when
 * there is none. */
moat_status store_current(store *s, const char *user, int64_t *unit_id,
			  int64_t *assessment_id);

/* Remembers the assessment user's sessions open on next time; other users
 * keep theirs. ST_NOT_FOUND for an assessment that does not exist. */
moat_status store_set_current(store *s, const char *user,
			      int64_t assessment_id);

/* Sets what everyone who has not chosen opens on (the first organisation,
 * the demo). */
moat_status store_set_default_current(store *s, int64_t assessment_id);

/* Checklist states of an assessment, one per questionnaire item (items
 * never answered are ITEM_NOT_STARTED). */
moat_status store_states_load(store *s, int64_t assessment_id,
			      const questionnaire *q, item_state *states);

/* Sets one item's state; audited. ST_FROZEN on a finalised assessment. */
moat_status store_state_set(store *s, int64_t assessment_id,
			    const char *item_key, item_state state,
			    const char *user);

/* The same, for a change the user made from what the screen showed: only
 * when the stored state is still `from`; else ST_CONFLICT and nothing is
 * written (another user changed it meanwhile). */
moat_status store_state_change(store *s, int64_t assessment_id,
			       const char *item_key, item_state from,
			       item_state to, const char *user);

/* Criterion answers of an assessment, one per questionnaire criterion. */
moat_status store_answers_load(store *s, int64_t assessment_id,
			       const questionnaire *q, crit_input *answers);

/* Sets a criterion's answer; reason may be NULL or empty except for
 * ANS_NA, which needs one (ST_INVALID). Audited. */
moat_status store_answer_set(store *s, int64_t assessment_id,
			     const char *crit_key, crit_answer answer,
			     const char *reason, const char *user);

/* The same, only when the stored answer is still `from` (else
 * ST_CONFLICT, nothing written). */
moat_status store_answer_change(store *s, int64_t assessment_id,
				const char *crit_key, crit_answer from,
				crit_answer to, const char *reason,
				const char *user);

/* The written reason of a criterion's answer, copied into out ("" if
 * none). */
moat_status store_answer_reason(store *s, int64_t assessment_id,
				const char *crit_key, char *out, size_t outlen);

/* Adds evidence; entered_by/entered_at are filled in. Audited. */
moat_status store_evidence_add(store *s, const evidence *e, const char *user,
			       int64_t *id);

/* Replaces the editable fields of evidence e->id. Audited. */
moat_status store_evidence_update(store *s, const evidence *e,
				  const char *user);

/* The same for an edit made in a form opened on *seen: only when the
 * stored record still holds *seen's fields; else ST_CONFLICT, nothing
 * written. */
moat_status store_evidence_change(store *s, const evidence *seen,
				  const evidence *e, const char *user);

/* Removes evidence id. Audited. */
moat_status store_evidence_delete(store *s, int64_t id, const char *user);

/* Evidence of an assessment for one target (NULL: all), newest evidence
 * date first. */
moat_status store_evidence_list(store *s, int64_t assessment_id,
				const char *target, evidence_list *out);

/* The assessments of a unit, oldest year first, in a new array (*out,
 * free() it); *n may be 0. */
moat_status store_assessment_list(store *s, int64_t unit_id, assessment **out,
				  size_t *n);

/* Freezes an assessment: read-only from now on, with who and when, judged
 * from then on as of `today`, keeping `level` (1-5, its level scored on
 * today; see report_finalise, which computes it) as its final level.
 * ST_FROZEN if it already is, ST_INVALID for a level out of range.
 * Audited. */
moat_status store_assessment_finalise(store *s, int64_t assessment_id,
				      date today, int level, const char *user);

/* Starts the year after from_id's as a draft: copies its checklist states,
 * criterion answers and the evidence still valid on today. ST_INVALID
 * while from_id is a draft (year_may_start_next), ST_EXISTS when that
 * year already exists. Audited. */
moat_status store_assessment_start_next(store *s, int64_t from_id, date today,
					const char *user, int64_t *new_id);

/* The changes made in an assessment after it was created: the audit
 * entries about it after its creation entry ("created", or "copied_from"
 * when it was started from the year before). Every change of a checklist
 * state, a criterion answer or a piece of evidence is audited with its
 * assessment, so 0 means that nothing was set, answered, filed, edited or
 * removed in it since: the year is empty, exactly as it was created. */
moat_status store_assessment_changes(store *s, int64_t assessment_id,
				     int64_t *changes);

/* Removes an empty draft year started by mistake, with everything copied
 * into it, when year_removal_rule allows it (checked again in the write's
 * transaction); else ST_INVALID, and *why (may be NULL) says why. The
 * removal is audited under the unit (the year's id may be used again). */
moat_status store_assessment_remove(store *s, int64_t assessment_id,
				    const char *user, year_removal *why);

/* Sets the default validity (months, 1..120) of new evidence in a unit. */
moat_status store_unit_set_validity(store *s, int64_t unit_id, int months,
				    const char *user);

/* One line of the audit log. */
typedef struct {
	int64_t id;
	char at[32];
	char user[64];
	int64_t assessment_id; /* 0 when not about an assessment */
	int64_t unit_id;       /* 0 when not about one unit */
	char entity[16];       /* item, criterion, evidence, unit, assessment */
	char key[64];          /* item or criterion key, year, unit name */
	char field[32];
	char *old_value;       /* NULL when there was none */
	char *new_value;
} audit_entry;

typedef struct {
	audit_entry *v;
	size_t n;
} audit_list;

void audit_list_free(audit_list *l);

/* Which entries of the audit log to read (store_audit_page). */
typedef struct {
	int64_t unit_id;  /* about this unit; 0: the whole organisation */
	const char *user; /* by this user; NULL: anyone */
	const char *key;  /* about this item, criterion, year...; NULL: any */
	int64_t before;   /* older than this entry id; 0: from the newest */
} audit_query;

/* One page of the audit log: the newest entries that *q selects, at most
 * limit, newest first; the next page is the entries before the last one's
 * id. Each filter is read through its own index, so a page costs the
 * same whatever the size of the log. */
moat_status store_audit_page(store *s, const audit_query *q, size_t limit,
			     audit_list *out);

/* The whole organisation's log, newest first, at most limit entries; user
 * and key (NULL for any) filter it. */
moat_status store_audit_list(store *s, const char *user, const char *key,
			     size_t limit, audit_list *out);

/* The ROI lines of a unit, by kind then entry order, in a new array
 * (*out, free() it). */
moat_status store_roi_lines(store *s, int64_t unit_id, roi_line **out,
			    size_t *n);

/* Adds a line (l->id is ignored; *id receives the new one). Amounts must be
 * 0..MONEY_MAX, incidents 0..ROI_MAX_INCIDENTS_MILLI, the name non-empty
 * UTF-8, the item key (a checklist item's, or "") shorter than 64 bytes
 * and "" on a loss; else ST_INVALID. Audited. */
moat_status store_roi_line_add(store *s, int64_t unit_id, const roi_line *l,
			       const char *user, int64_t *id);
/* Replaces name, amount, incidents and item of line l->id, checked as
 * store_roi_line_add checks them. Audited. */
moat_status store_roi_line_update(store *s, const roi_line *l,
				  const char *user);
moat_status store_roi_line_delete(store *s, int64_t id, const char *user);

/* The investment classes of a unit in entry order (*out: free() it). */
moat_status store_invest_classes(store *s, int64_t unit_id,
				 invest_class **out, size_t *n);
/* Levels must satisfy 1 <= low <= high <= 6; else ST_INVALID. Audited. */
moat_status store_invest_class_add(store *s, int64_t unit_id,
				   const invest_class *c, const char *user,
				   int64_t *id);
moat_status store_invest_class_update(store *s, const invest_class *c,
				      const char *user);
moat_status store_invest_class_delete(store *s, int64_t id, const char *user);

/* A per-unit parameter as an integer (def when never set). */
moat_status store_param_get(store *s, int64_t unit_id, const char *key,
			    int64_t def, int64_t *out);
/* Sets it; audited. */
moat_status store_param_set(store *s, int64_t unit_id, const char *key,
			    int64_t value, const char *user);
/* A per-unit text parameter (def when never set), copied into out. */
moat_status store_param_text(store *s, int64_t unit_id, const char *key,
			     const char *def, char *out, size_t outlen);
moat_status store_param_set_text(store *s, int64_t unit_id, const char *key,
				 const char *value, const char *user);

/* The unit's investment scenarios: the document's figures where none were
 * set. */
moat_status store_invest_scenarios(store *s, int64_t unit_id,
				   invest_scenarios *out);

/* The unit's ROI settings: horizon (default 5 years) and discount rate
 * (default 0). */
moat_status store_roi_settings(store *s, int64_t unit_id, int *horizon,
			       int *rate_bp);

/* The currency unit shown on every amount (default: msg's). */
moat_status store_currency(store *s, int64_t unit_id, char *out, size_t outlen);

/* The database's identity: a random UUID (model/random.h) stored once in
 * the setting table under "db_identity", made on the first call. Calendar
 * UIDs carry it, so two databases never give the same UID. Several
 * processes may make one at once: each inserts its own only if none is
 * there, then all read the one that won. ST_READONLY when there is none
 * yet and the database cannot be written, ST_IO when no random bytes
 * could be had; out (len > RANDOM_UUID_LEN) is "" on failure. */
moat_status store_db_identity(store *s, char *out, size_t len);

/* The unit's programme start date; *found false when none was started. */
moat_status store_programme(store *s, int64_t unit_id, bool *found,
			    int64_t *id, date *start);

/* Starts the programme on start: one task per template task, due at the
 * end of its phase, and the template's duties from duties_start on.
 * ST_EXISTS when the unit has one. Audited. */
moat_status store_programme_start(store *s, int64_t unit_id,
				  const questionnaire *q, date start,
				  date duties_start, const char *user,
				  int64_t *id);

/* The programme's tasks by phase, then entry order (*out: free() it). */
moat_status store_tasks(store *s, int64_t programme_id, plan_task **out,
			size_t *n);

/* Adds a task to a phase (due at its end). Audited. */
moat_status store_task_add(store *s, int64_t programme_id, int phase,
			   const char *title, const char *item_key,
			   const char *user, int64_t *id);

/* Replaces title, phase (and so the due date), owner, status, completion
 * date, note and linked checklist item ("" for none) of task t->id. A done
 * task without a completion date gets today's; a completion date after
 * today is refused (ST_INVALID). Audited per changed field. */
moat_status store_task_update(store *s, const plan_task *t, date today,
			      const char *user);

/* The same for an edit made from what a screen showed (*seen): only when
 * the stored task is still *seen; else ST_CONFLICT, nothing written. */
moat_status store_task_change(store *s, const plan_task *seen,
			      const plan_task *t, date today, const char *user);
moat_status store_task_delete(store *s, int64_t id, const char *user);

/* The unit's duties, by period then entry order (*out: free() it). */
moat_status store_duties(store *s, int64_t unit_id, duty **out, size_t *n);

/* Adds a duty to the unit from d's title, rule and checklist item (its
 * id, key and pause are ignored); its key is "user-" and its id, which
 * *id receives. ST_INVALID for a rule that is not rec_valid or a title
 * empty or over DUTY_TITLE_MAX characters. Audited. */
moat_status store_duty_add(store *s, int64_t unit_id, const duty *d,
			   const char *user, int64_t *id);

/* Replaces title, rule and checklist item of duty seen->id with d's, only
 * when the stored duty is still *seen (title, rule, item and pause; the
 * screen showed that); else ST_CONFLICT and nothing is written. What was
 * recorded stays: occurrences now off the schedule change nothing.
 * Audited per changed field. */
moat_status store_duty_change(store *s, const duty *seen, const duty *d,
			      const char *user);

/* Pauses duty seen->id from day on (paused true) or resumes it on day on
 * (false), only when the stored duty is still *seen, else ST_CONFLICT;
 * ST_INVALID when it already is paused, or is not. A resumed pause is
 * kept (when on is after its first day) so that what fell in it is never
 * owed. Audited. */
moat_status store_duty_set_paused(store *s, const duty *seen, bool paused,
				  date on, const char *user);

/* Removes duty seen->id with its history and pauses, only when the stored
 * duty is still *seen and has exactly n_events recorded occurrences (what
 * the user was told would go); else ST_CONFLICT, nothing removed. The
 * evidence its completions filed stays. Audited. */
moat_status store_duty_remove(store *s, const duty *seen, size_t n_events,
			      const char *user);

/* A duty's ended pauses, oldest first (*out: free() it; the current one
 * is the duty's paused_on). */
moat_status store_duty_pauses(store *s, int64_t duty_id, rec_pause **out,
			      size_t *n);

/* A duty's history, newest occurrence first (*out: free() it). Without
 * texts, each record's result, note and by are left empty: its dates,
 * kind and proof are what schedules and states need. */
moat_status store_duty_events(store *s, int64_t duty_id, bool texts,
			      duty_event **out, size_t *n);

/* Records that the occurrence due on ev->due of duty ev->duty_id was done
 * (or skipped: a reason in note is then required). With proof, that
 * evidence is filed in the same transaction and the record links to it
 * (not when its year is finalised). ST_EXISTS when that occurrence was
 * already resolved, so none is ever counted twice. */
moat_status store_duty_resolve(store *s, const duty_event *ev,
			       const evidence *proof, const char *user,
			       int64_t *id);

/* A number that changes when any connection commits to the file, so a
 * session notices other users' edits (PRAGMA data_version). */
moat_status store_data_version(store *s, int64_t *version);

/* Number of audit log entries (for tests and the audit screen). */
moat_status store_audit_count(store *s, int64_t *count);

/* What changed after audit entry `after` (0: from the start): the parts
 * the entries' kinds touched (change_parts, model/changes.h), OR-ed into
 * *parts, and the newest entry's id in *newest (`after` when there is none). Reads only
 * the entries after `after`. */
moat_status store_audit_changed_since(store *s, int64_t after,
				      unsigned *parts, int64_t *newest);

/* The id of the newest audit entry (0 for none), read from the end of
 * the log. */
moat_status store_audit_newest(store *s, int64_t *id);

typedef enum {
	AUDIT_INTACT,
	AUDIT_CHANGED,  /* entry at_id differs from what was sealed */
	AUDIT_UNSEALED, /* entry at_id carries no seal (added by hand) */
	AUDIT_GAP,      /* detail entries missing before at_id */
	AUDIT_TAIL,     /* the newest detail entries, up to at_id, are gone */
} audit_problem;

typedef struct {
	bool ok;
	audit_problem problem;
	int64_t at_id;   /* the first broken link */
	int64_t detail;  /* entries missing (AUDIT_GAP, AUDIT_TAIL) */
	int64_t entries; /* entries in the log */
	int64_t checked; /* entries whose seal was recomputed */
} audit_check;

/* Recomputes the audit log's hash chain: every entry when tail is 0, else
 * the newest tail entries and the remembered head (cheap enough for every
 * start, whatever the log's size; older damage shows in a full check).
 * Reports the first broken link in *out (entries: the count for a full
 * check, the newest id for a tail check); the status is about reading,
 * not about what was found. */
moat_status store_audit_verify(store *s, int64_t tail, audit_check *out);

#endif
