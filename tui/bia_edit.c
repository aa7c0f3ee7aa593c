#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/bia_view.h"
#include "model/money.h"
#include "model/store_bia.h"
#include "tui/app.h"
#include "tui/bia_edit.h"
#include "tui/prompt.h"

void bia_draw_minutes(int y, int x, int w, draw_role role, int64_t minutes)
{
	char t[64];
	if (minutes < 0)
		snprintf(t, sizeof t, "—");
	else
		bia_minutes_format(minutes, t, sizeof t);
	draw_text_right(y, x, w, role, t);
}

draw_role bia_heat_role(bia_rating r)
{
	static const draw_role roles[BIA_RATINGS] = {
		ROLE_HEAT_NONE, ROLE_HEAT_LOW, ROLE_HEAT_MEDIUM, ROLE_HEAT_HIGH,
		ROLE_HEAT_EXTREME};
	return (unsigned)r < BIA_RATINGS ? roles[r] : ROLE_NORMAL;
}

const char *bia_heat_glyph(bia_rating r)
{
	static const char *const glyphs[BIA_RATINGS] = {"·", "░", "▒", "▓", "█"};
	return (unsigned)r < BIA_RATINGS ? glyphs[r] : "?";
}

void bia_draw_rto_line(int y, int x, int w, const bia_view *v, size_t i)
{
	const bia_process *p = &v->d.processes[i];
	const bia_process_figures *f = &v->processes[i];
	char line[512];

	if (!f->has_margin) {
		draw_text(y, x, w, p->critical ? ROLE_WARN : ROLE_DIM, msg(BIA_NO_RTO));
		return;
	}
	bia_minutes_format(p->rto, line, sizeof line);
	snprintf(line + strlen(line), sizeof line - strlen(line), " · ");
	bia_margin_text(f->margin, v->d.margin_permille, line + strlen(line),
			sizeof line - strlen(line));
	draw_textf(y, x, w, f->margin_warns ? ROLE_WARN : ROLE_OK,
		   msg(BIA_RTO_LINE_FMT), line);
}

void bia_draw_review_line(int y, int x, int w, const bia_view *v, size_t i)
{
	const bia_process *p = &v->d.processes[i];
	const bia_process_figures *f = &v->processes[i];
	char day[16], next[16];

	if (!p->reviewed.y) {
		draw_textf(y, x, w, ROLE_WARN, msg(BIA_NEVER_REVIEWED_FMT),
			   v->d.review_months);
		return;
	}
	date_format(p->reviewed, day, sizeof day);
	date_format(f->next_review, next, sizeof next);
	draw_textf(y, x, w, f->review_due ? ROLE_WARN : ROLE_DIM,
		   msg(f->review_due ? BIA_REVIEW_OVERDUE_FMT : BIA_REVIEW_FMT), day,
		   next);
}

int64_t *bia_id_ref(int64_t id)
{
	int64_t *p = malloc(sizeof *p);
	if (p)
		*p = id;
	return p;
}

bool bia_wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_BIA);
}

/* ---- Processes ---- */

/* A copy of process id as the view holds it; false when it is gone. */
static bool process_of(app *a, int64_t id, bia_process *out)
{
	const bia_view *v = app_bia(a);
	size_t i = bia_view_process(v, id);
	if (i == BIA_NO_INDEX)
		return false;
	*out = v->d.processes[i];
	return true;
}

static int64_t mtd_of(app *a, int64_t id)
{
	const bia_view *v = app_bia(a);
	size_t i = bia_view_process(v, id);
	return i == BIA_NO_INDEX ? BIA_UNSET : v->processes[i].mtd;
}

static void save_process(app *a, const bia_process *p)
{
	int64_t id;
	bia_wrote(a, store_bia_process_save(a->st, a->assessment_id, p, a->user,
					    &id));
}

static screen *added(app *a, void *ctx, const char *text)
{
	const bia_reference *ref = &a->q->bia;
	bia_process p;
	int64_t id, m[BIA_MAX_DURATIONS];
	(void)ctx;
	/* A year's first process starts its grids on the reference's
	 * durations (15 min, 1 h, 4 h, 24 h), which D changes. */
	if (app_bia(a)->d.n_durations == 0 && ref->n_durations) {
		for (size_t i = 0; i < ref->n_durations; i++)
			m[i] = ref->durations[i].minutes;
		if (!bia_wrote(a, store_bia_set_durations(a->st, a->assessment_id, m,
							  ref->n_durations,
							  a->user)))
			return NULL;
	}
	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "%s", text);
	p.daily_volume = BIA_UNSET;
	p.rto = BIA_UNSET;
	bia_wrote(a, store_bia_process_save(a->st, a->assessment_id, &p, a->user,
					    &id));
	return NULL;
}

screen *bia_add_process(app *a)
{
	(void)a;
	return prompt_checked(prompt_new(msg(BIA_ADD_PROMPT), NULL, BIA_NAME_MAX,
					 FIELD_NAME, added, NULL, false),
			      prompt_required);
}

static screen *renamed(app *a, void *ctx, const char *text)
{
	bia_process p;
	if (process_of(a, *(int64_t *)ctx, &p)) {
		snprintf(p.name, sizeof p.name, "%s", text);
		save_process(a, &p);
	}
	return NULL;
}

screen *bia_rename_process(app *a, int64_t id)
{
	bia_process p;
	if (!process_of(a, id, &p))
		return NULL;
	return prompt_checked(prompt_new(msg(BIA_RENAME_PROMPT), p.name,
					 BIA_NAME_MAX, FIELD_NAME, renamed,
					 bia_id_ref(id), true),
			      prompt_required);
}

static screen *owner_set(app *a, void *ctx, const char *text)
{
	bia_process p;
	if (process_of(a, *(int64_t *)ctx, &p)) {
		snprintf(p.owner, sizeof p.owner, "%s", text);
		save_process(a, &p);
	}
	return NULL;
}

screen *bia_edit_owner(app *a, int64_t id)
{
	bia_process p;
	if (!process_of(a, id, &p))
		return NULL;
	return prompt_new(msg(BIA_OWNER_PROMPT), p.owner, BIA_NAME_MAX,
			  FIELD_NAME, owner_set, bia_id_ref(id), true);
}

/* A whole number 0..max, or empty for none (BIA_UNSET). */
static bool parse_count(const char *text, int64_t max, int64_t *out)
{
	int64_t v;
	if (!*text) {
		*out = BIA_UNSET;
		return true;
	}
	if (num_parse(text, 0, false, max, &v) != NUM_OK)
		return false;
	*out = v;
	return true;
}

static msg_id volume_check(app *a, void *ctx, const char *text)
{
	int64_t v;
	(void)a, (void)ctx;
	return parse_count(text, INT32_MAX, &v) ? MSG__COUNT : BIA_ERR_VOLUME;
}

static screen *volume_set(app *a, void *ctx, const char *text)
{
	bia_process p;
	if (process_of(a, *(int64_t *)ctx, &p) &&
	    parse_count(text, INT32_MAX, &p.daily_volume))
		save_process(a, &p);
	return NULL;
}

screen *bia_edit_volume(app *a, int64_t id)
{
	bia_process p;
	char now[32] = "";
	if (!process_of(a, id, &p))
		return NULL;
	if (p.daily_volume >= 0)
		snprintf(now, sizeof now, "%" PRId64, p.daily_volume);
	return prompt_checked(prompt_new(msg(BIA_VOLUME_PROMPT), now, 12,
					 FIELD_NUMBER, volume_set, bia_id_ref(id),
					 true),
			      volume_check);
}

/* A duration typed, or empty for none; false with what is expected in
 * why. */
static bool parse_minutes(const char *text, int64_t *out, char *why,
			  size_t len)
{
	if (!*text) {
		*out = BIA_UNSET;
		return true;
	}
	if (bia_minutes_parse(text, out) == ST_OK)
		return true;
	bia_minutes_hint(why, len);
	return false;
}

static bool rto_check(app *a, void *ctx, const char *text, char *why,
		      size_t len)
{
	int64_t rto, mtd = mtd_of(a, *(int64_t *)ctx);
	bia_problem p;
	if (!parse_minutes(text, &rto, why, len))
		return false;
	if (rto < 0 || bia_check_rto(rto, mtd, &p) == ST_OK)
		return true;
	bia_problem_text(p, mtd, why, len);
	return false;
}

static screen *rto_set(app *a, void *ctx, const char *text)
{
	bia_process p;
	char why[256];
	if (process_of(a, *(int64_t *)ctx, &p) &&
	    parse_minutes(text, &p.rto, why, sizeof why))
		save_process(a, &p);
	return NULL;
}

screen *bia_edit_rto(app *a, int64_t id)
{
	bia_process p;
	char q[512], now[64] = "", mtd[64];
	if (!process_of(a, id, &p))
		return NULL;
	if (p.rto >= 0)
		bia_minutes_format(p.rto, now, sizeof now);
	bia_minutes_format(mtd_of(a, id), mtd, sizeof mtd);
	snprintf(q, sizeof q, msg(BIA_RTO_PROMPT_FMT), p.name, mtd);
	return prompt_checked_text(prompt_new(q, now, BIA_DURATION_TEXT_MAX,
					      FIELD_NUMBER, rto_set, bia_id_ref(id),
					      true),
				   rto_check);
}

/* The MTD typed, kept while its reason is asked for. */
typedef struct {
	int64_t id, mtd;
} mtd_choice;

static screen *reason_set(app *a, void *ctx, const char *text)
{
	mtd_choice *c = ctx;
	bia_process p;
	if (process_of(a, c->id, &p)) {
		p.mtd_chosen = true;
		p.mtd = c->mtd;
		snprintf(p.mtd_reason, sizeof p.mtd_reason, "%s", text);
		save_process(a, &p);
	}
	return NULL;
}

static bool mtd_check(app *a, void *ctx, const char *text, char *why,
		      size_t len)
{
	int64_t mtd;
	bia_problem p;
	(void)a, (void)ctx;
	if (!parse_minutes(text, &mtd, why, len))
		return false;
	if (mtd < 0 || bia_check_mtd_choice(mtd, "-", &p) == ST_OK)
		return true;
	bia_problem_text(p, 0, why, len);
	return false;
}

static screen *mtd_set(app *a, void *ctx, const char *text)
{
	int64_t id = *(int64_t *)ctx, mtd;
	bia_process p;
	mtd_choice *c;
	char why[256];

	if (!process_of(a, id, &p) || !parse_minutes(text, &mtd, why, sizeof why))
		return NULL;
	if (mtd < 0) {
		/* Back to the grid's suggestion. */
		p.mtd_chosen = false;
		p.mtd_reason[0] = '\0';
		save_process(a, &p);
		return NULL;
	}
	if (!(c = malloc(sizeof *c)))
		return NULL;
	c->id = id;
	c->mtd = mtd;
	return prompt_checked(prompt_new(msg(BIA_MTD_REASON_PROMPT),
					 p.mtd_chosen ? p.mtd_reason : NULL,
					 BIA_REASON_MAX, FIELD_REASON,
					 reason_set, c, true),
			      prompt_required);
}

screen *bia_edit_mtd(app *a, int64_t id)
{
	const bia_view *v = app_bia(a);
	size_t i = bia_view_process(v, id);
	char q[512], now[64] = "", sug[64];
	if (i == BIA_NO_INDEX)
		return NULL;
	const bia_process *p = &v->d.processes[i];
	if (p->mtd_chosen)
		bia_minutes_format(p->mtd, now, sizeof now);
	bia_minutes_format(v->processes[i].suggestion.mtd, sug, sizeof sug);
	snprintf(q, sizeof q, msg(BIA_MTD_PROMPT_FMT), p->name, sug);
	return prompt_checked_text(prompt_new(q, now, BIA_DURATION_TEXT_MAX,
					      FIELD_NUMBER, mtd_set, bia_id_ref(id),
					      true),
				   mtd_check);
}

void bia_toggle_critical(app *a, int64_t id)
{
	bia_process p;
	if (!process_of(a, id, &p))
		return;
	p.critical = !p.critical;
	save_process(a, &p);
}

void bia_mark_reviewed(app *a, int64_t id)
{
	bia_process p;
	char day[16];
	if (!process_of(a, id, &p))
		return;
	p.reviewed = a->today;
	save_process(a, &p);
	if (process_of(a, id, &p) && date_cmp(p.reviewed, a->today) == 0) {
		date_format(a->today, day, sizeof day);
		app_message(a, ROLE_OK, msg(BIA_REVIEWED_FMT), p.name, day);
	}
}

static screen *delete_confirmed(app *a, void *ctx, bool yes)
{
	if (yes)
		bia_wrote(a, store_bia_process_delete(a->st, *(int64_t *)ctx,
						      a->user));
	return NULL;
}

screen *bia_delete_process(app *a, int64_t id)
{
	bia_process p;
	char q[512];
	if (!process_of(a, id, &p))
		return NULL;
	snprintf(q, sizeof q, msg(BIA_DELETE_FMT), p.name);
	return confirm_new(q, delete_confirmed, bia_id_ref(id), true);
}

/* ---- Settings ---- */

/* "15 min, 1 h, 4 h" into minutes; false with why. Commas and semicolons
 * of either width part the durations. */
static bool parse_durations(const char *text, int64_t *out, size_t *n,
			    char *why, size_t len)
{
	static const char *const seps[] = {",", ";", "，", "；", "、"};
	char buf[1024], *p = buf;
	bia_problem pr;
	size_t at;

	*n = 0;
	snprintf(buf, sizeof buf, "%s", text);
	for (;;) {
		char *end = NULL;
		size_t sep = 0;
		for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
			char *hit = strstr(p, seps[k]);
			if (hit && (!end || hit < end)) {
				end = hit;
				sep = strlen(seps[k]);
			}
		}
		if (end)
			*end = '\0';
		if (p[strspn(p, " ")]) {
			if (*n == BIA_MAX_DURATIONS) {
				bia_problem_text(BIA_TOO_MANY_DURATIONS, 0, why, len);
				return false;
			}
			if (bia_minutes_parse(p, &out[*n]) != ST_OK) {
				bia_minutes_hint(why, len);
				return false;
			}
			(*n)++;
		}
		if (!end)
			break;
		p = end + sep;
	}
	if (bia_check_durations(out, *n, &pr, &at) != ST_OK) {
		bia_problem_text(pr, at ? out[at - 1] : 0, why, len);
		return false;
	}
	return true;
}

static bool durations_check(app *a, void *ctx, const char *text, char *why,
			    size_t len)
{
	int64_t m[BIA_MAX_DURATIONS];
	size_t n;
	(void)a, (void)ctx;
	return parse_durations(text, m, &n, why, len);
}

static screen *durations_set(app *a, void *ctx, const char *text)
{
	int64_t m[BIA_MAX_DURATIONS];
	size_t n;
	char why[256];
	(void)ctx;
	if (parse_durations(text, m, &n, why, sizeof why))
		bia_wrote(a, store_bia_set_durations(a->st, a->assessment_id, m, n,
						     a->user));
	return NULL;
}

screen *bia_edit_durations(app *a)
{
	const bia_view *v = app_bia(a);
	char now[512] = "", one[64];
	size_t used = 0;
	for (size_t i = 0; i < v->d.n_durations && used < sizeof now; i++) {
		bia_minutes_format(v->d.durations[i], one, sizeof one);
		used += (size_t)snprintf(now + used, sizeof now - used, "%s%s",
					 i ? msg(BIAT_LIST_SEP) : "", one);
	}
	return prompt_checked_text(prompt_new(msg(BIA_DURATIONS_PROMPT), now, 200,
					      FIELD_NUMBER, durations_set, NULL,
					      false),
				   durations_check);
}

static int64_t unit_of(app *a)
{
	return a->rep.assessment.unit_id;
}

void bia_step_intolerable(app *a)
{
	const bia_view *v = app_bia(a);
	bia_rating r = v->d.intolerable >= BIA_RATING_EXTREME
			       ? BIA_RATING_LOW
			       : (bia_rating)(v->d.intolerable + 1);
	if (bia_wrote(a, store_param_set_text(a->st, unit_of(a),
					      BIA_PARAM_INTOLERABLE,
					      bia_rating_key(r), a->user)))
		app_message(a, ROLE_OK, msg(BIA_INTOLERABLE_SET_FMT),
			    a->q->bia.rating_names[r]);
}

static bool whole_in(const char *text, int64_t lo, int64_t hi, int64_t *out)
{
	return num_parse(text, 0, false, hi, out) == NUM_OK && *out >= lo;
}

static msg_id margin_check(app *a, void *ctx, const char *text)
{
	int64_t v;
	(void)a, (void)ctx;
	return whole_in(text, 0, 100, &v) ? MSG__COUNT : BIA_ERR_PERCENT;
}

static screen *margin_set(app *a, void *ctx, const char *text)
{
	int64_t v;
	(void)ctx;
	if (whole_in(text, 0, 100, &v))
		bia_wrote(a, store_param_set(a->st, unit_of(a), BIA_PARAM_MARGIN,
					     v * 10, a->user));
	return NULL;
}

screen *bia_edit_margin(app *a)
{
	char now[16];
	snprintf(now, sizeof now, "%d", app_bia(a)->d.margin_permille / 10);
	return prompt_checked(prompt_new(msg(BIA_MARGIN_PROMPT), now, 3,
					 FIELD_NUMBER, margin_set, NULL, false),
			      margin_check);
}

static msg_id months_check(app *a, void *ctx, const char *text)
{
	int64_t v;
	(void)a, (void)ctx;
	return whole_in(text, 1, 120, &v) ? MSG__COUNT : BIA_ERR_MONTHS;
}

static screen *months_set(app *a, void *ctx, const char *text)
{
	int64_t v;
	(void)ctx;
	if (whole_in(text, 1, 120, &v))
		bia_wrote(a, store_param_set(a->st, unit_of(a),
					     BIA_PARAM_REVIEW_MONTHS, v, a->user));
	return NULL;
}

screen *bia_edit_review_months(app *a)
{
	char now[16];
	snprintf(now, sizeof now, "%d", app_bia(a)->d.review_months);
	return prompt_checked(prompt_new(msg(BIA_REVIEW_PROMPT), now, 3,
					 FIELD_NUMBER, months_set, NULL, false),
			      months_check);
}

void bia_next_table(app *a)
{
	const bia_view *v = app_bia(a);
	const bia_reference *ref = &a->q->bia;
	size_t next = 0;
	if (!ref->n_tables || !v->table)
		return;
	next = ((size_t)(v->table - ref->tables) + 1) % ref->n_tables;
	if (bia_wrote(a, store_param_set_text(a->st, unit_of(a), BIA_PARAM_TABLE,
					      ref->tables[next].id, a->user)))
		app_message(a, ROLE_OK, msg(BIA_TABLE_SET_FMT),
			    ref->tables[next].title);
}
