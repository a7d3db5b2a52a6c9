/* test_layout.c — a document as display lines: kinds, numbered
 * recommendations, width, and finding a place again after a reflow. */
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
#include "content/layout.h"
#include "text/textwrap.h"
#include "base/util.h"

static int teardown(void **state)
{
	(void)state;
	icu_cleanup();
	return 0;
}

static struct document *sample(void)
{
	struct document *doc = document_new();
	struct section *s;
	char item[64];

	document_set(doc, "kenya", 2022, TIER_2, "Kenya", "2022 Trafficking in Persons Report", false);
	s = document_add_section(doc, "overview", "Overview");
	section_add_para(doc, s, "The Government of Kenya does not fully meet the minimum standards for the "
				 "elimination of trafficking but is making significant efforts to do so.", 123);
	section_add_para(doc, s, "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87 wide text.", 24);
	s = document_add_section(doc, "recommendations", "Prioritized Recommendations");
	for (int i = 1; i <= 11; i++) {
		int n = snprintf(item, sizeof(item), "Recommendation number %d, long enough to wrap here.", i);

		section_add_item(doc, s, item, (size_t)n);
	}
	return doc;
}

static void test_lines(void **state)
{
	struct document *doc = sample();
	struct layout lo;
	int numbers = 0;
	bool notice = false;

	(void)state;
	layout_document(&lo, doc, "Kenya", -1, 30);
	assert_int_equal(lo.v[0].kind, LINE_TITLE);
	assert_int_equal(lo.v[1].kind, LINE_META);
	assert_int_equal(lo.v[1].tier, TIER_2);
	assert_int_equal(lo.number_width, 3); /* "11." */
	for (size_t i = 0; i < lo.n; i++) {
		const struct layout_line *l = &lo.v[i];

		notice |= l->kind == LINE_NOTICE;
		assert_true(text_width(l->text, l->len) + l->indent <= 30 || l->kind == LINE_META ||
			    l->kind == LINE_NOTICE || l->kind == LINE_TITLE);
		if (l->kind == LINE_ITEM) {
			assert_int_equal(l->indent, 4);
			if (l->number)
				assert_int_equal(l->number, ++numbers);
		}
		/* Text lines point into their block at their offset. */
		if (l->kind == LINE_TEXT || l->kind == LINE_ITEM)
			assert_ptr_equal(l->text, layout_block_text(doc, l->ref.section, l->ref.block) + l->ref.offset);
	}
	assert_true(notice);  /* an excerpt says so */
	assert_int_equal(numbers, 11);
	assert_int_equal(lo.v[layout_section_start(&lo, 1)].kind, LINE_HEADING);
	assert_int_equal(layout_section_start(&lo, 7), lo.n);
	layout_free(&lo);
	/* One section only. */
	layout_document(&lo, doc, "Kenya", 1, 80);
	assert_int_equal(lo.v[0].kind, LINE_HEADING);
	assert_int_equal(lo.v[0].ref.section, 1);
	layout_free(&lo);
	document_free(doc);
}

static void test_find_after_reflow(void **state)
{
	struct document *doc = sample();
	struct layout narrow, wide;
	struct line_ref ref;
	size_t i, j;

	(void)state;
	layout_document(&narrow, doc, "Kenya", -1, 24);
	layout_document(&wide, doc, "Kenya", -1, 100);
	/* A line in the middle of the first paragraph. */
	for (i = 0; i < narrow.n && !(narrow.v[i].kind == LINE_TEXT && narrow.v[i].ref.offset > 40); i++)
		;
	assert_true(i < narrow.n);
	ref = narrow.v[i].ref;
	j = layout_find(&wide, ref);
	assert_int_equal(wide.v[j].ref.block, ref.block);
	assert_true(wide.v[j].ref.offset <= ref.offset && ref.offset < wide.v[j].ref.offset + wide.v[j].len + 1);
	assert_int_equal(layout_find(&narrow, ref), i);
	layout_free(&narrow);
	layout_free(&wide);
	document_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_find_after_reflow),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
