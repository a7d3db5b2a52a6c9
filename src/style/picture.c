/* picture.c — lines of styled runs, their SGR output, and the generic
 * charts (bars, sparklines). */
#include "config.h"

#include "style/picture.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/textsafe.h"
#include "style/ansi.h"
#include "text/textwrap.h"

void pic_init(struct picture *p, bool utf8, bool color)
{
	memset(p, 0, sizeof(*p));
	p->utf8 = utf8;
	p->color = color;
}

void pic_free(struct picture *p)
{
	sb_free(&p->text);
	free(p->runs);
	free(p->lines);
	memset(p, 0, sizeof(*p));
}

void pic_clear(struct picture *p)
{
	sb_reset(&p->text);
	p->n_runs = p->n_lines = 0;
}

void pic_newline(struct picture *p)
{
	GROW(p->lines, p->cap_lines, p->n_lines + 1);
	p->lines[p->n_lines++] = (struct pic_line){ p->n_runs, 0, 0 };
}

void pic_fresh(struct picture *p)
{
	if (p->n_lines && p->lines[p->n_lines - 1].width)
		pic_newline(p);
}

static struct pic_line *current(struct picture *p)
{
	if (!p->n_lines)
		pic_newline(p);
	return &p->lines[p->n_lines - 1];
}

size_t pic_col(const struct picture *p)
{
	const struct pic_line *l = p->n_lines ? &p->lines[p->n_lines - 1] : NULL;
	const struct pic_run *last = l && l->n ? &p->runs[l->first + l->n - 1] : NULL;
	size_t end = last ? last->col + last->width : 0;

	/* A gap made by pic_move is kept in the line's width. */
	return l && l->width > end ? l->width : end;
}

void pic_move(struct picture *p, size_t col)
{
	struct pic_line *l = current(p);

	if (col > l->width)
		l->width = col;
}

void pic_add(struct picture *p, const char *s, size_t len, enum theme_role role, int tag)
{
	struct pic_line *l = current(p);
	size_t off = p->text.len, col = pic_col(p);
	struct pic_run *r;

	if (!len)
		return;
	textsafe_append(&p->text, s, len);
	/* Newlines and tabs are inert but would break the picture's lines. */
	for (size_t i = off; i < p->text.len; i++)
		if (p->text.buf[i] == '\n' || p->text.buf[i] == '\t')
			p->text.buf[i] = ' ';
	GROW(p->runs, p->cap_runs, p->n_runs + 1);
	r = &p->runs[p->n_runs++];
	r->off = off;
	r->len = p->text.len - off;
	r->col = col;
	r->width = text_width(p->text.buf + off, r->len);
	r->role = role;
	r->tag = tag;
	l->n++;
	l->width = col + r->width;
}

void pic_puts(struct picture *p, const char *s, enum theme_role role)
{
	pic_add(p, s, strlen(s), role, -1);
}

void pic_printf(struct picture *p, enum theme_role role, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	pic_puts(p, s, role);
	free(s);
}

const char *pic_glyph(const struct picture *p, const char *utf8_glyph, const char *ascii_glyph)
{
	return p->utf8 ? utf8_glyph : ascii_glyph;
}

int pic_tag_at(const struct picture *p, size_t line, size_t col)
{
	const struct pic_line *l;

	if (line >= p->n_lines)
		return -1;
	l = &p->lines[line];
	for (size_t i = l->first; i < l->first + l->n; i++)
		if (col >= p->runs[i].col && col < p->runs[i].col + p->runs[i].width)
			return p->runs[i].tag;
	return -1;
}

bool pic_find_tag(const struct picture *p, int tag, size_t *line, size_t *col)
{
	for (size_t i = 0; i < p->n_lines; i++) {
		const struct pic_line *l = &p->lines[i];

		for (size_t k = l->first; k < l->first + l->n; k++) {
			if (p->runs[k].tag == tag) {
				*line = i;
				*col = p->runs[k].col;
				return true;
			}
		}
	}
	return false;
}

/* The tagged runs of line i, other than tag: the one nearest col (dx 0),
 * or the nearest before (dx < 0) or after (dx > 0) col; -1 when none. */
static int tag_on_line(const struct picture *p, size_t i, int tag, size_t col, int dx)
{
	const struct pic_line *l = &p->lines[i];
	int best = -1;
	size_t best_d = SIZE_MAX;

	for (size_t k = l->first; k < l->first + l->n; k++) {
		const struct pic_run *r = &p->runs[k];
		size_t d = r->col > col ? r->col - col : col - r->col;

		if (r->tag < 0 || r->tag == tag || (dx < 0 && r->col >= col) || (dx > 0 && r->col <= col))
			continue;
		if (d < best_d) {
			best_d = d;
			best = r->tag;
		}
	}
	return best;
}

int pic_next_tag(const struct picture *p, int tag, int dx, int dy)
{
	size_t line, col;
	int found;

	if (!pic_find_tag(p, tag, &line, &col)) {
		for (size_t i = 0; i < p->n_runs; i++)
			if (p->runs[i].tag >= 0)
				return p->runs[i].tag;
		return -1;
	}
	if (dx && (found = tag_on_line(p, line, tag, col, dx)) >= 0)
		return found;
	/* At a line's end, on to the next line's first (or the last of the
	 * one before); up and down, the nearest column. */
	for (size_t i = line; dy || dx;) {
		int dir = dy ? dy : dx;

		if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= p->n_lines))
			break;
		i = dir < 0 ? i - 1 : i + 1;
		found = tag_on_line(p, i, tag, dy ? col : dx > 0 ? 0 : SIZE_MAX, dy ? 0 : dx > 0 ? 1 : -1);
		if (dx > 0 && found < 0)
			found = tag_on_line(p, i, tag, 0, 0);
		if (found >= 0)
			return found;
	}
	return tag;
}

void pic_print(const struct picture *p, const struct palette *pal, FILE *out)
{
	for (size_t i = 0; i < p->n_lines; i++) {
		const struct pic_line *l = &p->lines[i];
		const char *cur = "";
		size_t col = 0;

		for (size_t k = l->first; k < l->first + l->n; k++) {
			const struct pic_run *r = &p->runs[k];
			const char *seq = sgr(pal, r->role);

			/* Gaps are plain spaces: a style on them (underline,
			 * reverse) would show. */
			if (r->col > col && *cur) {
				fputs(sgr_reset(pal), out);
				cur = "";
			}
			for (; col < r->col; col++)
				fputc(' ', out);
			if (strcmp(seq, cur)) {
				if (*cur)
					fputs(sgr_reset(pal), out);
				fputs(seq, out);
				cur = seq;
			}
			fwrite(p->text.buf + r->off, 1, r->len, out);
			col = r->col + r->width;
		}
		if (*cur)
			fputs(sgr_reset(pal), out);
		fputc('\n', out);
	}
}

void pic_bars(struct picture *p, const struct pic_bar *bars, size_t n, size_t width)
{
	static const char *const eighths[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	size_t label_w = 0, value_w = 0, max = 0, bar_w;
	char **values = xcalloc(n + 1, sizeof(*values));

	for (size_t i = 0; i < n; i++) {
		size_t w = text_width(bars[i].label, strlen(bars[i].label));

		values[i] = bars[i].total ? xasprintf("%zu of %zu", bars[i].value, bars[i].total)
					  : xasprintf("%zu", bars[i].value);
		label_w = w > label_w ? w : label_w;
		value_w = strlen(values[i]) > value_w ? strlen(values[i]) : value_w;
		max = bars[i].value > max ? bars[i].value : max;
	}
	bar_w = width > label_w + value_w + 3 ? width - label_w - value_w - 2 : 1;
	for (size_t i = 0; i < n; i++) {
		const struct pic_bar *b = &bars[i];
		size_t start, len;

		pic_fresh(p);
		start = pic_col(p);
		pic_add(p, b->label, strlen(b->label), ROLE_TEXT, b->tag);
		pic_move(p, start + label_w + 1 + value_w - strlen(values[i]));
		pic_add(p, values[i], strlen(values[i]), ROLE_META, b->tag);
		pic_move(p, start + label_w + value_w + 2);
		if (p->utf8) {
			/* In eighths of a cell, rounded; a sliver at least. */
			len = max ? (b->value * bar_w * 8 + max / 2) / max : 0;
			if (b->value && !len)
				len = 1;
			for (size_t k = 0; k < len / 8; k++)
				pic_add(p, "█", strlen("█"), b->role, b->tag);
			pic_add(p, eighths[len % 8], strlen(eighths[len % 8]), b->role, b->tag);
		} else {
			len = max ? (b->value * bar_w + max / 2) / max : 0;
			if (b->value && !len)
				len = 1;
			for (size_t k = 0; k < len; k++)
				pic_add(p, "#", 1, b->role, b->tag);
		}
		free(values[i]);
	}
	free(values);
}

void pic_sparkline(struct picture *p, const size_t *values, size_t n, enum theme_role role)
{
	static const char *const blocks[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char ascii[8] = "_.-=+*#@";
	size_t max = 0;

	for (size_t i = 0; i < n; i++)
		max = values[i] > max ? values[i] : max;
	for (size_t i = 0; i < n; i++) {
		/* Heights 1..8, rounded up so that any match shows. */
		size_t h = values[i] ? (values[i] * 8 + max - 1) / max : 0;

		if (!h)
			pic_move(p, pic_col(p) + 1);
		else if (p->utf8)
			pic_add(p, blocks[h - 1], strlen(blocks[h - 1]), role, (int)i);
		else
			pic_add(p, &ascii[h - 1], 1, role, (int)i);
	}
}
