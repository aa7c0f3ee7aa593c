/* A snapshot of one assessment, everything the screens' summaries, the CLI
 * and the workbook need, read in one go so they all show the same numbers. */
#ifndef MOAT_REPORT_H
#define MOAT_REPORT_H

#include "model/questionnaire.h"
#include "model/scoring.h"
#include "model/store.h"

typedef struct {
	const questionnaire *q; /* borrowed */
	unit unit;
	assessment assessment;
	item_state states[Q_MAX_ITEMS];
	crit_input answers[Q_MAX_CRITERIA];
	int evidence_count[Q_MAX_ITEMS];
	/* Newest evidence per item (by evidence date), or NULL. Points into
	 * evidence. */
	const evidence *latest[Q_MAX_ITEMS];
	evidence_list evidence; /* all evidence of the assessment */
	score_result score;
	size_t n_done, n_in_progress, n_not_started;
} report;

/* Reads assessment_id into r. On failure r is empty and the store's
 * message says why. Release with report_free. */
moat_status report_load(store *s, const questionnaire *q,
			int64_t assessment_id, report *r);

void report_free(report *r);

#endif
