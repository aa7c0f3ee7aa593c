#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/bia_text.h"
#include "model/bia_view.h"
#include "model/report.h"
#include "model/store_verify.h"
#include "model/user.h"
#include "model/verify_text.h"
#include "tui/cli.h"

/* `moat verify record` and `moat verify list`: the verification ledger
 * for backup jobs and scripts. */

/* The system's targets in v (BIA_UNSET each when it is not there). */
static void targets_of(const bia_view *v, const char *system, int64_t *rto,
		       int64_t *rpo)
{
	*rto = *rpo = BIA_UNSET;
	for (size_t i = 0; i < v->d.n_systems; i++)
		if (strcmp(v->d.systems[i].name, system) == 0) {
			*rto = v->systems[i].need.rto;
			*rpo = v->systems[i].need.rpo;
		}
}

/* The wall clock now, to the minute, for an entry given no start. */
static verify_time now_local(void)
{
	time_t t = time(NULL);
	struct tm tm;
	verify_time v = {{1970, 1, 1}, 0, 0};
	if (localtime_r(&t, &tm)) {
		v.day = (date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
		v.hour = tm.tm_hour;
		v.minute = tm.tm_min;
	}
	return v;
}

/* The entry o describes; false with a message on err. */
static bool entry_of(const cli_options *o, verify_entry *e, FILE *err)
{
	const cli_verify_args *va = &o->verify;

	memset(e, 0, sizeof *e);
	snprintf(e->system, sizeof e->system, "%s", va->system);
	e->kind = va->kind;
	e->result = va->result;
	e->rta = e->rpa = BIA_UNSET;
	e->completeness = va->completeness;
	snprintf(e->note, sizeof e->note, "%s", va->note ? va->note : "");
	snprintf(e->link, sizeof e->link, "%s", va->link ? va->link : "");
	e->started = va->has_started ? va->started : now_local();
	if (va->has_ended) {
		e->has_ended = true;
		e->ended = va->ended;
		if (!verify_minutes_between(&e->started, &e->ended, &e->rta)) {
			fprintf(err, "moat: %s\n", msg(VERIFY_P_END_BEFORE_START));
			return false;
		}
	}
	if (va->minutes >= 0)
		e->rta = va->minutes;
	/* An automated check restores nothing: its minutes are its run. */
	if (e->kind == VERIFY_CHECK && !va->has_ended && va->minutes < 0)
		e->rta = BIA_UNSET;
	e->rpa = va->data_age;
	return true;
}

int cli_verify_record(store *s, const questionnaire *q, const cli_options *o,
		      const char *db_path, FILE *out, FILE *err)
{
	report r;
	verify_entry e;
	bia_view v;
	int64_t id, event, rto, rpo;
	char line[1024], judge[512], user[64];
	int rc = cli_load_current(s, q, o, db_path, &r, err);
	moat_status st;

	if (rc)
		return rc;
	if (!entry_of(o, &e, err)) {
		report_free(&r);
		return EXIT_FAIL;
	}
	user_name(user, sizeof user);
	st = store_verify_record(s, r.assessment.unit_id, r.assessment.id, &e,
				 user, &id, &event);
	if (st) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		report_free(&r);
		return EXIT_FAIL;
	}
	snprintf(line, sizeof line, msg(VCLI_RECORDED_FMT), verify_kind_text(e.kind),
		 e.system, verify_result_text(e.result));
	cli_put_clean(out, line);
	if (bia_view_load(s, r.assessment.id, &q->bia, o->today, &v) == ST_OK) {
		targets_of(&v, e.system, &rto, &rpo);
		if (e.rta >= 0) {
			verify_judgement_text("RTA", "RTO", e.rta, rto, judge, sizeof judge);
			fprintf(out, "%s", msg(BIAT_CLAUSE_SEP));
			cli_put_clean(out, judge);
		}
		if (e.rpa >= 0) {
			verify_judgement_text("RPA", "RPO", e.rpa, rpo, judge, sizeof judge);
			fprintf(out, "%s", msg(BIAT_CLAUSE_SEP));
			cli_put_clean(out, judge);
		}
		bia_view_free(&v);
	}
	fputc('\n', out);
	if (event)
		fprintf(out, "%s\n", msg(VCLI_DUTY_DONE));
	report_free(&r);
	return EXIT_OK;
}

static void csv_row(FILE *out, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cli_csv_field(out, cells[i], i == 0);
	fputs("\r\n", out);
}

int cli_verify_list(store *s, const questionnaire *q, const cli_options *o,
		    const char *db_path, FILE *out, FILE *err)
{
	report r;
	verify_entry *v = NULL;
	size_t n = 0;
	bia_view bv;
	bool have_bia;
	verify_filter f = {o->verify.system, o->verify.kind_given ? (int)o->verify.kind : -1,
			   o->verify.since};
	int rc = cli_load_current(s, q, o, db_path, &r, err);

	if (rc)
		return rc;
	if (store_verify_list(s, r.assessment.unit_id, &f, &v, &n)) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		report_free(&r);
		return EXIT_FAIL;
	}
	have_bia = bia_view_load(s, r.assessment.id, &q->bia, o->today, &bv) == ST_OK;
	if (o->csv) {
		static const char *const head[] = {
			"id", "started", "ended", "system", "kind", "result", "rta_minutes",
			"rto_minutes", "rpa_minutes", "rpo_minutes", "completeness_pct",
			"by", "note", "link"};
		csv_row(out, head, sizeof head / sizeof head[0]);
	}
	for (size_t i = 0; i < n; i++) {
		const verify_entry *e = &v[i];
		int64_t rto = BIA_UNSET, rpo = BIA_UNSET;
		char started[32], ended[32] = "", line[2048], a[512], b[512], pct[32];
		if (have_bia)
			targets_of(&bv, e->system, &rto, &rpo);
		verify_format_time(&e->started, started, sizeof started);
		if (e->has_ended)
			verify_format_time(&e->ended, ended, sizeof ended);
		if (o->csv) {
			char id[24], m[4][24];
			const int64_t mins[4] = {e->rta, rto, e->rpa, rpo};
			snprintf(id, sizeof id, "%lld", (long long)e->id);
			for (int k = 0; k < 4; k++)
				snprintf(m[k], sizeof m[k], mins[k] >= 0 ? "%lld" : "",
					 (long long)mins[k]);
			if (e->completeness >= 0)
				num_format_trim(e->completeness, 1, pct, sizeof pct);
			else
				pct[0] = '\0';
			const char *cells[] = {id, started, ended, e->system,
					       verify_kind_key(e->kind),
					       verify_result_key(e->result), m[0], m[1],
					       m[2], m[3], pct, e->by, e->note, e->link};
			csv_row(out, cells, sizeof cells / sizeof cells[0]);
			continue;
		}
		verify_judgement_text("RTA", "RTO", e->rta, rto, a, sizeof a);
		verify_judgement_text("RPA", "RPO", e->rpa, rpo, b, sizeof b);
		verify_completeness_text(e->completeness, pct, sizeof pct);
		snprintf(line, sizeof line, msg(VCLI_LINE_FMT), started, e->system,
			 verify_kind_text(e->kind), verify_result_text(e->result), a, b,
			 pct, e->by);
		cli_put_clean(out, line);
		fputc('\n', out);
	}
	if (!o->csv && !n)
		fprintf(out, "%s\n", msg(VCLI_NONE));
	if (have_bia)
		bia_view_free(&bv);
	free(v);
	report_free(&r);
	return EXIT_OK;
}
