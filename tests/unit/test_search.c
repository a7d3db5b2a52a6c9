/* test_search.c — corpus-wide search: one result per place, the index and
 * the scan giving the same answer, snippets, results as they come, the
 * index in its cache (built, reused, rebuilt on any change or damage, a
 * file cut short underneath), the index built on a thread, search as you
 * type. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/icu.h"
#include "base/paths.h"
#include "base/util.h"
#include "tmpdir_fixture.h"
#include "content/corpus.h"
#include "search/index.h"
#include "search/search.h"
#include "search/words.h"
#include "text/textwrap.h"


static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void doc_file(const char *slug, int year, const char *text)
{
	char *dir = xasprintf("%s/c/tip/%d", tmpdir, year), *path = xasprintf("%s/%s.yaml", dir, slug);
	char *body = xasprintf("country: %s\nyear: %d\ntier: \"2\"\ntitle: T\ncomplete: true\nsections:\n"
			       "  - id: overview\n    title: Overview\n    text: |\n      %s\n"
			       "  - id: prosecution\n    title: Prosecution\n    text: |\n"
			       "      The government made law enforcement efforts.\n"
			       "  - id: recommendations\n    items:\n      - \"Increase law enforcement efforts.\"\n",
			       slug, year, text);

	mkdir(dir, 0700);
	write_file(path, body);
	free(body);
	free(dir);
	free(path);
}

static int setup(void **state)
{
	char *p;

	(void)state;
	if (!mkdtemp(tmpdir))
		return -1;
	p = xasprintf("%s/c/tip", tmpdir);
	assert_true(paths_mkdirs(p));
	free(p);
	p = xasprintf("%s/c/tip/collection.yaml", tmpdir);
	write_file(p, "title: Trafficking in Persons Report\nkind: annual-report\n");
	free(p);
	doc_file("cote-divoire", 2021, "The Government of C\xc3\xb4te d\xe2\x80\x99Ivoire does not fully meet the "
				       "minimum standards. Traffickers exploit children in cocoa farming and forced labour.");
	doc_file("kenya", 2022, "The Government of Kenya fully meets the minimum standards. "
				"Children in \xef\xbd\x83\xef\xbd\x8f\xef\xbd\x83\xef\xbd\x8f\xef\xbd\x81 farms and "
				"\xe4\xb8\xad\xe6\x96\x87 text; the People's forced labor.\n\n      Cocoa again.");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	assert_int_equal(remove_tree(tmpdir), 0);
	icu_cleanup();
	return 0;
}

static struct corpus *open_dir(const char *dir, struct diags *d)
{
	const char *dirs[] = { dir };
	char *countries = path_join(TIPR_SRCDIR, "content/countries.yaml");
	struct corpus *c = corpus_open(dirs, 1, countries, d);

	free(countries);
	assert_non_null(c);
	return c;
}

static struct corpus *open_tmp(struct diags *d)
{
	char *dir = xasprintf("%s/c", tmpdir);
	struct corpus *c = open_dir(dir, d);

	free(dir);
	return c;
}

static struct corpus *open_bundled(struct diags *d)
{
	char *dir = path_join(TIPR_SRCDIR, "content");
	struct corpus *c = open_dir(dir, d);

	free(dir);
	return c;
}

static size_t run(struct search_index *ix, const char *text, const struct search_scope *scope,
		  struct search_results *res, struct diags *d)
{
	struct search_query q;
	const char *err;

	if (!search_query_parse(text, &q, &err))
		fail_msg("%s: %s", text, err);
	search_run(ix, &q, scope, 50, 60, res, d);
	search_query_free(&q);
	return res->total;
}

/* The results as text: every count, hit, snippet and mark. */
static char *describe(const struct search_results *r)
{
	struct strbuf sb = {0};

	sb_addf(&sb, "%zu places in %zu documents%s\n", r->total, r->n_docs, r->incomplete ? "+" : "");
	for (size_t i = 0; i < r->n_places; i++)
		if (r->places[i])
			sb_addf(&sb, "doc %zu: %u\n", i, r->places[i]);
	for (size_t i = 0; i < r->n_hits; i++) {
		const struct search_hit *h = &r->hits[i];

		sb_addf(&sb, "%s %d %s/%zu [%zu,%zu) %s", h->doc->slug, h->doc->year, h->section_id, h->block, h->start,
			h->end, h->snippet);
		for (size_t k = 0; k < h->n_marks; k++)
			sb_addf(&sb, " <%zu,%zu>", h->marks[k].start, h->marks[k].end);
		sb_addc(&sb, '\n');
	}
	return sb_detach(&sb);
}

static const char *const queries[] = {
	"cocoa", "COCOA", "children cocoa", "\"law enforcement efforts\"", "cote", "government -kenya",
	"forced labor", "\"forced labour\"", "peoples", "people", "coc*", "cocoa OR kenya", "\"minimum standards\" -fully",
	"\xe4\xb8\xad\xe6\x96\x87", "ildren", "fair trials", "\"fair trials\"", "dprk", "labor OR labour -children",
	"prison camps", "\"prison camps\" -forced", "traffick*", "people's republic", "covid-19",
};

/* One place, one result: "fair trials" lists the sentence once, both words
 * marked (the case, on the bundled narratives). */
static void test_one_hit_per_place(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_bundled(&d);
	struct search_index *ix = search_index_new(c);
	struct search_results res;
	struct search_scope all = {0};

	(void)state;
	assert_int_equal(run(ix, "fair trials", &all, &res, &d), 2);
	assert_int_equal(res.n_hits, 2);
	for (size_t i = 0; i < res.n_hits; i++) {
		const struct search_hit *h = &res.hits[i];

		assert_string_equal(h->doc->slug, "korea-north");
		assert_string_equal(h->section_id, "prosecution");
		assert_int_equal(h->n_marks, 2);
		assert_memory_equal(h->snippet + h->marks[0].start, "Fair", 4);
		assert_memory_equal(h->snippet + h->marks[1].start, "trials", 6);
	}
	search_results_free(&res);
	/* Words are all needed, in one place: these two never meet. */
	assert_int_equal(run(ix, "cocoa dprk", &all, &res, &d), 0);
	search_results_free(&res);
	search_index_free(ix);
	corpus_free(c);
	diags_free(&d);
}

static void test_semantics(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_tmp(&d);
	struct search_index *ix = search_index_new(c);
	struct search_results res;
	struct search_scope all = {0}, kenya = { .country = "kenya" }, pros = { .section = "prosecution" },
			    y2021 = { .year = 2021 };

	(void)state;
	/* Accents, case and width. */
	assert_int_equal(run(ix, "cote", &all, &res, &d), 1);
	assert_memory_equal(res.hits[0].snippet + res.hits[0].snip_start, "C\xc3\xb4te", 5);
	search_results_free(&res);
	assert_int_equal(run(ix, "COCOA", &all, &res, &d), 3);
	assert_int_equal(res.n_docs, 2);
	search_results_free(&res);
	/* Whole words: the start of one is not it, unless asked with *. */
	assert_int_equal(run(ix, "ildren", &all, &res, &d), 0);
	search_results_free(&res);
	assert_int_equal(run(ix, "child", &all, &res, &d), 0);
	search_results_free(&res);
	assert_int_equal(run(ix, "child*", &all, &res, &d), 2);
	search_results_free(&res);
	/* British and American spellings, and apostrophes. */
	assert_int_equal(run(ix, "\"forced labor\"", &all, &res, &d), 2);
	search_results_free(&res);
	assert_int_equal(run(ix, "labour", &all, &res, &d), 2);
	search_results_free(&res);
	assert_int_equal(run(ix, "peoples", &all, &res, &d), 1);
	search_results_free(&res);
	assert_int_equal(run(ix, "people's", &all, &res, &d), 1);
	search_results_free(&res);
	/* OR, and leaving out. */
	assert_int_equal(run(ix, "cocoa OR efforts", &all, &res, &d), 7);
	search_results_free(&res);
	assert_int_equal(run(ix, "cocoa -children", &all, &res, &d), 1);
	assert_string_equal(res.hits[0].snippet, "Cocoa again.");
	search_results_free(&res);
	/* Scopes: a country, a year, a section. */
	assert_int_equal(run(ix, "efforts", &kenya, &res, &d), 2);
	search_results_free(&res);
	assert_int_equal(run(ix, "efforts", &y2021, &res, &d), 2);
	search_results_free(&res);
	assert_int_equal(run(ix, "efforts", &pros, &res, &d), 2);
	for (size_t i = 0; i < res.n_hits; i++)
		assert_string_equal(res.hits[i].section_title, "Prosecution");
	search_results_free(&res);
	/* A list item is a place too. */
	assert_int_equal(run(ix, "increase", &all, &res, &d), 2);
	assert_string_equal(res.hits[0].section_id, "recommendations");
	assert_int_equal(res.hits[0].block, 0);
	search_results_free(&res);
	search_index_free(ix);
	corpus_free(c);
	assert_int_equal(d.n_errors, 0);
	diags_free(&d);
}

/* Snippets: within the width, cut after whole words, an ellipsis where
 * cut, every match shown marked. */
static void test_snippets(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_bundled(&d);
	struct search_index *ix = search_index_new(c);
	struct search_results res;
	struct search_scope all = {0};
	struct search_query q;
	const char *err;

	(void)state;
	assert_true(search_query_parse("government labor", &q, &err));
	for (size_t width = 20; width <= 120; width += 25) {
		search_run(ix, &q, &all, 100, width, &res, &d);
		assert_true(res.n_hits > 10);
		for (size_t i = 0; i < res.n_hits; i++) {
			const struct search_hit *h = &res.hits[i];
			const char *s = h->snippet;
			size_t n = strlen(s);

			assert_true(h->n_marks >= 1);
			assert_true(text_width(s, n) <= width + 2);
			if (!strncmp(s, "\xe2\x80\xa6", 3))
				assert_true(s[3] != ' ');
			if (n > 3 && !strcmp(s + n - 3, "\xe2\x80\xa6"))
				assert_true(s[n - 4] != ' ');
			for (size_t k = 0; k < h->n_marks; k++) {
				assert_true(h->marks[k].end <= n);
				assert_true(k == 0 || h->marks[k].start > h->marks[k - 1].end);
			}
		}
		search_results_free(&res);
	}
	search_query_free(&q);
	search_index_free(ix);
	corpus_free(c);
	diags_free(&d);
}

/* The word index gives what reading the corpus gives, query by query. */
static void same_both_ways(struct corpus *c, const char *cache, struct diags *d)
{
	struct search_index *scan = search_index_new(c), *ix = search_index_new(c);
	struct search_scope scopes[] = { { 0 }, { .section = "prosecution" }, { .year = 2022 } };

	assert_true(search_index_load(ix, cache));
	for (size_t i = 0; i < ARRAY_SIZE(queries); i++)
		for (size_t s = 0; s < ARRAY_SIZE(scopes); s++) {
			struct search_results a, b;
			char *x, *y;

			run(scan, queries[i], &scopes[s], &a, d);
			run(ix, queries[i], &scopes[s], &b, d);
			x = describe(&a);
			y = describe(&b);
			if (strcmp(x, y))
				fail_msg("%s: read %s, indexed %s", queries[i], x, y);
			free(x);
			free(y);
			search_results_free(&a);
			search_results_free(&b);
		}
	assert_true(search_index_indexed(ix) && !search_index_damaged(ix));
	search_index_free(scan);
	search_index_free(ix);
}

static void test_index_is_scan(void **state)
{
	char *cache = xasprintf("%s/cache/bundled.bin", tmpdir);
	struct diags d = {0};
	struct corpus *c = open_bundled(&d);
	bool rebuilt;
	struct search_index *ix = search_index_open(c, cache, NULL, NULL, &rebuilt, &d);

	(void)state;
	assert_true(rebuilt && search_index_indexed(ix));
	search_index_free(ix);
	same_both_ways(c, cache, &d);
	corpus_free(c);
	c = open_tmp(&d);
	ix = search_index_open(c, cache, NULL, NULL, &rebuilt, &d);
	assert_true(rebuilt);
	search_index_free(ix);
	same_both_ways(c, cache, &d);
	corpus_free(c);
	assert_int_equal(d.n_errors, 0);
	diags_free(&d);
	free(cache);
}

/* Results come as the documents are read: each step adds to the last, and
 * the whole is the search in one call. */
static void test_steps(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_bundled(&d);
	struct search_index *ix = search_index_new(c);
	struct search_scope all = {0};
	struct search_results whole;
	struct search_query q;
	struct search_run *r;
	size_t hits = 0, done = 0, total, steps = 0;
	const char *err;
	char *x, *y;

	(void)state;
	assert_true(search_query_parse("government", &q, &err));
	search_run(ix, &q, &all, 30, 60, &whole, &d);
	r = search_start(ix, &q, &all, 30, 60);
	while (!search_step(r, 1, &d)) {
		const struct search_results *now = search_run_results(r);
		size_t was = done;

		search_run_progress(r, &done, &total);
		assert_true(done == was + 1 && total == 7);
		assert_true(now->n_hits >= hits);
		hits = now->n_hits;
		steps++;
	}
	assert_true(steps >= 5);
	search_finish(r, NULL);
	r = search_start(ix, &q, &all, 30, 60);
	while (!search_step(r, 2, &d))
		;
	{
		struct search_results stepped;

		search_finish(r, &stepped);
		x = describe(&whole);
		y = describe(&stepped);
		assert_string_equal(x, y);
		free(x);
		free(y);
		search_results_free(&stepped);
	}
	/* First only (as you type): stops at the limit, the counts "at least". */
	all.first_only = true;
	r = search_start(ix, &q, &all, 3, 60);
	while (!search_step(r, 100, &d))
		;
	assert_true(search_run_results(r)->incomplete);
	assert_int_equal(search_run_results(r)->n_hits, 3);
	search_finish(r, NULL);
	search_results_free(&whole);
	search_query_free(&q);
	search_index_free(ix);
	corpus_free(c);
	diags_free(&d);
}

static size_t temp_files(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	if (!dp)
		return 0;
	while ((e = readdir(dp)))
		n += strstr(e->d_name, ".tmp") != NULL;
	closedir(dp);
	return n;
}

static void flip(const char *path, long at)
{
	FILE *f = fopen(path, "r+b");
	int ch;

	assert_non_null(f);
	fseek(f, at, SEEK_SET);
	ch = fgetc(f);
	fseek(f, at, SEEK_SET);
	fputc(ch ^ 0x08, f);
	assert_int_equal(fclose(f), 0);
}

/* Runs q through ix and truth: the same answers. */
static void same_answer(struct search_index *ix, struct search_index *truth, const char *q,
			const struct search_scope *scope, struct diags *d)
{
	struct search_results a, b;
	char *x, *y;

	run(truth, q, scope, &a, d);
	run(ix, q, scope, &b, d);
	x = describe(&a);
	y = describe(&b);
	if (strcmp(x, y))
		fail_msg("%s: %s, not %s", q, y, x);
	free(x);
	free(y);
	search_results_free(&a);
	search_results_free(&b);
}

/* Every word of the corpus (so that every part of an index is read). */
static size_t corpus_words(struct corpus *c, char ***out)
{
	struct search_index *ix = search_index_new(c);
	struct search_query q;
	struct search_results res;
	struct search_scope all = {0};
	struct diags d = {0};
	char **v = NULL;
	size_t n = 0, cap = 0;
	const char *err;

	/* The words are those of the snippets of a search for anything. */
	assert_true(search_query_parse("a* OR b* OR c* OR d* OR e* OR f* OR g* OR h* OR i* OR j* OR k* OR l* OR "
				       "m* OR n* OR o* OR p* OR q* OR r* OR s* OR t* OR u* OR v* OR w* OR x* OR "
				       "y* OR z* OR 0* OR 1* OR 2* OR 3* OR 4* OR 5* OR 6* OR 7* OR 8* OR 9* OR "
				       "\xe4\xb8\xad\xe6\x96\x87",
				       &q, &err));
	search_run(ix, &q, &all, 1000, 1000, &res, &d);
	for (size_t i = 0; i < res.n_hits; i++) {
		struct words w;
		struct word wd;

		words_init(&w, res.hits[i].snippet, strlen(res.hits[i].snippet), 0);
		while (words_next(&w, &wd)) {
			size_t k = 0;

			while (k < n && strcmp(v[k], wd.key))
				k++;
			if (k < n)
				continue;
			GROW(v, cap, n + 1);
			v[n++] = xstrdup(wd.key);
		}
		words_done(&w);
	}
	search_results_free(&res);
	search_query_free(&q);
	search_index_free(ix);
	diags_free(&d);
	*out = v;
	return n;
}

/* Runs every query and every word through ix, with and without a section;
 * false when ix found itself damaged.  The answers are right either way. */
static bool all_queries(struct search_index *ix, struct search_index *truth, char **words, size_t n_words,
			struct diags *d)
{
	struct search_scope scopes[] = { { 0 }, { .section = "prosecution" } };

	for (size_t s = 0; s < ARRAY_SIZE(scopes); s++) {
		for (size_t i = 0; i < ARRAY_SIZE(queries); i++)
			same_answer(ix, truth, queries[i], &scopes[s], d);
		for (size_t i = 0; i < n_words; i++)
			same_answer(ix, truth, words[i], &scopes[s], d);
	}
	return !search_index_damaged(ix);
}

static void test_cache(void **state)
{
	char *dir = xasprintf("%s/cache", tmpdir), *cache = xasprintf("%s/tmp.bin", dir);
	char *file = xasprintf("%s/c/tip/2022/kenya.yaml", tmpdir);
	struct diags d = {0};
	struct corpus *c = open_tmp(&d);
	struct search_index *ix, *truth = search_index_new(c);
	struct search_results res;
	struct search_scope all = {0};
	struct timespec times[2];
	struct stat st;
	bool rebuilt;
	size_t len, n_words;
	char *text, **words;

	(void)state;
	n_words = corpus_words(c, &words);
	assert_true(n_words > 30);
	ix = search_index_open(c, cache, NULL, NULL, &rebuilt, &d);
	assert_true(rebuilt);
	search_index_free(ix);
	/* Reused while nothing changes. */
	ix = search_index_open(c, cache, NULL, NULL, &rebuilt, &d);
	assert_false(rebuilt);
	assert_int_equal(run(ix, "cote", &all, &res, &d), 1);
	search_results_free(&res);
	search_index_free(ix);
	/* Every byte of the file flipped in turn: the index is refused, or a
	 * search finds the damage; the answers are always right. */
	assert_int_equal(stat(cache, &st), 0);
	for (long at = 0; at < st.st_size; at += st.st_size / 97 + 1) {
		bool refused;

		flip(cache, at);
		ix = search_index_new(c);
		refused = !search_index_load(ix, cache);
		if (!all_queries(ix, truth, words, n_words, &d))
			refused = true;
		if (!refused)
			fail_msg("byte %ld of %ld: damage not seen", at, (long)st.st_size);
		search_index_free(ix);
		flip(cache, at);
	}
	/* Cut short underneath an open index: a damaged index, no crash. */
	ix = search_index_new(c);
	assert_true(search_index_load(ix, cache));
	assert_int_equal(truncate(cache, st.st_size / 2), 0);
	assert_false(all_queries(ix, truth, words, n_words, &d));
	search_index_free(ix);
	/* An edit that keeps the size, its time put back (touch -d): seen. */
	ix = search_index_open(c, cache, NULL, NULL, &rebuilt, &d);
	assert_true(rebuilt);
	search_index_free(ix);
	assert_int_equal(stat(file, &st), 0);
	text = read_file(file, 1 << 20, &len);
	memcpy(strstr(text, "Cocoa again"), "Vanil again", 11);
	write_file(file, text);
	free(text);
	times[0] = st.st_atim;
	times[1] = st.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, file, times, 0), 0);
	ix = search_index_new(c);
	assert_false(search_index_load(ix, cache));
	search_index_free(ix);
	ix = search_index_open(c, cache, NULL, NULL, &rebuilt, &d);
	assert_true(rebuilt);
	assert_int_equal(run(ix, "vanil", &all, &res, &d), 1);
	search_results_free(&res);
	search_index_free(ix);
	/* Not a regular file where the cache goes: read, never opened. */
	assert_int_equal(unlink(cache), 0);
	assert_int_equal(mkfifo(cache, 0600), 0);
	ix = search_index_new(c);
	assert_false(search_index_load(ix, cache));
	search_index_free(ix);
	unlink(cache);
	/* A cache that cannot be written: said once, and searches read the
	 * corpus. */
	ix = search_index_open(c, "/dev/null/tipr/search.bin", NULL, NULL, &rebuilt, &d);
	assert_true(rebuilt && !search_index_indexed(ix));
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "cannot save the search cache"));
	assert_int_equal(run(ix, "cote", &all, &res, &d), 1);
	search_results_free(&res);
	search_index_free(ix);
	assert_int_equal(temp_files(dir), 0);
	for (size_t i = 0; i < n_words; i++)
		free(words[i]);
	free(words);
	search_index_free(truth);
	corpus_free(c);
	diags_free(&d);
	free(file);
	free(cache);
	free(dir);
}

/* The first search: the corpus read while the index is built on a thread;
 * then the index is used.  Stopped half way, nothing is left behind. */
static void test_background(void **state)
{
	char *dir = xasprintf("%s/bg", tmpdir), *cache = xasprintf("%s/search.bin", dir);
	struct diags d = {0};
	struct corpus *c = open_bundled(&d);
	struct search_index *ix = search_index_new(c), *truth = search_index_new(c);
	struct search_build *b;
	size_t done, total;

	(void)state;
	b = search_build_start(ix, cache);
	/* Searches go on, reading the corpus, while it is built. */
	assert_true(all_queries(ix, truth, NULL, 0, &d));
	while (!search_build_wait(b, 1000))
		;
	search_build_progress(b, &done, &total);
	assert_int_equal(done, total);
	assert_true(search_build_finish(b, &d));
	assert_true(search_index_indexed(ix));
	assert_true(all_queries(ix, truth, NULL, 0, &d));
	search_index_free(ix);
	unlink(cache);
	/* Stopped at once (the thread may have finished first: then the
	 * index is whole), no temporary file stays. */
	ix = search_index_new(c);
	b = search_build_start(ix, cache);
	search_build_cancel(b);
	assert_int_equal(temp_files(dir), 0);
	assert_int_equal(search_index_load(ix, cache), access(cache, F_OK) == 0);
	search_index_free(ix);
	unlink(cache);
	{
		atomic_bool stop;
		const char *paths[] = { "/nonexistent" };

		atomic_init(&stop, true);
		errno = 0;
		assert_false(index_build(cache, paths, 1, NULL, NULL, &stop, &d));
		assert_int_equal(errno, ECANCELED);
		assert_int_equal(access(cache, F_OK), -1);
		assert_int_equal(temp_files(dir), 0);
	}
	search_index_free(truth);
	corpus_free(c);
	assert_int_equal(d.n_errors, 0);
	diags_free(&d);
	free(cache);
	free(dir);
}

/* Search as you type: each step agrees with a search from scratch (the
 * last word a prefix while typing), narrowed or not; deleting back gives
 * the earlier results again, without searching. */
static void test_typing(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_tmp(&d);
	struct search_index *ix = search_index_new(c);
	struct search_typing t = {0};
	struct search_results cur = {0}, fresh;
	struct search_scope scope = { .first_only = true };
	static const char *const steps[] = { "c", "co", "coc", "coco", "cocoa", "cocoa ", "cocoa c", "cocoa ch" };
	static const char *const fresh_q[] = { "c*", "co*", "coc*", "coco*", "cocoa*", "cocoa", "cocoa c*",
					       "cocoa ch*" };
	const struct search_hit *at_coc = NULL;
	const char *err;

	(void)state;
	for (size_t limit = 1; limit <= 50; limit += 49) {
		search_typing_reset(&t);
		for (size_t i = 0; i < ARRAY_SIZE(steps); i++) {
			assert_true(search_typing_update(&t, ix, steps[i], &scope, limit, 40, &cur, &err, &d));
			run(ix, fresh_q[i], &(struct search_scope){ 0 }, &fresh, &d);
			assert_int_equal(cur.incomplete, limit == 1 && fresh.total > 1 && cur.n_hits == 1 &&
								 fresh.n_docs > 0 && cur.total < fresh.total);
			if (!cur.incomplete) {
				assert_int_equal(cur.total, fresh.total);
				assert_int_equal(cur.n_docs, fresh.n_docs);
			}
			search_results_free(&fresh);
			if (!strcmp(steps[i], "coc"))
				at_coc = cur.hits;
		}
	}
	assert_int_equal(cur.n_docs, 2); /* "cocoa ch*": children, in both */
	assert_true(search_typing_update(&t, ix, "coc", &scope, 50, 40, &cur, &err, &d));
	assert_ptr_equal(cur.hits, at_coc);
	assert_true(search_typing_update(&t, ix, "cx", &scope, 50, 40, &cur, &err, &d));
	assert_int_equal(cur.total, 0);
	assert_false(search_typing_update(&t, ix, " ", &scope, 50, 40, &cur, &err, &d));
	assert_null(cur.hits);
	assert_true(search_typing_update(&t, ix, "cote", &scope, 50, 40, &cur, &err, &d));
	assert_int_equal(cur.total, 1);
	search_typing_reset(&t);
	search_results_free(&cur);
	search_index_free(ix);
	corpus_free(c);
	assert_int_equal(d.n_errors, 0);
	diags_free(&d);
}

/* Typing in steps, as the reader shows results while it reads: a search
 * begun and stepped, one dropped when a key comes first, one known at
 * once when deleting back. */
static void test_typing_steps(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_tmp(&d);
	struct search_index *ix = search_index_new(c);
	struct search_typing t = {0};
	struct search_results cur = {0}, fresh;
	struct search_scope scope = {0};
	struct search_run *r;
	size_t hits = 0;
	const char *err;

	(void)state;
	assert_true(search_typing_begin(&t, ix, "cocoa", &scope, 50, 40, &cur, &r, &err));
	assert_non_null(r);
	while (!search_step(r, 1, &d)) {
		assert_true(search_run_results(r)->n_hits >= hits);
		hits = search_run_results(r)->n_hits;
	}
	search_typing_end(&t, r, &cur);
	run(ix, "cocoa*", &scope, &fresh, &d);
	assert_int_equal(cur.total, fresh.total);
	search_results_free(&fresh);
	/* A key typed before the search ended: it is dropped. */
	assert_true(search_typing_begin(&t, ix, "cocoa c", &scope, 50, 40, &cur, &r, &err));
	assert_non_null(r);
	search_step(r, 1, &d);
	search_finish(r, NULL);
	assert_true(search_typing_begin(&t, ix, "cocoa ch", &scope, 50, 40, &cur, &r, &err));
	while (!search_step(r, 1, &d))
		;
	search_typing_end(&t, r, &cur);
	run(ix, "cocoa ch*", &scope, &fresh, &d);
	assert_int_equal(cur.total, fresh.total);
	assert_int_equal(cur.n_docs, 2);
	search_results_free(&fresh);
	/* Back to a query searched before: known at once. */
	assert_true(search_typing_begin(&t, ix, "cocoa", &scope, 50, 40, &cur, &r, &err));
	assert_null(r);
	run(ix, "cocoa*", &scope, &fresh, &d);
	assert_int_equal(cur.total, fresh.total);
	search_results_free(&fresh);
	search_typing_reset(&t);
	search_results_free(&cur);
	search_index_free(ix);
	corpus_free(c);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_hit_per_place), cmocka_unit_test(test_semantics),
		cmocka_unit_test(test_snippets),          cmocka_unit_test(test_index_is_scan),
		cmocka_unit_test(test_steps),             cmocka_unit_test(test_cache),
		cmocka_unit_test(test_background),        cmocka_unit_test(test_typing),
		cmocka_unit_test(test_typing_steps),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
