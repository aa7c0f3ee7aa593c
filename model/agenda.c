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
		a->entries[a->n_entries++] = (agenda_entry){AG_TASK, t, pt->due, over};
	}
	for (size_t d = 0; d < a->n_duties; d++) {
		const duty_state *st = &a->states[d];
		for (size_t i = 0; i < st->n_open && i < DUTY_MAX_OPEN; i++) {
			const rec_occurrence *o = &st->open[i];
			if (!o->overdue && date_cmp(o->due, until) > 0)
				continue;
			a->entries[a->n_entries++] =
				(agenda_entry){AG_DUTY, d, o->due, o->overdue};
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
			agenda *a)
{
	moat_status st;

	memset(a, 0, sizeof *a);
	a->today = today;
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
		st = store_duty_events(s, a->duties[d].id, &a->events[d],
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
