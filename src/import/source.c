/* source.c — the importer's one intermediate, and its plain-text front end. */
#include "config.h"

#include "import/source.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"

struct src_line *import_source_add(struct import_source *src, const char *text, size_t len)
{
	struct src_line *l;

	if (!src->arena)
		src->arena = arena_new();
	GROW(src->lines, src->cap, src->n + 1);
	l = &src->lines[src->n++];
	memset(l, 0, sizeof(*l));
	l->s = arena_strndup(src->arena, text, len);
	l->len = len;
	return l;
}

void import_source_free(struct import_source *src)
{
	if (src->arena)
		arena_free(src->arena);
	free(src->lines);
	free(src->url);
	memset(src, 0, sizeof(*src));
}

/* --- two columns side by side ------------------------------------------ */

/* Where the right column starts on a line written as two columns side by
 * side (pdftotext -layout): after a gap of three spaces or more past the
 * line's start; 0 if there is none. */
static size_t right_start(const char *s, size_t len)
{
	for (size_t i = 10; i + 3 < len; i++)
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ' && s[i - 1] != ' ') {
			size_t k = i + 3;

			while (k < len && s[k] == ' ')
				k++;
			return k < len ? k : 0;
		}
	return 0;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* The column where most lines of a page start their right half, when
 * enough of them do to call the page two columns side by side; else 0. */
static size_t page_gutter(const char *const *v, const size_t *lens, size_t n)
{
	size_t *starts = xcalloc(n + 1, sizeof(*starts)), m = 0, text = 0, best = 0, best_n = 0;

	for (size_t i = 0; i < n; i++) {
		text += lens[i] > 0;
		if ((starts[m] = right_start(v[i], lens[i])))
			m++;
	}
	qsort(starts, m, sizeof(*starts), cmp_size);
	for (size_t i = 0; i < m; i++) {
		size_t near = 0;

		for (size_t k = 0; k < m; k++)
			near += starts[k] + 2 >= starts[i] && starts[k] <= starts[i] + 2;
		if (near > best_n) {
			best_n = near;
			best = starts[i];
		}
	}
	free(starts);
	return best_n >= 4 && best_n * 10 >= text * 4 ? best : 0;
}

static struct src_line *add_text_line(struct import_source *src, const char *s, size_t len, unsigned no,
				      unsigned col)
{
	struct src_line *l = import_source_add(src, s, len);

	/* A form feed is a page break: the same as a blank line here. */
	for (char *p = l->s; *p; p++)
		if (*p == '\f' || *p == '\r')
			*p = ' ';
	l->no = no;
	l->col = col;
	return l;
}

/* One page of lines (between form feeds): as they are, or, when the page is
 * two columns side by side, its left column and then its right one. */
static void add_page(struct import_source *src, const char *const *v, const size_t *lens, size_t n,
		     unsigned first_no)
{
	size_t gutter = page_gutter(v, lens, n);

	if (!gutter) {
		for (size_t i = 0; i < n; i++)
			add_text_line(src, v[i], lens[i], first_no + (unsigned)i, 0);
		return;
	}
	src->side_by_side++;
	for (int side = 0; side < 2; side++)
		for (size_t i = 0; i < n; i++) {
			size_t r = right_start(v[i], lens[i]), cut = lens[i];

			/* A line of the right column alone, beside a blank left half. */
			if (!r)
				r = strspn(v[i], " ") < lens[i] ? strspn(v[i], " ") : 0;
			/* A line whose right half starts near the gutter is cut there. */
			if (!(r && r + 2 >= gutter && r <= gutter + 2))
				r = 0;
			else
				for (cut = r; cut && v[i][cut - 1] == ' ';)
					cut--;
			if (side == 0)
				add_text_line(src, v[i], cut, first_no + (unsigned)i, 0);
			else if (r)
				add_text_line(src, v[i] + r, lens[i] - r, first_no + (unsigned)i,
					      (unsigned)r);
		}
}

/* --- an email's quoting ------------------------------------------------ */

/* Whether most lines of text in buf are quoted ("> ", ">> "), as when the
 * copy is an email forwarded or replied to with the report's text quoted. */
static bool mostly_quoted(const char *buf, size_t len)
{
	size_t quoted = 0, text = 0;

	for (const char *p = buf, *end = buf + len; p < end; p++) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p < end && *p != '\n' && *p != '\r') {
			text++;
			quoted += *p == '>';
		}
		if (!(p = memchr(p, '\n', (size_t)(end - p))))
			break;
	}
	return quoted >= 3 && quoted * 2 > text;
}

/* A quoted line without its quoting; a line outside the quote (the
 * forward's preamble, headers and signature) is no text of the copy: it
 * becomes blank. */
static void unquote(const char **s, size_t *len)
{
	const char *p = *s + strspn(*s, " \t"), *end = *s + *len;

	if (p >= end || *p != '>') {
		*len = 0;
		return;
	}
	while (p < end && *p == '>') {
		p++;
		if (p < end && *p == ' ')
			p++;
	}
	*len = (size_t)(end - p);
	*s = p;
}

void import_source_text(struct import_source *src, const char *buf, size_t len)
{
	bool quoted = mostly_quoted(buf, len);
	const char **v = NULL;
	size_t *lens = NULL, n = 0, cap = 0, cap2 = 0;
	unsigned no = 0, page_no = 1;

	for (size_t start = 0; start < len || (start == len && !no);) {
		const char *nl = memchr(buf + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - buf) : len;
		bool page_break = memchr(buf + start, '\f', end - start) != NULL;

		/* A page ends before the line with the form feed. */
		if (page_break && n) {
			add_page(src, v, lens, n, page_no);
			page_no += (unsigned)n;
			n = 0;
		}
		GROW(v, cap, n + 1);
		GROW(lens, cap2, n + 1);
		v[n] = buf + start;
		lens[n] = end - start;
		if (quoted)
			unquote(&v[n], &lens[n]);
		n++;
		no++;
		if (!nl)
			break;
		start = end + 1;
	}
	add_page(src, v, lens, n, page_no);
	free(v);
	free(lens);
}
