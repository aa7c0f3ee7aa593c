/* Small modal screens: a one-line text prompt and a yes/no question. The
 * callback runs after the modal closed; it may return a screen to push. */
#ifndef MOAT_PROMPT_H
#define MOAT_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

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

/* Checks what was typed when Enter is pressed, before the prompt closes:
 * MSG__COUNT accepts it; any other message is the reason it is refused,
 * shown at the field while the prompt stays open with the text as typed
 * (PROMPT_ERR_REQUIRED_FMT is shown with the prompt's field label). */
typedef msg_id (*prompt_check)(app *a, void *ctx, const char *text);

/* Gives the prompt p (from prompt_new; may be NULL) a check and returns
 * it. */
screen *prompt_checked(screen *p, prompt_check check);

/* The same for a refusal that is a sentence of its own ("The RTO must be
 * shorter than the MTD (1 h)"): false with the reason in why (len bytes)
 * refuses. */
typedef bool (*prompt_check_text)(app *a, void *ctx, const char *text,
				  char *why, size_t len);
screen *prompt_checked_text(screen *p, prompt_check_text check);

/* A check that refuses empty text. */
msg_id prompt_required(app *a, void *ctx, const char *text);

#endif
