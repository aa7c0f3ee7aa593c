#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/msg.h"
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
	s = text_sanitize("x\xC2\x85y\xEF\xBB\xBFz", false); /* C1 NEL; BOM kept */
	assert_string_equal(s, "xy\xEF\xBB\xBFz");
	free(s);
	s = text_sanitize("bad\xFF", false);
	assert_string_equal(s, "bad\xEF\xBF\xBD");
	free(s);
}

/* The joiners and other format characters survive; only bidi controls
 * and control characters go. Expected values are spelled out in bytes. */
static void test_sanitize_keeps_joiners(void **state)
{
	/* Family emoji: man ZWJ woman ZWJ girl. */
	static const char family[] = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9"
				     "\xE2\x80\x8D\xF0\x9F\x91\xA7";
	/* Persian "mi-khaham" with a ZWNJ after the prefix. */
	static const char persian[] = "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88"
				      "\xD8\xA7\xD9\x87\xD9\x85";
	/* Devanagari ka, virama, ZWJ, ssa (a half form). */
	static const char hindi[] = "\xE0\xA4\x95\xE0\xA5\x8D\xE2\x80\x8D\xE0\xA4\xB7";
	/* Soft hyphen, ZWSP, LRM, RLM, word joiner, BOM, a flag's tag letters
	 * and LINE SEPARATOR: format characters that are not bidi controls. */
	static const char others[] = "a\xC2\xAD" "b\xE2\x80\x8B" "c\xE2\x80\x8E"
				     "d\xE2\x80\x8F" "e\xE2\x81\xA0" "f\xEF\xBB\xBF"
				     "g\xF3\xA0\x81\xA7\xF3\xA0\x81\xBF" "h\xE2\x80\xA8" "i";
	const char *kept[] = {family, persian, hindi, others};
	char *s;
	(void)state;
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		s = text_sanitize(kept[i], false);
		assert_non_null(s);
		assert_int_equal(strlen(s), strlen(kept[i]));
		assert_memory_equal(s, kept[i], strlen(kept[i]) + 1);
		free(s);
	}
	/* Every bidi control goes, the neighbours of both ranges stay:
	 * U+2029, U+202F, U+2065 and U+206A are not bidi controls. */
	s = text_sanitize("\xE2\x80\xA9" "1\xE2\x80\xAA" "2\xE2\x80\xAB" "3\xE2\x80\xAC"
			  "4\xE2\x80\xAD" "5\xE2\x80\xAE" "6\xE2\x80\xAF"
			  "7\xE2\x81\xA5" "8\xE2\x81\xA6" "9\xE2\x81\xA7"
			  "A\xE2\x81\xA8" "B\xE2\x81\xA9" "C\xE2\x81\xAA",
			  false);
	assert_string_equal(s, "\xE2\x80\xA9" "12345" "6\xE2\x80\xAF"
			       "7\xE2\x81\xA5" "89AB" "C\xE2\x81\xAA");
	free(s);
	/* C0 but newline (when kept), DEL, C1 from U+0080 to U+009F; U+00A0
	 * (no-break space) is text. */
	s = text_sanitize("a\x01\x1F\x7F\xC2\x80\xC2\x9F\xC2\xA0z\n", true);
	assert_string_equal(s, "a\xC2\xA0z\n");
	free(s);
	assert_true(text_is_bidi_control(0x202A));
	assert_true(text_is_bidi_control(0x2069));
	assert_false(text_is_bidi_control(0x200D));
	assert_false(text_is_bidi_control(0x200C));
	assert_false(text_cp_refused(0x200D, false));
	assert_false(text_cp_refused(0x200C, false));
	assert_true(text_cp_refused('\n', false));
	assert_false(text_cp_refused('\n', true));
	assert_true(text_cp_refused('\t', true));
	assert_true(text_cp_refused(0xD800, false));
	assert_true(text_cp_refused(0x110000, false));
	/* A joiner takes no column. */
	assert_int_equal(text_width(hindi), 2);
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

static void test_length_counts_characters(void **state)
{
	(void)state;
	assert_int_equal(text_length(""), 0);
	assert_int_equal(text_length("abc"), 3);
	assert_int_equal(text_length("负责人"), 3);          /* 9 bytes */
	assert_int_equal(text_length("\xF0\x9F\x98\x80"), 1); /* one emoji */
	assert_int_equal(text_length("a\xFF" "b"), 3);       /* a bad byte counts */
	assert_true(text_within("负责人", 3));
	assert_false(text_within("负责人", 2));
	assert_false(text_within("\xFF", 5));
	assert_int_equal(TEXT_BYTES(200), 801);
}

/* The refusal names the field and its limit, in either language. */
static void test_limit_message(void **state)
{
	char out[128];
	(void)state;
	msg_limit(EVF_OWNER, 200, out, sizeof out);
	assert_string_equal(out, "Owner: at most 200 characters");
	msg_limit(PLAN_F_PHASE, 1, out, sizeof out);
	assert_string_equal(out, "Phase (1-3): at most 1 character");
	msg_set_lang(LANG_ZH);
	msg_limit(EVF_OWNER, 200, out, sizeof out);
	assert_string_equal(out, "负责人：最多 200 个字符");
	msg_set_lang(LANG_EN);
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
		cmocka_unit_test(test_sanitize_keeps_joiners),
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_length_counts_characters),
		cmocka_unit_test(test_limit_message),
		cmocka_unit_test(test_wrap_breaks_at_spaces_and_wide_chars),
		cmocka_unit_test(test_trim),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
