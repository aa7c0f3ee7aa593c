#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "model/yaml_doc.h"


static char *vformat(const char *fmt, va_list ap)
{
	va_list again;
	char *s = NULL;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n >= 0 && (s = malloc((size_t)n + 1)))
		vsnprintf(s, (size_t)n + 1, fmt, again);
	va_end(again);
	return s;
}

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* Puts the message raw (freed here) into err: messages quote the file, so
 * they are cleaned for a terminal, and cut at a character boundary. */
static void put_error(char *err, size_t errlen, char *raw)
{
	char *clean = raw ? text_sanitize(raw, false) : NULL;
	if (clean)
		text_fit(clean, INT_MAX, false, err, errlen);
	else if (errlen > 0)
		snprintf(err, errlen, "%s", "out of memory");
	free(raw);
	free(clean);
}

moat_status ydoc_fail(ydoc *d, const yaml_node_t *node, const char *fmt, ...)
{
	va_list ap;
	char *what;
	va_start(ap, fmt);
	what = vformat(fmt, ap);
	va_end(ap);
	put_error(d->err, d->errlen,
		  what ? format("%s:%lu: %s", d->path,
				node ? (unsigned long)node->start_mark.line + 1
				     : 1UL,
				what)
		       : NULL);
	free(what);
	return ST_PARSE;
}

moat_status ydoc_open(ydoc *d, const char *path, char *err, size_t errlen)
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

const char *ydoc_scalar(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* Looks up key in a mapping node; NULL when absent. */
yaml_node_t *ydoc_get(ydoc *d, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE && strcmp(ydoc_scalar(k), key) == 0)
			return yaml_document_get_node(&d->doc, p->value);
	}
	return NULL;
}

moat_status ydoc_check_keys(ydoc *d, yaml_node_t *map, const char *const *allowed)
{
	yaml_node_pair_t *p, *e;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
		bool ok = false;
		if (!k || k->type != YAML_SCALAR_NODE)
			return ydoc_fail(d, k, "a key must be plain text");
		for (const char *const *a = allowed; *a; a++)
			if (strcmp(ydoc_scalar(k), *a) == 0)
				ok = true;
		if (!ok)
			return ydoc_fail(d, k, "unknown key '%s'", ydoc_scalar(k));
		/* The keys before are known and distinct: a short walk. */
		for (e = map->data.mapping.pairs.start; e < p; e++) {
			yaml_node_t *ek = yaml_document_get_node(&d->doc, e->key);
			if (strcmp(ydoc_scalar(ek), ydoc_scalar(k)) == 0)
				return ydoc_fail(d, k, "'%s' given twice (first on line %lu)",
						 ydoc_scalar(k),
						 (unsigned long)ek->start_mark.line + 1);
		}
	}
	return ST_OK;
}

moat_status ydoc_expect(ydoc *d, yaml_node_t *n, yaml_node_type_t type,
			  const char *what)
{
	static const char *const names[] = {"nothing", "text", "a list",
					    "a mapping"};
	if (!n || n->type != type)
		return ydoc_fail(d, n, "%s must be %s", what, names[type]);
	return ST_OK;
}

/* YAML's null written as a plain word (an empty value is reported as
 * empty), or tagged !!null. */
static bool is_null(const yaml_node_t *n)
{
	static const char *const words[] = {"~", "null", "Null", "NULL"};
	if (n->tag && strcmp((const char *)n->tag, YAML_NULL_TAG) == 0)
		return true;
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(ydoc_scalar(n), words[i]) == 0)
			return true;
	return false;
}

/* Refuses what would act on a terminal instead of being shown; the same
 * classes text_sanitize drops. */
static moat_status check_chars(ydoc *d, const yaml_node_t *n, const char *key,
			       ydoc_lines lines, const char *s)
{
	size_t len = strlen(s);
	while (len > 0) {
		uint32_t cp;
		size_t l = text_decode(s, len, &cp);
		if (cp == '\n' && lines == YDOC_LINE)
			return ydoc_fail(d, n, "'%s' must be one line", key);
		if (cp != '\n' && text_is_control(cp))
			return ydoc_fail(d, n, "'%s' contains a control character "
					 "(U+%04X)", key, (unsigned)cp);
		if (text_is_bidi_control(cp))
			return ydoc_fail(d, n, "'%s' contains a bidi control (U+%04X)",
					 key, (unsigned)cp);
		s += l;
		len -= l;
	}
	return ST_OK;
}

moat_status ydoc_text(ydoc *d, yaml_node_t *map, const char *key,
		      ydoc_lines lines, char **out)
{
	yaml_node_t *n = ydoc_get(d, map, key);
	const char *s;
	char *t;
	moat_status st;

	if (!n)
		return ydoc_fail(d, map, "missing '%s'", key);
	if (n->type != YAML_SCALAR_NODE)
		return ydoc_fail(d, n, "'%s' must be text", key);
	if (is_null(n))
		return ydoc_fail(d, n, "'%s' must be text, not null", key);
	s = ydoc_scalar(n);
	/* "\0" in a quoted scalar would silently end the C string. */
	if (memchr(s, '\0', n->data.scalar.length))
		return ydoc_fail(d, n, "'%s' contains a control character (U+0000)",
				 key);
	if (!text_valid_utf8(s))
		return ydoc_fail(d, n, "'%s' is not valid UTF-8", key);
	if (!(t = strdup(s)))
		return ST_NOMEM;
	text_trim(t);
	if (t[0] == '\0')
		st = ydoc_fail(d, n, "'%s' is empty", key);
	else
		st = check_chars(d, n, key, lines, t);
	if (st)
		free(t);
	else
		*out = t;
	return st;
}
