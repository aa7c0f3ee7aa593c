#!/bin/bash
# The workbook's contingency plans and registration forms sheets read back
# with openpyxl (tests/export_contingency.py) in both languages: the demo's
# two plans, one changed since its approval and due for review, one
# current; then the same after the changed plan's steps are approved as a
# new version and a third plan added without approval.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
PY=${DEB_PYTHON3:-/usr/bin/python3}
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	echo "openpyxl not available to $PY: skipping"
	exit 77
fi

check() { # DB LANG NAME
	if ! moat_cli --db "$1" --lang "$2" --today 2026-12-01 export -o "$TMPD/$3.xlsx" >/dev/null; then
		fail "$3: export failed"
		return
	fi
	if out=$("$PY" "$MOAT_TESTS/export_contingency.py" "$TMPD/$3.xlsx" "$1" "$2" 2026-12-01); then
		pass "$3: ${out#ok   }"
	else
		fail "$3: the sheets differ from the data"
		printf '%s\n' "$out" | sed 's/^/     | /'
	fi
}

for lang in en zh; do
	db=$TMPD/$lang.db
	demo_db "$db" "$lang"
	check "$db" "$lang" "$lang"
	expect_eq "$(sql "$db" "SELECT count(*) FROM contingency c JOIN cont_version v ON v.plan_id = c.id
		WHERE v.snapshot <> c.canon AND v.version = (SELECT max(version) FROM cont_version
		WHERE plan_id = c.id)")" 1 "$lang: the demo has one plan changed since its approval"
done

# The changed plan approved anew, a plan never approved, an edited column.
db=$TMPD/en.db
sql "$db" "INSERT INTO cont_version (plan_id, version, approved_by, approved_on,
	entered_by, entered_at, snapshot) SELECT id, 2, 'Chen Ming', '2026-11-30', 'test',
	'2026-11-30T00:00:00Z', canon FROM contingency c WHERE EXISTS (SELECT 1 FROM
	cont_version v WHERE v.plan_id = c.id AND v.snapshot <> c.canon)"
sql "$db" "INSERT INTO contingency (unit_id, system, scenario, created_by, created_at)
	SELECT id, 'Work order system', 'Work orders on paper', 'test', '2026-11-30T00:00:00Z'
	FROM org_unit"
sql "$db" "INSERT INTO cont_column (plan_id, position, title) SELECT id, 1, 'Plate'
	FROM contingency WHERE system = 'Work order system'"
check "$db" en "approved anew"
finish
