#!/bin/bash
# A screen reads only the parts of the unit's data it shows; what changed
# while another screen was on top still shows when the user comes back:
# changes committed by another process while the checklist is open (the
# ROI figures, the programme, a kept year level) are on home on return,
# and a write on one screen (a checklist state) shows on the others.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/moat.db
demo_db "$db"
aid=$(sql "$db" "SELECT id FROM assessment WHERE year = 2026")

start "$db" --lang en --today 2026-11-25
expect_screen "payback 1.09 years" "home shows the payback"
expect_screen "Years        2025 L1 · 2026 L2" "home shows the years"
expect_screen "5/14 tasks done" "home shows the programme"
expect_screen "6/10 done" "home shows the checklist"

keys c
expect_screen "moat · Checklist" "the checklist opens"
# Another process commits while the checklist is on top: the one-off
# investment in the DR centre doubles and more (300 -> 630, in 10k CNY,
# kept in hundredths), a task is done, the 2025 level is kept as 3.
sql "$db" "UPDATE roi_line SET amount = 63000 WHERE name = 'DR centre build'"
sql "$db" "UPDATE plan_task SET status = 'done', done_date = '2026-11-20'
	   WHERE id = (SELECT min(id) FROM plan_task WHERE status = 'not_started')"
sql "$db" "UPDATE assessment SET final_level = 3 WHERE year = 2025"
# And one that the checklist shows: item 7 in progress.
sql "$db" "INSERT OR REPLACE INTO item_state
	   (assessment_id, item_key, state, updated_by, updated_at)
	   VALUES ($aid, 'contingency', 1, 'other', '2026-11-25T08:00:00Z')"
expect_screen "7  Business contingency plans           ◐ in progress" \
	"the open checklist shows the other process's change"
keys q
# One-off 630 + 50 + 10 = 690 over a yearly net benefit of 330.
expect_screen "payback 2.09 years" "home shows the new payback on return"
expect_screen "6/14 tasks done" "home shows the task done meanwhile"
expect_screen "Years        2025 L3 · 2026 L2" "home shows the kept level"
expect_screen "6/10 done · 4 in progress" "home counts the item in progress"

# A write on the checklist shows on home and on the years screen.
keys c j j j j j j Space
expect_screen "7  Business contingency plans           ● done" "Space sets item 7 done"
expect_sql "$db" "SELECT state FROM item_state WHERE assessment_id = $aid
		  AND item_key = 'contingency'" 2 "and stores it"
keys q
expect_screen "7/10 done · 3 in progress" "home counts it"
keys y
expect_screen "moat · Years" "the years screen opens"
expect_screen "2025   Level 3" "the years screen reads the kept level"
keys q q
expect_exit_ok
finish
