#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/xlsx_sheets.h"
#include "model/incident.h"
#include "model/msg.h"

/* The emergency response sheets (§4.1, §4.2): the card as it prints, on
 * one A4 page; the contacts; the incidents with their logs. */

lxw_error xlsx_write_card(lxw_workbook *wb, const xlsx_formats *f,
			  const resp_reference *r, const resp_view *v,
			  const char *unit_name, date today)
{
	resp_card card = {unit_name, 0, v->version, today, v->levels, v->contacts,
			  v->n_contacts};
	xlsx_sheet s;
	lxw_error e = xlsx_sheet_add(wb, msg(XL_SHEET_CARD), f, &s);
	lxw_row_t row = 0;
	char *text, *p;

	if (e)
		return e;
	xlsx_print_setup(&s, &(xlsx_print){false, true, false, 0, 0});
	if (resp_card_text(r, &card, &text))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	/* Line by line as `moat card` prints it, in a fixed-width font. */
	for (p = text; *p; row++) {
		size_t len = strcspn(p, "\n");
		char line[1024];
		snprintf(line, sizeof line, "%.*s", (int)len, p);
		xlsx_put_text(&s, row, 0, line, f->mono, false);
		p += len + (p[len] == '\n');
	}
	free(text);
	worksheet_set_column(s.ws, 0, 0, RESP_CARD_COLS + 2, NULL);
	worksheet_set_margins(s.ws, 0.4, 0.4, 0.5, 0.5);
	if (row)
		worksheet_print_area(s.ws, 0, 0, row - 1, 0);
	return s.err;
}

enum { CC_RANK, CC_ROLE, CC_NAME, CC_PHONE, CC_PHONE2, CC_ALTERNATE, CC_LEVELS,
       CC_CONFIRMED, CC_STALE, CC_EXAMPLE, CC_N };

lxw_error xlsx_write_contacts(lxw_workbook *wb, const xlsx_formats *f,
			      const resp_reference *r, const resp_view *v,
			      date today)
{
	static const msg_id headers[CC_N] = {
		RESP_F_RANK, RESP_F_ROLE, RESP_F_NAME, RESP_F_PHONE, RESP_F_PHONE2,
		RESP_F_ALTERNATE, RESP_F_LEVELS, RESP_F_CONFIRMED, XL_COL_UNCONFIRMED,
		XL_COL_EXAMPLE};
	xlsx_sheet s;
	lxw_error e = xlsx_sheet_add(wb, msg(XL_SHEET_CONTACTS), f, &s);
	char head[256];

	if (e)
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, 1, 1});
	snprintf(head, sizeof head, msg(XL_CONTACTS_HEAD_FMT), v->days);
	xlsx_put_text(&s, 0, 0, head, f->title, false);
	xlsx_put_headers(&s, 1, headers, CC_N);
	for (size_t i = 0; i < v->n_contacts; i++) {
		const resp_contact *c = &v->contacts[i];
		lxw_row_t row = (lxw_row_t)(2 + i);
		bool stale = resp_contact_stale(c, today, v->days);
		char lv[16];
		resp_levels_text(c->levels, lv, sizeof lv);
		xlsx_put_number(&s, row, CC_RANK, c->rank, NULL);
		xlsx_put_text(&s, row, CC_ROLE, resp_role_name(r, c->role), NULL, true);
		xlsx_put_text(&s, row, CC_NAME, c->name, NULL, true);
		xlsx_put_text(&s, row, CC_PHONE, c->phone, NULL, true);
		xlsx_put_text(&s, row, CC_PHONE2, c->phone2, NULL, true);
		xlsx_put_text(&s, row, CC_ALTERNATE, c->alternate, NULL, true);
		xlsx_put_text(&s, row, CC_LEVELS, lv, NULL, true);
		xlsx_put_date(&s, row, CC_CONFIRMED, c->confirmed);
		xlsx_put_text(&s, row, CC_STALE, msg(stale ? XL_YES : XL_NO),
			      stale ? f->bad : NULL, true);
		xlsx_put_text(&s, row, CC_EXAMPLE, msg(c->placeholder ? XL_YES : XL_NO),
			      c->placeholder ? f->bad : NULL, true);
	}
	worksheet_freeze_panes(s.ws, 2, 0);
	return xlsx_sheet_finish(&s, CC_N);
}

enum { IC_NO, IC_SYSTEM, IC_LEVEL, IC_DECLARED, IC_RESTORED, IC_MINUTES,
       IC_CLOSED, IC_CAUSE, IC_LOSS, IC_IMPROVEMENTS, IC_N };
enum { LC_NO, LC_AT, LC_WHO, LC_KIND, LC_WHAT, LC_WHY, LC_N };

static void put_time(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, bool has,
		     const verify_time *t)
{
	char buf[32];
	if (!has)
		return;
	verify_format_time(t, buf, sizeof buf);
	xlsx_put_text(s, row, col, buf, NULL, true);
}

lxw_error xlsx_write_incidents(lxw_workbook *wb, const xlsx_formats *f,
			       const resp_reference *r, const resp_view *v)
{
	static const msg_id headers[IC_N] = {
		XL_COL_NO, INC_F_SYSTEM, INC_F_LEVEL, INC_F_DECLARED, INC_F_RESTORED,
		XL_COL_RESTORE_MINUTES, INC_F_CLOSED, INC_F_CAUSE, INC_F_LOSS,
		INC_F_IMPROVEMENTS};
	static const msg_id log_headers[LC_N] = {XL_COL_NO, INC_F_AT, XL_COL_BY,
						 XL_COL_KIND, INC_F_WHAT, INC_F_WHY};
	xlsx_sheet s;
	lxw_error e = xlsx_sheet_add(wb, msg(XL_SHEET_INCIDENTS), f, &s);
	lxw_row_t row;

	if (e)
		return e;
	xlsx_print_setup(&s, &(xlsx_print){true, false, true, 0, 0});
	xlsx_put_headers(&s, 0, headers, IC_N);
	for (size_t i = 0; i < v->n_incidents; i++) {
		const incident_record *rec = &v->incidents[i];
		const incident *inc = &rec->inc;
		char imp[4096] = "";
		size_t used = 0;
		int64_t m;
		row = (lxw_row_t)(1 + i);
		xlsx_put_number(&s, row, IC_NO, (double)inc->id, NULL);
		xlsx_put_text(&s, row, IC_SYSTEM, inc->system, NULL, true);
		xlsx_put_text(&s, row, IC_LEVEL, resp_level_roman(inc->level), NULL, true);
		put_time(&s, row, IC_DECLARED, true, &inc->declared);
		put_time(&s, row, IC_RESTORED, inc->restored, &inc->restored_at);
		if (inc->restored &&
		    verify_minutes_between(&inc->declared, &inc->restored_at, &m))
			xlsx_put_number(&s, row, IC_MINUTES, (double)m, NULL);
		put_time(&s, row, IC_CLOSED, inc->closed, &inc->closed_at);
		xlsx_put_text(&s, row, IC_CAUSE, inc->root_cause, NULL, true);
		xlsx_put_text(&s, row, IC_LOSS, inc->data_loss, NULL, true);
		for (size_t k = 0; k < rec->n_improvements && used < sizeof imp; k++)
			used += (size_t)snprintf(imp + used, sizeof imp - used, "%s%s",
						 k ? "\n" : "", rec->improvements[k].text);
		xlsx_put_text(&s, row, IC_IMPROVEMENTS, imp, NULL, true);
	}
	/* Every incident's log below, oldest entry of each first. */
	row = (lxw_row_t)(2 + v->n_incidents);
	xlsx_put_headers(&s, row++, log_headers, LC_N);
	for (size_t i = 0; i < v->n_incidents; i++) {
		const incident_record *rec = &v->incidents[i];
		for (size_t k = 0; k < rec->n_log; k++, row++) {
			const inc_entry *en = &rec->log[k];
			const resp_step *done = en->kind == INC_STEP
							? resp_step_find(r, en->why)
							: NULL;
			xlsx_put_number(&s, row, LC_NO, (double)rec->inc.id, NULL);
			put_time(&s, row, LC_AT, true, &en->at);
			xlsx_put_text(&s, row, LC_WHO, en->who, NULL, true);
			xlsx_put_text(&s, row, LC_KIND, msg(inc_kind_msg(en->kind)), NULL,
				      true);
			xlsx_put_text(&s, row, LC_WHAT, done ? done->title : en->what,
				      NULL, true);
			if (!done)
				xlsx_put_text(&s, row, LC_WHY, en->why, NULL, true);
		}
	}
	worksheet_freeze_panes(s.ws, 1, 0);
	return xlsx_sheet_finish(&s, IC_N);
}
