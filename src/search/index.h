/* index.h — the positional word index of a corpus, kept in a cache file.
 *
 * For every word (words.h) of every paragraph and item, where it stands:
 * the document, the block (in docscan.h's order) and its number among the
 * block's words.  A search reads the dictionary, then only the postings of
 * the words it asks for; phrases are found by positions that follow each
 * other, and places are counted without reading any text.
 *
 * The file (cachefile.h, parts checksummed; postings and the block tables
 * of each document checksummed one by one, when they are read) holds:
 *   0  documents: for each, in corpus order, what its file was (stamp and,
 *      if young, the checksum of its bytes) and where its block table is;
 *   1  postings: for each document with the word, the document (delta),
 *      the byte length of what follows, the number of positions (and
 *      whether they are wide), and the positions: four bytes each (block
 *      << 16 | word number) when they fit, else varints of their steps;
 *   2  the dictionary: for each word, sorted, its postings' place, length,
 *      checksum and number of documents;
 *   3  the words' letters;
 *   4  block tables: for each document, its sections (id, title) and for
 *      each block its section and number in it.
 * An index whose documents are not the corpus's as they are now is not
 * opened: it is built again.  Model code. */
#ifndef TIPR_INDEX_H
#define TIPR_INDEX_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "search/query.h"

#define INDEX_NO_BLOCK UINT32_MAX

struct word_index;

/* Builds the index of the documents paths[0..n) (in corpus order) into the
 * cache file cache, calling progress (may be NULL) with the number of
 * documents read as it goes; when *stop (may be NULL) becomes true it ends
 * early, leaving nothing.  Documents that cannot be read are indexed empty
 * (what is wrong goes to d).  False with errno set when the file cannot be
 * written (found before any work is done), or ECANCELED when stopped. */
bool index_build(const char *cache, const char *const *paths, size_t n, void (*progress)(size_t done, void *arg),
		 void *arg, const atomic_bool *stop, struct diags *d);

/* Opens the index in cache when its documents are exactly paths[0..n) as
 * they are now and its checked parts are intact; NULL otherwise. */
struct word_index *index_open(const char *cache, const char *const *paths, size_t n);
void index_free(struct word_index *ix);


/* The dictionary entries whose word slot s accepts (sorted); the caller
 * frees *out. */
size_t index_entries(const struct word_index *ix, const struct search_slot *s, uint32_t **out);
/* The postings of dictionary entry e, read and checked (kept by ix until it
 * is freed); false when damaged. */
bool index_postings(struct word_index *ix, uint32_t e, const unsigned char **p, size_t *len);

/* Decoding postings: one document's positions at a time. */
struct index_cursor {
	const unsigned char *p, *end;
	uint32_t doc;          /* the current document, or UINT32_MAX at the end */
	uint64_t n;            /* its number of positions */
	bool wide;             /* they are varints, not four bytes each */
	const unsigned char *pos, *next; /* its positions; the next document */
};

/* Starts at the first document of postings p[0..len). */
void index_cursor_init(struct index_cursor *c, const unsigned char *p, size_t len);
/* Moves to the first document >= doc (skipping without decoding). */
void index_cursor_seek(struct index_cursor *c, uint32_t doc);
/* The current document's positions into *out (the caller's array, grown
 * as needed); false when the postings are malformed. */
bool index_cursor_positions(const struct index_cursor *c, uint64_t **out, size_t *cap);

/* A document's sections and blocks, from its block table. */
struct index_doc {
	uint32_t n_sections;
	const char **ids, **titles;  /* per section */
	uint32_t n_blocks;
	uint32_t *section, *index;  /* per block */
	char *buf;                   /* the table as read: the strings are in it */
};

/* Document doc's block table (freed by index_doc_done); false when
 * damaged. */
bool index_doc_read(struct word_index *ix, uint32_t doc, struct index_doc *out);
void index_doc_done(struct index_doc *d);

#endif
