/* The questionnaire: checklist items (§6.1) and the maturity model (§6.2),
 * loaded from one language's YAML files. */
#ifndef MOAT_QUESTIONNAIRE_H
#define MOAT_QUESTIONNAIRE_H

#include <stddef.h>

#include "model/bia_table.h"
#include "model/checklist.h"
#include "model/drill_table.h"
#include "model/response.h"
#include "model/status.h"

#define Q_MAX_ITEMS 32
#define Q_LEVELS 5
#define Q_MAX_CRITERIA 64
#define Q_MAX_RELIES 8

typedef struct {
	char *key;      /* stable id, e.g. "bia"; same in every language */
	char *title;    /* short name shown in tables */
	char *question; /* the checklist question of §6.1 */
	char *why;      /* why the item matters */
	char *counts;   /* what counts as evidence */
} q_item;

typedef struct {
	char *key;   /* stable id, e.g. "l3.dr_site" */
	char *text;  /* positive statement */
	int level;   /* 1..5 */
	size_t relies_on[Q_MAX_RELIES]; /* indexes into q->items */
	size_t n_relies;
	item_state min_state; /* state the relied-on items must reach */
} q_criterion;

typedef struct {
	int number;     /* 1..5 */
	char *name;     /* 初始级 ... */
	char *risk;     /* 极高 ... */
	char *summary;  /* the document's description */
} q_level;

#define Q_PHASES 3
#define Q_MAX_TASKS 64
#define Q_MAX_DUTIES 32

/* A task of the 90-day programme template (§7). */
typedef struct {
	char *key;
	char *title;
	int phase; /* 1..3 */
	int item;  /* index into items, or -1 */
} q_task;

/* A recurring duty template (§3.3, §4.4, §7). */
typedef struct {
	char *key;
	char *title;
	int every_months;
	int day;         /* 1..31, or 0 for the last working day */
	bool completion; /* anchored to the last completion, not the schedule */
	int item;        /* index into items, or -1 */
} q_duty;

typedef struct {
	q_item items[Q_MAX_ITEMS];
	size_t n_items;
	q_level levels[Q_LEVELS];
	q_criterion criteria[Q_MAX_CRITERIA]; /* ordered by level */
	size_t n_criteria;
	char *phase_names[Q_PHASES];
	q_task tasks[Q_MAX_TASKS];
	size_t n_tasks;
	q_duty duties[Q_MAX_DUTIES];
	size_t n_duties;
	bia_reference bia; /* dir/bia.yaml and dir/bia.d (questionnaire_load) */
	drill_reference drill; /* dir/drill.yaml (questionnaire_load) */
	resp_reference response; /* dir/response.yaml (questionnaire_load) */
} questionnaire;

/* Loads dir/checklist.yaml, dir/maturity.yaml, dir/plan.yaml, the BIA
 * reference (dir/bia.yaml, dir/bia.d: model/bia_table.h), the drill types
 * and scenarios (dir/drill.yaml: model/drill_table.h) and the emergency
 * response reference (dir/response.yaml: model/response.h) into q
 * (zeroed first). Every text loaded is valid UTF-8 without control
 * characters (bar newlines in paragraphs) or bidi controls, so it cannot act
 * on a terminal. A file over 1 MiB is refused before it is parsed, one
 * nested more than 32 levels deep as soon as the parser gets there.
 * On failure returns ST_PARSE, ST_IO or ST_NOMEM, writes
 * "file:line: what is wrong" ("file: why" when it cannot be read) into err
 * and leaves q empty. q owns its strings;
 * release them with questionnaire_free. */
moat_status questionnaire_load(const char *dir, questionnaire *q, char *err,
			       size_t errlen);

/* Loads from explicit file paths (used by the tests on broken files). */
moat_status questionnaire_load_files(const char *checklist_path,
				     const char *maturity_path,
				     questionnaire *q, char *err,
				     size_t errlen);

/* Adds the programme template of plan_path to a loaded q (the checklist
 * must be there: tasks and duties name its items). Same errors as above;
 * on failure q keeps no part of the plan. */
moat_status questionnaire_load_plan(const char *plan_path, questionnaire *q,
				    char *err, size_t errlen);

/* The three files of a questionnaire. */
typedef enum { Q_FILE_CHECKLIST, Q_FILE_MATURITY, Q_FILE_PLAN } q_file;

/* Puts what one file holds, given as the len bytes at buf (no NUL needed;
 * name stands for the file in messages), into q in place of what q held of
 * that file: the checklist first (into a zeroed q), then the maturity model
 * and the plan, which name its items. The same refusals and errors as the
 * loaders above; on failure q holds nothing of that file. */
moat_status questionnaire_parse(questionnaire *q, q_file file,
				const char *name, const char *buf, size_t len,
				char *err, size_t errlen);

void questionnaire_free(questionnaire *q);

/* Index of the item with this key, or -1. */
int questionnaire_item_index(const questionnaire *q, const char *key);

/* Index of the criterion with this key, or -1. */
int questionnaire_criterion_index(const questionnaire *q, const char *key);

/* Finds the questionnaire directory for a language and writes its path
 * into out. When $MOAT_DATADIR is set, that is $MOAT_DATADIR/lang_dir or
 * an error saying why not (ST_NOT_FOUND when missing, ST_IO when not a
 * directory or unreachable, e.g. a symlink loop; the reason in out), never
 * a fallback: the files in it are then read or refused by
 * questionnaire_load. Otherwise the questionnaires/ folder beside the
 * executable (an uninstalled build; the build links it there), then the
 * installed data directory, whichever has a readable checklist.yaml;
 * ST_NOT_FOUND (with the places tried in out) when neither has. */
moat_status questionnaire_find_dir(const char *lang_dir, char *out,
				   size_t outlen);

#endif
