/* The store shared by a team: opening missing, empty, foreign, truncated
 * and read-only files; batches; the audit hash chain; writes that refuse
 * to overwrite a change made meanwhile. */
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
#include <sqlite3.h>
#include "model/store.h"
#include "model/store_file.h"
#include "model/utf8_stream.h"
#include "tests/fixtures.h"

typedef struct {
	char path[4096];
	store *s;
	int64_t unit, aid;
} ctx;

static int setup(void **state)
{
	ctx *c = calloc(1, sizeof *c);
	char err[512];
	fixture_db_path(c->path, sizeof c->path);
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err), ST_OK);
	assert_int_equal(store_unit_create(c->s, "Unit A", "alice", &c->unit), ST_OK);
	assert_int_equal(store_assessment_create(c->s, c->unit, 2026, "alice", &c->aid),
			 ST_OK);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	ctx *c = *state;
	store_close(c->s);
	free(c);
	return 0;
}

static bool exists(const char *path, const char *suffix)
{
	char p[4200];
	snprintf(p, sizeof p, "%s%s", path, suffix);
	return access(p, F_OK) == 0;
}

/* A read command names the file once and creates nothing. */
static void test_read_commands_never_create(void **state)
{
	char path[4096], err[8192], want[8192];
	store *s = (store *)1;
	FILE *f;
	struct stat sb;
	(void)state;

	fixture_db_path(path, sizeof path);
	assert_int_equal(store_open(path, STORE_EXISTING, &s, err, sizeof err),
			 ST_NOT_FOUND);
	assert_null(s);
	snprintf(want, sizeof want,
		 "%s: no database here; create one with 'moat init' (or "
		 "'moat init --demo' to try moat)", path);
	assert_string_equal(err, want);
	assert_false(exists(path, ""));

	f = fopen(path, "w");
	fclose(f);
	assert_int_equal(store_open(path, STORE_EXISTING, &s, err, sizeof err),
			 ST_NOT_MOAT);
	snprintf(want, sizeof want,
		 "%s: the file is empty, not a moat database; create one with "
		 "'moat init' (or 'moat init --demo')", path);
	assert_string_equal(err, want);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, 0);
	assert_false(exists(path, "-wal"));
	assert_false(exists(path, "-shm"));

	/* The interface and init may make a database of an empty file. */
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	store_close(s);
	assert_int_equal(fixture_sql_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
}

/* A cut-off file is damaged, not foreign. */
static void test_truncated_file_is_damaged(void **state)
{
	ctx *c = *state;
	char err[8192];
	struct stat sb;
	store *s;
	for (int i = 0; i < 200; i++)
		assert_int_equal(store_state_set(c->s, c->aid, i % 2 ? "bia" : "team",
						 (item_state)(i % 3), "alice"),
				 ST_OK);
	store_close(c->s);
	c->s = NULL;
	/* Fold the WAL into the file, then cut the file in half. */
	fixture_sql_exec(c->path, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
	assert_int_equal(stat(c->path, &sb), 0);
	assert_true(sb.st_size >= 8192);
	assert_int_equal(truncate(c->path, sb.st_size / 2), 0);
	assert_int_equal(store_file_check_header(c->path, err, sizeof err),
			 ST_DAMAGED);
	{
		/* Beside a WAL with pages, a checkpoint may be lengthening
		 * the file: no verdict then (SQLite reads it). */
		char wal[4200];
		FILE *f;
		snprintf(wal, sizeof wal, "%s-wal", c->path);
		assert_non_null(f = fopen(wal, "w"));
		fputs("pages", f);
		fclose(f);
		assert_int_equal(store_file_check_header(c->path, err, sizeof err),
				 ST_OK);
		assert_int_equal(remove(wal), 0);
		assert_int_equal(store_file_check_header(c->path, err, sizeof err),
				 ST_DAMAGED);
	}
	assert_int_equal(store_open(c->path, STORE_EXISTING, &s, err, sizeof err),
			 ST_DAMAGED);
	assert_non_null(strstr(err, ": damaged: truncated to "));
	assert_null(strstr(err, "not a moat database"));

	assert_int_equal(truncate(c->path, 50), 0);
	assert_int_equal(store_file_check_header(c->path, err, sizeof err),
			 ST_DAMAGED);
	assert_string_equal(err, "damaged: cut off inside its header (50 bytes)");
}

/* A batch is one transaction: a failure in it leaves nothing. */
static void test_batch_is_all_or_nothing(void **state)
{
	ctx *c = *state;
	int64_t id;
	assert_int_equal(store_batch_begin(c->s), ST_OK);
	assert_int_equal(store_unit_create(c->s, "Unit B", "bob", &id), ST_OK);
	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "bob"), ST_OK);
	/* A name taken fails inside the batch... */
	assert_int_equal(store_unit_create(c->s, "Unit A", "bob", &id), ST_EXISTS);
	/* ...and the batch is rolled back as a whole. */
	assert_int_equal(store_batch_end(c->s, ST_EXISTS), ST_EXISTS);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM org_unit"), 1);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM item_state"), 0);

	assert_int_equal(store_batch_begin(c->s), ST_OK);
	assert_int_equal(store_unit_create(c->s, "Unit B", "bob", &id), ST_OK);
	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "bob"), ST_OK);
	assert_int_equal(store_batch_end(c->s, ST_OK), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM org_unit"), 2);
	assert_int_equal(fixture_sql_int(c->path, "SELECT state FROM item_state"), ITEM_DONE);
}

/* A change made from a stale screen does not overwrite another user's. */
static void test_change_refuses_a_stale_base(void **state)
{
	ctx *c = *state;
	/* B marks item bia done while A's screen still shows not started. */
	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "bob"), ST_OK);
	assert_int_equal(store_state_change(c->s, c->aid, "bia", ITEM_NOT_STARTED,
					    ITEM_IN_PROGRESS, "carol"),
			 ST_CONFLICT);
	assert_int_equal(fixture_sql_int(c->path, "SELECT state FROM item_state"), ITEM_DONE);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE user = 'carol'"), 0);
	/* From what is stored, it goes through. */
	assert_int_equal(store_state_change(c->s, c->aid, "bia", ITEM_DONE,
					    ITEM_NOT_STARTED, "carol"),
			 ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT state FROM item_state"),
			 ITEM_NOT_STARTED);

	assert_int_equal(store_answer_set(c->s, c->aid, "l5.culture", ANS_MET, NULL, "bob"),
			 ST_OK);
	assert_int_equal(store_answer_change(c->s, c->aid, "l5.culture", ANS_UNANSWERED,
					     ANS_NOT_MET, NULL, "carol"),
			 ST_CONFLICT);
	assert_int_equal(fixture_sql_int(c->path, "SELECT answer = 'met' FROM criterion_answer"), 1);
	assert_int_equal(store_answer_change(c->s, c->aid, "l5.culture", ANS_MET,
					     ANS_PARTLY, NULL, "carol"),
			 ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT answer = 'partly' FROM criterion_answer"), 1);
}

/* The first piece of evidence on item bia, copied into *out. */
static void first_bia_piece(ctx *c, evidence *out)
{
	evidence_list l;
	assert_int_equal(store_evidence_list(c->s, c->aid, "bia", &l), ST_OK);
	assert_true(l.n > 0);
	assert_true(evidence_copy(&l.v[0], out));
	evidence_list_free(&l);
}

/* An evidence form saved over a piece someone edited since it opened. */
static void test_evidence_change_refuses_a_stale_form(void **state)
{
	ctx *c = *state;
	evidence e = {0}, seen, mine, theirs;
	int64_t id;
	e.assessment_id = c->aid;
	e.target = (char *)"bia";
	e.body = (char *)"BIA report v1";
	e.evidence_date = (char *)"2026-11-01";
	e.valid_months = 12;
	assert_int_equal(store_evidence_add(c->s, &e, "carol", &id), ST_OK);
	first_bia_piece(c, &seen);
	/* B changes the owner; A, from the form opened before, the body. */
	theirs = seen;
	theirs.owner = (char *)"zhao";
	assert_int_equal(store_evidence_update(c->s, &theirs, "dave"), ST_OK);
	mine = seen;
	mine.body = (char *)"BIA report v2";
	assert_int_equal(store_evidence_change(c->s, &seen, &mine, "carol"), ST_CONFLICT);
	assert_int_equal(fixture_sql_int(c->path, "SELECT body = 'BIA report v1' AND owner = 'zhao'"
					  " FROM evidence"), 1);
	/* From what is stored now, it goes through. */
	evidence_free(&seen);
	first_bia_piece(c, &seen);
	mine = seen;
	mine.body = (char *)"BIA report v2";
	assert_int_equal(store_evidence_change(c->s, &seen, &mine, "carol"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT body = 'BIA report v2' AND owner = 'zhao'"
					  " FROM evidence"), 1);
	evidence_free(&seen);
}

/* A few audited writes to tamper with. */
static void five_entries(ctx *c)
{
	static const char *const keys[] = {"bia", "team", "drills", "bia", "team"};
	/* Creating the unit and its year made the first two. */
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"), 2);
	fixture_sql_exec(c->path, "DELETE FROM audit_log; DELETE FROM setting WHERE key = 'audit_head';"
			  " DELETE FROM audit_tamper");
	for (int i = 0; i < 5; i++)
		assert_int_equal(store_state_set(c->s, c->aid, keys[i],
						 i < 3 ? ITEM_DONE : ITEM_IN_PROGRESS,
						 "alice"),
				 ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"), 5);
}

static audit_check verify(ctx *c, int64_t tail)
{
	audit_check a;
	assert_int_equal(store_audit_verify(c->s, tail, &a), ST_OK);
	return a;
}

/* a reports problem at entry at_id (and detail, unless it is -1). */
static void expect_broken(audit_check a, audit_problem problem, int64_t at_id,
			  int64_t detail)
{
	assert_false(a.ok);
	assert_int_equal(a.problem, problem);
	assert_int_equal(a.at_id, at_id);
	if (detail >= 0)
		assert_int_equal(a.detail, detail);
}

static void test_audit_chain_intact(void **state)
{
	ctx *c = *state;
	audit_check a;
	five_entries(c);
	a = verify(c, 0);
	assert_true(a.ok);
	assert_int_equal(a.entries, 5);
	assert_int_equal(a.checked, 5);
	a = verify(c, 2);
	assert_true(a.ok);
	assert_int_equal(a.checked, 2);
	/* Each seal is a SHA-256 in hex. */
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE length(hash) = 64"), 5);
}

static void test_audit_chain_shows_a_changed_entry(void **state)
{
	ctx *c = *state;
	audit_check a;
	five_entries(c);
	fixture_sql_exec(c->path, "UPDATE audit_log SET user = 'mallory' WHERE id = 2");
	a = verify(c, 0);
	expect_broken(a, AUDIT_CHANGED, 2, -1);
	/* The quick check reads only the newest entries; the tripwire tells
	 * it of this older one. */
	a = verify(c, 2);
	expect_broken(a, AUDIT_CHANGED, 2, -1);
	assert_int_equal(a.checked, 2);
	a = verify(c, 4);
	assert_false(a.ok);
	assert_int_equal(a.at_id, 2);
	/* Setting a seal is moat's own update: no mark. */
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_tamper"), 1);
	fixture_sql_exec(c->path, "UPDATE audit_log SET hash = hash WHERE id = 4");
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_tamper"), 1);
}

/* Someone who drops the tripwire before editing an old entry is not seen
 * by the quick check, which is why `audit verify` reads them all. */
static void test_audit_full_check_sees_past_a_dropped_tripwire(void **state)
{
	ctx *c = *state;
	audit_check a;
	five_entries(c);
	fixture_sql_exec(c->path, "DROP TRIGGER audit_log_changed;"
			  " UPDATE audit_log SET user = 'mallory' WHERE id = 1");
	assert_true(verify(c, 2).ok);
	a = verify(c, 0);
	expect_broken(a, AUDIT_CHANGED, 1, -1);
}

/* Entries deleted before the tail show in the quick check by the
 * tripwire, named as the full check names them. */
static void test_audit_tripwire_names_old_deletions(void **state)
{
	ctx *c = *state;
	audit_check a;
	five_entries(c);
	fixture_sql_exec(c->path, "DELETE FROM audit_log WHERE id IN (1, 2)");
	a = verify(c, 2);
	expect_broken(a, AUDIT_GAP, 3, 2);
	/* The chain of the tail itself is intact. */
	assert_int_equal(a.checked, 2);
}

static void test_audit_chain_shows_deleted_and_added_entries(void **state)
{
	ctx *c = *state;
	audit_check a;
	five_entries(c);
	fixture_sql_exec(c->path, "DELETE FROM audit_log WHERE id = 3");
	a = verify(c, 0);
	expect_broken(a, AUDIT_GAP, 4, 1);
	/* The quick check sees the count does not add up. */
	a = verify(c, 2);
	assert_false(a.ok);
	assert_int_equal(a.problem, AUDIT_GAP);

	fixture_sql_exec(c->path, "INSERT INTO audit_log (id, at, user, entity, key, field)"
			  " VALUES (3, '2026-01-01T00:00:00Z', 'mallory', 'item', 'bia', 'state')");
	a = verify(c, 0);
	expect_broken(a, AUDIT_UNSEALED, 3, -1);
}

static void test_audit_chain_shows_a_cut_end(void **state)
{
	ctx *c = *state;
	audit_check a;
	five_entries(c);
	fixture_sql_exec(c->path, "DELETE FROM audit_log WHERE id >= 4");
	a = verify(c, 0);
	expect_broken(a, AUDIT_TAIL, 5, 2);
	a = verify(c, 2);
	assert_false(a.ok);
	assert_int_equal(a.problem, AUDIT_TAIL);
	/* New entries after the cut do not hide it: they follow the
	 * remembered head, so the cut shows as a gap. */
	assert_int_equal(store_state_set(c->s, c->aid, "monitoring", ITEM_DONE, "alice"),
			 ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT max(id) FROM audit_log"), 6);
	a = verify(c, 0);
	expect_broken(a, AUDIT_GAP, 6, 2);
}

/* Takes the closed file c back to schema 4: no seals, no pauses, no
 * units in the log. */
static void to_schema_4(ctx *c)
{
	fixture_sql_exec(c->path, FIXTURE_BEFORE_SCHEMA_8
			  "ALTER TABLE audit_log DROP COLUMN hash;"
			  " DELETE FROM setting WHERE key = 'audit_head';"
			  " DROP TABLE duty_pause;"
			  " ALTER TABLE duty DROP COLUMN paused_on;"
			  " ALTER TABLE assessment DROP COLUMN final_level;"
			  " PRAGMA user_version = 4;");
}

/* Databases from before the chain are sealed when they are upgraded. */
static void test_audit_migration_seals_old_entries(void **state)
{
	ctx *c = *state;
	char err[512];
	five_entries(c);
	store_close(c->s);
	to_schema_4(c);
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE length(hash) = 64"), 5);
	assert_true(verify(c, 0).ok);
}

/* Entries keep the seals they were written with: the upgrade to schema 8
 * gives the old ones their assessment's unit, and every entry written
 * after it is sealed with its unit too, so changing an entry's unit, or
 * moving where units begin to be sealed, breaks the chain. */
static void test_audit_units_are_sealed_from_the_upgrade_on(void **state)
{
	ctx *c = *state;
	char err[512];
	audit_check a;
	five_entries(c);
	store_close(c->s);
	/* Sealed without units, as before schema 8, by the upgrade. */
	to_schema_4(c);
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE unit_id = 1"), 5);
	assert_int_equal(fixture_sql_int(c->path, "SELECT value FROM setting"
					  " WHERE key = 'audit_unit_from'"), 6);
	a = verify(c, 0);
	assert_true(a.ok);
	assert_int_equal(a.checked, 5);
	assert_int_equal(store_state_set(c->s, c->aid, "monitoring", ITEM_DONE, "alice"),
			 ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT unit_id FROM audit_log"
					  " WHERE id = 6"), 1);
	a = verify(c, 0);
	assert_true(a.ok);
	assert_int_equal(a.checked, 6);
	a = verify(c, 2);
	assert_true(a.ok);
	assert_int_equal(a.checked, 2);
	/* Entry 5 read as sealed with its unit, which it was not. */
	fixture_sql_exec(c->path, "UPDATE setting SET value = '5' WHERE key = 'audit_unit_from'");
	a = verify(c, 0);
	expect_broken(a, AUDIT_CHANGED, 5, -1);
	/* Entry 6 read as sealed without it. */
	fixture_sql_exec(c->path, "DELETE FROM setting WHERE key = 'audit_unit_from'");
	a = verify(c, 0);
	expect_broken(a, AUDIT_CHANGED, 6, -1);
	fixture_sql_exec(c->path, "INSERT INTO setting VALUES ('audit_unit_from', '6')");
	assert_true(verify(c, 0).ok);
	/* Entry 6 moved to another unit. */
	fixture_sql_exec(c->path, "UPDATE audit_log SET unit_id = 2 WHERE id = 6");
	a = verify(c, 0);
	expect_broken(a, AUDIT_CHANGED, 6, -1);
}

/* A user who may not write the file reads it without creating the WAL
 * files a writer would then be unable to write. */
static void test_reader_leaves_no_files(void **state)
{
	ctx *c = *state;
	char dir[4096], err[8192];
	store *r;
	int64_t id;
	bool reopened = true;
	item_state st[16];
	(void)st;
	if (geteuid() == 0)
		skip(); /* root may write anything: run as a user */
	assert_int_equal(store_state_set(c->s, c->aid, "bia", ITEM_DONE, "alice"), ST_OK);
	store_close(c->s);
	c->s = NULL;
	assert_false(exists(c->path, "-wal"));
	snprintf(dir, sizeof dir, "%.*s", (int)(strrchr(c->path, '/') - c->path),
		 c->path);
	assert_int_equal(chmod(c->path, 0444), 0);
	assert_int_equal(store_open(c->path, STORE_EXISTING, &r, err, sizeof err), ST_OK);
	assert_true(store_read_only(r));
	assert_string_equal(store_warning(r), "");
	assert_int_equal(store_unit_create(r, "Unit B", "alice", &id), ST_READONLY);
	assert_int_equal(store_refresh(r, &reopened), ST_OK);
	assert_false(reopened);
	store_close(r);
	assert_false(exists(c->path, "-wal"));
	assert_false(exists(c->path, "-shm"));

	/* A read-only folder still allows reading. */
	assert_int_equal(chmod(c->path, 0644), 0);
	assert_int_equal(chmod(dir, 0555), 0);
	assert_int_equal(store_open(c->path, STORE_EXISTING, &r, err, sizeof err), ST_OK);
	assert_true(store_read_only(r));
	store_close(r);
	assert_int_equal(chmod(dir, 0700), 0);
}

/* Typed bytes: UTF-8 decoded one at a time; what is not UTF-8 is dropped
 * and counted, and what follows still arrives. */
static void test_utf8_stream(void **state)
{
	/* "café ok" in Latin-1, then ff fe, then Ctrl-S; then "你" in UTF-8. */
	const unsigned char in[] = {'c', 'a', 'f', 0xE9, ' ', 'o', 'k', 0xFF, 0xFE,
				    0x13, 0xE4, 0xBD, 0xA0};
	const uint32_t want[] = {'c', 'a', 'f', ' ', 'o', 'k', 0x13, 0x4F60};
	uint32_t got[16], cp;
	size_t n = 0;
	int dropped = 0;
	bool have;
	utf8_stream u = {0};
	(void)state;
	for (size_t i = 0; i < sizeof in; i++) {
		dropped += utf8_stream_feed(&u, in[i], &cp, &have);
		if (have)
			got[n++] = cp;
	}
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(got[i], want[i]);
	assert_int_equal(dropped, 3);
	assert_false(utf8_stream_pending(&u));

	/* Overlong, surrogate and a character cut short. */
	dropped = utf8_stream_feed(&u, 0xC0, &cp, &have);
	assert_int_equal(dropped, 1);
	assert_int_equal(utf8_stream_feed(&u, 0xED, &cp, &have), 0);
	/* ED A0 would start a surrogate: both bytes go. */
	assert_int_equal(utf8_stream_feed(&u, 0xA0, &cp, &have), 2);
	assert_int_equal(utf8_stream_feed(&u, 0x80, &cp, &have), 1);
	assert_int_equal(utf8_stream_feed(&u, 0xF0, &cp, &have), 0);
	assert_int_equal(utf8_stream_feed(&u, 0x9F, &cp, &have), 0);
	assert_true(utf8_stream_pending(&u));
	assert_int_equal(utf8_stream_flush(&u), 2);
	assert_int_equal(utf8_stream_feed(&u, 0xF0, &cp, &have), 0);
	assert_int_equal(utf8_stream_feed(&u, 0x9F, &cp, &have), 0);
	assert_int_equal(utf8_stream_feed(&u, 0x98, &cp, &have), 0);
	assert_int_equal(utf8_stream_feed(&u, 0x80, &cp, &have), 0);
	assert_true(have);
	assert_int_equal(cp, 0x1F600);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_commands_never_create),
		cmocka_unit_test_setup_teardown(test_truncated_file_is_damaged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_batch_is_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_change_refuses_a_stale_base, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence_change_refuses_a_stale_form, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_chain_intact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_chain_shows_a_changed_entry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_chain_shows_deleted_and_added_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_full_check_sees_past_a_dropped_tripwire, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_tripwire_names_old_deletions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_chain_shows_a_cut_end, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_migration_seals_old_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_units_are_sealed_from_the_upgrade_on,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_reader_leaves_no_files, setup, teardown),
		cmocka_unit_test(test_utf8_stream),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
