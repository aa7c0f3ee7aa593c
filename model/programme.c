#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "model/msg.h"
#include "model/programme.h"
#include "model/text.h"

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

static int by_date_asc(const void *x, const void *y)
{
	return date_cmp(*(const date *)x, *(const date *)y);
}

static int by_first_day(const void *x, const void *y)
{
	return date_cmp(((const rec_pause *)x)->from,
			((const rec_pause *)y)->from);
}

/* The due dates of ev, ascending, as rec_open wants them: a history in
 * order, newest first (as the store reads it) or oldest first, is copied
 * in one pass; any other order is sorted. */
static void resolved_ascending(const duty_event *ev, size_t n, date *out)
{
	bool newest_first = true, oldest_first = true;

	for (size_t i = 1; i < n; i++) {
		int c = date_cmp(ev[i - 1].due, ev[i].due);

		newest_first = newest_first && c >= 0;
		oldest_first = oldest_first && c <= 0;
	}
	for (size_t i = 0; i < n; i++)
		out[newest_first ? n - 1 - i : i] = ev[i].due;
	if (!newest_first && !oldest_first)
		qsort(out, n, sizeof *out, by_date_asc);
}

/* Pauses by first day, as rec_open_paused wants them: p itself when it is
 * in order (as agenda_load gives them), else a sorted copy in *copy (free
 * it; NULL when there was no memory, then p is used as it is). */
static const rec_pause *pauses_in_order(const rec_pause *p, size_t n,
					rec_pause **copy)
{
	*copy = NULL;
	for (size_t i = 1; i < n; i++)
		if (date_cmp(p[i - 1].from, p[i].from) > 0) {
			if (!(*copy = malloc(n * sizeof **copy)))
				return p;
			memcpy(*copy, p, n * sizeof **copy);
			qsort(*copy, n, sizeof **copy, by_first_day);
			return *copy;
		}
	return p;
}

void duty_state_compute(const duty *d, const duty_event *ev, size_t n,
			const rec_pause *pauses, size_t n_pauses, date today,
			duty_state *out)
{
	date *resolved = malloc((n ? n : 1) * sizeof *resolved);
	rec_pause *sorted;
	const rec_pause *p = pauses_in_order(pauses, pauses ? n_pauses : 0,
					     &sorted);
	size_t count;

	memset(out, 0, sizeof *out);
	if (resolved)
		resolved_ascending(ev, n, resolved);
	for (size_t i = 0; i < n; i++)
		if (!ev[i].skipped &&
		    (!out->has_last || date_cmp(ev[i].on, out->last_done) > 0)) {
			out->has_last = true;
			out->last_done = ev[i].on;
		}
	out->paused = rec_pause_on(p, n_pauses, today) != NULL;
	count = rec_open_paused(&d->rule, resolved, resolved ? n : 0, p,
				n_pauses, out->has_last ? &out->last_done : NULL,
				today, out->open, DUTY_MAX_OPEN);
	free(resolved);
	free(sorted);
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

/* The first of ev (newest due first) due on or before d. */
static size_t first_due_by(const duty_event *ev, size_t n, date d)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (date_cmp(ev[mid].due, d) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t duty_events_between(const duty_event *ev, size_t n, date from,
			   date to, size_t *first)
{
	size_t lo, hi;

	if (!ev || date_cmp(from, to) > 0) {
		*first = 0;
		return 0;
	}
	lo = first_due_by(ev, n, to);
	hi = first_due_by(ev, n, date_add_days(from, -1));
	*first = lo;
	return hi - lo;
}

bool duty_recorded(const duty_event *ev, size_t n, date due)
{
	size_t first;

	return duty_events_between(ev, n, due, due, &first) > 0;
}

void duty_missed_text(const duty_state *st, char *out, size_t len)
{
	size_t have = 0;

	out[0] = '\0';
	for (size_t i = 0; i < st->n_open && i < DUTY_MAX_OPEN; i++) {
		char day[16];
		int n;

		if (!st->open[i].overdue)
			continue;
		date_format(st->open[i].due, day, sizeof day);
		n = snprintf(out + have, len - have, "%s%s", have ? ", " : "", day);
		if (n < 0 || (size_t)n >= len - have) {
			out[have] = '\0'; /* whole dates only */
			return;
		}
		have += (size_t)n;
	}
}

/* "every month", "every 3 months", "every year"... */
static void every_words(int months, char *out, size_t len)
{
	switch (months) {
	case 1: snprintf(out, len, "%s", msg(RULE_EVERY_MONTH)); return;
	case 3: snprintf(out, len, "%s", msg(RULE_EVERY_QUARTER)); return;
	case 6: snprintf(out, len, "%s", msg(RULE_EVERY_HALF_YEAR)); return;
	case 12: snprintf(out, len, "%s", msg(RULE_EVERY_YEAR)); return;
	case 24: snprintf(out, len, "%s", msg(RULE_EVERY_TWO_YEARS)); return;
	}
	snprintf(out, len, msg(RULE_EVERY_N_FMT), months);
}

void duty_rule_words(const rec_rule *r, bool with_anchor, char *out,
		     size_t len)
{
	static const msg_id months[12] = {
		MONTH_1, MONTH_2, MONTH_3, MONTH_4, MONTH_5, MONTH_6,
		MONTH_7, MONTH_8, MONTH_9, MONTH_10, MONTH_11, MONTH_12};
	char every[96], on[128];
	bool yearly = r->every_months % 12 == 0;
	/* A yearly rule falls in the month of its first occurrence. */
	date first = rec_scheduled(r, 0);
	int m = first.y ? first.m : r->start.m;
	const char *month = msg(months[m >= 1 && m <= 12 ? m - 1 : 0]);

	every_words(r->every_months, every, sizeof every);
	if (r->day == REC_LAST_WORKING_DAY && yearly)
		snprintf(on, sizeof on, msg(RULE_ON_LWD_OF_FMT), month);
	else if (r->day == REC_LAST_WORKING_DAY)
		snprintf(on, sizeof on, "%s", msg(RULE_ON_LWD));
	else if (yearly)
		snprintf(on, sizeof on, msg(RULE_ON_DATE_FMT), month, r->day);
	else
		snprintf(on, sizeof on, msg(RULE_ON_DAY_FMT), r->day);
	snprintf(out, len, "%s%s%s", every, on,
		 !with_anchor ? ""
		 : msg(r->anchor == REC_ANCHOR_COMPLETION ? RULE_FROM_COMPLETION
							  : RULE_FROM_SCHEDULE));
}

bool duty_parse_day(const char *s, int *day)
{
	char buf[16];
	char *t, *end;
	long v;

	if (!s || strlen(s) >= sizeof buf)
		return false;
	t = text_trim(strcpy(buf, s));
	if ((t[0] == 'L' || t[0] == 'l') && t[1] == '\0') {
		*day = REC_LAST_WORKING_DAY;
		return true;
	}
	if (*t < '0' || *t > '9')
		return false;
	v = strtol(t, &end, 10);
	if (*end || v < 1 || v > 31)
		return false;
	*day = (int)v;
	return true;
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
