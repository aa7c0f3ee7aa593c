#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/msg.h"
#include "model/store_file.h"
#include "model/store_internal.h"
#include "model/text.h"
#include "model/user.h"

/* PRAGMA application_id marks a file as moat's ("moat" in ASCII). */
#define MOAT_APPLICATION_ID 0x6D6F6174

/* Numbered migrations: migrations[i] brings user_version i to i + 1, its
 * SQL and then, where rows need computing, a function, in one
 * transaction. */
static const struct {
	const char *sql;
	moat_status (*after)(store *s);
} migrations[] = {
	/* 1: units, assessments, answers, evidence, audit log, settings */
	{"CREATE TABLE org_unit ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),"
	"  validity_months INTEGER NOT NULL DEFAULT 12"
	"    CHECK (validity_months BETWEEN 1 AND 120),"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE assessment ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','final')),"
	"  finalised_by TEXT,"
	"  finalised_at TEXT,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (unit_id, year));"
	"CREATE TABLE item_state ("
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	"  item_key TEXT NOT NULL,"
	"  state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 2),"
	"  updated_by TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (assessment_id, item_key));"
	"CREATE TABLE criterion_answer ("
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	"  criterion_key TEXT NOT NULL,"
	"  answer TEXT NOT NULL CHECK (answer IN ('unanswered','not_met','partly','met','na')),"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  updated_by TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  PRIMARY KEY (assessment_id, criterion_key));"
	"CREATE TABLE evidence ("
	"  id INTEGER PRIMARY KEY,"
	"  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,"
	"  target TEXT NOT NULL,"
	"  body TEXT NOT NULL CHECK (length(body) > 0),"
	"  reference TEXT NOT NULL DEFAULT '',"
	"  owner TEXT NOT NULL DEFAULT '',"
	"  evidence_date TEXT NOT NULL,"
	"  valid_months INTEGER NOT NULL DEFAULT 12 CHECK (valid_months BETWEEN 1 AND 120),"
	"  reviewer TEXT NOT NULL DEFAULT '',"
	"  review_date TEXT NOT NULL DEFAULT '',"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL);"
	"CREATE INDEX evidence_by_target ON evidence (assessment_id, target);"
	"CREATE TABLE audit_log ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  user TEXT NOT NULL,"
	"  assessment_id INTEGER,"
	"  entity TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  old_value TEXT,"
	"  new_value TEXT);"
	"CREATE TABLE setting ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);",
	 NULL},
	/* 2: ROI lines, investment classes, per-unit parameters */
	{"CREATE TABLE roi_line ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('one_off','recurring','loss')),"
	"  name TEXT NOT NULL,"
	"  amount INTEGER NOT NULL CHECK (amount >= 0),"
	"  incidents_milli INTEGER NOT NULL DEFAULT 1000"
	"    CHECK (incidents_milli >= 0));"
	"CREATE INDEX roi_line_by_unit ON roi_line (unit_id, kind);"
	"CREATE TABLE invest_class ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  level_low INTEGER NOT NULL CHECK (level_low BETWEEN 1 AND 6),"
	"  level_high INTEGER NOT NULL CHECK (level_high BETWEEN level_low AND 6),"
	"  amount INTEGER NOT NULL CHECK (amount >= 0));"
	"CREATE TABLE unit_param ("
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  PRIMARY KEY (unit_id, key));",
	 NULL},
	/* 3: the 90-day programme, its tasks, recurring duties and their
	 * history; one resolution per occurrence at most. */
	{"CREATE TABLE programme ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL UNIQUE REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  start_date TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE plan_task ("
	"  id INTEGER PRIMARY KEY,"
	"  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,"
	"  template_key TEXT NOT NULL DEFAULT '',"
	"  phase INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 3),"
	"  title TEXT NOT NULL CHECK (length(title) > 0),"
	"  item_key TEXT NOT NULL DEFAULT '',"
	"  owner TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'not_started'"
	"    CHECK (status IN ('not_started','in_progress','done','blocked')),"
	"  due_date TEXT NOT NULL,"
	"  done_date TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE duty ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES org_unit(id) ON DELETE CASCADE,"
	"  template_key TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  every_months INTEGER NOT NULL CHECK (every_months BETWEEN 1 AND 24),"
	"  day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 31),"
	"  anchor TEXT NOT NULL CHECK (anchor IN ('schedule','completion')),"
	"  start_date TEXT NOT NULL,"
	"  item_key TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (unit_id, template_key));"
	"CREATE TABLE duty_event ("
	"  id INTEGER PRIMARY KEY,"
	"  duty_id INTEGER NOT NULL REFERENCES duty(id) ON DELETE CASCADE,"
	"  due_date TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('done','skipped')),"
	"  event_date TEXT NOT NULL,"
	"  result TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  evidence_id INTEGER REFERENCES evidence(id) ON DELETE SET NULL,"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL,"
	"  UNIQUE (duty_id, due_date));",
	 NULL},
	/* 4: the day a finalised year is judged as of (the user's "today" when
	 * it was frozen); older files take the local day of the freeze. */
	{"ALTER TABLE assessment ADD COLUMN judged_on TEXT;"
	"UPDATE assessment SET judged_on = date(finalised_at, 'localtime')"
	"  WHERE status = 'final';",
	 NULL},

	/* 5: the audit log as a hash chain, so rewriting it shows */
	{"ALTER TABLE audit_log ADD COLUMN hash TEXT;",
	 store_audit_seal_all},

	/* 6: pausing a duty: the day its current pause began ('' when it
	 * is not paused), and the pauses that ended, whose occurrences are
	 * never owed */
	{"ALTER TABLE duty ADD COLUMN paused_on TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE duty_pause ("
	"  id INTEGER PRIMARY KEY,"
	"  duty_id INTEGER NOT NULL REFERENCES duty(id) ON DELETE CASCADE,"
	"  paused_on TEXT NOT NULL,"
	"  resumed_on TEXT NOT NULL CHECK (resumed_on > paused_on));"
	"CREATE INDEX duty_pause_by_duty ON duty_pause (duty_id, paused_on);",
	 NULL},
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

_Static_assert(N_MIGRATIONS == STORE_SCHEMA_VERSION,
	       "STORE_SCHEMA_VERSION must match the migrations");

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

sqlite3_stmt *store_prepare(store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, "prepare");
		return NULL;
	}
	return st;
}

int store_bind_text(sqlite3_stmt *st, int idx, const char *v)
{
	return sqlite3_bind_text(st, idx, v ? v : "", -1, SQLITE_TRANSIENT);
}

void store_column_copy(sqlite3_stmt *st, int col, char *out, size_t outlen)
{
	const unsigned char *t = sqlite3_column_text(st, col);
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

static moat_status exec(store *s, const char *sql, const char *context)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? ST_OK : store_fail(s, rc, context);
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE ... COMMIT, inner
 * ones are savepoints, so a batch (the demo) is one transaction made of
 * the ordinary writes. */
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
		st = exec(s, "BEGIN IMMEDIATE", "begin");
	else {
		snprintf(sql, sizeof sql, "SAVEPOINT sp%d", s->depth);
		st = exec(s, sql, "begin");
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
	if (--s->depth > 0) {
		if (st) {
			snprintf(sql, sizeof sql,
				 "ROLLBACK TO sp%d; RELEASE sp%d", s->depth,
				 s->depth);
			sqlite3_exec(s->db, sql, NULL, NULL, NULL);
			return st;
		}
		snprintf(sql, sizeof sql, "RELEASE sp%d", s->depth);
		return exec(s, sql, "commit");
	}
	if (st != ST_OK) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return st;
	}
	st = exec(s, "COMMIT", "commit");
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
	sqlite3_finalize(st);
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
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "query");
}

static moat_status pragma_int(store *s, const char *sql, int *out)
{
	int64_t v = 0;
	moat_status st = store_scalar(s, sql, &v);
	*out = (int)v;
	return st;
}

/* Refuses foreign files before anything is written to them. */
static moat_status check_identity(store *s, int *version)
{
	int app_id = 0, objects = 0;
	moat_status st;

	if ((st = pragma_int(s, "PRAGMA application_id", &app_id)) ||
	    (st = pragma_int(s, "PRAGMA user_version", version)) ||
	    (st = pragma_int(s, "SELECT count(*) FROM sqlite_master", &objects))) {
		if (st == ST_NOT_MOAT || st == ST_DB)
			snprintf(s->err, sizeof s->err,
				 "the file is not a moat database");
		else if (st == ST_DAMAGED)
			snprintf(s->err, sizeof s->err,
				 "the database is damaged (%s); restore it from "
				 "a backup", sqlite3_errmsg(s->db));
		return st == ST_DB ? ST_NOT_MOAT : st;
	}
	if (app_id != MOAT_APPLICATION_ID && (app_id != 0 || objects > 0)) {
		snprintf(s->err, sizeof s->err, "the file is not a moat database");
		return ST_NOT_MOAT;
	}
	if (*version > STORE_SCHEMA_VERSION) {
		snprintf(s->err, sizeof s->err,
			 "schema version %d is newer than this moat (%d)",
			 *version, STORE_SCHEMA_VERSION);
		return ST_TOO_NEW;
	}
	return ST_OK;
}

static moat_status migrate(store *s)
{
	int version = 0;
	moat_status st = store_begin(s);
	char sql[64];

	if (st)
		return st;
	/* Re-read inside the transaction: another process may have
	 * migrated since we looked. */
	st = pragma_int(s, "PRAGMA user_version", &version);
	for (; !st && version < N_MIGRATIONS; version++) {
		st = exec(s, migrations[version].sql, "migrate");
		if (!st && migrations[version].after)
			st = migrations[version].after(s);
		if (!st) {
			snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
				 version + 1);
			st = exec(s, sql, "migrate");
		}
	}
	if (!st) {
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
			 MOAT_APPLICATION_ID);
		st = exec(s, sql, "migrate");
	}
	return store_finish(s, st);
}

/* "file:" URI of path for SQLite, with the characters a URI gives
 * meaning to escaped. */
static bool file_uri(const char *path, const char *query, char *out,
		     size_t outlen)
{
	size_t n = 0;
	int w = snprintf(out, outlen, "file:");
	if (w < 0 || (size_t)w >= outlen)
		return false;
	n = (size_t)w;
	for (const char *p = path; *p; p++) {
		if (n + 4 >= outlen)
			return false;
		if (*p == '?' || *p == '#' || *p == '%')
			n += (size_t)snprintf(out + n, outlen - n, "%%%02X",
					      (unsigned char)*p);
		else
			out[n++] = *p;
	}
	w = snprintf(out + n, outlen - n, "%s", query);
	return w >= 0 && (size_t)w < outlen - n;
}

/* Opens the SQLite connection the probe allows: read-write; read-only
 * beside the WAL files a writer made; or, with no WAL files and no right
 * to make them, an immutable snapshot, so a reader never leaves files
 * that writers cannot write. */
static moat_status connect(store *s, const store_file_state *f)
{
	char uri[PATH_MAX * 3 + 32];
	int flags, rc;

	if (!s->read_only) {
		flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
		rc = sqlite3_open_v2(s->path, &s->db, flags, NULL);
	} else {
		s->snapshot = !(f->wal_exists && f->shm_exists);
		if (!file_uri(s->path, s->snapshot ? "?immutable=1" : "", uri,
			      sizeof uri)) {
			snprintf(s->err, sizeof s->err, "path too long");
			return ST_INVALID;
		}
		flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
		rc = sqlite3_open_v2(uri, &s->db, flags, NULL);
	}
	if (rc != SQLITE_OK) {
		if (!s->db)
			return ST_NOMEM;
		return store_fail(s, rc, "open");
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	return ST_OK;
}

/* Says why a user who may write the database file still cannot write
 * through it: WAL files someone else made without group write. */
static void explain_wal_owner(store *s, const store_file_state *f)
{
	char side[PATH_MAX + 8];
	struct stat sb;
	const char *which = !f->can_write_wal ? "-wal" : "-shm";
	char owner[64];

	snprintf(side, sizeof side, "%s%s", s->path, which);
	if (stat(side, &sb) != 0)
		return;
	user_name_of(sb.st_uid, owner, sizeof owner);
	snprintf(s->warning, sizeof s->warning,
		 "%s belongs to %s with mode %04o, which you cannot write, so "
		 "the database is open read-only. To fix: %s (or root) runs "
		 "chmod 660 %s-wal %s-shm, or closes moat so the files go; "
		 "see moat doctor",
		 side, owner, (unsigned)(sb.st_mode & 07777), owner, s->path,
		 s->path);
}

moat_status store_open(const char *path, store_open_mode mode, store **out,
		       char *err, size_t errlen)
{
	store *s = calloc(1, sizeof *s);
	store_file_state f;
	moat_status st;
	int version = 0, lock = -1;

	*out = NULL;
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return ST_NOMEM;
	}
	snprintf(s->path, sizeof s->path, "%s", path);
	if ((st = store_file_probe(path, &f, s->err, sizeof s->err)))
		goto fail;
	if (mode != STORE_CREATE && !f.exists) {
		snprintf(s->err, sizeof s->err,
			 "no database here; create one with 'moat init' (or "
			 "'moat init --demo' to try moat)");
		st = ST_NOT_FOUND;
		goto fail;
	}
	if (mode != STORE_CREATE && f.size == 0) {
		snprintf(s->err, sizeof s->err,
			 "the file is empty, not a moat database; create one "
			 "with 'moat init' (or 'moat init --demo')");
		st = ST_NOT_MOAT;
		goto fail;
	}
	if (f.size > 0 &&
	    (st = store_file_check_header(path, s->err, sizeof s->err)))
		goto fail;
	s->read_only = mode == STORE_INSPECT || !store_file_writable(&f);
	if (s->read_only && (!f.exists || f.size == 0)) {
		snprintf(s->err, sizeof s->err,
			 "cannot create the database: %s",
			 !f.dir_exists	   ? "its folder does not exist"
			 : f.can_write_dir ? "the file is not writable"
					   : "the folder is not writable");
		st = ST_READONLY;
		goto fail;
	}
	if (s->read_only && f.can_write_db && mode != STORE_INSPECT)
		explain_wal_owner(s, &f);
	/* Creation, the identity check and migration are one step: other
	 * moat processes opening the same file wait here. */
	if (!s->read_only)
		lock = store_file_lock(path);
	if ((st = connect(s, &f)) || (st = check_identity(s, &version)) ||
	    (st = exec(s, "PRAGMA foreign_keys = ON", "open")))
		goto fail;
	if (!s->read_only) {
		/* WAL lets readers and one writer work at once; it is
		 * persistent, so this only changes a new file. */
		if ((st = exec(s, "PRAGMA journal_mode = WAL", "open")) ||
		    (st = exec(s, "PRAGMA synchronous = NORMAL", "open")))
			goto fail;
		if (version < STORE_SCHEMA_VERSION && (st = migrate(s)))
			goto fail;
		s->created = version == 0;
	} else if (version < STORE_SCHEMA_VERSION && mode != STORE_INSPECT) {
		snprintf(s->err, sizeof s->err,
			 "the database needs an upgrade (schema %d to %d) by "
			 "someone who can write it",
			 version, STORE_SCHEMA_VERSION);
		st = ST_READONLY;
		goto fail;
	}
	store_file_unlock(lock);
	s->version = version;
	*out = s;
	return ST_OK;
fail:
	store_file_unlock(lock);
	snprintf(err, errlen, "%s: %s", path, s->err[0] ? s->err : status_text(st));
	store_close(s);
	return st;
}

bool store_created(const store *s)
{
	return s->created;
}

int store_schema_version(const store *s)
{
	return s->version;
}

moat_status store_quick_check(store *s, bool *ok, char *out, size_t outlen)
{
	moat_status st = store_text_scalar(s, "PRAGMA quick_check(1)", out, outlen);
	*ok = st == ST_OK && strcmp(out, "ok") == 0;
	if (st == ST_DAMAGED || st == ST_NOT_MOAT) {
		/* Too damaged to check: that is the finding, not a failure. */
		snprintf(out, outlen, "%s", sqlite3_errmsg(s->db));
		return ST_OK;
	}
	return st;
}

bool store_read_only(const store *s)
{
	return s->read_only;
}

const char *store_warning(const store *s)
{
	return s->warning;
}

moat_status store_refresh(store *s, bool *reopened)
{
	store_file_state f;
	sqlite3 *old;
	char err[256];
	moat_status st;

	*reopened = false;
	if (!s->snapshot)
		return ST_OK;
	if (store_file_probe(s->path, &f, err, sizeof err) != ST_OK ||
	    !(f.wal_exists && f.shm_exists))
		return ST_OK;
	/* A writer has opened the file since: read through its WAL from now
	 * on, so its changes show. */
	old = s->db;
	s->db = NULL;
	if ((st = connect(s, &f))) {
		sqlite3_close_v2(s->db);
		s->db = old;
		s->snapshot = true;
		return st;
	}
	sqlite3_close_v2(old);
	exec(s, "PRAGMA foreign_keys = ON", "open");
	*reopened = true;
	return ST_OK;
}

void store_close(store *s)
{
	if (!s)
		return;
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
