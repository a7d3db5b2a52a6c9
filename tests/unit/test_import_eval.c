/* test_import_eval.c — the importer on an evaluation set of narrative copies
 * in the layouts of 2001-2024 (tests/data/import-eval): openings and whole
 * narratives as PDF extracts, web copies, document sites and republishers
 * give them, each beside the facts a reader would take from it (country,
 * edition, tier, complete or excerpt, every recommendation item).
 *
 * The recovery rate counts facts: a country found, its tier, its excerpt
 * mark, each expected recommendation item found word for word (and each
 * item invented counts against it).  It must stay at 95% or above, and no
 * narrative may ever be written for a country the copy is not about. */
#include "config.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/icu.h"
#include "base/util.h"
#include "content/country.h"
#include "content/document.h"
#include "import/import.h"

#define EVAL_DIR TIPR_SRCDIR "/tests/data/import-eval"
/* The first cases of the held-out batches, written by someone who never saw
 * the importer: their facts are reported apart, the latest batch on its own. */
#define HELD_OUT 51
#define LATEST_BATCH 183

struct expected {
	char country[64];
	int year;
	char tier[32];
	bool complete;
	char **items;
	size_t n_items;
};

struct tally {
	size_t facts, found, wrong_country;
};

#include "countries_fixture.h"

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The expected narratives of a case: blocks of "key: value" lines. */
static size_t read_expected(const char *path, struct expected **out)
{
	size_t len, n = 0;
	char *buf = read_file(path, 1 << 20, &len), *save = NULL;
	struct expected *v = NULL, *e = NULL;

	assert_non_null(buf);
	for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "country: ", 9)) {
			v = xreallocarray(v, n + 1, sizeof(*v));
			e = &v[n++];
			memset(e, 0, sizeof(*e));
			snprintf(e->country, sizeof(e->country), "%s", line + 9);
		} else if (!e) {
			fail_msg("%s: facts before 'country:'", path);
		} else if (!strncmp(line, "year: ", 6)) {
			e->year = atoi(line + 6);
		} else if (!strncmp(line, "tier: ", 6)) {
			snprintf(e->tier, sizeof(e->tier), "%s", line + 6);
		} else if (!strncmp(line, "complete: ", 10)) {
			e->complete = !strcmp(line + 10, "true");
		} else if (!strncmp(line, "item: ", 6)) {
			e->items = xreallocarray(e->items, e->n_items + 1, sizeof(*e->items));
			e->items[e->n_items++] = xstrdup(line + 6);
		} else {
			fail_msg("%s: unknown fact '%s'", path, line);
		}
	}
	free(buf);
	*out = v;
	return n;
}

static const struct document *imported(const struct import_result *res, const char *slug)
{
	for (size_t i = 0; i < res->n_docs; i++)
		if (!strcmp(res->docs[i].doc->country, slug))
			return res->docs[i].doc;
	return NULL;
}

static bool expected_country(const struct expected *v, size_t n, const char *slug)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].country, slug))
			return true;
	return false;
}

/* Scores one narrative's facts; says what was missed. */
static void score(const char *name, const struct expected *e, const struct document *doc,
		  struct tally *t)
{
	const struct section *recs = doc ? document_section(doc, "recommendations") : NULL;
	size_t got_items = recs ? recs->n_items : 0, matched = 0;

	t->facts += 3 + e->n_items;
	if (!doc) {
		printf("# %s: %s not found\n", name, e->country);
		return;
	}
	t->found++;
	if (!strcmp(tier_value(doc->tier), e->tier) && doc->year == e->year)
		t->found++;
	else
		printf("# %s: %s %d tier '%s', expected %d '%s'\n", name, e->country, doc->year,
		       tier_value(doc->tier), e->year, e->tier);
	if (doc->complete == e->complete)
		t->found++;
	else
		printf("# %s: %s marked %s\n", name, e->country, doc->complete ? "complete" : "excerpt");
	for (size_t i = 0; i < e->n_items; i++) {
		bool hit = false;

		for (size_t k = 0; k < got_items && !hit; k++)
			hit = !strcmp(recs->items[k], e->items[i]);
		matched += hit;
		if (!hit)
			printf("# %s: %s item missed: %.60s\n", name, e->country, e->items[i]);
	}
	t->found += matched;
	/* Items that are not the report's count against the rate. */
	if (got_items > matched) {
		t->facts += got_items - matched;
		for (size_t k = 0; k < got_items; k++) {
			bool known = false;

			for (size_t i = 0; i < e->n_items && !known; i++)
				known = !strcmp(recs->items[k], e->items[i]);
			if (!known)
				printf("# %s: %s item invented: %.60s\n", name, e->country, recs->items[k]);
		}
	}
}

static void run_case(const char *name, struct tally *t)
{
	char *path = xasprintf("%s/%s", EVAL_DIR, name), *stem = xstrndup(name, strrchr(name, '.') - name);
	char *expect = xasprintf("%s/%s.expect", EVAL_DIR, stem);
	struct import_options opt = {0};
	struct import_result res = {0};
	struct diags d = {0};
	struct expected *v;
	size_t len, n = read_expected(expect, &v);
	char *buf = read_file(path, 1 << 24, &len);

	assert_non_null(buf);
	import_buffer(path, buf, len, countries, &opt, &res, &d);
	for (size_t i = 0; i < n; i++)
		score(name, &v[i], imported(&res, v[i].country), t);
	for (size_t i = 0; i < res.n_docs; i++)
		if (!expected_country(v, n, res.docs[i].doc->country)) {
			printf("# %s: a narrative for the wrong country: %s\n", name, res.docs[i].doc->country);
			t->wrong_country++;
		}
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < v[i].n_items; k++)
			free(v[i].items[k]);
		free(v[i].items);
	}
	free(v);
	import_result_free(&res);
	diags_free(&d);
	free(buf);
	free(expect);
	free(stem);
	free(path);
}

static void test_recovery_rate(void **state)
{
	DIR *dir = opendir(EVAL_DIR);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	struct tally t = {0}, held = {0}, latest = {0};
	size_t n_held = 0, n_latest = 0;

	(void)state;
	assert_non_null(dir);
	while ((de = readdir(dir)))
		if (str_has_suffix(de->d_name, ".txt") || str_has_suffix(de->d_name, ".html")) {
			names = xreallocarray(names, n + 1, sizeof(*names));
			names[n++] = xstrdup(de->d_name);
		}
	closedir(dir);
	qsort(names, n, sizeof(*names), cmp_names);
	/* The set is the point of the test: it cannot pass empty. */
	assert_true(n >= 30);
	for (size_t i = 0; i < n; i++) {
		struct tally c = {0};

		run_case(names[i], &c);
		t.facts += c.facts, t.found += c.found, t.wrong_country += c.wrong_country;
		if (atoi(names[i]) >= HELD_OUT) {
			held.facts += c.facts, held.found += c.found;
			n_held++;
		}
		if (atoi(names[i]) >= LATEST_BATCH) {
			latest.facts += c.facts, latest.found += c.found;
			n_latest++;
		}
		free(names[i]);
	}
	free(names);
	printf("# import evaluation: %zu copies, %zu of %zu facts recovered (%.1f%%), "
	       "%zu narrative(s) for a wrong country\n", n, t.found, t.facts,
	       100.0 * (double)t.found / (double)t.facts, t.wrong_country);
	if (n_held)
		printf("# of them the held-out batch (%d on): %zu copies, %zu of %zu facts\n", HELD_OUT,
		       n_held, held.found, held.facts);
	if (n_latest)
		printf("# of them the latest batch (%d on): %zu copies, %zu of %zu facts\n",
		       LATEST_BATCH, n_latest, latest.found, latest.facts);
	assert_int_equal(t.wrong_country, 0);
	assert_true(t.found * 100 >= t.facts * 95);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recovery_rate),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
