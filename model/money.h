/* Amounts of money held exactly, as integer hundredths of the currency
 * unit (万元 by default), and the other decimal inputs of the calculators.
 * Pure; no floating point in what is stored. */
#ifndef MOAT_MONEY_H
#define MOAT_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/status.h"

typedef int64_t money; /* hundredths of the currency unit */

/* The largest amount accepted: 10^12 units, far beyond any budget, and
 * small enough that sums over decades cannot overflow. */
#define MONEY_MAX ((money)100000000000000)

/* Why a number was refused, for the message at the field. */
typedef enum {
	NUM_OK,
	NUM_EMPTY,
	NUM_NOT_A_NUMBER,
	NUM_TOO_MANY_DECIMALS,
	NUM_NEGATIVE,
	NUM_TOO_LARGE,
} num_error;

/* Parses a decimal with at most `decimals` digits after the point into an
 * integer scaled by 10^decimals ("12.5" with 2 decimals = 1250). Spaces
 * around, and ',' or '_' between digits, are ignored. A leading '-' is
 * accepted only when allow_negative. Values above max (in scaled units)
 * are refused. Returns NUM_OK and sets *out, or the reason. */
num_error num_parse(const char *s, int decimals, bool allow_negative,
		    int64_t max, int64_t *out);

/* Formats a scaled integer with `decimals` digits, dropping ".00"-style
 * zero decimals: 125000 (2) = "1250", 1250 = "12.50", -3000 = "-30". */
void num_format(int64_t v, int decimals, char *out, size_t outlen);

/* The same as typed: trailing zero decimals dropped too (1500 with 3
 * decimals = "1.5", 1000 = "1"). */
void num_format_trim(int64_t v, int decimals, char *out, size_t outlen);

/* The same for money (2 decimals, 0 .. MONEY_MAX, or negative when asked). */
num_error money_parse(const char *s, bool allow_negative, money *out);
void money_format(money m, char *out, size_t outlen);

/* Formats a double rounded to `decimals` digits ("1.09"). */
void num_format_double(double v, int decimals, char *out, size_t outlen);

#endif
