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
	assert_int_equal(collection_years(tip, &years), 2);
	assert_int_equal(years[1], 2022);
	free(years);
	{
		/* Documents country by country, editions in any order. */
		static const int scrambled[] = { 2003, 2001, 2003, 2002, 2001, 2010, 2002, 2010, 1999 };
		struct corpus_doc docs[9] = {{0}};
		struct collection fake = { .docs = docs, .n_docs = 9 };

		for (size_t i = 0; i < 9; i++)
			docs[i].year = scrambled[i];
		assert_int_equal(collection_years(&fake, &years), 5);
		assert_int_equal(years[0], 1999);
		assert_int_equal(years[1], 2001);
		assert_int_equal(years[2], 2002);
		assert_int_equal(years[3], 2003);
		assert_int_equal(years[4], 2010);
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
		assert_true(e->header_cached && !e->have_header);
		assert_true(corpus_doc_header(e) && !e->header_learned && e->tier == TIER_2);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_and_laziness),
		cmocka_unit_test(test_trim_keeps_pinned_and_recent),
		cmocka_unit_test(test_several_directories),
		cmocka_unit_test(test_caches),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
