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

/* Month index (year * 12 + month - 1) of occurrence 0. */
static long long first_month(const rec_rule *r)
{
	long long idx = (long long)r->start.y * 12 + (r->start.m - 1);
	date due = rec_due_in_month(r, r->start.y, r->start.m);

	if (date_cmp(due, r->start) < 0)
		idx++;
	return idx;
}

date rec_scheduled(const rec_rule *r, int k)
{
	long long idx;

	if (!rec_valid(r) || k < 0)
		return no_date;
	idx = first_month(r) + (long long)k * r->every_months;
	if (idx / 12 > MAX_YEAR)
		return no_date;
	return rec_due_in_month(r, (int)(idx / 12), (int)(idx % 12) + 1);
}

const rec_pause *rec_pause_on(const rec_pause *p, size_t n, date d)
{
	for (size_t i = 0; p && i < n; i++)
		if (date_cmp(p[i].from, d) <= 0 &&
		    (!p[i].until.y || date_cmp(d, p[i].until) < 0))
			return &p[i];
	return NULL;
}

/* What is not owed: the resolved dates and the days of the pauses. */
typedef struct {
	const date *resolved;
	size_t n_resolved;
	const rec_pause *pauses;
	size_t n_pauses;
} not_owed;

static bool contains(const not_owed *no, date d)
{
	for (size_t i = 0; i < no->n_resolved; i++)
		if (date_cmp(no->resolved[i], d) == 0)
			return true;
	return rec_pause_on(no->pauses, no->n_pauses, d) != NULL;
}

/* Stores an occurrence if there is room; returns the new total. */
static size_t emit(rec_occurrence *out, size_t cap, size_t n, date due,
		   date today)
{
	if (n < cap)
		out[n] = (rec_occurrence){due, date_cmp(due, today) < 0};
	return n + 1;
}

static size_t open_by_schedule(const rec_rule *r, const not_owed *no,
			       date today, rec_occurrence *out, size_t cap)
{
	size_t n = 0;

	for (int k = 0; k < REC_SCAN_LIMIT; k++) {
		date due = rec_scheduled(r, k);

		if (due.y == 0)
			break;
		if (contains(no, due))
			continue;
		n = emit(out, cap, n, due, today);
		if (date_cmp(due, today) >= 0)
			break; /* the next one: nothing later is open yet */
	}
	return n;
}

static size_t open_by_completion(const rec_rule *r, const not_owed *no,
				 const date *last_done, date today,
				 rec_occurrence *out, size_t cap)
{
	for (int k = 0; k < REC_SCAN_LIMIT; k++) {
		date due;

		if (last_done) {
			long long months =
				(long long)(k + 1) * r->every_months;
			long long idx = (long long)last_done->y * 12 +
					(last_done->m - 1) + months;
			if (idx / 12 > MAX_YEAR)
				break;
			due = date_add_months(*last_done, (int)months);
		} else {
			due = rec_scheduled(r, k);
			if (due.y == 0)
				break;
		}
		if (!contains(no, due))
			return emit(out, cap, 0, due, today);
	}
	return 0;
}

size_t rec_open_paused(const rec_rule *r, const date *resolved,
		       size_t n_resolved, const rec_pause *p, size_t n_pauses,
		       const date *last_done, date today, rec_occurrence *out,
		       size_t cap)
{
	not_owed no = {resolved, resolved ? n_resolved : 0, p,
		       p ? n_pauses : 0};

	if (!rec_valid(r) || rec_pause_on(no.pauses, no.n_pauses, today))
		return 0;
	if (!out)
		cap = 0;
	if (r->anchor == REC_ANCHOR_COMPLETION) {
		if (last_done && !is_real_date(*last_done))
			return 0;
		return open_by_completion(r, &no, last_done, today, out, cap);
	}
	return open_by_schedule(r, &no, today, out, cap);
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
