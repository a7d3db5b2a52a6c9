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
		/* "ss=standard": ICU's own list of abbreviations that end no sentence. */
		*it = ubrk_open(type, type == UBRK_SENTENCE ? "en@ss=standard" : "en", NULL, 0, &err);
		if (U_FAILURE(err))
			*it = NULL;
	}
	return *it;
}

/* Abbreviations of the report that ICU's list lacks.  A break right after
 * one of these (or after a single capital: "Kim J. Un") is not a sentence end. */
static bool abbreviation_before(const char *s, size_t end)
{
	static const char *const abbrevs[] = {
		"U.S.", "U.N.", "U.K.", "Art.", "Arts.", "No.", "Nos.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.",
		"Gen.", "Gov.", "Sen.", "Rep.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.",
		"Oct.", "Nov.", "Dec.", "e.g.", "i.e.", "etc.", "vs.", "approx.", "Inc.", "Ltd.", "Co.",
		"Corp.", "Para.", "Sec.", "Ch.", "Vol.", "p.", "pp.", NULL,
	};
	size_t e = end;

	while (e > 0 && s[e - 1] == ' ')
		e--;
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
		size_t p = (size_t)pos, s = start, e = p;

		if (p < len && abbreviation_before(text, p))
			continue;
		while (s < e && isspace((unsigned char)text[s]))
			s++;
		while (e > s && isspace((unsigned char)text[e - 1]))
			e--;
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
		/* Without ICU: runs of non-space bytes. */
		for (size_t i = 0; i < len;) {
			size_t j = i;

			while (j < len && !isspace((unsigned char)text[j]))
				j++;
			if (j > i)
				push(out, &n, &cap, i, j);
			i = j + 1;
		}
		utext_close(ut);
		return n;
	}
	for (int32_t pos = ubrk_following(bi, 0); pos != UBRK_DONE; pos = ubrk_next(bi)) {
		size_t p = (size_t)pos;
		bool blank = true;

		for (size_t i = start; i < p; i++)
			if (!isspace((unsigned char)text[i]))
				blank = false;
		if (!blank)
			push(out, &n, &cap, start, p);
		start = p;
	}
	utext_close(ut);
	return n;
}
