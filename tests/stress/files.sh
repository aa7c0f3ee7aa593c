#!/bin/bash
# Files in bad shape: a truncated database is reported as damaged (not as
# "not a moat database"), doctor says what its integrity check found, and
# a database in a folder nobody may write is still read.
. "${MOAT_TESTS:-$(dirname "$0")/..}/lib.sh"

db=$TMPD/good.db
demo_db "$db"
sql "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null

# Truncated to half.
cp "$db" "$TMPD/cut.db"
size=$(stat -c %s "$TMPD/cut.db")
truncate -s $((size / 2)) "$TMPD/cut.db"
out=$(moat_cli --db "$TMPD/cut.db" --lang en score 2>&1); rc=$?
expect_eq "$rc" 1 "a truncated database is refused"
expect_eq "$out" "moat: $TMPD/cut.db: damaged: truncated to $((size / 2)) of $size bytes" \
	"as damaged, with its size, naming the file once"
out=$(moat_cli --db "$TMPD/cut.db" --lang en doctor 2>&1); rc=$?
expect_eq "$rc" 1 "doctor fails on it"
case $out in *"problem: $TMPD/cut.db: damaged: truncated"*) pass "and says it is damaged" ;;
*) fail "doctor on a truncated file: $out" ;; esac

# A page overwritten with garbage: SQLite's own check finds it.
cp "$db" "$TMPD/garbled.db"
page=$(sql "$db" "PRAGMA page_size")
dd if=/dev/urandom of="$TMPD/garbled.db" bs="$page" seek=3 count=2 conv=notrunc 2>/dev/null
out=$(moat_cli --db "$TMPD/garbled.db" --lang en doctor 2>&1); rc=$?
expect_eq "$rc" 1 "doctor finds a garbled page"
case $out in *"problem: "*) pass "and reports it as a problem" ;; *) fail "doctor on a garbled file: $out" ;; esac

# Doctor on a healthy private database.
out=$(moat_cli --db "$db" --lang en doctor 2>&1); rc=$?
expect_eq "$rc" 0 "doctor passes a healthy database"
case $out in *"ok: SQLite's integrity check passes (schema "*"ok: the audit log is intact"*"No problems found.") pass "saying what it checked" ;;
*) fail "doctor on a good file: $out" ;; esac
out=$(moat_cli --db "$db" --lang zh doctor 2>&1)
case $out in *"正常："*"未发现问题。") pass "in Chinese too" ;; *) fail "zh doctor: $out" ;; esac

# A folder nobody may write: reading still works and leaves nothing.
if [ "$(id -u)" -eq 0 ]; then
	reader=nobody
	run_as() { runuser -u "$reader" -- env MOAT_DATADIR="$TMPD/q" "$@"; }
	cp -r "${MOAT_DATADIR:?}" "$TMPD/q"
	mkdir -p "$TMPD/bin"
	cp "$MOAT_BIN" "$TMPD/bin/moat"
	bin=$TMPD/bin/moat
	chmod -R a+rX "$TMPD"
else
	run_as() { "$@"; }
	bin=$MOAT_BIN
fi
mkdir "$TMPD/ro"
cp "$db" "$TMPD/ro/moat.db"
chmod 444 "$TMPD/ro/moat.db"
chmod 555 "$TMPD/ro"
out=$(run_as "$bin" --db "$TMPD/ro/moat.db" --lang en --today 2026-11-25 score 2>&1); rc=$?
expect_eq "$rc" 0 "a database in a read-only folder is read"
case $out in "East China After-Sales Service Centre · 2026 · Level 2"*) pass "and scored" ;;
*) fail "read-only folder: $out" ;; esac
expect_eq "$(ls -A "$TMPD/ro")" "moat.db" "and nothing is left beside it"
chmod 755 "$TMPD/ro"
finish
