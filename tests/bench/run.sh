#!/bin/bash
# The benchmark: a generated group database, then
#  - instructions (callgrind, repeatable) for the interface's first frame,
#    each screen opening, a writing key, deleting evidence and the audit
#    filter, each step counted alone (callgrind_control zeroes and dumps
#    the running program between steps);
#  - the export's time and peak memory beside a Python XlsxWriter script
#    and a raw libxlsxwriter program writing the same cells, in one run;
# printed as a table with the goals beside it. It asserts nothing.
#
#   run.sh BUILD_DIR UNITS YEARS EVIDENCE AUDIT HISTORY
set -u
build=${1:?build directory}
shift
units=$1 years=$2 evidence=$3 audit=$4 history=$5
moat=$build/moat
here=$(cd "$(dirname "$0")" && pwd)
py=${DEB_PYTHON3:-/usr/bin/python3}
work=${BENCH_DIR:-$build/bench-work}
mkdir -p "$work"
db=$work/group-$units-$years-$evidence-$audit-$history.db

for need in valgrind callgrind_control tmux; do
	command -v "$need" >/dev/null || { echo "bench: $need is missing"; exit 1; }
done

if [ ! -f "$db" ]; then
	echo "Generating $db ..."
	"$build/tests/bench/gen" "$db" "$units" "$years" "$evidence" "$audit" "$history" ||
		exit 1
else
	echo "Using $db"
fi
# Steps write: measure on a copy, so each run starts alike.
cp "$db" "$work/run.db"
rm -f "$work"/run.db-wal "$work"/run.db-shm

sock="moat-bench-$$"
out="$work/cg.out"
rm -f "$out" "$out".*
cleanup() { tmux -L "$sock" kill-server 2>/dev/null; }
trap cleanup EXIT
# valgrind runs moat in its own process: the pane's shell execs it, so
# the pid written first is the one callgrind_control talks to.
tmux -L "$sock" new-session -d -x 80 -y 24 \
	"echo \$\$ >'$work/pid'; exec env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
	 MOAT_DATADIR='${MOAT_DATADIR:-}' valgrind --tool=callgrind \
	 --callgrind-out-file='$out' '$moat' --db '$work/run.db' \
	 --lang en --today 2026-11-25 2>'$work/valgrind.err'"

screen() { tmux -L "$sock" capture-pane -p; }
# settle TEXT: until the screen shows TEXT and has stopped changing.
settle() {
	local i last="" now
	for i in $(seq 600); do
		now=$(screen)
		if printf '%s' "$now" | grep -qF -- "$1" && [ "$now" = "$last" ]; then
			return 0
		fi
		last=$now
		sleep 0.2
	done
	echo "bench: the screen never showed '$1'" >&2
	screen >&2
	return 1
}
# quiet: until the screen has not changed for two seconds (keys typed
# into a prompt are drawn one by one; the text may show before the last).
quiet() {
	local i same=0 last="" now
	for i in $(seq 600); do
		now=$(screen)
		if [ "$now" = "$last" ]; then
			same=$((same + 1))
			[ "$same" -ge 10 ] && return 0
		else
			same=0
		fi
		last=$now
		sleep 0.2
	done
	echo "bench: the screen never stopped changing" >&2
	return 1
}
pid() { cat "$work/pid"; }
declare -A got
dumps=0
# count NAME: the instructions since the last zero, from a fresh dump,
# into got[NAME] (not in a subshell: the dump number is counted here).
count() {
	callgrind_control -d "$(pid)" >/dev/null 2>&1
	dumps=$((dumps + 1))
	for _ in $(seq 100); do
		[ -s "$out.$dumps" ] && break
		sleep 0.1
	done
	got[$1]=$(awk '/^(summary|totals):/ { print $2; exit }' "$out.$dumps")
}
zero() { callgrind_control -z "$(pid)" >/dev/null 2>&1; }
step() { # step NAME TEXT KEYS...: the instructions KEYS take to show TEXT
	local name=$1 text=$2
	shift 2
	zero
	tmux -L "$sock" send-keys "$@"
	settle "$text" || exit 1
	count "$name"
}

settle "Maturity" || exit 1
count first
step checklist "Business contingency plans" c
step space "saved" Space
step item "Checklist 1 of 10" Enter
step delete_ask "Delete this evidence?" d
step delete "Evidence (" y
tmux -L "$sock" send-keys q q
settle "moat · Home" >/dev/null || exit 1
# Each screen from home, known by its title.
for s in "maturity m Maturity" "years y Years" "plan p Programme" \
	 "agenda d Agenda" "duties D Duties" "roi r ROI" "invest i Investment"; do
	set -- $s
	step "$1" "moat · $3" "$2"
	tmux -L "$sock" send-keys q
	settle "moat · Home" >/dev/null || exit 1
done
step audit "newest first" a
step audit_user_ask "Show changes by user" u
tmux -L "$sock" send-keys C-u
for _ in $(seq 40); do tmux -L "$sock" send-keys BSpace; done
tmux -L "$sock" send-keys -l zhao
# The typing is drawn before the count starts: the step is the filter.
settle "zhao" >/dev/null && quiet || exit 1
step audit_user "filter:" Enter
tmux -L "$sock" send-keys q q
sleep 1
cleanup

# The export side by side.
xlsx=$work/moat.xlsx
measure() { "$py" "$here/measure.py" "$@"; }
moat_export=$(measure 3 "$moat" --db "$work/run.db" --lang en --today 2026-11-25 export -o "$xlsx")
"$py" "$here/cells.py" "$xlsx" "$work/cells.tsv" >"$work/cells.count" || exit 1
py_export=$(measure 3 "$py" "$here/xlsxwriter_export.py" "$work/cells.tsv" "$work/py.xlsx")
raw_export=$(measure 3 "$build/tests/bench/raw_export" "$work/cells.tsv" "$work/raw.xlsx")
read -r moat_s moat_kb <<<"$moat_export"
read -r py_s py_kb <<<"$py_export"
read -r raw_s raw_kb <<<"$raw_export"

m() { awk -v n="${1:-0}" 'BEGIN { printf "%.1f M", n / 1e6 }'; }
row() { printf '| %-34s | %12s | %-14s |\n' "$1" "$2" "$3"; }
echo
echo "Database: $units units x $years years, $evidence evidence a year, $audit audit rows, $history years of duty history"
row "step" "measured" "goal"
row "---" "---:" "---"
row "start to first frame" "$(m "${got[first]}")" "<= 20 M"
row "open the checklist" "$(m "${got[checklist]}")" "<= 10 M"
row "checklist Space (write)" "$(m "${got[space]}")" "<= 5 M"
row "open an item" "$(m "${got[item]}")" "<= 10 M"
row "delete one piece of evidence" "$(m "${got[delete]}")" "<= 5 M"
for s in maturity years plan agenda duties roi invest audit; do
	row "open $s" "$(m "${got[$s]}")" "<= 10 M"
done
row "audit filter by user" "$(m "${got[audit_user]}")" "<= 5 M"
row "export: moat (s, peak RSS)" "$moat_s s, $((moat_kb / 1024)) MB" "<= 16 MB"
row "export: Python XlsxWriter (s)" "$py_s s" ""
row "export: raw libxlsxwriter (s)" "$raw_s s" ""
row "moat / Python XlsxWriter" "$(awk -v a="$moat_s" -v b="$py_s" 'BEGIN { printf "%.2fx", a / b }')" "<= 0.1x"
row "moat / raw libxlsxwriter" "$(awk -v a="$moat_s" -v b="$raw_s" 'BEGIN { printf "%.2fx", a / b }')" "<= 1.3x"
echo "($(cat "$work/cells.count") cells in the workbook)"
