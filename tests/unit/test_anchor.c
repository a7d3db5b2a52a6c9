/* test_anchor.c — re-anchoring annotations on the real bundled 2022 North
 * Korea narrative after the kinds of edits a re-import brings. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "notes/annotations.h"
#include "content/document.h"
#include "base/icu.h"
#include "base/util.h"

static char *original; /* the YAML text of the narrative */
static size_t original_len;

static int setup(void **state)
{
	char *path = path_join(TIPR_SRCDIR, "content/tip/2022/korea-north.yaml");

	(void)state;
	original = read_file(path, 1u << 24, &original_len);
	free(path);
	return original ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(original);
	icu_cleanup();
	return 0;
}

/* The narrative with every occurrence of from replaced by to (which must
 * occur at least once). */
static struct document *edited(const char *from, const char *to)
{
	struct strbuf sb = {0};
	const char *p = original, *hit;
	struct diags d = {0};
	struct document *doc;
	size_t hits = 0;

	while (from && (hit = strstr(p, from))) {
		sb_add(&sb, p, (size_t)(hit - p));
		sb_adds(&sb, to);
		p = hit + strlen(from);
		hits++;
	}
	sb_adds(&sb, p);
	if (from)
		assert_true(hits > 0);
	doc = document_parse("korea-north.yaml", sb.buf, sb.len, &d);
	if (!doc)
		fail_msg("%s", d.n ? d.v[0].msg : "parse failed");
	diags_free(&d);
	sb_free(&sb);
	return doc;
}

/* An annotation on the first occurrence of quote in a section of doc. */
static void annotate(struct annotation *a, const struct document *doc, const char *section,
		     const char *quote)
{
	int s = document_section_index(doc, section);
	struct ann_anchor at;

	assert_true(s >= 0);
	assert_true(ann_find_quote(doc, s, quote, &at) >= 1);
	memset(a, 0, sizeof(*a));
	strcpy(a->id, "0123456789ab");
	a->collection = xstrdup("tip");
	a->country = xstrdup(doc->country);
	a->year = doc->year;
	a->section = xstrdup(section);
	a->item = at.item;
	a->index = at.index;
	a->start = at.start;
	a->end = at.end;
	a->quote = xstrndup((at.item ? doc->sections[s].items : doc->sections[s].paras)[at.index] +
				    at.start, at.end - at.start);
	ann_context(doc, s, at.item, at.index, at.start, at.end, &a->prefix, &a->suffix);
	a->note = xstrdup("");
}

/* The text an anchor covers. */
static char *anchored(const struct document *doc, const struct ann_anchor *at)
{
	const struct section *s = &doc->sections[at->section];

	return xstrndup((at->item ? s->items : s->paras)[at->index] + at->start, at->end - at->start);
}

/* Annotates quote in the original, edits the text, resolves; checks the
 * kind and (unless orphaned) that the anchor covers expect. */
static void check(const char *section, const char *quote, const char *from, const char *to,
		  enum ann_anchor_kind kind, const char *expect, struct ann_anchor *out)
{
	struct document *before = edited(NULL, NULL), *after = edited(from, to);
	struct annotation a;
	struct ann_anchor at;

	annotate(&a, before, section, quote);
	ann_resolve(&a, after, &at);
	if (at.kind != kind)
		fail_msg("'%s': expected %s, got %s", quote, ann_anchor_name(kind), ann_anchor_name(at.kind));
	if (kind != ANN_ANCHOR_ORPHAN) {
		char *got = anchored(after, &at);

		assert_string_equal(got, expect);
		free(got);
	} else {
		assert_int_equal(at.section, -1);
	}
	if (out)
		*out = at;
	ann_done(&a);
	document_free(before);
	document_free(after);
}

static void test_unchanged_is_exact(void **state)
{
	(void)state;
	check("prosecution", "Fair trials did not occur in the DPRK", NULL, NULL, ANN_ANCHOR_EXACT,
	      "Fair trials did not occur in the DPRK", NULL);
	check("recommendations", "Criminalize sex trafficking and labor trafficking.", NULL, NULL,
	      ANN_ANCHOR_EXACT, "Criminalize sex trafficking and labor trafficking.", NULL);
}

static void test_context_captured(void **state)
{
	struct document *doc = edited(NULL, NULL);
	struct annotation a;

	(void)state;
	annotate(&a, doc, "prosecution", "Fair trials did not occur in the DPRK");
	assert_string_equal(a.prefix, "afficking or labor trafficking. ");
	assert_int_equal(strlen(a.suffix), 32);
	assert_string_equal(a.suffix, ", and the government did not exp");
	ann_done(&a);
	/* At the start of a section the prefix is empty; at a paragraph start
	 * it reaches into the paragraph before. */
	annotate(&a, doc, "prosecution", "The government did not report any law");
	assert_string_equal(a.prefix, "");
	ann_done(&a);
	annotate(&a, doc, "profile", "The DPRK holds an estimated");
	assert_true(str_has_suffix(a.prefix, "\n"));
	ann_done(&a);
	document_free(doc);
}

static void test_typo_fixed_elsewhere(void **state)
{
	(void)state;
	check("prosecution", "Fair trials did not occur in the DPRK", "It is unclear whether DPRK laws",
	      "It is not clear if DPRK laws", ANN_ANCHOR_MOVED, "Fair trials did not occur in the DPRK",
	      NULL);
}

static void test_paragraph_split(void **state)
{
	struct ann_anchor at;

	(void)state;
	check("prosecution", "Fair trials did not occur in the DPRK", "labor trafficking. Fair trials",
	      "labor trafficking.\n\n    Fair trials", ANN_ANCHOR_MOVED,
	      "Fair trials did not occur in the DPRK", &at);
	assert_int_equal(at.index, 1);
	assert_int_equal(at.start, 0);
}

static void test_quotes_straightened(void **state)
{
	(void)state;
	check("overview", "Democratic People’s Republic of Korea (DPRK)", "People’s", "People's",
	      ANN_ANCHOR_MOVED, "Democratic People's Republic of Korea (DPRK)", NULL);
	check("profile", "“re-education through labor” camps", "“re-education through labor”",
	      "\"re–education through labor\"", ANN_ANCHOR_MOVED,
	      "\"re–education through labor\" camps", NULL);
}

static void test_whitespace_changed(void **state)
{
	(void)state;
	check("prosecution", "Fair trials did not occur in the DPRK", "Fair trials did not occur",
	      "Fair  trials did not   occur", ANN_ANCHOR_MOVED, "Fair  trials did not   occur in the DPRK",
	      NULL);
}

static void test_item_moved(void **state)
{
	struct ann_anchor at;

	(void)state;
	check("recommendations", "Criminalize sex trafficking and labor trafficking.",
	      "  - End the use of state-sponsored forced labor, including among DPRK workers abroad, in "
	      "prison camps, and through mass mobilizations of adults and children.\n",
	      "", ANN_ANCHOR_MOVED, "Criminalize sex trafficking and labor trafficking.", &at);
	assert_true(at.item);
	assert_int_equal(at.index, 4);
}

static void test_section_renamed(void **state)
{
	struct document *doc = edited("id: prosecution", "id: law-enforcement");
	struct ann_anchor at;

	(void)state;
	check("prosecution", "Fair trials did not occur in the DPRK", "id: prosecution",
	      "id: law-enforcement", ANN_ANCHOR_MOVED, "Fair trials did not occur in the DPRK", &at);
	assert_int_equal(at.section, document_section_index(doc, "law-enforcement"));
	document_free(doc);
}

static void test_reworded_slightly_is_fuzzy(void **state)
{
	(void)state;
	check("protection", "Authorities penalized victims for unlawful acts traffickers compelled them to commit.",
	      "penalized victims for unlawful acts", "penalised victims for the unlawful acts",
	      ANN_ANCHOR_FUZZY,
	      "Authorities penalised victims for the unlawful acts traffickers compelled them to commit.",
	      NULL);
}

static void test_removed_is_orphan(void **state)
{
	(void)state;
	check("prosecution", "Fair trials did not occur in the DPRK",
	      "Fair trials did not occur in the DPRK, and ", "", ANN_ANCHOR_ORPHAN, NULL, NULL);
	/* Rewritten: context still there but the passage reads differently. */
	check("protection", "Authorities penalized victims for unlawful acts traffickers compelled them to commit.",
	      "Authorities penalized victims for unlawful acts traffickers compelled them to commit.",
	      "Officials reportedly detained returnees in labor camps.", ANN_ANCHOR_ORPHAN, NULL, NULL);
}

static void test_lookalike_is_orphan(void **state)
{
	(void)state;
	/* The protection overview sentence is gone; prevention's look-alike
	 * ("did not report any efforts") must not capture it. */
	check("protection", "The government did not report any protection efforts.",
	      "The government did not report any protection efforts. ", "", ANN_ANCHOR_ORPHAN, NULL, NULL);
}

static void test_ambiguous_short_quote_is_orphan(void **state)
{
	(void)state;
	/* "did not" occurs several times; its context changed on both sides. */
	check("prosecution", "did not", "The government did not report any law enforcement efforts.",
	      "Officials did not disclose anything.", ANN_ANCHOR_ORPHAN, NULL, NULL);
}

static void test_duplicated_passage_is_orphan(void **state)
{
	(void)state;
	/* The passage moved and now appears twice with the same context:
	 * neither place agrees better, so it is not pinned to one. */
	check("prosecution", "Fair trials did not occur in the DPRK",
	      "sex trafficking or labor trafficking. Fair trials did not occur in the DPRK, and the government did not explain",
	      "Again: sex trafficking or labor trafficking. Fair trials did not occur in the DPRK, and the government did not explain. "
	      "sex trafficking or labor trafficking. Fair trials did not occur in the DPRK, and the government did not explain",
	      ANN_ANCHOR_ORPHAN, NULL, NULL);
}

static void test_offsets_disagree_with_quote(void **state)
{
	struct document *doc = edited(NULL, NULL);
	struct annotation a;
	struct ann_anchor at;
	char *got;

	(void)state;
	/* A hand-edited file: the offsets cover more than the quote. */
	annotate(&a, doc, "prosecution", "Fair trials did not occur in the DPRK");
	free(a.quote);
	a.quote = xstrdup("Fair trials did not occur");
	ann_resolve(&a, doc, &at);
	assert_int_equal(at.kind, ANN_ANCHOR_MOVED);
	got = anchored(doc, &at);
	assert_string_equal(got, "Fair trials did not occur");
	free(got);
	ann_done(&a);
	document_free(doc);
}

static void test_find_quote(void **state)
{
	struct document *doc = edited(NULL, NULL);
	int s = document_section_index(doc, "prosecution");
	struct ann_anchor at;

	(void)state;
	assert_int_equal(ann_find_quote(doc, s, "fair TRIALS did not  occur", &at), 1);
	assert_int_equal(at.index, 0);
	assert_true(ann_find_quote(doc, s, "did not", &at) > 1);
	assert_int_equal(ann_find_quote(doc, s, "no such passage", &at), 0);
	assert_int_equal(ann_find_quote(doc, document_section_index(doc, "overview"),
					"Democratic People's Republic", &at), 1);
	document_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unchanged_is_exact),
		cmocka_unit_test(test_context_captured),
		cmocka_unit_test(test_typo_fixed_elsewhere),
		cmocka_unit_test(test_paragraph_split),
		cmocka_unit_test(test_quotes_straightened),
		cmocka_unit_test(test_whitespace_changed),
		cmocka_unit_test(test_item_moved),
		cmocka_unit_test(test_section_renamed),
		cmocka_unit_test(test_reworded_slightly_is_fuzzy),
		cmocka_unit_test(test_removed_is_orphan),
		cmocka_unit_test(test_lookalike_is_orphan),
		cmocka_unit_test(test_ambiguous_short_quote_is_orphan),
		cmocka_unit_test(test_duplicated_passage_is_orphan),
		cmocka_unit_test(test_offsets_disagree_with_quote),
		cmocka_unit_test(test_find_quote),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
