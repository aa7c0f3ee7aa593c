#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/demo_contingency.h"
#include "model/msg.h"
#include "model/recurrence.h"
#include "model/store_contingency.h"

typedef struct {
	msg_id title, detail, role;
	int64_t minutes;
} demo_step;

static moat_status add_plan(store *s, int64_t unit_id, msg_id system,
			    msg_id scenario, int64_t outage, msg_id trigger,
			    msg_id simplified, msg_id notice, int64_t backentry,
			    const demo_step *steps, size_t n, const char *user,
			    int64_t *plan_id, int64_t *step_ids)
{
	cont_plan p;
	moat_status st;

	memset(&p, 0, sizeof p);
	snprintf(p.system, sizeof p.system, "%s", msg(system));
	snprintf(p.scenario, sizeof p.scenario, "%s", msg(scenario));
	snprintf(p.trigger, sizeof p.trigger, "%s", msg(trigger));
	if (simplified != MSG__COUNT)
		snprintf(p.simplified, sizeof p.simplified, "%s", msg(simplified));
	if (notice != MSG__COUNT)
		snprintf(p.notice, sizeof p.notice, "%s", msg(notice));
	p.outage = outage;
	p.backentry = backentry;
	st = store_cont_save(s, unit_id, &p, user, plan_id);
	for (size_t i = 0; !st && i < n; i++) {
		cont_step c;
		memset(&c, 0, sizeof c);
		snprintf(c.title, sizeof c.title, "%s", msg(steps[i].title));
		if (steps[i].detail != MSG__COUNT)
			snprintf(c.detail, sizeof c.detail, "%s", msg(steps[i].detail));
		snprintf(c.role, sizeof c.role, "%s", msg(steps[i].role));
		c.minutes = steps[i].minutes;
		st = store_cont_step_save(s, *plan_id, &c, user, &step_ids[i]);
	}
	return st;
}

moat_status demo_contingency_load(store *s, int64_t unit_id, date today,
				  const char *user)
{
	/* As approved a year ago: 15 minutes for the paper registration,
	 * no compensation offered yet. */
	static const demo_step service[] = {
		{DEMO_CONT_S_STEP1, DEMO_CONT_S_STEP1_DETAIL, DEMO_CONT_ROLE_MANAGER, 15},
		{DEMO_CONT_S_STEP2, DEMO_CONT_S_SIMPLIFIED, DEMO_CONT_ROLE_MANAGER,
		 CONT_NONE},
		{DEMO_CONT_S_STEP3, DEMO_CONT_S_STEP3_DETAIL, DEMO_CONT_ROLE_ADVISOR,
		 CONT_NONE},
		{DEMO_CONT_S_STEP4, DEMO_CONT_S_STEP4_DETAIL, DEMO_CONT_ROLE_ADVISOR, 240},
	};
	static const demo_step rescue[] = {
		{DEMO_CONT_R_STEP1, DEMO_CONT_R_STEP1_DETAIL,
		 DEMO_CONT_ROLE_DISPATCH_LEAD, 5},
		{DEMO_CONT_R_STEP2, DEMO_CONT_R_STEP2_DETAIL, DEMO_CONT_ROLE_DISPATCHER,
		 CONT_NONE},
		{DEMO_CONT_R_STEP3, DEMO_CONT_R_STEP3_DETAIL, DEMO_CONT_ROLE_CENTRE,
		 CONT_NONE},
	};
	int64_t plan, ids[4], version, id;
	cont_step c;
	moat_status st;

	st = add_plan(s, unit_id, DEMO_BIA_S_SERVICE, DEMO_CONT_S_SCENARIO, 120,
		      DEMO_CONT_S_TRIGGER, DEMO_CONT_S_SIMPLIFIED, DEMO_CONT_S_NOTICE,
		      240, service, 4, user, &plan, ids);
	if (!st)
		st = store_cont_approve(s, plan, msg(DEMO_CONT_APPROVER),
					date_add_days(today, -400), today, user,
					&version);
	if (!st) {
		/* Changed since: the document's 10 minutes, and the voucher. */
		memset(&c, 0, sizeof c);
		c.id = ids[0];
		snprintf(c.title, sizeof c.title, "%s", msg(DEMO_CONT_S_STEP1));
		snprintf(c.detail, sizeof c.detail, "%s", msg(DEMO_CONT_S_STEP1_DETAIL));
		snprintf(c.role, sizeof c.role, "%s", msg(DEMO_CONT_ROLE_MANAGER));
		c.minutes = 10;
		st = store_cont_step_save(s, plan, &c, user, &id);
	}
	if (!st) {
		c.id = ids[2];
		snprintf(c.title, sizeof c.title, "%s", msg(DEMO_CONT_S_STEP3));
		snprintf(c.detail, sizeof c.detail, "%s\n%s",
			 msg(DEMO_CONT_S_STEP3_DETAIL), msg(DEMO_CONT_S_STEP3_MORE));
		snprintf(c.role, sizeof c.role, "%s", msg(DEMO_CONT_ROLE_ADVISOR));
		c.minutes = CONT_NONE;
		st = store_cont_step_save(s, plan, &c, user, &id);
	}
	if (!st)
		st = add_plan(s, unit_id, DEMO_BIA_S_RESCUE, DEMO_CONT_R_SCENARIO,
			      CONT_NONE, DEMO_CONT_R_TRIGGER, DEMO_CONT_R_STEP2_DETAIL,
			      MSG__COUNT, CONT_NONE, rescue, 3, user, &plan, ids);
	if (!st)
		st = store_cont_approve(s, plan, msg(DEMO_CONT_APPROVER),
					date_add_days(today, -60), today, user,
					&version);
	return st;
}
