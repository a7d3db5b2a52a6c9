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

enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION };

static const struct cli_option recs_options[] = {
	{ "format", "F", OPT_FORMAT,
	  "text (default), json, csv (recommendation, year, state, text) or md (a Markdown table and the rewordings)" },
	{ NULL, NULL, 0, NULL },
};

const struct cli_spec cmd_recs_spec = {
	"tipr recs COUNTRY [--format text|json|csv|md]",
	"Every recommendation COUNTRY received in the annual reports, followed across\n"
	"editions: one row per recommendation, one column per year, each cell first\n"
	"seen (the first edition), new, kept, reworded, dropped, not in this excerpt\n"
	"(an excerpt lacks it: never dropped) or absent, then the recommendation's\n"
	"whole text.  Text output then shows each rewording as a word diff against\n"
	"its last wording ([-deleted-] {+inserted+} without colour).\n",
	recs_options,
};

/* The editions that are excerpts, said once above the table. */
static void excerpt_note(const struct rec_tracker *t, const char *before, FILE *out)
{
	for (size_t y = 0; y < t->n_years; y++)
		if (!t->docs[y]->complete)
			fprintf(out, "%s%d is an excerpt: \"not in this excerpt\" marks what it lacks\n", before,
				t->docs[y]->year);
}

/* text wrapped to width, each line after indent spaces. */
static void print_wrapped(const struct styled *st, size_t indent, size_t width, const struct palette *pal)
{
	struct wrap_line *lines;
	size_t n = st->text.len ? wrap_text(st->text.buf, st->text.len, width > indent + 20 ? width - indent : 20, &lines)
				: 0;

	for (size_t i = 0; i < n; i++) {
		printf("%*s", (int)indent, "");
		styled_print(st, lines[i].start, lines[i].end, pal, 0, stdout);
		putchar('\n');
	}
	if (n)
		free(lines);
}

static void print_text(const struct rec_tracker *t, const char *name, const struct palette *pal, size_t width)
{
	struct styled st = {0};

	fprintf(stdout, "%s", sgr(pal, ROLE_TITLE));
	textsafe_fputs(name, stdout);
	if (!t->n_threads) {
		printf(": no prioritized recommendations in any edition, %d-%d (%zu editions)%s\n", t->docs[0]->year,
		       t->docs[t->n_years - 1]->year, t->n_years, sgr_reset(pal));
		return;
	}
	printf(": prioritized recommendations, %d-%d%s (%zu editions, %zu recommendations)\n",
	       t->docs[0]->year, t->docs[t->n_years - 1]->year, sgr_reset(pal), t->n_years,
	       t->n_threads);
	excerpt_note(t, "", stdout);
	printf("\n%4s  ", "#");
	for (size_t y = 0; y < t->n_years; y++)
		printf(y + 1 < t->n_years ? "%-12d" : "%d", t->docs[y]->year);
	putchar('\n');
	/* Each recommendation: its states, then its whole latest wording. */
	for (size_t th = 0; th < t->n_threads; th++) {
		const char *text = rec_thread_text(t, th);

		printf("%4zu  ", th + 1);
		for (size_t y = 0; y < t->n_years; y++) {
			enum rec_state s = t->threads[th].cells[y].state;

			printf("%s%-*s%s", sgr(pal, rec_state_role(s)), y + 1 < t->n_years ? 12 : 0, rec_state_short(s),
			       sgr_reset(pal));
		}
		putchar('\n');
		styled_reset(&st);
		styled_add(&st, text, strlen(text), ROLE_TEXT);
		print_wrapped(&st, 6, width, pal);
	}
	for (size_t th = 0; th < t->n_threads; th++)
		for (size_t y = 0; y < t->n_years; y++) {
			const struct rec_cell *c = &t->threads[th].cells[y];

			if (c->state != REC_REWORDED)
				continue;
			styled_reset(&st);
			cmp_render_inline(&c->diff, !pal, &st);
			printf("\n%4zu  %sreworded in %d%s (%.0f%% similar):\n", th + 1, sgr(pal, ROLE_MOVED),
			       t->docs[y]->year, sgr_reset(pal), c->diff.similarity * 100);
			print_wrapped(&st, 6, width, pal);
		}
	styled_free(&st);
}

/* Text safe in a Markdown table cell: control characters made visible, and
 * the characters Markdown would read as markup escaped. */
static void md_text(const char *s, size_t len)
{
	char *t = textsafe_dup(s, len);

	for (const char *p = t; *p; p++) {
		if (strchr("\\`*_~|<>[]#", *p))
			putchar('\\');
		putchar(*p);
	}
	free(t);
}

/* A rewording as the inline diff shows it, deletions struck through and
 * insertions in bold. */
static void print_md_diff(const struct cmp_row *row)
{
	struct styled st = {0};

	cmp_render_inline(row, false, &st);
	for (size_t i = 0, j; i < st.text.len; i = j) {
		const char *mark = st.roles[i] == ROLE_DELETE ? "~~" : st.roles[i] == ROLE_INSERT ? "**" : "";

		for (j = i; j < st.text.len && st.roles[j] == st.roles[i]; j++)
			;
		printf("%s", mark);
		md_text(st.text.buf + i, j - i);
		printf("%s", mark);
	}
	styled_free(&st);
}

static void print_md(const struct rec_tracker *t, const char *name)
{
	printf("# ");
	md_text(name, strlen(name));
	if (!t->n_threads) {
		printf(": no prioritized recommendations in any edition, %d-%d\n", t->docs[0]->year,
		       t->docs[t->n_years - 1]->year);
		return;
	}
	printf(": prioritized recommendations, %d-%d\n\n", t->docs[0]->year, t->docs[t->n_years - 1]->year);
	excerpt_note(t, "", stdout);
	printf("\n| # |");
	for (size_t y = 0; y < t->n_years; y++)
		printf(" %d |", t->docs[y]->year);
	printf(" Recommendation (latest wording) |\n|--:|");
	for (size_t y = 0; y < t->n_years; y++)
		printf("---|");
	printf("---|\n");
	for (size_t th = 0; th < t->n_threads; th++) {
		const char *text = rec_thread_text(t, th);

		printf("| %zu |", th + 1);
		for (size_t y = 0; y < t->n_years; y++)
			printf(" %s |", t->threads[th].cells[y].state == REC_ABSENT ? "-"
									: rec_state_name(t->threads[th].cells[y].state));
		putchar(' ');
		md_text(text, strlen(text));
		printf(" |\n");
	}
	for (size_t th = 0, first = 1; th < t->n_threads; th++)
		for (size_t y = 0; y < t->n_years; y++) {
			const struct rec_cell *c = &t->threads[th].cells[y];

			if (c->state != REC_REWORDED)
				continue;
			if (first)
				printf("\n## Rewordings\n\n");
			first = 0;
			printf("- **%zu, %d** (%.0f%% similar): ", th + 1, t->docs[y]->year, c->diff.similarity * 100);
			print_md_diff(&c->diff);
			putchar('\n');
		}
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
	const char *format = "text";
	const struct country *country;
	struct collection *coll;
	const struct document **docs;
	struct rec_tracker *t;
	size_t first, n, k = 0;
	int opt, status;

	optind = 1;
	while ((opt = cli_getopt(cli, &cmd_recs_spec, argc, argv, &status)) != CLI_END) {
		if (opt == CLI_STOP)
			return status;
		if (opt == OPT_FORMAT) {
			if (strcmp(optarg, "text") && strcmp(optarg, "json") && strcmp(optarg, "csv") &&
			    strcmp(optarg, "md"))
				return cli_usage_error(cli, "--format must be text, json, csv or md");
			format = optarg;
			continue;
		}
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
	else if (!strcmp(format, "md"))
		print_md(t, country_display_name(country));
	else
		print_text(t, country_display_name(country), cli_palette(cli, stdout), cli_width(stdout));
	recs_free(t);
	free(docs);
	return EXIT_OK;
}
