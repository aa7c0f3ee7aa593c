#!/bin/bash
# The group screen in a real terminal at 80x24 and wider, in English and
# Chinese: G on the home screen shows every unit side by side with the
# selected unit's full lines under the table; s and S sort, r shows one
# region after another, x writes the pack of the units shown (read back
# with openpyxl), Enter opens another unit, whose name the home screen's
# title then shows.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/group.db
moat_cli --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null ||
	{ echo "init --demo failed"; exit 1; }
# A second unit with a draft year and a third without any, as the store
# would hold them (units cannot be made from the command line yet).
sql "$db" "INSERT INTO org_unit (name, created_by, created_at) VALUES
	('Beta centre', 'carol', '2026-01-01T00:00:00Z'),
	('Alpha centre', 'carol', '2026-01-01T00:00:00Z');
INSERT INTO assessment (unit_id, year, created_by, created_at)
	SELECT id, 2026, 'carol', '2026-01-01T00:00:00Z' FROM org_unit WHERE name = 'Beta centre';
INSERT INTO item_state (assessment_id, item_key, state, updated_by, updated_at)
	SELECT a.id, 'bia', 2, 'carol', '2026-01-01T00:00:00Z'
	FROM assessment a JOIN org_unit u ON u.id = a.unit_id WHERE u.name = 'Beta centre';" >/dev/null
moat_cli --db "$db" --lang en --today 2026-11-25 unit region "Beta centre" East >/dev/null ||
	{ echo "unit region failed"; exit 1; }

start "$db" --lang en --today 2026-11-25
# The title cuts a long unit name to leave room for the user's login.
expect_screen "Home  East China After-Sales" "home opens on the demo unit"
expect_screen "[G] Group" "the home menu offers the group view"
keys G
expect_screen "moat · Group" "G opens the group screen"
expect_screen "3 of 3 units · sort: Unit ↑ · region: all" "it counts the units, says the sort and region"
expect_screen "  Unit             Region Lvl  Risk      List Exp Soon Prog.    Late Untst RTA%" \
	"abbreviated headings fit 80 columns, the region among them"
expect_screen "  Alpha centre     -      -    no year   -    -   -    -        0    -     -" \
	"a unit without a year says so"
expect_screen "  Beta centre      East   L1   very high 1/10 0   0    -        0    0     -" \
	"a unit with a draft year"
expect_screen "> East China Afte… -      L2 ↑ high      6/10 1   1    d37 5/14 1    6     39%" \
	"the cursor starts on the unit open now; a long name is cut"
expect_screen "East China After-Sales Service Centre · region: none" \
	"the selected unit's full name below the table"
expect_screen "2026 (draft) · Level 2 Repeatable · risk high · 2025: Level 1" \
	"its year, level and last year's"
expect_screen "Restore tests: never 6 of 7 systems · stale 1 · last failed 0 · worst RTA" \
	"its restore tests"
expect_screen "Contingency plans: 2 · past their review: 1" "its plans past review"

keys s
expect_screen "sort: Region ↑" "s sorts by the next column"
order=$(settled_screen | grep -oE '(East China Afte…|Beta centre|Alpha centre)' | head -n 3 | tr '\n' '|')
expect_eq "$order" "Beta centre|Alpha centre|East China Afte…|" "by region, those without one last"
keys s
expect_screen "sort: Lvl ↑" "s again: the level"
keys S
expect_screen "sort: Lvl ↓" "S reverses the order"
expect_screen "Sorted by Lvl ↓" "and says so"
order=$(settled_screen | grep -oE '(East China Afte…|Beta centre|Alpha centre)' | head -n 3 | tr '\n' '|')
expect_eq "$order" "East China Afte…|Beta centre|Alpha centre|" "highest level first, no year last"
keys r
expect_screen "1 of 3 units · sort: Lvl ↓ · region: East" "r shows the first region"
expect_screen "> Beta centre" "the cursor goes to a unit shown"
keys r
expect_screen "3 of 3 units · sort: Lvl ↓ · region: all" "r again: every region"
keys g

keys '?'
expect_screen "sort by the next column" "? lists the screen's keys"
expect_screen "x       export the pack of the units shown" "and the group pack's key"
keys q

# x writes the pack of the units shown (the region filter holds: East
# alone), in their order, after the prompt for its file.
keys r
expect_screen "1 of 3 units · sort: Lvl ↓ · region: East" "r shows East again"
keys x
expect_screen "Export workbook to:" "x asks where the pack goes"
expect_screen "moat-group.xlsx" "offering moat-group.xlsx"
keys C-u
type_text "$TMPD/east.xlsx"
keys Enter
expect_screen "Workbook written: $TMPD/east.xlsx" "the status line says the pack is written"
sheets=$("${DEB_PYTHON3:-/usr/bin/python3}" -c "import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws = wb[wb.sheetnames[0]]
print('|'.join(wb.sheetnames), ws['A1'].value, ws['A4'].value, ws['A5'].value)" \
	"$TMPD/east.xlsx" 2>&1)
expect_eq "$sheets" "Group|Beta centre Business continuity of one unit · Region East Beta centre Total" \
	"the pack holds the group sheet of East's one unit and that unit's summary"
keys x
expect_screen "moat-group.xlsx" "x again"
keys C-u
type_text "$TMPD/east.xlsx"
keys Enter
expect_screen "already exists" "a file there is replaced only when the user says so"
keys n
expect_no_screen "already exists" "n keeps it"
keys r
expect_screen "3 of 3 units · sort: Lvl ↓ · region: all" "r again: every region"
keys g

# Enter opens another unit: back on the home screen, titled with it.
keys j
expect_screen "> Beta centre" "j moves to Beta centre"
expect_screen "Beta centre · region: East" "its lines below the table, with its region"
keys Enter
expect_screen "Home  Beta centre · 2026 (draft)" "Enter opens the unit on the home screen"
expect_screen "Opened Beta centre · 2026" "and says so"
# Back in the group (by name again), on the unit open now; the unit
# without a year opens nothing.
keys G
expect_screen "> Beta centre" "the group opens on the unit open now"
keys k
expect_screen "> Alpha centre" "k moves up"
keys Enter
expect_screen "Alpha centre has no assessment yet" "a unit without a year cannot be opened"

# A wider window shows the whole name in the table.
resize 120 40
expect_screen "> Alpha centre" "the cursor stays on its unit after a resize"
expect_screen "  East China After-Sales Service Centre -      L2 ↑" "120 columns: the full name in the table"
keys q q
expect_exit_ok

# Chinese.
start "$db" --lang zh --today 2026-11-25
expect_screen "首页  Beta centre" "zh: opens on the unit opened last"
keys G
expect_screen "moat · 集团总览" "zh: the group screen"
expect_screen "共 3/3 个单位 · 排序：单位 ↑ · 区域：全部" "zh: the heading"
expect_screen "  单位               区域 等级 风险   清单 过期 临期 计划        逾期 未测 RTA%" \
	"zh: abbreviated headings, laid out by display width"
expect_screen "  Alpha centre       -    -    无评估" "zh: no year"
expect_screen "第37天 5/14" "zh: programme day and progress"
expect_screen "业务应急方案：0 份，其中 0 份逾期未复审" "zh: the selected unit's lines"
keys j
expect_screen "East China After-Sales Service Centre · 区域：未设" "zh: j moves to the demo unit"
expect_screen "2026年（草稿）· 第2级 可重复级 · 风险高 · 2025年：第1级" "zh: its year and level"
keys Enter
# The title cuts a long unit name to leave the user's room: as much as
# any login of up to 16 columns leaves is checked.
expect_screen "已打开 East China After-Sales Service Centre · 2026年" "zh: Enter opens it, and says so"
expect_eq "$(settled_screen | head -1 | grep -c "首页  East China After-Sales.* · 2026（草稿）")" 1 \
	"zh: the home screen's title names the unit and year"
keys q
expect_exit_ok
finish
