#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/screens.h"

/* Adds or edits one piece of evidence in a form. Nothing is stored until
 * the user saves; Esc with unsaved typing asks first. */
typedef struct {
	screen base;
	char *target;
	int64_t id; /* 0 for a new piece */
	evidence seen; /* the piece as the form was opened on (id != 0) */
	char entered[160];
	form form;
	form_field fields[7];
} evidence_screen;

enum { F_BODY, F_REFERENCE, F_OWNER, F_DATE, F_VALID, F_REVIEWER, F_REVIEW_DATE };

static const keybinding evidence_keys[] = {
	{{0}, NULL, HK_NAME_TAB, HK_NEXT_FIELD, ACT_NONE, true},
	{{0}, NULL, HK_NAME_SHIFT_TAB, HK_PREV_FIELD, ACT_NONE, false},
	{{0}, NULL, HK_NAME_ENTER, HK_NEWLINE, ACT_NONE, false},
	{{0}, "Ctrl-S", NO_LABEL, HK_SAVE, ACT_NONE, true},
	{{0}, NULL, HK_NAME_ESC, HK_CANCEL, ACT_NONE, true},
};

static void evidence_draw(screen *s, app *a, rect b)
{
	evidence_screen *e = (evidence_screen *)s;
	int row = 0;
	const char *title = "";
	int idx = questionnaire_item_index(a->q, e->target);
	int crit = questionnaire_criterion_index(a->q, e->target);
	char head[1024];
	int ew = e->entered[0] ? text_width(e->entered) : 0;
	bool beside;

	if (idx >= 0)
		title = a->q->items[idx].title;
	else if (crit >= 0)
		title = a->q->criteria[crit].text;
	snprintf(head, sizeof head,
		 msg(e->id ? EVF_TITLE_EDIT_FMT : EVF_TITLE_ADD_FMT), title);
	/* Who entered it goes beside the title when both fit, else on the
	 * row below: neither is cut by the other. */
	beside = ew == 0 || text_width(head) + ew + 4 <= b.w;
	draw_text(b.y, b.x + 1, beside && ew ? b.w - ew - 4 : b.w - 2,
		  ROLE_HEADING, head);
	if (ew)
		draw_text_right(beside ? b.y : b.y + 1, b.x, b.w - 1, ROLE_DIM,
				e->entered);
	row = 2;
	form_draw(&e->form, (rect){b.y + row, b.x + 2, b.h - row - 1, b.w - 4}, a);
	draw_text(b.y + b.h - 1, b.x + 2, b.w - 4, ROLE_DIM, msg(FORM_HINT));
}

/* A field's value to store: as stored when the user left it alone. */
static char *field_text(evidence_screen *e, int f)
{
	return te_value(&e->fields[f].te);
}

/* The stored piece e->id into e->seen; false when it is gone. */
static bool load_seen(evidence_screen *e, app *a, char *entered, size_t n)
{
	evidence_list l = {0};
	bool ok = false;
	if (store_evidence_list(a->st, a->assessment_id, e->target, &l) != ST_OK)
		return false;
	for (size_t i = 0; i < l.n && !ok; i++) {
		if (l.v[i].id != e->id)
			continue;
		evidence_free(&e->seen);
		ok = evidence_copy(&l.v[i], &e->seen);
		if (ok && entered) {
			char when[20];
			stamp_format_local(l.v[i].entered_at, when, sizeof when);
			snprintf(entered, n, msg(EVF_ENTERED_FMT),
				 l.v[i].entered_by, when);
		}
	}
	evidence_list_free(&l);
	return ok;
}

static void reload_seen(evidence_screen *e, app *a)
{
	load_seen(e, a, NULL, 0);
}

static bool save(evidence_screen *e, app *a)
{
	evidence ev = {0};
	char *valid;
	moat_status st = ST_NOMEM;
	int64_t id;

	if (!form_validate(&e->form))
		return false;
	ev.id = e->id;
	ev.assessment_id = a->assessment_id;
	ev.target = e->target;
	ev.body = field_text(e, F_BODY);
	ev.reference = field_text(e, F_REFERENCE);
	ev.owner = field_text(e, F_OWNER);
	ev.evidence_date = field_text(e, F_DATE);
	ev.reviewer = field_text(e, F_REVIEWER);
	ev.review_date = field_text(e, F_REVIEW_DATE);
	valid = field_text(e, F_VALID);
	if (ev.body && ev.reference && ev.owner && ev.evidence_date &&
	    ev.reviewer && ev.review_date && valid) {
		ev.valid_months = *valid ? atoi(valid) : a->rep.unit.validity_months;
		st = e->id ? store_evidence_change(a->st, &e->seen, &ev, a->user)
			   : store_evidence_add(a->st, &ev, a->user, &id);
	}
	free(valid);
	ev.target = NULL; /* borrowed */
	evidence_free(&ev);
	/* Someone changed the piece meanwhile: the form keeps what was
	 * typed, and a second Ctrl-S writes it over their change, knowingly. */
	if (st == ST_CONFLICT)
		reload_seen(e, a);
	return app_wrote_parts(a, st, PART_REPORT);
}

static bool save_screen(screen *s, app *a)
{
	return save((evidence_screen *)s, a);
}

static key_result evidence_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((evidence_screen *)s)->form, a, action,
				  key, save_screen);
}

static void evidence_destroy(screen *s)
{
	evidence_screen *e = (evidence_screen *)s;
	for (size_t i = 0; i < sizeof e->fields / sizeof e->fields[0]; i++)
		te_free(&e->fields[i].te);
	evidence_free(&e->seen);
	free(e->target);
	free(e);
}

static const screen_ops evidence_ops = {
	.title = ITEM_EVIDENCE,
	.keys = KEYTABLE(evidence_keys),
	.text_entry = true,
	.draw = evidence_draw,
	.handle_key = evidence_key,
	.destroy = evidence_destroy,
};

/* Fills the fields from an existing piece (or defaults for a new one). */
static bool fill(evidence_screen *e, app *a, const evidence *ev)
{
	static const form_spec spec[] = {
		{EVF_BODY, FIELD_TEXT, 5, true, EVIDENCE_BODY_MAX},
		{EVF_REFERENCE, FIELD_TEXT, 1, false, EVIDENCE_REFERENCE_MAX},
		{EVF_OWNER, FIELD_TEXT, 1, false, EVIDENCE_OWNER_MAX},
		{EVF_DATE, FIELD_PAST_DATE, 1, true, 10},
		{EVF_VALID, FIELD_MONTHS, 1, false, 3},
		{EVF_REVIEWER, FIELD_TEXT, 1, false, EVIDENCE_REVIEWER_MAX},
		{EVF_REVIEW_DATE, FIELD_PAST_DATE, 1, false, 10},
	};
	char today[16], valid[16];
	const char *init[7];

	date_format(a->today, today, sizeof today);
	snprintf(valid, sizeof valid, "%d",
		 ev ? ev->valid_months : a->rep.unit.validity_months);
	init[F_BODY] = ev ? ev->body : "";
	init[F_REFERENCE] = ev ? ev->reference : "";
	init[F_OWNER] = ev ? ev->owner : a->user;
	init[F_DATE] = ev ? ev->evidence_date : today;
	init[F_VALID] = valid;
	init[F_REVIEWER] = ev ? ev->reviewer : "";
	init[F_REVIEW_DATE] = ev ? ev->review_date : "";
	for (int i = 0; i < 7; i++) {
		form_field *f = &e->fields[i];
		f->label = spec[i].label;
		f->kind = spec[i].kind;
		f->rows = spec[i].rows;
		f->required = spec[i].required;
		if (!te_init(&f->te, init[i], spec[i].rows > 1, spec[i].max))
			return false;
	}
	form_init(&e->form, e->fields, 7, a->today);
	return true;
}

screen *screen_evidence_new(app *a, const char *target, int64_t evidence_id)
{
	evidence_screen *e;
	bool ok;

	if (a->rep_loaded && a->rep.assessment.status == ASSESS_FINAL) {
		app_message(a, ROLE_BAD, "%s", msg(ERR_FROZEN));
		return NULL;
	}
	e = calloc(1, sizeof *e);
	if (!e)
		return NULL;
	e->base.ops = &evidence_ops;
	e->id = evidence_id;
	e->target = strdup(target);
	ok = e->target &&
	     (evidence_id == 0 || load_seen(e, a, e->entered, sizeof e->entered)) &&
	     fill(e, a, evidence_id ? &e->seen : NULL);
	if (!ok) {
		evidence_destroy(&e->base);
		return NULL;
	}
	return &e->base;
}
