#include "config.h"

#include <stdlib.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/screens.h"

/* Lists the key table of the screen below it; any key closes it. */
typedef struct {
	screen base;
	const screen *below;
} help_screen;

/* The bindings the overlay lists: the screen's, then the common ones
 * (which a text-entry screen does not take). */
static size_t binding_count(const help_screen *h)
{
	return h->below->ops->keys.n +
	       (h->below->ops->text_entry ? 0 : keymap_common().n);
}

static const keybinding *binding(const help_screen *h, size_t i)
{
	keytable own = h->below->ops->keys;
	return i < own.n ? &own.v[i] : &keymap_common().v[i - own.n];
}

/* Rows the help of binding i takes in a column of text width tw. */
static int help_rows(const help_screen *h, size_t i, bool first, int tw)
{
	int rows = draw_paragraph_rows(msg(keymap_shown_help(binding(h, i), first)),
				       tw);
	return rows > 0 ? rows : 1;
}

static void help_draw(screen *s, app *a, rect body)
{
	help_screen *h = (help_screen *)s;
	size_t n = binding_count(h), split = n;
	/* The screen below is the first one: q leaves moat from there. */
	bool first = a->depth > 0 && a->stack[0] == h->below;
	int keyw = 0, cols, w, colw, tw, total = 0, rows[2] = {0, 0}, hgt;
	char title[128];
	rect in;

	for (size_t i = 0; i < n; i++) {
		int kw = text_width(keymap_shown_label(binding(h, i), first));
		if (kw > keyw)
			keyw = kw;
	}
	/* Two columns when one does not fit the body: the box keeps the
	 * border, a blank row and the closing hint. A help text wraps in
	 * its column rather than being cut. */
	cols = (int)n + 4 > body.h ? 2 : 1;
	w = cols == 1 ? (body.w - 8 < 64 ? body.w - 8 : 64) : body.w - 4;
	colw = cols == 1 ? w - 4 : (w - 4 - 2) / 2;
	tw = colw - keyw - 2;
	for (size_t i = 0; i < n; i++)
		total += help_rows(h, i, first, tw);
	/* The first column takes bindings up to half of the rows. */
	for (size_t i = 0; i < n; i++) {
		int r = help_rows(h, i, first, tw);
		if (cols == 2 && split == n && i > 0 &&
		    rows[0] + r > (total + 1) / 2)
			split = i;
		rows[split == n ? 0 : 1] += r;
	}
	hgt = (rows[0] > rows[1] ? rows[0] : rows[1]) + 4;
	if (hgt > body.h)
		hgt = body.h;
	snprintf(title, sizeof title, msg(HELP_TITLE_FMT),
		 msg(h->below->ops->title));
	in = draw_box(hgt, w, title);
	for (int col = 0, y = 0; col < cols; col++, y = 0) {
		size_t from = col == 0 ? 0 : split, to = col == 0 ? split : n;
		int x = in.x + col * (colw + 2);
		for (size_t i = from; i < to; i++) {
			const keybinding *b = binding(h, i);
			int r = help_rows(h, i, first, tw);
			/* A column cut short by the window says so on its
			 * last row. */
			if (y + r > in.h - 2) {
				if (y < in.h - 2)
					draw_text(in.y + y, x, colw, ROLE_DIM, "…");
				break;
			}
			draw_text(in.y + y, x, keyw, ROLE_KEY,
				  keymap_shown_label(b, first));
			draw_paragraph((rect){in.y + y, x + keyw + 2, r, tw}, 0,
				       ROLE_NORMAL, msg(keymap_shown_help(b, first)));
			y += r;
		}
	}
	draw_text(in.y + in.h - 1, in.x, in.w, ROLE_DIM, msg(HELP_CLOSE));
}

static key_result help_key(screen *s, app *a, int action, int key)
{
	(void)s, (void)a, (void)action, (void)key;
	return result(RES_POP);
}

static void help_destroy(screen *s) { free(s); }

static const screen_ops help_ops = {
	.title = HELP_CLOSE,
	.keys = {NULL, 0},
	.text_entry = true, /* every key, even q, just closes */
	.modal = true,
	.draw = help_draw,
	.handle_key = help_key,
	.destroy = help_destroy,
};

screen *screen_help_new(const screen *below)
{
	help_screen *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->base.ops = &help_ops;
	h->below = below;
	return &h->base;
}
