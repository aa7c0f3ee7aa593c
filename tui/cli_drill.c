#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/bia_view.h"
#include "model/drill_text.h"
#include "model/store_drill.h"
#include "model/verify_text.h"
#include "tui/cli.h"

/* `moat drill list` and `moat drill report ID`: the unit's drills, and
 * one drill's after-action report, plain text within 80 columns. */

#define REPORT_COLS 80

/* The current year's analysis, for the systems' RTO; false when it cannot
 * be read (then no targets are shown). */
static bool load_bia(store *s, const questionnaire *q, const report *r,
		     date today, bia_view *v)
{
	return bia_view_load(s, r->assessment.id, &q->bia, today, v) == ST_OK;
}

int cli_drill_list(store *s, const questionnaire *q, const cli_options *o,
		   const char *db_path, FILE *out, FILE *err)
{
	report r;
	drill_row *rows;
	size_t n;
	bia_view v;
	bool have_bia;
	int rc = cli_load_current(s, q, o, db_path, &r, err);

	if (rc)
		return rc;
	if (store_drills(s, r.assessment.unit_id, &rows, &n)) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		report_free(&r);
		return EXIT_FAIL;
	}
	have_bia = load_bia(s, q, &r, o->today, &v);
	for (size_t i = 0; i < n; i++) {
		const drill_row *w = &rows[i];
		drill_full f;
		drill_times t;
		int64_t rto = BIA_UNSET;
		char day[16], judge[256], line[2048];

		if (have_bia && store_drill_load(s, w->d.id, &f) == ST_OK) {
			rto = drill_scope_rto(&v, f.systems, f.n_systems);
			drill_full_free(&f);
		}
		drill_measure(&w->d, &t);
		verify_judgement_text("RTA", "RTO", t.rta, rto, judge, sizeof judge);
		date_format(w->d.held_on, day, sizeof day);
		snprintf(line, sizeof line, msg(DRILL_CLI_LINE_FMT),
			 (long long)w->d.id, day, drill_type_text(&q->drill, w->d.type),
			 w->d.scenario[0] ? w->d.scenario : msg(DRILL_ANSWER_UNSET),
			 judge, w->open, w->findings);
		cli_put_clean(out, line);
		fputc('\n', out);
	}
	if (!n)
		fprintf(out, "%s\n", msg(DRILL_CLI_NONE));
	if (have_bia)
		bia_view_free(&v);
	free(rows);
	report_free(&r);
	return EXIT_OK;
}

int cli_drill_report(store *s, const questionnaire *q, const cli_options *o,
		     const char *db_path, FILE *out, FILE *err)
{
	report r;
	drill_full f;
	drill_scenario *own = NULL;
	size_t n_own = 0;
	int64_t unit_id = 0, rtos[DRILL_MAX_SYSTEMS];
	char currency[64] = "";
	bia_view v;
	char *text;
	bool mine;
	int rc = cli_load_current(s, q, o, db_path, &r, err);

	if (rc)
		return rc;
	unit_id = r.assessment.unit_id;
	if (store_drill_load(s, o->drill_id, &f)) {
		fprintf(err, "moat: %s\n", msg(DRILL_CLI_NO_DRILL));
		report_free(&r);
		return EXIT_FAIL;
	}
	/* A drill of another unit is not this unit's to report. */
	mine = false;
	{
		drill_row *rows;
		size_t n;
		if (store_drills(s, unit_id, &rows, &n) == ST_OK) {
			for (size_t i = 0; i < n; i++)
				mine |= rows[i].d.id == o->drill_id;
			free(rows);
		}
	}
	if (!mine) {
		fprintf(err, "moat: %s\n", msg(DRILL_CLI_NO_DRILL));
		drill_full_free(&f);
		report_free(&r);
		return EXIT_FAIL;
	}
	for (size_t i = 0; i < DRILL_MAX_SYSTEMS; i++)
		rtos[i] = BIA_UNSET;
	if (load_bia(s, q, &r, o->today, &v)) {
		for (size_t i = 0; i < f.n_systems; i++)
			rtos[i] = drill_system_rto(&v, f.systems[i]);
		bia_view_free(&v);
	}
	store_drill_scenarios(s, unit_id, &own, &n_own);
	store_currency(s, unit_id, currency, sizeof currency);
	text = drill_report(&f, &q->drill, own, n_own, rtos, currency, o->today,
			    REPORT_COLS);
	drill_scenarios_free(own, n_own);
	drill_full_free(&f);
	report_free(&r);
	if (!text) {
		fprintf(err, "moat: %s\n", status_text(ST_NOMEM));
		return EXIT_FAIL;
	}
	fputs(text, out);
	free(text);
	return EXIT_OK;
}
