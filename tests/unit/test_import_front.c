/* test_import_front.c — the importer's front ends, each on its own: plain
 * text (lines, pages side by side), HTML (chrome, charsets, entities, the
 * page's address) and PDF (a page drawn here with cairo: reading order,
 * running heads, headings, captions, paragraph breaks), and format
 * detection from the bytes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "base/util.h"
#include "import/html.h"
#include "import/import.h"
#include "import/pdf.h"
#include "import/source.h"

/* The line whose text starts with prefix, or NULL. */
static const struct src_line *find_line(const struct import_source *src, const char *prefix)
{
	for (size_t i = 0; i < src->n; i++)
		if (!strncmp(src->lines[i].s, prefix, strlen(prefix)))
			return &src->lines[i];
	return NULL;
}

static size_t index_of(const struct import_source *src, const char *prefix)
{
	const struct src_line *l = find_line(src, prefix);

	if (!l)
		fail_msg("no line starting '%s'", prefix);
	return (size_t)(l - src->lines);
}

/* --- text --------------------------------------------------------------- */

static void test_text_lines(void **state)
{
	static const char text[] = "one\r\ntwo\fthree\n\nfour";
	struct import_source src = { .name = "t.txt" };

	(void)state;
	import_source_text(&src, text, strlen(text));
	assert_int_equal(src.n, 4);
	assert_string_equal(src.lines[0].s, "one ");
	assert_string_equal(src.lines[1].s, "two three");
	assert_int_equal(src.lines[2].len, 0);
	assert_int_equal(src.lines[3].no, 4);
	assert_int_equal(src.side_by_side, 0);
	import_source_free(&src);
}

static void test_text_side_by_side(void **state)
{
	static const char text[] =
		"KENYA: TIER 2                                 The government maintained law\n"
		"The Government of Kenya does not fully        enforcement efforts. The law\n"
		"meet the minimum standards for the            criminalized sex trafficking and\n"
		"elimination of trafficking.                   labor trafficking.\n"
		"PROSECUTION                                   PROTECTION\n"
		"\f"
		"A second page that is one column of text and nothing beside it at all.\n";
	struct import_source src = { .name = "layout.txt" };

	(void)state;
	import_source_text(&src, text, strlen(text));
	assert_int_equal(src.side_by_side, 1);
	/* The left column, then the right one, then the next page. */
	assert_true(index_of(&src, "PROSECUTION") < index_of(&src, "The government maintained"));
	assert_true(index_of(&src, "labor trafficking.") < index_of(&src, "PROTECTION"));
	/* The form feed that starts the page is a space. */
	assert_true(index_of(&src, "PROTECTION") < index_of(&src, " A second page"));
	assert_string_equal(find_line(&src, "meet the")->s, "meet the minimum standards for the");
	assert_int_equal(find_line(&src, "enforcement efforts")->no, 2);
	assert_int_equal(find_line(&src, "enforcement efforts")->col, 46);
	import_source_free(&src);
}

/* --- HTML --------------------------------------------------------------- */

static bool read_html(const char *html, size_t len, struct import_source *src)
{
	struct diags d = {0};
	bool ok;

	src->name = "page.html";
	ok = import_source_html(src, html, len, &d);
	diags_free(&d);
	return ok;
}

static void test_html_article_without_chrome(void **state)
{
	static const char html[] =
		"<!-- saved from url=(0040)https://example.org/saved/from/here.html -->\n"
		"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Kenya</title>\n"
		"<meta property=\"og:url\" content=\"https://example.org/og\">\n"
		"<link rel=\"canonical\" href=\"https://www.state.gov/reports/kenya/\">\n"
		"<script>var x = '<p>not text</p>';</script><style>p { color: red }</style></head>\n"
		"<body><a class=\"skip-link\" href=\"#m\">Skip to content</a>\n"
		"<div class=\"usa-banner\">An official website</div><nav><ul><li>Home</li></ul></nav>\n"
		"<main id=\"m\"><div class=\"breadcrumbs\">Home &gt; Reports</div><article>\n"
		"<h2>KENYA: Tier 2</h2>\n"
		"<p>The Government of Kenya&rsquo;s efforts &amp; <b>results</b>\n   were   mixed.</p>\n"
		"<div class=\"share-buttons\"><a>Share on X</a></div>\n"
		"<ul><li>Train officials.</li><li></li><li>Fund&nbsp;shelters.</li></ul>\n"
		"<figure><img src=x><figcaption>A photo caption.</figcaption></figure>\n"
		"<table><tr><th>Publisher</th><td>USDOS</td></tr></table>\n"
		"</article><aside>Related articles</aside></main><footer>Privacy</footer></body></html>\n";
	struct import_source src = {0};
	const struct src_line *l;

	(void)state;
	assert_true(read_html(html, strlen(html), &src));
	assert_string_equal(src.url, "https://www.state.gov/reports/kenya/");
	assert_null(find_line(&src, "Skip"));
	assert_null(find_line(&src, "An official"));
	assert_null(find_line(&src, "Home"));
	assert_null(find_line(&src, "Share"));
	assert_null(find_line(&src, "Related"));
	assert_null(find_line(&src, "Privacy"));
	assert_null(find_line(&src, "var x"));
	l = find_line(&src, "KENYA");
	assert_non_null(l);
	assert_int_equal(l->role, SRC_HEADING);
	assert_int_equal(l->level, 2);
	l = find_line(&src, "The Government");
	assert_string_equal(l->s, "The Government of Kenya\xe2\x80\x99s efforts & results were mixed.");
	assert_int_equal(l->brk, SRC_BREAK_NEW);
	assert_int_equal(l->no, 10);
	assert_non_null(find_line(&src, "\xe2\x80\xa2 Train officials."));
	assert_non_null(find_line(&src, "\xe2\x80\xa2 Fund\xc2\xa0shelters."));
	assert_int_equal(find_line(&src, "A photo caption.")->role, SRC_CAPTION);
	assert_non_null(find_line(&src, "Publisher | USDOS"));
	/* The empty list item is not a line. */
	for (size_t i = 0; i < src.n; i++)
		assert_string_not_equal(src.lines[i].s, "\xe2\x80\xa2");
	import_source_free(&src);
}

static void test_html_legacy_charset_and_addresses(void **state)
{
	/* windows-1252: 0x92 is a right single quote, 0x97 an em dash. */
	static const char html[] =
		"<!-- saved from url=(0049)http://www.state.gov/g/tip/rls/tiprpt/2006/x.htm -->\n"
		"<HTML><HEAD><META http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\n"
		"</HEAD><BODY><TABLE><TR><TD class=nav>Home | Reports</TD></TR></TABLE>\n"
		"<TABLE><TR><TD><P><B>HONDURAS (Tier 2)</B></P><P>Honduras\x92s efforts\x97weak.</P>"
		"</TD></TR></TABLE></BODY></HTML>\n";
	static const char og[] =
		"<html><head><meta property=\"og:url\" content=\"https://example.org/doc/1\"></head>"
		"<body><p>Text.</p></body></html>";
	static const char bad_url[] =
		"<html><head><link rel=\"canonical\" href=\"javascript:alert(1)\"></head>"
		"<body><p>Text.</p></body></html>";
	struct import_source src = {0};

	(void)state;
	assert_true(read_html(html, strlen(html), &src));
	assert_string_equal(src.url, "http://www.state.gov/g/tip/rls/tiprpt/2006/x.htm");
	assert_non_null(find_line(&src, "HONDURAS (Tier 2)"));
	assert_non_null(find_line(&src, "Honduras\xe2\x80\x99s efforts\xe2\x80\x94weak."));
	assert_null(find_line(&src, "Home"));
	import_source_free(&src);
	assert_true(read_html(og, strlen(og), &src));
	assert_string_equal(src.url, "https://example.org/doc/1");
	import_source_free(&src);
	assert_true(read_html(bad_url, strlen(bad_url), &src));
	assert_null(src.url);
	import_source_free(&src);
	/* A page with no text says so. */
	assert_false(read_html("<html><body><nav>x</nav></body></html>", 38, &src));
	import_source_free(&src);
}

/* --- PDF ---------------------------------------------------------------- */

static cairo_status_t to_strbuf(void *closure, const unsigned char *data, unsigned int length)
{
	sb_add(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

static void text_at(cairo_t *cr, double x, double y, const char *s, double size, bool bold,
		    bool italic)
{
	cairo_select_font_face(cr, "DejaVu Serif", italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
			       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
	cairo_move_to(cr, x, y);
	cairo_show_text(cr, s);
}

/* One letter page as the report sets a narrative: a running head and a page
 * number at the edges, a large heading, a bold section heading, two columns
 * (the right one drawn first, so the order must come from the positions),
 * an italic caption and a paragraph break by a gap. */
static void draw_page(struct strbuf *pdf)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_strbuf, pdf, 612, 792);
	cairo_t *cr = cairo_create(s);
	static const char *const body[] = {
		"The Government of Kenya does not fully", "meet the minimum standards for the",
		"elimination of trafficking.", NULL,
	};

	text_at(cr, 400, 40, "KENYA", 7.5, true, false);
	text_at(cr, 330, 100, "PROSECUTION", 9.5, true, false);
	text_at(cr, 330, 112, "The government maintained law", 9, false, false);
	text_at(cr, 330, 123.5, "enforcement efforts.", 9, false, false);
	text_at(cr, 54, 90, "KENYA: TIER 2", 15, true, false);
	for (int i = 0; body[i]; i++)
		text_at(cr, 54, 112 + 11.5 * i, body[i], 9, false, false);
	text_at(cr, 54, 170, "A second paragraph after a gap.", 9, false, false);
	text_at(cr, 54, 181.5, "It goes on here.", 9, false, false);
	text_at(cr, 54, 220, "Survivors attend a course.", 8, false, true);
	text_at(cr, 540, 760, "57", 8, false, false);
	cairo_show_page(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

static unsigned pages_seen;

static void count_pages(void *arg, unsigned page, unsigned pages, unsigned countries)
{
	(void)arg;
	assert_int_equal(pages, 1);
	pages_seen = page;
	assert_int_equal(countries, 1);
}

static void test_pdf_page(void **state)
{
	struct strbuf pdf = {0};
	struct import_source src = { .name = "page.pdf" };
	struct diags d = {0};
	const struct src_line *l;

	(void)state;
	draw_page(&pdf);
	assert_true(pdf_sniff(pdf.buf, pdf.len));
	assert_int_equal(import_detect(pdf.buf, pdf.len), IMPORT_PDF);
	assert_true(import_source_pdf(&src, pdf.buf, pdf.len, &d, count_pages, NULL));
	assert_int_equal(d.n, 0);
	assert_int_equal(pages_seen, 1);
	assert_int_equal(src.n_pages, 1);
	assert_int_equal(find_line(&src, "KENYA: TIER 2")->role, SRC_HEADING);
	assert_int_equal(find_line(&src, "KENYA: TIER 2")->level, 1);
	assert_int_equal(find_line(&src, "PROSECUTION")->level, 2);
	assert_int_equal(find_line(&src, "Survivors")->role, SRC_CAPTION);
	assert_int_equal(find_line(&src, "57")->role, SRC_FURNITURE);
	l = find_line(&src, "KENYA");
	assert_true(l->role == SRC_FURNITURE || l->role == SRC_HEADING);
	assert_int_equal(find_line(&src, "meet the minimum")->brk, SRC_BREAK_JOIN);
	assert_int_equal(find_line(&src, "A second paragraph")->brk, SRC_BREAK_NEW);
	assert_int_equal(find_line(&src, "It goes on")->brk, SRC_BREAK_JOIN);
	assert_int_equal(find_line(&src, "It goes on")->page, 1);
	/* Reading order: the left column, then the right one. */
	assert_true(index_of(&src, "KENYA: TIER 2") < index_of(&src, "The Government"));
	assert_true(index_of(&src, "It goes on") < index_of(&src, "PROSECUTION"));
	assert_true(index_of(&src, "PROSECUTION") < index_of(&src, "enforcement efforts."));
	import_source_free(&src);
	sb_free(&pdf);
	diags_free(&d);
}

static void test_pdf_broken(void **state)
{
	static const char broken[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
	struct import_source src = { .name = "broken.pdf" };
	struct diags d = {0};

	(void)state;
	assert_false(import_source_pdf(&src, broken, strlen(broken), &d, NULL, NULL));
	assert_int_equal(d.n_errors, 1);
	assert_non_null(strstr(d.v[0].msg, "cannot read this PDF"));
	import_source_free(&src);
	diags_free(&d);
}

/* --- formats -------------------------------------------------------------- */

static void test_detect(void **state)
{
	(void)state;
	assert_int_equal(import_detect("\xef\xbb\xbf  <!DOCTYPE html><p>", 22), IMPORT_HTML);
	assert_int_equal(import_detect("<!-- a comment -->\n<html>", 25), IMPORT_HTML);
	assert_int_equal(import_detect("<HTML><BODY>", 12), IMPORT_HTML);
	assert_int_equal(import_detect("junk\n%PDF-1.4\n", 14), IMPORT_PDF);
	assert_int_equal(import_detect("KENYA: TIER 2\n<p> in text", 25), IMPORT_TEXT);
	assert_int_equal(import_detect("", 0), IMPORT_TEXT);
	assert_string_equal(import_format_name(IMPORT_PDF), "PDF");
	assert_string_equal(import_format_name(IMPORT_HTML), "HTML");
	assert_string_equal(import_format_name(IMPORT_TEXT), "text");
}

/* cairo and fontconfig keep their fonts until told: the leak checker would
 * count them. */
static int release_cairo(void **state)
{
	(void)state;
	cairo_debug_reset_static_data();
	FcFini();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_lines),
		cmocka_unit_test(test_text_side_by_side),
		cmocka_unit_test(test_html_article_without_chrome),
		cmocka_unit_test(test_html_legacy_charset_and_addresses),
		cmocka_unit_test(test_pdf_page),
		cmocka_unit_test(test_pdf_broken),
		cmocka_unit_test(test_detect),
	};

	return cmocka_run_group_tests(tests, NULL, release_cairo);
}
