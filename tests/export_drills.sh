#!/bin/bash
# The workbook's drills sheet read back with openpyxl
# (tests/export_drills.py) in both languages: the demo's functional drill
# with its RTA against the RTO, its evaluation and its open finding; then
# a copy with a second drill whose recovery missed the RTO, an answer left
# unassessed and a finding closed through its task.
# Exit 0 pass, 1 fail, 77 skip.

. "$MOAT_TESTS/readback_lib.sh" openpyxl python3-openpyxl
export LC_ALL=C.UTF-8 TZ=UTC
require_yaml

check() {
	local name=$1 db=$2 lang=$3 out=$4
	if ! "$MOAT_BIN" --db "$db" --lang "$lang" --today "$today" export \
		-o "$out" >"$dir/export.out" 2>&1; then
		fail "$name: export failed"
		cat "$dir/export.out"
		return 1
	fi
	if said=$("$py" "$MOAT_TESTS/export_drills.py" "$out" "$db" "$lang" "$today"); then
		echo "$said"
		pass "$name: the drills sheet matches the database"
	else
		echo "$said"
		fail "$name: read-back failed"
	fi
}

for lang in en zh; do
	db=$dir/$lang.db
	init_demo "$lang" || continue
	check "$lang demo" "$db" "$lang" "$dir/$lang.xlsx"
	sqlite3 "$db" "INSERT INTO drill (unit_id, type_key, scenario, held_on,
		rto_met, rpo_met, switchover_ok, declared_at, recovery_at, restored_at,
		interruption, complaints, loss, created_by, created_at)
		SELECT unit_id, 'full', 'x', '2026-11-20', 0, 1, NULL, '2026-11-20 09:00',
		'2026-11-20 09:30', '2026-11-20 12:40', 220, 3, 125050, 'test',
		'2026-11-20T12:00:00Z' FROM drill WHERE id = 1;
		INSERT INTO drill_system VALUES (2, (SELECT system FROM drill_system WHERE drill_id = 1));
		INSERT INTO plan_task (programme_id, template_key, phase, title, item_key, due_date, status)
		SELECT id, '', 2, 'Fix the runbook', 'drills', '2026-12-18', 'done' FROM programme;
		INSERT INTO drill_finding (drill_id, text, severity, owner, due_date, task_id)
		VALUES (2, 'Fix the runbook', 'medium', 'li', '2026-11-01', (SELECT max(id) FROM plan_task));
		INSERT INTO drill_finding (drill_id, text, severity, due_date)
		VALUES (2, 'Call list out of date', 'low', '2026-11-01')"
	check "$lang with a missed RTO" "$db" "$lang" "$dir/$lang-2.xlsx"
done
[ "$failures" -eq 0 ]
