#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "model/questionnaire.h"
#include "model/text.h"
#include "model/yaml_doc.h"

static moat_status load_items(ydoc *d, questionnaire *q)
{
	static const char *const root_keys[] = {"items", NULL};
	static const char *const item_keys[] = {"key", "title", "question",
						"why", "counts", NULL};
	yaml_node_t *root = yaml_document_get_root_node(&d->doc);
	yaml_node_t *items;
	yaml_node_item_t *it;
	moat_status st;

	if ((st = ydoc_expect(d, root, YAML_MAPPING_NODE, "the file")) ||
	    (st = ydoc_check_keys(d, root, root_keys)))
		return st;
	items = ydoc_get(d, root, "items");
	if (!items)
		return ydoc_fail(d, root, "missing 'items'");
	if ((st = ydoc_expect(d, items, YAML_SEQUENCE_NODE, "'items'")))
		return st;
	for (it = items->data.sequence.items.start;
	     it < items->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it);
		q_item *item;
		if ((st = ydoc_expect(d, n, YAML_MAPPING_NODE, "an item")) ||
		    (st = ydoc_check_keys(d, n, item_keys)))
			return st;
		if (q->n_items == Q_MAX_ITEMS)
			return ydoc_fail(d, n, "more than %d items", Q_MAX_ITEMS);
		item = &q->items[q->n_items++];
		if ((st = ydoc_text(d, n, "key", YDOC_LINE, &item->key)) ||
		    (st = ydoc_text(d, n, "title", YDOC_LINE, &item->title)) ||
		    (st = ydoc_text(d, n, "question", YDOC_PARAGRAPH, &item->question)) ||
		    (st = ydoc_text(d, n, "why", YDOC_PARAGRAPH, &item->why)) ||
		    (st = ydoc_text(d, n, "counts", YDOC_PARAGRAPH, &item->counts)))
			return st;
		if (questionnaire_item_index(q, item->key) != (int)q->n_items - 1)
			return ydoc_fail(d, n, "duplicate item key '%s'", item->key);
	}
	if (q->n_items == 0)
		return ydoc_fail(d, items, "'items' is empty");
	return ST_OK;
}

static moat_status load_criterion(ydoc *d, questionnaire *q, yaml_node_t *n,
				  int level)
{
	static const char *const keys[] = {"key", "text", "relies_on",
					   "min_state", NULL};
	q_criterion *c;
	yaml_node_t *rel, *ms;
	yaml_node_item_t *it;
	moat_status st;

	if ((st = ydoc_expect(d, n, YAML_MAPPING_NODE, "a criterion")) ||
	    (st = ydoc_check_keys(d, n, keys)))
		return st;
	if (q->n_criteria == Q_MAX_CRITERIA)
		return ydoc_fail(d, n, "more than %d criteria", Q_MAX_CRITERIA);
	c = &q->criteria[q->n_criteria++];
	c->level = level;
	c->min_state = ITEM_DONE;
	if ((st = ydoc_text(d, n, "key", YDOC_LINE, &c->key)) ||
	    (st = ydoc_text(d, n, "text", YDOC_LINE, &c->text)))
		return st;
	if (questionnaire_criterion_index(q, c->key) != (int)q->n_criteria - 1)
		return ydoc_fail(d, n, "duplicate criterion key '%s'", c->key);
	rel = ydoc_get(d, n, "relies_on");
	if (!rel)
		return ydoc_fail(d, n, "missing 'relies_on' (use [] for none)");
	if ((st = ydoc_expect(d, rel, YAML_SEQUENCE_NODE, "'relies_on'")))
		return st;
	for (it = rel->data.sequence.items.start;
	     it < rel->data.sequence.items.top; it++) {
		yaml_node_t *r = yaml_document_get_node(&d->doc, *it);
		int idx;
		if ((st = ydoc_expect(d, r, YAML_SCALAR_NODE, "an item key")))
			return st;
		idx = questionnaire_item_index(q, ydoc_scalar(r));
		if (idx < 0)
			return ydoc_fail(d, r, "unknown checklist item '%s'", ydoc_scalar(r));
		if (c->n_relies == Q_MAX_RELIES)
			return ydoc_fail(d, r, "more than %d items", Q_MAX_RELIES);
		c->relies_on[c->n_relies++] = (size_t)idx;
	}
	ms = ydoc_get(d, n, "min_state");
	if (ms) {
		if (ms->type != YAML_SCALAR_NODE ||
		    !checklist_parse_state(ydoc_scalar(ms), &c->min_state))
			return ydoc_fail(d, ms, "'min_state' must be not_started, "
					   "in_progress or done");
	}
	return ST_OK;
}

static moat_status load_levels(ydoc *d, questionnaire *q)
{
	static const char *const root_keys[] = {"levels", NULL};
	static const char *const level_keys[] = {"level", "name", "risk",
						 "summary", "criteria", NULL};
	yaml_node_t *root = yaml_document_get_root_node(&d->doc);
	yaml_node_t *levels;
	yaml_node_item_t *it;
	moat_status st;
	int count = 0;

	if ((st = ydoc_expect(d, root, YAML_MAPPING_NODE, "the file")) ||
	    (st = ydoc_check_keys(d, root, root_keys)))
		return st;
	levels = ydoc_get(d, root, "levels");
	if (!levels)
		return ydoc_fail(d, root, "missing 'levels'");
	if ((st = ydoc_expect(d, levels, YAML_SEQUENCE_NODE, "'levels'")))
		return st;
	for (it = levels->data.sequence.items.start;
	     it < levels->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it);
		yaml_node_t *num, *crit;
		yaml_node_item_t *ci;
		q_level *lv;
		char *end;
		long v;

		if ((st = ydoc_expect(d, n, YAML_MAPPING_NODE, "a level")) ||
		    (st = ydoc_check_keys(d, n, level_keys)))
			return st;
		if (count == Q_LEVELS)
			return ydoc_fail(d, n, "more than %d levels", Q_LEVELS);
		num = ydoc_get(d, n, "level");
		if (!num || num->type != YAML_SCALAR_NODE)
			return ydoc_fail(d, num ? num : n, "missing 'level' number");
		errno = 0;
		v = strtol(ydoc_scalar(num), &end, 10);
		if (*end || end == ydoc_scalar(num) || v != count + 1)
			return ydoc_fail(d, num, "expected level %d here, found '%s'",
				    count + 1, ydoc_scalar(num));
		lv = &q->levels[count++];
		lv->number = (int)v;
		if ((st = ydoc_text(d, n, "name", YDOC_LINE, &lv->name)) ||
		    (st = ydoc_text(d, n, "risk", YDOC_LINE, &lv->risk)) ||
		    (st = ydoc_text(d, n, "summary", YDOC_PARAGRAPH, &lv->summary)))
			return st;
		crit = ydoc_get(d, n, "criteria");
		if (!crit)
			return ydoc_fail(d, n, "missing 'criteria' (use [] for none)");
		if ((st = ydoc_expect(d, crit, YAML_SEQUENCE_NODE, "'criteria'")))
			return st;
		for (ci = crit->data.sequence.items.start;
		     ci < crit->data.sequence.items.top; ci++) {
			st = load_criterion(d, q, yaml_document_get_node(&d->doc, *ci),
					    lv->number);
			if (st)
				return st;
		}
	}
	if (count != Q_LEVELS)
		return ydoc_fail(d, levels, "expected %d levels, found %d", Q_LEVELS,
			    count);
	return ST_OK;
}

/* The optional "item:" of a task or duty: its index, or -1 when absent. */
static moat_status item_ref(ydoc *d, const questionnaire *q, yaml_node_t *n,
			    int *out)
{
	yaml_node_t *it = ydoc_get(d, n, "item");
	*out = -1;
	if (!it)
		return ST_OK;
	if (it->type != YAML_SCALAR_NODE ||
	    (*out = questionnaire_item_index(q, ydoc_scalar(it))) < 0)
		return ydoc_fail(d, it, "unknown checklist item '%s'",
				 it->type == YAML_SCALAR_NODE ? ydoc_scalar(it) : "?");
	return ST_OK;
}

/* A whole number in lo..hi. */
static moat_status number(ydoc *d, yaml_node_t *n, const char *key, int lo,
			  int hi, int *out)
{
	return ydoc_int(d, n, key, lo, hi, out);
}

static moat_status load_phases(ydoc *d, questionnaire *q, yaml_node_t *phases)
{
	static const char *const phase_keys[] = {"phase", "name", "tasks", NULL};
	static const char *const task_keys[] = {"key", "title", "item", NULL};
	yaml_node_item_t *it;
	moat_status st;
	int count = 0;

	if ((st = ydoc_expect(d, phases, YAML_SEQUENCE_NODE, "'phases'")))
		return st;
	for (it = phases->data.sequence.items.start;
	     it < phases->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it), *tasks;
		yaml_node_item_t *ti;
		int phase;
		if ((st = ydoc_expect(d, n, YAML_MAPPING_NODE, "a phase")) ||
		    (st = ydoc_check_keys(d, n, phase_keys)) ||
		    (st = number(d, n, "phase", 1, Q_PHASES, &phase)))
			return st;
		if (phase != count + 1)
			return ydoc_fail(d, n, "expected phase %d here", count + 1);
		if ((st = ydoc_text(d, n, "name", YDOC_LINE, &q->phase_names[count++])))
			return st;
		tasks = ydoc_get(d, n, "tasks");
		if (!tasks)
			return ydoc_fail(d, n, "missing 'tasks'");
		if ((st = ydoc_expect(d, tasks, YAML_SEQUENCE_NODE, "'tasks'")))
			return st;
		for (ti = tasks->data.sequence.items.start;
		     ti < tasks->data.sequence.items.top; ti++) {
			yaml_node_t *t = yaml_document_get_node(&d->doc, *ti);
			q_task *task;
			if ((st = ydoc_expect(d, t, YAML_MAPPING_NODE, "a task")) ||
			    (st = ydoc_check_keys(d, t, task_keys)))
				return st;
			if (q->n_tasks == Q_MAX_TASKS)
				return ydoc_fail(d, t, "more than %d tasks", Q_MAX_TASKS);
			task = &q->tasks[q->n_tasks++];
			task->phase = phase;
			if ((st = ydoc_text(d, t, "key", YDOC_LINE, &task->key)) ||
			    (st = ydoc_text(d, t, "title", YDOC_LINE, &task->title)) ||
			    (st = item_ref(d, q, t, &task->item)))
				return st;
		}
	}
	if (count != Q_PHASES)
		return ydoc_fail(d, phases, "expected %d phases, found %d", Q_PHASES,
				 count);
	return ST_OK;
}

static moat_status load_duties(ydoc *d, questionnaire *q, yaml_node_t *duties)
{
	static const char *const keys[] = {"key", "title", "every_months", "day",
					   "anchor", "item", NULL};
	yaml_node_item_t *it;
	moat_status st;

	if ((st = ydoc_expect(d, duties, YAML_SEQUENCE_NODE, "'duties'")))
		return st;
	for (it = duties->data.sequence.items.start;
	     it < duties->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it), *v;
		q_duty *duty;
		if ((st = ydoc_expect(d, n, YAML_MAPPING_NODE, "a duty")) ||
		    (st = ydoc_check_keys(d, n, keys)))
			return st;
		if (q->n_duties == Q_MAX_DUTIES)
			return ydoc_fail(d, n, "more than %d duties", Q_MAX_DUTIES);
		duty = &q->duties[q->n_duties++];
		if ((st = ydoc_text(d, n, "key", YDOC_LINE, &duty->key)) ||
		    (st = ydoc_text(d, n, "title", YDOC_LINE, &duty->title)) ||
		    (st = number(d, n, "every_months", 1, 24, &duty->every_months)) ||
		    (st = item_ref(d, q, n, &duty->item)))
			return st;
		v = ydoc_get(d, n, "day");
		if (v && v->type == YAML_SCALAR_NODE &&
		    strcmp(ydoc_scalar(v), "last_working_day") == 0)
			duty->day = 0;
		else if ((st = number(d, n, "day", 1, 31, &duty->day)))
			return st;
		v = ydoc_get(d, n, "anchor");
		if (!v || v->type != YAML_SCALAR_NODE ||
		    (strcmp(ydoc_scalar(v), "schedule") != 0 &&
		     strcmp(ydoc_scalar(v), "completion") != 0))
			return ydoc_fail(d, v ? v : n,
					 "'anchor' must be schedule or completion");
		duty->completion = strcmp(ydoc_scalar(v), "completion") == 0;
	}
	return ST_OK;
}

/* A record's key and the text shown for it. */
static void free_pair(char *key, char *text)
{
	free(key);
	free(text);
}

static void free_plan(questionnaire *q)
{
	for (size_t i = 0; i < Q_PHASES; i++)
		free(q->phase_names[i]);
	for (size_t i = 0; i < q->n_tasks; i++)
		free_pair(q->tasks[i].key, q->tasks[i].title);
	for (size_t i = 0; i < q->n_duties; i++)
		free_pair(q->duties[i].key, q->duties[i].title);
	memset(q->phase_names, 0, sizeof q->phase_names);
	memset(q->tasks, 0, sizeof q->tasks);
	memset(q->duties, 0, sizeof q->duties);
	q->n_tasks = q->n_duties = 0;
}

static moat_status load_plan(ydoc *d, questionnaire *q)
{
	static const char *const root_keys[] = {"phases", "duties", NULL};
	yaml_node_t *root = yaml_document_get_root_node(&d->doc);
	yaml_node_t *phases, *duties;
	moat_status st;

	if ((st = ydoc_expect(d, root, YAML_MAPPING_NODE, "the file")) ||
	    (st = ydoc_check_keys(d, root, root_keys)))
		return st;
	phases = ydoc_get(d, root, "phases");
	duties = ydoc_get(d, root, "duties");
	if (!phases)
		return ydoc_fail(d, root, "missing 'phases'");
	if (!duties)
		return ydoc_fail(d, root, "missing 'duties'");
	if ((st = load_phases(d, q, phases)))
		return st;
	return load_duties(d, q, duties);
}

static void free_items(questionnaire *q)
{
	for (size_t i = 0; i < q->n_items; i++) {
		free(q->items[i].key);
		free(q->items[i].title);
		free(q->items[i].question);
		free(q->items[i].why);
		free(q->items[i].counts);
	}
	memset(q->items, 0, sizeof q->items);
	q->n_items = 0;
}

static void free_levels(questionnaire *q)
{
	for (size_t i = 0; i < Q_LEVELS; i++) {
		free(q->levels[i].name);
		free(q->levels[i].risk);
		free(q->levels[i].summary);
	}
	for (size_t i = 0; i < q->n_criteria; i++)
		free_pair(q->criteria[i].key, q->criteria[i].text);
	memset(q->levels, 0, sizeof q->levels);
	memset(q->criteria, 0, sizeof q->criteria);
	q->n_criteria = 0;
}

/* What each file adds to a questionnaire, and how to take it out again. */
static const struct {
	moat_status (*load)(ydoc *d, questionnaire *q);
	void (*free)(questionnaire *q);
} parts[] = {
	[Q_FILE_CHECKLIST] = {load_items, free_items},
	[Q_FILE_MATURITY] = {load_levels, free_levels},
	[Q_FILE_PLAN] = {load_plan, free_plan},
};

/* Puts the document d (opened with status opened, deleted here) into q in
 * place of what q held of that file; on failure q holds none of it. */
static moat_status add_part(questionnaire *q, q_file file, ydoc *d,
			    moat_status opened)
{
	moat_status st;

	parts[file].free(q);
	if (opened)
		return opened;
	st = parts[file].load(d, q);
	yaml_document_delete(&d->doc);
	if (st)
		parts[file].free(q);
	return st;
}

static moat_status load_path(questionnaire *q, q_file file, const char *path,
			     char *err, size_t errlen)
{
	ydoc d;
	return add_part(q, file, &d, ydoc_open(&d, path, err, errlen));
}

moat_status questionnaire_parse(questionnaire *q, q_file file,
				const char *name, const char *buf, size_t len,
				char *err, size_t errlen)
{
	ydoc d;
	if ((unsigned)file >= sizeof parts / sizeof parts[0])
		return ST_INVALID;
	return add_part(q, file, &d, ydoc_parse(&d, name, buf, len, err, errlen));
}

moat_status questionnaire_load_files(const char *checklist_path,
				     const char *maturity_path,
				     questionnaire *q, char *err, size_t errlen)
{
	moat_status st;

	memset(q, 0, sizeof *q);
	if (!(st = load_path(q, Q_FILE_CHECKLIST, checklist_path, err, errlen)))
		st = load_path(q, Q_FILE_MATURITY, maturity_path, err, errlen);
	if (st)
		questionnaire_free(q);
	return st;
}

moat_status questionnaire_load_plan(const char *plan_path, questionnaire *q,
				    char *err, size_t errlen)
{
	return load_path(q, Q_FILE_PLAN, plan_path, err, errlen);
}

moat_status questionnaire_load(const char *dir, questionnaire *q, char *err,
			       size_t errlen)
{
	char a[PATH_MAX], b[PATH_MAX], c[PATH_MAX];
	moat_status st;
	snprintf(a, sizeof a, "%s/checklist.yaml", dir);
	snprintf(b, sizeof b, "%s/maturity.yaml", dir);
	snprintf(c, sizeof c, "%s/plan.yaml", dir);
	st = questionnaire_load_files(a, b, q, err, errlen);
	if (!st && (st = questionnaire_load_plan(c, q, err, errlen)))
		questionnaire_free(q);
	if (!st && (st = bia_reference_load(dir, &q->bia, err, errlen)))
		questionnaire_free(q);
	if (!st && (st = drill_reference_load(dir, &q->drill, err, errlen)))
		questionnaire_free(q);
	if (!st && (st = resp_reference_load(dir, &q->response, err, errlen)))
		questionnaire_free(q);
	return st;
}

void questionnaire_free(questionnaire *q)
{
	free_items(q);
	free_levels(q);
	free_plan(q);
	bia_reference_free(&q->bia);
	drill_reference_free(&q->drill);
	resp_reference_free(&q->response);
	memset(q, 0, sizeof *q);
}

int questionnaire_item_index(const questionnaire *q, const char *key)
{
	for (size_t i = 0; i < q->n_items; i++)
		if (q->items[i].key && strcmp(q->items[i].key, key) == 0)
			return (int)i;
	return -1;
}

int questionnaire_criterion_index(const questionnaire *q, const char *key)
{
	for (size_t i = 0; i < q->n_criteria; i++)
		if (q->criteria[i].key && strcmp(q->criteria[i].key, key) == 0)
			return (int)i;
	return -1;
}

static bool is_dir_with_files(const char *dir)
{
	char p[PATH_MAX * 2];
	snprintf(p, sizeof p, "%s/checklist.yaml", dir);
	return access(p, R_OK) == 0;
}

/* $MOAT_DATADIR/lang_dir, which must be a directory: when the variable is
 * set, it is what the user asked for, so it is used or refused with the
 * reason, never passed over for the installed files. */
static moat_status datadir_dir(const char *env, const char *lang_dir,
			       char *out, size_t outlen)
{
	char cand[PATH_MAX + 64];
	struct stat sb;
	int e;

	snprintf(cand, sizeof cand, "%s/%s", env, lang_dir);
	if (stat(cand, &sb) != 0)
		e = errno;
	else if (!S_ISDIR(sb.st_mode))
		e = ENOTDIR;
	else {
		snprintf(out, outlen, "%s", cand);
		return ST_OK;
	}
	snprintf(out, outlen, "%s (from $MOAT_DATADIR): %s", cand, strerror(e));
	return e == ENOENT ? ST_NOT_FOUND : ST_IO;
}

moat_status questionnaire_find_dir(const char *lang_dir, char *out, size_t outlen)
{
	char exe[PATH_MAX], cand[PATH_MAX + 64];
	const char *env = getenv("MOAT_DATADIR");
	ssize_t n;

	if (env && *env)
		return datadir_dir(env, lang_dir, out, outlen);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(cand, sizeof cand, "%s/questionnaires/%s", exe,
				 lang_dir);
			if (is_dir_with_files(cand))
				goto found;
		}
	}
	snprintf(cand, sizeof cand, "%s/%s", MOAT_PKGDATADIR, lang_dir);
	if (is_dir_with_files(cand))
		goto found;
	snprintf(out, outlen, "questionnaires/%s not found beside the program "
		 "or in %s", lang_dir, MOAT_PKGDATADIR);
	return ST_NOT_FOUND;
found:
	snprintf(out, outlen, "%s", cand);
	return ST_OK;
}
