#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/text.h"

static void test_width_counts_cjk_as_two(void **state)
{
	(void)state;
	assert_int_equal(text_width("你好abc"), 7);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("e\xCC\x81"), 1); /* e + combining acute */
	assert_int_equal(text_width("华东售后服务中心"), 16);
}

static void test_fit_never_cuts_a_character(void **state)
{
	char out[64];
	(void)state;
	/* 5 columns of "你好abc": 你好 is 4, then 'a' = 5. */
	assert_int_equal(text_fit("你好abc", 5, false, out, sizeof out), 5);
	assert_string_equal(out, "你好a");
	/* 3 columns: 你 (2), the next wide char does not fit. */
	assert_int_equal(text_fit("你好abc", 3, false, out, sizeof out), 2);
	assert_string_equal(out, "你");
	/* With an ellipsis: room for 你 + … in 3 columns. */
	assert_int_equal(text_fit("你好abc", 3, true, out, sizeof out), 3);
	assert_string_equal(out, "你…");
	/* Fits as is: unchanged, no ellipsis. */
	assert_int_equal(text_fit("abc", 3, true, out, sizeof out), 3);
	assert_string_equal(out, "abc");
	assert_int_equal(text_fit("abcd", 3, true, out, sizeof out), 3);
	assert_string_equal(out, "ab…");
	assert_int_equal(text_fit("abc", 0, true, out, sizeof out), 0);
	assert_string_equal(out, "");
	/* A short buffer, not a narrow width: still whole characters. */
	{
		char small[6];
		text_fit("中文字", 100, false, small, sizeof small);
		assert_string_equal(small, "中");
	}
}

/* Found by fuzzing: with an ellipsis asked for and fewer than 4 bytes of
 * buffer, "…" and its NUL were written past the end. Exact-size heap
 * buffers, so the sanitizer sees any byte too many. */
static void test_fit_ellipsis_in_a_tiny_buffer(void **state)
{
	char *out;
	(void)state;
	for (size_t size = 1; size <= 4; size++) {
		/* Four bytes hold the ellipsis alone. */
		static const char *const want[] = {"", "a", "ab", "\xE2\x80\xA6"};
		static const int cols[] = {0, 1, 2, 1};
		out = malloc(size);
		assert_non_null(out);
		assert_int_equal(text_fit("abcdef", 5, true, out, size),
				 cols[size - 1]);
		assert_string_equal(out, want[size - 1]);
		free(out);
	}
	out = malloc(2);
	assert_non_null(out);
	assert_int_equal(text_fit("abcdef", 1, true, out, 2), 1);
	assert_string_equal(out, "a");
	free(out);
}

static void test_sanitize_strips_controls_and_bidi(void **state)
{
	char *s;
	(void)state;
	s = text_sanitize("a\x1b[31mb\bc\xE2\x80\xAE" "d\n\te", false);
	assert_string_equal(s, "a[31mbcd e");
	free(s);
	s = text_sanitize("line1\nline2", true);
	assert_string_equal(s, "line1\nline2");
	free(s);
	s = text_sanitize("x\xC2\x85y\xEF\xBB\xBFz", false); /* C1 NEL, BOM */
	assert_string_equal(s, "xyz");
	free(s);
	s = text_sanitize("bad\xFF", false);
	assert_string_equal(s, "bad\xEF\xBF\xBD");
	free(s);
}

static void test_valid_utf8(void **state)
{
	(void)state;
	assert_true(text_valid_utf8("plain 中文 ✓"));
	assert_false(text_valid_utf8("\xC0\xAF"));      /* overlong '/' */
	assert_false(text_valid_utf8("\xED\xA0\x80"));  /* surrogate */
	assert_false(text_valid_utf8("abc\xE4\xB8"));   /* truncated */
	assert_false(text_valid_utf8("\xF4\x90\x80\x80")); /* > U+10FFFF */
}

static void test_wrap_breaks_at_spaces_and_wide_chars(void **state)
{
	(void)state;
	assert_int_equal(text_wrap_len("hello world again", 11), 11);
	assert_int_equal(text_wrap_len("hello world again", 9), 6);
	assert_int_equal(text_wrap_len("中文中文中文", 5), 6); /* two chars */
	assert_int_equal(text_wrap_len("short\nnext", 40), 5);
	assert_int_equal(text_wrap_len("abcdefgh", 3), 3);
	/* A character wider than the width still advances. */
	assert_int_equal(text_wrap_len("中", 1), 3);
}

static void test_trim(void **state)
{
	char s[] = "  \t x y \n ";
	(void)state;
	assert_string_equal(text_trim(s), "x y");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_counts_cjk_as_two),
		cmocka_unit_test(test_fit_never_cuts_a_character),
		cmocka_unit_test(test_fit_ellipsis_in_a_tiny_buffer),
		cmocka_unit_test(test_sanitize_strips_controls_and_bidi),
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_wrap_breaks_at_spaces_and_wide_chars),
		cmocka_unit_test(test_trim),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
