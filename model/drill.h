/* Emergency drills (§4.4): the drill types and scenarios as loaded from
 * questionnaires/LANG/drill.yaml (model/drill_table.h), a drill as
 * recorded, its evaluation sheet, the times the stopwatch measured judged
 * against the systems' RTO, and its findings. Pure: plain structs in,
 * results out. Minutes are whole; BIA_UNSET is "not given". */
#ifndef MOAT_DRILL_H
#define MOAT_DRILL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/bia.h"
#include "model/bia_view.h"
#include "model/date.h"
#include "model/drill_table.h"
#include "model/programme.h"
#include "model/text.h"
#include "model/verify.h"

#define DRILL_SCENARIO_MAX 100  /* characters of a scenario's name */
#define DRILL_TEXT_MAX 500      /* participants, objectives, a trigger */
#define DRILL_NOTE_MAX 300      /* characters of a stopwatch note */
#define DRILL_FINDING_MAX TASK_TITLE_MAX /* it becomes a task's title */
#define DRILL_MAX_SYSTEMS 32    /* systems in the scope of one drill */

/* The key of the full-scale drill: its ledger entries complete the yearly
 * full DR drill duty (VERIFY_DUTY_DRILL); the others' complete none. */
#define DRILL_TYPE_FULL "full"

typedef char drill_system_name[TEXT_BYTES(BIA_NAME_MAX)];

/* The RTO required of the system named in v (the year's analysis):
 * BIA_UNSET when v has no such system or it needs none. */
int64_t drill_system_rto(const bia_view *v, const char *name);

/* The strictest RTO among the n systems named: what the drill as a whole
 * is judged by (BIA_UNSET when none of them has one). */
int64_t drill_scope_rto(const bia_view *v, const drill_system_name *names,
			size_t n);

/* ---- The evaluation sheet (§4.4 演练评估标准) ---- */

typedef enum {
	/* technical */
	DRILL_RTO_MET,
	DRILL_RPO_MET,
	DRILL_SWITCHOVER_OK,
	DRILL_DATA_COMPLETE,
	DRILL_FUNCTIONS_OK,
	/* process */
	DRILL_RESPONSE_IN_TIME,
	DRILL_TEAMS_COORDINATED,
	DRILL_KEY_PEOPLE,
	DRILL_PLAN_COMPLETE,
} drill_check;

#define DRILL_CHECKS 9
#define DRILL_TECH_CHECKS 5 /* the first five; the rest are process */

/* The store's column of a check ("rto_met" ... "plan_complete"). */
const char *drill_check_column(drill_check c);
bool drill_check_is_technical(drill_check c);

/* The answer to one check. */
#define DRILL_UNSET (-1)
#define DRILL_NO 0
#define DRILL_YES 1

/* unset -> yes -> no -> unset: the one key that answers a check. */
int drill_check_next(int v);

/* What the stopwatch stamps. */
typedef enum { DRILL_DECLARED, DRILL_RECOVERY, DRILL_RESTORED } drill_mark;
#define DRILL_MARKS 3
const char *drill_mark_column(drill_mark m); /* "declared_at"... */

typedef struct {
	int64_t id;
	char type[DRILL_KEY_MAX];
	char scenario[TEXT_BYTES(DRILL_SCENARIO_MAX)];
	date held_on;
	char participants[TEXT_BYTES(DRILL_TEXT_MAX)]; /* with their roles */
	char objectives[TEXT_BYTES(DRILL_TEXT_MAX)];
	int checks[DRILL_CHECKS];  /* DRILL_UNSET, DRILL_NO, DRILL_YES */
	int64_t interruption;      /* minutes of business interruption */
	int64_t complaints;        /* customer complaints */
	int64_t loss;              /* financial loss in hundredths */
	bool marked[DRILL_MARKS];  /* by drill_mark */
	verify_time at[DRILL_MARKS];
	char by[64];
} drill_record;

/* A record with nothing answered (checks unset, figures BIA_UNSET). */
void drill_record_init(drill_record *d);

typedef struct {
	size_t passed, failed, unset;         /* of all nine checks */
	size_t tech_passed, tech_failed;      /* of the technical five */
	size_t proc_passed, proc_failed;      /* of the process four */
	unsigned failed_bits;                 /* 1u << drill_check */
} drill_summary;

void drill_summarise(const drill_record *d, drill_summary *out);

/* The times the marks measure, BIA_UNSET where a mark is missing or a
 * later mark comes before an earlier one:
 *   response     declared -> recovery started
 *   rta          recovery started -> restored (the recovery time actual)
 *   interruption declared -> restored */
typedef struct {
	int64_t response;
	int64_t rta;
	int64_t interruption;
} drill_times;

void drill_measure(const drill_record *d, drill_times *out);

/* What is wrong with the marks for restoring service at `at`: a mark
 * stamped twice is refused by the caller; here, restored needs recovery
 * started (which needs the declaration), and no mark before the one it
 * follows. */
typedef enum {
	DRILL_MARK_OK,
	DRILL_MARK_TWICE,       /* that mark is stamped already */
	DRILL_MARK_OUT_OF_ORDER, /* the mark it follows is missing */
	DRILL_MARK_BEFORE,      /* earlier than the mark it follows */
} drill_mark_problem;

drill_mark_problem drill_check_mark(const drill_record *d, drill_mark m,
				    const verify_time *at);

/* ---- Findings ---- */

typedef struct {
	int64_t id;
	int64_t drill_id;
	char text[TEXT_BYTES(DRILL_FINDING_MAX)];
	drill_grade severity;
	char owner[TEXT_BYTES(TASK_OWNER_MAX)];
	date due;            /* y == 0 when none */
	bool done;           /* its own state (status 'done') */
	int64_t task_id;     /* the programme task it became; 0 none */
	int task_status;     /* that task's task_status; -1 without one */
	/* filled by the lists of all drills' findings */
	date held_on;
	char drill_type[DRILL_KEY_MAX];
} drill_finding;

/* A finding is closed when it is marked done or its task is done. */
bool drill_finding_open(const drill_finding *f);
size_t drill_findings_open(const drill_finding *f, size_t n);

/* Whether a finding is overdue on today: open and past its due date. */
bool drill_finding_overdue(const drill_finding *f, date today);

/* The phase of the 90-day programme a finding recorded on today becomes
 * a task in: the phase it falls in (1..3), phase 1 before the programme
 * starts; 0 when there is no programme or it is over (after day 90: the
 * finding stays on the unit's improvement list, the open findings of
 * every drill). */
int drill_finding_phase(bool has_programme, date start, date today);

#endif
