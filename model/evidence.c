#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/evidence.h"
#include "model/text.h"

void evidence_free(evidence *e)
{
	free(e->target);
	free(e->body);
	free(e->reference);
	free(e->owner);
	free(e->evidence_date);
	free(e->reviewer);
	free(e->review_date);
	free(e->entered_by);
	free(e->entered_at);
	memset(e, 0, sizeof *e);
}

void evidence_list_free(evidence_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		evidence_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static bool text_ok(const char *s)
{
	return !s || text_valid_utf8(s);
}

moat_status evidence_validate(const evidence *e, const char **field)
{
	date d;
	if (!e->body || !*e->body || !text_ok(e->body)) {
		*field = "body";
		return ST_INVALID;
	}
	if (!e->target || !*e->target) {
		*field = "target";
		return ST_INVALID;
	}
	if (!text_ok(e->reference) || (e->reference && strlen(e->reference) > 1000)) {
		*field = "reference";
		return ST_INVALID;
	}
	if (!text_ok(e->owner) || (e->owner && strlen(e->owner) > 200)) {
		*field = "owner";
		return ST_INVALID;
	}
	if (!e->evidence_date || !date_parse(e->evidence_date, &d)) {
		*field = "evidence_date";
		return ST_INVALID;
	}
	if (e->valid_months < 1 || e->valid_months > 120) {
		*field = "valid_months";
		return ST_INVALID;
	}
	if (!text_ok(e->reviewer) || (e->reviewer && strlen(e->reviewer) > 200)) {
		*field = "reviewer";
		return ST_INVALID;
	}
	if (e->review_date && *e->review_date && !date_parse(e->review_date, &d)) {
		*field = "review_date";
		return ST_INVALID;
	}
	if (strlen(e->body) > 20000) {
		*field = "body";
		return ST_INVALID;
	}
	return ST_OK;
}

bool evidence_expires_on(const evidence *e, date *out)
{
	date d;
	if (!e->evidence_date || !date_parse(e->evidence_date, &d))
		return false;
	*out = date_add_months(d, e->valid_months);
	return true;
}

evidence_state evidence_state_on(const evidence *e, date today)
{
	date until;
	long left;
	if (!evidence_expires_on(e, &until))
		return EV_EXPIRED;
	left = date_to_days(until) - date_to_days(today);
	if (left <= 0)
		return EV_EXPIRED;
	return left <= EVIDENCE_WARN_DAYS ? EV_EXPIRING : EV_VALID;
}
