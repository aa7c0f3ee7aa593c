#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/drill_table.h"
#include "model/yaml_doc.h"

#define MAX_EVERY_MONTHS 24

static const char *const grade_keys[DRILL_GRADES] = {"low", "medium", "high"};

const char *drill_grade_key(drill_grade g)
{
	return (unsigned)g < DRILL_GRADES ? grade_keys[g] : NULL;
}

bool drill_parse_grade(const char *s, drill_grade *out)
{
	for (int i = 0; s && i < DRILL_GRADES; i++)
		if (strcmp(s, grade_keys[i]) == 0) {
			*out = (drill_grade)i;
			return true;
		}
	return false;
}

const drill_type *drill_reference_type(const drill_reference *r,
				       const char *key)
{
	for (size_t i = 0; key && i < r->n_types; i++)
		if (r->types[i].key && strcmp(r->types[i].key, key) == 0)
			return &r->types[i];
	return NULL;
}

static moat_status line(ydoc *d, yaml_node_t *map, const char *key, char **out)
{
	return ydoc_text(d, map, key, YDOC_LINE, out);
}

static moat_status load_type(ydoc *d, yaml_node_t *n, drill_reference *r,
			     drill_type *t)
{
	static const char *const keys[] = {"key", "name", "every_months",
					   "form", "participants", "content",
					   "duration", "cost", "advice", NULL};
	yaml_node_t *cost;
	moat_status st;

	if ((st = ydoc_mapping(d, n, "a drill type", keys)) ||
	    (st = ydoc_key(d, n, "key", DRILL_KEY_MAX - 1, &t->key)))
		return st;
	if (drill_reference_type(r, t->key) != t)
		return ydoc_fail(d, ydoc_get(d, n, "key"),
				 "drill type '%s' is given twice", t->key);
	if ((st = line(d, n, "name", &t->name)) ||
	    (st = ydoc_int(d, n, "every_months", 1, MAX_EVERY_MONTHS,
			   &t->every_months)) ||
	    (st = line(d, n, "form", &t->form)) ||
	    (st = line(d, n, "participants", &t->participants)) ||
	    (st = line(d, n, "content", &t->content)) ||
	    (st = line(d, n, "duration", &t->duration)) ||
	    (st = ydoc_child(d, n, "cost", YAML_SCALAR_NODE, &cost)))
		return st;
	if (!drill_parse_grade(ydoc_scalar(cost), &t->cost))
		return ydoc_fail(d, cost, "'cost' must be low, medium or high");
	if (ydoc_get(d, n, "advice"))
		return line(d, n, "advice", &t->advice);
	return ST_OK;
}

static moat_status load_scenario(ydoc *d, yaml_node_t *n, drill_reference *r,
				 drill_scenario *c)
{
	static const char *const keys[] = {"key", "name", "trigger", "tests",
					   NULL};
	moat_status st;

	if ((st = ydoc_mapping(d, n, "a scenario", keys)) ||
	    (st = ydoc_key(d, n, "key", DRILL_KEY_MAX - 1, &c->key)))
		return st;
	for (size_t i = 0; i + 1 < r->n_scenarios; i++)
		if (strcmp(r->scenarios[i].key, c->key) == 0)
			return ydoc_fail(d, ydoc_get(d, n, "key"),
					 "scenario '%s' is given twice", c->key);
	if ((st = line(d, n, "name", &c->name)) ||
	    (st = line(d, n, "trigger", &c->trigger)) ||
	    (st = line(d, n, "tests", &c->tests)))
		return st;
	return ST_OK;
}

static moat_status load_main(ydoc *d, drill_reference *r)
{
	static const char *const keys[] = {"types", "scenarios", NULL};
	yaml_node_t *root = yaml_document_get_root_node(&d->doc);
	yaml_node_t *types, *scenarios;
	yaml_node_item_t *it;
	moat_status st;

	if ((st = ydoc_mapping(d, root, "the file", keys)) ||
	    (st = ydoc_child(d, root, "types", YAML_SEQUENCE_NODE, &types)) ||
	    (st = ydoc_child(d, root, "scenarios", YAML_SEQUENCE_NODE,
			     &scenarios)))
		return st;
	for (it = types->data.sequence.items.start;
	     it < types->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it);
		if (r->n_types == DRILL_MAX_TYPES)
			return ydoc_fail(d, n, "more than %d drill types",
					 DRILL_MAX_TYPES);
		if ((st = load_type(d, n, r, &r->types[r->n_types++])))
			return st;
	}
	if (r->n_types == 0)
		return ydoc_fail(d, types, "'types' is empty");
	for (it = scenarios->data.sequence.items.start;
	     it < scenarios->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it);
		if (r->n_scenarios == DRILL_MAX_SCENARIOS)
			return ydoc_fail(d, n, "more than %d scenarios",
					 DRILL_MAX_SCENARIOS);
		if ((st = load_scenario(d, n, r, &r->scenarios[r->n_scenarios++])))
			return st;
	}
	if (r->n_scenarios == 0)
		return ydoc_fail(d, scenarios, "'scenarios' is empty");
	return ST_OK;
}

static moat_status load_into(ydoc *d, void *r)
{
	return load_main(d, r);
}

static void release(void *r)
{
	drill_reference_free(r);
}

static const ydoc_reader reader = {load_into, release,
				   sizeof(drill_reference)};

moat_status drill_reference_load_file(const char *path, drill_reference *r,
				      char *err, size_t errlen)
{
	return ydoc_read(&reader, r, path, NULL, 0, err, errlen);
}

moat_status drill_reference_parse(drill_reference *r, const char *name,
				  const char *buf, size_t len, char *err,
				  size_t errlen)
{
	return ydoc_read(&reader, r, name, buf, len, err, errlen);
}

moat_status drill_reference_load(const char *dir, drill_reference *r,
				 char *err, size_t errlen)
{
	char path[PATH_MAX + 16];
	snprintf(path, sizeof path, "%s/drill.yaml", dir);
	return drill_reference_load_file(path, r, err, errlen);
}

void drill_reference_free(drill_reference *r)
{
	for (size_t i = 0; i < r->n_types; i++) {
		drill_type *t = &r->types[i];
		free(t->key);
		free(t->name);
		free(t->form);
		free(t->participants);
		free(t->content);
		free(t->duration);
		free(t->advice);
	}
	for (size_t i = 0; i < r->n_scenarios; i++) {
		drill_scenario *c = &r->scenarios[i];
		free(c->key);
		free(c->name);
		free(c->trigger);
		free(c->tests);
	}
	memset(r, 0, sizeof *r);
}
