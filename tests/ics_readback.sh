#!/bin/bash
# Exports the demo's programme and duties with `moat export --ics` in both
# languages and reads each calendar back (tests/read_ics.py): raw line
# structure (CRLF, 75 octets, folds between UTF-8 characters, escaping),
# the calendar header, one event per task on its due date, the phase ends,
# and one event per duty whose RRULE, EXDATEs and overrides, expanded by
# python3-dateutil from python3-icalendar's parse and again by
# python3-recurring-ical-events, give exactly the occurrences moat itself
# computes (tests/ics/owed) and, on the demo, the dates worked out by hand;
# no "OVERDUE" in any title. Then: a second export is byte for byte the
# same; -o and --ics together write both files; texts that need escaping,
# folding and cleaning read back as stored; another day moves what is
# overdue; more missed occurrences than a duty's state holds; paused
# duties (EXDATE, UNTIL); day 31 and day 30 clamped, every two years on 29
# February, a skipped occurrence (EXDATE), one done late (an override on
# the day done); two units of one database and two databases give
# different UIDs, and exports started together agree on the database's
# identity; a failed export leaves nothing behind. moat has no weekly
# rules (every 1 to 24 months), so there is none to test. Exit 0 pass, 1
# fail, 77 skip (no icalendar or recurring_ical_events for Debian's
# python3).

. "$MOAT_TESTS/readback_lib.sh" icalendar python3-icalendar
if ! "$py" -c "import recurring_ical_events" 2>/dev/null; then
	echo "SKIP: $py cannot import recurring_ical_events (install python3-recurring-ical-events)"
	exit 77
fi
: "${MOAT_OWED:?MOAT_OWED must name the built tests/ics/owed}"

version=$("$MOAT_BIN" --version)
version=${version#moat }
# The demo at 2026-11-25: 14 tasks, 3 phase ends and the six duties, five
# of them on a schedule (the yearly full drill counts from its last
# completion); the restore test's 2026-11-10 is the one missed.
demo_said="OK: 23 events: 14 tasks, 3 phase ends, 6 duties (5 recurring)"

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
	"$demo_said"*"(1 overdue)"*) pass "$lang: every task, phase end and duty, one overdue" ;;
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
	grep -qF 'SUMMARY:每月备份恢复测试' "$zh_ics"; then
	pass "zh: the unit, a task and a duty are in Chinese in the file"
else
	fail "zh: Chinese texts missing from $zh_ics"
fi
# What is overdue is what the dates say, in no title.
if grep -qF '逾期' "$zh_ics" || grep -qiF 'OVERDUE' "$dir/en.ics"; then
	fail "an overdue mark is baked into the calendar"
else
	pass "no overdue mark in either calendar"
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

# export_read DB ICS [READ_ICS OPTIONS...]: exports DB's calendar in
# English on $today to ICS and reads it back (the verdict in $said).
export_read() {
	local db=$1 ics=$2
	shift 2
	"$MOAT_BIN" --db "$db" --lang en --today "$today" export --ics "$ics" \
		>"$dir/export.out" 2>&1 && readback "$ics" "$db" en "$today" "$@"
}
# unfold ICS: the file's content lines, unfolded, without CR.
unfold() {
	"$py" -c 'import sys; sys.stdout.write(open(sys.argv[1], "rb").read()
	.decode().replace("\r\n ", "").replace("\r\n", "\n"))' "$1"
}
# duty_id DB KEY: the id of the duty with that template key.
duty_id() {
	sqlite3 -batch -noheader "$1" "SELECT id FROM duty WHERE template_key = '$2'"
}

echo "== paused duties"
# As paused_sql says (readback_lib.sh): nothing of the restore test in the
# calendar; the tabletop drill's 2026-12-15 is not owed, so its series
# starts on 2027-03-15; the review's series ends before its pause (UNTIL
# 2026-12-31); the assessment's 2028-06-30 left out (EXDATE), 2040-06-29
# there.
paused="$dir/paused.db"
copy_db "$dir/en.db" "$paused" "$paused_sql" || fail "cannot make the copy with paused duties"
if export_read "$paused" "$dir/paused.ics" \
		--lacks d.tabletop:2026-12-15 --has d.tabletop:2027-03-15 \
		--has d.review:2026-12-31 --lacks d.review:2027-03-31 \
		--lacks d.maturity:2028-06-30 --has d.maturity:2040-06-29; then
	echo "$said"
	case $said in
	*"5 duties (4 recurring)"*"(0 overdue)"*"1 EXDATE(s)"*)
		pass "paused duties: none of the paused one, nothing overdue, one left out" ;;
	*) fail "paused duties: expected 5 duties, none overdue, 1 EXDATE: $said" ;;
	esac
	lines=$(unfold "$dir/paused.ics")
	if ! grep -q "^UID:duty-$(duty_id "$paused" d.restore_test)-u" <<<"$lines" &&
		grep -qx 'DTSTART;VALUE=DATE:20270315' <<<"$lines" &&
		! grep -qx 'EXDATE;VALUE=DATE:20261215' <<<"$lines" &&
		grep -qx 'EXDATE;VALUE=DATE:20280630' <<<"$lines" &&
		grep -q '^RRULE:.*;UNTIL=20261231$' <<<"$lines"; then
		pass "paused duties: no restore test, an EXDATE for the ended pause, UNTIL before the one ahead"
	else
		fail "paused duties: the calendar does not say the pauses as expected"
	fi
else
	fail "paused duties: $said $(cat "$dir/export.out")"
fi

echo "== clamped days, skipped, done late or early"
# The functional drill monthly on day 31 from September 2026: 30 September
# missed, 31 October done on 3 November, 30 November skipped; the
# tabletop drill quarterly on day 30 from November 2026 (28 February 2027,
# 29 February 2028); the maturity assessment every two years on day 29
# from February 2028 (29 February 2028, 28 February 2030); the restore test paused
# in March and April 2027 and its 2027-01-10 done early, on 2026-11-24.
odd_days="$dir/days.db"
copy_db "$dir/en.db" "$odd_days" "
UPDATE duty SET day = 31, start_date = '2026-09-01' WHERE template_key = 'd.functional_drill';
UPDATE duty SET day = 30, start_date = '2026-11-01' WHERE template_key = 'd.tabletop';
UPDATE duty SET every_months = 24, day = 29, start_date = '2028-02-01' WHERE template_key = 'd.maturity';
DELETE FROM duty_event WHERE duty_id IN (SELECT id FROM duty
	WHERE template_key IN ('d.functional_drill', 'd.tabletop', 'd.maturity'));
INSERT INTO duty_event (duty_id, due_date, kind, event_date, note, entered_by, entered_at)
	SELECT id, '2026-10-31', 'done', '2026-11-03', '', 'alice', '2026-11-03T09:00:00Z'
	FROM duty WHERE template_key = 'd.functional_drill';
INSERT INTO duty_event (duty_id, due_date, kind, event_date, note, entered_by, entered_at)
	SELECT id, '2026-11-30', 'skipped', '2026-11-20', 'merged with the DR test', 'alice',
	'2026-11-20T09:00:00Z' FROM duty WHERE template_key = 'd.functional_drill';
INSERT INTO duty_event (duty_id, due_date, kind, event_date, note, entered_by, entered_at)
	SELECT id, '2027-01-10', 'done', '2026-11-24', '', 'alice', '2026-11-24T09:00:00Z'
	FROM duty WHERE template_key = 'd.restore_test';
INSERT INTO duty_pause (duty_id, paused_on, resumed_on)
	SELECT id, '2027-03-01', '2027-05-01' FROM duty WHERE template_key = 'd.restore_test';" ||
	fail "cannot make the copy with other days"
if export_read "$odd_days" "$dir/days.ics" \
		--has d.functional_drill:2026-09-30 --lacks d.functional_drill:2026-10-31 \
		--lacks d.functional_drill:2026-11-30 --has d.functional_drill:2026-12-31 \
		--has d.functional_drill:2027-02-28 --has d.functional_drill:2027-04-30 \
		--has d.functional_drill:2028-02-29 \
		--has d.tabletop:2026-11-30 --has d.tabletop:2027-02-28 \
		--has d.tabletop:2027-05-30 --has d.tabletop:2028-02-29 \
		--has d.maturity:2028-02-29 --has d.maturity:2030-02-28 \
		--has d.maturity:2032-02-29 --lacks d.maturity:2029-02-28 \
		--lacks d.restore_test:2027-01-10 --lacks d.restore_test:2027-03-10 \
		--lacks d.restore_test:2027-04-10 --has d.restore_test:2027-05-10; then
	echo "$said"
	case $said in
	*"(2 overdue), 2 done, 3 EXDATE(s)"*)
		pass "two missed, two done on another day, a skip and a pause left out" ;;
	*) fail "expected 2 overdue, 2 done, 3 EXDATEs: $said" ;;
	esac
	lines=$(unfold "$dir/days.ics")
	if grep -qx 'RRULE:FREQ=MONTHLY;BYMONTHDAY=-1' <<<"$lines" &&
		grep -qx 'RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29,30;BYSETPOS=-1' <<<"$lines" &&
		grep -qx 'RRULE:FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1' <<<"$lines" &&
		grep -qx 'RECURRENCE-ID;VALUE=DATE:20261031' <<<"$lines" &&
		grep -qx 'EXDATE;VALUE=DATE:20261130' <<<"$lines"; then
		pass "day 31, day 30 and 29 February said exactly; the late one an override, the skip an EXDATE"
	else
		fail "the rules are not said as expected: $(grep -E '^(RRULE|EXDATE|RECURRENCE-ID)' <<<"$lines" | tr '\n' ' ')"
	fi
else
	fail "other days: $said $(cat "$dir/export.out")"
fi

echo "== UIDs across units and databases"
# uids ICS: its UIDs, sorted.
uids() { unfold "$1" | sed -n 's/^UID://p' | sort -u; }
two="$dir/two.db"
copy_db "$dir/en.db" "$two" "
INSERT INTO org_unit (name, created_by, created_at)
	VALUES ('Second service centre', 'alice', '2026-11-01T00:00:00Z');
INSERT INTO assessment (unit_id, year, created_by, created_at)
	SELECT id, 2026, 'alice', '2026-11-01T00:00:00Z' FROM org_unit
	WHERE name = 'Second service centre';
INSERT INTO duty (unit_id, template_key, title, every_months, day, anchor, start_date, item_key)
	SELECT (SELECT id FROM org_unit WHERE name = 'Second service centre'), template_key,
	title, every_months, day, anchor, start_date, item_key FROM duty;
UPDATE setting SET value = (SELECT a.id FROM assessment a JOIN org_unit u ON u.id = a.unit_id
	WHERE u.name = 'Second service centre') WHERE key = 'current_assessment';" ||
	fail "cannot make the copy with a second unit"
unit2=$(sqlite3 -batch -noheader "$two" "SELECT id FROM org_unit WHERE name = 'Second service centre'")
if export_read "$two" "$dir/two.ics"; then
	echo "$said"
	pass "the second unit's calendar reads back"
else
	fail "second unit: $said $(cat "$dir/export.out")"
fi
if [ -n "$(uids "$dir/two.ics")" ] && ! uids "$dir/two.ics" | grep -qv -- "-u$unit2-" &&
	[ -z "$(comm -12 <(uids "$dir/en.ics") <(uids "$dir/two.ics"))" ]; then
	pass "two units of one database: every UID names its unit, none shared"
else
	fail "two units share UIDs or lack the unit: $(uids "$dir/two.ics" | head -n 3)"
fi
id_en=$(sqlite3 -batch -noheader "$dir/en.db" "SELECT value FROM setting WHERE key = 'db_identity'")
id_zh=$(sqlite3 -batch -noheader "$dir/zh.db" "SELECT value FROM setting WHERE key = 'db_identity'")
if [ -n "$id_en" ] && [ "$id_en" != "$id_zh" ] &&
	[ "$(uids "$dir/en.ics" | wc -l)" = "$(uids "$dir/zh.ics" | wc -l)" ] &&
	[ -z "$(comm -12 <(uids "$dir/en.ics") <(uids "$dir/zh.ics"))" ]; then
	pass "two databases with the same objects: different identities, no UID shared"
else
	fail "two databases: identities '$id_en' '$id_zh', shared UIDs: $(comm -12 <(uids "$dir/en.ics") <(uids "$dir/zh.ics") | head -n 3)"
fi
# Exports started together on a database without an identity yet agree.
race="$dir/race.db"
copy_db "$dir/en.db" "$race" "DELETE FROM setting WHERE key = 'db_identity';" ||
	fail "cannot make the copy without an identity"
pids=()
for i in 1 2 3 4; do
	"$MOAT_BIN" --db "$race" --lang en --today "$today" export \
		--ics "$dir/race$i.ics" >"$dir/race$i.out" 2>&1 &
	pids+=($!)
done
ok=1
for pid in "${pids[@]}"; do wait "$pid" || ok=0; done
n_ids=$(sqlite3 -batch -noheader "$race" "SELECT count(*) FROM setting WHERE key = 'db_identity'")
id_race=$(sqlite3 -batch -noheader "$race" "SELECT value FROM setting WHERE key = 'db_identity'")
if [ "$ok" = 1 ] && [ "$n_ids" = 1 ] && [ "$id_race" != "$id_en" ] &&
	cmp -s "$dir/race1.ics" "$dir/race2.ics" && cmp -s "$dir/race1.ics" "$dir/race3.ics" &&
	cmp -s "$dir/race1.ics" "$dir/race4.ics" && grep -qF -- "-$id_race@moat" "$dir/race1.ics"; then
	pass "four exports at once: one new identity, four identical calendars"
else
	fail "exports at once: ok=$ok, $n_ids identities: $(cat "$dir"/race?.out)"
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
