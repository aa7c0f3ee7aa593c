/* Everything of one assessment that a workbook shows, read from the store
 * into an xlsx_input: the unit's years, the one before (in full, for the
 * comparison), the calculators, the programme and duties, the analysis,
 * backups and ledger, drills, emergency response, contingency plans and
 * what the records say of the checklist's items. Shared by the workbook
 * exports. */
#ifndef MOAT_XLSX_LOAD_H
#define MOAT_XLSX_LOAD_H

#include <stddef.h>

#include "exports/xlsx_input.h"
#include "model/status.h"
#include "model/store.h"

/* in, and what it points to (current excepted: the caller's). */
typedef struct {
	xlsx_input in;
	year_summary *years;
	report prev;
	calc_data calc;
	agenda plan;
	bia_view bia, prev_bia;
	verify_view verify;
	xlsx_drill *drills;
	resp_view response;
	cont_record *plans;
	findings_set *findings;
} xlsx_loaded;

/* Reads what current's workbook shows, as of today, into *out. On failure
 * out holds nothing to free, err says why (the store's message) and the
 * status is the store's. Release with xlsx_loaded_free. */
moat_status xlsx_load(store *s, const report *current, date today,
		      xlsx_loaded *out, char *err, size_t errlen);
void xlsx_loaded_free(xlsx_loaded *l);

#endif
