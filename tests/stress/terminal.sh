#!/bin/bash
# The terminal misbehaving: bytes that are not UTF-8 (an SSH client set to
# GBK or Latin-1) are dropped with a notice and the keys after them work; a
# locale that is not UTF-8 is named at start; a terminal that goes away
# without SIGHUP (a setsid session) ends moat instead of a busy loop.
. "${MOAT_TESTS:-$(dirname "$0")/..}/lib.sh"
require_tmux
py=${DEB_PYTHON3:-/usr/bin/python3}

db=$TMPD/term.db
demo_db "$db"
aid=$(sql "$db" "SELECT id FROM assessment WHERE year = 2026")

# --- Latin-1 "café ok!!", then ff fe, then Ctrl-S.
start "$db" --lang en --today 2026-11-25
expect_screen "East China After-Sales" "moat starts"
keys c j j j j j j e
expect_screen "Ctrl-S" "the evidence form opens for item 7"
type_text "caf"
keys -H e9
type_text " ok!!"
expect_screen "Ignored 1 typed byte(s) that are not UTF-8" "a Latin-1 byte is dropped with a notice"
expect_screen "caf ok!!" "and the keys after it are kept"
keys -H ff fe
expect_screen "Ignored 2 typed byte(s) that are not UTF-8" "ff fe are dropped too"
keys C-s
sleep 0.5
expect_sql "$db" "SELECT body FROM evidence WHERE assessment_id = $aid AND target = 'contingency'" \
	"caf ok!!" "Ctrl-S after them still saves, with the text as typed"
keys q q q
expect_exit_ok

# --- A locale that is not UTF-8.
tmux -L "$SOCK" kill-server 2>/dev/null
STARTS=$((STARTS + 1))
SOCK="$SOCK_BASE-$STARTS"
tmux -L "$SOCK" new-session -d -x 80 -y 24 \
	"env TERM=screen-256color LANG=C LC_ALL=C MOAT_DATADIR='${MOAT_DATADIR:-}' \
	 ASAN_OPTIONS='${ASAN_OPTIONS:-}' LSAN_OPTIONS='${LSAN_OPTIONS:-}' \
	 '$MOAT_BIN' --db '$db' --lang en --today 2026-11-25 2>'$TMPD/stderr'; echo EXIT=\$?; sleep 600"
expect_screen "Your terminal's locale is not UTF-8" "a non-UTF-8 locale is named at start"
keys q
expect_exit_ok

# --- The terminal disappears without a hang-up signal.
if [ ! -x "$py" ]; then
	echo "no $py: skipping the vanished-terminal check"
	finish
fi
# (Outside a moved clock: libfaketime makes Python's sleeps fail, and the
# clock does not matter here.)
out=$(env -u LD_PRELOAD -u FAKETIME "$py" - "$MOAT_BIN" "$db" <<'PY'
import fcntl, os, pty, struct, subprocess, sys, termios, time
moat, db = sys.argv[1], sys.argv[2]
m, s = pty.openpty()
fcntl.ioctl(m, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
env = dict(os.environ, TERM="screen-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
# setsid: moat leads a session with no controlling terminal, so closing
# the terminal sends it no SIGHUP.
p = subprocess.Popen(["setsid", moat, "--db", db, "--lang", "en", "--today", "2026-11-25"],
                     stdin=s, stdout=s, stderr=subprocess.DEVNULL, env=env)
os.close(s)
deadline = time.time() + 10
buf = b""
while time.time() < deadline and b"East China" not in buf:
    try:
        buf += os.read(m, 65536)
    except OSError:
        break
os.close(m)
t0 = time.time()
try:
    rc = p.wait(timeout=10)
except subprocess.TimeoutExpired:
    p.kill()
    print("still running 10 s after the terminal went away")
    sys.exit(0)
# Ended by its own SIGHUP (as a hang-up would end it): -1 here.
print("exit %d after %.1f s" % (128 - rc if rc < 0 else rc, time.time() - t0))
PY
)
case $out in "exit 129 after "*) pass "moat ends when its terminal goes away ($out)" ;;
*) fail "vanished terminal: $out" ;; esac
finish
