/* test_words.c — the words of a text: folding, apostrophes, separators,
 * offsets; the fast ASCII path against folding the whole text with ICU on
 * thousands of mixed texts; reading from any boundary; spellings. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unicode/uchar.h>

#include "base/icu.h"
#include "base/utf8.h"
#include "base/util.h"
#include "search/words.h"

/* The words of text as "key@start-end key@start-end ...". */
static char *words_of(const char *text, size_t from)
{
	struct strbuf sb = {0};
	struct words w;
	struct word wd;

	words_init(&w, text, strlen(text), from);
	while (words_next(&w, &wd)) {
		assert_true(wd.hash == hash_add(HASH_INIT, wd.key, wd.len));
		sb_addf(&sb, "%s%s@%zu-%zu", sb.len ? " " : "", wd.key, wd.start, wd.end);
	}
	words_done(&w);
	return sb_detach(&sb);
}

/* The same words made the slow way, from the whole text folded at once:
 * the definition the fast path must meet. */
static char *reference(const char *text)
{
	struct strbuf sb = {0};
	struct folded f;
	size_t i = 0;

	fold_text(text, strlen(text), true, &f);
	while (i < f.len) {
		size_t first = 0, last = 0, klen = 0;
		char key[WORDS_MAX_KEY + 1];
		bool in = false;

		while (i < f.len) {
			int32_t cp, next = 0;
			size_t n = utf8_next(f.s + i, f.len - i, &cp);
			bool alnum = cp < 0x80 ? words_ascii_alnum((unsigned char)cp)
					       : u_hasBinaryProperty(cp, UCHAR_ALPHABETIC) ||
							 u_charType(cp) == U_DECIMAL_DIGIT_NUMBER;

			if (alnum) {
				if (!in)
					first = i, in = true;
				if (klen + n <= WORDS_MAX_KEY)
					memcpy(key + klen, f.s + i, n), klen += n;
				last = i;
				i += n;
				continue;
			}
			if (in && cp == '\'' && i + 1 < f.len) {
				utf8_next(f.s + i + 1, f.len - i - 1, &next);
				if (next < 0x80 ? words_ascii_alnum((unsigned char)next)
						: u_hasBinaryProperty(next, UCHAR_ALPHABETIC) ||
							  u_charType(next) == U_DECIMAL_DIGIT_NUMBER) {
					i++;
					continue;
				}
			}
			i += n;
			if (in)
				break;
		}
		if (in) {
			size_t start = f.map[first], end = f.map[last];
			int32_t cp;

			end += utf8_next(text + end, strlen(text) - end, &cp);
			key[klen] = '\0';
			sb_addf(&sb, "%s%s@%zu-%zu", sb.len ? " " : "", key, start, end);
		}
	}
	folded_free(&f);
	return sb_detach(&sb);
}

static void expect(const char *text, const char *want)
{
	char *got = words_of(text, 0), *ref = reference(text);

	assert_string_equal(got, want);
	assert_string_equal(ref, want);
	free(got);
	free(ref);
}

static void test_words(void **state)
{
	(void)state;
	expect("Fair trials did not occur.", "fair@0-4 trials@5-11 did@12-15 not@16-19 occur@20-25");
	expect("People's peoples People\xe2\x80\x99s", "peoples@0-8 peoples@9-16 peoples@17-27");
	expect("'quoted' workers\xe2\x80\x99 rock'n'roll it''s", "quoted@1-7 workers@9-16 rocknroll@20-31 it@32-34 s@36-37");
	expect("state-sponsored COVID-19 U.S. 1,000", "state@0-5 sponsored@6-15 covid@16-21 19@22-24 u@25-26 s@27-28 1@30-31 000@32-35");
	expect("C\xc3\xb4te d\xe2\x80\x99Ivoire", "cote@0-5 divoire@6-16");
	expect("\xef\xbd\x83\xef\xbd\x8f\xef\xbd\x83\xef\xbd\x8f\xef\xbd\x81 farms", "cocoa@0-15 farms@16-21");
	expect("\xef\xac\x81" "nal \xc2\xbd stra\xc3\x9f" "e", "final@0-6 1@7-9 2@7-9 strasse@10-17");
	expect("\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x94" "dash\xe2\x80\x94 no\xc2\xa0" "break\xe2\x80\xa6", "quoted@3-9 dash@16-20 no@24-26 break@28-33");
	expect("\xe4\xb8\xad\xe6\x96\x87 text", "\xe4\xb8\xad\xe6\x96\x87" "@0-6 text@7-11");
	expect("", "");
	expect("  -- ''  ", "");
}

/* Mixed texts from pieces that matter: the fast path agrees with folding
 * the whole text, word for word and byte for byte. */
static void test_fast_is_exact(void **state)
{
	static const char *const pieces[] = {
		"labour", "People", "'", "\xe2\x80\x99", "\xe2\x80\x98", "s", " ", "  ", "-", ".", ",", "\xc3\xa9",
		"e\xcc\x81", "\xc2\xa0", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x94", "\xe2\x80\xa6", "\xe4\xb8\xad",
		"\xef\xbd\x81", "\xef\xac\x81", "\xc2\xbd", "2022", "\xc3\x9f", "\xca\xbc", "\xe2\x80\xb2", "ABC", "\t",
		"\xe2\x80\x8b", "\xd9\xa3", "x", "_", "\xce\xa3", "\xe2\x80\x89",
	};
	unsigned long seed = 42;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		struct strbuf sb = {0};
		char *got, *ref;
		int n = 1 + round % 12;

		for (int k = 0; k < n; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			sb_adds(&sb, pieces[(seed >> 33) % ARRAY_SIZE(pieces)]);
		}
		got = words_of(sb.buf, 0);
		ref = reference(sb.buf);
		if (strcmp(got, ref))
			fail_msg("\"%s\": %s, folded whole: %s", sb.buf, got, ref);
		free(got);
		free(ref);
		sb_free(&sb);
	}
}

/* From any boundary, the words are those of the whole text from there. */
static void test_boundaries(void **state)
{
	const char *text = "The DPRK\xe2\x80\x99s \xe2\x80\x9c" "forced labor\xe2\x80\x9d in C\xc3\xb4te\xc2\xa0" "d'Ivoire, 12-15.";
	char *all = words_of(text, 0);
	size_t n = 0;

	(void)state;
	for (size_t at = 0; at <= strlen(text); at++) {
		char *from, *tail;

		if (!words_boundary(text, strlen(text), at))
			continue;
		n++;
		from = words_of(text, at);
		if (!*from) {
			free(from);
			continue;
		}
		/* Offsets are absolute: the words from at are a tail of all. */
		tail = strstr(all, from);
		assert_non_null(tail);
		assert_string_equal(tail, from);
		free(from);
	}
	assert_true(n > 10);
	assert_false(words_boundary(text, strlen(text), 5));  /* inside DPRK */
	assert_false(words_boundary(text, strlen(text), 9));  /* inside the ’ */
	free(all);
}

static void collect(const char *word, const char *other, void *arg)
{
	sb_addf(arg, "%s=%s ", word, other);
}

static void test_variants(void **state)
{
	const char *const *v;
	struct strbuf sb = {0};
	size_t n;

	(void)state;
	words_variants("labour", &v, &n);
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "labor");
	words_variants("labor", &v, &n);
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "labour");
	words_variants("organisations", &v, &n);
	assert_string_equal(v[0], "organizations");
	words_variants("defence", &v, &n);
	assert_string_equal(v[0], "defense");
	words_variants("programmes", &v, &n);
	assert_string_equal(v[0], "programs");
	words_variants("emphasis", &v, &n);  /* the noun is the same in both */
	assert_int_equal(n, 0);
	words_variants("forced", &v, &n);
	assert_int_equal(n, 0);
	words_variants_prefixed("labourer", collect, &sb);
	assert_string_equal(sb_str(&sb), "labourer=laborer labourers=laborers ");
	sb_free(&sb);
}

static int teardown(void **state)
{
	(void)state;
	icu_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_fast_is_exact),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_variants),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
