/* The edits of the business impact analysis that several screens offer
 * (the processes list and one process; the systems list; the reference
 * screen's settings): each returns the prompt to push (NULL when there is
 * nothing to ask or no memory) or writes at once, and every write goes
 * through the store, so a refusal (an RTO not under the MTD, a finalised
 * year) is said where it was typed or on the status line. Shared drawing
 * of the analysis's values lives here too. */
#ifndef MOAT_BIA_EDIT_H
#define MOAT_BIA_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/bia.h"
#include "model/bia_view.h"
#include "tui/draw.h"
#include "tui/screen.h"

/* ---- Drawing ---- */

/* A duration right-aligned in w columns ("—" when not set). */
void bia_draw_minutes(int y, int x, int w, draw_role role, int64_t minutes);

/* The heat map's role for a rating (colour, or an attribute without it)
 * and its glyph, which tells the ratings apart without colour too. */
draw_role bia_heat_role(bia_rating r);
const char *bia_heat_glyph(bia_rating r);

/* Process i of v: its RTO with the margin (or that it has none yet), and
 * its review (last, next, overdue or never), one row each at (y, x). */
void bia_draw_rto_line(int y, int x, int w, const bia_view *v, size_t i);
void bia_draw_review_line(int y, int x, int w, const bia_view *v, size_t i);

/* An id in memory of its own, for a prompt's context (NULL: no memory). */
int64_t *bia_id_ref(int64_t id);

/* The status of a write of the analysis (app_wrote_parts with PART_BIA). */
bool bia_wrote(app *a, moat_status st);

/* ---- Processes (by id, of the current year) ---- */

screen *bia_add_process(app *a);
screen *bia_rename_process(app *a, int64_t id);
screen *bia_edit_owner(app *a, int64_t id);
screen *bia_edit_volume(app *a, int64_t id);
/* The RTO: refused at the field unless shorter than the MTD in force;
 * empty clears it. */
screen *bia_edit_rto(app *a, int64_t id);
/* The MTD by hand, then its reason; empty goes back to the suggestion. */
screen *bia_edit_mtd(app *a, int64_t id);
void bia_toggle_critical(app *a, int64_t id);
/* Records a review of the process's analysis today. */
void bia_mark_reviewed(app *a, int64_t id);
screen *bia_delete_process(app *a, int64_t id);

/* ---- Settings of the unit ---- */

/* The outage durations of the year's grids, as a list ("15 min, 1 h"). */
screen *bia_edit_durations(app *a);
/* Steps the rating from which an outage is intolerable (low..extreme). */
void bia_step_intolerable(app *a);
screen *bia_edit_margin(app *a);
screen *bia_edit_review_months(app *a);
/* Makes the next DR level table of the reference the one in use. */
void bia_next_table(app *a);

#endif
