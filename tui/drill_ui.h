/* What the drill screens share: one drill as stored with its systems'
 * targets, the wall clock of the stopwatch, and the forms of a drill and
 * of a finding. */
#ifndef MOAT_DRILL_UI_H
#define MOAT_DRILL_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "model/store_drill.h"
#include "tui/screen.h"

/* A drill with the RTO of each of its systems in the year's analysis. */
typedef struct {
	bool loaded;
	drill_full f;
	int64_t rtos[DRILL_MAX_SYSTEMS];
	int64_t scope_rto; /* the strictest of them */
} drill_data;

/* (Re)reads drill id into d; false (d empty, the status line saying why)
 * when it cannot be read. */
bool drill_data_load(app *a, int64_t id, drill_data *d);
void drill_data_free(drill_data *d);

/* After a store write about drills: app_wrote_parts for their parts. */
bool drill_wrote(app *a, moat_status st);

/* The wall clock as the stopwatch stamps it, to the minute, and its
 * seconds. $MOAT_CLOCK_FILE, when set, names a file whose first line
 * ("YYYY-MM-DD HH:MM[:SS]") is the time instead, read at every call, so
 * that a test moves the clock by rewriting it. False when the clock (or
 * that file) cannot be read. */
bool drill_clock(verify_time *now, int *seconds);

/* The form that adds a drill (id 0: *select gets the new id) or edits
 * one's type, date, scenario, systems in scope, participants and
 * objectives. */
screen *drill_form_new(app *a, int64_t id, int64_t *select);

/* The form that adds a finding to drill id. */
screen *drill_finding_form_new(app *a, int64_t drill_id);

/* Prompts for the business figures of drill id: interruption, complaints
 * and financial loss. */
screen *drill_figure_prompt(app *a, int64_t drill_id, int which);
enum { DRILL_FIG_INTERRUPTION, DRILL_FIG_COMPLAINTS, DRILL_FIG_LOSS };

#endif
