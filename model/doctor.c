#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "model/doctor.h"
#include "model/msg.h"
#include "model/store.h"
#include "model/store_file.h"
#include "model/user.h"

/* File systems on which SQLite's WAL (shared memory between processes)
 * does not work across hosts. */
#define FS_NFS 0x6969
#define FS_SMB 0x517B
#define FS_CIFS 0xFF534D42
#define FS_SMB2 0xFE534D42

static void add(doctor_report *r, bool problem, msg_id fmt, ...)
{
	va_list ap;
	doctor_finding *f;
	if (r->n == DOCTOR_MAX)
		return;
	f = &r->v[r->n++];
	f->problem = problem;
	if (problem)
		r->problems++;
	va_start(ap, fmt);
	vsnprintf(f->text, sizeof f->text, msg(fmt), ap);
	va_end(ap);
}

static bool in_group(gid_t gid)
{
	gid_t groups[256];
	int n = getgroups(256, groups);
	if (getgid() == gid || getegid() == gid)
		return true;
	for (int i = 0; i < n; i++)
		if (groups[i] == gid)
			return true;
	return false;
}

/* "alice:team 0660" */
static void describe(const struct stat *sb, char *out, size_t n)
{
	char u[64], g[64];
	user_name_of(sb->st_uid, u, sizeof u);
	user_group_name_of(sb->st_gid, g, sizeof g);
	snprintf(out, n, "%s:%s %04o", u, g, (unsigned)(sb->st_mode & 07777));
}

/* A team shares the folder when its group may write it. */
static void check_sharing(doctor_report *r, const char *path,
			  const char *dir, const struct stat *db,
			  const struct stat *fs)
{
	static const char *const sides[] = {"-wal", "-shm"};
	char what[160], g[64], side[PATH_MAX + 8];
	bool shared = (fs->st_mode & S_IWGRP) != 0;

	if (!shared) {
		describe(fs, what, sizeof what);
		add(r, false, DOC_PRIVATE_FMT, dir, what);
		return;
	}
	user_group_name_of(fs->st_gid, g, sizeof g);
	if (!(fs->st_mode & S_ISGID))
		add(r, true, DOC_NO_SETGID_FMT, dir, dir);
	if (db->st_gid != fs->st_gid) {
		char dg[64];
		user_group_name_of(db->st_gid, dg, sizeof dg);
		add(r, true, DOC_WRONG_GROUP_FMT, path, dg, g, g, path);
	}
	if ((db->st_mode & (S_IRGRP | S_IWGRP)) != (S_IRGRP | S_IWGRP))
		add(r, true, DOC_DB_MODE_FMT, path,
		    (unsigned)(db->st_mode & 07777), path);
	for (size_t i = 0; i < 2; i++) {
		struct stat sb;
		snprintf(side, sizeof side, "%s%s", path, sides[i]);
		if (stat(side, &sb) != 0)
			continue;
		if ((sb.st_mode & S_IWGRP) == 0 || sb.st_gid != fs->st_gid) {
			describe(&sb, what, sizeof what);
			add(r, true, DOC_SIDE_FMT, side, what, g, g, side, side);
		}
	}
	if (!in_group(fs->st_gid))
		add(r, true, DOC_NOT_MEMBER_FMT, g);
	if (r->problems == 0)
		add(r, false, DOC_SHARED_OK_FMT, g);
}

static void check_contents(doctor_report *r, const char *path)
{
	store *s;
	char err[1024], detail[512];
	bool ok = false;
	audit_check c;

	if (store_open(path, STORE_INSPECT, &s, err, sizeof err) != ST_OK) {
		add(r, true, DOC_OPEN_FMT, err);
		return;
	}
	if (store_quick_check(s, &ok, detail, sizeof detail) != ST_OK)
		add(r, true, DOC_OPEN_FMT, store_errmsg(s));
	else if (!ok)
		add(r, true, DOC_DAMAGED_FMT, detail);
	else
		add(r, false, DOC_INTACT_FMT, store_schema_version(s));
	if (store_schema_version(s) < STORE_SCHEMA_VERSION)
		add(r, true, DOC_OLD_SCHEMA_FMT, store_schema_version(s),
		    STORE_SCHEMA_VERSION);
	else if (store_audit_verify(s, 0, &c) != ST_OK)
		add(r, true, DOC_OPEN_FMT, store_errmsg(s));
	else if (c.ok)
		add(r, false, DOC_AUDIT_OK_FMT, (long long)c.entries);
	else
		add(r, true, DOC_AUDIT_BROKEN_FMT, (long long)c.at_id);
	store_close(s);
}

void doctor_run(const char *path, doctor_report *r)
{
	char dir[PATH_MAX], what[160], probe_err[256];
	struct stat db, fs;
	struct statfs sfs;
	store_file_state f;
	const char *slash = strrchr(path, '/');

	memset(r, 0, sizeof *r);
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	if (stat(path, &db) != 0) {
		add(r, true, DOC_MISSING_FMT, path);
		return;
	}
	describe(&db, what, sizeof what);
	add(r, false, DOC_FILE_FMT, path, what);
	if (stat(dir, &fs) == 0)
		check_sharing(r, path, dir, &db, &fs);
	if (statfs(dir, &sfs) == 0 &&
	    ((unsigned long)sfs.f_type == FS_NFS || (unsigned long)sfs.f_type == FS_SMB ||
	     (unsigned long)sfs.f_type == FS_CIFS || (unsigned long)sfs.f_type == FS_SMB2))
		add(r, true, DOC_NETWORK_FS_FMT, dir);
	if (store_file_probe(path, &f, probe_err, sizeof probe_err) == ST_OK) {
		if (!store_file_writable(&f))
			add(r, !f.can_write_db ? false : true,
			    f.can_write_db ? DOC_SIDES_BLOCK : DOC_READ_ONLY);
		else
			add(r, false, DOC_WRITABLE);
	}
	check_contents(r, path);
}
