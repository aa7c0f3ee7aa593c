#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/compare.h"
#include "model/evidence.h"
#include "model/report.h"
#include "tests/fixtures.h"

static evidence piece(const char *target, const char *day, int months)
{
	evidence e = {0};
	e.target = strdup(target);
	e.body = strdup("x");
	e.reference = strdup("");
	e.owner = strdup("");
	e.evidence_date = strdup(day);
	e.valid_months = months;
	e.reviewer = strdup("");
	e.review_date = strdup("");
	e.entered_by = strdup("t");
	e.entered_at = strdup("2026-01-01T00:00:00Z");
	return e;
}

static void test_expiry_boundary_day(void **state)
{
	evidence e = piece("bia", "2025-11-25", 12);
	date until;
	(void)state;
	assert_true(evidence_expires_on(&e, &until));
	assert_int_equal(until.y, 2026);
	assert_int_equal(until.m, 11);
	assert_int_equal(until.d, 25);
	/* Counts through the day before; gone on the day itself. */
	assert_int_equal(evidence_state_on(&e, (date){2026, 11, 24}), EV_EXPIRING);
	assert_int_equal(evidence_state_on(&e, (date){2026, 11, 25}), EV_EXPIRED);
	assert_int_equal(evidence_state_on(&e, (date){2027, 1, 1}), EV_EXPIRED);
	/* The warning window is 30 days: 30 days before expiry warns, 31
	 * does not. */
	assert_int_equal(evidence_state_on(&e, (date){2026, 10, 26}), EV_EXPIRING);
	assert_int_equal(evidence_state_on(&e, (date){2026, 10, 25}), EV_VALID);
	/* Evidence dated in the future counts. */
	assert_int_equal(evidence_state_on(&e, (date){2025, 1, 1}), EV_VALID);
	evidence_free(&e);
}

static void test_expiry_on_month_ends(void **state)
{
	evidence e = piece("bia", "2024-02-29", 12);
	date until;
	(void)state;
	assert_true(evidence_expires_on(&e, &until));
	assert_int_equal(until.y, 2025);
	assert_int_equal(until.m, 2);
	assert_int_equal(until.d, 28);
	evidence_free(&e);
	e = piece("bia", "2026-08-31", 6);
	assert_true(evidence_expires_on(&e, &until));
	assert_int_equal(until.m, 2);
	assert_int_equal(until.d, 28);
	assert_int_equal(evidence_state_on(&e, (date){2027, 2, 27}), EV_EXPIRING);
	assert_int_equal(evidence_state_on(&e, (date){2027, 2, 28}), EV_EXPIRED);
	evidence_free(&e);
	e = piece("bia", "not a date", 12);
	assert_false(evidence_expires_on(&e, &until));
	assert_int_equal(evidence_state_on(&e, (date){2026, 1, 1}), EV_EXPIRED);
	evidence_free(&e);
}

/* A report built by hand: states, evidence and answers, then computed. */
static void make_report(report *r, const questionnaire *q, date today,
			const evidence *ev, size_t n)
{
	memset(r, 0, sizeof *r);
	r->q = q;
	r->today = today;
	r->evidence.v = calloc(n ? n : 1, sizeof *r->evidence.v);
	for (size_t i = 0; i < n; i++)
		r->evidence.v[i] = ev[i];
	r->evidence.n = n;
}

static void test_validity_typed(void **state)
{
	int m = 0;
	(void)state;
	assert_true(evidence_parse_validity("6", &m));
	assert_int_equal(m, 6);
	assert_true(evidence_parse_validity(" 120 ", &m));
	assert_int_equal(m, 120);
	assert_true(evidence_parse_validity("1", &m));
	assert_int_equal(m, 1);
	m = 7;
	assert_false(evidence_parse_validity("0", &m));
	assert_false(evidence_parse_validity("121", &m));
	assert_false(evidence_parse_validity("-3", &m));
	assert_false(evidence_parse_validity("+3", &m));
	assert_false(evidence_parse_validity("6 months", &m));
	assert_false(evidence_parse_validity("1.5", &m));
	assert_false(evidence_parse_validity("", &m));
	assert_false(evidence_parse_validity("  ", &m));
	assert_false(evidence_parse_validity("99999999999999999999", &m));
	assert_int_equal(m, 7); /* untouched when refused */
}

static void test_report_counts_evidence(void **state)
{
	questionnaire q;
	report r;
	evidence ev[4];
	int bia, restore, culture;
	(void)state;
	fixture_questionnaire("en", &q);
	bia = questionnaire_item_index(&q, "bia");
	restore = questionnaire_item_index(&q, "restore_test");
	culture = questionnaire_criterion_index(&q, "l5.culture");
	ev[0] = piece("bia", "2026-11-01", 12);          /* valid */
	ev[1] = piece("restore_test", "2025-12-10", 12); /* expires in 15 days */
	ev[2] = piece("restore_test", "2025-10-26", 12); /* expired 2026-10-26 */
	ev[3] = piece("l5.culture", "2026-01-05", 12);   /* on a criterion */
	make_report(&r, &q, (date){2026, 11, 25}, ev, 4);
	report_compute(&r);
	assert_int_equal(r.evidence_count[bia], 1);
	assert_int_equal(r.evidence_count[restore], 2);
	assert_int_equal(r.item_ev[restore].valid, 1);
	assert_int_equal(r.item_ev[restore].expired, 1);
	assert_int_equal(r.item_ev[restore].expired_on.d, 26);
	assert_int_equal(r.crit_evidence_own[culture], 1);
	assert_int_equal(r.answers[culture].own.valid, 1);
	assert_int_equal(r.n_expiring, 1);
	assert_int_equal(r.n_expired, 1);
	assert_ptr_equal(r.latest[restore], &r.evidence.v[1]);
	assert_int_equal(r.n_not_started, 10);
	assert_int_equal(r.score.level, 1);
	report_free(&r);
	questionnaire_free(&q);
}

static void test_compare_years(void **state)
{
	questionnaire q;
	report a, b;
	year_diff d;
	evidence ea[1], eb[2];
	int bia, rto, dr, team, drills;
	(void)state;
	fixture_questionnaire("en", &q);
	bia = questionnaire_item_index(&q, "bia");
	rto = questionnaire_item_index(&q, "rto_rpo");
	dr = questionnaire_item_index(&q, "dr_site");
	team = questionnaire_item_index(&q, "team");
	drills = questionnaire_item_index(&q, "drills");
	ea[0] = piece("team", "2025-06-01", 12);
	eb[0] = piece("drills", "2026-06-01", 12);
	eb[1] = piece("l5.culture", "2026-06-01", 12);
	make_report(&a, &q, (date){2025, 12, 1}, ea, 1);
	make_report(&b, &q, (date){2026, 12, 1}, eb, 2);
	a.states[bia] = ITEM_DONE;
	a.states[rto] = ITEM_IN_PROGRESS;
	a.states[team] = ITEM_DONE;
	b.states[bia] = ITEM_DONE;
	b.states[rto] = ITEM_DONE;
	b.states[dr] = ITEM_IN_PROGRESS;
	b.states[team] = ITEM_IN_PROGRESS;
	b.answers[questionnaire_criterion_index(&q, "l5.culture")].answer = ANS_PARTLY;
	b.answers[questionnaire_criterion_index(&q, "l5.benchmark")] =
		(crit_input){ANS_NA, true, {0, 0, {0, 0, 0}}};
	a.answers[questionnaire_criterion_index(&q, "l5.zero_loss")] =
		(crit_input){ANS_NA, true, {0, 0, {0, 0, 0}}};
	b.answers[questionnaire_criterion_index(&q, "l5.zero_loss")] =
		(crit_input){ANS_NA, true, {0, 0, {0, 0, 0}}};
	report_compute(&a);
	report_compute(&b);
	compare_reports(&a, &b, &d);
	/* Items by state: every item has one in every year. */
	assert_int_equal(d.items[bia], CMP_UNCHANGED);
	assert_int_equal(d.items[rto], CMP_IMPROVED);
	assert_int_equal(d.items[dr], CMP_IMPROVED);   /* not started -> in progress */
	assert_int_equal(d.items[team], CMP_REGRESSED);
	assert_int_equal(d.items[drills], CMP_UNCHANGED); /* evidence, no new state */
	assert_int_equal(d.item_counts[CMP_NEW], 0);
	assert_int_equal(d.item_counts[CMP_IMPROVED], 2);
	assert_int_equal(d.item_counts[CMP_REGRESSED], 1);
	assert_int_equal(d.item_counts[CMP_UNCHANGED], 7);
	{
		size_t culture = (size_t)questionnaire_criterion_index(&q, "l5.culture");
		size_t bench = (size_t)questionnaire_criterion_index(&q, "l5.benchmark");
		size_t loss = (size_t)questionnaire_criterion_index(&q, "l5.zero_loss");
		size_t partial = (size_t)questionnaire_criterion_index(&q, "l2.dr_partial");
		/* No item behind it and unanswered last year: not assessed
		 * then, so answered now it is new. */
		assert_false(compare_crit_assessed(&a, culture));
		assert_true(compare_crit_assessed(&b, culture));
		assert_int_equal(d.criteria[culture], CMP_NEW);
		assert_int_equal(d.crit_read_a[culture], CMP_READ_NOT_ASSESSED);
		assert_int_equal(d.crit_read_b[culture], CMP_READ_PARTLY);
		assert_int_equal(d.crit_rank_b[culture], 1);
		/* "Not applicable" reads n/a, and is new after not assessed. */
		assert_int_equal(d.criteria[bench], CMP_NEW);
		assert_int_equal(d.crit_read_b[bench], CMP_READ_NA);
		/* n/a in both years: unchanged. */
		assert_int_equal(d.criteria[loss], CMP_UNCHANGED);
		assert_int_equal(d.crit_read_a[loss], CMP_READ_NA);
		assert_int_equal(d.crit_read_b[loss], CMP_READ_NA);
		/* Following its item: not started -> in progress, improved. */
		assert_true(compare_crit_assessed(&a, partial));
		assert_int_equal(d.crit_read_a[partial], CMP_READ_NOT_MET);
		assert_int_equal(d.crit_read_b[partial], CMP_READ_PARTLY);
		assert_int_equal(d.criteria[partial], CMP_IMPROVED);
		/* Not assessed in either year: unchanged. */
		{
			year_diff same;
			compare_reports(&a, &a, &same);
			assert_int_equal(same.criteria[culture], CMP_UNCHANGED);
			assert_int_equal(same.crit_read_b[culture], CMP_READ_NOT_ASSESSED);
			assert_int_equal(same.crit_counts[CMP_NEW], 0);
		}
	}
	assert_int_equal(d.level_a, 1);
	assert_int_equal(d.level_b, 1);
	report_free(&a);
	report_free(&b);
	questionnaire_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expiry_boundary_day),
		cmocka_unit_test(test_expiry_on_month_ends),
		cmocka_unit_test(test_validity_typed),
		cmocka_unit_test(test_report_counts_evidence),
		cmocka_unit_test(test_compare_years),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
