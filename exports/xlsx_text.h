/* Text as a spreadsheet cell must receive it. Pure: no libxlsxwriter, so
 * the rules are tested directly; exports/xlsx_workbook.c writes every
 * sheet's text through it. */
#ifndef MOAT_XLSX_TEXT_H
#define MOAT_XLSX_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Excel's limit for the text of one cell, in UTF-16 code units; the
 * library checks the same number in characters of what it is given. */
#define XLSX_CELL_MAX 32767

/* The text of one cell, newly allocated (NULL on no memory), in two parts:
 * *shown is what a reader sees: text, with invalid UTF-8 made valid as
 * text_sanitize does and, when text is longer than a cell holds, cut at a
 * character boundary and ended with the marker "… [cut: N characters
 * more, see moat]" (XL_CUT_FMT; N counts characters); *cut is N (0 when
 * nothing was cut). The return value is *shown as the file stores it:
 * every literal "_xHHHH_" (H a hex digit) escaped as "_x005F_xHHHH_", as
 * OOXML requires, so that Excel and other readers show it as typed rather
 * than as the character U+HHHH. Both fit a cell: *shown in XLSX_CELL_MAX
 * UTF-16 units, the stored text in XLSX_CELL_MAX characters. The caller
 * frees both. */
char *xlsx_cell_text(const char *text, char **shown, size_t *cut);

/* Excel's limit for a sheet's name, in UTF-16 code units. */
#define XLSX_SHEET_NAME_MAX 31

/* A sheet name Excel accepts made from name into out (len bytes; at least
 * XLSX_SHEET_NAME_MAX x 4 + 1 holds any): invalid UTF-8 made valid, each
 * of []:*?/\ and control characters replaced by "_", an apostrophe that
 * would begin or end it replaced likewise, cut at a character boundary to
 * XLSX_SHEET_NAME_MAX UTF-16 units less room units (kept free for a
 * suffix), without trailing spaces, "_" when nothing is left. False when out is too small or on
 * no memory; out is then "". */
bool xlsx_sheet_name(const char *name, size_t room, char *out, size_t len);

#endif
