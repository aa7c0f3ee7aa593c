/* Backups and the ledger as stored: a plan and copies saved, refused and
 * frozen with their year, copied into the next; ledger entries recorded
 * for a known system only, completing the monthly restore test's oldest
 * open occurrence (and filing its evidence) exactly once, listed by
 * filter, deleted; all audited. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/demo.h"
#include "model/msg.h"
#include "model/report.h"
#include "model/store.h"
#include "model/store_bia.h"
#include "model/store_verify.h"
#include "tests/fixtures.h"

static const date today = {2026, 11, 25};

typedef struct {
	questionnaire q;
	char path[4096];
	store *s;
	int64_t unit, aid;
} ctx;

static int setup(void **state)
{
	ctx *c = calloc(1, sizeof *c);
	char err[512];
	int64_t a;
	msg_set_lang(LANG_EN);
	fixture_questionnaire("en", &c->q);
	fixture_db_path(c->path, sizeof c->path);
	assert_int_equal(store_open(c->path, STORE_CREATE, &c->s, err, sizeof err),
			 ST_OK);
	assert_int_equal(demo_load(c->s, &c->q, today, "liwei", &a), ST_OK);
	assert_int_equal(store_current(c->s, "alice", &c->unit, &c->aid), ST_OK);
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

static int64_t system_id(ctx *c, const char *name)
{
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT id FROM bia_system WHERE name = '%s'"
		 " AND assessment_id = %lld", name, (long long)c->aid);
	return fixture_sql_int(c->path, sql);
}

static void test_backup_plan_and_copies(void **state)
{
	ctx *c = *state;
	/* The demo gives the CRM system no backups. */
	int64_t crm = system_id(c, "CRM system"), id, id2;
	long long plans = fixture_sql_int(c->path, "SELECT count(*) FROM backup_plan");
	long long copies = fixture_sql_int(c->path, "SELECT count(*) FROM backup_copy");
	backup_plan p;
	backup_copy k;
	backup_list l;

	memset(&p, 0, sizeof p);
	snprintf(p.full_schedule, sizeof p.full_schedule, "Sundays");
	p.full_every = 7 * 1440;
	snprintf(p.incr_schedule, sizeof p.incr_schedule, "daily at 02:00");
	p.incr_every = 1440;
	p.realtime = true;
	snprintf(p.retention, sizeof p.retention, "3 months");
	p.retention_days = 90;
	assert_int_equal(store_backup_plan_set(c->s, crm, &p, "zhao"), ST_OK);
	p.incr_every = 0;
	assert_int_equal(store_backup_plan_set(c->s, crm, &p, "zhao"), ST_INVALID);
	assert_string_equal(store_errmsg(c->s),
			    "A backup interval must be from 1 min to 366 d");
	p.incr_every = 1440;

	memset(&k, 0, sizeof k);
	assert_int_equal(store_backup_copy_save(c->s, crm, &k, "zhao", &id),
			 ST_INVALID);
	snprintf(k.location, sizeof k.location, "NAS in room 2");
	k.medium = MEDIUM_NAS;
	assert_int_equal(store_backup_copy_save(c->s, crm, &k, "zhao", &id), ST_OK);
	snprintf(k.location, sizeof k.location, "Aliyun OSS");
	k.medium = MEDIUM_CLOUD;
	k.offsite = true;
	assert_int_equal(store_backup_copy_save(c->s, crm, &k, "zhao", &id2), ST_OK);

	assert_int_equal(store_backups_load(c->s, c->aid, &l), ST_OK);
	assert_int_equal(l.n, 7);
	const system_backup *b = NULL;
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].system_id == crm)
			b = &l.v[i];
	assert_non_null(b);
	assert_true(b->has_plan);
	assert_string_equal(b->plan.incr_schedule, "daily at 02:00");
	assert_int_equal(b->plan.incr_every, 1440);
	assert_int_equal(b->plan.retention_days, 90);
	assert_int_equal(b->n_copies, 2);
	assert_int_equal(b->copies[1].medium, MEDIUM_CLOUD);
	assert_true(b->copies[1].offsite);
	backup_321 r;
	backup_check_321(b->copies, b->n_copies, &r);
	assert_int_equal(r.missing, 0);
	backup_list_free(&l);

	assert_int_equal(store_backup_copy_delete(c->s, id, "zhao"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM backup_copy"),
			 copies + 1);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE entity = 'backup' AND user = 'zhao'"), 4);

	/* The next year takes them along; the finalised one refuses. */
	int64_t next;
	assert_int_equal(report_finalise(c->s, &c->q, c->aid, today, "liwei"), ST_OK);
	assert_int_equal(store_backup_plan_set(c->s, crm, &p, "zhao"), ST_FROZEN);
	assert_int_equal(store_assessment_start_next(c->s, c->aid, today, "liwei",
						     &next), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM backup_plan"),
			 2 * (plans + 1));
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM backup_copy"),
			 2 * (copies + 1));
}

static verify_entry restore_test(const char *system, const char *started,
				 int64_t rta)
{
	verify_entry e;
	memset(&e, 0, sizeof e);
	snprintf(e.system, sizeof e.system, "%s", system);
	e.kind = VERIFY_RESTORE;
	e.result = VERIFY_PASS;
	assert_true(verify_parse_time(started, &e.started));
	e.rta = rta;
	e.rpa = BIA_UNSET;
	e.completeness = 1000;
	return e;
}

static void test_record_completes_the_duty(void **state)
{
	ctx *c = *state;
	verify_entry e = restore_test("Nowhere", "2026-11-24 09:00", 40);
	int64_t id, ev;
	verify_entry *v;
	size_t n;

	long long demo = fixture_sql_int(c->path, "SELECT count(*) FROM verify_entry");
	assert_int_equal(demo, 6); /* five restore tests and the demo drill's */
	assert_int_equal(store_verify_record(c->s, c->unit, c->aid, &e, "job", &id, &ev),
			 ST_NOT_FOUND);
	assert_string_equal(store_errmsg(c->s),
			    "unknown system Nowhere; the systems are: Rescue dispatch"
			    " system, Customer service system, Work order system,"
			    " Parts inventory system, Finance system, CRM system,"
			    " BI platform");
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM verify_entry"),
			 demo);

	/* The demo's restore test due 10 November is overdue: this one does
	 * it, filing evidence for item restore_test. */
	long long before = fixture_sql_int(c->path, "SELECT count(*) FROM evidence");
	e = restore_test("Customer service system", "2026-11-24 09:00", 40);
	assert_int_equal(store_verify_record(c->s, c->unit, c->aid, &e, "job", &id, &ev),
			 ST_OK);
	assert_true(ev > 0);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM duty_event e"
					  " JOIN duty d ON d.id = e.duty_id WHERE"
					  " d.template_key = 'd.restore_test' AND"
					  " e.due_date = '2026-11-10' AND"
					  " e.event_date = '2026-11-24'"), 1);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM evidence"),
			 before + 1);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT duty_event_id FROM verify_entry WHERE id = %lld",
		 (long long)id);
	assert_int_equal(fixture_sql_int(c->path, sql), ev);

	/* The next one counts for the occurrence due 10 December, not twice
	 * for November. */
	e = restore_test("Customer service system", "2026-11-25 09:00", 50);
	assert_int_equal(store_verify_record(c->s, c->unit, c->aid, &e, "job", &id, &ev),
			 ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM duty_event e"
					  " JOIN duty d ON d.id = e.duty_id WHERE"
					  " d.template_key = 'd.restore_test' AND"
					  " e.due_date = '2026-12-10'"), 1);
	/* A third in the same month finds nothing open within a period. */
	e = restore_test("CRM system", "2026-11-25 10:00", 20);
	assert_int_equal(store_verify_record(c->s, c->unit, c->aid, &e, "job", &id, &ev),
			 ST_OK);
	assert_int_equal(ev, 0);
	/* An automated check completes no duty. */
	e = restore_test("CRM system", "2026-11-25 02:00", BIA_UNSET);
	e.kind = VERIFY_CHECK;
	e.result = VERIFY_FAIL;
	assert_int_equal(store_verify_record(c->s, c->unit, c->aid, &e, "job", &id, &ev),
			 ST_OK);
	assert_int_equal(ev, 0);

	verify_filter all = {NULL, -1, {0, 0, 0}};
	assert_int_equal(store_verify_list(c->s, c->unit, &all, &v, &n), ST_OK);
	assert_int_equal(n, 4 + demo);
	/* Newest start first. */
	assert_string_equal(v[0].system, "CRM system");
	assert_int_equal(v[0].started.hour, 10);
	assert_int_equal(v[1].rta, 50);
	assert_int_equal(v[3].rta, 40);
	assert_int_equal(v[3].completeness, 1000);
	assert_string_equal(v[3].by, "job");
	free(v);
	verify_filter crm = {"CRM system", -1, {2026, 11, 1}};
	assert_int_equal(store_verify_list(c->s, c->unit, &crm, &v, &n), ST_OK);
	assert_int_equal(n, 2);
	free(v);
	verify_filter checks = {NULL, VERIFY_CHECK, {0, 0, 0}};
	assert_int_equal(store_verify_list(c->s, c->unit, &checks, &v, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].result, VERIFY_FAIL);
	int64_t check_id = v[0].id;
	free(v);
	verify_filter since = {NULL, -1, {2026, 11, 25}};
	assert_int_equal(store_verify_list(c->s, c->unit, &since, &v, &n), ST_OK);
	assert_int_equal(n, 3);
	free(v);

	assert_int_equal(store_verify_delete(c->s, check_id, "zhao"), ST_OK);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM verify_entry"),
			 demo + 3);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM audit_log"
					  " WHERE entity = 'verify' AND user <> 'liwei'"), 5);
}

static void test_record_refusals(void **state)
{
	ctx *c = *state;
	verify_entry e = restore_test("CRM system", "2026-11-24 09:00", 40);
	int64_t id, ev;

	e.has_ended = true;
	assert_true(verify_parse_time("2026-11-24 08:00", &e.ended));
	assert_int_equal(store_verify_record(c->s, c->unit, c->aid, &e, "job", &id, &ev),
			 ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "The end cannot be before the start");
	e.has_ended = false;
	e.completeness = 1200;
	assert_int_equal(store_verify_record(c->s, c->unit, c->aid, &e, "job", &id, &ev),
			 ST_INVALID);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM verify_entry"
					  " WHERE entered_by = 'job'"), 0);
}

/* Recorded from the agenda: the occurrence and the entry in one act,
 * linked; neither stays when either is refused. */
static void test_record_at_the_occurrence(void **state)
{
	ctx *c = *state;
	verify_entry e = restore_test("CRM system", "2026-11-24 09:00", 35);
	duty_event ev;
	int64_t id, event, duty_id;
	long long events = fixture_sql_int(c->path, "SELECT count(*) FROM duty_event");

	duty_id = fixture_sql_int(c->path, "SELECT id FROM duty WHERE"
				  " template_key = 'd.restore_test'");
	assert_true(duty_id > 0);
	memset(&ev, 0, sizeof ev);
	ev.duty_id = duty_id;
	ev.due = (date){2026, 11, 10};
	ev.on = (date){2026, 11, 24};
	snprintf(ev.result, sizeof ev.result, "pass");

	/* An unknown system: nothing recorded, the occurrence stays open. */
	snprintf(e.system, sizeof e.system, "Nowhere");
	assert_int_equal(store_verify_record_at(c->s, c->unit, c->aid, &e, &ev, NULL,
						"liwei", &id, &event),
			 ST_NOT_FOUND);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM duty_event"
					  " WHERE due_date = '2026-11-10'"), 0);

	snprintf(e.system, sizeof e.system, "CRM system");
	assert_int_equal(store_verify_record_at(c->s, c->unit, c->aid, &e, &ev, NULL,
						"liwei", &id, &event),
			 ST_OK);
	assert_true(event > 0);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM duty_event WHERE id = %lld"
		 " AND duty_id = %lld AND due_date = '2026-11-10'",
		 (long long)event, (long long)duty_id);
	assert_int_equal(fixture_sql_int(c->path, sql), 1);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM duty_event"),
			 events + 1);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM verify_entry"
					  " WHERE system = 'CRM system'"), 1);
	snprintf(sql, sizeof sql, "SELECT duty_event_id FROM verify_entry WHERE id = %lld",
		 (long long)id);
	assert_int_equal(fixture_sql_int(c->path, sql), event);

	/* The same occurrence again: refused, and no second entry. */
	assert_int_equal(store_verify_record_at(c->s, c->unit, c->aid, &e, &ev, NULL,
						"liwei", &id, &event),
			 ST_EXISTS);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM verify_entry"
					  " WHERE system = 'CRM system'"), 1);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM duty_event"),
			 events + 1);

	/* An entry refused: the occurrence is not recorded either. */
	ev.due = (date){2026, 12, 10};
	e.completeness = 2000;
	assert_int_equal(store_verify_record_at(c->s, c->unit, c->aid, &e, &ev, NULL,
						"liwei", &id, &event),
			 ST_INVALID);
	assert_int_equal(fixture_sql_int(c->path, "SELECT count(*) FROM duty_event"),
			 events + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_backup_plan_and_copies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_completes_the_duty, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_record_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_at_the_occurrence, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
