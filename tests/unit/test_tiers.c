/* test_tiers.c — the tier scale and changes, the reason finder on the
 * report's own sentences (the seeds and the bundled content), and the
 * histories, placements and counts of tests/data/tiers, a corpus whose
 * tiers are known (see its README). */
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
#include "tiers/byyear.h"
#include "tiers/tiers.h"

static struct corpus *bundled;

static int setup(void **state)
{
	(void)state;
	if (fixture_open("content") != 0)
		return -1;
	bundled = corpus;
	return fixture_open("tests/data/tiers");
}

static int teardown(void **state)
{
	corpus_free(bundled);
	return fixture_close(state);
}

static struct collection *tip(void)
{
	return corpus_collection_by_name(corpus, "tip");
}

static void test_scale(void **state)
{
	double v;

	(void)state;
	assert_true(tier_scale(TIER_1, &v) && v == 1);
	assert_true(tier_scale(TIER_2, &v) && v == 2);
	assert_true(tier_scale(TIER_2WL, &v) && v == 2.5);
	assert_true(tier_scale(TIER_3, &v) && v == 3);
	assert_false(tier_scale(TIER_SPECIAL, &v));
	assert_false(tier_scale(TIER_NONE, &v));
}

static void test_change(void **state)
{
	(void)state;
	assert_int_equal(tier_change_of(TIER_NONE, TIER_2), TC_FIRST);
	assert_int_equal(tier_change_of(TIER_2, TIER_2), TC_SAME);
	assert_int_equal(tier_change_of(TIER_2, TIER_2WL), TC_DOWN);
	assert_int_equal(tier_change_of(TIER_2WL, TIER_2), TC_UP);
	assert_int_equal(tier_change_of(TIER_2WL, TIER_3), TC_DOWN);
	assert_int_equal(tier_change_of(TIER_3, TIER_1), TC_UP);
	assert_int_equal(tier_change_of(TIER_3, TIER_SPECIAL), TC_CHANGED);
	assert_int_equal(tier_change_of(TIER_SPECIAL, TIER_1), TC_CHANGED);
	assert_int_equal(tier_change_of(TIER_SPECIAL, TIER_SPECIAL), TC_SAME);
	assert_string_equal(tier_change_name(TC_ABSENT), "absent");
	assert_string_equal(tier_change_text(TC_ABSENT), "not in the report");
	assert_string_equal(tier_change_name(TC_EXCERPT), "excerpt");
	assert_string_equal(tier_flag_name(TF_UNEXPLAINED), "unexplained");
	assert_string_equal(tier_move_name(MOVE_DOWN), "downgraded");
}

/* The reason in text: its sentence must end with tail, say move and name t. */
static void expect_reason(const char *text, const char *tail, enum tier_move move, enum tier t)
{
	size_t a, b, tl = strlen(tail);
	enum tier_move m = MOVE_NONE;
	enum tier got = TIER_NONE;

	assert_true(tier_reason_in(text, strlen(text), &a, &b, &m, &got));
	assert_true(b - a >= tl);
	assert_memory_equal(text + b - tl, tail, tl);
	assert_int_equal(m, move);
	assert_int_equal(got, t);
}

/* A seed text with its lines joined, as the importer joins them (a line
 * break ends a sentence for ICU). */
static char *seed(const char *name)
{
	char *rel = path_join("seeds", name), *path = path_join(TIPR_SRCDIR, rel);
	size_t len;
	char *text = read_file(path, 1 << 20, &len);

	assert_non_null(text);
	for (char *p = text; *p; p++)
		if (*p == '\n')
			*p = ' ';
	free(path);
	free(rel);
	return text;
}

/* The raw seeds: hard-wrapped PDF text, a web copy, an excerpt, an article. */
static void test_reason_seeds(void **state)
{
	char *t;
	const char *rok;

	(void)state;
	t = seed("tip-2021-dprk.txt");
	expect_reason(t, "therefore North Korea remained on Tier 3.", MOVE_SAME, TIER_3);
	free(t);
	/* The heading "...REPUBLIC OF: TIER 3" and the chart caption place nothing. */
	t = seed("tip-2022-pdf-extract-kenya-dprk-rok.txt");
	expect_reason(t, "therefore the DPRK remained on Tier 3.", MOVE_SAME, TIER_3);
	rok = strstr(t, "KOREA, REPUBLIC OF");
	assert_non_null(rok);
	expect_reason(rok, "South Korea was downgraded to Tier 2.", MOVE_DOWN, TIER_2);
	free(t);
	t = seed("tip-2023-dprk-excerpt.txt");
	expect_reason(t, "therefore the DPRK remained on Tier 3.", MOVE_SAME, TIER_3);
	free(t);
	t = seed("article-dprk-trafficking-summary.txt");
	expect_reason(t, "no deliberate effort to combat trafficking.", MOVE_PLACED, TIER_3);
	free(t);
}

/* The report's other ways of saying it. */
static void test_reason_wordings(void **state)
{
	size_t a, b;
	enum tier_move m;
	enum tier t;
	const char *none[] = {
		"Tier 2 Watch List countries face a downgrade after two years.",
		"The government was not granted a waiver; a downgrade to Tier 3 follows.",
		"The country moved from Tier 2 to Tier 3 in the map.",
		"The Tier 3 countries include several.",
		"Retiers 3 and frontier 2 are not tiers.",
		"",
	};

	(void)state;
	expect_reason("Because the government has devoted sufficient resources to a written plan, Ruritania "
		      "was granted a waiver per the Trafficking Victims Protection Act from an otherwise required "
		      "downgrade to Tier 3 and remained on Tier 2 Watch List for the third consecutive year.",
		      "for the third consecutive year.", MOVE_SAME, TIER_2WL);
	expect_reason("Libya remains a Special Case for the ninth consecutive year.", "consecutive year.",
		      MOVE_SAME, TIER_SPECIAL);
	expect_reason("Yemen is a Special Case.", "is a Special Case.", MOVE_PLACED, TIER_SPECIAL);
	expect_reason("Slovenia is placed on Tier 2 Watch List for its failure to provide evidence.",
		      "failure to provide evidence.", MOVE_PLACED, TIER_2WL);
	expect_reason("It was downgraded from Tier 2 to Tier 2 Watch List.", "to Tier 2 Watch List.", MOVE_DOWN,
		      TIER_2WL);
	expect_reason("It was upgraded from Tier 2 Watch List to Tier 2.", "to Tier 2.", MOVE_UP, TIER_2);
	expect_reason("Therefore Palau was UPGRADED TO TIER ONE.", "TIER ONE.", MOVE_UP, TIER_1);
	/* Curly quotes, no-break spaces inside and after. */
	expect_reason("First sentence.  Therefore \xe2\x80\x9cthe\xe2\x80\x9d country was\xc2\xa0" "downgraded to Tier 3."
		      "\xc2\xa0\xc2\xa0Next one.", "to Tier 3.", MOVE_DOWN, TIER_3);
	for (size_t i = 0; i < ARRAY_SIZE(none); i++)
		assert_false(tier_reason_in(none[i], strlen(none[i]), &a, &b, &m, &t));
}

/* The bundled narratives, as tipr import made them from the seeds. */
static void test_reason_bundled(void **state)
{
	struct collection *coll = corpus_collection_by_name(bundled, "tip");
	static const struct {
		const char *slug;
		int year;
		const char *tail; /* NULL: no placing sentence */
		enum tier t;
	} cases[] = {
		{ "korea-north", 2021, "therefore North Korea remained on Tier 3.", TIER_3 },
		{ "korea-north", 2022, "therefore the DPRK remained on Tier 3.", TIER_3 },
		/* "Tier 3." and two no-break spaces before the next sentence. */
		{ "korea-north", 2023, "therefore the DPRK remained on Tier 3.", TIER_3 },
		{ "korea-south", 2022, "Therefore South Korea was downgraded to Tier 2.", TIER_2 },
		{ "kenya", 2022, NULL, TIER_NONE },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct document *doc = corpus_doc_load(collection_find(coll, cases[i].slug, cases[i].year),
							     &diags);
		struct tier_reason r;

		assert_non_null(doc);
		assert_int_equal(tier_reason_find(doc, &r), cases[i].tail != NULL);
		if (cases[i].tail) {
			size_t n = strlen(r.sentence), tl = strlen(cases[i].tail);

			assert_true(n >= tl);
			assert_string_equal(r.sentence + n - tl, cases[i].tail);
			assert_int_equal(r.tier, cases[i].t);
			assert_string_equal(r.section_id, "overview");
			assert_string_equal(r.section_title, "Overview");
			assert_int_equal(r.section, 0);
			assert_int_equal(r.para, 0);
		} else {
			assert_null(r.sentence);
		}
		tier_reason_done(&r);
	}
}

/* The known tiers of tests/data/tiers, edition by edition (2019-2023). */
struct expect {
	enum tier tier;
	enum tier_change change;
	enum tier before;
	int since;
	bool excerpt;
	enum tier_move says; /* MOVE_NONE: no sentence */
	enum tier_flag flag;
};

#define N TIER_NONE
static const struct {
	const char *slug;
	struct expect y[5];
} known[] = {
	{ "korea-north", {
		{ TIER_3, TC_FIRST, N, 0, false, MOVE_SAME, TF_NONE },
		{ TIER_3, TC_SAME, TIER_3, 2019, false, MOVE_SAME, TF_NONE },
		{ TIER_3, TC_SAME, TIER_3, 2020, false, MOVE_SAME, TF_NONE },
		{ TIER_3, TC_SAME, TIER_3, 2021, false, MOVE_SAME, TF_NONE },
		{ TIER_3, TC_SAME, TIER_3, 2022, true, MOVE_SAME, TF_NONE } } },
	{ "korea-south", {
		{ TIER_1, TC_FIRST, N, 0, false, MOVE_SAME, TF_NONE },
		{ TIER_1, TC_SAME, TIER_1, 2019, false, MOVE_SAME, TF_NONE },
		{ TIER_1, TC_SAME, TIER_1, 2020, false, MOVE_SAME, TF_NONE },
		{ TIER_2, TC_DOWN, TIER_1, 2021, true, MOVE_DOWN, TF_NONE },
		{ TIER_1, TC_UP, TIER_2, 2022, false, MOVE_UP, TF_NONE } } },
	{ "kenya", {
		{ TIER_2, TC_FIRST, N, 0, false, MOVE_SAME, TF_NONE },
		{ TIER_2WL, TC_DOWN, TIER_2, 2019, false, MOVE_NONE, TF_UNEXPLAINED },
		{ N, TC_ABSENT, TIER_2WL, 2020, false, MOVE_NONE, TF_NONE },
		{ N, TC_EXCERPT, TIER_2WL, 2020, true, MOVE_NONE, TF_NONE },
		{ TIER_2, TC_UP, TIER_2WL, 2020, false, MOVE_UP, TF_NONE } } },
	{ "somalia", {
		{ TIER_SPECIAL, TC_FIRST, N, 0, false, MOVE_SAME, TF_NONE },
		{ TIER_SPECIAL, TC_SAME, TIER_SPECIAL, 2019, false, MOVE_SAME, TF_NONE },
		{ TIER_3, TC_CHANGED, TIER_SPECIAL, 2020, false, MOVE_PLACED, TF_NONE },
		{ TIER_3, TC_SAME, TIER_3, 2021, false, MOVE_SAME, TF_NONE },
		{ TIER_SPECIAL, TC_CHANGED, TIER_3, 2022, false, MOVE_PLACED, TF_NONE } } },
	{ "palau", {
		{ N, TC_ABSENT, N, 0, false, MOVE_NONE, TF_NONE },
		{ N, TC_ABSENT, N, 0, false, MOVE_NONE, TF_NONE },
		{ TIER_2, TC_FIRST, N, 0, false, MOVE_SAME, TF_NONE },
		/* The sentence says Watch List; the tier says 2. */
		{ TIER_2, TC_SAME, TIER_2, 2021, false, MOVE_DOWN, TF_DISAGREES },
		{ TIER_2WL, TC_DOWN, TIER_2, 2022, false, MOVE_DOWN, TF_NONE } } },
};
#undef N

static void check_year(const struct tier_year *y, const struct expect *x)
{
	assert_int_equal(y->tier, x->tier);
	assert_int_equal(y->change, x->change);
	assert_int_equal(y->before, x->before);
	assert_int_equal(y->since, x->since);
	assert_int_equal(y->excerpt, x->excerpt);
	assert_int_equal(y->reason.move, x->says);
	assert_int_equal(y->reason.sentence != NULL, x->says != MOVE_NONE);
	assert_int_equal(y->flag, x->flag);
	assert_int_equal(y->entry != NULL, x->change != TC_ABSENT);
	/* A document loaded to find its reason is given back. */
	assert_true(!y->entry || !y->entry->doc);
}

static void test_history(void **state)
{
	(void)state;
	for (size_t c = 0; c < ARRAY_SIZE(known); c++) {
		struct tier_history *h = tiers_history(corpus, tip(), known[c].slug, true, &diags);

		assert_int_equal(h->n, 5);
		assert_non_null(h->country);
		assert_string_equal(h->slug, known[c].slug);
		for (size_t i = 0; i < 5; i++) {
			assert_int_equal(h->years[i].year, 2019 + (int)i);
			check_year(&h->years[i], &known[c].y[i]);
		}
		tiers_history_free(h);
	}
	assert_int_equal(diags.n, 0);
}

/* The sentence found for a change: the one that says it. */
static void test_history_sentences(void **state)
{
	struct tier_history *h = tiers_history(corpus, tip(), "korea-south", true, &diags);

	(void)state;
	assert_string_equal(h->years[3].reason.sentence, "Therefore South Korea was downgraded to Tier 2.");
	assert_string_equal(h->years[4].reason.sentence, "Therefore South Korea was upgraded to Tier 1.");
	tiers_history_free(h);
	/* Without reasons: the same tiers and changes, from the headers alone. */
	for (size_t c = 0; c < ARRAY_SIZE(known); c++) {
		h = tiers_history(corpus, tip(), known[c].slug, false, &diags);
		for (size_t i = 0; i < 5; i++) {
			const struct tier_year *y = &h->years[i];

			assert_int_equal(y->tier, known[c].y[i].tier);
			assert_int_equal(y->change, known[c].y[i].change);
			assert_int_equal(y->since, known[c].y[i].since);
			assert_null(y->reason.sentence);
			assert_int_equal(y->flag, TF_NONE);
			assert_true(!y->entry || (!y->entry->doc && y->entry->have_header));
		}
		tiers_history_free(h);
	}
	/* A country without any narrative: every edition absent. */
	h = tiers_history(corpus, tip(), "atlantis", true, &diags);
	assert_int_equal(h->n, 5);
	assert_int_equal(h->present, 0);
	assert_null(h->country);
	for (size_t i = 0; i < h->n; i++)
		assert_int_equal(h->years[i].change, TC_ABSENT);
	tiers_history_free(h);
}

static void test_edition(void **state)
{
	struct tier_edition *e = tiers_edition(corpus, tip(), 2021, true, &diags);
	static const char *const order[] = { "korea-north", "palau", "somalia", "korea-south", "kenya" };

	(void)state;
	assert_non_null(e);
	assert_int_equal(e->year, 2021);
	assert_int_equal(e->previous, 2020);
	assert_int_equal(e->n_present, 4);
	assert_int_equal(e->n_places, 5);
	assert_int_equal(e->counts[TIER_1], 1);
	assert_int_equal(e->counts[TIER_2], 1);
	assert_int_equal(e->counts[TIER_2WL], 0);
	assert_int_equal(e->counts[TIER_3], 2);
	assert_int_equal(e->counts[TIER_SPECIAL], 0);
	assert_int_equal(e->counts[TIER_NONE], 0);
	/* By name ("North Korea", "Palau", "Somalia", "South Korea"), then the
	 * country the edition lost. */
	for (size_t i = 0; i < ARRAY_SIZE(order); i++)
		assert_string_equal(e->places[i].slug, order[i]);
	for (size_t i = 0; i < e->n_places; i++) {
		for (size_t c = 0; c < ARRAY_SIZE(known); c++)
			if (!strcmp(known[c].slug, e->places[i].slug))
				check_year(&e->places[i].y, &known[c].y[2]);
	}
	tiers_edition_free(e);

	/* The first edition: everything first seen, nothing before it. */
	e = tiers_edition(corpus, tip(), 2019, true, &diags);
	assert_int_equal(e->previous, 0);
	assert_int_equal(e->n_places, 4);
	for (size_t i = 0; i < e->n_places; i++)
		assert_int_equal(e->places[i].y.change, TC_FIRST);
	tiers_edition_free(e);

	/* The flags of an edition are those of the histories. */
	e = tiers_edition(corpus, tip(), 2022, true, &diags);
	assert_int_equal(e->counts[TIER_NONE], 1);
	for (size_t i = 0; i < e->n_places; i++)
		for (size_t c = 0; c < ARRAY_SIZE(known); c++)
			if (!strcmp(known[c].slug, e->places[i].slug))
				check_year(&e->places[i].y, &known[c].y[3]);
	tiers_edition_free(e);
	e = tiers_edition(corpus, tip(), 2022, false, &diags);
	assert_int_equal(e->n_places, 5);
	assert_int_equal(e->counts[TIER_2], 2);
	for (size_t i = 0; i < e->n_places; i++)
		assert_null(e->places[i].y.reason.sentence);
	tiers_edition_free(e);
	assert_null(tiers_edition(corpus, tip(), 2018, true, &diags));
	assert_int_equal(diags.n, 0);
}

static void test_counts(void **state)
{
	struct tier_counts *v;
	size_t n = tiers_counts(tip(), &v);
	static const size_t want[5][TIER__COUNT] = {
		/* none, 1, 2, 2WL, 3, SC */
		{ 0, 1, 1, 0, 1, 1 },
		{ 0, 1, 0, 1, 1, 1 },
		{ 0, 1, 1, 0, 2, 0 },
		{ 1, 0, 2, 0, 2, 0 },
		{ 0, 1, 1, 1, 1, 1 },
	};

	(void)state;
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++) {
		size_t total = 0;

		assert_int_equal(v[i].year, 2019 + (int)i);
		for (size_t t = 0; t < TIER__COUNT; t++) {
			assert_int_equal(v[i].n[t], want[i][t]);
			total += want[i][t];
		}
		assert_int_equal(v[i].total, total);
	}
	free(v);
}

/* Matches counted per edition, from a search of the whole index. */
static void test_byyear(void **state)
{
	struct search_index *ix;
	struct search_query q;
	struct search_scope scope = {0};
	struct search_results r;
	struct byyear *v;
	const char *err;
	bool rebuilt;
	size_t n;
	static const size_t want[5] = { 3, 2, 3, 2, 1 }, narratives[5] = { 4, 4, 4, 5, 5 };

	(void)state;
	ix = search_index_open(corpus, NULL, NULL, NULL, &rebuilt, &diags);
	assert_non_null(ix);
	assert_true(search_query_parse("\"remained on\"", &q, &err));
	search_run(ix, &q, &scope, 0, 80, &r, &diags);
	n = byyear_count(ix, &r, tip(), &scope, &v);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v[i].year, 2019 + (int)i);
		assert_int_equal(v[i].matching, want[i]);
		assert_int_equal(v[i].narratives, narratives[i]);
	}
	free(v);
	search_results_free(&r);
	/* Within one country: its narratives only (none in 2021). */
	scope.country = "kenya";
	search_run(ix, &q, &scope, 0, 80, &r, &diags);
	n = byyear_count(ix, &r, tip(), &scope, &v);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v[i].narratives, i == 2 ? 0 : 1);
		assert_int_equal(v[i].matching, i == 0);
	}
	free(v);
	search_results_free(&r);
	/* Within one edition: that edition alone. */
	scope.country = NULL;
	scope.year = 2021;
	search_run(ix, &q, &scope, 0, 80, &r, &diags);
	n = byyear_count(ix, &r, tip(), &scope, &v);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].year, 2021);
	assert_int_equal(v[0].matching, 3);
	assert_int_equal(v[0].narratives, 4);
	free(v);
	search_results_free(&r);
	search_query_free(&q);
	search_index_free(ix);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_change),
		cmocka_unit_test(test_reason_seeds),
		cmocka_unit_test(test_reason_wordings),
		cmocka_unit_test(test_reason_bundled),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_history_sentences),
		cmocka_unit_test(test_edition),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_byyear),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
