#include "config.h"

#include <string.h>

#include "model/bia.h"

static const char *const rating_keys[BIA_RATINGS] = {
	"none", "low", "medium", "high", "extreme",
};

const char *bia_rating_key(bia_rating r)
{
	return (unsigned)r < BIA_RATINGS ? rating_keys[r] : NULL;
}

bool bia_parse_rating(const char *s, bia_rating *out)
{
	for (int i = 0; i < BIA_RATINGS; i++)
		if (strcmp(s, rating_keys[i]) == 0) {
			*out = (bia_rating)i;
			return true;
		}
	return false;
}

static bool is_rating(bia_rating r)
{
	return (unsigned)r < BIA_RATINGS;
}

bia_rating bia_worst(const bia_row *row)
{
	bia_rating worst = BIA_RATING_NONE;
	for (int d = 0; d < BIA_DIMENSIONS; d++) {
		bia_rating r = row->cell[d].rating;
		if (is_rating(r) && r > worst)
			worst = r;
	}
	return worst;
}

bia_rating bia_overall(const bia_row *row)
{
	return row->overridden ? row->override : bia_worst(row);
}

/* Blank: nothing but ASCII spaces and the ideographic space U+3000, which
 * a Chinese input method types as readily. */
static bool blank(const char *s)
{
	while (*s) {
		if (strchr(" \t\r\n\v\f", *s))
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			return false;
	}
	return true;
}

static moat_status refuse(bia_problem *why, bia_problem p)
{
	*why = p;
	return ST_INVALID;
}

/* The checks of one duration after prev (0 before the first). */
static bia_problem duration_problem(int64_t minutes, int64_t prev)
{
	if (minutes < 1 || minutes > BIA_MAX_MINUTES)
		return BIA_DURATION_RANGE;
	return minutes <= prev ? BIA_DURATION_ORDER : BIA_OK;
}

moat_status bia_check_durations(const int64_t *minutes, size_t n,
				bia_problem *why, size_t *at)
{
	*why = BIA_OK;
	*at = 0;
	if (n > BIA_MAX_DURATIONS) {
		*at = BIA_MAX_DURATIONS;
		return refuse(why, BIA_TOO_MANY_DURATIONS);
	}
	for (size_t i = 0; i < n; i++) {
		bia_problem p =
			duration_problem(minutes[i], i ? minutes[i - 1] : 0);
		if (p) {
			*at = i;
			return refuse(why, p);
		}
	}
	return ST_OK;
}

static bia_problem row_problem(const bia_row *r, int64_t prev)
{
	bia_problem p = duration_problem(r->minutes, prev);
	if (p)
		return p;
	for (int d = 0; d < BIA_DIMENSIONS; d++)
		if (!is_rating(r->cell[d].rating))
			return BIA_RATING_RANGE;
	if (r->loss < 0 || r->loss > MONEY_MAX)
		return BIA_AMOUNT_RANGE;
	if (r->overridden && !is_rating(r->override))
		return BIA_RATING_RANGE;
	if (r->overridden && blank(r->reason))
		return BIA_NO_REASON;
	return BIA_OK;
}

moat_status bia_check_grid(const bia_grid *g, bia_problem *why, size_t *at)
{
	*why = BIA_OK;
	*at = 0;
	if (g->n_rows > BIA_MAX_DURATIONS) {
		*at = BIA_MAX_DURATIONS;
		return refuse(why, BIA_TOO_MANY_DURATIONS);
	}
	for (size_t i = 0; i < g->n_rows; i++) {
		int64_t prev = i ? g->rows[i - 1].minutes : 0;
		bia_problem p = row_problem(&g->rows[i], prev);
		if (p) {
			*at = i;
			return refuse(why, p);
		}
	}
	return ST_OK;
}

bia_mtd_outcome bia_suggest_mtd(const bia_grid *g, bia_rating intolerable,
				bia_mtd_suggestion *out)
{
	size_t i;

	out->mtd = out->bound = BIA_UNSET;
	out->first = g->n_rows;
	if (g->n_rows == 0)
		return out->outcome = BIA_MTD_NO_DURATIONS;
	for (i = 0; i < g->n_rows; i++)
		if (bia_overall(&g->rows[i]) >= intolerable)
			break;
	out->first = i;
	if (i == 0) {
		out->bound = g->rows[0].minutes;
		return out->outcome = BIA_MTD_AT_FIRST;
	}
	if (i == g->n_rows) {
		out->bound = g->rows[i - 1].minutes;
		return out->outcome = BIA_MTD_NEVER;
	}
	out->mtd = g->rows[i - 1].minutes;
	return out->outcome = BIA_MTD_FOUND;
}

int64_t bia_process_mtd(const bia_process *p, const bia_mtd_suggestion *s)
{
	if (p->mtd_chosen)
		return p->mtd;
	return s && s->outcome == BIA_MTD_FOUND ? s->mtd : BIA_UNSET;
}

static bool valid_mtd(int64_t mtd)
{
	return mtd >= 1 && mtd <= BIA_MAX_MINUTES;
}

moat_status bia_check_mtd_choice(int64_t mtd, const char *reason,
				 bia_problem *why)
{
	*why = BIA_OK;
	if (!valid_mtd(mtd))
		return refuse(why, BIA_MTD_RANGE);
	if (!reason || blank(reason))
		return refuse(why, BIA_NO_REASON);
	return ST_OK;
}

moat_status bia_check_rto(int64_t rto, int64_t mtd, bia_problem *why)
{
	*why = BIA_OK;
	if (!valid_mtd(mtd))
		return refuse(why, BIA_NO_MTD);
	if (rto < 0 || rto > BIA_MAX_MINUTES)
		return refuse(why, BIA_RTO_RANGE);
	if (rto >= mtd)
		return refuse(why, BIA_RTO_NOT_BELOW_MTD);
	return ST_OK;
}

moat_status bia_margin(int64_t mtd, int64_t rto, int *permille,
		       bia_problem *why)
{
	moat_status st = bia_check_rto(rto, mtd, why);
	if (st)
		return st;
	/* Both at most BIA_MAX_MINUTES: the product stays far from overflow,
	 * and integer division of non-negatives rounds down. */
	*permille = (int)((mtd - rto) * 1000 / mtd);
	return ST_OK;
}

bool bia_margin_warns(int permille, int threshold_permille)
{
	return permille < threshold_permille;
}

/* Whether the same pair of indexes appears before position i. */
static bool use_seen(const bia_use *u, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (u[j].process == u[i].process && u[j].system == u[i].system)
			return true;
	return false;
}

static bool hold_seen(const bia_hold *h, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (h[j].system == h[i].system &&
		    h[j].data_type == h[i].data_type)
			return true;
	return false;
}

/* Takes minutes as the need's target when it is given and stricter than
 * the one so far; of equal ones the lowest index, whatever the order of
 * the links. */
static void tighten(int64_t *target, size_t *by, int64_t minutes, size_t who)
{
	if (minutes < 0)
		return;
	if (*target == BIA_UNSET || minutes < *target ||
	    (minutes == *target && who < *by)) {
		*target = minutes;
		*by = who;
	}
}

moat_status bia_rollup(const bia_rollup_input *in, bia_system_need *out,
		       bia_problem *why, size_t *at)
{
	*why = BIA_OK;
	*at = 0;
	for (size_t i = 0; i < in->n_uses; i++)
		if (in->uses[i].process >= in->n_processes ||
		    in->uses[i].system >= in->n_systems) {
			*at = i;
			return refuse(why, BIA_BAD_USE);
		}
	for (size_t i = 0; i < in->n_holds; i++)
		if (in->holds[i].system >= in->n_systems ||
		    in->holds[i].data_type >= in->n_data_types) {
			*at = i;
			return refuse(why, BIA_BAD_HOLD);
		}
	for (size_t s = 0; s < in->n_systems; s++)
		out[s] = (bia_system_need){BIA_UNSET, BIA_NO_INDEX, BIA_UNSET,
					   BIA_NO_INDEX, 0, 0, 0, false};
	for (size_t i = 0; i < in->n_uses; i++) {
		const bia_process *p = &in->processes[in->uses[i].process];
		bia_system_need *n = &out[in->uses[i].system];
		if (!p->critical || use_seen(in->uses, i))
			continue;
		n->n_critical++;
		if (p->rto < 0)
			n->missing_rto++;
		tighten(&n->rto, &n->rto_process, p->rto, in->uses[i].process);
	}
	for (size_t i = 0; i < in->n_holds; i++) {
		size_t type = in->holds[i].data_type;
		int64_t rpo = in->data_types[type].rpo;
		bia_system_need *n = &out[in->holds[i].system];
		if (hold_seen(in->holds, i))
			continue;
		if (rpo < 0)
			n->missing_rpo++;
		tighten(&n->rpo, &n->rpo_data_type, rpo, type);
	}
	for (size_t s = 0; s < in->n_systems; s++)
		out[s].spof = out[s].n_critical >= BIA_SPOF_CRITICAL;
	return ST_OK;
}

/* A range's worst case against a target; a negative target is none. */
static bool range_meets(const bia_range *r, int64_t target)
{
	return target < 0 || r->upper <= target;
}

unsigned bia_shortfall(const bia_range *rto, const bia_range *rpo,
		       int64_t rto_target, int64_t rpo_target)
{
	return (range_meets(rto, rto_target) ? 0u : BIA_SHORT_RTO) |
	       (range_meets(rpo, rpo_target) ? 0u : BIA_SHORT_RPO);
}

bia_level_outcome bia_recommend_level(const bia_table *t, int64_t rto,
				      int64_t rpo, int *level)
{
	*level = 0;
	if (t->n_levels == 0)
		return BIA_LEVEL_EMPTY;
	if (rto < 0 && rpo < 0) {
		*level = t->levels[0].number;
		return BIA_LEVEL_NO_TARGETS;
	}
	for (size_t i = 0; i < t->n_levels; i++) {
		const bia_level *lv = &t->levels[i];
		if (bia_shortfall(&lv->rto, &lv->rpo, rto, rpo) == 0) {
			*level = lv->number;
			return BIA_LEVEL_FOUND;
		}
	}
	return BIA_LEVEL_NONE_MEETS;
}

const bia_level *bia_table_level(const bia_table *t, int number)
{
	for (size_t i = 0; i < t->n_levels; i++)
		if (t->levels[i].number == number)
			return &t->levels[i];
	return NULL;
}

bia_plan_gap bia_plan_compare(int planned, bia_level_outcome outcome,
			      int recommended)
{
	if (planned <= 0)
		return BIA_PLAN_NONE;
	if (outcome != BIA_LEVEL_FOUND && outcome != BIA_LEVEL_NO_TARGETS)
		return BIA_PLAN_WEAKER;
	if (planned < recommended)
		return BIA_PLAN_WEAKER;
	if (planned > recommended)
		return BIA_PLAN_STRONGER;
	return BIA_PLAN_AS_RECOMMENDED;
}

#define BIA_MAX_FACTOR 10000 /* 100 x the production cost */

/* production x factor / 100, half up: both are non-negative and bounded,
 * so the product fits (10^14 x 10^4). */
static money scaled(money production, int64_t factor)
{
	return (production * factor + 50) / 100;
}

moat_status bia_arch_check(const bia_arch *a, int64_t rto, int64_t rpo,
			   money production, bia_arch_result *out,
			   bia_problem *why)
{
	*why = BIA_OK;
	memset(out, 0, sizeof *out);
	if (production < 0 || production > MONEY_MAX ||
	    a->cost_factor.lower < 0 || a->cost_factor.upper > BIA_MAX_FACTOR)
		return refuse(why, BIA_COST_RANGE);
	for (size_t i = 0; i < a->n_sites && i < BIA_MAX_SITES; i++)
		out->shortfall[i] = bia_shortfall(&a->sites[i].rto,
						  &a->sites[i].rpo, rto, rpo);
	out->meets = a->n_sites > 0 && out->shortfall[0] == 0;
	out->cost.lo = scaled(production, a->cost_factor.lower);
	out->cost.hi = scaled(production, a->cost_factor.upper);
	return ST_OK;
}
