#include "config.h"

#include <string.h>

#include "model/checklist.h"

static const char *const state_keys[ITEM_STATE_COUNT] = {
	"not_started", "in_progress", "done"};

item_state checklist_next_state(item_state s)
{
	return (item_state)(((int)s + 1) % ITEM_STATE_COUNT);
}

bool checklist_parse_state(const char *s, item_state *out)
{
	for (int i = 0; i < ITEM_STATE_COUNT; i++) {
		if (strcmp(s, state_keys[i]) == 0) {
			*out = (item_state)i;
			return true;
		}
	}
	return false;
}

const char *checklist_state_key(item_state s)
{
	if ((int)s < 0 || s >= ITEM_STATE_COUNT)
		return "?";
	return state_keys[s];
}
