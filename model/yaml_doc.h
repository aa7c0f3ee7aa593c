/* Reading the questionnaire's YAML files with libyaml's document API,
 * with "file:line: what is wrong" for every refusal. */
#ifndef MOAT_YAML_DOC_H
#define MOAT_YAML_DOC_H

#include <stddef.h>
#include <yaml.h>

#include "model/status.h"

/* Limits a file must keep, checked before and while parsing so that a
 * hostile file is refused at once: libyaml's time grows with the square of
 * the nesting (100 000 levels take it tens of seconds). The shipped files
 * are under 5 KiB and 7 levels deep. */
#define YDOC_MAX_MIB 1
#define YDOC_MAX_BYTES ((size_t)YDOC_MAX_MIB * 1024 * 1024)
#define YDOC_MAX_DEPTH 32

/* One open YAML document and where errors are reported. */
typedef struct {
	const char *path; /* names the file in messages */
	yaml_document_t doc;
	char *err;
	size_t errlen;
} ydoc;

/* Reads path, a regular file of at most YDOC_MAX_BYTES, and parses it
 * into d (the caller deletes d->doc with yaml_document_delete on success).
 * ST_IO with "path: why" when it cannot be read or is not a regular file;
 * otherwise as ydoc_parse. */
moat_status ydoc_open(ydoc *d, const char *path, char *err, size_t errlen);

/* Parses the len bytes at buf (no NUL needed) into d; name stands for the
 * file in messages. ST_PARSE with "name:line: why" when the text is larger
 * than YDOC_MAX_BYTES, is not YAML (invalid UTF-8 included), nests deeper
 * than YDOC_MAX_DEPTH, holds more than one document or is empty. */
moat_status ydoc_parse(ydoc *d, const char *name, const char *buf, size_t len,
		       char *err, size_t errlen);

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

/* The node of type under key of map, which must be there; what names it
 * in the message. */
moat_status ydoc_child(ydoc *d, yaml_node_t *map, const char *key,
		       yaml_node_type_t type, yaml_node_t **out);


/* Whether a text field may hold several lines. */
typedef enum { YDOC_LINE, YDOC_PARAGRAPH } ydoc_lines;

/* Copies the required text of key into *out (malloc'd, trimmed). Refuses
 * null (~), empty text, invalid UTF-8, control characters (a newline is
 * allowed in a YDOC_PARAGRAPH) and bidi controls, so that no loaded text
 * can act on a terminal; other characters are kept as written. */
moat_status ydoc_text(ydoc *d, yaml_node_t *map, const char *key,
		      ydoc_lines lines, char **out);

/* How one kind of file goes into its struct: load fills the zeroed
 * struct at into from d; release empties it again. */
typedef struct {
	moat_status (*load)(ydoc *d, void *into);
	void (*release)(void *into);
	size_t size; /* of the struct */
} ydoc_reader;

/* Reads the file name (buf NULL: ydoc_open) or the len bytes at buf
 * (ydoc_parse; name stands for the file) into the struct at into, zeroed
 * first; on failure into is left empty. */
moat_status ydoc_read(const ydoc_reader *rd, void *into, const char *name,
		      const char *buf, size_t len, char *err, size_t errlen);

/* The node under key of map, which must be there and have the type. */
moat_status ydoc_child(ydoc *d, yaml_node_t *map, const char *key,
		       yaml_node_type_t type, yaml_node_t **out);

/* n is a mapping with only the keys allowed; what names it. */
moat_status ydoc_mapping(ydoc *d, yaml_node_t *n, const char *what,
			 const char *const *allowed);

/* The whole number of key in lo..hi. */
moat_status ydoc_int(ydoc *d, yaml_node_t *map, const char *key, int lo,
		     int hi, int *out);

/* A key: 1 to max bytes of a-z, 0-9, '.', '_' and '-'. */
moat_status ydoc_key(ydoc *d, yaml_node_t *map, const char *key, size_t max,
		     char **out);

#endif
