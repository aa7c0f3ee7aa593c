#!/bin/bash
# The command line: help, version, usage errors, init, score, and the
# messages for files that are not what moat expects.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"

db=$TMPD/cli.db
run() { out=$("$MOAT_BIN" "$@" 2>"$TMPD/err"); rc=$?; err=$(cat "$TMPD/err"); }

run --help
expect_eq "$rc" 0 "--help exits 0"
case $out in *"export -o FILE"*) pass "--help lists the commands" ;; *) fail "--help: $out" ;; esac
run --lang zh --help
case $out in *"用法：moat"*) pass "--help in Chinese" ;; *) fail "zh help: $out" ;; esac
run --version
expect_eq "$out" "moat 0.1.0" "--version prints the version"

for bad in "--bogus" "frob" "score extra" "--lang fr score" "--today 2026-02-30 score" \
	"export" "score -o x.xlsx" "--demo score" "--db"; do
	# shellcheck disable=SC2086
	run $bad
	expect_eq "$rc" 2 "'moat $bad' is a usage error (status 2)"
	case $err in *"moat --help"*) pass "'moat $bad' points to --help" ;;
	*) fail "'moat $bad' message: $err" ;; esac
done

run --db "$db" score
expect_eq "$rc" 1 "score without a database fails"
case $err in *"init --demo"*) pass "and says how to start" ;; *) fail "missing score: $err" ;; esac
[ -e "$db" ] && fail "score created $db" || pass "and creates no database"
: >"$TMPD/zero.db"
run --db "$TMPD/zero.db" score
expect_eq "$rc" 1 "score on a zero-byte file fails"
case $err in "moat: $TMPD/zero.db: the file is empty, not a moat database; create one with 'moat init' (or 'moat init --demo')")
	pass "saying it is empty, naming the file once" ;; *) fail "zero-byte score: $err" ;; esac
expect_eq "$(stat -c %s "$TMPD/zero.db")" 0 "and leaves it empty"
[ -e "$TMPD/zero.db-wal" ] && fail "a read left a WAL file" || pass "and makes no WAL file"

run --db "$db" --lang en --today 2026-11-25 init --demo
expect_eq "$rc" 0 "init --demo succeeds"
run --db "$db" --lang en --today 2026-11-25 init --demo
expect_eq "$rc" 1 "a second init --demo is refused"
case $err in *"already holds an organisation"*) pass "and says why" ;; *) fail "second init: $err" ;; esac

run --db "$db" --lang en --today 2026-11-25 score
expect_eq "$rc" 0 "score exits 0"
expect_eq "$out" "East China After-Sales Service Centre · 2026 · Level 2 Repeatable · risk high
Blocking Level 3 Defined:
  - DR site in place: item 3 DR site / architecture is in progress, needs done
  - Backups restore-tested regularly: item 5 Restore tests run regularly is in progress, needs done
  - Backups restore-tested regularly: evidence for item 5 Restore tests run regularly expired on 2026-10-26
  - BIA completed and RTO/RPO set for all critical systems: item 1 Business impact analysis is marked done, but the BIA recorded here does not support it
  - BIA completed and RTO/RPO set for all critical systems: item 2 RTO/RPO set for critical systems is marked done, but the BIA recorded here does not support it
  - Emergency plans complete: item 6 Emergency response plan is marked done, but what is recorded here does not support it
Evidence: 7 pieces, 1 expired, 1 expiring within 30 days.
Item 1 Business impact analysis (done), by the BIA:
  ! Marked done, but the BIA recorded here does not support it
  BIA: 2 of 6 critical processes have no MTD
  BIA: 8 of 8 processes are due for review (every 12 months)
Item 2 RTO/RPO set for critical systems (done), by the BIA:
  ! Marked done, but the BIA recorded here does not support it
  RTO/RPO: 2 of 5 critical systems are missing an RTO
Item 3 DR site / architecture (in progress), by the BIA:
  DR: Rescue dispatch system plans level 5, needs 6
  DR: Customer service system plans level 4, needs 5
  DR: Work order system has no level planned, needs 6
  DR: Parts inventory system plans level 3, needs 5
  DR: Finance system has no level planned, needs 6
  DR: and 2 more
Item 6 Emergency response plan (done), by what is recorded:
  ! Marked done, but what is recorded here does not support it
  Plan: 3 of 3 contacts are examples to replace
  Plan: the response card (v4) has never been printed
Item 7 Business contingency plans (not started), by what is recorded:
  Plans: no plan for Work order system, which critical processes use
  Plans: no plan for Parts inventory system, which critical processes use
  Plans: no plan for Finance system, which critical processes use
  Plans: the plan for Customer service system changed since v1 was approved
Item 9 Emergency team formed and trained (done), by what is recorded:
  ! Marked done, but what is recorded here does not support it
  Team: 3 of the card's 3 roles have no one named (examples do not count)
  Team: last drill 2026-10-11 (Functional drill), 45 days ago
  Team: in the drill of 2026-10-11 the teams did not work together" \
	"score prints the level, the gap list (a done the records do not bear out too), the evidence that ages and the findings of the analysis (items 1-3), the response, the plans and the drills (items 6, 7, 9)"
# On another day the same evidence has aged differently.
run --db "$db" --lang en --today 2026-12-20 score
case $out in *"Evidence: 7 pieces, 2 expired, 0 expiring within 30 days."*) pass "--today moves the expiry" ;;
*) fail "score on 2026-12-20: $out" ;; esac
run --db "$db" --lang zh --today 2026-11-25 score
expect_eq "$(printf '%s\n' "$out" | head -2)" "East China After-Sales Service Centre · 2026 · 第2级 可重复级 · 风险高
阻碍第3级 已定义级：" "score in Chinese (names stay in the language they were entered)" 

# Without --db the database lives under $XDG_DATA_HOME (created on demand).
out=$(XDG_DATA_HOME=$TMPD/xdg "$MOAT_BIN" --lang en --today 2026-11-25 init --demo 2>&1)
if [ -f "$TMPD/xdg/moat/moat.db" ]; then pass "the default database is \$XDG_DATA_HOME/moat/moat.db"
else fail "no database under XDG_DATA_HOME: $out"; fi
out=$(env -u XDG_DATA_HOME HOME=$TMPD/home "$MOAT_BIN" --lang en score 2>&1)
case $out in *"$TMPD/home/.local/share/moat/moat.db: no database here"*) pass "without XDG_DATA_HOME it falls back to ~/.local/share" ;; *) fail "HOME fallback: $out" ;; esac
if [ -d "$TMPD/home/.local/share/moat" ]; then fail "a read command made ~/.local/share/moat"; else pass "and a read command makes no folder"; fi
env -u XDG_DATA_HOME HOME=$TMPD/home "$MOAT_BIN" --lang en init >/dev/null 2>&1
if [ -f "$TMPD/home/.local/share/moat/moat.db" ]; then pass "init makes the folder and the database"; else fail "init made no ~/.local/share/moat/moat.db"; fi

# Files that are not moat databases.
printf 'just text, not a database at all, long enough for a header.........................................' >"$TMPD/text.db"
run --db "$TMPD/text.db" score
expect_eq "$rc" 1 "a text file is refused"
case $err in *"not a moat database"*) pass "with a clear message" ;; *) fail "text db: $err" ;; esac
sqlite3 "$TMPD/other.db" "CREATE TABLE t (x)"
run --db "$TMPD/other.db" score
case $err in *"not a moat database"*) pass "another program's database is refused" ;; *) fail "other db: $err" ;; esac
run --db "$TMPD/no/such/dir/x.db" score
expect_eq "$rc" 1 "an unreachable path fails"
expect_eq "$err" "moat: $TMPD/no/such/dir/x.db: no database here; create one with 'moat init' (or 'moat init --demo' to try moat)" \
	"naming the path once"
run --db "$TMPD/no/such/dir/x.db" init
expect_eq "$err" "moat: $TMPD/no/such/dir/x.db: cannot create the database: its folder does not exist" \
	"init in a missing folder says so"

# Arguments out of range are usage errors.
for day in 1969-12-31 2201-01-01; do
	run --db "$db" --today "$day" score
	expect_eq "$rc" 2 "--today $day is refused"
done
case $err in *"--today must be a date YYYY-MM-DD from 1970 to 2200: 2201-01-01"*) pass "saying the range" ;;
*) fail "--today range: $err" ;; esac
run --db "$db" export -o ''
expect_eq "$rc" 2 "export -o '' is a usage error"
run --db "$db" audit
expect_eq "$rc" 2 "audit needs an action"
run --db "$db" init --shared ''
expect_eq "$rc" 2 "an empty --shared group is a usage error"
run --db "$TMPD/nogroup.db" init --shared no-such-group-here
expect_eq "$rc" 1 "an unknown group fails"
expect_eq "$err" "moat: no group named no-such-group-here (see getent group)" "and says so"

# The interface needs a terminal.
run --db "$db" </dev/null
expect_eq "$rc" 1 "without a terminal the interface refuses to start"

# A malformed questionnaire names the file and the line.
mkdir -p "$TMPD/q/en"
cp "${MOAT_DATADIR:-questionnaires}/en/maturity.yaml" "$TMPD/q/en/"
sed 's/^    why:/    whyy:/' "${MOAT_DATADIR:-questionnaires}/en/checklist.yaml" >"$TMPD/q/en/checklist.yaml"
out=$(MOAT_DATADIR=$TMPD/q "$MOAT_BIN" --db "$db" --lang en score 2>&1)
case $out in *"q/en/checklist.yaml:"*": unknown key 'whyy'"*) pass "a malformed questionnaire is reported with file:line" ;;
*) fail "malformed questionnaire: $out" ;; esac

finish
