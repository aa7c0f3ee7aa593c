#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/demo.h"
#include "tui/app.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* Shown when the database holds no organisation: load the demo or create
 * a unit, then continue on the home screen. */
typedef struct {
	screen base;
} firstrun_screen;

enum { ACT_DEMO = ACT_USER, ACT_NEW };

static const keybinding firstrun_keys[] = {
	{{'d', 0}, "d", NO_LABEL, HK_DEMO, ACT_DEMO, true},
	{{'n', 0}, "n", NO_LABEL, HK_NEW_ORG, ACT_NEW, true},
};

static void firstrun_draw(screen *s, app *a, rect b)
{
	rect text = {b.y + 1, b.x + 4, b.h - 2, b.w - 8};
	int row = 0;
	char buf[1024];

	(void)s;
	draw_text(text.y + row, text.x, text.w, ROLE_HEADING, msg(FR_TITLE));
	row += 2;
	snprintf(buf, sizeof buf, msg(FR_TEXT_FMT), a->db_path);
	row += draw_paragraph(text, row, ROLE_NORMAL, buf) + 1;
	row += draw_paragraph(text, row, ROLE_DIM, msg(FR_INTRO)) + 1;
	draw_text(text.y + row++, text.x + 2, text.w - 2, ROLE_KEY, msg(FR_DEMO));
	draw_text(text.y + row++, text.x + 2, text.w - 2, ROLE_KEY, msg(FR_NEW));
	draw_text(text.y + row++, text.x + 2, text.w - 2, ROLE_KEY, msg(FR_QUIT));
}

/* After the first organisation exists the home screen replaces this one;
 * the prompt that asked for the name sits on top, so replace both. */
static screen *go_home(app *a, int64_t assessment_id)
{
	app_open_assessment(a, assessment_id);
	a->reset_stack = true;
	return screen_home_new();
}

static screen *create_unit(app *a, void *ctx, const char *name)
{
	int64_t unit_id, assessment_id;
	moat_status st;

	(void)ctx;
	if (!*name)
		return NULL;
	st = store_unit_open_new(a->st, name, NULL, a->today.y, a->user,
				 &unit_id, &assessment_id);
	if (!app_wrote(a, st))
		return NULL;
	return go_home(a, assessment_id);
}

static key_result firstrun_key(screen *s, app *a, int action, int key)
{
	int64_t assessment_id;
	moat_status st;

	(void)s, (void)key;
	switch (action) {
	case ACT_DEMO:
		st = demo_load(a->st, a->q, a->today, a->user, &assessment_id);
		if (!app_wrote(a, st))
			return result(RES_NONE);
		return (key_result){RES_REPLACE, go_home(a, assessment_id)};
	case ACT_NEW:
		return push(prompt_checked(prompt_new(msg(FR_NAME_PROMPT), NULL,
						      UNIT_NAME_MAX, FIELD_UNIT_NAME,
						      create_unit, NULL, false),
					   prompt_required));
	}
	return result(RES_UNUSED);
}

static void firstrun_destroy(screen *s) { free(s); }

static const screen_ops firstrun_ops = {
	.title = FR_TITLE,
	.keys = KEYTABLE(firstrun_keys),
	.draw = firstrun_draw,
	.handle_key = firstrun_key,
	.destroy = firstrun_destroy,
};

screen *screen_firstrun_new(void)
{
	firstrun_screen *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->base.ops = &firstrun_ops;
	return &f->base;
}
