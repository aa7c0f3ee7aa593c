#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/agenda.h"
#include "model/programme.h"
#include "model/store.h"
#include "tests/fixtures.h"

static char *fmt(date d)
{
	static char buf[4][16];
	static int i;
	i = (i + 1) % 4;
	date_format(d, buf[i], sizeof buf[i]);
	return buf[i];
}

static void test_task_rules(void **state)
{
	plan_task t[3];
	plan_progress p;
	date start = {2026, 10, 20};
	(void)state;
	memset(t, 0, sizeof t);
	t[0].phase = 1;
	t[0].due = plan_phase_due(start, 1);
	t[0].status = TASK_DONE;
	t[1].phase = 1;
	t[1].due = t[0].due;
	t[1].status = TASK_IN_PROGRESS;
	t[2].phase = 2;
	t[2].due = plan_phase_due(start, 2);
	assert_string_equal(fmt(t[0].due), "2026-11-18");
	/* Due on the 18th: overdue from the 19th, never when done. */
	assert_false(task_overdue(&t[1], (date){2026, 11, 18}));
	assert_true(task_overdue(&t[1], (date){2026, 11, 19}));
	assert_false(task_overdue(&t[0], (date){2026, 12, 30}));
	plan_progress_compute(t, 3, start, (date){2026, 11, 25}, &p);
	assert_int_equal(p.day, 37);
	assert_int_equal(p.phase, 2);
	assert_int_equal(p.total, 3);
	assert_int_equal(p.done, 1);
	assert_int_equal(p.overdue, 1);
	assert_int_equal(p.phase_total[0], 2);
	assert_int_equal(p.phase_done[0], 1);
	assert_int_equal(p.phase_total[1], 1);
	assert_int_equal(task_next_status(TASK_BLOCKED), TASK_NOT_STARTED);
	assert_int_equal(task_next_status(TASK_IN_PROGRESS), TASK_DONE);
}

static void test_duty_state(void **state)
{
	duty d = {0};
	duty_event ev[3] = {{0}};
	duty_state st;
	(void)state;
	d.rule = (rec_rule){1, 10, REC_ANCHOR_SCHEDULE, {2026, 8, 1}};
	/* Aug done late, Sep skipped, Oct and Nov missed. */
	ev[0].due = (date){2026, 8, 10};
	ev[0].on = (date){2026, 8, 14};
	ev[1].due = (date){2026, 9, 10};
	ev[1].on = (date){2026, 9, 1};
	ev[1].skipped = true;
	duty_state_compute(&d, ev, 2, (date){2026, 11, 25}, &st);
	assert_int_equal(st.n_overdue, 2);
	assert_string_equal(fmt(st.open[0].due), "2026-10-10");
	assert_string_equal(fmt(st.open[1].due), "2026-11-10");
	assert_true(st.has_next);
	assert_string_equal(fmt(st.next), "2026-12-10");
	assert_true(st.has_last);
	assert_string_equal(fmt(st.last_done), "2026-08-14"); /* skips do not count */

	/* Anchored to the last completion: three months after it. */
	d.rule = (rec_rule){3, 15, REC_ANCHOR_COMPLETION, {2026, 1, 1}};
	ev[0].due = (date){2026, 1, 15};
	ev[0].on = (date){2026, 5, 20};
	ev[0].skipped = false;
	duty_state_compute(&d, ev, 1, (date){2026, 11, 25}, &st);
	assert_int_equal(st.n_open, 1);
	assert_int_equal(st.n_overdue, 1);
	assert_string_equal(fmt(st.open[0].due), "2026-08-20");
}

static void test_agenda_orders_overdue_first(void **state)
{
	agenda g;
	plan_task tasks[2];
	duty duties[1];
	duty_state states[1];
	(void)state;
	memset(&g, 0, sizeof g);
	memset(tasks, 0, sizeof tasks);
	memset(duties, 0, sizeof duties);
	g.today = (date){2026, 11, 25};
	tasks[0].due = (date){2026, 11, 18}; /* overdue */
	tasks[1].due = (date){2027, 1, 16};  /* beyond 31 days */
	g.tasks = tasks;
	g.n_tasks = 2;
	duties[0].rule = (rec_rule){1, 10, REC_ANCHOR_SCHEDULE, {2026, 10, 1}};
	duty_state_compute(&duties[0], NULL, 0, g.today, &states[0]);
	g.duties = duties;
	g.states = states;
	g.n_duties = 1;
	assert_int_equal(agenda_build(&g, 31), ST_OK);
	/* Oct 10 and Nov 10 overdue, the task of Nov 18, then Dec 10. */
	assert_int_equal(g.n_entries, 4);
	assert_int_equal(g.entries[0].kind, AG_DUTY);
	assert_string_equal(fmt(g.entries[0].due), "2026-10-10");
	assert_string_equal(fmt(g.entries[1].due), "2026-11-10");
	assert_int_equal(g.entries[2].kind, AG_TASK);
	assert_true(g.entries[2].overdue);
	assert_string_equal(fmt(g.entries[3].due), "2026-12-10");
	assert_false(g.entries[3].overdue);
	assert_int_equal(agenda_build(&g, 0), ST_OK);
	assert_int_equal(g.n_entries, 3); /* overdue only */
	free(g.entries);
}

static void test_store_programme(void **state)
{
	questionnaire q;
	char path[4096], err[512];
	store *s;
	int64_t unit_id, aid, pid, id, first;
	plan_task *tasks;
	size_t n;
	duty *duties;
	duty_event ev = {0}, *evs;
	bool found;
	date start;
	(void)state;
	fixture_questionnaire("en", &q);
	fixture_db_path(path, sizeof path);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	assert_int_equal(store_unit_create(s, "U", "a", &unit_id), ST_OK);
	assert_int_equal(store_assessment_create(s, unit_id, 2026, "a", &aid), ST_OK);
	assert_int_equal(store_programme(s, unit_id, &found, &pid, &start), ST_OK);
	assert_false(found);
	assert_int_equal(store_programme_start(s, unit_id, &q, (date){2026, 10, 20},
					       (date){2027, 1, 18}, "a", &pid), ST_OK);
	assert_int_equal(store_programme_start(s, unit_id, &q, (date){2026, 10, 20},
					       (date){2027, 1, 18}, "a", &id), ST_EXISTS);
	assert_int_equal(store_programme(s, unit_id, &found, &id, &start), ST_OK);
	assert_true(found);
	assert_string_equal(fmt(start), "2026-10-20");
	assert_int_equal(store_tasks(s, pid, &tasks, &n), ST_OK);
	assert_int_equal(n, 14);
	assert_string_equal(fmt(tasks[0].due), "2026-11-18");
	assert_string_equal(fmt(tasks[13].due), "2027-01-17");
	assert_string_equal(tasks[0].item, "bia");
	/* Done without a date: today's is recorded; reopened: cleared. */
	tasks[0].status = TASK_DONE;
	assert_int_equal(store_task_update(s, &tasks[0], (date){2026, 11, 2}, "a"), ST_OK);
	free(tasks);
	assert_int_equal(store_tasks(s, pid, &tasks, &n), ST_OK);
	assert_string_equal(fmt(tasks[0].done_on), "2026-11-02");
	/* Done on a day that has not come yet: refused, nothing changes. */
	tasks[0].done_on = (date){2026, 11, 3};
	assert_int_equal(store_task_update(s, &tasks[0], (date){2026, 11, 2}, "a"),
			 ST_INVALID);
	assert_string_equal(store_errmsg(s), "a task cannot be done after today");
	free(tasks);
	assert_int_equal(store_tasks(s, pid, &tasks, &n), ST_OK);
	assert_string_equal(fmt(tasks[0].done_on), "2026-11-02");
	first = tasks[0].id;
	tasks[0].status = TASK_BLOCKED;
	tasks[0].phase = 3; /* moving phase moves the due date */
	assert_int_equal(store_task_update(s, &tasks[0], (date){2026, 11, 3}, "a"), ST_OK);
	free(tasks);
	assert_int_equal(store_tasks(s, pid, &tasks, &n), ST_OK);
	/* Phase 3 now, first among its phase by entry order. */
	assert_int_equal(tasks[9].id, first);
	assert_int_equal(tasks[9].status, TASK_BLOCKED);
	assert_int_equal(tasks[9].done_on.y, 0);
	assert_string_equal(fmt(tasks[9].due), "2027-01-17");
	/* An edit from a stale screen: B changed the owner after A's screen
	 * showed the task; A's status change is refused and B's owner kept. */
	{
		plan_task seen = tasks[9], b = tasks[9], mine;
		snprintf(b.owner, sizeof b.owner, "zhao");
		assert_int_equal(store_task_update(s, &b, (date){2026, 11, 3}, "b"), ST_OK);
		mine = seen;
		mine.status = TASK_IN_PROGRESS;
		assert_int_equal(store_task_change(s, &seen, &mine, (date){2026, 11, 3}, "a"),
				 ST_CONFLICT);
		free(tasks);
		assert_int_equal(store_tasks(s, pid, &tasks, &n), ST_OK);
		assert_string_equal(tasks[9].owner, "zhao");
		assert_int_equal(tasks[9].status, TASK_BLOCKED);
		/* Based on what is stored now, it goes through. */
		mine = tasks[9];
		mine.status = TASK_IN_PROGRESS;
		assert_int_equal(store_task_change(s, &tasks[9], &mine, (date){2026, 11, 3}, "a"),
				 ST_OK);
		free(tasks);
		assert_int_equal(store_tasks(s, pid, &tasks, &n), ST_OK);
		assert_int_equal(tasks[9].status, TASK_IN_PROGRESS);
		assert_string_equal(tasks[9].owner, "zhao");
		/* The checklist item it advances is edited too. */
		mine = tasks[9];
		snprintf(mine.item, sizeof mine.item, "drills");
		assert_int_equal(store_task_change(s, &tasks[9], &mine, (date){2026, 11, 3}, "a"),
				 ST_OK);
		free(tasks);
		assert_int_equal(store_tasks(s, pid, &tasks, &n), ST_OK);
		assert_string_equal(tasks[9].item, "drills");
	}
	/* Limits in characters, stated in the refusal. */
	memset(tasks[9].title, 'x', TASK_TITLE_MAX + 1);
	tasks[9].title[TASK_TITLE_MAX + 1] = '\0';
	assert_int_equal(store_task_update(s, &tasks[9], (date){2026, 11, 3}, "a"),
			 ST_INVALID);
	assert_string_equal(store_errmsg(s), "Task: at most 200 characters");
	tasks[9].title[TASK_TITLE_MAX] = '\0';
	tasks[9].owner[0] = '\0';
	for (int i = 0; i <= TASK_OWNER_MAX; i++)
		strcat(tasks[9].owner, "王");
	assert_int_equal(store_task_update(s, &tasks[9], (date){2026, 11, 3}, "a"),
			 ST_INVALID);
	assert_string_equal(store_errmsg(s), "Owner: at most 60 characters");
	tasks[9].owner[TASK_OWNER_MAX * 3] = '\0'; /* 60 of 3 bytes */
	assert_int_equal(store_task_update(s, &tasks[9], (date){2026, 11, 3}, "a"),
			 ST_OK);
	free(tasks);

	assert_int_equal(store_duties(s, unit_id, &duties, &n), ST_OK);
	assert_int_equal(n, 6);
	assert_string_equal(fmt(duties[0].rule.start), "2027-01-18");
	ev.duty_id = duties[0].id;
	ev.due = (date){2027, 2, 10};
	ev.on = (date){2027, 2, 11};
	snprintf(ev.result, sizeof ev.result, "ok");
	assert_int_equal(store_duty_resolve(s, &ev, NULL, "a", &id), ST_OK);
	/* The same occurrence cannot be resolved twice. */
	assert_int_equal(store_duty_resolve(s, &ev, NULL, "a", &id), ST_EXISTS);
	/* A skip needs a reason. */
	ev.due = (date){2027, 3, 10};
	ev.skipped = true;
	assert_int_equal(store_duty_resolve(s, &ev, NULL, "a", &id), ST_INVALID);
	snprintf(ev.note, sizeof ev.note, "freeze");
	assert_int_equal(store_duty_resolve(s, &ev, NULL, "a", &id), ST_OK);
	/* A completion with proof files the evidence in the same
	 * transaction; a second record of that occurrence adds nothing. */
	{
		duty_proof proof;
		duty_event done = {0};
		evidence_list l;
		done.duty_id = duties[0].id;
		done.due = (date){2027, 4, 10};
		done.on = (date){2027, 4, 12};
		snprintf(done.result, sizeof done.result, "47 min");
		assert_true(duty_proof_make(&duties[0], &done, aid, 12, "wang", &proof));
		assert_string_equal(proof.e.target, "restore_test");
		assert_string_equal(proof.e.evidence_date, "2027-04-12");
		assert_string_equal(proof.body,
				    "Monthly backup restore test (due 2027-04-10): 47 min");
		assert_int_equal(store_duty_resolve(s, &done, &proof.e, "a", &id), ST_OK);
		assert_int_equal(store_duty_resolve(s, &done, &proof.e, "a", &id),
				 ST_EXISTS);
		assert_int_equal(store_evidence_list(s, aid, "restore_test", &l), ST_OK);
		assert_int_equal(l.n, 1);
		evidence_list_free(&l);
		assert_int_equal(store_duty_events(s, duties[0].id, &evs, &n), ST_OK);
		assert_true(evs[0].evidence_id > 0);
		free(evs);
		/* The longest result and note fit the proof whole. */
		done.result[0] = done.note[0] = '\0';
		for (int i = 0; i < DUTY_RESULT_MAX; i++)
			strcat(done.result, "果");
		for (int i = 0; i < DUTY_NOTE_MAX; i++)
			strcat(done.note, "注");
		assert_true(duty_proof_make(&duties[0], &done, aid, 12, "wang", &proof));
		assert_true(strstr(proof.body, done.result) != NULL);
		assert_string_equal(proof.body + strlen(proof.body) - strlen(done.note),
				    done.note);
		strcat(done.result, "果");
		assert_int_equal(store_duty_resolve(s, &done, NULL, "a", &id), ST_INVALID);
		assert_string_equal(store_errmsg(s), "Result: at most 250 characters");
		/* A duty that proves no item files nothing. */
		assert_false(duty_proof_make(&duties[5], &done, aid, 12, "wang", &proof));
	}
	assert_int_equal(store_duty_events(s, duties[0].id, &evs, &n), ST_OK);
	assert_int_equal(n, 3);
	assert_true(evs[1].skipped); /* newest first */
	assert_string_equal(evs[2].result, "ok");
	assert_string_equal(evs[2].by, "a");
	free(evs);
	free(duties);
	store_close(s);
	questionnaire_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_task_rules),
		cmocka_unit_test(test_duty_state),
		cmocka_unit_test(test_agenda_orders_overdue_first),
		cmocka_unit_test(test_store_programme),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
