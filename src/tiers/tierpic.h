/* tierpic.h — pictures of tiers (style/picture.h): a country's strip, an
 * edition's tile map, the legend, and the share of each tier per edition.
 *
 * In colour a tier is its theme colour (tier-1 ... tier-special) on a block
 * (█, or # in ASCII); without colour it is a letter: 1, 2, W (Tier 2 Watch
 * List), 3, S (Special Case), and ? for a narrative that gives no tier.
 * A year or country not in the report is a dim · (. in ASCII). */
#ifndef TIPR_TIERPIC_H
#define TIPR_TIERPIC_H

#include <stddef.h>

#include "style/picture.h"
#include "tiers/tiers.h"

/* The letter that marks a tier without colour: "1", "2", "W", "3", "S"; "?" for none. */
const char *tierpic_mark(enum tier t);

/* Appends the strip of h to the current line: one cell per edition, tagged
 * with its index in h->years. */
void tierpic_strip(struct picture *p, const struct tier_history *h);

/* The legend, from a fresh line, wrapped at width: each tier's cell and
 * name, with its count when counts (TIER__COUNT entries) is not NULL, then
 * the cells for no tier and for not in the report. */
void tierpic_legend(struct picture *p, const size_t *counts, size_t width);

/* The tile map of edition e, from a fresh line: a heading per region of the
 * countries table (by name), then a tile per country of the region (by
 * name): its ISO code and the tier's mark, coloured by tier.  Countries
 * the table lacks come last, under "Other".  Tiles of countries in the
 * edition are tagged with their index in e->places; the others, -1. */
void tierpic_map(struct picture *p, const struct tier_edition *e, const struct countries *cs,
		 size_t width);

/* One line per edition of v[0..n), from a fresh line, after a header line:
 * the year, a bar of the share of each tier filling the width, and the
 * counts per tier.  Each line's runs are tagged with the edition's index. */
void tierpic_shares(struct picture *p, const struct tier_counts *v, size_t n, size_t width);

#endif
