/* Shared by the emergency response screens (tui/screen_response.c,
 * tui/screen_incident.c): the keys of their forms and the helpers that
 * set the forms up and read them. */
#ifndef MOAT_RESPONSE_UI_H
#define MOAT_RESPONSE_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/form.h"
#include "tui/keymap.h"

/* Tab, Ctrl-S and Esc, as every form shows them. */
extern const keybinding resp_form_keys[3];

/* Sets up n one-line text fields with their labels, limits, required
 * flags and first texts; false on no memory (resp_fields_free them). */
bool resp_fields_init(form_field *fields, int n, const msg_id *labels,
		      const size_t *max, const bool *required,
		      const char *const *init);
void resp_fields_free(form_field *fields, int n);

/* Field i's text, trimmed, into out; returns out. */
char *resp_field_text(form_field *fields, int i, char *out, size_t len);

/* Refuses the form at field at with why (shown there); false. */
bool resp_form_refuse(form *f, msg_id why, int at);

#endif
