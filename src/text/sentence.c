/* sentence.c — sentence and word segmentation: the Unicode sentence
 * boundary rules (UAX #29) over ICU's Sentence_Break property, and ICU's
 * word break iterator. */
#include "config.h"

#include "text/sentence.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "base/icu.h"
#include "base/utf8.h"
#include "base/util.h"

static UBreakIterator *word_iter;

static void release_iter(void)
{
	ubrk_close(word_iter);
	word_iter = NULL;
}

static UBreakIterator *words(void)
{
	UErrorCode err = U_ZERO_ERROR;

	if (!word_iter) {
		icu_on_cleanup(release_iter);
		word_iter = ubrk_open(UBRK_WORD, "en", NULL, 0, &err);
		if (U_FAILURE(err))
			word_iter = NULL;
	}
	return word_iter;
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
#define ABBR(word) { word, sizeof(word) - 1 }
	static const struct {
		const char *s;
		size_t n;
	} abbrevs[] = {
		ABBR("U.S."), ABBR("U.N."), ABBR("U.K."), ABBR("Art."), ABBR("Arts."), ABBR("No."),
		ABBR("Nos."), ABBR("Mr."), ABBR("Mrs."), ABBR("Ms."), ABBR("Dr."), ABBR("St."), ABBR("Gen."),
		ABBR("Gov."), ABBR("Sen."), ABBR("Rep."), ABBR("Jan."), ABBR("Feb."), ABBR("Mar."), ABBR("Apr."),
		ABBR("Aug."), ABBR("Sept."), ABBR("Sep."), ABBR("Oct."), ABBR("Nov."), ABBR("Dec."), ABBR("e.g."),
		ABBR("i.e."), ABBR("vs."), ABBR("approx."), ABBR("Inc."), ABBR("Ltd."), ABBR("Co."), ABBR("Corp."),
		ABBR("Para."), ABBR("Sec."), ABBR("Ch."), ABBR("Vol."), ABBR("p."), ABBR("pp."), ABBR("Jr."),
		ABBR("Sr."), ABBR("Prof."), ABBR("Capt."), ABBR("Col."), ABBR("Lt."), ABBR("Sgt."), ABBR("Maj."),
		ABBR("Hon."), ABBR("Mt."), ABBR("Ft."), ABBR("Dept."), ABBR("Govt."), ABBR("Univ."), ABBR("Assn."),
		ABBR("Est."), ABBR("Fig."), ABBR("Ref."), ABBR("Ed."), ABBR("Eds."), ABBR("cf."), ABBR("al."),
		ABBR("a.m."), ABBR("p.m."), ABBR("Ph.D."), ABBR("D.C."), ABBR("E.U."),
	};
#undef ABBR
	size_t e = end, k;

	while (e > 0 && (k = sentence_space_before(s, 0, e)))
		e -= k;
	/* Every abbreviation ends in a full stop, as does an initial. */
	if (!e || s[e - 1] != '.')
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(abbrevs); i++) {
		size_t n = abbrevs[i].n;

		if (e >= n && s[e - n] == abbrevs[i].s[0] && !memcmp(s + e - n, abbrevs[i].s, n) &&
		    (e == n || !isalpha((unsigned char)s[e - n - 1])))
			return true;
	}
	/* A lone initial: "J." */
	return e >= 2 && isupper((unsigned char)s[e - 2]) && (e == 2 || s[e - 3] == ' ');
}

static void push(struct span **v, size_t *n, size_t *cap, size_t start, size_t end)
{
	GROW(*v, *cap, *n + 1);
	(*v)[(*n)++] = (struct span){ start, end };
}

/* The Sentence_Break classes the rules tell apart. */
enum sb { SB_OTHER, SB_SEP, SB_CR, SB_LF, SB_EXTEND, SB_SP, SB_LOWER, SB_UPPER, SB_OLETTER, SB_NUMERIC,
	  SB_ATERM, SB_STERM, SB_CLOSE, SB_SCONTINUE };

static enum sb sb_of(int32_t cp)
{
	switch (cp < 0 ? U_SB_OTHER : u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK)) {
	case U_SB_SEP: return SB_SEP;
	case U_SB_CR: return SB_CR;
	case U_SB_LF: return SB_LF;
	case U_SB_EXTEND:
	case U_SB_FORMAT: return SB_EXTEND;
	case U_SB_SP: return SB_SP;
	case U_SB_LOWER: return SB_LOWER;
	case U_SB_UPPER: return SB_UPPER;
	case U_SB_OLETTER: return SB_OLETTER;
	case U_SB_NUMERIC: return SB_NUMERIC;
	case U_SB_ATERM: return SB_ATERM;
	case U_SB_STERM: return SB_STERM;
	case U_SB_CLOSE: return SB_CLOSE;
	case U_SB_SCONTINUE: return SB_SCONTINUE;
	default: return SB_OTHER;
	}
}

/* One character of the text: its class and where it ends.  Extend and
 * Format characters are folded into the character before them (SB5). */
struct sbchar {
	enum sb sb;
	size_t end;
};

static size_t sb_chars(const char *text, size_t len, struct sbchar **out)
{
	static unsigned char ascii[128];
	static bool ascii_done;
	size_t n = 0;

	if (!ascii_done) {
		for (int c = 0; c < 128; c++)
			ascii[c] = (unsigned char)sb_of(c);
		ascii_done = true;
	}
	*out = xmalloc((len + 1) * sizeof(**out));
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t k = (unsigned char)text[i] < 0x80 ? 1 : utf8_next(text + i, len - i, &cp);
		enum sb c = k == 1 && (unsigned char)text[i] < 0x80 ? (enum sb)ascii[(unsigned char)text[i]] : sb_of(cp);

		i += k;
		if (c == SB_EXTEND && n && (*out)[n - 1].sb != SB_SEP && (*out)[n - 1].sb != SB_CR &&
		    (*out)[n - 1].sb != SB_LF) {
			(*out)[n - 1].end = i;
			continue;
		}
		(*out)[n++] = (struct sbchar){ c, i };
	}
	return n;
}

static bool para_sep(enum sb c)
{
	return c == SB_SEP || c == SB_CR || c == SB_LF;
}

/* The next sentence boundary after character i (an index into v), as the
 * index of the first character of the next sentence; n at the end.  The
 * rules of UAX #29, SB3 to SB11. */
static size_t next_boundary(const struct sbchar *v, size_t n, size_t i)
{
	for (; i < n; i++) {
		enum sb c = v[i].sb;
		size_t k;

		if (para_sep(c)) /* SB3, SB4 */
			return i + 1 < n && c == SB_CR && v[i + 1].sb == SB_LF ? i + 2 : i + 1;
		if (c != SB_ATERM && c != SB_STERM)
			continue;
		if (c == SB_ATERM && i + 1 < n &&
		    (v[i + 1].sb == SB_NUMERIC || /* SB6 */
		     (i > 0 && (v[i - 1].sb == SB_UPPER || v[i - 1].sb == SB_LOWER) && v[i + 1].sb == SB_UPPER))) /* SB7 */
			continue;
		for (k = i + 1; k < n && v[k].sb == SB_CLOSE; k++) /* SB9 */
			;
		while (k < n && v[k].sb == SB_SP) /* SB10 */
			k++;
		if (k < n && para_sep(v[k].sb)) /* SB11, the separator kept */
			return k + 1 < n && v[k].sb == SB_CR && v[k + 1].sb == SB_LF ? k + 2 : k + 1;
		if (c == SB_ATERM) { /* SB8: a lower-case letter ahead continues the sentence */
			size_t m = k;

			while (m < n && v[m].sb != SB_OLETTER && v[m].sb != SB_UPPER && v[m].sb != SB_LOWER &&
			       !para_sep(v[m].sb) && v[m].sb != SB_ATERM && v[m].sb != SB_STERM)
				m++;
			if (m < n && v[m].sb == SB_LOWER) {
				i = k - 1;
				continue;
			}
		}
		if (k < n && (v[k].sb == SB_SCONTINUE || v[k].sb == SB_ATERM || v[k].sb == SB_STERM)) { /* SB8a */
			i = k - 1;
			continue;
		}
		return k; /* SB11 */
	}
	return n;
}

size_t sentence_boundaries(const char *text, size_t len, size_t **out)
{
	struct sbchar *v;
	size_t nc = sb_chars(text, len, &v), n = 0;

	*out = xcalloc(nc + 1, sizeof(**out));
	for (size_t b = 0; b < nc;) {
		b = next_boundary(v, nc, b);
		(*out)[n++] = v[b - 1].end;
	}
	free(v);
	return n;
}

size_t sentence_split(const char *text, size_t len, struct span **out)
{
	size_t *at, nb = sentence_boundaries(text, len, &at), n = 0, cap = 0, start = 0;

	*out = NULL;
	for (size_t b = 0; b < nb; b++) {
		size_t p = at[b], s = start, e = p, k;

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
	free(at);
	return n;
}

size_t sentence_tokens(const char *text, size_t len, struct span **out)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = words();
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
