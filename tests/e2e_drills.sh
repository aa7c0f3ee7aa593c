#!/bin/bash
# The drills in a real terminal at 80x24, in both languages: the demo's
# functional drill in the list with its RTA against the RTO and its open
# finding on the improvement list; its record with the evaluation sheet,
# a check answered, a business figure and a finding that becomes a task of
# the running programme; a new drill added and run live on the stopwatch,
# the clock moved by a file: declared, a note, recovery started, service
# restored, after which the RTA is judged against the RTO and the ledger
# holds an entry per system. Each change is checked in the database; the
# after-action report of the command line is read too.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

export MOAT_CLOCK_FILE=$TMPD/clock
# Written beside it and renamed over it, so that moat never reads it half
# written.
clock() {
	printf '%s\n' "$1" >"$MOAT_CLOCK_FILE.new" && mv "$MOAT_CLOCK_FILE.new" "$MOAT_CLOCK_FILE"
}

db=$TMPD/drills.db
demo_db "$db"
start "$db" --today 2026-11-25
keys e
expect_screen "Drills recorded: 1 · findings open: 1" "en: e opens the drills"
expect_screen "2026-10-11 Functional drill  Database server disk fa… 47 min ✓ 2 h     1/1" \
	"en: the demo's drill: functional, database disk, 47 min against 2 h, 1 of 1 open"
expect_screen "[high] The backup script leaves out the repair records table" \
	"en: its open finding is on the improvement list"

keys Enter
expect_screen "Functional drill · 2026-10-11 · Database server disk failure" \
	"en: Enter opens the record"
expect_screen "Trigger: A disk of the main database server fails" "en: the scenario's trigger"
expect_screen "Declared 10:02 · recovery 10:09 · restored 10:56 · RTA 47 min, RTO 2 h: met" \
	"en: the stopwatch's marks and the RTA against the RTO"
expect_screen "Evaluation: 7 of 9 checks passed, 2 failed" "en: the evaluation in sum"
expect_screen "✗ Data 100 % complete                 ✓ Plan complete" \
	"en: technical and process checks side by side"
expect_screen "Business: interruption 54 min · complaints 0 · loss 0 10k CNY" \
	"en: the business figures"
# Space answers the check under the cursor: yes -> no.
keys Space
expect_screen "Evaluation: 6 of 9 checks passed, 3 failed" "en: Space: RTO met becomes no"
expect_sql "$db" "SELECT rto_met FROM drill WHERE id = 1" 0 "en: stored as 0"
keys i
expect_screen "Business interruption (such as 54 min or 1.5 h; empty: not given):" \
	"en: i asks for the interruption"
keys C-u
type_text "1.5 h"
keys Enter
expect_sql "$db" "SELECT interruption FROM drill WHERE id = 1" 90 "en: 1.5 h stored as 90 minutes"
keys f
expect_screen "New finding" "en: f opens the finding form"
type_text "Night phone missing from the call list"
keys Tab Space Tab
type_text "zhao"
keys Tab
type_text "2026-12-10"
keys C-s
expect_screen "Finding added, and a task of the programme." "en: the finding becomes a task"
expect_sql "$db" "SELECT f.severity || ' ' || f.owner || ' ' || f.due_date || ' ' || t.phase || ' '
	|| t.title FROM drill_finding f JOIN plan_task t ON t.id = f.task_id WHERE f.owner = 'zhao'" \
	"high zhao 2026-12-10 2 Night phone missing from the call list" \
	"en: high, zhao, due 12-10, a task of phase 2 (day 37)"
expect_screen "Findings: 2, 2 still open" "en: the record counts it"
# Down past the nine checks to the first finding: Space closes it.
keys G
keys k Space
expect_screen "Findings: 2, 1 still open" "en: Space on a finding closes it"
expect_sql "$db" "SELECT status FROM drill_finding WHERE id = 1" done "en: stored as done"
keys '?'
expect_screen "business interruption" "en: ? lists the record's keys"
keys Escape q

# A new drill run live.
keys a
expect_screen "New drill" "en: a opens the drill form"
keys Space Tab Tab Space Tab
type_text "Customer service system, Finance system"
keys Tab
type_text "chen: lead; wang: DBA"
keys C-s
expect_screen "Drills recorded: 2" "en: the new drill is listed"
expect_sql "$db" "SELECT type_key || ' ' || held_on || ' ' || scenario FROM drill WHERE id = 2" \
	"functional 2026-11-25 Database server disk failure" "en: stored with its type, day and scenario"
expect_sql "$db" "SELECT group_concat(system, ',') FROM (SELECT system FROM drill_system
	WHERE drill_id = 2 ORDER BY system)" "Customer service system,Finance system" \
	"en: with its two systems in scope"
clock "2026-11-25 10:00:05"
keys w
expect_screen "Press i when the incident is declared." "en: w opens the stopwatch"
keys s
expect_screen "Declare the incident first, then start recovery, then restore" \
	"en: recovery before the declaration is refused"
keys i
expect_screen "Incident declared   2026-11-25 10:00" "en: i stamps the declaration"
clock "2026-11-25 10:41:07"
expect_screen "Running 00:41:07 since the declaration · RTO 2 h" "en: the time runs against the RTO"
keys n
type_text "failover script stalled on DNS"
keys Enter
expect_screen "10:41  " "en: the note is logged with its time"
clock "2026-11-25 10:47:00"
keys s
expect_screen "Recovery started    2026-11-25 10:47  (47 min after the declaration)" \
	"en: s stamps the recovery"
clock "2026-11-25 12:58:30"
keys r
expect_screen "Service restored: RTA 2 h 11 min, RTO 2 h: missed by 11 min · 2 ledger entries" \
	"en: r restores service: the RTA against the RTO, two ledger entries"
expect_sql "$db" "SELECT group_concat(system || ' ' || result || ' ' || rta || ' ' || started_at
	|| '-' || ended_at, '|') FROM (SELECT * FROM verify_entry WHERE drill_id = 2 ORDER BY system)" \
	"Customer service system partial 131 2026-11-25 10:47-2026-11-25 12:58|Finance system pass 131 2026-11-25 10:47-2026-11-25 12:58" \
	"en: the ledger holds both, the 2 h RTO missed for customer service"
expect_sql "$db" "SELECT restored_at || ' ' || interruption FROM drill WHERE id = 2" \
	"2026-11-25 12:58 178" "en: the drill keeps its marks and its interruption"
expect_sql "$db" "SELECT note FROM drill_note WHERE drill_id = 2" "failover script stalled on DNS" \
	"en: the note is stored"
keys r
expect_screen "That moment is stamped already" "en: restoring twice is refused"
keys q q q
expect_exit_ok

# The same in Chinese.
db=$TMPD/drills-zh.db
demo_db "$db" zh
start "$db" --lang zh --today 2026-11-25
keys e
expect_screen "共1次演练 · 1个问题未完成" "zh: e opens the drills"
expect_screen "2026-10-11 功能演练          数据库服务器硬盘故障     47分钟 ✓ 2小时   1/1" \
	"zh: the demo's drill with its RTA against the RTO"
expect_screen "改进清单：各次演练中尚未完成的问题" "zh: the improvement list"
keys Enter
expect_screen "功能演练 · 2026-10-11 · 数据库服务器硬盘故障" "zh: the record"
expect_screen "演练评估：7/9项达标，2项未达标" "zh: the evaluation"
expect_screen "✗ 数据完整性是否100%" "zh: the document's items"
expect_screen "业务指标：中断 54分钟 · 投诉 0 · 损失 0 万元" "zh: the business figures"
keys q a Space Tab Tab Space Tab
type_text "客服管理系统"
keys C-s
expect_screen "共2次演练" "zh: a new drill"
clock "2026-11-25 09:00:00"
keys w i
expect_screen "宣布事件            2026-11-25 09:00" "zh: declared"
clock "2026-11-25 09:05:00"
keys s
# The clock moves on only once the mark is stamped: a key still queued
# would take the later time.
expect_screen "开始恢复            2026-11-25 09:05" "zh: recovery started"
clock "2026-11-25 09:45:00"
keys r
expect_screen "服务已恢复：RTA 40分钟，RTO 2小时：达标 · 已记入1条验证记录。" "zh: restored within the RTO"
expect_sql "$db" "SELECT result || ' ' || rta FROM verify_entry WHERE drill_id = 2" "pass 40" \
	"zh: the ledger entry passes"
keys q q q
expect_exit_ok

# The after-action report: what was tested, the times against the
# targets, the evaluation and the findings, within 80 columns.
db=$TMPD/report.db
demo_db "$db"
out=$(moat_cli --db "$db" --today 2026-11-25 drill report 1)
expect_eq "$(printf '%s\n' "$out" | sed -n '1,2p;5p;16,18p;21p;36,39p')" \
"After-action report · drill 1
Functional drill · 2026-10-11 · Database server disk failure
  Trigger: A disk of the main database server fails
  Recovery started: 2026-10-11 10:09
  Service restored: 2026-10-11 10:56
  Recovery started 7 min after the declaration
Evaluation: 7 of 9 checks passed, 2 failed
    Financial loss: 0 10k CNY

Findings: 1, 1 still open
  1. [high] The backup script leaves out the repair records table: add it and" \
	"report: the drill, its times and judgement, evaluation and findings"
expect_eq "$(printf '%s\n' "$out" | grep -c 'Customer service system: RTA 47 min, RTO 2 h: met')" 1 \
	"report: the RTA against the system's RTO"
expect_eq "$(printf '%s\n' "$out" | awk '{ if (length($0) > w) w = length($0) } END { print (w <= 80) }')" 1 \
	"report: no line over 80 columns"
zh=$(moat_cli --db "$db" --lang zh --today 2026-11-25 drill report 1)
expect_eq "$(printf '%s\n' "$zh" | grep -c '^演练评估：7/9项达标，2项未达标$')" 1 "report zh: the evaluation"
expect_eq "$(printf '%s\n' "$zh" | sed -n 1p)" "演练总结报告 · 演练 1" "report zh: the title"
expect_eq "$(moat_cli --db "$db" --today 2026-11-25 drill list)" \
	"1  2026-10-11  Functional drill · Database server disk failure · RTA 47 min, RTO 2 h: met · findings open 1/1" \
	"list: one line per drill"
moat_cli --db "$db" --today 2026-11-25 drill report 9 >/dev/null 2>"$TMPD/err"
expect_eq "$? $(cat "$TMPD/err")" "1 moat: no such drill in this unit; moat drill list shows them" \
	"report: an unknown drill fails with why"
moat_cli --db "$db" drill report x >/dev/null 2>&1
expect_eq "$?" 2 "report: a drill number is needed"
# The unit's own scenario, with its trigger and what it tests; then the
# list in a larger window, in Chinese.
db=$TMPD/scenario.db
demo_db "$db" zh
start "$db" --lang zh --today 2026-11-25
keys e n
expect_screen "本单位自定场景的名称：" "zh: n asks for the scenario's name"
type_text "台风停电"
keys Enter
expect_screen "触发条件，即发生了什么" "zh: then its trigger"
type_text "台风导致园区停电8小时"
keys Enter
expect_screen "考验内容" "zh: then what it tests"
type_text "发电机燃油能否支撑8小时"
keys Enter
expect_sql "$db" "SELECT name || '|' || trigger_text || '|' || tests FROM drill_scenario" \
	"台风停电|台风导致园区停电8小时|发电机燃油能否支撑8小时" \
	"zh: the scenario is stored with its trigger and what it tests"
resize 120 36
expect_screen "共1次演练 · 1个问题未完成" "zh: at 120x36 the drills list"
expect_screen "[高] 备份脚本漏掉了维修记录表：补上并做恢复测试" "zh: and the improvement list in full width"
keys q q
expect_exit_ok
finish
