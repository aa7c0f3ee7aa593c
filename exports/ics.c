#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/atomic.h"
#include "exports/ics.h"
#include "model/ics_rule.h"
#include "model/msg.h"
#include "model/random.h"
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
	int64_t unit_id;
	const char *db_id;
} ics_buf;

/* "<kind>-<id>[-<n>]-u<unit>-<database>@moat": unique across objects,
 * units and databases (see ics.h). */
#define UID_MAX (64 + RANDOM_UUID_LEN + 32)

static void make_uid(const ics_buf *b, char *out, size_t len,
		     const char *kind, int64_t id, int n)
{
	char part[16] = "";

	if (n)
		snprintf(part, sizeof part, "-%d", n);
	snprintf(out, len, "%s-%lld%s-u%lld-%s@moat", kind, (long long)id, part,
		 (long long)b->unit_id, b->db_id);
}

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

/* The start of an all-day event on day: UID, DTSTAMP, the day. */
static void event_begin(ics_buf *b, const char *uid, date day)
{
	char start[16], end[16];

	format_ics_date(day, start, sizeof start);
	format_ics_date(date_add_days(day, 1), end, sizeof end);
	put_line(b, "BEGIN:VEVENT");
	put_prop(b, "UID:%s", uid);
	put_prop(b, "DTSTAMP:%s", b->stamp);
	put_prop(b, "DTSTART;VALUE=DATE:%s", start);
	put_prop(b, "DTEND;VALUE=DATE:%s", end);
}

/* The end of an event: summary, description. */
static void event_end(ics_buf *b, const char *summary,
		      const char *description)
{
	put_text(b, "SUMMARY", summary);
	if (description && *description)
		put_text(b, "DESCRIPTION", description);
	put_line(b, "TRANSP:TRANSPARENT");
	put_line(b, "END:VEVENT");
}

/* One all-day event on day. */
static void put_event(ics_buf *b, const char *uid, date day,
		      const char *summary, const char *description)
{
	event_begin(b, uid, day);
	event_end(b, summary, description);
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
	char uid[UID_MAX];
	char desc[TEXT_BYTES(TASK_OWNER_MAX) + TEXT_BYTES(TASK_NOTE_MAX) + 256];
	int n;

	make_uid(b, uid, sizeof uid, "task", t->id, 0);
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
		char uid[UID_MAX], summary[128], desc[128];

		make_uid(b, uid, sizeof uid, "phase", a->programme_id, p);
		snprintf(summary, sizeof summary, msg(ICS_PHASE_ENDS_FMT), p);
		snprintf(desc, sizeof desc, msg(ICS_PHASE_DESC_FMT),
			 a->progress.phase_done[p - 1],
			 a->progress.phase_total[p - 1]);
		put_event(b, uid, plan_phase_due(a->start, p), summary, desc);
	}
}

/* Whether due is an occurrence of r's schedule (a record may resolve a
 * date that a changed rule no longer has). */
static bool on_schedule(const rec_rule *r, date due)
{
	int k = rec_index_on_or_after(r, due);

	return k >= 0 && date_cmp(rec_scheduled(r, k), due) == 0;
}

/* A growing list of dates (the EXDATEs of a duty). */
typedef struct {
	date *v;
	size_t n, cap;
} date_list;

static void add_date(ics_buf *b, date_list *l, date d)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		date *v = realloc(l->v, cap * sizeof *v);

		if (!v) {
			b->nomem = true;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = d;
}

static int by_date(const void *x, const void *y)
{
	return date_cmp(*(const date *)x, *(const date *)y);
}

/* The day before the pause that has not ended, when it begins after
 * first: the series stops there (UNTIL). "No date" when there is none. */
static date series_until(const rec_pause *p, size_t n_p, date first)
{
	for (size_t i = 0; i < n_p; i++)
		if (!p[i].until.y && date_cmp(p[i].from, first) > 0)
			return date_add_days(p[i].from, -1);
	return (date){0, 0, 0};
}

static bool in_series(date due, date first, date until)
{
	return date_cmp(due, first) >= 0 &&
	       (!until.y || date_cmp(due, until) <= 0);
}

/* What the series from first (to until) must leave out: the skipped
 * occurrences, and those due in an ended pause that nothing recorded (a
 * recorded one is shown as recorded). Sorted, each once. */
static void exdates(ics_buf *b, const duty *d, const duty_event *ev,
		    size_t n_ev, const rec_pause *p, size_t n_p, date first,
		    date until, date_list *out)
{
	for (size_t i = 0; i < n_ev; i++)
		if (ev[i].skipped && in_series(ev[i].due, first, until) &&
		    on_schedule(&d->rule, ev[i].due))
			add_date(b, out, ev[i].due);
	for (size_t i = 0; i < n_p; i++) {
		date from = date_cmp(p[i].from, first) > 0 ? p[i].from : first;

		if (!p[i].until.y)
			continue; /* the series ends before it (UNTIL) */
		for (int k = rec_index_on_or_after(&d->rule, from); k >= 0; k++) {
			date due = rec_scheduled(&d->rule, k);

			if (!due.y || date_cmp(due, p[i].until) >= 0 ||
			    !in_series(due, first, until) || b->nomem)
				break;
			if (!duty_recorded(ev, n_ev, due))
				add_date(b, out, due);
		}
	}
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, by_date);
}

/* A done occurrence of the series: an override of its instance
 * (RECURRENCE-ID, the date it was due) on the day it was done, which may
 * be another day. */
static void put_done(ics_buf *b, const char *uid, const duty *d,
		     const duty_event *e, const char *rule)
{
	char due[16], done_day[16], desc[512];
	date on = e->on.y ? e->on : e->due;

	format_ics_date(e->due, due, sizeof due);
	date_format(on, done_day, sizeof done_day);
	snprintf(desc, sizeof desc, "%s\n", rule);
	snprintf(desc + strlen(desc), sizeof desc - strlen(desc),
		 msg(ICS_DONE_FMT), done_day);
	event_begin(b, uid, on);
	put_prop(b, "RECURRENCE-ID;VALUE=DATE:%s", due);
	event_end(b, d->title, desc);
}

/* One duty. Nothing when nothing is open (paused today). Completion
 * anchoring: its one open occurrence. Schedule anchoring: one series
 * from the oldest open occurrence, as the header says. ev: d's history,
 * newest due first; p: its pauses. */
static void put_duty(ics_buf *b, const duty *d, const duty_state *st,
		     const duty_event *ev, size_t n_ev, const rec_pause *p,
		     size_t n_p)
{
	char uid[UID_MAX], rule[256], rrule[ICS_RRULE_MAX];
	date first, until;
	date_list ex = {NULL, 0, 0};

	if (!st->n_open)
		return;
	first = st->open[0].due;
	make_uid(b, uid, sizeof uid, "duty", d->id, 0);
	duty_rule_words(&d->rule, true, rule, sizeof rule);
	if (d->rule.anchor != REC_ANCHOR_SCHEDULE) {
		put_event(b, uid, first, d->title, rule);
		return;
	}
	until = series_until(p, n_p, first);
	if (!ics_rrule(&d->rule, first, until, rrule, sizeof rrule)) {
		put_event(b, uid, first, d->title, rule); /* not reached */
		return;
	}
	exdates(b, d, ev, n_ev, p, n_p, first, until, &ex);
	event_begin(b, uid, first);
	put_prop(b, "RRULE:%s", rrule);
	for (size_t i = 0; i < ex.n; i++) {
		char day[16];

		if (i && !date_cmp(ex.v[i], ex.v[i - 1]))
			continue;
		format_ics_date(ex.v[i], day, sizeof day);
		put_prop(b, "EXDATE;VALUE=DATE:%s", day);
	}
	free(ex.v);
	event_end(b, d->title, rule);
	/* Oldest first, so the file reads in order. */
	for (size_t i = n_ev; i-- > 0;)
		if (!ev[i].skipped && in_series(ev[i].due, first, until) &&
		    on_schedule(&d->rule, ev[i].due))
			put_done(b, uid, d, &ev[i], rule);
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
			 a->n_pauses ? a->n_pauses[d] : 0);
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

/* A database identity fit for a UID: letters, digits and '-'. */
static bool id_ok(const char *id)
{
	if (!id || !*id || strlen(id) > RANDOM_UUID_LEN)
		return false;
	for (; *id; id++)
		if (!((*id >= '0' && *id <= '9') || (*id >= 'a' && *id <= 'z') ||
		      (*id >= 'A' && *id <= 'Z') || *id == '-'))
			return false;
	return true;
}

moat_status ics_export(const agenda *a, int64_t unit_id, const char *db_id,
		       const char *unit_name, const char *path, date today,
		       char *err, size_t errlen)
{
	ics_buf b = {0};
	char tmp[4096];
	moat_status st;

	if (!a || !path || !*path || (a->n_duties && !a->states)) {
		snprintf(err, errlen, "calendar: no data or no file name");
		return ST_INVALID;
	}
	if (!id_ok(db_id)) {
		snprintf(err, errlen, "calendar: no usable database identity");
		return ST_INVALID;
	}
	b.unit_id = unit_id;
	b.db_id = db_id;
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
