#include "config.h"

#include <string.h>

#include "model/drill.h"
#include "model/recurrence.h"

static const char *const check_columns[DRILL_CHECKS] = {
	"rto_met",          "rpo_met",           "switchover_ok",
	"data_complete",    "functions_ok",      "response_in_time",
	"teams_coordinated", "key_people",       "plan_complete",
};

const char *drill_check_column(drill_check c)
{
	return (unsigned)c < DRILL_CHECKS ? check_columns[c] : NULL;
}

bool drill_check_is_technical(drill_check c)
{
	return (unsigned)c < DRILL_TECH_CHECKS;
}

int drill_check_next(int v)
{
	return v == DRILL_UNSET ? DRILL_YES : v == DRILL_YES ? DRILL_NO
							     : DRILL_UNSET;
}

static const char *const mark_columns[DRILL_MARKS] = {
	"declared_at", "recovery_at", "restored_at"};

const char *drill_mark_column(drill_mark m)
{
	return (unsigned)m < DRILL_MARKS ? mark_columns[m] : NULL;
}

void drill_record_init(drill_record *d)
{
	memset(d, 0, sizeof *d);
	for (int i = 0; i < DRILL_CHECKS; i++)
		d->checks[i] = DRILL_UNSET;
	d->interruption = d->complaints = d->loss = BIA_UNSET;
}

void drill_summarise(const drill_record *d, drill_summary *out)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < DRILL_CHECKS; i++) {
		bool tech = drill_check_is_technical((drill_check)i);
		if (d->checks[i] == DRILL_YES) {
			out->passed++;
			if (tech)
				out->tech_passed++;
			else
				out->proc_passed++;
		} else if (d->checks[i] == DRILL_NO) {
			out->failed++;
			out->failed_bits |= 1u << i;
			if (tech)
				out->tech_failed++;
			else
				out->proc_failed++;
		} else {
			out->unset++;
		}
	}
}

static int64_t span(const drill_record *d, drill_mark a, drill_mark b)
{
	int64_t m;
	if (!d->marked[a] || !d->marked[b] ||
	    !verify_minutes_between(&d->at[a], &d->at[b], &m))
		return BIA_UNSET;
	return m;
}

void drill_measure(const drill_record *d, drill_times *out)
{
	out->response = span(d, DRILL_DECLARED, DRILL_RECOVERY);
	out->rta = span(d, DRILL_RECOVERY, DRILL_RESTORED);
	out->interruption = span(d, DRILL_DECLARED, DRILL_RESTORED);
}

drill_mark_problem drill_check_mark(const drill_record *d, drill_mark m,
				    const verify_time *at)
{
	if (d->marked[m])
		return DRILL_MARK_TWICE;
	if (m == DRILL_DECLARED)
		return DRILL_MARK_OK;
	if (!d->marked[m - 1])
		return DRILL_MARK_OUT_OF_ORDER;
	if (verify_time_cmp(at, &d->at[m - 1]) < 0)
		return DRILL_MARK_BEFORE;
	return DRILL_MARK_OK;
}

bool drill_finding_open(const drill_finding *f)
{
	return !f->done && f->task_status != TASK_DONE;
}

size_t drill_findings_open(const drill_finding *f, size_t n)
{
	size_t open = 0;
	for (size_t i = 0; i < n; i++)
		open += drill_finding_open(&f[i]);
	return open;
}

bool drill_finding_overdue(const drill_finding *f, date today)
{
	return drill_finding_open(f) && f->due.y && date_cmp(f->due, today) < 0;
}

int drill_finding_phase(bool has_programme, date start, date today)
{
	int phase;
	if (!has_programme)
		return 0;
	phase = plan_phase_on(start, today);
	if (phase == 0)
		return 1;
	return phase > PLAN_PHASES ? 0 : phase;
}

int64_t drill_system_rto(const bia_view *v, const char *name)
{
	for (size_t i = 0; v && i < v->d.n_systems; i++)
		if (strcmp(v->d.systems[i].name, name) == 0)
			return v->systems[i].need.rto;
	return BIA_UNSET;
}

int64_t drill_scope_rto(const bia_view *v, const drill_system_name *names,
			size_t n)
{
	int64_t best = BIA_UNSET;
	for (size_t i = 0; i < n; i++) {
		int64_t r = drill_system_rto(v, names[i]);
		if (r != BIA_UNSET && (best == BIA_UNSET || r < best))
			best = r;
	}
	return best;
}
