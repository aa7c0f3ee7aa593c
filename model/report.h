/* A snapshot of one assessment, everything the screens' summaries, the CLI
 * and the workbook need, read in one go so they all show the same numbers. */
#ifndef MOAT_REPORT_H
#define MOAT_REPORT_H

#include "model/questionnaire.h"
#include "model/scoring.h"
#include "model/store.h"

typedef struct {
	const questionnaire *q; /* borrowed */
	date today;             /* the day evidence validity is judged on */
	unit unit;
	assessment assessment;
	item_state states[Q_MAX_ITEMS];
	/* Answers, with the evidence filed on each criterion. */
	crit_input answers[Q_MAX_CRITERIA];
	int evidence_count[Q_MAX_ITEMS];   /* all pieces per item */
	ev_count item_ev[Q_MAX_ITEMS];     /* valid / expired per item */
	int crit_evidence_own[Q_MAX_CRITERIA]; /* pieces filed on the criterion */
	size_t n_expiring; /* valid pieces that expire within 30 days */
	size_t n_expired;  /* pieces that no longer count */
	/* Newest evidence per item (by evidence date), or NULL. Points into
	 * evidence. */
	const evidence *latest[Q_MAX_ITEMS];
	evidence_list evidence; /* all evidence of the assessment */
	score_result score;
	size_t n_done, n_in_progress, n_not_started;
} report;

/* Reads assessment_id into r, judging evidence validity on today (or, for
 * a finalised year, on the day it was finalised). On
 * failure r is empty and the store's message says why. Release with
 * report_free. */
moat_status report_load(store *s, const questionnaire *q,
			int64_t assessment_id, date today, report *r);

/* Counts r's evidence into the per-item and per-criterion figures and
 * scores r. Pure: used by report_load and by tests on hand-made reports. */
void report_compute(report *r);

void report_free(report *r);

/* The evidence that speaks for criterion c: its own plus that of the
 * items it relies on. */
ev_count report_crit_evidence(const report *r, size_t c);

/* One year of a unit as a trend shows it. */
typedef struct {
	assessment assessment;
	int level; /* 1-5 */
} year_summary;

/* Every year of a unit, oldest first, with its level, in a new array
 * (free() it; *n may be 0). A finalised year's level is the one kept when
 * it was finalised, read without scoring it again; a draft (or a year
 * frozen before levels were kept) is scored as report_load would. When
 * current is not NULL, its own year takes its level from it instead of
 * reading the year again. */
moat_status report_years(store *s, const questionnaire *q, int64_t unit_id,
			 date today, const report *current, year_summary **out,
			 size_t *n);

/* Finalises assessment_id on today (store_assessment_finalise) with the
 * level it reaches on today, scored and frozen in one transaction so that
 * no change slips in between. */
moat_status report_finalise(store *s, const questionnaire *q,
			    int64_t assessment_id, date today, const char *user);

#endif
