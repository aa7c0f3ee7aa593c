#!/bin/bash
# Input that is refused says why at the field and keeps what was typed:
# the evidence validity, an empty "not applicable" reason and an empty
# skip reason each leave their prompt open with the reason, store nothing,
# and take a valid answer afterwards; in English and in Chinese.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/moat.db
demo_db "$db"

start "$db" --lang en --today 2026-11-25
expect_screen "Level 2 Repeatable" "home shows"

# --- The validity setting.
keys v
expect_screen "Default validity of new evidence" "v asks for the validity"
keys C-u
type_text "0"
keys Enter
expect_screen "Enter a whole number of months from 1 to 120." "0 months is refused at the field"
expect_screen "Default validity of new evidence" "the prompt stays open"
expect_screen "│ 0 " "with what was typed"
expect_sql "$db" "SELECT validity_months FROM org_unit" 12 "nothing is stored"
keys C-u
type_text "1.5"
keys Enter
expect_screen "│ 1.5 " "a fraction is refused and kept too"
expect_screen "Enter a whole number of months from 1 to 120." "with the reason"
keys C-u
type_text "6"
expect_no_screen "Enter a whole number" "typing clears the refusal"
keys Enter
expect_screen "New evidence is now valid 6 months." "a valid validity is taken"
expect_sql "$db" "SELECT validity_months FROM org_unit" 6 "and stored"

# --- "Not applicable" needs a reason.
keys m
expect_screen "L1 ✓  L2 ✓" "m opens the maturity screen"
keys n
expect_screen "Why does this criterion not apply?" "n asks why the criterion does not apply"
keys Enter
expect_screen "Reason is required: type it, or Esc to cancel." "an empty reason is refused at the field"
expect_screen "Why does this criterion not apply?" "the prompt stays open"
expect_sql "$db" "SELECT count(*) FROM criterion_answer WHERE answer = 'na' AND assessment_id = $CUR" 0 \
	"nothing is stored"
type_text "Backups run at the head office"
keys Enter
expect_sql "$db" "SELECT reason FROM criterion_answer WHERE answer = 'na' AND assessment_id = $CUR" \
	"Backups run at the head office" "with a reason it is stored"
keys q

# --- Skipping a duty needs a reason.
keys d
expect_screen "2026-11-10 Monthly backup restore test" "d opens the agenda on the missed test"
keys s
expect_screen "Skip Monthly backup restore test due 2026-11-10: why?" "s asks why"
keys Enter
expect_screen "Reason is required: type it, or Esc to cancel." "an empty skip reason is refused at the field"
expect_sql "$db" "SELECT count(*) FROM duty_event WHERE due_date = '2026-11-10'" 0 "nothing is stored"
keys Escape
expect_no_screen "Skip Monthly backup" "Esc cancels"
expect_screen "2026-11-10 Monthly backup restore test" "and the test is still overdue"
keys q q
expect_exit_ok

# --- In Chinese.
zdb=$TMPD/zh.db
moat_cli --db "$zdb" --lang zh --today 2026-11-25 init --demo >/dev/null
start "$zdb" --lang zh --today 2026-11-25
expect_screen "第2级 可重复级" "the Chinese home shows"
keys v
keys C-u
type_text "121"
keys Enter
expect_screen "请输入 1 到 120 之间的整数月数。" "121 months is refused in Chinese"
expect_screen "│ 121 " "and kept"
keys Escape
expect_sql "$zdb" "SELECT validity_months FROM org_unit" 12 "Esc leaves the validity as it was"
keys m n Enter
expect_screen "原因为必填项：请输入，或按 Esc 取消。" "an empty reason is refused in Chinese"
keys Escape q q
expect_exit_ok

# A number too large, or out of its range, is refused with the limits, in
# the cell's unit, and nothing is stored.
start "$db" --lang en --today 2026-11-25
expect_screen "payback" "home shows again"
keys r
expect_screen "DR centre build" "the ROI calculator opens"
keys Tab
type_text "999999999999999"
keys Enter
expect_screen "Too large: at most 1000000000000." "a huge amount is refused with its limit"
expect_sql "$db" "SELECT amount FROM roi_line WHERE name = 'DR centre build'" 30000 \
	"and the amount stays"
keys Escape q i
expect_screen "DR level" "the investment opens"
keys Tab
type_text "150"
keys Enter
expect_screen "Out of range: 1 to 6." "a DR level out of range is refused with the range"
keys Escape q q
expect_exit_ok
start "$zdb" --lang zh --today 2026-11-25
expect_screen "华东售后服务中心" "the Chinese home shows again"
keys r Tab
type_text "999999999999999"
keys Enter
expect_screen "数值过大：最大为 1000000000000。" "and in Chinese"
keys Escape q q
expect_exit_ok

finish
