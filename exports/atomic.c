#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exports/atomic.h"
#include "model/msg.h"

/* The temporary file of the export in progress, for the signal handler:
 * pending is set once the path is complete and cleared before the file is
 * renamed or removed, each time with the signals below blocked. */
static char pending_path[4096];
static volatile sig_atomic_t pending;
static const int fatal_signals[] = {SIGTERM, SIGHUP, SIGINT};
#define N_FATAL (sizeof fatal_signals / sizeof fatal_signals[0])

/* Blocks the signals whose handler reads pending (old gets the mask). */
static void hold_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < N_FATAL; i++)
		sigaddset(&set, fatal_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void release_signals(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

/* Only async-signal-safe calls: unlink, signal, raise. */
static void remove_pending(int sig)
{
	int saved = errno;

	if (pending)
		unlink(pending_path);
	signal(sig, SIG_DFL);
	raise(sig); /* delivered, by default, as soon as this returns */
	errno = saved;
}

void atomic_remove_on_signals(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = remove_pending;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < N_FATAL; i++)
		sigaddset(&sa.sa_mask, fatal_signals[i]);
	for (size_t i = 0; i < N_FATAL; i++) {
		/* A signal the caller's parent ignores (nohup) stays ignored. */
		if (sigaction(fatal_signals[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(fatal_signals[i], &sa, NULL);
	}
}

/* Removes the temporary file and forgets it. */
static void discard(const char *tmp_path)
{
	sigset_t old;

	hold_signals(&old);
	unlink(tmp_path);
	pending = 0;
	release_signals(&old);
}

/* Splits path into its directory ("." when there is none) and its last
 * component. Returns false when dir is too small. */
static bool split_path(const char *path, char *dir, size_t dirlen,
		       const char **base)
{
	const char *slash = strrchr(path, '/');
	size_t n;

	if (!slash) {
		*base = path;
		return snprintf(dir, dirlen, ".") < (int)dirlen;
	}
	*base = slash + 1;
	n = slash == path ? 1 : (size_t)(slash - path); /* "/x" lives in "/" */
	if (n >= dirlen)
		return false;
	memcpy(dir, path, n);
	dir[n] = '\0';
	return true;
}

/* Why a system call failed: the usual reasons in the user's language,
 * the system's words for the rest. */
static const char *why_text(int e)
{
	switch (e) {
	case ENOENT: return msg(SYS_NO_SUCH_FOLDER);
	case EACCES:
	case EPERM: return msg(SYS_NO_PERMISSION);
	case EROFS: return msg(SYS_READ_ONLY_FS);
	case ENOSPC:
	case EDQUOT: return msg(SYS_DISK_FULL);
	case ENOTDIR: return msg(SYS_NOT_A_FOLDER);
	}
	return strerror(e);
}

/* Refuses a target that is not a regular file: replacing a symbolic link
 * would cut it from the file it names (and the file would not change), a
 * directory cannot be replaced and a device must not be. On success
 * *exists says whether a file is there and *mode gets its permission bits. */
static moat_status check_target(const char *path, bool *exists, mode_t *mode,
				char *err, size_t errlen)
{
	struct stat st;
	char *real;

	*exists = false;
	*mode = 0;
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT)
			return ST_OK;
		snprintf(err, errlen, "%s: %s", path, why_text(errno));
		return ST_IO;
	}
	if (S_ISLNK(st.st_mode)) {
		char target[4096];
		ssize_t n;

		/* Name where it leads, resolved if it can be. */
		if ((real = realpath(path, NULL))) {
			snprintf(err, errlen, msg(EXPORT_SYMLINK_FMT), path, real);
			free(real);
		} else {
			n = readlink(path, target, sizeof target - 1);
			target[n > 0 ? n : 0] = '\0';
			snprintf(err, errlen, msg(EXPORT_SYMLINK_FMT), path,
				 target);
		}
		return ST_INVALID;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, msg(EXPORT_NOT_FILE_FMT), path);
		return ST_INVALID;
	}
	*exists = true;
	*mode = st.st_mode & 0777;
	return ST_OK;
}

moat_status atomic_begin(const char *final_path, char *tmp_path,
			 size_t tmp_len, char *err, size_t errlen)
{
	char dir[4096];
	const char *base;
	int fd, n, saved;
	sigset_t old;
	mode_t mode;
	moat_status st;
	bool exists;

	if (!split_path(final_path, dir, sizeof dir, &base) || !*base) {
		snprintf(err, errlen, "%s: not a file name", final_path);
		if (tmp_len > 0)
			tmp_path[0] = '\0';
		return ST_INVALID;
	}
	if ((st = check_target(final_path, &exists, &mode, err, errlen))) {
		if (tmp_len > 0)
			tmp_path[0] = '\0';
		return st;
	}
	n = snprintf(tmp_path, tmp_len, "%.*s.%s.XXXXXX",
		     (int)(base - final_path), final_path, base);
	if (n < 0 || (size_t)n >= tmp_len) {
		snprintf(err, errlen, "%s: path too long", final_path);
		if (tmp_len > 0)
			tmp_path[0] = '\0';
		return ST_INVALID;
	}
	/* Created and recorded for the signal handler in one step. */
	hold_signals(&old);
	fd = mkstemp(tmp_path);
	saved = errno;
	if (fd >= 0 && (size_t)n < sizeof pending_path) {
		memcpy(pending_path, tmp_path, (size_t)n + 1);
		pending = 1;
	}
	release_signals(&old);
	if (fd < 0) {
		snprintf(err, errlen, msg(EXPORT_NO_CREATE_FMT), dir,
			 why_text(saved));
		tmp_path[0] = '\0';
		return ST_IO;
	}
	if (close(fd) != 0) {
		snprintf(err, errlen, "%s: %s", tmp_path, why_text(errno));
		discard(tmp_path);
		tmp_path[0] = '\0';
		return ST_IO;
	}
	return ST_OK;
}

/* The mode a newly created file would get: 0666 less the umask. */
static mode_t default_mode(void)
{
	mode_t mask = umask(022);

	umask(mask);
	return 0666 & ~mask;
}

/* Flushes the directory entry of a rename to disk. Filesystems that cannot
 * sync directories (EINVAL, EROFS...) are not an error. */
static moat_status sync_dir(const char *dir, char *err, size_t errlen)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc, saved;

	if (fd < 0) {
		if (errno == EACCES)
			return ST_OK; /* searchable but not readable */
		snprintf(err, errlen, "%s: %s", dir, why_text(errno));
		return ST_IO;
	}
	rc = fsync(fd);
	saved = errno;
	close(fd);
	if (rc != 0 && saved != EINVAL && saved != EROFS && saved != ENOTSUP) {
		snprintf(err, errlen, "%s: %s", dir, why_text(saved));
		return ST_IO;
	}
	return ST_OK;
}

/* Sets the permissions of the finished file (mode) and flushes it to
 * disk. Returns 0, or an errno value with the failing step in *step. */
static int finish_file(const char *path, mode_t mode, const char **step)
{
	int fd, saved;

	*step = "open";
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	*step = "chmod";
	if (fchmod(fd, mode) != 0)
		goto fail;
	*step = "fsync";
	if (fsync(fd) != 0)
		goto fail;
	*step = "close";
	return close(fd) == 0 ? 0 : errno;
fail:
	saved = errno;
	close(fd);
	return saved;
}

moat_status atomic_commit(const char *tmp_path, const char *final_path,
			  char *err, size_t errlen)
{
	char dir[4096];
	const char *base, *step;
	sigset_t old;
	mode_t mode;
	moat_status st;
	bool exists;
	int e;

	/* Checked again: the target may have changed while being written. A
	 * file replaced keeps its permissions; a new one gets the default. */
	if ((st = check_target(final_path, &exists, &mode, err, errlen))) {
		discard(tmp_path);
		return st;
	}
	if (!exists)
		mode = default_mode();
	if ((e = finish_file(tmp_path, mode, &step)) != 0) {
		snprintf(err, errlen, "%s: %s: %s", tmp_path, step, why_text(e));
		discard(tmp_path);
		return ST_IO;
	}
	/* Once renamed, the file is no longer the handler's to remove. */
	hold_signals(&old);
	e = rename(tmp_path, final_path) == 0 ? 0 : errno;
	if (e)
		unlink(tmp_path);
	pending = 0;
	release_signals(&old);
	if (e) {
		snprintf(err, errlen, msg(EXPORT_NO_REPLACE_FMT), final_path,
			 why_text(e));
		return ST_IO;
	}
	if (!split_path(final_path, dir, sizeof dir, &base))
		return ST_OK; /* cannot happen: atomic_begin checked it */
	if (sync_dir(dir, err, errlen) != ST_OK) {
		/* The new file is in place; only its durability is in doubt. */
		size_t used = strlen(err);

		snprintf(err + used, errlen - used,
			 " (%s was written but may not survive a crash)",
			 final_path);
		return ST_IO;
	}
	return ST_OK;
}

void atomic_abort(const char *tmp_path)
{
	if (tmp_path && *tmp_path)
		discard(tmp_path);
}
