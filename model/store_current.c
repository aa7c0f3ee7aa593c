#include "config.h"

#include <stdio.h>

#include "model/store_internal.h"

/* Where each person's session opens: remembered per Unix user, with the
 * file's default for those who have not chosen yet. Remembering is not
 * audited: it changes what one person sees first, not the programme's
 * data, and other sessions need not re-read anything for it. */

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* The unit and id of the assessment sql (with ?1 = key, when not NULL)
 * selects; *found says whether there is one. */
static moat_status unit_and_assessment(store *s, const char *sql,
				       const char *key, int64_t *unit_id,
				       int64_t *assessment_id, bool *found)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	int rc;
	if (!st)
		return ST_DB;
	if (key)
		store_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		*unit_id = sqlite3_column_int64(st, 0);
		*assessment_id = sqlite3_column_int64(st, 1);
	}
	store_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		       ? ST_OK
		       : store_fail(s, rc, "current assessment");
}

moat_status store_current(store *s, const char *user, int64_t *unit_id,
			  int64_t *assessment_id)
{
	/* Each lookup goes by key, whatever the number of units, years and
	 * people: the person's own choice, the file's default while its
	 * unit is in use, the first unit in use, then the first unit. */
	static const char *const fallbacks[] = {
		"SELECT a.unit_id, a.id FROM assessment a JOIN org_unit u ON"
		" u.id = a.unit_id WHERE a.id = (SELECT CAST(value AS INTEGER)"
		" FROM setting WHERE key = 'current_assessment') AND u.archived = 0",
		"SELECT unit_id, id FROM assessment WHERE unit_id = (SELECT"
		" min(a.unit_id) FROM assessment a JOIN org_unit u ON u.id ="
		" a.unit_id WHERE u.archived = 0) ORDER BY year DESC LIMIT 1",
		"SELECT unit_id, id FROM assessment WHERE unit_id ="
		" (SELECT min(unit_id) FROM assessment) ORDER BY year DESC LIMIT 1",
	};
	bool found = false;
	moat_status rc = ST_OK;

	if (user && *user)
		rc = unit_and_assessment(
			s, "SELECT a.unit_id, a.id FROM user_current c JOIN"
			   " assessment a ON a.id = c.assessment_id WHERE"
			   " c.user_name = ?1",
			user, unit_id, assessment_id, &found);
	for (size_t i = 0; !rc && !found && i < sizeof fallbacks / sizeof *fallbacks;
	     i++)
		rc = unit_and_assessment(s, fallbacks[i], NULL, unit_id,
					 assessment_id, &found);
	if (!rc && !found) {
		snprintf(s->err, sizeof s->err, "no assessment yet");
		return ST_NOT_FOUND;
	}
	return rc;
}

moat_status store_set_current(store *s, const char *user,
			      int64_t assessment_id)
{
	sqlite3_stmt *st;
	assessment a;
	moat_status rc;

	if (!user || !*user) {
		snprintf(s->err, sizeof s->err, "no user name");
		return ST_INVALID;
	}
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = store_assessment_get(s, assessment_id, &a)))
		return store_finish(s, rc);
	st = store_prepare(s, "INSERT INTO user_current (user_name,"
			      " assessment_id, chosen_at) VALUES (?, ?, " NOW ")"
			      " ON CONFLICT(user_name) DO UPDATE SET assessment_id ="
			      " excluded.assessment_id, chosen_at = excluded.chosen_at");
	if (!st)
		return store_finish(s, ST_DB);
	store_bind_text(st, 1, user);
	sqlite3_bind_int64(st, 2, assessment_id);
	return store_finish(s, store_run(s, st, "remember assessment"));
}

moat_status store_set_default_current(store *s, int64_t assessment_id)
{
	sqlite3_stmt *st;
	moat_status rc = store_begin(s);
	if (rc)
		return rc;
	st = store_prepare(s, "INSERT INTO setting (key, value) VALUES"
			      " ('current_assessment', ?) ON CONFLICT(key)"
			      " DO UPDATE SET value = excluded.value");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, assessment_id);
	return store_finish(s, store_run(s, st, "remember assessment"));
}
