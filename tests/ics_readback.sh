#!/bin/bash
# Exports the demo's programme and duties with `moat export --ics` in both
# languages and reads each calendar back with python3-icalendar
# (tests/read_ics.py): raw line structure (CRLF, 75 octets, folds between
# UTF-8 characters, escaping), the calendar header, one event per task on
# its due date, the phase ends, and the duties' occurrences on the exact
# dates worked out by hand, the missed restore test marked overdue. Then: a
# second export is byte for byte the same; -o and --ics together write
# both files; a copy with texts that need escaping, folding and cleaning
# (Chinese, ; , \ and newlines, invalid UTF-8, a control character) reads
# back as stored; another day moves what is overdue; more missed
# occurrences than a duty's state holds are all listed; a failed export
# leaves nothing behind. Exit 0 pass, 1 fail, 77 skip (no icalendar for
# Debian's python3).

. "$MOAT_TESTS/readback_lib.sh" icalendar python3-icalendar

version=$("$MOAT_BIN" --version)
version=${version#moat }
# The demo at 2026-11-25: 14 tasks, 3 phase ends, and 67 occurrences: the
# restore test's missed one, then for the five schedule-anchored duties the
# next occurrence and 12 more, and the yearly full drill's next one.
demo_said="OK: 84 events: 14 tasks, 3 phase ends, 67 duty occurrences (1 overdue)"

# readback ICS DB LANG DAY [OPTIONS...]: read_ics.py's verdict in $said.
readback() {
	local ics=$1 db=$2 lang=$3 day=$4
	shift 4
	said=$("$py" "$MOAT_TESTS/read_ics.py" "$@" "$ics" "$db" "$lang" "$day" \
		"$version")
}

for lang in en zh; do
	db="$dir/$lang.db"
	ics="$dir/$lang.ics"
	moat() { "$MOAT_BIN" --db "$db" --lang "$lang" --today "$today" "$@"; }

	echo "== $lang"
	init_demo "$lang" || continue
	if moat export --ics "$ics" >"$dir/export.out" 2>"$dir/export.err"; then
		pass "$lang: export --ics exited 0"
	else
		fail "$lang: export --ics exited $?"
		cat "$dir/export.out" "$dir/export.err"
		continue
	fi
	[ -s "$dir/export.err" ] && fail "$lang: stderr: $(cat "$dir/export.err")"
	grep -qF "$ics" "$dir/export.out" && pass "$lang: says which file it wrote" ||
		fail "$lang: export said: $(cat "$dir/export.out")"
	[ -s "$ics" ] && pass "$lang: calendar written" || fail "$lang: $ics missing or empty"
	left=$(find "$dir" -maxdepth 1 -name '.*.ics.*' -print)
	[ -z "$left" ] && pass "$lang: no temporary files left" ||
		fail "$lang: temporary files left: $left"
	perm=$(stat -c %a "$ics" 2>/dev/null)
	[ "$perm" = "$want_mode" ] && pass "$lang: calendar mode $perm" ||
		fail "$lang: calendar mode $perm, expected $want_mode (0666 less umask)"

	if readback "$ics" "$db" "$lang" "$today" --demo; then
		echo "$said"
		pass "$lang: read back with icalendar matches the database"
	else
		fail "$lang: read-back: $said"
	fi
	case $said in
	"$demo_said"*) pass "$lang: every task, phase end and occurrence, one overdue" ;;
	*) fail "$lang: expected '$demo_said': $said" ;;
	esac

	# The same data on the same day gives the same bytes.
	cp "$ics" "$dir/first.ics"
	if moat export --ics "$ics" >/dev/null 2>&1 && cmp -s "$ics" "$dir/first.ics"; then
		pass "$lang: a second export is identical"
	else
		fail "$lang: a second export differs or failed"
	fi
	unset -f moat
done

echo "== Chinese text"
zh_ics=$dir/zh.ics
if grep -qF '华东售后服务中心' "$zh_ics" && grep -qF '申请预算' "$zh_ics" &&
	grep -qF '逾期：每月备份恢复测试' "$zh_ics"; then
	pass "zh: the unit, a task and the overdue mark are in Chinese in the file"
else
	fail "zh: Chinese texts missing from $zh_ics"
fi

echo "== -o and --ics together"
if "$MOAT_BIN" --db "$dir/en.db" --lang en --today "$today" export \
	-o "$dir/both.xlsx" --ics "$dir/both.ics" >"$dir/export.out" 2>&1 &&
	[ -s "$dir/both.xlsx" ] && [ -s "$dir/both.ics" ] &&
	[ "$(grep -c '^Wrote ' "$dir/export.out")" = 2 ]; then
	pass "both files written, each reported"
else
	fail "-o with --ics: $(cat "$dir/export.out")"
fi
cmp -s "$dir/both.ics" "$dir/en.ics" && pass "the calendar is the same as alone" ||
	fail "the calendar written with -o differs"

echo "== texts that need escaping, folding and cleaning"
# A copy of the Chinese demo: a long task title with ; , \ and a newline, a
# note with CRLF (the CR is cleaned out), a title with an invalid byte, a
# control character, a tab and a bidi override, a valid title with C1 and
# bidi controls beside joiners, a long duty title and a unit name with ,
# and ;. read_ics.py expects each as stored, cleaned the way the screen
# cleans (U+FFFD for the byte, controls and bidi controls dropped, the
# joiners kept, the tab a space) and escaped per RFC 5545.
odd="$dir/odd.db"
if "$py" - "$dir/zh.db" "$odd" <<'PY'
import sqlite3, sys
src, dst = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
src.backup(dst)
src.close()
long = "很长的标题需要折行" * 3
dst.execute("UPDATE plan_task SET title = ?, note = ? WHERE title = '申请预算'",
            ("预算审批;签字,复核 \\ 第二行\n继续:" + long,
             "备注 A,B;C\r\n第二行"))
dst.execute("UPDATE plan_task SET title = CAST(? AS TEXT) WHERE id ="
            " (SELECT min(id) FROM plan_task WHERE phase = 2)",
            (b"Bad \xff byte \x01 ctl\tTab \xe2\x80\xae",))
dst.execute("UPDATE plan_task SET title = ? WHERE id ="
            " (SELECT min(id) FROM plan_task WHERE phase = 3)",
            ("C1\u0085NEL RLO\u202eX LRI\u2066Y PDI\u2069Z"
             " ZWJ \U0001F468\u200d\U0001F4BB ZWNJ \u0645\u06cc\u200c\u062e",))
dst.execute("UPDATE duty SET title = ? WHERE template_key = 'd.restore_test'",
            ("每月备份恢复测试,含财务系统;以及CRM系统的完整恢复验证与报告归档" * 2,))
dst.execute("UPDATE org_unit SET name = '华东售后服务中心, 上海; 第一分部'")
dst.commit()
dst.close()
PY
then
	pass "copy of the demo with odd texts"
else
	fail "cannot make the copy with odd texts"
fi
if "$MOAT_BIN" --db "$odd" --lang zh --today "$today" export --ics "$dir/odd.ics" \
	>"$dir/export.out" 2>&1 && readback "$dir/odd.ics" "$odd" zh "$today" --demo --folded; then
	echo "$said"
	pass "odd texts: escaped, folded between characters, cleaned, read back as stored"
else
	fail "odd texts: $said $(cat "$dir/export.out")"
fi
# The same, on the bytes: the valid title lost its C1 and bidi controls
# and kept its joiners.
if grep -qF 'SUMMARY:C1NEL RLOX LRIY PDIZ ZWJ 👨‍💻 ZWNJ می‌خ' "$dir/odd.ics"; then
	pass "odd texts: C1 and bidi controls dropped from valid text, ZWJ and ZWNJ kept"
else
	fail "odd texts: the cleaned title is not in the file: $(grep -a 'SUMMARY:C1' "$dir/odd.ics")"
fi
if LC_ALL=C grep -qaP '\xC2[\x80-\x9F]|\xE2\x80[\xAA-\xAE]|\xE2\x81[\xA6-\xA9]' "$dir/odd.ics"; then
	fail "odd texts: a C1 or bidi control is in the calendar"
else
	pass "odd texts: no C1 or bidi control anywhere in the calendar"
fi

echo "== another day"
# On 2026-12-11 the 2026-12-10 restore test is missed as well.
if "$MOAT_BIN" --db "$dir/en.db" --lang en --today 2026-12-11 export \
	--ics "$dir/later.ics" >"$dir/export.out" 2>&1 &&
	readback "$dir/later.ics" "$dir/en.db" en 2026-12-11; then
	echo "$said"
	case $said in
	*"(2 overdue)"*) pass "2026-12-11: two restore tests overdue" ;;
	*) fail "2026-12-11: expected 2 overdue: $said" ;;
	esac
else
	fail "2026-12-11: $said $(cat "$dir/export.out")"
fi

echo "== many missed occurrences"
# A copy whose restore test started in January 2018: of the 107 monthly
# occurrences up to 2026-11-10 only June to October 2026 were done, so 102
# are overdue: more than a duty's state holds (DUTY_MAX_OPEN, 64), all in
# the calendar, then the next one and 12 more.
many="$dir/many.db"
if "$py" - "$dir/en.db" "$many" <<'PY'
import sqlite3, sys
src, dst = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
src.backup(dst)
src.close()
dst.execute("UPDATE duty SET start_date = '2018-01-01'"
            " WHERE template_key = 'd.restore_test'")
dst.commit()
dst.close()
PY
then
	pass "copy of the demo with a restore test since 2018"
else
	fail "cannot make the copy with a restore test since 2018"
fi
if "$MOAT_BIN" --db "$many" --lang en --today "$today" export \
	--ics "$dir/many.ics" >"$dir/export.out" 2>&1 &&
	readback "$dir/many.ics" "$many" en "$today"; then
	echo "$said"
	case $said in
	*"(102 overdue)"*) pass "102 missed restore tests, each in the calendar" ;;
	*) fail "expected 102 overdue: $said" ;;
	esac
else
	fail "many missed: $said $(cat "$dir/export.out")"
fi

echo "== paused duties"
# As paused_sql says (readback_lib.sh): nothing of the restore test in the
# calendar, no 2026-12-15 tabletop drill, the review's 2026-12-31 only, no
# 2028-06-30 assessment (2040-06-29 is the 13th); read_ics.py works each
# out from duty_pause and paused_on.
paused="$dir/paused.db"
copy_db "$dir/en.db" "$paused" "$paused_sql" || fail "cannot make the copy with paused duties"
if "$MOAT_BIN" --db "$paused" --lang en --today "$today" export \
	--ics "$dir/paused.ics" >"$dir/export.out" 2>&1 &&
	readback "$dir/paused.ics" "$paused" en "$today"; then
	echo "$said"
	# 67 less the restore test's 14, the review's 12 after 2026-12-31.
	case $said in
	*"41 duty occurrences (0 overdue)"*) pass "paused duties: none of the paused ones, nothing overdue" ;;
	*) fail "paused duties: expected 41 occurrences, none overdue: $said" ;;
	esac
	# has KEY DAY: the calendar holds duty KEY's occurrence of DAY
	# (YYYYMMDD; "" for any).
	has() {
		grep -q "UID:duty-$(sqlite3 -batch -noheader "$paused" \
			"SELECT id FROM duty WHERE template_key = '$1'")-$2" "$dir/paused.ics"
	}
	if ! has d.restore_test "" && ! has d.tabletop 20261215 &&
		has d.tabletop 20270315 && ! has d.maturity 20280630 &&
		has d.maturity 20400629; then
		pass "paused duties: no restore test, no 2026-12-15 tabletop drill, no 2028 assessment"
	else
		fail "paused duties: the calendar holds a paused occurrence"
	fi
else
	fail "paused duties: $said $(cat "$dir/export.out")"
fi

echo "== failure leaves nothing behind"
listing() { (cd "$dir" && find . ! -name '*-wal' ! -name '*-shm' | sort); }
before=$(listing)
said=$("$MOAT_BIN" --db "$dir/en.db" --lang en --today "$today" \
	export --ics "$dir/missing/sub/x.ics" 2>&1)
rc=$?
[ "$rc" -eq 1 ] && pass "export into a missing directory exited 1" ||
	fail "export into a missing directory exited $rc"
case $said in
*"Export failed"*) pass "it says why: $(printf '%s\n' "$said" | head -n 1)" ;;
*) fail "no message for the failed export: $said" ;;
esac
after=$(listing)
[ "$before" = "$after" ] && pass "nothing was created" ||
	fail "files changed: $(diff <(echo "$before") <(echo "$after") | tr '\n' ' ')"

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed"
	exit 1
fi
echo "all checks passed"
exit 0
