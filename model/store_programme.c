#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/store_internal.h"
#include "model/text.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

static void day_text(date d, char *out, size_t outlen)
{
	if (d.y)
		date_format(d, out, outlen);
	else
		out[0] = '\0';
}

static date column_date(sqlite3_stmt *st, int col)
{
	date d = {0, 0, 0};
	const unsigned char *t = sqlite3_column_text(st, col);
	if (t)
		date_parse((const char *)t, &d);
	return d;
}

#define IDENTITY_SQL "SELECT value FROM setting WHERE key = 'db_identity'"

moat_status store_db_identity(store *s, char *out, size_t len)
{
	char made[RANDOM_UUID_LEN + 1];
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_text_scalar(s, IDENTITY_SQL, out, len)) || out[0])
		return rc;
	if (s->read_only) {
		snprintf(s->err, sizeof s->err,
			 "the database has no identity yet and is read-only");
		return ST_READONLY;
	}
	if ((rc = random_uuid(made, sizeof made))) {
		snprintf(s->err, sizeof s->err,
			 "no random bytes for the database's identity");
		return rc;
	}
	/* Another process may have stored one since: keep the first. */
	if (!(st = store_prepare(s, "INSERT OR IGNORE INTO setting (key, value)"
				    " VALUES ('db_identity', ?)")))
		return ST_DB;
	store_bind_text(st, 1, made);
	if ((rc = store_run(s, st, "database identity")) ||
	    (rc = store_text_scalar(s, IDENTITY_SQL, out, len)))
		return rc;
	if (!out[0]) {
		snprintf(s->err, sizeof s->err, "the database's identity is empty");
		return ST_DB;
	}
	return ST_OK;
}

moat_status store_programme(store *s, int64_t unit_id, bool *found, int64_t *id,
			    date *start)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id, start_date FROM programme WHERE unit_id = ?");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		*id = sqlite3_column_int64(st, 0);
		*start = column_date(st, 1);
	}
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "read programme");
}

static moat_status insert_task(store *s, int64_t programme_id, const char *key,
			       int phase, const char *title, const char *item,
			       date due, int64_t *id)
{
	sqlite3_stmt *st = store_prepare(
		s, "INSERT INTO plan_task (programme_id, template_key, phase, title,"
		   " item_key, due_date) VALUES (?, ?, ?, ?, ?, ?)");
	char d[16];
	moat_status rc;
	if (!st)
		return ST_DB;
	date_format(due, d, sizeof d);
	sqlite3_bind_int64(st, 1, programme_id);
	store_bind_text(st, 2, key);
	sqlite3_bind_int(st, 3, phase);
	store_bind_text(st, 4, title);
	store_bind_text(st, 5, item);
	store_bind_text(st, 6, d);
	rc = store_run(s, st, "add task");
	if (!rc && id)
		*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

moat_status store_programme_start(store *s, int64_t unit_id,
				  const questionnaire *q, date start,
				  date duties_start, const char *user, int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;
	char d[16], ds[16];

	if (!start.y || !duties_start.y) {
		snprintf(s->err, sizeof s->err, "a start date is needed");
		return ST_INVALID;
	}
	if ((rc = store_begin(s)))
		return rc;
	date_format(start, d, sizeof d);
	date_format(duties_start, ds, sizeof ds);
	st = store_prepare(s, "INSERT INTO programme (unit_id, start_date,"
			      " created_by, created_at) VALUES (?, ?, ?, " NOW ")");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, d);
	store_bind_text(st, 3, user);
	rc = store_run(s, st, "start programme");
	if (rc == ST_EXISTS)
		snprintf(s->err, sizeof s->err, "the programme was already started");
	if (!rc)
		*id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; !rc && i < q->n_tasks; i++) {
		const q_task *t = &q->tasks[i];
		rc = insert_task(s, *id, t->key, t->phase, t->title,
				 t->item >= 0 ? q->items[t->item].key : "",
				 plan_phase_due(start, t->phase), NULL);
	}
	for (size_t i = 0; !rc && i < q->n_duties; i++) {
		const q_duty *du = &q->duties[i];
		st = store_prepare(s, "INSERT INTO duty (unit_id, template_key, title,"
				      " every_months, day, anchor, start_date,"
				      " item_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
		if (!st) {
			rc = ST_DB;
			break;
		}
		sqlite3_bind_int64(st, 1, unit_id);
		store_bind_text(st, 2, du->key);
		store_bind_text(st, 3, du->title);
		sqlite3_bind_int(st, 4, du->every_months);
		sqlite3_bind_int(st, 5, du->day);
		store_bind_text(st, 6, du->completion ? "completion" : "schedule");
		store_bind_text(st, 7, ds);
		store_bind_text(st, 8, du->item >= 0 ? q->items[du->item].key : "");
		rc = store_run(s, st, "add duty");
	}
	if (!rc)
		rc = store_audit(s, user, unit_id, 0, "programme", d, "started",
				 NULL, d);
	return store_finish(s, rc);
}

#define TASK_COLUMNS                                                         \
	"id, template_key, phase, title, item_key, owner, status, due_date," \
	" done_date, note"

static void read_task(sqlite3_stmt *st, plan_task *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, t->key, sizeof t->key);
	t->phase = sqlite3_column_int(st, 2);
	store_column_copy(st, 3, t->title, sizeof t->title);
	store_column_copy(st, 4, t->item, sizeof t->item);
	store_column_copy(st, 5, t->owner, sizeof t->owner);
	if (!task_parse_status((const char *)sqlite3_column_text(st, 6), &t->status))
		t->status = TASK_NOT_STARTED;
	t->due = column_date(st, 7);
	t->done_on = column_date(st, 8);
	store_column_copy(st, 9, t->note, sizeof t->note);
}

/* Runs a query with ?1 = id and collects rows with read into a new array
 * of elements of size elem. */
static moat_status collect(store *s, const char *sql, int64_t id, size_t elem,
			   void (*read)(sqlite3_stmt *, void *), void **out,
			   size_t *n, const char *context)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			void *nv = realloc(*out, (cap = cap ? cap * 2 : 16) * elem);
			if (!nv) {
				store_done(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return ST_NOMEM;
			}
			*out = nv;
		}
		read(st, (char *)*out + (*n)++ * elem);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, context);
	}
	return ST_OK;
}

static void read_task_v(sqlite3_stmt *st, void *p) { read_task(st, p); }

moat_status store_tasks(store *s, int64_t programme_id, plan_task **out,
			size_t *n)
{
	return collect(s, "SELECT " TASK_COLUMNS " FROM plan_task WHERE"
			  " programme_id = ? ORDER BY phase, id",
		       programme_id, sizeof **out, read_task_v, (void **)out, n,
		       "read tasks");
}

moat_status store_task_add(store *s, int64_t programme_id, int phase,
			   const char *title, const char *item_key,
			   const char *user, int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;
	date start = {0, 0, 0};
	int64_t unit_id = 0;

	if (phase < 1 || phase > PLAN_PHASES || !title || !*title) {
		snprintf(s->err, sizeof s->err, "a task needs a title and a phase");
		return ST_INVALID;
	}
	if ((rc = store_check_text(s, title, PLAN_F_TITLE, TASK_TITLE_MAX)))
		return rc;
	if ((rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "SELECT start_date, unit_id FROM programme WHERE"
			      " id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, programme_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		start = column_date(st, 0);
		unit_id = sqlite3_column_int64(st, 1);
	}
	store_done(st);
	if (!start.y) {
		snprintf(s->err, sizeof s->err, "no programme %" PRId64, programme_id);
		return store_finish(s, ST_NOT_FOUND);
	}
	rc = insert_task(s, programme_id, "", phase, title, item_key ? item_key : "",
			 plan_phase_due(start, phase), id);
	if (!rc)
		rc = store_audit(s, user, unit_id, 0, "task", title, "added",
				 NULL, title);
	return store_finish(s, rc);
}

/* The fields a user edits, as the screen showed them and as stored. */
static bool same_task(const plan_task *a, const plan_task *b)
{
	return a->phase == b->phase && a->status == b->status &&
	       date_cmp(a->done_on, b->done_on) == 0 &&
	       strcmp(a->title, b->title) == 0 && strcmp(a->item, b->item) == 0 &&
	       strcmp(a->owner, b->owner) == 0 && strcmp(a->note, b->note) == 0;
}

/* Writes t; with seen, only when the stored task still is *seen. */
static moat_status task_write(store *s, const plan_task *seen,
			      const plan_task *t, date today, const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	plan_task old;
	date start = {0, 0, 0}, done_on = t->done_on;
	int64_t unit_id = 0;
	char due[16], dd[16], a[32], b[32];
	int sr;

	if (t->phase < 1 || t->phase > PLAN_PHASES || !t->title[0] ||
	    (unsigned)t->status >= TASK_STATUS_COUNT) {
		snprintf(s->err, sizeof s->err, "invalid task");
		return ST_INVALID;
	}
	if (t->done_on.y && !date_happened_by(t->done_on, today)) {
		snprintf(s->err, sizeof s->err, "a task cannot be done after today");
		return ST_INVALID;
	}
	if ((rc = store_check_text(s, t->title, PLAN_F_TITLE,
				   TASK_TITLE_MAX)) ||
	    (rc = store_check_text(s, t->owner, PLAN_F_OWNER,
				   TASK_OWNER_MAX)) ||
	    (rc = store_check_text(s, t->note, PLAN_F_NOTE, TASK_NOTE_MAX)))
		return rc;
	if ((rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "SELECT " TASK_COLUMNS ", (SELECT start_date FROM"
			      " programme p WHERE p.id = t.programme_id),"
			      " (SELECT unit_id FROM programme p WHERE"
			      " p.id = t.programme_id) FROM plan_task t WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, t->id);
	sr = sqlite3_step(st);
	if (sr == SQLITE_ROW) {
		read_task(st, &old);
		start = column_date(st, 10);
		unit_id = sqlite3_column_int64(st, 11);
	}
	store_done(st);
	if (sr != SQLITE_ROW) {
		snprintf(s->err, sizeof s->err, "no task %" PRId64, t->id);
		return store_finish(s, ST_NOT_FOUND);
	}
	if (seen && !same_task(seen, &old)) {
		snprintf(s->err, sizeof s->err, "task %" PRId64 " changed meanwhile",
			 t->id);
		return store_finish(s, ST_CONFLICT);
	}
	if (t->status == TASK_DONE && !done_on.y)
		done_on = today;
	if (t->status != TASK_DONE)
		done_on = (date){0, 0, 0};
	date_format(plan_phase_due(start, t->phase), due, sizeof due);
	day_text(done_on, dd, sizeof dd);
	st = store_prepare(s, "UPDATE plan_task SET title = ?, phase = ?,"
			      " owner = ?, status = ?, due_date = ?,"
			      " done_date = ?, note = ?, item_key = ? WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	store_bind_text(st, 1, t->title);
	sqlite3_bind_int(st, 2, t->phase);
	store_bind_text(st, 3, t->owner);
	store_bind_text(st, 4, task_status_key(t->status));
	store_bind_text(st, 5, due);
	store_bind_text(st, 6, dd);
	store_bind_text(st, 7, t->note);
	store_bind_text(st, 8, t->item);
	sqlite3_bind_int64(st, 9, t->id);
	rc = store_run(s, st, "update task");
	if (!rc && old.status != t->status)
		rc = store_audit(s, user, unit_id, 0, "task", old.title,
				 "status",
				 task_status_key(old.status), task_status_key(t->status));
	if (!rc && strcmp(old.owner, t->owner) != 0)
		rc = store_audit(s, user, unit_id, 0, "task", old.title,
				 "owner", old.owner,
				 t->owner);
	if (!rc && strcmp(old.title, t->title) != 0)
		rc = store_audit(s, user, unit_id, 0, "task", old.title,
				 "title", old.title,
				 t->title);
	if (!rc && old.phase != t->phase) {
		snprintf(a, sizeof a, "%d", old.phase);
		snprintf(b, sizeof b, "%d", t->phase);
		rc = store_audit(s, user, unit_id, 0, "task", t->title,
				 "phase", a, b);
	}
	if (!rc && strcmp(old.note, t->note) != 0)
		rc = store_audit(s, user, unit_id, 0, "task", t->title,
				 "note", old.note,
				 t->note);
	if (!rc && strcmp(old.item, t->item) != 0)
		rc = store_audit(s, user, unit_id, 0, "task", t->title,
				 "item", old.item,
				 t->item);
	return store_finish(s, rc);
}

moat_status store_task_update(store *s, const plan_task *t, date today,
			      const char *user)
{
	return task_write(s, NULL, t, today, user);
}

moat_status store_task_change(store *s, const plan_task *seen,
			      const plan_task *t, date today, const char *user)
{
	return task_write(s, seen, t, today, user);
}

moat_status store_task_delete(store *s, int64_t id, const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	char title[TEXT_BYTES(TASK_TITLE_MAX)] = "";
	int64_t unit_id = 0;
	int sr;

	if ((rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "SELECT title, (SELECT unit_id FROM programme p"
			      " WHERE p.id = t.programme_id) FROM plan_task t"
			      " WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	sr = sqlite3_step(st);
	if (sr == SQLITE_ROW) {
		store_column_copy(st, 0, title, sizeof title);
		unit_id = sqlite3_column_int64(st, 1);
	}
	store_done(st);
	if (sr != SQLITE_ROW) {
		snprintf(s->err, sizeof s->err, "no task %" PRId64, id);
		return store_finish(s, ST_NOT_FOUND);
	}
	st = store_prepare(s, "DELETE FROM plan_task WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	rc = store_run(s, st, "delete task");
	if (!rc)
		rc = store_audit(s, user, unit_id, 0, "task", title, "removed",
				 title, NULL);
	return store_finish(s, rc);
}

static void read_duty(sqlite3_stmt *st, void *p)
{
	duty *d = p;
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, d->key, sizeof d->key);
	store_column_copy(st, 2, d->title, sizeof d->title);
	d->rule.every_months = sqlite3_column_int(st, 3);
	d->rule.day = sqlite3_column_int(st, 4);
	d->rule.anchor = strcmp((const char *)sqlite3_column_text(st, 5),
				"completion") == 0
				 ? REC_ANCHOR_COMPLETION
				 : REC_ANCHOR_SCHEDULE;
	d->rule.start = column_date(st, 6);
	store_column_copy(st, 7, d->item, sizeof d->item);
	d->paused_on = column_date(st, 8);
}

#define DUTY_COLUMNS                                                   \
	"id, template_key, title, every_months, day, anchor, start_date," \
	" item_key, paused_on"

moat_status store_duties(store *s, int64_t unit_id, duty **out, size_t *n)
{
	return collect(s, "SELECT " DUTY_COLUMNS " FROM duty WHERE"
			  " unit_id = ? ORDER BY every_months, id",
		       unit_id, sizeof **out, read_duty, (void **)out, n,
		       "read duties");
}

/* What a duty is as the user edits it, as shown and as stored. */
static bool same_duty(const duty *a, const duty *b)
{
	return strcmp(a->title, b->title) == 0 && strcmp(a->item, b->item) == 0 &&
	       a->rule.every_months == b->rule.every_months &&
	       a->rule.day == b->rule.day && a->rule.anchor == b->rule.anchor &&
	       date_cmp(a->rule.start, b->rule.start) == 0 &&
	       date_cmp(a->paused_on, b->paused_on) == 0;
}

/* The title, rule and item of a duty users type. */
static moat_status duty_check(store *s, const duty *d)
{
	moat_status rc;

	if ((rc = store_check_text(s, d->title, DF_TITLE, DUTY_TITLE_MAX)))
		return rc;
	if (!d->title[0] || !rec_valid(&d->rule) ||
	    strlen(d->item) >= sizeof d->item) {
		snprintf(s->err, sizeof s->err,
			 "a duty needs a title and a valid rule");
		return ST_INVALID;
	}
	return ST_OK;
}

static const char *anchor_key(rec_anchor a)
{
	return a == REC_ANCHOR_COMPLETION ? "completion" : "schedule";
}

/* Binds d's title, every_months, day, anchor, start_date and item_key,
 * in that order, from parameter first on. */
static void bind_duty(sqlite3_stmt *st, int first, const duty *d)
{
	char start[16];

	date_format(d->rule.start, start, sizeof start);
	store_bind_text(st, first, d->title);
	sqlite3_bind_int(st, first + 1, d->rule.every_months);
	sqlite3_bind_int(st, first + 2, d->rule.day);
	store_bind_text(st, first + 3, anchor_key(d->rule.anchor));
	store_bind_text(st, first + 4, start);
	store_bind_text(st, first + 5, d->item);
}

moat_status store_duty_add(store *s, int64_t unit_id, const duty *d,
			   const char *user, int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = duty_check(s, d)) || (rc = store_begin(s)))
		return rc;
	/* The key only has to be unique in the unit; the new row's id
	 * (one more than the largest) makes it so. */
	st = store_prepare(s, "INSERT INTO duty (unit_id, template_key, title,"
			      " every_months, day, anchor, start_date, item_key)"
			      " VALUES (?, 'user-' || (SELECT coalesce(max(id), 0)"
			      " + 1 FROM duty), ?, ?, ?, ?, ?, ?)");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	bind_duty(st, 2, d);
	rc = store_run(s, st, "add duty");
	if (!rc) {
		*id = sqlite3_last_insert_rowid(s->db);
		rc = store_audit(s, user, unit_id, 0, "duty", d->title, "added", NULL,
				 d->title);
	}
	return store_finish(s, rc);
}

/* Opens a write of duty seen->id: the transaction, and the stored duty
 * in *old, which must still be *seen, and its unit in *unit_id. On
 * failure the transaction is over. */
static moat_status duty_begin(store *s, const duty *seen, duty *old,
			      int64_t *unit_id)
{
	sqlite3_stmt *st;
	moat_status rc;
	int sr;

	if ((rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "SELECT " DUTY_COLUMNS ", unit_id FROM duty"
			      " WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, seen->id);
	sr = sqlite3_step(st);
	if (sr == SQLITE_ROW) {
		read_duty(st, old);
		*unit_id = sqlite3_column_int64(st, 9);
	}
	store_done(st);
	if (sr != SQLITE_ROW) {
		snprintf(s->err, sizeof s->err, "no duty %" PRId64, seen->id);
		return store_finish(s, sr == SQLITE_DONE ? ST_NOT_FOUND
							 : store_fail(s, sr, "read duty"));
	}
	if (!same_duty(seen, old)) {
		snprintf(s->err, sizeof s->err, "duty %" PRId64 " changed meanwhile",
			 seen->id);
		return store_finish(s, ST_CONFLICT);
	}
	return ST_OK;
}

/* Audits one changed field of a duty as its old and new numbers. */
static moat_status audit_number(store *s, const char *user, int64_t unit_id,
				const char *title, const char *field, int old,
				int now)
{
	char a[16], b[16];

	if (old == now)
		return ST_OK;
	snprintf(a, sizeof a, "%d", old);
	snprintf(b, sizeof b, "%d", now);
	return store_audit(s, user, unit_id, 0, "duty", title, field, a, b);
}

static moat_status audit_text(store *s, const char *user, int64_t unit_id,
			      const char *title, const char *field,
			      const char *old, const char *now)
{
	if (strcmp(old, now) == 0)
		return ST_OK;
	return store_audit(s, user, unit_id, 0, "duty", title, field, old,
			   now);
}

moat_status store_duty_change(store *s, const duty *seen, const duty *d,
			      const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	duty old;
	int64_t unit_id = 0;
	char start[16], was[16];

	if ((rc = duty_check(s, d)) || (rc = duty_begin(s, seen, &old, &unit_id)))
		return rc;
	date_format(d->rule.start, start, sizeof start);
	date_format(old.rule.start, was, sizeof was);
	st = store_prepare(s, "UPDATE duty SET title = ?, every_months = ?,"
			      " day = ?, anchor = ?, start_date = ?, item_key = ?"
			      " WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	bind_duty(st, 1, d);
	sqlite3_bind_int64(st, 7, seen->id);
	if (!(rc = store_run(s, st, "update duty")))
		rc = audit_text(s, user, unit_id, old.title, "title", old.title, d->title);
	if (!rc)
		rc = audit_number(s, user, unit_id, d->title, "every_months",
				  old.rule.every_months, d->rule.every_months);
	if (!rc)
		rc = audit_number(s, user, unit_id, d->title, "day", old.rule.day,
				  d->rule.day);
	if (!rc)
		rc = audit_text(s, user, unit_id, d->title, "anchor",
				anchor_key(old.rule.anchor),
				anchor_key(d->rule.anchor));
	if (!rc)
		rc = audit_text(s, user, unit_id, d->title, "start_date", was, start);
	if (!rc)
		rc = audit_text(s, user, unit_id, d->title, "item", old.item, d->item);
	return store_finish(s, rc);
}

moat_status store_duty_set_paused(store *s, const duty *seen, bool paused,
				  date on, const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	duty old;
	int64_t unit_id = 0;
	char day[16], since[16] = "";

	if (!on.y) {
		snprintf(s->err, sizeof s->err, "a day is needed");
		return ST_INVALID;
	}
	if ((rc = duty_begin(s, seen, &old, &unit_id)))
		return rc;
	if (paused == (old.paused_on.y != 0)) {
		snprintf(s->err, sizeof s->err, "duty %" PRId64 " is %s paused",
			 seen->id, paused ? "already" : "not");
		return store_finish(s, ST_INVALID);
	}
	date_format(on, day, sizeof day);
	if (!paused)
		date_format(old.paused_on, since, sizeof since);
	/* A pause resumed on its first day held no day: nothing to keep. */
	if (!paused && date_cmp(on, old.paused_on) > 0) {
		st = store_prepare(s, "INSERT INTO duty_pause (duty_id, paused_on,"
				      " resumed_on) VALUES (?, ?, ?)");
		if (!st)
			return store_finish(s, ST_DB);
		sqlite3_bind_int64(st, 1, seen->id);
		store_bind_text(st, 2, since);
		store_bind_text(st, 3, day);
		if ((rc = store_run(s, st, "keep pause")))
			return store_finish(s, rc);
	}
	st = store_prepare(s, "UPDATE duty SET paused_on = ? WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	store_bind_text(st, 1, paused ? day : "");
	sqlite3_bind_int64(st, 2, seen->id);
	rc = store_run(s, st, paused ? "pause duty" : "resume duty");
	if (!rc)
		rc = store_audit(s, user, unit_id, 0, "duty", old.title,
				 paused ? "paused" : "resumed",
				 paused ? NULL : since, day);
	return store_finish(s, rc);
}

moat_status store_duty_remove(store *s, const duty *seen, size_t n_events,
			      const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	duty old;
	int64_t unit_id = 0;
	int64_t count = -1;

	if ((rc = duty_begin(s, seen, &old, &unit_id)))
		return rc;
	st = store_prepare(s, "SELECT count(*) FROM duty_event WHERE duty_id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, seen->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		count = sqlite3_column_int64(st, 0);
	store_done(st);
	if (count != (int64_t)n_events) {
		snprintf(s->err, sizeof s->err,
			 "duty %" PRId64 " has %" PRId64 " records, not %zu",
			 seen->id, count, n_events);
		return store_finish(s, ST_CONFLICT);
	}
	/* Its history and pauses go by the foreign keys' cascade. */
	st = store_prepare(s, "DELETE FROM duty WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, seen->id);
	if (!(rc = store_run(s, st, "remove duty")))
		rc = store_audit(s, user, unit_id, 0, "duty", old.title, "removed",
				 old.title, NULL);
	return store_finish(s, rc);
}

static void read_pause(sqlite3_stmt *st, void *p)
{
	rec_pause *r = p;
	r->from = column_date(st, 0);
	r->until = column_date(st, 1);
}

moat_status store_duty_pauses(store *s, int64_t duty_id, rec_pause **out,
			      size_t *n)
{
	return collect(s, "SELECT paused_on, resumed_on FROM duty_pause WHERE"
			  " duty_id = ? ORDER BY paused_on",
		       duty_id, sizeof **out, read_pause, (void **)out, n,
		       "read pauses");
}

/* The dates, kind and proof (the first columns of EVENT_COLUMNS). Each
 * field is set, the texts empty: clearing the whole record first was
 * most of the cost of reading a history. */
static void read_event_brief(sqlite3_stmt *st, void *p)
{
	duty_event *e = p;
	e->id = sqlite3_column_int64(st, 0);
	e->duty_id = sqlite3_column_int64(st, 1);
	e->due = column_date(st, 2);
	e->skipped = strcmp((const char *)sqlite3_column_text(st, 3), "skipped") == 0;
	e->on = column_date(st, 4);
	e->evidence_id = sqlite3_column_int64(st, 5);
	e->result[0] = e->note[0] = e->by[0] = '\0';
}

/* The same, and the texts after them. */
static void read_event(sqlite3_stmt *st, void *p)
{
	duty_event *e = p;
	read_event_brief(st, p);
	store_column_copy(st, 6, e->result, sizeof e->result);
	store_column_copy(st, 7, e->note, sizeof e->note);
	store_column_copy(st, 8, e->by, sizeof e->by);
}

#define EVENT_COLUMNS                                                       \
	"SELECT id, duty_id, due_date, kind, event_date,"                   \
	" coalesce(evidence_id, 0)"
#define EVENTS_OF_DUTY " FROM duty_event WHERE duty_id = ? ORDER BY due_date DESC"

moat_status store_duty_events(store *s, int64_t duty_id, bool texts,
			      duty_event **out, size_t *n)
{
	if (!texts)
		return collect(s, EVENT_COLUMNS EVENTS_OF_DUTY, duty_id,
			       sizeof **out, read_event_brief, (void **)out, n,
			       "read duty history");
	return collect(s, EVENT_COLUMNS ", result, note, entered_by"
		       EVENTS_OF_DUTY, duty_id, sizeof **out, read_event,
		       (void **)out, n, "read duty history");
}

moat_status store_duty_resolve(store *s, const duty_event *ev,
			       const evidence *proof, const char *user,
			       int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;
	char due[16], on[16], title[256] = "";
	int64_t evidence_id = ev->evidence_id, unit_id = 0;
	int sr;

	if (!ev->due.y || !ev->on.y || (ev->skipped && !ev->note[0]) ||
	    !text_valid_utf8(ev->result) || !text_valid_utf8(ev->note)) {
		snprintf(s->err, sizeof s->err,
			 ev->skipped ? "a skipped occurrence needs a reason"
				     : "invalid duty record");
		return ST_INVALID;
	}
	if ((rc = store_check_text(s, ev->result, AG_F_RESULT,
				   DUTY_RESULT_MAX)) ||
	    (rc = store_check_text(s, ev->note,
				   ev->skipped ? FIELD_REASON : AG_F_NOTE,
				   DUTY_NOTE_MAX)) ||
	    (proof && (rc = store_evidence_check(s, proof))))
		return rc;
	if ((rc = store_begin(s)))
		return rc;
	/* The proof goes with the record or not at all; a finalised year
	 * takes no new evidence, and the record stands without it. */
	if (proof && !(rc = store_check_writable(s, proof->assessment_id)))
		rc = store_evidence_insert(s, proof, user, &evidence_id);
	if (rc == ST_FROZEN)
		rc = ST_OK;
	if (rc)
		return store_finish(s, rc);
	st = store_prepare(s, "SELECT title, unit_id FROM duty WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, ev->duty_id);
	sr = sqlite3_step(st);
	if (sr == SQLITE_ROW) {
		store_column_copy(st, 0, title, sizeof title);
		unit_id = sqlite3_column_int64(st, 1);
	}
	store_done(st);
	if (sr != SQLITE_ROW) {
		snprintf(s->err, sizeof s->err, "no duty %" PRId64, ev->duty_id);
		return store_finish(s, ST_NOT_FOUND);
	}
	date_format(ev->due, due, sizeof due);
	date_format(ev->on, on, sizeof on);
	st = store_prepare(s, "INSERT INTO duty_event (duty_id, due_date, kind,"
			      " event_date, result, note, evidence_id, entered_by,"
			      " entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " NOW ")");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, ev->duty_id);
	store_bind_text(st, 2, due);
	store_bind_text(st, 3, ev->skipped ? "skipped" : "done");
	store_bind_text(st, 4, on);
	store_bind_text(st, 5, ev->result);
	store_bind_text(st, 6, ev->note);
	if (evidence_id)
		sqlite3_bind_int64(st, 7, evidence_id);
	store_bind_text(st, 8, user);
	rc = store_run(s, st, "record duty");
	if (rc == ST_EXISTS)
		snprintf(s->err, sizeof s->err, "the occurrence due %s was already"
			 " recorded", due);
	if (!rc) {
		*id = sqlite3_last_insert_rowid(s->db);
		rc = store_audit(s, user, unit_id, 0, "duty", title,
				 ev->skipped ? "skipped" : "done", due, on);
	}
	return store_finish(s, rc);
}
