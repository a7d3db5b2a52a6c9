/* search.h — corpus-wide search: the query language of query.h over every
 * paragraph and list item of a corpus, one result per place.
 *
 * A corpus is searched in one of two ways, with the same answer:
 *   - through its word index (index.h), kept in $XDG_CACHE_HOME/tipr
 *     (search-*.bin) under the stamps of all its documents: a search reads
 *     the words it asks for and, for the places it shows, their text;
 *   - by reading the narratives themselves (docscan.h), at about grep's
 *     pace, results coming document by document.
 * The first search of a corpus reads it while the index is built on a
 * thread (search_build_*); the index is used from then on.  An index that
 * is stale, of another version, or damaged (checksums) is never used: it
 * is built again.  Snippets are cut from the original text and made inert
 * (textsafe).
 *
 * For the reader, a search runs in steps (search_start, search_step), so
 * that results are shown as they arrive and keys are read in between;
 * search_run is the whole of it in one call.  Model code: no curses. */
#ifndef TIPR_SEARCH_H
#define TIPR_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "content/corpus.h"
#include "search/query.h"

/* A corpus ready to be searched: through its word index when it has one
 * loaded, else by reading it. */
struct search_index;

/* Called while an index is built: documents done of total. */
typedef void (*search_progress_fn)(size_t done, size_t total, void *arg);

/* The cache file for a corpus (named after its directories), under
 * $XDG_CACHE_HOME/tipr; the caller frees it. */
char *search_cache_path(const struct corpus *c);

/* c ready to be searched by reading it (c must outlive it); then
 * search_index_load or a build gives it its word index. */
struct search_index *search_index_new(struct corpus *c);
/* Takes the word index kept at cache_path when it is there, current and
 * intact; false (nothing changes) otherwise. */
bool search_index_load(struct search_index *ix, const char *cache_path);
/* Whether searches go through the word index. */
bool search_index_indexed(const struct search_index *ix);
/* The corpus's documents, in the order of search_results.places. */
size_t search_index_docs(const struct search_index *ix);
struct corpus_doc *search_index_doc(const struct search_index *ix, size_t i);
/* Whether a search found the word index damaged (it is no longer used):
 * it should be built again. */
bool search_index_damaged(const struct search_index *ix);
void search_index_free(struct search_index *ix);

/* The index of c loaded from cache_path, else built there (calling
 * progress) and loaded, in one call; *rebuilt says which.  Should the cache
 * not be written (said once in d), searches read the corpus.  cache_path
 * NULL: no index. */
struct search_index *search_index_open(struct corpus *c, const char *cache_path, search_progress_fn progress,
				       void *arg, bool *rebuilt, struct diags *d);

/* ---- building the index in the background ---- */

struct search_build;

/* Starts building the word index of ix's corpus into cache_path on a
 * thread of its own (it reads the files, never ix or the corpus). */
struct search_build *search_build_start(struct search_index *ix, const char *cache_path);
/* Documents read so far, of total. */
void search_build_progress(const struct search_build *b, size_t *done, size_t *total);
/* Waits up to ms milliseconds for the build to end (or progress to be made);
 * true once it has ended.  0 ms: just asks. */
bool search_build_wait(struct search_build *b, unsigned ms);
/* Waits for the end and frees b; ix then searches through the new index.
 * False (said in d) when it could not be built or written: ix reads the
 * corpus as before. */
bool search_build_finish(struct search_build *b, struct diags *d);
/* Stops the build (the half-written file is removed) and frees b. */
void search_build_cancel(struct search_build *b);

/* ---- searching ---- */

struct search_scope {
	const char *country;    /* slug, or NULL */
	int year;               /* 0: any */
	const char *section;    /* id, or NULL */
	/* Only the documents with a count here (places of an earlier search,
	 * as search-as-you-type narrows), or NULL for all. */
	const uint32_t *within;
	/* Stop when max_hits are found (the counts are then at least): for
	 * results as you type. */
	bool first_only;
};

/* A match within a snippet: byte offsets. */
struct search_mark {
	size_t start, end;
};

/* One place: a paragraph or list item where the query matched. */
struct search_hit {
	struct corpus_doc *doc;
	int section;            /* in the document */
	size_t block;           /* in the section: paragraphs, then items */
	char *section_id, *section_title;
	size_t start, end;      /* the first match, in the block's original text */
	char *snippet;          /* a line of inert text around the matches */
	size_t snip_start, snip_end;   /* the first match in it */
	struct search_mark *marks;     /* every match shown in it */
	size_t n_marks;
};

struct search_results {
	struct search_hit *hits;
	size_t n_hits, cap_hits;
	size_t n_docs;          /* documents with places */
	size_t total;           /* places */
	bool incomplete;        /* stopped at max_hits (first_only): counts are "at least" */
	uint32_t *places;       /* per document of the corpus (corpus order): its places */
	size_t n_places;        /* documents of the corpus */
};

/* A search in progress. */
struct search_run;

/* Starts a search of q in scope (q and scope's strings must outlive the
 * run); up to max_hits hits are kept, snippets of about snippet_width
 * columns.  Documents are taken in corpus order, places in text order. */
struct search_run *search_start(struct search_index *ix, const struct search_query *q,
				const struct search_scope *scope, size_t max_hits, size_t snippet_width);
/* Searches up to docs more documents; true when the search is over.
 * Problems with files go to d. */
bool search_step(struct search_run *r, size_t docs, struct diags *d);
/* The results so far: hits only grow, and those shown stay as they are. */
const struct search_results *search_run_results(const struct search_run *r);
/* Documents looked at so far, of total. */
void search_run_progress(const struct search_run *r, size_t *done, size_t *total);
/* Ends the run; its results are moved to *out (the caller frees them with
 * search_results_free), or dropped when out is NULL. */
void search_finish(struct search_run *r, struct search_results *out);

/* A whole search in one call (start, step to the end, finish). */
void search_run(struct search_index *ix, const struct search_query *q, const struct search_scope *scope,
		size_t max_hits, size_t snippet_width, struct search_results *out, struct diags *d);
void search_results_free(struct search_results *r);

/* ---- search as you type ----
 *
 * The results of each query typed on the way to the current one are kept:
 * deleting back gives earlier results again at once, and a query that
 * only adds to an earlier one (all its clauses, and more) is run on the
 * documents that one matched.  While typing, the last word is taken as the
 * start of a word unless a space or a quote follows it.  Zero-initialised
 * is empty. */
struct search_typing_step;
struct search_typing {
	struct search_typing_step *steps;
	size_t n, cap;
	char *text;  /* the query of the caller's current results, or NULL */
	/* The search begun and not yet ended: its text, query and scope. */
	char *running;
	struct search_query q;
	struct search_scope scope;
};

/* Replaces *cur (the results of the previous call, or empty) with the
 * results for text in scope (its within is set here).  False, with *cur
 * empty and a message in *err, when text holds nothing to search for. */
bool search_typing_update(struct search_typing *t, struct search_index *ix, const char *text,
			  const struct search_scope *scope, size_t max_hits, size_t snippet_width,
			  struct search_results *cur, const char **err, struct diags *d);
/* The same in steps, for results shown as they come: replaces *cur as
 * above and, unless the answer is known at once (*run NULL, *cur is it),
 * starts *run, to be stepped with search_step (search_run_results shows
 * what it has so far) and then ended with search_typing_end, which makes
 * its results *cur.  A run not ended (a key typed meanwhile) is dropped
 * with search_finish(run, NULL) before the next begin.  False as above. */
bool search_typing_begin(struct search_typing *t, struct search_index *ix, const char *text,
			 const struct search_scope *scope, size_t max_hits, size_t snippet_width,
			 struct search_results *cur, struct search_run **run, const char **err);
void search_typing_end(struct search_typing *t, struct search_run *run, struct search_results *cur);
/* Forgets every step (the scope changed, or the search is over); the
 * caller's current results stay its own. */
void search_typing_reset(struct search_typing *t);

#endif
