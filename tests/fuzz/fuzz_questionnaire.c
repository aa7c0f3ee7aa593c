/* The questionnaire loader on any bytes, read as each of the three files:
 * as a checklist, and as a maturity model and a plan on top of a fixed
 * checklist whose items they may name. Whatever loads must keep the
 * loader's promise about text; whatever fails must say so in a clean
 * "name:..." message. */
#include "config.h"

#include <stdbool.h>

#include "model/questionnaire.h"
#include "model/text.h"
#include "tests/fuzz/fuzz.h"

static const char checklist[] =
	"items:\n"
	"  - {key: a, title: A, question: Q, why: W, counts: C}\n"
	"  - {key: b, title: B, question: Q, why: W, counts: C}\n";

/* A loaded text: not empty, valid UTF-8, nothing a terminal acts on. */
static void check_text(const char *s, bool paragraph)
{
	size_t n;
	FUZZ_CHECK(s != NULL && s[0] != '\0');
	FUZZ_CHECK(text_valid_utf8(s));
	n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		FUZZ_CHECK(!text_is_control(cp) || (paragraph && cp == '\n'));
		FUZZ_CHECK(!text_is_bidi_control(cp));
		i += len;
	}
}

static void check_loaded(const questionnaire *q)
{
	FUZZ_CHECK(q->n_items <= Q_MAX_ITEMS);
	for (size_t i = 0; i < q->n_items; i++) {
		check_text(q->items[i].key, false);
		check_text(q->items[i].title, false);
		check_text(q->items[i].question, true);
		check_text(q->items[i].why, true);
		check_text(q->items[i].counts, true);
	}
	FUZZ_CHECK(q->n_criteria <= Q_MAX_CRITERIA);
	for (size_t c = 0; c < q->n_criteria; c++) {
		check_text(q->criteria[c].key, false);
		check_text(q->criteria[c].text, false);
		FUZZ_CHECK(q->criteria[c].level >= 1 &&
			   q->criteria[c].level <= Q_LEVELS);
		for (size_t r = 0; r < q->criteria[c].n_relies; r++)
			FUZZ_CHECK(q->criteria[c].relies_on[r] < q->n_items);
	}
	for (size_t t = 0; t < q->n_tasks; t++) {
		check_text(q->tasks[t].title, false);
		FUZZ_CHECK(q->tasks[t].item < (int)q->n_items);
	}
	for (size_t d = 0; d < q->n_duties; d++) {
		check_text(q->duties[d].title, false);
		FUZZ_CHECK(q->duties[d].day >= 0 && q->duties[d].day <= 31);
	}
}

/* A refusal names the input first and holds only clean text. */
static void check_error(const char *err)
{
	size_t n = strlen(err);
	FUZZ_CHECK(strncmp(err, "fuzz.yaml:", 10) == 0 ||
		   strcmp(err, "out of memory") == 0);
	FUZZ_CHECK(text_valid_utf8(err));
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = text_decode(err + i, n - i, &cp);
		FUZZ_CHECK(!text_cp_refused(cp, false));
		i += len;
	}
}

/* Puts data into q as file; checks what came of it. */
static void load(questionnaire *q, q_file file, const uint8_t *data,
		 size_t size)
{
	char err[512] = "";
	moat_status st = questionnaire_parse(q, file, "fuzz.yaml",
					     (const char *)data, size, err,
					     sizeof err);
	FUZZ_CHECK(st == ST_OK || st == ST_PARSE || st == ST_NOMEM);
	if (st == ST_PARSE)
		check_error(err);
	check_loaded(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	questionnaire q;
	char err[512];

	memset(&q, 0, sizeof q);
	load(&q, Q_FILE_CHECKLIST, data, size);
	questionnaire_free(&q);

	FUZZ_CHECK(questionnaire_parse(&q, Q_FILE_CHECKLIST, "checklist.yaml",
				       checklist, sizeof checklist - 1, err,
				       sizeof err) == ST_OK);
	load(&q, Q_FILE_MATURITY, data, size);
	load(&q, Q_FILE_PLAN, data, size);
	questionnaire_free(&q);
	return 0;
}
