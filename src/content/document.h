/* document.h — one country in one edition: sections of paragraphs and items.
 *
 * A document and every string in it live in one arena, released together by
 * document_free().  Documents come from content YAML (document_parse) or are
 * built by the importer (document_new and the add functions). */
#ifndef TIPR_DOCUMENT_H
#define TIPR_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"

/* The years an edition can carry: everywhere a year is read, it is read in
 * this range. */
#define YEAR_MIN 1900
#define YEAR_MAX 2200

enum tier { TIER_NONE, TIER_1, TIER_2, TIER_2WL, TIER_3, TIER_SPECIAL, TIER__COUNT };

/* "1", "2", "2 Watch List", "3", "Special Case"; "" for TIER_NONE. */
const char *tier_value(enum tier t);
/* "Tier 1" ... "Tier 2 Watch List", "Special Case"; "" for TIER_NONE. */
const char *tier_label(enum tier t);
/* A year as people read it: "2022", or "undated" for 0; written into buf
 * when it is a number. */
const char *year_label(int year, char buf[12]);
/* A short badge for narrow columns: "1", "2", "2WL", "3", "SC"; "" for none. */
const char *tier_badge(enum tier t);
/* Accepts the YAML values above and loose forms ("Tier 2 Watch List", "2WL",
 * "tier 3", "special case"), case-insensitively. */
bool tier_parse(const char *s, enum tier *out);

struct section {
	const char *id;     /* overview | recommendations | prosecution | ... */
	const char *title;
	const char **paras; /* paragraphs, each one line of text */
	size_t n_paras;
	const char **items; /* list items (recommendations) */
	size_t n_items;
	unsigned line;      /* line of the section in its file, 0 when built */
};

struct document {
	struct arena *arena;
	const char *path;    /* file it came from, or NULL */
	const char *country; /* slug */
	int year;            /* 0 when unknown (undated commentary) */
	enum tier tier;
	const char *title;
	const char *source;
	const char *source_url;   /* where the text came from, or NULL */
	const char *source_pages; /* its pages in the edition's PDF ("245-248"), or NULL */
	bool complete;
	struct section *sections;
	size_t n_sections;
	size_t cap_sections;
};

/* The well-known section ids with their usual titles, in report order. */
struct section_kind {
	const char *id;
	const char *title;
};
extern const struct section_kind section_kinds[];
extern const size_t section_kinds_count;
/* The usual title for a known id, else NULL. */
const char *section_default_title(const char *id);
/* True for a slug or section id: [a-z][a-z0-9-]*. */
bool slug_valid(const char *s);

/* Parses a content document from buf; NULL (with errors in d) when invalid.
 * Warnings (e.g. control characters in text) may be added even on success.
 * The caller frees the result with document_free(). */
struct document *document_parse(const char *name, const char *buf, size_t len, struct diags *d);
struct document *document_load(const char *path, struct diags *d);
void document_free(struct document *doc);

/* Building: strings are copied into the document's arena. */
struct document *document_new(void);
void document_set(struct document *doc, const char *country, int year, enum tier tier,
		  const char *title, const char *source, bool complete);
struct section *document_add_section(struct document *doc, const char *id, const char *title);
void section_add_para(struct document *doc, struct section *s, const char *text, size_t len);
void section_add_item(struct document *doc, struct section *s, const char *text, size_t len);

/* Sets where the text came from: a page's address and the narrative's pages
 * in the edition's PDF (either may be NULL: not known). */
void document_set_source_ref(struct document *doc, const char *url, const char *pages);

/* The section with this id, or NULL. */
const struct section *document_section(const struct document *doc, const char *id);
/* Index of the section with this id, or -1. */
int document_section_index(const struct document *doc, const char *id);
/* Word count over all paragraphs and items (for stats and dry runs). */
size_t document_word_count(const struct document *doc);

/* Writes doc as content YAML (the format document_parse reads, text kept
 * byte for byte).  Returns false if the emitter fails. */
bool document_write(const struct document *doc, FILE *out);

#endif
