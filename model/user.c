#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "model/user.h"

void user_name(char *out, size_t outlen)
{
	uid_t uid = getuid();
	struct passwd pw, *res = NULL;
	char buf[4096];

	if (getpwuid_r(uid, &pw, buf, sizeof buf, &res) == 0 && res)
		snprintf(out, outlen, "%s", res->pw_name);
	else
		snprintf(out, outlen, "uid %lu", (unsigned long)uid);
}
