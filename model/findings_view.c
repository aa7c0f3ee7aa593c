#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/contingency_findings.h"
#include "model/findings_view.h"
#include "model/store_contingency.h"
#include "model/response_findings.h"
#include "model/store_drill.h"
#include "model/store_response.h"

/* Item 7: the plans against the systems the analysis calls critical. */
static moat_status add_contingency(store *s, int64_t unit_id,
				   const bia_view *bia, date today,
				   findings_set *out)
{
	cont_find_input in;
	cont_summary *plans = NULL;
	const char **critical = NULL;
	item_findings f;
	moat_status st;

	memset(&in, 0, sizeof in);
	in.today = today;
	if ((st = store_cont_summaries(s, unit_id, &plans, &in.n_plans)))
		return st;
	in.plans = plans;
	if (bia && bia->d.n_systems &&
	    !(critical = calloc(bia->d.n_systems, sizeof *critical))) {
		free(plans);
		return ST_NOMEM;
	}
	for (size_t i = 0; bia && i < bia->d.n_systems; i++)
		if (bia_view_critical_system(bia, i))
			critical[in.n_critical++] = bia->d.systems[i].name;
	in.critical = critical;
	cont_checklist_findings(&in, &f);
	findings_set_add(out, &f);
	free(critical);
	free(plans);
	return ST_OK;
}

moat_status findings_view_load(store *s, const questionnaire *q,
			       int64_t unit_id, const bia_view *bia, date today,
			       const char *user, findings_set *out)
{
	resp_find_input in;
	resp_contact *contacts = NULL;
	drill_row *drills = NULL;
	size_t n_drills = 0;
	card_print last;
	item_findings plan, team;
	moat_status st;

	memset(out, 0, sizeof *out);
	for (int i = 0; bia && i < BIA_FIND_ITEMS; i++)
		findings_set_add(out, &bia->findings[i]);
	memset(&in, 0, sizeof in);
	in.r = &q->response;
	in.today = today;
	if ((st = store_contacts(s, unit_id, &contacts, &in.n_contacts)) ||
	    (st = store_confirm_days(s, unit_id, &in.confirm_days)) ||
	    (st = store_card_sync(s, unit_id, &q->response, user, &in.version)) ||
	    (st = store_card_last_print(s, unit_id, &last, &in.printed)) ||
	    (st = store_drills(s, unit_id, &drills, &n_drills)))
		goto out;
	in.contacts = contacts;
	if (in.printed) {
		in.printed_version = last.version;
		in.printed_on = last.printed;
	}
	/* The latest held comes first. */
	if (n_drills) {
		const drill_type *t = drill_reference_type(&q->drill,
							   drills[0].d.type);
		in.last_drill = &drills[0].d;
		in.last_drill_type = t ? t->name : drills[0].d.type;
	}
	resp_checklist_findings(&in, &plan, &team);
	findings_set_add(out, &plan);
	findings_set_add(out, &team);
	st = add_contingency(s, unit_id, bia, today, out);
out:
	free(contacts);
	free(drills);
	return st;
}
