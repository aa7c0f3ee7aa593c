#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/store_internal.h"
#include "model/text.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* Reads the text of column 0 of the row that sql (with ?1 = id and
 * ?2 = key) selects; *found says whether there was one. */
static moat_status lookup_text(store *s, const char *sql, int64_t id,
			       const char *key, char *out, size_t outlen,
			       bool *found)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, key);
	out[0] = '\0';
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found)
		store_column_copy(st, 0, out, outlen);
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "lookup");
}

moat_status store_is_empty(store *s, bool *empty)
{
	int64_t n = 0;
	/* The smallest id, found by key, rather than a count of every
	 * unit. */
	moat_status st = store_scalar(s, "SELECT coalesce(min(id), 0) FROM org_unit",
				      &n);
	*empty = n == 0;
	return st;
}

moat_status store_assessment_create(store *s, int64_t unit_id, int year,
				    const char *user, int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;
	char y[16];

	if ((rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "INSERT INTO assessment (unit_id, year, created_by,"
			      " created_at) VALUES (?, ?, ?, " NOW ")");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int(st, 2, year);
	store_bind_text(st, 3, user);
	rc = store_run(s, st, "create assessment");
	if (!rc) {
		*id = sqlite3_last_insert_rowid(s->db);
		snprintf(y, sizeof y, "%d", year);
		rc = store_audit(s, user, unit_id, *id, "assessment", y, "created",
				 NULL, "draft");
	}
	return store_finish(s, rc);
}

moat_status store_assessment_get(store *s, int64_t id, assessment *out)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id, unit_id, year, status, coalesce(finalised_by, ''),"
		   " coalesce(finalised_at, ''), coalesce(judged_on, ''),"
		   " coalesce(final_level, 0)"
		   " FROM assessment WHERE id = ?");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->unit_id = sqlite3_column_int64(st, 1);
		out->year = sqlite3_column_int(st, 2);
		out->status = strcmp((const char *)sqlite3_column_text(st, 3),
				     "final") == 0
				      ? ASSESS_FINAL
				      : ASSESS_DRAFT;
		store_column_copy(st, 4, out->finalised_by, sizeof out->finalised_by);
		store_column_copy(st, 5, out->finalised_at, sizeof out->finalised_at);
		if (!date_parse((const char *)sqlite3_column_text(st, 6),
				&out->judged_on))
			out->judged_on = (date){0, 0, 0};
		out->final_level = sqlite3_column_int(st, 7);
	}
	store_done(st);
	if (rc == SQLITE_DONE) {
		snprintf(s->err, sizeof s->err, "no assessment %lld", (long long)id);
		return ST_NOT_FOUND;
	}
	return rc == SQLITE_ROW ? ST_OK : store_fail(s, rc, "read assessment");
}

moat_status store_check_writable(store *s, int64_t assessment_id)
{
	assessment a;
	moat_status rc = store_assessment_get(s, assessment_id, &a);
	if (rc)
		return rc;
	if (a.status == ASSESS_FINAL) {
		char when[20];
		stamp_format_local(a.finalised_at, when, sizeof when);
		snprintf(s->err, sizeof s->err,
			 "assessment %d was finalised by %s at %s", a.year,
			 a.finalised_by, when);
		return ST_FROZEN;
	}
	return ST_OK;
}

moat_status store_states_load(store *s, int64_t assessment_id,
			      const questionnaire *q, item_state *states)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT item_key, state FROM item_state WHERE assessment_id = ?");
	int rc;
	if (!st)
		return ST_DB;
	for (size_t i = 0; i < q->n_items; i++)
		states[i] = ITEM_NOT_STARTED;
	sqlite3_bind_int64(st, 1, assessment_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* Rows for items no longer in the questionnaire are kept
		 * but not shown. */
		int idx = questionnaire_item_index(
			q, (const char *)sqlite3_column_text(st, 0));
		int v = sqlite3_column_int(st, 1);
		if (idx >= 0 && v >= 0 && v < ITEM_STATE_COUNT)
			states[idx] = (item_state)v;
	}
	store_done(st);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "read states");
}

/* Sets an item's state; with expect, only when the stored state is still
 * *expect (ST_CONFLICT otherwise), decided inside the write's
 * transaction. */
static moat_status state_write(store *s, int64_t assessment_id,
			       const char *item_key, const item_state *expect,
			       item_state state, const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	const char *old;
	char have_text[8];
	bool found;
	int have;

	if ((int)state < 0 || state >= ITEM_STATE_COUNT) {
		snprintf(s->err, sizeof s->err, "bad state %d", (int)state);
		return ST_INVALID;
	}
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_check_writable(s, assessment_id)))
		return store_finish(s, rc);
	rc = lookup_text(s, "SELECT state FROM item_state WHERE"
			    " assessment_id = ?1 AND item_key = ?2",
			 assessment_id, item_key, have_text, sizeof have_text,
			 &found);
	if (rc)
		return store_finish(s, rc);
	/* An item never answered is not started: setting that is no change. */
	have = found ? atoi(have_text) : (int)ITEM_NOT_STARTED;
	if (expect && have != (int)*expect) {
		snprintf(s->err, sizeof s->err, "%s changed meanwhile",
			 item_key);
		return store_finish(s, ST_CONFLICT);
	}
	old = checklist_state_key((item_state)have);
	if (have == (int)state)
		return store_finish(s, ST_OK);
	st = store_prepare(s, "INSERT INTO item_state (assessment_id, item_key,"
			      " state, updated_by, updated_at) VALUES"
			      " (?, ?, ?, ?, " NOW ") ON CONFLICT DO UPDATE SET"
			      " state = excluded.state, updated_by ="
			      " excluded.updated_by, updated_at = excluded.updated_at");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, assessment_id);
	store_bind_text(st, 2, item_key);
	sqlite3_bind_int(st, 3, (int)state);
	store_bind_text(st, 4, user);
	rc = store_run(s, st, "set state");
	if (!rc)
		rc = store_audit(s, user, 0, assessment_id, "item", item_key, "state",
				 old, checklist_state_key(state));
	return store_finish(s, rc);
}

moat_status store_state_set(store *s, int64_t assessment_id,
			    const char *item_key, item_state state,
			    const char *user)
{
	return state_write(s, assessment_id, item_key, NULL, state, user);
}

moat_status store_state_change(store *s, int64_t assessment_id,
			       const char *item_key, item_state from,
			       item_state to, const char *user)
{
	return state_write(s, assessment_id, item_key, &from, to, user);
}

moat_status store_answers_load(store *s, int64_t assessment_id,
			       const questionnaire *q, crit_input *answers)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT criterion_key, answer, reason FROM criterion_answer"
		   " WHERE assessment_id = ?");
	int rc;
	if (!st)
		return ST_DB;
	for (size_t i = 0; i < q->n_criteria; i++)
		answers[i] = (crit_input){.answer = ANS_UNANSWERED};
	sqlite3_bind_int64(st, 1, assessment_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int idx = questionnaire_criterion_index(
			q, (const char *)sqlite3_column_text(st, 0));
		crit_answer a;
		const char *reason = (const char *)sqlite3_column_text(st, 2);
		if (idx < 0 ||
		    !scoring_parse_answer((const char *)sqlite3_column_text(st, 1), &a))
			continue;
		answers[idx].answer = a;
		answers[idx].has_reason = reason && *reason;
	}
	store_done(st);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "read answers");
}

/* Sets a criterion's answer; with expect, only when the stored answer is
 * still *expect (ST_CONFLICT otherwise). */
static moat_status answer_write(store *s, int64_t assessment_id,
				const char *crit_key, const crit_answer *expect,
				crit_answer answer, const char *reason,
				const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	char old[16];
	bool found;

	if (reason && (rc = store_check_text(s, reason, FIELD_REASON,
					     ANSWER_REASON_MAX)))
		return rc;
	if ((int)answer < 0 || answer >= CRIT_ANSWER_COUNT ||
	    (answer == ANS_NA && (!reason || !*reason))) {
		snprintf(s->err, sizeof s->err,
			 "\"not applicable\" needs a written reason");
		return ST_INVALID;
	}
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_check_writable(s, assessment_id)))
		return store_finish(s, rc);
	rc = lookup_text(s, "SELECT answer FROM criterion_answer WHERE"
			    " assessment_id = ?1 AND criterion_key = ?2",
			 assessment_id, crit_key, old, sizeof old, &found);
	if (rc)
		return store_finish(s, rc);
	if (!found)
		snprintf(old, sizeof old, "%s", scoring_answer_key(ANS_UNANSWERED));
	if (expect && strcmp(old, scoring_answer_key(*expect)) != 0) {
		snprintf(s->err, sizeof s->err, "%s changed meanwhile",
			 crit_key);
		return store_finish(s, ST_CONFLICT);
	}
	/* Only a new reason makes "not applicable" again a change. */
	if (answer != ANS_NA && strcmp(old, scoring_answer_key(answer)) == 0)
		return store_finish(s, ST_OK);
	st = store_prepare(s, "INSERT INTO criterion_answer (assessment_id,"
			      " criterion_key, answer, reason, updated_by,"
			      " updated_at) VALUES (?, ?, ?, ?, ?, " NOW ")"
			      " ON CONFLICT DO UPDATE SET answer = excluded.answer,"
			      " reason = excluded.reason, updated_by ="
			      " excluded.updated_by, updated_at = excluded.updated_at");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, assessment_id);
	store_bind_text(st, 2, crit_key);
	store_bind_text(st, 3, scoring_answer_key(answer));
	store_bind_text(st, 4, reason);
	store_bind_text(st, 5, user);
	rc = store_run(s, st, "set answer");
	if (!rc)
		rc = store_audit(s, user, 0, assessment_id, "criterion", crit_key,
				 "answer", old, scoring_answer_key(answer));
	return store_finish(s, rc);
}

moat_status store_answer_set(store *s, int64_t assessment_id,
			     const char *crit_key, crit_answer answer,
			     const char *reason, const char *user)
{
	return answer_write(s, assessment_id, crit_key, NULL, answer, reason,
			    user);
}

moat_status store_answer_change(store *s, int64_t assessment_id,
				const char *crit_key, crit_answer from,
				crit_answer to, const char *reason,
				const char *user)
{
	return answer_write(s, assessment_id, crit_key, &from, to, reason, user);
}

moat_status store_answer_reason(store *s, int64_t assessment_id,
				const char *crit_key, char *out, size_t outlen)
{
	bool found;
	return lookup_text(s, "SELECT reason FROM criterion_answer WHERE"
			      " assessment_id = ?1 AND criterion_key = ?2",
			   assessment_id, crit_key, out, outlen, &found);
}
