/* Business contingency plans (§4.3 业务应急方案): per system, what the
 * business does by hand when the system stays down: the scenario, the
 * expected outage, when to start, ordered steps with time limits and
 * roles, the simplified process, the notice to customers and the
 * back-entry deadline after recovery. A plan is approved as version N,
 * which freezes its steps' canonical lines; it is reviewed yearly. Also
 * the paper 应急服务登记表 (emergency service registration form) as plain
 * text. Everything here is pure: no store, no clock. */
#ifndef MOAT_CONTINGENCY_H
#define MOAT_CONTINGENCY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/bia.h"
#include "model/date.h"
#include "model/status.h"
#include "model/text.h"

#define CONT_TEXT_MAX 200    /* characters of a scenario, title, role... */
#define CONT_LONG_MAX 2000   /* characters of a step's detail, the notice */
#define CONT_NAME_MAX 60     /* characters of an approver's name */
#define CONT_MAX_STEPS 20
#define CONT_MAX_COLUMNS 10
#define CONT_COLUMN_MAX 20   /* characters of a column's heading */
#define CONT_DEFAULT_COLUMNS 7
#define CONT_REVIEW_MONTHS 12
#define CONT_FORM_COLS 80
#define CONT_FORM_ROWS 12    /* blank rows a printed form has */
#define CONT_NONE (-1)       /* a minutes field left empty */

typedef struct {
	int64_t id;
	char title[TEXT_BYTES(CONT_TEXT_MAX)];
	int64_t minutes; /* time limit; CONT_NONE: none */
	char role[TEXT_BYTES(CONT_TEXT_MAX)];
	char detail[TEXT_BYTES(CONT_LONG_MAX)]; /* lines */
} cont_step;

typedef struct {
	int64_t id;
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	char scenario[TEXT_BYTES(CONT_TEXT_MAX)];
	int64_t outage; /* expected outage in minutes; CONT_NONE */
	char trigger[TEXT_BYTES(CONT_TEXT_MAX)];
	char simplified[TEXT_BYTES(CONT_LONG_MAX)]; /* lines */
	char notice[TEXT_BYTES(CONT_LONG_MAX)];
	int64_t backentry; /* minutes after recovery; CONT_NONE */
} cont_plan;

typedef char cont_column[TEXT_BYTES(CONT_COLUMN_MAX)];

/* What the state of a plan needs, without its steps: the summary the
 * store lists per plan (store_cont_summaries). */
typedef struct {
	int64_t id;
	char system[TEXT_BYTES(BIA_NAME_MAX)];
	int64_t version;   /* the last approved; 0: never approved */
	date approved_on;  /* of version; y 0 when never */
	date reviewed_on;  /* the last review after it; y 0: none */
	bool changed;      /* the steps differ from version's snapshot */
	size_t n_steps;
} cont_summary;

/* State bits of a plan (cont_state). */
enum {
	CONT_APPROVED = 1u << 0,   /* some version approved */
	CONT_CHANGED = 1u << 1,    /* steps changed since that approval */
	CONT_REVIEW_DUE = 1u << 2, /* 12 months since approval or review */
};

/* The day the next review falls due: CONT_REVIEW_MONTHS after the later
 * of the approval and the last review (a 29 February gives 28 February);
 * y 0 when never approved. */
date cont_review_due(const cont_summary *s);

/* The state bits of s on today: CONT_REVIEW_DUE from the due day on. */
unsigned cont_state(const cont_summary *s, date today);

/* The state in words into out: "never approved", "approved v2 on
 * 2025-06-01", then "; changed since approval", "; review due 2026-06-01". */
void cont_state_text(const cont_summary *s, date today, char *out,
		     size_t len);

/* The canonical lines of the steps, the text a version freezes and the
 * diff compares, the same in every language:
 *   "1. TITLE [10 min] (ROLE)"   (limit and role only when given)
 *   "   - DETAIL LINE"            (per non-blank detail line, trimmed)
 * each ended by '\n'. A new string (free() it); NULL on no memory. */
char *cont_canonical(const cont_step *steps, size_t n);

typedef struct {
	char sign;  /* ' ' kept, '-' only in the old text, '+' only in the new */
	char *text; /* the line, without '\n' */
} cont_diff_line;

/* The line diff of old against new (a longest common subsequence of
 * lines; where both differ, the old lines come first). *out: free with
 * cont_diff_free. ST_NOMEM. */
moat_status cont_diff(const char *old, const char *new, cont_diff_line **out,
		      size_t *n);
void cont_diff_free(cont_diff_line *d, size_t n);
/* Whether d has a line that is not kept. */
bool cont_diff_changes(const cont_diff_line *d, size_t n);

/* The default columns of the registration form in the current language:
 * 时间 车牌号 客户姓名 联系电话 服务项目 预计完成时间 服务顾问. */
void cont_default_columns(cont_column out[CONT_DEFAULT_COLUMNS]);

/* A column heading as typed: required, at most CONT_COLUMN_MAX characters,
 * no control characters. */
bool cont_column_ok(const char *s);

/* A blank registration form. */
typedef struct {
	const char *unit, *system;
	int64_t version;   /* 0: a draft never approved */
	date approved_on;
	date printed;
	const cont_column *columns;
	size_t n_columns;  /* 1..CONT_MAX_COLUMNS */
	int rows;          /* blank rows */
	int64_t backentry; /* the back-entry deadline, for the footnote;
			    * CONT_NONE: no footnote */
} cont_form;

/* The form as plain text into a new string (*out, free() it): a title with
 * the unit, system, version and print date, the column headings (wrapped
 * within their columns when they do not fit) and rows blank ruled rows,
 * lines of at most CONT_FORM_COLS display columns, ASCII rules, no
 * control characters but '\n', texts from users cleaned. ST_INVALID
 * without columns or with more than CONT_MAX_COLUMNS; ST_NOMEM. */
moat_status cont_form_text(const cont_form *f, char **out);

/* The columns' widths cont_form_text uses for headings (display width of
 * the writing space, without the rules) into w. */
void cont_form_widths(const cont_column *columns, size_t n, int w[]);

#endif
