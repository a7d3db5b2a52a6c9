/* test_tierpic.c — pictures of tiers on the known corpus tests/data/tiers
 * with the bundled countries table: strips, the legend, the tile map by
 * region, the shares; with and without colour and UTF-8. */
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
#include "picture_fixture.h"
#include "tiers/tierpic.h"

static int setup(void **state)
{
	(void)state;
	return fixture_open("tests/data/tiers");
}

static struct collection *tip(void)
{
	return corpus_collection_by_name(corpus, "tip");
}

static void test_marks(void **state)
{
	(void)state;
	assert_string_equal(tierpic_mark(TIER_1), "1");
	assert_string_equal(tierpic_mark(TIER_2WL), "W");
	assert_string_equal(tierpic_mark(TIER_SPECIAL), "S");
	assert_string_equal(tierpic_mark(TIER_NONE), "?");
	assert_int_equal(theme_tier_role(TIER_3), ROLE_TIER3);
	assert_int_equal(theme_tier_role(TIER_SPECIAL), ROLE_SPECIAL);
	assert_int_equal(theme_tier_role(TIER_NONE), ROLE_EXCERPT);
}

/* Kenya: 2, Watch List, absent, an excerpt without a tier, 2. */
static void test_strip(void **state)
{
	struct tier_history *h = tiers_history(corpus, tip(), "kenya", true, &diags);
	static const struct {
		bool utf8, color;
		const char *want;
	} modes[] = {
		{ true, false, "2W\xc2\xb7?2" },
		{ true, true, "\xe2\x96\x88\xe2\x96\x88\xc2\xb7?\xe2\x96\x88" },
		{ false, false, "2W.?2" },
		{ false, true, "##.?#" },
	};

	(void)state;
	for (size_t m = 0; m < ARRAY_SIZE(modes); m++) {
		struct picture p;

		pic_init(&p, modes[m].utf8, modes[m].color);
		tierpic_strip(&p, h);
		expect_line(&p, 0, modes[m].want);
		assert_int_equal(p.n_runs, 5);
		assert_int_equal(p.runs[0].role, ROLE_TIER2);
		assert_int_equal(p.runs[1].role, ROLE_TIER2WL);
		assert_int_equal(p.runs[2].role, ROLE_HINT);
		assert_int_equal(p.runs[3].role, ROLE_EXCERPT);
		/* Each cell is its edition. */
		for (size_t i = 0; i < 5; i++)
			assert_int_equal(pic_tag_at(&p, 0, i), (int)i);
		pic_free(&p);
	}
	tiers_history_free(h);
}

static void test_legend(void **state)
{
	struct picture p;
	const size_t counts[TIER__COUNT] = { 3, 10, 20, 5, 2, 1 };

	(void)state;
	pic_init(&p, true, false);
	pic_puts(&p, "before", ROLE_TEXT);
	tierpic_legend(&p, counts, 40);
	assert_int_equal(p.n_lines, 5);
	expect_line(&p, 0, "before");
	expect_line(&p, 1, "1 Tier 1 (10)  2 Tier 2 (20)");
	expect_line(&p, 2, "W Tier 2 Watch List (5)  3 Tier 3 (2)");
	expect_line(&p, 3, "S Special Case (1)  ? no tier (3)");
	expect_line(&p, 4, "\xc2\xb7 not in the report");
	for (size_t i = 0; i < p.n_lines; i++)
		assert_true(p.lines[i].width <= 40);
	pic_free(&p);
	pic_init(&p, true, true);
	tierpic_legend(&p, NULL, 200);
	assert_int_equal(p.n_lines, 1);
	expect_line(&p, 0, "\xe2\x96\x88 Tier 1  \xe2\x96\x88 Tier 2  \xe2\x96\x88 Tier 2 Watch List  \xe2\x96\x88 Tier 3  "
			   "\xe2\x96\x88 Special Case  ? no tier  \xc2\xb7 not in the report");
	pic_free(&p);
}

/* The run whose tag is a place of the edition, as text. */
static char *tile_of(const struct picture *p, const struct tier_edition *e, const char *slug)
{
	for (size_t i = 0; i < e->n_places; i++) {
		size_t line, col;

		if (strcmp(e->places[i].slug, slug))
			continue;
		if (!pic_find_tag(p, (int)i, &line, &col))
			return NULL;
		for (size_t k = p->lines[line].first; k < p->lines[line].first + p->lines[line].n; k++)
			if (p->runs[k].col == col)
				return xstrndup(p->text.buf + p->runs[k].off, p->runs[k].len);
	}
	return NULL;
}

static void test_map(void **state)
{
	struct tier_edition *e = tiers_edition(corpus, tip(), 2021, true, &diags);
	const struct countries *cs = corpus_countries(corpus);
	struct picture p;
	char *t;

	(void)state;
	pic_init(&p, true, false);
	tierpic_map(&p, e, cs, 80);
	/* Region names wrapped in ten columns beside fourteen tiles a row. */
	expect_line(&p, 0, "Africa     AGO\xc2\xb7 BEN\xc2\xb7 BWA\xc2\xb7 BFA\xc2\xb7 BDI\xc2\xb7 CPV\xc2\xb7 CMR\xc2\xb7 CAF\xc2\xb7 "
			   "TCD\xc2\xb7 COM\xc2\xb7 CIV\xc2\xb7 DJI\xc2\xb7 COD\xc2\xb7 GNQ\xc2\xb7");
	for (size_t i = 0; i < p.n_lines; i++)
		assert_true(p.lines[i].width <= 80);
	assert_non_null(t = tile_of(&p, e, "somalia"));
	assert_string_equal(t, "SOM3");
	free(t);
	assert_non_null(t = tile_of(&p, e, "korea-south"));
	assert_string_equal(t, "KOR1");
	free(t);
	assert_non_null(t = tile_of(&p, e, "palau"));
	assert_string_equal(t, "PLW2");
	free(t);
	/* Kenya is not in the 2021 edition: a dim tile that opens nothing. */
	assert_null(tile_of(&p, e, "kenya"));
	{
		bool found = false;

		for (size_t k = 0; k < p.n_runs; k++) {
			if (p.runs[k].len == 5 && !memcmp(p.text.buf + p.runs[k].off, "KEN\xc2\xb7", 5)) {
				found = true;
				assert_int_equal(p.runs[k].tag, -1);
				assert_int_equal(p.runs[k].role, ROLE_HINT);
			}
		}
		assert_true(found);
	}
	/* Every country of the table has its tile. */
	{
		size_t tiles = 0;

		for (size_t k = 0; k < p.n_runs; k++)
			tiles += p.runs[k].col > 10;
		assert_int_equal(tiles, countries_count(cs));
	}
	pic_free(&p);
	/* Wide enough: whole region names. */
	pic_init(&p, false, true);
	tierpic_map(&p, e, cs, 120);
	for (size_t i = 0; i < p.n_lines; i++) {
		char *l = fixture_printed(&p, i, 1, false);

		if (!strncmp(l, "East", 4))
			assert_true(!strncmp(l, "East Asia and Pacific  AUS. ", 28));
		free(l);
	}
	assert_non_null(t = tile_of(&p, e, "somalia"));
	assert_string_equal(t, "SOM3");
	free(t);
	pic_free(&p);
	tiers_edition_free(e);
}

/* A country the table lacks has its tile under "Other". */
static void test_map_other(void **state)
{
	struct tier_edition e = {0};
	struct tier_place place = { .slug = "atlantis" };
	struct countries *none = countries_new_empty();
	struct picture p;

	(void)state;
	place.y.tier = TIER_2;
	e.places = &place;
	e.n_places = e.n_present = 1;
	pic_init(&p, true, false);
	tierpic_map(&p, &e, none, 80);
	assert_int_equal(p.n_lines, 1);
	expect_line(&p, 0, "Other      ATL2");
	assert_int_equal(pic_tag_at(&p, 0, 11), 0);
	pic_free(&p);
	countries_free(none);
}

static void test_shares(void **state)
{
	struct tier_counts *v;
	size_t n = tiers_counts(tip(), &v);
	struct picture p;

	(void)state;
	pic_init(&p, true, false);
	tierpic_shares(&p, v, n, 80);
	assert_int_equal(p.n_lines, 6);
	expect_line(&p, 0, "     share of narratives per tier                          1   2   W   3   S   ?");
	/* 4 narratives in 50 cells: 12.5 each, the remainders to the first. */
	expect_line(&p, 1, "2019 11111111111112222222222222333333333333SSSSSSSSSSSS    1   1   0   1   1   0");
	expect_line(&p, 4, "2022 2222222222222222222233333333333333333333??????????    0   2   0   2   0   1");
	for (size_t i = 1; i < p.n_lines; i++) {
		assert_int_equal(p.lines[i].width, 80);
		assert_int_equal(pic_tag_at(&p, i, 0), (int)i - 1);
	}
	pic_free(&p);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_strip),
		cmocka_unit_test(test_legend),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_map_other),
		cmocka_unit_test(test_shares),
	};

	return cmocka_run_group_tests(tests, setup, fixture_close);
}
