/* Random bytes from the kernel, for identities that must not repeat
 * across databases (the calendar's UIDs). Not for anything secret. */
#ifndef MOAT_RANDOM_H
#define MOAT_RANDOM_H

#include <stddef.h>

#include "model/status.h"

/* Fills buf with n random bytes: getrandom(2), or /dev/urandom where the
 * kernel lacks it. ST_IO when neither gives them (buf is then cleared). */
moat_status random_bytes(void *buf, size_t n);

/* A fresh random UUID (RFC 4122 version 4) as 36 lowercase characters
 * and a NUL into out (len >= RANDOM_UUID_LEN + 1). ST_INVALID when out is
 * too small, else as random_bytes. */
#define RANDOM_UUID_LEN 36
moat_status random_uuid(char *out, size_t len);

#endif
