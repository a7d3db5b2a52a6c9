/* tierpic.c — strips, tile maps, legends and shares of tiers. */
#include "config.h"

#include "tiers/tierpic.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "text/fold.h"
#include "text/textwrap.h"

/* The tiers in the order pictures list them. */
static const enum tier order[] = { TIER_1, TIER_2, TIER_2WL, TIER_3, TIER_SPECIAL };

const char *tierpic_mark(enum tier t)
{
	static const char *const marks[TIER__COUNT] = { "?", "1", "2", "W", "3", "S" };

	return t < TIER__COUNT ? marks[t] : "?";
}

/* The cell of a tier: a block in colour, its mark without; "?" for none. */
static const char *cell(const struct picture *p, enum tier t)
{
	if (t == TIER_NONE || !p->color)
		return tierpic_mark(t);
	return pic_glyph(p, "█", "#");
}

static const char *absent(const struct picture *p)
{
	return pic_glyph(p, "·", ".");
}

void tierpic_strip(struct picture *p, const struct tier_history *h)
{
	for (size_t i = 0; i < h->n; i++) {
		const struct tier_year *y = &h->years[i];

		if (!y->entry)
			pic_add(p, absent(p), strlen(absent(p)), ROLE_HINT, (int)i);
		else
			pic_add(p, cell(p, y->tier), strlen(cell(p, y->tier)), theme_tier_role(y->tier), (int)i);
	}
}

/* Appends one legend item, on a new line when it would pass width. */
static void legend_item(struct picture *p, const char *mark, enum theme_role role, const char *label,
			size_t width)
{
	size_t w = text_width(mark, strlen(mark)) + 1 + text_width(label, strlen(label));
	size_t col = pic_col(p);

	if (col && col + 2 + w > width)
		pic_newline(p);
	else if (col)
		pic_move(p, col + 2);
	pic_puts(p, mark, role);
	pic_move(p, pic_col(p) + 1);
	pic_puts(p, label, ROLE_TEXT);
}

void tierpic_legend(struct picture *p, const size_t *counts, size_t width)
{
	pic_fresh(p);
	for (size_t i = 0; i <= ARRAY_SIZE(order); i++) {
		enum tier t = i < ARRAY_SIZE(order) ? order[i] : TIER_NONE;
		char *label = counts ? xasprintf("%s (%zu)", t ? tier_label(t) : "no tier", counts[t])
				     : xstrdup(t ? tier_label(t) : "no tier");

		legend_item(p, cell(p, t), theme_tier_role(t), label, width);
		free(label);
	}
	legend_item(p, absent(p), ROLE_HINT, "not in the report", width);
}

/* The regions of the countries table, sorted by name (collation); "Other"
 * for none is not among them.  The caller frees the array. */
static size_t regions(const struct countries *cs, const char ***out)
{
	const char **v = xcalloc(countries_count(cs) + 1, sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < countries_count(cs); i++) {
		const char *r = countries_at(cs, i)->region;
		size_t k = 0;

		if (!r || !*r)
			continue;
		while (k < n && strcmp(v[k], r))
			k++;
		if (k == n)
			v[n++] = r;
	}
	/* Few regions: an insertion sort by collation. */
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && collate_cmp(v[k - 1], v[k]) > 0; k--) {
			const char *t = v[k];

			v[k] = v[k - 1];
			v[k - 1] = t;
		}
	*out = v;
	return n;
}

/* The place of slug in e (present or gone), or -1. */
static long place_of(const struct tier_edition *e, const char *slug)
{
	for (size_t i = 0; i < e->n_places; i++)
		if (!strcmp(e->places[i].slug, slug))
			return (long)i;
	return -1;
}

/* A tile of the map: a country's code and its place in the edition. */
struct tile {
	const char *code;
	long place; /* index in e->places, -1 when the country is not there */
};

static void draw_tile(struct picture *p, const struct tier_edition *e, const struct tile *t)
{
	bool present = t->place >= 0 && (size_t)t->place < e->n_present;
	enum tier tier = present ? e->places[t->place].y.tier : TIER_NONE;
	char name[4] = "???";
	char *text;

	for (size_t i = 0; i < 3 && t->code && t->code[i]; i++)
		name[i] = (char)toupper((unsigned char)t->code[i]);
	text = xasprintf("%s%s", name, present ? tierpic_mark(tier) : absent(p));
	pic_add(p, text, strlen(text), present ? theme_tier_role(tier) : ROLE_HINT, present ? (int)t->place : -1);
	free(text);
}

/* One region: its name wrapped in the label column, its tiles in rows
 * beside it (as many rows as either needs). */
static void draw_region(struct picture *p, const struct tier_edition *e, const char *name,
			const struct tile *tiles, size_t n, size_t label_w, size_t width)
{
	/* A tile is four columns and a space. */
	size_t per_row = width > label_w + 5 ? (width - label_w) / 5 : 1, rows = (n + per_row - 1) / per_row;
	struct wrap_line *label;
	size_t n_label = wrap_text(name, strlen(name), label_w, &label);

	for (size_t r = 0; r < rows || r < n_label; r++) {
		pic_fresh(p);
		if (r < n_label)
			pic_add(p, name + label[r].start, label[r].end - label[r].start, ROLE_HEADING, -1);
		for (size_t k = r * per_row; k < n && k < (r + 1) * per_row; k++) {
			pic_move(p, label_w + 1 + (k - r * per_row) * 5);
			draw_tile(p, e, &tiles[k]);
		}
	}
	free(label);
}

void tierpic_map(struct picture *p, const struct tier_edition *e, const struct countries *cs,
		 size_t width)
{
	const char **names;
	size_t n = regions(cs, &names), longest = strlen("Other"), label_w;
	struct tile *tiles = xcalloc(countries_count(cs) + e->n_places + 1, sizeof(*tiles));

	for (size_t r = 0; r < n; r++) {
		size_t w = text_width(names[r], strlen(names[r]));

		longest = w > longest ? w : longest;
	}
	/* Whole region names when they leave room for 15 tiles a row, else
	 * names wrapped in ten columns. */
	label_w = width >= longest + 1 + 15 * 5 ? longest : 10;
	for (size_t r = 0; r <= n; r++) {
		size_t k = 0;

		for (size_t i = 0; i < countries_count(cs); i++) {
			const struct country *c = countries_at(cs, i);

			if (r < n ? c->region && !strcmp(c->region, names[r]) : !c->region || !*c->region)
				tiles[k++] = (struct tile){ c->iso3, place_of(e, c->slug) };
		}
		/* Countries of the edition that the table lacks close "Other". */
		for (size_t i = 0; r == n && i < e->n_places; i++)
			if (!e->places[i].country)
				tiles[k++] = (struct tile){ e->places[i].slug, (long)i };
		if (k)
			draw_region(p, e, r < n ? names[r] : "Other", tiles, k, label_w, width);
	}
	free(tiles);
	free(names);
}

/* Splits width cells among the tiers in proportion to counts, by largest
 * remainder, so that they add up to width exactly. */
static void apportion(const size_t *counts, size_t total, size_t width, size_t *cells)
{
	size_t rem[TIER__COUNT], given = 0;

	for (size_t t = 0; t < TIER__COUNT; t++) {
		cells[t] = total ? counts[t] * width / total : 0;
		rem[t] = total ? counts[t] * width % total : 0;
		given += cells[t];
	}
	for (; given < width; given++) {
		size_t best = 0;

		for (size_t t = 1; t < TIER__COUNT; t++)
			if (rem[t] > rem[best])
				best = t;
		if (!rem[best])
			break;
		cells[best]++;
		rem[best] = 0;
	}
}

void tierpic_shares(struct picture *p, const struct tier_counts *v, size_t n, size_t width)
{
	/* The columns of counts: the tiers, then none. */
	static const enum tier cols[] = { TIER_1, TIER_2, TIER_2WL, TIER_3, TIER_SPECIAL, TIER_NONE };
	/* The year and a space, the bar, a space, four columns per count. */
	size_t bar_w = width > 30 + 10 ? width - 30 : 10, counts_at = 5 + bar_w + 1;

	pic_fresh(p);
	pic_move(p, 5);
	pic_puts(p, "share of narratives per tier", ROLE_META);
	for (size_t k = 0; k < ARRAY_SIZE(cols); k++) {
		pic_move(p, counts_at + 4 * k + 3);
		pic_puts(p, tierpic_mark(cols[k]), theme_tier_role(cols[k]));
	}
	for (size_t i = 0; i < n; i++) {
		size_t cells[TIER__COUNT];
		char num[32];

		pic_fresh(p);
		snprintf(num, sizeof(num), "%d", v[i].year);
		pic_add(p, num, strlen(num), ROLE_TEXT, (int)i);
		pic_move(p, 5);
		apportion(v[i].n, v[i].total, bar_w, cells);
		for (size_t k = 0; k < ARRAY_SIZE(cols); k++)
			for (size_t c = 0; c < cells[cols[k]]; c++)
				pic_add(p, cell(p, cols[k]), strlen(cell(p, cols[k])), theme_tier_role(cols[k]), (int)i);
		for (size_t k = 0; k < ARRAY_SIZE(cols); k++) {
			size_t len = (size_t)snprintf(num, sizeof(num), "%zu", v[i].n[cols[k]]);

			pic_move(p, counts_at + 4 * k + (len < 4 ? 4 - len : 0));
			pic_add(p, num, len, ROLE_META, (int)i);
		}
	}
}
