/* fuzz_import.c — the importer on arbitrary bytes (text, HTML, PDF), as a narrative and as
 * commentary; whatever it makes must write and load back. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "content/country.h"
#include "content/document.h"
#include "import/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct countries *countries;

static void check_round_trip(const struct document *doc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct diags d = {0};
	struct document *back;

	if (!f)
		abort();
	if (!document_write(doc, f))
		abort();
	fclose(f);
	back = document_parse("round-trip.yaml", buf, len, &d);
	if (!back || d.n_errors)
		abort();
	document_free(back);
	diags_free(&d);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_options opt = { .year = 2020 };
	struct import_result res = {0};
	struct diags d = {0};

	if (!countries) {
		countries = countries_load(TIPR_SRCDIR "/content/countries.yaml", &d);
		if (!countries)
			abort();
		diags_clear(&d);
	}
	for (int pass = 0; pass < 2; pass++) {
		opt.commentary = pass == 1;
		opt.country = pass == 1 ? "kenya" : NULL;
		/* The format from the bytes: text, and HTML or PDF when they look so. */
		import_buffer("fuzz.txt", (const char *)data, size, countries, &opt, &res, &d);
		for (size_t i = 0; i < res.n_docs; i++)
			check_round_trip(res.docs[i].doc);
		import_result_free(&res);
		diags_clear(&d);
	}
	diags_free(&d);
	return 0;
}
