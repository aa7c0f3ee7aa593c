#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "model/bia_text.h"
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
