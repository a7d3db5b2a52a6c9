/* cmd_search.c — tipr search: every narrative, every edition. */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "style/ansi.h"
#include "cli/byyear.h"
#include "cli/commands.h"
#include "base/json.h"
#include "search/search.h"
#include "base/textsafe.h"

enum { OPT_COUNTRY = OPT_FIRST_COMMAND_OPTION, OPT_YEAR, OPT_SECTION, OPT_FORMAT, OPT_LIMIT, OPT_BY_YEAR };

static const struct cli_option search_options[] = {
	{ "country", "C", OPT_COUNTRY,
	  "only this country" },
	{ "year", "Y", OPT_YEAR,
	  "only this edition" },
	{ "section", "ID", OPT_SECTION,
	  "only this section (overview, recommendations, prosecution, ...)" },
	{ "format", "F", OPT_FORMAT,
	  "text (default) or json" },
	{ "limit", "N", OPT_LIMIT,
	  "show at most N places (1 to 1000000; default 200)" },
	{ "by-year", NULL, OPT_BY_YEAR,
	  "instead of the places, how many narratives of each edition match: a bar chart (or JSON)" },
	{ NULL, NULL, 0, NULL },
};

const struct cli_spec cmd_search_spec = {
	"tipr search QUERY... [--country C] [--year Y] [--section ID] [--format text|json]\n"
	"[--by-year]",
	"Search every paragraph and recommendation of the content.  A result is a\n"
	"place (a paragraph or a list item) that has every word of the query:\n"
	"  word word     both words, in any order, in the same place\n"
	"  \"a phrase\"    those words in a row\n"
	"  a OR b        either of them\n"
	"  -word         leave out places that have it (also -\"a phrase\")\n"
	"  prefix*       any word that starts so\n"
	"Words are compared whole and case-, accent- and width-blind (\"cote\" finds\n"
	"\"C\xc3\xb4te\"); apostrophes do not count (\"peoples\" finds \"People's\" and\n"
	"\"People\xe2\x80\x99s\"), and British and American spellings find each other (labour\n"
	"and labor, organisation and organization, defence and defense).  Places are\n"
	"listed by document, each on one line with its matches marked (in colour, or\n"
	"between \xc2\xbb and \xc2\xab), as they are found.  The first search reads the narratives\n"
	"and then indexes them in $XDG_CACHE_HOME/tipr (progress on stderr); later\n"
	"searches use the index, and a changed corpus is indexed again.\n"
	"Exits 0 with matches, 1 with none.\n",
	search_options,
};

/* Shows the progress of the index being built. */
static void progress(size_t done, size_t total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\rtipr: indexing for the next searches: %zu of %zu documents", done, total);
}

/* Prints hit h, with its document's heading when last is another. */
static void print_text(const struct search_hit *h, const struct search_hit *last, struct corpus *c,
		       const struct palette *pal)
{
	if (!last || h->doc != last->doc) {
		const struct country *co = countries_by_slug(corpus_countries(c), h->doc->slug);

		printf("%s%s", last ? "\n" : "", sgr(pal, ROLE_TITLE));
		textsafe_fputs(co ? country_display_name(co) : h->doc->slug, stdout);
		if (h->doc->year)
			printf(" %d", h->doc->year);
		printf("%s %s(", sgr_reset(pal), sgr(pal, ROLE_META));
		textsafe_fputs(h->doc->coll->title, stdout);
		printf(")%s\n", sgr_reset(pal));
	}
	printf("  %s", sgr(pal, ROLE_HEADING));
	textsafe_fputs(h->section_title, stdout);
	printf("%s: ", sgr_reset(pal));
	/* The snippet is inert already; the marks go in around the matches. */
	for (size_t i = 0, at = 0; i <= h->n_marks; i++) {
		size_t end = i < h->n_marks ? h->marks[i].start : strlen(h->snippet);

		fwrite(h->snippet + at, 1, end - at, stdout);
		if (i == h->n_marks)
			break;
		printf("%s%.*s%s", pal ? sgr(pal, ROLE_MATCH) : "\xc2\xbb",
		       (int)(h->marks[i].end - h->marks[i].start), h->snippet + h->marks[i].start,
		       pal ? sgr_reset(pal) : "\xc2\xab");
		at = h->marks[i].end;
	}
	putchar('\n');
}

static void print_json(const struct search_hit *h, bool first)
{
	char *match = xstrndup(h->snippet + h->snip_start, h->snip_end - h->snip_start);

	printf("%s\n{\"collection\":", first ? "" : ",");
	json_string(stdout, h->doc->coll->name);
	printf(",\"country\":");
	json_string(stdout, h->doc->slug);
	printf(",\"year\":%d,\"section\":", h->doc->year);
	json_string(stdout, h->section_id);
	printf(",\"block\":%zu,\"start\":%zu,\"end\":%zu,\"match\":", h->block, h->start, h->end);
	json_string(stdout, match);
	printf(",\"snippet\":");
	json_string(stdout, h->snippet);
	printf(",\"marks\":[");
	for (size_t i = 0; i < h->n_marks; i++)
		printf("%s[%zu,%zu]", i ? "," : "", h->marks[i].start, h->marks[i].end);
	printf("]}");
	free(match);
}

/* The search itself: results printed as they are found. */
static const struct search_results *run(struct cli *cli, struct search_index *ix, const struct search_query *q,
					const struct search_scope *scope, size_t limit, bool json,
					struct search_run **out)
{
	struct search_run *r = search_start(ix, q, scope, limit, 100);
	const struct palette *pal = cli_palette(cli, stdout);
	bool over = false;
	size_t shown = 0;
	const struct search_results *res = search_run_results(r);

	if (json)
		printf("{\"results\":[");
	while (!over) {
		over = search_step(r, 64, &cli->diags);
		cli_flush_diags(cli);
		for (; shown < res->n_hits; shown++) {
			if (json)
				print_json(&res->hits[shown], !shown);
			else
				print_text(&res->hits[shown], shown ? &res->hits[shown - 1] : NULL, cli->corpus, pal);
		}
		fflush(stdout);
	}
	if (json)
		printf("\n],\"documents\":%zu,\"matches\":%zu}\n", res->n_docs, res->total);
	else if (res->total > res->n_hits)
		printf("\n(%zu more matches; narrow the search or raise --limit)\n", res->total - res->n_hits);
	*out = r;
	return res;
}

/* The query's words are every argument that is not an option or an
 * option's value — "-word" included, which getopt would take for options
 * — and all after "--".  Puts the options first, then the words in their
 * order; returns where the words start. */
static int split_query(int argc, char **argv, const struct cli_spec *spec)
{
	char **words = xcalloc((size_t)argc + 1, sizeof(*words));
	int kept = 1, n = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		size_t len;

		if (!strcmp(a, "--")) {
			while (++i < argc)
				words[n++] = argv[i];
			break;
		}
		if (strncmp(a, "--", 2)) {
			words[n++] = argv[i];
			continue;
		}
		/* An option, abbreviated as getopt allows: does it take the next
		 * argument as its value? */
		len = strcspn(a + 2, "=");
		argv[kept++] = argv[i];
		if (cli_takes_value(spec, a + 2, len) && !a[2 + len] && i + 1 < argc)
			argv[kept++] = argv[++i];
	}
	memcpy(argv + kept, words, (size_t)n * sizeof(*words));
	free(words);
	return kept;
}

/* Builds the index for the next searches, once the results are out. */
static void index_now(struct cli *cli, struct search_build *b)
{
	bool tty = isatty(STDERR_FILENO);
	size_t done, total;
	int null;

	/* A reader of the results (a pipe) gets their end now. */
	if (fflush(stdout) == 0 && !ferror(stdout) && (null = open("/dev/null", O_WRONLY | O_CLOEXEC)) >= 0) {
		dup2(null, STDOUT_FILENO);
		close(null);
	}
	while (!search_build_wait(b, 100))
		if (tty) {
			search_build_progress(b, &done, &total);
			progress(done, total, NULL);
		}
	if (tty)
		fputs("\r\033[K", stderr);
	search_build_finish(b, &cli->diags);
	cli_flush_diags(cli);
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	struct search_scope scope = {0};
	const char *country = NULL, *format = "text", *err;
	const struct search_results *res;
	struct search_build *build = NULL;
	struct search_query q;
	struct search_index *ix;
	struct search_run *r;
	struct strbuf text = {0};
	char *cache;
	long long limit = 200;
	bool by_year = false;
	int opt, status, words = split_query(argc, argv, &cmd_search_spec);

	optind = 1;
	while ((opt = cli_getopt(cli, &cmd_search_spec, words, argv, &status)) != CLI_END) {
		switch (opt) {
		case CLI_STOP:
			return status;
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
	}
	for (int i = words; i < argc; i++) {
		if (text.len)
			sb_addc(&text, ' ');
		sb_adds(&text, argv[i]);
	}
	if (!search_query_parse(text.len ? text.buf : "", &q, &err)) {
		sb_free(&text);
		return cli_usage_error(cli, "%s", err);
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
	ix = search_index_new(cli->corpus);
	/* No index yet: the narratives are read while it is built. */
	if (!search_index_load(ix, cache))
		build = search_build_start(ix, cache);
	if (by_year) {
		struct search_results counted;

		/* By year, places are only counted: no snippets. */
		search_run(ix, &q, &scope, 0, 0, &counted, &cli->diags);
		cli_flush_diags(cli);
		status = cli_print_by_year(cli, ix, &counted, &scope, text.buf, !strcmp(format, "json"));
		search_results_free(&counted);
	} else {
		res = run(cli, ix, &q, &scope, (size_t)limit, !strcmp(format, "json"), &r);
		status = res->total ? EXIT_OK : EXIT_NOTFOUND;
		if (!res->total && strcmp(format, "json"))
			fprintf(stderr, "tipr search: no match\n");
		search_finish(r, NULL);
	}
	sb_free(&text);
	/* An index found damaged is made again. */
	if (!build && search_index_damaged(ix))
		build = search_build_start(ix, cache);
	if (build)
		index_now(cli, build);
	free(cache);
	search_index_free(ix);
	search_query_free(&q);
	return status;
}
