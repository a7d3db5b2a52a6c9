/* test_cite.c — citations: report, country, year, section, paragraph or
 * item number, pages and address when the document has them; plain and
 * Markdown; a passage with its citation, made inert. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "corpus_fixture.h"
#include "notes/cite.h"

static int setup(void **state)
{
	(void)state;
	return fixture_open("tests/data/tiers");
}

static char *formatted(const struct citation *c, bool markdown)
{
	struct strbuf sb = {0};

	cite_format(c, markdown, &sb);
	return sb_detach(&sb);
}

static void expect_cite(const struct citation *c, bool markdown, const char *want)
{
	char *got = formatted(c, markdown);

	assert_string_equal(got, want);
	free(got);
}

#define DPRK "Korea, Democratic People's Republic of"
#define URL "https://www.state.gov/reports/2022-trafficking-in-persons-report/north-korea/"

/* 2022 has pages and an address; 2021 has neither. */
static void test_block(void **state)
{
	struct collection *coll = corpus_collection_by_name(corpus, "tip");
	const struct countries *cs = corpus_countries(corpus);
	const struct document *doc = fixture_doc("korea-north", 2022);
	int recs = document_section_index(doc, "recommendations"), profile = document_section_index(doc, "profile");
	struct citation c;

	(void)state;
	assert_non_null(doc);
	/* Recommendations are items: the fourth is item 4. */
	cite_block(&c, coll, cs, doc, recs, doc->sections[recs].n_paras + 3);
	assert_true(c.item);
	assert_int_equal(c.number, 4);
	expect_cite(&c, false, "2022 Trafficking in Persons Report, " DPRK " (2022), Prioritized Recommendations, "
			       "item 4, pp. 245-248, " URL);
	expect_cite(&c, true, "*2022 Trafficking in Persons Report*, " DPRK " (2022), Prioritized "
			      "Recommendations, item 4, pp. 245-248, <" URL ">");
	cite_block(&c, coll, cs, doc, profile, 1);
	assert_false(c.item);
	expect_cite(&c, false, "2022 Trafficking in Persons Report, " DPRK " (2022), Trafficking Profile, para. 2, "
			       "pp. 245-248, " URL);
	/* Past the section's end: the section alone; no section: the document. */
	cite_block(&c, coll, cs, doc, profile, SIZE_MAX);
	assert_int_equal(c.number, 0);
	expect_cite(&c, false, "2022 Trafficking in Persons Report, " DPRK " (2022), Trafficking Profile, "
			       "pp. 245-248, " URL);
	cite_block(&c, coll, cs, doc, -1, 0);
	expect_cite(&c, false, "2022 Trafficking in Persons Report, " DPRK " (2022), pp. 245-248, " URL);

	doc = fixture_doc("korea-north", 2021);
	cite_block(&c, coll, cs, doc, 0, 0);
	assert_null(c.pages);
	assert_null(c.url);
	expect_cite(&c, false, "2021 Trafficking in Persons Report, " DPRK " (2021), Overview, para. 1");
}

/* What is unknown is left out; one page is "p.". */
static void test_parts(void **state)
{
	struct citation c = { .country = "Kenya", .year = 2020, .section = "Overview", .number = 2,
			      .pages = "57" };

	(void)state;
	expect_cite(&c, false, "Kenya (2020), Overview, para. 2, p. 57");
	c.pages = "57\xe2\x80\x93" "59";
	c.report = "Report";
	c.url = "https://example.org/a b";
	expect_cite(&c, true, "*Report*, Kenya (2020), Overview, para. 2, pp. 57\xe2\x80\x93" "59, "
			      "<https://example.org/a b>");
	/* Content cannot drive the terminal through a citation. */
	c = (struct citation){ .report = "R\033[2J", .section = "S\xe2\x80\xae" };
	expect_cite(&c, false, "R^[[2J, S<U+202E>");
}

static void test_passage(void **state)
{
	const struct citation c = { .report = "2022 Trafficking in Persons Report", .country = "Kenya", .year = 2022,
				    .section = "Trafficking Profile", .number = 1 };
	char *s = cite_passage(&c, "Kenya hosts more than 500,000 refugees\033]52;c;x\a", 38);

	(void)state;
	assert_string_equal(s, "\xe2\x80\x9cKenya hosts more than 500,000 refugees\xe2\x80\x9d\n"
			       "\xe2\x80\x94 2022 Trafficking in Persons Report, Kenya (2022), Trafficking Profile, "
			       "para. 1\n");
	free(s);
	s = cite_passage(&c, "a\033]52;c;x\a", 10);
	assert_string_equal(s, "\xe2\x80\x9c" "a^[]52;c;x^G\xe2\x80\x9d\n"
			       "\xe2\x80\x94 2022 Trafficking in Persons Report, Kenya (2022), Trafficking Profile, "
			       "para. 1\n");
	free(s);
}

/* The title of the collection stands in for a document without a source. */
static void test_no_source(void **state)
{
	struct document *doc = document_new();
	struct collection coll = { .name = "tip", .title = "Trafficking in Persons Report" };
	struct section *s;
	struct citation c;

	(void)state;
	document_set(doc, "atlantis", 2020, TIER_2, "Atlantis", NULL, true);
	s = document_add_section(doc, "remarks", NULL); /* no title: its id */
	section_add_para(doc, s, "One.", 4);
	cite_block(&c, &coll, NULL, doc, 0, 0);
	expect_cite(&c, false, "Trafficking in Persons Report, atlantis (2020), remarks, para. 1");
	coll.title = NULL;
	cite_block(&c, &coll, NULL, doc, 0, 0);
	expect_cite(&c, false, "tip, atlantis (2020), remarks, para. 1");
	cite_block(&c, NULL, NULL, doc, 0, 0);
	expect_cite(&c, false, "atlantis (2020), remarks, para. 1");
	document_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block),
		cmocka_unit_test(test_parts),
		cmocka_unit_test(test_passage),
		cmocka_unit_test(test_no_source),
	};

	return cmocka_run_group_tests(tests, setup, fixture_close);
}
