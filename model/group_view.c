#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/agenda.h"
#include "model/bia_view.h"
#include "model/group_view.h"
#include "model/report.h"
#include "model/store_contingency.h"
#include "model/verify_view.h"

/* The unit's region, as store_unit_list read it ("" when none). */
static void unit_region(const unit *u, char *out, size_t len)
{
	snprintf(out, len, "%s", u->region);
}

/* Level, risk, checklist and evidence of the latest year, the level of
 * the year before. */
static moat_status load_year(store *s, const questionnaire *q,
			     const assessment *latest, date today,
			     group_row *r)
{
	report rep;
	year_summary *ys = NULL;
	size_t n = 0;
	moat_status st = report_load(s, q, latest->id, today, &rep);

	if (st)
		return st;
	r->has_year = true;
	r->assessment_id = latest->id;
	r->year = latest->year;
	r->status = latest->status;
	r->level = rep.score.level;
	snprintf(r->level_name, sizeof r->level_name, "%s",
		 q->levels[rep.score.level - 1].name);
	snprintf(r->risk, sizeof r->risk, "%s", q->levels[rep.score.level - 1].risk);
	r->items_done = rep.n_done;
	r->items_in_progress = rep.n_in_progress;
	r->items_total = q->n_items;
	r->ev_expired = rep.n_expired;
	r->ev_expiring = rep.n_expiring;
	/* The years before keep the level they were finalised at, so this
	 * reads no more of them than their rows. */
	st = report_years(s, q, latest->unit_id, today, &rep, &ys, &n);
	if (!st && n >= 2) {
		r->prev_year = ys[n - 2].assessment.year;
		r->prev_level = ys[n - 2].level;
	}
	free(ys);
	report_free(&rep);
	return st;
}

/* Restore tests of the year's systems against the analysis's RTOs. */
static moat_status load_backups(store *s, const questionnaire *q,
				int64_t unit_id, int64_t assessment_id,
				date today, group_row *r)
{
	bia_view bia;
	verify_view v;
	moat_status st = bia_view_load(s, assessment_id, &q->bia, today, &bia);

	if (st)
		return st;
	if ((st = verify_view_load(s, unit_id, assessment_id, &bia, today, &v))) {
		bia_view_free(&bia);
		return st;
	}
	r->n_systems = v.backups.n;
	r->untested = v.n_never;
	r->stale = v.n_stale;
	r->failed = v.n_failed;
	for (size_t i = 0; i < v.backups.n; i++) {
		const verify_system *y = &v.systems[i];
		const verify_entry *e = y->fresh.last;
		if (!e || e->rta < 0 || y->rto <= 0)
			continue;
		/* The larger RTA/RTO, compared without division. */
		if (!r->has_worst ||
		    e->rta * r->worst_rto > r->worst_rta * y->rto) {
			r->has_worst = true;
			r->worst_rta = e->rta;
			r->worst_rto = y->rto;
			snprintf(r->worst_system, sizeof r->worst_system, "%s",
				 v.backups.v[i].system);
		}
	}
	verify_view_free(&v);
	bia_view_free(&bia);
	return ST_OK;
}

/* The programme's day and progress and what is overdue. */
static moat_status load_plan(store *s, int64_t unit_id, date today,
			     group_row *r)
{
	agenda g;
	/* Nothing ahead is needed: only what is overdue today. */
	moat_status st = agenda_load(s, unit_id, today, 0, false, &g);

	if (st)
		return st;
	r->has_programme = g.has_programme;
	if (g.has_programme) {
		r->day = (int)g.progress.day;
		r->tasks_done = g.progress.done;
		r->tasks_total = g.progress.total;
		r->tasks_overdue = g.progress.overdue;
	}
	for (size_t i = 0; i < g.n_entries; i++)
		r->duties_overdue += g.entries[i].kind == AG_DUTY &&
				     g.entries[i].overdue;
	agenda_free(&g);
	return ST_OK;
}

static moat_status load_plans(store *s, int64_t unit_id, date today,
			      group_row *r)
{
	cont_summary *cs = NULL;
	size_t n = 0;
	moat_status st = store_cont_summaries(s, unit_id, &cs, &n);

	if (st)
		return st;
	r->n_plans = n;
	for (size_t i = 0; i < n; i++)
		r->plans_review_due += (cont_state(&cs[i], today) & CONT_REVIEW_DUE) != 0;
	free(cs);
	return ST_OK;
}

moat_status group_row_load(store *s, const questionnaire *q, const unit *u,
			   date today, group_row *out)
{
	assessment *years = NULL;
	size_t n = 0;
	moat_status st;

	memset(out, 0, sizeof *out);
	out->unit_id = u->id;
	snprintf(out->name, sizeof out->name, "%s", u->name);
	unit_region(u, out->region, sizeof out->region);
	if ((st = store_assessment_list(s, u->id, &years, &n)))
		return st;
	if (n > 0) {
		const assessment *latest = &years[n - 1];
		if (!(st = load_year(s, q, latest, today, out)))
			st = load_backups(s, q, u->id, latest->id, today, out);
	}
	free(years);
	if (!st)
		st = load_plan(s, u->id, today, out);
	if (!st)
		st = load_plans(s, u->id, today, out);
	return st;
}

moat_status group_view_load(store *s, const questionnaire *q, date today,
			    group_view *out)
{
	unit_row *units = NULL;
	size_t n = 0;
	/* Archived units are out of the picture: their data stays, but the
	 * group no longer runs them. */
	moat_status st = store_unit_list(s, false, &units, &n);

	memset(out, 0, sizeof *out);
	if (st)
		return st;
	if (n && !(out->rows = calloc(n, sizeof *out->rows))) {
		free(units);
		return ST_NOMEM;
	}
	for (size_t i = 0; i < n && !st; i++)
		st = group_row_load(s, q, &units[i].u, today, &out->rows[i]);
	free(units);
	if (st) {
		group_view_free(out);
		return st;
	}
	out->n = n;
	return ST_OK;
}

void group_view_free(group_view *v)
{
	free(v->rows);
	memset(v, 0, sizeof *v);
}
