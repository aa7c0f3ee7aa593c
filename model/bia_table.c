#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_table.h"
#include "model/money.h"
#include "model/yaml_doc.h"

#define MAX_KM 20000       /* the farthest two places on Earth */
#define MAX_FACTOR 10000   /* 100 x the production cost, in hundredths */

static moat_status line(ydoc *d, yaml_node_t *map, const char *key, char **out)
{
	return ydoc_text(d, map, key, YDOC_LINE, out);
}

/* A number of key in 0..max with at most `decimals` digits after the
 * point, scaled by 10^decimals; "unbounded" too when open_ok. */
static moat_status bound(ydoc *d, yaml_node_t *map, const char *key,
			 int decimals, int64_t max, bool open_ok, int64_t *out)
{
	yaml_node_t *v = ydoc_get(d, map, key);
	char limit[32];

	if (!v)
		return ydoc_fail(d, map, "missing '%s'", key);
	if (v->type == YAML_SCALAR_NODE) {
		if (open_ok && strcmp(ydoc_scalar(v), "unbounded") == 0) {
			*out = BIA_UNBOUNDED;
			return ST_OK;
		}
		const char *x = ydoc_scalar(v);
		if (num_parse(x, decimals, false, max, out) == NUM_OK)
			return ST_OK;
	}
	num_format_trim(max, decimals, limit, sizeof limit);
	if (decimals == 0)
		return ydoc_fail(d, v, "'%s' must be a whole number from 0 to "
				 "%s%s", key, limit,
				 open_ok ? ", or unbounded" : "");
	return ydoc_fail(d, v, "'%s' must be a number from 0 to %s with at "
			 "most %d decimal%s", key, limit, decimals,
			 decimals > 1 ? "s" : "");
}

static void bound_text(int64_t v, int decimals, char *out, size_t outlen)
{
	if (v == BIA_UNBOUNDED)
		snprintf(out, outlen, "unbounded");
	else
		num_format_trim(v, decimals, out, outlen);
}

/* The range under key: {lower, upper, words}, lower <= upper. */
static moat_status range(ydoc *d, yaml_node_t *map, const char *key,
			 int decimals, int64_t max, bia_range *r)
{
	static const char *const keys[] = {"lower", "upper", "words", NULL};
	yaml_node_t *n;
	moat_status st;
	char lo[32], hi[32];

	if ((st = ydoc_child(d, map, key, YAML_MAPPING_NODE, &n)) ||
	    (st = ydoc_check_keys(d, n, keys)) ||
	    (st = bound(d, n, "lower", decimals, max, false, &r->lower)) ||
	    (st = bound(d, n, "upper", decimals, max, true, &r->upper)) ||
	    (st = line(d, n, "words", &r->words)))
		return st;
	if (r->lower <= r->upper)
		return ST_OK;
	bound_text(r->lower, decimals, lo, sizeof lo);
	bound_text(r->upper, decimals, hi, sizeof hi);
	return ydoc_fail(d, n, "'%s': lower (%s) is above upper (%s)", key, lo,
			 hi);
}

/* An id or key a unit's settings can hold: 1..BIA_KEY_MAX of a-z, 0-9,
 * '.', '_', '-'. */
static moat_status key_text(ydoc *d, yaml_node_t *map, const char *key,
			    char **out)
{
	return ydoc_key(d, map, key, BIA_KEY_MAX, out);
}

/* Level lv (not the first) against the one before, on both ranges and
 * both bounds: the level rule takes the lowest level that meets a target,
 * which is only right when every higher level meets it too. */
static moat_status check_order(ydoc *d, yaml_node_t *n, const bia_level *prev,
			       const bia_level *lv)
{
	const struct {
		const char *key;
		const bia_range *now, *before;
	} ranges[] = {{"rto", &lv->rto, &prev->rto},
		      {"rpo", &lv->rpo, &prev->rpo}};

	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
		const bia_range *now = ranges[i].now;
		const bia_range *before = ranges[i].before;
		bool low = now->lower > before->lower;
		char a[32], b[32];
		if (!low && now->upper <= before->upper)
			continue;
		bound_text(low ? now->lower : now->upper, 0, a, sizeof a);
		bound_text(low ? before->lower : before->upper, 0, b, sizeof b);
		return ydoc_fail(d, ydoc_get(d, n, ranges[i].key),
				 "'%s' %s of level %d (%s) is above level %d's "
				 "(%s): a higher level must not promise less",
				 ranges[i].key, low ? "lower" : "upper",
				 lv->number, a, prev->number, b);
	}
	return ST_OK;
}

static moat_status load_level(ydoc *d, yaml_node_t *n, size_t count,
			      bia_level *lv)
{
	static const char *const keys[] = {"level", "name", "rto", "rpo",
					   "cost", "suits", NULL};
	yaml_node_t *num;
	const char *text;
	moat_status st;
	int64_t v;

	if ((st = ydoc_mapping(d, n, "a level", keys)))
		return st;
	num = ydoc_get(d, n, "level");
	if (!num)
		return ydoc_fail(d, n, "missing 'level'");
	text = num->type == YAML_SCALAR_NODE ? ydoc_scalar(num) : "?";
	if (num_parse(text, 0, false, BIA_MAX_LEVELS, &v) != NUM_OK ||
	    v != (int64_t)count + 1)
		return ydoc_fail(d, num, "expected level %zu here, found '%s'",
				 count + 1, text);
	lv->number = (int)v;
	if ((st = line(d, n, "name", &lv->name)) ||
	    (st = range(d, n, "rto", 0, BIA_MAX_MINUTES, &lv->rto)) ||
	    (st = range(d, n, "rpo", 0, BIA_MAX_MINUTES, &lv->rpo)) ||
	    (st = line(d, n, "cost", &lv->cost)) ||
	    (st = line(d, n, "suits", &lv->suits)))
		return st;
	return ST_OK;
}

static void free_range(bia_range *r)
{
	free(r->words);
}

static void free_table(bia_table *t)
{
	free(t->id);
	free(t->title);
	free(t->source);
	free(t->version);
	free(t->note);
	free(t->file);
	for (size_t i = 0; i < t->n_levels; i++) {
		free(t->levels[i].name);
		free_range(&t->levels[i].rto);
		free_range(&t->levels[i].rpo);
		free(t->levels[i].cost);
		free(t->levels[i].suits);
	}
	memset(t, 0, sizeof *t);
}

/* What every reference table says of itself. */
static moat_status provenance(ydoc *d, yaml_node_t *n, char **title,
			      char **source, char **version)
{
	moat_status st;
	if ((st = line(d, n, "title", title)) ||
	    (st = line(d, n, "source", source)) ||
	    (st = line(d, n, "version", version)))
		return st;
	return ST_OK;
}

/* The table under "table:" of the document's root. */
static moat_status load_table(ydoc *d, yaml_node_t *root, bia_table *t)
{
	static const char *const keys[] = {"id", "title", "source", "version",
					   "note", "levels", NULL};
	yaml_node_t *n, *levels;
	yaml_node_item_t *it;
	moat_status st;

	if ((st = ydoc_child(d, root, "table", YAML_MAPPING_NODE, &n)) ||
	    (st = ydoc_check_keys(d, n, keys)) ||
	    (st = key_text(d, n, "id", &t->id)) ||
	    (st = provenance(d, n, &t->title, &t->source, &t->version)) ||
	    (st = ydoc_text(d, n, "note", YDOC_PARAGRAPH, &t->note)) ||
	    (st = ydoc_child(d, n, "levels", YAML_SEQUENCE_NODE, &levels)))
		return st;
	if (!(t->file = strdup(d->path)))
		return ST_NOMEM;
	for (it = levels->data.sequence.items.start;
	     it < levels->data.sequence.items.top; it++) {
		yaml_node_t *ln = yaml_document_get_node(&d->doc, *it);
		size_t i = t->n_levels;
		if (i == BIA_MAX_LEVELS)
			return ydoc_fail(d, ln, "more than %d levels",
					 BIA_MAX_LEVELS);
		t->n_levels++; /* freed with the table even when half read */
		if ((st = load_level(d, ln, i, &t->levels[i])) ||
		    (i > 0 && (st = check_order(d, ln, &t->levels[i - 1],
						&t->levels[i]))))
			return st;
	}
	if (t->n_levels == 0)
		return ydoc_fail(d, levels, "'levels' is empty");
	return ST_OK;
}

static moat_status load_durations(ydoc *d, yaml_node_t *root, bia_reference *r)
{
	static const char *const keys[] = {"minutes", "name", NULL};
	yaml_node_t *list, *nodes[BIA_MAX_DURATIONS];
	int64_t minutes[BIA_MAX_DURATIONS];
	yaml_node_item_t *it;
	moat_status st;
	bia_problem why;
	size_t at;

	if ((st = ydoc_child(d, root, "durations", YAML_SEQUENCE_NODE, &list)))
		return st;
	for (it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&d->doc, *it);
		bia_duration *du;
		if ((st = ydoc_mapping(d, n, "a duration", keys)))
			return st;
		if (r->n_durations == BIA_MAX_DURATIONS)
			return ydoc_fail(d, n, "more than %d durations",
					 BIA_MAX_DURATIONS);
		du = &r->durations[r->n_durations];
		nodes[r->n_durations++] = n;
		if ((st = bound(d, n, "minutes", 0, BIA_MAX_MINUTES, false,
				&du->minutes)) ||
		    (st = line(d, n, "name", &du->name)))
			return st;
		minutes[r->n_durations - 1] = du->minutes;
	}
	if (r->n_durations == 0)
		return ydoc_fail(d, list, "'durations' is empty");
	/* The same rule as a unit's own durations. */
	if (!bia_check_durations(minutes, r->n_durations, &why, &at))
		return ST_OK;
	if (why == BIA_DURATION_RANGE)
		return ydoc_fail(d, ydoc_get(d, nodes[at], "minutes"),
				 "'minutes' must be at least 1");
	return ydoc_fail(d, ydoc_get(d, nodes[at], "minutes"),
			 "'minutes' must be more than the duration before "
			 "(%" PRId64 ")", minutes[at - 1]);
}

static moat_status load_names(ydoc *d, yaml_node_t *root, bia_reference *r)
{
	static const char *const column_keys[] = {
		"duration", "financial", "customer", "legal",
		"reputation", "overall", NULL};
	const char *rating_keys[BIA_RATINGS + 1];
	yaml_node_t *n;
	moat_status st;

	for (int i = 0; i < BIA_RATINGS; i++)
		rating_keys[i] = bia_rating_key((bia_rating)i);
	rating_keys[BIA_RATINGS] = NULL;
	if ((st = ydoc_child(d, root, "ratings", YAML_MAPPING_NODE, &n)) ||
	    (st = ydoc_check_keys(d, n, rating_keys)))
		return st;
	for (int i = 0; i < BIA_RATINGS; i++)
		if ((st = line(d, n, rating_keys[i], &r->rating_names[i])))
			return st;
	if ((st = ydoc_child(d, root, "columns", YAML_MAPPING_NODE, &n)) ||
	    (st = ydoc_check_keys(d, n, column_keys)) ||
	    (st = line(d, n, "duration", &r->duration_name)))
		return st;
	/* The dimensions' keys follow "duration" in bia_dimension's order. */
	for (int i = 0; i < BIA_DIMENSIONS; i++) {
		st = line(d, n, column_keys[1 + i], &r->dimension_names[i]);
		if (st)
			return st;
	}
	return line(d, n, "overall", &r->overall_name);
}

static moat_status load_settings(ydoc *d, yaml_node_t *root, bia_reference *r)
{
	yaml_node_t *v = ydoc_get(d, root, "intolerable");
	int64_t permille;
	moat_status st;

	if (!v)
		return ydoc_fail(d, root, "missing 'intolerable'");
	if (v->type != YAML_SCALAR_NODE ||
	    !bia_parse_rating(ydoc_scalar(v), &r->intolerable) ||
	    r->intolerable == BIA_RATING_NONE)
		return ydoc_fail(d, v, "'intolerable' must be low, medium, "
				 "high or extreme");
	st = bound(d, root, "margin_threshold", 1, 1000, false, &permille);
	if (st)
		return st;
	r->margin_threshold_permille = (int)permille;
	return ST_OK;
}

static moat_status load_site(ydoc *d, yaml_node_t *n, bia_site *s)
{
	static const char *const keys[] = {"name", "rto", "rpo", "distance",
					   NULL};
	moat_status st;
	if ((st = ydoc_mapping(d, n, "a site", keys)) ||
	    (st = line(d, n, "name", &s->name)) ||
	    (st = range(d, n, "rto", 0, BIA_MAX_MINUTES, &s->rto)) ||
	    (st = range(d, n, "rpo", 0, BIA_MAX_MINUTES, &s->rpo)) ||
	    (st = range(d, n, "distance", 0, MAX_KM, &s->distance)))
		return st;
	return ST_OK;
}

static void free_arch(bia_arch *a)
{
	free(a->key);
	free(a->name);
	free(a->suits);
	free_range(&a->cost_factor);
	for (size_t i = 0; i < a->n_sites; i++) {
		free(a->sites[i].name);
		free_range(&a->sites[i].rto);
		free_range(&a->sites[i].rpo);
		free_range(&a->sites[i].distance);
	}
	memset(a, 0, sizeof *a);
}

static moat_status load_arch(ydoc *d, yaml_node_t *n, const bia_reference *r,
			     bia_arch *a)
{
	static const char *const keys[] = {"key", "name", "suits",
					   "cost_factor", "sites", NULL};
	yaml_node_t *sites;
	yaml_node_item_t *it;
	moat_status st;

	if ((st = ydoc_mapping(d, n, "an architecture", keys)) ||
	    (st = key_text(d, n, "key", &a->key)))
		return st;
	if (bia_reference_arch(r, a->key) != a)
		return ydoc_fail(d, ydoc_get(d, n, "key"),
				 "architecture '%s' is given twice", a->key);
	if ((st = line(d, n, "name", &a->name)) ||
	    (st = line(d, n, "suits", &a->suits)) ||
	    (st = range(d, n, "cost_factor", 2, MAX_FACTOR, &a->cost_factor)) ||
	    (st = ydoc_child(d, n, "sites", YAML_SEQUENCE_NODE, &sites)))
		return st;
	if (a->cost_factor.upper == BIA_UNBOUNDED)
		return ydoc_fail(d, ydoc_get(d, n, "cost_factor"),
				 "'cost_factor' must have an upper bound");
	for (it = sites->data.sequence.items.start;
	     it < sites->data.sequence.items.top; it++) {
		yaml_node_t *sn = yaml_document_get_node(&d->doc, *it);
		if (a->n_sites == BIA_MAX_SITES)
			return ydoc_fail(d, sn, "more than %d sites",
					 BIA_MAX_SITES);
		if ((st = load_site(d, sn, &a->sites[a->n_sites++])))
			return st;
	}
	if (a->n_sites == 0)
		return ydoc_fail(d, sites, "'sites' is empty");
	return ST_OK;
}

static moat_status load_archs(ydoc *d, yaml_node_t *root, bia_reference *r)
{
	static const char *const keys[] = {"title", "source", "version", "list",
					   NULL};
	yaml_node_t *n, *list;
	yaml_node_item_t *it;
	moat_status st;

	if ((st = ydoc_child(d, root, "architectures", YAML_MAPPING_NODE, &n)) ||
	    (st = ydoc_check_keys(d, n, keys)) ||
	    (st = provenance(d, n, &r->arch_title, &r->arch_source,
			     &r->arch_version)) ||
	    (st = ydoc_child(d, n, "list", YAML_SEQUENCE_NODE, &list)))
		return st;
	for (it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		yaml_node_t *an = yaml_document_get_node(&d->doc, *it);
		if (r->n_archs == BIA_MAX_ARCHS)
			return ydoc_fail(d, an, "more than %d architectures",
					 BIA_MAX_ARCHS);
		if ((st = load_arch(d, an, r, &r->archs[r->n_archs++])))
			return st;
	}
	if (r->n_archs == 0)
		return ydoc_fail(d, list, "'list' is empty");
	return ST_OK;
}

void bia_reference_free(bia_reference *r)
{
	for (size_t i = 0; i < r->n_durations; i++)
		free(r->durations[i].name);
	for (int i = 0; i < BIA_RATINGS; i++)
		free(r->rating_names[i]);
	for (int i = 0; i < BIA_DIMENSIONS; i++)
		free(r->dimension_names[i]);
	free(r->duration_name);
	free(r->overall_name);
	for (size_t i = 0; i < r->n_tables; i++)
		free_table(&r->tables[i]);
	free(r->arch_title);
	free(r->arch_source);
	free(r->arch_version);
	for (size_t i = 0; i < r->n_archs; i++)
		free_arch(&r->archs[i]);
	memset(r, 0, sizeof *r);
}

static moat_status load_main(ydoc *d, bia_reference *r)
{
	static const char *const keys[] = {"durations", "ratings", "columns",
					   "intolerable", "margin_threshold",
					   "table", "architectures", NULL};
	yaml_node_t *root = yaml_document_get_root_node(&d->doc);
	moat_status st;

	if ((st = ydoc_mapping(d, root, "the file", keys)) ||
	    (st = load_durations(d, root, r)) ||
	    (st = load_names(d, root, r)) ||
	    (st = load_settings(d, root, r)))
		return st;
	r->n_tables = 1;
	if ((st = load_table(d, root, &r->tables[0])))
		return st;
	return load_archs(d, root, r);
}

static moat_status load_into(ydoc *d, void *r)
{
	return load_main(d, r);
}

static void release(void *r)
{
	bia_reference_free(r);
}

static const ydoc_reader reader = {load_into, release,
				   sizeof(bia_reference)};

moat_status bia_reference_load_file(const char *path, bia_reference *r,
				    char *err, size_t errlen)
{
	return ydoc_read(&reader, r, path, NULL, 0, err, errlen);
}

moat_status bia_reference_parse(bia_reference *r, const char *name,
				const char *buf, size_t len, char *err,
				size_t errlen)
{
	return ydoc_read(&reader, r, name, buf, len, err, errlen);
}

static moat_status load_extra(ydoc *d, const bia_reference *r, bia_table *t)
{
	static const char *const keys[] = {"table", NULL};
	yaml_node_t *root = yaml_document_get_root_node(&d->doc);
	const bia_table *same;
	moat_status st;

	if ((st = ydoc_mapping(d, root, "the file", keys)) ||
	    (st = load_table(d, root, t)))
		return st;
	same = bia_reference_table(r, t->id);
	if (same) {
		yaml_node_t *id = ydoc_get(d, ydoc_get(d, root, "table"), "id");
		return ydoc_fail(d, id, "table '%s' is given in %s already",
				 t->id, same->file);
	}
	if (r->n_tables == BIA_MAX_TABLES)
		return ydoc_fail(d, root, "more than %d tables",
				 BIA_MAX_TABLES);
	return ST_OK;
}

moat_status bia_reference_add_table(bia_reference *r, const char *path,
				    char *err, size_t errlen)
{
	bia_table t;
	ydoc d;
	moat_status st;

	memset(&t, 0, sizeof t);
	if ((st = ydoc_open(&d, path, err, errlen)))
		return st;
	st = load_extra(&d, r, &t);
	yaml_document_delete(&d.doc);
	if (st)
		free_table(&t);
	else
		r->tables[r->n_tables++] = t;
	return st;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_table_file(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

/* The names of dir's table files, sorted; a missing dir gives none. */
static moat_status list_tables(const char *dir, char ***names, size_t *n,
			       char *err, size_t errlen)
{
	DIR *dh = opendir(dir);
	struct dirent *e;
	size_t cap = 0;
	moat_status st = ST_OK;

	*names = NULL;
	*n = 0;
	if (!dh) {
		if (errno == ENOENT)
			return ST_OK;
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return ST_IO;
	}
	while (!st && (e = readdir(dh))) {
		if (!is_table_file(e->d_name))
			continue;
		if (*n == cap) {
			char **more;
			cap = cap ? cap * 2 : 8;
			more = realloc(*names, cap * sizeof *more);
			if (!more) {
				st = ST_NOMEM;
				break;
			}
			*names = more;
		}
		if (!((*names)[*n] = strdup(e->d_name)))
			st = ST_NOMEM;
		else
			(*n)++;
	}
	closedir(dh);
	if (!st && *n > 1)
		qsort(*names, *n, sizeof **names, by_name);
	return st;
}

moat_status bia_reference_load(const char *dir, bia_reference *r, char *err,
			       size_t errlen)
{
	char extra[PATH_MAX], path[PATH_MAX + 512]; /* + a file name */
	char **names;
	size_t n;
	moat_status st;

	snprintf(path, sizeof path, "%s/bia.yaml", dir);
	snprintf(extra, sizeof extra, "%s/bia.d", dir);
	if ((st = bia_reference_load_file(path, r, err, errlen)))
		return st;
	st = list_tables(extra, &names, &n, err, errlen);
	for (size_t i = 0; i < n; i++) {
		if (!st) {
			snprintf(path, sizeof path, "%s/%s", extra, names[i]);
			st = bia_reference_add_table(r, path, err, errlen);
		}
		free(names[i]);
	}
	free(names);
	if (st)
		bia_reference_free(r);
	return st;
}

const bia_table *bia_reference_table(const bia_reference *r, const char *id)
{
	for (size_t i = 0; i < r->n_tables; i++)
		if (r->tables[i].id && strcmp(r->tables[i].id, id) == 0)
			return &r->tables[i];
	return NULL;
}

const bia_arch *bia_reference_arch(const bia_reference *r, const char *key)
{
	for (size_t i = 0; i < r->n_archs; i++)
		if (r->archs[i].key && strcmp(r->archs[i].key, key) == 0)
			return &r->archs[i];
	return NULL;
}
