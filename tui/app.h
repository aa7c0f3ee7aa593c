/* The running terminal session: the store, the questionnaire, the current
 * assessment's report, the screen stack and the status line. */
#ifndef MOAT_APP_H
#define MOAT_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "model/agenda.h"
#include "model/calc.h"
#include "model/date.h"
#include "model/questionnaire.h"
#include "model/report.h"
#include "model/store.h"
#include "tui/draw.h"
#include "tui/screen.h"

#define APP_MAX_SCREENS 16

/* Other users' commits show within this many milliseconds. */
#define APP_POLL_MS 1000

/* A notice about dropped input stays this long while typing goes on. */
#define APP_NOTICE_MS 3000

struct app {
	store *st;
	const questionnaire *q;
	const char *db_path;
	char user[64];
	date today;
	int64_t assessment_id; /* 0 until an organisation exists */
	report rep;            /* of assessment_id; reloaded after writes */
	bool rep_loaded;
	report *history;       /* every year of the unit, oldest first */
	size_t n_history;
	calc_data calc;        /* the unit's ROI and investment figures */
	agenda plan;           /* the unit's programme and duties, today */
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
 * committed when it was made. utf8 false: the user's locale is not UTF-8,
 * which the interface says at once. */
int app_run(store *st, const questionnaire *q, const char *db_path,
	    date today, bool utf8);

/* Reloads the report of the current assessment and tells every screen. */
void app_reload(app *a);

/* Shows a message in the status line until the next key. */
void app_message(app *a, draw_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* After a store write: on success remembers the time, reloads and returns
 * true; on failure shows why (frozen, busy, or the store's message) and
 * returns false. */
bool app_wrote(app *a, moat_status st);

/* Makes assessment_id current (after first-run creation). */
void app_open_assessment(app *a, int64_t assessment_id);

#endif
