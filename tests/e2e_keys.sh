#!/bin/bash
# Every key a screen names works there, and does what its label says.
# For each screen the keys are read from the screen itself: from its help
# overlay (drawn from the screen's key table), or for the screens that
# take typing (forms, prompts, questions), from the key hints of the
# status line (drawn from the same table). Then, on a fresh copy of the
# demo each time, every key named is pressed on that screen: the screen
# must change, and where the label promises something visible (a screen
# it opens, a question it asks, leaving moat) that must show. A label this
# test has no expectation for fails it, so a key added to a screen comes
# with what it should do.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux
# Keys such as x (export) write files: into the test's own folder.
cd "$TMPD" || exit 1

template=$TMPD/template.db
demo_db "$template"
# Two open incidents, so that the list has somewhere to move and the
# newest can be opened.
moat_cli --db "$template" --today 2026-11-25 incident declare --level II \
	--system "Customer service system" --at "2026-11-25 09:00" >/dev/null
moat_cli --db "$template" --today 2026-11-25 incident declare --level IV \
	--system "BI platform" --at "2026-11-24 09:00" >/dev/null
# Two pieces of evidence on item 1 and on the first criterion, so moving in
# their evidence lists has somewhere to go.
for target in bia l2.backup_process; do
	for day in 2026-11-01 2026-11-02; do
		sql "$template" "INSERT INTO evidence (assessment_id, target, body,
			evidence_date, valid_months, entered_by, entered_at) VALUES
			($CUR, '$target', 'extra $day', '$day', 12, 'test',
			'2026-11-02T08:00:00Z')"
	done
done

# A second unit with a year, so the group view has rows to move in.
sql "$template" "INSERT INTO org_unit (name, created_by, created_at)
	VALUES ('Beta centre', 'test', '2026-11-02T08:00:00Z');
	INSERT INTO assessment (unit_id, year, created_by, created_at)
	SELECT id, 2026, 'test', '2026-11-02T08:00:00Z' FROM org_unit
	WHERE name = 'Beta centre'"

# Two copies of the first system's backups and two automated checks with
# their recovery times, so the copies and the ledger have rows to move in.
for copy in "'NAS in room 2', 'nas', 0" "'Aliyun OSS', 'cloud', 1"; do
	sql "$template" "INSERT INTO backup_copy (system_id, location, medium, offsite)
		SELECT id, $copy FROM bia_system WHERE assessment_id = $CUR
		AND name = 'Rescue dispatch system'"
done
moat_cli --db "$template" --today 2026-11-25 unit add "South China Centre" >/dev/null ||
	{ echo "unit add failed"; exit 1; }
for day in 2026-11-23 2026-11-24; do
	moat_cli --db "$template" --today 2026-11-25 verify record --system "Rescue dispatch system" \
		--kind check --result pass --started "$day 02:00" --minutes 20 >/dev/null ||
		{ echo "verify record failed"; exit 1; }
done

# The screens: name | keys from home | text that shows it | text that shows
# the screen "back" returns to | where its keys are listed.
home="[c] Checklist"
screens=(
	"home||$home||help"
	"first run|@empty|Welcome to moat||help"
	"checklist|c|Evid.|$home|help"
	"item|c Enter|Checklist 1 of 10|Evid.|help"
	"maturity|m|To reach Level 3|$home|help"
	"criterion|m Enter|· criterion|To reach Level 3|help"
	"years|y|moat · Years|$home|help"
	"compare|y c|moat · Compare years|moat · Years|help"
	"audit|a|all changes, newest first|$home|help"
	"roi|r|moat · ROI|$home|help"
	"investment|i|moat · Investment|$home|help"
	"programme|p|moat · Programme|$home|help"
	"agenda|d|moat · Agenda|$home|help"
	"duties|D|moat · Duties|$home|help"
	"units|u|moat · Units|$home|help"
	"duty history|d h|History|moat · Agenda|help"
	"evidence form|c e|Add evidence|Evid.|hints"
	"task form|p Enter|Edit task|moat · Programme|hints"
	"duty record|d Enter|Record · Monthly backup|moat · Agenda|hints"
	"duty form|D a|New duty|moat · Duties|hints"
	"bia|b|8 processes ·|$home|help"
	"bia process|b Enter|Road rescue · critical|8 processes ·|help"
	"bia systems|b s|moat · Systems and DR levels|8 processes ·|help"
	"bia data|b D|moat · Data types|8 processes ·|help"
	"bia reference|b f|moat · Reference tables|8 processes ·|help"
	"backups|B|moat · Backups|$home|help"
	"copies|B c|Copies · Rescue dispatch system|moat · Backups|help"
	"backup plan|B p|Backup plan · Rescue dispatch system|moat · Backups|hints"
	"ledger|B l|moat · Verification ledger|moat · Backups|help"
	"ledger entry|B l a|Record a verification|moat · Verification ledger|hints"
	"drills|e|Drills recorded:|$home|help"
	"drill|e Enter|Evaluation: 7 of 9|Drills recorded:|help"
	"stopwatch|e w|Service restored    2026-10-11|Drills recorded:|help"
	"drill form|e a|New drill|Drills recorded:|hints"
	"finding form|e Enter f|New finding|Evaluation: 7 of 9|hints"
	"emergency response|E|moat · Emergency response|$home|help"
	"group|G|moat · Group|$home|help"
	"level form|E Enter|Edit Level I|moat · Emergency response|hints"
	"contacts|E c|moat · Emergency contacts|moat · Emergency response|help"
	"contact form|E c a|New contact|moat · Emergency contacts|hints"
	"response card|E v|moat · Response card|moat · Emergency response|help"
	"incidents|E i|moat · Incidents|moat · Emergency response|help"
	"contingency plans|E p|moat · Business contingency plans|moat · Emergency response|help"
	"declare form|E i n|Declare an incident|moat · Incidents|hints"
	"incident|E i Enter|Incident 1 · Customer|moat · Incidents|help"
	"note form|E i Enter a|Log an action|Incident 1 · Customer|hints"
	"close form|E i Enter c|Close the incident|Incident 1 · Customer|hints"
	"prompt|x|Export workbook to:|$home|hints"
	"question|y f|Finalise 2026?|moat · Years|hints"
)

# What a label promises, by its help text: CHANGE (the screen changes),
# BACK (the screen before shows), EXIT (moat ends), or a text that shows.
declare -A promise=(
	["help"]="Keys ·" ["back"]=BACK ["quit"]=EXIT
	["move up"]=CHANGE ["move down"]=CHANGE
	["go to the first"]=CHANGE ["go to the last"]=CHANGE
	["checklist"]="moat · Checklist" ["walk through"]="Checklist 1 of 10"
	["maturity"]="moat · Maturity" ["years and comparison"]="moat · Years"
	["audit log"]="moat · Audit log" ["90-day programme"]="moat · Programme"
	["recurring duties"]="moat · Duties" ["ROI calculator"]="moat · ROI"
	["agenda: what is due"]="moat · Agenda" ["every recurring duty"]="moat · Duties"
	["repaint the screen"]=SAME
	["every unit side by side"]="moat · Group" ["open the unit's latest year"]=BACK
	["sort by the next column"]=CHANGE ["reverse the order"]=CHANGE
	["show the next region (all, then each)"]="No unit has a region yet."
	["export the pack of the units shown: the group sheet and each unit's executive summary"]="Export workbook to:"
	["choose a day on the calendar"]=CHANGE ["list or calendar (h j k l, arrows move the day)"]=CHANGE
	["the whole month again (or back)"]=BACK
	["history"]="History" ["add a duty"]="New duty" ["edit the rule"]="Edit "
	["pause / resume"]="Paused " ["remove the duty"]="Remove \""
	["tiered investment"]="moat · Investment"
	["units"]="moat · Units" ["open the unit"]=BACK ["new unit"]="Name of the new unit"
	["rename the unit"]="New name of" ["set the region"]="Region of"
	["archive or bring back"]="Archive " ["show or hide archived units"]=CHANGE
	["export workbook"]="Export workbook to:"
	["default evidence validity"]="Default validity of new evidence"
	["load demo organisation"]="East China After-Sales"
	["create organisation"]="Name of the organisation unit:"
	["cycle state"]=CHANGE ["open"]=CHANGE ["add evidence"]="Add evidence"
	["set to not started"]="1 (•) not started"
	["set to in progress"]="2 (•) in progress" ["set to done"]="3 (•) done"
	["next item"]="Checklist 2 of 10" ["previous item"]="Checklist 1 of 10"
	["edit evidence"]="Edit evidence" ["delete evidence"]="Delete this evidence?"
	["cycle answer"]=CHANGE
	["not applicable (with reason)"]="Why does this criterion not apply?"
	["open relied-on item 1-9"]="Checklist 4 of 10"
	["open this year"]="moat · Home"
	["compare with the year before"]="moat · Compare years"
	["start next year"]="2026 is still a draft"
	["finalise (freeze) this year"]="Finalise 2026?"
	["remove an empty draft year"]="2026 cannot be removed"
	["filter by user"]="Show changes by user"
	["filter by item"]="Show changes of item"
	["clear filters"]="No filter is set"
	["this unit or all units"]="whole organisation · all changes"
	["next field"]=CHANGE ["previous field"]=CHANGE
	["edit the value"]="Enter confirm · Tab next · Esc cancel"
	["add a line"]="Enter confirm · Tab next · Esc cancel"
	["delete the line"]="Delete the line"
	["currency unit"]="Currency unit shown on every amount:"
	["set the checklist item it advances"]="Which checklist item does"
	["add a class"]="Enter confirm · Tab next · Esc cancel"
	["delete the class"]="Delete the line"
	["cycle status"]=CHANGE ["edit the task"]="Edit task"
	["add a task"]="Title of the new task" ["owner"]="Owner:"
	["delete the task"]="Delete the task"
	["start the programme"]="The programme started on"
	["record as done"]="Record · Monthly backup"
	["record as done (a task: open it)"]="Record · Monthly backup"
	["skip with a reason"]="Skip Monthly backup"
	["history of the duty"]="History"
	["previous month"]=CHANGE ["next month"]=CHANGE
	["save"]=CHANGE ["cancel"]=CHANGE ["confirm"]=CHANGE
	["business impact analysis"]="moat · Business impact analysis"
	["open with its impact grid"]="Road rescue · critical"
	["RTO"]="RTO of Road rescue" ["MTD by hand"]="MTD of Road rescue set by hand"
	["critical or not"]=CHANGE ["systems and DR levels"]="moat · Systems and DR levels"
	["reference tables and settings"]="moat · Reference tables"
	["data types"]="moat · Data types" ["add a process"]="Name of the new business process:"
	["rename"]="Name of the " ["process owner"]="Owner of the process:"
	["daily volume"]="Transactions a day" ["record a review today"]="recorded on 2026-11-25"
	["delete the process"]="Delete the process"
	["rate the cell (0 lowest to 4 highest)"]=CHANGE
	["edit the amount or the words"]="in a few words:"
	["overall back to the worst dimension"]=SAME
	["outage durations"]="Outage durations of the impact grids"
	["planned DR level"]="Planned DR level of" ["next DR architecture"]=CHANGE
	["processes that use it"]="Processes that use" ["data it holds"]="Data held by"
	["production site cost"]="Production site cost of" ["importance"]=CHANGE
	["add a system"]="Name of the new system:" ["delete the system"]="Delete the system"
	["RPO"]="RPO of" ["backup"]="Backup of" ["add a data type"]="Name of the new data type:"
	["delete the data type"]="Delete the data type"
	["use the next level table"]="DR level table in use" ["intolerable rating"]="Intolerable from: low"
	["margin warning"]="Warn when the safety margin is under" ["review interval"]="Months between reviews"
	["backups and verification"]="moat · Backups" ["backups of the system"]="moat · Backups"
	["edit the backup plan"]="Backup plan ·" ["the copies"]="Copies ·" ["add a copy"]="New copy ·"
	["record a restore test or check"]="Record a verification"
	["verification ledger"]="moat · Verification ledger"
	["days until a test is stale"]="A restore test is stale after"
	["edit the copy"]="Edit copy ·" ["delete the copy"]="Delete the copy at"
	["record an entry"]="Record a verification" ["filter by system"]=CHANGE
	["filter by kind"]=CHANGE ["RTA trend chart"]="RTA of Rescue dispatch system over time"
	["delete the entry"]="Delete the automated check of"
	["drills"]="moat · Drills" ["open the drill"]="Evaluation: 7 of 9"
	["record a drill"]="New drill" ["live stopwatch"]="moat · Live drill"
	["add a scenario of the unit's own"]="Name of the unit's own scenario:"
	["delete the drill"]="Delete the Functional drill of 2026-10-11"
	["answer / close"]=CHANGE ["edit type, date, scenario, systems, people"]="Edit drill"
	["add a finding"]="New finding"
	["business interruption"]="Business interruption (such as"
	["customer complaints"]="Customer complaints (empty" ["financial loss"]="Financial loss, in"
	["delete the finding"]="Put the cursor on a finding first."
	["incident declared"]="That moment is stamped already"
	["recovery started"]="That moment is stamped already"
	["service restored"]="That moment is stamped already" ["note"]="Note:"
	["emergency response"]="moat · Emergency response" ["edit the level"]="Edit Level I"
	["back to the document's level"]="Take Level I (Especially major) back"
	["contacts"]="moat · Emergency contacts" ["preview the card"]="moat · Response card"
	["edit the contact"]="Edit contact Zhang San" ["add a contact"]="New contact"
	["confirmed today"]="Zhang San confirmed today." ["remove the contact"]="Remove the contact Zhang San?"
	["days before reconfirming"]="Days after which a contact must be confirmed again:"
	["card of the next level"]="quick guide · Level I (Especially major)"
	["incidents"]="moat · Incidents" ["declare an incident"]="Declare an incident"
	["business contingency plans"]="moat · Business contingency plans"
	["open the plan (or write one)"]="Scenario: The customer service system is down"
	["plan for another system"]="System of the new plan:"
	["delete the plan"]="Delete the contingency plan of Customer service system"
	["open the incident"]="Incident 1 · Customer" ["check off the step"]="Notify at once done at:"
	["log an action"]="Log an action" ["log a decision"]="Log a decision"
	["record when service was restored"]="Service restored at:" ["close the incident"]="Close the incident"
)
# Labels that would name the wrong action on a screen.
declare -A wrong=(
	["home:back"]="q leaves moat from the first screen: its label says quit"
	["first run:back"]="q leaves moat from the first screen: its label says quit"
	["question:save"]="y answers a question: nothing is saved"
	["prompt:save"]="Enter takes what was typed: nothing is saved yet"
)
# A second drill, so that moving in the list of drills has somewhere to go.
sql "$template" "INSERT INTO drill (unit_id, type_key, scenario, held_on, created_by,
	created_at) SELECT unit_id, 'tabletop', 'Machine-room flood', '2026-09-01', 'test',
	'2026-09-01T08:00:00Z' FROM assessment WHERE id = $CUR"
# Keys pressed first, so that the key tried has something to do (a move
# up needs a row above).
declare -A before=(
	["move up"]="G" ["go to the first"]="G"
	["move down"]="g" ["go to the last"]="g"
	["previous field"]="Tab" ["previous item"]="n" ["set to done"]="1"
)

# The tmux key for one key name shown in a label.
# same_text SCREEN TEXT: TEXT as a "SAME" check compares it; on a screen
# with a clock (the incident's minutes left tick while it is open) its
# digits do not count.
same_text() {
	case $1 in
	incident) printf '%s' "$2" | tr 0-9 '#' ;;
	*) printf '%s' "$2" ;;
	esac
}

tmux_key() {
	case $1 in
	↑) echo Up ;; ↓) echo Down ;; ←) echo Left ;; →) echo Right ;; Enter) echo Enter ;; Space) echo Space ;;
	Tab) echo Tab ;; Shift-Tab) echo BTab ;; Esc) echo Escape ;;
	Home) echo Home ;; End) echo End ;; 1-9) echo 1 ;; 0-4) echo 0 ;;
	Ctrl-?) echo "C-$(printf %s "${1#Ctrl-}" | tr A-Z a-z)" ;;
	*) echo "$1" ;;
	esac
}

# A key name, not a word of a help text?
key_name() {
	case $1 in
	Esc | Enter | Tab | Space | Shift-Tab | Home | End | Ctrl-?) return 0 ;;
	esac
	[ ${#1} -eq 1 ]
}

# open NAME SETUP MARKER: a fresh copy of the demo (or an empty file) in
# moat, on the screen reached by SETUP; false when it does not show.
open_screen() {
	local db=$TMPD/run-$WORKER.db k
	rm -f "$db" "$db-wal" "$db-shm"
	[ "$2" = @empty ] || cp "$template" "$db"
	start "$db" --lang en --today 2026-11-25
	wait_for "Level 2 Repeatable" 10 || wait_for "Welcome to moat" 5 || return 1
	if [ "$2" != @empty ]; then
		for k in $2; do
			keys "$k"
			sleep 0.15
		done
	fi
	wait_for "$3" 5
}

# The keys a screen lists, one "LABEL<TAB>HELP" a line.
listed_keys() {
	if [ "$1" = help ]; then
		keys '?'
		wait_for "Press any key to close." 5 || return
		# One column of "LABEL  HELP", or two (the box then wider than
		# one column's 64): a help text may wrap onto the rows below,
		# which start with blanks where the label would be.
		screen_text | sed -n '/Keys ·/,/Press any key to close/p' |
			sed '1d;$d' | python3 -c '
import re, sys, unicodedata
def width(t):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in t)
def cut(t, w):
    out, used = "", 0
    for c in t:
        if used >= w:
            break
        out += c
        used += width(c)
    return out, t[len(out):]
rows, inner_w = [], 0
for line in sys.stdin:
    if line.count("│") < 2:
        continue
    inner = line.split("│")[1]
    inner_w = max(inner_w, width(inner))
    rows.append(inner[1:])
if not rows:
    sys.exit(0)
# The box is inner_w + 2 wide; two columns of (inner_w - 4) / 2 with two
# blanks between, after a blank by the border.
two = inner_w + 2 > 64
colw = (inner_w - 4) // 2 if two else inner_w
cols = [[], []]
for r in rows:
    halves = list(cut(r, colw + 2)) if two else [r, ""]
    for k, h in enumerate(halves):
        if not h.strip() or h.strip() == "…":
            continue
        if h.startswith(" ") and cols[k]:
            cols[k][-1][1] += " " + h.strip()
        else:
            parts = re.split(r" {2,}", h.strip(), maxsplit=1)
            cols[k].append([parts[0], parts[1] if len(parts) > 1 else ""])
for c in cols:
    for label, text in c:
        print(label + "\t" + text)
'
		return
	fi
	# The status line: entries two spaces apart, each a label (one or two
	# key names) and its help.
	screen_text | tail -n 1 | sed -E 's/ {2,}saved .*$//; s/^ +//' |
		sed -E 's/ {2,}/\n/g' | while read -r first second rest; do
			[ -n "$first" ] || continue
			if [ -n "$second" ] && key_name "$first" && key_name "$second"; then
				printf '%s %s\t%s\n' "$first" "$second" "$rest"
			else
				printf '%s\t%s\n' "$first" "$second${rest:+ $rest}"
			fi
		done
}

# check_screen ENTRY: tries every key the screen lists; prints the result
# of each, and "tried N" at the end.
check_screen() {
	local name setup marker parent where list label help want k key p was was_plain now plain ok n=0
	IFS='|' read -r name setup marker parent where <<<"$1"
	if ! open_screen "$name" "$setup" "$marker"; then
		fail "$name: the screen does not open with '$setup'"
		return
	fi
	list=$(listed_keys "$where")
	if [ -z "$list" ]; then
		fail "$name: no keys listed"
		return
	fi
	while IFS=$'\t' read -r label help; do
		[ -n "$label" ] || continue
		if [ -n "${wrong[$name:$help]-}" ]; then
			fail "$name: '$label' is labelled '$help': ${wrong[$name:$help]}"
		fi
		# A help text wraps in its column: one cut short is a defect.
		if [ "${help%…}" != "$help" ]; then
			fail "$name: the help of '$label' is cut: $help"
			continue
		fi
		want=${promise[$help]-}
		if [ -z "$want" ]; then
			fail "$name: no expectation for '$label' ($help): say what it does in this test"
			continue
		fi
		for k in $label; do
			key=$(tmux_key "$k")
			n=$((n + 1))
			if ! open_screen "$name" "$setup" "$marker"; then
				fail "$name: the screen does not open again for $k"
				continue
			fi
			for p in ${before[$help]-}; do keys "$p"; sleep 0.1; done
			sleep 0.2
			was=$(tmux -L "$SOCK" capture-pane -p -e)
			was_plain=$(screen_text)
			keys "$key"
			ok=false
			for _ in $(seq 60); do
				now=$(tmux -L "$SOCK" capture-pane -p -e)
				plain=$(screen_text)
				case $want in
				CHANGE) [ "$now" != "$was" ] && ok=true ;;
				SAME) sleep 0.3
					[ "$(same_text "$name" "$(screen_text)")" = \
						"$(same_text "$name" "$was_plain")" ] && ok=true ;;
				BACK) [ "$now" != "$was" ] && case $plain in *"$parent"*) ok=true ;; esac ;;
				EXIT) case $plain in *EXIT=*) ok=true ;; esac ;;
				*) case $plain in *"$want"*) ok=true ;; esac ;;
				esac
				$ok && break
				sleep 0.05
			done
			if $ok; then
				pass "$name: $k ($help)"
			else
				fail "$name: $k ($help) did not $([ "$want" = CHANGE ] && echo "change the screen" || echo "show '$want'")"
				screen_text | sed 's/^/     | /'
			fi
		done
	done <<<"$list"
	echo "tried $n"
}

# A few screens at a time, each worker with its own tmux servers and
# database; their reports are read back in order.
WORKERS=3
for i in "${!screens[@]}"; do
	(
		WORKER=$i
		SOCK_BASE="$SOCK_BASE-w$i"
		STARTS=0
		trap 'tmux -L "$SOCK" kill-server 2>/dev/null' EXIT
		check_screen "${screens[$i]}"
	) >"$TMPD/screen-$i.log" 2>&1 &
	while [ "$(jobs -rp | wc -l)" -ge "$WORKERS" ]; do sleep 0.2; done
done
wait
tried=0
for i in "${!screens[@]}"; do
	while IFS= read -r line; do
		case $line in
		"ok   "*) pass "${line#ok   }" ;;
		"FAIL "*) fail "${line#FAIL }" ;;
		"tried "*) tried=$((tried + ${line#tried })) ;;
		*) echo "$line" ;;
		esac
	done <"$TMPD/screen-$i.log"
done
[ "$tried" -gt 100 ] && pass "$tried keys tried" || fail "only $tried keys tried"

finish
