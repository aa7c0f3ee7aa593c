/* A growing string for texts built piece by piece (the response card,
 * the registration form): appends never fail loudly; running out of
 * memory sets nomem, after which appends do nothing. */
#ifndef MOAT_STRBUF_H
#define MOAT_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char *buf; /* NUL-terminated once anything was appended */
	size_t len, cap;
	bool nomem;
} strbuf;

/* Appends n bytes of s. */
void strbuf_put(strbuf *b, const char *s, size_t n);
/* Appends s n times. */
void strbuf_repeat(strbuf *b, const char *s, int n);

#endif
