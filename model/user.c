#include "config.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "model/user.h"

void user_name(char *out, size_t outlen)
{
	user_name_of(getuid(), out, outlen);
}

void user_name_of(uid_t uid, char *out, size_t outlen)
{
	struct passwd pw, *res = NULL;
	char buf[4096];

	if (getpwuid_r(uid, &pw, buf, sizeof buf, &res) == 0 && res)
		snprintf(out, outlen, "%s", res->pw_name);
	else
		snprintf(out, outlen, "uid %lu", (unsigned long)uid);
}

void user_group_name_of(gid_t gid, char *out, size_t outlen)
{
	struct group gr, *res = NULL;
	char buf[16384];

	if (getgrgid_r(gid, &gr, buf, sizeof buf, &res) == 0 && res)
		snprintf(out, outlen, "%s", res->gr_name);
	else
		snprintf(out, outlen, "gid %lu", (unsigned long)gid);
}
