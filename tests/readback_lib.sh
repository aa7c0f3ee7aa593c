# Shared start of the read-back tests: Debian's python3 with the module
# that reads the file back (else skip, status 77), a temporary directory,
# and pass/fail counting. Sourced with the module and package names:
#   . readback_lib.sh openpyxl python3-openpyxl

set -u

: "${MOAT_BIN:?MOAT_BIN must name the built moat}"
: "${MOAT_TESTS:?MOAT_TESTS must name the tests directory}"
py=${DEB_PYTHON3:-/usr/bin/python3}
today=2026-11-25

if [ ! -x "$py" ] || ! "$py" -c "import $1" 2>/dev/null; then
	echo "SKIP: $py cannot import $1 (install $2)"
	exit 77
fi

# require_yaml: skips (status 77) unless the python reads YAML too, for
# the read-backs that work from the reference files.
require_yaml() {
	if ! "$py" -c "import yaml" 2>/dev/null; then
		echo "SKIP: $py cannot import yaml (install python3-yaml)"
		exit 77
	fi
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/moat-readback.XXXXXX") || exit 1
cleanup() { rm -rf -- "$dir"; }
trap cleanup EXIT

failures=0
want_mode=$(printf '%o' $((0666 & ~$(umask))))
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
pass() {
	echo "ok: $*"
}

# init_demo LANG: loads the demo into $db in that language; passes or fails
# and returns the status.
init_demo() {
	if "$MOAT_BIN" --db "$db" --lang "$1" --today "$today" init --demo \
		>"$dir/init.out" 2>&1; then
		pass "$1: init --demo"
	else
		fail "$1: init --demo exited $?"
		cat "$dir/init.out"
		return 1
	fi
}

# copy_db SRC DST SQL: copies database SRC to DST with SQLite's backup API,
# then runs the SQL statements on the copy (foreign keys on).
copy_db() {
	"$py" - "$1" "$2" "$3" <<'PY'
import sqlite3, sys
src, dst = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
src.backup(dst)
src.close()
dst.execute("PRAGMA foreign_keys = ON")
dst.executescript(sys.argv[3])
dst.commit()
dst.close()
PY
}

# The demo's duties paused as of $today (2026-11-25): the restore test since
# 2026-11-01, so its missed 2026-11-10 is not owed; the tabletop drill
# through December, so its 2026-12-15 is never owed; the management review
# from 2027-01-01 on; the maturity assessment in June 2028.
paused_sql="
UPDATE duty SET paused_on = '2026-11-01' WHERE template_key = 'd.restore_test';
INSERT INTO duty_pause (duty_id, paused_on, resumed_on)
	SELECT id, '2026-12-01', '2027-01-01' FROM duty WHERE template_key = 'd.tabletop';
UPDATE duty SET paused_on = '2027-01-01' WHERE template_key = 'd.review';
INSERT INTO duty_pause (duty_id, paused_on, resumed_on)
	SELECT id, '2028-06-01', '2028-07-01' FROM duty WHERE template_key = 'd.maturity';"
