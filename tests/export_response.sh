#!/bin/bash
# The workbook's emergency response sheets read back with openpyxl
# (tests/export_response.py) in both languages: the card as `moat card`
# prints it on one A4 page, the contacts with their flags, and the
# incidents with their logs, after an incident declared and closed from
# the shell.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
PY=${DEB_PYTHON3:-/usr/bin/python3}
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	echo "openpyxl not available to $PY: skipping"
	exit 77
fi

for lang in en zh; do
	db=$TMPD/$lang.db
	demo_db "$db" "$lang"
	m() { moat_cli --db "$db" --lang "$lang" --today 2026-12-01 "$@"; }
	m incident declare --system "CRM" --level II --at "2026-11-30 09:00" >/dev/null
	m incident log --step notify --at "2026-11-30 09:03" >/dev/null
	m incident log --what "Failover to the replica" --why "primary disk failed" \
		--decision --at "2026-11-30 09:12" >/dev/null
	m incident close --restored "2026-11-30 10:45" --at "2026-11-30 11:00" \
		--root-cause "disk failure" --improvement "Monitor disk health" >/dev/null
	m incident declare --system "BI" --level IV --at "2026-12-01 08:00" >/dev/null
	m card >"$TMPD/card-$lang.txt"
	if ! m export -o "$TMPD/$lang.xlsx" >/dev/null; then
		fail "$lang: export failed"
		continue
	fi
	if out=$("$PY" "$MOAT_TESTS/export_response.py" "$TMPD/$lang.xlsx" "$db" "$lang" \
		2026-12-01 "$TMPD/card-$lang.txt"); then
		pass "${out#ok   }"
	else
		fail "$lang: the sheets differ from the data"
		printf '%s\n' "$out" | sed 's/^/     | /'
	fi
done
finish
