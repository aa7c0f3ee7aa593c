#!/bin/bash
# moat verify record and list, as a backup job and a script use them: an
# entry recorded with its times judged against the system's RTO and RPO,
# the monthly restore test's overdue occurrence completed by it, an
# unknown system refused with the names of the known ones, usage errors,
# the list by filter and as CSV; then 20 jobs recording at once, every
# entry kept exactly once.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"

db=$TMPD/verify.db
demo_db "$db"
cli() { moat_cli --db "$db" --lang en --today 2026-11-25 "$@"; }

out=$(cli verify record --system "Customer service system" --kind restore \
	--result pass --started "2026-11-24 09:00" --ended "2026-11-24 10:10" \
	--data-age 30 --completeness 99.5 --note "monthly test" 2>&1)
rc=$?
expect_eq "$rc" 0 "record exits 0"
expect_eq "$out" "Recorded the restore test of Customer service system: pass; RTA 1 h 10 min, RTO 2 h: met; RPA 30 min, RPO 1 h: met
It completes the recurring duty's open occurrence and files its evidence." \
	"record says the verdict against the targets and the duty it completed"
expect_eq "$(sql "$db" "SELECT system, kind, result, started_at, ended_at, rta, rpa,
	completeness, note FROM verify_entry WHERE duty_event_id IS NOT NULL AND
	started_at = '2026-11-24 09:00'")" \
	"Customer service system|restore|pass|2026-11-24 09:00|2026-11-24 10:10|70|30|995|monthly test" \
	"the entry is stored with its minutes and completeness in tenths"
expect_eq "$(sql "$db" "SELECT e.due_date || ' ' || e.event_date FROM duty_event e
	JOIN duty d ON d.id = e.duty_id JOIN verify_entry v ON v.duty_event_id = e.id
	WHERE d.template_key = 'd.restore_test' AND v.started_at = '2026-11-24 09:00'")" \
	"2026-11-10 2026-11-24" "it completed the overdue restore test of 10 November"
expect_eq "$(moat_cli --db "$db" --lang en --today 2026-11-25 due | grep -c 'OVERDUE.*Monthly backup restore test')" 0 \
	"moat due no longer lists the restore test as overdue"

out=$(cli verify record --system "Mainframe" --kind check --result fail --minutes 3 2>&1)
expect_eq "$?" 1 "an unknown system exits 1"
expect_eq "$out" "moat: unknown system Mainframe; the systems are: Rescue dispatch system, Customer service system, Work order system, Parts inventory system, Finance system, CRM system, BI platform" \
	"and names the known systems"

for bad in "--kind restore --result pass" \
	"--system CRM --kind copy --result pass" \
	"--system CRM --kind check --result ok" \
	"--system CRM --kind check --result pass --minutes -5" \
	"--system CRM --kind check --result pass --completeness 101" \
	"--system CRM --kind check --result pass --ended 2026-11-24" \
	"--system CRM --kind check --result pass --started 2026-11-24T25:00"; do
	# shellcheck disable=SC2086
	cli verify record $bad >/dev/null 2>&1
	expect_eq "$?" 2 "usage error: $bad"
done
cli verify list --result pass >/dev/null 2>&1
expect_eq "$?" 2 "list takes no --result"
cli --system CRM score >/dev/null 2>&1
expect_eq "$?" 2 "--system goes only with verify"

cli verify record --system "CRM system" --kind check --result fail \
	--started "2026-11-25 02:00" --note "checksum mismatch" >/dev/null
expect_eq "$(cli verify list --kind check)" \
	"2026-11-25 02:00  CRM system  automated check  fail  RTA not measured  RPA not measured  completeness —  by $(id -un)" \
	"list --kind check shows the one automated check"
expect_eq "$(cli verify list --system "Customer service system" --since 2026-10-01 | cut -c1-40)" \
	"2026-11-24 09:00  Customer service syste
2026-10-11 10:09  Customer service syste
2026-10-10 09:00  Customer service syste" \
	"list --system --since: that system's entries from the day on, newest first"
expect_eq "$(moat_cli --db "$db" --lang zh verify list --kind check)" \
	"2026-11-25 02:00  CRM system  自动化验证  未通过  未测得RTA  未测得RPA  完整率—  记录人：$(id -un)" \
	"zh: the same in Chinese"
cli verify list --csv >"$TMPD/list.csv"
python3 - "$TMPD/list.csv" "$db" <<'PY' && pass "the CSV reads back with python's csv module, each row as stored" ||
import csv, sqlite3, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0] == ["id", "started", "ended", "system", "kind", "result", "rta_minutes",
                   "rto_minutes", "rpa_minutes", "rpo_minutes", "completeness_pct",
                   "by", "note", "link"], rows[0]
db = sqlite3.connect(sys.argv[2])
want = db.execute("SELECT id, started_at, ended_at, system, kind, result,"
                  " coalesce(rta, ''), coalesce(rpa, ''), completeness, note"
                  " FROM verify_entry ORDER BY started_at DESC, id DESC").fetchall()
assert len(rows) == len(want) + 1, (len(rows), len(want))
for r, w in zip(rows[1:], want):
    assert [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[8]] == \
        [str(w[0]), w[1], w[2], w[3], w[4], w[5], str(w[6]), str(w[7])], (r, w)
    pct = "" if w[8] is None else ("%g" % (w[8] / 10))
    assert r[10] == pct, (r[10], pct)
    assert r[12] == w[9]
# The customer service system's targets: RTO 2 h, RPO 1 h.
cs = [r for r in rows[1:] if r[3] == "Customer service system"]
assert all(r[7] == "120" and r[9] == "60" for r in cs), cs
PY
	fail "the CSV does not read back as stored"

# Twenty backup jobs at once: each entry is there exactly once.
before=$(sql "$db" "SELECT count(*) FROM verify_entry")
for i in $(seq 1 20); do
	cli verify record --system "Finance system" --kind check --result pass \
		--started "2026-11-25 03:$(printf %02d "$i")" --minutes "$i" \
		--note "job $i" >"$TMPD/job$i.out" 2>&1 &
done
failed=0
for job in $(jobs -p); do
	wait "$job" || failed=$((failed + 1))
done
expect_eq "$failed" 0 "all 20 jobs exit 0"
expect_eq "$(sql "$db" "SELECT count(*) FROM verify_entry") $(sql "$db" "SELECT count(DISTINCT note)
	FROM verify_entry WHERE note LIKE 'job %'")" "$((before + 20)) 20" \
	"the ledger holds the 20 entries, each once"
expect_eq "$(sql "$db" "SELECT sum(rta) FROM verify_entry WHERE note LIKE 'job %'")" 210 \
	"with their own minutes (1 + 2 + ... + 20)"
expect_eq "$(moat_cli --db "$db" audit verify 2>&1 | cut -c1-16)" "Audit log intact" \
	"the audit chain holds after the concurrent writes"
finish
