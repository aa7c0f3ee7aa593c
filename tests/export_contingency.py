#!/usr/bin/python3
"""Reads the contingency plans and registration forms sheets of a workbook
back and compares them with the database: a row per plan with its system,
scenario, trigger, last approved version (approver and day), last review,
the day its review falls due (12 months after the later of the two, the
last day of a shorter month) and whether its steps changed since; each
plan's steps in order with role and details, and for a changed plan the
lines added and removed since the approved snapshot; then each plan's
blank form: its columns in order, ruled rows, one form to a landscape A4
page.

usage: export_contingency.py WORKBOOK DB LANG TODAY"""
import calendar
import datetime
import sqlite3
import sys

import openpyxl

SHEETS = {"en": ("Contingency plans", "Registration forms"),
          "zh": ("业务应急方案", "应急服务登记表")}
TITLES = {"en": ("Business contingency plans",
                 "Emergency service registration form"),
          "zh": ("业务应急方案", "应急服务登记表")}
CHANGED = {"en": "changed since approval", "zh": "批准后已修改"}
FORM_ROWS = 12
BAD_FILL = "FFC7CE"

failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)


def add_months(day, n):
    y, m = divmod(day.month - 1 + n, 12)
    y += day.year
    m += 1
    return datetime.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def iso(s):
    return datetime.date.fromisoformat(s) if s else None


def plans(db, unit):
    out = []
    for (pid, system, scenario, trigger, simplified, notice,
         canon) in db.execute(
            "SELECT id, system, scenario, trigger_text, simplified, notice,"
            " canon FROM contingency WHERE unit_id = ? ORDER BY system",
            (unit,)):
        steps = db.execute("SELECT title, role, detail FROM cont_step WHERE"
                           " plan_id = ? ORDER BY position", (pid,)).fetchall()
        columns = [c for (c,) in db.execute(
            "SELECT title FROM cont_column WHERE plan_id = ? ORDER BY position",
            (pid,))]
        v = db.execute("SELECT version, approved_by, approved_on, snapshot"
                       " FROM cont_version WHERE plan_id = ? ORDER BY version"
                       " DESC LIMIT 1", (pid,)).fetchone()
        reviewed = None
        if v:
            r = db.execute("SELECT max(reviewed_on) FROM cont_review WHERE"
                           " plan_id = ? AND version = ?", (pid, v[0])).fetchone()
            reviewed = r[0]
        out.append(dict(system=system, scenario=scenario, trigger=trigger,
                        simplified=simplified, notice=notice, canon=canon,
                        steps=steps, columns=columns, version=v,
                        reviewed=reviewed))
    return out


def check_plans(ws, lang, ps, today):
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    expect(rows[0][0] == TITLES[lang][0], f"plans: title {rows[0][0]!r}")
    for i, p in enumerate(ps):
        row = ws[3 + i]
        cells = [c.value for c in row]
        expect(cells[0] == p["system"], f"plans: row {3 + i} is {cells[0]!r},"
               f" expected {p['system']!r}")
        expect(cells[1] == (p["scenario"] or None), f"{p['system']}: scenario")
        expect(cells[3] == (p["trigger"] or None), f"{p['system']}: trigger")
        v = p["version"]
        changed = bool(v) and v[3] != p["canon"]
        if v:
            approved = iso(v[2])
            last = max(approved, iso(p["reviewed"]) or approved)
            due = add_months(last, 12)
            expect(cells[4] == v[0], f"{p['system']}: version {cells[4]!r}")
            expect(cells[5] == v[1], f"{p['system']}: approver {cells[5]!r}")
            expect(cells[6] == v[2], f"{p['system']}: approved {cells[6]!r}")
            expect(cells[7] == p["reviewed"], f"{p['system']}: reviewed"
                   f" {cells[7]!r}")
            expect(cells[8] == due.isoformat(), f"{p['system']}: review due"
                   f" {cells[8]!r}, expected {due}")
            ok = not changed and due > today
        else:
            expect(cells[4] is None, f"{p['system']}: a version")
            ok = False
        expect((CHANGED[lang] in cells[9]) == changed,
               f"{p['system']}: state {cells[9]!r} (changed: {changed})")
        fill = row[9].fill.fgColor.rgb or ""
        expect(fill.endswith(BAD_FILL) != ok,
               f"{p['system']}: state colour {fill} (in order: {ok})")
        expect(cells[10] == len(p["steps"]), f"{p['system']}: steps")

        # The plan in full: its heading, then its steps' table.
        at = next((r for r, vals in enumerate(rows) if r > 2 + len(ps) and
                   vals[0] and p["system"] in str(vals[0])), None)
        expect(at is not None, f"{p['system']}: no section")
        if at is None:
            continue
        head = next(r for r in range(at, len(rows)) if rows[r][1] in
                    ("Step", "步骤"))
        got = [(rows[r][1], rows[r][3], rows[r][4] or "")
               for r in range(head + 1, head + 1 + len(p["steps"]))]
        want = [(t, role or None, d) for t, role, d in p["steps"]]
        expect(got == want, f"{p['system']}: steps {got} != {want}")
        after = head + 1 + len(p["steps"])
        lines = []
        if changed:
            lines = [rows[r][1] for r in range(after + 1, len(rows))
                     if rows[r][1] and rows[r][1][:2] in ("+ ", "- ")]
            old, new = v[3].split("\n"), p["canon"].split("\n")
            want_plus = {"+ " + l for l in new if l and l not in old}
            want_minus = {"- " + l for l in old if l and l not in new}
            got_set = set()
            for l in lines:
                if l in want_plus or l in want_minus:
                    got_set.add(l)
            expect(got_set == want_plus | want_minus,
                   f"{p['system']}: differences {lines}, expected"
                   f" {sorted(want_plus | want_minus)}")
    return True


def check_forms(ws, lang, ps, unit_name):
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    starts = [r for r, vals in enumerate(rows) if vals[0] == TITLES[lang][1]]
    expect(len(starts) == len(ps), f"forms: {len(starts)} forms for"
           f" {len(ps)} plans")
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    expect(breaks == starts[1:], f"forms: page breaks {breaks}, forms start"
           f" at {starts}")
    expect(ws.page_setup.orientation == "landscape", "forms: landscape")
    expect(ws.page_setup.paperSize == 9, "forms: A4")
    expect(ws.sheet_properties.pageSetUpPr.fitToPage and
           ws.page_setup.fitToWidth in (None, 1), "forms: one page wide")
    for p, at in zip(ps, starts):
        expect(unit_name in rows[at + 1][0] and p["system"] in rows[at + 1][0],
               f"forms: {rows[at + 1][0]!r} names unit and system")
        n = len(p["columns"])
        expect(rows[at + 3][:n] == p["columns"],
               f"forms: {p['system']}: columns {rows[at + 3][:n]} !="
               f" {p['columns']}")
        for r in range(at + 4, at + 4 + FORM_ROWS):
            cells = ws[r + 1][:n]
            expect(all(c.value is None for c in cells),
                   f"forms: row {r + 1} is not blank")
            expect(all(c.border.left.style == "thin" and
                       c.border.bottom.style == "thin" for c in cells),
                   f"forms: row {r + 1} is not ruled")


def main():
    path, dbpath, lang, today = sys.argv[1:5]
    today = datetime.date.fromisoformat(today)
    wb = openpyxl.load_workbook(path)
    db = sqlite3.connect(dbpath)
    unit, unit_name = db.execute(
        "SELECT id, name FROM org_unit ORDER BY id LIMIT 1").fetchone()
    ps = plans(db, unit)
    expect(len(ps) >= 2, f"the data holds {len(ps)} plans")
    for name in SHEETS[lang]:
        expect(name in wb.sheetnames, f"no sheet {name}: {wb.sheetnames}")
    if not failures:
        check_plans(wb[SHEETS[lang][0]], lang, ps, today)
        check_forms(wb[SHEETS[lang][1]], lang, ps, unit_name)
    if failures:
        print("\n".join(failures))
        return 1
    print(f"ok   {lang}: {len(ps)} plans and their forms as the data holds them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
