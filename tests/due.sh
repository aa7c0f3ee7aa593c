#!/bin/bash
# `moat due [--within DAYS]`: what is overdue and what is due soon, on the
# demo (started 2026-10-20, duties from 2026-06-01, see model/demo.c and
# questionnaires/en/plan.yaml), in both languages; nothing due; no
# programme; text from users cleaned; usage errors for bad --within.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"

db=$TMPD/due.db
run() { out=$("$MOAT_BIN" "$@" 2>"$TMPD/err"); rc=$?; err=$(cat "$TMPD/err"); }
# expect_clean WHAT: status 0 and nothing on stderr (sanitizer reports).
expect_clean() {
	expect_eq "$rc" 0 "$1: exits 0"
	[ -z "$err" ] && pass "$1: stderr empty" || fail "$1: stderr: $err"
}

run --help
case $out in *"due [--within DAYS]"*) pass "--help lists due [--within DAYS]" ;; *) fail "--help: $out" ;; esac
case $out in *"export --ics FILE"*) pass "--help lists export --ics FILE" ;; *) fail "--help: $out" ;; esac
run --lang zh --help
case $out in *"due [--within 天数]"*"export --ics 文件"* | *"export --ics 文件"*"due [--within 天数]"*)
	pass "the Chinese help lists both" ;;
*) fail "zh --help: $out" ;; esac

run --db "$db" --today 2026-11-25 due
expect_eq "$rc" 1 "due without a database fails"
case $err in *"init --demo"*) pass "and says how to start" ;; *) fail "empty due: $err" ;; esac

run --db "$db" --lang en --today 2026-11-25 init --demo
expect_eq "$rc" 0 "init --demo"

# On 2026-11-25 (day 37), 30 days ahead is 2026-12-25:
# - the 2026-11-10 restore test was missed (every earlier one done);
# - "Request the budget" is the only phase-1 task not done (due day 30,
#   2026-11-18);
# - the restore test is next due 2026-12-10 (day 10 monthly);
# - the quarterly tabletop (day 15, June and September done) 2026-12-15;
# - the four open phase-2 tasks on day 60, 2026-12-18 ("Optimise the
#   backup policy" is done), in plan order;
# - the functional drill (day 20 monthly, November done) 2026-12-20.
# Overdue first, oldest first; on one day duties before tasks.
run --db "$db" --lang en --today 2026-11-25 due
expect_clean "due"
expect_eq "$out" "OVERDUE  2026-11-10  Monthly backup restore test
OVERDUE  2026-11-18  Request the budget (task, phase 1)
due      2026-12-10  Monthly backup restore test
due      2026-12-15  Quarterly tabletop drill
due      2026-12-18  Build the DR site (or cloud DR) (task, phase 2)
due      2026-12-18  Complete the emergency plans (task, phase 2)
due      2026-12-18  Form the emergency team (task, phase 2)
due      2026-12-18  Train the team (task, phase 2)
due      2026-12-20  Monthly functional drill" "due lists the overdue items, then 30 days ahead"
default=$out
run --db "$db" --lang en --today 2026-11-25 due --within 30
expect_eq "$out" "$default" "--within 30 is the default"

run --db "$db" --lang en --today 2026-11-25 due --within 0
expect_clean "--within 0"
expect_eq "$out" "OVERDUE  2026-11-10  Monthly backup restore test
OVERDUE  2026-11-18  Request the budget (task, phase 1)" "--within 0 prints only what is overdue"

# 400 days ahead (to 2026-12-30 next year) adds the management review on
# the last working day of December (Thursday 31st), the phase-3 tasks on
# day 90 (2027-01-17), the yearly full drill a year after its completion
# (done 2026-06-20, counted from the completion) and the maturity
# assessment on the last working day of June 2027 (Wednesday 30th). Each
# duty shows its next open occurrence once.
run --db "$db" --lang en --today 2026-11-25 due --within 400
expect_clean "--within 400"
expect_eq "$out" "$default
due      2026-12-31  Quarterly management review
due      2027-01-17  Run a backup restore test (task, phase 3)
due      2027-01-17  Hold an emergency drill (task, phase 3)
due      2027-01-17  Optimise the response process (task, phase 3)
due      2027-01-17  Set up continuous improvement (task, phase 3)
due      2027-06-20  Yearly full DR drill
due      2027-06-30  Yearly maturity assessment" "--within 400 includes the yearly duties"
year=$out
run --db "$db" --lang en --today 2026-11-25 due --within 3650
expect_eq "$out" "$year" "--within 3650: still the next occurrence of each duty, once"

# Labels in Chinese; names stay in the language they were entered in.
run --db "$db" --lang zh --today 2026-11-25 due --within 0
expect_clean "zh"
expect_eq "$out" "逾期  2026-11-10  Monthly backup restore test
逾期  2026-11-18  Request the budget（任务，阶段1）" "due in Chinese on an English database"
zdb=$TMPD/zh.db
run --db "$zdb" --lang zh --today 2026-11-25 init --demo
run --db "$zdb" --lang zh --today 2026-11-25 due
expect_clean "zh demo"
expect_eq "$out" "逾期  2026-11-10  每月备份恢复测试
逾期  2026-11-18  申请预算（任务，阶段1）
到期  2026-12-10  每月备份恢复测试
到期  2026-12-15  每季度桌面演练
到期  2026-12-18  建设灾备中心（或云灾备）（任务，阶段2）
到期  2026-12-18  完善应急预案（任务，阶段2）
到期  2026-12-18  组建应急团队（任务，阶段2）
到期  2026-12-18  开展培训（任务，阶段2）
到期  2026-12-20  每月功能演练" "due on the Chinese demo"

# On 2026-10-21 (day 2) nothing is overdue and nothing falls on that day.
run --db "$db" --lang en --today 2026-10-21 due --within 0
expect_clean "nothing due"
expect_eq "$out" "Nothing is overdue and nothing is due within 0 days." "nothing due: one line says so"
run --db "$db" --lang zh --today 2026-10-21 due --within 0
expect_eq "$out" "没有逾期事项，0天内也没有到期事项。" "and in Chinese"

# A restore test started in June 1900 and done every month since but in
# March 1950: 126 years of history. The miss of 1950 is still overdue, and
# this November's and the next one are listed as on the demo.
old=$TMPD/old.db
cp "$db" "$old"
sql "$old" "UPDATE duty SET start_date = '1900-06-01' WHERE template_key = 'd.restore_test';
WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 1520),
 monthly(on_day) AS (SELECT date('1900-06-10', '+' || i || ' months') FROM m)
INSERT OR IGNORE INTO duty_event (duty_id, due_date, kind, event_date, entered_by, entered_at)
 SELECT id, on_day, 'done', on_day, 'alice', on_day || 'T12:00:00Z' FROM duty, monthly
 WHERE template_key = 'd.restore_test' AND on_day < '2026-11-01' AND on_day <> '1950-03-10'"
expect_eq "$(sqlite3 "$old" "SELECT count(*) FROM duty_event JOIN duty ON duty.id = duty_id WHERE template_key = 'd.restore_test'")" \
	"$(( (2026 - 1900) * 12 + 5 - 1 ))" "the restore test has 126 years of history"
run --db "$old" --lang en --today 2026-11-25 due
expect_clean "due after 126 years"
expect_eq "$out" "OVERDUE  1950-03-10  Monthly backup restore test
$default" "a miss of 1950 is listed before the demo's, and the next one is there"

# A title with a terminal escape sequence is printed without it.
sql "$db" "UPDATE duty SET title = 'Restore' || char(27) || '[2J test' WHERE template_key = 'd.restore_test'"
run --db "$db" --lang en --today 2026-11-25 due --within 0
case $out in *$'\e'*) fail "an escape character reached the terminal" ;;
*"OVERDUE  2026-11-10  Restore[2J test"*) pass "titles are cleaned of control characters" ;;
*) fail "cleaned title: $out" ;; esac

# A unit without programme or duties.
sqlite3 "$db" "PRAGMA foreign_keys = ON; DELETE FROM programme; DELETE FROM duty;"
run --db "$db" --lang en --today 2026-11-25 due
expect_clean "no programme"
expect_eq "$out" "No 90-day programme and no recurring duties yet: start the programme in moat (p, then s)." \
	"without programme and duties it says so"

# Usage errors.
for bad in "due --within -1" "due --within 3651" "due --within abc" "due --within 1e3" \
	"due --within 10x" "due --within" "score --within 5" "--within 5" \
	"export -o x.xlsx --within 5" "due --ics x.ics" "due -o x.xlsx" "due extra" \
	"score --ics x.ics"; do
	# shellcheck disable=SC2086
	run --db "$db" $bad
	expect_eq "$rc" 2 "'moat $bad' is a usage error (status 2)"
	case $err in *"moat --help"*) pass "'moat $bad' points to --help" ;;
	*) fail "'moat $bad' message: $err" ;; esac
done
run --db "$db" due --within ""
expect_eq "$rc" 2 "an empty --within is a usage error"
run --db "$db" due --within " 5"
expect_eq "$rc" 2 "--within ' 5' is a usage error"

finish
