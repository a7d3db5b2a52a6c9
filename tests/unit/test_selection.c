/* test_selection.c — choosing a passage (by word, sentence, paragraph, line
 * and mouse cells) and laying annotations over the reading (marks), on the
 * bundled North Korea 2022 narrative. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "notes/annotations.h"
#include "content/corpus.h"
#include "corpus_fixture.h"
#include "base/icu.h"
#include "notes/marks.h"
#include "reader/reading.h"
#include "notes/selection.h"
#include "base/util.h"
#include "tmpdir_fixture.h"

static const struct document *nk2022;

static int setup(void **state)
{
	(void)state;
	if (fixture_open("content") || !mkdtemp(tmpdir))
		return -1;
	nk2022 = fixture_doc("korea-north", 2022);
	return nk2022 ? 0 : -1;
}

static int teardown(void **state)
{
	int status = remove_tree(tmpdir);

	fixture_close(state);
	return status == 0 ? 0 : -1;
}

static int section_of(const char *id)
{
	for (size_t s = 0; s < nk2022->n_sections; s++)
		if (!strcmp(nk2022->sections[s].id, id))
			return (int)s;
	fail_msg("no section %s", id);
	return -1;
}

/* A reading of North Korea 2022 at its Prosecution section. */
static void open_prosecution(struct reading *r, size_t width)
{
	reading_init(r);
	reading_open(r, nk2022, "North Korea", width, 20);
	reading_goto_section(r, section_of("prosecution"));
}

static void assert_selected(const struct selection *s, const struct reading *r, const char *want)
{
	char *got = selection_text(s, r);

	assert_string_equal(got, want);
	free(got);
}

static void test_select_words_sentences_paragraphs(void **state)
{
	struct reading r;
	struct selection s;

	(void)state;
	open_prosecution(&r, 70);
	/* From the top of the view: its first word. */
	assert_true(selection_start(&s, &r));
	assert_int_equal(s.section, section_of("prosecution"));
	assert_int_equal(s.block, 0);
	assert_selected(&s, &r, "The");
	/* Word by word; never below one word going back. */
	assert_true(selection_move(&s, &r, SEL_WORD, 1));
	assert_true(selection_move(&s, &r, SEL_WORD, 1));
	assert_selected(&s, &r, "The government did");
	assert_true(selection_move(&s, &r, SEL_WORD, -1));
	assert_selected(&s, &r, "The government");
	assert_true(selection_move(&s, &r, SEL_WORD, -1));
	assert_false(selection_move(&s, &r, SEL_WORD, -1));
	assert_selected(&s, &r, "The");
	/* To the end of the sentence, then the next (ICU sentences). */
	assert_true(selection_move(&s, &r, SEL_SENTENCE, 1));
	assert_selected(&s, &r, "The government did not report any law enforcement efforts.");
	assert_true(selection_move(&s, &r, SEL_SENTENCE, 1));
	assert_selected(&s, &r, "The government did not report any law enforcement efforts. It is unclear "
				"whether DPRK laws criminalized sex trafficking or labor trafficking.");
	/* Back to the start of that sentence. */
	assert_true(selection_move(&s, &r, SEL_SENTENCE, -1));
	assert_selected(&s, &r, "The government did not report any law enforcement efforts. It");
	/* The whole paragraph, and no further: a highlight stays in one block. */
	assert_true(selection_move(&s, &r, SEL_PARAGRAPH, 1));
	{
		char *all = selection_text(&s, &r);

		assert_string_equal(all, nk2022->sections[section_of("prosecution")].paras[0]);
		free(all);
	}
	assert_false(selection_move(&s, &r, SEL_PARAGRAPH, 1));
	/* Swapping ends moves the start: the first word goes. */
	selection_swap(&s);
	assert_true(selection_move(&s, &r, SEL_WORD, 1));
	{
		char *t = selection_text(&s, &r);

		assert_true(!strncmp(t, "government did not report", 25));
		free(t);
	}
	reading_close(&r);
}

static void test_select_from_match_and_lines(void **state)
{
	struct reading r;
	struct selection s;
	size_t line, a, b;

	(void)state;
	open_prosecution(&r, 70);
	/* A search match on screen: the selection is the match, whole words. */
	assert_true(reading_search(&r, "fair tri", r.top) > 0);
	reading_show_current(&r);
	assert_true(selection_start(&s, &r));
	assert_selected(&s, &r, "Fair trials");
	/* It is drawn on the line that shows it, and only there. */
	line = selection_cursor_line(&s, &r);
	assert_true(selection_line_range(&s, &r, line, &a, &b));
	assert_int_equal(b - a, strlen("Fair trials"));
	assert_memory_equal(r.lo.v[line].text + a, "Fair trials", b - a);
	assert_false(selection_line_range(&s, &r, line + 3, &a, &b));
	/* A line down in the same paragraph extends; up again shrinks. */
	assert_true(selection_line(&s, &r, 1));
	assert_int_equal(selection_cursor_line(&s, &r), line + 1);
	assert_true(selection_line(&s, &r, -1));
	assert_selected(&s, &r, "Fair trials");
	/* Down past the paragraph's end starts again in the next one. */
	while (s.block == 0)
		assert_true(selection_line(&s, &r, 1));
	assert_int_equal(s.anchor, s.cursor);
	reading_close(&r);
}

static void test_select_with_the_mouse(void **state)
{
	struct reading r;
	struct selection s;
	size_t first;

	(void)state;
	open_prosecution(&r, 70);
	first = r.top + 2; /* heading, blank, then the text */
	assert_int_equal(r.lo.v[first].kind, LINE_TEXT);
	/* Press on "government" (columns 4-13), release on "report". */
	assert_true(selection_start_at(&s, &r, first, 6));
	assert_selected(&s, &r, "government");
	selection_extend_to(&s, &r, first, 25);
	assert_selected(&s, &r, "government did not report");
	/* Dragging above the paragraph takes it to its start. */
	selection_extend_to(&s, &r, first - 2, 0);
	assert_selected(&s, &r, "The government");
	/* No text under a heading. */
	assert_false(selection_start_at(&s, &r, first - 2, 3));
	assert_false(s.active);
	reading_close(&r);
}

static void test_marks(void **state)
{
	char *path = path_join(tmpdir, "annotations.yaml");
	struct ann_store *st = ann_store_new(path);
	struct reading r;
	struct selection s;
	struct marks m;
	struct mark_span spans[8];
	size_t start, end, line, n;
	int prot = section_of("protection");

	(void)state;
	assert_int_equal(ann_store_load(st), ANN_OK);
	open_prosecution(&r, 70);
	marks_init(&m);
	marks_load(&m, st, "tip", &r);
	assert_int_equal(m.n, 0);
	assert_false(marks_next(&m, &r, 1));
	/* Annotate "Fair trials did not occur in the DPRK" and a Protection sentence with a note. */
	assert_true(reading_search(&r, "fair trials", r.top) > 0);
	reading_show_current(&r);
	assert_true(selection_start(&s, &r));
	for (int i = 0; i < 6; i++)
		selection_move(&s, &r, SEL_WORD, 1);
	assert_selected(&s, &r, "Fair trials did not occur in the DPRK,");
	selection_range(&s, &r, &start, &end);
	assert_int_equal(ann_add(st, "tip", nk2022, s.section, false, s.block, start, end, ANN_GREEN, "",
				 NULL),
			 ANN_OK);
	assert_int_equal(ann_add(st, "tip", nk2022, prot, false, 0, 0, 8, ANN_PINK, "to cite", NULL), ANN_OK);
	reading_search(&r, "", 0);
	marks_load(&m, st, "tip", &r);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.orphans, 0);
	/* Drawn on its line, in its colour; not current yet. */
	line = marks_line_of(&m, &r, 0);
	n = marks_line(&m, &r, line, spans, 8);
	assert_int_equal(n, 1);
	assert_int_equal(spans[0].color, ANN_GREEN);
	assert_false(spans[0].current);
	assert_false(spans[0].note);
	assert_memory_equal(r.lo.v[line].text + spans[0].start, "Fair", 4);
	/* a / A: next from the top of the view, then the one after; scrolled to. */
	reading_set_top(&r, 0);
	assert_true(marks_next(&m, &r, 1));
	assert_string_equal(marks_current(&m)->quote, "Fair trials did not occur in the DPRK,");
	assert_true(marks_next(&m, &r, 1));
	assert_string_equal(marks_current(&m)->note, "to cite");
	line = marks_line_of(&m, &r, m.current);
	assert_true(line >= r.top && line < r.top + r.height);
	assert_true(marks_note_ends_on(&m, &r, line));
	assert_false(marks_next(&m, &r, 1));
	assert_true(marks_next(&m, &r, -1));
	/* Scrolled far away, it is no longer current. */
	reading_set_top(&r, reading_max_top(&r));
	marks_follow_view(&m, &r);
	assert_null(marks_current(&m));
	/* A click inside one makes it current; beside it, nothing. */
	line = marks_line_of(&m, &r, 0);
	reading_set_top(&r, line);
	n = marks_line(&m, &r, line, spans, 8);
	assert_true(marks_at(&m, &r, line, spans[0].start + 1));
	assert_int_equal(m.current, 0);
	m.current = MARKS_NONE;
	assert_false(marks_at(&m, &r, line, spans[0].end + 2));
	/* Kept current by id across a reload (after a change to the store). */
	assert_true(marks_set_current(&m, ann_store_at(st, 1)->id));
	marks_load(&m, st, "tip", &r);
	assert_string_equal(marks_current(&m)->note, "to cite");
	/* Another document has none of them. */
	reading_close(&r);
	reading_init(&r);
	reading_open(&r, fixture_doc("korea-north", 2021), "North Korea", 70, 20);
	marks_load(&m, st, "tip", &r);
	assert_int_equal(m.n, 0);
	assert_null(marks_current(&m));
	marks_free(&m);
	reading_close(&r);
	ann_store_free(st);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_select_words_sentences_paragraphs),
		cmocka_unit_test(test_select_from_match_and_lines),
		cmocka_unit_test(test_select_with_the_mouse),
		cmocka_unit_test(test_marks),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
