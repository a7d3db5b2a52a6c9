/* frame.h — the whole screen: the tree, the main pane (or the help over
 * both), the status line and the hint line, drawn through the views'
 * operations. */
#ifndef TIPR_UI_FRAME_H
#define TIPR_UI_FRAME_H

#include "ui/app.h"

/* The smallest screen the reader draws on; below it, a request to enlarge. */
enum { FRAME_MIN_COLS = 30, FRAME_MIN_ROWS = 6 };

/* Draws the screen now: after each key, and from long work (a cache being
 * built) to show its progress. */
void frame_draw(struct app *app);

#endif
