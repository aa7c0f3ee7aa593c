#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "model/random.h"

/* /dev/urandom, for kernels without getrandom (ENOSYS). */
static moat_status from_urandom(unsigned char *p, size_t n)
{
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return ST_IO;
	while (n > 0) {
		ssize_t got = read(fd, p, n);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			close(fd);
			return ST_IO;
		}
		p += got;
		n -= (size_t)got;
	}
	close(fd);
	return ST_OK;
}

moat_status random_bytes(void *buf, size_t n)
{
	unsigned char *p = buf;
	size_t left = n;
	moat_status st = ST_OK;

	while (left > 0) {
		ssize_t got = getrandom(p, left, 0);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			st = errno == ENOSYS ? from_urandom(p, left) : ST_IO;
			break;
		}
		p += got;
		left -= (size_t)got;
	}
	if (st)
		memset(buf, 0, n); /* never hand out half a random value */
	return st;
}

moat_status random_uuid(char *out, size_t len)
{
	unsigned char b[16];
	moat_status st;

	if (!out || len < RANDOM_UUID_LEN + 1)
		return ST_INVALID;
	if ((st = random_bytes(b, sizeof b)))
		return st;
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x40); /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80); /* RFC 4122 variant */
	snprintf(out, len,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
		 b[10], b[11], b[12], b[13], b[14], b[15]);
	return ST_OK;
}
