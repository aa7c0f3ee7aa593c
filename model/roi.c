#include "config.h"

#include <math.h>
#include <string.h>

#include "model/roi.h"

static const char *const kind_keys[ROI_KIND_COUNT] = {"one_off", "recurring",
						      "loss"};

const char *roi_kind_key(roi_kind k)
{
	return (unsigned)k < ROI_KIND_COUNT ? kind_keys[k] : "?";
}

bool roi_parse_kind(const char *s, roi_kind *out)
{
	for (int i = 0; i < ROI_KIND_COUNT; i++)
		if (strcmp(s, kind_keys[i]) == 0) {
			*out = (roi_kind)i;
			return true;
		}
	return false;
}

bool roi_line_loss(const roi_line *l, money *out)
{
	int64_t p;
	if (__builtin_mul_overflow(l->amount, (int64_t)l->incidents_milli, &p))
		return false;
	/* Amounts are never negative, so rounding half up is enough. */
	*out = (p + 500) / 1000;
	return true;
}

static bool add(money *acc, money v)
{
	return !__builtin_add_overflow(*acc, v, acc);
}

bool roi_cost_of_item(const roi_line *lines, size_t n, const char *item,
		      roi_item_cost *out)
{
	memset(out, 0, sizeof *out);
	if (!item[0])
		return true;
	for (size_t i = 0; i < n; i++) {
		const roi_line *l = &lines[i];
		bool ok = true;

		if (strcmp(l->item, item) != 0)
			continue;
		if (l->kind == ROI_ONE_OFF) {
			ok = add(&out->one_off, l->amount);
			out->n_one_off++;
		} else if (l->kind == ROI_RECURRING) {
			ok = add(&out->recurring, l->amount);
			out->n_recurring++;
		}
		if (!ok) {
			memset(out, 0, sizeof *out);
			return false;
		}
	}
	out->linked = out->n_one_off + out->n_recurring > 0;
	return true;
}

void roi_compute(const roi_input *in, roi_result *r)
{
	int n = in->horizon < 1 ? 1 : in->horizon > ROI_MAX_YEARS ? ROI_MAX_YEARS
								   : in->horizon;
	double rate = in->rate_bp / 10000.0, npv = 0;
	money total_recurring, invested;
	bool ok = true;

	memset(r, 0, sizeof *r);
	r->years = n;
	for (size_t i = 0; i < in->n && ok; i++) {
		const roi_line *l = &in->lines[i];
		money loss;
		switch (l->kind) {
		case ROI_ONE_OFF:
			ok = add(&r->one_off, l->amount);
			break;
		case ROI_RECURRING:
			ok = add(&r->recurring, l->amount);
			break;
		case ROI_LOSS:
			ok = roi_line_loss(l, &loss) && add(&r->losses_avoided, loss);
			break;
		}
	}
	ok = ok && !__builtin_sub_overflow(r->losses_avoided, r->recurring,
					   &r->yearly_net);
	ok = ok && !__builtin_mul_overflow(r->yearly_net, (money)n, &r->net_n) &&
	     !__builtin_sub_overflow(r->net_n, r->one_off, &r->net_n);
	ok = ok && !__builtin_mul_overflow(r->recurring, (money)n, &total_recurring) &&
	     !__builtin_add_overflow(r->one_off, total_recurring, &invested);
	if (!ok) {
		memset(r, 0, sizeof *r);
		r->years = n;
		r->overflow = true;
		return;
	}
	r->pays_back = r->yearly_net > 0;
	if (r->pays_back)
		r->payback_years = (double)r->one_off / (double)r->yearly_net;
	r->roi_defined = invested > 0;
	if (r->roi_defined)
		r->roi_pct = (double)r->net_n * 100.0 / (double)invested;
	for (int t = 0; t <= n; t++) {
		r->cumulative[t] = r->yearly_net * t - r->one_off;
		if (t > 0)
			npv += (double)r->yearly_net / pow(1.0 + rate, t);
	}
	r->npv = npv - (double)r->one_off;
}
