/* Drawing helpers: colour roles and text placed by display columns. Text
 * from users is cleaned before it reaches the terminal. */
#ifndef MOAT_DRAW_H
#define MOAT_DRAW_H

#include <curses.h>
#include <stdbool.h>

#include "model/checklist.h"
#include "model/scoring.h"
#include "tui/layout.h"

#define ROLE_LIST(X)                                                         \
	X(ROLE_NORMAL, -1, -1, A_NORMAL)                                     \
	X(ROLE_TITLE, COLOR_BLACK, COLOR_CYAN, A_BOLD)                       \
	X(ROLE_RULE, COLOR_CYAN, -1, A_DIM)                                  \
	X(ROLE_SELECTED, COLOR_BLACK, COLOR_WHITE, A_REVERSE)                \
	X(ROLE_HEADING, -1, -1, A_BOLD)                                      \
	X(ROLE_DIM, -1, -1, A_DIM)                                           \
	X(ROLE_OK, COLOR_GREEN, -1, A_BOLD)                                  \
	X(ROLE_WARN, COLOR_YELLOW, -1, A_BOLD)                               \
	X(ROLE_BAD, COLOR_RED, -1, A_BOLD)                                   \
	X(ROLE_KEY, COLOR_CYAN, -1, A_BOLD)                                  \
	X(ROLE_FIELD, -1, -1, A_UNDERLINE)                                   \
	X(ROLE_HEAT_NONE, -1, -1, A_DIM)                                     \
	X(ROLE_HEAT_LOW, COLOR_BLACK, COLOR_GREEN, A_NORMAL)                 \
	X(ROLE_HEAT_MEDIUM, COLOR_BLACK, COLOR_YELLOW, A_NORMAL)             \
	X(ROLE_HEAT_HIGH, COLOR_WHITE, COLOR_RED, A_BOLD)                    \
	X(ROLE_HEAT_EXTREME, COLOR_YELLOW, COLOR_RED, A_BOLD | A_REVERSE)

typedef enum {
#define X(role, fg, bg, mono) role,
	ROLE_LIST(X)
#undef X
	ROLE__COUNT
} draw_role;

/* Sets up colour pairs, or monochrome attributes when NO_COLOR is set and
 * non-empty or the terminal has no colour. */
void draw_init_colors(void);

/* The attributes of a role. */
attr_t draw_attr(draw_role role);

/* Writes text at (y, x) within w columns, cleaned of control characters
 * and cut at a character boundary with "…" when too long. Returns the
 * columns written. */
int draw_text(int y, int x, int w, draw_role role, const char *text);

/* Like draw_text, formatted. */
int draw_textf(int y, int x, int w, draw_role role, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Writes text right-aligned so it ends at column x + w. */
void draw_text_right(int y, int x, int w, draw_role role, const char *text);

/* Fills a row segment with spaces in a role (for bars and selections). */
void draw_fill(int y, int x, int w, draw_role role);

/* Starts row y of a list across r: when sel, filled as selected with the
 * cursor mark ">" at its left. Returns the role of the row's text. */
draw_role draw_row_start(int y, rect r, bool sel);

/* A horizontal rule. */
void draw_rule(int y, int x, int w);

/* Text wrapped by text_wrap into rect r, its first line at row offset
 * row of r (a negative row scrolls it up). Lines outside r are not drawn;
 * when the text goes on past r's last row, that row ends with "…".
 * Returns the rows the whole text takes. */
int draw_paragraph(rect r, int row, draw_role role, const char *text);

/* A bulleted paragraph: "•" at the left of r, text wrapped beside it,
 * from row offset row. When the text, or with more_follows what comes
 * after it, goes on past r's last row, that row ends with "…". Returns
 * the rows the text takes. */
int draw_bullet(rect r, int row, draw_role role, const char *text,
		bool more_follows);

/* The rows draw_paragraph takes for text in w columns. */
int draw_paragraph_rows(const char *text, int w);

/* The glyph and role of a checklist state (● ◐ ○). */
const char *draw_state_glyph(item_state s);
draw_role draw_state_role(item_state s);

/* A progress bar of w cells, done/total filled. */
void draw_bar(int y, int x, int w, size_t done, size_t total);

/* A centred box with a border; returns its inner rect. */
rect draw_box(int h, int w, const char *title);

#endif
