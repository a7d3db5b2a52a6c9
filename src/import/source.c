/* source.c — the importer's one intermediate, and its plain-text front end. */
#include "config.h"

#include "import/source.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	free(src->title);
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

/* Where the right column starts at the page's gutter (within two columns of
 * it, after two spaces): a chart's labels in the left half ("1", "2WL",
 * "2015   2016") leave gaps before it that right_start takes for it. */
static size_t at_gutter(const char *s, size_t len, size_t gutter)
{
	for (size_t k = gutter > 4 ? gutter - 2 : 2; k <= gutter + 2 && k < len; k++)
		if (s[k] != ' ' && s[k - 1] == ' ' && s[k - 2] == ' ')
			return k;
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

			if (!(r && r + 2 >= gutter && r <= gutter + 2) && at_gutter(v[i], lens[i], gutter))
				r = at_gutter(v[i], lens[i], gutter);
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

/* --- lightweight markup ------------------------------------------------ */

/* The markup a copy is written in, each dialect known by lines only it
 * writes; a copy without that evidence keeps its stars and equals signs. */
struct markup {
	bool markdown, org, rst, wiki;
};

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* "## Heading": the number of "#" before the space, or 0. */
static size_t md_heading(const char *s)
{
	size_t n = strspn(s, "#");

	return n >= 1 && n <= 6 && s[n] == ' ' ? n : 0;
}

/* "== Heading ==": the level (the number of "="), or 0. */
static size_t wiki_heading(const char *s, size_t len)
{
	size_t n = strspn(s, "=");

	if (n < 2 || n > 6 || len < 2 * n + 1 || strspn(s + len - n, "=") != n || s[len - n - 1] == '=')
		return 0;
	return n;
}

/* A line of one of "=", "-", "~" alone, three or more: an RST title's under-
 * or overline. */
static bool rst_rule(const char *s, size_t len)
{
	return len >= 3 && strchr("=-~", s[0]) && strspn(s, s[0] == '=' ? "=" : s[0] == '-' ? "-" : "~") == len;
}

static struct markup find_markup(const struct import_source *src)
{
	size_t md = 0, org = 0, rst = 0, wiki = 0;

	for (size_t i = 0; i < src->n; i++) {
		const char *s = src->lines[i].s;
		size_t len = src->lines[i].len;

		/* "## Heading", or a line all bold ("**CUBA: Tier 3**"), as a
		 * forum post marks its headings. */
		md += md_heading(s) > 0 || (len > 4 && starts_with(s, "**") && !strcmp(s + len - 2, "**"));
		org += starts_with(s, "#+") && isupper((unsigned char)s[2]) && strchr(s, ':');
		wiki += wiki_heading(s, len) > 0;
		rst += i && rst_rule(s, len) && src->lines[i - 1].len && src->lines[i - 1].len <= len &&
		       !rst_rule(src->lines[i - 1].s, src->lines[i - 1].len);
	}
	return (struct markup){ .markdown = md >= 2, .org = org >= 1, .rst = rst >= 2, .wiki = wiki >= 2 };
}

static void cut(struct src_line *l, size_t at, size_t n)
{
	memmove(l->s + at, l->s + at + n, l->len - at - n + 1);
	l->len -= n;
}

static void trim(struct src_line *l)
{
	cut(l, 0, strspn(l->s, " \t"));
	while (l->len && (l->s[l->len - 1] == ' ' || l->s[l->len - 1] == '\t'))
		l->s[--l->len] = '\0';
}

/* Every occurrence of an emphasis marker removed ("**Tier 2**", "'''x'''"). */
static void drop_all(struct src_line *l, const char *mark)
{
	size_t n = strlen(mark);

	for (char *p; (p = strstr(l->s, mark));)
		cut(l, (size_t)(p - l->s), n);
}

/* "[[target|label]]" -> "label", "[[target]]" -> "target"; "<ref>...</ref>"
 * and "<ref .../>" (a footnote) dropped. */
static void wiki_inline(struct src_line *l)
{
	for (char *p; (p = strstr(l->s, "[[")) && strstr(p, "]]");) {
		char *end = strstr(p, "]]"), *bar = memchr(p, '|', (size_t)(end - p));
		size_t at = (size_t)(p - l->s);

		cut(l, (size_t)(end - l->s), 2);
		cut(l, at, bar ? (size_t)(bar + 1 - p) : 2);
	}
	for (char *p; (p = strstr(l->s, "<ref"));) {
		char *gt = strchr(p, '>'), *close = strstr(p, "</ref>");
		char *end = gt && gt[-1] == '/' ? gt + 1 : close ? close + 6 : NULL;

		if (!end)
			break;
		cut(l, (size_t)(p - l->s), (size_t)(end - p));
	}
}

/* A wiki section that is no text of the article ("See also", "References"),
 * a category, a template or a magic word. */
static bool wiki_debris_heading(const char *s)
{
	static const char *const names[] = { "See also", "References", "External links",
					     "Further reading", "Notes", "Sources" };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcasecmp(s, names[i]))
			return true;
	return false;
}

static bool wiki_debris_line(const char *s)
{
	return starts_with(s, "[[Category:") || starts_with(s, "{{") || starts_with(s, "__") ||
	       starts_with(s, "<references");
}

/* The markers of a heading line removed; its level, or 0 when the line is
 * no heading. */
static size_t strip_heading(struct src_line *l, const struct markup *m)
{
	size_t n;

	if (m->markdown && (n = md_heading(l->s))) {
		cut(l, 0, n);
	} else if (m->wiki && (n = wiki_heading(l->s, l->len))) {
		l->s[l->len - n] = '\0';
		l->len -= n;
		cut(l, 0, n);
	} else if (m->org && l->s[0] == '*' && l->s[n = strspn(l->s, "*")] == ' ') {
		cut(l, 0, n);
	} else {
		return 0;
	}
	trim(l);
	return n;
}

static void strip_line(struct src_line *l, const struct markup *m)
{
	if (m->markdown || m->rst)
		drop_all(l, "**");
	if (m->wiki) {
		drop_all(l, "'''");
		drop_all(l, "''");
		wiki_inline(l);
	}
}

/* Whether l, a heading of the given level, starts a part that is no text:
 * a wiki's "See also" or "References", an Org subtree tagged :noexport:. */
static bool debris_heading(struct src_line *l, size_t level, const struct markup *m)
{
	char *tag = m->org ? strstr(l->s, ":noexport:") : NULL;

	return tag || (m->wiki && level && wiki_debris_heading(l->s));
}

/* Lines of a lightweight markup (Markdown, Org, reStructuredText,
 * MediaWiki) read as a reader sees them: heading markers, title rules and
 * emphasis removed, links to their text, and the parts that are no text of
 * the narrative (settings, comments, references, categories) as furniture. */
static void strip_markup(struct import_source *src)
{
	struct markup m = find_markup(src);
	size_t skip_level = 0;

	if (!m.markdown && !m.org && !m.rst && !m.wiki)
		return;
	for (size_t i = 0; i < src->n; i++) {
		struct src_line *l = &src->lines[i];
		size_t level = strip_heading(l, &m);

		if (level && skip_level && level <= skip_level)
			skip_level = 0;
		if (!skip_level && level && debris_heading(l, level, &m))
			skip_level = level;
		if (skip_level || (m.org && starts_with(l->s, "#+")) || (m.rst && starts_with(l->s, "..")) ||
		    (m.wiki && wiki_debris_line(l->s)))
			l->role = SRC_FURNITURE;
		else if (level) {
			/* A heading the writer marked: one that names no country
			 * or section ("## Highlights") ends the narrative's text. */
			l->role = SRC_HEADING;
			l->level = 1;
		}
		else if ((m.rst || m.markdown) && rst_rule(l->s, l->len))
			l->s[l->len = 0] = '\0';
		strip_line(l, &m);
	}
}

/* --- a spreadsheet's CSV export ---------------------------------------- */

/* Where a row's cell opens: after `N,"` or `"key","`; 0 when the line
 * opens no such row. */
static size_t csv_open(const char *s, size_t len)
{
	size_t k = s[0] == '"' ? 1 + strcspn(s + 1, "\"") + 1 : strspn(s, "0123456789");

	return k && k + 2 < len && s[k] == ',' && s[k + 1] == '"' ? k + 2 : 0;
}

static size_t count_quotes(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '"';
	return n;
}

/* Where the text of a row `N,"text"` or `"key","text"` starts (after its
 * quote), or 0 when the line is no such row; *open is set when the cell
 * goes on over the lines after (a spreadsheet's line break in a cell:
 * its quotes do not close on this line). */
static size_t csv_text(const char *s, size_t len, bool *open)
{
	size_t at;

	while (len && s[len - 1] == ' ')
		len--;
	if (!(at = csv_open(s, len)))
		return 0;
	*open = count_quotes(s + at, len - at) % 2 == 0;
	return *open || s[len - 1] == '"' ? at : 0;
}

/* Whether most lines of text are rows of a two-column CSV export. */
static bool mostly_csv(const struct import_source *src)
{
	size_t rows = 0, text = 0;
	bool open = false;

	for (size_t i = 0; i < src->n; i++) {
		const struct src_line *l = &src->lines[i];

		text += l->len > 0;
		if (open)
			open = count_quotes(l->s, l->len) % 2 == 0;
		else if (!csv_text(l->s, l->len, &open))
			continue;
		rows++;
	}
	return rows >= 3 && rows * 10 >= text * 8;
}

static void undouble_quotes(struct src_line *l)
{
	for (char *p = l->s; (p = strstr(p, "\"\"")); p++)
		cut(l, (size_t)(p - l->s), 1);
}

/* A CSV export (one paragraph a cell, as a spreadsheet writes it) read as
 * its cells' text, the doubled quotes undoubled, a cell's lines as one
 * paragraph; its header row ("para", "text": no cell with a space) is no
 * text. */
static void unwrap_csv(struct import_source *src)
{
	bool header = true, open = false;

	if (!mostly_csv(src))
		return;
	for (size_t i = 0; i < src->n; i++) {
		struct src_line *l = &src->lines[i];
		size_t at;

		if (open) {
			/* A line of the cell the line before opened. */
			trim(l);
			if (!(open = count_quotes(l->s, l->len) % 2 == 0) && l->len && l->s[l->len - 1] == '"')
				l->s[--l->len] = '\0';
			undouble_quotes(l);
			if (l->len)
				l->brk = SRC_BREAK_JOIN;
			continue;
		}
		if (!(at = csv_text(l->s, l->len, &open)))
			continue;
		trim(l);
		if (!open)
			l->s[--l->len] = '\0';
		cut(l, 0, at);
		undouble_quotes(l);
		if (header && !open && !strchr(l->s, ' '))
			l->role = SRC_FURNITURE;
		header = false;
	}
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
	unwrap_csv(src);
	strip_markup(src);
}
