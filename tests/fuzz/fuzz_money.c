/* The number and money parsers on any bytes, and formatting back what they
 * accept. The first byte chooses the decimals (0..18, the scales an int64
 * holds) and the second whether negatives and which maximum apply. */
#include "config.h"

#include <inttypes.h>

#include "model/money.h"
#include "tests/fuzz/fuzz.h"

/* What num_format writes for v is parsed back to v. */
static void check_round_trip(int64_t v, int decimals)
{
	char out[64];
	int64_t back = 0;
	num_format(v, decimals, out, sizeof out);
	FUZZ_CHECK(num_parse(out, decimals, true, INT64_MAX, &back) == NUM_OK);
	FUZZ_CHECK(back == v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, out[512];
	int decimals;
	bool negative;
	int64_t max, v = 0;
	money m = 0;
	double x;
	num_error e;

	if (size < 2 + sizeof x)
		return 0;
	decimals = data[0] % 19;
	negative = data[1] & 1;
	max = data[1] & 2 ? INT64_MAX : MONEY_MAX;
	memcpy(&x, data + 2, sizeof x);
	s = fuzz_string(data + 2 + sizeof x, size - 2 - sizeof x);

	e = num_parse(s, decimals, negative, max, &v);
	FUZZ_CHECK(e >= NUM_OK && e <= NUM_TOO_LARGE);
	if (e == NUM_OK) {
		FUZZ_CHECK(v <= max && (negative || v >= 0));
		check_round_trip(v, decimals);
	}
	e = money_parse(s, negative, &m);
	if (e == NUM_OK) {
		FUZZ_CHECK(m <= MONEY_MAX && (negative || m >= 0));
		money_format(m, out, sizeof out);
		FUZZ_CHECK(money_parse(out, true, &v) == NUM_OK && v == m);
	}
	/* Any double, even NaN or infinite: memory only. */
	num_format_double(x, decimals % 7, out, sizeof out);
	FUZZ_CHECK(strlen(out) < sizeof out);
	free(s);
	return 0;
}
