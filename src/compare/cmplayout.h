/* cmplayout.h — a comparison laid out as display lines for the compare
 * view: two columns aligned row by row (or one inline column), section
 * headings with their similarity, unchanged stretches folded, and the
 * positions of the changes for next/previous.  Model code, no curses. */
#ifndef TIPR_CMPLAYOUT_H
#define TIPR_CMPLAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "compare/compare.h"
#include "style/styled.h"

/* Each of two columns gets at least this many text columns. */
#define CMP_COLUMN_MIN 30

enum cmp_line_kind { CL_BLANK, CL_HEADING, CL_ROW, CL_FOLD };

struct cmp_line {
	enum cmp_line_kind kind;
	size_t sec, row;        /* the section, and the row (CL_ROW) */
	bool first;             /* the first line of its row */
	size_t l_start, l_end;  /* a range of the left text (or the only one, inline) */
	size_t r_start, r_end;  /* a range of the right text */
	size_t folded;          /* CL_FOLD: how many sentences are hidden */
};

/* Where a row's own sentence sits, byte for byte, in the left or right text. */
struct cmp_text_at {
	size_t sec, row;
	bool right;             /* the sentence of document b */
	size_t at;              /* its first byte in lo->left or lo->right */
};

struct cmp_layout {
	const struct comparison *c;
	bool inline_mode, fold;
	size_t width;           /* whole width; columns are (width - 3) / 2 */
	/* The column headings at this width (cmp_edition_label): the left
	 * edition and the right; inline, both for the one column. */
	char a_label[64], b_label[64];
	struct styled left, right; /* all the text, with roles (ANSI roles as role ids) */
	struct cmp_line *v;
	size_t n, cap;
	struct cmp_text_at *at; /* rows drawn verbatim (not the merged inline rows) */
	size_t n_at, cap_at;
	/* Per byte of left and right: 0, or an annotation's colour + 1 (NULL until marked). */
	unsigned char *l_marks, *r_marks;
};

/* True when width holds two columns of CMP_COLUMN_MIN text columns each
 * (an 80-column terminal does): side by side is then the default. */
bool cmp_layout_fits(size_t width);
/* The heading of an edition's column in at most width display columns:
 * "2023 · Tier 2 Watch List · excerpt", shortened to the tier's badge
 * ("2023 · 2WL · excerpt") or the year alone where that does not fit.
 * Writes it to buf (n bytes) and returns its display width. */
size_t cmp_edition_label(const struct document *d, size_t width, char *buf, size_t n);
/* Why section cs of c is on one side only, into buf (n bytes): "not in the
 * 2023 excerpt", "new in 2022", "not in 2022"; NULL when both have it. */
const char *cmp_section_note(const struct comparison *c, const struct cmp_section *cs, char *buf, size_t n);

/* Lays out c for width columns.  Free with cmp_layout_free(). */
void cmp_layout_build(struct cmp_layout *lo, const struct comparison *c, size_t width, bool inline_mode,
		      bool fold);
void cmp_layout_free(struct cmp_layout *lo);
/* Marks bytes [start, end) of block `block` of section `section` of
 * document a (right: document b) with mark wherever the layout shows them
 * (an annotation laid over the comparison). */
void cmp_layout_mark(struct cmp_layout *lo, bool right, int section, size_t block, size_t start,
		     size_t end, unsigned char mark);
/* The width of one column. */
size_t cmp_layout_column(const struct cmp_layout *lo);
/* The first line of the next (dir > 0) or previous change
 * (cmp_row_is_change) from line `from`; false when there is none. */
bool cmp_layout_next_change(const struct cmp_layout *lo, size_t from, int dir, size_t *line);
/* k of "change k of N" for the view whose top line is `line`: how many
 * changes start at or before it (0 before the first); N is
 * lo->c->n_changes. */
size_t cmp_layout_change_number(const struct cmp_layout *lo, size_t line);
/* The first line showing section s (its heading). */
size_t cmp_layout_section(const struct cmp_layout *lo, size_t s);
/* The line where row (s, r) starts, or the fold hiding it. */
size_t cmp_layout_find(const struct cmp_layout *lo, size_t s, size_t r);

#endif
