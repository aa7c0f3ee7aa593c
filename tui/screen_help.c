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

static int row_count(const help_screen *h)
{
	return (int)(h->below->ops->keys.n + keymap_common().n);
}

static void help_draw(screen *s, app *a, rect body)
{
	help_screen *h = (help_screen *)s;
	keytable tables[2] = {h->below->ops->keys, keymap_common()};
	/* The screen below is the first one: q leaves moat from there. */
	bool first = a->depth > 0 && a->stack[0] == h->below;
	int w = body.w - 8 < 64 ? body.w - 8 : 64;
	int hgt = row_count(h) + 4;
	char title[128];
	rect in;
	int y = 0, keyw = 0;

	if (hgt > body.h)
		hgt = body.h;
	snprintf(title, sizeof title, msg(HELP_TITLE_FMT),
		 msg(h->below->ops->title));
	in = draw_box(hgt, w, title);
	for (int t = 0; t < 2; t++)
		for (size_t i = 0; i < tables[t].n; i++) {
			int kw = text_width(keymap_shown_label(&tables[t].v[i], first));
			if (kw > keyw)
				keyw = kw;
		}
	for (int t = 0; t < 2; t++) {
		if (t == 1 && h->below->ops->text_entry)
			break;
		for (size_t i = 0; i < tables[t].n && y < in.h - 1; i++, y++) {
			const keybinding *b = &tables[t].v[i];
			draw_text(in.y + y, in.x, keyw, ROLE_KEY,
				  keymap_shown_label(b, first));
			draw_text(in.y + y, in.x + keyw + 2, in.w - keyw - 2,
				  ROLE_NORMAL, msg(keymap_shown_help(b, first)));
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
