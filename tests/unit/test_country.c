/* test_country.c — the bundled country table and lookup: slugs, ISO codes,
 * aliases, accents and case, prefixes, ambiguity, collation order. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "content/country.h"
#include "content/document.h"
#include "text/fold.h"
#include "base/icu.h"
#include "base/util.h"
#include "tmpdir_fixture.h"

static struct countries *cs;

static int setup(void **state)
{
	struct diags d = {0};
	char *path = path_join(TIPR_SRCDIR, "content/countries.yaml");

	(void)state;
	cs = countries_load(path, &d);
	free(path);
	if (d.n)
		return -1;
	diags_free(&d);
	return cs ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	countries_free(cs);
	icu_cleanup();
	return 0;
}

static const char *find(const char *q)
{
	const struct country *c;

	return countries_lookup(cs, q, &c, NULL, 0, NULL) == LOOKUP_FOUND ? c->slug : NULL;
}

static void test_table(void **state)
{
	const struct country *c;

	(void)state;
	assert_true(countries_count(cs) >= 185 && countries_count(cs) <= 200);
	c = countries_by_slug(cs, "korea-north");
	assert_non_null(c);
	assert_string_equal(c->iso3, "PRK");
	assert_string_equal(c->name, "Korea, Democratic People's Republic of");
	assert_string_equal(country_display_name(c), "North Korea");
	assert_null(countries_by_slug(cs, "atlantis"));
	/* Every entry has a slug, a name, a 3-letter code and a region. */
	for (size_t i = 0; i < countries_count(cs); i++) {
		c = countries_at(cs, i);
		assert_true(slug_valid(c->slug));
		assert_int_equal(strlen(c->iso3), 3);
		assert_non_null(c->region);
		assert_int_equal(countries_rank(cs, c->slug), i);
	}
}

static void test_lookup(void **state)
{
	const struct country *c, *cands[8];
	size_t n;

	(void)state;
	assert_string_equal(find("korea-north"), "korea-north");
	assert_string_equal(find("PRK"), "korea-north");
	assert_string_equal(find("prk"), "korea-north");
	assert_string_equal(find("dprk"), "korea-north");
	assert_string_equal(find("North Korea"), "korea-north");
	assert_string_equal(find("burma"), "burma");
	assert_string_equal(find("Myanmar"), "burma");
	assert_string_equal(find("cote d'ivoire"), "cote-divoire");
	assert_string_equal(find("C\xc3\x94TE D\xe2\x80\x99IVOIRE"), "cote-divoire");
	assert_string_equal(find("niger"), "niger");   /* exact name before prefix */
	assert_string_equal(find("keny"), "kenya");    /* unambiguous prefix */
	assert_null(find("atlantis"));
	assert_int_equal(countries_lookup(cs, "korea", &c, cands, 8, &n), LOOKUP_AMBIGUOUS);
	assert_null(c);
	assert_int_equal(n, 2);
	assert_int_equal(countries_lookup(cs, "congo", &c, cands, 8, &n), LOOKUP_AMBIGUOUS);
	assert_int_equal(countries_lookup(cs, "  ", &c, NULL, 0, NULL), LOOKUP_NONE);
	/* Names as report headings write them. */
	assert_string_equal(countries_match_name(cs, "KOREA, DEMOCRATIC PEOPLE\xe2\x80\x99S REPUBLIC OF")->slug, "korea-north");
	assert_string_equal(countries_match_name(cs, "Republic of Korea")->slug, "korea-south");
	assert_string_equal(countries_match_name(cs, "THE BAHAMAS")->slug, "bahamas");
	assert_string_equal(countries_match_name(cs, "Gambia, The")->slug, "gambia");
	assert_null(countries_match_name(cs, "Korea"));
}

static void test_collation_order(void **state)
{
	(void)state;
	for (size_t i = 1; i < countries_count(cs); i++)
		assert_true(collate_cmp(country_display_name(countries_at(cs, i - 1)),
					country_display_name(countries_at(cs, i))) <= 0);
	/* Côte d'Ivoire among the C's. */
	assert_true(countries_rank(cs, "costa-rica") < countries_rank(cs, "cote-divoire"));
	assert_true(countries_rank(cs, "cote-divoire") < countries_rank(cs, "croatia"));
}

static void test_broken_tables(void **state)
{
	struct diags d = {0};
	char path[] = "/tmp/tipr-countries-XXXXXX";
	int fd = mkstemp(path);
	struct countries *bad;
	static const char text[] = "countries:\n  - slug: ok\n    name: Ok\n    iso3: OKK\n    region: R\n"
				   "  - slug: Bad Slug\n    name: B\n    iso3: BBB\n  - name: no slug\n";

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, sizeof(text) - 1), (ssize_t)(sizeof(text) - 1));
	close(fd);
	bad = countries_load(path, &d);
	assert_non_null(bad);
	assert_int_equal(countries_count(bad), 1);     /* bad entries reported and skipped */
	assert_true(d.n_errors >= 2);
	assert_int_equal(d.v[0].line, 6);
	countries_free(bad);
	diags_free(&d);
	unlink(path);
	assert_null(countries_load("/nonexistent.yaml", &d));
	diags_free(&d);
}

/* Every field of two tables, entry by entry, in collation order (which the
 * cache keeps). */
static void assert_same_table(const struct countries *a, const struct countries *b)
{
	assert_int_equal(countries_count(a), countries_count(b));
	for (size_t i = 0; i < countries_count(a); i++) {
		const struct country *x = countries_at(a, i), *y = countries_at(b, i);

		assert_string_equal(x->slug, y->slug);
		assert_int_equal(countries_rank(b, y->slug), i);
		assert_string_equal(x->name, y->name);
		assert_string_equal(x->iso3, y->iso3);
		assert_true((x->short_name == NULL) == (y->short_name == NULL));
		if (x->short_name)
			assert_string_equal(x->short_name, y->short_name);
		assert_true((x->region == NULL) == (y->region == NULL));
		assert_int_equal(x->line, y->line);
		assert_int_equal(x->n_aliases, y->n_aliases);
		for (size_t k = 0; k < x->n_aliases; k++)
			assert_string_equal(x->aliases[k], y->aliases[k]);
	}
}

static void test_cache(void **state)
{
	char dir[] = "/tmp/tipr-ccache-XXXXXX", *src = path_join(TIPR_SRCDIR, "content/countries.yaml");
	char *yaml, *cache, *text;
	struct diags d = {0};
	struct countries *a, *b, *m;
	struct timespec old[2] = { { .tv_nsec = UTIME_OMIT }, { 0 } };
	struct stat st;
	size_t len;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	yaml = path_join(dir, "countries.yaml");
	cache = path_join(dir, "countries.bin");
	text = read_file(src, 1 << 20, &len);
	assert_non_null(text);
	f = fopen(yaml, "w");
	assert_non_null(f);
	fwrite(text, 1, len, f);
	fclose(f);
	/* Cached at once (while it is young, with the checksum of its bytes),
	 * and the cache gives the same table. */
	a = countries_load_cached(yaml, cache, &d);
	assert_non_null(a);
	assert_int_equal(access(cache, F_OK), 0);
	b = countries_load_cached(yaml, cache, &d);
	assert_same_table(a, cs);
	assert_same_table(b, cs);
	assert_non_null(countries_by_slug(b, "korea-north"));
	/* A corpus merges it into its empty table, the order with it. */
	m = countries_new_empty();
	assert_int_equal(countries_merge(m, b), countries_count(cs));
	assert_same_table(m, cs);
	countries_free(m);
	/* Or takes it whole (and frees it); a table with entries merges. */
	m = countries_new_empty();
	assert_int_equal(countries_absorb(m, a), countries_count(cs));
	assert_same_table(m, cs);
	assert_int_equal(countries_absorb(m, b), 0);
	assert_same_table(m, cs);
	countries_free(m);
	/* A cache cut short or with a byte flipped is not believed, and is
	 * written again. */
	assert_int_equal(truncate(cache, 100), 0);
	b = countries_load_cached(yaml, cache, &d);
	assert_same_table(b, cs);
	countries_free(b);
	assert_int_equal(stat(cache, &st), 0);
	assert_true(st.st_size > 100);
	f = fopen(cache, "r+b");
	assert_non_null(f);
	fseek(f, st.st_size / 2, SEEK_SET);
	fputc(~fgetc(f), f);
	assert_int_equal(fclose(f), 0);
	b = countries_load_cached(yaml, cache, &d);
	assert_same_table(b, cs);
	countries_free(b);
	b = countries_load_cached(yaml, cache, &d);
	assert_same_table(b, cs);
	countries_free(b);
	/* An edit of the same size with the time stamp put back (touch -d):
	 * the file wins. */
	assert_int_equal(stat(yaml, &st), 0);
	memcpy(strstr(text, "short: North Korea") + 13, "Q", 1);
	f = fopen(yaml, "w");
	assert_non_null(f);
	fwrite(text, 1, len, f);
	fclose(f);
	old[1] = st.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, yaml, old, 0), 0);
	b = countries_load_cached(yaml, cache, &d);
	assert_string_equal(country_display_name(countries_by_slug(b, "korea-north")), "North Qorea");
	countries_free(b);
	/* Another file altogether. */
	f = fopen(yaml, "w");
	assert_non_null(f);
	fputs("countries:\n  - slug: atlantis\n    name: Atlantis\n    iso3: ATL\n", f);
	fclose(f);
	b = countries_load_cached(yaml, cache, &d);
	assert_int_equal(countries_count(b), 1);
	assert_non_null(countries_by_slug(b, "atlantis"));
	countries_free(b);
	assert_int_equal(d.n, 0);
	/* A table with problems is never cached: they must be said again. */
	f = fopen(yaml, "w");
	assert_non_null(f);
	fputs("countries:\n  - slug: Bad Slug\n    name: B\n    iso3: BBB\n", f);
	fclose(f);
	b = countries_load_cached(yaml, cache, &d);
	assert_true(d.n_errors > 0);
	countries_free(b);
	diags_free(&d);
	b = countries_load_cached(yaml, cache, &d);
	assert_true(d.n_errors > 0);
	countries_free(b);
	diags_free(&d);
	assert_int_equal(remove_tree(dir), 0);
	free(text);
	free(yaml);
	free(cache);
	free(src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_collation_order),
		cmocka_unit_test(test_broken_tables),
		cmocka_unit_test(test_cache),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
