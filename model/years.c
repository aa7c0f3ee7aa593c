#include "config.h"

#include "model/years.h"

bool year_may_start_next(assess_status latest)
{
	return latest == ASSESS_FINAL;
}

year_removal year_removal_rule(assess_status status, bool latest,
			       size_t n_years, int64_t changes)
{
	if (status != ASSESS_DRAFT)
		return YEAR_NOT_DRAFT;
	if (!latest)
		return YEAR_NOT_LATEST;
	if (n_years < 2)
		return YEAR_ONLY;
	return changes > 0 ? YEAR_CHANGED : YEAR_REMOVABLE;
}
