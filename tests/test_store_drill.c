/* Drills as stored: a drill saved, refused and audited per field; its
 * systems, notes and stopwatch marks; restoring service measures the RTA
 * and records one ledger entry per system, judged against its RTO, the
 * full-scale drill's completing the yearly full DR drill duty; findings
 * becoming tasks of the running programme's phase, or staying on the
 * improvement list after day 90; the unit's own scenarios. */
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
#include "model/store.h"
#include "model/store_drill.h"
#include "model/store_verify.h"
#include "tests/fixtures.h"

static const date today = {2026, 11, 25};
#define SERVICE "Customer service system"
#define STOCK "Parts inventory system"

typedef fixture_demo ctx;

static long long sql(ctx *c, const char *q)
{
	return fixture_sql_int(c->path, q);
}

static verify_time at(const char *s)
{
	verify_time t;
	assert_true(verify_parse_time(s, &t));
	return t;
}

static int64_t add_drill(ctx *c, const char *type)
{
	drill_record d;
	int64_t id;
	drill_record_init(&d);
	snprintf(d.type, sizeof d.type, "%s", type);
	snprintf(d.scenario, sizeof d.scenario, "Database server disk failure");
	d.held_on = (date){2026, 11, 20};
	assert_int_equal(store_drill_save(c->s, c->unit, &c->q.drill, &d, "chen",
					  &id), ST_OK);
	return id;
}

static void test_save_and_audit(void **state)
{
	ctx *c = *state;
	drill_record d;
	drill_full f;
	int64_t id, again;
	long long audit = sql(c, "SELECT count(*) FROM audit_log");

	drill_record_init(&d);
	/* Refusals name what is missing. */
	assert_int_equal(store_drill_save(c->s, c->unit, &c->q.drill, &d, "chen",
					  &id), ST_INVALID);
	assert_string_equal(store_errmsg(c->s),
			    "Choose a drill type: tabletop, functional or full");
	snprintf(d.type, sizeof d.type, "functional");
	assert_int_equal(store_drill_save(c->s, c->unit, &c->q.drill, &d, "chen",
					  &id), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "Give the date of the drill");
	d.held_on = (date){2026, 11, 20};
	d.complaints = -2;
	assert_int_equal(store_drill_save(c->s, c->unit, &c->q.drill, &d, "chen",
					  &id), ST_INVALID);
	d.complaints = BIA_UNSET;
	assert_int_equal(sql(c, "SELECT count(*) FROM audit_log"), audit);

	snprintf(d.participants, sizeof d.participants, "chen: lead; wang: DBA");
	assert_int_equal(store_drill_save(c->s, c->unit, &c->q.drill, &d, "chen",
					  &id), ST_OK);
	assert_int_equal(sql(c, "SELECT count(*) FROM audit_log"), audit + 1);
	assert_int_equal(store_drill_load(c->s, id, &f), ST_OK);
	assert_string_equal(f.d.type, "functional");
	assert_string_equal(f.d.participants, "chen: lead; wang: DBA");
	assert_int_equal(f.d.checks[DRILL_RTO_MET], DRILL_UNSET);
	assert_int_equal(f.d.loss, BIA_UNSET);
	assert_string_equal(f.d.by, "chen");
	assert_int_equal(f.n_systems, 0);
	drill_full_free(&f);

	/* Three fields change: three entries. */
	d.id = id;
	d.checks[DRILL_SWITCHOVER_OK] = DRILL_NO;
	d.checks[DRILL_KEY_PEOPLE] = DRILL_YES;
	d.loss = 150000;
	assert_int_equal(store_drill_save(c->s, c->unit, &c->q.drill, &d, "chen",
					  &again), ST_OK);
	assert_int_equal(again, id);
	assert_int_equal(sql(c, "SELECT count(*) FROM audit_log"), audit + 4);
	assert_int_equal(sql(c, "SELECT count(*) FROM audit_log WHERE"
				" entity = 'drill' AND field = 'switchover_ok'"
				" AND old_value = '-1' AND new_value = '0'"), 1);
	assert_int_equal(sql(c, "SELECT loss FROM drill WHERE id = (SELECT"
				" max(id) FROM drill)"), 150000);
	assert_int_equal(sql(c, "SELECT switchover_ok IS 0 AND rto_met IS NULL"
				" FROM drill WHERE id = (SELECT max(id) FROM drill)"),
			 1);
	/* Saving it unchanged writes no entry. */
	assert_int_equal(store_drill_save(c->s, c->unit, &c->q.drill, &d, "chen",
					  &again), ST_OK);
	assert_int_equal(sql(c, "SELECT count(*) FROM audit_log"), audit + 4);

	assert_int_equal(store_drill_delete(c->s, id, "chen"), ST_OK);
	assert_int_equal(store_drill_load(c->s, id, &f), ST_NOT_FOUND);
	assert_int_equal(store_drill_delete(c->s, id, "chen"), ST_NOT_FOUND);
}

static void test_stopwatch_to_ledger(void **state)
{
	ctx *c = *state;
	int64_t id = add_drill(c, "functional"), note;
	drill_system_name names[3] = {SERVICE, STOCK, SERVICE};
	const int64_t rtos[] = {120, 240};
	verify_time t;
	drill_full f;
	size_t entries = 9;
	verify_entry *v;
	size_t n;
	verify_filter all = {NULL, -1, {0, 0, 0}};
	long long events = sql(c, "SELECT count(*) FROM duty_event");

	assert_int_equal(store_drill_systems_set(c->s, id, names, 3, "chen"),
			 ST_OK);
	t = at("2026-11-20 10:09");
	assert_int_equal(store_drill_mark(c->s, c->unit, c->aid, id,
					  DRILL_RECOVERY, &t, rtos, 2, "chen",
					  &entries), ST_INVALID);
	assert_string_equal(store_errmsg(c->s),
			    "Declare the incident first, then start recovery, "
			    "then restore service");
	t = at("2026-11-20 10:02");
	assert_int_equal(store_drill_mark(c->s, c->unit, c->aid, id,
					  DRILL_DECLARED, &t, rtos, 2, "chen",
					  &entries), ST_OK);
	assert_int_equal(entries, 0);
	assert_int_equal(store_drill_mark(c->s, c->unit, c->aid, id,
					  DRILL_DECLARED, &t, rtos, 2, "chen",
					  NULL), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "That moment is stamped already");
	t = at("2026-11-20 10:05");
	assert_int_equal(store_drill_note_add(c->s, id, &t,
					      "failover script stalled on DNS",
					      "chen", &note), ST_OK);
	assert_int_equal(store_drill_note_add(c->s, id, &t, "", "chen", &note),
			 ST_INVALID);
	t = at("2026-11-20 10:09");
	assert_int_equal(store_drill_mark(c->s, c->unit, c->aid, id,
					  DRILL_RECOVERY, &t, rtos, 2, "chen",
					  NULL), ST_OK);
	t = at("2026-11-20 12:30");
	assert_int_equal(store_drill_mark(c->s, c->unit, c->aid, id,
					  DRILL_RESTORED, &t, rtos, 2, "chen",
					  &entries), ST_OK);
	assert_int_equal(entries, 2);

	assert_int_equal(store_drill_load(c->s, id, &f), ST_OK);
	assert_int_equal(f.n_systems, 2);
	assert_string_equal(f.systems[0], SERVICE);
	assert_string_equal(f.systems[1], STOCK);
	assert_int_equal(f.n_notes, 1);
	assert_string_equal(f.notes[0].text, "failover script stalled on DNS");
	assert_int_equal(f.notes[0].at.hour, 10);
	assert_int_equal(f.notes[0].at.minute, 5);
	assert_true(f.d.marked[DRILL_RESTORED]);
	assert_int_equal(f.d.interruption, 148);
	drill_full_free(&f);

	/* 141 min: the customer service system's 2 h RTO missed, the
	 * inventory's 4 h met. */
	assert_int_equal(store_verify_list(c->s, c->unit, &all, &v, &n), ST_OK);
	size_t mine = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].drill_id != id)
			continue;
		mine++;
		assert_int_equal(v[i].kind, VERIFY_DRILL);
		assert_int_equal(v[i].rta, 141);
		assert_int_equal(v[i].duty_event_id, 0);
		assert_int_equal(v[i].result, strcmp(v[i].system, SERVICE) == 0
						      ? VERIFY_PARTIAL
						      : VERIFY_PASS);
	}
	free(v);
	assert_int_equal(mine, 2);
	/* A functional drill completes no duty. */
	assert_int_equal(sql(c, "SELECT count(*) FROM duty_event"), events);
	assert_int_equal(sql(c, "SELECT count(*) FROM verify_entry WHERE"
				" started_at = '2026-11-20 10:09' AND"
				" ended_at = '2026-11-20 12:30'"), 2);
	assert_int_equal(store_drill_mark(c->s, c->unit, c->aid, id,
					  DRILL_RESTORED, &t, rtos, 2, "chen",
					  &entries), ST_INVALID);
}

static void test_full_drill_completes_its_duty(void **state)
{
	ctx *c = *state;
	int64_t id = add_drill(c, "full");
	drill_system_name names[1] = {"No such system"};
	verify_time t;
	size_t entries = 7;
	long long events = sql(c, "SELECT count(*) FROM duty_event");
	long long ledger = sql(c, "SELECT count(*) FROM verify_entry");

	assert_int_equal(store_drill_systems_set(c->s, id, names, 1, "chen"),
			 ST_OK);
	t = at("2026-11-20 09:00");
	assert_int_equal(store_drill_mark(c->s, c->unit, c->aid, id,
					  DRILL_DECLARED, &t, NULL, 0, "chen",
					  NULL), ST_OK);
	assert_int_equal(store_drill_mark(c->s, c->unit, c->aid, id,
					  DRILL_RECOVERY, &t, NULL, 0, "chen",
					  NULL), ST_OK);
	/* An unknown system refuses the lot: nothing is stamped. */
	t = at("2026-11-20 13:00");
	assert_int_equal(store_drill_mark(c->s, c->unit, c->aid, id,
					  DRILL_RESTORED, &t, NULL, 0, "chen",
					  &entries), ST_NOT_FOUND);
	assert_int_equal(entries, 0);
	assert_int_equal(sql(c, "SELECT count(*) FROM drill WHERE"
				" restored_at <> ''"), 1); /* the demo's */
	strcpy(names[0], SERVICE);
	assert_int_equal(store_drill_systems_set(c->s, id, names, 1, "chen"),
			 ST_OK);
	assert_int_equal(store_drill_mark(c->s, c->unit, c->aid, id,
					  DRILL_RESTORED, &t, NULL, 0, "chen",
					  &entries), ST_OK);
	assert_int_equal(entries, 1);
	assert_int_equal(sql(c, "SELECT count(*) FROM verify_entry"), ledger + 1);
	assert_int_equal(sql(c, "SELECT count(*) FROM duty_event"), events + 1);
	assert_int_equal(sql(c, "SELECT count(*) FROM verify_entry v JOIN"
				" duty_event e ON e.id = v.duty_event_id JOIN duty d"
				" ON d.id = e.duty_id WHERE d.template_key ="
				" 'd.full_drill' AND v.rta = 240"), 1);
}

static void test_findings_become_tasks(void **state)
{
	ctx *c = *state;
	int64_t id = add_drill(c, "tabletop"), fid, fid2, task;
	drill_finding f, *open;
	drill_full full;
	size_t n, before;

	assert_int_equal(store_drill_open_findings(c->s, c->unit, &open, &before),
			 ST_OK);
	free(open);
	memset(&f, 0, sizeof f);
	f.drill_id = id;
	assert_int_equal(store_drill_finding_add(c->s, &f, today, "chen", &fid,
						 &task), ST_INVALID);
	assert_string_equal(store_errmsg(c->s), "Describe the finding");
	snprintf(f.text, sizeof f.text, "Call list lacks the night duty phone");
	snprintf(f.owner, sizeof f.owner, "zhao");
	f.severity = DRILL_HIGH;
	f.due = (date){2026, 12, 10};
	/* The demo's programme began on 2026-10-20: day 37, phase 2. */
	assert_int_equal(store_drill_finding_add(c->s, &f, today, "chen", &fid,
						 &task), ST_OK);
	assert_true(task > 0);
	assert_int_equal(sql(c, "SELECT phase FROM plan_task WHERE title ="
				" 'Call list lacks the night duty phone'"), 2);
	assert_int_equal(sql(c, "SELECT count(*) FROM plan_task WHERE title ="
				" 'Call list lacks the night duty phone' AND owner"
				" = 'zhao' AND item_key = 'drills' AND due_date ="
				" '2026-12-18'"), 1);
	/* After day 90 it stays on the improvement list. */
	snprintf(f.text, sizeof f.text, "Update the plan's contact page");
	f.severity = DRILL_LOW;
	assert_int_equal(store_drill_finding_add(c->s, &f, (date){2027, 2, 1},
						 "chen", &fid2, &task), ST_OK);
	assert_int_equal(task, 0);

	assert_int_equal(store_drill_load(c->s, id, &full), ST_OK);
	assert_int_equal(full.n_findings, 2);
	assert_int_equal(full.findings[0].severity, DRILL_HIGH);
	assert_int_equal(full.findings[0].task_status, TASK_NOT_STARTED);
	assert_int_equal(full.findings[1].task_status, -1);
	assert_int_equal(drill_findings_open(full.findings, 2), 2);
	drill_full_free(&full);

	/* Its task done elsewhere closes the finding. */
	assert_int_equal(store_drill_open_findings(c->s, c->unit, &open, &n),
			 ST_OK);
	assert_int_equal(n, before + 2);
	free(open);
	assert_int_equal(store_drill_finding_set_done(c->s, fid, true, today,
						      "chen"), ST_OK);
	assert_int_equal(sql(c, "SELECT count(*) FROM plan_task WHERE status ="
				" 'done' AND done_date = '2026-11-25' AND title ="
				" 'Call list lacks the night duty phone'"), 1);
	assert_int_equal(store_drill_open_findings(c->s, c->unit, &open, &n),
			 ST_OK);
	assert_int_equal(n, before + 1);
	assert_string_equal(open[0].text, "Update the plan's contact page");
	assert_string_equal(open[0].drill_type, "tabletop");
	assert_int_equal(open[0].held_on.d, 20);
	free(open);
	/* Opened again, its task is in progress again. */
	assert_int_equal(store_drill_finding_set_done(c->s, fid, false, today,
						      "chen"), ST_OK);
	assert_int_equal(sql(c, "SELECT count(*) FROM plan_task WHERE status ="
				" 'in_progress' AND title ="
				" 'Call list lacks the night duty phone'"), 1);
	assert_int_equal(store_drill_finding_delete(c->s, fid2, "chen"), ST_OK);
	assert_int_equal(store_drill_finding_delete(c->s, fid2, "chen"),
			 ST_NOT_FOUND);
	assert_int_equal(sql(c, "SELECT count(*) FROM audit_log WHERE entity ="
				" 'drill_finding'"), 6);
}

static void test_list_and_scenarios(void **state)
{
	ctx *c = *state;
	drill_row *rows;
	drill_scenario *sc;
	size_t n;
	int64_t id, sid;
	drill_system_name names[1] = {STOCK};

	id = add_drill(c, "tabletop");
	assert_int_equal(store_drill_systems_set(c->s, id, names, 1, "chen"),
			 ST_OK);
	assert_int_equal(store_drills(c->s, c->unit, &rows, &n), ST_OK);
	assert_int_equal(n, 2); /* with the demo's */
	/* The latest first: the demo's was held on 10-11. */
	assert_int_equal(rows[0].d.id, id);
	assert_int_equal(rows[0].n_systems, 1);
	assert_string_equal(rows[0].first, STOCK);
	assert_int_equal(rows[0].findings, 0);
	assert_string_equal(rows[1].d.type, "functional");
	assert_int_equal(rows[1].findings, 1);
	assert_int_equal(rows[1].open, 1);
	free(rows);

	assert_int_equal(store_drill_scenario_add(c->s, c->unit, "",
						  NULL, NULL, "chen", &sid),
			 ST_INVALID);
	assert_int_equal(store_drill_scenario_add(c->s, c->unit, "Typhoon",
						  "The road to the centre is cut",
						  "Can staff work from home?",
						  "chen", &sid), ST_OK);
	assert_int_equal(store_drill_scenario_add(c->s, c->unit, "Typhoon",
						  NULL, NULL, "chen", &sid),
			 ST_EXISTS);
	assert_int_equal(store_drill_scenario_add(c->s, c->unit, "Call centre down",
						  NULL, NULL, "chen", &sid),
			 ST_OK);
	assert_int_equal(store_drill_scenarios(c->s, c->unit, &sc, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(sc[0].name, "Call centre down");
	assert_string_equal(sc[0].trigger, "");
	assert_string_equal(sc[1].tests, "Can staff work from home?");
	assert_null(sc[1].key);
	drill_scenarios_free(sc, n);
	assert_int_equal(store_drill_scenario_delete(c->s, c->unit, "Typhoon",
						     "chen"), ST_OK);
	assert_int_equal(store_drill_scenario_delete(c->s, c->unit, "Typhoon",
						     "chen"), ST_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_and_audit, fixture_demo_setup_en,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_stopwatch_to_ledger, fixture_demo_setup_en,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_full_drill_completes_its_duty,
						fixture_demo_setup_en,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_findings_become_tasks, fixture_demo_setup_en,
						fixture_demo_teardown),
		cmocka_unit_test_setup_teardown(test_list_and_scenarios, fixture_demo_setup_en,
						fixture_demo_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
