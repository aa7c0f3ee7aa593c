#!/bin/bash
# Stored text is kept exactly: evidence written with sqlite3 holding what
# the form cannot show or type (a bidi override, ESC, C1, tab, CR, spaces
# at the ends, a newline in a one-line field) beside joiners in an emoji
# and a Persian word is opened in the evidence form and saved with Ctrl-S
# untouched: every stored byte stays as it was (compared with hex()) and
# the audit log records nothing. Changing one field stores that field
# alone. Joiners typed in the form are stored.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/moat.db
moat_cli --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null ||
	{ echo "init --demo failed"; exit 1; }

# Body: two spaces, man ZWJ woman ZWJ girl, a space, a Persian word with a
# ZWNJ, RLO (U+202E), ESC "[31m", NEL (U+0085), a tab, CR LF, a soft hyphen,
# a trailing space and newline.
body="X'2020F09F91A8E2808DF09F91A9E2808DF09F91A720D985DB8CE2808CD8AED988D8A7D987D985E280AE1B5B33316DC2857461620968657265200D0A6C696E6532C2AD200A'"
# Reference with a zero-width space and a trailing space; owner with a BOM
# and a newline; reviewer between a space and a tab.
ref="X'524546E2808B2D3720'"
owner="X'EFBBBF6C690A776569'"
reviewer="X'207A68616F09'"
sql "$db" "INSERT INTO evidence (assessment_id, target, body, reference, owner,
	evidence_date, valid_months, reviewer, review_date, entered_by, entered_at)
	VALUES ($CUR, 'contingency', CAST($body AS TEXT), CAST($ref AS TEXT),
	CAST($owner AS TEXT), '2026-11-20', 12, CAST($reviewer AS TEXT), '',
	'someone', '2026-11-20T08:00:00Z')"
row() {
	sql "$db" "SELECT hex(body) || '|' || hex(reference) || '|' || hex(owner) ||
		'|' || evidence_date || '|' || valid_months || '|' || hex(reviewer) ||
		'|' || hex(review_date) FROM evidence WHERE target = 'contingency'"
}
audits() {
	sql "$db" "SELECT count(*) FROM audit_log WHERE entity = 'evidence' AND key = 'contingency'"
}
stored=$(row)
expect_eq "$stored" \
	"${body:2:-1}|${ref:2:-1}|${owner:2:-1}|2026-11-20|12|${reviewer:2:-1}|" \
	"sqlite3 stored the bytes as given"
audits_before=$(audits)

start "$db" --lang en --today 2026-11-25
expect_screen "Level 2 Repeatable" "home shows"
keys c
expect_screen "Business contingency plans" "c opens the checklist"
keys Down Down Down Down Down Down Enter
expect_screen "Checklist 7 of 10" "Enter opens item 7"
expect_screen "Evidence (1)" "the item lists the inserted evidence"
keys Enter
expect_screen "Edit evidence" "Enter opens the evidence in the form"
keys C-s
expect_screen "Checklist 7 of 10" "Ctrl-S saves and returns to the item"
expect_eq "$(row)" "$stored" "saved unchanged: every field byte-identical"
expect_eq "$(audits)" "$audits_before" "saved unchanged: nothing in the audit log"

# Change the reference alone: End, then a letter.
keys Enter
expect_screen "Edit evidence" "the form opens again"
keys Tab End
type_text "Z"
keys C-s
expect_screen "Checklist 7 of 10" "the changed evidence is saved"
expect_sql "$db" "SELECT hex(reference) FROM evidence WHERE target = 'contingency'" \
	"524546E2808B2D37205A" "the changed reference is stored as typed"
expect_eq "$(row | cut -d'|' -f1,3-)" "$(echo "$stored" | cut -d'|' -f1,3-)" \
	"the fields left alone are byte-identical"
expect_eq "$(audits)" "$((audits_before + 1))" "one audit line, for the reference"

# Joiners typed in the form: man ZWJ laptop, and a Persian word with a ZWNJ.
keys e
expect_screen "Add evidence" "e opens a new form"
type_text "👨‍💻 می‌خواهم"
keys C-s
expect_screen "Evidence (2)" "the typed evidence is saved"
expect_sql "$db" "SELECT hex(body) FROM evidence WHERE target = 'contingency' AND id = (SELECT max(id) FROM evidence)" \
	"F09F91A8E2808DF09F92BB20D985DB8CE2808CD8AED988D8A7D987D985" \
	"typed joiners are stored"

keys q q q
expect_exit_ok
finish
