/* The text functions on any bytes: decoding, cleaning for a terminal,
 * fitting into columns and a buffer, wrapping (UAX #14), trimming. The
 * first three bytes choose the width, the buffer size and the flags. */
#include "config.h"

#include <locale.h>
#include <stdbool.h>

#include "model/text.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

static void check_decode(const uint8_t *data, size_t size)
{
	size_t pos = 0;
	while (pos < size) {
		uint32_t cp;
		size_t len = text_decode((const char *)data + pos, size - pos, &cp);
		FUZZ_CHECK(len >= 1 && len <= 4 && len <= size - pos);
		FUZZ_CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
		FUZZ_CHECK(len == 1 || cp >= 0x80);
		pos += len;
	}
}

static void check_sanitize(const char *s, bool keep_newlines)
{
	char *out = text_sanitize(s, keep_newlines), *again;
	size_t n;
	FUZZ_CHECK(out != NULL);
	FUZZ_CHECK(strlen(out) <= 3 * strlen(s));
	FUZZ_CHECK(text_valid_utf8(out));
	n = strlen(out);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = text_decode(out + i, n - i, &cp);
		FUZZ_CHECK(!text_is_control(cp) || (cp == '\n' && keep_newlines));
		FUZZ_CHECK(!text_is_bidi_control(cp));
		i += len;
	}
	/* What is clean stays as it is. */
	again = text_sanitize(out, keep_newlines);
	FUZZ_CHECK(again && strcmp(again, out) == 0);
	free(again);
	free(out);
}

static void check_fit(const char *s, int cols, bool ellipsis, size_t outsz)
{
	/* Exactly outsz bytes, so a write past them is caught. */
	char *out = malloc(outsz ? outsz : 1);
	size_t n;
	int used;
	FUZZ_CHECK(out != NULL);
	used = text_fit(s, cols, ellipsis, out, outsz);
	if (outsz == 0) {
		FUZZ_CHECK(used == 0);
		free(out);
		return;
	}
	n = strlen(out);
	FUZZ_CHECK(n < outsz);
	FUZZ_CHECK(used >= 0 && used <= (cols > 0 ? cols : 0));
	FUZZ_CHECK(used == text_width(out));
	if (strncmp(out, s, n) != 0) {
		/* Only a cut with an ellipsis may differ from a prefix. */
		FUZZ_CHECK(ellipsis && n >= 3);
		FUZZ_CHECK(strcmp(out + n - 3, "\xE2\x80\xA6") == 0);
		FUZZ_CHECK(strncmp(out, s, n - 3) == 0);
	}
	free(out);
}

/* True when pos is a character boundary of s[0..n). */
static bool on_boundary(const char *s, size_t n, size_t pos)
{
	size_t at = 0;
	while (at < pos && at < n) {
		uint32_t cp;
		at += text_decode(s + at, n - at, &cp);
	}
	return at == pos;
}

static void check_wrap(const char *s, int cols)
{
	size_t n = strlen(s), needed, again, end = 0;
	text_line *lines;
	int room = cols < 1 ? 1 : cols;

	FUZZ_CHECK(text_wrap(s, cols, NULL, 0, &needed));
	FUZZ_CHECK((needed == 0) == (n == 0));
	lines = malloc((needed ? needed : 1) * sizeof *lines);
	FUZZ_CHECK(lines != NULL);
	FUZZ_CHECK(text_wrap(s, cols, lines, needed, &again) && again == needed);
	for (size_t i = 0; i < needed; i++) {
		const text_line *l = &lines[i];
		char *line, *more;
		int used;
		FUZZ_CHECK(l->off >= end && l->off + l->len <= n);
		FUZZ_CHECK(on_boundary(s, n, l->off) && on_boundary(s, n, l->off + l->len));
		line = fuzz_string((const uint8_t *)s + l->off, l->len);
		FUZZ_CHECK(l->cols == text_width(line));
		/* Only one character alone may be wider than the line. */
		FUZZ_CHECK(l->cols <= room || text_length(line) == 1);
		FUZZ_CHECK(memchr(s + l->off, '\n', l->len) == NULL);
		/* The "…" form of the line fits too. */
		more = malloc(l->len + 4);
		FUZZ_CHECK(more != NULL);
		used = text_fit_more(s + l->off, l->len, room, more, l->len + 4);
		FUZZ_CHECK(used == text_width(more) && used <= room);
		free(more);
		free(line);
		end = l->off + l->len;
	}
	free(lines);
}

static void check_trim(const char *s)
{
	char *t = fuzz_string((const uint8_t *)s, strlen(s));
	size_t n;
	text_trim(t);
	n = strlen(t);
	FUZZ_CHECK(strstr(s, t) != NULL);
	if (n > 0) {
		FUZZ_CHECK(!strchr(" \t\r\n\v\f", t[0]));
		FUZZ_CHECK(!strchr(" \t\r\n\v\f", t[n - 1]));
	}
	free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	int cols;
	size_t outsz;
	bool flag_a, flag_b;

	if (size < 3)
		return 0;
	cols = (int)data[0] - 4; /* a few widths below 1 too */
	outsz = data[1];
	flag_a = data[2] & 1;
	flag_b = data[2] & 2;
	data += 3;
	size -= 3;
	check_decode(data, size);
	s = fuzz_string(data, size);
	FUZZ_CHECK(text_width(s) >= 0);
	check_sanitize(s, flag_a);
	check_fit(s, cols, flag_b, outsz);
	check_wrap(s, cols);
	check_trim(s);
	free(s);
	return 0;
}
