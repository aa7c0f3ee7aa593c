#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/cell_edit.h"
#include "tui/form.h"

void cell_edit_init(cell_edit *c)
{
	memset(c, 0, sizeof *c);
	c->error = c->note = MSG__COUNT;
}

void cell_edit_free(cell_edit *c)
{
	if (c->editing)
		te_free(&c->te);
	c->editing = false;
}

bool cell_edit_begin(cell_edit *c, const cell_spec *spec, const char *initial,
		     int first_key)
{
	bool text = spec->type == CELL_TEXT;

	cell_edit_free(c);
	c->label = text ? FIELD_NAME : FIELD_NUMBER;
	if (!te_init(&c->te, first_key > 0x20 ? "" : initial, false,
		     text ? (size_t)spec->max : CELL_NUMBER_CHARS))
		return false;
	if (first_key > 0x20)
		te_insert(&c->te, (uint32_t)first_key);
	c->editing = true;
	c->error = c->note = MSG__COUNT;
	c->scroll = 0;
	c->spec = *spec;
	return true;
}

void cell_edit_cancel(cell_edit *c)
{
	cell_edit_free(c);
	c->error = c->note = MSG__COUNT;
}

bool cell_edit_key(cell_edit *c, int key)
{
	if (!c->editing)
		return false;
	if (form_edit_key(&c->te, key, 1 << 20)) {
		c->error = MSG__COUNT;
		return true;
	}
	return false;
}

static msg_id num_message(num_error e)
{
	switch (e) {
	case NUM_OK: break;
	case NUM_EMPTY: return CELL_ERR_EMPTY;
	case NUM_NOT_A_NUMBER: return CELL_ERR_NOT_NUMBER;
	case NUM_TOO_MANY_DECIMALS: return CELL_ERR_DECIMALS;
	case NUM_NEGATIVE: return CELL_ERR_NEGATIVE;
	case NUM_TOO_LARGE: return CELL_ERR_TOO_LARGE;
	}
	return MSG__COUNT;
}

void cell_edit_hint(const cell_edit *c, int y, int x, int w)
{
	char limit[160];

	if (c->error == CELL_ERR_TOO_LARGE || c->error == CELL_ERR_RANGE) {
		/* Says the limits, in the cell's own unit. */
		char lo[48], hi[48];
		cell_format(&c->spec, c->spec.type == CELL_INT ? c->spec.min : 0,
			    lo, sizeof lo);
		cell_format(&c->spec, c->spec.max, hi, sizeof hi);
		if (c->error == CELL_ERR_TOO_LARGE)
			draw_textf(y, x, w, ROLE_BAD, msg(CELL_ERR_TOO_LARGE_FMT), hi);
		else
			draw_textf(y, x, w, ROLE_BAD, msg(CELL_ERR_RANGE_FMT), lo, hi);
	} else if (c->error != MSG__COUNT) {
		draw_text(y, x, w, ROLE_BAD, msg(c->error));
	} else if (c->editing && c->te.full) {
		msg_limit(c->label, c->te.max_chars, limit, sizeof limit);
		draw_text(y, x, w, ROLE_BAD, limit);
	} else if (c->editing && c->note != MSG__COUNT) {
		draw_text(y, x, w, ROLE_WARN, msg(c->note));
	} else if (c->editing) {
		draw_text(y, x, w, ROLE_DIM, msg(CELL_HINT));
	}
}

bool cell_parse(const cell_spec *spec, const char *text, int64_t *out,
		msg_id *why)
{
	num_error e = NUM_OK;
	switch (spec->type) {
	case CELL_NONE:
		*why = CELL_ERR_EMPTY;
		return false;
	case CELL_TEXT:
		/* Only white space is no name. */
		if (!text[strspn(text, " \t\r\n\v\f")]) {
			*why = CELL_ERR_EMPTY;
			return false;
		}
		return true;
	case CELL_MONEY:
		e = num_parse(text, 2, false, spec->max, out);
		break;
	case CELL_COUNT3:
		e = num_parse(text, 3, false, spec->max, out);
		break;
	case CELL_PERCENT:
		e = num_parse(text, 2, false, spec->max, out);
		break;
	case CELL_INT:
		e = num_parse(text, 0, spec->min < 0, spec->max, out);
		if (e == NUM_OK && *out < spec->min) {
			*why = CELL_ERR_RANGE;
			return false;
		}
		break;
	}
	*why = num_message(e);
	if (e == NUM_TOO_LARGE && spec->type != CELL_MONEY)
		*why = CELL_ERR_RANGE;
	return e == NUM_OK;
}

void cell_format(const cell_spec *spec, int64_t v, char *out, size_t outlen)
{
	switch (spec->type) {
	case CELL_TEXT:
	case CELL_NONE:
		out[0] = '\0';
		return;
	case CELL_MONEY:
	case CELL_PERCENT:
		num_format(v, 2, out, outlen);
		return;
	case CELL_COUNT3:
		num_format(v, 3, out, outlen);
		return;
	case CELL_INT:
		num_format(v, 0, out, outlen);
		return;
	}
}

void cell_draw(cell_edit *c, const cell_spec *spec, const char *text,
	       int y, int x, int w, bool focused, app *a)
{
	if (focused && c->editing) {
		/* The view stays put while the cursor moves inside it. */
		form_draw_line(&c->te, y, x, w, &c->scroll, true, a);
		return;
	}
	if (focused)
		draw_fill(y, x, w, ROLE_SELECTED);
	if (spec->type == CELL_TEXT)
		draw_text(y, x, w, focused ? ROLE_SELECTED : ROLE_NORMAL, text);
	else
		draw_text_right(y, x, w, focused ? ROLE_SELECTED : ROLE_NORMAL, text);
}
