/* The reference data of the business impact analysis, read from one
 * language's questionnaire directory:
 *
 *   DIR/bia.yaml         the default outage durations, the names of the
 *                        ratings and of the grid's columns, the default
 *                        intolerable rating and margin threshold, the
 *                        default DR level table (§3.1) and the
 *                        architectures (§3.2);
 *   DIR/bia.d/NAME.yaml  further DR level tables, one per file, each
 *                        holding only "table:" with the keys of bia.yaml's.
 *
 * A second table (GB/T 20988-2025, say) is added by dropping its file into
 * bia.d of each language, with an id of its own: nothing else changes.
 * Tables are kept in order: bia.yaml's first, then bia.d's by file name
 * (bytewise). Every range is given as explicit bounds in minutes (or
 * hundredths of the production cost, or km) with the source's words kept
 * for display; "unbounded" is an open upper bound. */
#ifndef MOAT_BIA_TABLE_H
#define MOAT_BIA_TABLE_H

#include <stddef.h>

#include "model/bia.h"
#include "model/status.h"

#define BIA_MAX_TABLES 16
#define BIA_MAX_ARCHS 8

typedef struct {
	int64_t minutes;
	char *name; /* "15分钟" */
} bia_duration;

typedef struct {
	bia_duration durations[BIA_MAX_DURATIONS]; /* increasing */
	size_t n_durations;
	char *rating_names[BIA_RATINGS];       /* by bia_rating */
	char *dimension_names[BIA_DIMENSIONS]; /* by bia_dimension */
	char *duration_name;                   /* the grid's first column */
	char *overall_name;                    /* its last column */
	bia_rating intolerable;                /* low..extreme */
	int margin_threshold_permille;         /* 0..1000 */
	bia_table tables[BIA_MAX_TABLES];      /* [0] is bia.yaml's */
	size_t n_tables;
	char *arch_title, *arch_source, *arch_version;
	bia_arch archs[BIA_MAX_ARCHS];
	size_t n_archs;
} bia_reference;

/* Loads DIR/bia.yaml and then every DIR/bia.d/NAME.yaml (a missing bia.d
 * is no error) into r, zeroed first. Every text is valid UTF-8 without
 * control or bidi characters (model/yaml_doc.h). Refused, with
 * "file:line: why" in err ("file: why" when it cannot be read): unknown or
 * missing keys, a key given twice, a bound that is not a whole number in
 * range, lower above upper, levels not numbered 1, 2, ... in order, a
 * bound that rises from one level to the next (the level rule needs
 * higher levels to promise no less), durations not increasing, an unknown
 * rating, a table id or architecture key given twice. On failure returns
 * ST_PARSE, ST_IO or ST_NOMEM and leaves r empty; r owns its strings
 * (bia_reference_free). */
moat_status bia_reference_load(const char *dir, bia_reference *r, char *err,
			       size_t errlen);

/* Loads one file of bia.yaml's form into r (zeroed first): for the tests,
 * and for a file given explicitly. The same refusals. */
moat_status bia_reference_load_file(const char *path, bia_reference *r,
				    char *err, size_t errlen);

/* The same from the len bytes at buf; name stands for the file. */
moat_status bia_reference_parse(bia_reference *r, const char *name,
				const char *buf, size_t len, char *err,
				size_t errlen);

/* Adds the table of a bia.d file to a loaded r. The same refusals, and
 * more than BIA_MAX_TABLES tables; on failure r is as it was. */
moat_status bia_reference_add_table(bia_reference *r, const char *path,
				    char *err, size_t errlen);

void bia_reference_free(bia_reference *r);

/* The table with this id, or NULL. */
const bia_table *bia_reference_table(const bia_reference *r, const char *id);

/* The architecture with this key, or NULL. */
const bia_arch *bia_reference_arch(const bia_reference *r, const char *key);

#endif
