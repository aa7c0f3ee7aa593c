/* The choice of the checklist item a record advances, as the task form
 * and the ROI screen offer it: "—" for none, then "N title" per item. */
#ifndef MOAT_ITEM_CHOICE_H
#define MOAT_ITEM_CHOICE_H

#include <stdbool.h>

#include "model/questionnaire.h"
#include "tui/form.h"

typedef struct {
	char *text[Q_MAX_ITEMS + 1];
	const char *opts[Q_MAX_ITEMS + 1];
} item_choice;

/* Makes fld a choice among q's items (options held by c), with the item
 * of key chosen ("—" for "" or a key no item has). False on no memory;
 * item_choice_free frees what was made either way. */
bool item_choice_init(item_choice *c, form_field *fld, const questionnaire *q,
		      const char *key);

/* The key of the item chosen in fld (made by item_choice_init over q), ""
 * for none. */
const char *item_choice_key(const form_field *fld, const questionnaire *q);

void item_choice_free(item_choice *c);

#endif
