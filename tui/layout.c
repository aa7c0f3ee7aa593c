#include "config.h"

#include "tui/layout.h"

frame_layout layout_frame(int rows, int cols)
{
	frame_layout f = {0};
	if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS) {
		f.too_small = true;
		f.body = (rect){0, 0, rows > 0 ? rows : 0, cols > 0 ? cols : 0};
		return f;
	}
	f.title = (rect){0, 0, 1, cols};
	f.top_rule = (rect){1, 0, 1, cols};
	f.body = (rect){2, 0, rows - 4, cols};
	f.bottom_rule = (rect){rows - 2, 0, 1, cols};
	f.status = (rect){rows - 1, 0, 1, cols};
	return f;
}

bool layout_columns(int width, int n, const int *min, const int *weight,
		    int *out)
{
	int need = n > 0 ? n - 1 : 0, total_weight = 0, last_flex = -1;
	int spare, given = 0;

	for (int i = 0; i < n; i++) {
		need += min[i];
		total_weight += weight[i];
		if (weight[i] > 0)
			last_flex = i;
	}
	if (need > width)
		return false;
	spare = width - need;
	for (int i = 0; i < n; i++) {
		out[i] = min[i];
		if (weight[i] > 0 && i != last_flex) {
			int extra = spare * weight[i] / total_weight;
			out[i] += extra;
			given += extra;
		}
	}
	if (last_flex >= 0)
		out[last_flex] += spare - given;
	return true;
}

int layout_scroll(int top, int cursor, int count, int height)
{
	if (height <= 0 || count <= 0)
		return 0;
	if (cursor < top)
		top = cursor;
	if (cursor >= top + height)
		top = cursor - height + 1;
	if (top > count - height)
		top = count - height;
	if (top < 0)
		top = 0;
	return top;
}

void layout_share(int room, int n, const int *need, int *out)
{
	int left = room > 0 ? room : 0, pending = 0;

	for (int i = 0; i < n; i++) {
		out[i] = 0;
		if (need[i] > 0)
			pending++;
	}
	while (pending > 0) {
		int share = left / pending;
		bool settled = false;
		if (share == 0)
			break;
		/* Blocks that need no more than a share are settled first,
		 * which raises the share of the others. */
		for (int i = 0; i < n; i++)
			if (out[i] == 0 && need[i] > 0 && need[i] <= share) {
				out[i] = need[i];
				left -= need[i];
				pending--;
				settled = true;
			}
		if (settled)
			continue;
		for (int i = 0; i < n; i++)
			if (out[i] == 0 && need[i] > 0) {
				out[i] = share;
				left -= share;
			}
		break;
	}
	/* The odd rows (or, with less room than blocks, one row each). */
	for (int i = 0; i < n && left > 0; i++)
		if (out[i] < need[i]) {
			out[i]++;
			left--;
		}
}

int layout_keep(int cursor, int count, size_t at)
{
	if (at < (size_t)(count > 0 ? count : 0))
		cursor = (int)at;
	if (cursor >= count)
		cursor = count - 1;
	return cursor < 0 ? 0 : cursor;
}
