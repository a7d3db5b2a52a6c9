/* cachefile.h — the one binary cache format: stamps, checksum, writer, reader.
 *
 * A cache file is a header (magic, version, the offset, length and checksum
 * of each of its parts, and the header's own checksum) followed by the
 * parts.  A cache records the stamps (device, inode, size, mtime and ctime)
 * of what it stands for; ctime cannot be set back by users, so an edit that
 * keeps the size and restores the mtime is still seen.  Any doubt — a stamp
 * that differs, a checksum that fails, a file cut short — means the cache
 * is rebuilt.
 *
 * Files are read with pread, never mapped: a cache truncated by another
 * process underneath a reader is a failed read, not a SIGBUS.  They are
 * written to a temporary file beside their name (NAME.tmpPID.N), given to
 * cleanup.h so that a signal ending the process removes it, and renamed
 * into place; temporary files of dead processes (SIGKILL) are removed the
 * next time the directory is written to.  Model code. */
#ifndef TIPR_CACHEFILE_H
#define TIPR_CACHEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "base/arena.h"

/* ---- what a cache stands for ---- */

struct cache_stamp {
	uint64_t dev, ino, size;
	int64_t mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
};

void cache_stamp_of(const struct stat *st, struct cache_stamp *out);
/* The stamp of path (stat, following links); false with errno set. */
bool cache_stamp_path(const char *path, struct cache_stamp *out);
bool cache_stamp_equal(const struct cache_stamp *a, const struct cache_stamp *b);
/* A stamp in 8 bytes (its checksum), where thousands are kept: equal
 * stamps give equal hashes, different ones (all but surely) different
 * hashes. */
uint64_t cache_stamp_hash(const struct cache_stamp *s);
/* Whether the file changed at least two seconds before now: a younger one
 * could change again within the same clock tick without its stamp moving. */
bool cache_stamp_settled(const struct cache_stamp *s, time_t now);

/* A file a cache was made from: its stamp and, for a file too young for its
 * stamp to be trusted, the checksum of its bytes, compared again whenever
 * the cache is used.  Fixed layout: written to caches as it is. */
struct cache_source {
	struct cache_stamp stamp;
	uint64_t sum;     /* of the bytes; checked when !settled */
	uint32_t settled; /* 1 when the stamp alone decides */
	uint32_t unused;
};

/* Reads path whole (file_open_regular; at most max bytes) and records it in
 * *src.  The caller frees the NUL-terminated result; NULL with errno set
 * (EFBIG when larger than max). */
char *cache_read_source(const char *path, size_t max, size_t *len, struct cache_source *src);
/* Whether path (whose stat is st, or NULL: taken here) is still what src
 * recorded: the same stamp and, when it was young, the same bytes. */
bool cache_source_current(const char *path, const struct stat *st, const struct cache_source *src);

/* ---- the checksum ---- */

/* Four independent lanes, so that it runs at memory speed; any split of the
 * input into cache_sum_add calls gives the same result. */
struct cache_sum {
	uint64_t lane[4];
	uint64_t n;
	unsigned char tail[32];
	size_t tail_len;
};

void cache_sum_init(struct cache_sum *s);
void cache_sum_add(struct cache_sum *s, const void *p, size_t n);
uint64_t cache_sum_final(const struct cache_sum *s);
uint64_t cache_checksum(const void *p, size_t n);

/* ---- writing ---- */

#define CACHEFILE_MAX_PARTS 8

struct cachefile_writer;

/* Starts the cache at path (missing directories are created) with n_parts
 * parts (1..CACHEFILE_MAX_PARTS), written in order: a temporary file beside
 * path.  NULL with errno set when it cannot be created. */
struct cachefile_writer *cachefile_create(const char *path, const char magic[8], uint32_t version,
					  unsigned n_parts);
/* Appends to the current part; false once any write has failed. */
bool cachefile_write(struct cachefile_writer *w, const void *p, size_t n);
/* Ends the current part; the next write goes to the next one. */
void cachefile_next_part(struct cachefile_writer *w);
/* Writes the header and renames the file into place; false (errno set)
 * when anything failed, and then nothing is left behind.  Frees w. */
bool cachefile_commit(struct cachefile_writer *w);
/* Removes the temporary file and frees w. */
void cachefile_abort(struct cachefile_writer *w);
/* Fields, read back with the cache_get functions below. */
bool cachefile_put_u32(struct cachefile_writer *w, uint32_t v);
bool cachefile_put_u64(struct cachefile_writer *w, uint64_t v);
/* A length and the bytes; s may be NULL (read back as NULL). */
bool cachefile_put_str(struct cachefile_writer *w, const char *s);

/* ---- reading ---- */

struct cachefile;

/* Opens a cache written with the same magic, version and number of parts,
 * its header intact (file_open_regular: nothing but a regular file is
 * opened).  NULL otherwise, with errno ENOENT when there is none and
 * EINVAL when it is not such a cache. */
struct cachefile *cachefile_open(const char *path, const char magic[8], uint32_t version, unsigned n_parts);
void cachefile_close(struct cachefile *cf);
uint64_t cachefile_part_len(const struct cachefile *cf, unsigned part);
/* Part part, read whole and checked against its checksum, in a buffer the
 * caller frees (NUL-terminated for convenience; *len without it).  NULL
 * when it is damaged, cut short or larger than max bytes. */
void *cachefile_read_part(struct cachefile *cf, unsigned part, size_t max, size_t *len);
/* Reads n bytes at off within part into buf; when sum is given, they must
 * have that checksum.  False when the range is outside the part, the file
 * was cut short or the bytes are damaged. */
bool cachefile_read(struct cachefile *cf, unsigned part, uint64_t off, void *buf, size_t n,
		    const uint64_t *sum);

/* A whole single-part cache in one call: its part, or NULL (see above). */
void *cachefile_load(const char *path, const char magic[8], uint32_t version, size_t max, size_t *len);

/* ---- decoding what was read ---- */

/* A cursor over bytes read from a cache.  A get past the end fails, gives
 * zeros, and makes every later get fail: check ok once at the end. */
struct cache_in {
	const char *p, *end;
	bool ok;
};

void cache_in_init(struct cache_in *in, const void *buf, size_t len);
void cache_get(struct cache_in *in, void *out, size_t n);
uint32_t cache_get_u32(struct cache_in *in);
uint64_t cache_get_u64(struct cache_in *in);
/* A string put with cachefile_put_str: a pointer into the buffer (its NUL
 * was written too, so it can be used in place; it may hold other NULs) and
 * its length, or NULL when it was NULL or on failure. */
const char *cache_get_str(struct cache_in *in, size_t *len);
/* The same string, in the buffer; NULL when it was NULL (then in->ok is
 * made false if it was required) or holds a NUL (made false). */
const char *cache_get_text(struct cache_in *in, bool required);
/* cache_get_text's string copied into a (owned by a). */
const char *cache_get_copy(struct cache_in *in, struct arena *a, bool required);

#endif
