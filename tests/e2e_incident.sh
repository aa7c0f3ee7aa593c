#!/bin/bash
# A whole incident in a real terminal at 80x24, in Chinese, from its
# declaration to its close: declared for a system at level II; the card's
# steps with their deadlines counted from the declaration; notification
# checked off in time, the assessment late; an action and a decision with
# why; the restoration, from which verification counts; closed with the
# root cause, the data lost and two improvements, which become programme
# tasks. Each change is checked in the database. The incident is declared
# the day before --today, so every open deadline has passed whatever the
# clock says.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/incident.db
demo_db "$db" zh
inc() { sql "$db" "SELECT $1 FROM incident WHERE id = 1"; }

start "$db" --lang zh --today 2026-11-25
keys E i
expect_screen "尚无应急事件：系统中断时按n宣布。" "zh: i opens the incidents, none yet"
keys n
expect_screen "宣布应急事件" "zh: n declares one"
expect_screen "II级（重大） · 核心系统部分中断" "zh: level II is offered first"
type_text "客服管理系统"
keys Tab Tab C-u
type_text "2026-11-24 09:0"
keys C-s
expect_screen "时间格式应为 YYYY-MM-DD HH:MM。" "zh: a time half typed is refused at the field"
type_text "0"
keys C-s
expect_screen "1   2026-11-24 09:00  II    客服管理系统" "zh: the incident is listed"
expect_screen "处置中" "zh: open"
expect_eq "$(inc "system || '|' || level || '|' || declared_at || '|' || card_version")" \
	"客服管理系统|2|2026-11-24 09:00|4" "zh: stored with the card in force"

keys Enter
expect_screen "事件1 · 客服管理系统 · II级（重大） · 2026-11-24 09:00宣布" "zh: Enter opens it"
expect_screen "[ ] 1 立即通知" "zh: the card's first step"
expect_screen "应于2026-11-24 09:05前完成，已超时" "zh: notify within 5 minutes of the declaration"
expect_screen "应于2026-11-24 09:15前完成，已超时" "zh: assess within 15 minutes"
expect_screen "[ ] 3 应急处置         按预案时限" "zh: respond has the plan's limits"
expect_screen "[ ] 4 恢复验证         从服务恢复时起计时" "zh: verification waits for the restoration"

keys Space
expect_screen "立即通知完成时间：" "zh: Space asks when the step was done"
keys C-u
type_text "2026-11-24 09:04"
keys Enter
expect_screen "[x] 1 立即通知         2026-11-24 09:04由" "zh: notified in time"
expect_sql "$db" "SELECT step || ' ' || done_at FROM incident_step" "notify 2026-11-24 09:04" \
	"zh: the step is stored with its time"

keys a
expect_screen "记录处置" "zh: a logs an action"
type_text "重启数据库"
keys Tab
type_text "连接池耗尽"
keys Tab C-u
type_text "2026-11-24 09:10"
keys C-s
expect_screen "09:10" "zh: the action is in the log"
expect_screen "处置：重启数据库（原因：连接池耗尽）" "zh: with what and why"
keys d
expect_screen "记录决定" "zh: d logs a decision"
type_text "门店启用纸质登记"
keys Tab
type_text "预计恢复需2小时"
keys Tab C-u
type_text "2026-11-24 09:20"
keys C-s
expect_screen "决定：门店启用纸质登记（原因：预计恢复需2小时）" "zh: the decision with why"

keys j Space C-u
type_text "2026-11-24 09:30"
keys Enter
expect_screen "[x] 2 初步评估         2026-11-24 09:30由" "zh: assessed"
# The line ends with the deadline, which a long user name may cut.
expect_screen "完成，晚于时限" "zh: after its deadline, and said so"

keys r
expect_screen "服务恢复时间：" "zh: r asks when the service came back"
keys C-u
type_text "2026-11-24 11:30"
keys Enter
expect_screen "服务于2026-11-24 11:30恢复（宣布后2小时30分钟）" "zh: restored, 2 h 30 min after"
expect_screen "应于2026-11-24 12:30前完成" "zh: verification within 1 h of the restoration"
expect_screen "应于2026-11-25 11:30前完成" "zh: review within 24 h"
expect_eq "$(inc restored_at)" "2026-11-24 11:30" "zh: the restoration is stored"

keys c
expect_screen "关闭事件" "zh: c closes"
expect_screen "服务恢复时间  2026-11-24 11:30" "zh: with the restoration filled in"
keys Tab C-u
type_text "2026-11-24 12:00"
keys C-s
expect_screen "此栏必填。" "zh: the root cause is required"
type_text "数据库磁盘已满"
keys Tab
type_text "无"
keys Tab
type_text "增加磁盘容量监控"
keys Enter
type_text "每季度演练数据库切换"
keys C-s
expect_screen "事件已关闭；恢复用时已记入验证台账；2项改进措施已列入90天计划。" \
	"zh: closed, the recovery in the ledger, two tasks"
expect_screen "2026-11-24 12:00关闭 · 根本原因：数据库磁盘已满 · 数据损失：无" \
	"zh: the close in the head"
expect_eq "$(inc "closed_at || '|' || root_cause || '|' || data_loss")" \
	"2026-11-24 12:00|数据库磁盘已满|无" "zh: the close is stored"
expect_eq "$(sql "$db" "SELECT group_concat(t.title || ' ' || t.phase, ' | ') FROM
	incident_improvement m JOIN plan_task t ON t.id = m.task_id")" \
	"增加磁盘容量监控 3 | 每季度演练数据库切换 3" \
	"zh: the improvements are tasks of the programme's last phase"
expect_eq "$(sql "$db" "SELECT count(*) FROM incident_log WHERE incident_id = 1")" 7 \
	"zh: the log: declared, two steps, action, decision, restored, closed"
expect_eq "$(sql "$db" "SELECT system || '|' || kind || '|' || started_at || '|' ||
	ended_at || '|' || rta FROM verify_entry WHERE incident_id = 1")" \
	"$(inc "system || '|incident|' || declared_at || '|' || restored_at || '|' ||
	CAST(round((julianday(restored_at) - julianday(declared_at)) * 1440) AS INTEGER)")" \
	"zh: the recovery, declaration to restoration, is in the ledger"
keys a
type_text "太晚了"
keys C-s
expect_screen "该事件已关闭，记录不再更改。" "zh: a closed incident takes no more entries"
keys Escape y Escape
expect_screen "已关闭" "zh: the list shows it closed"
keys Escape Escape B j l
expect_screen "2026-11-24 09:00 客服管理系统        实际故障恢复" \
	"zh: the system's ledger shows the incident's recovery first"
keys q q q
expect_exit_ok
finish
