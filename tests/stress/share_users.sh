#!/bin/bash
# Several real Unix users on one database file (needs root to make them;
# skipped otherwise):
#  - a user who may only read never locks the writers out;
#  - `moat init --shared GROUP` gives a folder and files the whole group
#    can write, and `moat doctor` finds nothing wrong with them;
#  - WAL files another user made without group write are explained, with
#    the fix, instead of failing with "attempt to write a readonly
#    database".
. "${MOAT_TESTS:-$(dirname "$0")/..}/lib.sh"
: "${MOAT_WRITER:?MOAT_WRITER must point to the stress writer}"
require_tmux
if [ "$(id -u)" -ne 0 ]; then
	echo "not root: cannot create the users this test needs; skipping"
	exit 77
fi

# Users and a group of our own, removed at the end.
tag="mt$$"
group="${tag}g"
w1="${tag}w1" w2="${tag}w2" ro="${tag}ro"
remove_users() {
	for u in "$w1" "$w2" "$ro"; do userdel "$u" 2>/dev/null; done
	groupdel "$group" 2>/dev/null
	cleanup
}
trap remove_users EXIT
groupadd "$group" || { echo "groupadd failed"; exit 1; }
for u in "$w1" "$w2"; do useradd -M -N -g users -G "$group" "$u" || exit 1; done
useradd -M -N -g users "$ro" || exit 1

# Everything the users run must be theirs to read: the program, its
# questionnaires and the writer, copied out of the build tree.
chmod 755 "$TMPD"
mkdir -p "$TMPD/bin"
cp "$MOAT_BIN" "$MOAT_WRITER" "$TMPD/bin/"
cp -r "${MOAT_DATADIR:?}" "$TMPD/q"
chmod -R a+rX "$TMPD/bin" "$TMPD/q"
bin=$TMPD/bin/moat
writer=$TMPD/bin/writer
as() { # as USER CMD...: runs CMD as USER with umask 022
	local u=$1
	shift
	runuser -u "$u" -- env HOME=/ MOAT_DATADIR="$TMPD/q" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" LSAN_OPTIONS="${LSAN_OPTIONS:-}" \
		sh -c 'umask 022; exec "$@"' sh "$@"
}
start_as() { # start_as USER DB ARGS...: the interface as USER in tmux
	local u=$1 db=$2
	shift 2
	tmux -L "$SOCK" kill-server 2>/dev/null
	STARTS=$((STARTS + 1))
	SOCK="$SOCK_BASE-$STARTS"
	tmux -L "$SOCK" new-session -d -x 80 -y 24 \
		"runuser -u $u -- env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		 HOME=/ MOAT_DATADIR='$TMPD/q' ASAN_OPTIONS='${ASAN_OPTIONS:-}' \
		 LSAN_OPTIONS='${LSAN_OPTIONS:-}' '$bin' --db '$db' $* 2>'$TMPD/stderr'; \
		 echo EXIT=\$?; sleep 600"
}
owner_of() { stat -c %U "$1"; }

# --- 1. A private database, read by a user who may not write it.
mkdir "$TMPD/private"
chown "$w1" "$TMPD/private"
chmod 755 "$TMPD/private"
pdb=$TMPD/private/moat.db
as "$w1" "$bin" --db "$pdb" --lang en --today 2026-11-25 init --demo >/dev/null ||
	{ echo "init as $w1 failed"; exit 1; }
expect_eq "$(stat -c %a "$pdb")" 644 "the owner's database is 0644 (others may read)"
aid=$(sql "$pdb" "SELECT id FROM assessment WHERE year = 2026")
out=$(as "$ro" "$bin" --db "$pdb" --lang en --today 2026-11-25 score 2>&1)
case $out in "East China After-Sales Service Centre · 2026 · Level 2"*) pass "a reader scores it" ;;
*) fail "reader's score: $out" ;; esac
start_as "$ro" "$pdb" --lang en --today 2026-11-25
expect_screen "read-only" "the reader's interface says it is read-only"
keys c
sleep 0.3
keys Space
expect_screen "Read-only: you can read this database but not change it." "a change is refused, saying why"
keys q q
for f in "$pdb-wal" "$pdb-shm"; do
	if [ -e "$f" ] && [ "$(owner_of "$f")" = "$ro" ]; then
		fail "the reader left $f"
	else
		pass "the reader left no $(basename "$f") of its own"
	fi
done
if as "$w1" "$writer" "$pdb" "$aid" after-reader 3 >/dev/null 2>"$TMPD/w.err"; then
	pass "the owner still writes after the reader"
else
	fail "the owner cannot write after the reader: $(cat "$TMPD/w.err")"
fi
expect_sql "$pdb" "SELECT count(*) FROM evidence WHERE body LIKE 'after-reader %'" 3 \
	"and the writes are stored"

# --- 2. A shared database, in a folder a member makes.
mkdir "$TMPD/srv"
chown "$w1" "$TMPD/srv"
sdb=$TMPD/srv/team/moat.db
out=$(as "$w1" "$bin" --db "$sdb" --lang en --today 2026-11-25 init --shared "$group" --demo 2>&1) ||
	fail "init --shared: $out"
expect_eq "$(stat -c '%a %G' "$TMPD/srv/team")" "2770 $group" "the folder is setgid 2770 and the group's"
expect_eq "$(stat -c '%a %G' "$sdb")" "660 $group" "the database is 0660 and the group's"
said=$(as "$w1" "$bin" --db "$sdb" --lang en init --shared "$group" 2>&1)
case $said in *"Shared $sdb with group $group"*) pass "init --shared again only re-applies the sharing" ;;
*) fail "second init --shared: $said" ;; esac
aid=$(sql "$sdb" "SELECT id FROM assessment WHERE year = 2026")
# w2 keeps the file open (its WAL files exist) while w1 writes.
start_as "$w2" "$sdb" --lang en --today 2026-11-25
expect_screen "East China After-Sales" "a second member opens the shared database"
for f in "$sdb-wal" "$sdb-shm"; do
	expect_eq "$(stat -c '%a %G' "$f" 2>/dev/null)" "660 $group" "$(basename "$f") is 0660 and the group's"
done
if as "$w1" "$writer" "$sdb" "$aid" w1 5 >/dev/null 2>"$TMPD/w.err"; then
	pass "one member writes while another has it open"
else
	fail "w1 cannot write: $(cat "$TMPD/w.err")"
fi
keys c
sleep 0.3
keys Space
expect_screen "saved" "the other member writes too"
keys q q
expect_exit_ok
out=$(as "$w1" "$bin" --db "$sdb" --lang en doctor 2>&1); rc=$?
expect_eq "$rc" 0 "doctor finds nothing wrong with the shared setup"
case $out in *"ok: shared by group $group"*"No problems found."*) pass "and says it is shared" ;;
*) fail "doctor: $out" ;; esac
out=$(as "$ro" "$bin" --db "$sdb" --lang en score 2>&1); rc=$?
expect_eq "$rc" 1 "someone outside the group cannot open it"

# --- 3. WAL files made by someone else without group write.
start_as "$w2" "$sdb" --lang en --today 2026-11-25
expect_screen "East China After-Sales" "w2 holds the database open"
chmod 644 "$sdb-wal" "$sdb-shm"
chown "$w2" "$sdb-wal" "$sdb-shm"
out=$(as "$w1" "$bin" --db "$sdb" --lang en --today 2026-11-25 score 2>&1)
case $out in *"$sdb-wal belongs to $w2 with mode 0644"*"chmod 660 $sdb-wal $sdb-shm"*)
	pass "blocked WAL files are explained with the fix" ;;
*) fail "blocked WAL: $out" ;; esac
out=$(as "$w1" "$bin" --db "$sdb" --lang en doctor 2>&1); rc=$?
expect_eq "$rc" 1 "doctor reports the problem"
case $out in *"problem: $sdb-wal"*"chmod 660 $sdb-wal"*) pass "with the command that fixes it" ;;
*) fail "doctor on blocked WAL: $out" ;; esac
chmod 660 "$sdb-wal" "$sdb-shm"
if as "$w1" "$writer" "$sdb" "$aid" fixed 1 >/dev/null 2>"$TMPD/w.err"; then
	pass "after the fix, writing works again"
else
	fail "still blocked: $(cat "$TMPD/w.err")"
fi
keys q q
finish
