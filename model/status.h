/* Status codes shared by model/, exports/ and tui/.
 * One list, so a code without a description cannot exist. */
#ifndef MOAT_STATUS_H
#define MOAT_STATUS_H

#define MOAT_STATUS_LIST(X)                                                  \
	X(ST_OK, "ok")                                                       \
	X(ST_NOMEM, "out of memory")                                         \
	X(ST_IO, "input/output error")                                       \
	X(ST_PARSE, "malformed file")                                        \
	X(ST_INVALID, "invalid value")                                       \
	X(ST_NOT_FOUND, "not found")                                         \
	X(ST_EXISTS, "already exists")                                       \
	X(ST_DB, "database error")                                           \
	X(ST_NOT_MOAT, "not a moat database")                                \
	X(ST_TOO_NEW, "database written by a newer moat")                    \
	X(ST_BUSY, "database is busy")                                       \
	X(ST_READONLY, "database is read-only")                              \
	X(ST_FROZEN, "assessment is finalised and read-only")                \
	X(ST_EXPORT, "export failed")                                        \
	X(ST_DAMAGED, "database is damaged")                                 \
	X(ST_CONFLICT, "changed by someone else meanwhile")

typedef enum {
#define X(code, text) code,
	MOAT_STATUS_LIST(X)
#undef X
	ST__COUNT
} moat_status;

/* Short English description of a status, for logs and the CLI. Never NULL. */
const char *status_text(moat_status st);

#endif
