#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/date.h"
#include "model/evidence.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form.h"

bool form_edit_key(textedit *te, int key, int width)
{
	switch (key) {
	case KEY_FN(KEY_BACKSPACE):
	case 127:
	case 8:
		te_backspace(te);
		return true;
	case KEY_FN(KEY_DC):
		te_delete(te);
		return true;
	case KEY_FN(KEY_LEFT):
		te_left(te);
		return true;
	case KEY_FN(KEY_RIGHT):
		te_right(te);
		return true;
	case KEY_FN(KEY_HOME):
	case KEY_CTRL('a'):
		te_home(te);
		return true;
	case KEY_FN(KEY_END):
	case KEY_CTRL('e'):
		te_end(te);
		return true;
	case KEY_CTRL('u'):
		te_clear(te);
		return true;
	case KEY_FN(KEY_UP):
		return te->multiline && te_up(te, width);
	case KEY_FN(KEY_DOWN):
		return te->multiline && te_down(te, width);
	case '\n':
		return te->multiline && te_insert(te, '\n');
	}
	if (key >= 0x20 && key < 0x110000 && key != 127)
		return te_insert(te, (uint32_t)key), true;
	return false;
}

void form_draw_line(const textedit *te, int y, int x, int w, int *scroll,
		    bool focused, app *a)
{
	int col = 0, row = 0, skipped = 0;
	char *shown;
	size_t start = 0;

	/* A single line never wraps: measure it with a huge width. */
	te_cursor_xy(te, 1 << 20, &row, &col);
	*scroll = te_scroll(te, *scroll, w);
	while (start < te->len && skipped < *scroll) {
		uint32_t cp;
		size_t len = text_decode(te->buf + start, te->len - start, &cp);
		skipped += text_cp_width(cp);
		start += len;
	}
	draw_fill(y, x, w, focused ? ROLE_FIELD : ROLE_DIM);
	shown = te->buf + start;
	{
		char *fit = malloc(strlen(shown) + 4);
		if (fit) {
			text_fit(shown, w, false, fit, strlen(shown) + 4);
			attrset(draw_attr(focused ? ROLE_FIELD : ROLE_NORMAL));
			mvaddstr(y, x, fit);
			attrset(A_NORMAL);
			free(fit);
		}
	}
	if (focused) {
		a->cursor_on = true;
		a->cursor_y = y;
		a->cursor_x = x + col - *scroll;
	}
}

void form_draw_multi(const textedit *te, rect r, int *scroll, bool focused,
		     app *a)
{
	size_t n = te_wrap(te, r.w - 1, NULL, 0);
	size_t *starts = malloc(n * sizeof *starts);
	int crow = 0, ccol = 0;

	if (!starts)
		return;
	te_wrap(te, r.w - 1, starts, n);
	te_cursor_xy(te, r.w - 1, &crow, &ccol);
	*scroll = layout_scroll(*scroll, crow, (int)n, r.h);
	for (int row = 0; row < r.h; row++) {
		size_t line = (size_t)(*scroll + row);
		draw_fill(r.y + row, r.x, r.w, focused ? ROLE_FIELD : ROLE_DIM);
		if (line < n) {
			size_t from = starts[line];
			size_t to = line + 1 < n ? starts[line + 1] : te->len;
			char *seg;
			if (to > from && te->buf[to - 1] == '\n')
				to--;
			seg = strndup(te->buf + from, to - from);
			if (seg) {
				attrset(draw_attr(focused ? ROLE_FIELD : ROLE_NORMAL));
				mvaddstr(r.y + row, r.x, seg);
				attrset(A_NORMAL);
				free(seg);
			}
		}
	}
	free(starts);
	if (focused) {
		a->cursor_on = true;
		a->cursor_y = r.y + crow - *scroll;
		a->cursor_x = r.x + ccol;
	}
}

bool form_choice_init(form_field *fld, const char *const *options, size_t n,
		      size_t choice)
{
	fld->kind = FIELD_CHOICE;
	fld->rows = 1;
	fld->options = options;
	fld->n_options = n;
	fld->choice = choice < n ? choice : 0;
	return te_init(&fld->te, "", false, 0);
}

void form_init(form *f, form_field *fields, size_t n, date today)
{
	memset(f, 0, sizeof *f);
	f->fields = fields;
	f->n = n;
	f->today = today;
	f->error = MSG__COUNT;
	for (size_t i = 0; i < n; i++) {
		int w = text_width(msg(fields[i].label));
		if (w > f->label_w)
			f->label_w = w;
	}
}

/* A choice: the option chosen, and how to change it while focused. */
static void draw_choice(const form_field *fld, int y, int x, int w,
			bool focused, app *a)
{
	int used;

	draw_fill(y, x, w, focused ? ROLE_FIELD : ROLE_DIM);
	used = draw_text(y, x, w, focused ? ROLE_FIELD : ROLE_NORMAL,
			 fld->choice < fld->n_options ? fld->options[fld->choice]
						      : "");
	if (!focused)
		return;
	draw_text(y, x + used + 2, w - used - 2, ROLE_DIM, msg(FORM_CHOICE_HINT));
	a->cursor_on = true;
	a->cursor_y = y;
	a->cursor_x = x;
}

void form_draw(form *f, rect r, app *a)
{
	int y = r.y;
	int fx = r.x + f->label_w + 2;
	int fw = r.w - f->label_w - 2;
	int need = 0, gap;

	/* Blank lines between fields only when everything still fits. */
	for (size_t i = 0; i < f->n; i++)
		need += f->fields[i].rows + 1;
	gap = need + (f->error != MSG__COUNT) <= r.h ? 1 : 0;
	f->field_w = fw;
	for (size_t i = 0; i < f->n && y < r.y + r.h; i++) {
		form_field *fld = &f->fields[i];
		bool focused = i == f->focus;
		int rows = fld->rows;
		if (y + rows > r.y + r.h)
			rows = r.y + r.h - y;
		draw_text(y, r.x, f->label_w, focused ? ROLE_HEADING : ROLE_NORMAL,
			  msg(fld->label));
		/* The edit buffers hold only what te_insert let in, so they
		 * are free of control characters and safe to print. */
		if (fld->kind == FIELD_CHOICE)
			draw_choice(fld, y, fx, fw, focused, a);
		else if (fld->rows > 1)
			form_draw_multi(&fld->te, (rect){y, fx, rows, fw},
					&fld->scroll, focused, a);
		else
			form_draw_line(&fld->te, y, fx, fw, &fld->scroll,
				       focused, a);
		y += rows;
		if (f->error != MSG__COUNT && f->error_field == i) {
			char why[160], day[16];

			if (f->error == TEXT_LIMIT_FMT) {
				msg_limit(fld->label, fld->te.max_chars, why,
					  sizeof why);
			} else if (f->error == FORM_ERR_FUTURE_FMT) {
				date_format(f->today, day, sizeof day);
				snprintf(why, sizeof why, msg(f->error), day);
			} else {
				snprintf(why, sizeof why, "%s", msg(f->error));
			}
			draw_text(y, fx, fw, ROLE_BAD, why);
			y++;
		}
		y += gap;
	}
}

static void move_focus(form *f, int delta)
{
	f->focus = delta > 0 ? (f->focus + 1) % f->n : (f->focus + f->n - 1) % f->n;
}

/* Space and the arrows on a choice: true when the key changed it. */
static bool choice_key(form_field *fld, int key)
{
	if (fld->kind != FIELD_CHOICE || fld->n_options == 0)
		return false;
	if (key == ' ' || key == KEY_FN(KEY_RIGHT))
		fld->choice = (fld->choice + 1) % fld->n_options;
	else if (key == KEY_FN(KEY_LEFT))
		fld->choice = (fld->choice + fld->n_options - 1) % fld->n_options;
	else
		return false;
	return true;
}

form_result form_key(form *f, int key)
{
	form_field *fld = &f->fields[f->focus];

	if (choice_key(fld, key)) {
		f->dirty = true;
		if (f->error_field == f->focus)
			f->error = MSG__COUNT;
		return FORM_NONE;
	}
	switch (key) {
	case KEY_ESC:
		return FORM_CANCEL;
	case KEY_CTRL('s'):
		return FORM_SUBMIT;
	case '\t':
	case KEY_FN(KEY_DOWN):
		if (key == KEY_FN(KEY_DOWN) && fld->rows > 1 &&
		    te_down(&fld->te, f->field_w - 1))
			return FORM_NONE;
		move_focus(f, 1);
		return FORM_NONE;
	case KEY_FN(KEY_BTAB):
	case KEY_FN(KEY_UP):
		if (key == KEY_FN(KEY_UP) && fld->rows > 1 &&
		    te_up(&fld->te, f->field_w - 1))
			return FORM_NONE;
		move_focus(f, -1);
		return FORM_NONE;
	case '\n':
	case KEY_FN(KEY_ENTER):
		if (fld->rows > 1)
			break;
		if (f->focus + 1 == f->n)
			return FORM_SUBMIT;
		move_focus(f, 1);
		return FORM_NONE;
	}
	/* Nothing is typed into a choice. */
	if (fld->kind != FIELD_CHOICE &&
	    form_edit_key(&fld->te, key == KEY_FN(KEY_ENTER) ? '\n' : key,
			  f->field_w - 1)) {
		f->dirty = true;
		if (f->error_field == f->focus)
			f->error = MSG__COUNT;
		/* A refusal for length says so at the field. */
		if (fld->te.full) {
			f->error = TEXT_LIMIT_FMT;
			f->error_field = f->focus;
		}
	}
	return FORM_NONE;
}

form_result form_screen_key(form *f, app *a, int key)
{
	form_result r;
	if (f->asking_discard) {
		f->asking_discard = false;
		return key == 'y' || key == 'Y' ? FORM_CANCEL : FORM_NONE;
	}
	r = form_key(f, key);
	if (r == FORM_CANCEL && f->dirty) {
		f->asking_discard = true;
		app_message(a, ROLE_WARN, "%s", msg(CONFIRM_DISCARD));
		return FORM_NONE;
	}
	return r;
}

key_result form_screen_handle(screen *s, form *f, app *a, int action,
			      int key, bool (*save)(screen *s, app *a))
{
	if (action == ACT_QUIT)
		return result(RES_UNUSED);
	switch (form_screen_key(f, a, key)) {
	case FORM_SUBMIT:
		return result(save(s, a) ? RES_POP : RES_NONE);
	case FORM_CANCEL:
		return result(RES_POP);
	case FORM_NONE:
		break;
	}
	return result(RES_NONE);
}

bool form_validate(form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		form_field *fld = &f->fields[i];
		char *v = strdup(fld->te.buf);
		msg_id err = MSG__COUNT;
		date d;
		int months;
		if (!v)
			return false;
		text_trim(v);
		if (fld->required && !*v)
			err = fld->kind == FIELD_TEXT && fld->rows > 1 ? FORM_ERR_BODY
								   : FORM_ERR_REQUIRED;
		else if ((fld->kind == FIELD_DATE || fld->kind == FIELD_PAST_DATE) &&
			 *v && !date_parse(v, &d))
			err = FORM_ERR_DATE;
		else if (fld->kind == FIELD_PAST_DATE && *v &&
			 !date_happened_by(d, f->today))
			err = FORM_ERR_FUTURE_FMT;
		else if (fld->kind == FIELD_MONTHS && *v &&
			 !evidence_parse_validity(v, &months))
			err = FORM_ERR_VALID;
		free(v);
		if (err != MSG__COUNT) {
			f->error = err;
			f->error_field = i;
			f->focus = i;
			return false;
		}
	}
	f->error = MSG__COUNT;
	return true;
}
