#include "config.h"

#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "model/msg.h"
#include "model/text.h"
#include "model/user.h"
#include "tui/app.h"
#include "tui/cli.h"
#include "tui/input.h"
#include "tui/screens.h"

/* Set by signal handlers; the loop notices it between keys. */
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	stop_requested = sig;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal wakes get_wch so the loop can leave. */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

void app_message(app *a, draw_role role, const char *fmt, ...)
{
	va_list ap;
	a->dirty = true;
	va_start(ap, fmt);
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	va_end(ap);
	a->status_role = role;
}

/* The lowest screen in view: the top one and the screens under its
 * modal pop-ups. */
static int first_in_view(const app *a)
{
	int base = a->depth - 1;
	while (base > 0 && a->stack[base]->ops->modal)
		base--;
	return base;
}

/* Screens in view that missed a change reload now; the others do when
 * they come back into view, so none reads parts it does not show. */
static void sync_screens(app *a)
{
	for (int i = a->depth > 0 ? first_in_view(a) : 0; i < a->depth; i++) {
		if (a->seen[i] == a->generation)
			continue;
		a->seen[i] = a->generation;
		if (a->stack[i]->ops->reload)
			a->stack[i]->ops->reload(a->stack[i], a);
	}
}

static void store_trouble(app *a)
{
	app_message(a, ROLE_BAD, msg(ERR_STORE_FMT), store_errmsg(a->st));
}

static void drop_part(app *a, unsigned part)
{
	if (part == PART_YEARS) {
		free(a->years);
		a->years = NULL;
		a->n_years = 0;
	} else if (part == PART_CALC) {
		calc_free(&a->calc);
	} else if (part == PART_PLAN) {
		agenda_free(&a->plan);
	} else if (part == PART_BIA) {
		bia_view_free(&a->bia);
	} else if (part == PART_VERIFY) {
		verify_view_free(&a->verify);
	} else if (part == APP_FINDINGS) {
		a->findings.n = 0;
	}
	a->loaded &= ~part;
}

/* Reads one part (dropping what it held); false when it could not be
 * read, the status line saying why. The part counts as loaded either way,
 * empty then, so that a failing read is not repeated on every draw. */
static bool load_part(app *a, unsigned part)
{
	moat_status st = ST_OK;
	drop_part(a, part);
	a->loaded |= part;
	/* Empty or not, the plan answers for the texts asked of it. */
	if (part == PART_PLAN)
		a->plan.texts = (a->used & USE_HISTORY) != 0;
	if (!a->rep_loaded)
		return false;
	if (part == PART_YEARS)
		st = report_years(a->st, a->q, a->rep.assessment.unit_id, a->today,
				  &a->rep, &a->years, &a->n_years);
	else if (part == PART_CALC)
		st = calc_load(a->st, a->rep.assessment.unit_id, &a->calc);
	else if (part == PART_PLAN)
		st = agenda_load(a->st, a->rep.assessment.unit_id, a->today,
				 AGENDA_SCREEN_DAYS, (a->used & USE_HISTORY) != 0,
				 &a->plan);
	else if (part == PART_BIA)
		st = bia_view_load(a->st, a->assessment_id, &a->q->bia,
				   a->today, &a->bia);
	else if (part == PART_VERIFY)
		st = verify_view_load(a->st, a->rep.assessment.unit_id,
				      a->assessment_id, app_bia(a), a->today,
				      &a->verify);
	else if (part == APP_FINDINGS)
		st = findings_view_load(a->st, a->q, a->rep.assessment.unit_id,
					app_bia(a), a->today, a->user,
					&a->findings);
	if (st)
		store_trouble(a);
	return st == ST_OK;
}

/* A part for a reader: read when it is not in memory. */
static void need_part(app *a, unsigned part)
{
	a->used |= part;
	if (!(a->loaded & part))
		load_part(a, part);
}

const year_summary *app_years(app *a, size_t *n)
{
	need_part(a, PART_YEARS);
	*n = a->n_years;
	return a->years;
}

const calc_data *app_calc(app *a)
{
	need_part(a, PART_CALC);
	return &a->calc;
}

agenda *app_plan(app *a)
{
	need_part(a, PART_PLAN);
	return &a->plan;
}

const bia_view *app_bia(app *a)
{
	need_part(a, PART_BIA);
	return &a->bia;
}

const findings_set *app_findings(app *a)
{
	need_part(a, APP_FINDINGS);
	return &a->findings;
}

const verify_view *app_verify(app *a)
{
	need_part(a, PART_VERIFY);
	return &a->verify;
}

agenda *app_plan_history(app *a)
{
	a->used |= USE_HISTORY;
	need_part(a, PART_PLAN);
	if (!a->plan.texts)
		load_part(a, PART_PLAN);
	return &a->plan;
}

void app_changed(app *a, unsigned parts)
{
	static const unsigned optional[] = {PART_YEARS, PART_CALC, PART_PLAN,
					    PART_BIA, PART_VERIFY, APP_FINDINGS};

	/* Where the data stands is taken before reading it: a commit made
	 * while it is read shows at the next look. */
	if (a->assessment_id) {
		store_data_version(a->st, &a->data_version);
		store_audit_newest(a->st, &a->audit_seen);
	}
	/* The backups are judged by the analysis's targets. */
	if (parts & PART_BIA)
		parts |= PART_VERIFY;
	if (parts & (PART_BIA | PART_VERIFY | PART_RESPONSE))
		parts |= APP_FINDINGS;
	/* The years take the current year's level from its report. */
	if (parts & PART_REPORT)
		parts |= PART_YEARS;
	if (parts & PART_REPORT) {
		if (a->rep_loaded)
			report_free(&a->rep);
		a->rep_loaded = false;
		if (a->assessment_id &&
		    report_load(a->st, a->q, a->assessment_id, a->today, &a->rep))
			store_trouble(a);
		else if (a->assessment_id)
			a->rep_loaded = true;
	}
	for (size_t i = 0; i < sizeof optional / sizeof optional[0]; i++) {
		unsigned part = optional[i];
		if (!(parts & part) || !(a->loaded & part))
			continue;
		/* In use: read again now, so what holds it sees the new
		 * data; otherwise on its next use. */
		if (a->used & part)
			load_part(a, part);
		else
			drop_part(a, part);
	}
	a->generation++;
	a->dirty = true;
	sync_screens(a);
}

void app_reload(app *a)
{
	app_changed(a, PART_ALL);
}

bool app_wrote_parts(app *a, moat_status st, unsigned parts)
{
	time_t now = time(NULL);
	struct tm tm;

	if (st == ST_OK) {
		localtime_r(&now, &tm);
		strftime(a->saved_at, sizeof a->saved_at, "%H:%M:%S", &tm);
		app_changed(a, parts);
		return true;
	}
	if (st == ST_FROZEN)
		app_message(a, ROLE_BAD, "%s", msg(ERR_FROZEN));
	else if (st == ST_READONLY)
		app_message(a, ROLE_BAD, "%s", msg(TUI_READ_ONLY));
	else if (st == ST_CONFLICT)
		app_message(a, ROLE_WARN, "%s", msg(ERR_CONFLICT));
	else if (st == ST_BUSY)
		app_message(a, ROLE_BAD, "%s", msg(ERR_BUSY));
	else
		store_trouble(a);
	/* The screen may show a value that did not make it: re-read. A
	 * conflict means someone else changed it: everything is re-read. */
	app_changed(a, st == ST_CONFLICT ? PART_ALL : parts);
	return false;
}

bool app_wrote(app *a, moat_status st)
{
	return app_wrote_parts(a, st, PART_ALL);
}

void app_open_assessment(app *a, int64_t assessment_id)
{
	a->assessment_id = assessment_id;
	/* Only this Unix user's sessions open on it next time; a read-only
	 * file cannot remember, which changes nothing now. */
	store_set_current(a->st, a->user, assessment_id);
	app_reload(a);
}

static void draw_title(app *a, rect r, const screen *top)
{
	char left[512], right[128], year[96], user[80];
	int room, x;
	draw_fill(r.y, r.x, r.w, ROLE_TITLE);
	/* A login is at most 32 characters; beyond 16 columns it is cut so
	 * the unit's name keeps room. */
	text_fit(a->user, 16, true, user, sizeof user);
	snprintf(right, sizeof right,
		 msg(store_read_only(a->st) ? FRAME_USER_RO_FMT : FRAME_USER_FMT),
		 user);
	room = r.w - text_width(right) - 2;
	snprintf(left, sizeof left, " moat · %s  ", msg(top->ops->title));
	x = r.x + draw_text(r.y, r.x, room, ROLE_TITLE, left);
	if (a->rep_loaded) {
		/* The year and whether it is final always show: a long unit
		 * name is what gets cut. */
		snprintf(year, sizeof year, msg(FRAME_YEAR_FMT), a->rep.assessment.year,
			 msg(a->rep.assessment.status == ASSESS_FINAL
				     ? ASSESS_TEXT_FINAL
				     : ASSESS_TEXT_DRAFT));
		x += draw_text(r.y, x, room - (x - r.x) - text_width(year),
			       ROLE_TITLE, a->rep.unit.name);
		draw_text(r.y, x, room - (x - r.x), ROLE_TITLE, year);
	}
	draw_text_right(r.y, r.x, r.w - 1, ROLE_TITLE, right);
}

/* Key hints of the top screen, then the common ones, as fits. On the
 * first screen "back" means leaving moat, and says so. */
static int draw_hints(rect r, const screen *top, bool first, int room)
{
	keytable tables[2] = {top->ops->keys, keymap_common()};
	int x = r.x + 1;
	for (int t = 0; t < 2; t++) {
		for (size_t i = 0; i < tables[t].n; i++) {
			const keybinding *b = &tables[t].v[i];
			const char *label = keymap_shown_label(b, first);
			const char *help = msg(keymap_shown_help(b, first));
			int need = text_width(label) + 1 + text_width(help) + 2;
			if (!b->hint || (top->ops->text_entry && t == 1))
				continue;
			if (x + need > r.x + room)
				return x;
			x += draw_text(r.y, x, need, ROLE_KEY, label);
			x += 1;
			x += draw_text(r.y, x, need, ROLE_NORMAL, help);
			x += 2;
		}
	}
	return x;
}

/* A message longer than the status line takes the lines above it too,
 * under a rule of its own, so nothing of it is cut (up to half the
 * window). */
static void draw_message(app *a, rect r)
{
	int w = r.w - 2;
	int rows = draw_paragraph((rect){0, 0, 0, w}, 0, a->status_role, a->status);
	int y;

	if (rows > LINES / 2)
		rows = LINES / 2;
	if (rows < 1)
		rows = 1;
	y = r.y - rows + 1;
	if (rows > 1) {
		for (int i = y - 1; i < r.y; i++)
			draw_fill(i, r.x, r.w, ROLE_NORMAL);
		draw_rule(y - 1, r.x, r.w);
	}
	draw_paragraph((rect){y, r.x + 1, rows, w}, 0, a->status_role, a->status);
}

static void draw_status(app *a, rect r, const screen *top)
{
	char right[64] = "";
	int rw;
	if (a->status[0]) {
		draw_message(a, r);
		return;
	}
	if (a->saved_at[0])
		snprintf(right, sizeof right, msg(FRAME_SAVED_FMT), a->saved_at);
	rw = text_width(right);
	draw_hints(r, top, a->depth == 1, r.w - rw - 2);
	if (rw)
		draw_text_right(r.y, r.x, r.w - 1, ROLE_DIM, right);
}

static void draw_all(app *a)
{
	frame_layout f = layout_frame(LINES, COLS);
	screen *top = a->stack[a->depth - 1];
	int base;

	/* What this frame reads is what the screens in view use. */
	a->used = 0;
	erase();
	a->cursor_on = false;
	if (f.too_small) {
		char buf[256];
		snprintf(buf, sizeof buf, msg(FRAME_TOO_SMALL_FMT), COLS, LINES,
			 LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
		draw_paragraph(f.body, LINES / 2 - 1, ROLE_WARN, buf);
		curs_set(0);
		refresh();
		return;
	}
	base = first_in_view(a);
	draw_title(a, f.title, a->stack[base]);
	draw_rule(f.top_rule.y, 0, f.top_rule.w);
	draw_rule(f.bottom_rule.y, 0, f.bottom_rule.w);
	for (int i = base; i < a->depth; i++) {
		a->cursor_on = false;
		a->stack[i]->ops->draw(a->stack[i], a, f.body);
	}
	draw_status(a, f.status, top);
	if (a->repaint) {
		redrawwin(stdscr);
		a->repaint = false;
	}
	if (a->cursor_on) {
		curs_set(1);
		move(a->cursor_y, a->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

static void destroy_top(app *a)
{
	screen *s = a->stack[--a->depth];
	if (s->ops->modal)
		a->repaint = true;
	s->ops->destroy(s);
}

static bool push_screen(app *a, screen *s)
{
	if (!s)
		return false;
	if (a->depth == APP_MAX_SCREENS) {
		s->ops->destroy(s);
		return false;
	}
	/* It was made from the data as it is now. */
	a->seen[a->depth] = a->generation;
	a->stack[a->depth++] = s;
	return true;
}

/* Applies what a screen asked for; false when moat should end. */
static bool apply(app *a, key_result r)
{
	switch (r.kind) {
	case RES_NONE:
	case RES_UNUSED:
		break;
	case RES_PUSH:
		push_screen(a, r.next);
		break;
	case RES_POP:
		destroy_top(a);
		if (a->depth == 0)
			return false;
		break;
	case RES_REPLACE:
		destroy_top(a);
		push_screen(a, r.next);
		if (a->depth == 0)
			return false;
		break;
	case RES_QUIT:
		return false;
	}
	if (a->reset_stack && a->depth > 1) {
		screen *top = a->stack[a->depth - 1];
		unsigned seen = a->seen[a->depth - 1];
		a->depth--;
		while (a->depth > 0)
			destroy_top(a);
		a->seen[0] = seen;
		a->stack[a->depth++] = top;
	}
	a->reset_stack = false;
	sync_screens(a);
	return true;
}

static bool dispatch(app *a, int key)
{
	screen *top = a->stack[a->depth - 1];
	int action;
	key_result r;

	bool typing = top->ops->text_entry ||
		      (top->ops->typing && top->ops->typing(top));

	/* A repaint is never typed text, so it works in every screen. */
	a->dirty = true;
	if (keymap_lookup(keymap_common(), key) == ACT_REDRAW) {
		clearok(curscr, TRUE);
		return true;
	}
	/* While a field takes typing, only the screen sees the key. */
	action = typing && !top->ops->text_entry ? ACT_NONE
						 : keymap_lookup(top->ops->keys, key);

	if (action == ACT_NONE && (!typing || key == KEY_CTRL('c')))
		action = keymap_lookup(keymap_common(), key);
	r = top->ops->handle_key(top, a, action, key);
	if (r.kind == RES_UNUSED) {
		if (action == ACT_HELP)
			r = push(screen_help_new(top));
		else if (action == ACT_QUIT)
			r = result(RES_QUIT);
		else if (action == ACT_BACK && a->depth > 1)
			r = result(RES_POP);
		else if (action == ACT_BACK && key != KEY_ESC)
			r = result(RES_QUIT); /* q on the first screen */
	}
	return apply(a, r);
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* What other users' commits touched, by the audit entries they wrote;
 * everything when they wrote none (a change moat did not make) or the
 * log cannot be read. */
static unsigned others_changes(app *a)
{
	unsigned parts = 0;
	int64_t newest;
	if (store_audit_changed_since(a->st, a->audit_seen, &parts, &newest) ||
	    newest == a->audit_seen)
		return PART_ALL;
	return parts;
}

/* Notices commits by other users and re-reads: at least once a second,
 * also while keys keep arriving, so a screen is never older than that. */
static void poll_changes(app *a)
{
	int64_t v;
	bool reopened = false;
	long long now = now_ms();

	if (now - a->polled_ms < APP_POLL_MS)
		return;
	a->polled_ms = now;
	/* A read-only snapshot switches to the WAL once a writer has it. */
	if (store_refresh(a->st, &reopened) == ST_OK && reopened) {
		app_reload(a);
		return;
	}
	/* A failed read (the file was busy) is retried here too. */
	if (a->assessment_id && !a->rep_loaded)
		app_reload(a);
	else if (a->rep_loaded && store_data_version(a->st, &v) == ST_OK &&
		 v != a->data_version)
		app_changed(a, others_changes(a));
}

/* What the user should know before the first key: read-only, WAL files
 * another user must fix, a broken audit chain, a terminal that is not
 * UTF-8. */
static void startup_notice(app *a, bool utf8)
{
	char warn[512];
	if (!utf8)
		app_message(a, ROLE_BAD, "%s", msg(TUI_NOT_UTF8));
	else if (store_warning(a->st)[0])
		app_message(a, ROLE_BAD, "%s", msg(TUI_SIDES_BLOCK));
	else if (store_read_only(a->st))
		app_message(a, ROLE_WARN, "%s", msg(TUI_READ_ONLY));
	else if (!cli_audit_quick_check(a->st, warn, sizeof warn))
		app_message(a, ROLE_BAD, "%s", warn);
}

int app_run(store *st, const questionnaire *q, const char *db_path, date today,
	    int64_t open_id, bool utf8)
{
	app a;
	input in;
	bool gone = false;
	SCREEN *term;
	bool empty = true;
	int64_t unit_id, assessment_id;

	memset(&a, 0, sizeof a);
	memset(&in, 0, sizeof in);
	a.st = st;
	a.q = q;
	a.db_path = db_path;
	a.today = today;
	user_name(a.user, sizeof a.user);

	term = newterm(NULL, stdout, stdin);
	if (!term) {
		const char *t = getenv("TERM");
		fprintf(stderr, "moat: cannot use the terminal type '%s'\n",
			t ? t : "(unset)");
		return 1;
	}
	set_term(term);
	install_signals();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	set_escdelay(50);
	timeout(APP_TIMEOUT_MS);
	in.timeout_ms = APP_TIMEOUT_MS;
	draw_init_colors();

	if (open_id) {
		a.assessment_id = open_id;
		app_reload(&a);
		push_screen(&a, screen_home_new());
	} else if (store_is_empty(st, &empty) == ST_OK && !empty &&
	    store_current(st, a.user, &unit_id, &assessment_id) == ST_OK) {
		a.assessment_id = assessment_id;
		app_reload(&a);
		push_screen(&a, screen_home_new());
	} else {
		push_screen(&a, screen_firstrun_new());
	}
	startup_notice(&a, utf8);
	a.polled_ms = now_ms();
	a.dirty = true;

	while (a.depth > 0 && !stop_requested) {
		int key, dropped;
		input_result got;

		/* Other users' changes are read before drawing, never between
		 * a key and its action: a key acts on what the screen showed
		 * (and a write that finds the stored value changed since is
		 * refused by the store). */
		poll_changes(&a);
		if (a.dirty) {
			draw_all(&a);
			a.dirty = false;
		}
		got = input_read(&in, &key);
		if ((dropped = input_take_dropped(&in)) > 0) {
			app_message(&a, ROLE_BAD, msg(TUI_NOT_UTF8_BYTES_FMT), dropped);
			/* Stays while the rest of the typing goes on. */
			a.notice_until_ms = now_ms() + APP_NOTICE_MS;
		}
		if (got == INPUT_GONE) {
			gone = true;
			break;
		}
		if (got == INPUT_NONE) {
			screen *top = a.stack[a.depth - 1];
			if (top->ops->ticks && top->ops->ticks(top))
				a.dirty = true;
			continue;
		}
		if (key == KEY_FN(KEY_RESIZE)) {
			a.dirty = true;
			for (int i = 0; i < a.depth; i++)
				if (a.stack[i]->ops->resize)
					a.stack[i]->ops->resize(a.stack[i], &a);
			continue;
		}
		if (key == '\r')
			key = '\n';
		if (!dropped && now_ms() >= a.notice_until_ms)
			a.status[0] = '\0';
		if (!dispatch(&a, key))
			break;
	}
	while (a.depth > 0)
		destroy_top(&a);
	if (a.rep_loaded)
		report_free(&a.rep);
	drop_part(&a, PART_YEARS);
	drop_part(&a, PART_CALC);
	drop_part(&a, PART_PLAN);
	drop_part(&a, PART_BIA);
	drop_part(&a, PART_VERIFY);
	endwin();
	delscreen(term);
	/* A terminal that vanished ends moat as a hang-up would. */
	if (gone && !stop_requested)
		return 128 + SIGHUP;
	return stop_requested ? 128 + stop_requested : 0;
}
