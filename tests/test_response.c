/* Emergency response: the shipped reference in both languages, malformed
 * files refused with file:line, deadlines counted from a declaration,
 * contacts going stale, the card's version and prints, and the card as
 * text against the data. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/demo.h"
#include "model/msg.h"
#include "model/response_findings.h"
#include "model/store_incident.h"
#include "model/store_response.h"
#include "model/store_verify.h"
#include "model/store_internal.h"
#include "model/text.h"
#include "tests/fixtures.h"

#define OK(call) assert_int_equal((call), ST_OK)

static const date today = {2026, 11, 25};

static void test_shipped_levels(void **state)
{
	questionnaire zh, en;
	(void)state;
	fixture_questionnaire("zh_CN", &zh);
	fixture_questionnaire("en", &en);
	const resp_reference *r = &zh.response;
	assert_string_equal(r->title, "系统中断应急响应快速指引");
	assert_int_equal(r->levels[0].number, 1);
	assert_string_equal(r->levels[0].name, "特别重大");
	assert_int_equal(r->levels[0].minutes, 0);
	assert_string_equal(r->levels[0].words, "立即响应");
	assert_string_equal(r->levels[1].decision, "CIO/售后总监");
	assert_int_equal(r->levels[1].minutes, 15);
	assert_int_equal(r->levels[2].minutes, 30);
	assert_int_equal(r->levels[3].minutes, 60);
	assert_string_equal(r->levels[3].scope, "影响有限");
	assert_int_equal(r->n_roles, 3);
	assert_int_equal(resp_role_find(r, "commander")->levels, 0x3u);
	assert_string_equal(resp_role_name(r, "commander"), "应急总指挥");
	assert_string_equal(resp_role_name(r, "站长"), "站长");
	assert_int_equal(r->n_steps, 5);
	assert_int_equal(r->steps[2].minutes, -1);
	assert_int_equal(r->steps[2].report_every, 30);
	assert_int_equal(r->steps[3].from, RESP_FROM_RESTORED);
	assert_int_equal(r->steps[4].minutes, 1440);
	assert_string_equal(r->steps[1].checks[0], "确认故障系统和影响范围");
	/* The languages differ only in words: the same card version. */
	assert_int_equal(resp_reference_hash(&zh.response),
			 resp_reference_hash(&en.response));
	assert_string_equal(en.response.levels[1].name, "Major");
	questionnaire_free(&zh);
	questionnaire_free(&en);
}

/* The shipped English file with one text replaced. */
static void expect_refused(const char *from, const char *to, const char *want)
{
	char path[4096], err[512];
	resp_reference r;
	FILE *f;
	char *buf, *at, *edited;
	long len;

	snprintf(path, sizeof path, "%s/en/response.yaml",
		 getenv("MOAT_DATADIR") ? getenv("MOAT_DATADIR") : "questionnaires");
	assert_non_null(f = fopen(path, "rb"));
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)len + 1);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	assert_non_null(at = strstr(buf, from));
	edited = calloc(1, (size_t)len + strlen(to) + 1);
	memcpy(edited, buf, (size_t)(at - buf));
	strcat(edited, to);
	strcat(edited, at + strlen(from));
	assert_int_equal(resp_reference_parse(&r, "response.yaml", edited,
					      strlen(edited), err, sizeof err),
			 ST_PARSE);
	assert_string_equal(err, want);
	assert_null(r.title);
	free(buf);
	free(edited);
}

static void test_malformed_files(void **state)
{
	(void)state;
	expect_refused("  - level: II\n", "  - level: III\n",
		       "response.yaml:21: expected level II here, found 'III'");
	expect_refused("  - level: IV\n", "  - level: V\n",
		       "response.yaml:35: a level must be I, II, III or IV, not 'V'");
	expect_refused("    minutes: 15\n    words: within 15 minutes",
		       "    minutes: soon\n    words: within 15 minutes",
		       "response.yaml:25: 'minutes' must be a whole number of "
		       "minutes from 0 to 527040");
	expect_refused("    minutes: 30\n", "    minutes: 10\n",
		       "response.yaml:32: level III responds sooner (10 minutes) "
		       "than level II (15): a lower level may not be more urgent");
	expect_refused("    decision: IT director\n",
		       "    decision: IT director\n    colour: red\n",
		       "response.yaml:35: unknown key 'colour'");
	expect_refused("    levels: [I, II]\n", "    levels: [I, V]\n",
		       "response.yaml:54: a level must be I, II, III or IV, not 'V'");
	expect_refused("  - key: business_lead", "  - key: it_lead",
		       "response.yaml:49: role 'it_lead' is given twice");
	expect_refused("    from: restored\n    checks:\n      - Verify the system's",
		       "    from: later\n    checks:\n      - Verify the system's",
		       "response.yaml:89: 'from' must be declared or restored");
	expect_refused("    contacts: true\n    checks: []",
		       "    contacts: false\n    checks: []",
		       "response.yaml:63: 'checks' is empty and the step calls "
		       "no contacts");
	expect_refused("title: System outage", "titel: System outage",
		       "response.yaml:10: unknown key 'titel'");
}

static verify_time at(int y, int m, int d, int h, int min)
{
	return (verify_time){{y, m, d}, h, min};
}

static void expect_time(const verify_time *t, const char *want)
{
	char got[32];
	verify_format_time(t, got, sizeof got);
	assert_string_equal(got, want);
}

static void test_deadlines_from_declaration(void **state)
{
	questionnaire q;
	verify_time declared = at(2026, 11, 25, 23, 50), restored, t;
	(void)state;
	fixture_questionnaire("zh_CN", &q);
	const resp_reference *r = &q.response;

	assert_true(resp_step_deadline(resp_step_find(r, "notify"), &declared,
				       NULL, &t));
	expect_time(&t, "2026-11-25 23:55");
	assert_true(resp_step_deadline(resp_step_find(r, "assess"), &declared,
				       NULL, &t));
	expect_time(&t, "2026-11-26 00:05");
	/* Respond has the plan's limits, not one of the card's. */
	assert_false(resp_step_deadline(resp_step_find(r, "respond"), &declared,
					NULL, &t));
	assert_true(resp_report_due(resp_step_find(r, "respond"), &declared, 1, &t));
	expect_time(&t, "2026-11-26 00:20");
	assert_true(resp_report_due(resp_step_find(r, "respond"), &declared, 4, &t));
	expect_time(&t, "2026-11-26 01:50");
	assert_false(resp_report_due(resp_step_find(r, "assess"), &declared, 1, &t));
	/* Verify and review count from the restoration, once there is one. */
	assert_false(resp_step_deadline(resp_step_find(r, "verify"), &declared,
					NULL, &t));
	restored = at(2026, 11, 30, 23, 30);
	assert_true(resp_step_deadline(resp_step_find(r, "verify"), &declared,
				       &restored, &t));
	expect_time(&t, "2026-12-01 00:30");
	assert_true(resp_step_deadline(resp_step_find(r, "review"), &declared,
				       &restored, &t));
	expect_time(&t, "2026-12-01 23:30");
	questionnaire_free(&q);
}

static void test_contact_staleness(void **state)
{
	resp_contact c;
	(void)state;
	memset(&c, 0, sizeof c);
	assert_true(resp_contact_stale(&c, today, 90)); /* never confirmed */
	c.confirmed = (date){2026, 8, 27};               /* 90 days before */
	assert_false(resp_contact_stale(&c, today, 90));
	c.confirmed = (date){2026, 8, 26};               /* 91 */
	assert_true(resp_contact_stale(&c, today, 90));
	assert_false(resp_contact_stale(&c, today, 91));
	c.confirmed = today;
	assert_false(resp_contact_stale(&c, today, 1));
}

static resp_contact person(const char *role, const char *name, date confirmed,
			   bool example)
{
	resp_contact c;
	memset(&c, 0, sizeof c);
	snprintf(c.role, sizeof c.role, "%s", role);
	snprintf(c.name, sizeof c.name, "%s", name);
	c.confirmed = confirmed;
	c.levels = RESP_ALL_LEVELS;
	c.placeholder = example;
	return c;
}

static void expect_lines(const item_findings *f, const char *item, bool done,
			 const char *const *lines)
{
	size_t n = 0;
	assert_string_equal(f->item, item);
	assert_int_equal(f->source, FIND_RECORDS);
	assert_int_equal(f->supports_done, done);
	while (lines[n])
		n++;
	assert_int_equal(f->n_lines, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(f->lines[i], lines[i]);
}

/* Items 6 and 9 by what the response and the drills record. */
static void test_checklist_findings(void **state)
{
	questionnaire q;
	resp_find_input in;
	resp_contact c[4];
	drill_record d;
	item_findings plan, team;

	(void)state;
	fixture_questionnaire("en", &q);
	msg_set_lang(LANG_EN);
	memset(&in, 0, sizeof in);
	in.r = &q.response;
	in.confirm_days = 90;
	in.version = 1;
	in.today = today;
	/* Nothing yet. */
	resp_checklist_findings(&in, &plan, &team);
	expect_lines(&plan, "emergency_plan", false, (const char *const[]){
		"Plan: no one on the card to call",
		"Plan: the response card (v1) has never been printed", NULL});
	expect_lines(&team, "team", false, (const char *const[]){
		"Team: 3 of the card's 3 roles have no one named (examples do not count)",
		"Team: no drill held: a team is trained by drills (§4.4)", NULL});

	/* Everyone named and confirmed, the card on the wall current, a
	 * drill a month ago that went well. */
	c[0] = person("it_lead", "Zhang San", (date){2026, 11, 1}, false);
	c[1] = person("business_lead", "Li Si", (date){2026, 8, 27}, false);
	c[2] = person("commander", "Wang Wu", (date){2026, 11, 20}, false);
	in.contacts = c;
	in.n_contacts = 3;
	in.version = 4;
	in.printed = true;
	in.printed_version = 4;
	in.printed_on = (date){2026, 11, 21};
	drill_record_init(&d);
	d.held_on = (date){2026, 10, 26};
	d.checks[DRILL_KEY_PEOPLE] = DRILL_YES;
	in.last_drill = &d;
	in.last_drill_type = "tabletop";
	resp_checklist_findings(&in, &plan, &team);
	expect_lines(&plan, "emergency_plan", true, (const char *const[]){
		"Plan: levels I-IV, contacts and card v4 printed 2026-11-21", NULL});
	expect_lines(&team, "team", true, (const char *const[]){
		"Team: last drill 2026-10-26 (tabletop), 30 days ago",
		"Team: 3 contacts, every role of the card filled and confirmed",
		NULL});

	/* A change since the print, a lead confirmed 91 days ago, the
	 * commander an example, the last drill a year and a day ago with
	 * its key people missing. */
	in.printed_version = 3;
	c[1].confirmed = (date){2026, 8, 26};
	c[2].placeholder = true;
	d.held_on = (date){2025, 11, 24};
	d.checks[DRILL_KEY_PEOPLE] = DRILL_NO;
	resp_checklist_findings(&in, &plan, &team);
	expect_lines(&plan, "emergency_plan", false, (const char *const[]){
		"Plan: 1 of 3 contacts are examples to replace",
		"Plan: the card on the wall is v3 (printed 2026-11-21); the current one is v4",
		NULL});
	expect_lines(&team, "team", false, (const char *const[]){
		"Team: 1 of the card's 3 roles have no one named (examples do not count)",
		"Team: 1 of 3 contacts not confirmed within 90 days",
		"Team: the last drill was on 2025-11-24, more than 12 months ago",
		"Team: in the drill of 2025-11-24 key people were not in place",
		NULL});
	/* Exactly a year: still trained; a role with no one at all. */
	d.held_on = (date){2025, 11, 25};
	d.checks[DRILL_KEY_PEOPLE] = DRILL_UNSET;
	c[1].confirmed = today;
	c[2].placeholder = false;
	in.n_contacts = 2;
	in.printed_version = 4;
	resp_checklist_findings(&in, &plan, &team);
	expect_lines(&plan, "emergency_plan", false, (const char *const[]){
		"Plan: no contact for the Emergency commander (called at level I/II)",
		NULL});
	expect_lines(&team, "team", false, (const char *const[]){
		"Team: 1 of the card's 3 roles have no one named (examples do not count)",
		"Team: last drill 2025-11-25 (tabletop), 365 days ago", NULL});
	/* In Chinese. */
	msg_set_lang(LANG_ZH);
	resp_checklist_findings(&in, &plan, &team);
	assert_string_equal(plan.lines[0], "应急预案：没有Emergency commander的联系人（I/II级时通知）");
	assert_string_equal(team.lines[1], "应急团队：最近一次演练：2025-11-25（tabletop），365天前");
	msg_set_lang(LANG_EN);
	questionnaire_free(&q);
}

static void test_levels_text(void **state)
{
	unsigned v;
	char t[16];
	(void)state;
	assert_true(resp_parse_levels("I,II", &v));
	assert_int_equal(v, 0x3u);
	assert_true(resp_parse_levels("II/IV", &v));
	assert_int_equal(v, 0xAu);
	assert_true(resp_parse_levels("all", &v));
	assert_int_equal(v, RESP_ALL_LEVELS);
	assert_false(resp_parse_levels("V", &v));
	assert_false(resp_parse_levels("", &v));
	resp_levels_text(0x5u, t, sizeof t);
	assert_string_equal(t, "I/III");
	resp_levels_text(RESP_ALL_LEVELS, t, sizeof t);
	assert_string_equal(t, "I-IV");
	assert_string_equal(resp_level_roman(3), "III");
	assert_string_equal(resp_level_roman(5), "?");
}

static store *demo_store(const questionnaire *q, int64_t *unit_id, char *path,
			 size_t len)
{
	char err[512];
	store *s;
	int64_t aid, a2;
	fixture_db_path(path, len);
	assert_int_equal(store_open(path, STORE_CREATE, &s, err, sizeof err), ST_OK);
	OK(demo_load(s, q, today, "alice", &aid));
	OK(store_current(s, "alice", unit_id, &a2));
	return s;
}

static void test_version_follows_changes(void **state)
{
	questionnaire q;
	store *s;
	int64_t unit_id, v0, v, id;
	resp_contact *c;
	resp_level levels[RESP_LEVELS];
	resp_reference changed;
	card_print p;
	bool found;
	size_t n;
	int days;
	char path[4096];

	(void)state;
	msg_set_lang(LANG_ZH);
	fixture_questionnaire("zh_CN", &q);
	s = demo_store(&q, &unit_id, path, sizeof path);
	OK(store_contacts(s, unit_id, &c, &n));
	assert_int_equal(n, 3);
	assert_string_equal(c[0].name, "张三");
	assert_string_equal(c[0].phone, "139-xxxx-xxxx");
	assert_string_equal(c[0].alternate, "赵六 136-xxxx-xxxx");
	assert_true(c[0].placeholder);
	assert_string_equal(c[2].role, "commander");
	assert_int_equal(c[2].levels, 0x3u);
	OK(store_confirm_days(s, unit_id, &days));
	assert_int_equal(days, 90);
	/* The demo's commander was confirmed 120 days ago. */
	assert_false(resp_contact_stale(&c[0], today, days));
	assert_true(resp_contact_stale(&c[2], today, days));

	OK(store_card_sync(s, unit_id, &q.response, "alice", &v0));
	OK(store_card_sync(s, unit_id, &q.response, "alice", &v));
	assert_int_equal(v, v0); /* nothing changed */
	/* Confirming a contact changes nothing on the card. */
	OK(store_contact_confirm(s, c[2].id, today, today, "alice"));
	assert_int_equal(store_contact_confirm(s, c[2].id, (date){2026, 11, 26},
					       today, "alice"),
			 ST_INVALID);
	OK(store_card_sync(s, unit_id, &q.response, "alice", &v));
	assert_int_equal(v, v0);
	/* A new phone does. */
	snprintf(c[0].phone, sizeof c[0].phone, "139-1234-5678");
	c[0].placeholder = false;
	OK(store_contact_save(s, unit_id, &c[0], "alice", &id));
	OK(store_card_sync(s, unit_id, &q.response, "alice", &v));
	assert_int_equal(v, v0 + 1);
	/* Saving it unchanged does not. */
	OK(store_contact_save(s, unit_id, &c[0], "alice", &id));
	OK(store_card_sync(s, unit_id, &q.response, "alice", &v));
	assert_int_equal(v, v0 + 1);
	/* A level's edit does, and its reset. */
	OK(store_response_levels(s, unit_id, &q.response, levels));
	levels[1].minutes = 10;
	snprintf(levels[1].words, sizeof levels[1].words, "10分钟内");
	OK(store_response_level_set(s, unit_id, &levels[1], "alice"));
	OK(store_response_levels(s, unit_id, &q.response, levels));
	assert_int_equal(levels[1].minutes, 10);
	assert_string_equal(levels[1].words, "10分钟内");
	assert_string_equal(levels[0].words, "立即响应");
	OK(store_card_sync(s, unit_id, &q.response, "alice", &v));
	assert_int_equal(v, v0 + 2);
	OK(store_response_level_reset(s, unit_id, 2, "alice"));
	OK(store_response_levels(s, unit_id, &q.response, levels));
	assert_string_equal(levels[1].words, "15分钟内");
	/* A removed contact does. */
	OK(store_contact_delete(s, c[1].id, "alice"));
	OK(store_card_sync(s, unit_id, &q.response, "alice", &v));
	assert_int_equal(v, v0 + 4);
	/* So does a changed step in the file. */
	changed = q.response;
	changed.steps[0].minutes = 3;
	OK(store_card_sync(s, unit_id, &changed, "alice", &v));
	assert_int_equal(v, v0 + 5);
	/* Refusals. */
	c[0].rank = 0;
	assert_int_equal(store_contact_save(s, unit_id, &c[0], "alice", &id),
			 ST_INVALID);
	assert_string_equal(store_errmsg(s), "升级顺序必须是1到99之间的整数。");
	c[0].rank = 1;
	c[0].name[0] = '\0';
	assert_int_equal(store_contact_save(s, unit_id, &c[0], "alice", &id),
			 ST_INVALID);
	assert_string_equal(store_errmsg(s), "姓名不能为空。");

	OK(store_card_last_print(s, unit_id, &p, &found));
	assert_false(found);
	OK(store_card_print(s, unit_id, v, 2, "zh_CN", today, "alice", &id));
	OK(store_card_last_print(s, unit_id, &p, &found));
	assert_true(found);
	assert_int_equal(p.version, v);
	assert_int_equal(p.level, 2);
	assert_string_equal(p.lang, "zh_CN");
	assert_int_equal(date_cmp(p.printed, today), 0);
	assert_string_equal(p.by, "alice");
	free(c);
	store_close(s);
	questionnaire_free(&q);
	msg_set_lang(LANG_EN);
}

/* Every line within 80 columns and free of controls; every step, check
 * and called contact present. */
static void check_card(const char *lang_dir, moat_lang lang, int level)
{
	questionnaire q;
	store *s;
	int64_t unit_id, v;
	resp_contact *c;
	resp_level levels[RESP_LEVELS];
	unit u;
	size_t n;
	char *text, *line, *save, want[1024], path[4096];

	msg_set_lang(lang);
	fixture_questionnaire(lang_dir, &q);
	s = demo_store(&q, &unit_id, path, sizeof path);
	/* A contact of the unit's own role, with text that must not reach a
	 * printer raw. */
	resp_contact own = {0};
	snprintf(own.role, sizeof own.role, "站长");
	snprintf(own.name, sizeof own.name, "钱七\x1b[31m");
	snprintf(own.phone, sizeof own.phone, "135-0000-0000");
	own.rank = 4;
	own.levels = 0x8u;
	int64_t id;
	OK(store_contact_save(s, unit_id, &own, "alice", &id));
	OK(store_unit_get(s, unit_id, &u));
	OK(store_response_levels(s, unit_id, &q.response, levels));
	OK(store_contacts(s, unit_id, &c, &n));
	OK(store_card_sync(s, unit_id, &q.response, "alice", &v));
	resp_card card = {u.name, level, v, today, levels, c, n};
	OK(resp_card_text(&q.response, &card, &text));

	for (const char *p = text; *p; p++)
		assert_true((unsigned char)*p >= 0x20 || *p == '\n');
	assert_non_null(strstr(text, q.response.title));
	assert_non_null(strstr(text, u.name));
	snprintf(want, sizeof want, msg(RESP_CARD_VERSION_FMT), (long long)v,
		 "2026-11-25");
	assert_non_null(strstr(text, want));
	for (size_t i = 0; i < q.response.n_steps; i++) {
		const resp_step *st = &q.response.steps[i];
		snprintf(want, sizeof want, msg(RESP_CARD_STEP_FMT), (int)i + 1,
			 st->title, st->limit);
		assert_non_null(strstr(text, want));
		for (size_t k = 0; k < st->n_checks; k++)
			assert_non_null(strstr(text, st->checks[k]));
	}
	for (size_t i = 0; i < n; i++) {
		bool called = !level || (c[i].levels & (1u << (level - 1)));
		const char *name = strcmp(c[i].role, "站长") == 0 ? "钱七[31m"
								 : c[i].name;
		assert_int_equal(strstr(text, name) != NULL, called);
		if (called) {
			assert_non_null(strstr(text, c[i].phone));
			assert_non_null(strstr(text, resp_role_name(&q.response,
								    c[i].role)));
		}
	}
	for (int i = 0; i < RESP_LEVELS; i++) {
		bool shown = !level || level == i + 1;
		assert_int_equal(strstr(text, levels[i].decision) != NULL, shown);
	}
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		assert_true(text_width(line) <= RESP_CARD_COLS);
	free(text);
	free(c);
	store_close(s);
	questionnaire_free(&q);
	msg_set_lang(LANG_EN);
}

static void test_card_text(void **state)
{
	(void)state;
	check_card("zh_CN", LANG_ZH, 0);
	check_card("zh_CN", LANG_ZH, 2);
	check_card("en", LANG_EN, 0);
	check_card("en", LANG_EN, 4);
	check_card("en", LANG_EN, 1);
}

/* A file of schema 12 gets the tables and keeps its data. */
static void test_upgrade_from_12(void **state)
{
	char path[4096], err[512];
	questionnaire q;
	store *s;
	int64_t unit_id;
	resp_contact *c;
	size_t n;

	(void)state;
	fixture_questionnaire("en", &q);
	s = demo_store(&q, &unit_id, path, sizeof path);
	store_close(s);
	fixture_sql_exec(path, FIXTURE_BEFORE_SCHEMA_13 "PRAGMA user_version = 12;");
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM sqlite_master"
					 " WHERE name = 'response_contact'"), 0);
	assert_int_equal(store_open(path, STORE_EXISTING, &s, err, sizeof err), ST_OK);
	assert_int_equal(store_schema_version(s), 12);
	OK(store_contacts(s, unit_id, &c, &n));
	assert_int_equal(n, 0);
	store_close(s);
	assert_int_equal(fixture_sql_int(path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM org_unit"), 1);
	questionnaire_free(&q);
}

/* A file of schema 13 keeps its ledger, which now takes incidents. */
static void test_upgrade_from_13(void **state)
{
	char path[4096], err[512];
	questionnaire q;
	store *s;
	int64_t unit_id;
	long long before;

	(void)state;
	fixture_questionnaire("en", &q);
	s = demo_store(&q, &unit_id, path, sizeof path);
	store_close(s);
	before = fixture_sql_int(path, "SELECT count(*) FROM verify_entry");
	assert_true(before > 0);
	fixture_sql_exec(path, FIXTURE_BEFORE_SCHEMA_14 "PRAGMA user_version = 13;");
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM pragma_table_info"
					 "('verify_entry') WHERE name = 'incident_id'"), 0);
	assert_int_equal(store_open(path, STORE_EXISTING, &s, err, sizeof err), ST_OK);
	store_close(s);
	assert_int_equal(fixture_sql_int(path, "PRAGMA user_version"),
			 STORE_SCHEMA_VERSION);
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM verify_entry"),
			 before);
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM sqlite_master"
					 " WHERE type = 'index' AND tbl_name ="
					 " 'verify_entry'"), 6);
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM pragma_table_info"
					 "('verify_entry') WHERE name = 'incident_id'"), 1);
	questionnaire_free(&q);
}

static void expect_step(const inc_step_view *v, step_status status,
			const char *deadline, int64_t left)
{
	assert_int_equal(v->status, status);
	if (deadline) {
		assert_true(v->has_deadline);
		expect_time(&v->deadline, deadline);
		assert_int_equal(v->minutes_left, left);
	} else {
		assert_false(v->has_deadline);
	}
}

/* The steps of an incident declared at 23:50, seen at 00:10. */
static void test_incident_deadlines(void **state)
{
	questionnaire q;
	incident_record rec;
	inc_done done[2];
	inc_step_view v[RESP_MAX_STEPS];
	verify_time now = at(2026, 11, 26, 0, 10), t;
	(void)state;
	fixture_questionnaire("en", &q);
	memset(&rec, 0, sizeof rec);
	rec.inc.level = 2;
	rec.inc.declared = at(2026, 11, 25, 23, 50);
	/* Notified at 23:54, in time; not yet assessed. */
	memset(done, 0, sizeof done);
	snprintf(done[0].step, sizeof done[0].step, "notify");
	done[0].at = at(2026, 11, 25, 23, 54);
	rec.done = done;
	rec.n_done = 1;
	inc_steps_view(&q.response, &rec, &now, v);
	expect_step(&v[0], STEP_DONE, "2026-11-25 23:55", -15);
	expect_step(&v[1], STEP_LATE, "2026-11-26 00:05", -5);
	expect_step(&v[2], STEP_NO_LIMIT, NULL, 0);
	expect_step(&v[3], STEP_WAITING, NULL, 0);
	expect_step(&v[4], STEP_WAITING, NULL, 0);
	assert_true(inc_next_report(&q.response, &rec, &now, &t));
	expect_time(&t, "2026-11-26 00:20");
	now = at(2026, 11, 26, 0, 20);
	assert_true(inc_next_report(&q.response, &rec, &now, &t));
	expect_time(&t, "2026-11-26 00:50");
	/* Assessed late at 00:12; restored at 02:00, seen at 02:30. */
	snprintf(done[1].step, sizeof done[1].step, "assess");
	done[1].at = at(2026, 11, 26, 0, 12);
	rec.n_done = 2;
	rec.inc.restored = true;
	rec.inc.restored_at = at(2026, 11, 26, 2, 0);
	now = at(2026, 11, 26, 2, 30);
	inc_steps_view(&q.response, &rec, &now, v);
	expect_step(&v[1], STEP_DONE_LATE, "2026-11-26 00:05", -145);
	expect_step(&v[3], STEP_OPEN, "2026-11-26 03:00", 30);
	expect_step(&v[4], STEP_OPEN, "2026-11-27 02:00", 1410);
	assert_false(inc_next_report(&q.response, &rec, &now, &t));
	questionnaire_free(&q);
}

static void test_improvements_split(void **state)
{
	char out[4][TEXT_BYTES(INC_IMPROVEMENT_MAX)], long_line[700];
	(void)state;
	assert_int_equal(inc_split_improvements("  Add a second DNS \n\n"
						"Drill the failover\n  \n", out, 4), 2);
	assert_string_equal(out[0], "Add a second DNS");
	assert_string_equal(out[1], "Drill the failover");
	assert_int_equal(inc_split_improvements("a\nb\nc\nd\ne", out, 4), 4);
	memset(long_line, 'x', 600);
	long_line[600] = '\0';
	assert_int_equal(inc_split_improvements(long_line, out, 4), 1);
	assert_int_equal(strlen(out[0]), INC_IMPROVEMENT_MAX);
}

/* An incident from declaration to close in the store. */
static void test_incident_in_the_store(void **state)
{
	questionnaire q;
	store *s;
	int64_t unit_id, id, other, open_id;
	incident_record rec;
	incident *list;
	size_t n;
	bool found;
	char path[4096];
	verify_time decl = at(2026, 11, 25, 9, 0), t;
	static const char improvements[2][TEXT_BYTES(INC_IMPROVEMENT_MAX)] = {
		"Add a second DNS resolver", "Drill the failover quarterly"};

	(void)state;
	fixture_questionnaire("en", &q);
	s = demo_store(&q, &unit_id, path, sizeof path);
	assert_int_equal(store_incident_declare(s, unit_id, "", 2, &decl, 4, "alice",
						&id), ST_INVALID);
	assert_int_equal(store_incident_declare(s, unit_id, "CRM", 5, &decl, 4,
						"alice", &id), ST_INVALID);
	OK(store_incident_declare(s, unit_id, "CRM", 2, &decl, 4, "alice", &id));
	OK(store_incident_open(s, unit_id, &open_id, &found));
	assert_true(found);
	assert_int_equal(open_id, id);
	t = at(2026, 11, 25, 8, 59);
	assert_int_equal(store_incident_note(s, id, INC_ACTION, &t, "too early", "",
					     "bob"), ST_INVALID);
	assert_string_equal(store_errmsg(s), "That time is before the incident was declared.");
	t = at(2026, 11, 25, 9, 4);
	OK(store_incident_step(s, id, "notify", "Notify at once", &t, "bob"));
	assert_int_equal(store_incident_step(s, id, "notify", "Notify at once", &t,
					     "bob"), ST_EXISTS);
	t = at(2026, 11, 25, 9, 20);
	OK(store_incident_note(s, id, INC_DECISION, &t, "Switch to paper forms",
			       "CRM down for hours", "carol"));
	t = at(2026, 11, 25, 9, 10);
	OK(store_incident_note(s, id, INC_ACTION, &t, "Restarted the database", "",
			       "bob"));
	/* Closing needs the restoration. */
	t = at(2026, 11, 25, 12, 0);
	assert_int_equal(store_incident_close(s, id, &t, NULL, "none", "disk full",
					      improvements, 2, "emergency_plan",
					      "alice"), ST_INVALID);
	verify_time restored = at(2026, 11, 25, 11, 30);
	OK(store_incident_close(s, id, &t, &restored, "none", "disk full",
				improvements, 2, "emergency_plan", "alice"));
	OK(store_incident_load(s, id, &rec));
	assert_string_equal(rec.inc.system, "CRM");
	assert_int_equal(rec.inc.level, 2);
	assert_int_equal(rec.inc.card_version, 4);
	assert_true(rec.inc.restored);
	expect_time(&rec.inc.restored_at, "2026-11-25 11:30");
	assert_true(rec.inc.closed);
	assert_string_equal(rec.inc.root_cause, "disk full");
	assert_int_equal(rec.n_done, 1);
	assert_string_equal(rec.done[0].step, "notify");
	assert_string_equal(rec.done[0].by, "bob");
	/* The log in time order, whatever the order of entry. */
	assert_int_equal(rec.n_log, 6);
	assert_int_equal(rec.log[0].kind, INC_DECLARED);
	assert_int_equal(rec.log[1].kind, INC_STEP);
	assert_string_equal(rec.log[2].what, "Restarted the database");
	assert_int_equal(rec.log[3].kind, INC_DECISION);
	assert_string_equal(rec.log[3].why, "CRM down for hours");
	assert_string_equal(rec.log[3].who, "carol");
	assert_int_equal(rec.log[4].kind, INC_RESTORED);
	assert_int_equal(rec.log[5].kind, INC_CLOSED);
	/* The improvements are tasks of the programme's last phase. */
	assert_int_equal(rec.n_improvements, 2);
	assert_true(rec.improvements[0].task_id > 0);
	assert_int_equal(fixture_sql_int(path, "SELECT count(*) FROM plan_task WHERE"
					 " title = 'Drill the failover quarterly' AND"
					 " phase = 3 AND item_key = 'emergency_plan'"), 1);
	incident_record_free(&rec);
	/* The recovery, declaration to restoration, is in the ledger. */
	{
		verify_filter f = {"CRM", VERIFY_INCIDENT, {0, 0, 0}};
		verify_entry *e;
		OK(store_verify_list(s, unit_id, &f, &e, &n));
		assert_int_equal(n, 1);
		assert_int_equal(e[0].kind, VERIFY_INCIDENT);
		assert_int_equal(e[0].result, VERIFY_PASS);
		assert_int_equal(e[0].incident_id, id);
		assert_int_equal(e[0].rta, 150);
		expect_time(&e[0].started, "2026-11-25 09:00");
		assert_true(e[0].has_ended);
		expect_time(&e[0].ended, "2026-11-25 11:30");
		assert_string_equal(e[0].by, "alice");
		char note[128];
		snprintf(note, sizeof note, "incident #%lld, level II, from the"
			 " declaration to the restoration; root cause: disk"
			 " full", (long long)id);
		assert_string_equal(e[0].note, note);
		assert_int_equal(e[0].duty_event_id, 0);
		free(e);
	}
	/* Nobody records an incident's kind by hand. */
	{
		verify_entry e;
		int64_t eid, ev;
		memset(&e, 0, sizeof e);
		snprintf(e.system, sizeof e.system, "CRM");
		e.kind = VERIFY_INCIDENT;
		e.started = decl;
		e.rta = e.rpa = BIA_UNSET;
		e.completeness = -1;
		assert_int_equal(store_verify_record(s, unit_id, 0, &e, "bob", &eid,
						     &ev), ST_INVALID);
		assert_string_equal(store_errmsg(s), "An incident's recovery is"
				    " entered by closing the incident.");
	}
	/* Closed: nothing more. */
	t = at(2026, 11, 25, 13, 0);
	assert_int_equal(store_incident_note(s, id, INC_ACTION, &t, "late", "",
					     "bob"), ST_INVALID);
	assert_string_equal(store_errmsg(s),
			    "The incident is closed: its record is kept as it is.");
	OK(store_incident_open(s, unit_id, &open_id, &found));
	assert_false(found);
	OK(store_incident_declare(s, unit_id, "WMS", 4, &t, 4, "alice", &other));
	OK(store_incident_restored(s, other, &t, "alice"));
	assert_int_equal(store_incident_restored(s, other, &t, "alice"), ST_INVALID);
	OK(store_incidents(s, unit_id, &list, &n));
	assert_int_equal(n, 2);
	assert_string_equal(list[0].system, "WMS");
	assert_false(list[0].closed);
	assert_true(list[1].closed);
	free(list);
	assert_int_equal(store_incident_load(s, 999, &rec), ST_NOT_FOUND);
	store_close(s);
	questionnaire_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_levels),
		cmocka_unit_test(test_malformed_files),
		cmocka_unit_test(test_deadlines_from_declaration),
		cmocka_unit_test(test_contact_staleness),
		cmocka_unit_test(test_levels_text),
		cmocka_unit_test(test_checklist_findings),
		cmocka_unit_test(test_version_follows_changes),
		cmocka_unit_test(test_card_text),
		cmocka_unit_test(test_upgrade_from_12),
		cmocka_unit_test(test_upgrade_from_13),
		cmocka_unit_test(test_incident_deadlines),
		cmocka_unit_test(test_improvements_split),
		cmocka_unit_test(test_incident_in_the_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
