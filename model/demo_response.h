/* The demo's emergency contacts: the placeholders of the document's
 * response card (§4.2), marked as examples to replace. */
#ifndef MOAT_DEMO_RESPONSE_H
#define MOAT_DEMO_RESPONSE_H

#include "model/date.h"
#include "model/store.h"

/* Adds the contacts to unit_id, confirmed relative to today (one of them
 * too long ago, so that it shows as unconfirmed). */
moat_status demo_response_load(store *s, int64_t unit_id, date today,
			       const char *user);

#endif
