#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/store_file.h"
#include "model/store_internal.h"
#include "model/user.h"

/* Opening the database: which connection a user may have (read-write,
 * read-only, an immutable snapshot), the identity check, the migration,
 * and what the caller should tell the user. */

/* Refuses foreign files before anything is written to them. */
static moat_status check_identity(store *s, int *version)
{
	int app_id = 0, objects = 0;
	moat_status st;

	if ((st = store_pragma_int(s, "PRAGMA application_id", &app_id)) ||
	    (st = store_pragma_int(s, "PRAGMA user_version", version)) ||
	    (st = store_pragma_int(s, "SELECT count(*) FROM sqlite_master", &objects))) {
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
	    (st = store_exec(s, "PRAGMA foreign_keys = ON", "open")))
		goto fail;
	if (!s->read_only) {
		/* WAL lets readers and one writer work at once; it is
		 * persistent, so this only changes a new file. */
		if ((st = store_exec(s, "PRAGMA journal_mode = WAL", "open")) ||
		    (st = store_exec(s, "PRAGMA synchronous = NORMAL", "open")))
			goto fail;
		if (version < STORE_SCHEMA_VERSION && (st = store_migrate(s)))
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
	/* The cached statements belong to the old connection. */
	store_forget_statements(s);
	sqlite3_close_v2(old);
	store_exec(s, "PRAGMA foreign_keys = ON", "open");
	*reopened = true;
	return ST_OK;
}
