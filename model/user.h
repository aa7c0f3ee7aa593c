/* Who is at the keyboard, for "entered by" and the audit log. */
#ifndef MOAT_USER_H
#define MOAT_USER_H

#include <stddef.h>
#include <sys/types.h>

/* Writes the login name of the real uid into out ("uid N" when the
 * password database has no entry). $USER is ignored on purpose: it is
 * trivially set to anything. */
void user_name(char *out, size_t outlen);

/* The login name of uid, or its number when it has none. */
void user_name_of(uid_t uid, char *out, size_t outlen);

/* The name of group gid, or its number when it has none. */
void user_group_name_of(gid_t gid, char *out, size_t outlen);

#endif
