/* cmd_diff.c — tipr diff: one edition of a narrative against another. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compare/cmprender.h"
#include "cli/commands.h"
#include "base/textsafe.h"
#include "text/textwrap.h"

const char cmd_diff_help[] =
	"Usage: tipr diff COUNTRY YEAR_A YEAR_B [--section ID] [--inline] [--width N] [--stat]\n"
	"\n"
	"Compare the YEAR_A and YEAR_B narratives of COUNTRY sentence by sentence:\n"
	"unchanged sentences side by side, reworded ones with their changed words\n"
	"marked, added, removed and moved sentences shown as such, and each section's\n"
	"similarity in its heading.  Without colour, deletions read [-like this-] and\n"
	"insertions {+like this+}.  Exits 0 whether or not the texts differ, 1 when a\n"
	"narrative is missing.\n"
	"\n"
	"  --section ID    only this section (an id, a title, or a prefix of either)\n"
	"  --inline        one column, deletions and insertions in place\n"
	"  --width N       total width (default: the terminal, or 80)\n"
	"  --stat          per-section similarity and counts of changed sentences\n"
	"  --content DIR   read the content in DIR (repeatable)\n"
	"  --color WHEN    auto, always or never\n";

struct diff_out {
	bool color, marks;
	size_t width;
	FILE *out;
};

static const char *kind_note(enum cmp_kind k)
{
	switch (k) {
	case CMP_MOVED_OUT:
		return "moved away";
	case CMP_MOVED_IN:
		return "moved here";
	default:
		return NULL;
	}
}

static void section_heading(const struct diff_out *o, const struct cmp_section *cs)
{
	fprintf(o->out, "%s", ansi(o->color, ANSI_HEADING));
	textsafe_fputs(cs->title ? cs->title : cs->id, o->out);
	if (cs->a_index < 0)
		fputs(" (new in this edition)", o->out);
	else if (cs->b_index < 0)
		fputs(" (not in the later edition)", o->out);
	fprintf(o->out, "%s %s%.0f%% similar: %zu changed, %zu added, %zu removed, %zu moved%s\n",
		ansi(o->color, ANSI_RESET), ansi(o->color, ANSI_DIM), cs->similarity * 100, cs->n_changed,
		cs->n_added, cs->n_removed, cs->n_moved, ansi(o->color, ANSI_RESET));
}

/* Lines of st wrapped to width: their byte ranges. */
static size_t wrap_styled(const struct styled *st, size_t width, struct wrap_line **lines)
{
	if (!st->text.len) {
		*lines = NULL;
		return 0;
	}
	return wrap_text(st->text.buf, st->text.len, width, lines);
}

static void side_by_side_row(const struct diff_out *o, const struct cmp_row *row, size_t col)
{
	struct styled l = {0}, r = {0};
	struct wrap_line *ll, *rl;
	size_t nl, nr;
	const char *note = kind_note(row->kind);

	if (row->item && row->a)
		styled_adds(&l, "\xe2\x80\xa2 ", ANSI_REC_NUMBER);
	cmp_render_side(row, false, o->marks, &l);
	if (row->item && row->b)
		styled_adds(&r, "\xe2\x80\xa2 ", ANSI_REC_NUMBER);
	cmp_render_side(row, true, o->marks, &r);
	if (note && !o->marks) {
		styled_adds(row->a ? &l : &r, " (", ANSI_DIM);
		styled_adds(row->a ? &l : &r, note, ANSI_DIM);
		styled_adds(row->a ? &l : &r, ")", ANSI_DIM);
	}
	nl = wrap_styled(&l, col, &ll);
	nr = wrap_styled(&r, col, &rl);
	for (size_t i = 0; i < nl || i < nr; i++) {
		if (i < nl)
			styled_print(&l, ll[i].start, ll[i].end, o->color, col, o->out);
		else
			fprintf(o->out, "%*s", (int)col, "");
		fputs(" \xe2\x94\x82 ", o->out);
		if (i < nr)
			styled_print(&r, rl[i].start, rl[i].end, o->color, 0, o->out);
		fputc('\n', o->out);
	}
	free(ll);
	free(rl);
	styled_free(&l);
	styled_free(&r);
}

/* Prose flows as paragraphs; each recommendation is its own. */
static void flush_inline(const struct diff_out *o, struct styled *para)
{
	struct wrap_line *lines;
	size_t n = wrap_styled(para, o->width, &lines);

	for (size_t i = 0; i < n; i++) {
		styled_print(para, lines[i].start, lines[i].end, o->color, 0, o->out);
		fputc('\n', o->out);
	}
	if (n)
		fputc('\n', o->out);
	free(lines);
	styled_reset(para);
}

static void print_section(const struct diff_out *o, const struct cmp_section *cs, bool inline_mode)
{
	size_t col = o->width > 3 ? (o->width - 3) / 2 : 1;
	size_t last_a = SIZE_MAX, last_b = SIZE_MAX;
	struct styled para = {0};

	section_heading(o, cs);
	fputc('\n', o->out);
	for (size_t r = 0; r < cs->n_rows; r++) {
		const struct cmp_row *row = &cs->rows[r];
		bool new_block = r > 0 && ((row->a && row->a_block != last_a) ||
					   (row->b && row->b_block != last_b) || row->item);

		if (inline_mode) {
			if (new_block || row->item)
				flush_inline(o, &para);
			if (para.text.len)
				styled_adds(&para, " ", ANSI_RESET);
			if (row->item)
				styled_adds(&para, "\xe2\x80\xa2 ", ANSI_REC_NUMBER);
			cmp_render_inline(row, o->marks, &para);
		} else {
			if (new_block)
				fprintf(o->out, "%*s \xe2\x94\x82\n", (int)col, "");
			side_by_side_row(o, row, col);
		}
		if (row->a)
			last_a = row->a_block;
		if (row->b)
			last_b = row->b_block;
	}
	if (inline_mode)
		flush_inline(o, &para);
	else
		fputc('\n', o->out);
	styled_free(&para);
}

static void print_stat(const struct comparison *c, const struct diff_out *o, int only)
{
	fprintf(o->out, "%-22s %7s %6s %8s %6s %8s %6s\n", "section", "similar", "same", "changed",
		"added", "removed", "moved");
	for (size_t s = 0; s < c->n_secs; s++) {
		const struct cmp_section *cs = &c->secs[s];

		if (only >= 0 && (size_t)only != s)
			continue;
		fprintf(o->out, "%-22.22s %6.0f%% %6zu %8zu %6zu %8zu %6zu\n", cs->id, cs->similarity * 100,
			cs->n_same, cs->n_changed, cs->n_added, cs->n_removed, cs->n_moved);
	}
	if (only < 0)
		fprintf(o->out, "%-22s %6.0f%%\n", "whole narrative", c->similarity * 100);
}

/* The comparison section a --section argument names (by id or title prefix). */
static int find_section(const struct comparison *c, const char *arg)
{
	size_t n = strlen(arg);

	for (size_t s = 0; s < c->n_secs; s++)
		if (!strcmp(c->secs[s].id, arg))
			return (int)s;
	for (size_t s = 0; s < c->n_secs; s++)
		if (!strncasecmp(c->secs[s].id, arg, n) || (c->secs[s].title && !strncasecmp(c->secs[s].title, arg, n)))
			return (int)s;
	cli_error("no section '%s' in either narrative", arg);
	return -1;
}

int cmd_diff(struct cli *cli, int argc, char **argv)
{
	enum { OPT_SECTION = OPT_FIRST_COMMAND_OPTION, OPT_INLINE, OPT_WIDTH, OPT_STAT };
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "section", required_argument, NULL, OPT_SECTION },
		{ "inline", no_argument, NULL, OPT_INLINE },
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "stat", no_argument, NULL, OPT_STAT },
		{ NULL, 0, NULL, 0 },
	};
	const char *section = NULL;
	bool inline_mode = false, stat = false;
	size_t width = 0;
	const struct country *country;
	const struct document *a, *b;
	struct comparison *c;
	struct diff_out o;
	int opt, r, ya, yb, only = -1;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_HELP:
			command_print_help(cmd_diff_help);
			return EXIT_OK;
		case OPT_SECTION:
			section = optarg;
			continue;
		case OPT_INLINE:
			inline_mode = true;
			continue;
		case OPT_STAT:
			stat = true;
			continue;
		case OPT_WIDTH:
			if (!(width = cli_parse_width(cli, optarg)))
				return EXIT_USAGE;
			continue;
		}
		if ((r = cli_unhandled_option(cli, opt, optarg, argv)) >= 0)
			return r;
	}
	if (argc - optind < 3)
		return cli_usage_error(cli, "expected COUNTRY, YEAR_A and YEAR_B");
	if (argc - optind > 3)
		return cli_usage_error(cli, "unexpected argument '%s'", argv[optind + 3]);
	if (!cli_year(cli, argv[optind + 1], &ya) || !cli_year(cli, argv[optind + 2], &yb))
		return EXIT_USAGE;
	if (!cli_open_corpus(cli) || !(country = cli_country(cli, argv[optind])))
		return EXIT_NOTFOUND;
	/* Both documents stay loaded: the corpus owns them. */
	if (!(a = cli_document(cli, country, ya)) || !(b = cli_document(cli, country, yb)))
		return EXIT_NOTFOUND;
	c = compare_documents(a, b);
	if (section && (only = find_section(c, section)) < 0) {
		comparison_free(c);
		return EXIT_NOTFOUND;
	}
	o.out = stdout;
	o.color = cli_color(cli, stdout);
	o.marks = !o.color;
	o.width = width ? width : cli_width(stdout);
	if (stat) {
		print_stat(c, &o, only);
	} else {
		fprintf(o.out, "%s", ansi(o.color, ANSI_TITLE));
		textsafe_fputs(country_display_name(country), o.out);
		fprintf(o.out, ": %d \xe2\x86\x92 %d%s %s(%.0f%% similar)%s\n\n", ya, yb, ansi(o.color, ANSI_RESET),
			ansi(o.color, ANSI_DIM), c->similarity * 100, ansi(o.color, ANSI_RESET));
		for (size_t s = 0; s < c->n_secs; s++)
			if (only < 0 || (size_t)only == s)
				print_section(&o, &c->secs[s], inline_mode || o.width < 60);
	}
	comparison_free(c);
	return EXIT_OK;
}
