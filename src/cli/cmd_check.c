/* cmd_check.c — tipr check: validate content; every problem as FILE:LINE:COL. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "base/paths.h"

const char cmd_check_help[] =
	"Usage: tipr check [DIR]...\n"
	"\n"
	"Validate content directories (default: the content tipr reads): the countries\n"
	"table, each collection.yaml and every document, fully parsed.  Every problem is\n"
	"printed as FILE:LINE:COL: error|warning: message.  Exits 1 if there are errors.\n"
	"\n"
	"  --content DIR   the same as giving DIR as an argument\n";

static void check_document(struct cli *cli, struct corpus_doc *e, size_t *n_docs)
{
	const struct countries *cs = corpus_countries(cli->corpus);
	const struct document *doc = corpus_doc_load(e, &cli->diags);

	(*n_docs)++;
	if (!doc)
		return;
	if (!countries_by_slug(cs, e->slug))
		diags_add(&cli->diags, DIAG_ERROR, e->path, 0, 0,
			  "country '%s' is not in countries.yaml", e->slug);
	/* An excerpt may well be cut before the sentence that gives the tier. */
	if (e->coll->kind == COLLECTION_ANNUAL && doc->tier == TIER_NONE && doc->complete)
		diags_add(&cli->diags, DIAG_WARNING, e->path, 1, 1, "annual-report document has no tier");
	corpus_doc_unload(e);
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	size_t n_docs = 0, errors, warnings;
	int opt, r;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt == OPT_HELP) {
			command_print_help(cmd_check_help);
			return EXIT_OK;
		}
		if ((r = cli_unhandled_option(cli, opt, optarg, argv)) >= 0)
			return r;
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
				check_document(cli, &coll->docs[i], &n_docs);
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
