/* Rows of editable cells with one cursor, as on the ROI and investment
 * screens: arrows and Tab move, Enter or typing over a number edits it
 * (the key typed is kept), Enter/Tab confirm, Esc cancels. The screen says how many cells a row has, what they hold
 * and how a value is stored. */
#ifndef MOAT_CELL_GRID_H
#define MOAT_CELL_GRID_H

#include <stddef.h>

#include "tui/cell_edit.h"
#include "tui/screen.h"

typedef struct cell_grid cell_grid;

typedef struct {
	/* Editable cells in a row (0 for headings and totals). */
	int (*fields_of)(const cell_grid *g, int row);
	const cell_spec *(*spec_of)(const cell_grid *g, int row, int col);
	void (*value_text)(const cell_grid *g, int row, int col, char *out,
			   size_t outlen);
	/* Stores g->edit's text for the focused cell; false with
	 * g->edit.error set when the value is refused. */
	bool (*commit)(cell_grid *g, app *a);
} cell_grid_ops;

struct cell_grid {
	const cell_grid_ops *ops;
	int n_rows;
	int row, col; /* the focused cell */
	int want_col; /* the column last chosen with Tab/Shift-Tab */
	int top;      /* first row shown */
	cell_edit edit;
	char seen[CELL_TEXT_BYTES]; /* the cell's value when its edit began */
};

enum { ACT_CELL_EDIT = ACT_USER + 70, ACT_CELL_NEXT, ACT_CELL_PREV };

#define CELL_GRID_BINDINGS                                                   \
	NAV_BINDINGS,                                                        \
	{{'\t', KEY_FN(KEY_RIGHT), 'l', 0}, NULL, HK_NAME_TAB, HK_NEXT_FIELD, ACT_CELL_NEXT, true}, \
	{{KEY_FN(KEY_BTAB), KEY_FN(KEY_LEFT), 'h', 0}, NULL, HK_NAME_SHIFT_TAB, HK_PREV_FIELD, ACT_CELL_PREV, false}, \
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_EDIT_CELL, ACT_CELL_EDIT, true}

void grid_init(cell_grid *g, const cell_grid_ops *ops);
void grid_free(cell_grid *g);

/* Focuses the nearest row with cells at or after (dir > 0) or before
 * (dir < 0) row; keeps the focus when there is none. */
void grid_focus_row(cell_grid *g, int row, int dir);

/* Is the cell a number (typing a digit over it starts editing)? */
bool grid_numeric(const cell_grid *g, int row, int col);

/* Handles editing and movement. True with *out set when it did. */
bool grid_key(cell_grid *g, app *a, int action, int key, key_result *out);

/* Focuses (row, col) and starts editing it from an empty text (a line
 * just added, its name to be typed). */
void grid_edit_blank(cell_grid *g, int row, int col);

/* After the screen re-read its data: has the cell being edited changed
 * since its edit began (another user wrote it meanwhile)? Then the edit
 * must not be written over it. */
bool grid_cell_changed(const cell_grid *g);

/* Draws the cell at (row, col) of the grid in the given place. */
void grid_draw_cell(cell_grid *g, int row, int col, int y, int x, int w,
		    app *a);

/* The message line under the grid: the refusal, or how to confirm. */
void grid_draw_hint(const cell_grid *g, int y, int x, int w);

#endif
