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

/* Bytes a buffer needs for chars characters of UTF-8 and the NUL. Limits
 * on typed text are in characters, as the user counts; buffers that hold
 * such text are sized with this. */
#define TEXT_BYTES(chars) ((chars) * 4 + 1)

/* Characters (code points) in s; an invalid byte counts as one. */
size_t text_length(const char *s);

/* Cuts s in place after its first max characters (whole ones); the
 * length in bytes of what stays. */
size_t text_cut_chars(char *s, size_t max);

/* True when s is valid UTF-8 of at most max characters. */
bool text_within(const char *s, size_t max);

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

/* The bidi embedding, override and isolate controls (U+202A-202E,
 * U+2066-2069): they can reorder what surrounds them on screen, so text
 * from users never carries them to a terminal. The joiners U+200C/U+200D,
 * which emoji and Persian or Indic words need, are not among them. */
bool text_is_bidi_control(uint32_t cp);

/* Whether cp is refused in typed text and dropped from text shown: C0
 * controls (except '\n' when newline_ok), DEL, C1 controls, the bidi
 * controls above, surrogates and anything past U+10FFFF. Every other
 * character, format characters such as the joiners included, is kept. */
bool text_cp_refused(uint32_t cp, bool newline_ok);

/* Returns a newly allocated copy of s safe to print on a terminal: what
 * text_cp_refused refuses is removed ('\n' kept when keep_newlines), tabs
 * become a space and invalid UTF-8 becomes U+FFFD; everything else is
 * kept byte for byte. NULL on no memory. */

/* C0 controls (tab and newline included), DEL and C1 controls: what a
 * terminal may act on instead of showing. */
bool text_is_control(uint32_t cp);

char *text_sanitize(const char *s, bool keep_newlines);

/* One line of a wrapped text: bytes [off, off + len) of it, cols display
 * columns wide. */
typedef struct {
	size_t off, len;
	int cols;
} text_line;

/* Breaks s into lines of at most cols display columns (1 when cols is
 * smaller) where the Unicode line breaking rules (UAX #14) allow it:
 * Chinese between characters, but never before closing punctuation
 * (，。：；！？）」』、…) nor after opening punctuation (（「『…), other
 * text at spaces. A line break character ('\n', U+2028) always ends a
 * line; a final one starts no new line. Spaces at a soft break belong to
 * neither line. A word wider than cols is cut between characters, and a
 * character wider than cols gets a line of its own.
 * Stores the first max lines in out (which may be NULL when max is 0) and
 * sets *needed to the number of lines the whole text takes (0 for "").
 * Returns false, with *needed 0, when out of memory. */
bool text_wrap(const char *s, int cols, text_line *out, size_t max,
	       size_t *needed);

/* The last line shown of a text that goes on: s[0..len) followed by "…",
 * shortened between characters so that both fit in cols columns. Into
 * out (capacity outsz, always NUL-terminated; "…" only when outsz leaves
 * room for it and the NUL). Returns the columns used. */
int text_fit_more(const char *s, size_t len, int cols, char *out,
		  size_t outsz);

/* Trims ASCII whitespace at both ends in place; returns s. */
char *text_trim(char *s);

#endif
