/* corpus.h — content directories: collections of documents, loaded lazily.
 *
 * Opening a corpus reads only the directory layout and each small
 * collection.yaml; a document's header (tier, completeness) is peeked at on
 * demand and the whole document parsed only when asked for.  A bad file is
 * reported and skipped; the rest of the corpus stays usable. */
#ifndef TIPR_CORPUS_H
#define TIPR_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

#include <stdint.h>

#include "content/country.h"
#include "base/diag.h"
#include "content/document.h"

struct arena;

enum collection_kind { COLLECTION_ANNUAL, COLLECTION_COMMENTARY };

struct collection;

/* One file of the layout <collection>/<year>/<slug>.yaml.  A corpus of
 * thousands of documents keeps thousands of these: every field is sized to
 * what it holds, and the file's path is made when asked for
 * (corpus_doc_path) from the directory the documents of a year share. */
struct corpus_doc {
	struct collection *coll;
	const char *slug;
	const char *dir;      /* the year directory holding <slug>.yaml */
	struct document *doc; /* owned; NULL until loaded */
	/* The file's stamp (cache_stamp_hash) when the header was read; a
	 * header from the records cache is believed while the file still has
	 * this stamp. */
	uint64_t header_stamp;
	uint32_t used;        /* when doc was last asked for: corpus_trim unloads the oldest */
	int16_t year;         /* 0 for the "undated" directory */
	uint8_t pins;         /* holders that keep doc loaded (corpus_doc_pin) */
	enum tier tier : 3;   /* valid once have_header */
	bool have_header : 1;
	bool complete : 1;
	bool failed : 1;         /* a load was tried and reported errors */
	bool header_cached : 1;  /* tier and complete came from the records: check first */
	bool header_learned : 1; /* read in this run, from a settled file: worth keeping */
};

struct collection {
	struct corpus *corpus; /* its owner */
	const char *name;  /* directory name: the collection's id */
	const char *dir;
	const char *title;
	const char *publisher;
	enum collection_kind kind;
	struct corpus_doc *docs; /* sorted by slug, then year */
	size_t n_docs, cap_docs;
	int *years;              /* the distinct years of docs, ascending (collection_years) */
	size_t n_years;
	/* Its countries, each a run of docs with one slug: runs[i] is the
	 * index of the i-th one's first document, runs[n_runs] is n_docs. */
	size_t *runs;
	size_t n_runs;
	size_t n_loaded;         /* of docs, those with doc loaded (for corpus_trim) */
};

struct corpus;

/* Opens the content directories dirs[0..n) in order (earlier ones win when
 * two hold the same document).  countries_fallback names the bundled
 * countries.yaml merged in for slugs the corpora do not define (may be NULL).
 * Problems go to d; the corpus is returned even when some parts failed.
 * NULL only when no directory could be read at all. */
struct corpus *corpus_open(const char *const *dirs, size_t n, const char *countries_fallback,
			   struct diags *d);
/* The same, keeping what is costly to read again in cache_dir (created
 * when needed), so that a large corpus opens as fast as a small one: the
 * records of the documents with the headers read so far (see corpus.c),
 * the directory listings (scancache.h) and the countries tables. */
struct corpus *corpus_open_cached(const char *const *dirs, size_t n, const char *countries_fallback,
				  const char *cache_dir, struct diags *d);
/* Frees c; a corpus opened with a cache dir first adds the document headers
 * it read to the records cache, for the next start-up's tier badges. */
void corpus_free(struct corpus *c);

size_t corpus_n_collections(const struct corpus *c);
struct collection *corpus_collection(const struct corpus *c, size_t i);
struct collection *corpus_collection_by_name(const struct corpus *c, const char *name);
/* The first annual-report collection, else the first collection, else NULL. */
struct collection *corpus_default_collection(const struct corpus *c);
const struct countries *corpus_countries(const struct corpus *c);

/* Documents of one country in a collection: *first gets the index of the
 * first, the return value the count (years ascending). */
size_t collection_country_docs(const struct collection *coll, const char *slug, size_t *first);
/* The same country's next (dir > 0) or previous edition after e in e's
 * collection, or NULL at either end. */
struct corpus_doc *collection_adjacent(const struct corpus_doc *e, int dir);
/* The document for slug and year in coll, or NULL. */
struct corpus_doc *collection_find(const struct collection *coll, const char *slug, int year);
/* Distinct years in a collection, ascending; the caller frees *years. */
size_t collection_years(const struct collection *coll, int **years);

/* The document's file, <dir>/<slug>.yaml, newly allocated: the caller
 * frees it. */
char *corpus_doc_path(const struct corpus_doc *e);
/* The same, kept in a (for thousands of paths at once). */
const char *corpus_doc_path_in(const struct corpus_doc *e, struct arena *a);
/* Parses the document if needed; NULL after reporting to d (once) if invalid. */
const struct document *corpus_doc_load(struct corpus_doc *e, struct diags *d);
/* Fills tier and complete from the file's first lines, without parsing the
 * sections (or from the document if already loaded).  False on error. */
bool corpus_doc_header(struct corpus_doc *e);
/* Drops a loaded document (for memory-bounded scans) unless it is pinned. */
void corpus_doc_unload(struct corpus_doc *e);
/* Keeps e's document loaded while something shows it or points into it
 * (the reader's open document, both sides of a comparison): corpus_trim
 * leaves pinned documents alone.  Every pin is undone by an unpin. */
void corpus_doc_pin(struct corpus_doc *e);
void corpus_doc_unpin(struct corpus_doc *e);
/* Unloads the documents asked for least recently, unpinned, beyond the
 * keep most recent: a reader browsing thousands of narratives stays
 * within a bounded memory.  Returns how many it unloaded. */
size_t corpus_trim(struct corpus *c, size_t keep);

#endif
