#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/msg.h"
#include "model/store_internal.h"
#include "model/text.h"

moat_status store_fail(store *s, int rc, const char *context)
{
	int base = rc & 0xFF;
	snprintf(s->err, sizeof s->err, "%s: %s", context, sqlite3_errmsg(s->db));
	switch (base) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return ST_BUSY;
	case SQLITE_READONLY: return ST_READONLY;
	case SQLITE_NOTADB: return ST_NOT_MOAT;
	case SQLITE_CORRUPT: return ST_DAMAGED;
	case SQLITE_NOMEM: return ST_NOMEM;
	case SQLITE_CONSTRAINT:
		return (rc == SQLITE_CONSTRAINT_UNIQUE ||
			rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			       ? ST_EXISTS
			       : ST_INVALID;
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_CANTOPEN: return ST_IO;
	default: return ST_DB;
	}
}

/* FNV-1a of a statement's text. */
static uint32_t sql_hash(const char *sql)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

sqlite3_stmt *store_prepare(store *s, const char *sql)
{
	uint32_t h = sql_hash(sql);
	sqlite3_stmt *st = NULL;
	int rc;

	for (size_t i = 0; i < s->n_cache; i++) {
		st = s->cache[i].st;
		if (s->cache[i].hash == h && strcmp(sqlite3_sql(st), sql) == 0) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	if (s->n_cache == s->cap_cache) {
		size_t cap = s->cap_cache ? s->cap_cache * 2 : 64;
		store_cached *nv = realloc(s->cache, cap * sizeof *nv);
		if (!nv) {
			snprintf(s->err, sizeof s->err, "prepare: out of memory");
			return NULL;
		}
		s->cache = nv;
		s->cap_cache = cap;
	}
	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
				NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, "prepare");
		return NULL;
	}
	s->cache[s->n_cache++] = (store_cached){h, st};
	return st;
}

void store_done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
}

moat_status store_run(store *s, sqlite3_stmt *st, const char *context)
{
	int rc = sqlite3_step(st);
	store_done(st);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, context);
}

void store_reset_all(store *s)
{
	for (size_t i = 0; i < s->n_cache; i++)
		if (sqlite3_stmt_busy(s->cache[i].st))
			sqlite3_reset(s->cache[i].st);
}

void store_forget_statements(store *s)
{
	for (size_t i = 0; i < s->n_cache; i++)
		sqlite3_finalize(s->cache[i].st);
	free(s->cache);
	s->cache = NULL;
	s->n_cache = s->cap_cache = 0;
}

int store_bind_text(sqlite3_stmt *st, int idx, const char *v)
{
	return sqlite3_bind_text(st, idx, v ? v : "", -1, SQLITE_TRANSIENT);
}

void store_column_copy(sqlite3_stmt *st, int col, char *out, size_t outlen)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	size_t n = (size_t)sqlite3_column_bytes(st, col);
	if (t && n < outlen) {
		memcpy(out, t, n + 1); /* SQLite ends every text with a NUL */
		return;
	}
	/* Cut at a character boundary when the buffer is short. */
	text_fit(t ? (const char *)t : "", INT_MAX, false, out, outlen);
}

char *store_column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return strdup(t ? (const char *)t : "");
}

moat_status store_refuse_length(store *s, msg_id label, size_t max)
{
	msg_limit(label, max, s->err, sizeof s->err);
	return ST_INVALID;
}

moat_status store_check_text(store *s, const char *text, msg_id label,
			     size_t max)
{
	if (!text_valid_utf8(text)) {
		snprintf(s->err, sizeof s->err, msg(TEXT_INVALID_FMT),
			 msg(label));
		return ST_INVALID;
	}
	return text_length(text) > max ? store_refuse_length(s, label, max)
				       : ST_OK;
}

moat_status store_exec(store *s, const char *sql, const char *context)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? ST_OK : store_fail(s, rc, context);
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE ... COMMIT, inner
 * ones are savepoints, so a batch (the demo) is one transaction made of
 * the ordinary writes. */
int64_t store_column_optional(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL
		       ? -1
		       : sqlite3_column_int64(st, col);
}

void store_bind_optional(sqlite3_stmt *st, int col, int64_t v)
{
	if (v < 0)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int64(st, col, v);
}

moat_status store_begin(store *s)
{
	char sql[32];
	moat_status st;
	if (s->read_only) {
		snprintf(s->err, sizeof s->err, "%s",
			 "you can read this database but not change it");
		return ST_READONLY;
	}
	if (s->depth == 0)
		st = store_exec(s, "BEGIN IMMEDIATE", "begin");
	else {
		snprintf(sql, sizeof sql, "SAVEPOINT sp%d", s->depth);
		st = store_exec(s, sql, "begin");
	}
	if (!st)
		s->depth++;
	return st;
}

moat_status store_finish(store *s, moat_status st)
{
	char sql[48];
	if (s->depth <= 0)
		return st ? st : ST_DB;
	if (--s->depth == 0)
		store_reset_all(s);
	if (s->depth > 0) {
		if (st) {
			snprintf(sql, sizeof sql,
				 "ROLLBACK TO sp%d; RELEASE sp%d", s->depth,
				 s->depth);
			sqlite3_exec(s->db, sql, NULL, NULL, NULL);
			return st;
		}
		snprintf(sql, sizeof sql, "RELEASE sp%d", s->depth);
		return store_exec(s, sql, "commit");
	}
	if (st != ST_OK) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return st;
	}
	st = store_exec(s, "COMMIT", "commit");
	if (st != ST_OK)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return st;
}

moat_status store_batch_begin(store *s)
{
	return store_begin(s);
}

moat_status store_batch_end(store *s, moat_status st)
{
	return store_finish(s, st);
}

moat_status store_scalar(store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	int rc;
	if (!st)
		return ST_DB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "query");
}

moat_status store_int_by_id(store *s, const char *sql, int64_t id,
			    int64_t *out, bool *found)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	int rc;
	*out = 0;
	*found = false;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if ((*found = rc == SQLITE_ROW))
		*out = sqlite3_column_int64(st, 0);
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "query");
}

moat_status store_text_scalar(store *s, const char *sql, char *out,
			      size_t outlen)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	int rc;
	out[0] = '\0';
	if (!st)
		return ST_DB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		store_column_copy(st, 0, out, outlen);
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "query");
}

moat_status store_pragma_int(store *s, const char *sql, int *out)
{
	int64_t v = 0;
	moat_status st = store_scalar(s, sql, &v);
	*out = (int)v;
	return st;
}

void store_close(store *s)
{
	if (!s)
		return;
	store_forget_statements(s);
	sqlite3_close_v2(s->db);
	free(s);
}

const char *store_errmsg(const store *s)
{
	return s->err;
}

moat_status store_data_version(store *s, int64_t *version)
{
	return store_scalar(s, "PRAGMA data_version", version);
}

moat_status store_rows(store *s, const char *sql, int64_t id, size_t size,
		       void **out, size_t *n, void (*read)(sqlite3_stmt *, void *))
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
			size_t ncap = cap ? cap * 2 : 8;
			void *v = realloc(*out, ncap * size);
			if (!v) {
				rc = SQLITE_NOMEM;
				break;
			}
			*out = v;
			cap = ncap;
		}
		memset((char *)*out + *n * size, 0, size);
		read(st, (char *)*out + (*n)++ * size);
	}
	store_done(st);
	if (rc == SQLITE_DONE)
		return ST_OK;
	free(*out);
	*out = NULL;
	*n = 0;
	return rc == SQLITE_NOMEM ? ST_NOMEM : store_fail(s, rc, "read rows");
}


moat_status store_row(store *s, const char *sql, int64_t id, void *out,
		      void (*read)(sqlite3_stmt *, void *), int col,
		      int64_t *value)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read(st, out);
		*value = sqlite3_column_int64(st, col);
	}
	store_done(st);
	if (rc == SQLITE_ROW)
		return ST_OK;
	return rc == SQLITE_DONE ? ST_NOT_FOUND : store_fail(s, rc, "read a row");
}
