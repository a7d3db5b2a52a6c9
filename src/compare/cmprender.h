/* cmprender.h — a comparison row as styled text: one side of a side-by-side
 * view, or both merged inline.  Shared by tipr diff and the compare view.
 * With marks, changes are also bracketed ([-deleted-], {+inserted+}) so they
 * read without colour. */
#ifndef TIPR_CMPRENDER_H
#define TIPR_CMPRENDER_H

#include <stdbool.h>

#include "compare/compare.h"
#include "style/styled.h"

/* Appends the left (a) or right (b) side of row to st; nothing if that side
 * has no sentence. */
void cmp_render_side(const struct cmp_row *row, bool right, bool marks, struct styled *st);
/* Appends row as one text with deletions and insertions in place. */
void cmp_render_inline(const struct cmp_row *row, bool marks, struct styled *st);

#endif
