/* test_picture.c — pictures as lines of styled runs: placing runs, tags,
 * inert text, SGR output from theme styles, bar charts and sparklines in
 * UTF-8 and ASCII. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/icu.h"
#include "picture_fixture.h"
#include "style/ansi.h"

static void test_runs(void **state)
{
	struct picture p;

	(void)state;
	pic_init(&p, true, false);
	assert_int_equal(pic_col(&p), 0);
	pic_fresh(&p); /* nothing to end yet */
	pic_add(&p, "ab", 2, ROLE_TEXT, 7);
	pic_move(&p, 5);
	assert_int_equal(pic_col(&p), 5);
	pic_puts(&p, "\xc3\xa9t\xc3\xa9", ROLE_META); /* five bytes, three columns */
	assert_int_equal(pic_col(&p), 8);
	pic_move(&p, 3); /* never back */
	assert_int_equal(pic_col(&p), 8);
	pic_fresh(&p);
	pic_fresh(&p); /* the new line is empty: no second one */
	pic_printf(&p, ROLE_HEADING, "%d-%s", 42, "x");
	pic_newline(&p);
	pic_newline(&p);
	pic_puts(&p, "end", ROLE_TEXT);
	assert_int_equal(p.n_lines, 4);
	assert_int_equal(p.lines[0].width, 8);
	assert_int_equal(p.lines[0].n, 2);
	assert_int_equal(p.runs[1].col, 5);
	assert_int_equal(p.runs[1].width, 3);
	assert_int_equal(p.runs[1].len, 5);
	assert_int_equal(p.lines[2].n, 0);
	expect_printed(&p, false, "ab   \xc3\xa9t\xc3\xa9\n42-x\n\nend\n");

	/* Tags: where a cell is, what is at a cell. */
	assert_int_equal(pic_tag_at(&p, 0, 0), 7);
	assert_int_equal(pic_tag_at(&p, 0, 1), 7);
	assert_int_equal(pic_tag_at(&p, 0, 2), -1); /* the gap */
	assert_int_equal(pic_tag_at(&p, 0, 6), -1); /* untagged */
	assert_int_equal(pic_tag_at(&p, 9, 0), -1);
	{
		size_t line = 99, col = 99;

		assert_true(pic_find_tag(&p, 7, &line, &col));
		assert_int_equal(line, 0);
		assert_int_equal(col, 0);
		assert_false(pic_find_tag(&p, 8, &line, &col));
	}
	pic_clear(&p);
	assert_int_equal(p.n_lines, 0);
	assert_int_equal(pic_col(&p), 0);
	pic_free(&p);
}

/* Text from content cannot drive the terminal nor break the lines. */
static void test_inert(void **state)
{
	struct picture p;

	(void)state;
	pic_init(&p, true, false);
	pic_puts(&p, "a\033[31mb\nc\td\xe2\x80\xae", ROLE_TEXT);
	expect_printed(&p, false, "a^[[31mb c d<U+202E>\n");
	assert_int_equal(p.n_lines, 1);
	assert_int_equal(p.lines[0].width, strlen("a^[[31mb c d<U+202E>"));
	pic_free(&p);
}

/* A theme's roles as SGR sequences: attributes, then the colours in their
 * 8-, 16- and 256-colour forms; a monochrome theme keeps attributes only. */
static void test_palette(void **state)
{
	struct theme th;
	struct palette pal;

	(void)state;
	theme_builtin(&th);
	th.roles[ROLE_TEXT] = (struct theme_style){ THEME_DEFAULT_COLOR, THEME_DEFAULT_COLOR, 0 };
	th.roles[ROLE_TITLE] = (struct theme_style){ 2, THEME_DEFAULT_COLOR, THEME_BOLD };
	th.roles[ROLE_NOTE_YELLOW] = (struct theme_style){ 0, 178, 0 };
	th.roles[ROLE_MATCH] = (struct theme_style){ 14, 9, THEME_UNDERLINE | THEME_REVERSE | THEME_DIM | THEME_ITALIC };
	th.roles[ROLE_ERROR] = (struct theme_style){ 255, 255, THEME_BOLD | THEME_UNDERLINE | THEME_REVERSE |
								     THEME_DIM | THEME_ITALIC };
	palette_init(&pal, &th);
	assert_true(pal.colours);
	assert_string_equal(sgr(&pal, ROLE_TEXT), "");
	assert_string_equal(sgr(&pal, ROLE_TITLE), "\033[1;32m");
	assert_string_equal(sgr(&pal, ROLE_NOTE_YELLOW), "\033[30;48;5;178m");
	assert_string_equal(sgr(&pal, ROLE_MATCH), "\033[2;3;4;7;96;101m");
	/* The longest there is fits. */
	assert_string_equal(sgr(&pal, ROLE_ERROR), "\033[1;2;3;4;7;38;5;255;48;5;255m");
	assert_string_equal(sgr_reset(&pal), "\033[0m");
	/* No colour: nothing at all. */
	assert_string_equal(sgr(NULL, ROLE_TITLE), "");
	assert_string_equal(sgr_reset(NULL), "");
	th.monochrome = true;
	palette_init(&pal, &th);
	assert_false(pal.colours);
	assert_string_equal(sgr(&pal, ROLE_TITLE), "\033[1m");
	assert_string_equal(sgr(&pal, ROLE_NOTE_YELLOW), "");
	theme_free(&th);
}

/* Colour changes only where the style does; gaps are never styled. */
static void test_print_color(void **state)
{
	struct picture p;

	(void)state;
	pic_init(&p, true, true);
	pic_puts(&p, "1", ROLE_TIER1);
	pic_puts(&p, "1", ROLE_TIER1);
	pic_puts(&p, "3", ROLE_TIER3);
	pic_puts(&p, "t", ROLE_TEXT);
	pic_move(&p, 6);
	pic_puts(&p, "m", ROLE_SELECTION);
	pic_move(&p, 8);
	pic_puts(&p, "h", ROLE_SELECTION);
	expect_printed(&p, true, "\033[1;32m11\033[0m\033[1;31m3\033[0mt  \033[7mm\033[0m \033[7mh\033[0m\n");
	expect_printed(&p, false, "113t  m h\n");
	pic_free(&p);
}

static void test_bars(void **state)
{
	const struct pic_bar bars[] = {
		{ "2021", 8, 10, ROLE_HEADING, 0 },
		{ "2022", 1, 10, ROLE_HEADING, 1 },
		{ "2023", 0, 5, ROLE_HEADING, 2 },
		{ "all", 3, 0, ROLE_TIER3, 3 },
	};
	struct picture p;

	(void)state;
	/* Width 20: label 4, space, value 7, space: bars of 7 columns, 56
	 * eighths; 1 of 8 is 7 eighths, 3 of 8 is 21 (2 cells and 5/8). */
	pic_init(&p, true, false);
	pic_bars(&p, bars, ARRAY_SIZE(bars), 20);
	expect_printed(&p, false,
		       "2021 8 of 10 \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\n"
		       "2022 1 of 10 \xe2\x96\x89\n"
		       "2023  0 of 5\n"
		       "all        3 \xe2\x96\x88\xe2\x96\x88\xe2\x96\x8b\n");
	assert_int_equal(pic_tag_at(&p, 1, 0), 1);
	assert_int_equal(pic_tag_at(&p, 1, 13), 1);
	pic_free(&p);
	/* ASCII: whole cells, rounded, a sliver at least. */
	pic_init(&p, false, false);
	pic_bars(&p, bars, ARRAY_SIZE(bars), 20);
	expect_printed(&p, false,
		       "2021 8 of 10 #######\n"
		       "2022 1 of 10 #\n"
		       "2023  0 of 5\n"
		       "all        3 ###\n");
	pic_free(&p);
}

static void test_sparkline(void **state)
{
	const size_t v[] = { 0, 1, 4, 8, 7, 2, 0, 3 };
	struct picture p;

	(void)state;
	pic_init(&p, true, true);
	pic_puts(&p, "[", ROLE_TEXT);
	pic_sparkline(&p, v, ARRAY_SIZE(v), ROLE_HEADING);
	pic_puts(&p, "]", ROLE_TEXT);
	/* Heights rounded up: 1 of 8 is the lowest block, not a blank. */
	expect_printed(&p, false,
		       "[ \xe2\x96\x81\xe2\x96\x84\xe2\x96\x88\xe2\x96\x87\xe2\x96\x82 \xe2\x96\x83]\n");
	assert_int_equal(pic_tag_at(&p, 0, 3), 2);
	assert_int_equal(pic_tag_at(&p, 0, 1), -1);
	pic_free(&p);
	pic_init(&p, false, false);
	pic_sparkline(&p, v, ARRAY_SIZE(v), ROLE_HEADING);
	expect_printed(&p, false, " _=@#. -\n");
	pic_free(&p);
	/* All zero: nothing drawn. */
	pic_init(&p, true, false);
	pic_sparkline(&p, (const size_t[]){ 0, 0 }, 2, ROLE_HEADING);
	assert_int_equal(p.n_runs, 0);
	pic_free(&p);
}

static int teardown(void **state)
{
	(void)state;
	icu_cleanup();
	return 0;
}

/* A cursor moves over a grid of tiles: along a line and on to the next,
 * and up and down to the nearest column. */
static void test_next_tag(void **state)
{
	struct picture p;

	(void)state;
	pic_init(&p, true, true);
	/* Line 0: tags 0 1 2 at columns 0 4 8; line 1: a label, tags 3 4 at
	 * 4 and 8; line 2: no tag; line 3: tag 5 at 0. */
	pic_add(&p, "AAA", 3, ROLE_TEXT, 0);
	pic_move(&p, 4);
	pic_add(&p, "BBB", 3, ROLE_TEXT, 1);
	pic_move(&p, 8);
	pic_add(&p, "CCC", 3, ROLE_TEXT, 2);
	pic_newline(&p);
	pic_add(&p, "lbl", 3, ROLE_META, -1);
	pic_move(&p, 4);
	pic_add(&p, "DDD", 3, ROLE_TEXT, 3);
	pic_move(&p, 8);
	pic_add(&p, "EEE", 3, ROLE_TEXT, 4);
	pic_newline(&p);
	pic_add(&p, "-- no tiles --", 14, ROLE_HINT, -1);
	pic_newline(&p);
	pic_add(&p, "FFF", 3, ROLE_TEXT, 5);
	assert_int_equal(pic_next_tag(&p, 0, 1, 0), 1);
	assert_int_equal(pic_next_tag(&p, 2, 1, 0), 3);  /* on to the next line */
	assert_int_equal(pic_next_tag(&p, 3, -1, 0), 2); /* back to the line before's last */
	assert_int_equal(pic_next_tag(&p, 0, -1, 0), 0); /* nothing before the first */
	assert_int_equal(pic_next_tag(&p, 2, 0, 1), 4);  /* the same column below */
	assert_int_equal(pic_next_tag(&p, 0, 0, 1), 3);  /* the nearest column below */
	assert_int_equal(pic_next_tag(&p, 4, 0, 1), 5);  /* over a line with no tiles */
	assert_int_equal(pic_next_tag(&p, 5, 0, 1), 5);  /* nothing below the last */
	assert_int_equal(pic_next_tag(&p, 5, 0, -1), 3);
	assert_int_equal(pic_next_tag(&p, 99, 1, 0), 0); /* not there: the first */
	pic_clear(&p);
	assert_int_equal(pic_next_tag(&p, 0, 1, 0), -1);
	pic_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_next_tag),
		cmocka_unit_test(test_inert),
		cmocka_unit_test(test_palette),
		cmocka_unit_test(test_print_color),
		cmocka_unit_test(test_bars),
		cmocka_unit_test(test_sparkline),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
