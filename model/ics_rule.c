#include "config.h"

#include <stdio.h>

#include "model/ics_rule.h"

bool ics_rrule(const rec_rule *r, date first, date until, char *out,
	       size_t len)
{
	char freq[48], interval[24] = "", day[48], end[24] = "";
	bool yearly;
	int step, n;

	if (len)
		out[0] = '\0';
	if (!rec_valid(r) || r->anchor != REC_ANCHOR_SCHEDULE || !first.y ||
	    first.m < 1 || first.m > 12)
		return false;
	yearly = r->every_months % 12 == 0;
	step = yearly ? r->every_months / 12 : r->every_months;
	if (step > 1)
		snprintf(interval, sizeof interval, ";INTERVAL=%d", step);
	/* Yearly rules read as such in calendar programs; BYMONTH keeps a
	 * YEARLY BYMONTHDAY from spreading over every month. */
	if (yearly)
		snprintf(freq, sizeof freq, "FREQ=YEARLY%s;BYMONTH=%d", interval,
			 first.m);
	else
		snprintf(freq, sizeof freq, "FREQ=MONTHLY%s", interval);
	/* BYMONTHDAY skips days a month lacks; BYSETPOS=-1 then takes the
	 * latest left, which is the clamped day. */
	if (r->day == REC_LAST_WORKING_DAY)
		snprintf(day, sizeof day, "BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
	else if (r->day == 31)
		snprintf(day, sizeof day, "BYMONTHDAY=-1");
	else if (r->day == 30)
		snprintf(day, sizeof day, "BYMONTHDAY=28,29,30;BYSETPOS=-1");
	else if (r->day == 29)
		snprintf(day, sizeof day, "BYMONTHDAY=28,29;BYSETPOS=-1");
	else
		snprintf(day, sizeof day, "BYMONTHDAY=%d", r->day);
	if (until.y)
		snprintf(end, sizeof end, ";UNTIL=%04d%02d%02d", until.y,
			 until.m, until.d);
	n = snprintf(out, len, "%s;%s%s", freq, day, end);
	if (n < 0 || (size_t)n >= len) {
		if (len)
			out[0] = '\0';
		return false;
	}
	return true;
}
