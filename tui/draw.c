#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "model/explain.h"
#include "model/msg.h"
#include "model/text.h"
#include "tui/draw.h"

static attr_t role_attrs[ROLE__COUNT];

void draw_init_colors(void)
{
	const char *nc = getenv("NO_COLOR");
	bool color = has_colors() && !(nc && *nc);
	static const struct {
		short fg, bg;
		attr_t mono;
	} roles[] = {
#define X(role, fg, bg, mono) {fg, bg, mono},
		ROLE_LIST(X)
#undef X
	};

	if (color) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < ROLE__COUNT; r++) {
		if (!color || (roles[r].fg < 0 && roles[r].bg < 0)) {
			role_attrs[r] = roles[r].mono;
			continue;
		}
		init_pair((short)(r + 1), roles[r].fg, roles[r].bg);
		role_attrs[r] = COLOR_PAIR(r + 1) |
				(roles[r].mono & (A_BOLD | A_UNDERLINE));
	}
}

attr_t draw_attr(draw_role role)
{
	return role_attrs[role];
}

int draw_text(int y, int x, int w, draw_role role, const char *text)
{
	char *clean, *fit;
	size_t cap;
	int used;

	if (w <= 0 || !text)
		return 0;
	clean = text_sanitize(text, false);
	if (!clean)
		return 0;
	cap = strlen(clean) + 4;
	fit = malloc(cap);
	if (!fit) {
		free(clean);
		return 0;
	}
	used = text_fit(clean, w, true, fit, cap);
	attrset(role_attrs[role]);
	mvaddstr(y, x, fit);
	attrset(A_NORMAL);
	free(fit);
	free(clean);
	return used;
}

int draw_textf(int y, int x, int w, draw_role role, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return draw_text(y, x, w, role, buf);
}

void draw_text_right(int y, int x, int w, draw_role role, const char *text)
{
	int tw = text_width(text);
	if (tw > w)
		tw = w;
	draw_text(y, x + w - tw, tw, role, text);
}

void draw_fill(int y, int x, int w, draw_role role)
{
	attrset(role_attrs[role]);
	for (int i = 0; i < w; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

void draw_rule(int y, int x, int w)
{
	attrset(role_attrs[ROLE_RULE]);
	mvhline(y, x, ACS_HLINE, w);
	attrset(A_NORMAL);
}

/* Draws s[0..len) at (y, x) within w columns; when more follows, the
 * line ends with "…". */
static void draw_line(int y, int x, int w, draw_role role, const char *s,
		      size_t len, bool more)
{
	char *line = malloc(len + 4);

	if (!line)
		return;
	if (more) {
		text_fit_more(s, len, w, line, len + 4);
	} else {
		memcpy(line, s, len);
		line[len] = '\0';
	}
	draw_text(y, x, w, role, line);
	free(line);
}

/* draw_paragraph, and with more_follows the last row of r ends with "…"
 * also when this text ends there. */
static int paragraph(rect r, int row, draw_role role, const char *text,
		     bool more_follows)
{
	char *clean = text_sanitize(text, true);
	text_line *lines;
	size_t n = 0;

	if (!clean)
		return 0;
	if (!text_wrap(clean, r.w, NULL, 0, &n) ||
	    !(lines = calloc(n ? n : 1, sizeof *lines)) ||
	    !text_wrap(clean, r.w, lines, n, &n)) {
		free(clean);
		return 0;
	}
	for (int i = 0; i < (int)n; i++) {
		int at = row + i;
		if (at < 0 || at >= r.h)
			continue;
		/* The last row of the rect tells that the text goes on. */
		draw_line(r.y + at, r.x, r.w, role, clean + lines[i].off,
			  lines[i].len,
			  at == r.h - 1 && (i + 1 < (int)n || more_follows));
	}
	free(lines);
	free(clean);
	return (int)n;
}

int draw_paragraph(rect r, int row, draw_role role, const char *text)
{
	return paragraph(r, row, role, text, false);
}

int draw_bullet(rect r, int row, draw_role role, const char *text,
		bool more_follows)
{
	if (row >= 0 && row < r.h)
		draw_text(r.y + row, r.x, 2, role, "•");
	return paragraph((rect){r.y, r.x + 2, r.h, r.w - 2}, row, role, text,
			 more_follows);
}

int draw_paragraph_rows(const char *text, int w)
{
	char *clean = text_sanitize(text, true);
	size_t n = 0;

	if (clean && !text_wrap(clean, w, NULL, 0, &n))
		n = 0;
	free(clean);
	return (int)n;
}

const char *draw_state_glyph(item_state s)
{
	switch (s) {
	case ITEM_DONE: return "●";
	case ITEM_IN_PROGRESS: return "◐";
	case ITEM_NOT_STARTED: break;
	}
	return "○";
}

draw_role draw_state_role(item_state s)
{
	switch (s) {
	case ITEM_DONE: return ROLE_OK;
	case ITEM_IN_PROGRESS: return ROLE_WARN;
	case ITEM_NOT_STARTED: break;
	}
	return ROLE_DIM;
}

void draw_bar(int y, int x, int w, size_t done, size_t total)
{
	int filled = total ? (int)((done * (size_t)w + total / 2) / total) : 0;
	attrset(role_attrs[ROLE_OK]);
	for (int i = 0; i < filled; i++)
		mvaddstr(y, x + i, "█");
	attrset(role_attrs[ROLE_DIM]);
	for (int i = filled; i < w; i++)
		mvaddstr(y, x + i, "░");
	attrset(A_NORMAL);
}

/* Is column x of row y the right half of a double-width character? Read
 * from the row's start: curses reports both halves as the character. */
static bool right_half(int y, int x)
{
	int c = 0;
	while (c < x) {
		cchar_t cell;
		wchar_t wch[CCHARW_MAX + 1] = {0};
		attr_t attrs;
		short pair;
		if (mvin_wch(y, c, &cell) == ERR ||
		    getcchar(&cell, wch, &attrs, &pair, NULL) == ERR)
			return false;
		c += wcwidth(wch[0]) == 2 ? 2 : 1;
	}
	return c > x;
}

rect draw_box(int h, int w, const char *title)
{
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	if (y < 0)
		y = 0;
	if (x < 0)
		x = 0;
	/* A double-width character cut by the border goes: its other half
	 * would push the border aside on the terminal. */
	for (int r = 0; r < h; r++) {
		if (x > 0 && right_half(y + r, x))
			mvaddch(y + r, x - 1, ' ');
		if (x + w < COLS && right_half(y + r, x + w))
			mvaddch(y + r, x + w, ' ');
	}
	for (int r = 0; r < h; r++)
		draw_fill(y + r, x, w, ROLE_NORMAL);
	attrset(role_attrs[ROLE_KEY]);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title)
		draw_textf(y, x + 2, w - 4, ROLE_HEADING, " %s ", title);
	return (rect){y + 1, x + 2, h - 2, w - 4};
}

draw_role draw_row_start(int y, rect r, bool sel)
{
	if (!sel)
		return ROLE_NORMAL;
	draw_fill(y, r.x, r.w, ROLE_SELECTED);
	draw_text(y, r.x, 1, ROLE_SELECTED, ">");
	return ROLE_SELECTED;
}
