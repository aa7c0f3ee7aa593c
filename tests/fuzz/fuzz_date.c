/* The date parser on any bytes, and the calendar arithmetic on what it
 * accepts. The first four bytes are a month count for date_add_months. */
#include "config.h"

#include "model/date.h"
#include "tests/fuzz/fuzz.h"

static void check_valid(date d)
{
	FUZZ_CHECK(d.m >= 1 && d.m <= 12);
	FUZZ_CHECK(d.d >= 1 && d.d <= date_days_in_month(d.y, d.m));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, out[32];
	date d, e;
	int32_t months;
	int hour, minute;

	if (size < 4)
		return 0;
	memcpy(&months, data, sizeof months);
	s = fuzz_string(data + 4, size - 4);
	if (date_parse(s, &d)) {
		/* Only "YYYY-MM-DD" of a real day is accepted, and it is what
		 * date_format writes back. */
		FUZZ_CHECK(strlen(s) == 10);
		FUZZ_CHECK(d.y >= 1900 && d.y <= 9999);
		check_valid(d);
		date_format(d, out, sizeof out);
		FUZZ_CHECK(strcmp(out, s) == 0);
		FUZZ_CHECK(date_cmp(date_from_days(date_to_days(d)), d) == 0);
		e = date_from_days(date_to_days(d));
		FUZZ_CHECK(e.y == d.y && e.m == d.m && e.d == d.d);
		e = date_add_months(d, months);
		check_valid(e);
		FUZZ_CHECK((long)e.y * 12 + e.m - 1 ==
			   (long)d.y * 12 + d.m - 1 + months);
		FUZZ_CHECK(e.d <= d.d);
		FUZZ_CHECK(date_cmp(d, d) == 0);
	}
	/* Stored moments: no promise on the result, only on memory. */
	if (stamp_to_local(s, &d, &hour, &minute)) {
		check_valid(d);
		FUZZ_CHECK(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59);
	}
	stamp_format_local(s, out, sizeof out);
	FUZZ_CHECK(strlen(out) <= 16);
	stamp_format_local_day(s, out, sizeof out);
	FUZZ_CHECK(strlen(out) <= 10);
	free(s);
	return 0;
}
