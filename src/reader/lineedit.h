/* lineedit.h — the text of a one-line prompt and its cursor, edited as
 * readline edits: one object owns both, so no edit can leave the cursor
 * outside the text or inside a character.  Model code, no curses. */
#ifndef TIPR_LINEEDIT_H
#define TIPR_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/util.h"

/* Invariant: cursor <= text.len, on the first byte of a code point; the
 * text is valid UTF-8 of at most max bytes. */
struct line_edit {
	struct strbuf text;
	size_t cursor; /* a byte offset into text */
	size_t max;    /* bytes the text may hold */
};

enum line_edit_op {
	LE_LEFT,       /* a character back */
	LE_RIGHT,      /* a character on */
	LE_HOME,       /* to the start */
	LE_END,        /* to the end */
	LE_BACKSPACE,  /* delete the character before the cursor */
	LE_DELETE,     /* delete the character under the cursor */
	LE_KILL_START, /* delete from the start to the cursor (^U) */
	LE_KILL_END,   /* delete from the cursor to the end (^K) */
	LE_KILL_WORD,  /* delete the word before the cursor and the spaces after it (^W) */
};

/* Empties e and puts initial (may be NULL; cut to max bytes at a character
 * boundary, invalid UTF-8 made U+FFFD) in it, the cursor at its end. */
void line_edit_reset(struct line_edit *e, const char *initial, size_t max);
/* Inserts code point cp at the cursor; false (nothing changed) for a
 * control character, a surrogate, a value beyond U+10FFFF or no room. */
bool line_edit_insert(struct line_edit *e, int32_t cp);
/* Applies op; true when the text changed (not when only the cursor moved). */
bool line_edit_apply(struct line_edit *e, enum line_edit_op op);
/* The text, "" when empty; valid until the next change. */
const char *line_edit_text(const struct line_edit *e);
void line_edit_free(struct line_edit *e);

#endif
