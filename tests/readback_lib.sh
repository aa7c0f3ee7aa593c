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
