#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/agenda.h"

static int by_date(const void *x, const void *y)
{
	const agenda_entry *a = x, *b = y;
	int c;
	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	c = date_cmp(a->due, b->due);
	if (c)
		return c;
	return a->kind != b->kind ? (a->kind == AG_DUTY ? -1 : 1)
				  : (a->index > b->index) - (a->index < b->index);
}

/* By date, duties before tasks, then as listed. */
static int by_day(const void *x, const void *y)
{
	const agenda_entry *a = x, *b = y;
	int c = date_cmp(a->due, b->due);
	if (c)
		return c;
	if (a->kind != b->kind)
		return a->kind == AG_DUTY ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

/* A growing array of entries. */
typedef struct {
	agenda_entry *v;
	size_t n, cap;
	bool nomem;
} entry_list;

static void add_entry(entry_list *l, agenda_entry e)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		agenda_entry *v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			l->nomem = true;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = e;
}

static bool within(date d, date from, date to)
{
	return date_cmp(d, from) >= 0 && date_cmp(d, to) <= 0;
}

/* What of duty d is still owed from..to. A schedule is entered at the
 * occurrence due on or after from, not walked from its start. */
static void owed_between(const agenda *a, size_t d, date from, date to,
			 entry_list *l)
{
	const duty *du = &a->duties[d];
	const duty_state *st = &a->states[d];
	const duty_event *ev = a->events ? a->events[d] : NULL;
	size_t n_ev = a->n_events ? a->n_events[d] : 0;
	const rec_pause *p = a->pauses ? a->pauses[d] : NULL;
	size_t n_p = a->n_pauses ? a->n_pauses[d] : 0;
	int k = rec_index_on_or_after(&du->rule, from);

	if (st->paused)
		return;
	if (du->rule.anchor == REC_ANCHOR_COMPLETION) {
		for (size_t i = 0; i < st->n_open && i < DUTY_MAX_OPEN; i++)
			if (within(st->open[i].due, from, to))
				add_entry(l, (agenda_entry){AG_DUTY, d, st->open[i].due,
							    st->open[i].overdue, NULL});
		return;
	}
	for (; k >= 0; k++) {
		date due = rec_scheduled(&du->rule, k);
		if (!due.y || date_cmp(due, to) > 0)
			break;
		if (duty_recorded(ev, n_ev, due) || rec_pause_on(p, n_p, due))
			continue;
		add_entry(l, (agenda_entry){AG_DUTY, d, due,
					    date_cmp(due, a->today) < 0, NULL});
	}
}

moat_status agenda_between(const agenda *a, date from, date to,
			   agenda_entry **out, size_t *n)
{
	entry_list l = {NULL, 0, 0, false};

	for (size_t d = 0; d < a->n_duties; d++) {
		size_t first = 0, n_in = a->events
			? duty_events_between(a->events[d], a->n_events[d], from,
					      to, &first)
			: 0;

		for (size_t i = first; i < first + n_in; i++)
			add_entry(&l, (agenda_entry){AG_DUTY, d, a->events[d][i].due,
						     false, &a->events[d][i]});
		owed_between(a, d, from, to, &l);
	}
	for (size_t t = 0; t < a->n_tasks; t++)
		if (within(a->tasks[t].due, from, to))
			add_entry(&l, (agenda_entry){AG_TASK, t, a->tasks[t].due,
						     task_overdue(&a->tasks[t], a->today),
						     NULL});
	if (l.nomem) {
		free(l.v);
		*out = NULL;
		*n = 0;
		return ST_NOMEM;
	}
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, by_day);
	*out = l.v;
	*n = l.n;
	return ST_OK;
}

/* Whether an entry is settled: a recorded occurrence or a done task. */
static bool settled(const agenda *a, const agenda_entry *e)
{
	return e->kind == AG_DUTY ? e->event != NULL
				  : a->tasks[e->index].status == TASK_DONE;
}

moat_status agenda_month_load(const agenda *a, int y, int m,
			      agenda_month *out)
{
	moat_status st;

	memset(out, 0, sizeof *out);
	if (y < 1 || y > 9999 || m < 1 || m > 12)
		return ST_INVALID;
	out->y = y;
	out->m = m;
	st = agenda_between(a, (date){y, m, 1},
			    (date){y, m, date_days_in_month(y, m)},
			    &out->entries, &out->n_entries);
	for (size_t i = 0; !st && i < out->n_entries; i++) {
		const agenda_entry *e = &out->entries[i];
		agenda_mark mark = settled(a, e) ? AG_MARK_SETTLED
				   : e->overdue  ? AG_MARK_OVERDUE
						 : AG_MARK_DUE;

		if (mark > out->mark[e->due.d])
			out->mark[e->due.d] = mark;
	}
	return st;
}

void agenda_month_free(agenda_month *mo)
{
	free(mo->entries);
	memset(mo, 0, sizeof *mo);
}

size_t agenda_month_day(const agenda_month *mo, int day, size_t *first)
{
	size_t i = 0, n = 0;

	/* Entries are by date: the day's are one run. */
	while (i < mo->n_entries && mo->entries[i].due.d < day)
		i++;
	while (i + n < mo->n_entries && mo->entries[i + n].due.d == day)
		n++;
	*first = i;
	return n;
}

long agenda_find_duty(const agenda *a, int64_t id)
{
	for (size_t d = 0; d < a->n_duties; d++)
		if (a->duties[d].id == id)
			return (long)d;
	return -1;
}

moat_status agenda_build(agenda *a, int within)
{
	size_t cap = a->n_tasks;
	date until = date_add_days(a->today, within);

	for (size_t d = 0; d < a->n_duties; d++)
		cap += a->states[d].n_open < DUTY_MAX_OPEN ? a->states[d].n_open
							   : DUTY_MAX_OPEN;
	free(a->entries);
	a->n_entries = 0;
	a->entries = calloc(cap ? cap : 1, sizeof *a->entries);
	if (!a->entries)
		return ST_NOMEM;
	for (size_t t = 0; t < a->n_tasks; t++) {
		const plan_task *pt = &a->tasks[t];
		bool over = task_overdue(pt, a->today);
		if (pt->status == TASK_DONE || (!over && date_cmp(pt->due, until) > 0))
			continue;
		a->entries[a->n_entries++] = (agenda_entry){AG_TASK, t, pt->due, over, NULL};
	}
	for (size_t d = 0; d < a->n_duties; d++) {
		const duty_state *st = &a->states[d];
		for (size_t i = 0; i < st->n_open && i < DUTY_MAX_OPEN; i++) {
			const rec_occurrence *o = &st->open[i];
			if (!o->overdue && date_cmp(o->due, until) > 0)
				continue;
			a->entries[a->n_entries++] =
				(agenda_entry){AG_DUTY, d, o->due, o->overdue, NULL};
		}
	}
	qsort(a->entries, a->n_entries, sizeof *a->entries, by_date);
	return ST_OK;
}

/* The ended pauses of d and, when it is paused, the current one. */
static moat_status load_pauses(store *s, const duty *d, rec_pause **out,
			       size_t *n)
{
	moat_status st = store_duty_pauses(s, d->id, out, n);
	rec_pause *more;

	if (st || !d->paused_on.y)
		return st;
	if (!(more = realloc(*out, (*n + 1) * sizeof *more)))
		return ST_NOMEM;
	*out = more;
	more[(*n)++] = (rec_pause){d->paused_on, {0, 0, 0}};
	return ST_OK;
}

moat_status agenda_load(store *s, int64_t unit_id, date today, int within,
			bool texts, agenda *a)
{
	moat_status st;

	memset(a, 0, sizeof *a);
	a->today = today;
	a->texts = texts;
	st = store_programme(s, unit_id, &a->has_programme, &a->programme_id,
			     &a->start);
	if (!st && a->has_programme)
		st = store_tasks(s, a->programme_id, &a->tasks, &a->n_tasks);
	if (!st)
		st = store_duties(s, unit_id, &a->duties, &a->n_duties);
	if (!st && a->n_duties &&
	    (!(a->states = calloc(a->n_duties, sizeof *a->states)) ||
	     !(a->events = calloc(a->n_duties, sizeof *a->events)) ||
	     !(a->n_events = calloc(a->n_duties, sizeof *a->n_events)) ||
	     !(a->pauses = calloc(a->n_duties, sizeof *a->pauses)) ||
	     !(a->n_pauses = calloc(a->n_duties, sizeof *a->n_pauses))))
		st = ST_NOMEM;
	for (size_t d = 0; !st && d < a->n_duties; d++) {
		st = store_duty_events(s, a->duties[d].id, texts, &a->events[d],
				       &a->n_events[d]);
		if (!st)
			st = load_pauses(s, &a->duties[d], &a->pauses[d],
					 &a->n_pauses[d]);
		if (!st)
			duty_state_compute(&a->duties[d], a->events[d],
					   a->n_events[d], a->pauses[d],
					   a->n_pauses[d], today, &a->states[d]);
	}
	if (!st && a->has_programme)
		plan_progress_compute(a->tasks, a->n_tasks, a->start, today,
				      &a->progress);
	if (!st)
		st = agenda_build(a, within);
	if (st)
		agenda_free(a);
	return st;
}

void agenda_free(agenda *a)
{
	free(a->tasks);
	free(a->duties);
	free(a->states);
	for (size_t d = 0; a->events && d < a->n_duties; d++)
		free(a->events[d]);
	for (size_t d = 0; a->pauses && d < a->n_duties; d++)
		free(a->pauses[d]);
	free(a->events);
	free(a->n_events);
	free(a->pauses);
	free(a->n_pauses);
	free(a->entries);
	memset(a, 0, sizeof *a);
}
