#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/report.h"
#include "model/store_contingency.h"
#include "tui/cli.h"

/* `moat form`: the paper registration forms, for when the system is down
 * and the printer is not. */

int cli_form(store *s, const questionnaire *q, const cli_options *o,
	     const char *db_path, FILE *out, FILE *err)
{
	cont_record *all = NULL;
	size_t n = 0, printed = 0;
	const char *want = o->verify.system;
	report r;
	unit u;
	int rc = cli_load_current(s, q, o, db_path, &r, err);

	if (rc)
		return rc;
	if (store_unit_get(s, r.assessment.unit_id, &u) ||
	    store_cont_load_all(s, u.id, &all, &n)) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		report_free(&r);
		return EXIT_FAIL;
	}
	report_free(&r);
	for (size_t i = 0; i < n; i++) {
		const cont_record *p = &all[i];
		cont_form f = {u.name, p->plan.system, p->approved.version,
			       p->approved.approved_on, o->today, p->columns,
			       p->n_columns, CONT_FORM_ROWS, p->plan.backentry};
		char *text;
		if (want && strcmp(want, p->plan.system) != 0)
			continue;
		if (cont_form_text(&f, &text)) {
			fprintf(err, "moat: out of memory\n");
			cont_records_free(all, n);
			return EXIT_FAIL;
		}
		/* One form a page when printed: a blank line between them
		 * (no form feed: nothing but newlines). */
		if (printed++)
			fputs("\n\n", out);
		fputs(text, out);
		free(text);
	}
	cont_records_free(all, n);
	if (printed)
		return EXIT_OK;
	if (want) {
		fprintf(err, "moat: ");
		fprintf(err, msg(CONT_CLI_NO_SUCH_FMT), want);
		fputc('\n', err);
	} else {
		fprintf(err, "moat: %s\n", msg(CONT_CLI_NO_PLANS));
	}
	return EXIT_FAIL;
}
