#!/bin/bash
# `moat form` on the demo in both languages: one blank registration form
# per contingency plan (or the one --system names), every column of the
# plan in the heading row, the unit, system, version and print date in the
# title, 12 blank ruled rows, no control characters, no line over 80
# display columns (CJK counts 2), measured by python3; columns edited in
# the database show; an unknown system is refused.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"

check_form() { # DB LANG SYSTEM COLUMNS(|) TITLE VERSION
	local db=$1 lang=$2 system=$3 out=$TMPD/form.txt
	if ! moat_cli --db "$db" --lang "$lang" --today 2026-12-01 form --system "$system" \
		>"$out" 2>"$TMPD/err"; then
		fail "$lang $system: moat form failed: $(cat "$TMPD/err")"
		return
	fi
	expect_eq "$(cat "$TMPD/err")" "" "$lang $system: nothing on stderr"
	if python3 - "$out" "$4" "$5" "$6" "$system" <<'PY'
import sys, unicodedata
path, columns, title, version, system = sys.argv[1:6]
text = open(path, encoding="utf-8").read()
lines = text.split("\n")
bad = []
def width(t):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in t)
for i, line in enumerate(lines, 1):
    if width(line) > 80:
        bad.append("line %d is %d columns" % (i, width(line)))
    if any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in line):
        bad.append("line %d holds a control character" % i)
if lines[0].strip() != title:
    bad.append("title: " + lines[0])
if system not in lines[2]:
    bad.append("no system in: " + lines[2])
if version not in lines[3] or "2026-12-01" not in lines[3]:
    bad.append("no version and print date in: " + lines[3])
# The heading rows: between the first two rules; a heading may wrap.
rules = [i for i, l in enumerate(lines) if l.startswith("+-")]
heads = lines[rules[0] + 1:rules[1]]
cells = [[] for _ in heads[0].split("|")[1:-1]]
for h in heads:
    for k, c in enumerate(h.split("|")[1:-1]):
        if c.strip():
            cells[k].append(c.strip())
# A word wider than its column is cut: compare without the spaces.
got = ["".join(c).replace(" ", "") for c in cells]
if got != [c.replace(" ", "") for c in columns.split("|")]:
    bad.append("columns %r" % got)
blank = [l for l in lines if l.startswith("|") and not l.replace("|", "").strip()]
if len(blank) != 12:
    bad.append("%d blank rows" % len(blank))
if len(rules) != 14:
    bad.append("%d rules" % len(rules))
if any(width(lines[i]) != 80 for i in rules):
    bad.append("a rule is not 80 columns")
if bad:
    print("\n".join(bad))
    sys.exit(1)
PY
	then
		pass "$lang $system: the form fits and has every column"
	else
		fail "$lang $system: the form"
		sed 's/^/     | /' "$out"
	fi
}

zdb=$TMPD/form-zh.db
demo_db "$zdb" zh
check_form "$zdb" zh 客服管理系统 "时间|车牌号|客户姓名|联系电话|服务项目|预计完成时间|服务顾问" \
	应急服务登记表 "方案第1版，2025-10-21批准"
edb=$TMPD/form-en.db
demo_db "$edb" en
check_form "$edb" en "Rescue dispatch system" \
	"Time|Plate number|Customer name|Phone|Service|Expected completion|Service advisor" \
	"Emergency service registration form" "Plan version 1, approved 2026-09-26"
# Columns of the unit's own (renamed, reordered, one more) show as stored.
sql "$edb" "UPDATE cont_column SET title = 'Arrival' WHERE position = 1;
	INSERT INTO cont_column SELECT plan_id, 8, 'Signature' FROM cont_column
	WHERE position = 1 AND plan_id = (SELECT id FROM contingency WHERE system = 'Rescue dispatch system')"
check_form "$edb" en "Rescue dispatch system" \
	"Arrival|Plate number|Customer name|Phone|Service|Expected completion|Service advisor|Signature" \
	"Emergency service registration form" "Plan version 1, approved 2026-09-26"

# Every plan without --system: both forms.
moat_cli --db "$zdb" --lang zh --today 2026-12-01 form >"$TMPD/all.txt" 2>&1
expect_eq "$(grep -c '^ *应急服务登记表$' "$TMPD/all.txt")" "2" "zh: both plans' forms"
expect_eq "$(grep -c '事后补录：系统恢复后4小时内' "$TMPD/all.txt")" "1" \
	"zh: the back-entry footnote where the plan has a deadline"
moat_cli --db "$zdb" --lang en --today 2026-12-01 form --system Nope >/dev/null 2>"$TMPD/err"
expect_eq "$?" "1" "an unknown system fails"
expect_eq "$(cat "$TMPD/err")" "moat: No contingency plan for Nope." "and says so"
finish
