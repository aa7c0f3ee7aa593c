#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/msg.h"
#include "model/store_incident.h"
#include "model/store_internal.h"
#include "model/store_verify.h"
#include "model/text.h"

#define INC_COLS \
	"id, system, level, declared_at, declared_by, restored_at, closed_at," \
	" data_loss, root_cause, card_version"

static void read_time(sqlite3_stmt *st, int col, bool *has, verify_time *t)
{
	char buf[32];
	store_column_copy(st, col, buf, sizeof buf);
	*has = buf[0] && verify_parse_time(buf, t);
}

static void read_incident(sqlite3_stmt *st, void *p)
{
	incident *inc = p;
	bool has;
	memset(inc, 0, sizeof *inc);
	inc->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, inc->system, sizeof inc->system);
	inc->level = sqlite3_column_int(st, 2);
	read_time(st, 3, &has, &inc->declared);
	store_column_copy(st, 4, inc->declared_by, sizeof inc->declared_by);
	read_time(st, 5, &inc->restored, &inc->restored_at);
	read_time(st, 6, &inc->closed, &inc->closed_at);
	store_column_copy(st, 7, inc->data_loss, sizeof inc->data_loss);
	store_column_copy(st, 8, inc->root_cause, sizeof inc->root_cause);
	inc->card_version = sqlite3_column_int64(st, 9);
}

static void bind_time(sqlite3_stmt *st, int col, const verify_time *t)
{
	char buf[32];
	verify_format_time(t, buf, sizeof buf);
	store_bind_text(st, col, buf);
}

static moat_status refuse(store *s, msg_id why)
{
	snprintf(s->err, sizeof s->err, "%s", msg(why));
	return ST_INVALID;
}

moat_status store_incident_declare(store *s, int64_t unit_id,
				   const char *system, int level,
				   const verify_time *at, int64_t card_version,
				   const char *user, int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;
	char when[32], what[TEXT_BYTES(BIA_NAME_MAX) + 64];

	if (!system || !*system)
		return refuse(s, INC_SYSTEM_REQUIRED);
	if ((rc = store_check_text(s, system, INC_F_SYSTEM, BIA_NAME_MAX)))
		return rc;
	if (level < 1 || level > RESP_LEVELS)
		return refuse(s, INC_LEVEL_RANGE);
	if ((rc = store_begin(s)))
		return rc;
	if (!(st = store_prepare(s, "INSERT INTO incident (unit_id, system, level,"
				    " declared_at, declared_by, card_version)"
				    " VALUES (?, ?, ?, ?, ?, ?)")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, system);
	sqlite3_bind_int(st, 3, level);
	bind_time(st, 4, at);
	store_bind_text(st, 5, user);
	sqlite3_bind_int64(st, 6, card_version);
	if ((rc = store_run(s, st, "declare the incident")))
		return store_finish(s, rc);
	*id = sqlite3_last_insert_rowid(s->db);
	verify_format_time(at, when, sizeof when);
	snprintf(what, sizeof what, "%s %s %s", resp_level_roman(level), system,
		 when);
	if (!(st = store_prepare(s, "INSERT INTO incident_log (incident_id, at,"
				    " who, kind, what) VALUES (?, ?, ?, 'declared', ?)")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, *id);
	bind_time(st, 2, at);
	store_bind_text(st, 3, user);
	store_bind_text(st, 4, system);
	if (!(rc = store_run(s, st, "log the declaration")))
		rc = store_audit(s, user, unit_id, 0, "incident", system, "declared",
				 NULL, what);
	return store_finish(s, rc);
}

moat_status store_incidents(store *s, int64_t unit_id, incident **out,
			    size_t *n)
{
	return store_rows(s, "SELECT " INC_COLS " FROM incident WHERE unit_id = ?"
			     " ORDER BY declared_at DESC, id DESC", unit_id,
			  sizeof **out, (void **)out, n, read_incident);
}

moat_status store_incident_open(store *s, int64_t unit_id, int64_t *id,
				bool *found)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id FROM incident WHERE unit_id = ? AND closed_at = ''"
		   " ORDER BY declared_at DESC, id DESC LIMIT 1");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	*id = *found ? sqlite3_column_int64(st, 0) : 0;
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		       ? ST_OK
		       : store_fail(s, rc, "find the open incident");
}

static void read_done(sqlite3_stmt *st, void *p)
{
	inc_done *d = p;
	bool has;
	store_column_copy(st, 0, d->step, sizeof d->step);
	read_time(st, 1, &has, &d->at);
	store_column_copy(st, 2, d->by, sizeof d->by);
}

static void read_entry(sqlite3_stmt *st, void *p)
{
	inc_entry *e = p;
	char kind[16];
	bool has;
	e->id = sqlite3_column_int64(st, 0);
	read_time(st, 1, &has, &e->at);
	store_column_copy(st, 2, e->who, sizeof e->who);
	store_column_copy(st, 3, kind, sizeof kind);
	if (!inc_parse_kind(kind, &e->kind))
		e->kind = INC_ACTION;
	store_column_copy(st, 4, e->what, sizeof e->what);
	store_column_copy(st, 5, e->why, sizeof e->why);
}

static void read_improvement(sqlite3_stmt *st, void *p)
{
	inc_improvement *m = p;
	m->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, m->text, sizeof m->text);
	m->task_id = sqlite3_column_int64(st, 2);
}

static moat_status get_incident(store *s, int64_t id, incident *inc,
				int64_t *unit_id)
{
	moat_status rc = store_row(s, "SELECT " INC_COLS ", unit_id FROM incident"
				      " WHERE id = ?", id, inc, read_incident,
				   10, unit_id);
	if (rc == ST_NOT_FOUND)
		snprintf(s->err, sizeof s->err, msg(INC_NOT_FOUND_FMT),
			 (long long)id);
	return rc;
}

moat_status store_incident_load(store *s, int64_t id, incident_record *out)
{
	int64_t unit_id;
	moat_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = get_incident(s, id, &out->inc, &unit_id)) ||
	    (rc = store_rows(s, "SELECT step, done_at, done_by FROM incident_step"
			       " WHERE incident_id = ?", id, sizeof(inc_done),
			    (void **)&out->done, &out->n_done, read_done)) ||
	    (rc = store_rows(s, "SELECT id, at, who, kind, what, why FROM"
			       " incident_log WHERE incident_id = ? ORDER BY at, id",
			    id, sizeof(inc_entry), (void **)&out->log, &out->n_log,
			    read_entry)) ||
	    (rc = store_rows(s, "SELECT id, text, task_id FROM incident_improvement"
			       " WHERE incident_id = ? ORDER BY id", id,
			    sizeof(inc_improvement), (void **)&out->improvements,
			    &out->n_improvements, read_improvement)))
		incident_record_free(out);
	return rc;
}

/* The incident id, open, inside the caller's transaction; at not before
 * its declaration. */
static moat_status open_incident(store *s, int64_t id, const verify_time *at,
				 incident *inc, int64_t *unit_id)
{
	moat_status rc = get_incident(s, id, inc, unit_id);
	if (rc)
		return rc;
	if (inc->closed) {
		snprintf(s->err, sizeof s->err, "%s", msg(INC_CLOSED_ALREADY));
		return ST_INVALID;
	}
	if (at && verify_time_cmp(at, &inc->declared) < 0)
		return refuse(s, INC_BEFORE_DECLARED);
	return ST_OK;
}

static moat_status log_entry(store *s, int64_t id, const verify_time *at,
			     const char *user, const char *kind, const char *what,
			     const char *why)
{
	sqlite3_stmt *st = store_prepare(s, "INSERT INTO incident_log (incident_id,"
					    " at, who, kind, what, why) VALUES"
					    " (?, ?, ?, ?, ?, ?)");
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	bind_time(st, 2, at);
	store_bind_text(st, 3, user);
	store_bind_text(st, 4, kind);
	store_bind_text(st, 5, what);
	store_bind_text(st, 6, why);
	return store_run(s, st, "log the incident");
}

/* The audit entry of a change to incident inc: "field" from nothing to
 * value. */
static moat_status audit_inc(store *s, const incident *inc, int64_t unit_id,
			     const char *user, const char *field,
			     const char *value)
{
	char key[64];
	snprintf(key, sizeof key, "%" PRId64, inc->id);
	return store_audit(s, user, unit_id, 0, "incident", key, field, NULL,
			   value);
}

moat_status store_incident_note(store *s, int64_t id, inc_kind kind,
				const verify_time *at, const char *what,
				const char *why, const char *user)
{
	incident inc;
	int64_t unit_id;
	moat_status rc;
	char value[TEXT_BYTES(INC_TEXT_MAX) + 32];

	if (kind != INC_ACTION && kind != INC_DECISION)
		return ST_INVALID;
	if (!what || !*what)
		return refuse(s, INC_WHAT_REQUIRED);
	if ((rc = store_check_text(s, what, INC_F_WHAT, INC_TEXT_MAX)) ||
	    (rc = store_check_text(s, why ? why : "", INC_F_WHY, INC_TEXT_MAX)) ||
	    (rc = store_begin(s)))
		return rc;
	verify_format_time(at, value, sizeof value);
	snprintf(value + strlen(value), sizeof value - strlen(value), " %s", what);
	if (!(rc = open_incident(s, id, at, &inc, &unit_id)) &&
	    !(rc = log_entry(s, id, at, user, inc_kind_key(kind), what, why)))
		rc = audit_inc(s, &inc, unit_id, user, inc_kind_key(kind), value);
	return store_finish(s, rc);
}

moat_status store_incident_step(store *s, int64_t id, const char *step,
				const char *title, const verify_time *at,
				const char *user)
{
	incident inc;
	int64_t unit_id;
	sqlite3_stmt *st;
	moat_status rc;
	int r;
	char value[128];

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = open_incident(s, id, at, &inc, &unit_id)))
		return store_finish(s, rc);
	if (!(st = store_prepare(s, "INSERT INTO incident_step (incident_id, step,"
				    " done_at, done_by) VALUES (?, ?, ?, ?)"
				    " ON CONFLICT DO NOTHING")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, step);
	bind_time(st, 3, at);
	store_bind_text(st, 4, user);
	r = sqlite3_step(st);
	store_done(st);
	if (r != SQLITE_DONE)
		return store_finish(s, store_fail(s, r, "check off the step"));
	if (sqlite3_changes(s->db) == 0) {
		snprintf(s->err, sizeof s->err, "%s", msg(INC_STEP_DONE_ALREADY));
		return store_finish(s, ST_EXISTS);
	}
	verify_format_time(at, value, sizeof value);
	snprintf(value + strlen(value), sizeof value - strlen(value), " %s", step);
	if (!(rc = log_entry(s, id, at, user, "step", title ? title : step, step)))
		rc = audit_inc(s, &inc, unit_id, user, "step", value);
	return store_finish(s, rc);
}

/* Sets the restoration inside the caller's transaction. */
static moat_status set_restored(store *s, const incident *inc, int64_t unit_id,
				const verify_time *at, const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	char value[32];

	if (verify_time_cmp(at, &inc->declared) < 0)
		return refuse(s, INC_BEFORE_DECLARED);
	if (!(st = store_prepare(s, "UPDATE incident SET restored_at = ? WHERE id = ?")))
		return ST_DB;
	bind_time(st, 1, at);
	sqlite3_bind_int64(st, 2, inc->id);
	verify_format_time(at, value, sizeof value);
	if (!(rc = store_run(s, st, "record the restoration")) &&
	    !(rc = log_entry(s, inc->id, at, user, "restored", "", "")))
		rc = audit_inc(s, inc, unit_id, user, "restored", value);
	return rc;
}

moat_status store_incident_restored(store *s, int64_t id, const verify_time *at,
				    const char *user)
{
	incident inc;
	int64_t unit_id;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if (!(rc = open_incident(s, id, at, &inc, &unit_id)))
		rc = inc.restored ? refuse(s, INC_RESTORED_ALREADY)
				  : set_restored(s, &inc, unit_id, at, user);
	return store_finish(s, rc);
}

/* The unit's programme, 0 when it has none. */
static moat_status programme_of(store *s, int64_t unit_id, int64_t *pid)
{
	bool found;
	date start;
	moat_status rc = store_programme(s, unit_id, &found, pid, &start);
	if (!rc && !found)
		*pid = 0;
	return rc;
}

/* The incident's recovery as a ledger entry: from the declaration to the
 * restoration, the time the team measured. */
static moat_status measured(store *s, const incident *inc, int64_t unit_id,
			    const verify_time *restored, const char *root_cause,
			    const char *user)
{
	/* The words with the whole cause, then cut to what a note holds. */
	char note[TEXT_BYTES(VERIFY_NOTE_MAX + INC_TEXT_MAX)];
	verify_entry e;
	int64_t id;

	memset(&e, 0, sizeof e);
	snprintf(e.system, sizeof e.system, "%s", inc->system);
	e.kind = VERIFY_INCIDENT;
	e.result = VERIFY_PASS;
	e.started = inc->declared;
	e.has_ended = true;
	e.ended = *restored;
	if (!verify_minutes_between(&inc->declared, restored, &e.rta))
		e.rta = BIA_UNSET;
	e.rpa = BIA_UNSET;
	e.completeness = -1;
	snprintf(note, sizeof note, msg(INC_LEDGER_NOTE_FMT), (long long)inc->id,
		 resp_level_roman(inc->level), root_cause);
	memcpy(e.note, note, text_cut_chars(note, VERIFY_NOTE_MAX) + 1);
	e.incident_id = inc->id;
	return store_verify_add_incident(s, unit_id, &e, user, &id);
}

moat_status store_incident_close(store *s, int64_t id, const verify_time *at,
				 const verify_time *restored,
				 const char *data_loss, const char *root_cause,
				 const char (*improvements)[TEXT_BYTES(INC_IMPROVEMENT_MAX)],
				 size_t n_improvements, const char *item_key,
				 const char *user)
{
	incident inc;
	int64_t unit_id, pid, task;
	sqlite3_stmt *st;
	moat_status rc;
	char value[32];

	if (!root_cause || !*root_cause)
		return refuse(s, INC_CAUSE_REQUIRED);
	if ((rc = store_check_text(s, root_cause, INC_F_CAUSE, INC_TEXT_MAX)) ||
	    (rc = store_check_text(s, data_loss ? data_loss : "", INC_F_LOSS,
				   INC_TEXT_MAX)))
		return rc;
	for (size_t i = 0; i < n_improvements; i++)
		if ((rc = store_check_text(s, improvements[i], INC_F_IMPROVEMENTS,
					   INC_IMPROVEMENT_MAX)))
			return rc;
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = open_incident(s, id, at, &inc, &unit_id)))
		return store_finish(s, rc);
	if (!inc.restored && !restored)
		return store_finish(s, refuse(s, INC_RESTORED_REQUIRED));
	if (!inc.restored && (rc = set_restored(s, &inc, unit_id, restored, user)))
		return store_finish(s, rc);
	if (verify_time_cmp(at, inc.restored ? &inc.restored_at : restored) < 0)
		return store_finish(s, refuse(s, INC_CLOSE_BEFORE_RESTORED));
	if ((rc = programme_of(s, unit_id, &pid)))
		return store_finish(s, rc);
	for (size_t i = 0; !rc && i < n_improvements; i++) {
		task = 0;
		if (pid)
			rc = store_task_add(s, pid, PLAN_PHASES, improvements[i],
					    item_key, user, &task);
		if (!rc && !(st = store_prepare(s, "INSERT INTO incident_improvement"
						   " (incident_id, text, task_id)"
						   " VALUES (?, ?, ?)")))
			rc = ST_DB;
		if (!rc) {
			sqlite3_bind_int64(st, 1, id);
			store_bind_text(st, 2, improvements[i]);
			if (task)
				sqlite3_bind_int64(st, 3, task);
			else
				sqlite3_bind_null(st, 3);
			rc = store_run(s, st, "keep the improvement");
		}
	}
	if (rc)
		return store_finish(s, rc);
	if (!(st = store_prepare(s, "UPDATE incident SET closed_at = ?,"
				    " data_loss = ?, root_cause = ? WHERE id = ?")))
		return store_finish(s, ST_DB);
	bind_time(st, 1, at);
	store_bind_text(st, 2, data_loss);
	store_bind_text(st, 3, root_cause);
	sqlite3_bind_int64(st, 4, id);
	verify_format_time(at, value, sizeof value);
	if (!(rc = store_run(s, st, "close the incident")) &&
	    !(rc = log_entry(s, id, at, user, "closed", root_cause, "")) &&
	    !(rc = audit_inc(s, &inc, unit_id, user, "closed", value)))
		rc = measured(s, &inc, unit_id, inc.restored ? &inc.restored_at
							    : restored,
			      root_cause, user);
	return store_finish(s, rc);
}
