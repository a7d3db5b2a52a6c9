/* search.c — the folded-text cache and searching it. */
#include "config.h"

#include "search/search.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/fold.h"
#include "content/layout.h"
#include "base/paths.h"
#include "base/textsafe.h"
#include "text/textwrap.h"
#include "base/util.h"

#define MAGIC "TIPRIDX1"
#define CACHE_VERSION 3u

struct ix_block {
	uint32_t section, block;
	uint64_t off, len;       /* in the blob */
};

struct ix_doc {
	char *path, *coll, *slug;
	int32_t year;
	uint64_t size, mtime;
	uint64_t first_block, n_blocks;
	struct corpus_doc *doc;  /* the corpus entry it stands for */
};

struct search_index {
	struct corpus *corpus;
	struct ix_doc *docs;
	size_t n_docs, cap_docs;
	struct ix_block *blocks;
	size_t n_blocks, cap_blocks;
	char *blob;              /* folded text, blocks separated by '\n' */
	size_t blob_len;
	void *map;               /* the mapped cache file, or NULL when built here */
	size_t map_len;
	bool lean;               /* give mapped pages back once read (one pass) */
	struct strbuf built;     /* the blob when built here */
};

/* --- the corpus as a list of files ---------------------------------------- */

static bool file_stamp(const char *path, uint64_t *size, uint64_t *mtime)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return false;
	*size = (uint64_t)st.st_size;
	*mtime = (uint64_t)st.st_mtim.tv_sec * 1000000000u + (uint64_t)st.st_mtim.tv_nsec;
	return true;
}

/* Calls fn for every document of the corpus, in corpus order. */
static size_t each_doc(struct corpus *c, void (*fn)(struct corpus_doc *e, void *arg), void *arg)
{
	size_t n = 0;

	for (size_t k = 0; k < corpus_n_collections(c); k++) {
		struct collection *coll = corpus_collection(c, k);

		for (size_t i = 0; i < coll->n_docs; i++, n++)
			if (fn)
				fn(&coll->docs[i], arg);
	}
	return n;
}

/* --- building ------------------------------------------------------------- */

struct builder {
	struct search_index *ix;
	search_progress_fn progress;
	void *arg;
	size_t done, total;
	struct diags *d;
	/* Writing the cache as it is built: the folded text gathers in
	 * ix->built and goes to out a megabyte at a time, so that building
	 * never holds the whole corpus in memory. */
	FILE *out;
	struct sum *sum;
	uint64_t flushed;        /* bytes of folded text already written */
	bool write_failed;
};

static void flush_built(struct builder *b, bool all);

static void add_block(struct builder *b, size_t s, size_t k, const char *text)
{
	struct search_index *ix = b->ix;
	struct folded f;

	fold_text(text, strlen(text), false, &f);
	GROW(ix->blocks, ix->cap_blocks, ix->n_blocks + 1);
	ix->blocks[ix->n_blocks++] =
		(struct ix_block){ (uint32_t)s, (uint32_t)k, b->flushed + ix->built.len, f.len };
	sb_add(&ix->built, f.s, f.len);
	sb_addc(&ix->built, '\n');
	folded_free(&f);
}

static void index_doc(struct corpus_doc *e, void *arg)
{
	struct builder *b = arg;
	struct search_index *ix = b->ix;
	struct ix_doc *x;
	bool was_loaded = e->doc != NULL;
	const struct document *doc;

	GROW(ix->docs, ix->cap_docs, ix->n_docs + 1);
	x = &ix->docs[ix->n_docs++];
	memset(x, 0, sizeof(*x));
	x->path = xstrdup(e->path);
	x->coll = xstrdup(e->coll->name);
	x->slug = xstrdup(e->slug);
	x->year = e->year;
	x->doc = e;
	x->first_block = ix->n_blocks;
	file_stamp(e->path, &x->size, &x->mtime);
	if ((doc = corpus_doc_load(e, b->d))) {
		for (size_t s = 0; s < doc->n_sections; s++) {
			const struct section *sec = &doc->sections[s];

			for (size_t k = 0; k < sec->n_paras + sec->n_items; k++)
				add_block(b, s, k, layout_block_text(doc, (int)s, k));
		}
		/* Only what the index loaded is dropped: a reader may hold the rest. */
		if (!was_loaded)
			corpus_doc_unload(e);
	}
	x->n_blocks = ix->n_blocks - x->first_block;
	if (b->out && ix->built.len >= (1u << 20))
		flush_built(b, false);
	b->done++;
	if (b->progress && (b->done % 50 == 0 || b->done == b->total))
		b->progress(b->done, b->total, b->arg);
}

/* --- the cache file ------------------------------------------------------- */

/* A checksum of the whole cache, checked at every load: four independent
 * lanes, so that it runs at memory speed rather than at one multiply's
 * latency per word (a 200 MB cache: 10 ms, not 40).  It is taken in steps
 * of whole 32-byte rounds, so that a pass can give memory back as it goes. */
struct sum {
	uint64_t lane[4];
	size_t n;
};

static void sum_init(struct sum *s)
{
	*s = (struct sum){ { 0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL,
			     0x27D4EB2F165667C5ULL }, 0 };
}

/* Adds n bytes: a multiple of 32, except in the last call. */
static void sum_add(struct sum *s, const unsigned char *p, size_t n)
{
	size_t i = 0;

	for (; i + 32 <= n; i += 32)
		for (int k = 0; k < 4; k++) {
			uint64_t w;

			memcpy(&w, p + i + 8 * (size_t)k, 8);
			s->lane[k] = (s->lane[k] ^ w) * 0x100000001B3ULL;
			s->lane[k] ^= s->lane[k] >> 29;
		}
	for (; i < n; i++)
		s->lane[0] = (s->lane[0] ^ p[i]) * 0x100000001B3ULL;
	s->n += n;
}

static uint64_t sum_final(const struct sum *s)
{
	return s->lane[0] ^ (s->lane[1] * 3) ^ (s->lane[2] * 5) ^ (s->lane[3] * 7) ^ s->n;
}

static uint64_t checksum(const unsigned char *p, size_t n)
{
	struct sum s;

	sum_init(&s);
	sum_add(&s, p, n);
	return sum_final(&s);
}

/* Gives back the pages of the mapped cache wholly inside [from, to): a lean
 * pass reads each once, and a file-backed page dropped is read again from
 * the page cache if needed. */
static void release(const struct search_index *ix, const void *from, const void *to)
{
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), a = (uintptr_t)from, b = (uintptr_t)to;

	if (!ix->lean || !ix->map)
		return;
	a = (a + page - 1) / page * page;
	b = b / page * page;
	if (b > a)
		madvise((void *)a, b - a, MADV_DONTNEED);
}

/* The checksum of a part of the mapped cache, given back as it is read. */
static uint64_t checksum_mapped(const struct search_index *ix, const unsigned char *p, size_t n)
{
	const size_t step = 8u << 20; /* a multiple of 32 */
	struct sum s;

	sum_init(&s);
	for (size_t i = 0; i < n; i += step) {
		size_t k = n - i < step ? n - i : step;

		sum_add(&s, p + i, k);
		release(ix, p + i, p + i + k);
	}
	return sum_final(&s);
}

static void put(struct strbuf *sb, const void *p, size_t n)
{
	sb_add(sb, p, n);
}

static void put_str(struct strbuf *sb, const char *s)
{
	uint32_t n = (uint32_t)strlen(s);

	put(sb, &n, sizeof(n));
	put(sb, s, n);
}

/* Writes out what was built (all of it, or whole checksum rounds). */
static void flush_built(struct builder *b, bool all)
{
	struct strbuf *sb = &b->ix->built;
	size_t n = all ? sb->len : sb->len / 32 * 32;

	sum_add(b->sum, (const unsigned char *)sb->buf, n);
	if (n && fwrite(sb->buf, 1, n, b->out) != n)
		b->write_failed = true;
	b->flushed += n;
	memmove(sb->buf, sb->buf + n, sb->len - n);
	sb->len -= n;
	if (sb->buf)
		sb->buf[sb->len] = '\0';
}

/* The cache file: magic, head, checksums, the folded text, then the
 * documents and blocks (known only once the text is written).  The head
 * is written last, over zeros: a file cut short never passes as whole. */
static bool build_cache(FILE *f, void *arg)
{
	struct builder *b = arg;
	struct search_index *ix = b->ix;
	struct strbuf meta = {0};
	struct sum sum;
	uint64_t head[5] = {0}, sums[2] = {0};
	bool ok;

	sum_init(&sum);
	b->out = f;
	b->sum = &sum;
	if (fwrite(MAGIC, 1, 8, f) != 8 || fwrite(head, sizeof(head), 1, f) != 1 ||
	    fwrite(sums, sizeof(sums), 1, f) != 1)
		return false;
	each_doc(ix->corpus, index_doc, b);
	flush_built(b, true);
	for (size_t i = 0; i < ix->n_docs; i++) {
		const struct ix_doc *x = &ix->docs[i];

		put(&meta, &x->size, 8);
		put(&meta, &x->mtime, 8);
		put(&meta, &x->year, 4);
		put(&meta, &x->first_block, 8);
		put(&meta, &x->n_blocks, 8);
		put_str(&meta, x->path);
		put_str(&meta, x->coll);
		put_str(&meta, x->slug);
	}
	for (size_t i = 0; i < ix->n_blocks; i++)
		put(&meta, &ix->blocks[i], sizeof(ix->blocks[i]));
	head[0] = CACHE_VERSION;
	head[1] = ix->n_docs;
	head[2] = ix->n_blocks;
	head[3] = meta.len;
	head[4] = b->flushed;
	sums[0] = checksum((const unsigned char *)meta.buf, meta.len);
	sums[1] = sum_final(&sum);
	ok = !b->write_failed && fwrite(meta.buf, 1, meta.len, f) == meta.len && fseek(f, 8, SEEK_SET) == 0 &&
	     fwrite(head, sizeof(head), 1, f) == 1 && fwrite(sums, sizeof(sums), 1, f) == 1;
	sb_free(&meta);
	b->out = NULL;
	b->sum = NULL;
	return ok;
}

struct reader {
	const unsigned char *p, *end;
	bool ok;
};

static void get(struct reader *r, void *out, size_t n)
{
	if (!r->ok || (size_t)(r->end - r->p) < n) {
		r->ok = false;
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->p, n);
	r->p += n;
}

static char *get_str(struct reader *r)
{
	uint32_t n = 0;

	get(r, &n, sizeof(n));
	if (!r->ok || (size_t)(r->end - r->p) < n || n > 4096) {
		r->ok = false;
		return xstrdup("");
	}
	r->p += n;
	return xstrndup((const char *)r->p - n, n);
}

/* Reads the cache; false when it is missing, corrupt, or not this version. */
static bool load(struct search_index *ix, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	struct reader r;
	uint64_t head[5], sums[2];
	char magic[8];

	if (fd < 0)
		return false;
	if (fstat(fd, &st) != 0 || st.st_size < 64) {
		close(fd);
		return false;
	}
	ix->map_len = (size_t)st.st_size;
	ix->map = mmap(NULL, ix->map_len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (ix->map == MAP_FAILED) {
		ix->map = NULL;
		return false;
	}
	r = (struct reader){ ix->map, (const unsigned char *)ix->map + ix->map_len, true };
	get(&r, magic, 8);
	get(&r, head, sizeof(head));
	get(&r, sums, sizeof(sums));
	if (!r.ok || memcmp(magic, MAGIC, 8) || head[0] != CACHE_VERSION || head[4] > (size_t)(r.end - r.p) ||
	    head[3] != (size_t)(r.end - r.p) - head[4] || head[1] > 10000000 || head[2] > head[3] ||
	    checksum(r.p + head[4], head[3]) != sums[0] || checksum_mapped(ix, r.p, head[4]) != sums[1])
		return false;
	ix->blob = (char *)r.p;
	ix->blob_len = head[4];
	r.p += head[4];
	for (uint64_t i = 0; i < head[1] && r.ok; i++) {
		struct ix_doc *x;

		GROW(ix->docs, ix->cap_docs, ix->n_docs + 1);
		x = &ix->docs[ix->n_docs++];
		memset(x, 0, sizeof(*x));
		get(&r, &x->size, 8);
		get(&r, &x->mtime, 8);
		get(&r, &x->year, 4);
		get(&r, &x->first_block, 8);
		get(&r, &x->n_blocks, 8);
		x->path = get_str(&r);
		x->coll = get_str(&r);
		x->slug = get_str(&r);
	}
	ix->n_blocks = head[2];
	ix->blocks = xcalloc(ix->n_blocks + 1, sizeof(*ix->blocks));
	for (size_t i = 0; i < ix->n_blocks && r.ok; i++)
		get(&r, &ix->blocks[i], sizeof(ix->blocks[i]));
	/* Every range must lie inside what was read. */
	for (size_t i = 0; i < ix->n_docs && r.ok; i++)
		r.ok = ix->docs[i].first_block <= ix->n_blocks &&
		       ix->docs[i].n_blocks <= ix->n_blocks - ix->docs[i].first_block;
	for (size_t i = 0; i < ix->n_blocks && r.ok; i++)
		r.ok = ix->blocks[i].off <= ix->blob_len && ix->blocks[i].len <= ix->blob_len - ix->blocks[i].off;
	return r.ok;
}

/* Whether the cache describes exactly the files of the corpus now. */
struct checker {
	struct search_index *ix;
	size_t i;
	bool same;
};

static void check_doc(struct corpus_doc *e, void *arg)
{
	struct checker *ck = arg;
	struct ix_doc *x = ck->i < ck->ix->n_docs ? &ck->ix->docs[ck->i] : NULL;
	uint64_t size, mtime;

	ck->i++;
	if (!ck->same)
		return;
	if (!x || strcmp(x->path, e->path) || strcmp(x->slug, e->slug) || strcmp(x->coll, e->coll->name) ||
	    x->year != e->year || !file_stamp(e->path, &size, &mtime) || size != x->size || mtime != x->mtime) {
		ck->same = false;
		return;
	}
	x->doc = e;
}

static void index_clear(struct search_index *ix)
{
	for (size_t i = 0; i < ix->n_docs; i++) {
		free(ix->docs[i].path);
		free(ix->docs[i].coll);
		free(ix->docs[i].slug);
	}
	free(ix->docs);
	free(ix->blocks);
	if (ix->map)
		munmap(ix->map, ix->map_len);
	sb_free(&ix->built);
	ix->docs = NULL;
	ix->blocks = NULL;
	ix->map = NULL;
	ix->n_docs = ix->cap_docs = ix->n_blocks = ix->cap_blocks = 0;
	ix->blob = NULL;
	ix->blob_len = 0;
}

/* Whether the loaded cache describes exactly the files of c now; ties each
 * of its documents to the corpus entry. */
static bool cache_current(struct search_index *ix, struct corpus *c)
{
	struct checker ck = { ix, 0, true };

	each_doc(c, check_doc, &ck);
	return ck.same && ck.i == ix->n_docs;
}

struct search_index *search_index_open(struct corpus *c, const char *cache_path, bool lean,
				       search_progress_fn progress, void *arg, bool *rebuilt,
				       struct diags *d)
{
	struct search_index *ix = xcalloc(1, sizeof(*ix));
	struct builder b = { ix, progress, arg, 0, 0, d, NULL, NULL, 0, false };

	ix->corpus = c;
	ix->lean = lean;
	*rebuilt = false;
	if (cache_path && load(ix, cache_path) && cache_current(ix, c))
		return ix;
	index_clear(ix);
	*rebuilt = true;
	b.total = each_doc(c, NULL, NULL);
	if (cache_path) {
		/* Built straight into the cache file, then read from it like
		 * any cache (lean, when asked). */
		if (paths_write_atomic(cache_path, 0, build_cache, &b)) {
			index_clear(ix);
			if (load(ix, cache_path) && cache_current(ix, c))
				return ix;
		} else {
			diags_add(d, DIAG_WARNING, cache_path, 0, 0, "cannot save the search cache: %s",
				  strerror(errno ? errno : EIO));
		}
		index_clear(ix);
		b.done = b.flushed = 0;
		b.write_failed = false;
	}
	/* No cache, or it could not be written or read back: in memory. */
	each_doc(c, index_doc, &b);
	ix->blob = ix->built.buf ? ix->built.buf : "";
	ix->blob_len = ix->built.len;
	return ix;
}

void search_index_free(struct search_index *ix)
{
	if (!ix)
		return;
	index_clear(ix);
	free(ix);
}

size_t search_index_docs(const struct search_index *ix)
{
	return ix->n_docs;
}

struct corpus_doc *search_index_doc(const struct search_index *ix, size_t i)
{
	return ix->docs[i].doc;
}

size_t search_index_bytes(const struct search_index *ix)
{
	return ix->blob_len;
}

char *search_cache_path(const struct corpus *c)
{
	size_t n = corpus_n_collections(c);
	const char **dirs = xcalloc(n + 1, sizeof(*dirs));
	char *path;

	for (size_t i = 0; i < n; i++)
		dirs[i] = corpus_collection(c, i)->dir;
	path = paths_cache_file(NULL, "search", dirs, n, "bin");
	free(dirs);
	return path;
}

/* --- queries -------------------------------------------------------------- */

static void add_term(struct search_query *q, const char *s, size_t n)
{
	char *raw = xstrndup(s, n), *f = fold_dup(raw);

	free(raw);
	if (!*f || !strcmp(f, " ")) {
		free(f);
		return;
	}
	q->terms = xreallocarray(q->terms, q->n_terms + 1, sizeof(*q->terms));
	q->terms[q->n_terms++] = f;
}

bool search_query_parse(const char *text, struct search_query *q, const char **err)
{
	const char *p = text;

	memset(q, 0, sizeof(*q));
	while (*p) {
		size_t n;

		if (isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		if (*p == '"') {
			const char *end = strchr(p + 1, '"');

			n = end ? (size_t)(end - p - 1) : strlen(p + 1);
			add_term(q, p + 1, n);
			p += n + 1 + (end != NULL);
			continue;
		}
		for (n = 0; p[n] && !isspace((unsigned char)p[n]) && p[n] != '"'; n++)
			;
		add_term(q, p, n);
		p += n;
	}
	if (!q->n_terms) {
		*err = "nothing to search for";
		return false;
	}
	return true;
}

void search_query_free(struct search_query *q)
{
	for (size_t i = 0; i < q->n_terms; i++)
		free(q->terms[i]);
	free(q->terms);
	memset(q, 0, sizeof(*q));
}

/* --- searching ------------------------------------------------------------ */

struct pos {
	size_t block;   /* index into ix->blocks */
	size_t off;     /* in the block's folded text */
	size_t len;
};

static bool word_start(const char *s, size_t at)
{
	return at == 0 || !(isalnum((unsigned char)s[at - 1]) || ((unsigned char)s[at - 1] & 0x80));
}

/* Occurrences of term in block bi, appended to *v (when v). Returns how many. */
static size_t find_in_block(const struct search_index *ix, size_t bi, const char *term, struct pos **v,
			    size_t *n, size_t *cap)
{
	const struct ix_block *b = &ix->blocks[bi];
	const char *text = ix->blob + b->off;
	size_t tl = strlen(term), found = 0;

	for (const char *p = text; (size_t)(p - text) + tl <= b->len;) {
		const char *hit = memmem(p, b->len - (size_t)(p - text), term, tl);

		if (!hit)
			break;
		if (word_start(text, (size_t)(hit - text))) {
			found++;
			if (v) {
				GROW(*v, *cap, *n + 1);
				(*v)[(*n)++] = (struct pos){ bi, (size_t)(hit - text), tl };
			}
		}
		p = hit + 1;
	}
	return found;
}

static bool in_scope(const struct ix_doc *x, const struct search_scope *sc)
{
	return (!sc->country || !strcmp(x->slug, sc->country)) && (!sc->year || x->year == sc->year);
}

static bool section_in_scope(const struct ix_doc *x, uint32_t section, const struct search_scope *sc,
			     struct diags *d)
{
	const struct document *doc;

	if (!sc->section)
		return true;
	/* The section id needs the document; scoped searches load only candidates. */
	doc = x->doc ? corpus_doc_load(x->doc, d) : NULL;
	return doc && section < doc->n_sections && !strcmp(doc->sections[section].id, sc->section);
}

/* A one-line snippet of width columns around [start, end) of text. */
static void snippet(struct search_hit *h, const char *text, size_t width)
{
	size_t len = strlen(text), a = h->start, b = h->end, room;
	struct strbuf sb = {0};

	room = width > text_width(text + a, b - a) + 4 ? (width - text_width(text + a, b - a)) / 2 : 2;
	while (a > 0 && text_width(text + a - 1, h->start - a + 1) <= room)
		a--;
	while (a > 0 && a < h->start && (text[a] & 0xC0) == 0x80)
		a++;
	while (a > 0 && a < h->start && !isspace((unsigned char)text[a - 1]))
		a++;
	while (b < len && text_width(text + h->end, b - h->end + 1) <= room)
		b++;
	while (b < len && (text[b] & 0xC0) == 0x80)
		b--;
	while (b < len && b > h->end && !isspace((unsigned char)text[b]))
		b--;
	if (a > 0)
		sb_adds(&sb, "\xe2\x80\xa6"); /* … */
	textsafe_append(&sb, text + a, h->start - a);
	h->snip_start = sb.len;
	textsafe_append(&sb, text + h->start, h->end - h->start);
	h->snip_end = sb.len;
	textsafe_append(&sb, text + h->end, b - h->end);
	if (b < len)
		sb_adds(&sb, "\xe2\x80\xa6");
	sb_addc(&sb, '\0');
	h->snippet = sb_detach(&sb);
}

static int cmp_pos(const void *a, const void *b)
{
	const struct pos *x = a, *y = b;

	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* Turns positions in the folded cache into hits in the original text. */
static void add_hits(struct search_index *ix, struct ix_doc *x, struct pos *v, size_t n, size_t max,
		     size_t width, struct search_results *out, struct diags *d)
{
	const struct document *doc = x->doc ? corpus_doc_load(x->doc, d) : NULL;
	struct folded f = {0};
	size_t cur = SIZE_MAX;

	if (!doc)
		return;
	for (size_t i = 0; i < n && out->n_hits < max; i++) {
		const struct ix_block *b = &ix->blocks[v[i].block];
		const char *text;
		struct search_hit *h;

		if (b->section >= doc->n_sections ||
		    b->block >= doc->sections[b->section].n_paras + doc->sections[b->section].n_items)
			continue;
		text = layout_block_text(doc, (int)b->section, b->block);
		if (cur != v[i].block) {
			folded_free(&f);
			fold_text(text, strlen(text), true, &f);
			cur = v[i].block;
		}
		if (v[i].off + v[i].len > f.len)
			continue;
		GROW(out->hits, out->cap_hits, out->n_hits + 1);
		h = &out->hits[out->n_hits++];
		memset(h, 0, sizeof(*h));
		h->doc = x->doc;
		h->section = (int)b->section;
		h->block = b->block;
		h->start = f.map[v[i].off];
		h->end = f.map[v[i].off + v[i].len];
		snippet(h, text, width);
	}
	folded_free(&f);
}

/* Word-start occurrences of term in blob[start, end). */
static size_t count_in_range(const char *blob, size_t start, size_t end, const char *term)
{
	size_t tl = strlen(term), n = 0;

	for (size_t p = start; p + tl <= end;) {
		const char *hit = memmem(blob + p, end - p, term, tl);

		if (!hit)
			break;
		p = (size_t)(hit - blob);
		n += word_start(blob, p);
		p++;
	}
	return n;
}

void search_run(struct search_index *ix, const struct search_query *q, const struct search_scope *scope,
		size_t max_hits, size_t snippet_width, struct search_results *out, struct diags *d)
{
	struct pos *v = NULL;
	size_t n = 0, cap = 0;

	size_t done = 0;

	memset(out, 0, sizeof(*out));
	out->matched = xcalloc(ix->n_docs + 1, 1);
	for (size_t i = 0; i < ix->n_docs; i++) {
		struct ix_doc *x = &ix->docs[i];
		size_t start, end, count = 0;
		bool all = true;

		if (scope->first_only && out->n_hits >= max_hits) {
			out->incomplete = true;
			break;
		}
		if ((scope->within && !scope->within[i]) || !in_scope(x, scope) || !x->n_blocks)
			continue;
		/* The document's folded text is one range of the blob; what lies
		 * before it is done with (given back a few megabytes at a time). */
		start = ix->blocks[x->first_block].off;
		end = ix->blocks[x->first_block + x->n_blocks - 1].off + ix->blocks[x->first_block + x->n_blocks - 1].len;
		if (start > done + (8u << 20)) {
			release(ix, ix->blob + done, ix->blob + start);
			done = start;
		}
		for (size_t t = 0; t < q->n_terms && all; t++) {
			size_t c = count_in_range(ix->blob, start, end, q->terms[t]);

			all = c > 0;
			count += c;
		}
		if (!all)
			continue;
		/* Counting is enough once the hits shown are full, unless a
		 * section scope needs each block's section. */
		if (out->n_hits >= max_hits && !scope->section) {
			out->matched[i] = 1;
			out->n_docs++;
			out->total += count;
			continue;
		}
		n = 0;
		for (size_t k = 0; k < x->n_blocks; k++) {
			size_t bi = x->first_block + k;

			if (!section_in_scope(x, ix->blocks[bi].section, scope, d))
				continue;
			for (size_t t = 0; t < q->n_terms; t++)
				find_in_block(ix, bi, q->terms[t], &v, &n, &cap);
		}
		if (!n)
			continue;
		if (scope->section) {
			/* Every term within the scoped sections. */
			for (size_t t = 0; t < q->n_terms && all; t++) {
				bool seen = false;

				for (size_t k = 0; k < n && !seen; k++)
					seen = !strncmp(ix->blob + ix->blocks[v[k].block].off + v[k].off, q->terms[t],
							strlen(q->terms[t]));
				all = seen;
			}
			if (!all)
				continue;
		}
		out->matched[i] = 1;
		out->n_docs++;
		out->total += n;
		if (out->n_hits >= max_hits)
			continue;
		qsort(v, n, sizeof(*v), cmp_pos);
		add_hits(ix, x, v, n, max_hits, snippet_width, out, d);
	}
	free(v);
}

void search_results_free(struct search_results *r)
{
	for (size_t i = 0; i < r->n_hits; i++)
		free(r->hits[i].snippet);
	free(r->hits);
	free(r->matched);
	memset(r, 0, sizeof(*r));
}

/* --- searching as you type ------------------------------------------------ */

struct search_typing_step {
	char *text;
	struct search_results res;
};

static void drop_step(struct search_typing *t)
{
	struct search_typing_step *top = &t->steps[--t->n];

	free(top->text);
	search_results_free(&top->res);
}

bool search_typing_update(struct search_typing *t, struct search_index *ix, const char *text,
			  const struct search_scope *scope, size_t max_hits, size_t snippet_width,
			  struct search_results *cur, const char **err, struct diags *d)
{
	struct search_scope sc = *scope;
	struct search_query q;
	const struct search_results *base;

	/* The current results become a step on the way. */
	if (t->text) {
		GROW(t->steps, t->cap, t->n + 1);
		t->steps[t->n++] = (struct search_typing_step){ t->text, *cur };
		t->text = NULL;
	} else {
		search_results_free(cur);
	}
	memset(cur, 0, sizeof(*cur));
	/* Steps not on the way to text are done with; a step for text itself
	 * is the answer. */
	while (t->n) {
		struct search_typing_step *top = &t->steps[t->n - 1];

		if (!strcmp(top->text, text)) {
			*cur = top->res;
			t->text = top->text;
			t->n--;
			return true;
		}
		if (!strncmp(text, top->text, strlen(top->text)))
			break;
		drop_step(t);
	}
	if (!search_query_parse(text, &q, err))
		return false;
	base = t->n ? &t->steps[t->n - 1].res : NULL;
	sc.within = base && base->matched && !base->incomplete ? base->matched : NULL;
	search_run(ix, &q, &sc, max_hits, snippet_width, cur, d);
	search_query_free(&q);
	t->text = xstrdup(text);
	return true;
}

void search_typing_reset(struct search_typing *t)
{
	while (t->n)
		drop_step(t);
	free(t->steps);
	free(t->text);
	memset(t, 0, sizeof(*t));
}
