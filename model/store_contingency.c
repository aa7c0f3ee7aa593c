#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/msg.h"
#include "model/store_contingency.h"
#include "model/store_internal.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
#define ENTITY "contingency"

#define PLAN_COLS \
	"id, system, scenario, outage, trigger_text, simplified, notice, backentry"

static moat_status refuse(store *s, msg_id why)
{
	snprintf(s->err, sizeof s->err, "%s", msg(why));
	return ST_INVALID;
}

static void read_date(sqlite3_stmt *st, int col, date *d)
{
	char buf[16];
	store_column_copy(st, col, buf, sizeof buf);
	if (!buf[0] || !date_parse(buf, d))
		*d = (date){0, 0, 0};
}

static void bind_date(sqlite3_stmt *st, int col, date d)
{
	char buf[16];
	date_format(d, buf, sizeof buf);
	store_bind_text(st, col, buf);
}

static void read_plan(sqlite3_stmt *st, void *p)
{
	cont_plan *c = p;
	c->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, c->system, sizeof c->system);
	store_column_copy(st, 2, c->scenario, sizeof c->scenario);
	c->outage = store_column_optional(st, 3);
	store_column_copy(st, 4, c->trigger, sizeof c->trigger);
	store_column_copy(st, 5, c->simplified, sizeof c->simplified);
	store_column_copy(st, 6, c->notice, sizeof c->notice);
	c->backentry = store_column_optional(st, 7);
}

static void read_step(sqlite3_stmt *st, void *p)
{
	cont_step *c = p;
	c->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, c->title, sizeof c->title);
	c->minutes = store_column_optional(st, 2);
	store_column_copy(st, 3, c->role, sizeof c->role);
	store_column_copy(st, 4, c->detail, sizeof c->detail);
}

static void read_column(sqlite3_stmt *st, void *p)
{
	store_column_copy(st, 0, *(cont_column *)p, sizeof(cont_column));
}

static void read_summary(sqlite3_stmt *st, void *p)
{
	cont_summary *c = p;
	c->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, c->system, sizeof c->system);
	c->version = sqlite3_column_int64(st, 2);
	read_date(st, 3, &c->approved_on);
	read_date(st, 4, &c->reviewed_on);
	c->changed = sqlite3_column_int(st, 5) != 0;
	c->n_steps = (size_t)sqlite3_column_int64(st, 6);
}

/* The plans' summaries; ?1 is the unit (WHERE_UNIT) or the plan. The
 * plan's steps' canonical lines are kept in contingency.canon by every
 * step write, so "changed" needs no steps. */
#define SUMMARY_SQL(where)                                                     \
	"SELECT p.id, p.system, COALESCE(v.version, 0),"                       \
	" COALESCE(v.approved_on, ''),"                                        \
	" COALESCE((SELECT max(r.reviewed_on) FROM cont_review r"              \
	"   WHERE r.plan_id = p.id AND r.version = v.version), ''),"           \
	" v.version IS NOT NULL AND v.snapshot <> p.canon,"                    \
	" (SELECT count(*) FROM cont_step t WHERE t.plan_id = p.id)"           \
	" FROM contingency p LEFT JOIN cont_version v ON v.plan_id = p.id"     \
	"  AND v.version = (SELECT max(version) FROM cont_version"             \
	"   WHERE plan_id = p.id) WHERE " where " ORDER BY p.system"

moat_status store_cont_summaries(store *s, int64_t unit_id, cont_summary **out,
				 size_t *n)
{
	return store_rows(s, SUMMARY_SQL("p.unit_id = ?"), unit_id, sizeof **out,
			  (void **)out, n, read_summary);
}

void cont_record_free(cont_record *r)
{
	free(r->steps);
	free(r->columns);
	free(r->approved.snapshot);
	memset(r, 0, sizeof *r);
}

static void read_version(sqlite3_stmt *st, void *p)
{
	cont_version *v = p;
	v->version = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, v->approved_by, sizeof v->approved_by);
	read_date(st, 2, &v->approved_on);
	store_column_copy(st, 3, v->entered_by, sizeof v->entered_by);
	v->snapshot = store_column_dup(st, 4);
}

static void read_review(sqlite3_stmt *st, void *p)
{
	cont_record *r = p;
	read_date(st, 0, &r->reviewed_on);
	store_column_copy(st, 1, r->reviewed_by, sizeof r->reviewed_by);
}

moat_status store_cont_load(store *s, int64_t plan_id, cont_record *out)
{
	cont_summary *sum = NULL;
	cont_version *v = NULL;
	cont_record *rv = NULL;
	size_t n = 0, nv = 0, nr = 0;
	moat_status rc;

	memset(out, 0, sizeof *out);
	rc = store_row(s, "SELECT " PLAN_COLS " FROM contingency WHERE id = ?",
		       plan_id, &out->plan, read_plan, 0, &out->plan.id);
	if (rc == ST_NOT_FOUND)
		snprintf(s->err, sizeof s->err, "%s", msg(CONT_NOT_FOUND));
	if (!rc)
		rc = store_rows(s, "SELECT id, title, minutes, role, detail FROM"
				   " cont_step WHERE plan_id = ? ORDER BY position, id",
				plan_id, sizeof(cont_step), (void **)&out->steps,
				&out->n_steps, read_step);
	if (!rc)
		rc = store_rows(s, "SELECT title FROM cont_column WHERE plan_id = ?"
				   " ORDER BY position", plan_id, sizeof(cont_column),
				(void **)&out->columns, &out->n_columns, read_column);
	if (!rc)
		rc = store_rows(s, SUMMARY_SQL("p.id = ?"), plan_id, sizeof *sum,
				(void **)&sum, &n, read_summary);
	if (!rc && n == 1)
		out->summary = *sum;
	if (!rc)
		rc = store_rows(s, "SELECT version, approved_by, approved_on,"
				   " entered_by, snapshot FROM cont_version"
				   " WHERE plan_id = ? ORDER BY version DESC LIMIT 1",
				plan_id, sizeof *v, (void **)&v, &nv, read_version);
	if (!rc && nv == 1) {
		out->approved = v[0];
		if (!out->approved.snapshot)
			rc = ST_NOMEM;
	}
	if (!rc && out->approved.version)
		rc = store_rows(s, "SELECT r.reviewed_on, r.reviewed_by FROM"
				   " cont_review r WHERE r.plan_id = ?1 AND r.version ="
				   " (SELECT max(version) FROM cont_version WHERE"
				   " plan_id = ?1) ORDER BY r.reviewed_on DESC, r.id DESC"
				   " LIMIT 1", plan_id, sizeof *rv, (void **)&rv, &nr,
				read_review);
	if (!rc && nr == 1) {
		out->reviewed_on = rv->reviewed_on;
		memcpy(out->reviewed_by, rv->reviewed_by, sizeof out->reviewed_by);
	}
	free(sum);
	free(v);
	free(rv);
	if (rc)
		cont_record_free(out);
	return rc;
}

moat_status store_cont_find(store *s, int64_t unit_id, const char *system,
			    int64_t *plan_id, bool *found)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id FROM contingency WHERE unit_id = ? AND system = ?");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, system);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	*plan_id = *found ? sqlite3_column_int64(st, 0) : 0;
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		       ? ST_OK
		       : store_fail(s, rc, "find the contingency plan");
}

/* The plan's unit and system, inside the caller's transaction. */
static moat_status plan_of(store *s, int64_t plan_id, int64_t *unit_id,
			   char *system, size_t len)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT unit_id, system FROM contingency WHERE id = ?");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, plan_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*unit_id = sqlite3_column_int64(st, 0);
		store_column_copy(st, 1, system, len);
	}
	store_done(st);
	if (rc == SQLITE_DONE) {
		snprintf(s->err, sizeof s->err, "%s", msg(CONT_NOT_FOUND));
		return ST_NOT_FOUND;
	}
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, "read the plan");
}

static moat_status audit(store *s, const char *user, int64_t unit_id,
			 const char *system, const char *field, const char *was,
			 const char *now)
{
	return store_audit(s, user, unit_id, 0, ENTITY, system, field, was, now);
}

static bool minutes_ok(int64_t m)
{
	return m == CONT_NONE || (m >= 0 && m <= BIA_MAX_MINUTES);
}

static void minutes_value(int64_t m, char *out, size_t len)
{
	if (m < 0)
		snprintf(out, len, "%s", "");
	else
		snprintf(out, len, "%" PRId64, m);
}

static moat_status check_plan(store *s, const cont_plan *p)
{
	moat_status rc;
	if (!p->system[0])
		return refuse(s, CONT_SYSTEM_REQUIRED);
	if ((rc = store_check_text(s, p->system, CONT_F_SYSTEM, BIA_NAME_MAX)) ||
	    (rc = store_check_text(s, p->scenario, CONT_F_SCENARIO, CONT_TEXT_MAX)) ||
	    (rc = store_check_text(s, p->trigger, CONT_F_TRIGGER, CONT_TEXT_MAX)) ||
	    (rc = store_check_text(s, p->simplified, CONT_F_SIMPLIFIED,
				   CONT_LONG_MAX)) ||
	    (rc = store_check_text(s, p->notice, CONT_F_NOTICE, CONT_LONG_MAX)))
		return rc;
	if (!minutes_ok(p->outage) || !minutes_ok(p->backentry))
		return refuse(s, CONT_MINUTES_RANGE);
	return ST_OK;
}

static moat_status insert_columns(store *s, int64_t plan_id,
				  const cont_column *cols, size_t n)
{
	moat_status rc = ST_OK;
	for (size_t i = 0; !rc && i < n; i++) {
		sqlite3_stmt *st = store_prepare(
			s, "INSERT INTO cont_column (plan_id, position, title)"
			   " VALUES (?, ?, ?)");
		if (!st)
			return ST_DB;
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_int(st, 2, (int)i + 1);
		store_bind_text(st, 3, cols[i]);
		rc = store_run(s, st, "keep the form's column");
	}
	return rc;
}

/* Audits each of the plan's own fields that differs between was and p. */
static moat_status audit_fields(store *s, const char *user, int64_t unit_id,
				const cont_plan *was, const cont_plan *p)
{
	char a[24], b[24];
	moat_status rc = ST_OK;
	const struct {
		const char *field, *was, *now;
	} texts[] = {
		{"scenario", was->scenario, p->scenario},
		{"trigger", was->trigger, p->trigger},
		{"simplified", was->simplified, p->simplified},
		{"notice", was->notice, p->notice},
	};
	for (size_t i = 0; !rc && i < sizeof texts / sizeof texts[0]; i++)
		if (strcmp(texts[i].was, texts[i].now) != 0)
			rc = audit(s, user, unit_id, p->system, texts[i].field,
				   texts[i].was, texts[i].now);
	if (!rc && was->outage != p->outage) {
		minutes_value(was->outage, a, sizeof a);
		minutes_value(p->outage, b, sizeof b);
		rc = audit(s, user, unit_id, p->system, "outage", a, b);
	}
	if (!rc && was->backentry != p->backentry) {
		minutes_value(was->backentry, a, sizeof a);
		minutes_value(p->backentry, b, sizeof b);
		rc = audit(s, user, unit_id, p->system, "backentry", a, b);
	}
	return rc;
}

moat_status store_cont_save(store *s, int64_t unit_id, const cont_plan *p,
			    const char *user, int64_t *id)
{
	cont_plan was;
	cont_column cols[CONT_DEFAULT_COLUMNS];
	sqlite3_stmt *st;
	moat_status rc;
	bool found;
	int64_t other;

	if ((rc = check_plan(s, p)) || (rc = store_begin(s)))
		return rc;
	if ((rc = store_cont_find(s, unit_id, p->system, &other, &found)))
		return store_finish(s, rc);
	if (found && other != p->id) {
		snprintf(s->err, sizeof s->err, msg(CONT_EXISTS_FMT), p->system);
		return store_finish(s, ST_EXISTS);
	}
	memset(&was, 0, sizeof was);
	was.outage = was.backentry = CONT_NONE;
	if (p->id) {
		rc = store_row(s, "SELECT " PLAN_COLS " FROM contingency WHERE id = ?",
			       p->id, &was, read_plan, 0, &other);
		if (rc == ST_NOT_FOUND)
			snprintf(s->err, sizeof s->err, "%s", msg(CONT_NOT_FOUND));
		if (rc)
			return store_finish(s, rc);
		st = store_prepare(s, "UPDATE contingency SET system = ?2, scenario = ?3,"
				      " outage = ?4, trigger_text = ?5, simplified = ?6,"
				      " notice = ?7, backentry = ?8 WHERE id = ?1");
	} else {
		st = store_prepare(s, "INSERT INTO contingency (id, system, scenario,"
				      " outage, trigger_text, simplified, notice,"
				      " backentry, unit_id, created_by, created_at)"
				      " VALUES (NULLIF(?1, 0), ?2, ?3, ?4, ?5, ?6, ?7,"
				      " ?8, ?9, ?10, " NOW ")");
	}
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, p->id);
	store_bind_text(st, 2, p->system);
	store_bind_text(st, 3, p->scenario);
	store_bind_optional(st, 4, p->outage);
	store_bind_text(st, 5, p->trigger);
	store_bind_text(st, 6, p->simplified);
	store_bind_text(st, 7, p->notice);
	store_bind_optional(st, 8, p->backentry);
	if (!p->id) {
		sqlite3_bind_int64(st, 9, unit_id);
		store_bind_text(st, 10, user);
	}
	if ((rc = store_run(s, st, "keep the contingency plan")))
		return store_finish(s, rc);
	if (p->id) {
		*id = p->id;
		if (strcmp(was.system, p->system) != 0)
			rc = audit(s, user, unit_id, was.system, "system", was.system,
				   p->system);
	} else {
		*id = sqlite3_last_insert_rowid(s->db);
		cont_default_columns(cols);
		if (!(rc = insert_columns(s, *id, cols, CONT_DEFAULT_COLUMNS)))
			rc = audit(s, user, unit_id, p->system, "created", NULL,
				   p->system);
	}
	if (!rc)
		rc = audit_fields(s, user, unit_id, &was, p);
	return store_finish(s, rc);
}

moat_status store_cont_delete(store *s, int64_t plan_id, const char *user)
{
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	int64_t unit_id;
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = plan_of(s, plan_id, &unit_id, system, sizeof system)))
		return store_finish(s, rc);
	if (!(st = store_prepare(s, "DELETE FROM contingency WHERE id = ?")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, plan_id);
	if (!(rc = store_run(s, st, "delete the contingency plan")))
		rc = audit(s, user, unit_id, system, "removed", system, NULL);
	return store_finish(s, rc);
}

/* The plan's steps in order, inside the caller's transaction. */
static moat_status steps_of(store *s, int64_t plan_id, cont_step **steps,
			    size_t *n)
{
	return store_rows(s, "SELECT id, title, minutes, role, detail FROM"
			     " cont_step WHERE plan_id = ? ORDER BY position, id",
			  plan_id, sizeof **steps, (void **)steps, n, read_step);
}

/* Numbers the steps 1..n in their order and keeps their canonical lines
 * in the plan, after every step write. */
static moat_status renumber(store *s, int64_t plan_id, cont_step *steps,
			    size_t n)
{
	moat_status rc = ST_OK;
	char *canon;
	sqlite3_stmt *st;

	for (size_t i = 0; !rc && i < n; i++) {
		if (!(st = store_prepare(s, "UPDATE cont_step SET position = ?"
					    " WHERE id = ?")))
			return ST_DB;
		sqlite3_bind_int(st, 1, (int)i + 1);
		sqlite3_bind_int64(st, 2, steps[i].id);
		rc = store_run(s, st, "number the steps");
	}
	if (rc)
		return rc;
	if (!(canon = cont_canonical(steps, n)))
		return ST_NOMEM;
	if (!(st = store_prepare(s, "UPDATE contingency SET canon = ? WHERE id = ?"))) {
		free(canon);
		return ST_DB;
	}
	store_bind_text(st, 1, canon);
	sqlite3_bind_int64(st, 2, plan_id);
	rc = store_run(s, st, "keep the steps' lines");
	free(canon);
	return rc;
}

/* Re-reads the plan's steps and renumbers them. */
static moat_status refresh(store *s, int64_t plan_id)
{
	cont_step *steps;
	size_t n;
	moat_status rc = steps_of(s, plan_id, &steps, &n);
	if (!rc)
		rc = renumber(s, plan_id, steps, n);
	free(steps);
	return rc;
}

/* A step's canonical first line, as the audit log shows it. */
static void step_line(const cont_step *st, size_t pos, char *out, size_t len)
{
	char *c = cont_canonical(st, 1);
	const char *line = c ? c + strcspn(c, " ") + 1 : st->title;
	snprintf(out, len, "%zu. %.*s", pos, (int)strcspn(line, "\n"), line);
	free(c);
}

static moat_status check_step(store *s, const cont_step *st)
{
	moat_status rc;
	if (!st->title[0])
		return refuse(s, CONT_TITLE_REQUIRED);
	if ((rc = store_check_text(s, st->title, CONT_F_TITLE, CONT_TEXT_MAX)) ||
	    (rc = store_check_text(s, st->role, CONT_F_ROLE, CONT_TEXT_MAX)) ||
	    (rc = store_check_text(s, st->detail, CONT_F_DETAIL, CONT_LONG_MAX)))
		return rc;
	if (!minutes_ok(st->minutes))
		return refuse(s, CONT_MINUTES_RANGE);
	return ST_OK;
}

/* The step's index in steps, or n. */
static size_t step_index(const cont_step *steps, size_t n, int64_t id)
{
	size_t i = 0;
	while (i < n && steps[i].id != id)
		i++;
	return i;
}

moat_status store_cont_step_save(store *s, int64_t plan_id,
				 const cont_step *stp, const char *user,
				 int64_t *id)
{
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	char was[TEXT_BYTES(CONT_TEXT_MAX) * 2 + 64], now[sizeof was];
	cont_step *steps = NULL;
	size_t n = 0, at;
	int64_t unit_id;
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = check_step(s, stp)) || (rc = store_begin(s)))
		return rc;
	if ((rc = plan_of(s, plan_id, &unit_id, system, sizeof system)) ||
	    (rc = steps_of(s, plan_id, &steps, &n)))
		goto done;
	at = stp->id ? step_index(steps, n, stp->id) : n;
	if (stp->id && at == n) {
		rc = ST_NOT_FOUND;
		snprintf(s->err, sizeof s->err, "%s", msg(CONT_STEP_NOT_FOUND));
		goto done;
	}
	if (!stp->id && n >= CONT_MAX_STEPS) {
		rc = refuse(s, CONT_TOO_MANY_STEPS);
		goto done;
	}
	if (stp->id)
		st = store_prepare(s, "UPDATE cont_step SET title = ?2, minutes = ?3,"
				      " role = ?4, detail = ?5 WHERE id = ?1");
	else
		st = store_prepare(s, "INSERT INTO cont_step (id, title, minutes, role,"
				      " detail, plan_id, position) VALUES"
				      " (NULLIF(?1, 0), ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!st) {
		rc = ST_DB;
		goto done;
	}
	sqlite3_bind_int64(st, 1, stp->id);
	store_bind_text(st, 2, stp->title);
	store_bind_optional(st, 3, stp->minutes);
	store_bind_text(st, 4, stp->role);
	store_bind_text(st, 5, stp->detail);
	if (!stp->id) {
		sqlite3_bind_int64(st, 6, plan_id);
		sqlite3_bind_int64(st, 7, (int64_t)n + 1);
	}
	if ((rc = store_run(s, st, "keep the step")))
		goto done;
	*id = stp->id ? stp->id : sqlite3_last_insert_rowid(s->db);
	step_line(stp, at + 1, now, sizeof now);
	if (stp->id)
		step_line(&steps[at], at + 1, was, sizeof was);
	if (!(rc = refresh(s, plan_id)) &&
	    (!stp->id || strcmp(was, now) != 0 ||
	     strcmp(steps[at].detail, stp->detail) != 0))
		rc = audit(s, user, unit_id, system, stp->id ? "step" : "step_added",
			   stp->id ? was : NULL, now);
done:
	free(steps);
	return store_finish(s, rc);
}

/* The plan of a step, inside the caller's transaction. */
static moat_status step_plan(store *s, int64_t step_id, int64_t *plan_id)
{
	bool found;
	moat_status rc = store_int_by_id(s, "SELECT plan_id FROM cont_step"
					    " WHERE id = ?1", step_id, plan_id,
					 &found);
	if (!rc && !found) {
		snprintf(s->err, sizeof s->err, "%s", msg(CONT_STEP_NOT_FOUND));
		rc = ST_NOT_FOUND;
	}
	return rc;
}

moat_status store_cont_step_delete(store *s, int64_t step_id, const char *user)
{
	char system[TEXT_BYTES(BIA_NAME_MAX)], was[TEXT_BYTES(CONT_TEXT_MAX) * 2 + 64];
	cont_step *steps = NULL;
	size_t n = 0, at;
	int64_t plan_id, unit_id;
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = step_plan(s, step_id, &plan_id)) ||
	    (rc = plan_of(s, plan_id, &unit_id, system, sizeof system)) ||
	    (rc = steps_of(s, plan_id, &steps, &n)))
		goto done;
	at = step_index(steps, n, step_id);
	step_line(&steps[at < n ? at : 0], at + 1, was, sizeof was);
	if (!(st = store_prepare(s, "DELETE FROM cont_step WHERE id = ?"))) {
		rc = ST_DB;
		goto done;
	}
	sqlite3_bind_int64(st, 1, step_id);
	if (!(rc = store_run(s, st, "delete the step")) &&
	    !(rc = refresh(s, plan_id)))
		rc = audit(s, user, unit_id, system, "step_removed", was, NULL);
done:
	free(steps);
	return store_finish(s, rc);
}

moat_status store_cont_step_move(store *s, int64_t step_id, int delta,
				 const char *user)
{
	char system[TEXT_BYTES(BIA_NAME_MAX)], was[24], now[24];
	cont_step *steps = NULL, tmp;
	size_t n = 0, at, to;
	int64_t plan_id, unit_id;
	moat_status rc;

	if (delta != -1 && delta != 1)
		return ST_INVALID;
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = step_plan(s, step_id, &plan_id)) ||
	    (rc = plan_of(s, plan_id, &unit_id, system, sizeof system)) ||
	    (rc = steps_of(s, plan_id, &steps, &n)))
		goto done;
	at = step_index(steps, n, step_id);
	if (at >= n || (delta < 0 && at == 0) || (delta > 0 && at + 1 >= n))
		goto done;
	to = delta < 0 ? at - 1 : at + 1;
	tmp = steps[at];
	steps[at] = steps[to];
	steps[to] = tmp;
	snprintf(was, sizeof was, "%zu", at + 1);
	snprintf(now, sizeof now, "%zu", to + 1);
	if (!(rc = renumber(s, plan_id, steps, n)))
		rc = audit(s, user, unit_id, system, "step_moved", was, now);
done:
	free(steps);
	return store_finish(s, rc);
}

/* The plan's summary inside the caller's transaction. */
static moat_status summary_of(store *s, int64_t plan_id, cont_summary *out)
{
	cont_summary *sum = NULL;
	size_t n = 0;
	moat_status rc = store_rows(s, SUMMARY_SQL("p.id = ?"), plan_id,
				    sizeof *sum, (void **)&sum, &n, read_summary);
	if (!rc && n != 1) {
		snprintf(s->err, sizeof s->err, "%s", msg(CONT_NOT_FOUND));
		rc = ST_NOT_FOUND;
	}
	if (!rc)
		*out = *sum;
	free(sum);
	return rc;
}

/* The start an approval and a review share: day not after today, the
 * transaction begun, the plan's unit, system and summary read (the
 * transaction finished again on failure). */
static moat_status begin_on_plan(store *s, int64_t plan_id, date day,
				 date today, int64_t *unit_id, char *system,
				 size_t len, cont_summary *sum)
{
	moat_status rc;
	if (!date_happened_by(day, today))
		return refuse(s, CONT_DATE_FUTURE);
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = plan_of(s, plan_id, unit_id, system, len)) ||
	    (rc = summary_of(s, plan_id, sum)))
		return store_finish(s, rc);
	return ST_OK;
}

moat_status store_cont_approve(store *s, int64_t plan_id, const char *approver,
			       date day, date today, const char *user,
			       int64_t *version)
{
	char system[TEXT_BYTES(BIA_NAME_MAX)], value[TEXT_BYTES(CONT_NAME_MAX) + 64];
	char dtext[16];
	cont_summary sum;
	int64_t unit_id;
	sqlite3_stmt *st;
	moat_status rc;

	if (!approver || !*approver)
		return refuse(s, CONT_APPROVER_REQUIRED);
	if ((rc = store_check_text(s, approver, CONT_F_APPROVER, CONT_NAME_MAX)))
		return rc;
	if ((rc = begin_on_plan(s, plan_id, day, today, &unit_id, system,
				sizeof system, &sum)))
		return rc;
	if (!sum.n_steps)
		return store_finish(s, refuse(s, CONT_APPROVE_NO_STEPS));
	if (sum.version && !sum.changed)
		return store_finish(s, refuse(s, CONT_APPROVE_UNCHANGED));
	if (sum.version && date_cmp(day, sum.approved_on) < 0)
		return store_finish(s, refuse(s, CONT_DATE_BEFORE_APPROVAL));
	if (!(st = store_prepare(s, "INSERT INTO cont_version (plan_id, version,"
				    " approved_by, approved_on, entered_by,"
				    " entered_at, snapshot) SELECT id, ?2, ?3, ?4,"
				    " ?5, " NOW ", canon FROM contingency WHERE id = ?1")))
		return store_finish(s, ST_DB);
	*version = sum.version + 1;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, *version);
	store_bind_text(st, 3, approver);
	bind_date(st, 4, day);
	store_bind_text(st, 5, user);
	date_format(day, dtext, sizeof dtext);
	snprintf(value, sizeof value, "v%" PRId64 " %s %s", *version, dtext,
		 approver);
	if (!(rc = store_run(s, st, "approve the plan")))
		rc = audit(s, user, unit_id, system, "approved", NULL, value);
	return store_finish(s, rc);
}

moat_status store_cont_review(store *s, int64_t plan_id, date day, date today,
			      const char *user)
{
	char system[TEXT_BYTES(BIA_NAME_MAX)], value[64], dtext[16];
	cont_summary sum;
	int64_t unit_id;
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = begin_on_plan(s, plan_id, day, today, &unit_id, system,
				sizeof system, &sum)))
		return rc;
	if (!sum.version)
		return store_finish(s, refuse(s, CONT_REVIEW_NEVER_APPROVED));
	if (sum.changed)
		return store_finish(s, refuse(s, CONT_REVIEW_CHANGED));
	if (date_cmp(day, sum.approved_on) < 0)
		return store_finish(s, refuse(s, CONT_DATE_BEFORE_APPROVAL));
	if (!(st = store_prepare(s, "INSERT INTO cont_review (plan_id, version,"
				    " reviewed_on, reviewed_by, entered_at)"
				    " VALUES (?, ?, ?, ?, " NOW ")")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, sum.version);
	bind_date(st, 3, day);
	store_bind_text(st, 4, user);
	date_format(day, dtext, sizeof dtext);
	snprintf(value, sizeof value, "v%" PRId64 " %s", sum.version, dtext);
	if (!(rc = store_run(s, st, "record the review")))
		rc = audit(s, user, unit_id, system, "reviewed", NULL, value);
	return store_finish(s, rc);
}

/* The columns joined with " | ", as the audit log shows them. */
static void columns_value(const cont_column *cols, size_t n, char *out,
			  size_t len)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && used < len; i++) {
		snprintf(out + used, len - used, "%s%s", i ? " | " : "", cols[i]);
		used += strlen(out + used);
	}
}

moat_status store_cont_columns_set(store *s, int64_t plan_id,
				   const cont_column *cols, size_t n,
				   const char *user)
{
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	char was[CONT_MAX_COLUMNS * (sizeof(cont_column) + 3) + 1], now[sizeof was];
	cont_column *old = NULL;
	size_t n_old = 0;
	int64_t unit_id;
	sqlite3_stmt *st;
	moat_status rc;

	if (n < 1 || n > CONT_MAX_COLUMNS)
		return refuse(s, CONT_COLUMNS_RANGE);
	for (size_t i = 0; i < n; i++)
		if (!cont_column_ok(cols[i]))
			return refuse(s, CONT_COLUMN_BAD);
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = plan_of(s, plan_id, &unit_id, system, sizeof system)) ||
	    (rc = store_rows(s, "SELECT title FROM cont_column WHERE plan_id = ?"
			        " ORDER BY position", plan_id, sizeof *old,
			     (void **)&old, &n_old, read_column)))
		goto done;
	columns_value(old, n_old, was, sizeof was);
	columns_value(cols, n, now, sizeof now);
	if (strcmp(was, now) == 0)
		goto done;
	if (!(st = store_prepare(s, "DELETE FROM cont_column WHERE plan_id = ?"))) {
		rc = ST_DB;
		goto done;
	}
	sqlite3_bind_int64(st, 1, plan_id);
	if (!(rc = store_run(s, st, "replace the form's columns")) &&
	    !(rc = insert_columns(s, plan_id, cols, n)))
		rc = audit(s, user, unit_id, system, "columns", was, now);
done:
	free(old);
	return store_finish(s, rc);
}

void cont_records_free(cont_record *r, size_t n)
{
	for (size_t i = 0; r && i < n; i++)
		cont_record_free(&r[i]);
	free(r);
}

moat_status store_cont_load_all(store *s, int64_t unit_id, cont_record **out,
				size_t *n)
{
	cont_summary *sum = NULL;
	size_t k = 0;
	moat_status rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_cont_summaries(s, unit_id, &sum, &k)))
		return rc;
	if (k && !(*out = calloc(k, sizeof **out))) {
		free(sum);
		return ST_NOMEM;
	}
	for (size_t i = 0; !rc && i < k; i++)
		if (!(rc = store_cont_load(s, sum[i].id, &(*out)[i])))
			*n = i + 1;
	free(sum);
	if (rc) {
		cont_records_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
