/* util.c — allocation wrappers, die(), strbuf, small file helpers. */
#include "config.h"

#include "base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void (*die_cleanup)(void);

void die_set_cleanup(void (*cleanup)(void))
{
	die_cleanup = cleanup;
}

void die(const char *fmt, ...)
{
	va_list ap;

	if (die_cleanup) {
		void (*cleanup)(void) = die_cleanup;
		die_cleanup = NULL; /* a failing cleanup must not recurse */
		cleanup();
	}
	fputs("tipr: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void prefault(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t page = (uintptr_t)getpagesize();
	uintptr_t from = ((uintptr_t)p + page - 1) & ~(page - 1), to = ((uintptr_t)p + n) & ~(page - 1);

	/* Advice only: a kernel without it (before Linux 5.14) says EINVAL,
	 * and the pages then come one fault at a time as before. */
	if (n >= 16 * page && to > from)
		(void)madvise((void *)from, to - from, MADV_POPULATE_WRITE);
#else
	(void)p;
	(void)n;
#endif
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die("out of memory (%zu bytes)", n);
	return q;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		die("out of memory (%zu x %zu bytes overflows)", n, size);
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	char *p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		die("invalid format string");
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void grow_array(void **items, size_t *cap, size_t need, size_t elem)
{
	size_t n;

	if (need <= *cap)
		return;
	n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			die("out of memory (array of %zu elements)", need);
		n *= 2;
	}
	*items = xreallocarray(*items, n, elem);
	*cap = n;
}

static void sb_reserve(struct strbuf *sb, size_t extra)
{
	/* Most appends fit: no call for them (whole files are built this way). */
	if (extra < sb->cap - sb->len)
		return;
	if (extra > SIZE_MAX - sb->len - 1)
		die("out of memory (string too long)");
	GROW(sb->buf, sb->cap, sb->len + extra + 1);
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_reserve(sb, n);
	if (n)
		memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addc(struct strbuf *sb, char c)
{
	sb_reserve(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	sb_adds(sb, s);
	free(s);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

char *sb_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

const char *sb_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

const char *file_error(int e)
{
	return e == E_NOT_REGULAR ? "not a regular file" : strerror(e);
}

int file_open_regular(const char *path, struct stat *st)
{
	struct stat sb;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), flags;

	if (fd < 0)
		return -1;
	if (fstat(fd, &sb) != 0)
		goto fail;
	if (!S_ISREG(sb.st_mode)) {
		errno = E_NOT_REGULAR;
		goto fail;
	}
	if ((flags = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
		goto fail;
	if (st)
		*st = sb;
	return fd;
fail: {
	int saved = errno;

	close(fd);
	errno = saved;
	return -1;
}
}

FILE *fopen_regular(const char *path)
{
	int fd = file_open_regular(path, NULL);
	FILE *f;

	if (fd < 0)
		return NULL;
	if (!(f = fdopen(fd, "r"))) {
		int saved = errno;

		close(fd);
		errno = saved;
	}
	return f;
}

char *read_file(const char *path, size_t max_size, size_t *len)
{
	struct strbuf sb = {0};
	char chunk[65536];
	int fd;
	ssize_t n;

	fd = file_open_regular(path, NULL);
	if (fd < 0)
		return NULL;
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (n == 0)
			break;
		if (sb.len + (size_t)n > max_size) {
			errno = EFBIG;
			goto fail;
		}
		sb_add(&sb, chunk, (size_t)n);
	}
	close(fd);
	if (len)
		*len = sb.len;
	return sb_detach(&sb);
fail: {
	int saved = errno;

	close(fd);
	sb_free(&sb);
	errno = saved;
	return NULL;
}
}

char *base64_encode(const void *s, size_t len)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *in = s;
	char *out = xmalloc((len + 2) / 3 * 4 + 1), *o = out;

	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned)in[i] << 16 | (i + 1 < len ? (unsigned)in[i + 1] << 8 : 0) |
			     (i + 2 < len ? in[i + 2] : 0);

		*o++ = digits[v >> 18 & 63];
		*o++ = digits[v >> 12 & 63];
		*o++ = i + 1 < len ? digits[v >> 6 & 63] : '=';
		*o++ = i + 2 < len ? digits[v & 63] : '=';
	}
	*o = '\0';
	return out;
}

char *path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

char *path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

bool str_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

enum num_status num_parse(const char *s, long long min, long long max, long long *out)
{
	const char *p = s + (s[0] == '-');
	unsigned long long v = 0, limit;
	bool neg = s[0] == '-';

	if (!*p)
		return NUM_NOT_A_NUMBER;
	/* The magnitude may reach LLONG_MAX + 1 only for LLONG_MIN itself. */
	limit = neg ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return NUM_NOT_A_NUMBER;
		if (v > (limit - (unsigned long long)(*p - '0')) / 10) {
			/* Still a number: finish checking that it is one. */
			while (*++p)
				if (*p < '0' || *p > '9')
					return NUM_NOT_A_NUMBER;
			return neg ? NUM_TOO_SMALL : NUM_TOO_LARGE;
		}
		v = v * 10 + (unsigned long long)(*p - '0');
	}
	if (neg) {
		long long x = v > (unsigned long long)LLONG_MAX ? LLONG_MIN : -(long long)v;

		if (x < min)
			return NUM_TOO_SMALL;
		if (x > max)
			return NUM_TOO_LARGE;
		*out = x;
		return NUM_OK;
	}
	if (v > (unsigned long long)LLONG_MAX || (long long)v > max)
		return NUM_TOO_LARGE;
	if ((long long)v < min)
		return NUM_TOO_SMALL;
	*out = (long long)v;
	return NUM_OK;
}

char *num_problem(enum num_status st, const char *s, long long min, long long max)
{
	switch (st) {
	case NUM_TOO_SMALL:
		return xasprintf("%s is less than %lld", s, min);
	case NUM_TOO_LARGE:
		return xasprintf("%s is more than %lld", s, max);
	case NUM_NOT_A_NUMBER:
	case NUM_OK:
		break;
	}
	return xasprintf("'%s' is not a whole number", s);
}

const char *str_find(const char *s, const char *needle)
{
	size_t n = strlen(needle);

	if (!n)
		return s;
	for (; (s = strchr(s, needle[0])); s++)
		if (!strncmp(s + 1, needle + 1, n - 1))
			return s;
	return NULL;
}
