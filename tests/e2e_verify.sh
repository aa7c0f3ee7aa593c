#!/bin/bash
# Backups and their verification in a real terminal, in Chinese and in
# English, each at 80x24 and at 100x30: a system's plan and copies typed into the
# backups screen with its 3-2-1 and interval sentences, the stale-days
# setting, a ledger entry refused at the field (end before start) and
# then recorded (judged against the RTO, completing the monthly restore
# test), the filters, the trend chart, the flags on the home and systems
# screens, and the restore test recorded from the agenda creating exactly
# one ledger entry linked to that occurrence. Each change is checked in
# the database.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

declare -A T

zh_texts() {
	T=(
		[sys]="客服管理系统" [first]="救援调度系统"
		[every_week]="7天" [every_day]="24小时" [weekly]="每周日" [daily]="每天02:00"
		[kept]="3个月" [nas]="机房NAS" [cloud]="阿里云OSS"
		[interval]="每24小时备份一次，最多丢失24小时的数据：达不到RPO 1小时"
		[two_copies]="仅2份副本，应有3份（生产数据算1份）；备份均存于NAS：还需第二种介质；没有异地副本"
		[met]="符合3-2-1原则：3份副本、2种介质、1份异地"
		[never]="从未做过恢复测试" [stale]="超过30天视为过期"
		[end_before]="结束时间不能早于开始时间"
		[missed]="RTA 3小时10分钟，RTO 2小时：超出1小时10分钟"
		[duty]="已完成周期职责：每月备份恢复测试（2026-11-10到期）"
		[fresh]="（2026-11-24） · RTA 3小时10分钟，RTO 2小时：超出1小时10分钟"
		[two]="共2条" [none]="没有符合筛选条件的记录。" [check]="自动化验证"
		[check_row]="2026-11-25 00:00 工单管理系统" [delete]="删除自动化验证（工单管理系统，开始于2026-11-25 00:00）？"
		[trend]="客服管理系统的RTA走势 · RTO 2小时（┃）"
		[old_bar]="2026-10-20 09:00 ████" [new_bar]="3小时10分钟"
		[fifty]="50分钟" [twenty]="20分钟"
		[home7]="7个系统从未做过恢复测试" [home]="6个系统从未做过恢复测试"
		[legend]="↺ 需做恢复测试"
		[log]="记录 · 每月备份恢复测试 · 2026-12-10 到期" [ledger]="验证记录"
		[recorded]="已记录 每月备份恢复测试"
	)
}

en_texts() {
	T=(
		[sys]="Customer service system" [first]="Rescue dispatch system"
		[every_week]="7 d" [every_day]="24 h" [weekly]="Sundays" [daily]="daily at 02:00"
		[kept]="3 months" [nas]="NAS in room 2" [cloud]="Aliyun OSS"
		[interval]="a backup every 24 h loses up to 24 h of data: the RPO 1 h is not met"
		[two_copies]="2 copies of 3 (production counts as one); the backups are all on NAS: a second kind of medium is needed; no copy off site"
		[met]="3-2-1 met: 3 copies, 2 kinds of medium, 1 off site"
		[never]="never restore-tested" [stale]="stale after 30 days"
		[end_before]="The end cannot be before the start"
		[missed]="RTA 3 h 10 min, RTO 2 h: missed by 1 h 10 min"
		[duty]="completed Monthly backup restore test due 2026-11-10"
		[fresh]="(2026-11-24) · RTA 3 h 10 min, RTO 2 h: missed by 1 h 10 min"
		[two]="entries: 2" [none]="No entries match the filter." [check]="automated check"
		[check_row]="2026-11-25 00:00 Work order system" [delete]="Delete the automated check of Work order system started 2026-11-25 00:00?"
		[trend]="RTA of Customer service system over time · RTO 2 h (┃)"
		[old_bar]="2026-10-20 09:00 ████" [new_bar]="3 h 10 min"
		[fifty]="50 min" [twenty]="20 min"
		[home7]="7 systems never restore-tested" [home]="6 systems never restore-tested"
		[legend]="↺ test due"
		[log]="Record · Monthly backup restore test · due 2026-12-10" [ledger]="Verification ledger"
		[recorded]="Recorded Monthly backup restore test"
	)
}

# flags_of NAME: the flags at the end of the system's row.
flags_of() { screen_text | grep -F -- "$1" | head -n 1 | awk '{print $NF}'; }

# run LANG WIDTH HEIGHT: the whole walk on a fresh demo in LANG.
run() {
	local lang=$1 what db=$TMPD/verify-$1-$2.db sys_id
	"${1}_texts"
	what="$lang $2x$3"
	demo_db "$db" "$lang"
	# The walk starts from systems with no backups recorded and an empty
	# ledger: the demo's own are taken out first.
	sql "$db" "DELETE FROM backup_copy; DELETE FROM backup_plan; DELETE FROM verify_entry"
	sys_id=$(sql "$db" "SELECT id FROM bia_system WHERE assessment_id = $CUR AND name = '${T[sys]}'")
	start "$db" --lang "$lang" --today 2026-11-25
	[ "$2" = 80 ] || resize "$2" "$3"
	expect_screen "${T[home7]}" "$what: the home screen says how many systems were never restore-tested"

	# The plan and the copies of the customer service system.
	keys B
	expect_screen "${T[never]}" "$what: B opens the backups, a system never restore-tested"
	keys j p
	type_text "${T[weekly]}"
	keys Tab
	type_text "${T[every_week]}"
	keys Tab
	type_text "${T[daily]}"
	keys Tab
	type_text "${T[every_day]}"
	keys Tab Tab
	type_text "${T[kept]}"
	keys Tab
	type_text "90"
	keys C-s
	expect_screen "${T[interval]}" "$what: an incremental every 24 h cannot give the RPO 1 h"
	expect_eq "$(sql "$db" "SELECT full_every || ' ' || incr_every || ' ' || retention_days FROM backup_plan WHERE system_id = $sys_id")" \
		"10080 1440 90" "$what: the plan is stored in minutes and days"
	keys a
	type_text "${T[nas]}"
	keys Tab Space C-s
	expect_wrapped "${T[two_copies]}" "$what: one copy on NAS: the 3-2-1 sentence says all that is missing"
	keys a
	type_text "${T[cloud]}"
	keys Tab Right Right Right Tab Space C-s
	expect_screen "${T[met]}" "$what: a cloud copy off site meets 3-2-1"
	expect_eq "$(sql "$db" "SELECT group_concat(medium || ':' || offsite, ' ') FROM backup_copy WHERE system_id = $sys_id")" \
		"nas:0 cloud:1" "$what: the copies are stored with medium and place"
	keys S C-u
	type_text "30"
	keys Enter
	expect_screen "${T[stale]}" "$what: the stale-days setting is taken"
	expect_eq "$(sql "$db" "SELECT value FROM unit_param WHERE key = 'verify_stale_days'")" 30 \
		"$what: and stored for the unit"

	# A restore test recorded from the ledger: the end before the start
	# is refused at its field.
	keys l a
	expect_screen "${T[sys]}" "$what: the entry form starts on the system of the ledger"
	keys Tab Tab Tab C-u
	type_text "2026-11-24 09:00"
	keys Tab
	type_text "2026-11-24 08:00"
	keys C-s
	expect_screen "${T[end_before]}" "$what: an end before the start is refused at the field"
	expect_eq "$(sql "$db" "SELECT count(*) FROM verify_entry")" 0 "$what: nothing is stored"
	keys C-u
	type_text "2026-11-24 12:10"
	keys Tab Tab Tab
	type_text "100"
	keys C-s
	expect_screen "${T[missed]}" "$what: the entry is judged: 3 h 10 min against the RTO 2 h"
	expect_screen "${T[duty]}" "$what: it says which duty occurrence it completed"
	expect_sql "$db" "SELECT v.rta || ' ' || v.completeness || ' ' || e.due_date FROM verify_entry v
		JOIN duty_event e ON e.id = v.duty_event_id" "190 1000 2026-11-10" \
		"$what: stored with its RTA and linked to the occurrence due 10 November"
	keys a Tab Tab Tab C-u
	type_text "2026-10-20 09:00"
	keys Tab Tab
	type_text "${T[fifty]}"
	keys C-s
	expect_screen "${T[two]}" "$what: two entries of the system"
	keys Escape
	expect_wrapped "${T[fresh]}" "$what: the backups screen: tested yesterday, with its RTA against the RTO"
	keys l
	keys c
	expect_screen "${T[trend]}" "$what: c shows the RTA trend against the RTO"
	expect_screen "${T[old_bar]}" "$what: the older entry's bar, short of the RTO"
	expect_screen "${T[new_bar]}" "$what: the newer one's time at the end of its bar"
	keys t
	expect_screen "${T[none]}" "$what: t filters by kind: no automated checks"
	keys t
	expect_screen "${T[two]}" "$what: the next kind, restore tests: both"
	keys s
	expect_screen "${T[none]}" "$what: s filters by the next system: none"
	keys t t t a Tab Right Right C-s
	expect_screen "${T[check_row]}" "$what: an automated check of the next system recorded there"
	keys d
	expect_wrapped "${T[delete]}" "$what: d asks before deleting the entry"
	keys y
	expect_screen "${T[none]}" "$what: y deletes it"
	expect_sql "$db" "SELECT count(*) FROM verify_entry WHERE kind = 'check'" 0 \
		"$what: the entry is gone from the database"

	# The flags on the systems screen and the home line.
	keys Escape Escape Escape
	expect_screen "${T[home]}" "$what: home: one system fewer never tested"
	keys b s
	expect_screen "${T[legend]}" "$what: the systems screen's legend names the flag"
	expect_eq "$(flags_of "${T[first]}")" "✗↺" \
		"$what: a system never restore-tested is flagged on the systems screen"
	expect_eq "$(flags_of "${T[sys]}")" "✗⚑" "$what: the one tested yesterday is not"
	keys Escape Escape

	# The next monthly restore test recorded from the agenda: one act.
	keys d j Enter
	expect_screen "${T[log]}" "$what: the agenda records the restore test due 10 December"
	keys Tab Tab Tab Tab Tab
	type_text "${T[twenty]}"
	keys C-s
	expect_screen "${T[recorded]}" "$what: recorded"
	expect_sql "$db" "SELECT count(*) FROM verify_entry" 3 "$what: exactly one ledger entry more"
	expect_eq "$(sql "$db" "SELECT v.system || ' ' || v.rta || ' ' || e.due_date FROM verify_entry v
		JOIN duty_event e ON e.id = v.duty_event_id WHERE v.system = '${T[first]}'")" \
		"${T[first]} 20 2026-12-10" "$what: linked to the occurrence it recorded"
	expect_eq "$(sql "$db" "SELECT count(*) FROM duty_event WHERE due_date = '2026-12-10'")" 1 \
		"$what: and that occurrence is recorded once"
	keys Escape B l
	expect_screen "${T[ledger]}" "$what: the ledger"
	keys q q q q
	expect_exit_ok
}

for size in "80 24" "100 30"; do
	run zh $size
	run en $size
done
finish
