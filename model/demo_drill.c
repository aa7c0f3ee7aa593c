#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/bia_view.h"
#include "model/demo_drill.h"
#include "model/msg.h"
#include "model/store_drill.h"

static verify_time stamp(date day, int hour, int minute)
{
	verify_time t = {day, hour, minute};
	return t;
}

moat_status demo_drill_load(store *s, const questionnaire *q, int64_t unit_id,
			    int64_t assessment_id, date today, const char *user)
{
	static const struct {
		int hour, minute;
		msg_id text;
	} notes[] = {{10, 5, DEMO_DRILL_NOTE_DNS},
		     {10, 31, DEMO_DRILL_NOTE_REPLICA}};
	drill_system_name names[1];
	drill_record d;
	drill_finding f;
	bia_view v;
	int64_t id, note, task, rto;
	date day = date_add_days(today, -45);
	verify_time t;
	moat_status st;

	drill_record_init(&d);
	snprintf(d.type, sizeof d.type, "functional");
	snprintf(d.scenario, sizeof d.scenario, "%s",
		 q->drill.n_scenarios > 1 ? q->drill.scenarios[1].name : "");
	d.held_on = day;
	snprintf(d.participants, sizeof d.participants, "%s",
		 msg(DEMO_DRILL_PARTICIPANTS));
	snprintf(d.objectives, sizeof d.objectives, "%s",
		 msg(DEMO_DRILL_OBJECTIVES));
	d.checks[DRILL_RTO_MET] = DRILL_YES;
	d.checks[DRILL_RPO_MET] = DRILL_YES;
	d.checks[DRILL_SWITCHOVER_OK] = DRILL_YES;
	d.checks[DRILL_DATA_COMPLETE] = DRILL_NO;
	d.checks[DRILL_FUNCTIONS_OK] = DRILL_YES;
	d.checks[DRILL_RESPONSE_IN_TIME] = DRILL_YES;
	d.checks[DRILL_TEAMS_COORDINATED] = DRILL_NO;
	d.checks[DRILL_KEY_PEOPLE] = DRILL_YES;
	d.checks[DRILL_PLAN_COMPLETE] = DRILL_YES;
	d.complaints = 0;
	d.loss = 0;
	snprintf(names[0], sizeof names[0], "%s", msg(DEMO_BIA_S_SERVICE));
	if ((st = store_drill_save(s, unit_id, &q->drill, &d, user, &id)) ||
	    (st = store_drill_systems_set(s, id, names, 1, user)) ||
	    (st = bia_view_load(s, assessment_id, &q->bia, today, &v)))
		return st;
	rto = drill_scope_rto(&v, names, 1);
	bia_view_free(&v);
	t = stamp(day, 10, 2);
	st = store_drill_mark(s, unit_id, assessment_id, id, DRILL_DECLARED, &t,
			      &rto, 1, user, NULL);
	for (size_t i = 0; !st && i < sizeof notes / sizeof *notes; i++) {
		t = stamp(day, notes[i].hour, notes[i].minute);
		st = store_drill_note_add(s, id, &t, msg(notes[i].text), user,
					  &note);
		if (!st && i == 0) {
			t = stamp(day, 10, 9);
			st = store_drill_mark(s, unit_id, assessment_id, id,
					      DRILL_RECOVERY, &t, &rto, 1, user,
					      NULL);
		}
	}
	t = stamp(day, 10, 56);
	if (st || (st = store_drill_mark(s, unit_id, assessment_id, id,
					 DRILL_RESTORED, &t, &rto, 1, user,
					 NULL)))
		return st;
	memset(&f, 0, sizeof f);
	f.drill_id = id;
	snprintf(f.text, sizeof f.text, "%s", msg(DEMO_DRILL_FINDING));
	f.severity = DRILL_HIGH;
	snprintf(f.owner, sizeof f.owner, "wang");
	f.due = date_add_days(today, 20);
	return store_drill_finding_add(s, &f, day, user, &id, &task);
}
