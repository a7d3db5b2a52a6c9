/* test_corpus.c — content directories: lazy loading, headers, a bad file
 * reported and skipped, several directories, undated documents. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/cachefile.h"
#include "content/corpus.h"
#include "content/scancache.h"
#include "base/icu.h"
#include "base/paths.h"
#include "base/util.h"
#include "tmpdir_fixture.h"

static char root[] = "/tmp/tipr-corpus-XXXXXX";

static void put(const char *rel, const char *text)
{
	char *path = path_join(root, rel), *dir = xstrdup(path), *cmd;

	*strrchr(dir, '/') = '\0';
	cmd = xasprintf("mkdir -p '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(dir);
	{
		FILE *f = fopen(path, "w");

		assert_non_null(f);
		fputs(text, f);
		fclose(f);
	}
	free(path);
}

static const char *doc(const char *slug, int year, const char *tier, bool complete)
{
	static char buf[512];

	snprintf(buf, sizeof(buf), "country: %s\nyear: %d\ntier: \"%s\"\ncomplete: %s\nsections:\n"
		 "  - id: overview\n    text: |\n      Text of %s %d.\n", slug, year, tier,
		 complete ? "true" : "false", slug, year);
	return buf;
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(root))
		return -1;
	put("a/tip/collection.yaml", "title: Report\nkind: annual-report\npublisher: State\n");
	put("a/tip/2021/kenya.yaml", doc("kenya", 2021, "2", true));
	put("a/tip/2022/kenya.yaml", doc("kenya", 2022, "2 Watch List", false));
	put("a/tip/2022/korea-north.yaml", doc("korea-north", 2022, "3", true));
	put("a/tip/2022/palau.yaml", "country: palau\nyear: [2022\n");          /* broken */
	put("a/tip/notes.txt", "stray file\n");
	put("a/essays/collection.yaml", "title: Essays\nkind: commentary\n");
	put("a/essays/undated/kenya.yaml", "country: kenya\nsections:\n  - id: text\n    text: x\n");
	put("b/tip/collection.yaml", "title: Report\nkind: annual-report\n");
	put("b/tip/2022/kenya.yaml", doc("kenya", 2022, "1", true));             /* loses to a's */
	put("b/tip/2023/kenya.yaml", doc("kenya", 2023, "1", true));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	assert_int_equal(remove_tree(root), 0);
	icu_cleanup();
	return 0;
}

static struct corpus *open_dirs(const char *a, const char *b, struct diags *d)
{
	char *pa = path_join(root, a), *pb = b ? path_join(root, b) : NULL;
	const char *dirs[] = { pa, pb };
	char *countries = path_join(TIPR_SRCDIR, "content/countries.yaml");
	struct corpus *c = corpus_open(dirs, b ? 2 : 1, countries, d);

	free(pa);
	free(pb);
	free(countries);
	return c;
}

static void test_layout_and_laziness(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_dirs("a", NULL, &d);
	struct collection *tip;
	struct corpus_doc *e;
	size_t first, n;
	int *years;

	(void)state;
	assert_non_null(c);
	/* Annual reports first, then commentary. */
	assert_int_equal(corpus_n_collections(c), 2);
	tip = corpus_default_collection(c);
	assert_string_equal(tip->name, "tip");
	assert_string_equal(tip->publisher, "State");
	assert_int_equal(corpus_collection(c, 1)->kind, COLLECTION_COMMENTARY);
	/* Opening reads the layout, not the documents. */
	assert_int_equal(tip->n_docs, 4);
	for (size_t i = 0; i < tip->n_docs; i++)
		assert_null(tip->docs[i].doc);
	n = collection_country_docs(tip, "kenya", &first);
	assert_int_equal(n, 2);
	assert_int_equal(tip->docs[first].year, 2021);
	/* A country the collection lacks: none, where it would stand. */
	assert_int_equal(collection_country_docs(tip, "kiribati", &first), 0);
	assert_string_equal(tip->docs[first].slug, "korea-north");
	assert_int_equal(collection_country_docs(tip, "zimbabwe", &first), 0);
	assert_int_equal(first, tip->n_docs);
	assert_int_equal(collection_country_docs(tip, "afghanistan", &first), 0);
	assert_int_equal(first, 0);
	assert_int_equal(collection_years(tip, &years), 2);
	assert_int_equal(years[1], 2022);
	free(years);
	{
		/* Documents country by country, editions in any order,
		 * undated ones and the bounds of a year among them. */
		static const int scrambled[] = { 2003, 2001, 0, 2003, 2002, 2001, 2010, 2002, YEAR_MAX, 1999, YEAR_MIN, 0 };
		static const int want[] = { 0, YEAR_MIN, 1999, 2001, 2002, 2003, 2010, YEAR_MAX };
		struct corpus_doc docs[ARRAY_SIZE(scrambled)] = {{0}};
		struct collection fake = { .docs = docs, .n_docs = ARRAY_SIZE(scrambled) };

		for (size_t i = 0; i < ARRAY_SIZE(scrambled); i++)
			docs[i].year = scrambled[i];
		assert_int_equal(collection_years(&fake, &years), ARRAY_SIZE(want));
		for (size_t i = 0; i < ARRAY_SIZE(want); i++)
			assert_int_equal(years[i], want[i]);
		free(years);
	}
	/* The header is peeked at without parsing the sections. */
	e = collection_find(tip, "kenya", 2022);
	assert_true(corpus_doc_header(e));
	assert_int_equal(e->tier, TIER_2WL);
	assert_false(e->complete);
	assert_null(e->doc);
	assert_non_null(corpus_doc_load(e, &d));
	assert_string_equal(e->doc->sections[0].paras[0], "Text of kenya 2022.");
	corpus_doc_unload(e);
	assert_null(e->doc);
	/* A broken file is reported when loaded, once; the rest stays usable. */
	e = collection_find(tip, "palau", 2022);
	assert_null(corpus_doc_load(e, &d));
	assert_true(d.n_errors >= 1);
	assert_non_null(strstr(d.v[d.n - 1].file, "palau.yaml"));
	n = d.n;
	assert_null(corpus_doc_load(e, &d));
	assert_int_equal(d.n, n);
	assert_non_null(corpus_doc_load(collection_find(tip, "korea-north", 2022), &d));
	/* The stray file was reported at open; undated documents have year 0. */
	assert_non_null(collection_find(corpus_collection(c, 1), "kenya", 0));
	assert_non_null(countries_by_slug(corpus_countries(c), "korea-north"));
	corpus_free(c);
	diags_free(&d);
}

static void test_trim_keeps_pinned_and_recent(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_dirs("a", NULL, &d);
	struct collection *tip = corpus_default_collection(c);
	struct corpus_doc *old = collection_find(tip, "kenya", 2021), *mid = collection_find(tip, "kenya", 2022),
			  *last = collection_find(tip, "korea-north", 2022);

	(void)state;
	assert_non_null(corpus_doc_load(old, &d));
	corpus_doc_pin(old);
	assert_non_null(corpus_doc_load(mid, &d));
	assert_non_null(corpus_doc_load(last, &d));
	assert_int_equal(tip->n_loaded, 3);
	assert_int_equal(corpus_trim(c, 3), 0);
	/* The oldest is shown (pinned): the next oldest goes instead. */
	assert_int_equal(corpus_trim(c, 1), 1);
	assert_int_equal(tip->n_loaded, 2);
	assert_non_null(old->doc);
	assert_null(mid->doc);
	assert_non_null(last->doc);
	/* Asking again makes a document recent; a pinned one is never unloaded. */
	assert_non_null(corpus_doc_load(mid, &d));
	assert_int_equal(corpus_trim(c, 1), 1);
	assert_null(last->doc);
	assert_non_null(mid->doc);
	corpus_doc_unload(old);
	assert_non_null(old->doc);
	corpus_doc_unpin(old);
	assert_int_equal(corpus_trim(c, 0), 2);
	assert_null(old->doc);
	assert_null(mid->doc);
	assert_int_equal(tip->n_loaded, 0);
	corpus_doc_unload(old);
	assert_int_equal(tip->n_loaded, 0);
	corpus_free(c);
	diags_free(&d);
}

static void test_several_directories(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_dirs("a", "b", &d);
	struct collection *tip = corpus_default_collection(c);
	struct corpus_doc *e = collection_find(tip, "kenya", 2022);
	bool warned = false;

	(void)state;
	/* Earlier directories win; later ones add what is missing. */
	assert_true(corpus_doc_header(e));
	assert_int_equal(e->tier, TIER_2WL);
	assert_non_null(collection_find(tip, "kenya", 2023));
	for (size_t i = 0; i < d.n; i++)
		warned |= strstr(d.v[i].msg, "earlier content directory") != NULL;
	assert_true(warned);
	corpus_free(c);
	diags_free(&d);
	/* A missing directory: NULL with a message naming it. */
	assert_null(open_dirs("missing", NULL, &d));
	assert_non_null(strstr(d.v[0].msg, "cannot open content directory"));
	diags_free(&d);
}

/* Waits (a few seconds at most) until rel, and everything in it, last
 * changed over two seconds ago: only then are listings and records kept. */
static void wait_settled(const char *rel)
{
	char *cmd = xasprintf("find '%s/%s'", root, rel);

	for (;;) {
		FILE *p = popen(cmd, "r");
		char line[4096];
		bool settled = true;

		assert_non_null(p);
		while (fgets(line, sizeof(line), p)) {
			struct cache_stamp st;

			line[strcspn(line, "\n")] = '\0';
			assert_true(cache_stamp_path(line, &st));
			settled &= cache_stamp_settled(&st, time(NULL));
		}
		assert_int_equal(pclose(p), 0);
		if (settled)
			break;
		nanosleep(&(struct timespec){ 0, 100000000 }, NULL);
	}
	free(cmd);
}

/* A corpus opened with caches in cache_dir: the number of documents of its
 * default collection, and the number of diagnostics in *said. */
static size_t count_cached(const char *cache_dir, size_t *said)
{
	struct diags d = {0};
	char *pa = path_join(root, "c");
	const char *dirs[] = { pa };
	struct corpus *c = corpus_open_cached(dirs, 1, NULL, cache_dir, &d);
	size_t n = corpus_default_collection(c)->n_docs;

	if (said)
		*said = d.n;
	corpus_free(c);
	diags_free(&d);
	free(pa);
	return n;
}

static ino_t inode(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_ino : 0;
}

static void flip_middle(const char *path)
{
	FILE *f = fopen(path, "r+b");
	long size;
	int ch;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, size / 2, SEEK_SET);
	ch = fgetc(f);
	fseek(f, size / 2, SEEK_SET);
	fputc(ch ^ 0x01, f);
	assert_int_equal(fclose(f), 0);
}

/* The records of a corpus and the listings of its directories, kept
 * between runs: not while young, then used while nothing changed,
 * rebuilt when anything did (an edit that puts the time back included) or
 * when a byte of the cache is damaged. */
static void test_caches(void **state)
{
	char *dir = path_join(root, "cache"), *content = path_join(root, "c"), *year = path_join(root, "c/tip/2022");
	const char *keys[] = { content };
	char *records = paths_cache_file(dir, "corpus", keys, 1, "bin");
	char *scan = paths_cache_file(dir, "scan", keys, 1, "bin");
	struct timespec times[2] = { { .tv_nsec = UTIME_OMIT }, { 0 } };
	const char *const *names;
	struct scan_cache *sc;
	struct stat st;
	size_t said, n;
	ino_t ino;

	(void)state;
	put("c/tip/collection.yaml", "title: Report\nkind: annual-report\n");
	put("c/tip/2021/kenya.yaml", doc("kenya", 2021, "2", true));
	put("c/tip/2022/kenya.yaml", doc("kenya", 2022, "2", true));
	put("c/tip/2022/notes.txt", "not a document\n");
	/* Just written: read, nothing kept. */
	assert_int_equal(count_cached(dir, &said), 2);
	assert_int_equal(said, 1);
	assert_int_equal(access(records, F_OK), -1);
	assert_int_equal(access(scan, F_OK), -1);
	/* Settled: kept, then used (the file is not written again), with the
	 * scan's warning said again. */
	wait_settled("c");
	assert_int_equal(count_cached(dir, &said), 2);
	assert_true((ino = inode(records)) != 0);
	assert_int_equal(count_cached(dir, &said), 2);
	assert_int_equal(said, 1);
	assert_true(inode(records) == ino);
	/* A damaged byte: not believed, the records made again and kept. */
	flip_middle(records);
	assert_int_equal(count_cached(dir, &said), 2);
	assert_int_equal(said, 1);
	assert_true(inode(records) != ino);
	/* Headers read in a run are kept with the records when the corpus is
	 * freed, and believed next time while the file's stamp holds. */
	{
		struct diags d = {0};
		const char *dirs[] = { content };
		struct corpus *c = corpus_open_cached(dirs, 1, NULL, dir, &d);
		struct corpus_doc *e = collection_find(corpus_default_collection(c), "kenya", 2021);
		char *file = path_join(root, "c/tip/2021/kenya.yaml");

		assert_true(corpus_doc_header(e) && e->header_learned && e->tier == TIER_2);
		corpus_free(c);
		c = corpus_open_cached(dirs, 1, NULL, dir, &d);
		e = collection_find(corpus_default_collection(c), "kenya", 2021);
		/* Read from the records when first asked for. */
		assert_true(!e->header_cached && !e->have_header);
		assert_true(corpus_doc_header(e) && e->header_cached && !e->header_learned && e->tier == TIER_2);
		corpus_free(c);
		/* The tier changed, same size, time put back: read again. */
		assert_int_equal(stat(file, &st), 0);
		put("c/tip/2021/kenya.yaml", doc("kenya", 2021, "3", true));
		times[1] = st.st_mtim;
		assert_int_equal(utimensat(AT_FDCWD, file, times, 0), 0);
		c = corpus_open_cached(dirs, 1, NULL, dir, &d);
		e = collection_find(corpus_default_collection(c), "kenya", 2021);
		assert_true(corpus_doc_header(e) && !e->header_cached && e->tier == TIER_3);
		corpus_free(c);
		assert_int_equal(d.n_errors, 0);
		diags_free(&d);
		free(file);
	}
	/* A file added, its directory's time put back (touch -d): seen. */
	assert_int_equal(stat(year, &st), 0);
	put("c/tip/2022/palau.yaml", doc("palau", 2022, "1", true));
	times[1] = st.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, year, times, 0), 0);
	assert_int_equal(count_cached(dir, &said), 3);
	/* The listings: kept for settled directories only, checked against
	 * the directory's stamp, damage refused. */
	sc = scan_cache_open(scan);
	assert_int_equal(stat(year, &st), 0);
	assert_false(scan_cache_lookup(sc, year, &st, &names, &n)); /* changed since */
	wait_settled("c");
	assert_int_equal(stat(year, &st), 0);
	scan_cache_store(sc, year, &st, (const char *const[]){ "a.yaml", "b.yaml" }, 2);
	assert_true(scan_cache_save(sc));
	scan_cache_free(sc);
	sc = scan_cache_open(scan);
	assert_true(scan_cache_lookup(sc, year, &st, &names, &n));
	assert_int_equal(n, 2);
	assert_string_equal(names[1], "b.yaml");
	st.st_ctim.tv_nsec ^= 1;
	assert_false(scan_cache_lookup(sc, year, &st, &names, &n));
	scan_cache_free(sc);
	flip_middle(scan);
	sc = scan_cache_open(scan);
	assert_int_equal(stat(year, &st), 0);
	assert_false(scan_cache_lookup(sc, year, &st, &names, &n));
	scan_cache_free(sc);
	/* Caches that cannot be written cost nothing but time. */
	assert_int_equal(count_cached("/nonexistent/dir", &said), 3);
	free(scan);
	free(records);
	free(year);
	free(content);
	free(dir);
}

/* Every document of the records as the scan found it: slug, year, its
 * file (the records keep a directory for each, not the path) and the
 * header learned, across two content directories and an undated text. */
static void test_records_as_scanned(void **state)
{
	char *cache = path_join(root, "rcache"), *pa = path_join(root, "a"), *pb = path_join(root, "b");
	const char *dirs[] = { pa, pb };
	struct diags d = {0};
	struct corpus *scanned, *cached;

	(void)state;
	wait_settled("a");
	wait_settled("b");
	scanned = corpus_open(dirs, 2, NULL, &d);
	/* The first opening keeps the records, the second one adds the
	 * headers read in it, the third reads them. */
	corpus_free(corpus_open_cached(dirs, 2, NULL, cache, &d));
	cached = corpus_open_cached(dirs, 2, NULL, cache, &d);
	for (size_t k = 0; k < corpus_n_collections(cached); k++)
		for (size_t i = 0; i < corpus_collection(cached, k)->n_docs; i++)
			corpus_doc_header(&corpus_collection(cached, k)->docs[i]);
	corpus_free(cached);
	cached = corpus_open_cached(dirs, 2, NULL, cache, &d);
	assert_int_equal(corpus_n_collections(cached), corpus_n_collections(scanned));
	for (size_t k = 0; k < corpus_n_collections(scanned); k++) {
		const struct collection *a = corpus_collection(scanned, k), *b = corpus_collection(cached, k);

		assert_string_equal(a->name, b->name);
		assert_int_equal(a->n_docs, b->n_docs);
		/* The countries: the same runs, each one slug, all the documents. */
		assert_int_equal(a->n_runs, b->n_runs);
		assert_memory_equal(a->runs, b->runs, (a->n_runs + 1) * sizeof(*a->runs));
		assert_int_equal(a->runs[a->n_runs], a->n_docs);
		for (size_t r = 0; r < a->n_runs; r++) {
			size_t first, n = collection_country_docs(b, b->docs[b->runs[r]].slug, &first);

			assert_int_equal(first, b->runs[r]);
			assert_int_equal(n, b->runs[r + 1] - b->runs[r]);
			for (size_t i = b->runs[r]; i < b->runs[r + 1]; i++)
				assert_string_equal(b->docs[i].slug, b->docs[b->runs[r]].slug);
		}
		for (size_t i = 0; i < a->n_docs; i++) {
			struct corpus_doc *x = &a->docs[i], *y = &b->docs[i];
			char *px = corpus_doc_path(x), *py = corpus_doc_path(y);

			assert_string_equal(x->slug, y->slug);
			assert_int_equal(x->year, y->year);
			assert_string_equal(px, py);
			assert_int_equal(corpus_doc_header(x), corpus_doc_header(y));
			assert_int_equal(x->tier, y->tier);
			assert_int_equal(x->complete, y->complete);
			free(px);
			free(py);
		}
		{
			int *ya, *yb;
			size_t n = collection_years(a, &ya);

			assert_int_equal(collection_years(b, &yb), n);
			assert_memory_equal(ya, yb, n * sizeof(*ya));
			free(ya);
			free(yb);
		}
	}
	/* The header came from the records: the palau file is broken, so its
	 * header is the one document not kept. */
	{
		struct collection *tip = corpus_collection_by_name(cached, "tip");
		struct corpus_doc *e = collection_find(tip, "kenya", 2023);
		char *path = corpus_doc_path(e), *want = path_join(root, "b/tip/2023/kenya.yaml");

		assert_true(e->header_cached);
		assert_false(collection_find(tip, "palau", 2022)->header_cached);
		assert_string_equal(path, want);
		free(want);
		free(path);
	}
	corpus_free(cached);
	corpus_free(scanned);
	diags_free(&d);
	free(pb);
	free(pa);
	free(cache);
}

/* Records that pass their checksum yet say anything (written by another
 * program, or a bug): each byte of either part changed in turn, and each
 * part cut, gives a corpus opened from them or from a scan, and headers
 * from them or from the files, never a read out of bounds (the
 * sanitizers' build runs this too). */
static void test_records_checked(void **state)
{
	char *cache = path_join(root, "hcache"), *pa = path_join(root, "a"), *pb = path_join(root, "b");
	const char *dirs[] = { pa, pb };
	const char *keys[] = { pa, pb };
	char *records = paths_cache_file(cache, "corpus", keys, 2, "bin");
	struct diags d = {0};
	struct cachefile *cf;
	struct corpus *c;
	size_t len[2];
	char *good[2];

	(void)state;
	wait_settled("a");
	wait_settled("b");
	/* Records, then records with every header. */
	corpus_free(corpus_open_cached(dirs, 2, NULL, cache, &d));
	c = corpus_open_cached(dirs, 2, NULL, cache, &d);
	for (size_t k = 0; k < corpus_n_collections(c); k++)
		for (size_t j = 0; j < corpus_collection(c, k)->n_docs; j++)
			corpus_doc_header(&corpus_collection(c, k)->docs[j]);
	corpus_free(c);
	cf = cachefile_open(records, "TIPRCORP", 6, 2);
	assert_non_null(cf);
	for (unsigned part = 0; part < 2; part++) {
		good[part] = cachefile_read_part(cf, part, 1u << 20, &len[part]);
		assert_non_null(good[part]);
	}
	cachefile_close(cf);
	/* Headers were kept: a byte each, and a stamp for those read. */
	assert_true(len[1] > 6);
	for (unsigned part = 0; part < 2; part++)
		for (size_t i = 0; i <= len[part]; i++)
			for (unsigned flip = 0; flip < (i < len[part] ? 2u : 1u); flip++) {
				static const unsigned char flips[] = { 0x01, 0xFF };
				struct cachefile_writer *w = cachefile_create(records, "TIPRCORP", 6, 2);

				assert_non_null(w);
				if (i < len[part])
					good[part][i] ^= (char)flips[flip];
				/* i == len: the part cut short by one byte. */
				for (unsigned q = 0; q < 2; q++) {
					if (q)
						cachefile_next_part(w);
					assert_true(cachefile_write(w, good[q], q == part && i == len[part] ? len[q] - 1 : len[q]));
				}
				assert_true(cachefile_commit(w));
				if (i < len[part])
					good[part][i] ^= (char)flips[flip];
				c = corpus_open_cached(dirs, 2, NULL, cache, &d);
				assert_non_null(c);
				for (size_t k = 0; k < corpus_n_collections(c); k++) {
					struct collection *coll = corpus_collection(c, k);

					for (size_t j = 0; j < coll->n_docs; j++) {
						char *path = corpus_doc_path(&coll->docs[j]);

						corpus_doc_header(&coll->docs[j]);
						assert_true(strlen(path) > 0 && coll->docs[j].tier < TIER__COUNT);
						free(path);
					}
				}
				corpus_free(c);
				diags_free(&d);
			}
	free(good[1]);
	free(good[0]);
	free(records);
	free(pb);
	free(pa);
	free(cache);
}

/* Headers read for many documents are all kept with the records and
 * believed the next time. */
static void test_many_headers_kept(void **state)
{
	char *cache = path_join(root, "mcache"), *content = path_join(root, "m");
	const char *dirs[] = { content };
	struct diags d = {0};
	struct corpus *c;
	struct collection *tip;
	enum { YEARS = 3, COUNTRIES = 60 };

	(void)state;
	put("m/tip/collection.yaml", "title: Report\nkind: annual-report\n");
	for (int y = 0; y < YEARS; y++)
		for (int k = 0; k < COUNTRIES; k++) {
			char rel[64], slug[16];

			snprintf(slug, sizeof(slug), "c%03d", k);
			snprintf(rel, sizeof(rel), "m/tip/%d/%s.yaml", 2020 + y, slug);
			put(rel, doc(slug, 2020 + y, (k + y) % 2 ? "2" : "3", true));
		}
	wait_settled("m");
	corpus_free(corpus_open_cached(dirs, 1, NULL, cache, &d));
	c = corpus_open_cached(dirs, 1, NULL, cache, &d);
	tip = corpus_default_collection(c);
	assert_int_equal(tip->n_docs, YEARS * COUNTRIES);
	for (size_t i = 0; i < tip->n_docs; i++)
		assert_true(corpus_doc_header(&tip->docs[i]) && tip->docs[i].header_learned);
	corpus_free(c);
	c = corpus_open_cached(dirs, 1, NULL, cache, &d);
	tip = corpus_default_collection(c);
	for (size_t i = 0; i < tip->n_docs; i++) {
		struct corpus_doc *e = &tip->docs[i];
		int k = atoi(e->slug + 1);

		assert_true(!e->have_header);
		assert_true(corpus_doc_header(e) && e->header_cached && !e->header_learned);
		assert_int_equal(e->tier, (k + e->year - 2020) % 2 ? TIER_2 : TIER_3);
	}
	corpus_free(c);
	/* A narrative opened (its header read from its file) that the
	 * records already keep: nothing new, so they are not written again. */
	{
		const char *keys[] = { content };
		char *records = paths_cache_file(cache, "corpus", keys, 1, "bin");
		ino_t was = inode(records);

		c = corpus_open_cached(dirs, 1, NULL, cache, &d);
		tip = corpus_default_collection(c);
		assert_non_null(corpus_doc_load(collection_find(tip, "c007", 2021), &d));
		assert_true(collection_find(tip, "c007", 2021)->header_learned);
		corpus_free(c);
		assert_true(was != 0 && inode(records) == was);
		free(records);
	}
	/* A narrative opened before any header is asked for keeps what its
	 * file says when the kept headers are read after it. */
	put("m/tip/2020/c000.yaml", doc("c000", 2020, "1", true));
	c = corpus_open_cached(dirs, 1, NULL, cache, &d);
	tip = corpus_default_collection(c);
	assert_non_null(corpus_doc_load(collection_find(tip, "c000", 2020), &d));
	assert_true(corpus_doc_header(collection_find(tip, "c001", 2020)));
	assert_true(collection_find(tip, "c001", 2020)->header_cached);
	assert_false(collection_find(tip, "c000", 2020)->header_cached);
	assert_int_equal(collection_find(tip, "c000", 2020)->tier, TIER_1);
	corpus_free(c);
	assert_int_equal(d.n_errors, 0);
	diags_free(&d);
	free(content);
	free(cache);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_and_laziness),
		cmocka_unit_test(test_trim_keeps_pinned_and_recent),
		cmocka_unit_test(test_several_directories),
		cmocka_unit_test(test_caches),
		cmocka_unit_test(test_records_as_scanned),
		cmocka_unit_test(test_records_checked),
		cmocka_unit_test(test_many_headers_kept),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
