#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/msg.h"
#include "model/verify_text.h"
#include "model/verify_view.h"

void verify_view_free(verify_view *v)
{
	backup_list_free(&v->backups);
	free(v->systems);
	free(v->entries);
	memset(v, 0, sizeof *v);
}

bool verify_view_judge(verify_view *v, const bia_view *bia, date today)
{
	free(v->systems);
	v->n_never = v->n_stale = v->n_failed = 0;
	v->systems = calloc(v->backups.n ? v->backups.n : 1, sizeof *v->systems);
	if (!v->systems)
		return false;
	for (size_t i = 0; i < v->backups.n; i++) {
		const system_backup *b = &v->backups.v[i];
		verify_system *y = &v->systems[i];
		size_t at = bia ? bia_view_system(bia, b->system_id) : BIA_NO_INDEX;
		y->rto = at != BIA_NO_INDEX ? bia->systems[at].need.rto : BIA_UNSET;
		y->rpo = at != BIA_NO_INDEX ? bia->systems[at].need.rpo : BIA_UNSET;
		backup_check_321(b->copies, b->n_copies, &y->r321);
		y->interval = backup_check_interval(&b->plan, y->rpo);
		verify_freshness(v->entries, v->n_entries, b->system, today,
				 v->stale_days, &y->fresh);
		y->stands_out = verify_stands_out(&y->fresh);
		v->n_never += y->fresh.state == FRESH_NEVER;
		v->n_stale += y->fresh.state == FRESH_STALE;
		v->n_failed += y->fresh.state == FRESH_FAILED;
	}
	return true;
}

moat_status verify_view_load(store *s, int64_t unit_id, int64_t assessment_id,
			     const bia_view *bia, date today, verify_view *out)
{
	verify_filter all = {NULL, -1, {0, 0, 0}};
	int64_t days;
	moat_status st;

	memset(out, 0, sizeof *out);
	if ((st = store_param_get(s, unit_id, VERIFY_PARAM_STALE_DAYS,
				  VERIFY_DEFAULT_STALE_DAYS, &days)) ||
	    (st = store_backups_load(s, assessment_id, &out->backups)) ||
	    (st = store_verify_list(s, unit_id, &all, &out->entries,
				    &out->n_entries))) {
		verify_view_free(out);
		return st;
	}
	out->stale_days = (int)days;
	if (!verify_view_judge(out, bia, today)) {
		verify_view_free(out);
		return ST_NOMEM;
	}
	return ST_OK;
}

/* The system with this name, or when name is NULL this id. */
static size_t find(const verify_view *v, int64_t id, const char *name)
{
	for (size_t i = 0; i < v->backups.n; i++) {
		const system_backup *b = &v->backups.v[i];
		if (name ? strcmp(b->system, name) == 0 : b->system_id == id)
			return i;
	}
	return BIA_NO_INDEX;
}

size_t verify_view_system(const verify_view *v, int64_t system_id)
{
	return find(v, system_id, NULL);
}

size_t verify_view_named(const verify_view *v, const char *name)
{
	return find(v, 0, name);
}

/* Appends a part to out, " · " apart from what is there. */
static void part(char *out, size_t len, msg_id one, msg_id many, size_t n)
{
	size_t used = strlen(out);
	if (!n || used >= len)
		return;
	snprintf(out + used, len - used, "%s", used ? " · " : "");
	used = strlen(out);
	snprintf(out + used, len - used, msg(n == 1 ? one : many), n);
}

void verify_view_summary_text(const verify_view *v, char *out, size_t len)
{
	if (!len)
		return;
	out[0] = '\0';
	if (!v->backups.n) {
		snprintf(out, len, "%s", msg(VV_NO_SYSTEMS));
		return;
	}
	if (!v->n_never && !v->n_stale && !v->n_failed) {
		snprintf(out, len, msg(VV_ALL_FRESH_FMT), v->stale_days);
		return;
	}
	part(out, len, VV_NEVER_ONE_FMT, VV_NEVER_FMT, v->n_never);
	part(out, len, VV_STALE_ONE_FMT, VV_STALE_FMT, v->n_stale);
	part(out, len, VV_FAILED_ONE_FMT, VV_FAILED_FMT, v->n_failed);
}

int verify_bar_cells(int64_t value, int64_t scale, int width)
{
	int64_t cells;
	if (value <= 0 || scale <= 0 || width <= 0)
		return 0;
	if (value >= scale)
		return width;
	cells = (value * width * 2 + scale) / (scale * 2);
	return cells < 1 ? 1 : (int)cells;
}

int64_t verify_chart_scale(const verify_entry *entries, size_t n,
			   const char *system, int64_t rto)
{
	int64_t scale = rto > 0 ? rto : 1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(entries[i].system, system) == 0 && entries[i].rta > scale)
			scale = entries[i].rta;
	return scale;
}

void verify_copies_text(const system_backup *b, const char *sep, char *out,
			size_t len)
{
	size_t used = 0;
	if (!len)
		return;
	out[0] = '\0';
	for (size_t i = 0; i < b->n_copies && used < len; i++)
		used += (size_t)snprintf(out + used, len - used,
					 msg(b->copies[i].offsite ? VB_COPY_OFFSITE_FMT
								  : VB_COPY_FMT),
					 i ? sep : "", b->copies[i].location,
					 backup_medium_text(b->copies[i].medium));
}
