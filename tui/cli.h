/* The command line: options, and the subcommands that run without the
 * terminal interface (init, score, export, roi, due). */
#ifndef MOAT_CLI_H
#define MOAT_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "model/date.h"
#include "model/group.h"
#include "model/msg.h"
#include "model/questionnaire.h"
#include "model/report.h"
#include "model/store.h"
#include "model/incident.h"
#include "model/verify.h"

typedef enum {
	CMD_TUI,
	CMD_INIT,
	CMD_SCORE,
	CMD_EXPORT,
	CMD_ROI,
	CMD_DUE,
	CMD_DOCTOR,
	CMD_AUDIT_VERIFY,
	CMD_BIA,
	CMD_VERIFY_RECORD,
	CMD_VERIFY_LIST,
	CMD_DRILL_LIST,
	CMD_DRILL_REPORT,
	CMD_CARD,
	CMD_FORM,
	CMD_INCIDENT_DECLARE,
	CMD_INCIDENT_LOG,
	CMD_INCIDENT_CLOSE,
	CMD_INCIDENT_SHOW,
	CMD_UNIT_LIST,
	CMD_UNIT_ADD,
	CMD_UNIT_RENAME,
	CMD_UNIT_REGION,
	CMD_UNIT_ARCHIVE,
	CMD_UNIT_UNARCHIVE,
	CMD_UNIT_USE,
	CMD_GROUP,
	CMD_HELP,
	CMD_VERSION,
} cli_command;

/* The options of `moat verify record|list`. */
typedef struct {
	bool given;          /* any of them */
	const char *system;  /* --system */
	verify_kind kind;    /* --kind */
	bool kind_given;
	verify_result result; /* --result */
	bool result_given;
	bool has_started, has_ended;
	verify_time started, ended; /* --started, --ended */
	int64_t minutes;     /* --minutes; BIA_UNSET */
	int64_t data_age;    /* --data-age; BIA_UNSET */
	int completeness;    /* --completeness, tenths of a percent; -1 */
	const char *note, *link;
	date since;          /* --since; y 0 none */
} cli_verify_args;

/* The options of `moat incident declare|log|close|show`. */
typedef struct {
	bool given;             /* any of them */
	int64_t id;             /* --id; 0: the open incident declared last */
	bool has_at, has_restored;
	verify_time at;         /* --at: when; else now */
	verify_time restored;   /* --restored: the service came back */
	const char *what, *why; /* --what, --why */
	bool decision;          /* --decision: the entry is a decision */
	const char *step;       /* --step KEY: check off a step of the card */
	const char *root_cause, *data_loss;
	const char *improvements[INC_MAX_IMPROVEMENTS]; /* --improvement */
	size_t n_improvements;
} cli_incident_args;

typedef struct {
	cli_command command;
	const char *db;     /* NULL: the default path */
	moat_lang lang;
	bool lang_given;
	date today;
	const char *output; /* export -o */
	const char *ics;    /* export --ics */
	int within;         /* due --within, days */
	bool within_given;
	bool demo;          /* init --demo */
	const char *shared; /* init --shared GROUP */
	bool csv;           /* bia, verify list and group --csv */
	bool group;         /* export --group: every unit's pack */
	group_col group_sort;     /* group --sort; by name unless given */
	bool group_desc;          /* --sort -COLUMN: descending */
	bool sort_given;
	cli_verify_args verify;
	int64_t drill_id;    /* drill report ID */
	int level;          /* card and incident --level: 1..4, 0 none */
	cli_incident_args incident;
	const char *unit;   /* --unit NAME: the unit every command is about */
	const char *region; /* unit add --region; group --region (NULL or
			     * "": every region) */
	const char *unit_args[2]; /* unit ACTION's names (and region) */
} cli_options;

/* --today is refused outside these years. */
#define CLI_TODAY_MIN_YEAR 1970
#define CLI_TODAY_MAX_YEAR 2200

/* `moat due` looks this many days ahead unless --within says otherwise. */
#define CLI_DUE_DAYS 30
#define CLI_DUE_MAX_DAYS 3650

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Parses argv into o (o->today must already hold today's date and
 * o->lang the locale's language). On a usage error writes the problem and
 * a hint to err and returns EXIT_USAGE; else EXIT_OK. */
int cli_parse(int argc, char **argv, cli_options *o, FILE *err);

/* The default database path: $XDG_DATA_HOME/moat/moat.db, else
 * ~/.local/share/moat/moat.db. With make_dir, creates its folder. Returns
 * false (with a message in out) when no home is known or the folder
 * cannot be made. */
bool cli_default_db(char *out, size_t outlen, bool make_dir);

/* How the database must be opened for o's command: only the interface
 * and init may create it. */
store_open_mode cli_open_mode(const cli_options *o);

/* Checks the newest audit entries' seals (a cheap check for every start);
 * false, with a one-line warning in out, when the chain is broken. */
bool cli_audit_quick_check(store *s, char *out, size_t outlen);

/* `moat doctor`: checks the database's file, folder, modes, group, WAL
 * files, integrity and audit chain, and says what to fix. Opens the
 * database itself (it may be the thing that is broken). */
int cli_doctor(const char *db_path, FILE *out, FILE *err);

/* `moat audit verify`: recomputes every audit seal; exit 1 when broken. */
int cli_audit_verify(store *s, const char *db_path, FILE *out, FILE *err);

/* The subcommands; each returns an exit status and reports to out/err. */
int cli_init(store *s, const questionnaire *q, const cli_options *o,
	     const char *db_path, FILE *out, FILE *err);
int cli_score(store *s, const questionnaire *q, const cli_options *o,
	      const char *db_path, FILE *out, FILE *err);
/* Prints the ROI figures of the current unit for scripts. */
int cli_roi(store *s, const questionnaire *q, const cli_options *o,
	    const char *db_path, FILE *out, FILE *err);
/* Writes the workbook (-o) and/or the iCalendar file (--ics). */
int cli_export(store *s, const questionnaire *q, const cli_options *o,
	       const char *db_path, FILE *out, FILE *err);
/* Prints the current unit's overdue items and those due within
 * o->within days, one a line, for cron and login banners. */
int cli_due(store *s, const questionnaire *q, const cli_options *o,
	    const char *db_path, FILE *out, FILE *err);

/* Prints the current year's systems of the business impact analysis for
 * scripts: what each must achieve and what sets it, the safety margin of
 * the process that sets its RTO, the recommended and planned DR levels and
 * the flags, under a line naming the level table; with --csv the same as
 * RFC 4180 CSV under a header row. */
int cli_bia(store *s, const questionnaire *q, const cli_options *o,
	    const char *db_path, FILE *out, FILE *err);

/* The unit and year a command is about: with --unit, that unit (its exact
 * name) and its latest year; else the user's remembered one (see
 * store_current). EXIT_FAIL, said on err, for an unknown name (naming
 * the known units), a unit without a year, or no organisation yet. */
int cli_current(store *s, const cli_options *o, const char *db_path,
		int64_t *unit_id, int64_t *assessment_id, FILE *err);

/* Loads the report of cli_current's year into r (judged on o->today), or
 * says why not on err (EXIT_FAIL). */
int cli_load_current(store *s, const questionnaire *q, const cli_options *o,
		     const char *db_path, report *r, FILE *err);

/* For commands about the whole file: EXIT_FAIL (said as cli_current does)
 * when --unit names no unit, else EXIT_OK. */
int cli_check_unit(store *s, const cli_options *o, FILE *err);

/* `moat unit list|add|rename|region|archive|unarchive|use`
 * (tui/cli_unit.c): plain text, EXIT_FAIL with the store's reason for a
 * refused change. */
int cli_unit(store *s, const questionnaire *q, const cli_options *o,
	     const char *db_path, FILE *out, FILE *err);

/* `moat group`: every unit's row of the group view (model/group_view.h)
 * sorted by --sort (a leading '-' reverses it) and filtered by --region:
 * the table of the group screen laid out within 80 columns, naming the
 * columns left out, or with --csv every figure under stable keys. */
/* `moat export --group -o FILE.xlsx [--region R] [--sort [-]COLUMN]`:
 * the group pack of the units as `moat group` lists them. */
int cli_export_group(store *s, const questionnaire *q, const cli_options *o,
		     const char *db_path, FILE *out, FILE *err);
int cli_group(store *s, const questionnaire *q, const cli_options *o,
	      const char *db_path, FILE *out, FILE *err);

/* Prints text made safe for a terminal (names come from users). */
void cli_put_clean(FILE *out, const char *text);

/* One CSV field (RFC 4180): quoted when it holds a comma, a quote or a
 * line break, its quotes doubled; a comma before it unless first. */
void cli_csv_field(FILE *out, const char *s, bool first);

/* Says how an export to path went: "Wrote path" on out and EXIT_OK, or
 * the failure why on err and EXIT_FAIL. */
int cli_exported(moat_status st, const char *path, const char *why, FILE *out,
		 FILE *err);

/* `moat verify record`: one ledger entry from o->verify, for the current
 * year's unit; exit 1 (naming the known systems) for an unknown system.
 * `moat verify list`: the unit's entries, newest first, as text or CSV. */
int cli_verify_record(store *s, const questionnaire *q, const cli_options *o,
		      const char *db_path, FILE *out, FILE *err);
/* `moat drill list` and `moat drill report ID` (tui/cli_drill.c). */
int cli_drill_list(store *s, const questionnaire *q, const cli_options *o,
		   const char *db_path, FILE *out, FILE *err);
int cli_drill_report(store *s, const questionnaire *q, const cli_options *o,
		     const char *db_path, FILE *out, FILE *err);
int cli_verify_list(store *s, const questionnaire *q, const cli_options *o,
		    const char *db_path, FILE *out, FILE *err);

/* `moat card`: the current unit's response card (§4.2) as plain text for
 * a printer or a phone, at o->level (0: every level), recorded as
 * printed on o->today. */
int cli_card(store *s, const questionnaire *q, const cli_options *o,
	     const char *db_path, FILE *out, FILE *err);

/* `moat form [--system NAME]`: the blank emergency service registration
 * form (§4.3) of each of the current unit's contingency plans (or of the
 * plan of NAME) as plain text for a printer: at most 80 display columns,
 * no control characters but newlines. */
int cli_form(store *s, const questionnaire *q, const cli_options *o,
	     const char *db_path, FILE *out, FILE *err);

/* `moat incident declare|log|close|show`: the live incident log from a
 * shell (model/store_incident.h), for when the interface cannot be
 * reached; each prints the incident's steps with their deadlines and its
 * log after the change. */
int cli_incident(store *s, const questionnaire *q, const cli_options *o,
		 const char *db_path, FILE *out, FILE *err);

#endif
