#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/calc.h"
#include "model/msg.h"

void calc_compute(calc_data *d)
{
	roi_input in = {d->lines, d->n_lines, d->horizon, d->rate_bp};
	roi_compute(&in, &d->roi);
	invest_compute(d->classes, d->n_classes, &d->scenarios, &d->invest);
}

moat_status calc_load(store *s, int64_t unit_id, calc_data *d)
{
	moat_status st;
	memset(d, 0, sizeof *d);
	d->unit_id = unit_id;
	if ((st = store_currency(s, unit_id, d->currency, sizeof d->currency)) ||
	    (st = store_roi_lines(s, unit_id, &d->lines, &d->n_lines)) ||
	    (st = store_roi_settings(s, unit_id, &d->horizon, &d->rate_bp)) ||
	    (st = store_invest_classes(s, unit_id, &d->classes, &d->n_classes)) ||
	    (st = store_invest_scenarios(s, unit_id, &d->scenarios))) {
		calc_free(d);
		return st;
	}
	calc_compute(d);
	return ST_OK;
}

void calc_free(calc_data *d)
{
	free(d->lines);
	free(d->classes);
	memset(d, 0, sizeof *d);
}

moat_status calc_load_document_figures(store *s, int64_t unit_id,
				       const char *user)
{
	static const struct {
		roi_kind kind;
		msg_id name;
		money amount;
		const char *item; /* the checklist item the cost advances */
	} lines[] = {
		{ROI_ONE_OFF, DEMO_ROI_DR_CENTRE, 300 * 100, "dr_site"},
		{ROI_ONE_OFF, DEMO_ROI_BACKUP, 50 * 100, "backup_321"},
		{ROI_ONE_OFF, DEMO_ROI_TRAINING, 10 * 100, "team"},
		{ROI_RECURRING, DEMO_ROI_LINE, 20 * 100, "dr_site"},
		{ROI_LOSS, DEMO_ROI_DIRECT, 150 * 100, ""},
		{ROI_LOSS, DEMO_ROI_CHURN, 50 * 100, ""},
		{ROI_LOSS, DEMO_ROI_REPUTATION, 100 * 100, ""},
		{ROI_LOSS, DEMO_ROI_FINES, 50 * 100, ""},
	};
	static const struct {
		msg_id name;
		int lo, hi;
		money amount;
	} classes[] = {
		{DEMO_INV_CORE, 4, 5, 300 * 100},
		{DEMO_INV_IMPORTANT, 3, 3, 150 * 100},
		{DEMO_INV_GENERAL, 1, 2, 50 * 100},
	};
	moat_status st = ST_OK;
	int64_t id;

	for (size_t i = 0; i < sizeof lines / sizeof lines[0] && !st; i++) {
		roi_line l = {0, lines[i].kind, "", lines[i].amount, 1000, ""};
		snprintf(l.name, sizeof l.name, "%s", msg(lines[i].name));
		snprintf(l.item, sizeof l.item, "%s", lines[i].item);
		st = store_roi_line_add(s, unit_id, &l, user, &id);
	}
	for (size_t i = 0; i < sizeof classes / sizeof classes[0] && !st; i++) {
		invest_class c = {0, "", classes[i].lo, classes[i].hi,
				  classes[i].amount};
		snprintf(c.name, sizeof c.name, "%s", msg(classes[i].name));
		st = store_invest_class_add(s, unit_id, &c, user, &id);
	}
	return st;
}
