#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unilbrk.h>

#include "model/text.h"

#define REPLACEMENT 0xFFFDu

size_t text_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t len, i;
	uint32_t min;

	if (n == 0) {
		*cp = 0;
		return 0;
	}
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		len = 2, c = s[0] & 0x1F, min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3, c = s[0] & 0x0F, min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		*cp = REPLACEMENT;
		return 1;
	}
	if (n < len) {
		*cp = REPLACEMENT;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = REPLACEMENT;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = REPLACEMENT;
		return 1;
	}
	*cp = c;
	return len;
}

bool text_valid_utf8(const char *s)
{
	size_t n = strlen(s);
	while (n > 0) {
		uint32_t cp;
		size_t len = text_decode(s, n, &cp);
		if (cp == REPLACEMENT && len == 1 &&
		    (unsigned char)s[0] >= 0x80)
			return false;
		s += len;
		n -= len;
	}
	return true;
}

size_t text_length(const char *s)
{
	size_t n = strlen(s), count = 0;

	while (n > 0) {
		uint32_t cp;
		size_t len = text_decode(s, n, &cp);
		s += len;
		n -= len;
		count++;
	}
	return count;
}

size_t text_cut_chars(char *s, size_t max)
{
	size_t at = 0, chars = 0, n = strlen(s), k;
	uint32_t cp;
	while (at < n && chars < max &&
	       (k = text_decode(s + at, n - at, &cp))) {
		at += k;
		chars++;
	}
	s[at] = '\0';
	return at;
}

bool text_within(const char *s, size_t max)
{
	return text_valid_utf8(s) && text_length(s) <= max;
}

int text_cp_width(uint32_t cp)
{
	int w;
	if (cp >= 0x20 && cp < 0x7f)
		return 1; /* printable ASCII, in every locale */
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* Display columns of s[0..len). */
static int width_of(const char *s, size_t len)
{
	int w = 0;
	while (len > 0) {
		uint32_t cp;
		size_t n = text_decode(s, len, &cp);
		w += text_cp_width(cp);
		s += n;
		len -= n;
	}
	return w;
}

int text_width(const char *s)
{
	return width_of(s, strlen(s));
}

int text_fit(const char *s, int cols, bool ellipsis, char *out, size_t outsz)
{
	size_t n = strlen(s), pos = 0;
	int used = 0;
	/* Positions after the last character that still leaves room for "…". */
	size_t keep_pos = 0;
	int keep_used = 0;

	if (outsz == 0)
		return 0;
	if (cols <= 0) {
		out[0] = '\0';
		return 0;
	}
	if (text_width(s) <= cols && n < outsz) {
		memcpy(out, s, n + 1);
		return text_width(s);
	}
	while (pos < n) {
		uint32_t cp;
		size_t len = text_decode(s + pos, n - pos, &cp);
		int w = text_cp_width(cp);
		if (used + w > cols || pos + len + 1 > outsz)
			break;
		used += w;
		pos += len;
		if (used <= cols - 1 && pos + 3 + 1 <= outsz) {
			keep_pos = pos;
			keep_used = used;
		}
	}
	/* The ellipsis needs 4 bytes with the NUL; in less, a plain cut. */
	if (ellipsis && pos < n && outsz >= 4) {
		memcpy(out, s, keep_pos);
		memcpy(out + keep_pos, "\xE2\x80\xA6", 3);
		out[keep_pos + 3] = '\0';
		return keep_used + 1;
	}
	memcpy(out, s, pos);
	out[pos] = '\0';
	return used;
}

bool text_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool text_cp_refused(uint32_t cp, bool newline_ok)
{
	if (cp == '\n')
		return !newline_ok;
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	       (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF ||
	       text_is_bidi_control(cp);
}

bool text_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

char *text_sanitize(const char *s, bool keep_newlines)
{
	size_t n = strlen(s);
	/* U+FFFD takes 3 bytes where one invalid byte stood. */
	char *out = malloc(n * 3 + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	while (n > 0) {
		uint32_t cp;
		size_t len = text_decode(s, n, &cp);
		if (cp == '\t') {
			/* A tab would move the cursor by its own rules. */
			out[o++] = ' ';
		} else if (text_cp_refused(cp, keep_newlines)) {
			/* dropped */
		} else if (cp == REPLACEMENT) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else {
			memcpy(out + o, s, len);
			o += len;
		}
		s += len;
		n -= len;
	}
	out[o] = '\0';
	return out;
}

/* The end of the line that starts at start, given the break opportunities
 * brk; *next is where the following line starts. Greedy: the last break
 * opportunity before the text overflows cols, else a cut between
 * characters. Spaces never overflow: they are left out at the break. */
static size_t line_end(const char *s, size_t n, const char *brk, size_t start,
		       int cols, size_t *next)
{
	size_t pos = start, cut = start;
	int used = 0;

	while (pos < n) {
		uint32_t cp;
		size_t len;
		int w;

		if (brk[pos] == UC_BREAK_MANDATORY || brk[pos] == UC_BREAK_CR_BEFORE_LF) {
			len = brk[pos] == UC_BREAK_CR_BEFORE_LF ? 2 : text_decode(s + pos, n - pos, &cp);
			*next = pos + len;
			return pos;
		}
		if (pos > start && brk[pos] == UC_BREAK_POSSIBLE)
			cut = pos;
		len = text_decode(s + pos, n - pos, &cp);
		w = text_cp_width(cp);
		if (cp != ' ' && used + w > cols) {
			if (cut == start)
				cut = pos > start ? pos : pos + len;
			*next = cut;
			return cut;
		}
		used += w;
		pos += len;
	}
	*next = n;
	return n;
}

bool text_wrap(const char *s, int cols, text_line *out, size_t max,
	       size_t *needed)
{
	size_t n = strlen(s), start = 0, count = 0;
	char *brk;

	*needed = 0;
	if (n == 0)
		return true;
	if (cols < 1)
		cols = 1;
	brk = malloc(n);
	if (!brk)
		return false;
	/* "UTF-8" makes characters of ambiguous width narrow, as wcwidth
	 * does in a UTF-8 locale. */
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
	while (start < n) {
		size_t next, end = line_end(s, n, brk, start, cols, &next);
		while (end > start && s[end - 1] == ' ')
			end--;
		if (count < max)
			out[count] = (text_line){start, end - start,
						 width_of(s + start, end - start)};
		count++;
		start = next;
	}
	free(brk);
	*needed = count;
	return true;
}

int text_fit_more(const char *s, size_t len, int cols, char *out,
		  size_t outsz)
{
	size_t pos = 0;
	int used = 0;
	/* "…" takes one column and three bytes. */
	bool mark = cols >= 1 && outsz >= 4;

	if (outsz == 0)
		return 0;
	while (pos < len) {
		uint32_t cp;
		size_t n = text_decode(s + pos, len - pos, &cp);
		int w = text_cp_width(cp);
		if (used + w > cols - (mark ? 1 : 0) ||
		    pos + n + (mark ? 3 : 0) + 1 > outsz)
			break;
		used += w;
		pos += n;
	}
	memcpy(out, s, pos);
	if (mark) {
		memcpy(out + pos, "\xE2\x80\xA6", 3);
		pos += 3;
		used++;
	}
	out[pos] = '\0';
	return used;
}

char *text_trim(char *s)
{
	size_t n = strlen(s), start = 0;
	while (n > 0 && strchr(" \t\r\n\v\f", s[n - 1]))
		n--;
	s[n] = '\0';
	while (s[start] && strchr(" \t\r\n\v\f", s[start]))
		start++;
	memmove(s, s + start, n - start + 1);
	return s;
}
