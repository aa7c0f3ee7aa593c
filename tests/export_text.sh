#!/bin/bash
# User text in the workbook, read back with openpyxl: a 40,000-character
# evidence text (more than a cell holds) ends with the marker that says
# how many characters were cut, and a literal "_xHHHH_" typed by a user
# (on the checklist, ROI and plan sheets) reads back as typed, stored as
# OOXML's escape "_x005F_xHHHH_". Exit 0 pass, 1 fail, 77 skip (no openpyxl
# for Debian's python3).

. "$MOAT_TESTS/readback_lib.sh" openpyxl python3-openpyxl

db="$dir/text.db"
out="$dir/text.xlsx"
init_demo en || exit 1
# 4,000 times "0123456789"; an owner, an ROI line and a task with escapes.
# (openpyxl 3.0.9 itself misreads a literal "_x005F_" with a capital F, so
# the lower-case "_x005f_" stands for it.)
sqlite3 -batch "$db" "
	INSERT INTO evidence (assessment_id, target, body, reference, owner,
		evidence_date, valid_months, entered_by, entered_at)
	SELECT CAST(value AS INTEGER), 'contingency',
		replace(hex(zeroblob(4000)), '00', '0123456789'), '',
		'own_x0041_er', '2026-11-20', 12, 'someone', '2026-11-20T08:00:00Z'
	FROM setting WHERE key = 'current_assessment';
	INSERT INTO evidence (assessment_id, target, body, reference, owner,
		evidence_date, valid_months, entered_by, entered_at)
	SELECT CAST(value AS INTEGER), 'drills',
		'_x0041_ stays, _x000D_ too, and _x005f_', '', '',
		'2026-11-20', 12, 'someone', '2026-11-20T08:00:00Z'
	FROM setting WHERE key = 'current_assessment';
	UPDATE roi_line SET name = 'Backup _x0042_ system' WHERE name = 'Backup system';
	UPDATE plan_task SET title = 'Task _x000A_ literal' WHERE id = 1;" ||
	fail "cannot add the test text with sqlite3"
[ "$(sqlite3 -batch "$db" "SELECT length(body) FROM evidence WHERE target = 'contingency'")" = 40000 ] &&
	pass "a 40000-character evidence text is in the database" ||
	fail "the long evidence text is not 40000 characters"

if "$MOAT_BIN" --db "$db" --lang en --today "$today" export -o "$out" \
	>"$dir/export.out" 2>&1; then
	pass "export -o text.xlsx exited 0"
else
	fail "export exited $?"
	cat "$dir/export.out"
fi

if said=$("$py" - "$out" <<'PY'
import sys, zipfile
import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)
bad = []

def check(what, got, want):
    if got == want:
        print(f"ok: {what}")
    else:
        bad.append(what)
        print(f"FAIL: {what}: got {got!r:.200}, expected {want!r:.200}")

def row_of(ws, col, value):
    for row in ws.iter_rows(min_row=2):
        if row[col].value == value:
            return row
    return None

ws = wb["Checklist"]
head = [c.value for c in ws[1]]
key, latest, owner = (head.index(h) for h in ("Key", "Latest evidence", "Owner"))
long_text = "0123456789" * 4000
row = row_of(ws, key, "contingency")
cell = row[latest].value
marker = "… [cut: 7273 characters more, see moat]"
check("the long text is cut with its marker, 7273 characters more",
      cell, long_text[:32767 - 40] + marker)
check("the cut text and the characters cut make the whole",
      len(cell) - len(marker) + 7273, len(long_text))
check("the cut cell holds at most 32767 characters", len(cell) <= 32767, True)
check("owner with _x0041_ reads as typed", row[owner].value, "own_x0041_er")
row = row_of(ws, key, "drills")
check("evidence with _x0041_, _x000D_, _x005f_ reads as typed",
      row[latest].value, "_x0041_ stays, _x000D_ too, and _x005f_")

ws = wb["ROI"]
names = [c.value for c in ws["A"]]
check("ROI line name with _x0042_ reads as typed",
      "Backup _x0042_ system" in names, True)
ws = wb["Plan"]
titles = [c.value for row in ws.iter_rows() for c in row]
check("task title with _x000A_ reads as typed",
      "Task _x000A_ literal" in titles, True)

with zipfile.ZipFile(path) as z:
    xml = z.read("xl/sharedStrings.xml").decode("utf-8")
for stored in ("own_x005F_x0041_er", "_x005F_x0041_ stays, _x005F_x000D_ too",
               "Backup _x005F_x0042_ system", "Task _x005F_x000A_ literal"):
    check(f"stored as {stored!r}", stored in xml, True)
sys.exit(1 if bad else 0)
PY
); then
	echo "$said"
	pass "openpyxl reads every text as moat holds it"
else
	echo "$said"
	fail "read-back of the user text"
fi

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed"
	exit 1
fi
echo "all checks passed"
exit 0
