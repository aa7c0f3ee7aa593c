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
#include "tests/fixtures.h"

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

/* ---- Sentences ---- */

static char out[1024];

/* The shipped reference data, loaded once for all tests. */
static bia_reference ref_en, ref_zh;

static int load_references(void **state)
{
	(void)state;
	fixture_bia_reference("en", &ref_en);
	fixture_bia_reference("zh_CN", &ref_zh);
	return 0;
}

static int free_references(void **state)
{
	(void)state;
	bia_reference_free(&ref_en);
	bia_reference_free(&ref_zh);
	return 0;
}

static void lang(moat_lang l)
{
	msg_set_lang(l);
}

static void test_every_problem(void **state)
{
	static const struct {
		bia_problem why;
		int64_t value;
		const char *en, *zh;
	} cases[] = {
		{BIA_OK, 0, "", ""},
		{BIA_DURATION_RANGE, 0,
		 "An outage duration must be from 1 min to 366 d",
		 "中断时长应在1分钟至366天之间"},
		{BIA_DURATION_ORDER, 240,
		 "Each outage duration must be longer than the one before (4 h)",
		 "中断时长须长于前一个时长（4小时）"},
		{BIA_TOO_MANY_DURATIONS, 0, "At most 12 outage durations",
		 "中断时长最多12个"},
		{BIA_RATING_RANGE, 0, "Not a rating", "不是有效的评级"},
		{BIA_AMOUNT_RANGE, 0,
		 "A loss must be an amount from 0 to 1000000000000",
		 "损失金额应在0至1000000000000之间"},
		{BIA_NO_REASON, 0,
		 "Give a reason: a rating or an MTD set by hand needs one",
		 "请说明理由：手动设定的评级或MTD须注明理由"},
		{BIA_MTD_RANGE, 0, "The MTD must be from 1 min to 366 d",
		 "MTD应在1分钟至366天之间"},
		{BIA_NO_MTD, 0, "Set the MTD first: the RTO is checked against it",
		 "请先确定MTD：RTO须据此核对"},
		{BIA_RTO_RANGE, 0, "The RTO must be from 0 min to 366 d",
		 "RTO应在0分钟至366天之间"},
		{BIA_RTO_NOT_BELOW_MTD, 60,
		 "The RTO must be shorter than the MTD (1 h)",
		 "RTO必须短于MTD（1小时）"},
		{BIA_BAD_USE, 0,
		 "A process is linked to a system that does not exist",
		 "业务流程关联了不存在的系统"},
		{BIA_BAD_HOLD, 0,
		 "A system is linked to a data type that does not exist",
		 "系统关联了不存在的数据类型"},
		{BIA_COST_RANGE, 0,
		 "A cost must be an amount from 0 to 1000000000000",
		 "成本金额应在0至1000000000000之间"},
	};
	bool seen[BIA_COST_RANGE + 1] = {false};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		seen[cases[i].why] = true;
		lang(LANG_EN);
		bia_problem_text(cases[i].why, cases[i].value, out, sizeof out);
		assert_string_equal(out, cases[i].en);
		lang(LANG_ZH);
		bia_problem_text(cases[i].why, cases[i].value, out, sizeof out);
		assert_string_equal(out, cases[i].zh);
	}
	for (int p = BIA_OK; p <= BIA_COST_RANGE; p++)
		assert_true(seen[p]);
	/* What bia.h refuses is said with the figure it was refused for. */
	{
		bia_problem why;
		assert_int_equal(bia_check_rto(240, 240, &why), ST_INVALID);
		bia_problem_text(why, 240, out, sizeof out);
		assert_string_equal(out, "RTO必须短于MTD（4小时）");
	}
	bia_problem_text((bia_problem)99, 0, out, sizeof out);
	assert_string_equal(out, "?");
	lang(LANG_EN);
}

enum { NONE = BIA_RATING_NONE, LOW = BIA_RATING_LOW, MED = BIA_RATING_MEDIUM,
       HIGH = BIA_RATING_HIGH, EXTREME = BIA_RATING_EXTREME };

/* A grid of the given durations, each row's four dimensions at one rating. */
static void grid(bia_grid *g, size_t n, const int64_t *minutes,
		 const int *ratings)
{
	memset(g, 0, sizeof *g);
	for (size_t i = 0; i < n; i++) {
		g->rows[i].minutes = minutes[i];
		for (int d = 0; d < BIA_DIMENSIONS; d++)
			g->rows[i].cell[d].rating = (bia_rating)ratings[i];
	}
	g->n_rows = n;
}

/* The MTD sentence for g under intolerable, in both languages. */
static void expect_mtd_text(const bia_grid *g, bia_rating intolerable,
			    bia_mtd_outcome outcome, const char *en_text,
			    const char *zh_text)
{
	bia_mtd_suggestion s;
	assert_int_equal(bia_suggest_mtd(g, intolerable, &s), outcome);
	lang(LANG_EN);
	bia_mtd_text(&s, g, &ref_en, intolerable, out, sizeof out);
	assert_string_equal(out, en_text);
	lang(LANG_ZH);
	bia_mtd_text(&s, g, &ref_zh, intolerable, out, sizeof out);
	assert_string_equal(out, zh_text);
	lang(LANG_EN);
}

static void test_every_mtd_outcome(void **state)
{
	static const int64_t doc[] = {15, 60, 240, 1440};
	/* The road-rescue grid's overall ratings (tests/test_bia.c). */
	static const int rescue[] = {LOW, MED, EXTREME, EXTREME};
	static const int mild[] = {NONE, LOW, LOW, MED};
	bia_grid g;
	(void)state;
	grid(&g, 4, doc, rescue);
	expect_mtd_text(&g, BIA_RATING_EXTREME, BIA_MTD_FOUND,
			"Suggested MTD 1 h: the last duration before the overall "
			"rating first reaches extreme (at 4 h)",
			"建议MTD为1小时：即综合评级首次达到“极高”（4小时）之前的最后一个中断时长");
	/* Below the top rating, worse ones count too. */
	expect_mtd_text(&g, BIA_RATING_MEDIUM, BIA_MTD_FOUND,
			"Suggested MTD 15 min: the last duration before the "
			"overall rating first reaches medium or worse (at 1 h)",
			"建议MTD为15分钟：即综合评级首次达到“中”或更高（1小时）之前的最后一个中断时长");
	expect_mtd_text(&g, BIA_RATING_LOW, BIA_MTD_AT_FIRST,
			"Intolerable from the first duration (15 min): the MTD "
			"is shorter; set it with a reason",
			"首个中断时长（15分钟）即不可容忍：MTD更短，请手动设定并说明理由");
	grid(&g, 4, doc, mild);
	expect_mtd_text(&g, BIA_RATING_EXTREME, BIA_MTD_NEVER,
			"Never intolerable up to 24 h: the MTD is at least 24 h; "
			"set it with a reason",
			"直至24小时均未达到不可容忍的程度：MTD至少为24小时，请手动设定并说明理由");
	grid(&g, 0, doc, mild);
	expect_mtd_text(&g, BIA_RATING_EXTREME, BIA_MTD_NO_DURATIONS,
			"No outage durations to assess", "尚无可评估的中断时长");
}

static void expect_margin(int permille, int threshold, const char *en,
			  const char *zh)
{
	lang(LANG_EN);
	bia_margin_text(permille, threshold, out, sizeof out);
	assert_string_equal(out, en);
	lang(LANG_ZH);
	bia_margin_text(permille, threshold, out, sizeof out);
	assert_string_equal(out, zh);
	lang(LANG_EN);
}

static void test_margin(void **state)
{
	int m;
	bia_problem why;
	(void)state;
	/* §2.1 step 4's margins: 75 %, 50 %, 50 %; at the threshold, no
	 * warning. */
	assert_int_equal(bia_margin(60, 15, &m, &why), ST_OK);
	expect_margin(m, 500, "margin 75 %", "安全裕度75%");
	assert_int_equal(bia_margin(240, 120, &m, &why), ST_OK);
	expect_margin(m, 500, "margin 50 %", "安全裕度50%");
	assert_int_equal(bia_margin(240, 121, &m, &why), ST_OK);
	expect_margin(m, 500,
		      "margin 49.5 %, under 50 %: the RTO leaves little time "
		      "before the MTD",
		      "安全裕度49.5%，低于50%：RTO过于接近MTD");
	expect_margin(666, 500, "margin 66.6 %", "安全裕度66.6%");
	expect_margin(1000, 500, "margin 100 %", "安全裕度100%");
	expect_margin(0, 0, "margin 0 %", "安全裕度0%");
	expect_margin(0, 505,
		      "margin 0 %, under 50.5 %: the RTO leaves little time "
		      "before the MTD",
		      "安全裕度0%，低于50.5%：RTO过于接近MTD");
}

/* Two critical processes on the customer-service system, one without an
 * RTO; a third, not critical, sets nothing; one of its two data types has
 * no RPO. A second system has nothing on it. */
static const bia_process cs_processes[] = {
	{.name = "预约服务", .critical = true, .rto = 120},
	{.name = "到店接待", .critical = true, .rto = U},
	{.name = "客户回访", .critical = false, .rto = 60},
};
static const bia_data_type cs_types[] = {
	{.name = "客户信息", .rpo = 60},
	{.name = "历史统计数据", .rpo = U},
};
static const bia_use cs_uses[] = {{0, 0}, {1, 0}, {2, 0}};
static const bia_hold cs_holds[] = {{0, 0}, {0, 1}};

static bia_rollup_input cs_input(void)
{
	return (bia_rollup_input){cs_processes, 3, cs_types, 2, 2, cs_uses, 3,
				  cs_holds, 2};
}

static void expect_need_texts(const bia_rollup_input *in,
			      const bia_system_need *n, const char *en,
			      const char *en_flags, const char *zh,
			      const char *zh_flags)
{
	lang(LANG_EN);
	bia_need_text(in, n, out, sizeof out);
	assert_string_equal(out, en);
	bia_need_flags_text(n, out, sizeof out);
	assert_string_equal(out, en_flags);
	lang(LANG_ZH);
	bia_need_text(in, n, out, sizeof out);
	assert_string_equal(out, zh);
	bia_need_flags_text(n, out, sizeof out);
	assert_string_equal(out, zh_flags);
	lang(LANG_EN);
}

static void test_rollup_texts(void **state)
{
	bia_rollup_input in = cs_input();
	bia_system_need need[2], many;
	bia_problem why;
	size_t at;
	(void)state;
	assert_int_equal(bia_rollup(&in, need, &why, &at), ST_OK);
	expect_need_texts(&in, &need[0],
			  "RTO 2 h (预约服务), RPO 1 h (客户信息)",
			  "single point of failure: used by 2 critical "
			  "processes; RTO missing for 1 critical process; RPO "
			  "missing for 1 data type",
			  "RTO 2小时（预约服务），RPO 1小时（客户信息）",
			  "单点故障：2个关键业务流程依赖该系统；1个关键业务流程缺少RTO；1类数据缺少RPO");
	expect_need_texts(&in, &need[1], "RTO not set, RPO not set", "",
			  "RTO 未设定，RPO 未设定", "");
	/* Counts other than one, in English's plural. */
	many = need[0];
	many.n_critical = 3;
	many.missing_rto = 2;
	many.missing_rpo = 2;
	lang(LANG_EN);
	bia_need_flags_text(&many, out, sizeof out);
	assert_string_equal(out, "single point of failure: used by 3 critical "
				 "processes; RTO missing for 2 critical "
				 "processes; RPO missing for 2 data types");
	many.spof = false;
	many.missing_rto = 0;
	bia_need_flags_text(&many, out, sizeof out);
	assert_string_equal(out, "RPO missing for 2 data types");
	many.n_critical = 1;
	many.spof = true;
	many.missing_rpo = 0;
	bia_need_flags_text(&many, out, sizeof out);
	assert_string_equal(out, "single point of failure: used by 1 critical "
				 "process");
}

static void test_level_rule_and_labels(void **state)
{
	(void)state;
	lang(LANG_EN);
	assert_string_equal(bia_level_rule_text(),
			    "Recommended: the lowest level whose worst case (the "
			    "upper bound of its RTO and RPO ranges) meets both "
			    "targets");
	bia_level_label(&ref_en.tables[0], 5, out, sizeof out);
	assert_string_equal(out, "level 5 (Real-time data backup)");
	bia_level_label(&ref_en.tables[0], 9, out, sizeof out);
	assert_string_equal(out, "level 9");
	bia_level_label(NULL, 2, out, sizeof out);
	assert_string_equal(out, "level 2");
	lang(LANG_ZH);
	assert_string_equal(bia_level_rule_text(),
			    "推荐等级：RTO和RPO范围的上界（最坏情况）均满足目标的最低等级");
	bia_level_label(&ref_zh.tables[0], 5, out, sizeof out);
	assert_string_equal(out, "5级（实时数据备份）");
	bia_level_label(&ref_zh.tables[0], 9, out, sizeof out);
	assert_string_equal(out, "9级");
	lang(LANG_EN);
}

#define RECOMMENDATION (-1)

/* What the shipped table says for the targets: the recommendation, or with
 * a planned level the plan against it; the outcome is the one
 * bia_recommend_level must give. */
static const struct {
	bia_level_outcome outcome;
	int planned;
	int64_t rto, rpo;
	const char *en, *zh;
} level_texts[] = {
	{BIA_LEVEL_FOUND, RECOMMENDATION, 120, 60,
	 "Recommended: level 5 (Real-time data backup), which meets RTO 2 h "
	 "and RPO 1 h",
	 "推荐5级（实时数据备份），可满足RTO 2小时、RPO 1小时"},
	{BIA_LEVEL_FOUND, RECOMMENDATION, 120, U,
	 "Recommended: level 5 (Real-time data backup), which meets RTO 2 h "
	 "(no RPO set)",
	 "推荐5级（实时数据备份），可满足RTO 2小时（尚未设定RPO）"},
	{BIA_LEVEL_FOUND, RECOMMENDATION, U, 60,
	 "Recommended: level 4 (Scheduled data backup), which meets RPO 1 h "
	 "(no RTO set)",
	 "推荐4级（定时数据备份），可满足RPO 1小时（尚未设定RTO）"},
	{BIA_LEVEL_NO_TARGETS, RECOMMENDATION, U, U,
	 "No RTO or RPO set yet, so the lowest level: level 1 (Basic data "
	 "backup)",
	 "尚未设定RTO和RPO，暂按最低等级：1级（基本数据备份）"},
	{BIA_LEVEL_NONE_MEETS, RECOMMENDATION, 0, 0,
	 "No level of the table meets RTO 0 min and RPO 0 min",
	 "等级表中没有能满足RTO 0分钟、RPO 0分钟的等级"},
	/* §3.1's plan for customer service and road rescue. */
	{BIA_LEVEL_FOUND, 4, 120, 60,
	 "Planned level 4, needs 5: RTO 2 h not met (level 4 recovers in up "
	 "to 12 h)",
	 "计划4级，需要5级：达不到RTO 2小时（4级最长需12小时恢复）"},
	{BIA_LEVEL_FOUND, 5, 15, 5,
	 "Planned level 5, needs 6: RTO 15 min not met (level 5 recovers in up "
	 "to 1 h); RPO 5 min not met (level 5 loses up to 15 min of data)",
	 "计划5级，需要6级：达不到RTO 15分钟（5级最长需1小时恢复）；"
	 "达不到RPO 5分钟（5级最多丢失15分钟的数据）"},
	/* Only the RPO short. */
	{BIA_LEVEL_FOUND, 3, 1440, 60,
	 "Planned level 3, needs 4: RPO 1 h not met (level 3 loses up to 4 h "
	 "of data)",
	 "计划3级，需要4级：达不到RPO 1小时（3级最多丢失4小时的数据）"},
	/* Level 1 promises no bound at all. */
	{BIA_LEVEL_FOUND, 1, 1440, 1440,
	 "Planned level 1, needs 3: RTO 24 h not met (level 1 sets no upper "
	 "bound on recovery); RPO 24 h not met (level 1 sets no upper bound on "
	 "data loss)",
	 "计划1级，需要3级：达不到RTO 24小时（1级的恢复时间没有上限）；"
	 "达不到RPO 24小时（1级的数据丢失没有上限）"},
	{BIA_LEVEL_FOUND, 5, 120, 60, "Planned level 5, as recommended",
	 "计划5级，与推荐等级一致"},
	{BIA_LEVEL_FOUND, 6, 120, 60,
	 "Planned level 6, stronger than needed (level 5 is enough)",
	 "计划6级，高于所需（5级即可）"},
	{BIA_LEVEL_FOUND, 0, 120, 60, "Nothing planned: needs level 5",
	 "尚未规划灾备等级：需要5级"},
	/* Without targets the lowest level is the advice. */
	{BIA_LEVEL_NO_TARGETS, 1, U, U, "Planned level 1, as recommended",
	 "计划1级，与推荐等级一致"},
	{BIA_LEVEL_NO_TARGETS, 3, U, U,
	 "Planned level 3, stronger than needed (level 1 is enough)",
	 "计划3级，高于所需（1级即可）"},
	{BIA_LEVEL_NO_TARGETS, 0, U, U, "Nothing planned: needs level 1",
	 "尚未规划灾备等级：需要1级"},
	/* Targets no level meets. */
	{BIA_LEVEL_NONE_MEETS, 0, 0, 0, "Nothing planned", "尚未规划灾备等级"},
	{BIA_LEVEL_NONE_MEETS, 6, 0, 0,
	 "Planned level 6, and no level meets the targets: RTO 0 min not met "
	 "(level 6 recovers in up to 15 min)",
	 "计划6级，且没有能满足目标的等级：达不到RTO 0分钟（6级最长需15分钟恢复）"},
	{BIA_LEVEL_NONE_MEETS, 9, 0, 0,
	 "Planned level 9, and no level meets the targets: level 9 is not in "
	 "the table",
	 "计划9级，且没有能满足目标的等级：等级表中没有9级"},
};

static void test_recommendation_and_plan(void **state)
{
	const bia_reference *ref[2] = {&ref_en, &ref_zh};
	bia_table empty;
	(void)state;
	for (size_t i = 0; i < sizeof level_texts / sizeof level_texts[0];
	     i++) {
		int64_t rto = level_texts[i].rto, rpo = level_texts[i].rpo;
		bia_level_outcome o = level_texts[i].outcome;
		const char *want[2] = {level_texts[i].en, level_texts[i].zh};
		int level, planned = level_texts[i].planned;
		assert_int_equal(bia_recommend_level(&ref_en.tables[0], rto,
						     rpo, &level),
				 o);
		for (int l = LANG_EN; l <= LANG_ZH; l++) {
			const bia_table *t = &ref[l]->tables[0];
			lang((moat_lang)l);
			if (planned == RECOMMENDATION)
				bia_recommend_text(t, o, level, rto, rpo, out,
						   sizeof out);
			else
				bia_plan_text(t, planned, o, level, rto, rpo,
					      out, sizeof out);
			assert_string_equal(out, want[l]);
		}
	}
	/* A table without levels. */
	memset(&empty, 0, sizeof empty);
	lang(LANG_ZH);
	bia_recommend_text(&empty, BIA_LEVEL_EMPTY, 0, 60, 60, out, sizeof out);
	assert_string_equal(out, "等级表中没有任何等级");
	bia_plan_text(&empty, 3, BIA_LEVEL_EMPTY, 0, 60, 60, out, sizeof out);
	assert_string_equal(out, "计划3级，但等级表中没有任何等级");
	lang(LANG_EN);
	bia_recommend_text(&empty, BIA_LEVEL_EMPTY, 0, 60, 60, out, sizeof out);
	assert_string_equal(out, "The level table has no levels");
	bia_plan_text(&empty, 3, BIA_LEVEL_EMPTY, 0, 60, 60, out, sizeof out);
	assert_string_equal(out,
			    "Planned level 3, but the level table has no levels");
	bia_plan_text(&empty, 0, BIA_LEVEL_EMPTY, 0, 60, 60, out, sizeof out);
	assert_string_equal(out, "Nothing planned");
}

/* The verdict on a for rto and rpo in one language. */
static const char *verdict(const bia_arch *a, int64_t rto, int64_t rpo,
			   moat_lang l)
{
	bia_arch_result r;
	bia_problem why;
	assert_int_equal(bia_arch_check(a, rto, rpo, 0, &r, &why), ST_OK);
	lang(l);
	bia_arch_verdict_text(a, &r, rto, rpo, out, sizeof out);
	lang(LANG_EN);
	return out;
}

static void test_architecture_verdicts(void **state)
{
	const bia_arch *same_en, *same_zh;
	bia_arch open, none;
	(void)state;
	same_en = bia_reference_arch(&ref_en, "same_city");
	same_zh = bia_reference_arch(&ref_zh, "same_city");
	assert_non_null(same_en);
	assert_non_null(same_zh);
	assert_string_equal(verdict(same_en, 120, 15, LANG_EN),
			    "local → same city: meets RTO 2 h and RPO 15 min");
	assert_string_equal(verdict(same_zh, 120, 15, LANG_ZH),
			    "本地→同城：满足RTO 2小时和RPO 15分钟");
	assert_string_equal(verdict(same_en, 30, 15, LANG_EN),
			    "local → same city: misses RTO 30 min (up to 1 h), "
			    "meets RPO 15 min");
	assert_string_equal(verdict(same_zh, 30, 15, LANG_ZH),
			    "本地→同城：达不到RTO 30分钟（最长1小时），满足RPO 15分钟");
	assert_string_equal(verdict(same_en, 60, 5, LANG_EN),
			    "local → same city: meets RTO 1 h, misses RPO 5 min "
			    "(up to 15 min)");
	assert_string_equal(verdict(same_zh, 30, 5, LANG_ZH),
			    "本地→同城：达不到RTO 30分钟（最长1小时），"
			    "达不到RPO 5分钟（最长15分钟）");
	assert_string_equal(verdict(same_en, 120, U, LANG_EN),
			    "local → same city: meets RTO 2 h, no RPO set");
	assert_string_equal(verdict(same_zh, U, 1, LANG_ZH),
			    "本地→同城：尚未设定RTO，达不到RPO 1分钟（最长15分钟）");
	assert_string_equal(verdict(same_en, U, U, LANG_EN),
			    "local → same city: no RTO or RPO set");
	assert_string_equal(verdict(same_zh, U, U, LANG_ZH),
			    "本地→同城：尚未设定RTO和RPO");
	/* A first site without an upper bound. */
	open = *same_en;
	open.sites[0].rto.upper = BIA_UNBOUNDED;
	assert_string_equal(verdict(&open, 1440, 15, LANG_EN),
			    "local → same city: misses RTO 24 h (no upper "
			    "bound), meets RPO 15 min");
	open = *same_zh;
	open.sites[0].rto.upper = BIA_UNBOUNDED;
	assert_string_equal(verdict(&open, 1440, 15, LANG_ZH),
			    "本地→同城：达不到RTO 24小时（没有上限），满足RPO 15分钟");
	none = *same_en;
	none.n_sites = 0;
	assert_string_equal(verdict(&none, 60, 60, LANG_EN),
			    "no DR site described");
	assert_string_equal(verdict(&none, 60, 60, LANG_ZH), "未描述灾备站点");
}

/* The cost of a from a production cost, in one language and currency. */
static const char *cost(const bia_arch *a, money production,
			const char *currency, moat_lang l)
{
	bia_arch_result r;
	bia_problem why;
	assert_int_equal(bia_arch_check(a, 60, 60, production, &r, &why), ST_OK);
	lang(l);
	bia_arch_cost_text(a, &r, currency, out, sizeof out);
	lang(LANG_EN);
	return out;
}

static void test_architecture_costs(void **state)
{
	const bia_arch *same_en, *same_zh;
	bia_arch plain;
	(void)state;
	same_en = bia_reference_arch(&ref_en, "same_city");
	same_zh = bia_reference_arch(&ref_zh, "same_city");
	/* A production site of 200 (万元): 1.5-2 times that. */
	assert_string_equal(cost(same_en, 20000, NULL, LANG_EN),
			    "cost 300-400 10k CNY (1.5-2 x the production site)");
	assert_string_equal(cost(same_zh, 20000, "万元", LANG_ZH),
			    "成本300-400万元（生产中心的1.5-2倍）");
	assert_string_equal(cost(same_zh, 20000, "", LANG_ZH),
			    "成本300-400万元（生产中心的1.5-2倍）");
	assert_string_equal(cost(same_en, 20001, "USD", LANG_EN),
			    "cost 300.02-400.02 USD (1.5-2 x the production site)");
	assert_string_equal(cost(same_en, 0, NULL, LANG_EN),
			    "cost unknown: no production cost given");
	assert_string_equal(cost(same_zh, 0, NULL, LANG_ZH),
			    "成本未知：尚未填写生产中心的成本");
	/* One amount when both ends agree; no words, no brackets. */
	plain = *same_en;
	plain.cost_factor.lower = plain.cost_factor.upper = 100;
	plain.cost_factor.words = NULL;
	assert_string_equal(cost(&plain, 20000, NULL, LANG_EN),
			    "cost 200 10k CNY");
	assert_string_equal(cost(&plain, 20000, NULL, LANG_ZH), "成本200万元");
}

/* Long sentences too are cut between characters: both a sentence of one
 * format and one built of parts, at every length. */
static void test_sentences_cut_between_characters(void **state)
{
	bia_rollup_input in = cs_input();
	bia_system_need need[2];
	bia_problem why;
	size_t at;
	char full[1024], cut[1024];
	(void)state;
	lang(LANG_ZH);
	bia_plan_text(&ref_zh.tables[0], 5, BIA_LEVEL_FOUND, 6, 15, 5, full,
		      sizeof full);
	for (size_t len = 1; len <= strlen(full) + 1; len++) {
		bia_plan_text(&ref_zh.tables[0], 5, BIA_LEVEL_FOUND, 6, 15, 5, cut,
			      len);
		expect_cut(cut, full, len);
	}
	assert_int_equal(bia_rollup(&in, need, &why, &at), ST_OK);
	bia_need_flags_text(&need[0], full, sizeof full);
	for (size_t len = 1; len <= strlen(full) + 1; len++) {
		bia_need_flags_text(&need[0], cut, len);
		expect_cut(cut, full, len);
	}
	bia_need_text(&in, &need[0], full, sizeof full);
	for (size_t len = 1; len <= strlen(full) + 1; len++) {
		bia_need_text(&in, &need[0], cut, len);
		expect_cut(cut, full, len);
	}
	lang(LANG_EN);
}

/* ---- Findings for checklist items 1-3 ---- */

/* §2.1 step 1's processes with §2.1's MTDs and §1.2's RTOs where the
 * document gives them, their systems and §1.2's data types. */
enum { RESCUE_SYS, CS_SYS, ORDER_SYS, STOCK_SYS, FIN_SYS, CRM_SYS, BI_SYS,
       N_SYS };
#define N_PROC 8
#define MAX_PROC 16

typedef struct {
	bia_process processes[MAX_PROC];
	int64_t mtd[MAX_PROC];
	bia_use uses[MAX_PROC];
	bia_hold holds[MAX_PROC];
	bia_data_type types[4];
	bia_system systems[MAX_PROC];
	bia_system_need needs[MAX_PROC];
	bia_level_outcome outcomes[MAX_PROC];
	int recommended[MAX_PROC];
	size_t n_processes, n_uses, n_holds, n_systems;
	size_t n_review_due;
	int review_months;
	bia_year_figures y;
	item_findings f[BIA_FIND_ITEMS];
} year;

static void doc_year(year *d)
{
	static const struct {
		const char *name;
		bool critical;
		int64_t mtd, rto;
	} procs[N_PROC] = {
		{"道路救援服务", true, 60, 15},   {"预约服务", true, 240, 120},
		{"到店接待", true, 240, 120},     {"维修作业", true, U, U},
		{"配件调配", true, 480, 240},     {"结算收款", true, U, U},
		{"客户回访", false, U, U},        {"数据分析", false, U, 1440},
	};
	static const char *const systems[N_SYS] = {
		"救援调度系统", "客服管理系统", "工单管理系统", "库存管理系统",
		"财务系统",     "CRM系统",      "BI平台",
	};
	/* §3.1's planned levels where it gives them, and the others'. */
	static const int planned[N_SYS] = {5, 4, 0, 3, 6, 0, 2};
	static const bia_use uses[N_PROC] = {
		{0, RESCUE_SYS}, {1, CS_SYS},    {2, CS_SYS}, {3, ORDER_SYS},
		{4, STOCK_SYS},  {5, FIN_SYS},   {6, CRM_SYS}, {7, BI_SYS},
	};
	static const bia_hold holds[N_SYS] = {
		{RESCUE_SYS, 0}, {CS_SYS, 1},  {ORDER_SYS, 0}, {STOCK_SYS, 2},
		{FIN_SYS, 0},    {CRM_SYS, 1}, {BI_SYS, 3},
	};
	static const int64_t rpo[4] = {5, 60, 240, 1440};

	memset(d, 0, sizeof *d);
	for (size_t p = 0; p < N_PROC; p++) {
		snprintf(d->processes[p].name, sizeof d->processes[p].name, "%s",
			 procs[p].name);
		d->processes[p].critical = procs[p].critical;
		d->processes[p].rto = procs[p].rto;
		d->mtd[p] = procs[p].mtd;
		d->uses[p] = uses[p];
	}
	for (size_t s = 0; s < N_SYS; s++) {
		snprintf(d->systems[s].name, sizeof d->systems[s].name, "%s",
			 systems[s]);
		d->systems[s].planned_level = planned[s];
		d->holds[s] = holds[s];
	}
	for (size_t t = 0; t < 4; t++)
		d->types[t].rpo = rpo[t];
	/* The document recommends the same-city dual centre for core
	 * systems; only rescue and customer service have one so far. */
	snprintf(d->systems[RESCUE_SYS].arch, sizeof d->systems[0].arch,
		 "same_city");
	snprintf(d->systems[CS_SYS].arch, sizeof d->systems[0].arch,
		 "same_city");
	d->n_processes = d->n_uses = N_PROC;
	d->n_systems = d->n_holds = N_SYS;
}

/* The roll-up and the recommendations by the shipped table, then the
 * findings, as the store will make them. */
static moat_status find(year *d)
{
	bia_rollup_input in = {d->processes, d->n_processes, d->types, 4,
			       d->n_systems, d->uses, d->n_uses, d->holds,
			       d->n_holds};
	bia_problem why;
	size_t at;
	assert_int_equal(bia_rollup(&in, d->needs, &why, &at), ST_OK);
	for (size_t s = 0; s < d->n_systems; s++)
		d->outcomes[s] = bia_recommend_level(&ref_en.tables[0],
						     d->needs[s].rto,
						     d->needs[s].rpo,
						     &d->recommended[s]);
	d->y = (bia_year_figures){
		.processes = d->processes, .n_processes = d->n_processes,
		.mtd = d->mtd, .uses = d->uses, .n_uses = d->n_uses,
		.systems = d->systems, .n_systems = d->n_systems,
		.needs = d->needs, .outcomes = d->outcomes,
		.recommended = d->recommended};
	d->y.n_review_due = d->n_review_due;
	d->y.review_months = d->review_months;
	return bia_checklist_findings(&d->y, d->f);
}

/* The lines of one item's findings, "|" apart, and whether they support
 * "done". */
static void expect_findings(const item_findings *f, bool done,
			    const char *lines)
{
	char all[4096] = "";
	for (size_t i = 0; i < f->n_lines; i++) {
		if (i)
			strcat(all, "|");
		strcat(all, f->lines[i]);
		assert_true(text_valid_utf8(f->lines[i]));
	}
	assert_string_equal(all, lines);
	assert_int_equal(f->supports_done, done);
}

/* The findings of d in the current language: item i's. */
static void check(year *d, bia_find_item i, bool done, const char *lines)
{
	assert_int_equal(find(d), ST_OK);
	expect_findings(&d->f[i], done, lines);
}

/* The same in both languages. */
static void check_both(year *d, bia_find_item i, bool done, const char *en,
		       const char *zh)
{
	lang(LANG_EN);
	check(d, i, done, en);
	lang(LANG_ZH);
	check(d, i, done, zh);
	lang(LANG_EN);
}

static void test_findings_of_the_documents_year(void **state)
{
	year d;
	(void)state;
	doc_year(&d);
	lang(LANG_EN);
	assert_int_equal(find(&d), ST_OK);
	assert_string_equal(d.f[BIA_FIND_BIA].item, "bia");
	assert_string_equal(d.f[BIA_FIND_RTO_RPO].item, "rto_rpo");
	assert_string_equal(d.f[BIA_FIND_DR_SITE].item, "dr_site");
	/* 维修作业 and 结算收款 have neither MTD nor RTO in the document. */
	check_both(&d, BIA_FIND_BIA, false,
		   "BIA: 2 of 6 critical processes have no MTD",
		   "BIA：有2个关键业务流程尚未确定MTD（共6个）");
	check_both(&d, BIA_FIND_RTO_RPO, false,
		   "RTO/RPO: 2 of 5 critical systems are missing an RTO",
		   "RTO/RPO：有2个关键系统缺少RTO（共5个）");
	check_both(&d, BIA_FIND_DR_SITE, false,
		   "DR: 救援调度系统 plans level 5, needs 6|"
		   "DR: 客服管理系统 plans level 4, needs 5|"
		   "DR: 工单管理系统 has no level planned, needs 6|"
		   "DR: 库存管理系统 plans level 3, needs 5|"
		   "DR: 2 of 5 critical systems lack an RTO or RPO to size "
		   "their level|"
		   "DR: 3 of 5 critical systems have no architecture chosen",
		   "灾备：救援调度系统计划5级，需要6级|"
		   "灾备：客服管理系统计划4级，需要5级|"
		   "灾备：工单管理系统尚未规划灾备等级，需要6级|"
		   "灾备：库存管理系统计划3级，需要5级|"
		   "灾备：有2个关键系统缺少RTO或RPO，无法确定所需等级"
		   "（关键系统共5个）|"
		   "灾备：有3个关键系统尚未选定灾备架构（共5个）");
	/* A "done" on any of them says the analysis does not bear it out. */
	for (int i = 0; i < BIA_FIND_ITEMS; i++) {
		assert_true(item_findings_contradict(&d.f[i], ITEM_DONE));
		assert_false(item_findings_contradict(&d.f[i], ITEM_IN_PROGRESS));
		assert_false(item_findings_contradict(&d.f[i], ITEM_NOT_STARTED));
	}
	assert_string_equal(bia_contradiction_text(),
			    "Marked done, but the BIA recorded here does not "
			    "support it");
	lang(LANG_ZH);
	assert_string_equal(bia_contradiction_text(),
			    "已标记为已完成，但此处记录的BIA不支持这一结论");
	lang(LANG_EN);
}

/* The document's year completed: every MTD and RTO set, each system
 * planned at the level it needs, each with an architecture. */
static void complete(year *d)
{
	static const int needed[N_SYS] = {6, 5, 6, 5, 6, 0, 2};
	d->mtd[3] = d->mtd[5] = 240;
	d->processes[3].rto = d->processes[5].rto = 120;
	for (size_t s = 0; s < N_SYS; s++) {
		d->systems[s].planned_level = needed[s];
		snprintf(d->systems[s].arch, sizeof d->systems[s].arch,
			 "same_city");
	}
}

static void test_findings_that_support_done(void **state)
{
	year d;
	(void)state;
	doc_year(&d);
	complete(&d);
	check_both(&d, BIA_FIND_BIA, true,
		   "BIA: every critical process (6) has an MTD and a system",
		   "BIA：关键业务流程（6个）均已确定MTD和支撑系统");
	check_both(&d, BIA_FIND_RTO_RPO, true,
		   "RTO/RPO: every critical system (5) has its RTO and RPO",
		   "RTO/RPO：关键系统（5个）均已设定RTO和RPO");
	check_both(&d, BIA_FIND_DR_SITE, true,
		   "DR: every critical system (5) plans the level it needs",
		   "灾备：关键系统（5个）的计划等级均满足所需");
	for (int i = 0; i < BIA_FIND_ITEMS; i++) {
		assert_false(item_findings_contradict(&d.f[i], ITEM_DONE));
		assert_false(item_findings_contradict(&d.f[i], ITEM_NOT_STARTED));
	}
	/* More than needed is said, and is no gap. */
	d.systems[CS_SYS].planned_level = 6;
	check_both(&d, BIA_FIND_DR_SITE, true,
		   "DR: every critical system (5) plans the level it needs|"
		   "DR: 客服管理系统 plans level 6, level 5 would do",
		   "灾备：关键系统（5个）的计划等级均满足所需|"
		   "灾备：客服管理系统计划6级，5级即可");
	/* Systems no critical process uses are not the items' concern. */
	d.systems[CRM_SYS].planned_level = 0;
	d.systems[CRM_SYS].arch[0] = '\0';
	assert_int_equal(find(&d), ST_OK);
	assert_true(d.f[BIA_FIND_DR_SITE].supports_done);
}

static void test_findings_that_block(void **state)
{
	year d;
	(void)state;
	/* An RTO as long as the MTD: item 2 only. */
	doc_year(&d);
	complete(&d);
	d.processes[0].rto = 60;
	assert_int_equal(find(&d), ST_OK);
	assert_true(d.f[BIA_FIND_BIA].supports_done);
	assert_true(d.f[BIA_FIND_DR_SITE].supports_done);
	check_both(&d, BIA_FIND_RTO_RPO, false,
		   "RTO/RPO: the RTO of 道路救援服务 (1 h) is not shorter than "
		   "its MTD (1 h)",
		   "RTO/RPO：道路救援服务的RTO（1小时）不短于MTD（1小时）");
	/* A critical process on no system, which leaves order management
	 * to no critical process; the transactions without their RPO, which
	 * rescue and finance hold. */
	doc_year(&d);
	complete(&d);
	d.uses[3] = (bia_use){6, CRM_SYS}; /* 维修作业 loses its link */
	d.types[0].rpo = U;
	check_both(&d, BIA_FIND_BIA, false,
		   "BIA: 1 of 6 critical processes uses no system",
		   "BIA：有1个关键业务流程未关联支撑系统（共6个）");
	check(&d, BIA_FIND_RTO_RPO, false,
	      "RTO/RPO: 2 of 4 critical systems are missing an RPO");
	/* Rescue, with its RTO alone, gets the level it needs for it, and
	 * finance more than that: both rest on part of their targets. */
	check(&d, BIA_FIND_DR_SITE, false,
	      "DR: 2 of 4 critical systems lack an RTO or RPO to "
	      "size their level|"
	      "DR: 财务系统 plans level 6, level 5 would do");
}

static void test_findings_edges(void **state)
{
	year d;
	questionnaire q;
	bia_table empty;
	(void)state;
	/* Nothing analysed yet. */
	memset(&d, 0, sizeof d);
	check(&d, BIA_FIND_BIA, false,
	      "BIA: no business processes listed yet");
	check(&d, BIA_FIND_RTO_RPO, false,
	      "RTO/RPO: no system is used by a critical process yet");
	check(&d, BIA_FIND_DR_SITE, false,
	      "DR: no system is used by a critical process yet");
	/* Processes, none critical. */
	doc_year(&d);
	for (size_t p = 0; p < N_PROC; p++)
		d.processes[p].critical = false;
	check(&d, BIA_FIND_BIA, false,
	      "BIA: none of the 8 processes is marked critical");
	d.n_processes = 1;
	d.n_uses = 1;
	check_both(&d, BIA_FIND_BIA, false,
		   "BIA: the 1 process listed is not marked critical",
		   "BIA：所列1个业务流程未标记为关键");
	/* Targets no level meets, and a table without levels. */
	doc_year(&d);
	complete(&d);
	d.processes[0].rto = 0;
	check(&d, BIA_FIND_DR_SITE, false,
	      "DR: no level meets the targets of 救援调度系统");
	memset(&empty, 0, sizeof empty);
	for (size_t s = 0; s < N_SYS; s++)
		d.outcomes[s] = bia_recommend_level(&empty, d.needs[s].rto,
						    d.needs[s].rpo,
						    &d.recommended[s]);
	assert_int_equal(bia_checklist_findings(&d.y, d.f), ST_OK);
	expect_findings(&d.f[BIA_FIND_DR_SITE], false,
			"DR: the level table has no levels");
	/* Refused figures leave nothing to go on. */
	doc_year(&d);
	assert_int_equal(find(&d), ST_OK);
	d.uses[2].system = N_SYS;
	for (int i = 0; i < BIA_FIND_ITEMS; i++)
		d.f[i].supports_done = true;
	assert_int_equal(bia_checklist_findings(&d.y, d.f), ST_INVALID);
	for (int i = 0; i < BIA_FIND_ITEMS; i++) {
		expect_findings(&d.f[i], false, "");
		assert_non_null(d.f[i].item);
	}
	d.uses[2].system = CS_SYS;
	d.uses[2].process = N_PROC;
	assert_int_equal(bia_checklist_findings(&d.y, d.f), ST_INVALID);
	d.uses[2].process = 2;
	assert_int_equal(bia_checklist_findings(&d.y, d.f), ST_OK);
	d.y.mtd = NULL;
	assert_int_equal(bia_checklist_findings(&d.y, d.f), ST_INVALID);
	d.y.mtd = d.mtd;
	d.y.recommended = NULL;
	assert_int_equal(bia_checklist_findings(&d.y, d.f), ST_INVALID);
	/* The keys are the shipped checklist's first three items'. */
	fixture_questionnaire("en", &q);
	assert_true(q.n_items >= 3);
	for (int i = 0; i < BIA_FIND_ITEMS; i++) {
		assert_int_equal(bia_find_item_of(q.items[i].key), i);
		assert_string_equal(d.f[i].item, q.items[i].key);
	}
	questionnaire_free(&q);
	assert_int_equal(bia_find_item_of("backup_321"), BIA_FIND_ITEMS);
	assert_int_equal(bia_find_item_of(NULL), BIA_FIND_ITEMS);
}

/* Reviews due are said last under item 1, whatever else it says, and
 * leave a "done" the rest bears out standing. */
static void test_findings_reviews(void **state)
{
	year d;
	(void)state;
	doc_year(&d);
	complete(&d);
	d.n_review_due = 8;
	d.review_months = 12;
	check_both(&d, BIA_FIND_BIA, true,
		   "BIA: every critical process (6) has an MTD and a system|"
		   "BIA: 8 of 8 processes are due for review (every 12 months)",
		   "BIA：关键业务流程（6个）均已确定MTD和支撑系统|"
		   "BIA：有8个业务流程到期未评审（共8个，每12个月评审一次）");
	assert_false(item_findings_contradict(&d.f[BIA_FIND_BIA], ITEM_DONE));
	/* The other items do not speak of reviews. */
	check(&d, BIA_FIND_RTO_RPO, true,
	      "RTO/RPO: every critical system (5) has its RTO and RPO");
	d.n_review_due = 1;
	d.review_months = 1;
	check_both(&d, BIA_FIND_BIA, true,
		   "BIA: every critical process (6) has an MTD and a system|"
		   "BIA: 1 of 8 processes is due for review (every 1 month)",
		   "BIA：关键业务流程（6个）均已确定MTD和支撑系统|"
		   "BIA：有1个业务流程到期未评审（共8个，每1个月评审一次）");
	/* After what blocks, and with none critical too. */
	doc_year(&d);
	d.n_review_due = 3;
	d.review_months = 6;
	check(&d, BIA_FIND_BIA, false,
	      "BIA: 2 of 6 critical processes have no MTD|"
	      "BIA: 3 of 8 processes are due for review (every 6 months)");
	for (size_t p = 0; p < N_PROC; p++)
		d.processes[p].critical = false;
	check(&d, BIA_FIND_BIA, false,
	      "BIA: none of the 8 processes is marked critical|"
	      "BIA: 3 of 8 processes are due for review (every 6 months)");
	/* None due: nothing said. */
	d.n_review_due = 0;
	check(&d, BIA_FIND_BIA, false,
	      "BIA: none of the 8 processes is marked critical");
	/* Without processes there is nothing to review. */
	memset(&d, 0, sizeof d);
	d.n_review_due = 2;
	d.review_months = 12;
	check(&d, BIA_FIND_BIA, false, "BIA: no business processes listed yet");
}

/* Past the lines that fit, the last says how many more there are. */
static void test_findings_overflow(void **state)
{
	year d;
	char name[32];
	(void)state;
	memset(&d, 0, sizeof d);
	/* Nine critical processes, each on a system of its own, none with a
	 * level planned or an architecture. */
	for (size_t i = 0; i < 9; i++) {
		snprintf(name, sizeof name, "S%zu", i + 1);
		snprintf(d.processes[i].name, sizeof d.processes[i].name, "P%zu",
			 i + 1);
		snprintf(d.systems[i].name, sizeof d.systems[i].name, "%s", name);
		d.processes[i].critical = true;
		d.processes[i].rto = 15;
		d.mtd[i] = 60;
		d.uses[i] = (bia_use){i, i};
		d.holds[i] = (bia_hold){i, 0};
	}
	d.types[0].rpo = 5;
	d.n_processes = d.n_uses = d.n_systems = d.n_holds = 9;
	check(&d, BIA_FIND_DR_SITE, false,
	      "DR: S1 has no level planned, needs 6|"
	      "DR: S2 has no level planned, needs 6|"
	      "DR: S3 has no level planned, needs 6|"
	      "DR: S4 has no level planned, needs 6|"
	      "DR: S5 has no level planned, needs 6|"
	      "DR: and 5 more");
	lang(LANG_ZH);
	assert_int_equal(find(&d), ST_OK);
	assert_string_equal(d.f[BIA_FIND_DR_SITE].lines[5], "灾备：另有5条");
	lang(LANG_EN);
	/* Exactly as many as fit: no count. */
	d.n_processes = d.n_uses = d.n_systems = d.n_holds = 5;
	check(&d, BIA_FIND_DR_SITE, false,
	      "DR: S1 has no level planned, needs 6|"
	      "DR: S2 has no level planned, needs 6|"
	      "DR: S3 has no level planned, needs 6|"
	      "DR: S4 has no level planned, needs 6|"
	      "DR: S5 has no level planned, needs 6|"
	      "DR: 5 of 5 critical systems have no architecture chosen");
}

/* The conversions of a format, in order ("%s%lld" gives "slld"). */
static void conversions(const char *fmt, char *conv, size_t len)
{
	size_t o = 0;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		while (*p && strchr("-+ #0123456789.hlzjt", *p) && o + 2 < len)
			conv[o++] = *p++;
		if (*p && o + 2 < len)
			conv[o++] = *p;
		conv[o++] = ',';
		if (!*p)
			break;
	}
	conv[o] = '\0';
}

/* Every message of this module takes the same arguments in both
 * languages: a mismatch would print garbage, and no compiler sees it. */
static void test_catalog_formats_agree(void **state)
{
	char en[64], zh[64];
	(void)state;
	conversions("%s: %lld %%, %zu", en, sizeof en);
	assert_string_equal(en, "s,lld,zu,");
	for (int id = BIAT_NOT_SET; id <= BIAT_F_CONTRADICTS; id++) {
		conversions(msg_in((msg_id)id, LANG_EN), en, sizeof en);
		conversions(msg_in((msg_id)id, LANG_ZH), zh, sizeof zh);
		if (strcmp(en, zh) != 0)
			fail_msg("message %d: \"%s\" takes %s, \"%s\" %s", id,
				 msg_in((msg_id)id, LANG_EN), en,
				 msg_in((msg_id)id, LANG_ZH), zh);
	}
}

/* A system's flags: lowest bit first, in each language's list
 * punctuation; nothing for none; a cut between characters. */
static void test_system_flags(void **state)
{
	char flags[256];

	(void)state;
	msg_set_lang(LANG_EN);
	bia_flags_text(0, flags, sizeof flags);
	assert_string_equal(flags, "");
	bia_flags_text(BIA_FLAG_WEAKER | BIA_FLAG_SPOF, flags, sizeof flags);
	assert_string_equal(flags, "single point of failure, plan weaker than needed");
	bia_flags_text(BIA_FLAG_ARCH | BIA_FLAG_NO_RPO | BIA_FLAG_NO_RTO, flags,
		       sizeof flags);
	assert_string_equal(flags, "RTO missing, RPO missing, architecture misses the targets");
	assert_string_equal(bia_flag_name(BIA_FLAG_NO_RPO), "RPO missing");
	assert_null(bia_flag_name(BIA_FLAG_SPOF | BIA_FLAG_WEAKER));
	assert_null(bia_flag_name(1u << BIA_FLAGS));
	msg_set_lang(LANG_ZH);
	bia_flags_text(BIA_FLAG_SPOF | BIA_FLAG_WEAKER | BIA_FLAG_NO_RTO, flags,
		       sizeof flags);
	assert_string_equal(flags, "单点故障，计划低于所需，缺少RTO");
	/* 单点故障 is 12 bytes: a 14-byte buffer holds it and no part of the
	 * next character. */
	bia_flags_text(BIA_FLAG_SPOF | BIA_FLAG_WEAKER, flags, 14);
	assert_string_equal(flags, "单点故障");
	msg_set_lang(LANG_EN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_durations_as_written),
		cmocka_unit_test(test_durations_as_typed),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_hint),
		cmocka_unit_test(test_cut_between_characters),
		cmocka_unit_test(test_every_problem),
		cmocka_unit_test(test_every_mtd_outcome),
		cmocka_unit_test(test_margin),
		cmocka_unit_test(test_rollup_texts),
		cmocka_unit_test(test_level_rule_and_labels),
		cmocka_unit_test(test_recommendation_and_plan),
		cmocka_unit_test(test_architecture_verdicts),
		cmocka_unit_test(test_architecture_costs),
		cmocka_unit_test(test_sentences_cut_between_characters),
		cmocka_unit_test(test_findings_of_the_documents_year),
		cmocka_unit_test(test_findings_that_support_done),
		cmocka_unit_test(test_findings_that_block),
		cmocka_unit_test(test_findings_edges),
		cmocka_unit_test(test_findings_reviews),
		cmocka_unit_test(test_findings_overflow),
		cmocka_unit_test(test_catalog_formats_agree),
		cmocka_unit_test(test_system_flags),
	};
	return cmocka_run_group_tests(tests, load_references, free_references);
}
