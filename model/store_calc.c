#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/msg.h"
#include "model/store_internal.h"
#include "model/text.h"

/* The calculators' inputs: ROI lines, investment classes and per-unit
 * parameters. */

static moat_status invalid(store *s, const char *what)
{
	snprintf(s->err, sizeof s->err, "%s", what);
	return ST_INVALID;
}

static moat_status check_line(store *s, const roi_line *l)
{
	moat_status rc;

	if ((unsigned)l->kind >= ROI_KIND_COUNT)
		return invalid(s, "bad ROI line kind");
	if (!l->name[0])
		return invalid(s, "an ROI line needs a name");
	if ((rc = store_check_text(s, l->name, FIELD_NAME, ROI_NAME_MAX)))
		return rc;
	if (l->amount < 0 || l->amount > MONEY_MAX)
		return invalid(s, "amount out of range");
	if (l->incidents_milli < 0 || l->incidents_milli > ROI_MAX_INCIDENTS_MILLI)
		return invalid(s, "incidents a year out of range");
	if (!memchr(l->item, '\0', sizeof l->item))
		return invalid(s, "checklist item key too long");
	if (l->kind == ROI_LOSS && l->item[0])
		return invalid(s, "a loss avoided advances no checklist item");
	return ST_OK;
}

/* The audit text of an amount. */
static void amount_text(money m, char *out, size_t outlen)
{
	money_format(m, out, outlen);
}

moat_status store_roi_lines(store *s, int64_t unit_id, roi_line **out, size_t *n)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id, kind, name, amount, incidents_milli, item_key"
		   " FROM roi_line"
		   " WHERE unit_id = ? ORDER BY CASE kind WHEN 'one_off' THEN 0"
		   " WHEN 'recurring' THEN 1 ELSE 2 END, id");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		roi_line *l;
		if (*n == cap) {
			roi_line *nv = realloc(*out, (cap = cap ? cap * 2 : 8) * sizeof *nv);
			if (!nv) {
				store_done(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return ST_NOMEM;
			}
			*out = nv;
		}
		l = &(*out)[(*n)++];
		memset(l, 0, sizeof *l);
		l->id = sqlite3_column_int64(st, 0);
		if (!roi_parse_kind((const char *)sqlite3_column_text(st, 1), &l->kind))
			l->kind = ROI_ONE_OFF;
		store_column_copy(st, 2, l->name, sizeof l->name);
		l->amount = sqlite3_column_int64(st, 3);
		l->incidents_milli = sqlite3_column_int(st, 4);
		store_column_copy(st, 5, l->item, sizeof l->item);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "read ROI lines");
	}
	return ST_OK;
}

moat_status store_roi_line_add(store *s, int64_t unit_id, const roi_line *l,
			       const char *user, int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;
	char amount[32];

	if ((rc = check_line(s, l)) || (rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "INSERT INTO roi_line (unit_id, kind, name, amount,"
			      " incidents_milli, item_key) VALUES (?, ?, ?, ?, ?, ?)");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, roi_kind_key(l->kind));
	store_bind_text(st, 3, l->name);
	sqlite3_bind_int64(st, 4, l->amount);
	sqlite3_bind_int(st, 5, l->incidents_milli);
	store_bind_text(st, 6, l->item);
	rc = store_run(s, st, "add ROI line");
	if (!rc) {
		*id = sqlite3_last_insert_rowid(s->db);
		amount_text(l->amount, amount, sizeof amount);
		rc = store_audit(s, user, unit_id, 0, "roi", l->name, "added",
				 NULL, amount);
	}
	if (!rc && l->item[0])
		rc = store_audit(s, user, unit_id, 0, "roi", l->name, "item",
				 NULL, l->item);
	return store_finish(s, rc);
}

moat_status store_roi_line_update(store *s, const roi_line *l, const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	roi_line old = {0};
	int64_t unit_id = 0;
	int sr;
	char a[32], b[32];

	if ((rc = check_line(s, l)) || (rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "SELECT name, amount, incidents_milli, unit_id,"
			      " item_key FROM roi_line WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, l->id);
	sr = sqlite3_step(st);
	if (sr == SQLITE_ROW) {
		store_column_copy(st, 0, old.name, sizeof old.name);
		old.amount = sqlite3_column_int64(st, 1);
		old.incidents_milli = sqlite3_column_int(st, 2);
		unit_id = sqlite3_column_int64(st, 3);
		store_column_copy(st, 4, old.item, sizeof old.item);
	}
	store_done(st);
	if (sr != SQLITE_ROW) {
		snprintf(s->err, sizeof s->err, "no ROI line %" PRId64, l->id);
		return store_finish(s, ST_NOT_FOUND);
	}
	st = store_prepare(s, "UPDATE roi_line SET name = ?, amount = ?,"
			      " incidents_milli = ?, item_key = ? WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	store_bind_text(st, 1, l->name);
	sqlite3_bind_int64(st, 2, l->amount);
	sqlite3_bind_int(st, 3, l->incidents_milli);
	store_bind_text(st, 4, l->item);
	sqlite3_bind_int64(st, 5, l->id);
	rc = store_run(s, st, "update ROI line");
	if (!rc && strcmp(old.name, l->name) != 0)
		rc = store_audit(s, user, unit_id, 0, "roi", l->name, "name",
				 old.name, l->name);
	if (!rc && old.amount != l->amount) {
		amount_text(old.amount, a, sizeof a);
		amount_text(l->amount, b, sizeof b);
		rc = store_audit(s, user, unit_id, 0, "roi", l->name, "amount",
				 a, b);
	}
	if (!rc && old.incidents_milli != l->incidents_milli) {
		num_format(old.incidents_milli, 3, a, sizeof a);
		num_format(l->incidents_milli, 3, b, sizeof b);
		rc = store_audit(s, user, unit_id, 0, "roi", l->name,
				 "incidents", a, b);
	}
	if (!rc && strcmp(old.item, l->item) != 0)
		rc = store_audit(s, user, unit_id, 0, "roi", l->name, "item",
				 old.item, l->item);
	return store_finish(s, rc);
}

/* Deletes row id with delete_sql, auditing its name and unit, which
 * select_name (constants from this file) reads. */
static moat_status delete_named(store *s, const char *select_name,
				const char *delete_sql, int64_t id,
				const char *entity, const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	char name[TEXT_BYTES(ROI_NAME_MAX) + TEXT_BYTES(INVEST_NAME_MAX)] = "";
	int64_t unit_id = 0;
	int sr;

	if ((rc = store_begin(s)))
		return rc;
	st = store_prepare(s, select_name);
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	sr = sqlite3_step(st);
	if (sr == SQLITE_ROW) {
		store_column_copy(st, 0, name, sizeof name);
		unit_id = sqlite3_column_int64(st, 1);
	}
	store_done(st);
	if (sr != SQLITE_ROW) {
		snprintf(s->err, sizeof s->err, "no %s %" PRId64, entity, id);
		return store_finish(s, ST_NOT_FOUND);
	}
	st = store_prepare(s, delete_sql);
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	rc = store_run(s, st, "delete");
	if (!rc)
		rc = store_audit(s, user, unit_id, 0, entity, name, "removed",
				 name, NULL);
	return store_finish(s, rc);
}

moat_status store_roi_line_delete(store *s, int64_t id, const char *user)
{
	return delete_named(s, "SELECT name, unit_id FROM roi_line WHERE id = ?",
			    "DELETE FROM roi_line WHERE id = ?", id, "roi", user);
}

static moat_status check_class(store *s, const invest_class *c)
{
	moat_status rc;

	if (!c->name[0])
		return invalid(s, "a class needs a name");
	if ((rc = store_check_text(s, c->name, FIELD_NAME, INVEST_NAME_MAX)))
		return rc;
	if (!invest_levels_ok(c->level_low, c->level_high))
		return invalid(s, "DR levels must be 1 to 6, low <= high");
	if (c->amount < 0 || c->amount > MONEY_MAX)
		return invalid(s, "amount out of range");
	return ST_OK;
}

moat_status store_invest_classes(store *s, int64_t unit_id, invest_class **out,
				 size_t *n)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id, name, level_low, level_high, amount FROM invest_class"
		   " WHERE unit_id = ? ORDER BY id");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < INVEST_MAX_CLASSES) {
		invest_class *c;
		if (*n == cap) {
			invest_class *nv = realloc(*out, (cap = cap ? cap * 2 : 8) * sizeof *nv);
			if (!nv) {
				store_done(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return ST_NOMEM;
			}
			*out = nv;
		}
		c = &(*out)[(*n)++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		store_column_copy(st, 1, c->name, sizeof c->name);
		c->level_low = sqlite3_column_int(st, 2);
		c->level_high = sqlite3_column_int(st, 3);
		c->amount = sqlite3_column_int64(st, 4);
	}
	store_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		free(*out);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "read classes");
	}
	return ST_OK;
}

moat_status store_invest_class_add(store *s, int64_t unit_id,
				   const invest_class *c, const char *user,
				   int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;
	char amount[32];

	if ((rc = check_class(s, c)) || (rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "INSERT INTO invest_class (unit_id, name, level_low,"
			      " level_high, amount) VALUES (?, ?, ?, ?, ?)");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, c->name);
	sqlite3_bind_int(st, 3, c->level_low);
	sqlite3_bind_int(st, 4, c->level_high);
	sqlite3_bind_int64(st, 5, c->amount);
	rc = store_run(s, st, "add class");
	if (!rc) {
		*id = sqlite3_last_insert_rowid(s->db);
		amount_text(c->amount, amount, sizeof amount);
		rc = store_audit(s, user, unit_id, 0, "invest", c->name, "added",
				 NULL, amount);
	}
	return store_finish(s, rc);
}

moat_status store_invest_class_update(store *s, const invest_class *c,
				      const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	/* The name, the levels and the amount. */
	char was[sizeof c->name + 64] = "", now[sizeof c->name + 64];
	int64_t unit_id = 0;
	int sr;

	if ((rc = check_class(s, c)) || (rc = store_begin(s)))
		return rc;
	st = store_prepare(s, "SELECT name || ' L' || level_low || '-' ||"
			      " level_high || ' ' || amount, unit_id FROM"
			      " invest_class WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, c->id);
	sr = sqlite3_step(st);
	if (sr == SQLITE_ROW) {
		store_column_copy(st, 0, was, sizeof was);
		unit_id = sqlite3_column_int64(st, 1);
	}
	store_done(st);
	if (sr != SQLITE_ROW) {
		snprintf(s->err, sizeof s->err, "no class %" PRId64, c->id);
		return store_finish(s, ST_NOT_FOUND);
	}
	st = store_prepare(s, "UPDATE invest_class SET name = ?, level_low = ?,"
			      " level_high = ?, amount = ? WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	store_bind_text(st, 1, c->name);
	sqlite3_bind_int(st, 2, c->level_low);
	sqlite3_bind_int(st, 3, c->level_high);
	sqlite3_bind_int64(st, 4, c->amount);
	sqlite3_bind_int64(st, 5, c->id);
	rc = store_run(s, st, "update class");
	snprintf(now, sizeof now, "%s L%d-%d %" PRId64, c->name, c->level_low,
		 c->level_high, c->amount);
	if (!rc && strcmp(was, now) != 0)
		rc = store_audit(s, user, unit_id, 0, "invest", c->name, "class",
				 was, now);
	return store_finish(s, rc);
}

moat_status store_invest_class_delete(store *s, int64_t id, const char *user)
{
	return delete_named(s, "SELECT name, unit_id FROM invest_class"
			       " WHERE id = ?",
			    "DELETE FROM invest_class WHERE id = ?", id, "invest",
			    user);
}

moat_status store_param_text(store *s, int64_t unit_id, const char *key,
			     const char *def, char *out, size_t outlen)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT value FROM unit_param WHERE unit_id = ? AND key = ?");
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		store_column_copy(st, 0, out, outlen);
	else
		snprintf(out, outlen, "%s", def);
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "read parameter");
}

moat_status store_param_get(store *s, int64_t unit_id, const char *key,
			    int64_t def, int64_t *out)
{
	char buf[32];
	moat_status st = store_param_text(s, unit_id, key, "", buf, sizeof buf);
	char *end;
	long long v;
	if (st)
		return st;
	v = strtoll(buf, &end, 10);
	*out = buf[0] && !*end ? (int64_t)v : def;
	return ST_OK;
}

moat_status store_param_set_text(store *s, int64_t unit_id, const char *key,
				 const char *value, const char *user)
{
	sqlite3_stmt *st;
	moat_status rc;
	char old[TEXT_BYTES(CURRENCY_MAX)];
	bool had;

	/* The currency unit is the only parameter typed as text. */
	if ((rc = store_check_text(s, value, FIELD_CURRENCY, CURRENCY_MAX)))
		return rc;
	if ((rc = store_begin(s)))
		return rc;
	old[0] = '\0';
	st = store_prepare(s, "SELECT value FROM unit_param WHERE unit_id = ?"
			      " AND key = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, key);
	had = sqlite3_step(st) == SQLITE_ROW;
	if (had)
		store_column_copy(st, 0, old, sizeof old);
	store_done(st);
	if (had && strcmp(old, value) == 0)
		return store_finish(s, ST_OK);
	st = store_prepare(s, "INSERT INTO unit_param (unit_id, key, value)"
			      " VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET"
			      " value = excluded.value");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, unit_id);
	store_bind_text(st, 2, key);
	store_bind_text(st, 3, value);
	rc = store_run(s, st, "set parameter");
	if (!rc)
		rc = store_audit(s, user, unit_id, 0, "param", key, "value",
				 had ? old : NULL, value);
	return store_finish(s, rc);
}

moat_status store_param_set(store *s, int64_t unit_id, const char *key,
			    int64_t value, const char *user)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%" PRId64, value);
	return store_param_set_text(s, unit_id, key, buf, user);
}

moat_status store_invest_scenarios(store *s, int64_t unit_id,
				   invest_scenarios *out)
{
	moat_status st = ST_OK;
	invest_document_scenarios(out);
	for (int f = 0; f < SC__COUNT && !st; f++) {
		int64_t v;
		st = store_param_get(s, unit_id, invest_field_key((sc_field)f),
				     invest_field_get(out, (sc_field)f), &v);
		if (!st)
			invest_field_set(out, (sc_field)f, v);
	}
	return st;
}

moat_status store_roi_settings(store *s, int64_t unit_id, int *horizon,
			       int *rate_bp)
{
	int64_t h = 5, r = 0;
	moat_status st = store_param_get(s, unit_id, ROI_PARAM_HORIZON, 5, &h);
	if (!st)
		st = store_param_get(s, unit_id, ROI_PARAM_RATE, 0, &r);
	*horizon = (int)h;
	*rate_bp = (int)r;
	return st;
}

moat_status store_currency(store *s, int64_t unit_id, char *out, size_t outlen)
{
	return store_param_text(s, unit_id, PARAM_CURRENCY, msg(CUR_DEFAULT), out,
				outlen);
}
