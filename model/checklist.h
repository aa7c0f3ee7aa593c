/* Checklist item states (§6.1): 未开始 / 进行中 / 已完成. */
#ifndef MOAT_CHECKLIST_H
#define MOAT_CHECKLIST_H

#include <stdbool.h>

typedef enum {
	ITEM_NOT_STARTED = 0,
	ITEM_IN_PROGRESS = 1,
	ITEM_DONE = 2,
} item_state;

#define ITEM_STATE_COUNT 3

/* The state after s when cycling with Space: not started -> in progress
 * -> done -> not started. */
item_state checklist_next_state(item_state s);

/* Parses the questionnaire spelling ("not_started", "in_progress",
 * "done"). */
bool checklist_parse_state(const char *s, item_state *out);

/* The stable spelling used in files and exports' data columns. */
const char *checklist_state_key(item_state s);

#endif
