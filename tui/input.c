#include "config.h"

#include <curses.h>
#include <poll.h>
#include <stdbool.h>
#include <time.h>
#include <unistd.h>

#include "tui/input.h"
#include "tui/keymap.h"

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* After a read that returned nothing: is the terminal still there? A
 * hang-up shows in poll; a read that keeps failing at once without
 * waiting (end of file) is one too. */
static bool terminal_gone(input *in, long long waited_ms)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
		return true;
	/* A read that gives up early failed rather than timed out: a
	 * terminal that answers every read with an error (EIO in a
	 * background process group, a pty whose other side is gone) can
	 * take milliseconds per read on a loaded machine, so "early" is
	 * measured against the timeout, not against a fixed few ms. */
	if (waited_ms >= in->timeout_ms / 2) {
		in->fast_errs = 0;
		return false;
	}
	return ++in->fast_errs > 100;
}

input_result input_read(input *in, int *key)
{
	for (;;) {
		long long t0 = now_ms();
		int c = getch();
		uint32_t cp;
		bool got;

		if (c == ERR) {
			/* The rest of a character never came. */
			in->dropped += utf8_stream_flush(&in->u);
			return terminal_gone(in, now_ms() - t0) ? INPUT_GONE
								: INPUT_NONE;
		}
		in->fast_errs = 0;
		if (c >= KEY_MIN) {
			in->dropped += utf8_stream_flush(&in->u);
			*key = KEY_FN(c);
			return INPUT_KEY;
		}
		in->dropped += utf8_stream_feed(&in->u, (unsigned char)c, &cp, &got);
		if (got) {
			*key = (int)cp;
			return INPUT_KEY;
		}
	}
}

int input_take_dropped(input *in)
{
	int n = in->dropped;
	in->dropped = 0;
	return n;
}
