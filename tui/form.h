/* Text fields and a vertical form of them, drawn by display columns.
 * The evidence dialog uses the form; prompts use a single line. */
#ifndef MOAT_FORM_H
#define MOAT_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "model/date.h"
#include "model/msg.h"
#include "tui/layout.h"
#include "tui/screen.h"
#include "tui/textedit.h"

/* Applies an editing key (characters, Backspace, Delete, arrows, Home,
 * End, Ctrl-U to clear the field; Up/Down and Enter only in multi-line
 * buffers, which wrap at width).
 * Returns whether the key was an editing key. */
bool form_edit_key(textedit *te, int key, int width);

/* Draws a one-line field at (y, x) w columns wide, scrolling sideways to
 * keep the cursor visible; puts the terminal cursor there if focused. */
void form_draw_line(const textedit *te, int y, int x, int w, int *scroll,
		    bool focused, app *a);

/* Draws a wrapped multi-line field in r, scrolling to the cursor. */
void form_draw_multi(const textedit *te, rect r, int *scroll, bool focused,
		     app *a);

/* FIELD_PAST_DATE: the day something happened, not after the form's
 * today. FIELD_CHOICE: one of a list of options, changed with Space and
 * the arrow keys; nothing is typed (its textedit stays empty). */
typedef enum {
	FIELD_TEXT,
	FIELD_DATE,
	FIELD_PAST_DATE,
	FIELD_MONTHS,
	FIELD_CHOICE,
} field_kind;

/* How one field of a form is made: its label and kind, its rows, whether
 * it is required and the characters it takes. */
typedef struct {
	msg_id label;
	field_kind kind;
	int rows;
	bool required;
	size_t max;
} form_spec;

typedef struct {
	msg_id label;
	field_kind kind;
	int rows;       /* 1 for a line, more for multi-line text */
	bool required;
	textedit te;
	int scroll;
	/* FIELD_CHOICE: the options shown (owned by the caller) and the one
	 * chosen. */
	const char *const *options;
	size_t n_options;
	size_t choice;
} form_field;

/* Makes fld a choice among the n options (owned by the caller), choice
 * chosen. False on no memory. */
bool form_choice_init(form_field *fld, const char *const *options, size_t n,
		      size_t choice);

typedef enum { FORM_NONE, FORM_SUBMIT, FORM_CANCEL } form_result;

typedef struct {
	form_field *fields;
	size_t n;
	size_t focus;
	bool dirty;        /* anything typed since opening */
	msg_id error;      /* MSG__COUNT when none; TEXT_LIMIT_FMT is shown
			    * with the field's label and limit */
	size_t error_field;
	int label_w;       /* display width of the label column */
	int field_w;       /* width the last draw used, for Up/Down */
	bool asking_discard; /* Esc was pressed with typing: y discards */
	date today;        /* the limit of FIELD_PAST_DATE fields */
} form;

/* Prepares a form over caller-owned fields whose textedits are set up;
 * its FIELD_PAST_DATE fields take no day after today. */
void form_init(form *f, form_field *fields, size_t n, date today);

/* Draws labels and fields in r. */
void form_draw(form *f, rect r, app *a);

/* Handles a key: Tab / Shift-Tab / Down / Up move between fields (Up and
 * Down move inside multi-line text first), Enter goes to the next field or
 * submits on the last, Ctrl-S submits, Esc cancels; on a choice, Space and
 * Right pick the next option, Left the one before. */
form_result form_key(form *f, int key);

/* The keys of a screen that is one form: as form_key, except that Esc
 * after typing first asks whether to discard (shown in the status line)
 * and only y then gives FORM_CANCEL. */
form_result form_screen_key(form *f, app *a, int key);

/* The key handler of a screen that is one form f: Ctrl-C is left to the
 * common keys; a submit calls save, and the screen closes when it returns
 * true (else stays with what was typed); Esc closes it (asking first
 * after typing, see form_screen_key). */
key_result form_screen_handle(screen *s, form *f, app *a, int action,
			      int key, bool (*save)(screen *s, app *a));

/* Checks required fields, dates (past dates not after today) and month
 * counts; on failure sets error, moves the focus to the field and returns
 * false. */
bool form_validate(form *f);

#endif
