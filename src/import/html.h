/* html.h — the importer's HTML front end (libxml2's HTML parser): a
 * narrative page saved from a browser, in UTF-8 or in the legacy charset the
 * page declares, entities and all.  The article's headings, paragraphs,
 * list items and table rows become lines; the site around it (skip links,
 * navigation, banners, breadcrumbs, share buttons, footers, scripts,
 * styles) is dropped; the page's address is kept from its canonical link,
 * og:url or the browser's "saved from url" comment. */
#ifndef TIPR_HTML_H
#define TIPR_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "import/source.h"

/* True when buf starts as a web page does (a doctype, <html>, <head>, a
 * "saved from url" comment), after any byte-order mark and white space. */
bool html_sniff(const char *buf, size_t len);

/* Reads the page in buf (named src->name) into src and sets src->url when
 * the page says where it came from.  Returns false, with an error in d, when
 * no text could be read from it. */
bool import_source_html(struct import_source *src, const char *buf, size_t len, struct diags *d);

#endif
