#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/demo.h"
#include "model/msg.h"

typedef struct {
	const char *item;
	item_state state;
} demo_state;

/* Level 2 reached; the DR site and restore testing block level 3. */
static const demo_state demo_states[] = {
	{"bia", ITEM_DONE},
	{"rto_rpo", ITEM_DONE},
	{"dr_site", ITEM_IN_PROGRESS},
	{"backup_321", ITEM_DONE},
	{"restore_test", ITEM_IN_PROGRESS},
	{"emergency_plan", ITEM_DONE},
	{"contingency", ITEM_NOT_STARTED},
	{"drills", ITEM_IN_PROGRESS},
	{"team", ITEM_DONE},
	{"monitoring", ITEM_DONE},
};

typedef struct {
	const char *item;
	msg_id body;
	const char *reference;
	const char *owner;
	int days_ago;
} demo_evidence;

static const demo_evidence demo_evidence_list[] = {
	{"bia", DEMO_EV_BIA, "docs/bcm/bia-report-v2.pdf", "liwei", 62},
	{"rto_rpo", DEMO_EV_RTO, "BCM-RTO-001", "zhao", 55},
	{"backup_321", DEMO_EV_BACKUP, "ops/backup-policy.md", "wang", 40},
	{"restore_test", DEMO_EV_RESTORE, "OPS-4711", "wang", 12},
	{"emergency_plan", DEMO_EV_PLAN, "docs/bcm/response-card.pdf", "liwei", 30},
	{"team", DEMO_EV_TEAM, "HR-TRAIN-2026-03", "liwei", 90},
};

moat_status demo_load(store *s, const questionnaire *q, date today,
		      const char *user, int64_t *assessment_id)
{
	int64_t unit_id;
	bool empty = false;
	moat_status st;

	if ((st = store_is_empty(s, &empty)))
		return st;
	if (!empty)
		return ST_EXISTS;
	if ((st = store_unit_create(s, msg(DEMO_UNIT_NAME), user, &unit_id)) ||
	    (st = store_assessment_create(s, unit_id, today.y, user,
					  assessment_id)))
		return st;
	for (size_t i = 0; i < sizeof demo_states / sizeof demo_states[0]; i++) {
		if (questionnaire_item_index(q, demo_states[i].item) < 0)
			continue;
		st = store_state_set(s, *assessment_id, demo_states[i].item,
				     demo_states[i].state, user);
		if (st)
			return st;
	}
	for (size_t i = 0;
	     i < sizeof demo_evidence_list / sizeof demo_evidence_list[0]; i++) {
		const demo_evidence *d = &demo_evidence_list[i];
		char day[16];
		evidence e = {0};
		int64_t id;

		date_format(date_from_days(date_to_days(today) - d->days_ago), day,
			    sizeof day);
		e.assessment_id = *assessment_id;
		e.target = (char *)d->item;
		e.body = (char *)msg(d->body);
		e.reference = (char *)d->reference;
		e.owner = (char *)d->owner;
		e.evidence_date = day;
		e.valid_months = 12;
		if ((st = store_evidence_add(s, &e, user, &id)))
			return st;
	}
	return store_set_current(s, *assessment_id);
}
