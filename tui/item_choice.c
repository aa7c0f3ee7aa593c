#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/item_choice.h"

bool item_choice_init(item_choice *c, form_field *fld, const questionnaire *q,
		      const char *key)
{
	size_t n = q->n_items < Q_MAX_ITEMS ? q->n_items : Q_MAX_ITEMS;
	int idx = key[0] ? questionnaire_item_index(q, key) : -1;

	memset(c, 0, sizeof *c);
	if (!(c->text[0] = strdup("—")))
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(q->items[i].title) + 16;
		if (!(c->text[i + 1] = malloc(len)))
			return false;
		snprintf(c->text[i + 1], len, "%zu %s", i + 1, q->items[i].title);
	}
	for (size_t i = 0; i <= n; i++)
		c->opts[i] = c->text[i];
	return form_choice_init(fld, c->opts, n + 1,
				idx >= 0 ? (size_t)idx + 1 : 0);
}

const char *item_choice_key(const form_field *fld, const questionnaire *q)
{
	size_t i = fld->choice;
	return i > 0 && i <= q->n_items ? q->items[i - 1].key : "";
}

void item_choice_free(item_choice *c)
{
	for (size_t i = 0; i <= Q_MAX_ITEMS; i++)
		free(c->text[i]);
}
