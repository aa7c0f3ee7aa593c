/* The running terminal session: the store, the questionnaire, the current
 * assessment's report, the parts of the unit's data that screens show, the
 * screen stack and the status line.
 *
 * The current year's report is always loaded. The other parts (the unit's
 * years, its ROI figures, its programme and duties, the year's business
 * impact analysis) are read only when a screen asks for them (app_years,
 * app_calc, app_plan, app_bia), so a screen pays
 * for what it shows. A change names the parts it touched (app_changed);
 * those that the last frame or the key being handled used are read again
 * at once, the others are dropped and read on their next use. */
#ifndef MOAT_APP_H
#define MOAT_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "model/agenda.h"
#include "model/bia_view.h"
#include "model/findings_view.h"
#include "model/calc.h"
#include "model/changes.h"
#include "model/date.h"
#include "model/questionnaire.h"
#include "model/report.h"
#include "model/verify_view.h"
#include "model/store.h"
#include "tui/draw.h"
#include "tui/screen.h"

#define APP_MAX_SCREENS 16

/* Other users' commits show within this many milliseconds. */
#define APP_POLL_MS 1000

/* A notice about dropped input stays this long while typing goes on. */
#define APP_NOTICE_MS 3000
/* How long a read of the terminal waits for a key before the loop looks
 * again (at other users' changes, a running clock). */
#define APP_TIMEOUT_MS 1000

/* In app.used beside the parts (model/changes.h): the duties' history
 * was read with its texts, so the plan is read again with them. */
#define USE_HISTORY (1u << 16)
/* The checklist's findings, drawn from the analysis, the response and
 * the drills: a part of its own, read again when one of those changes. */
#define APP_FINDINGS (1u << 15)

struct app {
	store *st;
	const questionnaire *q;
	const char *db_path;
	char user[64];
	date today;
	int64_t assessment_id; /* 0 until an organisation exists */
	report rep;            /* of assessment_id; reloaded after writes */
	bool rep_loaded;
	/* Read through app_years, app_calc and app_plan only. */
	year_summary *years;   /* every year of the unit, oldest first */
	size_t n_years;
	calc_data calc;        /* the unit's ROI and investment figures */
	agenda plan;           /* the unit's programme and duties, today */
	bia_view bia;          /* the year's business impact analysis */
	verify_view verify;    /* the year's backups, the unit's ledger */
	findings_set findings; /* what the records say of checklist items */
	int64_t audit_seen;    /* the newest audit entry read: another
				* user's commit is re-read by what the
				* entries after it touched */
	unsigned loaded;       /* data_part bits: in memory and current */
	unsigned used;         /* parts read since the last frame began, and
				* USE_HISTORY when the history's texts were */
	unsigned generation;   /* counts changes, so that a screen coming
				* back into view knows it missed one */
	unsigned seen[APP_MAX_SCREENS]; /* generation each screen saw */
	bool dirty;            /* something to draw: nothing changed, no
				* frame (an idle moat does no work) */
	int64_t data_version;  /* to notice other users' commits */
	long long polled_ms;   /* when data_version was last read */
	long long notice_until_ms; /* a notice that keys do not clear */

	screen *stack[APP_MAX_SCREENS];
	int depth;

	char status[2048];     /* a message for the user (wrapped when long:
				* it may name a long file) */
	draw_role status_role;
	char saved_at[16];     /* time of the last successful write */

	/* Set by a screen that starts over (first run done): after the next
	 * push or replace, only the new top screen remains. */
	bool reset_stack;

	/* Set when a modal screen closed: the next draw rewrites every cell.
	 * A border drawn over half of a double-width character makes the
	 * terminal blank its other half, which curses does not track, so
	 * comparing with what curses believes is shown misses those cells. */
	bool repaint;

	/* Set by a text-entry screen's draw to show the terminal cursor. */
	bool cursor_on;
	int cursor_y, cursor_x;
};

/* Runs the interface until the user quits. Returns 0, 1 when the
 * terminal could not be set up (message on stderr), or 128 + N when signal
 * N (SIGTERM, SIGHUP, SIGINT) ended it or 128 + SIGHUP when the terminal
 * went away. The terminal is restored on every way out; every edit was
 * committed when it was made. open_id: the assessment to open on (--unit),
 * without remembering it; 0 for the user's remembered one. utf8 false: the user's locale is not UTF-8,
 * which the interface says at once. */
int app_run(store *st, const questionnaire *q, const char *db_path,
	    date today, int64_t open_id, bool utf8);

/* Re-reads everything (app_changed with PART_ALL). */
void app_reload(app *a);

/* The parts named changed (a write, another user's commit): the report is
 * read again at once, the other parts as described above; then every
 * screen in view reloads, the others when they come back into view. */
void app_changed(app *a, unsigned parts);

/* The unit's years, oldest first, with their levels (*n of them; 0 and
 * NULL without an organisation or when they cannot be read, the status
 * line then saying why). */
const year_summary *app_years(app *a, size_t *n);

/* The unit's ROI and investment figures (empty when unreadable). */
const calc_data *app_calc(app *a);

/* The unit's programme and duties as of today (empty when unreadable);
 * the history's records without their texts (see agenda_load). */
agenda *app_plan(app *a);

/* The same with the history's texts, for the screens that show them. */
agenda *app_plan_history(app *a);

/* The current year's business impact analysis with its figures (empty
 * when unreadable). */
const bia_view *app_bia(app *a);
/* What the records say of the checklist's items (model/findings.h). */
const findings_set *app_findings(app *a);

/* The year's backups and the unit's verification ledger, judged against
 * the analysis's targets on today (empty when unreadable). */
const verify_view *app_verify(app *a);

/* Shows a message in the status line until the next key. */
void app_message(app *a, draw_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* After a store write that touched `parts`: on success remembers the
 * time, re-reads those parts (app_changed) and returns true; on failure
 * shows why (frozen, busy, conflict or the store's message), re-reads them
 * too (the screen may show a value that did not make it) and returns
 * false. */
bool app_wrote_parts(app *a, moat_status st, unsigned parts);

/* app_wrote_parts for a write that may touch anything. */
bool app_wrote(app *a, moat_status st);

/* Makes assessment_id current (after first-run creation). */
void app_open_assessment(app *a, int64_t assessment_id);

#endif
