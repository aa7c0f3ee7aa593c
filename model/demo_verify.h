/* The demo's backups and their proof, from §3.3: the backup plans of the
 * four systems the document lists (with copies of the demo's own), and a
 * ledger entry for each restore test its history records as done. */
#ifndef MOAT_DEMO_VERIFY_H
#define MOAT_DEMO_VERIFY_H

#include <stdint.h>

#include "model/status.h"
#include "model/store.h"

/* Writes them for unit_id's year assessment_id, in the current language,
 * after the demo's analysis and duties are in place. */
moat_status demo_verify_load(store *s, int64_t unit_id, int64_t assessment_id,
			     const char *user);

#endif
