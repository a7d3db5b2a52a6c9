/* country.h — the country table (countries.yaml) and country lookup.
 *
 * A query matches a slug ("korea-north"), an ISO 3166 alpha-3 code ("PRK"),
 * an alias ("dprk", "north korea") or an unambiguous prefix of a name, short
 * name or alias, case- and accent-insensitively (ICU folding). */
#ifndef TIPR_COUNTRY_H
#define TIPR_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

struct country {
	const char *slug;
	const char *name;       /* as the report's heading writes it */
	const char *short_name; /* everyday name, or NULL */
	const char *iso3;
	const char *region;
	const char **aliases;
	size_t n_aliases;
	unsigned line;          /* where it is defined, for diagnostics */
};

struct countries;

/* Loads countries.yaml; NULL (errors in d) when the file is unusable.  Bad
 * entries are reported and skipped.  Free with countries_free(). */
struct countries *countries_load(const char *path, struct diags *d);
/* The same, through a binary cache file (NULL: none) that is used while
 * path is unchanged and rewritten when it is not (see country.c). */
struct countries *countries_load_cached(const char *path, const char *cache, struct diags *d);
/* An empty table (for corpora without any countries file). */
struct countries *countries_new_empty(void);
void countries_free(struct countries *cs);
/* Adds entries of other that this table lacks (by slug); returns how many. */
size_t countries_merge(struct countries *cs, const struct countries *other);
/* The same, and frees other; an empty table takes other's entries whole,
 * without copying them. */
size_t countries_absorb(struct countries *cs, struct countries *other);

size_t countries_count(const struct countries *cs);
/* Entries in ICU collation order of their display names. */
const struct country *countries_at(const struct countries *cs, size_t i);
const struct country *countries_by_slug(const struct countries *cs, const char *slug);
/* The position of slug's entry in collation order (as countries_at counts),
 * or SIZE_MAX when there is none. */
size_t countries_rank(const struct countries *cs, const char *slug);
/* Both at once: the entry (NULL when there is none) and its rank. */
const struct country *countries_by_slug_ranked(const struct countries *cs, const char *slug, size_t *rank);
/* The name to show: short name if any, else name; the slug for NULL. */
const char *country_display_name(const struct country *c);

enum lookup_result { LOOKUP_FOUND, LOOKUP_NONE, LOOKUP_AMBIGUOUS };

/* Resolves a user's query.  On LOOKUP_AMBIGUOUS, *out is NULL and, when
 * cands is non-NULL, up to max_cands candidates are stored there with the
 * total count in *n_cands. */
enum lookup_result countries_lookup(const struct countries *cs, const char *query,
				    const struct country **out, const struct country **cands,
				    size_t max_cands, size_t *n_cands);

/* The country named in free text such as a report heading ("KOREA, DEMOCRATIC
 * PEOPLE'S REPUBLIC OF", "North Korea", "THE BAHAMAS"): exact name, short name,
 * alias or slug after folding, also with "The"/"the" moved or dropped.  No
 * prefix matching: it returns NULL rather than guess. */
const struct country *countries_match_name(const struct countries *cs, const char *text);

#endif
