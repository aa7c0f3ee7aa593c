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

/* Sets *why and returns ST_INVALID. */
static moat_status problem(evidence_problem *why, const char *field,
			   msg_id label, size_t max)
{
	why->field = field;
	why->label = label;
	why->max = max;
	return ST_INVALID;
}

bool evidence_parse_validity(const char *text, int *months)
{
	char *end;
	long m;

	while (*text == ' ')
		text++;
	if (*text < '0' || *text > '9')
		return false;
	m = strtol(text, &end, 10);
	while (*end == ' ')
		end++;
	if (*end || m < 1 || m > 120)
		return false;
	*months = (int)m;
	return true;
}

moat_status evidence_validate(const evidence *e, evidence_problem *why)
{
	const struct {
		const char *field;
		const char *text;
		msg_id label;
		size_t max;
	} texts[] = {
		{"body", e->body, EVF_BODY, EVIDENCE_BODY_MAX},
		{"reference", e->reference, EVF_REFERENCE,
		 EVIDENCE_REFERENCE_MAX},
		{"owner", e->owner, EVF_OWNER, EVIDENCE_OWNER_MAX},
		{"reviewer", e->reviewer, EVF_REVIEWER, EVIDENCE_REVIEWER_MAX},
	};
	date d;

	if (!e->body || !*e->body)
		return problem(why, "body", EVF_BODY, 0);
	if (!e->target || !*e->target)
		return problem(why, "target", EVF_BODY, 0);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		if (!texts[i].text)
			continue;
		if (!text_valid_utf8(texts[i].text))
			return problem(why, texts[i].field, texts[i].label, 0);
		if (text_length(texts[i].text) > texts[i].max)
			return problem(why, texts[i].field, texts[i].label,
				       texts[i].max);
	}
	if (!e->evidence_date || !date_parse(e->evidence_date, &d))
		return problem(why, "evidence_date", EVF_DATE, 0);
	if (e->valid_months < 1 || e->valid_months > 120)
		return problem(why, "valid_months", EVF_VALID, 0);
	if (e->review_date && *e->review_date &&
	    !date_parse(e->review_date, &d))
		return problem(why, "review_date", EVF_REVIEW_DATE, 0);
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

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

bool evidence_same_fields(const evidence *a, const evidence *b)
{
	return a->valid_months == b->valid_months && same_text(a->body, b->body) &&
	       same_text(a->reference, b->reference) &&
	       same_text(a->owner, b->owner) &&
	       same_text(a->evidence_date, b->evidence_date) &&
	       same_text(a->reviewer, b->reviewer) &&
	       same_text(a->review_date, b->review_date);
}

static bool dup_into(char **dst, const char *src)
{
	*dst = src ? strdup(src) : NULL;
	return !src || *dst;
}

bool evidence_copy(const evidence *src, evidence *dst)
{
	*dst = *src;
	dst->target = dst->body = dst->reference = dst->owner = NULL;
	dst->evidence_date = dst->reviewer = dst->review_date = NULL;
	dst->entered_by = dst->entered_at = NULL;
	if (dup_into(&dst->target, src->target) && dup_into(&dst->body, src->body) &&
	    dup_into(&dst->reference, src->reference) &&
	    dup_into(&dst->owner, src->owner) &&
	    dup_into(&dst->evidence_date, src->evidence_date) &&
	    dup_into(&dst->reviewer, src->reviewer) &&
	    dup_into(&dst->review_date, src->review_date) &&
	    dup_into(&dst->entered_by, src->entered_by) &&
	    dup_into(&dst->entered_at, src->entered_at))
		return true;
	evidence_free(dst);
	memset(dst, 0, sizeof *dst);
	return false;
}

size_t evidence_count_valid(const evidence_list *l, date today)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		if (evidence_state_on(&l->v[i], today) != EV_EXPIRED)
			n++;
	return n;
}
