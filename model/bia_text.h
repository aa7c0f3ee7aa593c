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

#include <stddef.h>
#include <stdint.h>

#include "model/bia.h"
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

#endif
