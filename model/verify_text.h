/* The words of backups and their verification (model/verify.h) in the
 * current language: kinds, results and media by name; the 3-2-1 check,
 * the interval against the RPO, a measured time against its target and a
 * system's freshness as sentences. Screens, CLI and workbook say these
 * same sentences. Pure. Each writes into out (len bytes), always ending it
 * with a NUL and never cutting a character. */
#ifndef MOAT_VERIFY_TEXT_H
#define MOAT_VERIFY_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "model/verify.h"

const char *verify_kind_text(verify_kind k);
const char *verify_result_text(verify_result r);
const char *backup_medium_text(backup_medium m);

/* "3-2-1 met: 3 copies, 2 kinds of medium, 1 off site", or what is
 * missing, "; " apart: "2 copies of 3 (production counts as one); the
 * backups are all on tape: a second kind of medium is needed; no copy
 * off site". */
void backup_321_text(const backup_321 *r, char *out, size_t len);

/* "real-time sync: meets the RPO 5 min"; "a backup every 24 h loses up
 * to 24 h of data: the RPO 4 h is not met"; "a backup every 1 h meets
 * the RPO 4 h"; "no backup schedule"; "no RPO to judge the interval". */
void backup_interval_text(const backup_plan *p, int64_t rpo, char *out,
			  size_t len);

/* A measured figure against its target, what is "RTA"/"RPA" and target
 * "RTO"/"RPO": "RTA 3 h 10 min, RTO 2 h: missed by 1 h 10 min"; "RTA 40
 * min, RTO 2 h: met"; "RTA not measured"; "RTA 40 min (no RTO set)". */
void verify_judgement_text(const char *what, const char *target,
			   int64_t measured, int64_t target_minutes,
			   char *out, size_t len);

/* A system's freshness: "restore-tested 5 days ago (2026-11-20)", "not
 * restore-tested for 47 days (since 2026-10-09)", "last restore test
 * failed (2026-11-20)" ("partial" likewise), "never restore-tested". */
void verify_freshness_text(const freshness *f, char *out, size_t len);

/* A completeness in tenths of a percent: "100 %", "99.5 %", "—" for -1. */
void verify_completeness_text(int tenths, char *out, size_t len);

#endif
