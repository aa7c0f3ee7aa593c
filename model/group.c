#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/group.h"
#include "model/msg.h"
#include "model/recurrence.h"
#include "model/text.h"

static const char *const col_keys[GROUP_COLS] = {
	[GROUP_COL_NAME] = "name",
	[GROUP_COL_REGION] = "region",
	[GROUP_COL_LEVEL] = "level",
	[GROUP_COL_RISK] = "risk",
	[GROUP_COL_CHECKLIST] = "checklist",
	[GROUP_COL_EXPIRED] = "expired",
	[GROUP_COL_EXPIRING] = "expiring",
	[GROUP_COL_PROGRAMME] = "programme",
	[GROUP_COL_OVERDUE] = "overdue",
	[GROUP_COL_UNTESTED] = "untested",
	[GROUP_COL_RTA] = "rta",
	[GROUP_COL_PLANS] = "plans",
};

static const msg_id col_headings[GROUP_COLS] = {
	[GROUP_COL_NAME] = GRP_COL_NAME,
	[GROUP_COL_REGION] = GRP_COL_REGION,
	[GROUP_COL_LEVEL] = GRP_COL_LEVEL,
	[GROUP_COL_RISK] = GRP_COL_RISK,
	[GROUP_COL_CHECKLIST] = GRP_COL_CHECKLIST,
	[GROUP_COL_EXPIRED] = GRP_COL_EXPIRED,
	[GROUP_COL_EXPIRING] = GRP_COL_EXPIRING,
	[GROUP_COL_PROGRAMME] = GRP_COL_PROGRAMME,
	[GROUP_COL_OVERDUE] = GRP_COL_OVERDUE,
	[GROUP_COL_UNTESTED] = GRP_COL_UNTESTED,
	[GROUP_COL_RTA] = GRP_COL_RTA,
	[GROUP_COL_PLANS] = GRP_COL_PLANS,
};

const char *group_col_key(group_col c)
{
	return c < GROUP_COLS ? col_keys[c] : "";
}

bool group_col_parse(const char *key, group_col *out)
{
	for (int c = 0; c < GROUP_COLS; c++)
		if (strcmp(key, col_keys[c]) == 0) {
			*out = (group_col)c;
			return true;
		}
	return false;
}

const char *group_col_heading(group_col c)
{
	return c < GROUP_COLS ? msg(col_headings[c]) : "";
}

static int cmp_i64(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

/* Whether r has a value in column c. */
static bool has_value(const group_row *r, group_col c)
{
	switch (c) {
	case GROUP_COL_NAME:
		return true;
	case GROUP_COL_REGION:
		return r->region[0] != 0; /* units without one go last */
	case GROUP_COL_PROGRAMME:
		return r->has_programme;
	case GROUP_COL_OVERDUE:
	case GROUP_COL_PLANS:
		return true; /* the unit's own, with or without a year */
	case GROUP_COL_RTA:
		return r->has_year && r->has_worst;
	default:
		return r->has_year;
	}
}

/* a against b in column c, ascending, both having a value. */
static int cmp_value(const group_row *a, const group_row *b, group_col c)
{
	switch (c) {
	case GROUP_COL_NAME:
		return 0; /* the tie-break does it */
	case GROUP_COL_REGION:
		return strcmp(a->region, b->region);
	case GROUP_COL_LEVEL:
		return cmp_i64(a->level, b->level);
	case GROUP_COL_RISK:
		/* The highest risk is the lowest level. */
		return cmp_i64(b->level, a->level);
	case GROUP_COL_CHECKLIST:
		return cmp_i64((int64_t)a->items_done, (int64_t)b->items_done);
	case GROUP_COL_EXPIRED:
		return cmp_i64((int64_t)a->ev_expired, (int64_t)b->ev_expired);
	case GROUP_COL_EXPIRING:
		return cmp_i64((int64_t)a->ev_expiring, (int64_t)b->ev_expiring);
	case GROUP_COL_PROGRAMME: {
		/* By the share done: a/b against c/d without division. */
		int64_t l = (int64_t)a->tasks_done * (int64_t)(b->tasks_total ? b->tasks_total : 1);
		int64_t r = (int64_t)b->tasks_done * (int64_t)(a->tasks_total ? a->tasks_total : 1);
		return cmp_i64(l, r);
	}
	case GROUP_COL_OVERDUE:
		return cmp_i64((int64_t)a->duties_overdue, (int64_t)b->duties_overdue);
	case GROUP_COL_UNTESTED:
		return cmp_i64((int64_t)a->untested, (int64_t)b->untested);
	case GROUP_COL_RTA:
		/* RTA/RTO, cross-multiplied: minutes stay far below 2^31. */
		return cmp_i64(a->worst_rta * b->worst_rto, b->worst_rta * a->worst_rto);
	case GROUP_COL_PLANS:
		return cmp_i64((int64_t)a->plans_review_due,
			       (int64_t)b->plans_review_due);
	case GROUP_COLS:
		break;
	}
	return 0;
}

int group_row_cmp(const group_row *a, const group_row *b, group_col c,
		  bool desc)
{
	bool ha = has_value(a, c), hb = has_value(b, c);
	int d;

	if (ha != hb)
		return ha ? -1 : 1;
	if (ha && (d = cmp_value(a, b, c)) != 0)
		return desc ? -d : d;
	/* Alike: by name the same way, so a reversed sort reverses names. */
	d = strcmp(a->name, b->name);
	if (!d)
		d = cmp_i64(a->unit_id, b->unit_id);
	return desc && c == GROUP_COL_NAME ? -d : d;
}

/* A merge sort: stable, and with no global state for the column. */
static void merge_sort(group_row *v, group_row *tmp, size_t n, group_col c,
		       bool desc)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	merge_sort(v, tmp, h, c, desc);
	merge_sort(v + h, tmp, n - h, c, desc);
	while (i < h && j < n)
		tmp[k++] = group_row_cmp(&v[j], &v[i], c, desc) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

void group_sort(group_row *rows, size_t n, group_col c, bool desc)
{
	group_row *tmp;

	if (n < 2)
		return;
	if ((tmp = malloc(n * sizeof *tmp))) {
		merge_sort(rows, tmp, n, c, desc);
		free(tmp);
		return;
	}
	/* Out of memory: an insertion sort needs none. */
	for (size_t i = 1; i < n; i++) {
		group_row x = rows[i];
		size_t j = i;
		for (; j > 0 && group_row_cmp(&x, &rows[j - 1], c, desc) < 0; j--)
			rows[j] = rows[j - 1];
		rows[j] = x;
	}
}

size_t group_filter_region(group_row *rows, size_t n, const char *region)
{
	size_t kept = 0;

	if (!region || !*region)
		return n;
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].region, region) == 0) {
			if (kept != i)
				rows[kept] = rows[i];
			kept++;
		}
	return kept;
}

size_t group_regions(const group_row *rows, size_t n, const char **out,
		     size_t cap)
{
	size_t count = 0;

	/* Each region counted once, at its row that sorts first: the
	 * distinct ones written out in order by a selection over rows. */
	const char *last = NULL;
	for (;;) {
		const char *next = NULL;
		for (size_t i = 0; i < n; i++) {
			const char *r = rows[i].region;
			if (!*r || (last && strcmp(r, last) <= 0))
				continue;
			if (!next || strcmp(r, next) < 0)
				next = r;
		}
		if (!next)
			return count;
		if (count < cap)
			out[count] = next;
		count++;
		last = next;
	}
}

int64_t group_rta_percent(const group_row *r)
{
	return r->worst_rto > 0 ? r->worst_rta * 100 / r->worst_rto : 0;
}

void group_cell_text(const group_row *r, group_col c, char *out, size_t len)
{
	const char *none = msg(GRP_NONE);

	if (!has_value(r, c) && c != GROUP_COL_RISK) {
		snprintf(out, len, "%s", none);
		return;
	}
	switch (c) {
	case GROUP_COL_NAME:
		snprintf(out, len, "%s", r->name);
		return;
	case GROUP_COL_REGION:
		snprintf(out, len, "%s", r->region);
		return;
	case GROUP_COL_LEVEL:
		if (!r->prev_level)
			snprintf(out, len, "L%d", r->level);
		else
			snprintf(out, len, "L%d %s", r->level,
				 r->level > r->prev_level   ? "↑"
				 : r->level < r->prev_level ? "↓"
							    : "→");
		return;
	case GROUP_COL_RISK:
		snprintf(out, len, "%s", r->has_year ? r->risk : msg(GRP_NO_YEAR));
		return;
	case GROUP_COL_CHECKLIST:
		snprintf(out, len, "%zu/%zu", r->items_done, r->items_total);
		return;
	case GROUP_COL_EXPIRED:
		snprintf(out, len, "%zu", r->ev_expired);
		return;
	case GROUP_COL_EXPIRING:
		snprintf(out, len, "%zu", r->ev_expiring);
		return;
	case GROUP_COL_PROGRAMME:
		if (r->day < 1)
			snprintf(out, len, msg(GRP_PROG_BEFORE_FMT), r->tasks_done,
				 r->tasks_total);
		else if (r->day > PLAN_DAYS)
			snprintf(out, len, msg(GRP_PROG_AFTER_FMT), r->tasks_done,
				 r->tasks_total);
		else
			snprintf(out, len, msg(GRP_PROG_FMT), r->day, r->tasks_done,
				 r->tasks_total);
		return;
	case GROUP_COL_OVERDUE:
		snprintf(out, len, "%zu", r->duties_overdue);
		return;
	case GROUP_COL_UNTESTED:
		snprintf(out, len, "%zu", r->untested);
		return;
	case GROUP_COL_RTA:
		snprintf(out, len, "%lld%%", (long long)group_rta_percent(r));
		return;
	case GROUP_COL_PLANS:
		snprintf(out, len, "%zu", r->plans_review_due);
		return;
	case GROUP_COLS:
		break;
	}
	snprintf(out, len, "%s", none);
}

size_t group_layout(const group_row *rows, size_t n, int width,
		    group_col shown[GROUP_COLS], int widths[GROUP_COLS])
{
	static const group_col priority[] = {
		GROUP_COL_LEVEL,    GROUP_COL_RISK,     GROUP_COL_REGION,
		GROUP_COL_CHECKLIST, GROUP_COL_OVERDUE, GROUP_COL_UNTESTED,
		GROUP_COL_PROGRAMME, GROUP_COL_EXPIRED, GROUP_COL_EXPIRING,
		GROUP_COL_RTA,      GROUP_COL_PLANS,
	};
	int need[GROUP_COLS];
	bool on[GROUP_COLS] = {false};
	bool any_region = false;
	int used, name_min;
	size_t k = 0;
	char cell[TEXT_BYTES(UNIT_NAME_MAX) + 64];

	for (int c = 0; c < GROUP_COLS; c++)
		need[c] = text_width(group_col_heading((group_col)c));
	for (size_t i = 0; i < n; i++) {
		any_region |= rows[i].region[0] != 0;
		for (int c = 0; c < GROUP_COLS; c++) {
			int w;
			group_cell_text(&rows[i], (group_col)c, cell, sizeof cell);
			if ((w = text_width(cell)) > need[c])
				need[c] = w;
		}
	}
	/* The name keeps room for its heading and a few characters. */
	name_min = need[GROUP_COL_NAME] < 12 ? need[GROUP_COL_NAME] : 12;
	if (name_min < text_width(group_col_heading(GROUP_COL_NAME)))
		name_min = text_width(group_col_heading(GROUP_COL_NAME));
	used = name_min;
	on[GROUP_COL_NAME] = true;
	for (size_t p = 0; p < sizeof priority / sizeof priority[0]; p++) {
		group_col c = priority[p];
		if (c == GROUP_COL_REGION && !any_region)
			continue;
		if (used + 1 + need[c] > width)
			continue;
		used += 1 + need[c];
		on[c] = true;
	}
	for (int c = 0; c < GROUP_COLS; c++) {
		if (!on[c])
			continue;
		shown[k] = (group_col)c;
		widths[k] = need[c];
		if (c == GROUP_COL_NAME) {
			int room = name_min + (width - used);
			widths[k] = need[c] < room ? need[c] : room;
		}
		k++;
	}
	return k;
}

/* The programme's line. */
static void detail_plan(const group_row *r, char *out, size_t len)
{
	if (!r->has_programme)
		snprintf(out, len, msg(GRP_D_NO_PROG_FMT), r->duties_overdue);
	else if (r->day < 1)
		snprintf(out, len, msg(GRP_D_PROG_BEFORE_FMT), r->tasks_done,
			 r->tasks_total, r->tasks_overdue, r->duties_overdue);
	else if (r->day > PLAN_DAYS)
		snprintf(out, len, msg(GRP_D_PROG_AFTER_FMT), r->tasks_done,
			 r->tasks_total, r->tasks_overdue, r->duties_overdue);
	else
		snprintf(out, len, msg(GRP_D_PROG_FMT), r->day, r->tasks_done,
			 r->tasks_total, r->tasks_overdue, r->duties_overdue);
}

/* The restore tests' line. */
static void detail_backups(const group_row *r, char *out, size_t len)
{
	char rta[64], rto[64];
	size_t used;

	if (!r->n_systems) {
		snprintf(out, len, "%s", msg(GRP_D_NO_SYSTEMS));
		return;
	}
	snprintf(out, len, msg(GRP_D_BACKUPS_FMT), r->untested, r->n_systems,
		 r->stale, r->failed);
	if (!r->has_worst)
		return;
	used = strlen(out);
	bia_minutes_format(r->worst_rta, rta, sizeof rta);
	bia_minutes_format(r->worst_rto, rto, sizeof rto);
	snprintf(out + used, len > used ? len - used : 0, msg(GRP_D_WORST_FMT),
		 r->worst_system, rta, rto, (long long)group_rta_percent(r));
}

void group_detail_line(const group_row *r, int line, char *out, size_t len)
{
	size_t used;

	if (len)
		*out = 0;
	/* Without a year only the unit's own lines have something to say. */
	if (!r->has_year && (line == 2 || line == 4))
		return;
	switch (line) {
	case 0:
		snprintf(out, len, msg(GRP_D_UNIT_FMT), r->name,
			 *r->region ? r->region : msg(GRP_D_NO_REGION));
		return;
	case 1:
		if (!r->has_year) {
			snprintf(out, len, "%s", msg(GRP_D_NO_YEAR));
			return;
		}
		snprintf(out, len, msg(GRP_D_YEAR_FMT), r->year,
			 msg(r->status == ASSESS_FINAL ? ASSESS_TEXT_FINAL
						       : ASSESS_TEXT_DRAFT),
			 r->level, r->level_name, r->risk);
		used = strlen(out);
		if (r->prev_level && len > used)
			snprintf(out + used, len - used, msg(GRP_D_PREV_FMT),
				 r->prev_year, r->prev_level);
		return;
	case 2:
		snprintf(out, len, msg(GRP_D_LIST_FMT), r->items_done,
			 r->items_total, r->items_in_progress, r->ev_expired,
			 r->ev_expiring);
		return;
	case 3:
		detail_plan(r, out, len);
		return;
	case 4:
		detail_backups(r, out, len);
		return;
	case 5:
		snprintf(out, len, msg(GRP_D_PLANS_FMT), r->n_plans,
			 r->plans_review_due);
		return;
	}
}
