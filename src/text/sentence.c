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

#include "base/bytes8.h"
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

/* The text a character at a time, Extend and Format characters folded into
 * the character before them (SB5) but after a paragraph separator. */
struct sb_reader {
	const char *text;
	size_t len, pos; /* pos: where the next character starts */
};

/* ASCII's Sentence_Break classes, with SB_PLAIN on those that end no
 * sentence (no terminator, no paragraph separator); other bytes 0. */
enum { SB_PLAIN = 0x80 };

static const unsigned char *sb_ascii(void)
{
	static unsigned char table[256];
	static bool done;

	if (!done) {
		for (int k = 0; k < 128; k++) {
			enum sb c = sb_of(k);

			table[k] = (unsigned char)(c | (c == SB_ATERM || c == SB_STERM || c == SB_SEP || c == SB_CR ||
							c == SB_LF ? 0 : SB_PLAIN));
		}
		done = true;
	}
	return table;
}

/* How many of the eight bytes of w, from the first, are ASCII that ends no
 * sentence: all but the terminators ('.', '!', '?') and line ends, the
 * ASCII sb_ascii leaves without SB_PLAIN (test_compare checks the set
 * against ICU's Sentence_Break). */
static unsigned sb_plain_run(uint64_t w)
{
	uint64_t x = w & BYTES8(0x7F);
	uint64_t stop = bytes8_in(x, '.', '.') | bytes8_in(x, '!', '!') | bytes8_in(x, '?', '?') |
			bytes8_in(x, '\n', '\n') | bytes8_in(x, '\r', '\r');

	return bytes8_run(~stop & ~w & BYTES8(0x80));
}

static enum sb sb_decode(const struct sb_reader *r, size_t *n)
{
	int32_t cp;

	if ((unsigned char)r->text[r->pos] < 0x80) {
		*n = 1;
		return (enum sb)(sb_ascii()[(unsigned char)r->text[r->pos]] & ~SB_PLAIN);
	}
	*n = utf8_next(r->text + r->pos, r->len - r->pos, &cp);
	return sb_of(cp);
}

static bool para_sep(enum sb c)
{
	return c == SB_SEP || c == SB_CR || c == SB_LF;
}

/* The class of the next character into *c, moving past it; false at the end. */
static bool sb_next(struct sb_reader *r, enum sb *c)
{
	size_t n;

	if (r->pos >= r->len)
		return false;
	*c = sb_decode(r, &n);
	r->pos += n;
	if (para_sep(*c))
		return true;
	/* No ASCII character is Extend or Format. */
	while (r->pos < r->len && (unsigned char)r->text[r->pos] >= 0x80) {
		struct sb_reader ahead = *r;

		if (sb_decode(&ahead, &n) != SB_EXTEND)
			break;
		r->pos += n;
	}
	return true;
}

/* The class of the next character, without moving; false at the end. */
static bool sb_peek(const struct sb_reader *r, enum sb *c)
{
	struct sb_reader ahead = *r;

	return sb_next(&ahead, c);
}

size_t sentence_boundaries(const char *text, size_t len, size_t **out)
{
	const unsigned char *ascii = sb_ascii(), *u = (const unsigned char *)text;
	struct sb_reader r = { text, len, 0 };
	enum sb c, prev = SB_OTHER, x;
	size_t n = 0, cap = 0;

	*out = NULL;
	GROW(*out, cap, 1); /* never NULL, even for no text */
	/* UAX #29, SB3 to SB11, a character at a time; prev is the class of the
	 * character before c. */
	for (;;) {
		struct sb_reader k, m;
		size_t from = r.pos;
		enum sb last;

		/* ASCII that ends no sentence, most of the text: eight bytes at a
		 * time, then a byte at a time. */
		for (unsigned got = 8; got == 8 && r.pos + 8 <= len; r.pos += got)
			got = sb_plain_run(bytes8_load(text + r.pos));
		while (r.pos < len && (ascii[u[r.pos]] & SB_PLAIN))
			r.pos++;
		if (r.pos > from)
			prev = (enum sb)(ascii[u[r.pos - 1]] & ~SB_PLAIN);
		from = r.pos;
		if (!sb_next(&r, &c))
			break;
		/* A mark after that ASCII is part of its character (SB5). */
		if (c == SB_EXTEND && from > 0 && !para_sep(prev))
			continue;
		last = c;

		if (para_sep(c)) { /* SB3, SB4 */
			if (c == SB_CR && sb_peek(&r, &x) && x == SB_LF)
				sb_next(&r, &c);
			prev = c;
			GROW(*out, cap, n + 1);
			(*out)[n++] = r.pos;
			continue;
		}
		if ((c != SB_ATERM && c != SB_STERM) ||
		    (c == SB_ATERM && sb_peek(&r, &x) &&
		     (x == SB_NUMERIC || /* SB6 */
		      ((prev == SB_UPPER || prev == SB_LOWER) && x == SB_UPPER)))) { /* SB7 */
			prev = c;
			continue;
		}
		/* SB9, SB10: closing punctuation, then spaces, stay with the sentence. */
		for (k = r; sb_peek(&k, &x) && x == SB_CLOSE; sb_next(&k, &last))
			;
		for (; sb_peek(&k, &x) && x == SB_SP; sb_next(&k, &last))
			;
		if (sb_peek(&k, &x) && para_sep(x)) { /* SB11, the separator kept */
			sb_next(&k, &last);
			if (last == SB_CR && sb_peek(&k, &x) && x == SB_LF)
				sb_next(&k, &last);
			r = k;
			prev = last;
			GROW(*out, cap, n + 1);
			(*out)[n++] = r.pos;
			continue;
		}
		if (c == SB_ATERM) { /* SB8: a lower-case letter ahead continues the sentence */
			bool lower = false;

			for (m = k; sb_next(&m, &x);) {
				if (x == SB_OLETTER || x == SB_UPPER || x == SB_LOWER || para_sep(x) || x == SB_ATERM ||
				    x == SB_STERM) {
					lower = x == SB_LOWER;
					break;
				}
			}
			if (lower) {
				r = k;
				prev = last;
				continue;
			}
		}
		r = k;
		prev = last;
		if (sb_peek(&k, &x) && (x == SB_SCONTINUE || x == SB_ATERM || x == SB_STERM)) /* SB8a */
			continue;
		GROW(*out, cap, n + 1); /* SB11 */
		(*out)[n++] = r.pos;
	}
	if (len && (!n || (*out)[n - 1] != len)) {
		GROW(*out, cap, n + 1);
		(*out)[n++] = len;
	}
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

/* ---- word breaks without ICU ----
 *
 * ICU's word iterator is most of a word diff's cost.  Text of printable
 * ASCII and a few common marks (curly quotes, dashes, bullet, no-break
 * space, ellipsis) needs only eight of UAX #29's Word_Break classes, whose
 * rules are applied here as ICU 72 applies them (its word rules take '@'
 * as a letter and ':' as no MidLetter); anything else is left to ICU.  A
 * unit test holds the two equal on every string of up to four characters
 * of those classes, on random ones and on the content; all strings of
 * three of the 104 characters, of five of 32 and of six of the classes'
 * corners were clean when the rules were written. */

enum wb { WB_NONE, WB_OTHER, WB_LETTER, WB_NUMERIC, WB_MIDNUM, WB_MIDNUMLET, WB_SQUOTE, WB_EXTENDNUMLET,
	  WB_SPACE };

#define WB_LETTERS(c) [c] = WB_LETTER, [c - 0x20] = WB_LETTER
static const unsigned char wb_ascii[128] = {
	WB_LETTERS('a'), WB_LETTERS('b'), WB_LETTERS('c'), WB_LETTERS('d'), WB_LETTERS('e'),
	WB_LETTERS('f'), WB_LETTERS('g'), WB_LETTERS('h'), WB_LETTERS('i'), WB_LETTERS('j'),
	WB_LETTERS('k'), WB_LETTERS('l'), WB_LETTERS('m'), WB_LETTERS('n'), WB_LETTERS('o'),
	WB_LETTERS('p'), WB_LETTERS('q'), WB_LETTERS('r'), WB_LETTERS('s'), WB_LETTERS('t'),
	WB_LETTERS('u'), WB_LETTERS('v'), WB_LETTERS('w'), WB_LETTERS('x'), WB_LETTERS('y'),
	WB_LETTERS('z'), ['@'] = WB_LETTER,
	['0'] = WB_NUMERIC, ['1'] = WB_NUMERIC, ['2'] = WB_NUMERIC, ['3'] = WB_NUMERIC,
	['4'] = WB_NUMERIC, ['5'] = WB_NUMERIC, ['6'] = WB_NUMERIC, ['7'] = WB_NUMERIC,
	['8'] = WB_NUMERIC, ['9'] = WB_NUMERIC,
	[' '] = WB_SPACE, [','] = WB_MIDNUM, [';'] = WB_MIDNUM, ['.'] = WB_MIDNUMLET,
	['\''] = WB_SQUOTE, ['_'] = WB_EXTENDNUMLET,
	['!'] = WB_OTHER, ['"'] = WB_OTHER, ['#'] = WB_OTHER, ['$'] = WB_OTHER, ['%'] = WB_OTHER,
	['&'] = WB_OTHER, ['('] = WB_OTHER, [')'] = WB_OTHER, ['*'] = WB_OTHER, ['+'] = WB_OTHER,
	['-'] = WB_OTHER, ['/'] = WB_OTHER, [':'] = WB_OTHER, ['<'] = WB_OTHER, ['='] = WB_OTHER,
	['>'] = WB_OTHER, ['?'] = WB_OTHER, ['['] = WB_OTHER, ['\\'] = WB_OTHER, [']'] = WB_OTHER,
	['^'] = WB_OTHER, ['`'] = WB_OTHER, ['{'] = WB_OTHER, ['|'] = WB_OTHER, ['}'] = WB_OTHER,
	['~'] = WB_OTHER,
};
#undef WB_LETTERS

/* The class of the character at s[0..len) and its length in *n; WB_NONE
 * for one left to ICU (and at the end). */
static enum wb wb_class(const char *s, size_t len, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;

	*n = 1;
	if (!len)
		return WB_NONE;
	if (u[0] < 0x80)
		return (enum wb)wb_ascii[u[0]];
	if (len >= 2 && u[0] == 0xC2 && u[1] == 0xA0) {
		*n = 2;
		return WB_OTHER; /* no-break space */
	}
	if (len >= 3 && u[0] == 0xE2 && u[1] == 0x80) {
		*n = 3;
		switch (u[2]) {
		case 0x98: case 0x99:
			return WB_MIDNUMLET; /* single curly quotes */
		case 0x93: case 0x94: case 0x9C: case 0x9D: case 0xA2: case 0xA6:
			return WB_OTHER; /* dashes, double curly quotes, bullet, ellipsis */
		default:
			break;
		}
	}
	return WB_NONE;
}

static bool wb_midletter(enum wb c)
{
	return c == WB_MIDNUMLET || c == WB_SQUOTE;
}

static bool wb_midnum(enum wb c)
{
	return c == WB_MIDNUM || c == WB_MIDNUMLET || c == WB_SQUOTE;
}

/* Whether a word boundary falls before the character of class b, after a
 * (and a2 before it), rest the text after b (WB3d to WB13b, WB999). */
static bool wb_break(enum wb a2, enum wb a, enum wb b, const char *rest, size_t rest_len)
{
	size_t n;

	if ((a == WB_SPACE && b == WB_SPACE) || /* WB3d */
	    ((a == WB_LETTER || a == WB_NUMERIC) && (b == WB_LETTER || b == WB_NUMERIC)) || /* WB5, 8, 9, 10 */
	    (a2 == WB_LETTER && wb_midletter(a) && b == WB_LETTER) || /* WB7 */
	    (a2 == WB_NUMERIC && wb_midnum(a) && b == WB_NUMERIC) || /* WB11 */
	    ((a == WB_LETTER || a == WB_NUMERIC || a == WB_EXTENDNUMLET) && b == WB_EXTENDNUMLET) || /* WB13a */
	    (a == WB_EXTENDNUMLET && (b == WB_LETTER || b == WB_NUMERIC))) /* WB13b */
		return false;
	if (a == WB_LETTER && wb_midletter(b)) /* WB6 */
		return wb_class(rest, rest_len, &n) != WB_LETTER;
	if (a == WB_NUMERIC && wb_midnum(b)) /* WB12 */
		return wb_class(rest, rest_len, &n) != WB_NUMERIC;
	return true;
}

static bool wb_alnum(unsigned char c)
{
	return c < 0x80 && (wb_ascii[c] == WB_LETTER || wb_ascii[c] == WB_NUMERIC);
}

/* Where the run of ASCII letters and digits from text[i] ends: no
 * boundary inside it (WB5, WB8 to WB10).  Eight bytes at a time first. */
static size_t alnum_end(const char *text, size_t i, size_t len)
{
	for (unsigned got = 8; got == 8 && i + 8 <= len; i += got)
		got = bytes8_alnum(bytes8_load(text + i));
	while (i < len && wb_alnum((unsigned char)text[i]))
		i++;
	return i;
}

/* sentence_tokens without ICU; false (nothing pushed) when text holds a
 * character left to ICU. */
static bool tokens_simple(const char *text, size_t len, struct span **out, size_t *n, size_t *cap)
{
	enum wb a2 = WB_NONE, a = WB_NONE, b;
	size_t start = 0, k, i = 0;

	for (i = utf8_printable_run(text, len); i < len; i += utf8_printable_run(text + i, len - i)) {
		if (wb_class(text + i, len - i, &k) == WB_NONE)
			return false;
		i += k;
	}
	for (i = 0; i < len; i += k, a2 = a, a = b) {
		/* Prose's commonest step: after a word, a space and a word of
		 * letters.  The word before is a token, the space none, and
		 * the new word runs to its end; a2 and a are then the classes
		 * of its last two characters (the space's, for a letter alone). */
		while ((a == WB_LETTER || a == WB_NUMERIC) && i + 1 < len && text[i] == ' ' &&
		       (unsigned char)text[i + 1] < 0x80 && wb_ascii[(unsigned char)text[i + 1]] == WB_LETTER) {
			push(out, n, cap, start, i);
			start = i + 1;
			i = alnum_end(text, i + 2, len);
			a2 = (enum wb)wb_ascii[(unsigned char)text[i - 2]];
			a = (enum wb)wb_ascii[(unsigned char)text[i - 1]];
		}
		if (i == len)
			break;
		b = wb_class(text + i, len - i, &k);
		if (i > 0 && wb_break(a2, a, b, text + i + k, len - i - k)) {
			if (!blank(text, start, i))
				push(out, n, cap, start, i);
			start = i;
		}
		/* The rest of a run of ASCII letters and digits; the classes of
		 * its last two go on. */
		if (b == WB_LETTER || b == WB_NUMERIC) {
			size_t j = alnum_end(text, i + k, len);

			if (j > i + k) {
				a = j - i - k >= 2 ? (enum wb)wb_ascii[(unsigned char)text[j - 2]] : b;
				b = (enum wb)wb_ascii[(unsigned char)text[j - 1]];
				k = j - i;
			}
		}
	}
	if (start < len && !blank(text, start, len))
		push(out, n, cap, start, len);
	return true;
}

size_t sentence_tokens(const char *text, size_t len, struct span **out)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi;
	UText *ut;
	size_t n = 0, cap = 0, start = 0;

	/* Room for prose's tokens, a word or a mark every four bytes or so,
	 * at once rather than by doubling. */
	*out = NULL;
	GROW(*out, cap, len / 4 + 2);
	if (tokens_simple(text, len, out, &n, &cap))
		return n;
	bi = words();
	ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
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
