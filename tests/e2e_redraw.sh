#!/bin/bash
# What a pop-up covered comes back whole when it closes, double-width
# characters cut by its border included, and Ctrl-L repaints a screen that
# something else wrote over. Compared cell by cell in Chinese.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/zh.db
demo_db "$db" zh

# same_screen WHAT BEFORE AFTER: the two captures agree, or their
# difference is shown.
same_screen() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1: the screen differs"
		diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | sed 's/^/     | /'
	fi
}

# same_after WHAT OPEN CLOSE...: the screen after OPEN and then CLOSE is the
# one before, character for character; and OPEN did cover something (else
# the comparison proves nothing).
same_after() {
	local what=$1 open=$2 before during after
	shift 2
	before=$(settled_screen)
	keys "$open"
	during=$(settled_screen)
	keys "$@"
	after=$(settled_screen)
	if [ "$before" = "$during" ]; then
		fail "$what: the pop-up did not show"
		return
	fi
	same_screen "$what: the screen is whole again" "$before" "$after"
}

start "$db" --lang zh --today 2026-11-25
expect_screen "华东售后服务中心 · 2026" "the Chinese demo opens"
# The validity prompt's border runs through 证据, 年度, 90天计划, 周期职责.
expect_screen "证据         已记录 7 条" "home shows the evidence line"
same_after "home after v Esc" v Escape
same_after "home after ? Esc" '?' Escape

keys r
expect_screen "一次性投资" "r opens the ROI calculator"
same_after "ROI after ? Esc" '?' Escape
keys q
keys i
expect_screen "系统类别" "i opens the tiered investment"
same_after "investment after ? Esc" '?' Escape
keys q
keys y c
expect_screen "2025 → 2026" "y c opens the comparison of two years"
same_after "compare after ? Esc" '?' Escape
keys q q

# The export prompt replaced by nothing, then a confirm over a list.
same_after "home after x Esc" x Escape
keys c Enter
expect_screen "检查项 1/10" "the first item opens"
same_after "item after d n" d n
keys q q

# Ctrl-L: something else writes over the terminal; Ctrl-L puts back every
# cell.
before=$(settled_screen)
tty=$(tmux -L "$SOCK" display-message -p '#{pane_tty}')
printf '\033[5;3H写坏的字XXXXXXXX\033[12;1H##########' >"$tty"
during=$(settled_screen)
if [ "$before" != "$during" ]; then
	pass "writing to the terminal behind moat's back changes the screen"
else
	fail "the stray writes did not show"
fi
keys C-l
after=$(settled_screen)
same_screen "Ctrl-L repaints every cell" "$before" "$after"
keys '?'
expect_screen "Ctrl-L  重绘屏幕" "the help lists Ctrl-L"
keys Escape
keys q
expect_exit_ok

# A pop-up whose border cuts Chinese characters of the screen below: the
# cut characters go, and every row of the border stays in its column
# (the programme's task "申请预算" starts one column left of the box).
start "$db" --lang zh --today 2026-11-25
expect_screen "华东售后服务中心" "home shows again"
# No space after a full-width colon.
expect_screen "阻碍项：3 灾备架构 · 5 备份验证" "the blocking items follow their label"
keys p
expect_screen "申请预算" "the programme shows its tasks"
keys End k k k
expect_screen ">   进行备份恢复测试" "the cursor is on the restore test"
keys Enter
expect_screen "编辑任务" "the task of the restore test opens"
keys Tab Tab Tab Space Space C-s
expect_screen "同时将检查项 5 备份验证 标为已完成？" "saving it done offers item 5"
columns=$(screen_text | python3 -c '
import sys, unicodedata
cols = set()
for line in sys.stdin:
    w = 0
    for ch in line.rstrip("\n"):
        if ch in "┌┐└┘│":
            cols.add(w)
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
print(" ".join(str(c) for c in sorted(cols)))')
expect_eq "$columns" "5 74" "the pop-up's border keeps two columns on every row"
keys n
keys q q
expect_exit_ok

finish
