/* textwrap.c — widths from Unicode properties, greedy ICU line breaking. */
#include "config.h"

#include "text/textwrap.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "base/bytes8.h"
#include "base/icu.h"
#include "base/textsafe.h"
#include "base/utf8.h"
#include "base/util.h"

int cp_width(int32_t cp)
{
	char ph[16];
	int ea;

	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp == '\t')
		return 1; /* tabs are drawn as one space in running text */
	{
		size_t n = textsafe_placeholder(cp, ph);

		if (n)
			return cp < 0 ? 1 : (int)n;
	}
	switch (u_charType(cp)) {
	case U_NON_SPACING_MARK:
	case U_ENCLOSING_MARK:
	case U_FORMAT_CHAR:
		return 0;
	default:
		break;
	}
	if (cp >= 0x1160 && cp <= 0x11FF) /* Hangul medial vowels and final consonants */
		return 0;
	if (cp == 0x200B)
		return 0;
	ea = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
	if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH)
		return 2;
	if (u_hasBinaryProperty(cp, UCHAR_EMOJI_PRESENTATION))
		return 2;
	return 1;
}

size_t text_width(const char *s, size_t len)
{
	size_t i = 0, w = 0;

	while (i < len) {
		size_t run = utf8_printable_run(s + i, len - i);
		int32_t cp;

		w += run;
		if ((i += run) == len)
			break;
		i += utf8_next(s + i, len - i, &cp);
		w += (size_t)cp_width(cp);
	}
	return w;
}

size_t text_fit(const char *s, size_t len, size_t max, size_t *width)
{
	size_t i = 0, w = 0;

	while (i < len) {
		int32_t cp;
		size_t n = utf8_next(s + i, len - i, &cp);
		size_t cw = (size_t)cp_width(cp);

		if (w + cw > max)
			break;
		w += cw;
		i += n;
	}
	if (width)
		*width = w;
	return i;
}

/* ---- line breaks without ICU ----
 *
 * ICU's line iterator costs some 60 instructions a byte, more than all the
 * rest of wrapping.  Text of printable ASCII and a few common marks (curly
 * quotes, dashes, the bullet, no-break space, ellipsis) needs only
 * seventeen of UAX #14's classes, whose rules are applied here as ICU 72
 * applies them (its number rule LB25 as one pattern, a space before a
 * number's leading '.' a break, "-word" after a break kept whole); anything
 * else is left to ICU.  A unit test holds the two equal on every string of
 * up to four characters of those classes, on longer random ones, and on
 * every paragraph of the content and seed texts; fuller runs (all strings
 * of five, of seven for numbers and brackets, of six for quotes and spaces)
 * were clean when the rules were written. */

enum lb_class { LB_NONE, LB_AL, LB_NU, LB_SP, LB_IS, LB_EX, LB_QU, LB_OP, LB_CP, LB_CL, LB_HY,
		LB_SY, LB_PR, LB_PO, LB_BA, LB_B2, LB_GL, LB_IN };

static const unsigned char ascii_class[128] = {
	[' '] = LB_SP, ['!'] = LB_EX, ['"'] = LB_QU, ['#'] = LB_AL, ['$'] = LB_PR, ['%'] = LB_PO,
	['&'] = LB_AL, ['\''] = LB_QU, ['('] = LB_OP, [')'] = LB_CP, ['*'] = LB_AL, ['+'] = LB_PR,
	[','] = LB_IS, ['-'] = LB_HY, ['.'] = LB_IS, ['/'] = LB_SY, ['0'] = LB_NU, ['1'] = LB_NU,
	['2'] = LB_NU, ['3'] = LB_NU, ['4'] = LB_NU, ['5'] = LB_NU, ['6'] = LB_NU, ['7'] = LB_NU,
	['8'] = LB_NU, ['9'] = LB_NU, [':'] = LB_IS, [';'] = LB_IS, ['<'] = LB_AL, ['='] = LB_AL,
	['>'] = LB_AL, ['?'] = LB_EX, ['@'] = LB_AL, ['A'] = LB_AL, ['B'] = LB_AL, ['C'] = LB_AL,
	['D'] = LB_AL, ['E'] = LB_AL, ['F'] = LB_AL, ['G'] = LB_AL, ['H'] = LB_AL, ['I'] = LB_AL,
	['J'] = LB_AL, ['K'] = LB_AL, ['L'] = LB_AL, ['M'] = LB_AL, ['N'] = LB_AL, ['O'] = LB_AL,
	['P'] = LB_AL, ['Q'] = LB_AL, ['R'] = LB_AL, ['S'] = LB_AL, ['T'] = LB_AL, ['U'] = LB_AL,
	['V'] = LB_AL, ['W'] = LB_AL, ['X'] = LB_AL, ['Y'] = LB_AL, ['Z'] = LB_AL, ['['] = LB_OP,
	['\\'] = LB_PR, [']'] = LB_CP, ['^'] = LB_AL, ['_'] = LB_AL, ['`'] = LB_AL, ['a'] = LB_AL,
	['b'] = LB_AL, ['c'] = LB_AL, ['d'] = LB_AL, ['e'] = LB_AL, ['f'] = LB_AL, ['g'] = LB_AL,
	['h'] = LB_AL, ['i'] = LB_AL, ['j'] = LB_AL, ['k'] = LB_AL, ['l'] = LB_AL, ['m'] = LB_AL,
	['n'] = LB_AL, ['o'] = LB_AL, ['p'] = LB_AL, ['q'] = LB_AL, ['r'] = LB_AL, ['s'] = LB_AL,
	['t'] = LB_AL, ['u'] = LB_AL, ['v'] = LB_AL, ['w'] = LB_AL, ['x'] = LB_AL, ['y'] = LB_AL,
	['z'] = LB_AL, ['{'] = LB_OP, ['|'] = LB_BA, ['}'] = LB_CL, ['~'] = LB_AL,
};

/* The class of the character at s[0..len) and its length in *n; LB_NONE
 * for one left to ICU (and at the end, len 0). */
static enum lb_class lb_class_at(const char *s, size_t len, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;

	*n = 1;
	if (!len)
		return LB_NONE;
	if (u[0] < 0x80)
		return ascii_class[u[0]];
	if (len >= 2 && u[0] == 0xC2 && u[1] == 0xA0) {
		*n = 2;
		return LB_GL; /* no-break space */
	}
	if (len >= 3 && u[0] == 0xE2 && u[1] == 0x80) {
		*n = 3;
		switch (u[2]) {
		case 0x93:
			return LB_BA; /* en dash */
		case 0x94:
			return LB_B2; /* em dash */
		case 0x98: case 0x99: case 0x9C: case 0x9D:
			return LB_QU; /* curly quotes (ICU 72 has no rules for Pi and Pf) */
		case 0xA2:
			return LB_AL; /* bullet */
		case 0xA6:
			return LB_IN; /* ellipsis */
		default:
			break;
		}
	}
	return LB_NONE;
}

/* Whether every character of s[0..len) has a class here; the first
 * `plain` bytes are known printable ASCII, which all have one. */
static bool lb_simple(const char *s, size_t len, size_t plain)
{
	size_t i = plain + utf8_printable_run(s + plain, len - plain), n;

	while (i < len) {
		if (lb_class_at(s + i, len - i, &n) == LB_NONE)
			return false;
		i += n;
		i += utf8_printable_run(s + i, len - i);
	}
	return true;
}

/* What the rules need to know of the text before a boundary. */
struct lb_state {
	enum lb_class a; /* the character before it */
	enum lb_class p; /* the last one before it that is not a space */
	bool run;        /* a is a digit, or '.', ',' or '/' after one: inside a number */
	bool close;      /* a is a closing bracket right after a number */
	bool hy_first;   /* a is a hyphen that a line may start with */
};

/* Whether a line may break before the character of class b, which rest
 * (the text after it) follows. */
static bool lb_break(const struct lb_state *st, enum lb_class b, const char *rest, size_t rest_len)
{
	enum lb_class a = st->a, n1, n2;
	size_t n;

	if (a == LB_AL && b == LB_AL) /* LB28, first: most of the text */
		return false;
	if (b == LB_SP || a == LB_GL || st->p == LB_OP) /* LB7, LB12, LB14 (OP SP* x) */
		return false;
	if (b == LB_GL && a != LB_SP && a != LB_BA && a != LB_HY) /* LB12a */
		return false;
	/* ICU: a space before a number's leading separator is a break (" .5"). */
	if (a == LB_SP && b == LB_IS && lb_class_at(rest, rest_len, &n) == LB_NU)
		return true;
	if (b == LB_CL || b == LB_CP || b == LB_EX || b == LB_IS || b == LB_SY) /* LB13 */
		return false;
	if ((st->p == LB_QU && b == LB_OP) || (st->p == LB_B2 && b == LB_B2)) /* LB15, LB17 */
		return false;
	if (a == LB_SP) /* LB18 */
		return true;
	if (a == LB_QU || b == LB_QU || b == LB_BA || b == LB_HY || b == LB_IN) /* LB19, LB21, LB22 */
		return false;
	if (a == LB_HY && st->hy_first && b == LB_AL) /* ICU: "-word" after a break */
		return false;
	if ((a == LB_AL && (b == LB_NU || b == LB_PR || b == LB_PO || b == LB_OP)) ||
	    (a == LB_NU && (b == LB_AL || b == LB_OP)) || ((a == LB_PR || a == LB_PO || a == LB_IS) && b == LB_AL) ||
	    (a == LB_CP && (b == LB_AL || b == LB_NU))) /* LB23, LB24, LB29, LB30 */
		return false;
	/* LB25, ICU's pattern: (PR|PO)? (OP|HY)? IS? NU (NU|SY|IS)* (CL|CP)? (PR|PO)? */
	switch (b) {
	case LB_NU:
		return !(a == LB_NU || a == LB_IS || a == LB_OP || a == LB_HY || a == LB_PR || a == LB_PO ||
			 (a == LB_SY && st->run));
	case LB_PR:
	case LB_PO:
		return !(st->run || st->close);
	case LB_OP:
		if (a != LB_PR && a != LB_PO)
			return true;
		n1 = lb_class_at(rest, rest_len, &n);
		n2 = n1 == LB_IS ? lb_class_at(rest + n, rest_len - n, &n) : LB_NONE;
		return !(n1 == LB_NU || n2 == LB_NU);
	default:
		return true; /* LB31 */
	}
}

/* Where the run of ASCII characters of class AL from s[i] ends: no break
 * inside a word of letters (LB28).  Letters eight at a time: where a word
 * ends is then a test that is mostly false, not a loop's exit mispredicted
 * once a word. */
static size_t al_run_end(const char *s, size_t i, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	for (unsigned got = 8; got == 8 && i + 8 <= len; i += got)
		got = bytes8_letters(bytes8_load(s + i));
	while (i < len && u[i] < 0x80 && ascii_class[u[i]] == LB_AL)
		i++;
	return i;
}

/* line_breaks_simple for text whose first `plain` bytes are printable ASCII. */
static size_t breaks_simple(const char *s, size_t len, size_t plain, size_t **out)
{
	const unsigned char *u = (const unsigned char *)s;
	struct lb_state st = { .a = LB_NONE, .p = LB_NONE, .hy_first = true };
	size_t *v = NULL, n_v = 0, cap = 0, n, i = 0;

	*out = NULL;
	if (!len || !lb_simple(s, len, plain))
		return 0;
	/* Room for a break every few bytes, as in prose: one allocation. */
	GROW(v, cap, len / 4 + 2);
	while (i < len) {
		enum lb_class b;
		bool br;

		/* Prose's commonest step: after a word of letters, a space and
		 * another: a break before it (LB18), and the state is what it
		 * was (a and p letters, no number, bracket or hyphen). */
		while (st.a == LB_AL && i + 1 < len && u[i] == ' ' && u[i + 1] < 0x80 &&
		       ascii_class[u[i + 1]] == LB_AL) {
			GROW(v, cap, n_v + 1);
			v[n_v++] = i + 1;
			i = al_run_end(s, i + 2, len);
		}
		if (i == len)
			break;
		b = u[i] < 0x80 ? (n = 1, (enum lb_class)ascii_class[u[i]]) : lb_class_at(s + i, len - i, &n);
		/* Most other boundaries are a space's (never a break before it) or
		 * a word's after a space after a word (LB18): decided here. */
		br = i > 0 && b != LB_SP &&
		     ((b == LB_AL && st.a == LB_SP && st.p == LB_AL) || lb_break(&st, b, s + i + n, len - i - n));
		if (br) {
			GROW(v, cap, n_v + 1);
			v[n_v++] = i;
		}
		if (b == LB_AL)
			n = al_run_end(s, i + n, len) - i;
		st.close = (b == LB_CL || b == LB_CP) && st.run;
		st.run = b == LB_NU || (st.run && (b == LB_SY || b == LB_IS));
		st.hy_first = b == LB_HY && (br || i == 0);
		if (b != LB_SP)
			st.p = b;
		st.a = b;
		i += n;
	}
	GROW(v, cap, n_v + 1);
	v[n_v++] = len;
	*out = v;
	return n_v;
}

size_t line_breaks_simple(const char *s, size_t len, size_t **out)
{
	return breaks_simple(s, len, 0, out);
}

static UBreakIterator *line_iter;

static void release_iter(void)
{
	if (line_iter)
		ubrk_close(line_iter);
	line_iter = NULL;
}

static UBreakIterator *iterator(void)
{
	UErrorCode err = U_ZERO_ERROR;

	if (!line_iter) {
		icu_on_cleanup(release_iter);
		line_iter = ubrk_open(UBRK_LINE, "en", NULL, 0, &err);
		if (U_FAILURE(err))
			die("ICU line breaking unavailable: %s", u_errorName(err));
	}
	return line_iter;
}

struct wrapper {
	struct wrap_line *v;
	size_t n, cap;
	size_t plain; /* the text's first bytes are printable ASCII, a column each */
	bool simple;  /* every character has a class here: a column each */
};

/* text_width of s[start..end), without measuring what is known plain: in
 * text of the classes above every character is a column (test_text holds
 * text_width to that), so the width is the count of bytes that begin one. */
static size_t width_of(const struct wrapper *w, const char *s, size_t start, size_t end)
{
	size_t n = end - start;

	if (end <= w->plain)
		return n;
	if (!w->simple)
		return text_width(s + start, n);
	for (size_t i = start; i < end; i++)
		n -= ((unsigned char)s[i] & 0xC0) == 0x80;
	return n;
}

static void push_line(struct wrapper *w, const char *s, size_t start, size_t end)
{
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	GROW(w->v, w->cap, w->n + 1);
	w->v[w->n++] = (struct wrap_line){ start, end, width_of(w, s, start, end) };
}

/* text_width of s[0..n), spaces, tabs and line feeds only. */
static size_t blank_width(const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		w += s[i] == '\n' ? (size_t)cp_width('\n') : 1;
	return w;
}

static size_t skip_spaces(const char *s, size_t i, size_t len)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* Line-break opportunities one at a time: line_breaks_simple's, or ICU's
 * iterator's. */
struct break_source {
	const size_t *pos;
	size_t n, k;
	UBreakIterator *bi;
};

/* The next opportunity into *p (*hard: after a line break); false after the last. */
static bool next_break(struct break_source *src, size_t *p, bool *hard)
{
	int32_t q;

	if (!src->bi) {
		if (src->k == src->n)
			return false;
		*p = src->pos[src->k++];
		*hard = false;
		return true;
	}
	q = src->k++ ? ubrk_next(src->bi) : ubrk_following(src->bi, 0);
	if (q == UBRK_DONE)
		return false;
	*p = (size_t)q;
	*hard = ubrk_getRuleStatus(src->bi) >= UBRK_LINE_HARD;
	return true;
}

size_t wrap_text(const char *s, size_t len, size_t width, struct wrap_line **lines)
{
	struct wrapper w = {0};
	struct break_source src = {0};
	size_t *pos = NULL;
	UText *ut = NULL;
	size_t start = 0, fit = 0, seg_from = 0, line_w = 0, p;
	bool hard;

	if (width < 1)
		width = 1;
	w.plain = utf8_printable_run(s, len);
	w.simple = (src.n = breaks_simple(s, len, w.plain, &pos)) > 0;
	if (!w.simple) {
		UErrorCode err = U_ZERO_ERROR;

		ut = utext_openUTF8(NULL, s, (int64_t)len, &err);
		src.bi = iterator();
		if (U_SUCCESS(err))
			ubrk_setUText(src.bi, ut, &err);
		if (U_FAILURE(err)) {
			/* Without ICU's help, fall back to character splitting. */
			utext_close(ut);
			while (start < len) {
				size_t n = text_fit(s + start, len - start, width, NULL);

				if (n == 0)
					n = 1;
				push_line(&w, s, start, start + n);
				start = skip_spaces(s, start + n, len);
			}
			goto done;
		}
	}
	src.pos = pos;
	while (next_break(&src, &p, &hard)) {
		size_t trimmed = p, seg_w;

		/* Width of the line if it ended here, trailing spaces excluded. */
		while (trimmed > seg_from && (s[trimmed - 1] == ' ' || s[trimmed - 1] == '\t' ||
					      s[trimmed - 1] == '\n'))
			trimmed--;
		seg_w = width_of(&w, s, seg_from, trimmed);
		if (line_w + seg_w <= width) {
			fit = p;
			line_w += seg_w + blank_width(s + trimmed, p - trimmed);
			seg_from = p;
		} else {
			if (fit > start) {
				push_line(&w, s, start, fit);
				start = fit;
			}
			/* Split words longer than a whole line by characters, a line
			 * at a time (measuring only what fits: a megabyte-long word
			 * must not be measured again for every line). */
			for (;;) {
				size_t n = text_fit(s + start, trimmed - start, width, NULL);

				if (n >= trimmed - start)
					break;
				if (n == 0)
					n = utf8_next(s + start, len - start, &(int32_t){0});
				push_line(&w, s, start, start + n);
				start += n;
			}
			fit = p;
			seg_from = p;
			line_w = width_of(&w, s, start, p);
		}
		if (hard && p < len) {
			size_t end = p;

			while (end > start && (s[end - 1] == '\n' || s[end - 1] == '\r'))
				end--;
			push_line(&w, s, start, end);
			start = fit = seg_from = p;
			line_w = 0;
		}
	}
	if (start < len || w.n == 0)
		push_line(&w, s, start, len);
	utext_close(ut);
	free(pos);
done:
	if (w.n == 0)
		push_line(&w, s, 0, 0);
	*lines = w.v;
	return w.n;
}
