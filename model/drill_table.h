/* The drill reference data of one language, DIR/drill.yaml: the drill
 * types of §4.4 with how often each is held, their form, participants,
 * content, duration and cost class, and the document's scenarios with
 * their trigger and what they test (model/drill.h). */
#ifndef MOAT_DRILL_TABLE_H
#define MOAT_DRILL_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/status.h"

#define DRILL_MAX_TYPES 8
#define DRILL_MAX_SCENARIOS 16
#define DRILL_KEY_MAX 32        /* bytes of a type's or scenario's key */

/* The cost class of a type, and the severity of a finding. */
typedef enum { DRILL_LOW, DRILL_MEDIUM, DRILL_HIGH } drill_grade;
#define DRILL_GRADES 3

/* "low", "medium", "high"; NULL outside. */
const char *drill_grade_key(drill_grade g);
bool drill_parse_grade(const char *s, drill_grade *out);

/* A drill type of §4.4: tabletop (quarterly), functional (monthly),
 * full-scale (yearly). Texts are the language's. */
typedef struct {
	char *key;          /* "tabletop", "functional", "full" */
	char *name;
	int every_months;   /* 1..24 */
	char *form;
	char *participants;
	char *content;
	char *duration;
	drill_grade cost;
	char *advice;       /* NULL when none */
} drill_type;

/* A scenario: the document's four, or one of the unit's own (then key is
 * NULL and the texts are the unit's). */
typedef struct {
	char *key;
	char *name;
	char *trigger;
	char *tests;
} drill_scenario;

typedef struct {
	drill_type types[DRILL_MAX_TYPES];
	size_t n_types;
	drill_scenario scenarios[DRILL_MAX_SCENARIOS];
	size_t n_scenarios;
} drill_reference;

/* The type with this key, or NULL. */
const drill_type *drill_reference_type(const drill_reference *r,
				       const char *key);

/* Loads DIR/drill.yaml into r (zeroed first). Every text is valid UTF-8
 * without control or bidi characters (model/yaml_doc.h). Refused, with
 * "file:line: why" in err ("file: why" when it cannot be read): unknown or
 * missing keys, a key given twice, a type or scenario key given twice, an
 * interval outside 1..24 months, an unknown cost class, no types or no
 * scenarios, more than DRILL_MAX_TYPES or DRILL_MAX_SCENARIOS. On failure
 * returns ST_PARSE, ST_IO or ST_NOMEM and leaves r empty; r owns its
 * strings (drill_reference_free). */
moat_status drill_reference_load(const char *dir, drill_reference *r,
				 char *err, size_t errlen);
moat_status drill_reference_load_file(const char *path, drill_reference *r,
				      char *err, size_t errlen);
/* The same from the len bytes at buf; name stands for the file. */
moat_status drill_reference_parse(drill_reference *r, const char *name,
				  const char *buf, size_t len, char *err,
				  size_t errlen);
void drill_reference_free(drill_reference *r);

#endif
