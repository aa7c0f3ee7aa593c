#!/bin/bash
# Twenty processes opening one brand-new database at once: creation, the
# identity check and migration are one step the others wait for, the demo
# loads exactly once and in one transaction, and every process says
# something sensible (never "database is locked", "not a moat database", a
# raw constraint message or an empty "moat: ").
. "${MOAT_TESTS:-$(dirname "$0")/..}/lib.sh"

N=20
race() { # race NAME ARGS...: N processes at once; outputs in $TMPD/NAME.*
	local name=$1 i
	shift
	for i in $(seq $N); do
		"$MOAT_BIN" "$@" >"$TMPD/$name.$i.out" 2>"$TMPD/$name.$i.err" &
	done
	wait
}
count() { cat "$TMPD"/$1.*.$2 | grep -cF -- "$3"; }

db=$TMPD/demo.db
race demo --db "$db" --lang en --today 2026-11-25 init --demo
expect_eq "$(count demo out "Loaded the demo organisation into $db")" 1 "one process loads the demo"
expect_eq "$(count demo err "$db already holds an organisation; nothing changed.")" $((N - 1)) \
	"the others say it is already there"
other=$(cat "$TMPD"/demo.*.err | grep -vF "already holds an organisation" || true)
expect_eq "$other" "" "and nothing else goes wrong"
expect_sql "$db" "SELECT count(*) FROM org_unit" 1 "one organisation"
expect_sql "$db" "SELECT count(*) FROM assessment" 2 "with its two years"
expect_sql "$db" "PRAGMA integrity_check" ok "the database is intact"

db=$TMPD/plain.db
race plain --db "$db" --lang en init
expect_eq "$(count plain out "Created $db")" 1 "one process creates the database"
expect_eq "$(count plain err "$db is already a moat database; nothing changed.")" $((N - 1)) \
	"the others say it exists"
other=$(cat "$TMPD"/plain.*.err | grep -vF "is already a moat database" || true)
expect_eq "$other" "" "and nothing else goes wrong"

# Readers and writers at once on a new file: every reader either finds no
# organisation yet or scores the demo.
db=$TMPD/mixed.db
for i in $(seq 10); do
	"$MOAT_BIN" --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null 2>"$TMPD/mix.$i.err" &
	"$MOAT_BIN" --db "$db" --lang en --today 2026-11-25 score >"$TMPD/mixs.$i.out" 2>"$TMPD/mixs.$i.err" &
done
wait
bad=$(cat "$TMPD"/mix.*.err | grep -vF "already holds an organisation" || true)
expect_eq "$bad" "" "concurrent inits beside readers say only 'already there'"
bad=$(cat "$TMPD"/mixs.*.err | grep -vE "no database here|holds no organisation yet|the file is empty" || true)
expect_eq "$bad" "" "readers racing the creation fail only with 'not there yet'"
scored=$(cat "$TMPD"/mixs.*.out | grep -c "Level 2" || true)
failed=$(cat "$TMPD"/mixs.*.err | grep -c . || true)
expect_eq "$((scored + failed))" 10 "each reader scored the demo or said it is not there yet"
finish
