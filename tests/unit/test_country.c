/* test_country.c — the bundled country table and lookup: slugs, ISO codes,
 * aliases, accents and case, prefixes, ambiguity, collation order. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "country.h"
#include "document.h"
#include "fold.h"
#include "icu.h"
#include "util.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_collation_order),
		cmocka_unit_test(test_broken_tables),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
