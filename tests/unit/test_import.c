/* test_import.c — the importer on the real seed texts and on the other
 * layouts the report has used across editions. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/country.h"
#include "content/document.h"
#include "base/icu.h"
#include "import/import.h"
#include "import/quality.h"
#include "import/textrepair.h"
#include "base/util.h"

#include "countries_fixture.h"

/* Imports text under a file name; fails the test on errors. */
static void import_buf(const char *name, const char *text, const struct import_options *opt,
		       struct import_result *res)
{
	struct diags d = {0};
	bool ok = import_text(name, text, strlen(text), countries, opt, res, &d);

	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].level == DIAG_ERROR)
			fail_msg("%s:%u: %s", name, d.v[i].line, d.v[i].msg);
	assert_true(ok);
	diags_free(&d);
}

static void import_seed(const char *seed, const struct import_options *opt, struct import_result *res)
{
	char *path = xasprintf("%s/seeds/%s", TIPR_SRCDIR, seed);
	size_t len;
	char *buf = read_file(path, 1 << 24, &len);

	assert_non_null(buf);
	import_buf(path, buf, opt, res);
	free(buf);
	free(path);
}

static const struct document *find_doc(const struct import_result *res, const char *slug)
{
	for (size_t i = 0; i < res->n_docs; i++)
		if (!strcmp(res->docs[i].doc->country, slug))
			return res->docs[i].doc;
	fail_msg("no document for %s", slug);
	return NULL;
}

/* Imports text (of the given edition) and returns its narrative for slug,
 * failing the test when there is none. */
static const struct document *import_doc(const char *name, const char *text, int year, const char *slug,
					 struct import_result *res)
{
	struct import_options opt = { .year = year };
	const struct document *doc;

	import_buf(name, text, &opt, res);
	doc = find_doc(res, slug);
	assert_non_null(doc);
	return doc;
}

/* Every paragraph and item of doc, for "appears somewhere" checks. */
static bool doc_contains(const struct document *doc, const char *needle)
{
	for (size_t s = 0; s < doc->n_sections; s++) {
		for (size_t k = 0; k < doc->sections[s].n_paras; k++)
			if (strstr(doc->sections[s].paras[k], needle))
				return true;
		for (size_t k = 0; k < doc->sections[s].n_items; k++)
			if (strstr(doc->sections[s].items[k], needle))
				return true;
	}
	return false;
}

static bool para_starts(const struct document *doc, const char *prefix)
{
	for (size_t s = 0; s < doc->n_sections; s++)
		for (size_t k = 0; k < doc->sections[s].n_paras; k++)
			if (!strncmp(doc->sections[s].paras[k], prefix, strlen(prefix)))
				return true;
	return false;
}

/* No paragraph or item may start mid-sentence, in lower case. */
static void assert_no_lowercase_starts(const struct document *doc)
{
	for (size_t s = 0; s < doc->n_sections; s++) {
		for (size_t k = 0; k < doc->sections[s].n_paras; k++)
			if (islower((unsigned char)doc->sections[s].paras[k][0]))
				fail_msg("%s %d %s paragraph %zu starts mid-sentence: %.40s", doc->country,
					 doc->year, doc->sections[s].id, k, doc->sections[s].paras[k]);
		for (size_t k = 0; k < doc->sections[s].n_items; k++)
			assert_false(islower((unsigned char)doc->sections[s].items[k][0]));
	}
}

static void assert_sections(const struct document *doc, const char *const *ids)
{
	size_t n = 0;

	for (; ids[n]; n++) {
		assert_true(n < doc->n_sections);
		assert_string_equal(doc->sections[n].id, ids[n]);
	}
	assert_int_equal(doc->n_sections, n);
}

static const char *const all_sections[] = {
	"overview", "recommendations", "prosecution", "protection", "prevention", "profile", NULL,
};

static void test_pdf_extract_2022(void **state)
{
	struct import_options opt = { .country = "kenya" };
	struct import_result res = {0};
	const struct document *nk, *sk, *ke;
	const struct section *recs;

	(void)state;
	import_seed("tip-2022-pdf-extract-kenya-dprk-rok.txt", &opt, &res);
	assert_int_equal(res.n_docs, 3);
	ke = find_doc(&res, "kenya");
	nk = find_doc(&res, "korea-north");
	sk = find_doc(&res, "korea-south");

	/* Kenya: only the end of its narrative, the trafficking profile. */
	assert_int_equal(ke->year, 2022);
	assert_false(ke->complete);
	assert_int_equal(ke->n_sections, 1);
	assert_string_equal(ke->sections[0].id, "profile");
	assert_true(para_starts(ke, "During the pandemic, traffickers"));
	assert_true(para_starts(ke, "Kenya hosts more than 500,000 refugees"));
	assert_true(doc_contains(ke, "due to pandemic-related travel restrictions"));

	/* North Korea: the whole narrative, heading split over two lines. */
	assert_int_equal(nk->tier, TIER_3);
	assert_int_equal(nk->year, 2022);
	assert_true(nk->complete);
	assert_string_equal(nk->title, "Korea, Democratic People's Republic of");
	assert_sections(nk, all_sections);
	recs = document_section(nk, "recommendations");
	assert_int_equal(recs->n_items, 11);
	assert_int_equal(recs->n_paras, 0);
	assert_string_equal(recs->items[0], "End the use of state-sponsored forced labor, including among "
					    "DPRK workers abroad, in prison camps, and through mass "
					    "mobilizations of adults and children.");
	assert_string_equal(recs->items[5], "Criminalize sex trafficking and labor trafficking.");
	assert_string_equal(recs->items[10], "Accede to the 2000 UN TIP Protocol.");
	/* A page break inside a sentence does not split the paragraph. */
	assert_true(doc_contains(nk, "The government used proceeds from state-sponsored forced labor"));
	assert_true(doc_contains(nk, "Schools receive compensation from the government"));
	assert_true(para_starts(nk, "The DPRK holds an estimated 80,000 to 120,000 persons"));
	assert_false(doc_contains(nk, "TIER RANKING BY YEAR"));
	assert_false(doc_contains(nk, "RANKING"));
	/* Curly quotes and dashes kept byte for byte. */
	assert_true(doc_contains(nk, "Democratic People\xe2\x80\x99s Republic of Korea"));
	assert_true(doc_contains(nk, "human traffickers\xe2\x80\x94including government officials\xe2\x80\x94" "exploit"));
	assert_true(doc_contains(nk, "\xe2\x80\x9creform through labor.\xe2\x80\x9d"));
	assert_no_lowercase_starts(nk);
	assert_no_lowercase_starts(ke);

	/* South Korea: cut off inside Prosecution, mid-sentence. */
	assert_int_equal(sk->tier, TIER_2);
	assert_false(sk->complete);
	assert_int_equal(document_section(sk, "recommendations")->n_items, 14);
	assert_true(doc_contains(sk, "forced labor on South Korean-flagged fishing vessels."));
	assert_true(doc_contains(sk, "including by improving coordination between police"));
	assert_null(document_section(sk, "protection"));
	assert_no_lowercase_starts(sk);
	import_result_free(&res);
}

static void test_web_copy_2021(void **state)
{
	struct import_options opt = {0};
	struct import_result res = {0};
	const struct document *nk;

	(void)state;
	import_seed("tip-2021-dprk.txt", &opt, &res);
	assert_int_equal(res.n_docs, 1);
	nk = res.docs[0].doc;
	assert_string_equal(nk->country, "korea-north");
	assert_int_equal(nk->year, 2021);  /* from the title line */
	assert_int_equal(nk->tier, TIER_3);
	assert_true(nk->complete);
	assert_sections(nk, all_sections);
	assert_int_equal(document_section(nk, "recommendations")->n_items, 11);
	assert_string_equal(document_section(nk, "recommendations")->items[2],
			    "Eliminate coercion tactics used to monitor and limit the movements and "
			    "communications of workers overseas.");
	/* Hyphens the copy lost, restored from the text's own spelling. */
	assert_false(doc_contains(nk, "COVID19"));
	assert_false(doc_contains(nk, "statesponsored"));
	assert_true(doc_contains(nk, "utilized the COVID-19 pandemic to increase"));
	assert_true(doc_contains(nk, "proceeds from state-sponsored forced labor"));
	/* Paragraphs end where a sentence stops short of the margin. */
	assert_true(para_starts(nk, "The North Korean government operates regional, local, and sub-district"));
	assert_true(para_starts(nk, "In 2017, UN Security Council resolutions"));
	assert_true(doc_contains(nk, "sent more than 50 students alleged to have engaged"));
	assert_no_lowercase_starts(nk);
	import_result_free(&res);
}

static void test_republished_excerpt_2023(void **state)
{
	struct import_options opt = {0};
	struct import_result res = {0};
	const struct document *nk;
	static const char *const ids[] = { "overview", "recommendations", NULL };

	(void)state;
	import_seed("tip-2023-dprk-excerpt.txt", &opt, &res);
	assert_int_equal(res.n_docs, 1);
	nk = res.docs[0].doc;
	assert_int_equal(nk->year, 2023);  /* from the site's banner */
	assert_int_equal(nk->tier, TIER_3);
	assert_false(nk->complete);
	assert_sections(nk, ids);
	assert_int_equal(document_section(nk, "recommendations")->n_items, 11);
	assert_string_equal(document_section(nk, "recommendations")->items[1],
			    "End the use of forced labor as punishment for DPRK citizens involuntarily "
			    "repatriated from other countries.");
	assert_false(doc_contains(nk, "Extracted"));
	assert_false(doc_contains(nk, "Country-by-Country"));
	assert_true(para_starts(nk, "The Government of the Democratic People"));
	import_result_free(&res);
}

static void test_commentary(void **state)
{
	struct import_options opt = { .commentary = true };
	struct import_result res = {0};
	const struct document *a, *p;

	(void)state;
	import_seed("article-dprk-trafficking-summary.txt", &opt, &res);
	opt.year = 2010;
	import_seed("position-paper-dprk.txt", &opt, &res);
	assert_int_equal(res.n_docs, 2);
	a = res.docs[0].doc;
	p = res.docs[1].doc;
	/* The country is the one the text names most. */
	assert_string_equal(a->country, "korea-north");
	assert_int_equal(a->year, 0);
	assert_int_equal(a->n_sections, 1);
	assert_string_equal(a->sections[0].id, "text");
	assert_int_equal(a->sections[0].n_paras, 6);
	assert_false(doc_contains(a, "Read a related article"));
	/* Double-spaced lines: blank lines are not paragraph breaks there. */
	assert_int_equal(p->year, 2010);
	assert_int_equal(p->sections[0].n_paras, 7);
	assert_true(para_starts(p, "Within North Korea, forced labor is part of"));
	assert_true(doc_contains(p, "implementing government-imposed programs"));
	assert_true(doc_contains(p, "forced labor and forced prostitution."));
	assert_no_lowercase_starts(a);
	assert_no_lowercase_starts(p);
	import_result_free(&res);
}

/* Layouts of other editions: a 2000s web page with the profile first and
 * recommendations in one paragraph; page debris from a PDF. */
static void test_older_edition_layout(void **state)
{
	static const char text[] =
		"Home > Reports > Trafficking in Persons Report 2008\n"
		"Document #2111722\n"
		"USDOS \xe2\x80\x93 US Department of State (Author)\n"
		"ICELAND (Tier 2)\n"
		"Iceland is a destination country for women from Eastern Europe trafficked for sexual\n"
		"exploitation. Some women were trafficked to Iceland through massage\n"
		"houses.Women may also transit Iceland.\n"
		"The Government of Iceland does not fully comply with the minimum standards for\n"
		"the elimination of trafficking; however, it is making significant efforts to do so.\n"
		"Recommendations for Iceland: amend the law to criminalize trafficking; provide\n"
		"shelter to victims; and conduct awareness campaigns.\n"
		"COUNTRY NARRATIVES 155\n"
		"Prosecution\n"
		"The Government of Iceland made limited progress in its law enforcement efforts.\n"
		"156\n"
		"Protection\n"
		"The government improved protection of victims.\n"
		"Prevention\n"
		"The government conducted an awareness campaign.\n";
	struct import_options opt = { .year = 2008 };
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;
	static const char *const ids[] = {
		"profile", "overview", "recommendations", "prosecution", "protection", "prevention", NULL,
	};

	(void)state;
	import_buf("iceland.txt", text, &opt, &res);
	assert_int_equal(res.n_docs, 1);
	doc = res.docs[0].doc;
	assert_string_equal(doc->country, "iceland");
	assert_int_equal(doc->tier, TIER_2);
	assert_true(doc->complete);
	assert_sections(doc, ids);
	recs = document_section(doc, "recommendations");
	assert_string_equal(recs->title, "Recommendations for Iceland");
	assert_int_equal(recs->n_items, 3);
	assert_string_equal(recs->items[0], "amend the law to criminalize trafficking");
	assert_string_equal(recs->items[2], "conduct awareness campaigns.");
	assert_true(doc_contains(doc, "massage houses. Women may"));
	assert_false(doc_contains(doc, "NARRATIVES"));
	assert_false(doc_contains(doc, "Document #"));
	assert_false(doc_contains(doc, "156"));
	assert_true(res.n_debris >= 5);
	import_result_free(&res);
}

/* A 2000s web copy: the edition from the breadcrumbs, the site's metadata
 * rows and disclaimer dropped, title-case headings. */
static void test_web_page_2006(void **state)
{
	static const char text[] =
		"Trafficking in Persons Report 2006 \xc2\xbb Country Narratives \xc2\xbb Honduras\n"
		"Publisher | USDOS\n"
		"HONDURAS (Tier 2 Watch List)\n"
		"Honduras is principally a source and transit country for women and children\n"
		"trafficked for the purpose of commercial sexual exploitation. |\n"
		"The Government of Honduras does not fully comply with the minimum standards for the\n"
		"elimination of trafficking; however, it is making significant efforts to do so.\n"
		"Prosecution\n"
		"The government made modest progress in its law enforcement efforts.\n"
		"24 TRAFFICKING IN PERSONS REPORT JUNE 2006\n"
		"Protection\n"
		"The government's efforts to protect victims remained weak.\n"
		"PROSECUTION\n"
		"It convicted two traffickers.\n"
		"Prevention\n"
		"The government continued prevention efforts.\n"
		"This is not a UNHCR publication. UNHCR is not responsible for its content.\n";
	struct import_options opt = {0};
	struct import_result res = {0};
	const struct document *doc;
	static const char *const ids[] = {
		"profile", "overview", "protection", "prosecution", "prevention", NULL,
	};

	(void)state;
	import_buf("honduras.txt", text, &opt, &res);
	assert_int_equal(res.n_docs, 1);
	doc = res.docs[0].doc;
	assert_int_equal(doc->year, 2006);
	assert_int_equal(doc->tier, TIER_2WL);
	/* A repeated heading continues its section: ids stay unique. */
	assert_sections(doc, ids);
	assert_int_equal(document_section(doc, "prosecution")->n_paras, 2);
	assert_false(doc_contains(doc, "UNHCR"));
	assert_false(doc_contains(doc, "USDOS"));
	assert_false(doc_contains(doc, "|"));
	assert_true(doc_contains(doc, "commercial sexual exploitation."));
	import_result_free(&res);
}

/* Headings and lists as other copies write them: the tier on its own line,
 * a heading split around a blank line, a page title with the site's name,
 * bullets lost or turned into other glyphs. */
static void test_heading_and_list_variants(void **state)
{
	static const char tier_below[] =
		"KENYA:\nTIER 2\nThe Government of Kenya does not fully meet the minimum standards.\n"
		"PRIORITIZED RECOMMENDATIONS:\n"
		"Increase efforts to prosecute traffickers, including U.S. citizens. Train officials on\n"
		"the law. Screen for victims among migrants. Fund shelters.\n"
		"PROSECUTION\nThe government did things.\n";
	static const char split_blank[] =
		"KOREA, DEMOCRATIC\n\nPEOPLE\xe2\x80\x99S REPUBLIC OF: TIER 3\n"
		"The Government of the DPRK does not fully meet the minimum standards.\n"
		"PRIORITIZED RECOMMENDATIONS:\n"
		"\xe2\x97\x8f End forced labor.\n\xef\x82\xb7 Criminalize sex trafficking.\n"
		"Accede to the 2000 UN TIP Protocol.\n"
		"Allow workers to leave their employment at will.\n";
	static const char page_title[] =
		"2021 Trafficking in Persons Report: Kenya - United States Department of State\n"
		"Skip to content\n"
		"The Government of Kenya does not fully meet the minimum standards; therefore Kenya\n"
		"remained on Tier 2.\n";
	struct import_options opt = { .year = 2021 };
	struct import_result res = {0};
	const struct section *recs;

	(void)state;
	import_buf("tier-below.txt", tier_below, &opt, &res);
	import_buf("split-blank.txt", split_blank, &opt, &res);
	opt.year = 0;
	import_buf("title.txt", page_title, &opt, &res);
	assert_int_equal(res.n_docs, 3);
	assert_string_equal(res.docs[0].doc->country, "kenya");
	assert_int_equal(res.docs[0].doc->tier, TIER_2);
	recs = document_section(res.docs[0].doc, "recommendations");
	assert_int_equal(recs->n_items, 4);
	assert_string_equal(recs->items[0], "Increase efforts to prosecute traffickers, including U.S. citizens.");
	assert_string_equal(recs->items[3], "Fund shelters.");
	assert_string_equal(res.docs[1].doc->country, "korea-north");
	assert_int_equal(res.docs[1].doc->tier, TIER_3);
	recs = document_section(res.docs[1].doc, "recommendations");
	assert_int_equal(recs->n_items, 4);
	assert_string_equal(recs->items[1], "Criminalize sex trafficking.");
	assert_string_equal(res.docs[2].doc->country, "kenya");
	assert_int_equal(res.docs[2].doc->year, 2021);
	assert_int_equal(res.docs[2].doc->tier, TIER_2);
	assert_false(doc_contains(res.docs[2].doc, "Skip"));
	import_result_free(&res);
}

/* A web copy without any heading: the country from the first sentence, the
 * tier from the sentence that states it. */
static void test_no_heading(void **state)
{
	static const char text[] =
		"The Government of Palau does not fully meet the minimum standards for the\n"
		"elimination of trafficking but is making significant efforts to do so; therefore\n"
		"Palau was downgraded to Tier 2 Watch List.\n"
		"\n"
		"PROSECUTION:\n"
		"The government decreased law enforcement efforts.\n"
		"  Protection\n"
		"The government identified two victims.\n"
		"PREVENTION\n"
		"The government maintained prevention efforts.\n"
		"TRAFFICKING PROFILE\n"
		"Traffickers exploit foreign workers in Palau.\n";
	struct import_options opt = { .year = 2019 };
	struct import_result res = {0};
	static const char *const ids[] = {
		"overview", "prosecution", "protection", "prevention", "profile", NULL,
	};

	(void)state;
	import_buf("palau.txt", text, &opt, &res);
	assert_int_equal(res.n_docs, 1);
	assert_string_equal(res.docs[0].doc->country, "palau");
	assert_int_equal(res.docs[0].doc->tier, TIER_2WL);
	assert_sections(res.docs[0].doc, ids);
	assert_true(res.docs[0].doc->complete);
	import_result_free(&res);
}

static void test_special_case_and_several_countries(void **state)
{
	static const char text[] =
		"SOMALIA: SPECIAL CASE\n"
		"Somalia remains a Special Case for the fifteenth consecutive year.\n"
		"GOVERNMENT EFFORTS\n"
		"The government made uneven efforts.\n"
		"AFGHANISTAN: TIER 3\n"
		"The Government of Afghanistan does not fully meet the minimum standards and is\n"
		"not making significant efforts to do so.\n"
		"PROSECUTION\n"
		"The government did not report law enforcement efforts, and the narrative stops\n";
	struct import_options opt = { .year = 2022 };
	struct import_result res = {0};

	(void)state;
	import_buf("two.txt", text, &opt, &res);
	assert_int_equal(res.n_docs, 2);
	assert_string_equal(res.docs[0].doc->country, "somalia");
	assert_int_equal(res.docs[0].doc->tier, TIER_SPECIAL);
	assert_true(res.docs[0].doc->complete);
	assert_non_null(document_section(res.docs[0].doc, "government-efforts"));
	assert_string_equal(res.docs[1].doc->country, "afghanistan");
	assert_int_equal(res.docs[1].doc->tier, TIER_3);
	assert_false(res.docs[1].doc->complete);  /* missing sections, ends mid-sentence */
	import_result_free(&res);
}

static void test_bad_input(void **state)
{
	struct import_options opt = { .year = 2020 };
	struct import_result res = {0};
	struct diags d = {0};
	static const char bad_utf8[] = "KENYA: TIER 2\nThe Government of Kenya \xff does.\n";
	static const char nothing[] = "Lorem ipsum dolor sit amet.\n";
	static const char controls[] = "KENYA: TIER 2\nThe Government of Kenya\x1b[2J does not fully meet the minimum standards.\n";

	static const char nul[] = "KENYA: TIER 2\nThe Government of Kenya\0 does.\n";
	static const char utf16[] = "\xff\xfeK\0E\0N\0Y\0A\0:\0 \0T\0I\0E\0R\0 \0\x32\0\n\0"
				    "T\0h\0e\0 \0G\0o\0v\0e\0r\0n\0m\0e\0n\0t\0 \0o\0f\0 \0K\0e\0n\0y\0a\0"
				    " \0d\0o\0e\0s\0 \0n\0o\0t\0 \0f\0u\0l\0l\0y\0 \0m\0e\0e\0t\0.\0\n\0";

	(void)state;
	/* Not UTF-8 and no NUL: a Windows editor's plain text, read as
	 * Windows-1252 and said. */
	assert_true(import_text("bad.txt", bad_utf8, strlen(bad_utf8), countries, &opt, &res, &d));
	assert_int_equal(d.n_errors, 0);
	assert_non_null(strstr(d.v[0].msg, "read as Windows-1252"));
	assert_non_null(strstr(res.docs[0].doc->sections[0].paras[0], "Kenya \xc3\xbf does."));
	import_result_free(&res);
	diags_clear(&d);
	assert_true(import_text("utf16.txt", utf16, sizeof(utf16) - 1, countries, &opt, &res, &d));
	assert_non_null(strstr(d.v[0].msg, "read as UTF-16LE"));
	assert_int_equal(res.docs[0].doc->tier, TIER_2);
	import_result_free(&res);
	diags_clear(&d);
	/* A NUL byte: no text at all, refused with its place. */
	assert_false(import_text("nul.txt", nul, sizeof(nul) - 1, countries, &opt, &res, &d));
	assert_int_equal(d.n_errors, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].col, 24);
	diags_clear(&d);
	assert_false(import_text("none.txt", nothing, strlen(nothing), countries, &opt, &res, &d));
	assert_true(d.n_errors >= 1);
	assert_non_null(strstr(d.v[d.n - 1].msg, "--country"));
	diags_clear(&d);
	opt.year = 0;
	assert_false(import_text("kenya.txt", controls, strlen(controls), countries, &opt, &res, &d));
	assert_non_null(strstr(d.v[d.n - 1].msg, "--year"));
	diags_clear(&d);
	opt.year = 2020;
	assert_true(import_text("kenya.txt", controls, strlen(controls), countries, &opt, &res, &d));
	assert_int_equal(d.n_errors, 0);
	assert_int_equal(d.n, 1);  /* the control character, reported */
	assert_null(strchr(res.docs[0].doc->sections[0].paras[0], '\x1b'));
	diags_clear(&d);
	{
		static const char interleaved[] = "KENYA: TIER 2\nThe Government of Kenya does not fully meet "
						  "the minimum standards.\nPROSECUTION\nand the government increased\n";

		assert_true(import_text("cols.txt", interleaved, strlen(interleaved), countries, &opt, &res, &d));
		assert_int_equal(d.n, 1);
		assert_int_equal(d.v[0].line, 4);
		assert_non_null(strstr(d.v[0].msg, "interleaved"));
	}
	diags_free(&d);
	import_result_free(&res);
	assert_int_equal(import_year_from_name("seeds/tip-2022-pdf-extract.txt"), 2022);
	assert_int_equal(import_year_from_name("2021/north-korea.txt"), 0);
	assert_int_equal(import_year_from_name("report12345.txt"), 0);
}

/* Written YAML reads back to the same text, byte for byte. */
static void test_round_trip(void **state)
{
	struct import_options opt = { .country = "kenya" };
	struct import_result res = {0};

	(void)state;
	import_seed("tip-2022-pdf-extract-kenya-dprk-rok.txt", &opt, &res);
	for (size_t i = 0; i < res.n_docs; i++) {
		const struct document *a = res.docs[i].doc;
		struct diags d = {0};
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		struct document *b;

		assert_non_null(f);
		assert_true(document_write(a, f));
		assert_int_equal(fclose(f), 0);
		b = document_parse("mem.yaml", buf, len, &d);
		assert_non_null(b);
		assert_int_equal(d.n, 0);
		assert_int_equal(b->n_sections, a->n_sections);
		for (size_t s = 0; s < a->n_sections; s++) {
			assert_int_equal(b->sections[s].n_paras, a->sections[s].n_paras);
			assert_int_equal(b->sections[s].n_items, a->sections[s].n_items);
			for (size_t k = 0; k < a->sections[s].n_paras; k++)
				assert_string_equal(b->sections[s].paras[k], a->sections[s].paras[k]);
			for (size_t k = 0; k < a->sections[s].n_items; k++)
				assert_string_equal(b->sections[s].items[k], a->sections[s].items[k]);
		}
		assert_int_equal(b->complete, a->complete);
		assert_int_equal(b->tier, a->tier);
		document_free(b);
		free(buf);
		diags_free(&d);
	}
	import_result_free(&res);
}

static bool keep(const struct word_stats *ws, const char *head, const char *tail)
{
	return hyphen_keep(ws, head, strlen(head), tail, strlen(tail));
}

static char *repair(const struct word_stats *ws, const char *s)
{
	struct strbuf sb = {0};

	text_repair(ws, s, strlen(s), &sb);
	sb_addc(&sb, '\0');
	return sb_detach(&sb);
}

static void test_hyphen_evidence(void **state)
{
	struct word_stats *ws = word_stats_new();
	static const char *const lines[] = {
		"the government of the DPRK and its anti-trafficking law during the COVID-19",
		"pandemic; the government related that COVID19 cases fell. A government-",
		"run school; sub-district camps; a sub-district office. The pandemic",
		"and related measures; the report's re-",
	};
	char *s;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(lines); i++)
		word_stats_add_line(ws, lines[i], strlen(lines[i]), i == 2); /* line 2 goes on after "government-" */
	assert_int_equal(word_stats_word(ws, "government", 10), 2);  /* "government-" at a line end is not counted */
	assert_int_equal(word_stats_compound(ws, "Anti-Trafficking", 16), 1);
	assert_int_equal(word_stats_word(ws, "re", 2), 0);
	assert_int_equal(word_stats_word(ws, "run", 3), 0);  /* the second half of that split */
	/* The same compound elsewhere in the text decides. */
	assert_true(keep(ws, "sub", "district"));
	assert_true(keep(ws, "anti", "trafficking"));
	/* Two words of the text: a compound. */
	assert_true(keep(ws, "pandemic", "related"));
	/* Known compound heads and tails; proper adjectives; numbers. */
	assert_true(keep(ws, "Korean", "flagged"));
	assert_true(keep(ws, "state", "sponsored"));
	assert_true(keep(ws, "COVID", "19"));
	/* Fragments that are not words are one word split in two. */
	assert_false(keep(ws, "gov", "ernment"));
	assert_false(keep(ws, "traf", "ficking"));
	assert_false(keep(ws, "in", "vestigate"));

	s = repair(ws, "the COVID19 pandemic and anti-trafficking houses.Women U.S. law");
	assert_string_equal(s, "the COVID-19 pandemic and anti-trafficking houses. Women U.S. law");
	free(s);
	s = repair(ws, "a government- run school; pre- and post-departure; traf- ficking");
	assert_string_equal(s, "a government-run school; pre- and post-departure; trafficking");
	free(s);
	s = repair(ws, "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d text\xe2\x80\x94kept");
	assert_string_equal(s, "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d text\xe2\x80\x94kept");
	free(s);
	word_stats_free(ws);
}


/* Words split at line ends: hyphens that belong to words stay, a dash at a
 * line end closes up. */
static void test_dehyphenation(void **state)
{
	static const char text[] =
		"UZBEKISTAN: TIER 3\n"
		"The Government of Uzbekistan does not fully meet the minimum standards; officials\n"
		"sent citizens to re-\n"
		"education camps, and intra-\n"
		"governmental coordination was weak; local officials\xe2\x80\x94\n"
		"exploit workers; the gov-\n"
		"ernment of Uzbekistan and the government did not report.\n";
	struct import_options opt = { .year = 2016 };
	struct import_result res = {0};

	(void)state;
	import_buf("uzbekistan.txt", text, &opt, &res);
	assert_true(doc_contains(res.docs[0].doc, "re-education camps, and intra-governmental coordination"));
	assert_true(doc_contains(res.docs[0].doc, "officials\xe2\x80\x94" "exploit workers; the government of"));
	import_result_free(&res);
}

/* Two columns copied across line by line: detected by the words split at
 * line ends, said, and read one column after the other. */
static void test_interleaved_columns(void **state)
{
	char *path = xasprintf("%s/tests/data/import-eval/31-2020-columns-interleaved.txt", TIPR_SRCDIR);
	size_t len;
	char *buf = read_file(path, 1 << 20, &len);
	struct import_options opt = {0};
	struct import_result res = {0};
	struct diags d = {0};
	const struct document *doc;
	bool warned = false;

	(void)state;
	assert_non_null(buf);
	assert_true(import_text(path, buf, len, countries, &opt, &res, &d));
	for (size_t i = 0; i < d.n; i++)
		warned |= d.v[i].level == DIAG_WARNING && strstr(d.v[i].msg, "alternate between two columns");
	assert_true(warned);
	assert_int_equal(d.n_errors, 0);
	doc = res.docs[0].doc;
	assert_string_equal(doc->country, "moldova");
	assert_true(doc_contains(doc, "elimination of trafficking but is making"));
	assert_true(doc_contains(doc, "The government identified 250 victims of trafficking and referred all of them to care."));
	assert_string_equal(document_section(doc, "prosecution")->paras[0],
			    "The government increased law enforcement efforts. Article 165 of the criminal "
			    "code criminalized sex trafficking and labor trafficking. The government "
			    "investigated 120 cases and prosecuted 52 defendants; authorities convicted 40 "
			    "traffickers, and courts sentenced most of them to prison. Victims testified in 30 "
			    "cases, and the government provided protection to victims who testified.");
	import_result_free(&res);
	diags_free(&d);
	free(buf);
	free(path);
}

/* Lines before a file's first heading that are no narrative's text: a
 * warning, never an error, never a narrative (no "united-states" from a
 * .gov banner); the title line and the heading are one narrative. */
static void test_page_header_and_banner(void **state)
{
	static const char text[] =
		"An official website of the United States government\n"
		"Here\xe2\x80\x99s how you know\n"
		"The United States Department of State publishes this report on the United States site.\n"
		"2019 Trafficking in Persons Report: Chad\n"
		"CHAD: TIER 2\n"
		"The Government of Chad does not fully meet the minimum standards.\n";
	struct import_options opt = {0};
	struct import_result res = {0};
	struct diags d = {0};

	(void)state;
	assert_true(import_text("chad.txt", text, strlen(text), countries, &opt, &res, &d));
	assert_int_equal(d.n_errors, 0);
	assert_int_equal(res.n_docs, 1);
	assert_string_equal(res.docs[0].doc->country, "chad");
	assert_int_equal(res.docs[0].doc->year, 2019);
	assert_int_equal(res.docs[0].line, 4);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "before the first country heading"));
	import_result_free(&res);
	diags_free(&d);
}

/* Numbered and dashed recommendation lists: the marker is no part of the
 * item, and an item wraps over lines. */
static void test_list_markers(void **state)
{
	static const char *const lists[] = {
		"1. Fund shelters for victims of\nforced labor.\n2. Train judges.\n10. Amend the law.\n",
		"(1) Fund shelters for victims of\nforced labor.\n(2) Train judges.\n(10) Amend the law.\n",
		"1) Fund shelters for victims of\nforced labor.\n2) Train judges.\n10) Amend the law.\n",
		"  - Fund shelters for victims of\n    forced labor.\n  - Train judges.\n  - Amend the law.\n",
		"\xe2\x80\x93 Fund shelters for victims of\nforced labor.\n\xe2\x80\x93 Train judges.\n"
		"\xe2\x80\x93 Amend the law.\n",
		"* Fund shelters for victims of\nforced labor.\n* Train judges.\n* Amend the law.\n",
		/* A word processor's export: "o" and a tab, Wingdings' glyphs. */
		"o\tFund shelters for victims of\nforced labor.\no\tTrain judges.\no\tAmend the law.\n",
		"\xc2\xa7 Fund shelters for victims of\nforced labor.\n\xc2\xa7 Train judges.\n"
		"\xc2\xa7 Amend the law.\n",
		"\xc3\x98\tFund shelters for victims of\nforced labor.\n\xc3\x98\tTrain judges.\n"
		"\xc3\x98\tAmend the law.\n",
		"\xef\x82\xa7 Fund shelters for victims of\nforced labor.\n\xef\x82\xa7 Train judges.\n"
		"\xef\x82\xa7 Amend the law.\n",
		/* Symbol's bullet as Windows-1252 makes it (U+00B7), and a tab. */
		"\xc2\xb7\tFund shelters for victims of\nforced labor.\n\xc2\xb7\tTrain judges.\n"
		"\xc2\xb7\tAmend the law.\n",
	};
	struct import_options opt = { .year = 2020 };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(lists); i++) {
		char *text = xasprintf("KENYA: TIER 2\nThe Government of Kenya does not fully meet the "
				       "minimum standards.\nPRIORITIZED RECOMMENDATIONS:\n%sPROSECUTION\n"
				       "The government maintained efforts.\n", lists[i]);
		struct import_result res = {0};
		const struct section *recs;

		import_buf("list.txt", text, &opt, &res);
		recs = document_section(find_doc(&res, "kenya"), "recommendations");
		assert_int_equal(recs->n_items, 3);
		assert_string_equal(recs->items[0], "Fund shelters for victims of forced labor.");
		assert_string_equal(recs->items[1], "Train judges.");
		assert_string_equal(recs->items[2], "Amend the law.");
		import_result_free(&res);
		free(text);
		/* The same list where the copy lost its heading, right after
		 * the overview. */
		text = xasprintf("KENYA: TIER 2\nThe Government of Kenya does not fully meet the "
				 "minimum standards.\n\n%s\nPROSECUTION\nThe government maintained efforts.\n",
				 lists[i]);
		import_buf("list.txt", text, &opt, &res);
		recs = document_section(find_doc(&res, "kenya"), "recommendations");
		assert_non_null(recs);
		assert_int_equal(recs->n_items, 3);
		assert_string_equal(recs->items[0], "Fund shelters for victims of forced labor.");
		assert_string_equal(recs->items[2], "Amend the law.");
		import_result_free(&res);
		free(text);
	}
}

/* A tier written in words, in the body or in the heading. */
static void test_tier_in_words(void **state)
{
	static const struct {
		const char *text;
		enum tier tier;
	} cases[] = {
		{ "SAUDI ARABIA\n\nThe Government of Saudi Arabia does not fully comply with the minimum "
		  "standards;\ntherefore Saudi Arabia is again placed on Tier Three, the lowest ranking.\n",
		  TIER_3 },
		{ "KENYA\n\nThe Government of Kenya does not fully meet the minimum standards; therefore "
		  "Kenya\nis placed on Tier Two Watch List.\n", TIER_2WL },
		{ "KENYA: TIER TWO\nThe Government of Kenya does not fully meet the minimum standards.\n",
		  TIER_2 },
		{ "KENYA (Tier One)\nThe Government of Kenya fully meets the minimum standards.\n", TIER_1 },
	};
	struct import_options opt = { .year = 2010 };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct import_result res = {0};

		import_buf("words.txt", cases[i].text, &opt, &res);
		assert_int_equal(res.n_docs, 1);
		assert_int_equal(res.docs[0].doc->tier, cases[i].tier);
		import_result_free(&res);
	}
}

/* No-break and other Unicode spaces inside a heading, as document exports
 * and web pages leave them: the tier is found all the same. */
static void test_unicode_spaces(void **state)
{
	static const char *const headings[] = {
		"KENYA: Tier\xc2\xa0" "2\n", "KENYA\xc2\xa0(Tier\xe2\x80\xaf" "2)\n",
		"KENYA:\xe2\x80\x89TIER\xe2\x80\x83" "2\n",
	};
	struct import_options opt = { .year = 2021 };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(headings); i++) {
		char *text = xasprintf("%sThe Government of Kenya does not fully meet the minimum "
				       "standards.\n", headings[i]);
		struct import_result res = {0};

		import_buf("spaces.txt", text, &opt, &res);
		assert_int_equal(res.n_docs, 1);
		assert_int_equal(res.docs[0].doc->tier, TIER_2);
		import_result_free(&res);
		free(text);
	}
}

/* The 2000s' "Recommendations for Kenya:" after the overview's last
 * sentence, in the same paragraph: the recommendations start there. */
static void test_recommendations_mid_paragraph(void **state)
{
	static const char text[] =
		"KENYA (Tier 2)\n\n"
		"The Government of Kenya does not fully comply with the minimum standards for the\n"
		"elimination of trafficking. The government convicted its first trafficking offenders\n"
		"under the 2010 Act. Recommendations for Kenya: increase efforts to prosecute\n"
		"offenders; fund shelters; and train police.\n\n"
		"Prosecution\nThe government improved its efforts.\n";
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	doc = import_doc("kenya.txt", text, 2007, "kenya", &res);
	assert_true(para_starts(doc, "The Government of Kenya"));
	assert_false(doc_contains(doc, "2010 Act. Recommendations"));
	recs = document_section(doc, "recommendations");
	assert_non_null(recs);
	assert_int_equal(recs->n_items, 3);
	assert_string_equal(recs->items[0], "increase efforts to prosecute offenders");
	assert_string_equal(recs->items[2], "train police.");
	import_result_free(&res);
}

/* A hard-wrapped narrative without blank lines: the overview's verdict
 * starts a paragraph after the profile's last full line, also when the
 * copy wrapped the verdict before "fully". */
static void test_overview_without_blank_line(void **state)
{
	static const char profile[] =
		"KENYA (Tier 1)\n"
		"Kenya is a source, transit, and destination country for women and girls subjected to sex\n"
		"trafficking, as well as a source country for men subjected to forced labor. Kenyan women\n"
		"are subjected to sex trafficking in Western Europe and men in the United Kingdom too.\n";
	static const char *const verdicts[] = {
		"The Government of Kenya fully complies with the minimum standards for the elimination of\n"
		"trafficking. The government increased the number of traffickers convicted this year.\n",
		"The Government of Kenya does not\n"
		"fully meet the minimum standards for the elimination of trafficking but is making\n"
		"significant efforts to do so. The government convicted more traffickers this year.\n",
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(verdicts); i++) {
		char *text = xasprintf("%s%s", profile, verdicts[i]);
		struct import_options opt = { .year = 2014 };
		struct import_result res = {0};
		const struct document *doc;

		import_buf("kenya.txt", text, &opt, &res);
		doc = find_doc(&res, "kenya");
		assert_non_null(document_section(doc, "overview"));
		assert_true(para_starts(doc, i ? "The Government of Kenya does not fully meet"
					       : "The Government of Kenya fully complies"));
		import_result_free(&res);
		free(text);
	}
}

/* Two columns side by side (pdftotext -layout): a line of the right column
 * beside a blank left half belongs to the right column. */
static void test_right_column_line_alone(void **state)
{
	static const char text[] =
		"KENYA: TIER 2                                 \xe2\x80\xa2 Train judges to identify victims\n"
		"The Government of Kenya does not fully        among vulnerable populations, including\n"
		"meet the minimum standards for the            migrant workers\n"
		"elimination of trafficking.\n"
		"                                              and refugees.\n"
		"PRIORITIZED RECOMMENDATIONS:                  PROSECUTION\n"
		"\xe2\x80\xa2 Fund shelters for victims.                  The government maintained efforts.\n";
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	doc = import_doc("kenya.txt", text, 2020, "kenya", &res);
	recs = document_section(doc, "recommendations");
	assert_int_equal(recs->n_items, 2);
	assert_string_equal(recs->items[1], "Train judges to identify victims among vulnerable populations, "
			    "including migrant workers and refugees.");
	assert_true(para_starts(doc, "The Government of Kenya does not fully meet the minimum standards "
				"for the elimination of trafficking."));
	assert_false(doc_contains(doc, "trafficking. and refugees"));
	import_result_free(&res);
}

/* An email forward that quotes the narrative ("> ", ">> "): the quoting
 * goes, and the forward's preamble, headers and signature are no text. */
static void test_email_forward_quoted(void **state)
{
	static const char text[] =
		"Hi all,\n\nForwarding the Kenya section, see the recommendations.\n\nBest,\nMark\n\n"
		"---------- Forwarded message ---------\nFrom: Linh <linh@example.org>\n"
		"Subject: Kenya narrative\n\n"
		"> KENYA: TIER 2 WATCH LIST\n>\n"
		"> The Government of Kenya does not fully meet the minimum standards\n"
		"> for the elimination of trafficking.\n>\n"
		"> PRIORITIZED RECOMMENDATIONS:\n"
		">> * Fund shelters for victims of\n>>   forced labor.\n>> * Train judges.\n"
		">\n> PROSECUTION\n> The government maintained efforts.\n\n--\nLinh\n";
	struct import_options opt = { .year = 2019 };
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	import_buf("fwd.txt", text, &opt, &res);
	assert_int_equal(res.n_docs, 1);
	doc = res.docs[0].doc;
	assert_string_equal(doc->country, "kenya");
	assert_int_equal(doc->tier, TIER_2WL);
	recs = document_section(doc, "recommendations");
	assert_non_null(recs);
	assert_int_equal(recs->n_items, 2);
	assert_string_equal(recs->items[0], "Fund shelters for victims of forced labor.");
	assert_false(doc_contains(doc, "Linh"));
	import_result_free(&res);
}

/* A forward that does not quote: its header lines are no text of the
 * narrative under them. */
static void test_email_forward_headers(void **state)
{
	static const char text[] =
		"---------- Forwarded message ---------\nFrom: Linh <linh@example.org>\n"
		"Date: Tue, Jul 2, 2019 at 9:14 AM\nSubject: Kenya narrative\nTo: Mark <m@example.org>\n\n"
		"The Government of Kenya does not fully meet the minimum standards for the elimination\n"
		"of trafficking but is making significant efforts to do so.\n";
	struct import_result res = {0};
	const struct document *doc;

	(void)state;
	doc = import_doc("fwd.txt", text, 2019, "kenya", &res);
	assert_true(para_starts(doc, "The Government of Kenya"));
	assert_false(doc_contains(doc, "Forwarded"));
	assert_false(doc_contains(doc, "example.org"));
	assert_false(doc_contains(doc, "Kenya narrative"));
	import_result_free(&res);
}

/* A Markdown note: headings, bold tier and a "- " list read as a reader
 * sees them. */
static void test_markdown_note(void **state)
{
	static const char text[] =
		"# Notes on Kenya\n\n## KENYA\n\n**Tier 2**\n\n"
		"The Government of Kenya does not fully meet the minimum standards for the elimination\n"
		"of trafficking but is making significant efforts to do so.\n\n"
		"### Prioritized Recommendations\n\n- Fund shelters for victims.\n- Train judges.\n\n"
		"## PROSECUTION\n\nThe government maintained efforts.\n";
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	doc = import_doc("note.md", text, 2019, "kenya", &res);
	assert_int_equal(doc->tier, TIER_2);
	recs = document_section(doc, "recommendations");
	assert_non_null(recs);
	assert_int_equal(recs->n_items, 2);
	assert_string_equal(recs->items[1], "Train judges.");
	assert_false(doc_contains(doc, "#"));
	import_result_free(&res);
}

/* Org-mode: "* " and "** " open headings, "#+" lines are settings, and a
 * subtree tagged :noexport: is no text. */
static void test_org_mode(void **state)
{
	static const char text[] =
		"#+TITLE: Kenya 2019\n\n* KENYA: TIER 2\n"
		"The Government of Kenya does not fully meet the minimum standards for the elimination\n"
		"of trafficking but is making significant efforts to do so.\n\n"
		"** PROSECUTION\nThe government maintained efforts.\n\n"
		"* Notes                 :noexport:\n- check the 2018 narrative\n";
	struct import_result res = {0};
	const struct document *doc;

	(void)state;
	doc = import_doc("kenya.org", text, 2019, "kenya", &res);
	assert_int_equal(doc->tier, TIER_2);
	assert_non_null(document_section(doc, "prosecution"));
	assert_false(doc_contains(doc, "PROSECUTION"));
	assert_false(doc_contains(doc, "check the 2018"));
	import_result_free(&res);
}

/* reStructuredText: titles underlined, bold run-in headings, comments. */
static void test_restructuredtext(void **state)
{
	static const char text[] =
		".. a comment\n\nKENYA (Tier 2)\n==============\n\n"
		"The Government of Kenya does not fully meet the minimum standards for the elimination "
		"of trafficking but is making significant efforts to do so.\n\n"
		"**Recommendations for Kenya:** Fund shelters for victims; train judges; and "
		"screen migrants.\n\nProsecution\n-----------\n\nThe government maintained efforts.\n";
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	doc = import_doc("kenya.rst", text, 2012, "kenya", &res);
	assert_int_equal(doc->tier, TIER_2);
	recs = document_section(doc, "recommendations");
	assert_non_null(recs);
	assert_int_equal(recs->n_items, 3);
	assert_string_equal(recs->items[0], "Fund shelters for victims");
	assert_non_null(document_section(doc, "prosecution"));
	import_result_free(&res);
}

/* MediaWiki: "== x ==" headings, ''' emphasis, links to their label,
 * footnotes dropped, and See also, References and categories no text. */
static void test_mediawiki(void **state)
{
	static const char text[] =
		"{{Short description|Kenya}}\n== KENYA (Tier 2) ==\n"
		"The Government of [[Kenya|Kenya]] does not fully meet the minimum standards for the "
		"elimination of trafficking but is making significant efforts to do so.<ref>TIP 2010</ref>\n\n"
		"'''Recommendations for Kenya:''' Fund shelters for victims; train judges; and "
		"screen migrants.\n\n=== Prosecution ===\nThe government maintained efforts.\n\n"
		"== See also ==\n* [[Human trafficking in Kenya]]\n\n== References ==\n<references />\n\n"
		"[[Category:Kenya]]\n";
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	doc = import_doc("kenya.wiki", text, 2010, "kenya", &res);
	assert_int_equal(doc->tier, TIER_2);
	assert_true(para_starts(doc, "The Government of Kenya does"));
	recs = document_section(doc, "recommendations");
	assert_non_null(recs);
	assert_int_equal(recs->n_items, 3);
	assert_false(doc_contains(doc, "TIP 2010"));
	assert_false(doc_contains(doc, "Human trafficking in Kenya"));
	assert_false(doc_contains(doc, "Category"));
	import_result_free(&res);
}

/* A spreadsheet's CSV export: one paragraph a cell, quotes doubled. */
static void test_csv_export(void **state)
{
	static const char text[] =
		"\"para\",\"text\"\r\n1,\"KENYA: TIER 2\"\r\n"
		"2,\"The Government of Kenya does not fully meet the minimum standards for the elimination "
		"of trafficking but is making significant efforts to do so.\"\r\n"
		"3,\"PRIORITIZED RECOMMENDATIONS:\"\r\n"
		"4,\"Fund \"\"safe\"\" shelters for victims; train judges; and screen migrants.\"\r\n"
		"5,\"PROSECUTION\"\r\n6,\"The government maintained efforts.\"\r\n"
		/* A cell the spreadsheet wrote over lines. */
		"7,\"PROTECTION\"\r\n8,\"The government identified \"\"20\"\" victims\r\n"
		"and referred them to shelters.\"\r\n";
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	doc = import_doc("kenya.csv", text, 2018, "kenya", &res);
	assert_int_equal(doc->tier, TIER_2);
	recs = document_section(doc, "recommendations");
	assert_non_null(recs);
	assert_int_equal(recs->n_items, 3);
	assert_string_equal(recs->items[0], "Fund \"safe\" shelters for victims");
	assert_false(doc_contains(doc, "para"));
	assert_string_equal(document_section(doc, "protection")->paras[0],
			    "The government identified \"20\" victims and referred them to shelters.");
	import_result_free(&res);
}

/* UTF-8 read as Windows-1252 and saved again: several of its sequences
 * make the copy's damage, and they are decoded back; one alone is kept. */
static void test_mojibake(void **state)
{
	static const char text[] = "employers\xc3\xa2\xe2\x82\xac\xe2\x84\xa2 and "
				   "\xc3\xa2\xe2\x82\xac\xc5\x93x\xc3\xa2\xe2\x82\xac\xc2\x9d, "
				   "caf\xc3\x83\xc2\xa9";
	char *s;
	size_t n;

	(void)state;
	s = mojibake_repair(text, sizeof(text) - 1, &n);
	assert_non_null(s);
	assert_string_equal(s, "employers\xe2\x80\x99 and \xe2\x80\x9cx\xe2\x80\x9d, caf\xc3\xa9");
	assert_int_equal(n, strlen(s));
	free(s);
	assert_null(mojibake_repair("caf\xc3\x83\xc2\xa9", 6, &n));
}

/* A saved page's h1 names the report and the country, a byline under it:
 * the narrative is the one under the heading that follows. */
static void test_page_title_then_heading(void **state)
{
	static const char page[] =
		"<html><head><title>Kenya - United States Department of State</title></head><body>\n"
		"<h1>2021 Trafficking in Persons Report: Kenya</h1>\n"
		"<div><span>Office to Monitor and Combat Trafficking in Persons</span></div>\n"
		"<p><strong>KENYA: Tier 2</strong></p>\n"
		"<p>The Government of Kenya does not fully meet the minimum standards.</p>\n"
		"<p><strong>PRIORITIZED RECOMMENDATIONS:</strong></p>\n"
		"<ul><li>Fund shelters.</li><li>Train judges.</li></ul>\n"
		"</body></html>\n";
	struct import_options opt = {0};
	struct import_result res = {0};
	struct diags d = {0};

	(void)state;
	assert_true(import_buffer("kenya.html", page, strlen(page), countries, &opt, &res, &d));
	assert_int_equal(res.n_docs, 1);
	assert_int_equal(res.docs[0].doc->year, 2021);
	assert_int_equal(res.docs[0].doc->tier, TIER_2);
	assert_false(doc_contains(res.docs[0].doc, "Office to Monitor"));
	assert_int_equal(document_section(res.docs[0].doc, "recommendations")->n_items, 2);
	import_result_free(&res);
	diags_free(&d);
}

/* A browser paste of a state.gov page: short lines of the site and its
 * cookie banner around the narrative's paragraphs, a line each, and its
 * footer after them. */
static void test_site_chrome_around_paste(void **state)
{
	static const char text[] =
		"Skip to main content\nHome\nTravel\nCareers\nBusiness\nAbout State\nSubject Index\n"
		"Print\nEmail\nShare\nKENYA (Tier 2)\n"
		"Kenya is a source, transit, and destination country for men, women, and children subjected "
		"to forced labor and sex trafficking. Children are subjected to forced labor in domestic "
		"service, agriculture, fishing, cattle herding, street vending, and begging throughout "
		"the country.\n"
		"The Government of Kenya does not fully comply with the minimum standards for the "
		"elimination of trafficking; however, it is making significant efforts to do so despite "
		"limited resources, and it investigated more cases than in the previous year.\n"
		"Prosecution\nThe government made progress in its law enforcement efforts.\n"
		"Protection\nThe government kept the names of victims in its national\n"
		"archives and protected victims.\n"
		"Prevention\nThe government made limited efforts to prevent trafficking in persons.\n"
		"This site uses cookies to improve your experience. Learn more\nAccept\nCookie settings\n"
		"Scroll to top\nBack to Top\nRelated Articles\nCountry Narratives -- Countries A Through C\n"
		"The Office of Website Management manages this site as a portal for information.\n"
		"About state.gov | Privacy Notice | FOIA | Copyright Information | Archive\n"
		"Archive\n";
	struct import_options opt = { .year = 2009 };
	struct import_result res = {0};
	const struct document *doc;
	const struct section *prev;

	(void)state;
	import_buf("kenya.txt", text, &opt, &res);
	assert_int_equal(res.n_docs, 1);
	doc = res.docs[0].doc;
	assert_true(doc->complete);
	assert_true(para_starts(doc, "The Government of Kenya does not"));
	assert_true(doc_contains(doc, "in its national archives and protected victims."));
	prev = document_section(doc, "prevention");
	assert_int_equal(prev->n_paras, 1);
	assert_string_equal(prev->paras[0], "The government made limited efforts to prevent trafficking in persons.");
	import_result_free(&res);
}

/* A PDF extract's running head, the country's short name alone on a line,
 * inside an item and inside a paragraph. */
static void test_country_running_head(void **state)
{
	static const char text[] =
		"MICRONESIA, FEDERATED\nSTATES OF: TIER 2\n\n"
		"The Government of the Federated States of Micronesia does not fully meet the minimum\n"
		"standards for the elimination of trafficking.\n\n"
		"PRIORITIZED RECOMMENDATIONS:\n"
		"\xe2\x80\xa2 Train judges. \xe2\x80\xa2 Amend state laws to criminalize all forms\n\n"
		"MICRONESIA\n2024 TRAFFICKING IN PERSONS REPORT\n394\n\n"
		"of sex trafficking.\n\nPROSECUTION\n"
		"The government decreased law enforcement efforts. State laws did not\n"
		"MICRONESIA\n"
		"criminalize all forms of trafficking.\n";
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	doc = import_doc("fsm.txt", text, 2024, "micronesia", &res);
	recs = document_section(doc, "recommendations");
	assert_int_equal(recs->n_items, 2);
	assert_string_equal(recs->items[1], "Amend state laws to criminalize all forms of sex trafficking.");
	assert_true(doc_contains(doc, "State laws did not criminalize all forms"));
	import_result_free(&res);
}

/* An edition's tier placement list, in a text copy: tiers above names, one
 * a line or in columns; it is no narrative. */
static void test_placement_list(void **state)
{
	static const char text[] =
		"TIER PLACEMENTS\n"
		"TIER 1\n"
		"Armenia   Australia\n"
		"TIER 2 WATCH LIST\n"
		"Curacao\xe2\x80\xa0\n"
		"SPECIAL CASES\n"
		"Libya\n"
		"ARMENIA: TIER 1\n"
		"The Government of Armenia fully meets the minimum standards.\n";
	struct import_options opt = { .year = 2022 };
	struct import_result res = {0};

	(void)state;
	import_buf("list.txt", text, &opt, &res);
	assert_int_equal(res.n_placements, 4);
	assert_string_equal(res.placements[0].country->slug, "armenia");
	assert_int_equal(res.placements[0].tier, TIER_1);
	assert_string_equal(res.placements[1].country->slug, "australia");
	assert_string_equal(res.placements[2].country->slug, "curacao");
	assert_int_equal(res.placements[2].tier, TIER_2WL);
	assert_int_equal(res.placements[3].tier, TIER_SPECIAL);
	assert_int_equal(res.placements[3].line, 7);
	assert_int_equal(res.n_docs, 1);
	assert_int_equal(res.n_outside, 6);
	import_result_free(&res);
}

/* The import-quality report: what a narrative holds, and each thing that
 * looks wrong, on a document built to have one of each; the bundled
 * narratives have none. */
static void test_quality(void **state)
{
	struct document *doc = document_new();
	struct section *s;
	struct quality_report q;
	static const char *const seeds[] = { "tip-2021-dprk.txt", "tip-2023-dprk-excerpt.txt", NULL };
	struct import_options opt = {0};
	struct import_result res = {0};

	(void)state;
	document_set(doc, "kenya", 2022, TIER_2, "Kenya", "2022 Trafficking in Persons Report", false);
	s = document_add_section(doc, "overview", "Overview");
	section_add_para(doc, s, "The government made efforts. 57 The government also", 51);
	section_add_para(doc, s, "COUNTRY NARRATIVES 155 and more text.", 37);
	s = document_add_section(doc, "recommendations", "Prioritized Recommendations");
	section_add_item(doc, s, "Train officials.", 16);
	section_add_item(doc, s, "The government maintained law enforcement efforts.", 50);
	s = document_add_section(doc, "prosecution", "Prosecution");
	section_add_para(doc, s, "An excerpt may stop mid", 23);
	quality_check(doc, &q);
	assert_int_equal(q.n_sections, 3);
	assert_int_equal(q.n_paras, 3);
	assert_int_equal(q.n_items, 2);
	assert_int_equal(q.n, 4);
	/* In the document's order: the overview's, then the recommendations'. */
	assert_int_equal(q.v[0].kind, QUALITY_MID_SENTENCE);
	assert_string_equal(q.v[0].section, "overview");
	assert_int_equal(q.v[1].kind, QUALITY_LAYOUT_DEBRIS);
	assert_int_equal(q.v[1].index, 0);
	assert_int_equal(q.v[2].kind, QUALITY_LAYOUT_DEBRIS);
	assert_int_equal(q.v[2].index, 1);
	assert_int_equal(q.v[3].kind, QUALITY_REPORTED_SPEECH);
	assert_int_equal(q.v[3].index, 1);
	assert_string_equal(q.v[3].msg, "recommendation 2 reads as reported speech, not a recommendation: "
			    "\"The government maintained law enforcement efforts.\"");
	quality_report_free(&q);
	/* The same text in a complete narrative: its last paragraph counts. */
	doc->complete = true;
	quality_check(doc, &q);
	assert_int_equal(q.n, 5);
	quality_report_free(&q);
	document_free(doc);

	for (size_t i = 0; seeds[i]; i++)
		import_seed(seeds[i], &opt, &res);
	for (size_t i = 0; i < res.n_docs; i++) {
		quality_check(res.docs[i].doc, &q);
		for (size_t k = 0; k < q.n; k++)
			fail_msg("%s: %s", res.docs[i].doc->country, q.v[k].msg);
		quality_report_free(&q);
	}
	import_result_free(&res);
}

/* The 2023 site's footer: its TAGS come before "Related Articles" and name
 * the country again; the narrative ends before them, whole. */
static void test_tags_footer(void **state)
{
	static const char text[] =
		"CENTRAL AFRICAN REPUBLIC: Tier 2 Watch List\n"
		"The Government of the Central African Republic does not fully meet the minimum standards.\n"
		"PROSECUTION\nThe government maintained minimal law enforcement efforts.\n"
		"PROTECTION\nThe government maintained inadequate protection efforts.\n"
		"PREVENTION\nThe government maintained minimal prevention efforts.\n"
		"TRAFFICKING PROFILE\nTraffickers exploit children in forced labor in mines.\n"
		"Back to top\nTAGS\nBureau of African Affairs\nCentral African Republic\n"
		"Office to Monitor and Combat Trafficking in Persons\nRelated Articles\nJUNE 15, 2023\n"
		"FOIA\nNo FEAR Act\n";
	struct import_options opt = { .year = 2023 };
	struct import_result res = {0};
	const struct section *prof;

	(void)state;
	import_buf("car.txt", text, &opt, &res);
	assert_int_equal(res.n_docs, 1);
	assert_true(res.docs[0].doc->complete);
	prof = document_section(res.docs[0].doc, "profile");
	assert_int_equal(prof->n_paras, 1);
	assert_string_equal(prof->paras[0], "Traffickers exploit children in forced labor in mines.");
	import_result_free(&res);
}

/* Dashed items joined by semicolons lose them, as items split at
 * semicolons do; a period stays. */
static void test_item_semicolons(void **state)
{
	static const char text[] =
		"ETHIOPIA: TIER 2\n\n"
		"The Government of Ethiopia does not fully meet the minimum standards.\n\n"
		"PRIORITIZED RECOMMENDATIONS:\n"
		"- Increase efforts to convict traffickers;\n"
		"- Train police to identify victims.\n"
		"- Expand shelters for victims; and\n"
		"- Finalize the national referral mechanism.\n\n"
		"PROSECUTION\nThe government increased law enforcement efforts.\n";
	struct import_options opt = { .year = 2020 };
	struct import_result res = {0};
	const struct section *recs;

	(void)state;
	import_buf("ethiopia.txt", text, &opt, &res);
	recs = document_section(find_doc(&res, "ethiopia"), "recommendations");
	assert_int_equal(recs->n_items, 4);
	assert_string_equal(recs->items[0], "Increase efforts to convict traffickers");
	assert_string_equal(recs->items[1], "Train police to identify victims.");
	assert_string_equal(recs->items[2], "Expand shelters for victims");
	import_result_free(&res);
}

/* A reader's note after a bulleted list (a Markdown rule between) is no
 * item; an item continued past a page break, or one that lost its bullet,
 * still is. */
static void test_note_after_bullets(void **state)
{
	static const char text[] =
		"## ECUADOR\n\n**Tier 2**\n\n"
		"The Government of Ecuador does not fully meet the minimum standards.\n\n"
		"### Prioritized Recommendations\n\n"
		"- Increase efforts to convict traffickers, including complicit\n\n"
		"officials, and sentence them.\n"
		"- Fund shelters for victims.\n\n"
		"Train judges on the law.\n\n"
		"---\n\n"
		"*My notes:* the other sections are in the full report.\n";
	struct import_options opt = { .year = 2022 };
	struct import_result res = {0};
	const struct section *recs;

	(void)state;
	import_buf("ecuador.md", text, &opt, &res);
	recs = document_section(find_doc(&res, "ecuador"), "recommendations");
	assert_int_equal(recs->n_items, 3);
	assert_string_equal(recs->items[0],
			    "Increase efforts to convict traffickers, including complicit officials, and sentence them.");
	assert_string_equal(recs->items[2], "Train judges on the law.");
	import_result_free(&res);
}

/* What a page puts around a narrative: a select-all paste's banner and
 * menus naming the country (more than a narrative's first words), a
 * republisher's share row, an old site's footer navigation and tabbed
 * links, a separator before the next copy: none of it is a narrative or
 * its text, and the narrative stays complete. */
static void test_page_around_narrative(void **state)
{
	static const char text[] =
		"Skip to main content\nAn official website of the United States government\n"
		"Official websites use .gov. A .gov website belongs to an official government organization "
		"in the United States. Secure .gov websites use HTTPS. A lock or https:// means you have "
		"safely connected to the .gov website. Share sensitive information only on official, secure "
		"websites.\nCountries & Areas\nTrinidad and Tobago\nBureaus & Offices\nAbout\n"
		"2023 Trafficking in Persons Report: Trinidad and Tobago\n"
		"Office to Monitor and Combat Trafficking in Persons\nhide\n\n"
		"TRINIDAD AND TOBAGO: TIER 2\n\n"
		"The Government of Trinidad and Tobago does not fully meet the minimum standards for the "
		"elimination of trafficking but is making significant efforts to do so.\n\n"
		"PRIORITIZED RECOMMENDATIONS:\n\nIncrease efforts to prosecute traffickers.\n"
		"Fund the national action plan.\n\n"
		"PROSECUTION\n\nThe government maintained law enforcement efforts.\n\n"
		"PROTECTION\n\nThe government increased efforts to protect victims.\n\n"
		"PREVENTION\n\nThe government maintained efforts to prevent trafficking.\n\n"
		"TRAFFICKING PROFILE\n\nTraffickers exploit domestic and foreign victims.\n\n"
		"Share this:\nFacebook\nX\nLinkedIn\nEmail\n\n"
		"Back to Top\nFooter Navigation\n"
		"The Office of Website Management manages this site as a portal for information.\n"
		"About state.gov\tPrivacy Notice\tFOIA\tArchive\n\n"
		"----------------------------------------\n\n"
		"2023 Trafficking in Persons Report: Spain\n\nSPAIN: Tier 1\n\n"
		"The Government of Spain fully meets the minimum standards for the elimination of "
		"trafficking.\n\nRelated Material\n2023 Trafficking in Persons Report Home\n";
	struct import_options opt = { .year = 2023 };
	struct import_result res = {0};
	const struct document *doc;

	(void)state;
	import_buf("page.txt", text, &opt, &res);
	assert_int_equal(res.n_docs, 2);
	doc = find_doc(&res, "trinidad-and-tobago");
	assert_int_equal(doc->tier, TIER_2);
	assert_true(doc->complete);
	assert_int_equal(document_section(doc, "recommendations")->n_items, 2);
	assert_false(doc_contains(doc, "Facebook"));
	assert_false(doc_contains(doc, "Website Management"));
	assert_false(doc_contains(doc, "---"));
	assert_false(doc_contains(find_doc(&res, "spain"), "Related"));
	import_result_free(&res);
}

/* A researcher's document: a title and notes naming the country (and
 * another tier) before the pasted narrative, the report's one-sentence
 * list numbered item by item, and questions after the paste's end mark. */
static void test_researcher_notes_around_paste(void **state)
{
	static const char text[] =
		"Bolivia \xe2\x80\x93 TIP Report 2018 (narrative pasted from state.gov)\n"
		"Research notes for the labour-migration project, draft 3\n\n"
		"Why this matters: Bolivia was on Tier 2 Watch List in 2016 and 2017 (check!) and moved up "
		"this year. Compare with Peru and Paraguay before the workshop. I split the recommendations "
		"into a numbered list so that we can refer to them in the interviews with Bolivia's "
		"officials and the NGO coalition next month in La Paz.\n\n"
		"--- pasted text starts ---\n\nBOLIVIA: TIER 2\n\n"
		"The Government of Bolivia does not fully meet the minimum standards for the elimination of "
		"trafficking but is making significant efforts to do so.\n\n"
		"RECOMMENDATIONS FOR BOLIVIA\n\n"
		"1. Increase efforts to prosecute trafficking offenses;\n"
		"2. develop procedures for the identification of victims;\n"
		"3. and improve data collection.\n\n"
		"PROTECTION\n\nThe government maintained efforts to protect victims.\n\n"
		"--- pasted text ends ---\n\n"
		"My questions for the interviews:\n1. Has the law been amended since 2012?\n"
		"2. Who funds the shelters?\n";
	struct import_options opt = { .year = 2018 };
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	import_buf("notes.txt", text, &opt, &res);
	assert_int_equal(res.n_docs, 1);
	doc = find_doc(&res, "bolivia");
	assert_int_equal(doc->tier, TIER_2);
	recs = document_section(doc, "recommendations");
	assert_int_equal(recs->n_items, 3);
	assert_string_equal(recs->items[0], "Increase efforts to prosecute trafficking offenses");
	assert_string_equal(recs->items[1], "develop procedures for the identification of victims");
	assert_string_equal(recs->items[2], "improve data collection.");
	assert_false(doc_contains(doc, "questions"));
	assert_false(doc_contains(doc, "Who funds"));
	import_result_free(&res);
}

/* The edition: from a web page's title; from the host-free path of its
 * address ("2009-2017.state.gov" is an archive, not an edition); from the
 * one edition its prose names, even across a wrapped line; never from a
 * date in the file's name, and not when the prose names two. */
static void test_edition_sources(void **state)
{
	static const char body[] =
		"LEBANON: Tier 2 Watch List\n\n"
		"The Government of Lebanon does not fully meet the minimum standards.\n";
	static const char *const pages[] = {
		"<html><head><title>Embassy - 2008 Trafficking in Persons Report - Lebanon</title></head>"
		"<body><h2>LEBANON: Tier 2 Watch List</h2><p>The Government of Lebanon does not fully meet "
		"the minimum standards.</p></body></html>",
		"<html><head><link rel=\"canonical\" href=\"https://2009-2017.state.gov/j/tip/rls/tiprpt/"
		"countries/2008/105389.htm\"></head><body><h2>LEBANON: Tier 2 Watch List</h2><p>The "
		"Government of Lebanon does not fully meet the minimum standards.</p></body></html>",
	};
	struct import_options opt = {0};
	struct import_result res = {0};
	struct diags d = {0};
	char *text;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(pages); i++) {
		assert_true(import_buffer("page.html", pages[i], strlen(pages[i]), countries, &opt, &res, &d));
		assert_int_equal(find_doc(&res, "lebanon")->year, 2008);
		import_result_free(&res);
	}
	text = xasprintf("Hi all, below is the text from the State Department's 2008\n"
			 "Trafficking in Persons Report, as promised.\n\n%s", body);
	import_buf("Fwd Lebanon.txt", text, &opt, &res);
	assert_int_equal(find_doc(&res, "lebanon")->year, 2008);
	import_result_free(&res);
	free(text);
	/* A date in the name; two editions in the prose: neither is taken. */
	assert_false(import_text("Lebanon 2017-03-14.txt", body, strlen(body), countries, &opt, &res, &d));
	assert_non_null(strstr(d.v[d.n - 1].msg, "give --year"));
	diags_free(&d);
	text = xasprintf("%s\nReader's note: compare the 2008 TIP Report with the 2009 TIP Report.\n", body);
	assert_false(import_text("notes.txt", text, strlen(text), countries, &opt, &res, &d));
	diags_free(&d);
	free(text);
	import_result_free(&res);
}

/* What comes after a narrative that is not its text: an email's sign-off,
 * signature and notice, a page's address alone on a line or as a note,
 * a quote's elision and the territory's dagger note after a list, and the
 * blogger's own recommendations after them.  Ligatures read as letters;
 * the report's verdict on Taiwan names its authorities. */
static void test_after_the_narrative(void **state)
{
	static const char text[] =
		"TAIWAN: TIER 1\n\n"
		"The Taiwan authorities fully comply with the minimum standards for the elimination of "
		"tra\xef\xac\x83" "cking.\n\n"
		"PRIORITIZED RECOMMENDATIONS:\n\nExtend labor protections to domestic workers.\n"
		"Increase prosecutions of labor trafficking.\n\n[\xe2\x80\xa6]\n\n"
		"\xe2\x80\xa0 Taiwan is not a country to which the minimum standards apply in the usual way.\n\n"
		"Our take\n\nSuspend deportations of domestic workers until they are screened.\n\n"
		"PROSECUTION\n\nThe authorities sustained law enforcement efforts.\n\n"
		"PROTECTION\n\nThe authorities continued to protect victims.\n\n"
		"PREVENTION\n\nThe authorities continued prevention efforts.\n\n"
		"[2] https://2009-2017.state.gov/j/tip/rls/tiprpt/2011/164233.htm\n"
		"https://example.org/taiwan\n\n"
		"Best,\nPeter\n\n--\nPeter Ochieng\nProgramme Officer\n\n"
		"CONFIDENTIALITY NOTICE: This e-mail is intended only for the named recipient.\n";
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	doc = import_doc("mail.txt", text, 2011, "taiwan", &res);
	assert_non_null(document_section(doc, "overview"));
	assert_true(para_starts(doc, "The Taiwan authorities fully comply"));
	assert_true(doc_contains(doc, "elimination of trafficking."));
	recs = document_section(doc, "recommendations");
	assert_int_equal(recs->n_items, 2);
	assert_true(doc->complete);
	assert_false(doc_contains(doc, "https"));
	assert_false(doc_contains(doc, "Peter"));
	assert_false(doc_contains(doc, "CONFIDENTIALITY"));
	assert_false(doc_contains(doc, "semi-autonomous"));
	import_result_free(&res);
}

/* Where a narrative sits in something larger: a read-it-later app's
 * Markdown with the reader's highlights under their own heading, a forum
 * post quoting it with bold lines for headings, a page printed from a
 * browser (its date and title over each page, its address and page count
 * under), a memo that numbers its own parts and annexes the narratives. */
static void test_narrative_inside_documents(void **state)
{
	static const char *const copies[] = {
		"---\ntitle: Netherlands\n---\n\n# 2023 Trafficking in Persons Report: Netherlands\n\n"
		"## NETHERLANDS: TIER 1\n\nThe Government of the Netherlands fully meets the minimum "
		"standards for the elimination of trafficking.\n\n## PROSECUTION\n\nThe government "
		"maintained law enforcement efforts.\n\n## PROTECTION\n\nThe government maintained "
		"protection efforts.\n\n## PREVENTION\n\nThe government increased prevention efforts.\n\n"
		"## Highlights\n\n> The government maintained protection efforts.\n\nNote: quote this one\n",
		"Posted by u/notes\n\n> **NETHERLANDS: Tier 1**\n>\n> The Government of the Netherlands fully "
		"meets the minimum standards.\n>\n> **PRIORITIZED RECOMMENDATIONS:**\n>\n"
		"> * Increase prosecutions of labor traffickers.\n> * Fund shelters for male victims.\n\n"
		"> **someone** OP \xc2\xb7 9 points\n",
		"6/24/2010                                   Netherlands\n"
		"NETHERLANDS (Tier 1)\n\nThe Government of the Netherlands fully complies with the minimum "
		"standards.\n\nRecommendations for the Netherlands: increase prosecutions of labor "
		"traffickers; and fund shelters for male victims.\n\nProsecution\n\nThe government "
		"maintained law enforcement efforts.\n\nProtection\n\nThe government protected "
		"victims.\n\nPrevention\n\nThe government made efforts to prevent trafficking.\n"
		"http://www.state.gov/g/tip/rls/tiprpt/2010/142761.htm                      1/3\n",
		"Briefing memo\n\n1. Purpose\n\nThis memo gathers the narratives we discussed for the "
		"committee, with the notes from the last meeting of the working group on labor.\n\n"
		"2. The narratives\n\nThey follow below, as the report gives them.\n\n"
		"ANNEX A \xe2\x80\x93 NETHERLANDS (2010 report)\n\nNETHERLANDS (Tier 1)\n\nThe Government "
		"of the Netherlands fully complies with the minimum standards.\n\nRecommendations for the "
		"Netherlands: increase prosecutions of labor traffickers; and fund shelters for male "
		"victims.\n\nProsecution\n\nThe government maintained law enforcement efforts.\n\n"
		"3. Changes since then\n\nThe 2016 report kept the Netherlands on Tier 1.\n\n"
		"4. Next steps\n\nComments by Friday, please.\n",
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(copies); i++) {
		struct import_options opt = { .year = i < 2 ? 2023 : 2010 };
		struct import_result res = {0};
		const struct document *doc;
		const struct section *recs;

		import_buf(i == 0 || i == 1 ? "copy.md" : "copy.txt", copies[i], &opt, &res);
		assert_int_equal(res.n_docs, 1);
		doc = find_doc(&res, "netherlands");
		assert_int_equal(doc->tier, TIER_1);
		assert_false(doc_contains(doc, "Note:"));
		assert_false(doc_contains(doc, "points"));
		assert_false(doc_contains(doc, "http"));
		assert_false(doc_contains(doc, "6/24/2010"));
		assert_false(doc_contains(doc, "Next steps"));
		assert_false(doc_contains(doc, "ANNEX"));
		if (i == 0)
			assert_true(doc->complete);
		if (i > 0) {
			recs = document_section(doc, "recommendations");
			assert_non_null(recs);
			assert_int_equal(recs->n_items, 2);
		}
		if (i == 2)
			assert_true(doc->complete);
		import_result_free(&res);
	}
}

/* An edition without headings (2004-2007): a paragraph opening on the
 * country's own efforts starts its section. */
static void test_early_edition_sections(void **state)
{
	static const char text[] =
		"PAKISTAN (Tier 2)\n\nPakistan is a source, transit, and destination country for men, "
		"women, and children trafficked for forced labor.\n\nThe Government of Pakistan does not "
		"fully comply with the minimum standards; however, it is making significant efforts.\n\n"
		"The Government of Pakistan made progress in its law enforcement efforts.\n\n"
		"The government's protection efforts for victims improved modestly.\n\n"
		"Pakistan increased its prevention efforts. The government adopted a national plan.\n";
	struct import_result res = {0};
	const struct document *doc;

	(void)state;
	doc = import_doc("pakistan.txt", text, 2006, "pakistan", &res);
	assert_non_null(document_section(doc, "prevention"));
	assert_true(doc->complete);
	import_result_free(&res);
}

/* A site's menu after the narrative, one short line after another, is
 * no paragraph of it (the narrative stays complete); a label over an
 * address is no text either. */
static void test_menu_after_narrative(void **state)
{
	static const char text[] =
		"BELGIUM (Tier 1)\n\nThe Government of Belgium fully complies with the minimum standards.\n\n"
		"Recommendations for Belgium: increase prosecutions; and fund shelters.\n\n"
		"Prosecution\n\nThe government maintained law enforcement efforts.\n\n"
		"Protection\n\nThe government protected victims.\n\n"
		"Prevention\n\nThe government continued its prevention efforts across the country this year.\n\n"
		"Office to Monitor and Combat Trafficking in Persons\nAbout Us\nReleases\nFact Sheets\n"
		"Get Involved\n\nFull narrative:\nhttps://example.org/belgium\n";
	struct import_result res = {0};
	const struct document *doc;

	(void)state;
	doc = import_doc("belgium.txt", text, 2014, "belgium", &res);
	assert_true(doc->complete);
	assert_false(doc_contains(doc, "Releases"));
	assert_false(doc_contains(doc, "Full narrative"));
	import_result_free(&res);
}

/* Two columns side by side with a tier chart's labels in the left one
 * ("1", "2WL", a row of years): the right column's lines beside them are
 * still the right column's, and the labels are no text. */
static void test_columns_beside_chart(void **state)
{
	static const char text[] =
		"URUGUAY: TIER 2                               PROSECUTION\n"
		"The Government of Uruguay does not fully      The government reported investigating\n"
		"meet the minimum standards.                   84 cases of potential trafficking.\n"
		"1                                             Prosecutors initiated prosecutions\n"
		"2WL                                           of 19 defendants.\n"
		"2014   2015   2016   2017   2018   2019       Courts convicted five traffickers.\n"
		"PRIORITIZED RECOMMENDATIONS:                  PROTECTION\n"
		"\xe2\x80\xa2 Fund shelters for victims.                  The government increased efforts.\n";
	struct import_result res = {0};
	const struct document *doc;

	(void)state;
	doc = import_doc("uruguay.txt", text, 2022, "uruguay", &res);
	assert_string_equal(document_section(doc, "prosecution")->paras[0],
			    "The government reported investigating 84 cases of potential trafficking. "
			    "Prosecutors initiated prosecutions of 19 defendants.");
	assert_true(doc_contains(doc, "Courts convicted five traffickers."));
	assert_false(doc_contains(doc, "2WL"));
	assert_false(doc_contains(doc, "2016"));
	import_result_free(&res);
}

/* What batch 10 of the held-out copies showed: an email's sign-off name
 * over its signature after a one-sentence list, a justified line's double
 * spaces, the verdict on the United States, a news site's advertisement,
 * related stories and comments, a reader's note in brackets. */
static void test_email_news_and_notes(void **state)
{
	static const char mail[] =
		"> EL SALVADOR (Tier 2)\n>\n> The Government of El Salvador does not fully comply with the "
		"minimum standards.\n>\n> Recommendations for El Salvador: ensure that victims receive "
		"services;  strengthen efforts to prosecute traffickers; and increase\n> funding for the "
		"police.\n>\n> Rest of it tomorrow.\n>\n> Laura\n>\n> --\n> Laura Mendez\n> Program Officer\n";
	static const char news[] =
		"UNITED STATES OF AMERICA: TIER 1\n\nThe U.S. government fully meets the minimum standards "
		"for the elimination of trafficking.\n\n(Prosecution / Protection / Prevention sections not "
		"copied - see the link above.)\n\nPROSECUTION\n\nThe government maintained law enforcement "
		"efforts.\n\nADVERTISEMENT\n\nPROTECTION\n\nThe government protected victims.\n\n"
		"PREVENTION\n\nThe government increased prevention efforts.\n\nRELATED\n\n"
		"Guyana stays on Tier 1 for the fifth year\n\n2 Comments\n\nMaria\n\nGreat article.\n";
	struct import_options opt = { .year = 2012 };
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	import_buf("reply.txt", mail, &opt, &res);
	recs = document_section(find_doc(&res, "el-salvador"), "recommendations");
	assert_int_equal(recs->n_items, 3);
	assert_string_equal(recs->items[0], "ensure that victims receive services");
	assert_string_equal(recs->items[2], "increase funding for the police.");
	import_result_free(&res);
	opt.year = 2016;
	import_buf("news.txt", news, &opt, &res);
	doc = find_doc(&res, "united-states");
	assert_non_null(document_section(doc, "overview"));
	assert_true(doc->complete);
	assert_false(doc_contains(doc, "ADVERTISEMENT"));
	assert_false(doc_contains(doc, "not copied"));
	assert_false(doc_contains(doc, "Guyana"));
	assert_false(doc_contains(doc, "Great article"));
	import_result_free(&res);
}

/* A page of an edition read by pdftotext's text flow: the end of the
 * narrative before (its profile, no tier, no heading of its own) is left
 * out; sections of the next one that the flow put before its heading go
 * under it. */
static void test_pdf_flow_before_heading(void **state)
{
	static const char text[] =
		"and indicators of trafficking; however, authorities did not report identifying victims.\n\n"
		"TRAFFICKING PROFILE\n\nAs reported over the past five years, Brunei is a destination "
		"country for men, women, and children subjected to forced labor. Men and women migrate to "
		"Brunei for domestic work and are subjected to involuntary servitude in Brunei.\n\n"
		"PROTECTION\n\nThe government of Tonga made minimal efforts to protect victims in Tonga and "
		"did not identify any victims this year, as it did not the year before.\n\n"
		"PREVENTION\n\nThe government of Tonga made minimal efforts to prevent trafficking in Tonga, "
		"and Tonga did not raise awareness of trafficking among workers.\n\n"
		"TONGA (Tier 2)\n\nThe Government of Tonga does not fully comply with the minimum "
		"standards.\n\nRecommendations for Tonga: draft a law; and train officials.\n\n"
		"Prosecution\n\nThe government made no prosecutions.\n";
	struct import_options opt = { .year = 2012 };
	struct import_result res = {0};
	const struct document *doc;

	(void)state;
	import_buf("page.txt", text, &opt, &res);
	assert_int_equal(res.n_docs, 1);
	doc = find_doc(&res, "tonga");
	assert_non_null(document_section(doc, "protection"));
	assert_non_null(document_section(doc, "prevention"));
	assert_true(doc->complete);
	assert_false(doc_contains(doc, "Brunei"));
	import_result_free(&res);
}

/* What batch 12 of the held-out copies showed: a document site's search
 * box over a 2004 narrative (name, then its tier) is a line, not the
 * page's end; a forwarded email's signature (name and title over "-- ")
 * is no text; the verdict on Macau names its region. */
static void test_refworld_signature_macau(void **state)
{
	static const char refworld[] =
		"Refworld\nSearch Refworld\nby keyword\n\n"
		"SERBIA AND MONTENEGRO\nTier 2\n\n"
		"Serbia and Montenegro is a source, transit, and destination country for women trafficked "
		"for sexual exploitation.\n\nThe Government of Serbia and Montenegro does not fully comply "
		"with the minimum standards; however, it is making significant efforts to do so.\n\n"
		"Prosecution\nThe government's law enforcement efforts improved.\n\n"
		"Protection\nThe government's efforts to protect victims improved modestly.\n\n"
		"Prevention\nThe government conducted limited prevention efforts.\n\n"
		"Search Refworld\nby keyword\nand / or country\nAll countries\n";
	static const char mail[] =
		"MACAU: TIER 2\n\nThe Macau Special Administrative Region (MSAR) of the People's Republic of "
		"China does not fully meet the minimum standards for the elimination of trafficking.\n\n"
		"PROSECUTION\n\nThe government maintained law enforcement efforts.\n\n"
		"PROTECTION\n\nThe government protected victims.\n\n"
		"PREVENTION\n\nThe government continued prevention efforts.\n\n"
		"Helen Marsh\nSenior Research Officer | Policy Unit\n-- \nUnit mailing list\n";
	struct import_options opt = { .year = 2004 };
	struct import_result res = {0};
	const struct document *doc;

	(void)state;
	import_buf("refworld.txt", refworld, &opt, &res);
	doc = find_doc(&res, "serbia-and-montenegro");
	assert_non_null(doc);
	assert_int_equal(doc->tier, TIER_2);
	assert_true(doc->complete);
	assert_false(doc_contains(doc, "keyword"));
	import_result_free(&res);
	opt.year = 2016;
	import_buf("mail.txt", mail, &opt, &res);
	doc = find_doc(&res, "macau");
	assert_true(para_starts(doc, "The Macau Special Administrative Region"));
	assert_non_null(document_section(doc, "overview"));
	assert_true(doc->complete);
	assert_false(doc_contains(doc, "Helen"));
	assert_false(doc_contains(doc, "Policy Unit"));
	import_result_free(&res);
}

/* A copy that writes a paragraph a line (a document site's select-all):
 * its menu after the narrative is a paragraph a line too, and is dropped
 * all the same; the tier chart's title is no text in any case.  Short
 * items without full stops at a copy's end are a list, not a menu. */
static void test_menu_paragraph_a_line(void **state)
{
	static const char text[] =
		"SWITZERLAND (Tier 2)\n\n"
		"Switzerland: Tier Ranking by Year\n\n"
		"The Government of Switzerland fully complies with the minimum standards for the elimination "
		"of trafficking, and it did so again this year according to every measure the report uses, "
		"as in the year before, when its efforts were found serious and sustained in every canton.\n\n"
		"Prosecution\n\nThe government sustained law enforcement efforts.\n\n"
		"Protection\n\nThe government made moderate efforts to protect victims.\n\n"
		"Prevention\n\nThe government made modest efforts to prevent trafficking in persons, and it organized awareness-raising events across the cantons and distributed information to officials of every canton in the country during the year, as it had done the year before and the year before that one too, without a campaign against the demand for commercial sex acts.\n\n"
		"Countries\n\nSwitzerland\n\nTopics\n\nForced labour | Trafficking in persons\n\n"
		"Related Documents\n\nTrafficking in Persons Report 2010 - Switzerland\n";
	static const char list[] =
		"BHUTAN: TIER 2\n\nThe Government of Bhutan does not fully meet the minimum standards.\n\n"
		"PRIORITIZED RECOMMENDATIONS:\n\nIncrease prosecutions\n\nFund shelters\n\nTrain judges\n";
	struct import_options opt = { .year = 2009 };
	struct import_result res = {0};
	const struct document *doc;

	(void)state;
	import_buf("switzerland.txt", text, &opt, &res);
	doc = find_doc(&res, "switzerland");
	assert_true(doc->complete);
	assert_false(doc_contains(doc, "Topics"));
	assert_false(doc_contains(doc, "Ranking"));
	import_result_free(&res);
	opt.year = 2018;
	import_buf("bhutan.txt", list, &opt, &res);
	assert_int_equal(document_section(find_doc(&res, "bhutan"), "recommendations")->n_items, 3);
	import_result_free(&res);
}

/* A reader numbered every paragraph; the numbers are not the report's, and
 * the recommendations paragraph splits at its semicolons. */
static void test_numbered_paragraphs(void **state)
{
	static const char text[] =
		"GEORGIA: TIER 1\n\n"
		"1. The Government of Georgia fully meets the minimum standards.\n\n"
		"RECOMMENDATIONS FOR GEORGIA:\n\n"
		"2. Increase proactive investigations; train judges on a victim-centered approach; "
		"and fund the state-run shelters.\n\n"
		"PROSECUTION\n\n3. The government maintained law enforcement efforts.\n\n"
		"PROTECTION\n\n4. The government maintained protection efforts.\n";
	struct import_result res = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	doc = import_doc("georgia.txt", text, 2017, "georgia", &res);
	recs = document_section(doc, "recommendations");
	assert_int_equal(recs->n_items, 3);
	assert_string_equal(recs->items[0], "Increase proactive investigations");
	assert_true(para_starts(doc, "The Government of Georgia fully meets"));
	assert_true(para_starts(doc, "The government maintained protection efforts."));
	import_result_free(&res);
}

/* An aggregator's long "Read the full country narrative ..." after the
 * items is its link, not an item. */
static void test_read_full_narrative(void **state)
{
	static const char text[] =
		"ALGERIA: Tier 3\n\n"
		"The Government of Algeria does not fully meet the minimum standards.\n\n"
		"PRIORITIZED RECOMMENDATIONS:\n"
		"\xe2\x80\xa2 Increase efforts to investigate and prosecute trafficking crimes.\n"
		"\xe2\x80\xa2 Train law enforcement officials on victim identification.\n\n"
		"Read the full country narrative, including the Prosecution, Protection, Prevention "
		"and Trafficking Profile sections, on state.gov.\n";
	struct import_options opt = { .year = 2021 };
	struct import_result res = {0};

	(void)state;
	import_buf("algeria.txt", text, &opt, &res);
	assert_int_equal(document_section(find_doc(&res, "algeria"), "recommendations")->n_items, 2);
	import_result_free(&res);
}

/* A page's source saved as text, no doctype: read as HTML, its tags and
 * entities gone. */
static void test_html_source_as_text(void **state)
{
	static const char text[] =
		"<div class=\"col-md-9\">\n<h2>HAITI (Tier 2 Watch List)</h2>\n"
		"<p>Haiti is a source country for children in domestic servitude, known as "
		"<em>restaveks</em>.</p>\n"
		"<p>The Government of Haiti does not fully comply with the minimum standards.</p>\n"
		"<p><strong>Recommendations for Haiti:</strong><br />\n"
		"Implement the 2014 law; train police on the law; and raise awareness of "
		"Haiti&rsquo;s restaveks.</p>\n</div>\n";
	struct import_options opt = { .year = 2014 };
	struct import_result res = {0};
	struct diags d = {0};
	const struct document *doc;
	const struct section *recs;

	(void)state;
	assert_true(import_buffer("haiti.txt", text, strlen(text), countries, &opt, &res, &d));
	doc = find_doc(&res, "haiti");
	assert_int_equal(doc->tier, TIER_2WL);
	recs = document_section(doc, "recommendations");
	assert_int_equal(recs->n_items, 3);
	assert_string_equal(recs->items[2], "raise awareness of Haiti\xe2\x80\x99s restaveks.");
	assert_false(doc_contains(doc, "<"));
	import_result_free(&res);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_extract_2022),
		cmocka_unit_test(test_web_copy_2021),
		cmocka_unit_test(test_republished_excerpt_2023),
		cmocka_unit_test(test_commentary),
		cmocka_unit_test(test_older_edition_layout),
		cmocka_unit_test(test_web_page_2006),
		cmocka_unit_test(test_no_heading),
		cmocka_unit_test(test_heading_and_list_variants),
		cmocka_unit_test(test_special_case_and_several_countries),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_hyphen_evidence),
		cmocka_unit_test(test_dehyphenation),
		cmocka_unit_test(test_interleaved_columns),
		cmocka_unit_test(test_page_header_and_banner),
		cmocka_unit_test(test_list_markers),
		cmocka_unit_test(test_tier_in_words),
		cmocka_unit_test(test_unicode_spaces),
		cmocka_unit_test(test_recommendations_mid_paragraph),
		cmocka_unit_test(test_overview_without_blank_line),
		cmocka_unit_test(test_right_column_line_alone),
		cmocka_unit_test(test_email_forward_quoted),
		cmocka_unit_test(test_email_forward_headers),
		cmocka_unit_test(test_markdown_note),
		cmocka_unit_test(test_org_mode),
		cmocka_unit_test(test_restructuredtext),
		cmocka_unit_test(test_mediawiki),
		cmocka_unit_test(test_csv_export),
		cmocka_unit_test(test_mojibake),
		cmocka_unit_test(test_page_title_then_heading),
		cmocka_unit_test(test_site_chrome_around_paste),
		cmocka_unit_test(test_country_running_head),
		cmocka_unit_test(test_placement_list),
		cmocka_unit_test(test_quality),
		cmocka_unit_test(test_tags_footer),
		cmocka_unit_test(test_item_semicolons),
		cmocka_unit_test(test_numbered_paragraphs),
		cmocka_unit_test(test_read_full_narrative),
		cmocka_unit_test(test_html_source_as_text),
		cmocka_unit_test(test_note_after_bullets),
		cmocka_unit_test(test_page_around_narrative),
		cmocka_unit_test(test_researcher_notes_around_paste),
		cmocka_unit_test(test_edition_sources),
		cmocka_unit_test(test_after_the_narrative),
		cmocka_unit_test(test_narrative_inside_documents),
		cmocka_unit_test(test_early_edition_sections),
		cmocka_unit_test(test_menu_after_narrative),
		cmocka_unit_test(test_columns_beside_chart),
		cmocka_unit_test(test_email_news_and_notes),
		cmocka_unit_test(test_pdf_flow_before_heading),
		cmocka_unit_test(test_refworld_signature_macau),
		cmocka_unit_test(test_menu_paragraph_a_line),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
