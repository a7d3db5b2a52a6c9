/* marks.h — the annotations of the document being read, laid over its
 * lines: which ranges to colour, where a note is attached, which annotation
 * the reader is on, and moving from one to the next.  Model code: the
 * reader draws marks_line() and shows the current one's note. */
#ifndef TIPR_MARKS_H
#define TIPR_MARKS_H

#include <stdbool.h>
#include <stddef.h>

#include "notes/annotations.h"
#include "reader/reading.h"

#define MARKS_NONE ((size_t)-1)

struct marks {
	struct ann_highlight *v; /* in document order; entries owned by the store */
	size_t n;
	size_t orphans;          /* annotations of the document that could not be placed */
	size_t current;          /* index in v, or MARKS_NONE */
};

void marks_init(struct marks *m);
void marks_free(struct marks *m);
/* Lays the store's annotations of r's document (in collection) over it.
 * The current annotation is kept by id when it is still there.  Call again
 * after every change to the store: entries point into it. */
void marks_load(struct marks *m, const struct ann_store *st, const char *collection,
		const struct reading *r);

/* The current annotation, or NULL. */
const struct annotation *marks_current(const struct marks *m);
/* Makes the annotation with this id current; false if it is not placed. */
bool marks_set_current(struct marks *m, const char *id);
/* Makes the next (dir > 0) or previous annotation after the one current
 * (or after the top of the view) current and scrolls r to show it; false
 * when there is none that way. */
bool marks_next(struct marks *m, struct reading *r, int dir);
/* Forgets the current annotation when it has scrolled out of view. */
void marks_follow_view(struct marks *m, const struct reading *r);
/* The annotation under display cell (line, col) of r, made current; false
 * when there is none. */
bool marks_at(struct marks *m, const struct reading *r, size_t line, size_t col);
/* The line where annotation k starts. */
size_t marks_line_of(const struct marks *m, const struct reading *r, size_t k);

/* A coloured range of one display line. */
struct mark_span {
	size_t start, end;    /* bytes of the line's text */
	enum ann_color color;
	bool current;
	bool note;            /* the annotation has a note */
};
/* For drawing: the annotations on line i of r (up to max, in order). */
size_t marks_line(const struct marks *m, const struct reading *r, size_t i, struct mark_span *out,
		  size_t max);
/* Whether a note ends on line i (where the reader puts its marker). */
bool marks_note_ends_on(const struct marks *m, const struct reading *r, size_t i);

#endif
