#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/audit_text.h"
#include "model/changes.h"
#include "model/msg.h"
#include "model/store.h"
#include "model/unit_view.h"
#include "tests/fixtures.h"

/* Units of a group: creating, renaming, regions, archiving, the list,
 * and where each person opens. */

typedef struct {
	questionnaire q;
	char path[4096];
	store *s;
	int64_t a, a_year; /* "Unit A" and its 2026 */
} ctx;

#define OK(x) assert_int_equal((x), ST_OK)

static int setup(void **state)
{
	ctx *c = calloc(1, sizeof *c);
	char err[512];
	msg_set_lang(LANG_EN);
	fixture_questionnaire("en", &c->q);
	fixture_db_path(c->path, sizeof c->path);
	OK(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err));
	OK(store_unit_open_new(c->s, "Unit A", NULL, 2026, "alice", &c->a,
			       &c->a_year));
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	ctx *c = *state;
	store_close(c->s);
	questionnaire_free(&c->q);
	free(c);
	return 0;
}

static int64_t audit_count(ctx *c)
{
	int64_t n = 0;
	OK(store_audit_count(c->s, &n));
	return n;
}

static void test_create_trims_and_refuses(void **state)
{
	ctx *c = *state;
	char longname[UNIT_NAME_MAX + 2];
	int64_t id;
	unit u;

	OK(store_unit_create(c->s, "  North Depot \t", "bob", &id));
	OK(store_unit_get(c->s, id, &u));
	assert_string_equal(u.name, "North Depot");
	assert_string_equal(u.region, "");
	assert_false(u.archived);
	assert_int_equal(u.validity_months, 12);

	assert_int_equal(store_unit_create(c->s, "   ", "bob", &id), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "A unit needs a name.");
	assert_int_equal(store_unit_create(c->s, NULL, "bob", &id), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "A unit needs a name.");
	assert_int_equal(store_unit_create(c->s, " North Depot", "bob", &id),
			 ST_EXISTS);
	assert_string_equal(store_errmsg(c->s),
			    "A unit named North Depot already exists.");
	/* Exact names: another case is another unit. */
	OK(store_unit_create(c->s, "north depot", "bob", &id));
	assert_int_equal(store_unit_create(c->s, "North\nDepot", "bob", &id),
			 ST_INVALID);
	assert_string_equal(store_errmsg(c->s),
			    "Organisation unit name: no control characters or"
			    " line breaks");
	memset(longname, 'x', UNIT_NAME_MAX + 1);
	longname[UNIT_NAME_MAX + 1] = '\0';
	assert_int_equal(store_unit_create(c->s, longname, "bob", &id), ST_INVALID);
	assert_string_equal(store_errmsg(c->s),
			    "Organisation unit name: at most 200 characters");
	longname[UNIT_NAME_MAX] = '\0';
	OK(store_unit_create(c->s, longname, "bob", &id));
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM org_unit"), 4);
}

static void test_find_is_exact(void **state)
{
	ctx *c = *state;
	unit u;
	OK(store_unit_find(c->s, "Unit A", &u));
	assert_int_equal(u.id, c->a);
	OK(store_unit_find(c->s, " Unit A ", &u));
	assert_int_equal(store_unit_find(c->s, "unit a", &u), ST_NOT_FOUND);
	assert_int_equal(store_unit_find(c->s, "Unit", &u), ST_NOT_FOUND);
}

static void test_rename_is_unique_and_audited(void **state)
{
	ctx *c = *state;
	int64_t b, before;
	unit u;
	audit_list l;
	char text[512];

	OK(store_unit_create(c->s, "Unit B", "bob", &b));
	assert_int_equal(store_unit_rename(c->s, c->a, "Unit B", "bob"), ST_EXISTS);
	assert_string_equal(store_errmsg(c->s), "A unit named Unit B already exists.");
	assert_int_equal(store_unit_rename(c->s, c->a, "", "bob"), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "A unit needs a name.");
	before = audit_count(c);
	OK(store_unit_rename(c->s, c->a, " Unit A", "bob"));
	assert_int_equal(audit_count(c), before);
	OK(store_unit_rename(c->s, c->a, "Shanghai Centre ", "bob"));
	OK(store_unit_get(c->s, c->a, &u));
	assert_string_equal(u.name, "Shanghai Centre");
	assert_int_equal(audit_count(c), before + 1);
	OK(store_audit_list(c->s, "bob", NULL, 1, &l));
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].entity, "unit");
	assert_int_equal(l.v[0].unit_id, c->a);
	assert_string_equal(l.v[0].field, "name");
	audit_change(&c->q, &l.v[0], text, sizeof text);
	assert_string_equal(text, "name: Unit A → Shanghai Centre");
	audit_list_free(&l);
	/* The years stay with the unit. */
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM assessment"
				      " WHERE unit_id = (SELECT id FROM org_unit WHERE"
				      " name = 'Shanghai Centre')"), 1);
	assert_int_equal(change_parts("unit"), PART_ALL);
}

static void test_region(void **state)
{
	ctx *c = *state;
	char longregion[UNIT_REGION_MAX + 2];
	unit u;
	audit_list l;
	char text[512];

	OK(store_unit_set_region(c->s, c->a, " East China ", "carol"));
	OK(store_unit_get(c->s, c->a, &u));
	assert_string_equal(u.region, "East China");
	OK(store_audit_list(c->s, "carol", NULL, 1, &l));
	assert_string_equal(l.v[0].field, "region");
	assert_string_equal(l.v[0].key, "Unit A");
	audit_change(&c->q, &l.v[0], text, sizeof text);
	assert_string_equal(text, "region: — → East China");
	audit_list_free(&l);
	memset(longregion, 'r', UNIT_REGION_MAX + 1);
	longregion[UNIT_REGION_MAX + 1] = '\0';
	assert_int_equal(store_unit_set_region(c->s, c->a, longregion, "carol"),
			 ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "Region: at most 100 characters");
	OK(store_unit_set_region(c->s, c->a, "", "carol"));
	OK(store_unit_get(c->s, c->a, &u));
	assert_string_equal(u.region, "");
	assert_int_equal(store_unit_set_region(c->s, 999, "x", "carol"),
			 ST_NOT_FOUND);
}

static void test_archive_hides_but_keeps(void **state)
{
	ctx *c = *state;
	int64_t b, by;
	unit_row *rows;
	size_t n;
	unit u;
	assessment a;
	audit_list l;
	char text[512];

	OK(store_unit_open_new(c->s, "Unit B", "North", 2025, "bob", &b, &by));
	OK(store_unit_set_archived(c->s, b, true, "bob"));
	assert_int_equal(store_unit_set_archived(c->s, b, true, "bob"), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "Unit B is archived already.");
	OK(store_unit_list(c->s, false, &rows, &n));
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].u.name, "Unit A");
	free(rows);
	OK(store_unit_list(c->s, true, &rows, &n));
	assert_int_equal(n, 2);
	assert_string_equal(rows[1].u.name, "Unit B");
	assert_true(rows[1].u.archived);
	assert_string_equal(rows[1].u.region, "North");
	assert_int_equal(rows[1].latest_year, 2025);
	free(rows);
	/* Nothing is deleted: the year reads as before. */
	OK(store_assessment_get(c->s, by, &a));
	assert_int_equal(a.year, 2025);
	OK(store_audit_list(c->s, "bob", NULL, 1, &l));
	audit_change(&c->q, &l.v[0], text, sizeof text);
	assert_string_equal(text, "archived: no → yes");
	audit_list_free(&l);
	OK(store_unit_set_archived(c->s, b, false, "bob"));
	assert_int_equal(store_unit_set_archived(c->s, b, false, "bob"), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "Unit B is not archived.");
	OK(store_unit_get(c->s, b, &u));
	assert_false(u.archived);
}

static void test_list_with_latest_year_and_level(void **state)
{
	ctx *c = *state;
	int64_t b, old, id;
	unit_row *rows;
	size_t n;
	unit_view v;

	OK(store_unit_create(c->s, "B without a year", "bob", &b));
	OK(store_assessment_create(c->s, c->a, 2024, "bob", &old));
	OK(store_unit_list(c->s, false, &rows, &n));
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].u.name, "B without a year");
	assert_int_equal(rows[0].latest_id, 0);
	assert_int_equal(rows[0].latest_year, 0);
	assert_string_equal(rows[1].u.name, "Unit A");
	assert_int_equal(rows[1].latest_id, c->a_year);
	assert_int_equal(rows[1].latest_year, 2026);
	assert_int_equal(rows[1].latest_status, ASSESS_DRAFT);
	free(rows);
	OK(store_unit_latest(c->s, c->a, &id));
	assert_int_equal(id, c->a_year);
	assert_int_equal(store_unit_latest(c->s, b, &id), ST_NOT_FOUND);

	OK(unit_view_load(c->s, &c->q, (date){2026, 12, 1}, false, &v));
	assert_int_equal(v.n, 2);
	assert_int_equal(v.v[0].level, 0);
	assert_int_equal(v.v[1].level, 1);
	assert_int_equal(unit_view_find(&v, c->a), 1);
	assert_int_equal(unit_view_find(&v, 999), -1);
	unit_view_free(&v);
}

/* Two people on one file open on different units; someone who never
 * chose opens on the file's default. */
static void test_each_user_remembers_their_own(void **state)
{
	ctx *c = *state;
	int64_t b, by, u, a;

	OK(store_unit_open_new(c->s, "Unit B", NULL, 2026, "bob", &b, &by));
	OK(store_current(c->s, "alice", &u, &a));
	assert_int_equal(a, c->a_year);
	OK(store_set_current(c->s, "alice", by));
	OK(store_set_current(c->s, "bob", c->a_year));
	OK(store_current(c->s, "alice", &u, &a));
	assert_int_equal(u, b);
	assert_int_equal(a, by);
	OK(store_current(c->s, "bob", &u, &a));
	assert_int_equal(u, c->a);
	assert_int_equal(a, c->a_year);
	/* Carol never chose: the first unit's latest year, until the file
	 * has a default. */
	OK(store_current(c->s, "carol", &u, &a));
	assert_int_equal(a, c->a_year);
	OK(store_set_default_current(c->s, by));
	OK(store_current(c->s, "carol", &u, &a));
	assert_int_equal(a, by);
	OK(store_current(c->s, "bob", &u, &a));
	assert_int_equal(a, c->a_year);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM user_current"), 2);
	assert_int_equal(store_set_current(c->s, "alice", 999), ST_NOT_FOUND);
	assert_int_equal(store_set_current(c->s, "", by), ST_INVALID);
	/* A remembered year that is removed falls back. */
	fixture_sql_exec(c->path, "DELETE FROM assessment WHERE year = 2026 AND"
			 " unit_id = (SELECT id FROM org_unit WHERE name = 'Unit B')");
	OK(store_current(c->s, "alice", &u, &a));
	assert_int_equal(a, c->a_year);
}

/* Archiving the unit someone stands in leaves them there; those who did
 * not choose it go to a unit in use. */
static void test_archived_units_and_where_one_opens(void **state)
{
	ctx *c = *state;
	int64_t b, by, u, a;

	OK(store_unit_open_new(c->s, "Unit B", NULL, 2026, "bob", &b, &by));
	OK(store_set_default_current(c->s, c->a_year));
	OK(store_set_current(c->s, "alice", c->a_year));
	OK(store_unit_set_archived(c->s, c->a, true, "bob"));
	OK(store_current(c->s, "alice", &u, &a));
	assert_int_equal(u, c->a);
	OK(store_current(c->s, "carol", &u, &a));
	assert_int_equal(u, b);
	assert_int_equal(a, by);
	OK(store_unit_set_archived(c->s, b, true, "bob"));
	OK(store_current(c->s, "carol", &u, &a));
	assert_int_equal(u, c->a);
}

/* A file of schema 15 had one remembered year for everybody: it becomes
 * the default of everyone, and each person's choice is theirs from then
 * on. */
static void test_migration_from_15(void **state)
{
	ctx *c = *state;
	char err[512], sql[1024];
	int64_t b, by, u, a;
	unit un;

	OK(store_unit_open_new(c->s, "Unit B", NULL, 2026, "bob", &b, &by));
	store_close(c->s);
	c->s = NULL;
	snprintf(sql, sizeof sql,
		 FIXTURE_BEFORE_SCHEMA_16
		 "INSERT INTO setting (key, value) VALUES ('current_assessment',"
		 " '%lld'); PRAGMA user_version = 15;",
		 (long long)by);
	fixture_sql_exec(c->path, sql);
	assert_int_equal(fixture_sql_int(c->path, "PRAGMA user_version"), 15);
	OK(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err));
	assert_int_equal(store_schema_version(c->s), 15);
	assert_int_equal(fixture_sql_int(c->path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	OK(store_unit_get(c->s, b, &un));
	assert_string_equal(un.region, "");
	assert_false(un.archived);
	OK(store_current(c->s, "alice", &u, &a));
	assert_int_equal(a, by);
	OK(store_current(c->s, "bob", &u, &a));
	assert_int_equal(a, by);
	OK(store_set_current(c->s, "alice", c->a_year));
	OK(store_current(c->s, "alice", &u, &a));
	assert_int_equal(a, c->a_year);
	OK(store_current(c->s, "bob", &u, &a));
	assert_int_equal(a, by);
	/* The new columns refuse what the store would. */
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM org_unit"
				      " WHERE archived = 0"), 2);
	OK(store_unit_set_region(c->s, b, "North", "bob"));
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM org_unit"
				      " WHERE region = 'North'"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_trims_and_refuses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find_is_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rename_is_unique_and_audited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_region, setup, teardown),
		cmocka_unit_test_setup_teardown(test_archive_hides_but_keeps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_with_latest_year_and_level, setup, teardown),
		cmocka_unit_test_setup_teardown(test_each_user_remembers_their_own, setup, teardown),
		cmocka_unit_test_setup_teardown(test_archived_units_and_where_one_opens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_from_15, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
