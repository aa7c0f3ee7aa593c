#include "config.h"

#include <string.h>

#include "model/contingency_findings.h"

static const cont_summary *plan_of(const cont_find_input *in, const char *system)
{
	for (size_t i = 0; i < in->n_plans; i++)
		if (strcmp(in->plans[i].system, system) == 0)
			return &in->plans[i];
	return NULL;
}

void cont_checklist_findings(const cont_find_input *in, item_findings *out)
{
	finder fd;
	size_t uncovered = 0, weak = 0;
	char day[16];

	finder_start(&fd, out, CONTF_ITEM, FIND_RECORDS, CONTF_LABEL);
	if (!in->n_plans)
		finder_add(&fd, msg(CONTF_NONE));
	for (size_t i = 0; i < in->n_critical; i++) {
		if (plan_of(in, in->critical[i]))
			continue;
		uncovered++;
		finder_addf(&fd, msg(CONTF_UNCOVERED_FMT), in->critical[i]);
	}
	for (size_t i = 0; i < in->n_plans; i++) {
		const cont_summary *p = &in->plans[i];
		unsigned st = cont_state(p, in->today);
		bool bad = true;
		if (!p->n_steps) {
			finder_addf(&fd, msg(CONTF_NO_STEPS_FMT), p->system);
		} else if (!(st & CONT_APPROVED)) {
			finder_addf(&fd, msg(CONTF_UNAPPROVED_FMT), p->system);
		} else if (st & CONT_CHANGED) {
			finder_addf(&fd, msg(CONTF_CHANGED_FMT), p->system,
				    (long long)p->version);
		} else if (st & CONT_REVIEW_DUE) {
			date_format(cont_review_due(p), day, sizeof day);
			finder_addf(&fd, msg(CONTF_REVIEW_DUE_FMT), p->system, day);
		} else {
			bad = false;
		}
		weak += bad;
	}
	if (in->n_plans && !uncovered && !weak) {
		finder_addf(&fd, msg(CONTF_OK_FMT), in->n_plans, in->n_critical);
		out->supports_done = true;
	}
	finder_finish(&fd);
}
