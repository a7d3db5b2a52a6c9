/* yamltree.c — libyaml events to struct ynode, with caps on everything. */
#include "config.h"

#include "base/yamltree.h"

#include <errno.h>
#include <string.h>
#include <yaml.h>

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

static const char *parser_problem(const yaml_parser_t *p)
{
	return p->problem ? p->problem : "malformed YAML";
}

struct ynode *yaml_parse(const char *name, const char *buf, size_t len,
			 const struct yaml_limits *lim, struct arena *a, struct diags *d)
{
	struct builder b = { .name = name, .lim = lim, .arena = a, .diags = d };
	yaml_parser_t parser;
	size_t bad;
	bool done = false, ok = true;

	if (len > lim->max_file_size) {
		diags_add(d, DIAG_ERROR, name, 0, 0, "file too large (%zu bytes; the limit is %zu)",
			  len, lim->max_file_size);
		return NULL;
	}
	if (!utf8_valid(buf, len, &bad)) {
		unsigned line, col;

		utf8_position(buf, bad, &line, &col);
		diags_add(d, DIAG_ERROR, name, line, col, "invalid UTF-8 (byte 0x%02X)",
			  (unsigned char)buf[bad]);
		return NULL;
	}
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
		if (errno == EFBIG)
			diags_add(d, DIAG_ERROR, path, 0, 0, "file too large (the limit is %zu bytes)",
				  lim->max_file_size);
		else
			diags_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", file_error(errno));
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

		if (k->len == klen && memcmp(k->str, key, klen) == 0)
			return map->items[2 * i + 1];
	}
	return NULL;
}

bool ynode_is_null(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && n->plain &&
	       (n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0);
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
			if (strcmp(k->str, known[j]) == 0)
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
