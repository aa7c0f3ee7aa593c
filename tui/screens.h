/* Constructors of the screens. Each returns NULL on no memory. */
#ifndef MOAT_SCREENS_H
#define MOAT_SCREENS_H

#include <stddef.h>
#include <stdint.h>

#include "model/programme.h"
#include "tui/screen.h"

screen *screen_home_new(void);
screen *screen_firstrun_new(void);
screen *screen_checklist_new(void);
/* The item screen at item index; walk=true starts a walk-through. */
screen *screen_item_new(app *a, size_t item, bool walk);
/* The evidence form for target (an item key): a new piece when
 * evidence_id is 0, else that piece. */
screen *screen_evidence_new(app *a, const char *target, int64_t evidence_id);
screen *screen_maturity_new(void);
/* The unit's years: open, start the next, finalise, compare. */
screen *screen_years_new(app *a);
screen *screen_units_new(app *a);
/* Two years side by side: earlier is compared with later. */
screen *screen_compare_new(app *a, int64_t earlier, int64_t later);
/* The audit log, filterable by user and item. */
screen *screen_audit_new(app *a);
/* One maturity criterion: answer, relied-on items, its own evidence. */
screen *screen_criterion_new(app *a, size_t crit);
/* The ROI calculator and the tiered investment planner of the unit. */
screen *screen_roi_new(app *a);
screen *screen_invest_new(app *a);
/* The 90-day programme: timeline, tasks; the task form; the agenda of
 * duties with its calendar. */
screen *screen_plan_new(void);
/* The programme with the cursor on task task_id (the first task when it
 * is not there). */
screen *screen_plan_new_at(int64_t task_id);
screen *screen_task_new(app *a, int64_t task_id);
screen *screen_agenda_new(app *a);
/* Every recurring duty of the unit: add, edit, pause, remove; and one
 * duty's rule, pauses and history. */
screen *screen_duties_new(app *a);
screen *screen_duty_history_new(int64_t duty_id);
/* The text of a task status in the current language. */
const char *plan_status_text(task_status s);
/* The business impact analysis: its processes; one process with its
 * impact grid; the systems with their DR levels; the data types; the
 * reference tables and the unit's settings of the analysis. */
screen *screen_bia_new(void);
screen *screen_bia_process_new(int64_t process_id);
screen *screen_bia_systems_new(void);
screen *screen_bia_data_new(void);
screen *screen_bia_reference_new(void);
/* The backups of the year's systems, the cursor on system_id (0: the
 * first); the verification ledger, filtered by system (NULL: all). */
screen *screen_backups_new(int64_t system_id);
screen *screen_ledger_new(app *a, const char *system);
/* The drills (§4.4): the list with the improvement list; one drill's
 * record with its evaluation and findings; the live stopwatch. */
screen *screen_drills_new(void);
screen *screen_drill_new(int64_t id);
screen *screen_stopwatch_new(int64_t id);
/* Emergency response: the levels with the card's and the contacts'
 * state; the contacts; the card as it prints. */
screen *screen_response_new(app *a);
screen *screen_contacts_new(app *a);
screen *screen_card_new(app *a);
/* The unit's incidents: declare one, open one with its steps and log. */
screen *screen_incidents_new(app *a);
/* Business contingency plans (§4.3): the unit's plans per system; one
 * plan with its steps, approval, review, the difference since its
 * approval, its registration form's columns and the form as it prints. */
screen *screen_contingency_new(app *a);
screen *screen_cont_plan_new(app *a, int64_t id);
/* Every unit side by side (model/group_view.h); Enter opens one. */
screen *screen_group_new(app *a);
/* Help overlay listing the keys of the screen below. */
screen *screen_help_new(const screen *below);

#endif
