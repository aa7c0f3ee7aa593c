/* Keys from the terminal: bytes read one at a time and decoded as UTF-8
 * here (not by curses), so bytes that are not UTF-8 are dropped and
 * counted while the keys after them still work; and a terminal that went
 * away (hang-up without SIGHUP, e.g. in a setsid session) is noticed
 * instead of read in a busy loop. */
#ifndef MOAT_TUI_INPUT_H
#define MOAT_TUI_INPUT_H

#include "model/utf8_stream.h"

typedef struct {
	utf8_stream u;
	int dropped;   /* bytes dropped as not UTF-8, not yet reported */
	int fast_errs; /* reads in a row that failed well before the timeout */
	int timeout_ms; /* the curses timeout set with timeout() */
} input;

typedef enum {
	INPUT_KEY,  /* *key holds a code point or KEY_FN(curses key) */
	INPUT_NONE, /* nothing within the curses timeout (or a signal) */
	INPUT_GONE, /* the terminal is gone */
} input_result;

/* Waits for the next key, up to the timeout set with timeout(). */
input_result input_read(input *in, int *key);

/* Bytes dropped since the last call, and resets the count. */
int input_take_dropped(input *in);

#endif
