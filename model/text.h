/* UTF-8 text measured in terminal display columns (CJK = 2, combining = 0).
 * Needs an LC_CTYPE with UTF-8 (the program guarantees one at start-up). */
#ifndef MOAT_TEXT_H
#define MOAT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 character at s (n bytes available). Stores the code
 * point in *cp and returns its length in bytes (>= 1). An invalid or
 * truncated sequence yields U+FFFD and length 1, so callers always advance. */
size_t text_decode(const char *s, size_t n, uint32_t *cp);

/* True when s is entirely well-formed UTF-8 (no overlongs, no surrogates). */
bool text_valid_utf8(const char *s);

/* Display columns of one code point: 0 for combining marks, 2 for wide
 * characters, 1 for anything unprintable (it is shown as a placeholder). */
int text_cp_width(uint32_t cp);

/* Display columns of a whole string. */
int text_width(const char *s);

/* Copies into out (capacity outsz bytes, always NUL-terminated) the longest
 * prefix of s that fits in cols columns, never cutting inside a character.
 * When s is cut and ellipsis is true, the prefix ends with "…" (if outsz
 * leaves room for it: 4 bytes or more).
 * Returns the columns used. */
int text_fit(const char *s, int cols, bool ellipsis, char *out, size_t outsz);

/* Unicode format characters (bidi overrides, zero-width, BOM, line and
 * paragraph separators) that are never shown or stored as typed. */
bool text_is_format_char(uint32_t cp);

/* C0 controls (tab and newline included), DEL and C1 controls: what a
 * terminal may act on instead of showing. */
bool text_is_control(uint32_t cp);

/* The bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069),
 * which reorder the text around them on screen. */
bool text_is_bidi_control(uint32_t cp);

/* Returns a newly allocated copy of s safe to print on a terminal: C0
 * controls (except '\n' when keep_newlines), DEL, C1 controls and Unicode
 * format characters (bidi overrides, zero-width, BOM) are removed and
 * invalid UTF-8 becomes U+FFFD. Tabs become a space. NULL on no memory. */
char *text_sanitize(const char *s, bool keep_newlines);

/* Byte length of the first display line of s that fits in cols columns,
 * breaking after a space where possible; used to wrap paragraphs.
 * Stops at '\n' (not included). Returns at least one character's length
 * when s is not empty, so wrapping always makes progress. */
size_t text_wrap_len(const char *s, int cols);

/* Trims ASCII whitespace at both ends in place; returns s. */
char *text_trim(char *s);

#endif
