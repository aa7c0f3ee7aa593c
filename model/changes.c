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
		{"param", PART_CALC},
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
