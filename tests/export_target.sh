#!/bin/bash
# What an export may replace: a file it replaces keeps its permission bits
# (a new one gets 0666 less the umask), for the workbook and the calendar
# alike; a symbolic link is refused with exit status 1 and a message that
# says it is a link, where it leads and to give the real path, and both
# the link and the file it names stay as they were; so is a dangling link,
# and a directory. A link among the directories leading to the file is
# fine.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"

db=$TMPD/moat.db
moat_cli --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null ||
	{ echo "init --demo failed"; exit 1; }
cd "$TMPD" || exit 1
real_tmpd=$(realpath "$TMPD")

# export_to UMASK ARGS...: exports with that umask; the status in $rc,
# stderr in $said.
export_to() {
	local mask=$1
	shift
	said=$( (umask "$mask" && moat_cli --db "$db" --lang en --today 2026-11-25 \
		export "$@") 2>&1 >/dev/null)
	rc=$?
}
mode() { stat -c %a "$1"; }
is_zip() { [ "$(head -c 2 "$1")" = PK ]; }
leftovers() { find "$TMPD" -maxdepth 2 -name '.*.xlsx.*' -o -maxdepth 2 -name '.*.ics.*'; }

# New files: the umask decides.
export_to 022 -o new.xlsx
expect_eq "$rc $(mode new.xlsx)" "0 644" "a new workbook gets 0666 less umask 022"
export_to 077 -o private.xlsx --ics private.ics
expect_eq "$rc $(mode private.xlsx) $(mode private.ics)" "0 600 600" \
	"a new workbook and calendar get 0666 less umask 077"

# Replaced files keep their bits, whatever the umask.
for bits in 640 600 664 444; do
	echo old >"kept-$bits.xlsx"
	echo old >"kept-$bits.ics"
	chmod "$bits" "kept-$bits.xlsx" "kept-$bits.ics"
	export_to 022 -o "kept-$bits.xlsx" --ics "kept-$bits.ics"
	expect_eq "$rc $(mode "kept-$bits.xlsx") $(mode "kept-$bits.ics")" "0 $bits $bits" \
		"replacing $bits files keeps $bits (umask 022)"
	is_zip "kept-$bits.xlsx" && pass "the $bits workbook was replaced" ||
		fail "the $bits workbook still holds the old text"
done
export_to 077 -o kept-664.xlsx
expect_eq "$rc $(mode kept-664.xlsx)" "0 664" "replacing a 664 file keeps 664 (umask 077)"

# A symbolic link to a workbook: refused, nothing changes.
cp new.xlsx real.xlsx
cp real.xlsx real.copy
ln -s real.xlsx link.xlsx
export_to 022 -o link.xlsx
expect_eq "$rc" 1 "exporting to a symbolic link exits 1"
case $said in
*"link.xlsx is a symbolic link (to $real_tmpd/real.xlsx)"*"give the real path instead"*)
	pass "the message says it is a link, where it leads, to give the real path" ;;
*) fail "the message for a link: $said" ;;
esac
[ -L link.xlsx ] && [ "$(readlink link.xlsx)" = real.xlsx ] &&
	pass "the link is still a link to real.xlsx" || fail "the link was replaced"
cmp -s real.xlsx real.copy && pass "the file the link names is unchanged" ||
	fail "the file behind the link changed"
export_to 022 -o real.xlsx
expect_eq "$rc" 0 "the real path the message gives is accepted"

# The calendar, in Chinese, and a dangling link.
ln -s missing.ics dangling.ics
said=$(moat_cli --db "$db" --lang zh --today 2026-11-25 export --ics dangling.ics 2>&1)
rc=$?
expect_eq "$rc" 1 "a dangling link is refused too"
case $said in
*"dangling.ics 是符号链接（指向 missing.ics）；"*"请改为给出实际路径"*)
	pass "in Chinese, naming the link's target" ;;
*) fail "the Chinese message for a dangling link: $said" ;;
esac
[ ! -e missing.ics ] && [ -L dangling.ics ] &&
	pass "nothing is created where the dangling link leads" ||
	fail "the dangling link was followed or replaced"

# A directory is not a file.
mkdir dir.xlsx
export_to 022 -o dir.xlsx
expect_eq "$rc" 1 "exporting to a directory exits 1"
case $said in
*"dir.xlsx exists and is not a regular file"*) pass "it says the path is not a regular file" ;;
*) fail "the message for a directory: $said" ;;
esac

# Links among the directories are followed as usual.
mkdir sub
ln -s sub via
export_to 022 -o via/out.xlsx
expect_eq "$rc" 0 "a link among the directories is fine"
is_zip sub/out.xlsx && pass "the workbook lands in the linked directory" ||
	fail "sub/out.xlsx was not written"

expect_eq "$(leftovers)" "" "no temporary file is left anywhere"
finish
