#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/money.h"
#include "model/store_verify.h"
#include "model/text.h"
#include "model/verify_text.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/prompt.h"
#include "tui/verify_edit.h"

bool verify_wrote(app *a, moat_status st)
{
	/* A ledger entry may complete a duty and file its evidence. */
	return app_wrote_parts(a, st, PART_VERIFY | PART_PLAN | PART_REPORT);
}

draw_role verify_fresh_role(const freshness *f)
{
	return f->state == FRESH_OK ? ROLE_OK
	       : f->state == FRESH_STALE ? ROLE_WARN : ROLE_BAD;
}

bool verify_choices_init(verify_choices *c, const verify_view *v)
{
	memset(c, 0, sizeof *c);
	for (int i = 0; i < VERIFY_RESULTS; i++)
		c->results[i] = verify_result_text((verify_result)i);
	if (!v->backups.n)
		return true;
	c->names = calloc(v->backups.n, sizeof *c->names);
	c->name_opts = calloc(v->backups.n, sizeof *c->name_opts);
	if (!c->names || !c->name_opts)
		return false;
	c->n_names = v->backups.n;
	for (size_t i = 0; i < v->backups.n; i++) {
		snprintf(c->names[i], sizeof c->names[i], "%s", v->backups.v[i].system);
		c->name_opts[i] = c->names[i];
	}
	return true;
}

void verify_choices_free(verify_choices *c)
{
	free(c->names);
	free(c->name_opts);
	memset(c, 0, sizeof *c);
}

bool verify_parse_duration(const char *text, int64_t *out)
{
	if (!*text) {
		*out = BIA_UNSET;
		return true;
	}
	return bia_minutes_parse(text, out) == ST_OK;
}

/* ---- One form screen for the plan, a copy and a ledger entry ---- */

typedef enum { VF_PLAN, VF_COPY, VF_ENTRY } vform_kind;

enum { PL_FULL, PL_FULL_EVERY, PL_INCR, PL_INCR_EVERY, PL_REALTIME,
       PL_RETENTION, PL_RETENTION_DAYS, PL_N };
enum { CP_LOCATION, CP_MEDIUM, CP_OFFSITE, CP_N };
enum { EN_SYSTEM, EN_KIND, EN_RESULT, EN_STARTED, EN_ENDED, EN_MINUTES,
       EN_DATA_AGE, EN_COMPLETENESS, EN_NOTE, EN_LINK, EN_N };

#define VFORM_MAX_FIELDS EN_N

typedef struct {
	screen base;
	vform_kind kind;
	int64_t system_id, copy_id;
	char title[512];
	form form;
	form_field fields[VFORM_MAX_FIELDS];
	const char *yes_no[2];
	const char *media[BACKUP_MEDIA];
	const char *kinds[VERIFY_RECORD_KINDS];
	verify_choices ch;
} vform;

/* A field as the spec says: label, text or choice, its limit. */
typedef struct {
	msg_id label;
	field_kind kind;
	bool required;
	size_t max;
	int rows;
} vfield_spec;

static bool vform_fields(vform *f, const vfield_spec *spec,
			 const char *const *init, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		form_field *fld = &f->fields[i];
		fld->label = spec[i].label;
		fld->kind = spec[i].kind;
		fld->rows = spec[i].rows ? spec[i].rows : 1;
		fld->required = spec[i].required;
		if (spec[i].kind != FIELD_CHOICE &&
		    !te_init(&fld->te, init[i] ? init[i] : "", fld->rows > 1,
			     spec[i].max))
			return false;
	}
	return true;
}

static const keybinding vform_keys[] = {
	{{0}, NULL, HK_NAME_TAB, HK_NEXT_FIELD, ACT_NONE, true},
	{{0}, "Ctrl-S", NO_LABEL, HK_SAVE, ACT_NONE, true},
	{{0}, NULL, HK_NAME_ESC, HK_CANCEL, ACT_NONE, true},
};

static void vform_draw(screen *s, app *a, rect b)
{
	vform *f = (vform *)s;
	draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING, f->title);
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 3, b.w - 4}, a);
	draw_text(b.y + b.h - 1, b.x + 2, b.w - 4, ROLE_DIM, msg(VE_FORM_HINT));
}

/* The trimmed text of field i. */
static const char *value(vform *f, int i, char *buf, size_t len)
{
	const char *t;
	if (!te_value_into(&f->fields[i].te, buf, len))
		buf[0] = '\0';
	t = text_trim(buf);
	memmove(buf, t, strlen(t) + 1);
	return buf;
}

static bool refuse(vform *f, int field, msg_id why)
{
	f->form.error = why;
	f->form.error_field = (size_t)field;
	f->form.focus = (size_t)field;
	return false;
}

/* A duration, or empty for none; false when it is not one. */
static bool duration_of(vform *f, int i, int64_t *out)
{
	char t[TEXT_BYTES(BIA_DURATION_TEXT_MAX)];
	return verify_parse_duration(value(f, i, t, sizeof t), out) ||
	       refuse(f, i, VE_ERR_DURATION);
}

static bool plan_save(vform *f, app *a)
{
	backup_plan p;
	char t[64];
	int64_t days;
	memset(&p, 0, sizeof p);
	value(f, PL_FULL, p.full_schedule, sizeof p.full_schedule);
	value(f, PL_INCR, p.incr_schedule, sizeof p.incr_schedule);
	value(f, PL_RETENTION, p.retention, sizeof p.retention);
	if (!duration_of(f, PL_FULL_EVERY, &p.full_every) ||
	    !duration_of(f, PL_INCR_EVERY, &p.incr_every))
		return false;
	if (p.full_every == 0 || p.incr_every == 0)
		return refuse(f, p.full_every == 0 ? PL_FULL_EVERY : PL_INCR_EVERY,
			      VERIFY_P_INTERVAL_RANGE);
	p.realtime = f->fields[PL_REALTIME].choice == 1;
	value(f, PL_RETENTION_DAYS, t, sizeof t);
	if (!*t)
		days = BIA_UNSET;
	else if (num_parse(t, 0, false, 1000000, &days) != NUM_OK)
		return refuse(f, PL_RETENTION_DAYS, VE_ERR_DAYS);
	p.retention_days = days;
	return verify_wrote(a, store_backup_plan_set(a->st, f->system_id, &p,
						     a->user));
}

static bool copy_save(vform *f, app *a)
{
	backup_copy c;
	int64_t id;
	memset(&c, 0, sizeof c);
	c.id = f->copy_id;
	value(f, CP_LOCATION, c.location, sizeof c.location);
	c.medium = (backup_medium)f->fields[CP_MEDIUM].choice;
	c.offsite = f->fields[CP_OFFSITE].choice == 1;
	return verify_wrote(a, store_backup_copy_save(a->st, f->system_id, &c,
						      a->user, &id));
}

static bool time_of(vform *f, int i, verify_time *out, bool *given)
{
	char t[64];
	const char *v = value(f, i, t, sizeof t);
	*given = *v != '\0';
	return !*given || verify_parse_time(v, out) || refuse(f, i, VE_ERR_TIME);
}

/* The entry the form holds; false with the refusal at its field. */
static bool entry_of(vform *f, verify_entry *e)
{
	char t[64];
	const char *v;
	bool started;
	int64_t pct;

	memset(e, 0, sizeof *e);
	snprintf(e->system, sizeof e->system, "%s",
		 f->ch.n_names ? f->ch.names[f->fields[EN_SYSTEM].choice] : "");
	e->kind = (verify_kind)f->fields[EN_KIND].choice;
	e->result = (verify_result)f->fields[EN_RESULT].choice;
	if (!time_of(f, EN_STARTED, &e->started, &started) ||
	    !time_of(f, EN_ENDED, &e->ended, &e->has_ended))
		return false;
	if (!started)
		return refuse(f, EN_STARTED, FORM_ERR_REQUIRED);
	if (!duration_of(f, EN_MINUTES, &e->rta) ||
	    !duration_of(f, EN_DATA_AGE, &e->rpa))
		return false;
	if (e->has_ended && verify_time_cmp(&e->ended, &e->started) < 0)
		return refuse(f, EN_ENDED, VERIFY_P_END_BEFORE_START);
	if (e->has_ended && e->rta < 0 &&
	    !verify_minutes_between(&e->started, &e->ended, &e->rta))
		return refuse(f, EN_ENDED, VERIFY_P_MINUTES_RANGE);
	/* "99.5", "99.5 %" or "99.5％". */
	v = value(f, EN_COMPLETENESS, t, sizeof t);
	size_t tl = strlen(t);
	if (tl && t[tl - 1] == '%')
		t[tl - 1] = '\0';
	else if (tl >= 3 && strcmp(t + tl - 3, "％") == 0)
		t[tl - 3] = '\0';
	v = text_trim(t);
	e->completeness = -1;
	if (*v) {
		if (num_parse(v, 1, false, 1000, &pct) != NUM_OK)
			return refuse(f, EN_COMPLETENESS, VERIFY_P_COMPLETENESS_RANGE);
		e->completeness = (int)pct;
	}
	value(f, EN_NOTE, e->note, sizeof e->note);
	value(f, EN_LINK, e->link, sizeof e->link);
	return true;
}

static bool entry_save(vform *f, app *a)
{
	verify_entry e;
	int64_t id, event;
	if (!entry_of(f, &e))
		return false;
	if (!verify_wrote(a, store_verify_record(a->st, a->rep.assessment.unit_id,
						 a->assessment_id, &e, a->user, &id,
						 &event)))
		return false;
	app_message(a, ROLE_OK, msg(event ? VE_RECORDED_DUTY_FMT : VE_RECORDED_FMT),
		    verify_kind_text(e.kind), e.system);
	return true;
}

static bool vform_save(screen *s, app *a)
{
	vform *f = (vform *)s;
	if (!form_validate(&f->form))
		return false;
	switch (f->kind) {
	case VF_PLAN: return plan_save(f, a);
	case VF_COPY: return copy_save(f, a);
	case VF_ENTRY: return entry_save(f, a);
	}
	return false;
}

static key_result vform_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((vform *)s)->form, a, action, key,
				  vform_save);
}

static void vform_destroy(screen *s)
{
	vform *f = (vform *)s;
	for (size_t i = 0; i < VFORM_MAX_FIELDS; i++)
		te_free(&f->fields[i].te);
	verify_choices_free(&f->ch);
	free(f);
}

static const screen_ops vform_ops = {
	.title = VE_FORM_TITLE,
	.keys = KEYTABLE(vform_keys),
	.text_entry = true,
	.draw = vform_draw,
	.handle_key = vform_key,
	.destroy = vform_destroy,
};

static vform *vform_alloc(vform_kind kind, int64_t system_id)
{
	vform *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->base.ops = &vform_ops;
	f->kind = kind;
	f->system_id = system_id;
	f->yes_no[0] = msg(VE_NO);
	f->yes_no[1] = msg(VE_YES);
	for (int i = 0; i < BACKUP_MEDIA; i++)
		f->media[i] = backup_medium_text((backup_medium)i);
	for (int i = 0; i < VERIFY_RECORD_KINDS; i++)
		f->kinds[i] = verify_kind_text((verify_kind)i);
	return f;
}

static screen *vform_ready(vform *f, app *a, size_t n, bool ok)
{
	if (!ok) {
		vform_destroy(&f->base);
		return NULL;
	}
	form_init(&f->form, f->fields, n, a->today);
	return &f->base;
}

static void minutes_text(int64_t m, char *out, size_t len)
{
	if (m >= 0)
		bia_minutes_format(m, out, len);
	else
		out[0] = '\0';
}

screen *verify_plan_form_new(app *a, int64_t system_id)
{
	static const vfield_spec spec[PL_N] = {
		[PL_FULL] = {VE_F_FULL, FIELD_TEXT, false, VERIFY_SCHEDULE_MAX, 1},
		[PL_FULL_EVERY] = {VE_F_FULL_EVERY, FIELD_TEXT, false, 40, 1},
		[PL_INCR] = {VE_F_INCR, FIELD_TEXT, false, VERIFY_SCHEDULE_MAX, 1},
		[PL_INCR_EVERY] = {VE_F_INCR_EVERY, FIELD_TEXT, false, 40, 1},
		[PL_REALTIME] = {VE_F_REALTIME, FIELD_CHOICE, false, 0, 1},
		[PL_RETENTION] = {VE_F_RETENTION, FIELD_TEXT, false, VERIFY_SCHEDULE_MAX, 1},
		[PL_RETENTION_DAYS] = {VE_F_RETENTION_DAYS, FIELD_TEXT, false, 7, 1},
	};
	const verify_view *v = app_verify(a);
	size_t i = verify_view_system(v, system_id);
	char full[64], incr[64], days[32] = "";
	const char *init[PL_N] = {0};
	vform *f;

	if (i == BIA_NO_INDEX || !(f = vform_alloc(VF_PLAN, system_id)))
		return NULL;
	const backup_plan *p = &v->backups.v[i].plan;
	snprintf(f->title, sizeof f->title, msg(VE_PLAN_TITLE_FMT),
		 v->backups.v[i].system);
	minutes_text(p->full_every, full, sizeof full);
	minutes_text(p->incr_every, incr, sizeof incr);
	if (p->retention_days >= 0)
		snprintf(days, sizeof days, "%" PRId64, p->retention_days);
	init[PL_FULL] = p->full_schedule;
	init[PL_FULL_EVERY] = full;
	init[PL_INCR] = p->incr_schedule;
	init[PL_INCR_EVERY] = incr;
	init[PL_RETENTION] = p->retention;
	init[PL_RETENTION_DAYS] = days;
	return vform_ready(f, a, PL_N,
			   vform_fields(f, spec, init, PL_N) &&
				   form_choice_init(&f->fields[PL_REALTIME], f->yes_no,
						    2, p->realtime));
}

screen *verify_copy_form_new(app *a, int64_t system_id, int64_t copy_id)
{
	static const vfield_spec spec[CP_N] = {
		[CP_LOCATION] = {VE_F_LOCATION, FIELD_TEXT, true, VERIFY_LOCATION_MAX, 1},
		[CP_MEDIUM] = {VE_F_MEDIUM, FIELD_CHOICE, false, 0, 1},
		[CP_OFFSITE] = {VE_F_OFFSITE, FIELD_CHOICE, false, 0, 1},
	};
	const verify_view *v = app_verify(a);
	size_t i = verify_view_system(v, system_id);
	backup_copy c = {0};
	const char *init[CP_N] = {0};
	vform *f;

	if (i == BIA_NO_INDEX || !(f = vform_alloc(VF_COPY, system_id)))
		return NULL;
	for (size_t k = 0; k < v->backups.v[i].n_copies; k++)
		if (v->backups.v[i].copies[k].id == copy_id)
			c = v->backups.v[i].copies[k];
	f->copy_id = c.id;
	snprintf(f->title, sizeof f->title,
		 msg(c.id ? VE_COPY_EDIT_TITLE_FMT : VE_COPY_ADD_TITLE_FMT),
		 v->backups.v[i].system);
	init[CP_LOCATION] = c.location;
	return vform_ready(f, a, CP_N,
			   vform_fields(f, spec, init, CP_N) &&
				   form_choice_init(&f->fields[CP_MEDIUM], f->media,
						    BACKUP_MEDIA, c.medium) &&
				   form_choice_init(&f->fields[CP_OFFSITE], f->yes_no,
						    2, c.offsite));
}

screen *verify_entry_form_new(app *a, const char *system)
{
	static const vfield_spec spec[EN_N] = {
		[EN_SYSTEM] = {VE_F_SYSTEM, FIELD_CHOICE, false, 0, 1},
		[EN_KIND] = {VE_F_KIND, FIELD_CHOICE, false, 0, 1},
		[EN_RESULT] = {VE_F_RESULT, FIELD_CHOICE, false, 0, 1},
		[EN_STARTED] = {VE_F_STARTED, FIELD_TEXT, true, 16, 1},
		[EN_ENDED] = {VE_F_ENDED, FIELD_TEXT, false, 16, 1},
		[EN_MINUTES] = {VE_F_MINUTES, FIELD_TEXT, false, 40, 1},
		[EN_DATA_AGE] = {VE_F_DATA_AGE, FIELD_TEXT, false, 40, 1},
		[EN_COMPLETENESS] = {VE_F_COMPLETENESS, FIELD_TEXT, false, 6, 1},
		[EN_NOTE] = {VE_F_NOTE, FIELD_TEXT, false, VERIFY_NOTE_MAX, 1},
		[EN_LINK] = {VE_F_LINK, FIELD_TEXT, false, VERIFY_LINK_MAX, 1},
	};
	const verify_view *v = app_verify(a);
	const char *init[EN_N] = {0};
	char today[16];
	size_t at = system ? verify_view_named(v, system) : BIA_NO_INDEX;
	vform *f;

	if (!v->backups.n) {
		app_message(a, ROLE_WARN, "%s", msg(VE_NO_SYSTEMS));
		return NULL;
	}
	if (!(f = vform_alloc(VF_ENTRY, 0)))
		return NULL;
	if (!verify_choices_init(&f->ch, v))
		return vform_ready(f, a, 0, false);
	snprintf(f->title, sizeof f->title, "%s", msg(VE_ENTRY_TITLE));
	date_format(a->today, today, sizeof today);
	init[EN_STARTED] = today;
	return vform_ready(f, a, EN_N,
			   vform_fields(f, spec, init, EN_N) &&
				   form_choice_init(&f->fields[EN_SYSTEM], f->ch.name_opts,
						    f->ch.n_names,
						    at == BIA_NO_INDEX ? 0 : at) &&
				   form_choice_init(&f->fields[EN_KIND], f->kinds,
						    VERIFY_RECORD_KINDS, VERIFY_RESTORE) &&
				   form_choice_init(&f->fields[EN_RESULT], f->ch.results,
						    VERIFY_RESULTS, VERIFY_PASS));
}

/* ---- The stale-days setting ---- */

static bool days_in(const char *text, int64_t *out)
{
	return num_parse(text, 0, false, 3660, out) == NUM_OK && *out >= 1;
}

static msg_id stale_check(app *a, void *ctx, const char *text)
{
	int64_t d;
	(void)a, (void)ctx;
	return days_in(text, &d) ? MSG__COUNT : VE_ERR_STALE;
}

static screen *stale_set(app *a, void *ctx, const char *text)
{
	int64_t d;
	(void)ctx;
	if (days_in(text, &d) &&
	    verify_wrote(a, store_param_set(a->st, a->rep.assessment.unit_id,
					    VERIFY_PARAM_STALE_DAYS, d, a->user)))
		app_message(a, ROLE_OK, msg(VE_STALE_SET_FMT), (int)d);
	return NULL;
}

screen *verify_stale_prompt_new(app *a)
{
	char now[16];
	snprintf(now, sizeof now, "%d", app_verify(a)->stale_days);
	return prompt_checked(prompt_new(msg(VE_STALE_PROMPT), now, 4, FIELD_NUMBER,
					 stale_set, NULL, false),
			      stale_check);
}

/* ---- The trend of RTA against the RTO ---- */

void verify_draw_trend(const verify_view *v, const char *system, int64_t rto,
		       rect r)
{
	int64_t scale = verify_chart_scale(v->entries, v->n_entries, system, rto);
	int label_w = 17, fig_w = 12, bar_w = r.w - label_w - fig_w - 2;
	int rows = r.h - 1, shown = 0, mark;
	size_t n = 0;
	char t[64];

	for (size_t i = 0; i < v->n_entries; i++)
		n += strcmp(v->entries[i].system, system) == 0 &&
		     v->entries[i].rta >= 0;
	minutes_text(rto, t, sizeof t);
	draw_textf(r.y, r.x, r.w, ROLE_HEADING, msg(rto >= 0 ? VE_TREND_FMT
							      : VE_TREND_NO_RTO_FMT),
		   system, t);
	if (bar_w < 4 || rows < 1)
		return;
	if (!n) {
		draw_text(r.y + 1, r.x, r.w, ROLE_DIM, msg(VE_TREND_NONE));
		return;
	}
	mark = rto > 0 ? verify_bar_cells(rto, scale, bar_w) : 0;
	/* The ledger is newest first: the chart runs oldest to newest, the
	 * newest rows that fit. */
	size_t skip = n > (size_t)rows ? n - (size_t)rows : 0, seen = 0;
	for (size_t k = v->n_entries; k-- > 0;) {
		const verify_entry *e = &v->entries[k];
		if (strcmp(e->system, system) != 0 || e->rta < 0 || seen++ < skip)
			continue;
		int y = r.y + 1 + shown++, x = r.x + label_w;
		int cells = verify_bar_cells(e->rta, scale, bar_w);
		bool over = rto >= 0 && e->rta > rto;
		verify_format_time(&e->started, t, sizeof t);
		draw_text(y, r.x, label_w - 1, ROLE_DIM, t);
		for (int c = 0; c < bar_w; c++) {
			bool on = c < cells;
			draw_text(y, x + c, 1,
				  c == mark - 1 && mark ? ROLE_KEY
				  : on ? (over && c >= mark ? ROLE_BAD : ROLE_OK) : ROLE_DIM,
				  c == mark - 1 && mark ? (on ? "┃" : "│")
				  : on ? "█" : " ");
		}
		bia_minutes_format(e->rta, t, sizeof t);
		draw_text(y, x + bar_w + 1, fig_w, over ? ROLE_BAD : ROLE_NORMAL, t);
	}
}
