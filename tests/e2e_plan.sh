#!/bin/bash
# The 90-day programme and the recurring duties in a real terminal:
# starting a programme, completing tasks (and the checklist item one
# advances), recording and skipping duty occurrences.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/plan.db
me=$(id -un)
moat_cli --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null ||
	{ echo "init --demo failed"; exit 1; }

start "$db" --lang en --today 2026-11-25
expect_screen "day 37 of 90 · phase 2 · 5/14 tasks done" "home shows the programme's day"
expect_screen "OVERDUE Monthly backup restore test (due 11-10)" "home shows the missed duty"

# --- The plan screen.
keys p
expect_screen "started 2026-10-20 · day 37 of 90 · 5/14 done" "p opens the timeline"
expect_screen "1 overdue" "with the overdue count"
expect_screen "Phase 1 Assess and plan" "the three phases"
expect_screen "▲ today" "today is marked"
expect_screen "Request the budget           liwei    11-18 OVERDUE" "the overdue task is flagged"
keys Down Down Down Down
keys Space
expect_screen "6/14 done" "Space completes the task"
expect_no_screen "1 overdue" "nothing is overdue any more"
expect_sql "$db" "SELECT status || '|' || done_date FROM plan_task WHERE title = 'Request the budget'" \
	"done|2026-11-25" "the status and completion date are stored"
# A task linked to a checklist item offers to update the item.
keys Down Down Space
expect_screen "Also mark checklist item 3 DR site / architecture as done? y / n" \
	"completing a linked task offers to update its item"
keys y
sleep 0.3
expect_sql "$db" "SELECT state FROM item_state WHERE item_key = 'dr_site' AND assessment_id = $CUR" \
	2 "y marks the checklist item done"
# Edit a task's owner in its form.
keys Enter
expect_screen "Edit task" "Enter opens the task form"
keys Tab Tab C-u
for _ in $(seq 8); do keys BSpace; done
type_text "chen"
keys C-s
sleep 0.3
expect_sql "$db" "SELECT owner FROM plan_task WHERE title = 'Build the DR site (or cloud DR)'" \
	"chen" "the owner is stored"
# Add a task to the same phase.
keys a
expect_screen "Title of the new task:" "a asks for a title"
type_text "Review supplier contracts"
keys Enter
expect_screen "Review supplier contrac" "the new task is listed"
expect_no_screen "Title of the new task:" "Enter closes the prompt (and stored the task)"
expect_sql "$db" "SELECT phase || '|' || due_date FROM plan_task WHERE title = 'Review supplier contracts'" \
	"2|2026-12-18" "it is due at the end of its phase"
keys q

# --- The duties agenda.
keys d
expect_screen "Overdue" "d opens the agenda"
expect_screen "2026-11-10 Monthly backup restore test" "the missed restore test is overdue"
expect_screen "2026-11" "with this month's calendar"
keys Enter
expect_screen "Record · Monthly backup restore test · due 2026-11-10" "Enter records the occurrence"
keys Tab
type_text "CRM restored in 52 min"
keys C-s
expect_screen "Recorded Monthly backup restore test." "the record is confirmed"
expect_no_screen "2026-11-10 Monthly backup restore test" "the occurrence is no longer overdue"
expect_sql "$db" "SELECT kind || '|' || event_date || '|' || result || '|' || entered_by FROM duty_event WHERE due_date = '2026-11-10'" \
	"done|2026-11-25|CRM restored in 52 min|$me" "the completion is stored"
expect_sql "$db" "SELECT count(*) FROM evidence WHERE target = 'restore_test' AND assessment_id = $CUR AND body LIKE '%52 min%'" \
	1 "and filed as evidence for the restore-test item"
# Skip the next one with a reason.
expect_screen "2026-12-10 Monthly backup restore test" "the next restore test is listed"
keys g h
expect_screen "every month on day 10, on a fixed schedule" "h shows the duty's rule"
expect_screen "2026-11-10 done     2026-11-25 ${me:0:7}" "its history lists the late completion"
expect_screen "CRM restored in 52 min" "with its result"
expect_screen "next due 2026-12-10" "and the next due date"
keys q
keys s
expect_screen "Skip Monthly backup restore test due 2026-12-10: why?" "s asks why"
type_text "Year-end freeze"
keys Enter
sleep 0.3
expect_sql "$db" "SELECT kind || '|' || note FROM duty_event WHERE due_date = '2026-12-10'" \
	"skipped|Year-end freeze" "the skip and its reason are stored"
keys ]
expect_screen "2026-12" "] shows next month"
keys q q
expect_exit_ok

# --- Starting a programme on a new organisation.
db2=$TMPD/new.db
start "$db2" --lang en --today 2026-11-25
keys n
type_text "Branch office"
keys Enter
expect_screen "Branch office · 2026 (draft)" "a new organisation"
keys p
expect_screen "No 90-day programme yet" "the plan screen offers to start"
keys s
expect_screen "Start the programme on (YYYY-MM-DD):" "s asks for the start date"
keys Enter
expect_screen "started 2026-11-25 · day 1 of 90 · 0/14 done" "the programme starts today"
expect_sql "$db2" "SELECT count(*) FROM plan_task" 14 "every template task is created"
expect_sql "$db2" "SELECT count(*) || '|' || min(start_date) FROM duty" "6|2027-02-23" \
	"the duties start after day 90"
keys q q
expect_exit_ok

finish
