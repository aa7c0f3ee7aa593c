#!/bin/bash
# Typing into fields in a real terminal: a text wider than its cell shows
# the end being typed and keeps its view while the cursor moves inside it;
# Ctrl-U clears a cell, a prompt and a form field alike; at 80x24 and
# 132x40, in English and in Chinese.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/moat.db
demo_db "$db"

start "$db" --lang en --today 2026-11-25
expect_screen "payback 1.09 years" "home shows"
keys r
expect_screen "DR centre build" "r opens the ROI calculator"
# The name cell is 24 columns wide; the name grows past it.
keys Enter End
type_text " in the second data hall"
expect_screen "in the second data hall " "the end being typed shows in the cell"
expect_no_screen "DR centre build in" "the start has scrolled out of the cell"
keys Left Left Left
expect_screen "in the second data hall " "moving left inside the view keeps the end in view"
keys Home
expect_screen "DR centre build in the s" "Home brings the start back"
keys C-u
type_text "Data hall 2"
keys Enter
expect_sql "$db" "SELECT count(*) FROM roi_line WHERE name = 'Data hall 2'" 1 \
	"Ctrl-U clears the cell: only what was typed after it is stored"
keys q

# A prompt: the export file name.
keys x
expect_screen "Export workbook to:" "x asks where to export"
keys C-u
type_text "$TMPD/cleared.xlsx"
keys Enter
expect_screen "Workbook written" "the export reports success"
if [ -s "$TMPD/cleared.xlsx" ]; then
	pass "Ctrl-U clears the prompt: the workbook is where the typed name says"
else
	fail "no workbook at $TMPD/cleared.xlsx: $(screen_text | tail -1)"
fi

# A form field: the evidence owner, filled in with the user's login.
keys c e
expect_screen "Add evidence" "e opens the evidence form"
type_text "Owner cleared"
keys Tab Tab C-u
type_text "wang"
keys C-s
expect_sql "$db" "SELECT owner FROM evidence WHERE body = 'Owner cleared'" "wang" \
	"Ctrl-U clears a form field"
keys q q
expect_exit_ok

# Chinese in a larger window: double-width text scrolls by whole characters.
zdb=$TMPD/zh.db
moat_cli --db "$zdb" --lang zh --today 2026-11-25 init --demo >/dev/null
start "$zdb" --lang zh --today 2026-11-25
resize 132 40
expect_screen "回收期 1.09 年" "the Chinese home shows at 132x40"
keys r
expect_screen "灾备中心建设" "the ROI calculator in Chinese"
keys Enter End
type_text "一期工程第二数据机房扩容项目"
expect_screen "第二数据机房扩容项目" "the end of a Chinese name being typed shows"
expect_no_screen "灾备中心建设一期" "its start has scrolled out"
keys Left Left Left
expect_screen "第二数据机房扩容项目" "moving left keeps the view"
keys C-u
type_text "二号机房"
keys Enter
expect_sql "$zdb" "SELECT count(*) FROM roi_line WHERE name = '二号机房'" 1 \
	"Ctrl-U clears a Chinese name"
keys q q
expect_exit_ok

# At 80 columns the evidence form's title and who entered the piece do
# not both fit on one row: the title keeps it whole, the entry goes below.
start "$db" --lang en --today 2026-11-25
expect_screen "payback" "home shows again"
keys c j Enter
expect_screen "Checklist 2 of 10" "item 2 opens"
keys Tab Enter
expect_screen "Edit evidence" "its evidence opens for editing"
expect_eq "$(settled_screen | sed -n 3p)" " Edit evidence · RTO/RPO set for critical systems" \
	"the title is whole and alone on its row"
case $(settled_screen | sed -n 4p) in
*"entered by "*) pass "who entered it is on the row below" ;;
*) fail "who entered it is not on the row below" ;;
esac
keys Escape q q q
expect_exit_ok

finish
