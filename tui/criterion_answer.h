/* Answering a maturity criterion, shared by the maturity and criterion
 * screens: Space cycles met / partly / not met / unanswered, n asks for
 * the reason that makes it "not applicable". */
#ifndef MOAT_CRITERION_ANSWER_H
#define MOAT_CRITERION_ANSWER_H

#include <stddef.h>

#include "tui/screen.h"

enum { ACT_ANS_CYCLE = ACT_USER + 60, ACT_ANS_NA };

#define ANSWER_BINDINGS                                                      \
	{{' ', 0}, NULL, HK_NAME_SPACE, HK_CYCLE_ANSWER, ACT_ANS_CYCLE, true}, \
	{{'n', 0}, "n", NO_LABEL, HK_SET_NA, ACT_ANS_NA, true}

/* Handles ACT_ANS_CYCLE / ACT_ANS_NA for criterion crit; false for other
 * actions. */
bool criterion_answer_key(app *a, size_t crit, int action, key_result *out);

#endif
