/* selection.c — choosing a passage by word, sentence, paragraph and line.
 *
 * Both ends are kept as the start offsets of words (runs of non-space
 * characters), so whatever moves them, the selection is whole words. */
#include "config.h"

#include "notes/selection.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/sentence.h"
#include "text/textwrap.h"
#include "base/utf8.h"
#include "base/util.h"

static bool is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* The block's text and length. */
struct block {
	const char *s;
	size_t len;
};

static bool block_of(const struct reading *r, int section, size_t index, struct block *b)
{
	b->s = r->doc ? layout_block_text(r->doc, section, index) : NULL;
	b->len = b->s ? strlen(b->s) : 0;
	return b->s != NULL;
}

static bool space_at(const struct block *b, size_t off)
{
	int32_t cp;

	utf8_next(b->s + off, b->len - off, &cp);
	return is_space(cp);
}

static size_t next_cp(const struct block *b, size_t off)
{
	int32_t cp;
	size_t k = utf8_next(b->s + off, b->len - off, &cp);

	return off + (k ? k : 1);
}

static size_t prev_cp(const struct block *b, size_t off)
{
	while (off > 0 && ((unsigned char)b->s[--off] & 0xC0) == 0x80)
		;
	return off;
}

/* The start of the word containing off, or of the next word when off is
 * in spaces, or of the last word when there is none after it. */
static size_t word_at(const struct block *b, size_t off)
{
	size_t i = off < b->len ? off : b->len;

	while (i < b->len && space_at(b, i))
		i = next_cp(b, i);
	if (i == b->len) {
		/* Trailing spaces: the last word. */
		while (i > 0 && space_at(b, prev_cp(b, i)))
			i = prev_cp(b, i);
		if (i == 0)
			return 0;
		i = prev_cp(b, i);
	}
	while (i > 0 && !space_at(b, prev_cp(b, i)))
		i = prev_cp(b, i);
	return i;
}

static size_t word_end(const struct block *b, size_t start)
{
	size_t i = start;

	while (i < b->len && !space_at(b, i))
		i = next_cp(b, i);
	return i;
}

/* The start of the word after (dir > 0) or before the one starting at w;
 * w itself at the ends. */
static size_t word_step(const struct block *b, size_t w, int dir)
{
	size_t i;

	if (dir > 0) {
		i = word_end(b, w);
		while (i < b->len && space_at(b, i))
			i = next_cp(b, i);
		return i < b->len ? i : w;
	}
	i = w;
	while (i > 0 && space_at(b, prev_cp(b, i)))
		i = prev_cp(b, i);
	return i > 0 ? word_at(b, prev_cp(b, i)) : w;
}

/* The first word (dir < 0) or the last word (dir > 0) of the sentence
 * containing the word at w, or of the sentence next to it in direction dir
 * when w is already there. */
static size_t sentence_step(const struct block *b, size_t w, int dir)
{
	struct span *sp;
	size_t n = sentence_split(b->s, b->len, &sp), k, target = w;

	for (k = 0; k + 1 < n && sp[k].end <= w; k++)
		;
	for (int round = 0; n && round < 2; round++) {
		target = dir > 0 ? word_at(b, sp[k].end > sp[k].start ? prev_cp(b, sp[k].end) : sp[k].start)
				 : word_at(b, sp[k].start);
		if (target != w)
			break;
		if (dir > 0 ? k + 1 >= n : k == 0)
			break;
		k = dir > 0 ? k + 1 : k - 1;
	}
	free(sp);
	return target;
}

static void set_word(struct selection *s, int section, size_t block, size_t start, size_t end_word)
{
	s->active = true;
	s->section = section;
	s->block = block;
	s->anchor = start;
	s->cursor = end_word;
	s->goal_col = SIZE_MAX;
}

/* The first line showing text at or after line i (dir > 0), or at or before
 * it; lo->n when there is none. */
static size_t text_line(const struct layout *lo, size_t i, int dir)
{
	while (i < lo->n && lo->v[i].kind != LINE_TEXT && lo->v[i].kind != LINE_ITEM)
		i = dir > 0 ? i + 1 : i ? i - 1 : lo->n;
	return i;
}

/* The byte of line i's block at display column col of the line. */
static size_t offset_at(const struct layout_line *l, size_t col)
{
	return l->ref.offset + text_fit(l->text, l->len, col, NULL);
}

bool selection_start(struct selection *s, const struct reading *r)
{
	struct block b;
	size_t i;

	selection_clear(s);
	if (!r->doc)
		return false;
	if (r->n_matches) {
		const struct reading_match *m = &r->matches[r->current];
		size_t line = reading_match_line(r, r->current);

		if (line >= r->top && line < r->top + r->height && block_of(r, m->section, m->block, &b) &&
		    m->end > m->start) {
			set_word(s, m->section, m->block, word_at(&b, m->start), word_at(&b, prev_cp(&b, m->end)));
			return true;
		}
	}
	i = text_line(&r->lo, r->top, 1);
	if (i >= r->lo.n || i >= r->top + r->height)
		return false;
	return selection_start_at(s, r, i, 0);
}

bool selection_start_block(struct selection *s, const struct reading *r)
{
	struct block b;

	if (!selection_start(s, r) || !block_of(r, s->section, s->block, &b))
		return false;
	s->anchor = word_at(&b, 0);
	s->cursor = word_at(&b, b.len);
	return true;
}

bool selection_start_at(struct selection *s, const struct reading *r, size_t line, size_t col)
{
	const struct layout_line *l;
	struct block b;
	size_t w;

	selection_clear(s);
	if (!r->doc || line >= r->lo.n)
		return false;
	l = &r->lo.v[line];
	if ((l->kind != LINE_TEXT && l->kind != LINE_ITEM) || !block_of(r, l->ref.section, l->ref.block, &b))
		return false;
	w = word_at(&b, offset_at(l, col));
	set_word(s, l->ref.section, l->ref.block, w, w);
	return true;
}

void selection_extend_to(struct selection *s, const struct reading *r, size_t line, size_t col)
{
	const struct layout_line *l;
	struct block b;

	if (!s->active || line >= r->lo.n || !block_of(r, s->section, s->block, &b))
		return;
	l = &r->lo.v[line];
	if (l->ref.section != s->section || l->ref.block != s->block ||
	    (l->kind != LINE_TEXT && l->kind != LINE_ITEM)) {
		/* Outside the paragraph: as far as it goes in that direction. */
		bool after = l->ref.section > s->section ||
			     (l->ref.section == s->section && l->ref.block > s->block);

		s->cursor = word_at(&b, after ? b.len : 0);
		return;
	}
	s->cursor = word_at(&b, offset_at(l, col));
	s->goal_col = SIZE_MAX;
}

void selection_clear(struct selection *s)
{
	memset(s, 0, sizeof(*s));
}

bool selection_move(struct selection *s, const struct reading *r, enum selection_unit unit, int dir)
{
	struct block b;
	size_t to;

	if (!s->active || !block_of(r, s->section, s->block, &b))
		return false;
	switch (unit) {
	case SEL_WORD:
		to = word_step(&b, s->cursor, dir);
		break;
	case SEL_SENTENCE:
		to = sentence_step(&b, s->cursor, dir);
		break;
	default:
		to = word_at(&b, dir > 0 ? b.len : 0);
		break;
	}
	if (to == s->cursor)
		return false;
	s->cursor = to;
	s->goal_col = SIZE_MAX;
	return true;
}

bool selection_line(struct selection *s, const struct reading *r, int dir)
{
	size_t i = selection_cursor_line(s, r), col, target;
	const struct layout_line *l;
	struct block b;

	if (!s->active || !block_of(r, s->section, s->block, &b))
		return false;
	l = &r->lo.v[i];
	/* Like an editor's cursor: the column aimed for survives short lines. */
	col = s->goal_col != SIZE_MAX ? s->goal_col
				      : text_width(l->text, s->cursor > l->ref.offset ? s->cursor - l->ref.offset : 0);
	if (dir > 0 ? i + 1 >= r->lo.n : i == 0)
		return false;
	target = text_line(&r->lo, dir > 0 ? i + 1 : i - 1, dir);
	if (target >= r->lo.n)
		return false;
	l = &r->lo.v[target];
	if (l->ref.section == s->section && l->ref.block == s->block)
		s->cursor = word_at(&b, offset_at(l, col));
	else if (!selection_start_at(s, r, target, col))
		return false;
	s->goal_col = col;
	return true;
}

void selection_swap(struct selection *s)
{
	size_t t = s->anchor;

	s->anchor = s->cursor;
	s->cursor = t;
	s->goal_col = SIZE_MAX;
}

void selection_range(const struct selection *s, const struct reading *r, size_t *start, size_t *end)
{
	struct block b;
	size_t lo = s->anchor < s->cursor ? s->anchor : s->cursor;
	size_t hi = s->anchor < s->cursor ? s->cursor : s->anchor;

	*start = *end = 0;
	if (!s->active || !block_of(r, s->section, s->block, &b))
		return;
	*start = lo < b.len ? lo : b.len;
	*end = word_end(&b, hi < b.len ? hi : b.len);
}

char *selection_text(const struct selection *s, const struct reading *r)
{
	size_t start, end;
	struct block b;

	selection_range(s, r, &start, &end);
	if (!block_of(r, s->section, s->block, &b))
		return xstrdup("");
	return xstrndup(b.s + start, end - start);
}

size_t selection_cursor_line(const struct selection *s, const struct reading *r)
{
	return layout_find(&r->lo, (struct line_ref){ s->section, s->block, s->cursor });
}

bool selection_line_range(const struct selection *s, const struct reading *r, size_t i, size_t *a,
			  size_t *b)
{
	const struct layout_line *l = i < r->lo.n ? &r->lo.v[i] : NULL;
	size_t start, end, ls, le;

	if (!s->active || !l || (l->kind != LINE_TEXT && l->kind != LINE_ITEM) ||
	    l->ref.section != s->section || l->ref.block != s->block)
		return false;
	selection_range(s, r, &start, &end);
	ls = l->ref.offset;
	le = ls + l->len;
	if (end <= ls || start >= le)
		return false;
	*a = (start > ls ? start : ls) - ls;
	*b = (end < le ? end : le) - ls;
	return true;
}
