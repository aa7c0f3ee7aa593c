#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "exports/xlsx_text.h"
#include "model/msg.h"
#include "model/text.h"

/* n copies of unit, newly allocated. */
static char *repeat(const char *unit, size_t n)
{
	size_t len = strlen(unit);
	char *s = malloc(len * n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * len, unit, len);
	s[len * n] = '\0';
	return s;
}

/* Checks xlsx_cell_text(in) against the expected shown and stored text
 * and the count of characters cut. */
static void expect_cell(const char *in, const char *shown, const char *stored,
			size_t cut)
{
	char *got_shown;
	size_t got_cut;
	char *got = xlsx_cell_text(in, &got_shown, &got_cut);

	assert_non_null(got);
	assert_string_equal(got_shown, shown);
	assert_string_equal(got, stored);
	assert_int_equal(got_cut, cut);
	free(got);
	free(got_shown);
}

static void test_escapes_literal_escapes(void **state)
{
	(void)state;
	expect_cell("a_x0041_b", "a_x0041_b", "a_x005F_x0041_b", 0);
	expect_cell("_x000D_", "_x000D_", "_x005F_x000D_", 0);
	expect_cell("_x00aF_", "_x00aF_", "_x005F_x00aF_", 0); /* any case */
	expect_cell("__x0041__", "__x0041__", "__x005F_x0041__", 0);
	expect_cell("_x0041__x0042_", "_x0041__x0042_",
		    "_x005F_x0041__x005F_x0042_", 0);
	/* Not an escape: a capital X, a non-hex digit, one digit short. */
	expect_cell("_X0041_ _x00G1_ _x041_", "_X0041_ _x00G1_ _x041_",
		    "_X0041_ _x00G1_ _x041_", 0);
	/* Text other programs might trip over is kept as it is. */
	expect_cell("a\tb\nc\xE2\x80\x8D" "d", "a\tb\nc\xE2\x80\x8D" "d",
		    "a\tb\nc\xE2\x80\x8D" "d", 0);
	/* Invalid UTF-8 is made valid. */
	expect_cell("a\xFF" "b", "a\xEF\xBF\xBD" "b", "a\xEF\xBF\xBD" "b", 0);
}

/* Builds what a cut text of total characters, keeping kept of them
 * (each the string unit), must read. */
static char *cut_text(const char *unit, size_t kept, size_t total)
{
	char marker[128], *head = repeat(unit, kept), *s;
	snprintf(marker, sizeof marker, msg(XL_CUT_FMT), total - kept);
	s = malloc(strlen(head) + strlen(marker) + 1);
	assert_non_null(s);
	strcpy(s, head);
	strcat(s, marker);
	free(head);
	return s;
}

static void test_long_text_is_cut_with_a_marker(void **state)
{
	char *in, *want;
	size_t marker40000;
	char marker[128];
	(void)state;
	/* A full cell is not cut. */
	in = repeat("a", XLSX_CELL_MAX);
	expect_cell(in, in, in, 0);
	free(in);

	/* 40,000 characters: room is made for the marker as it would read
	 * for 40000, then it says how many were really cut. */
	snprintf(marker, sizeof marker, msg(XL_CUT_FMT), (size_t)40000);
	assert_string_equal(marker, "… [cut: 40000 characters more, see moat]");
	marker40000 = text_length(marker);
	in = repeat("a", 40000);
	want = cut_text("a", XLSX_CELL_MAX - marker40000, 40000);
	expect_cell(in, want, want, 40000 - (XLSX_CELL_MAX - marker40000));
	assert_true(text_length(want) <= XLSX_CELL_MAX);
	assert_true(text_length(want) >= XLSX_CELL_MAX - 1);
	free(in);
	free(want);

	/* One more than a cell holds. */
	in = repeat("a", XLSX_CELL_MAX + 1);
	{
		char *shown;
		size_t cut;
		char *stored = xlsx_cell_text(in, &shown, &cut);
		snprintf(marker, sizeof marker, msg(XL_CUT_FMT), cut);
		assert_int_equal(cut + (strlen(shown) - strlen(marker)),
				 XLSX_CELL_MAX + 1);
		assert_string_equal(shown + strlen(shown) - strlen(marker),
				    marker);
		free(stored);
		free(shown);
	}
	free(in);

	/* Characters outside the BMP take two UTF-16 units each. */
	in = repeat("\xF0\x9F\x98\x80", 20000);
	snprintf(marker, sizeof marker, msg(XL_CUT_FMT), (size_t)20000);
	{
		size_t kept = (XLSX_CELL_MAX - text_length(marker)) / 2;
		want = cut_text("\xF0\x9F\x98\x80", kept, 20000);
		expect_cell(in, want, want, 20000 - kept);
	}
	free(in);
	free(want);
}

/* The escapes count towards what the library takes in one cell. */
static void test_escapes_count_towards_the_limit(void **state)
{
	char *in = repeat("_x0041_", XLSX_CELL_MAX / 7); /* 4681: 32767 */
	char *shown, *stored;
	size_t cut;
	(void)state;
	assert_int_equal(text_length(in), XLSX_CELL_MAX);
	stored = xlsx_cell_text(in, &shown, &cut);
	assert_non_null(stored);
	assert_true(cut > 0);
	assert_true(text_length(stored) <= XLSX_CELL_MAX);
	assert_true(text_length(stored) > XLSX_CELL_MAX - 13 - 60);
	assert_int_equal(strncmp(stored, "_x005F_x0041__x005F_x0041_", 26), 0);
	free(stored);
	free(shown);
	free(in);
}

static void test_marker_in_chinese(void **state)
{
	char *in = repeat("字", XLSX_CELL_MAX + 100), *shown, *stored;
	size_t cut;
	char marker[128];
	(void)state;
	msg_set_lang(LANG_ZH);
	stored = xlsx_cell_text(in, &shown, &cut);
	snprintf(marker, sizeof marker, "…［已截断：还有 %zu 个字符，请在 moat 中查看］",
		 cut);
	assert_string_equal(shown + strlen(shown) - strlen(marker), marker);
	msg_set_lang(LANG_EN);
	free(stored);
	free(shown);
	free(in);
}

static void expect_sheet_name(const char *in, size_t room, const char *want)
{
	char out[XLSX_SHEET_NAME_MAX * 4 + 1];

	assert_true(xlsx_sheet_name(in, room, out, sizeof out));
	assert_string_equal(out, want);
}

static void test_sheet_names(void **state)
{
	char small[4];
	(void)state;
	expect_sheet_name("East China 1", 0, "East China 1");
	/* What Excel refuses in a name, and controls. */
	expect_sheet_name("a[b]c:d*e?f/g\\h", 0, "a_b_c_d_e_f_g_h");
	expect_sheet_name("tab\there", 0, "tab_here");
	expect_sheet_name("'quoted'", 0, "_quoted_");
	expect_sheet_name("it's", 0, "it's");
	expect_sheet_name("", 0, "_");
	/* 31 units; CJK counts one, outside the BMP two. */
	expect_sheet_name("0123456789012345678901234567890123", 0,
			  "0123456789012345678901234567890");
	expect_sheet_name("0123456789012345678901234567890123", 4,
			  "012345678901234567890123456");
	/* Cut after a word, without the space. */
	expect_sheet_name("East China After-Sales Service Centre", 0,
			  "East China After-Sales Service");
	expect_sheet_name("   ", 0, "_");
	expect_sheet_name("华东售后服务中心华东售后服务中心华东售后服务中心华东售后服务中心",
			  0, "华东售后服务中心华东售后服务中心华东售后服务中心华东售后服务中");
	expect_sheet_name("\xF0\x9F\x9A\x97" "0123456789012345678901234567890", 0,
			  "\xF0\x9F\x9A\x97" "01234567890123456789012345678");
	/* Non-ASCII characters whose low byte is a refused one stay. */
	expect_sheet_name("\xC5\x9B", 0, "\xC5\x9B");
	/* Invalid UTF-8 is made valid, not passed on. */
	{
		char out[XLSX_SHEET_NAME_MAX * 4 + 1];
		assert_true(xlsx_sheet_name("a\xFFb", 0, out, sizeof out));
		assert_true(text_valid_utf8(out));
		assert_int_equal(out[0], 'a');
	}
	assert_false(xlsx_sheet_name("long enough", 0, small, sizeof small));
	assert_string_equal(small, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes_literal_escapes),
		cmocka_unit_test(test_long_text_is_cut_with_a_marker),
		cmocka_unit_test(test_escapes_count_towards_the_limit),
		cmocka_unit_test(test_marker_in_chinese),
		cmocka_unit_test(test_sheet_names),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
