#!/bin/bash
# `moat card` on the demo in both languages, compared with the data: every
# step and check item of the questionnaire's response.yaml, every contact
# called at the level with name and phone, the level's row; no control
# characters, no line over 80 columns (CJK counts 2), the version and print
# date on the card; each print recorded in the database.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"

check_card() { # LANG DIR LEVEL
	local lang=$1 dir=$2 level=$3 db=$TMPD/card-$1.db out=$TMPD/card.txt args=()
	[ -f "$db" ] || demo_db "$db" "$lang"
	[ -n "$level" ] && args=(--level "$level")
	if ! moat_cli --db "$db" --lang "$lang" --today 2026-12-01 card "${args[@]}" \
		>"$out" 2>"$TMPD/err"; then
		fail "$lang $level: moat card failed: $(cat "$TMPD/err")"
		return
	fi
	expect_eq "$(cat "$TMPD/err")" "" "$lang ${level:-all}: nothing on stderr"
	version=$(sql "$db" "SELECT version FROM response_card")
	python3 - "$out" "$MOAT_DATADIR/$dir/response.yaml" "$lang" "${level:-}" "$version" \
		"$(sql "$db" "SELECT role || '|' || name || '|' || phone || '|' || levels || '|' || alternate FROM response_contact")" <<'PY'
import re, sys, unicodedata
card, yaml_path, lang, level, version, contacts = sys.argv[1:7]
text = open(card, encoding="utf-8").read()
bad = []
def width(t):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in t)
for i, line in enumerate(text.split("\n"), 1):
    if width(line) > 80:
        bad.append("line %d is %d columns" % (i, width(line)))
    if any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in line):
        bad.append("line %d holds a control character" % i)
# The file's texts, read as plain lines (titles, limits, checks, roles).
y = open(yaml_path, encoding="utf-8").read()
def values(key):
    return [v.strip().strip('"') for v in re.findall(r"^\s*-?\s*%s: (.+)$" % key, y, re.M)]
for t in values("title")[1:] + values("limit"):
    if t not in text:
        bad.append("missing step text: " + t)
checks = re.findall(r"^      - (.+)$", y, re.M)
for c in checks:
    c = c.strip().strip('"')
    if "[ ] " + c not in text:
        bad.append("missing check: " + c)
roles = dict(zip(values("key")[:3], values("name")[4:]))
roman = {"I": 1, "II": 2, "III": 3, "IV": 4}
for row in contacts.split("\n"):
    role, name, phone, levels, alt = row.split("|")
    called = not level or int(levels) & (1 << (roman[level] - 1))
    shown = name in text and phone in text
    if bool(called) != shown:
        bad.append("contact %s %s: %s" % (name, phone, "missing" if called else "shown, not called"))
    if called and roles.get(role, role) not in text:
        bad.append("role of %s missing" % name)
    if called and alt and alt not in text:
        bad.append("alternate of %s missing" % name)
mark = "【示例，请替换】" if lang == "zh" else "[example:\u00a0replace]"
if text.count(mark) != sum(1 for r in contacts.split("\n")
                           if not level or int(r.split("|")[3]) & (1 << (roman[level] - 1))):
    bad.append("placeholders not each marked")
head = ("第%s版 · 2026-12-01" if lang == "zh" else "v%s · 2026-12-01") % version
if head not in "\n".join(text.split("\n")[:2]):
    bad.append("the first lines lack " + head)
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
	if [ $? -eq 0 ]; then
		pass "$lang ${level:-all}: the card matches the data and fits 80 columns"
	else
		fail "$lang ${level:-all}: the card differs from the data"
		sed 's/^/     | /' "$out"
	fi
}

check_card zh zh_CN ""
check_card zh zh_CN II
check_card zh zh_CN IV
check_card en en ""
check_card en en I
check_card en en III

db=$TMPD/card-zh.db
expect_eq "$(sql "$db" "SELECT group_concat(level || ' ' || lang || ' ' || printed_on || ' v' || version, ', ') FROM card_print")" \
	"0 zh_CN 2026-12-01 v4, 2 zh_CN 2026-12-01 v4, 4 zh_CN 2026-12-01 v4" \
	"each print is recorded with its level, language, day and version"
expect_eq "$(moat_cli --db "$db" --lang zh --today 2026-12-01 card --level II | grep -c 王五)" 1 \
	"zh II: the commander is called for a major incident"
expect_eq "$(moat_cli --db "$db" --lang zh --today 2026-12-01 card --level III | grep -c 王五)" 0 \
	"zh III: the commander is not called for a serious one"
moat_cli --db "$db" --today 2026-12-01 card --level V >/dev/null 2>"$TMPD/err"
expect_eq "$?:$(head -n 1 "$TMPD/err")" "2:moat: --level must be I, II, III or IV: V" \
	"an unknown level is a usage error"
moat_cli --db "$db" --today 2026-12-01 due --level II >/dev/null 2>"$TMPD/err"
expect_eq "$?:$(head -n 1 "$TMPD/err")" "2:moat: --level only goes with card and incident declare" \
	"--level belongs to card"
finish
