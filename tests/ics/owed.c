/* Prints what moat itself computes for the calendar read-back
 * (tests/read_ics.py) to compare with the RRULE expansions: for the
 * current unit of DB on TODAY, every occurrence agenda_between gives from
 * 1900 to TO, owed or recorded. Not a test itself.
 *
 * Usage: owed DB TODAY TO
 * Output: "unit ID", then one line per occurrence, by date:
 *   owed DUTY_ID DUE | done DUTY_ID DUE ON | skipped DUTY_ID DUE ON */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/agenda.h"
#include "model/store.h"

int main(int argc, char **argv)
{
	char err[1024], due[16], on[16];
	store *s = NULL;
	int64_t unit_id, aid;
	date today, to;
	agenda a;
	agenda_entry *e = NULL;
	size_t n = 0;

	if (argc != 4 || !date_parse(argv[2], &today) ||
	    !date_parse(argv[3], &to)) {
		fprintf(stderr, "usage: owed DB TODAY TO\n");
		return 2;
	}
	if (store_open(argv[1], STORE_EXISTING, &s, err, sizeof err) ||
	    store_current(s, NULL, &unit_id, &aid) ||
	    agenda_load(s, unit_id, today, 0, false, &a)) {
		fprintf(stderr, "owed: %s\n", s ? store_errmsg(s) : err);
		store_close(s);
		return 1;
	}
	if (agenda_between(&a, (date){1900, 1, 1}, to, &e, &n)) {
		fprintf(stderr, "owed: out of memory\n");
		return 1;
	}
	printf("unit %lld\n", (long long)unit_id);
	for (size_t i = 0; i < n; i++) {
		long long id;

		if (e[i].kind != AG_DUTY)
			continue;
		id = (long long)a.duties[e[i].index].id;
		date_format(e[i].due, due, sizeof due);
		if (!e[i].event) {
			printf("owed %lld %s\n", id, due);
			continue;
		}
		date_format(e[i].event->on, on, sizeof on);
		printf("%s %lld %s %s\n", e[i].event->skipped ? "skipped" : "done",
		       id, due, on);
	}
	free(e);
	agenda_free(&a);
	store_close(s);
	return 0;
}
