# Shared helpers for the shell tests: a private tmux server per test, a
# temporary directory, and assertions that say what they expected.
# Sourced by tests/*.sh; needs MOAT_BIN (the built program).

set -u
: "${MOAT_BIN:?MOAT_BIN must point to the built moat}"
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/moat-test.XXXXXX")
SOCK_BASE="moat-$$-$RANDOM"
SOCK="$SOCK_BASE-0"
STARTS=0
FAILS=0
CHECKS=0

cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	rm -rf "$TMPD"
}
trap cleanup EXIT

pass() { CHECKS=$((CHECKS + 1)); echo "ok   $*"; }
fail() { CHECKS=$((CHECKS + 1)); FAILS=$((FAILS + 1)); echo "FAIL $*"; }

# finish: prints the tally in the form the test harness reads, exits.
finish() {
	echo "$((CHECKS - FAILS)) passed, $FAILS failed"
	[ "$FAILS" -eq 0 ]
	exit $?
}

# require_tmux: skips the test (status 77) with the reason when tmux is
# missing or cannot start a terminal (no pseudo-terminals, e.g. a chroot
# without /dev/pts).
require_tmux() {
	local why
	if ! command -v tmux >/dev/null; then
		echo "tmux not installed: skipping"
		exit 77
	fi
	if ! why=$(tmux -L "$SOCK_BASE-probe" new-session -d -x 80 -y 24 'sleep 5' 2>&1); then
		echo "tmux cannot start a terminal (${why:-no reason given}); is /dev/pts mounted? skipping"
		exit 77
	fi
	tmux -L "$SOCK_BASE-probe" kill-server 2>/dev/null
}

# moat_pids DB: the pids of the moat processes opened on DB, read from /proc
# (so the tests need no procps).
moat_pids() {
	local f pid
	for f in /proc/[0-9]*/cmdline; do
		pid=${f#/proc/}
		pid=${pid%/cmdline}
		[ "$(tr '\0' '\n' <"$f" 2>/dev/null | head -n 1)" = "$MOAT_BIN" ] || continue
		tr '\0' '\n' <"$f" 2>/dev/null | grep -qxF -- "$1" && echo "$pid"
	done
}

# moat_cli ARGS...: runs the program outside tmux.
moat_cli() { "$MOAT_BIN" "$@"; }

# demo_db DB [LANG]: a new database at DB with the demo organisation as of
# 2026-11-25, in English or LANG; ends the test when that fails.
demo_db() {
	moat_cli --db "$1" --lang "${2:-en}" --today 2026-11-25 init --demo >/dev/null ||
		{ echo "init --demo failed"; exit 1; }
}

# start DB [ARGS...]: starts moat at 80x24 in a fresh tmux server. The pane
# stays after moat exits and shows "EXIT=<status>".
start() {
	local db=$1
	shift
	# A fresh server per start: a server being killed may still hold its
	# socket for a moment.
	tmux -L "$SOCK" kill-server 2>/dev/null
	STARTS=$((STARTS + 1))
	SOCK="$SOCK_BASE-$STARTS"
	tmux -L "$SOCK" new-session -d -x 80 -y 24 \
		"env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		 MOAT_DATADIR='${MOAT_DATADIR:-}' MOAT_CLOCK_FILE='${MOAT_CLOCK_FILE:-}' \
		 ASAN_OPTIONS='${ASAN_OPTIONS:-}' LSAN_OPTIONS='${LSAN_OPTIONS:-}' \
		 '$MOAT_BIN' --db '$db' $* 2>'$TMPD/stderr'; echo EXIT=\$?; sleep 600"
}

keys() { tmux -L "$SOCK" send-keys "$@"; }
type_text() { tmux -L "$SOCK" send-keys -l -- "$1"; }
screen_text() { tmux -L "$SOCK" capture-pane -p; }
resize() { tmux -L "$SOCK" resize-window -x "$1" -y "$2"; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT; false on time-out.
wait_for() {
	local text=$1 limit=${2:-10} i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		if screen_text | grep -qF -- "$text"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# settled_screen: the screen once two captures 0.3 s apart agree (at most
# about 9 s), so a comparison does not catch a redraw half done.
settled_screen() {
	local a b i=0
	a=$(screen_text)
	while [ "$i" -lt 30 ]; do
		sleep 0.3
		b=$(screen_text)
		[ "$a" = "$b" ] && break
		a=$b
		i=$((i + 1))
	done
	printf '%s\n' "$a"
}

# expect_screen TEXT WHAT: asserts the screen shows TEXT (waiting a little).
expect_screen() {
	if wait_for "$1" "${3:-5}"; then
		pass "$2"
	else
		fail "$2: screen lacks '$1'"
		screen_text | sed 's/^/     | /'
	fi
}

# expect_wrapped TEXT WHAT: asserts the screen shows TEXT, possibly wrapped
# over several lines or inside a box (spaces, line ends and box sides are
# left out of the comparison).
expect_wrapped() {
	local want i=0
	want=$(printf '%s' "$1" | tr -d ' \n')
	while [ "$i" -lt 100 ]; do
		case $(screen_text | sed 's/│//g' | tr -d ' \n') in *"$want"*)
			pass "$2"
			return ;;
		esac
		sleep 0.05
		i=$((i + 1))
	done
	fail "$2: screen lacks '$1'"
	screen_text | sed 's/^/     | /'
}

# expect_no_screen TEXT WHAT
expect_no_screen() {
	sleep 0.3
	if screen_text | grep -qF -- "$1"; then
		fail "$2: screen shows '$1'"
		screen_text | sed 's/^/     | /'
	else
		pass "$2"
	fi
}

# expect_eq ACTUAL EXPECTED WHAT
expect_eq() {
	if [ "$1" = "$2" ]; then
		pass "$3"
	else
		fail "$3: got '$1', expected '$2'"
	fi
}

# expect_sql DB QUERY EXPECTED WHAT [SECONDS]: asserts that QUERY gives
# EXPECTED, waiting for a write the program makes after a key (it commits
# before the next draw, but the test reads from another process).
expect_sql() {
	local got i=0 limit=$((${5:-5} * 20))
	while :; do
		got=$(sql "$1" "$2")
		[ "$got" = "$3" ] && break
		i=$((i + 1))
		[ "$i" -ge "$limit" ] && break
		sleep 0.05
	done
	expect_eq "$got" "$3" "$4"
}

# The assessment moat opens on, for queries: ... WHERE assessment_id = $CUR
# (this Unix user's choice, else the file's default).
CUR="(SELECT coalesce((SELECT assessment_id FROM user_current WHERE user_name = '$(id -un)'), (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'current_assessment')))"

# sql DB QUERY: one value from the database, read with sqlite3 itself.
sql() { sqlite3 -batch -noheader "$1" "$2"; }

# quit_and_check: sends q until moat exits, then expects status 0 and a
# clean stderr (sanitizer reports land there).
expect_exit_ok() {
	if wait_for "EXIT=0" 10; then
		pass "moat exited with status 0"
	else
		fail "moat did not exit cleanly"
		screen_text | sed 's/^/     | /'
	fi
	if [ -s "$TMPD/stderr" ]; then
		fail "moat wrote to stderr"
		sed 's/^/     | /' "$TMPD/stderr" | head -40
	fi
}
