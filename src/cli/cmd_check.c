/* cmd_check.c — tipr check: validate content; every problem as FILE:LINE:COL. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "base/paths.h"
#include "import/quality.h"

enum { OPT_QUALITY = OPT_FIRST_COMMAND_OPTION };

static const struct cli_option check_options[] = {
	{ "quality", NULL, OPT_QUALITY,
	  "also report how each narrative came through its import: a line with its sections, paragraphs, recommendations and excerpt mark, and a warning for what looks wrong (a recommendation that reads as reported speech, a paragraph that ends mid-sentence, a running head or page number left in the text)" },
	{ "content", "DIR", OPT_CONTENT, "the same as giving DIR as an argument" },
	{ NULL, NULL, 0, NULL },
};

const struct cli_spec cmd_check_spec = {
	"tipr check [DIR]... [--quality]",
	"Validate content directories (default: the content tipr reads): the countries\n"
	"table, each collection.yaml and every document, fully parsed.  Every problem is\n"
	"printed as FILE:LINE:COL: error|warning: message.  Exits 1 if there are errors.\n",
	check_options,
};

/* One line on what a narrative holds, then its findings as warnings. */
static void report_quality(struct cli *cli, const struct document *doc)
{
	struct quality_report q;
	const char *path = doc->path;

	quality_check(doc, &q);
	printf("%s: %zu section%s (", path, q.n_sections, q.n_sections == 1 ? "" : "s");
	for (size_t s = 0; s < doc->n_sections; s++)
		printf("%s%s", s ? ", " : "", doc->sections[s].id);
	printf("), %zu paragraph%s, %zu recommendation%s, %s, %zu finding%s\n", q.n_paras,
	       q.n_paras == 1 ? "" : "s", q.n_items, q.n_items == 1 ? "" : "s",
	       doc->complete ? "complete" : "excerpt", q.n, q.n == 1 ? "" : "s");
	for (size_t i = 0; i < q.n; i++)
		diags_add(&cli->diags, DIAG_WARNING, path, q.v[i].line, q.v[i].line ? 1 : 0, "%s",
			  q.v[i].msg);
	quality_report_free(&q);
}

static void check_document(struct cli *cli, struct corpus_doc *e, size_t *n_docs, bool quality)
{
	const struct countries *cs = corpus_countries(cli->corpus);
	const struct document *doc = corpus_doc_load(e, &cli->diags);

	(*n_docs)++;
	if (!doc)
		return;
	if (!countries_by_slug(cs, e->slug))
		diags_add(&cli->diags, DIAG_ERROR, doc->path, 0, 0,
			  "country '%s' is not in countries.yaml", e->slug);
	/* An excerpt may well be cut before the sentence that gives the tier. */
	if (e->coll->kind == COLLECTION_ANNUAL && doc->tier == TIER_NONE && doc->complete)
		diags_add(&cli->diags, DIAG_WARNING, doc->path, 1, 1, "annual-report document has no tier");
	if (quality)
		report_quality(cli, doc);
	corpus_doc_unload(e);
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	size_t n_docs = 0, errors, warnings;
	bool quality = false;
	int opt, status;

	optind = 1;
	while ((opt = cli_getopt(cli, &cmd_check_spec, argc, argv, &status)) != CLI_END) {
		if (opt == CLI_STOP)
			return status;
		if (opt == OPT_QUALITY) {
			quality = true;
			continue;
		}
	}
	for (int i = optind; i < argc; i++)
		cli_common_option(cli, OPT_CONTENT, argv[i]);

	/* Keep every diagnostic until the end, to count them. */
	{
		char **dirs = cli->content;
		size_t n = cli->n_content;
		char *bundled = NULL, *fallback = paths_bundled("content/countries.yaml");

		if (!n) {
			bundled = paths_bundled("content");
			dirs = &bundled;
			n = 1;
		}
		cli->corpus = corpus_open((const char *const *)dirs, n, fallback, &cli->diags);
		free(bundled);
		free(fallback);
	}
	if (cli->corpus) {
		for (size_t c = 0; c < corpus_n_collections(cli->corpus); c++) {
			struct collection *coll = corpus_collection(cli->corpus, c);

			for (size_t i = 0; i < coll->n_docs; i++)
				check_document(cli, &coll->docs[i], &n_docs, quality);
		}
	}
	errors = cli->diags.n_errors;
	warnings = cli->diags.n - errors;
	diags_print(&cli->diags, stdout);
	fprintf(stderr, "tipr check: %zu document%s in %zu collection%s: %zu error%s, %zu warning%s\n",
		n_docs, n_docs == 1 ? "" : "s",
		cli->corpus ? corpus_n_collections(cli->corpus) : 0,
		cli->corpus && corpus_n_collections(cli->corpus) == 1 ? "" : "s",
		errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
	return errors ? EXIT_NOTFOUND : EXIT_OK;
}
