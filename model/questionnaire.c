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
#include <yaml.h>

#include "model/questionnaire.h"
#include "model/text.h"

/* One open YAML document and where errors are reported. */
typedef struct {
	const char *path;
	yaml_document_t doc;
	char *err;
	size_t errlen;
} ydoc;

static moat_status fail(ydoc *d, const yaml_node_t *node, const char *fmt, ...)
{
	char what[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(d->err, d->errlen, "%s:%lu: %s", d->path,
		 node ? (unsigned long)node->start_mark.line + 1 : 1UL, what);
	return ST_PARSE;
}

static moat_status ydoc_open(ydoc *d, const char *path, char *err, size_t errlen)
{
	yaml_parser_t parser;
	FILE *f;
	moat_status st = ST_OK;

	d->path = path;
	d->err = err;
	d->errlen = errlen;
	f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return ST_IO;
	}
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return ST_NOMEM;
	}
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &d->doc)) {
		snprintf(err, errlen, "%s:%lu: %s%s%s", path,
			 (unsigned long)parser.problem_mark.line + 1,
			 parser.problem ? parser.problem : "YAML error",
			 parser.context ? " " : "",
			 parser.context ? parser.context : "");
		st = ST_PARSE;
	} else if (!yaml_document_get_root_node(&d->doc)) {
		yaml_document_delete(&d->doc);
		snprintf(err, errlen, "%s:1: the file is empty", path);
		st = ST_PARSE;
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return st;
}

static const char *scalar(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* Looks up key in a mapping node; NULL when absent. */
static yaml_node_t *map_get(ydoc *d, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE && strcmp(scalar(k), key) == 0)
			return yaml_document_get_node(&d->doc, p->value);
	}
	return NULL;
}

/* Rejects keys not in allowed (a NULL-terminated list): a typo in a key
 * would otherwise silently drop a field. */
static moat_status check_keys(ydoc *d, yaml_node_t *map, const char *const *allowed)
{
	yaml_node_pair_t *p;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
		bool ok = false;
		if (!k || k->type != YAML_SCALAR_NODE)
			return fail(d, k, "a key must be plain text");
		for (const char *const *a = allowed; *a; a++)
			if (strcmp(scalar(k), *a) == 0)
				ok = true;
		if (!ok)
			return fail(d, k, "unknown key '%s'", scalar(k));
	}
	return ST_OK;
}

static moat_status expect(ydoc *d, yaml_node_t *n, yaml_node_type_t type,
			  const char *what)
{
	static const char *const names[] = {"nothing", "text", "a list",
					    "a mapping"};
	if (!n || n->type != type)
		return fail(d, n, "%s must be %s", what, names[type]);
	return ST_OK;
}

/* Copies the required text field key of map into *out. */
static moat_status get_text(ydoc *d, yaml_node_t *map, const char *key,
			    char **out)
{
	yaml_node_t *n = map_get(d, map, key);
	const char *s;
	if (!n)
		return fail(d, map, "missing '%s'", key);
	if (n->type != YAML_SCALAR_NODE)
		return fail(d, n, "'%s' must be text", key);
	s = scalar(n);
	if (!text_valid_utf8(s))
		return fail(d, n, "'%s' is not valid UTF-8", key);
	if (s[0] == '\0')
		return fail(d, n, "'%s' is empty", key);
	*out = strdup(s);
	if (!*out)
		return ST_NOMEM;
	text_trim(*out);
	return ST_OK;
}

static moat_status load_items(ydoc *d, questionnaire *q)
{
	static const char *const root_keys[] = {"items", NULL};
	static const char *const item_keys[] = {"key", "title", "question",
						"why", "counts", NULL};
	yaml_node_t *root = yaml_document_get_root_node(&d->doc);
	yaml_node_t *items;
	yaml_node_item_t *it;
	moat_status st;

	if ((st = expect(d, root, YAML_MAPPING_NODE, "the file")) ||
	    (st = check_keys(d, root, root_keys)))
		return st;
	items = map_get(d, root, "items");
	if (!items)
		return fail(d, root, "missing 'items'");
	if ((st = expect(d, items, YAML_SEQUENCE_NODE, "'items'")))
		return st;
	for (it = items->data.sequence.items.start;
	     it < items->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it);
		q_item *item;
		if ((st = expect(d, n, YAML_MAPPING_NODE, "an item")) ||
		    (st = check_keys(d, n, item_keys)))
			return st;
		if (q->n_items == Q_MAX_ITEMS)
			return fail(d, n, "more than %d items", Q_MAX_ITEMS);
		item = &q->items[q->n_items++];
		if ((st = get_text(d, n, "key", &item->key)) ||
		    (st = get_text(d, n, "title", &item->title)) ||
		    (st = get_text(d, n, "question", &item->question)) ||
		    (st = get_text(d, n, "why", &item->why)) ||
		    (st = get_text(d, n, "counts", &item->counts)))
			return st;
		if (questionnaire_item_index(q, item->key) != (int)q->n_items - 1)
			return fail(d, n, "duplicate item key '%s'", item->key);
	}
	if (q->n_items == 0)
		return fail(d, items, "'items' is empty");
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

	if ((st = expect(d, n, YAML_MAPPING_NODE, "a criterion")) ||
	    (st = check_keys(d, n, keys)))
		return st;
	if (q->n_criteria == Q_MAX_CRITERIA)
		return fail(d, n, "more than %d criteria", Q_MAX_CRITERIA);
	c = &q->criteria[q->n_criteria++];
	c->level = level;
	c->min_state = ITEM_DONE;
	if ((st = get_text(d, n, "key", &c->key)) ||
	    (st = get_text(d, n, "text", &c->text)))
		return st;
	if (questionnaire_criterion_index(q, c->key) != (int)q->n_criteria - 1)
		return fail(d, n, "duplicate criterion key '%s'", c->key);
	rel = map_get(d, n, "relies_on");
	if (!rel)
		return fail(d, n, "missing 'relies_on' (use [] for none)");
	if ((st = expect(d, rel, YAML_SEQUENCE_NODE, "'relies_on'")))
		return st;
	for (it = rel->data.sequence.items.start;
	     it < rel->data.sequence.items.top; it++) {
		yaml_node_t *r = yaml_document_get_node(&d->doc, *it);
		int idx;
		if ((st = expect(d, r, YAML_SCALAR_NODE, "an item key")))
			return st;
		idx = questionnaire_item_index(q, scalar(r));
		if (idx < 0)
			return fail(d, r, "unknown checklist item '%s'", scalar(r));
		if (c->n_relies == Q_MAX_RELIES)
			return fail(d, r, "more than %d items", Q_MAX_RELIES);
		c->relies_on[c->n_relies++] = (size_t)idx;
	}
	ms = map_get(d, n, "min_state");
	if (ms) {
		if (ms->type != YAML_SCALAR_NODE ||
		    !checklist_parse_state(scalar(ms), &c->min_state))
			return fail(d, ms, "'min_state' must be not_started, "
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

	if ((st = expect(d, root, YAML_MAPPING_NODE, "the file")) ||
	    (st = check_keys(d, root, root_keys)))
		return st;
	levels = map_get(d, root, "levels");
	if (!levels)
		return fail(d, root, "missing 'levels'");
	if ((st = expect(d, levels, YAML_SEQUENCE_NODE, "'levels'")))
		return st;
	for (it = levels->data.sequence.items.start;
	     it < levels->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it);
		yaml_node_t *num, *crit;
		yaml_node_item_t *ci;
		q_level *lv;
		char *end;
		long v;

		if ((st = expect(d, n, YAML_MAPPING_NODE, "a level")) ||
		    (st = check_keys(d, n, level_keys)))
			return st;
		if (count == Q_LEVELS)
			return fail(d, n, "more than %d levels", Q_LEVELS);
		num = map_get(d, n, "level");
		if (!num || num->type != YAML_SCALAR_NODE)
			return fail(d, num ? num : n, "missing 'level' number");
		errno = 0;
		v = strtol(scalar(num), &end, 10);
		if (*end || end == scalar(num) || v != count + 1)
			return fail(d, num, "expected level %d here, found '%s'",
				    count + 1, scalar(num));
		lv = &q->levels[count++];
		lv->number = (int)v;
		if ((st = get_text(d, n, "name", &lv->name)) ||
		    (st = get_text(d, n, "risk", &lv->risk)) ||
		    (st = get_text(d, n, "summary", &lv->summary)))
			return st;
		crit = map_get(d, n, "criteria");
		if (!crit)
			return fail(d, n, "missing 'criteria' (use [] for none)");
		if ((st = expect(d, crit, YAML_SEQUENCE_NODE, "'criteria'")))
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
		return fail(d, levels, "expected %d levels, found %d", Q_LEVELS,
			    count);
	return ST_OK;
}

moat_status questionnaire_load_files(const char *checklist_path,
				     const char *maturity_path,
				     questionnaire *q, char *err, size_t errlen)
{
	ydoc d;
	moat_status st;

	memset(q, 0, sizeof *q);
	if ((st = ydoc_open(&d, checklist_path, err, errlen)))
		return st;
	st = load_items(&d, q);
	yaml_document_delete(&d.doc);
	if (!st && !(st = ydoc_open(&d, maturity_path, err, errlen))) {
		st = load_levels(&d, q);
		yaml_document_delete(&d.doc);
	}
	if (st)
		questionnaire_free(q);
	return st;
}

moat_status questionnaire_load(const char *dir, questionnaire *q, char *err,
			       size_t errlen)
{
	char a[PATH_MAX], b[PATH_MAX];
	snprintf(a, sizeof a, "%s/checklist.yaml", dir);
	snprintf(b, sizeof b, "%s/maturity.yaml", dir);
	return questionnaire_load_files(a, b, q, err, errlen);
}

void questionnaire_free(questionnaire *q)
{
	for (size_t i = 0; i < q->n_items; i++) {
		free(q->items[i].key);
		free(q->items[i].title);
		free(q->items[i].question);
		free(q->items[i].why);
		free(q->items[i].counts);
	}
	for (size_t i = 0; i < Q_LEVELS; i++) {
		free(q->levels[i].name);
		free(q->levels[i].risk);
		free(q->levels[i].summary);
	}
	for (size_t i = 0; i < q->n_criteria; i++) {
		free(q->criteria[i].key);
		free(q->criteria[i].text);
	}
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

moat_status questionnaire_find_dir(const char *lang_dir, char *out, size_t outlen)
{
	char exe[PATH_MAX], cand[PATH_MAX + 64];
	const char *env = getenv("MOAT_DATADIR");
	ssize_t n;

	if (env && *env) {
		snprintf(cand, sizeof cand, "%s/%s", env, lang_dir);
		if (is_dir_with_files(cand))
			goto found;
	}
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
	snprintf(cand, sizeof cand, "%s/questionnaires/%s", MOAT_SRCDIR, lang_dir);
	if (is_dir_with_files(cand))
		goto found;
	snprintf(out, outlen, "questionnaires/%s not found in $MOAT_DATADIR, "
		 "beside the program, in %s or in %s/questionnaires",
		 lang_dir, MOAT_PKGDATADIR, MOAT_SRCDIR);
	return ST_NOT_FOUND;
found:
	snprintf(out, outlen, "%s", cand);
	return ST_OK;
}
