#!/usr/bin/python3
"""Reads the emergency response sheets of a workbook back and compares them
with the database and with `moat card`: the card sheet holds the card's
lines exactly as printed, set for one A4 page; the contacts sheet every
contact in escalation order with its flags; the incidents sheet every
incident with its times, the minutes to restore, the cause and the
improvements, and every log entry.

usage: export_response.py WORKBOOK DB LANG TODAY CARD_TEXT_FILE"""
import datetime
import sqlite3
import sys

import openpyxl

SHEETS = {
    "en": ["Response card", "Contacts", "Incidents"],
    "zh": ["应急响应流程卡", "应急联系人", "应急事件"],
}
YES = {"en": ("yes", "no"), "zh": ("是", "否")}
ROMAN = ["I", "II", "III", "IV"]

failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)


def levels_text(bits):
    if bits == 15:
        return "I-IV"
    return "/".join(r for i, r in enumerate(ROMAN) if bits & (1 << i))


def main():
    path, dbpath, lang, today, card_file = sys.argv[1:6]
    wb = openpyxl.load_workbook(path)
    db = sqlite3.connect(dbpath)
    card_name, contacts_name, incidents_name = SHEETS[lang]
    at = wb.sheetnames.index(card_name) if card_name in wb.sheetnames else -1
    expect(at >= 0 and wb.sheetnames[at:at + 3] == SHEETS[lang],
           f"sheets {wb.sheetnames}")

    ws = wb[card_name]
    want = open(card_file, encoding="utf-8").read().rstrip("\n").split("\n")
    got = [ws.cell(row=r, column=1).value or "" for r in range(1, ws.max_row + 1)]
    expect(got == want, "card: the sheet's lines differ from `moat card`:\n" +
           "\n".join(f"  {a!r} | {b!r}" for a, b in zip(got, want) if a != b))
    expect(ws.page_setup.paperSize == 9, "card: A4 paper")
    expect(ws.page_setup.orientation == "portrait", "card: portrait")
    expect(ws.sheet_properties.pageSetUpPr.fitToPage, "card: fit to page")
    expect(ws.page_setup.fitToWidth in (None, 1) and
           ws.page_setup.fitToHeight in (None, 1), "card: one page")
    expect(ws.print_area == [f"$A$1:$A${len(want)}"],
           f"card: print area {ws.print_area}")
    expect(ws["A1"].font.name == "Courier New", "card: a fixed-width font")

    ws = wb[contacts_name]
    unit = db.execute("SELECT id FROM org_unit ORDER BY id LIMIT 1").fetchone()[0]
    days = db.execute("SELECT value FROM unit_param WHERE unit_id = ? AND key ="
                      " 'response.confirm_days'", (unit,)).fetchone()
    days = int(days[0]) if days else 90
    rows = db.execute("SELECT rank, role, name, phone, phone2, alternate,"
                      " levels, confirmed_on, placeholder FROM response_contact"
                      " WHERE unit_id = ? ORDER BY rank, id", (unit,)).fetchall()
    t = datetime.date.fromisoformat(today)
    yes, no = YES[lang]
    for i, (rank, role, name, phone, phone2, alt, lv, conf, ph) in enumerate(rows):
        got = [c.value for c in ws[3 + i]][:10]
        stale = not conf or (t - datetime.date.fromisoformat(conf)).days > days
        expect(got[0] == rank and got[2] == name and got[3] == phone and
               (got[4] or "") == phone2 and (got[5] or "") == alt and
               got[6] == levels_text(lv) and (got[7] or "") == conf and
               got[8] == (yes if stale else no) and
               got[9] == (yes if ph else no),
               f"contacts: row {i + 3} {got} for {name}")
        expect(got[1] and (role not in ("it_lead", "business_lead", "commander")
                           or got[1] != role), f"contacts: role of {name} {got[1]}")
    expect(ws.max_row == 2 + len(rows), f"contacts: {ws.max_row - 2} rows")

    ws = wb[incidents_name]
    incs = db.execute("SELECT id, system, level, declared_at, restored_at,"
                      " closed_at, root_cause, data_loss FROM incident WHERE"
                      " unit_id = ? ORDER BY declared_at DESC, id DESC",
                      (unit,)).fetchall()
    for i, (iid, system, level, decl, rest, closed, cause, loss) in enumerate(incs):
        got = [c.value for c in ws[2 + i]][:10]
        minutes = None
        if rest:
            d0 = datetime.datetime.strptime(decl, "%Y-%m-%d %H:%M")
            d1 = datetime.datetime.strptime(rest, "%Y-%m-%d %H:%M")
            minutes = int((d1 - d0).total_seconds() // 60)
        imps = "\n".join(r[0] for r in db.execute(
            "SELECT text FROM incident_improvement WHERE incident_id = ?"
            " ORDER BY id", (iid,)))
        expect(got[:9] == [iid, system, ROMAN[level - 1], decl, rest or None,
                           minutes, closed or None, cause or None, loss or None]
               and (got[9] or "") == imps, f"incidents: row {i + 2} {got}")
    log_head = 3 + len(incs)
    entries = db.execute("SELECT l.incident_id, l.at, l.who FROM incident_log l"
                         " JOIN incident i ON i.id = l.incident_id WHERE"
                         " i.unit_id = ? ORDER BY i.declared_at DESC, i.id DESC,"
                         " l.at, l.id", (unit,)).fetchall()
    for k, (iid, at, who) in enumerate(entries):
        got = [c.value for c in ws[log_head + 1 + k]][:3]
        expect(got == [iid, at, who], f"incidents: log row {log_head + 1 + k} {got}")
    expect(ws.max_row == log_head + len(entries),
           f"incidents: {ws.max_row} rows, expected {log_head + len(entries)}")

    for f in failures:
        print("FAIL " + f)
    if not failures:
        print(f"ok   {lang}: card, {len(rows)} contacts, {len(incs)} incidents"
              f" and {len(entries)} log entries read back")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
