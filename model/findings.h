/* What the unit's records say about checklist items, beside the
 * manager's own states (which they never change): the business impact
 * analysis for items 1-3 (model/bia_text.h), the emergency response and
 * the drills for items 6 and 9 (model/response_findings.h), the
 * contingency plans for item 7. A "done" the records do not bear out is
 * marked wherever the state is shown, and counts among what blocks the
 * next level. */
#ifndef MOAT_FINDINGS_H
#define MOAT_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/bia.h"
#include "model/checklist.h"
#include "model/msg.h"
#include "model/questionnaire.h"

#define FINDING_LINES 6
#define FINDING_BYTES (TEXT_BYTES(BIA_NAME_MAX) + 256)

/* Where an item's findings come from: the texts that say so differ. */
typedef enum {
	FIND_NONE,    /* no findings (nothing contradicted) */
	FIND_BIA,     /* the business impact analysis */
	FIND_RECORDS, /* the emergency response, drills and plans */
} find_source;

/* What the records say about one item: short lines, what blocks first,
 * each led by a short name ("BIA: 2 of 6 critical processes have no
 * MTD"); beyond FINDING_LINES the last says how many more there are.
 * supports_done: the records bear out a "done" for the item. */
typedef struct {
	const char *item; /* the item's key */
	find_source source;
	bool supports_done;
	size_t n_lines;
	char lines[FINDING_LINES][FINDING_BYTES];
} item_findings;

/* Whether an item's state contradicts its findings: "done" that the
 * records do not support. */
bool item_findings_contradict(const item_findings *f, item_state state);

/* The texts of a source: the contradiction ("Marked done, but the BIA
 * recorded here does not support it"), the mark beside a state ("!BIA"),
 * the label of the lines on the item's screen, the heading of an item's
 * lines in `moat score` (a format: item number, title, state), and the
 * gap line (a format: item number, title). Static strings. */
const char *findings_contradiction_text(find_source src);
const char *findings_mark(find_source src);
const char *findings_label(find_source src);
const char *findings_cli_heading_fmt(find_source src);
const char *findings_gap_fmt(find_source src);

/* Builds one item's findings: lines past the last that fits are only
 * counted, and finder_finish then makes the last say how many. */
typedef struct {
	item_findings *f;
	msg_id label; /* leads every line */
	size_t more;
} finder;

void finder_start(finder *fd, item_findings *f, const char *item,
		  find_source src, msg_id label);
void finder_add(finder *fd, const char *text);
/* printf-style finder_add. */
void finder_addf(finder *fd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void finder_finish(finder *fd);

/* Every item's findings that the unit's records give. */
#define FINDINGS_MAX 8
typedef struct {
	item_findings items[FINDINGS_MAX];
	size_t n;
} findings_set;

/* Adds a copy of f (ignored when the set is full or f has no item). */
void findings_set_add(findings_set *s, const item_findings *f);
/* The findings for item_key, or NULL. */
const item_findings *findings_for(const findings_set *s, const char *item_key);
/* The source of a contradiction of item_key in state, FIND_NONE when
 * there is none. */
find_source findings_contradicts(const findings_set *s, const char *item_key,
				 item_state state);
/* out[i] for each of q's items in states[i] (q->n_items entries). */
void findings_contradicted(const findings_set *s, const questionnaire *q,
			   const item_state *states, find_source *out);

#endif
