#!/bin/bash
# Questionnaire files given through $MOAT_DATADIR that are not what moat
# expects: each is refused with the file and line (or the file and why),
# and nothing from such a file reaches the terminal raw.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"

shipped=${MOAT_DATADIR:-questionnaires}
db=$TMPD/q.db
"$MOAT_BIN" --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null ||
	fail "init --demo"

# copy NAME: $TMPD/NAME/en with copies of the shipped English files.
copy() {
	mkdir -p "$TMPD/$1/en"
	cp "$shipped"/en/*.yaml "$TMPD/$1/en/"
}
# score_with DIR: moat score with MOAT_DATADIR=DIR; sets rc and out (stdout
# and stderr together, also kept raw in $TMPD/out).
score_with() {
	MOAT_DATADIR=$1 "$MOAT_BIN" --db "$db" --lang en --today 2026-11-25 \
		score >"$TMPD/out" 2>&1
	rc=$?
	out=$(cat "$TMPD/out")
}
# no_escape WHAT: the last output holds no ESC byte.
no_escape() {
	if LC_ALL=C grep -q $'\e' "$TMPD/out"; then
		fail "$1: a raw ESC byte reached the output"
	else
		pass "$1: no raw ESC byte in the output"
	fi
}

# A window-title escape in the name of the level that score reports as
# blocking (it used to reach the terminal as is).
copy esc
sed -i 's/^    name: Defined$/    name: "\\e]0;owned\\a Defined"/' \
	"$TMPD/esc/en/maturity.yaml"
line=$(grep -n 'owned' "$TMPD/esc/en/maturity.yaml" | cut -d: -f1)
score_with "$TMPD/esc"
expect_eq "$rc" 1 "score refuses a level name holding an escape"
expect_eq "$out" "moat: $TMPD/esc/en/maturity.yaml:$line: 'name' contains a control character (U+001B)" \
	"and names the file and line"
no_escape "an escape in a level name"

# An escape in a key is quoted in the message, cleaned.
copy key
sed -i 's/^    title: Business impact analysis$/&\n    "c\\e[31mx": red/' \
	"$TMPD/key/en/checklist.yaml"
line=$(grep -n 'c\\e\[31mx' "$TMPD/key/en/checklist.yaml" | cut -d: -f1)
score_with "$TMPD/key"
expect_eq "$rc" 1 "score refuses an unknown key"
expect_eq "$out" "moat: $TMPD/key/en/checklist.yaml:$line: unknown key 'c[31mx'" \
	"and quotes it without the escape"
no_escape "an escape in a key"

# 100 000 nested lists (libyaml alone takes tens of seconds over them) are
# refused at the 33rd.
copy deep
{
	printf 'items: '
	head -c 100000 /dev/zero | tr '\0' '['
	head -c 100000 /dev/zero | tr '\0' ']'
	echo
} >"$TMPD/deep/en/checklist.yaml"
score_with "$TMPD/deep"
expect_eq "$rc" 1 "score refuses a file nested 100 000 levels deep"
expect_eq "$out" "moat: $TMPD/deep/en/checklist.yaml:1: nested more than 32 levels deep" \
	"with the depth limit"

# A file that is a symlink to itself, or a directory.
copy loop
ln -sf maturity.yaml "$TMPD/loop/en/maturity.yaml"
score_with "$TMPD/loop"
expect_eq "$rc" 1 "score refuses a file that is a symlink loop"
expect_eq "$out" "moat: $TMPD/loop/en/maturity.yaml: Too many levels of symbolic links" \
	"and names it"
copy dir
rm "$TMPD/dir/en/plan.yaml"
mkdir "$TMPD/dir/en/plan.yaml"
score_with "$TMPD/dir"
expect_eq "$out" "moat: $TMPD/dir/en/plan.yaml: Is a directory" \
	"a directory in place of a file is named"

# A set $MOAT_DATADIR is used or refused, never passed over for the
# installed files, even when a build's questionnaires are beside moat.
mkdir -p "$TMPD/none"
score_with "$TMPD/none"
expect_eq "$rc" 1 "score refuses a \$MOAT_DATADIR without the language's folder"
expect_eq "$out" "moat: $TMPD/none/en (from \$MOAT_DATADIR): No such file or directory" \
	"and says which folder is missing"
mkdir -p "$TMPD/selfloop"
ln -s en "$TMPD/selfloop/en"
score_with "$TMPD/selfloop"
expect_eq "$out" "moat: $TMPD/selfloop/en (from \$MOAT_DATADIR): Too many levels of symbolic links" \
	"a folder that is a symlink loop is named"
copy partial
rm "$TMPD/partial/en/checklist.yaml"
score_with "$TMPD/partial"
expect_eq "$out" "moat: $TMPD/partial/en/checklist.yaml: No such file or directory" \
	"a missing file is named, not replaced by the installed one"
# Permissions do not stop root, so this case runs as other users (CI does).
if [ "$(id -u)" -ne 0 ]; then
	copy locked
	chmod 0 "$TMPD/locked/en/plan.yaml"
	score_with "$TMPD/locked"
	expect_eq "$out" "moat: $TMPD/locked/en/plan.yaml: Permission denied" \
		"an unreadable file is named"
fi

finish
