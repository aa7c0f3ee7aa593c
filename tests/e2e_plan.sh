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
expect_screen "Phase 1 Assess and plan · due 2026-11-18 · 4/5 done" "each phase heads its tasks"
expect_screen "Request the budget          liwei    11-18 in progress OVERDUE" \
	"the overdue task is flagged beside its status"
keys Down Down Down Down
keys Space
expect_screen "6/14 done" "Space completes the task"
expect_no_screen "1 overdue" "nothing is overdue any more"
expect_sql "$db" "SELECT status || '|' || done_date FROM plan_task WHERE title = 'Request the budget'" \
	"done|2026-11-25" "the status and completion date are stored"
# A task linked to a checklist item offers to update the item (past the
# heading of phase 2).
keys Down Down Down Space
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
expect_screen "Title of the new task in phase 2 Build:" "a asks for a title, naming the phase"
type_text "Review supplier contracts"
keys Enter
expect_screen ">   Review supplier contrac" "the new task is listed, under the cursor"
expect_no_screen "Title of the new task:" "Enter closes the prompt (and stored the task)"
expect_sql "$db" "SELECT phase || '|' || due_date FROM plan_task WHERE title = 'Review supplier contracts'" \
	"2|2026-12-18" "it is due at the end of its phase"
# On phase 3's heading, a adds to phase 3 (due at its end).
keys G
expect_screen ">   Set up continuous improvem" "G goes to the last task"
keys k k k k
expect_screen "> Phase 3 Verify and optimise · due 2027-01-17 · 0/4 done" "the cursor stands on phase 3's heading"
keys Space
expect_screen "This is a phase's heading: a adds a task to it" "a task's key on a heading says where it works"
keys a
expect_screen "Title of the new task in phase 3 Verify and optimise:" "a on a heading adds to its phase"
type_text "Audit the DR contract"
keys Enter
expect_screen ">   Audit the DR contract" "the cursor lands on the new task"
expect_sql "$db" "SELECT phase || '|' || due_date || '|' || status FROM plan_task WHERE title = 'Audit the DR contract'" \
	"3|2027-01-17|not_started" "it gets phase 3's due date"
# The form edits the status and the checklist item the task advances.
keys Enter
expect_screen "Edit task" "Enter opens its form"
keys Tab Tab Tab
expect_screen "Status          not started  Space or ←→ to change" "the status is a choice"
keys Space Space Space
expect_screen "Status          blocked" "Space cycles it to blocked"
keys Tab Tab Right Right Right Right Right
expect_screen "Checklist item  5 Restore tests run regularly" "the arrows choose the checklist item"
keys C-s
expect_sql "$db" "SELECT status || '|' || item_key || '|' || done_date FROM plan_task WHERE title = 'Audit the DR contract'" \
	"blocked|restore_test|" "status and item are stored"
expect_screen "Audit the DR contract       —        01-17 blocked" "blocked shows on the list"
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
keys q

# Overdue and blocked at once: both show.
keys p g Down Down Down Down Down
expect_screen ">   Request the budget          liwei    11-18 done" "back on the budget task"
keys Enter Tab Tab Tab Right
expect_screen "Status          blocked" "Right takes a done task to blocked"
keys C-s
expect_sql "$db" "SELECT status || '|' || done_date FROM plan_task WHERE title = 'Request the budget'" \
	"blocked|" "the done date goes with the done status"
expect_screen "Request the budget          liwei    11-18 blocked     OVERDUE" \
	"an overdue task's status stays visible"
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
