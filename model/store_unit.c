#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/msg.h"
#include "model/store_internal.h"
#include "model/text.h"

/* The units of a group of service centres: their names, regions and
 * whether they are archived. */

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

#define UNIT_COLUMNS "u.id, u.name, u.validity_months, u.region, u.archived"

static void read_unit(sqlite3_stmt *st, int col, unit *out)
{
	out->id = sqlite3_column_int64(st, col);
	store_column_copy(st, col + 1, out->name, sizeof out->name);
	out->validity_months = sqlite3_column_int(st, col + 2);
	store_column_copy(st, col + 3, out->region, sizeof out->region);
	out->archived = sqlite3_column_int(st, col + 4) != 0;
}

/* Copies text trimmed into out and checks it as the field label allows:
 * valid UTF-8, one line without control characters, at most max
 * characters, and not empty when required. */
static moat_status clean_text(store *s, const char *text, msg_id label,
			      size_t max, bool required, char *out,
			      size_t outlen)
{
	moat_status rc;
	size_t n;

	snprintf(out, outlen, "%s", text ? text : "");
	if (text && strlen(text) >= outlen)
		return store_refuse_length(s, label, max);
	text_trim(out);
	if ((rc = store_check_text(s, out, label, max)))
		return rc;
	n = strlen(out);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += text_decode(out + i, n - i, &cp);
		if (text_cp_refused(cp, false) || cp == '\t') {
			snprintf(s->err, sizeof s->err, msg(UNIT_E_CONTROL_FMT),
				 msg(label));
			return ST_INVALID;
		}
	}
	if (required && !*out) {
		snprintf(s->err, sizeof s->err, "%s", msg(UNIT_E_EMPTY));
		return ST_INVALID;
	}
	return ST_OK;
}

/* ST_EXISTS when a unit other than self (0: any) has the name, decided
 * inside the caller's transaction. */
static moat_status name_free(store *s, const char *name, int64_t self)
{
	unit other;
	moat_status rc = store_unit_find(s, name, &other);
	if (rc == ST_NOT_FOUND)
		return ST_OK;
	if (rc)
		return rc;
	if (other.id == self)
		return ST_OK;
	snprintf(s->err, sizeof s->err, msg(UNIT_E_EXISTS_FMT), name);
	return ST_EXISTS;
}

moat_status store_unit_create(store *s, const char *name, const char *user,
			      int64_t *id)
{
	sqlite3_stmt *st;
	moat_status rc;
	char clean[TEXT_BYTES(UNIT_NAME_MAX)];

	if ((rc = clean_text(s, name, FIELD_UNIT_NAME, UNIT_NAME_MAX, true,
			     clean, sizeof clean)))
		return rc;
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = name_free(s, clean, 0)))
		return store_finish(s, rc);
	st = store_prepare(s, "INSERT INTO org_unit (name, created_by, created_at)"
			      " VALUES (?, ?, " NOW ")");
	if (!st)
		return store_finish(s, ST_DB);
	store_bind_text(st, 1, clean);
	store_bind_text(st, 2, user);
	rc = store_run(s, st, "create unit");
	if (!rc) {
		*id = sqlite3_last_insert_rowid(s->db);
		rc = store_audit(s, user, *id, 0, "unit", clean, "created",
				 NULL, clean);
	}
	return store_finish(s, rc);
}

/* The unit sql selects with ?1 = id, or ?1 = name when name is not NULL;
 * *found says whether there is one. */
static moat_status unit_by(store *s, const char *sql, int64_t id,
			   const char *name, unit *out, bool *found)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	int rc;
	if (!st)
		return ST_DB;
	if (name)
		store_bind_text(st, 1, name);
	else
		sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if ((*found = rc == SQLITE_ROW))
		read_unit(st, 0, out);
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK
						     : store_fail(s, rc, "read unit");
}

moat_status store_unit_get(store *s, int64_t id, unit *out)
{
	bool found;
	moat_status rc = unit_by(s, "SELECT " UNIT_COLUMNS " FROM org_unit u"
				    " WHERE u.id = ?1",
				 id, NULL, out, &found);
	if (!rc && !found) {
		snprintf(s->err, sizeof s->err, "no unit %lld", (long long)id);
		return ST_NOT_FOUND;
	}
	return rc;
}

moat_status store_unit_find(store *s, const char *name, unit *out)
{
	char clean[TEXT_BYTES(UNIT_NAME_MAX)];
	bool found;
	moat_status rc;

	snprintf(clean, sizeof clean, "%s", name ? name : "");
	text_trim(clean);
	/* The UNIQUE index on name finds it; = compares bytes, so the case
	 * counts. */
	rc = unit_by(s, "SELECT " UNIT_COLUMNS " FROM org_unit u WHERE u.name = ?1",
		     0, clean, out, &found);
	return !rc && !found ? ST_NOT_FOUND : rc;
}

/* Sets column (name or region) of unit id to value inside the caller's
 * transaction, audited as field with the old value. */
static moat_status set_text(store *s, int64_t id, const char *sql,
			    const char *field, const char *old,
			    const char *value, const char *key,
			    const char *user)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	moat_status rc;
	if (!st)
		return ST_DB;
	store_bind_text(st, 1, value);
	sqlite3_bind_int64(st, 2, id);
	rc = store_run(s, st, field);
	if (!rc)
		rc = store_audit(s, user, id, 0, "unit", key, field, old, value);
	return rc;
}

moat_status store_unit_rename(store *s, int64_t id, const char *name,
			      const char *user)
{
	char clean[TEXT_BYTES(UNIT_NAME_MAX)];
	unit u;
	moat_status rc;

	if ((rc = clean_text(s, name, FIELD_UNIT_NAME, UNIT_NAME_MAX, true,
			     clean, sizeof clean)))
		return rc;
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_unit_get(s, id, &u)) || (rc = name_free(s, clean, id)))
		return store_finish(s, rc);
	if (strcmp(u.name, clean) == 0)
		return store_finish(s, ST_OK);
	rc = set_text(s, id, "UPDATE org_unit SET name = ? WHERE id = ?", "name",
		      u.name, clean, clean, user);
	return store_finish(s, rc);
}

moat_status store_unit_set_region(store *s, int64_t id, const char *region,
				  const char *user)
{
	char clean[TEXT_BYTES(UNIT_REGION_MAX)];
	unit u;
	moat_status rc;

	if ((rc = clean_text(s, region, FIELD_UNIT_REGION, UNIT_REGION_MAX,
			     false, clean, sizeof clean)))
		return rc;
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_unit_get(s, id, &u)))
		return store_finish(s, rc);
	if (strcmp(u.region, clean) == 0)
		return store_finish(s, ST_OK);
	rc = set_text(s, id, "UPDATE org_unit SET region = ? WHERE id = ?",
		      "region", u.region, clean, u.name, user);
	return store_finish(s, rc);
}

moat_status store_unit_set_archived(store *s, int64_t id, bool archived,
				    const char *user)
{
	sqlite3_stmt *st;
	unit u;
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_unit_get(s, id, &u)))
		return store_finish(s, rc);
	if (u.archived == archived) {
		snprintf(s->err, sizeof s->err,
			 msg(archived ? UNIT_E_ARCHIVED_FMT : UNIT_E_ACTIVE_FMT),
			 u.name);
		return store_finish(s, ST_INVALID);
	}
	st = store_prepare(s, "UPDATE org_unit SET archived = ? WHERE id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int(st, 1, archived ? 1 : 0);
	sqlite3_bind_int64(st, 2, id);
	rc = store_run(s, st, "archive unit");
	if (!rc)
		rc = store_audit(s, user, id, 0, "unit", u.name, "archived",
				 archived ? "0" : "1", archived ? "1" : "0");
	return store_finish(s, rc);
}

static void read_row(sqlite3_stmt *st, void *out)
{
	unit_row *r = out;
	const char *status;
	read_unit(st, 0, &r->u);
	r->latest_id = sqlite3_column_int64(st, 5);
	r->latest_year = sqlite3_column_int(st, 6);
	status = (const char *)sqlite3_column_text(st, 7);
	r->latest_status = status && strcmp(status, "final") == 0 ? ASSESS_FINAL
								   : ASSESS_DRAFT;
	r->latest_final_level = sqlite3_column_int(st, 8);
}

/* Each unit's latest year is found through the (unit_id, year) unique
 * index. */
#define UNIT_LIST                                                              \
	"SELECT " UNIT_COLUMNS ", coalesce(a.id, 0), coalesce(a.year, 0),"     \
	" coalesce(a.status, 'draft'), coalesce(a.final_level, 0)"            \
	" FROM org_unit u LEFT JOIN assessment a ON a.id = (SELECT b.id"       \
	" FROM assessment b WHERE b.unit_id = u.id ORDER BY b.year DESC"       \
	" LIMIT 1)"

moat_status store_unit_list(store *s, bool with_archived, unit_row **out,
			    size_t *n)
{
	/* Those in use come by the (archived, name) index; all of them is
	 * every row, by the name's. */
	return store_rows(s,
			  with_archived ? UNIT_LIST " ORDER BY u.name"
					: UNIT_LIST " WHERE u.archived = ?1"
						    " ORDER BY u.name",
			  0, sizeof **out, (void **)out, n, read_row);
}

moat_status store_unit_latest(store *s, int64_t unit_id, int64_t *assessment_id)
{
	bool found;
	moat_status rc = store_int_by_id(
		s, "SELECT id FROM assessment WHERE unit_id = ?1"
		   " ORDER BY year DESC LIMIT 1",
		unit_id, assessment_id, &found);
	if (!rc && !found) {
		snprintf(s->err, sizeof s->err, "unit %lld has no year",
			 (long long)unit_id);
		return ST_NOT_FOUND;
	}
	return rc;
}

moat_status store_unit_open_new(store *s, const char *name,
				const char *region, int year, const char *user,
				int64_t *unit_id, int64_t *assessment_id)
{
	moat_status rc = store_begin(s);
	if (rc)
		return rc;
	rc = store_unit_create(s, name, user, unit_id);
	if (!rc && region && *region)
		rc = store_unit_set_region(s, *unit_id, region, user);
	if (!rc)
		rc = store_assessment_create(s, *unit_id, year, user,
					     assessment_id);
	return store_finish(s, rc);
}
