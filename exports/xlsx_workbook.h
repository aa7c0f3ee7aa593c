/* The assessment as an Excel workbook (.xlsx) for people who do not use
 * moat: a summary sheet for the CFO and CEO and the checklist. */
#ifndef MOAT_XLSX_WORKBOOK_H
#define MOAT_XLSX_WORKBOOK_H

#include <stddef.h>

#include "model/report.h"
#include "model/status.h"

/* Writes r to path as a workbook with the sheets Summary and Checklist,
 * texts in the current message language. exported_at ("YYYY-MM-DD", from
 * the caller so tests can fix it) is shown on the summary and used as the
 * document's creation date. The file is replaced atomically: on failure
 * path is untouched, no temporary file remains and err says why (ST_IO when
 * the file cannot be created or replaced, ST_EXPORT when the workbook cannot
 * be written, ST_INVALID on bad arguments). Library messages that would go
 * to stderr are captured, not printed. */
moat_status xlsx_export(const report *r, const char *path,
			const char *exported_at, char *err, size_t errlen);

#endif
