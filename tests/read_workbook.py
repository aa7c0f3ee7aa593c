#!/usr/bin/python3
"""Reads a workbook exported by moat back and checks it against the database.

Usage: read_workbook.py [--document] WORKBOOK DB LANG [EXPECTED_LEVEL
                        [EXPORTED_AT]]

LANG is en or zh. The workbook is read with openpyxl (cached values), its
chart as raw XML from the zip, and the database with Python's sqlite3,
independently of moat's C code. The level names, risks, items and criteria
come from the questionnaire YAML files found in $MOAT_DATADIR (else
../questionnaires beside this script), read line by line (and compared with
PyYAML's reading when python3-yaml is installed).

Sheets: the Executive summary first (title, level, payback, N-year net,
ROI and horizon against the database; the first three lines of what
blocks the next level as the Summary has them, each followed by the sum of
the one-off and yearly ROI lines naming the checklist item it is about,
when any does); Summary and Checklist against the database; Maturity: one row per
criterion (one for a level without criteria), answers from the database and
"Met" from the maturity rule worked out here; Year over year: one row per
year of the unit with its level, a native chart of those cells, and the
previous year compared with the current one item by item and criterion by
criterion. EXPORTED_AT is the day evidence validity is judged on for a
draft (a finalised year is judged on the day it was finalised); without it
the checks that need validity are left out.

ROI and Investment (the calculators): read twice, for the cached values
(data_only=True) and for the formulas. The input cells must equal the
database (roi_line, invest_class, unit_param with moat's defaults; a
cost's checklist item by the questionnaire's title); every
result must be a formula whose cached value equals what is worked out here
from the database, and which gives that value again when evaluated over
the sheet (a small evaluator of the formulas moat writes). The formulas
must read the right cells, and when inputs are changed as the CFO would in
Excel, recalculating them from the inputs up must agree with the same
computation on the changed inputs. The ROI sheet needs a native scatter
chart of its year table (which follows a horizon typed into the sheet), the Investment sheet a pie of its classes. --document:
the database holds the document's figures (moat init --demo), so also
check the document's results (net 330 a year, payback 1.09 years, 5-year
net 1290, ROI 280.43 %, shares 60/30/10 %, self-built 1000-2000, cloud
250-750, hybrid 500-1400 over 5 years).

The BIA and systems sheets come last, always; tests/export_bia.py checks
them.

Plan and Duties (after the six, when the unit has a programme or duties;
the sheet list follows the database). Plan: the title's "day N of 90" is
EXPORTED_AT - programme.start_date + 1; one row per plan_task (by phase,
then as entered) with its phase name (plan.yaml), title, checklist item,
owner, status, due and done dates, overdue = not done and due before
EXPORTED_AT; two hidden columns with each task's first and last day as
formulas over its phase, equal to the phase's window; the Gantt chart as
formula rules of conditional formatting over the 90 day columns, evaluated
here cell by cell (references shifted as Excel does): each bar covers
exactly its phase's days, the first rule that holds is the done one for
done tasks, the overdue one for overdue tasks, the plain one otherwise,
today's column is marked, and no day cell is filled by hand; progress per
phase and in all as COUNTIFS formulas that agree with plan_task and follow
a status changed in the sheet. Duties: one row per duty (as the store lists
them) with its rule in words from every_months, day and anchor, its first
date, and the next due date, last completion and missed occurrences worked
out here from the rule and duty_event (schedule anchoring: due on the day,
clamped to the month's end, 0 = the last Monday-to-Friday, first on or after
start_date, every N months; the missed ones are those before EXPORTED_AT not
resolved, the next the first unresolved on or after it; completion
anchoring: N months after the last completion; nothing while paused and
nothing due in a pause, from duty_pause and paused_on), and the day its
pause began; then the history of every duty, newest first (due_date, kind,
event_date, result, note, entered_by).
With --document: the demo misses exactly its latest restore test.

Prints an OK line (and one for each calculator, the plan and the duties);
exits 1 with the first mismatch.
"""

import calendar
import datetime
import decimal
import os
import posixpath
import re
import sqlite3
import sys
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

from duty_rules import duty_pauses, pause_of, rule_words

SHEETS = {
    "en": ["Summary", "Checklist", "Maturity", "Year over year", "ROI",
           "Investment"],
    "zh": ["概要", "检查清单", "成熟度", "逐年对比", "投资回报", "分级投入"],
}
# The executive summary comes first, always.
EXEC_SHEET = {"en": "Executive summary", "zh": "管理层摘要"}
EXEC_TEXT = {
    "en": {"title": "Business continuity at a glance · {}",
           "level": "Maturity level", "level_is": "level {} ",
           "blocks": "What blocks level {}",
           "more": "… and {} more on the Summary sheet",
           "item": "item {} {}", "amount": "{} {}",
           "both": "to close: {} one-off + {} a year",
           "one_off": "to close: {} one-off", "recurring": "to close: {} a year"},
    "zh": {"title": "业务连续性一览 · {}", "level": "成熟度等级",
           "level_is": "第{}级 ", "blocks": "阻碍达到第{}级的事项",
           "more": "……另有{}项，见“概要”表",
           "item": "第{}项 {}", "amount": "{}{}",
           "both": "补齐所需：一次性{}，每年{}",
           "one_off": "补齐所需：一次性{}", "recurring": "补齐所需：每年{}"},
}
# The executive summary lists this many of what blocks the next level.
EXEC_BLOCKING = 3
# The business impact analysis follows, always (tests/export_bia.py reads
# them), then the backups and their verification (tests/export_verify.py),
# then the drills when the unit has any (tests/export_drills.py).
DRILL_SHEET = {"en": "Drills", "zh": "应急演练"}
BIA_SHEETS = {
    "en": ["BIA", "Systems and DR levels"],
    "zh": ["业务影响分析", "系统与灾备等级"],
}
VERIFY_SHEETS = {
    "en": ["Backups and verification"],
    "zh": ["备份与验证"],
}
# Then the emergency response, always (tests/export_response.py reads them).
RESPONSE_SHEETS = {
    "en": ["Response card", "Contacts", "Incidents"],
    "zh": ["应急响应流程卡", "应急联系人", "应急事件"],
}
# Then, when the unit has contingency plans, the plans and their forms
# (tests/export_contingency.py reads them).
CONTINGENCY_SHEETS = {
    "en": ["Contingency plans", "Registration forms"],
    "zh": ["业务应急方案", "应急服务登记表"],
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
NO_CRITERIA = {"en": "the starting point: no criteria", "zh": "起点：无评估标准"}
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
# How a criterion reads besides its rank: answered "not applicable", or not
# assessed (no item to follow and unanswered).
READ_NA = {"en": "n/a", "zh": "不适用"}
READ_NOT_ASSESSED = {"en": "not assessed", "zh": "未评估"}


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
        row = db.execute("SELECT year, status, judged_on, unit_id"
                         " FROM assessment WHERE id = ?", (aid,)).fetchone()
        expect(row is not None, f"assessment {aid} not in the database")
        self.aid = aid
        self.year, self.status, judged_on, self.unit_id = row
        # A finalised year is judged as of the day recorded when it was
        # frozen (the user's today then).
        self.day = today
        if self.status == "final":
            self.day = parse_day(judged_on or "") or today
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


def by_order(a, b):
    return "improved" if b > a else "regressed" if b < a else "unchanged"


def item_change(a, b, i, key):
    """Items by state alone: every item has one in every year (not started
    until set), so none is new."""
    return by_order(a.states[i], b.states[i])


def assessed(c, y):
    """A criterion is assessed when it relies on items (it follows them)
    or was answered."""
    return bool(c["relies_on"]) or y.answer(c) != "unanswered"


def crit_change(q, a, b, n):
    """New when not assessed the year before and assessed now; not
    assessed in both, unchanged; else by rank."""
    c = q.criteria[n]
    was, now = assessed(c, a), assessed(c, b)
    if not was:
        return "new" if now else "unchanged"
    return by_order(a.rank(q, n), b.rank(q, n))


def reading(q, y, n, lang):
    """How a criterion reads in year y: not assessed, n/a, or its rank."""
    c = q.criteria[n]
    if not assessed(c, y):
        return READ_NOT_ASSESSED[lang]
    if y.answer(c) == "na":
        return READ_NA[lang]
    return RANKS[lang][y.rank(q, n)]


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


def sheet_charts(path, sheet):
    """The charts drawn on sheet, through its drawing: a list of (part
    name, parsed chart XML); [] when the sheet has no drawing."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rid = None
        for sh in wb.iterfind("m:sheets/m:sheet", NS):
            if sh.get("name") == sheet:
                rid = sh.get(f"{{{NS['r']}}}id")
        expect(rid is not None, f"workbook.xml: no sheet {sheet!r}")
        sheet_part = rels_of(z, "xl/workbook.xml")[rid][1]
        drawing = ET.fromstring(z.read(sheet_part)).find("m:drawing", NS)
        if drawing is None:
            return []
        kind, drawing_part = rels_of(z, sheet_part)[
            drawing.get(f"{{{NS['r']}}}id")]
        expect(kind == "drawing", f"{sheet_part}: drawing is a {kind}")
        charts = [t for k, t in rels_of(z, drawing_part).values()
                  if k == "chart"]
        for t in charts:
            expect(t in z.namelist(), f"{drawing_part} shows {t}, not in"
                   " the zip")
        return [(t, ET.fromstring(z.read(t))) for t in charts]


def one_series_chart(path, sheet, kind, cat, val, tags=("c:cat", "c:val")):
    """The one chart on sheet is a kind chart ("lineChart", "pieChart")
    with one series whose categories and values (the XML elements tags:
    c:xVal and c:yVal for a scatter chart) are the ranges cat and val
    ("$A$3:$A$7") of sheet. Returns the chart's XML."""
    charts = sheet_charts(path, sheet)
    expect(len(charts) == 1,
           f"{sheet}: {len(charts)} charts drawn, expected 1")
    part, chart = charts[0]
    plot = chart.find("c:chart/c:plotArea", NS)
    expect(plot is not None and plot.find(f"c:{kind}", NS) is not None,
           f"{sheet}: {part} is not a {kind}")
    series = chart.findall(".//c:ser", NS)
    expect(len(series) == 1, f"{sheet} chart: {len(series)} series,"
           " expected 1")
    for tag, want_range in zip(tags, (cat, val)):
        f = series[0].find(f"{tag}//c:f", NS)
        expect(f is not None, f"{sheet} chart: series has no {tag}"
               " reference")
        got = unquote_sheet(f.text)
        expect(got == (sheet, want_range),
               f"{sheet} chart {tag}: {f.text!r}, expected"
               f" {(sheet, want_range)}")
    return chart


def check_whole_limit(path, sheet, cell, lo, hi):
    """The cell ("B18") of sheet takes only whole numbers lo..hi."""
    ws = openpyxl.load_workbook(path)[sheet]
    rules = [dv for dv in ws.data_validations.dataValidation
             if cell in str(dv.sqref).split()]
    expect(len(rules) == 1, f"{sheet}!{cell}: {len(rules)} validations")
    dv = rules[0]
    expect(dv.type == "whole" and dv.operator in (None, "between") and
           (dv.formula1, dv.formula2) == (str(lo), str(hi)),
           f"{sheet}!{cell}: validation {dv.type} {dv.operator}"
           f" {dv.formula1}..{dv.formula2}, expected whole {lo}..{hi}")


def check_unseen_past(path, sheet, rng, limit):
    """The cells rng ("A32:B62") of sheet are printed blank past the row
    the cell limit ("B18") counts from the first: one conditional format
    over rng, on the rows' offset from its first row."""
    ws = openpyxl.load_workbook(path)[sheet]
    found = [(str(cf.sqref), r) for cf in ws.conditional_formatting
             for r in cf.rules]
    expect(len(found) == 1 and found[0][0] == rng,
           f"{sheet}: conditional formats {[f for f, _ in found]}, expected"
           f" one over {rng}")
    first = rng.split(":")[0]
    col, row = re.match(r"([A-Z]+)(\d+)", first).groups()
    want = f"ROW(${col}{row})-ROW(${col}${row})>${limit[0]}${limit[1:]}"
    rule = found[0][1]
    expect(rule.type == "expression" and rule.formula == [want],
           f"{sheet} {rng}: rule {rule.type} {rule.formula}, expected"
           f" [{want!r}]")
    font = rule.dxf.font if rule.dxf is not None else None
    rgb = font.color.rgb if font is not None and font.color is not None \
        else None
    expect(rgb in ("FFFFFFFF", "00FFFFFF"),
           f"{sheet} {rng}: the rows past {limit} print in {rgb!r}, not"
           " the page's white")


def check_chart(path, sheet, first, last):
    """The one chart on sheet, drawn through the sheet's drawing, plots the
    years ($A) and levels ($B) of rows first..last of that sheet on a 0..5
    axis."""
    charts = sheet_charts(path, sheet)
    expect(len(charts) == 1, f"{sheet}: {len(charts)} charts, expected 1")
    chart = charts[0][1]

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
    # The criteria, then, after a blank row, what changed in the business
    # impact analysis (tests/export_bia.py reads it).
    body = crit[2:2 + len(q.criteria)]
    after = crit[2 + len(q.criteria):]
    expect(len(body) == len(q.criteria) and after[:1] in ([], [[]]) and
           all(r and r[0] is not None for r in body),
           f"{name}: {len(body)} criterion rows, expected {len(q.criteria)}"
           f" then a blank row, got {after[:1]}")
    for ci, row in enumerate(body):
        c = q.criteria[ci]
        lvl, ctext, before, after, chg = cells(row, 5)
        where = f"{name} row {at + 1 + ci} ({c['key']})"
        expect(as_int(lvl, f"{where} level") == c["level"],
               f"{where}: level {lvl!r}")
        expect(text(ctext) == c["text"], f"{where}: criterion {ctext!r}")
        readings = RANKS[lang] + [READ_NA[lang], READ_NOT_ASSESSED[lang]]
        expect(text(before) in readings and text(after) in readings,
               f"{where}: results {before!r}, {after!r}")
        expect(text(chg) in changes, f"{where}: change {chg!r}")
        if prev.satisfied is None or cur.satisfied is None:
            counts["criteria"][changes[text(chg)]] += 1
            continue
        for y, got in ((prev, before), (cur, after)):
            want = reading(q, y, ci, lang)
            expect(text(got) == want,
                   f"{where}: {y.year} result {got!r}, expected"
                   f" {want!r} on {y.day}")
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


# ---------------------------------------------------------------------------
# The calculators: ROI (§6.3) and tiered investment (§5).

DEFAULT_CURRENCY = {"en": "10k CNY", "zh": "万元"}
ROI_TEXT = {
    "en": {
        "title": "Return on the DR investment",
        "inputs": "Inputs (change the coloured cells)",
        "results": "Results",
        "one_off": "One-off investment",
        "recurring": "Yearly cost",
        "loss": "Loss avoided",
        "amount": "Amount ({})",
        "amount_year": "Amount a year ({})",
        "per_incident": "Loss per incident ({})",
        "incidents": "Incidents a year",
        "expected": "Expected a year ({})",
        "item": "Checklist item",
        "horizon": "Horizon N (years)",
        "rate": "Discount rate",
        "horizon_note": "1 to {} years: the year table and its chart follow"
                        " it",
        "r_one_off": "One-off investment in total ({})",
        "r_recurring": "Yearly costs ({})",
        "r_losses": "Losses avoided a year ({})",
        "r_net": "Yearly net benefit ({})",
        "r_payback": "Payback period (years)",
        "r_net_n": "Net benefit over N years ({})",
        "r_npv": "Net present value over N years ({})",
        "r_roi": "ROI over N years",
        "never": "never pays back",
        "nothing": "nothing invested",
        "year": "Year",
        "cumulative": "Cumulative cash ({})",
    },
    "zh": {
        "title": "灾备投资回报",
        "inputs": "输入（可修改带底色的单元格）",
        "results": "测算结果",
        "one_off": "一次性投资",
        "recurring": "年度费用",
        "loss": "避免的损失",
        "amount": "金额（{}）",
        "amount_year": "每年金额（{}）",
        "per_incident": "每次损失（{}）",
        "incidents": "每年次数",
        "expected": "每年预期损失（{}）",
        "item": "关联检查项",
        "horizon": "测算年限N（年）",
        "rate": "折现率",
        "horizon_note": "可填1至{}年，逐年累计现金表和图表随之更新",
        "r_one_off": "一次性投资合计（{}）",
        "r_recurring": "年度费用合计（{}）",
        "r_losses": "每年避免的损失（{}）",
        "r_net": "年净收益（{}）",
        "r_payback": "投资回收期（年）",
        "r_net_n": "N年净收益（{}）",
        "r_npv": "N年净现值（{}）",
        "r_roi": "N年投资回报率",
        "never": "无法回本",
        "nothing": "无投入",
        "year": "第几年",
        "cumulative": "累计现金（{}）",
    },
}
INV_TEXT = {
    "en": {
        "title": "Tiered DR investment",
        "class": "Class of systems",
        "levels": "DR levels",
        "amount_year": "Amount a year ({})",
        "share": "Share",
        "total": "Total",
        "uniform_head": "One size fits all: every system at level 5",
        "uniform": "Uniform plan a year ({})",
        "extra": "More than the tiered plan ({})",
        "ratio": "Times the tiered plan",
        "options_head": "DR options over N years",
        "low": "Low",
        "high": "High",
        "self_up": "Self-built: up front ({})",
        "self_year": "Self-built: a year ({})",
        "cloud_up": "Cloud: up front ({})",
        "cloud_year": "Cloud: a year ({})",
        "saving": "Hybrid: saving on self-built",
        "horizon": "Horizon N (years)",
        "self_n": "Self-built over N years ({})",
        "cloud_n": "Cloud over N years ({})",
        "hybrid_n": "Hybrid over N years ({})",
        "ha_head": "HA upgrade (§5.3)",
        "before": "Before",
        "after": "After",
        "ha_cost": "Cost ({})",
        "rto": "RTO (minutes)",
        "rpo": "RPO (minutes)",
        "ha_extra": "Extra cost ({})",
        "ha_pct": "Extra cost on before",
    },
    "zh": {
        "title": "分级灾备投入",
        "class": "系统分级",
        "levels": "灾备等级",
        "amount_year": "每年金额（{}）",
        "share": "占比",
        "total": "合计",
        "uniform_head": "一刀切：所有系统按5级建设",
        "uniform": "一刀切每年投入（{}）",
        "extra": "比分级方案多（{}）",
        "ratio": "为分级方案的倍数",
        "options_head": "N年灾备方案对比",
        "low": "低",
        "high": "高",
        "self_up": "自建：初期投入（{}）",
        "self_year": "自建：每年（{}）",
        "cloud_up": "云灾备：初期投入（{}）",
        "cloud_year": "云灾备：每年（{}）",
        "saving": "混合：较自建节省",
        "horizon": "测算年限N（年）",
        "self_n": "自建N年合计（{}）",
        "cloud_n": "云灾备N年合计（{}）",
        "hybrid_n": "混合N年合计（{}）",
        "ha_head": "高可用升级（§5.3）",
        "before": "升级前",
        "after": "升级后",
        "ha_cost": "费用（{}）",
        "rto": "RTO（分钟）",
        "rpo": "RPO（分钟）",
        "ha_extra": "增加费用（{}）",
        "ha_pct": "费用增幅",
    },
}
ROI_KINDS = ["one_off", "recurring", "loss"]
ROI_MAX_YEARS = 50
# The ROI sheet's year table runs to this many years (or the unit's N
# when longer), and says so beside the horizon.
ROI_SHEET_YEARS = 30
# The scenario parameters and their defaults, the document's figures
# (§5.1-5.3): money in hundredths, percentages, years, minutes.
INV_PARAMS = {
    "inv.uniform": 150000,
    "inv.self_up_lo": 50000, "inv.self_up_hi": 100000,
    "inv.self_year_lo": 10000, "inv.self_year_hi": 20000,
    "inv.cloud_up_lo": 0, "inv.cloud_up_hi": 0,
    "inv.cloud_year_lo": 5000, "inv.cloud_year_hi": 15000,
    "inv.hybrid_lo": 30, "inv.hybrid_hi": 50,
    "inv.horizon": 5,
    "inv.ha_before": 10000, "inv.ha_after": 15000,
    "inv.ha_rto_before": 1440, "inv.ha_rto_after": 15,
    "inv.ha_rpo_before": 1440, "inv.ha_rpo_after": 15,
}


def close(a, b):
    """Two figures equal up to binary rounding."""
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) \
            or isinstance(a, bool) or isinstance(b, bool):
        return False
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def excel_round(x, n):
    """Excel's ROUND: half away from zero, on the shortest decimal that
    reads back as x."""
    q = decimal.Decimal(1).scaleb(-n)
    return float(decimal.Decimal(repr(float(x))).quantize(
        q, rounding=decimal.ROUND_HALF_UP))


def excel_round_down(x, n):
    """Excel's ROUNDDOWN: towards zero, on the shortest decimal that reads
    back as x."""
    q = decimal.Decimal(1).scaleb(-n)
    return float(decimal.Decimal(repr(float(x))).quantize(
        q, rounding=decimal.ROUND_DOWN))


def cell_of(name):
    """(row, column), 1-based, of "B5" or "$B$5"."""
    m = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d+)", name)
    expect(m is not None, f"not a cell: {name!r}")
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def name_of(cell):
    """"B5" of (5, 2)."""
    row, col = cell
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


FORMULA_TOKEN = re.compile(r"""\s*(?:
    (?P<num>\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
  | (?P<str>"(?:[^"]|"")*")
  | (?P<ref>\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Z0-9(])
  | (?P<func>[A-Z][A-Z0-9.]*)\(
  | (?P<op><>|<=|>=|[-+*/^&=<>(),])
)""", re.X)


class NAValue(str):
    """Excel's #N/A: what NA() gives, and what any arithmetic, comparison
    or IF on it gives again."""


NA = NAValue("#N/A")


def to_number(v, formula):
    """A value as a number for arithmetic: empty is 0, text is an error
    (#VALUE! in Excel, a mismatch here)."""
    if v is None:
        return 0
    expect(isinstance(v, (int, float)) and not isinstance(v, bool),
           f"{formula}: arithmetic on {v!r}")
    return v


class Formula:
    """An Excel formula of the subset moat writes (numbers, strings, cell
    references and ranges of the same sheet, + - * / ^ & comparisons,
    unary minus, IF, NA, SUM, ROUND, ROUNDDOWN, AND, COUNTIFS with plain
    criteria),
    parsed to evaluate it against any cell values. refs holds every cell
    it reads, ranges expanded."""

    def __init__(self, text_):
        expect(isinstance(text_, str) and text_.startswith("="),
               f"not a formula: {text_!r}")
        self.text = text_
        self.refs = set()
        self.toks = []
        pos, body = 0, text_[1:]
        while pos < len(body):
            if not body[pos:].strip():
                break
            m = FORMULA_TOKEN.match(body, pos)
            expect(m is not None, f"{text_}: cannot read at {body[pos:]!r}")
            self.toks.append((m.lastgroup, m.group(m.lastgroup)))
            pos = m.end()
        self.i = 0
        self.tree = self.compare()
        expect(self.i == len(self.toks),
               f"{text_}: left over {self.toks[self.i:]}")

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, kind=None, value=None):
        tok = self.peek()
        expect(tok[0] is not None and (kind is None or tok[0] == kind) and
               (value is None or tok[1] == value),
               f"{self.text}: expected {value or kind}, found {tok[1]!r}")
        self.i += 1
        return tok

    def binary(self, ops, sub, apply):
        def na_or(op, a, b):
            if isinstance(a, NAValue) or isinstance(b, NAValue):
                return NA
            return apply(op, a, b)
        left = sub()
        while self.peek()[0] == "op" and self.peek()[1] in ops:
            op = self.take()[1]
            right = sub()
            left = (lambda op_, l_, r_: lambda get: na_or(op_, l_(get),
                                                          r_(get)))(
                op, left, right)
        return left

    def compare(self):
        def apply(op, a, b):
            if isinstance(a, str) or isinstance(b, str):
                # Text equals text regardless of case, an empty cell
                # equals "", a number never equals text.
                expect(op in ("=", "<>"), f"{self.text}: {op} on text")
                eq = (not isinstance(a, (int, float)) and
                      not isinstance(b, (int, float)) and
                      text(a).lower() == text(b).lower())
                return eq if op == "=" else not eq
            a, b = to_number(a, self.text), to_number(b, self.text)
            return {"=": a == b, "<>": a != b, "<": a < b, ">": a > b,
                    "<=": a <= b, ">=": a >= b}[op]
        return self.binary(("=", "<>", "<", ">", "<=", ">="), self.concat,
                           apply)

    def concat(self):
        return self.binary(("&",), self.additive,
                           lambda op, a, b: text(a) + text(b))

    def additive(self):
        def apply(op, a, b):
            a, b = to_number(a, self.text), to_number(b, self.text)
            return a + b if op == "+" else a - b
        return self.binary(("+", "-"), self.term, apply)

    def term(self):
        def apply(op, a, b):
            a, b = to_number(a, self.text), to_number(b, self.text)
            if op == "*":
                return a * b
            expect(b != 0, f"{self.text}: division by zero (#DIV/0!)")
            return a / b
        return self.binary(("*", "/"), self.power, apply)

    def power(self):
        return self.binary(("^",), self.unary,
                           lambda op, a, b: float(to_number(a, self.text))
                           ** to_number(b, self.text))

    def unary(self):
        if self.peek() in (("op", "-"), ("op", "+")):
            sign = self.take()[1]
            sub = self.unary()
            if sign == "+":
                return sub
            return lambda get: -to_number(sub(get), self.text)
        return self.primary()

    def primary(self):
        kind, value = self.take()
        if kind == "num":
            v = float(value) if any(c in value for c in ".eE") \
                else int(value)
            return lambda get: v
        if kind == "str":
            s = value[1:-1].replace('""', '"')
            return lambda get: s
        if kind == "ref":
            if ":" in value:
                a, b = (cell_of(p) for p in value.split(":"))
                cells_ = [(r, c) for r in range(a[0], b[0] + 1)
                          for c in range(a[1], b[1] + 1)]
                self.refs.update(cells_)
                return lambda get: [get(c) for c in cells_]
            cell = cell_of(value)
            self.refs.add(cell)
            return lambda get: get(cell)
        if kind == "func":
            args = []
            if self.peek() != ("op", ")"):
                args.append(self.compare())
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.compare())
            self.take("op", ")")
            return self.function(value, args)
        expect(kind == "op" and value == "(",
               f"{self.text}: unexpected {value!r}")
        sub = self.compare()
        self.take("op", ")")
        return sub

    def function(self, name, args):
        if name == "IF":
            expect(len(args) == 3, f"{self.text}: IF takes 3 arguments")
            cond, yes, no = args

            def pick(get):
                c = cond(get)
                if isinstance(c, NAValue):
                    return NA
                return yes(get) if c else no(get)
            return pick
        if name == "NA":
            expect(not args, f"{self.text}: NA takes no arguments")
            return lambda get: NA
        if name == "SUM":
            def total(get):
                out = 0
                for a in args:
                    v = a(get)
                    for x in v if isinstance(v, list) else [v]:
                        if isinstance(x, (int, float)) and \
                                not isinstance(x, bool):
                            out += x
                return out
            return total
        if name == "AND":
            expect(args, f"{self.text}: AND without arguments")
            return lambda get: all(bool(a(get)) for a in args)
        if name == "COUNTIFS":
            expect(args and len(args) % 2 == 0,
                   f"{self.text}: COUNTIFS takes range, criterion pairs")

            def matches(v, crit):
                if isinstance(crit, str):
                    return isinstance(v, str) and v.lower() == crit.lower()
                return (isinstance(v, (int, float)) and
                        not isinstance(v, bool) and v == crit)

            def count(get):
                pairs = [(args[i](get), args[i + 1](get))
                         for i in range(0, len(args), 2)]
                for rng, _ in pairs:
                    expect(isinstance(rng, list) and
                           len(rng) == len(pairs[0][0]),
                           f"{self.text}: COUNTIFS over unequal ranges")
                return sum(all(matches(rng[i], crit) for rng, crit in pairs)
                           for i in range(len(pairs[0][0])))
            return count
        if name == "ROUNDDOWN":
            expect(len(args) == 2,
                   f"{self.text}: ROUNDDOWN takes 2 arguments")
            return lambda get: excel_round_down(
                to_number(args[0](get), self.text),
                int(to_number(args[1](get), self.text)))
        if name == "ROUND":
            expect(len(args) == 2, f"{self.text}: ROUND takes 2 arguments")
            return lambda get: excel_round(
                to_number(args[0](get), self.text),
                int(to_number(args[1](get), self.text)))
        raise Mismatch(f"{self.text}: function {name} not expected")


class Grid:
    """One sheet read twice: the cached values (data_only) and the
    formulas, addressed by (row, column) from 1, with a formula evaluator
    over them."""

    def __init__(self, ws_values, ws_formulas, name):
        self.name = name
        self.values, self.formats, self.formulas = {}, {}, {}
        for row in ws_values.iter_rows():
            for c in row:
                if c.value is not None:
                    self.values[(c.row, c.column)] = c.value
                    self.formats[(c.row, c.column)] = c.number_format
        for row in ws_formulas.iter_rows():
            for c in row:
                if c.data_type == "f":
                    self.formulas[(c.row, c.column)] = Formula(c.value)
                    # A cached error reads as text: it is the error.
                    if self.values.get((c.row, c.column)) == NA:
                        self.values[(c.row, c.column)] = NA
        self.max_row = max((r for r, _ in self.values), default=0)
        for cell in self.formulas:
            expect(cell in self.values, f"{name}!{name_of(cell)}: a formula"
                   " without a cached value")

    def v(self, row, col):
        return self.values.get((row, col))

    def row(self, r, n):
        return [self.v(r, c) for c in range(1, n + 1)]

    def blank(self, r):
        return not any(row == r for row, _ in self.values)

    def where(self, row, col):
        return f"{self.name}!{name_of((row, col))}"

    def input_cell(self, row, col, want, what, fmt=None):
        """A plain value (not a formula) equal to want."""
        w = self.where(row, col)
        expect((row, col) not in self.formulas,
               f"{w} ({what}): a formula, expected an input value")
        got = self.v(row, col)
        expect(close(got, want), f"{w} ({what}): {got!r}, database"
               f" gives {want!r}")
        if fmt:
            self.check_format(row, col, fmt, what)

    def check_format(self, row, col, fmt, what):
        nf = self.formats.get((row, col), "")
        want = {"money": "#,##0.00", "percent": "0.00%",
                "decimal": "0.00"}[fmt]
        expect(nf.split(";")[0] == want,
               f"{self.where(row, col)} ({what}): number format {nf!r},"
               f" expected {want!r}")

    def result_cell(self, row, col, want, what, fmt=None):
        """A formula whose cached value is want and whose evaluation over
        the cached values of the cells it reads agrees."""
        w = self.where(row, col)
        expect((row, col) in self.formulas,
               f"{w} ({what}): {self.v(row, col)!r} is not a formula")
        got = self.v(row, col)
        expect(close(got, want), f"{w} ({what}): cached {got!r}, expected"
               f" {want!r} ({self.formulas[(row, col)].text})")
        again = self.formulas[(row, col)].tree(
            lambda c: self.values.get(c))
        expect(close(again, got), f"{w} ({what}):"
               f" {self.formulas[(row, col)].text} gives {again!r} over the"
               f" sheet's values, cached {got!r}")
        if fmt and isinstance(want, (int, float)):
            self.check_format(row, col, fmt, what)

    def refs(self, row, col):
        return self.formulas[(row, col)].refs

    def evaluate(self, cells_, overrides):
        """The values of cells_ as Excel would recalculate them after the
        inputs in overrides ({(row, col): value}) changed: every formula
        evaluated from the inputs up, no cached result used."""
        memo = {}

        def get(cell):
            if cell in overrides:
                return overrides[cell]
            if cell in self.formulas:
                if cell not in memo:
                    memo[cell] = self.formulas[cell].tree(get)
                return memo[cell]
            return self.values.get(cell)
        return [get(c) for c in cells_]


def param_int(params, key, default):
    """unit_param's value as moat reads it (strtoll of the whole text),
    else default."""
    v = params.get(key)
    if v is None or not re.fullmatch(r"[ \t\n\v\f\r]*[-+]?\d+", v):
        return default
    return int(v)


class CalcInputs:
    """The calculators' inputs of a unit, from the database."""

    def __init__(self, db, unit_id, lang):
        params = dict(db.execute(
            "SELECT key, value FROM unit_param WHERE unit_id = ?",
            (unit_id,)))
        self.currency = params.get("currency", DEFAULT_CURRENCY[lang])
        self.lines = {k: [] for k in ROI_KINDS}
        # The checklist item each line names ('' for none), in the order
        # of self.lines.
        self.items = {k: [] for k in ROI_KINDS}
        for kind, name, amount, milli, item in db.execute(
                "SELECT kind, name, amount, incidents_milli, item_key"
                " FROM roi_line WHERE unit_id = ? ORDER BY id", (unit_id,)):
            self.lines[kind].append((name, amount, milli))
            self.items[kind].append(item)
        self.horizon = param_int(params, "roi.horizon", 5)
        self.rate_bp = param_int(params, "roi.rate_bp", 0)
        self.classes = list(db.execute(
            "SELECT name, level_low, level_high, amount FROM invest_class"
            " WHERE unit_id = ? ORDER BY id LIMIT 64", (unit_id,)))
        self.sc = {k: param_int(params, k, d) for k, d in INV_PARAMS.items()}


def roi_figures(one_off_amounts, recurring_amounts, losses, horizon,
                rate_bp):
    """The ROI results in units, worked out here: amounts in hundredths,
    losses as (amount, incidents x 1000), each rounded half up to the
    hundredth. payback and roi are None where they are not defined."""
    one_off = sum(one_off_amounts)
    recurring = sum(recurring_amounts)
    loss = sum((a * m + 500) // 1000 for a, m in losses)
    net = loss - recurring
    n = min(max(horizon, 1), ROI_MAX_YEARS)
    rate = rate_bp / 10000
    net_n = n * net - one_off
    npv = sum(net / (1 + rate) ** t for t in range(1, n + 1)) - one_off
    invested = one_off + n * recurring
    return {
        "one_off": one_off / 100, "recurring": recurring / 100,
        "losses": loss / 100, "net": net / 100,
        "payback": one_off / net if net > 0 else None,
        "net_n": net_n / 100, "npv": npv / 100,
        "roi": net_n / invested if invested > 0 else None,
        "years": n,
        "cumulative": [(t * net - one_off) / 100 for t in range(n + 1)],
    }


def share_bp(amount, total):
    return (amount * 10000 + total // 2) // total if total > 0 else 0


def less_pct(v, pct):
    return (v * (100 - pct) + 50) // 100


def invest_figures(amounts, sc):
    """The investment results in units (shares as fractions), worked out
    here from class amounts and scenario parameters in hundredths."""
    total = sum(amounts)
    n = sc["inv.horizon"]
    self_n = (sc["inv.self_up_lo"] + n * sc["inv.self_year_lo"],
              sc["inv.self_up_hi"] + n * sc["inv.self_year_hi"])
    cloud_n = (sc["inv.cloud_up_lo"] + n * sc["inv.cloud_year_lo"],
               sc["inv.cloud_up_hi"] + n * sc["inv.cloud_year_hi"])
    hybrid_n = (less_pct(self_n[0], sc["inv.hybrid_hi"]),
                less_pct(self_n[1], sc["inv.hybrid_lo"]))
    before, after = sc["inv.ha_before"], sc["inv.ha_after"]
    return {
        "total": total / 100,
        "shares": [share_bp(a, total) / 10000 for a in amounts],
        "extra": (sc["inv.uniform"] - total) / 100,
        "ratio": sc["inv.uniform"] / total if total > 0 else 0,
        "self_n": tuple(v / 100 for v in self_n),
        "cloud_n": tuple(v / 100 for v in cloud_n),
        "hybrid_n": tuple(v / 100 for v in hybrid_n),
        "ha_extra": (after - before) / 100,
        "ha_pct": (after - before) / before if before > 0 else 0,
    }


def money_text(hundredths):
    """An amount as moat writes it in a sentence: "300", "12.50"."""
    whole, cents = divmod(hundredths, 100)
    return f"{whole}" if cents == 0 else f"{whole}.{cents:02d}"


def item_named(line, q, lang):
    """The index of the checklist item a blocking line is about ("item 3
    DR site / architecture", "第3项 灾备架构"), or None."""
    fmt = EXEC_TEXT[lang]["item"]
    found = [(line.find(fmt.format(i + 1, title)), i)
             for i, title in enumerate(q.titles)
             if fmt.format(i + 1, title) in line]
    return min(found)[1] if found else None


def exec_blocking_rows(ws, lang, level):
    """Column B from the row labelled "What blocks level N" down to the
    next labelled or empty row."""
    label = EXEC_TEXT[lang]["blocks"].format(level + 1)
    start = [i for i in range(1, ws.max_row + 1)
             if ws.cell(i, 1).value == label]
    expect(len(start) == 1, f"executive: {len(start)} rows labelled"
           f" {label!r}")
    rows = []
    for i in range(start[0], ws.max_row + 1):
        if ws.cell(i, 2).value is None or (
                i > start[0] and ws.cell(i, 1).value is not None):
            break
        rows.append(text(ws.cell(i, 2).value))
    return rows


def check_exec_costs(ws, lang, q, ci, level, blocking):
    """The first EXEC_BLOCKING of the Summary's blocking lines, each
    followed, when the checklist item it is about is named by one-off or
    yearly ROI lines, by what those add up to (said once an item, under
    its first line); then how many more. Returns how many cost lines
    there are."""
    t = EXEC_TEXT[lang]
    want = []
    costs = 0
    costed = set()
    for line in blocking[:EXEC_BLOCKING]:
        want.append(line)
        i = item_named(line, q, lang)
        if i is None or i in costed:
            continue
        costed.add(i)
        sums = {}
        for kind in ("one_off", "recurring"):
            amounts = [a for (_, a, _), item in zip(ci.lines[kind],
                                                    ci.items[kind])
                       if item == q.keys[i]]
            if amounts:
                sums[kind] = t["amount"].format(money_text(sum(amounts)),
                                                ci.currency)
        costs += bool(sums)
        if len(sums) == 2:
            want.append(t["both"].format(sums["one_off"], sums["recurring"]))
        elif sums:
            kind, amount = sums.popitem()
            want.append(t[kind].format(amount))
    if len(blocking) > EXEC_BLOCKING:
        want.append(t["more"].format(len(blocking) - EXEC_BLOCKING))
    got = exec_blocking_rows(ws, lang, level)
    expect(got == want, f"executive: what blocks level {level + 1} is"
           f" {got}, expected {want}")
    return costs


def check_executive(ws, wsf, roi, db, unit_id, lang, level, ci, q=None,
                    blocking=None):
    """The executive summary (ws, and wsf for its formulas): its title
    names the unit, its level is the Summary's, its payback, N-year net,
    ROI and horizon are what the database's ROI inputs give, each a
    formula reading the cell of the ROI sheet roi labelled alike, and
    (with the questionnaire and the Summary's blocking lines) what blocks
    the next level is the Summary's first lines, each with its cost from
    the ROI lines naming its item. Returns a one-line summary."""
    t = EXEC_TEXT[lang]
    r = {k: v.format(ci.currency) for k, v in ROI_TEXT[lang].items()}
    name = db.execute("SELECT name FROM org_unit WHERE id = ?",
                      (unit_id,)).fetchone()[0]
    name = name.decode() if isinstance(name, bytes) else name
    expect(ws["A1"].value == t["title"].format(name),
           f"executive A1: {ws['A1'].value!r}")
    rows = {ws.cell(i, 1).value: ws.cell(i, 2).value
            for i in range(1, ws.max_row + 1) if ws.cell(i, 1).value}
    shown = rows.get(t["level"], "")
    expect(isinstance(shown, str) and shown.startswith(
        t["level_is"].format(level)),
        f"executive level {shown!r}, Summary's {level}")
    fig = roi_figures([a for _, a, _ in ci.lines["one_off"]],
                      [a for _, a, _ in ci.lines["recurring"]],
                      [(a, m) for _, a, m in ci.lines["loss"]],
                      ci.horizon, ci.rate_bp)
    want = {
        r["r_payback"]: fig["payback"] if fig["payback"] is not None
        else r["never"],
        r["r_net_n"]: fig["net_n"],
        r["r_roi"]: fig["roi"] if fig["roi"] is not None else r["nothing"],
        r["horizon"]: min(max(ci.horizon, 1), ROI_MAX_YEARS),
    }
    for label, v in want.items():
        expect(close(rows.get(label), v),
               f"executive {label!r}: {rows.get(label)!r}, expected {v!r}")
    on_roi = {roi.cell(i, 1).value: i for i in range(1, roi.max_row + 1)}
    for i in range(1, ws.max_row + 1):
        label = ws.cell(i, 1).value
        if label not in want:
            continue
        f = wsf.cell(i, 2).value
        expect(label in on_roi and f == f"='{roi.title}'!$B${on_roi[label]}",
               f"executive {label!r}: {f!r}, expected the ROI sheet's cell"
               f" of that label")
    costs = ""
    if q is not None and blocking is not None and level < 5:
        costs = (f", {check_exec_costs(ws, lang, q, ci, level, blocking)}"
                 " cost line(s)")
    return (f"executive: level {level}, payback {rows[r['r_payback']]},"
            f" {len(rows)} labelled rows{costs}")


def check_roi(g, path, lang, ci, document, q=None):
    """The ROI sheet, row by row: the inputs equal the database (with the
    questionnaire, a cost's checklist item by its title), every
    result is a formula whose cached value is what the inputs give, the
    formulas read the right cells and move with them, one row a year up to
    the sheet's stated maximum, blank past N, and a scatter chart of it.
    Returns a one-line summary."""
    t = {k: v.format(ci.currency) for k, v in ROI_TEXT[lang].items()}
    expect(g.v(1, 1) == t["title"], f"{g.name} A1: {g.v(1, 1)!r}")
    expect(g.v(3, 1) == t["inputs"], f"{g.name} A3: {g.v(3, 1)!r}")
    heads = {
        "one_off": [t["one_off"], t["amount"], t["item"]],
        "recurring": [t["recurring"], t["amount_year"], t["item"]],
        "loss": [t["loss"], t["per_incident"], t["incidents"],
                 t["expected"]],
    }
    row = 4
    spans = {}
    for kind in ROI_KINDS:
        want = heads[kind]
        got = g.row(row, 4)[:len(want)]
        expect(got == want, f"{g.name} row {row}: {got}, expected {want}")
        lines = ci.lines[kind]
        first = row + 1
        for i, (name, amount, milli) in enumerate(lines):
            r = first + i
            expect(g.v(r, 1) == name,
                   f"{g.where(r, 1)}: {g.v(r, 1)!r}, database {name!r}")
            g.input_cell(r, 2, amount / 100, f"{kind} {name}", "money")
            item = ci.items[kind][i]
            if kind != "loss" and q is not None:
                title = (q.titles[q.keys.index(item)] if item in q.keys
                         else item or None)
                expect(g.v(r, 3) == title,
                       f"{g.where(r, 3)}: {g.v(r, 3)!r}, the item of {name}"
                       f" is {item!r}: expected {title!r}")
            if kind == "loss":
                g.input_cell(r, 3, milli / 1000, f"incidents of {name}")
                g.result_cell(r, 4, ((amount * milli + 500) // 1000) / 100,
                              f"expected loss of {name}", "money")
                expect(g.refs(r, 4) == {(r, 2), (r, 3)},
                       f"{g.where(r, 4)}: reads"
                       f" {sorted(map(name_of, g.refs(r, 4)))}")
        last = first + max(len(lines), 1) - 1
        if not lines:
            expect(g.blank(first), f"{g.name} row {first}: expected the"
                   f" empty row of a table without lines")
        spans[kind] = (first, last)
        expect(g.blank(last + 1), f"{g.name} row {last + 1}: not blank")
        row = last + 2

    n = min(max(ci.horizon, 1), ROI_MAX_YEARS)
    horizon, rate = row, row + 1
    expect(g.v(horizon, 1) == t["horizon"] and g.v(rate, 1) == t["rate"],
           f"{g.name} rows {horizon}-{rate}: {g.v(horizon, 1)!r},"
           f" {g.v(rate, 1)!r}")
    g.input_cell(horizon, 2, n, "horizon")
    g.input_cell(rate, 2, ci.rate_bp / 10000, "discount rate", "percent")
    expect(g.blank(rate + 1) and g.v(rate + 2, 1) == t["results"],
           f"{g.name} row {rate + 2}: {g.v(rate + 2, 1)!r}, expected"
           f" {t['results']!r}")

    keys = ["one_off", "recurring", "losses", "net", "payback", "net_n",
            "npv", "roi"]
    at = {k: (rate + 3 + i, 2) for i, k in enumerate(keys)}
    for k in keys:
        r = at[k][0]
        expect(g.v(r, 1) == t["r_" + k],
               f"{g.where(r, 1)}: {g.v(r, 1)!r}, expected {t['r_' + k]!r}")

    def inputs_of(overrides=None):
        """The model's inputs as the sheet holds them, with overrides."""
        o = overrides or {}

        def val(cell):
            return o.get(cell, g.v(*cell))

        def hundredths(cell):
            return round(to_number(val(cell), "input") * 100)

        def rows(kind):
            return range(spans[kind][0], spans[kind][1] + 1)
        return (
            [hundredths((r, 2)) for r in rows("one_off")],
            [hundredths((r, 2)) for r in rows("recurring")],
            [(hundredths((r, 2)), round(to_number(val((r, 3)), "") * 1000))
             for r in rows("loss")],
            round(val((horizon, 2))),
            round(to_number(val((rate, 2)), "") * 10000))

    def shown(fig, k):
        """A result as the sheet shows it: a number or the text."""
        v = fig[k]
        if v is None:
            return t["never"] if k == "payback" else t["nothing"]
        return v

    # The database's inputs give the cached results.
    fig = roi_figures([a for _, a, _ in ci.lines["one_off"]],
                      [a for _, a, _ in ci.lines["recurring"]],
                      [(a, m) for _, a, m in ci.lines["loss"]],
                      ci.horizon, ci.rate_bp)
    fmt = {"payback": "decimal", "roi": "percent"}
    for k in keys:
        g.result_cell(*at[k], shown(fig, k), t["r_" + k],
                      fmt.get(k, "money"))

    # The formulas read the right cells.
    def col_cells(kind, col):
        return {(r, col) for r in range(spans[kind][0], spans[kind][1] + 1)}
    reads = {
        "one_off": col_cells("one_off", 2),
        "recurring": col_cells("recurring", 2),
        "losses": col_cells("loss", 4),
        "net": {at["losses"], at["recurring"]},
        "payback": {at["one_off"], at["net"]},
        "net_n": {(horizon, 2), at["net"], at["one_off"]},
        "npv": {(horizon, 2), (rate, 2), at["net"], at["one_off"]},
        "roi": {at["one_off"], (horizon, 2), at["recurring"], at["net_n"]},
    }
    for k, want in reads.items():
        got = g.refs(*at[k])
        expect(got == want, f"{g.where(*at[k])} ({t['r_' + k]}): reads"
               f" {sorted(map(name_of, got))}, expected"
               f" {sorted(map(name_of, want))}")

    # The year table: a row a year t = 0..M, M the sheet's stated
    # maximum; up to the sheet's N the year and t x net - one-off, past it
    # #N/A (shown blank), so a horizon typed into the sheet moves it.
    top = max(ROI_SHEET_YEARS, n)
    expect(g.v(horizon, 3) == ROI_TEXT[lang]["horizon_note"].format(top),
           f"{g.where(horizon, 3)}: {g.v(horizon, 3)!r}, expected the"
           f" stated maximum {top}")
    check_whole_limit(path, g.name, name_of((horizon, 2)), 1, top)
    head = at["roi"][0] + 2
    expect(g.blank(head - 1) and g.row(head, 2) == [t["year"],
                                                    t["cumulative"]],
           f"{g.name} row {head}: {g.row(head, 2)}")
    for y in range(top + 1):
        r = head + 1 + y
        shown_ = y <= n
        g.result_cell(r, 1, y if shown_ else NA, f"year {y}")
        g.result_cell(r, 2, fig["cumulative"][y] if shown_ else NA,
                      f"cumulative cash year {y}", "money")
        expect(g.refs(r, 1) == {(horizon, 2)},
               f"{g.where(r, 1)}: reads"
               f" {sorted(map(name_of, g.refs(r, 1)))}")
        expect(g.refs(r, 2) == {(r, 1), at["net"], at["one_off"]},
               f"{g.where(r, 2)}: reads"
               f" {sorted(map(name_of, g.refs(r, 2)))}")
    last = head + 1 + top
    expect(g.max_row == last,
           f"{g.name}: rows up to {g.max_row}, the year table ends at"
           f" {last} (M = {top})")
    check_unseen_past(path, g.name, f"A{head + 1}:B{last}",
                      name_of((horizon, 2)))
    one_series_chart(path, g.name, "scatterChart",
                     f"$A${head + 1}:$A${last}", f"$B${head + 1}:$B${last}",
                     ("c:xVal", "c:yVal"))

    # Change inputs as the CFO would in Excel: every result moves as the
    # model says it should.
    first_one_off = (spans["one_off"][0], 2)
    first_recurring = (spans["recurring"][0], 2)
    first_loss = spans["loss"][0]
    whatifs = [
        {first_one_off: to_number(g.v(*first_one_off), "") + 40},
        {(first_loss, 2): to_number(g.v(first_loss, 2), "") + 12.5,
         (first_loss, 3): 2},
        {(rate, 2): 0.05},
        {(horizon, 2): min(n + 1, ROI_MAX_YEARS), (rate, 2): 0.1},
        # The horizon shortened and lengthened to the stated maximum: the
        # year table follows.
        {(horizon, 2): 1},
        {(horizon, 2): top},
        # Costs above the losses: never pays back.
        {first_recurring: fig["losses"] + 1},
        # Nothing invested at all: the ROI is not defined.
        {**{(r, 2): 0 for r in range(spans["one_off"][0],
                                     spans["one_off"][1] + 1)},
         **{(r, 2): 0 for r in range(spans["recurring"][0],
                                     spans["recurring"][1] + 1)}},
    ]
    for o in whatifs:
        want = roi_figures(*inputs_of(o))
        got = g.evaluate([at[k] for k in keys], o)
        changed = ", ".join(f"{name_of(c)}={v}" for c, v in o.items())
        for k, v in zip(keys, got):
            expect(close(v, shown(want, k)),
                   f"{g.name}: with {changed}, {t['r_' + k]} recalculates"
                   f" to {v!r}, expected {shown(want, k)!r}")
        new_n = o.get((horizon, 2), n)
        cum = g.evaluate([(head + 1 + y, c) for y in range(top + 1)
                          for c in (1, 2)], o)
        for y in range(top + 1):
            wy = (y * round(want["net"] * 100) -
                  round(want["one_off"] * 100)) / 100
            want_y = (y, wy) if y <= new_n else (NA, NA)
            got_y = tuple(cum[2 * y:2 * y + 2])
            expect(all(close(a, b) for a, b in zip(got_y, want_y)),
                   f"{g.name}: with {changed}, year {y} and its cumulative"
                   f" cash recalculate to {got_y!r}, expected {want_y!r}")

    if document:
        expect([round(fig[k], 2) for k in ("one_off", "recurring",
                                           "losses", "net")]
               == [360, 20, 350, 330], f"{g.name}: the document's demo gives"
               f" one-off 360, recurring 20, losses 350, net 330: {fig}")
        expect(n == 5 and round(fig["payback"], 2) == 1.09 and
               round(fig["net_n"], 2) == 1290 and
               round(fig["roi"] * 100, 2) == 280.43,
               f"{g.name}: the document's demo gives payback 1.09,"
               f" 5-year net 1290, ROI 280.43 %: {fig}")
    payback = (f"{fig['payback']:.2f} years" if fig["payback"] is not None
               else "never")
    roi = f"{fig['roi'] * 100:.2f} %" if fig["roi"] is not None else "n/a"
    return (f"ROI: net {fig['net']:.2f} a year, payback {payback},"
            f" {n}-year net {fig['net_n']:.2f}, NPV {fig['npv']:.2f},"
            f" ROI {roi}")


def check_invest(g, path, lang, ci, document):
    """The investment sheet, row by row: the classes and the scenario
    inputs equal the database, shares, totals and scenario results are
    formulas whose cached values are what the inputs give, reading the
    right cells and moving with them, and a pie chart of the classes.
    Returns a one-line summary."""
    t = {k: v.format(ci.currency) for k, v in INV_TEXT[lang].items()}
    expect(g.v(1, 1) == t["title"], f"{g.name} A1: {g.v(1, 1)!r}")
    want = [t["class"], t["levels"], t["amount_year"], t["share"]]
    expect(g.row(3, 4) == want, f"{g.name} row 3: {g.row(3, 4)}")
    amounts = [c[3] for c in ci.classes]
    fig = invest_figures(amounts, ci.sc)
    first = 4
    last = first + max(len(ci.classes), 1) - 1
    total_row = last + 1
    total = (total_row, 3)
    for i, (name, lo, hi, amount) in enumerate(ci.classes):
        r = first + i
        levels = f"{lo}" if lo == hi else f"{lo}-{hi}"
        expect(g.row(r, 2) == [name, levels],
               f"{g.name} row {r}: {g.row(r, 2)}, database {name!r}"
               f" {levels!r}")
        g.input_cell(r, 3, amount / 100, f"amount of {name}", "money")
        g.result_cell(r, 4, fig["shares"][i], f"share of {name}", "percent")
        expect(g.refs(r, 4) == {(r, 3), total},
               f"{g.where(r, 4)}: reads {sorted(map(name_of, g.refs(r, 4)))}")
    expect(g.v(total_row, 1) == t["total"],
           f"{g.where(total_row, 1)}: {g.v(total_row, 1)!r}")
    g.result_cell(*total, fig["total"], "total", "money")
    expect(g.refs(*total) == {(r, 3) for r in range(first, last + 1)},
           f"{g.where(*total)}: reads {sorted(map(name_of, g.refs(*total)))}")
    g.result_cell(total_row, 4, sum(fig["shares"]), "total share", "percent")
    one_series_chart(path, g.name, "pieChart", f"$A${first}:$A${last}",
                     f"$C${first}:$C${last}")

    def labelled(r, key):
        expect(g.v(r, 1) == t[key],
               f"{g.where(r, 1)}: {g.v(r, 1)!r}, expected {t[key]!r}")

    def money_in(key):
        return ci.sc[key] / 100

    # One size fits all.
    r = total_row + 2
    expect(g.blank(r - 1), f"{g.name} row {r - 1}: not blank")
    labelled(r, "uniform_head")
    uniform, extra, ratio = (r + 1, 2), (r + 2, 2), (r + 3, 2)
    labelled(r + 1, "uniform")
    g.input_cell(*uniform, money_in("inv.uniform"), "uniform plan", "money")
    labelled(r + 2, "extra")
    g.result_cell(*extra, fig["extra"], "more than tiered", "money")
    expect(g.refs(*extra) == {uniform, total}, f"{g.where(*extra)} reads"
           f" {sorted(map(name_of, g.refs(*extra)))}")
    labelled(r + 3, "ratio")
    g.result_cell(*ratio, fig["ratio"], "ratio", "decimal")

    # DR options over N years.
    r += 5
    expect(g.blank(r - 1) and g.row(r, 3) == [t["options_head"], t["low"],
                                              t["high"]],
           f"{g.name} row {r}: {g.row(r, 3)}")
    pairs = [("self_up", "inv.self_up"), ("self_year", "inv.self_year"),
             ("cloud_up", "inv.cloud_up"), ("cloud_year", "inv.cloud_year")]
    rows_ = {}
    for i, (key, param) in enumerate(pairs):
        rr = r + 1 + i
        rows_[key] = rr
        labelled(rr, key)
        g.input_cell(rr, 2, money_in(param + "_lo"), key + " low", "money")
        g.input_cell(rr, 3, money_in(param + "_hi"), key + " high", "money")
    saving = r + 5
    labelled(saving, "saving")
    g.input_cell(saving, 2, ci.sc["inv.hybrid_lo"] / 100, "saving low",
                 "percent")
    g.input_cell(saving, 3, ci.sc["inv.hybrid_hi"] / 100, "saving high",
                 "percent")
    n_row = r + 6
    labelled(n_row, "horizon")
    g.input_cell(n_row, 2, ci.sc["inv.horizon"], "N")
    self_n, cloud_n, hybrid_n = r + 7, r + 8, r + 9
    for rr, key, up, year in ((self_n, "self_n", "self_up", "self_year"),
                              (cloud_n, "cloud_n", "cloud_up",
                               "cloud_year")):
        labelled(rr, key)
        for col, end in ((2, 0), (3, 1)):
            g.result_cell(rr, col, fig[key][end], f"{key} {col}", "money")
            want = {(rows_[up], col), (rows_[year], col), (n_row, 2)}
            expect(g.refs(rr, col) == want, f"{g.where(rr, col)} reads"
                   f" {sorted(map(name_of, g.refs(rr, col)))}")
    labelled(hybrid_n, "hybrid_n")
    for col, end, other in ((2, 0, 3), (3, 1, 2)):
        g.result_cell(hybrid_n, col, fig["hybrid_n"][end],
                      f"hybrid {col}", "money")
        # The larger saving on the low end.
        want = {(self_n, col), (saving, other)}
        expect(g.refs(hybrid_n, col) == want, f"{g.where(hybrid_n, col)}"
               f" reads {sorted(map(name_of, g.refs(hybrid_n, col)))}")

    # The HA upgrade.
    r = hybrid_n + 2
    expect(g.blank(r - 1) and g.row(r, 3) == [t["ha_head"], t["before"],
                                              t["after"]],
           f"{g.name} row {r}: {g.row(r, 3)}")
    cost = r + 1
    labelled(cost, "ha_cost")
    g.input_cell(cost, 2, money_in("inv.ha_before"), "HA before", "money")
    g.input_cell(cost, 3, money_in("inv.ha_after"), "HA after", "money")
    for rr, key in ((r + 2, "rto"), (r + 3, "rpo")):
        labelled(rr, key)
        g.input_cell(rr, 2, ci.sc[f"inv.ha_{key}_before"], key + " before")
        g.input_cell(rr, 3, ci.sc[f"inv.ha_{key}_after"], key + " after")
    ha_extra, ha_pct = (r + 4, 2), (r + 5, 2)
    labelled(r + 4, "ha_extra")
    g.result_cell(*ha_extra, fig["ha_extra"], "HA extra", "money")
    labelled(r + 5, "ha_pct")
    g.result_cell(*ha_pct, fig["ha_pct"], "HA extra share", "percent")
    for cell in (ha_extra, ha_pct):
        expect(g.refs(*cell) == {(cost, 2), (cost, 3)},
               f"{g.where(*cell)} reads {sorted(map(name_of, g.refs(*cell)))}")
    expect(g.max_row == r + 5, f"{g.name}: rows up to {g.max_row},"
           f" expected {r + 5}")

    # Change inputs: every result moves as the model says.
    results = {
        "total": total, "extra": extra, "ratio": ratio,
        "self_lo": (self_n, 2), "self_hi": (self_n, 3),
        "cloud_lo": (cloud_n, 2), "cloud_hi": (cloud_n, 3),
        "hybrid_lo": (hybrid_n, 2), "hybrid_hi": (hybrid_n, 3),
        "ha_extra": ha_extra, "ha_pct": ha_pct,
    }
    sc_cells = {"inv.uniform": uniform, "inv.horizon": (n_row, 2),
                "inv.hybrid_lo": (saving, 2), "inv.hybrid_hi": (saving, 3),
                "inv.ha_before": (cost, 2), "inv.ha_after": (cost, 3)}
    for key, param in pairs:
        sc_cells[param + "_lo"] = (rows_[key], 2)
        sc_cells[param + "_hi"] = (rows_[key], 3)
    whatifs = [
        {(first, 3): to_number(g.v(first, 3), "") + 100},
        {(saving, 2): 0.2, (saving, 3): 0.6},
        {(n_row, 2): ci.sc["inv.horizon"] + 2},
        {(cost, 2): 0},
        {uniform: 0},
    ]
    for o in whatifs:
        def val(cell):
            return o.get(cell, g.v(*cell))
        # The empty row of a table without classes is in the total too.
        amounts_o = [round(to_number(val((r, 3)), "") * 100)
                     for r in range(first, last + 1)]
        sc = dict(ci.sc)
        for param, cell in sc_cells.items():
            scale = 1 if param == "inv.horizon" else 100
            sc[param] = round(to_number(val(cell), "") * scale)
        want = invest_figures(amounts_o, sc)
        flat = {"total": want["total"], "extra": want["extra"],
                "ratio": want["ratio"], "self_lo": want["self_n"][0],
                "self_hi": want["self_n"][1], "cloud_lo": want["cloud_n"][0],
                "cloud_hi": want["cloud_n"][1],
                "hybrid_lo": want["hybrid_n"][0],
                "hybrid_hi": want["hybrid_n"][1],
                "ha_extra": want["ha_extra"], "ha_pct": want["ha_pct"]}
        got = g.evaluate(list(results.values()), o)
        changed = ", ".join(f"{name_of(c)}={v}" for c, v in o.items())
        for k, v in zip(results, got):
            expect(close(v, flat[k]), f"{g.name}: with {changed}, {k}"
                   f" recalculates to {v!r}, expected {flat[k]!r}")
        shares = g.evaluate([(first + i, 4) for i in range(len(ci.classes))],
                            o)
        for i, v in enumerate(shares):
            expect(close(v, want["shares"][i]), f"{g.name}: with {changed},"
                   f" share {i + 1} recalculates to {v!r}, expected"
                   f" {want['shares'][i]!r}")

    if document:
        expect([round(s * 100, 2) for s in fig["shares"]] == [60, 30, 10]
               and fig["total"] == 500,
               f"{g.name}: the document's classes give 300/150/50 of 500,"
               f" shares 60/30/10 %: {fig}")
        expect(fig["self_n"] == (1000, 2000) and
               fig["cloud_n"] == (250, 750) and
               fig["hybrid_n"] == (500, 1400),
               f"{g.name}: the document gives self-built 1000-2000, cloud"
               f" 250-750, hybrid 500-1400 over 5 years: {fig}")
    shares = "/".join(f"{s * 100:.2f}" for s in fig["shares"]) or "none"
    return (f"investment: {len(ci.classes)} classes, total"
            f" {fig['total']:.2f}, shares {shares} %, self-built"
            f" {fig['self_n'][0]:.2f}-{fig['self_n'][1]:.2f}, cloud"
            f" {fig['cloud_n'][0]:.2f}-{fig['cloud_n'][1]:.2f}, hybrid"
            f" {fig['hybrid_n'][0]:.2f}-{fig['hybrid_n'][1]:.2f}")


# ---------------------------------------------------------------------------
# The 90-day programme (§7) and its recurring duties.

PLAN_SHEET = {"en": "Plan", "zh": "90天计划"}
DUTY_SHEET = {"en": "Duties", "zh": "周期职责"}
PLAN_DAYS = 90
PHASE_DAYS = 30
PLAN_TEXT = {
    "en": {
        "head": "90-day programme · started {start} · day {day} of 90",
        "before": "90-day programme · starts {start} (days to go: {left})",
        "after": "90-day programme · started {start} · ended (day {day})",
        "started": "Started",
        "as_of": "As of",
        "day": "Day of the programme",
        "phase": "Phase {} {}",
        "progress": "Progress",
        "tasks": "Tasks",
        "done": "Done",
        "overdue": "Overdue",
        "pct": "Done %",
        "whole": "Whole programme",
    },
    "zh": {
        "head": "90天计划 · 开始于 {start} · 第{day}天/共90天",
        "before": "90天计划 · 将于 {start} 开始（还有{left}天）",
        "after": "90天计划 · 开始于 {start} · 已结束（第{day}天）",
        "started": "开始日期",
        "as_of": "统计日期",
        "day": "计划第几天",
        "phase": "阶段{} {}",
        "progress": "进度",
        "tasks": "任务数",
        "done": "已完成",
        "overdue": "逾期数",
        "pct": "完成率",
        "whole": "整个计划",
    },
}
PLAN_HEADERS = {
    "en": ["#", "Phase", "Phase name", "Task", "Checklist item", "Owner",
           "Status", "Due", "Done on", "Overdue", "First day", "Last day"],
    "zh": ["序号", "阶段", "阶段名称", "任务", "关联检查项", "负责人", "状态",
           "截止日期", "完成日期", "是否逾期", "起始天", "结束天"],
}
TASK_STATUS = {
    "en": {"not_started": "not started", "in_progress": "in progress",
           "done": "done", "blocked": "blocked"},
    "zh": {"not_started": "未开始", "in_progress": "进行中",
           "done": "已完成", "blocked": "受阻"},
}
DUTY_TEXT = {
    "en": {
        "head": "Recurring duties on {}",
        "schedule": "the schedule",
        "completion": "the last completion",
        "history": "History, newest first",
        "done": "done",
        "skipped": "skipped",
        "nothing": "Nothing recorded yet.",
    },
    "zh": {
        "head": "周期职责（截至 {}）",
        "schedule": "固定日程",
        "completion": "上次完成",
        "history": "历史记录（最新在前）",
        "done": "已完成",
        "skipped": "已跳过",
        "nothing": "尚无记录。",
    },
}
DUTY_HEADERS = {
    "en": ["#", "Duty", "Rule", "Counted from", "Checklist item", "From",
           "Next due", "Last done", "Overdue occurrences", "Overdue",
           "Missed, due on", "Paused since"],
    "zh": ["序号", "职责", "周期规则", "起算方式", "关联检查项", "起始日期",
           "下次到期", "上次完成", "逾期次数", "是否逾期", "逾期未做（到期日）",
           "暂停起始日期"],
}
HISTORY_HEADERS = {
    "en": ["#", "Duty", "Due", "Done or skipped", "On", "Result", "Note",
           "By"],
    "zh": ["序号", "职责", "截止日期", "完成或跳过", "日期", "结果", "备注",
           "记录人"],
}
# The Plan sheet's layout (1-based): the labels of rows 2-4 in column D
# with their values in E, the phases over the day columns in row 5, the
# header in row 6, the tasks from row 7; columns K and L (hidden) hold
# each task's first and last day, M onwards the days 1..90.
PLAN_HEADER_ROW = 6
PLAN_FIRST_DAY_COL = 13
COL_STATUS, COL_OVERDUE, COL_FIRST, COL_LAST = 7, 10, 11, 12


def display_width(s):
    """Terminal columns of s: East Asian wide and fullwidth characters
    count 2, combining marks 0."""
    import unicodedata
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def plan_phase_names(lang):
    """{phase: name} from the plan template (plan.yaml) of lang, read line
    by line, or None when the file is not found."""
    base = os.environ.get("MOAT_DATADIR") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "questionnaires")
    try:
        with open(os.path.join(base, LANG_DIRS[lang], "plan.yaml"),
                  encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    names, phase = {}, None
    for i, line in enumerate(lines):
        m = re.match(r"^  - phase:\s*(\d+)\s*$", line)
        if m:
            phase = int(m.group(1))
            continue
        m = re.match(r"^    name:\s*(.+)$", line)
        if m and phase is not None:
            names[phase] = block_value(lines, i, m.group(1).strip())[0]
    expect(sorted(names) == [1, 2, 3], f"plan.yaml: phases {names}")
    return names


def col_hidden(ws, col):
    """Whether column col (1-based) is hidden; openpyxl keeps a span of
    columns with the same settings under its first letter."""
    for dim in ws.column_dimensions.values():
        if dim.min is not None and dim.min <= col <= (dim.max or dim.min):
            return bool(dim.hidden)
    return False


def col_width(ws, col):
    for dim in ws.column_dimensions.values():
        if dim.min is not None and dim.min <= col <= (dim.max or dim.min):
            return dim.width
    return None


def shift_formula(formula, drow, dcol):
    """formula as Excel applies it drow rows and dcol columns away from
    the cell it was written for: the parts of references without $ move,
    string literals stay."""
    def move(m):
        col_abs, letters, row_abs, digits = m.groups()
        row, col = cell_of(letters + digits)
        if not col_abs:
            col += dcol
        if not row_abs:
            row += drow
        name = name_of((row, col))
        letters_, digits_ = re.fullmatch(r"([A-Z]+)(\d+)", name).groups()
        return f"{col_abs}{letters_}{row_abs}{digits_}"
    parts = re.split(r'("(?:[^"]|"")*")', formula)
    return "".join(p if p.startswith('"') else
                   re.sub(r"(\$?)([A-Z]{1,3})(\$?)(\d+)", move, p)
                   for p in parts)


class Rule:
    """A conditional format's formula rule over its range, evaluated at any
    cell of it as Excel would."""

    def __init__(self, cf_range, rule):
        self.ranges = list(cf_range.sqref.ranges)
        self.top = (self.ranges[0].min_row, self.ranges[0].min_col)
        self.priority = rule.priority
        self.type = rule.type
        self.formula = "=" + (rule.formula[0] if rule.formula else "")
        fill = rule.dxf.fill if rule.dxf is not None else None
        self.fill = None
        if fill is not None:
            for c in (fill.bgColor, fill.fgColor):
                if c is not None and c.rgb not in (None, "00000000"):
                    self.fill = c.rgb
                    break
        self.refs = Formula(self.formula).refs
        self.cache = {}

    def covers(self, row, col):
        return any(r.min_row <= row <= r.max_row and
                   r.min_col <= col <= r.max_col for r in self.ranges)

    def holds(self, row, col, get):
        d = (row - self.top[0], col - self.top[1])
        if d not in self.cache:
            self.cache[d] = Formula(shift_formula(self.formula, *d))
        return bool(self.cache[d].tree(get))


def check_plan(ws, wsf, db, unit_id, lang, q, today):
    """The Plan sheet against programme and plan_task: the title with the
    day of the programme, one row per task (phase and its name, title,
    checklist item, owner, status, due and done dates, overdue), the
    hidden first and last day of each bar (formulas over the phase whose
    values are the phase's window), the Gantt chart as conditional formats
    over the day columns (evaluated cell by cell here: every task's bar
    covers exactly its phase's days, green when done, red when overdue,
    today marked; no cell filled by hand), and the progress per phase and
    of the whole as COUNTIFS formulas that agree with the database and
    move when a status changes. Returns a summary."""
    name = PLAN_SHEET[lang]
    t = PLAN_TEXT[lang]
    g = Grid(ws, wsf, name)
    pid, start_s = db.execute("SELECT id, start_date FROM programme"
                              " WHERE unit_id = ?", (unit_id,)).fetchone()
    start = parse_day(start_s)
    expect(start is not None, f"programme start {start_s!r}")
    as_of = parse_day(text(g.v(3, 5)))
    if today is None:
        today = as_of
    expect(as_of == today, f"{name} E3: as of {g.v(3, 5)!r}, exported"
           f" {today}")
    day = (today - start).days + 1
    if day < 1:
        head = t["before"].format(start=start_s, left=1 - day)
    elif day > PLAN_DAYS:
        head = t["after"].format(start=start_s, day=day)
    else:
        head = t["head"].format(start=start_s, day=day)
    expect(g.v(1, 1) == head, f"{name} A1: {g.v(1, 1)!r}, expected {head!r}")
    for r, label, value in ((2, "started", start_s), (3, "as_of", str(today)),
                            (4, "day", day)):
        got = [g.v(r, 4), g.v(r, 5)]
        expect(got == [t[label], value],
               f"{name} row {r}: {got}, expected {[t[label], value]}")
    expect(isinstance(g.v(4, 5), int), f"{name} E4: day {g.v(4, 5)!r} is"
           " not a number")

    # The phases over their days, merged; the header with the day numbers.
    names = plan_phase_names(lang)
    first_day_col = PLAN_FIRST_DAY_COL
    last_day_col = first_day_col + PLAN_DAYS - 1
    merged = sorted(str(m) for m in ws.merged_cells.ranges)
    want = sorted(f"{name_of((5, first_day_col + (p - 1) * PHASE_DAYS))}:"
                  f"{name_of((5, first_day_col + p * PHASE_DAYS - 1))}"
                  for p in (1, 2, 3))
    expect(merged == want, f"{name}: merged {merged}, expected {want}")
    for p in (1, 2, 3):
        got = g.v(5, first_day_col + (p - 1) * PHASE_DAYS)
        expect(names is None or got == t["phase"].format(p, names[p]),
               f"{name}: phase band {p}: {got!r}")
    header = g.row(PLAN_HEADER_ROW, 12)
    expect(header == PLAN_HEADERS[lang],
           f"{name} header {header}, expected {PLAN_HEADERS[lang]}")
    days = [g.v(PLAN_HEADER_ROW, c)
            for c in range(first_day_col, last_day_col + 1)]
    expect(days == list(range(1, PLAN_DAYS + 1)),
           f"{name}: day header {days[:3]}...{days[-3:]}, expected 1..90")
    expect(g.v(PLAN_HEADER_ROW, last_day_col + 1) is None,
           f"{name}: a column after day 90")

    # The tasks, as the store lists them: by phase, then as entered.
    tasks = list(db.execute(
        "SELECT phase, title, item_key, owner, status, due_date, done_date"
        " FROM plan_task WHERE programme_id = ? ORDER BY phase, id", (pid,)))
    status_text = TASK_STATUS[lang]
    yes, no = YES_NO[lang]
    first = PLAN_HEADER_ROW + 1
    last = first + len(tasks) - 1
    titles = dict(zip(q.keys, q.titles)) if q is not None else {}
    windows, kinds = {}, {}
    for i, (phase, title, item, owner, status, due_s, done_s) in \
            enumerate(tasks):
        r = first + i
        where = f"{name} row {r} ({title})"
        due = parse_day(due_s)
        over = status != "done" and due < today
        item_title = titles.get(item, item) if q is not None else None
        want = [i + 1, phase, names[phase] if names else None, title,
                item_title or None, owner or None, status_text[status],
                due_s, done_s or None, yes if over else no]
        got = g.row(r, 10)
        if names is None:
            want[2] = got[2]
        if q is None:
            want[4] = got[4]
        expect(got == want, f"{where}: {got}, expected {want}")
        # The bar: the phase's days, from the phase's start to the due
        # date at its end (plan_phase_start .. plan_phase_due).
        phase_start = start + datetime.timedelta(days=(phase - 1) * PHASE_DAYS)
        win = ((phase_start - start).days + 1, (due - start).days + 1)
        expect(win == ((phase - 1) * PHASE_DAYS + 1, phase * PHASE_DAYS),
               f"{where}: due {due_s} is not the end of phase {phase}")
        g.result_cell(r, COL_FIRST, win[0], "first day")
        g.result_cell(r, COL_LAST, win[1], "last day")
        expect(g.refs(r, COL_FIRST) == {(r, 2)} and
               g.refs(r, COL_LAST) == {(r, 2)},
               f"{where}: first/last day do not read the phase")
        windows[r] = win
        kinds[r] = "done" if status == "done" else "late" if over else "bar"
    expect(g.v(last + 1, 1) is None and g.v(last + 1, 4) is None,
           f"{name}: row {last + 1} not blank after the tasks")
    for col in (COL_FIRST, COL_LAST):
        expect(col_hidden(ws, col), f"{name}: helper column"
               f" {name_of((1, col))[:-1]} not hidden")
    for col in range(1, COL_FIRST):
        expect(not col_hidden(ws, col), f"{name}: column {col} hidden")

    # The Gantt chart: formula rules over the day columns only.
    rules = [Rule(cf, rule) for cf in ws.conditional_formatting
             for rule in cf.rules]
    expect(rules, f"{name}: no conditional formats")
    for ru in rules:
        expect(ru.type == "expression", f"{name}: a {ru.type} rule")
        for rng in ru.ranges:
            expect(rng.min_col == first_day_col and
                   rng.max_col == last_day_col,
                   f"{name}: a rule over {rng}, not the day columns")
    rules.sort(key=lambda ru: ru.priority)
    header_ref = (PLAN_HEADER_ROW, first_day_col)
    bars = [ru for ru in rules if header_ref in ru.refs and
            {(first, COL_FIRST), (first, COL_LAST)} <= ru.refs]
    want = 3 if tasks else 0
    expect(len(bars) == want, f"{name}: {len(bars)} rules compare the"
           f" header with the first/last day columns, expected {want}: "
           f"{[ru.formula for ru in rules]}")
    kind_of = {}
    for ru in bars:
        cols = {c for r_, c in ru.refs if r_ == first} - {COL_FIRST, COL_LAST}
        kind_of[id(ru)] = ("done" if cols == {COL_STATUS} else
                           "late" if cols == {COL_OVERDUE} else
                           "bar" if not cols else None)
        expect(kind_of[id(ru)] is not None,
               f"{name}: rule {ru.formula} reads columns {cols}")
        expect(ru.fill is not None, f"{name}: rule {ru.formula} fills nothing")
    expect(sorted(kind_of.values()) == ["bar", "done", "late"][:want],
           f"{name}: bar rules {sorted(kind_of.values())}")
    fills = {kind_of[id(ru)]: ru.fill for ru in bars}
    expect(len(set(fills.values())) == want, f"{name}: bar fills {fills}")
    today_ref = (4, 5)
    marks = [ru for ru in rules if today_ref in ru.refs]
    expect(len(marks) == 1 and header_ref in marks[0].refs,
           f"{name}: {len(marks)} rules compare the header with the day"
           f" of the programme (E4), expected 1")
    mark = marks[0]

    get = g.values.get
    drawn = {}
    for r in range(PLAN_HEADER_ROW, last + 1):
        for d in range(1, PLAN_DAYS + 1):
            c = first_day_col + d - 1
            on = [ru for ru in bars if ru.covers(r, c) and
                  ru.holds(r, c, get)]
            top = kind_of[id(on[0])] if on else None
            if r in windows:
                lo, hi = windows[r]
                want = kinds[r] if lo <= d <= hi else None
                expect(top == want, f"{name}!{name_of((r, c))} (day {d}):"
                       f" bar {top}, expected {want} for days {lo}-{hi}")
                if top:
                    drawn[r] = drawn.get(r, 0) + 1
            else:
                expect(top is None, f"{name}!{name_of((r, c))}: a bar in"
                       " the header")
            marked = mark.covers(r, c) and mark.holds(r, c, get)
            expect(marked == (d == day),
                   f"{name}!{name_of((r, c))}: today"
                   f" {'' if marked else 'not '}marked on day {d}, the"
                   f" export is on day {day}")
            fill = ws.cell(row=r, column=c).fill
            expect(r == PLAN_HEADER_ROW or fill is None or
                   fill.fill_type in (None, "none"),
                   f"{name}!{name_of((r, c))}: filled cell by cell")
    expect(all(drawn.get(r) == PHASE_DAYS for r in windows),
           f"{name}: bars of {drawn}")

    # Progress below the tasks, one blank row between.
    ph = last + 2
    got = g.row(ph, 8)[3:]
    want = [t["progress"], t["tasks"], t["done"], t["overdue"], t["pct"]]
    expect(got == want, f"{name} row {ph}: {got}, expected {want}")
    # Without tasks the formulas count the empty row below the header.
    counted = range(first, max(last, first) + 1)
    status_cells = {(r, COL_STATUS) for r in counted}
    phase_cells = {(r, 2) for r in counted}
    over_cells = {(r, COL_OVERDUE) for r in counted}
    rows_of = {}

    def figures(ts):
        n = len(ts)
        done = sum(1 for x in ts if x[4] == "done")
        late = sum(1 for x in ts if x[4] != "done" and
                   parse_day(x[5]) < today)
        return n, done, late, done / n if n else 0

    for p in (1, 2, 3, 0):
        r = ph + (p if p else 4)
        rows_of[p] = r
        label = t["whole"] if p == 0 else (
            t["phase"].format(p, names[p]) if names else g.v(r, 4))
        expect(g.v(r, 4) == label, f"{name} D{r}: {g.v(r, 4)!r},"
               f" expected {label!r}")
        n, done, late, pct = figures([x for x in tasks
                                      if p == 0 or x[0] == p])
        g.result_cell(r, 5, n, f"tasks of phase {p}")
        g.result_cell(r, 6, done, f"done in phase {p}")
        g.result_cell(r, 7, late, f"overdue in phase {p}")
        g.result_cell(r, 8, pct, f"progress of phase {p}", "percent")
        expect(status_cells <= g.refs(r, 6),
               f"{g.where(r, 6)}: does not count the status column")
        expect(over_cells <= g.refs(r, 7),
               f"{g.where(r, 7)}: does not count the overdue column")
        if p:
            expect(phase_cells <= g.refs(r, 5) and
                   phase_cells <= g.refs(r, 6),
                   f"{g.where(r, 5)}: does not count the phase column")
    expect(g.max_row == rows_of[0], f"{name}: rows up to {g.max_row},"
           f" expected {rows_of[0]}")

    # A status changed in the sheet: the counts follow.
    open_rows = [first + i for i, x in enumerate(tasks) if x[4] != "done"]
    if open_rows:
        r = open_rows[0]
        p = tasks[r - first][0]
        o = {(r, COL_STATUS): status_text["done"]}
        cells_ = [(rows_of[p], 6), (rows_of[0], 6), (rows_of[0], 8)]
        got = g.evaluate(cells_, o)
        n_all = len(tasks)
        done_p = sum(1 for x in tasks if x[0] == p and x[4] == "done") + 1
        done_all = sum(1 for x in tasks if x[4] == "done") + 1
        want = [done_p, done_all, done_all / n_all]
        expect(all(close(a, b) for a, b in zip(got, want)),
               f"{name}: with {name_of((r, COL_STATUS))} done, progress"
               f" recalculates to {got}, expected {want}")

    expect(ws.freeze_panes == "E7",
           f"{name}: frozen at {ws.freeze_panes!r}, expected E7")
    want = f"A{PLAN_HEADER_ROW}:J{max(last, PLAN_HEADER_ROW)}"
    expect(ws.auto_filter.ref == want,
           f"{name}: autofilter {ws.auto_filter.ref!r}, expected {want}")
    for col, texts in ((4, [x[1] for x in tasks]),
                       (3, [names[x[0]] for x in tasks] if names else [])):
        want = min(max((display_width(x) for x in texts), default=0), 60)
        w = col_width(ws, col)
        expect(w is not None and w >= want,
               f"{name}: column {col} width {w}, text {want} columns wide")
    for c in range(first_day_col, last_day_col + 1):
        w = col_width(ws, c)
        expect(w is not None and w <= 5, f"{name}: day column {c} width {w}")
    n, done, late, _ = figures(tasks)
    return (f"plan: day {day}, {n} tasks, {done} done, {late} overdue,"
            f" Gantt bars over {PLAN_DAYS} day columns")


def due_in_month(y, m, day):
    """The due date in month (y, m): day clamped to the month's end, or
    for 0 the last Monday-to-Friday."""
    last = calendar.monthrange(y, m)[1]
    if day:
        return datetime.date(y, m, min(day, last))
    d = datetime.date(y, m, last)
    while d.weekday() >= 5:
        d -= datetime.timedelta(days=1)
    return d


def scheduled(every, day, start):
    """The scheduled due dates from start on: the first on or after start
    (in start's month or the next), then every `every` months, each on the
    day rule in its own month."""
    first = due_in_month(start.year, start.month, day)
    base = start.year * 12 + start.month - 1
    if first < start:
        base += 1
    k = 0
    while True:
        y, m = divmod(base + every * k, 12)
        yield due_in_month(y, m + 1, day)
        k += 1


def duty_open(every, day, anchor, start, resolved, last_done, today,
              pauses):
    """(overdue due dates, next due date or None) of a duty on today: none
    while it is paused, and none due in a pause (a pause not resumed owes
    nothing from its first day on)."""
    if pause_of(pauses, today):
        return [], None
    if last_done is None or anchor == "schedule":
        cands = scheduled(every, day, start)
    else:
        cands = (add_months(last_done, every * j) for j in range(1, 1201))
    overdue = []
    for d in cands:
        p = pause_of(pauses, d)
        if p and p[1] is None:
            break
        if p or d in resolved:
            continue
        if anchor == "completion" or d >= today:
            return (overdue + [d], None) if d < today else (overdue, d)
        overdue.append(d)
    return overdue, None


def check_duties(ws, db, unit_id, lang, q, today, document):
    """The Duties sheet against duty and duty_event: one row per duty (as
    the store lists them) with its rule in words, what it is counted from,
    checklist item and first date; next due, last done and the missed
    occurrences worked out here from the rule and the history; then the
    history of every duty, newest first. Returns a summary."""
    name = DUTY_SHEET[lang]
    t = DUTY_TEXT[lang]
    rows = data_rows(ws.iter_rows(values_only=True))
    expect(rows[:2] == [[t["head"].format(today)], []],
           f"{name}: rows 1-2 {rows[:2]}")
    expect([text(c) for c in rows[2]] == DUTY_HEADERS[lang],
           f"{name} header {rows[2]}, expected {DUTY_HEADERS[lang]}")
    duties = list(db.execute(
        "SELECT id, template_key, title, every_months, day, anchor,"
        " start_date, item_key, paused_on FROM duty WHERE unit_id = ?"
        " ORDER BY every_months, id", (unit_id,)))
    titles = dict(zip(q.keys, q.titles)) if q is not None else {}
    yes, no = YES_NO[lang]
    overdue_all = []
    nexts = {}
    for i, (did, key, title, every, day, anchor, start_s, item, paused) in \
            enumerate(duties):
        r = 4 + i
        where = f"{name} row {r} ({key})"
        events = list(db.execute(
            "SELECT due_date, kind, event_date FROM duty_event"
            " WHERE duty_id = ?", (did,)))
        resolved = {parse_day(e[0]) for e in events}
        done_on = [parse_day(e[2]) for e in events if e[1] == "done"]
        last_done = max(done_on) if done_on else None
        overdue, nxt = duty_open(every, day, anchor, parse_day(start_s),
                                 resolved, last_done, today,
                                 duty_pauses(db, did, paused))
        words = rule_words(lang, every, day, anchor, parse_day(start_s),
                           with_anchor=False)
        want = [i + 1, title, words, t[anchor],
                (titles.get(item, item) if q is not None else None) or None,
                start_s, str(nxt) if nxt else None,
                str(last_done) if last_done else None, len(overdue),
                yes if overdue else no,
                ", ".join(map(str, overdue)) or None, paused or None]
        got = cells(rows[r - 1], 12)
        if q is None:
            want[4] = got[4]
        expect(got == want, f"{where}: {got}, expected {want}")
        overdue_all += [(key, d) for d in overdue]
        nexts[key] = nxt

    # The history below, after a blank row and its title.
    r = 4 + len(duties)
    expect(rows[r - 1:r + 1] == [[], [t["history"]]],
           f"{name} rows {r}-{r + 1}: {rows[r - 1:r + 1]}")
    expect([text(c) for c in rows[r + 1]] == HISTORY_HEADERS[lang],
           f"{name} history header {rows[r + 1]}")
    want = []
    for i, (did, _, title, *_rest) in enumerate(duties):
        for due, kind, on, result, note, by in db.execute(
                "SELECT due_date, kind, event_date, result, note, entered_by"
                " FROM duty_event WHERE duty_id = ? ORDER BY due_date DESC",
                (did,)):
            want.append([i + 1, title, due, t[kind], on, result or None,
                         note or None, by])
    if not want:
        want = [cells([None, t["nothing"]], 8)]
    got = [cells(x, 8) for x in rows[r + 2:]]
    for n, (a, b) in enumerate(zip(got, want)):
        expect(a == b, f"{name} row {r + 3 + n}: {a}, expected {b}")
    expect(len(got) == len(want),
           f"{name}: {len(got)} history rows, expected {len(want)}")
    expect(ws.freeze_panes == "A4",
           f"{name}: frozen at {ws.freeze_panes!r}, expected A4")
    w = col_width(ws, 2)
    need = min(max(display_width(d[2]) for d in duties), 60)
    expect(w is not None and w >= need,
           f"{name}: duty column width {w}, titles {need} columns wide")

    if document:
        # The demo misses exactly the latest restore test before today.
        restore = next(d for d in duties if d[1] == "d.restore_test")
        past = []
        gen = scheduled(restore[3], restore[4], parse_day(restore[6]))
        d = next(gen)
        while d < today:
            past.append(d)
            d = next(gen)
        expect(overdue_all == [("d.restore_test", past[-1])],
               f"{name}: overdue {overdue_all}, the demo misses only the"
               f" restore test due {past[-1]}")
    late = "; ".join(f"{k} {d}" for k, d in overdue_all) or "none"
    soon = ", ".join(f"{k} {d}" for k, d in sorted(
        nexts.items(), key=lambda kv: (kv[1] is None, kv[1])) if d)
    return (f"duties: {len(duties)}, {len(want)} history rows, overdue:"
            f" {late}; next: {soon}")


def main(argv):
    document = "--document" in argv
    argv = [a for a in argv if a != "--document"]
    if len(argv) not in (4, 5, 6) or argv[3] not in SHEETS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path, dbpath, lang = argv[1:4]
    expected_level = int(argv[4]) if len(argv) > 4 and argv[4] else None
    exported_at = argv[5] if len(argv) > 5 else None
    today = parse_day(exported_at) if exported_at else None

    try:
        wb = openpyxl.load_workbook(path, data_only=True)
        wb_formulas = openpyxl.load_workbook(path, data_only=False)
    except Exception as e:  # openpyxl raises many kinds on a bad file
        print(f"read_workbook: {path}: cannot read: {e}", file=sys.stderr)
        return 1
    db = None
    try:
        db = sqlite3.connect("file:" + urllib.parse.quote(
            os.path.abspath(dbpath)) + "?mode=ro", uri=True)
        expect(exported_at is None or today is not None,
               f"EXPORTED_AT {exported_at!r} is not YYYY-MM-DD")
        aid = current_assessment(db)
        unit_id = db.execute("SELECT unit_id FROM assessment WHERE id = ?",
                             (aid,)).fetchone()[0]
        # The plan and duties sheets come after the six, when the unit
        # has a programme or duties.
        has_plan = db.execute("SELECT count(*) FROM programme WHERE"
                              " unit_id = ?", (unit_id,)).fetchone()[0] > 0
        has_duties = db.execute("SELECT count(*) FROM duty WHERE"
                                " unit_id = ?", (unit_id,)).fetchone()[0] > 0
        # The drills sheet comes last, when the unit has drills.
        has_drills = db.execute("SELECT count(*) FROM drill WHERE"
                                " unit_id = ?", (unit_id,)).fetchone()[0] > 0
        has_plans = db.execute("SELECT count(*) FROM contingency WHERE"
                               " unit_id = ?", (unit_id,)).fetchone()[0] > 0
        sheets = ([EXEC_SHEET[lang]] + SHEETS[lang] +
                  [PLAN_SHEET[lang]] * has_plan +
                  [DUTY_SHEET[lang]] * has_duties + BIA_SHEETS[lang] +
                  VERIFY_SHEETS[lang] + [DRILL_SHEET[lang]] * has_drills +
                  RESPONSE_SHEETS[lang] + CONTINGENCY_SHEETS[lang] * has_plans)
        expect(wb.sheetnames == sheets,
               f"sheets {wb.sheetnames}, expected {sheets}")
        q = questionnaire(lang)
        if q is None:
            print("read_workbook: questionnaire files not found; level name,"
                  " risk, item order and the Maturity and Year over year"
                  " sheets not checked", file=sys.stderr)
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
        ci = CalcInputs(db, unit_id, lang)
        roi_name, inv_name = SHEETS[lang][4:6]
        more += "\n  " + check_executive(
            wb[EXEC_SHEET[lang]], wb_formulas[EXEC_SHEET[lang]],
            wb[roi_name], db, unit_id, lang, level, ci, q, blocking)
        more += "\n  " + check_roi(
            Grid(wb[roi_name], wb_formulas[roi_name], roi_name), path, lang,
            ci, document, q)
        more += "\n  " + check_invest(
            Grid(wb[inv_name], wb_formulas[inv_name], inv_name), path, lang,
            ci, document)
        if has_plan:
            name = PLAN_SHEET[lang]
            more += "\n  " + check_plan(wb[name], wb_formulas[name], db,
                                        unit_id, lang, q, today)
        if has_duties:
            name = DUTY_SHEET[lang]
            m = re.search(r"\d{4}-\d{2}-\d{2}", text(wb[name]["A1"].value))
            day = today or parse_day(m.group(0) if m else "")
            more += "\n  " + check_duties(wb[name], db, unit_id, lang, q,
                                          day, document)
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
