#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/textedit.h"

static bool reserve(textedit *t, size_t need)
{
	char *nb;
	size_t ncap;
	if (need + 1 <= t->cap)
		return true;
	ncap = t->cap ? t->cap : 32;
	while (ncap < need + 1)
		ncap *= 2;
	nb = realloc(t->buf, ncap);
	if (!nb)
		return false;
	t->buf = nb;
	t->cap = ncap;
	return true;
}

bool te_init(textedit *t, const char *initial, bool multiline,
	     size_t max_chars)
{
	memset(t, 0, sizeof *t);
	t->multiline = multiline;
	t->max_chars = max_chars;
	return te_set(t, initial ? initial : "");
}

void te_free(textedit *t)
{
	free(t->buf);
	free(t->orig);
	free(t->loaded);
	memset(t, 0, sizeof *t);
}

bool te_set(textedit *t, const char *text)
{
	/* Text from the database may hold what typing cannot: clean it. */
	char *clean = text_sanitize(text, t->multiline);
	char *orig = strdup(text);
	size_t n = clean ? strlen(clean) : 0;

	if (!clean || !orig || !reserve(t, n)) {
		free(clean);
		free(orig);
		return false;
	}
	memcpy(t->buf, clean, n + 1);
	free(t->orig);
	free(t->loaded);
	t->orig = orig;
	t->loaded = clean;
	t->len = n;
	t->cur = n;
	t->chars = text_length(clean);
	t->full = false;
	return true;
}

char *te_value(const textedit *t)
{
	char *v;

	if (t->orig && t->loaded && strcmp(t->buf, t->loaded) == 0)
		return strdup(t->orig);
	v = strdup(t->buf);
	return v ? text_trim(v) : NULL;
}

bool te_value_into(const textedit *t, char *out, size_t len)
{
	char *v = te_value(t);
	bool fits = v && strlen(v) < len;

	if (len > 0)
		snprintf(out, len, "%s", fits ? v : "");
	free(v);
	return fits;
}

bool te_insert(textedit *t, uint32_t cp)
{
	char enc[4];
	size_t n;

	if (text_cp_refused(cp, t->multiline))
		return false;
	if (cp < 0x80) {
		enc[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		enc[0] = (char)(0xC0 | (cp >> 6));
		enc[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		enc[0] = (char)(0xE0 | (cp >> 12));
		enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		enc[0] = (char)(0xF0 | (cp >> 18));
		enc[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	if (t->chars >= t->max_chars) {
		t->full = true;
		return false;
	}
	if (!reserve(t, t->len + n))
		return false;
	memmove(t->buf + t->cur + n, t->buf + t->cur, t->len - t->cur + 1);
	memcpy(t->buf + t->cur, enc, n);
	t->len += n;
	t->cur += n;
	t->chars++;
	t->full = false;
	return true;
}

/* Offset of the character before pos. */
static size_t prev_char(const textedit *t, size_t pos)
{
	if (pos == 0)
		return 0;
	pos--;
	while (pos > 0 && ((unsigned char)t->buf[pos] & 0xC0) == 0x80)
		pos--;
	return pos;
}

static size_t next_char(const textedit *t, size_t pos)
{
	uint32_t cp;
	if (pos >= t->len)
		return t->len;
	return pos + text_decode(t->buf + pos, t->len - pos, &cp);
}

void te_clear(textedit *t)
{
	t->buf[0] = '\0';
	t->len = t->cur = t->chars = 0;
	t->full = false;
}

bool te_backspace(textedit *t)
{
	size_t p;
	if (t->cur == 0)
		return false;
	p = prev_char(t, t->cur);
	memmove(t->buf + p, t->buf + t->cur, t->len - t->cur + 1);
	t->len -= t->cur - p;
	t->cur = p;
	t->chars--;
	t->full = false;
	return true;
}

bool te_delete(textedit *t)
{
	size_t n;
	if (t->cur >= t->len)
		return false;
	n = next_char(t, t->cur);
	memmove(t->buf + t->cur, t->buf + n, t->len - n + 1);
	t->len -= n - t->cur;
	t->chars--;
	t->full = false;
	return true;
}

void te_left(textedit *t) { t->cur = prev_char(t, t->cur); }

void te_right(textedit *t) { t->cur = next_char(t, t->cur); }

void te_home(textedit *t)
{
	while (t->cur > 0 && t->buf[t->cur - 1] != '\n')
		t->cur = prev_char(t, t->cur);
}

void te_end(textedit *t)
{
	while (t->cur < t->len && t->buf[t->cur] != '\n')
		t->cur = next_char(t, t->cur);
}

size_t te_wrap(const textedit *t, int width, size_t *starts, size_t max)
{
	size_t n = 0, pos = 0;
	int used = 0;

	if (width < 1)
		width = 1;
	if (max > 0)
		starts[0] = 0;
	n = 1;
	while (pos < t->len) {
		uint32_t cp;
		size_t len = text_decode(t->buf + pos, t->len - pos, &cp);
		int w = text_cp_width(cp);
		if (cp == '\n') {
			pos += len;
			if (n < max)
				starts[n] = pos;
			n++;
			used = 0;
			continue;
		}
		if (used + w > width && used > 0) {
			if (n < max)
				starts[n] = pos;
			n++;
			used = 0;
		}
		used += w;
		pos += len;
	}
	return n;
}

/* Width in columns of buf[from, to). */
static int span_width(const textedit *t, size_t from, size_t to)
{
	int w = 0;
	while (from < to) {
		uint32_t cp;
		size_t len = text_decode(t->buf + from, to - from, &cp);
		if (cp != '\n')
			w += text_cp_width(cp);
		from += len;
	}
	return w;
}

/* Visual line starts, allocated; *count gets the number of lines. */
static size_t *wrap_all(const textedit *t, int width, size_t *count)
{
	size_t n = te_wrap(t, width, NULL, 0);
	size_t *starts = malloc(n * sizeof *starts);
	if (!starts)
		return NULL;
	te_wrap(t, width, starts, n);
	*count = n;
	return starts;
}

static size_t line_of(const size_t *starts, size_t n, size_t cur)
{
	size_t row = 0;
	for (size_t i = 0; i < n; i++)
		if (starts[i] <= cur)
			row = i;
	return row;
}

void te_cursor_xy(const textedit *t, int width, int *row, int *col)
{
	size_t n = 0, r;
	size_t *starts = wrap_all(t, width, &n);
	if (!starts) {
		*row = *col = 0;
		return;
	}
	r = line_of(starts, n, t->cur);
	*row = (int)r;
	*col = span_width(t, starts[r], t->cur);
	free(starts);
}

/* Moves to visual line `row`, as close to column col as the line allows. */
static void goto_row_col(textedit *t, const size_t *starts, size_t n,
			 size_t row, int col)
{
	size_t pos = starts[row];
	size_t end = row + 1 < n ? starts[row + 1] : t->len;
	int used = 0;
	while (pos < end) {
		uint32_t cp;
		size_t len = text_decode(t->buf + pos, t->len - pos, &cp);
		int w = text_cp_width(cp);
		if (cp == '\n' || used + w > col)
			break;
		used += w;
		pos += len;
	}
	/* A soft-wrapped line ends where the next starts: stay before it. */
	if (pos == end && row + 1 < n && pos > starts[row] &&
	    t->buf[pos - 1] != '\n')
		pos = prev_char(t, pos);
	t->cur = pos;
}

static bool move_rows(textedit *t, int width, int delta)
{
	size_t n = 0, r;
	int col;
	size_t *starts = wrap_all(t, width, &n);
	bool moved = false;
	if (!starts)
		return false;
	r = line_of(starts, n, t->cur);
	col = span_width(t, starts[r], t->cur);
	if ((delta < 0 && r > 0) || (delta > 0 && r + 1 < n)) {
		goto_row_col(t, starts, n, delta < 0 ? r - 1 : r + 1, col);
		moved = true;
	}
	free(starts);
	return moved;
}

bool te_up(textedit *t, int width) { return move_rows(t, width, -1); }

bool te_down(textedit *t, int width) { return move_rows(t, width, 1); }

int te_scroll(const textedit *t, int scroll, int width)
{
	int col = span_width(t, 0, t->cur), skipped = 0;
	size_t pos = 0;

	if (width < 1)
		width = 1;
	if (scroll > col)
		scroll = col;
	if (col - scroll > width - 1)
		scroll = col - (width - 1);
	if (scroll < 0)
		scroll = 0;
	/* A wide character cut by the left edge is skipped whole. */
	while (pos < t->len && skipped < scroll) {
		uint32_t cp;
		size_t len = text_decode(t->buf + pos, t->len - pos, &cp);
		skipped += text_cp_width(cp);
		pos += len;
	}
	return skipped;
}
