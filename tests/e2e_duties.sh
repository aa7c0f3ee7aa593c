#!/bin/bash
# Every recurring duty in a real terminal, in English and Chinese: the list
# of the demo's duties, adding one, editing its rule, pausing one (it
# leaves the agenda and `moat due`), resuming it on a later day, removing
# one after saying how many records go; the agenda's ] showing another
# month and a January day chosen on its calendar listing what falls on it;
# and the list grown to 132x40. Each change is checked on the screen and in
# the database.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

me=$(id -un)
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# audited DB FIELD OLD NEW SINCE: how many duty audit entries by this user
# record FIELD going from OLD to NEW ('' for none) at SINCE or later, up to
# now.
audited() {
	sql "$1" "SELECT count(*) FROM audit_log WHERE entity = 'duty'
		AND field = '$2' AND coalesce(old_value, '') = '$3'
		AND coalesce(new_value, '') = '$4' AND user = '$me'
		AND at BETWEEN '$5' AND '$(now)'"
}

# expect_row REGEX WHAT: a screen line matches REGEX (columns line up by
# display width, however many spaces that takes), waiting a little.
expect_row() {
	local i=0
	while [ "$i" -lt 100 ]; do
		if screen_text | grep -qE -- "$1"; then
			pass "$2"
			return
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "$2: no line matches '$1'"
	screen_text | sed 's/^/     | /'
}

# clear N: N backspaces (empties a field's text).
clear() { for _ in $(seq "$1"); do keys BSpace; done; }

# --- English, on the demo of 2026-11-25.
db=$TMPD/en.db
demo_db "$db"
start "$db" --lang en --today 2026-11-25
keys D
expect_screen "6 duties · 1 overdue · 0 paused" "D lists every duty, with what is overdue"
expect_screen "> Monthly backup restore test          2026-12-10  2026-10-10        1  active" \
	"the restore test: next due, last done, one overdue, active"
expect_screen "  Yearly full DR drill                 2027-06-20  2026-06-20        0  active" \
	"the yearly drill, counted from its completion"
expect_screen "every month on day 10, on a fixed schedule" "the rule in words"
expect_screen "from 2026-06-01 · proves item 5 Restore tests run regularly" \
	"since when and what it proves"
expect_screen "missed, still open: 2026-11-10" "what was missed"

# Add a duty: quarterly on the last working day, counted from the last
# completion, from 2026-12-01, proving the restore-test item.
t0=$(now)
keys a
expect_screen "New duty" "a opens the form for a new duty"
type_text "Quarterly finance restore test"
keys Tab; clear 2; type_text "3"
keys Tab; clear 2; type_text "L"
keys Tab Space
expect_screen "Counted from    the last completion" "Space switches what it is counted from"
keys Tab; clear 10; type_text "2026-12-01"
keys Tab; type_text "5"
expect_screen "Rule: every 3 months on the last working day, from the last completion" \
	"the form says the rule in words as typed"
expect_screen "On this rule today: 0 overdue, next due 2026-12-31" \
	"and where the duty would stand today"
keys C-s
expect_screen "Added Quarterly finance restore test." "Ctrl-S adds it"
expect_screen "7 duties · 1 overdue · 0 paused" "the list has seven"
expect_screen "> Quarterly finance restore test       2026-12-31  —                 0  active" \
	"the new duty is selected, next due on December's last working day"
expect_eq "$(sql "$db" "SELECT template_key || '|' || every_months || '|' || day || '|' ||
	anchor || '|' || start_date || '|' || item_key || '|' || paused_on FROM duty
	WHERE title = 'Quarterly finance restore test'")" \
	"user-7|3|0|completion|2026-12-01|restore_test|" "the duty is stored with its rule"
expect_eq "$(audited "$db" added "" "Quarterly finance restore test" "$t0")" 1 \
	"the addition is audited, by this user, now"

# Edit its rule: monthly on the 15th, on a fixed schedule.
t0=$(now)
keys e
expect_screen "Edit Quarterly finance restore test" "e edits the selected duty"
keys Tab; clear 1; type_text "1"
keys Tab; clear 1; type_text "15"
keys Tab Space C-s
expect_screen "Saved Quarterly finance restore test." "the rule is saved"
expect_screen "every month on day 15, on a fixed schedule" "the new rule in words"
expect_screen "> Quarterly finance restore test       2026-12-15  —                 0  active" \
	"next due on the 15th"
expect_eq "$(sql "$db" "SELECT every_months || '|' || day || '|' || anchor FROM duty
	WHERE title = 'Quarterly finance restore test'")" "1|15|schedule" "the new rule is stored"
expect_eq "$(audited "$db" every_months 3 1 "$t0")$(audited "$db" day 0 15 "$t0")$(audited "$db" anchor completion schedule "$t0")" \
	111 "each changed part of the rule is audited"

# Pause the restore test: nothing of it is owed.
keys g p
expect_screen "Paused Monthly backup restore test: nothing is owed while it is paused." \
	"p pauses the duty"
expect_screen "> Monthly backup restore test          —           2026-10-10        0  paused" \
	"paused: no next date, nothing overdue"
expect_screen "paused since 2026-11-25: nothing is owed until it is resumed (p)" "since when"
expect_screen "7 duties · 0 overdue · 1 paused" "the count of paused duties"
expect_eq "$(sql "$db" "SELECT paused_on FROM duty WHERE template_key = 'd.restore_test'")" \
	2026-11-25 "the pause is stored"
keys q d
expect_screen "2026-12-15 Quarterly finance restore test" "the agenda lists the new duty"
expect_no_screen "Monthly backup restore test" "the paused duty left the agenda"
due=$(moat_cli --db "$db" --lang en --today 2026-11-25 due)
case $due in
*"Monthly backup restore test"*) fail "moat due still lists the paused duty: $due" ;;
*) pass "moat due leaves the paused duty out" ;;
esac
expect_eq "$(printf '%s\n' "$due" | grep -F 'Quarterly finance')" \
	"due      2026-12-15  Quarterly finance restore test" "moat due lists the new duty"
keys q q
expect_exit_ok

# Resumed on 2026-12-15: the 2026-12-10 restore test fell in the pause and
# is not owed; the one missed before the pause is owed again.
start "$db" --lang en --today 2026-12-15
t0=$(now)
keys D g p
expect_screen "Resumed Monthly backup restore test: next due 2027-01-10." "p resumes it"
expect_screen "> Monthly backup restore test          2027-01-10  2026-10-10        1  active" \
	"the miss before the pause is owed again, none from the pause"
expect_eq "$(sql "$db" "SELECT paused_on || '|' || (SELECT group_concat(paused_on || '>' || resumed_on)
	FROM duty_pause) FROM duty WHERE template_key = 'd.restore_test'")" \
	"|2026-11-25>2026-12-15" "the ended pause is kept, the duty runs"
expect_eq "$(audited "$db" resumed 2026-11-25 2026-12-15 "$t0")" 1 "the resumption is audited"
due=$(moat_cli --db "$db" --lang en --today 2026-12-15 due)
expect_eq "$(printf '%s\n' "$due" | grep -F 'Monthly backup')" \
	"OVERDUE  2026-11-10  Monthly backup restore test
due      2027-01-10  Monthly backup restore test" "moat due: the old miss and the next, none of the pause"
keys Enter
expect_screen "paused 2026-11-25, resumed 2026-12-15" "the history shows the pause"
keys q

# The list grows with the window: a rule column at 132x40.
resize 132 40
expect_row "^> Monthly backup restore test +every month on day 10, on a fixed schedule +2027-01-10 +2026-10-10 +1 +active" \
	"at 132x40 each duty's rule has a column"
expect_row "Latest records" "and the selected duty's records show below"
resize 80 24

# Remove: the count of records is said first; n keeps the duty.
keys d
expect_screen "Remove \"Monthly backup restore test\" and its 5 recorded" \
	"d asks, saying how many records go"
expect_screen "occurrence(s)? The evidence they filed stays. y / n" "and that the evidence stays"
keys n
expect_eq "$(sql "$db" "SELECT count(*) FROM duty_event WHERE duty_id = 1")" 5 "n removes nothing"
keys j j
expect_screen "> Quarterly finance restore test" "the added duty is third"
t0=$(now)
keys d
expect_screen "Remove \"Quarterly finance restore test\"? Nothing has been recorded" \
	"a duty without records says so"
keys y
expect_screen "Removed Quarterly finance restore test." "y removes it"
expect_screen "6 duties · 1 overdue · 0 paused" "six again"
expect_eq "$(sql "$db" "SELECT count(*) FROM duty WHERE title = 'Quarterly finance restore test'")" 0 \
	"the duty is gone from the database"
expect_eq "$(audited "$db" removed "Quarterly finance restore test" "" "$t0")" 1 "the removal is audited"

# The agenda: ] shows January's occurrences; a day chosen on the calendar
# lists what falls on it.
keys q d
expect_screen "Due in the next 30 days" "the agenda opens on this month"
keys ]
expect_screen "Falling in 2027-01" "] moves the list to January"
expect_screen "2027-01-10 Monthly backup restore test" "with January's occurrences"
expect_screen "2027-01-17 task: Run a backup restore test" "and tasks"
expect_screen "2026-11-10 Monthly backup restore test" "what is overdue stays listed"
keys Tab
expect_screen "Nothing falls on 2027-01-01." "Tab chooses the month's first day"
keys j j l l l l l
expect_screen "On 2027-01-20" "j and l move the day to the 20th"
expect_screen "2027-01-20 Monthly functional drill" "the list shows what falls on it"
expect_no_screen "2027-01-10 Monthly backup restore test" "and nothing else"
keys Enter h
expect_screen "every month on day 20, on a fixed schedule" "h opens the duty of a listed occurrence"
keys q Escape
expect_screen "Falling in 2027-01" "Esc goes back to the whole month"
keys q q
expect_exit_ok

# --- Chinese, on the Chinese demo.
db=$TMPD/zh.db
moat_cli --db "$db" --lang zh --today 2026-11-25 init --demo >/dev/null ||
	{ echo "init --demo failed"; exit 1; }
start "$db" --lang zh --today 2026-11-25
keys D
expect_screen "共 6 项职责 · 逾期 1 次 · 暂停 0 项" "D 列出全部职责"
expect_screen "> 每月备份恢复测试                        2026-12-10  2026-10-10     1  启用" \
	"the restore test in Chinese columns"
expect_screen "每月10日，按固定日程" "the rule in Chinese words"
expect_screen "逾期未做：2026-11-10" "what was missed, in Chinese"
t0=$(now)
keys a
type_text "每季度财务系统恢复测试"
keys Tab; clear 2; type_text "3"
keys Tab; clear 2; type_text "L"
keys Tab Space Tab Tab; type_text "5"
expect_screen "规则：每季度最后一个工作日，从上次完成起算" "the rule as typed, in Chinese"
keys C-s
expect_screen "已添加 每季度财务系统恢复测试。" "added"
expect_eq "$(sql "$db" "SELECT every_months || '|' || day || '|' || anchor || '|' || start_date ||
	'|' || item_key FROM duty WHERE title = '每季度财务系统恢复测试'")" \
	"3|0|completion|2026-11-25|restore_test" "stored with its rule"
keys e Tab Tab; clear 1; type_text "20"; keys C-s
expect_screen "已保存 每季度财务系统恢复测试。" "its rule edited"
expect_screen "每季度20日，从上次完成起算" "the new rule in words"
expect_eq "$(sql "$db" "SELECT day FROM duty WHERE title = '每季度财务系统恢复测试'")" 20 "the new day is stored"
expect_eq "$(audited "$db" day 0 20 "$t0")" 1 "and audited"
keys g p
expect_screen "已暂停 每月备份恢复测试：暂停期间不产生待办。" "paused"
expect_screen "自 2026-11-25 起暂停：恢复（p）之前不产生待办" "since when, in Chinese"
expect_eq "$(sql "$db" "SELECT paused_on FROM duty WHERE template_key = 'd.restore_test'")" \
	2026-11-25 "the pause is stored"
due=$(moat_cli --db "$db" --lang zh --today 2026-11-25 due)
case $due in
*"每月备份恢复测试"*) fail "moat due still lists the paused duty: $due" ;;
*) pass "moat due leaves the paused duty out" ;;
esac
keys q d
expect_no_screen "每月备份恢复测试" "the paused duty left the agenda"
keys q D g p
expect_screen "已恢复 每月备份恢复测试：下次到期 2026-12-10。" "resumed the same day"
expect_eq "$(sql "$db" "SELECT paused_on || '|' || (SELECT count(*) FROM duty_pause)
	FROM duty WHERE template_key = 'd.restore_test'")" "|0" \
	"a pause resumed on its first day leaves nothing behind"
keys g j j j j
expect_screen "> 每季度财务系统恢复测试" "the added duty selected"
keys d
expect_screen "删除“每季度财务系统恢复测试”？该职责尚无记录。y / n" "d asks first"
keys y
expect_screen "已删除 每季度财务系统恢复测试。" "removed"
expect_eq "$(sql "$db" "SELECT count(*) FROM duty")" 6 "six duties are left"
keys q d ] ]
expect_screen "2027年1月的事项" "] ] shows January"
expect_screen "2027-01-10 每月备份恢复测试" "with its occurrences"
keys Tab j l l
expect_screen "2027-01-10 当天" "a January day chosen on the calendar"
expect_screen "2027-01-10 每月备份恢复测试" "lists what falls on it"
expect_no_screen "2027-01-20 每月功能演练" "and nothing of other days"
keys Escape q q
expect_exit_ok

# A task on the agenda is done in the programme: Enter opens it there with
# the cursor on it; the duty keys say so instead of doing nothing.
db=$TMPD/task.db
demo_db "$db"
start "$db" --lang en --today 2026-11-25
expect_screen "payback" "home shows"
keys d
expect_screen "2026-11-18 task: Request the budget" "the agenda lists the overdue task"
for _ in $(seq 12); do
	settled_screen | grep -q "^> .*task: Request the budget" && break
	keys j
done
keys s
expect_screen "This is a task of the programme: Enter opens it there" "s on a task says what to do"
keys Enter
expect_screen "moat · Programme" "Enter opens the programme"
expect_screen ">   Request the budget" "with the cursor on the task"
keys q q q
expect_exit_ok

# A completion recorded while a finalised year is open files its proof in
# the unit's draft year; with no draft year, it says that none was filed.
db=$TMPD/final.db
demo_db "$db"
start "$db" --lang en --today 2026-11-25
expect_screen "payback" "home shows"
keys y s y
expect_screen "Start 2027 from 2026?" "2026 is finalised and 2027 offered"
keys y
expect_screen "Started 2027 from 2026" "2027 starts"
y27=$(sql "$db" "SELECT id FROM assessment WHERE year = 2027")
y26=$(sql "$db" "SELECT id FROM assessment WHERE year = 2026")
before=$(sql "$db" "SELECT count(*) FROM evidence WHERE assessment_id = $y27 AND target = 'restore_test'")
keys y k Enter
expect_screen "2026 (final)" "2026 opens again, final"
keys d
expect_screen "2026-11-10 Monthly backup restore test" "the missed restore test is overdue"
keys Enter
expect_screen "Record · Monthly backup restore test" "Enter records it"
keys Tab
type_text "restored in 40 min"
keys C-s
expect_screen "Recorded Monthly backup restore test." "the record is confirmed"
expect_sql "$db" "SELECT count(*) FROM evidence WHERE assessment_id = $y27 AND target = 'restore_test'" \
	$((before + 1)) "its proof is filed in 2027, the draft"
expect_sql "$db" "SELECT count(*) FROM evidence WHERE assessment_id = $y26 AND body LIKE '%restored in 40 min%'" \
	0 "and not in the finalised 2026"
keys q q
expect_exit_ok
# Every year final: the record stands and says no evidence was filed.
sql "$db" "DELETE FROM assessment WHERE year = 2027"
start "$db" --lang en --today 2026-11-25
expect_screen "payback" "home shows, 2026 final and latest"
keys d
expect_screen "Monthly backup restore test" "the agenda lists the restore test"
for _ in $(seq 12); do
	settled_screen | grep -q "^> .*Monthly backup restore test" && break
	keys j
done
keys Enter
expect_screen "Record · Monthly backup restore test" "Enter records the next one"
keys C-s
expect_wrapped "Recorded Monthly backup restore test. No evidence was filed: 2026 is finalised; start the next year to file it there." \
	"it says no evidence was filed"
keys q q
expect_exit_ok

finish
