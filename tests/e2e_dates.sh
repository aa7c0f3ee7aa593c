#!/bin/bash
# Days that have not come yet are refused where they record what already
# happened: the date of evidence and of its review, the day a duty was
# done and the day a task was done. The reason shows at the field, what
# was typed stays, nothing is stored; today itself is taken. "Today" is
# the one passed with --today, whatever the clock says.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/moat.db
demo_db "$db"
future="Must be today (2026-11-25) or earlier."

start "$db" --lang en --today 2026-11-25
expect_screen "Level 2 Repeatable" "home shows"

# --- Evidence dated next month, reviewed next month.
keys c Down Down Down Down Down Down e
expect_screen "Add evidence · Business contingency plans" "e opens the evidence form"
type_text "Paper fallback forms printed"
keys Tab Tab Tab C-u
type_text "2026-12-01"
keys C-s
expect_screen "$future" "evidence dated after today is refused at the field"
expect_screen "2026-12-01" "the date typed stays"
expect_sql "$db" "SELECT count(*) FROM evidence WHERE body = 'Paper fallback forms printed'" 0 \
	"nothing is stored"
keys C-u
type_text "2026-11-25"
keys Tab Tab Tab
type_text "2026-11-26"
keys C-s
expect_screen "$future" "a review date after today is refused too"
keys C-u
type_text "2026-11-24"
keys C-s
expect_sql "$db" "SELECT evidence_date || '|' || review_date FROM evidence WHERE body = 'Paper fallback forms printed'" \
	"2026-11-25|2026-11-24" "today and yesterday are taken"
keys q

# --- A duty done next month.
keys d
expect_screen "2026-11-10 Monthly backup restore test" "the agenda lists the missed restore test"
keys Enter
expect_screen "Record · Monthly backup restore test · due 2026-11-10" "Enter opens its record"
keys C-u
type_text "2026-12-25"
keys C-s
expect_screen "$future" "a duty done after today is refused at the field"
expect_sql "$db" "SELECT count(*) FROM duty_event WHERE due_date = '2026-11-10'" 0 "nothing is stored"
keys C-u
type_text "2026-11-24"
keys C-s
expect_sql "$db" "SELECT kind || '|' || event_date FROM duty_event WHERE due_date = '2026-11-10'" \
	"done|2026-11-24" "done yesterday is taken"
keys q

# --- A task done next week.
keys p
expect_screen "Phase 1 Assess and plan" "p opens the programme"
keys G Enter
expect_screen "Edit task" "Enter opens the last task's form"
title=$(sql "$db" "SELECT title FROM plan_task ORDER BY phase DESC, id DESC LIMIT 1")
status=$(sql "$db" "SELECT status FROM plan_task WHERE title = '$title'")
keys Tab Tab Tab Tab
type_text "2026-12-02"
keys C-s
expect_screen "$future" "a task done after today is refused at the field"
expect_sql "$db" "SELECT status || '|' || done_date FROM plan_task WHERE title = '$title'" \
	"$status|" "the task is unchanged"
keys Escape y q q
expect_exit_ok

# --- In Chinese.
zdb=$TMPD/zh.db
moat_cli --db "$zdb" --lang zh --today 2026-11-25 init --demo >/dev/null
start "$zdb" --lang zh --today 2026-11-25
expect_screen "第2级 可重复级" "the Chinese home shows"
keys c e
type_text "未来的证据"
keys Tab Tab Tab C-u
type_text "2027-01-01"
keys C-s
expect_screen "须为今天（2026-11-25）或更早的日期。" "the refusal in Chinese"
keys Escape y q q
expect_exit_ok

finish
