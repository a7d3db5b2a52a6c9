/* byyear.c — the per-edition chart of tipr search --by-year. */
#include "config.h"

#include "cli/byyear.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/json.h"
#include "base/textsafe.h"
#include "style/ansi.h"
#include "style/picture.h"
#include "tiers/byyear.h"

static void print_text(struct cli *cli, const struct byyear *v, size_t n, const char *title,
		       const char *query)
{
	const struct palette *pal = cli_palette(cli, stdout);
	struct pic_bar *bars = xcalloc(n + 1, sizeof(*bars));
	char (*labels)[16] = xcalloc(n + 1, sizeof(*labels));
	size_t *counts = xcalloc(n + 1, sizeof(*counts));
	struct picture p;

	printf("%s", sgr(pal, ROLE_TITLE));
	textsafe_fputs(title, stdout);
	printf("%s%s: narratives matching ", sgr_reset(pal), sgr(pal, ROLE_META));
	textsafe_fputs(query, stdout);
	printf(", by edition%s\n", sgr_reset(pal));
	for (size_t i = 0; i < n; i++) {
		snprintf(labels[i], sizeof(labels[i]), "%d", v[i].year);
		bars[i] = (struct pic_bar){ labels[i], v[i].matching, v[i].narratives, ROLE_HEADING, (int)i };
		counts[i] = v[i].matching;
	}
	pic_init(&p, cli_utf8(), pal && pal->colours);
	pic_printf(&p, ROLE_TEXT, "%d ", v[0].year);
	pic_sparkline(&p, counts, n, ROLE_HEADING);
	pic_printf(&p, ROLE_TEXT, " %d", v[n - 1].year);
	pic_bars(&p, bars, n, cli_width(stdout));
	pic_print(&p, pal, stdout);
	pic_free(&p);
	free(counts);
	free(labels);
	free(bars);
}

static void print_json(const struct byyear *v, size_t n, const char *coll, const char *query)
{
	printf("{\"query\":");
	json_string(stdout, query);
	printf(",\"collection\":");
	json_string(stdout, coll);
	printf(",\"editions\":[");
	for (size_t i = 0; i < n; i++)
		printf("%s\n{\"year\":%d,\"narratives\":%zu,\"matching\":%zu}", i ? "," : "", v[i].year,
		       v[i].narratives, v[i].matching);
	printf("\n]}\n");
}

int cli_print_by_year(struct cli *cli, const struct search_index *ix, const struct search_results *res,
		      const struct search_scope *scope, const char *query, bool json)
{
	struct collection *coll = corpus_default_collection(cli->corpus);
	struct byyear *v;
	size_t n = byyear_count(ix, res, coll, scope, &v), matching = 0;

	for (size_t i = 0; i < n; i++)
		matching += v[i].matching;
	if (json)
		print_json(v, n, coll->name, query);
	else if (n)
		print_text(cli, v, n, coll->title ? coll->title : coll->name, query);
	free(v);
	if (!matching && !json)
		fprintf(stderr, "tipr search: no match\n");
	return matching ? EXIT_OK : EXIT_NOTFOUND;
}
