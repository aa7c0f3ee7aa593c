#!/bin/bash
# Tampering with the audit log by plain SQL shows: `moat audit verify`
# names the first broken link, every command warns, and so does the
# interface at start.
. "${MOAT_TESTS:-$(dirname "$0")/..}/lib.sh"
require_tmux

db=$TMPD/tamper.db
demo_db "$db"
n=$(sql "$db" "SELECT count(*) FROM audit_log")
out=$(moat_cli --db "$db" --lang en audit verify 2>&1)
expect_eq "$out" "Audit log intact: $n entries, each sealed to the one before." "a fresh log verifies"

# Someone rewrites who made a change.
sql "$db" "UPDATE audit_log SET user = 'mallory' WHERE id = 5"
out=$(moat_cli --db "$db" --lang en audit verify 2>&1); rc=$?
expect_eq "$rc" 1 "audit verify fails on a changed entry"
expect_eq "$out" "Audit log broken at entry 5: it was changed after it was written." \
	"and names the entry"
out=$(moat_cli --db "$db" --lang zh audit verify 2>&1)
expect_eq "$out" "审计日志在第 5 条处断开：该条写入后被改动过。" "in Chinese too"

# Deleting an old entry breaks the count, which the quick check at every
# start sees.
sql "$db" "DELETE FROM audit_log WHERE id = 3"
out=$(moat_cli --db "$db" --lang en --today 2026-11-25 score 2>&1 >/dev/null)
expect_eq "$out" "moat: warning: Audit log broken before entry 4: 1 entry(ies) deleted. Run 'moat audit verify' for details." \
	"score warns that an entry was deleted"
out=$(moat_cli --db "$db" --lang en audit verify 2>&1)
expect_eq "$out" "Audit log broken before entry 4: 1 entry(ies) deleted." "verify finds where"

start "$db" --lang en --today 2026-11-25
expect_screen "Audit log broken before entry" "the interface warns at start"
keys q
expect_exit_ok

# Cutting off the newest entries shows too, even after new writes.
db2=$TMPD/cut.db
moat_cli --db "$db2" --lang en --today 2026-11-25 init --demo >/dev/null
last=$(sql "$db2" "SELECT max(id) FROM audit_log")
sql "$db2" "DELETE FROM audit_log WHERE id > $((last - 3))"
out=$(moat_cli --db "$db2" --lang en audit verify 2>&1)
expect_eq "$out" "Audit log broken at its end: the newest 3 entry(ies), up to $last, deleted." \
	"a cut end is found"
finish
