/* Emergency response (§4.1, §4.2): the four emergency levels, the roles
 * the first step calls, the five steps of the response card with their
 * time limits and check items, read from one language's
 * questionnaire directory (DIR/response.yaml); the unit's contacts; the
 * deadlines of an incident's steps; the card as plain text. */
#ifndef MOAT_RESPONSE_H
#define MOAT_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/date.h"
#include "model/status.h"
#include "model/text.h"
#include "model/verify.h"

#define RESP_LEVELS 4
#define RESP_MAX_ROLES 16
#define RESP_MAX_STEPS 8
#define RESP_MAX_CHECKS 12
#define RESP_TEXT_MAX 120 /* characters of a level's or a contact's text */
#define RESP_PHONE_MAX 40
#define RESP_ALL_LEVELS 0xFu
#define RESP_CONFIRM_DAYS 90 /* a contact unconfirmed longer is flagged */
#define RESP_MAX_CONFIRM_DAYS 3650
#define RESP_PARAM_CONFIRM_DAYS "response.confirm_days"
#define RESP_CARD_COLS 80

/* One emergency level: the document's table or the unit's edit of it. */
typedef struct {
	int number; /* 1..4 for I..IV */
	char name[TEXT_BYTES(RESP_TEXT_MAX)];       /* 特别重大 */
	char definition[TEXT_BYTES(RESP_TEXT_MAX)]; /* 核心系统完全中断 */
	char scope[TEXT_BYTES(RESP_TEXT_MAX)];      /* 全国业务停摆 */
	int64_t minutes;                            /* response time; 0 at once */
	char words[TEXT_BYTES(RESP_TEXT_MAX)];      /* 立即响应 */
	char decision[TEXT_BYTES(RESP_TEXT_MAX)];   /* CEO/COO */
} resp_level;

typedef struct {
	char *key;
	char *name;
	unsigned levels; /* bit n-1: called at level n */
} resp_role;

typedef enum { RESP_FROM_DECLARED, RESP_FROM_RESTORED } resp_anchor;

typedef struct {
	char *key;
	char *title;
	char *limit;          /* the document's words: 5分钟内完成 */
	int64_t minutes;      /* the time limit; -1: the plan's own */
	resp_anchor from;
	int64_t report_every; /* minutes between progress reports; -1 none */
	bool contacts;        /* the step calls the contacts */
	char *checks[RESP_MAX_CHECKS];
	size_t n_checks;
} resp_step;

typedef struct {
	char *title;   /* 系统中断应急响应快速指引 */
	char *posting; /* 打印并张贴在机房 */
	resp_level levels[RESP_LEVELS];
	resp_role roles[RESP_MAX_ROLES];
	size_t n_roles;
	resp_step steps[RESP_MAX_STEPS];
	size_t n_steps;
} resp_reference;

/* Loads DIR/response.yaml into r (zeroed first). Refused with
 * "file:line: why" (ST_PARSE): unknown or missing keys, a key given twice,
 * levels other than I, II, III, IV in that order, a response time that is
 * not a whole number of minutes or falls from one level to the next, a
 * text over RESP_TEXT_MAX characters, a role or step key given twice, a
 * role's level that is not I..IV, a step without checks that calls no
 * contacts, a 'from' other than declared or restored. r is left empty on
 * failure and owns its strings (resp_reference_free). */
moat_status resp_reference_load(const char *dir, resp_reference *r, char *err,
				size_t errlen);
moat_status resp_reference_load_file(const char *path, resp_reference *r,
				     char *err, size_t errlen);
moat_status resp_reference_parse(resp_reference *r, const char *name,
				 const char *buf, size_t len, char *err,
				 size_t errlen);
void resp_reference_free(resp_reference *r);

/* "I".."IV" for 1..4, "?" otherwise. */
const char *resp_level_roman(int number);
/* Parses "I".."IV" (or "1".."4"); false for anything else. */
bool resp_parse_level(const char *s, int *number);
/* "II级（重大）" / "Level II (Major)" into out. */
void resp_level_label(const resp_level *l, char *out, size_t outlen);

/* The role with this key, or NULL. */
const resp_role *resp_role_find(const resp_reference *r, const char *key);
/* The step with this key, or NULL. */
const resp_step *resp_step_find(const resp_reference *r, const char *key);

/* A person to call. */
typedef struct {
	int64_t id;
	char role[TEXT_BYTES(RESP_TEXT_MAX)]; /* a role key, or the unit's own
					      * role in words */
	char name[TEXT_BYTES(RESP_TEXT_MAX)];
	char phone[TEXT_BYTES(RESP_PHONE_MAX)];
	char phone2[TEXT_BYTES(RESP_PHONE_MAX)];
	char alternate[TEXT_BYTES(RESP_TEXT_MAX)]; /* name and phone */
	int rank;        /* escalation order, 1 first */
	unsigned levels; /* bit n-1: called at level n */
	date confirmed;  /* y 0: never confirmed */
	bool placeholder; /* an example to be replaced (the demo's) */
} resp_contact;

/* The role's name as shown: a role's name from r, or the text itself. */
const char *resp_role_name(const resp_reference *r, const char *role);

/* Whether c has gone unconfirmed for more than days days on today (or
 * was never confirmed). */
bool resp_contact_stale(const resp_contact *c, date today, int days);

/* "I/II" for the levels bits (all four: "I-IV"). */
void resp_levels_text(unsigned levels, char *out, size_t outlen);
/* Parses "I,II", "I/II", "I-IV", "all" into bits; false when empty or
 * not levels. */
bool resp_parse_levels(const char *s, unsigned *levels);

/* The deadline of step st of an incident declared at *declared and
 * restored at *restored (NULL while it is not): false when the step has
 * no fixed limit, or counts from a restoration not yet made. */
bool resp_step_deadline(const resp_step *st, const verify_time *declared,
			const verify_time *restored, verify_time *out);

/* The k-th (1, 2, ...) progress report of step st after *declared; false
 * when st reports nothing. */
bool resp_report_due(const resp_step *st, const verify_time *declared, int k,
		     verify_time *out);

/* The card as plain text. */
typedef struct {
	const char *unit;     /* the unit's name */
	int level;            /* 1..4, or 0 for every level */
	int64_t version;
	date printed;
	const resp_level *levels; /* RESP_LEVELS, the unit's */
	const resp_contact *contacts;
	size_t n_contacts;
} resp_card;

/* Writes the card (language: the current one of msg) into a new string
 * (*out, free() it): lines of at most RESP_CARD_COLS display columns,
 * no control characters but '\n', text from users cleaned. */
moat_status resp_card_text(const resp_reference *r, const resp_card *c,
			   char **out);

/* A number that changes with every text of r that the card shows (its
 * steps and roles), so that a changed file counts as a change. */
uint32_t resp_reference_hash(const resp_reference *r);

#endif
