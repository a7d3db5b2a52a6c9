/* layout.c — document to display lines. */
#include "config.h"

#include "content/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/textwrap.h"
#include "base/util.h"

static struct layout_line *push(struct layout *lo, enum line_kind kind, int section, size_t block)
{
	struct layout_line *l;

	GROW(lo->v, lo->cap, lo->n + 1);
	l = &lo->v[lo->n++];
	memset(l, 0, sizeof(*l));
	l->kind = kind;
	l->ref.section = section;
	l->ref.block = block;
	l->text = "";
	return l;
}

static void push_text(struct layout *lo, enum line_kind kind, int section, size_t block,
		      const char *text, size_t indent, int number)
{
	size_t width = lo->width > indent + 10 ? lo->width - indent : 10;
	struct wrap_line *wl;
	size_t n = wrap_text(text, strlen(text), width, &wl);

	for (size_t i = 0; i < n; i++) {
		struct layout_line *l = push(lo, kind, section, block);

		l->ref.offset = wl[i].start;
		l->text = text + wl[i].start;
		l->len = wl[i].end - wl[i].start;
		l->indent = indent;
		l->number = i == 0 ? number : 0;
	}
	free(wl);
}

void layout_document(struct layout *lo, const struct document *doc, const char *country_name,
		     int only, size_t width)
{
	memset(lo, 0, sizeof(*lo));
	lo->arena = arena_new();
	lo->width = width < 20 ? 20 : width;
	lo->number_width = 2;
	for (size_t i = 0; i < doc->n_sections; i++) {
		size_t digits = (size_t)snprintf(NULL, 0, "%zu.", doc->sections[i].n_items);

		if (digits > lo->number_width)
			lo->number_width = digits;
	}

	if (only < 0) {
		const char *title = doc->title ? doc->title : country_name ? country_name : doc->country;

		struct strbuf meta = {0};

		push_text(lo, LINE_TITLE, -1, 0, title, 0, 0);
		if (doc->tier != TIER_NONE)
			sb_adds(&meta, tier_label(doc->tier));
		if (doc->source && *doc->source) {
			if (meta.len)
				sb_adds(&meta, " \xC2\xB7 "); /* middle dot */
			sb_adds(&meta, doc->source);
		}
		if (meta.len) {
			size_t first = lo->n;

			push_text(lo, LINE_META, -1, 1, arena_strdup(lo->arena, meta.buf), 0, 0);
			/* The tier starts the line: its first line carries the tier's colour. */
			lo->v[first].tier = (int)doc->tier;
		}
		sb_free(&meta);
		if (!doc->complete)
			push_text(lo, LINE_NOTICE, -1, 2,
				  "Excerpt: the source text is incomplete; sections may be missing or cut short.",
				  0, 0);
	}
	for (size_t s = 0; s < doc->n_sections; s++) {
		const struct section *sec = &doc->sections[s];

		if (only >= 0 && (size_t)only != s)
			continue;
		if (lo->n)
			push(lo, LINE_BLANK, (int)s, 0);
		push_text(lo, LINE_HEADING, (int)s, 0, sec->title, 0, 0);
		for (size_t p = 0; p < sec->n_paras; p++) {
			push(lo, LINE_BLANK, (int)s, p);
			push_text(lo, LINE_TEXT, (int)s, p, sec->paras[p], 0, 0);
		}
		if (sec->n_items)
			push(lo, LINE_BLANK, (int)s, sec->n_paras);
		for (size_t i = 0; i < sec->n_items; i++)
			push_text(lo, LINE_ITEM, (int)s, sec->n_paras + i, sec->items[i],
				  lo->number_width + 1, (int)i + 1);
	}
}

void layout_free(struct layout *lo)
{
	free(lo->v);
	arena_free(lo->arena);
	memset(lo, 0, sizeof(*lo));
}

const char *layout_block_text(const struct document *doc, int section, size_t block)
{
	const struct section *s;

	if (section < 0 || (size_t)section >= doc->n_sections)
		return NULL;
	s = &doc->sections[section];
	if (block < s->n_paras)
		return s->paras[block];
	if (block - s->n_paras < s->n_items)
		return s->items[block - s->n_paras];
	return NULL;
}

static int ref_cmp(struct line_ref a, struct line_ref b)
{
	if (a.section != b.section)
		return a.section < b.section ? -1 : 1;
	if (a.block != b.block)
		return a.block < b.block ? -1 : 1;
	if (a.offset != b.offset)
		return a.offset < b.offset ? -1 : 1;
	return 0;
}

size_t layout_find(const struct layout *lo, struct line_ref ref)
{
	size_t best = 0;

	/* The last text line starting at or before ref: it contains ref. */
	for (size_t i = 0; i < lo->n; i++) {
		const struct layout_line *l = &lo->v[i];

		if (l->kind == LINE_BLANK)
			continue;
		if (ref_cmp(l->ref, ref) > 0)
			break;
		best = i;
	}
	return best;
}

size_t layout_section_start(const struct layout *lo, int section)
{
	for (size_t i = 0; i < lo->n; i++)
		if (lo->v[i].kind == LINE_HEADING && lo->v[i].ref.section == section)
			return i;
	return lo->n;
}
