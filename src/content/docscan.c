/* docscan.c — content documents read straight from their bytes when they
 * are in the plain style, through document_parse otherwise.
 *
 * The fast path accepts a strict subset of YAML and of the document schema
 * and gives up (falling back) on anything outside it; it never reports.
 * What it accepts:
 *   - every byte printable ASCII, a newline, or UTF-8 that libyaml reads as
 *     ordinary text (no tab, CR, other controls, NEL, U+2028/9, BOM, C1);
 *   - top-level `key: value` lines at column 0, the known keys once each,
 *     values one-line scalars that document_parse accepts;
 *   - `sections:` followed by a block sequence of mappings whose keys are
 *     id, title, text (`|`, `|-` or `|+` followed by indented lines) and
 *     items (a block sequence of one-line scalars);
 *   - one-line scalars: plain (no indicator first, no ": ", " #" or
 *     trailing space), double-quoted without a backslash, single-quoted.
 * Blank lines may stand between entries; comments, flow style, anchors,
 * tags, escapes and continued scalars are left to document_parse. */
#include "config.h"

#include "content/docscan.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/util.h"
#include "base/yamltree.h"
#include "content/layout.h"

/* ---- the bytes ---- */

/* Whether the code point at s is text libyaml takes as it is. */
static bool plain_char(int32_t cp)
{
	return cp >= 0xA0 && !(cp >= 0x2028 && cp <= 0x2029) && cp != 0xFEFF && cp != 0xFFFE && cp != 0xFFFF;
}

/* Sixteen bytes at a time (GCC's vector types: SSE2 on x86-64, NEON on
 * ARM, plain code elsewhere). */
typedef unsigned char bytes16 __attribute__((vector_size(16)));

static bytes16 splat(unsigned char c)
{
	bytes16 v;

	memset(&v, c, sizeof(v));
	return v;
}

/* Whether any of 32 bytes is neither printable ASCII nor a newline: 0x80
 * and above, 0x7F, or below 0x20 but not 0x0A. */
static bool unprintable32(const char *p)
{
	bytes16 x, y, bad;
	uint64_t half[2];

	memcpy(&x, p, 16);
	memcpy(&y, p + 16, 16);
	bad = (bytes16)(x >= splat(0x7F)) | (bytes16)((x < splat(0x20)) & (x != splat('\n'))) |
	      (bytes16)(y >= splat(0x7F)) | (bytes16)((y < splat(0x20)) & (y != splat('\n')));
	memcpy(half, &bad, 16);
	return half[0] | half[1];
}

/* Whether every byte is printable ASCII, a newline or plain UTF-8 text.
 * Thirty-two bytes at a time while they are printable ASCII: most of a
 * file. */
static bool plain_bytes(const char *buf, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t stop = len;

		if (i + 32 <= len) {
			if (!unprintable32(buf + i)) {
				i += 32;
				continue;
			}
			stop = i + 32;
		}
		/* Something else among these bytes: one at a time. */
		while (i < stop) {
			if ((unsigned char)buf[i] < 0x80) {
				unsigned char b = (unsigned char)buf[i++];

				if ((b < 0x20 && b != '\n') || b == 0x7F)
					return false;
			} else {
				int32_t cp;

				i += utf8_next(buf + i, len - i, &cp);
				if (cp < 0 || !plain_char(cp))
					return false;
			}
		}
	}
	return true;
}

/* ---- lines ---- */

struct line {
	const char *s;     /* the line without its newline */
	size_t len;
	size_t indent;     /* leading spaces */
	bool blank;        /* nothing but spaces */
};

struct parser {
	const char *p, *end;
	struct line cur;   /* the line read by peek, when have */
	bool have;
	struct docscan *ds;
	size_t nodes;
};

/* The next line, without consuming it; false at the end. */
static bool peek(struct parser *P)
{
	const char *nl;

	if (P->have)
		return true;
	if (P->p >= P->end)
		return false;
	nl = memchr(P->p, '\n', (size_t)(P->end - P->p));
	P->cur.s = P->p;
	P->cur.len = nl ? (size_t)(nl - P->p) : (size_t)(P->end - P->p);
	for (P->cur.indent = 0; P->cur.indent < P->cur.len && P->cur.s[P->cur.indent] == ' '; P->cur.indent++)
		;
	P->cur.blank = P->cur.indent == P->cur.len;
	P->have = true;
	return true;
}

static void consume(struct parser *P)
{
	P->p = P->cur.s + P->cur.len + 1;
	P->have = false;
}

/* The next line that is not blank, not consumed; false at the end. */
static bool peek_content(struct parser *P)
{
	while (peek(P) && P->cur.blank)
		consume(P);
	return P->have;
}

/* ---- scalars ---- */

static bool indicator(char c)
{
	return strchr("-?:,[]{}#&*!|>'\"%@`", c) != NULL;
}

/* The one-line scalar s[0..n) (spaces before it skipped by the caller):
 * its value in *v, *vlen, copied into the arena only when it had to be
 * unescaped.  False when it is not in the accepted style, or empty. */
static bool scalar(struct parser *P, const char *s, size_t n, const char **v, size_t *vlen)
{
	const char *q;

	if (!n)
		return false;
	if (s[0] == '"') {
		q = memchr(s + 1, '"', n - 1);
		if (!q || memchr(s + 1, '\\', (size_t)(q - s - 1)))
			return false;
		*v = s + 1;
		*vlen = (size_t)(q - s - 1);
	} else if (s[0] == '\'') {
		struct strbuf sb = {0};

		for (q = s + 1; q < s + n; q++) {
			if (*q != '\'') {
				sb_addc(&sb, *q);
			} else if (q + 1 < s + n && q[1] == '\'') {
				sb_addc(&sb, '\'');
				q++;
			} else {
				break;
			}
		}
		if (q >= s + n) {
			sb_free(&sb);
			return false;
		}
		*v = arena_strndup(P->ds->arena, sb.buf ? sb.buf : "", sb.len);
		*vlen = sb.len;
		sb_free(&sb);
	} else {
		if (indicator(s[0]) || s[n - 1] == ' ' || s[n - 1] == ':')
			return false;
		for (size_t i = 0; i + 1 < n; i++)
			if ((s[i] == ':' && s[i + 1] == ' ') || (s[i] == ' ' && s[i + 1] == '#'))
				return false;
		*v = s;
		*vlen = n;
		return true;
	}
	/* After a closing quote: nothing but spaces. */
	for (q++; q < s + n; q++)
		if (*q != ' ')
			return false;
	P->nodes++;
	return *vlen > 0;
}

/* "key:" at the start of s[0..n): the key's length, and the value's start
 * (spaces skipped) in *rest; 0 when it is not such a key. */
static size_t key(const char *s, size_t n, const char **rest)
{
	size_t k = 0;

	while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || s[k] == '_'))
		k++;
	if (!k || k >= n || s[k] != ':' || (k + 1 < n && s[k + 1] != ' '))
		return 0;
	for (*rest = s + k + 1; *rest < s + n && **rest == ' '; (*rest)++)
		;
	return k;
}

/* Which of names[] s[0..k) is; -1 when none. */
static int which(const char *const *names, const char *s, size_t k)
{
	for (int i = 0; names[i]; i++)
		if (strlen(names[i]) == k && !memcmp(names[i], s, k))
			return i;
	return -1;
}

/* ---- blocks ---- */

static void add_block(struct docscan *ds, const char *text, size_t len, bool item)
{
	struct docscan_section *sec = &ds->sections[ds->n_sections - 1];
	struct docscan_block b = { text, len, (uint32_t)(ds->n_sections - 1), 0 };

	if (item) {
		GROW(ds->items, ds->cap_items, ds->n_items + 1);
		ds->items[ds->n_items++] = b;
		sec->n_items++;
	} else {
		b.index = sec->n_paras++;
		GROW(ds->blocks, ds->cap_blocks, ds->n_blocks + 1);
		ds->blocks[ds->n_blocks++] = b;
	}
}

/* A literal block under a key at indent parent: its paragraphs, as
 * add_paragraphs in document.c makes them (lines trimmed, the lines of a
 * paragraph joined by a space, blank lines between paragraphs). */
static bool literal(struct parser *P, size_t parent)
{
	struct strbuf para = {0};
	const char *first = NULL, *last_end = NULL;
	size_t lines = 0, block, bytes = 0;

	/* The first line sets the block's indentation; blank lines before it
	 * are left to document_parse. */
	if (!peek(P) || P->cur.blank || P->cur.indent <= parent)
		return false;
	block = P->cur.indent;
	for (;;) {
		bool end = !peek(P) || (!P->cur.blank && P->cur.indent < block);

		if (end || P->cur.blank) {
			if (lines == 1)
				add_block(P->ds, first, (size_t)(last_end - first), false);
			else if (lines)
				add_block(P->ds, arena_strndup(P->ds->arena, para.buf, para.len), para.len, false);
			lines = 0;
			sb_reset(&para);
			if (end)
				break;
		} else {
			const char *a = P->cur.s + P->cur.indent, *b = P->cur.s + P->cur.len;

			while (b > a && b[-1] == ' ')
				b--;
			if (lines++)
				sb_addc(&para, ' ');
			else
				first = a;
			sb_add(&para, a, (size_t)(b - a));
			last_end = b;
		}
		bytes += P->cur.len + 1;
		consume(P);
	}
	sb_free(&para);
	P->nodes++;
	return bytes <= yaml_content_limits.max_scalar;
}

/* The items of a section: a block sequence of one-line scalars at an
 * indent of at least parent's. */
static bool items(struct parser *P, size_t parent)
{
	size_t indent;

	if (!peek_content(P) || P->cur.indent < parent)
		return false;
	indent = P->cur.indent;
	while (peek_content(P) && P->cur.indent == indent && P->cur.len > indent + 1 &&
	       P->cur.s[indent] == '-' && P->cur.s[indent + 1] == ' ') {
		const char *s = P->cur.s + indent + 2, *v;
		size_t n = P->cur.len - indent - 2, vlen;

		while (n && *s == ' ')
			s++, n--;
		if (!scalar(P, s, n, &v, &vlen))
			return false;
		add_block(P->ds, v, vlen, true);
		consume(P);
		/* A deeper line would continue the item. */
		if (peek_content(P) && P->cur.indent > indent)
			return false;
	}
	P->nodes++;
	return true;
}

/* Ends a section: its items after its paragraphs; false when it is empty
 * or has no id (document_parse says why). */
static bool end_section(struct docscan *ds, bool have_id)
{
	struct docscan_section *sec = &ds->sections[ds->n_sections - 1];

	for (size_t i = 0; i < ds->n_items; i++) {
		ds->items[i].index = sec->n_paras + (uint32_t)i;
		GROW(ds->blocks, ds->cap_blocks, ds->n_blocks + 1);
		ds->blocks[ds->n_blocks++] = ds->items[i];
	}
	ds->n_items = 0;
	if (!sec->title) {
		const char *title = section_default_title(sec->id ? sec->id : "");

		sec->title = title ? title : sec->id;
	}
	return have_id && (sec->n_paras || sec->n_items);
}

/* One section: a mapping whose first key follows "- " on the current line. */
static bool section(struct parser *P, size_t dash)
{
	static const char *const keys[] = { "id", "title", "text", "items", NULL };
	struct docscan *ds = P->ds;
	struct docscan_section *sec;
	bool seen[4] = { false };
	size_t indent = dash + 2;

	while (indent < P->cur.len && P->cur.s[indent] == ' ')
		indent++;
	GROW(ds->sections, ds->cap_sections, ds->n_sections + 1);
	sec = &ds->sections[ds->n_sections++];
	memset(sec, 0, sizeof(*sec));
	P->nodes++;
	/* The first key is on the dash's line, the others below it. */
	for (bool first = true; first || (peek_content(P) && P->cur.indent == indent); first = false) {
		const char *s = P->cur.s + indent, *rest, *v;
		size_t n = P->cur.len - indent, k = key(s, n, &rest), vlen;
		int which_key = k ? which(keys, s, k) : -1;

		if (which_key < 0 || seen[which_key])
			return false;
		seen[which_key] = true;
		P->nodes += 2;
		n -= (size_t)(rest - s);
		if (which_key <= 1) {
			if (!scalar(P, rest, n, &v, &vlen))
				return false;
			v = arena_strndup(ds->arena, v, vlen);
			if (which_key == 0) {
				for (size_t i = 0; i + 1 < ds->n_sections; i++)
					if (!strcmp(ds->sections[i].id, v))
						return false;
				if (!slug_valid(v))
					return false;
				sec->id = v;
			} else {
				sec->title = v;
			}
			consume(P);
		} else if (which_key == 2) {
			if (!((n == 1 && rest[0] == '|') || (n == 2 && rest[0] == '|' && (rest[1] == '-' || rest[1] == '+'))))
				return false;
			consume(P);
			if (!literal(P, indent))
				return false;
		} else {
			if (n)
				return false;
			consume(P);
			if (!items(P, indent))
				return false;
		}
		sec = &ds->sections[ds->n_sections - 1];
	}
	/* A deeper line belongs to nothing we read. */
	if (peek_content(P) && P->cur.indent > indent)
		return false;
	return end_section(ds, seen[0]);
}

/* The sections list, after "sections:". */
static bool sections(struct parser *P)
{
	size_t dash;

	if (!peek_content(P))
		return false;
	dash = P->cur.indent;
	while (peek_content(P) && P->cur.indent == dash && P->cur.len > dash + 1 && P->cur.s[dash] == '-' &&
	       P->cur.s[dash + 1] == ' ')
		if (!section(P, dash))
			return false;
	P->nodes++;
	return P->ds->n_sections > 0 && (!peek_content(P) || P->cur.indent == 0);
}

/* A top-level value as load_root in document.c checks it. */
static bool header_value(int k, const char *v, size_t n)
{
	char buf[256];
	enum tier tier;

	switch (k) {
	case 0: /* country */
		if (n >= sizeof(buf))
			return false;
		memcpy(buf, v, n);
		buf[n] = '\0';
		return slug_valid(buf);
	case 1: /* year: four digits in range, as strtol reads them */
		if (n != 4 || strspn(v, "0123456789") < 4)
			return false;
		memcpy(buf, v, 4);
		buf[4] = '\0';
		return atoi(buf) >= 1900 && atoi(buf) <= 2200;
	case 2: /* tier */
		if (n >= sizeof(buf))
			return false;
		memcpy(buf, v, n);
		buf[n] = '\0';
		return tier_parse(buf, &tier);
	case 7: /* complete */
		return (n == 4 && !memcmp(v, "true", 4)) || (n == 5 && !memcmp(v, "false", 5));
	default:
		return true;
	}
}

static bool document(struct parser *P)
{
	static const char *const keys[] = { "country", "year", "tier", "title", "source", "source_url",
					    "source_pages", "complete", "sections", NULL };
	bool seen[9] = { false };

	while (peek_content(P)) {
		const char *rest, *v;
		size_t k = P->cur.indent ? 0 : key(P->cur.s, P->cur.len, &rest), n, vlen;
		int which_key = k ? which(keys, P->cur.s, k) : -1;

		if (which_key < 0 || seen[which_key])
			return false;
		seen[which_key] = true;
		P->nodes += 2;
		n = P->cur.len - (size_t)(rest - P->cur.s);
		if (which_key == 8) {
			if (n)
				return false;
			consume(P);
			if (!sections(P))
				return false;
			continue;
		}
		if (!scalar(P, rest, n, &v, &vlen) || !header_value(which_key, v, vlen))
			return false;
		consume(P);
		/* A deeper line would continue the value. */
		if (peek_content(P) && P->cur.indent > 0)
			return false;
	}
	return seen[0] && seen[8] && P->nodes < yaml_content_limits.max_nodes;
}

/* ---- reading ---- */

static void clear(struct docscan *ds)
{
	document_free(ds->doc);
	ds->doc = NULL;
	arena_free(ds->arena);
	ds->arena = NULL;
	ds->n_sections = ds->n_blocks = ds->n_items = 0;
	ds->fast = false;
}

/* The blocks of a parsed document. */
static void from_document(struct docscan *ds, struct document *doc)
{
	ds->doc = doc;
	for (size_t s = 0; s < doc->n_sections; s++) {
		const struct section *sec = &doc->sections[s];

		GROW(ds->sections, ds->cap_sections, ds->n_sections + 1);
		ds->sections[ds->n_sections++] = (struct docscan_section){
			sec->id, sec->title, (uint32_t)sec->n_paras, (uint32_t)sec->n_items
		};
		for (size_t k = 0; k < sec->n_paras + sec->n_items; k++) {
			const char *text = layout_block_text(doc, (int)s, k);

			GROW(ds->blocks, ds->cap_blocks, ds->n_blocks + 1);
			ds->blocks[ds->n_blocks++] = (struct docscan_block){ text, strlen(text), (uint32_t)s, (uint32_t)k };
		}
	}
}

bool docscan_read(struct docscan *ds, const char *path, const char *buf, size_t len, struct diags *d)
{
	struct parser P = { .p = buf, .end = buf + len, .ds = ds };
	struct document *doc;

	clear(ds);
	ds->arena = arena_new();
	if (len <= yaml_content_limits.max_file_size && plain_bytes(buf, len) && document(&P)) {
		ds->fast = true;
		return true;
	}
	clear(ds);
	ds->arena = arena_new();
	if (!(doc = document_parse(path, buf, len, d)))
		return false;
	from_document(ds, doc);
	return true;
}

void docscan_done(struct docscan *ds)
{
	clear(ds);
	free(ds->sections);
	free(ds->blocks);
	free(ds->items);
	memset(ds, 0, sizeof(*ds));
}
