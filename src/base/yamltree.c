/* yamltree.c — libyaml events to struct ynode, with caps on everything. */
#include "config.h"

#include "base/yamltree.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/textsafe.h"
#include "base/utf8.h"

const struct yaml_limits yaml_content_limits = {
	.max_file_size = 8u << 20,
	.max_depth = 32,
	.max_scalar = 4u << 20,
	.max_nodes = 200000,
};

/* A collection under construction: children gather in a heap vector and are
 * copied into the arena when the collection ends. */
struct frame {
	struct ynode *node;
	struct ynode **kids;
	size_t n, cap;
};

struct builder {
	const char *name;
	const struct yaml_limits *lim;
	struct arena *arena;
	struct diags *diags;
	struct frame *stack;
	size_t depth, cap;
	size_t nodes;
	struct ynode *root;
};

static void error_at(struct builder *b, yaml_mark_t mark, const char *fmt, ...) PRINTF_LIKE(3, 4);

static void error_at(struct builder *b, yaml_mark_t mark, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diags_vadd(b->diags, DIAG_ERROR, b->name, (unsigned)mark.line + 1,
		   (unsigned)mark.column + 1, fmt, ap);
	va_end(ap);
}

static struct ynode *new_node(struct builder *b, enum ynode_kind kind, yaml_mark_t mark)
{
	struct ynode *n;

	if (++b->nodes > b->lim->max_nodes) {
		error_at(b, mark, "too many YAML nodes (the limit is %zu)", b->lim->max_nodes);
		return NULL;
	}
	n = arena_alloc(b->arena, sizeof(*n));
	n->kind = kind;
	n->line = (unsigned)mark.line + 1;
	n->col = (unsigned)mark.column + 1;
	return n;
}

/* Hangs n under the innermost open collection (or makes it the root). */
static void attach(struct builder *b, struct ynode *n)
{
	struct frame *f;

	if (b->depth == 0) {
		b->root = n;
		return;
	}
	f = &b->stack[b->depth - 1];
	GROW(f->kids, f->cap, f->n + 1);
	f->kids[f->n++] = n;
}

static bool open_collection(struct builder *b, enum ynode_kind kind, yaml_mark_t mark)
{
	struct ynode *n;

	if (b->depth >= b->lim->max_depth) {
		error_at(b, mark, "YAML nested too deeply (the limit is %zu levels)", b->lim->max_depth);
		return false;
	}
	n = new_node(b, kind, mark);
	if (!n)
		return false;
	GROW(b->stack, b->cap, b->depth + 1);
	b->stack[b->depth++] = (struct frame){ .node = n };
	return true;
}

static bool close_collection(struct builder *b, yaml_mark_t mark)
{
	struct frame f = b->stack[--b->depth];
	struct ynode *n = f.node;

	n->items = arena_array(b->arena, f.n, sizeof(*n->items));
	if (f.n)
		memcpy(n->items, f.kids, f.n * sizeof(*f.kids));
	n->n = n->kind == YNODE_MAP ? f.n / 2 : f.n;
	free(f.kids);
	if (n->kind == YNODE_MAP) {
		for (size_t i = 0; i < n->n; i++) {
			if (n->items[2 * i]->kind != YNODE_SCALAR) {
				diags_add(b->diags, DIAG_ERROR, b->name, n->items[2 * i]->line,
					  n->items[2 * i]->col, "mapping keys must be plain text");
				attach(b, n);
				return false;
			}
		}
	}
	(void)mark;
	attach(b, n);
	return true;
}

static bool no_anchor_or_tag(struct builder *b, const yaml_char_t *anchor,
			     const yaml_char_t *tag, bool implicit, yaml_mark_t mark)
{
	if (anchor) {
		error_at(b, mark, "YAML anchors (&%s) are not allowed in content files", (const char *)anchor);
		return false;
	}
	if (tag && !implicit) {
		error_at(b, mark, "YAML tags (%s) are not allowed in content files", (const char *)tag);
		return false;
	}
	return true;
}

static bool handle_event(struct builder *b, const yaml_event_t *ev, bool *done)
{
	struct ynode *n;

	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
		return true;
	case YAML_DOCUMENT_START_EVENT:
		if (b->root) {
			error_at(b, ev->start_mark, "only one YAML document is allowed per file");
			return false;
		}
		return true;
	case YAML_STREAM_END_EVENT:
		*done = true;
		return true;
	case YAML_ALIAS_EVENT:
		error_at(b, ev->start_mark, "YAML aliases (*%s) are not allowed in content files",
			 (const char *)ev->data.alias.anchor);
		return false;
	case YAML_SCALAR_EVENT:
		if (!no_anchor_or_tag(b, ev->data.scalar.anchor, ev->data.scalar.tag,
				      ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit,
				      ev->start_mark))
			return false;
		if (ev->data.scalar.length > b->lim->max_scalar) {
			error_at(b, ev->start_mark, "text too long (%zu bytes; the limit is %zu)",
				 ev->data.scalar.length, b->lim->max_scalar);
			return false;
		}
		if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length)) {
			error_at(b, ev->start_mark, "text contains a NUL character");
			return false;
		}
		n = new_node(b, YNODE_SCALAR, ev->start_mark);
		if (!n)
			return false;
		n->str = arena_strndup(b->arena, (const char *)ev->data.scalar.value,
				       ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		attach(b, n);
		return true;
	case YAML_SEQUENCE_START_EVENT:
		return no_anchor_or_tag(b, ev->data.sequence_start.anchor, ev->data.sequence_start.tag,
					ev->data.sequence_start.implicit, ev->start_mark) &&
		       open_collection(b, YNODE_SEQ, ev->start_mark);
	case YAML_MAPPING_START_EVENT:
		return no_anchor_or_tag(b, ev->data.mapping_start.anchor, ev->data.mapping_start.tag,
					ev->data.mapping_start.implicit, ev->start_mark) &&
		       open_collection(b, YNODE_MAP, ev->start_mark);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_collection(b, ev->start_mark);
	case YAML_NO_EVENT:
		break;
	}
	return true;
}

/* ---- the fast path: YAML as tipr writes it ----
 *
 * libyaml's scanner spends some 200 instructions a byte; the annotations
 * file (megabytes, rewritten and read at every change) is written in a
 * small subset of YAML that a line at a time reads five times faster:
 * block mappings and sequences indented by spaces, keys of letters, digits,
 * '_' and '-', values that are plain text on one line (a letter, digit or
 * non-ASCII character first), double-quoted text closed on its own line, [],
 * or literal blocks ("|" or "|-", as libyaml's emitter writes the content
 * files' texts).  The tree it builds is the one libyaml's events build,
 * positions included; anything else — comments, blank lines outside a
 * block, tabs outside a block's text, CR, folded, kept or explicitly
 * indented blocks, single-quoted scalars, flow collections, anchors, a cap
 * reached, a NUL — and it gives up, leaving the file to libyaml and its
 * error messages. */

struct plain {
	const char *line, *end;   /* the current line; the end of the input */
	unsigned line_no;
	const struct yaml_limits *lim;
	struct arena *a;
	size_t nodes, depth;
	struct frame *scratch;    /* a child vector per depth, reused */
	size_t n_scratch;
};

static const char *eol_of(const struct plain *ps)
{
	return memchr(ps->line, '\n', (size_t)(ps->end - ps->line));
}

/* Moves to the next line; false at the end of the input. */
static bool next_line(struct plain *ps)
{
	ps->line = eol_of(ps) + 1;
	ps->line_no++;
	return ps->line < ps->end;
}

static size_t indent_of(const struct plain *ps)
{
	size_t n = 0;

	while (ps->line[n] == ' ')
		n++;
	return n;
}

static bool at_item(const struct plain *ps, size_t col)
{
	return indent_of(ps) == col && ps->line[col] == '-' && ps->line[col + 1] == ' ';
}

static struct ynode *plain_node(struct plain *ps, enum ynode_kind kind, const char *at)
{
	struct ynode *n;

	if (++ps->nodes > ps->lim->max_nodes)
		return NULL;
	n = arena_alloc(ps->a, sizeof(*n));
	n->kind = kind;
	n->line = ps->line_no;
	n->col = (unsigned)(at - ps->line) + 1; /* all before it on the line is ASCII */
	return n;
}

static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The length of a key at s (followed by ':' and a space or the line's end),
 * or 0. */
static size_t key_len(const char *s)
{
	size_t n = 0;

	if (!word_char(s[0]) && s[0] != '_')
		return 0;
	while (word_char(s[n]) || s[n] == '_' || s[n] == '-')
		n++;
	return s[n] == ':' && (s[n + 1] == ' ' || s[n + 1] == '\n') ? n : 0;
}

static int hex_value(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (v > 0x10FFFF)
			return -1;
		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			v = v * 16 + ((c | 0x20) - 'a' + 10);
		else
			return -1;
	}
	return v;
}

/* Decodes the double-quoted scalar s[0..n) (quotes included) into out;
 * returns its length, or SIZE_MAX outside the subset. */
static size_t unquote(const char *s, size_t n, char *out)
{
	/* Escapes and what they stand for, in pairs (\0, a NUL, is left out). */
	static const char simple[] = "a\ab\bt\tn\nv\vf\fr\re\033  \"\"//\\\\";
	size_t o = 0;

	for (size_t i = 1; i < n - 1;) {
		unsigned char b = (unsigned char)s[i];
		int32_t cp;
		size_t k;

		/* Runs of printable ASCII, most of the text, are copied whole. */
		for (k = i; k < n - 1 && s[k] >= 0x20 && s[k] < 0x7F && s[k] != '"' && s[k] != '\\'; k++)
			;
		if (k > i) {
			memcpy(out + o, s + i, k - i);
			o += k - i;
			i = k;
			continue;
		}
		if (b == '"' || b < 0x20 || b == 0x7F)
			return SIZE_MAX;
		if (b != '\\') {
			/* What YAML would read as a line break or not read at all. */
			k = b < 0x80 ? (cp = b, 1) : utf8_next(s + i, n - 1 - i, &cp);
			if ((cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
			    cp == 0xFFFE || cp == 0xFFFF)
				return SIZE_MAX;
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
			continue;
		}
		if (i + 1 >= n - 1)
			return SIZE_MAX;
		b = (unsigned char)s[i + 1];
		if (b == 'x' || b == 'u' || b == 'U') {
			k = b == 'x' ? 2 : b == 'u' ? 4 : 8;
			if (i + 2 + k > n - 1)
				return SIZE_MAX;
			cp = hex_value(s + i + 2, k);
			if (cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
				return SIZE_MAX;
			o += utf8_encode(cp, out + o);
			i += 2 + k;
			continue;
		}
		for (k = 0; simple[k] && simple[k] != (char)b; k += 2)
			;
		if (!simple[k])
			return SIZE_MAX;
		out[o++] = simple[k + 1];
		i += 2;
	}
	return o;
}

/* Whether s[0..n) (valid UTF-8 within one line) is read by libyaml as it
 * is: no control character (but tabs, if tabs), no DEL, nothing it takes
 * as a line break (U+0085, U+2028, U+2029) or refuses (the C1 controls,
 * U+FFFE, U+FFFF), and no U+FEFF, which it skips in places. */
static bool line_text(const char *s, size_t n, bool tabs)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = utf8_printable_run(s, n); i < n; i += 1 + utf8_printable_run(s + i + 1, n - i - 1)) {
		/* Valid UTF-8: a lead byte's continuation bytes are there. */
		switch (u[i]) {
		case '\t':
			if (!tabs)
				return false;
			break;
		case 0xC2:
			if (u[i + 1] < 0xA0)
				return false;
			break;
		case 0xE2:
			if (u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
				return false;
			break;
		case 0xEF:
			if ((u[i + 1] == 0xBB && u[i + 2] == 0xBF) ||
			    (u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF)))
				return false;
			break;
		default:
			if (u[i] < 0x80)
				return false;
		}
	}
	return true;
}

/* Whether s[0..n) (its line's end at s[n]) is a plain scalar that libyaml
 * reads whole in a block collection: a letter, digit or non-ASCII character
 * first (the indicators are ASCII), no ": " (a key) or " #" (a comment),
 * neither ':' (a key) nor a space (not part of it) last, and no tab. */
static bool plain_text(const char *s, size_t n)
{
	if (!n || !(word_char(s[0]) || (unsigned char)s[0] >= 0x80) || s[n - 1] == ':' ||
	    s[n - 1] == ' ')
		return false;
	for (size_t i = 1; i < n; i++)
		if ((s[i] == ':' && s[i + 1] == ' ') || (s[i] == '#' && s[i - 1] == ' '))
			return false;
	return line_text(s, n, false);
}

/* The scalar or [] from s to the end of its line (eol, the newline). */
static struct ynode *plain_value(struct plain *ps, const char *s, const char *eol)
{
	size_t n = (size_t)(eol - s), len;
	struct ynode *node;
	char *text;

	if (n == 2 && s[0] == '[' && s[1] == ']') {
		if (ps->depth >= ps->lim->max_depth || !(node = plain_node(ps, YNODE_SEQ, s)))
			return NULL;
		node->items = arena_array(ps->a, 0, sizeof(*node->items));
		return node;
	}
	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		text = arena_alloc(ps->a, n);
		if ((len = unquote(s, n, text)) == SIZE_MAX)
			return NULL;
	} else {
		if (!plain_text(s, n))
			return NULL;
		text = arena_strndup(ps->a, s, n);
		len = n;
	}
	if (len > ps->lim->max_scalar || !(node = plain_node(ps, YNODE_SCALAR, s)))
		return NULL;
	text[len] = '\0';
	node->str = text;
	node->len = len;
	node->plain = s[0] != '"';
	return node;
}

/* A literal block scalar, its indicator ("|", or "|-" to strip the final
 * line break) at s on the current line of a key or a sequence item at
 * column col: the lines below indented more than col, at the first one's
 * indentation.  What libyaml settles by rules of its own is left to it: a
 * blank or whitespace-only first line (which sets the indentation), other
 * whitespace-only lines longer than the indentation, a tab where
 * indentation is expected.  Returns with the current line the first one
 * after the block (its trailing blank lines are the block's). */
static struct ynode *plain_block(struct plain *ps, const char *s, size_t col, bool strip)
{
	struct ynode *node = plain_node(ps, YNODE_SCALAR, s);
	const char *first, *last = NULL, *line, *eol;
	size_t indent, len = 0, blanks = 0, o = 0;
	char *text;

	if (!node || !next_line(ps))
		return NULL;
	indent = indent_of(ps);
	if (indent <= col || ps->line[indent] == '\n' || ps->line[indent] == '\t')
		return NULL;
	/* The extent and the length first, every line checked, then the copy. */
	for (first = line = ps->line; line < ps->end; line = eol + 1, ps->line_no++) {
		size_t k = 0, n;

		eol = memchr(line, '\n', (size_t)(ps->end - line));
		while (k < indent && line[k] == ' ')
			k++;
		if (line[k] == '\n') {
			blanks++;
			continue;
		}
		if (k < indent) {
			if (line[k] == '\t')
				return NULL;
			break;
		}
		n = (size_t)(eol - line) - indent;
		if (strspn(line + indent, " \t") == n || !line_text(line + indent, n, true))
			return NULL;
		len += (last ? 1 + blanks : 0) + n;
		blanks = 0;
		last = eol + 1;
	}
	ps->line = line;
	len += !strip;
	if (len > ps->lim->max_scalar)
		return NULL;
	text = arena_alloc(ps->a, len + 1);
	for (line = first; line < last; line = eol + 1) {
		size_t k = 0;

		eol = memchr(line, '\n', (size_t)(last - line));
		while (k < indent && line[k] == ' ')
			k++;
		if (line[k] == '\n') {
			text[o++] = '\n';
			continue;
		}
		if (line != first)
			text[o++] = '\n';
		memcpy(text + o, line + indent, (size_t)(eol - line) - indent);
		o += (size_t)(eol - line) - indent;
	}
	if (!strip)
		text[o++] = '\n';
	node->str = text;
	node->len = len;
	node->plain = false;
	return node;
}

/* The value at s on the current line, after a key or a sequence item's
 * dash at column col: a literal block on the lines below, or a scalar or []
 * to the line's end.  Returns with the current line the first one after it. */
static struct ynode *plain_after(struct plain *ps, const char *s, size_t col)
{
	const char *eol = eol_of(ps);
	struct ynode *node;

	if (s[0] == '|' && (eol == s + 1 || (eol == s + 2 && s[1] == '-')))
		return plain_block(ps, s, col, eol == s + 2);
	if ((node = plain_value(ps, s, eol)))
		next_line(ps);
	return node;
}

/* Opens a collection's child vector at the next depth. */
static struct frame *plain_open(struct plain *ps, struct ynode *node)
{
	struct frame *f;

	if (!node || ps->depth >= ps->lim->max_depth)
		return NULL;
	if (ps->depth == ps->n_scratch) {
		GROW(ps->scratch, ps->n_scratch, ps->depth + 1);
		memset(ps->scratch + ps->depth, 0, (ps->n_scratch - ps->depth) * sizeof(*ps->scratch));
	}
	f = &ps->scratch[ps->depth++];
	f->node = node;
	f->n = 0;
	return f;
}

static bool plain_add(struct plain *ps, struct ynode *kid)
{
	struct frame *f = &ps->scratch[ps->depth - 1];

	if (!kid)
		return false;
	GROW(f->kids, f->cap, f->n + 1);
	f->kids[f->n++] = kid;
	return true;
}

static struct ynode *plain_close(struct plain *ps)
{
	struct frame *f = &ps->scratch[--ps->depth];
	struct ynode *n = f->node;

	n->items = arena_array(ps->a, f->n, sizeof(*n->items));
	if (f->n)
		memcpy(n->items, f->kids, f->n * sizeof(*f->kids));
	n->n = n->kind == YNODE_MAP ? f->n / 2 : f->n;
	return n;
}

static struct ynode *plain_seq(struct plain *ps, size_t col);
static struct ynode *plain_map(struct plain *ps, size_t col);

/* The value after "key:" at the end of a line: a block on the lines below
 * (more indented, or a sequence at the key's own indentation). */
static struct ynode *plain_nested(struct plain *ps, size_t col)
{
	size_t in;

	if (!next_line(ps))
		return NULL;
	in = indent_of(ps);
	if (in == col && at_item(ps, col))
		return plain_seq(ps, col);
	if (in <= col)
		return NULL;
	return at_item(ps, in) ? plain_seq(ps, in) : plain_map(ps, in);
}

/* A block mapping whose keys start at column col, the first on the current
 * line (after "- " when it is a sequence item).  Returns with the current
 * line the first one after it. */
static struct ynode *plain_map(struct plain *ps, size_t col)
{
	if (!plain_open(ps, plain_node(ps, YNODE_MAP, ps->line + col)))
		return NULL;
	for (;;) {
		const char *k = ps->line + col, *eol = eol_of(ps);
		size_t n = key_len(k);
		struct ynode *key = n ? plain_node(ps, YNODE_SCALAR, k) : NULL;
		bool more;

		if (!key || n > ps->lim->max_scalar)
			return NULL;
		key->str = arena_strndup(ps->a, k, n);
		key->len = n;
		key->plain = true;
		if (!plain_add(ps, key))
			return NULL;
		if (k + n + 1 == eol) {
			if (!plain_add(ps, plain_nested(ps, col)))
				return NULL;
			more = ps->line < ps->end;
		} else {
			if (!plain_add(ps, plain_after(ps, k + n + 2, col)))
				return NULL;
			more = ps->line < ps->end;
		}
		if (!more || indent_of(ps) < col)
			break;
		if (indent_of(ps) > col || at_item(ps, col))
			return NULL;
	}
	return plain_close(ps);
}

/* A block sequence whose "- " are at column col, the first on the current
 * line; returns with the current line the first one after it. */
static struct ynode *plain_seq(struct plain *ps, size_t col)
{
	if (!plain_open(ps, plain_node(ps, YNODE_SEQ, ps->line + col)))
		return NULL;
	do {
		const char *s = ps->line + col + 2;

		if (!plain_add(ps, key_len(s) ? plain_map(ps, col + 2) : plain_after(ps, s, col)))
			return NULL;
	} while (ps->line < ps->end && indent_of(ps) >= col && at_item(ps, col));
	if (ps->line < ps->end && indent_of(ps) > col)
		return NULL;
	return plain_close(ps);
}

struct ynode *yaml_parse_plain(const char *buf, size_t len, const struct yaml_limits *lim,
			       struct arena *a)
{
	struct plain ps = { .line = buf, .end = buf + len, .line_no = 1, .lim = lim, .a = a };
	struct ynode *root = NULL;

	/* Whole lines only: every read stops at a newline.  Tabs, CRs and other
	 * controls need no scan of their own: no rule below takes one. */
	if (!len || buf[len - 1] != '\n')
		return NULL;
	if (indent_of(&ps) == 0)
		root = at_item(&ps, 0) ? plain_seq(&ps, 0) : key_len(buf) ? plain_map(&ps, 0) : NULL;
	for (size_t i = 0; i < ps.n_scratch; i++)
		free(ps.scratch[i].kids);
	free(ps.scratch);
	return root && ps.line == ps.end ? root : NULL;
}

static const char *parser_problem(const yaml_parser_t *p)
{
	return p->problem ? p->problem : "malformed YAML";
}

struct ynode *yaml_parse(const char *name, const char *buf, size_t len,
			 const struct yaml_limits *lim, struct arena *a, struct diags *d)
{
	struct builder b = { .name = name, .lim = lim, .arena = a, .diags = d };
	yaml_parser_t parser;
	bool done = false, ok = true;

	if (len > lim->max_file_size) {
		diags_add(d, DIAG_ERROR, name, 0, 0, "file too large (%zu bytes; the limit is %zu)",
			  len, lim->max_file_size);
		return NULL;
	}
	if (!diags_check_utf8(name, buf, len, d))
		return NULL;
	if ((b.root = yaml_parse_plain(buf, len, lim, a)))
		return b.root;
	if (!yaml_parser_initialize(&parser))
		die("cannot initialise the YAML parser: out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

	while (ok && !done) {
		yaml_event_t ev;

		if (!yaml_parser_parse(&parser, &ev)) {
			yaml_mark_t m = parser.problem_mark;

			/* libyaml reports some reader errors by offset only. */
			if (parser.error == YAML_READER_ERROR) {
				unsigned line, col;

				utf8_position(buf, parser.problem_offset < len ? parser.problem_offset : len,
					      &line, &col);
				diags_add(d, DIAG_ERROR, name, line, col, "%s", parser_problem(&parser));
			} else {
				error_at(&b, m, "%s%s%s", parser_problem(&parser),
					 parser.context ? " " : "", parser.context ? parser.context : "");
			}
			ok = false;
			break;
		}
		ok = handle_event(&b, &ev, &done);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	while (b.depth)
		free(b.stack[--b.depth].kids);
	free(b.stack);
	if (ok && !b.root) {
		diags_add(d, DIAG_ERROR, name, 1, 1, "file is empty");
		ok = false;
	}
	return ok ? b.root : NULL;
}

struct ynode *yaml_load_file(const char *path, const struct yaml_limits *lim,
			     struct arena *a, struct diags *d)
{
	size_t len;
	char *buf = read_file(path, lim->max_file_size, &len);
	struct ynode *root;

	if (!buf) {
		diags_file_error(d, path, errno, lim->max_file_size);
		return NULL;
	}
	root = yaml_parse(path, buf, len, lim, a, d);
	free(buf);
	return root;
}

const struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	size_t klen = strlen(key);

	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++) {
		const struct ynode *k = map->items[2 * i];

		if (k->len == klen && k->str[0] == key[0] && memcmp(k->str, key, klen) == 0)
			return map->items[2 * i + 1];
	}
	return NULL;
}

bool ynode_is_null(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && n->plain &&
	       (n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0);
}

const char *ynode_text(const struct ynode *map, const char *key, unsigned want, const char *file,
		       struct diags *d)
{
	const struct ynode *n = ynode_get(map, key);

	if (!n) {
		if (want & YNODE_REQUIRED)
			diags_add(d, DIAG_ERROR, file, map->line, map->col, "missing required key '%s'", key);
		return NULL;
	}
	if (n->kind != YNODE_SCALAR) {
		diags_add(d, DIAG_ERROR, file, n->line, n->col, "'%s' must be text, not %s", key,
			  ynode_kind_name(n->kind));
		return NULL;
	}
	if ((want & YNODE_NONEMPTY) && !n->len) {
		diags_add(d, DIAG_ERROR, file, n->line, n->col, "'%s' must not be empty", key);
		return NULL;
	}
	return n->str;
}

bool ynode_number(const struct ynode *map, const char *key, unsigned want, long long min,
		  long long max, long long *out, const char *file, struct diags *d)
{
	const struct ynode *n = ynode_get(map, key);
	enum num_status st;
	char *why;

	if (!n || ynode_is_null(n)) {
		if (want & YNODE_REQUIRED)
			diags_add(d, DIAG_ERROR, file, (n ? n : map)->line, (n ? n : map)->col,
				  "missing required key '%s'", key);
		return false;
	}
	if (n->kind != YNODE_SCALAR) {
		diags_add(d, DIAG_ERROR, file, n->line, n->col, "'%s' must be a number, not %s", key,
			  ynode_kind_name(n->kind));
		return false;
	}
	if ((st = num_parse(n->str, min, max, out)) == NUM_OK)
		return true;
	why = num_problem(st, n->str, min, max);
	diags_add(d, DIAG_ERROR, file, n->line, n->col, "'%s': %s", key, why);
	free(why);
	return false;
}

struct unsafe_walk {
	const char *file;
	struct diags *d;
	size_t reported, more;
};

enum { MAX_UNSAFE_REPORTS = 10 };

static void report_unsafe(const struct ynode *n, struct unsafe_walk *w)
{
	if (n->kind != YNODE_SCALAR) {
		for (size_t i = 0; i < (n->kind == YNODE_MAP ? 2 * n->n : n->n); i++)
			report_unsafe(n->items[i], w);
		return;
	}
	for (size_t i = 0; i < n->len;) {
		const char *kind;
		int32_t cp;
		char ph[16];

		/* Printable ASCII, nearly all of it, in runs. */
		if ((i += utf8_printable_run(n->str + i, n->len - i)) == n->len)
			break;
		i += utf8_next(n->str + i, n->len - i, &cp);
		if (!(kind = textsafe_kind(cp)))
			continue;
		if (w->reported == MAX_UNSAFE_REPORTS) {
			w->more++;
			return;
		}
		w->reported++;
		textsafe_placeholder(cp, ph);
		diags_add(w->d, DIAG_WARNING, w->file, n->line, n->col,
			  "text contains %s U+%04X (shown as %s)", kind, (unsigned)cp, ph);
		return;
	}
}

void ynode_report_unsafe(const struct ynode *root, const char *file, struct diags *d)
{
	struct unsafe_walk w = { .file = file, .d = d };

	report_unsafe(root, &w);
	if (w.more)
		diags_add(d, DIAG_WARNING, file, 0, 0, "%zu more texts with such characters", w.more);
}

const char *ynode_kind_name(enum ynode_kind kind)
{
	switch (kind) {
	case YNODE_SCALAR:
		return "a scalar";
	case YNODE_SEQ:
		return "a list";
	case YNODE_MAP:
		return "a mapping";
	}
	return "?";
}

bool ynode_check_keys(const struct ynode *map, const char *const known[],
		      const char *file, struct diags *d)
{
	enum { MAX_REPORTS = 10, MAX_KNOWN = 32 };
	unsigned first_line[MAX_KNOWN] = {0};
	size_t reported = 0, unreported = 0;

	for (size_t i = 0; i < map->n; i++) {
		const struct ynode *k = map->items[2 * i];
		size_t j;

		for (j = 0; known[j] && j < MAX_KNOWN; j++)
			if (k->str[0] == known[j][0] && strcmp(k->str, known[j]) == 0)
				break;
		if (known[j] && j < MAX_KNOWN && !first_line[j]) {
			first_line[j] = k->line;
			continue;
		}
		/* Bounded: a hostile file with a million bad keys gets ten lines. */
		if (reported == MAX_REPORTS) {
			unreported++;
			continue;
		}
		reported++;
		if (known[j] && j < MAX_KNOWN)
			diags_add(d, DIAG_ERROR, file, k->line, k->col,
				  "duplicate key '%s' (first on line %u)", k->str, first_line[j]);
		else
			diags_add(d, DIAG_ERROR, file, k->line, k->col, "unknown key '%s'", k->str);
	}
	if (unreported)
		diags_add(d, DIAG_ERROR, file, map->line, map->col,
			  "%zu more unknown or duplicate keys in this mapping", unreported);
	return reported == 0;
}

bool ynode_expect(const struct ynode *n, enum ynode_kind kind, const char *what,
		  const char *file, struct diags *d)
{
	if (n->kind == kind)
		return true;
	diags_add(d, DIAG_ERROR, file, n->line, n->col, "%s: expected %s, found %s", what,
		  ynode_kind_name(kind), ynode_kind_name(n->kind));
	return false;
}
