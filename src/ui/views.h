/* views.h — the reader's views, each a table of operations (view.h).  Only
 * where the reader starts (reader_cmd.c) lists them; nothing else names a
 * view. */
#ifndef TIPR_UI_VIEWS_H
#define TIPR_UI_VIEWS_H

#include "ui/view.h"

extern const struct view_ops tree_view;
extern const struct view_ops reader_view;
extern const struct view_ops compare_view;
extern const struct view_ops tracker_view;
extern const struct view_ops results_view;
extern const struct view_ops notes_view;
extern const struct view_ops help_view;

#endif
