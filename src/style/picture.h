/* picture.h — pictures drawn as lines of styled runs, the same for batch
 * output (SGR) and the reader (curses): each run is inert text at a column,
 * in a theme role, with an optional tag saying what it stands for (so the
 * reader can put a cursor on a cell and open what it shows).
 *
 * A picture is built for a terminal: utf8 chooses Unicode blocks or ASCII,
 * color chooses colour or marks that need none (letters, patterns).  The
 * generic charts live here; the tier pictures in tiers/tierpic.h.
 *
 * To draw one with curses: for each line i, for each run r of
 * p->runs[p->lines[i].first .. + n), put p->text.buf + r.off (r.len bytes)
 * at column r.col in the attribute of r.role.  Model code: no curses. */
#ifndef TIPR_PICTURE_H
#define TIPR_PICTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/util.h"
#include "style/ansi.h"
#include "style/theme.h"

struct pic_run {
	size_t off, len;      /* bytes of the picture's text */
	size_t col, width;    /* where it starts on its line, and its display width */
	enum theme_role role;
	int tag;              /* what the run shows (the builder's index), -1: nothing */
};

struct pic_line {
	size_t first, n;      /* runs[first .. first + n) */
	size_t width;         /* display columns, trailing gaps excluded */
};

struct picture {
	bool utf8, color;
	struct strbuf text;
	struct pic_run *runs;
	size_t n_runs, cap_runs;
	struct pic_line *lines;
	size_t n_lines, cap_lines;
};

/* An empty picture for a terminal that has (or lacks) UTF-8 and colour;
 * release it with pic_free. */
void pic_init(struct picture *p, bool utf8, bool color);
void pic_free(struct picture *p);
/* Empties the picture, keeping its mode and memory. */
void pic_clear(struct picture *p);

/* Starts a new line (the first run starts line 0 by itself). */
void pic_newline(struct picture *p);
/* Starts a new line unless the current one is still empty: what each line
 * of a chart begins with, so that pictures end without a blank line. */
void pic_fresh(struct picture *p);
/* Appends s[0..len) to the current line, made inert (textsafe.h). */
void pic_add(struct picture *p, const char *s, size_t len, enum theme_role role, int tag);
void pic_puts(struct picture *p, const char *s, enum theme_role role);
void pic_printf(struct picture *p, enum theme_role role, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* Moves on to column col of the current line (a gap; never back). */
void pic_move(struct picture *p, size_t col);
/* The column the next run starts at. */
size_t pic_col(const struct picture *p);
/* utf8_glyph or ascii_glyph, as the picture's terminal can show. */
const char *pic_glyph(const struct picture *p, const char *utf8_glyph, const char *ascii_glyph);

/* The tag of the run at (line, col), -1 when none. */
int pic_tag_at(const struct picture *p, size_t line, size_t col);
/* Where the first run tagged tag is; false when none is. */
bool pic_find_tag(const struct picture *p, int tag, size_t *line, size_t *col);

/* The tag a cursor on tag moves to, in a picture laid out as a grid (a
 * tile map): dx -1/1 the tagged run before or after it (on the line
 * before or after at the ends of a line), dy -1/1 the tagged run nearest
 * its column on the nearest line above or below that has one.  The tag
 * itself when there is none that way (or tag is not in the picture: the
 * first tag, or -1 when the picture has none). */
int pic_next_tag(const struct picture *p, int tag, int dx, int dy);

/* Writes the picture, one line per line, in the styles of pal (NULL: no
 * escape sequences at all). */
void pic_print(const struct picture *p, const struct palette *pal, FILE *out);

/* One bar of a bar chart. */
struct pic_bar {
	const char *label;
	size_t value;
	size_t total;         /* shown as "value of total" when non-zero */
	enum theme_role role; /* the bar's */
	int tag;
};

/* Horizontal bars, one line each (starting on a fresh line): the label, the value (right-aligned),
 * then a bar proportional to the largest value, filling width columns
 * (eighth blocks in UTF-8; '#' in ASCII); a non-zero value shows at least
 * a sliver.  Each line's runs carry its bar's tag. */
void pic_bars(struct picture *p, const struct pic_bar *bars, size_t n, size_t width);

/* Appends a sparkline to the current line: one cell per value, tagged with
 * its index, eight heights scaled to the largest (▁..█; "_.-=+*#@" in
 * ASCII), a blank for zero. */
void pic_sparkline(struct picture *p, const size_t *values, size_t n, enum theme_role role);

#endif
