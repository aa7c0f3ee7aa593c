#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/report.h"
#include "model/store_incident.h"
#include "model/store_response.h"
#include "model/user.h"
#include "tui/cli.h"

/* `moat card`: the response card for a printer or a phone screen. */

int cli_card(store *s, const questionnaire *q, const cli_options *o,
	     const char *db_path, FILE *out, FILE *err)
{
	resp_level levels[RESP_LEVELS];
	resp_contact *contacts = NULL;
	size_t n = 0;
	unit u;
	report r;
	char user[64], *text = NULL;
	int64_t version = 1, print_id;
	moat_status st;
	int rc = cli_load_current(s, q, o, db_path, &r, err);

	if (rc)
		return rc;
	user_name(user, sizeof user);
	if ((st = store_unit_get(s, r.assessment.unit_id, &u)) ||
	    (st = store_response_levels(s, u.id, &q->response, levels)) ||
	    (st = store_contacts(s, u.id, &contacts, &n)) ||
	    (st = store_card_sync(s, u.id, &q->response, user, &version))) {
		fprintf(err, "moat: %s\n", store_errmsg(s));
		free(contacts);
		report_free(&r);
		return EXIT_FAIL;
	}
	resp_card card = {u.name, o->level, version, o->today, levels, contacts, n};
	st = resp_card_text(&q->response, &card, &text);
	free(contacts);
	report_free(&r);
	if (st) {
		fprintf(err, "moat: out of memory\n");
		return EXIT_FAIL;
	}
	fputs(text, out);
	free(text);
	if (store_read_only(s))
		fprintf(err, "moat: %s\n", msg(RESP_PRINT_NOT_RECORDED));
	else if (store_card_print(s, u.id, version, o->level, msg_lang_dir(o->lang),
				  o->today, user, &print_id))
		fprintf(err, "moat: %s\n", store_errmsg(s));
	return EXIT_OK;
}

/* ---- `moat incident` ---- */

static void put_line(FILE *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void put_line(FILE *out, const char *fmt, ...)
{
	char line[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	cli_put_clean(out, line);
	fputc('\n', out);
}

/* The incident as text: head, steps with deadlines as of now, log. */
static void print_incident(FILE *out, const resp_reference *r,
			   const resp_level *levels, const incident_record *rec,
			   const verify_time *now)
{
	const incident *inc = &rec->inc;
	const resp_level *l = &levels[inc->level - 1];
	inc_step_view v[RESP_MAX_STEPS];
	char label[512], t[32], u[32], span[64], state[512];
	int64_t m;

	resp_level_label(l, label, sizeof label);
	verify_format_time(&inc->declared, t, sizeof t);
	put_line(out, msg(INC_HEAD_FMT), (long long)inc->id, inc->system, label, t,
		 inc->declared_by, (long long)inc->card_version);
	put_line(out, msg(RESP_CARD_LEVEL_RESPONSE_FMT), l->words, l->decision);
	if (inc->restored) {
		verify_format_time(&inc->restored_at, u, sizeof u);
		if (!verify_minutes_between(&inc->declared, &inc->restored_at, &m))
			m = 0;
		bia_minutes_format(m, span, sizeof span);
		put_line(out, msg(INC_RESTORED_AT_FMT), u, span);
	}
	if (inc->closed) {
		verify_format_time(&inc->closed_at, u, sizeof u);
		put_line(out, msg(INC_CLOSED_AT_FMT), u, inc->root_cause,
			 inc->data_loss[0] ? inc->data_loss : "—");
		put_line(out, msg(INC_IN_LEDGER_FMT), span);
	}
	verify_format_time(now, t, sizeof t);
	put_line(out, msg(INC_STEPS_AT_FMT), t);
	inc_steps_view(r, rec, now, v);
	for (size_t i = 0; i < r->n_steps; i++) {
		inc_step_words(&v[i], state, sizeof state);
		put_line(out, msg(INC_STEP_LINE_FMT), v[i].done ? "[x]" : "[ ]", i + 1,
			 v[i].step->title, v[i].step->limit, state);
	}
	if (!inc->closed) {
		verify_time next;
		if (inc_next_report(r, rec, now, &next)) {
			verify_format_time(&next, t, sizeof t);
			put_line(out, msg(INC_NEXT_REPORT_FMT), t);
		}
	}
	put_line(out, "%s", msg(INC_LOG_HEAD));
	for (size_t i = 0; i < rec->n_log; i++) {
		const inc_entry *e = &rec->log[i];
		char why[TEXT_BYTES(INC_TEXT_MAX) + 64] = "";
		if (e->why[0] && e->kind != INC_STEP)
			snprintf(why, sizeof why, msg(INC_WHY_FMT), e->why);
		const resp_step *done = e->kind == INC_STEP ? resp_step_find(r, e->why)
							    : NULL;
		verify_format_time(&e->at, t, sizeof t);
		if (e->what[0])
			put_line(out, msg(INC_LOG_LINE_FMT), t, e->who,
				 msg(inc_kind_msg(e->kind)), done ? done->title : e->what,
				 why);
		else
			put_line(out, "%s  %s  %s", t, e->who, msg(inc_kind_msg(e->kind)));
	}
	if (rec->n_improvements)
		put_line(out, "%s", msg(INC_IMPROVEMENTS_HEAD));
	for (size_t i = 0; i < rec->n_improvements; i++)
		put_line(out, msg(rec->improvements[i].task_id ? INC_IMPROVEMENT_TASK_FMT
							      : INC_IMPROVEMENT_NO_TASK_FMT),
			 rec->improvements[i].text);
}

/* The step of the card with this key or title; NULL (with the keys said
 * on err) when there is none. */
static const resp_step *step_named(const resp_reference *r, const char *name,
				   FILE *err)
{
	char keys[512] = "";
	size_t used = 0;
	for (size_t i = 0; i < r->n_steps; i++)
		if (strcmp(r->steps[i].key, name) == 0 ||
		    strcmp(r->steps[i].title, name) == 0)
			return &r->steps[i];
	for (size_t i = 0; i < r->n_steps && used < sizeof keys; i++)
		used += (size_t)snprintf(keys + used, sizeof keys - used, "%s%s",
					 i ? ", " : "", r->steps[i].key);
	fprintf(err, "moat: ");
	fprintf(err, msg(INC_UNKNOWN_STEP_FMT), name, keys);
	fputc('\n', err);
	return NULL;
}

/* The writes o asks for on incident id at *at. */
static moat_status incident_write(store *s, const questionnaire *q,
				  const cli_options *o, int64_t id,
				  const verify_time *at, const char *user, FILE *err)
{
	const cli_incident_args *ia = &o->incident;
	moat_status st = ST_OK;

	if (o->command == CMD_INCIDENT_CLOSE) {
		char imp[INC_MAX_IMPROVEMENTS][TEXT_BYTES(INC_IMPROVEMENT_MAX)];
		size_t n = 0;
		for (size_t i = 0; i < ia->n_improvements; i++)
			n += inc_split_improvements(ia->improvements[i], imp + n,
						    INC_MAX_IMPROVEMENTS - n);
		return store_incident_close(s, id, at,
					    ia->has_restored ? &ia->restored : NULL,
					    ia->data_loss ? ia->data_loss : "",
					    ia->root_cause, (const char (*)[TEXT_BYTES(
						    INC_IMPROVEMENT_MAX)])imp, n,
					    "emergency_plan", user);
	}
	if (ia->step) {
		const resp_step *rs = step_named(&q->response, ia->step, err);
		if (!rs)
			return ST_NOT_FOUND;
		st = store_incident_step(s, id, rs->key, rs->title, at, user);
	}
	if (!st && ia->what)
		st = store_incident_note(s, id, ia->decision ? INC_DECISION : INC_ACTION,
					 at, ia->what, ia->why ? ia->why : "", user);
	if (!st && ia->has_restored)
		st = store_incident_restored(s, id, &ia->restored, user);
	return st;
}

int cli_incident(store *s, const questionnaire *q, const cli_options *o,
		 const char *db_path, FILE *out, FILE *err)
{
	const cli_incident_args *ia = &o->incident;
	resp_level levels[RESP_LEVELS];
	incident_record rec;
	report r;
	char user[64];
	int64_t id = ia->id, version = 1;
	bool found = true;
	verify_time at = ia->has_at ? ia->at : inc_now(o->today);
	moat_status st;
	int rc = cli_load_current(s, q, o, db_path, &r, err);
	int64_t unit_id = r.assessment.unit_id;

	if (rc)
		return rc;
	report_free(&r);
	user_name(user, sizeof user);
	if ((st = store_response_levels(s, unit_id, &q->response, levels)))
		goto failed;
	if (o->command == CMD_INCIDENT_DECLARE) {
		if ((st = store_card_sync(s, unit_id, &q->response, user, &version)) ||
		    (st = store_incident_declare(s, unit_id, o->verify.system, o->level,
						 &at, version, user, &id)))
			goto failed;
		put_line(out, msg(INC_DECLARED_FMT), (long long)id);
	} else if (!id && (st = store_incident_open(s, unit_id, &id, &found))) {
		goto failed;
	}
	if (!found) {
		fprintf(err, "moat: %s\n", msg(INC_NONE_OPEN));
		return EXIT_FAIL;
	}
	if (o->command == CMD_INCIDENT_LOG || o->command == CMD_INCIDENT_CLOSE) {
		st = incident_write(s, q, o, id, &at, user, err);
		if (st == ST_NOT_FOUND && ia->step)
			return EXIT_FAIL;
		if (st)
			goto failed;
	}
	if ((st = store_incident_load(s, id, &rec)))
		goto failed;
	print_incident(out, &q->response, levels, &rec, &at);
	incident_record_free(&rec);
	return EXIT_OK;
failed:
	fprintf(err, "moat: %s\n", store_errmsg(s));
	return EXIT_FAIL;
}
