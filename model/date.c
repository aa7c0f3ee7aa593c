#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "model/date.h"

bool date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && date_is_leap(y))
		return 29;
	return days[m - 1];
}

bool date_parse(const char *s, date *out)
{
	int y, m, d;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	/* The digits are checked: read them directly (sscanf was most of
	 * the cost of reading a long history). */
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return false;
	*out = (date){y, m, d};
	return true;
}

void date_format(date d, char *out, size_t outlen)
{
	/* By hand for the dates a calendar holds, as snprintf would write
	 * them; anything else through snprintf. */
	if (outlen >= 11 && d.y >= 0 && d.y <= 9999 && d.m >= 0 && d.m <= 99 &&
	    d.d >= 0 && d.d <= 99) {
		out[0] = (char)('0' + d.y / 1000);
		out[1] = (char)('0' + d.y / 100 % 10);
		out[2] = (char)('0' + d.y / 10 % 10);
		out[3] = (char)('0' + d.y % 10);
		out[4] = '-';
		out[5] = (char)('0' + d.m / 10);
		out[6] = (char)('0' + d.m % 10);
		out[7] = '-';
		out[8] = (char)('0' + d.d / 10);
		out[9] = (char)('0' + d.d % 10);
		out[10] = '\0';
		return;
	}
	snprintf(out, outlen, "%04d-%02d-%02d", d.y, d.m, d.d);
}

date date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return (date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

bool stamp_to_local(const char *s, date *day, int *hour, int *minute)
{
	int y, mo, d, h, mi, se, used = 0;
	struct tm utc = {0}, loc;
	time_t t;

	if (!s || strlen(s) != 20 ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &se,
		   &used) != 6 || used != 20)
		return false;
	if (y < 1900 || mo < 1 || mo > 12 || d < 1 ||
	    d > date_days_in_month(y, mo) || h > 23 || mi > 59 || se > 60 ||
	    h < 0 || mi < 0 || se < 0)
		return false;
	utc.tm_year = y - 1900;
	utc.tm_mon = mo - 1;
	utc.tm_mday = d;
	utc.tm_hour = h;
	utc.tm_min = mi;
	utc.tm_sec = se;
	t = timegm(&utc);
	if (!localtime_r(&t, &loc))
		return false;
	*day = (date){loc.tm_year + 1900, loc.tm_mon + 1, loc.tm_mday};
	*hour = loc.tm_hour;
	*minute = loc.tm_min;
	return true;
}

void stamp_format_local_day(const char *s, char *out, size_t outlen)
{
	date d;
	int h, m;
	if (stamp_to_local(s, &d, &h, &m))
		date_format(d, out, outlen);
	else
		snprintf(out, outlen, "%.10s", s ? s : "");
}

void stamp_format_local(const char *s, char *out, size_t outlen)
{
	date d;
	int h, m;
	if (stamp_to_local(s, &d, &h, &m))
		snprintf(out, outlen, "%04d-%02d-%02d %02d:%02d", d.y % 10000,
			 d.m, d.d, h, m);
	else
		snprintf(out, outlen, "%.16s", s ? s : "");
}

/* Civil-from-days and days-from-civil (proleptic Gregorian). */
long date_to_days(date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d.m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

date date_from_days(long z)
{
	long era, doe, yoe, y, doy, mp, d, m;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	return (date){(int)(y + (m <= 2)), (int)m, (int)d};
}

date date_add_months(date d, int n)
{
	long idx = (long)d.y * 12 + (d.m - 1) + n;
	/* Floor division: before year 0, C's truncation would give a month
	 * below 1 and index days[] out of bounds. */
	long y = idx >= 0 ? idx / 12 : -((11 - idx) / 12);
	date r;
	r.y = (int)y;
	r.m = (int)(idx - y * 12) + 1;
	r.d = d.d;
	if (r.d > date_days_in_month(r.y, r.m))
		r.d = date_days_in_month(r.y, r.m);
	return r;
}

int date_cmp(date a, date b)
{
	long x = date_to_days(a), y = date_to_days(b);
	return (x > y) - (x < y);
}

bool date_happened_by(date d, date today)
{
	return date_cmp(d, today) <= 0;
}
