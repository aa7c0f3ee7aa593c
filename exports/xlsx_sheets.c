#include "config.h"

#include "exports/xlsx_sheets.h"

/* The list of sheets is the one place that says which sheets a workbook
 * has and in which order; each entry adapts the export to its writer. */

static const char *currency_of(const xlsx_job *j)
{
	return j->in->calc ? j->in->calc->currency : NULL;
}

static lxw_error executive(lxw_workbook *wb, const xlsx_formats *f,
			   const xlsx_job *j)
{
	/* The ROI sheet comes with the calculators. */
	return xlsx_write_executive(wb, f, j->in, j->exported_at, NULL,
				    j->in->calc ? msg(XL_SHEET_ROI) : NULL);
}

static lxw_error summary(lxw_workbook *wb, const xlsx_formats *f,
			 const xlsx_job *j)
{
	return xlsx_write_summary(wb, f, j->in->current, j->in->findings,
				  j->exported_at);
}

static lxw_error checklist(lxw_workbook *wb, const xlsx_formats *f,
			   const xlsx_job *j)
{
	return xlsx_write_checklist(wb, f, j->in->current);
}

static lxw_error maturity(lxw_workbook *wb, const xlsx_formats *f,
			  const xlsx_job *j)
{
	return xlsx_write_maturity(wb, f, j->in->current);
}

static lxw_error years(lxw_workbook *wb, const xlsx_formats *f,
		       const xlsx_job *j)
{
	const xlsx_input *in = j->in;

	return xlsx_write_years(wb, f, j->years, j->n_years, in->previous,
				in->current,
				in->previous ? in->previous_bia : NULL, in->bia);
}

static bool has_calc(const xlsx_job *j)
{
	return j->in->calc != NULL;
}

static lxw_error roi(lxw_workbook *wb, const xlsx_formats *f,
		     const xlsx_job *j)
{
	return xlsx_write_roi(wb, f, j->in->calc, j->in->current->q);
}

static lxw_error invest(lxw_workbook *wb, const xlsx_formats *f,
			const xlsx_job *j)
{
	return xlsx_write_invest(wb, f, j->in->calc);
}

static bool has_programme(const xlsx_job *j)
{
	return j->in->plan && j->in->plan->has_programme;
}

static lxw_error plan(lxw_workbook *wb, const xlsx_formats *f,
		      const xlsx_job *j)
{
	return xlsx_write_plan(wb, f, j->in->plan, j->in->current->q);
}

static bool has_duties(const xlsx_job *j)
{
	return j->in->plan && j->in->plan->n_duties > 0;
}

static lxw_error duties(lxw_workbook *wb, const xlsx_formats *f,
			const xlsx_job *j)
{
	return xlsx_write_duties(wb, f, j->in->plan, j->in->current->q);
}

static bool has_bia(const xlsx_job *j)
{
	return j->in->bia != NULL;
}

static lxw_error bia(lxw_workbook *wb, const xlsx_formats *f,
		     const xlsx_job *j)
{
	return xlsx_write_bia(wb, f, j->in->bia, j->in->current->assessment.year,
			      currency_of(j));
}

static lxw_error systems(lxw_workbook *wb, const xlsx_formats *f,
			 const xlsx_job *j)
{
	return xlsx_write_systems(wb, f, j->in->bia,
				  j->in->current->assessment.year,
				  currency_of(j));
}

static bool has_verify(const xlsx_job *j)
{
	return j->in->verify != NULL;
}

static lxw_error backups(lxw_workbook *wb, const xlsx_formats *f,
			 const xlsx_job *j)
{
	return xlsx_write_backups(wb, f, j->in->verify, j->in->plan,
				  j->in->current->assessment.year);
}

static bool has_drills(const xlsx_job *j)
{
	return j->in->n_drills > 0;
}

static lxw_error drills(lxw_workbook *wb, const xlsx_formats *f,
			const xlsx_job *j)
{
	return xlsx_write_drills(wb, f, j->in->drills, j->in->n_drills,
				 &j->in->current->q->drill, currency_of(j),
				 j->day);
}

static bool has_response(const xlsx_job *j)
{
	return j->in->response != NULL;
}

static lxw_error card(lxw_workbook *wb, const xlsx_formats *f,
		      const xlsx_job *j)
{
	return xlsx_write_card(wb, f, &j->in->current->q->response,
			       j->in->response, j->in->current->unit.name,
			       j->day);
}

static lxw_error contacts(lxw_workbook *wb, const xlsx_formats *f,
			  const xlsx_job *j)
{
	return xlsx_write_contacts(wb, f, &j->in->current->q->response,
				   j->in->response, j->day);
}

static lxw_error incidents(lxw_workbook *wb, const xlsx_formats *f,
			   const xlsx_job *j)
{
	return xlsx_write_incidents(wb, f, &j->in->current->q->response,
				    j->in->response);
}

static bool has_plans(const xlsx_job *j)
{
	return j->in->n_plans > 0;
}

static lxw_error contingency(lxw_workbook *wb, const xlsx_formats *f,
			     const xlsx_job *j)
{
	return xlsx_write_contingency(wb, f, j->in->plans, j->in->n_plans,
				      j->day);
}

static lxw_error forms(lxw_workbook *wb, const xlsx_formats *f,
		       const xlsx_job *j)
{
	return xlsx_write_forms(wb, f, j->in->plans, j->in->n_plans,
				j->in->current->unit.name, j->day);
}

const xlsx_sheet_entry xlsx_sheet_list[] = {
	{NULL, executive},
	{NULL, summary},
	{NULL, checklist},
	{NULL, maturity},
	{NULL, years},
	{has_calc, roi},
	{has_calc, invest},
	{has_programme, plan},
	{has_duties, duties},
	{has_bia, bia},
	{has_bia, systems},
	{has_verify, backups},
	{has_drills, drills},
	{has_response, card},
	{has_response, contacts},
	{has_response, incidents},
	{has_plans, contingency},
	{has_plans, forms},
};

const size_t xlsx_sheet_count =
	sizeof xlsx_sheet_list / sizeof xlsx_sheet_list[0];
