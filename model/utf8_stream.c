#include "config.h"

#include "model/text.h"
#include "model/utf8_stream.h"

/* Length of the character a lead byte starts, 0 when it starts none
 * (continuation bytes, C0/C1 overlong leads, beyond U+10FFFF). */
static int lead_length(unsigned char b)
{
	if (b < 0x80)
		return 1;
	if (b >= 0xC2 && b <= 0xDF)
		return 2;
	if (b >= 0xE0 && b <= 0xEF)
		return 3;
	if (b >= 0xF0 && b <= 0xF4)
		return 4;
	return 0;
}

/* Whether b may follow the bytes held (the second byte's range excludes
 * overlong forms, surrogates and code points past U+10FFFF). */
static bool continues(const utf8_stream *u, unsigned char b)
{
	unsigned char lead = u->buf[0];
	if ((b & 0xC0) != 0x80)
		return false;
	if (u->have > 1)
		return true;
	if (lead == 0xE0)
		return b >= 0xA0;
	if (lead == 0xED)
		return b <= 0x9F;
	if (lead == 0xF0)
		return b >= 0x90;
	if (lead == 0xF4)
		return b <= 0x8F;
	return true;
}

int utf8_stream_feed(utf8_stream *u, unsigned char b, uint32_t *cp, bool *got)
{
	int dropped = 0;

	*got = false;
	if (u->have > 0 && !continues(u, b))
		dropped = utf8_stream_flush(u);
	if (u->have == 0) {
		int len = lead_length(b);
		if (len == 0)
			return dropped + 1;
		if (len == 1) {
			*cp = b;
			*got = true;
			return dropped;
		}
		u->buf[0] = b;
		u->have = 1;
		u->need = len;
		return dropped;
	}
	u->buf[u->have++] = b;
	if (u->have == u->need) {
		text_decode((const char *)u->buf, (size_t)u->have, cp);
		u->have = u->need = 0;
		*got = true;
	}
	return dropped;
}

int utf8_stream_flush(utf8_stream *u)
{
	int n = u->have;
	u->have = u->need = 0;
	return n;
}

bool utf8_stream_pending(const utf8_stream *u)
{
	return u->have > 0;
}
