/* byyear.c — search matches counted per edition. */
#include "config.h"

#include "tiers/byyear.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"

static int cmp_year(const void *key, const void *elem)
{
	int a = *(const int *)key, b = ((const struct byyear *)elem)->year;

	return (a > b) - (a < b);
}

size_t byyear_count(const struct search_index *ix, const struct search_results *r,
		    const struct collection *coll, const struct search_scope *scope, struct byyear **out)
{
	int *years;
	size_t n = collection_years(coll, &years), k = 0;
	struct byyear *v = xcalloc(n + 1, sizeof(*v));

	for (size_t i = 0; i < n; i++)
		if (years[i] > 0 && (!scope->year || years[i] == scope->year))
			v[k++].year = years[i];
	free(years);
	for (size_t i = 0; i < coll->n_docs; i++) {
		const struct corpus_doc *e = &coll->docs[i];
		int year = e->year; /* cmp_year reads an int */
		struct byyear *y = bsearch(&year, v, k, sizeof(*v), cmp_year);

		if (y && (!scope->country || !strcmp(scope->country, e->slug)))
			y->narratives++;
	}
	for (size_t i = 0; r->places && i < search_index_docs(ix); i++) {
		const struct corpus_doc *e = search_index_doc(ix, i);
		struct byyear *y;
		int year;

		if (!r->places[i] || !e || e->coll != coll)
			continue;
		year = e->year;
		if ((y = bsearch(&year, v, k, sizeof(*v), cmp_year)))
			y->matching++;
	}
	*out = v;
	return k;
}
