#!/bin/bash
# The group pack (`moat export --group`) of the demo's unit and units
# added beside it (one named like the group sheet but for case, one with
# characters a sheet name refuses, one whose cut name meets the demo's,
# one without a year), in both languages, for every unit and for one
# region sorted by level: read back by openpyxl against `moat group
# --csv` with the same options, then printed and recalculated by
# LibreOffice. The usage errors, and a failed export leaving nothing.
# Exit 0 pass, 1 fail, 77 skip.

. "$MOAT_TESTS/readback_lib.sh" openpyxl python3-openpyxl
. "$MOAT_TESTS/lo_lib.sh"
group="$py $MOAT_TESTS/export_group.py"
render="$py $MOAT_TESTS/export_render.py"

for lang in en zh; do
	db="$dir/$lang.db"
	m() { "$MOAT_BIN" --db "$db" --lang "$lang" --today "$today" "$@"; }
	echo "== $lang"
	init_demo "$lang" || continue
	m unit add "North 1" --region North >/dev/null &&
		m unit add "group" --region North >/dev/null &&
		m unit add "a/b:c [x]?" >/dev/null &&
		m unit add "East China After-Sales Service Centre 2" \
			--region North >/dev/null &&
		m unit add "华东售后服务中心（上海）" >/dev/null ||
		fail "$lang: units added"
	"$py" -c "import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute('''INSERT INTO org_unit (name, region, created_by, created_at)
	VALUES ('No year yet', 'North', 'carol', '2026-01-01T00:00:00Z')''')
c.commit()" "$db" || fail "$lang: a unit without a year"

	for scope in "" North; do
		opts=()
		[ -n "$scope" ] && opts=(--region "$scope" --sort -level)
		book="$dir/$lang-group${scope:+-$scope}.xlsx"
		if ! m group --csv "${opts[@]}" >"$dir/group.csv" 2>"$dir/err" ||
			! m export --group -o "$book" "${opts[@]}" >"$dir/out" 2>>"$dir/err"; then
			fail "$lang ${scope:-all}: export --group"
			cat "$dir/err"
			continue
		fi
		if said=$($group check "$book" "$dir/group.csv" "$lang" "$scope"); then
			pass "$lang ${scope:-all}: $said"
		else
			fail "$lang ${scope:-all}: the pack against moat group --csv"
		fi
	done

	book="$dir/$lang-group.xlsx"
	mkdir -p "$dir/pdf" "$dir/recalc"
	if lo_convert pdf "$book" "$dir/pdf" &&
		said=$($group pages "$dir/pdf/$lang-group.pdf" "$book"); then
		pass "$lang: printed: $said"
	else
		fail "$lang: PDF pages"
		cat "$dir/soffice.out"
	fi
	if lo_convert xlsx "$book" "$dir/recalc" &&
		said=$($render recalc "$book" "$dir/recalc/$lang-group.xlsx"); then
		pass "$lang: $said"
	else
		fail "$lang: recalculated formulas"
	fi
done

# Usage: --group needs export and -o, refuses --ics; --region and --sort
# go with it.
db="$dir/en.db"
usage() { # usage WHAT ARGS...: exits 2 with a message
	local what=$1 rc
	shift
	"$MOAT_BIN" --db "$db" --today "$today" "$@" >"$dir/out" 2>"$dir/err"
	rc=$?
	if [ "$rc" = 2 ] && [ -s "$dir/err" ]; then
		pass "usage: $what"
	else
		fail "usage: $what exited $rc: $(cat "$dir/err")"
	fi
}
usage "--group without -o" export --group
usage "--group with --ics" export --group -o "$dir/x.xlsx" --ics "$dir/x.ics"
usage "--group on score" score --group
usage "--region on export without --group" export -o "$dir/x.xlsx" --region North
usage "--sort on export without --group" export -o "$dir/x.xlsx" --sort level
[ ! -e "$dir/x.xlsx" ] && [ ! -e "$dir/x.ics" ] ||
	fail "usage errors wrote a file"

# A folder that is not there: the export fails and leaves nothing.
if "$MOAT_BIN" --db "$db" --today "$today" export --group \
	-o "$dir/missing/g.xlsx" >"$dir/out" 2>"$dir/err"; then
	fail "export into a missing folder succeeded"
elif [ -n "$(ls -A "$dir/missing" 2>/dev/null)" ] || [ ! -s "$dir/err" ]; then
	fail "a failed export left files or said nothing"
else
	pass "a failed export says why: $(head -n 1 "$dir/err")"
fi

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed"
	exit 1
fi
echo "all checks passed"
exit 0
