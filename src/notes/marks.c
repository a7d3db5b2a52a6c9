/* marks.c — annotations over the lines of a reading. */
#include "config.h"

#include "notes/marks.h"

#include <stdlib.h>
#include <string.h>

#include "text/textwrap.h"
#include "base/util.h"

void marks_init(struct marks *m)
{
	memset(m, 0, sizeof(*m));
	m->current = MARKS_NONE;
}

void marks_free(struct marks *m)
{
	free(m->v);
	marks_init(m);
}

void marks_load(struct marks *m, const struct ann_store *st, const char *collection,
		const struct reading *r)
{
	char keep[ANN_ID_LEN + 1] = "";

	if (marks_current(m))
		memcpy(keep, marks_current(m)->id, sizeof(keep));
	marks_free(m);
	if (!r->doc || !st)
		return;
	m->n = ann_resolve_document(st, collection, r->doc, &m->v, &m->orphans);
	if (keep[0])
		marks_set_current(m, keep);
}

const struct annotation *marks_current(const struct marks *m)
{
	return m->current < m->n ? m->v[m->current].ann : NULL;
}

bool marks_set_current(struct marks *m, const char *id)
{
	for (size_t k = 0; k < m->n; k++)
		if (!strcmp(m->v[k].ann->id, id)) {
			m->current = k;
			return true;
		}
	m->current = MARKS_NONE;
	return false;
}

size_t marks_line_of(const struct marks *m, const struct reading *r, size_t k)
{
	const struct ann_anchor *a = &m->v[k].anchor;

	return layout_find(&r->lo, (struct line_ref){ a->section, ann_anchor_block(r->doc, a), a->start });
}

/* The line where annotation k ends. */
static size_t end_line(const struct marks *m, const struct reading *r, size_t k)
{
	const struct ann_anchor *a = &m->v[k].anchor;
	size_t end = a->end > a->start ? a->end - 1 : a->start;

	return layout_find(&r->lo, (struct line_ref){ a->section, ann_anchor_block(r->doc, a), end });
}

bool marks_next(struct marks *m, struct reading *r, int dir)
{
	size_t k;

	if (!m->n)
		return false;
	if (m->current < m->n) {
		if (dir > 0 ? m->current + 1 >= m->n : m->current == 0)
			return false;
		k = dir > 0 ? m->current + 1 : m->current - 1;
	} else if (dir > 0) {
		for (k = 0; k < m->n && marks_line_of(m, r, k) < r->top; k++)
			;
		if (k == m->n)
			return false;
	} else {
		for (k = m->n; k > 0 && marks_line_of(m, r, k - 1) >= r->top + r->height; k--)
			;
		if (k == 0)
			return false;
		k--;
	}
	m->current = k;
	reading_show_line(r, marks_line_of(m, r, k));
	return true;
}

void marks_follow_view(struct marks *m, const struct reading *r)
{
	if (m->current < m->n &&
	    (end_line(m, r, m->current) < r->top || marks_line_of(m, r, m->current) >= r->top + r->height))
		m->current = MARKS_NONE;
}

size_t marks_line(const struct marks *m, const struct reading *r, size_t i, struct mark_span *out,
		  size_t max)
{
	const struct layout_line *l = i < r->lo.n ? &r->lo.v[i] : NULL;
	size_t n = 0, ls, le;

	if (!l || (l->kind != LINE_TEXT && l->kind != LINE_ITEM))
		return 0;
	ls = l->ref.offset;
	le = ls + l->len;
	for (size_t k = 0; k < m->n && n < max; k++) {
		const struct ann_anchor *a = &m->v[k].anchor;

		if (a->section != l->ref.section || ann_anchor_block(r->doc, a) != l->ref.block || a->end <= ls ||
		    a->start >= le)
			continue;
		out[n++] = (struct mark_span){
			.start = (a->start > ls ? a->start : ls) - ls,
			.end = (a->end < le ? a->end : le) - ls,
			.color = m->v[k].ann->color,
			.current = k == m->current,
			.note = m->v[k].ann->note && *m->v[k].ann->note,
		};
	}
	return n;
}

bool marks_note_ends_on(const struct marks *m, const struct reading *r, size_t i)
{
	for (size_t k = 0; k < m->n; k++)
		if (m->v[k].ann->note && *m->v[k].ann->note && end_line(m, r, k) == i)
			return true;
	return false;
}

bool marks_at(struct marks *m, const struct reading *r, size_t line, size_t col)
{
	const struct layout_line *l = line < r->lo.n ? &r->lo.v[line] : NULL;
	size_t off;

	if (!l || (l->kind != LINE_TEXT && l->kind != LINE_ITEM))
		return false;
	off = l->ref.offset + text_fit(l->text, l->len, col, NULL);
	for (size_t k = 0; k < m->n; k++) {
		const struct ann_anchor *a = &m->v[k].anchor;

		if (a->section == l->ref.section && ann_anchor_block(r->doc, a) == l->ref.block && a->start <= off &&
		    off < a->end) {
			m->current = k;
			return true;
		}
	}
	return false;
}
