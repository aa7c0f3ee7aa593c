#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/calc.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/cell_grid.h"
#include "tui/item_choice.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* A write of ROI figures touches those alone. */
static bool calc_wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_CALC);
}

/* The ROI calculator (§6.3): itemised inputs on the left, results on the
 * right, recomputed as the user types. */

typedef enum { ROW_HEAD, ROW_LINE, ROW_HORIZON, ROW_RATE } row_kind;

typedef struct {
	row_kind kind;
	roi_kind section; /* ROW_HEAD */
	size_t line;      /* ROW_LINE: index into d.lines */
} roi_row;

#define MAX_ROWS (ROI_KIND_COUNT + 256 + 2)

typedef struct {
	screen base;
	calc_data d;
	bool loaded;
	roi_row rows[MAX_ROWS];
	cell_grid grid; /* its rows are rows[] */
} roi_screen;

#define ROI_OF(g) ((roi_screen *)(void *)((char *)(g) - offsetof(roi_screen, grid)))

enum { ACT_ADD = ACT_USER, ACT_DELETE, ACT_CURRENCY, ACT_ITEM };

static const keybinding roi_keys[] = {
	CELL_GRID_BINDINGS,
	{{'a', 0}, "a", NO_LABEL, HK_ADD_LINE, ACT_ADD, true},
	{{'d', KEY_FN(KEY_DC), 0}, "d", NO_LABEL, HK_DELETE_LINE, ACT_DELETE, true},
	{{'u', 0}, "u", NO_LABEL, HK_CURRENCY, ACT_CURRENCY, false},
	{{'i', 0}, "i", NO_LABEL, HK_ROI_ITEM, ACT_ITEM, false},
};

static const cell_spec spec_name = {CELL_TEXT, 0, ROI_NAME_MAX};
_Static_assert(TEXT_BYTES(ROI_NAME_MAX) <= CELL_TEXT_BYTES,
	       "a line's name fits a cell's buffer");
static const cell_spec spec_money = {CELL_MONEY, 0, MONEY_MAX};
static const cell_spec spec_incidents = {CELL_COUNT3, 0, ROI_MAX_INCIDENTS_MILLI};
static const cell_spec spec_horizon = {CELL_INT, 1, ROI_MAX_YEARS};
static const cell_spec spec_rate = {CELL_PERCENT, 0, ROI_MAX_RATE_BP};
static const cell_spec spec_heading = {CELL_NONE, 0, 0};

static int fields_of(const cell_grid *g, int row)
{
	const roi_screen *r = ROI_OF(g);
	const roi_row *rw = &r->rows[row];
	switch (rw->kind) {
	case ROW_HEAD: return 1; /* the cursor stands there to add a line */
	case ROW_LINE: return r->d.lines[rw->line].kind == ROI_LOSS ? 3 : 2;
	case ROW_HORIZON:
	case ROW_RATE: return 1;
	}
	return 0;
}

static const cell_spec *spec_of(const cell_grid *g, int row, int col)
{
	switch (ROI_OF(g)->rows[row].kind) {
	case ROW_LINE:
		return col == 0 ? &spec_name : col == 1 ? &spec_money : &spec_incidents;
	case ROW_HORIZON: return &spec_horizon;
	case ROW_RATE: return &spec_rate;
	case ROW_HEAD: return &spec_heading;
	}
	return &spec_name;
}

/* The stored value of a cell, as text. */
static void value_text(const cell_grid *g, int row, int col, char *out,
		       size_t outlen)
{
	const roi_screen *r = ROI_OF(g);
	const roi_row *rw = &r->rows[row];
	const cell_spec *sp = spec_of(g, row, col);
	switch (rw->kind) {
	case ROW_LINE: {
		const roi_line *l = &r->d.lines[rw->line];
		if (col == 0)
			snprintf(out, outlen, "%s", l->name);
		else
			cell_format(sp, col == 1 ? l->amount : l->incidents_milli, out,
				    outlen);
		return;
	}
	case ROW_HORIZON:
		cell_format(sp, r->d.horizon, out, outlen);
		return;
	case ROW_RATE:
		cell_format(sp, r->d.rate_bp, out, outlen);
		return;
	case ROW_HEAD: break;
	}
	out[0] = '\0';
}

static void build_rows(roi_screen *r)
{
	int n = 0;
	for (int k = 0; k < ROI_KIND_COUNT; k++) {
		r->rows[n++] = (roi_row){ROW_HEAD, (roi_kind)k, 0};
		for (size_t i = 0; i < r->d.n_lines && n < MAX_ROWS - 2; i++)
			if (r->d.lines[i].kind == (roi_kind)k)
				r->rows[n++] = (roi_row){ROW_LINE, 0, i};
	}
	r->rows[n++] = (roi_row){ROW_HORIZON, 0, 0};
	r->rows[n++] = (roi_row){ROW_RATE, 0, 0};
	r->grid.n_rows = n;
}

static void load(roi_screen *r, app *a)
{
	cell_grid *g = &r->grid;
	int64_t keep_id = -1;
	bool first = !r->loaded && g->n_rows == 0;
	if (r->loaded && r->rows[g->row].kind == ROW_LINE)
		keep_id = r->d.lines[r->rows[g->row].line].id;
	if (r->loaded)
		calc_free(&r->d);
	r->loaded = calc_load(a->st, a->rep.unit.id, &r->d) == ST_OK;
	if (!r->loaded) {
		app_message(a, ROLE_BAD, msg(ERR_STORE_FMT), store_errmsg(a->st));
		g->n_rows = 0;
		return;
	}
	build_rows(r);
	/* Opened on the first line when there is one, else on the first
	 * heading, where a adds. */
	if (first && g->n_rows > 1 && r->rows[1].kind == ROW_LINE)
		g->row = 1;
	for (int i = 0; i < g->n_rows; i++)
		if (r->rows[i].kind == ROW_LINE &&
		    r->d.lines[r->rows[i].line].id == keep_id)
			g->row = i;
	if (g->row >= g->n_rows)
		g->row = g->n_rows - 1;
	grid_focus_row(g, g->row, 1);
}

static void roi_reload(screen *s, app *a)
{
	roi_screen *r = (roi_screen *)s;
	if (!r->grid.edit.editing)
		load(r, a);
}

/* The results with the value being typed put in, when it parses. */
static roi_result preview(const roi_screen *r)
{
	roi_line *lines = malloc((r->d.n_lines ? r->d.n_lines : 1) * sizeof *lines);
	roi_input in = {lines, r->d.n_lines, r->d.horizon, r->d.rate_bp};
	roi_result res = r->d.roi;
	const cell_grid *g = &r->grid;
	const roi_row *rw = &r->rows[g->row];
	int64_t v;
	msg_id why;

	if (!lines)
		return res;
	if (r->d.n_lines)
		memcpy(lines, r->d.lines, r->d.n_lines * sizeof *lines);
	if (g->edit.editing && grid_numeric(g, g->row, g->col) &&
	    cell_parse(spec_of(g, g->row, g->col), g->edit.te.buf, &v, &why)) {
		if (rw->kind == ROW_LINE && g->col == 1)
			lines[rw->line].amount = v;
		else if (rw->kind == ROW_LINE && g->col == 2)
			lines[rw->line].incidents_milli = (int)v;
		else if (rw->kind == ROW_HORIZON)
			in.horizon = (int)v;
		else if (rw->kind == ROW_RATE)
			in.rate_bp = (int)v;
	}
	roi_compute(&in, &res);
	free(lines);
	return res;
}

/* The checklist item a cost names: "3 DR site / architecture", or the key
 * when no item has it. */
static void item_label(const questionnaire *q, const char *key, char *out,
		       size_t len)
{
	int i = questionnaire_item_index(q, key);
	if (i >= 0)
		snprintf(out, len, "%d %s", i + 1, q->items[i].title);
	else
		snprintf(out, len, "%s", key);
}

/* The focused line's item in full, under the lines: what the column beside
 * each cost only begins. */
static void draw_item_detail(const roi_screen *r, app *a, int y, int x, int w)
{
	const roi_row *rw = &r->rows[r->grid.row];
	const roi_line *l;
	int i;

	if (rw->kind != ROW_LINE || (l = &r->d.lines[rw->line])->kind == ROI_LOSS)
		return;
	if (!l->item[0])
		draw_text(y, x, w, ROLE_DIM, msg(ROI_ITEM_NONE));
	else if ((i = questionnaire_item_index(a->q, l->item)) >= 0)
		draw_textf(y, x, w, ROLE_NORMAL, msg(ROI_ITEM_FMT), (size_t)i + 1,
			   a->q->items[i].title);
	else
		draw_textf(y, x, w, ROLE_NORMAL, msg(ROI_ITEM_KEY_FMT), l->item);
}

static void draw_inputs(roi_screen *r, app *a, rect b)
{
	int xn = b.x + 2, wn = 24, xa = xn + wn + 1, wa = 10, xi = xa + wa + 1, wi = 6;
	/* A cost's item takes what is left of the pane, 6 columns at least. */
	int wt = b.x + b.w + 1 - xi > wi ? b.x + b.w + 1 - xi : wi;
	char item[256];
	static const msg_id heads[ROI_KIND_COUNT] = {ROI_ONE_OFF_HEAD,
						     ROI_RECURRING_HEAD,
						     ROI_LOSS_HEAD};
	cell_grid *g = &r->grid;
	int rows = b.h - 2; /* a blank row, then the focused line's item */

	g->top = layout_scroll(g->top, g->row, g->n_rows, rows);
	for (int i = 0; i < rows && g->top + i < g->n_rows; i++) {
		int row = g->top + i, y = b.y + i;
		const roi_row *rw = &r->rows[row];
		switch (rw->kind) {
		case ROW_HEAD:
			if (row == g->row && !g->edit.editing)
				draw_fill(y, b.x, wn + 2, ROLE_SELECTED);
			draw_text(y, b.x, wn + 2,
				  row == g->row ? ROLE_SELECTED : ROLE_HEADING,
				  msg(heads[rw->section]));
			if (rw->section == ROI_ONE_OFF)
				draw_text_right(y, xa, wa, ROLE_DIM, r->d.currency);
			if (rw->section == ROI_LOSS)
				draw_text_right(y, xi, wi, ROLE_DIM, msg(ROI_TIMES_YEAR));
			else
				draw_text(y, xi, wt, ROLE_DIM, msg(ROI_ITEM_HEAD));
			break;
		case ROW_LINE: {
			const roi_line *l = &r->d.lines[rw->line];
			for (int c = 0; c < fields_of(g, row); c++)
				grid_draw_cell(g, row, c, y, c == 0 ? xn : c == 1 ? xa : xi,
					       c == 0 ? wn : c == 1 ? wa : wi, a);
			if (l->kind != ROI_LOSS && l->item[0]) {
				item_label(a->q, l->item, item, sizeof item);
				draw_text(y, xi, wt, ROLE_DIM, item);
			}
			break;
		}
		case ROW_HORIZON:
		case ROW_RATE:
			draw_text(y, b.x, wn + 2, ROLE_HEADING,
				  msg(rw->kind == ROW_HORIZON ? ROI_HORIZON : ROI_RATE));
			grid_draw_cell(g, row, 0, y, xa, wa, a);
			break;
		}
	}
	draw_item_detail(r, a, b.y + b.h - 1, xn, b.x + b.w - xn);
}

static void draw_results(const roi_result *res, const calc_data *d, rect b)
{
	int y = b.y, lw = 20;
	char v[64], label[96];

	draw_text(y, b.x, b.w, ROLE_HEADING, msg(ROI_RESULTS));
	draw_text_right(y++, b.x, b.w, ROLE_DIM, d->currency);
	if (res->overflow) {
		draw_text(y, b.x, b.w, ROLE_BAD, msg(ROI_OVERFLOW));
		return;
	}
	money_format(res->yearly_net, v, sizeof v);
	draw_text(y, b.x, lw, ROLE_NORMAL, msg(ROI_YEARLY_NET));
	draw_text_right(y++, b.x, b.w, res->yearly_net > 0 ? ROLE_OK : ROLE_BAD, v);
	draw_text(y, b.x, lw, ROLE_NORMAL, msg(ROI_PAYBACK));
	if (res->pays_back) {
		char n[32];
		num_format_double(res->payback_years, 2, n, sizeof n);
		snprintf(v, sizeof v, msg(ROI_YEARS_FMT), n);
		draw_text_right(y++, b.x, b.w, ROLE_OK, v);
	} else {
		draw_text_right(y++, b.x, b.w, ROLE_BAD, msg(ROI_NEVER));
	}
	snprintf(label, sizeof label, msg(ROI_NET_N_FMT), res->years);
	money_format(res->net_n, v, sizeof v);
	draw_text(y, b.x, lw, ROLE_NORMAL, label);
	draw_text_right(y++, b.x, b.w, ROLE_NORMAL, v);
	snprintf(label, sizeof label, msg(ROI_NPV_FMT), res->years);
	num_format_double(res->npv / 100.0, 2, v, sizeof v);
	draw_text(y, b.x, lw, ROLE_NORMAL, label);
	draw_text_right(y++, b.x, b.w, ROLE_NORMAL, v);
	snprintf(label, sizeof label, msg(ROI_ROI_FMT), res->years);
	draw_text(y, b.x, lw, ROLE_NORMAL, label);
	if (res->roi_defined) {
		num_format_double(res->roi_pct, 1, v, sizeof v);
		strncat(v, " %", sizeof v - strlen(v) - 1);
	} else {
		snprintf(v, sizeof v, "—");
	}
	draw_text_right(y++, b.x, b.w, ROLE_NORMAL, v);
	y++;

	/* The cumulative cash line as bars, one row a year, as many as fit. */
	draw_text(y++, b.x, b.w, ROLE_HEADING, msg(ROI_CUMULATIVE));
	{
		money peak = 1;
		int rows = b.y + b.h - y, step = 1, bar_w = b.w - 14;
		for (int t = 0; t <= res->years; t++) {
			money m = res->cumulative[t] < 0 ? -res->cumulative[t]
							 : res->cumulative[t];
			if (m > peak)
				peak = m;
		}
		while (rows > 0 && (res->years / step) + 1 > rows)
			step++;
		for (int t = 0; t <= res->years && y < b.y + b.h; t += step, y++) {
			money c = res->cumulative[t];
			int len = (int)((double)(c < 0 ? -c : c) * bar_w / (double)peak + 0.5);
			draw_textf(y, b.x, 4, ROLE_DIM, "y%d", t);
			for (int i = 0; i < len; i++)
				draw_text(y, b.x + 4 + i, 1, c < 0 ? ROLE_BAD : ROLE_OK,
					  c < 0 ? "░" : "█");
			money_format(c, v, sizeof v);
			draw_text(y, b.x + 5 + len, b.w - 5 - len, ROLE_NORMAL, v);
		}
	}
}

static void roi_draw(screen *s, app *a, rect b)
{
	roi_screen *r = (roi_screen *)s;
	int split = b.w * 55 / 100;
	roi_result res;

	if (!r->loaded)
		return;
	res = preview(r);
	draw_inputs(r, a, (rect){b.y, b.x + 1, b.h - 1, split - 1});
	draw_results(&res, &r->d, (rect){b.y, b.x + split + 2, b.h - 1, b.w - split - 3});
	grid_draw_hint(&r->grid, b.y + b.h - 1, b.x + 2, b.w - 4);
}

/* Stores the value being edited; false (with the reason shown at the
 * field) when it is refused. */
static bool commit(cell_grid *g, app *a)
{
	roi_screen *r = ROI_OF(g);
	const roi_row *rw = &r->rows[g->row];
	const cell_spec *sp = spec_of(g, g->row, g->col);
	int64_t v = 0;
	msg_id why;
	moat_status st = ST_OK;

	if (!cell_parse(sp, g->edit.te.buf, &v, &why)) {
		g->edit.error = why;
		return false;
	}
	{
		/* Re-read first: another user may have changed the line's other
		 * cells while this one was being typed (kept), or this very
		 * cell (not written over: the edit is refused). */
		row_kind kind = rw->kind;
		int64_t id = kind == ROW_LINE ? r->d.lines[rw->line].id : 0;
		load(r, a);
		rw = &r->rows[g->row];
		if (rw->kind != kind ||
		    (kind == ROW_LINE && r->d.lines[rw->line].id != id)) {
			cell_edit_cancel(&g->edit);
			return calc_wrote(a, ST_NOT_FOUND), true;
		}
		if (grid_cell_changed(g)) {
			cell_edit_cancel(&g->edit);
			return calc_wrote(a, ST_CONFLICT), true;
		}
	}
	if (rw->kind == ROW_LINE) {
		roi_line l = r->d.lines[rw->line];
		if (g->col == 0) {
			te_value_into(&g->edit.te, l.name, sizeof l.name);
		} else if (g->col == 1) {
			l.amount = v;
		} else {
			l.incidents_milli = (int)v;
		}
		st = store_roi_line_update(a->st, &l, a->user);
	} else if (rw->kind == ROW_HORIZON) {
		st = store_param_set(a->st, a->rep.unit.id, ROI_PARAM_HORIZON, v, a->user);
	} else if (rw->kind == ROW_RATE) {
		st = store_param_set(a->st, a->rep.unit.id, ROI_PARAM_RATE, v, a->user);
	}
	cell_edit_cancel(&g->edit);
	calc_wrote(a, st);
	return true;
}

static const cell_grid_ops roi_grid_ops = {
	.fields_of = fields_of,
	.spec_of = spec_of,
	.value_text = value_text,
	.commit = commit,
};

static screen *delete_confirmed(app *a, void *ctx, bool yes)
{
	int64_t *id = ctx;
	if (yes)
		calc_wrote(a, store_roi_line_delete(a->st, *id, a->user));
	return NULL;
}

static screen *currency_given(app *a, void *ctx, const char *text)
{
	(void)ctx;
	if (*text)
		calc_wrote(a, store_param_set_text(a->st, a->rep.unit.id,
					     PARAM_CURRENCY, text, a->user));
	return NULL;
}

static key_result add_line(roi_screen *r, app *a)
{
	roi_line l = {0};
	int64_t id;
	cell_grid *g = &r->grid;
	const roi_row *rw = &r->rows[g->row];

	/* The section the cursor is in: its heading or one of its lines;
	 * below the sections (horizon, rate), the losses avoided. */
	l.kind = rw->kind == ROW_LINE   ? r->d.lines[rw->line].kind
		 : rw->kind == ROW_HEAD ? rw->section
					: ROI_LOSS;
	l.incidents_milli = 1000;
	snprintf(l.name, sizeof l.name, "%s", msg(ROI_NEW_LINE));
	if (!calc_wrote(a, store_roi_line_add(a->st, a->rep.unit.id, &l, a->user, &id)))
		return result(RES_NONE);
	/* Focus the new line's name, ready to type over. */
	for (int i = 0; i < g->n_rows; i++)
		if (r->rows[i].kind == ROW_LINE && r->d.lines[r->rows[i].line].id == id) {
			grid_edit_blank(g, i, 0);
		}
	return result(RES_NONE);
}

/* The checklist item a cost advances, chosen as a task's is. */
typedef struct {
	screen base;
	int64_t id;
	char name[TEXT_BYTES(ROI_NAME_MAX)];
	char seen[64]; /* the item stored when the form opened */
	form form;
	form_field field;
	item_choice items;
} item_form;

static const keybinding item_keys[] = {
	{{0}, NULL, HK_NAME_ENTER, HK_SAVE, ACT_NONE, true},
	{{0}, NULL, HK_NAME_ESC, HK_CANCEL, ACT_NONE, true},
};

static void item_draw(screen *s, app *a, rect b)
{
	item_form *f = (item_form *)s;
	draw_textf(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(ROI_ITEM_ASK_FMT),
		   f->name);
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, 1, b.w - 4}, a);
}

/* Writes the chosen item over the line as stored now, unless someone
 * changed its item since the form opened: then the form stays, and a
 * second Enter writes over their choice knowingly. */
static bool item_save(screen *s, app *a)
{
	item_form *f = (item_form *)s;
	const char *key = item_choice_key(&f->field, a->q);
	roi_line *v, *l = NULL;
	size_t n;
	moat_status st = store_roi_lines(a->st, a->rep.unit.id, &v, &n);
	bool done;

	for (size_t i = 0; !st && i < n && !l; i++)
		if (v[i].id == f->id)
			l = &v[i];
	if (st || !l) {
		calc_wrote(a, st ? st : ST_NOT_FOUND);
		free(v);
		return true;
	}
	if (strcmp(l->item, f->seen) != 0) {
		snprintf(f->seen, sizeof f->seen, "%s", l->item);
		free(v);
		return calc_wrote(a, ST_CONFLICT);
	}
	snprintf(l->item, sizeof l->item, "%s", key);
	done = calc_wrote(a, store_roi_line_update(a->st, l, a->user));
	free(v);
	return done;
}

static key_result item_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((item_form *)s)->form, a, action, key,
				  item_save);
}

static void item_destroy(screen *s)
{
	item_form *f = (item_form *)s;
	te_free(&f->field.te);
	item_choice_free(&f->items);
	free(f);
}

static const screen_ops item_ops = {
	.title = ROI_ITEM_TITLE,
	.keys = KEYTABLE(item_keys),
	.text_entry = true,
	.draw = item_draw,
	.handle_key = item_key,
	.destroy = item_destroy,
};

static screen *item_form_new(app *a, const roi_line *l)
{
	item_form *f = calloc(1, sizeof *f);

	if (!f)
		return NULL;
	f->base.ops = &item_ops;
	f->id = l->id;
	snprintf(f->name, sizeof f->name, "%s", l->name);
	snprintf(f->seen, sizeof f->seen, "%s", l->item);
	f->field.label = ROI_F_ITEM;
	if (!item_choice_init(&f->items, &f->field, a->q, l->item)) {
		item_destroy(&f->base);
		return NULL;
	}
	form_init(&f->form, &f->field, 1, a->today);
	return &f->base;
}

static bool roi_typing(const screen *s)
{
	return ((const roi_screen *)s)->grid.edit.editing;
}

static key_result roi_key(screen *s, app *a, int action, int key)
{
	roi_screen *r = (roi_screen *)s;
	cell_grid *g = &r->grid;
	key_result out;
	char buf[CELL_TEXT_BYTES + 160]; /* a question quoting a name */
	int64_t *id;

	if (!r->loaded)
		return result(RES_UNUSED);
	if (grid_key(g, a, action, key, &out))
		return out;
	switch (action) {
	case ACT_ADD:
		return add_line(r, a);
	case ACT_DELETE:
		if (r->rows[g->row].kind != ROW_LINE) {
			app_message(a, ROLE_WARN, "%s", msg(ROI_DELETE_WHERE));
			return result(RES_NONE);
		}
		if (!(id = malloc(sizeof *id)))
			return result(RES_NONE);
		*id = r->d.lines[r->rows[g->row].line].id;
		snprintf(buf, sizeof buf, msg(ROI_CONFIRM_DELETE_FMT),
			 r->d.lines[r->rows[g->row].line].name);
		return push(confirm_new(buf, delete_confirmed, id, true));
	case ACT_ITEM:
		if (r->rows[g->row].kind != ROW_LINE ||
		    r->d.lines[r->rows[g->row].line].kind == ROI_LOSS) {
			app_message(a, ROLE_WARN, "%s", msg(ROI_ITEM_WHERE));
			return result(RES_NONE);
		}
		return push(item_form_new(a, &r->d.lines[r->rows[g->row].line]));
	case ACT_CURRENCY:
		return push(prompt_checked(prompt_new(msg(CURRENCY_PROMPT),
						      r->d.currency, CURRENCY_MAX,
						      FIELD_CURRENCY, currency_given,
						      NULL, false),
					   prompt_required));
	}
	return result(RES_UNUSED);
}

static void roi_destroy(screen *s)
{
	roi_screen *r = (roi_screen *)s;
	grid_free(&r->grid);
	if (r->loaded)
		calc_free(&r->d);
	free(r);
}

static const screen_ops roi_ops = {
	.title = ROI_TITLE,
	.keys = KEYTABLE(roi_keys),
	.typing = roi_typing,
	.draw = roi_draw,
	.handle_key = roi_key,
	.reload = roi_reload,
	.destroy = roi_destroy,
};

screen *screen_roi_new(app *a)
{
	roi_screen *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->base.ops = &roi_ops;
	grid_init(&r->grid, &roi_grid_ops);
	load(r, a);
	return &r->base;
}
