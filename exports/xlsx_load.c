#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/xlsx_load.h"
#include "model/user.h"

/* The latest year before current's among years, or NULL. */
static const year_summary *year_before(const year_summary *years, size_t n,
				       const report *current)
{
	const year_summary *before = NULL;
	for (size_t i = 0; i < n; i++)
		if (years[i].assessment.year < current->assessment.year &&
		    (!before || years[i].assessment.year > before->assessment.year))
			before = &years[i];
	return before;
}

/* The unit's drills with the strictest RTO of each one's systems in v. */
static moat_status load_drills(store *s, int64_t unit_id, const bia_view *v,
			       xlsx_drill **out, size_t *n)
{
	drill_row *rows;
	size_t k;
	moat_status st = store_drills(s, unit_id, &rows, &k);

	*out = NULL;
	*n = 0;
	if (st)
		return st;
	if (k && !(*out = calloc(k, sizeof **out))) {
		free(rows);
		return ST_NOMEM;
	}
	for (size_t i = 0; i < k && !st; i++) {
		xlsx_drill *x = &(*out)[*n];
		if (!(st = store_drill_load(s, rows[i].d.id, &x->f))) {
			x->rto = drill_scope_rto(v, x->f.systems, x->f.n_systems);
			(*n)++;
		}
	}
	free(rows);
	return st;
}

moat_status xlsx_load(store *s, const report *current, date today,
		      xlsx_loaded *out, char *err, size_t errlen)
{
	xlsx_loaded *l = out;
	const year_summary *before;
	size_t n_years = 0, n_drills = 0, n_plans = 0;
	char user[64];
	moat_status st;

	memset(l, 0, sizeof *l);
	/* The years as their levels; of the one before, everything, for the
	 * comparison. */
	st = report_years(s, current->q, current->assessment.unit_id, today,
			  current, &l->years, &n_years);
	before = st ? NULL : year_before(l->years, n_years, current);
	if (!st && before)
		st = report_load(s, current->q, before->assessment.id, today,
				 &l->prev);
	if (!st)
		st = calc_load(s, current->unit.id, &l->calc);
	if (!st)
		st = agenda_load(s, current->unit.id, today, AGENDA_EXPORT_DAYS,
				 true, &l->plan);
	if (!st)
		st = bia_view_load(s, current->assessment.id, &current->q->bia,
				   today, &l->bia);
	if (!st && before)
		st = bia_view_load(s, before->assessment.id, &current->q->bia,
				   today, &l->prev_bia);
	if (!st)
		st = verify_view_load(s, current->unit.id,
				      current->assessment.id, &l->bia, today,
				      &l->verify);
	if (!st)
		st = load_drills(s, current->unit.id, &l->bia, &l->drills,
				 &n_drills);
	user_name(user, sizeof user);
	if (!st)
		st = resp_view_load(s, current->unit.id, &current->q->response,
				    user, &l->response);
	if (!st)
		st = store_cont_load_all(s, current->unit.id, &l->plans,
					 &n_plans);
	if (!st && !(l->findings = malloc(sizeof *l->findings)))
		st = ST_NOMEM;
	if (!st)
		st = findings_view_load(s, current->q, current->unit.id, &l->bia,
					today, user, l->findings);
	l->in = (xlsx_input){current, l->years, n_years,
			     before ? &l->prev : NULL, &l->calc, &l->plan,
			     &l->bia, before ? &l->prev_bia : NULL,
			     &l->verify, l->drills, n_drills, &l->response,
			     l->plans, n_plans, l->findings};
	if (st) {
		snprintf(err, errlen, "%s",
			 st == ST_NOMEM ? status_text(st) : store_errmsg(s));
		xlsx_loaded_free(l);
	}
	return st;
}

void xlsx_loaded_free(xlsx_loaded *l)
{
	verify_view_free(&l->verify);
	for (size_t i = 0; i < l->in.n_drills; i++)
		drill_full_free(&l->drills[i].f);
	free(l->drills);
	resp_view_free(&l->response);
	free(l->findings);
	cont_records_free(l->plans, l->in.n_plans);
	bia_view_free(&l->prev_bia);
	bia_view_free(&l->bia);
	agenda_free(&l->plan);
	calc_free(&l->calc);
	report_free(&l->prev);
	free(l->years);
	memset(l, 0, sizeof *l);
}
