"""The benchmark's cell file: every cell of moat's workbook (cached values,
as a reader that does not recalculate sees them), one a line:
sheet, row, column (from 0), n|s, value; tabs, newlines and backslashes in
values escaped. The Python and raw libxlsxwriter writers replay it.

    python3 cells.py WORKBOOK.xlsx CELLS.tsv
"""
import sys

import openpyxl


def esc(v):
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main(src, dst):
    wb = openpyxl.load_workbook(src, data_only=True, read_only=True)
    n = 0
    with open(dst, "w", encoding="utf-8") as out:
        for ws in wb.worksheets:
            for r, row in enumerate(ws.iter_rows(values_only=True)):
                for c, v in enumerate(row):
                    if v is None:
                        continue
                    kind = "n" if isinstance(v, (int, float)) and not isinstance(v, bool) else "s"
                    out.write(f"{esc(ws.title)}\t{r}\t{c}\t{kind}\t{esc(str(v))}\n")
                    n += 1
    print(n)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
