/* pdf.h — the importer's PDF front end (MuPDF): a whole edition, a country's
 * PDF or a page printed to PDF, read into lines in reading order with what
 * the page shows about each: headings by their size and weight, captions by
 * their italics, running heads and page numbers by their place at the page's
 * edges, paragraph breaks by the gap before a line, and the two columns of a
 * narrative page read one after the other. */
#ifndef TIPR_PDF_H
#define TIPR_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "import/source.h"

/* Called after each page is read: pages read so far, of pages, and how many
 * country headings (large type naming a tier) were seen so far. */
typedef void import_page_fn(void *arg, unsigned page, unsigned pages, unsigned countries);

/* True when buf starts as a PDF does ("%PDF-", maybe after a few bytes). */
bool pdf_sniff(const char *buf, size_t len);

/* Reads the PDF in buf (named src->name) into src, lines tagged with their
 * page; progress (may be NULL) is called after every page.  Returns false,
 * with an error in d, when the file cannot be read as a PDF. */
bool import_source_pdf(struct import_source *src, const char *buf, size_t len, struct diags *d,
		       import_page_fn *progress, void *arg);

#endif
