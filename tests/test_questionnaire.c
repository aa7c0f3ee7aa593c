#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "model/questionnaire.h"
#include "tests/fixtures.h"

static void test_shipped_files_load_in_both_languages(void **state)
{
	questionnaire en, zh;
	(void)state;
	fixture_questionnaire("en", &en);
	fixture_questionnaire("zh_CN", &zh);
	assert_int_equal(en.n_items, 10);
	assert_int_equal(zh.n_items, 10);
	assert_int_equal(en.n_criteria, 15);
	assert_int_equal(zh.n_criteria, 15);
	assert_string_equal(en.items[0].key, "bia");
	assert_string_equal(zh.items[0].title, "业务影响分析");
	assert_string_equal(zh.levels[0].name, "初始级");
	assert_string_equal(zh.levels[0].risk, "极高");
	assert_string_equal(zh.levels[4].risk, "极低");
	assert_string_equal(en.levels[2].name, "Defined");
	/* The two languages describe the same model. */
	for (size_t i = 0; i < en.n_items; i++)
		assert_string_equal(en.items[i].key, zh.items[i].key);
	for (size_t c = 0; c < en.n_criteria; c++) {
		assert_string_equal(en.criteria[c].key, zh.criteria[c].key);
		assert_int_equal(en.criteria[c].level, zh.criteria[c].level);
		assert_int_equal(en.criteria[c].min_state, zh.criteria[c].min_state);
		assert_int_equal(en.criteria[c].n_relies, zh.criteria[c].n_relies);
		for (size_t r = 0; r < en.criteria[c].n_relies; r++)
			assert_int_equal(en.criteria[c].relies_on[r],
					 zh.criteria[c].relies_on[r]);
	}
	/* The programme template: 14 tasks in 3 phases, 6 duties. */
	assert_int_equal(en.n_tasks, 14);
	assert_int_equal(zh.n_tasks, 14);
	assert_int_equal(en.n_duties, 6);
	assert_string_equal(zh.phase_names[0], "现状评估与规划");
	assert_string_equal(en.phase_names[2], "Verify and optimise");
	for (size_t t = 0; t < en.n_tasks; t++) {
		assert_string_equal(en.tasks[t].key, zh.tasks[t].key);
		assert_int_equal(en.tasks[t].phase, zh.tasks[t].phase);
		assert_int_equal(en.tasks[t].item, zh.tasks[t].item);
	}
	assert_int_equal(en.tasks[0].item, questionnaire_item_index(&en, "bia"));
	assert_int_equal(en.tasks[2].item, -1);
	for (size_t d = 0; d < en.n_duties; d++) {
		assert_string_equal(en.duties[d].key, zh.duties[d].key);
		assert_int_equal(en.duties[d].every_months, zh.duties[d].every_months);
		assert_int_equal(en.duties[d].day, zh.duties[d].day);
		assert_int_equal(en.duties[d].completion, zh.duties[d].completion);
	}
	assert_int_equal(en.duties[3].day, 0); /* last working day */
	assert_true(en.duties[4].completion);
	questionnaire_free(&en);
	questionnaire_free(&zh);
}

/* err must be exactly expected after the path of tests/data/ (expected
 * starts with the file's name). */
static void assert_data_error(const char *err, const char *expected)
{
	char want[4096];
	fixture_data(expected, want, sizeof want);
	assert_string_equal(err, want);
}

/* Loads tests/data/checklist with the good maturity file, which must work. */
static void load_good(const char *checklist, questionnaire *q)
{
	char a[4096], b[4096], err[512] = "";
	fixture_data(checklist, a, sizeof a);
	fixture_data("good_maturity.yaml", b, sizeof b);
	if (questionnaire_load_files(a, b, q, err, sizeof err) != ST_OK)
		fail_msg("%s", err);
}

static void expect_plan_error(const char *file, const char *expected)
{
	questionnaire q;
	char p[4096], err[512] = "";
	load_good("good_checklist.yaml", &q);
	fixture_data(file, p, sizeof p);
	assert_int_equal(questionnaire_load_plan(p, &q, err, sizeof err), ST_PARSE);
	assert_data_error(err, expected);
	assert_int_equal(q.n_tasks, 0);
	assert_int_equal(q.n_duties, 0);
	questionnaire_free(&q);
}

static void test_malformed_plan(void **state)
{
	(void)state;
	expect_plan_error("bad_plan_anchor.yaml",
			  "bad_plan_anchor.yaml:19: 'anchor' must be schedule or completion");
	expect_plan_error("bad_plan_item.yaml",
			  "bad_plan_item.yaml:7: unknown checklist item 'nope'");
	expect_plan_error("bad_plan_day.yaml",
			  "bad_plan_day.yaml:18: 'day' must be a whole number from 1 to 31");
}

static void test_small_good_files(void **state)
{
	questionnaire q;
	(void)state;
	load_good("good_checklist.yaml", &q);
	assert_int_equal(q.n_items, 1);
	assert_int_equal(q.n_criteria, 2);
	assert_int_equal(q.criteria[0].level, 2);
	assert_int_equal(q.criteria[0].min_state, ITEM_IN_PROGRESS);
	assert_int_equal(q.criteria[0].n_relies, 1);
	assert_int_equal(q.criteria[1].level, 5);
	assert_int_equal(q.criteria[1].min_state, ITEM_DONE);
	assert_int_equal(q.criteria[1].n_relies, 0);
	questionnaire_free(&q);
}

/* Loads a broken checklist (with the good maturity file) or a broken
 * maturity file (with the good checklist) and checks the message. */
static void expect_error(const char *checklist, const char *maturity,
			 const char *expected)
{
	questionnaire q;
	char a[4096], b[4096], err[512] = "";
	fixture_data(checklist, a, sizeof a);
	fixture_data(maturity, b, sizeof b);
	assert_int_equal(questionnaire_load_files(a, b, &q, err, sizeof err),
			 ST_PARSE);
	assert_data_error(err, expected);
	assert_int_equal(q.n_items, 0);
}

static void test_malformed_files_name_file_and_line(void **state)
{
	(void)state;
	expect_error("bad_syntax.yaml", "good_maturity.yaml",
		     "bad_syntax.yaml:6: found unexpected end of stream while "
		     "scanning a quoted scalar");
	expect_error("bad_unknown_key.yaml", "good_maturity.yaml",
		     "bad_unknown_key.yaml:7: unknown key 'colour'");
	expect_error("bad_missing_why.yaml", "good_maturity.yaml",
		     "bad_missing_why.yaml:2: missing 'why'");
	expect_error("bad_duplicate.yaml", "good_maturity.yaml",
		     "bad_duplicate.yaml:7: duplicate item key 'a'");
	expect_error("bad_empty.yaml", "good_maturity.yaml",
		     "bad_empty.yaml:1: the file is empty");
	expect_error("bad_title_list.yaml", "good_maturity.yaml",
		     "bad_title_list.yaml:3: 'title' must be text");
	expect_error("good_checklist.yaml", "bad_relies.yaml",
		     "bad_relies.yaml:14: unknown checklist item 'nope'");
	expect_error("good_checklist.yaml", "bad_level_order.yaml",
		     "bad_level_order.yaml:16: expected level 3 here, found '4'");
	expect_error("good_checklist.yaml", "bad_min_state.yaml",
		     "bad_min_state.yaml:15: 'min_state' must be not_started, "
		     "in_progress or done");
}

static void test_missing_file_is_an_io_error(void **state)
{
	questionnaire q;
	char err[512] = "";
	(void)state;
	assert_int_equal(questionnaire_load("/nonexistent/dir", &q, err, sizeof err),
			 ST_IO);
	assert_string_equal(err, "/nonexistent/dir/checklist.yaml: No such file "
			    "or directory");
}

/* What a terminal would act on instead of showing is refused where it is
 * written, in every file, so no screen or command prints it. */
static void test_text_that_acts_on_a_terminal_is_refused(void **state)
{
	(void)state;
	expect_error("good_checklist.yaml", "bad_escape_level.yaml",
		     "bad_escape_level.yaml:17: 'name' contains a control "
		     "character (U+001B)");
	expect_error("bad_bidi_title.yaml", "good_maturity.yaml",
		     "bad_bidi_title.yaml:3: 'title' contains a bidi control "
		     "(U+202E)");
	expect_error("bad_c1_why.yaml", "good_maturity.yaml",
		     "bad_c1_why.yaml:5: 'why' contains a control character "
		     "(U+009B)");
	expect_error("bad_del_counts.yaml", "good_maturity.yaml",
		     "bad_del_counts.yaml:6: 'counts' contains a control "
		     "character (U+007F)");
	expect_error("bad_tab_title.yaml", "good_maturity.yaml",
		     "bad_tab_title.yaml:3: 'title' contains a control "
		     "character (U+0009)");
	/* "\0" would otherwise end the text early without a word. */
	expect_error("bad_nul_question.yaml", "good_maturity.yaml",
		     "bad_nul_question.yaml:4: 'question' contains a control "
		     "character (U+0000)");
	expect_error("bad_newline_title.yaml", "good_maturity.yaml",
		     "bad_newline_title.yaml:3: 'title' must be one line");
	expect_plan_error("bad_plan_isolate.yaml",
			  "bad_plan_isolate.yaml:6: 'title' contains a bidi "
			  "control (U+2066)");
	/* Raw bytes are refused by the reader, which gives only an offset. */
	expect_error("bad_utf8.yaml", "good_maturity.yaml",
		     "bad_utf8.yaml:5: invalid leading UTF-8 octet");
	/* A message quoting the file is cleaned too. */
	expect_error("bad_key_escape.yaml", "good_maturity.yaml",
		     "bad_key_escape.yaml:7: unknown key 'col[31mour'");
}

/* Joiners, paragraphs and a quoted "~" are text as written. */
static void test_joiners_paragraphs_and_quoted_tilde_are_kept(void **state)
{
	questionnaire q;
	(void)state;
	load_good("good_text.yaml", &q);
	assert_string_equal(q.items[0].title, "Team \xE2\x80\x8D\xE2\x80\x8C");
	assert_string_equal(q.items[0].question, "~");
	assert_string_equal(q.items[0].why,
			    "First paragraph, folded.\nSecond paragraph.");
	assert_string_equal(q.items[0].counts, "Line one\nLine two");
	questionnaire_free(&q);
}

static void test_duplicate_keys_and_null_are_refused(void **state)
{
	(void)state;
	expect_error("bad_duplicate_title.yaml", "good_maturity.yaml",
		     "bad_duplicate_title.yaml:4: 'title' given twice (first on "
		     "line 3)");
	expect_error("bad_null_title.yaml", "good_maturity.yaml",
		     "bad_null_title.yaml:3: 'title' must be text, not null");
	expect_plan_error("bad_plan_null.yaml",
			  "bad_plan_null.yaml:16: 'title' must be text, not null");
}

static void test_one_document_per_file(void **state)
{
	(void)state;
	expect_error("bad_two_documents.yaml", "good_maturity.yaml",
		     "bad_two_documents.yaml:7: a second document; the file "
		     "must hold one");
}

/* Writes n bytes: text, then a comment filling the rest. */
static void write_padded(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");
	size_t len = strlen(text);
	assert_non_null(f);
	assert_true(n >= len + 2);
	fputs(text, f);
	fputc('#', f);
	for (size_t i = len + 1; i < n - 1; i++)
		fputc('x', f);
	fputc('\n', f);
	assert_int_equal(fclose(f), 0);
}

static void test_size_limit_is_one_mib(void **state)
{
	static const char checklist[] = "items:\n  - {key: a, title: A, "
					"question: Q, why: W, counts: C}\n";
	questionnaire q;
	char dir[4096], a[4200], b[4096], err[512] = "", want[4300];
	struct stat sb;
	char *big;
	(void)state;
	fixture_dir(dir, sizeof dir);
	snprintf(a, sizeof a, "%s/checklist.yaml", dir);
	fixture_data("good_maturity.yaml", b, sizeof b);
	write_padded(a, checklist, 1048576);
	assert_int_equal(stat(a, &sb), 0);
	assert_int_equal(sb.st_size, 1048576);
	assert_int_equal(questionnaire_load_files(a, b, &q, err, sizeof err), ST_OK);
	assert_int_equal(q.n_items, 1);
	questionnaire_free(&q);

	write_padded(a, checklist, 1048577);
	assert_int_equal(questionnaire_load_files(a, b, &q, err, sizeof err),
			 ST_PARSE);
	snprintf(want, sizeof want, "%s: the file is larger than 1 MiB", a);
	assert_string_equal(err, want);

	/* The same from memory, before libyaml sees a byte of it. */
	big = malloc(1048577);
	assert_non_null(big);
	memset(big, '[', 1048577);
	memset(&q, 0, sizeof q);
	assert_int_equal(questionnaire_parse(&q, Q_FILE_CHECKLIST, "big.yaml", big,
					     1048577, err, sizeof err),
			 ST_PARSE);
	assert_string_equal(err, "big.yaml: the file is larger than 1 MiB");
	free(big);
}

/* "items:" and then depth-1 nested lists around a scalar: the file is
 * nested depth levels deep. */
static char *nested(int depth)
{
	char *s = malloc(16 + 2 * (size_t)depth);
	size_t o;
	assert_non_null(s);
	o = (size_t)sprintf(s, "items: ");
	for (int i = 1; i < depth; i++)
		s[o++] = '[';
	s[o++] = 'x';
	for (int i = 1; i < depth; i++)
		s[o++] = ']';
	s[o++] = '\n';
	s[o] = '\0';
	return s;
}

static void test_depth_limit_is_32(void **state)
{
	questionnaire q;
	char dir[4096], a[4200], b[4096], err[512] = "", want[4300];
	char *s;
	FILE *f;
	(void)state;
	/* 32 levels are parsed (and refused for what they hold); 33 are not. */
	s = nested(32);
	memset(&q, 0, sizeof q);
	assert_int_equal(questionnaire_parse(&q, Q_FILE_CHECKLIST, "deep.yaml", s,
					     strlen(s), err, sizeof err),
			 ST_PARSE);
	assert_string_equal(err, "deep.yaml:1: an item must be a mapping");
	free(s);
	s = nested(33);
	assert_int_equal(questionnaire_parse(&q, Q_FILE_CHECKLIST, "deep.yaml", s,
					     strlen(s), err, sizeof err),
			 ST_PARSE);
	assert_string_equal(err, "deep.yaml:1: nested more than 32 levels deep");
	free(s);

	/* 100 000 levels, which libyaml alone takes tens of seconds over. */
	fixture_dir(dir, sizeof dir);
	snprintf(a, sizeof a, "%s/checklist.yaml", dir);
	fixture_data("good_maturity.yaml", b, sizeof b);
	s = nested(100000);
	f = fopen(a, "wb");
	assert_non_null(f);
	fputs(s, f);
	assert_int_equal(fclose(f), 0);
	free(s);
	assert_int_equal(questionnaire_load_files(a, b, &q, err, sizeof err),
			 ST_PARSE);
	snprintf(want, sizeof want, "%s:1: nested more than 32 levels deep", a);
	assert_string_equal(err, want);
}

/* Reads a data file into an exact-size buffer with no NUL after it. */
static char *read_data(const char *name, size_t *len)
{
	char path[4096];
	FILE *f;
	char *buf;
	long n;
	fixture_data(name, path, sizeof path);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	buf = malloc((size_t)n);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void test_parse_from_memory(void **state)
{
	questionnaire q;
	char err[512] = "";
	size_t len;
	char *buf;
	(void)state;
	memset(&q, 0, sizeof q);
	buf = read_data("good_checklist.yaml", &len);
	assert_int_equal(questionnaire_parse(&q, Q_FILE_CHECKLIST, "c.yaml", buf,
					     len, err, sizeof err),
			 ST_OK);
	free(buf);
	buf = read_data("good_maturity.yaml", &len);
	assert_int_equal(questionnaire_parse(&q, Q_FILE_MATURITY, "m.yaml", buf,
					     len, err, sizeof err),
			 ST_OK);
	free(buf);
	assert_int_equal(q.n_items, 1);
	assert_string_equal(q.items[0].key, "a");
	assert_int_equal(q.n_criteria, 2);
	assert_string_equal(q.levels[4].name, "Optimised");
	buf = read_data("bad_plan_day.yaml", &len);
	assert_int_equal(questionnaire_parse(&q, Q_FILE_PLAN, "p.yaml", buf, len,
					     err, sizeof err),
			 ST_PARSE);
	free(buf);
	assert_string_equal(err, "p.yaml:18: 'day' must be a whole number from 1 "
			    "to 31");
	assert_int_equal(q.n_tasks, 0);
	assert_null(q.phase_names[0]);
	assert_int_equal(q.n_items, 1);
	questionnaire_free(&q);
}

/* Anchors and aliases are YAML: a text given once and named again reads
 * as the same text; an alias to no anchor is refused with its line. */
static void test_aliases_name_their_anchor(void **state)
{
	static const char good[] =
		"items:\n"
		"  - key: a\n"
		"    title: &t Same title\n"
		"    question: Q\n"
		"    why: W\n"
		"    counts: C\n"
		"  - key: b\n"
		"    title: *t\n"
		"    question: Q2\n"
		"    why: W2\n"
		"    counts: C2\n";
	static const char bad[] =
		"items:\n"
		"  - key: a\n"
		"    title: *nowhere\n";
	questionnaire q;
	char err[512] = "";
	(void)state;
	memset(&q, 0, sizeof q);
	assert_int_equal(questionnaire_parse(&q, Q_FILE_CHECKLIST, "c.yaml", good,
					     sizeof good - 1, err, sizeof err),
			 ST_OK);
	assert_int_equal(q.n_items, 2);
	assert_string_equal(q.items[0].title, "Same title");
	assert_string_equal(q.items[1].title, "Same title");
	assert_string_equal(q.items[1].question, "Q2");
	questionnaire_free(&q);
	assert_int_equal(questionnaire_parse(&q, Q_FILE_CHECKLIST, "c.yaml", bad,
					     sizeof bad - 1, err, sizeof err),
			 ST_PARSE);
	assert_string_equal(err, "c.yaml:3: found undefined alias");
	questionnaire_free(&q);
}

/* Loads dir/checklist.yaml (with the good maturity file); err must be
 * "dir/checklist.yaml: why". */
static void expect_unreadable(const char *dir, const char *why)
{
	questionnaire q;
	char a[4200], b[4096], err[512] = "", want[4400];
	snprintf(a, sizeof a, "%s/checklist.yaml", dir);
	fixture_data("good_maturity.yaml", b, sizeof b);
	assert_int_equal(questionnaire_load_files(a, b, &q, err, sizeof err), ST_IO);
	snprintf(want, sizeof want, "%s: %s", a, why);
	assert_string_equal(err, want);
}

static void test_files_that_cannot_be_read_say_why(void **state)
{
	char dir[4096], p[4200];
	(void)state;
	fixture_dir(dir, sizeof dir);
	snprintf(p, sizeof p, "%s/checklist.yaml", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	expect_unreadable(dir, "Is a directory");

	/* A FIFO would block a plain open until someone writes to it. */
	fixture_dir(dir, sizeof dir);
	snprintf(p, sizeof p, "%s/checklist.yaml", dir);
	assert_int_equal(mkfifo(p, 0644), 0);
	expect_unreadable(dir, "not a regular file");

	fixture_dir(dir, sizeof dir);
	snprintf(p, sizeof p, "%s/checklist.yaml", dir);
	assert_int_equal(symlink("checklist.yaml", p), 0);
	expect_unreadable(dir, "Too many levels of symbolic links");

	/* Permissions do not stop root: that case runs as any other user. */
	if (geteuid() != 0) {
		fixture_dir(dir, sizeof dir);
		snprintf(p, sizeof p, "%s/checklist.yaml", dir);
		write_padded(p, "items: []\n", 16);
		assert_int_equal(chmod(p, 0), 0);
		expect_unreadable(dir, "Permission denied");
	}
}

/* questionnaire_find_dir("en") with MOAT_DATADIR=env: its status and out. */
static void expect_find_dir(const char *env, moat_status st, const char *out)
{
	char got[8192];
	assert_int_equal(setenv("MOAT_DATADIR", env, 1), 0);
	assert_int_equal(questionnaire_find_dir("en", got, sizeof got), st);
	assert_string_equal(got, out);
}

static void test_datadir_is_used_or_refused_with_the_reason(void **state)
{
	const char *shipped = getenv("MOAT_DATADIR");
	char saved[4096], dir[4096], p[4200], want[4400];
	questionnaire q;
	char err[512];
	(void)state;
	snprintf(saved, sizeof saved, "%s", shipped ? shipped : "questionnaires");

	snprintf(want, sizeof want, "%s/en", saved);
	expect_find_dir(saved, ST_OK, want);

	fixture_dir(dir, sizeof dir);
	snprintf(want, sizeof want, "%s/en (from $MOAT_DATADIR): No such file or "
		 "directory", dir);
	expect_find_dir(dir, ST_NOT_FOUND, want);

	snprintf(p, sizeof p, "%s/en", dir);
	assert_int_equal(symlink("en", p), 0);
	snprintf(want, sizeof want, "%s/en (from $MOAT_DATADIR): Too many levels "
		 "of symbolic links", dir);
	expect_find_dir(dir, ST_IO, want);

	fixture_dir(dir, sizeof dir);
	snprintf(p, sizeof p, "%s/en", dir);
	write_padded(p, "x\n", 4);
	snprintf(want, sizeof want, "%s/en (from $MOAT_DATADIR): Not a directory",
		 dir);
	expect_find_dir(dir, ST_IO, want);

	/* A directory without the files is used, and the loader names the
	 * missing file, instead of the installed files being taken. */
	fixture_dir(dir, sizeof dir);
	snprintf(p, sizeof p, "%s/en", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	expect_find_dir(dir, ST_OK, p);
	assert_int_equal(questionnaire_load(p, &q, err, sizeof err), ST_IO);
	snprintf(want, sizeof want, "%s/checklist.yaml: No such file or directory",
		 p);
	assert_string_equal(err, want);

	assert_int_equal(setenv("MOAT_DATADIR", saved, 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_files_load_in_both_languages),
		cmocka_unit_test(test_small_good_files),
		cmocka_unit_test(test_malformed_files_name_file_and_line),
		cmocka_unit_test(test_missing_file_is_an_io_error),
		cmocka_unit_test(test_malformed_plan),
		cmocka_unit_test(test_text_that_acts_on_a_terminal_is_refused),
		cmocka_unit_test(test_joiners_paragraphs_and_quoted_tilde_are_kept),
		cmocka_unit_test(test_duplicate_keys_and_null_are_refused),
		cmocka_unit_test(test_one_document_per_file),
		cmocka_unit_test(test_size_limit_is_one_mib),
		cmocka_unit_test(test_depth_limit_is_32),
		cmocka_unit_test(test_parse_from_memory),
		cmocka_unit_test(test_aliases_name_their_anchor),
		cmocka_unit_test(test_files_that_cannot_be_read_say_why),
		cmocka_unit_test(test_datadir_is_used_or_refused_with_the_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
