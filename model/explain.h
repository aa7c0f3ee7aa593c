/* Sentences that explain a maturity result, shared by the screens, the
 * CLI and the workbook so they all say the same thing. */
#ifndef MOAT_EXPLAIN_H
#define MOAT_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "model/findings.h"
#include "model/scoring.h"

/* Text of an item state / criterion answer in the current language. */
const char *explain_state(item_state s);
const char *explain_answer(crit_answer a);

/* What is missing, without the criterion: "item 3 DR site is in progress,
 * needs done" or "not assessed yet". */
void explain_gap_detail(const questionnaire *q, const score_gap *g, char *out,
			size_t outlen);

/* The whole line: "<criterion>: <detail>". */
void explain_gap(const questionnaire *q, const score_gap *g, char *out,
		 size_t outlen);

/* One line of the list of what blocks a level: a score gap, or a
 * criterion of that level relying on an item marked done that the
 * business impact analysis does not bear out (which the score, counting
 * the state as the manager set it, does not see). */
typedef struct {
	bool contradiction;
	size_t gap;       /* index into the score's gaps, when not */
	size_t criterion; /* the criterion, either way */
	size_t item;      /* the contradicted item, when contradiction */
	find_source source; /* what contradicts it, when contradiction */
} explain_entry;

#define EXPLAIN_MAX_ENTRIES (SCORE_MAX_GAPS + Q_MAX_CRITERIA * Q_MAX_RELIES)

/* The lines for level: the score's gaps of its criteria (what blocks it
 * first), then per criterion in order its contradicted items in the order
 * it names them. contradicted has q->n_items entries, FIND_NONE for an
 * item not contradicted (NULL: none is; findings_contradicted). Writes at
 * most cap entries and returns how many. */
size_t explain_level_entries(const questionnaire *q, const score_result *r,
			     const find_source *contradicted, int level,
			     explain_entry *out, size_t cap);

/* The checklist item an entry is about: the gap's item, or the item
 * contradicted; SCORE_NO_ITEM for a gap of the criterion itself (its
 * answer, or evidence filed on it). */
size_t explain_entry_item(const score_result *r, const explain_entry *e);

/* The text of an entry: explain_gap's, or "<criterion>: item 1 Business
 * impact analysis is marked done, but the BIA recorded here does not
 * support it" (findings_gap_fmt of its source). */
void explain_entry_text(const questionnaire *q, const score_result *r,
			const explain_entry *e, char *out, size_t outlen);

#endif
