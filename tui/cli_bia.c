#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/bia_view.h"
#include "model/money.h"
#include "model/text.h"
#include "tui/cli.h"

/* `moat bia`: the systems of the current year's analysis, one a row, as a
 * table aligned by display width or as CSV (RFC 4180). */

enum {
	COL_SYSTEM,
	COL_RTO,
	COL_RTO_BY,
	COL_RPO,
	COL_RPO_BY,
	COL_MARGIN,
	COL_RECOMMENDED,
	COL_PLANNED,
	COL_FLAGS, /* the text's last column; CSV has one per flag instead */
	N_COLS
};

#define N_CSV_COLS (COL_FLAGS + BIA_FLAGS)
#define CELL_BYTES (TEXT_BYTES(BIA_NAME_MAX) + 256)

typedef struct {
	char cell[N_CSV_COLS][CELL_BYTES];
} bia_row_text;

static const msg_id text_headers[N_COLS] = {
	[COL_SYSTEM] = BIAX_COL_SYSTEM,
	[COL_RTO] = BIAX_COL_RTO,
	[COL_RTO_BY] = BIAX_COL_RTO_BY,
	[COL_RPO] = BIAX_COL_RPO,
	[COL_RPO_BY] = BIAX_COL_RPO_BY,
	[COL_MARGIN] = BIAX_COL_MARGIN,
	[COL_RECOMMENDED] = BIAX_COL_RECOMMENDED,
	[COL_PLANNED] = BIAX_COL_PLANNED,
	[COL_FLAGS] = BIAX_COL_FLAGS,
};

/* Copies text made safe to print (names come from users). */
static void set_clean(char *out, const char *text)
{
	char *clean = text_sanitize(text ? text : "", false);

	snprintf(out, CELL_BYTES, "%s", clean ? clean : "");
	free(clean);
}

static void set_level(char *out, int level, bool csv)
{
	if (level > 0)
		snprintf(out, CELL_BYTES, "%d", level);
	else
		snprintf(out, CELL_BYTES, "%s", csv ? "" : msg(BIAX_EMPTY));
}

/* A target: minutes for CSV, words for people; nothing when unset. */
static void set_minutes(char *out, int64_t minutes, bool csv)
{
	if (minutes < 0)
		snprintf(out, CELL_BYTES, "%s", csv ? "" : msg(BIAX_EMPTY));
	else if (csv)
		snprintf(out, CELL_BYTES, "%lld", (long long)minutes);
	else
		bia_minutes_format(minutes, out, CELL_BYTES);
}

/* What sets a target: the name of item at (BIA_NO_INDEX: none). */
static void set_by(char *out, const char *name, bool csv)
{
	if (name)
		set_clean(out, name);
	else
		snprintf(out, CELL_BYTES, "%s", csv ? "" : msg(BIAX_EMPTY));
}

/* The row of system s. The margin is the one of the process that sets
 * the system's RTO. */
static void system_row(const bia_view *v, size_t s, bool csv, bia_row_text *t)
{
	const bia_system_figures *f = &v->systems[s];
	const bia_system_need *n = &f->need;
	unsigned flags = bia_view_system_flags(v, s);
	const bia_process_figures *pf =
		n->rto_process != BIA_NO_INDEX ? &v->processes[n->rto_process]
					       : NULL;

	set_clean(t->cell[COL_SYSTEM], v->d.systems[s].name);
	set_minutes(t->cell[COL_RTO], n->rto, csv);
	set_by(t->cell[COL_RTO_BY],
	       pf ? v->d.processes[n->rto_process].name : NULL, csv);
	set_minutes(t->cell[COL_RPO], n->rpo, csv);
	set_by(t->cell[COL_RPO_BY],
	       n->rpo_data_type != BIA_NO_INDEX
		       ? v->d.data_types[n->rpo_data_type].name
		       : NULL,
	       csv);
	if (pf && pf->has_margin) {
		char pct[24];

		num_format_trim(pf->margin, 1, pct, sizeof pct);
		if (csv)
			snprintf(t->cell[COL_MARGIN], CELL_BYTES, "%s", pct);
		else
			snprintf(t->cell[COL_MARGIN], CELL_BYTES,
				 msg(BIAX_PERCENT_FMT), pct);
	} else {
		snprintf(t->cell[COL_MARGIN], CELL_BYTES, "%s",
			 csv ? "" : msg(BIAX_EMPTY));
	}
	set_level(t->cell[COL_RECOMMENDED], f->recommended, csv);
	set_level(t->cell[COL_PLANNED], v->d.systems[s].planned_level, csv);
	if (csv) {
		for (int b = 0; b < BIA_FLAGS; b++)
			snprintf(t->cell[COL_FLAGS + b], CELL_BYTES, "%d",
				 (flags >> b) & 1u ? 1 : 0);
	} else {
		bia_flags_text(flags, t->cell[COL_FLAGS], CELL_BYTES);
	}
}

static void print_csv(const bia_view *v, FILE *out)
{
	static const msg_id headers[N_CSV_COLS] = {
		BIAX_COL_SYSTEM, BIAX_COL_RTO_MIN, BIAX_COL_RTO_BY,
		BIAX_COL_RPO_MIN, BIAX_COL_RPO_BY, BIAX_COL_MARGIN_PCT,
		BIAX_COL_RECOMMENDED, BIAX_COL_PLANNED,
	};
	bia_row_text t;

	for (int c = 0; c < N_CSV_COLS; c++)
		cli_csv_field(out, c < COL_FLAGS ? msg(headers[c])
					     : bia_flag_name(1u << (c - COL_FLAGS)),
			  c == 0);
	fputs("\r\n", out);
	for (size_t s = 0; s < v->d.n_systems; s++) {
		system_row(v, s, true, &t);
		for (int c = 0; c < N_CSV_COLS; c++)
			cli_csv_field(out, t.cell[c], c == 0);
		fputs("\r\n", out);
	}
}

/* Prints cells padded to the columns' widths, two spaces apart; the
 * last column unpadded, no trailing spaces. */
static void print_row(FILE *out, const char (*cells)[CELL_BYTES],
		      const int *width)
{
	int last = N_COLS - 1;

	while (last > 0 && !cells[last][0])
		last--;
	for (int c = 0; c <= last; c++) {
		fputs(cells[c], out);
		if (c == last)
			break;
		for (int w = text_width(cells[c]); w < width[c] + 2; w++)
			fputc(' ', out);
	}
	fputc('\n', out);
}

static int print_text(const bia_view *v, FILE *out)
{
	char head[N_COLS][CELL_BYTES];
	int width[N_COLS];
	bia_row_text *rows = calloc(v->d.n_systems ? v->d.n_systems : 1,
				    sizeof *rows);

	if (!rows)
		return EXIT_FAIL;
	for (int c = 0; c < N_COLS; c++) {
		snprintf(head[c], CELL_BYTES, "%s", msg(text_headers[c]));
		width[c] = text_width(head[c]);
	}
	for (size_t s = 0; s < v->d.n_systems; s++) {
		system_row(v, s, false, &rows[s]);
		for (int c = 0; c < N_COLS; c++) {
			int w = text_width(rows[s].cell[c]);
			if (w > width[c])
				width[c] = w;
		}
	}
	print_row(out, head, width);
	for (size_t s = 0; s < v->d.n_systems; s++)
		print_row(out, rows[s].cell, width);
	free(rows);
	return EXIT_OK;
}

int cli_bia(store *s, const questionnaire *q, const cli_options *o,
	    const char *db_path, FILE *out, FILE *err)
{
	report r;
	bia_view v;
	char line[2048];
	int rc = cli_load_current(s, q, o, db_path, &r, err);

	if (rc)
		return rc;
	if (bia_view_load(s, r.assessment.id, &q->bia, o->today, &v)) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		report_free(&r);
		return EXIT_FAIL;
	}
	if (o->csv) {
		print_csv(&v, out);
	} else {
		snprintf(line, sizeof line, msg(BIAX_HEAD_FMT), r.unit.name,
			 r.assessment.year);
		cli_put_clean(out, line);
		fputc('\n', out);
		if (v.table)
			snprintf(line, sizeof line, msg(BIAX_TABLE_FMT),
				 v.table->title, v.table->version,
				 v.table->source);
		else
			snprintf(line, sizeof line, "%s", msg(BIAX_NO_TABLE));
		cli_put_clean(out, line);
		fputc('\n', out);
		fputc('\n', out);
		if (!v.d.n_systems)
			fprintf(out, "%s\n", msg(BIAX_NO_SYSTEMS));
		else
			rc = print_text(&v, out);
	}
	bia_view_free(&v);
	report_free(&r);
	return rc;
}
