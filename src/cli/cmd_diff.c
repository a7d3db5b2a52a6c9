/* cmd_diff.c — tipr diff: one edition of a narrative against another. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/textsafe.h"
#include "base/util.h"
#include "cli/commands.h"
#include "compare/cmplayout.h"
#include "compare/cmprender.h"
#include "text/textwrap.h"

enum { OPT_SECTION = OPT_FIRST_COMMAND_OPTION, OPT_INLINE, OPT_WIDTH, OPT_STAT, OPT_FORMAT };

static const struct cli_option diff_options[] = {
	{ "section", "ID", OPT_SECTION,
	  "only this section (an id, a title, or a prefix of either)" },
	{ "inline", NULL, OPT_INLINE,
	  "one column, deletions and insertions in place" },
	{ "width", "N", OPT_WIDTH,
	  "total width (default: the terminal, or 80)" },
	{ "stat", NULL, OPT_STAT,
	  "per-section similarity and counts of changed sentences" },
	{ "format", "F", OPT_FORMAT,
	  "text (default) or json: sections, sentence pairs with their kind (same, changed, added, removed, moved, not in this excerpt) and word operations" },
	{ NULL, NULL, 0, NULL },
};

const struct cli_spec cmd_diff_spec = {
	"tipr diff COUNTRY YEAR_A YEAR_B [--section ID] [--inline] [--width N] [--stat]\n"
	"[--format text|json]",
	"Compare the YEAR_A and YEAR_B narratives of COUNTRY sentence by sentence:\n"
	"unchanged sentences side by side, reworded ones with their changed words\n"
	"marked, added, removed and moved sentences shown as such, and each section's\n"
	"similarity in its heading.  Without colour, deletions read [-like this-] and\n"
	"insertions {+like this+}.  White space is never a change; what an excerpt\n"
	"(complete: false) lacks is \"not in this excerpt\", not removed.  The figures\n"
	"are the same whichever year comes first.  Exits 0 whether or not the texts\n"
	"differ, 1 when a narrative is missing.\n",
	diff_options,
};

struct diff_out {
	const struct comparison *c;
	const struct palette *pal; /* NULL: no colour (the changes then marked [-...-] {+...+}) */
	bool marks;
	size_t width;
	FILE *out;
};

/* A note after a row's text where its kind is not in its marks. */
static const char *kind_note(enum cmp_kind k, bool marks)
{
	switch (k) {
	case CMP_MOVED_OUT:
		return marks ? NULL : "moved away";
	case CMP_MOVED_IN:
		return marks ? NULL : "moved here";
	case CMP_NOT_IN_EXCERPT:
		return "not in this excerpt";
	default:
		return NULL;
	}
}

static void section_heading(const struct diff_out *o, const struct cmp_section *cs)
{
	char note[64];

	fprintf(o->out, "%s", sgr(o->pal, ROLE_HEADING));
	textsafe_fputs(cs->title ? cs->title : cs->id, o->out);
	if (cmp_section_note(o->c, cs, note, sizeof(note)))
		fprintf(o->out, " (%s)", note);
	fprintf(o->out, "%s %s", sgr_reset(o->pal), sgr(o->pal, ROLE_HINT));
	if (!cs->not_in_excerpt)
		fprintf(o->out, "%.0f%% similar: %zu changed, %zu added, %zu removed, %zu moved", cs->similarity * 100,
			cs->n_changed, cs->n_added, cs->n_removed, cs->n_moved);
	if (cs->n_not_in_excerpt)
		fprintf(o->out, "%s%zu not in this excerpt", cs->not_in_excerpt ? "" : ", ", cs->n_not_in_excerpt);
	fprintf(o->out, "%s\n", sgr_reset(o->pal));
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
	const char *note = kind_note(row->kind, o->marks);

	if (row->item && row->a)
		styled_adds(&l, "\xe2\x80\xa2 ", ROLE_REC_NUMBER);
	cmp_render_side(row, false, o->marks, &l);
	if (row->item && row->b)
		styled_adds(&r, "\xe2\x80\xa2 ", ROLE_REC_NUMBER);
	cmp_render_side(row, true, o->marks, &r);
	if (note) {
		styled_adds(row->a ? &l : &r, " (", ROLE_HINT);
		styled_adds(row->a ? &l : &r, note, ROLE_HINT);
		styled_adds(row->a ? &l : &r, ")", ROLE_HINT);
	}
	nl = wrap_styled(&l, col, &ll);
	/* An unchanged sentence reads the same on both sides: wrap it once. */
	if (l.text.len && r.text.len == l.text.len && !memcmp(r.text.buf, l.text.buf, l.text.len)) {
		nr = nl;
		rl = nl ? xcalloc(nl, sizeof(*rl)) : NULL;
		if (nl)
			memcpy(rl, ll, nl * sizeof(*rl));
	} else {
		nr = wrap_styled(&r, col, &rl);
	}
	for (size_t i = 0; i < nl || i < nr; i++) {
		if (i < nl)
			styled_print(&l, ll[i].start, ll[i].end, o->pal, col, o->out);
		else
			fprintf(o->out, "%*s", (int)col, "");
		fputs(" \xe2\x94\x82 ", o->out);
		if (i < nr)
			styled_print(&r, rl[i].start, rl[i].end, o->pal, 0, o->out);
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
		styled_print(para, lines[i].start, lines[i].end, o->pal, 0, o->out);
		fputc('\n', o->out);
	}
	if (n)
		fputc('\n', o->out);
	free(lines);
	styled_reset(para);
}

/* Each column headed by its edition: year, tier, excerpt. */
static void column_headings(const struct diff_out *o)
{
	size_t col = (o->width - 3) / 2;
	char l[64], r[64];

	cmp_edition_label(o->c->a, col, l, sizeof(l));
	cmp_edition_label(o->c->b, col, r, sizeof(r));
	fprintf(o->out, "%s%s%s%*s \xe2\x94\x82 %s%s%s\n", sgr(o->pal, ROLE_HEADING), l, sgr_reset(o->pal),
		(int)(col - text_width(l, strlen(l))), "", sgr(o->pal, ROLE_HEADING), r, sgr_reset(o->pal));
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
				styled_adds(&para, " ", ROLE_TEXT);
			if (row->item)
				styled_adds(&para, "\xe2\x80\xa2 ", ROLE_REC_NUMBER);
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

/* The excerpt among the two editions, said before figures that leave out
 * what it lacks. */
static void excerpt_note(const struct comparison *c, FILE *out)
{
	for (int side = 0; side < 2; side++) {
		const struct document *d = side ? c->b : c->a;

		if (!d->complete && (side == 0 || c->a != c->b))
			fprintf(out, "%d is an excerpt (complete: false): what it lacks is not in this excerpt, "
				"not removed, and counts in no figure\n", d->year);
	}
}

static void print_stat(const struct comparison *c, const struct diff_out *o, int only)
{
	excerpt_note(c, o->out);
	fprintf(o->out, "%-22s %7s %6s %8s %6s %8s %6s %8s\n", "section", "similar", "same", "changed",
		"added", "removed", "moved", "excerpt");
	for (size_t s = 0; s < c->n_secs; s++) {
		const struct cmp_section *cs = &c->secs[s];

		if (only >= 0 && (size_t)only != s)
			continue;
		fprintf(o->out, "%-22.22s ", cs->id);
		if (cs->not_in_excerpt)
			fprintf(o->out, "%7s", "-");
		else
			fprintf(o->out, "%6.0f%%", cs->similarity * 100);
		fprintf(o->out, " %6zu %8zu %6zu %8zu %6zu %8zu\n", cs->n_same, cs->n_changed, cs->n_added,
			cs->n_removed, cs->n_moved, cs->n_not_in_excerpt);
	}
	if (only < 0)
		fprintf(o->out, "%-22s %6.0f%%\n", "whole narrative", c->similarity * 100);
}

static void json_text(FILE *out, const char *key, const char *s, size_t len)
{
	char *t = xstrndup(s, len);

	fprintf(out, ",\"%s\":", key);
	json_string(out, t);
	free(t);
}

static void json_edition(FILE *out, const char *key, const struct document *d)
{
	fprintf(out, "\"%s\":{\"year\":%d,\"tier\":", key, d->year);
	json_string(out, tier_value(d->tier));
	fprintf(out, ",\"excerpt\":%s}", d->complete ? "false" : "true");
}

/* One pair: a move is given once, where its older half stands. */
static void json_pair(const struct comparison *c, const struct cmp_row *row, bool *first, FILE *out)
{
	static const char *const ops[] = { [WD_SAME] = "same", [WD_DEL] = "delete", [WD_INS] = "insert" };
	const struct cmp_row *peer = NULL;
	const struct cmp_row *ra = row, *rb = row;

	if (row->kind == CMP_MOVED_IN)
		return;
	if (row->kind == CMP_MOVED_OUT) {
		peer = &c->secs[row->peer_section].rows[row->peer_row];
		rb = peer;
	}
	fprintf(out, "%s\n{\"kind\":\"%s\"", *first ? "" : ",", cmp_kind_name(row->kind));
	*first = false;
	if (ra->a)
		json_text(out, "a", ra->a, ra->a_len);
	if (rb->b)
		json_text(out, "b", rb->b, rb->b_len);
	if (row->item)
		fputs(",\"recommendation\":true", out);
	if (peer) {
		fputs(",\"to_section\":", out);
		json_string(out, c->secs[row->peer_section].id);
	}
	if (row->kind == CMP_CHANGED || peer)
		fprintf(out, ",\"similarity\":%.3f", row->similarity);
	if (row->a_count > 1 || row->b_count > 1)
		fprintf(out, ",\"a_sentences\":%zu,\"b_sentences\":%zu", row->a_count, row->b_count);
	if (row->n_words) {
		fputs(",\"words\":[", out);
		for (size_t k = 0; k < row->n_words; k++) {
			const struct cmp_word *w = &row->words[k];
			struct span sp = w->op == WD_INS ? w->b : w->a;

			fprintf(out, "%s{\"op\":\"%s\"", k ? "," : "", ops[w->op]);
			json_text(out, "text", w->op == WD_INS ? rb->b + sp.start : ra->a + sp.start, sp.end - sp.start);
			fputc('}', out);
		}
		fputc(']', out);
	}
	fputc('}', out);
}

static void print_json(const struct comparison *c, const struct country *country, int only, FILE *out)
{
	bool first_sec = true;

	fputs("{\"country\":", out);
	json_string(out, country->slug);
	fputs(",\"name\":", out);
	json_string(out, country_display_name(country));
	fputc(',', out);
	json_edition(out, "a", c->a);
	fputc(',', out);
	json_edition(out, "b", c->b);
	fprintf(out, ",\"similarity\":%.3f,\"sections\":[", c->similarity);
	for (size_t s = 0; s < c->n_secs; s++) {
		const struct cmp_section *cs = &c->secs[s];
		bool first = true;

		if (only >= 0 && (size_t)only != s)
			continue;
		fprintf(out, "%s\n{\"id\":", first_sec ? "" : ",");
		first_sec = false;
		json_string(out, cs->id);
		fputs(",\"title\":", out);
		json_string(out, cs->title ? cs->title : cs->id);
		fprintf(out, ",\"in_a\":%s,\"in_b\":%s,\"not_in_excerpt\":%s,\"similarity\":%.3f",
			cs->a_index >= 0 ? "true" : "false", cs->b_index >= 0 ? "true" : "false",
			cs->not_in_excerpt ? "true" : "false", cs->similarity);
		fprintf(out, ",\"counts\":{\"same\":%zu,\"changed\":%zu,\"added\":%zu,\"removed\":%zu,"
			     "\"moved\":%zu,\"not_in_excerpt\":%zu},\"pairs\":[",
			cs->n_same, cs->n_changed, cs->n_added, cs->n_removed, cs->n_moved, cs->n_not_in_excerpt);
		for (size_t r = 0; r < cs->n_rows; r++)
			json_pair(c, &cs->rows[r], &first, out);
		fputs("]}", out);
	}
	fputs("\n]}\n", out);
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
	const char *section = NULL;
	bool inline_mode = false, stat = false, json = false;
	size_t width = 0;
	const struct country *country;
	const struct document *a, *b;
	struct comparison *c;
	struct diff_out o;
	int opt, status, ya, yb, only = -1;

	optind = 1;
	while ((opt = cli_getopt(cli, &cmd_diff_spec, argc, argv, &status)) != CLI_END) {
		if (opt == CLI_STOP)
			return status;
		switch (opt) {
		case OPT_SECTION:
			section = optarg;
			continue;
		case OPT_INLINE:
			inline_mode = true;
			continue;
		case OPT_STAT:
			stat = true;
			continue;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") && strcmp(optarg, "json"))
				return cli_usage_error(cli, "--format must be text or json");
			json = !strcmp(optarg, "json");
			continue;
		case OPT_WIDTH:
			if (!(width = cli_parse_width(cli, optarg)))
				return EXIT_USAGE;
			continue;
		}
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
	o.c = c;
	o.out = stdout;
	o.pal = cli_palette(cli, stdout);
	o.marks = !o.pal;
	o.width = width ? width : cli_width(stdout);
	if (json) {
		print_json(c, country, only, o.out);
	} else if (stat) {
		print_stat(c, &o, only);
	} else {
		bool one_column = inline_mode || !cmp_layout_fits(o.width);

		fprintf(o.out, "%s", sgr(o.pal, ROLE_TITLE));
		textsafe_fputs(country_display_name(country), o.out);
		fprintf(o.out, ": %d%s \xe2\x86\x92 %d%s%s %s(%.0f%% similar)%s\n", ya, a->complete ? "" : " (excerpt)",
			yb, b->complete ? "" : " (excerpt)", sgr_reset(o.pal), sgr(o.pal, ROLE_HINT),
			c->similarity * 100, sgr_reset(o.pal));
		if (!one_column)
			column_headings(&o);
		fputc('\n', o.out);
		for (size_t s = 0; s < c->n_secs; s++)
			if (only < 0 || (size_t)only == s)
				print_section(&o, &c->secs[s], one_column);
	}
	comparison_free(c);
	return EXIT_OK;
}
