#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "model/unit_view.h"
#include "model/user.h"
#include "tui/cli.h"

/* `moat unit ...`: the group's units from a shell. */

/* Prints text safe for a terminal, padded to width display columns and
 * two spaces (none after the last column: width 0). */
static void put_cell(FILE *out, const char *text, int width)
{
	char *clean = text_sanitize(text, false);
	const char *t = clean ? clean : "";
	fputs(t, out);
	if (width)
		for (int w = text_width(t); w < width + 2; w++)
			fputc(' ', out);
	free(clean);
}

enum { COL_NAME, COL_REGION, COL_YEAR, COL_LEVEL, COL_STATE, N_COLS };

/* The cells of row (or of the header when row is NULL), each
 * cellsz bytes. */
static void cells_of(const questionnaire *q, const unit_view_row *row,
		     bool csv, char cells[N_COLS][TEXT_BYTES(UNIT_NAME_MAX)])
{
	static const msg_id heads[N_COLS] = {UNIT_COL_NAME, UNIT_COL_REGION,
					     UNIT_COL_YEAR, UNIT_COL_LEVEL,
					     UNIT_COL_STATE};
	static const char *const csv_heads[N_COLS] = {"name", "region",
						      "latest_year", "level",
						      "archived"};
	if (!row) {
		for (int c = 0; c < N_COLS; c++)
			snprintf(cells[c], sizeof cells[0], "%s", csv ? csv_heads[c] : msg(heads[c]));
		return;
	}
	snprintf(cells[COL_NAME], sizeof cells[0], "%s", row->row.u.name);
	snprintf(cells[COL_REGION], sizeof cells[0], "%s", row->row.u.region);
	if (row->row.latest_id)
		snprintf(cells[COL_YEAR], sizeof cells[0], "%d", row->row.latest_year);
	else
		snprintf(cells[COL_YEAR], sizeof cells[0], "%s", csv ? "" : msg(UNIT_NO_YEAR));
	if (!row->level)
		snprintf(cells[COL_LEVEL], sizeof cells[0], "%s", csv ? "" : msg(UNIT_NO_YEAR));
	else if (csv)
		snprintf(cells[COL_LEVEL], sizeof cells[0], "%d", row->level);
	else
		snprintf(cells[COL_LEVEL], sizeof cells[0], msg(UNIT_LEVEL_FMT), row->level,
			 q->levels[row->level - 1].name);
	if (csv)
		snprintf(cells[COL_STATE], sizeof cells[0], "%d", row->row.u.archived ? 1 : 0);
	else
		snprintf(cells[COL_STATE], sizeof cells[0], "%s",
			 msg(row->row.u.archived ? UNIT_STATE_ARCHIVED
						 : UNIT_STATE_ACTIVE));
}

/* Every unit, archived ones too (marked), aligned or as CSV. */
static int unit_list(store *s, const questionnaire *q, const cli_options *o,
		     FILE *out, FILE *err)
{
	unit_view v;
	char cells[N_COLS][TEXT_BYTES(UNIT_NAME_MAX)];
	int width[N_COLS] = {0};

	if (unit_view_load(s, q, o->today, true, &v)) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		return EXIT_FAIL;
	}
	if (!v.n && !o->csv) {
		fprintf(out, "%s\n", msg(UNIT_CLI_EMPTY));
		unit_view_free(&v);
		return EXIT_OK;
	}
	for (size_t i = 0; i <= v.n; i++) {
		cells_of(q, i ? &v.v[i - 1] : NULL, o->csv, cells);
		for (int c = 0; c < N_COLS; c++) {
			int w = text_width(cells[c]);
			if (w > width[c])
				width[c] = w;
		}
	}
	for (size_t i = 0; i <= v.n; i++) {
		cells_of(q, i ? &v.v[i - 1] : NULL, o->csv, cells);
		for (int c = 0; c < N_COLS; c++) {
			if (o->csv)
				cli_csv_field(out, cells[c], c == 0);
			else
				put_cell(out, cells[c], c + 1 < N_COLS ? width[c] : 0);
		}
		fputs(o->csv ? "\r\n" : "\n", out);
	}
	unit_view_free(&v);
	return EXIT_OK;
}

/* Prints fmt with the unit's name (and a second text) as one line. */
static void said(FILE *out, msg_id fmt, const char *a, const char *b)
{
	char line[2048];
	snprintf(line, sizeof line, msg(fmt), a, b);
	cli_put_clean(out, line);
	fputc('\n', out);
}

int cli_unit(store *s, const questionnaire *q, const cli_options *o,
	     const char *db_path, FILE *out, FILE *err)
{
	cli_options named = *o;
	int64_t unit_id, aid;
	char user[64], year[16];
	unit u;
	moat_status st = ST_OK;
	int rc;

	if (o->command == CMD_UNIT_LIST)
		return unit_list(s, q, o, out, err);
	user_name(user, sizeof user);
	if (o->command == CMD_UNIT_ADD) {
		st = store_unit_open_new(s, o->unit_args[0], o->region, o->today.y,
					 user, &unit_id, &aid);
		if (!st && !(st = store_unit_get(s, unit_id, &u))) {
			snprintf(year, sizeof year, "%d", o->today.y);
			said(out, UNIT_CLI_ADDED_FMT, u.name, year);
		}
		goto done;
	}
	/* The unit acted on is named like --unit, and refused the same way
	 * when unknown. */
	named.unit = o->unit_args[0];
	if ((rc = o->command == CMD_UNIT_USE
			  ? cli_current(s, &named, db_path, &unit_id, &aid, err)
			  : cli_check_unit(s, &named, err)))
		return rc;
	if ((st = store_unit_find(s, named.unit, &u)))
		goto done;
	switch (o->command) {
	case CMD_UNIT_RENAME:
		if (!(st = store_unit_rename(s, u.id, o->unit_args[1], user)) &&
		    !(st = store_unit_get(s, u.id, &u)))
			said(out, UNIT_CLI_RENAMED_FMT, o->unit_args[0], u.name);
		break;
	case CMD_UNIT_REGION:
		if (!(st = store_unit_set_region(s, u.id, o->unit_args[1], user)) &&
		    !(st = store_unit_get(s, u.id, &u)))
			said(out, u.region[0] ? UNIT_CLI_REGION_FMT
					      : UNIT_CLI_REGION_CLEARED_FMT,
			     u.name, u.region);
		break;
	case CMD_UNIT_ARCHIVE:
	case CMD_UNIT_UNARCHIVE:
		if (!(st = store_unit_set_archived(s, u.id,
						   o->command == CMD_UNIT_ARCHIVE,
						   user)))
			said(out, o->command == CMD_UNIT_ARCHIVE
					  ? UNIT_CLI_ARCHIVED_FMT
					  : UNIT_CLI_UNARCHIVED_FMT,
			     u.name, "");
		break;
	case CMD_UNIT_USE:
		if (!(st = store_set_current(s, user, aid))) {
			assessment a;
			if (!(st = store_assessment_get(s, aid, &a))) {
				snprintf(year, sizeof year, "%d", a.year);
				said(out, UNIT_CLI_USE_FMT, u.name, year);
			}
		}
		break;
	default:
		break;
	}
done:
	if (st) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
