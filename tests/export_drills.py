#!/usr/bin/python3
"""Reads the drills sheet of a workbook exported by moat back and checks it
against the database.

Usage: export_drills.py WORKBOOK DB LANG TODAY

Worked out here from the database (sqlite3) and the reference file
(questionnaires/LANG/drill.yaml, read with PyYAML), independently of moat's
C code: per drill of the current unit, the latest held first, its date,
the type's name, the scenario, the systems in scope by name, the RTA (the
minutes from the recovery mark to the restored mark), the strictest RTO
of its systems (as the BIA sheet states them: the systems sheet's required
RTO), met or missed, the checks passed of nine, each of the nine answers
(yes/no, empty when not assessed), the interruption, the complaints and
the loss in currency units; then every finding with its drill, severity,
owner, due date and whether it is open (its own status, or its task's
when it became one) on TODAY.
"""

import datetime
import os
import sqlite3
import sys

import openpyxl
import yaml

WORDS = {
    "en": {"sheet": "Drills", "systems": "Systems and DR levels",
           "yes": "yes", "no": "no", "met": "met", "missed": "missed",
           "low": "low", "medium": "medium", "high": "high",
           "open": "open", "done": "done", "overdue": "overdue", "sep": ", "},
    "zh": {"sheet": "应急演练", "systems": "系统与灾备等级",
           "yes": "是", "no": "否", "met": "达标", "missed": "未达标",
           "low": "低", "medium": "中", "high": "高",
           "open": "未完成", "done": "已完成", "overdue": "已逾期", "sep": "、"},
}
CHECKS = ["rto_met", "rpo_met", "switchover_ok", "data_complete",
          "functions_ok", "response_in_time", "teams_coordinated",
          "key_people", "plan_complete"]


def minutes(a, b):
    if not a or not b:
        return None
    fmt = "%Y-%m-%d %H:%M"
    d = datetime.datetime.strptime(b, fmt) - datetime.datetime.strptime(a, fmt)
    return int(d.total_seconds() // 60)


def required_rto(con, system):
    """The strictest RTO of the current year's critical processes that use
    the system (None when none has one)."""
    return con.execute(
        "SELECT min(p.rto) FROM bia_process p JOIN bia_use u ON u.process_id"
        " = p.id JOIN bia_system y ON y.id = u.system_id JOIN setting s ON"
        " s.key = 'current_assessment' WHERE y.assessment_id ="
        " CAST(s.value AS INTEGER) AND y.name = ? AND p.critical = 1",
        (system,)).fetchone()[0]


def main():
    book, db, lang, today = sys.argv[1:5]
    w = WORDS["zh" if lang.startswith("zh") else "en"]
    lang = "zh" if lang.startswith("zh") else "en"
    here = os.path.dirname(os.path.abspath(__file__))
    ref = yaml.safe_load(open(os.path.join(
        here, "..", "questionnaires", "zh_CN" if lang == "zh" else "en",
        "drill.yaml"), encoding="utf-8"))
    names = {t["key"]: t["name"] for t in ref["types"]}
    con = sqlite3.connect(db)
    unit = con.execute(
        "SELECT a.unit_id FROM assessment a JOIN setting s ON s.key ="
        " 'current_assessment' AND a.id = CAST(s.value AS INTEGER)").fetchone()[0]
    wb = openpyxl.load_workbook(book)
    ws = wb[w["sheet"]]
    rows = list(ws.iter_rows(values_only=True))
    drills = con.execute(
        "SELECT id, held_on, type_key, scenario, recovery_at, restored_at, "
        + ", ".join(CHECKS) + ", interruption, complaints, loss FROM drill"
        " WHERE unit_id = ? ORDER BY held_on DESC, id DESC", (unit,)).fetchall()
    problems = []
    got = rows[3:3 + len(drills)]
    for d, r in zip(drills, got):
        systems = [x[0] for x in con.execute(
            "SELECT system FROM drill_system WHERE drill_id = ? ORDER BY system",
            (d[0],))]
        rta = minutes(d[4], d[5])
        rtos = [required_rto(con, s) for s in systems]
        rtos = [x for x in rtos if x is not None]
        rto = min(rtos) if rtos else None
        verdict = None
        if rta is not None and rto is not None:
            verdict = w["met"] if rta <= rto else w["missed"]
        answers = [None if v is None else (w["yes"] if v else w["no"])
                   for v in d[6:15]]
        passed = "%d/9" % sum(1 for v in d[6:15] if v == 1)
        loss = None if d[17] is None else d[17] / 100
        want = (d[1], names[d[2]], d[3] or None,
                w["sep"].join(systems) or None, rta, rto, verdict, passed,
                *answers, d[15], d[16], loss)
        if tuple(r[:len(want)]) != want:
            problems.append("drill %d: got %r, want %r" % (d[0], r, want))
    if len(got) != len(drills):
        problems.append("%d drill rows, want %d" % (len(got), len(drills)))
    findings = con.execute(
        "SELECT d.held_on, d.type_key, f.text, f.severity, f.owner,"
        " f.due_date, f.status, t.status FROM drill d JOIN drill_finding f"
        " ON f.drill_id = d.id LEFT JOIN plan_task t ON t.id = f.task_id"
        " WHERE d.unit_id = ? ORDER BY d.held_on DESC, d.id DESC, f.id",
        (unit,)).fetchall()
    start = 3 + len(drills) + 3
    frows = [r for r in rows[start:] if r and r[0]]
    for f, r in zip(findings, frows):
        is_open = f[6] == "open" and f[7] != "done"
        state = w["done"] if not is_open else (
            w["overdue"] if f[5] and f[5] < today else w["open"])
        if r[6].split(" · ")[0] != state or tuple(r[:6]) != (
                f[0], names[f[1]], f[2], w[f[3]], f[4] or None, f[5] or None):
            problems.append("finding %r: got %r, state %s" % (f[2], r, state))
    if len(frows) != len(findings):
        problems.append("%d finding rows, want %d" % (len(frows), len(findings)))
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("%s: %d drills and %d findings match" % (lang, len(drills),
                                                   len(findings)))


main()
