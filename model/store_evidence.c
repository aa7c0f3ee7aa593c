#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/date.h"
#include "model/store_internal.h"
#include "model/text.h"

#define EVIDENCE_COLUMNS                                                     \
	"id, assessment_id, target, body, reference, owner, evidence_date,"  \
	" valid_months, reviewer, review_date, entered_by, entered_at"

moat_status store_evidence_check(store *s, const evidence *e)
{
	evidence_problem why;

	if (evidence_validate(e, &why) == ST_OK)
		return ST_OK;
	if (why.max)
		return store_refuse_length(s, why.label, why.max);
	snprintf(s->err, sizeof s->err, "evidence field '%s' is invalid",
		 why.field);
	return ST_INVALID;
}

/* Binds the editable fields to parameters 1..7, in the column order of
 * the INSERT and UPDATE statements below (body first). */
static void bind_fields(sqlite3_stmt *st, const evidence *e)
{
	store_bind_text(st, 1, e->body);
	store_bind_text(st, 2, e->reference);
	store_bind_text(st, 3, e->owner);
	store_bind_text(st, 4, e->evidence_date);
	sqlite3_bind_int(st, 5, e->valid_months);
	store_bind_text(st, 6, e->reviewer);
	store_bind_text(st, 7, e->review_date);
}

moat_status store_evidence_insert(store *s, const evidence *e,
				  const char *user, int64_t *id)
{
	sqlite3_stmt *st;
	int sr;

	st = store_prepare(s, "INSERT INTO evidence (body, reference, owner,"
			      " evidence_date, valid_months, reviewer, review_date,"
			      " assessment_id, target, entered_by, entered_at)"
			      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
			      " strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
	if (!st)
		return ST_DB;
	bind_fields(st, e);
	sqlite3_bind_int64(st, 8, e->assessment_id);
	store_bind_text(st, 9, e->target);
	store_bind_text(st, 10, user);
	sr = sqlite3_step(st);
	store_done(st);
	if (sr != SQLITE_DONE)
		return store_fail(s, sr, "add evidence");
	*id = sqlite3_last_insert_rowid(s->db);
	return store_audit(s, user, 0, e->assessment_id, "evidence", e->target,
			   "added", NULL, e->body);
}

moat_status store_evidence_add(store *s, const evidence *e, const char *user,
			       int64_t *id)
{
	moat_status rc;

	if ((rc = store_evidence_check(s, e)) || (rc = store_begin(s)))
		return rc;
	if (!(rc = store_check_writable(s, e->assessment_id)))
		rc = store_evidence_insert(s, e, user, id);
	return store_finish(s, rc);
}

/* Reads one row in EVIDENCE_COLUMNS order. False on no memory. */
static bool read_row(sqlite3_stmt *st, evidence *e)
{
	e->id = sqlite3_column_int64(st, 0);
	e->assessment_id = sqlite3_column_int64(st, 1);
	e->target = store_column_dup(st, 2);
	e->body = store_column_dup(st, 3);
	e->reference = store_column_dup(st, 4);
	e->owner = store_column_dup(st, 5);
	e->evidence_date = store_column_dup(st, 6);
	e->valid_months = sqlite3_column_int(st, 7);
	e->reviewer = store_column_dup(st, 8);
	e->review_date = store_column_dup(st, 9);
	e->entered_by = store_column_dup(st, 10);
	e->entered_at = store_column_dup(st, 11);
	return e->target && e->body && e->reference && e->owner &&
	       e->evidence_date && e->reviewer && e->review_date &&
	       e->entered_by && e->entered_at;
}

static moat_status get_one(store *s, int64_t id, evidence *e)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE id = ?");
	int rc;
	moat_status res = ST_OK;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (!read_row(st, e))
			res = ST_NOMEM;
	} else if (rc == SQLITE_DONE) {
		snprintf(s->err, sizeof s->err, "no evidence %lld", (long long)id);
		res = ST_NOT_FOUND;
	} else {
		res = store_fail(s, rc, "read evidence");
	}
	store_done(st);
	if (res)
		evidence_free(e);
	return res;
}

/* Writes e over its stored record; with seen, only when the stored record
 * still holds what *seen does. */
static moat_status evidence_write(store *s, const evidence *seen,
				  const evidence *e, const char *user)
{
	evidence old = {0};
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_evidence_check(s, e)) || (rc = store_begin(s)))
		return rc;
	if ((rc = get_one(s, e->id, &old)))
		return store_finish(s, rc);
	if ((rc = store_check_writable(s, old.assessment_id))) {
		evidence_free(&old);
		return store_finish(s, rc);
	}
	if (seen && !evidence_same_fields(seen, &old)) {
		evidence_free(&old);
		snprintf(s->err, sizeof s->err, "evidence %" PRId64 " changed meanwhile",
			 e->id);
		return store_finish(s, ST_CONFLICT);
	}
	st = store_prepare(s, "UPDATE evidence SET body = ?, reference = ?,"
			      " owner = ?, evidence_date = ?, valid_months = ?,"
			      " reviewer = ?, review_date = ? WHERE id = ?");
	if (!st) {
		evidence_free(&old);
		return store_finish(s, ST_DB);
	}
	bind_fields(st, e);
	sqlite3_bind_int64(st, 8, e->id);
	rc = store_run(s, st, "update evidence");
	/* One audit line per changed field keeps the log readable. */
	{
		const char *names[] = {"body", "reference", "owner",
				       "evidence_date", "reviewer", "review_date"};
		const char *was[] = {old.body, old.reference, old.owner,
				     old.evidence_date, old.reviewer, old.review_date};
		const char *now[] = {e->body, e->reference, e->owner,
				     e->evidence_date, e->reviewer, e->review_date};
		for (size_t i = 0; !rc && i < sizeof names / sizeof names[0]; i++)
			if (strcmp(was[i], now[i] ? now[i] : "") != 0)
				rc = store_audit(s, user, 0, old.assessment_id,
						 "evidence", old.target, names[i],
						 was[i], now[i] ? now[i] : "");
		if (!rc && old.valid_months != e->valid_months) {
			char a[16], b[16];
			snprintf(a, sizeof a, "%d", old.valid_months);
			snprintf(b, sizeof b, "%d", e->valid_months);
			rc = store_audit(s, user, 0, old.assessment_id, "evidence",
					 old.target, "valid_months", a, b);
		}
	}
	evidence_free(&old);
	return store_finish(s, rc);
}

moat_status store_evidence_update(store *s, const evidence *e, const char *user)
{
	return evidence_write(s, NULL, e, user);
}

moat_status store_evidence_change(store *s, const evidence *seen,
				  const evidence *e, const char *user)
{
	return evidence_write(s, seen, e, user);
}

moat_status store_evidence_delete(store *s, int64_t id, const char *user)
{
	evidence old = {0};
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = get_one(s, id, &old)))
		return store_finish(s, rc);
	if ((rc = store_check_writable(s, old.assessment_id))) {
		evidence_free(&old);
		return store_finish(s, rc);
	}
	st = store_prepare(s, "DELETE FROM evidence WHERE id = ?");
	if (!st) {
		evidence_free(&old);
		return store_finish(s, ST_DB);
	}
	sqlite3_bind_int64(st, 1, id);
	rc = store_run(s, st, "delete evidence");
	if (!rc)
		rc = store_audit(s, user, 0, old.assessment_id, "evidence",
				 old.target, "removed", old.body, NULL);
	evidence_free(&old);
	return store_finish(s, rc);
}

moat_status store_evidence_list(store *s, int64_t assessment_id,
				const char *target, evidence_list *out)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE"
		   " assessment_id = ?1 AND (?2 IS NULL OR target = ?2)"
		   " ORDER BY evidence_date DESC, id DESC");
	size_t cap = 0;
	int rc;
	moat_status res = ST_OK;

	out->v = NULL;
	out->n = 0;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, assessment_id);
	if (target)
		store_bind_text(st, 2, target);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			evidence *nv = realloc(out->v, ncap * sizeof *nv);
			if (!nv) {
				res = ST_NOMEM;
				break;
			}
			out->v = nv;
			cap = ncap;
		}
		memset(&out->v[out->n], 0, sizeof out->v[0]);
		out->n++;
		if (!read_row(st, &out->v[out->n - 1])) {
			res = ST_NOMEM;
			break;
		}
	}
	if (!res && rc != SQLITE_DONE)
		res = store_fail(s, rc, "list evidence");
	store_done(st);
	if (res)
		evidence_list_free(out);
	return res;
}

moat_status store_evidence_copy_valid(store *s, int64_t from, int64_t to,
				      date today)
{
	evidence_list l;
	moat_status rc = store_evidence_list(s, from, NULL, &l);
	sqlite3_stmt *st;

	if (rc)
		return rc;
	st = store_prepare(s, "INSERT INTO evidence (body, reference, owner,"
			      " evidence_date, valid_months, reviewer, review_date,"
			      " assessment_id, target, entered_by, entered_at)"
			      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st) {
		evidence_list_free(&l);
		return ST_DB;
	}
	/* Oldest first, so the copies keep the original order of ids. */
	for (size_t k = l.n; k-- > 0 && !rc;) {
		const evidence *e = &l.v[k];
		int sr;
		if (evidence_state_on(e, today) == EV_EXPIRED)
			continue;
		sqlite3_reset(st);
		bind_fields(st, e);
		sqlite3_bind_int64(st, 8, to);
		store_bind_text(st, 9, e->target);
		store_bind_text(st, 10, e->entered_by);
		store_bind_text(st, 11, e->entered_at);
		sr = sqlite3_step(st);
		if (sr != SQLITE_DONE)
			rc = store_fail(s, sr, "copy evidence");
	}
	store_done(st);
	evidence_list_free(&l);
	return rc;
}
