#include "config.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/questionnaire.h"
#include "model/store.h"
#include "model/store_file.h"
#include "tui/app.h"
#include "tui/cli.h"

/* The language the environment asks for, as the C library would look it
 * up for messages. */
static moat_lang env_lang(void)
{
	const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return msg_lang_from_locale(v);
	}
	return LANG_EN;
}

/* Wide characters need a UTF-8 LC_CTYPE; an SSH client may send a locale
 * this server lacks, so fall back to C.UTF-8, which libc always has. */
static bool setup_locale(void)
{
	const char *cs;
	bool utf8;
	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	utf8 = cs && strcmp(cs, "UTF-8") == 0;
	if (!utf8)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* Numbers are written with a point everywhere: a comma-decimal locale
	 * would otherwise leak into the workbook's XML and make it unreadable. */
	setlocale(LC_NUMERIC, "C");
	return utf8;
}

int main(int argc, char **argv)
{
	cli_options o;
	char db_path[PATH_MAX], qdir[PATH_MAX], err[1024];
	questionnaire q;
	store *st = NULL;
	int64_t open_unit, open_id = 0;
	int rc;

	bool utf8 = setup_locale();
	memset(&o, 0, sizeof o);
	o.today = date_today();
	o.lang = env_lang();
	msg_set_lang(o.lang);

	rc = cli_parse(argc, argv, &o, stderr);
	if (rc)
		return rc;
	if (o.command == CMD_HELP) {
		fputs(msg(CLI_USAGE), stdout);
		return EXIT_OK;
	}
	if (o.command == CMD_VERSION) {
		printf("moat %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	if (o.command == CMD_TUI && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr, "moat: the interface needs a terminal\n%s\n",
			msg(CLI_TRY_HELP));
		return EXIT_FAIL;
	}

	if (o.db)
		snprintf(db_path, sizeof db_path, "%s", o.db);
	else if (!cli_default_db(db_path, sizeof db_path,
				 cli_open_mode(&o) == STORE_CREATE)) {
		fprintf(stderr, "moat: %s\n", db_path);
		return EXIT_FAIL;
	}
	if (o.command == CMD_DOCTOR)
		return cli_doctor(db_path, stdout, stderr);
	if (o.command == CMD_INIT && o.shared &&
	    store_file_share(db_path, o.shared, err, sizeof err) != ST_OK) {
		fprintf(stderr, "moat: %s\n", err);
		return EXIT_FAIL;
	}
	if (questionnaire_find_dir(msg_lang_dir(o.lang), qdir, sizeof qdir)) {
		fprintf(stderr, "moat: %s\n", qdir);
		return EXIT_FAIL;
	}
	if (questionnaire_load(qdir, &q, err, sizeof err)) {
		fprintf(stderr, "moat: %s\n", err);
		return EXIT_FAIL;
	}
	if (store_open(db_path, cli_open_mode(&o), &st, err, sizeof err)) {
		fprintf(stderr, "moat: %s\n", err);
		questionnaire_free(&q);
		return EXIT_FAIL;
	}
	if (o.command != CMD_TUI) {
		/* The interface shows these on its status line. */
		if (store_warning(st)[0])
			fprintf(stderr, "moat: %s\n", store_warning(st));
		if (o.command != CMD_AUDIT_VERIFY &&
		    !cli_audit_quick_check(st, err, sizeof err))
			fprintf(stderr, "moat: %s\n", err);
	}

	/* Commands about the whole file still refuse a --unit that names
	 * nothing; the others select it (cli_current). */
	if (o.unit && ((o.command == CMD_AUDIT_VERIFY &&
			(rc = cli_check_unit(st, &o, stderr))) ||
		       (o.command == CMD_TUI &&
			(rc = cli_current(st, &o, db_path, &open_unit, &open_id,
					  stderr))))) {
		store_close(st);
		questionnaire_free(&q);
		return rc;
	}
	switch (o.command) {
	case CMD_INIT:
		rc = cli_init(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_SCORE:
		rc = cli_score(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_ROI:
		rc = cli_roi(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_EXPORT:
		rc = cli_export(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_DUE:
		rc = cli_due(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_BIA:
		rc = cli_bia(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_GROUP:
		rc = cli_group(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_VERIFY_RECORD:
		rc = cli_verify_record(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_VERIFY_LIST:
		rc = cli_verify_list(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_DRILL_LIST:
		rc = cli_drill_list(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_DRILL_REPORT:
		rc = cli_drill_report(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_CARD:
		rc = cli_card(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_FORM:
		rc = cli_form(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_INCIDENT_DECLARE:
	case CMD_INCIDENT_LOG:
	case CMD_INCIDENT_CLOSE:
	case CMD_INCIDENT_SHOW:
		rc = cli_incident(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_UNIT_LIST:
	case CMD_UNIT_ADD:
	case CMD_UNIT_RENAME:
	case CMD_UNIT_REGION:
	case CMD_UNIT_ARCHIVE:
	case CMD_UNIT_UNARCHIVE:
	case CMD_UNIT_USE:
		rc = cli_check_unit(st, &o, stderr);
		if (!rc)
			rc = cli_unit(st, &q, &o, db_path, stdout, stderr);
		break;
	case CMD_AUDIT_VERIFY:
		rc = cli_audit_verify(st, db_path, stdout, stderr);
		break;
	default:
		rc = app_run(st, &q, db_path, o.today, open_id, utf8);
		break;
	}
	store_close(st);
	questionnaire_free(&q);
	if (rc > 128) {
		/* Die of the signal that stopped us, as the shell expects. */
		signal(rc - 128, SIG_DFL);
		raise(rc - 128);
	}
	return rc;
}
