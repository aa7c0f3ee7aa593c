/* Key tables: each screen lists its keys once; dispatch, the status-line
 * hints and the help overlay all read the same table. */
#ifndef MOAT_KEYMAP_H
#define MOAT_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "model/msg.h"

/* Keys as ints: characters are their code point, curses function keys are
 * offset past the Unicode range so the two never collide. */
#define KEY_FN(k) (0x110000 + (k))
#define KEY_CTRL(c) ((c) & 0x1F)
#define KEY_ESC 27
#define KEY_NONE (-1)

/* Actions every screen understands; screens number theirs from ACT_USER. */
enum {
	ACT_NONE = 0,
	ACT_HELP,
	ACT_BACK,
	ACT_QUIT,
	ACT_UP,
	ACT_DOWN,
	ACT_FIRST,
	ACT_LAST,
	ACT_REDRAW,
	ACT_USER = 100,
};

#define KEYS_PER_BINDING 10
#define NO_LABEL MSG__COUNT

typedef struct {
	int keys[KEYS_PER_BINDING]; /* 0-terminated when shorter */
	const char *label;          /* key name shown, e.g. "e"; or NULL */
	msg_id label_id;            /* used when label is NULL */
	msg_id help;                /* what the key does */
	int action;
	bool hint;                  /* also shown in the status line */
} keybinding;

typedef struct {
	const keybinding *v;
	size_t n;
} keytable;

#define KEYTABLE(arr) ((keytable){(arr), sizeof(arr) / sizeof((arr)[0])})

/* Cursor movement in lists, shared by every list screen. */
#define NAV_BINDINGS                                                         \
	{{KEY_FN(KEY_UP), 'k', 0}, "↑ k", NO_LABEL, HK_MOVE_UP, ACT_UP, false}, \
	{{KEY_FN(KEY_DOWN), 'j', 0}, "↓ j", NO_LABEL, HK_MOVE_DOWN, ACT_DOWN, false}, \
	{{'g', KEY_FN(KEY_HOME), 0}, "g Home", NO_LABEL, HK_FIRST, ACT_FIRST, false}, \
	{{'G', KEY_FN(KEY_END), 0}, "G End", NO_LABEL, HK_LAST, ACT_LAST, false}

/* Applies a navigation action to a cursor over count rows. Returns false
 * when action is not a navigation action. */
bool keymap_move(int action, int *cursor, int count);

/* Applies a navigation action to the first row shown of a view that
 * scrolls as a whole (nothing selected): up and down by a row (the draw
 * keeps it in range), first to 0, last to end. Returns false when action
 * is not a navigation action. */
bool keymap_scroll(int action, int *top, int end);

/* The action bound to key in t, or ACT_NONE. */
int keymap_lookup(keytable t, int key);

/* The shown name of a binding's key. */
const char *keymap_label(const keybinding *b);

/* How a binding is shown in the status line and the help overlay: on the
 * first screen "back" leaves moat, so it shows as "q" (Esc does not
 * quit there) with the help "quit". */
const char *keymap_shown_label(const keybinding *b, bool first);
msg_id keymap_shown_help(const keybinding *b, bool first);

/* Keys every screen shares (help, back, quit on home, repaint); looked up
 * after the screen's own table, except the repaint, which works even while
 * typing. */
keytable keymap_common(void);

#endif
