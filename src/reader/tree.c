/* tree.c — groups of documents, expansion, filter, and the visible rows. */
#include "config.h"

#include "reader/tree.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "text/fold.h"

struct group {
	const char *label;
	const size_t *docs;  /* indices into coll->docs, or NULL: first, first + 1, ... */
	size_t first, n;
	bool expanded;
};

/* Whether the group holds the collection's document di. */
static bool group_has(const struct group *g, size_t di)
{
	if (!g->docs)
		return di >= g->first && di < g->first + g->n;
	for (size_t i = 0; i < g->n; i++)
		if (g->docs[i] == di)
			return true;
	return false;
}

/* The collection's index of a group's i-th document. */
static size_t group_doc(const struct group *g, size_t i)
{
	return g->docs ? g->docs[i] : g->first + i;
}

struct tree {
	struct corpus *corpus;
	struct collection *coll;
	enum tree_mode mode;
	struct arena *arena;     /* labels and groups; rebuilt with the collection */
	struct group *groups;
	size_t n_groups;
	bool *doc_expanded;      /* per document of the collection */
	bool *doc_matches;       /* per document: its country passes the filter */
	struct year_label {
		int year;
		const char *label; /* in the arena, rebuilt with it */
	} *year_labels;
	size_t n_year_labels, cap_year_labels;
	char *filter, *folded_filter;
	struct tree_row *rows;
	size_t n_rows, cap_rows;
	size_t selected;
};

/* A country's documents: one run of the collection (sorted by slug, year). */
struct run {
	size_t start, n;
	size_t rank;                    /* of the country in collation order */
	const struct country *country;  /* NULL when the table lacks it */
};

/* Puts runs (ranked among n_countries, or SIZE_MAX when the table lacks
 * them) in rank order, the unranked last in the order they came: each
 * country has one run and one rank, so every ranked run has a place of
 * its own, and a run is never empty, so a place with one is taken. */
static void order_runs(struct run *runs, size_t n_runs, size_t n_countries)
{
	struct run *placed = xcalloc(n_countries + n_runs + 1, sizeof(*placed));
	size_t k = 0, unranked = n_countries;

	for (size_t r = 0; r < n_runs; r++)
		placed[runs[r].rank < n_countries ? runs[r].rank : unranked++] = runs[r];
	for (size_t i = 0; i < unranked; i++)
		if (placed[i].n)
			runs[k++] = placed[i];
	free(placed);
}

/* The collection's countries (runs of its documents) in collation order,
 * each ranked once rather than per document, into *runs_out (owned by the
 * caller); their count returned. */
static size_t country_runs(const struct tree *t, struct run **runs_out)
{
	const struct countries *cs = corpus_countries(t->corpus);
	const struct collection *coll = t->coll;
	struct run *runs = xcalloc(coll->n_runs + 1, sizeof(*runs));

	for (size_t r = 0; r < coll->n_runs; r++) {
		runs[r].start = coll->runs[r];
		runs[r].n = coll->runs[r + 1] - coll->runs[r];
		runs[r].country = countries_by_slug_ranked(cs, coll->docs[coll->runs[r]].slug, &runs[r].rank);
	}
	order_runs(runs, coll->n_runs, countries_count(cs));
	*runs_out = runs;
	return coll->n_runs;
}

/* "2022", made once per year and kept in the tree's arena (a corpus has
 * thousands of documents but a few dozen years). */
static const char *tree_year_label(struct tree *t, int year)
{
	char buf[12];

	if (!year)
		return year_label(year, buf);
	for (size_t i = 0; i < t->n_year_labels; i++)
		if (t->year_labels[i].year == year)
			return t->year_labels[i].label;
	year_label(year, buf);
	GROW(t->year_labels, t->cap_year_labels, t->n_year_labels + 1);
	t->year_labels[t->n_year_labels].year = year;
	t->year_labels[t->n_year_labels].label = arena_strdup(t->arena, buf);
	return t->year_labels[t->n_year_labels++].label;
}

const char *tree_country_name(const struct tree *t, const char *slug)
{
	const struct country *c = countries_by_slug(corpus_countries(t->corpus), slug);

	return c ? country_display_name(c) : slug;
}

static struct group *add_group(struct tree *t, const char *label, const size_t *docs, size_t first, size_t n)
{
	struct group *g = &t->groups[t->n_groups++];

	g->label = label;
	g->docs = docs;
	g->first = first;
	g->n = n;
	g->expanded = false;
	return g;
}

/* Groups of the current mode: countries in collation order with their
 * years, or years (undated last) with their countries in collation order.
 * A country's documents are a run of the collection, which its group
 * takes as it is; the years' groups share one array the size of the
 * collection.  Either way the cost is linear in it. */
static void build_groups(struct tree *t)
{
	size_t n = t->coll->n_docs, n_runs;
	const struct corpus_doc *docs = t->coll->docs;
	struct run *runs;

	arena_free(t->arena);
	t->arena = arena_new();
	t->n_year_labels = 0;
	n_runs = country_runs(t, &runs);
	t->n_groups = 0;
	if (t->mode == TREE_BY_COUNTRY) {
		t->groups = arena_array(t->arena, n_runs + 1, sizeof(*t->groups));
		for (size_t r = 0; r < n_runs; r++)
			add_group(t, runs[r].country ? country_display_name(runs[r].country) : docs[runs[r].start].slug,
				  NULL, runs[r].start, runs[r].n);
	} else {
		int *years = NULL;
		size_t n_years = collection_years(t->coll, &years);
		size_t *by_year = arena_array(t->arena, n + 1, sizeof(*by_year)), used = 0;

		t->groups = arena_array(t->arena, n_years + 1, sizeof(*t->groups));
		/* Dated editions first, then undated texts; within a year the
		 * countries keep the collation order. */
		for (size_t pass = 0; pass < 2; pass++)
			for (size_t y = 0; y < n_years; y++) {
				size_t from = used;

				if ((years[y] == 0) != (pass == 1))
					continue;
				for (size_t r = 0; r < n_runs; r++)
					for (size_t i = runs[r].start; i < runs[r].start + runs[r].n; i++)
						if (docs[i].year == years[y])
							by_year[used++] = i;
				add_group(t, tree_year_label(t, years[y]), by_year + from, 0, used - from);
			}
		free(years);
	}
	free(runs);
}

static bool filtering(const struct tree *t)
{
	return t->folded_filter && *t->folded_filter;
}

static bool country_matches(const struct tree *t, const char *slug)
{
	const struct country *c;
	bool hit = false;

	if (!filtering(t))
		return true;
	c = countries_by_slug(corpus_countries(t->corpus), slug);
	for (size_t k = 0; !hit && k < (c ? c->n_aliases + 3 : 1); k++) {
		const char *key = !c ? slug : k == 0 ? c->name : k == 1 ? c->short_name : k == 2 ? c->slug
											  : c->aliases[k - 3];
		char *f;

		if (!key)
			continue;
		f = fold_dup(key);
		hit = strstr(f, t->folded_filter) != NULL;
		free(f);
	}
	return hit;
}

/* Which documents pass the filter: each country (a run of documents)
 * judged once. */
static void match_documents(struct tree *t)
{
	const struct corpus_doc *docs = t->coll->docs;

	if (!filtering(t)) {
		memset(t->doc_matches, true, t->coll->n_docs * sizeof(*t->doc_matches));
		return;
	}
	for (size_t i = 0; i < t->coll->n_docs; i++)
		t->doc_matches[i] = i && !strcmp(docs[i].slug, docs[i - 1].slug) ? t->doc_matches[i - 1]
										 : country_matches(t, docs[i].slug);
}

static void push_row(struct tree *t, enum tree_row_kind kind, int depth, const char *label,
		     struct corpus_doc *doc, int section, bool expanded, size_t n_children)
{
	struct tree_row *r;

	GROW(t->rows, t->cap_rows, t->n_rows + 1);
	r = &t->rows[t->n_rows++];
	r->kind = kind;
	r->depth = depth;
	r->label = label;
	r->doc = doc;
	r->section = section;
	r->expanded = expanded;
	r->n_children = n_children;
}

static bool same_row(const struct tree_row *a, const struct tree_row *b)
{
	return a->kind == b->kind && a->doc == b->doc && a->section == b->section &&
	       (a->kind != ROW_GROUP || a->label == b->label);
}

/* Recomputes the visible rows, keeping the selection on the same row when it
 * is still visible (else on the nearest one before it). */
static void build_rows(struct tree *t)
{
	struct tree_row old = {0};
	bool had = t->selected < t->n_rows;

	if (had)
		old = t->rows[t->selected];
	/* A section of a document since unloaded: its document is the row. */
	if (had && old.kind == ROW_SECTION && !old.doc->doc) {
		old.kind = ROW_DOC;
		old.section = -1;
	}
	t->n_rows = 0;
	for (size_t g = 0; g < t->n_groups; g++) {
		const struct group *gr = &t->groups[g];
		size_t shown = filtering(t) ? 0 : gr->n;

		for (size_t i = 0; i < gr->n && filtering(t); i++)
			shown += t->doc_matches[group_doc(gr, i)];
		if (!shown)
			continue;
		push_row(t, ROW_GROUP, 0, gr->label, NULL, -1, gr->expanded, shown);
		if (!gr->expanded)
			continue;
		for (size_t i = 0; i < gr->n; i++) {
			size_t di = group_doc(gr, i);
			struct corpus_doc *e = &t->coll->docs[di];
			const char *label;

			if (!t->doc_matches[di])
				continue;
			label = t->mode == TREE_BY_COUNTRY ? tree_year_label(t, e->year) : tree_country_name(t, e->slug);
			/* An unloaded document shows folded (corpus_trim unloads). */
			push_row(t, ROW_DOC, 1, label, e, -1, t->doc_expanded[di] && e->doc, 0);
			if (t->doc_expanded[di] && e->doc)
				for (size_t s = 0; s < e->doc->n_sections; s++)
					push_row(t, ROW_SECTION, 2, e->doc->sections[s].title, e, (int)s,
						 false, 0);
		}
	}
	if (had)
		for (size_t i = 0; i < t->n_rows; i++)
			if (same_row(&t->rows[i], &old)) {
				t->selected = i;
				return;
			}
	if (t->selected >= t->n_rows)
		t->selected = t->n_rows ? t->n_rows - 1 : 0;
}

static void reset_collection(struct tree *t)
{
	free(t->doc_expanded);
	free(t->doc_matches);
	t->doc_expanded = xcalloc(t->coll->n_docs + 1, sizeof(bool));
	t->doc_matches = xcalloc(t->coll->n_docs + 1, sizeof(bool));
	match_documents(t);
	t->selected = 0;
	t->n_rows = 0;
	build_groups(t);
	build_rows(t);
}

struct tree *tree_new(struct corpus *corpus, struct collection *coll)
{
	struct tree *t = xcalloc(1, sizeof(*t));

	t->corpus = corpus;
	t->coll = coll;
	reset_collection(t);
	return t;
}

void tree_free(struct tree *t)
{
	if (!t)
		return;
	arena_free(t->arena);
	free(t->year_labels);
	free(t->doc_expanded);
	free(t->doc_matches);
	free(t->filter);
	free(t->folded_filter);
	free(t->rows);
	free(t);
}

struct collection *tree_collection(const struct tree *t)
{
	return t->coll;
}

void tree_set_collection(struct tree *t, struct collection *coll)
{
	t->coll = coll;
	reset_collection(t);
}

enum tree_mode tree_mode(const struct tree *t)
{
	return t->mode;
}

/* The document of the selected row, if any. */
static struct corpus_doc *selected_doc(const struct tree *t, int *section)
{
	const struct tree_row *r = t->selected < t->n_rows ? &t->rows[t->selected] : NULL;

	*section = r ? r->section : -1;
	return r ? r->doc : NULL;
}

void tree_set_mode(struct tree *t, enum tree_mode mode)
{
	int section;
	struct corpus_doc *e = selected_doc(t, &section);

	if (mode == t->mode)
		return;
	t->mode = mode;
	t->n_rows = 0;
	build_groups(t);
	build_rows(t);
	if (e)
		tree_reveal(t, e->slug, e->year, section, NULL);
}

void tree_set_filter(struct tree *t, const char *text)
{
	free(t->filter);
	free(t->folded_filter);
	t->filter = xstrdup(text ? text : "");
	t->folded_filter = fold_dup(t->filter);
	match_documents(t);
	if (*t->filter && t->mode == TREE_BY_YEAR)
		for (size_t g = 0; g < t->n_groups; g++)
			t->groups[g].expanded = true;
	build_rows(t);
}

const char *tree_filter(const struct tree *t)
{
	return t->filter ? t->filter : "";
}

size_t tree_n_rows(const struct tree *t)
{
	return t->n_rows;
}

const struct tree_row *tree_row(const struct tree *t, size_t i)
{
	return i < t->n_rows ? &t->rows[i] : NULL;
}

size_t tree_selected(const struct tree *t)
{
	return t->selected;
}

void tree_select(struct tree *t, size_t i)
{
	if (t->n_rows)
		t->selected = i < t->n_rows ? i : t->n_rows - 1;
}

void tree_move(struct tree *t, long delta)
{
	long i = (long)t->selected + delta;

	if (!t->n_rows)
		return;
	if (i < 0)
		i = 0;
	tree_select(t, (size_t)i);
}

static struct group *group_of_row(struct tree *t, size_t i)
{
	for (size_t g = 0; g < t->n_groups; g++)
		if (t->groups[g].label == t->rows[i].label)
			return &t->groups[g];
	return NULL;
}

bool tree_expand(struct tree *t, size_t i, bool expand, struct diags *d)
{
	struct tree_row *r = i < t->n_rows ? &t->rows[i] : NULL;

	if (!r || r->kind == ROW_SECTION || r->expanded == expand)
		return false;
	if (r->kind == ROW_GROUP) {
		group_of_row(t, i)->expanded = expand;
	} else {
		if (expand && !corpus_doc_load(r->doc, d))
			return false;
		t->doc_expanded[r->doc - t->coll->docs] = expand;
	}
	build_rows(t);
	return true;
}

void tree_refresh(struct tree *t)
{
	build_rows(t);
}

size_t tree_parent(const struct tree *t, size_t i)
{
	if (i >= t->n_rows)
		return 0;
	for (size_t k = i; k-- > 0;)
		if (t->rows[k].depth < t->rows[i].depth)
			return k;
	return i;
}

bool tree_reveal(struct tree *t, const char *slug, int year, int section, struct diags *d)
{
	struct corpus_doc *e = collection_find(t->coll, slug, year);

	if (!e || !t->doc_matches[e - t->coll->docs])
		return false;
	for (size_t g = 0; g < t->n_groups; g++)
		t->groups[g].expanded |= group_has(&t->groups[g], (size_t)(e - t->coll->docs));
	if (section >= 0 && corpus_doc_load(e, d))
		t->doc_expanded[e - t->coll->docs] = true;
	build_rows(t);
	for (size_t i = 0; i < t->n_rows; i++)
		if (t->rows[i].doc == e && (t->rows[i].section == section ||
					    (t->rows[i].kind == ROW_DOC && section < 0))) {
			t->selected = i;
			return true;
		}
	return false;
}
