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
#include <yaml.h>

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

void annotation_copy(struct annotation *dst, const struct annotation *src)
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

void annotation_done(struct annotation *a)
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

/* A list of annotations that owns them. */
struct ann_vec {
	struct annotation *v;
	size_t n, cap;
};

static void vec_free(struct ann_vec *vec)
{
	for (size_t i = 0; i < vec->n; i++)
		annotation_done(&vec->v[i]);
	free(vec->v);
	memset(vec, 0, sizeof(*vec));
}

static struct annotation *vec_find(struct ann_vec *vec, const char *id)
{
	for (size_t i = 0; i < vec->n; i++)
		if (!strcmp(vec->v[i].id, id))
			return &vec->v[i];
	return NULL;
}

struct ann_store {
	char *path, *lock_path, *dir;
	struct ann_vec all;
	struct diags diags;
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
	const struct ynode *n = ynode_get(map, key);

	if (!n) {
		if (required)
			bad(r, map, "annotation without '%s'", key);
		return NULL;
	}
	if (n->kind != YNODE_SCALAR) {
		bad(r, n, "'%s' must be a string", key);
		return NULL;
	}
	if (strlen(n->str) != n->len) {
		bad(r, n, "'%s' contains a NUL character", key);
		return NULL;
	}
	return n->str;
}

static char *dup_str(struct reader *r, const struct ynode *map, const char *key)
{
	const char *s = get_str(r, map, key, true);

	return xstrdup(s ? s : "");
}

static size_t get_num(struct reader *r, const struct ynode *map, const char *key, size_t max)
{
	const char *s = get_str(r, map, key, true);
	char *end;
	unsigned long long v;

	if (!s)
		return 0;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || v > max) {
		bad(r, ynode_get(map, key), "'%s' must be a number", key);
		return 0;
	}
	return (size_t)v;
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
 * ANN_CORRUPT with FILE:LINE:COL errors in d, or ANN_IOERR. */
static enum ann_status read_store(const char *path, struct ann_vec *out, struct diags *d)
{
	static const char *const top_keys[] = { "version", "annotations", NULL };
	struct arena *a;
	struct diags errs = {0};
	struct reader r = { .file = path, .d = &errs };
	const struct ynode *root, *list, *ver;
	enum ann_status st = ANN_OK;
	char *buf;
	size_t len;

	if (!(buf = read_file(path, ann_limits.max_file_size, &len))) {
		if (errno == ENOENT)
			return ANN_OK;
		int e = errno;

		diags_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", file_error(e));
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
					GROW(out->v, out->cap, out->n + 1);
					out->v[out->n++] = e;
				}
			}
		}
		if (errs.n_errors)
			st = ANN_CORRUPT;
	}
	if (st != ANN_OK)
		vec_free(out);
	diags_take(d, &errs);
	diags_free(&errs);
	arena_free(a);
	return st;
}

/* ---- writing ---- */

/* Text from the user or the content is double-quoted: every character,
 * leading space and newline survives the round trip exactly. */
static bool emit_pair(yaml_emitter_t *e, const char *key, const char *value, bool text)
{
	return yamlout_pair(e, key, value, text ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE);
}

static bool emit_num(yaml_emitter_t *e, const char *key, size_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%zu", v);
	return emit_pair(e, key, buf, false);
}

static bool write_entry(yaml_emitter_t *e, const struct annotation *a)
{
	bool ok = yamlout_block(e, true, true) && emit_pair(e, "id", a->id, false) &&
		  emit_pair(e, "collection", a->collection, true) &&
		  emit_pair(e, "country", a->country, true) && emit_num(e, "year", (size_t)a->year) &&
		  emit_pair(e, "section", a->section, true) &&
		  emit_pair(e, "block", a->item ? "item" : "paragraph", false) &&
		  emit_num(e, "index", a->index) && emit_num(e, "start", a->start) &&
		  emit_num(e, "end", a->end) && emit_pair(e, "quote", a->quote, true) &&
		  emit_pair(e, "prefix", a->prefix, true) && emit_pair(e, "suffix", a->suffix, true) &&
		  emit_pair(e, "color", ann_color_name(a->color), false) &&
		  emit_pair(e, "note", a->note, true) && emit_pair(e, "created", a->created, false) &&
		  emit_pair(e, "updated", a->updated, false);

	if (ok && a->deleted[0])
		ok = emit_pair(e, "deleted", a->deleted, false);
	return ok && yamlout_block(e, true, false);
}

/* Tombstones are forgotten after this long: any reader still holding the
 * annotation has long since saved or been closed. */
#define TOMBSTONE_DAYS 90

static bool write_yaml(const struct ann_vec *vec, FILE *out)
{
	char cutoff[ANN_STAMP_LEN + 1];
	yaml_emitter_t e;
	bool ok;

	format_stamp(now_ms() - (long long)TOMBSTONE_DAYS * 86400 * 1000, false, cutoff);
	ok = yamlout_begin(&e, out) && emit_pair(&e, "version", "1", false) &&
	     yamlout_scalar(&e, "annotations", YAML_PLAIN_SCALAR_STYLE) && yamlout_block(&e, false, true);
	for (size_t i = 0; ok && i < vec->n; i++)
		if (!vec->v[i].deleted[0] || strcmp(vec->v[i].deleted, cutoff) > 0)
			ok = write_entry(&e, &vec->v[i]);
	return yamlout_finish(&e, ok && yamlout_block(&e, false, false));
}

static enum ann_status io_error(struct ann_store *st, const char *what, const char *file)
{
	diags_add(&st->diags, DIAG_ERROR, file, 0, 0, "%s: %s", what, strerror(errno));
	return ANN_IOERR;
}

static bool fill_yaml(FILE *out, void *vec)
{
	return write_yaml(vec, out);
}

/* Writes the store crash-safely (temporary file, fsync, rename, fsync of the
 * directory).  The caller holds the lock, so one temporary name suffices. */
static enum ann_status save(struct ann_store *st)
{
	if (!paths_write_atomic(st->path, PATHS_DURABLE | PATHS_LOCKED | PATHS_PRIVATE, fill_yaml,
				&st->all))
		return io_error(st, "cannot save", st->path);
	return ANN_OK;
}

/* ---- the store ---- */

struct ann_store *ann_store_new(const char *path)
{
	struct ann_store *st = xcalloc(1, sizeof(*st));
	char *slash, *real;

	if (path) {
		st->path = xstrdup(path);
	} else {
		char *dir = paths_data_home();

		st->path = path_join(dir, "annotations.yaml");
		free(dir);
	}
	/* A symlinked file (dotfile managers) is replaced at its target, not
	 * turned into a regular file by the rename. */
	if ((real = realpath(st->path, NULL))) {
		free(st->path);
		st->path = real;
	}
	st->lock_path = xasprintf("%s.lock", st->path);
	st->dir = xstrdup(st->path);
	slash = strrchr(st->dir, '/');
	if (!slash)
		strcpy(st->dir, ".");
	else if (slash == st->dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	return st;
}

void ann_store_free(struct ann_store *st)
{
	if (!st)
		return;
	vec_free(&st->all);
	diags_free(&st->diags);
	free(st->path);
	free(st->lock_path);
	free(st->dir);
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
	const struct annotation *a = vec_find((struct ann_vec *)&st->all, id);

	return a && !a->deleted[0] ? a : NULL;
}

/* Takes the lock beside the file (creating the directory); returns its fd. */
static int lock(struct ann_store *st)
{
	int fd;

	if (!paths_mkdirs(st->dir)) {
		io_error(st, "cannot create directory", st->dir);
		return -1;
	}
	if ((fd = open(st->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		io_error(st, "cannot open", st->lock_path);
		return -1;
	}
	while (flock(fd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			io_error(st, "cannot lock", st->lock_path);
			close(fd);
			return -1;
		}
	}
	return fd;
}

static void unlock(int fd)
{
	/* Closing releases the flock. */
	close(fd);
}

/* Moves a corrupt file aside so that it is never overwritten. */
static enum ann_status move_aside(struct ann_store *st)
{
	char stamp[ANN_STAMP_LEN + 1];
	char *aside;
	enum ann_status res = ANN_CORRUPT;

	format_stamp(now_ms(), true, stamp);
	aside = xasprintf("%s.corrupt-%s", st->path, stamp);
	if (rename(st->path, aside) < 0)
		res = io_error(st, "cannot move the unreadable file aside", st->path);
	else
		diags_add(&st->diags, DIAG_ERROR, st->path, 0, 0,
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
			GROW(st->all.v, st->all.cap, st->all.n + 1);
			st->all.v[st->all.n++] = disk->v[i];
		} else if (newer(&disk->v[i], mine)) {
			annotation_done(mine);
			*mine = disk->v[i];
		} else {
			annotation_done(&disk->v[i]);
		}
	}
	free(disk->v);
	memset(disk, 0, sizeof(*disk));
}

/* Reads the file and merges it in; the caller holds the lock.  A corrupt
 * file is moved aside (ANN_CORRUPT); the store keeps its entries. */
static enum ann_status reload(struct ann_store *st)
{
	struct ann_vec disk = {0};
	enum ann_status res = read_store(st->path, &disk, &st->diags);

	if (res == ANN_CORRUPT)
		return move_aside(st);
	merge(st, &disk);
	return res;
}

enum ann_status ann_store_load(struct ann_store *st)
{
	enum ann_status res;
	int fd;

	if (access(st->path, F_OK) < 0 && errno == ENOENT)
		return ANN_OK;
	if ((fd = lock(st)) < 0)
		return ANN_IOERR;
	res = reload(st);
	unlock(fd);
	return res;
}

/* A change to the entry with this id (NULL: none) under the lock. */
typedef enum ann_status change_fn(struct ann_store *st, struct annotation *a, const void *arg);

/* The read-merge-write cycle: lock, merge what other readers saved, apply
 * the change, save, unlock.  A corrupt file has been moved aside by then,
 * so the save never overwrites it; an unreadable one stops the change. */
static enum ann_status transact(struct ann_store *st, const char *id, change_fn *change,
				const void *arg)
{
	enum ann_status res;
	int fd;

	if ((fd = lock(st)) < 0)
		return ANN_IOERR;
	res = reload(st);
	if (res == ANN_OK || res == ANN_CORRUPT) {
		struct annotation *a = id ? vec_find(&st->all, id) : NULL;
		enum ann_status r = change(st, a, arg);

		if (r == ANN_OK)
			r = save(st);
		if (r != ANN_OK || res == ANN_OK)
			res = r;
	}
	unlock(fd);
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
		annotation_done(existing);
		*existing = *aa->a;
	} else {
		GROW(st->all.v, st->all.cap, st->all.n + 1);
		existing = &st->all.v[st->all.n++];
		*existing = *aa->a;
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
	annotation_done(&a);
	return res;
}

enum ann_status ann_restore(struct ann_store *st, const struct annotation *src)
{
	struct annotation a;
	struct add_arg arg = { &a, NULL };
	enum ann_status res;

	annotation_copy(&a, src);
	a.deleted[0] = '\0';
	format_stamp(now_ms(), false, a.updated);
	res = transact(st, a.id, do_add, &arg);
	annotation_done(&a);
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
		annotation_copy(removed, a);
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
