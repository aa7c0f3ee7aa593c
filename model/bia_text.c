#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/money.h"
#include "model/msg.h"
#include "model/text.h"

/* ---- Writing into a caller's buffer ---- */

/* After a write of n bytes was cut to len - 1: drops the character the
 * cut left incomplete, so the text stays valid UTF-8. */
static void end_whole(char *out, size_t len, int n)
{
	size_t end, lead, need;
	unsigned char c;

	if (len == 0 || n < 0 || (size_t)n < len)
		return;
	end = len - 1;
	lead = end;
	while (lead > 0 && end - lead < 4 &&
	       ((unsigned char)out[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead == 0)
		return;
	lead--;
	c = (unsigned char)out[lead];
	need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (end - lead < need)
		out[lead] = '\0';
}

/* snprintf that cuts between characters. */
static void say(char *out, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (len == 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(out, len, fmt, ap);
	va_end(ap);
	end_whole(out, len, n);
}

/* A text built of parts: once a part is cut, nothing more is added, so
 * a later short part cannot follow a cut one. */
typedef struct {
	char *out;
	size_t len;
	bool cut;
} builder;

static builder build(char *out, size_t len)
{
	if (len)
		out[0] = '\0';
	return (builder){out, len, len == 0};
}

/* Adds part, after sep when something is there already. */
static void add(builder *b, const char *sep, const char *part)
{
	size_t used;
	int n;

	if (b->cut)
		return;
	used = strlen(b->out);
	n = snprintf(b->out + used, b->len - used, "%s%s", used ? sep : "",
		     part);
	if (n < 0 || (size_t)n >= b->len - used) {
		end_whole(b->out + used, b->len - used, n);
		b->cut = true;
	}
}

/* ---- Durations ---- */

#define HOUR ((int64_t)60)
#define DAY ((int64_t)1440)

void bia_minutes_format(int64_t minutes, char *out, size_t len)
{
	int64_t d = 0, h, m;
	char part[48];
	builder b;

	if (len == 0)
		return;
	if (minutes == BIA_UNBOUNDED || minutes < 0) {
		say(out, len, "%s",
		    msg(minutes < 0 ? BIAT_NOT_SET : BIAT_UNBOUNDED));
		return;
	}
	if (minutes >= BIA_DAYS_FROM) {
		d = minutes / DAY;
		minutes -= d * DAY;
	}
	h = minutes / HOUR;
	m = minutes % HOUR;
	b = build(out, len);
	const struct {
		int64_t n;
		msg_id fmt;
	} parts[] = {{d, BIAT_DAYS_FMT}, {h, BIAT_HOURS_FMT},
		     {m, BIAT_MINUTES_FMT}};
	for (size_t i = 0; i < 3; i++) {
		/* Parts of 0 are left out, but for "0 min". */
		if (!parts[i].n && (i < 2 || d || h))
			continue;
		say(part, sizeof part, msg(parts[i].fmt), (long long)parts[i].n);
		add(&b, msg(BIAT_UNIT_SEP), part);
	}
}

/* The units a manager types, in either language. The longest match wins,
 * so "mins" is not read as "m" followed by garbage. */
static const struct {
	const char *word;
	int64_t minutes;
} units[] = {
	{"m", 1},         {"min", 1},       {"mins", 1},   {"minute", 1},
	{"minutes", 1},   {"分", 1},        {"分钟", 1},   {"h", HOUR},
	{"hr", HOUR},     {"hrs", HOUR},    {"hour", HOUR}, {"hours", HOUR},
	{"小时", HOUR},   {"个小时", HOUR}, {"d", DAY},    {"day", DAY},
	{"days", DAY},    {"天", DAY},
};

static bool ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The unit at s: its minutes and length, or 0. A Latin word must not run
 * on into more letters ("15 ms" is no "15 m"). */
static int64_t unit_at(const char *s, size_t *used)
{
	int64_t best = 0;
	size_t best_len = 0;

	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		size_t n = strlen(units[i].word);
		if (n <= best_len || strncmp(s, units[i].word, n) != 0)
			continue;
		if (ascii_letter(units[i].word[0]) && ascii_letter(s[n]))
			continue;
		best = units[i].minutes;
		best_len = n;
	}
	*used = best_len;
	return best;
}

/* The text folded to what the parser reads: full-width forms to ASCII,
 * the ideographic space and tabs to spaces, Latin letters to lower case.
 * False for invalid UTF-8, control characters or a text too long. */
static bool fold(const char *text, char *out, size_t outlen)
{
	size_t n = strlen(text), pos = 0, o = 0;

	if (n > BIA_DURATION_TEXT_MAX || !text_valid_utf8(text))
		return false;
	while (pos < n) {
		uint32_t cp;
		size_t len = text_decode(text + pos, n - pos, &cp);
		if (cp == 0x3000 || cp == '\t')
			cp = ' ';
		else if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (text_is_control(cp) || o + len + 1 > outlen)
			return false;
		if (cp < 0x80)
			out[o++] = (char)cp;
		else {
			memcpy(out + o, text + pos, len);
			o += len;
		}
		pos += len;
	}
	out[o] = '\0';
	return true;
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* One number: digits, then optionally a point and up to 9 digits, as
 * whole * 10^places + frac. The whole part is capped past any duration so
 * that a long run of digits cannot overflow. */
#define MAX_PLACES 9

static bool number_at(const char **sp, int64_t *whole, int64_t *frac,
		      int *places)
{
	const char *s = *sp;

	*whole = *frac = 0;
	*places = 0;
	if (*s < '0' || *s > '9')
		return false;
	for (; *s >= '0' && *s <= '9'; s++)
		if (*whole <= BIA_MAX_MINUTES)
			*whole = *whole * 10 + (*s - '0');
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return false;
		for (; *s >= '0' && *s <= '9'; s++) {
			if (++*places > MAX_PLACES)
				return false;
			*frac = *frac * 10 + (*s - '0');
		}
	}
	*sp = s;
	return true;
}

moat_status bia_minutes_parse(const char *text, int64_t *minutes)
{
	char buf[BIA_DURATION_TEXT_MAX + 1];
	const char *s;
	int64_t total = 0, prev_unit = 0;
	int terms = 0;
	bool fraction = false;

	if (!text || !fold(text, buf, sizeof buf))
		return ST_INVALID;
	s = skip_spaces(buf);
	if (!*s)
		return ST_INVALID;
	while (*s) {
		int64_t whole, frac, unit, scale = 1, value;
		int places;
		size_t used;

		if (!number_at(&s, &whole, &frac, &places))
			return ST_INVALID;
		s = skip_spaces(s);
		unit = unit_at(s, &used);
		if (!unit) {
			/* A bare number is minutes, and only on its own. */
			if (terms || *s)
				return ST_INVALID;
			unit = 1;
		}
		s += used;
		/* Largest unit first, each once, and each later term less
		 * than one of the unit before ("1 h 90 min" is no way to
		 * write 2 h 30 min). */
		if (prev_unit && unit >= prev_unit)
			return ST_INVALID;
		if (whole > BIA_MAX_MINUTES)
			return ST_INVALID;
		for (int i = 0; i < places; i++)
			scale *= 10;
		if (places)
			fraction = true;
		/* Below 527041 * 10^9 * 1440: far inside int64_t. */
		value = (whole * scale + frac) * unit;
		if (value % scale)
			return ST_INVALID;
		value /= scale;
		if (prev_unit && value >= prev_unit)
			return ST_INVALID;
		total += value;
		if (total > BIA_MAX_MINUTES)
			return ST_INVALID;
		prev_unit = unit;
		terms++;
		s = skip_spaces(s);
	}
	if (fraction && terms > 1)
		return ST_INVALID;
	*minutes = total;
	return ST_OK;
}

void bia_minutes_hint(char *out, size_t len)
{
	char max[48];
	bia_minutes_format(BIA_MAX_MINUTES, max, sizeof max);
	say(out, len, msg(BIAT_DURATION_HINT_FMT), max);
}

/* ---- Refusals ---- */

/* What each refusal says and the figure it needs. */
typedef enum {
	ARG_NONE,
	ARG_FROM_0,  /* a range of durations from 0 to BIA_MAX_MINUTES */
	ARG_FROM_1,  /* from 1 */
	ARG_VALUE,   /* the duration the caller gives */
	ARG_COUNT,   /* BIA_MAX_DURATIONS */
	ARG_MONEY,   /* MONEY_MAX */
} problem_arg;

static const struct {
	msg_id text;
	problem_arg arg;
} problems[BIA_COST_RANGE + 1] = {
	[BIA_DURATION_RANGE] = {BIAT_P_DURATION_RANGE_FMT, ARG_FROM_1},
	[BIA_DURATION_ORDER] = {BIAT_P_DURATION_ORDER_FMT, ARG_VALUE},
	[BIA_TOO_MANY_DURATIONS] = {BIAT_P_TOO_MANY_DURATIONS_FMT, ARG_COUNT},
	[BIA_RATING_RANGE] = {BIAT_P_RATING_RANGE, ARG_NONE},
	[BIA_AMOUNT_RANGE] = {BIAT_P_AMOUNT_RANGE_FMT, ARG_MONEY},
	[BIA_NO_REASON] = {BIAT_P_NO_REASON, ARG_NONE},
	[BIA_MTD_RANGE] = {BIAT_P_MTD_RANGE_FMT, ARG_FROM_1},
	[BIA_NO_MTD] = {BIAT_P_NO_MTD, ARG_NONE},
	[BIA_RTO_RANGE] = {BIAT_P_RTO_RANGE_FMT, ARG_FROM_0},
	[BIA_RTO_NOT_BELOW_MTD] = {BIAT_P_RTO_NOT_BELOW_MTD_FMT, ARG_VALUE},
	[BIA_BAD_USE] = {BIAT_P_BAD_USE, ARG_NONE},
	[BIA_BAD_HOLD] = {BIAT_P_BAD_HOLD, ARG_NONE},
	[BIA_COST_RANGE] = {BIAT_P_COST_RANGE_FMT, ARG_MONEY},
};

void bia_problem_text(bia_problem why, int64_t value, char *out, size_t len)
{
	char a[48], b[48];
	const char *text;

	if (why == BIA_OK) {
		say(out, len, "%s", "");
		return;
	}
	if ((unsigned)why > BIA_COST_RANGE) {
		say(out, len, "%s", "?");
		return;
	}
	text = msg(problems[why].text);
	switch (problems[why].arg) {
	case ARG_NONE:
		say(out, len, "%s", text);
		return;
	case ARG_FROM_0:
	case ARG_FROM_1:
		bia_minutes_format(problems[why].arg == ARG_FROM_0 ? 0 : 1, a,
				   sizeof a);
		bia_minutes_format(BIA_MAX_MINUTES, b, sizeof b);
		say(out, len, text, a, b);
		return;
	case ARG_VALUE:
		bia_minutes_format(value, a, sizeof a);
		say(out, len, text, a);
		return;
	case ARG_COUNT:
		say(out, len, text, BIA_MAX_DURATIONS);
		return;
	case ARG_MONEY:
		money_format(MONEY_MAX, a, sizeof a);
		say(out, len, text, a);
		return;
	}
}

/* ---- The suggested MTD ---- */

static const char *rating_name(const bia_reference *ref, bia_rating r)
{
	if (!ref || (unsigned)r >= BIA_RATINGS || !ref->rating_names[r])
		return "?";
	return ref->rating_names[r];
}

void bia_mtd_text(const bia_mtd_suggestion *s, const bia_grid *g,
		  const bia_reference *ref, bia_rating intolerable, char *out,
		  size_t len)
{
	char a[48], b[48];

	switch (s->outcome) {
	case BIA_MTD_FOUND:
		bia_minutes_format(s->mtd, a, sizeof a);
		bia_minutes_format(g && s->first < g->n_rows
					   ? g->rows[s->first].minutes
					   : BIA_UNSET,
				   b, sizeof b);
		/* "or worse" only where there is a worse rating. */
		say(out, len,
		    msg(intolerable >= BIA_RATING_EXTREME
				? BIAT_MTD_FOUND_FMT
				: BIAT_MTD_FOUND_WORSE_FMT),
		    a, rating_name(ref, intolerable), b);
		return;
	case BIA_MTD_AT_FIRST:
		bia_minutes_format(s->bound, a, sizeof a);
		say(out, len, msg(BIAT_MTD_AT_FIRST_FMT), a);
		return;
	case BIA_MTD_NEVER:
		bia_minutes_format(s->bound, a, sizeof a);
		say(out, len, msg(BIAT_MTD_NEVER_FMT), a, a);
		return;
	case BIA_MTD_NO_DURATIONS:
		break;
	}
	say(out, len, "%s", msg(BIAT_MTD_NO_DURATIONS));
}

/* ---- Safety margin ---- */

void bia_margin_text(int permille, int threshold_permille, char *out,
		     size_t len)
{
	char pct[24], limit[24];

	/* Per mille is a percentage with one decimal, shown as typed. */
	num_format_trim(permille, 1, pct, sizeof pct);
	if (!bia_margin_warns(permille, threshold_permille)) {
		say(out, len, msg(BIAT_MARGIN_FMT), pct);
		return;
	}
	num_format_trim(threshold_permille, 1, limit, sizeof limit);
	say(out, len, msg(BIAT_MARGIN_LOW_FMT), pct, limit);
}

/* ---- Roll-up to systems ---- */

/* "RTO 2 h (name)", or without the name when there is none. */
static void target_by(char *out, size_t len, msg_id fmt, int64_t minutes,
		      const char *by)
{
	char d[48], t[96];

	bia_minutes_format(minutes, d, sizeof d);
	if (minutes < 0 || !by) {
		say(out, len, msg(fmt), d);
		return;
	}
	say(t, sizeof t, msg(fmt), d);
	say(out, len, msg(BIAT_BY_FMT), t, by);
}

void bia_need_text(const bia_rollup_input *in, const bia_system_need *n,
		   char *out, size_t len)
{
	char part[TEXT_BYTES(BIA_NAME_MAX) + 128];
	builder b = build(out, len);

	target_by(part, sizeof part, BIAT_RTO_FMT, n->rto,
		  n->rto_process < in->n_processes
			  ? in->processes[n->rto_process].name
			  : NULL);
	add(&b, msg(BIAT_LIST_SEP), part);
	target_by(part, sizeof part, BIAT_RPO_FMT, n->rpo,
		  n->rpo_data_type < in->n_data_types
			  ? in->data_types[n->rpo_data_type].name
			  : NULL);
	add(&b, msg(BIAT_LIST_SEP), part);
}

/* A count with its message for one and for many (English tells them
 * apart, Chinese need not). */
typedef struct {
	size_t count;
	msg_id one, many;
} counted_msg;

static const char *counted(const counted_msg *c)
{
	return msg(c->count == 1 ? c->one : c->many);
}

void bia_need_flags_text(const bia_system_need *n, char *out, size_t len)
{
	const counted_msg flags[] = {
		{n->spof ? n->n_critical : 0, BIAT_SPOF_ONE_FMT, BIAT_SPOF_FMT},
		{n->missing_rto, BIAT_MISSING_RTO_ONE_FMT, BIAT_MISSING_RTO_FMT},
		{n->missing_rpo, BIAT_MISSING_RPO_ONE_FMT, BIAT_MISSING_RPO_FMT},
	};
	char part[128];
	builder b = build(out, len);

	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		if (!flags[i].count)
			continue;
		say(part, sizeof part, counted(&flags[i]), flags[i].count);
		add(&b, msg(BIAT_CLAUSE_SEP), part);
	}
}

/* ---- DR levels ---- */

const char *bia_level_rule_text(void)
{
	return msg(BIAT_LEVEL_RULE);
}

void bia_level_label(const bia_table *t, int number, char *out, size_t len)
{
	const bia_level *lv = t ? bia_table_level(t, number) : NULL;

	if (lv && lv->name && *lv->name)
		say(out, len, msg(BIAT_LEVEL_NAMED_FMT), number, lv->name);
	else
		say(out, len, msg(BIAT_LEVEL_FMT), number);
}

/* The targets a level is chosen for: "RTO 2 h and RPO 15 min", or the one
 * that is set; "" when neither is. */
static void targets(int64_t rto, int64_t rpo, char *out, size_t len)
{
	char a[48], b[48];

	bia_minutes_format(rto, a, sizeof a);
	bia_minutes_format(rpo, b, sizeof b);
	if (rto >= 0 && rpo >= 0)
		say(out, len, msg(BIAT_TARGETS_FMT), a, b);
	else if (rto >= 0)
		say(out, len, msg(BIAT_TARGET_RTO_ONLY_FMT), a);
	else if (rpo >= 0)
		say(out, len, msg(BIAT_TARGET_RPO_ONLY_FMT), b);
	else
		say(out, len, "%s", "");
}

void bia_recommend_text(const bia_table *t, bia_level_outcome outcome,
			int level, int64_t rto, int64_t rpo, char *out,
			size_t len)
{
	char label[TEXT_BYTES(BIA_NAME_MAX) + 32], goal[160];

	bia_level_label(t, level, label, sizeof label);
	targets(rto, rpo, goal, sizeof goal);
	switch (outcome) {
	case BIA_LEVEL_FOUND:
		say(out, len, msg(BIAT_REC_FOUND_FMT), label, goal);
		return;
	case BIA_LEVEL_NO_TARGETS:
		say(out, len, msg(BIAT_REC_NO_TARGETS_FMT), label);
		return;
	case BIA_LEVEL_NONE_MEETS:
		say(out, len, msg(BIAT_REC_NONE_MEETS_FMT), goal);
		return;
	case BIA_LEVEL_EMPTY:
		break;
	}
	say(out, len, "%s", msg(BIAT_REC_EMPTY));
}

/* What a level's range cannot promise against a target: "RTO 2 h not met
 * (level 4 recovers in up to 12 h)". */
static void short_of(int number, const bia_range *r, int64_t target,
		     msg_id bounded, msg_id open, char *out, size_t len)
{
	char want[48], worst[48];

	bia_minutes_format(target, want, sizeof want);
	if (r->upper == BIA_UNBOUNDED) {
		say(out, len, msg(open), want, number);
		return;
	}
	bia_minutes_format(r->upper, worst, sizeof worst);
	say(out, len, msg(bounded), want, number, worst);
}

/* The planned level's shortfalls, "; " apart. */
static void plan_shortfalls(const bia_table *t, int planned, int64_t rto,
			    int64_t rpo, char *out, size_t len)
{
	const bia_level *lv = t ? bia_table_level(t, planned) : NULL;
	char part[192];
	builder b = build(out, len);
	unsigned miss;

	if (!lv) {
		say(out, len, msg(BIAT_PLAN_NOT_IN_TABLE_FMT), planned);
		return;
	}
	miss = bia_shortfall(&lv->rto, &lv->rpo, rto, rpo);
	if (miss & BIA_SHORT_RTO) {
		short_of(planned, &lv->rto, rto, BIAT_PLAN_RTO_SHORT_FMT,
			 BIAT_PLAN_RTO_OPEN_FMT, part, sizeof part);
		add(&b, msg(BIAT_CLAUSE_SEP), part);
	}
	if (miss & BIA_SHORT_RPO) {
		short_of(planned, &lv->rpo, rpo, BIAT_PLAN_RPO_SHORT_FMT,
			 BIAT_PLAN_RPO_OPEN_FMT, part, sizeof part);
		add(&b, msg(BIAT_CLAUSE_SEP), part);
	}
}

void bia_plan_text(const bia_table *t, int planned, bia_level_outcome outcome,
		   int recommended, int64_t rto, int64_t rpo, char *out,
		   size_t len)
{
	bool has_advice = outcome == BIA_LEVEL_FOUND ||
			  outcome == BIA_LEVEL_NO_TARGETS;
	char why[400];

	switch (bia_plan_compare(planned, outcome, recommended)) {
	case BIA_PLAN_NONE:
		if (has_advice)
			say(out, len, msg(BIAT_PLAN_NONE_NEEDS_FMT), recommended);
		else
			say(out, len, "%s", msg(BIAT_PLAN_NONE));
		return;
	case BIA_PLAN_AS_RECOMMENDED:
		say(out, len, msg(BIAT_PLAN_AS_RECOMMENDED_FMT), planned);
		return;
	case BIA_PLAN_STRONGER:
		say(out, len, msg(BIAT_PLAN_STRONGER_FMT), planned, recommended);
		return;
	case BIA_PLAN_WEAKER:
		break;
	}
	if (outcome == BIA_LEVEL_EMPTY) {
		say(out, len, msg(BIAT_PLAN_EMPTY_FMT), planned);
		return;
	}
	plan_shortfalls(t, planned, rto, rpo, why, sizeof why);
	if (outcome == BIA_LEVEL_NONE_MEETS)
		say(out, len, msg(BIAT_PLAN_NONE_MEETS_FMT), planned, why);
	else
		say(out, len, msg(BIAT_PLAN_WEAKER_FMT), planned, recommended,
		    why);
}

/* ---- Architectures ---- */

/* One target against the first site's range: "meets RTO 2 h", "misses RTO
 * 30 min (up to 1 h)", "no RTO set". */
static void site_part(const bia_range *r, int64_t target, bool missed,
		      msg_id meets, msg_id misses, msg_id unset, char *out,
		      size_t len)
{
	char want[48], worst[64], d[48];

	if (target < 0) {
		say(out, len, "%s", msg(unset));
		return;
	}
	bia_minutes_format(target, want, sizeof want);
	if (!missed) {
		say(out, len, msg(meets), want);
		return;
	}
	if (r->upper == BIA_UNBOUNDED) {
		say(worst, sizeof worst, "%s", msg(BIAT_NO_UPPER));
	} else {
		bia_minutes_format(r->upper, d, sizeof d);
		say(worst, sizeof worst, msg(BIAT_UP_TO_FMT), d);
	}
	say(out, len, msg(misses), want, worst);
}

void bia_arch_verdict_text(const bia_arch *a, const bia_arch_result *r,
			   int64_t rto, int64_t rpo, char *out, size_t len)
{
	const bia_site *site;
	char what[400], part[192], d1[48], d2[48];
	builder b;

	if (a->n_sites == 0) {
		say(out, len, "%s", msg(BIAT_ARCH_NO_SITES));
		return;
	}
	site = &a->sites[0];
	b = build(what, sizeof what);
	if (rto < 0 && rpo < 0) {
		add(&b, "", msg(BIAT_ARCH_NO_TARGETS));
	} else if (r->shortfall[0] == 0 && rto >= 0 && rpo >= 0) {
		bia_minutes_format(rto, d1, sizeof d1);
		bia_minutes_format(rpo, d2, sizeof d2);
		say(part, sizeof part, msg(BIAT_ARCH_MEETS_BOTH_FMT), d1, d2);
		add(&b, "", part);
	} else {
		site_part(&site->rto, rto, r->shortfall[0] & BIA_SHORT_RTO,
			  BIAT_ARCH_MEETS_RTO_FMT, BIAT_ARCH_MISSES_RTO_FMT,
			  BIAT_ARCH_NO_RTO, part, sizeof part);
		add(&b, msg(BIAT_LIST_SEP), part);
		site_part(&site->rpo, rpo, r->shortfall[0] & BIA_SHORT_RPO,
			  BIAT_ARCH_MEETS_RPO_FMT, BIAT_ARCH_MISSES_RPO_FMT,
			  BIAT_ARCH_NO_RPO, part, sizeof part);
		add(&b, msg(BIAT_LIST_SEP), part);
	}
	say(out, len, msg(BIAT_ARCH_AT_FMT), site->name ? site->name : "?",
	    what);
}

void bia_arch_cost_text(const bia_arch *a, const bia_arch_result *r,
			const char *currency, char *out, size_t len)
{
	char lo[32], hi[32], amount[72];

	if (r->cost.lo == 0 && r->cost.hi == 0) {
		say(out, len, "%s", msg(BIAT_COST_UNKNOWN));
		return;
	}
	if (!currency || !*currency)
		currency = msg(CUR_DEFAULT);
	money_format(r->cost.lo, lo, sizeof lo);
	money_format(r->cost.hi, hi, sizeof hi);
	if (r->cost.lo == r->cost.hi)
		say(amount, sizeof amount, "%s", lo);
	else
		say(amount, sizeof amount, msg(BIAT_MONEY_RANGE_FMT), lo, hi);
	if (a->cost_factor.words && *a->cost_factor.words)
		say(out, len, msg(BIAT_COST_WORDS_FMT), amount, currency,
		    a->cost_factor.words);
	else
		say(out, len, msg(BIAT_COST_FMT), amount, currency);
}

/* ---- Findings for the checklist ---- */

static const char *const item_keys[BIA_FIND_ITEMS] = {
	BIA_ITEM_BIA, BIA_ITEM_RTO_RPO, BIA_ITEM_DR_SITE,
};

static const msg_id item_labels[BIA_FIND_ITEMS] = {
	BIAT_F_BIA, BIAT_F_RTO_RPO, BIAT_F_DR,
};

bia_find_item bia_find_item_of(const char *key)
{
	for (int i = 0; i < BIA_FIND_ITEMS; i++)
		if (key && strcmp(key, item_keys[i]) == 0)
			return (bia_find_item)i;
	return BIA_FIND_ITEMS;
}

/* The counts that are not 0, each "2 of 6 critical processes have no
 * MTD"; whether there was one. */
static bool count_findings(finder *fd, size_t of, const counted_msg *c,
			   size_t n)
{
	char text[160];
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		if (!c[i].count)
			continue;
		say(text, sizeof text, counted(&c[i]), c[i].count, of);
		finder_add(fd, text);
		any = true;
	}
	return any;
}

static bool figures_hold(const bia_year_figures *y)
{
	if ((y->n_processes && (!y->processes || !y->mtd)) ||
	    (y->n_uses && !y->uses) ||
	    (y->n_systems &&
	     (!y->systems || !y->needs || !y->outcomes || !y->recommended)))
		return false;
	for (size_t i = 0; i < y->n_uses; i++)
		if (y->uses[i].process >= y->n_processes ||
		    y->uses[i].system >= y->n_systems)
			return false;
	return true;
}

static bool uses_a_system(const bia_year_figures *y, size_t process)
{
	for (size_t i = 0; i < y->n_uses; i++)
		if (y->uses[i].process == process)
			return true;
	return false;
}

static bool critical_system(const bia_year_figures *y, size_t s)
{
	return y->needs[s].n_critical > 0;
}

static size_t critical_systems(const bia_year_figures *y)
{
	size_t n = 0;
	for (size_t s = 0; s < y->n_systems; s++)
		n += critical_system(y, s);
	return n;
}

/* Item 1, last: the processes whose review is due, and how often the
 * unit reviews. */
static void find_reviews(const bia_year_figures *y, finder *fd)
{
	char every[32], text[FINDING_BYTES];
	const counted_msg due = {y->n_review_due, BIAF_REVIEW_DUE_ONE_FMT,
				 BIAF_REVIEW_DUE_FMT};

	if (!y->n_review_due || !y->n_processes)
		return;
	say(every, sizeof every,
	    msg(y->review_months == 1 ? BIAF_MONTH_FMT : BIAF_MONTHS_FMT),
	    y->review_months);
	say(text, sizeof text, counted(&due), y->n_review_due, y->n_processes,
	    every);
	finder_add(fd, text);
}

/* Item 1: the processes, their MTDs and systems. */
static void find_bia_items(const bia_year_figures *y, finder *fd)
{
	size_t critical = 0, no_mtd = 0, no_system = 0;
	char text[160];

	for (size_t p = 0; p < y->n_processes; p++) {
		if (!y->processes[p].critical)
			continue;
		critical++;
		no_mtd += y->mtd[p] < 0;
		no_system += !uses_a_system(y, p);
	}
	if (y->n_processes == 0) {
		finder_add(fd, msg(BIAT_F_NO_PROCESSES));
		return;
	}
	if (critical == 0) {
		const counted_msg none = {y->n_processes,
					  BIAT_F_NONE_CRITICAL_ONE_FMT,
					  BIAT_F_NONE_CRITICAL_FMT};
		say(text, sizeof text, counted(&none), y->n_processes);
		finder_add(fd, text);
		return;
	}
	const counted_msg gaps[] = {
		{no_mtd, BIAT_F_NO_MTD_ONE_FMT, BIAT_F_NO_MTD_FMT},
		{no_system, BIAT_F_NO_SYSTEM_ONE_FMT, BIAT_F_NO_SYSTEM_FMT},
	};
	if (count_findings(fd, critical, gaps, 2))
		return;
	say(text, sizeof text, msg(BIAT_F_BIA_OK_FMT), critical);
	finder_add(fd, text);
	fd->f->supports_done = true;
}

static void find_bia(const bia_year_figures *y, finder *fd)
{
	find_bia_items(y, fd);
	find_reviews(y, fd);
}

/* Item 2: every critical system's RTO and RPO, each RTO below its MTD. */
static void find_rto_rpo(const bia_year_figures *y, finder *fd)
{
	size_t systems = critical_systems(y), no_rto = 0, no_rpo = 0, late = 0;
	char text[FINDING_BYTES], rto[48], mtd[48];

	if (systems == 0) {
		finder_add(fd, msg(BIAT_F_NO_CRITICAL_SYSTEM));
		return;
	}
	for (size_t s = 0; s < y->n_systems; s++) {
		const bia_system_need *n = &y->needs[s];
		if (!critical_system(y, s))
			continue;
		no_rto += n->missing_rto > 0 || n->rto < 0;
		no_rpo += n->missing_rpo > 0 || n->rpo < 0;
	}
	const counted_msg gaps[] = {
		{no_rto, BIAT_F_NO_RTO_ONE_FMT, BIAT_F_NO_RTO_FMT},
		{no_rpo, BIAT_F_NO_RPO_ONE_FMT, BIAT_F_NO_RPO_FMT},
	};
	count_findings(fd, systems, gaps, 2);
	for (size_t p = 0; p < y->n_processes; p++) {
		const bia_process *proc = &y->processes[p];
		bia_problem why;
		/* Only the one refusal that is this item's: without an MTD
		 * or an RTO, items 1 and 2 have said so already. */
		if (!proc->critical || proc->rto < 0 || y->mtd[p] < 0 ||
		    bia_check_rto(proc->rto, y->mtd[p], &why) == ST_OK ||
		    why != BIA_RTO_NOT_BELOW_MTD)
			continue;
		bia_minutes_format(proc->rto, rto, sizeof rto);
		bia_minutes_format(y->mtd[p], mtd, sizeof mtd);
		say(text, sizeof text, msg(BIAT_F_RTO_NOT_BELOW_FMT), proc->name,
		    rto, mtd);
		finder_add(fd, text);
		late++;
	}
	if (no_rto || no_rpo || late)
		return;
	say(text, sizeof text, msg(BIAT_F_RTO_RPO_OK_FMT), systems);
	finder_add(fd, text);
	fd->f->supports_done = true;
}

/* Whether a system's need has both targets from everything it serves and
 * holds: else its level is sized on part of them. */
static bool need_complete(const bia_system_need *n)
{
	return n->rto >= 0 && n->rpo >= 0 && !n->missing_rto && !n->missing_rpo;
}

/* What blocks a system's DR plan, into text; false when nothing does
 * (missing targets and a table without levels are counted apart). */
static bool dr_blocker(const bia_year_figures *y, size_t s, char *text,
		       size_t len)
{
	const bia_system *sys = &y->systems[s];
	int rec = y->recommended[s];

	if (y->outcomes[s] == BIA_LEVEL_NONE_MEETS) {
		say(text, len, msg(BIAT_F_DR_NONE_MEETS_FMT), sys->name);
		return true;
	}
	if (y->outcomes[s] != BIA_LEVEL_FOUND)
		return false;
	switch (bia_plan_compare(sys->planned_level, y->outcomes[s], rec)) {
	case BIA_PLAN_NONE:
		say(text, len, msg(BIAT_F_DR_UNPLANNED_FMT), sys->name, rec);
		return true;
	case BIA_PLAN_WEAKER:
		say(text, len, msg(BIAT_F_DR_WEAKER_FMT), sys->name,
		    sys->planned_level, rec);
		return true;
	case BIA_PLAN_AS_RECOMMENDED:
	case BIA_PLAN_STRONGER:
		break;
	}
	return false;
}

/* Item 3: every critical system's planned level and architecture. */
static void find_dr(const bia_year_figures *y, finder *fd)
{
	size_t systems = critical_systems(y), partial = 0, no_arch = 0;
	bool blocked = false, empty = false;
	char text[FINDING_BYTES];

	if (systems == 0) {
		finder_add(fd, msg(BIAT_F_NO_CRITICAL_SYSTEM));
		return;
	}
	for (size_t s = 0; s < y->n_systems; s++) {
		if (!critical_system(y, s))
			continue;
		empty |= y->outcomes[s] == BIA_LEVEL_EMPTY;
		partial += !need_complete(&y->needs[s]);
		no_arch += y->systems[s].arch[0] == '\0';
		if (dr_blocker(y, s, text, sizeof text)) {
			finder_add(fd, text);
			blocked = true;
		}
	}
	if (empty)
		finder_add(fd, msg(BIAT_F_DR_EMPTY));
	const counted_msg gaps[] = {
		{partial, BIAT_F_DR_PARTIAL_ONE_FMT, BIAT_F_DR_PARTIAL_FMT},
		{no_arch, BIAT_F_DR_NO_ARCH_ONE_FMT, BIAT_F_DR_NO_ARCH_FMT},
	};
	count_findings(fd, systems, gaps, 2);
	if (!blocked && !empty && !partial && !no_arch) {
		say(text, sizeof text, msg(BIAT_F_DR_OK_FMT), systems);
		finder_add(fd, text);
		fd->f->supports_done = true;
	}
	/* More than needed is worth knowing (it costs), but is no gap. */
	for (size_t s = 0; s < y->n_systems; s++) {
		const bia_system *sys = &y->systems[s];
		if (!critical_system(y, s) || y->outcomes[s] != BIA_LEVEL_FOUND ||
		    bia_plan_compare(sys->planned_level, y->outcomes[s],
				     y->recommended[s]) != BIA_PLAN_STRONGER)
			continue;
		say(text, sizeof text, msg(BIAT_F_DR_STRONGER_FMT), sys->name,
		    sys->planned_level, y->recommended[s]);
		finder_add(fd, text);
	}
}

moat_status bia_checklist_findings(const bia_year_figures *y,
				   item_findings out[BIA_FIND_ITEMS])
{
	static void (*const find[BIA_FIND_ITEMS])(const bia_year_figures *,
						  finder *) = {
		find_bia, find_rto_rpo, find_dr,
	};
	bool ok = figures_hold(y);

	for (int i = 0; i < BIA_FIND_ITEMS; i++) {
		finder fd;
		finder_start(&fd, &out[i], item_keys[i], FIND_BIA, item_labels[i]);
		if (!ok)
			continue;
		find[i](y, &fd);
		finder_finish(&fd);
	}
	return ok ? ST_OK : ST_INVALID;
}

const char *bia_contradiction_text(void)
{
	return findings_contradiction_text(FIND_BIA);
}

/* ---- A system's flags ---- */

static const msg_id flag_names[] = {
	BIAX_FLAG_SPOF, BIAX_FLAG_WEAKER, BIAX_FLAG_NO_RTO, BIAX_FLAG_NO_RPO,
	BIAX_FLAG_ARCH,
};
_Static_assert(sizeof flag_names / sizeof flag_names[0] == BIA_FLAGS &&
		       BIA_FLAG_NO_RTO == 1u << 2 && BIA_FLAG_ARCH == 1u << 4,
	       "flag_names follows the order of the BIA_FLAG_ bits");

const char *bia_flag_name(unsigned bit)
{
	for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
		if (bit == 1u << i)
			return msg(flag_names[i]);
	return NULL;
}

void bia_flags_text(unsigned flags, char *out, size_t len)
{
	builder b = build(out, len);

	for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
		if (flags & 1u << i)
			add(&b, msg(BIAT_LIST_SEP), msg(flag_names[i]));
}
