/* document.c — the content document schema: load, validate, build, write. */
#include "config.h"

#include "content/document.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "base/yamlout.h"
#include "base/yamltree.h"

static const char *const tier_values[TIER__COUNT] = { "", "1", "2", "2 Watch List", "3", "Special Case" };
static const char *const tier_labels[TIER__COUNT] = { "", "Tier 1", "Tier 2", "Tier 2 Watch List",
						      "Tier 3", "Special Case" };
static const char *const tier_badges[TIER__COUNT] = { "", "1", "2", "2WL", "3", "SC" };

const char *tier_value(enum tier t)
{
	return t < TIER__COUNT ? tier_values[t] : "";
}

const char *tier_label(enum tier t)
{
	return t < TIER__COUNT ? tier_labels[t] : "";
}

const char *year_label(int year, char buf[12])
{
	if (!year)
		return "undated";
	snprintf(buf, 12, "%d", year);
	return buf;
}

const char *tier_badge(enum tier t)
{
	return t < TIER__COUNT ? tier_badges[t] : "";
}

bool tier_parse(const char *s, enum tier *out)
{
	char buf[64];
	size_t n = 0;

	/* Normalise: lower case, single spaces, no "tier" prefix. */
	while (isspace((unsigned char)*s))
		s++;
	if (strncasecmp(s, "tier", 4) == 0 && !isalpha((unsigned char)s[4]))
		s += 4;
	for (; *s && n < sizeof(buf) - 1; s++) {
		if (isspace((unsigned char)*s) || *s == '-' || *s == '_') {
			if (n && buf[n - 1] != ' ')
				buf[n++] = ' ';
		} else {
			buf[n++] = (char)tolower((unsigned char)*s);
		}
	}
	if (*s)
		return false;
	while (n && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	if (n && buf[0] == ' ')
		memmove(buf, buf + 1, n--);
	if (!strcmp(buf, "1"))
		*out = TIER_1;
	else if (!strcmp(buf, "2"))
		*out = TIER_2;
	else if (!strcmp(buf, "2 watch list") || !strcmp(buf, "2wl") || !strcmp(buf, "2 wl") ||
		 !strcmp(buf, "2 watchlist"))
		*out = TIER_2WL;
	else if (!strcmp(buf, "3"))
		*out = TIER_3;
	else if (!strcmp(buf, "special case") || !strcmp(buf, "sc"))
		*out = TIER_SPECIAL;
	else
		return false;
	return true;
}

const struct section_kind section_kinds[] = {
	{ "overview", "Overview" },
	{ "recommendations", "Prioritized Recommendations" },
	{ "prosecution", "Prosecution" },
	{ "protection", "Protection" },
	{ "prevention", "Prevention" },
	{ "government-efforts", "Government Efforts" },
	{ "profile", "Trafficking Profile" },
	{ "text", "Text" },
};
const size_t section_kinds_count = ARRAY_SIZE(section_kinds);

const char *section_default_title(const char *id)
{
	for (size_t i = 0; i < section_kinds_count; i++)
		if (!strcmp(section_kinds[i].id, id))
			return section_kinds[i].title;
	return NULL;
}

bool slug_valid(const char *id)
{
	if (!(*id >= 'a' && *id <= 'z'))
		return false;
	for (id++; *id; id++)
		if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9') || *id == '-'))
			return false;
	return true;
}

struct document *document_new(void)
{
	struct arena *a = arena_new();
	struct document *doc = arena_alloc(a, sizeof(*doc));

	doc->arena = a;
	doc->complete = true;
	return doc;
}

void document_free(struct document *doc)
{
	if (doc)
		arena_free(doc->arena);
}

static const char *dup_opt(struct document *doc, const char *s)
{
	return s ? arena_strdup(doc->arena, s) : NULL;
}

void document_set(struct document *doc, const char *country, int year, enum tier tier,
		  const char *title, const char *source, bool complete)
{
	doc->country = dup_opt(doc, country);
	doc->year = year;
	doc->tier = tier;
	doc->title = dup_opt(doc, title);
	doc->source = dup_opt(doc, source);
	doc->complete = complete;
}

void document_set_source_ref(struct document *doc, const char *url, const char *pages)
{
	doc->source_url = dup_opt(doc, url);
	doc->source_pages = dup_opt(doc, pages);
}

/* Arena arrays cannot be realloc'd: grow by doubling into a fresh block.  The
 * waste is bounded by the final size. */
static void *arena_grow(struct arena *a, void *old, size_t n, size_t *cap, size_t elem)
{
	void *p;

	if (n < *cap)
		return old;
	*cap = *cap ? *cap * 2 : 4;
	p = arena_array(a, *cap, elem);
	if (n)
		memcpy(p, old, n * elem);
	return p;
}

struct section *document_add_section(struct document *doc, const char *id, const char *title)
{
	struct section *s;

	doc->sections = arena_grow(doc->arena, doc->sections, doc->n_sections, &doc->cap_sections,
				   sizeof(*doc->sections));
	s = &doc->sections[doc->n_sections++];
	memset(s, 0, sizeof(*s));
	s->id = arena_strdup(doc->arena, id);
	if (!title)
		title = section_default_title(id);
	s->title = arena_strdup(doc->arena, title ? title : id);
	return s;
}

/* Section string lists grow in place; capacity is implicit (next power of two). */
static const char **push_string(struct document *doc, const char **v, size_t *n, const char *text, size_t len)
{
	size_t cap = 0;

	if (*n) {
		cap = 4;
		while (cap < *n)
			cap *= 2;
	}
	v = arena_grow(doc->arena, v, *n, &cap, sizeof(*v));
	v[(*n)++] = arena_strndup(doc->arena, text, len);
	return v;
}

void section_add_para(struct document *doc, struct section *s, const char *text, size_t len)
{
	s->paras = push_string(doc, s->paras, &s->n_paras, text, len);
}

void section_add_item(struct document *doc, struct section *s, const char *text, size_t len)
{
	s->items = push_string(doc, s->items, &s->n_items, text, len);
}

const struct section *document_section(const struct document *doc, const char *id)
{
	int i = document_section_index(doc, id);

	return i < 0 ? NULL : &doc->sections[i];
}

int document_section_index(const struct document *doc, const char *id)
{
	for (size_t i = 0; i < doc->n_sections; i++)
		if (!strcmp(doc->sections[i].id, id))
			return (int)i;
	return -1;
}

static size_t count_words(const char *s)
{
	size_t n = 0;
	bool in = false;

	for (; *s; s++) {
		bool sp = *s == ' ' || *s == '\t' || *s == '\n';

		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

size_t document_word_count(const struct document *doc)
{
	size_t n = 0;

	for (size_t i = 0; i < doc->n_sections; i++) {
		const struct section *s = &doc->sections[i];

		for (size_t j = 0; j < s->n_paras; j++)
			n += count_words(s->paras[j]);
		for (size_t j = 0; j < s->n_items; j++)
			n += count_words(s->items[j]);
	}
	return n;
}

/* ---- loading ---- */

struct loader {
	const char *name;
	struct diags *d;
	struct document *doc;
	bool ok;
};

static void err(struct loader *L, const struct ynode *n, const char *fmt, ...) PRINTF_LIKE(3, 4);

static void err(struct loader *L, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diags_vadd(L->d, DIAG_ERROR, L->name, n->line, n->col, fmt, ap);
	va_end(ap);
	L->ok = false;
}

/* Text of map[key] (YNODE_* want flags); problems make the document fail. */
static const char *scalar(struct loader *L, const struct ynode *map, const char *key, unsigned want)
{
	size_t before = L->d->n_errors;
	const char *s = ynode_text(map, key, want, L->name, L->d);

	if (L->d->n_errors != before)
		L->ok = false;
	return s;
}

/* Trims each line and joins the lines of a paragraph with single spaces;
 * blank lines separate paragraphs. */
static void add_paragraphs(struct loader *L, struct section *s, const char *text)
{
	struct strbuf para = {0};
	const char *p = text;

	while (*p) {
		const char *eol = strchr(p, '\n');
		const char *end = eol ? eol : p + strlen(p);
		const char *a = p, *b = end;

		while (a < b && (*a == ' ' || *a == '\t' || *a == '\r'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
			b--;
		if (a == b) {
			if (para.len)
				section_add_para(L->doc, s, para.buf, para.len);
			sb_reset(&para);
		} else {
			if (para.len)
				sb_addc(&para, ' ');
			sb_add(&para, a, (size_t)(b - a));
		}
		p = eol ? eol + 1 : end;
	}
	if (para.len)
		section_add_para(L->doc, s, para.buf, para.len);
	sb_free(&para);
}

static void load_section(struct loader *L, const struct ynode *n)
{
	static const char *const keys[] = { "id", "title", "text", "items", NULL };
	const struct ynode *text, *items;
	const char *id, *title;
	struct section *s;

	if (!ynode_expect(n, YNODE_MAP, "section", L->name, L->d)) {
		L->ok = false;
		return;
	}
	if (!ynode_check_keys(n, keys, L->name, L->d))
		L->ok = false;
	id = scalar(L, n, "id", YNODE_REQUIRED);
	title = scalar(L, n, "title", YNODE_OPTIONAL);
	if (!id)
		return;
	if (!slug_valid(id)) {
		err(L, ynode_get(n, "id"), "section id '%s' must be lower case letters, digits and '-'", id);
		return;
	}
	if (document_section(L->doc, id)) {
		err(L, ynode_get(n, "id"), "duplicate section '%s'", id);
		return;
	}
	s = document_add_section(L->doc, id, title && *title ? title : NULL);
	s->line = n->line;
	text = ynode_get(n, "text");
	items = ynode_get(n, "items");
	if (!text && !items) {
		err(L, n, "section '%s' has neither 'text' nor 'items'", id);
		return;
	}
	if (text && scalar(L, n, "text", YNODE_OPTIONAL))
		add_paragraphs(L, s, text->str);
	if (items && ynode_expect(items, YNODE_SEQ, "items", L->name, L->d)) {
		for (size_t i = 0; i < items->n; i++) {
			const struct ynode *it = items->items[i];
			char *flat;

			if (it->kind != YNODE_SCALAR) {
				err(L, it, "each item must be text");
				continue;
			}
			/* An item is one paragraph: fold any line breaks. */
			flat = xstrdup(it->str);
			for (char *c = flat; *c; c++)
				if (*c == '\n' || *c == '\r' || *c == '\t')
					*c = ' ';
			if (*flat)
				section_add_item(L->doc, s, flat, strlen(flat));
			else
				err(L, it, "empty item");
			free(flat);
		}
	} else if (items) {
		L->ok = false;
	}
	if (!s->n_paras && !s->n_items)
		err(L, n, "section '%s' is empty", id);
}

static void load_root(struct loader *L, const struct ynode *root)
{
	static const char *const keys[] = { "country", "year", "tier", "title", "source",
					    "source_url", "source_pages", "complete", "sections", NULL };
	const struct ynode *n, *secs;
	const char *s;
	struct document *doc = L->doc;

	if (!ynode_expect(root, YNODE_MAP, "document", L->name, L->d)) {
		L->ok = false;
		return;
	}
	if (!ynode_check_keys(root, keys, L->name, L->d))
		L->ok = false;

	s = scalar(L, root, "country", YNODE_REQUIRED);
	if (s && !slug_valid(s))
		err(L, ynode_get(root, "country"), "country '%s' is not a slug (lower case, digits, '-')", s);
	else if (s)
		doc->country = arena_strdup(doc->arena, s);

	{
		size_t before = L->d->n_errors;
		long long y;

		if (ynode_number(root, "year", YNODE_OPTIONAL, YEAR_MIN, YEAR_MAX, &y, L->name, L->d))
			doc->year = (int)y;
		else if (L->d->n_errors != before)
			L->ok = false;
	}

	n = ynode_get(root, "tier");
	if (n && !ynode_is_null(n)) {
		s = scalar(L, root, "tier", YNODE_OPTIONAL);
		if (s && !tier_parse(s, &doc->tier))
			err(L, n, "unknown tier '%s' (expected 1, 2, 2 Watch List, 3 or Special Case)", s);
	}

	if ((s = scalar(L, root, "title", YNODE_OPTIONAL)))
		doc->title = arena_strdup(doc->arena, s);
	if ((s = scalar(L, root, "source", YNODE_OPTIONAL)))
		doc->source = arena_strdup(doc->arena, s);
	if ((s = scalar(L, root, "source_url", YNODE_OPTIONAL)))
		doc->source_url = arena_strdup(doc->arena, s);
	if ((s = scalar(L, root, "source_pages", YNODE_OPTIONAL)))
		doc->source_pages = arena_strdup(doc->arena, s);

	n = ynode_get(root, "complete");
	if (n && (s = scalar(L, root, "complete", YNODE_OPTIONAL))) {
		if (!strcmp(s, "true"))
			doc->complete = true;
		else if (!strcmp(s, "false"))
			doc->complete = false;
		else
			err(L, n, "'complete' must be true or false, not '%s'", s);
	}

	secs = ynode_get(root, "sections");
	if (!secs) {
		err(L, root, "missing required key 'sections'");
		return;
	}
	if (!ynode_expect(secs, YNODE_SEQ, "sections", L->name, L->d)) {
		L->ok = false;
		return;
	}
	if (secs->n == 0)
		err(L, secs, "a document needs at least one section");
	for (size_t i = 0; i < secs->n; i++)
		load_section(L, secs->items[i]);
}

struct document *document_parse(const char *name, const char *buf, size_t len, struct diags *d)
{
	struct loader L = { .name = name, .d = d, .ok = true };
	struct arena *tmp = arena_new();
	struct ynode *root = yaml_parse(name, buf, len, &yaml_content_limits, tmp, d);

	if (!root) {
		arena_free(tmp);
		return NULL;
	}
	L.doc = document_new();
	L.doc->path = arena_strdup(L.doc->arena, name);
	load_root(&L, root);
	ynode_report_unsafe(root, name, d);
	arena_free(tmp);
	if (!L.ok) {
		document_free(L.doc);
		return NULL;
	}
	return L.doc;
}

struct document *document_load(const char *path, struct diags *d)
{
	size_t len;
	char *buf = read_file(path, yaml_content_limits.max_file_size, &len);
	struct document *doc;

	if (!buf) {
		diags_file_error(d, path, errno, yaml_content_limits.max_file_size);
		return NULL;
	}
	doc = document_parse(path, buf, len, d);
	free(buf);
	return doc;
}

/* ---- writing ---- */

static bool write_section(yaml_emitter_t *e, const struct section *s)
{
	struct strbuf text = {0};
	bool ok;

	ok = yamlout_block(e, true, true) && yamlout_pair(e, "id", s->id, YAML_PLAIN_SCALAR_STYLE) &&
	     yamlout_pair(e, "title", s->title, YAML_ANY_SCALAR_STYLE);
	if (ok && s->n_paras) {
		for (size_t i = 0; i < s->n_paras; i++) {
			if (i)
				sb_adds(&text, "\n\n");
			sb_adds(&text, s->paras[i]);
		}
		sb_addc(&text, '\n');
		ok = yamlout_pair(e, "text", text.buf, YAML_LITERAL_SCALAR_STYLE);
	}
	if (ok && s->n_items) {
		ok = yamlout_scalar(e, "items", YAML_PLAIN_SCALAR_STYLE) && yamlout_block(e, false, true);
		for (size_t i = 0; ok && i < s->n_items; i++)
			ok = yamlout_scalar(e, s->items[i], YAML_ANY_SCALAR_STYLE);
		ok = ok && yamlout_block(e, false, false);
	}
	sb_free(&text);
	return ok && yamlout_block(e, true, false);
}

bool document_write(const struct document *doc, FILE *out)
{
	yaml_emitter_t e;
	char year[16];
	bool ok = yamlout_begin(&e, out) &&
		  yamlout_pair(&e, "country", doc->country ? doc->country : "", YAML_ANY_SCALAR_STYLE);

	if (ok && doc->year) {
		snprintf(year, sizeof(year), "%d", doc->year);
		ok = yamlout_pair(&e, "year", year, YAML_PLAIN_SCALAR_STYLE);
	}
	if (ok && doc->tier != TIER_NONE)
		ok = yamlout_pair(&e, "tier", tier_value(doc->tier), YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	if (ok && doc->title)
		ok = yamlout_pair(&e, "title", doc->title, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	if (ok && doc->source)
		ok = yamlout_pair(&e, "source", doc->source, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	if (ok && doc->source_url)
		ok = yamlout_pair(&e, "source_url", doc->source_url, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	if (ok && doc->source_pages)
		ok = yamlout_pair(&e, "source_pages", doc->source_pages, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	if (ok)
		ok = yamlout_pair(&e, "complete", doc->complete ? "true" : "false", YAML_PLAIN_SCALAR_STYLE);
	ok = ok && yamlout_scalar(&e, "sections", YAML_PLAIN_SCALAR_STYLE) && yamlout_block(&e, false, true);
	for (size_t i = 0; ok && i < doc->n_sections; i++)
		ok = write_section(&e, &doc->sections[i]);
	return yamlout_finish(&e, ok && yamlout_block(&e, false, false));
}
