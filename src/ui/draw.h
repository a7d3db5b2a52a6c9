/* draw.h — the one place text reaches the terminal: theme roles as curses
 * attributes, text made inert (textsafe) and clipped by display width,
 * styled runs, and the glyphs that have an ASCII stand-in. */
#ifndef TIPR_UI_DRAW_H
#define TIPR_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "content/document.h"
#include "notes/annotations.h"
#include "style/picture.h"
#include "style/styled.h"
#include "style/theme.h"

/* What drawing needs to know of the terminal. */
struct screen {
	int rows, cols;
	bool ascii_only;          /* the locale cannot show UTF-8 */
	bool color;               /* colour in use (asked for, and the terminal has it) */
	attr_t roles[ROLE__COUNT];
};

/* Glyphs drawn as UTF-8, or as ASCII where the locale cannot show it. */
enum glyph { GLYPH_VBAR, GLYPH_HBAR, GLYPH_ELLIPSIS, GLYPH_NOTE, GLYPH_OPEN, GLYPH_CLOSED, GLYPH_SEP,
	     GLYPH_REC_BAR, GLYPH_ARROW, GLYPH__COUNT };

/* Sets the roles' attributes from theme, in colour when want_color and the
 * terminal has colours (scr->color says which). */
void draw_init(struct screen *scr, const struct theme *theme, bool want_color);
attr_t draw_attr(const struct screen *scr, enum theme_role role);
/* The role of an annotation colour. */
enum theme_role draw_note_role(enum ann_color c);
const char *draw_glyph(const struct screen *scr, enum glyph g);

/* Draws s[0..len) at (y, x), no wider than maxw columns, with control and
 * bidi characters shown as placeholders; returns the columns used. */
int draw_text(const struct screen *scr, int y, int x, int maxw, const char *s, size_t len, attr_t attr);
/* draw_text of a NUL-terminated string. */
int draw_str(const struct screen *scr, int y, int x, int maxw, const char *s, attr_t attr);
/* Like draw_text, but text cut short ends in an ellipsis, so a clipped
 * name never passes for a whole one. */
int draw_text_clipped(const struct screen *scr, int y, int x, int maxw, const char *s, size_t len,
		      attr_t attr);
/* Fills from (y, x) to x + w - 1 with spaces in attr. */
void draw_fill(int y, int x, int w, attr_t attr);
/* Draws bytes [start, end) of st at (y, x), run by run in their roles;
 * marks (may be NULL) lays annotation colours (colour + 1 per byte) over it. */
int draw_styled(const struct screen *scr, int y, int x, int maxw, const struct styled *st,
		const unsigned char *marks, size_t start, size_t end);

/* Draws lines [top, top + r.h) of picture p into rectangle r (y, x, h, w),
 * the runs tagged sel (-1: none) in reverse; returns the lines drawn. */
int draw_picture(const struct screen *scr, int y, int x, int h, int w, const struct picture *p, size_t top,
		 int sel);

#endif
