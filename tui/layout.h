/* Screen geometry as pure functions of rows x columns, tested without a
 * terminal. */
#ifndef MOAT_LAYOUT_H
#define MOAT_LAYOUT_H

#include <stddef.h>

#include <stdbool.h>

#define LAYOUT_MIN_COLS 70
#define LAYOUT_MIN_ROWS 20

typedef struct {
	int y, x, h, w;
} rect;

/* The frame every screen shares: a title bar, a rule, the body, a rule
 * and one status/key line. too_small is set below the minimum size, and
 * then only the body (the whole terminal) is meaningful. */
typedef struct {
	bool too_small;
	rect title, top_rule, body, bottom_rule, status;
} frame_layout;

frame_layout layout_frame(int rows, int cols);

/* Splits width among n columns: each gets min[i], then what is left goes
 * to the columns with a non-zero weight, in proportion (the last flexible
 * column takes the rounding). Gaps of one column separate them. Returns
 * false when even the minimums do not fit. */
bool layout_columns(int width, int n, const int *min, const int *weight,
		    int *out);

/* Shares room rows among n blocks that need need[i] rows each: every
 * block gets what it needs when all fit; otherwise a block needing less
 * than an equal share keeps what it needs and the others split the rest
 * equally (earlier blocks take the odd rows). Each block that needs rows
 * gets at least one while room lasts, in order. The shares never add up
 * to more than room. */
void layout_share(int room, int n, const int *need, int *out);

/* The cursor of a list of count rows that keeps its selection across
 * reloads: on row at when the selection is still there (at < count),
 * else where it was, within 0..count-1 (0 for an empty list). */
int layout_keep(int cursor, int count, size_t at);

/* First row to show so that row `cursor` of `count` is visible in a
 * window of `height` rows that showed from `top` before. */
int layout_scroll(int top, int cursor, int count, int height);

#endif
