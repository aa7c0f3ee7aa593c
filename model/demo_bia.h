/* The demo's business impact analysis, from the source document: its 8
 * after-sales processes (§2.1 step 1), the road-rescue impact grid (step
 * 2), the MTDs and RTOs of steps 3 and 4, the systems with the planned
 * DR levels of §3.1 and the data types of §1.2. */
#ifndef MOAT_DEMO_BIA_H
#define MOAT_DEMO_BIA_H

#include <stdint.h>

#include "model/status.h"
#include "model/store.h"

/* Writes it into the draft year assessment_id, in the current language. */
moat_status demo_bia_load(store *s, int64_t assessment_id, const char *user);

#endif
