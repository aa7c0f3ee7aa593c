#!/bin/bash
# `moat group` on a database of three units: the demo's and two added
# beside it (one with a draft year holding states and evidence, one
# without any year). The CSV is read back with Python's csv module and
# compared, unit by unit, with what Python computes from the database
# itself; the text table in both languages fits 80 columns; sorting,
# the region filter and the usage errors.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
export LC_ALL=C.UTF-8 TZ=UTC
py=${DEB_PYTHON3:-/usr/bin/python3}
[ -x "$py" ] || py=python3

run() { out=$("$MOAT_BIN" "$@" 2>"$TMPD/err"); rc=$?; err=$(cat "$TMPD/err"); }

db=$TMPD/group.db
run --db "$db" --lang en --today 2026-11-25 init --demo
expect_eq "$rc" 0 "init --demo"
# Two units beside the demo's, as an earlier moat could hold them
# (a year and answers made outside `moat unit add`, which starts a unit
# with an empty year), then a region and an archived unit the way users
# make them.
sql "$db" "INSERT INTO org_unit (name, created_by, created_at) VALUES
	('Beta centre', 'carol', '2026-01-01T00:00:00Z'),
	('Alpha centre', 'carol', '2026-01-01T00:00:00Z');
INSERT INTO assessment (unit_id, year, created_by, created_at)
	SELECT id, 2026, 'carol', '2026-01-01T00:00:00Z' FROM org_unit WHERE name = 'Beta centre';
INSERT INTO item_state (assessment_id, item_key, state, updated_by, updated_at)
	SELECT a.id, k.key, k.state, 'carol', '2026-01-01T00:00:00Z'
	FROM assessment a JOIN org_unit u ON u.id = a.unit_id,
	     (SELECT 'bia' AS key, 2 AS state UNION ALL SELECT 'rto_rpo', 2
	      UNION ALL SELECT 'dr_site', 1) k
	WHERE u.name = 'Beta centre';
INSERT INTO evidence (assessment_id, target, body, evidence_date, valid_months, entered_by, entered_at)
	SELECT a.id, e.target, 'report', e.day, 12, 'carol', '2026-01-01T00:00:00Z'
	FROM assessment a JOIN org_unit u ON u.id = a.unit_id,
	     (SELECT 'bia' AS target, '2025-01-10' AS day UNION ALL
	      SELECT 'rto_rpo', '2025-12-10' UNION ALL SELECT 'bia', '2026-06-01') e
	WHERE u.name = 'Beta centre';" >/dev/null
run --db "$db" --lang en --today 2026-11-25 unit region "Beta centre" East
expect_eq "$rc" 0 "Beta centre is put in the region East"
run --db "$db" --lang en --today 2026-11-25 unit add "Old depot" --region East
run --db "$db" --lang en --today 2026-11-25 unit archive "Old depot"
expect_eq "$rc" 0 "Old depot is archived"

run --db "$db" --lang en --today 2026-11-25 group --csv
expect_eq "$rc" 0 "group --csv exits 0"
printf '%s' "$out" >"$TMPD/group.csv"
score=$("$MOAT_BIN" --db "$db" --lang en --today 2026-11-25 score | head -n 1)
if said=$("$py" - "$TMPD/group.csv" "$db" "$score" 2>&1 <<'PY'
import csv, datetime, re, sqlite3, sys

rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
db = sqlite3.connect(sys.argv[2])
today = datetime.date(2026, 11, 25)
keys = ("unit,region,year,status,level,risk,last_year,last_level,items_done,"
        "items_in_progress,items_total,evidence_expired,evidence_expiring,"
        "programme_day,tasks_done,tasks_total,tasks_overdue,duties_overdue,"
        "systems,untested,stale,failed,worst_system,worst_rta_min,"
        "worst_rto_min,plans,plans_review_due").split(',')
problems = []
def check(unit, key, got, want):
    if str(got) != str(want):
        problems.append(f"{unit}: {key} is {got!r}, the database says {want!r}")

with open(sys.argv[1], encoding='utf-8') as f:
    header = f.readline().rstrip('\r\n').split(',')
if header != keys:
    problems.append(f"header {header}")
names = [r['unit'] for r in rows]
if names != sorted(n for (n,) in db.execute("SELECT name FROM org_unit WHERE NOT archived")):
    problems.append(f"rows by name: {names}")

def add_months(d, m):
    y, mo = divmod(d.month - 1 + m, 12)
    y += d.year
    mo += 1
    last = [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28, 31,
            30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
    return datetime.date(y, mo, min(d.day, last))

for r in rows:
    u = r['unit']
    (uid,) = db.execute("SELECT id FROM org_unit WHERE name = ?", (u,)).fetchone()
    years = db.execute("SELECT id, year, status FROM assessment WHERE unit_id = ?"
                       " ORDER BY year", (uid,)).fetchall()
    plans = db.execute("SELECT count(*) FROM contingency WHERE unit_id = ?",
                       (uid,)).fetchone()[0]
    check(u, 'plans', r['plans'], plans)
    check(u, 'region', r['region'], db.execute("SELECT region FROM org_unit WHERE id = ?",
                                               (uid,)).fetchone()[0])
    if not years:
        for k in ('year', 'status', 'level', 'items_done', 'systems'):
            check(u, k, r[k], '')
        continue
    aid, year, status = years[-1]
    check(u, 'year', r['year'], year)
    check(u, 'status', r['status'], status)
    if len(years) > 1:
        check(u, 'last_year', r['last_year'], years[-2][1])
    states = dict(db.execute("SELECT item_key, state FROM item_state"
                             " WHERE assessment_id = ?", (aid,)).fetchall())
    check(u, 'items_done', r['items_done'], sum(1 for s in states.values() if s == 2))
    check(u, 'items_in_progress', r['items_in_progress'],
          sum(1 for s in states.values() if s == 1))
    check(u, 'items_total', r['items_total'], 10)
    expired = expiring = 0
    for day, months in db.execute("SELECT evidence_date, valid_months FROM evidence"
                                  " WHERE assessment_id = ?", (aid,)):
        until = add_months(datetime.date.fromisoformat(day), months)
        if until <= today:
            expired += 1
        elif (until - today).days <= 30:
            expiring += 1
    check(u, 'evidence_expired', r['evidence_expired'], expired)
    check(u, 'evidence_expiring', r['evidence_expiring'], expiring)
    systems = db.execute("SELECT count(*) FROM bia_system WHERE assessment_id = ?",
                         (aid,)).fetchone()[0]
    check(u, 'systems', r['systems'], systems)
    prog = db.execute("SELECT id, start_date FROM programme WHERE unit_id = ?",
                      (uid,)).fetchone()
    if prog:
        start = datetime.date.fromisoformat(prog[1])
        check(u, 'programme_day', r['programme_day'], (today - start).days + 1)
        total, done = db.execute("SELECT count(*), sum(status = 'done') FROM plan_task"
                                 " WHERE programme_id = ?", (prog[0],)).fetchone()
        check(u, 'tasks_total', r['tasks_total'], total)
        check(u, 'tasks_done', r['tasks_done'], done)
        late = db.execute("SELECT count(*) FROM plan_task WHERE programme_id = ?"
                          " AND status != 'done' AND due_date < ?",
                          (prog[0], today.isoformat())).fetchone()[0]
        check(u, 'tasks_overdue', r['tasks_overdue'], late)
    else:
        check(u, 'programme_day', r['programme_day'], '')

# The demo unit is the one `moat score` reads: the same level and risk.
demo = next(r for r in rows if r['unit'] in sys.argv[3])
m = re.search(r'Level (\d) \S+ · risk (.+)$', sys.argv[3])
check(demo['unit'], 'level', demo['level'], m.group(1))
check(demo['unit'], 'risk', demo['risk'], m.group(2))
# Beta centre has no evidence that counts for any criterion: level 1.
beta = next(r for r in rows if r['unit'] == 'Beta centre')
check('Beta centre', 'level', beta['level'], 1)
check('Beta centre', 'last_level', beta['last_level'], '')
check('Beta centre', 'duties_overdue', beta['duties_overdue'], 0)
if problems:
    print('\n'.join(problems))
    sys.exit(1)
print(f"{len(rows)} units agree with the database")
PY
); then
	pass "the CSV agrees with the database, unit by unit ($said)"
else
	fail "the CSV disagrees with the database:
$said"
fi

# The plain table, in both languages, each line within 80 columns.
for lang in en zh; do
	run --db "$db" --lang "$lang" --today 2026-11-25 group
	expect_eq "$rc" 0 "$lang: group exits 0"
	printf '%s\n' "$out" >"$TMPD/$lang.txt"
	if said=$("$py" - "$TMPD/$lang.txt" 2>&1 <<'PY'
import sys, unicodedata
bad = []
for n, line in enumerate(open(sys.argv[1], encoding='utf-8'), 1):
    line = line.rstrip('\n')
    w = sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1 for ch in line)
    if w > 80 or line != line.rstrip():
        bad.append(f"line {n}: {w} columns: {line!r}")
print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
	); then
		pass "$lang: every line within 80 columns, no trailing spaces"
	else
		fail "$lang: $said"
	fi
done
expect_eq "$(sed -n 1p "$TMPD/en.txt")" "Group · 3 of 3 units · sort: Unit ↑ · region: all" \
	"en: the heading says how many units, the sort and the region"
expect_eq "$(sed -n 3p "$TMPD/en.txt")" \
	"Unit          Region Lvl  Risk      List Exp Soon Prog.    Late Untst RTA% Plans" \
	"en: the abbreviated headings, with the region now that a unit has one"
expect_eq "$(sed -n 4,6p "$TMPD/en.txt")" \
"Alpha centre  -      -    no year   -    -   -    -        0    -     -    0
Beta centre   East   L1   very high 2/10 1   1    -        0    0     -    0
East China A… -      L2 ↑ high      6/10 1   1    d37 5/14 1    6     39%  1" \
	"en: one row per unit, by name; the unit without a year says so"
expect_eq "$(sed -n 1p "$TMPD/zh.txt")" "集团总览 · 共 3/3 个单位 · 排序：单位 ↑ · 区域：全部" \
	"zh: the heading"
case $(sed -n 4p "$TMPD/zh.txt") in "Alpha centre"*"无评估"*) pass "zh: no year reads 无评估" ;;
	*) fail "zh: row 4: $(sed -n 4p "$TMPD/zh.txt")" ;; esac

# Sorting: the highest level first, the unit without a year last; CSV
# rows follow the same order.
run --db "$db" --lang en --today 2026-11-25 group --sort -level --csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr -d '\r' | tr '\n' '|')" \
	"East China After-Sales Service Centre|Beta centre|Alpha centre|" \
	"--sort -level: highest first, no year last"
run --db "$db" --lang en --today 2026-11-25 group --sort overdue
expect_eq "$(printf '%s\n' "$out" | sed -n 4,6p | cut -c1-12 | tr '\n' '|')" \
	"Alpha centre|Beta centre |East China A|" "--sort overdue: ties by name, the overdue one last"
expect_eq "$(printf '%s\n' "$out" | sed -n 1p)" "Group · 3 of 3 units · sort: Late ↑ · region: all" \
	"the heading names the sort column"

# The region filter: Beta centre alone is in East (Old depot, archived,
# is not shown at all).
run --db "$db" --lang en --today 2026-11-25 group --region East
expect_eq "$rc" 0 "--region exits 0"
expect_eq "$(printf '%s\n' "$out" | sed -n '1p;4,$p')" "Group · 1 of 3 units · sort: Unit ↑ · region: East
Beta centre East   L1  very high 2/10 1   1    -     0    0     -    0" \
	"--region East: Beta centre alone, columns as wide as what they show"
run --db "$db" --lang en --today 2026-11-25 group --region East --csv
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,2 | tr -d '\r')" "Beta centre,East" \
	"--region East --csv: Beta centre alone, with its region"
run --db "$db" --lang en --today 2026-11-25 group --region North
expect_eq "$out" "Group · 0 of 3 units · sort: Unit ↑ · region: North

No unit to show." "--region North: none"

# Usage errors.
run --db "$db" --lang en --today 2026-11-25 group --sort colour
expect_eq "$rc" 2 "an unknown --sort is a usage error"
case $err in *"--sort must be one of name, region, level"*) pass "and names the columns" ;;
	*) fail "--sort colour: $err" ;; esac
run --db "$db" --lang en --today 2026-11-25 score --region East
expect_eq "$rc" 2 "--region goes only with group"
run --db "$db" --lang en --today 2026-11-25 --unit "Beta centre" group
expect_eq "$rc" 2 "--unit does not go with group, which shows every unit"
case $err in *"--unit does not go with group"*) pass "and says so" ;;
	*) fail "--unit with group: $err" ;; esac
run --db "$db" --lang en --today 2026-11-25 --unit "Beta centre" export --group -o "$TMPD/g.xlsx"
expect_eq "$rc" 2 "nor with export --group"
run --db "$TMPD/none.db" --lang en --today 2026-11-25 group
expect_eq "$rc" 1 "a missing database is refused"
finish
