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
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "content/document.h"
#include "text/fold.h"
#include "base/icu.h"
#include "base/textsafe.h"
#include "text/textwrap.h"
#include "base/utf8.h"
#include "base/util.h"

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

/* ICU's line iterator, the oracle for line_breaks_simple: its
 * opportunities into out (len last), hard ones flagged in hard. */
static size_t icu_line_breaks(const char *s, size_t len, size_t *out, bool *hard)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_LINE, "en", NULL, 0, &err);
	UText *ut = utext_openUTF8(NULL, s, (int64_t)len, &err);
	size_t n = 0;

	ubrk_setUText(bi, ut, &err);
	assert_true(U_SUCCESS(err));
	for (int32_t p = ubrk_following(bi, 0); p != UBRK_DONE; p = ubrk_next(bi)) {
		hard[n] = ubrk_getRuleStatus(bi) >= UBRK_LINE_HARD;
		out[n++] = (size_t)p;
	}
	ubrk_close(bi);
	utext_close(ut);
	return n;
}

/* The greedy wrap of wrap_text on ICU's opportunities, written out again
 * as the oracle for wrap_text's lines. */
static size_t icu_wrap(const char *s, size_t len, size_t width, struct wrap_line *out)
{
	size_t *pos = xcalloc(len + 2, sizeof(*pos)), n_pos, n = 0, start = 0, fit = 0, seg_from = 0, line_w = 0;
	bool *hard = xcalloc(len + 2, sizeof(*hard));

#define PUSH(a, b)                                                                              \
	do {                                                                                    \
		size_t e_ = (b);                                                                \
		while (e_ > (a) && (s[e_ - 1] == ' ' || s[e_ - 1] == '\t'))                      \
			e_--;                                                                   \
		out[n++] = (struct wrap_line){ (a), e_, text_width(s + (a), e_ - (a)) };        \
	} while (0)
	n_pos = icu_line_breaks(s, len, pos, hard);
	for (size_t k = 0; k < n_pos; k++) {
		size_t p = pos[k], trimmed = p;

		while (trimmed > seg_from && (s[trimmed - 1] == ' ' || s[trimmed - 1] == '\t' || s[trimmed - 1] == '\n'))
			trimmed--;
		if (line_w + text_width(s + seg_from, trimmed - seg_from) <= width) {
			fit = p;
			line_w += text_width(s + seg_from, p - seg_from);
			seg_from = p;
		} else {
			if (fit > start) {
				PUSH(start, fit);
				start = fit;
			}
			for (;;) {
				size_t m = text_fit(s + start, trimmed - start, width, NULL);

				if (m >= trimmed - start)
					break;
				if (m == 0)
					m = utf8_next(s + start, len - start, &(int32_t){0});
				PUSH(start, start + m);
				start += m;
			}
			fit = seg_from = p;
			line_w = text_width(s + start, p - start);
		}
		if (hard[k] && p < len) {
			size_t end = p;

			while (end > start && (s[end - 1] == '\n' || s[end - 1] == '\r'))
				end--;
			PUSH(start, end);
			start = fit = seg_from = p;
			line_w = 0;
		}
	}
	if (start < len || n == 0)
		PUSH(start, len);
#undef PUSH
	free(pos);
	free(hard);
	return n;
}

/* line_breaks_simple gives ICU's opportunities wherever it gives any, and
 * it gives them for text of its characters; true when it took s. */
static bool breaks_as_icu(const char *s, size_t len)
{
	size_t *ours, n = line_breaks_simple(s, len, &ours), *icu = xcalloc(len + 2, sizeof(*icu));
	bool *hard = xcalloc(len + 2, sizeof(*hard));
	size_t m = icu_line_breaks(s, len, icu, hard);

	if (n && (n != m || memcmp(ours, icu, n * sizeof(*ours))))
		fail_msg("line breaks differ from ICU's (%zu against %zu) in: %.*s", n, m, (int)(len > 300 ? 300 : len), s);
	free(ours);
	free(icu);
	free(hard);
	return n > 0;
}

/* wrap_text's lines are those of ICU's opportunities, at several widths. */
static void wraps_as_icu(const char *s, size_t len)
{
	static const size_t widths[] = { 20, 37, 60, 80, 117 };

	for (size_t i = 0; i < ARRAY_SIZE(widths); i++) {
		struct wrap_line *ours, *icu = xcalloc(len + 1, sizeof(*icu));
		size_t n = wrap_text(s, len, widths[i], &ours), m = icu_wrap(s, len, widths[i], icu);

		if (n != m || memcmp(ours, icu, n * sizeof(*ours)))
			fail_msg("wrapped at %zu unlike ICU's lines (%zu against %zu): %.*s", widths[i], n, m,
				 (int)(len > 300 ? 300 : len), s);
		free(ours);
		free(icu);
	}
}

/* The characters line_breaks_simple takes, one of each of their classes
 * first (a, 1, space, '.', '!', '"', '(', ')', '}', '-', '/', '$', '%',
 * '|', em dash, no-break space, ellipsis, curly quote). */
static const char *const lb_chars[] = {
	"a", "1", " ", ".", "!", "\"", "(", ")", "}", "-", "/", "$", "%", "|", "\xe2\x80\x94",
	"\xc2\xa0", "\xe2\x80\xa6", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99",
	"\xe2\x80\x93", "\xe2\x80\xa2",
};

/* Strings of the characters lb_chars and printable ASCII give, each of
 * n from a number x: the digits of x in base 'base'. */
static size_t lb_string(unsigned long x, size_t n, size_t base, char *out)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++, x /= base) {
		size_t k = x % base;

		if (k < ARRAY_SIZE(lb_chars)) {
			memcpy(out + len, lb_chars[k], strlen(lb_chars[k]));
			len += strlen(lb_chars[k]);
		} else {
			out[len++] = (char)(0x20 + k - ARRAY_SIZE(lb_chars)); /* printable ASCII */
		}
	}
	return len;
}

/* Line breaks without ICU are ICU's: every string of up to four characters
 * of the eighteen classes, every pair of all the characters taken, random
 * strings of up to forty, the rules' corners, and every paragraph and item
 * of the bundled content and line of the seed texts, wrapped at several
 * widths too. */
/* wrap_text counts a column for each character of text the simple line
 * breaker takes, without measuring: each is one column. */
static void test_simple_chars_one_column(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(lb_chars); i++)
		assert_int_equal(text_width(lb_chars[i], strlen(lb_chars[i])), 1);
	for (int c = 0x20; c < 0x7F; c++)
		assert_int_equal(text_width(&(char){ (char)c }, 1), 1);
}

static void test_line_breaks(void **state)
{
	static const char *const corners[] = {
		"state-sponsored forced labor", "well -known", "(-5) and -5 and a -b", "e.g. the U.S. and i.e.,",
		"It rose 3.5 percent, to 2,000 people (1.5%) in 2021/2022.", "$5,000.00 or \xe2\x82\xac", "50% of (2021) $(1) 1)%",
		"\"quoted\" and \xe2\x80\x9c curly \xe2\x80\x9d and \xe2\x80\x98single\xe2\x80\x99 ( spaced ) [x] {y}",
		"People\xe2\x80\x99s Republic \xe2\x80\x94 a dash\xe2\x80\x94" "and \xe2\x80\x94 \xe2\x80\x94 two", "and/or 1/2 a/1 .5 a .5 ( .5",
		"wait\xe2\x80\xa6 no\xc2\xa0" "break, 10\xc2\xa0km \xe2\x80\xa2 item", "[-deleted-] {+inserted+} [-a-]{+b+}",
		"Really?! Yes!! (No.) \"Fine.\" 'ok' a;b:c", "x -y --z - w 2021-2022 a-1 1-a", "#tag @me a&b a*b a=b a<b>c ~x ^y _z `q`",
		"a\\b a+b +1 a|b a||b", "   leading and trailing   ", " ", "",
	};
	static const char *const seeds[] = {
		"seeds/tip-2021-dprk.txt", "seeds/tip-2022-pdf-extract-kenya-dprk-rok.txt",
		"seeds/tip-2023-dprk-excerpt.txt", "seeds/position-paper-dprk.txt",
		"seeds/article-dprk-trafficking-summary.txt",
	};
	static const char *const docs[] = {
		"2021/korea-north.yaml", "2022/korea-north.yaml", "2023/korea-north.yaml", "2022/kenya.yaml",
		"2022/korea-south.yaml",
	};
	size_t all = ARRAY_SIZE(lb_chars) + 0x7F - 0x20, taken = 0, texts = 0;
	unsigned long seed = 1;
	char buf[256];

	(void)state;
	for (size_t n = 1, count = 18; n <= 4; n++, count *= 18)
		for (unsigned long x = 0; x < count; x++)
			assert_true(breaks_as_icu(buf, lb_string(x, n, 18, buf)));
	for (unsigned long x = 0; x < all * all; x++)
		assert_true(breaks_as_icu(buf, lb_string(x, 2, all, buf)));
	for (size_t i = 0; i < 20000; i++) {
		unsigned long x = 0;
		size_t len = 0, n;

		seed = seed * 6364136223846793005u + 1442695040888963407u;
		n = 1 + (seed >> 33) % 40;
		for (size_t k = 0; k < n; k++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			x = (seed >> 33) % all;
			len += lb_string(x, 1, all, buf + len);
		}
		assert_true(breaks_as_icu(buf, len));
	}
	for (size_t i = 0; i < ARRAY_SIZE(corners); i++) {
		breaks_as_icu(corners[i], strlen(corners[i]));
		wraps_as_icu(corners[i], strlen(corners[i]));
	}
	for (size_t i = 0; i < ARRAY_SIZE(seeds); i++) {
		char *path = path_join(TIPR_SRCDIR, seeds[i]);
		size_t len;
		char *text = read_file(path, 1 << 20, &len);

		assert_non_null(text);
		wraps_as_icu(text, len);
		for (char *line = text, *end; line < text + len; line = end + 1) {
			end = memchr(line, '\n', (size_t)(text + len - line));
			if (!end)
				end = text + len;
			taken += breaks_as_icu(line, (size_t)(end - line));
			wraps_as_icu(line, (size_t)(end - line));
			texts++;
		}
		free(text);
		free(path);
	}
	for (size_t i = 0; i < ARRAY_SIZE(docs); i++) {
		char *path = xasprintf("%s/content/tip/%s", TIPR_SRCDIR, docs[i]);
		struct diags d = {0};
		struct document *doc = document_load(path, &d);

		assert_non_null(doc);
		for (size_t k = 0; k < doc->n_sections; k++) {
			const struct section *sec = &doc->sections[k];

			for (size_t p = 0; p < sec->n_paras + sec->n_items; p++) {
				const char *t = p < sec->n_paras ? sec->paras[p] : sec->items[p - sec->n_paras];

				taken += breaks_as_icu(t, strlen(t));
				wraps_as_icu(t, strlen(t));
				texts++;
			}
		}
		document_free(doc);
		diags_free(&d);
		free(path);
	}
	print_message("# %zu of %zu paragraphs, items and seed lines without ICU\n", taken, texts);
	assert_true(taken * 2 > texts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_textsafe),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_width_and_wrap),
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_simple_chars_one_column),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
