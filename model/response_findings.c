#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/response_findings.h"

/* Whether role has a contact; real: one that is not an example. */
static bool has_role(const resp_find_input *in, const char *role, bool real)
{
	for (size_t i = 0; i < in->n_contacts; i++)
		if (strcmp(in->contacts[i].role, role) == 0 &&
		    (!real || !in->contacts[i].placeholder))
			return true;
	return false;
}

static void find_plan(const resp_find_input *in, finder *fd)
{
	const resp_reference *r = in->r;
	size_t examples = 0, missing = 0;
	char levels[16], day[16];

	if (!in->n_contacts)
		finder_add(fd, msg(RESPF_NO_CONTACTS));
	for (size_t i = 0; in->n_contacts && i < r->n_roles; i++) {
		if (has_role(in, r->roles[i].key, false))
			continue;
		missing++;
		resp_levels_text(r->roles[i].levels, levels, sizeof levels);
		finder_addf(fd, msg(RESPF_ROLE_MISSING_FMT), r->roles[i].name,
			    levels);
	}
	for (size_t i = 0; i < in->n_contacts; i++)
		examples += in->contacts[i].placeholder;
	if (examples)
		finder_addf(fd, msg(RESPF_EXAMPLES_FMT), examples, in->n_contacts);
	if (in->printed)
		date_format(in->printed_on, day, sizeof day);
	if (!in->printed) {
		finder_addf(fd, msg(RESPF_CARD_NEVER_FMT), (long long)in->version);
	} else if (in->printed_version < in->version) {
		finder_addf(fd, msg(RESPF_CARD_OLD_FMT),
			    (long long)in->printed_version, day,
			    (long long)in->version);
	} else if (in->n_contacts && !missing && !examples) {
		finder_addf(fd, msg(RESPF_CARD_OK_FMT), (long long)in->version, day);
		fd->f->supports_done = true;
	}
}

static void find_team(const resp_find_input *in, finder *fd)
{
	const resp_reference *r = in->r;
	const drill_record *d = in->last_drill;
	size_t empty = 0, stale = 0;
	char day[16];
	bool trained = false, ok;

	for (size_t i = 0; i < r->n_roles; i++)
		empty += !has_role(in, r->roles[i].key, true);
	if (empty)
		finder_addf(fd, msg(RESPF_ROLES_EMPTY_FMT), empty, r->n_roles);
	for (size_t i = 0; i < in->n_contacts; i++)
		stale += !in->contacts[i].placeholder &&
			 resp_contact_stale(&in->contacts[i], in->today,
					    in->confirm_days);
	if (stale)
		finder_addf(fd, msg(RESPF_STALE_FMT), stale, in->n_contacts,
			    in->confirm_days);
	if (!d) {
		finder_add(fd, msg(RESPF_NO_DRILL));
	} else {
		date_format(d->held_on, day, sizeof day);
		trained = date_cmp(date_add_months(d->held_on, RESPF_TRAINED_MONTHS),
				   in->today) >= 0;
		if (trained)
			finder_addf(fd, msg(RESPF_LAST_DRILL_FMT), day,
				    in->last_drill_type ? in->last_drill_type : "",
				    date_to_days(in->today) - date_to_days(d->held_on));
		else
			finder_addf(fd, msg(RESPF_DRILL_OLD_FMT), day,
				    RESPF_TRAINED_MONTHS);
		if (d->checks[DRILL_KEY_PEOPLE] == DRILL_NO) {
			finder_addf(fd, msg(RESPF_KEY_PEOPLE_FMT), day);
			trained = false;
		}
		if (d->checks[DRILL_TEAMS_COORDINATED] == DRILL_NO) {
			finder_addf(fd, msg(RESPF_TEAMS_FMT), day);
			trained = false;
		}
	}
	ok = !empty && !stale && trained;
	if (ok)
		finder_addf(fd, msg(RESPF_TEAM_OK_FMT), in->n_contacts);
	fd->f->supports_done = ok;
}

void resp_checklist_findings(const resp_find_input *in, item_findings *plan,
			     item_findings *team)
{
	finder fd;

	finder_start(&fd, plan, RESPF_ITEM_PLAN, FIND_RECORDS, RESPF_LABEL_PLAN);
	find_plan(in, &fd);
	finder_finish(&fd);
	finder_start(&fd, team, RESPF_ITEM_TEAM, FIND_RECORDS, RESPF_LABEL_TEAM);
	find_team(in, &fd);
	finder_finish(&fd);
}
