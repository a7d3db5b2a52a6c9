/* draw.c — colours for the theme's roles, and the one place text from files
 * reaches the terminal: made inert (textsafe) and clipped by display width. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/textsafe.h"
#include "base/utf8.h"
#include "text/textwrap.h"
#include "ui/draw.h"

static attr_t theme_attrs(unsigned a)
{
	return (a & THEME_BOLD ? A_BOLD : 0) | (a & THEME_UNDERLINE ? A_UNDERLINE : 0) |
	       (a & THEME_REVERSE ? A_REVERSE : 0) | (a & THEME_DIM ? A_DIM : 0) |
#ifdef A_ITALIC
	       (a & THEME_ITALIC ? A_ITALIC : 0) |
#endif
	       0;
}

/* Without colour, roles that only colour tells apart get attributes. */
static attr_t mono_fallback(enum theme_role r)
{
	switch (r) {
	case ROLE_TREE_SELECTED:
	case ROLE_STATUS:
	case ROLE_MATCH:
	case ROLE_SELECTION:
		return A_REVERSE;
	case ROLE_MATCH_CURRENT:
		return A_REVERSE | A_UNDERLINE | A_BOLD;
	case ROLE_INSERT:
		return A_UNDERLINE | A_BOLD;
	case ROLE_DELETE:
	case ROLE_HINT:
	case ROLE_BORDER:
		return A_DIM;
	case ROLE_MOVED:
	case ROLE_EXCERPT:
	case ROLE_NOTICE:
	case ROLE_NOTE_YELLOW:
	case ROLE_NOTE_GREEN:
	case ROLE_NOTE_BLUE:
	case ROLE_NOTE_PINK:
	case ROLE_NOTE_RED:
	case ROLE_NOTE_PURPLE:
	case ROLE_NOTE_ORANGE:
		return A_UNDERLINE;
	case ROLE_NOTE_MARKER:
		return A_BOLD;
	default:
		return 0;
	}
}

/* A theme colour reduced to what the terminal has; bright colours on an
 * 8-colour terminal become bold. */
static int reduce(int c, bool fg, attr_t *extra)
{
	if (c < 0 || COLORS >= 256 || (COLORS >= 16 && c < 16))
		return c;
	if (fg && c >= 8 && c < 16)
		*extra |= A_BOLD;
	return theme_color8(c);
}

void draw_init(struct screen *scr, const struct theme *theme, bool want_color)
{
	bool color = want_color && has_colors() && !theme->monochrome;

	if (color && (start_color() == ERR || use_default_colors() == ERR))
		color = false;
	scr->color = color;
	for (int r = 0; r < ROLE__COUNT; r++) {
		const struct theme_style *st = &theme->roles[r];
		attr_t a = theme_attrs(st->attrs);

		if (color && r + 1 < COLOR_PAIRS) {
			int fg = reduce(st->fg, true, &a), bg = reduce(st->bg, false, &a);

			if (init_pair((short)(r + 1), (short)fg, (short)bg) != ERR)
				a |= COLOR_PAIR(r + 1);
		} else {
			a |= mono_fallback((enum theme_role)r);
		}
		scr->roles[r] = a;
	}
}

attr_t draw_attr(const struct screen *scr, enum theme_role role)
{
	return role < ROLE__COUNT ? scr->roles[role] : A_NORMAL;
}

const char *draw_glyph(const struct screen *scr, enum glyph g)
{
	static const char *const utf8[GLYPH__COUNT] = {
		[GLYPH_VBAR] = "\xe2\x94\x82",     /* │ */
		[GLYPH_HBAR] = "\xe2\x94\x80",     /* ─ */
		[GLYPH_ELLIPSIS] = "\xe2\x80\xa6", /* … */
		[GLYPH_NOTE] = "\xe2\x9c\x8e",     /* ✎ */
		[GLYPH_OPEN] = "\xe2\x96\xbe",     /* ▾ */
		[GLYPH_CLOSED] = "\xe2\x96\xb8",   /* ▸ */
		[GLYPH_SEP] = " \xe2\x80\xba ",    /* › */
		[GLYPH_REC_BAR] = "\xe2\x96\x8e",  /* ▎ */
		[GLYPH_ARROW] = "\xe2\x86\x92",    /* → */
	};
	static const char *const ascii[GLYPH__COUNT] = {
		[GLYPH_VBAR] = "|", [GLYPH_HBAR] = "-",	 [GLYPH_ELLIPSIS] = "~", [GLYPH_NOTE] = "*",
		[GLYPH_OPEN] = "-", [GLYPH_CLOSED] = "+", [GLYPH_SEP] = " > ",   [GLYPH_REC_BAR] = "|",
		[GLYPH_ARROW] = "->",
	};

	return g < GLYPH__COUNT ? (scr->ascii_only ? ascii : utf8)[g] : "";
}

void draw_fill(int y, int x, int w, attr_t attr)
{
	attrset(attr);
	if (w > 0)
		mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

/* Cells being drawn from left to right: a base character and the
 * combining marks that follow it make one. */
struct cells {
	int y, x, end;
	attr_t attr;
	bool ascii_only;
	wchar_t cell[CCHARW_MAX + 1];
	size_t in_cell;
	int cell_w;
};

/* Puts the cell being made (its room was made sure of as it began). */
static void put_cell(struct cells *c)
{
	cchar_t cell;

	if (!c->in_cell)
		return;
	c->cell[c->in_cell] = 0;
	if (setcchar(&cell, c->cell, c->attr & ~A_COLOR, (short)PAIR_NUMBER(c->attr), NULL) == OK)
		mvadd_wch(c->y, c->x, &cell);
	c->x += c->cell_w;
	c->in_cell = 0;
}

/* Adds a safe code point; false once the width is used up. */
static bool add_cp(struct cells *c, int32_t cp)
{
	int w = c->ascii_only && cp >= 0x80 ? 1 : cp_width(cp);

	if (c->ascii_only && cp >= 0x80)
		cp = '?';
	if (w == 0) {
		/* A combining mark joins the cell before it. */
		if (c->in_cell && c->in_cell < CCHARW_MAX)
			c->cell[c->in_cell++] = (wchar_t)cp;
		return true;
	}
	put_cell(c);
	if (c->x + w > c->end)
		return false;
	c->cell[c->in_cell++] = (wchar_t)cp;
	c->cell_w = w;
	return true;
}

static bool plain_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7F)
			return false;
	return true;
}

int draw_text(const struct screen *scr, int y, int x, int maxw, const char *s, size_t len, attr_t attr)
{
	struct cells c = { .y = y, .x = x, .end = x + maxw, .attr = attr, .ascii_only = scr->ascii_only };
	bool room = true;

	if (maxw <= 0)
		return 0;
	/* Printable ASCII, most of a narrative, is one cell per byte. */
	if (plain_ascii(s, len)) {
		int w = len < (size_t)maxw ? (int)len : maxw;

		attrset(attr);
		mvaddnstr(y, x, s, w);
		attrset(A_NORMAL);
		return w;
	}
	/* Anything else cell by cell, each unsafe code point drawn as its
	 * placeholder (textsafe.h), read where it stands. */
	for (size_t i = 0; i < len && room;) {
		char ph[16];
		int32_t cp;
		size_t k = utf8_next(s + i, len - i, &cp), n = textsafe_placeholder(cp, ph);

		i += k ? k : 1;
		if (!n) {
			room = add_cp(&c, cp);
			continue;
		}
		for (size_t j = 0; j < n && room;) {
			size_t m = utf8_next(ph + j, n - j, &cp);

			j += m ? m : 1;
			room = add_cp(&c, cp);
		}
	}
	put_cell(&c);
	return c.x - x;
}

int draw_str(const struct screen *scr, int y, int x, int maxw, const char *s, attr_t attr)
{
	return draw_text(scr, y, x, maxw, s, strlen(s), attr);
}

int draw_text_clipped(const struct screen *scr, int y, int x, int maxw, const char *s, size_t len,
		      attr_t attr)
{
	size_t fit;
	int used;

	if (maxw < 2 || text_width(s, len) <= (size_t)maxw)
		return draw_text(scr, y, x, maxw, s, len, attr);
	fit = text_fit(s, len, (size_t)maxw - 1, NULL);
	used = draw_text(scr, y, x, maxw - 1, s, fit, attr);
	return used + draw_str(scr, y, x + used, 1, draw_glyph(scr, GLYPH_ELLIPSIS), attr);
}

enum theme_role draw_note_role(enum ann_color c)
{
	return (enum theme_role)(ROLE_NOTE_YELLOW + (c < ANN__COLOR_COUNT ? (int)c : 0));
}

/* Annotated text takes the annotation's colour; text that is also inserted
 * or deleted keeps its diff colour, underlined, so neither is lost. */
static attr_t styled_attr(const struct screen *scr, enum theme_role role, unsigned char mark)
{
	if (!mark)
		return draw_attr(scr, role);
	if (role == ROLE_INSERT || role == ROLE_DELETE || role == ROLE_MOVED)
		return draw_attr(scr, role) | A_UNDERLINE;
	return draw_attr(scr, draw_note_role((enum ann_color)(mark - 1)));
}

int draw_styled(const struct screen *scr, int y, int x, int maxw, const struct styled *st,
		const unsigned char *marks, size_t start, size_t end)
{
	int used = 0;

	for (size_t i = start; i < end && used < maxw;) {
		size_t j = i;
		unsigned char mark = marks ? marks[i] : 0;

		while (j < end && st->roles[j] == st->roles[i] && (marks ? marks[j] : 0) == mark)
			j++;
		used += draw_text(scr, y, x + used, maxw - used, st->text.buf + i, j - i,
				  styled_attr(scr, (enum theme_role)st->roles[i], mark));
		i = j;
	}
	return used;
}

int draw_picture(const struct screen *scr, int y, int x, int h, int w, const struct picture *p, size_t top,
		 int sel)
{
	int drawn = 0;

	for (size_t i = top; i < p->n_lines && drawn < h; i++, drawn++) {
		const struct pic_line *l = &p->lines[i];

		for (size_t k = l->first; k < l->first + l->n; k++) {
			const struct pic_run *r = &p->runs[k];
			attr_t a = draw_attr(scr, r->role);

			if ((int)r->col >= w)
				break;
			if (sel >= 0 && r->tag == sel)
				a |= A_REVERSE;
			draw_text(scr, y + drawn, x + (int)r->col, w - (int)r->col, p->text.buf + r->off, r->len, a);
		}
	}
	return drawn;
}
