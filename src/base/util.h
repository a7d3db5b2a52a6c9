/* util.h — allocation that never returns NULL, fatal errors, growable strings. */
#ifndef TIPR_UTIL_H
#define TIPR_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))

/* Allocation wrappers: on failure they call die(), so callers never see NULL.
 * The caller owns (and free()s) what they return. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Maps in at once the pages of p[0..n), a large block about to be filled:
 * one system call instead of a page fault for each page (a trap into the
 * kernel, a microsecond or more on a virtual machine).  Small blocks and
 * kernels without MADV_POPULATE_WRITE are left alone. */
void prefault(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap) PRINTF_LIKE(1, 0);

/* Grows *items (of elem bytes each) so that it holds at least need elements;
 * *cap is updated.  Doubling keeps appends amortised O(1). */
void grow_array(void **items, size_t *cap, size_t need, size_t elem);
/* The test is inline: most calls need no room (need must not have side
 * effects; it is read twice). */
#define GROW(arr, cap, need) \
	((need) <= (cap) ? (void)0 : grow_array((void **)&(arr), &(cap), (need), sizeof(*(arr))))

/* Prints "tipr: message" to stderr and exits with status 1.  The callback set
 * with die_set_cleanup() runs first, so a fatal error never leaves the
 * terminal in curses mode. */
_Noreturn void die(const char *fmt, ...) PRINTF_LIKE(1, 2);
void die_set_cleanup(void (*cleanup)(void));

/* A growable NUL-terminated byte string.  Zero-initialised is empty and valid. */
struct strbuf {
	char *buf;
	size_t len, cap;
};

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) PRINTF_LIKE(2, 3);
void sb_reset(struct strbuf *sb);
/* Returns the string (never NULL) and leaves sb empty; the caller frees it. */
char *sb_detach(struct strbuf *sb);
void sb_free(struct strbuf *sb);
/* The current contents, "" when empty; valid until the next change. */
const char *sb_str(const struct strbuf *sb);

/* errno for a path that is not a regular file (a FIFO, device, socket or
 * directory): files lie, and reading such a thing can block forever. */
#define E_NOT_REGULAR 0x7401
/* strerror(e), but "not a regular file" for E_NOT_REGULAR. */
const char *file_error(int e);
/* Opens path for reading without blocking (a FIFO cannot hang the open),
 * refusing anything but a regular file (errno E_NOT_REGULAR), a symlink to
 * one being followed; the descriptor is blocking again when returned.  st
 * (may be NULL) receives its stat.  -1 with errno set on failure. */
int file_open_regular(const char *path, struct stat *st);

/* file_open_regular as a stdio stream for reading; the caller fcloses it.
 * NULL with errno set (E_NOT_REGULAR for a FIFO, device, ...). */
FILE *fopen_regular(const char *path);

/* Reads a whole regular file (file_open_regular) into a NUL-terminated
 * buffer the caller frees.  Fails (returns NULL, errno set) on I/O errors,
 * on what is not a regular file, or when the file exceeds max_size bytes
 * (errno = EFBIG).  *len receives the length without the NUL. */
char *read_file(const char *path, size_t max_size, size_t *len);

/* s[0..len) in base64 (RFC 4648, padded); the caller frees it. */
char *base64_encode(const void *s, size_t len);

/* Joins a directory and a name with one '/'; the caller frees the result. */
char *path_join(const char *dir, const char *name);
/* The directory part of path: "." when it has none, "/" for a file at the
 * root.  The caller frees the result. */
char *path_dir(const char *path);

bool str_has_suffix(const char *s, const char *suffix);

/* The one parser of numbers from users and files: a whole decimal number,
 * an optional '-' and ASCII digits only (no '+', spaces, exponent, fraction
 * or hex, so "1e3" is not 1 and "-1" is not "unlimited"), within [min, max]. */
enum num_status { NUM_OK, NUM_NOT_A_NUMBER, NUM_TOO_SMALL, NUM_TOO_LARGE };
enum num_status num_parse(const char *s, long long min, long long max, long long *out);
/* What was wrong with s for a message ("'1e3' is not a whole number",
 * "-1 is less than 1", "5000 is more than 1000"); the caller frees it. */
char *num_problem(enum num_status st, const char *s, long long min, long long max);

/* strstr whose cost is bounded by the distance to the match, for loops over
 * long text: sanitizers' strstr measures the whole haystack on every call,
 * which makes such a loop quadratic. */
const char *str_find(const char *s, const char *needle);

/* The one hash (64-bit FNV-1a), for hash tables, token and sentence keys and
 * cache names: start from HASH_INIT, add bytes.  Inline, because callers
 * feed it a byte at a time in their inner loops. */
#define HASH_INIT 14695981039346656037ULL
static inline uint64_t hash_add(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h;
}

#endif
