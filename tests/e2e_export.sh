#!/bin/bash
# Export from the interface (home x): a file already there is replaced
# only after asking; a failure names the file and the reason, wrapped so
# nothing of it is cut, at 80x24 and in Chinese.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/moat.db
demo_db "$db"
book=$TMPD/board.xlsx
# Inode and contents: a replaced workbook is a new file (renamed over).
stamp() { stat -c %i "$book"; sha256sum <"$book"; }

start "$db" --lang en --today 2026-11-25
expect_screen "Level 2 Repeatable" "home shows"
keys x C-u
type_text "$book"
keys Enter
expect_screen "Workbook written: $book" "a new file is written at once"
before=$(stamp)
keys x C-u
type_text "$book"
keys Enter
expect_wrapped "$book already exists. Replace it with this workbook? y / n" \
	"an existing file: x asks before replacing it"
keys n
expect_no_screen "Workbook written" "n writes nothing"
expect_eq "$(stamp)" "$before" "the file is untouched"
keys x C-u
type_text "$book"
keys Enter y
expect_screen "Workbook written: $book" "y replaces it"
if [ "$(stamp)" != "$before" ]; then pass "the file was replaced"; else fail "the file is the old one"; fi

# A folder that does not exist: the message names the file and says why,
# wrapped over as many lines as it needs.
missing=$TMPD/quarterly-reports/for-the-board-of-directors/east-china/board-2026.xlsx
keys x C-u
type_text "$missing"
keys Enter
expect_wrapped "Could not write the workbook $missing: cannot create a file in $(dirname "$missing"): the folder does not exist" \
	"a failure names the whole file and the reason, wrapped"
# Below the title bar, which cuts the unit's name to make room for a long
# login.
expect_eq "$(screen_text | sed 1d | grep -c '…')" 0 "nothing of the message is cut"
if [ -e "$missing" ]; then fail "a file appeared at $missing"; else pass "nothing is written"; fi
keys q
expect_exit_ok

start "$db" --lang zh --today 2026-11-25
expect_screen "检查清单" "the Chinese home shows"
keys x C-u
type_text "$book"
keys Enter
expect_wrapped "$book 已存在。用本工作簿替换它？y / n" "the question in Chinese"
keys n x C-u
type_text "$missing"
keys Enter
expect_wrapped "无法写入工作簿 $missing：无法在 $(dirname "$missing") 中创建文件：文件夹不存在" \
	"the failure and its reason in Chinese"
keys q
expect_exit_ok

finish
