/* reading.h — the state of the reading pane: a laid-out document, the scroll
 * position anchored to the text (so a reflow keeps the reader's place), and
 * the in-document search.  Model code: the UI draws lines and calls these. */
#ifndef TIPR_READING_H
#define TIPR_READING_H

#include <stdbool.h>
#include <stddef.h>

#include "content/document.h"
#include "content/layout.h"

/* A match of the search in a block of text (paragraph or item). */
struct reading_match {
	int section;
	size_t block;
	size_t start, end;  /* byte range in the block's text */
};

struct reading {
	const struct document *doc; /* not owned: the corpus keeps it */
	const char *name;           /* country name for the title */
	struct layout lo;
	size_t width, height;       /* of the text area */
	size_t top;                 /* first visible line */
	struct line_ref anchor;     /* what the first visible line shows */
	char *query;                /* the search, or NULL */
	struct reading_match *matches;
	size_t n_matches, cap_matches;
	size_t current;             /* index of the current match */
};

void reading_init(struct reading *r);
/* Shows doc (with name for its title) in a width x height area, at the top. */
void reading_open(struct reading *r, const struct document *doc, const char *name, size_t width,
		  size_t height);
/* Forgets the document and the search; frees what the reading owns. */
void reading_close(struct reading *r);

/* Reflows to a new size keeping the anchored text on the first line. */
void reading_resize(struct reading *r, size_t width, size_t height);

/* The largest useful top line (the last screenful). */
size_t reading_max_top(const struct reading *r);
/* Scrolls by delta lines (clamped); true if the view moved. */
bool reading_scroll(struct reading *r, long delta);
/* Scrolls to line top (clamped). */
void reading_set_top(struct reading *r, size_t top);

/* The section shown at the top line (-1 in the header), or the one last
 * gone to when the end of the document kept its heading from the top. */
int reading_section_at_top(const struct reading *r);
/* Puts section s's heading on the top line. */
void reading_goto_section(struct reading *r, int s);
/* The id of the section shown at the top line, or NULL in the header; it
 * points into the document. */
const char *reading_section_id_at_top(const struct reading *r);
/* Puts the heading of the section with this id on the top line; false (the
 * view unmoved) when the document has no such section. */
bool reading_goto_section_id(struct reading *r, const char *id);
/* Moves to the next (dir > 0) or previous section; false at the ends. */
bool reading_next_section(struct reading *r, int dir);
/* Moves to the first line showing ref. */
void reading_goto_ref(struct reading *r, struct line_ref ref);
/* Position of the bottom of the view through the document, 0..100. */
int reading_percent(const struct reading *r);

/* Searches paragraphs and items for query (case-, accent- and
 * width-insensitive); returns the number of matches.  An empty query clears
 * the search.  The current match is the first at or after line from. */
size_t reading_search(struct reading *r, const char *query, size_t from);
/* Makes the next (dir > 0) or previous match current, wrapping, and scrolls
 * to it; *wrapped says whether it went round the end.  False without matches. */
bool reading_search_next(struct reading *r, int dir, bool *wrapped);
/* Scrolls so that line is visible: not at all when it is, else to put it
 * a third of the way down. */
void reading_show_line(struct reading *r, size_t line);
/* Scrolls so the current match is visible. */
void reading_show_current(struct reading *r);
/* The line where match m starts. */
size_t reading_match_line(const struct reading *r, size_t m);
/* For drawing: the matches on line i, as byte ranges within the line's text;
 * returns how many were stored (up to max) and marks which is current. */
size_t reading_line_matches(const struct reading *r, size_t i, size_t *starts, size_t *ends,
			    bool *current, size_t max);

#endif
