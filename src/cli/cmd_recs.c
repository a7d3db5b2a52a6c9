/* cmd_recs.c — tipr recs: the recommendation tracker for one country. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compare/cmprender.h"
#include "cli/commands.h"
#include "base/csv.h"
#include "base/json.h"
#include "compare/recs.h"
#include "base/textsafe.h"
#include "text/textwrap.h"

const char cmd_recs_help[] =
	"Usage: tipr recs COUNTRY [--format text|json|csv]\n"
	"\n"
	"Every recommendation COUNTRY received in the annual reports, followed across\n"
	"editions: one row per recommendation, one column per year, each cell new,\n"
	"kept, reworded, dropped or absent.  Text output then shows each rewording as\n"
	"a word diff against the year before ([-deleted-] {+inserted+} without colour).\n"
	"\n"
	"  --format F      text (default), json, or csv (thread, year, state, text)\n"
	"  --content DIR   read the content in DIR (repeatable)\n"
	"  --color WHEN    auto, always or never\n";

static enum ansi_role state_role(enum rec_state s)
{
	switch (s) {
	case REC_NEW:
		return ANSI_INSERT;
	case REC_REWORDED:
		return ANSI_MOVED;
	case REC_DROPPED:
		return ANSI_DELETE;
	case REC_ABSENT:
		return ANSI_DIM;
	default:
		return ANSI_RESET;
	}
}

static void print_text(const struct rec_tracker *t, const char *name, bool color, size_t width)
{
	size_t label = width > 16 + 10 * t->n_years ? width - 6 - 10 * t->n_years : 10;
	struct styled st = {0};

	fprintf(stdout, "%s", ansi(color, ANSI_TITLE));
	textsafe_fputs(name, stdout);
	printf(": prioritized recommendations, %d-%d%s (%zu editions, %zu recommendations)\n\n",
	       t->docs[0]->year, t->docs[t->n_years - 1]->year, ansi(color, ANSI_RESET), t->n_years,
	       t->n_threads);
	printf("%4s  ", "#");
	for (size_t y = 0; y < t->n_years; y++)
		printf("%-10d", t->docs[y]->year);
	printf("recommendation (latest wording)\n");
	for (size_t th = 0; th < t->n_threads; th++) {
		const char *text = rec_thread_text(t, th);
		size_t used, n = text_fit(text, strlen(text), label, &used);

		printf("%4zu  ", th + 1);
		for (size_t y = 0; y < t->n_years; y++) {
			enum rec_state s = t->threads[th].cells[y].state;

			printf("%s%-10s%s", ansi(color, state_role(s)), s == REC_ABSENT ? "-" : rec_state_name(s),
			       ansi(color, ANSI_RESET));
		}
		styled_reset(&st);
		styled_add(&st, text, n, ANSI_RESET);
		if (n < strlen(text))
			styled_adds(&st, "\xe2\x80\xa6", ANSI_DIM);
		styled_print(&st, 0, st.text.len, color, 0, stdout);
		putchar('\n');
	}
	for (size_t th = 0; th < t->n_threads; th++)
		for (size_t y = 0; y < t->n_years; y++) {
			const struct rec_cell *c = &t->threads[th].cells[y];
			struct wrap_line *lines;
			size_t n;

			if (c->state != REC_REWORDED)
				continue;
			styled_reset(&st);
			cmp_render_inline(&c->diff, !color, &st);
			n = wrap_text(st.text.buf, st.text.len, width > 12 ? width - 6 : width, &lines);
			printf("\n%4zu  %sreworded in %d%s (%.0f%% similar):\n", th + 1, ansi(color, ANSI_MOVED),
			       t->docs[y]->year, ansi(color, ANSI_RESET), c->diff.similarity * 100);
			for (size_t i = 0; i < n; i++) {
				fputs("      ", stdout);
				styled_print(&st, lines[i].start, lines[i].end, color, 0, stdout);
				putchar('\n');
			}
			free(lines);
		}
	styled_free(&st);
}

static void print_json(const struct rec_tracker *t, const struct country *c)
{
	struct styled st = {0};

	printf("{\"country\":");
	json_string(stdout, c->slug);
	printf(",\"name\":");
	json_string(stdout, country_display_name(c));
	printf(",\"years\":[");
	for (size_t y = 0; y < t->n_years; y++)
		printf("%s%d", y ? "," : "", t->docs[y]->year);
	printf("],\"recommendations\":[");
	for (size_t th = 0; th < t->n_threads; th++) {
		printf("%s\n{\"cells\":[", th ? "," : "");
		for (size_t y = 0; y < t->n_years; y++) {
			const struct rec_cell *cell = &t->threads[th].cells[y];

			printf("%s{\"year\":%d,\"state\":\"%s\"", y ? "," : "", t->docs[y]->year,
			       rec_state_name(cell->state));
			if (cell->text) {
				printf(",\"text\":");
				json_string(stdout, cell->text);
			}
			if (cell->state == REC_REWORDED) {
				char *prev = xstrndup(cell->diff.a, cell->diff.a_len);

				styled_reset(&st);
				cmp_render_inline(&cell->diff, true, &st);
				printf(",\"previous\":");
				json_string(stdout, prev);
				printf(",\"similarity\":%.3f,\"diff\":", cell->diff.similarity);
				json_string(stdout, st.text.len ? st.text.buf : "");
				free(prev);
			}
			putchar('}');
		}
		printf("]}");
	}
	printf("\n]}\n");
	styled_free(&st);
}

static void print_csv(const struct rec_tracker *t)
{
	printf("recommendation,year,state,text\n");
	for (size_t th = 0; th < t->n_threads; th++)
		for (size_t y = 0; y < t->n_years; y++) {
			const struct rec_cell *cell = &t->threads[th].cells[y];

			printf("%zu,%d,%s,", th + 1, t->docs[y]->year, rec_state_name(cell->state));
			csv_field(stdout, cell->text ? cell->text : "");
			putchar('\n');
		}
}

int cmd_recs(struct cli *cli, int argc, char **argv)
{
	enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION };
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text";
	const struct country *country;
	struct collection *coll;
	const struct document **docs;
	struct rec_tracker *t;
	size_t first, n, k = 0;
	int opt, r;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt == OPT_HELP) {
			command_print_help(cmd_recs_help);
			return EXIT_OK;
		}
		if (opt == OPT_FORMAT) {
			if (strcmp(optarg, "text") && strcmp(optarg, "json") && strcmp(optarg, "csv"))
				return cli_usage_error(cli, "--format must be text, json or csv");
			format = optarg;
			continue;
		}
		if ((r = cli_unhandled_option(cli, opt, optarg, argv)) >= 0)
			return r;
	}
	if (argc - optind != 1)
		return cli_usage_error(cli, argc == optind ? "expected COUNTRY" : "unexpected argument '%s'",
				       argv[argc - 1]);
	if (!cli_open_corpus(cli) || !(country = cli_country(cli, argv[optind])))
		return EXIT_NOTFOUND;
	coll = corpus_default_collection(cli->corpus);
	n = coll ? collection_country_docs(coll, country->slug, &first) : 0;
	if (!n) {
		cli_error("no narrative for %s in the content", country_display_name(country));
		return EXIT_NOTFOUND;
	}
	docs = xcalloc(n, sizeof(*docs));
	for (size_t i = 0; i < n; i++) {
		const struct document *d = corpus_doc_load(&coll->docs[first + i], &cli->diags);

		if (d && d->year)
			docs[k++] = d;
	}
	cli_flush_diags(cli);
	if (!k) {
		free(docs);
		return EXIT_NOTFOUND;
	}
	t = recs_track(docs, k);
	if (!strcmp(format, "json"))
		print_json(t, country);
	else if (!strcmp(format, "csv"))
		print_csv(t);
	else
		print_text(t, country_display_name(country), cli_color(cli, stdout), cli_width(stdout));
	recs_free(t);
	free(docs);
	return EXIT_OK;
}
