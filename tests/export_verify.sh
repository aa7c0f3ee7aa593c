#!/bin/bash
# The workbook's backups-and-verification sheet read back with openpyxl
# (tests/export_verify.py) in both languages, against the database: the
# demo with backup plans and copies for two systems (one meeting 3-2-1
# whose daily incremental cannot give its RPO of 1 h, one with real-time
# sync), a stale-days setting of 30, and a ledger recorded by `moat verify
# record`: a restore test over the RTO and one within it (the first
# completing the overdue monthly restore test), a passed test 36 days
# old (stale) and over its RTO too, a failed drill, an automated check without a time; each
# system's verdicts, the ledger with RTA against RTO and the duty
# occurrence, and the RTA chart's series. Exit 0 pass, 1 fail, 77 skip.

. "$MOAT_TESTS/readback_lib.sh" openpyxl python3-openpyxl
export LC_ALL=C.UTF-8 TZ=UTC

# name DB K: the K-th system (0 first) of the current year.
name() {
	sqlite3 -batch -noheader "$1" "SELECT name FROM bia_system WHERE assessment_id =
		(SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'current_assessment')
		ORDER BY id LIMIT 1 OFFSET $2"
}

record() {
	"$MOAT_BIN" --db "$db" --today "$today" verify record "$@" >/dev/null
}

for lang in en zh; do
	db="$dir/$lang.db"
	echo "== $lang"
	init_demo "$lang" || continue
	rescue=$(name "$db" 0) crm=$(name "$db" 1) orders=$(name "$db" 2) parts=$(name "$db" 3)
	# The demo's own backups of these two systems give way to the test's.
	if ! sqlite3 -batch "$db" "
DELETE FROM backup_copy WHERE system_id IN (SELECT id FROM bia_system
	WHERE name IN ('$crm', '$rescue'));
INSERT OR REPLACE INTO backup_plan (system_id, full_schedule, full_every, incr_schedule,
	incr_every, realtime, retention, retention_days)
	SELECT id, 'Sun', 10080, '02:00', 1440, 0, '3 m', 90 FROM bia_system WHERE name = '$crm';
INSERT OR REPLACE INTO backup_plan (system_id, full_schedule, full_every, incr_schedule,
	incr_every, realtime, retention, retention_days)
	SELECT id, '', NULL, '', NULL, 1, '7 y', 2555 FROM bia_system WHERE name = '$rescue';
INSERT INTO backup_copy (system_id, location, medium, offsite)
	SELECT id, 'NAS room 2', 'nas', 0 FROM bia_system WHERE name = '$crm';
INSERT INTO backup_copy (system_id, location, medium, offsite)
	SELECT id, 'OSS', 'cloud', 1 FROM bia_system WHERE name = '$crm';
INSERT INTO backup_copy (system_id, location, medium, offsite)
	SELECT id, 'tape safe', 'tape', 1 FROM bia_system WHERE name = '$rescue';
INSERT INTO unit_param (unit_id, key, value)
	SELECT DISTINCT unit_id, 'verify_stale_days', '30' FROM assessment;" ||
	! record --system "$crm" --kind restore --result pass \
		--started "2026-11-24 09:00" --ended "2026-11-24 12:10" --completeness 100 ||
	! record --system "$crm" --kind restore --result pass \
		--started "2026-10-20 09:00" --minutes 50 ||
	! record --system "$parts" --kind restore --result pass \
		--started "2026-10-20 10:00" --minutes 300 ||
	! record --system "$orders" --kind drill --result fail \
		--started "2026-11-20 08:00" --minutes 300 ||
	! record --system "$rescue" --kind check --result pass --started "2026-11-25 02:00"
	then
		fail "$lang: cannot prepare the backups and the ledger"
		continue
	fi
	out="$dir/$lang.xlsx"
	if ! "$MOAT_BIN" --db "$db" --lang "$lang" --today "$today" export -o "$out" \
		>"$dir/export.out" 2>&1; then
		fail "$lang: export failed"
		cat "$dir/export.out"
		continue
	fi
	if said=$("$py" "$MOAT_TESTS/export_verify.py" "$out" "$db" "$lang" "$today"); then
		echo "$said"
		pass "$lang: the backups sheet matches the database"
	else
		fail "$lang: read-back failed"
		continue
	fi
	want="7 systems ($rescue !, $crm ok, $orders !, $parts !,"
	case $said in
	*"$want"*) pass "$lang: never tested, fresh, failed and stale stand out as they should" ;;
	*) fail "$lang: standing: $said" ;;
	esac
	case $said in
	*"11 ledger entries, 5 over the RTO; 3 series") pass "$lang: the demo's 6 entries (5 restore tests, its drill) and these 5, 5 over the RTO, 3 series" ;;
	*) fail "$lang: ledger: $said" ;;
	esac
done

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed"
	exit 1
fi
echo "all checks passed"
exit 0
