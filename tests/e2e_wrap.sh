#!/bin/bash
# Questionnaire texts wrap into the room there is, whole, in English and
# Chinese, at 80x24, 70x20 and 132x40: never a line that starts with a
# closing mark or ends with an opening one, never a cut without "…".
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

: "${MOAT_DATADIR:?MOAT_DATADIR must point to the questionnaires}"
db=$TMPD/en.db
zdb=$TMPD/zh.db
demo_db "$db"
demo_db "$zdb" zh

# yaml_text FILE KEY FIELD: the text of FIELD of the item KEY, a plain
# scalar or a folded one (">-", its lines joined by spaces).
yaml_text() {
	awk -v key="$2" -v field="$3:" '
		fold && /^      / { sub(/^ +/, ""); out = out (out == "" ? "" : " ") $0; next }
		fold { print out; fold = 0; exit }
		$1 == "-" && $2 == "key:" { cur = $3; next }
		cur == key && $1 == field {
			if ($2 == ">-") { fold = 1; next }
			sub(/^ *[a-z_]+: /, ""); print; exit
		}
		END { if (fold) print out }' "$1"
}

# block FIRST INDENT: from the screen on stdin, the text after FIRST on the
# line that starts with it and on the lines after it that start with
# INDENT and then text, one line each.
block() {
	awk -v first="$1" -v indent="$2" '
		found && index($0, indent) == 1 && substr($0, length(indent) + 1, 1) != " " {
			print substr($0, length(indent) + 1); next
		}
		found { exit }
		index($0, first) == 1 { found = 1; print substr($0, length(first) + 1) }'
}

# breaks_ok WHAT: the lines on stdin neither start with a closing mark nor
# (but the last) end with an opening one.
breaks_ok() {
	local lines
	lines=$(cat)
	if printf '%s\n' "$lines" | tail -n +2 | grep -q '^[,.:;!?)，。：；！？）」』、]'; then
		fail "$1: a line starts with a closing mark"
		printf '%s\n' "$lines" | sed 's/^/     | /'
	elif printf '%s\n' "$lines" | head -n -1 | grep -q '[(（「『]$'; then
		fail "$1: a line ends with an opening mark"
		printf '%s\n' "$lines" | sed 's/^/     | /'
	else
		pass "$1: no line starts with a closing mark or ends with an opening one"
	fi
}

# walk LANG FILE WHY COUNTS INDENT: walks the ten items and checks that
# the "why" and "counts" texts are on screen whole (English joined by
# spaces; Chinese compared without spaces, which a break may take).
walk() {
	local lang=$1 file=$2 why=$3 counts=$4 indent=$5 i key screen got want field label
	keys w
	for i in $(seq 1 10); do
		if [ "$lang" = en ]; then
			wait_for "Checklist $i of 10" || fail "item $i did not open"
		else
			wait_for "检查项 $i/10" || fail "item $i did not open"
		fi
		screen=$(settled_screen)
		key=$(awk '$1 == "-" && $2 == "key:" { n++; if (n == '"$i"') print $3 }' "$file")
		for field in why counts; do
			label=$why
			[ "$field" = counts ] && label=$counts
			got=$(printf '%s\n' "$screen" | block "  $label" "$indent")
			want=$(yaml_text "$file" "$key" "$field")
			if [ "$lang" = en ]; then
				# A line may end after a hyphen, and then no space
				# stood there.
				got=$(printf '%s\n' "$got" | sed 's/-$/-\x01/' | paste -sd ' ' |
					sed 's/\x01 //g')
			else
				got=$(printf '%s' "$got" | tr -d ' \n')
				want=$(printf '%s' "$want" | tr -d ' ')
			fi
			expect_eq "$got" "$want" "$lang $COLS_ROWS item $i: $field shown whole"
			printf '%s\n' "$screen" | block "  $label" "$indent" |
				breaks_ok "$lang $COLS_ROWS item $i $field"
		done
		keys n
	done
	wait_for "moat · " >/dev/null
}

for size in "80 24" "70 20" "132 40"; do
	COLS_ROWS=${size/ /x}
	start "$db" --lang en --today 2026-11-25
	resize $size
	expect_screen "Level 2 Repeatable" "en $COLS_ROWS: home"
	walk en "$MOAT_DATADIR/en/checklist.yaml" "Why     " "Counts  " "          "
	keys q
	expect_exit_ok

	start "$zdb" --lang zh --today 2026-11-25
	resize $size
	expect_screen "第2级 可重复级" "zh $COLS_ROWS: home"
	walk zh "$MOAT_DATADIR/zh_CN/checklist.yaml" "为何重要  " "证据要求  " "            "
	keys q
	expect_exit_ok
done

# Exact lines: item 3 at 80x24 in English takes three rows for why and
# three for what counts, and the evidence list follows.
start "$db" --lang en --today 2026-11-25
keys w n n
expect_screen "Checklist 3 of 10" "item 3 opens"
expect_eq "$(settled_screen | sed -n '6,13p')" \
"  Why     One data centre can be lost to a flood: in 2021 a flooded Zhengzhou
          IDC wiped out an online-education firm's data; it closed 3 months
          later.
  Counts  A DR architecture description (same-city, remote or cloud) naming
          the systems covered, their DR level and the RTO/RPO achieved on
          failover.

  State   1 ( ) not started   2 (•) in progress   3 ( ) done" \
	"item 3 at 80x24: why and counts wrapped in full"
keys q

# The gap list of the maturity screen at 70x20 does not hold all three
# gaps: its last row ends with "…".
resize 70 20
keys m
expect_screen "To reach Level 3 Defined:" "the maturity screen at 70x20"
expect_eq "$(settled_screen | sed -n '14,18p')" \
"  To reach Level 3 Defined:
  • DR site in place: item 3 DR site / architecture is in progress,
    needs done
  • Backups restore-tested regularly: item 5 Restore tests run
    regularly is in progress, needs done…" \
	"a gap list cut short ends with …"
keys q

# The home screen at 70x20: no section drawn over by the menu.
expect_eq "$(settled_screen | sed -n '14,19p')" \
"  ROI          payback 1.09 years · 5-year net 1290 10k CNY · ROI 2…
  [c] Checklist   [w] Walk through   [m] Maturity   [y] Years
  [p] Programme   [d] Agenda   [D] Duties   [r] ROI   [i] Investment
  [b] BIA   [B] Backups   [e] Drills   [E] Emergency   [a] Audit log
  [v] Validity   [x] Export   [u] Units   [G] Group
──────────────────────────────────────────────────────────────────────" \
	"home at 70x20: the menu stands below the sections"

# The help of the item screen at 70x20 lists every key, in two columns.
keys w '?'
expect_screen "Keys · Checklist" "? on an item at 70x20"
expect_eq "$(settled_screen | sed -n '5,13p')" \
"  │ 1       set to not started      G End   go to the last         │
  │ 2       set to in progress      e       add evidence           │
  │ 3       set to done             Enter   edit evidence          │
  │ Space   cycle state             d       delete evidence        │
  │ n       next item               ?       help                   │
  │ p       previous item           q Esc   back                   │
  │ ↑ k     move up                 Ctrl-C  quit                   │
  │ ↓ j     move down               Ctrl-L  repaint the screen     │
  │ g Home  go to the first                                        │" \
	"every key of the item screen is listed"
keys Escape q q
expect_exit_ok

finish
