/* search.h — corpus-wide search: case-, accent- and width-insensitive,
 * words and "quoted phrases", every term in the same document.
 *
 * The text of every paragraph and recommendation is folded once and kept in
 * a cache ($XDG_CACHE_HOME/tipr/search-*.bin): one blob searched with
 * memmem, and a manifest of the files it came from (path, size, mtime), so a
 * changed corpus is noticed from a directory scan without reading a file.
 * A cache that is corrupt, stale or of another version is never trusted: it
 * is rebuilt.  Snippets are cut from the original text. */
#ifndef TIPR_SEARCH_H
#define TIPR_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "content/corpus.h"
#include "base/diag.h"

struct search_index;

/* Called while the cache is built: documents done of total. */
typedef void (*search_progress_fn)(size_t done, size_t total, void *arg);

/* The index of corpus c: loaded from cache_path when it is valid and
 * current, else built (calling progress) and saved there (cache_path may be
 * NULL: build in memory only).  *rebuilt says which.  NULL only when the
 * corpus could not be read; problems go to d.  lean: the cache is read in
 * one pass (tipr search), so its pages are given back as they are read and
 * memory stays far below its size; the reader keeps them for searching as
 * you type. */
struct search_index *search_index_open(struct corpus *c, const char *cache_path, bool lean,
				       search_progress_fn progress, void *arg, bool *rebuilt,
				       struct diags *d);
void search_index_free(struct search_index *ix);
/* The cache file for a corpus (named after its directories), under
 * $XDG_CACHE_HOME/tipr; the caller frees it. */
char *search_cache_path(const struct corpus *c);

/* A parsed query: folded terms (words or phrases). */
struct search_query {
	char **terms;
	size_t n_terms;
};

/* Parses text: words, and "quoted phrases"; false (with a message in *err)
 * when nothing searchable is left. */
bool search_query_parse(const char *text, struct search_query *q, const char **err);
void search_query_free(struct search_query *q);

struct search_scope {
	const char *country; /* slug, or NULL */
	int year;            /* 0: any */
	const char *section; /* id, or NULL */
	/* Only the documents marked here (the matches of a shorter query, as
	 * search-as-you-type narrows), or NULL for all. */
	const unsigned char *within;
	/* Stop when max_hits are found (total is then a lower bound): for
	 * results as you type. */
	bool first_only;
};

/* One match: where it is, and a one-line snippet of the original text. */
struct search_hit {
	struct corpus_doc *doc;
	int section;
	size_t block;
	size_t start, end;   /* byte range of the match in the block's original text */
	char *snippet;       /* inert text around it (textsafe), the match at snip_start */
	size_t snip_start, snip_end;
};

struct search_results {
	struct search_hit *hits;
	size_t n_hits, cap_hits;
	size_t n_docs;       /* documents with hits */
	size_t total;        /* all matches, also those beyond max_hits */
	bool incomplete;     /* stopped at max_hits (first_only): total is "at least" */
	unsigned char *matched; /* per document of the index: it matched */
};

/* Runs q over the index within scope; keeps up to max_hits hits (snippets of
 * about snippet_width columns), documents in corpus order.  Documents are
 * loaded only to cut snippets. */
void search_run(struct search_index *ix, const struct search_query *q, const struct search_scope *scope,
		size_t max_hits, size_t snippet_width, struct search_results *out, struct diags *d);
void search_results_free(struct search_results *r);

/* Search as you type.  The results of each query typed on the way to the
 * current one are kept: typing on searches only where the shorter query
 * matched, and deleting back gives the earlier results again at once (a
 * query with no match costs a whole pass: only once).  Zero-initialised is
 * empty. */
struct search_typing_step;
struct search_typing {
	struct search_typing_step *steps;
	size_t n, cap;
	char *text; /* the query of the caller's current results, or NULL */
};

/* Replaces *cur (the results of the previous call, or empty) with the
 * results for text in scope (its within is set here).  False, with *cur
 * empty and a message in *err, when text holds nothing to search for. */
bool search_typing_update(struct search_typing *t, struct search_index *ix, const char *text,
			  const struct search_scope *scope, size_t max_hits, size_t snippet_width,
			  struct search_results *cur, const char **err, struct diags *d);
/* Forgets every step (the scope changed, or the search is over); the
 * caller's current results stay its own. */
void search_typing_reset(struct search_typing *t);

/* How many documents and bytes of folded text the index holds. */
size_t search_index_docs(const struct search_index *ix);
/* The corpus entry of the index's document i (i < search_index_docs): what
 * search_results.matched[i] stands for. */
struct corpus_doc *search_index_doc(const struct search_index *ix, size_t i);
size_t search_index_bytes(const struct search_index *ix);

#endif
