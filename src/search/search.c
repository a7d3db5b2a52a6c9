/* search.c — searches through the word index or by reading the corpus,
 * in steps; snippets; the index built on a thread; search as you type. */
#include "config.h"

#include "search/search.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/paths.h"
#include "base/textsafe.h"
#include "base/util.h"
#include "base/yamltree.h"
#include "content/docscan.h"
#include "search/index.h"
#include "search/words.h"
#include "text/fold.h"
#include "text/textwrap.h"

struct search_index {
	struct corpus *corpus;
	struct corpus_doc **docs;  /* corpus order */
	const char **paths;        /* in paths_arena */
	struct arena *paths_arena;
	size_t n_docs;
	struct word_index *wx;     /* NULL: read the corpus */
	bool damaged;
};

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

struct search_index *search_index_new(struct corpus *c)
{
	struct search_index *ix = xcalloc(1, sizeof(*ix));
	size_t n = 0, k = 0;

	ix->corpus = c;
	for (size_t i = 0; i < corpus_n_collections(c); i++)
		n += corpus_collection(c, i)->n_docs;
	ix->docs = xcalloc(n + 1, sizeof(*ix->docs));
	ix->paths = xcalloc(n + 1, sizeof(*ix->paths));
	ix->paths_arena = arena_new();
	for (size_t i = 0; i < corpus_n_collections(c); i++) {
		struct collection *coll = corpus_collection(c, i);

		for (size_t j = 0; j < coll->n_docs; j++, k++) {
			ix->docs[k] = &coll->docs[j];
			ix->paths[k] = corpus_doc_path_in(&coll->docs[j], ix->paths_arena);
		}
	}
	ix->n_docs = n;
	return ix;
}

bool search_index_load(struct search_index *ix, const char *cache_path)
{
	struct word_index *wx = index_open(cache_path, ix->paths, ix->n_docs);

	if (!wx)
		return false;
	index_free(ix->wx);
	ix->wx = wx;
	ix->damaged = false;
	return true;
}

bool search_index_indexed(const struct search_index *ix)
{
	return ix->wx != NULL;
}

size_t search_index_docs(const struct search_index *ix)
{
	return ix->n_docs;
}

struct corpus_doc *search_index_doc(const struct search_index *ix, size_t i)
{
	return i < ix->n_docs ? ix->docs[i] : NULL;
}

bool search_index_damaged(const struct search_index *ix)
{
	return ix->damaged;
}

void search_index_free(struct search_index *ix)
{
	if (!ix)
		return;
	index_free(ix->wx);
	free(ix->docs);
	free(ix->paths);
	arena_free(ix->paths_arena);
	free(ix);
}

/* A part of the index turned out damaged: searches read the corpus. */
static void index_lost(struct search_index *ix)
{
	ix->damaged = true;
	index_free(ix->wx);
	ix->wx = NULL;
}

/* ---- building ---- */

/* What threads share of ICU and the spelling table is made once, before
 * any thread reads it. */
static void prepare_threads(void)
{
	const char *const *v;
	size_t n;

	free(fold_dup("\xc3\xa9"));
	words_variants("labour", &v, &n);
}

struct sync_progress {
	search_progress_fn fn;
	void *arg;
	size_t total;
};

static void sync_progress(size_t done, void *arg)
{
	struct sync_progress *p = arg;

	if (p->fn && (done % 50 == 0 || done == p->total))
		p->fn(done, p->total, p->arg);
}

struct search_index *search_index_open(struct corpus *c, const char *cache_path, search_progress_fn progress,
				       void *arg, bool *rebuilt, struct diags *d)
{
	struct search_index *ix = search_index_new(c);
	struct sync_progress p = { progress, arg, ix->n_docs };

	*rebuilt = false;
	if (!cache_path || search_index_load(ix, cache_path))
		return ix;
	*rebuilt = true;
	if (!index_build(cache_path, ix->paths, ix->n_docs, sync_progress, &p, NULL, d) ||
	    !search_index_load(ix, cache_path))
		diags_add(d, DIAG_WARNING, cache_path, 0, 0, "cannot save the search cache: %s",
			  strerror(errno ? errno : EIO));
	return ix;
}

struct search_build {
	struct search_index *ix;
	char *cache;
	char **paths;
	size_t n;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t moved;      /* progress made, or the end */
	size_t done;               /* under lock */
	bool over, ok;             /* under lock */
	int error;
	atomic_bool stop;
	struct diags d;            /* the thread's own: documents' problems, not repeated */
};

static void build_progress(size_t done, void *arg)
{
	struct search_build *b = arg;

	pthread_mutex_lock(&b->lock);
	b->done = done;
	pthread_cond_broadcast(&b->moved);
	pthread_mutex_unlock(&b->lock);
}

static void *build_thread(void *arg)
{
	struct search_build *b = arg;
	bool ok = index_build(b->cache, (const char *const *)b->paths, b->n, build_progress, b, &b->stop, &b->d);
	int error = errno;

	pthread_mutex_lock(&b->lock);
	b->ok = ok;
	b->error = error;
	b->over = true;
	pthread_cond_broadcast(&b->moved);
	pthread_mutex_unlock(&b->lock);
	return NULL;
}

struct search_build *search_build_start(struct search_index *ix, const char *cache_path)
{
	struct search_build *b = xcalloc(1, sizeof(*b));

	b->ix = ix;
	b->cache = xstrdup(cache_path);
	b->n = ix->n_docs;
	b->paths = xcalloc(b->n + 1, sizeof(*b->paths));
	for (size_t i = 0; i < b->n; i++)
		b->paths[i] = xstrdup(ix->paths[i]);
	atomic_init(&b->stop, false);
	pthread_mutex_init(&b->lock, NULL);
	pthread_cond_init(&b->moved, NULL);
	prepare_threads();
	if (pthread_create(&b->thread, NULL, build_thread, b) != 0) {
		/* No thread: built here, now. */
		build_thread(b);
		b->thread = pthread_self();
	}
	return b;
}

void search_build_progress(const struct search_build *b, size_t *done, size_t *total)
{
	pthread_mutex_lock((pthread_mutex_t *)&b->lock);
	*done = b->done;
	pthread_mutex_unlock((pthread_mutex_t *)&b->lock);
	*total = b->n;
}

bool search_build_wait(struct search_build *b, unsigned ms)
{
	struct timespec until;
	bool over;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&b->lock);
	if (!b->over && ms)
		pthread_cond_timedwait(&b->moved, &b->lock, &until);
	over = b->over;
	pthread_mutex_unlock(&b->lock);
	return over;
}

static void build_free(struct search_build *b)
{
	if (!pthread_equal(b->thread, pthread_self()))
		pthread_join(b->thread, NULL);
	pthread_mutex_destroy(&b->lock);
	pthread_cond_destroy(&b->moved);
	for (size_t i = 0; i < b->n; i++)
		free(b->paths[i]);
	free(b->paths);
	free(b->cache);
	diags_free(&b->d);
	free(b);
}

bool search_build_finish(struct search_build *b, struct diags *d)
{
	bool ok;

	if (!pthread_equal(b->thread, pthread_self()))
		pthread_join(b->thread, NULL);
	b->thread = pthread_self();
	/* What is wrong with a document is said by whoever shows it (and by
	 * tipr check), not again here. */
	ok = b->ok && search_index_load(b->ix, b->cache);
	if (!ok)
		diags_add(d, DIAG_WARNING, b->cache, 0, 0, "cannot save the search cache: %s",
			  strerror(b->error ? b->error : EIO));
	build_free(b);
	return ok;
}

void search_build_cancel(struct search_build *b)
{
	if (!b)
		return;
	atomic_store(&b->stop, true);
	build_free(b);
}

/* ---- runs ---- */

/* Where the postings of a query's words are read, in the index's shape:
 * for each slot of each term of each clause, one cursor per word. */
struct src_slot {
	struct index_cursor *cur;
	unsigned char **bufs;
	size_t n;
	uint64_t *pos;            /* positions in the current document */
	size_t n_pos, cap_pos;
};

struct src_term {
	struct src_slot *slots;
	size_t n_slots;
	size_t *at;               /* per slot: where the phrase test is */
};

struct src_clause {
	struct src_term *terms;
	size_t n_terms;
	bool negated;
};

struct blocks {
	uint32_t *v;
	size_t n, cap;
};

struct search_run {
	struct search_index *ix;
	const struct search_query *q;
	struct search_scope scope;
	size_t max_hits, width;
	size_t next;               /* documents looked at */
	bool over;
	struct search_results res;
	struct src_clause *src;    /* through the index; NULL: reading */
	size_t n_src;
	/* The document read last (for the scan, and for the text of hits). */
	struct docscan ds;
	char *buf;
	size_t cap;
	size_t ds_doc;             /* SIZE_MAX: none */
	bool ds_ok;
	struct blocks places, clause, term, tmp;
	uint64_t *scratch;
	size_t cap_scratch;
};

static void free_src(struct search_run *r)
{
	for (size_t c = 0; c < r->n_src; c++) {
		for (size_t t = 0; t < r->src[c].n_terms; t++) {
			for (size_t s = 0; s < r->src[c].terms[t].n_slots; s++) {
				struct src_slot *sl = &r->src[c].terms[t].slots[s];

				for (size_t k = 0; k < sl->n; k++)
					free(sl->bufs[k]);
				free(sl->bufs);
				free(sl->cur);
				free(sl->pos);
			}
			free(r->src[c].terms[t].slots);
			free(r->src[c].terms[t].at);
		}
		free(r->src[c].terms);
	}
	free(r->src);
	r->src = NULL;
	r->n_src = 0;
}

/* Opens the postings of every word of the query; false when the index is
 * found damaged. */
static bool open_src(struct search_run *r)
{
	struct word_index *wx = r->ix->wx;

	r->n_src = r->q->n_clauses;
	r->src = xcalloc(r->n_src + 1, sizeof(*r->src));
	for (size_t c = 0; c < r->n_src; c++) {
		const struct search_clause *qc = &r->q->clauses[c];
		struct src_clause *sc = &r->src[c];

		sc->negated = qc->negated;
		sc->n_terms = qc->n_terms;
		sc->terms = xcalloc(sc->n_terms + 1, sizeof(*sc->terms));
		for (size_t t = 0; t < qc->n_terms; t++) {
			struct src_term *st = &sc->terms[t];

			st->n_slots = qc->terms[t].n_slots;
			st->slots = xcalloc(st->n_slots + 1, sizeof(*st->slots));
			st->at = xcalloc(st->n_slots + 1, sizeof(*st->at));
			for (size_t s = 0; s < st->n_slots; s++) {
				struct src_slot *sl = &st->slots[s];
				uint32_t *entries;

				sl->n = index_entries(wx, &qc->terms[t].slots[s], &entries);
				sl->cur = xcalloc(sl->n + 1, sizeof(*sl->cur));
				sl->bufs = xcalloc(sl->n + 1, sizeof(*sl->bufs));
				for (size_t k = 0; k < sl->n; k++) {
					const unsigned char *p;
					size_t len;

					if (!index_postings(wx, entries[k], &p, &len)) {
						free(entries);
						return false;
					}
					sl->bufs[k] = (unsigned char *)p;
					index_cursor_init(&sl->cur[k], p, len);
				}
				free(entries);
			}
		}
	}
	return true;
}

struct search_run *search_start(struct search_index *ix, const struct search_query *q,
				const struct search_scope *scope, size_t max_hits, size_t snippet_width)
{
	struct search_run *r = xcalloc(1, sizeof(*r));

	r->ix = ix;
	r->q = q;
	r->scope = *scope;
	r->max_hits = max_hits;
	r->width = snippet_width;
	r->ds_doc = SIZE_MAX;
	r->res.n_places = ix->n_docs;
	r->res.places = xcalloc(ix->n_docs + 1, sizeof(*r->res.places));
	if (ix->wx && !open_src(r)) {
		free_src(r);
		index_lost(ix);
	}
	return r;
}

static bool doc_in_scope(const struct search_run *r, size_t i)
{
	const struct corpus_doc *e = r->ix->docs[i];

	return (!r->scope.within || r->scope.within[i]) && (!r->scope.country || !strcmp(e->slug, r->scope.country)) &&
	       (!r->scope.year || e->year == r->scope.year);
}

/* Reads document i into r->ds (once); false when it cannot be read (the
 * corpus says why, once). */
static bool read_doc(struct search_run *r, size_t i, struct diags *d)
{
	struct corpus_doc *e = r->ix->docs[i];
	size_t len = 0, max = yaml_content_limits.max_file_size;
	struct stat st;
	int fd;

	if (r->ds_doc == i)
		return r->ds_ok;
	r->ds_doc = i;
	r->ds_ok = false;
	if (e->failed)
		return false;
	if ((fd = file_open_regular(r->ix->paths[i], &st)) >= 0) {
		size_t want = (size_t)st.st_size < max ? (size_t)st.st_size + 1 : max + 1;
		ssize_t k;

		GROW(r->buf, r->cap, want + 1);
		while (len < want && ((k = read(fd, r->buf + len, want - len)) > 0 || (k < 0 && errno == EINTR)))
			len += k > 0 ? (size_t)k : 0;
		close(fd);
		r->ds_ok = len <= max && docscan_read(&r->ds, r->ix->paths[i], r->buf, len, d);
	}
	/* What is wrong is reported the way a document is loaded: once. */
	if (!r->ds_ok)
		corpus_doc_load(e, d);
	return r->ds_ok;
}

/* ---- snippets ---- */

#define ELLIPSIS "\xe2\x80\xa6"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* A line of about width columns of text around the marks, cut at word
 * boundaries, an ellipsis where it is cut, its marks found again in it. */
/* The start of the character before text[at]. */
static size_t char_before(const char *text, size_t at)
{
	while (at > 0 && ((unsigned char)text[--at] & 0xC0) == 0x80)
		;
	return at;
}

/* Moves back from at over at most cols columns of text, then on to the
 * start of a word (not past limit). */
static size_t back_to_word(const char *text, size_t at, size_t cols, size_t limit)
{
	size_t a = at, used = 0;

	while (a > 0) {
		size_t b = char_before(text, a), w = text_width(text + b, a - b);

		if (used + w > cols)
			break;
		used += w;
		a = b;
	}
	while (a > 0 && a < limit && !is_space(text[a - 1]))
		a++;
	while (a > 0 && a < limit && ((unsigned char)text[a] & 0xC0) == 0x80)
		a++;
	return a;
}

static void snippet(struct search_hit *h, const char *text, size_t len, const struct search_range *m, size_t n,
		    size_t width)
{
	struct strbuf sb = {0};
	size_t a = 0, b = len;

	if (text_width(text, len) > width) {
		size_t room;

		/* Some text before the first mark, from the start of a word. */
		a = back_to_word(text, m[0].start, width / 4, m[0].start);
		room = width > 2 ? width - 1 - (a > 0) : 1;
		b = a + text_fit(text + a, len - a, room, NULL);
		/* The end of the text is near: start earlier, to fill the line. */
		if (b == len && a > 0)
			a = back_to_word(text, len, width - 1, m[0].start);
		/* Cut after a whole word, unless the first mark would go. */
		if (b < len) {
			size_t c = b;

			while (c > m[0].end && !is_space(text[c]))
				c--;
			if (c > m[0].end || is_space(text[c]))
				b = c;
		}
		while (b > a && is_space(text[b - 1]))
			b--;
	}
	if (a > 0)
		sb_adds(&sb, ELLIPSIS);
	h->marks = xcalloc(n + 1, sizeof(*h->marks));
	for (size_t i = 0, at = a; i < n; i++) {
		size_t s = m[i].start < a ? a : m[i].start, e = m[i].end > b ? b : m[i].end;

		if (s >= e)
			continue;
		textsafe_append(&sb, text + at, s - at);
		h->marks[h->n_marks].start = sb.len;
		textsafe_append(&sb, text + s, e - s);
		h->marks[h->n_marks++].end = sb.len;
		at = e;
		if (i + 1 == n || m[i + 1].start >= b) {
			textsafe_append(&sb, text + at, b - at);
			at = b;
		}
		if (at == b)
			break;
	}
	if (!h->n_marks)
		textsafe_append(&sb, text + a, b - a);
	if (b < len)
		sb_adds(&sb, ELLIPSIS);
	sb_addc(&sb, '\0');
	h->snippet = sb_detach(&sb);
	h->snip_start = h->n_marks ? h->marks[0].start : 0;
	h->snip_end = h->n_marks ? h->marks[0].end : 0;
}

/* ---- places ---- */

/* Adds the hit for block k of the document read into r->ds. */
static void add_hit(struct search_run *r, size_t i, size_t k)
{
	const struct docscan_block *bl = &r->ds.blocks[k];
	const struct docscan_section *sec = &r->ds.sections[bl->section];
	struct search_range *m;
	size_t n = search_query_marks(r->q, bl->text, bl->len, &m);
	struct search_hit *h;

	if (!n) {
		free(m);
		return;
	}
	GROW(r->res.hits, r->res.cap_hits, r->res.n_hits + 1);
	h = &r->res.hits[r->res.n_hits++];
	memset(h, 0, sizeof(*h));
	h->doc = r->ix->docs[i];
	h->section = (int)bl->section;
	h->block = bl->index;
	h->section_id = xstrdup(sec->id);
	h->section_title = xstrdup(sec->title);
	h->start = m[0].start;
	h->end = m[0].end;
	snippet(h, bl->text, bl->len, m, n, r->width);
	free(m);
}

/* Document i has places r->places (blocks): counted, and shown while there
 * is room. */
static void found(struct search_run *r, size_t i, struct diags *d)
{
	const struct blocks *p = &r->places;

	if (!p->n)
		return;
	r->res.places[i] = (uint32_t)p->n;
	r->res.total += p->n;
	r->res.n_docs++;
	for (size_t k = 0; k < p->n && r->res.n_hits < r->max_hits; k++)
		if (read_doc(r, i, d) && p->v[k] < r->ds.n_blocks)
			add_hit(r, i, p->v[k]);
	if (r->scope.first_only && r->res.n_hits >= r->max_hits && i + 1 < r->ix->n_docs) {
		r->res.incomplete = true;
		r->over = true;
	}
}

/* The scan: document i read and each block tested. */
static void scan_doc(struct search_run *r, size_t i, struct diags *d)
{
	r->places.n = 0;
	if (!read_doc(r, i, d))
		return;
	for (size_t k = 0; k < r->ds.n_blocks; k++) {
		const struct docscan_block *bl = &r->ds.blocks[k];

		if (r->scope.section && strcmp(r->ds.sections[bl->section].id, r->scope.section))
			continue;
		if (search_query_matches(r->q, bl->text, bl->len)) {
			GROW(r->places.v, r->places.cap, r->places.n + 1);
			r->places.v[r->places.n++] = (uint32_t)k;
		}
	}
	found(r, i, d);
}

/* ---- through the index ---- */

static uint32_t slot_next(const struct src_slot *s)
{
	uint32_t d = UINT32_MAX;

	for (size_t k = 0; k < s->n; k++)
		if (s->cur[k].doc < d)
			d = s->cur[k].doc;
	return d;
}

/* The next document where every slot of the phrase has a word. */
static uint32_t term_next(const struct src_term *t)
{
	uint32_t d = 0;

	for (size_t s = 0; s < t->n_slots; s++) {
		uint32_t n = slot_next(&t->slots[s]);

		if (n > d)
			d = n;
	}
	return d;
}

static uint32_t clause_next(const struct src_clause *c)
{
	uint32_t d = UINT32_MAX;

	for (size_t t = 0; t < c->n_terms; t++) {
		uint32_t n = term_next(&c->terms[t]);

		if (n < d)
			d = n;
	}
	return d;
}

static void clause_seek(struct src_clause *c, uint32_t doc)
{
	for (size_t t = 0; t < c->n_terms; t++)
		for (size_t s = 0; s < c->terms[t].n_slots; s++)
			for (size_t k = 0; k < c->terms[t].slots[s].n; k++)
				index_cursor_seek(&c->terms[t].slots[s].cur[k], doc);
}

/* The first document from doc on that every clause to be found has words
 * in (the others are tested there); UINT32_MAX when none is left. */
static uint32_t next_candidate(struct search_run *r, uint32_t doc)
{
	for (;;) {
		bool agree = true;

		for (size_t c = 0; c < r->n_src; c++) {
			uint32_t n;

			if (r->src[c].negated)
				continue;
			clause_seek(&r->src[c], doc);
			if ((n = clause_next(&r->src[c])) == UINT32_MAX)
				return UINT32_MAX;
			if (n > doc) {
				doc = n;
				agree = false;
			}
		}
		if (agree)
			return doc;
	}
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* The positions of slot s in document doc, sorted; false when the
 * postings are malformed. */
static bool slot_positions(struct search_run *r, struct src_slot *s, uint32_t doc)
{
	size_t at = 0;

	s->n_pos = 0;
	for (size_t k = 0; k < s->n; k++)
		if (s->cur[k].doc == doc) {
			at = k;
			s->n_pos++;
		}
	/* One word (nearly always): its positions as they are. */
	if (s->n_pos == 1) {
		s->n_pos = s->cur[at].n;
		return index_cursor_positions(&s->cur[at], &s->pos, &s->cap_pos);
	}
	s->n_pos = 0;
	for (size_t k = 0; k < s->n; k++) {
		if (s->cur[k].doc != doc)
			continue;
		if (!index_cursor_positions(&s->cur[k], &r->scratch, &r->cap_scratch))
			return false;
		GROW(s->pos, s->cap_pos, s->n_pos + s->cur[k].n);
		memcpy(s->pos + s->n_pos, r->scratch, s->cur[k].n * sizeof(*s->pos));
		s->n_pos += s->cur[k].n;
	}
	/* Words of one slot (other spellings, a prefix's) interleave. */
	if (s->n_pos > 1)
		qsort(s->pos, s->n_pos, sizeof(*s->pos), cmp_u64);
	return true;
}

static inline void add_block(struct blocks *b, uint32_t k)
{
	if (b->n && b->v[b->n - 1] == k)
		return;
	if (b->n == b->cap)
		GROW(b->v, b->cap, b->n + 1);
	b->v[b->n++] = k;
}

/* The blocks of positions p[0..n) into b. */
static void blocks_of(struct blocks *b, const uint64_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		add_block(b, (uint32_t)(p[i] >> 32));
}

/* The blocks where a position of a[] is followed by one of b[]: one walk
 * of both, without a branch the data decides (they mispredict half the
 * time on a phrase of two common words). */
static void pairs(struct blocks *out, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, n = out->n;

	if (out->cap < n + na + 1)
		GROW(out->v, out->cap, n + na + 1);
	while (i < na && j < nb) {
		uint64_t x = a[i] + 1, y = b[j];
		uint32_t block = (uint32_t)(a[i] >> 32);

		out->v[n] = block;
		n += (x == y) & (n == 0 || out->v[n - 1] != block);
		i += x <= y;
		j += y <= x;
	}
	out->n = n;
}

/* The blocks of document doc where term t stands, into r->term: the
 * positions of its first word followed by those of the next ones. */
static bool term_blocks(struct search_run *r, struct src_term *t, uint32_t doc)
{
	size_t *at = t->at;

	r->term.n = 0;
	if (term_next(t) != doc)
		return true;
	for (size_t s = 0; s < t->n_slots; s++) {
		if (!slot_positions(r, &t->slots[s], doc))
			return false;
		at[s] = 0;
	}
	/* A word, two words: most searches, in a loop of their own. */
	if (t->n_slots == 1) {
		blocks_of(&r->term, t->slots[0].pos, t->slots[0].n_pos);
		return true;
	}
	if (t->n_slots == 2) {
		pairs(&r->term, t->slots[0].pos, t->slots[0].n_pos, t->slots[1].pos, t->slots[1].n_pos);
		return true;
	}
	for (size_t i = 0; i < t->slots[0].n_pos; i++) {
		uint64_t p = t->slots[0].pos[i];
		size_t s = 1;

		/* Each slot's positions are walked once, in step. */
		for (; s < t->n_slots; s++) {
			const struct src_slot *sl = &t->slots[s];

			while (at[s] < sl->n_pos && sl->pos[at[s]] < p + s)
				at[s]++;
			if (at[s] == sl->n_pos || sl->pos[at[s]] != p + s)
				break;
		}
		if (s == t->n_slots)
			add_block(&r->term, (uint32_t)(p >> 32));
	}
	return true;
}

/* a = a op b, on sorted block lists: union, intersection or difference. */
enum set_op { UNION, INTERSECT, MINUS };

static void combine(struct blocks *a, const struct blocks *b, enum set_op op, struct blocks *tmp)
{
	size_t i = 0, j = 0;
	struct blocks swap;

	tmp->n = 0;
	while (i < a->n || j < b->n) {
		bool in_a = i < a->n && (j >= b->n || a->v[i] <= b->v[j]);
		bool in_b = j < b->n && (i >= a->n || b->v[j] <= a->v[i]);
		uint32_t v = in_a ? a->v[i] : b->v[j];

		if (op == UNION || (op == INTERSECT && in_a && in_b) || (op == MINUS && in_a && !in_b))
			add_block(tmp, v);
		i += in_a;
		j += in_b;
	}
	swap = *a;
	*a = *tmp;
	*tmp = swap;
}

/* a takes b's blocks, b takes a's buffer: a copy without copying. */
static void take(struct blocks *a, struct blocks *b)
{
	struct blocks swap = *a;

	*a = *b;
	*b = swap;
}

/* The blocks of document doc where clause c stands, into r->clause. */
static bool clause_blocks(struct search_run *r, struct src_clause *c, uint32_t doc)
{
	r->clause.n = 0;
	for (size_t t = 0; t < c->n_terms; t++) {
		if (!term_blocks(r, &c->terms[t], doc))
			return false;
		if (t)
			combine(&r->clause, &r->term, UNION, &r->tmp);
		else
			take(&r->clause, &r->term);
	}
	return true;
}

/* Keeps the places in the scope's section, from the document's table. */
static bool section_filter(struct search_run *r, uint32_t doc)
{
	struct index_doc t;
	size_t k = 0;

	if (!index_doc_read(r->ix->wx, doc, &t))
		return false;
	for (size_t i = 0; i < r->places.n; i++) {
		uint32_t b = r->places.v[i];

		if (b < t.n_blocks && !strcmp(t.ids[t.section[b]], r->scope.section))
			r->places.v[k++] = b;
	}
	r->places.n = k;
	index_doc_done(&t);
	return true;
}

/* The places of document doc, into r->places; false when the index is
 * found damaged. */
static bool doc_places(struct search_run *r, uint32_t doc)
{
	bool first = true;

	r->places.n = 0;
	for (size_t c = 0; c < r->n_src; c++) {
		if (r->src[c].negated)
			continue;
		if (!clause_blocks(r, &r->src[c], doc))
			return false;
		if (first)
			take(&r->places, &r->clause);
		else
			combine(&r->places, &r->clause, INTERSECT, &r->tmp);
		first = false;
		if (!r->places.n)
			return true;
	}
	for (size_t c = 0; c < r->n_src && r->places.n; c++) {
		if (!r->src[c].negated)
			continue;
		clause_seek(&r->src[c], doc);
		if (!clause_blocks(r, &r->src[c], doc))
			return false;
		combine(&r->places, &r->clause, MINUS, &r->tmp);
	}
	return !r->scope.section || !r->places.n || section_filter(r, doc);
}

/* ---- stepping ---- */

bool search_step(struct search_run *r, size_t docs, struct diags *d)
{
	size_t stop = r->next + docs < r->ix->n_docs ? r->next + docs : r->ix->n_docs;

	while (!r->over && r->next < stop) {
		if (r->src) {
			uint32_t doc = next_candidate(r, (uint32_t)r->next);

			if (doc == UINT32_MAX || doc >= r->ix->n_docs) {
				r->next = r->ix->n_docs;
				break;
			}
			if (doc >= stop) {
				r->next = stop;
				break;
			}
			r->next = doc + 1;
			if (!doc_in_scope(r, doc))
				continue;
			if (!doc_places(r, doc)) {
				/* Damaged underneath: the rest is read from the files. */
				free_src(r);
				index_lost(r->ix);
				r->next = doc;
				continue;
			}
			found(r, doc, d);
		} else {
			size_t i = r->next++;

			if (doc_in_scope(r, i))
				scan_doc(r, i, d);
		}
	}
	if (r->next >= r->ix->n_docs)
		r->over = true;
	return r->over;
}

const struct search_results *search_run_results(const struct search_run *r)
{
	return &r->res;
}

void search_run_progress(const struct search_run *r, size_t *done, size_t *total)
{
	*done = r->next;
	*total = r->ix->n_docs;
}

void search_finish(struct search_run *r, struct search_results *out)
{
	if (out)
		*out = r->res;
	else
		search_results_free(&r->res);
	free_src(r);
	docscan_done(&r->ds);
	free(r->buf);
	free(r->places.v);
	free(r->clause.v);
	free(r->term.v);
	free(r->tmp.v);
	free(r->scratch);
	free(r);
}

void search_run(struct search_index *ix, const struct search_query *q, const struct search_scope *scope,
		size_t max_hits, size_t snippet_width, struct search_results *out, struct diags *d)
{
	struct search_run *r = search_start(ix, q, scope, max_hits, snippet_width);

	while (!search_step(r, SIZE_MAX, d))
		;
	search_finish(r, out);
}

void search_results_free(struct search_results *r)
{
	for (size_t i = 0; i < r->n_hits; i++) {
		free(r->hits[i].snippet);
		free(r->hits[i].marks);
		free(r->hits[i].section_id);
		free(r->hits[i].section_title);
	}
	free(r->hits);
	free(r->places);
	memset(r, 0, sizeof(*r));
}

/* ---- searching as you type ---- */

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

/* The query as typed so far: its last word a prefix unless a space or a
 * quote ends the text.  The caller frees it. */
static char *as_typed(const char *text)
{
	size_t n = strlen(text), quotes = 0;

	for (size_t i = 0; i < n; i++)
		quotes += text[i] == '"';
	if (!n || is_space(text[n - 1]) || text[n - 1] == '"' || text[n - 1] == '*' || quotes % 2)
		return xstrdup(text);
	return xasprintf("%s*", text);
}

/* Whether every place that matches q matches p as well: q has each of
 * p's clauses as it is (and maybe more). */
static bool narrower(const struct search_query *q, const struct search_query *p)
{
	for (size_t i = 0; i < p->n_clauses; i++) {
		bool same = false;

		for (size_t j = 0; j < q->n_clauses && !same; j++) {
			const struct search_clause *a = &p->clauses[i], *b = &q->clauses[j];

			same = a->negated == b->negated && a->n_terms == b->n_terms;
			for (size_t t = 0; same && t < a->n_terms; t++) {
				same = a->terms[t].n_slots == b->terms[t].n_slots;
				for (size_t s = 0; same && s < a->terms[t].n_slots; s++) {
					const struct search_slot *x = &a->terms[t].slots[s], *y = &b->terms[t].slots[s];

					same = x->n_keys == y->n_keys;
					for (size_t k = 0; same && k < x->n_keys; k++)
						same = x->keys[k].prefix == y->keys[k].prefix && !strcmp(x->keys[k].key, y->keys[k].key);
				}
			}
		}
		if (!same)
			return false;
	}
	return true;
}

bool search_typing_begin(struct search_typing *t, struct search_index *ix, const char *text,
			 const struct search_scope *scope, size_t max_hits, size_t snippet_width,
			 struct search_results *cur, struct search_run **run, const char **err)
{
	struct search_query p;
	char *typed;

	*run = NULL;
	/* The current results become a step on the way. */
	if (t->text) {
		GROW(t->steps, t->cap, t->n + 1);
		t->steps[t->n++] = (struct search_typing_step){ t->text, *cur };
		t->text = NULL;
	} else {
		search_results_free(cur);
	}
	memset(cur, 0, sizeof(*cur));
	/* A search begun before and not ended was dropped by the caller. */
	search_query_free(&t->q);
	free(t->running);
	t->running = NULL;
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
	typed = as_typed(text);
	if (!search_query_parse(typed, &t->q, err)) {
		free(typed);
		return false;
	}
	free(typed);
	t->scope = *scope;
	t->scope.within = NULL;
	if (t->n && !t->steps[t->n - 1].res.incomplete) {
		char *before = as_typed(t->steps[t->n - 1].text);
		const char *ignored;

		if (search_query_parse(before, &p, &ignored)) {
			if (narrower(&t->q, &p))
				t->scope.within = t->steps[t->n - 1].res.places;
			search_query_free(&p);
		}
		free(before);
	}
	t->running = xstrdup(text);
	*run = search_start(ix, &t->q, &t->scope, max_hits, snippet_width);
	return true;
}

void search_typing_end(struct search_typing *t, struct search_run *run, struct search_results *cur)
{
	search_finish(run, cur);
	free(t->text);
	t->text = t->running;
	t->running = NULL;
	search_query_free(&t->q);
}

bool search_typing_update(struct search_typing *t, struct search_index *ix, const char *text,
			  const struct search_scope *scope, size_t max_hits, size_t snippet_width,
			  struct search_results *cur, const char **err, struct diags *d)
{
	struct search_run *run;

	if (!search_typing_begin(t, ix, text, scope, max_hits, snippet_width, cur, &run, err))
		return false;
	if (run) {
		while (!search_step(run, SIZE_MAX, d))
			;
		search_typing_end(t, run, cur);
	}
	return true;
}

void search_typing_reset(struct search_typing *t)
{
	while (t->n)
		drop_step(t);
	free(t->steps);
	free(t->text);
	free(t->running);
	search_query_free(&t->q);
	memset(t, 0, sizeof(*t));
}
