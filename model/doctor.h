/* `moat doctor`: what is wrong with a database file and how to fix it —
 * its folder, owner, group and modes for a team sharing it, the WAL
 * files, the file system, SQLite's integrity and the audit chain. Each
 * finding is one line in the current language. */
#ifndef MOAT_DOCTOR_H
#define MOAT_DOCTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "model/status.h"

enum { DOCTOR_MAX = 24 };

typedef struct {
	bool problem;    /* else a fact that is fine */
	char text[640];
} doctor_finding;

typedef struct {
	doctor_finding v[DOCTOR_MAX];
	size_t n;
	size_t problems;
} doctor_report;

/* Examines the database at path (opening it read-only where it can) and
 * fills r. Never changes the file. */
void doctor_run(const char *path, doctor_report *r);

#endif
