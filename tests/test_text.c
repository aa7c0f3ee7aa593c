#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
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

/* The lines text_wrap makes of s at cols columns, joined by '|', each
 * checked to be as wide as it says and (one character alone aside) no
 * wider than cols. */
static const char *wrapped(const char *s, int cols)
{
	static char out[1024];
	text_line lines[64];
	size_t n, o = 0;

	assert_true(text_wrap(s, cols, lines, 64, &n));
	assert_true(n <= 64);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char line[256];
		assert_true(lines[i].len < sizeof line);
		memcpy(line, s + lines[i].off, lines[i].len);
		line[lines[i].len] = '\0';
		assert_int_equal(lines[i].cols, text_width(line));
		if (text_length(line) > 1)
			assert_true(lines[i].cols <= cols);
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", i ? "|" : "", line);
	}
	return out;
}

typedef struct {
	const char *text;
	int cols;
	const char *want; /* the lines joined by '|' */
} wrap_case;

static void expect_wraps(const wrap_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		assert_string_equal(wrapped(c[i].text, c[i].cols), c[i].want);
}

#define WHY "Before investing in DR, find the processes that are your lifeline"

static void test_wrap_english_at_spaces(void **state)
{
	static const wrap_case cases[] = {
		{"hello world again", 11, "hello world|again"},
		{"hello world again", 9, "hello|world|again"},
		{"hello world again", 17, "hello world again"},
		/* The spaces at a break belong to neither line. */
		{"hello   world", 5, "hello|world"},
		{WHY, 20, "Before investing in|DR, find the|processes that are|your lifeline"},
		{WHY, 40, "Before investing in DR, find the|processes that are your lifeline"},
		/* A word wider than the line is cut between characters. */
		{"abcdefgh", 3, "abc|def|gh"},
		{"", 10, ""},
	};
	(void)state;
	expect_wraps(cases, sizeof cases / sizeof cases[0]);
}

#define ZH "灾备中心，备份系统。应急预案（可不完善）。"

static void test_wrap_chinese_between_characters(void **state)
{
	static const wrap_case cases[] = {
		/* Display columns, never bytes: each character is 2 of them. */
		{"中文中文中文", 5, "中文|中文|中文"},
		{"中文中文中文", 4, "中文|中文|中文"},
		{"中文中文中文", 12, "中文中文中文"},
		/* Never "，" or "。" first on a line: the character before it
		 * comes along. Never "（" last: it goes with what it opens. */
		{ZH, 8, "灾备中|心，备份|系统。应|急预案|（可不完|善）。"},
		{ZH, 10, "灾备中心，|备份系统。|应急预案|（可不完|善）。"},
		{ZH, 20, "灾备中心，备份系统。|应急预案（可不完|善）。"},
		/* Quotation marks stay with both neighbours (UAX #14 before
		 * Unicode 15.1); “ and ” are one column wide, as wcwidth says. */
		{"建立“灾备中心”与「备份」『策略』、监控！完成？是；否：", 6,
		 "建|立“灾|备中|心”与|「备|份」|『策|略』、|监控！|完成？|是；|否："},
		/* A character wider than the line has a line of its own. */
		{"中", 1, "中"},
		{"中文", 0, "中|文"},
	};
	(void)state;
	expect_wraps(cases, sizeof cases / sizeof cases[0]);
}

#define MIXED "证据：共 5 条，已过期（2 条）。检查 RTO/RPO 目标"

static void test_wrap_mixed_text(void **state)
{
	static const wrap_case cases[] = {
		/* A slash may end a line. */
		{MIXED, 8, "证据：共|5 条，已|过期（2|条）。检|查 RTO/|RPO 目标"},
		{MIXED, 16, "证据：共 5 条，|已过期（2 条）。|检查 RTO/RPO 目|标"},
		{"用户：root，检查 RTO/RPO 目标是否明确", 12,
		 "用户：root，|检查 RTO/RPO|目标是否明确"},
		/* Line breaks in the text always break; a last one adds no
		 * line. */
		{"short\nnext", 40, "short|next"},
		{"一\n\n二\n", 40, "一||二"},
		{"a\xE2\x80\xA8" "b", 40, "a|b"}, /* U+2028 */
	};
	(void)state;
	expect_wraps(cases, sizeof cases / sizeof cases[0]);
}

static void test_wrap_counts_lines_beyond_max(void **state)
{
	text_line lines[2];
	size_t n = 99;
	(void)state;
	assert_true(text_wrap("hello world again", 5, lines, 2, &n));
	assert_int_equal(n, 3);
	assert_int_equal(lines[1].off, 6);
	assert_int_equal(lines[1].len, 5);
	assert_int_equal(lines[1].cols, 5);
	assert_true(text_wrap("中文中文中文", 4, NULL, 0, &n));
	assert_int_equal(n, 3);
	assert_true(text_wrap("", 4, NULL, 0, &n));
	assert_int_equal(n, 0);
}

/* text_fit_more of s[0..len) gives want, as wide as it is. */
static void expect_more(const char *s, size_t len, int cols, size_t outsz,
			const char *want)
{
	char out[64];
	assert_true(outsz <= sizeof out);
	assert_int_equal(text_fit_more(s, len, cols, out, outsz), text_width(want));
	assert_string_equal(out, want);
}

static void test_fit_more_ends_with_an_ellipsis(void **state)
{
	(void)state;
	/* Room for the whole line and "…". */
	expect_more("hello", 5, 6, 64, "hello…");
	/* No room: the line gives up a character. */
	expect_more("hello", 5, 5, 64, "hell…");
	/* Only len bytes count. */
	expect_more("hello world", 5, 20, 64, "hello…");
	/* Columns, not bytes: 中文 is 4 columns, so 4 leave room for 中 only. */
	expect_more("中文", 6, 4, 64, "中…");
	expect_more("中文", 6, 5, 64, "中文…");
	expect_more("中文", 6, 1, 64, "…");
	expect_more("中文", 6, 0, 64, "");
	/* A buffer too small for the mark: whole characters only. */
	expect_more("abc", 3, 10, 3, "ab");
	expect_more("中文", 6, 10, 4, "…");
}

static void test_trim(void **state)
{
	char s[] = "  \t x y \n ";
	(void)state;
	assert_string_equal(text_trim(s), "x y");
}

static void test_cut_chars(void **state)
{
	char s[] = "应急ab预案", t[] = "abc", u[] = "";
	(void)state;
	assert_int_equal(text_cut_chars(s, 3), strlen("应急a"));
	assert_string_equal(s, "应急a");
	assert_int_equal(text_cut_chars(t, 5), 3);
	assert_string_equal(t, "abc");
	assert_int_equal(text_cut_chars(t, 0), 0);
	assert_string_equal(t, "");
	assert_int_equal(text_cut_chars(u, 2), 0);
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
		cmocka_unit_test(test_wrap_english_at_spaces),
		cmocka_unit_test(test_wrap_chinese_between_characters),
		cmocka_unit_test(test_wrap_mixed_text),
		cmocka_unit_test(test_wrap_counts_lines_beyond_max),
		cmocka_unit_test(test_fit_more_ends_with_an_ellipsis),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_cut_chars),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
