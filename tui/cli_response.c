#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/report.h"
#include "model/store_response.h"
#include "model/user.h"
#include "tui/cli.h"

/* `moat card`: the response card for a printer or a phone screen. */

int cli_card(store *s, const questionnaire *q, const cli_options *o,
	     const char *db_path, FILE *out, FILE *err)
{
	resp_level levels[RESP_LEVELS];
	resp_contact *contacts = NULL;
	size_t n = 0;
	unit u;
	report r;
	char user[64], *text = NULL;
	int64_t version = 1, print_id;
	moat_status st;
	int rc = cli_load_current(s, q, db_path, o->today, &r, err);

	if (rc)
		return rc;
	user_name(user, sizeof user);
	if ((st = store_unit_get(s, r.assessment.unit_id, &u)) ||
	    (st = store_response_levels(s, u.id, &q->response, levels)) ||
	    (st = store_contacts(s, u.id, &contacts, &n)) ||
	    (st = store_card_sync(s, u.id, &q->response, user, &version))) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		free(contacts);
		report_free(&r);
		return EXIT_FAIL;
	}
	resp_card card = {u.name, o->level, version, o->today, levels, contacts, n};
	st = resp_card_text(&q->response, &card, &text);
	free(contacts);
	report_free(&r);
	if (st) {
		fprintf(err, "moat: out of memory\n");
		return EXIT_FAIL;
	}
	fputs(text, out);
	free(text);
	if (store_read_only(s))
		fprintf(err, "moat: %s\n", msg(RESP_PRINT_NOT_RECORDED));
	else if (store_card_print(s, u.id, version, o->level, msg_lang_dir(o->lang),
				  o->today, user, &print_id))
		fprintf(err, "moat: %s\n", store_errmsg(s));
	return EXIT_OK;
}
