#!/usr/bin/python3
"""Reads the backups-and-verification sheet of a workbook exported by moat
back and checks it against the database.

Usage: export_verify.py WORKBOOK DB LANG TODAY

Worked out here from the database, independently of moat's C code: per
system of the current year, in the order entered, its RTO and RPO (the
analysis's roll-up, tests/export_bia.py), its plan's schedules, intervals
in minutes, real-time sync and retention, one line per copy, whether the
3-2-1 rule holds (the backups plus production make 3 copies, on 2 kinds of
medium, 1 off site), whether its backup interval (0 with real-time sync,
else the shortest one) is within the RPO, its last restore test or drill
(the newest by start) with its day, and whether it stands out (never
tested, last not passed, or more days ago than the unit's stale-days
setting, 35 unless set). Then every ledger entry of the unit, newest start
first, with its RTA, its system's RTO, and the verdict (missed when the
RTA is over the RTO), and the duty occurrence it completed by its due
day. Then the RTA trend: one row per measured entry, oldest first, in its
system's column, and one line chart over that table with a series per
system. Prints a summary line on success.
"""

import datetime
import os
import sqlite3
import sys
import urllib.parse

import openpyxl

from export_bia import NO, YES, Analysis
from read_workbook import (Mismatch, current_assessment, expect, parse_day,
                           sheet_charts, unquote_sheet, NS)

SHEET = {"en": "Backups and verification", "zh": "备份与验证"}
MET_321 = {"en": "3-2-1 met: ", "zh": "符合3-2-1原则："}
NOT_MET = {"en": "is not met", "zh": "达不到"}
MISSED = {"en": "missed by", "zh": "超出"}
MET = {"en": ": met", "zh": "：达标"}
NEVER = {"en": "never restore-tested", "zh": "从未做过恢复测试"}
TITLE = {"en": "Backups and verification {} · a restore test is stale after"
         " {} days", "zh": "{}年度备份与验证 · 恢复测试超过{}天视为过期"}
HEADER_ROW = 3  # 1-based: title, blank, header


def values(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def check(path, dbpath, lang, today):
    wb = openpyxl.load_workbook(path, data_only=True)
    db = sqlite3.connect("file:" + urllib.parse.quote(
        os.path.abspath(dbpath)) + "?mode=ro", uri=True)
    aid = current_assessment(db)
    unit, year = db.execute("SELECT unit_id, year FROM assessment WHERE id = ?",
                            (aid,)).fetchone()
    a = Analysis(db, aid)
    stale = db.execute("SELECT value FROM unit_param WHERE unit_id = ? AND"
                       " key = 'verify_stale_days'", (unit,)).fetchone()
    stale = int(stale[0]) if stale else 35
    expect(SHEET[lang] in wb.sheetnames, f"no sheet {SHEET[lang]!r}")
    ws = wb[SHEET[lang]]
    rows = values(ws)
    expect(rows[0][0] == TITLE[lang].format(year, stale),
           f"title {rows[0][0]!r}")
    entries = db.execute(
        "SELECT system, kind, result, started_at, rta, duty_event_id, id"
        " FROM verify_entry WHERE unit_id = ? ORDER BY started_at DESC,"
        " id DESC", (unit,)).fetchall()
    out = []
    r = HEADER_ROW
    targets = {}
    for sid, name, _ in a.systems:
        row = rows[r]
        r += 1
        rto, rpo = a.rto_of_system(sid), a.rpo_of_system(sid)
        rto, rpo = rto[0] if rto else None, rpo[0] if rpo else None
        targets[name] = (rto, rpo)
        expect(row[0] == name, f"system {row[0]!r}, expected {name!r}")
        expect(row[1] == rto and row[2] == rpo,
               f"{name}: RTO/RPO {row[1:3]}, expected {rto}/{rpo}")
        plan = db.execute("SELECT full_schedule, full_every, incr_schedule,"
                          " incr_every, realtime, retention FROM backup_plan"
                          " WHERE system_id = ?", (sid,)).fetchone()
        plan = plan or ("", None, "", None, 0, "")
        got = [row[3] or "", row[4], row[5] or "", row[6], row[7], row[8] or ""]
        want = [plan[0], plan[1], plan[2], plan[3],
                YES[lang] if plan[4] else NO[lang], plan[5]]
        expect(got == want, f"{name}: plan {got}, expected {want}")
        copies = db.execute("SELECT location, medium, offsite FROM backup_copy"
                            " WHERE system_id = ? ORDER BY id", (sid,)).fetchall()
        lines = (row[9] or "").split("\n") if row[9] else []
        expect(len(lines) == len(copies) and
               all(c[0] in l for c, l in zip(copies, lines)),
               f"{name}: copies {row[9]!r}, expected {copies}")
        met = (len(copies) + 1 >= 3 and len({c[1] for c in copies}) >= 2
               and any(c[2] for c in copies))
        expect(str(row[10]).startswith(MET_321[lang]) == met,
               f"{name}: 3-2-1 {row[10]!r}, rule met: {met}")
        intervals = [m for m in (plan[1], plan[3]) if m is not None]
        worst = 0 if plan[4] else (min(intervals) if intervals else None)
        too_long = worst is not None and rpo is not None and worst > rpo
        expect((NOT_MET[lang] in str(row[11])) == too_long,
               f"{name}: interval {row[11]!r}, worst {worst}, RPO {rpo}")
        tests = [e for e in entries if e[0] == name and
                 e[1] in ("restore", "drill")]
        last = tests[0] if tests else None
        if last is None:
            expect(row[12] is None and row[13] == NEVER[lang],
                   f"{name}: last test {row[12:14]}, expected never")
            out_ = True
        else:
            day = parse_day(last[3][:10])
            days = (today - day).days
            expect(row[12] == last[3][:10],
                   f"{name}: last test {row[12]!r}, expected {last[3][:10]}")
            out_ = last[2] != "pass" or days > stale
            if last[2] == "pass":
                expect(str(days) in str(row[13]),
                       f"{name}: freshness {row[13]!r}, {days} days")
        expect(row[14] == (YES[lang] if out_ else NO[lang]),
               f"{name}: stands out {row[14]!r}, expected {out_}")
        out.append(f"{name} {'!' if out_ else 'ok'}")
    # The ledger, after a blank row and its title.
    r += 2
    expect(rows[r][0] is not None and rows[r][2] is not None,
           f"ledger header row {rows[r]}")
    r += 1
    missed = 0
    for e in entries:
        row = rows[r]
        r += 1
        expect(row[0] == e[3] and row[2] == e[0] and row[5] == e[4],
               f"ledger row {row[:6]}, expected {e}")
        rto = targets.get(e[0], (None, None))[0]
        expect(row[6] == rto, f"ledger {e[0]}: RTO {row[6]}, expected {rto}")
        if e[4] is not None and rto is not None:
            m = e[4] > rto
            missed += m
            expect((MISSED[lang] in row[7]) == m and (MET[lang] in row[7]) != m,
                   f"ledger {e[0]} {e[3]}: {row[7]!r}, RTA {e[4]} RTO {rto}")
        if e[5]:
            due = db.execute("SELECT due_date FROM duty_event WHERE id = ?",
                             (e[5],)).fetchone()[0]
            expect(row[13] and due in row[13],
                   f"ledger {e[0]} {e[3]}: duty {row[13]!r}, due {due}")
        else:
            expect(row[13] is None, f"ledger {e[0]}: duty {row[13]!r}")
    # The trend table and its chart.
    r += 2
    head = rows[r]
    measured = [e for e in reversed(entries) if e[4] is not None]
    names = [n for _, n, _ in a.systems if any(e[0] == n for e in measured)]
    expect([h for h in head[1:] if h is not None] == names,
           f"trend header {head}, expected {names}")
    first = r + 2
    for e in measured:
        r += 1
        row = rows[r]
        col = 1 + names.index(e[0])
        expect(row[0] == e[3] and row[col] == e[4] and
               sum(v is not None for v in row[1:]) == 1,
               f"trend row {row[:len(names) + 1]}, expected {e}")
    last_row = r + 1
    charts = sheet_charts(path, SHEET[lang])
    expect(len(charts) == 1, f"{len(charts)} charts")
    part, chart = charts[0]
    expect(chart.find("c:chart/c:plotArea/c:lineChart", NS) is not None,
           f"{part} is not a line chart")
    series = chart.findall(".//c:ser", NS)
    expect(len(series) == len(names), f"{len(series)} series")
    for k, s in enumerate(series):
        cat = unquote_sheet(s.find("c:cat//c:f", NS).text)
        val = unquote_sheet(s.find("c:val//c:f", NS).text)
        col = chr(ord("A") + k + 1)
        expect(cat == (SHEET[lang], f"$A${first}:$A${last_row}") and
               val == (SHEET[lang], f"${col}${first}:${col}${last_row}"),
               f"series {k}: {cat} {val}")
    db.close()
    return (f"{len(a.systems)} systems ({', '.join(out)}); {len(entries)}"
            f" ledger entries, {missed} over the RTO; {len(names)} series")


def main(argv):
    if len(argv) != 5 or argv[3] not in SHEET:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path, dbpath, lang, day = argv[1:5]
    try:
        today = parse_day(day)
        expect(isinstance(today, datetime.date), f"TODAY {day!r}")
        said = check(path, dbpath, lang, today)
    except Mismatch as e:
        print(f"export_verify: {path}: {e}", file=sys.stderr)
        return 1
    print(f"OK {path}: {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
