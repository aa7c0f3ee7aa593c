/* Reading the questionnaire's YAML files with libyaml's document API,
 * with "file:line: what is wrong" for every refusal. */
#ifndef MOAT_YAML_DOC_H
#define MOAT_YAML_DOC_H

#include <stddef.h>
#include <yaml.h>

#include "model/status.h"

/* One open YAML document and where errors are reported. */
typedef struct {
	const char *path;
	yaml_document_t doc;
	char *err;
	size_t errlen;
} ydoc;

/* Parses path into d (the caller deletes d->doc with yaml_document_delete
 * on success). ST_IO when unreadable, ST_PARSE (with line) when not YAML or
 * empty. */
moat_status ydoc_open(ydoc *d, const char *path, char *err, size_t errlen);

/* Writes "path:line: <printf text>" into d's error buffer, cleaned for a
 * terminal (the text may quote the file) and cut at a character; ST_PARSE. */
moat_status ydoc_fail(ydoc *d, const yaml_node_t *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

const char *ydoc_scalar(const yaml_node_t *n);

/* The value of key in a mapping node, or NULL. */
yaml_node_t *ydoc_get(ydoc *d, yaml_node_t *map, const char *key);

/* Refuses keys not in allowed (NULL-terminated), and a key given twice:
 * either would otherwise drop a field silently. */
moat_status ydoc_check_keys(ydoc *d, yaml_node_t *map, const char *const *allowed);

/* ST_PARSE unless n has the given type; what names it in the message. */
moat_status ydoc_expect(ydoc *d, yaml_node_t *n, yaml_node_type_t type,
			const char *what);

/* Whether a text field may hold several lines. */
typedef enum { YDOC_LINE, YDOC_PARAGRAPH } ydoc_lines;

/* Copies the required text of key into *out (malloc'd, trimmed). Refuses
 * null (~), empty text, invalid UTF-8, control characters (a newline is
 * allowed in a YDOC_PARAGRAPH) and bidi controls, so that no loaded text can
 * act on a terminal; other characters are kept as written. */
moat_status ydoc_text(ydoc *d, yaml_node_t *map, const char *key,
		      ydoc_lines lines, char **out);

#endif
