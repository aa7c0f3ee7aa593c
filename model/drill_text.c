#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/drill_text.h"
#include "model/money.h"
#include "model/msg.h"
#include "model/text.h"
#include "model/verify_text.h"

static const msg_id check_ids[DRILL_CHECKS] = {
	DRILL_C_RTO, DRILL_C_RPO, DRILL_C_SWITCHOVER,
	DRILL_C_DATA, DRILL_C_FUNCTIONS, DRILL_C_RESPONSE,
	DRILL_C_TEAMS, DRILL_C_PEOPLE, DRILL_C_PLAN,
};

const char *drill_check_text(drill_check c)
{
	return (unsigned)c < DRILL_CHECKS ? msg(check_ids[c]) : "";
}

const char *drill_answer_text(int v)
{
	return msg(v == DRILL_YES ? DRILL_ANSWER_YES
		   : v == DRILL_NO ? DRILL_ANSWER_NO
				   : DRILL_ANSWER_UNSET);
}

const char *drill_answer_mark(int v)
{
	return v == DRILL_YES ? "✓" : v == DRILL_NO ? "✗" : "·";
}

const char *drill_grade_text(drill_grade g)
{
	static const msg_id ids[DRILL_GRADES] = {DRILL_GRADE_LOW,
						 DRILL_GRADE_MEDIUM,
						 DRILL_GRADE_HIGH};
	return (unsigned)g < DRILL_GRADES ? msg(ids[g]) : "";
}

const char *drill_mark_text(drill_mark m)
{
	static const msg_id ids[DRILL_MARKS] = {DRILL_MARK_DECLARED,
						DRILL_MARK_RECOVERY,
						DRILL_MARK_RESTORED};
	return (unsigned)m < DRILL_MARKS ? msg(ids[m]) : "";
}

const char *drill_type_text(const drill_reference *r, const char *key)
{
	const drill_type *t = drill_reference_type(r, key);
	return t ? t->name : key;
}

const drill_scenario *drill_find_scenario(const drill_reference *r,
					  const drill_scenario *own,
					  size_t n_own, const char *name)
{
	for (size_t i = 0; i < r->n_scenarios; i++)
		if (strcmp(r->scenarios[i].name, name) == 0)
			return &r->scenarios[i];
	for (size_t i = 0; own && i < n_own; i++)
		if (strcmp(own[i].name, name) == 0)
			return &own[i];
	return NULL;
}

void drill_summary_text(const drill_summary *m, char *out, size_t len)
{
	size_t n = (size_t)snprintf(out, len, msg(DRILL_SUMMARY_FMT), m->passed,
				    (size_t)DRILL_CHECKS, m->failed);
	if (m->unset && n < len)
		snprintf(out + n, len - n, msg(DRILL_SUMMARY_UNSET_FMT), m->unset);
}

static const char *task_text(int status)
{
	static const msg_id ids[TASK_STATUS_COUNT] = {
		TASK_NOT_STARTED_TXT, TASK_IN_PROGRESS_TXT, TASK_DONE_TXT,
		TASK_BLOCKED_TXT};
	return status >= 0 && status < TASK_STATUS_COUNT ? msg(ids[status]) : "";
}

void drill_finding_state_text(const drill_finding *f, date today, char *out,
			      size_t len)
{
	const char *state = msg(!drill_finding_open(f) ? DRILL_FINDING_DONE
				: drill_finding_overdue(f, today)
					? DRILL_FINDING_OVERDUE
					: DRILL_FINDING_OPEN);
	if (f->task_status >= 0)
		snprintf(out, len, msg(DRILL_FINDING_TASK_FMT), state,
			 task_text(f->task_status));
	else
		snprintf(out, len, "%s", state);
}

/* ---- The report ---- */

typedef struct {
	char *buf;
	size_t len, cap;
	int cols;
	bool failed;
} page;

static void put(page *p, const char *s, size_t n)
{
	if (p->failed)
		return;
	if (p->len + n + 1 > p->cap) {
		size_t cap = (p->cap ? p->cap * 2 : 4096) + n;
		char *more = realloc(p->buf, cap);
		if (!more) {
			p->failed = true;
			return;
		}
		p->buf = more;
		p->cap = cap;
	}
	memcpy(p->buf + p->len, s, n);
	p->len += n;
	p->buf[p->len] = '\0';
}

/* One paragraph, wrapped to the page with indent spaces before every
 * line after the first (and the first too when lead is set). */
static void para(page *p, int indent, const char *text)
{
	text_line lines[64];
	size_t n = 0;
	char *clean = text_sanitize(text, false);
	static const char spaces[] = "                ";

	if (!clean) {
		p->failed = true;
		return;
	}
	if (!text_wrap(clean, p->cols - indent, lines, 64, &n)) {
		free(clean);
		p->failed = true;
		return;
	}
	if (n > 64)
		n = 64;
	for (size_t i = 0; i < n; i++) {
		put(p, spaces, (size_t)indent);
		put(p, clean + lines[i].off, lines[i].len);
		put(p, "\n", 1);
	}
	if (n == 0)
		put(p, "\n", 1);
	free(clean);
}

static void paraf(page *p, int indent, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void paraf(page *p, int indent, const char *fmt, ...)
{
	char line[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	para(p, indent, line);
}

static void times_part(page *p, const drill_full *f, const int64_t *rtos)
{
	drill_times t;
	char when[32], a[256], b[64];

	drill_measure(&f->d, &t);
	para(p, 0, msg(DRILL_R_TIMES));
	for (int m = 0; m < DRILL_MARKS; m++) {
		if (f->d.marked[m])
			verify_format_time(&f->d.at[m], when, sizeof when);
		else
			snprintf(when, sizeof when, "%s", msg(DRILL_ANSWER_UNSET));
		paraf(p, 2, msg(DRILL_LABEL_FMT), drill_mark_text((drill_mark)m), when);
	}
	if (t.response != BIA_UNSET) {
		bia_minutes_format(t.response, b, sizeof b);
		paraf(p, 2, msg(DRILL_R_RESPONSE_FMT), b);
	}
	for (size_t i = 0; i < f->n_systems; i++) {
		verify_judgement_text("RTA", "RTO", t.rta, rtos ? rtos[i] : BIA_UNSET,
				      a, sizeof a);
		paraf(p, 2, msg(DRILL_LABEL_FMT), f->systems[i], a);
	}
	if (!f->n_systems) {
		verify_judgement_text("RTA", "RTO", t.rta, BIA_UNSET, a, sizeof a);
		paraf(p, 2, "%s", a);
	}
}

static void evaluation_part(page *p, const drill_full *f, const char *currency)
{
	drill_summary m;
	char line[256], v[64];

	drill_summarise(&f->d, &m);
	drill_summary_text(&m, line, sizeof line);
	paraf(p, 0, msg(DRILL_LABEL_FMT), msg(DRILL_R_EVALUATION), line);
	for (int i = 0; i < DRILL_CHECKS; i++) {
		if (i == 0 || i == DRILL_TECH_CHECKS)
			para(p, 2, msg(i ? DRILL_R_PROCESS : DRILL_R_TECHNICAL));
		paraf(p, 4, "%s %s: %s", drill_answer_mark(f->d.checks[i]),
		      drill_check_text((drill_check)i),
		      drill_answer_text(f->d.checks[i]));
	}
	para(p, 2, msg(DRILL_R_BUSINESS));
	if (f->d.interruption != BIA_UNSET)
		bia_minutes_format(f->d.interruption, v, sizeof v);
	else
		snprintf(v, sizeof v, "%s", msg(DRILL_ANSWER_UNSET));
	paraf(p, 4, msg(DRILL_LABEL_FMT), msg(DRILL_B_INTERRUPTION), v);
	if (f->d.complaints != BIA_UNSET)
		snprintf(v, sizeof v, "%" PRId64, f->d.complaints);
	else
		snprintf(v, sizeof v, "%s", msg(DRILL_ANSWER_UNSET));
	paraf(p, 4, msg(DRILL_LABEL_FMT), msg(DRILL_B_COMPLAINTS), v);
	if (f->d.loss != BIA_UNSET) {
		money_format(f->d.loss, v, sizeof v);
		paraf(p, 4, "%s: %s %s", msg(DRILL_B_LOSS), v, currency);
	} else {
		paraf(p, 4, msg(DRILL_LABEL_FMT), msg(DRILL_B_LOSS), msg(DRILL_ANSWER_UNSET));
	}
}

static void findings_part(page *p, const drill_full *f, date today)
{
	char state[128], due[16];
	size_t open = drill_findings_open(f->findings, f->n_findings);

	paraf(p, 0, msg(DRILL_R_FINDINGS_FMT), f->n_findings, open);
	for (size_t i = 0; i < f->n_findings; i++) {
		const drill_finding *x = &f->findings[i];
		drill_finding_state_text(x, today, state, sizeof state);
		if (x->due.y)
			date_format(x->due, due, sizeof due);
		else
			snprintf(due, sizeof due, "%s", msg(DRILL_ANSWER_UNSET));
		paraf(p, 2, "%zu. [%s] %s", i + 1, drill_grade_text(x->severity),
		      x->text);
		paraf(p, 5, msg(DRILL_R_FINDING_FMT),
		      x->owner[0] ? x->owner : msg(DRILL_ANSWER_UNSET), due, state);
	}
}

char *drill_report(const drill_full *f, const drill_reference *r,
		   const drill_scenario *own, size_t n_own, const int64_t *rtos,
		   const char *currency, date today, int cols)
{
	page p = {NULL, 0, 0, cols < 20 ? 20 : cols, false};
	const drill_scenario *sc =
		drill_find_scenario(r, own, n_own, f->d.scenario);
	char day[16], systems[2048] = "";
	size_t used = 0;

	date_format(f->d.held_on, day, sizeof day);
	paraf(&p, 0, msg(DRILL_R_TITLE_FMT), (long long)f->d.id);
	paraf(&p, 0, "%s · %s · %s", drill_type_text(r, f->d.type), day,
	      f->d.scenario[0] ? f->d.scenario : msg(DRILL_ANSWER_UNSET));
	put(&p, "\n", 1);
	para(&p, 0, msg(DRILL_R_TESTED));
	if (sc) {
		paraf(&p, 2, msg(DRILL_LABEL_FMT), msg(DRILL_F_TRIGGER), sc->trigger);
		paraf(&p, 2, msg(DRILL_LABEL_FMT), msg(DRILL_F_TESTS), sc->tests);
	}
	for (size_t i = 0; i < f->n_systems && used < sizeof systems; i++)
		used += (size_t)snprintf(systems + used, sizeof systems - used,
					 "%s%s", i ? msg(DRILL_LIST_SEP) : "",
					 f->systems[i]);
	paraf(&p, 2, msg(DRILL_LABEL_FMT), msg(DRILL_R_SYSTEMS),
	      used ? systems : msg(DRILL_ANSWER_UNSET));
	paraf(&p, 2, msg(DRILL_LABEL_FMT), msg(DRILL_F_PARTICIPANTS),
	      f->d.participants[0] ? f->d.participants : msg(DRILL_ANSWER_UNSET));
	paraf(&p, 2, msg(DRILL_LABEL_FMT), msg(DRILL_F_OBJECTIVES),
	      f->d.objectives[0] ? f->d.objectives : msg(DRILL_ANSWER_UNSET));
	put(&p, "\n", 1);
	times_part(&p, f, rtos);
	put(&p, "\n", 1);
	evaluation_part(&p, f, currency);
	put(&p, "\n", 1);
	findings_part(&p, f, today);
	if (p.failed) {
		free(p.buf);
		return NULL;
	}
	return p.buf;
}
