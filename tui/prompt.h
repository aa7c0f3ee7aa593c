/* Small modal screens: a one-line text prompt and a yes/no question. The
 * callback runs after the modal closed; it may return a screen to push. */
#ifndef MOAT_PROMPT_H
#define MOAT_PROMPT_H

#include <stdbool.h>

#include "model/msg.h"
#include "tui/screen.h"

/* Called when the user confirms with Enter, with the initial text as given
 * when it was left unchanged, else the typed text trimmed. */
typedef screen *(*prompt_done)(app *a, void *ctx, const char *text);
/* Called with true for y, false for n / Esc. */
typedef screen *(*confirm_done)(app *a, void *ctx, bool yes);

/* A prompt titled by question, pre-filled with initial (may be NULL),
 * taking at most max_chars characters; typing past them shows that the
 * field labelled field takes at most that many. ctx is freed with free()
 * when the prompt closes if owned is true. */
screen *prompt_new(const char *question, const char *initial, size_t max_chars,
		   msg_id field, prompt_done done, void *ctx, bool owned);
screen *confirm_new(const char *question, confirm_done done, void *ctx,
		    bool owned);

#endif
