/* docscan.h — a content document's text, fast, for scanning thousands.
 *
 * The sections (id, title) and blocks (paragraphs and list items, in the
 * reader's order: a section's paragraphs, then its items) exactly as
 * document_parse gives them.  A file in the plain block style tipr writes
 * (one line per paragraph in a literal block, one-line items, simple
 * scalars) is read straight from its bytes in one pass, a paragraph of one
 * line pointing into them; anything else — other YAML styles, escapes,
 * comments, a value document_parse would refuse — goes through
 * document_parse, so the answer is the same either way.  Model code. */
#ifndef TIPR_DOCSCAN_H
#define TIPR_DOCSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "content/document.h"

struct docscan_section {
	const char *id, *title;
	uint32_t n_paras, n_items;
};

struct docscan_block {
	const char *text; /* not NUL-terminated */
	size_t len;
	uint32_t section;
	uint32_t index;   /* its number in the section: paragraphs, then items */
};

/* Zero-initialised is empty; one docscan serves document after document. */
struct docscan {
	struct docscan_section *sections;
	size_t n_sections, cap_sections;
	struct docscan_block *blocks;
	size_t n_blocks, cap_blocks;
	bool fast;               /* read straight from the bytes */
	struct arena *arena;     /* ids, titles, paragraphs of several lines */
	struct document *doc;    /* when read by document_parse */
	struct docscan_block *items; /* a section's items, until its end */
	size_t n_items, cap_items;
};

/* Reads the document in buf[0..len), the bytes of the file path; what it
 * had before is dropped.  Blocks may point into buf: keep it while they
 * are used.  False when the document is not valid, with document_parse's
 * errors (FILE:LINE:COL) in d. */
bool docscan_read(struct docscan *ds, const char *path, const char *buf, size_t len, struct diags *d);
/* Frees what ds holds; it is empty again. */
void docscan_done(struct docscan *ds);

#endif
