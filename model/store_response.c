#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/msg.h"
#include "model/store_internal.h"
#include "model/store_incident.h"
#include "model/store_response.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* ---- The card's version ---- */

/* Raises unit_id's card version inside the caller's transaction. */
static moat_status bump(store *s, int64_t unit_id)
{
	sqlite3_stmt *st = store_prepare(
		s, "INSERT INTO response_card (unit_id, version) VALUES (?, 2)"
		   " ON CONFLICT (unit_id) DO UPDATE SET version = version + 1");
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	return store_run(s, st, "raise the card version");
}

static moat_status read_card(store *s, int64_t unit_id, int64_t *version,
			     int64_t *hash, bool *found)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT version, steps_hash FROM response_card WHERE unit_id = ?");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	*version = *found ? sqlite3_column_int64(st, 0) : 1;
	*hash = *found ? sqlite3_column_int64(st, 1) : -1;
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "read the card");
}

moat_status store_card_sync(store *s, int64_t unit_id, const resp_reference *r,
			    const char *user, int64_t *version)
{
	int64_t hash, want = (int64_t)resp_reference_hash(r);
	bool found;
	moat_status rc;
	sqlite3_stmt *st;
	char was[32], now[32];

	if ((rc = read_card(s, unit_id, version, &hash, &found)) ||
	    (found && hash == want) || store_read_only(s))
		return rc;
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = read_card(s, unit_id, version, &hash, &found)) ||
	    (found && hash == want))
		return store_finish(s, rc);
	/* The first count keeps the version; a changed file raises it. */
	snprintf(was, sizeof was, "%" PRId64, *version);
	found = found && hash != -1;
	if (found)
		(*version)++;
	snprintf(now, sizeof now, "%" PRId64, *version);
	if (!(st = store_prepare(s, "INSERT INTO response_card (unit_id, version,"
				    " steps_hash) VALUES (?1, ?2, ?3) ON CONFLICT"
				    " (unit_id) DO UPDATE SET version = ?2,"
				    " steps_hash = ?3")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int64(st, 2, *version);
	sqlite3_bind_int64(st, 3, want);
	rc = store_run(s, st, "record the card version");
	if (!rc && found)
		rc = store_audit(s, user, unit_id, 0, "card", "steps", "version",
				 was, now);
	return store_finish(s, rc);
}

moat_status store_card_print(store *s, int64_t unit_id, int64_t version,
			     int level, const char *lang, date day,
			     const char *user, int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;
	char d[16], what[64];

	if (level < 0 || level > RESP_LEVELS)
		return ST_INVALID;
	date_format(day, d, sizeof d);
	if ((rc = store_begin(s)))
		return rc;
	if (!(st = store_prepare(s, "INSERT INTO card_print (unit_id, version,"
				    " level, lang, printed_on, printed_by,"
				    " printed_at) VALUES (?, ?, ?, ?, ?, ?, " NOW ")")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int64(st, 2, version);
	sqlite3_bind_int(st, 3, level);
	store_bind_text(st, 4, lang);
	store_bind_text(st, 5, d);
	store_bind_text(st, 6, user);
	rc = store_run(s, st, "record the print");
	*id = sqlite3_last_insert_rowid(s->db);
	snprintf(what, sizeof what, "v%" PRId64 " %s %s %s", version,
		 level ? resp_level_roman(level) : "I-IV", lang, d);
	if (!rc)
		rc = store_audit(s, user, unit_id, 0, "card", "print", "printed",
				 NULL, what);
	return store_finish(s, rc);
}

moat_status store_card_last_print(store *s, int64_t unit_id, card_print *out,
				  bool *found)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id, version, level, lang, printed_on, printed_by FROM"
		   " card_print WHERE unit_id = ? ORDER BY id DESC LIMIT 1");
	char day[16];
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		out->id = sqlite3_column_int64(st, 0);
		out->version = sqlite3_column_int64(st, 1);
		out->level = sqlite3_column_int(st, 2);
		store_column_copy(st, 3, out->lang, sizeof out->lang);
		store_column_copy(st, 4, day, sizeof day);
		if (!date_parse(day, &out->printed))
			out->printed = (date){0, 0, 0};
		store_column_copy(st, 5, out->by, sizeof out->by);
	}
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "read the prints");
}

/* ---- Levels ---- */

/* The level of a row "level, name, definition, scope, minutes, words,
 * decision". */
static void read_level(sqlite3_stmt *st, resp_level *l)
{
	l->number = sqlite3_column_int(st, 0);
	store_column_copy(st, 1, l->name, sizeof l->name);
	store_column_copy(st, 2, l->definition, sizeof l->definition);
	store_column_copy(st, 3, l->scope, sizeof l->scope);
	l->minutes = sqlite3_column_int64(st, 4);
	store_column_copy(st, 5, l->words, sizeof l->words);
	store_column_copy(st, 6, l->decision, sizeof l->decision);
}

moat_status store_response_levels(store *s, int64_t unit_id,
				  const resp_reference *r,
				  resp_level out[RESP_LEVELS])
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT level, name, definition, scope, minutes, words, decision"
		   " FROM response_level WHERE unit_id = ?");
	int rc;

	memcpy(out, r->levels, sizeof r->levels);
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int n = sqlite3_column_int(st, 0);
		if (n >= 1 && n <= RESP_LEVELS)
			read_level(st, &out[n - 1]);
	}
	store_done(st);
	return rc == SQLITE_DONE ? ST_OK : store_fail(s, rc, "read the levels");
}

/* A level as one line for the audit log. */
static void level_line(const resp_level *l, char *out, size_t len)
{
	snprintf(out, len, "%s | %s | %s | %" PRId64 " %s | %s", l->name,
		 l->definition, l->scope, l->minutes, l->words, l->decision);
}

static moat_status check_level(store *s, const resp_level *l)
{
	const struct {
		const char *text;
		msg_id label;
		bool required;
	} f[] = {
		{l->name, RESP_F_LEVEL_NAME, true},
		{l->definition, RESP_F_DEFINITION, true},
		{l->scope, RESP_F_SCOPE, false},
		{l->words, RESP_F_WORDS, true},
		{l->decision, RESP_F_DECISION, false},
	};
	moat_status rc;
	if (l->number < 1 || l->number > RESP_LEVELS)
		return ST_INVALID;
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		if ((rc = store_check_text(s, f[i].text, f[i].label, RESP_TEXT_MAX)))
			return rc;
		if (f[i].required && !f[i].text[0]) {
			snprintf(s->err, sizeof s->err, msg(RESP_REQUIRED_FMT),
				 msg(f[i].label));
			return ST_INVALID;
		}
	}
	if (l->minutes < 0 || l->minutes > BIA_MAX_MINUTES) {
		snprintf(s->err, sizeof s->err, "%s", msg(RESP_MINUTES_RANGE));
		return ST_INVALID;
	}
	return ST_OK;
}

/* The level as the unit has it now, inside the caller's transaction. */
static moat_status level_now(store *s, int64_t unit_id, int number,
			     resp_level *out, bool *edited)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT level, name, definition, scope, minutes, words, decision"
		   " FROM response_level WHERE unit_id = ? AND level = ?");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int(st, 2, number);
	rc = sqlite3_step(st);
	*edited = rc == SQLITE_ROW;
	if (*edited)
		read_level(st, out);
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "read a level");
}

moat_status store_response_level_set(store *s, int64_t unit_id,
				     const resp_level *l, const char *user)
{
	char was[3072] = "", now[3072];
	resp_level old;
	bool edited;
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = check_level(s, l)) || (rc = store_begin(s)))
		return rc;
	if ((rc = level_now(s, unit_id, l->number, &old, &edited)))
		return store_finish(s, rc);
	if (edited)
		level_line(&old, was, sizeof was);
	level_line(l, now, sizeof now);
	if (strcmp(was, now) == 0)
		return store_finish(s, ST_OK);
	if (!(st = store_prepare(s, "INSERT OR REPLACE INTO response_level"
				    " (unit_id, level, name, definition, scope,"
				    " minutes, words, decision) VALUES"
				    " (?, ?, ?, ?, ?, ?, ?, ?)")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int(st, 2, l->number);
	store_bind_text(st, 3, l->name);
	store_bind_text(st, 4, l->definition);
	store_bind_text(st, 5, l->scope);
	sqlite3_bind_int64(st, 6, l->minutes);
	store_bind_text(st, 7, l->words);
	store_bind_text(st, 8, l->decision);
	if (!(rc = store_run(s, st, "save the level")) &&
	    !(rc = store_audit(s, user, unit_id, 0, "response_level",
			       resp_level_roman(l->number), "level",
			       edited ? was : NULL, now)))
		rc = bump(s, unit_id);
	return store_finish(s, rc);
}

moat_status store_response_level_reset(store *s, int64_t unit_id, int number,
				       const char *user)
{
	char was[3072];
	resp_level old;
	bool edited;
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = level_now(s, unit_id, number, &old, &edited)) || !edited)
		return store_finish(s, rc);
	level_line(&old, was, sizeof was);
	if (!(st = store_prepare(s, "DELETE FROM response_level WHERE unit_id = ?"
				    " AND level = ?")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int(st, 2, number);
	if (!(rc = store_run(s, st, "reset the level")) &&
	    !(rc = store_audit(s, user, unit_id, 0, "response_level",
			       resp_level_roman(number), "reset", was, NULL)))
		rc = bump(s, unit_id);
	return store_finish(s, rc);
}

/* ---- Contacts ---- */

#define CONTACT_COLS \
	"id, role, name, phone, phone2, alternate, rank, levels, confirmed_on," \
	" placeholder"

static void read_contact(sqlite3_stmt *st, void *p)
{
	resp_contact *c = p;
	char day[16];
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, c->role, sizeof c->role);
	store_column_copy(st, 2, c->name, sizeof c->name);
	store_column_copy(st, 3, c->phone, sizeof c->phone);
	store_column_copy(st, 4, c->phone2, sizeof c->phone2);
	store_column_copy(st, 5, c->alternate, sizeof c->alternate);
	c->rank = sqlite3_column_int(st, 6);
	c->levels = (unsigned)sqlite3_column_int(st, 7);
	store_column_copy(st, 8, day, sizeof day);
	if (!date_parse(day, &c->confirmed))
		c->confirmed = (date){0, 0, 0};
	c->placeholder = sqlite3_column_int(st, 9) != 0;
}

moat_status store_contacts(store *s, int64_t unit_id, resp_contact **out,
			   size_t *n)
{
	return store_rows(s, "SELECT " CONTACT_COLS " FROM response_contact"
			     " WHERE unit_id = ? ORDER BY rank, id", unit_id,
			  sizeof **out, (void **)out, n, read_contact);
}

static moat_status contact_get(store *s, int64_t id, int64_t *unit_id,
			       resp_contact *c)
{
	moat_status rc = store_row(s, "SELECT " CONTACT_COLS ", unit_id FROM"
				      " response_contact WHERE id = ?", id, c,
				   read_contact, 10, unit_id);
	if (rc == ST_NOT_FOUND)
		snprintf(s->err, sizeof s->err, "no such contact (%" PRId64 ")", id);
	return rc;
}

/* A contact as one line for the audit log. */
static void contact_line(const resp_contact *c, char *out, size_t len)
{
	char lv[16];
	resp_levels_text(c->levels, lv, sizeof lv);
	snprintf(out, len, "%s | %s | %s %s | %s | %d %s%s", c->role, c->name,
		 c->phone, c->phone2, c->alternate, c->rank, lv,
		 c->placeholder ? " example" : "");
}

static moat_status check_contact(store *s, const resp_contact *c)
{
	const struct {
		const char *text;
		msg_id label;
		size_t max;
		bool required;
	} f[] = {
		{c->role, RESP_F_ROLE, RESP_TEXT_MAX, true},
		{c->name, RESP_F_NAME, RESP_TEXT_MAX, true},
		{c->phone, RESP_F_PHONE, RESP_PHONE_MAX, false},
		{c->phone2, RESP_F_PHONE2, RESP_PHONE_MAX, false},
		{c->alternate, RESP_F_ALTERNATE, RESP_TEXT_MAX, false},
	};
	moat_status rc;
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		if ((rc = store_check_text(s, f[i].text, f[i].label, f[i].max)))
			return rc;
		if (f[i].required && !f[i].text[0]) {
			snprintf(s->err, sizeof s->err, msg(RESP_REQUIRED_FMT),
				 msg(f[i].label));
			return ST_INVALID;
		}
	}
	if (c->rank < 1 || c->rank > 99) {
		snprintf(s->err, sizeof s->err, "%s", msg(RESP_RANK_RANGE));
		return ST_INVALID;
	}
	if (!(c->levels & RESP_ALL_LEVELS) || (c->levels & ~RESP_ALL_LEVELS)) {
		snprintf(s->err, sizeof s->err, "%s", msg(RESP_LEVELS_HINT));
		return ST_INVALID;
	}
	return ST_OK;
}

moat_status store_contact_save(store *s, int64_t unit_id,
			       const resp_contact *c, const char *user,
			       int64_t *id)
{
	char was[3072] = "", now[3072], day[16] = "";
	resp_contact old;
	int64_t owner = unit_id;
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = check_contact(s, c)) || (rc = store_begin(s)))
		return rc;
	if (c->id && (rc = contact_get(s, c->id, &owner, &old)))
		return store_finish(s, rc);
	if (owner != unit_id)
		return store_finish(s, ST_NOT_FOUND);
	if (c->id)
		contact_line(&old, was, sizeof was);
	contact_line(c, now, sizeof now);
	if (c->confirmed.y)
		date_format(c->confirmed, day, sizeof day);
	if (c->id && strcmp(was, now) == 0 &&
	    date_cmp(old.confirmed, c->confirmed) == 0) {
		*id = c->id;
		return store_finish(s, ST_OK);
	}
	st = c->id ? store_prepare(s, "UPDATE response_contact SET role = ?2,"
				      " name = ?3, phone = ?4, phone2 = ?5,"
				      " alternate = ?6, rank = ?7, levels = ?8,"
				      " confirmed_on = ?9, placeholder = ?10"
				      " WHERE id = ?1")
		   : store_prepare(s, "INSERT INTO response_contact (unit_id,"
				      " role, name, phone, phone2, alternate, rank,"
				      " levels, confirmed_on, placeholder) VALUES"
				      " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, c->id ? c->id : unit_id);
	store_bind_text(st, 2, c->role);
	store_bind_text(st, 3, c->name);
	store_bind_text(st, 4, c->phone);
	store_bind_text(st, 5, c->phone2);
	store_bind_text(st, 6, c->alternate);
	sqlite3_bind_int(st, 7, c->rank);
	sqlite3_bind_int(st, 8, (int)c->levels);
	store_bind_text(st, 9, day);
	sqlite3_bind_int(st, 10, c->placeholder);
	if ((rc = store_run(s, st, "save the contact")))
		return store_finish(s, rc);
	*id = c->id ? c->id : sqlite3_last_insert_rowid(s->db);
	if (strcmp(was, now) != 0) {
		rc = store_audit(s, user, unit_id, 0, "contact", c->name,
				 c->id ? "contact" : "added", c->id ? was : NULL,
				 now);
		if (!rc)
			rc = bump(s, unit_id);
	}
	return store_finish(s, rc);
}

moat_status store_contact_delete(store *s, int64_t id, const char *user)
{
	char was[3072];
	resp_contact old;
	int64_t unit_id;
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = contact_get(s, id, &unit_id, &old)))
		return store_finish(s, rc);
	contact_line(&old, was, sizeof was);
	if (!(st = store_prepare(s, "DELETE FROM response_contact WHERE id = ?")))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	if (!(rc = store_run(s, st, "remove the contact")) &&
	    !(rc = store_audit(s, user, unit_id, 0, "contact", old.name,
			       "removed", was, NULL)))
		rc = bump(s, unit_id);
	return store_finish(s, rc);
}

moat_status store_contact_confirm(store *s, int64_t id, date day, date today,
				  const char *user)
{
	char was[16] = "", now[16];
	resp_contact old;
	int64_t unit_id;
	sqlite3_stmt *st;
	moat_status rc;

	if (!date_happened_by(day, today)) {
		snprintf(s->err, sizeof s->err, "%s", msg(RESP_CONFIRM_FUTURE));
		return ST_INVALID;
	}
	date_format(day, now, sizeof now);
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = contact_get(s, id, &unit_id, &old)))
		return store_finish(s, rc);
	if (old.confirmed.y)
		date_format(old.confirmed, was, sizeof was);
	if (!(st = store_prepare(s, "UPDATE response_contact SET confirmed_on = ?"
				    " WHERE id = ?")))
		return store_finish(s, ST_DB);
	store_bind_text(st, 1, now);
	sqlite3_bind_int64(st, 2, id);
	if (!(rc = store_run(s, st, "confirm the contact")))
		rc = store_audit(s, user, unit_id, 0, "contact", old.name,
				 "confirmed", was[0] ? was : NULL, now);
	return store_finish(s, rc);
}

moat_status store_confirm_days(store *s, int64_t unit_id, int *days)
{
	int64_t v;
	moat_status rc = store_param_get(s, unit_id, RESP_PARAM_CONFIRM_DAYS,
					 RESP_CONFIRM_DAYS, &v);
	*days = !rc && v >= 1 && v <= RESP_MAX_CONFIRM_DAYS ? (int)v
							    : RESP_CONFIRM_DAYS;
	return rc;
}

moat_status store_confirm_days_set(store *s, int64_t unit_id, int days,
				   const char *user)
{
	if (days < 1 || days > RESP_MAX_CONFIRM_DAYS) {
		snprintf(s->err, sizeof s->err, "%s", msg(RESP_CONFIRM_DAYS_RANGE));
		return ST_INVALID;
	}
	return store_param_set(s, unit_id, RESP_PARAM_CONFIRM_DAYS, days, user);
}

void resp_view_free(resp_view *v)
{
	free(v->contacts);
	for (size_t i = 0; i < v->n_incidents; i++)
		incident_record_free(&v->incidents[i]);
	free(v->incidents);
	memset(v, 0, sizeof *v);
}

moat_status resp_view_load(store *s, int64_t unit_id, const resp_reference *r,
			   const char *user, resp_view *v)
{
	incident *list = NULL;
	size_t n = 0;
	moat_status st;

	memset(v, 0, sizeof *v);
	if ((st = store_response_levels(s, unit_id, r, v->levels)) ||
	    (st = store_contacts(s, unit_id, &v->contacts, &v->n_contacts)) ||
	    (st = store_card_sync(s, unit_id, r, user, &v->version)) ||
	    (st = store_card_last_print(s, unit_id, &v->last, &v->printed)) ||
	    (st = store_confirm_days(s, unit_id, &v->days)) ||
	    (st = store_incidents(s, unit_id, &list, &n)))
		return st;
	if (n && !(v->incidents = calloc(n, sizeof *v->incidents)))
		st = ST_NOMEM;
	for (size_t i = 0; !st && i < n; i++) {
		st = store_incident_load(s, list[i].id, &v->incidents[i]);
		if (!st)
			v->n_incidents++;
	}
	free(list);
	return st;
}
