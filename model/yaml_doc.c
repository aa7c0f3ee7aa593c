#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static moat_status vfail(ydoc *d, unsigned long line, const char *fmt,
			 va_list ap)
{
	char *what = vformat(fmt, ap);
	put_error(d->err, d->errlen,
		  what ? format("%s:%lu: %s", d->path, line, what) : NULL);
	free(what);
	return ST_PARSE;
}

static moat_status fail_at(ydoc *d, size_t line0, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static moat_status fail_at(ydoc *d, size_t line0, const char *fmt, ...)
{
	va_list ap;
	moat_status st;
	va_start(ap, fmt);
	st = vfail(d, (unsigned long)line0 + 1, fmt, ap);
	va_end(ap);
	return st;
}

moat_status ydoc_fail(ydoc *d, const yaml_node_t *node, const char *fmt, ...)
{
	va_list ap;
	moat_status st;
	va_start(ap, fmt);
	st = vfail(d, node ? (unsigned long)node->start_mark.line + 1 : 1UL, fmt,
		   ap);
	va_end(ap);
	return st;
}

static moat_status too_large(ydoc *d)
{
	put_error(d->err, d->errlen,
		  format("%s: the file is larger than %d MiB", d->path,
			 YDOC_MAX_MIB));
	return ST_PARSE;
}

/* libyaml's complaint with its line. A reader error (invalid UTF-8, a
 * control character) carries only a byte offset: count the lines to it. */
static moat_status parser_error(ydoc *d, const yaml_parser_t *p,
				const char *buf, size_t len)
{
	size_t line0 = p->problem_mark.line;

	if (p->error == YAML_MEMORY_ERROR)
		return ST_NOMEM;
	if (p->error == YAML_READER_ERROR) {
		size_t end = p->problem_offset < len ? p->problem_offset : len;
		line0 = 0;
		for (size_t i = 0; i < end; i++)
			line0 += buf[i] == '\n';
	}
	return fail_at(d, line0, "%s%s%s",
		       p->problem ? p->problem : "YAML error",
		       p->context ? " " : "", p->context ? p->context : "");
}

/* Anchors seen so far, for the aliases that name them. */
typedef struct {
	char *name;
	int node;
} anchor;

typedef struct {
	anchor *v;
	size_t n, cap;
} anchors;

static void anchors_free(anchors *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i].name);
	free(a->v);
}

static bool anchor_add(anchors *a, const yaml_char_t *name, int node)
{
	if (!name)
		return true;
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 8;
		anchor *nv = realloc(a->v, cap * sizeof *nv);
		if (!nv)
			return false;
		a->v = nv;
		a->cap = cap;
	}
	if (!(a->v[a->n].name = strdup((const char *)name)))
		return false;
	a->v[a->n++].node = node;
	return true;
}

/* The newest anchor of that name (YAML lets a later one replace it). */
static int anchor_find(const anchors *a, const yaml_char_t *name)
{
	for (size_t i = a->n; i-- > 0;)
		if (strcmp(a->v[i].name, (const char *)name) == 0)
			return a->v[i].node;
	return 0;
}

/* The document under construction: the open collections, and a mapping's
 * key waiting for its value. */
typedef struct {
	yaml_document_t *doc;
	int open[YDOC_MAX_DEPTH];
	int key[YDOC_MAX_DEPTH];
	int depth;
} builder;

static void set_marks(yaml_document_t *doc, int node, const yaml_event_t *ev)
{
	yaml_node_t *n = yaml_document_get_node(doc, node);
	n->start_mark = ev->start_mark;
	n->end_mark = ev->end_mark;
}

/* Hangs node under the innermost open collection. */
static bool attach(builder *b, int node)
{
	int top;
	if (b->depth == 0)
		return true; /* the root */
	top = b->depth - 1;
	if (yaml_document_get_node(b->doc, b->open[top])->type == YAML_SEQUENCE_NODE)
		return yaml_document_append_sequence_item(b->doc, b->open[top], node);
	if (!b->key[top]) {
		b->key[top] = node;
		return true;
	}
	if (!yaml_document_append_mapping_pair(b->doc, b->open[top], b->key[top],
					       node))
		return false;
	b->key[top] = 0;
	return true;
}

/* One event into the document: 0 when it took it, else the status. */
static moat_status take(ydoc *d, builder *b, anchors *a, const yaml_event_t *ev,
			int *docs)
{
	yaml_char_t *anchor_name = NULL;
	int node = 0;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1)
			return fail_at(d, ev->start_mark.line,
				       "a second document; the file must hold one");
		return ST_OK;
	case YAML_ALIAS_EVENT:
		if (!(node = anchor_find(a, ev->data.alias.anchor)))
			return fail_at(d, ev->start_mark.line,
				       "found undefined alias");
		return attach(b, node) ? ST_OK : ST_NOMEM;
	case YAML_SCALAR_EVENT:
		node = yaml_document_add_scalar(
			b->doc, ev->data.scalar.tag, ev->data.scalar.value,
			(int)ev->data.scalar.length, ev->data.scalar.style);
		anchor_name = ev->data.scalar.anchor;
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		/* Refused at once: libyaml's own loader takes time growing
		 * with the square of the nesting. */
		if (b->depth == YDOC_MAX_DEPTH)
			return fail_at(d, ev->start_mark.line,
				       "nested more than %d levels deep",
				       YDOC_MAX_DEPTH);
		if (ev->type == YAML_SEQUENCE_START_EVENT) {
			node = yaml_document_add_sequence(
				b->doc, ev->data.sequence_start.tag,
				ev->data.sequence_start.style);
			anchor_name = ev->data.sequence_start.anchor;
		} else {
			node = yaml_document_add_mapping(
				b->doc, ev->data.mapping_start.tag,
				ev->data.mapping_start.style);
			anchor_name = ev->data.mapping_start.anchor;
		}
		if (!node)
			return ST_NOMEM;
		set_marks(b->doc, node, ev);
		if (!attach(b, node) || !anchor_add(a, anchor_name, node))
			return ST_NOMEM;
		b->open[b->depth] = node;
		b->key[b->depth++] = 0;
		return ST_OK;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->depth--;
		return ST_OK;
	default:
		return ST_OK;
	}
	if (!node)
		return ST_NOMEM;
	set_marks(b->doc, node, ev);
	return attach(b, node) && anchor_add(a, anchor_name, node) ? ST_OK
								    : ST_NOMEM;
}

/* Builds d->doc from the parser's events in one pass, refusing nesting
 * deeper than YDOC_MAX_DEPTH as soon as it starts and a second document
 * (libyaml's loader would silently read only the first). */
static moat_status load_events(ydoc *d, const char *buf, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	builder b = {.doc = &d->doc};
	anchors a = {0};
	int docs = 0;
	moat_status st = ST_OK;
	bool end = false;

	if (!yaml_document_initialize(&d->doc, NULL, NULL, NULL, 1, 1))
		return ST_NOMEM;
	if (!yaml_parser_initialize(&parser)) {
		yaml_document_delete(&d->doc);
		return ST_NOMEM;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (!st && !end) {
		if (!yaml_parser_parse(&parser, &ev)) {
			st = parser_error(d, &parser, buf, len);
			break;
		}
		end = ev.type == YAML_STREAM_END_EVENT;
		st = take(d, &b, &a, &ev, &docs);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	anchors_free(&a);
	if (st)
		yaml_document_delete(&d->doc);
	return st;
}

moat_status ydoc_parse(ydoc *d, const char *name, const char *buf, size_t len,
		       char *err, size_t errlen)
{
	moat_status st;

	d->path = name;
	d->err = err;
	d->errlen = errlen;
	if (len > YDOC_MAX_BYTES)
		return too_large(d);
	if ((st = load_events(d, buf, len)))
		return st;
	if (!yaml_document_get_root_node(&d->doc)) {
		yaml_document_delete(&d->doc);
		st = fail_at(d, 0, "the file is empty");
	}
	return st;
}

static moat_status io_error(ydoc *d, const char *why)
{
	put_error(d->err, d->errlen, format("%s: %s", d->path, why));
	return ST_IO;
}

/* Reads the regular file d->path whole, up to one byte over the limit.
 * Anything else is refused: a FIFO would block and a device never end. */
static moat_status read_file(ydoc *d, char **out, size_t *len)
{
	struct stat sb;
	char *buf = NULL;
	size_t n = 0;
	int fd = open(d->path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	moat_status st = ST_OK;

	if (fd < 0)
		return io_error(d, strerror(errno));
	if (fstat(fd, &sb) != 0)
		st = io_error(d, strerror(errno));
	else if (S_ISDIR(sb.st_mode))
		st = io_error(d, strerror(EISDIR));
	else if (!S_ISREG(sb.st_mode))
		st = io_error(d, "not a regular file");
	else if ((uintmax_t)sb.st_size > YDOC_MAX_BYTES)
		st = too_large(d);
	else if (!(buf = malloc(YDOC_MAX_BYTES + 1)))
		st = ST_NOMEM;
	if (st) {
		close(fd);
		return st;
	}
	while (n <= YDOC_MAX_BYTES) {
		ssize_t r = read(fd, buf + n, YDOC_MAX_BYTES + 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			st = io_error(d, strerror(errno));
			break;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (st) {
		free(buf);
		return st;
	}
	*out = buf;
	*len = n;
	return ST_OK;
}

moat_status ydoc_open(ydoc *d, const char *path, char *err, size_t errlen)
{
	char *buf;
	size_t len;
	moat_status st;

	d->path = path;
	d->err = err;
	d->errlen = errlen;
	if ((st = read_file(d, &buf, &len)))
		return st;
	st = ydoc_parse(d, path, buf, len, err, errlen);
	free(buf);
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

moat_status ydoc_child(ydoc *d, yaml_node_t *map, const char *key,
		       yaml_node_type_t type, yaml_node_t **out)
{
	char what[64];
	*out = ydoc_get(d, map, key);
	if (!*out)
		return ydoc_fail(d, map, "missing '%s'", key);
	snprintf(what, sizeof what, "'%s'", key);
	return ydoc_expect(d, *out, type, what);
}

moat_status ydoc_mapping(ydoc *d, yaml_node_t *n, const char *what,
			 const char *const *keys)
{
	moat_status st = ydoc_expect(d, n, YAML_MAPPING_NODE, what);
	return st ? st : ydoc_check_keys(d, n, keys);
}
