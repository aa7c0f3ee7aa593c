#include "config.h"

#include <limits.h>

#include <curses.h>

#include "tui/keymap.h"

static const keybinding common_keys[] = {
	{{'?', 0}, "?", NO_LABEL, HK_HELP, ACT_HELP, true},
	{{'q', KEY_ESC, 0}, "q Esc", NO_LABEL, HK_BACK, ACT_BACK, true},
	{{KEY_CTRL('c'), 0}, "Ctrl-C", NO_LABEL, HK_QUIT, ACT_QUIT, false},
	{{KEY_CTRL('l'), 0}, "Ctrl-L", NO_LABEL, HK_REDRAW, ACT_REDRAW, false},
};

int keymap_lookup(keytable t, int key)
{
	for (size_t i = 0; i < t.n; i++)
		for (int k = 0; k < KEYS_PER_BINDING && t.v[i].keys[k]; k++)
			if (t.v[i].keys[k] == key)
				return t.v[i].action;
	return ACT_NONE;
}

const char *keymap_label(const keybinding *b)
{
	return b->label ? b->label : msg(b->label_id);
}

const char *keymap_shown_label(const keybinding *b, bool first)
{
	return first && b->action == ACT_BACK ? "q" : keymap_label(b);
}

msg_id keymap_shown_help(const keybinding *b, bool first)
{
	return first && b->action == ACT_BACK ? HK_QUIT : b->help;
}

keytable keymap_common(void)
{
	return KEYTABLE(common_keys);
}

bool keymap_move(int action, int *cursor, int count)
{
	switch (action) {
	case ACT_UP:
		if (*cursor > 0)
			(*cursor)--;
		return true;
	case ACT_DOWN:
		if (*cursor + 1 < count)
			(*cursor)++;
		return true;
	case ACT_FIRST:
		*cursor = 0;
		return true;
	case ACT_LAST:
		*cursor = count > 0 ? count - 1 : 0;
		return true;
	}
	return false;
}

bool keymap_scroll(int action, int *top, int end)
{
	if (action != ACT_LAST)
		return keymap_move(action, top, INT_MAX);
	*top = end;
	return true;
}
