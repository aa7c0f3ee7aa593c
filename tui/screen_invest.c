#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/calc.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/cell_grid.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* A write of investment figures touches those alone. */
static bool calc_wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_CALC);
}

/* Tiered investment (§5): the classes with their shares, and the tiered
 * plan against one size fits all, self-built vs cloud vs hybrid DR, and
 * the HA upgrade. Inputs are edited in place; results follow as typed. */

typedef enum {
	IR_HEAD,     /* a section heading */
	IR_CLASS,    /* class i: name, level low, level high, amount */
	IR_TOTAL,    /* the classes' total */
	IR_FIELDS,   /* one or two scenario fields, and a result beside */
} irow_kind;

typedef enum {
	IRES_NONE = 0,
	IRES_UNIFORM, IRES_SELF, IRES_CLOUD, IRES_HYBRID, IRES_HA,
} irow_result;

typedef struct {
	irow_kind kind;
	msg_id label;
	size_t cls;           /* IR_CLASS */
	sc_field f[2];        /* IR_FIELDS: f[1] == SC__COUNT when single */
	irow_result res;      /* IR_FIELDS: result shown beside */
} irow;

#define MAX_IROWS (INVEST_MAX_CLASSES + 32)

/* One end of a low-high pair (a class's DR levels, a scenario's range)
 * typed first and held, not stored, while the other end is typed: the
 * pair is checked once both are known, so either end may come first.
 * Only while that other end is being edited. */
typedef struct {
	bool on;
	int64_t class_id; /* the class, for a row of levels */
	sc_field field;   /* the scenario field, for a range */
	int col;          /* the held cell */
	int64_t value;
} held_end;

typedef struct {
	screen base;
	calc_data d;
	bool loaded;
	irow rows[MAX_IROWS];
	cell_grid grid; /* its rows are rows[] */
	held_end held;
} invest_screen;

#define INV_OF(g) ((invest_screen *)(void *)((char *)(g) - offsetof(invest_screen, grid)))

enum { ACT_ADD = ACT_USER, ACT_DELETE };

static const keybinding invest_keys[] = {
	CELL_GRID_BINDINGS,
	{{'a', 0}, "a", NO_LABEL, HK_ADD_CLASS, ACT_ADD, true},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_DELETE_CLASS, ACT_DELETE, true},
};

static const cell_spec spec_name = {CELL_TEXT, 0, INVEST_NAME_MAX};
_Static_assert(TEXT_BYTES(INVEST_NAME_MAX) <= CELL_TEXT_BYTES,
	       "a class's name fits a cell's buffer");
static const cell_spec spec_level = {CELL_INT, INVEST_MIN_LEVEL, INVEST_MAX_LEVEL};
static const cell_spec spec_money = {CELL_MONEY, 0, MONEY_MAX};
static const cell_spec spec_pct = {CELL_INT, 0, 100};
static const cell_spec spec_years = {CELL_INT, 1, 50};
static const cell_spec spec_minutes = {CELL_INT, 0, 60 * 24 * 365};

static void add_row(invest_screen *v, irow r)
{
	if (v->grid.n_rows < MAX_IROWS)
		v->rows[v->grid.n_rows++] = r;
}

static irow fields(msg_id label, sc_field a, sc_field b, irow_result res)
{
	return (irow){IR_FIELDS, label, 0, {a, b}, res};
}

static void build_rows(invest_screen *v)
{
	v->grid.n_rows = 0;
	add_row(v, (irow){IR_HEAD, INV_CLASSES, 0, {SC__COUNT, SC__COUNT}, 0});
	for (size_t i = 0; i < v->d.n_classes; i++)
		add_row(v, (irow){IR_CLASS, INV_CLASSES, i, {SC__COUNT, SC__COUNT}, 0});
	add_row(v, (irow){IR_TOTAL, INV_TOTAL, 0, {SC__COUNT, SC__COUNT}, 0});
	add_row(v, (irow){IR_HEAD, INV_UNIFORM_HEAD, 0, {SC__COUNT, SC__COUNT}, 0});
	add_row(v, fields(INV_UNIFORM, SC_UNIFORM, SC__COUNT, IRES_UNIFORM));
	add_row(v, (irow){IR_HEAD, INV_OPTIONS_HEAD, 0, {SC__COUNT, SC__COUNT}, 0});
	add_row(v, fields(INV_HORIZON, SC_HORIZON, SC__COUNT, IRES_NONE));
	add_row(v, fields(INV_SELF_UP, SC_SELF_UP_LO, SC_SELF_UP_HI, IRES_NONE));
	add_row(v, fields(INV_SELF_YEAR, SC_SELF_YEAR_LO, SC_SELF_YEAR_HI, IRES_SELF));
	add_row(v, fields(INV_CLOUD_UP, SC_CLOUD_UP_LO, SC_CLOUD_UP_HI, IRES_NONE));
	add_row(v, fields(INV_CLOUD_YEAR, SC_CLOUD_YEAR_LO, SC_CLOUD_YEAR_HI, IRES_CLOUD));
	add_row(v, fields(INV_HYBRID, SC_HYBRID_LO, SC_HYBRID_HI, IRES_HYBRID));
	add_row(v, (irow){IR_HEAD, INV_HA_HEAD, 0, {SC__COUNT, SC__COUNT}, 0});
	add_row(v, fields(INV_HA_COST, SC_HA_BEFORE, SC_HA_AFTER, IRES_HA));
	add_row(v, fields(INV_HA_RTO, SC_HA_RTO_BEFORE, SC_HA_RTO_AFTER, IRES_NONE));
	add_row(v, fields(INV_HA_RPO, SC_HA_RPO_BEFORE, SC_HA_RPO_AFTER, IRES_NONE));
}

static int fields_of(const cell_grid *g, int row)
{
	const irow *r = &INV_OF(g)->rows[row];
	if (r->kind == IR_CLASS)
		return 4;
	if (r->kind == IR_FIELDS)
		return r->f[1] == SC__COUNT ? 1 : 2;
	return 0;
}

static const cell_spec *spec_of(const cell_grid *g, int row, int col)
{
	const irow *r = &INV_OF(g)->rows[row];
	if (r->kind == IR_CLASS)
		return col == 0 ? &spec_name : col == 3 ? &spec_money : &spec_level;
	switch (invest_field_type(r->f[col])) {
	case SCF_MONEY: return &spec_money;
	case SCF_PERCENT: return &spec_pct;
	case SCF_YEARS: return &spec_years;
	case SCF_MINUTES: break;
	}
	return &spec_minutes;
}

static int64_t stored_value(const invest_screen *v, int row, int col)
{
	const irow *r = &v->rows[row];
	if (r->kind == IR_CLASS) {
		const invest_class *c = &v->d.classes[r->cls];
		return col == 1 ? c->level_low : col == 2 ? c->level_high : c->amount;
	}
	return invest_field_get(&v->d.scenarios, r->f[col]);
}

/* Is (row, col) the end held while its partner is typed? */
static bool held_at(const invest_screen *v, int row, int col)
{
	const irow *r = &v->rows[row];
	if (!v->held.on || v->held.col != col)
		return false;
	if (r->kind == IR_CLASS)
		return v->d.classes[r->cls].id == v->held.class_id;
	return r->kind == IR_FIELDS && r->f[col] != SC__COUNT &&
	       r->f[col] == v->held.field;
}

static void value_text(const cell_grid *g, int row, int col, char *out,
		       size_t outlen)
{
	const invest_screen *v = INV_OF(g);
	if (held_at(v, row, col))
		cell_format(spec_of(g, row, col), v->held.value, out, outlen);
	else if (v->rows[row].kind == IR_CLASS && col == 0)
		snprintf(out, outlen, "%s", v->d.classes[v->rows[row].cls].name);
	else
		cell_format(spec_of(g, row, col), stored_value(v, row, col), out,
			    outlen);
}

static void load(invest_screen *v, app *a)
{
	if (v->loaded)
		calc_free(&v->d);
	v->loaded = calc_load(a->st, a->rep.unit.id, &v->d) == ST_OK;
	if (!v->loaded) {
		app_message(a, ROLE_BAD, msg(ERR_STORE_FMT), store_errmsg(a->st));
		v->grid.n_rows = 0;
		return;
	}
	build_rows(v);
	if (v->grid.row >= v->grid.n_rows)
		v->grid.row = v->grid.n_rows - 1;
	grid_focus_row(&v->grid, v->grid.row, 1);
	if (fields_of(&v->grid, v->grid.row) == 0)
		grid_focus_row(&v->grid, v->grid.row, -1);
}

static void invest_reload(screen *s, app *a)
{
	invest_screen *v = (invest_screen *)s;
	if (!v->grid.edit.editing)
		load(v, a);
}

/* The inputs with the value being typed put in, when it parses, and the
 * results computed from them. */
static void preview(const invest_screen *v, invest_class *classes,
		    invest_scenarios *sc, invest_result *res)
{
	const cell_grid *g = &v->grid;
	const irow *r = &v->rows[g->row];
	int64_t x;
	msg_id why;

	if (v->d.n_classes)
		memcpy(classes, v->d.classes, v->d.n_classes * sizeof *classes);
	*sc = v->d.scenarios;
	if (g->edit.editing && grid_numeric(g, g->row, g->col) &&
	    cell_parse(spec_of(g, g->row, g->col), g->edit.te.buf, &x, &why)) {
		sc_field f = r->kind == IR_FIELDS ? r->f[g->col] : SC__COUNT;
		bool both = held_at(v, g->row, 1 - g->col);
		if (r->kind == IR_CLASS) {
			invest_class *c = &classes[r->cls];
			if (g->col == 1)
				c->level_low = (int)x;
			else if (g->col == 2)
				c->level_high = (int)x;
			else
				c->amount = x;
		} else if (both ? invest_pair_check(sc, f, x, v->held.value) == SCE_OK
				: invest_field_check(sc, f, x) == SCE_OK) {
			/* A range shows once both its ends fit. */
			if (both)
				invest_field_set(sc, v->held.field, v->held.value);
			invest_field_set(sc, f, x);
		}
	}
	invest_compute(classes, v->d.n_classes, sc, res);
}

static void range_text(money_range r, char *out, size_t outlen)
{
	char a[32], b[32];
	money_format(r.lo, a, sizeof a);
	money_format(r.hi, b, sizeof b);
	snprintf(out, outlen, "%s – %s", a, b);
}

static void result_text(irow_result which, const invest_result *res,
			const invest_scenarios *sc, char *out, size_t outlen)
{
	char a[80], b[32];
	switch (which) {
	case IRES_UNIFORM:
		money_format(res->uniform_extra, a, sizeof a);
		num_format_double(res->uniform_ratio, 1, b, sizeof b);
		snprintf(out, outlen, msg(INV_UNIFORM_RES_FMT), a, b);
		return;
	case IRES_SELF:
	case IRES_CLOUD:
	case IRES_HYBRID:
		range_text(which == IRES_SELF ? res->self_n
			   : which == IRES_CLOUD ? res->cloud_n
						: res->hybrid_n,
			   a, sizeof a);
		snprintf(out, outlen, msg(INV_OVER_N_FMT), sc->horizon, a);
		return;
	case IRES_HA:
		money_format(res->ha_extra, a, sizeof a);
		num_format_double(res->ha_extra_pct, 0, b, sizeof b);
		snprintf(out, outlen, msg(INV_HA_RES_FMT), a, b);
		return;
	case IRES_NONE:
		break;
	}
	out[0] = '\0';
}

static void invest_draw(screen *s, app *a, rect b)
{
	invest_screen *v = (invest_screen *)s;
	cell_grid *g = &v->grid;
	invest_class classes[INVEST_MAX_CLASSES];
	invest_scenarios sc;
	invest_result res;
	/* Class names and labels take a third of what a window wider than
	 * 80 columns adds. */
	int rows = b.h - 1, lx = b.x + 2, lw = 24 + (b.w > 80 ? (b.w - 80) / 3 : 0);
	int f1 = lx + lw + 1, fw = 9;
	int f2 = f1 + fw + 1, rx = f2 + fw + 2, rw = b.x + b.w - rx - 1;

	if (!v->loaded)
		return;
	preview(v, classes, &sc, &res);
	g->top = layout_scroll(g->top, g->row, g->n_rows, rows);
	for (int i = 0; i < rows && g->top + i < g->n_rows; i++) {
		int row = g->top + i, y = b.y + i;
		const irow *r = &v->rows[row];
		char buf[160];
		switch (r->kind) {
		case IR_HEAD:
			draw_text(y, b.x + 1, lw + 1, ROLE_HEADING, msg(r->label));
			if (row == 0) {
				draw_text(y, f1, fw * 2 + 1, ROLE_DIM, msg(INV_LEVELS));
				draw_text_right(y, rx, 10, ROLE_DIM, v->d.currency);
				draw_text(y, rx + 12, rw - 12, ROLE_DIM, msg(INV_SHARE));
			} else {
				bool ha = r->label == INV_HA_HEAD;
				draw_text_right(y, f1, fw, ROLE_DIM,
						msg(ha ? INV_BEFORE : INV_LOW));
				draw_text_right(y, f2, fw, ROLE_DIM,
						msg(ha ? INV_AFTER : INV_HIGH));
			}
			break;
		case IR_CLASS: {
			int xs[4] = {lx, f1, f1 + 5, rx}, ws[4] = {lw, 2, 2, 10};
			for (int col = 0; col < 4; col++)
				grid_draw_cell(g, row, col, y, xs[col], ws[col], a);
			draw_text(y, f1 + 3, 1, ROLE_DIM, "-");
			num_format(res.share_bp[r->cls], 2, buf, sizeof buf);
			draw_textf(y, rx + 12, rw - 12, ROLE_NORMAL, "%s %%", buf);
			break;
		}
		case IR_TOTAL:
			draw_text(y, lx, lw, ROLE_HEADING, msg(INV_TOTAL));
			money_format(res.total, buf, sizeof buf);
			draw_text_right(y, rx, 10, ROLE_HEADING, buf);
			draw_text(y, rx + 12, rw - 12, ROLE_HEADING, "100 %");
			break;
		case IR_FIELDS:
			draw_text(y, lx, lw, ROLE_NORMAL, msg(r->label));
			for (int col = 0; col < fields_of(g, row); col++)
				grid_draw_cell(g, row, col, y, col ? f2 : f1, fw, a);
			result_text(r->res, &res, &sc, buf, sizeof buf);
			draw_text(y, rx, rw, ROLE_OK, buf);
			break;
		}
	}
	grid_draw_hint(g, b.y + b.h - 1, b.x + 2, b.w - 4);
}

static msg_id scenario_error(sc_error e)
{
	switch (e) {
	case SCE_OK: break;
	case SCE_RANGE: return CELL_ERR_LOW_HIGH;
	case SCE_NEGATIVE: return CELL_ERR_NEGATIVE;
	case SCE_PERCENT:
	case SCE_YEARS: return CELL_ERR_RANGE;
	}
	return MSG__COUNT;
}

/* Holds x, typed into the focused cell, as one end of its pair and starts
 * editing the other end (column other), saying so; nothing is stored.
 * False, as for a refusal: the edit goes on, in the other cell. */
static bool hold(invest_screen *v, int other, int64_t x, bool low)
{
	cell_grid *g = &v->grid;
	const irow *r = &v->rows[g->row];

	v->held = (held_end){true, r->kind == IR_CLASS ? v->d.classes[r->cls].id : 0,
			     r->kind == IR_FIELDS ? r->f[g->col] : SC__COUNT,
			     g->col, x};
	grid_edit_blank(g, g->row, other);
	g->edit.note = low ? INV_HELD_LOW : INV_HELD_HIGH;
	return false;
}

/* Stores a scenario range's two ends together. */
static moat_status store_pair(app *a, sc_field f, int64_t x, sc_field other,
			      int64_t ox)
{
	moat_status st = store_batch_begin(a->st);
	if (st)
		return st;
	st = store_param_set(a->st, a->rep.unit.id, invest_field_key(other), ox,
			     a->user);
	if (!st)
		st = store_param_set(a->st, a->rep.unit.id, invest_field_key(f), x,
				     a->user);
	return store_batch_end(a->st, st);
}

static bool commit(cell_grid *g, app *a)
{
	invest_screen *v = INV_OF(g);
	const irow *r = &v->rows[g->row];
	int64_t x = 0;
	msg_id why;
	moat_status st = ST_OK;

	if (!cell_parse(spec_of(g, g->row, g->col), g->edit.te.buf, &x, &why)) {
		g->edit.error = why;
		return false;
	}
	{
		/* Re-read first: another user may have changed the class's other
		 * cells while this one was being typed (kept), or this very
		 * cell (not written over: the edit is refused). */
		irow_kind kind = r->kind;
		int64_t id = kind == IR_CLASS ? v->d.classes[r->cls].id : 0;
		load(v, a);
		r = &v->rows[g->row];
		if (r->kind != kind ||
		    (kind == IR_CLASS && v->d.classes[r->cls].id != id)) {
			cell_edit_cancel(&g->edit);
			return calc_wrote(a, ST_NOT_FOUND), true;
		}
		if (grid_cell_changed(g)) {
			cell_edit_cancel(&g->edit);
			return calc_wrote(a, ST_CONFLICT), true;
		}
	}
	if (r->kind == IR_CLASS) {
		invest_class c = v->d.classes[r->cls];
		int other = g->col == 1 ? 2 : 1;
		bool both = held_at(v, g->row, other);
		if (g->col == 0) {
			te_value_into(&g->edit.te, c.name, sizeof c.name);
		} else if (g->col == 3) {
			c.amount = x;
		} else {
			*(g->col == 1 ? &c.level_low : &c.level_high) = (int)x;
			if (both)
				*(other == 1 ? &c.level_low : &c.level_high) =
					(int)v->held.value;
			if (!invest_levels_ok(c.level_low, c.level_high)) {
				if (!both)
					return hold(v, other, x, g->col == 1);
				g->edit.error = CELL_ERR_LEVELS;
				return false;
			}
		}
		st = store_invest_class_update(a->st, &c, a->user);
	} else {
		sc_field f = r->f[g->col];
		bool both = held_at(v, g->row, 1 - g->col);
		sc_error e = both ? invest_pair_check(&v->d.scenarios, f, x,
						      v->held.value)
				  : invest_field_check(&v->d.scenarios, f, x);
		if (e == SCE_RANGE && !both)
			return hold(v, 1 - g->col, x, invest_field_is_low(f));
		if (e != SCE_OK) {
			g->edit.error = scenario_error(e);
			return false;
		}
		st = both ? store_pair(a, f, x, v->held.field, v->held.value)
			  : store_param_set(a->st, a->rep.unit.id,
					    invest_field_key(f), x, a->user);
	}
	v->held.on = false;
	cell_edit_cancel(&g->edit);
	calc_wrote(a, st);
	return true;
}

static const cell_grid_ops invest_grid_ops = {
	.fields_of = fields_of,
	.spec_of = spec_of,
	.value_text = value_text,
	.commit = commit,
};

static screen *delete_confirmed(app *a, void *ctx, bool yes)
{
	int64_t *id = ctx;
	if (yes)
		calc_wrote(a, store_invest_class_delete(a->st, *id, a->user));
	return NULL;
}

static bool invest_typing(const screen *s)
{
	return ((const invest_screen *)s)->grid.edit.editing;
}

static key_result invest_key(screen *s, app *a, int action, int key)
{
	invest_screen *v = (invest_screen *)s;
	cell_grid *g = &v->grid;
	key_result out;
	char buf[CELL_TEXT_BYTES + 160]; /* a question quoting a name */
	int64_t *id;

	if (!v->loaded)
		return result(RES_UNUSED);
	if (grid_key(g, a, action, key, &out)) {
		/* An end is held only while its partner is typed: Esc, or
		 * the pair stored, lets it go; Esc returns to where the
		 * typing began. */
		if (!g->edit.editing && v->held.on) {
			if (key == KEY_ESC)
				g->col = g->want_col = v->held.col;
			v->held.on = false;
		}
		return out;
	}
	switch (action) {
	case ACT_ADD: {
		invest_class c = {0, "", 1, 1, 0};
		int64_t nid = 0;
		snprintf(c.name, sizeof c.name, "%s", msg(INV_NEW_CLASS));
		if (!calc_wrote(a, store_invest_class_add(a->st, a->rep.unit.id, &c,
						    a->user, &nid)))
			return result(RES_NONE);
		for (int i = 0; i < g->n_rows; i++)
			if (v->rows[i].kind == IR_CLASS &&
			    v->d.classes[v->rows[i].cls].id == nid) {
				grid_edit_blank(g, i, 0);
			}
		return result(RES_NONE);
	}
	case ACT_DELETE:
		if (v->rows[g->row].kind != IR_CLASS) {
			app_message(a, ROLE_WARN, "%s", msg(INV_DELETE_WHERE));
			return result(RES_NONE);
		}
		if (!(id = malloc(sizeof *id)))
			return result(RES_NONE);
		*id = v->d.classes[v->rows[g->row].cls].id;
		snprintf(buf, sizeof buf, msg(ROI_CONFIRM_DELETE_FMT),
			 v->d.classes[v->rows[g->row].cls].name);
		return push(confirm_new(buf, delete_confirmed, id, true));
	}
	return result(RES_UNUSED);
}

static void invest_destroy(screen *s)
{
	invest_screen *v = (invest_screen *)s;
	grid_free(&v->grid);
	if (v->loaded)
		calc_free(&v->d);
	free(v);
}

static const screen_ops invest_ops = {
	.title = INV_TITLE,
	.keys = KEYTABLE(invest_keys),
	.typing = invest_typing,
	.draw = invest_draw,
	.handle_key = invest_key,
	.reload = invest_reload,
	.destroy = invest_destroy,
};

screen *screen_invest_new(app *a)
{
	invest_screen *v = calloc(1, sizeof *v);
	if (!v)
		return NULL;
	v->base.ops = &invest_ops;
	grid_init(&v->grid, &invest_grid_ops);
	load(v, a);
	return &v->base;
}
