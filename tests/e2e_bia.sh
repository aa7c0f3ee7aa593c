#!/bin/bash
# The business impact analysis in a real terminal at 80x24: on the Chinese
# demo, the document's processes with its three safety margins, the road
# rescue grid as a heat map with the MTD it suggests, an RTO not under the
# MTD refused at the field, the systems where the document's planned
# levels fall short of its own table, the reference table with its source
# and rule; on a new English organisation, the whole analysis from nothing:
# a process, its grid, MTD and RTO, a system linked to it, a data type with
# its RPO, and what the systems screen then says. Each change is checked in
# the database.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/bia.db
demo_db "$db" zh
cur=$(sql "$db" "SELECT $CUR")
proc() { sql "$db" "SELECT $1 FROM bia_process WHERE assessment_id = $cur AND name = '$2'"; }

start "$db" --lang zh --today 2026-11-25
keys b
expect_screen "业务流程8个 · 关键6个 · 计划不足的系统5个 · 待评审8个" \
	"zh: b opens the analysis with its summary"
expect_screen "道路救援服务                ●   1小时        15分钟     75 %     5分钟    5" \
	"zh: road rescue: MTD 1 h from its grid, RTO 15 min, margin 75 %"
expect_screen "预约服务                    ●   4小时*        2小时     50 %     1小时    4" \
	"zh: customer service: MTD 4 h by hand, RTO 2 h, margin 50 %"
expect_screen "配件调配                    ●   8小时*        4小时     50 %     4小时    3" \
	"zh: inventory: MTD 8 h by hand, RTO 4 h, margin 50 %"
expect_screen "建议MTD为1小时：即综合评级首次达到“极高”（4小时）之前的最后一个中断时长" \
	"zh: the rule of the suggested MTD, said with its figures"

keys Enter
expect_screen "中断时长        万元 财务损失   客户影响   法律风险   声誉影响   综合评级" \
	"zh: Enter opens the grid with the reference's columns"
expect_screen "4小时             30 ▓ 高" "zh: 4 h: loss 30 (10k CNY), high"
expect_screen "█ 极高 品… █ 极高" "zh: reputation at 4 h is extreme, so is the overall rating"
keys j j Right Right Right
expect_screen "中断4小时 · 声誉影响：极高 品牌危机" "zh: the cell under the cursor in full"

# An RTO of 2 h against an MTD of 1 h is refused where it is typed.
keys t
expect_screen "的RTO（MTD为1小时；留空则清除）：" "zh: t asks for the RTO, naming the MTD"
keys C-u
type_text "2小时"
keys Enter
expect_screen "RTO必须短于MTD（1小时）" "zh: RTO >= MTD is refused at the field with the reason"
expect_eq "$(proc rto 道路救援服务)" 15 "zh: the refused RTO is not stored"
keys C-u
type_text "30分钟"
keys Enter
expect_screen "RTO 30分钟 · 安全裕度50%" "zh: 30 min is taken, the margin follows"
expect_eq "$(proc rto 道路救援服务)" 30 "zh: the RTO is stored in minutes"

# Rating 1 h extreme would make the suggested MTD 15 min, under the RTO
# of 30 min: refused, and said why.
keys k 4
expect_screen "保存失败：RTO必须短于MTD（15分钟）" \
	"zh: a rating that would put the MTD under the RTO is refused"
impact() {
	sql "$db" "SELECT $1 FROM bia_impact i JOIN bia_process p ON p.id = i.process_id
		WHERE p.assessment_id = $cur AND p.name = '道路救援服务' AND i.minutes = $2"
}
expect_eq "$(impact reputation 60)" medium "zh: the refused rating is not stored"
keys k 3
expect_screen "中断15分钟 · 声誉影响：高" "zh: 3 rates reputation at 15 min high"
expect_eq "$(impact reputation 15)" high "zh: the rating is stored"
expect_screen "建议MTD为1小时" "zh: high is not yet intolerable: the MTD stays"
keys Escape s
expect_screen "救援调度系统                             30分钟     5分钟    6     5   ✗" \
	"zh: rescue dispatch needs level 6, the document plans 5"
expect_screen "客服管理系统                              2小时     1小时    5     4   ✗⚑" \
	"zh: customer service needs 5, planned 4, a single point of failure"
expect_screen "库存管理系统                              4小时     4小时    5     3   ✗" \
	"zh: inventory needs 5, planned 3"
expect_screen "BI平台                                        —    24小时    2     2" \
	"zh: BI as planned"
expect_screen "计划5级，需要6级：达不到RTO 30分钟（5级最长需1小时恢复）" \
	"zh: why the plan falls short, from the table's upper bounds"
keys l C-u
type_text "6"
keys Enter
expect_screen "计划6级，与推荐等级一致" "zh: l sets the planned level"
expect_eq "$(sql "$db" "SELECT planned_level FROM bia_system WHERE assessment_id = $cur
	AND name = '救援调度系统'")" 6 "zh: the planned level is stored"
keys A
expect_screen "本地→同城：达不到RTO 30分钟（最长1小时），达不到RPO 5分钟（最长15分钟）" \
	"zh: A chooses same-city, whose worst case misses both targets"
expect_screen "救援调度系统                             30分钟     5分钟    6     6   !" \
	"zh: the plan now meets the need, the architecture is flagged"

keys f
expect_screen "灾备等级划分（原文示例表）（第1张，共1张）" "zh: f shows the table in use"
expect_wrapped "依据GB/T 20988-2007《信息系统灾难恢复规范》" "zh: with its source"
expect_screen "4  定时数据备份         数小时           15分钟-1小时" "zh: the document's words"
expect_screen "≤ 12小时         ≤ 1小时" "zh: and the upper bounds the rule uses"
expect_screen "推荐等级：RTO和RPO范围的上界（最坏情况）均满足目标的最低等级" \
	"zh: the level rule, stating which bound, above the table"
keys G
expect_screen "不可容忍评级：极高（i）" "zh: the unit's settings"
keys '?'
expect_screen "改用下一张等级表" "zh: ? lists the screen's keys"
keys Escape
expect_screen "本单位的设置" "zh: Esc closes the help"
keys Escape Escape
expect_screen "业务流程8个" "zh: Esc twice, back to the processes"
keys D
expect_screen "服务交易数据" "zh: D lists the data types"
expect_screen "救援调度系统，工单管理系统" "zh: with the systems that hold them"
keys q q q
expect_exit_ok

# A new organisation in English: the analysis from nothing.
db=$TMPD/new.db
start "$db" --lang en --today 2026-11-25
keys n
type_text "Depot"
keys Enter
keys b
expect_screen "No business processes yet. Press a to add the first" "en: an empty analysis says how to start"
keys a
type_text "Road rescue"
keys Enter
expect_screen "Road rescue                 ·   —" "en: a adds the process"
cur=$(sql "$db" "SELECT $CUR")
expect_eq "$(sql "$db" "SELECT group_concat(minutes, ' ') FROM (SELECT minutes FROM
	bia_duration WHERE assessment_id = $cur ORDER BY minutes)")" "15 60 240 1440" \
	"en: the first process starts the grids on the reference's durations"
keys Space
expect_screen "1 processes · 1 critical" "en: Space marks it critical"
keys t
type_text "30 min"
keys Enter
expect_screen "Set the MTD first: the RTO is checked against it" \
	"en: no RTO before there is an MTD"
keys Escape Enter
expect_screen "Never intolerable up to 24 h: the MTD is at least 24 h" "en: an empty grid"
keys G l l l 4
expect_screen "Suggested MTD 4 h: the last duration before the overall rating first reaches" \
	"en: extreme reputation at 24 h suggests 4 h"
keys m
type_text "1 h"
keys Enter
expect_screen "Why this MTD?" "en: an MTD by hand asks why"
type_text "safety"
keys Enter
expect_screen "MTD 1 h, set by hand: safety" "en: the MTD by hand with its reason"
expect_eq "$(sql "$db" "SELECT mtd || ' ' || mtd_reason FROM bia_process")" "60 safety" \
	"en: stored with its reason"
keys t
type_text "1 h"
keys Enter
expect_screen "The RTO must be shorter than the MTD (1 h)" "en: RTO = MTD is refused"
keys C-u
type_text "15"
keys Enter
expect_screen "RTO 15 min · margin 75 %" "en: 15 min, margin 75 %"
keys Escape D
keys a
type_text "Transactions"
keys Enter r
type_text "5 min"
keys Enter
expect_screen "Transactions        5 min" "en: a data type with its RPO"
keys Escape s a
type_text "Dispatch"
keys Enter
keys u Space Escape h Space Escape
expect_screen "Dispatch                                 15 min     5 min    6     —   ✗" \
	"en: the system takes the process's RTO and the data's RPO, needs level 6"
expect_screen "Nothing planned: needs level 6" "en: and says nothing is planned"
expect_eq "$(sql "$db" "SELECT count(*) FROM bia_use") $(sql "$db" "SELECT count(*) FROM bia_hold")" \
	"1 1" "en: the links are stored"
resize 120 40
expect_screen "Recommended: level 6 (Zero data loss), which meets RTO 15 min and RPO 5 min" \
	"en: at 120x40 the recommendation in full"
keys q q q
expect_exit_ok
finish
