/* corpus_fixture.h — for tests that read a corpus from the source tree: one
 * corpus shared by the test group, opened in setup and freed in teardown.
 * Included by one test program each (the definitions are its own). */
#ifndef TIPR_TEST_CORPUS_FIXTURE_H
#define TIPR_TEST_CORPUS_FIXTURE_H

#include <stdlib.h>

#include "content/corpus.h"
#include "base/icu.h"
#include "base/util.h"

static struct corpus *corpus;
static struct diags diags;

/* Opens DIR (relative to the source tree) with the bundled countries
 * table; 0 when it opened without errors. */
static inline int fixture_open(const char *dir)
{
	char *path = path_join(TIPR_SRCDIR, dir);
	char *countries = path_join(TIPR_SRCDIR, "content/countries.yaml");
	const char *dirs[] = { path };

	corpus = corpus_open(dirs, 1, countries, &diags);
	free(path);
	free(countries);
	return corpus && !diags.n_errors ? 0 : -1;
}

static inline int fixture_close(void **state)
{
	(void)state;
	corpus_free(corpus);
	diags_free(&diags);
	icu_cleanup();
	return 0;
}

/* A document of the "tip" collection, loaded (NULL when missing). */
static inline const struct document *fixture_doc(const char *slug, int year)
{
	struct corpus_doc *e = collection_find(corpus_collection_by_name(corpus, "tip"), slug, year);

	return e ? corpus_doc_load(e, &diags) : NULL;
}

#endif
