/* Editing backups and the ledger, shared by the backups and ledger
 * screens: a system's plan, its copies, a new ledger entry, the
 * stale-days setting, and the sentences both screens show. */
#ifndef MOAT_VERIFY_EDIT_H
#define MOAT_VERIFY_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "model/verify_view.h"
#include "tui/draw.h"
#include "tui/screen.h"

/* The plan form of system_id. */
screen *verify_plan_form_new(app *a, int64_t system_id);
/* The form of copy copy_id of system_id (0: a new copy). */
screen *verify_copy_form_new(app *a, int64_t system_id, int64_t copy_id);
/* The form that records a ledger entry, its system set to system (NULL
 * or unknown: the year's first). NULL when the year has no systems (the
 * status line then says so). */
screen *verify_entry_form_new(app *a, const char *system);
/* The prompt for the days after which a restore test is stale. */
screen *verify_stale_prompt_new(app *a);

/* The choices of a form that records an entry: the year's systems by
 * name and the results, in the current language. */
typedef struct {
	char (*names)[TEXT_BYTES(BIA_NAME_MAX)];
	const char **name_opts;
	size_t n_names;
	const char *results[VERIFY_RESULTS];
} verify_choices;

/* Fills c from v's systems; false on no memory. Release with
 * verify_choices_free (also after a failure). */
bool verify_choices_init(verify_choices *c, const verify_view *v);
void verify_choices_free(verify_choices *c);

/* A duration typed into a field, or empty for none (BIA_UNSET); false
 * when it is not one. */
bool verify_parse_duration(const char *text, int64_t *out);

/* After a write of backups or the ledger: as app_wrote_parts. */
bool verify_wrote(app *a, moat_status st);

/* The role a system's freshness is shown in. */
draw_role verify_fresh_role(const freshness *f);

/* Draws a system's chart of RTA against its RTO, one bar per entry
 * (oldest at the top, the newest that fit), the RTO marked, in r. */
void verify_draw_trend(const verify_view *v, const char *system, int64_t rto,
		       rect r);

#endif
