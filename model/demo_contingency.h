/* The demo's business contingency plans: the document's two (§4.3), for
 * the customer service system and the rescue dispatch system. */
#ifndef MOAT_DEMO_CONTINGENCY_H
#define MOAT_DEMO_CONTINGENCY_H

#include "model/date.h"
#include "model/store.h"

/* Adds both plans to unit_id in the current language. The customer
 * service plan was approved more than a year before today and changed
 * since (its first step's limit and its customer communication), so it
 * shows a review due and a difference; the rescue plan was approved two
 * months ago and is current. */
moat_status demo_contingency_load(store *s, int64_t unit_id, date today,
				  const char *user);

#endif
