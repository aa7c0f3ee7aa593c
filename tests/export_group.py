#!/usr/bin/python3
"""Reads moat's group pack back (`moat export --group`).

Usage:
  export_group.py check WORKBOOK CSV LANG SCOPE
      WORKBOOK against `moat group --csv` (CSV) of the same units, filter
      and order, in LANG, for SCOPE ("" for every unit, else the region):
      the group sheet first, titled with the units' count and the scope,
      a row per CSV row in its order with its figures, a totals row of
      SUM formulas; then one executive summary per unit with a year, in
      the same order, on a sheet named for the unit as Excel allows
      (refused characters as "_", at most 31 UTF-16 units, no trailing
      space, " (2)" and on for a name taken regardless of case); its
      title names the unit, its year and level are the CSV's. The
      workbook's properties name the scope. Printing: landscape, one page
      wide, the header row repeated, frozen and autofiltered.
  export_group.py pages PDF WORKBOOK
      The PDF LibreOffice printed from WORKBOOK: every sheet prints (its
      name is in each page's header), each unit's summary on exactly one
      page, the group sheet's pages landscape, no cell shows "###".
Exits 1 with the first mismatch.
"""

import csv
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

from export_render import sheet_pages

TEXT = {
    "en": {
        "sheet": "Group", "all": "All units", "region": "Region {}",
        "title": "Business continuity of {} units · {}",
        "title_one": "Business continuity of one unit · {}", "total": "Total",
        "prev": "L{} ({})", "no_year": "no year",
        "exec": "Business continuity at a glance · {}", "year": "Year",
        "more": "… and {} more in the unit's own workbook \\(moat export\\)",
        "level": "Maturity level", "level_text": "level {} ",
        "heads": ["Unit", "Region", "Year", "Level", "Risk", "Year before",
                  "Items\ndone", "Items", "Evidence\nexpired",
                  "Evidence\nexpiring", "Programme\nday", "Tasks\ndone",
                  "Tasks", "Tasks\noverdue", "Duties\noverdue",
                  "Systems\nuntested", "Worst RTA\n(system)",
                  "Its RTA\n(min)", "Its RTO\n(min)", "Plans past\nreview"],
    },
    "zh": {
        "sheet": "集团总览", "all": "全部单位", "region": "{}区域",
        "title": "{}个单位的业务连续性 · {}",
        "title_one": "1个单位的业务连续性 · {}", "total": "合计",
        "prev": "第{}级（{}年）", "no_year": "无评估",
        "exec": "业务连续性一览 · {}", "year": "年度",
        "more": "……另有{}项，详见该单位的工作簿（moat export）",
        "level": "成熟度等级", "level_text": "第{}级 ",
        "heads": ["单位", "区域", "年度", "等级", "风险", "上一年度",
                  "清单\n已完成", "清单\n项数", "证据\n已过期", "证据\n临期",
                  "90天计划\n第几天", "任务\n已完成", "任务\n总数",
                  "任务\n逾期", "周期职责\n逾期次数", "未做恢复\n测试的系统",
                  "RTA最差的\n系统", "其RTA\n（分钟）", "其RTO\n（分钟）",
                  "应急方案\n逾期未复审"],
    },
}
# The CSV's keys of the group sheet's count and figure columns, from
# column G on; the totals row adds up the SUMMED ones.
FIGURES = ["items_done", "items_total", "evidence_expired",
           "evidence_expiring", "programme_day", "tasks_done", "tasks_total",
           "tasks_overdue", "duties_overdue", "untested", "worst_system",
           "worst_rta_min", "worst_rto_min", "plans_review_due"]
SUMMED = ["evidence_expired", "evidence_expiring", "tasks_overdue",
          "duties_overdue", "untested", "plans_review_due"]
HEADER_ROW = 3


def fail(why):
    print(f"export_group: {why}", file=sys.stderr)
    sys.exit(1)


def expect(ok, why):
    if not ok:
        fail(why)


def units16(ch):
    return 2 if ord(ch) > 0xFFFF else 1


def sheet_name(name, room=0):
    """The name Excel accepts, as the docstring above says."""
    out, used = "", 0
    for ch in name:
        if used + units16(ch) > 31 - room:
            break
        bad = ord(ch) < 0x20 or ord(ch) == 0x7F or ch in "[]:*?/\\"
        out += "_" if bad else ch
        used += units16(ch)
    out = out.rstrip(" ") or "_"
    if out[0] == "'":
        out = "_" + out[1:]
    if out[-1] == "'":
        out = out[:-1] + "_"
    return out


def sheet_names(first, units):
    taken = [first]
    for u in units:
        n, k = sheet_name(u), 2
        while n.lower() in (t.lower() for t in taken):
            suffix = f" ({k})"
            n, k = sheet_name(u, len(suffix)) + suffix, k + 1
        taken.append(n)
    return taken


def num(v):
    return int(v) if v != "" else None


def check(workbook, csv_path, lang, scope):
    t = TEXT[lang]
    rows = list(csv.DictReader(open(csv_path, newline="", encoding="utf-8")))
    wb = openpyxl.load_workbook(workbook)
    values = openpyxl.load_workbook(workbook, data_only=True)
    with_year = [r["unit"] for r in rows if r["year"]]
    want_names = sheet_names(t["sheet"], with_year)
    expect(wb.sheetnames == want_names,
           f"sheets {wb.sheetnames}, expected {want_names}")
    where = t["region"].format(scope) if scope else t["all"]
    with zipfile.ZipFile(workbook) as z:
        app = ET.fromstring(z.read("docProps/app.xml"))
    company = app.findtext(
        "{http://schemas.openxmlformats.org/officeDocument/2006/"
        "extended-properties}Company")
    expect(company == where, f"company {company!r}, expected {where!r}")

    ws, wv = wb[t["sheet"]], values[t["sheet"]]
    title = (t["title_one"].format(where) if len(rows) == 1 else
             t["title"].format(len(rows), where))
    expect(wv["A1"].value == title, f"A1 {wv['A1'].value!r}, expected"
           f" {title!r}")
    heads = [wv.cell(HEADER_ROW, c).value for c in range(1, 21)]
    expect(heads == t["heads"], f"header {heads}")
    for i, r in enumerate(rows):
        at = HEADER_ROW + 1 + i
        got = [wv.cell(at, c).value for c in range(1, 21)]
        has_year = r["year"] != ""
        prev = (t["prev"].format(r["last_level"], r["last_year"])
                if r["last_level"] else None)
        want = [r["unit"], r["region"] or None,
                int(r["year"]) if has_year else t["no_year"],
                num(r["level"]), r["risk"] or None, prev]
        for k in FIGURES:
            want.append(r[k] or None if k == "worst_system" else num(r[k]))
        expect(got == want, f"row {at} ({r['unit']}): {got}, expected {want}")
    total = HEADER_ROW + 1 + len(rows)
    if rows:
        expect(wv.cell(total, 1).value == t["total"],
               f"row {total}: {wv.cell(total, 1).value!r}")
        for k in SUMMED:
            col = 7 + FIGURES.index(k)
            letter = openpyxl.utils.get_column_letter(col)
            f = ws.cell(total, col).value
            want_f = f"=SUM({letter}{HEADER_ROW + 1}:{letter}{total - 1})"
            expect(f == want_f, f"total of {k}: {f!r}, expected {want_f!r}")
            s = sum(int(r[k] or 0) for r in rows)
            expect(wv.cell(total, col).value == s,
                   f"total of {k}: cached {wv.cell(total, col).value!r},"
                   f" expected {s}")
        expect(ws.auto_filter.ref == f"A{HEADER_ROW}:T{total - 1}",
               f"autofilter {ws.auto_filter.ref!r}")
    expect(ws.freeze_panes == f"B{HEADER_ROW + 1}",
           f"frozen at {ws.freeze_panes!r}")
    # fitToWidth left out is 1, the default of the file format.
    ps = ws.page_setup
    expect(ps.orientation == "landscape" and ps.paperSize in (9, "9") and
           ws.sheet_properties.pageSetUpPr.fitToPage and
           ps.fitToWidth in (None, 1, "1") and ps.fitToHeight in (0, "0"),
           f"print setup {ps.orientation} paper {ps.paperSize}"
           f" fit {ps.fitToWidth}x{ps.fitToHeight}")
    expect(ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}",
           f"repeated rows {ws.print_title_rows!r}")

    pointers = 0
    for name, r in zip(want_names[1:], [r for r in rows if r["year"]]):
        us = values[name]
        want_title = t["exec"].format(r["unit"])
        expect(us["A1"].value == want_title,
               f"{name!r} A1 {us['A1'].value!r}, expected {want_title!r}")
        labels = {us.cell(i, 1).value: us.cell(i, 2).value
                  for i in range(1, us.max_row + 1)}
        expect(labels.get(t["year"]) == int(r["year"]),
               f"{name!r}: year {labels.get(t['year'])!r}, CSV {r['year']}")
        # What blocks the next level beyond the first lines: the pack
        # has no Summary sheet, the unit's own workbook lists them.
        rest = [us.cell(i, 2).value for i in range(1, us.max_row + 1)
                if str(us.cell(i, 2).value or "").startswith(t["more"][:3])]
        expect(all(re.fullmatch(t["more"].format(r"\d+"), v) for v in rest),
               f"{name!r}: {rest}, expected {t['more']!r}")
        pointers += len(rest)
        lv = labels.get(t["level"]) or ""
        expect(lv.startswith(t["level_text"].format(r["level"])),
               f"{name!r}: level {lv!r}, CSV {r['level']}")
    expect(pointers > 0 or not with_year, "no unit summary says where the"
           " rest of what blocks it is")
    print(f"{len(rows)} units on the group sheet, {len(want_names) - 1}"
          f" unit summaries: {', '.join(want_names[1:])}")


def pages(pdf, workbook):
    names = openpyxl.load_workbook(workbook, read_only=True).sheetnames
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", pdf],
                          check=True, capture_output=True, text=True).stdout
    sizes = {}
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            head, _, rest = line.partition("size:")
            w, _, h = rest.split()[:3]
            sizes[int(head.split()[1])] = (float(w), float(h))
    count = {n: 0 for n in names}
    for page, sheet, _ in sheet_pages(pdf, names):
        count[sheet] += 1
        if sheet == names[0]:
            w, h = sizes.get(page, (0, 0))
            expect(w > h, f"page {page} ({sheet}): {w} x {h}, not"
                   " landscape")
    for n, c in count.items():
        expect(c > 0, f"sheet {n!r} does not print")
        expect(n == names[0] or c == 1,
               f"{n!r}: the unit's summary prints on {c} pages, not one")
    print(f"{sum(count.values())} pages: " +
          ", ".join(f"{n} {c}" for n, c in count.items()))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "check":
        check(*args)
    elif cmd == "pages":
        pages(*args)
    else:
        fail(f"unknown command {cmd}")
