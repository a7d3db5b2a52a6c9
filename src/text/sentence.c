/* sentence.c — sentence and word segmentation with ICU. */
#include "config.h"

#include "text/sentence.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "base/icu.h"
#include "base/utf8.h"
#include "base/util.h"

static UBreakIterator *sentence_iter, *word_iter;

static void release_iters(void)
{
	ubrk_close(sentence_iter);
	ubrk_close(word_iter);
	sentence_iter = word_iter = NULL;
}

static UBreakIterator *iter(UBreakIteratorType type)
{
	UBreakIterator **it = type == UBRK_SENTENCE ? &sentence_iter : &word_iter;
	UErrorCode err = U_ZERO_ERROR;

	if (!*it) {
		if (!sentence_iter && !word_iter)
			icu_on_cleanup(release_iters);
		/* Plain rules: the abbreviations are ours (abbreviation_before);
		 * ICU's own list ("en@ss=standard") cost more to open and run than
		 * the whole rest of the sentence splitting. */
		*it = ubrk_open(type, "en", NULL, 0, &err);
		if (U_FAILURE(err))
			*it = NULL;
	}
	return *it;
}

size_t sentence_space(const char *s, size_t len)
{
	int32_t cp;
	size_t n;

	if (!((unsigned char)*s & 0x80))
		return isspace((unsigned char)*s) ? 1 : 0;
	n = utf8_next(s, len, &cp);
	switch (cp) {
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
	case 0x3000: case 0xFEFF:
		return n;
	default:
		return cp >= 0x2000 && cp <= 0x200B ? n : 0;
	}
}

size_t sentence_space_before(const char *text, size_t start, size_t end)
{
	for (size_t k = 1; k <= 3 && k <= end - start; k++)
		if (sentence_space(text + end - k, k) == k)
			return k;
	return 0;
}

static bool blank(const char *text, size_t start, size_t end)
{
	for (size_t n; start < end; start += n)
		if (!(n = sentence_space(text + start, end - start)))
			return false;
	return true;
}

/* Abbreviations that end no sentence, the report's and common ones.  A break right after
 * one of these (or after a single capital: "Kim J. Un") is not a sentence end. */
static bool abbreviation_before(const char *s, size_t end)
{
	static const char *const abbrevs[] = {
		"U.S.", "U.N.", "U.K.", "Art.", "Arts.", "No.", "Nos.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.",
		"Gen.", "Gov.", "Sen.", "Rep.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.",
		"Oct.", "Nov.", "Dec.", "e.g.", "i.e.", "etc.", "vs.", "approx.", "Inc.", "Ltd.", "Co.",
		"Corp.", "Para.", "Sec.", "Ch.", "Vol.", "p.", "pp.", "Jr.", "Sr.", "Prof.", "Capt.", "Col.",
		"Lt.", "Sgt.", "Maj.", "Hon.", "Mt.", "Ft.", "Dept.", "Govt.", "Univ.", "Assn.", "Est.",
		"Fig.", "Ref.", "Ed.", "Eds.", "cf.", "al.", "a.m.", "p.m.", "Ph.D.", "D.C.", "E.U.", NULL,
	};
	size_t e = end, k;

	while (e > 0 && (k = sentence_space_before(s, 0, e)))
		e -= k;
	for (const char *const *a = abbrevs; *a; a++) {
		size_t n = strlen(*a);

		if (e >= n && !strncmp(s + e - n, *a, n) && (e == n || !isalpha((unsigned char)s[e - n - 1])))
			return strcmp(*a, "etc.") != 0;
	}
	/* A lone initial: "J." */
	return e >= 2 && s[e - 1] == '.' && isupper((unsigned char)s[e - 2]) &&
	       (e == 2 || s[e - 3] == ' ');
}

static void push(struct span **v, size_t *n, size_t *cap, size_t start, size_t end)
{
	GROW(*v, *cap, *n + 1);
	(*v)[(*n)++] = (struct span){ start, end };
}

size_t sentence_split(const char *text, size_t len, struct span **out)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = iter(UBRK_SENTENCE);
	UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
	size_t n = 0, cap = 0, start = 0;

	*out = NULL;
	if (bi && U_SUCCESS(err))
		ubrk_setUText(bi, ut, &err);
	if (!bi || U_FAILURE(err)) {
		/* Without ICU, the whole text is one sentence. */
		if (len)
			push(out, &n, &cap, 0, len);
		utext_close(ut);
		return n;
	}
	for (int32_t pos = ubrk_following(bi, 0); pos != UBRK_DONE; pos = ubrk_next(bi)) {
		size_t p = (size_t)pos, s = start, e = p, k;

		if (p < len && abbreviation_before(text, p))
			continue;
		while (s < e && (k = sentence_space(text + s, e - s)))
			s += k;
		while (e > s && (k = sentence_space_before(text, s, e)))
			e -= k;
		if (e > s)
			push(out, &n, &cap, s, e);
		start = p;
	}
	utext_close(ut);
	return n;
}

size_t sentence_tokens(const char *text, size_t len, struct span **out)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = iter(UBRK_WORD);
	UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
	size_t n = 0, cap = 0, start = 0;

	*out = NULL;
	if (bi && U_SUCCESS(err))
		ubrk_setUText(bi, ut, &err);
	if (!bi || U_FAILURE(err)) {
		/* Without ICU: runs of anything but white space. */
		for (size_t i = 0, k; i < len;) {
			size_t j = i;

			while (j < len && !sentence_space(text + j, len - j))
				j++;
			if (j > i)
				push(out, &n, &cap, i, j);
			i = j < len && (k = sentence_space(text + j, len - j)) ? j + k : j + 1;
		}
		utext_close(ut);
		return n;
	}
	for (int32_t pos = ubrk_following(bi, 0); pos != UBRK_DONE; pos = ubrk_next(bi)) {
		size_t p = (size_t)pos;

		if (!blank(text, start, p))
			push(out, &n, &cap, start, p);
		start = p;
	}
	utext_close(ut);
	return n;
}
