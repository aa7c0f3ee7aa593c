#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/msg.h"
#include "model/programme.h"
#include "model/store_internal.h"
#include "model/store_verify.h"
#include "model/verify_text.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

static moat_status invalid(store *s, const char *why)
{
	snprintf(s->err, sizeof s->err, "%s", why);
	return ST_INVALID;
}

/* ---- Backup plans and copies ---- */

void backup_list_free(backup_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void plan_empty(backup_plan *p)
{
	memset(p, 0, sizeof *p);
	p->full_every = p->incr_every = p->retention_days = BIA_UNSET;
}

static system_backup *find_system(backup_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].system_id == id)
			return &l->v[i];
	return NULL;
}

moat_status store_backups_load(store *s, int64_t assessment_id,
			       backup_list *out)
{
	sqlite3_stmt *st;
	moat_status ms = ST_OK;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (!(st = store_prepare(s, "SELECT id, name FROM bia_system WHERE"
				    " assessment_id = ? ORDER BY id")))
		return ST_DB;
	sqlite3_bind_int64(st, 1, assessment_id);
	while (!ms && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			system_backup *v = realloc(out->v, ncap * sizeof *v);
			if (!v) {
				ms = ST_NOMEM;
				break;
			}
			out->v = v;
			cap = ncap;
		}
		system_backup *b = &out->v[out->n++];
		memset(b, 0, sizeof *b);
		b->system_id = sqlite3_column_int64(st, 0);
		store_column_copy(st, 1, b->system, sizeof b->system);
		plan_empty(&b->plan);
	}
	if (!ms && rc != SQLITE_DONE)
		ms = store_fail(s, rc, "read systems");
	store_done(st);
	if (!ms && !(st = store_prepare(
			     s, "SELECT b.system_id, b.full_schedule, b.full_every,"
				" b.incr_schedule, b.incr_every, b.realtime,"
				" b.retention, b.retention_days FROM backup_plan b"
				" JOIN bia_system y ON y.id = b.system_id"
				" WHERE y.assessment_id = ?")))
		ms = ST_DB;
	if (!ms) {
		sqlite3_bind_int64(st, 1, assessment_id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			system_backup *b = find_system(out, sqlite3_column_int64(st, 0));
			if (!b)
				continue;
			b->has_plan = true;
			store_column_copy(st, 1, b->plan.full_schedule,
					  sizeof b->plan.full_schedule);
			b->plan.full_every = store_column_optional(st, 2);
			store_column_copy(st, 3, b->plan.incr_schedule,
					  sizeof b->plan.incr_schedule);
			b->plan.incr_every = store_column_optional(st, 4);
			b->plan.realtime = sqlite3_column_int(st, 5) != 0;
			store_column_copy(st, 6, b->plan.retention,
					  sizeof b->plan.retention);
			b->plan.retention_days = store_column_optional(st, 7);
		}
		if (rc != SQLITE_DONE)
			ms = store_fail(s, rc, "read backup plans");
		store_done(st);
	}
	if (!ms && !(st = store_prepare(
			     s, "SELECT c.system_id, c.id, c.location, c.medium,"
				" c.offsite FROM backup_copy c JOIN bia_system y"
				" ON y.id = c.system_id WHERE y.assessment_id = ?"
				" ORDER BY c.id")))
		ms = ST_DB;
	if (!ms) {
		sqlite3_bind_int64(st, 1, assessment_id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			system_backup *b = find_system(out, sqlite3_column_int64(st, 0));
			char medium[32];
			if (!b || b->n_copies == VERIFY_MAX_COPIES)
				continue;
			backup_copy *c = &b->copies[b->n_copies++];
			c->id = sqlite3_column_int64(st, 1);
			store_column_copy(st, 2, c->location, sizeof c->location);
			store_column_copy(st, 3, medium, sizeof medium);
			if (!backup_parse_medium(medium, &c->medium))
				c->medium = MEDIUM_OTHER;
			c->offsite = sqlite3_column_int(st, 4) != 0;
		}
		if (rc != SQLITE_DONE)
			ms = store_fail(s, rc, "read backup copies");
		store_done(st);
	}
	if (ms)
		backup_list_free(out);
	return ms;
}

/* The year and name of system id; ST_NOT_FOUND when it is not there. */
static moat_status system_of(store *s, int64_t id, int64_t *aid, char *name,
			     size_t len)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT assessment_id, name FROM bia_system WHERE id = ?");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*aid = sqlite3_column_int64(st, 0);
		store_column_copy(st, 1, name, len);
	}
	store_done(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "find system");
	snprintf(s->err, sizeof s->err, "no such system (%" PRId64 ")", id);
	return ST_NOT_FOUND;
}

/* A plan as one line for the audit log (out: 1024 bytes hold any). */
static void plan_text(const backup_plan *p, char *out, size_t len)
{
	snprintf(out, len, "%s/%" PRId64 " | %s/%" PRId64 " | %s | %s/%" PRId64,
		 p->full_schedule, p->full_every, p->incr_schedule, p->incr_every,
		 p->realtime ? "realtime" : "-", p->retention, p->retention_days);
}

static bool interval_ok(int64_t m)
{
	return m == BIA_UNSET || (m >= 1 && m <= BIA_MAX_MINUTES);
}

moat_status store_backup_plan_set(store *s, int64_t system_id,
				  const backup_plan *p, const char *user)
{
	char name[TEXT_BYTES(BIA_NAME_MAX)], was[1024] = "", now[1024];
	backup_list l;
	int64_t aid;
	sqlite3_stmt *st;
	moat_status rc;

	if (!text_within(p->full_schedule, VERIFY_SCHEDULE_MAX) ||
	    !text_within(p->incr_schedule, VERIFY_SCHEDULE_MAX) ||
	    !text_within(p->retention, VERIFY_SCHEDULE_MAX))
		return invalid(s, msg(VERIFY_P_SCHEDULE_LONG));
	if (!interval_ok(p->full_every) || !interval_ok(p->incr_every))
		return invalid(s, msg(VERIFY_P_INTERVAL_RANGE));
	if (p->retention_days < BIA_UNSET)
		return invalid(s, msg(VERIFY_P_RETENTION_RANGE));
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = system_of(s, system_id, &aid, name, sizeof name)) ||
	    (rc = store_check_writable(s, aid)))
		return store_finish(s, rc);
	if (!(rc = store_backups_load(s, aid, &l))) {
		system_backup *b = find_system(&l, system_id);
		if (b && b->has_plan)
			plan_text(&b->plan, was, sizeof was);
		backup_list_free(&l);
	}
	if (rc)
		return store_finish(s, rc);
	st = store_prepare(s, "INSERT INTO backup_plan (system_id, full_schedule,"
			      " full_every, incr_schedule, incr_every, realtime,"
			      " retention, retention_days) VALUES (?, ?, ?, ?, ?,"
			      " ?, ?, ?) ON CONFLICT (system_id) DO UPDATE SET"
			      " full_schedule = excluded.full_schedule,"
			      " full_every = excluded.full_every,"
			      " incr_schedule = excluded.incr_schedule,"
			      " incr_every = excluded.incr_every,"
			      " realtime = excluded.realtime,"
			      " retention = excluded.retention,"
			      " retention_days = excluded.retention_days");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, system_id);
	store_bind_text(st, 2, p->full_schedule);
	store_bind_optional(st, 3, p->full_every);
	store_bind_text(st, 4, p->incr_schedule);
	store_bind_optional(st, 5, p->incr_every);
	sqlite3_bind_int(st, 6, p->realtime);
	store_bind_text(st, 7, p->retention);
	store_bind_optional(st, 8, p->retention_days);
	if ((rc = store_run(s, st, "save backup plan")))
		return store_finish(s, rc);
	plan_text(p, now, sizeof now);
	if (strcmp(was, now) == 0)
		return store_finish(s, ST_OK);
	return store_finish(s, store_audit(s, user, 0, aid, "backup", name, "plan",
					   was[0] ? was : NULL, now));
}

static void copy_text(const backup_copy *c, char *out, size_t len)
{
	snprintf(out, len, "%s | %s | %s", c->location, backup_medium_key(c->medium),
		 c->offsite ? "offsite" : "onsite");
}

moat_status store_backup_copy_save(store *s, int64_t system_id,
				   const backup_copy *c, const char *user,
				   int64_t *id)
{
	char name[TEXT_BYTES(BIA_NAME_MAX)], was[512] = "", now[512];
	backup_list l;
	int64_t aid;
	sqlite3_stmt *st;
	moat_status rc;

	if (!c->location[strspn(c->location, " ")])
		return invalid(s, msg(VERIFY_P_NO_LOCATION));
	if (!text_within(c->location, VERIFY_LOCATION_MAX))
		return invalid(s, msg(VERIFY_P_LOCATION_LONG));
	if (!backup_medium_key(c->medium))
		return invalid(s, msg(VERIFY_P_MEDIUM));
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = system_of(s, system_id, &aid, name, sizeof name)) ||
	    (rc = store_check_writable(s, aid)) ||
	    (rc = store_backups_load(s, aid, &l)))
		return store_finish(s, rc);
	system_backup *b = find_system(&l, system_id);
	bool found = !c->id;
	for (size_t i = 0; b && i < b->n_copies; i++)
		if (b->copies[i].id == c->id) {
			copy_text(&b->copies[i], was, sizeof was);
			found = true;
		}
	bool full = !c->id && b && b->n_copies >= VERIFY_MAX_COPIES;
	backup_list_free(&l);
	if (!found) {
		snprintf(s->err, sizeof s->err, "no such copy (%" PRId64 ")", c->id);
		return store_finish(s, ST_NOT_FOUND);
	}
	if (full)
		return store_finish(s, invalid(s, msg(VERIFY_P_TOO_MANY_COPIES)));
	st = store_prepare(s, c->id ? "UPDATE backup_copy SET location = ?2,"
				      " medium = ?3, offsite = ?4 WHERE id = ?1"
				      " AND system_id = ?5"
				    : "INSERT INTO backup_copy (system_id, location,"
				      " medium, offsite) VALUES (?5, ?2, ?3, ?4)");
	if (!st)
		return store_finish(s, ST_DB);
	if (c->id)
		sqlite3_bind_int64(st, 1, c->id);
	store_bind_text(st, 2, c->location);
	store_bind_text(st, 3, backup_medium_key(c->medium));
	sqlite3_bind_int(st, 4, c->offsite);
	sqlite3_bind_int64(st, 5, system_id);
	if ((rc = store_run(s, st, "save backup copy")))
		return store_finish(s, rc);
	*id = c->id ? c->id : sqlite3_last_insert_rowid(s->db);
	copy_text(c, now, sizeof now);
	if (strcmp(was, now) == 0)
		return store_finish(s, ST_OK);
	return store_finish(s, store_audit(s, user, 0, aid, "backup", name, "copy",
					   was[0] ? was : NULL, now));
}

moat_status store_backup_copy_delete(store *s, int64_t id, const char *user)
{
	char name[TEXT_BYTES(BIA_NAME_MAX)], was[512];
	backup_copy c;
	int64_t system_id = 0, aid;
	sqlite3_stmt *st;
	moat_status rc;
	int sr;

	if ((rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "SELECT system_id, location, medium, offsite FROM"
			      " backup_copy WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	memset(&c, 0, sizeof c);
	if ((sr = sqlite3_step(st)) == SQLITE_ROW) {
		char medium[32];
		system_id = sqlite3_column_int64(st, 0);
		store_column_copy(st, 1, c.location, sizeof c.location);
		store_column_copy(st, 2, medium, sizeof medium);
		backup_parse_medium(medium, &c.medium);
		c.offsite = sqlite3_column_int(st, 3) != 0;
	}
	store_done(st);
	if (sr != SQLITE_ROW) {
		snprintf(s->err, sizeof s->err, "no such copy (%" PRId64 ")", id);
		return store_finish(s, ST_NOT_FOUND);
	}
	if ((rc = system_of(s, system_id, &aid, name, sizeof name)) ||
	    (rc = store_check_writable(s, aid)))
		return store_finish(s, rc);
	if (!(st = store_prepare(s, "DELETE FROM backup_copy WHERE id = ?")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = store_run(s, st, "delete backup copy")))
		return store_finish(s, rc);
	copy_text(&c, was, sizeof was);
	return store_finish(s, store_audit(s, user, 0, aid, "backup", name,
					   "copy", was, NULL));
}

/* ---- The ledger ---- */

/* Whether assessment_id has a system called name; when not, the store's
 * error names the ones it has. */
static moat_status known_system(store *s, int64_t assessment_id,
				const char *name)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT name FROM bia_system WHERE"
					    " assessment_id = ? ORDER BY id");
	char list[1024] = "", one[TEXT_BYTES(BIA_NAME_MAX)];
	size_t used = 0;
	bool found = false;
	int rc;

	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, assessment_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_column_copy(st, 0, one, sizeof one);
		found |= strcmp(one, name) == 0;
		if (used < sizeof list)
			used += (size_t)snprintf(list + used, sizeof list - used,
						 "%s%s", used ? ", " : "", one);
	}
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "read systems");
	if (found)
		return ST_OK;
	snprintf(s->err, sizeof s->err, msg(used ? VERIFY_P_UNKNOWN_SYSTEM_FMT
						 : VERIFY_P_NO_SYSTEMS_FMT),
		 name, list);
	return ST_NOT_FOUND;
}

static moat_status entry_problem(store *s, verify_problem p)
{
	static const msg_id why[] = {
		[VERIFY_NO_SYSTEM] = VERIFY_P_NO_SYSTEM,
		[VERIFY_END_BEFORE_START] = VERIFY_P_END_BEFORE_START,
		[VERIFY_MINUTES_RANGE] = VERIFY_P_MINUTES_RANGE,
		[VERIFY_COMPLETENESS_RANGE] = VERIFY_P_COMPLETENESS_RANGE,
		[VERIFY_TOO_LONG] = VERIFY_P_TOO_LONG,
	};
	return invalid(s, msg(why[p]));
}

/* The words a completed duty occurrence keeps of the entry: "restore test
 * of 客服管理系统: pass, recovered in 40 min". */
static void duty_result(const verify_entry *e, char *out, size_t len)
{
	char m[64];
	if (e->rta >= 0) {
		bia_minutes_format(e->rta, m, sizeof m);
		snprintf(out, len, msg(VERIFY_DUTY_RESULT_RTA_FMT),
			 verify_kind_text(e->kind), e->system,
			 verify_result_text(e->result), m);
	} else {
		snprintf(out, len, msg(VERIFY_DUTY_RESULT_FMT),
			 verify_kind_text(e->kind), e->system,
			 verify_result_text(e->result));
	}
}

/* Completes the oldest open occurrence of the unit's duty key that is due
 * no later than one period after the entry's day; *event 0 when none. */
static moat_status complete_duty(store *s, int64_t unit_id,
				 int64_t assessment_id, const char *key,
				 const verify_entry *e, const char *user,
				 int64_t *event)
{
	duty *duties = NULL, *d = NULL;
	duty_event *ev = NULL, rec;
	rec_pause *pauses = NULL;
	size_t n = 0, n_ev = 0, n_p = 0;
	duty_state state;
	duty_proof proof;
	unit u;
	moat_status rc;

	*event = 0;
	if ((rc = store_duties(s, unit_id, &duties, &n)))
		return rc;
	for (size_t i = 0; i < n; i++)
		if (strcmp(duties[i].key, key) == 0)
			d = &duties[i];
	if (!d)
		goto out;
	if ((rc = store_duty_events(s, d->id, false, &ev, &n_ev)) ||
	    (rc = store_duty_pauses(s, d->id, &pauses, &n_p)))
		goto out;
	date limit = date_add_months(e->started.day, d->rule.every_months);
	duty_state_compute(d, ev, n_ev, pauses, n_p, limit, &state);
	if (!state.n_open || date_cmp(state.open[0].due, limit) > 0)
		goto out;
	memset(&rec, 0, sizeof rec);
	rec.duty_id = d->id;
	rec.due = state.open[0].due;
	rec.on = e->started.day;
	duty_result(e, rec.result, sizeof rec.result);
	snprintf(rec.note, sizeof rec.note, "%s", e->note);
	bool proves = assessment_id && d->item[0] &&
		      store_unit_get(s, unit_id, &u) == ST_OK &&
		      duty_proof_make(d, &rec, assessment_id, u.validity_months,
				      user, &proof);
	rc = store_duty_resolve(s, &rec, proves ? &proof.e : NULL, user, event);
out:
	free(duties);
	free(ev);
	free(pauses);
	return rc;
}

static moat_status insert_entry(store *s, int64_t unit_id,
				const verify_entry *e, int64_t event_id,
				const char *user, int64_t *id)
{
	char started[32], ended[32] = "", line[512];
	sqlite3_stmt *st;
	moat_status rc;

	verify_format_time(&e->started, started, sizeof started);
	if (e->has_ended)
		verify_format_time(&e->ended, ended, sizeof ended);
	st = store_prepare(s, "INSERT INTO verify_entry (unit_id, system, kind,"
			      " result, started_at, ended_at, rta, rpa,"
			      " completeness, note, link, duty_event_id, drill_id,"
			      " entered_by, entered_at, incident_id) VALUES (?, ?,"
			      " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " NOW ", ?)");
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, e->system);
	store_bind_text(st, 3, verify_kind_key(e->kind));
	store_bind_text(st, 4, verify_result_key(e->result));
	store_bind_text(st, 5, started);
	store_bind_text(st, 6, ended);
	store_bind_optional(st, 7, e->rta);
	store_bind_optional(st, 8, e->rpa);
	store_bind_optional(st, 9, e->completeness);
	store_bind_text(st, 10, e->note);
	store_bind_text(st, 11, e->link);
	if (event_id)
		sqlite3_bind_int64(st, 12, event_id);
	if (e->drill_id)
		sqlite3_bind_int64(st, 13, e->drill_id);
	store_bind_text(st, 14, user);
	if (e->incident_id)
		sqlite3_bind_int64(st, 15, e->incident_id);
	if ((rc = store_run(s, st, "record verification")))
		return rc;
	*id = sqlite3_last_insert_rowid(s->db);
	snprintf(line, sizeof line, "%s %s %s rta=%" PRId64 " rpa=%" PRId64,
		 verify_kind_key(e->kind), verify_result_key(e->result), started,
		 e->rta, e->rpa);
	return store_audit(s, user, unit_id, 0, "verify", e->system, "added", NULL,
			   line);
}

static moat_status check_entry(store *s, const verify_entry *e)
{
	verify_problem p = verify_check_entry(e);
	if (!verify_kind_key(e->kind) || !verify_result_key(e->result))
		return invalid(s, "invalid kind or result");
	if (e->kind == VERIFY_INCIDENT || e->incident_id)
		return invalid(s, msg(VERIFY_P_INCIDENT_KIND));
	return p == VERIFY_OK ? ST_OK : entry_problem(s, p);
}

moat_status store_verify_record(store *s, int64_t unit_id,
				int64_t assessment_id, const verify_entry *e,
				const char *user, int64_t *id,
				int64_t *event_id)
{
	const char *key = e->kind == VERIFY_RESTORE ? VERIFY_DUTY_RESTORE
			  : e->kind == VERIFY_DRILL ? VERIFY_DUTY_DRILL
						    : NULL;
	moat_status rc;

	*event_id = 0;
	if ((rc = check_entry(s, e)) || (rc = store_begin(s)))
		return rc;
	if (assessment_id && (rc = known_system(s, assessment_id, e->system)))
		return store_finish(s, rc);
	if (key && (rc = complete_duty(s, unit_id, assessment_id, key, e, user,
				       event_id)))
		return store_finish(s, rc);
	return store_finish(s, insert_entry(s, unit_id, e, *event_id, user, id));
}

moat_status store_verify_record_for(store *s, int64_t unit_id,
				    int64_t assessment_id,
				    const verify_entry *e,
				    int64_t duty_event_id, const char *user,
				    int64_t *id)
{
	moat_status rc;
	if ((rc = check_entry(s, e)) || (rc = store_begin(s)))
		return rc;
	if (assessment_id && (rc = known_system(s, assessment_id, e->system)))
		return store_finish(s, rc);
	return store_finish(s, insert_entry(s, unit_id, e, duty_event_id, user, id));
}

moat_status store_verify_record_at(store *s, int64_t unit_id,
				   int64_t assessment_id,
				   const verify_entry *e, const duty_event *ev,
				   const evidence *proof, const char *user,
				   int64_t *id, int64_t *event_id)
{
	moat_status rc;
	*event_id = 0;
	if ((rc = check_entry(s, e)) || (rc = store_begin(s)))
		return rc;
	if (assessment_id && (rc = known_system(s, assessment_id, e->system)))
		return store_finish(s, rc);
	if ((rc = store_duty_resolve(s, ev, proof, user, event_id)))
		return store_finish(s, rc);
	return store_finish(s, insert_entry(s, unit_id, e, *event_id, user, id));
}

moat_status store_verify_add_incident(store *s, int64_t unit_id,
				      const verify_entry *e, const char *user,
				      int64_t *id)
{
	verify_problem p = verify_check_entry(e);
	if (e->kind != VERIFY_INCIDENT || !e->incident_id ||
	    !verify_result_key(e->result))
		return invalid(s, "not an incident's entry");
	if (p != VERIFY_OK)
		return entry_problem(s, p);
	return insert_entry(s, unit_id, e, 0, user, id);
}

static void read_entry(sqlite3_stmt *st, verify_entry *e)
{
	char t[32];
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, e->system, sizeof e->system);
	store_column_copy(st, 2, t, sizeof t);
	verify_parse_kind(t, &e->kind);
	store_column_copy(st, 3, t, sizeof t);
	verify_parse_result(t, &e->result);
	store_column_copy(st, 4, t, sizeof t);
	verify_parse_time(t, &e->started);
	store_column_copy(st, 5, t, sizeof t);
	e->has_ended = t[0] && verify_parse_time(t, &e->ended);
	e->rta = store_column_optional(st, 6);
	e->rpa = store_column_optional(st, 7);
	e->completeness = (int)store_column_optional(st, 8);
	store_column_copy(st, 9, e->note, sizeof e->note);
	store_column_copy(st, 10, e->link, sizeof e->link);
	store_column_copy(st, 11, e->by, sizeof e->by);
	e->duty_event_id = sqlite3_column_int64(st, 12);
	e->drill_id = sqlite3_column_int64(st, 13);
	e->incident_id = sqlite3_column_int64(st, 14);
}

moat_status store_verify_list(store *s, int64_t unit_id, const verify_filter *f,
			      verify_entry **out, size_t *n)
{
	char since[16] = "";
	size_t cap = 0;
	sqlite3_stmt *st;
	moat_status ms = ST_OK;
	int rc;

	*out = NULL;
	*n = 0;
	/* One statement per filter, so that each uses its index. */
	const char *sql =
		f->system ? "SELECT id, system, kind, result, started_at, ended_at,"
			    " rta, rpa, completeness, note, link, entered_by,"
			    " duty_event_id, drill_id, incident_id FROM verify_entry WHERE"
			    " unit_id = ?1 AND system = ?2 AND started_at >= ?3"
			    " AND (?4 IS NULL OR kind = ?4)"
			    " ORDER BY started_at DESC, id DESC"
		: f->kind >= 0
			? "SELECT id, system, kind, result, started_at, ended_at,"
			  " rta, rpa, completeness, note, link, entered_by,"
			  " duty_event_id, drill_id, incident_id FROM verify_entry WHERE"
			  " unit_id = ?1 AND kind = ?4 AND started_at >= ?3"
			  " ORDER BY started_at DESC, id DESC"
			: "SELECT id, system, kind, result, started_at, ended_at,"
			  " rta, rpa, completeness, note, link, entered_by,"
			  " duty_event_id, drill_id, incident_id FROM verify_entry WHERE"
			  " unit_id = ?1 AND started_at >= ?3"
			  " ORDER BY started_at DESC, id DESC";
	if (!(st = store_prepare(s, sql)))
		return ST_DB;
	if (f->since.y)
		date_format(f->since, since, sizeof since);
	sqlite3_bind_int64(st, 1, unit_id);
	if (f->system)
		store_bind_text(st, 2, f->system);
	store_bind_text(st, 3, since);
	if (f->kind >= 0)
		store_bind_text(st, 4, verify_kind_key((verify_kind)f->kind));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			verify_entry *v = realloc(*out, ncap * sizeof *v);
			if (!v) {
				ms = ST_NOMEM;
				break;
			}
			*out = v;
			cap = ncap;
		}
		read_entry(st, &(*out)[(*n)++]);
	}
	if (!ms && rc != SQLITE_DONE)
		ms = store_fail(s, rc, "read the ledger");
	store_done(st);
	if (ms) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return ms;
}

moat_status store_verify_delete(store *s, int64_t id, const char *user)
{
	verify_entry e;
	int64_t unit_id = 0;
	sqlite3_stmt *st;
	moat_status rc;
	int sr;
	char line[256], started[32];

	if ((rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "SELECT id, system, kind, result, started_at,"
			      " ended_at, rta, rpa, completeness, note, link,"
			      " entered_by, duty_event_id, drill_id, incident_id,"
			      " unit_id FROM verify_entry WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	if ((sr = sqlite3_step(st)) == SQLITE_ROW) {
		read_entry(st, &e);
		unit_id = sqlite3_column_int64(st, 15);
	}
	store_done(st);
	if (sr != SQLITE_ROW) {
		snprintf(s->err, sizeof s->err, "no such entry (%" PRId64 ")", id);
		return store_finish(s, ST_NOT_FOUND);
	}
	if (!(st = store_prepare(s, "DELETE FROM verify_entry WHERE id = ?")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = store_run(s, st, "delete verification")))
		return store_finish(s, rc);
	verify_format_time(&e.started, started, sizeof started);
	snprintf(line, sizeof line, "%s %s %s", verify_kind_key(e.kind),
		 verify_result_key(e.result), started);
	return store_finish(s, store_audit(s, user, unit_id, 0, "verify", e.system,
					   "removed", line, NULL));
}
