#!/bin/bash
# `moat bia` on the demo in both languages: the systems table of the
# source's §2.1 and §3.1 (the document's three safety margins 75/50/50 %,
# its own table recommending more than its planned levels), aligned by
# display width, and the same figures as CSV read back with Python's csv
# module; usage errors and a database without an organisation.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC
py=${DEB_PYTHON3:-/usr/bin/python3}
[ -x "$py" ] || py=python3

run() { out=$("$MOAT_BIN" "$@" 2>"$TMPD/err"); rc=$?; err=$(cat "$TMPD/err"); }

for lang in en zh; do
	db=$TMPD/$lang.db
	run --db "$db" --lang "$lang" --today 2026-11-25 init --demo
	expect_eq "$rc" 0 "$lang: init --demo"
done

run --db "$TMPD/en.db" --lang en --today 2026-11-25 bia
expect_eq "$rc" 0 "en: bia exits 0"
expect_eq "$out" "East China After-Sales Service Centre · 2026
Level table: DR levels (the document's example table); version: GB/T 20988-2007 (the document's example); source: §3.1 of the source document, after GB/T 20988-2007 Information security technology — Disaster recovery specifications for information systems

System                   Required RTO  RTO set by        Required RPO  RPO set by             Safety margin  Recommended level  Planned level  Flags
Rescue dispatch system   15 min        Road rescue       5 min         Service transactions   75 %           6                  5              plan weaker than needed
Customer service system  2 h           Service booking   1 h           Customer information   50 %           5                  4              single point of failure, plan weaker than needed
Work order system        -             -                 5 min         Service transactions   -              6                  -              plan weaker than needed, RTO missing
Parts inventory system   4 h           Parts allocation  4 h           Parts inventory data   50 %           5                  3              plan weaker than needed
Finance system           -             -                 5 min         Service transactions   -              6                  -              plan weaker than needed, RTO missing
CRM system               -             -                 1 h           Customer information   -              4                  -
BI platform              -             -                 24 h          Historical statistics  -              2                  2" \
	"en: the systems table: the document's margins, its plan weaker than its own table"
printf '%s\n' "$out" >"$TMPD/en.txt"
inv=$(printf '%s\n' "$out" | grep '^Parts inventory system')
expect_eq "$inv" "Parts inventory system   4 h           Parts allocation  4 h           Parts inventory data   50 %           5                  3              plan weaker than needed" \
	"en: inventory: RTO 4 h, RPO 4 h, recommended 5, planned 3, flagged weaker"

run --db "$TMPD/zh.db" --lang zh --today 2026-11-25 bia
expect_eq "$rc" 0 "zh: bia exits 0"
expect_eq "$out" "华东售后服务中心 · 2026年
等级表：灾备等级划分（原文示例表）；版本：GB/T 20988-2007（原文示例）；来源：《业务连续性与灾备管理——打造永不宕机的售后服务》3.1节，依据GB/T 20988-2007《信息系统灾难恢复规范》

系统          所需RTO  决定RTO的业务流程  所需RPO  决定RPO的数据  安全裕度  推荐等级  计划等级  警示
救援调度系统  15分钟   道路救援服务       5分钟    服务交易数据   75%       6         5         计划低于所需
客服管理系统  2小时    预约服务           1小时    客户信息       50%       5         4         单点故障，计划低于所需
工单管理系统  -        -                  5分钟    服务交易数据   -         6         -         计划低于所需，缺少RTO
库存管理系统  4小时    配件调配           4小时    配件库存数据   50%       5         3         计划低于所需
财务系统      -        -                  5分钟    服务交易数据   -         6         -         计划低于所需，缺少RTO
CRM系统       -        -                  1小时    客户信息       -         4         -
BI平台        -        -                  24小时   历史统计数据   -         2         2" \
	"zh: the systems table, aligned by display width (CJK counts 2)"
printf '%s\n' "$out" >"$TMPD/zh.txt"

for lang in en zh; do
	run --db "$TMPD/$lang.db" --lang "$lang" --today 2026-11-25 bia --csv
	expect_eq "$rc" 0 "$lang: bia --csv exits 0"
	"$MOAT_BIN" --db "$TMPD/$lang.db" --lang "$lang" --today 2026-11-25 bia --csv >"$TMPD/$lang.csv"
	if said=$("$py" - "$TMPD/$lang.csv" "$TMPD/$lang.txt" "$lang" 2>&1 <<'PY'
import csv, sys, unicodedata

path, txt, lang = sys.argv[1:4]
raw = open(path, "rb").read()
assert raw.endswith(b"\r\n") and raw.count(b"\r\n") == raw.count(b"\n"), \
    "lines end in CRLF"
rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
head, body = rows[0], rows[1:]
assert len(head) == 13, head
assert all(len(r) == 13 for r in body), body

# The document's figures (§2.1 step 4, §1.2, §3.1): system, RTO, RPO in
# minutes, margin %, recommended, planned, flags (SPOF, weaker, no RTO,
# no RPO, architecture).
want = [
    (15, 5, "75", 6, 5, "01000"), (120, 60, "50", 5, 4, "11000"),
    (None, 5, None, 6, None, "01100"), (240, 240, "50", 5, 3, "01000"),
    (None, 5, None, 6, None, "01100"), (None, 60, None, 4, None, "00000"),
    (None, 1440, None, 2, 2, "00000"),
]
assert len(body) == len(want), body
def num(s):
    return int(s) if s else None
for r, w in zip(body, want):
    got = (num(r[1]), num(r[3]), r[5] or None, num(r[6]), num(r[7]),
           "".join(r[8:13]))
    assert got == w, f"{r[0]}: {got}, expected {w}"

def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in s)

def cells(line):
    """The cells of an aligned line with their display columns."""
    out, col, i = [], 0, 0
    while i < len(line):
        j = i
        while j < len(line) and not line.startswith("  ", j):
            j += 1
        out.append((col, line[i:j]))
        col += width(line[i:j])
        while j < len(line) and line[j] == " ":
            j += 1
            col += 1
        i = j
    return out

lines = open(txt, encoding="utf-8").read().splitlines()[3:]
starts = [c for c, _ in cells(lines[0])]
sep = ", " if lang == "en" else "，"
pct = " %" if lang == "en" else "%"
def minutes(m):
    if m is None:
        return "-"
    h, mi = divmod(m, 60)
    u = (" h", " min") if lang == "en" else ("小时", "分钟")
    parts = ([f"{h}{u[0]}"] if h else []) + ([f"{mi}{u[1]}"] if mi else [])
    return (" " if lang == "en" else "").join(parts)
for line, r in zip(lines[1:], body):
    got = cells(line)
    assert [c for c, _ in got] == starts[:len(got)], \
        f"{r[0]}: columns at {[c for c, _ in got]}, header at {starts}"
    flags = sep.join(head[8 + i] for i in range(5) if r[8 + i] == "1")
    shown = [r[0], minutes(num(r[1])), r[2] or "-", minutes(num(r[3])),
             r[4] or "-", r[5] + pct if r[5] else "-", r[6] or "-",
             r[7] or "-"] + ([flags] if flags else [])
    assert [t for _, t in got] == shown, f"{[t for _, t in got]} != {shown}"
print(f"{len(body)} systems, header {head[0]!r}..{head[-1]!r}")
PY
	); then
		pass "$lang: CSV parses with the csv module, same values as the table ($said)"
	else
		fail "$lang: CSV check: $said"
	fi
done
expect_eq "$(head -n 1 "$TMPD/zh.csv")" "系统,所需RTO（分钟）,决定RTO的业务流程,所需RPO（分钟）,决定RPO的数据,安全裕度（%）,推荐等级,计划等级,单点故障,计划低于所需,缺少RTO,缺少RPO,架构未满足目标"$'\r' \
	"zh: CSV header row from the catalog"
expect_eq "$(sed -n 5p "$TMPD/zh.csv")" "库存管理系统,240,配件调配,240,配件库存数据,50,5,3,0,1,0,0,0"$'\r' \
	"zh: CSV inventory row: 240 and 240 minutes, 50 %, recommended 5, planned 3, weaker"

# A name with a comma and a quote is quoted as RFC 4180 says.
sqlite3 "$TMPD/en.db" "UPDATE bia_system SET name = 'Parts, \"stock\"' WHERE name = 'Parts inventory system'"
run --db "$TMPD/en.db" --lang en --today 2026-11-25 bia --csv
expect_eq "$(printf '%s\n' "$out" | sed -n 5p)" '"Parts, ""stock""",240,Parts allocation,240,Parts inventory data,50,5,3,0,1,0,0,0'$'\r' \
	"CSV quotes a field with a comma and doubles its quotes"

run --db "$TMPD/en.db" bia extra
expect_eq "$rc" 2 "'moat bia extra' is a usage error"
run --db "$TMPD/en.db" score --csv
expect_eq "$rc" 2 "--csv without bia is a usage error"
case $err in *"--csv only goes with bia"*) pass "and says so" ;; *) fail "score --csv: $err" ;; esac
run --help
case $out in *"bia [--csv]"*) pass "--help lists bia" ;; *) fail "--help: $out" ;; esac

run --db "$TMPD/empty.db" --lang en init
expect_eq "$rc" 0 "init makes an empty database"
run --db "$TMPD/empty.db" --lang en --today 2026-11-25 bia
expect_eq "$rc" 1 "bia without an organisation exits 1"
expect_eq "$err" "$TMPD/empty.db holds no organisation yet: run 'moat init --demo' or start 'moat'." \
	"and says how to start"
expect_eq "$out" "" "and prints nothing on stdout"
finish
