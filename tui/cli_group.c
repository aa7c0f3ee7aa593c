#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "exports/xlsx_workbook.h"
#include "model/group_view.h"
#include "model/text.h"
#include "tui/cli.h"

/* `moat group`: every unit side by side, the table the group screen shows
 * laid out in 80 columns, or every figure as CSV under stable keys. */

#define GROUP_TEXT_COLS 80
#define CELL_BYTES (TEXT_BYTES(UNIT_NAME_MAX) + 64)

/* The CSV's columns: keys scripts may rely on, in this order. */
static const char *const csv_keys[] = {
	"unit", "region", "year", "status", "level", "risk", "last_year",
	"last_level", "items_done", "items_in_progress", "items_total",
	"evidence_expired", "evidence_expiring", "programme_day", "tasks_done",
	"tasks_total", "tasks_overdue", "duties_overdue", "systems", "untested",
	"stale", "failed", "worst_system", "worst_rta_min", "worst_rto_min",
	"plans", "plans_review_due",
};
#define N_CSV (sizeof csv_keys / sizeof csv_keys[0])

static void csv_num(FILE *out, bool has, long long v)
{
	char buf[32] = "";
	if (has)
		snprintf(buf, sizeof buf, "%lld", v);
	cli_csv_field(out, buf, false);
}

/* A text from users, made safe to print. */
static void csv_text(FILE *out, const char *text, bool first)
{
	char *clean = text_sanitize(text, false);
	cli_csv_field(out, clean ? clean : "", first);
	free(clean);
}

static void csv_row(FILE *out, const group_row *r)
{
	bool y = r->has_year, p = r->has_programme, w = y && r->has_worst;

	csv_text(out, r->name, true);
	csv_text(out, r->region, false);
	csv_num(out, y, r->year);
	cli_csv_field(out, !y ? "" : r->status == ASSESS_FINAL ? "final" : "draft",
		      false);
	csv_num(out, y, r->level);
	cli_csv_field(out, y ? r->risk : "", false);
	csv_num(out, r->prev_level != 0, r->prev_year);
	csv_num(out, r->prev_level != 0, r->prev_level);
	csv_num(out, y, (long long)r->items_done);
	csv_num(out, y, (long long)r->items_in_progress);
	csv_num(out, y, (long long)r->items_total);
	csv_num(out, y, (long long)r->ev_expired);
	csv_num(out, y, (long long)r->ev_expiring);
	csv_num(out, p, r->day);
	csv_num(out, p, (long long)r->tasks_done);
	csv_num(out, p, (long long)r->tasks_total);
	csv_num(out, p, (long long)r->tasks_overdue);
	csv_num(out, true, (long long)r->duties_overdue);
	csv_num(out, y, (long long)r->n_systems);
	csv_num(out, y, (long long)r->untested);
	csv_num(out, y, (long long)r->stale);
	csv_num(out, y, (long long)r->failed);
	csv_text(out, w ? r->worst_system : "", false);
	csv_num(out, w, r->worst_rta);
	csv_num(out, w, r->worst_rto);
	csv_num(out, true, (long long)r->n_plans);
	csv_num(out, true, (long long)r->plans_review_due);
	fputs("\r\n", out);
}

/* A cell made safe to print and cut to width columns. */
static void cell(const group_row *r, group_col c, int width, char *out)
{
	char raw[CELL_BYTES];
	char *clean;

	group_cell_text(r, c, raw, sizeof raw);
	clean = text_sanitize(raw, false);
	text_fit(clean ? clean : "", width, true, out, CELL_BYTES);
	free(clean);
}

/* Cells padded to their columns, one space apart, no trailing spaces. */
static void print_line(FILE *out, char (*cells)[CELL_BYTES], const int *w,
		       size_t n)
{
	for (size_t c = 0; c < n; c++) {
		int pad = c + 1 < n ? w[c] + 1 - text_width(cells[c]) : 0;
		fputs(cells[c], out);
		/* The line ends at the last cell's text. */
		if (c + 1 < n)
			while (pad-- > 0)
				fputc(' ', out);
	}
	fputc('\n', out);
}

static void print_text(FILE *out, const group_row *rows, size_t n,
		       size_t n_all, const cli_options *o)
{
	group_col shown[GROUP_COLS];
	int w[GROUP_COLS];
	char cells[GROUP_COLS][CELL_BYTES], line[1024];
	size_t k = group_layout(rows, n, GROUP_TEXT_COLS, shown, w);
	bool on[GROUP_COLS] = {false};
	char omitted[512] = "";

	snprintf(line, sizeof line, "%s · ", msg(GRP_TITLE));
	snprintf(line + strlen(line), sizeof line - strlen(line),
		 msg(GRP_HEAD_FMT), n, n_all, group_col_heading(o->group_sort),
		 o->group_desc ? "↓" : "↑",
		 o->region ? o->region : msg(GRP_REGION_ALL));
	cli_put_clean(out, line);
	fputs("\n\n", out);
	if (!n) {
		fprintf(out, "%s\n", msg(GRP_NO_UNITS));
		return;
	}
	for (size_t c = 0; c < k; c++) {
		snprintf(cells[c], CELL_BYTES, "%s", group_col_heading(shown[c]));
		on[shown[c]] = true;
	}
	print_line(out, cells, w, k);
	for (size_t i = 0; i < n; i++) {
		for (size_t c = 0; c < k; c++)
			cell(&rows[i], shown[c], w[c], cells[c]);
		print_line(out, cells, w, k);
	}
	/* Say what 80 columns left out (the region only matters when some
	 * unit has one: group_layout shows it then if it fits). */
	for (int c = 0; c < GROUP_COLS; c++) {
		bool any_region = false;
		if (on[c])
			continue;
		if (c == GROUP_COL_REGION) {
			for (size_t i = 0; i < n; i++)
				any_region |= rows[i].region[0] != 0;
			if (!any_region)
				continue;
		}
		if (*omitted)
			strncat(omitted, " · ", sizeof omitted - strlen(omitted) - 1);
		strncat(omitted, group_col_heading((group_col)c),
			sizeof omitted - strlen(omitted) - 1);
	}
	if (*omitted) {
		fputc('\n', out);
		fprintf(out, msg(GRP_OMITTED_FMT), omitted);
		fputc('\n', out);
	}
}

/* Every unit's row into *v, the ones of --region first in --sort's order
 * (*n of them); false when there is nothing to show, said on err. */
static bool load_rows(store *s, const questionnaire *q, const cli_options *o,
		      const char *db_path, group_view *v, size_t *n, FILE *err)
{
	bool empty;

	if (store_is_empty(s, &empty) == ST_OK && empty) {
		fprintf(err, msg(CLI_NO_ORG_FMT), db_path);
		fputc('\n', err);
		return false;
	}
	if (group_view_load(s, q, o->today, v)) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		return false;
	}
	*n = group_filter_region(v->rows, v->n, o->region);
	group_sort(v->rows, *n, o->group_sort, o->group_desc);
	return true;
}

int cli_export_group(store *s, const questionnaire *q, const cli_options *o,
		     const char *db_path, FILE *out, FILE *err)
{
	group_view v;
	char msgbuf[1024];
	size_t n;
	int rc;

	if (!load_rows(s, q, o, db_path, &v, &n, err))
		return EXIT_FAIL;
	rc = cli_exported(xlsx_export_group(s, q, v.rows, n, o->region,
					    o->today, o->output, msgbuf,
					    sizeof msgbuf),
			  o->output, msgbuf, out, err);
	group_view_free(&v);
	return rc;
}

int cli_group(store *s, const questionnaire *q, const cli_options *o,
	      const char *db_path, FILE *out, FILE *err)
{
	group_view v;
	size_t n;

	if (!load_rows(s, q, o, db_path, &v, &n, err))
		return EXIT_FAIL;
	if (o->csv) {
		for (size_t c = 0; c < N_CSV; c++)
			cli_csv_field(out, csv_keys[c], c == 0);
		fputs("\r\n", out);
		for (size_t i = 0; i < n; i++)
			csv_row(out, &v.rows[i]);
	} else {
		print_text(out, v.rows, n, v.n, o);
	}
	group_view_free(&v);
	return EXIT_OK;
}
