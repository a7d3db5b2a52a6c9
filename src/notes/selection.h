/* selection.h — a passage of the reading chosen to be annotated: started
 * at the reading position, extended by word, sentence and paragraph, moved
 * by display line or made with the mouse.  A selection stays within one
 * paragraph or recommendation, because that is what an annotation anchors
 * to.  Model code: the reader draws selection_line_range() and maps keys. */
#ifndef TIPR_SELECTION_H
#define TIPR_SELECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "reader/reading.h"

enum selection_unit { SEL_WORD, SEL_SENTENCE, SEL_PARAGRAPH };

struct selection {
	bool active;
	int section;
	size_t block;          /* paragraph, or n_paras + item (as struct line_ref) */
	size_t anchor, cursor; /* byte offsets in the block: the fixed end and the moving end */
	size_t goal_col;       /* the column line moves aim for; SIZE_MAX when unset */
};

/* Starts a selection of one word: at the current search match when it is
 * on screen (the match, whole), else at the first word on screen.  False
 * (nothing selected) when no text is visible. */
bool selection_start(struct selection *s, const struct reading *r);
/* Selects the whole paragraph or item at the reading position. */
bool selection_start_block(struct selection *s, const struct reading *r);
/* Starts a one-word selection at screen cell (line, col) of the reading
 * (line an index into r->lo, col a column of the line's text); false when
 * there is no text there. */
bool selection_start_at(struct selection *s, const struct reading *r, size_t line, size_t col);
/* Moves the moving end to cell (line, col), staying within the block. */
void selection_extend_to(struct selection *s, const struct reading *r, size_t line, size_t col);
void selection_clear(struct selection *s);

/* Moves the moving end forward (dir > 0) or back by a word, to the end of
 * a sentence, or to the end (start) of the paragraph.  The selection never
 * shrinks below one word.  False when it could not move. */
bool selection_move(struct selection *s, const struct reading *r, enum selection_unit unit, int dir);
/* Moves the moving end to the same column one display line down or up.  A
 * line of another paragraph starts a one-word selection there instead.
 * False at the ends of the document. */
bool selection_line(struct selection *s, const struct reading *r, int dir);
/* Swaps the fixed and the moving end. */
void selection_swap(struct selection *s);

/* The selected bytes [*start, *end) of the block, whole words. */
void selection_range(const struct selection *s, const struct reading *r, size_t *start, size_t *end);
/* The selected text (the caller frees it). */
char *selection_text(const struct selection *s, const struct reading *r);
/* The display line showing the moving end. */
size_t selection_cursor_line(const struct selection *s, const struct reading *r);
/* For drawing: the selected byte range within line i's text; false if the
 * line shows none of it. */
bool selection_line_range(const struct selection *s, const struct reading *r, size_t i, size_t *a,
			  size_t *b);

#endif
