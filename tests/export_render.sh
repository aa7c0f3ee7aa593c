#!/bin/bash
# Renders the demo workbook through LibreOffice as the CFO and CEO would
# see it: printed to PDF, each sheet's pages counted (the executive
# summary on one page, nothing too narrow); recalculated, every formula
# equal to the value moat cached; and with the ROI sheet's horizon changed
# in the workbook, the recalculated results equal to moat's own export of
# that horizon. Exit 0 pass, 1 fail, 77 skip (no soffice, pdftotext or
# openpyxl).

. "$MOAT_TESTS/readback_lib.sh" openpyxl python3-openpyxl

. "$MOAT_TESTS/lo_lib.sh"
render="$py $MOAT_TESTS/export_render.py"

for lang in en zh; do
	db="$dir/$lang.db"
	book="$dir/$lang.xlsx"
	echo "== $lang"
	init_demo "$lang" || continue
	if ! "$MOAT_BIN" --db "$db" --lang "$lang" --today "$today" export \
		-o "$book" >"$dir/export.out" 2>&1; then
		fail "$lang: export"
		cat "$dir/export.out"
		continue
	fi
	forms=$("$py" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM contingency').fetchone()[0])" "$db")

	mkdir -p "$dir/pdf"
	if lo_convert pdf "$book" "$dir/pdf" &&
		said=$($render pages "$dir/pdf/$lang.pdf" "$book" "$forms"); then
		pass "$lang: printed: $said"
	else
		fail "$lang: PDF pages"
		cat "$dir/soffice.out"
	fi

	mkdir -p "$dir/recalc"
	if lo_convert xlsx "$book" "$dir/recalc" &&
		said=$($render recalc "$book" "$dir/recalc/$lang.xlsx"); then
		pass "$lang: $said"
	else
		fail "$lang: recalculated formulas"
	fi

	# The horizon changed in the workbook and in a copy of the database:
	# LibreOffice's results for the first equal moat's for the second.
	for n in 3 8; do
		edited="$dir/edit-$lang-$n.xlsx"
		mkdir -p "$dir/edited$n"
		if copy_db "$db" "$dir/h$n.db" "INSERT OR REPLACE INTO unit_param
			(unit_id, key, value) SELECT id, 'roi.horizon', '$n' FROM org_unit;" &&
			$render set-horizon "$book" "$edited" "$n" &&
			lo_convert xlsx "$edited" "$dir/edited$n" &&
			"$MOAT_BIN" --db "$dir/h$n.db" --lang "$lang" --today "$today" \
				export -o "$dir/h$n.xlsx" >"$dir/export.out" 2>&1 &&
			said=$($render roi "$dir/edited$n/$(basename "$edited")" \
				"$dir/h$n.xlsx") &&
			all=$($render recalc "$dir/h$n.xlsx" \
				"$dir/edited$n/$(basename "$edited")"); then
			pass "$lang: horizon $n: $said; every formula: $all"
		else
			fail "$lang: horizon $n changed in the workbook"
		fi
	done
done

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed"
	exit 1
fi
echo "all checks passed"
exit 0
