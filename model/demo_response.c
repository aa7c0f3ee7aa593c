#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/demo_response.h"
#include "model/recurrence.h"
#include "model/msg.h"
#include "model/store_response.h"

moat_status demo_response_load(store *s, int64_t unit_id, date today,
			       const char *user)
{
	/* The document's card gives 张三, 李四 and 王五 with masked numbers;
	 * the alternate is the demo's own, in the same style. */
	static const struct {
		const char *role;
		msg_id name, alternate;
		const char *phone;
		int rank;
		unsigned levels;
		int confirmed_days_ago;
	} people[] = {
		{"it_lead", DEMO_RESP_IT_LEAD, DEMO_RESP_IT_ALTERNATE,
		 "139-xxxx-xxxx", 1, RESP_ALL_LEVELS, 20},
		{"business_lead", DEMO_RESP_BUSINESS_LEAD, MSG__COUNT,
		 "138-xxxx-xxxx", 2, RESP_ALL_LEVELS, 20},
		{"commander", DEMO_RESP_COMMANDER, MSG__COUNT, "137-xxxx-xxxx", 3,
		 0x3u, 120},
	};
	moat_status st = ST_OK;

	for (size_t i = 0; !st && i < sizeof people / sizeof people[0]; i++) {
		resp_contact c;
		int64_t id;
		memset(&c, 0, sizeof c);
		snprintf(c.role, sizeof c.role, "%s", people[i].role);
		snprintf(c.name, sizeof c.name, "%s", msg(people[i].name));
		snprintf(c.phone, sizeof c.phone, "%s", people[i].phone);
		if (people[i].alternate != MSG__COUNT)
			snprintf(c.alternate, sizeof c.alternate, "%s",
				 msg(people[i].alternate));
		c.rank = people[i].rank;
		c.levels = people[i].levels;
		c.confirmed = date_add_days(today, -people[i].confirmed_days_ago);
		c.placeholder = true;
		st = store_contact_save(s, unit_id, &c, user, &id);
	}
	return st;
}
