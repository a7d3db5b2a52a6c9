/* textwrap.c — widths from Unicode properties, greedy ICU line breaking. */
#include "config.h"

#include "text/textwrap.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

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
		int32_t cp;

		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			w++;
			i++;
			continue;
		}
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
};

static void push_line(struct wrapper *w, const char *s, size_t start, size_t end)
{
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	GROW(w->v, w->cap, w->n + 1);
	w->v[w->n++] = (struct wrap_line){ start, end, text_width(s + start, end - start) };
}

static size_t skip_spaces(const char *s, size_t i, size_t len)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

size_t wrap_text(const char *s, size_t len, size_t width, struct wrap_line **lines)
{
	struct wrapper w = {0};
	UErrorCode err = U_ZERO_ERROR;
	UText *ut = NULL;
	UBreakIterator *bi;
	size_t start = 0, fit = 0, seg_from = 0, line_w = 0;
	int32_t pos;

	if (width < 1)
		width = 1;
	ut = utext_openUTF8(NULL, s, (int64_t)len, &err);
	bi = iterator();
	if (U_SUCCESS(err))
		ubrk_setUText(bi, ut, &err);
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
	for (pos = ubrk_following(bi, 0); pos != UBRK_DONE; pos = ubrk_next(bi)) {
		size_t p = (size_t)pos, trimmed = p, seg_w;
		bool hard = ubrk_getRuleStatus(bi) >= UBRK_LINE_HARD;

		/* Width of the line if it ended here, trailing spaces excluded. */
		while (trimmed > seg_from && (s[trimmed - 1] == ' ' || s[trimmed - 1] == '\t' ||
					      s[trimmed - 1] == '\n'))
			trimmed--;
		seg_w = text_width(s + seg_from, trimmed - seg_from);
		if (line_w + seg_w <= width) {
			fit = p;
			line_w += text_width(s + seg_from, p - seg_from);
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
			line_w = text_width(s + start, p - start);
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
done:
	if (w.n == 0)
		push_line(&w, s, 0, 0);
	*lines = w.v;
	return w.n;
}
