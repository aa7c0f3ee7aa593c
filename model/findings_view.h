/* Every checklist finding of a unit's year at once, read from the store:
 * the analysis's (from a bia_view already loaded) and those of the
 * emergency response and the drills (model/response_findings.h), and the
 * contingency plans against the critical systems (contingency_findings.h). */
#ifndef MOAT_FINDINGS_VIEW_H
#define MOAT_FINDINGS_VIEW_H

#include "model/bia_view.h"
#include "model/findings.h"
#include "model/store.h"

/* Fills out (emptied first) for unit_id on today: bia's findings when
 * bia is not NULL, then the response's and the drills'. The card's
 * version is store_card_sync's, raised by user when response.yaml
 * changed. On failure out keeps what was read before it (the analysis's)
 * and the store's error says why. */
moat_status findings_view_load(store *s, const questionnaire *q,
			       int64_t unit_id, const bia_view *bia, date today,
			       const char *user, findings_set *out);

#endif
