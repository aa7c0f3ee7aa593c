/* Who is at the keyboard, for "entered by" and the audit log. */
#ifndef MOAT_USER_H
#define MOAT_USER_H

#include <stddef.h>

/* Writes the login name of the real uid into out ("uid N" when the
 * password database has no entry). $USER is ignored on purpose: it is
 * trivially set to anything. */
void user_name(char *out, size_t outlen);

#endif
