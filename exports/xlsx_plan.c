#include "config.h"

#include <stdio.h>
#include <string.h>

#include "exports/xlsx_sheets.h"
#include "model/msg.h"
#include "model/text.h"

/* The task table; the programme's days follow, one narrow column each. */
enum {
	COL_NO,
	COL_PHASE,
	COL_PHASE_NAME,
	COL_TASK,
	COL_ITEM,
	COL_OWNER,
	COL_STATUS,
	COL_DUE,
	COL_DONE_ON,
	COL_OVERDUE,
	COL_FIRST,  /* hidden: the first day of the task's bar */
	COL_LAST,   /* hidden: its last day */
	N_COLS
};

/* Column of programme day d (1..PLAN_DAYS). */
#define COL_DAY(d) ((lxw_col_t)(N_COLS + (d) - 1))

static const msg_id headers[N_COLS] = {
	[COL_NO] = XL_COL_NO,
	[COL_PHASE] = XL_COL_PHASE,
	[COL_PHASE_NAME] = XL_COL_PHASE_NAME,
	[COL_TASK] = XL_COL_TASK,
	[COL_ITEM] = XL_COL_CHECKLIST_ITEM,
	[COL_OWNER] = XL_COL_OWNER,
	[COL_STATUS] = XL_STATUS,
	[COL_DUE] = XL_COL_DUE,
	[COL_DONE_ON] = XL_COL_DONE_ON,
	[COL_OVERDUE] = XL_COL_OVERDUE,
	[COL_FIRST] = XL_COL_FIRST_DAY,
	[COL_LAST] = XL_COL_LAST_DAY,
};

/* Rows above the tasks: the title, three label / value rows (labels in
 * COL_TASK, values in COL_ITEM), the phases over the day columns, the
 * header. The progress table follows the tasks after a blank row. */
enum {
	ROW_TITLE,
	ROW_STARTED,
	ROW_AS_OF,
	ROW_DAY,
	ROW_PHASES,
	ROW_HEADER,
	ROW_FIRST_TASK
};

/* The progress table's columns. */
enum {
	PCOL_LABEL = COL_TASK,
	PCOL_TASKS,
	PCOL_DONE,
	PCOL_OVERDUE,
	PCOL_PCT
};

/* The formats of the day columns and of the Gantt chart's conditional
 * formats, made once per sheet. */
typedef struct {
	lxw_format *band;     /* a phase's name over its days */
	lxw_format *day_head; /* the day numbers of the header */
	lxw_format *bar;      /* a task's phase: blue */
	lxw_format *done;     /* ... when the task is done: green */
	lxw_format *late;     /* ... when it is overdue: red */
	lxw_format *today;    /* the day of the export */
} gantt_formats;

static lxw_error gantt_formats_create(lxw_workbook *wb, gantt_formats *g)
{
	g->band = workbook_add_format(wb);
	g->day_head = workbook_add_format(wb);
	g->bar = workbook_add_format(wb);
	g->done = workbook_add_format(wb);
	g->late = workbook_add_format(wb);
	g->today = workbook_add_format(wb);
	if (!g->band || !g->day_head || !g->bar || !g->done || !g->late ||
	    !g->today)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	format_set_bold(g->band);
	format_set_align(g->band, LXW_ALIGN_CENTER);
	format_set_border(g->band, LXW_BORDER_THIN);
	format_set_bg_color(g->band, 0xDDEBF7);
	format_set_bold(g->day_head);
	format_set_align(g->day_head, LXW_ALIGN_CENTER);
	format_set_bottom(g->day_head, LXW_BORDER_THIN);
	format_set_font_size(g->day_head, 8);
	format_set_bg_color(g->bar, 0x9BC2E6);
	format_set_bg_color(g->done, 0x70AD47);
	format_set_bg_color(g->late, 0xFF7C80);
	format_set_bg_color(g->today, 0xFFE699);
	format_set_left(g->today, LXW_BORDER_THIN);
	format_set_right(g->today, LXW_BORDER_THIN);
	format_set_left_color(g->today, 0xC65911);
	format_set_right_color(g->today, 0xC65911);
	return LXW_NO_ERROR;
}

/* The catalog's name of a task status. */
static const char *task_text(task_status st)
{
	static const msg_id ids[TASK_STATUS_COUNT] = {
		[TASK_NOT_STARTED] = TASK_NOT_STARTED_TXT,
		[TASK_IN_PROGRESS] = TASK_IN_PROGRESS_TXT,
		[TASK_DONE] = TASK_DONE_TXT,
		[TASK_BLOCKED] = TASK_BLOCKED_TXT,
	};

	return msg(ids[(unsigned)st < TASK_STATUS_COUNT ? st : 0]);
}

/* A cell's name with each part absolute or relative, for the conditional
 * formats' formulas: "M$6", "$K7". */
static xlsx_ref mixed_ref(lxw_row_t row, lxw_col_t col, bool row_abs,
			  bool col_abs)
{
	xlsx_ref r;

	lxw_rowcol_to_cell_abs(r.s, row, col, row_abs, col_abs);
	return r;
}

/* "$B$7:$B$20": rows first..last of column col. */
static void column_range(char *out, size_t len, lxw_row_t first,
			 lxw_row_t last, lxw_col_t col)
{
	snprintf(out, len, "%s:%s", xlsx_abs(first, col).s,
		 xlsx_abs(last, col).s);
}

static void put_title(xlsx_sheet *s, const agenda *g)
{
	char start[16], today[16], head[512];
	long day = plan_day(g->start, g->today);

	date_format(g->start, start, sizeof start);
	date_format(g->today, today, sizeof today);
	if (day < 1)
		snprintf(head, sizeof head, msg(XL_PLAN_HEAD_BEFORE_FMT), start,
			 1 - day);
	else if (day > PLAN_DAYS)
		snprintf(head, sizeof head, msg(XL_PLAN_HEAD_AFTER_FMT), start,
			 day);
	else
		snprintf(head, sizeof head, msg(XL_PLAN_HEAD_FMT), start, day);
	xlsx_put_text(s, ROW_TITLE, 0, head, s->f->title, false);

	xlsx_put_text(s, ROW_STARTED, COL_TASK, msg(XL_PLAN_STARTED),
		      s->f->label, true);
	xlsx_put_text(s, ROW_STARTED, COL_ITEM, start, NULL, true);
	xlsx_put_text(s, ROW_AS_OF, COL_TASK, msg(XL_PLAN_AS_OF), s->f->label,
		      true);
	xlsx_put_text(s, ROW_AS_OF, COL_ITEM, today, NULL, true);
	xlsx_put_text(s, ROW_DAY, COL_TASK, msg(XL_PLAN_DAY), s->f->label,
		      true);
	xlsx_put_number(s, ROW_DAY, COL_ITEM, (double)day, NULL);
}

/* The header row, and above the day columns each phase's name. */
static void put_header(xlsx_sheet *s, const gantt_formats *gf,
		       const questionnaire *q)
{
	char band[512];

	for (lxw_col_t c = 0; c < N_COLS; c++)
		xlsx_put_text(s, ROW_HEADER, c, msg(headers[c]), s->f->header,
			      true);
	for (int d = 1; d <= PLAN_DAYS; d++)
		xlsx_put_number(s, ROW_HEADER, COL_DAY(d), d, gf->day_head);
	for (int p = 1; p <= PLAN_PHASES; p++) {
		const char *name = q->phase_names[p - 1];
		lxw_col_t first = COL_DAY((p - 1) * PLAN_PHASE_DAYS + 1);
		lxw_col_t last = COL_DAY(p * PLAN_PHASE_DAYS);

		snprintf(band, sizeof band, msg(XL_PHASE_FMT), p,
			 name ? name : "");
		/* The merged range gets its text through xlsx_put_text, which
		 * makes sure it is valid UTF-8. */
		if (s->err == LXW_NO_ERROR)
			s->err = worksheet_merge_range(s->ws, ROW_PHASES, first,
						       ROW_PHASES, last, "",
						       gf->band);
		xlsx_put_text(s, ROW_PHASES, first, band, gf->band, false);
	}
}

static void put_task(xlsx_sheet *s, lxw_row_t row, size_t n,
		     const plan_task *t, const agenda *g,
		     const questionnaire *q)
{
	char day[16];
	int item = t->item[0] ? questionnaire_item_index(q, t->item) : -1;
	bool over = task_overdue(t, g->today);
	bool phase_ok = t->phase >= 1 && t->phase <= PLAN_PHASES;

	xlsx_put_number(s, row, COL_NO, (double)n, NULL);
	xlsx_put_number(s, row, COL_PHASE, t->phase, NULL);
	if (phase_ok)
		xlsx_put_text(s, row, COL_PHASE_NAME,
			      q->phase_names[t->phase - 1], NULL, true);
	xlsx_put_text(s, row, COL_TASK, t->title, NULL, true);
	xlsx_put_text(s, row, COL_ITEM,
		      item >= 0 ? q->items[item].title : t->item, NULL, true);
	xlsx_put_text(s, row, COL_OWNER, t->owner, NULL, true);
	xlsx_put_text(s, row, COL_STATUS, task_text(t->status),
		      t->status == TASK_DONE ? s->f->good : NULL, true);
	if (t->due.y) {
		date_format(t->due, day, sizeof day);
		xlsx_put_text(s, row, COL_DUE, day, NULL, true);
	}
	if (t->done_on.y) {
		date_format(t->done_on, day, sizeof day);
		xlsx_put_text(s, row, COL_DONE_ON, day, NULL, true);
	}
	xlsx_put_text(s, row, COL_OVERDUE, msg(over ? XL_YES : XL_NO),
		      over ? s->f->bad : NULL, true);

	/* The bar covers the phase's days; formulas over the phase, so the
	 * bar moves when the phase is changed in the sheet. */
	if (phase_ok) {
		long first = plan_day(g->start,
				      plan_phase_start(g->start, t->phase));
		long last = plan_day(g->start,
				     plan_phase_due(g->start, t->phase));

		xlsx_put_formula(s, row, COL_FIRST, NULL, (double)first,
				 "=(%s-1)*%d+1", xlsx_cell(row, COL_PHASE).s,
				 PLAN_PHASE_DAYS);
		xlsx_put_formula(s, row, COL_LAST, NULL, (double)last,
				 "=%s*%d", xlsx_cell(row, COL_PHASE).s,
				 PLAN_PHASE_DAYS);
	}
}

/* One formula rule over range first_row..last_row of the day columns,
 * formula written for its top-left cell. */
static void gantt_rule(xlsx_sheet *s, lxw_row_t first_row, lxw_row_t last_row,
		       lxw_format *fmt, const char *formula)
{
	lxw_conditional_format cf;

	if (s->err != LXW_NO_ERROR)
		return;
	memset(&cf, 0, sizeof cf);
	cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
	cf.value_string = (char *)formula;
	cf.format = fmt;
	s->err = worksheet_conditional_format_range(s->ws, first_row,
						    COL_DAY(1), last_row,
						    COL_DAY(PLAN_DAYS), &cf);
}

/* The Gantt chart: conditional formats over the day columns comparing
 * each column's day (the header) with the task's first and last day (the
 * hidden columns). In order of priority: done tasks green, overdue ones
 * red, the others blue; then the day of the export marked over the header
 * and all tasks. */
static void put_gantt(xlsx_sheet *s, const gantt_formats *gf,
		      lxw_row_t last_row)
{
	char yes[64], done[128], formula[512];
	char head[LXW_MAX_CELL_NAME_LENGTH], first[LXW_MAX_CELL_NAME_LENGTH],
		last[LXW_MAX_CELL_NAME_LENGTH];
	lxw_row_t top = ROW_FIRST_TASK;

	if (!xlsx_formula_string(msg(XL_YES), yes, sizeof yes) ||
	    !xlsx_formula_string(task_text(TASK_DONE), done, sizeof done)) {
		if (s->err == LXW_NO_ERROR)
			s->err = LXW_ERROR_PARAMETER_VALIDATION;
		return;
	}
	snprintf(head, sizeof head, "%s",
		 mixed_ref(ROW_HEADER, COL_DAY(1), true, false).s);
	snprintf(first, sizeof first, "%s",
		 mixed_ref(top, COL_FIRST, false, true).s);
	snprintf(last, sizeof last, "%s",
		 mixed_ref(top, COL_LAST, false, true).s);
	if (last_row >= top) {
		snprintf(formula, sizeof formula, "=AND(%s>=%s,%s<=%s,%s=%s)",
			 head, first, head, last,
			 mixed_ref(top, COL_STATUS, false, true).s, done);
		gantt_rule(s, top, last_row, gf->done, formula);
		snprintf(formula, sizeof formula, "=AND(%s>=%s,%s<=%s,%s=%s)",
			 head, first, head, last,
			 mixed_ref(top, COL_OVERDUE, false, true).s, yes);
		gantt_rule(s, top, last_row, gf->late, formula);
		snprintf(formula, sizeof formula, "=AND(%s>=%s,%s<=%s)", head,
			 first, head, last);
		gantt_rule(s, top, last_row, gf->bar, formula);
	}
	/* Today: the header row compared with the day of the export. */
	snprintf(formula, sizeof formula, "=%s=%s",
		 mixed_ref(ROW_HEADER, COL_DAY(1), true, false).s,
		 xlsx_abs(ROW_DAY, COL_ITEM).s);
	gantt_rule(s, ROW_HEADER, last_row >= top ? last_row : ROW_HEADER,
		   gf->today, formula);
}

/* Tasks, done and overdue ones of phase (1..3), or of the whole programme
 * for phase 0, counted in C for the formulas' cached values. */
static void count_tasks(const agenda *g, int phase, size_t *n, size_t *done,
			size_t *over)
{
	*n = *done = *over = 0;
	for (size_t i = 0; i < g->n_tasks; i++) {
		const plan_task *t = &g->tasks[i];

		if (phase && t->phase != phase)
			continue;
		(*n)++;
		*done += t->status == TASK_DONE;
		*over += task_overdue(t, g->today);
	}
}

/* The progress of each phase and of the whole: COUNTIFS over the phase,
 * status and overdue columns of the task rows first..last (last < first
 * when there are none: the empty row below the header is counted), with
 * the model's figures cached. */
static void put_progress(xlsx_sheet *s, lxw_row_t row, const agenda *g,
			 const questionnaire *q, lxw_row_t first,
			 lxw_row_t last)
{
	char phases[2 * LXW_MAX_CELL_NAME_LENGTH + 1],
		status[2 * LXW_MAX_CELL_NAME_LENGTH + 1],
		over[2 * LXW_MAX_CELL_NAME_LENGTH + 1];
	char done_s[128], yes_s[64], label[512];
	const plan_progress *p = &g->progress;
	lxw_row_t top = row + 1;

	if (last < first)
		last = first;
	column_range(phases, sizeof phases, first, last, COL_PHASE);
	column_range(status, sizeof status, first, last, COL_STATUS);
	column_range(over, sizeof over, first, last, COL_OVERDUE);
	if (!xlsx_formula_string(task_text(TASK_DONE), done_s,
				 sizeof done_s) ||
	    !xlsx_formula_string(msg(XL_YES), yes_s, sizeof yes_s)) {
		if (s->err == LXW_NO_ERROR)
			s->err = LXW_ERROR_PARAMETER_VALIDATION;
		return;
	}

	xlsx_put_text(s, row, PCOL_LABEL, msg(XL_PROGRESS), s->f->header,
		      true);
	xlsx_put_text(s, row, PCOL_TASKS, msg(XL_COL_TASKS), s->f->header,
		      true);
	xlsx_put_text(s, row, PCOL_DONE, msg(XL_COL_DONE), s->f->header, true);
	xlsx_put_text(s, row, PCOL_OVERDUE, msg(XL_COL_N_OVERDUE),
		      s->f->header, true);
	xlsx_put_text(s, row, PCOL_PCT, msg(XL_COL_DONE_PCT), s->f->header,
		      true);

	for (int ph = 0; ph <= PLAN_PHASES; ph++) {
		/* The phases first, then the whole programme. */
		int phase = ph < PLAN_PHASES ? ph + 1 : 0;
		lxw_row_t r = top + (lxw_row_t)ph;
		size_t n, done, late;
		double pct;

		count_tasks(g, phase, &n, &done, &late);
		if (phase) {
			const char *name = q->phase_names[phase - 1];

			/* The model's counts where it keeps them. */
			n = p->phase_total[phase - 1];
			done = p->phase_done[phase - 1];
			snprintf(label, sizeof label, msg(XL_PHASE_FMT), phase,
				 name ? name : "");
			xlsx_put_text(s, r, PCOL_LABEL, label, s->f->label,
				      true);
			xlsx_put_formula(s, r, PCOL_TASKS, NULL, (double)n,
					 "=COUNTIFS(%s,%d)", phases, phase);
			xlsx_put_formula(s, r, PCOL_DONE, NULL, (double)done,
					 "=COUNTIFS(%s,%d,%s,%s)", phases,
					 phase, status, done_s);
			xlsx_put_formula(s, r, PCOL_OVERDUE, NULL,
					 (double)late,
					 "=COUNTIFS(%s,%d,%s,%s)", phases,
					 phase, over, yes_s);
		} else {
			n = p->total;
			done = p->done;
			late = p->overdue;
			xlsx_put_text(s, r, PCOL_LABEL,
				      msg(XL_WHOLE_PROGRAMME), s->f->label,
				      true);
			xlsx_put_formula(s, r, PCOL_TASKS, NULL, (double)n,
					 "=SUM(%s:%s)",
					 xlsx_cell(top, PCOL_TASKS).s,
					 xlsx_cell(r - 1, PCOL_TASKS).s);
			xlsx_put_formula(s, r, PCOL_DONE, NULL, (double)done,
					 "=COUNTIFS(%s,%s)", status, done_s);
			xlsx_put_formula(s, r, PCOL_OVERDUE, NULL,
					 (double)late, "=COUNTIFS(%s,%s)",
					 over, yes_s);
		}
		pct = n ? (double)done / (double)n : 0;
		xlsx_put_formula(s, r, PCOL_PCT, s->f->percent, pct,
				 "=IF(%s=0,0,%s/%s)",
				 xlsx_cell(r, PCOL_TASKS).s,
				 xlsx_cell(r, PCOL_DONE).s,
				 xlsx_cell(r, PCOL_TASKS).s);
	}
}

lxw_error xlsx_write_plan(lxw_workbook *wb, const xlsx_formats *f,
			  const agenda *g, const questionnaire *q)
{
	lxw_row_col_options hidden = {.hidden = 1};
	gantt_formats gf;
	char widest[16];
	lxw_row_t last;
	xlsx_sheet s;
	lxw_error e;

	if ((e = gantt_formats_create(wb, &gf)))
		return e;
	if ((e = xlsx_sheet_add(wb, msg(XL_SHEET_PLAN), f, &s)))
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, 0, ROW_HEADER});
	put_title(&s, g);
	put_header(&s, &gf, q);
	for (size_t i = 0; i < g->n_tasks; i++)
		put_task(&s, ROW_FIRST_TASK + (lxw_row_t)i, i + 1, &g->tasks[i],
			 g, q);
	/* ROW_HEADER when there are no tasks. */
	last = ROW_FIRST_TASK + (lxw_row_t)g->n_tasks - 1;
	put_gantt(&s, &gf, last);
	put_progress(&s, last + 2, g, q, ROW_FIRST_TASK, last);

	if (s.err == LXW_NO_ERROR)
		s.err = worksheet_autofilter(s.ws, ROW_HEADER, 0, last,
					     COL_OVERDUE);
	worksheet_freeze_panes(s.ws, ROW_FIRST_TASK, COL_TASK + 1);
	/* The helper columns hidden, the days as narrow as their numbers. */
	if (s.err == LXW_NO_ERROR)
		s.err = worksheet_set_column_opt(s.ws, COL_FIRST, COL_LAST,
						 LXW_DEF_COL_WIDTH, NULL,
						 &hidden);
	snprintf(widest, sizeof widest, "%d", PLAN_DAYS);
	if (s.err == LXW_NO_ERROR)
		s.err = worksheet_set_column(s.ws, COL_DAY(1),
					     COL_DAY(PLAN_DAYS),
					     text_width(widest) + 1, NULL);
	return xlsx_sheet_finish(&s, COL_FIRST);
}
