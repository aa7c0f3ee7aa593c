#include "config.h"

#include <stdlib.h>

#include "model/store_group.h"
#include "model/store_internal.h"

moat_status store_group_units(store *s, unit **out, size_t *n)
{
	sqlite3_stmt *st = store_prepare(
		s, "SELECT id, name, validity_months FROM org_unit ORDER BY name");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return ST_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		unit *u;
		if (*n == cap) {
			size_t ncap = cap ? 2 * cap : 8;
			unit *v = realloc(*out, ncap * sizeof *v);
			if (!v) {
				store_done(st);
				free(*out);
				*out = NULL;
				*n = 0;
				return ST_NOMEM;
			}
			*out = v;
			cap = ncap;
		}
		u = &(*out)[(*n)++];
		u->id = sqlite3_column_int64(st, 0);
		store_column_copy(st, 1, u->name, sizeof u->name);
		u->validity_months = sqlite3_column_int(st, 2);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "list units");
	}
	return ST_OK;
}
