#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/msg.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/prompt.h"
#include "tui/textedit.h"

typedef struct {
	screen base;
	char *question;
	textedit te;
	prompt_done done;
	confirm_done cdone;
	msg_id field; /* names the entry in a refusal for length */
	void *ctx;
	bool owned;
	int scroll; /* first column shown of a long entry */
	prompt_check check; /* may be NULL */
	prompt_check_text check_text; /* may be NULL */
	msg_id error; /* why Enter was refused, MSG__COUNT when it was not */
	char why[512]; /* the same from check_text, "" when it was not */
} prompt_screen;

enum { ACT_OK = ACT_USER, ACT_CANCEL, ACT_YES, ACT_NO };

static const keybinding prompt_keys[] = {
	{{'\n', KEY_FN(KEY_ENTER), 0}, NULL, HK_NAME_ENTER, HK_CONFIRM, ACT_OK, true},
	{{KEY_ESC, 0}, NULL, HK_NAME_ESC, HK_CANCEL, ACT_CANCEL, true},
};

static const keybinding confirm_keys[] = {
	{{'y', 'Y', 0}, "y", NO_LABEL, HK_CONFIRM, ACT_YES, true},
	{{'n', 'N', KEY_ESC, 0}, "n Esc", NO_LABEL, HK_CANCEL, ACT_NO, true},
};

static void prompt_draw(screen *s, app *a, rect body)
{
	prompt_screen *p = (prompt_screen *)s;
	int w = body.w - 10 < 70 ? body.w - 10 : 70;
	/* Below the question: a blank row, and the entry and its hint. */
	int below = p->cdone ? 1 : 3;
	/* The question takes the rows it needs, as far as the body has
	 * them (then its last row ends with "…"). */
	int q_rows = draw_paragraph_rows(p->question, w - 4);
	rect in;

	if (q_rows > body.h - 2 - below)
		q_rows = body.h - 2 - below;
	if (q_rows < 1)
		q_rows = 1;
	in = draw_box(q_rows + below + 2, w, NULL);
	draw_paragraph((rect){in.y, in.x, q_rows, in.w}, 0, ROLE_HEADING,
		       p->question);
	if (p->cdone)
		return;
	form_draw_line(&p->te, in.y + q_rows + 1, in.x, in.w, &p->scroll, true, a);
	if (p->te.full) {
		char limit[160];

		msg_limit(p->field, p->te.max_chars, limit, sizeof limit);
		draw_text(in.y + q_rows + 2, in.x, in.w, ROLE_BAD, limit);
	} else if (p->why[0]) {
		draw_text(in.y + q_rows + 2, in.x, in.w, ROLE_BAD, p->why);
	} else if (p->error == PROMPT_ERR_REQUIRED_FMT) {
		draw_textf(in.y + q_rows + 2, in.x, in.w, ROLE_BAD, msg(p->error),
			   msg(p->field));
	} else if (p->error != MSG__COUNT) {
		draw_text(in.y + q_rows + 2, in.x, in.w, ROLE_BAD, msg(p->error));
	} else {
		draw_text(in.y + q_rows + 2, in.x, in.w, ROLE_DIM, msg(PROMPT_HINT));
	}
}

static void prompt_destroy(screen *s)
{
	prompt_screen *p = (prompt_screen *)s;
	if (p->owned)
		free(p->ctx);
	free(p->question);
	te_free(&p->te);
	free(p);
}

static key_result finish(prompt_screen *p, app *a, bool ok)
{
	screen *next = NULL;
	char *text = NULL;
	if (p->cdone) {
		next = p->cdone(a, p->ctx, ok);
	} else if (ok) {
		text = te_value(&p->te);
		if (text)
			next = p->done(a, p->ctx, text);
		free(text);
	}
	return next ? (key_result){RES_REPLACE, next} : result(RES_POP);
}

/* Runs the check on Enter: true when the prompt may close. */
static bool accepted(prompt_screen *p, app *a)
{
	char *text;

	if (!p->check && !p->check_text)
		return true;
	if (!(text = te_value(&p->te)))
		return false;
	p->why[0] = '\0';
	if (p->check)
		p->error = p->check(a, p->ctx, text);
	else if (!p->check_text(a, p->ctx, text, p->why, sizeof p->why) &&
		 !p->why[0])
		snprintf(p->why, sizeof p->why, "?");
	free(text);
	return p->error == MSG__COUNT && !p->why[0];
}

static key_result prompt_key(screen *s, app *a, int action, int key)
{
	prompt_screen *p = (prompt_screen *)s;
	switch (action) {
	case ACT_OK:
		if (!accepted(p, a))
			return result(RES_NONE);
		return finish(p, a, true);
	case ACT_YES:
		return finish(p, a, true);
	case ACT_CANCEL:
	case ACT_NO:
		return finish(p, a, false);
	case ACT_QUIT:
		return result(RES_UNUSED);
	}
	if (!p->cdone && form_edit_key(&p->te, key, 0)) {
		p->error = MSG__COUNT;
		p->why[0] = '\0';
	}
	return result(RES_NONE);
}

static const screen_ops prompt_ops = {
	.title = PROMPT_HINT,
	.keys = KEYTABLE(prompt_keys),
	.text_entry = true,
	.modal = true,
	.draw = prompt_draw,
	.handle_key = prompt_key,
	.destroy = prompt_destroy,
};

static const screen_ops confirm_ops = {
	.title = PROMPT_HINT,
	.keys = KEYTABLE(confirm_keys),
	.text_entry = true,
	.modal = true,
	.draw = prompt_draw,
	.handle_key = prompt_key,
	.destroy = prompt_destroy,
};

screen *prompt_new(const char *question, const char *initial, size_t max_chars,
		   msg_id field, prompt_done done, void *ctx, bool owned)
{
	prompt_screen *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->base.ops = &prompt_ops;
	p->error = MSG__COUNT;
	p->question = strdup(question);
	p->done = done;
	p->field = field;
	p->ctx = ctx;
	p->owned = owned;
	if (!p->question || !te_init(&p->te, initial, false, max_chars)) {
		prompt_destroy(&p->base);
		return NULL;
	}
	return &p->base;
}

screen *confirm_new(const char *question, confirm_done done, void *ctx,
		    bool owned)
{
	prompt_screen *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->base.ops = &confirm_ops;
	p->error = MSG__COUNT;
	p->question = strdup(question);
	p->cdone = done;
	p->ctx = ctx;
	p->owned = owned;
	if (!p->question || !te_init(&p->te, NULL, false, 0)) {
		prompt_destroy(&p->base);
		return NULL;
	}
	return &p->base;
}

screen *prompt_checked(screen *s, prompt_check check)
{
	if (s)
		((prompt_screen *)s)->check = check;
	return s;
}

screen *prompt_checked_text(screen *s, prompt_check_text check)
{
	if (s)
		((prompt_screen *)s)->check_text = check;
	return s;
}

msg_id prompt_required(app *a, void *ctx, const char *text)
{
	(void)a, (void)ctx;
	return *text ? MSG__COUNT : PROMPT_ERR_REQUIRED_FMT;
}
