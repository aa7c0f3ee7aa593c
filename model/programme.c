#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "model/msg.h"
#include "model/programme.h"

static const char *const status_keys[TASK_STATUS_COUNT] = {
	"not_started", "in_progress", "done", "blocked"};

const char *task_status_key(task_status s)
{
	return (unsigned)s < TASK_STATUS_COUNT ? status_keys[s] : "?";
}

bool task_parse_status(const char *s, task_status *out)
{
	for (int i = 0; i < TASK_STATUS_COUNT; i++)
		if (strcmp(s, status_keys[i]) == 0) {
			*out = (task_status)i;
			return true;
		}
	return false;
}

task_status task_next_status(task_status s)
{
	return (task_status)(((int)s + 1) % TASK_STATUS_COUNT);
}

bool task_overdue(const plan_task *t, date today)
{
	return t->status != TASK_DONE && t->due.y && date_cmp(today, t->due) > 0;
}

void plan_progress_compute(const plan_task *tasks, size_t n, date start,
			   date today, plan_progress *p)
{
	memset(p, 0, sizeof *p);
	p->day = plan_day(start, today);
	p->phase = plan_phase_on(start, today);
	for (size_t i = 0; i < n; i++) {
		int ph = tasks[i].phase - 1;
		bool done = tasks[i].status == TASK_DONE;
		p->total++;
		p->done += done;
		p->overdue += task_overdue(&tasks[i], today);
		if (ph >= 0 && ph < PLAN_PHASES) {
			p->phase_total[ph]++;
			p->phase_done[ph] += done;
		}
	}
}

void duty_state_compute(const duty *d, const duty_event *ev, size_t n,
			date today, duty_state *out)
{
	date *resolved = malloc((n ? n : 1) * sizeof *resolved);
	size_t count;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		if (resolved)
			resolved[i] = ev[i].due;
		if (!ev[i].skipped &&
		    (!out->has_last || date_cmp(ev[i].on, out->last_done) > 0)) {
			out->has_last = true;
			out->last_done = ev[i].on;
		}
	}
	count = rec_open(&d->rule, resolved, resolved ? n : 0,
			 out->has_last ? &out->last_done : NULL, today, out->open,
			 DUTY_MAX_OPEN);
	free(resolved);
	out->n_open = count;
	for (size_t i = 0; i < count && i < DUTY_MAX_OPEN; i++) {
		if (out->open[i].overdue) {
			out->n_overdue++;
		} else if (!out->has_next) {
			out->has_next = true;
			out->next = out->open[i].due;
		}
	}
	/* Beyond the buffer every occurrence but the last is overdue. */
	if (count > DUTY_MAX_OPEN)
		out->n_overdue = count - 1;
}

bool duty_proof_make(const duty *d, const duty_event *ev,
		     int64_t assessment_id, int valid_months, const char *owner,
		     duty_proof *p)
{
	char due[16];
	size_t n;

	memset(p, 0, sizeof *p);
	if (!d->item[0])
		return false;
	date_format(ev->due, due, sizeof due);
	date_format(ev->on, p->day, sizeof p->day);
	snprintf(p->body, sizeof p->body, msg(DUTY_EVIDENCE_FMT), d->title, due,
		 ev->result[0] ? ev->result : "—");
	n = strlen(p->body);
	if (ev->note[0])
		snprintf(p->body + n, sizeof p->body - n, "\n%s", ev->note);
	snprintf(p->reference, sizeof p->reference, "moat duty %s", due);
	p->e.assessment_id = assessment_id;
	p->e.target = (char *)d->item;
	p->e.body = p->body;
	p->e.reference = p->reference;
	p->e.owner = (char *)owner;
	p->e.evidence_date = p->day;
	p->e.valid_months = valid_months;
	return true;
}
