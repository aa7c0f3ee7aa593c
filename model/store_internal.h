/* Shared by the store_*.c files only. */
#ifndef MOAT_STORE_INTERNAL_H
#define MOAT_STORE_INTERNAL_H

#include <sqlite3.h>

#include "model/store.h"

#include <limits.h>
#include <stdint.h>

/* A statement prepared once per connection, found again by its SQL
 * text (see store_prepare). */
typedef struct {
	uint32_t hash; /* of the SQL text */
	sqlite3_stmt *st;
} store_cached;

struct store {
	sqlite3 *db;
	store_cached *cache; /* every statement prepared on db */
	size_t n_cache, cap_cache;
	char path[PATH_MAX];
	bool read_only;  /* writes give ST_READONLY */
	bool snapshot;   /* read-only and immutable: no WAL files yet */
	int depth;       /* open transactions (nested ones are savepoints) */
	int version;     /* schema version when opened */
	bool created;    /* this open made the schema of a new file */
	char err[512];
	char warning[4 * PATH_MAX + 1024];
};

/* PRAGMA application_id marks a file as moat's ("moat" in ASCII). */
#define MOAT_APPLICATION_ID 0x6D6F6174

/* Runs SQL without parameters (or results); records a failure. */
moat_status store_exec(store *s, const char *sql, const char *context);

/* An integer PRAGMA (or any one-integer query) into *out. */
moat_status store_pragma_int(store *s, const char *sql, int *out);

/* Brings the schema up to STORE_SCHEMA_VERSION in one transaction (which
 * re-reads the version: another process may have migrated meanwhile). */
moat_status store_migrate(store *s);

/* Records the SQLite error of the last call with a context word and maps
 * the result code to a status. */
moat_status store_fail(store *s, int rc, const char *context);

/* Refuses text of the field labelled label for being longer than max
 * characters: ST_INVALID, with a message in the user's language that names
 * the field and its limit, as the screen would. */
moat_status store_refuse_length(store *s, msg_id label, size_t max);

/* ST_OK when text is valid UTF-8 of at most max characters; else
 * ST_INVALID with a message naming the field labelled label (and its
 * limit when it is too long). */
moat_status store_check_text(store *s, const char *text, msg_id label,
			     size_t max);

/* evidence_validate, with what is wrong recorded as the store's message;
 * a text over its limit is refused as by store_refuse_length. */
moat_status store_evidence_check(store *s, const evidence *e);

/* The statement of sql, prepared on the first call on this connection
 * and kept until store_close: later calls return the same statement,
 * reset and with its parameters cleared. On failure records the error and
 * returns NULL. The caller steps it, then gives it back with store_done
 * (never sqlite3_finalize); one use of a text at a time. */
sqlite3_stmt *store_prepare(store *s, const char *sql);

/* Gives back a statement of store_prepare: resets it, so it holds no
 * read lock and the next store_prepare of its text can use it. NULL is
 * allowed. */
void store_done(sqlite3_stmt *st);

/* Steps st, a statement that returns no row, and gives it back
 * (store_done): ST_OK when it ran to completion, else the failure,
 * recorded with context. */
moat_status store_run(store *s, sqlite3_stmt *st, const char *context);

/* Resets every cached statement still running (none should be: each use
 * ends with store_done), so nothing holds the transaction's snapshot
 * open past a commit. */
void store_reset_all(store *s);

/* Finalizes every cached statement (before the connection closes or is
 * replaced). */
void store_forget_statements(store *s);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. store_commit rolls back when st is
 * not ST_OK and returns st (or the commit's own failure). */
moat_status store_begin(store *s);
moat_status store_finish(store *s, moat_status st);

/* A number that may be absent: a column's NULL reads as -1 (BIA_UNSET,
 * "not given"), and a negative value binds as NULL. */
int64_t store_column_optional(sqlite3_stmt *st, int col);
void store_bind_optional(sqlite3_stmt *st, int col, int64_t v);

/* Binds text, treating NULL as "". */
int store_bind_text(sqlite3_stmt *st, int idx, const char *v);

/* ST_FROZEN when the assessment is finalised, ST_NOT_FOUND when absent. */
moat_status store_check_writable(store *s, int64_t assessment_id);

/* Appends an audit entry inside the caller's transaction, sealed to the
 * entry before it (see store_audit_verify). unit_id is the unit it is
 * about; 0 with an assessment_id takes the assessment's unit, 0 without
 * one records none (the organisation as a whole). */
moat_status store_audit(store *s, const char *user, int64_t unit_id,
			int64_t assessment_id, const char *entity,
			const char *key, const char *field,
			const char *old_value, const char *new_value);

/* Inserts evidence e (already validated, its year writable) inside the
 * caller's transaction, audited. */
moat_status store_evidence_insert(store *s, const evidence *e,
				  const char *user, int64_t *id);

/* Copies the evidence of assessment from that is still valid on today
 * into assessment to, keeping who entered it and when; inside the
 * caller's transaction. */
moat_status store_evidence_copy_valid(store *s, int64_t from, int64_t to,
				      date today);

/* Seals every audit entry that has no seal yet, in id order (the
 * migration that introduced the chain). */
moat_status store_audit_seal_all(store *s);

/* Copies the business impact analysis of year from into the new year to
 * (model/store_bia.c), inside the caller's transaction. */
moat_status store_bia_copy(store *s, int64_t from, int64_t to);

/* Seals every entry written from now on with its unit too (the migration
 * that gave entries a unit). */
moat_status store_audit_seal_units_from(store *s);

/* Runs a query without parameters and stores its first column of the
 * first row in *out (left alone when there is no row). */
moat_status store_scalar(store *s, const char *sql, int64_t *out);

/* Column 0, an integer, of the row sql selects with ?1 = id; *found says
 * whether there was one (*out is 0 when not). */
moat_status store_int_by_id(store *s, const char *sql, int64_t id,
			    int64_t *out, bool *found);

/* The same for a text ("" when there is no row), cut to fit. */
moat_status store_text_scalar(store *s, const char *sql, char *out,
			      size_t outlen);

/* Copies a column into out ("" for NULL), cut to fit at a character
 * boundary. */
void store_column_copy(sqlite3_stmt *st, int col, char *out, size_t outlen);

/* The rows of sql, a query with ?1 = id, into a new array of elements of
 * size bytes (*out: free() it; *n of them): read fills each (zeroed
 * first) from its row. On failure *out is NULL and *n 0. */
moat_status store_rows(store *s, const char *sql, int64_t id, size_t size,
		       void **out, size_t *n, void (*read)(sqlite3_stmt *, void *));

/* The row of sql, a query with ?1 = id, read into out, and its integer
 * column col into *value; ST_NOT_FOUND (no message) when there is none. */
moat_status store_row(store *s, const char *sql, int64_t id, void *out,
		      void (*read)(sqlite3_stmt *, void *), int col,
		      int64_t *value);

/* Duplicates a column as a heap string ("" for NULL). */
char *store_column_dup(sqlite3_stmt *st, int col);

#endif
