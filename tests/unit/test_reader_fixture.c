/* test_reader_fixture.c — the reader's state on a small fixture corpus
 * (tests/data/ui-corpus) built for what the bundled narratives lack:
 * accented names (collation and the filter), wide characters (wrapping and
 * resize anchoring by display width), combining marks in a search, an
 * excerpt, and a section kept by id across editions that number it
 * differently. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "content/corpus.h"
#include "corpus_fixture.h"
#include "base/icu.h"
#include "reader/reading.h"
#include "text/textwrap.h"
#include "reader/tree.h"
#include "base/util.h"

static int setup(void **state)
{
	(void)state;
	return fixture_open("tests/data/ui-corpus");
}

static struct collection *tip(void)
{
	return corpus_collection_by_name(corpus, "tip");
}

static struct corpus_doc *doc_entry(const char *slug, int year)
{
	struct corpus_doc *e = collection_find(tip(), slug, year);

	assert_non_null(e);
	assert_non_null(corpus_doc_load(e, &diags));
	return e;
}

static void test_collation_and_filter(void **state)
{
	struct tree *t = tree_new(corpus, tip());

	(void)state;
	/* ICU order: "Côte" among the C's before "Curaçao", not after "Cu". */
	assert_int_equal(tree_n_rows(t), 3);
	assert_string_equal(tree_row(t, 0)->label, "China");
	assert_string_equal(tree_row(t, 1)->label, "C\xc3\xb4te d'Ivoire");
	assert_string_equal(tree_row(t, 2)->label, "Cura\xc3\xa7" "ao");
	/* The filter narrows as it is typed, accent- and case-insensitively. */
	tree_set_filter(t, "c");
	assert_int_equal(tree_n_rows(t), 3);
	tree_set_filter(t, "co");
	assert_int_equal(tree_n_rows(t), 1);
	assert_string_equal(tree_row(t, 0)->label, "C\xc3\xb4te d'Ivoire");
	tree_set_filter(t, "CURACAO");
	assert_int_equal(tree_n_rows(t), 1);
	tree_set_filter(t, "ivory");
	assert_int_equal(tree_n_rows(t), 1);
	tree_set_filter(t, "C\xc3\x94TE"); /* CÔTE */
	assert_int_equal(tree_n_rows(t), 1);
	tree_set_filter(t, "");
	/* By year: 2023 holds only the excerpt. */
	tree_set_mode(t, TREE_BY_YEAR);
	assert_int_equal(tree_n_rows(t), 2);
	assert_int_equal(tree_row(t, 1)->n_children, 1);
	tree_free(t);
}

static void test_excerpt_header(void **state)
{
	struct corpus_doc *e = collection_find(tip(), "cote-divoire", 2023);

	(void)state;
	assert_non_null(e);
	assert_true(corpus_doc_header(e));
	assert_false(e->complete);
	assert_int_equal(e->tier, TIER_2WL);
}

static void test_wide_wrap_and_resize(void **state)
{
	const struct document *doc = doc_entry("curacao", 2022)->doc;
	const char *para = doc->sections[0].paras[0];
	struct strbuf joined = {0};
	struct reading r;
	size_t first_text = SIZE_MAX;

	(void)state;
	reading_init(&r);
	reading_open(&r, doc, "Cura\xc3\xa7" "ao", 25, 6);
	/* Lines of two-column characters: at most 25 columns (so 24: no
	 * character is split over the edge), and together the whole paragraph. */
	for (size_t i = 0; i < r.lo.n; i++) {
		const struct layout_line *l = &r.lo.v[i];

		if (l->kind != LINE_TEXT || l->ref.section != 0)
			continue;
		if (first_text == SIZE_MAX)
			first_text = i;
		assert_true(text_width(l->text, l->len) <= 24);
		assert_int_equal(l->text - para, (ptrdiff_t)l->ref.offset);
		sb_add(&joined, l->text, l->len);
	}
	assert_string_equal(sb_str(&joined), para);
	assert_int_equal(r.lo.v[first_text].len, 12 * 3); /* twelve characters on a full line */
	sb_free(&joined);
	/* The third line of the paragraph on top; a reflow keeps its first
	 * character on the first visible line. */
	reading_set_top(&r, first_text + 2);
	{
		const char *at = r.lo.v[r.top].text;

		reading_resize(&r, 40, 6);
		assert_true(r.lo.v[r.top].text <= at && at < r.lo.v[r.top].text + r.lo.v[r.top].len);
		reading_resize(&r, 25, 6);
		assert_ptr_equal(r.lo.v[r.top].text, at);
	}
	reading_close(&r);
}

static void test_search_combining(void **state)
{
	const struct document *doc = doc_entry("curacao", 2022)->doc;
	const char *text = doc->sections[1].paras[0];
	struct reading r;

	(void)state;
	reading_init(&r);
	reading_open(&r, doc, "Cura\xc3\xa7" "ao", 60, 10);
	/* "Cafe" + U+0301 and the precomposed "café" both match "CAFE". */
	assert_int_equal(reading_search(&r, "CAFE", 0), 2);
	assert_int_equal(r.matches[0].start, 0);
	assert_int_equal(r.matches[0].end, 6); /* the combining mark belongs to the match */
	assert_memory_equal(text + r.matches[1].start, "caf\xc3\xa9", 5);
	assert_int_equal(reading_search(&r, "caf\xc3\xa9 w", 0), 2);
	reading_close(&r);
}

static void test_next_edition_keeps_section(void **state)
{
	struct tree *t = tree_new(corpus, tip());
	struct corpus_doc *a = doc_entry("cote-divoire", 2022), *b;
	struct reading r;

	(void)state;
	reading_init(&r);
	reading_open(&r, a->doc, "C\xc3\xb4te d'Ivoire", 60, 10);
	/* The last section's heading cannot reach the top line of a short
	 * document, but the reader is in that section all the same. */
	assert_true(reading_goto_section_id(&r, "prosecution"));
	assert_true(r.top < layout_section_start(&r.lo, 2));
	assert_int_equal(reading_section_at_top(&r), 2);
	reading_resize(&r, 50, 10);
	assert_int_equal(reading_section_at_top(&r), 2);
	reading_scroll(&r, -1);
	assert_int_equal(r.lo.v[r.top].ref.section, reading_section_at_top(&r));
	assert_true(reading_goto_section_id(&r, "prosecution"));
	/* 2023 has no recommendations: prosecution is its second section. */
	b = collection_adjacent(a, 1);
	assert_non_null(b);
	assert_int_equal(b->year, 2023);
	assert_null(collection_adjacent(b, 1));
	assert_ptr_equal(collection_adjacent(b, -1), a);
	assert_null(collection_adjacent(a, -1));
	assert_null(collection_adjacent(doc_entry("china", 2022), 1));
	assert_non_null(corpus_doc_load(b, &diags));
	{
		char *id = xstrdup(reading_section_id_at_top(&r));

		reading_open(&r, b->doc, "C\xc3\xb4te d'Ivoire", 60, 10);
		assert_true(reading_goto_section_id(&r, id));
		assert_int_equal(reading_section_at_top(&r), 1);
		assert_string_equal(reading_section_id_at_top(&r), "prosecution");
		free(id);
	}
	assert_false(reading_goto_section_id(&r, "recommendations"));
	assert_string_equal(reading_section_id_at_top(&r), "prosecution");
	reading_set_top(&r, 0);
	assert_null(reading_section_id_at_top(&r));
	reading_close(&r);
	tree_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_collation_and_filter),
		cmocka_unit_test(test_excerpt_header),
		cmocka_unit_test(test_wide_wrap_and_resize),
		cmocka_unit_test(test_search_combining),
		cmocka_unit_test(test_next_edition_keeps_section),
	};

	return cmocka_run_group_tests(tests, setup, fixture_close);
}
