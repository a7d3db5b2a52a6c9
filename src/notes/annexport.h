/* annexport.h — annotations with their citations, and export as Markdown,
 * JSON or CSV.  Every text field is written inertly (textsafe.h, json.h). */
#ifndef TIPR_ANNEXPORT_H
#define TIPR_ANNEXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "notes/annotations.h"
#include "notes/cite.h"
#include "content/corpus.h"

enum ann_format { ANN_FORMAT_TEXT, ANN_FORMAT_MD, ANN_FORMAT_JSON, ANN_FORMAT_CSV };

/* Parses "text", "md" (or "markdown"), "json", "csv"; false if unknown. */
bool ann_format_parse(const char *s, enum ann_format *out);

/* An annotation with its citation, resolved against the content. */
struct ann_cite {
	const struct annotation *ann; /* owned by the store */
	const char *section_title;    /* the section's title, else its id (as cite.section) */
	struct citation cite;         /* paragraph number only where the passage is found */
	struct ann_anchor anchor;     /* ORPHAN also when the document is gone */
};

/* The live annotations that filter (NULL: all) lets through, sorted, each
 * with its citation; documents are loaded from corpus as needed (problems go
 * to d).  *out is an array the caller frees; its strings belong to the store
 * and the corpus. */
size_t ann_cite_all(const struct ann_store *st, const struct ann_filter *filter, enum ann_sort sort,
		    struct corpus *corpus, struct diags *d, struct ann_cite **out);

/* Writes v[0..n) to out: TEXT a short listing; MD grouped by country and
 * year, each quote with its citation (cite.h), orphans under their own
 * heading; JSON an array of objects; CSV a header and one row each.  JSON
 * and CSV give the citation's parts: paragraph or item number, pages, URL
 * (null or empty when unknown). */
void ann_export(const struct ann_cite *v, size_t n, enum ann_format fmt, FILE *out);

#endif
