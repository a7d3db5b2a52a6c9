/* annotate.h — the reader's annotation commands: each change goes to the
 * store (which saves it at once), the highlights are laid out again, and
 * the result is said on the message line. */
#ifndef TIPR_UI_ANNOTATE_H
#define TIPR_UI_ANNOTATE_H

#include <stdbool.h>

#include "notes/selection.h"
#include "ui/app.h"

/* Highlights the selection in color, with a note (NULL: none), and ends
 * the selection. */
bool annotate_highlight(struct app *app, struct selection *sel, enum ann_color color, const char *note);
/* Opens the note prompt for owner: for the selection (id NULL) or to edit
 * id's note. */
void annotate_prompt(struct app *app, struct view *owner, const char *id);
/* The note prompt's Enter: saves the note typed (for sel when it was for
 * the selection). */
void annotate_prompt_done(struct app *app, struct selection *sel);
bool annotate_recolor(struct app *app, const char *id, enum ann_color color);
bool annotate_delete(struct app *app, const char *id);
bool annotate_undo(struct app *app);
/* The current annotation's note or description for the hint line (the
 * caller frees it), or NULL when there is no current one. */
char *annotate_current_text(const struct app *app);
/* The colour a digit key 1-7 names; false for other keys. */
bool annotate_key_color(int key, enum ann_color *out);

#endif
