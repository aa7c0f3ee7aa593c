#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/bia_view.h"

bia_rollup_input bia_view_rollup_input(const bia_view *v)
{
	return (bia_rollup_input){
		.processes = v->d.processes,
		.n_processes = v->d.n_processes,
		.data_types = v->d.data_types,
		.n_data_types = v->d.n_data_types,
		.n_systems = v->d.n_systems,
		.uses = v->d.uses,
		.n_uses = v->d.n_uses,
		.holds = v->d.holds,
		.n_holds = v->d.n_holds,
	};
}

bool bia_view_uses(const bia_view *v, size_t p, size_t s)
{
	for (size_t i = 0; i < v->d.n_uses; i++)
		if (v->d.uses[i].process == p && v->d.uses[i].system == s)
			return true;
	return false;
}

bool bia_view_critical_system(const bia_view *v, size_t s)
{
	for (size_t i = 0; i < v->d.n_uses; i++)
		if (v->d.uses[i].system == s &&
		    v->d.uses[i].process < v->d.n_processes &&
		    v->d.processes[v->d.uses[i].process].critical)
			return true;
	return false;
}

bool bia_view_holds(const bia_view *v, size_t s, size_t t)
{
	for (size_t i = 0; i < v->d.n_holds; i++)
		if (v->d.holds[i].system == s && v->d.holds[i].data_type == t)
			return true;
	return false;
}

const item_findings *bia_view_findings(const bia_view *v, const char *item_key)
{
	bia_find_item i = bia_find_item_of(item_key);
	if (i == BIA_FIND_ITEMS || !v->findings[i].item)
		return NULL;
	return &v->findings[i];
}

bool bia_view_contradicts(const bia_view *v, const char *item_key,
			  item_state state)
{
	const item_findings *f = bia_view_findings(v, item_key);
	return f && item_findings_contradict(f, state);
}

size_t bia_view_process(const bia_view *v, int64_t id)
{
	for (size_t i = 0; i < v->d.n_processes; i++)
		if (v->d.processes[i].id == id)
			return i;
	return BIA_NO_INDEX;
}

size_t bia_view_system(const bia_view *v, int64_t id)
{
	for (size_t i = 0; i < v->d.n_systems; i++)
		if (v->d.systems[i].id == id)
			return i;
	return BIA_NO_INDEX;
}

size_t bia_view_data_type(const bia_view *v, int64_t id)
{
	for (size_t i = 0; i < v->d.n_data_types; i++)
		if (v->d.data_types[i].id == id)
			return i;
	return BIA_NO_INDEX;
}

static void process_figures(bia_view *v, size_t i, date today)
{
	const bia_data *d = &v->d;
	const bia_process *p = &d->processes[i];
	bia_process_figures *f = &v->processes[i];
	bia_problem why;

	bia_suggest_mtd(&d->grids[i], d->intolerable, &f->suggestion);
	f->mtd = bia_process_mtd(p, &f->suggestion);
	f->has_margin = p->rto >= 0 &&
			bia_margin(f->mtd, p->rto, &f->margin, &why) == ST_OK;
	f->margin_warns = f->has_margin &&
			  bia_margin_warns(f->margin, d->margin_permille);
	f->rpo = BIA_UNSET;
	f->level = 0;
	f->n_systems = 0;
	for (size_t s = 0; s < d->n_systems; s++) {
		if (!bia_view_uses(v, i, s))
			continue;
		int planned = d->systems[s].planned_level;
		if (f->n_systems == 0 || planned < f->level)
			f->level = planned;
		f->n_systems++;
		for (size_t t = 0; t < d->n_data_types; t++) {
			int64_t rpo = d->data_types[t].rpo;
			if (rpo >= 0 && bia_view_holds(v, s, t) &&
			    (f->rpo < 0 || rpo < f->rpo))
				f->rpo = rpo;
		}
	}
	memset(&f->next_review, 0, sizeof f->next_review);
	f->review_due = true;
	if (p->reviewed.y) {
		f->next_review = date_add_months(p->reviewed, d->review_months);
		f->review_due = date_cmp(f->next_review, today) < 0;
	}
}

static void system_figures(bia_view *v, size_t s)
{
	const bia_system *y = &v->d.systems[s];
	bia_system_figures *f = &v->systems[s];
	const bia_arch *arch = y->arch[0] && v->ref
				       ? bia_reference_arch(v->ref, y->arch)
				       : NULL;
	bia_problem why;

	f->outcome = v->table ? bia_recommend_level(v->table, f->need.rto,
						    f->need.rpo, &f->recommended)
			      : BIA_LEVEL_EMPTY;
	if (!v->table)
		f->recommended = 0;
	f->gap = bia_plan_compare(y->planned_level, f->outcome, f->recommended);
	f->weaker = f->gap == BIA_PLAN_WEAKER ||
		    (f->gap == BIA_PLAN_NONE && f->need.n_critical > 0);
	f->has_arch = arch && bia_arch_check(arch, f->need.rto, f->need.rpo,
					     y->production_cost, &f->arch,
					     &why) == ST_OK;
}

moat_status bia_view_build(bia_view *v, bia_data *d, const bia_reference *ref,
			   date today)
{
	size_t np, ns;
	bia_system_need *needs = NULL;
	bia_level_outcome *outcomes = NULL;
	int *recommended = NULL;
	int64_t *mtd = NULL;
	bia_problem why;
	size_t at;
	moat_status rc = ST_NOMEM;

	memset(v, 0, sizeof *v);
	v->d = *d;
	memset(d, 0, sizeof *d);
	v->ref = ref;
	if (ref && ref->n_tables) {
		v->table = bia_reference_table(ref, v->d.table);
		if (!v->table)
			v->table = &ref->tables[0];
	}
	np = v->d.n_processes;
	ns = v->d.n_systems;
	v->processes = calloc(np ? np : 1, sizeof *v->processes);
	v->systems = calloc(ns ? ns : 1, sizeof *v->systems);
	needs = calloc(ns ? ns : 1, sizeof *needs);
	outcomes = calloc(ns ? ns : 1, sizeof *outcomes);
	recommended = calloc(ns ? ns : 1, sizeof *recommended);
	mtd = calloc(np ? np : 1, sizeof *mtd);
	if (!v->processes || !v->systems || !needs || !outcomes ||
	    !recommended || !mtd)
		goto out;

	bia_rollup_input in = bia_view_rollup_input(v);
	rc = bia_rollup(&in, needs, &why, &at);
	if (rc)
		goto out;
	for (size_t i = 0; i < np; i++) {
		process_figures(v, i, today);
		mtd[i] = v->processes[i].mtd;
		v->n_critical += v->d.processes[i].critical;
		v->n_review_due += v->processes[i].review_due;
	}
	for (size_t s = 0; s < ns; s++) {
		v->systems[s].need = needs[s];
		system_figures(v, s);
		outcomes[s] = v->systems[s].outcome;
		recommended[s] = v->systems[s].recommended;
		v->n_weaker += v->systems[s].weaker;
	}
	bia_year_figures y = {
		.processes = v->d.processes,
		.n_processes = np,
		.mtd = np ? mtd : NULL,
		.uses = v->d.uses,
		.n_uses = v->d.n_uses,
		.systems = v->d.systems,
		.n_systems = ns,
		.needs = ns ? needs : NULL,
		.outcomes = ns ? outcomes : NULL,
		.recommended = ns ? recommended : NULL,
		.n_review_due = v->n_review_due,
		.review_months = v->d.review_months,
	};
	rc = bia_checklist_findings(&y, v->findings);
out:
	free(needs);
	free(outcomes);
	free(recommended);
	free(mtd);
	return rc;
}

void bia_view_free(bia_view *v)
{
	bia_data_free(&v->d);
	free(v->processes);
	free(v->systems);
	memset(v, 0, sizeof *v);
}

moat_status bia_view_load(store *s, int64_t assessment_id,
			  const bia_reference *ref, date today, bia_view *v)
{
	bia_data d;
	moat_status rc = store_bia_load(s, assessment_id, &d);
	if (rc) {
		memset(v, 0, sizeof *v);
		return rc;
	}
	return bia_view_build(v, &d, ref, today);
}

unsigned bia_view_system_flags(const bia_view *v, size_t s)
{
	const bia_system_figures *f = &v->systems[s];
	unsigned flags = 0;

	if (f->need.spof)
		flags |= BIA_FLAG_SPOF;
	if (f->weaker)
		flags |= BIA_FLAG_WEAKER;
	if (f->need.missing_rto > 0)
		flags |= BIA_FLAG_NO_RTO;
	if (f->need.missing_rpo > 0 ||
	    (f->need.rpo < 0 && f->need.n_critical > 0))
		flags |= BIA_FLAG_NO_RPO;
	if (f->has_arch && !f->arch.meets)
		flags |= BIA_FLAG_ARCH;
	return flags;
}
