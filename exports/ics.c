#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/atomic.h"
#include "exports/ics.h"
#include "model/msg.h"
#include "model/recurrence.h"
#include "model/text.h"

/* Content lines are at most 75 octets, CRLF excluded (RFC 5545 3.1). */
#define ICS_LINE_OCTETS 75

/* The whole file is built in memory, then written in one go. */
typedef struct {
	char *buf;
	size_t len, cap;
	bool nomem;
	char stamp[24]; /* DTSTAMP value */
} ics_buf;

static void put_bytes(ics_buf *b, const char *s, size_t n)
{
	if (b->nomem)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;
		while (b->len + n + 1 > cap)
			cap *= 2;
		if (!(p = realloc(b->buf, cap))) {
			b->nomem = true;
			return;
		}
		b->buf = p;
		b->cap = cap;
	}
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

/* Writes one content line, folded: a line longer than 75 octets goes on
 * in continuation lines that start with a space, each cut before a UTF-8
 * character rather than inside one. line must be valid UTF-8. */
static void put_line(ics_buf *b, const char *line)
{
	size_t n = strlen(line), room = ICS_LINE_OCTETS;

	while (n > room) {
		size_t cut = room;
		/* Back up over continuation bytes (10xxxxxx). */
		while (cut > 1 && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		put_bytes(b, line, cut);
		put_bytes(b, "\r\n ", 3);
		line += cut;
		n -= cut;
		room = ICS_LINE_OCTETS - 1; /* the leading space counts */
	}
	put_bytes(b, line, n);
	put_bytes(b, "\r\n", 2);
}

/* A property whose value needs no escaping (dates, UIDs, keywords). */
static void put_prop(ics_buf *b, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	put_line(b, line);
}

/* name ":" value as a TEXT property: the value cleaned as on screen
 * (text_sanitize: control characters but newlines and bidi controls go,
 * tabs become spaces, invalid UTF-8 becomes U+FFFD), then backslash,
 * semicolon, comma and newline escaped (RFC 5545 3.3.11). */
static void put_text(ics_buf *b, const char *name, const char *value)
{
	char *clean, *line, *o;
	const char *v;
	size_t n;

	if (b->nomem)
		return;
	if (!(clean = text_sanitize(value ? value : "", true))) {
		b->nomem = true;
		return;
	}
	v = clean;
	n = strlen(name) + 1 + 2 * strlen(v) + 1;
	if (!(line = malloc(n))) {
		free(clean);
		b->nomem = true;
		return;
	}
	o = line + sprintf(line, "%s:", name);
	for (const char *p = v; *p; p++) {
		switch (*p) {
		case '\\':
		case ';':
		case ',':
			*o++ = '\\';
			*o++ = *p;
			break;
		case '\n':
			*o++ = '\\';
			*o++ = 'n';
			break;
		default:
			*o++ = *p;
			break;
		}
	}
	*o = '\0';
	put_line(b, line);
	free(line);
	free(clean);
}

static void format_ics_date(date d, char *out, size_t len)
{
	snprintf(out, len, "%04d%02d%02d", d.y, d.m, d.d);
}

/* One all-day event on day: UID, DTSTAMP, the day, summary, description. */
static void put_event(ics_buf *b, const char *uid, date day,
		      const char *summary, const char *description)
{
	char start[16], end[16];

	format_ics_date(day, start, sizeof start);
	format_ics_date(date_add_days(day, 1), end, sizeof end);
	put_line(b, "BEGIN:VEVENT");
	put_prop(b, "UID:%s", uid);
	put_prop(b, "DTSTAMP:%s", b->stamp);
	put_prop(b, "DTSTART;VALUE=DATE:%s", start);
	put_prop(b, "DTEND;VALUE=DATE:%s", end);
	put_text(b, "SUMMARY", summary);
	if (description && *description)
		put_text(b, "DESCRIPTION", description);
	put_line(b, "TRANSP:TRANSPARENT");
	put_line(b, "END:VEVENT");
}

static const char *status_text_of(task_status s)
{
	static const msg_id ids[] = {TASK_NOT_STARTED_TXT, TASK_IN_PROGRESS_TXT,
				     TASK_DONE_TXT, TASK_BLOCKED_TXT};
	return (unsigned)s < sizeof ids / sizeof ids[0] ? msg(ids[s]) : "";
}

static void put_task(ics_buf *b, const plan_task *t)
{
	/* The phase, status and owner, then the note. */
	char uid[64];
	char desc[TEXT_BYTES(TASK_OWNER_MAX) + TEXT_BYTES(TASK_NOTE_MAX) + 256];
	int n;

	snprintf(uid, sizeof uid, "task-%lld@moat", (long long)t->id);
	n = snprintf(desc, sizeof desc, msg(ICS_TASK_DESC_FMT), t->phase,
		     status_text_of(t->status),
		     *t->owner ? t->owner : msg(ICS_NO_OWNER));
	if (*t->note && n > 0 && (size_t)n < sizeof desc)
		snprintf(desc + n, sizeof desc - (size_t)n, "\n%s", t->note);
	put_event(b, uid, t->due, t->title, desc);
}

static void put_phase_ends(ics_buf *b, const agenda *a)
{
	for (int p = 1; p <= PLAN_PHASES; p++) {
		char uid[64], summary[128], desc[128];

		snprintf(uid, sizeof uid, "phase-%lld-%d@moat",
			 (long long)a->programme_id, p);
		snprintf(summary, sizeof summary, msg(ICS_PHASE_ENDS_FMT), p);
		snprintf(desc, sizeof desc, msg(ICS_PHASE_DESC_FMT),
			 a->progress.phase_done[p - 1],
			 a->progress.phase_total[p - 1]);
		put_event(b, uid, plan_phase_due(a->start, p), summary, desc);
	}
}

static void put_occurrence(ics_buf *b, const duty *d, date due, bool overdue,
			   const char *rule)
{
	char uid[96], ymd[16], summary[512];

	format_ics_date(due, ymd, sizeof ymd);
	snprintf(uid, sizeof uid, "duty-%lld-%s@moat", (long long)d->id, ymd);
	if (overdue)
		snprintf(summary, sizeof summary, msg(ICS_OVERDUE_FMT),
			 d->title);
	else
		snprintf(summary, sizeof summary, "%s", d->title);
	put_event(b, uid, due, summary, rule);
}

/* The open occurrences of d (st->open), then for schedule anchoring the
 * next ICS_AHEAD on the schedule, leaving out any already resolved (done
 * early) or in a pause. When the open ones did not all fit in st, the rest
 * are found on the schedule the same way rec_open does, from the one after
 * the last kept (not from the start of the schedule). ev (may be NULL):
 * d's history, newest due first; p: its pauses. */
static void put_duty(ics_buf *b, const duty *d, const duty_state *st,
		     const duty_event *ev, size_t n_ev, const rec_pause *p,
		     size_t n_p, date today)
{
	size_t kept = st->n_open < DUTY_MAX_OPEN ? st->n_open : DUTY_MAX_OPEN;
	size_t ahead = ICS_AHEAD;
	bool need_next = !st->has_next;
	date after = {0, 0, 0};
	char rule[256];

	duty_rule_words(&d->rule, true, rule, sizeof rule);
	for (size_t i = 0; i < kept; i++) {
		const rec_occurrence *o = &st->open[i];

		put_occurrence(b, d, o->due, o->overdue, rule);
		after = o->due;
	}
	if (d->rule.anchor != REC_ANCHOR_SCHEDULE || !kept)
		return;
	for (int k = rec_index_on_or_after(&d->rule, date_add_days(after, 1));
	     k >= 0 && ahead > 0 && !b->nomem; k++) {
		date due = rec_scheduled(&d->rule, k);
		bool overdue = date_cmp(due, today) < 0;
		const rec_pause *in = rec_pause_on(p, n_p, due);

		if (due.y == 0 || (in && !in->until.y))
			break; /* paused from here on */
		if (duty_recorded(ev, n_ev, due) || in)
			continue;
		put_occurrence(b, d, due, overdue, rule);
		if (overdue)
			continue; /* an open one beyond st's buffer */
		if (need_next)
			need_next = false;
		else
			ahead--;
	}
}

static void build(ics_buf *b, const agenda *a, const char *unit_name)
{
	char name[512];

	put_line(b, "BEGIN:VCALENDAR");
	put_line(b, "VERSION:2.0");
	put_line(b, "PRODID:-//moat//moat " PACKAGE_VERSION "//EN");
	put_line(b, "CALSCALE:GREGORIAN");
	put_line(b, "METHOD:PUBLISH");
	snprintf(name, sizeof name, msg(ICS_CALENDAR_NAME_FMT),
		 unit_name ? unit_name : "");
	put_text(b, "NAME", name);
	put_text(b, "X-WR-CALNAME", name);
	for (size_t t = 0; t < a->n_tasks; t++)
		put_task(b, &a->tasks[t]);
	if (a->has_programme)
		put_phase_ends(b, a);
	for (size_t d = 0; d < a->n_duties; d++)
		put_duty(b, &a->duties[d], &a->states[d],
			 a->events ? a->events[d] : NULL,
			 a->n_events ? a->n_events[d] : 0,
			 a->pauses ? a->pauses[d] : NULL,
			 a->n_pauses ? a->n_pauses[d] : 0, a->today);
	put_line(b, "END:VCALENDAR");
}

/* Writes the finished text to the temporary file. */
static moat_status write_file(const ics_buf *b, const char *tmp,
			      const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(tmp, "wb");
	bool ok;

	if (!f) {
		snprintf(err, errlen, "cannot write %s: %s", path,
			 strerror(errno));
		return ST_IO;
	}
	ok = fwrite(b->buf, 1, b->len, f) == b->len;
	ok = fflush(f) == 0 && ok;
	if (!ok)
		snprintf(err, errlen, "cannot write %s: %s", path,
			 strerror(errno));
	if (fclose(f) != 0 && ok) {
		snprintf(err, errlen, "cannot write %s: %s", path,
			 strerror(errno));
		ok = false;
	}
	return ok ? ST_OK : ST_IO;
}

moat_status ics_export(const agenda *a, const char *unit_name, const char *path,
		       date today, char *err, size_t errlen)
{
	ics_buf b = {0};
	char tmp[4096];
	moat_status st;

	if (!a || !path || !*path || (a->n_duties && !a->states)) {
		snprintf(err, errlen, "calendar: no data or no file name");
		return ST_INVALID;
	}
	snprintf(b.stamp, sizeof b.stamp, "%04d%02d%02dT000000Z", today.y,
		 today.m, today.d);
	build(&b, a, unit_name);
	if (b.nomem) {
		free(b.buf);
		snprintf(err, errlen, "cannot write %s: out of memory", path);
		return ST_NOMEM;
	}
	if ((st = atomic_begin(path, tmp, sizeof tmp, err, errlen))) {
		free(b.buf);
		return st;
	}
	st = write_file(&b, tmp, path, err, errlen);
	free(b.buf);
	if (st) {
		atomic_abort(tmp);
		return st;
	}
	return atomic_commit(tmp, path, err, errlen);
}
