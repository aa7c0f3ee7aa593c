#include "config.h"

#include <stdio.h>
#include <string.h>

#include "exports/xlsx_sheets.h"
#include "model/msg.h"

/* The BIA sheet: the processes table, then each process's impact grid
 * with its heat map and the MTD it suggests. The systems sheet: what each
 * system must achieve, the levels and the plan, then the level table. */

/* Row 0 holds the title, row 1 stays blank, the table's header is
 * HEADER_ROW. */
#define HEADER_ROW 2
#define LINE_BYTES 2048

enum {
	P_NAME,
	P_CRITICAL,
	P_OWNER,
	P_VOLUME,
	P_MTD,
	P_MTD_MIN,
	P_MTD_FROM,
	P_RTO,
	P_RTO_MIN,
	P_MARGIN,
	P_RPO,
	P_LEVEL,
	P_REVIEWED,
	P_NEXT_REVIEW,
	P_REVIEW_DUE,
	N_PCOLS
};

static const msg_id process_headers[N_PCOLS] = {
	[P_NAME] = XL_BIA_COL_PROCESS,
	[P_CRITICAL] = XL_BIA_COL_CRITICAL,
	[P_OWNER] = XL_COL_OWNER,
	[P_VOLUME] = XL_BIA_COL_VOLUME,
	[P_MTD] = XL_BIA_COL_MTD,
	[P_MTD_MIN] = XL_BIA_COL_MTD_MIN,
	[P_MTD_FROM] = XL_BIA_COL_MTD_FROM,
	[P_RTO] = XL_BIA_COL_RTO,
	[P_RTO_MIN] = XL_BIA_COL_RTO_MIN,
	[P_MARGIN] = BIAX_COL_MARGIN,
	[P_RPO] = XL_BIA_COL_RPO,
	[P_LEVEL] = XL_BIA_COL_LEVEL,
	[P_REVIEWED] = XL_BIA_COL_REVIEWED,
	[P_NEXT_REVIEW] = XL_BIA_COL_NEXT_REVIEW,
	[P_REVIEW_DUE] = XL_BIA_COL_REVIEW_DUE,
};

/* The impact grid's columns: the duration, the loss, one rating per
 * dimension, the overall rating, the manager's words. */
enum {
	G_DURATION,
	G_LOSS,
	G_RATING, /* the first of BIA_DIMENSIONS rating columns */
	G_OVERALL = G_RATING + BIA_DIMENSIONS,
	G_NOTES,
	N_GCOLS
};

enum {
	S_NAME,
	S_IMPORTANCE,
	S_RTO,
	S_RTO_BY,
	S_RPO,
	S_RPO_BY,
	S_RECOMMENDED,
	S_PLANNED,
	S_PLAN,
	S_FLAGS,
	S_ARCH,
	S_VERDICT,
	S_COST,
	N_SCOLS
};

static const msg_id system_headers[N_SCOLS] = {
	[S_NAME] = BIAX_COL_SYSTEM,
	[S_IMPORTANCE] = BIAX_COL_IMPORTANCE,
	[S_RTO] = BIAX_COL_RTO,
	[S_RTO_BY] = BIAX_COL_RTO_BY,
	[S_RPO] = BIAX_COL_RPO,
	[S_RPO_BY] = BIAX_COL_RPO_BY,
	[S_RECOMMENDED] = BIAX_COL_RECOMMENDED,
	[S_PLANNED] = BIAX_COL_PLANNED,
	[S_PLAN] = XL_SYS_COL_PLAN,
	[S_FLAGS] = BIAX_COL_FLAGS,
	[S_ARCH] = XL_SYS_COL_ARCH,
	[S_VERDICT] = XL_SYS_COL_VERDICT,
	[S_COST] = XL_SYS_COL_COST,
};

/* The level table under the systems, in their first columns. */
enum { L_LEVEL, L_NAME, L_RTO, L_RPO, L_COST, L_SUITS, N_LCOLS };

static const msg_id level_headers[N_LCOLS] = {
	[L_LEVEL] = XL_COL_LEVEL,
	[L_NAME] = XL_SYS_COL_LEVEL_NAME,
	[L_RTO] = XL_BIA_COL_RTO,
	[L_RPO] = XL_BIA_COL_RPO,
	[L_COST] = XL_SYS_COL_COST,
	[L_SUITS] = XL_SYS_COL_SUITS,
};

/* The heat map's fill and text per rating, none to extreme: Excel's
 * "Good", then yellow, orange, "Bad" and a deep red. */
static const struct {
	lxw_color_t fill, font;
} heat_colours[BIA_RATINGS] = {
	{0xC6EFCE, 0x006100}, {0xFFEB9C, 0x7F6000}, {0xFFC000, 0x000000},
	{0xFFC7CE, 0x9C0006}, {0xC00000, 0xFFFFFF},
};

static void put_minutes(xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
			int64_t minutes)
{
	char d[64];

	if (minutes < 0)
		return;
	bia_minutes_format(minutes, d, sizeof d);
	xlsx_put_text(s, row, col, d, NULL, true);
}

static void put_yes_no(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, bool yes,
		       lxw_format *if_yes)
{
	xlsx_put_text(s, row, col, msg(yes ? XL_YES : XL_NO),
		      yes ? if_yes : NULL, true);
}

static const char *rating_name(const bia_reference *ref, bia_rating r)
{
	return ref && (unsigned)r < BIA_RATINGS && ref->rating_names[r]
		       ? ref->rating_names[r]
		       : bia_rating_key(r);
}

/* The process row: the margin as a formula over the minute cells, with
 * the margin moat computed (rounded down to the per mille, as the
 * formula does) cached. */
static void put_process(xlsx_sheet *s, const bia_view *v, size_t i,
			lxw_row_t row, lxw_format *warn)
{
	const bia_process *p = &v->d.processes[i];
	const bia_process_figures *f = &v->processes[i];
	char line[LINE_BYTES];

	xlsx_put_text(s, row, P_NAME, p->name, NULL, true);
	put_yes_no(s, row, P_CRITICAL, p->critical, NULL);
	xlsx_put_text(s, row, P_OWNER, p->owner, NULL, true);
	if (p->daily_volume >= 0)
		xlsx_put_number(s, row, P_VOLUME, (double)p->daily_volume,
				NULL);
	if (f->mtd >= 0) {
		put_minutes(s, row, P_MTD, f->mtd);
		xlsx_put_number(s, row, P_MTD_MIN, (double)f->mtd, NULL);
	}
	if (p->mtd_chosen) {
		snprintf(line, sizeof line, msg(XL_BIA_MTD_CHOSEN_FMT),
			 p->mtd_reason);
		xlsx_put_text(s, row, P_MTD_FROM, line, NULL, true);
	} else if (f->suggestion.outcome == BIA_MTD_FOUND) {
		xlsx_put_text(s, row, P_MTD_FROM, msg(XL_BIA_MTD_SUGGESTED),
			      NULL, true);
	}
	if (p->rto >= 0) {
		put_minutes(s, row, P_RTO, p->rto);
		xlsx_put_number(s, row, P_RTO_MIN, (double)p->rto, NULL);
	}
	if (f->has_margin) {
		xlsx_ref mtd = xlsx_cell(row, P_MTD_MIN);
		xlsx_ref rto = xlsx_cell(row, P_RTO_MIN);

		xlsx_put_formula(s, row, P_MARGIN,
				 f->margin_warns ? warn : s->f->percent,
				 f->margin / 1000.0,
				 "=ROUNDDOWN((%s-%s)/%s,3)", mtd.s, rto.s,
				 mtd.s);
	}
	put_minutes(s, row, P_RPO, f->rpo);
	if (f->level > 0)
		xlsx_put_number(s, row, P_LEVEL, f->level, NULL);
	if (p->reviewed.y)
		xlsx_put_date(s, row, P_REVIEWED, p->reviewed);
	else
		xlsx_put_text(s, row, P_REVIEWED, msg(XL_BIA_NEVER), NULL,
			      true);
	xlsx_put_date(s, row, P_NEXT_REVIEW, f->next_review);
	put_yes_no(s, row, P_REVIEW_DUE, f->review_due, s->f->bad);
}

/* The manager's words of a grid row, "dimension: words" apart, and the
 * reason of an override. */
static void row_notes(const bia_reference *ref, const bia_row *r, char *out,
		      size_t len)
{
	size_t used = 0;

	out[0] = '\0';
	for (int d = 0; d <= BIA_DIMENSIONS; d++) {
		char part[LINE_BYTES];
		int n;

		if (d == BIA_DIMENSIONS) {
			if (!r->overridden)
				break;
			snprintf(part, sizeof part, msg(XL_BIA_OVERRIDE_FMT),
				 r->reason);
		} else if (r->cell[d].text[0]) {
			snprintf(part, sizeof part, msg(XL_BIA_NOTE_FMT),
				 ref && ref->dimension_names[d]
					 ? ref->dimension_names[d]
					 : "",
				 r->cell[d].text);
		} else {
			continue;
		}
		n = snprintf(out + used, len - used, "%s%s",
			     used ? msg(BIAT_CLAUSE_SEP) : "", part);
		if (n < 0 || (size_t)n >= len - used)
			break;
		used += (size_t)n;
	}
}

/* Process i's impact grid from row on, with the heat map over its
 * ratings and the MTD sentence under it. Returns the row after it. */
static lxw_row_t put_grid(xlsx_sheet *s, const bia_view *v, size_t i,
			  lxw_row_t row, const char *currency,
			  lxw_format *const heat[BIA_RATINGS])
{
	const bia_reference *ref = v->ref;
	const bia_grid *g = &v->d.grids[i];
	char line[LINE_BYTES];
	lxw_row_t first;

	snprintf(line, sizeof line, msg(XL_BIA_GRID_FMT),
		 v->d.processes[i].name);
	xlsx_put_text(s, row++, 0, line, s->f->label, false);
	xlsx_put_text(s, row, G_DURATION, ref ? ref->duration_name : NULL,
		      s->f->header, true);
	snprintf(line, sizeof line, msg(XL_BIA_LOSS_FMT),
		 ref && ref->dimension_names[BIA_FINANCIAL]
			 ? ref->dimension_names[BIA_FINANCIAL]
			 : "",
		 currency);
	xlsx_put_text(s, row, G_LOSS, line, s->f->header, true);
	for (int d = 0; d < BIA_DIMENSIONS; d++)
		xlsx_put_text(s, row, (lxw_col_t)(G_RATING + d),
			      ref ? ref->dimension_names[d] : NULL,
			      s->f->header, true);
	xlsx_put_text(s, row, G_OVERALL, ref ? ref->overall_name : NULL,
		      s->f->header, true);
	xlsx_put_text(s, row++, G_NOTES, msg(XL_BIA_COL_NOTES), s->f->header,
		      true);
	first = row;
	for (size_t k = 0; k < g->n_rows; k++, row++) {
		const bia_row *r = &g->rows[k];

		put_minutes(s, row, G_DURATION, r->minutes);
		xlsx_put_number(s, row, G_LOSS, r->loss / 100.0, s->f->money);
		for (int d = 0; d < BIA_DIMENSIONS; d++)
			xlsx_put_text(s, row, (lxw_col_t)(G_RATING + d),
				      rating_name(ref, r->cell[d].rating),
				      s->f->text, true);
		xlsx_put_text(s, row, G_OVERALL,
			      rating_name(ref, bia_overall(r)), s->f->text,
			      true);
		row_notes(ref, r, line, sizeof line);
		xlsx_put_text(s, row, G_NOTES, line, NULL, true);
	}
	/* The heat map: each rating cell coloured by the rating it names. */
	for (int k = 0; k < BIA_RATINGS && g->n_rows > 0; k++) {
		char quoted[256];
		lxw_conditional_format cf;

		if (s->err != LXW_NO_ERROR ||
		    !xlsx_formula_string(rating_name(ref, (bia_rating)k), quoted,
					 sizeof quoted))
			break;
		memset(&cf, 0, sizeof cf);
		cf.type = LXW_CONDITIONAL_TYPE_CELL;
		cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
		cf.value_string = quoted;
		cf.format = heat[k];
		s->err = worksheet_conditional_format_range(
			s->ws, first, G_RATING, row - 1, G_OVERALL, &cf);
	}
	bia_mtd_text(&v->processes[i].suggestion, g, ref, v->d.intolerable,
		     line, sizeof line);
	xlsx_put_text(s, row++, 0, line, s->f->text, false);
	return row;
}

lxw_error xlsx_write_bia(lxw_workbook *wb, const xlsx_formats *f,
			 const bia_view *v, int year, const char *currency)
{
	lxw_format *heat[BIA_RATINGS], *warn = workbook_add_format(wb);
	char title[256];
	lxw_row_t row = HEADER_ROW;
	xlsx_sheet s;
	lxw_error e;

	if (!warn)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	format_set_num_format(warn, "0.00%");
	format_set_align(warn, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(warn, 0x9C0006);
	format_set_bg_color(warn, 0xFFC7CE);
	for (int k = 0; k < BIA_RATINGS; k++) {
		if (!(heat[k] = workbook_add_format(wb)))
			return LXW_ERROR_MEMORY_MALLOC_FAILED;
		format_set_bg_color(heat[k], heat_colours[k].fill);
		format_set_font_color(heat[k], heat_colours[k].font);
	}
	if (!currency || !*currency)
		currency = msg(CUR_DEFAULT);
	if ((e = xlsx_sheet_add(wb, msg(XL_SHEET_BIA), f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, HEADER_ROW, HEADER_ROW});
	snprintf(title, sizeof title, msg(XL_BIA_TITLE_FMT), year);
	xlsx_put_text(&s, 0, 0, title, f->title, false);
	xlsx_put_headers(&s, row, process_headers, N_PCOLS);
	for (size_t i = 0; i < v->d.n_processes; i++)
		put_process(&s, v, i, ++row, warn);
	if (!v->d.n_processes)
		xlsx_put_text(&s, ++row, 0, msg(BIAX_NO_PROCESSES), NULL, false);
	row += 2;
	for (size_t i = 0; i < v->d.n_processes; i++)
		row = put_grid(&s, v, i, row, currency, heat) + 1;
	worksheet_freeze_panes(s.ws, HEADER_ROW + 1, 1);
	return xlsx_sheet_finish(&s, N_PCOLS);
}

static void put_system(xlsx_sheet *s, const bia_view *v, size_t i,
		       lxw_row_t row, const char *currency)
{
	const bia_system *y = &v->d.systems[i];
	const bia_system_figures *f = &v->systems[i];
	const bia_system_need *n = &f->need;
	unsigned flags = bia_view_system_flags(v, i);
	char line[LINE_BYTES];

	xlsx_put_text(s, row, S_NAME, y->name, NULL, true);
	xlsx_put_text(s, row, S_IMPORTANCE, rating_name(v->ref, y->importance),
		      NULL, true);
	put_minutes(s, row, S_RTO, n->rto);
	if (n->rto_process != BIA_NO_INDEX)
		xlsx_put_text(s, row, S_RTO_BY,
			      v->d.processes[n->rto_process].name, NULL, true);
	put_minutes(s, row, S_RPO, n->rpo);
	if (n->rpo_data_type != BIA_NO_INDEX)
		xlsx_put_text(s, row, S_RPO_BY,
			      v->d.data_types[n->rpo_data_type].name, NULL,
			      true);
	if (f->recommended > 0)
		xlsx_put_number(s, row, S_RECOMMENDED, f->recommended, NULL);
	if (y->planned_level > 0)
		xlsx_put_number(s, row, S_PLANNED, y->planned_level,
				f->weaker ? s->f->bad : NULL);
	if (v->table) {
		bia_plan_text(v->table, y->planned_level, f->outcome,
			      f->recommended, n->rto, n->rpo, line,
			      sizeof line);
		xlsx_put_text(s, row, S_PLAN, line, f->weaker ? s->f->bad : NULL,
			      true);
	}
	bia_flags_text(flags, line, sizeof line);
	xlsx_put_text(s, row, S_FLAGS, line, flags ? s->f->bad : NULL, true);
	if (f->has_arch) {
		const bia_arch *a = bia_reference_arch(v->ref, y->arch);

		xlsx_put_text(s, row, S_ARCH, a->name, NULL, true);
		bia_arch_verdict_text(a, &f->arch, n->rto, n->rpo, line,
				      sizeof line);
		xlsx_put_text(s, row, S_VERDICT, line,
			      f->arch.meets ? s->f->good : s->f->bad, true);
		bia_arch_cost_text(a, &f->arch, currency, line, sizeof line);
		xlsx_put_text(s, row, S_COST, line, NULL, true);
	} else if (y->arch[0]) {
		xlsx_put_text(s, row, S_ARCH, y->arch, NULL, true);
	}
}

/* The level table in use under the systems, from row on. */
static void put_level_table(xlsx_sheet *s, const bia_table *t, lxw_row_t row)
{
	char line[LINE_BYTES];

	if (!t) {
		xlsx_put_text(s, row, 0, msg(BIAX_NO_TABLE), NULL, false);
		return;
	}
	xlsx_put_text(s, row++, 0, t->title, s->f->label, false);
	snprintf(line, sizeof line, msg(XL_SYS_SOURCE_FMT), t->source);
	xlsx_put_text(s, row++, 0, line, s->f->text, false);
	snprintf(line, sizeof line, msg(XL_SYS_VERSION_FMT), t->version);
	xlsx_put_text(s, row++, 0, line, s->f->text, false);
	if (t->note && *t->note)
		xlsx_put_text(s, row++, 0, t->note, s->f->text, false);
	xlsx_put_text(s, row++, 0, bia_level_rule_text(), s->f->text, false);
	row++;
	xlsx_put_headers(s, row, level_headers, N_LCOLS);
	for (size_t k = 0; k < t->n_levels; k++) {
		const bia_level *l = &t->levels[k];

		xlsx_put_number(s, ++row, L_LEVEL, l->number, NULL);
		xlsx_put_text(s, row, L_NAME, l->name, NULL, true);
		xlsx_put_text(s, row, L_RTO, l->rto.words, NULL, true);
		xlsx_put_text(s, row, L_RPO, l->rpo.words, NULL, true);
		xlsx_put_text(s, row, L_COST, l->cost, NULL, true);
		xlsx_put_text(s, row, L_SUITS, l->suits, NULL, true);
	}
}

lxw_error xlsx_write_systems(lxw_workbook *wb, const xlsx_formats *f,
			     const bia_view *v, int year, const char *currency)
{
	char title[256];
	lxw_row_t row = HEADER_ROW;
	xlsx_sheet s;
	lxw_error e;

	if ((e = xlsx_sheet_add(wb, msg(XL_SHEET_SYSTEMS), f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, HEADER_ROW, HEADER_ROW});
	snprintf(title, sizeof title, msg(XL_SYS_TITLE_FMT), year);
	xlsx_put_text(&s, 0, 0, title, f->title, false);
	xlsx_put_headers(&s, row, system_headers, N_SCOLS);
	for (size_t i = 0; i < v->d.n_systems; i++)
		put_system(&s, v, i, ++row, currency);
	if (!v->d.n_systems)
		xlsx_put_text(&s, ++row, 0, msg(BIAX_NO_SYSTEMS), NULL, false);
	put_level_table(&s, v->table, row + 3);
	worksheet_freeze_panes(s.ws, HEADER_ROW + 1, 1);
	return xlsx_sheet_finish(&s, N_SCOLS);
}
