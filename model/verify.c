#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/verify.h"

static const char *const medium_keys[BACKUP_MEDIA] = {
	"local_disk", "nas", "tape", "cloud", "optical", "other"};
static const char *const kind_keys[VERIFY_KINDS] = {"check", "restore", "drill",
							 "incident"};
static const char *const result_keys[VERIFY_RESULTS] = {"pass", "fail",
							 "partial"};

/* The index of s among n keys, or -1. */
static int key_index(const char *const *keys, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(keys[i], s) == 0)
			return i;
	return -1;
}

const char *backup_medium_key(backup_medium m)
{
	return (unsigned)m < BACKUP_MEDIA ? medium_keys[m] : NULL;
}

bool backup_parse_medium(const char *s, backup_medium *out)
{
	int i = key_index(medium_keys, BACKUP_MEDIA, s);
	if (i >= 0)
		*out = (backup_medium)i;
	return i >= 0;
}

const char *verify_kind_key(verify_kind k)
{
	return (unsigned)k < VERIFY_KINDS ? kind_keys[k] : NULL;
}

bool verify_parse_kind(const char *s, verify_kind *out)
{
	int i = key_index(kind_keys, VERIFY_KINDS, s);
	if (i >= 0)
		*out = (verify_kind)i;
	return i >= 0;
}

const char *verify_result_key(verify_result r)
{
	return (unsigned)r < VERIFY_RESULTS ? result_keys[r] : NULL;
}

bool verify_parse_result(const char *s, verify_result *out)
{
	int i = key_index(result_keys, VERIFY_RESULTS, s);
	if (i >= 0)
		*out = (verify_result)i;
	return i >= 0;
}

void backup_check_321(const backup_copy *copies, size_t n, backup_321 *out)
{
	bool seen[BACKUP_MEDIA] = {false};

	memset(out, 0, sizeof *out);
	out->copies = n + 1;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned)copies[i].medium < BACKUP_MEDIA &&
		    !seen[copies[i].medium]) {
			seen[copies[i].medium] = true;
			out->media++;
			out->only = copies[i].medium;
		}
		out->offsite += copies[i].offsite;
	}
	if (out->copies < 3)
		out->missing |= B321_COPIES;
	if (out->media < 2)
		out->missing |= B321_MEDIA;
	if (out->offsite < 1)
		out->missing |= B321_OFFSITE;
}

int64_t backup_worst_loss(const backup_plan *p)
{
	int64_t best = BIA_UNSET;
	if (p->realtime)
		return 0;
	if (p->full_every > 0)
		best = p->full_every;
	if (p->incr_every > 0 && (best < 0 || p->incr_every < best))
		best = p->incr_every;
	return best;
}

interval_verdict backup_check_interval(const backup_plan *p, int64_t rpo)
{
	int64_t loss = backup_worst_loss(p);
	if (loss < 0)
		return INTERVAL_NO_PLAN;
	if (rpo < 0)
		return INTERVAL_NO_RPO;
	return loss <= rpo ? INTERVAL_MEETS : INTERVAL_TOO_LONG;
}

/* n digits at s as a number; false when one is not a digit. */
static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool verify_parse_time(const char *s, verify_time *out)
{
	char day[11];
	verify_time t = {{0, 0, 0}, 0, 0};
	size_t len = strlen(s);

	if (len != 10 && len != 16)
		return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!date_parse(day, &t.day))
		return false;
	if (len == 16) {
		if ((s[10] != ' ' && s[10] != 'T') || s[13] != ':' ||
		    !digits(s + 11, 2, &t.hour) || !digits(s + 14, 2, &t.minute) ||
		    t.hour > 23 || t.minute > 59)
			return false;
	}
	*out = t;
	return true;
}

void verify_format_time(const verify_time *t, char *out, size_t len)
{
	char day[16];
	date_format(t->day, day, sizeof day);
	snprintf(out, len, "%s %02d:%02d", day, t->hour % 100, t->minute % 100);
}

static int64_t minute_of(const verify_time *t)
{
	return (int64_t)date_to_days(t->day) * 1440 + t->hour * 60 + t->minute;
}

verify_time verify_time_add(const verify_time *t, int64_t minutes)
{
	int64_t m = minute_of(t) + (minutes > 0 ? minutes : 0);
	verify_time r;
	r.day = date_from_days((long)(m / 1440));
	r.hour = (int)(m % 1440 / 60);
	r.minute = (int)(m % 60);
	return r;
}

int verify_time_cmp(const verify_time *a, const verify_time *b)
{
	int64_t x = minute_of(a), y = minute_of(b);
	return x < y ? -1 : x > y;
}

bool verify_minutes_between(const verify_time *a, const verify_time *b,
			    int64_t *minutes)
{
	int64_t d = minute_of(b) - minute_of(a);
	if (d < 0 || d > BIA_MAX_MINUTES)
		return false;
	*minutes = d;
	return true;
}

static bool minutes_ok(int64_t m)
{
	return m == BIA_UNSET || (m >= 0 && m <= BIA_MAX_MINUTES);
}

verify_problem verify_check_entry(const verify_entry *e)
{
	if (!e->system[strspn(e->system, " ")])
		return VERIFY_NO_SYSTEM;
	if (e->has_ended && verify_time_cmp(&e->ended, &e->started) < 0)
		return VERIFY_END_BEFORE_START;
	if (!minutes_ok(e->rta) || !minutes_ok(e->rpa))
		return VERIFY_MINUTES_RANGE;
	if (e->completeness < -1 || e->completeness > 1000)
		return VERIFY_COMPLETENESS_RANGE;
	if (text_length(e->system) > BIA_NAME_MAX ||
	    text_length(e->note) > VERIFY_NOTE_MAX ||
	    text_length(e->link) > VERIFY_LINK_MAX)
		return VERIFY_TOO_LONG;
	return VERIFY_OK;
}

target_judgement verify_judge(int64_t measured, int64_t target)
{
	target_judgement j = {TARGET_MET, 0};
	if (measured < 0)
		j.verdict = TARGET_NO_MEASURE;
	else if (target < 0)
		j.verdict = TARGET_NO_TARGET;
	else if (measured > target) {
		j.verdict = TARGET_MISSED;
		j.by = measured - target;
	}
	return j;
}

void verify_freshness(const verify_entry *entries, size_t n,
		      const char *system, date today, int stale_days,
		      freshness *out)
{
	memset(out, 0, sizeof *out);
	out->state = FRESH_NEVER;
	for (size_t i = 0; i < n; i++) {
		const verify_entry *e = &entries[i];
		if (e->kind == VERIFY_CHECK || strcmp(e->system, system) != 0)
			continue;
		if (!out->last || verify_time_cmp(&e->started, &out->last->started) > 0)
			out->last = e;
	}
	if (!out->last)
		return;
	out->days = date_to_days(today) - date_to_days(out->last->started.day);
	if (out->last->result != VERIFY_PASS)
		out->state = FRESH_FAILED;
	else if (out->days > stale_days)
		out->state = FRESH_STALE;
	else
		out->state = FRESH_OK;
}

bool verify_stands_out(const freshness *f)
{
	return f->state != FRESH_OK;
}
