#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/bia_text.h"
#include "model/bia_view.h"
#include "model/drill_text.h"
#include "model/money.h"
#include "model/text.h"
#include "tui/app.h"
#include "tui/drill_ui.h"
#include "tui/form.h"
#include "tui/prompt.h"

bool drill_wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_VERIFY | PART_PLAN | PART_REPORT);
}

void drill_data_free(drill_data *d)
{
	if (d->loaded)
		drill_full_free(&d->f);
	memset(d, 0, sizeof *d);
}

bool drill_data_load(app *a, int64_t id, drill_data *d)
{
	const bia_view *v = app_bia(a);
	moat_status st;

	drill_data_free(d);
	if ((st = store_drill_load(a->st, id, &d->f))) {
		app_message(a, ROLE_BAD, "%s", store_errmsg(a->st));
		return false;
	}
	d->loaded = true;
	for (size_t i = 0; i < d->f.n_systems; i++)
		d->rtos[i] = drill_system_rto(v, d->f.systems[i]);
	d->scope_rto = drill_scope_rto(v, d->f.systems, d->f.n_systems);
	return true;
}

bool drill_clock(verify_time *now, int *seconds)
{
	const char *file = getenv("MOAT_CLOCK_FILE");
	char line[64] = "";
	struct tm tm;
	time_t t;

	*seconds = 0;
	if (file && *file) {
		FILE *fp = fopen(file, "r");
		char *sec;
		if (!fp)
			return false;
		if (!fgets(line, sizeof line, fp))
			line[0] = '\0';
		fclose(fp);
		line[strcspn(line, "\r\n")] = '\0';
		/* "YYYY-MM-DD HH:MM:SS": the seconds after the minutes. */
		if (strlen(line) == 19 && line[16] == ':') {
			sec = line + 17;
			*seconds = atoi(sec);
			line[16] = '\0';
		}
		return verify_parse_time(line, now);
	}
	t = time(NULL);
	if (!localtime_r(&t, &tm))
		return false;
	snprintf(line, sizeof line, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
	*seconds = tm.tm_sec;
	return verify_parse_time(line, now);
}

/* ---- The drill form ---- */

enum { F_TYPE, F_DATE, F_SCENARIO, F_SYSTEMS, F_PARTICIPANTS, F_OBJECTIVES,
       F_N };

#define MAX_SCENARIO_OPTS (DRILL_MAX_SCENARIOS + 64)

typedef struct {
	screen base;
	int64_t id;
	int64_t *select;
	form form;
	form_field fields[F_N];
	const char *type_opts[DRILL_MAX_TYPES];
	const char *scen_opts[MAX_SCENARIO_OPTS];
	size_t n_scen;
	drill_scenario *own;
	size_t n_own;
	char kept[TEXT_BYTES(DRILL_SCENARIO_MAX)]; /* a scenario no list has */
} drill_form;

static const keybinding form_keys[] = {
	{{0}, NULL, HK_NAME_TAB, HK_NEXT_FIELD, ACT_NONE, true},
	{{0}, "Ctrl-S", NO_LABEL, HK_SAVE, ACT_NONE, true},
	{{0}, NULL, HK_NAME_ESC, HK_CANCEL, ACT_NONE, true},
};

/* Splits text at commas (either width), 、 and ; into the names of systems
 * of the year's analysis; false with the first unknown one in *bad. */
static bool parse_systems(app *a, const char *text, drill_system_name *names,
			  size_t *n, char *bad, size_t badlen)
{
	const bia_view *v = app_bia(a);
	char buf[4096], *p;
	*n = 0;
	snprintf(buf, sizeof buf, "%s", text);
	/* The wide separators become commas. */
	static const char *const wide[] = {"，", "、", "；"};
	for (size_t k = 0; k < 3; k++)
		while ((p = strstr(buf, wide[k]))) {
			size_t l = strlen(wide[k]);
			*p = ',';
			memmove(p + 1, p + l, strlen(p + l) + 1);
		}
	for (p = strtok(buf, ",;"); p; p = strtok(NULL, ",;")) {
		bool known = false;
		text_trim(p);
		if (!*p)
			continue;
		for (size_t i = 0; i < v->d.n_systems; i++)
			known |= strcmp(v->d.systems[i].name, p) == 0;
		if (!known || *n == DRILL_MAX_SYSTEMS) {
			snprintf(bad, badlen, "%s", p);
			return false;
		}
		snprintf(names[(*n)++], sizeof names[0], "%s", p);
	}
	return true;
}

static void form_draw_drill(screen *s, app *a, rect b)
{
	drill_form *f = (drill_form *)s;
	const bia_view *v = app_bia(a);
	char names[1024] = "";
	size_t used = 0;

	draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING,
		  msg(f->id ? DRILL_FORM_EDIT : DRILL_FORM_NEW));
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 5, b.w - 4}, a);
	for (size_t i = 0; i < v->d.n_systems && used < sizeof names; i++)
		used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
					 i ? msg(DRILL_LIST_SEP) : "",
					 v->d.systems[i].name);
	if (f->form.focus == F_SYSTEMS)
		draw_paragraph((rect){b.y + b.h - 3, b.x + 2, 2, b.w - 4}, 0,
			       ROLE_DIM, names);
	draw_text(b.y + b.h - 1, b.x + 2, b.w - 4, ROLE_DIM, msg(DRILL_FORM_KEYS));
}

static bool form_save(screen *s, app *a)
{
	drill_form *f = (drill_form *)s;
	drill_system_name names[DRILL_MAX_SYSTEMS];
	char text[4096], bad[256];
	drill_record d;
	drill_full old;
	size_t n;
	int64_t id;
	size_t sc;

	if (!form_validate(&f->form))
		return false;
	te_value_into(&f->fields[F_SYSTEMS].te, text, sizeof text);
	if (!parse_systems(a, text, names, &n, bad, sizeof bad)) {
		app_message(a, ROLE_BAD, msg(DRILL_ERR_SYSTEM_FMT), bad);
		f->form.focus = F_SYSTEMS;
		return false;
	}
	if (f->id && store_drill_load(a->st, f->id, &old) == ST_OK) {
		d = old.d;
		drill_full_free(&old);
	} else {
		drill_record_init(&d);
	}
	snprintf(d.type, sizeof d.type, "%s",
		 a->q->drill.types[f->fields[F_TYPE].choice].key);
	te_value_into(&f->fields[F_DATE].te, text, sizeof text);
	date_parse(text_trim(text), &d.held_on);
	sc = f->fields[F_SCENARIO].choice;
	snprintf(d.scenario, sizeof d.scenario, "%s",
		 sc < f->n_scen ? f->scen_opts[sc] : "");
	te_value_into(&f->fields[F_PARTICIPANTS].te, d.participants,
		      sizeof d.participants);
	text_trim(d.participants);
	te_value_into(&f->fields[F_OBJECTIVES].te, d.objectives,
		      sizeof d.objectives);
	text_trim(d.objectives);
	d.id = f->id;
	if (!drill_wrote(a, store_drill_save(a->st, a->rep.unit.id, &a->q->drill,
					     &d, a->user, &id)))
		return false;
	if (!drill_wrote(a, store_drill_systems_set(a->st, id, names, n, a->user)))
		return false;
	if (f->select)
		*f->select = id;
	app_message(a, ROLE_OK, "%s", msg(f->id ? DRILL_SAVED : DRILL_ADDED));
	return true;
}

static key_result form_key_drill(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((drill_form *)s)->form, a, action, key,
				  form_save);
}

static void form_destroy_drill(screen *s)
{
	drill_form *f = (drill_form *)s;
	for (int i = 0; i < F_N; i++)
		te_free(&f->fields[i].te);
	drill_scenarios_free(f->own, f->n_own);
	free(f);
}

static const screen_ops form_ops = {
	.title = DRILL_TITLE,
	.keys = KEYTABLE(form_keys),
	.text_entry = true,
	.draw = form_draw_drill,
	.handle_key = form_key_drill,
	.destroy = form_destroy_drill,
};

screen *drill_form_new(app *a, int64_t id, int64_t *select)
{
	static const form_spec spec[F_N] = {
		[F_TYPE] = {DRILL_F_TYPE, FIELD_CHOICE, 1, false, 0},
		[F_DATE] = {DRILL_F_DATE, FIELD_DATE, 1, true, 10},
		[F_SCENARIO] = {DRILL_F_SCENARIO, FIELD_CHOICE, 1, false, 0},
		[F_SYSTEMS] = {DRILL_F_SYSTEMS, FIELD_TEXT, 1, false, 1000},
		[F_PARTICIPANTS] = {DRILL_F_PARTICIPANTS, FIELD_TEXT, 2, false,
				    DRILL_TEXT_MAX},
		[F_OBJECTIVES] = {DRILL_F_OBJECTIVES, FIELD_TEXT, 2, false,
				  DRILL_TEXT_MAX},
	};
	drill_form *f = calloc(1, sizeof *f);
	const drill_reference *r = &a->q->drill;
	drill_full old;
	drill_record d;
	char day[16], systems[4096] = "";
	size_t type = 0, scen = 0, used = 0;
	bool ok = true;

	if (!f)
		return NULL;
	f->base.ops = &form_ops;
	f->id = id;
	f->select = select;
	drill_record_init(&d);
	d.held_on = a->today;
	memset(&old, 0, sizeof old);
	if (id && store_drill_load(a->st, id, &old) == ST_OK) {
		d = old.d;
		for (size_t i = 0; i < old.n_systems && used < sizeof systems; i++)
			used += (size_t)snprintf(systems + used, sizeof systems - used,
						 "%s%s", i ? ", " : "", old.systems[i]);
		drill_full_free(&old);
	}
	for (size_t i = 0; i < r->n_types; i++) {
		f->type_opts[i] = r->types[i].name;
		if (strcmp(r->types[i].key, d.type) == 0)
			type = i;
	}
	for (size_t i = 0; i < r->n_scenarios; i++)
		f->scen_opts[f->n_scen++] = r->scenarios[i].name;
	store_drill_scenarios(a->st, a->rep.unit.id, &f->own, &f->n_own);
	for (size_t i = 0; i < f->n_own && f->n_scen < MAX_SCENARIO_OPTS - 1; i++)
		f->scen_opts[f->n_scen++] = f->own[i].name;
	scen = f->n_scen;
	for (size_t i = 0; i < f->n_scen; i++)
		if (strcmp(f->scen_opts[i], d.scenario) == 0)
			scen = i;
	if (scen == f->n_scen && d.scenario[0]) {
		snprintf(f->kept, sizeof f->kept, "%s", d.scenario);
		f->scen_opts[f->n_scen++] = f->kept;
	} else if (scen == f->n_scen) {
		scen = 0;
	}
	date_format(d.held_on, day, sizeof day);
	for (int i = 0; i < F_N; i++) {
		form_field *fld = &f->fields[i];
		fld->label = spec[i].label;
		fld->kind = spec[i].kind;
		fld->rows = spec[i].rows;
		fld->required = spec[i].required;
		if (i == F_TYPE)
			ok = ok && form_choice_init(fld, f->type_opts, r->n_types, type);
		else if (i == F_SCENARIO)
			ok = ok && form_choice_init(fld, f->scen_opts, f->n_scen, scen);
		else
			ok = ok && te_init(&fld->te,
					   i == F_DATE ? day
					   : i == F_SYSTEMS ? systems
					   : i == F_PARTICIPANTS ? d.participants
								 : d.objectives,
					   spec[i].rows > 1, spec[i].max);
	}
	if (!ok || !r->n_types) {
		form_destroy_drill(&f->base);
		return NULL;
	}
	form_init(&f->form, f->fields, F_N, a->today);
	return &f->base;
}

/* ---- The finding form ---- */

enum { G_TEXT, G_SEVERITY, G_OWNER, G_DUE, G_N };

typedef struct {
	screen base;
	int64_t drill_id;
	form form;
	form_field fields[G_N];
	const char *grades[DRILL_GRADES];
} finding_form;

static void finding_draw(screen *s, app *a, rect b)
{
	finding_form *f = (finding_form *)s;
	draw_text(b.y, b.x + 1, b.w - 2, ROLE_HEADING, msg(DRILL_FINDING_NEW));
	form_draw(&f->form, (rect){b.y + 2, b.x + 2, b.h - 5, b.w - 4}, a);
	draw_paragraph((rect){b.y + b.h - 3, b.x + 2, 2, b.w - 4}, 0, ROLE_DIM,
		       msg(DRILL_FINDING_HINT));
}

static bool finding_save(screen *s, app *a)
{
	finding_form *f = (finding_form *)s;
	drill_finding x;
	char due[32];
	int64_t id, task;

	if (!form_validate(&f->form))
		return false;
	memset(&x, 0, sizeof x);
	x.drill_id = f->drill_id;
	te_value_into(&f->fields[G_TEXT].te, x.text, sizeof x.text);
	text_trim(x.text);
	x.severity = (drill_grade)f->fields[G_SEVERITY].choice;
	te_value_into(&f->fields[G_OWNER].te, x.owner, sizeof x.owner);
	text_trim(x.owner);
	te_value_into(&f->fields[G_DUE].te, due, sizeof due);
	if (*text_trim(due))
		date_parse(due, &x.due);
	if (!drill_wrote(a, store_drill_finding_add(a->st, &x, a->today, a->user,
						    &id, &task)))
		return false;
	app_message(a, ROLE_OK, "%s",
		    msg(task ? DRILL_FINDING_TASK : DRILL_FINDING_LIST));
	return true;
}

static key_result finding_key(screen *s, app *a, int action, int key)
{
	return form_screen_handle(s, &((finding_form *)s)->form, a, action, key,
				  finding_save);
}

static void finding_destroy(screen *s)
{
	finding_form *f = (finding_form *)s;
	for (int i = 0; i < G_N; i++)
		te_free(&f->fields[i].te);
	free(f);
}

static const screen_ops finding_ops = {
	.title = DRILL_TITLE,
	.keys = KEYTABLE(form_keys),
	.text_entry = true,
	.draw = finding_draw,
	.handle_key = finding_key,
	.destroy = finding_destroy,
};

screen *drill_finding_form_new(app *a, int64_t drill_id)
{
	finding_form *f = calloc(1, sizeof *f);
	bool ok = true;

	(void)a;
	if (!f)
		return NULL;
	f->base.ops = &finding_ops;
	f->drill_id = drill_id;
	for (int g = 0; g < DRILL_GRADES; g++)
		f->grades[g] = drill_grade_text((drill_grade)g);
	f->fields[G_TEXT] = (form_field){.label = DRILL_F_FINDING, .kind = FIELD_TEXT,
					 .rows = 2, .required = true};
	f->fields[G_SEVERITY] = (form_field){.label = DRILL_F_SEVERITY,
					     .kind = FIELD_CHOICE, .rows = 1};
	f->fields[G_OWNER] = (form_field){.label = DRILL_F_OWNER,
					  .kind = FIELD_TEXT, .rows = 1};
	f->fields[G_DUE] = (form_field){.label = DRILL_F_DUE, .kind = FIELD_DATE,
					.rows = 1};
	ok = te_init(&f->fields[G_TEXT].te, "", true, DRILL_FINDING_MAX) &&
	     form_choice_init(&f->fields[G_SEVERITY], f->grades, DRILL_GRADES,
			      DRILL_MEDIUM) &&
	     te_init(&f->fields[G_OWNER].te, "", false, TASK_OWNER_MAX) &&
	     te_init(&f->fields[G_DUE].te, "", false, 10);
	if (!ok) {
		finding_destroy(&f->base);
		return NULL;
	}
	form_init(&f->form, f->fields, G_N, a->today);
	return &f->base;
}

/* ---- The business figures ---- */

typedef struct {
	int64_t drill_id;
	int which;
} figure_ctx;

static bool figure_check(app *a, void *ctx, const char *text, char *why,
			 size_t len)
{
	figure_ctx *c = ctx;
	int64_t v;
	money m;
	char *end;
	(void)a;
	if (!*text)
		return true; /* empty: not given */
	if (c->which == DRILL_FIG_INTERRUPTION) {
		if (bia_minutes_parse(text, &v) == ST_OK)
			return true;
		bia_minutes_hint(why, len);
		return false;
	}
	if (c->which == DRILL_FIG_COMPLAINTS) {
		v = strtoll(text, &end, 10);
		if (!*end && v >= 0 && v <= 1000000)
			return true;
	} else if (money_parse(text, false, &m) == NUM_OK) {
		return true;
	}
	snprintf(why, len, "%s", msg(DRILL_P_FIGURE_RANGE));
	return false;
}

static screen *figure_done(app *a, void *ctx, const char *text)
{
	figure_ctx *c = ctx;
	drill_full f;
	int64_t v = BIA_UNSET, id;
	money m;

	if (store_drill_load(a->st, c->drill_id, &f)) {
		app_message(a, ROLE_BAD, "%s", store_errmsg(a->st));
		return NULL;
	}
	if (*text && c->which == DRILL_FIG_INTERRUPTION)
		bia_minutes_parse(text, &v);
	else if (*text && c->which == DRILL_FIG_COMPLAINTS)
		v = strtoll(text, NULL, 10);
	else if (*text && money_parse(text, false, &m) == NUM_OK)
		v = m;
	if (c->which == DRILL_FIG_INTERRUPTION)
		f.d.interruption = v;
	else if (c->which == DRILL_FIG_COMPLAINTS)
		f.d.complaints = v;
	else
		f.d.loss = v;
	drill_wrote(a, store_drill_save(a->st, a->rep.unit.id, &a->q->drill, &f.d,
					a->user, &id));
	drill_full_free(&f);
	return NULL;
}

screen *drill_figure_prompt(app *a, int64_t drill_id, int which)
{
	static const msg_id questions[] = {DRILL_Q_INTERRUPTION,
					   DRILL_Q_COMPLAINTS, DRILL_Q_LOSS};
	static const msg_id labels[] = {DRILL_B_INTERRUPTION, DRILL_B_COMPLAINTS,
					DRILL_B_LOSS};
	figure_ctx *c = malloc(sizeof *c);
	drill_full f;
	char now[64] = "", q[256], cur[64];

	if (!c)
		return NULL;
	c->drill_id = drill_id;
	c->which = which;
	if (store_drill_load(a->st, drill_id, &f) == ST_OK) {
		int64_t v = which == DRILL_FIG_INTERRUPTION ? f.d.interruption
			    : which == DRILL_FIG_COMPLAINTS ? f.d.complaints
							    : f.d.loss;
		if (v != BIA_UNSET && which == DRILL_FIG_INTERRUPTION)
			bia_minutes_format(v, now, sizeof now);
		else if (v != BIA_UNSET && which == DRILL_FIG_COMPLAINTS)
			snprintf(now, sizeof now, "%lld", (long long)v);
		else if (v != BIA_UNSET)
			money_format(v, now, sizeof now);
		drill_full_free(&f);
	}
	if (which == DRILL_FIG_LOSS) {
		store_currency(a->st, a->rep.unit.id, cur, sizeof cur);
		snprintf(q, sizeof q, msg(DRILL_Q_LOSS_FMT), cur);
	} else {
		snprintf(q, sizeof q, "%s", msg(questions[which]));
	}
	return prompt_checked_text(prompt_new(q, now, 40, labels[which],
					      figure_done, c, true),
				   figure_check);
}
