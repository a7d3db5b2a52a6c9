/* textwrap.h — display width and line breaking (ICU) for terminal text.
 *
 * Widths follow what the terminal will draw: East Asian wide and fullwidth
 * characters and emoji take two columns, combining marks and format
 * characters none, and unsafe characters the width of their textsafe.h
 * placeholder. */
#ifndef TIPR_TEXTWRAP_H
#define TIPR_TEXTWRAP_H

#include <stddef.h>
#include <stdint.h>

/* Columns the code point takes on screen (cp = -1 for invalid UTF-8). */
int cp_width(int32_t cp);
/* Columns s[0..len) takes. */
size_t text_width(const char *s, size_t len);
/* The longest prefix of s[0..len) that fits in max columns, in bytes; *width
 * (if non-NULL) receives its width.  Never splits a code point. */
size_t text_fit(const char *s, size_t len, size_t max, size_t *width);

struct wrap_line {
	size_t start, end; /* byte offsets; trailing spaces excluded */
	size_t width;      /* display columns of [start, end) */
};

/* Where a line may break in s[0..len), found without ICU when s is printable
 * ASCII and a few common marks (curly quotes, en and em dashes, bullet,
 * no-break space, ellipsis; see textwrap.c): the byte offset of each
 * opportunity in increasing order, len last, the same as ICU's line
 * iterator gives.  Returns their count, or 0 (and *out NULL) when s is empty
 * or holds anything else; the caller frees *out. */
size_t line_breaks_simple(const char *s, size_t len, size_t **out);

/* Breaks s[0..len) into lines of at most width columns at line-break
 * opportunities (line_breaks_simple, else ICU's; a word wider than the line
 * is split by characters).
 * Returns the line count (at least 1, an empty line for empty text) and
 * stores a malloc'd array the caller frees in *lines. */
size_t wrap_text(const char *s, size_t len, size_t width, struct wrap_line **lines);

#endif
