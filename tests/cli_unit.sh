#!/bin/bash
# moat unit and --unit: units created, renamed, given a region, archived
# and brought back from a shell, with the refusals and their exit
# statuses; --unit selecting the unit of every command (an unknown one
# refused with the names of the known ones); and, as two real Unix users
# (needs root to make them; that part is skipped otherwise), the unit
# each opens on remembered for each of them.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"

db=$TMPD/units.db
demo_db "$db"
cli() { moat_cli --db "$db" --lang en --today 2026-11-25 "$@"; }
demo="East China After-Sales Service Centre"

out=$(cli unit add "  North Depot " --region " North" 2>&1)
expect_eq "$?:$out" "0:Added North Depot, with its first assessment year 2026." \
	"unit add trims the name and opens the year of --today"
out=$(cli unit add "South Depot" 2>&1)
expect_eq "$?" 0 "a second unit"
out=$(cli unit add "North Depot" 2>&1)
expect_eq "$?:$out" "1:moat: A unit named North Depot already exists." \
	"a taken name exits 1 and says so"
out=$(cli unit add "   " 2>&1)
expect_eq "$?:$out" "1:moat: A unit needs a name." "an empty name exits 1"
out=$(cli unit add "$(printf 'x%.0s' $(seq 201))" 2>&1)
expect_eq "$?:$out" "1:moat: Organisation unit name: at most 200 characters" \
	"a name over 200 characters exits 1"
expect_eq "$(cli unit list)" "Unit                                   Region  Latest year  Level          State
East China After-Sales Service Centre          2026         L2 Repeatable  in use
North Depot                            North   2026         L1 Initial     in use
South Depot                                    2026         L1 Initial     in use" \
	"unit list: name, region, latest year, its level and state"

out=$(cli --unit "north depot" score 2>&1)
expect_eq "$?:$out" "1:moat: unknown unit north depot; the units are: $demo, North Depot, South Depot" \
	"an unknown --unit exits 1 naming the units (names are exact)"
expect_eq "$(cli --unit "North Depot" score | head -1)" \
	"North Depot · 2026 · Level 1 Initial · risk very high" \
	"--unit selects the unit of score"
expect_eq "$(cli score | head -1)" "$demo · 2026 · Level 2 Repeatable · risk high" \
	"without --unit, the file's default (the demo's unit)"
for cmd in "due" "roi" "bia" "verify list" "drill list" "card" \
	"audit verify" "unit list" "doctor"; do
	# shellcheck disable=SC2086
	cli --unit "South Depot" $cmd >/dev/null 2>"$TMPD/err"
	expect_eq "$?" 0 "--unit is accepted by $cmd"
	# shellcheck disable=SC2086
	cli --unit "Nowhere" $cmd >/dev/null 2>&1
	rc=$?
	[ "$cmd" = doctor ] && rc=1
	expect_eq "$rc" 1 "an unknown --unit exits 1 with $cmd"
done
# The new unit has no plan and no incident: what it lacks is said of it.
out=$(cli --unit "South Depot" form 2>&1)
expect_eq "$?:$out" "1:moat: No contingency plan yet: write one in moat (E, then p)." \
	"form of the new unit: none of its own"
out=$(cli --unit "South Depot" incident show 2>&1)
expect_eq "$?:$out" "1:moat: There is no open incident: give --id." \
	"incident show of the new unit: none open"
expect_eq "$(cli form | head -1 | cut -c1-5)" "$(cli --unit "$demo" form | head -1 | cut -c1-5)" \
	"the demo's unit does have plans"
expect_eq "$(cli --unit "South Depot" roi | head -1)" "South Depot · 10k CNY" \
	"roi reports the unit --unit names"
out=$(cli --unit "South Depot" export -o "$TMPD/south.xlsx" 2>&1)
expect_eq "$?" 0 "export takes --unit"

out=$(cli unit rename "South Depot" "North Depot" 2>&1)
expect_eq "$?:$out" "1:moat: A unit named North Depot already exists." \
	"a rename to a taken name exits 1"
out=$(cli unit rename "South Depot" "Guangzhou Centre" 2>&1)
expect_eq "$?:$out" "0:Renamed South Depot to Guangzhou Centre." "unit rename"
out=$(cli unit rename "South Depot" "X" 2>&1)
expect_eq "$?:$out" "1:moat: unknown unit South Depot; the units are: $demo, Guangzhou Centre, North Depot" \
	"the old name is unknown now"
out=$(cli unit region "Guangzhou Centre" "South China" 2>&1)
expect_eq "$?:$out" "0:Guangzhou Centre is in the region South China." "unit region"
out=$(moat_cli --db "$db" --lang zh unit region "North Depot" "" 2>&1)
expect_eq "$?:$out" "0:“North Depot”已不属于任何区域。" "an empty region clears it (zh)"
out=$(cli unit archive "North Depot" 2>&1)
expect_eq "$?:$out" "0:Archived North Depot: hidden from the unit list, its data kept." \
	"unit archive"
out=$(cli unit archive "North Depot" 2>&1)
expect_eq "$?:$out" "1:moat: North Depot is archived already." "archiving twice exits 1"
expect_eq "$(cli unit list --csv | tr -d '\r')" "name,region,latest_year,level,archived
$demo,,2026,2,0
Guangzhou Centre,South China,2026,1,0
North Depot,,2026,1,1" "unit list --csv shows the archived unit, marked"
expect_eq "$(cli --unit "North Depot" score | head -1)" \
	"North Depot · 2026 · Level 1 Initial · risk very high" \
	"an archived unit's data stays readable"
out=$(cli unit unarchive "North Depot" 2>&1)
expect_eq "$?:$out" "0:North Depot is back in the unit list." "unit unarchive"
expect_sql "$db" "SELECT group_concat(field || '=' || coalesce(old_value, '') || '>' || new_value, ' ')
	FROM (SELECT field, old_value, new_value FROM audit_log WHERE entity = 'unit'
	AND key <> '$demo' ORDER BY id)" \
	"created=>North Depot region=>North created=>South Depot name=South Depot>Guangzhou Centre region=>South China region=North> archived=0>1 archived=1>0" \
	"every change is audited under its unit"

for args in "unit" "unit move X" "unit rename X" "unit region X" "unit add" \
	"unit add A B" "score --region X" "--unit"; do
	# shellcheck disable=SC2086
	cli $args >/dev/null 2>&1
	expect_eq "$?" 2 "usage error: moat $args"
done

out=$(cli unit use "Guangzhou Centre" 2>&1)
expect_eq "$?:$out" "0:From now on you open on Guangzhou Centre, year 2026." "unit use"
expect_eq "$(cli score | head -1 | cut -d' ' -f1,2)" "Guangzhou Centre" \
	"this user's commands follow the remembered unit"
expect_eq "$(cli --unit "North Depot" score | head -1 | cut -d' ' -f1,2)" "North Depot" \
	"--unit still wins over it"

if [ "$(id -u)" -ne 0 ]; then
	echo "not root: cannot create the two users of the last part; skipped"
	finish
fi
tag="mu$$"
u1="${tag}a" u2="${tag}b"
remove_users() {
	for u in "$u1" "$u2"; do userdel "$u" 2>/dev/null; done
	cleanup
}
trap remove_users EXIT
for u in "$u1" "$u2"; do useradd -M -N -g users "$u" || exit 1; done
# Everything the users run must be theirs to read and write: the program,
# its questionnaires and the database in a folder of their own.
chmod 755 "$TMPD"
mkdir -p "$TMPD/bin" "$TMPD/shared"
cp "$MOAT_BIN" "$TMPD/bin/"
cp -r "${MOAT_DATADIR:?}" "$TMPD/q"
chmod -R a+rX "$TMPD/bin" "$TMPD/q"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$db" "$TMPD/shared/units.db"
chmod 777 "$TMPD/shared"
chmod 666 "$TMPD/shared/units.db"
shared=$TMPD/shared/units.db
as() { # as USER ARGS...: moat as USER on the shared file
	local u=$1
	shift
	runuser -u "$u" -- env HOME=/ MOAT_DATADIR="$TMPD/q" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" LSAN_OPTIONS="${LSAN_OPTIONS:-}" \
		sh -c 'umask 000; exec "$@"' sh "$TMPD/bin/moat" --db "$shared" \
		--lang en --today 2026-11-25 "$@"
}
expect_eq "$(as "$u1" unit use "North Depot" 2>&1)" \
	"From now on you open on North Depot, year 2026." "the first user chooses North Depot"
expect_eq "$(as "$u2" score 2>&1 | head -1 | cut -d" " -f1-5)" "$demo" \
	"the second user still opens on the file's default"
expect_eq "$(as "$u2" unit use "Guangzhou Centre" 2>&1)" \
	"From now on you open on Guangzhou Centre, year 2026." "the second user chooses Guangzhou Centre"
expect_eq "$(as "$u1" score 2>&1 | head -1 | cut -d' ' -f1,2)" "North Depot" \
	"the first user's commands are about North Depot"
expect_eq "$(as "$u2" score 2>&1 | head -1 | cut -d' ' -f1,2)" "Guangzhou Centre" \
	"the second user's about Guangzhou Centre"
expect_eq "$(sql "$shared" "SELECT group_concat(c.user_name || '=' || u.name, ',') FROM
	(SELECT * FROM user_current WHERE user_name IN ('$u1', '$u2') ORDER BY user_name) c
	JOIN assessment a ON a.id = c.assessment_id JOIN org_unit u ON u.id = a.unit_id")" \
	"$u1=North Depot,$u2=Guangzhou Centre" "each choice is stored under its Unix user"
finish
