/* The database as a file, before and beside SQLite: whether it exists, is
 * empty, is an SQLite file at all or a truncated one, who may write it and
 * its WAL files, the lock that serialises creation and migration, and the
 * setup of a database shared by a Unix group. No SQLite calls here. */
#ifndef MOAT_STORE_FILE_H
#define MOAT_STORE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "model/status.h"

typedef struct {
	bool exists;
	int64_t size;          /* bytes; 0 when missing */
	bool can_write_db;     /* the file (or, when missing, its folder) */
	bool can_write_dir;
	bool dir_exists;
	bool wal_exists, shm_exists;
	bool can_write_wal;    /* true when the file is absent */
	bool can_write_shm;
} store_file_state;

/* Looks at path and its -wal and -shm files with access(2) for the real
 * user. ST_IO (with the reason in err) when the folder cannot be read. */
moat_status store_file_probe(const char *path, store_file_state *out,
			     char *err, size_t errlen);

/* True when SQLite can open path for writing without leaving files other
 * users cannot write: the database, and the WAL files or their folder. */
bool store_file_writable(const store_file_state *f);

/* Reads the file's SQLite header: ST_NOT_MOAT (not an SQLite file),
 * ST_DAMAGED (shorter than its header says: truncated), ST_OK otherwise.
 * err says what was found. Only for a file that exists and is not empty. */
moat_status store_file_check_header(const char *path, char *err,
				    size_t errlen);

/* Takes an exclusive lock on path's folder, so creation, the identity
 * check and migration are one step that other moat processes wait for.
 * Returns the descriptor to pass to store_file_unlock, or -1 when the
 * folder cannot be opened (then nothing is locked: a reader only). */
int store_file_lock(const char *path);
void store_file_unlock(int fd);

/* Prepares a database shared by a Unix group: the folder (made when
 * missing) owned by the group, setgid and 2770; the database file (made
 * empty when missing) and any WAL files 0660 and in the group. The caller
 * must be a member of the group (or root). On failure err says what could
 * not be done and how to fix it. */
moat_status store_file_share(const char *path, const char *group, char *err,
			     size_t errlen);

/* Group id of a group name; false when there is no such group. */
bool store_file_group(const char *name, gid_t *gid);

#endif
