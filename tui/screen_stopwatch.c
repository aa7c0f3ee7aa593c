#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/drill_text.h"
#include "model/verify_text.h"
#include "tui/app.h"
#include "tui/drill_ui.h"
#include "tui/prompt.h"
#include "tui/screens.h"

/* A live drill: single keys stamp "incident declared", "recovery
 * started" and "service restored" with the wall clock (drill_clock), and
 * free notes with the time they were written; the time since the
 * declaration runs against the RTO of the systems in scope. Restoring
 * service makes the measured recovery time the drill's RTA and records
 * one ledger entry per system. */
typedef struct {
	screen base;
	int64_t id;
	drill_data data;
	int top; /* first note shown */
} watch_screen;

enum { ACT_DECLARE = ACT_USER, ACT_RECOVERY, ACT_RESTORED, ACT_NOTE,
       ACT_FINDING };

static const keybinding watch_keys[] = {
	{{'i', 0}, "i", NO_LABEL, HK_WATCH_DECLARE, ACT_DECLARE, true},
	{{'s', 0}, "s", NO_LABEL, HK_WATCH_RECOVERY, ACT_RECOVERY, true},
	{{'r', 0}, "r", NO_LABEL, HK_WATCH_RESTORED, ACT_RESTORED, true},
	{{'n', 0}, "n", NO_LABEL, HK_WATCH_NOTE, ACT_NOTE, true},
	{{'f', 0}, "f", NO_LABEL, HK_DRILL_FINDING, ACT_FINDING, false},
};

static void watch_reload(screen *s, app *a)
{
	watch_screen *w = (watch_screen *)s;
	drill_data_load(a, w->id, &w->data);
}

static void watch_draw(screen *s, app *a, rect b)
{
	watch_screen *w = (watch_screen *)s;
	const drill_full *f;
	verify_time now;
	int sec, y = b.y, lw = 20;
	bool clock = drill_clock(&now, &sec);
	char t[512], when[32], rto[64] = "—";
	drill_times m;

	if (!w->data.loaded && !drill_data_load(a, w->id, &w->data))
		return;
	f = &w->data.f;
	draw_textf(y++, b.x + 2, b.w - 3, ROLE_HEADING, "%s · %s · %s",
		   drill_type_text(&a->q->drill, f->d.type),
		   f->d.scenario[0] ? f->d.scenario : "—",
		   f->n_systems ? f->systems[0] : msg(DRILL_NO_SYSTEMS));
	if (w->data.scope_rto != BIA_UNSET)
		bia_minutes_format(w->data.scope_rto, rto, sizeof rto);
	y++;
	drill_measure(&f->d, &m);
	for (int k = 0; k < DRILL_MARKS; k++) {
		draw_text(y, b.x + 2, lw, ROLE_NORMAL, drill_mark_text((drill_mark)k));
		if (f->d.marked[k]) {
			verify_format_time(&f->d.at[k], when, sizeof when);
			draw_text(y, b.x + 2 + lw, 18, ROLE_OK, when);
		} else {
			draw_text(y, b.x + 2 + lw, 18, ROLE_DIM, "—");
		}
		if (k == DRILL_RECOVERY && m.response != BIA_UNSET) {
			bia_minutes_format(m.response, t, sizeof t);
			draw_textf(y, b.x + 2 + lw + 18, b.w - lw - 21, ROLE_DIM,
				   msg(DRILL_WATCH_AFTER_FMT), t);
		}
		y++;
	}
	y++;
	if (f->d.marked[DRILL_RESTORED]) {
		verify_judgement_text("RTA", "RTO", m.rta, w->data.scope_rto, t,
				      sizeof t);
		target_judgement j = verify_judge(m.rta, w->data.scope_rto);
		draw_text(y++, b.x + 2, b.w - 3,
			  j.verdict == TARGET_MISSED ? ROLE_BAD : ROLE_OK, t);
	} else if (f->d.marked[DRILL_DECLARED] && clock) {
		int64_t run;
		const verify_time *from = f->d.marked[DRILL_RECOVERY]
						  ? &f->d.at[DRILL_RECOVERY]
						  : &f->d.at[DRILL_DECLARED];
		if (verify_minutes_between(from, &now, &run)) {
			char hms[32];
			snprintf(hms, sizeof hms, "%02lld:%02d:%02d",
				 (long long)(run / 60), (int)(run % 60), sec);
			draw_textf(y, b.x + 2, b.w - 3, ROLE_NORMAL,
				   msg(f->d.marked[DRILL_RECOVERY] ? DRILL_WATCH_RECOVERING_FMT
								  : DRILL_WATCH_RUNNING_FMT),
				   hms, rto);
			if (w->data.scope_rto > 0 && b.w > 60)
				draw_bar(y, b.x + b.w - 22, 20,
					 (size_t)(run < w->data.scope_rto ? run : w->data.scope_rto),
					 (size_t)w->data.scope_rto);
		}
		y++;
	} else {
		draw_text(y++, b.x + 2, b.w - 3, ROLE_DIM, msg(DRILL_WATCH_READY));
	}
	y++;
	draw_text(y++, b.x + 2, b.w - 3, ROLE_HEADING, msg(DRILL_WATCH_LOG));
	int rows = b.y + b.h - y;
	if (!f->n_notes)
		draw_text(y, b.x + 4, b.w - 5, ROLE_DIM, msg(DRILL_WATCH_NO_NOTES));
	/* The latest notes stay in view. */
	w->top = (int)f->n_notes - rows;
	if (w->top < 0)
		w->top = 0;
	for (int i = 0; i < rows && w->top + i < (int)f->n_notes; i++) {
		const drill_note *n = &f->notes[w->top + i];
		draw_textf(y + i, b.x + 3, b.w - 4, ROLE_NORMAL, "%02d:%02d  %-8s %s",
			   n->at.hour, n->at.minute, n->by, n->text);
	}
}

static void stamp(watch_screen *w, app *a, drill_mark m)
{
	verify_time now;
	int sec;
	size_t entries = 0;
	drill_times t;
	char judge[256];

	if (!drill_clock(&now, &sec)) {
		app_message(a, ROLE_BAD, "%s", msg(DRILL_WATCH_NO_CLOCK));
		return;
	}
	if (!drill_wrote(a, store_drill_mark(a->st, a->rep.unit.id,
					     a->assessment_id, w->id, m, &now,
					     w->data.rtos, w->data.f.n_systems,
					     a->user, &entries)))
		return;
	drill_data_load(a, w->id, &w->data);
	if (m != DRILL_RESTORED) {
		char hm[16];
		snprintf(hm, sizeof hm, "%02d:%02d", now.hour, now.minute);
		app_message(a, ROLE_OK, msg(DRILL_WATCH_STAMPED_FMT),
			    drill_mark_text(m), hm);
		return;
	}
	drill_measure(&w->data.f.d, &t);
	verify_judgement_text("RTA", "RTO", t.rta, w->data.scope_rto, judge,
			      sizeof judge);
	app_message(a, ROLE_OK, msg(DRILL_WATCH_RESTORED_FMT), judge, entries);
}

static screen *noted(app *a, void *ctx, const char *text)
{
	watch_screen *w = ctx;
	verify_time now;
	int sec;
	int64_t id;
	if (!drill_clock(&now, &sec)) {
		app_message(a, ROLE_BAD, "%s", msg(DRILL_WATCH_NO_CLOCK));
		return NULL;
	}
	drill_wrote(a, store_drill_note_add(a->st, w->id, &now, text, a->user, &id));
	return NULL;
}

static key_result watch_key(screen *s, app *a, int action, int key)
{
	watch_screen *w = (watch_screen *)s;
	(void)key;
	switch (action) {
	case ACT_DECLARE:
		stamp(w, a, DRILL_DECLARED);
		return result(RES_NONE);
	case ACT_RECOVERY:
		stamp(w, a, DRILL_RECOVERY);
		return result(RES_NONE);
	case ACT_RESTORED:
		stamp(w, a, DRILL_RESTORED);
		return result(RES_NONE);
	case ACT_NOTE:
		return push(prompt_checked(prompt_new(msg(DRILL_Q_NOTE), NULL,
						      DRILL_NOTE_MAX, DRILL_F_NOTE,
						      noted, w, false),
					   prompt_required));
	case ACT_FINDING:
		return push(drill_finding_form_new(a, w->id));
	}
	return result(RES_UNUSED);
}

/* The clock runs from the declaration until service is restored. */
static bool watch_ticks(const screen *s)
{
	const watch_screen *w = (const watch_screen *)s;
	return w->data.loaded && w->data.f.d.marked[DRILL_DECLARED] &&
	       !w->data.f.d.marked[DRILL_RESTORED];
}

static void watch_destroy(screen *s)
{
	drill_data_free(&((watch_screen *)s)->data);
	free(s);
}

static const screen_ops watch_ops = {
	.title = DRILL_WATCH_TITLE,
	.keys = KEYTABLE(watch_keys),
	.draw = watch_draw,
	.handle_key = watch_key,
	.reload = watch_reload,
	.ticks = watch_ticks,
	.destroy = watch_destroy,
};

screen *screen_stopwatch_new(int64_t id)
{
	watch_screen *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->base.ops = &watch_ops;
	w->id = id;
	return &w->base;
}
