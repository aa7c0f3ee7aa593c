#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "exports/atomic.h"
#include "exports/ics.h"
#include "exports/xlsx_workbook.h"
#include "model/agenda.h"
#include "model/bia_view.h"
#include "model/calc.h"
#include "model/demo.h"
#include "model/explain.h"
#include "model/findings_view.h"
#include "model/money.h"
#include "model/report.h"
#include "model/text.h"
#include "model/response.h"
#include "model/verify.h"
#include "model/user.h"
#include "tui/cli.h"

enum { OPT_DB = 256, OPT_LANG, OPT_TODAY, OPT_DEMO, OPT_WITHIN, OPT_ICS, OPT_SHARED,
       OPT_CSV, OPT_SYSTEM, OPT_KIND, OPT_RESULT, OPT_STARTED, OPT_ENDED,
       OPT_MINUTES, OPT_DATA_AGE, OPT_COMPLETENESS, OPT_NOTE, OPT_LINK,
       OPT_SINCE, OPT_LEVEL, OPT_ID, OPT_AT, OPT_RESTORED, OPT_WHAT, OPT_WHY,
       OPT_DECISION, OPT_STEP, OPT_ROOT_CAUSE, OPT_DATA_LOSS, OPT_IMPROVEMENT,
       OPT_UNIT, OPT_REGION, OPT_SORT, OPT_GROUP };

static int usage_error(FILE *err, const char *what, const char *arg)
{
	fprintf(err, "moat: %s%s%s\n%s\n", what, arg ? ": " : "", arg ? arg : "",
		msg(CLI_TRY_HELP));
	return EXIT_USAGE;
}

/* A number of days for --within: digits only, 0..CLI_DUE_MAX_DAYS. */
static bool parse_days(const char *s, int *out)
{
	long v = 0;

	if (!*s)
		return false;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
		if (v > CLI_DUE_MAX_DAYS)
			return false;
	}
	*out = (int)v;
	return true;
}

/* Minutes for --minutes and --data-age: digits only, 0..BIA_MAX_MINUTES. */
static bool parse_minutes_arg(const char *s, int64_t *out)
{
	int64_t v;
	if (num_parse(s, 0, false, BIA_MAX_MINUTES, &v) != NUM_OK)
		return false;
	*out = v;
	return true;
}

/* One of incident's options into ia; 0, or EXIT_USAGE with the problem
 * said on err. */
static int incident_option(int opt, const char *arg, cli_incident_args *ia,
			   FILE *err)
{
	int64_t v;
	ia->given = true;
	switch (opt) {
	case OPT_ID:
		if (num_parse(arg, 0, false, INT64_MAX / 2, &v) != NUM_OK || v < 1)
			return usage_error(err, "--id must be an incident's number", arg);
		ia->id = v;
		return 0;
	case OPT_AT:
	case OPT_RESTORED:
		if (!verify_parse_time(arg, opt == OPT_AT ? &ia->at : &ia->restored))
			return usage_error(err, "a time must be YYYY-MM-DD HH:MM", arg);
		*(opt == OPT_AT ? &ia->has_at : &ia->has_restored) = true;
		return 0;
	case OPT_WHAT:
		ia->what = arg;
		return 0;
	case OPT_WHY:
		ia->why = arg;
		return 0;
	case OPT_DECISION:
		ia->decision = true;
		return 0;
	case OPT_STEP:
		ia->step = arg;
		return 0;
	case OPT_ROOT_CAUSE:
		ia->root_cause = arg;
		return 0;
	case OPT_DATA_LOSS:
		ia->data_loss = arg;
		return 0;
	case OPT_IMPROVEMENT:
		if (ia->n_improvements == INC_MAX_IMPROVEMENTS)
			return usage_error(err, "at most 16 --improvement", NULL);
		ia->improvements[ia->n_improvements++] = arg;
		return 0;
	}
	return 0;
}

/* One of verify's options into va; 0, or EXIT_USAGE with the problem
 * said on err. */
static int verify_option(int opt, const char *arg, cli_verify_args *va,
			 FILE *err)
{
	int64_t v;
	va->given = true;
	switch (opt) {
	case OPT_SYSTEM:
		if (!*arg)
			return usage_error(err, "empty --system", NULL);
		va->system = arg;
		return 0;
	case OPT_KIND:
		if (!verify_parse_kind(arg, &va->kind))
			return usage_error(err, "--kind must be check, restore or drill",
					   arg);
		va->kind_given = true;
		return 0;
	case OPT_RESULT:
		if (!verify_parse_result(arg, &va->result))
			return usage_error(err, "--result must be pass, fail or partial",
					   arg);
		va->result_given = true;
		return 0;
	case OPT_STARTED:
	case OPT_ENDED:
		if (!verify_parse_time(arg, opt == OPT_STARTED ? &va->started
							      : &va->ended))
			return usage_error(err, "a time must be YYYY-MM-DD HH:MM", arg);
		if (opt == OPT_STARTED)
			va->has_started = true;
		else
			va->has_ended = true;
		return 0;
	case OPT_MINUTES:
	case OPT_DATA_AGE:
		if (!parse_minutes_arg(arg, opt == OPT_MINUTES ? &va->minutes
							       : &va->data_age))
			return usage_error(err, "minutes must be a whole number from 0"
					   " to 527040", arg);
		return 0;
	case OPT_COMPLETENESS:
		if (num_parse(arg, 1, false, 1000, &v) != NUM_OK)
			return usage_error(err, "--completeness must be a percentage"
					   " from 0 to 100 (one decimal)", arg);
		va->completeness = (int)v;
		return 0;
	case OPT_NOTE:
		va->note = arg;
		return 0;
	case OPT_LINK:
		va->link = arg;
		return 0;
	case OPT_SINCE:
		if (!date_parse(arg, &va->since))
			return usage_error(err, "--since must be a date YYYY-MM-DD", arg);
		return 0;
	}
	return 0;
}

/* "unit ACTION [NAME [NAME2]]" at argv[optind]: the action into
 * o->command, its names into o->unit_args, optind left on the last word
 * used; 0, or EXIT_USAGE said on err. */
static int unit_action(int argc, char **argv, cli_options *o, FILE *err)
{
	static const struct {
		const char *name;
		cli_command cmd;
		int words; /* names after the action */
	} acts[] = {{"list", CMD_UNIT_LIST, 0},         {"add", CMD_UNIT_ADD, 1},
		    {"rename", CMD_UNIT_RENAME, 2},     {"region", CMD_UNIT_REGION, 2},
		    {"archive", CMD_UNIT_ARCHIVE, 1},   {"unarchive", CMD_UNIT_UNARCHIVE, 1},
		    {"use", CMD_UNIT_USE, 1}};
	const char *act = optind + 1 < argc ? argv[optind + 1] : NULL;
	size_t k = 0;

	while (act && k < sizeof acts / sizeof acts[0] &&
	       strcmp(act, acts[k].name) != 0)
		k++;
	if (!act || k == sizeof acts / sizeof acts[0])
		return usage_error(err, "unit needs an action: list, add, rename,"
				   " region, archive, unarchive or use", act);
	o->command = acts[k].cmd;
	optind++;
	for (int w = 0; w < acts[k].words; w++) {
		if (optind + 1 >= argc)
			return usage_error(err, acts[k].words == 2
							? "unit rename and unit region need"
							  " two words: NAME NEW"
							: "this unit action needs a unit's name",
					   NULL);
		o->unit_args[w] = argv[++optind];
	}
	return 0;
}

int cli_parse(int argc, char **argv, cli_options *o, FILE *err)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, OPT_DB},
		{"lang", required_argument, NULL, OPT_LANG},
		{"today", required_argument, NULL, OPT_TODAY},
		{"demo", no_argument, NULL, OPT_DEMO},
		{"within", required_argument, NULL, OPT_WITHIN},
		{"ics", required_argument, NULL, OPT_ICS},
		{"shared", required_argument, NULL, OPT_SHARED},
		{"csv", no_argument, NULL, OPT_CSV},
		{"group", no_argument, NULL, OPT_GROUP},
		{"system", required_argument, NULL, OPT_SYSTEM},
		{"kind", required_argument, NULL, OPT_KIND},
		{"result", required_argument, NULL, OPT_RESULT},
		{"started", required_argument, NULL, OPT_STARTED},
		{"ended", required_argument, NULL, OPT_ENDED},
		{"minutes", required_argument, NULL, OPT_MINUTES},
		{"data-age", required_argument, NULL, OPT_DATA_AGE},
		{"completeness", required_argument, NULL, OPT_COMPLETENESS},
		{"note", required_argument, NULL, OPT_NOTE},
		{"link", required_argument, NULL, OPT_LINK},
		{"since", required_argument, NULL, OPT_SINCE},
		{"level", required_argument, NULL, OPT_LEVEL},
		{"id", required_argument, NULL, OPT_ID},
		{"at", required_argument, NULL, OPT_AT},
		{"restored", required_argument, NULL, OPT_RESTORED},
		{"what", required_argument, NULL, OPT_WHAT},
		{"why", required_argument, NULL, OPT_WHY},
		{"decision", no_argument, NULL, OPT_DECISION},
		{"step", required_argument, NULL, OPT_STEP},
		{"root-cause", required_argument, NULL, OPT_ROOT_CAUSE},
		{"data-loss", required_argument, NULL, OPT_DATA_LOSS},
		{"improvement", required_argument, NULL, OPT_IMPROVEMENT},
		{"unit", required_argument, NULL, OPT_UNIT},
		{"region", required_argument, NULL, OPT_REGION},
		{"sort", required_argument, NULL, OPT_SORT},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	static const struct {
		const char *name;
		cli_command cmd;
	} commands[] = {
		{"init", CMD_INIT}, {"score", CMD_SCORE}, {"export", CMD_EXPORT},
		{"roi", CMD_ROI}, {"due", CMD_DUE}, {"help", CMD_HELP},
		{"doctor", CMD_DOCTOR}, {"audit", CMD_AUDIT_VERIFY},
		{"bia", CMD_BIA}, {"verify", CMD_VERIFY_RECORD},
		{"drill", CMD_DRILL_LIST},
		{"card", CMD_CARD}, {"form", CMD_FORM}, {"incident", CMD_INCIDENT_LOG},
		{"unit", CMD_UNIT_LIST},
		{"group", CMD_GROUP},
	};
	bool help = false, version = false;
	int c;

	o->command = CMD_TUI;
	o->within = CLI_DUE_DAYS;
	o->verify.minutes = o->verify.data_age = BIA_UNSET;
	o->verify.completeness = -1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DB:
			if (!*optarg)
				return usage_error(err, "empty --db", NULL);
			o->db = optarg;
			break;
		case OPT_LANG:
			if (!msg_parse_lang(optarg, &o->lang))
				return usage_error(err, "--lang must be zh or en",
						   optarg);
			msg_set_lang(o->lang);
			o->lang_given = true;
			break;
		case OPT_TODAY:
			if (!date_parse(optarg, &o->today) ||
			    o->today.y < CLI_TODAY_MIN_YEAR ||
			    o->today.y > CLI_TODAY_MAX_YEAR)
				return usage_error(err,
						   "--today must be a date YYYY-MM-DD from 1970 to 2200",
						   optarg);
			break;
		case OPT_DEMO:
			o->demo = true;
			break;
		case OPT_WITHIN:
			if (!parse_days(optarg, &o->within))
				return usage_error(err,
						   "--within must be a number of days from 0 to 3650",
						   optarg);
			o->within_given = true;
			break;
		case OPT_ICS:
			if (!*optarg)
				return usage_error(err, "empty --ics", NULL);
			o->ics = optarg;
			break;
		case 'o':
			if (!*optarg)
				return usage_error(err, "empty -o", NULL);
			o->output = optarg;
			break;
		case OPT_SHARED:
			if (!*optarg)
				return usage_error(err, "empty --shared", NULL);
			o->shared = optarg;
			break;
		case OPT_CSV:
			o->csv = true;
			break;
		case OPT_GROUP:
			o->group = true;
			break;
		case OPT_UNIT:
			if (!*optarg)
				return usage_error(err, "empty --unit", NULL);
			o->unit = optarg;
			break;
		case OPT_REGION:
			o->region = optarg;
			break;
		case OPT_SORT:
			o->group_desc = optarg[0] == '-';
			if (!group_col_parse(optarg + o->group_desc, &o->group_sort))
				return usage_error(err, msg(GRP_CLI_BAD_SORT), optarg);
			o->sort_given = true;
			break;
		case OPT_LEVEL:
			if (!resp_parse_level(optarg, &o->level))
				return usage_error(err, "--level must be I, II, III or IV",
						   optarg);
			break;
		case OPT_SYSTEM:
		case OPT_KIND:
		case OPT_RESULT:
		case OPT_STARTED:
		case OPT_ENDED:
		case OPT_MINUTES:
		case OPT_DATA_AGE:
		case OPT_COMPLETENESS:
		case OPT_NOTE:
		case OPT_LINK:
		case OPT_SINCE:
			if ((c = verify_option(c, optarg, &o->verify, err)))
				return c;
			break;
		case OPT_ID:
		case OPT_AT:
		case OPT_RESTORED:
		case OPT_WHAT:
		case OPT_WHY:
		case OPT_DECISION:
		case OPT_STEP:
		case OPT_ROOT_CAUSE:
		case OPT_DATA_LOSS:
		case OPT_IMPROVEMENT:
			if ((c = incident_option(c, optarg, &o->incident, err)))
				return c;
			break;
		case 'h':
			help = true;
			break;
		case 'V':
			version = true;
			break;
		case ':':
			return usage_error(err, "missing value for",
					   argv[optind - 1]);
		default:
			return usage_error(err, "unknown option",
					   argv[optind - 1]);
		}
	}
	if (optind < argc) {
		size_t i;
		for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(argv[optind], commands[i].name) == 0)
				break;
		if (i == sizeof commands / sizeof commands[0])
			return usage_error(err, "unknown command", argv[optind]);
		o->command = commands[i].cmd;
		if (o->command == CMD_VERIFY_RECORD) {
			/* "verify record" or "verify list". */
			const char *act = optind + 1 < argc ? argv[optind + 1] : NULL;
			if (act && strcmp(act, "list") == 0)
				o->command = CMD_VERIFY_LIST;
			else if (!act || strcmp(act, "record") != 0)
				return usage_error(err, "verify needs an action: verify record"
						   " or verify list", act);
			optind++;
		}
		if (o->command == CMD_DRILL_LIST) {
			/* "drill list" or "drill report ID". */
			const char *act = optind + 1 < argc ? argv[optind + 1] : NULL;
			if (act && strcmp(act, "report") == 0) {
				const char *id = optind + 2 < argc ? argv[optind + 2] : NULL;
				char *end;
				long long v = id ? strtoll(id, &end, 10) : 0;
				if (!id || !*id || *end || v <= 0)
					return usage_error(err, "drill report needs the"
							   " number of a drill", id);
				o->command = CMD_DRILL_REPORT;
				o->drill_id = v;
				optind++;
			} else if (!act || strcmp(act, "list") != 0) {
				return usage_error(err, "drill needs an action: drill list"
						   " or drill report ID", act);
			}
			optind++;
		}
		if (o->command == CMD_INCIDENT_LOG) {
			static const struct {
				const char *name;
				cli_command cmd;
			} acts[] = {{"declare", CMD_INCIDENT_DECLARE},
				    {"log", CMD_INCIDENT_LOG},
				    {"close", CMD_INCIDENT_CLOSE},
				    {"show", CMD_INCIDENT_SHOW}};
			const char *act = optind + 1 < argc ? argv[optind + 1] : NULL;
			size_t k = 0;
			while (act && k < sizeof acts / sizeof acts[0] &&
			       strcmp(act, acts[k].name) != 0)
				k++;
			if (!act || k == sizeof acts / sizeof acts[0])
				return usage_error(err, "incident needs an action: declare,"
						   " log, close or show", act);
			o->command = acts[k].cmd;
			optind++;
		}
		if (o->command == CMD_UNIT_LIST) {
			int rc = unit_action(argc, argv, o, err);
			if (rc)
				return rc;
		}
		if (o->command == CMD_AUDIT_VERIFY) {
			/* "audit" has one action today: verify. */
			if (optind + 1 >= argc || strcmp(argv[optind + 1], "verify") != 0)
				return usage_error(err, "audit needs an action: audit verify",
						   optind + 1 < argc ? argv[optind + 1] : NULL);
			optind++;
		}
		if (optind + 1 < argc)
			return usage_error(err, "unexpected argument",
					   argv[optind + 1]);
	}
	if (version) {
		o->command = CMD_VERSION;
		return EXIT_OK;
	}
	if (help || o->command == CMD_HELP) {
		o->command = CMD_HELP;
		return EXIT_OK;
	}
	if (o->demo && o->command != CMD_INIT)
		return usage_error(err, "--demo only goes with init", NULL);
	if (o->shared && o->command != CMD_INIT)
		return usage_error(err, "--shared only goes with init", NULL);
	if (o->output && o->command != CMD_EXPORT)
		return usage_error(err, "-o only goes with export", NULL);
	if (o->ics && o->command != CMD_EXPORT)
		return usage_error(err, "--ics only goes with export", NULL);
	if (o->csv && o->command != CMD_BIA && o->command != CMD_VERIFY_LIST &&
	    o->command != CMD_UNIT_LIST && o->command != CMD_GROUP)
		return usage_error(err, "--csv only goes with bia, verify list,"
				   " unit list and group", NULL);
	if (o->unit && (o->command == CMD_GROUP || o->group))
		return usage_error(err, "--unit does not go with group: it shows"
				   " every unit (--region narrows it)", NULL);
	if (o->group && o->command != CMD_EXPORT)
		return usage_error(err, "--group only goes with export", NULL);
	if (o->group && (o->ics || !o->output))
		return usage_error(err, "export --group needs -o FILE.xlsx (and no"
				   " --ics)", NULL);
	if (o->region && o->command != CMD_UNIT_ADD && o->command != CMD_GROUP &&
	    !o->group)
		return usage_error(err, "--region only goes with unit add, group"
				   " and export --group", NULL);
	if (o->sort_given && o->command != CMD_GROUP && !o->group)
		return usage_error(err, "--sort only goes with group and export"
				   " --group", NULL);
	if (o->command == CMD_INCIDENT_DECLARE) {
		/* The ledger's --system names the system that is down. */
		if (!o->verify.system || !o->level)
			return usage_error(err, "incident declare needs --system and"
					   " --level", NULL);
		if (o->verify.kind_given || o->verify.result_given ||
		    o->verify.has_started || o->verify.has_ended ||
		    o->verify.minutes >= 0 || o->verify.data_age >= 0 ||
		    o->verify.completeness >= 0 || o->verify.note ||
		    o->verify.link || o->verify.since.y)
			return usage_error(err, "incident declare takes --system,"
					   " --level and --at", NULL);
	} else if (o->command == CMD_FORM) {
		/* --system names the plan whose form is printed. */
		if (o->verify.kind_given || o->verify.result_given ||
		    o->verify.has_started || o->verify.has_ended ||
		    o->verify.minutes >= 0 || o->verify.data_age >= 0 ||
		    o->verify.completeness >= 0 || o->verify.note ||
		    o->verify.link || o->verify.since.y)
			return usage_error(err, "form takes only --system", NULL);
	} else if (o->verify.given && o->command != CMD_VERIFY_RECORD &&
		   o->command != CMD_VERIFY_LIST) {
		return usage_error(err, "--system, --kind and the other ledger options"
				   " only go with verify", NULL);
	}
	{
		const cli_incident_args *ia = &o->incident;
		bool inc = o->command == CMD_INCIDENT_DECLARE ||
			   o->command == CMD_INCIDENT_LOG ||
			   o->command == CMD_INCIDENT_CLOSE ||
			   o->command == CMD_INCIDENT_SHOW;
		if (ia->given && !inc)
			return usage_error(err, "--id, --at and the other incident options"
					   " only go with incident", NULL);
		if (o->command == CMD_INCIDENT_DECLARE &&
		    (ia->id || ia->has_restored || ia->what || ia->why || ia->decision ||
		     ia->step || ia->root_cause || ia->data_loss || ia->n_improvements))
			return usage_error(err, "incident declare takes --system,"
					   " --level and --at", NULL);
		if (o->command == CMD_INCIDENT_LOG && !ia->what && !ia->step &&
		    !ia->has_restored)
			return usage_error(err, "incident log needs --what, --step or"
					   " --restored", NULL);
		if (o->command == CMD_INCIDENT_LOG &&
		    (ia->root_cause || ia->data_loss || ia->n_improvements))
			return usage_error(err, "--root-cause, --data-loss and"
					   " --improvement go with incident close", NULL);
		if (o->command == CMD_INCIDENT_LOG && (ia->why || ia->decision) &&
		    !ia->what)
			return usage_error(err, "--why and --decision need --what", NULL);
		if (o->command == CMD_INCIDENT_CLOSE && !ia->root_cause)
			return usage_error(err, "incident close needs --root-cause", NULL);
		if (o->command == CMD_INCIDENT_CLOSE &&
		    (ia->what || ia->why || ia->decision || ia->step))
			return usage_error(err, "incident close takes --root-cause,"
					   " --data-loss, --improvement, --restored,"
					   " --at and --id", NULL);
		if (o->command == CMD_INCIDENT_SHOW &&
		    (ia->given && (ia->has_restored || ia->what || ia->why ||
				   ia->decision || ia->step || ia->root_cause ||
				   ia->data_loss || ia->n_improvements)))
			return usage_error(err, "incident show takes --id and --at", NULL);
	}
	if (o->command == CMD_VERIFY_RECORD && (!o->verify.system ||
						!o->verify.kind_given ||
						!o->verify.result_given))
		return usage_error(err, "verify record needs --system, --kind and"
				   " --result", NULL);
	if (o->command == CMD_VERIFY_RECORD && o->verify.has_ended &&
	    !o->verify.has_started)
		return usage_error(err, "--ended needs --started", NULL);
	if (o->command == CMD_VERIFY_RECORD && o->verify.has_ended &&
	    o->verify.minutes >= 0)
		return usage_error(err, "give --started and --ended, or --minutes,"
				   " not both", NULL);
	if (o->command == CMD_VERIFY_LIST &&
	    (o->verify.result_given || o->verify.has_started ||
	     o->verify.has_ended || o->verify.minutes >= 0 ||
	     o->verify.data_age >= 0 || o->verify.completeness >= 0 ||
	     o->verify.note || o->verify.link))
		return usage_error(err, "verify list takes only --system, --kind,"
				   " --since and --csv", NULL);
	if (o->command == CMD_VERIFY_RECORD && o->verify.since.y)
		return usage_error(err, "--since only goes with verify list", NULL);
	if (o->level && o->command != CMD_CARD && o->command != CMD_INCIDENT_DECLARE)
		return usage_error(err, "--level only goes with card and incident"
				   " declare", NULL);
	if (o->within_given && o->command != CMD_DUE)
		return usage_error(err, "--within only goes with due", NULL);
	if (o->command == CMD_EXPORT && !o->output && !o->ics)
		return usage_error(err,
				   "export needs -o FILE.xlsx or --ics FILE",
				   NULL);
	return EXIT_OK;
}

/* mkdir -p for the parent directories of path. */
static bool make_parents(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return false;
		}
		*p = '/';
	}
	return true;
}

bool cli_default_db(char *out, size_t outlen, bool make_dir)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		snprintf(out, outlen, "%s/moat/moat.db", xdg);
	else if (home && *home)
		snprintf(out, outlen, "%s/.local/share/moat/moat.db", home);
	else {
		snprintf(out, outlen, "neither XDG_DATA_HOME nor HOME is set; use --db");
		return false;
	}
	if (make_dir && !make_parents(out)) {
		char why[256];
		snprintf(why, sizeof why, "%s", strerror(errno));
		snprintf(out + strlen(out), outlen - strlen(out), ": %s", why);
		return false;
	}
	return true;
}

store_open_mode cli_open_mode(const cli_options *o)
{
	return o->command == CMD_TUI || o->command == CMD_INIT ? STORE_CREATE
							       : STORE_EXISTING;
}

int cli_init(store *s, const questionnaire *q, const cli_options *o,
	     const char *db_path, FILE *out, FILE *err)
{
	char user[64];
	int64_t aid;
	bool empty = false;
	moat_status st;

	if (o->shared) {
		fprintf(out, msg(CLI_SHARED_FMT), db_path, o->shared);
		fputc('\n', out);
	}
	if (!o->demo) {
		if (!store_created(s) && !o->shared) {
			fprintf(err, msg(CLI_INIT_EXISTS_FMT), db_path);
			fputc('\n', err);
			return EXIT_FAIL;
		}
		if (store_created(s)) {
			fprintf(out, msg(CLI_INITIALISED_FMT), db_path);
			fputc('\n', out);
		}
		return EXIT_OK;
	}
	/* The check and the whole demo are one transaction: two inits at
	 * once load it once, and a failure part-way leaves nothing. */
	user_name(user, sizeof user);
	if ((st = store_batch_begin(s)))
		goto failed;
	st = store_is_empty(s, &empty);
	if (!st && !empty) {
		store_batch_end(s, ST_EXISTS);
		fprintf(err, msg(CLI_ALREADY_FMT), db_path);
		fputc('\n', err);
		return EXIT_FAIL;
	}
	if (!st)
		st = demo_load(s, q, o->today, user, &aid);
	if ((st = store_batch_end(s, st)))
		goto failed;
	fprintf(out, msg(CLI_DEMO_LOADED_FMT), db_path);
	fputc('\n', out);
	return EXIT_OK;
failed:
	fprintf(err, "moat: %s\n", store_errmsg(s));
	return EXIT_FAIL;
}

static void put_clean(FILE *out, const char *text);

/* Says on err that no unit is named name, and which are. */
static void unknown_unit(store *s, const char *name, FILE *err)
{
	unit_row *rows = NULL;
	size_t n = 0;
	char *clean = text_sanitize(name, false);
	fprintf(err, "moat: ");
	fprintf(err, msg(UNIT_CLI_UNKNOWN_FMT), clean ? clean : "");
	free(clean);
	store_unit_list(s, true, &rows, &n);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(msg(UNIT_CLI_LIST_SEP), err);
		put_clean(err, rows[i].u.name);
	}
	if (!n)
		fputs(msg(UNIT_CLI_NONE), err);
	fputc('\n', err);
	free(rows);
}

/* The unit --unit names into *u: EXIT_FAIL, said on err, when none. */
static int find_unit(store *s, const char *name, unit *u, FILE *err)
{
	moat_status st = store_unit_find(s, name, u);
	if (st == ST_NOT_FOUND) {
		unknown_unit(s, name, err);
		return EXIT_FAIL;
	}
	if (st) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cli_check_unit(store *s, const cli_options *o, FILE *err)
{
	unit u;
	return o->unit ? find_unit(s, o->unit, &u, err) : EXIT_OK;
}

int cli_current(store *s, const cli_options *o, const char *db_path,
		int64_t *unit_id, int64_t *assessment_id, FILE *err)
{
	char user[64];
	unit u;
	moat_status st;
	int rc;

	if (o->unit) {
		if ((rc = find_unit(s, o->unit, &u, err)))
			return rc;
		*unit_id = u.id;
		st = store_unit_latest(s, u.id, assessment_id);
		if (st == ST_NOT_FOUND) {
			fprintf(err, "moat: ");
			fprintf(err, msg(UNIT_CLI_NO_YEAR_FMT), u.name);
			fputc('\n', err);
			return EXIT_FAIL;
		}
	} else {
		user_name(user, sizeof user);
		st = store_current(s, user, unit_id, assessment_id);
		if (st == ST_NOT_FOUND) {
			fprintf(err, msg(CLI_NO_ORG_FMT), db_path);
			fputc('\n', err);
			return EXIT_FAIL;
		}
	}
	if (st) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* Loads the report of the year the command is about, or explains why
 * not. */
static int load_current(store *s, const questionnaire *q, const cli_options *o,
			const char *db_path, report *r, FILE *err)
{
	int64_t unit_id, aid;
	int rc = cli_current(s, o, db_path, &unit_id, &aid, err);
	if (rc)
		return rc;
	if (report_load(s, q, aid, o->today, r)) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* Prints text made safe for a terminal (names come from users). */
static void put_clean(FILE *out, const char *text)
{
	char *clean = text_sanitize(text, false);
	fputs(clean ? clean : "", out);
	free(clean);
}

int cli_load_current(store *s, const questionnaire *q, const cli_options *o,
		     const char *db_path, report *r, FILE *err)
{
	return load_current(s, q, o, db_path, r, err);
}

void cli_put_clean(FILE *out, const char *text)
{
	put_clean(out, text);
}

void cli_csv_field(FILE *out, const char *s, bool first)
{
	if (!first)
		fputc(',', out);
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

/* What the records say about checklist items, beside their states, and
 * a "done" they do not bear out. */
static void print_findings(const questionnaire *q, const report *r,
			   const findings_set *fs, FILE *out)
{
	char line[1024];

	for (size_t i = 0; i < q->n_items; i++) {
		const item_findings *f = findings_for(fs, q->items[i].key);
		if (!f)
			continue;
		snprintf(line, sizeof line, findings_cli_heading_fmt(f->source),
			 i + 1, q->items[i].title, explain_state(r->states[i]));
		put_clean(out, line);
		fputc('\n', out);
		if (item_findings_contradict(f, r->states[i])) {
			fprintf(out, msg(BIAF_CLI_CONTRA_FMT),
				findings_contradiction_text(f->source));
			fputc('\n', out);
		}
		for (size_t l = 0; l < f->n_lines; l++) {
			snprintf(line, sizeof line, msg(BIAF_CLI_LINE_FMT),
				 f->lines[l]);
			put_clean(out, line);
			fputc('\n', out);
		}
	}
}

int cli_score(store *s, const questionnaire *q, const cli_options *o,
	      const char *db_path, FILE *out, FILE *err)
{
	report r;
	const q_level *lv;
	char line[1024];
	int rc = load_current(s, q, o, db_path, &r, err);
	bia_view v;
	findings_set *fs;
	bool have_bia;
	find_source contradicted[Q_MAX_ITEMS] = {FIND_NONE};
	explain_entry *entries;
	char user[64];

	if (rc)
		return rc;
	entries = malloc(EXPLAIN_MAX_ENTRIES * sizeof *entries);
	fs = malloc(sizeof *fs);
	if (!entries || !fs) {
		free(entries);
		free(fs);
		report_free(&r);
		fprintf(err, "moat: %s\n", status_text(ST_NOMEM));
		return EXIT_FAIL;
	}
	/* Records that cannot be read leave the score as it is: what was
	 * read of them still speaks. */
	have_bia = bia_view_load(s, r.assessment.id, &q->bia, o->today, &v) ==
		   ST_OK;
	user_name(user, sizeof user);
	findings_view_load(s, q, r.assessment.unit_id, have_bia ? &v : NULL,
			   o->today, user, fs);
	findings_contradicted(fs, q, r.states, contradicted);
	lv = &q->levels[r.score.level - 1];
	snprintf(line, sizeof line, msg(CLI_SCORE_FMT), r.unit.name,
		 r.assessment.year, lv->number, lv->name, lv->risk);
	put_clean(out, line);
	fputc('\n', out);
	if (r.score.level == Q_LEVELS) {
		fprintf(out, "%s\n", msg(CLI_ALL_REACHED));
	} else {
		const q_level *next = &q->levels[r.score.level];
		snprintf(line, sizeof line, msg(CLI_BLOCKING_FMT), next->number,
			 next->name);
		put_clean(out, line);
		fputc('\n', out);
		size_t n = explain_level_entries(q, &r.score, contradicted,
						 next->number, entries,
						 EXPLAIN_MAX_ENTRIES);
		for (size_t e = 0; e < n; e++) {
			explain_entry_text(q, &r.score, &entries[e], line,
					   sizeof line);
			fputs("  - ", out);
			put_clean(out, line);
			fputc('\n', out);
		}
	}
	fprintf(out, msg(CLI_EVIDENCE_FMT), r.evidence.n, r.n_expired, r.n_expiring);
	fputc('\n', out);
	print_findings(q, &r, fs, out);
	bia_view_free(&v);
	free(fs);
	free(entries);
	report_free(&r);
	return EXIT_OK;
}

int cli_exported(moat_status st, const char *path, const char *why, FILE *out,
		 FILE *err)
{
	if (st != ST_OK) {
		fprintf(err, msg(EXPORT_FAILED_FMT), why);
		fputc('\n', err);
		return EXIT_FAIL;
	}
	fprintf(out, msg(CLI_EXPORTED_FMT), path);
	fputc('\n', out);
	return EXIT_OK;
}

/* Writes the unit's programme and duties as an iCalendar file. */
static int export_ics(store *s, const report *r, const cli_options *o,
		      FILE *out, FILE *err)
{
	agenda a;
	char msgbuf[1024], db_id[RANDOM_UUID_LEN + 1];
	int rc = EXIT_OK;

	if (store_db_identity(s, db_id, sizeof db_id) ||
	    agenda_load(s, r->unit.id, o->today, AGENDA_EXPORT_DAYS, false, &a)) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		return EXIT_FAIL;
	}
	rc = cli_exported(ics_export(&a, r->unit.id, db_id, r->unit.name,
				     o->ics, o->today, msgbuf, sizeof msgbuf),
			  o->ics, msgbuf, out, err);
	agenda_free(&a);
	return rc;
}

int cli_export(store *s, const questionnaire *q, const cli_options *o,
	       const char *db_path, FILE *out, FILE *err)
{
	report r;
	char msgbuf[1024];
	int rc;

	/* Killed while writing, the export leaves no temporary file. */
	atomic_remove_on_signals();
	if (o->group)
		return cli_export_group(s, q, o, db_path, out, err);
	if ((rc = load_current(s, q, o, db_path, &r, err)))
		return rc;
	if (o->output) {
		rc = cli_exported(xlsx_export_assessment(s, &r, o->today,
							 o->output, msgbuf,
							 sizeof msgbuf),
				  o->output, msgbuf, out, err);
	}
	/* Each file stands alone: a failed workbook does not stop the
	 * calendar. */
	if (o->ics && export_ics(s, &r, o, out, err))
		rc = EXIT_FAIL;
	report_free(&r);
	return rc;
}

/* Prints label padded to width display columns, then two spaces. */
static void put_label(FILE *out, const char *label, int width)
{
	fputs(label, out);
	for (int w = text_width(label); w < width + 2; w++)
		fputc(' ', out);
}

int cli_due(store *s, const questionnaire *q, const cli_options *o,
	    const char *db_path, FILE *out, FILE *err)
{
	report r;
	agenda a;
	int width, rc = load_current(s, q, o, db_path, &r, err);

	if (rc)
		return rc;
	if (agenda_load(s, r.unit.id, o->today, o->within, false, &a)) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		report_free(&r);
		return EXIT_FAIL;
	}
	width = text_width(msg(CLI_DUE_OVERDUE));
	if (text_width(msg(CLI_DUE_UPCOMING)) > width)
		width = text_width(msg(CLI_DUE_UPCOMING));
	if (!a.has_programme && !a.n_duties) {
		fprintf(out, "%s\n", msg(CLI_DUE_NONE));
	} else if (!a.n_entries) {
		fprintf(out, msg(CLI_DUE_NOTHING_FMT), o->within);
		fputc('\n', out);
	}
	for (size_t i = 0; i < a.n_entries; i++) {
		const agenda_entry *e = &a.entries[i];
		char day[16], line[512];

		if (e->kind == AG_TASK) {
			const plan_task *t = &a.tasks[e->index];

			snprintf(line, sizeof line, msg(CLI_DUE_TASK_FMT),
				 t->title, t->phase);
		} else {
			snprintf(line, sizeof line, "%s",
				 a.duties[e->index].title);
		}
		date_format(e->due, day, sizeof day);
		put_label(out, msg(e->overdue ? CLI_DUE_OVERDUE
					      : CLI_DUE_UPCOMING), width);
		fprintf(out, "%s  ", day);
		put_clean(out, line);
		fputc('\n', out);
	}
	agenda_free(&a);
	report_free(&r);
	return EXIT_OK;
}

/* One "label: value" line of `moat roi`. */
static void roi_line_out(FILE *out, msg_id label, const char *value)
{
	fprintf(out, "%s: %s\n", msg(label), value);
}

int cli_roi(store *s, const questionnaire *q, const cli_options *o,
	    const char *db_path, FILE *out, FILE *err)
{
	report r;
	calc_data d;
	const roi_result *res;
	char v[96], n[64];
	int rc = load_current(s, q, o, db_path, &r, err);

	if (rc)
		return rc;
	if (calc_load(s, r.unit.id, &d)) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		report_free(&r);
		return EXIT_FAIL;
	}
	res = &d.roi;
	put_clean(out, r.unit.name);
	fputs(" · ", out);
	put_clean(out, d.currency);
	fputc('\n', out);
	if (res->overflow) {
		fprintf(out, "%s\n", msg(ROI_OVERFLOW));
	} else {
		money_format(res->one_off, v, sizeof v);
		roi_line_out(out, CLI_ROI_ONE_OFF, v);
		money_format(res->recurring, v, sizeof v);
		roi_line_out(out, CLI_ROI_RECURRING, v);
		money_format(res->losses_avoided, v, sizeof v);
		roi_line_out(out, CLI_ROI_LOSSES, v);
		money_format(res->yearly_net, v, sizeof v);
		roi_line_out(out, ROI_YEARLY_NET, v);
		if (res->pays_back) {
			num_format_double(res->payback_years, 2, n, sizeof n);
			snprintf(v, sizeof v, msg(ROI_YEARS_FMT), n);
		} else {
			snprintf(v, sizeof v, "%s", msg(ROI_NEVER));
		}
		roi_line_out(out, ROI_PAYBACK, v);
		money_format(res->net_n, v, sizeof v);
		fprintf(out, msg(ROI_NET_N_FMT), res->years);
		fprintf(out, ": %s\n", v);
		num_format_double(res->npv / 100.0, 2, v, sizeof v);
		fprintf(out, msg(ROI_NPV_FMT), res->years);
		num_format(d.rate_bp, 2, n, sizeof n);
		fprintf(out, " (%s %%): %s\n", n, v);
		fprintf(out, msg(ROI_ROI_FMT), res->years);
		if (res->roi_defined) {
			num_format_double(res->roi_pct, 2, v, sizeof v);
			fprintf(out, ": %s %%\n", v);
		} else {
			fprintf(out, ": —\n");
		}
	}
	calc_free(&d);
	report_free(&r);
	return EXIT_OK;
}
