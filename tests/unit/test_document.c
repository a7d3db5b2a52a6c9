/* test_document.c — the content model: tiers, parsing with every schema
 * problem located, and writing that round-trips text byte for byte. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/document.h"
#include "base/icu.h"

static int teardown(void **state)
{
	(void)state;
	icu_cleanup();
	return 0;
}

static struct document *parse(const char *text, struct diags *d)
{
	return document_parse("d.yaml", text, strlen(text), d);
}

static void test_tiers(void **state)
{
	enum tier t;

	(void)state;
	assert_true(tier_parse("2 Watch List", &t));
	assert_int_equal(t, TIER_2WL);
	assert_true(tier_parse("Tier 2 watch-list", &t));
	assert_int_equal(t, TIER_2WL);
	assert_true(tier_parse(" TIER 3 ", &t));
	assert_int_equal(t, TIER_3);
	assert_true(tier_parse("2WL", &t));
	assert_true(tier_parse("special case", &t));
	assert_int_equal(t, TIER_SPECIAL);
	assert_false(tier_parse("4", &t));
	assert_false(tier_parse("tier", &t));
	assert_string_equal(tier_value(TIER_2WL), "2 Watch List");
	assert_string_equal(tier_label(TIER_1), "Tier 1");
	assert_string_equal(tier_badge(TIER_SPECIAL), "SC");
	assert_string_equal(tier_badge(TIER_NONE), "");
	assert_true(slug_valid("korea-north"));
	assert_false(slug_valid("Korea"));
	assert_false(slug_valid("-x"));
	assert_string_equal(section_default_title("profile"), "Trafficking Profile");
	assert_null(section_default_title("nope"));
}

static const char good[] =
	"country: korea-north\n"
	"year: 2022\n"
	"tier: \"3\"\n"
	"title: \"Korea, Democratic People\xe2\x80\x99s Republic of\"\n"
	"complete: false\n"
	"source_url: \"https://www.state.gov/reports/2022-trafficking-in-persons-report/north-korea/\"\n"
	"source_pages: \"245-248\"\n"
	"sections:\n"
	"  - id: overview\n"
	"    title: Overview\n"
	"    text: |\n"
	"      The \xe2\x80\x9c" "first\xe2\x80\x9d paragraph \xe2\x80\x94 with C\xc3\xb4" "te and \xe4\xb8\xad\xe6\x96\x87.\n"
	"\n"
	"      Second: \"quoted\", 'single', a: colon and # hash.\n"
	"  - id: recommendations\n"
	"    title: Prioritized Recommendations\n"
	"    items:\n"
	"      - End forced labor.\n"
	"      - \"Item: with a colon\"\n";

static void test_parse_and_round_trip(void **state)
{
	struct diags d = {0};
	struct document *doc = parse(good, &d), *back;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_non_null(doc);
	assert_int_equal(d.n, 0);
	assert_string_equal(doc->country, "korea-north");
	assert_int_equal(doc->year, 2022);
	assert_int_equal(doc->tier, TIER_3);
	assert_false(doc->complete);
	assert_int_equal(doc->n_sections, 2);
	assert_int_equal(doc->sections[0].n_paras, 2);
	assert_string_equal(doc->sections[0].paras[1], "Second: \"quoted\", 'single', a: colon and # hash.");
	assert_int_equal(doc->sections[1].n_items, 2);
	assert_int_equal(doc->sections[1].line, 15);
	assert_string_equal(doc->source_pages, "245-248");
	assert_int_equal(document_section_index(doc, "recommendations"), 1);
	assert_null(document_section(doc, "profile"));
	assert_int_equal(document_word_count(doc), 23);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_true(document_write(doc, f));
	fclose(f);
	back = document_parse("back.yaml", buf, len, &d);
	assert_non_null(back);
	assert_int_equal(d.n, 0);
	assert_string_equal(back->title, doc->title);
	for (size_t s = 0; s < 2; s++) {
		for (size_t k = 0; k < doc->sections[s].n_paras; k++)
			assert_string_equal(back->sections[s].paras[k], doc->sections[s].paras[k]);
		for (size_t k = 0; k < doc->sections[s].n_items; k++)
			assert_string_equal(back->sections[s].items[k], doc->sections[s].items[k]);
	}
	assert_int_equal(back->complete, false);
	assert_string_equal(back->source_url, doc->source_url);
	assert_string_equal(back->source_pages, "245-248");
	document_free(back);
	document_free(doc);
	free(buf);
	diags_free(&d);
}

/* Each broken document is refused with the problem at its line and column. */
static void refused(const char *text, const char *needle, unsigned line)
{
	struct diags d = {0};
	struct document *doc = parse(text, &d);

	if (doc || !d.n_errors)
		fail_msg("accepted: %s", text);
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].level == DIAG_ERROR && strstr(d.v[i].msg, needle)) {
			assert_int_equal(d.v[i].line, line);
			assert_true(d.v[i].col > 0);
			diags_free(&d);
			return;
		}
	fail_msg("no error with '%s' (first: %s)", needle, d.v[0].msg);
}

static void test_schema_errors(void **state)
{
	(void)state;
	refused("country: kenya\nyear: 2022\nsections:\n  - id: Over View\n    text: x\n", "section id", 4);
	refused("country: kenya\nyear: 2022\ntier: \"5\"\nsections:\n  - id: a\n    text: x\n", "unknown tier", 3);
	refused("country: kenya\nyear: 1850\nsections:\n  - id: a\n    text: x\n", "'year': 1850 is less than 1900", 2);
	refused("country: kenya\nyear: 2e3\nsections:\n  - id: a\n    text: x\n", "'2e3' is not a whole number", 2);
	refused("country: kenya\ntitle: \"a\\0b\"\nsections:\n  - id: a\n    text: x\n", "NUL", 2);
	refused("country: Kenya\nyear: 2022\nsections:\n  - id: a\n    text: x\n", "not a slug", 1);
	refused("country: kenya\nyear: 2022\nsections: []\n", "at least one section", 3);
	refused("country: kenya\nyear: 2022\ncomplete: maybe\nsections:\n  - id: a\n    text: x\n", "true or false", 3);
	refused("country: kenya\nyear: 2022\nsections:\n  - id: a\n    text: x\n  - id: a\n    text: y\n",
		"duplicate section", 6);
	refused("country: kenya\nyear: 2022\nsections:\n  - id: a\n    title: A\n", "neither 'text' nor 'items'", 4);
	refused("country: kenya\nyear: 2022\nsections:\n  - id: a\n    items: [x, [y]]\n", "must be text", 5);
	refused("country: kenya\nyear: 2022\nextra: 1\nsections:\n  - id: a\n    text: x\n", "unknown key 'extra'", 3);
	refused("year: 2022\nsections:\n  - id: a\n    text: x\n", "missing required key 'country'", 1);
}

static void test_control_characters_warned(void **state)
{
	struct diags d = {0};
	struct document *doc = parse("country: kenya\nyear: 2022\nsections:\n  - id: a\n    text: \"x \\e[2J y\"\n", &d);

	(void)state;
	assert_non_null(doc);
	assert_int_equal(d.n_errors, 0);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "U+001B"));
	assert_int_equal(d.v[0].line, 5);
	document_free(doc);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tiers),
		cmocka_unit_test(test_parse_and_round_trip),
		cmocka_unit_test(test_schema_errors),
		cmocka_unit_test(test_control_characters_warned),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
