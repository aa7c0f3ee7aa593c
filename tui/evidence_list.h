/* The evidence of one target (a checklist item or a criterion) as a list
 * with a cursor: its validity shown per piece, e to add, Enter to edit, d
 * to delete. Shared by the item and criterion screens. */
#ifndef MOAT_EVIDENCE_LIST_H
#define MOAT_EVIDENCE_LIST_H

#include "model/evidence.h"
#include "tui/screen.h"

/* Actions of the list; screens put EVIDENCE_BINDINGS in their key table. */
enum { ACT_EV_ADD = ACT_USER + 50, ACT_EV_EDIT, ACT_EV_DELETE };

#define EVIDENCE_BINDINGS                                                    \
	{{'e', 'a', 0}, "e", NO_LABEL, HK_ADD_EVIDENCE, ACT_EV_ADD, true},   \
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_EDIT_EVIDENCE, ACT_EV_EDIT, false}, \
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_DELETE_EVIDENCE, ACT_EV_DELETE, false}

typedef struct {
	char *target;
	evidence_list ev; /* newest evidence date first */
	int cursor, top;
} evlist;

/* Starts an empty list for target and reads it. False on no memory. */
bool evlist_init(evlist *l, app *a, const char *target);
void evlist_free(evlist *l);

/* Switches to another target (the walk-through moves on). */
bool evlist_retarget(evlist *l, app *a, const char *target);

/* Re-reads the list (after a write or another user's commit). */
void evlist_reload(evlist *l, app *a);

/* Draws the heading "Evidence (n)" and the rows in r. */
void evlist_draw(evlist *l, app *a, rect r, msg_id heading);

/* Handles navigation and the evidence actions. Returns true with *out set
 * when it did. */
bool evlist_key(evlist *l, app *a, int action, key_result *out);

#endif
