#!/bin/bash
# First run, the home screen, the maturity screen, export from the
# interface, resizing and the Chinese interface, in a real terminal.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

# --- First run on an empty database: create an organisation by name.
db=$TMPD/first.db
start "$db" --lang en --today 2026-11-25
expect_screen "Welcome to moat" "an empty database opens the first-run screen"
keys n
expect_screen "Name of the organisation unit:" "n asks for a name"
type_text "华南售后服务中心"
keys Enter
expect_screen "华南售后服务中心 · 2026 (draft)" "the new unit opens on home"
expect_screen "Level 1 Initial" "a new unit starts at level 1"
expect_screen "0/10 done" "with nothing done"
expect_sql "$db" "SELECT u.name || '|' || a.year FROM org_unit u JOIN assessment a ON a.unit_id = u.id" \
	"华南售后服务中心|2026" "the unit and its 2026 assessment are stored"
keys q
expect_exit_ok

# --- First run, demo: the document's organisation.
db=$TMPD/demo.db
start "$db" --lang en --today 2026-11-25
expect_screen "Welcome to moat" "first-run screen again"
keys d
expect_screen "East China After-Sales" "d loads the demo organisation"
expect_screen "Level 2 Repeatable" "the demo is at level 2"
expect_screen "risk high" "with its risk label"
expect_screen "blocked by: 3 DR site / architecture" "home names what blocks level 3"

# --- Maturity: all five levels, the gap list, the criterion screen.
keys m
expect_screen "L1 ✓  L2 ✓  L3 ✗2  L4 ✗4  L5 ✗3" "the maturity screen sums up all five levels"
expect_screen "To reach Level 3 Defined:" "and the gap list for the next level"
expect_screen "DR site in place: item 3 DR site / architecture is in progress, needs done" \
	"the gap names the criterion, the item and the states"
expect_screen "expired on 2026-10-26" "and the evidence that expired"
expect_screen "ev 1 (1 exp)" "criteria show their evidence, expired counted apart"
keys Enter
expect_screen "Level 2 Repeatable · criterion" "Enter opens the criterion"
expect_screen "A basic backup process is in place" "with its text"
expect_screen "1) 4 3-2-1 backups" "and the items it relies on"
keys q
# Finish the DR site and the restore tests through the criterion screen.
keys Down Down Down Down
keys Enter
expect_screen "DR site in place" "the DR site criterion"
keys 1
expect_screen "Checklist 3 of 10" "1 opens the first item the criterion relies on"
keys 3
keys n n 3 q q
expect_screen "To reach Level 3 Defined:" "done items alone do not reach level 3"
expect_screen "expired on 2026-10-26" "because the restore evidence expired"
# New restore evidence unblocks level 3.
keys Down Down Enter
expect_screen "Backups restore-tested regularly" "the restore criterion"
keys 2
expect_screen "Checklist 5 of 10" "2 opens its second item"
expect_screen "EXPIRED" "the old report shows as expired"
keys e
type_text "Restore drill: CRM to test env in 47 min (RTO 2 h)"
keys C-s
expect_screen "until 2027-11-25" "the new evidence is valid for 12 months"
keys q q
expect_screen "L1 ✓  L2 ✓  L3 ✓" "adding evidence reaches level 3"
expect_screen "To reach Level 4 Managed:" "and the gap list moves on"
expect_eq "$(moat_cli --db "$db" --lang en --today 2026-11-25 score | head -1)" \
	"East China After-Sales Service Centre · 2026 · Level 3 Defined · risk medium" \
	"moat score agrees with the screen"
# Answer the benchmark criterion of level 5 (no item behind it).
keys G
expect_screen "L5  Optimised" "G scrolls to the last level"
keys Space
expect_screen "met" "Space answers the criterion"
expect_sql "$db" "SELECT answer FROM criterion_answer WHERE criterion_key = 'l5.benchmark'" \
	"met" "the answer is stored"
keys n
expect_screen "Why does this criterion not apply?" "n asks why the criterion does not apply"
type_text "Unit is not benchmarked separately"
keys Enter
expect_screen "not applicable" "the criterion shows as not applicable"
expect_sql "$db" "SELECT answer || '|' || reason FROM criterion_answer WHERE criterion_key = 'l5.benchmark'" \
	"na|Unit is not benchmarked separately" "the reason is stored"
keys q

# --- Export from the interface.
keys x
expect_screen "Export workbook to:" "x asks where to export"
keys C-u
for _ in $(seq 20); do keys BSpace; done
type_text "$TMPD/from-tui.xlsx"
keys Enter
expect_screen "Workbook written" "the export reports success"
if [ -s "$TMPD/from-tui.xlsx" ]; then pass "the workbook exists"; else fail "no workbook written"; fi

# --- Resize: larger redraws, too small says so, back to normal.
resize 120 34
expect_screen "East China After-Sales Service Centre · 2026 (draft)" "a larger window redraws"
resize 60 18
expect_screen "Terminal too small" "a tiny window says it is too small"
resize 80 24
expect_screen "Level 3 Defined" "back at 80x24 the home screen returns"
keys q
expect_exit_ok

# --- Chinese interface and questionnaire; NO_COLOR respected.
zdb=$TMPD/zh.db
moat_cli --db "$zdb" --lang zh --today 2026-11-25 init --demo >/dev/null
NO_COLOR=1 start "$zdb" --lang zh --today 2026-11-25
expect_screen "华东售后服务中心 · 2026（草稿）" "the Chinese demo opens"
expect_screen "第2级 可重复级" "the level in Chinese"
expect_screen "已完成 6/10" "progress in Chinese"
keys c
expect_screen "业务应急方案" "checklist titles in Chinese"
expect_screen "○ 未开始" "states in Chinese"
keys q m
expect_screen "达到第3级已定义级还需：" "gap list in Chinese"
if tmux -L "$SOCK" capture-pane -p -e | grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7])(;[0-9;]*)?m|\e\\[38;'; then
	fail "NO_COLOR: colours were sent"
else
	pass "NO_COLOR: no colours on screen"
fi
keys q q
expect_exit_ok

# With colours allowed, they are used (so the check above can fail).
start "$zdb" --lang zh --today 2026-11-25
expect_screen "华东售后服务中心" "started again with colours"
if tmux -L "$SOCK" capture-pane -p -e | grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7])(;[0-9;]*)?m|\e\\[38;'; then
	pass "colours are used when NO_COLOR is unset"
else
	fail "no colours without NO_COLOR"
fi

# A signal ends moat with the terminal restored and the data kept.
keys c Space
sleep 0.3
pids=$(moat_pids "$zdb")
expect_eq "$(echo "$pids" | wc -w)" 1 "one moat runs on the database"
kill -TERM $pids
expect_screen "EXIT=143" "SIGTERM ends moat with its own status"
expect_sql "$zdb" "SELECT state FROM item_state WHERE item_key = 'bia' AND assessment_id = $CUR" 0 \
	"the edit made before the signal is kept"
expect_sql "$zdb" "PRAGMA integrity_check" "ok" "the database is intact"

finish
