/* country.c — countries.yaml and lookup by slug, ISO code, alias or prefix. */
#include "config.h"

#include "content/country.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/arena.h"
#include "base/cachefile.h"
#include "content/document.h"
#include "text/fold.h"
#include "base/util.h"
#include "base/yamltree.h"

/* Matching keys of one country; each is folded (fold.h). */
struct entry {
	struct country c;
	char *sort_key;
	char **keys;   /* folded name, short name, aliases, slug with spaces */
	size_t n_keys;
	char **loose;  /* the same keys reduced to letters and digits, "the" dropped */
};

/* The folded keys and the collation order are built on first use: a reader
 * opened at "korea-north" needs neither, and they cost most of loading. */
struct countries {
	struct arena *arena;
	struct entry *v;       /* in file order; pointers into it stay valid */
	size_t n, cap;
	size_t *order;         /* indices of v in collation order, once sorted */
	size_t *rank;          /* rank[i]: position of v[i] in that order */
	/* Lookups by slug, the commonest question (a corpus asks it for each
	 * of its countries as it opens): an open-addressing table of 1 + the
	 * index in v, 0 for a free slot; 0 slots until the first lookup. */
	size_t *by_slug, slug_slots;
	bool indexed, sorted;
	char *kept;            /* the cache the entries' strings point into, if any */
};

struct countries *countries_new_empty(void)
{
	struct countries *cs = xcalloc(1, sizeof(*cs));

	cs->arena = arena_new();
	return cs;
}

void countries_free(struct countries *cs)
{
	if (!cs)
		return;
	for (size_t i = 0; i < cs->n; i++) {
		free(cs->v[i].sort_key);
		for (size_t k = 0; k < cs->v[i].n_keys; k++) {
			free(cs->v[i].keys[k]);
			free(cs->v[i].loose[k]);
		}
		free(cs->v[i].keys);
		free(cs->v[i].loose);
	}
	free(cs->v);
	free(cs->order);
	free(cs->rank);
	free(cs->by_slug);
	free(cs->kept);
	arena_free(cs->arena);
	free(cs);
}

static bool word_at(const char *s, const char *w)
{
	size_t n = strlen(w);

	return strncmp(s, w, n) == 0 && (s[n] == '\0' || s[n] == ' ' || s[n] == ',');
}

/* "The Gambia", "Gambia, The" and "GAMBIA" all reduce to "gambia". */
static char *loose_key(const char *folded)
{
	size_t n = strlen(folded);
	char *out = xmalloc(n + 1), *o = out;
	const char *p = folded, *end = folded + n;

	if (word_at(p, "the"))
		p += 3;
	if (end - p >= 5 && (!strcmp(end - 5, ", the") || !strcmp(end - 4, " the")))
		end -= end[-5] == ',' ? 5 : 4;
	for (; p < end; p++)
		if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
			*o++ = *p;
	*o = '\0';
	return out;
}

static void add_key(struct entry *e, const char *text)
{
	char *f = fold_dup(text);

	e->keys = xreallocarray(e->keys, e->n_keys + 1, sizeof(*e->keys));
	e->loose = xreallocarray(e->loose, e->n_keys + 1, sizeof(*e->loose));
	e->keys[e->n_keys] = f;
	e->loose[e->n_keys] = loose_key(f);
	e->n_keys++;
}

static void index_entry(struct entry *e)
{
	char *slug_words = xstrdup(e->c.slug);
	const char *comma;

	for (char *p = slug_words; *p; p++)
		if (*p == '-')
			*p = ' ';
	add_key(e, e->c.name);
	/* "Korea, Republic of" is also written "Republic of Korea". */
	if ((comma = strstr(e->c.name, ", "))) {
		char *inverted = xasprintf("%s %.*s", comma + 2, (int)(comma - e->c.name), e->c.name);

		add_key(e, inverted);
		free(inverted);
	}
	if (e->c.short_name)
		add_key(e, e->c.short_name);
	for (size_t i = 0; i < e->c.n_aliases; i++)
		add_key(e, e->c.aliases[i]);
	add_key(e, slug_words);
	free(slug_words);
}

/* The lookup keys of every entry (a cache: const callers may fill it). */
static void ensure_index(const struct countries *ccs)
{
	struct countries *cs = (struct countries *)ccs;

	if (cs->indexed)
		return;
	for (size_t i = 0; i < cs->n; i++)
		if (!cs->v[i].n_keys)
			index_entry(&cs->v[i]);
	cs->indexed = true;
}

static const struct entry *sort_base;

static int cmp_order(const void *a, const void *b)
{
	const struct entry *x = &sort_base[*(const size_t *)a], *y = &sort_base[*(const size_t *)b];
	int r = strcmp(x->sort_key, y->sort_key);

	return r ? r : strcmp(x->c.slug, y->c.slug);
}

static void ensure_sorted(const struct countries *ccs)
{
	struct countries *cs = (struct countries *)ccs;

	if (cs->sorted)
		return;
	free(cs->order);
	free(cs->rank);
	cs->order = xcalloc(cs->n + 1, sizeof(*cs->order));
	cs->rank = xcalloc(cs->n + 1, sizeof(*cs->rank));
	for (size_t i = 0; i < cs->n; i++) {
		if (!cs->v[i].sort_key)
			cs->v[i].sort_key = collate_key(country_display_name(&cs->v[i].c));
		cs->order[i] = i;
	}
	sort_base = cs->v;
	qsort(cs->order, cs->n, sizeof(*cs->order), cmp_order);
	for (size_t i = 0; i < cs->n; i++)
		cs->rank[cs->order[i]] = i;
	cs->sorted = true;
}

static size_t slug_hash(const char *slug)
{
	size_t h = 14695981039346656037u;

	for (const unsigned char *p = (const unsigned char *)slug; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return h;
}

/* Puts v[i] in the slug table, which has room. */
static void slug_insert(struct countries *cs, size_t i)
{
	size_t mask = cs->slug_slots - 1, h = slug_hash(cs->v[i].c.slug) & mask;

	while (cs->by_slug[h])
		h = (h + 1) & mask;
	cs->by_slug[h] = i + 1;
}

/* The index of the entry with this slug, or SIZE_MAX: of two entries
 * with one slug, the first (the table is filled in order). */
static size_t find_slug(const struct countries *ccs, const char *slug)
{
	struct countries *cs = (struct countries *)ccs;
	size_t mask, h;

	if (!cs->slug_slots) {
		size_t slots = 16;

		while (slots < 2 * cs->n + 2)
			slots *= 2;
		cs->by_slug = xcalloc(slots, sizeof(*cs->by_slug));
		cs->slug_slots = slots;
		for (size_t i = 0; i < cs->n; i++)
			slug_insert(cs, i);
	}
	mask = cs->slug_slots - 1;
	for (h = slug_hash(slug) & mask; cs->by_slug[h]; h = (h + 1) & mask)
		if (!strcmp(cs->v[cs->by_slug[h] - 1].c.slug, slug))
			return cs->by_slug[h] - 1;
	return SIZE_MAX;
}

/* Keeps the slug table current as entries arrive (v[n - 1] is new): one
 * more entry, or a larger table made at the next lookup; the collation
 * order and keys are rebuilt on their next use. */
static void entry_added(struct countries *cs)
{
	cs->indexed = cs->sorted = false;
	if (!cs->slug_slots)
		return;
	if (2 * cs->n + 2 > cs->slug_slots) {
		free(cs->by_slug);
		cs->by_slug = NULL;
		cs->slug_slots = 0;
		return;
	}
	slug_insert(cs, cs->n - 1);
}

/* A copy of s (NULL for NULL) in the table's arena, or s itself when it
 * already lives as long as the table (copy false). */
static const char *own(struct countries *cs, const char *s, bool copy)
{
	return s && copy ? arena_strdup(cs->arena, s) : s;
}

/* A new entry with room for max_aliases aliases (added by the caller);
 * its strings copied, or (copy false) kept as they are. */
static struct entry *add_entry(struct countries *cs, const char *slug, const char *name,
			       const char *short_name, const char *iso3, const char *region, unsigned line,
			       size_t max_aliases, bool copy)
{
	struct entry *e;

	GROW(cs->v, cs->cap, cs->n + 1);
	e = &cs->v[cs->n++];
	memset(e, 0, sizeof(*e));
	e->c.slug = own(cs, slug, copy);
	e->c.name = own(cs, name, copy);
	e->c.short_name = own(cs, short_name, copy);
	e->c.iso3 = own(cs, iso3, copy);
	e->c.region = own(cs, region, copy);
	e->c.line = line;
	e->c.aliases = arena_array(cs->arena, max_aliases, sizeof(*e->c.aliases));
	return e;
}

static bool load_entry(struct countries *cs, const struct ynode *m, const char *file, struct diags *d)
{
	static const char *const keys[] = { "slug", "name", "short", "iso3", "aliases", "region", NULL };
	const char *slug, *name, *iso3, *region, *short_name;
	const struct ynode *aliases;
	struct entry *e;
	size_t before = d->n_errors;

	if (!ynode_expect(m, YNODE_MAP, "country entry", file, d))
		return false;
	ynode_check_keys(m, keys, file, d);
	slug = ynode_text(m, "slug", YNODE_REQUIRED | YNODE_NONEMPTY, file, d);
	name = ynode_text(m, "name", YNODE_REQUIRED | YNODE_NONEMPTY, file, d);
	iso3 = ynode_text(m, "iso3", YNODE_REQUIRED | YNODE_NONEMPTY, file, d);
	region = ynode_text(m, "region", YNODE_NONEMPTY, file, d);
	short_name = ynode_text(m, "short", YNODE_NONEMPTY, file, d);
	aliases = ynode_get(m, "aliases");
	if (aliases && !ynode_expect(aliases, YNODE_SEQ, "aliases", file, d))
		aliases = NULL;
	if (slug && !slug_valid(slug))
		diags_add(d, DIAG_ERROR, file, m->line, m->col, "slug '%s' must be lower case letters, digits and '-'", slug);
	if (iso3 && (strlen(iso3) != 3 || !isupper((unsigned char)iso3[0]) ||
		     !isupper((unsigned char)iso3[1]) || !isupper((unsigned char)iso3[2])))
		diags_add(d, DIAG_ERROR, file, m->line, m->col, "iso3 '%s' must be three capital letters", iso3);
	if (slug && countries_by_slug(cs, slug))
		diags_add(d, DIAG_ERROR, file, m->line, m->col, "duplicate country slug '%s'", slug);
	if (d->n_errors != before)
		return false;

	e = add_entry(cs, slug, name, short_name, iso3, region, m->line, aliases ? aliases->n : 0, true);
	if (aliases) {
		for (size_t i = 0; i < aliases->n; i++) {
			const struct ynode *a = aliases->items[i];

			if (a->kind != YNODE_SCALAR || !a->len) {
				diags_add(d, DIAG_ERROR, file, a->line, a->col, "each alias must be non-empty text");
				continue;
			}
			e->c.aliases[e->c.n_aliases++] = arena_strdup(cs->arena, a->str);
		}
	}
	entry_added(cs);
	return true;
}

/* The table in a parsed file (root and everything under it in tmp, which
 * is freed here); NULL when the file is not a countries table. */
static struct countries *table_from(const char *path, struct ynode *root, struct arena *tmp,
				    struct diags *d)
{
	const struct ynode *list;
	struct countries *cs;

	if (!root) {
		arena_free(tmp);
		return NULL;
	}
	list = root->kind == YNODE_MAP ? ynode_get(root, "countries") : NULL;
	if (!list || !ynode_expect(list, YNODE_SEQ, "countries", path, d)) {
		if (!list)
			diags_add(d, DIAG_ERROR, path, root->line, root->col,
				  "expected a mapping with a 'countries' list");
		arena_free(tmp);
		return NULL;
	}
	cs = countries_new_empty();
	for (size_t i = 0; i < list->n; i++)
		load_entry(cs, list->items[i], path, d);
	ynode_report_unsafe(root, path, d);
	arena_free(tmp);
	return cs;
}

struct countries *countries_load(const char *path, struct diags *d)
{
	struct arena *tmp = arena_new();

	return table_from(path, yaml_load_file(path, &yaml_content_limits, tmp, d), tmp, d);
}

/* ---- the binary cache of a table ----
 *
 * Parsing countries.yaml is a quarter of the reader's start-up; a table
 * read without a problem is kept in binary beside the other caches
 * (cachefile.h), under the stamp of the file it came from (and the
 * checksum of its bytes, while it is too young for its stamp to be
 * trusted), and taken from there while the file is unchanged.  The names'
 * collation order goes with it (under the ICU version that made it): the
 * reader's tree wants it at once, and it took as long as the table. */

#define CACHE_MAGIC "TIPRCTRY"
#define CACHE_VERSION 3u

static bool put_entry(struct cachefile_writer *w, const struct country *c)
{
	bool ok = cachefile_put_u32(w, c->line) && cachefile_put_u32(w, (uint32_t)c->n_aliases) &&
		  cachefile_put_str(w, c->slug) && cachefile_put_str(w, c->name) &&
		  cachefile_put_str(w, c->short_name) && cachefile_put_str(w, c->iso3) &&
		  cachefile_put_str(w, c->region);

	for (size_t k = 0; ok && k < c->n_aliases; k++)
		ok = cachefile_put_str(w, c->aliases[k]);
	return ok;
}

static void write_cache(const char *cache, const struct countries *cs, const struct cache_source *src)
{
	struct cachefile_writer *w = cachefile_create(cache, CACHE_MAGIC, CACHE_VERSION, 1);
	bool ok = w && cachefile_write(w, src, sizeof(*src)) && cachefile_put_u64(w, cs->n);

	for (size_t i = 0; ok && i < cs->n; i++)
		ok = put_entry(w, &cs->v[i].c);
	ensure_sorted(cs);
	ok = ok && cachefile_put_str(w, collate_version());
	for (size_t i = 0; ok && i < cs->n; i++)
		ok = cachefile_put_u32(w, (uint32_t)cs->order[i]);
	/* Only a cache: a table that cannot be kept is read again next time. */
	if (ok)
		cachefile_commit(w);
	else if (w)
		cachefile_abort(w);
}

/* The collation order kept after the entries, taken when it is of this ICU
 * and a permutation of them (else worked out again when wanted). */
static void read_cached_order(struct cache_in *in, struct countries *cs)
{
	const char *version = cache_get_copy(in, cs->arena, true);
	size_t *order = xcalloc(cs->n + 1, sizeof(*order)), *rank = xcalloc(cs->n + 1, sizeof(*rank));
	bool ok = version && !strcmp(version, collate_version());

	for (size_t i = 0; i < cs->n; i++)
		rank[i] = SIZE_MAX;
	for (size_t i = 0; i < cs->n && in->ok; i++) {
		uint32_t k = cache_get_u32(in);

		if (k >= cs->n || rank[k] != SIZE_MAX) {
			ok = false;
			continue;
		}
		order[i] = k;
		rank[k] = i;
	}
	if (!ok || !in->ok) {
		free(order);
		free(rank);
		return;
	}
	free(cs->order);
	free(cs->rank);
	cs->order = order;
	cs->rank = rank;
	cs->sorted = true;
}

/* The table from the cache file when it is intact and of path as it is. */
static struct countries *read_cache(const char *cache, const char *path)
{
	size_t len;
	char *buf = cachefile_load(cache, CACHE_MAGIC, CACHE_VERSION, 16u << 20, &len);
	struct countries *cs;
	struct cache_source src;
	struct cache_in in;
	uint64_t n;

	cache_in_init(&in, buf, len);
	cache_get(&in, &src, sizeof(src));
	n = cache_get_u64(&in);
	if (!in.ok || n > len || !cache_source_current(path, NULL, &src)) {
		free(buf);
		return NULL;
	}
	cs = countries_new_empty();
	for (uint64_t i = 0; i < n && in.ok; i++) {
		uint32_t line = cache_get_u32(&in), n_aliases = cache_get_u32(&in);
		const char *slug, *name, *short_name, *iso3, *region;
		struct entry *e;

		/* Used where they are: the cache's bytes are kept with the table. */
		slug = cache_get_text(&in, true);
		name = cache_get_text(&in, true);
		short_name = cache_get_text(&in, false);
		iso3 = cache_get_text(&in, true);
		region = cache_get_text(&in, false);
		if (!in.ok || n_aliases > len)
			break;
		e = add_entry(cs, slug, name, short_name, iso3, region, line, n_aliases, false);
		for (uint32_t k = 0; k < n_aliases && in.ok; k++) {
			const char *alias = cache_get_text(&in, true);

			if (alias)
				e->c.aliases[e->c.n_aliases++] = alias;
		}
		entry_added(cs);
	}
	read_cached_order(&in, cs);
	cs->kept = buf;
	if (!in.ok || in.p != in.end) {
		countries_free(cs);
		return NULL;
	}
	return cs;
}

struct countries *countries_load_cached(const char *path, const char *cache, struct diags *d)
{
	struct cache_source src;
	struct countries *cs;
	struct arena *tmp;
	size_t before = d->n, len;
	char *buf;

	if (!cache)
		return countries_load(path, d);
	if ((cs = read_cache(cache, path)))
		return cs;
	/* What cannot be read is reported by the ordinary way in. */
	if (!(buf = cache_read_source(path, yaml_content_limits.max_file_size, &len, &src)))
		return countries_load(path, d);
	tmp = arena_new();
	cs = table_from(path, yaml_parse(path, buf, len, &yaml_content_limits, tmp, d), tmp, d);
	free(buf);
	/* Only a table read without a word of complaint: the complaints must
	 * come again next time. */
	if (cs && d->n == before)
		write_cache(cache, cs, &src);
	return cs;
}

size_t countries_merge(struct countries *cs, const struct countries *other)
{
	size_t added = 0;

	for (size_t i = 0; i < other->n; i++) {
		const struct country *src = &other->v[i].c;
		struct entry *e;

		if (countries_by_slug(cs, src->slug))
			continue;
		e = add_entry(cs, src->slug, src->name, src->short_name, src->iso3, src->region, src->line,
			      src->n_aliases, true);
		for (size_t k = 0; k < src->n_aliases; k++)
			e->c.aliases[e->c.n_aliases++] = arena_strdup(cs->arena, src->aliases[k]);
		entry_added(cs);
		added++;
	}
	/* Into an empty table (a corpus's first): the same entries in the same
	 * places, so the same order, which a cached table brings with it. */
	if (added == cs->n && added == other->n && other->sorted) {
		free(cs->order);
		free(cs->rank);
		cs->order = xcalloc(cs->n + 1, sizeof(*cs->order));
		cs->rank = xcalloc(cs->n + 1, sizeof(*cs->rank));
		memcpy(cs->order, other->order, cs->n * sizeof(*cs->order));
		memcpy(cs->rank, other->rank, cs->n * sizeof(*cs->rank));
		cs->sorted = true;
	}
	return added;
}

size_t countries_absorb(struct countries *cs, struct countries *other)
{
	size_t added;

	if (!cs->n) {
		/* A corpus's first table: taken whole, its order with it. */
		struct countries empty = *cs;

		*cs = *other;
		*other = empty;
		added = cs->n;
	} else {
		added = countries_merge(cs, other);
	}
	countries_free(other);
	return added;
}

size_t countries_count(const struct countries *cs)
{
	return cs->n;
}

const struct country *countries_at(const struct countries *cs, size_t i)
{
	if (i >= cs->n)
		return NULL;
	ensure_sorted(cs);
	return &cs->v[cs->order[i]].c;
}

const struct country *countries_by_slug(const struct countries *cs, const char *slug)
{
	size_t i = find_slug(cs, slug);

	return i == SIZE_MAX ? NULL : &cs->v[i].c;
}

const struct country *countries_by_slug_ranked(const struct countries *cs, const char *slug, size_t *rank)
{
	size_t i = find_slug(cs, slug);

	*rank = SIZE_MAX;
	if (i == SIZE_MAX)
		return NULL;
	ensure_sorted(cs);
	*rank = cs->rank[i];
	return &cs->v[i].c;
}

size_t countries_rank(const struct countries *cs, const char *slug)
{
	size_t rank;

	countries_by_slug_ranked(cs, slug, &rank);
	return rank;
}

const char *country_display_name(const struct country *c)
{
	return c->short_name ? c->short_name : c->name;
}

static void add_cand(const struct country *c, const struct country **cands, size_t max,
		     size_t *n)
{
	for (size_t i = 0; i < *n && i < max; i++)
		if (cands[i] == c)
			return;
	if (cands && *n < max)
		cands[*n] = c;
	(*n)++;
}

enum lookup_result countries_lookup(const struct countries *cs, const char *query,
				    const struct country **out, const struct country **cands,
				    size_t max_cands, size_t *n_cands)
{
	const struct country *found[16];
	size_t n = 0;
	char *q, *ql;
	enum lookup_result r;

	*out = NULL;
	if (n_cands)
		*n_cands = 0;
	for (size_t i = 0; i < cs->n; i++) {
		if (!strcasecmp(cs->v[i].c.slug, query) || !strcasecmp(cs->v[i].c.iso3, query)) {
			*out = &cs->v[i].c;
			return LOOKUP_FOUND;
		}
	}
	ensure_index(cs);
	q = fold_dup(query);
	ql = loose_key(q);
	if (!*ql) {
		free(q);
		free(ql);
		return LOOKUP_NONE;
	}
	/* Exact key first: "niger" must not be ambiguous with "nigeria". */
	for (size_t i = 0; i < cs->n; i++)
		for (size_t k = 0; k < cs->v[i].n_keys; k++)
			if (!strcmp(cs->v[i].loose[k], ql)) {
				add_cand(&cs->v[i].c, found, ARRAY_SIZE(found), &n);
				break;
			}
	if (n == 0) {
		size_t qn = strlen(q);

		for (size_t i = 0; i < cs->n; i++)
			for (size_t k = 0; k < cs->v[i].n_keys; k++)
				if (!strncmp(cs->v[i].keys[k], q, qn)) {
					add_cand(&cs->v[i].c, found, ARRAY_SIZE(found), &n);
					break;
				}
	}
	free(q);
	free(ql);
	if (n == 1) {
		*out = found[0];
		r = LOOKUP_FOUND;
	} else if (n == 0) {
		r = LOOKUP_NONE;
	} else {
		r = LOOKUP_AMBIGUOUS;
		if (cands)
			for (size_t i = 0; i < n && i < max_cands && i < ARRAY_SIZE(found); i++)
				cands[i] = found[i];
		if (n_cands)
			*n_cands = n;
	}
	return r;
}

const struct country *countries_match_name(const struct countries *cs, const char *text)
{
	char *f, *l;
	const struct country *hit = NULL;

	ensure_index(cs);
	f = fold_dup(text);
	l = loose_key(f);

	for (size_t i = 0; i < cs->n && !hit && *l; i++)
		for (size_t k = 0; k < cs->v[i].n_keys; k++)
			if (!strcmp(cs->v[i].loose[k], l)) {
				hit = &cs->v[i].c;
				break;
			}
	free(f);
	free(l);
	return hit;
}
