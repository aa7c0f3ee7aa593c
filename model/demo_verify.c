#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/demo_verify.h"
#include "model/msg.h"
#include "model/programme.h"
#include "model/store_verify.h"

#define DAY 1440
#define U BIA_UNSET

/* §3.3's table of the after-sales systems' backups, with the copies the
 * demo gives them (the document names none: these are the demo's own,
 * chosen so that the screens have one system of each kind to show). */
static const struct {
	msg_id system;
	msg_id full, incr, retention;
	int64_t full_every, incr_every;
	bool realtime;
	int64_t retention_days;
	struct {
		msg_id location;
		backup_medium medium;
		bool offsite;
	} copies[3];
} plans[] = {
	{DEMO_BIA_S_SERVICE, DEMO_V_SUNDAYS, DEMO_V_DAILY_2, DEMO_V_3_MONTHS,
	 7 * DAY, DAY, true, 90,
	 {{DEMO_V_NAS, MEDIUM_NAS, false}, {DEMO_V_CLOUD, MEDIUM_CLOUD, true}}},
	{DEMO_BIA_S_STOCK, DEMO_V_SUNDAYS, DEMO_V_DAILY_3, DEMO_V_3_MONTHS,
	 7 * DAY, DAY, false, 90, {{DEMO_V_DISK, MEDIUM_LOCAL_DISK, false}}},
	{DEMO_BIA_S_FINANCE, DEMO_V_SUNDAYS, DEMO_V_DAILY_1, DEMO_V_7_YEARS,
	 7 * DAY, DAY, true, 7 * 365,
	 {{DEMO_V_DISK, MEDIUM_LOCAL_DISK, false},
	  {DEMO_V_TAPE, MEDIUM_TAPE, true}}},
	{DEMO_BIA_S_BI, DEMO_V_SUNDAYS, 0, DEMO_V_1_MONTH, 7 * DAY, U, false, 30,
	 {{DEMO_V_DISK, MEDIUM_LOCAL_DISK, false}}},
};

#define COUNT(v) (sizeof v / sizeof v[0])

static void put(char *out, size_t len, msg_id id)
{
	snprintf(out, len, "%s", id ? msg(id) : "");
}

static moat_status add_plans(store *s, int64_t assessment_id, const char *user)
{
	backup_list l;
	moat_status st = store_backups_load(s, assessment_id, &l);

	for (size_t i = 0; !st && i < COUNT(plans); i++) {
		const system_backup *b = NULL;
		for (size_t k = 0; k < l.n; k++)
			if (strcmp(l.v[k].system, msg(plans[i].system)) == 0)
				b = &l.v[k];
		if (!b)
			continue;
		backup_plan p;
		memset(&p, 0, sizeof p);
		put(p.full_schedule, sizeof p.full_schedule, plans[i].full);
		put(p.incr_schedule, sizeof p.incr_schedule, plans[i].incr);
		put(p.retention, sizeof p.retention, plans[i].retention);
		p.full_every = plans[i].full_every;
		p.incr_every = plans[i].incr_every;
		p.realtime = plans[i].realtime;
		p.retention_days = plans[i].retention_days;
		st = store_backup_plan_set(s, b->system_id, &p, user);
		for (size_t c = 0; !st && c < 3 && plans[i].copies[c].location; c++) {
			backup_copy k;
			int64_t id;
			memset(&k, 0, sizeof k);
			put(k.location, sizeof k.location, plans[i].copies[c].location);
			k.medium = plans[i].copies[c].medium;
			k.offsite = plans[i].copies[c].offsite;
			st = store_backup_copy_save(s, b->system_id, &k, user, &id);
		}
	}
	backup_list_free(&l);
	return st;
}

/* The restore tests the demo's history records as done, each with its
 * ledger entry: the customer service system restored into the test
 * environment, its times taken from the monthly test. */
static moat_status add_ledger(store *s, int64_t unit_id, int64_t assessment_id,
			      const char *user)
{
	duty *duties = NULL;
	duty_event *ev = NULL;
	size_t n = 0, n_ev = 0;
	moat_status st = store_duties(s, unit_id, &duties, &n);
	int k = 0;

	for (size_t d = 0; !st && d < n; d++) {
		if (strcmp(duties[d].key, VERIFY_DUTY_RESTORE) != 0)
			continue;
		if ((st = store_duty_events(s, duties[d].id, false, &ev, &n_ev)))
			break;
		/* Oldest first, so the trend reads left to right. */
		for (size_t i = n_ev; !st && i-- > 0;) {
			verify_entry e;
			int64_t id;
			if (ev[i].skipped)
				continue;
			memset(&e, 0, sizeof e);
			put(e.system, sizeof e.system, DEMO_BIA_S_SERVICE);
			e.kind = VERIFY_RESTORE;
			e.result = VERIFY_PASS;
			e.started = (verify_time){ev[i].on, 9, 0};
			/* Slower each month as the data grows: 95, 110, 135 min. */
			e.rta = 95 + 15 * k + 10 * (k > 1);
			e.has_ended = true;
			e.ended = verify_time_add(&e.started, e.rta);
			e.rpa = 60;
			e.completeness = 1000;
			put(e.note, sizeof e.note, DEMO_V_RESTORE_NOTE);
			st = store_verify_record_for(s, unit_id, assessment_id, &e,
						     ev[i].id, user, &id);
			k++;
		}
		free(ev);
		ev = NULL;
	}
	free(duties);
	return st;
}

moat_status demo_verify_load(store *s, int64_t unit_id, int64_t assessment_id,
			     const char *user)
{
	moat_status st = add_plans(s, assessment_id, user);
	return st ? st : add_ledger(s, unit_id, assessment_id, user);
}
