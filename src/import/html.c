/* html.c — the HTML front end: the article of a saved page as lines.
 *
 * libxml2 parses the page (recovering from what browsers forgive, decoding
 * the declared charset and the entities); the walk starts at the article
 * (article, main, role=main, else body), skips the elements that are site
 * chrome by their tag, role, class or id, and writes one line per block:
 * headings, paragraphs, list items (with a bullet, as print has them) and
 * table rows (cells joined by " | ", the shape of a metadata row). */
#include "config.h"

#include "import/html.h"

#include <ctype.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "base/utf8.h"
#include "base/util.h"

#define BULLET "\xe2\x80\xa2 "

struct walker {
	struct import_source *src;
	struct strbuf line;
	unsigned line_no;      /* where the line under way starts */
	enum src_role role;
	unsigned char level;
	bool item;             /* the line is a list item, bullet first */
	bool in_row;           /* cells of a table row go on one line */
	bool page_header;      /* a header element is the site's (no article found) */
};

static bool ascii_prefix_ci(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && !strncasecmp(s, prefix, n);
}

/* A page's source copied from a browser's "view source" and saved as text:
 * no doctype, but it opens with a block tag and has paragraphs in tags.
 * Text copies quote a tag now and then, never open with one. */
static bool markup_fragment(const char *buf, size_t len)
{
	static const char *const blocks[] = { "<div", "<p>", "<p ", "<h1", "<h2", "<h3",
					      "<section", "<article", "<table", NULL };
	size_t paras = 0;
	bool block = false;

	for (const char *const *b = blocks; *b; b++)
		block = block || ascii_prefix_ci(buf, len, *b);
	for (size_t i = 0; block && i + 4 <= len && paras < 3; i++)
		paras += ascii_prefix_ci(buf + i, len - i, "</p>");
	return paras >= 3;
}

bool html_sniff(const char *buf, size_t len)
{
	static const char *const openers[] = { "<!doctype html", "<html", "<head", "<!-- saved from url",
					       "<meta", "<title", "<body", NULL };
	size_t i = len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;

	while (i < len && isspace((unsigned char)buf[i]))
		i++;
	/* A comment before the doctype (a browser's, a site's) is skipped once. */
	if (ascii_prefix_ci(buf + i, len - i, "<!--") &&
	    !ascii_prefix_ci(buf + i, len - i, "<!-- saved from url")) {
		const char *end = str_find(buf + i, "-->");

		if (end && (size_t)(end - buf) < len && (size_t)(end - buf) < 4096)
			for (i = (size_t)(end - buf) + 3; i < len && isspace((unsigned char)buf[i]);)
				i++;
	}
	for (const char *const *o = openers; *o; o++)
		if (ascii_prefix_ci(buf + i, len - i, *o))
			return true;
	return markup_fragment(buf + i, len - i);
}

/* --- what is chrome ----------------------------------------------------- */

static bool tag_is(const xmlNode *n, const char *name)
{
	return n->name && !strcasecmp((const char *)n->name, name);
}

static bool tag_in(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (tag_is(n, *names))
			return true;
	return false;
}

/* Whether a class, id or role value names site chrome, word by word
 * ("usa-banner", "share_buttons", "breadcrumb"). */
static bool chrome_words(const char *v)
{
	static const char *const words[] = {
		"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "banner", "share",
		"sharing", "social", "skip", "skipnav", "footer", "cookie", "cookies", "sidebar",
		"related", "toolbar", "print", "subscribe", "newsletter", "search", "masthead",
		"contentinfo", "complementary", "disclaimer", "tags", NULL,
	};

	while (v && *v) {
		size_t n = 0;

		while (v[n] && isalnum((unsigned char)v[n]))
			n++;
		for (const char *const *w = words; n && *w; w++)
			if (strlen(*w) == n && !strncasecmp(v, *w, n))
				return true;
		v += n;
		while (*v && !isalnum((unsigned char)*v))
			v++;
	}
	return false;
}

static bool attr_chrome(const xmlNode *n, const char *attr)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	bool chrome = v && chrome_words((const char *)v);

	xmlFree(v);
	return chrome;
}

static bool chrome(const xmlNode *n)
{
	static const char *const tags[] = {
		"script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
		"svg", "iframe", "footer", "object", "embed", "canvas", "input", "textarea", "head", NULL,
	};

	return tag_in(n, tags) || attr_chrome(n, "class") || attr_chrome(n, "id") ||
	       attr_chrome(n, "role");
}

/* --- lines ----------------------------------------------------------------- */

static void flush(struct walker *w)
{
	struct strbuf *b = &w->line;
	size_t start = 0;
	struct src_line *l;

	while (b->len && b->buf[b->len - 1] == ' ')
		b->len--;
	while (start < b->len && b->buf[start] == ' ')
		start++;
	/* An empty list item is its bullet alone. */
	if (start < b->len && !(w->item && b->len - start < strlen(BULLET))) {
		l = import_source_add(w->src, b->buf + start, b->len - start);
		l->no = w->line_no;
		l->role = w->role;
		l->level = w->level;
		l->brk = SRC_BREAK_NEW;
	}
	sb_reset(b);
	w->role = SRC_TEXT;
	w->level = 0;
	w->item = false;
}

/* Text with its white space collapsed, as a browser shows it. */
static void add_text(struct walker *w, const xmlNode *n, const char *s)
{
	if (!w->line.len)
		w->line_no = (unsigned)xmlGetLineNo(n);
	for (; *s; s++) {
		if (isspace((unsigned char)*s)) {
			if (w->line.len && w->line.buf[w->line.len - 1] != ' ')
				sb_addc(&w->line, ' ');
		} else {
			sb_addc(&w->line, *s);
		}
	}
}

static int heading_level(const xmlNode *n)
{
	if (n->name && (n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' &&
	    n->name[1] <= '6' && !n->name[2])
		return n->name[1] - '0';
	return 0;
}

static void walk(struct walker *w, const xmlNode *n);

/* A row that holds paragraphs is page layout, not a row of data. */
static bool holds_blocks(const xmlNode *n)
{
	static const char *const blocks[] = { "p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4",
					      "h5", "h6", "br", "blockquote", NULL };

	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (tag_in(c, blocks) || holds_blocks(c)))
			return true;
	return false;
}

static void walk_children(struct walker *w, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		walk(w, c);
}

static void walk(struct walker *w, const xmlNode *n)
{
	static const char *const blocks[] = {
		"p", "div", "section", "article", "main", "header", "blockquote", "pre", "table", "tbody",
		"thead", "ul", "ol", "dl", "dd", "dt", "address", "center", "body", "html", "td", "th",
		"tr", NULL,
	};

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		add_text(w, n, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || chrome(n) || (w->page_header && tag_is(n, "header")))
		return;
	if (tag_is(n, "br")) {
		if (!w->in_row)
			flush(w);
		return;
	}
	if (heading_level(n) || tag_is(n, "li") || tag_is(n, "figcaption") || tag_is(n, "caption")) {
		flush(w);
		/* Headings are never chapters here: a site's h1 is its own. */
		w->role = heading_level(n) ? SRC_HEADING : tag_is(n, "li") ? SRC_TEXT : SRC_CAPTION;
		w->level = heading_level(n) ? 2 : 0;
		if (tag_is(n, "li")) {
			w->item = true;
			sb_adds(&w->line, BULLET);
		}
		walk_children(w, n);
		flush(w);
		return;
	}
	if (tag_is(n, "tr") && !holds_blocks(n)) {
		flush(w);
		w->in_row = true;
		for (const xmlNode *c = n->children; c; c = c->next) {
			if (c->type == XML_ELEMENT_NODE && (tag_is(c, "td") || tag_is(c, "th")) &&
			    w->line.len)
				sb_adds(&w->line, " | ");
			walk(w, c);
		}
		w->in_row = false;
		flush(w);
		return;
	}
	if (tag_in(n, blocks) && !w->in_row) {
		flush(w);
		walk_children(w, n);
		flush(w);
		return;
	}
	walk_children(w, n);
}

/* --- where the article is, and where the page came from ------------------ */

static const xmlNode *find(const xmlNode *n, bool (*match)(const xmlNode *))
{
	for (; n; n = n->next) {
		const xmlNode *hit;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (match(n))
			return n;
		if (!chrome(n) && (hit = find(n->children, match)))
			return hit;
	}
	return NULL;
}

static bool is_article(const xmlNode *n)
{
	return tag_is(n, "article");
}

static bool is_main(const xmlNode *n)
{
	xmlChar *role = xmlGetProp(n, (const xmlChar *)"role");
	bool main = tag_is(n, "main") || (role && !strcasecmp((const char *)role, "main"));

	xmlFree(role);
	return main;
}

static bool is_body(const xmlNode *n)
{
	return tag_is(n, "body");
}

/* An address fit to keep: http(s), printable ASCII, not absurdly long. */
static char *clean_url(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n > 2048 || !(ascii_prefix_ci(s, n, "http://") || ascii_prefix_ci(s, n, "https://")))
		return NULL;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7F)
			return NULL;
	return xstrndup(s, n);
}

static char *attr_url(const xmlNode *n, const char *attr)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	char *url = v ? clean_url((const char *)v, strlen((const char *)v)) : NULL;

	xmlFree(v);
	return url;
}

static bool attr_is(const xmlNode *n, const char *attr, const char *value)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	bool is = v && !strcasecmp((const char *)v, value);

	xmlFree(v);
	return is;
}

/* The canonical link, else og:url, from the page's head. */
static char *head_url(const xmlNode *n)
{
	char *canonical = NULL, *og = NULL;

	for (; n; n = n->next) {
		char *found;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!canonical && tag_is(n, "link") && attr_is(n, "rel", "canonical"))
			canonical = attr_url(n, "href");
		if (!og && tag_is(n, "meta") && attr_is(n, "property", "og:url"))
			og = attr_url(n, "content");
		if ((tag_is(n, "html") || tag_is(n, "head")) && (found = head_url(n->children))) {
			/* Only head and html are searched: the body holds no page address. */
			if (!canonical)
				canonical = found;
			else
				free(found);
		}
	}
	if (canonical) {
		free(og);
		return canonical;
	}
	return og;
}

/* The text of the page's <title> (in html or head), or NULL. */
static char *head_title(const xmlNode *n)
{
	for (; n; n = n->next) {
		char *found = NULL;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (tag_is(n, "title")) {
			xmlChar *v = xmlNodeGetContent(n);

			if (v && utf8_valid((const char *)v, strlen((const char *)v), NULL))
				found = xstrdup((const char *)v);
			xmlFree(v);
		} else if (tag_is(n, "html") || tag_is(n, "head")) {
			found = head_title(n->children);
		}
		if (found)
			return found;
	}
	return NULL;
}

/* "<!-- saved from url=(0062)https://... -->", as browsers write it. */
static char *saved_from(const char *buf, size_t len)
{
	static const char mark[] = "<!-- saved from url=(";
	size_t n = len < 4096 ? len : 4096;
	const char *p = NULL, *end;

	for (size_t i = 0; i + sizeof(mark) - 1 <= n; i++)
		if (!strncasecmp(buf + i, mark, sizeof(mark) - 1)) {
			p = buf + i + sizeof(mark) - 1;
			break;
		}
	if (!p || !(p = memchr(p, ')', (size_t)(buf + n - p))))
		return NULL;
	p++;
	for (end = p; end < buf + n && !isspace((unsigned char)*end);)
		end++;
	return clean_url(p, (size_t)(end - p));
}

bool import_source_html(struct import_source *src, const char *buf, size_t len, struct diags *d)
{
	htmlDocPtr doc;
	const xmlNode *root, *top;
	struct walker w = { .src = src };
	size_t before = src->n;

	if (len > (size_t)INT32_MAX) {
		diags_add(d, DIAG_ERROR, src->name, 0, 0, "too large for a web page");
		return false;
	}
	doc = htmlReadMemory(buf, (int)len, src->name, NULL,
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				     HTML_PARSE_NONET);
	if (!doc || !(top = xmlDocGetRootElement(doc))) {
		diags_add(d, DIAG_ERROR, src->name, 0, 0, "cannot read this web page");
		if (doc)
			xmlFreeDoc(doc);
		return false;
	}
	if (!(root = find(top, is_article)) && !(root = find(top, is_main))) {
		w.page_header = true;
		if (!(root = find(top, is_body)))
			root = top;
	}
	if (!src->arena)
		src->arena = arena_new();
	walk(&w, root);
	flush(&w);
	sb_free(&w.line);
	free(src->url);
	if (!(src->url = head_url(top)))
		src->url = saved_from(buf, len);
	free(src->title);
	src->title = head_title(top);
	xmlFreeDoc(doc);
	/* libxml2 hands over UTF-8; a page that lied about its charset may
	 * still carry bytes that are not: they are dropped by line. */
	for (size_t i = before; i < src->n; i++) {
		size_t bad;

		if (!utf8_valid(src->lines[i].s, src->lines[i].len, &bad)) {
			diags_add(d, DIAG_WARNING, src->name, src->lines[i].no, 0,
				  "text that is not valid in the page's charset left out");
			src->lines[i].s[0] = '\0';
			src->lines[i].len = 0;
		}
	}
	if (src->n == before) {
		diags_add(d, DIAG_ERROR, src->name, 0, 0, "no text in this web page");
		return false;
	}
	return true;
}
