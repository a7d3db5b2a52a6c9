/* country.c — countries.yaml and lookup by slug, ISO code, alias or prefix. */
#include "config.h"

#include "content/country.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "base/arena.h"
#include "content/document.h"
#include "text/fold.h"
#include "base/paths.h"
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
	size_t *by_slug;       /* indices of v sorted by slug, for lookups */
	bool indexed, sorted, slugs_sorted;
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

static int cmp_slug(const void *a, const void *b)
{
	return strcmp(sort_base[*(const size_t *)a].c.slug, sort_base[*(const size_t *)b].c.slug);
}

/* The index of the entry with this slug, or SIZE_MAX (binary search). */
static size_t find_slug(const struct countries *ccs, const char *slug)
{
	struct countries *cs = (struct countries *)ccs;
	size_t lo = 0, hi = cs->n;

	if (!cs->slugs_sorted) {
		free(cs->by_slug);
		cs->by_slug = xcalloc(cs->n + 1, sizeof(*cs->by_slug));
		for (size_t i = 0; i < cs->n; i++)
			cs->by_slug[i] = i;
		sort_base = cs->v;
		qsort(cs->by_slug, cs->n, sizeof(*cs->by_slug), cmp_slug);
		cs->slugs_sorted = true;
	}
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = strcmp(cs->v[cs->by_slug[mid]].c.slug, slug);

		if (!r)
			return cs->by_slug[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

/* Keeps the slug index sorted as entries arrive (v[n - 1] is new); the
 * collation order and keys are rebuilt on their next use. */
static void entry_added(struct countries *cs)
{
	size_t i = cs->n - 1, lo = 0, hi = i;

	cs->indexed = cs->sorted = false;
	if (!cs->slugs_sorted)
		return;
	cs->by_slug = xreallocarray(cs->by_slug, cs->n + 1, sizeof(*cs->by_slug));
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(cs->v[cs->by_slug[mid]].c.slug, cs->v[i].c.slug) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	memmove(cs->by_slug + lo + 1, cs->by_slug + lo, (i - lo) * sizeof(*cs->by_slug));
	cs->by_slug[lo] = i;
}

/* A new entry with room for max_aliases aliases (added by the caller). */
static struct entry *add_entry(struct countries *cs, const char *slug, const char *name,
			       const char *short_name, const char *iso3, const char *region, unsigned line,
			       size_t max_aliases)
{
	struct entry *e;

	GROW(cs->v, cs->cap, cs->n + 1);
	e = &cs->v[cs->n++];
	memset(e, 0, sizeof(*e));
	e->c.slug = arena_strdup(cs->arena, slug);
	e->c.name = arena_strdup(cs->arena, name);
	e->c.short_name = short_name ? arena_strdup(cs->arena, short_name) : NULL;
	e->c.iso3 = arena_strdup(cs->arena, iso3);
	e->c.region = region ? arena_strdup(cs->arena, region) : NULL;
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

	e = add_entry(cs, slug, name, short_name, iso3, region, m->line, aliases ? aliases->n : 0);
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

struct countries *countries_load(const char *path, struct diags *d)
{
	struct arena *tmp = arena_new();
	struct ynode *root = yaml_load_file(path, &yaml_content_limits, tmp, d);
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

/* ---- the binary cache of a table ----
 *
 * Parsing countries.yaml is a quarter of the reader's start-up; a table
 * read without a problem is kept in binary beside the other caches, under
 * the identity of the file it came from (device, inode, size, nanosecond
 * mtime), and taken from there while the file is unchanged.  A table is
 * cached only once its file has settled (two seconds old), so an edit in
 * the same clock tick cannot hide. */

#define CACHE_MAGIC "TIPRCTY1"
#define NO_STRING UINT32_MAX

struct stamp {
	uint64_t dev, ino, size, sec, nsec;
};

static void stamp_of(const struct stat *st, struct stamp *s)
{
	*s = (struct stamp){ (uint64_t)st->st_dev, (uint64_t)st->st_ino, (uint64_t)st->st_size,
			     (uint64_t)st->st_mtim.tv_sec, (uint64_t)st->st_mtim.tv_nsec };
}

static void put_str(FILE *f, const char *s)
{
	uint32_t n = s ? (uint32_t)strlen(s) : NO_STRING;

	fwrite(&n, sizeof(n), 1, f);
	if (s)
		fwrite(s, 1, n, f);
}

struct cache_out {
	const struct countries *cs;
	struct stamp stamp;
};

static bool write_cache(FILE *f, void *arg)
{
	const struct cache_out *o = arg;
	uint64_t n = o->cs->n;

	fwrite(CACHE_MAGIC, 1, 8, f);
	fwrite(&o->stamp, sizeof(o->stamp), 1, f);
	fwrite(&n, sizeof(n), 1, f);
	for (size_t i = 0; i < o->cs->n; i++) {
		const struct country *c = &o->cs->v[i].c;
		uint32_t head[2] = { c->line, (uint32_t)c->n_aliases };

		fwrite(head, sizeof(head), 1, f);
		put_str(f, c->slug);
		put_str(f, c->name);
		put_str(f, c->short_name);
		put_str(f, c->iso3);
		put_str(f, c->region);
		for (size_t k = 0; k < c->n_aliases; k++)
			put_str(f, c->aliases[k]);
	}
	return !ferror(f);
}

struct cache_in {
	const char *p, *end;
	bool ok;
};

static void get(struct cache_in *in, void *out, size_t n)
{
	if (!in->ok || (size_t)(in->end - in->p) < n) {
		in->ok = false;
		memset(out, 0, n);
		return;
	}
	memcpy(out, in->p, n);
	in->p += n;
}

/* A string of the cache, copied into the table's arena (NULL: absent). */
static const char *get_str(struct cache_in *in, struct arena *a, bool required)
{
	uint32_t n;
	const char *s;

	get(in, &n, sizeof(n));
	if (!in->ok || (n == NO_STRING && !required))
		return NULL;
	if (n == NO_STRING || (size_t)(in->end - in->p) < n || memchr(in->p, '\0', n)) {
		in->ok = false;
		return NULL;
	}
	s = arena_strndup(a, in->p, n);
	in->p += n;
	return s;
}

/* The table from the cache file when it is intact and of this file as it is. */
static struct countries *read_cache(const char *cache, const struct stamp *want)
{
	size_t len;
	char *buf = read_file(cache, 16u << 20, &len);
	struct cache_in in = { buf, buf + len, buf != NULL };
	struct countries *cs;
	struct stamp got;
	char magic[8];
	uint64_t n;

	get(&in, magic, 8);
	get(&in, &got, sizeof(got));
	get(&in, &n, sizeof(n));
	if (!in.ok || memcmp(magic, CACHE_MAGIC, 8) || memcmp(&got, want, sizeof(got)) || n > len) {
		free(buf);
		return NULL;
	}
	cs = countries_new_empty();
	for (uint64_t i = 0; i < n && in.ok; i++) {
		uint32_t head[2];
		const char *slug, *name, *short_name, *iso3, *region;
		struct entry *e;

		get(&in, head, sizeof(head));
		slug = get_str(&in, cs->arena, true);
		name = get_str(&in, cs->arena, true);
		short_name = get_str(&in, cs->arena, false);
		iso3 = get_str(&in, cs->arena, true);
		region = get_str(&in, cs->arena, false);
		if (!in.ok || head[1] > len)
			break;
		e = add_entry(cs, slug, name, short_name, iso3, region, head[0], head[1]);
		for (uint32_t k = 0; k < head[1] && in.ok; k++) {
			const char *alias = get_str(&in, cs->arena, true);

			if (alias)
				e->c.aliases[e->c.n_aliases++] = alias;
		}
		entry_added(cs);
	}
	free(buf);
	if (!in.ok || in.p != in.end) {
		countries_free(cs);
		return NULL;
	}
	return cs;
}

struct countries *countries_load_cached(const char *path, const char *cache, struct diags *d)
{
	struct cache_out out;
	struct countries *cs;
	struct stat st;
	size_t before = d->n;

	if (!cache || stat(path, &st) != 0)
		return countries_load(path, d);
	stamp_of(&st, &out.stamp);
	if ((cs = read_cache(cache, &out.stamp)))
		return cs;
	cs = countries_load(path, d);
	/* Only a table read without a word of complaint (the complaints must
	 * come again next time), from a file that has settled. */
	if (cs && d->n == before && time(NULL) - st.st_mtim.tv_sec >= 2) {
		out.cs = cs;
		paths_write_atomic(cache, 0, write_cache, &out);
	}
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
			      src->n_aliases);
		for (size_t k = 0; k < src->n_aliases; k++)
			e->c.aliases[e->c.n_aliases++] = arena_strdup(cs->arena, src->aliases[k]);
		entry_added(cs);
		added++;
	}
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

size_t countries_rank(const struct countries *cs, const char *slug)
{
	size_t i = find_slug(cs, slug);

	if (i == SIZE_MAX)
		return SIZE_MAX;
	ensure_sorted(cs);
	return cs->rank[i];
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
