/* The rules of backups and their verification: the 3-2-1 check, the
 * interval against the RPO, times as typed, a measured figure against
 * its target, and freshness at its boundary. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/msg.h"
#include "model/verify.h"
#include "model/verify_text.h"
#include "model/verify_view.h"

static backup_copy copy(backup_medium m, bool offsite)
{
	backup_copy c;
	memset(&c, 0, sizeof c);
	snprintf(c.location, sizeof c.location, "x");
	c.medium = m;
	c.offsite = offsite;
	return c;
}

static void test_321(void **state)
{
	backup_321 r;
	backup_copy none[1] = {{0}};
	(void)state;

	backup_check_321(none, 0, &r);
	assert_int_equal(r.copies, 1);
	assert_int_equal(r.missing, B321_COPIES | B321_MEDIA | B321_OFFSITE);

	/* The document's: local disk and cloud, the cloud off site. */
	backup_copy doc[] = {copy(MEDIUM_LOCAL_DISK, false), copy(MEDIUM_CLOUD, true)};
	backup_check_321(doc, 2, &r);
	assert_int_equal(r.copies, 3);
	assert_int_equal(r.media, 2);
	assert_int_equal(r.offsite, 1);
	assert_int_equal(r.missing, 0);

	/* Two disks on site: copies enough, one medium, none off site. */
	backup_copy disks[] = {copy(MEDIUM_LOCAL_DISK, false),
			       copy(MEDIUM_LOCAL_DISK, false)};
	backup_check_321(disks, 2, &r);
	assert_int_equal(r.missing, B321_MEDIA | B321_OFFSITE);
	assert_int_equal(r.only, MEDIUM_LOCAL_DISK);

	/* One tape off site: one copy short, one medium. */
	backup_copy tape[] = {copy(MEDIUM_TAPE, true)};
	backup_check_321(tape, 1, &r);
	assert_int_equal(r.copies, 2);
	assert_int_equal(r.missing, B321_COPIES | B321_MEDIA);
}

static backup_plan plan(int64_t full, int64_t incr, bool realtime)
{
	backup_plan p;
	memset(&p, 0, sizeof p);
	p.full_every = full;
	p.incr_every = incr;
	p.realtime = realtime;
	p.retention_days = BIA_UNSET;
	return p;
}

static void test_interval_against_rpo(void **state)
{
	(void)state;
	/* An incremental every 24 h cannot give an RPO of 4 h. */
	backup_plan daily = plan(7 * 1440, 1440, false);
	assert_int_equal(backup_worst_loss(&daily), 1440);
	assert_int_equal(backup_check_interval(&daily, 240), INTERVAL_TOO_LONG);
	/* At the RPO exactly it meets it. */
	assert_int_equal(backup_check_interval(&daily, 1440), INTERVAL_MEETS);
	assert_int_equal(backup_check_interval(&daily, 1439), INTERVAL_TOO_LONG);
	backup_plan weekly = plan(7 * 1440, BIA_UNSET, false);
	assert_int_equal(backup_worst_loss(&weekly), 10080);
	backup_plan sync = plan(7 * 1440, 1440, true);
	assert_int_equal(backup_worst_loss(&sync), 0);
	assert_int_equal(backup_check_interval(&sync, 5), INTERVAL_MEETS);
	backup_plan nothing = plan(BIA_UNSET, BIA_UNSET, false);
	assert_int_equal(backup_check_interval(&nothing, 60), INTERVAL_NO_PLAN);
	assert_int_equal(backup_check_interval(&daily, BIA_UNSET), INTERVAL_NO_RPO);
}

static void test_times(void **state)
{
	verify_time a, b;
	int64_t m;
	char out[32];
	(void)state;

	assert_true(verify_parse_time("2026-11-10 02:00", &a));
	assert_true(verify_parse_time("2026-11-10T05:10", &b));
	assert_true(verify_minutes_between(&a, &b, &m));
	assert_int_equal(m, 190);
	assert_false(verify_minutes_between(&b, &a, &m));
	/* Across a month end. */
	assert_true(verify_parse_time("2026-11-30 23:50", &a));
	assert_true(verify_parse_time("2026-12-01 00:20", &b));
	assert_true(verify_minutes_between(&a, &b, &m));
	assert_int_equal(m, 30);
	b = verify_time_add(&a, 1450);
	verify_format_time(&b, out, sizeof out);
	assert_string_equal(out, "2026-12-02 00:00");
	assert_true(verify_parse_time("2026-11-10", &a));
	verify_format_time(&a, out, sizeof out);
	assert_string_equal(out, "2026-11-10 00:00");
	assert_false(verify_parse_time("2026-11-10 24:00", &a));
	assert_false(verify_parse_time("2026-11-10 2:00", &a));
	assert_false(verify_parse_time("2026-02-30 10:00", &a));
	assert_false(verify_parse_time("2026-11-10 10:60", &a));
	assert_false(verify_parse_time("", &a));
}

static void test_judgement(void **state)
{
	target_judgement j;
	(void)state;
	/* Restored in 3 h 10 min against an RTO of 2 h: missed by 1 h 10 min. */
	j = verify_judge(190, 120);
	assert_int_equal(j.verdict, TARGET_MISSED);
	assert_int_equal(j.by, 70);
	j = verify_judge(120, 120);
	assert_int_equal(j.verdict, TARGET_MET);
	assert_int_equal(j.by, 0);
	assert_int_equal(verify_judge(BIA_UNSET, 120).verdict, TARGET_NO_MEASURE);
	assert_int_equal(verify_judge(30, BIA_UNSET).verdict, TARGET_NO_TARGET);
}

static verify_entry entry(const char *system, verify_kind k, verify_result r,
			  const char *started)
{
	verify_entry e;
	memset(&e, 0, sizeof e);
	snprintf(e.system, sizeof e.system, "%s", system);
	e.kind = k;
	e.result = r;
	assert_true(verify_parse_time(started, &e.started));
	e.rta = e.rpa = BIA_UNSET;
	e.completeness = -1;
	return e;
}

static void test_freshness(void **state)
{
	freshness f;
	date today = {2026, 11, 25};
	verify_entry v[] = {
		entry("CRM", VERIFY_RESTORE, VERIFY_PASS, "2026-10-21 10:00"),
		entry("CRM", VERIFY_CHECK, VERIFY_FAIL, "2026-11-24 02:00"),
		entry("ERP", VERIFY_RESTORE, VERIFY_PASS, "2026-11-01 10:00"),
		entry("ERP", VERIFY_DRILL, VERIFY_PARTIAL, "2026-11-20 09:00"),
	};
	(void)state;

	/* 35 days after 21 October is 25 November: not yet stale. */
	verify_freshness(v, 4, "CRM", today, 35, &f);
	assert_int_equal(f.state, FRESH_OK);
	assert_int_equal(f.days, 35);
	assert_ptr_equal(f.last, &v[0]);
	assert_false(verify_stands_out(&f));
	verify_freshness(v, 4, "CRM", (date){2026, 11, 26}, 35, &f);
	assert_int_equal(f.state, FRESH_STALE);
	assert_int_equal(f.days, 36);
	assert_true(verify_stands_out(&f));
	/* An automated check proves no restore; the last drill was partial. */
	verify_freshness(v, 4, "ERP", today, 35, &f);
	assert_int_equal(f.state, FRESH_FAILED);
	assert_ptr_equal(f.last, &v[3]);
	assert_int_equal(f.days, 5);
	verify_freshness(v, 4, "BI", today, 35, &f);
	assert_int_equal(f.state, FRESH_NEVER);
	assert_null(f.last);
	assert_true(verify_stands_out(&f));
}

static void test_entry_checks(void **state)
{
	verify_entry e = entry("CRM", VERIFY_RESTORE, VERIFY_PASS, "2026-11-10 02:00");
	(void)state;
	assert_int_equal(verify_check_entry(&e), VERIFY_OK);
	e.has_ended = true;
	assert_true(verify_parse_time("2026-11-10 01:59", &e.ended));
	assert_int_equal(verify_check_entry(&e), VERIFY_END_BEFORE_START);
	e.has_ended = false;
	e.completeness = 1001;
	assert_int_equal(verify_check_entry(&e), VERIFY_COMPLETENESS_RANGE);
	e.completeness = 1000;
	e.rta = BIA_MAX_MINUTES + 1;
	assert_int_equal(verify_check_entry(&e), VERIFY_MINUTES_RANGE);
	e.rta = 40;
	snprintf(e.system, sizeof e.system, "   ");
	assert_int_equal(verify_check_entry(&e), VERIFY_NO_SYSTEM);
}

static void test_keys(void **state)
{
	verify_kind k;
	verify_result r;
	backup_medium m;
	(void)state;
	assert_true(verify_parse_kind("restore", &k));
	assert_int_equal(k, VERIFY_RESTORE);
	assert_false(verify_parse_kind("Restore", &k));
	assert_true(verify_parse_result("partial", &r));
	assert_int_equal(r, VERIFY_PARTIAL);
	assert_string_equal(verify_result_key(VERIFY_FAIL), "fail");
	assert_true(backup_parse_medium("cloud", &m));
	assert_int_equal(m, MEDIUM_CLOUD);
	assert_null(backup_medium_key((backup_medium)BACKUP_MEDIA));
}

/* The sentences, in both languages. */
static void test_texts(void **state)
{
	char t[512];
	backup_321 r;
	freshness f;
	date today = {2026, 11, 25};
	backup_copy disks[] = {copy(MEDIUM_LOCAL_DISK, false),
			       copy(MEDIUM_LOCAL_DISK, false)};
	backup_plan daily = plan(7 * 1440, 1440, false);
	verify_entry v[] = {
		entry("CRM", VERIFY_RESTORE, VERIFY_PASS, "2026-10-09 10:00"),
	};
	(void)state;

	msg_set_lang(LANG_EN);
	backup_check_321(disks, 2, &r);
	backup_321_text(&r, t, sizeof t);
	assert_string_equal(t, "the backups are all on local disk: a second kind of"
			       " medium is needed; no copy off site");
	backup_check_321(disks, 1, &r);
	backup_321_text(&r, t, sizeof t);
	assert_string_equal(t, "2 copies of 3 (production counts as one); the backups"
			       " are all on local disk: a second kind of medium is"
			       " needed; no copy off site");
	backup_interval_text(&daily, 240, t, sizeof t);
	assert_string_equal(t, "a backup every 24 h loses up to 24 h of data: the RPO"
			       " 4 h is not met");
	verify_judgement_text("RTA", "RTO", 190, 120, t, sizeof t);
	assert_string_equal(t, "RTA 3 h 10 min, RTO 2 h: missed by 1 h 10 min");
	verify_judgement_text("RTA", "RTO", 40, 120, t, sizeof t);
	assert_string_equal(t, "RTA 40 min, RTO 2 h: met");
	verify_freshness(v, 1, "CRM", today, 35, &f);
	verify_freshness_text(&f, t, sizeof t);
	assert_string_equal(t, "not restore-tested for 47 days (since 2026-10-09)");
	verify_freshness(v, 1, "CRM", (date){2026, 10, 9}, 35, &f);
	verify_freshness_text(&f, t, sizeof t);
	assert_string_equal(t, "restore-tested today (2026-10-09)");
	verify_freshness(v, 1, "CRM", (date){2026, 10, 10}, 35, &f);
	verify_freshness_text(&f, t, sizeof t);
	assert_string_equal(t, "restore-tested yesterday (2026-10-09)");
	verify_freshness(v, 1, "CRM", (date){2026, 10, 11}, 0, &f);
	verify_freshness_text(&f, t, sizeof t);
	assert_string_equal(t, "not restore-tested for 2 days (since 2026-10-09)");
	backup_check_321(disks, 0, &r);
	backup_321_text(&r, t, sizeof t);
	assert_string_equal(t, "no backup copy recorded: 3-2-1 needs 2 backups on 2"
			       " kinds of medium, 1 of them off site");
	verify_freshness(v, 1, "CRM", today, 35, &f);
	verify_completeness_text(995, t, sizeof t);
	assert_string_equal(t, "99.5 %");

	msg_set_lang(LANG_ZH);
	backup_check_321(disks, 1, &r);
	backup_321_text(&r, t, sizeof t);
	assert_string_equal(t, "仅2份副本，应有3份（生产数据算1份）；备份均存于本地硬盘："
			       "还需第二种介质；没有异地副本");
	backup_interval_text(&daily, 240, t, sizeof t);
	assert_string_equal(t, "每24小时备份一次，最多丢失24小时的数据：达不到RPO 4小时");
	verify_judgement_text("RTA", "RTO", 190, 120, t, sizeof t);
	assert_string_equal(t, "RTA 3小时10分钟，RTO 2小时：超出1小时10分钟");
	verify_freshness_text(&f, t, sizeof t);
	assert_string_equal(t, "已有47天未做恢复测试（上次2026-10-09）");
	msg_set_lang(LANG_EN);
}

/* The view's judgement of each system, the home line it makes and the
 * text chart's bars. */
static verify_entry timed(const char *system, verify_kind k, verify_result r,
			  const char *started, int64_t rta)
{
	verify_entry e = entry(system, k, r, started);
	e.rta = rta;
	return e;
}

static void test_view_summary(void **state)
{
	system_backup sys[4];
	verify_entry ledger[4];
	verify_view v;
	char t[256];
	(void)state;

	msg_set_lang(LANG_EN);
	memset(&v, 0, sizeof v);
	memset(sys, 0, sizeof sys);
	for (int i = 0; i < 4; i++) {
		snprintf(sys[i].system, sizeof sys[i].system, "S%d", i);
		sys[i].system_id = i + 1;
		sys[i].plan.full_every = sys[i].plan.incr_every = BIA_UNSET;
	}
	v.backups.v = sys;
	v.backups.n = 4;
	v.stale_days = 35;
	assert_true(verify_view_judge(&v, NULL, (date){2026, 11, 25}));
	assert_int_equal(v.n_never, 4);
	verify_view_summary_text(&v, t, sizeof t);
	assert_string_equal(t, "4 systems never restore-tested");

	/* S0 fresh, S1 tested 36 days ago (stale), S2 failed, S3 never. */
	ledger[0] = timed("S0", VERIFY_RESTORE, VERIFY_PASS, "2026-11-20 09:00", 40);
	ledger[1] = timed("S1", VERIFY_RESTORE, VERIFY_PASS, "2026-10-20 09:00", 40);
	ledger[2] = timed("S2", VERIFY_DRILL, VERIFY_FAIL, "2026-11-01 09:00", 400);
	ledger[3] = timed("S3", VERIFY_CHECK, VERIFY_PASS, "2026-11-24 02:00", BIA_UNSET);
	v.entries = ledger;
	v.n_entries = 4;
	assert_true(verify_view_judge(&v, NULL, (date){2026, 11, 25}));
	assert_int_equal(v.systems[0].fresh.state, FRESH_OK);
	assert_false(v.systems[0].stands_out);
	assert_int_equal(v.systems[1].fresh.state, FRESH_STALE);
	assert_int_equal(v.systems[1].fresh.days, 36);
	assert_true(v.systems[2].stands_out);
	assert_int_equal(v.systems[3].fresh.state, FRESH_NEVER);
	assert_int_equal(v.systems[3].interval, INTERVAL_NO_PLAN);
	assert_int_equal(v.systems[3].r321.missing, B321_COPIES | B321_MEDIA | B321_OFFSITE);
	verify_view_summary_text(&v, t, sizeof t);
	assert_string_equal(t, "1 system never restore-tested · 1 stale · 1 last test failed");
	assert_int_equal(verify_view_named(&v, "S2"), 2);
	assert_int_equal(verify_view_named(&v, "S9"), BIA_NO_INDEX);
	assert_int_equal(verify_view_system(&v, 4), 3);
	msg_set_lang(LANG_ZH);
	verify_view_summary_text(&v, t, sizeof t);
	assert_string_equal(t, "1个系统从未做过恢复测试 · 1个系统恢复测试已过期 · 1个系统上次测试未通过");

	/* All fresh. */
	msg_set_lang(LANG_EN);
	v.n_entries = 1;
	v.backups.n = 1;
	assert_true(verify_view_judge(&v, NULL, (date){2026, 11, 25}));
	verify_view_summary_text(&v, t, sizeof t);
	assert_string_equal(t, "every system restore-tested within 35 days");
	v.backups.n = 0;
	verify_view_summary_text(&v, t, sizeof t);
	assert_string_equal(t, "no systems yet");
	free(v.systems);

	/* Chart: S2's scale is its longest RTA, 400, over an RTO of 120. */
	assert_int_equal(verify_chart_scale(ledger, 4, "S2", 120), 400);
	assert_int_equal(verify_chart_scale(ledger, 4, "S0", 120), 120);
	assert_int_equal(verify_chart_scale(ledger, 4, "S3", BIA_UNSET), 1);
	assert_int_equal(verify_bar_cells(120, 400, 40), 12);
	assert_int_equal(verify_bar_cells(400, 400, 40), 40);
	assert_int_equal(verify_bar_cells(1, 400, 40), 1);
	assert_int_equal(verify_bar_cells(0, 400, 40), 0);
	assert_int_equal(verify_bar_cells(BIA_UNSET, 400, 40), 0);
	assert_int_equal(verify_bar_cells(500, 400, 40), 40);
	assert_int_equal(verify_bar_cells(15, 400, 40), 2); /* 1.5 rounds up */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_321),
		cmocka_unit_test(test_interval_against_rpo),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_judgement),
		cmocka_unit_test(test_freshness),
		cmocka_unit_test(test_entry_checks),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_view_summary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
