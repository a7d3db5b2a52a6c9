/* tree.h — the navigation tree of the reader: country → year → section, or
 * year → country → section, with expansion, a type-to-filter and a
 * selection.  Model code: the UI draws its rows and calls these functions. */
#ifndef TIPR_TREE_H
#define TIPR_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "content/corpus.h"

enum tree_mode { TREE_BY_COUNTRY, TREE_BY_YEAR };

enum tree_row_kind {
	ROW_GROUP,   /* a country (by country) or a year (by year) */
	ROW_DOC,     /* one document: its year, or its country */
	ROW_SECTION, /* a section of an expanded document */
};

struct tree_row {
	enum tree_row_kind kind;
	int depth;                /* 0, 1, 2 */
	const char *label;        /* owned by the tree */
	struct corpus_doc *doc;   /* ROW_DOC, ROW_SECTION; NULL for groups */
	int section;              /* ROW_SECTION: index in the document */
	bool expanded;            /* groups and documents */
	size_t n_children;        /* groups: documents shown under it */
};

struct tree;

/* A tree over one collection of the corpus (which must outlive it). */
struct tree *tree_new(struct corpus *corpus, struct collection *coll);
void tree_free(struct tree *t);

struct collection *tree_collection(const struct tree *t);
/* Shows another collection; expansion and filter are reset. */
void tree_set_collection(struct tree *t, struct collection *coll);

enum tree_mode tree_mode(const struct tree *t);
/* Switches grouping; the selected document stays selected (revealed). */
void tree_set_mode(struct tree *t, enum tree_mode mode);

/* Narrows the tree to countries whose name, short name, slug or alias
 * contains text (case-, accent- and width-insensitively).  "" shows all.
 * Groups with matches are expanded in the by-year mode. */
void tree_set_filter(struct tree *t, const char *text);
const char *tree_filter(const struct tree *t);

size_t tree_n_rows(const struct tree *t);
const struct tree_row *tree_row(const struct tree *t, size_t i);
size_t tree_selected(const struct tree *t);
void tree_select(struct tree *t, size_t i);
void tree_move(struct tree *t, long delta);

/* Expands or collapses row i (a document's sections need its text: it is
 * loaded, and problems go to d).  Returns false if nothing changed. */
bool tree_expand(struct tree *t, size_t i, bool expand, struct diags *d);
/* Rebuilds the rows after documents were unloaded (their sections are
 * listed from the loaded document): call it after corpus_trim. */
void tree_refresh(struct tree *t);
/* The row's parent, or the row itself at depth 0. */
size_t tree_parent(const struct tree *t, size_t i);

/* Expands the path to a document (and section, if >= 0) and selects it.
 * False when the document is not in the collection (or filtered out). */
bool tree_reveal(struct tree *t, const char *slug, int year, int section, struct diags *d);


/* The country's display name for a slug (its slug if unknown). */
const char *tree_country_name(const struct tree *t, const char *slug);

#endif
