#include "config.h"

#include "model/recurrence.h"

#define MAX_YEAR 9999

static const date no_date = {0, 0, 0};

int date_weekday(date d)
{
	/* 1970-01-01 was a Thursday (3 with Monday = 0). */
	long r = (date_to_days(d) + 3) % 7;
	return (int)(r < 0 ? r + 7 : r);
}

bool date_is_working_day(date d)
{
	return date_weekday(d) < 5;
}

date date_last_working_day(int y, int m)
{
	date d;
	int wd;

	if (y < 1 || y > MAX_YEAR || m < 1 || m > 12)
		return no_date;
	d = (date){y, m, date_days_in_month(y, m)};
	wd = date_weekday(d);
	if (wd >= 5)
		d.d -= wd - 4; /* Saturday: back 1, Sunday: back 2 */
	return d;
}

date date_add_days(date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

static bool is_real_date(date d)
{
	return d.y >= 1900 && d.y <= MAX_YEAR && d.m >= 1 && d.m <= 12 &&
	       d.d >= 1 && d.d <= date_days_in_month(d.y, d.m);
}

bool rec_valid(const rec_rule *r)
{
	if (!r)
		return false;
	if (r->every_months < 1 || r->every_months > REC_MAX_EVERY_MONTHS)
		return false;
	if (r->day < 0 || r->day > 31)
		return false;
	if (r->anchor != REC_ANCHOR_SCHEDULE &&
	    r->anchor != REC_ANCHOR_COMPLETION)
		return false;
	return is_real_date(r->start);
}

date rec_due_in_month(const rec_rule *r, int y, int m)
{
	int dim;

	if (!r || r->day < 0 || r->day > 31)
		return no_date;
	if (y < 1 || y > MAX_YEAR || m < 1 || m > 12)
		return no_date;
	if (r->day == REC_LAST_WORKING_DAY)
		return date_last_working_day(y, m);
	dim = date_days_in_month(y, m);
	return (date){y, m, r->day < dim ? r->day : dim};
}

/* Month index (year * 12 + month - 1) of a date. */
static long long month_of(date d)
{
	return (long long)d.y * 12 + (d.m - 1);
}

#define LAST_MONTH ((long long)MAX_YEAR * 12 + 11)

/* Month index of occurrence 0. */
static long long first_month(const rec_rule *r)
{
	long long idx = month_of(r->start);
	date due = rec_due_in_month(r, r->start.y, r->start.m);

	if (date_cmp(due, r->start) < 0)
		idx++;
	return idx;
}

/* A valid rule with what every lookup on it needs: the month of
 * occurrence 0 and how many occurrences fall in years up to 9999
 * (indices 0 .. len - 1). */
typedef struct {
	const rec_rule *r;
	long long first;
	int len;
} schedule;

static schedule schedule_of(const rec_rule *r)
{
	schedule s = {r, first_month(r), 0};

	if (s.first <= LAST_MONTH)
		s.len = (int)((LAST_MONTH - s.first) / r->every_months + 1);
	return s;
}

/* Occurrence k, 0 <= k < s->len. */
static date due_at(const schedule *s, int k)
{
	long long idx = s->first + (long long)k * s->r->every_months;

	return rec_due_in_month(s->r, (int)(idx / 12), (int)(idx % 12) + 1);
}

/* The index of the first occurrence due on or after d, found from the
 * months between occurrence 0 and d (no stepping); s->len when none is. */
static int index_on_or_after(const schedule *s, date d)
{
	long long months = month_of(d) - s->first;
	long long k;

	if (months <= 0)
		k = 0;
	else
		k = months / s->r->every_months;
	/* Occurrence k is in d's month or before it; one later is after. */
	if (k < s->len &&
	    (s->first + k * s->r->every_months < month_of(d) ||
	     date_cmp(due_at(s, (int)k), d) < 0))
		k++;
	return k < s->len ? (int)k : s->len;
}

date rec_scheduled(const rec_rule *r, int k)
{
	schedule s;

	if (!rec_valid(r) || k < 0)
		return no_date;
	s = schedule_of(r);
	return k < s.len ? due_at(&s, k) : no_date;
}

int rec_index_on_or_after(const rec_rule *r, date d)
{
	schedule s;

	if (!rec_valid(r) || d.m < 1 || d.m > 12)
		return -1;
	s = schedule_of(r);
	return index_on_or_after(&s, d);
}

const rec_pause *rec_pause_on(const rec_pause *p, size_t n, date d)
{
	for (size_t i = 0; p && i < n; i++)
		if (date_cmp(p[i].from, d) <= 0 &&
		    (!p[i].until.y || date_cmp(d, p[i].until) < 0))
			return &p[i];
	return NULL;
}

/* What is not owed, walked in step with a schedule: the resolved dates
 * (ascending) and the pauses (by first day), each behind a cursor that
 * only moves forward, so a walk costs what it passes of them plus what it
 * emits, however long the schedule behind it is. */
typedef struct {
	schedule s;
	const date *res;
	size_t n_res, ri;
	const rec_pause *p;
	size_t n_p, pi;
} walk;

/* The first resolved date on or after d, by binary search. */
static size_t resolved_from(const date *res, size_t n, date d)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (date_cmp(res[mid], d) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Starts a walk at occurrence 0 of r: the resolved cursor lands on the
 * first date that can match, without reading those before (for a schedule
 * that starts after a completion, all of the history before it). */
static walk walk_start(const rec_rule *r, const date *res, size_t n_res,
		       const rec_pause *p, size_t n_p)
{
	walk w = {schedule_of(r), res, n_res, 0, p, n_p, 0};

	if (w.s.len)
		w.ri = resolved_from(res, n_res, due_at(&w.s, 0));
	return w;
}

/* The indices [*lo, *hi) of the occurrences due in pause p; *hi is the
 * schedule's end for a pause that has not ended. */
static void pause_span(const schedule *s, const rec_pause *p, int *lo,
		       int *hi)
{
	*lo = index_on_or_after(s, p->from);
	*hi = p->until.y ? index_on_or_after(s, p->until) : s->len;
	if (*hi < *lo)
		*hi = *lo; /* until <= from: it holds no day */
}

/* The first owed index >= k (neither resolved nor in a pause), or
 * w->s.len when none is: the schedule ends in 9999, or in a pause that
 * has not ended. A pause is passed in one jump. */
static int next_owed(walk *w, int k)
{
	while (k < w->s.len) {
		date due = due_at(&w->s, k);
		int lo = 0, hi = 0;

		while (w->ri < w->n_res && date_cmp(w->res[w->ri], due) < 0)
			w->ri++;
		if (w->ri < w->n_res && date_cmp(w->res[w->ri], due) == 0) {
			k++;
			continue;
		}
		for (; w->pi < w->n_p; w->pi++) {
			pause_span(&w->s, &w->p[w->pi], &lo, &hi);
			if (hi > k)
				break;
		}
		if (w->pi < w->n_p && lo <= k) {
			k = hi;
			continue;
		}
		return k;
	}
	return w->s.len;
}

/* After next_owed returned k: the end of the run of owed indices from k,
 * the next resolved one on the schedule or the first of the next pause. */
static int owed_run_end(walk *w, int k)
{
	int end = w->s.len, lo, hi;

	for (; w->ri < w->n_res; w->ri++) {
		int j = index_on_or_after(&w->s, w->res[w->ri]);

		if (j < w->s.len &&
		    date_cmp(due_at(&w->s, j), w->res[w->ri]) == 0) {
			end = j; /* after k: next_owed passed those before */
			break;
		}
	}
	/* Pauses are by first day, so the one at the cursor comes first. */
	if (w->pi < w->n_p) {
		pause_span(&w->s, &w->p[w->pi], &lo, &hi);
		if (lo > k && lo < end)
			end = lo;
	}
	return end;
}

/* Stores an occurrence if there is room; returns the new total. */
static size_t emit(rec_occurrence *out, size_t cap, size_t n, date due,
		   date today)
{
	if (n < cap)
		out[n] = (rec_occurrence){due, date_cmp(due, today) < 0};
	return n + 1;
}

/* The owed indices in [from, stop), oldest first, written after the n
 * entries already in out while there is room; returns the new total and
 * leaves in *after the first owed index from stop on (w->s.len for none;
 * the cursors have passed what comes before it, so the walk cannot be
 * asked again about earlier indices). Each run of owed ones is counted at
 * once, so the cost is in what is resolved, paused or written, not in the
 * length of the run. */
static size_t owed_in(walk *w, int from, int stop, date today,
		      rec_occurrence *out, size_t cap, size_t n, int *after)
{
	int k = next_owed(w, from);

	while (k < stop) {
		int end = owed_run_end(w, k);

		if (end > stop)
			end = stop;
		for (; k < end && n < cap; k++)
			n = emit(out, cap, n, due_at(&w->s, k), today);
		n += (size_t)(end - k);
		k = next_owed(w, end);
	}
	*after = k;
	return n;
}

/* Every owed occurrence due before today, then the first owed one on or
 * after today. */
static size_t open_by_schedule(const rec_rule *r, const date *res,
			       size_t n_res, const rec_pause *p, size_t n_p,
			       date today, rec_occurrence *out, size_t cap)
{
	walk w = walk_start(r, res, n_res, p, n_p);
	int next;
	size_t n = owed_in(&w, 0, index_on_or_after(&w.s, today), today, out,
			   cap, 0, &next);

	if (next < w.s.len)
		n = emit(out, cap, n, due_at(&w.s, next), today);
	return n;
}

/* The one open occurrence: the first owed one of r's schedule when never
 * completed; after a completion, the first owed one of last_done +
 * every_months * (j + 1) months, j = 0, 1, ..., which is the schedule of a
 * rule on last_done's day starting one period after it, so the same walk
 * passes what was skipped. */
static size_t open_by_completion(const rec_rule *r, const date *res,
				 size_t n_res, const rec_pause *p, size_t n_p,
				 const date *last_done, date today,
				 rec_occurrence *out, size_t cap)
{
	rec_rule after = *r;
	walk w;
	int k;

	if (last_done) {
		if (month_of(*last_done) + r->every_months > LAST_MONTH)
			return 0;
		after.day = last_done->d;
		after.start = date_add_months(*last_done, r->every_months);
		r = &after;
	}
	w = walk_start(r, res, n_res, p, n_p);
	k = next_owed(&w, 0);
	return k < w.s.len ? emit(out, cap, 0, due_at(&w.s, k), today) : 0;
}

size_t rec_open_paused(const rec_rule *r, const date *resolved,
		       size_t n_resolved, const rec_pause *p, size_t n_pauses,
		       const date *last_done, date today, rec_occurrence *out,
		       size_t cap)
{
	if (!resolved)
		n_resolved = 0;
	if (!p)
		n_pauses = 0;
	if (!rec_valid(r) || rec_pause_on(p, n_pauses, today))
		return 0;
	if (!out)
		cap = 0;
	if (r->anchor == REC_ANCHOR_COMPLETION) {
		if (last_done && !is_real_date(*last_done))
			return 0;
		return open_by_completion(r, resolved, n_resolved, p, n_pauses,
					  last_done, today, out, cap);
	}
	return open_by_schedule(r, resolved, n_resolved, p, n_pauses, today,
				out, cap);
}

size_t rec_open(const rec_rule *r, const date *resolved, size_t n_resolved,
		const date *last_done, date today, rec_occurrence *out,
		size_t cap)
{
	return rec_open_paused(r, resolved, n_resolved, NULL, 0, last_done,
			       today, out, cap);
}

date plan_phase_start(date start, int phase)
{
	if (phase < 1 || phase > PLAN_PHASES)
		return no_date;
	return date_add_days(start, (long)(phase - 1) * PLAN_PHASE_DAYS);
}

date plan_phase_due(date start, int phase)
{
	if (phase < 1 || phase > PLAN_PHASES)
		return no_date;
	return date_add_days(start, (long)phase * PLAN_PHASE_DAYS - 1);
}

long plan_day(date start, date today)
{
	return date_to_days(today) - date_to_days(start) + 1;
}

int plan_phase_on(date start, date today)
{
	long day = plan_day(start, today);

	if (day < 1)
		return 0;
	if (day > PLAN_DAYS)
		return PLAN_PHASES + 1;
	return (int)((day - 1) / PLAN_PHASE_DAYS) + 1;
}
