/* index.c — building, opening and reading the positional word index. */
#include "config.h"

#include "search/index.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/cachefile.h"
#include "base/util.h"
#include "content/docscan.h"
#include "search/words.h"

#define MAGIC "TIPRSIDX"
#define INDEX_VERSION 4u

enum { PART_DOCS, PART_POSTINGS, PART_DICT, PART_WORDS, PART_TABLES, N_PARTS };

/* Part 0, per document. */
struct doc_rec {
	struct cache_stamp stamp; /* of the file */
	uint64_t sum;          /* checksum of its bytes */
	uint32_t settled;      /* 0: check the bytes too */
	uint32_t table_len;
	uint64_t table_off, table_sum;
};

/* Part 1, per word. */
struct dict_entry {
	uint32_t key_off, key_len;
	uint64_t off, len, sum;
	uint32_t n_docs, unused;
};

/* ---- varints ---- */

struct bytes {
	unsigned char *v;
	size_t n, cap;
};

static size_t varint_len(uint64_t x)
{
	size_t n = 1;

	while (x >= 0x80) {
		x >>= 7;
		n++;
	}
	return n;
}

/* Appends x; room for it must have been made. */
static void put_varint_room(struct bytes *b, uint64_t x)
{
	while (x >= 0x80) {
		b->v[b->n++] = (unsigned char)(x | 0x80);
		x >>= 7;
	}
	b->v[b->n++] = (unsigned char)x;
}

/* The varint at *p (not past end); false when it does not fit. */
static bool get_varint(const unsigned char **p, const unsigned char *end, uint64_t *x)
{
	uint64_t v = 0;

	for (int shift = 0; *p < end && shift < 64; shift += 7) {
		unsigned char c = *(*p)++;

		v |= (uint64_t)(c & 0x7F) << shift;
		if (!(c & 0x80)) {
			*x = v;
			return true;
		}
	}
	return false;
}

/* Positions are coded one varint each when they stay in the block
 * (twice the word delta), two when they move on (twice the block delta,
 * plus one; then the word number). */
static uint64_t code_step(uint64_t prev, uint64_t pos, uint64_t *word)
{
	if (pos >> 32 == prev >> 32 && pos > prev)
		return (pos - prev) << 1;
	*word = pos & 0xFFFFFFFFu;
	return ((pos >> 32) - (prev >> 32)) << 1 | 1;
}

static void put_bytes(struct bytes *b, const void *p, size_t n)
{
	GROW(b->v, b->cap, b->n + n);
	memcpy(b->v + b->n, p, n);
	b->n += n;
}

/* A string as cache_get_str reads it: length, bytes, NUL. */
static void put_str(struct bytes *b, const char *s)
{
	uint32_t n = (uint32_t)strlen(s);

	put_bytes(b, &n, sizeof(n));
	put_bytes(b, s, n + 1);
}

/* ---- building ---- */

struct term {
	char *key;
	uint32_t len;
	uint64_t hash;
	struct bytes post;     /* the postings so far */
	uint32_t last_doc;     /* the last document written, or UINT32_MAX */
	uint32_t n_docs;
	uint64_t *pending;     /* positions in the document being read */
	size_t n_pending, cap_pending;
};

/* What the building threads share. */
struct build {
	const char *const *paths;
	struct doc_rec *docs;  /* each thread fills its own range */
	atomic_size_t done;    /* documents read, all threads */
	const atomic_bool *stop;
};

/* One thread's part of the build: the documents [from, to). */
struct builder {
	struct build *all;
	size_t from, to;
	struct term *terms;
	size_t n_terms;
	uint32_t *slots;       /* open addressing: term index + 1, 0 empty */
	size_t cap_slots;
	uint32_t *touched;     /* terms with positions in the current document */
	size_t n_touched, cap_touched;
	struct bytes tables;   /* its documents' block tables */
	struct docscan ds;
	struct diags d;
	bool stopped;
};

static void grow_slots(struct builder *b)
{
	size_t cap = b->cap_slots ? b->cap_slots * 2 : 4096;
	uint32_t *slots = xcalloc(cap, sizeof(*slots));

	for (size_t i = 0; i < b->n_terms; i++) {
		size_t h = (size_t)b->terms[i].hash & (cap - 1);

		while (slots[h])
			h = (h + 1) & (cap - 1);
		slots[h] = (uint32_t)i + 1;
	}
	free(b->slots);
	b->slots = slots;
	b->cap_slots = cap;
}

/* Whether two short keys are the same (memcmp's call costs more than this
 * for a word of a few letters). */
static bool same_key(const char *a, const char *b, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static struct term *term_for(struct builder *b, const char *key, size_t len, uint64_t hash)
{
	size_t h;
	struct term *t;

	if (2 * (b->n_terms + 1) > b->cap_slots) {
		grow_slots(b);
		b->terms = xreallocarray(b->terms, b->cap_slots / 2, sizeof(*b->terms));
	}
	for (h = (size_t)hash & (b->cap_slots - 1); b->slots[h]; h = (h + 1) & (b->cap_slots - 1)) {
		t = &b->terms[b->slots[h] - 1];
		if (t->hash == hash && t->len == len && same_key(t->key, key, len))
			return t;
	}
	t = &b->terms[b->n_terms];
	memset(t, 0, sizeof(*t));
	t->key = xstrndup(key, len);
	t->len = (uint32_t)len;
	t->hash = hash;
	t->last_doc = UINT32_MAX;
	b->slots[h] = (uint32_t)++b->n_terms;
	return t;
}

/* Writes the current document's positions of every word it had, as
 * varints (see code_step): the compact form, while the whole corpus is
 * held; the positions that fit get four bytes each when written out. */
static void end_doc(struct builder *b, uint32_t doc)
{
	for (size_t i = 0; i < b->n_touched; i++) {
		struct term *t = &b->terms[b->touched[i]];
		uint64_t prev = 0, word = 0, delta = t->last_doc == UINT32_MAX ? doc : doc - t->last_doc - 1;
		size_t bytes = varint_len(t->n_pending << 1 | 1);

		for (size_t k = 0; k < t->n_pending; k++) {
			uint64_t step = code_step(prev, t->pending[k], &word);

			bytes += varint_len(step) + (step & 1 ? varint_len(word) : 0);
			prev = t->pending[k];
		}
		GROW(t->post.v, t->post.cap, t->post.n + bytes + 20);
		put_varint_room(&t->post, delta);
		put_varint_room(&t->post, bytes);
		put_varint_room(&t->post, t->n_pending << 1 | 1);
		prev = 0;
		for (size_t k = 0; k < t->n_pending; k++) {
			uint64_t step = code_step(prev, t->pending[k], &word);

			put_varint_room(&t->post, step);
			if (step & 1)
				put_varint_room(&t->post, word);
			prev = t->pending[k];
		}
		t->last_doc = doc;
		t->n_docs++;
		t->n_pending = 0;
	}
	b->n_touched = 0;
}

/* Indexes document doc from its file. */
static void add_doc(struct builder *b, uint32_t doc)
{
	const char *path = b->all->paths[doc];
	struct docscan *ds = &b->ds;
	struct diags *d = &b->d;
	struct doc_rec *r = &b->all->docs[doc];
	struct cache_source src;
	struct bytes *tb = &b->tables;
	size_t len, start = tb->n;
	char *buf = cache_read_source(path, 64u << 20, &len, &src);
	uint32_t zero = 0;

	memset(r, 0, sizeof(*r));
	if (!buf) {
		struct cache_stamp st;

		diags_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", file_error(errno));
		if (cache_stamp_path(path, &st))
			r->stamp = st;
	} else {
		r->stamp = src.stamp;
		r->sum = src.sum;
		r->settled = src.settled;
	}
	r->table_off = start;
	if (!buf || !docscan_read(ds, path, buf, len, d)) {
		put_bytes(tb, &zero, sizeof(zero));
		put_bytes(tb, &zero, sizeof(zero));
	} else {
		uint32_t n = (uint32_t)ds->n_sections;

		put_bytes(tb, &n, sizeof(n));
		for (size_t s = 0; s < ds->n_sections; s++) {
			put_str(tb, ds->sections[s].id);
			put_str(tb, ds->sections[s].title);
		}
		n = (uint32_t)ds->n_blocks;
		put_bytes(tb, &n, sizeof(n));
		for (size_t k = 0; k < ds->n_blocks; k++) {
			const struct docscan_block *bl = &ds->blocks[k];
			struct words w;
			struct word wd;
			uint64_t pos = (uint64_t)k << 32;

			put_bytes(tb, &bl->section, sizeof(bl->section));
			put_bytes(tb, &bl->index, sizeof(bl->index));
			words_init(&w, bl->text, bl->len, 0);
			while (words_next(&w, &wd)) {
				struct term *t = term_for(b, wd.key, wd.len, wd.hash);

				if (!t->n_pending) {
					if (b->n_touched == b->cap_touched)
						GROW(b->touched, b->cap_touched, b->n_touched + 1);
					b->touched[b->n_touched++] = (uint32_t)(t - b->terms);
				}
				if (t->n_pending == t->cap_pending)
					GROW(t->pending, t->cap_pending, t->n_pending + 1);
				t->pending[t->n_pending++] = pos++;
			}
			words_done(&w);
		}
	}
	free(buf);
	r->table_len = (uint32_t)(tb->n - start);
	r->table_sum = cache_checksum(tb->v + start, tb->n - start);
	end_doc(b, doc);
}

static int cmp_term(const void *a, const void *b)
{
	const struct term *x = a, *y = b;
	int r = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);

	return r ? r : (x->len > y->len) - (x->len < y->len);
}

/* A word's postings as written: each document's positions four bytes each
 * (block << 16 | word number) when they all fit, which reads back without
 * decoding, else kept as varints.  Appended to out; *prev is the last
 * document written before (UINT32_MAX: none), and is kept up to date, so
 * that the parts of several builders follow each other. */
static void narrow(const struct bytes *in, struct bytes *out, uint32_t *prev, uint64_t **pos, size_t *cap)
{
	struct index_cursor c;

	for (index_cursor_init(&c, in->v, in->n); c.doc != UINT32_MAX; *prev = c.doc, index_cursor_seek(&c, c.doc + 1)) {
		uint64_t delta = *prev == UINT32_MAX ? c.doc : c.doc - *prev - 1, skip;
		bool fits = index_cursor_positions(&c, pos, cap);
		const unsigned char *rest = c.p;
		size_t bytes;

		for (uint64_t k = 0; k < c.n && fits; k++)
			fits = ((*pos)[k] >> 32) < 0x10000 && ((*pos)[k] & 0xFFFFFFFFu) < 0x10000;
		if (!fits) {
			/* As it was, but for the delta from the document before. */
			get_varint(&rest, c.next, &skip);
			GROW(out->v, out->cap, out->n + 10 + (size_t)(c.next - rest));
			put_varint_room(out, delta);
			memcpy(out->v + out->n, rest, (size_t)(c.next - rest));
			out->n += (size_t)(c.next - rest);
			continue;
		}
		bytes = varint_len(c.n << 1) + 4 * c.n;
		GROW(out->v, out->cap, out->n + bytes + 20);
		put_varint_room(out, delta);
		put_varint_room(out, bytes);
		put_varint_room(out, c.n << 1);
		for (uint64_t k = 0; k < c.n; k++) {
			uint32_t v = (uint32_t)(((*pos)[k] >> 32) << 16 | ((*pos)[k] & 0xFFFF));

			memcpy(out->v + out->n, &v, 4);
			out->n += 4;
		}
	}
}

/* The next word in key order among the builders' sorted words: its
 * builders get the index of their entry for it in at[] (SIZE_MAX: none). */
static const struct term *next_word(struct builder *b, size_t n, size_t *head, size_t *at)
{
	const struct term *min = NULL;

	for (size_t k = 0; k < n; k++)
		if (head[k] < b[k].n_terms && (!min || cmp_term(&b[k].terms[head[k]], min) < 0))
			min = &b[k].terms[head[k]];
	for (size_t k = 0; k < n; k++)
		at[k] = min && head[k] < b[k].n_terms && !cmp_term(&b[k].terms[head[k]], min) ? head[k]++ : SIZE_MAX;
	return min;
}

static bool write_index(struct build *all, struct builder *b, size_t n_builders, struct cachefile_writer *w,
			size_t n_docs)
{
	struct dict_entry *dict = NULL;
	struct bytes out = {0};
	uint64_t *pos = NULL, off = 0, key_off = 0, count = n_docs, tables = 0;
	size_t cap = 0, n_dict = 0, cap_dict = 0, head[2] = { 0 }, at[2];
	const struct term *t;
	bool ok;

	/* The block tables follow each other: each part's offsets move on. */
	for (size_t k = 0; k < n_builders; k++) {
		for (size_t i = b[k].from; i < b[k].to; i++)
			all->docs[i].table_off += tables;
		tables += b[k].tables.n;
		if (b[k].n_terms)
			qsort(b[k].terms, b[k].n_terms, sizeof(*b[k].terms), cmp_term);
	}
	ok = tables < UINT32_MAX && cachefile_write(w, &count, sizeof(count)) &&
	     cachefile_write(w, all->docs, n_docs * sizeof(*all->docs));
	cachefile_next_part(w);
	/* Each word's postings go out as they are made, and its varints are
	 * let go: the build never holds both forms of the whole corpus. */
	while (ok && (t = next_word(b, n_builders, head, at))) {
		uint32_t prev = UINT32_MAX, n = 0;

		out.n = 0;
		for (size_t k = 0; k < n_builders; k++)
			if (at[k] != SIZE_MAX) {
				struct term *part = &b[k].terms[at[k]];

				narrow(&part->post, &out, &prev, &pos, &cap);
				n += part->n_docs;
				free(part->post.v);
				part->post = (struct bytes){ 0 };
			}
		GROW(dict, cap_dict, n_dict + 1);
		dict[n_dict++] = (struct dict_entry){ (uint32_t)key_off, t->len, off, out.n, cache_checksum(out.v, out.n),
						      n, 0 };
		ok = cachefile_write(w, out.v, out.n);
		key_off += t->len + 1;
		off += out.n;
	}
	free(out.v);
	free(pos);
	cachefile_next_part(w);
	count = n_dict;
	ok = ok && cachefile_write(w, &count, sizeof(count)) && cachefile_write(w, dict, n_dict * sizeof(*dict));
	cachefile_next_part(w);
	/* The words again, in the same order. */
	head[0] = head[1] = 0;
	while (ok && (t = next_word(b, n_builders, head, at)))
		ok = cachefile_write(w, t->key, t->len + 1);
	free(dict);
	cachefile_next_part(w);
	for (size_t k = 0; ok && k < n_builders; k++)
		ok = cachefile_write(w, b[k].tables.v, b[k].tables.n);
	if (!ok || key_off > UINT32_MAX) {
		int e = errno ? errno : EIO;

		cachefile_abort(w);
		errno = e;
		return false;
	}
	return cachefile_commit(w);
}

static void builder_free(struct builder *b)
{
	for (size_t i = 0; i < b->n_terms; i++) {
		free(b->terms[i].key);
		free(b->terms[i].post.v);
		free(b->terms[i].pending);
	}
	free(b->terms);
	free(b->slots);
	free(b->touched);
	free(b->tables.v);
	docscan_done(&b->ds);
	diags_free(&b->d);
}

/* Reads the builder's documents; false when told to stop. */
static bool build_part(struct builder *b)
{
	for (size_t i = b->from; i < b->to; i++) {
		if (b->all->stop && atomic_load(b->all->stop))
			return !(b->stopped = true);
		add_doc(b, (uint32_t)i);
		atomic_fetch_add(&b->all->done, 1);
	}
	return true;
}

static void *build_thread(void *arg)
{
	build_part(arg);
	return NULL;
}

bool index_build(const char *cache, const char *const *paths, size_t n, void (*progress)(size_t done, void *arg),
		 void *arg, const atomic_bool *stop, struct diags *d)
{
	/* The file first: a cache that cannot be written is not built, and an
	 * interrupted build leaves its temporary file to the signal handler. */
	struct cachefile_writer *w = n < UINT32_MAX ? cachefile_create(cache, MAGIC, INDEX_VERSION, N_PARTS) : NULL;
	int error = w ? 0 : errno;
	struct build all = { paths, xcalloc(n + 1, sizeof(*all.docs)), 0, stop };
	/* Two halves on two processors: the second on a thread of its own. */
	size_t parts = n > 1 && sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1;
	struct builder b[2];
	pthread_t helper;
	bool helped = false, ok = w != NULL;

	atomic_init(&all.done, 0);
	memset(b, 0, sizeof(b));
	for (size_t k = 0; k < parts; k++) {
		b[k].all = &all;
		b[k].from = n * k / parts;
		b[k].to = n * (k + 1) / parts;
	}
	if (ok && parts == 2)
		helped = pthread_create(&helper, NULL, build_thread, &b[1]) == 0;
	/* The first half here, telling progress (both halves') as it goes. */
	for (size_t i = b[0].from; ok && i < b[0].to; i++) {
		if (stop && atomic_load(stop)) {
			b[0].stopped = true;
			break;
		}
		add_doc(&b[0], (uint32_t)i);
		if (progress)
			progress(atomic_fetch_add(&all.done, 1) + 1, arg);
	}
	if (helped)
		pthread_join(helper, NULL);
	else if (ok && parts == 2 && !b[0].stopped)
		build_part(&b[1]);
	ok = ok && !b[0].stopped && !b[1].stopped;
	if (ok && progress)
		progress(n, arg);
	for (size_t k = 0; k < parts; k++)
		diags_take(d, &b[k].d);
	if (ok) {
		ok = write_index(&all, b, parts, w, n);
	} else if (w) {
		int e = b[0].stopped || b[1].stopped ? ECANCELED : errno;

		cachefile_abort(w);
		errno = e;
	}
	for (size_t k = 0; k < parts; k++)
		builder_free(&b[k]);
	free(all.docs);
	if (!w)
		errno = error;
	return ok;
}

/* ---- opening ---- */

struct word_index {
	struct cachefile *cf;
	struct dict_entry *dict;
	uint64_t n_dict;
	char *words;           /* part 2 */
	size_t words_len;
	struct doc_rec *docs;
	uint64_t n_docs;
	char *docs_buf;
};

/* Stats every file, through a descriptor of its directory: most of the
 * cost of a path is walking it, and a corpus has few directories (found
 * again by a hash of their path). */
struct dirs {
	struct {
		char *path;
		size_t len;
		uint64_t hash;
		int fd;
	} v[64];
	size_t n;
};

static bool stat_in(struct dirs *ds, const char *path, struct stat *st)
{
	const char *slash = strrchr(path, '/');
	size_t dlen = slash ? (size_t)(slash - path) : 0, i;
	uint64_t h;

	if (!slash || !dlen)
		return stat(path, st) == 0;
	h = hash_add(HASH_INIT, path, dlen);
	for (i = 0; i < ds->n; i++)
		if (ds->v[i].hash == h && ds->v[i].len == dlen && !memcmp(ds->v[i].path, path, dlen))
			break;
	if (i == ds->n) {
		char *dir = xstrndup(path, dlen);
		int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (fd < 0 || ds->n == ARRAY_SIZE(ds->v)) {
			bool ok = stat(path, st) == 0;

			if (fd >= 0)
				close(fd);
			free(dir);
			return ok;
		}
		ds->v[ds->n].path = dir;
		ds->v[ds->n].len = dlen;
		ds->v[ds->n].hash = h;
		ds->v[ds->n++].fd = fd;
	}
	return fstatat(ds->v[i].fd, slash + 1, st, 0) == 0;
}

static void dirs_free(struct dirs *ds)
{
	for (size_t i = 0; i < ds->n; i++) {
		close(ds->v[i].fd);
		free(ds->v[i].path);
	}
}

/* Whether every document is the file the index was made from. */
static bool docs_current(const struct word_index *ix, const char *const *paths)
{
	struct dirs ds = { .n = 0 };
	bool ok = true;

	for (size_t i = 0; i < ix->n_docs && ok; i++) {
		const struct doc_rec *r = &ix->docs[i];
		struct cache_source src;
		struct stat st;

		if (!stat_in(&ds, paths[i], &st)) {
			ok = false;
			break;
		}
		cache_stamp_of(&st, &src.stamp);
		if (!cache_stamp_equal(&src.stamp, &r->stamp)) {
			ok = false;
		} else if (!r->settled) {
			/* Too young at building for the stamp to be trusted. */
			src.sum = r->sum;
			src.settled = 0;
			ok = cache_source_current(paths[i], &st, &src);
		}
	}
	dirs_free(&ds);
	return ok;
}

struct word_index *index_open(const char *cache, const char *const *paths, size_t n)
{
	struct word_index *ix = xcalloc(1, sizeof(*ix));
	size_t len;
	char *dict;
	uint64_t count;

	if (!(ix->cf = cachefile_open(cache, MAGIC, INDEX_VERSION, N_PARTS)) ||
	    !(ix->docs_buf = cachefile_read_part(ix->cf, PART_DOCS, SIZE_MAX, &len)))
		goto fail;
	memcpy(&count, ix->docs_buf, len >= 8 ? 8 : 0);
	if (len < 8 || count != n || (len - 8) / sizeof(struct doc_rec) != n || (len - 8) % sizeof(struct doc_rec))
		goto fail;
	ix->n_docs = n;
	ix->docs = xmalloc((n + 1) * sizeof(*ix->docs));
	memcpy(ix->docs, ix->docs_buf + 8, n * sizeof(*ix->docs));
	if (!docs_current(ix, paths))
		goto fail;
	dict = cachefile_read_part(ix->cf, PART_DICT, SIZE_MAX, &len);
	if (!dict || len < 8)
		goto fail_dict;
	memcpy(&ix->n_dict, dict, 8);
	if ((len - 8) % sizeof(struct dict_entry) || (len - 8) / sizeof(struct dict_entry) != ix->n_dict)
		goto fail_dict;
	ix->dict = xmalloc(len);
	memcpy(ix->dict, dict + 8, len - 8);
	free(dict);
	if (!(ix->words = cachefile_read_part(ix->cf, PART_WORDS, SIZE_MAX, &ix->words_len)))
		goto fail;
	/* Every entry within the parts it points into. */
	for (uint64_t i = 0; i < ix->n_dict; i++) {
		const struct dict_entry *e = &ix->dict[i];

		if ((uint64_t)e->key_off + e->key_len >= ix->words_len || ix->words[e->key_off + e->key_len] ||
		    e->off > cachefile_part_len(ix->cf, PART_POSTINGS) ||
		    e->len > cachefile_part_len(ix->cf, PART_POSTINGS) - e->off)
			goto fail;
	}
	return ix;
fail_dict:
	free(dict);
fail:
	index_free(ix);
	return NULL;
}

void index_free(struct word_index *ix)
{
	if (!ix)
		return;
	cachefile_close(ix->cf);
	free(ix->dict);
	free(ix->words);
	free(ix->docs);
	free(ix->docs_buf);
	free(ix);
}

/* ---- looking words up ---- */

static int cmp_key(const struct word_index *ix, uint64_t i, const char *key, size_t len)
{
	const struct dict_entry *e = &ix->dict[i];
	int r = memcmp(ix->words + e->key_off, key, e->key_len < len ? e->key_len : len);

	return r ? r : (e->key_len > len) - (e->key_len < len);
}

/* The first entry whose word is not below key. */
static uint64_t lower_bound(const struct word_index *ix, const char *key, size_t len)
{
	uint64_t lo = 0, hi = ix->n_dict;

	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2;

		if (cmp_key(ix, mid, key, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

size_t index_entries(const struct word_index *ix, const struct search_slot *s, uint32_t **out)
{
	uint32_t *v = NULL;
	size_t n = 0, cap = 0, k = 0;

	for (size_t i = 0; i < s->n_keys; i++) {
		const struct search_key *key = &s->keys[i];

		for (uint64_t e = lower_bound(ix, key->key, key->len); e < ix->n_dict; e++) {
			const struct dict_entry *de = &ix->dict[e];

			if (key->prefix ? de->key_len < key->len || memcmp(ix->words + de->key_off, key->key, key->len)
					: cmp_key(ix, e, key->key, key->len) != 0)
				break;
			GROW(v, cap, n + 1);
			v[n++] = (uint32_t)e;
		}
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_u32);
	for (size_t i = 0; i < n; i++)
		if (!k || v[k - 1] != v[i])
			v[k++] = v[i];
	*out = v;
	return k;
}

bool index_postings(struct word_index *ix, uint32_t e, const unsigned char **p, size_t *len)
{
	const struct dict_entry *de = &ix->dict[e];
	unsigned char *buf;

	*p = NULL;
	*len = 0;
	if (de->len > SIZE_MAX - 1)
		return false;
	buf = xmalloc((size_t)de->len + 1);
	if (!cachefile_read(ix->cf, PART_POSTINGS, de->off, buf, (size_t)de->len, &de->sum)) {
		free(buf);
		return false;
	}
	*p = buf;
	*len = (size_t)de->len;
	return true;
}

/* ---- cursors ---- */

/* Reads the header of the document entry at c->p, or marks the end. */
static void read_entry(struct index_cursor *c, uint32_t prev)
{
	uint64_t delta, bytes;
	const unsigned char *p = c->p;

	if (p >= c->end || !get_varint(&p, c->end, &delta) || !get_varint(&p, c->end, &bytes) ||
	    bytes > (size_t)(c->end - p) || delta >= UINT32_MAX - (prev == UINT32_MAX ? 0 : prev + 1)) {
		c->doc = UINT32_MAX;
		return;
	}
	c->doc = prev == UINT32_MAX ? (uint32_t)delta : prev + 1 + (uint32_t)delta;
	c->next = p + bytes;
	if (!get_varint(&p, c->next, &c->n)) {
		c->doc = UINT32_MAX;
		return;
	}
	c->wide = c->n & 1;
	c->n >>= 1;
	c->pos = p;
}

void index_cursor_init(struct index_cursor *c, const unsigned char *p, size_t len)
{
	c->p = p;
	c->end = p + len;
	read_entry(c, UINT32_MAX);
}

void index_cursor_seek(struct index_cursor *c, uint32_t doc)
{
	while (c->doc != UINT32_MAX && c->doc < doc) {
		c->p = c->next;
		read_entry(c, c->doc);
	}
}

/* The varint at *p, which has at least 10 bytes after it. */
static inline uint64_t varint_unchecked(const unsigned char **p)
{
	uint64_t v = *(*p)++;

	if (v < 0x80)
		return v;
	v &= 0x7F;
	for (int shift = 7; shift < 64; shift += 7) {
		unsigned char c = *(*p)++;

		v |= (uint64_t)(c & 0x7F) << shift;
		if (!(c & 0x80))
			break;
	}
	return v;
}

bool index_cursor_positions(const struct index_cursor *c, uint64_t **out, size_t *cap)
{
	const unsigned char *p = c->pos, *end = c->next;
	uint64_t pos = 0, *o;

	if (c->n > (size_t)(end - p) / (c->wide ? 1 : 4))
		return false;
	if (*cap < c->n + 1)
		GROW(*out, *cap, c->n + 1);
	o = *out;
	if (!c->wide) {
		for (uint64_t i = 0; i < c->n; i++) {
			uint32_t v;

			memcpy(&v, p + 4 * i, 4);
			o[i] = (uint64_t)(v >> 16) << 32 | (v & 0xFFFF);
		}
		return true;
	}
	for (uint64_t i = 0; i < c->n; i++) {
		uint64_t step, word;

		/* Far from the end, nothing can run over it: no checks. */
		if (end - p >= 20) {
			step = varint_unchecked(&p);
			if (!(step & 1)) {
				pos += step >> 1;
				o[i] = pos;
				continue;
			}
			word = varint_unchecked(&p);
		} else if (!get_varint(&p, end, &step) || ((step & 1) && !get_varint(&p, end, &word))) {
			return false;
		} else if (!(step & 1)) {
			pos += step >> 1;
			o[i] = pos;
			continue;
		}
		if (word > 0xFFFFFFFFu || (pos >> 32) + (step >> 1) > 0xFFFFFFFFu)
			return false;
		pos = ((pos >> 32) + (step >> 1)) << 32 | word;
		o[i] = pos;
	}
	/* The checksum vouched for the bytes; a block number past the
	 * document's is ignored where blocks are used. */
	return true;
}

/* ---- block tables ---- */

bool index_doc_read(struct word_index *ix, uint32_t doc, struct index_doc *out)
{
	const struct doc_rec *r;
	struct cache_in in;
	char *buf;

	memset(out, 0, sizeof(*out));
	if (doc >= ix->n_docs)
		return false;
	r = &ix->docs[doc];
	buf = xmalloc((size_t)r->table_len + 1);
	if (!cachefile_read(ix->cf, PART_TABLES, r->table_off, buf, r->table_len, &r->table_sum)) {
		free(buf);
		return false;
	}
	cache_in_init(&in, buf, r->table_len);
	out->n_sections = cache_get_u32(&in);
	if (out->n_sections > r->table_len)
		in.ok = false;
	out->ids = xcalloc(out->n_sections + 1, sizeof(*out->ids));
	out->titles = xcalloc(out->n_sections + 1, sizeof(*out->titles));
	for (uint32_t s = 0; s < out->n_sections && in.ok; s++) {
		size_t n;

		out->ids[s] = cache_get_str(&in, &n);
		out->titles[s] = cache_get_str(&in, &n);
		in.ok = in.ok && out->ids[s] && out->titles[s];
	}
	out->n_blocks = cache_get_u32(&in);
	if (out->n_blocks > r->table_len)
		in.ok = false;
	out->section = xcalloc(out->n_blocks + 1, sizeof(*out->section));
	out->index = xcalloc(out->n_blocks + 1, sizeof(*out->index));
	for (uint32_t k = 0; k < out->n_blocks && in.ok; k++) {
		out->section[k] = cache_get_u32(&in);
		out->index[k] = cache_get_u32(&in);
		in.ok = in.ok && out->section[k] < out->n_sections;
	}
	/* The strings point into buf: it goes with the table. */
	out->buf = buf;
	if (!in.ok || in.p != in.end) {
		index_doc_done(out);
		return false;
	}
	return true;
}

void index_doc_done(struct index_doc *d)
{
	free(d->ids);
	free(d->titles);
	free(d->section);
	free(d->index);
	free(d->buf);
	memset(d, 0, sizeof(*d));
}
