/* prompt.h — the one prompt of the hint line: its kinds in a table (label,
 * size, what may be typed), its text and cursor in one line editor that
 * every opening resets, and its events sent to the view that opened it. */
#ifndef TIPR_UI_PROMPT_H
#define TIPR_UI_PROMPT_H

#include <stdbool.h>

#include "reader/lineedit.h"

struct app;
struct view;

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_SEARCH,        /* / in the text */
	PROMPT_SEARCH_BACK,   /* ? in the text */
	PROMPT_FILTER,        /* the tree's filter */
	PROMPT_COMPARE,       /* the year to compare with */
	PROMPT_SEARCH_ALL,    /* S: every narrative */
	PROMPT_NOTE,          /* an annotation's note */
	PROMPT_NOTES_FILTER,  /* the list of annotations' filter */
	PROMPT_HELP,          /* a word to find in the help */
	PROMPT__COUNT
};

struct prompt {
	enum prompt_kind kind;
	struct line_edit edit;
	struct view *owner;   /* told of its events (view_ops.prompt) */
};

/* Opens a prompt of kind for owner, its text initial (may be NULL) and
 * the cursor at its end. */
void prompt_open(struct app *app, struct view *owner, enum prompt_kind kind, const char *initial);
/* Closes it without telling the owner. */
void prompt_close(struct app *app);
/* The kind open now (PROMPT_NONE: none). */
enum prompt_kind prompt_kind(const struct app *app);
const char *prompt_text(const struct app *app);
/* Replaces the text (a query recalled from history), the cursor at its end. */
void prompt_set_text(struct app *app, const char *text);
/* A key while the prompt is open: edits, Enter, Esc, or for the owner. */
void prompt_key(struct app *app, bool fkey, int code);
/* Draws the prompt's label, text and cursor on row y, w columns wide. */
void prompt_draw(struct app *app, int y, int w);
void prompt_free(struct prompt *p);

#endif
