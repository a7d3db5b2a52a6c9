/* annotations.c — the annotation store: the file, its lock, merging, changes. */
#include "config.h"

#include "notes/annotations.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "text/fold.h"
#include "base/paths.h"
#include "base/utf8.h"
#include "base/util.h"
#include "base/yamlout.h"
#include "base/yamltree.h"

static const char *const color_names[ANN__COLOR_COUNT] = {
	"yellow", "green", "blue", "pink", "red", "purple", "orange",
};

const char *ann_color_name(enum ann_color c)
{
	return (unsigned)c < ANN__COLOR_COUNT ? color_names[c] : "yellow";
}

bool ann_color_parse(const char *s, enum ann_color *out)
{
	for (size_t i = 0; i < ANN__COLOR_COUNT; i++) {
		if (!strcasecmp(s, color_names[i])) {
			*out = (enum ann_color)i;
			return true;
		}
	}
	return false;
}

void ann_copy(struct annotation *dst, const struct annotation *src)
{
	*dst = *src;
	dst->collection = xstrdup(src->collection);
	dst->country = xstrdup(src->country);
	dst->section = xstrdup(src->section);
	dst->quote = xstrdup(src->quote);
	dst->prefix = xstrdup(src->prefix);
	dst->suffix = xstrdup(src->suffix);
	dst->note = xstrdup(src->note);
}

void ann_done(struct annotation *a)
{
	free(a->collection);
	free(a->country);
	free(a->section);
	free(a->quote);
	free(a->prefix);
	free(a->suffix);
	free(a->note);
	memset(a, 0, sizeof(*a));
}

/* A list of annotations that owns them, with its ids hashed: finding an id
 * costs the same with 20 or 200,000 annotations. */
struct ann_vec {
	struct annotation *v;
	size_t n, cap;
	size_t *slot;  /* open addressing: position in v + 1, 0 when empty */
	size_t slots;  /* a power of two, more than twice the ids held */
	size_t n_ids;
	/* Each entry as last written (NULL: not yet, or changed since), so a
	 * save rewrites 20,000 annotations by copying all but the new one. */
	struct written {
		char *s;
		size_t len;
	} *out;
	size_t out_cap;
};

static void vec_free(struct ann_vec *vec)
{
	for (size_t i = 0; i < vec->n; i++)
		ann_done(&vec->v[i]);
	for (size_t i = 0; i < vec->out_cap; i++)
		free(vec->out[i].s);
	free(vec->v);
	free(vec->out);
	free(vec->slot);
	memset(vec, 0, sizeof(*vec));
}

/* Forgets how a changed entry was written. */
static void vec_changed(struct ann_vec *vec, const struct annotation *a)
{
	size_t i = (size_t)(a - vec->v);

	if (i < vec->out_cap) {
		free(vec->out[i].s);
		vec->out[i].s = NULL;
	}
}

static size_t id_slot(const struct ann_vec *vec, const char *id)
{
	size_t mask = vec->slots - 1, h = (size_t)hash_add(HASH_INIT, id, ANN_ID_LEN) & mask;

	while (vec->slot[h] && strcmp(vec->v[vec->slot[h] - 1].id, id))
		h = (h + 1) & mask;
	return h;
}

static struct annotation *vec_find(const struct ann_vec *vec, const char *id)
{
	size_t h;

	if (!vec->slots || strlen(id) != ANN_ID_LEN)
		return NULL;
	h = id_slot(vec, id);
	return vec->slot[h] ? &vec->v[vec->slot[h] - 1] : NULL;
}

/* Hashes the id of v[pos] (entries without a valid id are not found). */
static void vec_index(struct ann_vec *vec, size_t pos)
{
	size_t h;

	if (strlen(vec->v[pos].id) != ANN_ID_LEN)
		return;
	if (2 * (vec->n_ids + 1) >= vec->slots) {
		size_t old = vec->slots, *old_slot = vec->slot;

		vec->slots = old ? 2 * old : 64;
		vec->slot = xcalloc(vec->slots, sizeof(*vec->slot));
		for (size_t i = 0; i < old; i++)
			if (old_slot[i])
				vec->slot[id_slot(vec, vec->v[old_slot[i] - 1].id)] = old_slot[i];
		free(old_slot);
	}
	h = id_slot(vec, vec->v[pos].id);
	/* A duplicate (a corrupt file) keeps finding the first. */
	if (!vec->slot[h]) {
		vec->slot[h] = pos + 1;
		vec->n_ids++;
	}
}

/* Appends a (whose strings the vector now owns) and returns its place. */
static struct annotation *vec_push(struct ann_vec *vec, const struct annotation *a)
{
	GROW(vec->v, vec->cap, vec->n + 1);
	vec->v[vec->n] = *a;
	vec_index(vec, vec->n);
	return &vec->v[vec->n++];
}

struct ann_store {
	char *path;        /* as given: maybe a symbolic link */
	struct ann_vec all;
	struct diags diags;
	struct stat seen;  /* the file as last read or written whole, */
	bool have_seen;    /* ...so that a save need not parse it again */
};

/* ---- time and ids ---- */

/* Milliseconds since the epoch, strictly increasing within the process so
 * that two changes never carry the same stamp. */
static long long now_ms(void)
{
	static long long last;
	struct timespec ts;
	long long ms;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		die("clock_gettime: %s", strerror(errno));
	ms = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	if (ms <= last)
		ms = last + 1;
	last = ms;
	return ms;
}

/* ISO 8601 UTC with milliseconds; the format sorts as text. */
static void format_stamp(long long ms, bool compact, char out[ANN_STAMP_LEN + 1])
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	size_t n;

	if (!gmtime_r(&t, &tm))
		die("gmtime failed");
	n = strftime(out, ANN_STAMP_LEN + 1, compact ? "%Y%m%dT%H%M%S" : "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out + n, ANN_STAMP_LEN + 1 - n, "%s%03uZ", compact ? "" : ".",
		 (unsigned)(ms % 1000) % 1000);
}

static void random_id(char out[ANN_ID_LEN + 1])
{
	unsigned char b[ANN_ID_LEN / 2];
	size_t got = 0;

	while (got < sizeof(b)) {
		ssize_t r = getrandom(b + got, sizeof(b) - got, 0);

		if (r < 0 && errno != EINTR)
			die("getrandom: %s", strerror(errno));
		if (r > 0)
			got += (size_t)r;
	}
	for (size_t i = 0; i < sizeof(b); i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

/* The moment of an entry's last change: its update or its deletion. */
static const char *last_change(const struct annotation *a)
{
	return strcmp(a->deleted, a->updated) > 0 ? a->deleted : a->updated;
}

/* True when b is a later version of the same annotation than a.  On a tie a
 * deletion wins, so a concurrent reader never resurrects it. */
static bool newer(const struct annotation *b, const struct annotation *a)
{
	int c = strcmp(last_change(b), last_change(a));

	return c > 0 || (c == 0 && b->deleted[0] && !a->deleted[0]);
}

/* ---- reading ---- */

static const struct yaml_limits ann_limits = {
	.max_file_size = 64u << 20,
	.max_depth = 8,
	.max_scalar = 1u << 20,
	.max_nodes = 4000000,
};

struct reader {
	const char *file;
	struct diags *d;
};

static void bad(struct reader *r, const struct ynode *n, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void bad(struct reader *r, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diags_vadd(r->d, DIAG_ERROR, r->file, n->line, n->col, fmt, ap);
	va_end(ap);
}

static const char *get_str(struct reader *r, const struct ynode *map, const char *key, bool required)
{
	return ynode_text(map, key, required ? YNODE_REQUIRED : YNODE_OPTIONAL, r->file, r->d);
}

static char *dup_str(struct reader *r, const struct ynode *map, const char *key)
{
	const char *s = get_str(r, map, key, true);

	return xstrdup(s ? s : "");
}

static size_t get_num(struct reader *r, const struct ynode *map, const char *key, long long max)
{
	long long v;

	return ynode_number(map, key, YNODE_REQUIRED, 0, max, &v, r->file, r->d) ? (size_t)v : 0;
}

static void get_stamp(struct reader *r, const struct ynode *map, const char *key, bool required,
		      char out[ANN_STAMP_LEN + 1])
{
	const char *s = get_str(r, map, key, required);

	out[0] = '\0';
	if (!s)
		return;
	if (strlen(s) != ANN_STAMP_LEN || s[4] != '-' || s[10] != 'T' || s[ANN_STAMP_LEN - 1] != 'Z') {
		bad(r, ynode_get(map, key), "'%s' must be a time like 2026-11-24T10:29:50.123Z", key);
		return;
	}
	memcpy(out, s, ANN_STAMP_LEN + 1);
}

static void read_entry(struct reader *r, const struct ynode *map, struct annotation *a)
{
	static const char *const keys[] = {
		"id", "collection", "country", "year", "section", "block", "index", "start", "end",
		"quote", "prefix", "suffix", "color", "note", "created", "updated", "deleted", NULL,
	};
	const char *s;

	memset(a, 0, sizeof(*a));
	ynode_check_keys(map, keys, r->file, r->d);
	if ((s = get_str(r, map, "id", true))) {
		if (strlen(s) != ANN_ID_LEN || strspn(s, "0123456789abcdef") != ANN_ID_LEN)
			bad(r, ynode_get(map, "id"), "'%s' must be 12 hex digits", "id");
		else
			memcpy(a->id, s, ANN_ID_LEN + 1);
	}
	a->collection = dup_str(r, map, "collection");
	a->country = dup_str(r, map, "country");
	a->year = (int)get_num(r, map, "year", 9999);
	a->section = dup_str(r, map, "section");
	if ((s = get_str(r, map, "block", true))) {
		if (strcmp(s, "paragraph") && strcmp(s, "item"))
			bad(r, ynode_get(map, "block"), "'%s' must be paragraph or item", "block");
		a->item = !strcmp(s, "item");
	}
	a->index = get_num(r, map, "index", 1u << 30);
	a->start = get_num(r, map, "start", 1u << 30);
	a->end = get_num(r, map, "end", 1u << 30);
	a->quote = dup_str(r, map, "quote");
	a->prefix = dup_str(r, map, "prefix");
	a->suffix = dup_str(r, map, "suffix");
	a->note = dup_str(r, map, "note");
	if ((s = get_str(r, map, "color", true)) && !ann_color_parse(s, &a->color))
		bad(r, ynode_get(map, "color"), "unknown colour '%s'", s);
	get_stamp(r, map, "created", true, a->created);
	get_stamp(r, map, "updated", true, a->updated);
	get_stamp(r, map, "deleted", false, a->deleted);
}

/* Parses the file into out.  Returns ANN_OK (also for a missing file),
 * ANN_CORRUPT with FILE:LINE:COL errors in d, or ANN_IOERR.  *seen gets the
 * identity of what was read (st_ino 0 when there was nothing): taken before
 * the read, so that a file replaced meanwhile is at worst parsed again. */
static enum ann_status read_store(const char *path, struct ann_vec *out, struct stat *seen,
				  struct diags *d)
{
	static const char *const top_keys[] = { "version", "annotations", NULL };
	struct arena *a;
	struct diags errs = {0};
	struct reader r = { .file = path, .d = &errs };
	const struct ynode *root, *list, *ver;
	enum ann_status st = ANN_OK;
	char *buf;
	size_t len;

	memset(seen, 0, sizeof(*seen));
	if (stat(path, seen) != 0)
		memset(seen, 0, sizeof(*seen));
	if (!(buf = read_file(path, ann_limits.max_file_size, &len))) {
		int e = errno;

		memset(seen, 0, sizeof(*seen));
		if (e == ENOENT)
			return ANN_OK;
		diags_file_error(d, path, e, ann_limits.max_file_size);
		/* Too large to load is as unusable as unparsable: keep it aside. */
		return e == EFBIG ? ANN_CORRUPT : ANN_IOERR;
	}
	a = arena_new();
	root = yaml_parse(path, buf, len, &ann_limits, a, &errs);
	free(buf);
	if (!root) {
		st = ANN_CORRUPT;
	} else {
		if (ynode_expect(root, YNODE_MAP, "annotations file", path, &errs)) {
			ynode_check_keys(root, top_keys, path, &errs);
			if ((ver = ynode_get(root, "version")) &&
			    (ver->kind != YNODE_SCALAR || strcmp(ver->str, "1")))
				bad(&r, ver, "unsupported version '%s' (this tipr writes 1)",
				    ver->kind == YNODE_SCALAR ? ver->str : "?");
			list = ynode_get(root, "annotations");
			if (list && !ynode_is_null(list) &&
			    ynode_expect(list, YNODE_SEQ, "annotations", path, &errs)) {
				for (size_t i = 0; i < list->n; i++) {
					struct annotation e;

					if (!ynode_expect(list->items[i], YNODE_MAP, "annotation", path, &errs))
						continue;
					read_entry(&r, list->items[i], &e);
					if (e.id[0] && vec_find(out, e.id))
						bad(&r, list->items[i], "duplicate id %s", e.id);
					vec_push(out, &e);
				}
			}
		}
		if (errs.n_errors)
			st = ANN_CORRUPT;
	}
	if (st != ANN_OK) {
		vec_free(out);
		memset(seen, 0, sizeof(*seen));
	}
	diags_take(d, &errs);
	diags_free(&errs);
	arena_free(a);
	return st;
}

/* ---- writing ---- */

/* "  key: " then a plain value. */
static void put_plain(struct strbuf *sb, const char *key, const char *value)
{
	sb_adds(sb, "  ");
	sb_adds(sb, key);
	sb_adds(sb, ": ");
	sb_adds(sb, value);
	sb_addc(sb, '\n');
}

static void put_number(struct strbuf *sb, const char *key, size_t v)
{
	char buf[24], *p = buf + sizeof(buf);

	*--p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	put_plain(sb, key, p);
}

static void put_text(struct strbuf *sb, const char *key, const char *value)
{
	sb_adds(sb, "  ");
	sb_adds(sb, key);
	sb_adds(sb, ": ");
	yamlout_quoted(sb, value);
	sb_addc(sb, '\n');
}

/* One entry, written straight rather than through libyaml's emitter (six
 * times slower), as the store is rewritten whole at every change.  Text
 * from the user or the content is double-quoted (yamlout_quoted), so every
 * character, leading space and newline survives the round trip exactly;
 * ids, numbers, names and times are plain. */
static void write_entry(struct strbuf *sb, const struct annotation *a)
{
	sb_adds(sb, "- id: ");
	sb_adds(sb, a->id);
	sb_addc(sb, '\n');
	put_text(sb, "collection", a->collection);
	put_text(sb, "country", a->country);
	put_number(sb, "year", (size_t)a->year);
	put_text(sb, "section", a->section);
	put_plain(sb, "block", a->item ? "item" : "paragraph");
	put_number(sb, "index", a->index);
	put_number(sb, "start", a->start);
	put_number(sb, "end", a->end);
	put_text(sb, "quote", a->quote);
	put_text(sb, "prefix", a->prefix);
	put_text(sb, "suffix", a->suffix);
	put_plain(sb, "color", ann_color_name(a->color));
	put_text(sb, "note", a->note);
	put_plain(sb, "created", a->created);
	put_plain(sb, "updated", a->updated);
	if (a->deleted[0])
		put_plain(sb, "deleted", a->deleted);
}

/* Tombstones are forgotten after this long: any reader still holding the
 * annotation has long since saved or been closed. */
#define TOMBSTONE_DAYS 90

static bool write_yaml(struct ann_vec *vec, FILE *out)
{
	char cutoff[ANN_STAMP_LEN + 1];
	struct strbuf sb = {0};
	size_t written = 0;

	format_stamp(now_ms() - (long long)TOMBSTONE_DAYS * 86400 * 1000, false, cutoff);
	if (vec->out_cap < vec->n) {
		vec->out = xreallocarray(vec->out, vec->cap, sizeof(*vec->out));
		memset(vec->out + vec->out_cap, 0, (vec->cap - vec->out_cap) * sizeof(*vec->out));
		vec->out_cap = vec->cap;
	}
	fputs("version: 1\nannotations:", out);
	for (size_t i = 0; i < vec->n && !ferror(out); i++) {
		struct written *w = &vec->out[i];

		if (vec->v[i].deleted[0] && strcmp(vec->v[i].deleted, cutoff) <= 0)
			continue;
		if (!written++)
			fputc('\n', out);
		if (!w->s) {
			sb_reset(&sb);
			write_entry(&sb, &vec->v[i]);
			w->s = xstrndup(sb.buf, sb.len);
			w->len = sb.len;
		}
		fwrite(w->s, 1, w->len, out);
	}
	sb_free(&sb);
	if (!written)
		fputs(" []\n", out);
	return !ferror(out);
}

static enum ann_status io_error(struct ann_store *st, const char *what, const char *file)
{
	diags_add(&st->diags, DIAG_ERROR, file, 0, 0, "%s: %s", what, file_error(errno));
	return ANN_IOERR;
}

static bool fill_yaml(FILE *out, void *vec)
{
	return write_yaml(vec, out);
}

/* Remembers the file as it is now: what the store holds, the file holds. */
static void see(struct ann_store *st, const char *target)
{
	st->have_seen = stat(target, &st->seen) == 0;
}

/* Whether the file is still the one last read or written whole (ctime
 * cannot be set back, and a replaced file is a new inode). */
static bool unchanged(const struct ann_store *st, const char *target)
{
	struct stat now;

	return st->have_seen && stat(target, &now) == 0 && now.st_dev == st->seen.st_dev &&
	       now.st_ino == st->seen.st_ino && now.st_size == st->seen.st_size &&
	       now.st_mtim.tv_sec == st->seen.st_mtim.tv_sec &&
	       now.st_mtim.tv_nsec == st->seen.st_mtim.tv_nsec &&
	       now.st_ctim.tv_sec == st->seen.st_ctim.tv_sec &&
	       now.st_ctim.tv_nsec == st->seen.st_ctim.tv_nsec;
}

/* Writes the store crash-safely (temporary file, fsync, rename, fsync of the
 * directory).  The caller holds the lock, so one temporary name suffices. */
static enum ann_status save(struct ann_store *st, const char *target)
{
	if (!paths_write_atomic(target, PATHS_DURABLE | PATHS_LOCKED | PATHS_PRIVATE, fill_yaml,
				&st->all))
		return io_error(st, "cannot save", target);
	see(st, target);
	return ANN_OK;
}

/* ---- the store ---- */

struct ann_store *ann_store_new(const char *path)
{
	struct ann_store *st = xcalloc(1, sizeof(*st));

	if (path) {
		st->path = xstrdup(path);
	} else {
		char *dir = paths_data_home();

		st->path = path_join(dir, "annotations.yaml");
		free(dir);
	}
	return st;
}

void ann_store_free(struct ann_store *st)
{
	if (!st)
		return;
	vec_free(&st->all);
	diags_free(&st->diags);
	free(st->path);
	free(st);
}

const char *ann_store_path(const struct ann_store *st)
{
	return st->path;
}

struct diags *ann_store_diags(struct ann_store *st)
{
	return &st->diags;
}

size_t ann_store_count(const struct ann_store *st)
{
	return st->all.n;
}

const struct annotation *ann_store_at(const struct ann_store *st, size_t i)
{
	return i < st->all.n ? &st->all.v[i] : NULL;
}

const struct annotation *ann_store_find(const struct ann_store *st, const char *id)
{
	const struct annotation *a = vec_find(&st->all, id);

	return a && !a->deleted[0] ? a : NULL;
}

/* The file the store writes: the end of the path's symbolic links, when it
 * is a regular file or nothing yet; else NULL, reported. */
static char *write_target(struct ann_store *st)
{
	char *target = paths_resolve(st->path);

	if (!target) {
		io_error(st, "cannot follow the link", st->path);
		return NULL;
	}
	if (!paths_may_replace(target)) {
		diags_add(&st->diags, DIAG_ERROR, target, 0, 0,
			  "not a regular file: annotations are never written, locked or moved there");
		free(target);
		return NULL;
	}
	return target;
}

/* Takes the lock beside the target (creating the directory); returns its
 * fd.  The lock file itself must be a regular file: a link or a FIFO put
 * there is refused, not followed or waited on. */
static int lock(struct ann_store *st, const char *target)
{
	char *dir = path_dir(target), *lock_path;
	struct stat sb;
	int fd;

	if (!paths_mkdirs(dir)) {
		io_error(st, "cannot create directory", dir);
		free(dir);
		return -1;
	}
	free(dir);
	lock_path = xasprintf("%s.lock", target);
	fd = open(lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0600);
	if (fd >= 0 && (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))) {
		close(fd);
		fd = -1;
		errno = E_NOT_REGULAR;
	}
	if (fd < 0)
		io_error(st, "cannot open the lock", lock_path);
	while (fd >= 0 && flock(fd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			io_error(st, "cannot lock", lock_path);
			close(fd);
			fd = -1;
		}
	}
	free(lock_path);
	return fd;
}

static void unlock(int fd)
{
	/* Closing releases the flock. */
	close(fd);
}

/* Moves a corrupt target aside, beside itself, so that it is never
 * overwritten; the caller holds the lock. */
static enum ann_status move_aside(struct ann_store *st, const char *target)
{
	char stamp[ANN_STAMP_LEN + 1];
	char *aside;
	enum ann_status res = ANN_CORRUPT;

	format_stamp(now_ms(), true, stamp);
	aside = xasprintf("%s.corrupt-%s", target, stamp);
	if (!paths_may_replace(target) || rename(target, aside) < 0)
		res = io_error(st, "cannot move the unreadable file aside", target);
	else
		diags_add(&st->diags, DIAG_ERROR, target, 0, 0,
			  "could not be read; moved aside to %s (nothing in it is lost)", aside);
	free(aside);
	return res;
}

/* Merges entries of disk into the store (the later change of each id wins). */
static void merge(struct ann_store *st, struct ann_vec *disk)
{
	for (size_t i = 0; i < disk->n; i++) {
		struct annotation *mine = vec_find(&st->all, disk->v[i].id);

		if (!mine) {
			vec_push(&st->all, &disk->v[i]);
		} else if (newer(&disk->v[i], mine)) {
			ann_done(mine);
			*mine = disk->v[i];
			vec_changed(&st->all, mine);
		} else {
			ann_done(&disk->v[i]);
		}
	}
	disk->n = 0;
	vec_free(disk);
}

/* Reads the file and merges it in: ANN_OK, ANN_CORRUPT (the store keeps its
 * entries) or ANN_IOERR; never changes the file. */
static enum ann_status reload(struct ann_store *st, const char *path)
{
	struct ann_vec disk = {0};
	struct stat seen;
	enum ann_status res = read_store(path, &disk, &seen, &st->diags);

	if (res != ANN_OK)
		return res;
	merge(st, &disk);
	st->seen = seen;
	st->have_seen = seen.st_ino != 0;
	return ANN_OK;
}

enum ann_status ann_store_load(struct ann_store *st)
{
	/* Saves replace the file whole (rename), so reading needs no lock: a
	 * read-only command creates, locks and moves nothing. */
	enum ann_status res = reload(st, st->path);

	if (res == ANN_CORRUPT)
		diags_add(&st->diags, DIAG_ERROR, st->path, 0, 0,
			  "could not be read; left as it is, and moved aside (never overwritten) "
			  "before the next change is saved");
	return res;
}

/* A change to the entry with this id (NULL: none) under the lock. */
typedef enum ann_status change_fn(struct ann_store *st, struct annotation *a, const void *arg);

/* The read-merge-write cycle: lock, merge what other readers saved (parsed
 * only when the file changed since this store last read or wrote it), apply
 * the change, save, unlock.  A corrupt file is moved aside first, so the
 * save never overwrites it; an unreadable one stops the change. */
static enum ann_status transact(struct ann_store *st, const char *id, change_fn *change,
				const void *arg)
{
	char *target = write_target(st);
	enum ann_status res = ANN_OK;
	int fd;

	if (!target)
		return ANN_IOERR;
	if ((fd = lock(st, target)) < 0) {
		free(target);
		return ANN_IOERR;
	}
	if (!unchanged(st, target) && (res = reload(st, target)) == ANN_CORRUPT)
		res = move_aside(st, target);
	if (res == ANN_OK || res == ANN_CORRUPT) {
		struct annotation *a = id ? vec_find(&st->all, id) : NULL;
		enum ann_status r = change(st, a, arg);

		if (r == ANN_OK && a)
			vec_changed(&st->all, a);
		if (r == ANN_OK)
			r = save(st, target);
		if (r != ANN_OK || res == ANN_OK)
			res = r;
	}
	unlock(fd);
	free(target);
	return res;
}

static bool valid_text(const char *s)
{
	return utf8_valid(s, strlen(s), NULL);
}

struct add_arg {
	struct annotation *a;
	const struct annotation **added;
};

static enum ann_status do_add(struct ann_store *st, struct annotation *existing, const void *arg)
{
	const struct add_arg *aa = arg;

	if (existing) {
		/* Restoring: the entry is replaced by the copy being put back. */
		ann_done(existing);
		*existing = *aa->a;
	} else {
		existing = vec_push(&st->all, aa->a);
	}
	memset(aa->a, 0, sizeof(*aa->a));
	if (aa->added)
		*aa->added = existing;
	return ANN_OK;
}

enum ann_status ann_add(struct ann_store *st, const char *collection, const struct document *doc,
			int section, bool item, size_t index, size_t start, size_t end,
			enum ann_color color, const char *note, const struct annotation **added)
{
	const struct section *sec;
	const char *text;
	struct annotation a = {0};
	struct add_arg arg = { &a, added };
	enum ann_status res;

	if (section < 0 || (size_t)section >= doc->n_sections || !note || !valid_text(note) ||
	    (unsigned)color >= ANN__COLOR_COUNT)
		return ANN_INVALID;
	sec = &doc->sections[section];
	if (index >= (item ? sec->n_items : sec->n_paras))
		return ANN_INVALID;
	text = item ? sec->items[index] : sec->paras[index];
	if (start >= end || end > strlen(text) || !utf8_valid(text + start, end - start, NULL) ||
	    (text[start] & 0xC0) == 0x80 || (text[end] & 0xC0) == 0x80)
		return ANN_INVALID;
	do
		random_id(a.id);
	while (vec_find(&st->all, a.id));
	a.collection = xstrdup(collection);
	a.country = xstrdup(doc->country ? doc->country : "");
	a.year = doc->year;
	a.section = xstrdup(sec->id);
	a.item = item;
	a.index = index;
	a.start = start;
	a.end = end;
	a.quote = xstrndup(text + start, end - start);
	ann_context(doc, section, item, index, start, end, &a.prefix, &a.suffix);
	a.color = color;
	a.note = xstrdup(note);
	format_stamp(now_ms(), false, a.created);
	memcpy(a.updated, a.created, sizeof(a.updated));
	res = transact(st, NULL, do_add, &arg);
	ann_done(&a);
	return res;
}

enum ann_status ann_restore(struct ann_store *st, const struct annotation *src)
{
	struct annotation a;
	struct add_arg arg = { &a, NULL };
	enum ann_status res;

	ann_copy(&a, src);
	a.deleted[0] = '\0';
	format_stamp(now_ms(), false, a.updated);
	res = transact(st, a.id, do_add, &arg);
	ann_done(&a);
	return res;
}

struct update_arg {
	const char *note;
	const enum ann_color *color;
};

static enum ann_status do_update(struct ann_store *st, struct annotation *a, const void *arg)
{
	const struct update_arg *u = arg;

	(void)st;
	if (!a || a->deleted[0])
		return ANN_NOTFOUND;
	if (u->note) {
		free(a->note);
		a->note = xstrdup(u->note);
	}
	if (u->color)
		a->color = *u->color;
	format_stamp(now_ms(), false, a->updated);
	return ANN_OK;
}

enum ann_status ann_update(struct ann_store *st, const char *id, const char *note,
			   const enum ann_color *color)
{
	struct update_arg u = { note, color };

	if ((note && !valid_text(note)) || (color && (unsigned)*color >= ANN__COLOR_COUNT))
		return ANN_INVALID;
	return transact(st, id, do_update, &u);
}

static enum ann_status do_delete(struct ann_store *st, struct annotation *a, const void *arg)
{
	struct annotation *removed = (struct annotation *)arg;

	(void)st;
	if (!a || a->deleted[0])
		return ANN_NOTFOUND;
	if (removed)
		ann_copy(removed, a);
	format_stamp(now_ms(), false, a->deleted);
	return ANN_OK;
}

enum ann_status ann_delete(struct ann_store *st, const char *id, struct annotation *removed)
{
	if (removed)
		memset(removed, 0, sizeof(*removed));
	return transact(st, id, do_delete, removed);
}

/* ---- listing ---- */

static bool contains_folded(const char *hay, const char *folded_needle)
{
	char *h = fold_dup(hay);
	bool hit = strstr(h, folded_needle) != NULL;

	free(h);
	return hit;
}

/* The filter's text finds an annotation by its words, its note, its
 * country, section, year or colour. */
static bool text_matches(const struct annotation *a, const char *folded_needle)
{
	char year[16];

	snprintf(year, sizeof(year), "%d", a->year);
	return contains_folded(a->quote, folded_needle) || contains_folded(a->note, folded_needle) ||
	       contains_folded(a->country, folded_needle) || contains_folded(a->section, folded_needle) ||
	       strstr(year, folded_needle) || !strcmp(ann_color_name(a->color), folded_needle);
}

/* Position of a section id in report order; unknown ids come after. */
static size_t section_rank(const char *id)
{
	for (size_t i = 0; i < section_kinds_count; i++)
		if (!strcmp(section_kinds[i].id, id))
			return i;
	return section_kinds_count;
}

/* Order within a section: paragraphs before items, then by block, then by
 * where the passage starts. */
static int cmp_place(bool item_a, size_t index_a, size_t start_a, bool item_b, size_t index_b,
		     size_t start_b)
{
	if (item_a != item_b)
		return item_a ? 1 : -1;
	if (index_a != index_b)
		return index_a < index_b ? -1 : 1;
	if (start_a != start_b)
		return start_a < start_b ? -1 : 1;
	return 0;
}

static int cmp_document(const struct annotation *a, const struct annotation *b)
{
	int c;
	size_t ra, rb;

	if ((c = strcmp(a->collection, b->collection)) || (c = strcmp(a->country, b->country)))
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	ra = section_rank(a->section);
	rb = section_rank(b->section);
	if (ra != rb)
		return ra < rb ? -1 : 1;
	if ((c = strcmp(a->section, b->section)) ||
	    (c = cmp_place(a->item, a->index, a->start, b->item, b->index, b->start)))
		return c;
	return strcmp(a->created, b->created);
}

static int cmp_entries(const void *pa, const void *pb, void *arg)
{
	enum ann_sort sort_key = *(const enum ann_sort *)arg;
	const struct annotation *a = *(const struct annotation *const *)pa;
	const struct annotation *b = *(const struct annotation *const *)pb;
	int c = 0;

	switch (sort_key) {
	case ANN_SORT_CREATED:
		c = strcmp(a->created, b->created);
		break;
	case ANN_SORT_UPDATED:
		c = strcmp(b->updated, a->updated); /* most recent first */
		break;
	case ANN_SORT_COLOR:
		c = (int)a->color - (int)b->color;
		break;
	case ANN_SORT_DOCUMENT:
		break;
	}
	return c ? c : cmp_document(a, b);
}

size_t ann_list(const struct ann_store *st, const struct ann_filter *filter, enum ann_sort sort,
		const struct annotation ***out)
{
	char *needle = filter && filter->text && *filter->text ? fold_dup(filter->text) : NULL;
	const struct annotation **v = xcalloc(st->all.n + 1, sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < st->all.n; i++) {
		const struct annotation *a = &st->all.v[i];

		if (a->deleted[0])
			continue;
		if (filter && ((filter->collection && strcmp(filter->collection, a->collection)) ||
			       (filter->country && strcmp(filter->country, a->country)) ||
			       (filter->year && filter->year != a->year)))
			continue;
		if (needle && !text_matches(a, needle))
			continue;
		v[n++] = a;
	}
	qsort_r(v, n, sizeof(*v), cmp_entries, &sort);
	free(needle);
	*out = v;
	return n;
}

/* ---- resolving a document ---- */

static int cmp_highlight(const void *pa, const void *pb)
{
	const struct ann_anchor *a = &((const struct ann_highlight *)pa)->anchor;
	const struct ann_anchor *b = &((const struct ann_highlight *)pb)->anchor;
	int c;

	if (a->section != b->section)
		return a->section < b->section ? -1 : 1;
	if ((c = cmp_place(a->item, a->index, a->start, b->item, b->index, b->start)))
		return c;
	return a->end < b->end ? -1 : a->end > b->end;
}

size_t ann_resolve_document(const struct ann_store *st, const char *collection,
			    const struct document *doc, struct ann_highlight **out, size_t *orphans)
{
	struct ann_filter f = { .collection = collection, .country = doc->country, .year = doc->year };
	const struct annotation **list;
	size_t n = ann_list(st, &f, ANN_SORT_DOCUMENT, &list), k = 0, lost = 0;
	struct ann_highlight *v = xcalloc(n + 1, sizeof(*v));

	for (size_t i = 0; i < n; i++) {
		v[k].ann = list[i];
		ann_resolve(list[i], doc, &v[k].anchor);
		if (v[k].anchor.kind == ANN_ANCHOR_ORPHAN)
			lost++;
		else
			k++;
	}
	free(list);
	qsort(v, k, sizeof(*v), cmp_highlight);
	if (orphans)
		*orphans = lost;
	*out = v;
	return k;
}
