/* byyear.h — how many narratives of each edition a search matched: the
 * numbers behind `tipr search --by-year` and the reader's sparkline of
 * search results.  Model code. */
#ifndef TIPR_BYYEAR_H
#define TIPR_BYYEAR_H

#include <stdbool.h>
#include <stddef.h>

#include "content/corpus.h"
#include "search/search.h"

struct byyear {
	int year;
	size_t matching;   /* narratives of the edition among the matches */
	size_t narratives; /* narratives of the edition within the scope's country */
};

/* For every edition of coll (ascending; only scope->year when that is
 * set): its narratives that r (results of search_run or
 * search_typing_update on ix within scope) matched, and all of its
 * narratives, of scope->country only when that is set.  When r is
 * incomplete (stopped at its hit limit) the matching counts are lower
 * bounds.  The caller frees *out; returns the number of editions. */
size_t byyear_count(const struct search_index *ix, const struct search_results *r,
		    const struct collection *coll, const struct search_scope *scope, struct byyear **out);

#endif
