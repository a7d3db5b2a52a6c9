/* source.h — what every front end of the importer hands the narrative
 * builder: the lines of a copy of the report, in reading order, each with
 * the evidence its layout gave about it.
 *
 * Plain text gives bare lines (the builder finds their roles from the words);
 * a PDF adds what the page shows (a heading by its size and weight, a caption
 * by its italics, a running head or page number by its place at the page's
 * edge, a paragraph break by the gap before a line); an HTML page adds its
 * elements (h1-h6, p, li) and drops the site around the article.  One
 * builder (import.c) turns any of them into narratives. */
#ifndef TIPR_SOURCE_H
#define TIPR_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

enum src_role {
	SRC_TEXT,      /* text whose role the builder finds from its words */
	SRC_HEADING,   /* set apart as a heading (size and weight, or h1-h6) */
	SRC_ITEM,      /* a list item (a bullet, or li) */
	SRC_CAPTION,   /* a photo caption: not narrative text */
	SRC_FURNITURE, /* a running head, page number or site chrome: not text */
};

enum src_break {
	SRC_BREAK_UNKNOWN, /* the layout does not say (plain text) */
	SRC_BREAK_NEW,     /* starts a paragraph (a gap before it, or a new element) */
	SRC_BREAK_JOIN,    /* goes on with the line before (same column, no gap) */
};

struct src_line {
	char *s;              /* one line of UTF-8, NUL-terminated, in the source's arena */
	size_t len;
	unsigned no, col;     /* where it starts in the input (text, HTML); 0 if unknown */
	unsigned page;        /* its PDF page (1-based); 0 for text and HTML */
	enum src_role role;
	enum src_break brk;
	unsigned char level;  /* SRC_HEADING: 1 the largest type (countries, chapters), 2 less */
};

/* A front end's output.  Zero-initialised is empty; import_source_free
 * releases the lines, their text, url and title. */
struct import_source {
	const char *name;     /* the input's file name (not owned) */
	struct src_line *lines;
	size_t n, cap;
	struct arena *arena;  /* line text */
	char *url;            /* the address a saved page came from, or NULL (owned) */
	char *title;          /* a web page's title, or NULL (owned) */
	unsigned n_pages;     /* PDF pages read; 0 for text and HTML */
	unsigned side_by_side; /* text pages read as two columns side by side */
};

/* Appends a line with a copy of text[0..len) (which must be valid UTF-8 and
 * hold no newline); returns it for the caller to set its evidence. */
struct src_line *import_source_add(struct import_source *src, const char *text, size_t len);
void import_source_free(struct import_source *src);

/* The plain-text front end: one bare line per line of buf (form feeds and
 * carriage returns become spaces), except that a page (between form feeds)
 * written as two columns side by side, as pdftotext -layout writes them, is
 * read as its left column and then its right one (counted in side_by_side),
 * and an email whose lines are mostly quoted ("> ") is read as its quoted
 * lines alone, unquoted.  buf must be valid UTF-8. */
void import_source_text(struct import_source *src, const char *buf, size_t len);

#endif
