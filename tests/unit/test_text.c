/* test_text.c — UTF-8, inert text, folding and collation, display width
 * and line wrapping. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/fold.h"
#include "base/icu.h"
#include "base/textsafe.h"
#include "text/textwrap.h"
#include "base/utf8.h"

static int teardown(void **state)
{
	(void)state;
	icu_cleanup();
	return 0;
}

static void test_utf8(void **state)
{
	int32_t cp;
	char buf[4];
	size_t bad;
	unsigned line, col;
	static const char text[] = "ab\nc\xc3\xa9\xff" "d";

	(void)state;
	assert_int_equal(utf8_next("\xe2\x80\x99", 3, &cp), 3);
	assert_int_equal(cp, 0x2019);
	assert_int_equal(utf8_next("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	/* Invalid: a lone continuation, an overlong form, a surrogate, a cut sequence. */
	assert_int_equal(utf8_next("\x80", 1, &cp), 1);
	assert_true(cp < 0);
	utf8_next("\xc0\xaf", 2, &cp);
	assert_true(cp < 0);
	utf8_next("\xed\xa0\x80", 3, &cp);
	assert_true(cp < 0);
	utf8_next("\xe2\x80", 2, &cp);
	assert_true(cp < 0);
	assert_int_equal(utf8_encode(0x20AC, buf), 3);
	assert_memory_equal(buf, "\xe2\x82\xac", 3);
	assert_int_equal(utf8_encode('A', buf), 1);
	assert_true(utf8_valid("plain \xc3\xa9", 8, &bad));
	assert_false(utf8_valid(text, sizeof(text) - 1, &bad));
	assert_int_equal(bad, 6);
	utf8_position(text, bad, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 3); /* columns count characters: c, é, then the bad byte */
	/* Printable ASCII runs, eight bytes at a time and byte by byte: every
	 * byte that ends one, at every place in a word. */
	for (size_t at = 0; at < 20; at++) {
		static const unsigned char stops[] = { 0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xFF };

		for (size_t k = 0; k < sizeof(stops); k++) {
			char run[24];

			memset(run, k % 2 ? ' ' : '~', sizeof(run));
			run[at] = (char)stops[k];
			assert_int_equal(utf8_printable_run(run, sizeof(run)), at);
			assert_int_equal(utf8_printable_run(run, at), at);
		}
	}
	assert_int_equal(utf8_printable_run("a b~c", 5), 5);
}

static void test_textsafe(void **state)
{
	char *s;

	(void)state;
	/* Plain text, accents, CJK, emoji and tabs pass untouched. */
	s = textsafe_dup("Caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80\ttab", 21);
	assert_string_equal(s, "Caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80\ttab");
	free(s);
	/* ESC, BEL, DEL, C1 and bidi overrides become visible and inert. */
	s = textsafe_dup("a\x1b[31mb\x07\x7f\xc2\x9b" "c\xe2\x80\xae" "d\xe2\x81\xa6", 19);
	assert_string_equal(s, "a^[[31mb^G^?<U+009B>c<U+202E>d<U+2066>");
	free(s);
	/* Invalid UTF-8 becomes U+FFFD. */
	s = textsafe_dup("x\xff" "y", 3);
	assert_string_equal(s, "x\xef\xbf\xbdy");
	free(s);
	/* Invisible format characters: zero-width space, joiners, line and
	 * paragraph separators, the byte-order mark, tag characters. */
	s = textsafe_dup("a\xe2\x80\x8b" "b\xe2\x80\x8c\xe2\x80\x8d" "c\xe2\x80\xa8\xe2\x80\xa9"
			 "d\xef\xbb\xbf" "e\xf3\xa0\x80\x80\xf3\xa0\x81\xbf" "f", 32);
	assert_string_equal(s, "a<U+200B>b<U+200C><U+200D>c<U+2028><U+2029>d<U+FEFF>e<U+E0000><U+E007F>f");
	free(s);
	/* ...and their neighbours stay as they are: a soft hyphen, U+2060, U+E0080. */
	s = textsafe_dup("\xc2\xad\xe2\x81\xa0\xf3\xa0\x82\x80", 9);
	assert_string_equal(s, "\xc2\xad\xe2\x81\xa0\xf3\xa0\x82\x80");
	free(s);
	assert_string_equal(textsafe_kind(0x1B), "control character");
	assert_string_equal(textsafe_kind(0x9B), "control character");
	assert_string_equal(textsafe_kind(0x202E), "bidi control");
	assert_string_equal(textsafe_kind(0x200B), "invisible format character");
	assert_string_equal(textsafe_kind(-1), "invalid UTF-8");
	assert_null(textsafe_kind('\t'));
	assert_null(textsafe_kind(0xE9));
	/* The layout measures what the drawer draws. */
	assert_int_equal(cp_width(0x200B), 8);
	assert_int_equal(cp_width(0xE0067), 9);
}

static void test_fold(void **state)
{
	struct folded f;
	char *s;
	static const char text[] = "C\xc3\xb4te d\xe2\x80\x99Ivoire \xef\xbc\xa1\xef\xbc\xa2 Stra\xc3\x9f" "e";

	(void)state;
	s = fold_dup("C\xc3\xb4TE");
	assert_string_equal(s, "cote");
	free(s);
	s = fold_dup("\xef\xbd\x86\xef\xbd\x95\xef\xbd\x8c\xef\xbd\x8c \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x94 dash");
	assert_string_equal(s, "full \"quoted\" - dash");
	free(s);
	/* The map leads from folded bytes back to the original. */
	fold_text(text, sizeof(text) - 1, true, &f);
	assert_string_equal(f.s, "cote d'ivoire ab strasse");
	assert_int_equal(f.map[0], 0);
	assert_int_equal(f.map[5], 6);                      /* "d" after "Côte " */
	assert_int_equal(f.map[14], 17);                    /* "a" of fullwidth "A" */
	assert_int_equal(f.map[f.len], sizeof(text) - 1);
	folded_free(&f);
	/* Whitespace of any kind, ASCII or not, collapses to one space between
	 * words and vanishes at the ends. */
	fold_text("  A\t\n B\xc2\xa0 \xe2\x80\x83" "C  ", 16, true, &f);
	assert_string_equal(f.s, "a b c");
	assert_int_equal(f.map[0], 2);
	assert_int_equal(f.map[2], 6);
	assert_int_equal(f.map[4], 13);
	folded_free(&f);
	s = fold_dup("");
	assert_string_equal(s, "");
	free(s);
	/* Collation: Côte d'Ivoire among the C's, not after Z. */
	assert_true(collate_cmp("Costa Rica", "C\xc3\xb4te d'Ivoire") < 0);
	assert_true(collate_cmp("C\xc3\xb4te d'Ivoire", "Croatia") < 0);
	assert_true(collate_cmp("\xc3\x85land", "Belgium") < 0);
	{
		char *a = collate_key("Kenya"), *b = collate_key("korea");

		assert_true(strcmp(a, b) < 0);
		free(a);
		free(b);
	}
}

static void test_width_and_wrap(void **state)
{
	struct wrap_line *lines;
	size_t n, w;
	static const char text[] = "The government did not report any law enforcement efforts; "
				   "Supercalifragilisticexpialidocious-long-compound stays whole if it can.";

	(void)state;
	assert_int_equal(cp_width('a'), 1);
	assert_int_equal(cp_width(0x4E2D), 2);   /* 中 */
	assert_int_equal(cp_width(0x0301), 0);   /* combining acute */
	assert_int_equal(cp_width(0x1F600), 2);  /* emoji */
	assert_int_equal(text_width("e\xcc\x81t\xc3\xa9", 6), 3);
	assert_int_equal(text_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4);
	assert_int_equal(text_fit("\xe4\xb8\xad\xe6\x96\x87x", 7, 3, &w), 3);
	assert_int_equal(w, 2);
	for (size_t width = 8; width <= 60; width += 13) {
		n = wrap_text(text, sizeof(text) - 1, width, &lines);
		assert_true(n > 1);
		for (size_t i = 0; i < n; i++) {
			assert_true(lines[i].width <= width);
			assert_int_equal(lines[i].width, text_width(text + lines[i].start, lines[i].end - lines[i].start));
			/* Lines break at ICU opportunities: never inside a word that fits. */
			if (i + 1 < n && width >= 40)
				assert_true(text[lines[i].end] == ' ' || text[lines[i].end - 1] == '-');
		}
		free(lines);
	}
	/* CJK breaks between characters; a too-long word is split, not overflowing. */
	n = wrap_text("\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87", 12, 5, &lines);
	assert_int_equal(n, 2);
	assert_int_equal(lines[0].width, 4);
	free(lines);
	n = wrap_text("abcdefghij", 10, 4, &lines);
	assert_int_equal(n, 3);
	free(lines);
	/* A word of a megabyte, then a short one: full lines of the width
	 * (the e2e test pathological.sh bounds the time this takes). */
	{
		size_t big = 1u << 20;
		char *word = xcalloc(big + 6, 1);

		memset(word, 'w', big);
		memcpy(word + big, " end.", 5);
		n = wrap_text(word, big + 5, 80, &lines);
		assert_int_equal(n, big / 80 + 1);
		for (size_t i = 0; i + 1 < n; i++)
			assert_int_equal(lines[i].width, 80);
		assert_int_equal(lines[n - 1].end - lines[n - 1].start, big % 80 + 5);
		assert_memory_equal(word + lines[n - 1].end - 6, "w end.", 6);
		free(lines);
		free(word);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_textsafe),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_width_and_wrap),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
