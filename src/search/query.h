/* query.h — a search as typed, parsed, and found in a block of text.
 *
 * The query language: words (a place must have every one, in any order),
 * "quoted phrases" (those words in a row), a OR b (either), -word and
 * -"phrase" (places that have it are left out), prefix* (any word that
 * starts so; also at the end of a phrase).  Words are compared as words.h
 * reads them (case, accents, width and apostrophes do not count) and each
 * also matches its other spellings (labour finds labor).
 *
 * A place is a paragraph or a list item: it matches when each clause that
 * is not excluded has a term in it and no excluded term is in it.  The test
 * of a block is exact and fast: letters are looked for in the raw bytes
 * (sixteen places at a time, case-blind), and only the stretches holding
 * apostrophes or more than ASCII are read word by word.  Model code. */
#ifndef TIPR_QUERY_H
#define TIPR_QUERY_H

#include <stdbool.h>
#include <stddef.h>

/* One word of a term: a word that is any of keys (each the whole word, or
 * its start when prefix). */
struct search_key {
	char *key;
	size_t len;
	bool prefix;
};

struct search_slot {
	struct search_key *keys;
	size_t n_keys;
};

struct term_anchor;

/* A word, or a phrase: its slots in a row. */
struct search_term {
	struct search_slot *slots;
	size_t n_slots;
	char *text;        /* as typed, for messages */
	struct term_anchor *anchors; /* the first slot's ASCII keys, ready for the raw search */
	size_t n_anchors;
};

/* Terms of which one must be in the place (OR), or none (negated). */
struct search_clause {
	struct search_term *terms;
	size_t n_terms;
	bool negated;
};

struct search_query {
	struct search_clause *clauses;
	size_t n_clauses;
};

/* Parses text; false, with *err set (static text) and nothing to free, when
 * nothing is left to search for. */
bool search_query_parse(const char *text, struct search_query *q, const char **err);
void search_query_free(struct search_query *q);

/* Whether the word key (len bytes, as words.h makes it) fills slot s. */
bool search_slot_accepts(const struct search_slot *s, const char *key, size_t len);

/* Whether the block text[0..len) is a place the query matches. */
bool search_query_matches(const struct search_query *q, const char *text, size_t len);

/* A byte range of a block. */
struct search_range {
	size_t start, end;
};

/* Every occurrence in text[0..len) of a term the query looks for (not the
 * excluded ones), in order, overlapping ones merged: *out (the caller frees
 * it) and the count. */
size_t search_query_marks(const struct search_query *q, const char *text, size_t len, struct search_range **out);

#endif
