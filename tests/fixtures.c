#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/fixtures.h"

void fixture_questionnaire(const char *lang_dir, questionnaire *q)
{
	char dir[4096], err[512] = "";
	const char *base = getenv("MOAT_DATADIR");
	snprintf(dir, sizeof dir, "%s/%s", base ? base : "questionnaires", lang_dir);
	if (questionnaire_load(dir, q, err, sizeof err) != ST_OK)
		fail_msg("cannot load %s: %s", dir, err);
}

void fixture_db_path(char *out, size_t outlen)
{
	char tmpl[] = "/tmp/moat-test-XXXXXX";
	if (!mkdtemp(tmpl))
		fail_msg("mkdtemp failed");
	snprintf(out, outlen, "%s/test.db", tmpl);
}

void fixture_data(const char *name, char *out, size_t outlen)
{
	const char *base = getenv("MOAT_TESTS");
	snprintf(out, outlen, "%s/data/%s", base ? base : "tests", name);
}

void fixture_states(const questionnaire *q, item_state *states,
		    const char *const *done, const char *const *in_progress)
{
	for (size_t i = 0; i < q->n_items; i++)
		states[i] = ITEM_NOT_STARTED;
	for (; done && *done; done++) {
		int i = questionnaire_item_index(q, *done);
		assert_true(i >= 0);
		states[i] = ITEM_DONE;
	}
	for (; in_progress && *in_progress; in_progress++) {
		int i = questionnaire_item_index(q, *in_progress);
		assert_true(i >= 0);
		states[i] = ITEM_IN_PROGRESS;
	}
}
