#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/strbuf.h"

void strbuf_put(strbuf *b, const char *s, size_t n)
{
	size_t cap;
	char *more;
	if (b->nomem)
		return;
	if (b->len + n + 1 > b->cap) {
		for (cap = b->cap ? b->cap : 1024; cap < b->len + n + 1; cap *= 2)
			;
		if (!(more = realloc(b->buf, cap))) {
			b->nomem = true;
			return;
		}
		b->buf = more;
		b->cap = cap;
	}
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void strbuf_repeat(strbuf *b, const char *s, int n)
{
	size_t len = strlen(s);
	for (int i = 0; i < n; i++)
		strbuf_put(b, s, len);
}
