#!/usr/bin/python3
"""Reads a workbook exported by moat back and checks it against the database.

Usage: read_workbook.py WORKBOOK DB LANG [EXPECTED_LEVEL [EXPORTED_AT]]

LANG is en or zh. The workbook is read with openpyxl (cached values) and the
database with Python's sqlite3, independently of moat's C code. The level
names, risks and item keys come from the questionnaire YAML files found in
$MOAT_DATADIR (else ../questionnaires beside this script), read line by
line. Prints one OK line; exits 1 with the first mismatch.
"""

import os
import re
import sqlite3
import sys
import urllib.parse

import openpyxl

SHEETS = {"en": ["Summary", "Checklist"], "zh": ["概要", "检查清单"]}
LANG_DIRS = {"en": "en", "zh": "zh_CN"}
STATES = {
    "en": ["not started", "in progress", "done"],
    "zh": ["未开始", "进行中", "已完成"],
}
ASSESS_STATUS = {
    "en": {"draft": "draft", "final": "final"},
    "zh": {"draft": "草稿", "final": "已定稿"},
}
TITLE = {"en": "Business continuity assessment", "zh": "业务连续性评估"}
LABELS = {
    "en": {
        "org": "Organisation",
        "year": "Year",
        "status": "Status",
        "level": "Maturity level",
        "level_name": "Level name",
        "risk": "Risk",
        "done": "Checklist items done",
        "in_progress": "Checklist items in progress",
        "not_started": "Checklist items not started",
        "blocking": "Blocking the next level",
        "exported": "Exported",
    },
    "zh": {
        "org": "组织",
        "year": "年度",
        "status": "状态",
        "level": "成熟度等级",
        "level_name": "等级名称",
        "risk": "风险",
        "done": "已完成检查项",
        "in_progress": "进行中检查项",
        "not_started": "未开始检查项",
        "blocking": "阻碍下一级",
        "exported": "导出时间",
    },
}
HEADERS = {
    "en": ["#", "Key", "Item", "Question", "State", "Evidence count",
           "Latest evidence", "Latest evidence date", "Owner"],
    "zh": ["序号", "标识", "检查项", "检查内容", "状态", "证据数",
           "最新证据", "最新证据日期", "负责人"],
}


class Mismatch(Exception):
    pass


def expect(cond, what):
    if not cond:
        raise Mismatch(what)


def text(v):
    """A cell's text: empty cells read as ""."""
    return "" if v is None else str(v)


def as_int(v, what):
    expect(isinstance(v, (int, float)) and not isinstance(v, bool)
           and float(v).is_integer(), f"{what}: {v!r} is not a whole number")
    return int(v)


def unquote(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"":
        return s[1:-1]
    return s


def questionnaire(lang):
    """Item keys and (name, risk) per level, or None when not found."""
    base = os.environ.get("MOAT_DATADIR") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "questionnaires")
    d = os.path.join(base, LANG_DIRS[lang])
    try:
        with open(os.path.join(d, "checklist.yaml"), encoding="utf-8") as f:
            checklist = f.read().splitlines()
        with open(os.path.join(d, "maturity.yaml"), encoding="utf-8") as f:
            maturity = f.read().splitlines()
    except OSError:
        return None
    keys = [unquote(m.group(1)) for m in
            (re.match(r"^  - key:\s*(.+)$", l) for l in checklist) if m]
    levels = {}
    current = None
    for line in maturity:
        m = re.match(r"^  - level:\s*(\d+)\s*$", line)
        if m:
            current = levels.setdefault(int(m.group(1)), {})
            continue
        m = re.match(r"^    (name|risk):\s*(.+)$", line)
        if m and current is not None:
            current[m.group(1)] = unquote(m.group(2))
    return keys, levels


def current_assessment(db):
    row = db.execute("SELECT value FROM setting"
                     " WHERE key = 'current_assessment'").fetchone()
    if row is not None:
        return int(row[0])
    ids = [r[0] for r in db.execute("SELECT id FROM assessment")]
    expect(len(ids) == 1,
           f"no current_assessment setting and {len(ids)} assessments")
    return ids[0]


def summary_values(ws, lang):
    """Label -> list of values in column B (one label may have several
    rows: the blocking gaps continue below with column A empty)."""
    labels = LABELS[lang]
    by_text = {v: k for k, v in labels.items()}
    found = {}
    last = None
    for a, b in ws.iter_rows(min_row=2, max_col=2, values_only=True):
        if a is not None:
            expect(text(a) in by_text, f"summary: unknown label {a!r}")
            last = by_text[text(a)]
            expect(last not in found, f"summary: label {a!r} twice")
            found[last] = [b]
        elif b is not None:
            expect(last == "blocking",
                   f"summary: value {b!r} without a label")
            found[last].append(b)
    for key, label in labels.items():
        expect(key in found, f"summary: no row labelled {label!r}")
    return found


def check_summary(ws, db, aid, lang, expected_level, exported_at, q):
    expect(text(ws["A1"].value) == TITLE[lang],
           f"summary A1: {ws['A1'].value!r}, expected {TITLE[lang]!r}")
    v = summary_values(ws, lang)
    name, year, status = db.execute(
        "SELECT u.name, a.year, a.status FROM assessment a"
        " JOIN org_unit u ON u.id = a.unit_id WHERE a.id = ?",
        (aid,)).fetchone()
    expect(text(v["org"][0]) == name,
           f"organisation: {v['org'][0]!r}, database has {name!r}")
    expect(as_int(v["year"][0], "year") == year,
           f"year: {v['year'][0]!r}, database has {year}")
    want = ASSESS_STATUS[lang][status]
    expect(text(v["status"][0]) == want,
           f"status: {v['status'][0]!r}, expected {want!r}")

    level = as_int(v["level"][0], "maturity level")
    expect(1 <= level <= 5, f"maturity level {level} not in 1..5")
    if expected_level is not None:
        expect(level == expected_level,
               f"maturity level {level}, expected {expected_level}")
    if q is not None:
        lv = q[1].get(level, {})
        expect(text(v["level_name"][0]) == lv.get("name"),
               f"level name {v['level_name'][0]!r},"
               f" questionnaire has {lv.get('name')!r}")
        expect(text(v["risk"][0]) == lv.get("risk"),
               f"risk {v['risk'][0]!r}, questionnaire has {lv.get('risk')!r}")
    else:
        expect(text(v["level_name"][0]) and text(v["risk"][0]),
               "level name or risk empty")

    blocking = [text(b) for b in v["blocking"]]
    expect(all(blocking), "blocking: empty row")
    if level == 5:
        expect(len(blocking) == 1, "level 5 but gaps listed")

    if exported_at is not None:
        expect(text(v["exported"][0]) == exported_at,
               f"exported: {v['exported'][0]!r}, expected {exported_at!r}")
    return level, {k: as_int(v[k][0], k)
                   for k in ("done", "in_progress", "not_started")}, blocking


def check_checklist(ws, db, aid, lang, q):
    rows = list(ws.iter_rows(values_only=True))
    expect(len(rows) >= 1, "checklist: no header row")
    header = [text(c) for c in rows[0][:len(HEADERS[lang])]]
    expect(header == HEADERS[lang],
           f"checklist header {header}, expected {HEADERS[lang]}")
    items = [r for r in rows[1:] if any(c is not None for c in r)]
    expect(len(items) == 10, f"checklist: {len(items)} item rows, expected 10")
    expect(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"),
           f"checklist: autofilter {ws.auto_filter.ref!r}")

    states = dict(db.execute(
        "SELECT item_key, state FROM item_state WHERE assessment_id = ?",
        (aid,)))
    counts = {"done": 0, "in_progress": 0, "not_started": 0}
    keys = []
    for n, row in enumerate(items, start=1):
        cells = list(row) + [None] * (9 - len(row))
        no, key, title, question, state, count, latest, latest_date, owner = \
            cells[:9]
        where = f"checklist row {n + 1}"
        expect(as_int(no, f"{where} number") == n,
               f"{where}: number {no!r}, expected {n}")
        key = text(key)
        expect(key, f"{where}: no key")
        keys.append(key)
        expect(text(title) and text(question), f"{where}: no title/question")

        s = states.get(key, 0)
        counts[("not_started", "in_progress", "done")[s]] += 1
        expect(text(state) == STATES[lang][s],
               f"{where} ({key}): state {state!r},"
               f" database state {s} = {STATES[lang][s]!r}")

        want = db.execute("SELECT count(*) FROM evidence"
                          " WHERE assessment_id = ? AND target = ?",
                          (aid, key)).fetchone()[0]
        expect(as_int(count, f"{where} evidence count") == want,
               f"{where} ({key}): evidence count {count!r}, database {want}")

        ev = db.execute("SELECT body, evidence_date, owner FROM evidence"
                        " WHERE assessment_id = ? AND target = ?"
                        " ORDER BY evidence_date DESC, id DESC LIMIT 1",
                        (aid, key)).fetchone() or ("", "", "")
        got = (text(latest), text(latest_date), text(owner))
        expect(got == tuple(ev),
               f"{where} ({key}): latest evidence {got!r}, database {ev!r}")
    expect(len(set(keys)) == len(keys), f"checklist: duplicate keys {keys}")
    if q is not None:
        expect(keys == q[0],
               f"checklist keys {keys}, questionnaire order {q[0]}")
    return counts


def main(argv):
    if len(argv) not in (4, 5, 6) or argv[3] not in SHEETS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path, dbpath, lang = argv[1:4]
    expected_level = int(argv[4]) if len(argv) > 4 and argv[4] else None
    exported_at = argv[5] if len(argv) > 5 else None

    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception as e:  # openpyxl raises many kinds on a bad file
        print(f"read_workbook: {path}: cannot read: {e}", file=sys.stderr)
        return 1
    db = None
    try:
        db = sqlite3.connect("file:" + urllib.parse.quote(
            os.path.abspath(dbpath)) + "?mode=ro", uri=True)
        expect(wb.sheetnames == SHEETS[lang],
               f"sheets {wb.sheetnames}, expected {SHEETS[lang]}")
        q = questionnaire(lang)
        if q is None:
            print("read_workbook: questionnaire files not found; level name,"
                  " risk and item order not checked", file=sys.stderr)
        aid = current_assessment(db)
        level, summary_counts, blocking = check_summary(
            wb[SHEETS[lang][0]], db, aid, lang, expected_level, exported_at,
            q)
        counts = check_checklist(wb[SHEETS[lang][1]], db, aid, lang, q)
        expect(summary_counts == counts,
               f"summary counts {summary_counts}, checklist {counts}")
    except Mismatch as e:
        print(f"read_workbook: {path}: {e}", file=sys.stderr)
        return 1
    except sqlite3.Error as e:
        print(f"read_workbook: {dbpath}: {e}", file=sys.stderr)
        return 1
    finally:
        if db is not None:
            db.close()
    print(f"OK {path}: {lang}, level {level}, 10 items,"
          f" {counts['done']} done, {len(blocking)} blocking row(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
