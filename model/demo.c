#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/calc.h"
#include "model/demo.h"
#include "model/demo_contingency.h"
#include "model/demo_response.h"
#include "model/demo_bia.h"
#include "model/demo_drill.h"
#include "model/demo_verify.h"
#include "model/msg.h"
#include "model/report.h"

/* The demo: last year's assessment, finalised at level 1, and this year's
 * draft started from it, at level 2 with the DR site, restore testing and
 * an expired restore report between it and level 3. */

typedef struct {
	const char *item;
	item_state state;
} demo_state;

static const demo_state last_year_states[] = {
	{"bia", ITEM_DONE},
	{"rto_rpo", ITEM_IN_PROGRESS},
	{"backup_321", ITEM_DONE},
	{"restore_test", ITEM_IN_PROGRESS},
	{"emergency_plan", ITEM_IN_PROGRESS},
	{"team", ITEM_IN_PROGRESS},
	{"monitoring", ITEM_DONE},
	{NULL, 0},
};

static const demo_state this_year_states[] = {
	{"rto_rpo", ITEM_DONE},
	{"dr_site", ITEM_IN_PROGRESS},
	{"emergency_plan", ITEM_DONE},
	{"drills", ITEM_IN_PROGRESS},
	{"team", ITEM_DONE},
	{NULL, 0},
};

typedef struct {
	const char *item;
	msg_id body;
	const char *reference;
	const char *owner;
	int days_ago;
} demo_evidence;

/* Evidence still valid a year on is carried into this year. */
static const demo_evidence last_year_evidence[] = {
	{"bia", DEMO_EV_BIA_V1, "docs/bcm/bia-report-v1.pdf", "liwei", 400},
	{"backup_321", DEMO_EV_BACKUP, "ops/backup-policy.md", "wang", 300},
	{"restore_test", DEMO_EV_RESTORE_OLD, "OPS-3120", "wang", 395},
	{"monitoring", DEMO_EV_MONITORING, "ops/oncall-rota.xlsx", "zhao", 380},
	{"team", DEMO_EV_TEAM, "HR-TRAIN-0317", "liwei", 350},
	{NULL, 0, NULL, NULL, 0},
};

static const demo_evidence this_year_evidence[] = {
	{"bia", DEMO_EV_BIA, "docs/bcm/bia-report-v2.pdf", "liwei", 62},
	{"rto_rpo", DEMO_EV_RTO, "BCM-RTO-001", "zhao", 55},
	{"dr_site", DEMO_EV_DR_SITE, "PROC-DR-2026-07", "wang", 20},
	{"restore_test", DEMO_EV_RESTORE_OLD, "OPS-3120", "wang", 395},
	{"emergency_plan", DEMO_EV_PLAN, "docs/bcm/response-card.pdf", "liwei", 30},
	{NULL, 0, NULL, NULL, 0},
};

static moat_status set_states(store *s, const questionnaire *q, int64_t aid,
			      const demo_state *v, const char *user)
{
	moat_status st = ST_OK;
	for (; v->item && !st; v++)
		if (questionnaire_item_index(q, v->item) >= 0)
			st = store_state_set(s, aid, v->item, v->state, user);
	return st;
}

static moat_status add_evidence(store *s, int64_t aid, date today,
				const demo_evidence *v, const char *user)
{
	moat_status st = ST_OK;
	for (; v->item && !st; v++) {
		char day[16];
		evidence e = {0};
		int64_t id;

		date_format(date_from_days(date_to_days(today) - v->days_ago), day,
			    sizeof day);
		e.assessment_id = aid;
		e.target = (char *)v->item;
		e.body = (char *)msg(v->body);
		e.reference = (char *)v->reference;
		e.owner = (char *)v->owner;
		e.evidence_date = day;
		e.valid_months = EVIDENCE_DEFAULT_MONTHS;
		st = store_evidence_add(s, &e, user, &id);
	}
	return st;
}

/* Task progress at day 37: phase 1 all but the budget done, phase 2 under
 * way. */
static const struct {
	const char *key;
	task_status status;
	const char *owner;
	int done_days_ago;
} demo_tasks[] = {
	{"p1.bia", TASK_DONE, "liwei", 30},
	{"p1.rto_rpo", TASK_DONE, "zhao", 26},
	{"p1.assess", TASK_DONE, "wang", 20},
	{"p1.design", TASK_DONE, "wang", 10},
	{"p1.budget", TASK_IN_PROGRESS, "liwei", 0},
	{"p2.backup", TASK_DONE, "wang", 3},
	{"p2.dr_site", TASK_IN_PROGRESS, "wang", 0},
	{"p2.plans", TASK_IN_PROGRESS, "liwei", 0},
	{"p2.team", TASK_NOT_STARTED, "liwei", 0},
	{NULL, 0, NULL, 0},
};

/* Resolves every past occurrence of the demo's duties except the last
 * restore test, which stays overdue, and one skipped functional drill. */
static moat_status demo_history(store *s, int64_t unit_id, date today,
				const char *user)
{
	duty *duties;
	size_t n;
	moat_status st = store_duties(s, unit_id, &duties, &n);
	rec_occurrence occ[64];

	for (size_t d = 0; !st && d < n; d++) {
		const duty *du = &duties[d];
		date last = {0, 0, 0};
		size_t k = rec_open(&du->rule, NULL, 0, NULL, today, occ, 64);
		bool restore = strcmp(du->key, "d.restore_test") == 0;
		bool drill = strcmp(du->key, "d.functional_drill") == 0;

		if (du->rule.anchor == REC_ANCHOR_COMPLETION) {
			/* Done once, a few days after it was due. */
			duty_event ev = {0};
			int64_t id;
			ev.duty_id = du->id;
			ev.due = occ[0].due;
			ev.on = date_add_days(occ[0].due, 5);
			if (date_cmp(ev.on, today) > 0)
				continue;
			snprintf(ev.result, sizeof ev.result, "%s", msg(DEMO_DUTY_PASS));
			st = store_duty_resolve(s, &ev, NULL, user, &id);
			continue;
		}
		for (size_t i = 0; !st && i < k && i < 64; i++) {
			duty_event ev = {0};
			int64_t id;
			if (!occ[i].overdue)
				break;
			if (restore && i + 1 < k && !occ[i + 1].overdue)
				break; /* the latest restore test was missed */
			ev.duty_id = du->id;
			ev.due = occ[i].due;
			ev.on = occ[i].due;
			if (drill && i == 1) {
				ev.skipped = true;
				snprintf(ev.note, sizeof ev.note, "%s",
					 msg(DEMO_DUTY_SKIP_REASON));
			} else {
				snprintf(ev.result, sizeof ev.result, "%s",
					 msg(DEMO_DUTY_PASS));
			}
			st = store_duty_resolve(s, &ev, NULL, user, &id);
			last = ev.on;
		}
		(void)last;
	}
	free(duties);
	return st;
}

static moat_status demo_programme(store *s, const questionnaire *q,
				  int64_t unit_id, date today, const char *user)
{
	date start = date_add_days(today, -36);
	date duties_start = date_add_months((date){today.y, today.m, 1}, -5);
	int64_t pid;
	plan_task *tasks;
	size_t n;
	moat_status st = store_programme_start(s, unit_id, q, start, duties_start,
					       user, &pid);

	if (st || (st = store_tasks(s, pid, &tasks, &n)))
		return st;
	for (size_t i = 0; i < n && !st; i++)
		for (size_t k = 0; demo_tasks[k].key; k++) {
			plan_task t = tasks[i];
			if (strcmp(t.key, demo_tasks[k].key) != 0)
				continue;
			t.status = demo_tasks[k].status;
			snprintf(t.owner, sizeof t.owner, "%s", demo_tasks[k].owner);
			if (t.status == TASK_DONE)
				t.done_on = date_add_days(today, -demo_tasks[k].done_days_ago);
			st = store_task_update(s, &t, today, user);
		}
	free(tasks);
	return st ? st : demo_history(s, unit_id, today, user);
}

moat_status demo_load(store *s, const questionnaire *q, date today,
		      const char *user, int64_t *assessment_id)
{
	int64_t unit_id, last;
	bool empty = false;
	moat_status st;

	if ((st = store_is_empty(s, &empty)))
		return st;
	if (!empty)
		return ST_EXISTS;
	if ((st = store_unit_create(s, msg(DEMO_UNIT_NAME), user, &unit_id)) ||
	    (st = store_assessment_create(s, unit_id, today.y - 1, user, &last)) ||
	    (st = set_states(s, q, last, last_year_states, user)) ||
	    (st = add_evidence(s, last, today, last_year_evidence, user)) ||
	    (st = demo_bia_load(s, last, user)) ||
	    (st = report_finalise(s, q, last, today, user)) ||
	    (st = store_assessment_start_next(s, last, today, user,
					      assessment_id)) ||
	    (st = set_states(s, q, *assessment_id, this_year_states, user)) ||
	    (st = add_evidence(s, *assessment_id, today, this_year_evidence, user)) ||
	    (st = calc_load_document_figures(s, unit_id, user)) ||
	    (st = demo_drill_load(s, q, unit_id, *assessment_id, today, user)) ||
	    (st = demo_programme(s, q, unit_id, today, user)) ||
	    (st = demo_verify_load(s, unit_id, *assessment_id, user)) ||
	    (st = demo_response_load(s, unit_id, today, user)) ||
	    (st = demo_contingency_load(s, unit_id, today, user)))
		return st;
	return store_set_default_current(s, *assessment_id);
}
