#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/evidence_list.h"
#include "tui/prompt.h"
#include "tui/screens.h"

bool evlist_init(evlist *l, app *a, const char *target)
{
	memset(l, 0, sizeof *l);
	return evlist_retarget(l, a, target);
}

void evlist_free(evlist *l)
{
	evidence_list_free(&l->ev);
	free(l->target);
	l->target = NULL;
}

bool evlist_retarget(evlist *l, app *a, const char *target)
{
	char *t = strdup(target);
	if (!t)
		return false;
	free(l->target);
	l->target = t;
	l->cursor = l->top = 0;
	evlist_reload(l, a);
	return true;
}

void evlist_reload(evlist *l, app *a)
{
	evidence_list_free(&l->ev);
	if (store_evidence_list(a->st, a->assessment_id, l->target, &l->ev) != ST_OK)
		app_message(a, ROLE_BAD, msg(ERR_STORE_FMT), store_errmsg(a->st));
	if (l->cursor >= (int)l->ev.n)
		l->cursor = l->ev.n ? (int)l->ev.n - 1 : 0;
}

/* "until 2027-10-12", "expires 2026-12-10" or "EXPIRED". */
static draw_role validity_text(const evidence *e, date today, char *out,
			       size_t outlen)
{
	date until;
	char day[16] = "";
	evidence_state st = evidence_state_on(e, today);
	if (evidence_expires_on(e, &until))
		date_format(until, day, sizeof day);
	switch (st) {
	case EV_VALID:
		snprintf(out, outlen, msg(EVS_VALID_FMT), day);
		return ROLE_DIM;
	case EV_EXPIRING:
		snprintf(out, outlen, msg(EVS_EXPIRING_FMT), day);
		return ROLE_WARN;
	case EV_EXPIRED:
		break;
	}
	snprintf(out, outlen, "%s", msg(EVS_EXPIRED));
	return ROLE_BAD;
}

void evlist_draw(evlist *l, app *a, rect r, msg_id heading)
{
	const int vw = 18, ow = 10;

	draw_textf(r.y, r.x, r.w, ROLE_HEADING, msg(FRAME_COUNT_FMT), msg(heading),
		   l->ev.n);
	r.y++;
	r.h--;
	if (l->ev.n == 0) {
		draw_text(r.y, r.x + 1, r.w - 1, ROLE_DIM, msg(ITEM_NO_EVIDENCE));
		return;
	}
	l->top = layout_scroll(l->top, l->cursor, (int)l->ev.n, r.h);
	for (int i = 0; i < r.h && l->top + i < (int)l->ev.n; i++) {
		const evidence *e = &l->ev.v[l->top + i];
		bool sel = l->top + i == l->cursor;
		draw_role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
		int y = r.y + i, bx = r.x + 12, bw = r.w - 12 - vw - ow - 3;
		char valid[64];
		draw_role vrole = validity_text(e, a->rep.today, valid, sizeof valid);
		char *first = strndup(e->body, strcspn(e->body, "\n"));

		if (sel)
			draw_fill(y, r.x - 1, r.w + 2, ROLE_SELECTED);
		draw_text(y, r.x + 1, 10, role, e->evidence_date);
		draw_text(y, bx, bw, role, first ? first : "");
		draw_text(y, bx + bw + 1, vw, sel ? role : vrole, valid);
		draw_text(y, r.x + r.w - ow, ow, role, e->owner[0] ? e->owner : "—");
		free(first);
	}
}

static screen *delete_confirmed(app *a, void *ctx, bool yes)
{
	int64_t *id = ctx;
	if (yes)
		/* A duty's completion may have filed it as proof. */
		app_wrote_parts(a, store_evidence_delete(a->st, *id, a->user),
				PART_REPORT | PART_PLAN);
	return NULL;
}

bool evlist_key(evlist *l, app *a, int action, key_result *out)
{
	int64_t *id;

	if (keymap_move(action, &l->cursor, (int)l->ev.n)) {
		/* Nothing to move over: say how to begin. */
		if (l->ev.n == 0)
			app_message(a, ROLE_WARN, "%s", msg(ITEM_NO_EVIDENCE));
		*out = result(RES_NONE);
		return true;
	}
	switch (action) {
	case ACT_EV_ADD:
		*out = push(screen_evidence_new(a, l->target, 0));
		return true;
	case ACT_EV_EDIT:
	case ACT_EV_DELETE:
		*out = result(RES_NONE);
		if (l->ev.n == 0) {
			app_message(a, ROLE_WARN, "%s", msg(ITEM_NO_EVIDENCE));
			return true;
		}
		if (action == ACT_EV_EDIT) {
			*out = push(screen_evidence_new(a, l->target,
							l->ev.v[l->cursor].id));
			return true;
		}
		if (!(id = malloc(sizeof *id)))
			return true;
		*id = l->ev.v[l->cursor].id;
		*out = push(confirm_new(msg(CONFIRM_DELETE_EVIDENCE),
					delete_confirmed, id, true));
		return true;
	}
	return false;
}
