#!/bin/bash
# An export killed by TERM, HUP or INT leaves no temporary file: 30
# exports of a large database (the demo with 8,000 more tasks, so writing
# takes a while) are each killed a few random milliseconds after their
# temporary file appears or after data starts flowing into it. After every
# kill no ".out.xlsx.*" remains, and out.xlsx is either absent or a
# complete workbook that openpyxl reads; where an earlier workbook stood,
# it still does. Most kills must land while the file is being written, or
# the test proves nothing. Exit 0 pass, 1 fail, 77 skip (no openpyxl for
# Debian's python3).

. "$MOAT_TESTS/readback_lib.sh" openpyxl python3-openpyxl

db="$dir/big.db"
out="$dir/out.xlsx"
init_demo en || exit 1
sqlite3 -batch "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
	FROM n WHERE i < 8000) INSERT INTO plan_task (programme_id, phase, title,
	owner, due_date, note) SELECT (SELECT id FROM programme), 1 + i % 3,
	'Task ' || i || ' of a programme long enough to take a while',
	'owner ' || i, '2026-12-01', 'note ' || i FROM n" ||
	{ fail "cannot add tasks with sqlite3"; exit 1; }

# temp_size: the size of the export's temporary file; false while there
# is none.
temp_size() {
	local f
	for f in "$dir"/.out.xlsx.*; do
		[ -e "$f" ] && stat -c %s "$f" 2>/dev/null && return 0
	done
	return 1
}

# start_export AT: starts the export in the background, its pid in $pid,
# and waits until its temporary file appears ("begin") or has data in it
# ("data": the workbook is being zipped into it), or the export is over.
# A background command of a shell without job control starts with SIGINT
# ignored: env gives it back its default.
start_export() {
	local size
	env --default-signal=INT "$MOAT_BIN" --db "$db" --lang en \
		--today "$today" export -o "$out" >/dev/null 2>"$dir/err" &
	pid=$!
	for ((w = 0; w < 4000; w++)); do
		kill -0 "$pid" 2>/dev/null || return
		if size=$(temp_size); then
			[ "$1" = begin ] || [ "$size" -gt 0 ] && return
		fi
		sleep 0.002
	done
}

# A finished workbook, to replace in some runs.
if "$MOAT_BIN" --db "$db" --lang en --today "$today" export -o "$dir/full.xlsx" \
	>/dev/null 2>&1; then
	pass "the large export finishes when not killed"
else
	fail "the large export failed"
fi

# Half the kills soon after the file is created (the sheets are being
# built), half once data flows into it; each after a random few ms. Every
# fourth run replaces an earlier workbook, which must then stay whole.
signals=(TERM HUP INT)
runs=30 mid_write=0 with_data=0 died=0 complete=0 left_any=0 kept=0
for ((i = 0; i < runs; i++)); do
	sig=${signals[i % 3]}
	rm -f "$out"
	((i % 4 == 3)) && cp "$dir/full.xlsx" "$out"
	if ((i % 2)); then
		start_export data
		ms=$((RANDOM % 20))
	else
		start_export begin
		ms=$((RANDOM % 50))
	fi
	sleep "0.$(printf '%03d' "$ms")"
	size=$(temp_size) && writing=1 || writing=0
	kill -s "$sig" "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rc=$?
	if [ "$rc" -eq $((128 + $(kill -l "$sig"))) ]; then
		died=$((died + 1))
		mid_write=$((mid_write + writing))
		[ "$writing" = 1 ] && [ "$size" -gt 0 ] && with_data=$((with_data + 1))
	elif [ "$rc" -ne 0 ]; then
		fail "run $i: export exited $rc after $sig: $(head -c 300 "$dir/err")"
	fi
	left=$(find "$dir" -maxdepth 1 -name '.out.xlsx.*' -print)
	if [ -n "$left" ]; then
		left_any=$((left_any + 1))
		fail "run $i ($sig, exit $rc): temporary file left: $(ls -la $left)"
		rm -f $left
	fi
	if ((i % 4 == 3)) && cmp -s "$out" "$dir/full.xlsx"; then
		kept=$((kept + 1))
	elif ((i % 4 == 3)) && [ ! -e "$out" ]; then
		fail "run $i ($sig): the workbook it was replacing is gone"
	fi
	if [ -e "$out" ]; then
		complete=$((complete + 1))
		mv "$out" "$dir/complete-$i.xlsx"
	fi
done
echo "$runs exports: $died died of their signal, $mid_write while writing ($with_data with data in the file); $complete workbook(s) there after the kill, $kept of them the earlier one kept"
[ "$left_any" -eq 0 ] && pass "no temporary file left after any of $runs kills" ||
	fail "$left_any of $runs kills left a temporary file"
[ "$mid_write" -ge $((runs / 2)) ] && pass "$mid_write kills landed while the workbook was written" ||
	fail "only $mid_write of $runs kills landed while writing: the test proves too little"
[ "$with_data" -ge 3 ] && pass "$with_data kills landed while the workbook was zipped into the file" ||
	fail "only $with_data kills landed while data was written"

# A target that is there is whole: the earlier one kept or a new one.
if [ "$complete" -gt 0 ]; then
	if "$py" - "$dir"/complete-*.xlsx <<'PY'
import sys
import openpyxl
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path, read_only=True)
    assert "Checklist" in wb.sheetnames and "Plan" in wb.sheetnames, path
PY
	then
		pass "the $complete workbook(s) there after a kill read complete"
	else
		fail "a workbook written before the kill does not read"
	fi
fi

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed"
	exit 1
fi
echo "all checks passed"
exit 0
