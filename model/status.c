#include "config.h"

#include "model/status.h"

static const char *const status_texts[] = {
#define X(code, text) [code] = text,
	MOAT_STATUS_LIST(X)
#undef X
};

const char *status_text(moat_status st)
{
	if ((int)st < 0 || st >= ST__COUNT)
		return "unknown status";
	return status_texts[st];
}
