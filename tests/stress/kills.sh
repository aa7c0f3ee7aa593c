#!/bin/bash
# 100 random kills: writers killed with SIGKILL at random moments keep
# every write they acknowledged and leave an intact database and audit
# chain; exports killed at random leave either no workbook or a complete
# one, never a broken file in its place.
. "${MOAT_TESTS:-$(dirname "$0")/..}/lib.sh"
: "${MOAT_WRITER:?MOAT_WRITER must point to the stress writer}"
py=${DEB_PYTHON3:-/usr/bin/python3}

db=$TMPD/kills.db
demo_db "$db"
aid=$(sql "$db" "SELECT id FROM assessment WHERE year = 2026")

# A random delay from 0 to 0.4 s.
nap() { sleep "0.$(printf '%03d' $((RANDOM % 400)))"; }

# started PID PROGRAM: waits until the background job PID runs PROGRAM.
# Until then it is a copy of this shell, which a TERM would make run this
# test's own exit trap.
started() {
	local want i
	want=$(readlink -f "$2")
	for i in $(seq 2000); do
		[ "$(readlink "/proc/$1/exe" 2>/dev/null)" = "$want" ] && return 0
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.001
	done
}

lost=0 acked_total=0
for round in $(seq 60); do
	tag="w$round"
	"$MOAT_WRITER" "$db" "$aid" "$tag" 100000 >"$TMPD/acks" 2>"$TMPD/writer.err" &
	pid=$!
	started "$pid" "$MOAT_WRITER"
	nap
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	acked=$(grep -c '^ack ' "$TMPD/acks")
	acked_total=$((acked_total + acked))
	stored=$(sql "$db" "SELECT count(*) FROM evidence WHERE body LIKE '$tag %'")
	# Every acknowledged write is there; at most one more (committed
	# just before its acknowledgement was printed).
	if [ "$stored" -lt "$acked" ] || [ "$stored" -gt $((acked + 1)) ]; then
		lost=$((lost + 1))
		echo "round $round: acknowledged $acked, stored $stored"
	fi
done
expect_eq "$lost" 0 "60 killed writers kept every acknowledged write ($acked_total in all)"
expect_sql "$db" "PRAGMA integrity_check" ok "the database is intact after 60 kills"
out=$(moat_cli --db "$db" --lang en audit verify 2>&1)
case $out in "Audit log intact: "*) pass "the audit chain is intact: $out" ;; *) fail "audit: $out" ;; esac

# Exports killed at random: the target is absent or a whole workbook.
broken=0
for round in $(seq 40); do
	out=$TMPD/k$round.xlsx
	case $((round % 3)) in 0) sig=KILL ;; 1) sig=TERM ;; *) sig=INT ;; esac
	"$MOAT_BIN" --db "$db" --lang en --today 2026-11-25 export -o "$out" >/dev/null 2>&1 &
	pid=$!
	started "$pid" "$MOAT_BIN"
	sleep "0.0$((RANDOM % 10))"
	kill -"$sig" "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ -e "$out" ] && ! "$py" -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.exit(1 if z.testzip() else 0)' "$out" 2>/dev/null; then
		broken=$((broken + 1))
		echo "round $round ($sig): $out is not a complete workbook"
	fi
done
expect_eq "$broken" 0 "40 killed exports left no broken workbook"
check=$(sql "$db" "PRAGMA integrity_check" 2>&1)
expect_eq "$check" ok "the database is intact after the exports"
[ "$check" = ok ] || ls -la "$TMPD"
finish
