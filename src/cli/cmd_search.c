/* cmd_search.c — tipr search: every narrative, every edition. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "style/ansi.h"
#include "cli/byyear.h"
#include "cli/commands.h"
#include "base/json.h"
#include "search/search.h"
#include "base/textsafe.h"

const char cmd_search_help[] =
	"Usage: tipr search QUERY... [--country C] [--year Y] [--section ID] [--format text|json]\n"
	"                   [--by-year]\n"
	"\n"
	"Search every document of the content: case-, accent- and width-insensitive\n"
	"(\"cote\" finds \"C\xc3\xb4te\"), words matched from their start, \"quoted phrases\"\n"
	"as written; a document matches when it has every term.  Results are grouped by\n"
	"document, one line of context per match, the match marked (in colour, or\n"
	"between \xc2\xbb and \xc2\xab).  The first search builds a cache of the folded text in\n"
	"$XDG_CACHE_HOME/tipr (progress on stderr); a changed corpus rebuilds it.\n"
	"Exits 0 with matches, 1 with none.\n"
	"\n"
	"  --country C     only this country\n"
	"  --year Y        only this edition\n"
	"  --section ID    only this section (overview, recommendations, prosecution, ...)\n"
	"  --format F      text (default) or json\n"
	"  --limit N       show at most N matches (1 to 1000000; default 200)\n"
	"  --by-year       instead of the matches, how many narratives of each\n"
	"                  edition match: a bar chart (or JSON)\n"
	"  --content DIR   read the content in DIR (repeatable)\n"
	"  --color WHEN    auto, always or never\n";

static void progress(size_t done, size_t total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\rtipr: building the search cache: %zu of %zu documents", done, total);
	if (done == total)
		fputc('\n', stderr);
}

static void print_text(const struct search_results *r, struct corpus *c, bool color)
{
	const struct corpus_doc *last = NULL;

	for (size_t i = 0; i < r->n_hits; i++) {
		const struct search_hit *h = &r->hits[i];
		const struct document *doc = h->doc->doc;

		if (h->doc != last) {
			const struct country *co = countries_by_slug(corpus_countries(c), h->doc->slug);

			printf("%s%s", last ? "\n" : "", ansi(color, ANSI_TITLE));
			textsafe_fputs(co ? country_display_name(co) : h->doc->slug, stdout);
			if (h->doc->year)
				printf(" %d", h->doc->year);
			printf("%s %s(", ansi(color, ANSI_RESET), ansi(color, ANSI_META));
			textsafe_fputs(h->doc->coll->title, stdout);
			printf(")%s\n", ansi(color, ANSI_RESET));
			last = h->doc;
		}
		printf("  %s", ansi(color, ANSI_HEADING));
		textsafe_fputs(doc->sections[h->section].title, stdout);
		printf("%s: %.*s%s%.*s%s%s%s\n", ansi(color, ANSI_RESET), (int)h->snip_start, h->snippet,
		       color ? ansi(true, ANSI_MATCH) : "\xc2\xbb", (int)(h->snip_end - h->snip_start),
		       h->snippet + h->snip_start, color ? ansi(true, ANSI_RESET) : "\xc2\xab",
		       h->snippet + h->snip_end, "");
	}
	if (r->total > r->n_hits)
		printf("\n(%zu more matches; narrow the search or raise --limit)\n", r->total - r->n_hits);
}

static void print_json(const struct search_results *r)
{
	printf("{\"documents\":%zu,\"matches\":%zu,\"results\":[", r->n_docs, r->total);
	for (size_t i = 0; i < r->n_hits; i++) {
		const struct search_hit *h = &r->hits[i];
		char *match = xstrndup(h->snippet + h->snip_start, h->snip_end - h->snip_start);

		printf("%s\n{\"collection\":", i ? "," : "");
		json_string(stdout, h->doc->coll->name);
		printf(",\"country\":");
		json_string(stdout, h->doc->slug);
		printf(",\"year\":%d,\"section\":", h->doc->year);
		json_string(stdout, h->doc->doc->sections[h->section].id);
		printf(",\"block\":%zu,\"start\":%zu,\"end\":%zu,\"match\":", h->block, h->start, h->end);
		json_string(stdout, match);
		printf(",\"snippet\":");
		json_string(stdout, h->snippet);
		putchar('}');
		free(match);
	}
	printf("\n]}\n");
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	enum { OPT_COUNTRY = OPT_FIRST_COMMAND_OPTION, OPT_YEAR, OPT_SECTION, OPT_FORMAT, OPT_LIMIT, OPT_BY_YEAR };
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "country", required_argument, NULL, OPT_COUNTRY },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "section", required_argument, NULL, OPT_SECTION },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "limit", required_argument, NULL, OPT_LIMIT },
		{ "by-year", no_argument, NULL, OPT_BY_YEAR },
		{ NULL, 0, NULL, 0 },
	};
	struct search_scope scope = {0};
	const char *country = NULL, *format = "text", *err;
	struct search_query q;
	struct search_results res;
	struct search_index *ix;
	struct strbuf text = {0};
	char *cache;
	long long limit = 200;
	bool rebuilt, by_year = false;
	int opt, r;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_HELP:
			command_print_help(cmd_search_help);
			return EXIT_OK;
		case OPT_COUNTRY:
			country = optarg;
			continue;
		case OPT_YEAR:
			if (!cli_year(cli, optarg, &scope.year))
				return EXIT_USAGE;
			continue;
		case OPT_SECTION:
			scope.section = optarg;
			continue;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") && strcmp(optarg, "json"))
				return cli_usage_error(cli, "--format must be text or json");
			format = optarg;
			continue;
		case OPT_LIMIT:
			if (!cli_number(cli, "--limit", optarg, 1, 1000000, &limit))
				return EXIT_USAGE;
			continue;
		case OPT_BY_YEAR:
			by_year = true;
			continue;
		}
		if ((r = cli_unhandled_option(cli, opt, optarg, argv)) >= 0)
			return r;
	}
	for (int i = optind; i < argc; i++) {
		if (text.len)
			sb_addc(&text, ' ');
		sb_adds(&text, argv[i]);
	}
	if (!search_query_parse(text.len ? text.buf : "", &q, &err)) {
		sb_free(&text);
		return cli_usage_error(cli, "%s: give a QUERY", err);
	}
	if (!cli_open_corpus(cli)) {
		sb_free(&text);
		search_query_free(&q);
		return EXIT_NOTFOUND;
	}
	if (country) {
		const struct country *c = cli_country(cli, country);

		if (!c) {
			sb_free(&text);
			search_query_free(&q);
			return EXIT_NOTFOUND;
		}
		scope.country = c->slug;
	}
	cache = search_cache_path(cli->corpus);
	ix = search_index_open(cli->corpus, cache, true, isatty(STDERR_FILENO) ? progress : NULL, NULL, &rebuilt,
			       &cli->diags);
	free(cache);
	/* By year, matches are only counted: no snippets. */
	search_run(ix, &q, &scope, by_year ? 0 : (size_t)limit, 100, &res, &cli->diags);
	cli_flush_diags(cli);
	if (by_year) {
		r = cli_print_by_year(cli, ix, &res, &scope, text.buf, !strcmp(format, "json"));
		sb_free(&text);
		search_results_free(&res);
		search_index_free(ix);
		search_query_free(&q);
		return r;
	}
	sb_free(&text);
	if (!strcmp(format, "json"))
		print_json(&res);
	else
		print_text(&res, cli->corpus, cli_color(cli, stdout));
	r = res.total ? EXIT_OK : EXIT_NOTFOUND;
	if (!res.total && strcmp(format, "json"))
		fprintf(stderr, "tipr search: no match\n");
	search_results_free(&res);
	search_index_free(ix);
	search_query_free(&q);
	return r;
}
