#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/msg.h"
#include "model/store_bia.h"
#include "model/store_internal.h"

/* Refuses a write for why, said as bia_problem_text says it (value: the
 * MTD an RTO was measured against). */
static moat_status refuse(store *s, bia_problem why, int64_t value)
{
	bia_problem_text(why, value, s->err, sizeof s->err);
	return ST_INVALID;
}

static bia_rating column_rating(sqlite3_stmt *st, int col)
{
	bia_rating r = BIA_RATING_NONE;
	const unsigned char *t = sqlite3_column_text(st, col);
	if (t)
		bia_parse_rating((const char *)t, &r);
	return r;
}

/* Runs a statement of one bound id, gathering rows with read(row, i). */
typedef moat_status (*row_reader)(sqlite3_stmt *st, bia_data *d);

static moat_status each_row(store *s, const char *sql, int64_t id,
			    row_reader read, bia_data *d, const char *context)
{
	sqlite3_stmt *st = store_prepare(s, sql);
	moat_status ms = ST_OK;
	int rc;
	if (!st)
		return ST_DB;
	sqlite3_bind_int64(st, 1, id);
	while (!ms && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ms = read(st, d);
	if (!ms && rc != SQLITE_DONE)
		ms = store_fail(s, rc, context);
	store_done(st);
	return ms;
}

/* Grows *v (of *n elements of size elem) by one, zeroed. */
static void *grow(void **v, size_t *n, size_t elem)
{
	char *nv = realloc(*v, (*n + 1) * elem);
	if (!nv)
		return NULL;
	*v = nv;
	memset(nv + *n * elem, 0, elem);
	return nv + (*n)++ * elem;
}

static moat_status read_duration(sqlite3_stmt *st, bia_data *d)
{
	if (d->n_durations < BIA_MAX_DURATIONS)
		d->durations[d->n_durations++] = sqlite3_column_int64(st, 0);
	return ST_OK;
}

static moat_status read_process(sqlite3_stmt *st, bia_data *d)
{
	bia_process *p;
	size_t n = d->n_processes;
	bia_grid *g = realloc(d->grids, (n + 1) * sizeof *g);
	if (!g)
		return ST_NOMEM;
	d->grids = g;
	if (!(p = grow((void **)&d->processes, &d->n_processes, sizeof *p)))
		return ST_NOMEM;
	p->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, p->name, sizeof p->name);
	store_column_copy(st, 2, p->owner, sizeof p->owner);
	p->daily_volume = store_column_optional(st, 3);
	p->critical = sqlite3_column_int(st, 4) != 0;
	p->mtd = store_column_optional(st, 5);
	p->mtd_chosen = p->mtd != BIA_UNSET;
	store_column_copy(st, 6, p->mtd_reason, sizeof p->mtd_reason);
	p->rto = store_column_optional(st, 7);
	if (!date_parse((const char *)sqlite3_column_text(st, 8), &p->reviewed))
		p->reviewed = (date){0, 0, 0};
	/* Every duration a row, filled in where the impact was entered. */
	memset(&d->grids[n], 0, sizeof d->grids[n]);
	d->grids[n].n_rows = d->n_durations;
	for (size_t r = 0; r < d->n_durations; r++)
		d->grids[n].rows[r].minutes = d->durations[r];
	return ST_OK;
}

static long process_index(const bia_data *d, int64_t id)
{
	for (size_t i = 0; i < d->n_processes; i++)
		if (d->processes[i].id == id)
			return (long)i;
	return -1;
}

static moat_status read_impact(sqlite3_stmt *st, bia_data *d)
{
	long i = process_index(d, sqlite3_column_int64(st, 0));
	int64_t minutes = sqlite3_column_int64(st, 1);
	if (i < 0)
		return ST_OK;
	for (size_t r = 0; r < d->grids[i].n_rows; r++) {
		bia_row *row = &d->grids[i].rows[r];
		if (row->minutes != minutes)
			continue;
		row->loss = sqlite3_column_int64(st, 2);
		for (int k = 0; k < BIA_DIMENSIONS; k++) {
			row->cell[k].rating = column_rating(st, 3 + 2 * k);
			store_column_copy(st, 4 + 2 * k, row->cell[k].text,
					  sizeof row->cell[k].text);
		}
		row->overridden = sqlite3_column_type(st, 11) != SQLITE_NULL;
		row->override = column_rating(st, 11);
		store_column_copy(st, 12, row->reason, sizeof row->reason);
	}
	return ST_OK;
}

static moat_status read_system(sqlite3_stmt *st, bia_data *d)
{
	bia_system *y = grow((void **)&d->systems, &d->n_systems, sizeof *y);
	if (!y)
		return ST_NOMEM;
	y->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, y->name, sizeof y->name);
	y->importance = column_rating(st, 2);
	y->planned_level = sqlite3_column_int(st, 3);
	store_column_copy(st, 4, y->arch, sizeof y->arch);
	y->production_cost = sqlite3_column_int64(st, 5);
	return ST_OK;
}

static moat_status read_data_type(sqlite3_stmt *st, bia_data *d)
{
	bia_data_type *t =
		grow((void **)&d->data_types, &d->n_data_types, sizeof *t);
	if (!t)
		return ST_NOMEM;
	t->id = sqlite3_column_int64(st, 0);
	store_column_copy(st, 1, t->name, sizeof t->name);
	t->rpo = store_column_optional(st, 2);
	store_column_copy(st, 3, t->backup, sizeof t->backup);
	return ST_OK;
}

static long system_index(const bia_data *d, int64_t id)
{
	for (size_t i = 0; i < d->n_systems; i++)
		if (d->systems[i].id == id)
			return (long)i;
	return -1;
}

static long data_type_index(const bia_data *d, int64_t id)
{
	for (size_t i = 0; i < d->n_data_types; i++)
		if (d->data_types[i].id == id)
			return (long)i;
	return -1;
}

static moat_status read_use(sqlite3_stmt *st, bia_data *d)
{
	long p = process_index(d, sqlite3_column_int64(st, 0));
	long y = system_index(d, sqlite3_column_int64(st, 1));
	bia_use *u;
	if (p < 0 || y < 0)
		return ST_OK;
	if (!(u = grow((void **)&d->uses, &d->n_uses, sizeof *u)))
		return ST_NOMEM;
	*u = (bia_use){(size_t)p, (size_t)y};
	return ST_OK;
}

static moat_status read_hold(sqlite3_stmt *st, bia_data *d)
{
	long y = system_index(d, sqlite3_column_int64(st, 0));
	long t = data_type_index(d, sqlite3_column_int64(st, 1));
	bia_hold *h;
	if (y < 0 || t < 0)
		return ST_OK;
	if (!(h = grow((void **)&d->holds, &d->n_holds, sizeof *h)))
		return ST_NOMEM;
	*h = (bia_hold){(size_t)y, (size_t)t};
	return ST_OK;
}

/* The unit's settings, defaults where none is set. */
static moat_status read_settings(store *s, int64_t unit_id, bia_data *d)
{
	char word[32];
	int64_t v;
	moat_status ms;
	d->intolerable = BIA_DEFAULT_INTOLERABLE;
	if ((ms = store_param_text(s, unit_id, BIA_PARAM_INTOLERABLE,
				   bia_rating_key(BIA_DEFAULT_INTOLERABLE),
				   word, sizeof word)))
		return ms;
	bia_parse_rating(word, &d->intolerable);
	if ((ms = store_param_get(s, unit_id, BIA_PARAM_MARGIN,
				  BIA_DEFAULT_MARGIN, &v)))
		return ms;
	d->margin_permille = v >= 0 && v <= 1000 ? (int)v : BIA_DEFAULT_MARGIN;
	if ((ms = store_param_get(s, unit_id, BIA_PARAM_REVIEW_MONTHS,
				  BIA_DEFAULT_REVIEW_MONTHS, &v)))
		return ms;
	d->review_months = v >= 1 && v <= 120 ? (int)v
					      : BIA_DEFAULT_REVIEW_MONTHS;
	return store_param_text(s, unit_id, BIA_PARAM_TABLE, "", d->table,
				sizeof d->table);
}

#define OF_YEAR " WHERE assessment_id = ? ORDER BY id"

moat_status store_bia_load(store *s, int64_t assessment_id, bia_data *out)
{
	assessment a;
	moat_status ms;

	memset(out, 0, sizeof *out);
	if ((ms = store_assessment_get(s, assessment_id, &a)) ||
	    (ms = read_settings(s, a.unit_id, out)) ||
	    (ms = each_row(s, "SELECT minutes FROM bia_duration WHERE"
			      " assessment_id = ? ORDER BY minutes",
			   assessment_id, read_duration, out, "read durations")) ||
	    (ms = each_row(s, "SELECT id, name, owner, daily_volume, critical,"
			      " mtd, mtd_reason, rto, reviewed_on FROM"
			      " bia_process" OF_YEAR,
			   assessment_id, read_process, out, "read processes")) ||
	    (ms = each_row(s, "SELECT i.process_id, i.minutes, i.loss,"
			      " i.financial, i.financial_text, i.customer,"
			      " i.customer_text, i.legal, i.legal_text,"
			      " i.reputation, i.reputation_text, i.override,"
			      " i.override_reason FROM bia_process p JOIN"
			      " bia_impact i ON i.process_id = p.id"
			      " WHERE p.assessment_id = ?",
			   assessment_id, read_impact, out, "read impacts")) ||
	    (ms = each_row(s, "SELECT id, name, importance, planned_level, arch,"
			      " production_cost FROM bia_system" OF_YEAR,
			   assessment_id, read_system, out, "read systems")) ||
	    (ms = each_row(s, "SELECT id, name, rpo, backup FROM bia_data_type"
			      OF_YEAR,
			   assessment_id, read_data_type, out,
			   "read data types")) ||
	    (ms = each_row(s, "SELECT u.process_id, u.system_id FROM"
			      " bia_process p JOIN bia_use u ON u.process_id ="
			      " p.id WHERE p.assessment_id = ?",
			   assessment_id, read_use, out, "read uses")) ||
	    (ms = each_row(s, "SELECT h.system_id, h.data_type_id FROM"
			      " bia_system y JOIN bia_hold h ON h.system_id ="
			      " y.id WHERE y.assessment_id = ?",
			   assessment_id, read_hold, out, "read holds")))
		bia_data_free(out);
	return ms;
}

void bia_data_free(bia_data *d)
{
	free(d->processes);
	free(d->grids);
	free(d->systems);
	free(d->data_types);
	free(d->uses);
	free(d->holds);
	memset(d, 0, sizeof *d);
}

int64_t bia_data_mtd(const bia_data *d, size_t i)
{
	bia_mtd_suggestion sug;
	if (i >= d->n_processes)
		return BIA_UNSET;
	bia_suggest_mtd(&d->grids[i], d->intolerable, &sug);
	return bia_process_mtd(&d->processes[i], &sug);
}

/* The year (and so the unit) of row id, which sql (PROCESS_YEAR...)
 * reads; ST_NOT_FOUND when there is no such row. */
static moat_status year_of(store *s, const char *sql, int64_t id,
			   int64_t *assessment_id)
{
	bool found;
	moat_status rc = store_int_by_id(s, sql, id, assessment_id, &found);
	if (!rc && !found) {
		snprintf(s->err, sizeof s->err, "no such entry (%" PRId64 ")", id);
		return ST_NOT_FOUND;
	}
	return rc;
}

#define PROCESS_YEAR "SELECT assessment_id FROM bia_process WHERE id = ?"
#define SYSTEM_YEAR "SELECT assessment_id FROM bia_system WHERE id = ?"
#define DATA_TYPE_YEAR "SELECT assessment_id FROM bia_data_type WHERE id = ?"

/* Begins a write to assessment_id's analysis: the transaction, and the
 * refusal of a finalised year. */
static moat_status begin_write(store *s, int64_t assessment_id)
{
	moat_status rc = store_begin(s);
	if (!rc && (rc = store_check_writable(s, assessment_id)))
		return store_finish(s, rc);
	return rc;
}

static void minutes_text(int64_t m, char *out, size_t len)
{
	if (m < 0)
		out[0] = '\0';
	else
		snprintf(out, len, "%" PRId64, m);
}

/* Audits a change of one field when it changed. */
static moat_status audit_change(store *s, const char *user, int64_t aid,
				const char *entity, const char *key,
				const char *field, const char *was,
				const char *now)
{
	if (strcmp(was, now) == 0)
		return ST_OK;
	return store_audit(s, user, 0, aid, entity, key, field, was, now);
}

static moat_status audit_minutes(store *s, const char *user, int64_t aid,
				 const char *entity, const char *key,
				 const char *field, int64_t was, int64_t now)
{
	char a[24], b[24];
	minutes_text(was, a, sizeof a);
	minutes_text(now, b, sizeof b);
	return audit_change(s, user, aid, entity, key, field, a, b);
}

moat_status store_bia_set_durations(store *s, int64_t assessment_id,
				    const int64_t *minutes, size_t n,
				    const char *user)
{
	char was[256] = "", now[256] = "";
	bia_problem why;
	size_t at;
	bia_data d;
	sqlite3_stmt *st;
	moat_status rc;

	if (bia_check_durations(minutes, n, &why, &at))
		return refuse(s, why, at > 0 ? minutes[at - 1] : BIA_UNSET);
	if ((rc = begin_write(s, assessment_id)))
		return rc;
	if ((rc = store_bia_load(s, assessment_id, &d)))
		return store_finish(s, rc);
	for (size_t i = 0; i < d.n_durations; i++)
		snprintf(was + strlen(was), sizeof was - strlen(was), "%s%" PRId64,
			 i ? " " : "", d.durations[i]);
	bia_data_free(&d);
	for (size_t i = 0; i < n; i++)
		snprintf(now + strlen(now), sizeof now - strlen(now), "%s%" PRId64,
			 i ? " " : "", minutes[i]);
	st = store_prepare(s, "DELETE FROM bia_duration WHERE assessment_id = ?");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, assessment_id);
	rc = store_run(s, st, "replace durations");
	for (size_t i = 0; !rc && i < n; i++) {
		st = store_prepare(s, "INSERT INTO bia_duration (assessment_id,"
				      " minutes) VALUES (?, ?)");
		if (!st)
			return store_finish(s, ST_DB);
		sqlite3_bind_int64(st, 1, assessment_id);
		sqlite3_bind_int64(st, 2, minutes[i]);
		rc = store_run(s, st, "replace durations");
	}
	/* Rows at a duration no longer listed go with it. */
	if (!rc && (st = store_prepare(
			    s, "DELETE FROM bia_impact WHERE process_id IN"
			       " (SELECT id FROM bia_process WHERE"
			       " assessment_id = ?1) AND minutes NOT IN"
			       " (SELECT minutes FROM bia_duration WHERE"
			       " assessment_id = ?1)"))) {
		sqlite3_bind_int64(st, 1, assessment_id);
		rc = store_run(s, st, "drop rows");
	} else if (!rc) {
		rc = ST_DB;
	}
	if (!rc)
		rc = audit_change(s, user, assessment_id, "bia_durations", "",
				  "minutes", was, now);
	return store_finish(s, rc);
}

static bool blank(const char *t)
{
	for (; *t; t++)
		if (*t != ' ' && *t != '\t')
			return false;
	return true;
}

static moat_status check_name(store *s, const char *name)
{
	if (!name || blank(name)) {
		snprintf(s->err, sizeof s->err, "%s", msg(BIA_ERR_NAME_REQUIRED));
		return ST_INVALID;
	}
	return store_check_text(s, name, FIELD_NAME, BIA_NAME_MAX);
}

/* The stored process id (or a blank one for a new process) and its
 * grid, read inside the caller's transaction. */
static moat_status process_before(store *s, int64_t aid, int64_t id,
				  bia_process *was, bia_grid *grid,
				  bia_rating *intolerable)
{
	bia_data d;
	long i;
	moat_status rc = store_bia_load(s, aid, &d);
	if (rc)
		return rc;
	*intolerable = d.intolerable;
	i = id ? process_index(&d, id) : -1;
	memset(was, 0, sizeof *was);
	was->daily_volume = was->mtd = was->rto = BIA_UNSET;
	memset(grid, 0, sizeof *grid);
	if (i >= 0) {
		*was = d.processes[i];
		*grid = d.grids[i];
	} else {
		grid->n_rows = d.n_durations;
		for (size_t r = 0; r < d.n_durations; r++)
			grid->rows[r].minutes = d.durations[r];
	}
	bia_data_free(&d);
	if (id && i < 0) {
		snprintf(s->err, sizeof s->err, "no such process (%" PRId64 ")",
			 id);
		return ST_NOT_FOUND;
	}
	return ST_OK;
}

static moat_status check_process(store *s, const bia_process *p,
				 const bia_grid *grid, bia_rating intolerable)
{
	bia_mtd_suggestion sug;
	bia_problem why;
	int64_t mtd;
	moat_status rc;

	if ((rc = check_name(s, p->name)) ||
	    (rc = store_check_text(s, p->owner, BIA_F_OWNER, BIA_NAME_MAX)) ||
	    (rc = store_check_text(s, p->mtd_reason, FIELD_REASON,
				   BIA_REASON_MAX)))
		return rc;
	if (p->mtd_chosen && bia_check_mtd_choice(p->mtd, p->mtd_reason, &why))
		return refuse(s, why, BIA_UNSET);
	bia_suggest_mtd(grid, intolerable, &sug);
	mtd = bia_process_mtd(p, &sug);
	if (p->rto != BIA_UNSET && bia_check_rto(p->rto, mtd, &why))
		return refuse(s, why, mtd);
	return ST_OK;
}

/* A save's insert or update, and what it reports when the name is the
 * year's already. */
static moat_status run_save(store *s, sqlite3_stmt *st, const char *name,
			    const char *context)
{
	int sr = sqlite3_step(st);
	moat_status rc;
	store_done(st);
	if (sr == SQLITE_DONE)
		return ST_OK;
	rc = store_fail(s, sr, context);
	if (rc == ST_EXISTS)
		snprintf(s->err, sizeof s->err, msg(BIA_ERR_NAME_TAKEN_FMT), name);
	return rc;
}

moat_status store_bia_process_save(store *s, int64_t assessment_id,
				   const bia_process *p, const char *user,
				   int64_t *id)
{
	bia_process was;
	bia_grid grid;
	bia_rating intolerable;
	sqlite3_stmt *st;
	moat_status rc;
	char date_was[16] = "", date_now[16] = "";

	if ((rc = begin_write(s, assessment_id)))
		return rc;
	if ((rc = process_before(s, assessment_id, p->id, &was, &grid,
				 &intolerable)) ||
	    (rc = check_process(s, p, &grid, intolerable)))
		return store_finish(s, rc);
	st = store_prepare(
		s, p->id ? "UPDATE bia_process SET name = ?2, owner = ?3,"
			   " daily_volume = ?4, critical = ?5, mtd = ?6,"
			   " mtd_reason = ?7, rto = ?8, reviewed_on = ?9"
			   " WHERE id = ?1"
			 : "INSERT INTO bia_process (assessment_id, name, owner,"
			   " daily_volume, critical, mtd, mtd_reason, rto,"
			   " reviewed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
			   " ?8, ?9)");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, p->id ? p->id : assessment_id);
	store_bind_text(st, 2, p->name);
	store_bind_text(st, 3, p->owner);
	store_bind_optional(st, 4, p->daily_volume);
	sqlite3_bind_int(st, 5, p->critical);
	store_bind_optional(st, 6, p->mtd_chosen ? p->mtd : BIA_UNSET);
	store_bind_text(st, 7, p->mtd_chosen ? p->mtd_reason : "");
	store_bind_optional(st, 8, p->rto);
	if (p->reviewed.y)
		date_format(p->reviewed, date_now, sizeof date_now);
	store_bind_text(st, 9, date_now);
	if ((rc = run_save(s, st, p->name, "save process")))
		return store_finish(s, rc);
	*id = p->id ? p->id : sqlite3_last_insert_rowid(s->db);
	if (!p->id)
		return store_finish(s, store_audit(s, user, 0, assessment_id,
						    "bia_process", p->name,
						    "added", NULL, p->name));
	if (was.reviewed.y)
		date_format(was.reviewed, date_was, sizeof date_was);
	rc = audit_change(s, user, assessment_id, "bia_process", p->name,
			  "name", was.name, p->name);
	if (!rc)
		rc = audit_change(s, user, assessment_id, "bia_process", p->name,
				  "owner", was.owner, p->owner);
	if (!rc)
		rc = audit_minutes(s, user, assessment_id, "bia_process",
				   p->name, "daily_volume", was.daily_volume,
				   p->daily_volume);
	if (!rc)
		rc = audit_change(s, user, assessment_id, "bia_process", p->name,
				  "critical", was.critical ? "1" : "0",
				  p->critical ? "1" : "0");
	if (!rc)
		rc = audit_minutes(s, user, assessment_id, "bia_process",
				   p->name, "mtd",
				   was.mtd_chosen ? was.mtd : BIA_UNSET,
				   p->mtd_chosen ? p->mtd : BIA_UNSET);
	if (!rc)
		rc = audit_change(s, user, assessment_id, "bia_process", p->name,
				  "mtd_reason", was.mtd_chosen ? was.mtd_reason : "",
				  p->mtd_chosen ? p->mtd_reason : "");
	if (!rc)
		rc = audit_minutes(s, user, assessment_id, "bia_process",
				   p->name, "rto", was.rto, p->rto);
	if (!rc)
		rc = audit_change(s, user, assessment_id, "bia_process", p->name,
				  "reviewed", date_was, date_now);
	return store_finish(s, rc);
}

/* Deletes row id of a BIA table: sql_year finds its year, sql_name its
 * name for the audit, sql_delete removes it (its links and rows go by
 * their foreign keys). */
static moat_status delete_row(store *s, int64_t id, const char *user,
			      const char *sql_year, const char *sql_name,
			      const char *sql_delete, const char *entity)
{
	sqlite3_stmt *st;
	int64_t aid;
	char name[TEXT_BYTES(BIA_NAME_MAX)] = "";
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = year_of(s, sql_year, id, &aid)) ||
	    (rc = store_check_writable(s, aid)))
		return store_finish(s, rc);
	if (!(st = store_prepare(s, sql_name)))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		store_column_copy(st, 0, name, sizeof name);
	store_done(st);
	if (!(st = store_prepare(s, sql_delete)))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, id);
	if (!(rc = store_run(s, st, "delete")))
		rc = store_audit(s, user, 0, aid, entity, name, "deleted", name,
				 NULL);
	return store_finish(s, rc);
}

moat_status store_bia_process_delete(store *s, int64_t id, const char *user)
{
	return delete_row(s, id, user, PROCESS_YEAR,
			  "SELECT name FROM bia_process WHERE id = ?",
			  "DELETE FROM bia_process WHERE id = ?", "bia_process");
}

moat_status store_bia_system_delete(store *s, int64_t id, const char *user)
{
	return delete_row(s, id, user, SYSTEM_YEAR,
			  "SELECT name FROM bia_system WHERE id = ?",
			  "DELETE FROM bia_system WHERE id = ?", "bia_system");
}

moat_status store_bia_data_type_delete(store *s, int64_t id, const char *user)
{
	return delete_row(s, id, user, DATA_TYPE_YEAR,
			  "SELECT name FROM bia_data_type WHERE id = ?",
			  "DELETE FROM bia_data_type WHERE id = ?",
			  "bia_data_type");
}

/* The text an impact row is audited as: loss, the four ratings, the
 * override ("-" for none). */
static void row_text(const bia_row *r, char *out, size_t len)
{
	snprintf(out, len, "%" PRId64 " %s %s %s %s %s | %s | %s | %s | %s | %s",
		 (int64_t)r->loss, bia_rating_key(r->cell[0].rating),
		 bia_rating_key(r->cell[1].rating),
		 bia_rating_key(r->cell[2].rating),
		 bia_rating_key(r->cell[3].rating),
		 r->overridden ? bia_rating_key(r->override) : "-",
		 r->cell[0].text, r->cell[1].text, r->cell[2].text,
		 r->cell[3].text, r->overridden ? r->reason : "");
}

moat_status store_bia_impact_set(store *s, int64_t process_id,
				 const bia_row *row, const char *user)
{
	bia_process was;
	bia_grid grid, one;
	bia_row old;
	bia_rating intolerable;
	bia_problem why;
	size_t at, r;
	int64_t aid;
	sqlite3_stmt *st;
	char a[4200], b[4200], key[TEXT_BYTES(BIA_NAME_MAX) + 24];
	moat_status rc;

	memset(&one, 0, sizeof one);
	one.rows[0] = *row;
	one.n_rows = 1;
	if (bia_check_grid(&one, &why, &at))
		return refuse(s, why, BIA_UNSET);
	for (int k = 0; k < BIA_DIMENSIONS; k++)
		if ((rc = store_check_text(s, row->cell[k].text, BIA_F_IMPACT,
					   BIA_CELL_MAX)))
			return rc;
	if ((rc = store_check_text(s, row->reason, FIELD_REASON, BIA_REASON_MAX)))
		return rc;
	if ((rc = store_begin(s)))
		return rc;
	if ((rc = year_of(s, PROCESS_YEAR, process_id, &aid)) ||
	    (rc = store_check_writable(s, aid)) ||
	    (rc = process_before(s, aid, process_id, &was, &grid, &intolerable)))
		return store_finish(s, rc);
	for (r = 0; r < grid.n_rows && grid.rows[r].minutes != row->minutes; r++)
		;
	if (r == grid.n_rows) {
		snprintf(s->err, sizeof s->err,
			 "no outage duration of %" PRId64 " minutes", row->minutes);
		return store_finish(s, ST_INVALID);
	}
	/* The RTO set must stay under the MTD the new grid suggests. */
	old = grid.rows[r];
	grid.rows[r] = *row;
	if ((rc = check_process(s, &was, &grid, intolerable)))
		return store_finish(s, rc);
	st = store_prepare(
		s, "INSERT INTO bia_impact (process_id, minutes, loss, financial,"
		   " financial_text, customer, customer_text, legal, legal_text,"
		   " reputation, reputation_text, override, override_reason)"
		   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		   " ON CONFLICT (process_id, minutes) DO UPDATE SET"
		   " loss = excluded.loss, financial = excluded.financial,"
		   " financial_text = excluded.financial_text,"
		   " customer = excluded.customer,"
		   " customer_text = excluded.customer_text,"
		   " legal = excluded.legal, legal_text = excluded.legal_text,"
		   " reputation = excluded.reputation,"
		   " reputation_text = excluded.reputation_text,"
		   " override = excluded.override,"
		   " override_reason = excluded.override_reason");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, process_id);
	sqlite3_bind_int64(st, 2, row->minutes);
	sqlite3_bind_int64(st, 3, row->loss);
	for (int k = 0; k < BIA_DIMENSIONS; k++) {
		store_bind_text(st, 4 + 2 * k, bia_rating_key(row->cell[k].rating));
		store_bind_text(st, 5 + 2 * k, row->cell[k].text);
	}
	if (row->overridden)
		store_bind_text(st, 12, bia_rating_key(row->override));
	store_bind_text(st, 13, row->overridden ? row->reason : "");
	if ((rc = store_run(s, st, "set impact")))
		return store_finish(s, rc);
	row_text(&old, a, sizeof a);
	row_text(row, b, sizeof b);
	snprintf(key, sizeof key, "%s@%" PRId64, was.name, row->minutes);
	return store_finish(s, audit_change(s, user, aid, "bia_impact", key,
					    "row", a, b));
}

moat_status store_bia_system_save(store *s, int64_t assessment_id,
				  const bia_system *y, const char *user,
				  int64_t *id)
{
	bia_system was = {0};
	sqlite3_stmt *st;
	moat_status rc;
	char a[32], b[32];

	if ((rc = check_name(s, y->name)))
		return rc;
	if (!bia_rating_key(y->importance) || y->planned_level < 0 ||
	    y->planned_level > BIA_MAX_LEVELS)
		return refuse(s, BIA_RATING_RANGE, BIA_UNSET);
	if (y->production_cost < 0 || y->production_cost > MONEY_MAX)
		return refuse(s, BIA_COST_RANGE, BIA_UNSET);
	if ((rc = begin_write(s, assessment_id)))
		return rc;
	if (y->id) {
		bia_data d;
		long i;
		if ((rc = store_bia_load(s, assessment_id, &d)))
			return store_finish(s, rc);
		if ((i = system_index(&d, y->id)) >= 0)
			was = d.systems[i];
		bia_data_free(&d);
		if (i < 0) {
			snprintf(s->err, sizeof s->err,
				 "no such system (%" PRId64 ")", y->id);
			return store_finish(s, ST_NOT_FOUND);
		}
	}
	st = store_prepare(
		s, y->id ? "UPDATE bia_system SET name = ?2, importance = ?3,"
			   " planned_level = ?4, arch = ?5, production_cost = ?6"
			   " WHERE id = ?1"
			 : "INSERT INTO bia_system (assessment_id, name, importance,"
			   " planned_level, arch, production_cost) VALUES (?1, ?2,"
			   " ?3, ?4, ?5, ?6)");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, y->id ? y->id : assessment_id);
	store_bind_text(st, 2, y->name);
	store_bind_text(st, 3, bia_rating_key(y->importance));
	sqlite3_bind_int(st, 4, y->planned_level);
	store_bind_text(st, 5, y->arch);
	sqlite3_bind_int64(st, 6, y->production_cost);
	if ((rc = run_save(s, st, y->name, "save system")))
		return store_finish(s, rc);
	*id = y->id ? y->id : sqlite3_last_insert_rowid(s->db);
	if (!y->id)
		return store_finish(s, store_audit(s, user, 0, assessment_id,
						    "bia_system", y->name,
						    "added", NULL, y->name));
	rc = audit_change(s, user, assessment_id, "bia_system", y->name, "name",
			  was.name, y->name);
	if (!rc)
		rc = audit_change(s, user, assessment_id, "bia_system", y->name,
				  "importance", bia_rating_key(was.importance),
				  bia_rating_key(y->importance));
	if (!rc)
		rc = audit_minutes(s, user, assessment_id, "bia_system", y->name,
				   "planned_level", was.planned_level,
				   y->planned_level);
	if (!rc)
		rc = audit_change(s, user, assessment_id, "bia_system", y->name,
				  "arch", was.arch, y->arch);
	if (!rc) {
		money_format(was.production_cost, a, sizeof a);
		money_format(y->production_cost, b, sizeof b);
		rc = audit_change(s, user, assessment_id, "bia_system", y->name,
				  "production_cost", a, b);
	}
	return store_finish(s, rc);
}

moat_status store_bia_data_type_save(store *s, int64_t assessment_id,
				     const bia_data_type *t, const char *user,
				     int64_t *id)
{
	bia_data_type was = {.rpo = BIA_UNSET};
	sqlite3_stmt *st;
	moat_status rc;

	if ((rc = check_name(s, t->name)) ||
	    (rc = store_check_text(s, t->backup, BIA_F_BACKUP, BIA_NAME_MAX)))
		return rc;
	if (t->rpo != BIA_UNSET && (t->rpo < 0 || t->rpo > BIA_MAX_MINUTES))
		return refuse(s, BIA_DURATION_RANGE, BIA_UNSET);
	if ((rc = begin_write(s, assessment_id)))
		return rc;
	if (t->id) {
		bia_data d;
		long i;
		if ((rc = store_bia_load(s, assessment_id, &d)))
			return store_finish(s, rc);
		if ((i = data_type_index(&d, t->id)) >= 0)
			was = d.data_types[i];
		bia_data_free(&d);
		if (i < 0) {
			snprintf(s->err, sizeof s->err,
				 "no such data type (%" PRId64 ")", t->id);
			return store_finish(s, ST_NOT_FOUND);
		}
	}
	st = store_prepare(
		s, t->id ? "UPDATE bia_data_type SET name = ?2, rpo = ?3,"
			   " backup = ?4 WHERE id = ?1"
			 : "INSERT INTO bia_data_type (assessment_id, name, rpo,"
			   " backup) VALUES (?1, ?2, ?3, ?4)");
	if (!st)
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, t->id ? t->id : assessment_id);
	store_bind_text(st, 2, t->name);
	store_bind_optional(st, 3, t->rpo);
	store_bind_text(st, 4, t->backup);
	if ((rc = run_save(s, st, t->name, "save data type")))
		return store_finish(s, rc);
	*id = t->id ? t->id : sqlite3_last_insert_rowid(s->db);
	if (!t->id)
		return store_finish(s, store_audit(s, user, 0, assessment_id,
						    "bia_data_type", t->name,
						    "added", NULL, t->name));
	rc = audit_change(s, user, assessment_id, "bia_data_type", t->name,
			  "name", was.name, t->name);
	if (!rc)
		rc = audit_minutes(s, user, assessment_id, "bia_data_type",
				   t->name, "rpo", was.rpo, t->rpo);
	if (!rc)
		rc = audit_change(s, user, assessment_id, "bia_data_type",
				  t->name, "backup", was.backup, t->backup);
	return store_finish(s, rc);
}

/* Links (on) or unlinks row a of one table and row b of another, both of
 * one year: sql_a / sql_b find their years, names their names for the
 * audit ("a -> b"). */
static moat_status set_link(store *s, int64_t a, int64_t b, bool on,
			    const char *user, const char *sql_a,
			    const char *sql_b, const char *names,
			    const char *sql_on, const char *sql_off,
			    const char *entity)
{
	int64_t year_a, year_b;
	sqlite3_stmt *st;
	char key[2 * TEXT_BYTES(BIA_NAME_MAX) + 8] = "";
	moat_status rc;

	if ((rc = store_begin(s)))
		return rc;
	if ((rc = year_of(s, sql_a, a, &year_a)) ||
	    (rc = year_of(s, sql_b, b, &year_b)))
		return store_finish(s, rc);
	if (year_a != year_b) {
		snprintf(s->err, sizeof s->err, "the two belong to other years");
		return store_finish(s, ST_INVALID);
	}
	if ((rc = store_check_writable(s, year_a)))
		return store_finish(s, rc);
	if (!(st = store_prepare(s, names)))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	if (sqlite3_step(st) == SQLITE_ROW)
		store_column_copy(st, 0, key, sizeof key);
	store_done(st);
	if (!(st = store_prepare(s, on ? sql_on : sql_off)))
		return store_finish(s, ST_DB);
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	if ((rc = store_run(s, st, "link")))
		return store_finish(s, rc);
	if (sqlite3_changes(s->db) == 0)
		return store_finish(s, ST_OK); /* no change, nothing to audit */
	return store_finish(s, store_audit(s, user, 0, year_a, entity, key,
					   "linked", on ? NULL : "1",
					   on ? "1" : NULL));
}

moat_status store_bia_use_set(store *s, int64_t process_id, int64_t system_id,
			      bool on, const char *user)
{
	return set_link(s, process_id, system_id, on, user, PROCESS_YEAR,
			SYSTEM_YEAR,
			"SELECT p.name || ' -> ' || y.name FROM bia_process p,"
			" bia_system y WHERE p.id = ?1 AND y.id = ?2",
			"INSERT OR IGNORE INTO bia_use (process_id, system_id)"
			" VALUES (?1, ?2)",
			"DELETE FROM bia_use WHERE process_id = ?1 AND"
			" system_id = ?2",
			"bia_use");
}

moat_status store_bia_hold_set(store *s, int64_t system_id,
			       int64_t data_type_id, bool on, const char *user)
{
	return set_link(s, system_id, data_type_id, on, user, SYSTEM_YEAR,
			DATA_TYPE_YEAR,
			"SELECT y.name || ' -> ' || t.name FROM bia_system y,"
			" bia_data_type t WHERE y.id = ?1 AND t.id = ?2",
			"INSERT OR IGNORE INTO bia_hold (system_id, data_type_id)"
			" VALUES (?1, ?2)",
			"DELETE FROM bia_hold WHERE system_id = ?1 AND"
			" data_type_id = ?2",
			"bia_hold");
}

/* Copies from's analysis into to (a new year): the durations, the
 * processes with their grids, systems, data types and links, matched by
 * name. Inside the caller's transaction. */
moat_status store_bia_copy(store *s, int64_t from, int64_t to)
{
	static const char *const steps[] = {
		"INSERT INTO bia_duration (assessment_id, minutes)"
		" SELECT ?2, minutes FROM bia_duration WHERE assessment_id = ?1",
		"INSERT INTO bia_process (assessment_id, name, owner,"
		" daily_volume, critical, mtd, mtd_reason, rto, reviewed_on)"
		" SELECT ?2, name, owner, daily_volume, critical, mtd,"
		" mtd_reason, rto, reviewed_on FROM bia_process"
		" WHERE assessment_id = ?1 ORDER BY id",
		"INSERT INTO bia_impact SELECT n.id, i.minutes, i.loss,"
		" i.financial, i.financial_text, i.customer, i.customer_text,"
		" i.legal, i.legal_text, i.reputation, i.reputation_text,"
		" i.override, i.override_reason FROM bia_process o"
		" JOIN bia_impact i ON i.process_id = o.id"
		" JOIN bia_process n ON n.assessment_id = ?2 AND n.name = o.name"
		" WHERE o.assessment_id = ?1",
		"INSERT INTO bia_system (assessment_id, name, importance,"
		" planned_level, arch, production_cost) SELECT ?2, name,"
		" importance, planned_level, arch, production_cost FROM"
		" bia_system WHERE assessment_id = ?1 ORDER BY id",
		"INSERT INTO bia_data_type (assessment_id, name, rpo, backup)"
		" SELECT ?2, name, rpo, backup FROM bia_data_type"
		" WHERE assessment_id = ?1 ORDER BY id",
		"INSERT INTO bia_use SELECT np.id, ny.id FROM bia_process op"
		" JOIN bia_use u ON u.process_id = op.id"
		" JOIN bia_system oy ON oy.id = u.system_id"
		" JOIN bia_process np ON np.assessment_id = ?2 AND np.name = op.name"
		" JOIN bia_system ny ON ny.assessment_id = ?2 AND ny.name = oy.name"
		" WHERE op.assessment_id = ?1",
		"INSERT INTO bia_hold SELECT ny.id, nt.id FROM bia_system oy"
		" JOIN bia_hold h ON h.system_id = oy.id"
		" JOIN bia_data_type ot ON ot.id = h.data_type_id"
		" JOIN bia_system ny ON ny.assessment_id = ?2 AND ny.name = oy.name"
		" JOIN bia_data_type nt ON nt.assessment_id = ?2 AND nt.name = ot.name"
		" WHERE oy.assessment_id = ?1",
		/* The systems' backups (model/store_verify.h) go with them. */
		"INSERT INTO backup_plan SELECT ny.id, b.full_schedule,"
		" b.full_every, b.incr_schedule, b.incr_every, b.realtime,"
		" b.retention, b.retention_days FROM bia_system oy"
		" JOIN backup_plan b ON b.system_id = oy.id"
		" JOIN bia_system ny ON ny.assessment_id = ?2 AND ny.name = oy.name"
		" WHERE oy.assessment_id = ?1",
		"INSERT INTO backup_copy (system_id, location, medium, offsite)"
		" SELECT ny.id, c.location, c.medium, c.offsite FROM bia_system oy"
		" JOIN backup_copy c ON c.system_id = oy.id"
		" JOIN bia_system ny ON ny.assessment_id = ?2 AND ny.name = oy.name"
		" WHERE oy.assessment_id = ?1 ORDER BY c.id",
	};
	moat_status rc = ST_OK;
	for (size_t i = 0; !rc && i < sizeof steps / sizeof steps[0]; i++) {
		sqlite3_stmt *st = store_prepare(s, steps[i]);
		if (!st)
			return ST_DB;
		sqlite3_bind_int64(st, 1, from);
		sqlite3_bind_int64(st, 2, to);
		rc = store_run(s, st, "copy the analysis");
	}
	return rc;
}
