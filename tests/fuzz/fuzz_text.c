/* The text functions on any bytes: decoding, cleaning for a terminal,
 * fitting into columns and a buffer, wrapping, trimming. The first three
 * bytes choose the width, the buffer size and the flags. */
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

static void check_wrap(const char *s, int cols)
{
	size_t line = strcspn(s, "\n");
	size_t r = text_wrap_len(s, cols);
	FUZZ_CHECK(r <= line);
	if (line > 0) {
		uint32_t cp;
		size_t first = text_decode(s, line, &cp);
		char *head;
		FUZZ_CHECK(r >= first);
		/* The line fits unless it is one character too wide. */
		head = fuzz_string((const uint8_t *)s, r);
		FUZZ_CHECK(r == first || text_width(head) <= cols);
		free(head);
	}
	/* r ends on a character boundary. */
	for (size_t pos = 0; pos < r;) {
		uint32_t cp;
		pos += text_decode(s + pos, line - pos, &cp);
		FUZZ_CHECK(pos <= r);
	}
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
