/* Backups and their proof per system of a year, as the screens, the home
 * line, the BIA flags and the workbook all show them: each system's plan
 * and copies with the 3-2-1 check, the interval against its RPO and the
 * freshness of its last restore test, from the unit's ledger and its
 * stale-days setting; and the text chart of RTA against RTO. The loader
 * reads the store; the rest is pure. */
#ifndef MOAT_VERIFY_VIEW_H
#define MOAT_VERIFY_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/bia_view.h"
#include "model/store.h"
#include "model/store_verify.h"
#include "model/verify.h"

typedef struct {
	int64_t rto, rpo;          /* the system's targets (BIA_UNSET: none) */
	backup_321 r321;
	interval_verdict interval;
	freshness fresh;           /* fresh.last points into the view's entries */
	bool stands_out;
} verify_system;

typedef struct {
	backup_list backups;       /* the year's systems, in their order */
	verify_system *systems;    /* parallel to backups.v */
	verify_entry *entries;     /* the unit's whole ledger, newest first */
	size_t n_entries;
	int stale_days;
	size_t n_never, n_stale, n_failed; /* systems in each state */
} verify_view;

/* Reads the backups of assessment_id and the ledger of unit_id and judges
 * them on today against the targets of bia (the same year's analysis;
 * a system it lacks has no targets). On failure *out is empty. Release
 * with verify_view_free. */
moat_status verify_view_load(store *s, int64_t unit_id, int64_t assessment_id,
			     const bia_view *bia, date today, verify_view *out);
void verify_view_free(verify_view *v);

/* Fills v->systems from v->backups and v->entries (already there) and
 * counts the systems standing out. Pure; false on no memory. */
bool verify_view_judge(verify_view *v, const bia_view *bia, date today);

/* The index of the system with this id or name, or BIA_NO_INDEX. */
size_t verify_view_system(const verify_view *v, int64_t system_id);
size_t verify_view_named(const verify_view *v, const char *name);

/* The home screen's line: "4 systems never restore-tested · 1 stale · 1
 * last test failed", or "every system restore-tested within 35 days";
 * "no systems yet" without any. */
void verify_view_summary_text(const verify_view *v, char *out, size_t len);

/* A system's copies in words, sep apart: "NAS room 2 (NAS), OSS (cloud
 * storage, off site)"; "" without copies. */
void verify_copies_text(const system_backup *b, const char *sep, char *out,
			size_t len);

/* The text chart's bar of value minutes in width cells on a scale whose
 * full width is scale minutes: whole cells, rounded, at least 1 for a
 * value above 0, at most width. 0 when value or scale is not above 0. */
int verify_bar_cells(int64_t value, int64_t scale, int width);

/* The scale of a system's chart: the larger of its RTO and its longest
 * measured RTA among entries (any order, other systems skipped), and at
 * least 1. */
int64_t verify_chart_scale(const verify_entry *entries, size_t n,
			   const char *system, int64_t rto);

#endif
