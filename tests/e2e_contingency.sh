#!/bin/bash
# Business contingency plans in a real terminal at 80x24. On a new
# organisation (no analysis, so no systems offered): a plan written for a
# system typed by name, two steps added through the form (a bad time limit
# refused at the field), moved, approved as version 1 by a named approver,
# a step changed so that the difference shows with its signs, a review
# refused until the new version is approved, the form's columns edited and
# the paper form previewed. On the Chinese demo: the two plans of §4.3 with
# their states, the review due and the difference, at 80x24 and 120x40.
# Each change is checked in the database.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/contingency.db
start "$db" --lang en --today 2026-12-01
expect_screen "Welcome to moat" "a new database opens the first-run screen"
keys n
type_text "North Depot"
keys Enter
expect_screen "Level 1 Initial" "the new unit exists"
keys E
expect_screen "moat · Emergency response" "E opens emergency response"
keys '?'
expect_screen "business contingency plans" "help lists p"
keys q p
expect_screen "moat · Business contingency plans" "p opens the plans"
expect_screen "No plan yet, and no system in this year's business impact" \
	"the empty list says what to do"
keys a
type_text "Parts system"
keys Enter
expect_screen "Parts system · never approved" "a names the system, the plan opens"
expect_screen "No steps yet: press a to add the first." "no steps yet"

# A step with a bad limit, then right.
keys a
expect_screen "New step" "a opens the step form"
type_text "Switch to paper"
keys Tab
type_text "soon"
keys Tab
type_text "Store manager"
keys Tab
type_text "Print the form"
keys Enter
type_text "Hand it out"
keys C-s
expect_screen "Not a duration: type e.g. 10 min, 2 h or 4小时." "a bad limit is refused"
keys C-u
type_text "10 min"
keys C-s
expect_screen "1. Switch to paper · within 10 min · Store manager" "the step shows"
keys a
type_text "Call customers back"
keys C-s
expect_screen "2. Call customers back" "a second step"
keys K
expect_screen "1. Call customers back" "K moves it up"
expect_sql "$db" "SELECT group_concat(title, '|') FROM (SELECT title FROM cont_step ORDER BY position)" \
	"Call customers back|Switch to paper" "the order is stored"
keys J

# Approve as version 1.
keys A
expect_screen "Approve the plan of Parts system as version 1" "A opens the approval"
keys C-s
expect_screen "This field is required." "the approver is required"
type_text "Zhao Lei"
keys C-s
expect_screen "Approved as version 1." "approved"
expect_screen "Parts system · approved v1 on 2026-12-01" "the state shows the version"
expect_sql "$db" "SELECT version || ' ' || approved_by || ' ' || approved_on FROM cont_version" \
	"1 Zhao Lei 2026-12-01" "the version is stored"

# Change a step: the difference shows.
keys g Enter
expect_screen "Step 1" "Enter edits the step"
keys Tab C-u
type_text "15 min"
keys C-s
expect_screen "changed since approval" "the plan changed since its approval"
keys x
expect_screen "- 1. Switch to paper [10 min] (Store manager)" "x shows the old line"
expect_screen "+ 1. Switch to paper [15 min] (Store manager)" "and the new one"
keys q r
expect_screen "Record the yearly review of Parts system v1 on 2026-12-01" "r asks"
keys y
expect_screen "The steps changed since the approval: approve the new version" \
	"a review of a changed plan is refused"
expect_sql "$db" "SELECT count(*) FROM cont_review" "0" "nothing reviewed"

# The form's columns: rename the first, delete the last.
keys c
expect_screen "moat · Registration form columns" "c opens the columns"
expect_screen "Service advisor" "the document's seven columns"
keys Enter C-u
type_text "Arrival"
keys Enter
expect_screen "Arrival" "the column is renamed"
keys G d y
expect_sql "$db" "SELECT group_concat(title, '|') FROM (SELECT title FROM cont_column ORDER BY position)" \
	"Arrival|Plate number|Customer name|Phone|Service|Expected completion" \
	"the columns are stored"
keys q f
expect_screen "Emergency service registration form" "f previews the form"
expect_screen "| Arrival " "with the columns as edited"
expect_screen "moat form --system 'Parts system'" "and says how to print it"
keys q
expect_sql "$db" "SELECT count(*) FROM audit_log WHERE entity = 'contingency'" "9" \
	"every write is audited"

# The Chinese demo.
zdb=$TMPD/contingency_zh.db
demo_db "$zdb" zh
start "$zdb" --lang zh --today 2026-12-01
keys E p
expect_screen "方案2个 · 未批准0个 · 批准后已修改1个 · 应复审1个" "zh: the summary"
expect_screen "客服管理系统" "zh: the customer service plan"
expect_screen "救援调度系统 3      已批准第1版（2026-09-26）" "zh: the rescue plan is current"
expect_screen "工单管理系统        尚无方案" "zh: a system without a plan"
keys Enter
expect_screen "场景：客服系统宕机，预计恢复时间2小时" "zh: the scenario"
expect_screen "1. 立即启动纸质登记 · 10分钟内 · 服务经理" "zh: step 1 with its limit"
expect_screen "• 印制《应急服务登记表》（平时预备）" "zh: its details"
keys '?'
expect_screen "批准为新版本" "zh: help lists the keys"
keys q
resize 120 40
expect_screen "- 1. 立即启动纸质登记 [15 min] (服务经理)" "zh 120x40: the difference in view"
expect_screen "系统维护中，服务略有延迟，敬请谅解" "zh 120x40: the notice"
finish
