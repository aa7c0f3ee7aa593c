#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/audit_text.h"
#include "model/bia_text.h"
#include "model/store_bia.h"
#include "model/verify_text.h"
#include "model/explain.h"
#include "model/invest.h"
#include "model/money.h"
#include "model/msg.h"
#include "model/programme.h"
#include "model/roi.h"

/* The investment field stored under key, or SC__COUNT. */
static sc_field invest_field_of(const char *key)
{
	for (int f = 0; f < SC__COUNT; f++)
		if (strcmp(key, invest_field_key((sc_field)f)) == 0)
			return (sc_field)f;
	return SC__COUNT;
}

audit_kind audit_value_kind(const char *entity, const char *field,
			    const char *key)
{
	sc_field f;

	if (strcmp(field, "state") == 0)
		return AV_ITEM_STATE;
	if (strcmp(field, "answer") == 0)
		return AV_ANSWER;
	if (strcmp(entity, "assessment") == 0 &&
	    (strcmp(field, "status") == 0 || strcmp(field, "created") == 0 ||
	     strcmp(field, "removed") == 0))
		return AV_YEAR_STATUS;
	if (strcmp(entity, "task") == 0 && strcmp(field, "status") == 0)
		return AV_TASK_STATUS;
	if (strcmp(entity, "invest") == 0 && strcmp(field, "class") == 0)
		return AV_CLASS;
	if ((strcmp(entity, "task") == 0 || strcmp(entity, "duty") == 0 ||
	     strcmp(entity, "roi") == 0) &&
	    strcmp(field, "item") == 0)
		return AV_ITEM_KEY;
	if (strcmp(entity, "duty") == 0 && strcmp(field, "anchor") == 0)
		return AV_ANCHOR;
	if (strcmp(entity, "duty") == 0 && strcmp(field, "day") == 0)
		return AV_DUTY_DAY;
	if (strcmp(entity, "roi") == 0 && strcmp(field, "incidents") == 0)
		return AV_DECIMAL;
	if (strcmp(field, "valid_months") == 0 ||
	    strcmp(field, "validity_months") == 0)
		return AV_MONTHS;
	if (strncmp(entity, "bia_", 4) == 0) {
		if (strcmp(field, "mtd") == 0 || strcmp(field, "rto") == 0 ||
		    strcmp(field, "rpo") == 0 || strcmp(field, "minutes") == 0)
			return AV_MINUTES;
		if (strcmp(field, "critical") == 0 || strcmp(field, "linked") == 0)
			return AV_YES_NO;
		if (strcmp(field, "importance") == 0)
			return AV_BIA_RATING;
		if (strcmp(field, "row") == 0)
			return AV_BIA_ROW;
	}
	if (strcmp(entity, "contingency") == 0 &&
	    (strcmp(field, "outage") == 0 || strcmp(field, "backentry") == 0))
		return AV_MINUTES;
	if (strcmp(entity, "verify") == 0)
		return AV_LEDGER;
	if (strcmp(entity, "unit") == 0 && strcmp(field, "archived") == 0)
		return AV_YES_NO;
	if (strcmp(entity, "backup") == 0 && strcmp(field, "copy") == 0)
		return AV_BACKUP_COPY;
	if (strcmp(entity, "contact") == 0 && strcmp(field, "confirmed") != 0)
		return AV_CONTACT;
	if (strcmp(entity, "param") == 0 && strcmp(key, BIA_PARAM_INTOLERABLE) == 0)
		return AV_BIA_RATING;
	if (strcmp(entity, "param") == 0 && strcmp(key, BIA_PARAM_MARGIN) == 0)
		return AV_PERMILLE;
	if (strcmp(entity, "param") == 0 &&
	    strcmp(key, BIA_PARAM_REVIEW_MONTHS) == 0)
		return AV_MONTHS;
	if (strcmp(entity, "param") != 0)
		return AV_TEXT;
	if (strcmp(key, ROI_PARAM_RATE) == 0)
		return AV_PERCENT_BP;
	if ((f = invest_field_of(key)) == SC__COUNT)
		return AV_TEXT;
	switch (invest_field_type(f)) {
	case SCF_MONEY: return AV_MONEY;
	case SCF_PERCENT: return AV_PERCENT;
	case SCF_YEARS:
	case SCF_MINUTES: break;
	}
	return AV_TEXT;
}

/* A whole number as stored; false when v is not one. */
static bool whole(const char *v, int64_t *out)
{
	char *end;
	long long n;
	if (!*v)
		return false;
	n = strtoll(v, &end, 10);
	if (*end)
		return false;
	*out = (int64_t)n;
	return true;
}

/* "NAME Llow-high AMOUNT" as "NAME, DR level low-high, amount", or with
 * name NULL "DR level low-high, amount"; name (if not NULL) receives the
 * name's length in bytes. */
static bool class_text(const char *v, int *name, char *out, size_t outlen)
{
	const char *amount = strrchr(v, ' '), *levels;
	int64_t hundredths;
	int lo, hi, used = 0;
	char amt[32];

	if (!amount || amount == v || !whole(amount + 1, &hundredths))
		return false;
	for (levels = amount - 1; levels > v && *levels != ' '; levels--)
		;
	if (levels == v ||
	    sscanf(levels, " L%d-%d%n", &lo, &hi, &used) != 2 ||
	    levels + used != amount)
		return false;
	money_format(hundredths, amt, sizeof amt);
	if (name)
		*name = (int)(levels - v);
	if (out && name)
		snprintf(out, outlen, msg(AUDV_CLASS_FMT), *name, v, lo, hi, amt);
	else if (out)
		snprintf(out, outlen, msg(AUDV_LEVELS_FMT), lo, hi, amt);
	return true;
}

/* A ledger entry as the store logs it, in words: "restore test, pass,
 * 2026-10-10 09:00, RTA 2 h 45 min, RPA 1 h". */
static bool ledger_text(const char *value, char *out, size_t outlen)
{
	char kind[16], result[16], day[16], time[8], rta[64], rpa[64];
	long long a, b;
	verify_kind k;
	verify_result r;
	if (sscanf(value, "%15s %15s %15s %7s rta=%lld rpa=%lld", kind, result, day,
		   time, &a, &b) != 6 ||
	    !verify_parse_kind(kind, &k) || !verify_parse_result(result, &r))
		return false;
	bia_minutes_format(a, rta, sizeof rta);
	bia_minutes_format(b, rpa, sizeof rpa);
	snprintf(out, outlen, msg(AUDV_LEDGER_FMT), verify_kind_text(k),
		 verify_result_text(r), day, time, rta, rpa);
	return true;
}

/* A contact as the store logs it (model/store_response.c), in words:
 * "张三, 139-xxxx-xxxx, alternate 赵六 136-xxxx-xxxx, order 1, levels
 * I-IV, example". */
static bool contact_text(const char *value, char *out, size_t outlen)
{
	char f[5][512], tail[32] = "", levels[16] = "", alt[600] = "";
	const char *p = value;
	int rank, n = 0;

	for (int i = 0; i < 5; i++) {
		const char *bar = i < 4 ? strstr(p, " | ") : NULL;
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (i < 4 && !bar)
			return false;
		snprintf(f[i], sizeof f[i], "%.*s", (int)len, p);
		p = bar ? bar + 3 : p + len;
	}
	if (sscanf(f[4], "%d %15s%n", &rank, levels, &n) != 2)
		return false;
	snprintf(tail, sizeof tail, "%s", f[4] + n);
	if (f[3][0])
		snprintf(alt, sizeof alt, msg(AUDV_CONTACT_ALT_FMT), f[3]);
	snprintf(out, outlen, msg(AUDV_CONTACT_FMT), f[1], text_trim(f[2]), alt,
		 rank, levels, strstr(tail, "example") ? msg(AUDV_CONTACT_EXAMPLE) : "");
	return true;
}

/* A backup copy as logged: "NAS in room 2, NAS, on site". */
static bool copy_text(const char *value, char *out, size_t outlen)
{
	const char *a = strstr(value, " | "), *b = a ? strstr(a + 3, " | ") : NULL;
	char medium[32];
	backup_medium m;
	if (!a || !b || (size_t)(b - a - 3) >= sizeof medium)
		return false;
	snprintf(medium, sizeof medium, "%.*s", (int)(b - a - 3), a + 3);
	if (!backup_parse_medium(medium, &m))
		return false;
	snprintf(out, outlen, msg(AUDV_COPY_FMT), (int)(a - value), value,
		 backup_medium_text(m),
		 msg(strcmp(b + 3, "offsite") == 0 ? AUDV_OFFSITE : AUDV_ONSITE));
	return true;
}

/* "15 60 240" as "15 min, 1 h, 4 h"; a word that is no number as it is. */
static void minutes_list_text(const char *value, char *out, size_t outlen)
{
	size_t used = 0;
	char word[32], one[64];

	out[0] = '\0';
	while (*value) {
		size_t n = strcspn(value, " ");
		int64_t m;
		snprintf(word, sizeof word, "%.*s", (int)n, value);
		if (whole(word, &m))
			bia_minutes_format(m, one, sizeof one);
		else
			snprintf(one, sizeof one, "%s", word);
		if (n && used < outlen)
			used += (size_t)snprintf(out + used, outlen - used, "%s%s",
						 used ? msg(BIAT_LIST_SEP) : "", one);
		value += n;
		value += strspn(value, " ");
	}
}

void audit_value_text(audit_kind k, const char *value, char *out,
		      size_t outlen)
{
	static const msg_id status_text[] = {TASK_NOT_STARTED_TXT,
					     TASK_IN_PROGRESS_TXT, TASK_DONE_TXT,
					     TASK_BLOCKED_TXT};
	item_state st;
	crit_answer an;
	task_status ts;
	int64_t n;
	char num[32];

	if (!value || !*value) {
		snprintf(out, outlen, "—");
		return;
	}
	switch (k) {
	case AV_TEXT:
	case AV_ITEM_KEY:
	case AV_BIA_RATING:
	case AV_BIA_ROW:
		break;
	case AV_MINUTES:
		minutes_list_text(value, out, outlen);
		return;
	case AV_LEDGER:
		if (ledger_text(value, out, outlen))
			return;
		break;
	case AV_BACKUP_COPY:
		if (copy_text(value, out, outlen))
			return;
		break;
	case AV_CONTACT:
		if (contact_text(value, out, outlen))
			return;
		break;
	case AV_YES_NO:
		if (strcmp(value, "1") != 0 && strcmp(value, "0") != 0)
			break;
		snprintf(out, outlen, "%s", msg(value[0] == '1' ? AUDV_YES : AUDV_NO));
		return;
	case AV_PERMILLE:
		if (!whole(value, &n))
			break;
		num_format_trim(n, 1, num, sizeof num);
		snprintf(out, outlen, "%s %%", num);
		return;
	case AV_ANCHOR:
		if (strcmp(value, "schedule") == 0)
			snprintf(out, outlen, "%s", msg(DF_ANCHOR_SCHEDULE));
		else if (strcmp(value, "completion") == 0)
			snprintf(out, outlen, "%s", msg(DF_ANCHOR_COMPLETION));
		else
			break;
		return;
	case AV_DUTY_DAY:
		if (!whole(value, &n))
			break;
		if (n == 0)
			snprintf(out, outlen, "%s", msg(AUDV_LAST_WORKING_DAY));
		else
			snprintf(out, outlen, "%" PRId64, n);
		return;
	case AV_MONEY:
		if (!whole(value, &n))
			break;
		money_format(n, out, outlen);
		return;
	case AV_PERCENT_BP:
		if (!whole(value, &n))
			break;
		num_format(n, 2, num, sizeof num);
		snprintf(out, outlen, "%s %%", num);
		return;
	case AV_PERCENT:
		if (!whole(value, &n))
			break;
		snprintf(out, outlen, "%" PRId64 " %%", n);
		return;
	case AV_DECIMAL:
		if (num_parse(value, 3, false, INT64_MAX / 1000, &n) != NUM_OK)
			break;
		num_format_trim(n, 3, out, outlen);
		return;
	case AV_MONTHS:
		if (!whole(value, &n))
			break;
		snprintf(out, outlen, msg(AUDV_MONTHS_FMT), (int)n);
		return;
	case AV_ITEM_STATE:
		if (!checklist_parse_state(value, &st))
			break;
		snprintf(out, outlen, "%s", explain_state(st));
		return;
	case AV_ANSWER:
		if (!scoring_parse_answer(value, &an))
			break;
		snprintf(out, outlen, "%s", explain_answer(an));
		return;
	case AV_YEAR_STATUS:
		if (strcmp(value, "draft") != 0 && strcmp(value, "final") != 0)
			break;
		snprintf(out, outlen, "%s",
			 msg(strcmp(value, "final") == 0 ? ASSESS_TEXT_FINAL
							 : ASSESS_TEXT_DRAFT));
		return;
	case AV_TASK_STATUS:
		if (!task_parse_status(value, &ts))
			break;
		snprintf(out, outlen, "%s", msg(status_text[ts]));
		return;
	case AV_CLASS: {
		int name;
		if (class_text(value, &name, out, outlen))
			return;
		break;
	}
	}
	snprintf(out, outlen, "%.*s", (int)strcspn(value, "\n"), value);
}

const char *audit_field_text(const char *entity, const char *field)
{
	static const struct {
		const char *entity; /* NULL: any other */
		const char *field;
		msg_id text;
	} fields[] = {
		{"evidence", "added", AUDF_ADDED},
		{"evidence", "removed", AUDF_REMOVED},
		{"duty", "done", AUDF_DUTY_DONE},
		{"duty", "skipped", AUDF_DUTY_SKIPPED},
		{"duty", "every_months", DF_EVERY},
		{"duty", "day", DF_DAY},
		{"duty", "anchor", DF_ANCHOR},
		{"duty", "start_date", DF_START},
		{"duty", "item", DF_ITEM},
		{"duty", "paused", AUDF_PAUSED},
		{"duty", "resumed", AUDF_RESUMED},
		{"drill", "added", AUDF_ADDED},
		{"drill", "removed", AUDF_REMOVED},
		{"drill", "type", DRILL_F_TYPE},
		{"drill", "held_on", DRILL_F_DATE},
		{"drill", "scenario", DRILL_F_SCENARIO},
		{"drill", "participants", DRILL_F_PARTICIPANTS},
		{"drill", "objectives", DRILL_F_OBJECTIVES},
		{"drill", "systems", DRILL_F_SYSTEMS},
		{"drill", "rto_met", DRILL_C_RTO},
		{"drill", "rpo_met", DRILL_C_RPO},
		{"drill", "switchover_ok", DRILL_C_SWITCHOVER},
		{"drill", "data_complete", DRILL_C_DATA},
		{"drill", "functions_ok", DRILL_C_FUNCTIONS},
		{"drill", "response_in_time", DRILL_C_RESPONSE},
		{"drill", "teams_coordinated", DRILL_C_TEAMS},
		{"drill", "key_people", DRILL_C_PEOPLE},
		{"drill", "plan_complete", DRILL_C_PLAN},
		{"drill", "interruption", DRILL_B_INTERRUPTION},
		{"drill", "complaints", DRILL_B_COMPLAINTS},
		{"drill", "loss", DRILL_B_LOSS},
		{"drill", "declared_at", DRILL_MARK_DECLARED},
		{"drill", "recovery_at", DRILL_MARK_RECOVERY},
		{"drill", "restored_at", DRILL_MARK_RESTORED},
		{"drill_finding", "added", AUDF_ADDED},
		{"drill_finding", "removed", AUDF_REMOVED},
		{"drill_scenario", "added", AUDF_ADDED},
		{"drill_scenario", "removed", AUDF_REMOVED},
		{"bia_durations", "minutes", AUDF_MINUTES},
		{"backup", "plan", AUDF_BACKUP_PLAN},
		{"backup", "copy", AUDF_BACKUP_COPY},
		{"verify", "added", AUDF_LEDGER_ENTRY},
		{"verify", "removed", AUDF_LEDGER_ENTRY},
		{"response_level", "level", AUDF_RESP_LEVEL},
		{"response_level", "reset", AUDF_RESP_LEVEL_RESET},
		{"contact", "contact", AUDF_RESP_CONTACT},
		{"contact", "confirmed", AUDF_RESP_CONFIRMED},
		{"card", "printed", AUDF_RESP_PRINTED},
		{"card", "version", AUDF_RESP_VERSION},
		{"incident", "declared", INC_KIND_DECLARED},
		{"incident", "action", INC_KIND_ACTION},
		{"incident", "decision", INC_KIND_DECISION},
		{"incident", "step", INC_KIND_STEP},
		{"incident", "restored", INC_KIND_RESTORED},
		{"incident", "closed", AUDF_INC_CLOSED},
		{"contingency", "removed", AUDF_REMOVED},
		{"contingency", "system", CONT_F_SYSTEM},
		{"contingency", "scenario", CONT_F_SCENARIO},
		{"contingency", "outage", CONT_F_OUTAGE},
		{"contingency", "trigger", CONT_F_TRIGGER},
		{"contingency", "simplified", CONT_F_SIMPLIFIED},
		{"contingency", "notice", CONT_F_NOTICE},
		{"contingency", "backentry", CONT_F_BACKENTRY},
		{"contingency", "step", CONT_F_TITLE},
		{"contingency", "step_added", AUDF_CONT_STEP_ADDED},
		{"contingency", "step_removed", AUDF_CONT_STEP_REMOVED},
		{"contingency", "step_moved", AUDF_CONT_STEP_MOVED},
		{"contingency", "approved", AUDF_CONT_APPROVED},
		{"contingency", "columns", CONT_COLUMNS_TITLE},
		{NULL, "added", AUDF_LINE_ADDED},
		{NULL, "removed", AUDF_LINE_REMOVED},
		{NULL, "state", AUDF_STATE},
		{NULL, "answer", AUDF_ANSWER},
		{NULL, "body", AUDF_BODY},
		{NULL, "reference", AUDF_REFERENCE},
		{NULL, "owner", AUDF_OWNER},
		{NULL, "evidence_date", AUDF_DATE},
		{NULL, "valid_months", AUDF_VALID},
		{NULL, "reviewer", AUDF_REVIEWER},
		{NULL, "review_date", AUDF_REVIEW_DATE},
		{NULL, "status", AUDF_STATUS},
		{NULL, "copied_from", AUDF_COPIED},
		{NULL, "created", AUDF_CREATED},
		{NULL, "validity_months", AUDF_UNIT_VALIDITY},
		{"unit", "region", AUDF_REGION},
		{"unit", "archived", AUDF_ARCHIVED},
		{NULL, "name", AUDF_NAME},
		{NULL, "amount", AUDF_AMOUNT},
		{NULL, "incidents", AUDF_INCIDENTS},
		{NULL, "class", AUDF_CLASS},
		{NULL, "value", AUDF_VALUE},
		{NULL, "started", AUDF_STARTED},
		{NULL, "title", AUDF_TITLE},
		{NULL, "phase", AUDF_PHASE},
		{NULL, "note", AUDF_NOTE},
		{NULL, "item", AUDF_ITEM},
		{NULL, "daily_volume", AUDF_DAILY_VOLUME},
		{NULL, "critical", AUDF_CRITICAL},
		{NULL, "mtd", AUDF_MTD},
		{NULL, "mtd_reason", AUDF_MTD_REASON},
		{NULL, "rto", AUDF_RTO},
		{NULL, "rpo", AUDF_RPO},
		{NULL, "reviewed", AUDF_REVIEWED},
		{NULL, "row", AUDF_ROW},
		{NULL, "importance", AUDF_IMPORTANCE},
		{NULL, "planned_level", AUDF_PLANNED_LEVEL},
		{NULL, "arch", AUDF_ARCH},
		{NULL, "production_cost", AUDF_PRODUCTION_COST},
		{NULL, "backup", AUDF_BACKUP},
		{NULL, "linked", AUDF_LINKED},
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if ((!fields[i].entity || strcmp(entity, fields[i].entity) == 0) &&
		    strcmp(field, fields[i].field) == 0)
			return msg(fields[i].text);
	return field;
}

/* The label of a setting as its screen shows it; false when unknown. */
static bool param_text(const char *key, char *out, size_t outlen)
{
	/* Per investment field: its row's label, and which end. */
	static const struct {
		sc_field f;
		msg_id row, end;
	} inv[] = {
		{SC_UNIFORM, INV_UNIFORM, MSG__COUNT},
		{SC_SELF_UP_LO, INV_SELF_UP, INV_LOW},
		{SC_SELF_UP_HI, INV_SELF_UP, INV_HIGH},
		{SC_SELF_YEAR_LO, INV_SELF_YEAR, INV_LOW},
		{SC_SELF_YEAR_HI, INV_SELF_YEAR, INV_HIGH},
		{SC_CLOUD_UP_LO, INV_CLOUD_UP, INV_LOW},
		{SC_CLOUD_UP_HI, INV_CLOUD_UP, INV_HIGH},
		{SC_CLOUD_YEAR_LO, INV_CLOUD_YEAR, INV_LOW},
		{SC_CLOUD_YEAR_HI, INV_CLOUD_YEAR, INV_HIGH},
		{SC_HYBRID_LO, INV_HYBRID, INV_LOW},
		{SC_HYBRID_HI, INV_HYBRID, INV_HIGH},
		{SC_HORIZON, INV_HORIZON, MSG__COUNT},
		{SC_HA_BEFORE, INV_HA_COST, INV_BEFORE},
		{SC_HA_AFTER, INV_HA_COST, INV_AFTER},
		{SC_HA_RTO_BEFORE, INV_HA_RTO, INV_BEFORE},
		{SC_HA_RTO_AFTER, INV_HA_RTO, INV_AFTER},
		{SC_HA_RPO_BEFORE, INV_HA_RPO, INV_BEFORE},
		{SC_HA_RPO_AFTER, INV_HA_RPO, INV_AFTER},
	};
	sc_field f = invest_field_of(key);

	if (strcmp(key, ROI_PARAM_HORIZON) == 0)
		return snprintf(out, outlen, "%s", msg(ROI_HORIZON)), true;
	if (strcmp(key, ROI_PARAM_RATE) == 0)
		return snprintf(out, outlen, "%s", msg(ROI_RATE)), true;
	if (strcmp(key, PARAM_CURRENCY) == 0)
		return snprintf(out, outlen, "%s", msg(FIELD_CURRENCY)), true;
	static const struct {
		const char *key;
		msg_id label;
	} bia[] = {
		{BIA_PARAM_INTOLERABLE, BIAS_INTOLERABLE},
		{BIA_PARAM_MARGIN, BIAS_MARGIN},
		{BIA_PARAM_REVIEW_MONTHS, BIAS_REVIEW},
		{BIA_PARAM_TABLE, BIAS_TABLE},
	};
	for (size_t i = 0; i < sizeof bia / sizeof bia[0]; i++)
		if (strcmp(key, bia[i].key) == 0)
			return snprintf(out, outlen, "%s", msg(bia[i].label)), true;
	for (size_t i = 0; i < sizeof inv / sizeof inv[0]; i++) {
		if (inv[i].f != f)
			continue;
		if (inv[i].end == MSG__COUNT)
			snprintf(out, outlen, "%s", msg(inv[i].row));
		else
			snprintf(out, outlen, msg(AUDV_END_FMT), msg(inv[i].row),
				 msg(inv[i].end));
		return true;
	}
	return false;
}

/* The kind of thing an entry is about. */
static const char *entity_text(const char *entity)
{
	static const struct {
		const char *entity;
		msg_id text;
	} kinds[] = {
		{"unit", AUDE_UNIT},         {"assessment", AUDE_ASSESSMENT},
		{"task", AUDE_TASK},         {"roi", AUDE_ROI},
		{"invest", AUDE_INVEST},     {"duty", AUDE_DUTY},
		{"param", AUDE_PARAM},       {"programme", AUDE_PROGRAMME},
		{"bia_process", AUDE_BIA_PROCESS},
		{"bia_system", AUDE_BIA_SYSTEM},
		{"bia_data_type", AUDE_BIA_DATA_TYPE},
		{"bia_impact", AUDE_BIA_IMPACT},
		{"bia_use", AUDE_BIA_USE},
		{"bia_hold", AUDE_BIA_HOLD},
		{"bia_durations", AUDE_BIA_DURATIONS},
		{"backup", AUDE_BACKUP},
		{"verify", AUDE_VERIFY},
		{"drill", AUDE_DRILL},
		{"drill_finding", AUDE_DRILL_FINDING},
		{"drill_scenario", AUDE_DRILL_SCENARIO},
		{"response_level", AUDE_RESP_LEVEL},
		{"contact", AUDE_RESP_CONTACT},
		{"card", AUDE_RESP_CARD},
		{"incident", AUDE_INCIDENT},
		{"contingency", AUDE_CONTINGENCY},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(entity, kinds[i].entity) == 0)
			return msg(kinds[i].text);
	return entity;
}

/* A checklist item by its number and title, as the checklist shows it. */
static void item_text(const questionnaire *q, const char *key, char *out,
		      size_t outlen)
{
	int i = key ? questionnaire_item_index(q, key) : -1;
	if (i >= 0)
		snprintf(out, outlen, "%d %s", i + 1, q->items[i].title);
	else
		audit_value_text(AV_TEXT, key, out, outlen);
}

/* "道路救援@240", the key of an impact row, as "impact 道路救援 at 4 h". */
static bool impact_subject(const char *key, char *out, size_t outlen)
{
	const char *at = strrchr(key, '@');
	int64_t m;
	char when[64];
	if (!at || !whole(at + 1, &m))
		return false;
	bia_minutes_format(m, when, sizeof when);
	snprintf(out, outlen, msg(AUDE_BIA_IMPACT_FMT), (int)(at - key), key, when);
	return true;
}

void audit_subject(const questionnaire *q, const audit_entry *e, char *out,
		   size_t outlen)
{
	int i = questionnaire_item_index(q, e->key);
	int c = questionnaire_criterion_index(q, e->key);

	if (strcmp(e->entity, "param") == 0 && param_text(e->key, out, outlen))
		return;
	if (strcmp(e->entity, "bia_durations") == 0) {
		snprintf(out, outlen, "%s", entity_text(e->entity));
		return;
	}
	if (strcmp(e->entity, "bia_impact") == 0 && impact_subject(e->key, out, outlen))
		return;
	if (i >= 0)
		item_text(q, e->key, out, outlen);
	else if (c >= 0)
		snprintf(out, outlen, "L%d %s", q->criteria[c].level,
			 q->criteria[c].text);
	else
		snprintf(out, outlen, "%s %s", entity_text(e->entity), e->key);
}

/* A class that kept its name: its name is the entry's subject already,
 * so only the levels and amounts are shown. */
static bool class_renamed(const audit_entry *e)
{
	int a, b;
	if (!e->old_value || !e->new_value ||
	    !class_text(e->old_value, &a, NULL, 0) ||
	    !class_text(e->new_value, &b, NULL, 0))
		return true;
	return a != b || strncmp(e->old_value, e->new_value, (size_t)a) != 0;
}

/* A rating by its name in q's reference; a row ("LOSS f c l r o | texts
 * | reason", model/store_bia.c) as its loss and the ratings by name. */
static void bia_value_text(const questionnaire *q, audit_kind k,
			   const char *value, char *out, size_t outlen)
{
	const bia_reference *ref = &q->bia;
	bia_rating r[BIA_DIMENSIONS + 1];
	char words[BIA_DIMENSIONS + 1][16], loss[48], cells[512] = "";
	long long hundredths;
	size_t used = 0;
	int n;

	if (value && k == AV_BIA_RATING && bia_parse_rating(value, &r[0]) &&
	    ref->rating_names[r[0]]) {
		snprintf(out, outlen, "%s", ref->rating_names[r[0]]);
		return;
	}
	if (!value || k != AV_BIA_ROW ||
	    sscanf(value, "%lld %15s %15s %15s %15s %15s%n", &hundredths,
		   words[0], words[1], words[2], words[3], words[4], &n) != 6) {
		audit_value_text(AV_TEXT, value, out, outlen);
		return;
	}
	for (int i = 0; i <= BIA_DIMENSIONS; i++)
		if (!bia_parse_rating(words[i], &r[i]))
			r[i] = BIA_RATING_NONE;
	for (int i = 0; i < BIA_DIMENSIONS && used < sizeof cells; i++) {
		const char *dim = ref->dimension_names[i] ? ref->dimension_names[i] : "";
		const char *rn = ref->rating_names[r[i]] ? ref->rating_names[r[i]]
							 : words[i];
		if (used)
			used += (size_t)snprintf(cells + used, sizeof cells - used,
						 "%s", msg(BIAT_LIST_SEP));
		if (used < sizeof cells)
			used += (size_t)snprintf(cells + used, sizeof cells - used,
						 msg(AUDV_BIA_CELL_FMT), dim, rn);
	}
	money_format((money)hundredths, loss, sizeof loss);
	snprintf(out, outlen, msg(AUDV_BIA_ROW_FMT), loss, cells);
	if (strcmp(words[4], "-") != 0) {
		/* The override's reason is the row's last field. */
		const char *reason = strrchr(value, '|');
		char head[1024];
		snprintf(head, sizeof head, "%s", out);
		snprintf(out, outlen, msg(AUDV_BIA_OVERRIDE_FMT), head,
			 ref->overall_name ? ref->overall_name : "",
			 ref->rating_names[r[4]] ? ref->rating_names[r[4]] : words[4],
			 reason ? reason + 1 + strspn(reason + 1, " ") : "");
	}
}

void audit_change(const questionnaire *q, const audit_entry *e, char *out,
		  size_t outlen)
{
	audit_kind k = audit_value_kind(e->entity, e->field, e->key);
	char was[256], now[256];

	if (k == AV_ITEM_KEY) {
		item_text(q, e->old_value, was, sizeof was);
		item_text(q, e->new_value, now, sizeof now);
	} else if (k == AV_BIA_RATING || k == AV_BIA_ROW) {
		bia_value_text(q, k, e->old_value, was, sizeof was);
		bia_value_text(q, k, e->new_value, now, sizeof now);
	} else if (k == AV_CLASS && !class_renamed(e)) {
		class_text(e->old_value, NULL, was, sizeof was);
		class_text(e->new_value, NULL, now, sizeof now);
	} else {
		audit_value_text(k, e->old_value, was, sizeof was);
		audit_value_text(k, e->new_value, now, sizeof now);
	}
	snprintf(out, outlen, msg(AUD_CHANGE_FMT),
		 audit_field_text(e->entity, e->field), was, now);
}
