/* The Chinese interface uses the punctuation a Chinese reader expects:
 * no ASCII , : ; ( ) ? ! or " next to a Chinese character, in any Chinese
 * text of the message catalog or of the zh_CN questionnaires. ASCII stays
 * where nothing Chinese touches it (key names, paths, "5 min"); in a
 * message, a conversion such as %s stands for Chinese text. */
#include "config.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/msg.h"
#include "model/text.h"

/* CJK radicals to ideographs (punctuation, kana and hangul jamo on the
 * way), compatibility ideographs and forms, full-width forms and the
 * supplementary ideographs. */
static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Length of the printf conversion at s ("%s", "%zu", "%04o"...), or 0. */
static size_t directive_len(const char *s)
{
	size_t n = 1;
	if (s[0] != '%' || s[1] == '%')
		return 0;
	n += strspn(s + n, "-+ #0123456789.");
	n += strspn(s + n, "hlzjtL");
	return s[n] && strchr("diouxXeEfFgGcsp", s[n]) ? n + 1 : 0;
}

/* Byte offset in s of the first ASCII mark next to a CJK character, or
 * -1. With formats, a conversion ("%s") counts as Chinese, since what it
 * stands for in a Chinese message is. */
static long first_bad_mark(const char *s, bool formats)
{
	size_t n = strlen(s), pos = 0;
	bool prev_cjk = false;

	while (pos < n) {
		uint32_t cp, next;
		size_t len = formats ? directive_len(s + pos) : 0;
		bool cjk, next_cjk = false;

		if (len > 0) {
			cp = '%';
			cjk = true;
		} else {
			len = text_decode(s + pos, n - pos, &cp);
			cjk = is_cjk(cp);
		}
		if (pos + len < n) {
			text_decode(s + pos + len, n - pos - len, &next);
			next_cjk = is_cjk(next) ||
				   (formats && directive_len(s + pos + len) > 0);
		}
		if (len == 1 && cp != '%' && cp != 0 && strchr(",:;()?!\"", (int)cp) &&
		    (prev_cjk || next_cjk))
			return (long)pos;
		prev_cjk = cjk;
		pos += len;
	}
	return -1;
}

/* The check can fail: what it must flag and what it must let be. */
static void test_the_rule(void **state)
{
	(void)state;
	assert_int_equal(first_bad_mark("用户:%s", false), 6);
	assert_int_equal(first_bad_mark("证据:共 %zu 条,已过期", false), 6);
	assert_int_equal(first_bad_mark("阶段(1-3)", false), 6);
	assert_int_equal(first_bad_mark("(1-3)阶段", false), 4);
	assert_int_equal(first_bad_mark("删除?y / n", false), 6);
	assert_int_equal(first_bad_mark("是\"命门\"", false), 3);
	assert_int_equal(first_bad_mark("用户：%s", false), -1);
	assert_int_equal(first_bad_mark("阶段（1-3）", false), -1);
	assert_int_equal(first_bad_mark("5 min (RTO 2 h)", false), -1);
	assert_int_equal(first_bad_mark("回车确认 · Esc 取消", false), -1);
	assert_int_equal(first_bad_mark("运行 'moat init --shared 用户组'", false), -1);
	assert_int_equal(first_bad_mark("回报率 280.4 %", false), -1);
	/* In a message, what a conversion stands for is Chinese too. */
	assert_int_equal(first_bad_mark("%s:%s", true), 2);
	assert_int_equal(first_bad_mark("%zu,%d", true), 3);
	assert_int_equal(first_bad_mark("%s:%s", false), -1);
	assert_int_equal(first_bad_mark("%s：%s", true), -1);
	assert_int_equal(first_bad_mark("%dx%d · 100%%", true), -1);
	assert_int_equal(first_bad_mark("-h, --help", true), -1);
}

static void test_catalog(void **state)
{
	int bad = 0;
	(void)state;
	for (int id = 0; id < MSG__COUNT; id++) {
		const char *zh = msg_in((msg_id)id, LANG_ZH);
		long at = first_bad_mark(zh, true);
		if (at >= 0) {
			print_error("catalog message %d, byte %ld: %s\n", id, at, zh);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static int check_file(const char *path)
{
	char line[8192];
	FILE *f = fopen(path, "r");
	int bad = 0, no = 0;

	if (!f) {
		print_error("cannot open %s\n", path);
		return 1;
	}
	while (fgets(line, sizeof line, f)) {
		long at = first_bad_mark(line, false);
		no++;
		if (at >= 0) {
			print_error("%s:%d, byte %ld: %s", path, no, at, line);
			bad++;
		}
	}
	fclose(f);
	return bad;
}

/* Every .yaml file of the Chinese questionnaires, comments included. */
static void test_questionnaires(void **state)
{
	const char *top = getenv("MOAT_DATADIR");
	char dir[4096], path[8192];
	struct dirent *e;
	DIR *d;
	int bad = 0, files = 0;
	(void)state;
	assert_non_null(top);
	snprintf(dir, sizeof dir, "%s/zh_CN", top);
	d = opendir(dir);
	assert_non_null(d);
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		bad += check_file(path);
		files++;
	}
	closedir(d);
	/* A folder without the files would pass by saying nothing. */
	assert_true(files >= 3);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_rule),
		cmocka_unit_test(test_catalog),
		cmocka_unit_test(test_questionnaires),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
