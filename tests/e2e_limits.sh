#!/bin/bash
# Limits of typed text are counted in characters and stated when met: a
# form field, a prompt and a name cell each take their limit and no more,
# say "<field>: at most N characters" (in Chinese "<field>：最多 N 个字符")
# at the field, and store what was taken.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/moat.db
moat_cli --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null ||
	{ echo "init --demo failed"; exit 1; }

# repeat TEXT N: TEXT N times.
repeat() {
	local i out=
	for ((i = 0; i < $2; i++)); do out+=$1; done
	printf '%s' "$out"
}
newest() { sql "$db" "SELECT $1 FROM evidence WHERE id = (SELECT max(id) FROM evidence)"; }

start "$db" --lang en --today 2026-11-25
expect_screen "Level 2 Repeatable" "home shows"
keys c
expect_screen "Business contingency plans" "c opens the checklist"
keys e
expect_screen "Add evidence" "e opens the evidence form"
type_text "limits"
# Body, reference, owner, date, validity, reviewer.
keys Tab Tab Tab Tab Tab
type_text "$(repeat a 201)"
expect_screen "Reviewer: at most 200 characters" \
	"the 201st character is refused with the field and its limit"
keys C-s
expect_screen "saved " "the form saves"
expect_eq "$(newest reviewer)" "$(repeat a 200)" "the 200 characters taken are stored"

# A prompt: the currency unit ("10k CNY", 7 characters) takes 60.
keys q r
expect_screen "DR centre build" "r opens the ROI calculator"
keys u
expect_screen "Currency unit shown on every amount:" "u asks for the currency unit"
type_text "$(repeat b 60)"
expect_screen "Currency unit: at most 60 characters" "the prompt states its limit"
keys Enter
sleep 0.2
expect_sql "$db" "SELECT value FROM unit_param WHERE key = 'currency'" \
	"10k CNY$(repeat b 53)" "the currency unit stored has 60 characters"

# A name cell: "DR centre build" (15 characters) takes 120.
keys Enter End
type_text "$(repeat c 106)"
expect_screen "Name: at most 120 characters" "the name cell states its limit"
keys Enter
sleep 0.2
expect_sql "$db" "SELECT count(*) FROM roi_line WHERE name = 'DR centre build$(repeat c 105)'" 1 \
	"the name stored has 120 characters"
keys q q
expect_exit_ok

# In Chinese, 200 Chinese characters (600 bytes) fit the reviewer.
start "$db" --lang zh --today 2026-11-25
expect_screen "检查清单" "the Chinese home shows"
keys c
expect_screen "业务应急方案" "c opens the checklist in Chinese"
keys e
expect_screen "添加证据" "e opens the evidence form in Chinese"
type_text "上限"
keys Tab Tab Tab Tab Tab
type_text "$(repeat 审 201)"
expect_screen "审核人：最多 200 个字符" "the limit is stated in Chinese"
keys C-s
expect_screen "已保存 " "the form saves"
expect_eq "$(newest "length(reviewer) || ' ' || length(CAST(reviewer AS BLOB))")" "200 600" \
	"200 characters of 3 bytes are stored"
keys q q
expect_exit_ok
finish
