#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "model/explain.h"
#include "model/msg.h"
#include "model/scoring.h"
#include "tests/fixtures.h"

static questionnaire q;
/* Every item with one valid piece of evidence. */
static ev_count ok_ev[Q_MAX_ITEMS];

static int setup(void **state)
{
	(void)state;
	fixture_questionnaire("en", &q);
	for (size_t i = 0; i < Q_MAX_ITEMS; i++)
		ok_ev[i] = (ev_count){1, 0, {0, 0, 0}};
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	questionnaire_free(&q);
	return 0;
}

static const char *const all_items[] = {
	"bia", "rto_rpo", "dr_site", "backup_321", "restore_test",
	"emergency_plan", "contingency", "drills", "team", "monitoring", NULL};

static int crit(const char *key)
{
	int i = questionnaire_criterion_index(&q, key);
	assert_true(i >= 0);
	return i;
}

static void test_nothing_started_is_level_1(void **state)
{
	item_state st[Q_MAX_ITEMS];
	score_result r;
	(void)state;
	fixture_states(&q, st, NULL, NULL);
	scoring_evaluate(&q, st, ok_ev, NULL, &r);
	assert_int_equal(r.level, 1);
	assert_int_equal(r.open_per_level[1], 3);
	/* Level 2 is blocked by backups, DR site and the response plan. */
	assert_int_equal(scoring_gaps_at_level(&q, &r, 2), 3);
	{
		size_t items[Q_MAX_ITEMS];
		size_t n = scoring_blocking_items(&q, &r, 2, items, Q_MAX_ITEMS);
		assert_int_equal(n, 3);
		assert_string_equal(q.items[items[0]].key, "dr_site");
		assert_string_equal(q.items[items[1]].key, "backup_321");
		assert_string_equal(q.items[items[2]].key, "emergency_plan");
	}
}

static void test_in_progress_is_enough_for_level_2(void **state)
{
	item_state st[Q_MAX_ITEMS];
	score_result r;
	const char *const prog[] = {"backup_321", "dr_site", "emergency_plan", NULL};
	(void)state;
	fixture_states(&q, st, NULL, prog);
	scoring_evaluate(&q, st, ok_ev, NULL, &r);
	assert_int_equal(r.level, 2);
	assert_int_equal(r.open_per_level[2], 4);
}

static void test_demo_mix_is_level_2_blocked_by_dr_and_restore(void **state)
{
	item_state st[Q_MAX_ITEMS];
	score_result r;
	const char *const done[] = {"bia", "rto_rpo", "backup_321",
				    "emergency_plan", "team", "monitoring", NULL};
	const char *const prog[] = {"dr_site", "restore_test", "drills", NULL};
	size_t items[Q_MAX_ITEMS], n;
	(void)state;
	fixture_states(&q, st, done, prog);
	scoring_evaluate(&q, st, ok_ev, NULL, &r);
	assert_int_equal(r.level, 2);
	assert_int_equal(r.open_per_level[2], 2);
	assert_false(r.satisfied[crit("l3.dr_site")]);
	assert_false(r.satisfied[crit("l3.restore_tested")]);
	assert_true(r.satisfied[crit("l3.bia_rto")]);
	assert_true(r.satisfied[crit("l3.response_plan")]);
	n = scoring_blocking_items(&q, &r, 3, items, Q_MAX_ITEMS);
	assert_int_equal(n, 2);
	assert_string_equal(q.items[items[0]].key, "dr_site");
	assert_string_equal(q.items[items[1]].key, "restore_test");
	/* The gap names the state found and the state needed. */
	for (size_t g = 0; g < r.n_gaps; g++) {
		if (r.gaps[g].criterion == (size_t)crit("l3.dr_site")) {
			assert_int_equal(r.gaps[g].kind, GAP_ITEM_STATE);
			assert_int_equal(r.gaps[g].have, ITEM_IN_PROGRESS);
			assert_int_equal(r.gaps[g].need, ITEM_DONE);
		}
	}
}

/* The list of what blocks a level names a done the analysis does not
 * bear out, where a criterion relies on it, after the score's gaps;
 * without contradictions it is the score's gaps of the level. */
static void test_gap_list_names_contradictions(void **state)
{
	item_state st[Q_MAX_ITEMS];
	score_result r;
	const char *const done[] = {"bia", "rto_rpo", "backup_321",
				    "emergency_plan", "team", "monitoring", NULL};
	const char *const prog[] = {"dr_site", "restore_test", "drills", NULL};
	find_source contra[Q_MAX_ITEMS] = {FIND_NONE};
	explain_entry e[EXPLAIN_MAX_ENTRIES];
	char line[768];
	size_t n;
	(void)state;
	fixture_states(&q, st, done, prog);
	scoring_evaluate(&q, st, ok_ev, NULL, &r);
	n = explain_level_entries(&q, &r, NULL, 3, e, EXPLAIN_MAX_ENTRIES);
	assert_int_equal(n, scoring_gaps_at_level(&q, &r, 3));
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++) {
		assert_false(e[i].contradiction);
		assert_int_equal(q.criteria[r.gaps[e[i].gap].criterion].level, 3);
	}
	contra[questionnaire_item_index(&q, "bia")] = FIND_BIA;
	contra[questionnaire_item_index(&q, "rto_rpo")] = FIND_BIA;
	n = explain_level_entries(&q, &r, contra, 3, e, EXPLAIN_MAX_ENTRIES);
	assert_int_equal(n, 4);
	assert_false(e[0].contradiction);
	assert_int_equal(e[0].criterion, crit("l3.dr_site"));
	assert_false(e[1].contradiction);
	assert_int_equal(e[1].criterion, crit("l3.restore_tested"));
	assert_true(e[2].contradiction);
	assert_int_equal(e[2].criterion, crit("l3.bia_rto"));
	assert_string_equal(q.items[e[2].item].key, "bia");
	/* The item each is about: the gap's, or the one contradicted. */
	assert_string_equal(q.items[explain_entry_item(&r, &e[0])].key, "dr_site");
	assert_string_equal(q.items[explain_entry_item(&r, &e[1])].key, "restore_test");
	assert_string_equal(q.items[explain_entry_item(&r, &e[2])].key, "bia");
	assert_string_equal(q.items[explain_entry_item(&r, &e[3])].key, "rto_rpo");
	assert_true(e[3].contradiction);
	assert_int_equal(e[3].criterion, crit("l3.bia_rto"));
	assert_string_equal(q.items[e[3].item].key, "rto_rpo");
	msg_set_lang(LANG_EN);
	explain_entry_text(&q, &r, &e[2], line, sizeof line);
	assert_string_equal(line,
			    "BIA completed and RTO/RPO set for all critical "
			    "systems: item 1 Business impact analysis is marked "
			    "done, but the BIA recorded here does not support it");
	explain_entry_text(&q, &r, &e[0], line, sizeof line);
	assert_string_equal(line, "DR site in place: item 3 DR site / "
				  "architecture is in progress, needs done");
	msg_set_lang(LANG_ZH);
	explain_entry_text(&q, &r, &e[3], line, sizeof line);
	assert_string_equal(line,
			    "BIA completed and RTO/RPO set for all critical "
			    "systems：第2项 RTO/RPO set for critical systems "
			    "已标记为已完成，但此处记录的BIA不支持这一结论");
	msg_set_lang(LANG_EN);
	/* Other levels' criteria relying on them say nothing here: level 4
	 * is the score's gaps alone (rto_rpo is relied on by "DR covers all
	 * critical systems", which dr_site blocks already). */
	n = explain_level_entries(&q, &r, contra, 4, e, EXPLAIN_MAX_ENTRIES);
	assert_int_equal(n, scoring_gaps_at_level(&q, &r, 4) + 1);
	assert_true(e[n - 1].contradiction);
	assert_int_equal(e[n - 1].criterion, crit("l4.dr_all_critical"));
	for (size_t i = 0; i + 1 < n; i++)
		assert_false(e[i].contradiction);
	/* A full list stops at its capacity. */
	assert_int_equal(explain_level_entries(&q, &r, contra, 3, e, 3), 3);
	assert_int_equal(explain_level_entries(&q, &r, contra, 3, e, 0), 0);
	/* A contradiction of the other records says so in its own words. */
	contra[questionnaire_item_index(&q, "emergency_plan")] = FIND_RECORDS;
	n = explain_level_entries(&q, &r, contra, 3, e, EXPLAIN_MAX_ENTRIES);
	assert_int_equal(n, 5);
	assert_true(e[4].contradiction);
	assert_int_equal(e[4].source, FIND_RECORDS);
	assert_int_equal(e[2].source, FIND_BIA);
	assert_string_equal(q.items[e[4].item].key, "emergency_plan");
	explain_entry_text(&q, &r, &e[4], line, sizeof line);
	assert_string_equal(line, "Emergency plans complete: item 6 Emergency"
				  " response plan is marked done, but what is"
				  " recorded here does not support it");
}

static void test_all_done_stops_at_4_until_level_5_is_assessed(void **state)
{
	item_state st[Q_MAX_ITEMS];
	crit_input ans[Q_MAX_CRITERIA] = {{0}};
	score_result r;
	(void)state;
	fixture_states(&q, st, all_items, NULL);
	scoring_evaluate(&q, st, ok_ev, NULL, &r);
	assert_int_equal(r.level, 4);
	/* Culture and benchmark rely on no item: they need an answer. */
	assert_int_equal(r.open_per_level[4], 2);
	ans[crit("l5.culture")].answer = ANS_MET;
	ans[crit("l5.benchmark")].answer = ANS_MET;
	/* "Met" alone is not enough: these criteria need their own
	 * evidence, having no item to lean on. */
	scoring_evaluate(&q, st, ok_ev, ans, &r);
	assert_int_equal(r.level, 4);
	assert_int_equal(r.n_gaps, 2);
	assert_int_equal(r.gaps[0].kind, GAP_NO_EVIDENCE);
	assert_true(r.gaps[0].item == SCORE_NO_ITEM);
	{
		/* Such a gap is about no item. */
		explain_entry e[EXPLAIN_MAX_ENTRIES];
		assert_int_equal(explain_level_entries(&q, &r, NULL, 5, e,
						       EXPLAIN_MAX_ENTRIES), 2);
		assert_true(explain_entry_item(&r, &e[0]) == SCORE_NO_ITEM);
	}
	ans[crit("l5.culture")].own.valid = 1;
	ans[crit("l5.benchmark")].own.valid = 1;
	scoring_evaluate(&q, st, ok_ev, ans, &r);
	assert_int_equal(r.level, 5);
	assert_int_equal(r.n_gaps, 0);
}

static void test_levels_are_cumulative(void **state)
{
	item_state st[Q_MAX_ITEMS];
	crit_input ans[Q_MAX_CRITERIA] = {{0}};
	score_result r;
	(void)state;
	fixture_states(&q, st, all_items, NULL);
	/* One level-2 criterion answered "not met" holds everything at 1,
	 * even though levels 3 and 4 are complete. */
	ans[crit("l2.backup_process")].answer = ANS_NOT_MET;
	scoring_evaluate(&q, st, ok_ev, ans, &r);
	assert_int_equal(r.level, 1);
	assert_int_equal(r.open_per_level[1], 1);
	assert_int_equal(r.open_per_level[2], 0);
	assert_int_equal(r.open_per_level[3], 0);
}

static void test_answers_override_and_na_needs_reason(void **state)
{
	item_state st[Q_MAX_ITEMS];
	crit_input ans[Q_MAX_CRITERIA] = {{0}};
	score_result r;
	int c = crit("l3.dr_site");
	(void)state;
	fixture_states(&q, st, all_items, NULL);

	ans[c].answer = ANS_PARTLY;
	scoring_evaluate(&q, st, ok_ev, ans, &r);
	assert_int_equal(r.level, 2);
	assert_int_equal(r.gaps[0].kind, GAP_ANSWER_PARTLY);

	ans[c] = (crit_input){.answer = ANS_NA, .has_reason = false};
	scoring_evaluate(&q, st, ok_ev, ans, &r);
	assert_int_equal(r.level, 2);
	assert_int_equal(r.gaps[0].kind, GAP_NA_NO_REASON);

	ans[c] = (crit_input){.answer = ANS_NA, .has_reason = true};
	st[questionnaire_item_index(&q, "dr_site")] = ITEM_NOT_STARTED;
	scoring_evaluate(&q, st, ok_ev, ans, &r);
	/* n/a with a reason counts even though its item is not started;
	 * the DR site item still blocks the level-2 and level-4 criteria. */
	assert_true(r.satisfied[c]);
	assert_false(r.satisfied[crit("l2.dr_partial")]);
	assert_int_equal(r.level, 1);

	/* "met" does not hide an unfinished item it relies on. */
	memset(ans, 0, sizeof ans);
	ans[crit("l2.dr_partial")].answer = ANS_MET;
	scoring_evaluate(&q, st, ok_ev, ans, &r);
	assert_false(r.satisfied[crit("l2.dr_partial")]);
}

static void test_evidence_missing_or_expired_blocks(void **state)
{
	item_state st[Q_MAX_ITEMS];
	ev_count ev[Q_MAX_ITEMS];
	crit_input ans[Q_MAX_CRITERIA] = {{0}};
	score_result r;
	int restore = questionnaire_item_index(&q, "restore_test");
	int backup = questionnaire_item_index(&q, "backup_321");
	int c = crit("l3.restore_tested");
	(void)state;
	fixture_states(&q, st, all_items, NULL);
	memcpy(ev, ok_ev, sizeof ev);

	/* Expired evidence on one relied item: the gap names the item and
	 * the day it ran out; everything below level 3 still stands. */
	ev[restore] = (ev_count){0, 2, {2026, 10, 26}};
	scoring_evaluate(&q, st, ev, NULL, &r);
	assert_int_equal(r.level, 2);
	assert_int_equal(scoring_gaps_at_level(&q, &r, 3), 1);
	assert_int_equal(r.gaps[0].kind, GAP_EVIDENCE_EXPIRED);
	assert_int_equal(r.gaps[0].criterion, c);
	assert_int_equal(r.gaps[0].item, restore);
	assert_int_equal(r.gaps[0].expired_on.y, 2026);
	assert_int_equal(r.gaps[0].expired_on.m, 10);
	assert_int_equal(r.gaps[0].expired_on.d, 26);

	/* Valid evidence on the other item does not cover this one. */
	ev[backup] = (ev_count){3, 0, {0, 0, 0}};
	scoring_evaluate(&q, st, ev, NULL, &r);
	assert_false(r.satisfied[c]);

	/* No evidence at all. */
	ev[restore] = (ev_count){0, 0, {0, 0, 0}};
	scoring_evaluate(&q, st, ev, NULL, &r);
	assert_int_equal(r.gaps[0].kind, GAP_NO_EVIDENCE);
	assert_int_equal(r.gaps[0].item, restore);

	/* Evidence filed on the criterion itself covers its items. */
	ans[c].own = (ev_count){1, 0, {0, 0, 0}};
	scoring_evaluate(&q, st, ev, ans, &r);
	assert_true(r.satisfied[c]);

	/* But expired own evidence does not. */
	ans[c].own = (ev_count){0, 1, {2026, 1, 1}};
	scoring_evaluate(&q, st, ev, ans, &r);
	assert_false(r.satisfied[c]);

	/* Not applicable with a reason needs no evidence. */
	ans[c] = (crit_input){ANS_NA, true, {0, 0, {0, 0, 0}}};
	scoring_evaluate(&q, st, ev, ans, &r);
	assert_true(r.satisfied[c]);

	/* NULL evidence means none: every criterion lacks it. */
	scoring_evaluate(&q, st, NULL, NULL, &r);
	assert_int_equal(r.level, 1);
}

/* A questionnaire built by hand, independent of the shipped files. */
static void test_hand_built_model(void **state)
{
	questionnaire h;
	item_state st[2] = {ITEM_DONE, ITEM_NOT_STARTED};
	score_result r;
	(void)state;
	memset(&h, 0, sizeof h);
	h.n_items = 2;
	h.n_criteria = 2;
	h.criteria[0] = (q_criterion){.level = 2, .relies_on = {0}, .n_relies = 1,
				      .min_state = ITEM_DONE};
	h.criteria[1] = (q_criterion){.level = 4, .relies_on = {1}, .n_relies = 1,
				      .min_state = ITEM_IN_PROGRESS};
	/* Level 3 has no criteria, so it comes with level 2. */
	scoring_evaluate(&h, st, ok_ev, NULL, &r);
	assert_int_equal(r.level, 3);
	st[1] = ITEM_IN_PROGRESS;
	scoring_evaluate(&h, st, ok_ev, NULL, &r);
	assert_int_equal(r.level, 5);
	st[0] = ITEM_IN_PROGRESS;
	scoring_evaluate(&h, st, ok_ev, NULL, &r);
	assert_int_equal(r.level, 1);
}

static void test_answer_cycle_and_keys(void **state)
{
	crit_answer a;
	(void)state;
	assert_int_equal(scoring_next_answer(ANS_UNANSWERED), ANS_MET);
	assert_int_equal(scoring_next_answer(ANS_MET), ANS_PARTLY);
	assert_int_equal(scoring_next_answer(ANS_PARTLY), ANS_NOT_MET);
	assert_int_equal(scoring_next_answer(ANS_NOT_MET), ANS_UNANSWERED);
	assert_int_equal(scoring_next_answer(ANS_NA), ANS_UNANSWERED);
	assert_true(scoring_parse_answer("na", &a));
	assert_int_equal(a, ANS_NA);
	assert_false(scoring_parse_answer("yes", &a));
	assert_string_equal(scoring_answer_key(ANS_PARTLY), "partly");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_started_is_level_1),
		cmocka_unit_test(test_in_progress_is_enough_for_level_2),
		cmocka_unit_test(test_demo_mix_is_level_2_blocked_by_dr_and_restore),
		cmocka_unit_test(test_gap_list_names_contradictions),
		cmocka_unit_test(test_all_done_stops_at_4_until_level_5_is_assessed),
		cmocka_unit_test(test_levels_are_cumulative),
		cmocka_unit_test(test_answers_override_and_na_needs_reason),
		cmocka_unit_test(test_evidence_missing_or_expired_blocks),
		cmocka_unit_test(test_hand_built_model),
		cmocka_unit_test(test_answer_cycle_and_keys),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
