#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/agenda.h"
#include "model/msg.h"
#include "model/programme.h"
#include "model/store.h"
#include "model/text.h"
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
	duty_state_compute(&d, ev, 2, NULL, 0, (date){2026, 11, 25}, &st);
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
	duty_state_compute(&d, ev, 1, NULL, 0, (date){2026, 11, 25}, &st);
	assert_int_equal(st.n_open, 1);
	assert_int_equal(st.n_overdue, 1);
	assert_string_equal(fmt(st.open[0].due), "2026-08-20");
}

/* Paused from 5 October, resumed on 1 December: nothing open while it
 * lasts, and its occurrences are not owed afterwards. */
static void test_duty_state_paused(void **state)
{
	duty d = {0};
	duty_event ev[1] = {{0}};
	rec_pause p[2] = {{{2026, 10, 5}, {2026, 12, 1}}, {{2027, 2, 1}, {0, 0, 0}}};
	duty_state st;
	(void)state;
	d.rule = (rec_rule){1, 10, REC_ANCHOR_SCHEDULE, {2026, 8, 1}};
	ev[0].due = (date){2026, 8, 10};
	ev[0].on = (date){2026, 8, 12};
	/* Before the pause: September missed, December next. */
	duty_state_compute(&d, ev, 1, p, 1, (date){2026, 10, 1}, &st);
	assert_false(st.paused);
	assert_int_equal(st.n_open, 2);
	assert_int_equal(st.n_overdue, 1);
	assert_string_equal(fmt(st.next), "2026-12-10");
	p[0].until = (date){0, 0, 0};
	duty_state_compute(&d, ev, 1, p, 1, (date){2026, 11, 20}, &st);
	assert_true(st.paused);
	assert_int_equal(st.n_open, 0);
	assert_int_equal(st.n_overdue, 0);
	assert_false(st.has_next);
	assert_true(st.has_last); /* what was done stays done */
	assert_string_equal(fmt(st.last_done), "2026-08-12");
	p[0].until = (date){2026, 12, 1};
	duty_state_compute(&d, ev, 1, p, 2, (date){2026, 12, 20}, &st);
	assert_false(st.paused);
	assert_int_equal(st.n_open, 3);
	assert_int_equal(st.n_overdue, 2);
	assert_string_equal(fmt(st.open[0].due), "2026-09-10");
	assert_string_equal(fmt(st.open[1].due), "2026-12-10");
	assert_string_equal(fmt(st.next), "2027-01-10");
	/* The second pause, still lasting, empties it again. */
	duty_state_compute(&d, ev, 1, p, 2, (date){2027, 2, 1}, &st);
	assert_true(st.paused);
	assert_int_equal(st.n_open, 0);
}

/* The history in any order gives what rec_open gives it sorted: the
 * orders the store reads (newest first), oldest first and shuffled with
 * duplicates and dates off the schedule; pauses out of order too. */
static void test_duty_state_any_order(void **state)
{
	static const date dues[] = {{2026, 3, 10}, {2026, 3, 10}, {2026, 3, 11},
				    {2026, 1, 10}, {2025, 12, 10}, {2026, 4, 10},
				    {2026, 2, 10}, {2026, 1, 10}};
	static const date skipped[] = {{2026, 2, 28}, {2026, 1, 31}};
	duty d = {0};
	duty_event ev[8];
	rec_pause p[2] = {{{2026, 9, 1}, {2026, 10, 1}}, {{2026, 6, 1}, {2026, 7, 1}}};
	duty_state st;
	(void)state;
	memset(ev, 0, sizeof ev);
	d.rule = (rec_rule){1, 10, REC_ANCHOR_SCHEDULE, {2026, 1, 1}};
	for (size_t i = 0; i < 8; i++)
		ev[i].due = ev[i].on = dues[i];
	duty_state_compute(&d, ev, 8, NULL, 0, (date){2026, 4, 15}, &st);
	assert_int_equal(st.n_open, 1);
	assert_string_equal(fmt(st.next), "2026-05-10");
	/* Sorted either way: the same. */
	for (size_t i = 0; i < 7; i++)
		ev[i].due = (date){2026, (int)i + 1, 10};
	duty_state_compute(&d, ev, 7, NULL, 0, (date){2026, 7, 20}, &st);
	assert_int_equal(st.n_open, 1);
	assert_string_equal(fmt(st.next), "2026-08-10");
	for (size_t i = 0; i < 7; i++)
		ev[i].due = (date){2026, 7 - (int)i, 10};
	/* Pauses out of order: June and September not owed, August is. */
	duty_state_compute(&d, ev, 7, NULL, 0, (date){2026, 7, 20}, &st);
	assert_int_equal(st.n_open, 1);
	assert_string_equal(fmt(st.next), "2026-08-10");
	duty_state_compute(&d, ev, 7, p, 2, (date){2026, 10, 15}, &st);
	assert_int_equal(st.n_open, 3);
	assert_string_equal(fmt(st.open[0].due), "2026-08-10");
	assert_string_equal(fmt(st.open[1].due), "2026-10-10");
	assert_string_equal(fmt(st.next), "2026-11-10");
	/* Counted from the completion, skips in any order. */
	d.rule = (rec_rule){1, 31, REC_ANCHOR_COMPLETION, {2026, 1, 15}};
	for (size_t i = 0; i < 2; i++) {
		ev[i].due = skipped[i];
		ev[i].skipped = true;
	}
	duty_state_compute(&d, ev, 2, NULL, 0, (date){2026, 3, 1}, &st);
	assert_int_equal(st.n_open, 1);
	assert_string_equal(fmt(st.open[0].due), "2026-03-31");
}

/* A monthly duty with 1,000 years of history, newest first as the store
 * reads it: the one miss far back is overdue, the next is there, and a
 * month of the calendar a thousand years on is found at once. */
static void test_duty_state_1000_years(void **state)
{
	enum { N = 1000 * 12 };
	duty_event *ev = calloc(N, sizeof *ev);
	duty_event *events[1];
	size_t n_events[1], n = 0, first;
	duty du = {0};
	duty_state st;
	agenda g;
	agenda_entry *e;
	size_t n_e;
	(void)state;
	assert_non_null(ev);
	du.rule = (rec_rule){1, 20, REC_ANCHOR_SCHEDULE, {1926, 1, 1}};
	/* 2925-12 back to 1926-01, all done but March 1930. */
	for (int k = N - 1; k >= 0; k--) {
		date due = {1926 + k / 12, k % 12 + 1, 20};
		if (due.y == 1930 && due.m == 3)
			continue;
		ev[n].due = due;
		ev[n++].on = due;
	}
	assert_int_equal(duty_events_between(ev, n, (date){1930, 2, 1},
					     (date){1930, 4, 30}, &first), 2);
	assert_string_equal(fmt(ev[first].due), "1930-04-20");
	assert_string_equal(fmt(ev[first + 1].due), "1930-02-20");
	assert_int_equal(duty_events_between(ev, n, (date){1930, 3, 1},
					     (date){1930, 3, 31}, &first), 0);
	assert_int_equal(duty_events_between(ev, n, (date){2925, 12, 20},
					     (date){2999, 1, 1}, &first), 1);
	assert_int_equal(first, 0);
	assert_int_equal(duty_events_between(ev, n, (date){1900, 1, 1},
					     (date){1926, 1, 19}, &first), 0);
	duty_state_compute(&du, ev, n, NULL, 0, (date){2926, 1, 5}, &st);
	assert_int_equal(st.n_open, 2);
	assert_int_equal(st.n_overdue, 1);
	assert_string_equal(fmt(st.open[0].due), "1930-03-20");
	assert_string_equal(fmt(st.next), "2926-01-20");
	assert_true(st.has_last);
	assert_string_equal(fmt(st.last_done), "2925-12-20");

	memset(&g, 0, sizeof g);
	g.today = (date){2926, 1, 5};
	g.duties = &du;
	g.states = &st;
	g.n_duties = 1;
	events[0] = ev;
	n_events[0] = n;
	g.events = events;
	g.n_events = n_events;
	assert_int_equal(agenda_between(&g, (date){2925, 12, 1}, (date){2926, 2, 28},
					&e, &n_e), ST_OK);
	assert_int_equal(n_e, 3);
	assert_string_equal(fmt(e[0].due), "2925-12-20");
	assert_ptr_equal(e[0].event, &ev[0]);
	assert_string_equal(fmt(e[1].due), "2926-01-20");
	assert_null(e[1].event);
	assert_false(e[1].overdue);
	assert_string_equal(fmt(e[2].due), "2926-02-20");
	free(e);
	assert_int_equal(agenda_between(&g, (date){1930, 3, 1}, (date){1930, 3, 31},
					&e, &n_e), ST_OK);
	assert_int_equal(n_e, 1);
	assert_string_equal(fmt(e[0].due), "1930-03-20");
	assert_true(e[0].overdue);
	free(e);
	free(ev);
}

static void test_rule_words(void **state)
{
	static const struct {
		moat_lang lang;
		rec_rule rule;
		bool with_anchor;
		const char *words;
	} cases[] = {
		{LANG_EN, {1, 10, REC_ANCHOR_SCHEDULE, {2026, 6, 1}}, true,
		 "every month on day 10, on a fixed schedule"},
		{LANG_EN, {1, 10, REC_ANCHOR_SCHEDULE, {2026, 6, 1}}, false,
		 "every month on day 10"},
		{LANG_EN, {3, REC_LAST_WORKING_DAY, REC_ANCHOR_COMPLETION, {2026, 6, 1}},
		 true, "every 3 months on the last working day, from the last completion"},
		{LANG_EN, {2, REC_LAST_WORKING_DAY, REC_ANCHOR_COMPLETION, {2026, 6, 1}},
		 true, "every 2 months on the last working day, from the last completion"},
		/* Yearly rules name the month of their first occurrence: the
		 * 15th of June is before a start on the 20th, so July. */
		{LANG_EN, {12, 15, REC_ANCHOR_SCHEDULE, {2026, 6, 20}}, true,
		 "every year on July 15, on a fixed schedule"},
		{LANG_EN, {24, REC_LAST_WORKING_DAY, REC_ANCHOR_SCHEDULE, {2026, 6, 1}},
		 false, "every 2 years on the last working day of June"},
		{LANG_EN, {6, REC_LAST_WORKING_DAY, REC_ANCHOR_SCHEDULE, {2026, 6, 1}},
		 false, "every 6 months on the last working day"},
		{LANG_ZH, {1, 10, REC_ANCHOR_SCHEDULE, {2026, 6, 1}}, true,
		 "每月10日，按固定日程"},
		{LANG_ZH, {3, REC_LAST_WORKING_DAY, REC_ANCHOR_COMPLETION, {2026, 6, 1}},
		 true, "每季度最后一个工作日，从上次完成起算"},
		{LANG_ZH, {2, 5, REC_ANCHOR_COMPLETION, {2026, 6, 1}}, true,
		 "每2个月的5日，从上次完成起算"},
		{LANG_ZH, {12, 15, REC_ANCHOR_SCHEDULE, {2026, 6, 20}}, true,
		 "每年7月15日，按固定日程"},
		{LANG_ZH, {12, REC_LAST_WORKING_DAY, REC_ANCHOR_COMPLETION, {2026, 6, 1}},
		 false, "每年6月最后一个工作日"},
		{LANG_ZH, {24, REC_LAST_WORKING_DAY, REC_ANCHOR_COMPLETION, {2026, 6, 1}},
		 true, "每两年6月最后一个工作日，从上次完成起算"},
		{LANG_ZH, {6, 31, REC_ANCHOR_SCHEDULE, {2026, 6, 1}}, false,
		 "每半年31日"},
	};
	char buf[256];
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		msg_set_lang(cases[i].lang);
		duty_rule_words(&cases[i].rule, cases[i].with_anchor, buf, sizeof buf);
		assert_string_equal(buf, cases[i].words);
	}
	msg_set_lang(LANG_EN);
	/* Cut to the buffer, never past it. */
	duty_rule_words(&cases[6].rule, true, buf, 9);
	assert_string_equal(buf, "every 6 ");
}

static void test_parse_day(void **state)
{
	int day = 99;
	(void)state;
	assert_true(duty_parse_day("10", &day));
	assert_int_equal(day, 10);
	assert_true(duty_parse_day(" 31 ", &day));
	assert_int_equal(day, 31);
	assert_true(duty_parse_day("1", &day));
	assert_int_equal(day, 1);
	assert_true(duty_parse_day("L", &day));
	assert_int_equal(day, REC_LAST_WORKING_DAY);
	day = 99;
	assert_true(duty_parse_day("l", &day));
	assert_int_equal(day, REC_LAST_WORKING_DAY);
	day = 7;
	assert_false(duty_parse_day("0", &day));
	assert_false(duty_parse_day("32", &day));
	assert_false(duty_parse_day("-1", &day));
	assert_false(duty_parse_day("+5", &day));
	assert_false(duty_parse_day("5x", &day));
	assert_false(duty_parse_day("", &day));
	assert_false(duty_parse_day("LL", &day));
	assert_false(duty_parse_day("last", &day));
	assert_false(duty_parse_day("123456789012345678", &day));
	assert_false(duty_parse_day(NULL, &day));
	assert_int_equal(day, 7);
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
	duty_state_compute(&duties[0], NULL, 0, NULL, 0, g.today, &states[0]);
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

/* A month of the calendar: what was recorded, what is still owed and what
 * falls in a pause or on a paused duty (nothing), and the plan's tasks. */
static void test_agenda_between(void **state)
{
	agenda g;
	plan_task tasks[2];
	duty duties[3];
	duty_state states[3];
	duty_event ev0[1] = {{0}}, ev1[1] = {{0}}, ev2[1] = {{0}};
	duty_event *events[3] = {ev0, ev1, ev2};
	size_t n_events[3] = {1, 1, 1};
	rec_pause p0[1] = {{{2027, 1, 1}, {2027, 2, 1}}};
	rec_pause p2[1] = {{{2026, 11, 1}, {0, 0, 0}}};
	rec_pause *pauses[3] = {p0, NULL, p2};
	size_t n_pauses[3] = {1, 0, 1};
	agenda_entry *e;
	size_t n;
	char got[512];
	size_t have = 0;
	(void)state;
	memset(&g, 0, sizeof g);
	memset(tasks, 0, sizeof tasks);
	memset(duties, 0, sizeof duties);
	g.today = (date){2026, 11, 25};
	tasks[0].due = (date){2026, 11, 18};
	tasks[0].status = TASK_IN_PROGRESS;
	tasks[1].due = (date){2027, 1, 17};
	tasks[1].status = TASK_DONE;
	g.tasks = tasks;
	g.n_tasks = 2;
	/* Monthly on the 10th, October done, January in a pause. */
	duties[0].rule = (rec_rule){1, 10, REC_ANCHOR_SCHEDULE, {2026, 6, 1}};
	ev0[0].due = (date){2026, 10, 10};
	ev0[0].on = (date){2026, 10, 12};
	/* Quarterly from the last completion, 3 July: 3 October missed. */
	duties[1].rule = (rec_rule){3, REC_LAST_WORKING_DAY, REC_ANCHOR_COMPLETION,
				    {2026, 6, 1}};
	ev1[0].due = (date){2026, 6, 30};
	ev1[0].on = (date){2026, 7, 3};
	/* Monthly on the 20th, paused since 1 November. */
	duties[2].rule = (rec_rule){1, 20, REC_ANCHOR_SCHEDULE, {2026, 6, 1}};
	duties[2].paused_on = (date){2026, 11, 1};
	ev2[0].due = ev2[0].on = (date){2026, 9, 20};
	for (int d = 0; d < 3; d++)
		duty_state_compute(&duties[d], events[d], n_events[d], pauses[d],
				   n_pauses[d], g.today, &states[d]);
	g.duties = duties;
	g.states = states;
	g.n_duties = 3;
	g.events = events;
	g.n_events = n_events;
	g.pauses = pauses;
	g.n_pauses = n_pauses;

	assert_int_equal(agenda_between(&g, (date){2026, 9, 1}, (date){2027, 1, 31},
					&e, &n), ST_OK);
	for (size_t i = 0; i < n; i++)
		have += (size_t)snprintf(got + have, sizeof got - have, "%s%s %c%zu%s",
					 i ? ", " : "", fmt(e[i].due),
					 e[i].kind == AG_DUTY ? 'd' : 't', e[i].index,
					 e[i].event ? " recorded"
					 : e[i].overdue ? " overdue" : "");
	assert_string_equal(got, "2026-09-10 d0 overdue, 2026-09-20 d2 recorded,"
				 " 2026-10-03 d1 overdue, 2026-10-10 d0 recorded,"
				 " 2026-11-10 d0 overdue, 2026-11-18 t0 overdue,"
				 " 2026-12-10 d0, 2027-01-17 t1");
	assert_ptr_equal(e[3].event, &ev0[0]);
	free(e);
	/* One day: in the pause nothing, after it the next one. */
	assert_int_equal(agenda_between(&g, (date){2027, 1, 10}, (date){2027, 1, 10},
					&e, &n), ST_OK);
	assert_int_equal(n, 0);
	assert_null(e);
	assert_int_equal(agenda_between(&g, (date){2027, 2, 10}, (date){2027, 2, 10},
					&e, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(e[0].index, 0);
	assert_false(e[0].overdue);
	free(e);

	/* The calendar's months: each day marked by what falls on it. */
	{
		static const struct {
			int m;
			const char *marks; /* day: N none, S settled, D due, O overdue */
		} months[] = {
			{9, "NNNNNNNNNONNNNNNNNNSNNNNNNNNNN"},
			{10, "NNONNNNNNSNNNNNNNNNNNNNNNNNNNNN"},
			{11, "NNNNNNNNNONNNNNNNONNNNNNNNNNNN"},
			{12, "NNNNNNNNNDNNNNNNNNNNNNNNNNNNNNN"},
		};
		agenda_month mo;
		size_t first;
		for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
			char got_marks[32] = "";
			assert_int_equal(agenda_month_load(&g, 2026, months[i].m, &mo),
					 ST_OK);
			for (int d = 1; d <= date_days_in_month(2026, months[i].m); d++)
				got_marks[d - 1] = "NSDO"[mo.mark[d]];
			assert_string_equal(got_marks, months[i].marks);
			agenda_month_free(&mo);
		}
		/* October: its entries are agenda_between's, a day's a run. */
		assert_int_equal(agenda_month_load(&g, 2026, 10, &mo), ST_OK);
		assert_int_equal(mo.y, 2026);
		assert_int_equal(mo.m, 10);
		assert_int_equal(mo.n_entries, 2);
		assert_int_equal(agenda_month_day(&mo, 10, &first), 1);
		assert_int_equal(first, 1);
		assert_ptr_equal(mo.entries[first].event, &ev0[0]);
		assert_int_equal(agenda_month_day(&mo, 3, &first), 1);
		assert_int_equal(first, 0);
		assert_int_equal(mo.entries[0].index, 1);
		assert_int_equal(agenda_month_day(&mo, 4, &first), 0);
		assert_int_equal(agenda_month_day(&mo, 31, &first), 0);
		agenda_month_free(&mo);
		/* January 2027: the done task only, the duty's in a pause. */
		assert_int_equal(agenda_month_load(&g, 2027, 1, &mo), ST_OK);
		assert_int_equal(mo.n_entries, 1);
		assert_int_equal(mo.mark[17], AG_MARK_SETTLED);
		assert_int_equal(mo.mark[10], AG_MARK_NONE);
		agenda_month_free(&mo);
		assert_int_equal(agenda_month_load(&g, 2027, 13, &mo), ST_INVALID);
		assert_int_equal(mo.n_entries, 0);
		assert_null(mo.entries);
		agenda_month_free(&mo);
	}
}

/* A day takes the strongest mark of what falls on it: overdue over due
 * over settled. */
static void test_agenda_month_marks(void **state)
{
	agenda g;
	plan_task tasks[3];
	duty duties[1];
	duty_state states[1];
	duty_event ev[2] = {{0}};
	duty_event *events[1] = {ev};
	size_t n_events[1] = {2};
	agenda_month mo;
	(void)state;
	memset(&g, 0, sizeof g);
	memset(tasks, 0, sizeof tasks);
	memset(duties, 0, sizeof duties);
	g.today = (date){2026, 11, 25};
	/* Monthly on the 10th: December done early, October done. */
	duties[0].rule = (rec_rule){1, 10, REC_ANCHOR_SCHEDULE, {2026, 10, 1}};
	ev[0].due = (date){2026, 12, 10};
	ev[1].due = (date){2026, 10, 10};
	ev[0].on = ev[1].on = (date){2026, 10, 12};
	tasks[0].due = (date){2026, 10, 10};  /* overdue on a settled day */
	tasks[1].due = (date){2026, 12, 10};  /* due on a settled day */
	tasks[2].due = (date){2026, 12, 20};
	tasks[2].status = TASK_DONE;
	g.tasks = tasks;
	g.n_tasks = 3;
	duty_state_compute(&duties[0], ev, 2, NULL, 0, g.today, &states[0]);
	g.duties = duties;
	g.states = states;
	g.n_duties = 1;
	g.events = events;
	g.n_events = n_events;
	assert_int_equal(agenda_month_load(&g, 2026, 10, &mo), ST_OK);
	assert_int_equal(mo.n_entries, 2);
	assert_int_equal(mo.mark[10], AG_MARK_OVERDUE);
	agenda_month_free(&mo);
	assert_int_equal(agenda_month_load(&g, 2026, 12, &mo), ST_OK);
	assert_int_equal(mo.n_entries, 3);
	assert_int_equal(mo.mark[10], AG_MARK_DUE);
	assert_int_equal(mo.mark[20], AG_MARK_SETTLED);
	agenda_month_free(&mo);
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
		assert_int_equal(store_duty_events(s, duties[0].id, true, &evs, &n), ST_OK);
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
	assert_int_equal(store_duty_events(s, duties[0].id, true, &evs, &n), ST_OK);
	assert_int_equal(n, 3);
	assert_true(evs[1].skipped); /* newest first */
	assert_string_equal(evs[2].result, "ok");
	assert_string_equal(evs[2].by, "a");
	{
		/* Without texts: the same records, dates and proof alike. */
		duty_event *brief;
		size_t nb;
		assert_int_equal(store_duty_events(s, duties[0].id, false, &brief, &nb),
				 ST_OK);
		assert_int_equal(nb, n);
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(brief[i].id, evs[i].id);
			assert_int_equal(brief[i].duty_id, evs[i].duty_id);
			assert_int_equal(date_cmp(brief[i].due, evs[i].due), 0);
			assert_int_equal(date_cmp(brief[i].on, evs[i].on), 0);
			assert_int_equal(brief[i].skipped, evs[i].skipped);
			assert_int_equal(brief[i].evidence_id, evs[i].evidence_id);
			assert_string_equal(brief[i].result, "");
			assert_string_equal(brief[i].note, "");
			assert_string_equal(brief[i].by, "");
		}
		free(brief);
	}
	free(evs);
	free(duties);
	store_close(s);
	questionnaire_free(&q);
}

/* The audit log's entries for duties, newest first, as
 * "field:old>new" joined with spaces ("-" for no value). */
static void duty_audit(store *s, char *out, size_t len)
{
	audit_list l;
	size_t n = 0;
	out[0] = '\0';
	assert_int_equal(store_audit_list(s, NULL, NULL, 100, &l), ST_OK);
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].entity, "duty") == 0)
			n += (size_t)snprintf(out + n, len - n, "%s%s:%s>%s",
					      n ? " " : "", l.v[i].field,
					      l.v[i].old_value ? l.v[i].old_value : "-",
					      l.v[i].new_value ? l.v[i].new_value : "-");
	audit_list_free(&l);
}

/* Adding, editing, pausing and removing a duty; every edit only over the
 * duty as the screen showed it. */
static void test_store_duties(void **state)
{
	char path[4096], err[512], audit[2048], want[2048];
	char long_title[TEXT_BYTES(DUTY_TITLE_MAX)];
	store *s;
	int64_t unit_id, aid, id, id2, ev_id;
	duty d = {0}, *v, seen, mine;
	size_t n;
	rec_pause *p;
	agenda g;
	duty_event ev = {0};
	(void)state;
	fixture_db_path(path, sizeof path);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	assert_int_equal(store_unit_create(s, "U", "a", &unit_id), ST_OK);
	assert_int_equal(store_assessment_create(s, unit_id, 2026, "a", &aid), ST_OK);

	snprintf(d.title, sizeof d.title, "Finance restore test");
	d.rule = (rec_rule){3, REC_LAST_WORKING_DAY, REC_ANCHOR_COMPLETION,
			    {2026, 6, 1}};
	snprintf(d.item, sizeof d.item, "restore_test");
	d.paused_on = (date){2026, 1, 1}; /* ignored: a new duty runs */
	assert_int_equal(store_duty_add(s, unit_id, &d, "alice", &id), ST_OK);
	d.rule.every_months = 25;
	assert_int_equal(store_duty_add(s, unit_id, &d, "alice", &id2), ST_INVALID);
	d.rule.every_months = 1;
	d.rule.start = (date){2026, 2, 30};
	assert_int_equal(store_duty_add(s, unit_id, &d, "alice", &id2), ST_INVALID);
	d.rule.start = (date){2026, 6, 1};
	d.title[0] = '\0';
	assert_int_equal(store_duty_add(s, unit_id, &d, "alice", &id2), ST_INVALID);
	for (int i = 0; i <= DUTY_TITLE_MAX; i++)
		strcat(d.title, "演");
	assert_int_equal(store_duty_add(s, unit_id, &d, "alice", &id2), ST_INVALID);
	assert_string_equal(store_errmsg(s), "Duty: at most 100 characters");
	d.title[DUTY_TITLE_MAX * 3] = '\0'; /* 100 of 3 bytes fit */
	snprintf(long_title, sizeof long_title, "%s", d.title);
	d.rule.day = 10;
	d.rule.anchor = REC_ANCHOR_SCHEDULE;
	d.item[0] = '\0';
	assert_int_equal(store_duty_add(s, unit_id, &d, "alice", &id2), ST_OK);

	/* Listed by period: the monthly one first. */
	assert_int_equal(store_duties(s, unit_id, &v, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, id2);
	assert_string_equal(v[1].key, "user-1");
	assert_string_equal(v[0].key, "user-2");
	assert_string_equal(v[1].title, "Finance restore test");
	assert_int_equal(v[1].rule.every_months, 3);
	assert_int_equal(v[1].rule.day, REC_LAST_WORKING_DAY);
	assert_int_equal(v[1].rule.anchor, REC_ANCHOR_COMPLETION);
	assert_string_equal(fmt(v[1].rule.start), "2026-06-01");
	assert_string_equal(v[1].item, "restore_test");
	assert_int_equal(v[1].paused_on.y, 0);
	assert_int_equal(text_length(v[0].title), DUTY_TITLE_MAX);
	seen = v[1];
	free(v);

	/* The rule edited from what the screen showed. */
	mine = seen;
	snprintf(mine.title, sizeof mine.title, "Monthly finance restore test");
	mine.rule = (rec_rule){1, 10, REC_ANCHOR_SCHEDULE, {2026, 6, 1}};
	assert_int_equal(store_duty_change(s, &seen, &mine, "bob"), ST_OK);
	/* The same edit again is from a stale screen: refused. */
	mine.rule.day = 12;
	assert_int_equal(store_duty_change(s, &seen, &mine, "bob"), ST_CONFLICT);
	assert_int_equal(store_duty_set_paused(s, &seen, true, (date){2026, 10, 5}, "bob"),
			 ST_CONFLICT);
	assert_int_equal(store_duty_remove(s, &seen, 0, "bob"), ST_CONFLICT);
	mine.rule.day = 10;
	seen = mine;
	mine.rule.every_months = 0;
	assert_int_equal(store_duty_change(s, &seen, &mine, "bob"), ST_INVALID);

	/* Paused on 5 October: nothing owed while it lasts. */
	assert_int_equal(store_duty_set_paused(s, &seen, true, (date){2026, 10, 5}, "bob"),
			 ST_OK);
	seen.paused_on = (date){2026, 10, 5};
	assert_int_equal(store_duty_set_paused(s, &seen, true, (date){2026, 10, 6}, "bob"),
			 ST_INVALID);
	assert_int_equal(agenda_load(s, unit_id, (date){2026, 11, 20}, 30, false, &g), ST_OK);
	assert_false(g.texts);
	/* Both monthly now: by entry order. */
	assert_int_equal(g.n_duties, 2);
	assert_int_equal(g.duties[0].id, id);
	assert_true(g.states[0].paused);
	assert_int_equal(g.states[0].n_open, 0);
	assert_int_equal(g.n_pauses[0], 1);
	assert_int_equal(g.pauses[0][0].until.y, 0);
	for (size_t i = 0; i < g.n_entries; i++)
		assert_int_equal(g.entries[i].index, 1);
	agenda_free(&g);
	/* Resumed on 1 December: June to September and December overdue,
	 * October and November never owed. */
	assert_int_equal(store_duty_set_paused(s, &seen, false, (date){2026, 12, 1}, "bob"),
			 ST_OK);
	seen.paused_on = (date){0, 0, 0};
	assert_int_equal(store_duty_set_paused(s, &seen, false, (date){2026, 12, 2}, "bob"),
			 ST_INVALID);
	assert_int_equal(store_duty_pauses(s, id, &p, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(fmt(p[0].from), "2026-10-05");
	assert_string_equal(fmt(p[0].until), "2026-12-01");
	free(p);
	assert_int_equal(agenda_load(s, unit_id, (date){2026, 12, 20}, 30, true, &g), ST_OK);
	assert_true(g.texts);
	assert_false(g.states[0].paused);
	assert_int_equal(g.states[0].n_overdue, 5);
	assert_string_equal(fmt(g.states[0].open[3].due), "2026-09-10");
	assert_string_equal(fmt(g.states[0].open[4].due), "2026-12-10");
	assert_string_equal(fmt(g.states[0].next), "2027-01-10");
	agenda_free(&g);
	/* Paused and resumed on one day: no pause is kept. */
	assert_int_equal(store_duty_set_paused(s, &seen, true, (date){2026, 12, 20}, "bob"),
			 ST_OK);
	seen.paused_on = (date){2026, 12, 20};
	assert_int_equal(store_duty_set_paused(s, &seen, false, (date){2026, 12, 20}, "bob"),
			 ST_OK);
	seen.paused_on = (date){0, 0, 0};
	assert_int_equal(store_duty_pauses(s, id, &p, &n), ST_OK);
	assert_int_equal(n, 1);
	free(p);

	/* Removal says how many records go and refuses another count. */
	ev.duty_id = id;
	ev.due = (date){2026, 6, 10};
	ev.on = (date){2026, 6, 10};
	assert_int_equal(store_duty_resolve(s, &ev, NULL, "a", &ev_id), ST_OK);
	{
		evidence proof = {0};
		proof.assessment_id = aid;
		proof.target = "restore_test";
		proof.body = "restored";
		proof.evidence_date = "2026-07-10";
		proof.valid_months = 12;
		ev.due = ev.on = (date){2026, 7, 10};
		assert_int_equal(store_duty_resolve(s, &ev, &proof, "a", &ev_id), ST_OK);
	}
	assert_int_equal(store_duty_remove(s, &seen, 1, "carol"), ST_CONFLICT);
	assert_string_equal(store_errmsg(s), "duty 1 has 2 records, not 1");
	assert_int_equal(store_duty_remove(s, &seen, 2, "carol"), ST_OK);
	assert_int_equal(store_duty_remove(s, &seen, 2, "carol"), ST_NOT_FOUND);
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM duty"), 1);
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM duty_event"), 0);
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM duty_pause"), 0);
	/* The evidence a completion filed stays. */
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM evidence"), 1);

	duty_audit(s, audit, sizeof audit);
	snprintf(want, sizeof want,
		 "removed:Monthly finance restore test>-"
		 " done:2026-07-10>2026-07-10 done:2026-06-10>2026-06-10"
		 " resumed:2026-12-20>2026-12-20 paused:->2026-12-20"
		 " resumed:2026-10-05>2026-12-01 paused:->2026-10-05"
		 " anchor:completion>schedule day:0>10 every_months:3>1"
		 " title:Finance restore test>Monthly finance restore test"
		 " added:->%s added:->Finance restore test", long_title);
	assert_string_equal(audit, want);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_task_rules),
		cmocka_unit_test(test_duty_state),
		cmocka_unit_test(test_duty_state_paused),
		cmocka_unit_test(test_duty_state_any_order),
		cmocka_unit_test(test_duty_state_1000_years),
		cmocka_unit_test(test_rule_words),
		cmocka_unit_test(test_parse_day),
		cmocka_unit_test(test_agenda_orders_overdue_first),
		cmocka_unit_test(test_agenda_between),
		cmocka_unit_test(test_agenda_month_marks),
		cmocka_unit_test(test_store_programme),
		cmocka_unit_test(test_store_duties),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
