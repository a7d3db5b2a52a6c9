/* cmd_list.c — tipr list: collections, countries, years and tiers. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "style/ansi.h"
#include "cli/commands.h"
#include "base/csv.h"
#include "base/json.h"
#include "base/textsafe.h"
#include "text/textwrap.h"

enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION };

static const struct cli_option list_options[] = {
	{ "format", "F", OPT_FORMAT,
	  "text: one block per collection, a line per country (the default); json: every collection and document; "
	  "csv: one row per country-year of the annual reports: country,iso3,year,tier (the shape tier datasets "
	  "use)" },
	{ NULL, NULL, 0, NULL },
};

const struct cli_spec cmd_list_spec = {
	"tipr list [--format text|json|csv] [--content DIR]...",
	"List the collections in the content, and for each the countries with the\n"
	"years they have and the tier of each year.\n",
	list_options,
};

enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV };

static const char *doc_name(const struct countries *cs, const struct corpus_doc *e)
{
	const struct country *c = countries_by_slug(cs, e->slug);

	return c ? country_display_name(c) : e->slug;
}

static const char *doc_iso3(const struct countries *cs, const struct corpus_doc *e)
{
	const struct country *c = countries_by_slug(cs, e->slug);

	return c ? c->iso3 : "";
}

/* Documents of a collection in country-name collation order (the layout is
 * sorted by slug; users read names). */
static size_t *by_name(const struct countries *cs, const struct collection *coll)
{
	size_t *order = xmalloc((coll->n_docs + 1) * sizeof(*order));
	size_t n = 0;

	for (size_t k = 0; k < countries_count(cs); k++) {
		size_t first, m = collection_country_docs(coll, countries_at(cs, k)->slug, &first);

		for (size_t i = 0; i < m; i++)
			order[n++] = first + i;
	}
	/* Documents whose country is not in countries.yaml come last. */
	for (size_t i = 0; i < coll->n_docs; i++)
		if (!countries_by_slug(cs, coll->docs[i].slug))
			order[n++] = i;
	return order;
}

static void list_text(struct cli *cli, const struct palette *pal)
{
	const struct countries *cs = corpus_countries(cli->corpus);

	for (size_t c = 0; c < corpus_n_collections(cli->corpus); c++) {
		struct collection *coll = corpus_collection(cli->corpus, c);
		size_t *order = by_name(cs, coll), name_w = 7;

		for (size_t i = 0; i < coll->n_docs; i++) {
			const char *nm = doc_name(cs, &coll->docs[i]);
			size_t w = text_width(nm, strlen(nm));

			if (w > name_w)
				name_w = w;
		}
		if (c)
			putchar('\n');
		printf("%s", sgr(pal, ROLE_TITLE));
		textsafe_fputs(coll->title, stdout);
		printf("%s %s(%s, %s", sgr_reset(pal), sgr(pal, ROLE_META), coll->name,
		       coll->kind == COLLECTION_ANNUAL ? "annual report" : "commentary");
		if (coll->publisher) {
			fputs(", ", stdout);
			textsafe_fputs(coll->publisher, stdout);
		}
		printf(")%s\n", sgr_reset(pal));
		for (size_t i = 0; i < coll->n_docs;) {
			const struct corpus_doc *e = &coll->docs[order[i]];
			const char *nm = doc_name(cs, e);
			size_t pad = name_w - text_width(nm, strlen(nm));

			printf("  ");
			textsafe_fputs(nm, stdout);
			printf("%*s  %-3s ", (int)pad, "", doc_iso3(cs, e));
			for (; i < coll->n_docs && !strcmp(coll->docs[order[i]].slug, e->slug); i++) {
				struct corpus_doc *d = &coll->docs[order[i]];
				bool ok = corpus_doc_header(d);

				if (d->year)
					printf(" %d", d->year);
				else
					printf(" undated");
				if (ok && (d->tier != TIER_NONE || !d->complete)) {
					printf(" (%s%s%s%s%s)", sgr_tier(pal, d->tier), tier_badge(d->tier),
					       d->tier != TIER_NONE ? sgr_reset(pal) : "",
					       d->tier != TIER_NONE && !d->complete ? ", " : "",
					       d->complete ? "" : "excerpt");
				} else if (!ok) {
					printf(" (unreadable)");
				}
			}
			putchar('\n');
		}
		free(order);
	}
}

static void list_json(struct cli *cli)
{
	const struct countries *cs = corpus_countries(cli->corpus);

	printf("{\"collections\":[");
	for (size_t c = 0; c < corpus_n_collections(cli->corpus); c++) {
		struct collection *coll = corpus_collection(cli->corpus, c);
		size_t *order = by_name(cs, coll);

		printf("%s\n{\"name\":", c ? "," : "");
		json_string(stdout, coll->name);
		printf(",\"title\":");
		json_string(stdout, coll->title);
		printf(",\"kind\":\"%s\"", coll->kind == COLLECTION_ANNUAL ? "annual-report" : "commentary");
		if (coll->publisher) {
			printf(",\"publisher\":");
			json_string(stdout, coll->publisher);
		}
		printf(",\"documents\":[");
		for (size_t i = 0; i < coll->n_docs; i++) {
			struct corpus_doc *d = &coll->docs[order[i]];
			bool ok = corpus_doc_header(d);

			printf("%s\n {\"country\":", i ? "," : "");
			json_string(stdout, d->slug);
			printf(",\"name\":");
			json_string(stdout, doc_name(cs, d));
			printf(",\"iso3\":");
			json_string(stdout, doc_iso3(cs, d));
			if (d->year)
				printf(",\"year\":%d", d->year);
			else
				printf(",\"year\":null");
			if (ok && d->tier != TIER_NONE) {
				printf(",\"tier\":");
				json_string(stdout, tier_value(d->tier));
			} else {
				printf(",\"tier\":null");
			}
			printf(",\"complete\":%s", ok && !d->complete ? "false" : "true");
			if (!ok)
				printf(",\"readable\":false");
			printf("}");
		}
		printf("]}");
		free(order);
	}
	printf("\n]}\n");
}

static void list_csv(struct cli *cli)
{
	static const char *const header[] = { "country", "iso3", "year", "tier" };
	const struct countries *cs = corpus_countries(cli->corpus);

	csv_row(stdout, header, ARRAY_SIZE(header));
	for (size_t c = 0; c < corpus_n_collections(cli->corpus); c++) {
		struct collection *coll = corpus_collection(cli->corpus, c);
		size_t *order;

		if (coll->kind != COLLECTION_ANNUAL)
			continue;
		order = by_name(cs, coll);
		for (size_t i = 0; i < coll->n_docs; i++) {
			struct corpus_doc *d = &coll->docs[order[i]];
			bool ok = corpus_doc_header(d);
			char year[16] = "";
			const char *row[4];

			if (d->year)
				snprintf(year, sizeof(year), "%d", d->year);
			row[0] = doc_name(cs, d);
			row[1] = doc_iso3(cs, d);
			row[2] = year;
			row[3] = ok ? tier_value(d->tier) : "";
			csv_row(stdout, row, ARRAY_SIZE(row));
		}
		free(order);
	}
}

int cmd_list(struct cli *cli, int argc, char **argv)
{
	enum format format = FORMAT_TEXT;
	int opt, status;

	optind = 1;
	while ((opt = cli_getopt(cli, &cmd_list_spec, argc, argv, &status)) != CLI_END) {
		if (opt == CLI_STOP)
			return status;
		if (opt == OPT_FORMAT) {
			if (!strcmp(optarg, "text"))
				format = FORMAT_TEXT;
			else if (!strcmp(optarg, "json"))
				format = FORMAT_JSON;
			else if (!strcmp(optarg, "csv"))
				format = FORMAT_CSV;
			else
				return cli_usage_error(cli, "--format must be text, json or csv, not '%s'", optarg);
			continue;
		}
	}
	if (optind < argc)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);
	if (!cli_open_corpus(cli))
		return EXIT_NOTFOUND;
	if (format == FORMAT_JSON)
		list_json(cli);
	else if (format == FORMAT_CSV)
		list_csv(cli);
	else
		list_text(cli, cli_palette(cli, stdout));
	return EXIT_OK;
}
