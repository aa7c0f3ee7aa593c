#include "config.h"

#include <stdlib.h>

#include "model/report.h"
#include "model/unit_view.h"

moat_status unit_view_load(store *s, const questionnaire *q, date today,
			   bool with_archived, unit_view *out)
{
	unit_row *rows;
	size_t n;
	report *r;
	moat_status st = store_unit_list(s, with_archived, &rows, &n);

	out->v = NULL;
	out->n = 0;
	if (st)
		return st;
	out->v = calloc(n ? n : 1, sizeof *out->v);
	/* A report is large: one on the heap serves every unit. */
	r = malloc(sizeof *r);
	if (!out->v || !r) {
		free(rows);
		free(r);
		free(out->v);
		out->v = NULL;
		return ST_NOMEM;
	}
	for (size_t i = 0; i < n && !st; i++) {
		unit_view_row *v = &out->v[i];
		v->row = rows[i];
		if (!rows[i].latest_id)
			continue;
		if (rows[i].latest_status == ASSESS_FINAL &&
		    rows[i].latest_final_level > 0) {
			v->level = rows[i].latest_final_level;
			continue;
		}
		if (!(st = report_load(s, q, rows[i].latest_id, today, r))) {
			v->level = r->score.level;
			report_free(r);
		}
	}
	free(rows);
	free(r);
	if (st) {
		free(out->v);
		out->v = NULL;
		return st;
	}
	out->n = n;
	return ST_OK;
}

void unit_view_free(unit_view *v)
{
	free(v->v);
	v->v = NULL;
	v->n = 0;
}

int unit_view_find(const unit_view *v, int64_t unit_id)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i].row.u.id == unit_id)
			return (int)i;
	return -1;
}
