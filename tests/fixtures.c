#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <unistd.h>

#include <cmocka.h>

#include <sqlite3.h>

#include "model/demo.h"
#include "tests/fixtures.h"

/* The shipped files of one language. */
static void data_dir(const char *lang_dir, char *out, size_t outlen)
{
	const char *base = getenv("MOAT_DATADIR");
	snprintf(out, outlen, "%s/%s", base ? base : "questionnaires", lang_dir);
}

void fixture_questionnaire(const char *lang_dir, questionnaire *q)
{
	char dir[4096], err[512] = "";
	data_dir(lang_dir, dir, sizeof dir);
	if (questionnaire_load(dir, q, err, sizeof err) != ST_OK)
		fail_msg("cannot load %s: %s", dir, err);
}

void fixture_bia_reference(const char *lang_dir, bia_reference *r)
{
	char dir[4096], err[512] = "";
	data_dir(lang_dir, dir, sizeof dir);
	if (bia_reference_load(dir, r, err, sizeof err) != ST_OK)
		fail_msg("cannot load %s: %s", dir, err);
}

/* The directories made for databases, removed when the test exits (forked
 * children leave them alone). */
enum { MAX_DIRS = 256 };
static char made[MAX_DIRS][4096];
static int n_made;
static pid_t maker;

static int remove_entry(const char *path, const struct stat *sb, int flag,
			struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void remove_made(void)
{
	if (getpid() != maker)
		return;
	for (int i = 0; i < n_made; i++)
		nftw(made[i], remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

void fixture_dir(char *out, size_t outlen)
{
	const char *tmp = getenv("TMPDIR");
	char tmpl[4096];
	snprintf(tmpl, sizeof tmpl, "%s/moat-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(tmpl))
		fail_msg("mkdtemp failed");
	if (n_made == 0) {
		maker = getpid();
		atexit(remove_made);
	}
	if (n_made < MAX_DIRS)
		snprintf(made[n_made++], sizeof made[0], "%s", tmpl);
	snprintf(out, outlen, "%s", tmpl);
}

void fixture_db_path(char *out, size_t outlen)
{
	char dir[4096];
	int n;
	fixture_dir(dir, sizeof dir);
	n = snprintf(out, outlen, "%s/test.db", dir);
	/* A path cut short would name another file. */
	if (n < 0 || (size_t)n >= outlen)
		abort();
}

void fixture_data(const char *name, char *out, size_t outlen)
{
	const char *base = getenv("MOAT_TESTS");
	snprintf(out, outlen, "%s/data/%s", base ? base : "tests", name);
}

void fixture_states(const questionnaire *q, item_state *states,
		    const char *const *done, const char *const *in_progress)
{
	for (size_t i = 0; i < q->n_items; i++)
		states[i] = ITEM_NOT_STARTED;
	for (; done && *done; done++) {
		int i = questionnaire_item_index(q, *done);
		assert_true(i >= 0);
		states[i] = ITEM_DONE;
	}
	for (; in_progress && *in_progress; in_progress++) {
		int i = questionnaire_item_index(q, *in_progress);
		assert_true(i >= 0);
		states[i] = ITEM_IN_PROGRESS;
	}
}

long long fixture_sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

void fixture_sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static int demo_setup(void **state, moat_lang lang)
{
	fixture_demo *c = calloc(1, sizeof *c);
	char err[512];
	int64_t a;
	assert_non_null(c);
	msg_set_lang(lang);
	fixture_questionnaire(msg_lang_dir(lang), &c->q);
	fixture_db_path(c->path, sizeof c->path);
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err),
			 ST_OK);
	assert_int_equal(demo_load(c->s, &c->q, FIXTURE_TODAY, "liwei", &a),
			 ST_OK);
	assert_int_equal(store_current(c->s, "alice", &c->unit, &c->aid), ST_OK);
	assert_int_equal(a, c->aid);
	*state = c;
	return 0;
}

int fixture_demo_setup_en(void **state)
{
	return demo_setup(state, LANG_EN);
}

int fixture_demo_setup_zh(void **state)
{
	return demo_setup(state, LANG_ZH);
}

int fixture_demo_teardown(void **state)
{
	fixture_demo *c = *state;
	store_close(c->s);
	questionnaire_free(&c->q);
	remove(c->path);
	msg_set_lang(LANG_EN);
	free(c);
	return 0;
}
