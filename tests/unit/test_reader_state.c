/* test_reader_state.c — the reader's state without a terminal: the tree
 * (grouping, collation order, expansion, filter), the reading position
 * (scrolling, sections, resize anchoring, wrap), search, themes, session. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "content/corpus.h"
#include "corpus_fixture.h"
#include "base/icu.h"
#include "reader/reading.h"
#include "reader/session.h"
#include "reader/settings.h"
#include "text/textwrap.h"
#include "style/theme.h"
#include "reader/tree.h"
#include "base/util.h"

static int setup(void **state)
{
	(void)state;
	return fixture_open("content");
}

static struct collection *tip(void)
{
	return corpus_collection_by_name(corpus, "tip");
}

static size_t find_row(const struct tree *t, const char *label)
{
	for (size_t i = 0; i < tree_n_rows(t); i++)
		if (!strcmp(tree_row(t, i)->label, label))
			return i;
	fail_msg("no row '%s'", label);
	return 0;
}

static void test_tree_by_country(void **state)
{
	struct tree *t = tree_new(corpus, tip());
	size_t nk;

	(void)state;
	/* Countries in collation order, collapsed. */
	assert_int_equal(tree_n_rows(t), 3);
	assert_string_equal(tree_row(t, 0)->label, "Kenya");
	assert_string_equal(tree_row(t, 1)->label, "North Korea");
	assert_string_equal(tree_row(t, 2)->label, "South Korea");
	assert_int_equal(tree_row(t, 1)->n_children, 3);
	/* Expanding shows the years, then a year's sections (loading it). */
	nk = find_row(t, "North Korea");
	assert_true(tree_expand(t, nk, true, &diags));
	assert_false(tree_expand(t, nk, true, &diags));
	assert_int_equal(tree_n_rows(t), 6);
	assert_string_equal(tree_row(t, nk + 1)->label, "2021");
	assert_int_equal(tree_row(t, nk + 1)->kind, ROW_DOC);
	assert_true(tree_expand(t, find_row(t, "2022"), true, &diags));
	assert_int_equal(tree_n_rows(t), 12);
	assert_string_equal(tree_row(t, find_row(t, "2022") + 3)->label, "Prosecution");
	assert_int_equal(tree_row(t, find_row(t, "Prosecution"))->section, 2);
	assert_int_equal(tree_row(t, find_row(t, "Prosecution"))->depth, 2);
	/* Moving is clamped; the parent of a section is its year. */
	tree_select(t, find_row(t, "Prosecution"));
	assert_int_equal(tree_parent(t, tree_selected(t)), find_row(t, "2022"));
	tree_move(t, 100);
	assert_int_equal(tree_selected(t), tree_n_rows(t) - 1);
	tree_move(t, -100);
	assert_int_equal(tree_selected(t), 0);
	/* A document unloaded to bound memory shows folded, its row selected
	 * in place of its section; expanding loads it again. */
	tree_select(t, find_row(t, "Prosecution"));
	assert_true(corpus_trim(corpus, 0) >= 1);
	tree_refresh(t);
	assert_int_equal(tree_n_rows(t), 6);
	assert_int_equal(tree_selected(t), find_row(t, "2022"));
	assert_false(tree_row(t, find_row(t, "2022"))->expanded);
	assert_true(tree_expand(t, find_row(t, "2022"), true, &diags));
	assert_int_equal(tree_n_rows(t), 12);
	/* Collapsing the country hides everything under it; the selection stays. */
	tree_select(t, nk);
	assert_true(tree_expand(t, nk, false, &diags));
	assert_int_equal(tree_n_rows(t), 3);
	assert_int_equal(tree_selected(t), nk);
	tree_free(t);
}

static void test_tree_by_year_and_reveal(void **state)
{
	struct tree *t = tree_new(corpus, tip());

	(void)state;
	assert_true(tree_reveal(t, "korea-north", 2022, 2, &diags));
	assert_string_equal(tree_row(t, tree_selected(t))->label, "Prosecution");
	/* Switching grouping keeps the selected place. */
	tree_set_mode(t, TREE_BY_YEAR);
	assert_int_equal(tree_mode(t), TREE_BY_YEAR);
	assert_string_equal(tree_row(t, 0)->label, "2021");
	assert_string_equal(tree_row(t, tree_selected(t))->label, "Prosecution");
	assert_string_equal(tree_row(t, tree_parent(t, tree_selected(t)))->label, "North Korea");
	assert_string_equal(tree_row(t, tree_parent(t, tree_parent(t, tree_selected(t))))->label, "2022");
	/* 2022 holds three countries in collation order. */
	tree_set_mode(t, TREE_BY_COUNTRY);
	tree_set_mode(t, TREE_BY_YEAR);
	assert_int_equal(tree_row(t, find_row(t, "2022"))->n_children, 3);
	assert_false(tree_reveal(t, "korea-north", 1999, -1, &diags));
	tree_free(t);
}

static void test_tree_filter(void **state)
{
	struct tree *t = tree_new(corpus, tip());

	(void)state;
	/* Case-, accent- and width-insensitive, on names and aliases. */
	tree_set_filter(t, "KÉN");
	assert_int_equal(tree_n_rows(t), 1);
	assert_string_equal(tree_row(t, 0)->label, "Kenya");
	tree_set_filter(t, "dprk");
	assert_int_equal(tree_n_rows(t), 1);
	assert_string_equal(tree_row(t, 0)->label, "North Korea");
	tree_set_filter(t, "\xef\xbd\x8b\xef\xbd\x8f\xef\xbd\x92\xef\xbd\x85\xef\xbd\x81"); /* ｋｏｒｅａ */
	assert_int_equal(tree_n_rows(t), 2);
	tree_set_filter(t, "zzz");
	assert_int_equal(tree_n_rows(t), 0);
	tree_move(t, 1);
	assert_false(tree_reveal(t, "kenya", 2022, -1, &diags));
	tree_set_filter(t, "");
	assert_int_equal(tree_n_rows(t), 3);
	assert_string_equal(tree_filter(t), "");
	/* By year, matching years open to show the countries. */
	tree_set_mode(t, TREE_BY_YEAR);
	tree_set_filter(t, "south");
	assert_int_equal(tree_n_rows(t), 2);
	assert_string_equal(tree_row(t, 0)->label, "2022");
	assert_string_equal(tree_row(t, 1)->label, "South Korea");
	tree_free(t);
}

static const struct document *nk2022(void)
{
	struct corpus_doc *e = collection_find(tip(), "korea-north", 2022);

	assert_non_null(e);
	assert_non_null(corpus_doc_load(e, &diags));
	return e->doc;
}

static void test_reading_scroll_and_sections(void **state)
{
	struct reading r;
	const struct document *doc = nk2022();

	(void)state;
	reading_init(&r);
	reading_open(&r, doc, "North Korea", 70, 20);
	assert_int_equal(r.top, 0);
	assert_int_equal(reading_section_at_top(&r), -1);
	/* Every line fits the width, by display width. */
	for (size_t i = 0; i < r.lo.n; i++)
		assert_true(text_width(r.lo.v[i].text, r.lo.v[i].len) + r.lo.v[i].indent <= 70);
	assert_false(reading_scroll(&r, -5));
	assert_true(reading_scroll(&r, 5));
	assert_int_equal(r.top, 5);
	reading_set_top(&r, 1000000);
	assert_int_equal(r.top, reading_max_top(&r));
	assert_int_equal(reading_percent(&r), 100);
	reading_set_top(&r, 0);
	/* Section by section, each heading at the top, then back. */
	for (int s = 0; s < 5; s++) {
		assert_true(reading_next_section(&r, 1));
		assert_int_equal(reading_section_at_top(&r), s);
		assert_int_equal(r.lo.v[r.top].kind, LINE_HEADING);
	}
	reading_scroll(&r, 3);
	assert_true(reading_next_section(&r, -1));  /* back to this section's heading */
	assert_int_equal(reading_section_at_top(&r), 4);
	assert_true(reading_next_section(&r, -1));
	assert_int_equal(reading_section_at_top(&r), 3);
	reading_goto_section(&r, 1);
	assert_string_equal(doc->sections[reading_section_at_top(&r)].id, "recommendations");
	/* Recommendations are numbered 1..11 on their first lines. */
	{
		int last = 0;

		for (size_t i = 0; i < r.lo.n; i++)
			if (r.lo.v[i].kind == LINE_ITEM && r.lo.v[i].number)
				assert_int_equal(r.lo.v[i].number, ++last);
		assert_int_equal(last, 11);
	}
	reading_close(&r);
}

static void test_reading_resize_keeps_place(void **state)
{
	struct reading r;
	const struct document *doc = nk2022();
	struct line_ref before;
	const char *first;

	(void)state;
	reading_init(&r);
	reading_open(&r, doc, "North Korea", 116, 36);
	reading_goto_section(&r, 2);
	reading_scroll(&r, 4);
	before = r.anchor;
	first = r.lo.v[r.top].text;
	/* Narrower: the text that was first on screen is on the first line. */
	reading_resize(&r, 56, 16);
	assert_true(r.lo.v[r.top].ref.section == before.section && r.lo.v[r.top].ref.block == before.block);
	assert_true(r.lo.v[r.top].text <= first && first < r.lo.v[r.top].text + r.lo.v[r.top].len + 1);
	/* And back: the same line as before. */
	reading_resize(&r, 116, 36);
	assert_ptr_equal(r.lo.v[r.top].text, first);
	/* A heading at the top stays at the top. */
	reading_goto_section(&r, 4);
	reading_resize(&r, 40, 10);
	assert_int_equal(r.lo.v[r.top].kind, LINE_HEADING);
	assert_int_equal(reading_section_at_top(&r), 4);
	reading_resize(&r, 200, 60);
	assert_int_equal(reading_section_at_top(&r), 4);
	reading_close(&r);
}

static void test_reading_search(void **state)
{
	struct reading r;
	const struct document *doc = nk2022();
	size_t starts[8], ends[8], n, line;
	bool current[8], wrapped;

	(void)state;
	reading_init(&r);
	reading_open(&r, doc, "North Korea", 60, 15);
	/* Case- and accent-insensitive; curly quotes match straight ones. */
	assert_true(reading_search(&r, "PEOPLE'S REPUBLIC", 0) >= 2);
	assert_int_equal(reading_search(&r, "reform through labor", 0), 1);
	assert_int_equal(reading_search(&r, "R\xc3\xa9" "form THROUGH labor", 0), 1);
	assert_int_equal(reading_search(&r, "re\xcc\x81" "form through labor", 0), 1); /* combining accent */
	assert_int_equal(reading_search(&r, "no such words here", 0), 0);
	assert_string_equal(r.query, "no such words here");
	/* Matches are found across wrapped lines and mapped back to them. */
	n = reading_search(&r, "forced labor", 0);
	assert_true(n > 10);
	line = reading_match_line(&r, 0);
	assert_true(reading_line_matches(&r, line, starts, ends, current, 8) >= 1);
	assert_true(current[0]);
	assert_memory_equal(r.lo.v[line].text + starts[0], "forced", 6);
	/* Next and previous wrap around; the view follows. */
	reading_search_next(&r, -1, &wrapped);
	assert_true(wrapped);
	assert_int_equal(r.current, n - 1);
	line = reading_match_line(&r, r.current);
	assert_true(line >= r.top && line < r.top + r.height);
	reading_search_next(&r, 1, &wrapped);
	assert_true(wrapped);
	assert_int_equal(r.current, 0);
	/* From a line: the first match at or after it. */
	reading_search(&r, "forced labor", r.lo.n - 1);
	assert_int_equal(r.current, 0);
	reading_search(&r, "", 0);
	assert_null(r.query);
	reading_close(&r);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_themes(void **state)
{
	char dir[] = "/tmp/tipr-theme-XXXXXX";
	char *path;
	struct theme t;
	struct diags d = {0};
	static const char *const bundled[] = { "default", "light", "mono" };

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < ARRAY_SIZE(bundled); i++) {
		char *file = xasprintf("%s/themes/%s.yaml", TIPR_SRCDIR, bundled[i]);

		assert_true(theme_load(&t, file, &d));
		assert_int_equal(d.n, 0);
		assert_string_equal(t.name, bundled[i]);
		theme_free(&t);
		free(file);
	}
	path = path_join(dir, "t.yaml");
	write_file(path, "name: x\nroles:\n  heading: { fg: \"#ff0000\", bg: 17, attrs: [bold, underline] }\n");
	assert_true(theme_load(&t, path, &d));
	assert_int_equal(t.roles[ROLE_HEADING].fg, 196);
	assert_int_equal(t.roles[ROLE_HEADING].bg, 17);
	assert_int_equal(t.roles[ROLE_HEADING].attrs, THEME_BOLD | THEME_UNDERLINE);
	assert_int_equal(theme_color8(196), 1);
	assert_int_equal(theme_color8(9), 1);
	assert_int_equal(theme_color8(THEME_DEFAULT_COLOR), THEME_DEFAULT_COLOR);
	theme_free(&t);
	/* A broken theme: every problem with its position, and the default. */
	write_file(path, "roles:\n  nope: { fg: red }\n  text: { fg: 300, attrs: [blink] }\n");
	assert_false(theme_load(&t, path, &d));
	assert_int_equal(d.n_errors, 3);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].col, 3);
	assert_string_equal(t.name, "default");
	theme_free(&t);
	diags_clear(&d);
	write_file(path, "roles: [unclosed\n");
	assert_false(theme_load(&t, path, &d));
	assert_true(d.n_errors >= 1);
	theme_free(&t);
	diags_free(&d);
	unlink(path);
	free(path);
	rmdir(dir);
}

static void test_session(void **state)
{
	char dir[] = "/tmp/tipr-session-XXXXXX";
	char *path;
	struct session s = { .collection = "tip", .country = "korea-north", .year = 2022,
			     .anchor = { 2, 0, 120 }, .tree_by_year = true, .tree_width = 32 };
	struct session back;
	struct diags d = {0};

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/nested/state.yaml", dir);
	assert_false(session_load(&back, path, &d));  /* missing: empty, no error */
	assert_int_equal(d.n, 0);
	assert_true(session_save(&s, path));
	assert_true(session_load(&back, path, &d));
	assert_string_equal(back.collection, "tip");
	assert_string_equal(back.country, "korea-north");
	assert_int_equal(back.year, 2022);
	assert_int_equal(back.anchor.section, 2);
	assert_int_equal(back.anchor.offset, 120);
	assert_true(back.tree_by_year);
	assert_int_equal(back.tree_width, 32);
	session_free(&back);
	/* A broken file is reported and ignored. */
	write_file(path, "collection: [\n");
	assert_false(session_load(&back, path, &d));
	assert_true(d.n_errors >= 1);
	diags_free(&d);
	unlink(path);
	free(path);
	path = xasprintf("%s/nested", dir);
	rmdir(path);
	free(path);
	rmdir(dir);
}

/* The saved section of the state file at path. */
static int saved_section(const char *path)
{
	struct session back;
	struct diags d = {0};
	int section = -2;

	if (session_load(&back, path, &d))
		section = back.anchor.section * 1000 + (int)back.anchor.offset;
	session_free(&back);
	diags_free(&d);
	return section;
}

/* The place is written at once on a new section, at most every two seconds
 * while scrolling within one; a pending move is written when due. */
static void test_session_saver(void **state)
{
	char dir[] = "/tmp/tipr-saver-XXXXXX";
	char *path;
	struct session_saver sv;
	struct session s = { .collection = "tip", .country = "korea-north", .year = 2022,
			     .anchor = { 1, 0, 0 } };
	struct diags d = {0};

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/state.yaml", dir);
	session_saver_init(&sv, path);
	assert_int_equal(session_saver_offer(&sv, &s, 100.0, &d), -1);
	assert_int_equal(saved_section(path), 1000);
	s.anchor.offset = 5; /* scrolled: not yet */
	assert_in_range(session_saver_offer(&sv, &s, 100.5, &d), 1400, 1600);
	assert_int_equal(saved_section(path), 1000);
	s.anchor.offset = 9;
	assert_in_range(session_saver_offer(&sv, &s, 101.0, &d), 900, 1100);
	assert_int_equal(session_saver_offer(&sv, &s, 102.1, &d), -1); /* due */
	assert_int_equal(saved_section(path), 1009);
	s.anchor.section = 3; /* another section: at once */
	s.anchor.offset = 0;
	assert_int_equal(session_saver_offer(&sv, &s, 102.2, &d), -1);
	assert_int_equal(saved_section(path), 3000);
	assert_int_equal(session_saver_offer(&sv, &s, 102.3, &d), -1); /* unchanged */
	s.anchor.offset = 7;
	assert_true(session_saver_offer(&sv, &s, 102.4, &d) > 0);
	assert_true(session_saver_flush(&sv, &d)); /* at exit */
	assert_int_equal(saved_section(path), 3007);
	assert_int_equal(d.n, 0);
	session_saver_free(&sv);
	/* A place that cannot be saved is said once. */
	session_saver_init(&sv, "/proc/no/such/state.yaml");
	session_saver_offer(&sv, &s, 1.0, &d);
	s.anchor.section = 4;
	session_saver_offer(&sv, &s, 2.0, &d);
	assert_int_equal(d.n, 1);
	session_saver_free(&sv);
	diags_free(&d);
	unlink(path);
	free(path);
	rmdir(dir);
}

/* config.yaml: the theme, or nothing; a broken file is said, located. */
static void test_settings(void **state)
{
	char dir[] = "/tmp/tipr-settings-XXXXXX";
	char *path;
	struct settings s = {0};
	struct diags d = {0};

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/config.yaml", dir);
	assert_true(settings_load(&s, path, &d)); /* missing: no settings */
	assert_null(s.theme);
	write_file(path, "");
	assert_true(settings_load(&s, path, &d));
	assert_null(s.theme);
	write_file(path, "theme: light\n");
	assert_true(settings_load(&s, path, &d));
	assert_string_equal(s.theme, "light");
	assert_int_equal(d.n, 0);
	write_file(path, "theme: [a, b]\n");
	assert_false(settings_load(&s, path, &d));
	assert_null(s.theme);
	write_file(path, "theme: light\ncolour: red\n");
	assert_false(settings_load(&s, path, &d));
	assert_int_equal(d.v[d.n - 1].line, 2);
	write_file(path, "theme: \"unclosed\n");
	assert_false(settings_load(&s, path, &d));
	settings_free(&s);
	diags_free(&d);
	unlink(path);
	free(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_by_country),
		cmocka_unit_test(test_tree_by_year_and_reveal),
		cmocka_unit_test(test_tree_filter),
		cmocka_unit_test(test_reading_scroll_and_sections),
		cmocka_unit_test(test_reading_resize_keeps_place),
		cmocka_unit_test(test_reading_search),
		cmocka_unit_test(test_themes),
		cmocka_unit_test(test_session),
		cmocka_unit_test(test_session_saver),
		cmocka_unit_test(test_settings),
	};

	return cmocka_run_group_tests(tests, setup, fixture_close);
}
