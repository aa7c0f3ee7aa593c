#!/bin/bash
# The unit picker in a real terminal (u on the home screen), at 80x24: the
# demo's unit and one added from a shell; a new unit refused at the field
# when its name is taken, then created and opened; renamed; given a
# region; archived, hidden, shown again; and the unit opened remembered
# for this Unix user. In English and in Chinese. Each change is checked in
# the database.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

for lang in en zh; do
	db=$TMPD/$lang.db
	demo_db "$db" "$lang"
	if [ "$lang" = en ]; then
		declare -A T=([demo]="East China After-Sales Service Centre" [other]="South China Centre"
			[new]="Central China Centre" [renamed]="Central Centre" [region]="Central"
			[exists]="A unit named East China After-Sales Service Centre already exists."
			[created]="Created Central China Centre and opened its 2026 assessment."
			[archive_q]="Archive Central Centre?" [archived]="archived" [hint]="h shows the archived units too"
			[menu]="[u] Units" [duties]="[D] Duties")
	else
		declare -A T=([demo]="华东售后服务中心" [other]="华南服务中心" [new]="华中服务中心"
			[renamed]="华中中心" [region]="华中" [exists]="已有名为“华东售后服务中心”的单位。"
			[created]="已新建“华中服务中心”，并打开其2026年度评估。"
			[archive_q]="归档“华中中心”？" [archived]="已归档" [hint]="按 h 同时显示已归档的单位"
			[menu]="[u] 单位" [duties]="[D] 周期职责")
	fi
	moat_cli --db "$db" --lang "$lang" --today 2026-12-01 unit add "${T[other]}" >/dev/null
	start "$db" --lang "$lang" --today 2026-12-01
	expect_screen "${T[menu]}" "$lang: the home screen offers the units on u"
	expect_screen "${T[duties]}" "$lang: and the duties on D"
	keys u
	expect_screen "> ${T[demo]:0:10}" "$lang: the picker starts on the unit open"
	expect_screen "${T[other]}" "$lang: and lists the other"
	expect_screen "${T[hint]}" "$lang: it says how to see archived units"
	keys n
	type_text "${T[demo]}"
	keys Enter
	expect_screen "${T[exists]}" "$lang: a name taken is refused at the field"
	keys C-u
	type_text "${T[new]}"
	keys Enter
	expect_screen "${T[created]}" "$lang: a new unit is created with this year and opened"
	expect_eq "$(sql "$db" "SELECT o.name || ' ' || a.year FROM user_current c JOIN assessment a
		ON a.id = c.assessment_id JOIN org_unit o ON o.id = a.unit_id WHERE c.user_name = '$(id -un)'")" \
		"${T[new]} 2026" "$lang: and remembered as the one this user opens on"
	expect_screen "> ${T[new]}" "$lang: the cursor goes to the new unit"
	keys e C-u
	type_text "${T[renamed]}"
	keys Enter
	expect_screen "${T[renamed]}" "$lang: e renames it"
	expect_eq "$(sql "$db" "SELECT o.name FROM user_current c JOIN assessment a
		ON a.id = c.assessment_id JOIN org_unit o ON o.id = a.unit_id WHERE c.user_name = '$(id -un)'")" \
		"${T[renamed]}" "$lang: the new unit is the one renamed"
	keys r
	type_text "${T[region]}"
	keys Enter
	expect_eq "$(sql "$db" "SELECT region FROM org_unit WHERE name = '${T[renamed]}'")" \
		"${T[region]}" "$lang: r sets its region"
	keys A
	expect_wrapped "${T[archive_q]}" "$lang: A asks before archiving"
	keys y
	expect_eq "$(sql "$db" "SELECT archived FROM org_unit WHERE name = '${T[renamed]}'")" 1 \
		"$lang: archived in the database"
	expect_no_screen "${T[renamed]}  " "$lang: and gone from the list"
	keys h
	expect_screen "${T[renamed]}" "$lang: h shows it again"
	expect_eq "$(sql "$db" "SELECT count(*) FROM org_unit")" 3 "$lang: nothing was deleted"
	# Open the other unit: the home screen shows it.
	keys q u
	expect_screen "${T[other]}" "$lang: the picker again"
	keys G Enter
	expect_screen "moat · " "$lang: back home"
	expect_eq "$(screen_text | head -1 | grep -c "${T[other]}")" 1 \
		"$lang: Enter opened the other unit, named in the title"
	keys q
	expect_exit_ok
	unset T
done
finish
