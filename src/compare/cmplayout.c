/* cmplayout.c — comparison rows to aligned display lines. */
#include "config.h"

#include "compare/cmplayout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/cmprender.h"
#include "content/layout.h"
#include "text/textwrap.h"

/* Unchanged stretches longer than this fold, keeping one row at each end. */
#define FOLD_MIN 4

static struct cmp_line *push(struct cmp_layout *lo, enum cmp_line_kind kind, size_t sec, size_t row)
{
	struct cmp_line *l;

	GROW(lo->v, lo->cap, lo->n + 1);
	l = &lo->v[lo->n++];
	memset(l, 0, sizeof(*l));
	l->kind = kind;
	l->sec = sec;
	l->row = row;
	l->l_start = l->l_end = lo->left.text.len;
	l->r_start = l->r_end = lo->right.text.len;
	return l;
}

bool cmp_layout_fits(size_t width)
{
	return width >= 2 * CMP_COLUMN_MIN + 3;
}

size_t cmp_edition_label(const struct document *d, size_t width, char *buf, size_t n)
{
	const char *excerpt = d->complete ? "" : " \xc2\xb7 excerpt";
	size_t w;

	/* The longest that fits: tier label, tier badge, the year alone. */
	for (int form = 0; form < 3; form++) {
		const char *tier = form == 0 ? tier_label(d->tier) : form == 1 ? tier_badge(d->tier) : "";

		snprintf(buf, n, "%d%s%s%s", d->year, *tier ? " \xc2\xb7 " : "", tier, form < 2 ? excerpt : "");
		if ((w = text_width(buf, strlen(buf))) <= width)
			return w;
	}
	return w;
}

const char *cmp_section_note(const struct comparison *c, const struct cmp_section *cs, char *buf, size_t n)
{
	const struct document *missing = cs->a_index < 0 ? c->a : cs->b_index < 0 ? c->b : NULL;

	if (!missing)
		return NULL;
	if (!missing->complete)
		snprintf(buf, n, "not in the %d excerpt", missing->year);
	else
		snprintf(buf, n, "%s %d", cs->a_index < 0 ? "new in" : "not in", c->b->year);
	return buf;
}

size_t cmp_layout_column(const struct cmp_layout *lo)
{
	return lo->inline_mode ? lo->width : lo->width > 3 ? (lo->width - 3) / 2 : 1;
}

/* Wraps the text appended to st since `from` into widths of col. */
static size_t wrap_from(const struct styled *st, size_t from, size_t col, struct wrap_line **lines)
{
	size_t n = st->text.len > from ? wrap_text(st->text.buf + from, st->text.len - from, col, lines) : 0;

	for (size_t i = 0; i < n; i++) {
		(*lines)[i].start += from;
		(*lines)[i].end += from;
	}
	if (!n)
		*lines = NULL;
	return n;
}

/* Remembers where row r's sentence of one side went, when it went there
 * unchanged (inert text of the same length). */
static void note_text_at(struct cmp_layout *lo, size_t s, size_t r, bool right, size_t from)
{
	const struct cmp_row *row = &lo->c->secs[s].rows[r];
	const struct styled *st = right && !lo->inline_mode ? &lo->right : &lo->left;

	if (st->text.len - from != (right ? row->b_len : row->a_len))
		return;
	GROW(lo->at, lo->cap_at, lo->n_at + 1);
	lo->at[lo->n_at++] = (struct cmp_text_at){ s, r, right, from };
}

/* What a row's kind adds after its text: where a move went, and what an
 * excerpt does not have. */
static void row_note(struct styled *st, enum cmp_kind kind)
{
	if (kind == CMP_MOVED_OUT)
		styled_adds(st, " (moved away)", ROLE_HINT);
	else if (kind == CMP_MOVED_IN)
		styled_adds(st, " (moved here)", ROLE_HINT);
	else if (kind == CMP_NOT_IN_EXCERPT)
		styled_adds(st, " (not in this excerpt)", ROLE_HINT);
}

static void add_row(struct cmp_layout *lo, size_t s, size_t r)
{
	const struct cmp_row *row = &lo->c->secs[s].rows[r];
	size_t col = cmp_layout_column(lo), lf = lo->left.text.len, rf = lo->right.text.len, nl, nr, from;
	struct wrap_line *ll, *rl;

	if (lo->inline_mode) {
		if (row->item)
			styled_adds(&lo->left, "\xe2\x80\xa2 ", ROLE_REC_NUMBER);
		from = lo->left.text.len;
		cmp_render_inline(row, false, &lo->left);
		/* The one column shows a's text of an unchanged sentence, which
		 * is b's too: both sides' annotations go on it. */
		if (row->kind != CMP_CHANGED)
			note_text_at(lo, s, r, row->a == NULL, from);
		if (row->kind == CMP_SAME)
			note_text_at(lo, s, r, true, from);
		row_note(&lo->left, row->kind);
		nr = 0;
		rl = NULL;
	} else {
		if (row->item && row->a)
			styled_adds(&lo->left, "\xe2\x80\xa2 ", ROLE_REC_NUMBER);
		from = lo->left.text.len;
		cmp_render_side(row, false, false, &lo->left);
		if (row->a)
			note_text_at(lo, s, r, false, from);
		if (row->a)
			row_note(&lo->left, row->kind);
		if (row->item && row->b)
			styled_adds(&lo->right, "\xe2\x80\xa2 ", ROLE_REC_NUMBER);
		from = lo->right.text.len;
		cmp_render_side(row, true, false, &lo->right);
		if (row->b)
			note_text_at(lo, s, r, true, from);
		if (row->b)
			row_note(&lo->right, row->kind);
	}
	nl = wrap_from(&lo->left, lf, col, &ll);
	if (!lo->inline_mode) {
		size_t ln = lo->left.text.len - lf;

		/* An unchanged sentence reads the same on both sides: wrap it once. */
		if (ln && lo->right.text.len - rf == ln && !memcmp(lo->right.text.buf + rf, lo->left.text.buf + lf, ln)) {
			nr = nl;
			rl = nl ? xcalloc(nl, sizeof(*rl)) : NULL;
			for (size_t i = 0; i < nl; i++)
				rl[i] = (struct wrap_line){ ll[i].start - lf + rf, ll[i].end - lf + rf, ll[i].width };
		} else {
			nr = wrap_from(&lo->right, rf, col, &rl);
		}
	}
	for (size_t i = 0; i < nl || i < nr || i == 0; i++) {
		struct cmp_line *l = push(lo, CL_ROW, s, r);

		l->first = i == 0;
		if (i < nl) {
			l->l_start = ll[i].start;
			l->l_end = ll[i].end;
		}
		if (i < nr) {
			l->r_start = rl[i].start;
			l->r_end = rl[i].end;
		}
	}
	free(ll);
	free(rl);
}

static void add_heading(struct cmp_layout *lo, size_t s)
{
	const struct cmp_section *cs = &lo->c->secs[s];
	char note[96], why[64];
	const char *missing = cmp_section_note(lo->c, cs, why, sizeof(why));
	struct cmp_line *l;
	size_t from = lo->left.text.len;

	if (lo->n)
		push(lo, CL_BLANK, s, 0);
	styled_add(&lo->left, cs->title ? cs->title : cs->id, strlen(cs->title ? cs->title : cs->id),
		   ROLE_HEADING);
	if (cs->not_in_excerpt)
		snprintf(note, sizeof(note), "  %s", missing);
	else
		snprintf(note, sizeof(note), "  %.0f%% similar%s%s", cs->similarity * 100, missing ? ", " : "",
			 missing ? missing : "");
	styled_adds(&lo->left, note, ROLE_HINT);
	l = push(lo, CL_HEADING, s, 0);
	l->l_start = from;
	l->l_end = lo->left.text.len;
	push(lo, CL_BLANK, s, 0);
}

void cmp_layout_build(struct cmp_layout *lo, const struct comparison *c, size_t width, bool inline_mode,
		      bool fold)
{
	memset(lo, 0, sizeof(*lo));
	lo->c = c;
	lo->width = width < 20 ? 20 : width;
	lo->inline_mode = inline_mode;
	lo->fold = fold;
	cmp_edition_label(c->a, cmp_layout_column(lo), lo->a_label, sizeof(lo->a_label));
	cmp_edition_label(c->b, cmp_layout_column(lo), lo->b_label, sizeof(lo->b_label));
	for (size_t s = 0; s < c->n_secs; s++) {
		const struct cmp_section *cs = &c->secs[s];

		add_heading(lo, s);
		for (size_t r = 0; r < cs->n_rows;) {
			size_t run = 0;

			while (r + run < cs->n_rows && cs->rows[r + run].kind == CMP_SAME)
				run++;
			if (fold && run >= FOLD_MIN) {
				add_row(lo, s, r);
				push(lo, CL_FOLD, s, r + 1)->folded = run - 2;
				add_row(lo, s, r + run - 1);
				r += run;
				continue;
			}
			add_row(lo, s, r);
			r++;
		}
	}
}

void cmp_layout_free(struct cmp_layout *lo)
{
	styled_free(&lo->left);
	styled_free(&lo->right);
	free(lo->v);
	free(lo->at);
	free(lo->l_marks);
	free(lo->r_marks);
	memset(lo, 0, sizeof(*lo));
}

static bool is_change_start(const struct cmp_layout *lo, const struct cmp_line *l)
{
	return l->kind == CL_ROW && l->first && cmp_row_is_change(&lo->c->secs[l->sec].rows[l->row]);
}

bool cmp_layout_next_change(const struct cmp_layout *lo, size_t from, int dir, size_t *line)
{
	for (size_t i = from; dir > 0 ? i + 1 < lo->n : i > 0;) {
		const struct cmp_line *l;

		i = dir > 0 ? i + 1 : i - 1;
		l = &lo->v[i];
		if (is_change_start(lo, l)) {
			*line = i;
			return true;
		}
	}
	return false;
}

size_t cmp_layout_change_number(const struct cmp_layout *lo, size_t line)
{
	size_t k = 0;

	for (size_t i = 0; i <= line && i < lo->n; i++)
		k += is_change_start(lo, &lo->v[i]);
	return k;
}

size_t cmp_layout_section(const struct cmp_layout *lo, size_t s)
{
	for (size_t i = 0; i < lo->n; i++)
		if (lo->v[i].kind == CL_HEADING && lo->v[i].sec == s)
			return i;
	return 0;
}

size_t cmp_layout_find(const struct cmp_layout *lo, size_t s, size_t r)
{
	size_t best = cmp_layout_section(lo, s);

	for (size_t i = best; i < lo->n && lo->v[i].sec == s; i++) {
		if (lo->v[i].kind == CL_ROW && lo->v[i].row == r)
			return i;
		if (lo->v[i].kind == CL_FOLD && lo->v[i].row <= r && r < lo->v[i].row + lo->v[i].folded)
			return i;
	}
	return best;
}

void cmp_layout_mark(struct cmp_layout *lo, bool right, int section, size_t block, size_t start,
		     size_t end, unsigned char mark)
{
	const struct document *doc = right ? lo->c->b : lo->c->a;
	const char *base = layout_block_text(doc, section, block);

	if (!base)
		return;
	for (size_t k = 0; k < lo->n_at; k++) {
		const struct cmp_text_at *at = &lo->at[k];
		const struct cmp_section *cs = &lo->c->secs[at->sec];
		const struct cmp_row *row = &cs->rows[at->row];
		const struct styled *st = right && !lo->inline_mode ? &lo->right : &lo->left;
		unsigned char **marks = right && !lo->inline_mode ? &lo->r_marks : &lo->l_marks;
		size_t off, len, a, b;

		if (at->right != right || (right ? cs->b_index : cs->a_index) != section ||
		    (right ? row->b_block : row->a_block) != block)
			continue;
		off = (size_t)((right ? row->b : row->a) - base);
		len = right ? row->b_len : row->a_len;
		a = start > off ? start : off;
		b = end < off + len ? end : off + len;
		if (a >= b)
			continue;
		if (!*marks)
			*marks = xcalloc(st->text.len + 1, 1);
		memset(*marks + at->at + (a - off), mark, b - a);
	}
}
