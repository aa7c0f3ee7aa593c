/* The workbook's sheets, each written by one function, and the list of
 * them in the order the workbook shows them. Shared by the
 * exports/xlsx_*.c files only. */
#ifndef MOAT_XLSX_SHEETS_H
#define MOAT_XLSX_SHEETS_H

#include <stdbool.h>

#include <xlsxwriter.h>

#include "exports/xlsx_cells.h"
#include "exports/xlsx_input.h"
#include "model/agenda.h"
#include "model/bia_view.h"
#include "model/calc.h"
#include "model/checklist.h"
#include "model/group.h"
#include "model/msg.h"
#include "model/questionnaire.h"
#include "model/report.h"
#include "model/status.h"
#include "model/verify_view.h"
#include "model/store_contingency.h"
#include "model/store_response.h"

/* The executive summary, first in the workbook, on one portrait page: the
 * level and risk with last year's level, the first three of what blocks
 * the next level (the Summary sheet lists them all), payback, net benefit
 * and ROI over N years, the programme's day and progress, the first three
 * overdue tasks and duty occurrences, the latest drill against its RTO and
 * the restore tests in a line; what in lacks is left out. The sheet is
 * called name (NULL: the catalog's "Executive summary"); a summary named
 * otherwise stands alone, without the unit's other sheets (the group
 * pack), and points to the unit's own workbook for the rest. With roi, the
 * name of the workbook's ROI sheet (xlsx_write_roi of in->calc), the
 * money figures are formulas reading it; with NULL, numbers. */
lxw_error xlsx_write_executive(lxw_workbook *wb, const xlsx_formats *f,
			       const xlsx_input *in, const char *exported_at,
			       const char *name, const char *roi);

/* The summary sheet: heading, then label / value rows, among them what
 * blocks the next level: the score's gaps, then the items marked done that
 * the records (fs, or NULL) do not bear out, the lines of `moat score` and
 * the maturity screen. exported_at is shown as given. */
lxw_error xlsx_write_summary(lxw_workbook *wb, const xlsx_formats *f,
			     const report *r, const findings_set *fs,
			     const char *exported_at);

/* The checklist sheet: one row per questionnaire item with its state,
 * evidence count and latest evidence, under an autofiltered header. */
lxw_error xlsx_write_checklist(lxw_workbook *wb, const xlsx_formats *f,
			       const report *r);

/* The maturity sheet: the reached level on top, then one row per criterion
 * (one for a level without criteria) with its answer, whether it is met,
 * the items it relies on, its evidence and its gaps, under a frozen,
 * autofiltered header. */
lxw_error xlsx_write_maturity(lxw_workbook *wb, const xlsx_formats *f,
			      const report *r);

/* The year-over-year sheet: the level of every year with a line chart of
 * those cells, then current compared with prev (counts, items, criteria,
 * and, when prev_bia and bia, the analyses of both years, what changed in
 * the business impact analysis as compare_bia lists it), or a line saying
 * there is no earlier year when prev is NULL. years has n entries (at
 * least one), oldest first; the entry of current's assessment is shown
 * from current itself. */
lxw_error xlsx_write_years(lxw_workbook *wb, const xlsx_formats *f,
			   const year_summary *years, size_t n,
			   const report *prev, const report *current,
			   const bia_view *prev_bia, const bia_view *bia);

/* The ROI sheet (§6.3): the inputs of d (one-off investments, yearly
 * costs with the checklist item each advances, titled from q, losses
 * avoided, horizon, discount rate) as cells, the results as formulas over
 * them with d->roi's figures cached, the cumulative cash year by year and
 * a line chart of it. */
lxw_error xlsx_write_roi(lxw_workbook *wb, const xlsx_formats *f,
			 const calc_data *d, const questionnaire *q);

/* Where the ROI sheet of d keeps what the executive summary repeats: the
 * horizon N (an input) and the payback, net benefit over N years and ROI
 * (formulas), all in column col. False when d's figures overflow: the
 * sheet has no results then. */
typedef struct {
	lxw_row_t horizon, payback, net_n, roi;
	lxw_col_t col;
} xlsx_roi_at;
bool xlsx_roi_at_of(const calc_data *d, const questionnaire *q,
		    xlsx_roi_at *out);

/* The tiered investment sheet (§5): d's classes with their shares
 * (formulas) and a pie chart of them, then the scenarios' inputs as cells
 * and their results as formulas with d->invest's figures cached. */
lxw_error xlsx_write_invest(lxw_workbook *wb, const xlsx_formats *f,
			    const calc_data *d);

/* The 90-day programme sheet (§7): the start, the day of the programme on
 * g->today and the day number as a cell; one row per task of g (phase
 * with its name from q, title, checklist item, owner, status, due and
 * done dates, overdue) and one narrow column per programme day, where
 * conditional formats over the day columns draw each task's phase as a
 * bar (green when done, red when overdue) from two hidden columns holding
 * its first and last day, and mark today; below, the progress of each
 * phase and of the whole as COUNTIFS formulas with g->progress cached.
 * Frozen header and task titles. */
lxw_error xlsx_write_plan(lxw_workbook *wb, const xlsx_formats *f,
			  const agenda *g, const questionnaire *q);

/* The recurring duties sheet: one row per duty of g (title, rule in
 * words, what it is counted from, checklist item from q, first date, next
 * due, last done, overdue occurrences, their count and an overdue flag),
 * then the history of every duty, newest first, from g->events. */
lxw_error xlsx_write_duties(lxw_workbook *wb, const xlsx_formats *f,
			    const agenda *g, const questionnaire *q);

/* The business impact analysis of year (§2.1): one row per process of v
 * (critical, owner, daily volume, the MTD in force in words and minutes
 * and whether the grid suggested it or the manager chose it and why, the
 * RTO likewise, the safety margin as a formula over the minute cells with
 * v's margin cached, the RPO and planned level of its systems, its
 * reviews), then each process's impact grid (a row per outage duration:
 * the loss in currency, the ratings by their names, the overall rating,
 * the manager's words) with a heat map made by conditional formats on the
 * rating names, and the MTD sentence under it. */
lxw_error xlsx_write_bia(lxw_workbook *wb, const xlsx_formats *f,
			 const bia_view *v, int year, const char *currency);

/* The systems and DR levels of year (§3.1, §3.2): per system of v what it
 * must achieve and what sets it, the recommended and planned levels, the
 * plan in a sentence, the flags, the architecture with its verdict and
 * cost; under it the level table in use with its title, source, version,
 * note and the level rule. */
lxw_error xlsx_write_systems(lxw_workbook *wb, const xlsx_formats *f,
			     const bia_view *v, int year,
			     const char *currency);

/* The backups and verification of year (§3.3): per system of v its plan,
 * copies, the 3-2-1 sentence, the interval against its RPO, its last
 * restore test and freshness; the unit's ledger, newest first, each entry
 * with its RTA and RPA against the RTO and RPO in minutes and in words
 * and the duty occurrence of plan (may be NULL) it completed; then the
 * RTA of each system over time, oldest first, and a line chart of it with
 * a series per system. */
lxw_error xlsx_write_backups(lxw_workbook *wb, const xlsx_formats *f,
			     const verify_view *v, const agenda *plan, int year);
/* The drills sheet (§4.4): per drill its date, type, scenario, systems,
 * RTA and RTO in minutes with the verdict, the checks passed, the nine
 * checks of the evaluation sheet and the business figures (the loss in
 * currency); under it every finding with its drill, severity, owner, due
 * date and state on today. */
lxw_error xlsx_write_drills(lxw_workbook *wb, const xlsx_formats *f,
			    const xlsx_drill *drills, size_t n,
			    const drill_reference *ref, const char *currency,
			    date today);
/* The response card (§4.2) as `moat card` prints it at every level, one
 * line a row in a fixed-width font, on one A4 page; its version and
 * today's date on it. */
lxw_error xlsx_write_card(lxw_workbook *wb, const xlsx_formats *f,
			  const resp_reference *r, const resp_view *v,
			  const char *unit_name, date today);

/* The contacts in escalation order: order, role, name, phones, alternate,
 * levels, last confirmed, whether unconfirmed longer than the unit's days
 * on today, whether an example to replace. */
lxw_error xlsx_write_contacts(lxw_workbook *wb, const xlsx_formats *f,
			      const resp_reference *r, const resp_view *v,
			      date today);

/* The incidents, newest first: system, level, declared, restored and the
 * minutes between, closed, root cause, data lost, improvements; under
 * them every incident's log. */
lxw_error xlsx_write_incidents(lxw_workbook *wb, const xlsx_formats *f,
			       const resp_reference *r, const resp_view *v);

/* The contingency plans sheet: a row per plan with its state on today
 * (version, approval, reviews, review due), then each plan in full: its
 * fields, its steps, and where they changed since the approval the lines
 * added (+) and removed (-). */
lxw_error xlsx_write_contingency(lxw_workbook *wb, const xlsx_formats *f,
				 const cont_record *plans, size_t n, date today);

/* The registration forms sheet: each plan's blank 应急服务登记表 with its
 * columns, CONT_FORM_ROWS ruled rows and the back-entry deadline, one
 * form to a landscape A4 page. */
lxw_error xlsx_write_forms(lxw_workbook *wb, const xlsx_formats *f,
			   const cont_record *plans, size_t n,
			   const char *unit_name, date today);

/* One export under way: what is exported, with the years to chart (the
 * current one alone when in has none) and the day of the export. */
typedef struct {
	const xlsx_input *in;
	const year_summary *years; /* at least one, oldest first */
	size_t n_years;
	const char *exported_at; /* as given, "" when none */
	date day;                /* exported_at, year 0 when it is no date */
} xlsx_job;

/* A sheet of the workbook: whether this export has it (NULL: always) and
 * the function that writes it. */
typedef struct {
	bool (*present)(const xlsx_job *j);
	lxw_error (*write)(lxw_workbook *wb, const xlsx_formats *f,
			   const xlsx_job *j);
} xlsx_sheet_entry;

/* The group sheet: a title naming how many units and scope, then a row
 * per unit of rows (in their order) with the figures of `moat group
 * --csv` that a reader compares (counts as numbers, the ones past due
 * standing out), under a frozen, autofiltered header repeated on every
 * landscape page, and a totals row of SUM formulas. */
lxw_error xlsx_write_group(lxw_workbook *wb, const xlsx_formats *f,
			   const group_row *rows, size_t n, const char *scope);

/* Writes the sheets of a workbook into wb with the formats f. */
typedef lxw_error (*xlsx_book_fill)(lxw_workbook *wb, const xlsx_formats *f,
				    void *ctx);

/* Writes a workbook to path, atomically: its formats with the page header
 * naming company and exported_at ("YYYY-MM-DD", also the document's
 * creation date; "" for none), its properties, then fill(wb, f, ctx)'s
 * sheets. On failure path is untouched, no temporary file remains and err
 * says why (ST_IO: the file cannot be created or replaced, ST_EXPORT: the
 * library or fill failed). The library's messages are captured, not
 * printed. */
moat_status xlsx_book_write(const char *path, const char *company,
			    const char *exported_at, xlsx_book_fill fill,
			    void *ctx, char *err, size_t errlen);

/* Every sheet, in the order of the workbook (exports/xlsx_sheets.c). */
extern const xlsx_sheet_entry xlsx_sheet_list[];
extern const size_t xlsx_sheet_count;

#endif
