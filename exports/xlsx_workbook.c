#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "exports/atomic.h"
#include "exports/xlsx_load.h"
#include "exports/xlsx_sheets.h"
#include "exports/xlsx_text.h"
#include "exports/xlsx_workbook.h"
#include "model/date.h"
#include "model/msg.h"
#include "model/text.h"

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

moat_status xlsx_book_write(const char *path, const char *company,
			    const char *exported_at, xlsx_book_fill fill,
			    void *ctx, char *err, size_t errlen)
{
	char tmp[4096], printed[256];
	xlsx_formats f = {0};
	lxw_doc_properties props = {0};
	lxw_workbook *wb;
	lxw_error rc, close_rc;
	err_capture cap;
	char *org;
	moat_status st;
	date d = {0, 0, 0};

	if ((st = atomic_begin(path, tmp, sizeof tmp, err, errlen)))
		return st;
	capture_begin(&cap);
	wb = workbook_new(tmp);
	org = valid_dup(company);
	if (!wb || !org) {
		if (wb)
			workbook_close(wb);
		capture_end(&cap, printed, sizeof printed);
		free(org);
		atomic_abort(tmp);
		snprintf(err, errlen, "cannot write %s: out of memory", path);
		return ST_NOMEM;
	}
	props.title = (char *)msg(XL_TITLE);
	props.company = org;
	if (date_parse(exported_at, &d))
		props.created = (time_t)date_to_days(d) * 86400;

	rc = xlsx_formats_create(wb, &f, org, exported_at);
	if (rc == LXW_NO_ERROR)
		rc = workbook_set_properties(wb, &props);
	if (rc == LXW_NO_ERROR)
		rc = fill(wb, &f, ctx);
	/* Frees the workbook whatever happens; writes the file. */
	close_rc = workbook_close(wb);
	capture_end(&cap, printed, sizeof printed);
	free(org);
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

/* The sheets of xlsx_sheet_list that the job has, in its order. */
static lxw_error fill_sheets(lxw_workbook *wb, const xlsx_formats *f,
			     void *ctx)
{
	const xlsx_job *job = ctx;
	lxw_error rc = LXW_NO_ERROR;

	for (size_t i = 0; i < xlsx_sheet_count && rc == LXW_NO_ERROR; i++) {
		const xlsx_sheet_entry *e = &xlsx_sheet_list[i];

		if (!e->present || e->present(job))
			rc = e->write(wb, f, job);
	}
	return rc;
}

moat_status xlsx_export(const xlsx_input *in, const char *path,
			const char *exported_at, char *err, size_t errlen)
{
	const report *r;
	year_summary alone;
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
	if (!exported_at)
		exported_at = "";
	if (!date_parse(exported_at, &d))
		d = (date){0, 0, 0};
	job = (xlsx_job){in, in->n_years > 0 ? in->years : &alone,
			 in->n_years > 0 ? in->n_years : 1, exported_at, d};
	return xlsx_book_write(path, r->unit.name, exported_at, fill_sheets,
			       &job, err, errlen);
}

moat_status xlsx_export_assessment(store *s, const report *current,
				   date today, const char *path, char *err,
				   size_t errlen)
{
	xlsx_loaded l;
	char day[16];
	moat_status st;

	if ((st = xlsx_load(s, current, today, &l, err, errlen)))
		return st;
	date_format(today, day, sizeof day);
	st = xlsx_export(&l.in, path, day, err, errlen);
	xlsx_loaded_free(&l);
	return st;
}
