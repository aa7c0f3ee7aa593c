#!/bin/bash
# Years in a real terminal: the trend, comparing two years, starting the
# next year, finalising one and finding it read-only; the audit log and
# the evidence validity setting.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/years.db
me=$(id -un)
# The demo freezes last year at the moment of init, by the real clock; the
# screen shows that moment's day in local time.
before=$(date -u +%Y-%m-%dT%H:%M:%SZ)
moat_cli --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null ||
	{ echo "init --demo failed"; exit 1; }
after=$(date -u +%Y-%m-%dT%H:%M:%SZ)
frozen=$(sql "$db" "SELECT finalised_at FROM assessment WHERE year = 2025")
if [[ ! "$frozen" < "$before" && ! "$frozen" > "$after" ]]; then
	pass "the freeze is stamped with the clock ($frozen)"
else
	fail "freeze stamp $frozen is not between $before and $after"
fi
frozen_day=$(date -d "$frozen" +%Y-%m-%d)

start "$db" --lang en --today 2026-11-25
expect_screen "2025 L1 · 2026 L2" "home shows the level of each year"
expect_screen "1 expired · 1 expiring within 30 days" "home counts expired and expiring evidence"

# --- The years screen and the comparison.
keys y
expect_screen "2025   Level 1 Initial" "the years screen lists last year"
expect_screen "final · $frozen_day · ${me:0:4}" "finalised, with the local day and who"
expect_screen "2026   Level 2 Repeatable" "and this year"
keys c
expect_screen "2025 → 2026: Level 1 → Level 2" "c compares with the year before"
expect_screen "0 new · 5 improved · 0 regressed · 5 unchanged" "items are counted by change"
expect_screen "3 DR site / architecture     not started  → in progress   improved" \
	"an item started this year is improved, not new"
expect_screen "2 RTO/RPO set for critical … in progress  → done          improved" \
	"an item further along is improved"
keys G
expect_screen "L5 Recognised as an industry… not assessed → not assessed  unchanged" \
	"a criterion never assessed reads so"
keys q q

# A criterion answered "not applicable" reads n/a; after "not assessed"
# the year before, it is new.
keys m G n
type_text "Not benchmarked as a unit"
keys Enter
keys q y c G
expect_screen "L5 Recognised as an industry… not assessed → n/a           new" \
	"not applicable reads n/a, new after not assessed"
expect_screen "1 new · 8 improved" "and is counted as new"
keys q

# --- Start the next year: it starts from a final year, says what it
# copies, and asks first.
keys s
expect_screen "2026 is still a draft, and 2027 starts from a final year. Finalise" \
	"s on a draft year offers to finalise it first"
keys n
expect_sql "$db" "SELECT group_concat(year || ' ' || status, ', ') FROM (SELECT year, status FROM assessment ORDER BY year)" \
	"2025 final, 2026 draft" "n: nothing is finalised, nothing started"
keys s y
expect_screen "Start 2027 from 2026? It copies the checklist states, the" \
	"once 2026 is final, s asks before starting 2027"
expect_screen "criterion answers and the 6 pieces of evidence still valid today" \
	"and says how many pieces of evidence it copies"
expect_screen "(1 expired stay behind). y / n" "and how many stay behind"
expect_sql "$db" "SELECT status || '|' || finalised_by FROM assessment WHERE year = 2026" \
	"final|$me" "2026 is final, with who, in the database"
expect_sql "$db" "SELECT count(*) FROM assessment WHERE year = 2027" 0 "nothing started yet"
keys y
expect_screen "Started 2027 from 2026" "y starts the next year"
expect_screen "2027 (draft)" "and opens it"
expect_sql "$db" "SELECT count(*) FROM assessment WHERE year = 2027" 1 \
	"the new year is stored"
expect_sql "$db" "SELECT count(*) FROM evidence WHERE assessment_id = $CUR" 6 \
	"valid evidence is copied, the expired report is not"
expect_sql "$db" "SELECT group_concat(item_key || '=' || state, ',') FROM (SELECT item_key, state FROM item_state WHERE assessment_id = $CUR ORDER BY item_key)" \
	"$(sql "$db" "SELECT group_concat(item_key || '=' || state, ',') FROM (SELECT item_key, state FROM item_state WHERE assessment_id = (SELECT id FROM assessment WHERE year = 2026) ORDER BY item_key)")" \
	"the checklist answers are copied"
keys s
expect_screen "2027 is still a draft, and 2028 starts from a final year." \
	"s again does not pile up drafts"
keys n
expect_sql "$db" "SELECT group_concat(year, ' ') FROM (SELECT year FROM assessment ORDER BY year)" \
	"2025 2026 2027" "three years, not four"

# --- An empty draft started by mistake is removed again.
keys d
expect_screen "Remove 2027? Nothing was changed in it since it was created; its" \
	"d asks before removing the empty draft"
keys y
expect_screen "2027 removed; 2026 is open." "y removes it and opens 2026"
expect_screen "2026 (final)" "2026 is the open year"
expect_sql "$db" "SELECT count(*) FROM assessment WHERE year = 2027" 0 "2027 is gone"
expect_sql "$db" "SELECT count(*) FROM evidence WHERE assessment_id NOT IN (SELECT id FROM assessment)" 0 \
	"with the evidence copied into it"
expect_sql "$db" "SELECT user || '|' || old_value || '|' || coalesce(new_value, 'none') FROM audit_log WHERE entity = 'assessment' AND key = '2027' AND field = 'removed'" \
	"$me|draft|none" "the removal is in the audit log"
# A year changed since it was started stays, and says why.
keys s y
expect_screen "Started 2027 from 2026" "2027 starts again"
keys q c Space
keys q y d
expect_screen "2027 cannot be removed: 1 change(s) were made in it since it was" \
	"a year changed since it was started is not removed"
expect_sql "$db" "SELECT count(*) FROM assessment WHERE year = 2027" 1 "and stays"
keys g d
expect_screen "2025 is finalised: a final year is kept for good." "a final year is kept"
keys Down d
expect_screen "2026 is finalised: a final year is kept for good." "so is 2026"

# --- Finalising asks first; a frozen year is read-only.
keys G f
expect_screen "Finalise 2027? It becomes read-only for everyone. y / n" "f asks before freezing"
keys n
expect_sql "$db" "SELECT status FROM assessment WHERE year = 2027" draft "n leaves it a draft"
keys g Down f
expect_screen "2026 is finalised." "f on a final year says so"
keys Enter
expect_screen "2026 (final)" "Enter opens the frozen year"
keys c Space
expect_screen "This year is finalised and read-only." "a frozen year refuses a change"
expect_sql "$db" "SELECT state FROM item_state WHERE item_key = 'bia' AND assessment_id = (SELECT id FROM assessment WHERE year = 2026)" \
	2 "and the database is unchanged"
keys e
expect_screen "This year is finalised and read-only." "adding evidence is refused too"
keys q

# --- The audit log and its filters.
keys a
expect_screen "all changes, newest first" "a opens the audit log"
expect_screen "status: draft → final" "the finalisation is logged"
keys i
expect_screen "Show changes of item" "i asks for an item"
type_text "3"
keys Enter
expect_screen "filter: DR site / architecture" "filtered by item 3"
expect_screen "state: not started → in p" "its state change is listed"
expect_no_screen "status: draft → final" "other entries are hidden"
keys x u
expect_screen "Show changes by user" "u asks for a user"
# The prompt starts empty: the name typed is the filter.
type_text "nobody"
keys Enter
expect_screen "No changes match." "an unknown user matches nothing"
expect_screen "filter: nobody" "the filter is the name typed, nothing before it"
keys u
expect_screen "│ nobody " "u again offers the filter in force"
keys C-u
for _ in $(seq 12); do keys BSpace; done
type_text "$(id -un)"
keys Enter
expect_screen "filter: $(id -un)" "the user's own changes"
expect_no_screen "No changes match." "they are listed"
keys x
expect_screen "all changes, newest first" "x clears the filters"
keys q

# --- Evidence validity per organisation.
keys v
expect_screen "Default validity of new evidence" "v asks for the validity"
keys BSpace BSpace
type_text "6"
keys Enter
expect_screen "New evidence is now valid 6 months." "the new validity is confirmed"
expect_sql "$db" "SELECT validity_months FROM org_unit" 6 "and it is stored"
keys q
expect_exit_ok

# The command line scores the year the interface last opened (2026).
out=$(moat_cli --db "$db" --lang en --today 2026-11-25 score)
case $out in "East China After-Sales Service Centre · 2026 · Level 2"*"Evidence: 7 pieces, 1 expired, 1 expiring within 30 days."*) pass "score counts the evidence of the open year" ;;
*) fail "score: $out" ;; esac

# In Chinese: 不适用 and 新增.
zdb=$TMPD/zh.db
moat_cli --db "$zdb" --lang zh --today 2026-11-25 init --demo >/dev/null
start "$zdb" --lang zh --today 2026-11-25
expect_screen "第2级 可重复级" "the Chinese demo opens"
keys m G n
type_text "本单位不单独对标"
keys Enter
keys q y c G
expect_screen "L5 达到行业标杆水平                       未评估 → 不适用  新增" \
	"a not-applicable criterion reads 不适用"
keys g
expect_screen "3 灾备架构                               未开始 → 进行中  改进" \
	"未开始 → 进行中 is 改进"
keys q q q
expect_exit_ok

finish
