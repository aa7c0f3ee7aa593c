/* An editable UTF-8 text buffer with a cursor, for form fields. Pure: no
 * curses, so editing and wrapping are tested directly. The cursor is a
 * byte offset that always sits on a character boundary. */
#ifndef MOAT_TEXTEDIT_H
#define MOAT_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	char *buf;        /* NUL-terminated UTF-8 */
	char *orig;       /* the text given to te_init / te_set, as given */
	char *loaded;     /* what buf held right after it was given */
	size_t len, cap;
	size_t cur;       /* cursor, byte offset */
	size_t chars;     /* characters in buf */
	bool multiline;   /* accepts '\n' */
	size_t max_chars; /* characters past this many are refused */
	bool full;        /* the last insertion was refused for max_chars */
} textedit;

/* Starts with a copy of initial (NULL = empty), taking at most max_chars
 * characters by typing (stored text may hold more). False on no memory. */
bool te_init(textedit *t, const char *initial, bool multiline,
	     size_t max_chars);
void te_free(textedit *t);

/* Replaces the whole text and puts the cursor at the end. What typing
 * could not enter is left out of the buffer (see text_sanitize), but the
 * text as given is kept for te_value. False on no memory. */
bool te_set(textedit *t, const char *text);

/* The text to store, newly allocated (NULL on no memory): the text given
 * to te_init / te_set byte for byte while the buffer still holds what it
 * held then, so a field the user did not change is saved as it was;
 * otherwise the buffer with ASCII white space trimmed at both ends. */
char *te_value(const textedit *t);

/* te_value copied into out (capacity len). False on no memory or when it
 * does not fit, with out set to "". */
bool te_value_into(const textedit *t, char *out, size_t len);

/* Inserts a code point at the cursor. What text_cp_refused refuses is
 * refused ('\n' allowed in a multi-line buffer); so is a character past
 * max_chars, which also sets full (any change clears it), so the screen
 * can say which limit was met. Returns whether the text changed. */
bool te_insert(textedit *t, uint32_t cp);

/* Empties the text (Ctrl-U); the text given stays for te_value, so
 * clearing a field that was empty changes nothing. */
void te_clear(textedit *t);

bool te_backspace(textedit *t);
bool te_delete(textedit *t);
void te_left(textedit *t);
void te_right(textedit *t);
/* Start / end of the current logical line. */
void te_home(textedit *t);
void te_end(textedit *t);

/* Visual lines when wrapped at width columns: writes the byte offset where
 * each line starts into starts (capacity max) and returns how many lines
 * there are (which may exceed max). An empty buffer has one line. */
size_t te_wrap(const textedit *t, int width, size_t *starts, size_t max);

/* Row and column of the cursor in the wrapped text. */
void te_cursor_xy(const textedit *t, int width, int *row, int *col);

/* The first column to show of a one-line field width columns wide that
 * showed from column scroll before: the same while the cursor stays in
 * view, else just enough to bring it back (its own cell included, so the
 * end being typed shows), always at the start of a character. */
int te_scroll(const textedit *t, int scroll, int width);

/* Moves the cursor one visual line up or down, keeping the column as near
 * as possible. Returns false at the first / last line. */
bool te_up(textedit *t, int width);
bool te_down(textedit *t, int width);

#endif
