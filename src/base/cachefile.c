/* cachefile.c — stamps, the checksum, writing and reading cache files. */
#include "config.h"

#include "base/cachefile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/cleanup.h"
#include "base/paths.h"
#include "base/util.h"

/* ---- stamps ---- */

void cache_stamp_of(const struct stat *st, struct cache_stamp *out)
{
	*out = (struct cache_stamp){
		.dev = (uint64_t)st->st_dev,
		.ino = (uint64_t)st->st_ino,
		.size = (uint64_t)st->st_size,
		.mtime_sec = (int64_t)st->st_mtim.tv_sec,
		.mtime_nsec = (int64_t)st->st_mtim.tv_nsec,
		.ctime_sec = (int64_t)st->st_ctim.tv_sec,
		.ctime_nsec = (int64_t)st->st_ctim.tv_nsec,
	};
}

bool cache_stamp_path(const char *path, struct cache_stamp *out)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return false;
	cache_stamp_of(&st, out);
	return true;
}

bool cache_stamp_equal(const struct cache_stamp *a, const struct cache_stamp *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size && a->mtime_sec == b->mtime_sec &&
	       a->mtime_nsec == b->mtime_nsec && a->ctime_sec == b->ctime_sec && a->ctime_nsec == b->ctime_nsec;
}

uint64_t cache_stamp_hash(const struct cache_stamp *s)
{
	return cache_checksum(s, sizeof(*s));
}

bool cache_stamp_settled(const struct cache_stamp *s, time_t now)
{
	int64_t last = s->mtime_sec > s->ctime_sec ? s->mtime_sec : s->ctime_sec;

	return (int64_t)now - last >= 2;
}

/* ---- sources ---- */

char *cache_read_source(const char *path, size_t max, size_t *len, struct cache_source *src)
{
	struct strbuf sb = {0};
	struct stat st;
	char chunk[65536];
	int fd = file_open_regular(path, &st), saved;
	ssize_t n;

	if (fd < 0)
		return NULL;
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		if (sb.len + (size_t)n > max) {
			errno = EFBIG;
			goto fail;
		}
		sb_add(&sb, chunk, (size_t)n);
	}
	close(fd);
	memset(src, 0, sizeof(*src));
	/* The stamp is taken before the bytes are read: a change while they
	 * are read moves the ctime past it, and the cache is not believed. */
	cache_stamp_of(&st, &src->stamp);
	src->settled = cache_stamp_settled(&src->stamp, time(NULL));
	src->sum = cache_checksum(sb.buf, sb.len);
	*len = sb.len;
	return sb_detach(&sb);
fail:
	saved = errno;
	close(fd);
	sb_free(&sb);
	errno = saved;
	return NULL;
}

bool cache_source_current(const char *path, const struct stat *st, const struct cache_source *src)
{
	struct cache_source now;
	struct stat own;
	size_t len;
	char *buf;
	bool same;

	if (!st && stat(path, &own) != 0)
		return false;
	cache_stamp_of(st ? st : &own, &now.stamp);
	if (!cache_stamp_equal(&now.stamp, &src->stamp))
		return false;
	if (src->settled)
		return true;
	buf = cache_read_source(path, src->stamp.size, &len, &now);
	same = buf && cache_stamp_equal(&now.stamp, &src->stamp) && now.sum == src->sum;
	free(buf);
	return same;
}

/* ---- the checksum ---- */

static const uint64_t lane_seed[4] = { 0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL,
				       0x27D4EB2F165667C5ULL };

void cache_sum_init(struct cache_sum *s)
{
	memset(s, 0, sizeof(*s));
	memcpy(s->lane, lane_seed, sizeof(s->lane));
}

/* Rounds of 32 bytes (n a multiple of 32): each lane takes a word,
 * multiplies and mixes; the lanes stay in registers throughout. */
static void sum_rounds(struct cache_sum *s, const unsigned char *p, size_t n)
{
	uint64_t a = s->lane[0], b = s->lane[1], c = s->lane[2], d = s->lane[3];

	for (size_t i = 0; i < n; i += 32) {
		uint64_t w[4];

		memcpy(w, p + i, 32);
		a = (a ^ w[0]) * 0x100000001B3ULL;
		b = (b ^ w[1]) * 0x100000001B3ULL;
		c = (c ^ w[2]) * 0x100000001B3ULL;
		d = (d ^ w[3]) * 0x100000001B3ULL;
		a ^= a >> 29;
		b ^= b >> 29;
		c ^= c >> 29;
		d ^= d >> 29;
	}
	s->lane[0] = a;
	s->lane[1] = b;
	s->lane[2] = c;
	s->lane[3] = d;
}

void cache_sum_add(struct cache_sum *s, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t whole;

	if (!n)
		return;
	s->n += n;
	if (s->tail_len) {
		size_t k = 32 - s->tail_len < n ? 32 - s->tail_len : n;

		memcpy(s->tail + s->tail_len, p, k);
		s->tail_len += k;
		p += k;
		n -= k;
		if (s->tail_len < 32)
			return;
		sum_rounds(s, s->tail, 32);
		s->tail_len = 0;
	}
	whole = n / 32 * 32;
	sum_rounds(s, p, whole);
	memcpy(s->tail, p + whole, n - whole);
	s->tail_len = n - whole;
}

uint64_t cache_sum_final(const struct cache_sum *s)
{
	uint64_t lane0 = s->lane[0];

	for (size_t i = 0; i < s->tail_len; i++)
		lane0 = (lane0 ^ s->tail[i]) * 0x100000001B3ULL;
	/* Each lane enters through an odd multiplier: a change in any one of
	 * them always changes the result. */
	return lane0 ^ (s->lane[1] * 3) ^ (s->lane[2] * 5) ^ (s->lane[3] * 7) ^ s->n;
}

uint64_t cache_checksum(const void *p, size_t n)
{
	struct cache_sum s;

	cache_sum_init(&s);
	cache_sum_add(&s, p, n);
	return cache_sum_final(&s);
}

/* ---- the header ---- */

struct part {
	uint64_t off, len, sum;
};

struct header {
	char magic[8];
	uint32_t version, n_parts;
	struct part parts[CACHEFILE_MAX_PARTS];
};

/* Bytes of the header on disk for n parts: magic, version, count, the
 * parts, and the checksum of all that. */
static size_t header_size(unsigned n_parts)
{
	return 16 + (size_t)n_parts * sizeof(struct part) + 8;
}

static void header_encode(const struct header *h, unsigned char *out)
{
	size_t n = header_size(h->n_parts) - 8;
	uint64_t sum;

	memcpy(out, h->magic, 8);
	memcpy(out + 8, &h->version, 4);
	memcpy(out + 12, &h->n_parts, 4);
	memcpy(out + 16, h->parts, h->n_parts * sizeof(struct part));
	sum = cache_checksum(out, n);
	memcpy(out + n, &sum, 8);
}

/* ---- temporary files ---- */

/* Numbers the temporary files of a process (threads may write at once). */
static atomic_uint temp_serial;

/* The process id in a temporary file's name (NAME.tmpPID or
 * NAME.tmpPID.N), or 0 when the name is not one. */
static pid_t temp_owner(const char *name)
{
	const char *t = strstr(name, ".tmp"), *p;
	long pid = 0;

	if (!t || t == name)
		return 0;
	for (p = t + 4; *p >= '0' && *p <= '9' && pid < 100000000; p++)
		pid = pid * 10 + (*p - '0');
	if (p == t + 4 || pid <= 0)
		return 0;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	return *p ? 0 : (pid_t)pid;
}

/* Removes what writers killed outright (SIGKILL, a crash) left in dir. */
static void clean_stale(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		pid_t pid = temp_owner(e->d_name);

		if (pid && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

/* ---- writing ---- */

struct cachefile_writer {
	char *path, *tmp;
	int fd;
	struct header h;
	unsigned cur;
	struct cache_sum sum;
	uint64_t pos;            /* file offset of the next byte written */
	unsigned char buf[1 << 16];
	size_t buf_len;
	int error;               /* the first errno, or 0 */
};

/* All n bytes of buf written (or read) at off, through short counts and
 * interruptions. */
static bool io_all(int fd, void *buf, size_t n, uint64_t off, bool writing)
{
	unsigned char *p = buf;

	while (n) {
		ssize_t k = writing ? pwrite(fd, p, n, (off_t)off) : pread(fd, p, n, (off_t)off);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p += k;
		n -= (size_t)k;
		off += (uint64_t)k;
	}
	return true;
}

static void flush_buf(struct cachefile_writer *w)
{
	if (w->buf_len && !w->error && !io_all(w->fd, w->buf, w->buf_len, w->pos - w->buf_len, true))
		w->error = errno ? errno : EIO;
	w->buf_len = 0;
}

struct cachefile_writer *cachefile_create(const char *path, const char magic[8], uint32_t version,
					  unsigned n_parts)
{
	struct cachefile_writer *w;
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int saved;

	if (n_parts < 1 || n_parts > CACHEFILE_MAX_PARTS) {
		free(dir);
		errno = EINVAL;
		return NULL;
	}
	if (slash)
		*slash = '\0';
	if (slash && slash != dir && !paths_mkdirs(dir)) {
		saved = errno;
		free(dir);
		errno = saved;
		return NULL;
	}
	clean_stale(slash ? (slash == dir ? "/" : dir) : ".");
	free(dir);
	w = xcalloc(1, sizeof(*w));
	w->path = xstrdup(path);
	w->tmp = xasprintf("%s.tmp%ld.%u", path, (long)getpid(), atomic_fetch_add(&temp_serial, 1));
	w->fd = open(w->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (w->fd < 0) {
		saved = errno;
		free(w->tmp);
		free(w->path);
		free(w);
		errno = saved;
		return NULL;
	}
	/* Gone with the process if a signal ends it (see cleanup.h). */
	cleanup_install();
	cleanup_add_file(w->tmp);
	memcpy(w->h.magic, magic, 8);
	w->h.version = version;
	w->h.n_parts = n_parts;
	/* The header is written last, over these zeros: a file cut short
	 * before the end never passes for a cache. */
	w->pos = header_size(n_parts);
	w->h.parts[0].off = w->pos;
	cache_sum_init(&w->sum);
	return w;
}

bool cachefile_write(struct cachefile_writer *w, const void *data, size_t n)
{
	const unsigned char *p = data;

	if (!n)
		return !w->error;
	cache_sum_add(&w->sum, p, n);
	w->h.parts[w->cur].len += n;
	while (n) {
		size_t k = sizeof(w->buf) - w->buf_len < n ? sizeof(w->buf) - w->buf_len : n;

		memcpy(w->buf + w->buf_len, p, k);
		w->buf_len += k;
		w->pos += k;
		p += k;
		n -= k;
		if (w->buf_len == sizeof(w->buf))
			flush_buf(w);
	}
	return !w->error;
}

void cachefile_next_part(struct cachefile_writer *w)
{
	w->h.parts[w->cur].sum = cache_sum_final(&w->sum);
	if (w->cur + 1 < w->h.n_parts) {
		w->cur++;
		w->h.parts[w->cur].off = w->pos;
	} else if (!w->error) {
		w->error = EINVAL; /* more parts than declared */
	}
	cache_sum_init(&w->sum);
}

static void writer_free(struct cachefile_writer *w)
{
	free(w->tmp);
	free(w->path);
	free(w);
}

void cachefile_abort(struct cachefile_writer *w)
{
	if (!w)
		return;
	close(w->fd);
	unlink(w->tmp);
	cleanup_remove_file(w->tmp);
	writer_free(w);
}

bool cachefile_commit(struct cachefile_writer *w)
{
	unsigned char head[sizeof(struct header) + 8];
	int e;

	flush_buf(w);
	/* The last part ends here; parts never started stay empty. */
	w->h.parts[w->cur].sum = cache_sum_final(&w->sum);
	for (unsigned i = w->cur + 1; i < w->h.n_parts; i++)
		w->h.parts[i] = (struct part){ w->pos, 0, cache_checksum("", 0) };
	header_encode(&w->h, head);
	if (!w->error && !io_all(w->fd, head, header_size(w->h.n_parts), 0, true))
		w->error = errno ? errno : EIO;
	if (close(w->fd) != 0 && !w->error)
		w->error = errno;
	if (!w->error && rename(w->tmp, w->path) != 0)
		w->error = errno;
	if (w->error)
		unlink(w->tmp);
	cleanup_remove_file(w->tmp);
	e = w->error;
	writer_free(w);
	errno = e;
	return e == 0;
}

#define NO_STRING UINT32_MAX

bool cachefile_put_u32(struct cachefile_writer *w, uint32_t v)
{
	return cachefile_write(w, &v, sizeof(v));
}

bool cachefile_put_u64(struct cachefile_writer *w, uint64_t v)
{
	return cachefile_write(w, &v, sizeof(v));
}

bool cachefile_put_str(struct cachefile_writer *w, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n >= NO_STRING) {
		w->error = w->error ? w->error : EOVERFLOW;
		return false;
	}
	/* The NUL is kept, so that a string read back can be used in place. */
	return cachefile_put_u32(w, s ? (uint32_t)n : NO_STRING) && cachefile_write(w, s, s ? n + 1 : 0);
}

/* ---- reading ---- */

struct cachefile {
	int fd;
	struct header h;
};

struct cachefile *cachefile_open(const char *path, const char magic[8], uint32_t version, unsigned n_parts)
{
	unsigned char head[sizeof(struct header) + 8], want[sizeof(struct header) + 8];
	struct cachefile *cf;
	struct stat st;
	uint64_t end;
	int fd;

	if (n_parts < 1 || n_parts > CACHEFILE_MAX_PARTS) {
		errno = EINVAL;
		return NULL;
	}
	if ((fd = file_open_regular(path, &st)) < 0)
		return NULL;
	cf = xcalloc(1, sizeof(*cf));
	cf->fd = fd;
	if (!io_all(fd, head, header_size(n_parts), 0, false))
		goto bad;
	memcpy(cf->h.magic, head, 8);
	memcpy(&cf->h.version, head + 8, 4);
	memcpy(&cf->h.n_parts, head + 12, 4);
	if (memcmp(cf->h.magic, magic, 8) || cf->h.version != version || cf->h.n_parts != n_parts)
		goto bad;
	memcpy(cf->h.parts, head + 16, n_parts * sizeof(struct part));
	/* The checksum is recomputed from the decoded header: equal bytes. */
	header_encode(&cf->h, want);
	if (memcmp(head, want, header_size(n_parts)))
		goto bad;
	end = header_size(n_parts);
	for (unsigned i = 0; i < n_parts; i++) {
		const struct part *p = &cf->h.parts[i];

		if (p->off != end || end > (uint64_t)st.st_size || p->len > (uint64_t)st.st_size - end)
			goto bad;
		end += p->len;
	}
	if (end != (uint64_t)st.st_size)
		goto bad;
	return cf;
bad:
	cachefile_close(cf);
	errno = EINVAL;
	return NULL;
}

void cachefile_close(struct cachefile *cf)
{
	if (!cf)
		return;
	close(cf->fd);
	free(cf);
}

uint64_t cachefile_part_len(const struct cachefile *cf, unsigned part)
{
	return part < cf->h.n_parts ? cf->h.parts[part].len : 0;
}

void *cachefile_read_part(struct cachefile *cf, unsigned part, size_t max, size_t *len)
{
	uint64_t n = cachefile_part_len(cf, part);
	char *buf;

	if (part >= cf->h.n_parts || n > max || n >= SIZE_MAX)
		return NULL;
	buf = xmalloc((size_t)n + 1);
	prefault(buf, (size_t)n + 1);
	if (!cachefile_read(cf, part, 0, buf, (size_t)n, &cf->h.parts[part].sum)) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

bool cachefile_read(struct cachefile *cf, unsigned part, uint64_t off, void *buf, size_t n,
		    const uint64_t *sum)
{
	const struct part *p;

	if (part >= cf->h.n_parts)
		return false;
	p = &cf->h.parts[part];
	if (off > p->len || n > p->len - off || !io_all(cf->fd, buf, n, p->off + off, false))
		return false;
	return !sum || cache_checksum(buf, n) == *sum;
}

void *cachefile_load(const char *path, const char magic[8], uint32_t version, size_t max, size_t *len)
{
	struct cachefile *cf = cachefile_open(path, magic, version, 1);
	void *buf;

	if (!cf)
		return NULL;
	buf = cachefile_read_part(cf, 0, max, len);
	cachefile_close(cf);
	return buf;
}

/* ---- decoding ---- */

void cache_in_init(struct cache_in *in, const void *buf, size_t len)
{
	in->p = buf;
	in->end = buf ? in->p + len : NULL;
	in->ok = buf != NULL;
}

void cache_get(struct cache_in *in, void *out, size_t n)
{
	if (!in->ok || (size_t)(in->end - in->p) < n) {
		in->ok = false;
		memset(out, 0, n);
		return;
	}
	memcpy(out, in->p, n);
	in->p += n;
}

uint32_t cache_get_u32(struct cache_in *in)
{
	uint32_t v;

	cache_get(in, &v, sizeof(v));
	return v;
}

uint64_t cache_get_u64(struct cache_in *in)
{
	uint64_t v;

	cache_get(in, &v, sizeof(v));
	return v;
}

const char *cache_get_str(struct cache_in *in, size_t *len)
{
	uint32_t n = cache_get_u32(in);
	const char *s = in->p;

	*len = 0;
	if (!in->ok || n == NO_STRING)
		return NULL;
	if ((size_t)(in->end - in->p) <= n || s[n] != '\0') {
		in->ok = false;
		return NULL;
	}
	in->p += n + 1;
	*len = n;
	return s;
}

const char *cache_get_text(struct cache_in *in, bool required)
{
	size_t n;
	const char *s = cache_get_str(in, &n);

	if (!s) {
		in->ok = in->ok && !required;
		return NULL;
	}
	if (strlen(s) != n) {
		in->ok = false;
		return NULL;
	}
	return s;
}

const char *cache_get_copy(struct cache_in *in, struct arena *a, bool required)
{
	const char *s = cache_get_text(in, required);

	return s ? arena_strdup(a, s) : NULL;
}
