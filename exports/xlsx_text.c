#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/xlsx_text.h"
#include "model/msg.h"
#include "model/text.h"

/* What OOXML puts before the "_x" of a literal "_xHHHH_": the escaped
 * underscore "_x005F_" takes the first underscore's place. */
#define ESCAPE_INSERT "x005F_"
#define ESCAPE_EXTRA (sizeof ESCAPE_INSERT - 1)

static bool hex_digit(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* Whether s starts with "_xHHHH_", which readers would take for U+HHHH. */
static bool escape_like(const char *s)
{
	return s[0] == '_' && s[1] == 'x' && hex_digit(s[2]) &&
	       hex_digit(s[3]) && hex_digit(s[4]) && hex_digit(s[5]) &&
	       s[6] == '_';
}

/* s with every "_xHHHH_" escaped; NULL on no memory. */
static char *escape(const char *s)
{
	size_t n = strlen(s), extra = 0, o = 0;
	char *out;

	if (!strstr(s, "_x"))
		return strdup(s); /* nothing looks like an escape */
	for (size_t i = 0; i < n; i++)
		if (escape_like(s + i))
			extra += ESCAPE_EXTRA;
	if (!(out = malloc(n + extra + 1)))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		out[o++] = s[i];
		if (escape_like(s + i)) {
			memcpy(out + o, ESCAPE_INSERT, ESCAPE_EXTRA);
			o += ESCAPE_EXTRA;
		}
	}
	out[o] = '\0';
	return out;
}

/* Walks s and returns the byte length of the longest prefix whose UTF-16
 * units and stored characters (escapes included) both stay within budget;
 * *chars gets its characters, *total all of s's. */
static size_t prefix_within(const char *s, size_t budget, size_t *chars,
			    size_t *total)
{
	size_t n = strlen(s), pos = 0, units = 0, stored = 0, keep = 0;
	bool fits = true;

	*chars = *total = 0;
	while (pos < n) {
		uint32_t cp;
		size_t len = text_decode(s + pos, n - pos, &cp);

		units += cp > 0xFFFF ? 2 : 1;
		stored += 1 + (escape_like(s + pos) ? ESCAPE_EXTRA : 0);
		fits = fits && units <= budget && stored <= budget;
		pos += len;
		(*total)++;
		if (fits) {
			keep = pos;
			(*chars)++;
		}
	}
	return keep;
}

char *xlsx_cell_text(const char *text, char **shown, size_t *cut)
{
	char *valid = NULL, *out = NULL, marker[128];
	const char *t = text;
	size_t keep, kept, total, marker_len;

	*shown = NULL;
	*cut = 0;
	if (!text_valid_utf8(text)) {
		if (!(valid = text_sanitize(text, true)))
			return NULL;
		t = valid;
	}
	keep = strlen(t);
	/* A text of so few bytes fits whatever they hold: each is at most
	 * one UTF-16 unit, and stored as at most 1 + ESCAPE_EXTRA characters
	 * even if every one began an escape. */
	if (keep <= XLSX_CELL_MAX / (1 + ESCAPE_EXTRA))
		kept = total = 0;
	else
		keep = prefix_within(t, XLSX_CELL_MAX, &kept, &total);
	if (kept < total) {
		/* Room for the marker as it reads with every character cut
		 * (the most digits), then the marker of what really was. */
		snprintf(marker, sizeof marker, msg(XL_CUT_FMT), total);
		keep = prefix_within(t, XLSX_CELL_MAX - text_length(marker),
				     &kept, &total);
		*cut = total - kept;
		snprintf(marker, sizeof marker,
			 msg(*cut == 1 ? XL_CUT_ONE_FMT : XL_CUT_FMT), *cut);
	} else {
		marker[0] = '\0';
	}
	marker_len = strlen(marker);
	if ((*shown = malloc(keep + marker_len + 1))) {
		memcpy(*shown, t, keep);
		memcpy(*shown + keep, marker, marker_len + 1);
		out = escape(*shown);
	}
	free(valid);
	if (!out) {
		free(*shown);
		*shown = NULL;
		*cut = 0;
	}
	return out;
}

bool xlsx_sheet_name(const char *name, size_t room, char *out, size_t len)
{
	char *valid = NULL;
	const char *t = name;
	size_t n, pos = 0, o = 0, units = 0, budget;

	if (!len)
		return false;
	out[0] = '\0';
	if (!text_valid_utf8(name)) {
		if (!(valid = text_sanitize(name, false)))
			return false;
		t = valid;
	}
	budget = room < XLSX_SHEET_NAME_MAX ? XLSX_SHEET_NAME_MAX - room : 1;
	n = strlen(t);
	while (pos < n) {
		uint32_t cp;
		size_t k = text_decode(t + pos, n - pos, &cp);
		/* strchr finds the terminator too: a NUL counts as bad. */
		bool bad = cp < 0x20 || cp == 0x7F ||
			   (cp < 0x80 && strchr("[]:*?/\\", (int)cp));

		if (units + (cp > 0xFFFF ? 2 : 1) > budget)
			break;
		if (o + (bad ? 1 : k) + 1 > len) {
			free(valid);
			out[0] = '\0';
			return false;
		}
		if (bad) {
			out[o++] = '_';
		} else {
			memcpy(out + o, t + pos, k);
			o += k;
		}
		units += cp > 0xFFFF ? 2 : 1;
		pos += k;
	}
	free(valid);
	/* A name cut after a word does not end in its space. */
	while (o > 0 && out[o - 1] == ' ')
		o--;
	if (o + 2 > len) {
		out[0] = '\0';
		return false;
	}
	if (o == 0)
		out[o++] = '_';
	out[o] = '\0';
	/* Excel refuses a name that begins or ends with an apostrophe. */
	if (out[0] == '\'')
		out[0] = '_';
	if (out[o - 1] == '\'')
		out[o - 1] = '_';
	return true;
}
