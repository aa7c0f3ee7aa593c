#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/doctor.h"
#include "model/text.h"
#include "tui/cli.h"

/* One sentence about a broken audit chain, in the current language. */
static void audit_problem_text(const audit_check *c, char *out, size_t outlen)
{
	switch (c->problem) {
	case AUDIT_CHANGED:
		snprintf(out, outlen, msg(CLI_AUDIT_CHANGED_FMT), (long long)c->at_id);
		break;
	case AUDIT_UNSEALED:
		snprintf(out, outlen, msg(CLI_AUDIT_UNSEALED_FMT), (long long)c->at_id);
		break;
	case AUDIT_GAP:
		snprintf(out, outlen, msg(CLI_AUDIT_GAP_FMT), (long long)c->at_id,
			 (long long)c->detail);
		break;
	case AUDIT_TAIL:
		snprintf(out, outlen, msg(CLI_AUDIT_TAIL_FMT), (long long)c->detail,
			 (long long)c->at_id);
		break;
	default:
		snprintf(out, outlen, msg(CLI_AUDIT_OK_FMT), (long long)c->entries);
		break;
	}
}

/* The newest entries, and the tripwire for older ones, are enough at
 * every start; `audit verify` recomputes them all. */
enum { QUICK_TAIL = 16 };

bool cli_audit_quick_check(store *s, char *out, size_t outlen)
{
	audit_check c;
	char what[512];
	out[0] = '\0';
	if (store_audit_verify(s, QUICK_TAIL, &c) != ST_OK || c.ok)
		return true;
	audit_problem_text(&c, what, sizeof what);
	snprintf(out, outlen, msg(CLI_AUDIT_WARNING_FMT), what);
	return false;
}

int cli_audit_verify(store *s, const char *db_path, FILE *out, FILE *err)
{
	audit_check c;
	char line[512];
	(void)db_path;
	if (store_audit_verify(s, 0, &c) != ST_OK) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		return EXIT_FAIL;
	}
	audit_problem_text(&c, line, sizeof line);
	fprintf(c.ok ? out : err, "%s\n", line);
	return c.ok ? EXIT_OK : EXIT_FAIL;
}

int cli_doctor(const char *db_path, FILE *out, FILE *err)
{
	doctor_report r;
	(void)err;
	doctor_run(db_path, &r);
	for (size_t i = 0; i < r.n; i++) {
		/* Paths and names come from the file system: clean them. */
		char *clean = text_sanitize(r.v[i].text, false);
		fprintf(out, "%s\n", clean ? clean : "");
		free(clean);
	}
	if (r.problems)
		fprintf(out, msg(DOC_SUMMARY_FMT), r.problems);
	else
		fputs(msg(DOC_SUMMARY_OK), out);
	fputc('\n', out);
	return r.problems ? EXIT_FAIL : EXIT_OK;
}
