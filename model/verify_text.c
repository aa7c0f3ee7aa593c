#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/bia_text.h"
#include "model/money.h"
#include "model/msg.h"
#include "model/verify_text.h"

const char *verify_kind_text(verify_kind k)
{
	static const msg_id t[VERIFY_KINDS] = {VERIFY_KIND_CHECK, VERIFY_KIND_RESTORE,
					       VERIFY_KIND_DRILL,
					       VERIFY_KIND_INCIDENT};
	return (unsigned)k < VERIFY_KINDS ? msg(t[k]) : "?";
}

const char *verify_result_text(verify_result r)
{
	static const msg_id t[VERIFY_RESULTS] = {VERIFY_RESULT_PASS,
						 VERIFY_RESULT_FAIL,
						 VERIFY_RESULT_PARTIAL};
	return (unsigned)r < VERIFY_RESULTS ? msg(t[r]) : "?";
}

const char *backup_medium_text(backup_medium m)
{
	static const msg_id t[BACKUP_MEDIA] = {MEDIUM_T_LOCAL_DISK, MEDIUM_T_NAS,
					       MEDIUM_T_TAPE, MEDIUM_T_CLOUD,
					       MEDIUM_T_OPTICAL, MEDIUM_T_OTHER};
	return (unsigned)m < BACKUP_MEDIA ? msg(t[m]) : "?";
}

/* Appends a clause to out, "; " apart from what is there. */
static void clause(char *out, size_t len, const char *text)
{
	size_t used = strlen(out);
	if (used < len)
		snprintf(out + used, len - used, "%s%s", used ? msg(BIAT_CLAUSE_SEP) : "",
			 text);
}

void backup_321_text(const backup_321 *r, char *out, size_t len)
{
	char t[256];
	if (!len)
		return;
	out[0] = '\0';
	if (!r->missing) {
		snprintf(out, len, msg(V321_MET_FMT), r->copies, r->media, r->offsite);
		return;
	}
	if (r->copies <= 1) {
		snprintf(out, len, "%s", msg(V321_NO_COPY));
		return;
	}
	if (r->missing & B321_COPIES) {
		snprintf(t, sizeof t, msg(V321_COPIES_FMT), r->copies);
		clause(out, len, t);
	}
	if (r->missing & B321_MEDIA) {
		/* With a backup there is a medium: only one of them. */
		snprintf(t, sizeof t, msg(V321_ONE_MEDIUM_FMT),
			 backup_medium_text(r->only));
		clause(out, len, t);
	}
	if (r->missing & B321_OFFSITE)
		clause(out, len, msg(V321_NO_OFFSITE));
}

void backup_interval_text(const backup_plan *p, int64_t rpo, char *out,
			  size_t len)
{
	char loss[64], target[64];
	int64_t worst = backup_worst_loss(p);
	bia_minutes_format(worst, loss, sizeof loss);
	bia_minutes_format(rpo, target, sizeof target);
	switch (backup_check_interval(p, rpo)) {
	case INTERVAL_NO_PLAN:
		snprintf(out, len, "%s", msg(VINT_NO_PLAN));
		return;
	case INTERVAL_NO_RPO:
		snprintf(out, len, "%s", msg(VINT_NO_RPO));
		return;
	case INTERVAL_MEETS:
		if (worst == 0)
			snprintf(out, len, msg(VINT_REALTIME_FMT), target);
		else
			snprintf(out, len, msg(VINT_MEETS_FMT), loss, target);
		return;
	case INTERVAL_TOO_LONG:
		snprintf(out, len, msg(VINT_TOO_LONG_FMT), loss, loss, target);
		return;
	}
	snprintf(out, len, "?");
}

void verify_judgement_text(const char *what, const char *target,
			   int64_t measured, int64_t target_minutes,
			   char *out, size_t len)
{
	char m[64], t[64], by[64];
	target_judgement j = verify_judge(measured, target_minutes);
	bia_minutes_format(measured, m, sizeof m);
	bia_minutes_format(target_minutes, t, sizeof t);
	bia_minutes_format(j.by, by, sizeof by);
	switch (j.verdict) {
	case TARGET_NO_MEASURE:
		snprintf(out, len, msg(VJ_NO_MEASURE_FMT), what);
		return;
	case TARGET_NO_TARGET:
		snprintf(out, len, msg(VJ_NO_TARGET_FMT), what, m, target);
		return;
	case TARGET_MET:
		snprintf(out, len, msg(VJ_MET_FMT), what, m, target, t);
		return;
	case TARGET_MISSED:
		snprintf(out, len, msg(VJ_MISSED_FMT), what, m, target, t, by);
		return;
	}
	snprintf(out, len, "?");
}

void verify_freshness_text(const freshness *f, char *out, size_t len)
{
	char day[16] = "";
	if (f->last)
		date_format(f->last->started.day, day, sizeof day);
	switch (f->state) {
	case FRESH_NEVER:
		snprintf(out, len, "%s", msg(VF_NEVER));
		return;
	case FRESH_OK:
		if (f->days <= 1)
			snprintf(out, len, msg(f->days <= 0 ? VF_TODAY_FMT : VF_YESTERDAY_FMT),
				 day);
		else
			snprintf(out, len, msg(VF_OK_FMT), f->days, day);
		return;
	case FRESH_STALE:
		snprintf(out, len, msg(f->days == 1 ? VF_STALE_ONE_FMT : VF_STALE_FMT),
			 f->days, day);
		return;
	case FRESH_FAILED:
		snprintf(out, len, msg(f->last->result == VERIFY_PARTIAL
					       ? VF_PARTIAL_FMT
					       : VF_FAILED_FMT),
			 day);
		return;
	}
	snprintf(out, len, "?");
}

void verify_completeness_text(int tenths, char *out, size_t len)
{
	char n[32];
	if (tenths < 0) {
		snprintf(out, len, "—");
		return;
	}
	num_format_trim(tenths, 1, n, sizeof n);
	snprintf(out, len, "%s %%", n);
}
