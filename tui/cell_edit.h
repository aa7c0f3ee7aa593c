/* Editing one number or name in place, as in a spreadsheet: a key typed
 * over a number or Enter starts editing, Enter or Tab confirms, Esc cancels; the value is
 * checked when confirmed and a refusal says why at the field. Shared by
 * the ROI and investment screens. */
#ifndef MOAT_CELL_EDIT_H
#define MOAT_CELL_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "model/money.h"
#include "model/text.h"
#include "tui/screen.h"
#include "tui/textedit.h"

typedef enum {
	CELL_TEXT,    /* a name */
	CELL_MONEY,   /* 2 decimals, not negative */
	CELL_COUNT3,  /* 3 decimals, not negative (incidents a year) */
	CELL_PERCENT, /* 2 decimals, 0..100, stored in hundredths */
	CELL_INT,     /* whole number in [min, max] */
	CELL_NONE,    /* a place the cursor can stand (a heading), not edited */
} cell_type;

typedef struct {
	cell_type type;
	/* CELL_INT bounds; max for the other numbers; for CELL_TEXT, max is
	 * the limit in characters. */
	int64_t min, max;
} cell_spec;

/* Characters typed into a number cell: more than any valid number. */
#define CELL_NUMBER_CHARS 24
/* Bytes that hold the text of any cell (a name of up to 200 characters). */
#define CELL_TEXT_BYTES TEXT_BYTES(200)

typedef struct {
	bool editing;
	textedit te;
	msg_id label; /* names the cell in a refusal for length */
	msg_id error; /* MSG__COUNT when none */
	msg_id note;  /* what the edit is for, shown until it ends; or
		       * MSG__COUNT */
	int scroll;   /* first column shown of a text wider than its cell */
	cell_spec spec; /* of the cell being edited: a refusal for size
			 * names its limits */
} cell_edit;

void cell_edit_init(cell_edit *c);
void cell_edit_free(cell_edit *c);

/* Starts editing a cell of spec with initial; when first_key is printable
 * it replaces the text (typing over a cell). */
bool cell_edit_begin(cell_edit *c, const cell_spec *spec, const char *initial,
		     int first_key);

/* The hint under the grid: the reason of a refusal, the limit reached
 * while typing, the edit's note, or the keys; nothing when not editing
 * and nothing refused. */
void cell_edit_hint(const cell_edit *c, int y, int x, int w);
void cell_edit_cancel(cell_edit *c);

/* An editing key (not Enter, Tab or Esc): true when used. */
bool cell_edit_key(cell_edit *c, int key);

/* Parses text for spec: true and *out on success, else false with the
 * message id of the reason in *why. Names come back in text untouched. */
bool cell_parse(const cell_spec *spec, const char *text, int64_t *out,
		msg_id *why);

/* The shown text of a value. */
void cell_format(const cell_spec *spec, int64_t v, char *out, size_t outlen);

/* Draws the cell: the edit buffer with the cursor when editing, else text
 * right-aligned (numbers) or left (names). */
void cell_draw(cell_edit *c, const cell_spec *spec, const char *text,
	       int y, int x, int w, bool focused, app *a);

#endif
