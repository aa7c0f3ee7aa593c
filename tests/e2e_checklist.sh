#!/bin/bash
# The checklist in a real terminal: change a state, add evidence with
# Chinese text through the keys, quit, and find both in the database and
# on a fresh start.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/moat.db
me=$(id -un)
moat_cli --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null ||
	{ echo "init --demo failed"; exit 1; }

start "$db" --lang en --today 2026-11-25
expect_screen "Level 2 Repeatable" "home shows the maturity level"
expect_screen "6/10 done" "home shows checklist progress"

keys c
expect_screen "Business contingency plans" "c opens the checklist"
expect_screen "○ not started" "item 7 starts not started"

# Item 7 (contingency): move down six rows and cycle its state.
keys Down Down Down Down Down Down
keys Space
expect_screen "◐ in progress" "Space cycles the state on screen"
sleep 0.2
expect_sql "$db" "SELECT state FROM item_state WHERE item_key='contingency' AND assessment_id = $CUR" 1 \
	"the new state is in the database at once"
expect_sql "$db" "SELECT user || ':' || old_value || '>' || new_value FROM audit_log WHERE key='contingency' ORDER BY id DESC LIMIT 1" \
	"$me:not_started>in_progress" "the change is in the audit log with the real user"

keys '?'
expect_screen "add evidence" "? lists the keys of the checklist"
keys x
expect_no_screen "Press any key to close" "any key closes the help"

# Open the item and add evidence: two lines of Chinese, a reference.
keys Enter
expect_screen "Checklist 7 of 10" "Enter opens the item"
expect_screen "No evidence yet" "the item has no evidence yet"
keys e
expect_screen "Add evidence" "e opens the evidence form"
type_text "纸质应急服务登记表已印制"
keys Enter
type_text "分发到各服务门店"
keys Tab
type_text "BCP-07"
keys Tab
keys C-u 2>/dev/null
keys C-s
expect_screen "纸质应急服务登记表已印制" "the saved evidence is listed"
expect_screen "Evidence (1)" "the evidence count shows 1"
expect_sql "$db" "SELECT body FROM evidence WHERE target='contingency'" \
	"纸质应急服务登记表已印制
分发到各服务门店" "the text is stored with its line break"
expect_sql "$db" "SELECT reference || '|' || entered_by || '|' || evidence_date || '|' || valid_months FROM evidence WHERE target='contingency'" \
	"BCP-07|$me|2026-11-25|12" "reference, user, date and validity are stored"

# An invalid date is refused at the field, nothing is stored.
keys e
expect_screen "Add evidence" "a second form opens"
type_text "Draft"
keys Tab Tab Tab
keys BSpace BSpace
type_text "99"
keys C-s
expect_screen "Enter a date as YYYY-MM-DD." "a bad date gets a message at the field"
keys Escape
expect_screen "Discard what you typed?" "Esc with typing asks first"
keys y
expect_screen "Checklist 7 of 10" "y discards and returns to the item"
expect_sql "$db" "SELECT count(*) FROM evidence WHERE target='contingency'" 1 \
	"the refused evidence was not stored"

# Walk on with n: the next item's explanation shows.
keys n
expect_screen "Checklist 8 of 10" "n moves to the next item"
keys 3
expect_screen "3 (•) done" "3 sets the state to done"
expect_sql "$db" "SELECT state FROM item_state WHERE item_key='drills' AND assessment_id = $CUR" 2 \
	"the state set in the item is stored"

keys q q q
expect_exit_ok

# A fresh start shows what was saved.
start "$db" --lang en --today 2026-11-25
expect_screen "7/10 done" "a fresh start counts the new done item"
keys c
expect_screen "◐ in progress" "a fresh start shows the changed state"
keys Down Down Down Down Down Down Enter
expect_screen "纸质应急服务登记表已印制" "a fresh start shows the evidence"
keys q q q
expect_exit_ok

finish
