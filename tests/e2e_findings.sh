#!/bin/bash
# The emergency response and the drills beside the checklist in a real
# terminal: items 6 (emergency response plan) and 9 (team formed and
# trained) marked when their "done" is not borne out by the contacts, the
# printed card and the drills; item 7 (contingency plans) by the plans
# against the critical systems; their findings on the item's screen; a
# print of the card taking its line away. In Chinese and in English.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/zh.db
demo_db "$db" zh

start "$db" --lang zh --today 2026-11-25
keys c
expect_screen "   6  应急预案                             ● 已完成 ！记录" \
	"zh: item 6 is marked: the records do not bear its done out"
expect_screen "   9  应急团队                             ● 已完成 ！记录" "zh: item 9 too"
keys Down Down Down Down Down Enter
expect_screen "记录结论" "zh: item 6's screen labels the records' lines"
expect_screen "已标记为已完成，但此处的记录不支持这一结论" "zh: and says the done is not borne out"
expect_screen "应急预案：3个联系人（共3个）是待替换的示例" "zh: the contacts are the demo's examples"
expect_screen "应急预案：应急响应流程卡（第4版）从未打印" "zh: the card was never printed"
expect_eq "$(sql "$db" "SELECT i.state FROM item_state i JOIN assessment a ON a.id = i.assessment_id
	WHERE i.item_key = 'emergency_plan' ORDER BY a.year DESC LIMIT 1")" 2 \
	"zh: the manager's state stays done"
keys Escape Down Down Down Enter
expect_screen "应急团队：流程卡的角色中有3个尚无人负责（共3个，示例不算）" \
	"zh: item 9: examples are not a team"
expect_screen "应急团队：2026-10-11的演练中各小组协同不畅" "zh: the last drill's teamwork failed"
keys Escape Escape q
expect_exit_ok

# Item 7: the plans against the systems critical processes use.
start "$db" --lang zh --today 2026-11-25
keys c
expect_screen "   7  业务应急方案" "zh: the checklist"
keys Down Down Down Down Down Down Enter
expect_screen "业务应急方案：工单管理系统支撑关键业务流程，却没有应急方案" \
	"zh: item 7: a critical system without a plan"
expect_screen "业务应急方案：客服管理系统的应急方案在第1版审批后又有改动" \
	"zh: a plan changed since its approval"
expect_no_screen "此处的记录不支持" "zh: not started: nothing to contradict"
keys Escape Escape q
expect_exit_ok

# A print of the card (from a shell) is seen on the next start.
moat_cli --db "$db" --lang zh --today 2026-11-25 card >/dev/null
start "$db" --lang zh --today 2026-11-25
keys c
expect_screen "检查清单" "zh: the checklist again"
keys Down Down Down Down Down Enter
expect_screen "应急预案：3个联系人（共3个）是待替换的示例" "zh: the examples are still said"
expect_no_screen "从未打印" "zh: the printed card is no longer said to be unprinted"
keys Escape Escape q
expect_exit_ok

db=$TMPD/en.db
demo_db "$db" en
start "$db" --lang en --today 2026-11-25
resize 120 40
keys m
expect_wrapped "Emergency plans complete: item 6 Emergency response plan is marked done, but what is recorded here does not support it" \
	"en: the maturity gap list names item 6"
keys Escape c
expect_screen "Emergency team formed and trained" "en: the checklist"
keys Down Down Down Down Down Down Down Down Enter
expect_screen "  Data    Marked done, but what is recorded here does not support it" \
	"en: item 9's screen labels the records' lines"
expect_screen "Team: last drill 2026-10-11 (Functional drill), 45 days ago" \
	"en: the last drill with its type and age"
keys Escape Escape q
expect_exit_ok
finish
