/* Decoding typed bytes one at a time as UTF-8. A terminal whose client is
 * set to GBK or Latin-1 sends bytes that are not UTF-8: each such byte is
 * dropped and counted, and the keys after it still arrive. */
#ifndef MOAT_UTF8_STREAM_H
#define MOAT_UTF8_STREAM_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
	unsigned char buf[4];
	int have, need; /* bytes held of a character, and its length */
} utf8_stream;

/* Feeds byte b. When b completes a character, *got is true and *cp holds
 * it. Returns how many bytes were dropped as not UTF-8: the held ones
 * when b cannot continue them (b then starts afresh), and b itself when
 * it can start nothing. */
int utf8_stream_feed(utf8_stream *u, unsigned char b, uint32_t *cp, bool *got);

/* Drops a character left incomplete (its remaining bytes never came);
 * returns the bytes dropped. */
int utf8_stream_flush(utf8_stream *u);

/* True while part of a character is held. */
bool utf8_stream_pending(const utf8_stream *u);

#endif
