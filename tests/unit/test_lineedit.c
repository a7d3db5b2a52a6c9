/* test_lineedit.c — a prompt's text and cursor: every edit keeps the cursor
 * inside the text, on a character boundary, whatever came before. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/utf8.h"
#include "reader/lineedit.h"

static void check_invariant(const struct line_edit *e)
{
	assert_true(e->cursor <= e->text.len);
	assert_true(e->text.len <= e->max);
	assert_true(utf8_valid(line_edit_text(e), e->text.len, NULL));
	if (e->cursor < e->text.len)
		assert_true(((unsigned char)e->text.buf[e->cursor] & 0xC0) != 0x80);
	assert_int_equal(strlen(line_edit_text(e)), e->text.len);
}

static void test_editing(void **state)
{
	struct line_edit e = {0};

	(void)state;
	line_edit_reset(&e, "forced labor", 200);
	assert_string_equal(line_edit_text(&e), "forced labor");
	assert_int_equal(e.cursor, 12);
	assert_true(line_edit_apply(&e, LE_KILL_WORD));
	assert_string_equal(line_edit_text(&e), "forced ");
	assert_true(line_edit_insert(&e, 0x00E9)); /* é */
	assert_int_equal(e.cursor, 9);
	assert_false(line_edit_apply(&e, LE_LEFT));
	assert_int_equal(e.cursor, 7);
	assert_true(line_edit_apply(&e, LE_DELETE));
	assert_string_equal(line_edit_text(&e), "forced ");
	assert_false(line_edit_apply(&e, LE_DELETE)); /* nothing under the cursor */
	assert_false(line_edit_apply(&e, LE_HOME));
	assert_false(line_edit_apply(&e, LE_BACKSPACE)); /* nothing before it */
	assert_true(line_edit_apply(&e, LE_KILL_END));
	assert_string_equal(line_edit_text(&e), "");
	assert_false(line_edit_insert(&e, 0x1B));       /* Esc is not text */
	assert_false(line_edit_insert(&e, 0x85));       /* nor is C1 */
	assert_false(line_edit_insert(&e, 0xD800));     /* nor a surrogate */
	assert_false(line_edit_insert(&e, 0x110000));
	assert_true(line_edit_insert(&e, 0x4E2D));      /* 中 */
	assert_true(line_edit_apply(&e, LE_KILL_START));
	assert_int_equal(e.cursor, 0);
	check_invariant(&e);
	line_edit_free(&e);
}

/* The crash of issue 13: a second prompt opened after a first one left its
 * cursor at the old text's end.  reset() starts both afresh. */
static void test_reset_after_use(void **state)
{
	struct line_edit e = {0};

	(void)state;
	line_edit_reset(&e, NULL, 200);
	for (const char *p = "abcdefgh"; *p; p++)
		line_edit_insert(&e, *p);
	line_edit_reset(&e, NULL, 200);
	assert_int_equal(e.cursor, 0);
	assert_false(line_edit_apply(&e, LE_BACKSPACE));
	assert_true(line_edit_insert(&e, 'x'));
	assert_string_equal(line_edit_text(&e), "x");
	/* Initial text too long, or not UTF-8, is cut or repaired. */
	line_edit_reset(&e, "abc\xff\x01" "def", 5);
	assert_string_equal(line_edit_text(&e), "abc");
	line_edit_reset(&e, "abc\xff" "d", 8);
	assert_string_equal(line_edit_text(&e), "abc\xef\xbf\xbd" "d");
	check_invariant(&e);
	/* No room: nothing is inserted. */
	line_edit_reset(&e, "abcdefgh", 8);
	assert_false(line_edit_insert(&e, 'x'));
	line_edit_free(&e);
}

/* A million random edits, mixed with resets and multi-byte text. */
static void test_random_edits(void **state)
{
	static const int32_t alphabet[] = { 'a', ' ', 0xE9, 0x4E2D, 0x1F600, 0x0301, 0x1B, 0x7F, 0xFFFD };
	struct line_edit e = {0};
	unsigned seed = 12345;

	(void)state;
	line_edit_reset(&e, NULL, 40);
	for (int i = 0; i < 1000000; i++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = (seed >> 8) % 64;

		if (r < 32)
			line_edit_insert(&e, alphabet[r % (sizeof(alphabet) / sizeof(alphabet[0]))]);
		else if (r < 62)
			line_edit_apply(&e, (enum line_edit_op)(r % 9));
		else
			line_edit_reset(&e, r & 1 ? "prison camps" : NULL, (seed >> 20) % 50);
		if (i % 97 == 0)
			check_invariant(&e);
	}
	check_invariant(&e);
	line_edit_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_editing),
		cmocka_unit_test(test_reset_after_use),
		cmocka_unit_test(test_random_edits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
