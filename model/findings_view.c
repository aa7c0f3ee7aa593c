#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/findings_view.h"
#include "model/response_findings.h"
#include "model/store_drill.h"
#include "model/store_response.h"

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
out:
	free(contacts);
	free(drills);
	return st;
}
