/* layout.h — a document laid out as display lines for a given width.
 *
 * Shared by `tipr show` and the reader, so both wrap and number text the
 * same way.  Each line points into the document's own strings (or into the
 * layout's arena for generated text), and remembers which block of which
 * section it shows, so a position survives a reflow. */
#ifndef TIPR_LAYOUT_H
#define TIPR_LAYOUT_H

#include <stddef.h>

#include "base/arena.h"
#include "content/document.h"

enum line_kind {
	LINE_BLANK,
	LINE_TITLE,     /* the document title */
	LINE_META,      /* tier, source */
	LINE_NOTICE,    /* "Excerpt: ..." */
	LINE_HEADING,   /* a section title */
	LINE_TEXT,      /* part of a paragraph */
	LINE_ITEM,      /* part of a numbered list item */
};

/* What a line shows: block is a paragraph index, or n_paras + item index. */
struct line_ref {
	int section;      /* -1 for the document header */
	size_t block;
	size_t offset;    /* byte offset of the line's start in the block text */
};

struct layout_line {
	enum line_kind kind;
	struct line_ref ref;
	const char *text; /* the line's bytes (not NUL-terminated) */
	size_t len;
	size_t indent;    /* columns before the text */
	int number;       /* item number on the first line of an item, else 0 */
	int tier;         /* enum tier for LINE_META, else 0 */
};

struct layout {
	struct layout_line *v;
	size_t n, cap;
	size_t width;
	size_t number_width; /* columns for item numbers ("11." = 3) */
	struct arena *arena;
};

/* Lays out doc (all sections, or only section index only >= 0) to width
 * columns.  Free with layout_free(); lines point into doc, which must
 * outlive the layout. */
void layout_document(struct layout *lo, const struct document *doc, const char *country_name,
		     int only, size_t width);
void layout_free(struct layout *lo);

/* The text of block ref.block in section ref.section (a paragraph or item). */
const char *layout_block_text(const struct document *doc, int section, size_t block);
/* The first line showing ref (section, block, and offset within it). */
size_t layout_find(const struct layout *lo, struct line_ref ref);
/* The line where section s starts (its heading), or lo->n. */
size_t layout_section_start(const struct layout *lo, int section);

#endif
