/* import.h — the report as people get it (an edition's PDF, a country's PDF,
 * a saved web page, a text copy) to documents.
 *
 * Front ends (source.h: text; pdf.h; html.h) turn a file into lines with
 * the evidence of its layout; one builder reads them the way a person does: it finds country headings
 * in any of the report's styles (or the country named in the first sentence),
 * section headings, paragraphs across hard wraps and page breaks, words split
 * at line ends, recommendations, and the debris of page layout and copying
 * sites, which it drops.  It decides from the structure of the text and the
 * evidence in it (countries.yaml names, sentence shape, word statistics). */
#ifndef TIPR_IMPORT_H
#define TIPR_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "content/country.h"
#include "base/diag.h"
#include "content/document.h"
#include "import/pdf.h"
#include "import/source.h"

struct import_options {
	int year;              /* edition; 0: from the text, else the file name */
	bool commentary;       /* not a report narrative: one document, one section */
	const char *country;   /* slug for text before any country heading; NULL: infer */
	const char *section;   /* section id for such text; NULL: infer */
	const char *title;     /* document title; NULL: the country's name */
	const char *source;    /* NULL: "<year> Trafficking in Persons Report" */
	import_page_fn *progress; /* called after each PDF page read, or NULL */
	void *progress_arg;
};

/* What a file's bytes are. */
enum import_format { IMPORT_TEXT, IMPORT_HTML, IMPORT_PDF };

/* The format of buf from its first bytes: a PDF's header, a web page's
 * markup, else text.  Only the first kilobytes are looked at. */
enum import_format import_detect(const char *buf, size_t len);
/* "text", "HTML", "PDF". */
const char *import_format_name(enum import_format f);

/* A country as an edition's tier placement list names it. */
struct import_placement {
	const struct country *country; /* in the countries table given to the import */
	enum tier tier;
	unsigned line, page;           /* where the list names it (0: unknown) */
};

/* A narrative found, and where its heading (or first line) is in the input:
 * line (text, HTML) or page (PDF), 0 when unknown. */
struct import_doc {
	struct document *doc; /* owned by the result */
	unsigned line, page;
};

/* What one input became: documents in the order of the text, the edition's
 * tier placement list if the input has one, and what was dropped (for
 * --dry-run and the summary). */
struct import_result {
	struct import_doc *docs;
	size_t n_docs, cap_docs;
	struct import_placement *placements;
	size_t n_placements, cap_placements;
	size_t n_debris;       /* lines dropped as debris (running heads, captions, chrome) */
	size_t n_outside;      /* lines outside any narrative (introduction, lists, annexes) */
	unsigned n_pages;      /* PDF pages read */
};

/* Imports buf (the contents of file name) into res; documents are appended.
 * Problems, and inferences the user should know about, go to d as
 * FILE:LINE:COL diagnostics.  Returns false when nothing could be imported
 * (invalid UTF-8, no country found, no year). */
bool import_text(const char *name, const char *buf, size_t len, const struct countries *cs,
		 const struct import_options *opt, struct import_result *res, struct diags *d);
/* Builds the narratives of a front end's lines (source.h) into res, as
 * import_text does for plain text; src's text is normalised in place. */
bool import_source(struct import_source *src, const struct countries *cs,
		   const struct import_options *opt, struct import_result *res, struct diags *d);
/* Imports buf in whatever format its bytes show (import_detect): a PDF, a
 * web page or a text copy, as import_text does. */
bool import_buffer(const char *name, const char *buf, size_t len, const struct countries *cs,
		   const struct import_options *opt, struct import_result *res, struct diags *d);
void import_result_free(struct import_result *res);

/* The edition year written in a file name ("tip-2022-extract.txt"), or 0. */
int import_year_from_name(const char *path);

#endif
