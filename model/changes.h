/* Which parts of a unit's data a change touched, so that a screen re-reads
 * only what depends on it: after its own write (named by the caller) and
 * after another user's commit (read from the audit log's entries since). */
#ifndef MOAT_CHANGES_H
#define MOAT_CHANGES_H

typedef enum {
	PART_REPORT = 1u << 0, /* the current year: states, answers, evidence */
	PART_YEARS = 1u << 1,  /* every year of the unit with its level */
	PART_CALC = 1u << 2,   /* ROI lines, investment classes, parameters */
	PART_PLAN = 1u << 3,   /* the 30/60/90-day programme and the duties */
	PART_BIA = 1u << 4,    /* the current year's business impact analysis */
	PART_VERIFY = 1u << 5, /* backups, the verification ledger, drills */
	PART_RESPONSE = 1u << 6, /* emergency levels, contacts, the card */
	PART_ALL = (1u << 7) - 1,
} data_part;

/* The parts that a change audited under `entity` (store_audit's names:
 * "item", "evidence", "task"...) may have touched; PART_ALL for a name it
 * does not know, so that nothing new is ever missed. */
unsigned change_parts(const char *entity);

#endif
