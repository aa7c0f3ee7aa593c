#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "model/changes.h"
#include "model/store_internal.h"

/* The audit log is a hash chain: each entry's seal is SHA-256 over the
 * seal before it and every field of the entry, so changing, inserting or
 * deleting an entry with plain SQL breaks every seal after it. (Anyone
 * who can write the file can rebuild the chain; this makes tampering
 * evident, it does not prevent it.)
 *
 * The unit an entry is about came with schema 8: entries from the id the
 * setting UNIT_FROM_KEY holds on are sealed with it too; older ones keep
 * the seal of the fields they were written with (their unit was filled
 * in by the migration). Moving that boundary either way breaks a seal. */

#define HEAD_KEY "audit_head"
#define UNIT_FROM_KEY "audit_unit_from"

typedef struct {
	int64_t id;
	const char *at, *user, *entity, *key, *field, *old_value, *new_value;
	int64_t assessment_id; /* 0: none */
	int64_t unit_id;       /* 0: none */
} audit_row;

/* n in decimal at the end of buf; returns where it starts. By hand: the
 * start checks hundreds of seals, and snprintf was most of a seal's cost
 * (the text is the same as "%" PRIu64 gives). */
static char *decimal(uint64_t n, char buf[24])
{
	char *p = buf + 23;
	*p = '\0';
	do
		*--p = (char)('0' + n % 10);
	while (n /= 10);
	return p;
}

/* The text sealed, gathered in blocks: one hash update per block instead
 * of five per field (the updates were most of a seal's cost). */
typedef struct {
	struct sha256_ctx h;
	uint8_t buf[512];
	size_t n;
} sealer;

static void add(sealer *z, const void *p, size_t n)
{
	if (z->n + n > sizeof z->buf) {
		sha256_update(&z->h, z->n, z->buf);
		z->n = 0;
		if (n > sizeof z->buf) {
			sha256_update(&z->h, n, p);
			return;
		}
	}
	memcpy(z->buf + z->n, p, n);
	z->n += n;
}

static void put_field(sealer *z, const char *v)
{
	char buf[24];
	const char *len;
	size_t n;
	if (!v) {
		add(z, "N;", 2);
		return;
	}
	n = strlen(v);
	len = decimal(n, buf);
	add(z, "T", 1);
	add(z, len, strlen(len));
	add(z, ":", 1);
	add(z, v, n);
	add(z, ";", 1);
}

static void put_id(sealer *z, int64_t id)
{
	char buf[24];
	if (id > 0)
		put_field(z, decimal((uint64_t)id, buf));
	else
		put_field(z, NULL);
}

/* hex of SHA-256(prev | id | fields... [| unit]) into out (65 bytes);
 * the unit only for entries from unit_from on. */
static void seal(const char *prev, const audit_row *r, int64_t unit_from,
		 char out[65])
{
	sealer z;
	uint8_t d[SHA256_DIGEST_SIZE];
	static const char hex[] = "0123456789abcdef";

	sha256_init(&z.h);
	z.n = 0;
	put_field(&z, prev);
	put_id(&z, r->id);
	put_field(&z, r->at);
	put_field(&z, r->user);
	put_id(&z, r->assessment_id);
	put_field(&z, r->entity);
	put_field(&z, r->key);
	put_field(&z, r->field);
	put_field(&z, r->old_value);
	put_field(&z, r->new_value);
	if (r->id >= unit_from)
		put_id(&z, r->unit_id);
	sha256_update(&z.h, z.n, z.buf);
	sha256_digest(&z.h, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[64] = '\0';
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Reads a row of ROWS (the seal in column 9 is left to the
 * caller). */
static void row_from(sqlite3_stmt *st, audit_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->at = col(st, 1);
	r->user = col(st, 2);
	r->assessment_id = sqlite3_column_int64(st, 3); /* 0 for NULL */
	r->entity = col(st, 4);
	r->key = col(st, 5);
	r->field = col(st, 6);
	r->old_value = col(st, 7);
	r->new_value = col(st, 8);
	r->unit_id = sqlite3_column_int64(st, 10);
}

/* A query of the columns row_from reads, then tail; its unit is NULL
 * while no entry is sealed with one (a file before schema 8 has no such
 * column: the doctor reads those without migrating them). */
#define ROWS(unit, tail)                                                    \
	"SELECT id, at, user, assessment_id, entity, key, field, old_value,"  \
	" new_value, hash, " unit " FROM audit_log" tail
#define ROWS_SQL(from, tail)                                                \
	((from) == INT64_MAX ? ROWS("NULL", tail) : ROWS("unit_id", tail))

/* Reads "id:seal" from sql (one row, one column) into *id and out;
 * 0 and "" when there is no row. */
static moat_status read_link(store *s, const char *sql, int64_t *id,
			     char out[65])
{
	char v[96];
	const char *colon;
	moat_status st = store_text_scalar(s, sql, v, sizeof v);
	*id = 0;
	out[0] = '\0';
	if (!st && (colon = strchr(v, ':'))) {
		*id = strtoll(v, NULL, 10);
		snprintf(out, 65, "%s", colon + 1);
	}
	return st;
}

/* The last seal ("" when the log is empty) and its id. */
static moat_status last_seal(store *s, int64_t *id, char out[65])
{
	return read_link(s, "SELECT id || ':' || coalesce(hash, '') FROM audit_log"
			    " WHERE id = (SELECT max(id) FROM audit_log)", id, out);
}

/* The chain's head as the settings remember it (id 0 when none). */
static moat_status read_head(store *s, int64_t *id, char hash[65])
{
	return read_link(s, "SELECT value FROM setting WHERE key = '" HEAD_KEY "'",
			 id, hash);
}

/* The id of the first entry sealed with its unit: INT64_MAX before the
 * migration that added units (schema 8) ran. */
static moat_status unit_from(store *s, int64_t *out)
{
	int64_t v = 0;
	moat_status st = store_scalar(
		s, "SELECT CAST(value AS INTEGER) FROM setting WHERE key = '"
		   UNIT_FROM_KEY "'", &v);
	*out = v > 0 ? v : INT64_MAX;
	return st;
}

moat_status store_audit_seal_units_from(store *s)
{
	/* Entries written from now on carry their unit in their seal. */
	return store_exec(s, "INSERT INTO setting (key, value) VALUES ('"
			     UNIT_FROM_KEY "', (SELECT coalesce(max(id), 0) + 1"
			     " FROM audit_log)) ON CONFLICT (key) DO UPDATE SET"
			     " value = excluded.value",
			  "seal units");
}

/* Remembers the chain's head in the settings, so losing the newest
 * entries shows too. */
static moat_status set_head(store *s, int64_t id, const char *hash)
{
	char v[96];
	sqlite3_stmt *st = store_prepare(
		s, "INSERT INTO setting (key, value) VALUES ('" HEAD_KEY "', ?)"
		   " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
	if (!st)
		return ST_DB;
	snprintf(v, sizeof v, "%" PRId64 ":%s", id, hash);
	store_bind_text(st, 1, v);
	return store_run(s, st, "audit head");
}

/* The unit of assessment id (0 when it is gone). */
static moat_status assessment_unit(store *s, int64_t id, int64_t *unit_id)
{
	bool found;
	return store_int_by_id(s, "SELECT unit_id FROM assessment WHERE id = ?",
			       id, unit_id, &found);
}

moat_status store_audit(store *s, const char *user, int64_t unit_id,
			int64_t assessment_id, const char *entity,
			const char *key, const char *field,
			const char *old_value, const char *new_value)
{
	char prev[65], h[65], at[32], head[65];
	int64_t prev_id, head_id, from;
	audit_row r;
	sqlite3_stmt *st;
	moat_status ms;
	int rc;

	if ((ms = last_seal(s, &prev_id, prev)) ||
	    (ms = read_head(s, &head_id, head)) || (ms = unit_from(s, &from)) ||
	    (!unit_id && assessment_id > 0 &&
	     (ms = assessment_unit(s, assessment_id, &unit_id))))
		return ms;
	/* Newest entries deleted by hand: continue from the remembered head,
	 * so the gap stays visible instead of being papered over. */
	if (head_id > prev_id) {
		prev_id = head_id;
		memcpy(prev, head, sizeof prev);
	}
	/* The moment is fixed here so the seal covers exactly what is
	 * stored. */
	st = store_prepare(s, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')");
	if (!st)
		return ST_DB;
	rc = sqlite3_step(st);
	snprintf(at, sizeof at, "%s", rc == SQLITE_ROW ? col(st, 0) : "");
	store_done(st);
	r = (audit_row){prev_id + 1, at, user ? user : "", entity ? entity : "",
			key ? key : "", field ? field : "", old_value,
			new_value, assessment_id, unit_id};
	seal(prev, &r, from, h);
	st = store_prepare(
		s, "INSERT INTO audit_log (id, at, user, assessment_id, entity,"
		   " key, field, old_value, new_value, hash, unit_id) VALUES"
		   " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, r.id);
	store_bind_text(st, 2, r.at);
	store_bind_text(st, 3, r.user);
	if (assessment_id > 0)
		sqlite3_bind_int64(st, 4, assessment_id);
	store_bind_text(st, 5, r.entity);
	store_bind_text(st, 6, r.key);
	store_bind_text(st, 7, r.field);
	if (old_value)
		store_bind_text(st, 8, old_value);
	if (new_value)
		store_bind_text(st, 9, new_value);
	store_bind_text(st, 10, h);
	if (unit_id > 0)
		sqlite3_bind_int64(st, 11, unit_id);
	if ((ms = store_run(s, st, "audit")))
		return ms;
	return set_head(s, r.id, h);
}

moat_status store_audit_seal_all(store *s)
{
	sqlite3_stmt *rd, *wr;
	char prev[65] = "", h[65];
	int64_t last = 0, from;
	moat_status ms;
	int rc;

	if ((ms = unit_from(s, &from)))
		return ms;
	rd = store_prepare(s, ROWS_SQL(from, " ORDER BY id"));
	wr = store_prepare(s, "UPDATE audit_log SET hash = ? WHERE id = ?");
	if (!rd || !wr) {
		store_done(rd);
		return ST_DB;
	}
	while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
		audit_row r;
		row_from(rd, &r);
		seal(prev, &r, from, h);
		store_bind_text(wr, 1, h);
		sqlite3_bind_int64(wr, 2, r.id);
		if (sqlite3_step(wr) != SQLITE_DONE) {
			ms = store_fail(s, sqlite3_errcode(s->db), "seal audit");
			break;
		}
		sqlite3_reset(wr);
		memcpy(prev, h, sizeof h);
		last = r.id;
	}
	if (!ms && rc != SQLITE_DONE)
		ms = store_fail(s, rc, "seal audit");
	store_done(rd);
	store_done(wr);
	if (!ms && last)
		ms = set_head(s, last, prev);
	return ms;
}

/* The first entry, by id, that the tripwire of schema 10 saw deleted
 * or changed: the damage older than the tail the start-up check reads. */
static moat_status tripwire(store *s, int64_t head_id, audit_check *out)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT entry_id, kind = 'deleted', (SELECT min(id) FROM"
		   " audit_log WHERE id > audit_tamper.entry_id) FROM"
		   " audit_tamper ORDER BY entry_id LIMIT 1");
	int rc;
	if (!st)
		return ST_DB;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		bool deleted = sqlite3_column_int(st, 1);
		int64_t next = sqlite3_column_int64(st, 2);
		out->ok = false;
		if (!deleted) {
			out->problem = AUDIT_CHANGED;
			out->at_id = id;
		} else if (sqlite3_column_type(st, 2) == SQLITE_NULL) {
			/* Gone from the end: the head says how many. */
			out->problem = AUDIT_TAIL;
			out->at_id = head_id;
			out->detail = head_id - id + 1;
		} else {
			out->problem = AUDIT_GAP;
			out->at_id = next;
			out->detail = next - id;
		}
	}
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		       ? ST_OK
		       : store_fail(s, rc, "audit tripwire");
}

static moat_status verify_snapshot(store *s, int64_t tail, audit_check *out)
{
	sqlite3_stmt *st;
	char prev[65] = "", h[65], head_hash[65];
	int64_t expect_id = 1, head_id, count = 0, first = 0, from;
	moat_status ms;
	int rc;

	memset(out, 0, sizeof *out);
	out->ok = true;
	if ((ms = read_head(s, &head_id, head_hash)) || (ms = unit_from(s, &from)))
		return ms;
	if (tail > 0) {
		/* The newest entries only, from the seal before them: reading
		 * by id keeps this independent of the log's size (a count
		 * would read it all). */
		int64_t max_id = 0;
		bool found;
		if ((ms = store_scalar(s, "SELECT coalesce(max(id), 0) FROM audit_log",
				       &max_id)))
			return ms;
		out->entries = max_id;
		if (max_id > tail) {
			first = max_id - tail + 1;
			st = store_prepare(s, "SELECT coalesce(hash, '') FROM audit_log"
					      " WHERE id = ?");
			if (!st)
				return ST_DB;
			sqlite3_bind_int64(st, 1, first - 1);
			found = sqlite3_step(st) == SQLITE_ROW;
			if (found)
				snprintf(prev, sizeof prev, "%s", col(st, 0));
			store_done(st);
			if (!found) {
				out->ok = false;
				out->problem = AUDIT_GAP;
				out->at_id = first;
				out->detail = 1;
				return ST_OK;
			}
			expect_id = first;
		}
	} else if ((ms = store_scalar(s, "SELECT count(*) FROM audit_log",
				      &out->entries))) {
		return ms;
	}
	st = store_prepare(s, ROWS_SQL(from, " WHERE id >= ? ORDER BY id"));
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, expect_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		audit_row r;
		const char *stored = col(st, 9);
		row_from(st, &r);
		count++;
		if (r.id != expect_id) {
			out->ok = false;
			out->problem = AUDIT_GAP;
			out->at_id = r.id;
			out->detail = r.id - expect_id;
			break;
		}
		if (!stored || !*stored) {
			out->ok = false;
			out->problem = AUDIT_UNSEALED;
			out->at_id = r.id;
			break;
		}
		seal(prev, &r, from, h);
		if (strcmp(h, stored) != 0) {
			out->ok = false;
			out->problem = AUDIT_CHANGED;
			out->at_id = r.id;
			break;
		}
		memcpy(prev, h, sizeof h);
		expect_id = r.id + 1;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		ms = store_fail(s, rc, "verify audit");
		store_done(st);
		return ms;
	}
	store_done(st);
	out->checked = count;
	if (out->ok && (head_id != expect_id - 1 ||
			(head_id > 0 && strcmp(head_hash, prev) != 0))) {
		/* The newest entries were removed (or the head rewritten). */
		out->ok = false;
		out->problem = AUDIT_TAIL;
		out->at_id = head_id;
		out->detail = head_id - (expect_id - 1);
	}
	/* A file opened for reading only may predate the tripwire. */
	if (out->ok && tail > 0 &&
	    (!s->read_only || store_schema_version(s) >= 10))
		return tripwire(s, head_id, out);
	return ST_OK;
}

/* The head and the log are read in one read transaction: another process
 * writing in between (the demo being created) would otherwise look like
 * entries added or removed behind the head's back. */
moat_status store_audit_verify(store *s, int64_t tail, audit_check *out)
{
	moat_status ms;
	bool own = s->depth == 0;
	if (own && (ms = store_exec(s, "BEGIN", "begin reading the audit log")))
		return ms;
	ms = verify_snapshot(s, tail, out);
	if (own)
		sqlite3_exec(s->db, ms ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
	return ms;
}

moat_status store_audit_count(store *s, int64_t *count)
{
	return store_scalar(s, "SELECT count(*) FROM audit_log", count);
}

moat_status store_audit_changed_since(store *s, int64_t after,
				      unsigned *parts, int64_t *newest)
{
	/* The range is read through the primary key: linear in what
	 * changed, not in the log. */
	sqlite3_stmt *st = store_prepare(
		s, "SELECT entity, max(id) FROM audit_log WHERE id > ?"
		   " GROUP BY entity");
	int rc;

	*newest = after;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, after);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 1);
		*parts |= change_parts(col(st, 0));
		if (id > *newest)
			*newest = id;
	}
	store_done(st);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "read the changes");
}

moat_status store_audit_newest(store *s, int64_t *id)
{
	return store_scalar(s, "SELECT coalesce(max(id), 0) FROM audit_log", id);
}
