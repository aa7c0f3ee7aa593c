/* Helpers shared by the unit tests. */
#ifndef MOAT_TEST_FIXTURES_H
#define MOAT_TEST_FIXTURES_H

#include <stddef.h>

#include "model/bia_table.h"
#include "model/msg.h"
#include "model/questionnaire.h"
#include "model/store.h"

/* Loads the shipped questionnaire of lang_dir ("en", "zh_CN") from
 * $MOAT_DATADIR; aborts the test on failure. */
void fixture_questionnaire(const char *lang_dir, questionnaire *q);

/* Loads the shipped BIA reference data of lang_dir from $MOAT_DATADIR;
 * aborts the test on failure. */
void fixture_bia_reference(const char *lang_dir, bia_reference *r);

/* A fresh empty directory under $TMPDIR, removed with all in it when the
 * test program exits. */
void fixture_dir(char *out, size_t outlen);

/* A fresh path for a database in a temporary directory under $TMPDIR (the
 * directory is created, the file is not); the directory and all in it are
 * removed when the test program exits. */
void fixture_db_path(char *out, size_t outlen);

/* Path of a file under tests/data in the source tree. */
void fixture_data(const char *name, char *out, size_t outlen);

/* Item states by key, the rest not started. */
void fixture_states(const questionnaire *q, item_state *states,
		    const char *const *done, const char *const *in_progress);

/* The demo organisation loaded into a fresh database on the day
 * FIXTURE_TODAY, in one language, for the store's tests. */
#define FIXTURE_TODAY ((date){2026, 11, 25})
typedef struct {
	char path[4096];
	questionnaire q;
	store *s;
	int64_t unit, aid; /* the current unit and year */
} fixture_demo;

/* cmocka setups and the teardown: *state becomes a fixture_demo in
 * English or in Chinese (the teardown sets English back). */
int fixture_demo_setup_en(void **state);
int fixture_demo_setup_zh(void **state);
int fixture_demo_teardown(void **state);

/* One integer from the database with plain SQLite, independent of the
 * store (-1 when there is no row). */
long long fixture_sql_int(const char *path, const char *sql);

/* SQL that takes a file back from schema 17 to 16 (before cost lines
 * named checklist items). */
#define FIXTURE_BEFORE_SCHEMA_17                                              \
	"ALTER TABLE roi_line DROP COLUMN item_key; "

/* SQL that takes a file back from schema 16 to 15 (before regions,
 * archived units and the per-user choice of year). */
#define FIXTURE_BEFORE_SCHEMA_16                                              \
	FIXTURE_BEFORE_SCHEMA_17                                              \
	"DROP TABLE user_current; DROP INDEX org_unit_by_archived;"           \
	" DROP INDEX org_unit_by_region;"                                     \
	" ALTER TABLE org_unit DROP COLUMN archived;"                         \
	" ALTER TABLE org_unit DROP COLUMN region; "

/* SQL that takes a file back from schema 15 to 14 (before the business
 * contingency plans). */
#define FIXTURE_BEFORE_SCHEMA_15                                              \
	FIXTURE_BEFORE_SCHEMA_16                                              \
	"DROP TABLE cont_review; DROP TABLE cont_version;"                    \
	" DROP TABLE cont_column; DROP TABLE cont_step;"                      \
	" DROP TABLE contingency; "

/* SQL that takes a file back from schema 14 to 13: the ledger as it was,
 * without incidents' entries, its rows kept. */
#define FIXTURE_BEFORE_SCHEMA_14                                              \
	FIXTURE_BEFORE_SCHEMA_15                                              \
	"DELETE FROM verify_entry WHERE kind = 'incident';"                   \
	" CREATE TABLE v13 (id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL" \
	" REFERENCES org_unit(id) ON DELETE CASCADE, system TEXT NOT NULL,"   \
	" kind TEXT NOT NULL CHECK (kind IN ('check','restore','drill')),"    \
	" result TEXT NOT NULL CHECK (result IN ('pass','fail','partial')),"  \
	" started_at TEXT NOT NULL, ended_at TEXT NOT NULL DEFAULT '',"       \
	" rta INTEGER, rpa INTEGER, completeness INTEGER,"                    \
	" note TEXT NOT NULL DEFAULT '', link TEXT NOT NULL DEFAULT '',"      \
	" duty_event_id INTEGER REFERENCES duty_event(id) ON DELETE SET NULL,"\
	" drill_id INTEGER REFERENCES drill(id) ON DELETE SET NULL,"          \
	" entered_by TEXT NOT NULL, entered_at TEXT NOT NULL);"               \
	" INSERT INTO v13 SELECT id, unit_id, system, kind, result,"          \
	" started_at, ended_at, rta, rpa, completeness, note, link,"          \
	" duty_event_id, drill_id, entered_by, entered_at FROM verify_entry;" \
	" DROP TABLE verify_entry; ALTER TABLE v13 RENAME TO verify_entry;"   \
	" CREATE INDEX verify_by_system ON verify_entry (unit_id, system,"    \
	" started_at); "

/* SQL that takes a file back from schema 13 to 12 (before the
 * emergency levels, contacts, the response card and incidents). */
#define FIXTURE_BEFORE_SCHEMA_13                                              \
	FIXTURE_BEFORE_SCHEMA_14                                              \
	"DROP TABLE incident_improvement; DROP TABLE incident_log;"           \
	" DROP TABLE incident_step; DROP TABLE incident;"                     \
	" DROP TABLE card_print; DROP TABLE response_card;"                   \
	" DROP TABLE response_contact; DROP TABLE response_level; "

/* SQL that takes a file back from schema 12 to 11 (before backups,
 * their verification and drills). */
#define FIXTURE_BEFORE_SCHEMA_12                                              \
	FIXTURE_BEFORE_SCHEMA_13                                              \
	"DROP TABLE verify_entry; DROP TABLE drill_finding;"                  \
	" DROP TABLE drill_note; DROP TABLE drill_system; DROP TABLE drill;"  \
	" DROP TABLE drill_scenario; DROP TABLE backup_copy;"                 \
	" DROP TABLE backup_plan; "

/* SQL that takes a file back from schema 11 to 10 (before the business
 * impact analysis). */
#define FIXTURE_BEFORE_SCHEMA_11                                              \
	FIXTURE_BEFORE_SCHEMA_12                                              \
	"DROP TABLE bia_hold; DROP TABLE bia_use; DROP TABLE bia_impact;"     \
	" DROP TABLE bia_process; DROP TABLE bia_system;"                     \
	" DROP TABLE bia_data_type; DROP TABLE bia_duration; "

/* SQL that takes a file back from schema 10 to 9 (before the audit
 * log's tripwire), for the tests of older files' upgrades. */
#define FIXTURE_BEFORE_SCHEMA_10                                              \
	FIXTURE_BEFORE_SCHEMA_11                                              \
	"DROP TRIGGER audit_log_deleted; DROP TRIGGER audit_log_changed;"     \
	" DROP TABLE audit_tamper; "

/* SQL that takes a file back from schema 8 to 7 (before the audit log
 * recorded units), for the tests of older files' upgrades. */
#define FIXTURE_BEFORE_SCHEMA_8                                               \
	FIXTURE_BEFORE_SCHEMA_10                                              \
	"DROP INDEX audit_by_unit; DROP INDEX audit_by_unit_user;"           \
	" DROP INDEX audit_by_unit_key;"                                      \
	" ALTER TABLE audit_log DROP COLUMN unit_id;"                         \
	" DELETE FROM setting WHERE key = 'audit_unit_from'; "

/* Runs SQL with plain SQLite (to set up or tamper with a file). */
void fixture_sql_exec(const char *path, const char *sql);

#endif
