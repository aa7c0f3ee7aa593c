#!/bin/bash
# The analysis beside the checklist in a real terminal: the findings of
# items 1-3 under their state, the list's marker on a "done" the analysis
# does not bear out (never changing the state), the same in the maturity
# gap list and in `moat score`; and the year comparison showing what
# changed in the analysis. In English and in Chinese.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

# expect_block LINES WHAT: the settled screen holds LINES, one under the
# other.
expect_block() {
	case $(settled_screen) in *"$1"*) pass "$2" ;;
	*) fail "$2: screen lacks the lines"; screen_text | sed 's/^/     | /' ;;
	esac
}

db=$TMPD/en.db
demo_db "$db" en

start "$db" --lang en --today 2026-11-25
expect_screen "Level 2 Repeatable" "moat starts on the demo"
keys c
# The demo ticks items 1 and 2 although its analysis lacks MTDs and RTOs.
expect_screen " 1  Business impact analysis             ● done !BIA" \
	"a done the analysis does not bear out is marked on the list"
expect_screen " 2  RTO/RPO set for critical systems     ● done !BIA" "item 2 too"
expect_screen " 3  DR site / architecture               ◐ in progress     1" \
	"an item in progress has no marker"
expect_screen " 4  3-2-1 backups                        ● done            1" \
	"nor has an item the analysis does not speak for"
expect_screen "Marked done, but the BIA recorded here does not support it" \
	"the footer says why for the item under the cursor"

# Item 3: the findings under the state, no contradiction while in progress.
keys Down Down Enter
expect_screen "Checklist 3 of 10" "Enter opens item 3"
expect_screen "BIA     DR: Rescue dispatch system plans level 5, needs 6" \
	"the findings stand under the state"
expect_screen "DR: Work order system has no level planned, needs 6" \
	"each system the plan leaves short is named"
expect_block "DR: Parts inventory system plans level 3, needs 5
          … 2 more lines (moat score lists them all)" \
	"the lines that do not fit at 80x24 are counted"
resize 80 30
expect_screen "DR: and 2 more" "a taller window shows them, past six the last says how many more"
expect_no_screen "more lines" "and none is left out"
resize 80 24
expect_no_screen "Marked done, but" "in progress contradicts nothing"

# Marking it done: stored as the manager says, and pointed out.
keys 3
expect_sql "$db" "SELECT state FROM item_state WHERE item_key = 'dr_site' AND assessment_id = $CUR" 2 \
	"3 marks the item done in the database, whatever the analysis says"
expect_screen "BIA     Marked done, but the BIA recorded here does not support it" \
	"the item screen points out the contradiction"
expect_screen "DR: Customer service system plans level 4, needs 5" \
	"with the findings under it"
keys Escape
expect_screen " 3  DR site / architecture               ● done !BIA" \
	"the list marks item 3 now"
expect_screen "Marked done, but the BIA recorded here does not support it" \
	"and the footer says why"

# The first item's findings say the reviews are due.
keys Up Up Enter
expect_screen "BIA: 2 of 6 critical processes have no MTD" "item 1's findings"
expect_screen "BIA: 8 of 8 processes are due for review (every 12 months)" \
	"the reviews due are said"
keys Escape Escape

# The maturity gap list names the contradiction where a criterion relies
# on the item.
keys m
expect_screen "• BIA completed and RTO/RPO set for all critical systems: item 1 Business…" \
	"the maturity gap list names the contradicted item after what blocks"
resize 100 40
expect_wrapped "BIA completed and RTO/RPO set for all critical systems: item 1 Business impact analysis is marked done, but the BIA recorded here does not support it" \
	"a taller window shows the whole sentence"
expect_wrapped "DR site in place: item 3 DR site / architecture is marked done, but the BIA recorded here does not support it" \
	"and the DR site criterion's"
resize 80 24
keys q q
expect_exit_ok

# moat score: the contradiction in the gap list, then the findings.
out=$(moat_cli --db "$db" --lang en --today 2026-11-25 score)
case $out in *"  - DR site in place: item 3 DR site / architecture is marked done, but the BIA recorded here does not support it"*)
	pass "score's gap list names the contradiction" ;;
*) fail "score gap list: $out" ;; esac
expect_eq "$(printf '%s\n' "$out" | sed -n '/^Item 3 /,$p' | head -3)" \
	"Item 3 DR site / architecture (done), by the BIA:
  ! Marked done, but the BIA recorded here does not support it
  DR: Rescue dispatch system plans level 5, needs 6" \
	"score prints item 3's state, the contradiction and the findings"

# --- The year comparison: this year's RTO of road rescue doubled (its
# system still needs level 6 for the RPO of 5 min), the parts inventory
# system planned a level higher, a process added.
sql "$db" "UPDATE bia_process SET rto = 30 WHERE name = 'Road rescue' AND assessment_id = $CUR"
sql "$db" "UPDATE bia_system SET planned_level = 4 WHERE name = 'Parts inventory system' AND assessment_id = $CUR"
sql "$db" "INSERT INTO bia_process (assessment_id, name, critical) VALUES ($CUR, 'Towing partners', 0)"
expect_eq "$(sql "$db" "SELECT rto FROM bia_process WHERE name = 'Road rescue' AND assessment_id <> $CUR")" 15 \
	"last year's analysis keeps its RTO"
start "$db" --lang en --today 2026-11-25
expect_screen "Level 2 Repeatable" "moat starts again"
keys y c
expect_screen "Business impact analysis: 3 changes" "the comparison counts the analysis's changes"
keys G
expect_screen "Towing partners" "the end of the list shows the analysis's changes"
expect_block " Business impact analysis: 3 changes
  Road rescue · RTO             15 min       → 30 min        changed
  Towing partners               —            → —             added
  Parts inventory system · pla… level 3      → level 4       changed" \
	"each change reads from the earlier year to the later: processes first, then systems"
keys q q q
expect_exit_ok

# --- In Chinese.
db=$TMPD/zh.db
demo_db "$db" zh_CN
moat_cli --db "$db" --lang zh_CN --today 2026-11-25 score >"$TMPD/score.txt"
expect_eq "$(sed -n '/^第2项 /,/^第3项 /p' "$TMPD/score.txt")" \
	"第2项 RTO/RPO定义（已完成），BIA分析结论：
  ！已标记为已完成，但此处记录的BIA不支持这一结论
  RTO/RPO：有2个关键系统缺少RTO（共5个）
第3项 灾备架构（进行中），BIA分析结论：" \
	"score in Chinese: the state, the contradiction and the findings"
grep -qxF "  - 完成BIA，明确RTO/RPO：第1项 业务影响分析 已标记为已完成，但此处记录的BIA不支持这一结论" "$TMPD/score.txt" &&
	pass "score's gap list names the contradiction in Chinese" ||
	fail "score gap list in Chinese: $(cat "$TMPD/score.txt")"
sql "$db" "UPDATE bia_system SET planned_level = 6 WHERE name = '救援调度系统' AND assessment_id = $CUR"

start "$db" --lang zh_CN --today 2026-11-25
expect_screen "第2级" "moat starts in Chinese"
keys c
expect_screen " 1  业务影响分析                         ● 已完成 ！BIA" \
	"the list's marker in Chinese"
keys Down Down Enter 3
expect_screen "分析结论  已标记为已完成，但此处记录的BIA不支持这一结论" \
	"the contradiction on the item screen in Chinese"
expect_screen "灾备：客服管理系统计划4级，需要5级" "the findings in Chinese"
expect_no_screen "救援调度系统计划" "the rescue system planned at the level it needs is no finding"
keys Escape Escape y c
expect_screen "业务影响分析：1处变化" "the comparison counts in Chinese"
keys G
expect_screen "救援调度系统 · 计划等级                   5级    → 6级     有变更" \
	"the changed level in Chinese"
keys q q q
expect_exit_ok
finish
