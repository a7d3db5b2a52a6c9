/* corpus.c — directory layout scan, lazy document loading, header peeks. */
#include "config.h"

#include "content/corpus.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <yaml.h>

#include "base/arena.h"
#include "base/cachefile.h"
#include "base/paths.h"
#include "content/scancache.h"
#include "base/yamltree.h"

/* A directory or file the corpus's records were read from. */
struct source {
	const char *path;
	struct cache_stamp stamp;
};

struct corpus {
	struct arena *arena;
	struct collection **colls;
	size_t n_colls, cap_colls;
	struct countries *countries;
	char *records;            /* the records cache as read: strings point into it */
	/* The records' file, open while the headers kept with them (its
	 * second part) are not read: they are read when first asked for. */
	struct cachefile *records_cf;
	char *records_path;       /* where the records are kept, while they are current */
	struct source *sources;   /* what the records come from */
	size_t n_sources, cap_sources;
	struct diags said;        /* what the scan said, kept with the records */
	/* While opening, when caches are kept: */
	struct scan_cache *scan;  /* directory listings */
	const char *cache_dir;    /* where caches go, or NULL */
	bool unsettled;           /* a source changed too recently to cache */
};

/* Remembers that the records depend on path, as st shows it now. */
static void depend_on(struct corpus *c, const char *path, const struct stat *st)
{
	struct source *s;

	if (!c->cache_dir)
		return;
	GROW(c->sources, c->cap_sources, c->n_sources + 1);
	s = &c->sources[c->n_sources++];
	s->path = arena_strdup(c->arena, path);
	cache_stamp_of(st, &s->stamp);
	c->unsettled |= !cache_stamp_settled(&s->stamp, time(NULL));
}

size_t corpus_n_collections(const struct corpus *c)
{
	return c->n_colls;
}

struct collection *corpus_collection(const struct corpus *c, size_t i)
{
	return i < c->n_colls ? c->colls[i] : NULL;
}

struct collection *corpus_collection_by_name(const struct corpus *c, const char *name)
{
	for (size_t i = 0; i < c->n_colls; i++)
		if (!strcmp(c->colls[i]->name, name))
			return c->colls[i];
	return NULL;
}

struct collection *corpus_default_collection(const struct corpus *c)
{
	for (size_t i = 0; i < c->n_colls; i++)
		if (c->colls[i]->kind == COLLECTION_ANNUAL)
			return c->colls[i];
	return c->n_colls ? c->colls[0] : NULL;
}

const struct countries *corpus_countries(const struct corpus *c)
{
	return c->countries;
}

/* Whether path is a directory; its entries make the records, so its stamp
 * is remembered. */
static bool is_source_dir(struct corpus *c, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return false;
	depend_on(c, path, &st);
	return true;
}

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Reads collection.yaml into coll; false (with errors) if it is unusable. */
static bool load_collection_meta(struct corpus *c, struct collection *coll, const char *path,
				 struct diags *d)
{
	static const char *const keys[] = { "title", "kind", "publisher", "description", NULL };
	struct arena *tmp = arena_new();
	struct ynode *root;
	const struct ynode *n;
	const char *s;
	size_t before = d->n_errors;
	struct stat st;
	bool ok = false;

	if (stat(path, &st) == 0)
		depend_on(c, path, &st);
	root = yaml_load_file(path, &yaml_content_limits, tmp, d);
	if (!root)
		goto out;
	if (!ynode_expect(root, YNODE_MAP, "collection", path, d) ||
	    !ynode_check_keys(root, keys, path, d))
		goto out;
	ynode_report_unsafe(root, path, d);
	if (!(s = ynode_text(root, "title", YNODE_REQUIRED | YNODE_NONEMPTY, path, d)))
		goto out;
	coll->title = arena_strdup(c->arena, s);
	n = ynode_get(root, "kind");
	if (n && n->kind == YNODE_SCALAR && !strcmp(n->str, "commentary"))
		coll->kind = COLLECTION_COMMENTARY;
	else if (n && (n->kind != YNODE_SCALAR || strcmp(n->str, "annual-report"))) {
		diags_add(d, DIAG_ERROR, path, n->line, n->col,
			  "kind must be annual-report or commentary");
		goto out;
	}
	if ((s = ynode_text(root, "publisher", YNODE_OPTIONAL, path, d)))
		coll->publisher = arena_strdup(c->arena, s);
	ok = d->n_errors == before;
out:
	arena_free(tmp);
	return ok;
}

static bool parse_year_dir(const char *name, int *year)
{
	long long y;

	if (!strcmp(name, "undated")) {
		*year = 0;
		return true;
	}
	if (strlen(name) != 4 || num_parse(name, YEAR_MIN, YEAR_MAX, &y) != NUM_OK)
		return false;
	*year = (int)y;
	return true;
}

/* Adds a document; slug and dir belong to the corpus's arena already. */
static void add_doc(struct collection *coll, const char *slug, int year, const char *dir)
{
	struct corpus_doc *e;

	GROW(coll->docs, coll->cap_docs, coll->n_docs + 1);
	e = &coll->docs[coll->n_docs++];
	memset(e, 0, sizeof(*e));
	e->coll = coll;
	e->slug = slug;
	e->year = year;
	e->dir = dir;
}

static size_t path_size(const struct corpus_doc *e)
{
	return strlen(e->dir) + strlen(e->slug) + sizeof("/.yaml");
}

static char *write_path(const struct corpus_doc *e, char *path)
{
	size_t dlen = strlen(e->dir), slen = strlen(e->slug);

	memcpy(path, e->dir, dlen);
	path[dlen] = '/';
	memcpy(path + dlen + 1, e->slug, slen);
	memcpy(path + dlen + 1 + slen, ".yaml", sizeof(".yaml"));
	return path;
}

char *corpus_doc_path(const struct corpus_doc *e)
{
	return write_path(e, xmalloc(path_size(e)));
}

const char *corpus_doc_path_in(const struct corpus_doc *e, struct arena *a)
{
	return write_path(e, arena_alloc(a, path_size(e)));
}

static int cmp_doc(const void *a, const void *b);

/* The document slug/year among the first n (sorted) documents of coll: those
 * an earlier content directory brought, which win. */
static const struct corpus_doc *find_earlier(const struct collection *coll, size_t n, const char *slug,
					     int year)
{
	struct corpus_doc key = { .slug = slug, .year = year };

	return n ? bsearch(&key, coll->docs, n, sizeof(*coll->docs), cmp_doc) : NULL;
}

/* Whether a directory entry is a regular file (or a link to one): the
 * listing says so for nothing; only links and unknown types cost a stat.
 * A FIFO named like a narrative is never opened (which would block). */
static bool regular_entry(const char *path, unsigned char type)
{
	struct stat st;

	if (type == DT_REG)
		return true;
	if (type != DT_LNK && type != DT_UNKNOWN)
		return false;
	return stat(path, &st) != 0 || S_ISREG(st.st_mode);
}

/* One entry of a year directory (dir, kept in the arena for its
 * documents): a document, or a warning saying why not.  type is the
 * entry's d_type (DT_UNKNOWN from a remembered listing: such an entry is
 * found out when it is opened, which never blocks). */
static void scan_entry(struct corpus *c, struct collection *coll, const char *dir, const char *name,
		       unsigned char type, int year, size_t earlier, struct diags *d)
{
	size_t nlen = strlen(name);
	char *path = path_join(dir, name), *slug;

	if (!str_has_suffix(name, ".yaml")) {
		diags_add(d, DIAG_WARNING, path, 0, 0, "ignored: not a .yaml file");
		free(path);
		return;
	}
	if (!regular_entry(path, type)) {
		diags_add(d, DIAG_WARNING, path, 0, 0, "ignored: %s", file_error(E_NOT_REGULAR));
		free(path);
		return;
	}
	slug = arena_strndup(c->arena, name, nlen - 5);
	if (!slug_valid(slug))
		diags_add(d, DIAG_WARNING, path, 0, 0,
			  "ignored: file name must be a country slug (lower case, digits, '-')");
	else if (find_earlier(coll, earlier, slug, year))
		diags_add(d, DIAG_WARNING, path, 0, 0,
			  "ignored: an earlier content directory already has %s %d", slug, year);
	else
		add_doc(coll, slug, year, dir);
	free(path);
}

static void scan_year(struct corpus *c, struct collection *coll, const char *path, int year,
		      size_t earlier, struct diags *d)
{
	/* Its documents share the directory's name. */
	const char *dir = arena_strdup(c->arena, path);
	size_t n = 0, cap = 0;
	const char *const *cached;
	char **names = NULL;
	struct dirent *de;
	struct stat st;
	bool odd = false;
	DIR *dp;

	if (c->scan && stat(dir, &st) == 0 && scan_cache_lookup(c->scan, dir, &st, &cached, &n)) {
		for (size_t i = 0; i < n; i++)
			scan_entry(c, coll, dir, cached[i], DT_REG, year, earlier, d);
		return;
	}
	if (!(dp = opendir(dir))) {
		diags_add(d, DIAG_ERROR, dir, 0, 0, "cannot read directory: %s", strerror(errno));
		return;
	}
	while ((de = readdir(dp))) {
		if (de->d_name[0] == '.')
			continue;
		scan_entry(c, coll, dir, de->d_name, de->d_type, year, earlier, d);
		odd |= de->d_type != DT_REG;
		if (c->scan) {
			GROW(names, cap, n + 1);
			names[n++] = xstrdup(de->d_name);
		}
	}
	/* The listing is remembered with the time it was read under; one with
	 * anything but plain files is read again each time, so that what it
	 * holds is judged (and reported) each time. */
	if (c->scan && !odd && fstat(dirfd(dp), &st) == 0)
		scan_cache_store(c->scan, dir, &st, (const char *const *)names, n);
	closedir(dp);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int cmp_doc(const void *a, const void *b)
{
	const struct corpus_doc *x = a, *y = b;
	int r = strcmp(x->slug, y->slug);

	return r ? r : (x->year > y->year) - (x->year < y->year);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static size_t hash_str(const char *s)
{
	return (size_t)hash_add(HASH_INIT, s, strlen(s));
}

/* Sorts the documents by slug, then year, in time linear in their number
 * (a corpus has thousands): each distinct slug is found by hashing and
 * ranked once, the documents are bucketed by rank, and each bucket (one
 * country's few dozen editions) is kept in year order as it fills. */
static void sort_docs(struct collection *coll)
{
	struct slot {
		const char *slug;
		size_t rank;
	} *table;
	size_t n = coll->n_docs, cap = 16, mask, n_slugs = 0, *slot_of, *begin, *next;
	const char **slugs;
	struct corpus_doc *out;

	if (n < 2)
		return;
	while (cap < 2 * n)
		cap *= 2;
	mask = cap - 1;
	table = xcalloc(cap, sizeof(*table));
	slugs = xcalloc(n, sizeof(*slugs));
	slot_of = xcalloc(n, sizeof(*slot_of));
	for (size_t i = 0; i < n; i++) {
		const char *slug = coll->docs[i].slug;
		size_t h = hash_str(slug) & mask;

		while (table[h].slug && strcmp(table[h].slug, slug))
			h = (h + 1) & mask;
		if (!table[h].slug)
			slugs[n_slugs++] = table[h].slug = slug;
		slot_of[i] = h;
	}
	qsort(slugs, n_slugs, sizeof(*slugs), cmp_str);
	for (size_t r = 0; r < n_slugs; r++) {
		size_t h = hash_str(slugs[r]) & mask;

		while (table[h].slug != slugs[r])
			h = (h + 1) & mask;
		table[h].rank = r;
	}
	begin = xcalloc(n_slugs + 1, sizeof(*begin));
	next = xcalloc(n_slugs + 1, sizeof(*next));
	for (size_t i = 0; i < n; i++)
		begin[table[slot_of[i]].rank + 1]++;
	for (size_t r = 0; r < n_slugs; r++)
		next[r + 1] = begin[r + 1] += begin[r];
	out = xcalloc(n, sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		size_t r = table[slot_of[i]].rank, j = next[r]++;

		while (j > begin[r] && out[j - 1].year > coll->docs[i].year) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = coll->docs[i];
	}
	memcpy(coll->docs, out, n * sizeof(*out));
	free(out);
	free(next);
	free(begin);
	free(slot_of);
	free(slugs);
	free(table);
}

/* The distinct years of coll's documents, ascending, into *years. */
static size_t find_years(const struct collection *coll, int **years)
{
	/* Thousands of documents, a few dozen years within bounds the layout
	 * keeps (parse_year_dir, the records' check): each is marked in a
	 * table of them all, which is then read in order.  0, undated, first. */
	bool seen[YEAR_MAX - YEAR_MIN + 2] = { false };
	size_t n = 0;
	int *v;

	for (size_t i = 0; i < coll->n_docs; i++) {
		int y = coll->docs[i].year;

		if (!y || (y >= YEAR_MIN && y <= YEAR_MAX))
			seen[y ? y - YEAR_MIN + 1 : 0] = true;
	}
	for (size_t k = 0; k < ARRAY_SIZE(seen); k++)
		n += seen[k];
	v = xmalloc((n + 1) * sizeof(*v));
	n = 0;
	for (size_t k = 0; k < ARRAY_SIZE(seen); k++)
		if (seen[k])
			v[n++] = k ? (int)k - 1 + YEAR_MIN : 0;
	*years = v;
	return n;
}

/* The runs of coll's documents that share a slug (struct collection). */
static void find_runs(struct collection *coll)
{
	size_t cap = 16;

	free(coll->runs);
	coll->runs = xmalloc(cap * sizeof(*coll->runs));
	coll->n_runs = 0;
	for (size_t i = 0; i < coll->n_docs; i++)
		if (!i || strcmp(coll->docs[i].slug, coll->docs[i - 1].slug)) {
			GROW(coll->runs, cap, coll->n_runs + 2);
			coll->runs[coll->n_runs++] = i;
		}
	coll->runs[coll->n_runs] = coll->n_docs;
}

static void scan_collection(struct corpus *c, const char *dir, const char *name, struct diags *d)
{
	char *meta = path_join(dir, "collection.yaml");
	struct collection *coll = corpus_collection_by_name(c, name);
	DIR *dp;
	struct dirent *de;
	size_t earlier;

	if (!coll) {
		coll = arena_alloc(c->arena, sizeof(*coll));
		coll->corpus = c;
		coll->name = arena_strdup(c->arena, name);
		coll->dir = arena_strdup(c->arena, dir);
		if (!load_collection_meta(c, coll, meta, d)) {
			free(meta);
			return;
		}
		GROW(c->colls, c->cap_colls, c->n_colls + 1);
		c->colls[c->n_colls++] = coll;
	}
	free(meta);
	earlier = coll->n_docs;
	dp = opendir(dir);
	if (!dp) {
		diags_add(d, DIAG_ERROR, dir, 0, 0, "cannot read directory: %s", strerror(errno));
		return;
	}
	while ((de = readdir(dp))) {
		char *sub;
		int year;

		if (de->d_name[0] == '.' || !strcmp(de->d_name, "collection.yaml"))
			continue;
		sub = path_join(dir, de->d_name);
		if (is_source_dir(c, sub) && parse_year_dir(de->d_name, &year))
			scan_year(c, coll, sub, year, earlier, d);
		else
			diags_add(d, DIAG_WARNING, sub, 0, 0,
				  "ignored: expected a year directory (e.g. 2022) or 'undated'");
		free(sub);
	}
	closedir(dp);
	sort_docs(coll);
	/* A later directory may add to the collection: its years are found
	 * again then. */
	free(coll->years);
	coll->n_years = find_years(coll, &coll->years);
	find_runs(coll);
}

/* A countries table, through its cache when the corpus has a cache dir. */
static struct countries *load_countries(const struct corpus *c, const char *path, struct diags *d)
{
	char *cache = c->cache_dir ? paths_cache_file(c->cache_dir, "countries", &path, 1, "bin") : NULL;
	struct countries *cs = countries_load_cached(path, cache, d);

	free(cache);
	return cs;
}

/* Merges the countries table of a content directory, if it has one. */
static void add_dir_countries(struct corpus *c, const char *dir, struct diags *d)
{
	char *countries = path_join(dir, "countries.yaml");

	if (is_file(countries)) {
		struct countries *cs = load_countries(c, countries, d);

		if (cs)
			countries_absorb(c->countries, cs);
	}
	free(countries);
}

/* The collections of a content directory; false when it cannot be read. */
static bool scan_dir(struct corpus *c, const char *dir, struct diags *d)
{
	DIR *dp;
	struct dirent *de;

	if (!is_source_dir(c, dir) || !(dp = opendir(dir))) {
		diags_add(d, DIAG_ERROR, dir, 0, 0, "cannot open content directory: %s", strerror(errno));
		return false;
	}
	while ((de = readdir(dp))) {
		char *sub, *meta;

		if (de->d_name[0] == '.' || !strcmp(de->d_name, "countries.yaml"))
			continue;
		sub = path_join(dir, de->d_name);
		meta = path_join(sub, "collection.yaml");
		if (is_source_dir(c, sub)) {
			if (is_file(meta))
				scan_collection(c, sub, de->d_name, d);
			else
				diags_add(d, DIAG_WARNING, sub, 0, 0, "ignored: no collection.yaml in this directory");
		}
		free(meta);
		free(sub);
	}
	closedir(dp);
	return true;
}

/* ---- the records cache ----
 *
 * Opening thousands of documents means listing every year directory and
 * making a record of each file (path, slug check, sort): the outcome — the
 * collections, their documents and what the scan had to say — is kept
 * (cachefile.h) under the stamps of every directory and collection.yaml it
 * came from, and taken from there while none of them has changed.  Only an
 * outcome that has settled is kept, so a change in the same clock tick
 * cannot hide.  The headers (tier, completeness) read in a run are added
 * when the corpus is freed, each under its file's own stamp, so that the
 * tree's badges cost a stat instead of a parse.
 *
 * Layout, in two parts.  The first: the sources (path, stamp); the slugs'
 * string table; the year directories (path, year); the collections, each
 * with its years and then its countries, each a slug and its documents'
 * directories (u16 each); the diagnostics.  The second: the headers, for
 * each document in the same order its tier and flags (u8), then, with a
 * header, its file's stamp (u64).  The first part is read at every
 * start-up, so each byte of it counts: a document's path and year are its
 * directory's, its country is its run's.  The second is read when a
 * header is first asked for, which the first frame does not. */

#define RECORDS_MAGIC "TIPRCORP"
#define RECORDS_VERSION 6u

/* A header's tier and flags, as the records keep them. */
enum {
	INFO_HEADER = 1,
	INFO_COMPLETE = 2,
	INFO_TIER_SHIFT = 2,
};

/* Notes that e's header was read now from a file with stamp st: worth
 * keeping if the file has settled (a younger one could change again
 * without its stamp moving). */
static void header_read(struct corpus_doc *e, const struct stat *st)
{
	struct cache_stamp stamp;

	cache_stamp_of(st, &stamp);
	e->header_stamp = cache_stamp_hash(&stamp);
	e->header_learned = cache_stamp_settled(&stamp, time(NULL));
}

/* A year directory of the records. */
struct rec_dir {
	const char *path;
	int year;
};

/* The distinct year directories of the corpus's documents, in the order
 * first met; *dir_of gets each document's index (collections in order). */
static size_t records_dirs(const struct corpus *c, struct rec_dir **dirs_out, uint16_t **dir_of)
{
	struct rec_dir *dirs = NULL;
	size_t n_dirs = 0, cap = 0, n_docs = 0, k = 0, last = 0;
	uint16_t *of;

	for (size_t i = 0; i < c->n_colls; i++)
		n_docs += c->colls[i]->n_docs;
	of = xcalloc(n_docs + 1, sizeof(*of));
	for (size_t i = 0; i < c->n_colls; i++)
		for (size_t j = 0; j < c->colls[i]->n_docs; j++, k++) {
			const char *dir = c->colls[i]->docs[j].dir;
			int year = c->colls[i]->docs[j].year;

			/* A few dozen directories, each shared by its documents
			 * (which have its year): sought by address, then (from
			 * two directories with the same name) by name. */
			if (last >= n_dirs || dirs[last].path != dir || dirs[last].year != year)
				for (last = 0; last < n_dirs && (dirs[last].path != dir || dirs[last].year != year); last++)
					;
			if (last == n_dirs)
				for (last = 0; last < n_dirs && (strcmp(dirs[last].path, dir) || dirs[last].year != year);
				     last++)
					;
			if (last == n_dirs) {
				GROW(dirs, cap, n_dirs + 1);
				dirs[n_dirs++] = (struct rec_dir){ dir, year };
			}
			of[k] = (uint16_t)last;
		}
	*dirs_out = dirs;
	*dir_of = of;
	return n_dirs;
}

/* e's header's record into rec; its size returned. */
static size_t put_header(unsigned char rec[1 + sizeof(uint64_t)], const struct corpus_doc *e)
{
	/* A header from the records (checked or not in this run) is kept as
	 * it came; one read now, once settled. */
	if (!e->header_cached && !e->header_learned) {
		rec[0] = 0;
		return 1;
	}
	rec[0] = (unsigned char)(INFO_HEADER | (e->complete ? INFO_COMPLETE : 0) | e->tier << INFO_TIER_SHIFT);
	memcpy(rec + 1, &e->header_stamp, sizeof(e->header_stamp));
	return 1 + sizeof(e->header_stamp);
}

/* Writes coll's years, then its countries with their documents' records;
 * slug_off is the string table's offset of the collection's first slug,
 * d the index (in dir_of) of its first document.  Both are advanced. */
static bool put_collection(struct cachefile_writer *w, const struct collection *coll, size_t *slug_off,
			   const uint16_t *dir_of, size_t *d)
{
	int *years;
	size_t n_years = collection_years(coll, &years);
	bool ok = cachefile_put_u64(w, n_years);

	for (size_t i = 0; ok && i < n_years; i++)
		ok = cachefile_put_u32(w, (uint32_t)years[i]);
	free(years);
	ok = ok && cachefile_put_u64(w, coll->n_runs);
	for (size_t r = 0; ok && r < coll->n_runs; r++) {
		size_t i = coll->runs[r], end = coll->runs[r + 1];

		ok = cachefile_put_u32(w, (uint32_t)*slug_off) && cachefile_put_u32(w, (uint32_t)(end - i));
		*slug_off += strlen(coll->docs[i].slug) + 1;
		for (size_t k = i; ok && k < end; k++)
			ok = cachefile_write(w, &dir_of[(*d)++], sizeof(*dir_of));
	}
	return ok;
}

static void records_save(const struct corpus *c, const char *path, const struct diags *said)
{
	struct cachefile_writer *w = cachefile_create(path, RECORDS_MAGIC, RECORDS_VERSION, 2);
	struct strbuf strings = {0};
	struct rec_dir *dirs;
	uint16_t *dir_of;
	size_t n_dirs = records_dirs(c, &dirs, &dir_of);
	bool ok = w && n_dirs <= UINT16_MAX && cachefile_put_u64(w, c->n_sources);

	for (size_t i = 0; ok && i < c->n_sources; i++)
		ok = cachefile_put_str(w, c->sources[i].path) &&
		     cachefile_write(w, &c->sources[i].stamp, sizeof(c->sources[i].stamp));
	/* A country's documents are in a row: their slug is written once. */
	for (size_t k = 0; k < c->n_colls; k++)
		for (size_t r = 0; r < c->colls[k]->n_runs; r++) {
			const char *slug = c->colls[k]->docs[c->colls[k]->runs[r]].slug;

			sb_add(&strings, slug, strlen(slug) + 1);
		}
	ok = ok && strings.len < UINT32_MAX && cachefile_put_u64(w, strings.len) &&
	     cachefile_write(w, strings.buf, strings.len) && cachefile_put_u64(w, n_dirs);
	for (size_t i = 0; ok && i < n_dirs; i++)
		ok = cachefile_put_str(w, dirs[i].path) && cachefile_put_u32(w, (uint32_t)dirs[i].year);
	ok = ok && cachefile_put_u64(w, c->n_colls);
	for (size_t k = 0, slug_off = 0, d = 0; ok && k < c->n_colls; k++) {
		const struct collection *coll = c->colls[k];

		ok = cachefile_put_str(w, coll->name) && cachefile_put_str(w, coll->dir) &&
		     cachefile_put_str(w, coll->title) && cachefile_put_str(w, coll->publisher) &&
		     cachefile_put_u32(w, coll->kind) && cachefile_put_u64(w, coll->n_docs) &&
		     put_collection(w, coll, &slug_off, dir_of, &d);
	}
	ok = ok && cachefile_put_u64(w, said->n);
	for (size_t i = 0; ok && i < said->n; i++) {
		const struct diag *dg = &said->v[i];

		ok = cachefile_put_u32(w, dg->level) && cachefile_put_str(w, dg->file) &&
		     cachefile_put_u32(w, dg->line) && cachefile_put_u32(w, dg->col) && cachefile_put_str(w, dg->msg);
	}
	if (w)
		cachefile_next_part(w);
	for (size_t k = 0; ok && k < c->n_colls; k++)
		for (size_t i = 0; ok && i < c->colls[k]->n_docs; i++) {
			unsigned char rec[1 + sizeof(uint64_t)];

			ok = cachefile_write(w, rec, put_header(rec, &c->colls[k]->docs[i]));
		}
	sb_free(&strings);
	free(dirs);
	free(dir_of);
	/* Only a cache: the next start-up scans again. */
	if (ok)
		cachefile_commit(w);
	else if (w)
		cachefile_abort(w);
}

/* A string of the records, used in place (cache_get_str); NULL (and
 * in->ok false when required) if absent. */
static const char *get_str(struct cache_in *in, bool required)
{
	size_t n;
	const char *s = cache_get_str(in, &n);

	in->ok = in->ok && (s || !required);
	return s;
}

/* Whether every source of the records is as it was when they were kept;
 * they are remembered in c for the records' next writing. */
static bool sources_current(struct corpus *c, struct cache_in *in, size_t len)
{
	uint64_t n = cache_get_u64(in);

	for (uint64_t i = 0; i < n && in->ok && n <= len; i++) {
		const char *path = get_str(in, true);
		struct cache_stamp was, now;

		cache_get(in, &was, sizeof(was));
		in->ok = in->ok && cache_stamp_path(path, &now) && cache_stamp_equal(&was, &now);
		GROW(c->sources, c->cap_sources, c->n_sources + 1);
		c->sources[c->n_sources++] = (struct source){ path, was };
	}
	return in->ok && n <= len;
}

/* The years and documents of coll from the records; false when they do
 * not fit.  Every read is checked against the end of the records. */
static bool load_docs(struct collection *coll, struct cache_in *in, const char *strings, size_t n_strings,
		      const struct rec_dir *dirs, size_t n_dirs)
{
	size_t n = (size_t)cache_get_u64(in), n_years = (size_t)cache_get_u64(in), n_runs, at = 0;
	const unsigned char *p, *end = (const unsigned char *)in->end;

	if (!in->ok || n > (size_t)(in->end - in->p) / sizeof(uint16_t) || n_years > YEAR_MAX - YEAR_MIN + 2)
		return in->ok = false;
	coll->years = xcalloc(n_years + 1, sizeof(*coll->years));
	for (size_t i = 0; i < n_years; i++) {
		uint32_t y = cache_get_u32(in);

		if (y && (y < YEAR_MIN || y > YEAR_MAX))
			return in->ok = false;
		coll->years[i] = (int)y;
	}
	coll->n_years = n_years;
	coll->docs = xcalloc(n + 1, sizeof(*coll->docs));
	prefault(coll->docs, (n + 1) * sizeof(*coll->docs));
	coll->cap_docs = n + 1;
	n_runs = (size_t)cache_get_u64(in);
	if (!in->ok || n_runs > n)
		return in->ok = false;
	coll->runs = xcalloc(n_runs + 1, sizeof(*coll->runs));
	/* Thousands of records at each start-up: the loop keeps to locals,
	 * and the fields the array was zeroed with are left alone. */
	for (size_t r = 0; r < n_runs && in->ok; r++) {
		uint32_t slug = cache_get_u32(in), count = cache_get_u32(in);

		/* A run is one country: never empty. */
		if (!in->ok || slug >= n_strings || !count || count > n - at)
			return in->ok = false;
		coll->runs[r] = at;
		p = (const unsigned char *)in->p;
		if ((size_t)(end - p) / sizeof(uint16_t) < count)
			return in->ok = false;
		for (struct corpus_doc *e = coll->docs + at, *stop = e + count; e < stop; e++, p += sizeof(uint16_t)) {
			uint16_t dir;

			memcpy(&dir, p, sizeof(dir));
			if (dir >= n_dirs)
				return in->ok = false;
			e->coll = coll;
			e->slug = strings + slug;
			e->dir = dirs[dir].path;
			e->year = (int16_t)dirs[dir].year;
		}
		in->p = (const char *)p;
		at += count;
	}
	coll->n_docs = at;
	coll->runs[n_runs] = at;
	coll->n_runs = n_runs;
	return in->ok && at == n;
}

/* A header kept with the records for e: taken when e has none yet; when
 * e's was read in this run (a narrative opened first) and says the same of
 * the same file, nothing was learned that the records do not keep. */
static void take_header(struct corpus_doc *e, unsigned info, const unsigned char *stamp_bytes)
{
	uint64_t stamp;

	memcpy(&stamp, stamp_bytes, sizeof(stamp));
	if (!e->have_header && !e->doc && !e->header_learned) {
		e->header_cached = true;
		e->tier = (enum tier)(info >> INFO_TIER_SHIFT);
		e->complete = info & INFO_COMPLETE;
		e->header_stamp = stamp;
	} else if (e->header_learned && e->header_stamp == stamp && e->tier == (enum tier)(info >> INFO_TIER_SHIFT) &&
		   e->complete == !!(info & INFO_COMPLETE)) {
		e->header_learned = false;
		e->header_cached = true;
	}
}

/* The headers kept with the records (their second part), taken for the
 * documents that have none yet: read once, when a header is first asked
 * for.  Headers that do not fit the documents are all left unread. */
static void load_headers(struct corpus *c)
{
	struct cachefile *cf = c->records_cf;
	size_t len = 0;
	unsigned char *buf, *end;
	bool fits = true;

	c->records_cf = NULL;
	buf = cachefile_read_part(cf, 1, 256u << 20, &len);
	cachefile_close(cf);
	if (!buf)
		return;
	end = buf + len;
	/* Checked whole before any is taken. */
	for (unsigned pass = 0; pass < 2 && fits; pass++) {
		unsigned char *p = buf;

		for (size_t k = 0; k < c->n_colls && fits; k++)
			for (size_t i = 0; i < c->colls[k]->n_docs && fits; i++) {
				struct corpus_doc *e = &c->colls[k]->docs[i];
				unsigned info = p < end ? *p++ : 0xFF;

				if (!(info & INFO_HEADER)) {
					fits = info == 0;
					continue;
				}
				fits = (size_t)(end - p) >= sizeof(e->header_stamp) && info >> INFO_TIER_SHIFT < TIER__COUNT;
				if (fits && pass == 1)
					take_header(e, info, p);
				p += fits ? sizeof(e->header_stamp) : 0;
			}
		fits = fits && p == end;
	}
	free(buf);
}

/* The collections from the records cache, when it is intact and current;
 * what the scan said is added to said.  False (nothing added) otherwise. */
static bool records_load(struct corpus *c, const char *path, struct diags *said)
{
	size_t len = 0, n_strings, n_dirs;
	struct cachefile *cf = cachefile_open(path, RECORDS_MAGIC, RECORDS_VERSION, 2);
	char *buf = cf ? cachefile_read_part(cf, 0, 256u << 20, &len) : NULL;
	const char *strings;
	struct rec_dir *dirs;
	struct diags got = {0};
	struct cache_in in;
	uint64_t n;

	cache_in_init(&in, buf, len);
	if (!buf || !sources_current(c, &in, len)) {
		c->n_sources = 0;
		free(buf);
		cachefile_close(cf);
		return false;
	}
	/* Every string ends in a NUL before the table does: any offset
	 * within it is a string. */
	n_strings = (size_t)cache_get_u64(&in);
	strings = in.p;
	in.ok = in.ok && n_strings <= (size_t)(in.end - in.p) && (!n_strings || !strings[n_strings - 1]);
	in.p += in.ok ? n_strings : 0;
	n_dirs = (size_t)cache_get_u64(&in);
	in.ok = in.ok && n_dirs <= UINT16_MAX;
	dirs = xcalloc(in.ok ? n_dirs + 1 : 1, sizeof(*dirs));
	for (size_t i = 0; i < n_dirs && in.ok; i++) {
		uint32_t year;

		dirs[i].path = get_str(&in, true);
		year = cache_get_u32(&in);
		in.ok = in.ok && (!year || (year >= YEAR_MIN && year <= YEAR_MAX));
		dirs[i].year = (int)year;
	}
	n = cache_get_u64(&in);
	for (uint64_t k = 0; k < n && in.ok && n <= len; k++) {
		struct collection *coll = arena_alloc(c->arena, sizeof(*coll));

		memset(coll, 0, sizeof(*coll));
		coll->corpus = c;
		coll->name = get_str(&in, true);
		coll->dir = get_str(&in, true);
		coll->title = get_str(&in, true);
		coll->publisher = get_str(&in, false);
		coll->kind = cache_get_u32(&in) == COLLECTION_COMMENTARY ? COLLECTION_COMMENTARY : COLLECTION_ANNUAL;
		GROW(c->colls, c->cap_colls, c->n_colls + 1);
		c->colls[c->n_colls++] = coll;
		load_docs(coll, &in, strings, n_strings, dirs, n_dirs);
	}
	free(dirs);
	in.ok = in.ok && n <= len;
	n = cache_get_u64(&in);
	for (uint64_t i = 0; i < n && in.ok && n <= len; i++) {
		uint32_t level = cache_get_u32(&in);
		const char *file = get_str(&in, false);
		unsigned line = cache_get_u32(&in), col = cache_get_u32(&in);
		const char *msg = get_str(&in, true);

		if (in.ok)
			diags_add(&got, level == DIAG_ERROR ? DIAG_ERROR : DIAG_WARNING, file, line, col, "%s", msg);
	}
	if (!in.ok || n > len || in.p != in.end) {
		for (size_t k = 0; k < c->n_colls; k++) {
			free(c->colls[k]->docs);
			free(c->colls[k]->years);
			free(c->colls[k]->runs);
		}
		c->n_colls = 0;
		c->n_sources = 0;
		diags_free(&got);
		free(buf);
		cachefile_close(cf);
		return false;
	}
	c->records = buf;
	c->records_cf = cf;
	diags_take(said, &got);
	return true;
}

static int cmp_coll(const void *a, const void *b)
{
	const struct collection *x = *(struct collection *const *)a, *y = *(struct collection *const *)b;

	if (x->kind != y->kind)
		return x->kind == COLLECTION_ANNUAL ? -1 : 1;
	return strcmp(x->name, y->name);
}

static bool same_file(const char *a, const char *b)
{
	struct stat x, y;

	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

static bool all_countries_known(const struct corpus *c)
{
	for (size_t k = 0; k < c->n_colls; k++)
		for (size_t r = 0; r < c->colls[k]->n_runs; r++)
			if (!countries_by_slug(c->countries, c->colls[k]->docs[c->colls[k]->runs[r]].slug))
				return false;
	return true;
}

struct corpus *corpus_open(const char *const *dirs, size_t n, const char *countries_fallback,
			   struct diags *d)
{
	return corpus_open_cached(dirs, n, countries_fallback, NULL, d);
}

struct corpus *corpus_open_cached(const char *const *dirs, size_t n, const char *countries_fallback,
				  const char *cache_dir, struct diags *d)
{
	struct corpus *c = xcalloc(1, sizeof(*c));
	char *records = cache_dir ? paths_cache_file(cache_dir, "corpus", dirs, n, "bin") : NULL;
	struct diags said = {0};
	bool have_fallback = false;
	size_t opened = 0;

	c->arena = arena_new();
	c->cache_dir = cache_dir;
	c->countries = countries_new_empty();
	for (size_t i = 0; i < n; i++) {
		char *own = path_join(dirs[i], "countries.yaml");

		have_fallback |= countries_fallback && same_file(own, countries_fallback);
		free(own);
		add_dir_countries(c, dirs[i], d);
	}
	if (records && records_load(c, records, &said)) {
		opened = n;
	} else {
		if (cache_dir) {
			char *scan = paths_cache_file(cache_dir, "scan", dirs, n, "bin");

			c->scan = scan_cache_open(scan);
			free(scan);
		}
		for (size_t i = 0; i < n; i++)
			opened += scan_dir(c, dirs[i], &said);
		if (c->scan) {
			/* Only a cache: failing to write it costs the next start-up time. */
			scan_cache_save(c->scan);
			scan_cache_free(c->scan);
			c->scan = NULL;
		}
		if (records && opened == n && !c->unsettled)
			records_save(c, records, &said);
		else
			c->n_sources = 0;
	}
	/* The records are current: headers read from now on can be added to
	 * them, with what the scan said. */
	if (records && c->n_sources) {
		c->records_path = records;
		records = NULL;
		for (size_t i = 0; i < said.n; i++)
			diags_add(&c->said, said.v[i].level, said.v[i].file, said.v[i].line, said.v[i].col, "%s",
				  said.v[i].msg);
	}
	diags_take(d, &said);
	free(records);
	/* The bundled table fills gaps: read only when a document's country is
	 * missing from the content's own tables (and never twice). */
	if (countries_fallback && !have_fallback && !all_countries_known(c) && is_file(countries_fallback)) {
		struct diags ignored = {0};
		/* The bundled table only fills gaps; its own errors are check's business. */
		struct countries *cs = load_countries(c, countries_fallback, &ignored);

		if (cs)
			countries_absorb(c->countries, cs);
		diags_free(&ignored);
	}
	c->cache_dir = NULL;
	if (n && !opened) {
		corpus_free(c);
		return NULL;
	}
	if (c->n_colls)
		qsort(c->colls, c->n_colls, sizeof(*c->colls), cmp_coll);
	return c;
}

/* Whether a header was read in this run that the records do not keep. */
static bool learned_any(const struct corpus *c)
{
	for (size_t k = 0; k < c->n_colls && c->records_path; k++)
		for (size_t i = 0; i < c->colls[k]->n_docs; i++)
			if (c->colls[k]->docs[i].header_learned)
				return true;
	return false;
}

void corpus_free(struct corpus *c)
{
	if (!c)
		return;
	/* The headers kept before are read first: they are kept again, and a
	 * header read in this run may be one of them. */
	if (c->records_cf && learned_any(c))
		load_headers(c);
	if (learned_any(c))
		records_save(c, c->records_path, &c->said);
	cachefile_close(c->records_cf);
	for (size_t i = 0; i < c->n_colls; i++) {
		struct collection *coll = c->colls[i];

		for (size_t j = 0; j < coll->n_docs; j++)
			document_free(coll->docs[j].doc);
		free(coll->docs);
		free(coll->years);
		free(coll->runs);
	}
	free(c->colls);
	free(c->records);
	free(c->records_path);
	free(c->sources);
	diags_free(&c->said);
	countries_free(c->countries);
	arena_free(c->arena);
	free(c);
}

size_t collection_country_docs(const struct collection *coll, const char *slug, size_t *first)
{
	size_t lo = 0, hi = coll->n_runs;

	/* A search among the countries, not their documents. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(coll->docs[coll->runs[mid]].slug, slug) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo < coll->n_runs ? coll->runs[lo] : coll->n_docs;
	if (lo == coll->n_runs || strcmp(coll->docs[coll->runs[lo]].slug, slug))
		return 0;
	return coll->runs[lo + 1] - coll->runs[lo];
}

struct corpus_doc *collection_find(const struct collection *coll, const char *slug, int year)
{
	size_t first, n = collection_country_docs(coll, slug, &first);

	for (size_t i = first; i < first + n; i++)
		if (coll->docs[i].year == year)
			return &coll->docs[i];
	return NULL;
}

size_t collection_years(const struct collection *coll, int **years)
{
	if (!coll->years)
		return find_years(coll, years);
	*years = xmalloc((coll->n_years + 1) * sizeof(**years));
	memcpy(*years, coll->years, coll->n_years * sizeof(**years));
	return coll->n_years;
}

/* The order documents are asked for in, for corpus_trim. */
static uint32_t use_clock;

const struct document *corpus_doc_load(struct corpus_doc *e, struct diags *d)
{
	struct stat st;
	bool stamped;
	char *path;

	e->used = ++use_clock;
	if (e->doc || e->failed)
		return e->doc;
	path = corpus_doc_path(e);
	/* The stamp before the bytes: a change while they are read moves it. */
	stamped = stat(path, &st) == 0;
	e->doc = document_load(path, d);
	if (!e->doc) {
		e->failed = true;
		free(path);
		return NULL;
	}
	e->coll->n_loaded++;
	if (e->doc->country && strcmp(e->doc->country, e->slug))
		diags_add(d, DIAG_WARNING, path, 1, 1,
			  "country '%s' does not match the file name '%s.yaml'", e->doc->country, e->slug);
	if (e->doc->year != e->year)
		diags_add(d, DIAG_WARNING, path, 1, 1,
			  "year %d does not match the directory '%d'", e->doc->year, e->year);
	free(path);
	e->tier = e->doc->tier;
	e->complete = e->doc->complete;
	e->have_header = true;
	if (stamped && !e->header_cached)
		header_read(e, &st);
	return e->doc;
}

void corpus_doc_unload(struct corpus_doc *e)
{
	if (e->pins || !e->doc)
		return;
	document_free(e->doc);
	e->doc = NULL;
	e->coll->n_loaded--;
}

void corpus_doc_pin(struct corpus_doc *e)
{
	/* A pin is a view showing the document: a handful at most. */
	if (e->pins == UINT8_MAX)
		die("internal error: document %s %d pinned %d times", e->slug, e->year, UINT8_MAX);
	e->pins++;
	e->used = ++use_clock;
}

void corpus_doc_unpin(struct corpus_doc *e)
{
	if (e->pins)
		e->pins--;
}

static int cmp_used(const void *a, const void *b)
{
	uint32_t x = (*(struct corpus_doc *const *)a)->used, y = (*(struct corpus_doc *const *)b)->used;
	/* The clock may wrap: what counts is which came later, which the
	 * difference says while the two are within 2^31 asks of each other. */
	int32_t later = (int32_t)(x - y);

	return (later < 0) - (later > 0); /* most recent first */
}

size_t corpus_trim(struct corpus *c, size_t keep)
{
	struct corpus_doc **loaded = NULL;
	size_t n = 0, cap = 0, gone = 0;

	/* Each collection counts its loaded documents: most calls find no
	 * more than keep, and thousands of documents need no walk. */
	for (size_t k = 0; k < c->n_colls; k++)
		n += c->colls[k]->n_loaded;
	if (n <= keep)
		return 0;
	n = 0;
	for (size_t k = 0; k < c->n_colls; k++)
		for (size_t i = 0; i < c->colls[k]->n_docs; i++)
			if (c->colls[k]->docs[i].doc) {
				GROW(loaded, cap, n + 1);
				loaded[n++] = &c->colls[k]->docs[i];
			}
	if (n > keep) {
		qsort(loaded, n, sizeof(*loaded), cmp_used);
		for (size_t i = keep; i < n; i++)
			if (!loaded[i]->pins) {
				corpus_doc_unload(loaded[i]);
				gone++;
			}
	}
	free(loaded);
	return gone;
}

/* The header peek: top-level scalar pairs up to the 'sections' key.  Only
 * these are read, so a 5,000-document tree costs 5,000 small reads at most. */
/* Reads the top-level keys before "sections" (tier, complete) from p. */
static bool parse_header(struct corpus_doc *e, yaml_parser_t *p)
{
	int depth = 0;
	bool ok = true, done = false, want_key = true;
	char key[32] = "";

	e->tier = TIER_NONE;
	e->complete = true;
	while (!done) {
		yaml_event_t ev;

		if (!yaml_parser_parse(p, &ev))
			return false;
		switch (ev.type) {
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			if (ev.type == YAML_SEQUENCE_START_EVENT && depth == 1 && !strcmp(key, "sections"))
				done = true;
			depth++;
			want_key = ev.type == YAML_MAPPING_START_EVENT;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			/* Back at the top level a finished value is followed by a key. */
			if (--depth == 1)
				want_key = true;
			break;
		case YAML_SCALAR_EVENT:
			if (depth != 1)
				break;
			if (want_key) {
				snprintf(key, sizeof(key), "%s", (const char *)ev.data.scalar.value);
				if (!strcmp(key, "sections"))
					done = true;
			} else if (!strcmp(key, "tier")) {
				enum tier t = TIER_NONE;

				tier_parse((const char *)ev.data.scalar.value, &t);
				e->tier = t;
			} else if (!strcmp(key, "complete")) {
				e->complete = strcmp((const char *)ev.data.scalar.value, "false") != 0;
			}
			want_key = !want_key;
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		if (ev.type == YAML_ALIAS_EVENT || depth > 8)
			ok = false, done = true;
		yaml_event_delete(&ev);
	}
	return ok;
}

bool corpus_doc_header(struct corpus_doc *e)
{
	/* The header is the first few lines: parsing only the file's start
	 * keeps the tree's tier badges cheap however long the narratives. */
	char head[2048];
	yaml_parser_t p;
	struct stat st;
	size_t n;
	char *path;
	FILE *f;
	bool ok;

	if (e->have_header || e->doc)
		return e->have_header;
	if (e->coll->corpus && e->coll->corpus->records_cf)
		load_headers(e->coll->corpus);
	path = corpus_doc_path(e);
	if (e->header_cached) {
		struct cache_stamp now;

		/* From the records: right while the file is as it was. */
		if (cache_stamp_path(path, &now) && cache_stamp_hash(&now) == e->header_stamp) {
			free(path);
			return e->have_header = true;
		}
		e->header_cached = false;
	}
	f = e->failed ? NULL : fopen_regular(path);
	free(path);
	if (!f)
		return false;
	if (fstat(fileno(f), &st) != 0) {
		fclose(f);
		return false;
	}
	n = fread(head, 1, sizeof(head), f);
	if (!yaml_parser_initialize(&p))
		die("cannot initialise the YAML parser: out of memory");
	yaml_parser_set_input_string(&p, (const unsigned char *)head, n);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	ok = parse_header(e, &p);
	yaml_parser_delete(&p);
	/* A header longer than that: the whole file. */
	if (!ok && n == sizeof(head) && fseek(f, 0, SEEK_SET) == 0) {
		if (!yaml_parser_initialize(&p))
			die("cannot initialise the YAML parser: out of memory");
		yaml_parser_set_input_file(&p, f);
		yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
		ok = parse_header(e, &p);
		yaml_parser_delete(&p);
	}
	fclose(f);
	e->have_header = ok;
	if (ok)
		header_read(e, &st);
	return ok;
}

struct corpus_doc *collection_adjacent(const struct corpus_doc *e, int dir)
{
	struct collection *coll = e->coll;
	size_t first, n = collection_country_docs(coll, e->slug, &first), at = (size_t)(e - coll->docs);

	/* A country's documents are adjacent in the collection, years ascending. */
	if (dir > 0 && at + 1 < first + n)
		return &coll->docs[at + 1];
	if (dir < 0 && at > first)
		return &coll->docs[at - 1];
	return NULL;
}
