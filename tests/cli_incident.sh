#!/bin/bash
# `moat incident declare|log|close|show` from a shell: an incident of the
# demo from its declaration to its close, with the deadlines of the card's
# steps counted from the declaration and from the restoration, the log in
# time order, the improvements as programme tasks; refusals.
. "${MOAT_TESTS:-$(dirname "$0")}/lib.sh"

db=$TMPD/incident.db
demo_db "$db"
m() { moat_cli --db "$db" --today 2026-11-25 "$@"; }

out=$(m incident declare --system "Customer service system" --level II --at "2026-11-25 23:50")
expect_eq "$(printf '%s\n' "$out" | sed -n 1,2p)" "Incident 1 declared.
Incident 1 · Customer service system · Level II (Major) · declared 2026-11-25 23:50 by $(id -un) · card v4" \
	"declare: the incident with its level and the card in force"
expect_eq "$(printf '%s\n' "$out" | grep '^\[')" "[ ] 1 Notify at once (within 5 minutes): due 2026-11-25 23:55, 5 min left
[ ] 2 First assessment (within 15 minutes): due 2026-11-26 00:05, 15 min left
[ ] 3 Respond (within the plan's time limits): within the plan's time limits
[ ] 4 Verify the recovery (within 1 hour of recovery): counts from the restoration of the service
[ ] 5 Review (within 24 hours): counts from the restoration of the service" \
	"declare: the deadlines count from the declaration, across midnight"
expect_eq "$(printf '%s\n' "$out" | grep 'Next progress')" \
	"Next progress report due 2026-11-26 00:20" "declare: reports every 30 minutes"

out=$(m incident log --step notify --at "2026-11-25 23:54")
expect_eq "$(printf '%s\n' "$out" | grep '1 Notify')" \
	"[x] 1 Notify at once (within 5 minutes): done 2026-11-25 23:54 by $(id -un)" \
	"log --step: checked off with its time"
out=$(m incident log --what "Switch the stores to paper forms" --why "CRM out for hours" \
	--decision --at "2026-11-26 00:12")
expect_eq "$(printf '%s\n' "$out" | grep '2 First')" \
	"[ ] 2 First assessment (within 15 minutes): due 2026-11-26 00:05, LATE by 7 min" \
	"an open step past its deadline is late"
m incident log --step assess --what "Restarted the database" --at "2026-11-26 00:10" >/dev/null
out=$(m incident show --at "2026-11-26 00:30")
expect_eq "$(printf '%s\n' "$out" | sed -n '/^Log:/,$p')" "Log:
2026-11-25 23:50  $(id -un)  declared: Customer service system
2026-11-25 23:54  $(id -un)  step done: Notify at once
2026-11-26 00:10  $(id -un)  step done: First assessment
2026-11-26 00:10  $(id -un)  action: Restarted the database
2026-11-26 00:12  $(id -un)  decision: Switch the stores to paper forms (why: CRM out for hours)" \
	"show: the log in time order, whatever the order of entry"
m incident log --what "too early" --at "2026-11-25 23:00" >/dev/null 2>"$TMPD/err"
expect_eq "$?:$(cat "$TMPD/err")" "1:moat: That time is before the incident was declared." \
	"an entry before the declaration is refused"
m incident log --step lunch >/dev/null 2>"$TMPD/err"
expect_eq "$?:$(cat "$TMPD/err")" \
	"1:moat: unknown step lunch; the steps are: notify, assess, respond, verify, review" \
	"an unknown step names the card's"
m incident close --root-cause "disk full" --at "2026-11-26 02:00" >/dev/null 2>"$TMPD/err"
expect_eq "$?:$(cat "$TMPD/err")" "1:moat: Give the time the service was restored." \
	"closing needs the restoration"

out=$(m --lang zh incident close --restored "2026-11-26 01:40" --at "2026-11-26 02:00" \
	--root-cause "数据库磁盘已满" --data-loss "无" \
	--improvement "增加磁盘容量监控" --improvement "每季度演练数据库切换")
expect_eq "$(printf '%s\n' "$out" | sed -n 3,4p)" "服务于2026-11-26 01:40恢复（宣布后1小时50分钟）
2026-11-26 02:00关闭 · 根本原因：数据库磁盘已满 · 数据损失：无" \
	"close: restored and closed, in Chinese"
expect_eq "$(printf '%s\n' "$out" | sed -n 5p)" "已记入验证台账：自宣布至恢复用时1小时50分钟。" \
	"close: the recovery is said to be in the ledger"
expect_eq "$(m verify list --kind incident --csv | sed -n '2p' | cut -d, -f2-7)" \
	"2026-11-25 23:50,2026-11-26 01:40,Customer service system,incident,pass,110" \
	"the ledger holds the recovery, declaration to restoration"
expect_eq "$(sql "$db" "SELECT count(*) FROM verify_entry WHERE kind = 'incident' AND incident_id = 1")" 1 \
	"the ledger entry is linked to the incident"
expect_eq "$(printf '%s\n' "$out" | grep '4 恢复验证')" \
	"[ ] 4 恢复验证（恢复后1小时内）：应于2026-11-26 02:40前完成，还剩40分钟" \
	"close: verification counts from the restoration"
expect_eq "$(sql "$db" "SELECT group_concat(title || ' ' || phase || ' ' || item_key, ' | ')
	FROM plan_task WHERE title IN ('增加磁盘容量监控', '每季度演练数据库切换')")" \
	"增加磁盘容量监控 3 emergency_plan | 每季度演练数据库切换 3 emergency_plan" \
	"the improvements are programme tasks of the last phase, for item 6"
m incident log --what "after the close" --id 1 >/dev/null 2>"$TMPD/err"
expect_eq "$?:$(cat "$TMPD/err")" "1:moat: The incident is closed: its record is kept as it is." \
	"a closed incident takes no more entries"
m incident log --what "no open one" >/dev/null 2>"$TMPD/err"
expect_eq "$?:$(cat "$TMPD/err")" "1:moat: There is no open incident: give --id." \
	"without --id the open incident is meant"
m incident declare --system CRM >/dev/null 2>"$TMPD/err"
expect_eq "$?:$(head -n 1 "$TMPD/err")" "2:moat: incident declare needs --system and --level" \
	"declare needs a level"
m incident >/dev/null 2>"$TMPD/err"
expect_eq "$?:$(head -n 1 "$TMPD/err")" "2:moat: incident needs an action: declare, log, close or show" \
	"incident needs an action"
expect_eq "$(sql "$db" "SELECT count(*) FROM audit_log WHERE entity = 'incident'")" 7 \
	"every change is audited"
finish
