/* What the group view reads of the organisation's units as a whole. */
#ifndef MOAT_STORE_GROUP_H
#define MOAT_STORE_GROUP_H

#include <stddef.h>

#include "model/store.h"

/* Every unit of the organisation, by name (byte order), in a new array
 * (*out: free() it; NULL when *n is 0). Read through the unique index on
 * the name. */
moat_status store_group_units(store *s, unit **out, size_t *n);

#endif
