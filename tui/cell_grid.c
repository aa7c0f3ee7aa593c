#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "tui/cell_grid.h"

void grid_init(cell_grid *g, const cell_grid_ops *ops)
{
	g->ops = ops;
	g->n_rows = g->row = g->col = g->top = g->want_col = 0;
	cell_edit_init(&g->edit);
}

void grid_free(cell_grid *g)
{
	cell_edit_free(&g->edit);
}

void grid_focus_row(cell_grid *g, int row, int dir)
{
	while (row >= 0 && row < g->n_rows && g->ops->fields_of(g, row) == 0)
		row += dir;
	if (row < 0 || row >= g->n_rows)
		return;
	g->row = row;
	/* The column the user chose comes back after a row with fewer cells
	 * (a heading). */
	if (g->want_col > g->col)
		g->col = g->want_col;
	if (g->col >= g->ops->fields_of(g, row))
		g->col = g->ops->fields_of(g, row) - 1;
	if (g->col < 0)
		g->col = 0;
}

bool grid_numeric(const cell_grid *g, int row, int col)
{
	cell_type t;
	if (g->n_rows == 0)
		return false;
	t = g->ops->spec_of(g, row, col)->type;
	return t != CELL_TEXT && t != CELL_NONE;
}

static void begin(cell_grid *g, int first_key)
{
	char buf[CELL_TEXT_BYTES];
	g->ops->value_text(g, g->row, g->col, buf, sizeof buf);
	snprintf(g->seen, sizeof g->seen, "%s", buf);
	cell_edit_begin(&g->edit, g->ops->spec_of(g, g->row, g->col), buf,
			first_key);
}

void grid_edit_blank(cell_grid *g, int row, int col)
{
	g->row = row;
	g->col = g->want_col = col;
	g->ops->value_text(g, row, col, g->seen, sizeof g->seen);
	cell_edit_begin(&g->edit, g->ops->spec_of(g, row, col), "", 0);
}

bool grid_cell_changed(const cell_grid *g)
{
	char now[CELL_TEXT_BYTES];
	g->ops->value_text(g, g->row, g->col, now, sizeof now);
	return strcmp(now, g->seen) != 0;
}

/* Keys while a cell is being edited. */
static key_result edit_key(cell_grid *g, app *a, int key)
{
	key_result r = result(RES_NONE);
	if (key == KEY_ESC) {
		cell_edit_cancel(&g->edit);
	} else if (key == '\n' || key == KEY_FN(KEY_ENTER)) {
		g->ops->commit(g, a);
	} else if (key == '\t' || key == KEY_FN(KEY_UP) || key == KEY_FN(KEY_DOWN)) {
		/* Confirm, then move on as the key says. */
		if (g->ops->commit(g, a))
			grid_key(g, a, key == '\t' ? ACT_CELL_NEXT
				       : key == KEY_FN(KEY_UP) ? ACT_UP : ACT_DOWN,
				 0, &r);
	} else {
		cell_edit_key(&g->edit, key);
	}
	return result(RES_NONE);
}

bool grid_key(cell_grid *g, app *a, int action, int key, key_result *out)
{
	*out = result(RES_NONE);
	if (g->edit.editing) {
		if (action == ACT_QUIT)
			return false;
		*out = edit_key(g, a, key);
		return true;
	}
	g->edit.error = MSG__COUNT;
	if (g->n_rows == 0)
		return false;
	switch (action) {
	case ACT_UP:
		grid_focus_row(g, g->row - 1, -1);
		return true;
	case ACT_DOWN:
		grid_focus_row(g, g->row + 1, 1);
		return true;
	case ACT_FIRST:
		grid_focus_row(g, 0, 1);
		return true;
	case ACT_LAST:
		grid_focus_row(g, g->n_rows - 1, -1);
		return true;
	case ACT_CELL_NEXT:
		if (g->col + 1 < g->ops->fields_of(g, g->row)) {
			g->col++;
		} else {
			int before = g->row;
			g->want_col = 0;
			grid_focus_row(g, g->row + 1, 1);
			if (g->row != before)
				g->col = 0;
		}
		g->want_col = g->col;
		return true;
	case ACT_CELL_PREV:
		if (g->col > 0)
			g->col--;
		g->want_col = g->col;
		return true;
	case ACT_CELL_EDIT:
		if (g->ops->spec_of(g, g->row, g->col)->type != CELL_NONE)
			begin(g, 0);
		return true;
	}
	/* Typing over a numeric cell starts editing it with what was typed:
	 * a sign or a letter too, so the value is refused as the field
	 * refuses it when typed after Enter, never silently cut short. */
	if (action == ACT_NONE && grid_numeric(g, g->row, g->col) &&
	    key > 0x20 && key < 0x110000 && key != 127) {
		begin(g, key);
		return true;
	}
	return false;
}

void grid_draw_cell(cell_grid *g, int row, int col, int y, int x, int w,
		    app *a)
{
	char buf[CELL_TEXT_BYTES];
	g->ops->value_text(g, row, col, buf, sizeof buf);
	cell_draw(&g->edit, g->ops->spec_of(g, row, col), buf, y, x, w,
		  row == g->row && col == g->col, a);
}

void grid_draw_hint(const cell_grid *g, int y, int x, int w)
{
	cell_edit_hint(&g->edit, y, x, w);
}
