#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "exports/atomic.h"
#include "exports/xlsx_sheets.h"
#include "exports/xlsx_text.h"
#include "exports/xlsx_workbook.h"
#include "model/date.h"
#include "model/msg.h"
#include "model/text.h"
#include "model/user.h"

/* While the workbook is written, stderr goes to a temporary file, so the
 * library's messages neither reach a curses screen nor get lost. */
typedef struct {
	int saved; /* the real stderr, or -1 when not capturing */
	FILE *log;
} err_capture;

static void capture_begin(err_capture *c)
{
	c->saved = -1;
	c->log = tmpfile();
	if (!c->log)
		return; /* messages go to the real stderr then */
	fflush(stderr);
	c->saved = dup(STDERR_FILENO);
	if (c->saved < 0 || dup2(fileno(c->log), STDERR_FILENO) < 0) {
		if (c->saved >= 0)
			close(c->saved);
		c->saved = -1;
		fclose(c->log);
		c->log = NULL;
	}
}

/* Restores stderr and copies the first non-empty line captured into
 * first ("" if none), made safe to print. */
static void capture_end(err_capture *c, char *first, size_t len)
{
	char line[512];

	first[0] = '\0';
	if (!c->log)
		return;
	fflush(stderr);
	dup2(c->saved, STDERR_FILENO);
	close(c->saved);
	rewind(c->log);
	while (fgets(line, sizeof line, c->log)) {
		char *clean;

		line[strcspn(line, "\r\n")] = '\0';
		text_trim(line);
		if (!*line)
			continue;
		if ((clean = text_sanitize(line, false))) {
			snprintf(first, len, "%s", clean);
			free(clean);
		}
		break;
	}
	fclose(c->log);
}

/* A copy of s that is valid UTF-8, or NULL on no memory. */
static char *valid_dup(const char *s)
{
	return text_valid_utf8(s) ? strdup(s) : text_sanitize(s, false);
}

moat_status xlsx_export(const xlsx_input *in, const char *path,
			const char *exported_at, char *err, size_t errlen)
{
	char tmp[4096], printed[256];
	xlsx_formats f = {0};
	lxw_doc_properties props = {0};
	lxw_workbook *wb;
	lxw_error rc, close_rc;
	err_capture cap;
	char *company;
	const report *r;
	year_summary alone;
	const year_summary *years;
	size_t n_years;
	moat_status st;
	date d = {0, 0, 0};
	xlsx_job job;

	if (!in || !in->current || !in->current->q || !path || !*path) {
		snprintf(err, errlen, "export: no assessment or no file name");
		return ST_INVALID;
	}
	if ((in->n_years > 0 && !in->years) ||
	    (in->previous && in->previous->q != in->current->q)) {
		snprintf(err, errlen,
			 "export: the years do not share the assessment's"
			 " questionnaire");
		return ST_INVALID;
	}
	r = in->current;
	/* Without its history, the current year stands alone. */
	alone = (year_summary){r->assessment, r->score.level};
	years = in->n_years > 0 ? in->years : &alone;
	n_years = in->n_years > 0 ? in->n_years : 1;
	if (!exported_at)
		exported_at = "";
	if ((st = atomic_begin(path, tmp, sizeof tmp, err, errlen)))
		return st;
	capture_begin(&cap);
	wb = workbook_new(tmp);
	company = valid_dup(r->unit.name);
	if (!wb || !company) {
		if (wb)
			workbook_close(wb);
		capture_end(&cap, printed, sizeof printed);
		free(company);
		atomic_abort(tmp);
		snprintf(err, errlen, "cannot write %s: out of memory", path);
		return ST_NOMEM;
	}
	props.title = (char *)msg(XL_TITLE);
	props.company = company;
	if (date_parse(exported_at, &d))
		props.created = (time_t)date_to_days(d) * 86400;
	job = (xlsx_job){in, years, n_years, exported_at, d};

	rc = xlsx_formats_create(wb, &f, company, exported_at);
	if (rc == LXW_NO_ERROR)
		rc = workbook_set_properties(wb, &props);
	for (size_t i = 0; i < xlsx_sheet_count && rc == LXW_NO_ERROR; i++) {
		const xlsx_sheet_entry *e = &xlsx_sheet_list[i];

		if (!e->present || e->present(&job))
			rc = e->write(wb, &f, &job);
	}
	/* Frees the workbook whatever happens; writes the file. */
	close_rc = workbook_close(wb);
	capture_end(&cap, printed, sizeof printed);
	free(company);
	if (rc == LXW_NO_ERROR)
		rc = close_rc;
	if (rc != LXW_NO_ERROR) {
		atomic_abort(tmp);
		if (*printed)
			snprintf(err, errlen, "cannot write %s: %s (%s)", path,
				 lxw_strerror(rc), printed);
		else
			snprintf(err, errlen, "cannot write %s: %s", path,
				 lxw_strerror(rc));
		return ST_EXPORT;
	}
	return atomic_commit(tmp, path, err, errlen);
}

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

moat_status xlsx_export_assessment(store *s, const report *current,
				   date today, const char *path, char *err,
				   size_t errlen)
{
	year_summary *years = NULL;
	const year_summary *before;
	size_t n_years = 0;
	report prev = {0};
	calc_data calc = {0};
	agenda plan = {0};
	bia_view bia = {0}, prev_bia = {0};
	verify_view verify = {0};
	xlsx_drill *drills = NULL;
	size_t n_drills = 0;
	resp_view response = {0};
	findings_set *findings = NULL;
	cont_record *plans = NULL;
	size_t n_plans = 0;
	char day[16], user[64];
	moat_status st;

	/* The years as their levels; of the one before, everything, for the
	 * comparison. */
	st = report_years(s, current->q, current->assessment.unit_id, today,
			  current, &years, &n_years);
	before = st ? NULL : year_before(years, n_years, current);
	if (!st && before)
		st = report_load(s, current->q, before->assessment.id, today, &prev);
	if (!st)
		st = calc_load(s, current->unit.id, &calc);
	if (!st)
		st = agenda_load(s, current->unit.id, today, AGENDA_EXPORT_DAYS, true,
				 &plan);
	if (!st)
		st = bia_view_load(s, current->assessment.id, &current->q->bia,
				   today, &bia);
	if (!st && before)
		st = bia_view_load(s, before->assessment.id, &current->q->bia,
				   today, &prev_bia);
	if (!st)
		st = verify_view_load(s, current->unit.id, current->assessment.id,
				      &bia, today, &verify);
	if (!st)
		st = load_drills(s, current->unit.id, &bia, &drills, &n_drills);
	user_name(user, sizeof user);
	if (!st)
		st = resp_view_load(s, current->unit.id, &current->q->response, user,
				    &response);
	if (!st)
		st = store_cont_load_all(s, current->unit.id, &plans, &n_plans);
	if (!st && !(findings = malloc(sizeof *findings)))
		st = ST_NOMEM;
	if (!st)
		st = findings_view_load(s, current->q, current->unit.id, &bia, today,
					user, findings);
	if (st) {
		snprintf(err, errlen, "%s",
			 findings ? store_errmsg(s) : status_text(st));
	} else {
		xlsx_input in = {current, years, n_years, before ? &prev : NULL,
				 &calc, &plan, &bia, before ? &prev_bia : NULL,
				 &verify, drills, n_drills, &response, plans, n_plans,
				 findings};
		date_format(today, day, sizeof day);
		st = xlsx_export(&in, path, day, err, errlen);
	}
	verify_view_free(&verify);
	for (size_t i = 0; i < n_drills; i++)
		drill_full_free(&drills[i].f);
	free(drills);
	resp_view_free(&response);
	free(findings);
	cont_records_free(plans, n_plans);
	bia_view_free(&prev_bia);
	bia_view_free(&bia);
	agenda_free(&plan);
	calc_free(&calc);
	report_free(&prev);
	free(years);
	return st;
}
