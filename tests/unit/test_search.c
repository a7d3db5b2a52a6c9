/* test_search.c — queries, folding, snippets, the cache: build, reuse,
 * invalidation and corruption. */
#include "config.h"

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

#include "content/corpus.h"
#include "base/icu.h"
#include "search/search.h"
#include "base/util.h"

static char tmpdir[] = "/tmp/tipr-search-XXXXXX";

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
			       "  - id: prosecution\n    title: Prosecution\n    text: |\n      The government made law enforcement efforts.\n",
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
	p = xasprintf("%s/c", tmpdir);
	mkdir(p, 0700);
	free(p);
	p = xasprintf("%s/c/tip", tmpdir);
	mkdir(p, 0700);
	free(p);
	p = xasprintf("%s/c/tip/collection.yaml", tmpdir);
	write_file(p, "title: Trafficking in Persons Report\nkind: annual-report\n");
	free(p);
	doc_file("cote-divoire", 2021, "The Government of C\xc3\xb4te d\xe2\x80\x99Ivoire does not fully meet the "
				       "minimum standards. Traffickers exploit children in cocoa farming.");
	doc_file("kenya", 2022, "The Government of Kenya fully meets the minimum standards. "
				"Children in \xef\xbd\x83\xef\xbd\x8f\xef\xbd\x83\xef\xbd\x8f\xef\xbd\x81 farms and "
				"\xe4\xb8\xad\xe6\x96\x87 text with an escape at the end.");
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	(void)state;
	assert_int_equal(system(cmd), 0);
	free(cmd);
	icu_cleanup();
	return 0;
}

static struct corpus *open_corpus(struct diags *d)
{
	char *dir = xasprintf("%s/c", tmpdir);
	const char *dirs[] = { dir };
	char *countries = path_join(TIPR_SRCDIR, "content/countries.yaml");
	struct corpus *c = corpus_open(dirs, 1, countries, d);

	free(dir);
	free(countries);
	assert_non_null(c);
	return c;
}

static void test_query_parse(void **state)
{
	struct search_query q;
	const char *err;

	(void)state;
	assert_true(search_query_parse("  Forced  \"LAW enforcement\" c\xc3\xb4te ", &q, &err));
	assert_int_equal(q.n_terms, 3);
	assert_string_equal(q.terms[0], "forced");
	assert_string_equal(q.terms[1], "law enforcement");
	assert_string_equal(q.terms[2], "cote");
	search_query_free(&q);
	assert_true(search_query_parse("\"unclosed phrase", &q, &err));
	assert_int_equal(q.n_terms, 1);
	assert_string_equal(q.terms[0], "unclosed phrase");
	search_query_free(&q);
	assert_false(search_query_parse("   \"\"  ", &q, &err));
	assert_non_null(err);
}

static size_t run(struct search_index *ix, const char *text, const struct search_scope *scope,
		  struct search_results *res, struct diags *d)
{
	struct search_query q;
	const char *err;

	assert_true(search_query_parse(text, &q, &err));
	search_run(ix, &q, scope, 50, 40, res, d);
	search_query_free(&q);
	return res->total;
}

static void test_search_and_snippets(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_corpus(&d);
	bool rebuilt;
	struct search_index *ix = search_index_open(c, NULL, false, NULL, NULL, &rebuilt, &d);
	struct search_results res;
	struct search_scope all = {0}, kenya = { .country = "kenya" }, pros = { .section = "prosecution" };

	(void)state;
	assert_true(rebuilt);
	assert_int_equal(search_index_docs(ix), 2);
	/* Accents and case: "cote" finds "Côte". */
	assert_int_equal(run(ix, "cote", &all, &res, &d), 1);
	assert_string_equal(res.hits[0].doc->slug, "cote-divoire");
	assert_memory_equal(res.hits[0].snippet + res.hits[0].snip_start, "C\xc3\xb4te", 5);
	search_results_free(&res);
	/* Width: fullwidth "ｃｏｃｏａ" is found by "cocoa", in both documents. */
	assert_int_equal(run(ix, "COCOA", &all, &res, &d), 2);
	assert_int_equal(res.n_docs, 2);
	search_results_free(&res);
	/* Every term in the document; words match from their start only. */
	assert_int_equal(run(ix, "children cocoa", &all, &res, &d), 4);
	search_results_free(&res);
	assert_int_equal(run(ix, "ildren", &all, &res, &d), 0);
	search_results_free(&res);
	/* Phrases, scopes. */
	assert_int_equal(run(ix, "\"law enforcement efforts\"", &all, &res, &d), 2);
	search_results_free(&res);
	assert_int_equal(run(ix, "\"law enforcement efforts\"", &kenya, &res, &d), 1);
	search_results_free(&res);
	assert_int_equal(run(ix, "government", &pros, &res, &d), 2);
	for (size_t i = 0; i < res.n_hits; i++)
		assert_int_equal(res.hits[i].section, 1);
	search_results_free(&res);
	/* Snippets are inert and cut on character boundaries. */
	assert_int_equal(run(ix, "text", &all, &res, &d), 1);
	assert_non_null(strstr(res.hits[0].snippet, "\xe4\xb8\xad\xe6\x96\x87"));
	search_results_free(&res);
	search_index_free(ix);
	corpus_free(c);
	diags_free(&d);
}

/* Search as you type: each step agrees with a search from scratch, even
 * when a shorter query stopped at the hit limit; deleting back gives the
 * earlier step's results again, the same ones, without searching. */
static void test_typing(void **state)
{
	struct diags d = {0};
	struct corpus *c = open_corpus(&d);
	bool rebuilt;
	struct search_index *ix = search_index_open(c, NULL, false, NULL, NULL, &rebuilt, &d);
	struct search_typing t = {0};
	struct search_results cur = {0}, fresh;
	struct search_scope scope = { .first_only = true };
	static const char *const steps[] = { "c", "co", "coc", "coco", "cocoa", "cocoa c", "cocoa ch" };
	const struct search_hit *at_coc = NULL;
	const char *err;

	(void)state;
	/* With one hit allowed every step stops early (no narrowing); with
	 * fifty each is complete and the next searches only where it matched. */
	for (size_t limit = 1; limit <= 50; limit += 49) {
		search_typing_reset(&t);
		for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
			assert_true(search_typing_update(&t, ix, steps[i], &scope, limit, 40, &cur, &err, &d));
			run(ix, steps[i], &(struct search_scope){0}, &fresh, &d);
			assert_int_equal(cur.incomplete, limit == 1 && fresh.total > 1);
			if (!cur.incomplete) {
				assert_int_equal(cur.total, fresh.total);
				assert_int_equal(cur.n_docs, fresh.n_docs);
			}
			search_results_free(&fresh);
			if (!strcmp(steps[i], "coc"))
				at_coc = cur.hits;
		}
	}
	assert_int_equal(cur.n_docs, 2); /* "cocoa ch": in both documents */
	assert_true(search_typing_update(&t, ix, "coc", &scope, 50, 40, &cur, &err, &d));
	assert_ptr_equal(cur.hits, at_coc);
	/* Off the way: a new branch, and nothing to search for. */
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

static void test_cache(void **state)
{
	struct diags d = {0};
	char *cache = xasprintf("%s/cache/search.bin", tmpdir);
	struct corpus *c = open_corpus(&d);
	bool rebuilt;
	struct search_index *ix;
	struct search_results res;
	struct search_scope all = {0};
	FILE *f;
	long size;

	(void)state;
	ix = search_index_open(c, cache, false, NULL, NULL, &rebuilt, &d);
	assert_true(rebuilt);
	assert_int_equal(d.n, 0);
	search_index_free(ix);
	/* Reused while nothing changes; read lean (pages given back as it
	 * goes, as tipr search does) it finds the same. */
	ix = search_index_open(c, cache, true, NULL, NULL, &rebuilt, &d);
	assert_false(rebuilt);
	assert_int_equal(run(ix, "cote", &all, &res, &d), 1);
	search_results_free(&res);
	search_index_free(ix);
	corpus_free(c);
	/* An edited document invalidates it (size and time). */
	doc_file("kenya", 2022, "Kenya now mentions c\xc3\xb4te once.");
	c = open_corpus(&d);
	ix = search_index_open(c, cache, false, NULL, NULL, &rebuilt, &d);
	assert_true(rebuilt);
	assert_int_equal(run(ix, "cote", &all, &res, &d), 2);
	search_results_free(&res);
	search_index_free(ix);
	/* A garbled cache is rebuilt, never trusted. */
	f = fopen(cache, "r+b");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, size / 2, SEEK_SET);
	fputs("GARBAGE", f);
	fclose(f);
	ix = search_index_open(c, cache, true, NULL, NULL, &rebuilt, &d);
	assert_true(rebuilt);
	assert_int_equal(run(ix, "cote", &all, &res, &d), 2);
	search_results_free(&res);
	search_index_free(ix);
	/* And a truncated one. */
	assert_int_equal(truncate(cache, 40), 0);
	ix = search_index_open(c, cache, false, NULL, NULL, &rebuilt, &d);
	assert_true(rebuilt);
	search_index_free(ix);
	assert_int_equal(d.n, 0);
	/* A cache that cannot be written: said once, and the search still
	 * works from memory. */
	ix = search_index_open(c, "/dev/null/tipr/search.bin", true, NULL, NULL, &rebuilt, &d);
	assert_true(rebuilt);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "cannot save the search cache"));
	assert_int_equal(run(ix, "cote", &all, &res, &d), 2);
	search_results_free(&res);
	search_index_free(ix);
	corpus_free(c);
	assert_int_equal(d.n_errors, 0);
	diags_free(&d);
	free(cache);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query_parse),
		cmocka_unit_test(test_search_and_snippets),
		cmocka_unit_test(test_typing),
		cmocka_unit_test(test_cache),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
