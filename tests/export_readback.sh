#!/bin/bash
# Exports the demo organisation in both languages through moat's CLI and
# reads each workbook back with openpyxl (tests/read_workbook.py), checking
# all eight sheets against the database: the demo has two years, so the
# year-over-year sheet charts both and compares them; the ROI and
# Investment sheets hold the document's inputs, their results as formulas
# with the document's figures cached (--document), and their charts; the
# Plan sheet the 90-day programme on day 37 with its Gantt chart made by
# conditional formatting, the Duties sheet the six duties with the missed
# restore test of 2026-11-10 overdue, and their history. Then
# a copy with only the current year (the sheet says there is nothing to
# compare), and a copy whose DR centre costs 400 instead of 300: the
# payback, N-year net and ROI of the new export move with it. Also checks
# that a failed export leaves nothing behind. Exit 0 pass, 1 fail, 77 skip
# (no openpyxl for Debian's python3).

. "$MOAT_TESTS/readback_lib.sh" openpyxl python3-openpyxl

# Lists leftover temporary files of an export to FILE (".FILE.XXXXXX").
leftovers() {
	find "$1" -maxdepth 1 -name '.*.xlsx.*' -print
}

for lang in en zh; do
	db="$dir/$lang.db"
	out="$dir/$lang.xlsx"
	moat() { "$MOAT_BIN" --db "$db" --lang "$lang" --today "$today" "$@"; }

	echo "== $lang"
	init_demo "$lang" || continue

	if moat export -o "$out" >"$dir/export.out" 2>&1; then
		pass "$lang: export -o $lang.xlsx exited 0"
	else
		fail "$lang: export exited $?"
		cat "$dir/export.out"
		continue
	fi
	[ -s "$out" ] && pass "$lang: workbook written" ||
		fail "$lang: $out missing or empty"
	left=$(leftovers "$dir")
	[ -z "$left" ] && pass "$lang: no temporary files left" ||
		fail "$lang: temporary files left: $left"
	perm=$(stat -c %a "$out" 2>/dev/null)
	[ "$perm" = "$want_mode" ] && pass "$lang: workbook mode $perm" ||
		fail "$lang: workbook mode $perm, expected $want_mode (0666 less umask)"

	if said=$("$py" "$MOAT_TESTS/read_workbook.py" --document "$out" \
		"$db" "$lang" 2 "$today"); then
		echo "$said"
		pass "$lang: read back with openpyxl matches the database"
	else
		fail "$lang: read-back check failed"
	fi
	case $said in
	*"2 year(s), compared with $((${today%%-*} - 1))"*)
		pass "$lang: both demo years charted, last year compared" ;;
	*) fail "$lang: expected 2 years compared with last year: $said" ;;
	esac
	case $said in
	*"ROI: net 330.00 a year, payback 1.09 years, 5-year net 1290.00,"*"ROI 280.43 %"*)
		pass "$lang: ROI sheet: the document's payback 1.09 years, ROI 280.43 %" ;;
	*) fail "$lang: ROI sheet: expected the document's figures: $said" ;;
	esac
	# The DR site blocks level 3 first: the DR centre and the leased line
	# name it.
	case $said in
	*"labelled rows, 1 cost line(s)"*)
		pass "$lang: Executive summary: what closing the DR site costs" ;;
	*) fail "$lang: Executive summary: expected one cost line: $said" ;;
	esac
	case $said in
	*"shares 60.00/30.00/10.00 %, self-built 1000.00-2000.00, cloud 250.00-750.00, hybrid 500.00-1400.00"*)
		pass "$lang: Investment sheet: shares 60/30/10 %, the document's ranges" ;;
	*) fail "$lang: Investment sheet: expected the document's figures: $said" ;;
	esac
	# The programme started 36 days before the demo's day; the restore
	# test due on the 10th of this month was missed.
	case $said in
	*"plan: day 37, 14 tasks, 5 done, 1 overdue, Gantt bars over 90 day columns"*)
		pass "$lang: Plan sheet: day 37 of 90, 14 tasks, Gantt bars by conditional formatting" ;;
	*) fail "$lang: Plan sheet: expected day 37, 14 tasks, 5 done, 1 overdue: $said" ;;
	esac
	case $said in
	*"duties: 6, 17 history rows, overdue: d.restore_test 2026-11-10;"*"d.restore_test 2026-12-10"*)
		pass "$lang: Duties sheet: the missed 2026-11-10 restore test overdue, next on 2026-12-10" ;;
	*) fail "$lang: Duties sheet: expected the 2026-11-10 restore test overdue: $said" ;;
	esac

	# Exporting again replaces the workbook in place.
	if moat export -o "$out" >"$dir/export.out" 2>&1 &&
		"$py" "$MOAT_TESTS/read_workbook.py" --document "$out" "$db" \
			"$lang" 2 "$today" >/dev/null; then
		pass "$lang: second export replaces the workbook"
	else
		fail "$lang: second export"
		cat "$dir/export.out"
	fi
	unset -f moat
done

echo "== one year only"
# A copy of the English demo without last year (SQLite's backup API, then
# the earlier assessment deleted with its rows): nothing to compare.
one="$dir/one.db"
if "$py" - "$dir/en.db" "$one" <<'PY'
import sqlite3, sys
src, dst = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
src.backup(dst)
src.close()
dst.execute("PRAGMA foreign_keys = ON")
dst.execute("DELETE FROM assessment WHERE year <"
            " (SELECT max(year) FROM assessment)")
dst.commit()
dst.close()
PY
then
	pass "one-year copy of the demo"
else
	fail "cannot make a one-year copy of the demo"
fi
if "$MOAT_BIN" --db "$one" --lang en --today "$today" export \
	-o "$dir/one.xlsx" >"$dir/export.out" 2>&1 &&
	said=$("$py" "$MOAT_TESTS/read_workbook.py" --document "$dir/one.xlsx" \
		"$one" en 2 "$today"); then
	echo "$said"
	case $said in
	*"1 year(s), no earlier year"*)
		pass "one year: charted alone, nothing to compare" ;;
	*) fail "one year: expected 1 year, no comparison: $said" ;;
	esac
else
	fail "one year: export or read-back failed"
	cat "$dir/export.out"
fi

echo "== an ROI input changed in the database"
# A copy of the English demo whose DR centre costs 400 instead of 300 (in
# hundredths): one-off 460, net still 330 a year, so the payback is
# 460 / 330 = 1.39 years, the 5-year net 1190 and the ROI
# 1190 / (460 + 5 x 20) = 212.50 %. Its costs name other items: the DR
# centre none (the DR site keeps the leased line: a yearly cost alone),
# the backup system the restore tests (a one-off alone, said once under
# the first of the two lines about item 5), the training a key no item has (shown as the key).
roi="$dir/roi.db"
if "$py" - "$dir/en.db" "$roi" <<'PY'
import sqlite3, sys
src, dst = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
src.backup(dst)
src.close()
n = dst.execute("UPDATE roi_line SET amount = 40000, item_key = ''"
                " WHERE kind = 'one_off' AND amount = 30000").rowcount
n += dst.execute("UPDATE roi_line SET item_key = 'restore_test'"
                 " WHERE item_key = 'backup_321'").rowcount
n += dst.execute("UPDATE roi_line SET item_key = 'gone'"
                 " WHERE item_key = 'team'").rowcount
dst.commit()
dst.close()
sys.exit(0 if n == 3 else 1)
PY
then
	pass "copy of the demo with the DR centre at 400"
else
	fail "cannot change the DR centre's amount in a copy of the demo"
fi
if "$MOAT_BIN" --db "$roi" --lang en --today "$today" export \
	-o "$dir/roi.xlsx" >"$dir/export.out" 2>&1 &&
	said=$("$py" "$MOAT_TESTS/read_workbook.py" "$dir/roi.xlsx" "$roi" en \
		2 "$today"); then
	echo "$said"
	pass "changed input: read back with openpyxl matches the database"
	case $said in
	*"payback 1.39 years, 5-year net 1190.00,"*"ROI 212.50 %"*)
		pass "changed input: payback moved from 1.09 to 1.39 years" ;;
	*) fail "changed input: expected payback 1.39 years, 5-year net 1190, ROI 212.50 %: $said" ;;
	esac
	case $said in
	*"labelled rows, 2 cost line(s)"*)
		pass "changed items: the summary's costs follow them" ;;
	*) fail "changed items: expected 2 cost lines on the summary (item 5's once): $said" ;;
	esac
else
	fail "changed input: export or read-back failed"
	cat "$dir/export.out"
fi

echo "== the programme and duties on other days"
# The same demo exported before the programme starts, the day after its
# last day and more than a year later: the title, the overdue tasks, the
# today marker and every duty's missed and next occurrences move with the
# day (read_workbook.py works them out from the rules and the history).
# Evidence expires meanwhile, so the level is not fixed ("").
for day in 2026-10-01 2027-01-18 2028-03-01; do
	if "$MOAT_BIN" --db "$dir/en.db" --lang en --today "$day" export \
		-o "$dir/day.xlsx" >"$dir/export.out" 2>&1 &&
		said=$("$py" "$MOAT_TESTS/read_workbook.py" "$dir/day.xlsx" \
			"$dir/en.db" en "" "$day"); then
		printf '%s\n' "$said" | grep -E '^  (plan|duties):' | cut -c1-160
		pass "$day: Plan and Duties sheets match the database"
	else
		fail "$day: export or read-back failed"
		cat "$dir/export.out"
	fi
done
case $said in
*"plan: day 499, 14 tasks, 5 done, 9 overdue"*"d.full_drill 2027-06-20"*)
	pass "2028-03-01: day 499, all 9 open tasks overdue, the yearly full drill missed" ;;
*) fail "2028-03-01: expected day 499, 9 overdue tasks, the full drill missed: $said" ;;
esac

echo "== a programme without tasks, duties without history"
bare="$dir/bare.db"
if copy_db "$dir/en.db" "$bare" "DELETE FROM plan_task; DELETE FROM duty_event;" &&
	"$MOAT_BIN" --db "$bare" --lang zh --today "$today" export \
		-o "$dir/bare.xlsx" >"$dir/export.out" 2>&1 &&
	said=$("$py" "$MOAT_TESTS/read_workbook.py" "$dir/bare.xlsx" "$bare" \
		zh 2 "$today"); then
	pass "empty plan and history: read back matches the database"
	case $said in
	*"plan: day 37, 0 tasks"*"duties: 6, 1 history rows"*)
		pass "empty plan and history: no bars, \"nothing recorded\"" ;;
	*) fail "empty plan and history: $said" ;;
	esac
else
	fail "empty plan and history: copy, export or read-back failed"
	cat "$dir/export.out"
fi

echo "== paused duties"
# As paused_sql says (readback_lib.sh): read_workbook.py works each out
# from duty_pause and paused_on, and the sheet says since when each is
# paused.
paused="$dir/paused.db"
if copy_db "$dir/en.db" "$paused" "$paused_sql" &&
	"$MOAT_BIN" --db "$paused" --lang zh --today "$today" export \
		-o "$dir/paused.xlsx" >"$dir/export.out" 2>&1 &&
	said=$("$py" "$MOAT_TESTS/read_workbook.py" "$dir/paused.xlsx" "$paused" \
		zh 2 "$today"); then
	pass "paused duties: read back matches the database"
	case $said in
	*"overdue: none; next: d.tabletop 2027-03-15"* | *"overdue: none; next:"*", d.tabletop 2027-03-15"*)
		case $said in
		*"d.restore_test"*) fail "paused duties: the paused restore test has a next date: $said" ;;
		*) pass "paused duties: nothing overdue, none next for the paused one, the pause's quarter skipped" ;;
		esac ;;
	*) fail "paused duties: $said" ;;
	esac
else
	fail "paused duties: copy, export or read-back failed"
	cat "$dir/export.out"
fi

echo "== no programme, no duties"
none="$dir/none.db"
if copy_db "$dir/en.db" "$none" "DELETE FROM programme; DELETE FROM duty;" &&
	"$MOAT_BIN" --db "$none" --lang en --today "$today" export \
		-o "$dir/none.xlsx" >"$dir/export.out" 2>&1 &&
	said=$("$py" "$MOAT_TESTS/read_workbook.py" "$dir/none.xlsx" "$none" \
		en 2 "$today"); then
	case $said in
	*"plan:"* | *"duties:"*) fail "no programme: plan or duties read: $said" ;;
	*) pass "no programme: the six sheets only" ;;
	esac
else
	fail "no programme: copy, export or read-back failed"
	cat "$dir/export.out"
fi

echo "== failure leaves nothing behind"
# SQLite's -wal/-shm files come and go with connections: not counted.
listing() { (cd "$dir" && find . ! -name '*-wal' ! -name '*-shm' | sort); }
before=$(listing)
said=$("$MOAT_BIN" --db "$dir/en.db" --lang en --today "$today" \
	export -o "$dir/missing/sub/x.xlsx" 2>&1)
rc=$?
[ "$rc" -ne 0 ] && pass "export into a missing directory exited $rc" ||
	fail "export into a missing directory exited 0"
[ -n "$said" ] && pass "it says why: $(printf '%s\n' "$said" | head -n 1)" ||
	fail "no message for the failed export"
after=$(listing)
[ "$before" = "$after" ] && pass "nothing was created" ||
	fail "files changed: $(diff <(echo "$before") <(echo "$after") | tr '\n' ' ')"

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed"
	exit 1
fi
echo "all checks passed"
exit 0
