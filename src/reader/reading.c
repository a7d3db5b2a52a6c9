/* reading.c — scrolling, anchoring and in-document search. */
#include "config.h"

#include "reader/reading.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/fold.h"
#include "base/util.h"

void reading_init(struct reading *r)
{
	memset(r, 0, sizeof(*r));
}

static void clear_search(struct reading *r)
{
	free(r->query);
	free(r->matches);
	r->query = NULL;
	r->matches = NULL;
	r->n_matches = r->cap_matches = r->current = 0;
}

void reading_close(struct reading *r)
{
	if (r->doc)
		layout_free(&r->lo);
	clear_search(r);
	reading_init(r);
}

/* What the first visible line shows: a heading is anchored as its section,
 * a blank line by the text after it. */
static void set_anchor(struct reading *r)
{
	size_t i = r->top;

	while (i + 1 < r->lo.n && r->lo.v[i].kind == LINE_BLANK)
		i++;
	r->anchor = i < r->lo.n ? r->lo.v[i].ref : (struct line_ref){ -1, 0, 0 };
	if (i < r->lo.n && r->lo.v[i].kind == LINE_HEADING)
		r->anchor.block = SIZE_MAX;
}

static size_t anchor_line(const struct reading *r)
{
	if (r->anchor.block == SIZE_MAX)
		return layout_section_start(&r->lo, r->anchor.section);
	return layout_find(&r->lo, r->anchor);
}

size_t reading_max_top(const struct reading *r)
{
	return r->lo.n > r->height ? r->lo.n - r->height : 0;
}

void reading_set_top(struct reading *r, size_t top)
{
	size_t max = reading_max_top(r);

	r->top = top < max ? top : max;
	set_anchor(r);
}

void reading_open(struct reading *r, const struct document *doc, const char *name, size_t width,
		  size_t height)
{
	reading_close(r);
	r->doc = doc;
	r->name = name;
	r->width = width;
	r->height = height ? height : 1;
	layout_document(&r->lo, doc, name, -1, width);
	reading_set_top(r, 0);
}

void reading_resize(struct reading *r, size_t width, size_t height)
{
	r->height = height ? height : 1;
	if (r->doc && width != r->width) {
		layout_free(&r->lo);
		layout_document(&r->lo, r->doc, r->name, -1, width);
	}
	r->width = width;
	if (!r->doc)
		return;
	/* The anchor itself is kept even when the view is clamped near the end,
	 * so shrinking and growing back returns to the same place. */
	r->top = anchor_line(r);
	if (r->top > reading_max_top(r))
		r->top = reading_max_top(r);
}

bool reading_scroll(struct reading *r, long delta)
{
	size_t old = r->top;
	long top = (long)r->top + delta;

	reading_set_top(r, top < 0 ? 0 : (size_t)top);
	return r->top != old;
}

int reading_section_at_top(const struct reading *r)
{
	return r->top < r->lo.n ? r->anchor.section : -1;
}

void reading_goto_section(struct reading *r, int s)
{
	size_t line = layout_section_start(&r->lo, s);

	if (line < r->lo.n) {
		reading_set_top(r, line);
		/* Near the end the heading cannot reach the top line, but the
		 * reader asked for this section: it is where they are (for the
		 * status line, the next edition and a reflow). */
		r->anchor = (struct line_ref){ s, SIZE_MAX, 0 };
	}
}

const char *reading_section_id_at_top(const struct reading *r)
{
	int s = reading_section_at_top(r);

	return s >= 0 ? r->doc->sections[s].id : NULL;
}

bool reading_goto_section_id(struct reading *r, const char *id)
{
	int s = document_section_index(r->doc, id);

	if (s < 0)
		return false;
	reading_goto_section(r, s);
	return true;
}

bool reading_next_section(struct reading *r, int dir)
{
	int cur = reading_section_at_top(r);
	size_t start = cur >= 0 ? layout_section_start(&r->lo, cur) : 0;

	if (!r->doc)
		return false;
	if (dir > 0) {
		if (cur + 1 >= (int)r->doc->n_sections || r->top >= reading_max_top(r))
			return false;
		reading_goto_section(r, cur + 1);
		return true;
	}
	/* Back: to this section's heading first, then to the previous one. */
	if (cur >= 0 && r->top > start) {
		reading_goto_section(r, cur);
		return true;
	}
	if (cur <= 0) {
		if (r->top == 0)
			return false;
		reading_set_top(r, 0);
		return true;
	}
	reading_goto_section(r, cur - 1);
	return true;
}

void reading_goto_ref(struct reading *r, struct line_ref ref)
{
	reading_set_top(r, layout_find(&r->lo, ref));
}

int reading_percent(const struct reading *r)
{
	size_t bottom = r->top + r->height;

	if (!r->lo.n || bottom >= r->lo.n)
		return 100;
	return (int)(bottom * 100 / r->lo.n);
}

static void add_match(struct reading *r, int section, size_t block, size_t start, size_t end)
{
	GROW(r->matches, r->cap_matches, r->n_matches + 1);
	r->matches[r->n_matches++] = (struct reading_match){ section, block, start, end };
}

static void search_block(struct reading *r, const char *needle, size_t nlen, int s, size_t b)
{
	const char *text = layout_block_text(r->doc, s, b);
	struct folded f;

	fold_text(text, strlen(text), true, &f);
	for (const char *p = f.s; (p = str_find(p, needle)); p++) {
		size_t i = (size_t)(p - f.s);

		add_match(r, s, b, f.map[i], f.map[i + nlen]);
	}
	folded_free(&f);
}

size_t reading_match_line(const struct reading *r, size_t m)
{
	const struct reading_match *x = &r->matches[m];

	return layout_find(&r->lo, (struct line_ref){ x->section, x->block, x->start });
}

size_t reading_search(struct reading *r, const char *query, size_t from)
{
	char *needle;

	clear_search(r);
	if (!r->doc || !query || !*query)
		return 0;
	r->query = xstrdup(query);
	needle = fold_dup(query);
	if (*needle)
		for (size_t s = 0; s < r->doc->n_sections; s++) {
			const struct section *sec = &r->doc->sections[s];

			for (size_t b = 0; b < sec->n_paras + sec->n_items; b++)
				search_block(r, needle, strlen(needle), (int)s, b);
		}
	free(needle);
	for (r->current = 0; r->current < r->n_matches; r->current++)
		if (reading_match_line(r, r->current) >= from)
			break;
	if (r->current == r->n_matches)
		r->current = 0;
	return r->n_matches;
}

void reading_show_line(struct reading *r, size_t line)
{
	/* Scroll only when it is off screen, then put it a third of the way down. */
	if (line < r->top || line >= r->top + r->height)
		reading_set_top(r, line > r->height / 3 ? line - r->height / 3 : 0);
}

void reading_show_current(struct reading *r)
{
	if (r->n_matches)
		reading_show_line(r, reading_match_line(r, r->current));
}

bool reading_search_next(struct reading *r, int dir, bool *wrapped)
{
	*wrapped = false;
	if (!r->n_matches)
		return false;
	if (dir > 0) {
		*wrapped = r->current + 1 == r->n_matches;
		r->current = (r->current + 1) % r->n_matches;
	} else {
		*wrapped = r->current == 0;
		r->current = (r->current + r->n_matches - 1) % r->n_matches;
	}
	reading_show_current(r);
	return true;
}

size_t reading_line_matches(const struct reading *r, size_t i, size_t *starts, size_t *ends,
			    bool *current, size_t max)
{
	const struct layout_line *l = i < r->lo.n ? &r->lo.v[i] : NULL;
	size_t n = 0;

	if (!l || (l->kind != LINE_TEXT && l->kind != LINE_ITEM))
		return 0;
	for (size_t m = 0; m < r->n_matches && n < max; m++) {
		const struct reading_match *x = &r->matches[m];
		size_t a = l->ref.offset, b = l->ref.offset + l->len;

		if (x->section != l->ref.section || x->block != l->ref.block || x->end <= a ||
		    x->start >= b)
			continue;
		starts[n] = (x->start > a ? x->start : a) - a;
		ends[n] = (x->end < b ? x->end : b) - a;
		current[n] = m == r->current;
		n++;
	}
	return n;
}
