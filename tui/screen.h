/* The one interface every screen implements. A screen's state struct
 * starts with a `screen` member; the app keeps a stack of them. */
#ifndef MOAT_SCREEN_H
#define MOAT_SCREEN_H

#include <stdbool.h>

#include "tui/keymap.h"
#include "tui/layout.h"

typedef struct app app;
typedef struct screen screen;

typedef enum {
	RES_NONE,    /* key consumed, nothing else to do */
	RES_UNUSED,  /* key not handled: the common keys apply */
	RES_PUSH,    /* push next on top */
	RES_POP,     /* close this screen */
	RES_REPLACE, /* close this screen and open next instead */
	RES_QUIT,    /* leave moat */
} result_kind;

typedef struct {
	result_kind kind;
	screen *next;
} key_result;

typedef struct {
	msg_id title;  /* shown in the title bar and the help overlay */
	keytable keys;
	/* Text-entry screens take every printable key themselves: the
	 * common '?' and 'q' do not apply (Esc and Ctrl-C still do). */
	bool text_entry;
	/* For screens that type into a field only some of the time: true
	 * while they do (may be NULL). */
	bool (*typing)(const screen *s);
	/* A screen that shows a running clock: while it returns true (and
	 * the screen is on top), it is drawn again every second. May be
	 * NULL. */
	bool (*ticks)(const screen *s);
	/* Modal screens are drawn over the screen below them. */
	bool modal;
	void (*draw)(screen *s, app *a, rect body);
	key_result (*handle_key)(screen *s, app *a, int action, int key);
	/* Called after the terminal size changed; may be NULL. */
	void (*resize)(screen *s, app *a);
	/* Called whenever the data may have changed (after a write, or when
	 * another user committed); may be NULL. */
	void (*reload)(screen *s, app *a);
	void (*destroy)(screen *s);
} screen_ops;

struct screen {
	const screen_ops *ops;
};

static inline key_result result(result_kind kind)
{
	return (key_result){kind, 0};
}

static inline key_result push(screen *next)
{
	return (key_result){next ? RES_PUSH : RES_NONE, next};
}

#endif
