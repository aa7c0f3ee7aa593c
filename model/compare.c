#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/compare.h"
#include "model/msg.h"

int compare_crit_rank(const report *r, size_t crit)
{
	const q_criterion *c = &r->q->criteria[crit];
	bool started = c->n_relies > 0;

	if (r->score.satisfied[crit])
		return 2;
	if (r->answers[crit].answer == ANS_PARTLY)
		return 1;
	for (size_t i = 0; i < c->n_relies; i++)
		if (r->states[c->relies_on[i]] == ITEM_NOT_STARTED)
			started = false;
	return started ? 1 : 0;
}

static cmp_kind by_rank(int a, int b)
{
	return b > a ? CMP_IMPROVED : b < a ? CMP_REGRESSED : CMP_UNCHANGED;
}

bool compare_crit_assessed(const report *r, size_t crit)
{
	return r->q->criteria[crit].n_relies > 0 ||
	       r->answers[crit].answer != ANS_UNANSWERED;
}

cmp_reading compare_crit_reading(const report *r, size_t crit)
{
	if (!compare_crit_assessed(r, crit))
		return CMP_READ_NOT_ASSESSED;
	if (r->answers[crit].answer == ANS_NA)
		return CMP_READ_NA;
	return (cmp_reading)compare_crit_rank(r, crit);
}

void compare_reports(const report *a, const report *b, year_diff *d)
{
	const questionnaire *q = b->q;

	memset(d, 0, sizeof *d);
	d->level_a = a->score.level;
	d->level_b = b->score.level;
	for (size_t i = 0; i < q->n_items; i++) {
		d->items[i] = by_rank((int)a->states[i], (int)b->states[i]);
		d->item_counts[d->items[i]]++;
	}
	for (size_t c = 0; c < q->n_criteria; c++) {
		int ra = compare_crit_rank(a, c), rb = compare_crit_rank(b, c);
		bool was = compare_crit_assessed(a, c), is = compare_crit_assessed(b, c);
		d->crit_rank_a[c] = ra;
		d->crit_rank_b[c] = rb;
		d->crit_read_a[c] = compare_crit_reading(a, c);
		d->crit_read_b[c] = compare_crit_reading(b, c);
		d->criteria[c] = !was && is ? CMP_NEW
				 : !was && !is ? CMP_UNCHANGED
					       : by_rank(ra, rb);
		d->crit_counts[d->criteria[c]]++;
	}
}

/* Puts one change in out when there is room; counts it either way. */
static void add_change(cmp_bia_change *out, size_t cap, size_t *n,
		       cmp_bia_change c)
{
	if (*n < cap)
		out[*n] = c;
	(*n)++;
}

static size_t process_named(const cmp_bia_year *y, const char *name)
{
	for (size_t i = 0; i < y->n_processes; i++)
		if (strcmp(y->processes[i].name, name) == 0)
			return i;
	return CMP_BIA_NONE;
}

static size_t system_named(const cmp_bia_year *y, const char *name)
{
	for (size_t i = 0; i < y->n_systems; i++)
		if (strcmp(y->systems[i].name, name) == 0)
			return i;
	return CMP_BIA_NONE;
}

/* The figures of a process or system, in the order of cmp_bia_what from
 * first; returns how many. */
static size_t process_figures(const cmp_bia_process *p, int64_t *f)
{
	f[0] = p->critical;
	f[1] = p->mtd;
	f[2] = p->rto;
	f[3] = p->rpo;
	return 4;
}

static size_t system_figures(const cmp_bia_system *s, int64_t *f)
{
	f[0] = s->planned;
	f[1] = s->recommended;
	return 2;
}

/* The changes of one process or system found in both years. */
static void figure_changes(bool system, size_t a, size_t b, const int64_t *fa,
			   const int64_t *fb, size_t n, cmp_bia_what first,
			   cmp_bia_change *out, size_t cap, size_t *count)
{
	for (size_t i = 0; i < n; i++)
		if (fa[i] != fb[i])
			add_change(out, cap, count,
				   (cmp_bia_change){system,
						    (cmp_bia_what)(first + i), a,
						    b, fa[i], fb[i]});
}

size_t compare_bia(const cmp_bia_year *a, const cmp_bia_year *b,
		   cmp_bia_change *out, size_t cap)
{
	size_t n = 0;
	int64_t fa[4], fb[4];
	const cmp_bia_change none = {false, CMP_BIA_ADDED, CMP_BIA_NONE,
				     CMP_BIA_NONE, 0, 0};
	cmp_bia_change c = none;

	for (size_t j = 0; j < b->n_processes; j++) {
		size_t i = process_named(a, b->processes[j].name);
		if (i == CMP_BIA_NONE) {
			c = none;
			c.b = j;
			add_change(out, cap, &n, c);
			continue;
		}
		size_t k = process_figures(&a->processes[i], fa);
		process_figures(&b->processes[j], fb);
		figure_changes(false, i, j, fa, fb, k, CMP_BIA_CRITICAL, out, cap,
			       &n);
	}
	for (size_t i = 0; i < a->n_processes; i++)
		if (process_named(b, a->processes[i].name) == CMP_BIA_NONE) {
			c = none;
			c.what = CMP_BIA_REMOVED;
			c.a = i;
			add_change(out, cap, &n, c);
		}
	for (size_t j = 0; j < b->n_systems; j++) {
		size_t i = system_named(a, b->systems[j].name);
		if (i == CMP_BIA_NONE) {
			c = none;
			c.system = true;
			c.b = j;
			add_change(out, cap, &n, c);
			continue;
		}
		size_t k = system_figures(&a->systems[i], fa);
		system_figures(&b->systems[j], fb);
		figure_changes(true, i, j, fa, fb, k, CMP_BIA_PLANNED, out, cap, &n);
	}
	for (size_t i = 0; i < a->n_systems; i++)
		if (system_named(b, a->systems[i].name) == CMP_BIA_NONE) {
			c = none;
			c.system = true;
			c.what = CMP_BIA_REMOVED;
			c.a = i;
			add_change(out, cap, &n, c);
		}
	return n;
}

void compare_bia_year_of(const bia_view *v, cmp_bia_process *processes,
			 cmp_bia_system *systems, cmp_bia_year *out)
{
	for (size_t i = 0; i < v->d.n_processes; i++)
		processes[i] = (cmp_bia_process){
			v->d.processes[i].name, v->d.processes[i].critical,
			v->processes[i].mtd, v->d.processes[i].rto,
			v->processes[i].rpo};
	for (size_t s = 0; s < v->d.n_systems; s++)
		systems[s] = (cmp_bia_system){v->d.systems[s].name,
					      v->d.systems[s].planned_level,
					      v->systems[s].recommended};
	*out = (cmp_bia_year){processes, v->d.n_processes, systems,
			      v->d.n_systems};
}

const char *compare_bia_name(const cmp_bia_year *a, const cmp_bia_year *b,
			     const cmp_bia_change *c)
{
	const cmp_bia_year *y = c->b != CMP_BIA_NONE ? b : a;
	size_t i = c->b != CMP_BIA_NONE ? c->b : c->a;

	if (i == CMP_BIA_NONE)
		return "";
	return c->system ? y->systems[i].name : y->processes[i].name;
}

const char *compare_bia_label(const cmp_bia_change *c)
{
	static const msg_id ids[] = {
		[CMP_BIA_CRITICAL] = BIAF_CMP_CRITICAL,
		[CMP_BIA_MTD] = BIAF_CMP_MTD,
		[CMP_BIA_RTO] = BIAF_CMP_RTO,
		[CMP_BIA_RPO] = BIAF_CMP_RPO,
		[CMP_BIA_PLANNED] = BIAF_CMP_PLANNED,
		[CMP_BIA_RECOMMENDED] = BIAF_CMP_RECOMMENDED,
	};
	if (c->what == CMP_BIA_ADDED || c->what == CMP_BIA_REMOVED ||
	    (size_t)c->what >= sizeof ids / sizeof ids[0])
		return "";
	return msg(ids[c->what]);
}

void compare_bia_value(const cmp_bia_change *c, bool later, char *out,
		       size_t len)
{
	int64_t v = later ? c->now : c->was;

	switch (c->what) {
	case CMP_BIA_ADDED:
	case CMP_BIA_REMOVED:
		snprintf(out, len, "—");
		return;
	case CMP_BIA_CRITICAL:
		snprintf(out, len, "%s",
			 msg(v ? BIAF_CMP_IS_CRITICAL : BIAF_CMP_NOT_CRITICAL));
		return;
	case CMP_BIA_MTD:
	case CMP_BIA_RTO:
	case CMP_BIA_RPO:
		if (v < 0)
			snprintf(out, len, "%s", msg(BIAT_NOT_SET));
		else
			bia_minutes_format(v, out, len);
		return;
	case CMP_BIA_PLANNED:
	case CMP_BIA_RECOMMENDED:
		if (v <= 0)
			snprintf(out, len, "%s", msg(BIAF_CMP_NO_LEVEL));
		else
			snprintf(out, len, msg(BIAF_CMP_LEVEL_FMT), (int)v);
		return;
	}
	snprintf(out, len, "?");
}

const char *compare_bia_kind(const cmp_bia_change *c)
{
	return msg(c->what == CMP_BIA_ADDED     ? BIAF_CMP_ADDED
		   : c->what == CMP_BIA_REMOVED ? BIAF_CMP_REMOVED
						: BIAF_CMP_CHANGED);
}

void compare_bia_heading(size_t n, char *out, size_t len)
{
	if (!n)
		snprintf(out, len, "%s", msg(BIAF_CMP_NONE));
	else
		snprintf(out, len,
			 msg(n == 1 ? BIAF_CMP_HEAD_ONE_FMT : BIAF_CMP_HEAD_FMT),
			 n);
}

void compare_bia_diff_free(cmp_bia_diff *d)
{
	free(d->pa);
	free(d->pb);
	free(d->sa);
	free(d->sb);
	free(d->changes);
	memset(d, 0, sizeof *d);
}

/* The year's figures for compare_bia (false when out of memory). */
static bool bia_year(const bia_view *v, cmp_bia_process **p,
		     cmp_bia_system **sy, cmp_bia_year *y)
{
	*p = calloc(v->d.n_processes + 1, sizeof **p);
	*sy = calloc(v->d.n_systems + 1, sizeof **sy);
	if (!*p || !*sy)
		return false;
	compare_bia_year_of(v, *p, *sy, y);
	return true;
}

moat_status compare_bia_views(const bia_view *va, const bia_view *vb,
			      cmp_bia_diff *out)
{
	size_t n;

	memset(out, 0, sizeof *out);
	if (!bia_year(va, &out->pa, &out->sa, &out->a) ||
	    !bia_year(vb, &out->pb, &out->sb, &out->b))
		goto nomem;
	n = compare_bia(&out->a, &out->b, NULL, 0);
	if (!(out->changes = calloc(n + 1, sizeof *out->changes)))
		goto nomem;
	out->n_changes = compare_bia(&out->a, &out->b, out->changes, n);
	return ST_OK;
nomem:
	compare_bia_diff_free(out);
	return ST_NOMEM;
}
