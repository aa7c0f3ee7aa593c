#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/incident.h"

static const char *const kinds[] = {"action", "decision", "declared",
				    "step", "restored", "closed"};

const char *inc_kind_key(inc_kind k)
{
	return (unsigned)k < sizeof kinds / sizeof kinds[0] ? kinds[k] : "action";
}

msg_id inc_kind_msg(inc_kind k)
{
	static const msg_id words[] = {INC_KIND_ACTION, INC_KIND_DECISION,
				       INC_KIND_DECLARED, INC_KIND_STEP,
				       INC_KIND_RESTORED, INC_KIND_CLOSED};
	return (unsigned)k < sizeof words / sizeof words[0] ? words[k]
							    : INC_KIND_ACTION;
}

bool inc_parse_kind(const char *s, inc_kind *out)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(s, kinds[i]) == 0) {
			*out = (inc_kind)i;
			return true;
		}
	return false;
}

void incident_record_free(incident_record *r)
{
	free(r->done);
	free(r->log);
	free(r->improvements);
	memset(r, 0, sizeof *r);
}

static int64_t minutes_from(const verify_time *a, const verify_time *b)
{
	int64_t m;
	if (verify_minutes_between(a, b, &m))
		return m;
	if (verify_minutes_between(b, a, &m))
		return -m;
	return 0;
}

void inc_steps_view(const resp_reference *r, const incident_record *rec,
		    const verify_time *now, inc_step_view *out)
{
	const verify_time *restored =
		rec->inc.restored ? &rec->inc.restored_at : NULL;
	for (size_t i = 0; i < r->n_steps; i++) {
		inc_step_view *v = &out[i];
		memset(v, 0, sizeof *v);
		v->step = &r->steps[i];
		for (size_t k = 0; k < rec->n_done; k++)
			if (strcmp(rec->done[k].step, v->step->key) == 0)
				v->done = &rec->done[k];
		v->has_deadline = resp_step_deadline(v->step, &rec->inc.declared,
						     restored, &v->deadline);
		if (v->has_deadline)
			v->minutes_left = minutes_from(now, &v->deadline);
		if (v->done)
			v->status = v->has_deadline &&
					    verify_time_cmp(&v->done->at, &v->deadline) > 0
					    ? STEP_DONE_LATE
					    : STEP_DONE;
		else if (v->has_deadline)
			v->status = v->minutes_left < 0 ? STEP_LATE : STEP_OPEN;
		else
			v->status = v->step->minutes >= 0 ? STEP_WAITING : STEP_NO_LIMIT;
	}
}

bool inc_next_report(const resp_reference *r, const incident_record *rec,
		     const verify_time *now, verify_time *out)
{
	if (rec->inc.restored || rec->inc.closed)
		return false;
	for (size_t i = 0; i < r->n_steps; i++) {
		const resp_step *st = &r->steps[i];
		int64_t since = minutes_from(&rec->inc.declared, now);
		int k;
		if (st->report_every <= 0)
			continue;
		k = since < 0 ? 1 : (int)(since / st->report_every) + 1;
		return resp_report_due(st, &rec->inc.declared, k, out);
	}
	return false;
}

size_t inc_split_improvements(const char *text,
			      char out[][TEXT_BYTES(INC_IMPROVEMENT_MAX)],
			      size_t max)
{
	size_t n = 0;
	const char *p = text;
	while (*p && n < max) {
		size_t len = strcspn(p, "\n");
		char line[TEXT_BYTES(INC_TEXT_MAX)];
		snprintf(line, sizeof line, "%.*s", (int)len, p);
		text_trim(line);
		if (*line) {
			/* Whole characters: they fit out[] by TEXT_BYTES. */
			size_t kept = text_cut_chars(line, INC_IMPROVEMENT_MAX);
			memcpy(out[n++], line, kept + 1);
		}
		p += len + (p[len] == '\n');
	}
	return n;
}

verify_time inc_now(date today)
{
	time_t t = time(NULL);
	struct tm tm;
	verify_time v = {today, 0, 0};
	if (localtime_r(&t, &tm)) {
		v.hour = tm.tm_hour;
		v.minute = tm.tm_min;
	}
	return v;
}

void inc_step_words(const inc_step_view *v, char *out, size_t len)
{
	char when[32], at[32];
	if (v->has_deadline)
		verify_format_time(&v->deadline, when, sizeof when);
	if (v->done)
		verify_format_time(&v->done->at, at, sizeof at);
	switch (v->status) {
	case STEP_OPEN:
		snprintf(out, len, msg(INC_ST_OPEN_FMT), when, (long long)v->minutes_left);
		return;
	case STEP_LATE:
		snprintf(out, len, msg(INC_ST_LATE_FMT), when, (long long)-v->minutes_left);
		return;
	case STEP_WAITING:
		snprintf(out, len, "%s", msg(INC_ST_WAITING));
		return;
	case STEP_NO_LIMIT:
		snprintf(out, len, "%s", msg(INC_ST_NO_LIMIT));
		return;
	case STEP_DONE:
		snprintf(out, len, msg(INC_ST_DONE_FMT), at, v->done->by);
		return;
	case STEP_DONE_LATE:
		snprintf(out, len, msg(INC_ST_DONE_LATE_FMT), at, v->done->by, when);
		return;
	}
}

