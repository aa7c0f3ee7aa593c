/* The words of the business impact analysis: durations as people write
 * and type them, and the sentences that state each result of model/bia.h
 * (refusals, the suggested MTD, the margin, the roll-up, the DR level and
 * the plan, the architectures) in the current language (msg_set_lang).
 * The screens, the CLI and the workbook all say these same sentences.
 * Names of ratings, levels and sites come from the reference files
 * (model/bia_table.h) passed in, never from the catalog. Pure.
 *
 * Every function that writes into out (capacity len bytes) always ends it
 * with a NUL (when len > 0) and, when the text is longer, cuts it between
 * two characters, never inside one. */
#ifndef MOAT_BIA_TEXT_H
#define MOAT_BIA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/bia.h"
#include "model/bia_table.h"
#include "model/checklist.h"
#include "model/findings.h"
#include "model/status.h"

/* ---- Durations ---- */

/* From this many minutes (4 days) on, a duration is written in days; below
 * it in hours and minutes. Every figure the document and GB/T 20988 give in
 * hours (24 h, 24-72 h, >72 h) thus reads as they write it, and longer
 * outages are counted in days as people count them. */
#define BIA_DAYS_FROM ((int64_t)4 * 1440)

/* A duration as written: its parts largest first, parts that are 0 left
 * out, "0 min" for 0.
 *   English: "15 min", "1 h", "1 h 10 min", "95 h 59 min", "4 d",
 *            "4 d 3 h", "4 d 3 h 5 min", "4 d 5 min";
 *   Chinese: "15分钟", "1小时", "1小时10分钟", "4天3小时5分钟".
 * BIA_UNSET (and any other negative) gives "not set" / "未设定",
 * BIA_UNBOUNDED "no bound" / "无上限". Values above BIA_MAX_MINUTES are
 * written the same way (bia_minutes_parse refuses them). */
void bia_minutes_format(int64_t minutes, char *out, size_t len);

/* The longest text bia_minutes_parse accepts, in bytes. */
#define BIA_DURATION_TEXT_MAX 200

/* Reads a duration as a manager types it, in either language whatever the
 * interface's: one or more terms of a number and a unit, largest unit
 * first, each unit once, each later term less than one of the unit before
 * it ("1 h 10 min", "2天3小时", "4小时30分"); or a bare number of minutes
 * ("15"). Units, in any letter case: m, min, mins, minute, minutes, 分,
 * 分钟; h, hr, hrs, hour, hours, 小时, 个小时; d, day, days, 天. Spaces are
 * optional between number and unit and between terms; surrounding spaces,
 * the ideographic space and full-width forms (１５ｍｉｎ, "１．５小时")
 * are taken as their ASCII selves. A number may have a decimal fraction
 * ("1.5 h") only when it is the only term, and only when the result is a
 * whole number of minutes. Refused with ST_INVALID (*minutes unchanged):
 * an empty or blank text, anything else (signs, Chinese numerals, digit
 * separators, "1 h 30"), a fraction of a minute, a total above
 * BIA_MAX_MINUTES, a text longer than BIA_DURATION_TEXT_MAX bytes or not
 * valid UTF-8. For every m in 0..BIA_MAX_MINUTES, parsing what
 * bia_minutes_format writes for m gives m, in both languages. */
moat_status bia_minutes_parse(const char *text, int64_t *minutes);

/* What a duration field expects, for the message when bia_minutes_parse
 * refuses: "A duration such as 15 min, 1.5 h or 2 d 3 h, at most 366 d". */
void bia_minutes_hint(char *out, size_t len);

/* ---- Refusals ---- */

/* Why bia.h refused a value, as a sentence: "The RTO must be shorter than
 * the MTD (1 h)". value is the MTD for BIA_RTO_NOT_BELOW_MTD and the
 * duration before for BIA_DURATION_ORDER, and is not read for the other
 * codes. "" for BIA_OK, "?" for a value outside the enum. */
void bia_problem_text(bia_problem why, int64_t value, char *out, size_t len);

/* ---- The suggested MTD ---- */

/* What bia_suggest_mtd found for grid g, said as the rule: "Suggested MTD
 * 1 h: the last duration before the overall rating first reaches extreme
 * (at 4 h)" ("... reaches high or worse" when intolerable is not the top
 * rating); "Intolerable from the first duration (15 min): the MTD is
 * shorter; set it with a reason"; "Never intolerable up to 24 h: the MTD
 * is at least 24 h; set it with a reason"; "No outage durations to
 * assess". s must come from g and intolerable; the rating's name is
 * ref's ("极高" with the Chinese files). */
void bia_mtd_text(const bia_mtd_suggestion *s, const bia_grid *g,
		  const bia_reference *ref, bia_rating intolerable, char *out,
		  size_t len);

/* ---- Safety margin ---- */

/* A margin of bia_margin in per mille as a percentage, "margin 75 %",
 * "margin 66.6 %"; under the threshold (bia_margin_warns) with the
 * warning: "margin 49.5 %, under 50 %: the RTO leaves little time before
 * the MTD". */
void bia_margin_text(int permille, int threshold_permille, char *out,
		     size_t len);

/* ---- Roll-up to systems ---- */

/* What a system must achieve and what sets it, from bia_rollup over in:
 * "RTO 2 h (预约服务), RPO 1 h (客户信息)", "RTO not set, RPO 5 min
 * (服务交易数据)". */
void bia_need_text(const bia_rollup_input *in, const bia_system_need *n,
		   char *out, size_t len);

/* The warnings of a need, "; " apart, "" when there are none: "single
 * point of failure: used by 2 critical processes; RTO missing for 1
 * critical process; RPO missing for 2 data types". */
void bia_need_flags_text(const bia_system_need *n, char *out, size_t len);

/* ---- DR levels ---- */

/* The level rule as stated on screen (a static string). */
const char *bia_level_rule_text(void);

/* A level of t with its name from the table: "level 5 (Real-time data
 * backup)", "5级（实时数据备份）"; "level 9" for a number t lacks. */
void bia_level_label(const bia_table *t, int number, char *out, size_t len);

/* What bia_recommend_level gave (outcome and level) for the targets rto
 * and rpo (BIA_UNSET: none), from t: "Recommended: level 5 (Real-time data
 * backup), which meets RTO 2 h and RPO 15 min"; "No RTO or RPO set yet, so
 * the lowest level: level 1 (Basic data backup)"; "No level of the table
 * meets RTO 1 min and RPO 0 min"; "The level table has no levels". */
void bia_recommend_text(const bia_table *t, bia_level_outcome outcome,
			int level, int64_t rto, int64_t rpo, char *out,
			size_t len);

/* How the planned level compares (bia_plan_compare) with what
 * bia_recommend_level gave: "Planned level 5, as recommended"; "Planned
 * level 6, stronger than needed (level 5 is enough)"; "Nothing planned:
 * needs level 5"; below it, what the planned level cannot promise, from
 * its ranges in t: "Planned level 4, needs 5: RTO 2 h not met (level 4
 * recovers in up to 12 h)", with the RPO's after "; " when it too is not
 * met. */
void bia_plan_text(const bia_table *t, int planned, bia_level_outcome outcome,
		   int recommended, int64_t rto, int64_t rpo, char *out,
		   size_t len);

/* ---- Architectures ---- */

/* Whether an architecture's first site, which takes over in an ordinary
 * outage, meets the targets (r from bia_arch_check with the same rto and
 * rpo): "local → same city: meets RTO 2 h and RPO 15 min", "local → same
 * city: misses RTO 30 min (up to 1 h), meets RPO 15 min", "... no RPO
 * set"; the site's name is a's. */
void bia_arch_verdict_text(const bia_arch *a, const bia_arch_result *r,
			   int64_t rto, int64_t rpo, char *out, size_t len);

/* What it costs, by money_format, in currency (NULL or "": the catalog's
 * default unit), with the reference's words for the factor: "cost 300-400
 * 10k CNY (1.5-2 x the production site)", "成本300-400万元（生产中心的
 * 1.5-2倍）"; one amount when both ends agree; "cost unknown: no
 * production cost given" when both are 0. */
void bia_arch_cost_text(const bia_arch *a, const bia_arch_result *r,
			const char *currency, char *out, size_t len);

/* ---- Findings for the checklist (§6.1 items 1-3) ---- */

/* The checklist items the analysis speaks for, by their keys in
 * questionnaires/LANG/checklist.yaml, in the order of bia_find_item. */
#define BIA_ITEM_BIA "bia"         /* 1 Business impact analysis */
#define BIA_ITEM_RTO_RPO "rto_rpo" /* 2 RTO/RPO set for critical systems */
#define BIA_ITEM_DR_SITE "dr_site" /* 3 DR site / architecture */

typedef enum {
	BIA_FIND_BIA,
	BIA_FIND_RTO_RPO,
	BIA_FIND_DR_SITE,
	BIA_FIND_ITEMS,
} bia_find_item;

/* The item with this checklist key, or BIA_FIND_ITEMS for another key. */
bia_find_item bia_find_item_of(const char *key);

/* One year's analysis as the store holds it: plain arrays and counts, each
 * array NULL only when its count is 0. A critical system is one that a
 * critical process uses (needs[s].n_critical > 0). */
typedef struct {
	const bia_process *processes;
	size_t n_processes;
	const int64_t *mtd;  /* per process, the MTD in force (bia_process_mtd);
				BIA_UNSET for none */
	const bia_use *uses; /* which process uses which system */
	size_t n_uses;
	const bia_system *systems; /* names, planned levels, architectures */
	size_t n_systems;
	const bia_system_need *needs; /* per system, from bia_rollup */
	const bia_level_outcome *outcomes; /* per system, bia_recommend_level
					      for its need's rto and rpo */
	const int *recommended;            /* per system, the level it gave */
	size_t n_review_due; /* processes never reviewed or past their next
				review (bia_view's review_due) */
	int review_months;   /* the unit's interval between reviews */
} bia_year_figures;

/* The findings of the three items from y, in the order of bia_find_item.
 *   bia:     processes are listed, at least one critical; every critical
 *            process has an MTD and uses a system. Processes due for
 *            review are said last ("8 of 8 processes are due for review
 *            (every 12 months)"): the analysis wants keeping up, but an
 *            overdue review does not undo it.
 *   rto_rpo: there is a critical system; every critical system has an RTO
 *            from each critical process using it and an RPO from each
 *            data type it holds (at least one), and no critical process's
 *            RTO is as long as its MTD.
 *   dr_site: there is a critical system; each has its RTO and RPO in
 *            full (as for rto_rpo: a level sized on part of them may fall
 *            short), a level that meets them, a planned level at least
 *            that one and an architecture chosen. A plan stronger than
 *            needed is said but does not count against it.
 * ST_INVALID, with out[] empty and not supporting, when an array is
 * missing for its count or a use names a process or system out of range. */
moat_status bia_checklist_findings(const bia_year_figures *y,
				   item_findings out[BIA_FIND_ITEMS]);

/* The words for a "done" the analysis does not support (a static
 * string; findings_contradiction_text(FIND_BIA)). */
const char *bia_contradiction_text(void);

/* ---- A system's flags (bia_view_system_flags) ---- */

/* What a system's figures warn of, as bits. */
#define BIA_FLAG_SPOF 1u    /* the need's spof */
#define BIA_FLAG_WEAKER 2u  /* the plan is weaker than needed */
#define BIA_FLAG_NO_RTO 4u  /* a critical process using it has no RTO */
#define BIA_FLAG_NO_RPO 8u  /* a data type it holds has no RPO, or a
			       critical process uses it and it holds none */
#define BIA_FLAG_ARCH 16u   /* its architecture misses the targets */
#define BIA_FLAGS 5         /* the bits above, lowest first */

/* The name of the one flag bit (BIA_FLAG_SPOF ...): "single point of
 * failure", "plan weaker than needed", "RTO missing", "RPO missing",
 * "architecture misses the targets"; NULL for any other value. */
const char *bia_flag_name(unsigned bit);

/* The names of the bits set in flags, lowest first, ", " apart ("，" in
 * Chinese); "" for none. */
void bia_flags_text(unsigned flags, char *out, size_t len);

#endif
