#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/bia_text.h"
#include "model/msg.h"
#include "model/text.h"

#define U BIA_UNSET

/* The text of a duration in a language. */
static const char *dur(moat_lang lang, int64_t minutes)
{
	static char out[64];
	msg_set_lang(lang);
	bia_minutes_format(minutes, out, sizeof out);
	msg_set_lang(LANG_EN);
	return out;
}

static void test_durations_as_written(void **state)
{
	static const struct {
		int64_t minutes;
		const char *en, *zh;
	} cases[] = {
		{0, "0 min", "0分钟"},
		{1, "1 min", "1分钟"},
		{15, "15 min", "15分钟"},
		{59, "59 min", "59分钟"},
		{60, "1 h", "1小时"},
		{70, "1 h 10 min", "1小时10分钟"},
		{240, "4 h", "4小时"},
		{1440, "24 h", "24小时"},
		{3060, "51 h", "51小时"},
		{4320, "72 h", "72小时"},
		{BIA_DAYS_FROM - 1, "95 h 59 min", "95小时59分钟"},
		{BIA_DAYS_FROM, "4 d", "4天"},
		{BIA_DAYS_FROM + 180, "4 d 3 h", "4天3小时"},
		{BIA_DAYS_FROM + 185, "4 d 3 h 5 min", "4天3小时5分钟"},
		{BIA_DAYS_FROM + 5, "4 d 5 min", "4天5分钟"},
		{10080, "7 d", "7天"},
		{BIA_MAX_MINUTES - 1, "365 d 23 h 59 min", "365天23小时59分钟"},
		{BIA_MAX_MINUTES, "366 d", "366天"},
		{BIA_MAX_MINUTES + 1, "366 d 1 min", "366天1分钟"},
		{U, "not set", "未设定"},
		{-7, "not set", "未设定"},
		{BIA_UNBOUNDED, "no bound", "无上限"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_string_equal(dur(LANG_EN, cases[i].minutes), cases[i].en);
		assert_string_equal(dur(LANG_ZH, cases[i].minutes), cases[i].zh);
	}
}

static void expect_parsed(const char *text, int64_t minutes)
{
	int64_t got = -99;
	if (bia_minutes_parse(text, &got) != ST_OK)
		fail_msg("refused \"%s\"", text);
	if (got != minutes)
		fail_msg("\"%s\" read as %lld, not %lld", text, (long long)got,
			 (long long)minutes);
}

static void expect_refused(const char *text)
{
	int64_t got = 12345;
	if (bia_minutes_parse(text, &got) != ST_INVALID)
		fail_msg("accepted \"%s\" as %lld", text, (long long)got);
	assert_int_equal(got, 12345);
}

static void test_durations_as_typed(void **state)
{
	static const struct {
		const char *text;
		int64_t minutes;
	} accepted[] = {
		{"15", 15},
		{"0", 0},
		{"007", 7},
		{"1.0", 1},
		{"15m", 15},
		{"15 min", 15},
		{"15min", 15},
		{"15 mins", 15},
		{"1 minute", 1},
		{"90 minutes", 90},
		{"15 MIN", 15},
		{"1h", 60},
		{"1 H", 60},
		{"2 hr", 120},
		{"2 hrs", 120},
		{"1 hour", 60},
		{"3 hours", 180},
		{"1.5 h", 90},
		{"1.50 h", 90},
		{"0.25 h", 15},
		{"0.1 h", 6},
		{"0.5 d", 720},
		{"1 h 10 min", 70},
		{"1h10m", 70},
		{"1 h 59 min", 119},
		{"2d", 2880},
		{"2 days", 2880},
		{"1 day", 1440},
		{"2 d 3 h", 3060},
		{"2 d 23 h 59 min", 4319},
		{"4 d 5 min", 5765},
		{"24h", 1440},
		{"72 h", 4320},
		{"366 d", BIA_MAX_MINUTES},
		{"8784 h", BIA_MAX_MINUTES},
		{"527040", BIA_MAX_MINUTES},
		{"0 h 30 min", 30},
		{"15分钟", 15},
		{"15分", 15},
		{"1小时", 60},
		{"2个小时", 120},
		{"1.5小时", 90},
		{"4小时30分", 270},
		{"4小时30分钟", 270},
		{"1小时10分钟", 70},
		{"2天", 2880},
		{"2天3小时", 3060},
		{"4天3小时5分钟", 5945},
		{"1 小时 10 分钟", 70},
		{"1 h 30分钟", 90},
		{"１５分钟", 15},
		{"１５ｍｉｎ", 15},
		{"１．５小时", 90},
		{"１５\xE3\x80\x80分钟", 15},
		{"  15 min  ", 15},
		{"\t1 h\t", 60},
		{"\xE3\x80\x80" "2天" "\xE3\x80\x80", 2880},
	};
	static const char *const refused[] = {
		"",
		"   ",
		"\xE3\x80\x80",
		"abc",
		"min",
		"h 15",
		"-5",
		"-5 min",
		"+5",
		"1.5",
		"0.5 min",
		"1.01 h",
		"0.01 h",
		"1.5 h 10 min",
		"1 h 0.5 min",
		".5 h",
		"5. h",
		"1.0000000001 d",
		"1,000",
		"1 000",
		"1 5",
		"1 h 30",
		"1h30",
		"15 min 1 h",
		"1 h 1 h",
		"1 h 60 min",
		"1 h 90 min",
		"1 d 24 h",
		"2 d 3 h 60 min",
		"15 ms",
		"15 mn",
		"15 minutesx",
		"15 m in",
		"15 seconds",
		"2 weeks",
		"15 min.",
		"15分钟钟",
		"十五分钟",
		"半小时",
		"15分钟，",
		"366 d 1 min",
		"527041",
		"8785 h",
		"367 d",
		"99999999999999999999999999 min",
		"1e3",
		"0x10",
		"15\nmin",
		"15\x01",
		"\xFF" "15",
		"15 \xE5\x88",
	};
	char longer[BIA_DURATION_TEXT_MAX + 2];
	(void)state;
	for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++)
		expect_parsed(accepted[i].text, accepted[i].minutes);
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
		expect_refused(refused[i]);
	expect_refused(NULL);
	/* Spaces up to the limit are read, one byte more is refused. */
	memset(longer, ' ', sizeof longer);
	memcpy(longer + 100, "15", 2);
	longer[BIA_DURATION_TEXT_MAX] = '\0';
	expect_parsed(longer, 15);
	longer[BIA_DURATION_TEXT_MAX] = ' ';
	longer[BIA_DURATION_TEXT_MAX + 1] = '\0';
	expect_refused(longer);
}

/* Every duration that can be typed reads back as written, in both
 * languages: the whole range, so that no carry between the parts (59 min,
 * 23 h, the change to days) can go wrong unseen. */
static void test_round_trip(void **state)
{
	char text[64];
	int64_t back;
	(void)state;
	for (int lang = LANG_EN; lang <= LANG_ZH; lang++) {
		msg_set_lang((moat_lang)lang);
		for (int64_t m = 0; m <= BIA_MAX_MINUTES; m++) {
			bia_minutes_format(m, text, sizeof text);
			back = -1;
			if (bia_minutes_parse(text, &back) != ST_OK || back != m)
				fail_msg("%lld written \"%s\", read %lld",
					 (long long)m, text, (long long)back);
		}
	}
	msg_set_lang(LANG_EN);
}

static void test_hint(void **state)
{
	char out[200];
	(void)state;
	bia_minutes_hint(out, sizeof out);
	assert_string_equal(out, "A duration such as 15 min, 1.5 h or 2 d 3 h, "
				 "at most 366 d");
	msg_set_lang(LANG_ZH);
	bia_minutes_hint(out, sizeof out);
	assert_string_equal(out, "请输入时长，如15分钟、1.5小时或2天3小时，最长366天");
	msg_set_lang(LANG_EN);
	/* The examples of the hint are read as it says. */
	expect_parsed("15 min", 15);
	expect_parsed("1.5 h", 90);
	expect_parsed("2 d 3 h", 3060);
	expect_parsed("2天3小时", 3060);
}

/* Whether byte i of s begins a character (or is the end). */
static bool at_boundary(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* What a buffer of len bytes must hold of full: the longest prefix that
 * ends between two characters and leaves room for the NUL. */
static void expect_cut(const char *got, const char *full, size_t len)
{
	size_t keep = strlen(full);
	if (keep > len - 1)
		keep = len - 1;
	while (keep > 0 && !at_boundary(full, keep))
		keep--;
	if (strlen(got) != keep || strncmp(got, full, keep) != 0)
		fail_msg("in %zu bytes \"%s\", not the first %zu of \"%s\"", len,
			 got, keep, full);
	assert_true(text_valid_utf8(got));
}

static void test_cut_between_characters(void **state)
{
	char full[64], out[64];
	(void)state;
	msg_set_lang(LANG_ZH);
	bia_minutes_format(BIA_DAYS_FROM + 185, full, sizeof full);
	assert_string_equal(full, "4天3小时5分钟");
	for (size_t len = 1; len <= strlen(full) + 1; len++) {
		memset(out, 'x', sizeof out);
		bia_minutes_format(BIA_DAYS_FROM + 185, out, len);
		expect_cut(out, full, len);
		assert_int_equal(out[len], 'x'); /* nothing past len */
	}
	/* Cut inside "天": nothing of it is left. */
	bia_minutes_format(BIA_DAYS_FROM + 185, out, 3);
	assert_string_equal(out, "4");
	bia_minutes_format(BIA_DAYS_FROM + 185, out, 5);
	assert_string_equal(out, "4天");
	msg_set_lang(LANG_EN);
	/* A buffer of 0 bytes is left alone. */
	out[0] = 'x';
	bia_minutes_format(15, out, 0);
	assert_int_equal(out[0], 'x');
}

/* The conversions of a format, in order ("%s%lld" gives "slld"). */
static void conversions(const char *fmt, char *out, size_t len)
{
	size_t o = 0;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		while (*p && strchr("-+ #0123456789.hlzjt", *p) && o + 2 < len)
			out[o++] = *p++;
		if (*p && o + 2 < len)
			out[o++] = *p;
		out[o++] = ',';
		if (!*p)
			break;
	}
	out[o] = '\0';
}

/* Every message of this module takes the same arguments in both
 * languages: a mismatch would print garbage, and no compiler sees it. */
static void test_catalog_formats_agree(void **state)
{
	char en[64], zh[64];
	(void)state;
	conversions("%s: %lld %%, %zu", en, sizeof en);
	assert_string_equal(en, "s,lld,zu,");
	for (int id = BIAT_NOT_SET; id <= BIAT_DURATION_HINT_FMT; id++) {
		conversions(msg_in((msg_id)id, LANG_EN), en, sizeof en);
		conversions(msg_in((msg_id)id, LANG_ZH), zh, sizeof zh);
		if (strcmp(en, zh) != 0)
			fail_msg("message %d: \"%s\" takes %s, \"%s\" %s", id,
				 msg_in((msg_id)id, LANG_EN), en,
				 msg_in((msg_id)id, LANG_ZH), zh);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_durations_as_written),
		cmocka_unit_test(test_durations_as_typed),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_hint),
		cmocka_unit_test(test_cut_between_characters),
		cmocka_unit_test(test_catalog_formats_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
