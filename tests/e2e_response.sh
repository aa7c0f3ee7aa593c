#!/bin/bash
# Emergency response in a real terminal at 80x24: on the Chinese demo, the
# four levels of §4.1 with the card's state and the contacts' summary, the
# document's placeholders marked, a contact not confirmed within 90 days
# flagged and confirmed, a level edited (the card's version rises, and the
# card printed before shows as older until printed again), the card
# preview per level; in English, a contact of the unit's own role added
# through the form, with a bad escalation order refused at the field.
# Each change is checked in the database.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/response.db
demo_db "$db" zh
moat_cli --db "$db" --lang zh --today 2026-11-25 card >/dev/null ||
	fail "moat card on the demo"

start "$db" --lang zh --today 2026-12-01
keys E
expect_screen "moat · 应急响应" "zh: e opens emergency response"
expect_screen "已打印的第4版流程卡（2026-11-25）为最新版本。" \
	"zh: the card on the wall is the current one"
expect_screen "联系人3位 · 1位超过90天未确认（标“!”） · 3位为待替换的示例（标“*”）" \
	"zh: three placeholders, the commander unconfirmed for 126 days"
expect_screen "II级（重大）      核心系统部分中断      15分钟内       CIO/售后总监" \
	"zh: level II as in the document's table"
expect_screen "I级（特别重大）：核心系统完全中断。影响范围：全国业务停摆。" \
	"zh: the selected level in full"
keys '?'
expect_screen "编辑等级" "zh: help lists the keys"
keys q

# Level II responds within 10 minutes instead of 15.
keys j Enter
expect_screen "编辑II级（重大）" "zh: Enter edits the level"
keys Tab Tab Tab C-u
type_text "abc"
keys C-s
expect_screen "响应时间必须是0到527040之间的整数分钟。" "zh: minutes must be a number"
keys C-u
type_text "10"
keys Tab C-u
type_text "10分钟内"
keys C-s
expect_screen "II级（重大）      核心系统部分中断      10分钟内" "zh: the new response time shows"
expect_sql "$db" "SELECT minutes || ' ' || words FROM response_level WHERE level = 2" \
	"10 10分钟内" "zh: the level is stored"
expect_screen "已打印的第4版流程卡（2026-11-25）旧于当前第5版：请重新打印。" \
	"zh: the card on the wall is now older than the data"

keys c
expect_screen "moat · 应急联系人" "zh: c opens the contacts"
expect_screen "3  应急总指挥               王五 *        137-xxxx-xxxx   I/II   2026-07-28 !" \
	"zh: the commander: an example, called at I/II, unconfirmed"
keys G
expect_screen "王五超过90天未确认：请核实姓名和电话，然后按f。" "zh: why it is flagged"
keys f
expect_screen "已确认王五。" "zh: f confirms today"
expect_sql "$db" "SELECT confirmed_on FROM response_contact WHERE name = '王五'" \
	"2026-12-01" "zh: the confirmation is stored"
expect_screen "联系人3位 · 0位超过90天未确认（标“!”）" "zh: nobody is flagged any more"
expect_eq "$(sql "$db" "SELECT version FROM response_card")" 5 \
	"zh: a confirmation does not change the card"
keys Escape v
expect_screen "moat · 应急响应流程卡" "zh: v previews the card"
expect_screen "系统中断应急响应快速指引                                      第5版 · 2026-12-01" \
	"zh: the card's head with version and today's date, 80 columns wide"
keys l l
expect_screen "II级（重大）：核心系统部分中断；多个区域受影响" "zh: l twice: the card of level II"
expect_screen "响应时间：10分钟内 · 决策层级：CIO/售后总监" "zh: with the unit's response time"
expect_screen "在命令行打印：moat card --level II" "zh: the command that prints it"
keys q q q
expect_exit_ok
moat_cli --db "$db" --lang zh --today 2026-12-01 card --level II >/dev/null
start "$db" --lang zh --today 2026-12-01
keys E
expect_screen "已打印的第5版流程卡（2026-12-01）为最新版本。" \
	"zh: printed again, the card is current"
keys q q
expect_exit_ok

# English: the unit's own role through the form.
start "$db" --lang en --today 2026-12-01
keys E c a
expect_screen "New contact" "en: a opens the form for a new contact"
type_text "Station manager"
keys Tab
type_text "Qian Qi"
keys Tab
type_text "135-0000-0000"
keys Tab Tab Tab C-u
type_text "0"
keys C-s
expect_screen "A whole number from 1 to 99." \
	"en: order 0 is refused at the field"
keys C-u
type_text "4"
keys Tab C-u
type_text "III,IV"
keys C-s
expect_screen "4  Station manager          Qian Qi       135-0000-0000   III/IV 2026-12-01" \
	"en: the new contact in escalation order"
expect_sql "$db" "SELECT role || '|' || rank || '|' || levels || '|' || placeholder
	FROM response_contact WHERE name = 'Qian Qi'" "Station manager|4|12|0" \
	"en: stored with its own role, order 4 and levels III and IV"
expect_screen "4 contacts · 0 not confirmed within 90 days (!) · 3 examples to replace (*)" \
	"en: the summary counts it"
# Editing a placeholder makes it the unit's own.
keys g Enter
expect_screen "Edit contact 张三" "en: Enter edits the first contact"
keys Tab C-u
type_text "Sun Ba"
keys C-s
expect_screen "1  IT emergency lead        Sun Ba        139-xxxx-xxxx" "en: the new name shows"
expect_sql "$db" "SELECT placeholder FROM response_contact WHERE name = 'Sun Ba'" 0 \
	"en: no longer an example"
keys d
expect_screen "Remove the contact Sun Ba?" "en: d asks before removing"
keys y
expect_sql "$db" "SELECT count(*) FROM response_contact" 3 "en: removed"
expect_eq "$(sql "$db" "SELECT version FROM response_card")" 8 \
	"en: three changes to the contacts: three versions more"
keys Escape v
expect_screen "The printed card v5 (2026-12-01) is older than v8: print it again." \
	"en: the card says it needs printing again"
resize 100 30
expect_screen "Station manager (level III/IV): Qian Qi 135-0000-0000" "en: at 100x30 too"
keys q q q
expect_exit_ok
finish
