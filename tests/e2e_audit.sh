#!/bin/bash
# The audit log shows every value as it was typed, in the unit of its
# field: an investment amount of 450 as 450 (stored as 45000 hundredths),
# a discount rate of 8 as 8 %, states and statuses as words of the
# interface's language; the Chinese log has none of the stored English
# keys. The database keeps what it stored.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

# Pages through the whole log, newest first, printing every screen.
whole_log() {
	local i
	keys g
	for i in $(seq 6); do
		screen_text
		for _ in $(seq 30); do keys j; done
		sleep 0.2
	done
}

for lang in en zh; do
	db=$TMPD/$lang.db
	moat_cli --db "$db" --lang $lang --today 2026-11-25 init --demo >/dev/null
	start "$db" --lang $lang --today 2026-11-25
	resize 132 40
	expect_screen "2026" "the $lang demo opens at 132x40"
	# The core class's amount, the discount rate, a task blocked.
	keys i Tab Tab Tab
	type_text "450"
	keys Enter
	expect_sql "$db" "SELECT amount FROM invest_class WHERE level_low = 4" 45000 \
		"$lang: 450 is stored in hundredths"
	keys q r G
	type_text "8"
	keys Enter
	expect_sql "$db" "SELECT value FROM unit_param WHERE key = 'roi.rate_bp'" 800 \
		"$lang: 8 % is stored in hundredths of a percent"
	keys q p
	expect_sql "$db" "SELECT status FROM plan_task WHERE id = (SELECT min(id) FROM plan_task)" \
		done "$lang: the first task is done"
	keys Space
	expect_sql "$db" "SELECT status FROM plan_task WHERE id = (SELECT min(id) FROM plan_task)" \
		blocked "$lang: Space blocks it"
	keys q a
	if [ $lang = en ]; then
		expect_screen "status: done → blocked" "the task's status as words"
		expect_screen "Discount rate (%)" "the setting named as on its screen"
		expect_screen "value: — → 8 %" "the rate as a percentage"
		expect_screen "DR levels and amount: DR level 4-5, 300 → DR level 4-5, 450" \
			"the class's amount as typed, not in hundredths"
		want=("year 2025" "status: draft → final" "state: not started → in progress"
		      "added: — → 300" "done (due → on): 2026-11-20 → 2026-11-20")
	else
		expect_screen "状态：已完成 → 受阻" "the task's status in Chinese"
		expect_screen "折现率（%）" "the setting named as on its screen"
		expect_screen "数值：— → 8 %" "the rate as a percentage"
		expect_screen "灾备等级与金额：灾备等级4-5，300 → 灾备等级4-5，450" \
			"the class's amount as typed, not in hundredths"
		want=("年度 2025" "状态：草稿 → 已定稿" "状态：未开始 → 进行中"
		      "添加：— → 300" "完成（到期日 → 完成日）：2026-11-20 → 2026-11-20")
	fi
	log=$(whole_log)
	for w in "${want[@]}"; do
		case $log in *"$w"*) pass "$lang: the log shows '$w'" ;;
		*) fail "$lang: the log lacks '$w'" ;; esac
	done
	bad=
	for word in draft final blocked not_started in_progress "30000" "45000" \
		"roi.rate_bp" "inv." "note:" "class:" "value:" "state:" "status:" \
		"added:" "owner:" "done:" "skipped:"; do
		[ $lang = en ] && case $word in *:|draft|final|blocked) continue ;; esac
		case $log in *"$word"*) bad="$bad '$word'" ;; esac
	done
	expect_eq "${bad:-none}" none "$lang: the log shows no stored keys or hundredths"
	# At 80x24 the selected entry shows in full under the list.
	resize 80 24
	keys g
	if [ $lang = en ]; then
		expect_screen "status: done → blocked" "at 80x24 the newest entry shows in full"
	else
		expect_screen "状态：已完成 → 受阻" "at 80x24 the newest entry shows in full"
	fi
	keys q q
	expect_exit_ok
	expect_eq "$(sql "$db" "SELECT coalesce(old_value, 'NULL') || '|' || new_value FROM audit_log WHERE entity = 'param' AND key = 'roi.rate_bp'")" \
		"NULL|800" "$lang: the log keeps what it stored"
done

# The log shows the current unit's changes; o shows the whole
# organisation's, another unit's too. Entries load a page (100) at a
# time: G goes to the last one loaded, which brings the next page, and
# G again to the oldest.
: "${MOAT_WRITER:?MOAT_WRITER must point to the stress writer}"
db=$TMPD/units.db
moat_cli --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null
sql "$db" "INSERT INTO org_unit (name, created_by, created_at) VALUES
	('North Depot', 'test', '2026-11-01T08:00:00Z');
	INSERT INTO assessment (unit_id, year, created_by, created_at) SELECT id,
	2026, 'test', '2026-11-01T08:00:00Z' FROM org_unit WHERE name = 'North Depot'"
other=$(sql "$db" "SELECT a.id FROM assessment a JOIN org_unit u ON u.id = a.unit_id
	WHERE u.name = 'North Depot'")
cur=$(sql "$db" "SELECT $CUR")
# 18 more than the demo's own: two pages of 100.
"$MOAT_WRITER" "$db" "$cur" page 18 >/dev/null
"$MOAT_WRITER" "$db" "$other" north 1 >/dev/null
expect_sql "$db" "SELECT count(*) FROM audit_log WHERE unit_id = (SELECT unit_id
	FROM assessment WHERE id = $cur)" 186 "the demo unit's log has 186 entries"
for lang in en zh; do
	start "$db" --lang $lang --today 2026-11-25
	keys a
	if [ $lang = en ]; then
		unit="East China After-Sales Service Centre · all changes, newest first"
		whole="whole organisation · all changes, newest first"
		oldest="unit East China After-Sales Service Centre · created"
	else
		# The demo was made in English: its unit keeps that name.
		unit="East China After-Sales Service Centre · 全部变更，最新在前"
		whole="整个组织 · 全部变更，最新在前"
		oldest="单位 East China After-Sales Service Centre · 创建"
	fi
	expect_screen "$unit" "$lang: the log opens on the current unit"
	expect_screen "page 17" "$lang: newest first"
	expect_no_screen "north 0" "$lang: without the other unit's changes"
	keys o
	expect_screen "$whole" "$lang: o shows the whole organisation"
	expect_screen "north 0" "$lang: with the other unit's changes"
	keys o
	expect_screen "$unit" "$lang: o again, the unit"
	keys G
	expect_no_screen "$oldest" "$lang: G goes to the 100th entry, not yet the oldest"
	keys G
	expect_screen "$oldest" "$lang: the next page came: G again, the oldest"
	keys g
	expect_screen "page 17" "$lang: g, the newest again"
	keys q q
	expect_exit_ok
done
expect_eq "$(moat_cli --db "$db" --lang en audit verify 2>&1)" \
	"Audit log intact: 187 entries, each sealed to the one before." \
	"the log of both units verifies"

finish
