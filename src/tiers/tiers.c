/* tiers.c — the scale, changes, a country's history, an edition's placements
 * and the counts per edition. */
#include "config.h"

#include "tiers/tiers.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

bool tier_scale(enum tier t, double *value)
{
	static const double scale[TIER__COUNT] = {
		[TIER_1] = 1, [TIER_2] = 2, [TIER_2WL] = 2.5, [TIER_3] = 3,
	};

	if (t >= TIER__COUNT || scale[t] == 0)
		return false;
	*value = scale[t];
	return true;
}

const char *tier_change_name(enum tier_change c)
{
	static const char *const names[TC__COUNT] = {
		"first", "up", "down", "same", "changed", "absent", "excerpt", "unknown",
	};

	return c < TC__COUNT ? names[c] : "";
}

const char *tier_change_text(enum tier_change c)
{
	static const char *const texts[TC__COUNT] = {
		"first seen", "up", "down", "same", "changed", "not in the report", "excerpt, no tier",
		"no tier given",
	};

	return c < TC__COUNT ? texts[c] : "";
}

enum tier_change tier_change_of(enum tier before, enum tier after)
{
	double a, b;

	if (before == TIER_NONE)
		return TC_FIRST;
	if (before == after)
		return TC_SAME;
	if (!tier_scale(before, &b) || !tier_scale(after, &a))
		return TC_CHANGED;
	return a < b ? TC_UP : TC_DOWN;
}

const char *tier_flag_name(enum tier_flag f)
{
	static const char *const names[TF__COUNT] = { "", "unexplained", "disagrees" };

	return f < TF__COUNT ? names[f] : "";
}

/* Whether a sentence's move contradicts the change from the edition just
 * before (PLACED states no comparison, so it never does). */
static bool move_disagrees(enum tier_move m, enum tier_change c)
{
	switch (m) {
	case MOVE_SAME:
		return c != TC_SAME;
	case MOVE_UP:
		return c != TC_UP && c != TC_CHANGED;
	case MOVE_DOWN:
		return c != TC_DOWN && c != TC_CHANGED;
	default:
		return false;
	}
}

/* Reads e's header; when the quick look fails, the whole document is
 * loaded, which either gives the header or reports through d why not. */
static bool header(struct corpus_doc *e, struct diags *d)
{
	return corpus_doc_header(e) || corpus_doc_load(e, d);
}

/* Finds the reason of y's narrative and flags what it does not explain. */
static void explain(struct tier_year *y, struct diags *d)
{
	bool loaded = y->entry->doc != NULL;
	const struct document *doc = corpus_doc_load(y->entry, d);

	if (!doc)
		return;
	tier_reason_find(doc, &y->reason);
	/* Documents loaded just for this are given back: a history or an
	 * edition reads many, and keeps only the sentence. */
	if (!loaded)
		corpus_doc_unload(y->entry);
	if (!y->reason.sentence) {
		if (y->change == TC_UP || y->change == TC_DOWN || y->change == TC_CHANGED)
			y->flag = TF_UNEXPLAINED;
	} else if (y->tier != TIER_NONE &&
		   (y->reason.tier != y->tier ||
		    (y->since == y->year - 1 && move_disagrees(y->reason.move, y->change)))) {
		y->flag = TF_DISAGREES;
	}
}

/* The row of one country (its documents docs[0..n), years ascending) in
 * edition year: its tier, and the change from the latest earlier tier. */
static void row(struct corpus_doc *docs, size_t n, int year, struct tier_year *y, struct diags *d)
{
	size_t i = 0;

	memset(y, 0, sizeof(*y));
	y->year = year;
	while (i < n && docs[i].year < year)
		i++;
	if (i < n && docs[i].year == year)
		y->entry = &docs[i];
	/* Back from the year to the latest edition with a tier: only the
	 * headers on the way are read. */
	while (i-- > 0 && docs[i].year > 0) {
		if (header(&docs[i], d) && docs[i].tier != TIER_NONE) {
			y->before = docs[i].tier;
			y->since = docs[i].year;
			break;
		}
	}
	if (!y->entry) {
		y->change = TC_ABSENT;
		return;
	}
	if (!header(y->entry, d)) {
		y->change = TC_UNKNOWN;
		return;
	}
	y->tier = y->entry->tier;
	y->excerpt = !y->entry->complete;
	if (y->tier == TIER_NONE)
		y->change = y->excerpt ? TC_EXCERPT : TC_UNKNOWN;
	else
		y->change = tier_change_of(y->before, y->tier);
}

/* The editions of coll: its years but 0 (undated); the caller frees *out. */
static size_t editions(const struct collection *coll, int **out)
{
	size_t n = collection_years(coll, out), k = 0;

	for (size_t i = 0; i < n; i++)
		if ((*out)[i] > 0)
			(*out)[k++] = (*out)[i];
	return k;
}

struct tier_history *tiers_history(struct corpus *c, struct collection *coll, const char *slug,
				   bool reasons, struct diags *d)
{
	struct tier_history *h = xcalloc(1, sizeof(*h));
	size_t first, n = collection_country_docs(coll, slug, &first);
	int *years;

	h->slug = xstrdup(slug);
	h->country = countries_by_slug(corpus_countries(c), slug);
	h->n = editions(coll, &years);
	h->years = xcalloc(h->n + 1, sizeof(*h->years));
	for (size_t i = 0; i < h->n; i++) {
		struct tier_year *y = &h->years[i];

		row(coll->docs + first, n, years[i], y, d);
		if (y->entry) {
			h->present++;
			if (reasons)
				explain(y, d);
		}
	}
	free(years);
	return h;
}

void tiers_history_free(struct tier_history *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->n; i++)
		tier_reason_done(&h->years[i].reason);
	free(h->years);
	free((char *)h->slug);
	free(h);
}

/* Places in name order (ICU collation of the countries table cs), slugs the
 * table lacks after them. */
static int cmp_place(const void *a, const void *b, void *cs)
{
	const struct tier_place *x = a, *y = b;
	size_t rx = countries_rank(cs, x->slug), ry = countries_rank(cs, y->slug);

	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

static void add_place(struct tier_edition *e, size_t *cap, const struct countries *cs,
		      struct collection *coll, const char *slug, int year, bool reasons, struct diags *d)
{
	size_t first, n = collection_country_docs(coll, slug, &first);
	struct tier_place *p;

	GROW(e->places, *cap, e->n_places + 1);
	p = &e->places[e->n_places++];
	p->slug = slug;
	p->country = countries_by_slug(cs, slug);
	row(coll->docs + first, n, year, &p->y, d);
	if (p->y.entry && reasons)
		explain(&p->y, d);
}

struct tier_edition *tiers_edition(struct corpus *c, struct collection *coll, int year, bool reasons,
				   struct diags *d)
{
	const struct countries *cs = corpus_countries(c);
	struct tier_edition *e;
	size_t cap = 0;
	int *years;
	size_t n = editions(coll, &years);

	e = xcalloc(1, sizeof(*e));
	e->year = year;
	for (size_t i = 0; i < n && years[i] < year; i++)
		e->previous = years[i];
	free(years);
	for (size_t i = 0; i < coll->n_docs; i++)
		if (coll->docs[i].year == year)
			add_place(e, &cap, cs, coll, coll->docs[i].slug, year, reasons, d);
	e->n_present = e->n_places;
	if (!e->n_present) {
		tiers_edition_free(e);
		return NULL;
	}
	for (size_t i = 0; i < coll->n_docs; i++) {
		const char *slug = coll->docs[i].slug;

		if (coll->docs[i].year == e->previous && e->previous && !collection_find(coll, slug, year))
			add_place(e, &cap, cs, coll, slug, year, reasons, d);
	}
	for (size_t i = 0; i < e->n_present; i++)
		e->counts[e->places[i].y.tier]++;
	qsort_r(e->places, e->n_present, sizeof(*e->places), cmp_place, (void *)cs);
	qsort_r(e->places + e->n_present, e->n_places - e->n_present, sizeof(*e->places), cmp_place,
		(void *)cs);
	return e;
}

void tiers_edition_free(struct tier_edition *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->n_places; i++)
		tier_reason_done(&e->places[i].y.reason);
	free(e->places);
	free(e);
}

static int cmp_year(const void *key, const void *elem)
{
	int a = *(const int *)key, b = ((const struct tier_counts *)elem)->year;

	return (a > b) - (a < b);
}

size_t tiers_counts(struct collection *coll, struct tier_counts **out)
{
	int *years;
	size_t n = editions(coll, &years);
	struct tier_counts *v = xcalloc(n + 1, sizeof(*v));

	for (size_t i = 0; i < n; i++)
		v[i].year = years[i];
	for (size_t i = 0; i < coll->n_docs; i++) {
		struct corpus_doc *e = &coll->docs[i];
		int year = e->year; /* cmp_year reads an int */
		struct tier_counts *t = bsearch(&year, v, n, sizeof(*v), cmp_year);

		if (!t)
			continue;
		t->n[corpus_doc_header(e) ? e->tier : TIER_NONE]++;
		t->total++;
	}
	free(years);
	*out = v;
	return n;
}
