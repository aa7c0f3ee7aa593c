/* A writer for the kill tests: opens the store and adds evidence one piece
 * at a time, printing "ack N" after each committed write, until killed or
 * COUNT writes are done. The test kills it at a random moment and then
 * checks that every acknowledged write is in the file.
 *
 *   writer DB ASSESSMENT_ID TAG COUNT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/store.h"

int main(int argc, char **argv)
{
	store *s;
	char err[1024], body[128];
	long count;
	int64_t aid, id;

	if (argc != 5) {
		fprintf(stderr, "usage: writer DB ASSESSMENT_ID TAG COUNT\n");
		return 2;
	}
	aid = strtoll(argv[2], NULL, 10);
	count = strtol(argv[4], NULL, 10);
	if (store_open(argv[1], STORE_EXISTING, &s, err, sizeof err)) {
		fprintf(stderr, "writer: %s\n", err);
		return 1;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	for (long i = 0; i < count; i++) {
		evidence e = {0};
		snprintf(body, sizeof body, "%s %ld", argv[3], i);
		e.assessment_id = aid;
		e.target = (char *)"bia";
		e.body = body;
		e.evidence_date = (char *)"2026-11-01";
		e.valid_months = 12;
		if (store_evidence_add(s, &e, "writer", &id) != ST_OK) {
			fprintf(stderr, "writer: %s\n", store_errmsg(s));
			store_close(s);
			return 1;
		}
		printf("ack %ld\n", i);
	}
	store_close(s);
	return 0;
}
