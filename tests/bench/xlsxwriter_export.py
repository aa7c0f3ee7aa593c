"""The benchmark's comparison: the same cells as moat's workbook, written
by Python's XlsxWriter (Debian's python3-xlsxwriter) from the cell file.

    python3 xlsxwriter_export.py CELLS.tsv OUT.xlsx
"""
import sys

import xlsxwriter


def unesc(v):
    out, i = [], 0
    while i < len(v):
        if v[i] == "\\" and i + 1 < len(v):
            i += 1
            out.append({"t": "\t", "n": "\n"}.get(v[i], v[i]))
        else:
            out.append(v[i])
        i += 1
    return "".join(out)


def main(src, dst):
    wb = xlsxwriter.Workbook(dst)
    sheets = {}
    with open(src, encoding="utf-8") as f:
        for line in f:
            name, r, c, kind, value = line.rstrip("\n").split("\t", 4)
            name = unesc(name)
            ws = sheets.get(name)
            if ws is None:
                ws = sheets[name] = wb.add_worksheet(name)
            value = unesc(value)
            if kind == "n":
                ws.write_number(int(r), int(c), float(value))
            else:
                ws.write_string(int(r), int(c), value)
    wb.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
