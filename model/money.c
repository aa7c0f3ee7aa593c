#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/money.h"

num_error num_parse(const char *s, int decimals, bool allow_negative,
		    int64_t max, int64_t *out)
{
	int64_t v = 0;
	bool neg = false, digits = false, point = false;
	int frac = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return NUM_EMPTY;
	if (*s == '-' || *s == '+') {
		neg = *s == '-';
		s++;
	}
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (point && frac == decimals)
				return NUM_TOO_MANY_DECIMALS;
			if (v > (INT64_MAX - 9) / 10)
				return NUM_TOO_LARGE;
			v = v * 10 + (*s - '0');
			digits = true;
			if (point)
				frac++;
		} else if (*s == '.' && !point) {
			point = true;
		} else if ((*s == ',' || *s == '_') && digits && !point &&
			   s[1] >= '0' && s[1] <= '9') {
			continue;
		} else if (*s == ' ' || *s == '\t') {
			const char *t = s;
			while (*t == ' ' || *t == '\t')
				t++;
			if (*t)
				return NUM_NOT_A_NUMBER;
			break;
		} else {
			return NUM_NOT_A_NUMBER;
		}
	}
	if (!digits)
		return NUM_NOT_A_NUMBER;
	for (; frac < decimals; frac++) {
		if (v > INT64_MAX / 10)
			return NUM_TOO_LARGE;
		v *= 10;
	}
	if (neg && v != 0 && !allow_negative)
		return NUM_NEGATIVE;
	if (v > max)
		return NUM_TOO_LARGE;
	*out = neg ? -v : v;
	return NUM_OK;
}

void num_format(int64_t v, int decimals, char *out, size_t outlen)
{
	int64_t scale = 1, whole, frac;
	bool neg = v < 0;
	uint64_t a = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	for (int i = 0; i < decimals; i++)
		scale *= 10;
	whole = (int64_t)(a / (uint64_t)scale);
	frac = (int64_t)(a % (uint64_t)scale);
	if (frac == 0) {
		snprintf(out, outlen, "%s%" PRId64, neg ? "-" : "", whole);
		return;
	}
	/* The fraction's digits, zero-padded to the scale, written by hand:
	 * a "%0*" width from a variable makes gcc -O2 warn of truncation. */
	char digits[20];
	int nd = decimals < (int)sizeof digits ? decimals : (int)sizeof digits - 1;
	digits[nd] = '\0';
	for (int i = nd - 1; i >= 0; i--, frac /= 10)
		digits[i] = (char)('0' + frac % 10);
	snprintf(out, outlen, "%s%" PRId64 ".%s", neg ? "-" : "", whole, digits);
}

void num_format_trim(int64_t v, int decimals, char *out, size_t outlen)
{
	size_t n;

	num_format(v, decimals, out, outlen);
	if (!strchr(out, '.'))
		return;
	n = strlen(out);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
}

num_error money_parse(const char *s, bool allow_negative, money *out)
{
	return num_parse(s, 2, allow_negative, MONEY_MAX, out);
}

void money_format(money m, char *out, size_t outlen)
{
	num_format(m, 2, out, outlen);
}

void num_format_double(double v, int decimals, char *out, size_t outlen)
{
	/* Round half away from zero at the shown precision, and never show
	 * "-0.00". */
	double scale = pow(10, decimals);
	double r = round(v * scale) / scale;
	if (r == 0)
		r = 0;
	snprintf(out, outlen, "%.*f", decimals, r);
}
