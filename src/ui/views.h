/* views.h — the reader's views, each a table of operations (view.h).  Only
 * where the reader starts (reader_cmd.c) lists them; nothing else names a
 * view. */
#ifndef TIPR_UI_VIEWS_H
#define TIPR_UI_VIEWS_H

#include <stdbool.h>

#include "ui/view.h"

extern const struct view_ops tree_view;
extern const struct view_ops reader_view;
extern const struct view_ops compare_view;
extern const struct view_ops tracker_view;
extern const struct view_ops tiers_view;
extern const struct view_ops results_view;
extern const struct view_ops notes_view;
extern const struct view_ops help_view;

struct app;
struct corpus_doc;
/* Shows the comparison of a (left) and b (right), both loaded, at the
 * section with id section (NULL: the top): tipr compare. */
bool compare_view_start(struct view *v, struct app *app, struct corpus_doc *a, struct corpus_doc *b,
			const char *section);

#endif
