#!/bin/bash
# A wide terminal (132x40) gives the long text columns its width: the
# checklist's items, an item's texts, the evidence list, the audit log's
# subjects, the comparison of two years, the investment's classes and the
# programme's phases. Rows are compared exactly.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/en.db
zdb=$TMPD/zh.db
demo_db "$db"
demo_db "$zdb" zh

# row N: line N of the settled screen.
row() { settled_screen | sed -n "$1p"; }

start "$db" --lang en --today 2026-11-25
resize 132 40
expect_screen "Level 2 Repeatable" "home at 132x40"

keys c
expect_screen "Emergency team formed and trained" "the checklist"
expect_eq "$(row 12)" \
	"   9  Emergency team formed and trained                                             ● done !REC       1    liwei" \
	"checklist: the item column takes the width"

keys Enter
expect_screen "Checklist 1 of 10" "the first item"
expect_eq "$(row 6)" \
	"  Why     Before investing in DR, find the processes that are your lifeline and protect them first; the BIA's impacts and MTD set" \
	"item: why wraps at the window's width"
expect_eq "$(row 13)" \
	"  BIA     Marked done, but the BIA recorded here does not support it" \
	"item: the analysis's verdict under the state"
expect_eq "$(row 18)" \
	"   2026-09-24 BIA report v2: the 8 after-sales processes, impact at 15 min, 1 h, 4 h and 24 h, MTD… until 2027-09-24    liwei" \
	"evidence list: the text column takes the width"
keys q q

keys a
expect_screen "all changes, newest first" "the audit log"
# The time of each entry is the clock's at init: compared from the user on.
# The user column holds whoever runs the test: compared up to its width.
me=$(id -un | cut -c1-7)
expect_eq "$(row 4 | sed 's/^ [0-9-]* [0-9:]* //' | cut -c1-${#me})" "$me" \
	"audit: the entry is by the user who ran init"
# Row 26: the demo's contingency plans wrote the 22 entries above it.
expect_eq "$(row 26 | sed 's/^ [0-9-]* [0-9:]* [^ ]* *//')" \
	"emergency contact Wang Wu             added: — → Wang Wu, 137-xxxx-xxxx, order 3, levels I/II, exa…" \
	"audit: the subject is shown whole"
keys q

keys y c
expect_screen "2025 → 2026" "the comparison of two years"
expect_eq "$(row 19)" \
	"   9 Emergency team formed and trained                                              in progress  → done          improved" \
	"compare: the title column takes the width"
keys q q

keys i
expect_screen "System classes" "the tiered investment"
expect_eq "$(row 4)" \
	"  Core (rescue, customer service)            4 -  5                     300  60 %" \
	"investment: class names take part of the width"
keys q
keys p
expect_screen "Phase 3 Verify and optimise" "programme: phase names are shown whole"
keys q q
expect_exit_ok

start "$zdb" --lang zh --today 2026-11-25
resize 132 40
expect_screen "第2级 可重复级" "Chinese home at 132x40"
keys w n n n n
expect_screen "检查项 5/10" "item 5 in Chinese"
expect_eq "$(row 6)
$(row 7)" \
	"  为何重要  2023年某新能源车企每天备份却从未做恢复测试，故障时发现备份已损坏，花费200万元、耗时5天，仍永久丢失20%数据。
  证据要求  每月恢复演练记录：恢复到测试环境、数据完整性核对、实测恢复时间与RTO对比；以及每次备份后的校验日志。" \
	"Chinese item: each text on one line"
keys q q
expect_exit_ok

finish
