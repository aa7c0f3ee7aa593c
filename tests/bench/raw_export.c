/* The benchmark's floor: writes the cells listed in a cell file (as the
 * benchmark dumps them from moat's own workbook) with libxlsxwriter and
 * nothing else: no formats, no charts, no database.
 *
 *   raw_export CELLS.tsv OUT.xlsx
 *
 * Each line: sheet, row, column, n|s, value, tab-separated; in the value
 * \t, \n and \\ stand for a tab, a newline and a backslash. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

enum { MAX_SHEETS = 64 };

static void unescape(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

int main(int argc, char **argv)
{
	FILE *in;
	lxw_workbook *wb;
	lxw_worksheet *ws[MAX_SHEETS];
	char names[MAX_SHEETS][64], *line = NULL;
	size_t cap = 0;
	int n_sheets = 0;
	ssize_t len;

	if (argc != 3) {
		fprintf(stderr, "usage: raw_export CELLS.tsv OUT.xlsx\n");
		return 2;
	}
	if (!(in = fopen(argv[1], "r"))) {
		perror(argv[1]);
		return 1;
	}
	wb = workbook_new(argv[2]);
	if (!wb)
		return 1;
	while ((len = getline(&line, &cap, in)) > 0) {
		char *f[5], *p = line;
		int i, k;
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		for (k = 0; k < 5 && p; k++) {
			f[k] = p;
			p = k < 4 ? strchr(p, '\t') : NULL;
			if (p)
				*p++ = '\0';
		}
		if (k < 5)
			continue;
		for (i = 0; i < n_sheets && strcmp(names[i], f[0]) != 0; i++)
			;
		if (i == n_sheets) {
			if (n_sheets == MAX_SHEETS)
				continue;
			snprintf(names[i], sizeof names[i], "%s", f[0]);
			ws[i] = workbook_add_worksheet(wb, names[i]);
			n_sheets++;
		}
		unescape(f[4]);
		if (f[3][0] == 'n')
			worksheet_write_number(ws[i], (lxw_row_t)atol(f[1]),
					       (lxw_col_t)atoi(f[2]), strtod(f[4], NULL),
					       NULL);
		else
			worksheet_write_string(ws[i], (lxw_row_t)atol(f[1]),
					       (lxw_col_t)atoi(f[2]), f[4], NULL);
	}
	free(line);
	fclose(in);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
