/* test_compare.c — segmentation, word diff, alignment and the tracker, on
 * the real bundled narratives. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <cmocka.h>
#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "compare/cmplayout.h"
#include "compare/cmprender.h"
#include "compare/compare.h"
#include "content/corpus.h"
#include "corpus_fixture.h"
#include "base/icu.h"
#include "content/layout.h"
#include "compare/recs.h"
#include "text/sentence.h"
#include "text/textwrap.h"
#include "base/util.h"
#include "text/wdiff.h"

static int setup(void **state)
{
	(void)state;
	return fixture_open("content");
}

static const struct document *nk(int year)
{
	const struct document *d = fixture_doc("korea-north", year);

	assert_non_null(d);
	return d;
}

static void test_sentences(void **state)
{
	static const char text[] =
		"The U.S. government funded a shelter. Under Art. 5 of the law, No. 12 applies. "
		"Mr. Kim J. Park testified.  \xe2\x80\x9cIt ended,\xe2\x80\x9d he said. Did it? Yes.";
	static const char *const expect[] = {
		"The U.S. government funded a shelter.",
		"Under Art. 5 of the law, No. 12 applies.",
		"Mr. Kim J. Park testified.",
		"\xe2\x80\x9cIt ended,\xe2\x80\x9d he said.",
		"Did it?",
		"Yes.",
	};
	struct span *s;
	size_t n = sentence_split(text, strlen(text), &s);

	(void)state;
	assert_int_equal(n, ARRAY_SIZE(expect));
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(s[i].end - s[i].start, strlen(expect[i]));
		assert_memory_equal(text + s[i].start, expect[i], strlen(expect[i]));
	}
	free(s);
	assert_int_equal(sentence_split("", 0, &s), 0);
	free(s);
	/* "etc." ends a sentence; an initial does not. */
	n = sentence_split("Begging, peddling, etc. The law bans it. Kim J. Un spoke.", 57, &s);
	assert_int_equal(n, 3);
	assert_int_equal(s[1].start, 24);
	free(s);
	/* Tokens: words and punctuation, never spaces. */
	n = sentence_tokens("state-sponsored labor,  in 2020.", 32, &s);
	assert_int_equal(n, 8);
	assert_memory_equal("state", "state-sponsored labor,  in 2020." + s[0].start, 5);
	assert_memory_equal(",", "state-sponsored labor,  in 2020." + s[4].start, 1);
	free(s);
}

/* ICU's own sentence iterator, the oracle for sentence_boundaries. */
static size_t icu_boundaries(const char *text, size_t len, size_t *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &err);
	UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
	size_t n = 0;

	ubrk_setUText(bi, ut, &err);
	assert_true(U_SUCCESS(err));
	for (int32_t p = ubrk_following(bi, 0); p != UBRK_DONE; p = ubrk_next(bi))
		out[n++] = (size_t)p;
	ubrk_close(bi);
	utext_close(ut);
	return n;
}

static void assert_boundaries_as_icu(const char *text, size_t len)
{
	size_t *ours, n = sentence_boundaries(text, len, &ours), *icu = xcalloc(len + 2, sizeof(*icu));
	size_t m = icu_boundaries(text, len, icu);

	if (n != m || memcmp(ours, icu, n * sizeof(*ours)))
		fail_msg("sentence boundaries differ from ICU's (%zu against %zu) in: %.*s", n, m,
			 (int)(len > 300 ? 300 : len), text);
	free(ours);
	free(icu);
}

/* The sentence rules agree with ICU's iterator on every paragraph of the
 * bundled content, on the raw seed texts (line breaks and all), on the
 * rules' corners and on random strings. */
/* The ASCII that can end a sentence, which sentence_boundaries skips all
 * other ASCII to find, eight bytes at a time: terminators and line ends. */
static void test_sentence_enders(void **state)
{
	(void)state;
	for (int c = 0; c < 0x80; c++) {
		int sb = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
		bool ends = sb == U_SB_ATERM || sb == U_SB_STERM || sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF;

		assert_int_equal(ends, c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r');
	}
}

static void test_sentence_rules(void **state)
{
	static const char *const corners[] = {
		"He said \xe2\x80\x9cNo.\xe2\x80\x9d Then he left.", "Is it? Yes! (Really.) Fine.",
		"e.g. the U.S. test and Mr. Smith.", "It rose 3.5 percent. The rest fell.", "etc. and so on. Next.",
		"Hello.\r\nWorld.\n\nAgain", "A.B.C. Def ghi.", "word.\xe2\x80\xa9Next one.",
		"cafe\xcc\x81. Next.", "a.  b. C.", "end.\"  Next.", "1. 2. 3.", "\xe6\x97\xa5\xe6\x9c\xac\xe3\x80\x82\xe6\xac\xa1",
		"Hmm... ok. Yes", "wait;\xc2\xa0next. Then,", "(See above.) And then? \xe2\x80\x94 no.", "Done.)",
		"\xcc\x81Start. \xcc\x81Mark.", "x.\xe2\x80\x8bY", ".", "", "?!", "No. 5 is here.", "It was 1.5.2. Then",
	};
	static const char *const seeds[] = {
		"seeds/tip-2021-dprk.txt", "seeds/tip-2022-pdf-extract-kenya-dprk-rok.txt",
		"seeds/tip-2023-dprk-excerpt.txt", "seeds/position-paper-dprk.txt",
		"seeds/article-dprk-trafficking-summary.txt",
	};
	static const char *const docs[][2] = {
		{ "korea-north", "2021" }, { "korea-north", "2022" }, { "korea-north", "2023" },
		{ "kenya", "2022" }, { "korea-south", "2022" },
	};

	/* Random strings of the characters the rules tell apart: letters,
	 * digits, terminators, closing marks, spaces, separators, marks and
	 * format characters that fold into the character before them. */
	static const char *const chars[] = {
		"a", "A", "1", " ", ".", "?", "!", "\"", ")", "(", "\n", "\r", "\xe2\x80\x99", "\xe2\x80\x9d",
		"\xcc\x81", "\xc2\xad", ",", "\xe2\x80\xa9", "\xe3\x80\x82", "\xd7\x90", "\t", ";", "\xe2\x80\x8d",
	};
	unsigned long seed = 7;

	(void)state;
	for (size_t i = 0; i < 20000; i++) {
		char buf[256];
		size_t len = 0, n;

		seed = seed * 6364136223846793005u + 1442695040888963407u;
		n = (seed >> 33) % 30;
		for (size_t k = 0; k < n; k++) {
			const char *c;

			seed = seed * 6364136223846793005u + 1442695040888963407u;
			/* Half of them from the first eight, for sentences of words. */
			c = chars[(seed >> 33) % ((seed >> 20) % 2 ? 8 : ARRAY_SIZE(chars))];
			memcpy(buf + len, c, strlen(c));
			len += strlen(c);
		}
		assert_boundaries_as_icu(buf, len);
	}
	for (size_t i = 0; i < ARRAY_SIZE(corners); i++)
		assert_boundaries_as_icu(corners[i], strlen(corners[i]));
	for (size_t i = 0; i < ARRAY_SIZE(seeds); i++) {
		char *path = path_join(TIPR_SRCDIR, seeds[i]);
		FILE *f = fopen(path, "rb");
		char *buf = xcalloc(1 << 20, 1);
		size_t len;

		assert_non_null(f);
		len = fread(buf, 1, (1 << 20) - 1, f);
		assert_true(len > 0 && !ferror(f));
		fclose(f);
		assert_boundaries_as_icu(buf, len);
		free(buf);
		free(path);
	}
	for (size_t i = 0; i < ARRAY_SIZE(docs); i++) {
		const struct document *d = fixture_doc(docs[i][0], atoi(docs[i][1]));

		assert_non_null(d);
		for (size_t s = 0; s < d->n_sections; s++) {
			for (size_t p = 0; p < d->sections[s].n_paras; p++)
				assert_boundaries_as_icu(d->sections[s].paras[p], strlen(d->sections[s].paras[p]));
			for (size_t k = 0; k < d->sections[s].n_items; k++)
				assert_boundaries_as_icu(d->sections[s].items[k], strlen(d->sections[s].items[k]));
		}
	}
}

/* ICU's word iterator, the oracle for sentence_tokens: the segments
 * between its boundaries that are not white space alone. */
static size_t icu_tokens(const char *text, size_t len, struct span *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_WORD, "en", NULL, 0, &err);
	UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
	size_t n = 0, start = 0;

	ubrk_setUText(bi, ut, &err);
	assert_true(U_SUCCESS(err));
	for (int32_t p = ubrk_following(bi, 0); p != UBRK_DONE; p = ubrk_next(bi)) {
		size_t i = start, k;

		while (i < (size_t)p && (k = sentence_space(text + i, (size_t)p - i)))
			i += k;
		if (i < (size_t)p)
			out[n++] = (struct span){ start, (size_t)p };
		start = (size_t)p;
	}
	ubrk_close(bi);
	utext_close(ut);
	return n;
}

static void assert_tokens_as_icu(const char *text, size_t len)
{
	struct span *ours, *icu = xcalloc(len + 1, sizeof(*icu));
	size_t n = sentence_tokens(text, len, &ours), m = icu_tokens(text, len, icu);

	if (n != m || (n && memcmp(ours, icu, n * sizeof(*ours))))
		fail_msg("word tokens differ from ICU's (%zu against %zu) in: %.*s", n, m, (int)(len > 300 ? 300 : len),
			 text);
	free(ours);
	free(icu);
}

/* Word tokens, ICU's or found without it for text of ASCII and the common
 * marks, are ICU's: every string of up to four characters of the word
 * rules' classes and corners, random strings of all the characters the
 * fast path takes and of some it leaves to ICU, and every paragraph and
 * item of the content. */
static void test_word_tokens(void **state)
{
	static const char *const classes[] = {
		"a", "1", " ", ".", ",", "'", "\xe2\x80\x99", "_", ":", "@", "-", "\"", "\xc2\xa0", "\xe2\x80\x9c",
	};
	static const char *const others[] = { "\xc3\xa9", "\xe4\xb8\xad", "\xcc\x81", "\t", "\n", "\xe2\x80\x8b" };
	static const char *const docs[][2] = {
		{ "korea-north", "2021" }, { "korea-north", "2022" }, { "korea-north", "2023" },
		{ "kenya", "2022" }, { "korea-south", "2022" },
	};
	size_t nc = ARRAY_SIZE(classes);
	unsigned long seed = 11;
	char buf[256];

	(void)state;
	for (size_t len = 1, count = nc; len <= 4; len++, count *= nc) {
		for (unsigned long x = 0; x < count; x++) {
			size_t n = 0;

			for (unsigned long y = x, k = 0; k < len; k++, y /= nc) {
				memcpy(buf + n, classes[y % nc], strlen(classes[y % nc]));
				n += strlen(classes[y % nc]);
			}
			assert_tokens_as_icu(buf, n);
		}
	}
	for (size_t i = 0; i < 20000; i++) {
		size_t n = 0, len;

		seed = seed * 6364136223846793005u + 1442695040888963407u;
		len = (seed >> 33) % 40;
		for (size_t k = 0; k < len; k++) {
			const char *c;
			char ascii[2] = { 0, 0 };

			seed = seed * 6364136223846793005u + 1442695040888963407u;
			if ((seed >> 20) % 50 == 0) {
				c = others[(seed >> 33) % ARRAY_SIZE(others)]; /* one for ICU, now and then */
			} else if ((seed >> 24) % 2) {
				c = classes[(seed >> 33) % nc];
			} else {
				ascii[0] = (char)(0x20 + (seed >> 33) % 0x5F);
				c = ascii;
			}
			memcpy(buf + n, c, strlen(c));
			n += strlen(c);
		}
		assert_tokens_as_icu(buf, n);
	}
	for (size_t i = 0; i < ARRAY_SIZE(docs); i++) {
		const struct document *d = fixture_doc(docs[i][0], atoi(docs[i][1]));

		assert_non_null(d);
		for (size_t s = 0; s < d->n_sections; s++) {
			for (size_t p = 0; p < d->sections[s].n_paras; p++)
				assert_tokens_as_icu(d->sections[s].paras[p], strlen(d->sections[s].paras[p]));
			for (size_t k = 0; k < d->sections[s].n_items; k++)
				assert_tokens_as_icu(d->sections[s].items[k], strlen(d->sections[s].items[k]));
		}
	}
}

static size_t diff_strings(const char *a, const char *b, struct wdiff_edit **e)
{
	uint64_t ha[32], hb[32];
	size_t na = strlen(a), nb = strlen(b);

	for (size_t i = 0; i < na; i++)
		ha[i] = (uint64_t)a[i];
	for (size_t i = 0; i < nb; i++)
		hb[i] = (uint64_t)b[i];
	return wdiff(ha, na, hb, nb, 1 << 20, e);
}

static void test_word_diff(void **state)
{
	struct wdiff_edit *e;
	size_t n;

	(void)state;
	/* Identical, empty, completely different, reordered. */
	n = diff_strings("abc", "abc", &e);
	assert_int_equal(n, 1);
	assert_int_equal(e[0].op, WD_SAME);
	free(e);
	n = diff_strings("", "", &e);
	assert_int_equal(n, 0);
	free(e);
	n = diff_strings("", "xy", &e);
	assert_int_equal(n, 1);
	assert_int_equal(e[0].op, WD_INS);
	assert_int_equal(e[0].b_end, 2);
	free(e);
	n = diff_strings("abc", "xyz", &e);
	assert_int_equal(n, 2);
	assert_int_equal(e[0].op, WD_DEL);
	assert_int_equal(e[1].op, WD_INS);
	free(e);
	n = diff_strings("abcd", "cdab", &e);
	{
		size_t same = 0;

		for (size_t i = 0; i < n; i++)
			if (e[i].op == WD_SAME)
				same += e[i].a_end - e[i].a_start;
		assert_int_equal(same, 2);
	}
	free(e);
	/* Over the cost cap: the middle is one replacement, the ends kept. */
	{
		uint64_t a[6] = { 1, 2, 3, 4, 5, 9 }, b[6] = { 1, 5, 4, 3, 2, 9 };

		n = wdiff(a, 6, b, 6, 4, &e);
		assert_int_equal(n, 4);
		assert_int_equal(e[0].op, WD_SAME);
		assert_int_equal(e[1].op, WD_DEL);
		assert_int_equal(e[2].op, WD_INS);
		assert_int_equal(e[3].op, WD_SAME);
		free(e);
	}
}

static const struct cmp_row *find_row(const struct comparison *c, const char *id, const char *needle_a,
				      const char *needle_b)
{
	for (size_t s = 0; s < c->n_secs; s++) {
		if (strcmp(c->secs[s].id, id))
			continue;
		for (size_t r = 0; r < c->secs[s].n_rows; r++) {
			const struct cmp_row *row = &c->secs[s].rows[r];

			if ((!needle_a || (row->a && memmem(row->a, row->a_len, needle_a, strlen(needle_a)))) &&
			    (!needle_b || (row->b && memmem(row->b, row->b_len, needle_b, strlen(needle_b)))))
				return row;
		}
	}
	return NULL;
}

static char *inline_text(const struct cmp_row *row)
{
	struct styled st = {0};
	char *s;

	cmp_render_inline(row, true, &st);
	s = xstrndup(st.text.buf, st.text.len);
	styled_free(&st);
	return s;
}

static void test_nk_2021_2022(void **state)
{
	struct comparison *c = compare_documents(nk(2021), nk(2022));
	const struct cmp_row *row;
	char *s;
	size_t changed = 0, added = 0, removed = 0;

	(void)state;
	assert_int_equal(c->n_secs, 6);
	assert_string_equal(c->secs[0].id, "overview");
	/* "North Korea" became "the DPRK": a word change in a matching sentence. */
	row = find_row(c, "overview", "therefore North Korea remained", "therefore the DPRK remained");
	assert_non_null(row);
	assert_int_equal(row->kind, CMP_CHANGED);
	s = inline_text(row);
	assert_non_null(strstr(s, "therefore [-North Korea-] {+the DPRK+} remained on Tier 3."));
	free(s);
	/* "China" became "the PRC" inside otherwise matching sentences. */
	row = find_row(c, "protection", "returned from China", "returned from the PRC");
	assert_non_null(row);
	assert_int_equal(row->kind, CMP_CHANGED);
	s = inline_text(row);
	assert_non_null(strstr(s, "[-China-] {+the PRC+}"));
	free(s);
	/* A sentence about the 2020 law is new in 2022. */
	row = find_row(c, "profile", NULL, "Law on Rejecting Reactionary Ideology and Culture");
	assert_non_null(row);
	assert_true(row->kind == CMP_ADDED || row->kind == CMP_CHANGED);
	/* Unchanged recommendations are the same; 3 were reworded. */
	row = find_row(c, "recommendations", "Eliminate coercion tactics", "Eliminate coercion tactics");
	assert_int_equal(row->kind, CMP_SAME);
	for (size_t k = 0; k < c->n_secs; k++) {
		changed += c->secs[k].n_changed;
		added += c->secs[k].n_added;
		removed += c->secs[k].n_removed;
		assert_true(c->secs[k].similarity > 0.3 && c->secs[k].similarity <= 1.0);
	}
	assert_int_equal(c->secs[1].n_changed, 3);
	/* Not a wall of red and green: most sentences pair up. */
	assert_true(changed > added && changed > removed);
	assert_true(c->similarity > 0.6 && c->similarity < 0.95);
	comparison_free(c);
}

static void test_identical_and_missing_sections(void **state)
{
	const struct document *d22 = nk(2022), *d23 = nk(2023);
	struct comparison *c = compare_documents(d22, d22);
	size_t s, r;

	(void)state;
	for (size_t k = 0; k < c->n_secs; k++) {
		assert_int_equal(c->secs[k].n_changed + c->secs[k].n_added + c->secs[k].n_removed, 0);
		assert_true(c->secs[k].similarity == 1.0);
	}
	assert_int_equal(c->n_changes, 0);
	comparison_free(c);
	/* 2023 is an excerpt: its missing sections are not in it, never removed,
	 * and count in no figure. */
	c = compare_documents(d22, d23);
	assert_int_equal(c->n_secs, 6);
	for (size_t k = 0; k < c->n_secs; k++)
		if (!strcmp(c->secs[k].id, "prosecution")) {
			assert_int_equal(c->secs[k].b_index, -1);
			assert_true(c->secs[k].not_in_excerpt);
			assert_int_equal(c->secs[k].n_not_in_excerpt, c->secs[k].n_rows);
			assert_int_equal(c->secs[k].n_removed, 0);
		}
	assert_true(c->similarity > 0.9);
	/* Changes there are, and what is not in the excerpt is none of them. */
	r = 0;
	for (s = 0; s < c->n_secs; s++)
		for (size_t k = 0; k < c->secs[s].n_rows; k++) {
			r += cmp_row_is_change(&c->secs[s].rows[k]);
			if (c->secs[s].rows[k].kind == CMP_NOT_IN_EXCERPT)
				assert_false(cmp_row_is_change(&c->secs[s].rows[k]));
		}
	assert_true(r > 0);
	assert_int_equal(r, c->n_changes);
	comparison_free(c);
	/* The reverse: still not in the excerpt, never added. */
	c = compare_documents(d23, d22);
	for (size_t k = 0; k < c->n_secs; k++)
		if (c->secs[k].a_index < 0)
			assert_int_equal(c->secs[k].n_not_in_excerpt, c->secs[k].n_rows);
	comparison_free(c);
}

/* A document of one overview paragraph per string (NULL ends them), then
 * recommendations after an empty string. */
static struct document *doc_of(int year, bool complete, const char *const *paras)
{
	struct document *doc = document_new();
	struct section *s;
	bool items = false;

	document_set(doc, "kenya", year, TIER_2, "Kenya", NULL, complete);
	s = document_add_section(doc, "overview", "Overview");
	for (; *paras; paras++) {
		if (!**paras) {
			s = document_add_section(doc, "recommendations", "Prioritized Recommendations");
			items = true;
		} else if (items) {
			section_add_item(doc, s, *paras, strlen(*paras));
		} else {
			section_add_para(doc, s, *paras, strlen(*paras));
		}
	}
	return doc;
}

/* The one row of c that is not the same (and that there is just one). */
static const struct cmp_row *only_change(const struct comparison *c)
{
	const struct cmp_row *found = NULL;

	for (size_t s = 0; s < c->n_secs; s++)
		for (size_t r = 0; r < c->secs[s].n_rows; r++)
			if (c->secs[s].rows[r].kind != CMP_SAME) {
				assert_null(found);
				found = &c->secs[s].rows[r];
			}
	assert_non_null(found);
	return found;
}

/* The marked words of a row as one string: [-deleted-] {+inserted+} in
 * order; a half of a move reads the other half's text from its peer. */
static char *changes_of(const struct comparison *c, const struct cmp_row *row)
{
	const struct cmp_row *peer = row->kind == CMP_MOVED_OUT || row->kind == CMP_MOVED_IN
					     ? &c->secs[row->peer_section].rows[row->peer_row]
					     : row;
	const char *a = row->a ? row->a : peer->a, *b = row->b ? row->b : peer->b;

	struct strbuf sb = {0};
	char *out;

	for (size_t k = 0; k < row->n_words; k++) {
		const struct cmp_word *w = &row->words[k];

		if (w->op == WD_DEL)
			sb_addf(&sb, "[-%.*s-]", (int)(w->a.end - w->a.start), a + w->a.start);
		else if (w->op == WD_INS)
			sb_addf(&sb, "{+%.*s+}", (int)(w->b.end - w->b.start), b + w->b.start);
	}
	out = xstrndup(sb.buf ? sb.buf : "", sb.len);
	sb_free(&sb);
	return out;
}

static void assert_mirrored(const struct comparison *x, const struct comparison *y)
{
	assert_true(x->similarity == y->similarity);
	assert_int_equal(x->n_secs, y->n_secs);
	assert_int_equal(x->n_changes, y->n_changes);
	for (size_t s = 0; s < x->n_secs; s++) {
		const struct cmp_section *a = &x->secs[s], *b = &y->secs[s];

		assert_string_equal(a->id, b->id);
		assert_true(a->similarity == b->similarity);
		assert_int_equal(a->n_changed, b->n_changed);
		assert_int_equal(a->n_moved, b->n_moved);
		assert_int_equal(a->n_added, b->n_removed);
		assert_int_equal(a->n_removed, b->n_added);
		assert_int_equal(a->n_not_in_excerpt, b->n_not_in_excerpt);
		assert_int_equal(a->n_rows, b->n_rows);
	}
}

static void test_symmetric(void **state)
{
	const struct document *d[] = { nk(2021), nk(2022), nk(2023) };

	(void)state;
	for (size_t i = 0; i < 3; i++)
		for (size_t j = i + 1; j < 3; j++) {
			struct comparison *x = compare_documents(d[i], d[j]), *y = compare_documents(d[j], d[i]);

			assert_true(x->a == d[i] && y->a == d[j]);
			assert_mirrored(x, y);
			comparison_free(x);
			comparison_free(y);
		}
}

/* The issue's case: in the overview of 2021 -> 2022 "forced labor in mass
 * mobilizations" became "human trafficking in prison camps", and the
 * sentence moved: both halves of the move carry the word changes. */
static void test_moved_and_reworded(void **state)
{
	for (int swap = 0; swap < 2; swap++) {
		struct comparison *c = swap ? compare_documents(nk(2022), nk(2021)) : compare_documents(nk(2021), nk(2022));
		const struct cmp_row *old = find_row(c, "overview", swap ? NULL : "in mass mobilizations of adults and children, in prison",
						     swap ? "in mass mobilizations of adults and children, in prison" : NULL);
		const struct cmp_row *peer;
		char *s;

		(void)state;
		assert_non_null(old);
		assert_int_equal(old->kind, swap ? CMP_MOVED_IN : CMP_MOVED_OUT);
		assert_true(old->n_words > 0 && old->similarity >= 0.8 && old->similarity < 1.0);
		peer = &c->secs[old->peer_section].rows[old->peer_row];
		assert_int_equal(peer->kind, swap ? CMP_MOVED_OUT : CMP_MOVED_IN);
		assert_non_null(memmem(swap ? peer->a : peer->b, swap ? peer->a_len : peer->b_len,
				       "human trafficking in prison camps", 33));
		assert_int_equal(peer->peer_row, (size_t)(old - c->secs[old->peer_section].rows));
		s = changes_of(c, old);
		assert_non_null(strstr(s, swap ? "[-human trafficking-]" : "{+human trafficking+}"));
		free(s);
		comparison_free(c);
	}
}

static void test_split_and_merge(void **state)
{
	static const char *const joined[] = {
		"Officials confiscated the passports of workers. Workers lived in compounds, and the "
		"government monitored their communications. Wages went to the state.",
		NULL,
	};
	static const char *const split[] = {
		"Officials confiscated the passports of workers. Workers lived in compounds. The "
		"government monitored their communications. Wages went to the state.",
		NULL,
	};
	struct document *a = doc_of(2021, true, joined), *b = doc_of(2022, true, split);
	struct comparison *c = compare_documents(a, b);
	const struct cmp_row *row = only_change(c);
	char *s = changes_of(c, row);

	(void)state;
	/* Split: one changed pair, one sentence against two, only the join marked. */
	assert_int_equal(row->kind, CMP_CHANGED);
	assert_int_equal(row->a_count, 1);
	assert_int_equal(row->b_count, 2);
	assert_string_equal(s, "[-, and the-]{+. The+}");
	free(s);
	comparison_free(c);
	/* Merge: the same pair the other way round. */
	c = compare_documents(b, a);
	row = only_change(c);
	assert_int_equal(row->a_count, 2);
	assert_int_equal(row->b_count, 1);
	s = changes_of(c, row);
	assert_string_equal(s, "[-. The-]{+, and the+}");
	free(s);
	comparison_free(c);
	document_free(a);
	document_free(b);
}

static void test_whitespace_and_punctuation(void **state)
{
	static const char *const plain[] = {
		"The People\xe2\x80\x99s Republic did not report efforts. Officials were complicit.", NULL,
	};
	static const char *const spaced[] = {
		"The People\xe2\x80\x99s  Republic\xc2\xa0" "did not report efforts.\xc2\xa0\xc2\xa0 Officials\twere complicit. ",
		NULL,
	};
	static const char *const straight[] = {
		"The People's Republic did not report efforts. Officials were complicit.", NULL,
	};
	struct document *a = doc_of(2021, true, plain), *b = doc_of(2022, true, spaced), *p = doc_of(2022, true, straight);
	struct comparison *c = compare_documents(a, b);
	const struct cmp_row *row;
	char *s;

	(void)state;
	/* White space of any kind is no change. */
	assert_int_equal(c->n_changes, 0);
	assert_true(c->similarity == 1.0);
	comparison_free(c);
	/* A curly apostrophe made straight: marked on the apostrophe alone, the words shared. */
	c = compare_documents(a, p);
	row = only_change(c);
	assert_int_equal(row->kind, CMP_CHANGED);
	s = changes_of(c, row);
	assert_string_equal(s, "[-\xe2\x80\x99-]{+'+}");
	free(s);
	s = inline_text(row);
	assert_string_equal(s, "The People[-\xe2\x80\x99-]{+'+}s Republic did not report efforts.");
	free(s);
	assert_true(c->similarity == 1.0);
	comparison_free(c);
	/* The white space helpers. */
	assert_int_equal(sentence_space(" ", 1), 1);
	assert_int_equal(sentence_space("\xc2\xa0", 2), 2);
	assert_int_equal(sentence_space("\xe2\x80\x89", 3), 3);
	assert_int_equal(sentence_space("\xe2\x80\x99", 3), 0);
	assert_int_equal(sentence_space("x", 1), 0);
	assert_int_equal(sentence_space_before("a\xc2\xa0", 0, 3), 2);
	assert_int_equal(sentence_space_before("a\xc2\xa0", 2, 3), 0);
	document_free(a);
	document_free(b);
	document_free(p);
}

/* A sentence's key (which decides "the same") read eight bytes at a time
 * where it can: white space laid out any way, at any offset, is no change;
 * any one character changed is one, wherever it falls. */
static void test_sentence_key(void **state)
{
	static const char *const words[] = {
		"Officials", "in", "the", "Ministry", "of", "Labor", "reported", "1,234", "investigations", "of",
		"forced", "labor", "under", "Article", "7(b)", "and", "the", "People\xe2\x80\x99s", "courts",
		"convicted", "a", "few", "traffickers", "in", "2021.",
	};
	/* (A line break would end a sentence: UAX #29 takes it as a paragraph's end.) */
	static const char *const gaps[] = { " ", "  ", "\t", " \t ", "\xc2\xa0", "\xc2\xa0 ", "   " };
	size_t n = sizeof(words) / sizeof(*words);
	char base[512] = "", text[1024];
	const char *para[2] = { base, NULL };
	struct document *a;
	unsigned seed = 1;

	(void)state;
	for (size_t i = 0; i < n; i++)
		snprintf(base + strlen(base), sizeof(base) - strlen(base), "%s%s", i ? " " : "", words[i]);
	a = doc_of(2021, true, para);
	for (int round = 0; round < 300; round++) {
		const char *const other[2] = { text, NULL };
		struct document *b;
		struct comparison *c;

		/* Round r: the first r % 9 gaps single spaces (every offset for
		 * what follows), the others drawn at random. */
		text[0] = 0;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			snprintf(text + strlen(text), sizeof(text) - strlen(text), "%s%s",
				 !i ? "" : i <= (size_t)round % 9 ? " " : gaps[(seed >> 16) % 7], words[i]);
		}
		b = doc_of(2022, true, other);
		c = compare_documents(a, b);
		assert_int_equal(c->n_changes, 0);
		/* The words too are the same, read eight bytes at a time or not. */
		assert_true(text_similarity(base, strlen(base), text, strlen(text)) == 1.0);
		comparison_free(c);
		document_free(b);
	}
	for (size_t at = 0; base[at]; at++) {
		const char *const other[2] = { text, NULL };
		struct document *b;
		struct comparison *c;

		if (!isalnum((unsigned char)base[at]))
			continue;
		memcpy(text, base, strlen(base) + 1);
		text[at] = base[at] == 'Q' ? 'R' : 'Q';
		b = doc_of(2022, true, other);
		c = compare_documents(a, b);
		assert_int_equal(only_change(c)->kind, CMP_CHANGED);
		assert_true(text_similarity(base, strlen(base), text, strlen(text)) < 1.0);
		comparison_free(c);
		document_free(b);
	}
	document_free(a);
	/* Words are lower-cased, wherever they fall in the eight-byte words. */
	assert_true(text_similarity("FORCED LABOR in INVESTIGATIONS", 30, "investigations of forced labor", 30) == 1.0);
	assert_true(text_similarity("x Trafficking-in-persons", 24, "trafficking-in-Persons x", 24) == 1.0);
	assert_true(text_similarity("trafficking-in-persons", 22, "trafficking in persons", 22) < 1.0);
}

static void test_tracker_excerpts(void **state)
{
	static const char *const full[] = { "Text.", "", "Criminalize forced labor in all its forms.",
					     "Train officials to identify victims among migrant workers.", NULL };
	static const char *const part[] = { "Text.", "", "Criminalize forced labor in all its forms.", NULL };
	struct document *y1 = doc_of(2021, true, full), *y2 = doc_of(2022, false, part), *y3 = doc_of(2023, true, full),
			*y4 = doc_of(2024, true, part);
	const struct document *docs[] = { y1, y2, y3, y4 };
	struct rec_tracker *t = recs_track(docs, 4);
	const struct rec_thread *train = NULL;

	(void)state;
	assert_int_equal(t->n_threads, 2);
	for (size_t th = 0; th < 2; th++)
		if (!strncmp(rec_thread_text(t, th), "Train", 5))
			train = &t->threads[th];
	assert_non_null(train);
	/* First seen in the first edition; the excerpt lacks it (not dropped);
	 * kept in 2023, against 2021; dropped by the complete 2024. */
	assert_int_equal(train->cells[0].state, REC_FIRST_SEEN);
	assert_int_equal(train->cells[1].state, REC_NOT_IN_EXCERPT);
	assert_null(train->cells[1].text);
	assert_int_equal(train->cells[2].state, REC_KEPT);
	assert_int_equal(train->cells[3].state, REC_DROPPED);
	assert_string_equal(rec_state_name(REC_NOT_IN_EXCERPT), "not in this excerpt");
	assert_string_equal(rec_state_short(REC_NOT_IN_EXCERPT), "(excerpt)");
	assert_string_equal(rec_state_short(REC_ABSENT), "-");
	assert_string_equal(rec_state_name(REC_FIRST_SEEN), "first seen");
	assert_string_equal(rec_state_short(REC_FIRST_SEEN), "1st seen");
	recs_free(t);
	/* An excerpt first: nothing after it is "new" until a complete edition. */
	docs[0] = y2;
	docs[1] = y3;
	t = recs_track(docs, 2);
	for (size_t th = 0; th < t->n_threads; th++)
		assert_int_not_equal(t->threads[th].cells[1].state, REC_NEW);
	recs_free(t);
	document_free(y1);
	document_free(y2);
	document_free(y3);
	document_free(y4);
}

static void test_similarity(void **state)
{
	static const char a[] = "End the practice of summary executions and other harsh punishments, "
				"including forced labor, for victims who are forcibly returned from other countries.";
	static const char b[] = "End the use of forced labor as punishment for DPRK citizens involuntarily "
				"repatriated from other countries.";

	(void)state;
	assert_true(text_similarity(a, strlen(a), a, strlen(a)) == 1.0);
	assert_true(text_similarity(a, strlen(a), b, strlen(b)) < 0.5);
	assert_true(text_similarity("The Cat sat.", 12, "the cat SAT", 11) == 1.0);
	assert_true(text_similarity("", 0, "x", 1) == 0.0);
	/* Function words count for nothing, every one of them; longer or
	 * other words count. */
	{
		static const char fw[] = "A an and are as at be been by for from had has have in into is it its of "
					 "on or that the their them these this those to was were which who with victims";

		assert_true(text_similarity(fw, strlen(fw), "victims", 7) == 1.0);
		assert_true(text_similarity("thereby victims", 15, "victims", 7) < 1.0);
		assert_true(text_similarity("whom victims", 12, "victims", 7) < 1.0);
	}
}

static void test_tracker(void **state)
{
	const struct document *docs[] = { nk(2021), nk(2022), nk(2023) };
	struct rec_tracker *t = recs_track(docs, 3);
	int coercion = -1, executions = -1, first = -1;

	(void)state;
	for (size_t th = 0; th < t->n_threads; th++) {
		const char *text = rec_thread_text(t, th);

		if (!strncmp(text, "Eliminate coercion tactics", 26))
			coercion = (int)th;
		if (!strncmp(text, "End the practice of summary executions", 38))
			executions = (int)th;
		if (t->threads[th].cells[0].text && t->threads[th].cells[0].item == 0)
			first = (int)th;
	}
	assert_true(coercion >= 0 && executions >= 0 && first >= 0);
	/* Kept in all three. */
	assert_int_equal(t->threads[coercion].cells[0].state, REC_FIRST_SEEN);
	assert_int_equal(t->threads[coercion].cells[1].state, REC_KEPT);
	assert_int_equal(t->threads[coercion].cells[2].state, REC_KEPT);
	/* The 2021 first recommendation is reworded in 2022, with its diff. */
	assert_int_equal(t->threads[first].cells[1].state, REC_REWORDED);
	assert_true(t->threads[first].cells[1].diff.n_words > 2);
	/* Summary executions: not in the 2023 excerpt, which is not "dropped". */
	assert_int_equal(t->threads[executions].cells[1].state, REC_KEPT);
	assert_int_equal(t->threads[executions].cells[2].state, REC_NOT_IN_EXCERPT);
	assert_null(t->threads[executions].cells[2].text);
	/* 11 + 1 new in 2023. */
	assert_int_equal(t->n_threads, 12);
	assert_int_equal(t->threads[t->n_threads - 1].cells[2].state, REC_NEW);
	assert_string_equal(rec_state_name(REC_REWORDED), "reworded");
	recs_free(t);
}

static void test_layout(void **state)
{
	struct comparison *c = compare_documents(nk(2021), nk(2022));
	struct cmp_layout lo, folded, one;
	size_t line, changes = 0, col;

	(void)state;
	cmp_layout_build(&lo, c, 120, false, false);
	cmp_layout_build(&folded, c, 120, false, true);
	cmp_layout_build(&one, c, 60, true, false);
	col = cmp_layout_column(&lo);
	assert_int_equal(col, 58);
	/* Every line of each column fits it, and rows are aligned: both sides of
	 * a row start on the same line. */
	for (size_t i = 0; i < lo.n; i++) {
		const struct cmp_line *l = &lo.v[i];

		if (l->kind != CL_ROW)
			continue;
		assert_true(text_width(lo.left.text.buf + l->l_start, l->l_end - l->l_start) <= col);
		assert_true(text_width(lo.right.text.buf + l->r_start, l->r_end - l->r_start) <= col);
		if (l->first && c->secs[l->sec].rows[l->row].kind == CMP_SAME)
			assert_true(l->l_end > l->l_start && l->r_end > l->r_start);
	}
	/* Next change walks every changed row once; previous walks back. */
	for (line = 0; cmp_layout_next_change(&lo, line, 1, &line);)
		changes++;
	{
		size_t expect = 0;

		for (size_t s = 0; s < c->n_secs; s++)
			expect += c->secs[s].n_rows - c->secs[s].n_same;
		assert_int_equal(changes, expect);
	}
	assert_true(cmp_layout_next_change(&lo, lo.n - 1, -1, &line));
	/* Folding hides unchanged stretches: fewer lines, and a fold line says how many. */
	assert_true(folded.n < lo.n);
	{
		bool fold = false;

		for (size_t i = 0; i < folded.n; i++)
			if (folded.v[i].kind == CL_FOLD) {
				fold = true;
				assert_true(folded.v[i].folded >= 2);
				assert_int_equal(cmp_layout_find(&folded, folded.v[i].sec, folded.v[i].row + 1), i);
			}
		assert_true(fold);
	}
	/* Change k of N: N counts every change once; k counts up to the line. */
	assert_int_equal(cmp_layout_change_number(&lo, 0), 0);
	assert_int_equal(cmp_layout_change_number(&lo, lo.n - 1), c->n_changes);
	assert_true(cmp_layout_next_change(&lo, 0, 1, &line));
	assert_int_equal(cmp_layout_change_number(&lo, line), 1);
	assert_int_equal(cmp_layout_change_number(&lo, line - 1), 0);
	/* Two columns of 30 fit 80 columns (and 63), not 62; headings name the editions. */
	assert_true(cmp_layout_fits(80) && cmp_layout_fits(63) && !cmp_layout_fits(62));
	assert_string_equal(lo.a_label, "2021 \xc2\xb7 Tier 3");
	assert_string_equal(lo.b_label, "2022 \xc2\xb7 Tier 3");
	{
		char buf[64];

		assert_int_equal(cmp_edition_label(nk(2023), 30, buf, sizeof(buf)), 23);
		assert_string_equal(buf, "2023 \xc2\xb7 Tier 3 \xc2\xb7 excerpt");
		assert_int_equal(cmp_edition_label(nk(2023), 20, buf, sizeof(buf)), 18);
		assert_string_equal(buf, "2023 \xc2\xb7 3 \xc2\xb7 excerpt");
		cmp_edition_label(nk(2023), 8, buf, sizeof(buf));
		assert_string_equal(buf, "2023");
	}
	/* Inline: one column of the whole width; sections start at their headings. */
	assert_int_equal(cmp_layout_column(&one), 60);
	assert_int_equal(one.v[cmp_layout_section(&one, 2)].kind, CL_HEADING);
	assert_int_equal(one.v[cmp_layout_section(&one, 2)].sec, 2);
	cmp_layout_free(&lo);
	cmp_layout_free(&folded);
	cmp_layout_free(&one);
	comparison_free(c);
}

static int section_index(const struct document *d, const char *id)
{
	for (size_t s = 0; s < d->n_sections; s++)
		if (!strcmp(d->sections[s].id, id))
			return (int)s;
	return -1;
}

/* Bytes of text marked with mark, and whether they read want. */
static void assert_marked(const struct styled *st, const unsigned char *marks, unsigned char mark,
			  const char *want)
{
	size_t first = SIZE_MAX, count = 0;

	assert_non_null(marks);
	for (size_t i = 0; i < st->text.len; i++)
		if (marks[i] == mark) {
			if (first == SIZE_MAX)
				first = i;
			count++;
		}
	assert_int_equal(count, strlen(want));
	assert_memory_equal(st->text.buf + first, want, count);
}

static void test_layout_marks(void **state)
{
	static const char quote[] = "Fair trials did not occur in the DPRK";
	const struct document *a = nk(2021), *b = nk(2022);
	struct comparison *c = compare_documents(a, b);
	int sa = section_index(a, "prosecution"), sb = section_index(b, "prosecution");
	const char *ta = layout_block_text(a, sa, 0), *tb = layout_block_text(b, sb, 0);
	size_t oa = (size_t)(strstr(ta, quote) - ta), ob = (size_t)(strstr(tb, quote) - tb);
	struct cmp_layout lo, one;

	(void)state;
	assert_true(sa >= 0 && sb >= 0 && strstr(ta, quote) && strstr(tb, quote));
	/* Side by side: each annotation on its own side, nowhere else. */
	cmp_layout_build(&lo, c, 120, false, false);
	cmp_layout_mark(&lo, false, sa, 0, oa, oa + strlen(quote), 2);
	cmp_layout_mark(&lo, true, sb, 0, ob, ob + 4, 5);
	assert_marked(&lo.left, lo.l_marks, 2, quote);
	assert_marked(&lo.right, lo.r_marks, 5, "Fair");
	assert_marked(&lo.left, lo.l_marks, 5, "");
	/* A place the comparison does not show (no such block) marks nothing. */
	cmp_layout_mark(&lo, true, sb, 999, 0, 10, 7);
	assert_marked(&lo.right, lo.r_marks, 7, "");
	/* One column: an unchanged sentence carries both editions' annotations
	 * (the reworded one above is merged and carries none). */
	cmp_layout_build(&one, c, 60, true, false);
	cmp_layout_mark(&one, true, sb, 0, ob, ob + strlen(quote), 3);
	assert_null(one.l_marks);
	cmp_layout_mark(&one, true, sb, 0, 0, strlen("The government"), 3);
	assert_marked(&one.left, one.l_marks, 3, "The government");
	assert_null(one.r_marks);
	cmp_layout_free(&lo);
	cmp_layout_free(&one);
	comparison_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_sentence_rules),
		cmocka_unit_test(test_sentence_enders),
		cmocka_unit_test(test_word_tokens),
		cmocka_unit_test(test_word_diff),
		cmocka_unit_test(test_nk_2021_2022),
		cmocka_unit_test(test_identical_and_missing_sections),
		cmocka_unit_test(test_symmetric),
		cmocka_unit_test(test_moved_and_reworded),
		cmocka_unit_test(test_split_and_merge),
		cmocka_unit_test(test_whitespace_and_punctuation),
		cmocka_unit_test(test_sentence_key),
		cmocka_unit_test(test_tracker_excerpts),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_tracker),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_layout_marks),
	};

	return cmocka_run_group_tests(tests, setup, fixture_close);
}
