/* Backups and the proof that they restore (§3.3): a system's backup plan
 * and copies, the 3-2-1 check, the backup interval against the system's
 * RPO, the verification ledger's entries judged against the RTO and RPO,
 * and how fresh a system's last proof is. Pure: plain structs in,
 * results out. Minutes are whole; BIA_UNSET (model/bia.h) is "not given".
 * Words come from model/verify_text.h. */
#ifndef MOAT_VERIFY_H
#define MOAT_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/bia.h"
#include "model/date.h"
#include "model/text.h"

#define VERIFY_SCHEDULE_MAX 60  /* characters of a schedule's words */
#define VERIFY_LOCATION_MAX 80  /* characters of where a copy lives */
#define VERIFY_NOTE_MAX 500     /* characters of a ledger note */
#define VERIFY_LINK_MAX 300     /* characters of a link to a file or ticket */
#define VERIFY_MAX_COPIES 16    /* copies of one system's backups */

/* The unit setting of the days after which a system's last restore test
 * is stale (a monthly test with a few days' slack). */
#define VERIFY_PARAM_STALE_DAYS "verify_stale_days"
#define VERIFY_DEFAULT_STALE_DAYS 35

/* ---- Backup plan and copies ---- */

typedef enum {
	MEDIUM_LOCAL_DISK,
	MEDIUM_NAS,
	MEDIUM_TAPE,
	MEDIUM_CLOUD,
	MEDIUM_OPTICAL,
	MEDIUM_OTHER,
} backup_medium;

#define BACKUP_MEDIA 6

/* Spelling in the store ("local_disk", "nas", "tape", "cloud", "optical",
 * "other"); NULL outside the enum. */
const char *backup_medium_key(backup_medium m);
bool backup_parse_medium(const char *s, backup_medium *out);

typedef struct {
	int64_t id;
	char location[TEXT_BYTES(VERIFY_LOCATION_MAX)];
	backup_medium medium;
	bool offsite;
} backup_copy;

/* How a system is backed up. The schedules are the manager's words
 * ("每周日", "every day at 02:00"); the intervals the minutes between
 * two runs, which the RPO check uses (BIA_UNSET: none). */
typedef struct {
	char full_schedule[TEXT_BYTES(VERIFY_SCHEDULE_MAX)];
	int64_t full_every;
	char incr_schedule[TEXT_BYTES(VERIFY_SCHEDULE_MAX)];
	int64_t incr_every;
	bool realtime; /* real-time sync of its data */
	char retention[TEXT_BYTES(VERIFY_SCHEDULE_MAX)]; /* "3个月", "7年" */
	int64_t retention_days; /* BIA_UNSET when not given */
} backup_plan;

/* ---- 3-2-1 (§3.3): 3 copies counting production, so 2 backups; 2
 * kinds of media among the backups; 1 backup off site. ---- */

#define B321_COPIES 1u  /* fewer than 2 backup copies */
#define B321_MEDIA 2u   /* the backups on fewer than 2 kinds of medium */
#define B321_OFFSITE 4u /* no backup off site */

typedef struct {
	size_t copies;   /* counting production: backups + 1 */
	size_t media;    /* distinct media among the backups */
	size_t offsite;  /* backups off site */
	unsigned missing; /* B321_ bits; 0 when the rule is met */
	backup_medium only; /* the one medium, when media is 1 */
} backup_321;

void backup_check_321(const backup_copy *copies, size_t n, backup_321 *out);

/* ---- The interval against the RPO ---- */

typedef enum {
	INTERVAL_MEETS,    /* worst-case loss <= RPO, or real-time sync */
	INTERVAL_TOO_LONG, /* the shortest interval is longer than the RPO */
	INTERVAL_NO_PLAN,  /* neither an interval nor real-time sync */
	INTERVAL_NO_RPO,   /* the system has no RPO to judge by */
} interval_verdict;

/* The worst-case data loss of plan p: 0 with real-time sync, else the
 * shortest of its intervals (BIA_UNSET when it has none). Rule: a backup
 * every N minutes loses up to N minutes of data, so it gives an RPO of N
 * at best (an incremental every 24 h cannot give an RPO of 4 h). */
int64_t backup_worst_loss(const backup_plan *p);
interval_verdict backup_check_interval(const backup_plan *p, int64_t rpo);

/* ---- The verification ledger ---- */

/* An incident's entry is the real recovery of a closed incident
 * (model/store_incident.h): written when it closes, never recorded by
 * hand, so the kinds a person records are the first VERIFY_RECORD_KINDS. */
typedef enum {
	VERIFY_CHECK,
	VERIFY_RESTORE,
	VERIFY_DRILL,
	VERIFY_INCIDENT,
} verify_kind;
typedef enum { VERIFY_PASS, VERIFY_FAIL, VERIFY_PARTIAL } verify_result;

#define VERIFY_KINDS 4
#define VERIFY_RECORD_KINDS 3
#define VERIFY_RESULTS 3

/* "check", "restore", "drill", "incident"; "pass", "fail", "partial";
 * NULL outside. */
const char *verify_kind_key(verify_kind k);
bool verify_parse_kind(const char *s, verify_kind *out);
const char *verify_result_key(verify_result r);
bool verify_parse_result(const char *s, verify_result *out);

/* A local wall time as typed and stored, "YYYY-MM-DD HH:MM". */
typedef struct {
	date day;
	int hour, minute;
} verify_time;

/* Parses "YYYY-MM-DD HH:MM" (or "YYYY-MM-DDTHH:MM", or a bare date,
 * taken as 00:00); false for anything else or a time out of range. */
bool verify_parse_time(const char *s, verify_time *out);
void verify_format_time(const verify_time *t, char *out, size_t len);
/* Minutes from a to b; false when b is before a or the span is over
 * BIA_MAX_MINUTES. */
bool verify_minutes_between(const verify_time *a, const verify_time *b,
			    int64_t *minutes);
int verify_time_cmp(const verify_time *a, const verify_time *b);
/* t plus minutes (not negative), across days and months. */
verify_time verify_time_add(const verify_time *t, int64_t minutes);

typedef struct {
	int64_t id;
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	verify_kind kind;
	verify_result result;
	verify_time started;
	bool has_ended;
	verify_time ended;
	int64_t rta;        /* measured recovery time, minutes; BIA_UNSET */
	int64_t rpa;        /* the age of the data restored, minutes; BIA_UNSET */
	int completeness;   /* tenths of a percent, 0..1000; -1 not given */
	char note[TEXT_BYTES(VERIFY_NOTE_MAX)];
	char link[TEXT_BYTES(VERIFY_LINK_MAX)];
	char by[64];
	int64_t duty_event_id; /* the duty occurrence it completed; 0 none */
	int64_t drill_id;      /* the drill it came from; 0 none */
	int64_t incident_id;   /* the incident it measured; 0 none */
} verify_entry;

/* Checks what a ledger entry needs before it is stored: a system name,
 * the end not before the start, minutes and completeness in range, texts
 * within their limits. ST_OK or ST_INVALID with why. */
typedef enum {
	VERIFY_OK,
	VERIFY_NO_SYSTEM,
	VERIFY_END_BEFORE_START,
	VERIFY_MINUTES_RANGE,
	VERIFY_COMPLETENESS_RANGE,
	VERIFY_TOO_LONG,
} verify_problem;

verify_problem verify_check_entry(const verify_entry *e);

/* One figure measured against its target. */
typedef enum {
	TARGET_MET,     /* measured <= target */
	TARGET_MISSED,  /* measured > target: by is how much */
	TARGET_NO_MEASURE,
	TARGET_NO_TARGET,
} target_verdict;

typedef struct {
	target_verdict verdict;
	int64_t by; /* minutes over the target, when missed */
} target_judgement;

/* RTA against the RTO, RPA against the RPO: met when not over. */
target_judgement verify_judge(int64_t measured, int64_t target);

/* ---- Freshness of a system's proof ---- */

typedef enum {
	FRESH_NEVER,   /* never restore-tested */
	FRESH_OK,      /* last restore test passed within the threshold */
	FRESH_STALE,   /* last passed, but longer ago than the threshold */
	FRESH_FAILED,  /* the last restore test failed or was partial */
} freshness_state;

typedef struct {
	freshness_state state;
	long days;              /* since the last restore test, when any */
	const verify_entry *last; /* that test (into the entries given) */
} freshness;

/* Where a system stands on today: its restore tests, drills and real
 * recoveries (kind restore, drill or incident) among entries (any order, any systems: others are
 * skipped by name), the newest by start time. Stale when more than
 * stale_days days have passed since it (not at exactly stale_days). */
void verify_freshness(const verify_entry *entries, size_t n,
		      const char *system, date today, int stale_days,
		      freshness *out);

/* Whether a system "stands out": never tested, stale, or its last test
 * failed. */
bool verify_stands_out(const freshness *f);

#endif
