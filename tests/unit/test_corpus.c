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
#include <unistd.h>
#include <cmocka.h>

#include "content/corpus.h"
#include "base/icu.h"
#include "base/paths.h"
#include "base/util.h"

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
	char *cmd = xasprintf("rm -rf '%s'", root);

	(void)state;
	assert_int_equal(system(cmd), 0);
	free(cmd);
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

/* Sets a directory's modification time back a minute: listings are cached
 * only once a directory has settled. */
static void age(const char *rel)
{
	char *path = path_join(root, rel);
	struct timespec t[2] = { { .tv_nsec = UTIME_OMIT }, { 0 } };
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	t[1].tv_sec = st.st_mtim.tv_sec - 60;
	t[1].tv_nsec = 123;
	assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
	free(path);
}

/* A corpus opened with caches in cache_dir: the number of documents of its
 * default collection. */
static size_t count_cached(const char *cache_dir)
{
	struct diags d = {0};
	char *pa = path_join(root, "c");
	const char *dirs[] = { pa };
	struct corpus *c = corpus_open_cached(dirs, 1, NULL, cache_dir, &d);
	size_t n = corpus_default_collection(c)->n_docs;

	corpus_free(c);
	diags_free(&d);
	free(pa);
	return n;
}

static void test_scan_cache(void **state)
{
	char *dir = path_join(root, "cache"), *content = path_join(root, "c"), *buf, *cache;
	const char *keys[] = { content };
	size_t len;
	FILE *f;

	(void)state;
	cache = paths_cache_file(dir, "scan", keys, 1, "txt");
	put("c/tip/collection.yaml", "title: Report\nkind: annual-report\n");
	put("c/tip/2021/kenya.yaml", doc("kenya", 2021, "2", true));
	put("c/tip/2022/kenya.yaml", doc("kenya", 2022, "2", true));
	/* Just written: listed, but not remembered yet. */
	assert_int_equal(count_cached(dir), 2);
	buf = read_file(cache, 1 << 20, &len);
	assert_true(!buf || !strstr(buf, "kenya.yaml"));
	free(buf);
	/* Settled: remembered. */
	age("c/tip/2021");
	age("c/tip/2022");
	assert_int_equal(count_cached(dir), 2);
	buf = read_file(cache, 1 << 20, &len);
	assert_non_null(buf);
	assert_non_null(strstr(buf, "c/tip/2021\t"));
	assert_non_null(strstr(buf, "kenya.yaml"));
	free(buf);
	/* A file added changes its directory's time: seen at once. */
	put("c/tip/2022/palau.yaml", doc("palau", 2022, "1", true));
	assert_int_equal(count_cached(dir), 3);
	/* The next run takes the listing from the cache, not the directory:
	 * a cache edited to leave palau out (times unchanged) shows two. */
	age("c/tip/2022");
	assert_int_equal(count_cached(dir), 3);
	buf = read_file(cache, 1 << 20, &len);
	assert_non_null(buf);
	{
		char *p = strstr(buf, "palau.yaml\n"), *head = strstr(buf, "c/tip/2022\t");
		char *count;

		assert_non_null(p);
		assert_non_null(head);
		memmove(p, p + 11, strlen(p + 11) + 1);
		count = strchr(head, '\n');
		while (count[-1] != '\t')
			count--;
		assert_int_equal(*count, '2');
		*count = '1';
		f = fopen(cache, "w");
		assert_non_null(f);
		fputs(buf, f);
		fclose(f);
	}
	free(buf);
	assert_int_equal(count_cached(dir), 2);
	/* A corrupt cache is ignored and rewritten. */
	f = fopen(cache, "w");
	assert_non_null(f);
	fputs("tipr scan cache 1\nno tabs here\n", f);
	fclose(f);
	assert_int_equal(count_cached(dir), 3);
	buf = read_file(cache, 1 << 20, &len);
	assert_non_null(strstr(buf, "palau.yaml"));
	free(buf);
	/* A cache that cannot be written costs nothing but time. */
	assert_int_equal(count_cached("/nonexistent/dir"), 3);
	free(cache);
	free(content);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_and_laziness),
		cmocka_unit_test(test_several_directories),
		cmocka_unit_test(test_scan_cache),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
