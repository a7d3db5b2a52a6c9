/* move.h — one way to move through a list or a text, with one rule for the
 * size of a page, for every view. */
#ifndef TIPR_UI_MOVE_H
#define TIPR_UI_MOVE_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/keys.h"

/* The rows a page moves when rows are shown: all but two, which stay in
 * sight for context (at least one). */
size_t move_page(int rows);
/* Moves *pos, between 0 and last, for a movement action (a line or row,
 * a page, half a page, the top, the bottom) with rows shown; false (nothing
 * moved) for any other action. */
bool view_move(size_t *pos, size_t last, int rows, enum action act);

#endif
