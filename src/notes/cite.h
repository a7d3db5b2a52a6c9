/* cite.h — citations a reader can check: the report, the country, the
 * section, the paragraph (or recommendation) number, and the pages and
 * address of the text when the document records them (source_pages,
 * source_url).  Used by every export of a note and by the reader's copy of
 * a passage.  Model code. */
#ifndef TIPR_CITE_H
#define TIPR_CITE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/util.h"
#include "content/corpus.h"

/* Every string belongs to the document, the collection or the countries
 * table it was made from. */
struct citation {
	const char *report;   /* doc->source, else the collection's title or name */
	const char *country;  /* the report's name of the country, else its slug */
	int year;
	const char *section;  /* the section's title, else its id; NULL: unknown */
	size_t number;        /* 1-based paragraph or item number in the section; 0: unknown */
	bool item;            /* number counts the section's items (recommendations) */
	const char *pages;    /* "245-248", or NULL */
	const char *url;      /* or NULL */
};

/* The citation of block `block` of section `section` of doc, blocks counted
 * as the reader lays them out (paragraphs, then items); a block past the
 * section's end (SIZE_MAX) cites the section alone, a section < 0 the
 * document alone.  coll and cs (either may be NULL) give the report's
 * title and the country's name. */
void cite_block(struct citation *c, const struct collection *coll, const struct countries *cs,
		const struct document *doc, int section, size_t block);

/* Appends "2022 Trafficking in Persons Report, Korea, Democratic People's
 * Republic of (2022), Prosecution, para. 3, pp. 245-248, https://..." to
 * out: the parts that are known, made inert.  markdown: the report in
 * italics and the address in <>. */
void cite_format(const struct citation *c, bool markdown, struct strbuf *out);

/* The passage text[0..len) in quotation marks, then "— " and its citation
 * on a line of its own: what the reader copies.  The caller frees it. */
char *cite_passage(const struct citation *c, const char *text, size_t len);

#endif
