#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/store_internal.h"
#include "model/years.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

moat_status store_assessment_list(store *s, int64_t unit_id, assessment **out,
				  size_t *n)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id FROM assessment WHERE unit_id = ? ORDER BY year");
	int64_t ids[256];
	size_t count = 0;
	int rc;
	moat_status res = ST_OK;

	*out = NULL;
	*n = 0;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && count < 256)
		ids[count++] = sqlite3_column_int64(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "list years");
	if (count == 0)
		return ST_OK;
	*out = calloc(count, sizeof **out);
	if (!*out)
		return ST_NOMEM;
	for (size_t i = 0; i < count && !res; i++)
		res = store_assessment_get(s, ids[i], &(*out)[i]);
	if (res) {
		free(*out);
		*out = NULL;
		return res;
	}
	*n = count;
	return ST_OK;
}

/* Runs a statement with ?1 = a and ?2 = b (both ids) to completion. */
static moat_status run2(store *s, const char *sql, int64_t a, int64_t b,
			const char *context)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	return store_run(s, st, context);
}

moat_status store_assessment_finalise(store *s, int64_t assessment_id,
				      date today, int level, const char *user)
{
	sqlite3_stmt *st;
	assessment a;
	moat_status rc;
	char y[16], day[11];

	if (level < 1 || level > 5) {
		snprintf(s->err, sizeof s->err, "level %d is not 1-5", level);
		return ST_INVALID;
	}
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_check_writable(s, assessment_id)) ||
	    (rc = store_assessment_get(s, assessment_id, &a)))
		return store_finish(s, rc);
	st = store_prepare(s, "UPDATE assessment SET status = 'final',"
			      " finalised_by = ?, finalised_at = " NOW ","
			      " judged_on = ?, final_level = ? WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	date_format(today, day, sizeof day);
	store_bind_text(st, 1, user);
	store_bind_text(st, 2, day);
	sqlite3_bind_int(st, 3, level);
	sqlite3_bind_int64(st, 4, assessment_id);
	rc = store_run(s, st, "finalise");
	snprintf(y, sizeof y, "%d", a.year);
	if (!rc)
		rc = store_audit(s, user, a.unit_id, assessment_id, "assessment", y,
				 "status", "draft", "final");
	return store_finish(s, rc);
}

moat_status store_assessment_start_next(store *s, int64_t from_id, date today,
					const char *user, int64_t *new_id)
{
	sqlite3_stmt *st;
	assessment from;
	moat_status rc;
	int sr;
	char y[16], was[16];

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_assessment_get(s, from_id, &from)))
		return store_finish(s, rc);
	if (!year_may_start_next(from.status)) {
		snprintf(s->err, sizeof s->err,
			 "%d is still a draft: finalise it before starting %d",
			 from.year, from.year + 1);
		return store_finish(s, ST_INVALID);
	}
	st = store_prepare(s, "INSERT INTO assessment (unit_id, year, created_by,"
			      " created_at) VALUES (?, ?, ?, " NOW ")");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, from.unit_id);
	sqlite3_bind_int(st, 2, from.year + 1);
	store_bind_text(st, 3, user);
	sr = sqlite3_step(st);
	store_done(st);
	if (sr != SQLITE_DONE) {
		rc = store_fail(s, sr, "start next year");
		if (rc == ST_EXISTS)
			snprintf(s->err, sizeof s->err, "year %d already exists",
				 from.year + 1);
		return store_finish(s, rc);
	}
	*new_id = sqlite3_last_insert_rowid(s->db);
	rc = run2(s, "INSERT INTO item_state (assessment_id, item_key, state,"
		     " updated_by, updated_at) SELECT ?2, item_key, state,"
		     " updated_by, updated_at FROM item_state"
		     " WHERE assessment_id = ?1",
		  from_id, *new_id, "copy states");
	if (!rc)
		rc = run2(s, "INSERT INTO criterion_answer (assessment_id,"
			     " criterion_key, answer, reason, updated_by,"
			     " updated_at) SELECT ?2, criterion_key, answer, reason,"
			     " updated_by, updated_at FROM criterion_answer"
			     " WHERE assessment_id = ?1",
			  from_id, *new_id, "copy answers");
	if (!rc)
		rc = store_evidence_copy_valid(s, from_id, *new_id, today);
	if (!rc)
		rc = store_bia_copy(s, from_id, *new_id);
	snprintf(y, sizeof y, "%d", from.year + 1);
	snprintf(was, sizeof was, "%d", from.year);
	if (!rc)
		rc = store_audit(s, user, from.unit_id, *new_id, "assessment", y,
				 "copied_from", NULL, was);
	return store_finish(s, rc);
}

moat_status store_assessment_changes(store *s, int64_t assessment_id,
				     int64_t *changes)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT count(*) FROM audit_log WHERE assessment_id = ?1 AND"
		   " id > (SELECT coalesce(max(id), 0) FROM audit_log"
		   " WHERE assessment_id = ?1 AND entity = 'assessment'"
		   " AND field IN ('created', 'copied_from'))");
	int rc;

	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, assessment_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*changes = sqlite3_column_int64(st, 0);
	store_done(st);
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, "count changes");
}

/* The facts year_removal_rule decides on: is a the latest of its unit's
 * years, and how many years there are. */
static moat_status year_place(store *s, const assessment *a, bool *latest,
			      int64_t *n_years)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT count(*), max(year) FROM assessment WHERE unit_id = ?");
	int rc;

	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, a->unit_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n_years = sqlite3_column_int64(st, 0);
		*latest = sqlite3_column_int(st, 1) == a->year;
	}
	store_done(st);
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, "read years");
}

moat_status store_assessment_remove(store *s, int64_t assessment_id,
				    const char *user, year_removal *why)
{
	static const char *const reasons[] = {
		[YEAR_REMOVABLE] = "",
		[YEAR_NOT_DRAFT] = "it is finalised",
		[YEAR_NOT_LATEST] = "a later year was started from it",
		[YEAR_ONLY] = "it is the unit's only year",
		[YEAR_CHANGED] = "it was changed since it was created",
	};
	sqlite3_stmt *st;
	assessment a;
	bool latest = false;
	int64_t n_years = 0, changes = 0;
	year_removal r;
	moat_status rc;
	char y[16];

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_assessment_get(s, assessment_id, &a)) ||
	    (rc = year_place(s, &a, &latest, &n_years)) ||
	    (rc = store_assessment_changes(s, assessment_id, &changes)))
		return store_finish(s, rc);
	r = year_removal_rule(a.status, latest, (size_t)n_years, changes);
	if (why)
		*why = r;
	if (r != YEAR_REMOVABLE) {
		snprintf(s->err, sizeof s->err, "%d cannot be removed: %s", a.year,
			 reasons[r]);
		return store_finish(s, ST_INVALID);
	}
	/* Its states, answers and evidence go with it (ON DELETE CASCADE). */
	if (!(st = store_prepare(s, "DELETE FROM assessment WHERE id = ?")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, assessment_id);
	rc = store_run(s, st, "remove year");
	snprintf(y, sizeof y, "%d", a.year);
	if (!rc)
		rc = store_audit(s, user, a.unit_id, 0, "assessment", y, "removed",
				 "draft", NULL);
	return store_finish(s, rc);
}

moat_status store_unit_set_validity(store *s, int64_t unit_id, int months,
				    const char *user)
{
	sqlite3_stmt *st;
	unit u;
	moat_status rc;
	char a[16], b[16];

	if (months < 1 || months > 120) {
		snprintf(s->err, sizeof s->err, "validity must be 1 to 120 months");
		return ST_INVALID;
	}
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_unit_get(s, unit_id, &u)))
		return store_finish(s, rc);
	if (u.validity_months == months)
		return store_finish(s, ST_OK);
	st = store_prepare(s, "UPDATE org_unit SET validity_months = ? WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int(st, 1, months);
	sqlite3_bind_int64(st, 2, unit_id);
	rc = store_run(s, st, "set validity");
	snprintf(a, sizeof a, "%d", u.validity_months);
	snprintf(b, sizeof b, "%d", months);
	if (!rc)
		rc = store_audit(s, user, unit_id, 0, "unit", u.name,
				 "validity_months", a, b);
	return store_finish(s, rc);
}

void audit_list_free(audit_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].old_value);
		free(l->v[i].new_value);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static char *dup_or_null(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL
		       ? NULL
		       : store_column_dup(st, col);
}

/* The audit log newest first, one statement per filter, so that each
 * reads through its index (a "?1 IS NULL OR user = ?1" would read the
 * whole log): by mask, 1 a unit (?1), 2 a user (?2), 4 a key (?3);
 * entries older than ?4 (an id), at most ?5. */
#define AUDIT_SELECT(where)                                                \
	"SELECT id, at, user, coalesce(assessment_id, 0),"                 \
	" coalesce(unit_id, 0), entity, key, field, old_value, new_value"  \
	" FROM audit_log WHERE " where "id < ?4 ORDER BY id DESC LIMIT ?5"
static const char *const audit_sql[] = {
	AUDIT_SELECT(""),
	AUDIT_SELECT("unit_id = ?1 AND "),
	AUDIT_SELECT("user = ?2 AND "),
	AUDIT_SELECT("unit_id = ?1 AND user = ?2 AND "),
	AUDIT_SELECT("key = ?3 AND "),
	AUDIT_SELECT("unit_id = ?1 AND key = ?3 AND "),
	AUDIT_SELECT("user = ?2 AND key = ?3 AND "),
	AUDIT_SELECT("unit_id = ?1 AND user = ?2 AND key = ?3 AND "),
};

moat_status store_audit_page(store *s, const audit_query *q, size_t limit,
			     audit_list *out)
{
	sqlite3_stmt *st = store_prepare(
		s, audit_sql[(q->unit_id ? 1 : 0) | (q->user ? 2 : 0) |
			     (q->key ? 4 : 0)]);
	int rc;

	out->v = NULL;
	out->n = 0;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, q->unit_id);
	store_bind_text(st, 2, q->user);
	store_bind_text(st, 3, q->key);
	sqlite3_bind_int64(st, 4, q->before > 0 ? q->before : INT64_MAX);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)limit);
	out->v = calloc(limit ? limit : 1, sizeof *out->v);
	if (!out->v) {
		store_done(st);
		return ST_NOMEM;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < limit) {
		audit_entry *e = &out->v[out->n++];
		e->id = sqlite3_column_int64(st, 0);
		store_column_copy(st, 1, e->at, sizeof e->at);
		store_column_copy(st, 2, e->user, sizeof e->user);
		e->assessment_id = sqlite3_column_int64(st, 3);
		e->unit_id = sqlite3_column_int64(st, 4);
		store_column_copy(st, 5, e->entity, sizeof e->entity);
		store_column_copy(st, 6, e->key, sizeof e->key);
		store_column_copy(st, 7, e->field, sizeof e->field);
		e->old_value = dup_or_null(st, 8);
		e->new_value = dup_or_null(st, 9);
	}
	store_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		audit_list_free(out);
		return store_fail(s, rc, "read audit log");
	}
	return ST_OK;
}

moat_status store_audit_list(store *s, const char *user, const char *key,
			     size_t limit, audit_list *out)
{
	audit_query q = {.user = user, .key = key};
	return store_audit_page(s, &q, limit, out);
}
