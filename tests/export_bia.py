#!/usr/bin/python3
"""Reads the BIA and systems sheets of a workbook exported by moat back and
checks them against the database.

Usage: export_bia.py [--document] WORKBOOK DB LANG TODAY

Worked out here from the database (sqlite3) and the reference file
(questionnaires/LANG/bia.yaml, read with PyYAML), independently of moat's
C code: per process of the current year, in the order entered, its name,
critical, owner, daily volume, the MTD in force (the chosen one, else the
grid's suggestion: the last duration before the overall rating, the worst
of the four dimensions unless overridden, first reaches the unit's
intolerable rating) in words and minutes and where it comes from, the RTO,
the safety margin as a formula reading exactly the row's MTD and RTO
minute cells whose cached value is (MTD - RTO) / MTD rounded down to the
per mille and which evaluates to it again, formatted as a percentage, the
strictest RPO of the data its systems hold, the weakest planned level, and
its reviews as of TODAY. Then each process's impact grid: one row per
duration of the year with the loss and the ratings by their names, and a
conditional format over the rating cells for each rating, keyed on its
name, with a fill. The systems sheet: per system its required RTO and RPO
(the strictest RTO of the critical processes using it, the strictest RPO
of the data it holds) with what sets them, the recommended level (the
lowest level of the table whose upper bounds meet both), the planned
level; under it the level table with its levels. The year-over-year
sheet: what changed in the analysis since the year before (per process the
critical flag, the MTD in force, RTO and RPO; per system the planned and
recommended levels; processes and systems added or removed, matched by
name), both years worked out the same way. The summary: item 3 (DR site)
marked done while a critical system's plan falls short is named among
the contradictions after the gaps that block the next level. --document:
also the source's figures (margins 75/50/50 %, recommended vs planned
levels 6/5, 5/4, 6/none, 5/3, 2/2, the road-rescue grid's overall
ratings).
"""

import datetime
import os
import sqlite3
import sys
import urllib.parse

import openpyxl

from read_workbook import (BIA_SHEETS, LANG_DIRS, SHEETS, Grid, Mismatch,
                           Year, add_months, current_assessment, expect,
                           parse_day, questionnaire, summary_values)

RATINGS = ["none", "low", "medium", "high", "extreme"]
YES = {"en": "yes", "zh": "是"}
NO = {"en": "no", "zh": "否"}
NEVER = {"en": "never", "zh": "从未评审"}
SUGGESTED = {"en": "suggested by the impact grid", "zh": "按影响矩阵建议"}
CHOSEN = {"en": "chosen: {}", "zh": "人工设定：{}"}
GRID_LABEL = {"en": "Impact over time: {}", "zh": "中断影响：{}"}
PROCESS_HEADERS = {
    "en": ["Process", "Critical", "Owner", "Daily volume", "MTD",
           "MTD (min)", "MTD from", "RTO", "RTO (min)", "Safety margin",
           "RPO", "Planned DR level", "Last review", "Next review",
           "Review due"],
    "zh": ["业务流程", "关键流程", "负责人", "日业务量", "MTD", "MTD（分钟）",
           "MTD依据", "RTO", "RTO（分钟）", "安全裕度", "RPO", "计划灾备等级",
           "上次评审", "下次评审", "评审到期"],
}
SYSTEM_HEADERS = {
    "en": ["System", "Importance", "Required RTO", "RTO set by",
           "Required RPO", "RPO set by", "Recommended level",
           "Planned level", "Plan against the need", "Flags",
           "Architecture", "Meets the targets", "Cost"],
    "zh": ["系统", "重要性", "所需RTO", "决定RTO的业务流程", "所需RPO",
           "决定RPO的数据", "推荐等级", "计划等级", "计划与所需对比", "警示",
           "灾备架构", "是否满足目标", "成本"],
}
TITLE = {"en": "Business impact analysis {}", "zh": "{}年业务影响分析"}
SYS_TITLE = {"en": "Systems and DR levels {}", "zh": "{}年系统与灾备等级"}
# What changed in the analysis, on the year-over-year sheet.
YEARS_SHEETS = {lang: names[3] for lang, names in SHEETS.items()}
CMP_HEAD = {
    "en": ("Business impact analysis: no changes",
           "Business impact analysis: {} change",
           "Business impact analysis: {} changes"),
    "zh": ("业务影响分析：无变化", "业务影响分析：{}处变化",
           "业务影响分析：{}处变化"),
}
CMP_HEADERS = {"en": ["Process or system", "What changed", "Value {}",
                      "Value {}", "Change"],
               "zh": ["流程或系统", "变更内容", "{}年取值", "{}年取值", "变化"]}
CMP_OF = {"en": {"process": "Process", "system": "System"},
          "zh": {"process": "业务流程", "system": "系统"}}
CMP_LABELS = {
    "en": {"critical": "critical", "mtd": "MTD", "rto": "RTO", "rpo": "RPO",
           "planned": "planned level", "recommended": "recommended level"},
    "zh": {"critical": "关键", "mtd": "MTD", "rto": "RTO", "rpo": "RPO",
           "planned": "计划等级", "recommended": "推荐等级"},
}
CMP_KINDS = {"en": {"added": "added", "removed": "removed",
                    "changed": "changed"},
             "zh": {"added": "新增", "removed": "已删除", "changed": "有变更"}}
CMP_CRITICAL = {"en": ("not critical", "critical"), "zh": ("非关键", "关键")}
CMP_LEVEL = {"en": "level {}", "zh": "{}级"}
CMP_NO_LEVEL = {"en": "none", "zh": "无"}
CMP_NOT_SET = {"en": "not set", "zh": "未设定"}
# A checklist item marked done that the analysis does not bear out, in the
# summary's list of what blocks the next level.
CONTRA = {
    "en": "item {} {} is marked done, but the BIA recorded here does not"
          " support it",
    "zh": "第{}项 {} 已标记为已完成，但此处记录的BIA不支持这一结论",
}
# How every contradiction ends, the analysis's and the other records'.
CONTRA_END = {"en": "does not support it", "zh": "不支持这一结论"}
GAP_LINE = {"en": "{}: {}", "zh": "{}：{}"}
DONE = 2  # item_state.state
HEADER_ROW = 3  # 1-based, as openpyxl counts
COL_MTD_MIN, COL_RTO_MIN, COL_MARGIN = 6, 9, 10

# The source's figures (§2.1 step 4, §3.1) for the demo, by the demo's
# names in each language.
DOC_MARGINS = {
    "en": {"Road rescue": 0.75, "Service booking": 0.5,
           "Parts allocation": 0.5},
    "zh": {"道路救援服务": 0.75, "预约服务": 0.5, "配件调配": 0.5},
}
DOC_LEVELS = {
    "en": {"Rescue dispatch system": (6, 5), "Customer service system": (5, 4),
           "Work order system": (6, None), "Parts inventory system": (5, 3),
           "BI platform": (2, 2)},
    "zh": {"救援调度系统": (6, 5), "客服管理系统": (5, 4),
           "工单管理系统": (6, None), "库存管理系统": (5, 3), "BI平台": (2, 2)},
}
DOC_RESCUE = {"en": "Road rescue", "zh": "道路救援服务"}


def words(minutes, lang):
    """A duration as moat writes it: days from 4 days on, parts that are 0
    left out."""
    if minutes is None:
        return None
    units = ((" d", " h", " min") if lang == "en" else ("天", "小时", "分钟"))
    sep = " " if lang == "en" else ""
    if minutes == 0:
        return "0" + units[2]
    days, rest = divmod(minutes, 1440) if minutes >= 4 * 1440 else (0, minutes)
    hours, mins = divmod(rest, 60)
    parts = [f"{n}{u}" for n, u in zip((days, hours, mins), units) if n]
    return sep.join(parts)


def reference(lang):
    import yaml
    base = os.environ.get("MOAT_DATADIR") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "questionnaires")
    with open(os.path.join(base, LANG_DIRS[lang], "bia.yaml"),
              encoding="utf-8") as f:
        return yaml.safe_load(f)


def upper(r):
    u = r["upper"]
    return float("inf") if u == "unbounded" else u


def recommend(levels, rto, rpo):
    for lv in levels:
        if (rto is None or upper(lv["rto"]) <= rto) and \
                (rpo is None or upper(lv["rpo"]) <= rpo):
            return lv["level"]
    return None


class Analysis:
    """The current year's analysis, from the database."""

    def __init__(self, db, aid):
        unit = db.execute("SELECT unit_id, year FROM assessment WHERE id = ?",
                          (aid,)).fetchone()
        self.year = unit[1]
        params = dict(db.execute("SELECT key, value FROM unit_param"
                                 " WHERE unit_id = ?", (unit[0],)))
        self.intolerable = RATINGS.index(params.get("bia_intolerable",
                                                    "extreme"))
        self.review_months = int(params.get("bia_review_months", 12))
        self.table_id = params.get("bia_table", "")
        self.durations = [m for (m,) in db.execute(
            "SELECT minutes FROM bia_duration WHERE assessment_id = ?"
            " ORDER BY minutes", (aid,))]
        self.processes = db.execute(
            "SELECT id, name, owner, daily_volume, critical, mtd,"
            " mtd_reason, rto, reviewed_on FROM bia_process"
            " WHERE assessment_id = ? ORDER BY id", (aid,)).fetchall()
        self.systems = db.execute(
            "SELECT id, name, planned_level FROM bia_system"
            " WHERE assessment_id = ? ORDER BY id", (aid,)).fetchall()
        self.data_types = db.execute(
            "SELECT id, name, rpo FROM bia_data_type WHERE assessment_id = ?"
            " ORDER BY id", (aid,)).fetchall()
        self.uses = set(db.execute(
            "SELECT u.process_id, u.system_id FROM bia_use u JOIN bia_process"
            " p ON p.id = u.process_id WHERE p.assessment_id = ?", (aid,)))
        self.holds = set(db.execute(
            "SELECT h.system_id, h.data_type_id FROM bia_hold h JOIN"
            " bia_system s ON s.id = h.system_id WHERE s.assessment_id = ?",
            (aid,)))
        self.grids = {}
        for p in self.processes:
            rows = {m: ("none",) * 4 + (None, 0) for m in self.durations}
            for m, loss, fin, cus, leg, rep, ov in db.execute(
                    "SELECT minutes, loss, financial, customer, legal,"
                    " reputation, override FROM bia_impact"
                    " WHERE process_id = ?", (p[0],)):
                if m in rows:
                    rows[m] = (fin, cus, leg, rep, ov, loss)
            self.grids[p[0]] = [(m,) + rows[m] for m in self.durations]

    def overall(self, row):
        ratings = [RATINGS.index(r) for r in row[1:5]]
        return RATINGS.index(row[5]) if row[5] else max(ratings)

    def suggested(self, pid):
        grid = self.grids[pid]
        for k, row in enumerate(grid):
            if self.overall(row) >= self.intolerable:
                return grid[k - 1][0] if k > 0 else None
        return None

    def mtd(self, p):
        """The MTD in force of process row p: chosen, else suggested."""
        return p[5] if p[5] is not None else self.suggested(p[0])

    def rpo_of_process(self, pid):
        """The strictest RPO of the data its systems hold."""
        rpos = [x for x in (self.rpo_of_system(s[0]) for s in self.systems
                            if (pid, s[0]) in self.uses) if x]
        return min(x[0] for x in rpos) if rpos else None

    def rto_of_system(self, sid):
        """The strictest RTO of the critical processes using sid and the
        process (ordered by id: ties go to the first)."""
        rto = None
        for p in self.processes:
            if p[4] and (p[0], sid) in self.uses and p[7] is not None and \
                    (rto is None or p[7] < rto[0]):
                rto = (p[7], p[1])
        return rto

    def recommended(self, sid, levels):
        rto, rpo = self.rto_of_system(sid), self.rpo_of_system(sid)
        return recommend(levels, rto[0] if rto else None,
                         rpo[0] if rpo else None)

    def rpo_of_system(self, sid):
        """The strictest RPO of the data sid holds and the data type."""
        best = None
        for tid, name, rpo in self.data_types:
            if (sid, tid) in self.holds and rpo is not None and \
                    (best is None or rpo < best[0]):
                best = (rpo, name)
        return best


def check_bia(ws, g, a, lang, today, names, document):
    expect(ws["A1"].value == TITLE[lang].format(a.year),
           f"BIA!A1 {ws['A1'].value!r}")
    head = [ws.cell(HEADER_ROW, c + 1).value
            for c in range(len(PROCESS_HEADERS[lang]))]
    expect(head == PROCESS_HEADERS[lang], f"BIA headers {head}")
    margins = {}
    for i, (pid, name, owner, vol, crit, mtd_db, reason, rto, reviewed) \
            in enumerate(a.processes):
        r = HEADER_ROW + 1 + i
        got = [ws.cell(r, c).value for c in range(1, 16)]
        sug = a.suggested(pid)
        mtd = a.mtd(a.processes[i])
        frm = (CHOSEN[lang].format(reason) if mtd_db is not None else
               SUGGESTED[lang] if sug is not None else None)
        sys_ids = [s[0] for s in a.systems if (pid, s[0]) in a.uses]
        rpo = a.rpo_of_process(pid)
        levels = [s[2] for s in a.systems if s[0] in sys_ids]
        level = min(levels) if levels else 0
        rev = parse_day(reviewed) if reviewed else None
        nxt = add_months(rev, a.review_months) if rev else None
        due = rev is None or nxt < today
        want = [name, YES[lang] if crit else NO[lang], owner or None, vol,
                words(mtd, lang), mtd, frm, words(rto, lang), rto,
                got[COL_MARGIN - 1], words(rpo, lang), level or None,
                reviewed or NEVER[lang], nxt.isoformat() if nxt else None,
                YES[lang] if due else NO[lang]]
        expect(got == want, f"BIA row {r}: {got}, expected {want}")
        if mtd is not None and rto is not None and rto < mtd:
            m = ((mtd - rto) * 1000 // mtd) / 1000
            g.result_cell(r, COL_MARGIN, m, f"margin of {name}")
            expect(g.refs(r, COL_MARGIN) == {(r, COL_MTD_MIN),
                                             (r, COL_RTO_MIN)},
                   f"BIA row {r}: the margin reads {g.refs(r, COL_MARGIN)},"
                   " not the row's MTD and RTO minutes")
            nf = g.formats[(r, COL_MARGIN)]
            expect(nf.split(";")[0] == "0.00%",
                   f"BIA row {r}: margin format {nf!r}")
            margins[name] = m
        else:
            expect(got[COL_MARGIN - 1] is None,
                   f"BIA row {r}: a margin without MTD and RTO")
    if document:
        for name, m in DOC_MARGINS[lang].items():
            expect(margins.get(name) == m,
                   f"{name}: margin {margins.get(name)}, the source's {m}")

    # The grids, in the processes' order, each under its label.
    col_a = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ranges = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    rated = 0
    for pid, name, *_ in a.processes:
        label = GRID_LABEL[lang].format(name)
        expect(label in col_a, f"no grid labelled {label!r}")
        first = col_a[label] + 2
        grid = a.grids[pid]
        for k, row in enumerate(grid):
            r = first + k
            got = [ws.cell(r, c).value for c in range(1, 8)]
            want = [words(row[0], lang), row[6] / 100] + \
                [names[RATINGS.index(x)] for x in row[1:5]] + \
                [names[a.overall(row)]]
            expect(got == want, f"grid of {name}, row {r}: {got}, expected"
                   f" {want}")
        if not grid:
            continue
        rng = f"C{first}:G{first + len(grid) - 1}"
        rules = ranges.get(rng)
        expect(rules is not None, f"grid of {name}: no conditional format"
               f" on {rng} (ranges {sorted(ranges)})")
        keyed = [(x.type, x.operator, x.formula) for x in rules]
        expect(keyed == [("cellIs", "equal", [f'"{n}"']) for n in names],
               f"grid of {name}: rules {keyed}")
        # A conditional format's solid fill is its background colour.
        fills = [x.dxf.fill.bgColor.rgb if x.dxf and x.dxf.fill else None
                 for x in rules]
        expect(None not in fills and len(set(fills)) == len(names),
               f"grid of {name}: fills {fills}")
        rated += 1
    if document:
        first = col_a[GRID_LABEL[lang].format(DOC_RESCUE[lang])] + 2
        overall = [ws.cell(first + k, 7).value for k in range(4)]
        expect(overall == [names[1], names[2], names[4], names[4]],
               f"road rescue's overall ratings {overall}")
    return margins, rated


def table_of(ref, a):
    """The level table in use: the unit's, else the first."""
    tables = [ref["table"]]
    return next((t for t in tables if t["id"] == a.table_id), tables[0])


def check_systems(ws, a, lang, ref, document):
    expect(ws["A1"].value == SYS_TITLE[lang].format(a.year),
           f"systems A1 {ws['A1'].value!r}")
    head = [ws.cell(HEADER_ROW, c + 1).value
            for c in range(len(SYSTEM_HEADERS[lang]))]
    expect(head == SYSTEM_HEADERS[lang], f"systems headers {head}")
    table = table_of(ref, a)
    levels = table["levels"]
    seen = {}
    for i, (sid, name, planned) in enumerate(a.systems):
        r = HEADER_ROW + 1 + i
        rto, rpo = a.rto_of_system(sid), a.rpo_of_system(sid)
        rec = a.recommended(sid, levels)
        got = [ws.cell(r, c).value for c in range(1, 9)]
        want = [name, got[1], words(rto[0], lang) if rto else None,
                rto[1] if rto else None, words(rpo[0], lang) if rpo else None,
                rpo[1] if rpo else None, rec, planned or None]
        expect(got == want, f"systems row {r}: {got}, expected {want}")
        seen[name] = (rec, planned or None)
    if document:
        for name, w in DOC_LEVELS[lang].items():
            expect(seen.get(name) == w, f"{name}: recommended and planned"
                   f" {seen.get(name)}, the source's {w}")
    col_a = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    expect(table["title"] in col_a, f"no level table {table['title']!r}")
    at = col_a.index(table["title"]) + 1
    expect(ws.cell(at + 1, 1).value.endswith(table["source"]),
           f"level table source {ws.cell(at + 1, 1).value!r}")
    nums = [ws.cell(r, 1).value for r in range(at + 1, ws.max_row + 1)
            if isinstance(ws.cell(r, 1).value, int)]
    names = [ws.cell(r, 2).value for r in range(at + 1, ws.max_row + 1)
             if isinstance(ws.cell(r, 1).value, int)]
    expect(nums == [lv["level"] for lv in levels] and
           names == [lv["name"] for lv in levels],
           f"level table rows {list(zip(nums, names))}")
    return seen


def year_figures(a, levels):
    """What the comparison reads of a year: per process (name, [critical,
    MTD in force, RTO, RPO]), per system (name, [planned, recommended])
    with 0 for no level."""
    processes = [(p[1], [int(bool(p[4])), a.mtd(p), p[7],
                         a.rpo_of_process(p[0])]) for p in a.processes]
    systems = [(name, [planned or 0, a.recommended(sid, levels) or 0])
               for sid, name, planned in a.systems]
    return processes, systems


def bia_changes(pa, pb):
    """The changes from year a to year b, in the compare screen's order:
    per kind (processes, then systems) those of b added or with each figure
    changed, then those of a removed; matched by name (the first of a
    name)."""
    out = []
    for kind, labels, fa, fb in (
            ("process", ("critical", "mtd", "rto", "rpo"), pa[0], pb[0]),
            ("system", ("planned", "recommended"), pa[1], pb[1])):
        was = {}
        for name, f in fa:
            was.setdefault(name, f)
        now = {name for name, _ in fb}
        for name, f in fb:
            if name not in was:
                out.append((kind, name, None, None, None, "added"))
                continue
            out += [(kind, name, lab, x, y, "changed")
                    for lab, x, y in zip(labels, was[name], f) if x != y]
        out += [(kind, name, None, None, None, "removed")
                for name, _ in fa if name not in now]
    return out


def shown(label, v, lang):
    """A figure as the comparison writes it."""
    if label is None:
        return "—"
    if label == "critical":
        return CMP_CRITICAL[lang][v]
    if label in ("planned", "recommended"):
        return CMP_LEVEL[lang].format(v) if v else CMP_NO_LEVEL[lang]
    return words(v, lang) if v is not None else CMP_NOT_SET[lang]


def check_changes(ws, db, a, lang, levels):
    """The analysis's changes on the year-over-year sheet, worked out from
    both years in the database: under the criteria, a heading with their
    count, a header and one row per change; nothing when there is no
    earlier year. Returns the rows as text, or None."""
    col_a = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    earlier = db.execute(
        "SELECT id, year FROM assessment WHERE unit_id = (SELECT unit_id"
        " FROM assessment WHERE year = ?) AND year < ? ORDER BY year DESC"
        " LIMIT 1", (a.year, a.year)).fetchone()
    heads = [r for r, v in enumerate(col_a, start=1)
             if isinstance(v, str) and v.startswith(CMP_HEAD[lang][0][:6])]
    if earlier is None:
        expect(not heads, "no earlier year, but"
               f" {[col_a[r - 1] for r in heads]}")
        return None
    prev = Analysis(db, earlier[0])
    changes = bia_changes(year_figures(prev, levels),
                          year_figures(a, levels))
    n = len(changes)
    head = CMP_HEAD[lang][min(n, 2)].format(n)
    expect(heads and col_a[heads[-1] - 1] == head,
           f"year over year: analysis heading"
           f" {[col_a[r - 1] for r in heads]}, expected {head!r}")
    at = heads[-1]
    expect(ws.cell(at - 1, 1).value is None, "no blank row before the"
           " analysis's changes")
    want = []
    if n:
        want.append([h.format(y) for h, y in zip(
            CMP_HEADERS[lang], ("", "", prev.year, a.year, ""))])
    for kind, name, label, x, y, what in changes:
        text = f"{name} · {CMP_LABELS[lang][label]}" if label else name
        want.append([CMP_OF[lang][kind], text, shown(label, x, lang),
                     shown(label, y, lang), CMP_KINDS[lang][what]])
    got = [[ws.cell(r, c).value for c in range(1, 6)]
           for r in range(at + 1, ws.max_row + 1)]
    expect(got == want, f"year over year: analysis rows {got}, expected"
           f" {want}")
    return [f"{row[1]}: {row[2]} → {row[3]}, {row[4]}" for row in want[n and 1:]]


def check_contradiction(ws, db, aid, a, lang, levels, today):
    """The summary's list of what blocks the next level names item 3 (DR
    site) when it is marked done while a critical system (one a critical
    process uses) has no level planned, or one below the level its targets
    need, or no level meets them: one line per criterion of the next level
    relying on it, among the contradictions, which come after the score's
    gaps. Returns those lines."""
    q = questionnaire(lang)
    expect(q is not None, "questionnaire files not found")
    y = Year(db, aid, q, today)
    i = q.keys.index("dr_site")
    critical = {p[0] for p in a.processes if p[4]}
    weak = []
    for sid, name, planned in a.systems:
        rec = a.recommended(sid, levels)
        if any((pid, sid) in a.uses for pid in critical) and \
                (rec is None or not planned or planned < rec):
            weak.append(name)
    want = []
    detail = CONTRA[lang].format(i + 1, q.titles[i])
    if y.states[i] == DONE and weak and y.level < 5:
        want = [GAP_LINE[lang].format(c["text"], detail) for c in q.criteria
                if c["level"] == y.level + 1 and "dr_site" in c["relies_on"]]
    blocking = summary_values(ws, lang)["blocking"]
    tail = CONTRA[lang].split("{}")[-1]
    contra = [b for b in blocking if b.endswith(tail)]
    every = [b for b in blocking if b.endswith(CONTRA_END[lang])]
    expect(set(contra) <= set(every) and
           blocking[len(blocking) - len(every):] == every,
           f"summary: contradictions {every} not after the gaps: {blocking}")
    got = [b for b in contra if b.endswith(detail)]
    expect(got == want, f"summary: item 3's contradiction {got}, expected"
           f" {want} (weaker: {weak})")
    return got


def main(argv):
    document = "--document" in argv
    argv = [x for x in argv if x != "--document"]
    if len(argv) != 5 or argv[3] not in BIA_SHEETS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path, dbpath, lang, day = argv[1:5]
    today = parse_day(day)
    db = None
    try:
        expect(isinstance(today, datetime.date), f"TODAY {day!r}")
        wb = openpyxl.load_workbook(path, data_only=True)
        wbf = openpyxl.load_workbook(path, data_only=False)
        db = sqlite3.connect("file:" + urllib.parse.quote(
            os.path.abspath(dbpath)) + "?mode=ro", uri=True)
        a = Analysis(db, current_assessment(db))
        ref = reference(lang)
        names = [ref["ratings"][k] for k in RATINGS]
        bia, systems = BIA_SHEETS[lang]
        # The backups sheet, the drills sheet when the unit has drills,
        # and the emergency response's sheets follow them.
        drills = {"en": "Drills", "zh": "应急演练"}[lang]
        card = {"en": "Response card", "zh": "应急响应流程卡"}[lang]
        at = wb.sheetnames.index(bia) if bia in wb.sheetnames else -1
        rest = wb.sheetnames[at + 3:]
        expect(at >= 0 and wb.sheetnames[at:at + 2] == [bia, systems] and
               (rest[:2] == [drills, card] or rest[:1] == [card]),
               f"sheets {wb.sheetnames}")
        g = Grid(wb[bia], wbf[bia], bia)
        margins, rated = check_bia(wb[bia], g, a, lang, today, names,
                                   document)
        seen = check_systems(wb[systems], a, lang, ref, document)
        changed = check_changes(wb[YEARS_SHEETS[lang]], db, a, lang,
                                table_of(ref, a)["levels"])
        contra = check_contradiction(wb[SHEETS[lang][0]], db,
                                     current_assessment(db), a, lang,
                                     table_of(ref, a)["levels"], today)
    except Mismatch as e:
        print(f"export_bia: {path}: {e}", file=sys.stderr)
        return 1
    finally:
        if db is not None:
            db.close()
    print(f"OK {path}: {len(a.processes)} processes, margins " +
          ", ".join(f"{k} {v:g}" for k, v in margins.items()) +
          f"; {rated} grids with a heat map; {len(seen)} systems, levels " +
          ", ".join(f"{k} {r}/{p or '-'}" for k, (r, p) in seen.items()) +
          "; summary: " + (" | ".join(contra) if contra else
                           "item 3 not contradicted") +
          ("; no earlier year" if changed is None else
           f"; {len(changed)} change(s) since last year" +
           "".join(f"\n  {x}" for x in changed)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
