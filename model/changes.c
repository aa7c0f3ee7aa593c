#include "config.h"

#include <string.h>

#include "model/changes.h"

unsigned change_parts(const char *entity)
{
	static const struct {
		const char *entity;
		unsigned parts;
	} map[] = {
		{"item", PART_REPORT},
		{"criterion", PART_REPORT},
		/* A duty's completion files its proof as evidence, and
		 * deleting that evidence changes the completion. */
		{"evidence", PART_REPORT | PART_PLAN},
		{"duty", PART_PLAN},
		{"programme", PART_PLAN},
		{"task", PART_PLAN},
		{"roi", PART_CALC},
		{"invest", PART_CALC},
		/* The unit's parameters: ROI's, the analysis's
		 * intolerable rating, margin and review interval, the days
		 * after which a contact counts as unconfirmed. */
		{"param", PART_CALC | PART_BIA | PART_RESPONSE},
		{"bia_durations", PART_BIA},
		{"bia_process", PART_BIA},
		{"bia_impact", PART_BIA},
		{"bia_system", PART_BIA},
		{"bia_data_type", PART_BIA},
		{"bia_use", PART_BIA},
		{"bia_hold", PART_BIA},
		/* A ledger entry may complete a duty and file evidence. */
		{"response_level", PART_RESPONSE},
		{"contact", PART_RESPONSE},
		{"card", PART_RESPONSE},
		/* An incident's improvements become programme tasks. */
		{"incident", PART_RESPONSE | PART_PLAN | PART_VERIFY},
		/* Business contingency plans, shown from the response
		 * screen. */
		{"contingency", PART_RESPONSE},
		{"backup", PART_VERIFY},
		{"verify", PART_VERIFY | PART_PLAN | PART_REPORT},
		/* Restoring a drill's service records ledger entries; a
		 * finding becomes a programme task. */
		{"drill", PART_VERIFY | PART_PLAN | PART_REPORT},
		{"drill_finding", PART_VERIFY | PART_PLAN},
		{"drill_scenario", PART_VERIFY},
		/* Years started, finalised or removed; the unit's name and
		 * defaults: everything shown may follow. */
		{"assessment", PART_ALL},
		{"unit", PART_ALL},
	};
	if (!entity)
		return PART_ALL;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].entity, entity) == 0)
			return map[i].parts;
	return PART_ALL;
}
