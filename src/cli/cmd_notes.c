/* cmd_notes.c — tipr notes: list, export, add and remove annotations. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "notes/annexport.h"
#include "notes/annotations.h"
#include "cli/commands.h"

enum { OPT_FORMAT = OPT_FIRST_COMMAND_OPTION, OPT_QUOTE, OPT_NOTE, OPT_NOTE_COLOR };

static const struct cli_option notes_options[] = {
	{ "format", "FMT", OPT_FORMAT,
	  "output format (see above)" },
	{ "quote", "TEXT", OPT_QUOTE,
	  "the passage to annotate (add)" },
	{ "note", "TEXT", OPT_NOTE,
	  "a note to attach (add)" },
	{ "color", "NAME", OPT_NOTE_COLOR,
	  "yellow (default), green, blue, pink, red, purple or orange (add)" },
	{ NULL, NULL, 0, NULL },
};

const struct cli_spec cmd_notes_spec = {
	"tipr notes list [--format text|json]\n"
	"tipr notes export [--format md|json|csv]\n"
	"tipr notes add COUNTRY YEAR SECTION --quote TEXT [--note TEXT] [--color NAME]\n"
	"tipr notes rm ID",
	"Annotations (highlighted passages and their notes) are kept in\n"
	"$XDG_DATA_HOME/tipr/annotations.yaml (default ~/.local/share/tipr).\n"
	"list shows them with their place in the current text; passages that can no\n"
	"longer be found are marked orphaned.  export writes them with citations:\n"
	"Markdown grouped by country and year (the default), JSON or CSV.  add\n"
	"highlights the passage of SECTION that reads TEXT (case, accents, spacing and\n"
	"quote style do not matter); rm deletes one by its id (or a unique prefix).\n",
	notes_options,
};

struct notes_args {
	enum ann_format format;
	bool have_format;
	const char *quote, *note, *color;
};

/* Prints the store's problems; the store keeps a corrupt file aside. */
static void flush_store_diags(struct ann_store *st)
{
	diags_print(ann_store_diags(st), stderr);
	diags_clear(ann_store_diags(st));
}

static int notes_show(struct cli *cli, struct ann_store *st, enum ann_format fmt)
{
	enum ann_status res = ann_store_load(st);
	struct ann_cite *v;
	size_t n;

	flush_store_diags(st);
	if (res == ANN_IOERR)
		return EXIT_NOTFOUND;
	if (!cli_open_corpus(cli))
		return EXIT_NOTFOUND;
	n = ann_cite_all(st, NULL, ANN_SORT_DOCUMENT, cli->corpus, &cli->diags, &v);
	cli_flush_diags(cli);
	ann_export(v, n, fmt, stdout);
	free(v);
	return res == ANN_OK ? EXIT_OK : EXIT_NOTFOUND;
}

static int notes_add(struct cli *cli, struct ann_store *st, const struct notes_args *na,
		     char **pos, int npos)
{
	const struct country *country;
	const struct document *doc;
	struct ann_anchor at;
	const struct annotation *added;
	enum ann_color color = ANN_YELLOW;
	enum ann_status res;
	int year, section;
	size_t hits;

	if (npos != 3)
		return cli_usage_error(cli, "notes add expects COUNTRY YEAR SECTION");
	if (!na->quote || !*na->quote)
		return cli_usage_error(cli, "notes add needs --quote TEXT");
	if (na->color && !ann_color_parse(na->color, &color))
		return cli_usage_error(cli, "unknown colour '%s' (yellow, green, blue, pink, red, "
				       "purple or orange)", na->color);
	if (!cli_year(cli, pos[1], &year))
		return EXIT_USAGE;
	if (!cli_open_corpus(cli) || !(country = cli_country(cli, pos[0])) ||
	    !(doc = cli_document(cli, country, year)) || (section = cli_section(cli, doc, pos[2])) < 0)
		return EXIT_NOTFOUND;
	hits = ann_find_quote(doc, section, na->quote, &at);
	if (hits != 1) {
		if (hits)
			cli_error("the quote occurs %zu times in %s %d %s; quote more of the passage",
				  hits, country_display_name(country), year, doc->sections[section].id);
		else
			cli_error("the quote is not in %s %d %s", country_display_name(country), year,
				  doc->sections[section].id);
		return EXIT_NOTFOUND;
	}
	/* ann_add reads (once) and merges the file itself. */
	res = ann_add(st, corpus_default_collection(cli->corpus)->name, doc, section, at.item,
		      at.index, at.start, at.end, color, na->note ? na->note : "", &added);
	flush_store_diags(st);
	if (res == ANN_INVALID)
		return cli_usage_error(cli, "the note is not valid UTF-8");
	if (res == ANN_IOERR)
		return EXIT_NOTFOUND;
	printf("%s\n", added->id);
	return EXIT_OK;
}

static int notes_rm(struct cli *cli, struct ann_store *st, char **pos, int npos)
{
	char id[ANN_ID_LEN + 1] = "";
	size_t plen, matches = 0;
	enum ann_status res;

	if (npos != 1)
		return cli_usage_error(cli, "notes rm expects one ID");
	res = ann_store_load(st);
	flush_store_diags(st);
	if (res == ANN_IOERR)
		return EXIT_NOTFOUND;
	plen = strlen(pos[0]);
	for (size_t i = 0; plen && i < ann_store_count(st); i++) {
		const struct annotation *a = ann_store_at(st, i);

		if (!a->deleted[0] && !strncmp(a->id, pos[0], plen)) {
			memcpy(id, a->id, sizeof(id));
			matches++;
		}
	}
	if (matches != 1) {
		cli_error("%s annotation with id '%s'", matches ? "more than one" : "no", pos[0]);
		return EXIT_NOTFOUND;
	}
	res = ann_delete(st, id, NULL);
	flush_store_diags(st);
	return res == ANN_OK || res == ANN_CORRUPT ? EXIT_OK : EXIT_NOTFOUND;
}

int cmd_notes(struct cli *cli, int argc, char **argv)
{
	struct notes_args na = { .format = ANN_FORMAT_TEXT };
	struct ann_store *st;
	const char *sub;
	int opt, r, status;

	optind = 1;
	while ((opt = cli_getopt(cli, &cmd_notes_spec, argc, argv, &status)) != CLI_END) {
		if (opt == CLI_STOP)
			return status;
		switch (opt) {
		case OPT_FORMAT:
			if (!ann_format_parse(optarg, &na.format))
				return cli_usage_error(cli, "unknown format '%s'", optarg);
			na.have_format = true;
			continue;
		case OPT_QUOTE:
			na.quote = optarg;
			continue;
		case OPT_NOTE:
			na.note = optarg;
			continue;
		case OPT_NOTE_COLOR:
			/* For add, --color names the highlight; it is checked there. */
			na.color = optarg;
			continue;
		default:
			break;
		}
	}
	if (optind >= argc)
		return cli_usage_error(cli, "expected list, export, add or rm");
	sub = argv[optind++];
	if (strcmp(sub, "add")) {
		if (na.quote || na.note)
			return cli_usage_error(cli, "--quote and --note belong to notes add");
		if (na.color && (r = cli_common_option(cli, OPT_COLOR, na.color)) > 0)
			return r;
	}
	if ((!strcmp(sub, "add") || !strcmp(sub, "rm")) && na.have_format)
		return cli_usage_error(cli, "--format belongs to notes list and export");
	st = ann_store_new(NULL);
	if (!strcmp(sub, "list")) {
		if (na.format != ANN_FORMAT_TEXT && na.format != ANN_FORMAT_JSON)
			status = cli_usage_error(cli, "notes list writes text or json");
		else if (optind < argc)
			status = cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);
		else
			status = notes_show(cli, st, na.format);
	} else if (!strcmp(sub, "export")) {
		if (na.format == ANN_FORMAT_TEXT && na.have_format)
			status = cli_usage_error(cli, "notes export writes md, json or csv");
		else if (optind < argc)
			status = cli_usage_error(cli, "unexpected argument '%s'", argv[optind]);
		else
			status = notes_show(cli, st, na.have_format ? na.format : ANN_FORMAT_MD);
	} else if (!strcmp(sub, "add")) {
		status = notes_add(cli, st, &na, argv + optind, argc - optind);
	} else if (!strcmp(sub, "rm")) {
		status = notes_rm(cli, st, argv + optind, argc - optind);
	} else {
		status = cli_usage_error(cli, "unknown notes command '%s' (list, export, add, rm)", sub);
	}
	ann_store_free(st);
	return status;
}
