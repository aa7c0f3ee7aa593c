/* Calendar dates without time zones. Functions that depend on "today"
 * take it as a parameter. */
#ifndef MOAT_DATE_H
#define MOAT_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	int y, m, d;
} date;

/* Parses exactly "YYYY-MM-DD" with a real calendar day, years 1900..9999. */
bool date_parse(const char *s, date *out);

/* Writes "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format(date d, char *out, size_t outlen);

bool date_is_leap(int y);
int date_days_in_month(int y, int m);

/* Today in local time. */
date date_today(void);

/* Recorded moments are stored as UTC "YYYY-MM-DDTHH:MM:SSZ" and shown in
 * local time (TZ), so a user east of Greenwich does not see yesterday. */

/* The local calendar day and time of a stored UTC moment; false when s is
 * not such a moment (out untouched). */
bool stamp_to_local(const char *s, date *day, int *hour, int *minute);

/* The local day of a stored moment as "YYYY-MM-DD" (at least 11 bytes); the
 * first ten characters of s as they are when s is not a moment. */
void stamp_format_local_day(const char *s, char *out, size_t outlen);

/* "YYYY-MM-DD HH:MM" in local time (at least 17 bytes); s cut to 16
 * characters when it is not a moment. */
void stamp_format_local(const char *s, char *out, size_t outlen);

/* Days since 1970-01-01 (negative before). */
long date_to_days(date d);
date date_from_days(long days);

/* d plus n months; the day is clamped to the end of the target month
 * (2024-01-31 + 1 month = 2024-02-29). */
date date_add_months(date d, int n);

/* -1, 0 or 1. */
int date_cmp(date a, date b);

/* Could d be the day something already happened (a completion, a review,
 * the date of a piece of evidence), seen on today: not after today? */
bool date_happened_by(date d, date today);

#endif
