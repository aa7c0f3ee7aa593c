/* Replacing a file atomically: write everything to a temporary file in the
 * target's directory, then rename it over the target. Readers see either
 * the old file or the complete new one, never a half-written one. */
#ifndef MOAT_ATOMIC_H
#define MOAT_ATOMIC_H

#include <stddef.h>

#include "model/status.h"

/* Creates an empty temporary file ".NAME.XXXXXX" beside final_path (NAME
 * is final_path's last component) and writes its path into tmp_path
 * (capacity tmp_len). No descriptor stays open: the caller writes to the
 * file by path. final_path must be a regular file or not exist: a symbolic
 * link is refused (ST_INVALID, the message names where it leads and asks
 * for the real path), as is a directory or a device. On failure nothing is
 * created, err says why, and the result is ST_IO (ST_INVALID for a refused
 * target or a tmp_path too small). */
moat_status atomic_begin(const char *final_path, char *tmp_path,
			 size_t tmp_len, char *err, size_t errlen);

/* Makes the finished temporary file durable and puts it in place: the
 * permission bits of the file it replaces (0666 less the umask for a new
 * one), fsync, rename over final_path, fsync of the directory. final_path
 * is checked again as atomic_begin does. On failure before the rename the
 * temporary file is removed and final_path is untouched; err says which
 * step failed on which path. */
moat_status atomic_commit(const char *tmp_path, const char *final_path,
			  char *err, size_t errlen);

/* Removes the temporary file; harmless if it is already gone. */
void atomic_abort(const char *tmp_path);

/* Makes SIGTERM, SIGHUP and SIGINT remove the temporary file of the
 * export in progress (between atomic_begin and its commit or abort), then
 * end the process as they would have; a signal ignored at the time (nohup)
 * stays ignored. For a process that exports and exits, such as the
 * command line; the interface keeps its own handlers. */
void atomic_remove_on_signals(void);

#endif
