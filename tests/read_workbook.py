#!/usr/bin/python3
"""Reads a workbook exported by moat back and checks it against the database.

Usage: read_workbook.py WORKBOOK DB LANG [EXPECTED_LEVEL [EXPORTED_AT]]

LANG is en or zh. The workbook is read with openpyxl (cached values), its
chart as raw XML from the zip, and the database with Python's sqlite3,
independently of moat's C code. The level names, risks, items and criteria
come from the questionnaire YAML files found in $MOAT_DATADIR (else
../questionnaires beside this script), read line by line (and compared with
PyYAML's reading when python3-yaml is installed).

Sheets: Summary and Checklist against the database; Maturity: one row per
criterion (one for a level without criteria), answers from the database and
"Met" from the maturity rule worked out here; Year over year: one row per
year of the unit with its level, a native chart of those cells, and the
previous year compared with the current one item by item and criterion by
criterion. EXPORTED_AT is the day evidence validity is judged on for a
draft (a finalised year is judged on the day it was finalised); without it
the checks that need validity are left out.

Prints one OK line; exits 1 with the first mismatch.
"""

import calendar
import datetime
import os
import posixpath
import re
import sqlite3
import sys
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

SHEETS = {
    "en": ["Summary", "Checklist", "Maturity", "Year over year"],
    "zh": ["概要", "检查清单", "成熟度", "逐年对比"],
}
STATE_KEYS = ["not_started", "in_progress", "done"]
ANSWER_KEYS = ["unanswered", "not_met", "partly", "met", "na"]
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
ANSWERS = {
    "en": ["not assessed", "not met", "partly met", "met", "not applicable"],
    "zh": ["未评估", "未满足", "部分满足", "满足", "不适用"],
}
YES_NO = {"en": ("yes", "no"), "zh": ("是", "否")}
NO_CRITERIA = {"en": "the starting point: no criteria", "zh": "起点:无评估标准"}
MATURITY_HEADERS = {
    "en": ["Level", "Level name", "Risk", "Criterion", "Answer", "Met",
           "Relies on items", "Items must be", "Own evidence",
           "Valid evidence", "Expired evidence", "Gaps"],
    "zh": ["等级", "等级名称", "风险", "评估标准", "评估结果", "是否满足",
           "依赖检查项", "检查项须达到", "标准自身证据", "有效证据", "过期证据",
           "差距"],
}
TREND_TITLE = {"en": "Maturity level by year", "zh": "历年成熟度等级"}
TREND_HEADERS = {
    "en": ["Year", "Level", "Level name", "Risk", "Status"],
    "zh": ["年度", "等级", "等级名称", "风险", "状态"],
}
CMP_TITLE = {"en": "Changes from {} to {}", "zh": "{}年至{}年的变化"}
NO_PREVIOUS = {"en": "No earlier year to compare with.",
               "zh": "没有可对比的上一年度。"}
COUNTS_HEADER = {"en": ["Change", "Checklist items", "Criteria"],
                 "zh": ["变化", "检查项", "评估标准"]}
CHANGES = {
    "en": {"improved": "improved", "new": "new", "regressed": "regressed",
           "unchanged": "unchanged"},
    "zh": {"improved": "改进", "new": "新增", "regressed": "退步",
           "unchanged": "不变"},
}
COUNT_ORDER = ["improved", "new", "regressed", "unchanged"]
ITEM_CMP_HEADER = {
    "en": ["#", "Item", "State {}", "State {}", "Change"],
    "zh": ["序号", "检查项", "{}年状态", "{}年状态", "变化"],
}
CRIT_CMP_HEADER = {
    "en": ["Level", "Criterion", "Result {}", "Result {}", "Change"],
    "zh": ["等级", "评估标准", "{}年结果", "{}年结果", "变化"],
}
RANKS = {"en": ["not met", "partly", "met"], "zh": ["未满足", "部分", "满足"]}


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


class Questionnaire:
    """Items (keys, titles), levels (number -> name, risk) and criteria
    (dicts: key, text, level, relies_on as item keys, min_state as 0..2),
    in file order."""

    def __init__(self, keys, titles, levels, criteria):
        self.keys = keys
        self.titles = titles
        self.levels = levels
        self.criteria = criteria

    def as_tuple(self):
        return self.keys, self.titles, self.levels, self.criteria


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def block_value(lines, i, value):
    """The scalar of the key on lines[i]: a plain or quoted value, or a
    folded / literal block on the deeper indented lines after it. Returns
    the text and the index of its last line."""
    if value not in (">", ">-", "|", "|-"):
        return unquote(value), i
    ind = indent_of(lines[i])
    parts = []
    j = i + 1
    while j < len(lines) and (not lines[j].strip()
                              or indent_of(lines[j]) > ind):
        parts.append(lines[j].strip())
        j += 1
    return (" " if value[0] == ">" else "\n").join(parts).strip(), j - 1


def flow_list(value):
    """Items of a flow sequence like "[a, b]"."""
    value = value.strip()
    expect(value.startswith("[") and value.endswith("]"),
           f"questionnaire: cannot read list {value!r}")
    return [unquote(v) for v in value[1:-1].split(",") if v.strip()]


def read_checklist(lines):
    keys, titles = [], []
    for i, line in enumerate(lines):
        m = re.match(r"^  - key:\s*(.+)$", line)
        if m:
            keys.append(unquote(m.group(1)))
            titles.append(None)
            continue
        m = re.match(r"^    title:\s*(.+)$", line)
        if m and keys:
            titles[-1] = block_value(lines, i, m.group(1).strip())[0]
    return keys, titles


def read_maturity(lines):
    levels, criteria = {}, []
    current = None
    level_no = None
    crit = None
    for i, line in enumerate(lines):
        m = re.match(r"^  - level:\s*(\d+)\s*$", line)
        if m:
            level_no = int(m.group(1))
            current = levels.setdefault(level_no, {})
            crit = None
            continue
        m = re.match(r"^    (name|risk):\s*(.+)$", line)
        if m and current is not None:
            current[m.group(1)] = block_value(lines, i, m.group(2).strip())[0]
            continue
        m = re.match(r"^      - key:\s*(.+)$", line)
        if m and level_no is not None:
            crit = {"key": unquote(m.group(1)), "text": None,
                    "level": level_no, "relies_on": [],
                    "min_state": STATE_KEYS.index("done")}
            criteria.append(crit)
            continue
        m = re.match(r"^        (text|relies_on|min_state):\s*(.*)$", line)
        if m and crit is not None:
            field, value = m.group(1), m.group(2).strip()
            if field == "text":
                crit["text"] = block_value(lines, i, value)[0]
            elif field == "relies_on":
                crit["relies_on"] = flow_list(value)
            else:
                expect(unquote(value) in STATE_KEYS,
                       f"questionnaire: min_state {value!r}")
                crit["min_state"] = STATE_KEYS.index(unquote(value))
    return levels, criteria


def read_with_pyyaml(checklist, maturity):
    """The same as the line reader gives, read by PyYAML; None when
    python3-yaml is not installed."""
    try:
        import yaml
    except ImportError:
        return None
    c = yaml.safe_load(checklist)
    m = yaml.safe_load(maturity)
    keys = [str(it["key"]) for it in c["items"]]
    titles = [str(it["title"]) for it in c["items"]]
    levels, criteria = {}, []
    for lv in m["levels"]:
        levels[int(lv["level"])] = {"name": str(lv["name"]),
                                    "risk": str(lv["risk"])}
        for cr in lv.get("criteria") or []:
            criteria.append({
                "key": str(cr["key"]), "text": str(cr["text"]),
                "level": int(lv["level"]),
                "relies_on": [str(k) for k in cr.get("relies_on") or []],
                "min_state": STATE_KEYS.index(cr.get("min_state", "done")),
            })
    return Questionnaire(keys, titles, levels, criteria)


def questionnaire(lang):
    """The questionnaire of lang, or None when its files are not found."""
    base = os.environ.get("MOAT_DATADIR") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "questionnaires")
    d = os.path.join(base, LANG_DIRS[lang])
    try:
        with open(os.path.join(d, "checklist.yaml"), encoding="utf-8") as f:
            checklist = f.read()
        with open(os.path.join(d, "maturity.yaml"), encoding="utf-8") as f:
            maturity = f.read()
    except OSError:
        return None
    keys, titles = read_checklist(checklist.splitlines())
    levels, criteria = read_maturity(maturity.splitlines())
    q = Questionnaire(keys, titles, levels, criteria)
    expect(keys and all(titles) and all(c["text"] for c in criteria)
           and all(k in keys for c in criteria for k in c["relies_on"]),
           f"questionnaire in {d}: items or criteria not understood")
    other = read_with_pyyaml(checklist, maturity)
    expect(other is None or other.as_tuple() == q.as_tuple(),
           f"questionnaire in {d}: the line reader and PyYAML disagree")
    return q


def add_months(d, n):
    """d plus n months, the day clamped to the month's end."""
    idx = d.year * 12 + (d.month - 1) + n
    y, m = divmod(idx, 12)
    m += 1
    return datetime.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def parse_day(s):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


class Year:
    """One assessment as the database has it, scored here on the maturity
    rule when the day to judge evidence on is known."""

    def __init__(self, db, aid, q, today):
        row = db.execute("SELECT year, status, finalised_at, unit_id"
                         " FROM assessment WHERE id = ?", (aid,)).fetchone()
        expect(row is not None, f"assessment {aid} not in the database")
        self.aid = aid
        self.year, self.status, finalised_at, self.unit_id = row
        # A finalised year is judged on the day it was finalised.
        self.day = today
        if self.status == "final":
            self.day = parse_day((finalised_at or "")[:10]) or today
        by_key = dict(db.execute(
            "SELECT item_key, state FROM item_state WHERE assessment_id = ?",
            (aid,)))
        self.states = [by_key.get(k, 0) for k in q.keys] if q else None
        self.answers = {}
        for key, answer, reason in db.execute(
                "SELECT criterion_key, answer, reason FROM criterion_answer"
                " WHERE assessment_id = ?", (aid,)):
            if answer in ANSWER_KEYS:
                self.answers[key] = (answer, bool(reason))
        self.ev_all, self.ev_valid, self.ev_expired = {}, {}, {}
        for target, day, months in db.execute(
                "SELECT target, evidence_date, valid_months FROM evidence"
                " WHERE assessment_id = ?", (aid,)):
            self.ev_all[target] = self.ev_all.get(target, 0) + 1
            if self.day is None:
                continue
            start = parse_day(day)
            valid = start is not None and \
                (add_months(start, months) - self.day).days > 0
            which = self.ev_valid if valid else self.ev_expired
            which[target] = which.get(target, 0) + 1
        self.satisfied = self.level = None
        if q is not None and self.day is not None:
            self.score(q)

    def answer(self, crit):
        return self.answers.get(crit["key"], ("unanswered", False))[0]

    def score(self, q):
        """The maturity rule: a criterion is satisfied when it is "not
        applicable" with a reason, or is not answered "not met"/"partly",
        its items have reached min_state, and there is valid evidence (on
        the criterion, else on every item it relies on); unanswered
        criteria without items need "met". Level: every criterion of it
        and below satisfied, from 1."""
        index = {k: i for i, k in enumerate(q.keys)}
        self.satisfied = []
        for c in q.criteria:
            answer, has_reason = self.answers.get(c["key"],
                                                  ("unanswered", False))
            if answer == "na":
                self.satisfied.append(has_reason)
                continue
            ok = answer not in ("not_met", "partly")
            if answer == "unanswered" and not c["relies_on"]:
                ok = False
            if any(self.states[index[k]] < c["min_state"]
                   for k in c["relies_on"]):
                ok = False
            if self.ev_valid.get(c["key"], 0) == 0:
                if not c["relies_on"] or any(
                        self.ev_valid.get(k, 0) == 0 for k in c["relies_on"]):
                    ok = False
            self.satisfied.append(ok)
        self.level = 1
        while self.level < 5 and all(
                sat for c, sat in zip(q.criteria, self.satisfied)
                if c["level"] == self.level + 1):
            self.level += 1

    def rank(self, q, n):
        """0 not met, 1 partly ("partly" answered or every relied item
        started), 2 satisfied."""
        c = q.criteria[n]
        index = {k: i for i, k in enumerate(q.keys)}
        if self.satisfied[n]:
            return 2
        if self.answer(c) == "partly":
            return 1
        started = bool(c["relies_on"]) and all(
            self.states[index[k]] != 0 for k in c["relies_on"])
        return 1 if started else 0


def change(a_empty, b_some, a, b):
    """Year-over-year change: "new" when the earlier year had nothing and
    the later has something, else by the order of a and b."""
    if a_empty and b_some:
        return "new"
    return "improved" if b > a else "regressed" if b < a else "unchanged"


def item_change(a, b, i, key):
    return change(a.states[i] == 0 and a.ev_all.get(key, 0) == 0,
                  b.states[i] != 0 or b.ev_all.get(key, 0) > 0,
                  a.states[i], b.states[i])


def crit_change(q, a, b, n):
    c = q.criteria[n]
    ra, rb = a.rank(q, n), b.rank(q, n)
    return change(ra == 0 and a.answer(c) == "unanswered"
                  and a.ev_all.get(c["key"], 0) == 0,
                  rb > 0 or b.answer(c) != "unanswered"
                  or b.ev_all.get(c["key"], 0) > 0,
                  ra, rb)


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
        lv = q.levels.get(level, {})
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
        expect(keys == q.keys,
               f"checklist keys {keys}, questionnaire order {q.keys}")
    return counts


def data_rows(rows):
    """rows without trailing empty cells, so [] is a blank row."""
    out = []
    for r in rows:
        r = list(r)
        while r and r[-1] is None:
            r.pop()
        out.append(r)
    return out


def cells(row, n):
    return list(row) + [None] * (n - len(row))


def check_maturity(ws, lang, q, cur, level):
    rows = data_rows(ws.iter_rows(values_only=True))
    name = SHEETS[lang][2]
    expect(len(rows) >= 3, f"{name}: fewer than 3 rows")
    top = cells(rows[0], 4)
    expect(text(top[0]) == LABELS[lang]["level"],
           f"{name} A1: {top[0]!r}, expected {LABELS[lang]['level']!r}")
    expect(as_int(top[1], f"{name} B1") == level,
           f"{name}: reached level {top[1]!r}, summary has {level}")
    if cur.level is not None:
        expect(level == cur.level,
               f"{name}: level {level}, the maturity rule gives {cur.level}")
    lv = q.levels.get(level, {})
    expect([text(top[2]), text(top[3])] == [lv.get("name"), lv.get("risk")],
           f"{name}: level name/risk {top[2:4]}, questionnaire {lv}")
    expect(rows[1] == [], f"{name}: row 2 not blank: {rows[1]}")
    header = [text(c) for c in rows[2]]
    expect(header == MATURITY_HEADERS[lang],
           f"{name} header {header}, expected {MATURITY_HEADERS[lang]}")

    # One row per criterion, by level; a level without any gets one row.
    want = []
    for n in range(1, 6):
        at = [i for i, c in enumerate(q.criteria) if c["level"] == n]
        want += [(n, i) for i in at] or [(n, None)]
    body = rows[3:]
    expect(len(body) == len(want),
           f"{name}: {len(body)} rows, expected {len(want)}"
           f" ({len(q.criteria)} criteria)")
    last = len(want) + 3
    expect(ws.auto_filter.ref == f"A3:L{last}",
           f"{name}: autofilter {ws.auto_filter.ref!r}, expected A3:L{last}")
    expect(ws.freeze_panes == "A4",
           f"{name}: frozen at {ws.freeze_panes!r}, expected A4")

    index = {k: i for i, k in enumerate(q.keys)}
    yes, no = YES_NO[lang]
    met_rows = 0
    for r, ((n, ci), row) in enumerate(zip(want, body), start=4):
        (lvl, lname, risk, crit_text, answer, met, relies, min_state, own,
         valid, expired, gaps) = cells(row, 12)
        where = f"{name} row {r}"
        expect(as_int(lvl, f"{where} level") == n,
               f"{where}: level {lvl!r}, expected {n}")
        expect([text(lname), text(risk)] ==
               [q.levels[n].get("name"), q.levels[n].get("risk")],
               f"{where}: level name/risk {lname!r}/{risk!r}")
        if ci is None:
            expect(text(crit_text) == NO_CRITERIA[lang],
                   f"{where}: {crit_text!r} for a level without criteria")
            expect(all(c is None for c in row[4:]),
                   f"{where}: values beside a level without criteria")
            continue
        c = q.criteria[ci]
        where += f" ({c['key']})"
        expect(text(crit_text) == c["text"],
               f"{where}: criterion {crit_text!r}, expected {c['text']!r}")
        ans = cur.answer(c)
        expect(text(answer) == ANSWERS[lang][ANSWER_KEYS.index(ans)],
               f"{where}: answer {answer!r}, database has {ans}")
        expect(text(met) in (yes, no), f"{where}: met {met!r}")
        is_met = text(met) == yes
        met_rows += is_met
        nums = ", ".join(str(index[k] + 1) for k in c["relies_on"])
        expect(text(relies) == nums,
               f"{where}: relies on {relies!r}, expected {nums!r}")
        need = STATES[lang][c["min_state"]] if c["relies_on"] else ""
        expect(text(min_state) == need,
               f"{where}: items must be {min_state!r}, expected {need!r}")
        expect(as_int(own, f"{where} own evidence") ==
               cur.ev_all.get(c["key"], 0),
               f"{where}: own evidence {own!r},"
               f" database {cur.ev_all.get(c['key'], 0)}")
        # Gaps are listed exactly for the criteria not met.
        expect(bool(text(gaps)) != is_met,
               f"{where}: met {met!r} but gaps {gaps!r}")

        # Checkable from the database alone: a criterion whose items have
        # not reached their state is not met, unless "not applicable".
        behind = [k for k in c["relies_on"]
                  if cur.states[index[k]] < c["min_state"]]
        if ans == "na":
            expect(is_met == cur.answers[c["key"]][1],
                   f"{where}: not applicable, met {met!r}")
        elif behind or ans in ("not_met", "partly"):
            expect(not is_met, f"{where}: met although {behind or ans}"
                   " keeps it open")
        if cur.satisfied is None:
            continue
        targets = [c["key"]] + list(c["relies_on"])
        want_valid = sum(cur.ev_valid.get(t, 0) for t in targets)
        want_expired = sum(cur.ev_expired.get(t, 0) for t in targets)
        expect(as_int(valid, f"{where} valid evidence") == want_valid,
               f"{where}: valid evidence {valid!r}, expected {want_valid}"
               f" on {cur.day}")
        expect(as_int(expired, f"{where} expired evidence") == want_expired,
               f"{where}: expired evidence {expired!r},"
               f" expected {want_expired} on {cur.day}")
        expect(is_met == cur.satisfied[ci],
               f"{where}: met {met!r}, the maturity rule says"
               f" {cur.satisfied[ci]} on {cur.day}")
    return met_rows


def unquote_sheet(ref):
    """("Sheet name", "$A$1:$A$2") from a formula reference."""
    ref = ref.lstrip("=")
    sheet, _, cells_ref = ref.rpartition("!")
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    if ":" not in cells_ref:  # one cell: "$A$3" is "$A$3:$A$3"
        cells_ref = f"{cells_ref}:{cells_ref}"
    return sheet, cells_ref


NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}


def rels_of(z, part):
    """Relationship id -> (type, resolved part name) of a part."""
    d, base = posixpath.split(part)
    path = posixpath.join(d, "_rels", base + ".rels")
    if path not in z.namelist():
        return {}
    out = {}
    for rel in ET.fromstring(z.read(path)).findall("p:Relationship", NS):
        target = rel.get("Target")
        if target.startswith("/"):
            target = target[1:]
        else:
            target = posixpath.normpath(posixpath.join(d, target))
        out[rel.get("Id")] = (rel.get("Type").rsplit("/", 1)[-1], target)
    return out


def check_chart(path, sheet, first, last):
    """The chart on sheet is xl/charts/chart1.xml, drawn through the
    sheet's drawing, and plots the years ($A) and levels ($B) of rows
    first..last of that sheet on a 0..5 axis."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        expect("xl/charts/chart1.xml" in names,
               f"no xl/charts/chart1.xml in {sorted(names)}")
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rid = None
        for sh in wb.iterfind("m:sheets/m:sheet", NS):
            if sh.get("name") == sheet:
                rid = sh.get(f"{{{NS['r']}}}id")
        expect(rid is not None, f"workbook.xml: no sheet {sheet!r}")
        sheet_part = rels_of(z, "xl/workbook.xml")[rid][1]
        drawing = ET.fromstring(z.read(sheet_part)).find("m:drawing", NS)
        expect(drawing is not None, f"{sheet_part}: no drawing")
        kind, drawing_part = rels_of(z, sheet_part)[
            drawing.get(f"{{{NS['r']}}}id")]
        expect(kind == "drawing", f"{sheet_part}: drawing is a {kind}")
        charts = [t for k, t in rels_of(z, drawing_part).values()
                  if k == "chart"]
        expect(charts == ["xl/charts/chart1.xml"],
               f"{drawing_part} shows {charts}, expected xl/charts/chart1.xml")
        chart = ET.fromstring(z.read("xl/charts/chart1.xml"))

    series = chart.findall(".//c:ser", NS)
    expect(len(series) == 1, f"chart: {len(series)} series, expected 1")
    for part, col in (("c:cat", "A"), ("c:val", "B")):
        f = series[0].find(f"{part}//c:f", NS)
        expect(f is not None, f"chart: series has no {part} reference")
        got = unquote_sheet(f.text)
        want = (sheet, f"${col}${first}:${col}${last}")
        expect(got == want, f"chart {part}: {f.text!r}, expected {want}")
    scaling = chart.find(".//c:valAx/c:scaling", NS)
    expect(scaling is not None, "chart: no value axis")
    lim = {t: scaling.find(f"c:{t}", NS) for t in ("min", "max")}
    expect(all(v is not None for v in lim.values()) and
           (float(lim["min"].get("val")), float(lim["max"].get("val")))
           == (0.0, 5.0), "chart: the level axis does not run 0..5")


def check_years(ws, path, lang, q, cur, years, level):
    name = SHEETS[lang][3]
    rows = data_rows(ws.iter_rows(values_only=True))
    expect(len(rows) >= 2 and rows[0] == [TREND_TITLE[lang]],
           f"{name} row 1: {rows[:1]}, expected [{TREND_TITLE[lang]!r}]")
    header = [text(c) for c in rows[1]]
    expect(header == TREND_HEADERS[lang],
           f"{name} header {header}, expected {TREND_HEADERS[lang]}")

    # The trend: one row per year of the unit, oldest first.
    n = len(years)
    expect(len(rows) >= 2 + n and (len(rows) == 2 + n or rows[2 + n] == []),
           f"{name}: expected {n} year rows then a blank row")
    for r, (y, row) in enumerate(zip(years, rows[2:2 + n]), start=3):
        yr, lvl, lname, risk, status = cells(row, 5)
        where = f"{name} row {r}"
        expect(as_int(yr, f"{where} year") == y.year,
               f"{where}: year {yr!r}, database has {y.year}")
        lvl = as_int(lvl, f"{where} level")
        expect(1 <= lvl <= 5, f"{where}: level {lvl}")
        if y.level is not None:
            expect(lvl == y.level, f"{where}: level {lvl}, the maturity"
                   f" rule gives {y.level} on {y.day}")
        if y.aid == cur.aid:
            expect(lvl == level, f"{where}: level {lvl}, summary {level}")
        lv = q.levels.get(lvl, {})
        expect([text(lname), text(risk)] == [lv.get("name"), lv.get("risk")],
               f"{where}: level name/risk {lname!r}/{risk!r}")
        want = ASSESS_STATUS[lang][y.status]
        expect(text(status) == want,
               f"{where}: status {status!r}, expected {want!r}")
    check_chart(path, name, 3, 2 + n)

    rest = rows[3 + n:]
    earlier = [y for y in years if y.year < cur.year]
    if not earlier:
        expect(rest[:1] == [[NO_PREVIOUS[lang]]] and
               all(r == [] for r in rest[1:]),
               f"{name}: no earlier year, but {rest[:2]}")
        return n, None
    prev = max(earlier, key=lambda y: y.year)
    title = CMP_TITLE[lang].format(prev.year, cur.year)
    expect(rest[:1] == [[title]], f"{name}: {rest[:1]}, expected [{title!r}]")

    # The comparison tables, checked row by row; counts tallied.
    counts = {"items": {k: 0 for k in COUNT_ORDER},
              "criteria": {k: 0 for k in COUNT_ORDER}}
    changes = {v: k for k, v in CHANGES[lang].items()}
    at = n + 11  # 1-based row of the item header
    items = rest[7:]
    want = [h.format(y) for h, y in zip(ITEM_CMP_HEADER[lang],
                                         ("", "", prev.year, cur.year, ""))]
    expect(rest[6:7] == [[]] and items[:1] == [want],
           f"{name} row {at}: {items[:1]}, expected {want}")
    for i, row in enumerate(items[1:1 + len(q.keys)]):
        no, item_title, before, after, chg = cells(row, 5)
        where = f"{name} row {at + 1 + i} ({q.keys[i]})"
        expect(as_int(no, f"{where} number") == i + 1,
               f"{where}: number {no!r}")
        expect(text(item_title) == q.titles[i],
               f"{where}: item {item_title!r}, expected {q.titles[i]!r}")
        for y, got in ((prev, before), (cur, after)):
            expect(text(got) == STATES[lang][y.states[i]],
                   f"{where}: {y.year} state {got!r}, database"
                   f" {STATE_KEYS[y.states[i]]}")
        kind = item_change(prev, cur, i, q.keys[i])
        expect(text(chg) == CHANGES[lang][kind],
               f"{where}: change {chg!r}, expected {kind}")
        counts["items"][kind] += 1

    crit = items[1 + len(q.keys):]
    at += 1 + len(q.keys) + 1
    want = [h.format(y) for h, y in zip(CRIT_CMP_HEADER[lang],
                                         ("", "", prev.year, cur.year, ""))]
    expect(crit[:2] == [[], want],
           f"{name} row {at}: {crit[1:2]}, expected {want}")
    body = crit[2:]
    expect(len(body) == len(q.criteria),
           f"{name}: {len(body)} criterion rows, expected {len(q.criteria)}")
    for ci, row in enumerate(body):
        c = q.criteria[ci]
        lvl, ctext, before, after, chg = cells(row, 5)
        where = f"{name} row {at + 1 + ci} ({c['key']})"
        expect(as_int(lvl, f"{where} level") == c["level"],
               f"{where}: level {lvl!r}")
        expect(text(ctext) == c["text"], f"{where}: criterion {ctext!r}")
        expect(text(before) in RANKS[lang] and text(after) in RANKS[lang],
               f"{where}: results {before!r}, {after!r}")
        expect(text(chg) in changes, f"{where}: change {chg!r}")
        if prev.satisfied is None or cur.satisfied is None:
            counts["criteria"][changes[text(chg)]] += 1
            continue
        for y, got in ((prev, before), (cur, after)):
            rank = y.rank(q, ci)
            expect(text(got) == RANKS[lang][rank],
                   f"{where}: {y.year} result {got!r}, expected"
                   f" {RANKS[lang][rank]!r} on {y.day}")
        kind = crit_change(q, prev, cur, ci)
        expect(text(chg) == CHANGES[lang][kind],
               f"{where}: change {chg!r}, expected {kind}")
        counts["criteria"][kind] += 1

    # The counts block between the title and the item table.
    expect([text(c) for c in rest[1]] == COUNTS_HEADER[lang],
           f"{name}: counts header {rest[1]}")
    for row, kind in zip(rest[2:6], COUNT_ORDER):
        label, n_items, n_crit = cells(row, 3)
        expect(text(label) == CHANGES[lang][kind],
               f"{name}: counts row {label!r}, expected {kind}")
        got = (as_int(n_items, f"{kind} items"),
               as_int(n_crit, f"{kind} criteria"))
        want = (counts["items"][kind], counts["criteria"][kind])
        expect(got == want, f"{name}: {kind} counts {got}, rows give {want}")
    return n, prev.year


def main(argv):
    if len(argv) not in (4, 5, 6) or argv[3] not in SHEETS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path, dbpath, lang = argv[1:4]
    expected_level = int(argv[4]) if len(argv) > 4 and argv[4] else None
    exported_at = argv[5] if len(argv) > 5 else None
    today = parse_day(exported_at) if exported_at else None

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
        expect(exported_at is None or today is not None,
               f"EXPORTED_AT {exported_at!r} is not YYYY-MM-DD")
        q = questionnaire(lang)
        if q is None:
            print("read_workbook: questionnaire files not found; level name,"
                  " risk, item order and the Maturity and Year over year"
                  " sheets not checked", file=sys.stderr)
        aid = current_assessment(db)
        level, summary_counts, blocking = check_summary(
            wb[SHEETS[lang][0]], db, aid, lang, expected_level, exported_at,
            q)
        counts = check_checklist(wb[SHEETS[lang][1]], db, aid, lang, q)
        expect(summary_counts == counts,
               f"summary counts {summary_counts}, checklist {counts}")
        more = ""
        if q is not None:
            cur = Year(db, aid, q, today)
            ids = [r[0] for r in db.execute(
                "SELECT id FROM assessment WHERE unit_id = ? ORDER BY year",
                (cur.unit_id,))]
            years = [cur if i == aid else Year(db, i, q, today) for i in ids]
            met = check_maturity(wb[SHEETS[lang][2]], lang, q, cur, level)
            n, prev = check_years(wb[SHEETS[lang][3]], path, lang, q, cur,
                                  years, level)
            more = (f", {met}/{len(q.criteria)} criteria met, {n} year(s)"
                    + (f", compared with {prev}" if prev else
                       ", no earlier year"))
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
          f" {counts['done']} done, {len(blocking)} blocking row(s){more}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
