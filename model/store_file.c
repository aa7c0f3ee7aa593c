#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/store_file.h"

/* The folder of path ("." for a bare name), in out. */
static bool folder_of(const char *path, char *out, size_t outlen)
{
	const char *slash = strrchr(path, '/');
	int n;
	if (!slash)
		n = snprintf(out, outlen, ".");
	else if (slash == path)
		n = snprintf(out, outlen, "/");
	else
		n = snprintf(out, outlen, "%.*s", (int)(slash - path), path);
	return n > 0 && (size_t)n < outlen;
}

static bool suffixed(const char *path, const char *suffix, char *out,
		     size_t outlen)
{
	int n = snprintf(out, outlen, "%s%s", path, suffix);
	return n > 0 && (size_t)n < outlen;
}

moat_status store_file_probe(const char *path, store_file_state *out,
			     char *err, size_t errlen)
{
	char dir[PATH_MAX], wal[PATH_MAX], shm[PATH_MAX];
	struct stat sb;

	memset(out, 0, sizeof *out);
	if (!folder_of(path, dir, sizeof dir) ||
	    !suffixed(path, "-wal", wal, sizeof wal) ||
	    !suffixed(path, "-shm", shm, sizeof shm)) {
		snprintf(err, errlen, "path too long");
		return ST_INVALID;
	}
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			snprintf(err, errlen, "is a folder, not a database file");
			return ST_INVALID;
		}
		out->exists = true;
		out->size = (int64_t)sb.st_size;
	} else if (errno != ENOENT) {
		snprintf(err, errlen, "%s", strerror(errno));
		return ST_IO;
	}
	out->dir_exists = stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode);
	out->can_write_dir = access(dir, W_OK | X_OK) == 0;
	out->can_write_db = out->exists ? access(path, W_OK) == 0
					: out->can_write_dir;
	out->wal_exists = access(wal, F_OK) == 0;
	out->shm_exists = access(shm, F_OK) == 0;
	out->can_write_wal = !out->wal_exists || access(wal, W_OK) == 0;
	out->can_write_shm = !out->shm_exists || access(shm, W_OK) == 0;
	return ST_OK;
}

bool store_file_writable(const store_file_state *f)
{
	if (!f->can_write_db || !f->can_write_wal || !f->can_write_shm)
		return false;
	/* SQLite makes the WAL files beside the database when they are
	 * missing. */
	if ((!f->wal_exists || !f->shm_exists) && !f->can_write_dir)
		return false;
	return true;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* Whether path's WAL file holds anything. While it does, a checkpoint
 * may be copying its pages into the file, page 1 (with the new page
 * count) before the pages that lengthen the file: a file shorter than
 * its header says is then no sign of damage. */
static bool wal_has_pages(const char *path)
{
	char wal[PATH_MAX + 8];
	struct stat sb;
	snprintf(wal, sizeof wal, "%s-wal", path);
	return stat(wal, &sb) == 0 && sb.st_size > 0;
}

moat_status store_file_check_header(const char *path, char *err,
				    size_t errlen)
{
	static const char magic[16] = "SQLite format 3";
	unsigned char h[100];
	struct stat sb;
	ssize_t n;
	uint32_t page_size, pages;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		return ST_IO;
	}
	n = read(fd, h, sizeof h);
	if (fstat(fd, &sb) != 0)
		sb.st_size = 0;
	close(fd);
	if (n < 16 || memcmp(h, magic, sizeof magic) != 0) {
		snprintf(err, errlen, "not a moat database (not an SQLite file)");
		return ST_NOT_MOAT;
	}
	if (n < (ssize_t)sizeof h) {
		snprintf(err, errlen, "damaged: cut off inside its header (%zd bytes)",
			 n);
		return ST_DAMAGED;
	}
	page_size = (uint32_t)h[16] << 8 | h[17];
	if (page_size == 1)
		page_size = 65536;
	/* The page count is valid only when written by a version that kept
	 * it (its "version valid for" equals the change counter). */
	pages = be32(h + 28);
	if (page_size >= 512 && be32(h + 92) == be32(h + 24) && pages > 0 &&
	    (int64_t)sb.st_size < (int64_t)pages * page_size &&
	    !wal_has_pages(path)) {
		snprintf(err, errlen,
			 "damaged: truncated to %lld of %lld bytes",
			 (long long)sb.st_size,
			 (long long)pages * page_size);
		return ST_DAMAGED;
	}
	return ST_OK;
}

int store_file_lock(const char *path)
{
	char dir[PATH_MAX];
	int fd;

	if (!folder_of(path, dir, sizeof dir))
		return -1;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	/* flock, not fcntl: closing this descriptor must not drop the
	 * database locks SQLite holds (those are fcntl locks on another
	 * file). */
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			close(fd);
			return -1;
		}
	}
	return fd;
}

void store_file_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}

bool store_file_group(const char *name, gid_t *gid)
{
	struct group gr, *res = NULL;
	char buf[16384];
	if (getgrnam_r(name, &gr, buf, sizeof buf, &res) != 0 || !res)
		return false;
	*gid = res->gr_gid;
	return true;
}

/* Gives path to the group with mode; says what failed. */
static moat_status share_one(const char *path, gid_t gid, mode_t mode,
			     char *err, size_t errlen)
{
	if (chown(path, (uid_t)-1, gid) != 0) {
		snprintf(err, errlen,
			 "cannot give %s to the group: %s (its owner or root "
			 "must run: chgrp GROUP %s)",
			 path, strerror(errno), path);
		return ST_IO;
	}
	if (chmod(path, mode) != 0) {
		snprintf(err, errlen,
			 "cannot set the mode of %s: %s (its owner or root "
			 "must run: chmod %o %s)",
			 path, strerror(errno), (unsigned)mode, path);
		return ST_IO;
	}
	return ST_OK;
}

moat_status store_file_share(const char *path, const char *group, char *err,
			     size_t errlen)
{
	char dir[PATH_MAX], side[PATH_MAX];
	static const char *const sides[] = {"-wal", "-shm"};
	struct stat sb;
	gid_t gid;
	moat_status st;
	int fd;

	if (!store_file_group(group, &gid)) {
		snprintf(err, errlen, "no group named %s (see getent group)",
			 group);
		return ST_NOT_FOUND;
	}
	if (!folder_of(path, dir, sizeof dir)) {
		snprintf(err, errlen, "path too long");
		return ST_INVALID;
	}
	if (stat(dir, &sb) != 0) {
		if (errno != ENOENT || mkdir(dir, 02770) != 0) {
			snprintf(err, errlen, "cannot make the folder %s: %s",
				 dir, strerror(errno));
			return ST_IO;
		}
	} else if (!S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "%s is not a folder", dir);
		return ST_INVALID;
	}
	/* setgid: files made in the folder (the WAL files too) take its
	 * group, whoever makes them. */
	if ((st = share_one(dir, gid, 02770, err, errlen)))
		return st;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0660);
	if (fd < 0) {
		snprintf(err, errlen, "cannot make %s: %s", path,
			 strerror(errno));
		return ST_IO;
	}
	close(fd);
	if ((st = share_one(path, gid, 0660, err, errlen)))
		return st;
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		if (!suffixed(path, sides[i], side, sizeof side))
			continue;
		if (access(side, F_OK) == 0 &&
		    (st = share_one(side, gid, 0660, err, errlen)))
			return st;
	}
	return ST_OK;
}
