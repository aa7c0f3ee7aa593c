#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>

#include "tui/textedit.h"

static void type(textedit *t, const char *utf8)
{
	/* Feed a UTF-8 string one code point at a time, as keys arrive. */
	const unsigned char *s = (const unsigned char *)utf8;
	while (*s) {
		uint32_t cp;
		int n;
		if (*s < 0x80) cp = *s, n = 1;
		else if (*s < 0xE0) cp = *s & 0x1F, n = 2;
		else if (*s < 0xF0) cp = *s & 0x0F, n = 3;
		else cp = *s & 0x07, n = 4;
		for (int i = 1; i < n; i++)
			cp = (cp << 6) | (s[i] & 0x3F);
		te_insert(t, cp);
		s += n;
	}
}

static void test_insert_and_backspace_whole_characters(void **state)
{
	textedit t;
	(void)state;
	assert_true(te_init(&t, NULL, false, 100));
	type(&t, "证据ab");
	assert_string_equal(t.buf, "证据ab");
	te_left(&t);
	te_left(&t);
	te_backspace(&t); /* removes 据, all three bytes */
	assert_string_equal(t.buf, "证ab");
	assert_int_equal(t.cur, 3);
	te_delete(&t);
	assert_string_equal(t.buf, "证b");
	te_home(&t);
	assert_int_equal(t.cur, 0);
	te_end(&t);
	assert_int_equal(t.cur, t.len);
	te_free(&t);
}

static void test_clear_empties_the_field(void **state)
{
	textedit t;
	char *v;
	(void)state;
	assert_true(te_init(&t, "moat-2026.xlsx", false, 10));
	te_left(&t);
	te_clear(&t);
	assert_string_equal(t.buf, "");
	assert_int_equal(t.len, 0);
	assert_int_equal(t.cur, 0);
	assert_int_equal(t.chars, 0);
	type(&t, "报告.xlsx");
	assert_string_equal(t.buf, "报告.xlsx");
	v = te_value(&t);
	assert_string_equal(v, "报告.xlsx");
	free(v);
	te_free(&t);
}

static void test_scroll_follows_the_cursor(void **state)
{
	textedit t;
	(void)state;
	/* 30 columns of text in a field 10 wide. */
	assert_true(te_init(&t, "abcdefghijklmnopqrstuvwxyz0123", false, 100));
	/* Typing at the end shows the end, the cursor in the last cell. */
	assert_int_equal(te_scroll(&t, 0, 10), 21);
	/* Moving left inside the view keeps it where it was. */
	te_left(&t);
	te_left(&t);
	assert_int_equal(te_scroll(&t, 21, 10), 21);
	/* Past its left edge, just enough to bring the cursor back. */
	te_home(&t);
	assert_int_equal(te_scroll(&t, 21, 10), 0);
	te_free(&t);

	/* A wide character cut by the left edge is skipped whole: 7
	 * characters of 2 columns, the cursor after the last at column 14. */
	assert_true(te_init(&t, "灾备中心建设期", false, 100));
	assert_int_equal(te_scroll(&t, 0, 10), 6);
	assert_int_equal(te_scroll(&t, 0, 9), 6);
	te_free(&t);
}

static void test_refuses_controls_and_overflow(void **state)
{
	textedit t;
	(void)state;
	te_init(&t, "ab", false, 4);
	assert_false(te_insert(&t, '\n'));  /* single line */
	assert_false(te_insert(&t, 0x1B));  /* ESC */
	assert_false(te_insert(&t, 0x85));  /* C1 */
	assert_false(t.full);               /* refused, but not for length */
	/* The limit counts characters, not bytes: 中 is three bytes. */
	assert_true(te_insert(&t, 0x4E2D));
	assert_true(te_insert(&t, 'c'));
	assert_string_equal(t.buf, "ab\xE4\xB8\xAD" "c");
	assert_int_equal(t.chars, 4);
	assert_false(t.full);
	assert_false(te_insert(&t, 'd'));   /* a fifth character */
	assert_true(t.full);
	assert_string_equal(t.buf, "ab\xE4\xB8\xAD" "c");
	assert_true(te_backspace(&t));      /* room again */
	assert_false(t.full);
	assert_int_equal(t.chars, 3);
	assert_true(te_insert(&t, 0x1F600)); /* four bytes, one character */
	assert_int_equal(t.chars, 4);
	te_home(&t);
	assert_true(te_delete(&t));
	assert_int_equal(t.chars, 3);
	te_free(&t);
	/* Stored text may be longer than the limit: kept, nothing more typed. */
	te_init(&t, "abcdef", false, 4);
	assert_int_equal(t.chars, 6);
	assert_false(te_insert(&t, 'g'));
	assert_true(t.full);
	assert_string_equal(t.buf, "abcdef");
	te_free(&t);
	/* Bidi controls are not typed in... */
	te_init(&t, NULL, false, 100);
	assert_false(te_insert(&t, 0x202E));
	assert_false(te_insert(&t, 0x2066));
	assert_false(te_insert(&t, '\t'));
	assert_false(te_insert(&t, 0x7F));
	/* ...nor taken from stored text. */
	assert_true(te_set(&t, "a\x1b[2Jb\xE2\x80\xAE" "c"));
	assert_string_equal(t.buf, "a[2Jbc");
	te_free(&t);
}

/* The joiners are typed and kept like any other character. */
static void test_keeps_joiners(void **state)
{
	textedit t;
	(void)state;
	te_init(&t, NULL, false, 100);
	type(&t, "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB"); /* man ZWJ laptop */
	assert_true(te_insert(&t, 0x200C));
	assert_string_equal(t.buf, "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB"
				   "\xE2\x80\x8C");
	/* Stored text keeps them when loaded. */
	assert_true(te_set(&t, "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE"));
	assert_string_equal(t.buf, "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE");
	te_free(&t);
}

/* A field left alone is stored as it was, even what the editor could not
 * show; a changed one is stored as typed, trimmed. */
static void test_value_kept_when_unchanged(void **state)
{
	static const char stored[] = "  a\x1b[1m\tb\xE2\x80\xAE" "c\r\n";
	textedit t;
	char *v, small[4];
	(void)state;
	assert_true(te_init(&t, stored, false, 100));
	assert_string_equal(t.buf, "  a[1m b" "c");
	v = te_value(&t);
	assert_string_equal(v, stored);
	free(v);
	/* Typed and taken back: the buffer is as loaded, so still as stored. */
	assert_true(te_insert(&t, 'x'));
	assert_true(te_backspace(&t));
	v = te_value(&t);
	assert_string_equal(v, stored);
	free(v);
	/* Changed: the buffer, trimmed. */
	assert_true(te_insert(&t, 'd'));
	v = te_value(&t);
	assert_string_equal(v, "a[1m bcd");
	free(v);
	assert_false(te_value_into(&t, small, sizeof small));
	assert_string_equal(small, "");
	te_free(&t);
	/* te_set starts afresh. */
	te_init(&t, NULL, true, 100);
	assert_true(te_set(&t, " x\n"));
	v = te_value(&t);
	assert_string_equal(v, " x\n");
	free(v);
	te_free(&t);
}

static void test_wrap_counts_columns(void **state)
{
	textedit t;
	size_t starts[8];
	int row, col;
	(void)state;
	te_init(&t, NULL, true, 1000);
	type(&t, "中文中文ab\nxy");
	/* Width 5: "中文" (4) | "中文a" (5) | "b" | "xy". */
	assert_int_equal(te_wrap(&t, 5, starts, 8), 4);
	assert_int_equal(starts[1], 6);
	assert_int_equal(starts[2], 13);
	assert_int_equal(starts[3], 15);
	te_cursor_xy(&t, 5, &row, &col);
	assert_int_equal(row, 3);
	assert_int_equal(col, 2);
	/* Up keeps the column where the line allows. */
	assert_true(te_up(&t, 5));
	te_cursor_xy(&t, 5, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 1);
	assert_true(te_up(&t, 5));
	te_cursor_xy(&t, 5, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	assert_true(te_up(&t, 5));
	assert_false(te_up(&t, 5));
	assert_true(te_down(&t, 5));
	te_free(&t);
}

static void test_empty_has_one_line(void **state)
{
	textedit t;
	size_t starts[2];
	int row = -1, col = -1;
	(void)state;
	te_init(&t, "", true, 10);
	assert_int_equal(te_wrap(&t, 10, starts, 2), 1);
	te_cursor_xy(&t, 10, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 0);
	assert_false(te_backspace(&t));
	te_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_and_backspace_whole_characters),
		cmocka_unit_test(test_clear_empties_the_field),
		cmocka_unit_test(test_scroll_follows_the_cursor),
		cmocka_unit_test(test_refuses_controls_and_overflow),
		cmocka_unit_test(test_keeps_joiners),
		cmocka_unit_test(test_value_kept_when_unchanged),
		cmocka_unit_test(test_wrap_counts_columns),
		cmocka_unit_test(test_empty_has_one_line),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
