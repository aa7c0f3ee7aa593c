#!/usr/bin/python3
"""Checks a moat workbook as a spreadsheet program renders and recalculates it.

Usage:
  export_render.py pages PDF WORKBOOK N_FORMS
      The PDF LibreOffice printed from WORKBOOK: every page's header names
      its sheet (moat prints the sheet's name in the header), so the pages
      are counted per sheet. Every sheet prints; the executive summary
      (the first sheet) on exactly one page; the registration forms one
      page a form (N_FORMS, from the database); every other sheet on at
      most two pages; no cell shows "###".
  export_render.py recalc WORKBOOK RECALCULATED
      Every formula of WORKBOOK (moat's cached value) against the value
      LibreOffice computed for the same cell in RECALCULATED.
  export_render.py set-horizon WORKBOOK OUT N
      WORKBOOK with the ROI sheet's horizon input set to N, saved as OUT.
  export_render.py roi EDITED_RECALC MOAT_EXPORT
      The ROI sheet's results and year table (years 0..N shown, #N/A past
      N) of the edited, recalculated workbook against those moat cached
      when it exported the same inputs itself.
Exits 1 with the first mismatch.
"""

import subprocess
import sys

import openpyxl

ROI = {"en": "ROI", "zh": "投资回报"}
HORIZON = {"en": "Horizon N (years)", "zh": "测算年限N（年）"}
RESULTS = {"en": "Results", "zh": "测算结果"}
YEAR = {"en": "Year", "zh": "第几年"}


def fail(why):
    print(f"export_render: {why}", file=sys.stderr)
    sys.exit(1)


def close(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return (a or "") == (b or "")


def sheet_pages(pdf, names):
    """The printed pages of PDF as (page number from 1, sheet, text), the
    sheet one of names, read from the page's header; fails on a page
    without one, or with "###" (a column too narrow for its figure)."""
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout
    out = []
    for i, page in enumerate(text.split("\f")):
        lines = [ln for ln in page.splitlines() if ln.strip()]
        if not lines:
            continue
        head = [p.strip() for p in lines[0].split("  ") if p.strip()]
        # Organisation, sheet, date: the sheet is the one moat named.
        sheet = next((p for p in head if p in names), None)
        if sheet is None:
            fail(f"page {i + 1}: no sheet named in its header {lines[0]!r}")
        if "###" in page:
            fail(f"page {i + 1} ({sheet}): a column too narrow shows ###")
        out.append((i + 1, sheet, page))
    return out


def pages(pdf, workbook, n_forms):
    names = openpyxl.load_workbook(workbook, read_only=True).sheetnames
    count = {n: 0 for n in names}
    for _, sheet, _ in sheet_pages(pdf, names):
        count[sheet] += 1
    for n, c in count.items():
        if c == 0:
            fail(f"sheet {n!r} does not print")
    if count[names[0]] != 1:
        fail(f"the executive summary {names[0]!r} prints on {count[names[0]]}"
             " pages, not one")
    forms = names[-1] if n_forms else None
    for n, c in count.items():
        if n == forms:
            if c != n_forms:
                fail(f"{n!r}: {c} pages for {n_forms} forms")
        elif c > 2:
            fail(f"{n!r} prints on {c} pages")
    print(f"{sum(count.values())} pages: " +
          ", ".join(f"{n} {c}" for n, c in count.items()))


def recalc(workbook, recalculated):
    formulas = openpyxl.load_workbook(workbook)
    cached = openpyxl.load_workbook(workbook, data_only=True)
    lo = openpyxl.load_workbook(recalculated, data_only=True)
    n = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if not (isinstance(c.value, str) and c.value.startswith("=")):
                    continue
                want = cached[ws.title][c.coordinate].value
                got = lo[ws.title][c.coordinate].value
                if not close(got, want):
                    fail(f"{ws.title}!{c.coordinate} {c.value}: LibreOffice"
                         f" computes {got!r}, moat cached {want!r}")
                n += 1
    if n == 0:
        fail("no formulas")
    print(f"{n} formulas recalculate to moat's cached values")


def roi_sheet(wb):
    for lang, name in ROI.items():
        if name in wb.sheetnames:
            return lang, wb[name]
    fail("no ROI sheet")


def labelled(ws, lang, first):
    """The label / value rows of a sheet from the row labelled first on,
    up to the first blank label; every labelled row when first is None."""
    out, on = {}, first is None
    for r in range(1, ws.max_row + 1):
        label = ws.cell(r, 1).value
        if label == first:
            on = True
        elif on and not label:
            if first is None:
                continue
            break
        if on:
            out[label] = ws.cell(r, 2).value
    return out


def horizon_cell(ws, lang):
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == HORIZON[lang]:
            return r, 2
    fail("no horizon input on the ROI sheet")


def year_table(ws, lang):
    """The (year, cumulative cash) rows under the year table's header,
    "#N/A" for the years past N."""
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == YEAR[lang]:
            return [(ws.cell(i, 1).value, ws.cell(i, 2).value)
                    for i in range(r + 1, ws.max_row + 1)]
    fail("no year table on the ROI sheet")


def set_horizon(workbook, out, n):
    wb = openpyxl.load_workbook(workbook)
    lang, ws = roi_sheet(wb)
    ws.cell(*horizon_cell(ws, lang)).value = int(n)
    wb.save(out)


def roi(edited, exported):
    a = openpyxl.load_workbook(edited, data_only=True)
    b = openpyxl.load_workbook(exported, data_only=True)
    lang, wa = roi_sheet(a)
    _, wb_ = roi_sheet(b)
    got, want = labelled(wa, lang, RESULTS[lang]), labelled(wb_, lang,
                                                             RESULTS[lang])
    if len(want) < 5:
        fail(f"moat's ROI results: {want}")
    for k, v in want.items():
        if not close(got.get(k), v):
            fail(f"ROI {k!r}: recalculated {got.get(k)!r}, moat {v!r}")
    # The executive summary reads the ROI sheet: it follows the edit.
    ea, eb = (labelled(w.worksheets[0], lang, None) for w in (a, b))
    shared = [k for k in (HORIZON[lang], *want) if k in eb]
    if len(shared) < 4:
        fail(f"executive summary: only {shared} of the ROI figures")
    for k in shared:
        if not close(ea.get(k), eb[k]):
            fail(f"executive summary {k!r}: recalculated {ea.get(k)!r},"
                 f" moat {eb[k]!r}")
    ya, yb = year_table(wa, lang), year_table(wb_, lang)
    if ya != yb:
        fail(f"ROI year table: recalculated {ya}, moat {yb}")
    shown = [y for y, _ in ya if y != "#N/A"]
    n = wb_.cell(*horizon_cell(wb_, lang)).value
    if shown != list(range(n + 1)) or len(ya) <= n + 1:
        fail(f"ROI year table for N = {n}: years {shown} of {len(ya)} rows")
    print(f"ROI after the edit equals moat's export: {len(want) - 1} results,"
          f" years 0-{n} of {len(ya)} rows, {len(shared)} on the summary")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "pages":
        pages(args[0], args[1], int(args[2]))
    elif cmd == "recalc":
        recalc(*args)
    elif cmd == "set-horizon":
        set_horizon(*args)
    elif cmd == "roi":
        roi(*args)
    else:
        fail(f"unknown command {cmd}")
