#!/bin/bash
# The ROI calculator and the investment planner in a real terminal:
# results follow what is typed, bad input is refused at the field, and
# every confirmed value is in the database.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"
require_tmux

db=$TMPD/roi.db
moat_cli --db "$db" --lang en --today 2026-11-25 init --demo >/dev/null ||
	{ echo "init --demo failed"; exit 1; }

start "$db" --lang en --today 2026-11-25
expect_screen "payback 1.09 years · 5-year net 1290 10k CNY · ROI 280.4 %" \
	"home sums up the ROI from the document's inputs"
keys r
expect_screen "DR centre build" "r opens the ROI calculator with its lines"
expect_screen "1.09 years" "payback 360 / 330"
expect_screen "280.4 %" "ROI over 5 years"
expect_screen "y5  " "the cumulative cash line is drawn"

# Type a new one-off amount: the payback moves before it is confirmed.
keys Tab
type_text "400"
expect_screen "1.39 years" "the payback follows the typing (460 / 330)"
expect_sql "$db" "SELECT amount FROM roi_line WHERE name = 'DR centre build'" 30000 \
	"nothing is stored before Enter"
keys Enter
sleep 0.2
expect_sql "$db" "SELECT amount FROM roi_line WHERE name = 'DR centre build'" 40000 \
	"Enter stores the amount exactly (hundredths)"

# Letters are refused with a message at the field, and nothing changes.
keys Enter
type_text "x"
keys Enter
expect_screen "Not a number: use digits and one point." "letters are refused"
keys Escape
expect_sql "$db" "SELECT amount FROM roi_line WHERE name = 'DR centre build'" 40000 \
	"the refused value is not stored"
# A minus sign starts the edit as a digit does, and stays in it: the
# amount is refused as when typed after Enter, not stored without it.
type_text "-100"
expect_screen " -100 " "the minus sign typed over the cell is kept"
keys Enter
expect_screen "Must not be negative." "a negative amount is refused at the field"
expect_screen " -100 " "and what was typed stays"
expect_sql "$db" "SELECT amount FROM roi_line WHERE name = 'DR centre build'" 40000 \
	"the negative amount is not stored, nor 100"
keys Escape

# A yearly cost above the losses avoided: it never pays back (the cursor
# passes the "Yearly cost" heading).
keys Down Down Down Down
type_text "400"
keys Enter
expect_screen "never pays back" "zero or negative net benefit says so instead of dividing"
keys Enter
for _ in 1 2 3; do keys BSpace; done
type_text "20"
keys Enter
expect_screen "1.39 years" "back to a positive net benefit"

# The horizon and the discount rate.
keys G
keys k
type_text "1"
keys Enter
expect_screen "Net over 1 y" "the horizon changes the results"
expect_sql "$db" "SELECT value FROM unit_param WHERE key = 'roi.horizon'" 1 \
	"the horizon is stored"
type_text "-3"
keys Enter
expect_screen "Must not be negative." "a negative horizon is refused at the field"
expect_sql "$db" "SELECT value FROM unit_param WHERE key = 'roi.horizon'" 1 \
	"the horizon stays 1, not 3"
keys Escape
keys j
type_text "8"
keys Enter
expect_sql "$db" "SELECT value FROM unit_param WHERE key = 'roi.rate_bp'" 800 \
	"the rate is stored in hundredths of a percent"
expect_screen "NPV over 1 y" "the NPV is shown"
expect_screen "-154.44" "NPV at 8 % over 1 year: 330/1.08 - 460"

# Add a line and delete it.
keys g a
expect_screen "Enter confirm · Tab next · Esc cancel" "a adds a line and edits its name"
keys C-u
for _ in $(seq 10); do keys BSpace; done
type_text "云备份"
keys Enter
sleep 0.2
expect_sql "$db" "SELECT kind || '|' || amount FROM roi_line WHERE name = '云备份'" \
	"one_off|0" "the new line is stored"
keys d
expect_screen "Delete the line \"云备份\"? y / n" "d asks first"
keys y
sleep 0.2
expect_sql "$db" "SELECT count(*) FROM roi_line WHERE name = '云备份'" 0 \
	"y deletes it"

# A cost names the checklist item it advances: begun beside it, in full
# under the lines when the cursor is on it, stored by the item's key.
keys g Down
expect_screen "Advances item 3 DR site / architecture" \
	"the demo's DR centre advances the DR site"
expect_screen "   DR centre build                 400 3 DR … " \
	"the item begins beside the amount at 80 columns"
keys i
expect_screen 'Which checklist item does "DR centre build" advance?' \
	"i asks which item the cost advances"
expect_screen "Checklist item  3 DR site / architecture" "the stored item is chosen"
keys Right Right Right
expect_screen "Checklist item  6 Emergency response plan" "the arrows choose another"
keys Enter
expect_sql "$db" "SELECT item_key FROM roi_line WHERE name = 'DR centre build'" \
	emergency_plan "Enter stores the item's key"
expect_sql "$db" "SELECT old_value || '>' || new_value FROM audit_log WHERE entity = 'roi' AND field = 'item' AND key = 'DR centre build' ORDER BY id DESC LIMIT 1" \
	"dr_site>emergency_plan" "the change is audited"
expect_screen "Advances item 6 Emergency response plan" "the line shows its new item"
expect_screen "   DR centre build                 400 6 Eme… " "beside the amount too"
keys i
for _ in $(seq 6); do keys Left; done
expect_screen "Checklist item  —" "Left goes back to no item"
keys Enter
expect_sql "$db" "SELECT '[' || item_key || ']' FROM roi_line WHERE name = 'DR centre build'" \
	"[]" "no item is stored as none"
expect_screen "Advances no checklist item (i names one)" "a cost without an item says how to name one"
# Wider, the item's title shows whole beside the amount.
resize 120 30
expect_screen "   Leased line                      20 3 DR site / architecture" \
	"at 120 columns the item shows whole"
resize 80 24
# A loss avoided advances none.
keys G k k i
expect_screen "Put the cursor on a one-off investment or a yearly cost:" "i on a loss says why not"
expect_sql "$db" "SELECT count(*) FROM roi_line WHERE kind = 'loss' AND item_key <> ''" 0 \
	"and no loss names an item"
keys q

# --- The investment planner.
keys i
expect_screen "60 %" "the core class takes 60 % of 500"
expect_screen "+1000 more (3.0×)" "one size fits all costs 1000 more"
expect_screen "5 y: 1000 – 2000" "self-built over 5 years as a range"
expect_screen "5 y: 500 – 1400" "hybrid saves 30-50 %"
keys Tab Tab Tab
type_text "400"
keys Enter
expect_screen "66.67 %" "a new amount changes the shares"
expect_sql "$db" "SELECT amount FROM invest_class WHERE level_low = 4" 40000 \
	"the class amount is stored"
# A DR level range typed low first: the low end is held until the high end
# is typed; Esc lets it go.
keys BTab BTab
type_text "6"
keys Enter
expect_screen "Low end noted, not saved: type the high end to save both (Esc drops it)." \
	"a low level above the stored high one is noted, not refused"
expect_screen "Core (rescue, customer …  6 -" "the low end typed shows"
keys Escape
expect_screen "Core (rescue, customer …  4 -  5" "Esc drops it"
expect_sql "$db" "SELECT level_low || '-' || level_high FROM invest_class WHERE name LIKE 'Core%'" \
	"4-5" "nothing was stored"
type_text "6"
keys Enter
type_text "6"
keys Enter
expect_sql "$db" "SELECT level_low || '-' || level_high FROM invest_class WHERE name LIKE 'Core%'" \
	"6-6" "typed low first, the level range is stored"
# A scenario range typed low first: checked once both ends are known.
for _ in $(seq 5); do keys Down; done
# Down kept the column chosen above (the last one there is); back to low.
keys BTab
type_text "2000"
keys Enter
expect_screen "Low end noted, not saved" "a low end above the stored high end is noted"
expect_sql "$db" "SELECT count(*) FROM unit_param WHERE key LIKE 'inv.self_up_%'" 0 \
	"nothing is stored while one end is known"
type_text "1500"
keys Enter
expect_screen "The low end must not be above the high end." "a range is checked once both ends are known"
expect_screen "Self-built: up front          2000 1500" "what was typed stays"
keys C-u
type_text "2500"
keys Enter
expect_sql "$db" "SELECT group_concat(key || '=' || value, ',') FROM (SELECT key, value FROM unit_param WHERE key LIKE 'inv.self_up_%' ORDER BY key)" \
	"inv.self_up_hi=250000,inv.self_up_lo=200000" "typed low first, the range is stored"
expect_screen "5 y: 2500 – 3500" "and the results follow"
keys q q
expect_exit_ok

# A new organisation starts with no lines and no classes.
db2=$TMPD/empty.db
start "$db2" --lang zh --today 2026-11-25
keys n
type_text "西南售后"
keys Enter
expect_screen "尚未填写：按 r 填写投资与可避免的损失" "home says nothing is entered yet and where to start"
expect_no_screen "回收期 无法回本" "rather than that it never pays back"
keys r
expect_screen "一次性投资" "the ROI screen opens with no lines"
expect_screen "无法回本" "and says it never pays back"
keys a
type_text "灾备中心"
keys Enter Tab
type_text "300"
keys Enter
expect_screen "灾备中心" "a first line is added"
expect_sql "$db2" "SELECT kind || '|' || amount FROM roi_line" "one_off|30000" \
	"on the one-off heading, a adds a one-off investment"
# The yearly cost heading is the next row.
keys Down a
type_text "专线"
keys Enter Tab
type_text "20"
keys Enter
sleep 0.3
expect_sql "$db2" "SELECT kind || '|' || amount FROM roi_line WHERE name = '专线'" "recurring|2000" \
	"on the yearly cost heading, a adds a yearly cost"
keys Down a
type_text "停机损失"
keys Enter Tab
type_text "400"
keys Enter
sleep 0.3
expect_sql "$db2" "SELECT kind || '|' || amount FROM roi_line WHERE name = '停机损失'" "loss|40000" \
	"on the losses heading, a adds a loss avoided"
expect_screen "0.79 年" "a new organisation builds the document's ROI: payback 300 / (400 - 20)"
keys g Down
expect_screen "未对应检查项（按 i 指定）" "in Chinese, a new cost names no item"
keys i
expect_screen "“灾备中心”对应哪个检查项？" "i asks in Chinese"
keys Right Right Right Enter
expect_sql "$db2" "SELECT item_key FROM roi_line WHERE name = '灾备中心'" dr_site \
	"the third item is stored by its key"
expect_screen "对应检查项：第3项 灾备架构" "the line's item in Chinese"
keys q
expect_screen "回收期 0.79 年" "with lines entered, home gives the payback"
keys i
expect_screen "系统类别" "the investment screen opens with no classes"
keys a
type_text "核心系统"
keys Enter
expect_screen "100 %" "a first class takes the whole share"
expect_sql "$db2" "SELECT name || '|' || level_low || '-' || level_high FROM invest_class" \
	"核心系统|1-1" "the class is stored"
keys Tab
type_text "3"
keys Enter
expect_screen "下限已记下，尚未保存" "in Chinese, the low end typed first is noted"
type_text "5"
keys Enter
expect_sql "$db2" "SELECT level_low || '-' || level_high FROM invest_class" "3-5" \
	"a new class takes the levels 3-5 typed low first"
keys q q
expect_exit_ok

out=$(moat_cli --db "$db" --lang en --today 2026-11-25 roi)
case $out in *"Payback: 1.39 years"*"Net over 1 y: -130"*) pass "moat roi prints the stored figures" ;;
*) fail "moat roi: $out" ;; esac

# Another user's change to a line is not undone by a name typed here.
start "$db" --lang en --today 2026-11-25
keys r
expect_screen "DR centre build" "the ROI screen again"
keys Enter
type_text " (phase 1)"
sql "$db" "UPDATE roi_line SET amount = 77700 WHERE name = 'DR centre build'"
keys Enter
sleep 0.3
expect_sql "$db" "SELECT name || '|' || amount FROM roi_line WHERE amount = 77700" \
	"DR centre build (phase 1)|77700" "a concurrent change to the amount is kept"
# A change to the very cell being typed is not written over.
keys Enter
type_text " and more"
sql "$db" "UPDATE roi_line SET name = 'DR centre (renamed)' WHERE amount = 77700"
keys Enter
expect_screen "Changed by someone else meanwhile: press again to change it." \
	"an edit of a cell changed meanwhile is refused"
expect_sql "$db" "SELECT name FROM roi_line WHERE amount = 77700" \
	"DR centre (renamed)" "and the other user's value stays"
keys q q
expect_exit_ok

finish
